"""Erasing a person who has left (GDPR article 17), and keeping data no longer than the settings say.

`erase_person(user)`:
1. every app erases or anonymises its own data about the person (lib/privacy.py: their stories unless
   they chose to keep them, the asker of their questions, their notifications …);
2. their full name and e-mail are taken out of every text in the database, wherever someone wrote them
   (a story that names them, a job's report), replaced by "en tidligere medarbejder";
3. their own row is anonymised, not deleted, so what stays (a kept story, a recognition, a poker vote)
   reads as "Tidligere medarbejder": no name, e-mail, keys or password are left;
4. an ErasureRecord says when, why and by whom, by row number only.

`erase_due(today)` erases everyone who left more than `erase_leavers_after_days` ago, and
`apply_retention(today)` runs each app's retention (meeting notes, pulse comments, notifications).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from handlekraft.lib.privacy import erase_everywhere, retain_everywhere

from .models import CommitteeMember, ErasureRecord, Membership, PersonalToken, PlannedRole, SiteSettings, User

FORMER_NAME = "Tidligere medarbejder"  # stored data, not a text of the pages: the same in every language
FORMER_IN_TEXT = "en tidligere medarbejder"


@transaction.atomic
def erase_person(user: User, by: User | None = None, reason: str = ErasureRecord.Reason.RETENTION) -> None:
    if user.erased:
        return
    traces = [t for t in [user.name if len(user.name.split()) > 1 else "", user.email or ""] if t]
    erase_everywhere(user)
    for model in (Membership, PlannedRole, CommitteeMember, PersonalToken):
        model.objects.filter(user=user).delete()
    scrub_texts(traces)
    user.name, user.email, user.external_id, user.sso_subject = FORMER_NAME, None, "", ""
    user.set_unusable_password()
    user.is_active, user.is_staff, user.is_superuser, user.last_login = False, False, False, None
    user.left_on = user.left_on or timezone.localdate()
    user.erased = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    ErasureRecord.objects.create(person=user, erased_by=by, reason=reason)


def text_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.primary_key and not f.choices
    ]


def scrub_texts(traces: list[str]) -> int:
    """Replaces each trace (a full name, an e-mail) in every text column of every table, case-insensitively.
    Saves through each model (a story's search text follows). Returns the number of rows changed."""
    if not traces:
        return 0
    pattern = re.compile("|".join(re.escape(t) for t in traces), re.IGNORECASE)
    changed = 0
    for model in apps.get_models():
        if model is User:
            continue  # the person's own row is anonymised as a whole
        fields = text_fields(model)
        if not fields or model._meta.managed is False:
            continue
        wanted = Q()
        for name in fields:
            for trace in traces:
                wanted |= Q(**{f"{name}__icontains": trace})
        for row in model._default_manager.filter(wanted):
            touched = []
            for name in fields:
                value = getattr(row, name)
                if value and pattern.search(value):
                    setattr(row, name, pattern.sub(FORMER_IN_TEXT, value))
                    touched.append(name)
            if touched:
                row.save(update_fields=touched)
                changed += 1
    return changed


def erase_due(today: date | None = None) -> int:
    """Erases everyone who left more than the retention period ago. Returns how many."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=SiteSettings.current().erase_leavers_after_days)
    due = list(User.objects.filter(left_on__lte=cutoff, erased__isnull=True, is_active=False))
    for user in due:
        erase_person(user)
    return len(due)


def apply_retention(today: date | None = None) -> dict[str, int]:
    """Every app's retention, by the site's settings: {kind: rows deleted or emptied}."""
    return retain_everywhere(SiteSettings.current(), today or timezone.localdate())
