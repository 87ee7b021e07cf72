"""The meeting's notes as a Word document (python-docx): columns, groups, "Vejen videre" and the notes
marked for the opsamling's other sections, quotes verbatim."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from handlekraft.lib.documents import add_list, saved, word_document

from .models import REPORT_MARKS, Meeting


def notes_document(meeting: Meeting, rows: list[dict]) -> bytes:
    document = word_document(meeting.title)
    when = meeting.starts_at or meeting.created
    facts = [formats.date_format(timezone.localtime(when), "j. F Y")]
    if meeting.forum:
        facts.insert(0, meeting.forum.name)
    document.add_paragraph(" · ".join(facts))
    visible = [r for r in rows if not r["hidden"]]
    for column in meeting.columns:
        document.add_heading(column["title"], level=1)
        in_column = [r for r in visible if r["column"] == column["title"]]
        if not in_column:
            document.add_paragraph(_("Ingen noter."))
        groups = list(dict.fromkeys(r["group"] for r in in_column))
        for group in sorted(groups, key=lambda g: (g == "", g)):
            if group:
                document.add_heading(group, level=2)
            elif len(groups) > 1:
                document.add_heading(_("Uden gruppe"), level=2)
            for row in (r for r in in_column if r["group"] == group):
                document.add_paragraph(row["text"], style="List Bullet")
    document.add_heading(_("Vejen videre"), level=1)
    forward = [r["text"] for r in visible if r["way_forward"]]
    add_list(document, forward, _("Ingen noter er markeret som vejen videre."))
    for _key, heading in REPORT_MARKS:  # the opsamling's other sections, where notes are marked for them
        marked = [r["text"] for r in visible if r["report_mark"] == str(heading)]
        if marked:
            document.add_heading(str(heading), level=1)
            add_list(document, marked, "")
    return saved(document)
