"""Answer codes: who is asked, and storing the codes so that nothing links a code to a person.

Used by the e-mail task (tasks.email_codes) and by the printed slips (services.make_codes).
"""

from __future__ import annotations

import secrets

from django.db import transaction

from handlekraft.organisation.models import Membership, Role, Unit, User

from .models import AnswerCode, Invitation, Survey

WORK_ROLES = (Role.EMPLOYEE, Role.LEADER)  # the unit a person works in labels their code
shuffle = secrets.SystemRandom().shuffle


def recipients(survey: Survey) -> list[tuple[User, Unit]]:
    """Everyone active in the surveyed subtree, once, whatever their roles (a TR, an AMR or someone in
    HR is an employee too), with the unit their code is labelled with: where they work, else where they
    hold their role."""
    people: dict[int, tuple[User, Unit]] = {}
    memberships = Membership.objects.filter(
        unit__path__startswith=survey.unit.path, user__is_active=True
    ).select_related("unit", "user")
    for m in sorted(memberships, key=lambda m: (m.role not in WORK_ROLES, m.unit.path, m.pk)):
        people.setdefault(m.user_id, (m.user, m.unit))
    return list(people.values())


def remaining_recipients(survey: Survey) -> list[tuple[User, Unit]]:
    """The people asked who have not been sent a code yet."""
    invited = set(Invitation.objects.filter(survey=survey).values_list("user_id", flat=True))
    return [(user, unit) for user, unit in recipients(survey) if user.pk not in invited]


def store_hashes(survey: Survey, codes: list[tuple[Unit, str]]) -> None:
    """Only the codes' hashes, in random order, so neither the ids nor the rows' order follows the list
    of people they were made for."""
    rows = [AnswerCode(survey=survey, unit=unit, code_hash=AnswerCode.hash(raw)) for unit, raw in codes]
    shuffle(rows)
    AnswerCode.objects.bulk_create(rows, batch_size=2000)


@transaction.atomic
def store_sent(survey: Survey, sent: list[tuple[User, Unit, str]]) -> int:
    """Stores the codes of e-mails that went (user, unit, raw code) and who was sent one; never which
    code went to whom."""
    store_hashes(survey, [(unit, raw) for _user, unit, raw in sent])
    Invitation.objects.bulk_create(
        [Invitation(survey=survey, user=user) for user, _unit, _raw in sent], ignore_conflicts=True
    )
    return len(sent)
