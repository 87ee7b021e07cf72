"""People's lifecycle between imports: roles that begin or end on a date, and people who leave.

`apply_due_changes(today)` (run daily by `manage.py apply_org_changes`):
- a PlannedRole whose start date has come becomes a Membership (a new leader starts onboarding then);
- a Membership past its end date ends;
- a person whose last role ended that way has left: their account closes at once (`left_on`), and their
  personal data is erased after the retention period (organisation/erasure.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Membership, PlannedRole, User
from .signals import memberships_added


@dataclass
class DueChanges:
    started: int = 0
    ended: int = 0
    closed: int = 0

    def summary(self) -> str:
        return _("Roller: %(s)d begyndt, %(e)d ophørt. Konti lukket: %(c)d.") % {
            "s": self.started,
            "e": self.ended,
            "c": self.closed,
        }


@transaction.atomic
def apply_due_changes(today: date | None = None) -> DueChanges:
    today = today or timezone.localdate()
    result = DueChanges()
    due = list(PlannedRole.objects.filter(starts_on__lte=today).select_for_update())
    have = set(
        Membership.objects.filter(user_id__in={p.user_id for p in due}).values_list(
            "user_id", "unit_id", "role"
        )
    )
    begun = [
        Membership(
            user_id=p.user_id, unit_id=p.unit_id, role=p.role, starts_on=p.starts_on, ends_on=p.ends_on
        )
        for p in due
        if (p.user_id, p.unit_id, p.role) not in have and (p.ends_on is None or p.ends_on >= today)
    ]
    Membership.objects.bulk_create(begun)
    PlannedRole.objects.filter(pk__in=[p.pk for p in due]).delete()
    memberships_added.send(sender=Membership, memberships=begun)
    result.started = len(begun)

    over = Membership.objects.filter(ends_on__lt=today)
    last_day = dict(over.values("user_id").annotate(last=Max("ends_on")).values_list("user_id", "last"))
    result.ended = over.delete()[0]
    still = set(Membership.objects.filter(user_id__in=list(last_day)).values_list("user_id", flat=True))
    still |= set(PlannedRole.objects.filter(user_id__in=list(last_day)).values_list("user_id", flat=True))
    leaving = [pk for pk in last_day if pk not in still]
    for user in User.objects.filter(pk__in=leaving, is_active=True):
        user.is_active, user.left_on = False, last_day[user.pk]
        user.save(update_fields=["is_active", "left_on"])
        result.closed += 1
    return result
