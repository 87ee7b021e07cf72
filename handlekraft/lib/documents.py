"""Documents people download: accessible PDF (PDF/UA) from a template, DOCX and XLSX as bytes, and the
response that hands them over as an attachment."""

from __future__ import annotations

import io

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# A spreadsheet reads a cell that begins with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe
    (the importers take it off again, so an export imports unchanged)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def text_cells(sheet) -> None:
    """Every string cell of an openpyxl sheet stored as text, never as a formula ("=HYPERLINK(…)")."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"


def pdf_from_template(template: str, context: dict) -> bytes:
    """PDF/UA, with the static files (fonts) at hand. WeasyPrint loads Pango: only exports import it."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf(pdf_variant="pdf/ua-1")


def saved(document) -> bytes:
    """The bytes of a python-docx Document or an openpyxl Workbook."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def attachment(content: bytes, filename: str) -> HttpResponse:
    """A download; the content type follows the file name's extension."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
