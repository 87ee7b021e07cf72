"""The råderum as a printable A4 page (PDF, WeasyPrint) and as an Excel workbook (openpyxl)."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from handlekraft.lib.documents import text_cells
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from .models import DecisionArea, Level
from .rules import can_edit_mandates_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def staff_room_pdf(unit: Unit) -> bytes:
    """One A4 page for the staff room: every area in force with its answer, limits and inform duties."""
    from weasyprint import HTML  # imported here: it loads Pango, which only this export needs

    areas = DecisionArea.objects.for_unit(unit)
    html = render_to_string(
        "mandates/print.html",
        {
            "unit": unit,
            "areas": areas,
            "today": timezone.localdate(),
            "font_dir": settings.BASE_DIR / "static",
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf()


def workbook(unit: Unit) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Råderum")[:31]
    headers = [
        _("Beslutningsområde"),
        _("Gælder fra"),
        _("Niveau"),
        _("Niveau (tekst)"),
        _("Må vi selv?"),
        _("Hjørneflag"),
        _("Beløbsgrænse"),
        _("Orienteringspligt"),
        _("Hvornår"),
        _("Eksempler"),
        _("Søgeord"),
        _("Revideres senest"),
    ]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for area in DecisionArea.objects.for_unit(unit):
        sheet.append(
            [
                area.title,
                area.unit.name,
                area.level,
                str(Level(area.level).label),
                area.answer,
                area.limits,
                area.amount_text(),
                area.inform,
                area.get_inform_when_display() if area.inform_when else "",
                area.examples,
                area.keywords,
                area.review_date,
            ]
        )
    for column, width in zip("ABCDEFGHIJKL", [40, 24, 8, 40, 32, 48, 18, 32, 18, 48, 32, 16], strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    text_cells(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def attachment(content: bytes, content_type: str, unit: Unit, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"raaderum-{slugify(unit.name)}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def pdf(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    return attachment(staff_room_pdf(unit), "application/pdf", unit, "pdf")


@login_required
def xlsx(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    return attachment(workbook(unit), XLSX, unit, "xlsx")


@login_required
def board(request: SignedInRequest, external_id: str) -> HttpResponse:
    """'Delegeringstavle': the areas × the seven levels, with the current and the desired level."""
    unit = get_object_or_404(Unit, external_id=external_id)
    return render(
        request,
        "mandates/board.html",
        {
            "unit": unit,
            "ancestors": unit.ancestors(),
            "areas": DecisionArea.objects.for_unit(unit),
            "levels": Level.choices,
            "can_edit": can_edit_mandates_of(request.user, unit),
        },
    )
