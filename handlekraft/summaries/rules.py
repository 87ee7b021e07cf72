"""Who may make and edit an opsamling: the person who made it, and HR; whoever may open dialogue meetings
may make one from the meetings they facilitate."""

from __future__ import annotations

import rules

from handlekraft.dialogue.rules import can_open_meetings
from handlekraft.organisation.rules import is_hr


@rules.predicate
def made_it(user, summary) -> bool:
    return summary is not None and getattr(user, "pk", None) == summary.created_by_id


can_make_summaries = can_open_meetings
can_edit_summary = made_it | is_hr

rules.add_perm("summaries.add_summary", can_make_summaries)
rules.add_perm("summaries.change_summary", can_edit_summary)
