"""The printable A4 råderum (a real PDF, opened with pypdf), the Excel workbook, and the board."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import CAST


def test_the_staff_room_pdf_is_one_a4_page_with_every_area(client_as, demo_org):
    from django.test import Client

    client = Client()
    client.force_login(
        demo_org.people["medarbejder@eksempel.dk"], backend="django.contrib.auth.backends.ModelBackend"
    )
    response = client.get(reverse("mandates:pdf", args=["SO-SOL-A"]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="raaderum-solhaven-afsnit-a-' in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Vores råderum: Solhaven, afsnit A" in text
    assert "Valg af vikar ved akut fravær" in text and "Ja, I beslutter selv." in text
    assert "højst 2.500 kr. pr. gang" in text
    # PDF/UA: tagged, marked as such, in Danish and with its title.
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "da"
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    assert reader.metadata.title == "Vores råderum: Solhaven, afsnit A"


def test_the_excel_export_has_a_row_per_area_in_force(client_as, demo_org):
    from django.test import Client

    from handlekraft.mandates.models import DecisionArea
    from handlekraft.organisation.models import Unit

    client = Client()
    client.force_login(demo_org.people["tr@eksempel.dk"], backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("mandates:xlsx", args=["SO-SOL-B"]))
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:5] == ("Beslutningsområde", "Gælder fra", "Niveau", "Niveau (tekst)", "Må vi selv?")
    expected = DecisionArea.objects.for_unit(Unit.objects.get(external_id="SO-SOL-B"))
    assert len(rows) - 1 == len(expected)
    vikar = next(r for r in rows if r[0] == "Valg af vikar ved akut fravær")
    assert vikar[1] == "Sundhed og omsorg" and vikar[2] == 7 and vikar[4] == "Ja, I beslutter selv."
    from tests.conftest import assert_printable

    assert_printable(book.active)


@pytest.mark.parametrize("who", CAST)
def test_board_and_exports_for_the_cast(client_as, cast, who):
    from handlekraft.mandates.models import DecisionArea

    DecisionArea.objects.create(unit=cast.unit, title="Menu", level=4, desired_level=6)
    for name in ["board", "xlsx"]:
        response = client_as(who).get(reverse(f"mandates:{name}", args=["D"]))
        assert response.status_code == (302 if who == "anonymous" else 200)


def test_the_board_shows_current_and_desired_levels(client_as, cast):
    from handlekraft.mandates.models import DecisionArea

    DecisionArea.objects.create(unit=cast.unit, title="Menu", level=4, desired_level=6)
    html = client_as("employee").get(reverse("mandates:board", args=["D"])).content.decode()
    row = html.split(">Menu</a>")[1].split("</tr>")[0]
    cells = row.split("<td")[1:]
    assert "Nu" in cells[3] and "Mål" in cells[5]
    assert all("Nu" not in c and "Mål" not in c for i, c in enumerate(cells) if i not in (3, 5))
