"""Documents people download: accessible PDF (PDF/UA) from a template, DOCX and XLSX as bytes, and the
response that hands them over as an attachment."""

from __future__ import annotations

import io

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.text import slugify

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
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


def printable_sheet(sheet, widths: list[float]) -> None:
    """An openpyxl sheet people can read and print: a bold header row that stays in view and is
    repeated on every printed page, the columns `widths` wide (in characters), long texts wrapped at
    the top of their cells, and A4 landscape fitted to the page's width. Strings stay text."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    text_cells(sheet)


def pdf_from_template(template: str, context: dict) -> bytes:
    """PDF/UA, with the static files (fonts) at hand. WeasyPrint loads Pango: only exports import it."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf(pdf_variant="pdf/ua-1")


DOCUMENT_LANGUAGE = "da-DK"


def word_document(title: str, heading: str | None = None):
    """A new Word document titled `title`, in Danish (the core properties and every style, so screen
    readers and spelling read it as Danish), opening with `heading` (the title unless given).
    python-docx is imported here, not at start-up: only the exports need it."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    document.core_properties.title = title
    document.core_properties.language = DOCUMENT_LANGUAGE
    for style_name in ("Normal", "Heading 1", "Heading 2", "Title", "List Bullet", "List Bullet 2"):
        properties = document.styles[style_name].element.get_or_add_rPr()
        language = properties.find(qn("w:lang"))
        if language is None:
            language = properties.makeelement(qn("w:lang"), {})
            properties.append(language)
        language.set(qn("w:val"), DOCUMENT_LANGUAGE)
    document.add_heading(heading or title, level=0)
    return document


def add_table(document, header: list[str], rows: list[list]) -> None:
    """A table with a header row and a grid; an empty value reads as "–"."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = "–" if value is None else str(value)


def add_list(document, items: list[str], when_empty: str) -> None:
    """The items as bullets, or one plain paragraph saying there are none."""
    for item in items:
        document.add_paragraph(item, style="List Bullet")
    if not items:
        document.add_paragraph(when_empty)


def saved(document) -> bytes:
    """The bytes of a python-docx Document or an openpyxl Workbook."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_name(title: str, limit: int = 40) -> str:
    """A download's name made from a title, keeping æ, ø and å ("status-på-aktørskab")."""
    return slugify(title, allow_unicode=True)[:limit]


def attachment(content: bytes, filename: str) -> HttpResponse:
    """A download; the content type follows the file name's extension."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
