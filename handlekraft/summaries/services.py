"""Running the engine for an opsamling, keeping what the person has edited."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from .models import Placement, Summary, Theme


@transaction.atomic
def run(summary: Summary, progress: Callable[[int, int, str], None] | None = None) -> tuple[int, int]:
    """Regroups the notes nobody has placed by hand. Returns (themes made, edited themes kept).

    The columns are matched by their title across meetings, so "Det, der giver mening" in ten OMU meetings
    is one column. Groups the facilitators made on their boards travel along as strong hints.
    """
    notes = list(summary.notes().select_related("meeting"))
    kept = list(summary.themes.filter(edited=True))
    placed = set(Placement.objects.filter(theme__in=kept, primary=True).values_list("note_id", flat=True))
    summary.themes.filter(edited=False).delete()
    Placement.objects.filter(theme__in=kept, primary=False).delete()
    todo = [n for n in notes if n.pk not in placed]
    # The engine (numpy, scipy, scikit-learn: about two seconds) loads here, in the task worker, never
    # when a web worker starts.
    from handlekraft.synthesis.engine import Note as EngineNote
    from handlekraft.synthesis.engine import synthesize

    engine_notes = [
        EngineNote(
            id=str(n.pk),
            text=n.text,
            meeting=str(n.meeting_id),
            column=n.meeting.column_title(n.column),
            hint=f"{n.meeting_id}:{n.group_id}" if n.group_id else "",
        )
        for n in todo
    ]
    themes = synthesize(engine_notes, summary.granularity, progress=progress)
    by_text = {str(n.pk): n for n in todo}
    start = max([t.position for t in kept], default=0) + 1
    for position, proposed in enumerate(themes, start=start):
        theme = Theme.objects.create(
            summary=summary,
            column=proposed.column,
            label=proposed.label[:200],
            position=position,
            quote_ids=[int(i) for i in proposed.note_ids if by_text[i].text in proposed.quotes][:2],
        )
        Placement.objects.bulk_create(
            [Placement(theme=theme, note_id=int(i)) for i in proposed.note_ids]
            + [Placement(theme=theme, note_id=int(i), primary=False) for i in proposed.also_ids]
        )
    return len(themes), len(kept)
