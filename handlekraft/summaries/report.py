"""The opsamling report in the seed's structure, as DOCX (python-docx) and PDF (WeasyPrint):
title and period; per column the themes as bullets with counts and one or two quotes; then the seed's
own sections in its order (SECTIONS): "Yderligere opmærksomhedspunkter", "Når vi lykkes", "Opsamlende"
(prose), "Potentielle barrierer", "Vejen videre"; an appendix with all notes. Quotes are verbatim,
in Danish quotation marks (»…«); the documents carry their language and real headings.
"""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handlekraft.lib.documents import add_list, pdf_from_template, saved, word_document

from .models import Summary

# (field, heading, written as points or as prose), in the order of the seed's report.
SECTIONS = [
    ("additional", gettext_lazy("Yderligere opmærksomhedspunkter"), "points"),
    ("succeeding", gettext_lazy("Når vi lykkes"), "points"),
    ("summing_up", gettext_lazy("Opsamlende"), "prose"),
    ("barriers", gettext_lazy("Potentielle barrierer"), "points"),
    ("way_forward", gettext_lazy("Vejen videre"), "points"),
]


def paragraphs(text: str) -> list[str]:
    """Prose: paragraphs separated by a blank line, each joined into one line."""
    return [
        " ".join(block.split()) for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()
    ]


def period_text(summary: Summary) -> str:
    def day(d) -> str:
        return formats.date_format(d, "j. F Y")

    if summary.period_start and summary.period_end:
        return f"{day(summary.period_start)} – {day(summary.period_end)}"
    if summary.period_start:
        return _("fra %(day)s") % {"day": day(summary.period_start)}
    if summary.period_end:
        return _("til %(day)s") % {"day": day(summary.period_end)}
    return ""


def lines(text: str) -> list[str]:
    return [line.strip().lstrip("•-* ").strip() for line in (text or "").splitlines() if line.strip()]


READ = {"points": lines, "prose": paragraphs}  # how each form of section is read into its items


def report_data(summary: Summary, columns: list[dict]) -> dict:
    return {
        "title": summary.title,
        "period": period_text(summary),
        "meetings": [m.title for m in summary.meetings.all()],
        "columns": [
            {
                "title": column["title"],
                "themes": [
                    {
                        "label": t.label,
                        "count": len(t.note_list),
                        "quotes": [n.text for n in t.quote_list[:2]],
                    }
                    for t in column["themes"]
                ],
                "notes": [n.text for t in column["themes"] for n in t.note_list],
            }
            for column in columns
        ],
        "sections": [
            {
                "heading": str(heading),
                "prose": form == "prose",
                "items": READ[form](getattr(summary, field)),
            }
            for field, heading, form in SECTIONS
        ],
        "made": formats.date_format(timezone.localdate(), "j. F Y"),
    }


def docx_report(data: dict) -> bytes:
    document = word_document(data["title"])
    if data["period"]:
        document.add_paragraph(_("Periode: %(period)s") % {"period": data["period"]})
    if data["meetings"]:
        document.add_paragraph(_("Møder: %(meetings)s") % {"meetings": ", ".join(data["meetings"])})
    for column in data["columns"]:
        document.add_heading(column["title"], level=1)
        for theme in column["themes"]:
            item = document.add_paragraph(style="List Bullet")
            item.add_run(theme["label"]).bold = True
            item.add_run(f" ({theme['count']})")
            for quote in theme["quotes"]:
                document.add_paragraph(f"»{quote}«", style="List Bullet 2")
    for section in data["sections"]:
        document.add_heading(section["heading"], level=1)
        if section["prose"]:
            for paragraph in section["items"] or [_("Ingen.")]:
                document.add_paragraph(paragraph)
        else:
            add_list(document, section["items"], _("Ingen."))
    document.add_heading(_("Bilag: alle noter"), level=1)
    for column in data["columns"]:
        document.add_heading(column["title"], level=2)
        for note in column["notes"]:
            document.add_paragraph(note, style="List Bullet")
    return saved(document)


def pdf_report(data: dict) -> bytes:
    return pdf_from_template("summaries/report.html", data)
