"""The råderum as a printable A4 page (PDF, WeasyPrint) and as an Excel workbook (openpyxl)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib import documents
from handlekraft.lib.documents import attachment, pdf_from_template, printable_sheet, saved
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..models import DecisionArea, Level
from ..rules import can_edit_mandates_of


def staff_room_pdf(unit: Unit) -> bytes:
    """One A4 page for the staff room: every area in force with its answer, limits and inform duties.
    PDF/UA (tagged, with its language and title), as every PDF the product makes (lib/documents)."""
    context = {
        "unit": unit,
        "areas": DecisionArea.objects.for_unit(unit),
        "today": timezone.localdate(),
        "font_dir": settings.BASE_DIR / "static",
    }
    return pdf_from_template("mandates/print.html", context)


def workbook(unit: Unit) -> bytes:
    from openpyxl import Workbook

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
    printable_sheet(sheet, [40, 24, 8, 40, 32, 48, 18, 32, 18, 48, 32, 16])
    return saved(book)


def file_name(unit: Unit, extension: str) -> str:
    return f"raaderum-{documents.file_name(unit.name, 80)}-{timezone.localdate():%Y-%m-%d}.{extension}"


@login_required
def pdf(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    return attachment(staff_room_pdf(unit), file_name(unit, "pdf"))


@login_required
def xlsx(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    return attachment(workbook(unit), file_name(unit, "xlsx"))


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
