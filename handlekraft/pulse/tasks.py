"""Background work of the pulse: the prompt to discuss a result, and e-mailing answer codes."""

from __future__ import annotations

import contextlib
from collections import defaultdict

from django.conf import settings
from django.core.mail import get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from handlekraft.notifications.outbox import automatic
from handlekraft.notifications.services import notify
from handlekraft.organisation.models import Membership, Role, Unit, User

from .codes import remaining_recipients, shuffle, store_sent
from .models import AnswerCode, Survey

BATCH = 50  # codes stored together, in shuffled order


@task()
def prompt_units(survey_id: int) -> int:
    """When a survey closes, each unit's leader, TR and AMR are asked to discuss the result together."""
    survey = Survey.objects.select_related("unit").get(pk=survey_id)
    people = defaultdict(list)
    memberships = Membership.objects.filter(
        unit__path__startswith=survey.unit.path,
        role__in=[Role.LEADER, Role.TR, Role.AMR],
        user__is_active=True,
    ).select_related("unit", "user")
    for m in memberships:
        people[m.unit].append(m.user)
    for unit, users in people.items():
        notify(
            users,
            "pulse_result",
            # The round names which of the quarter's surveys it is: "Puls" comes back every quarter.
            format_lazy(_("Resultatet af »{}« ({}) for {} er klar"), survey.title, survey.round, unit.name),
            _(
                "Drøft resultatet i enheden, og skriv jeres handleplan. I kan bruge dialogmødet "
                "»Opfølgning på arbejdsmiljørapporten«."
            ),
            reverse("results:action-plan", args=[survey.pk]) + f"?enhed={unit.external_id}",
        )
    return len(people)


@task()
def email_codes(survey_id: int) -> int:
    """Sends each person asked, who has not been sent one yet, a code by e-mail. Returns how many.

    A code is stored (as its hash) only once its e-mail has gone, so an SMTP outage burns no codes: the
    people not reached keep no code, and sending again (the same button, or this task run again) reaches
    just them. The e-mails go straight to SMTP, never through the outbox, so no code is ever stored next
    to an address. Who was sent a code is stored (`Invitation`), which code never is. People are sent to
    in random order and the codes stored in shuffled batches, so neither the ids nor the order of the
    codes follow the staff list.
    """

    survey = Survey.objects.select_related("unit").get(pk=survey_id)
    people = [(user, unit) for user, unit in remaining_recipients(survey) if user.email]
    shuffle(people)
    link = settings.SITE_URL + reverse("pulse:answer")
    connection = get_connection()
    sent = 0
    batch: list[tuple[User, Unit, str]] = []
    try:
        for user, unit in people:
            raw = AnswerCode.new_raw()
            with translation.override(user.language or settings.LANGUAGE_CODE):
                # The code goes in the fragment, which browsers never send: it reaches no access log.
                body = render_to_string(
                    "pulse/code_email.txt", {"survey": survey, "code": raw, "link": f"{link}#kode={raw}"}
                )
                subject = str(format_lazy(_("Svar på »{}«"), survey.title))
            connection.send_messages([automatic(subject, body, user.email or "")])
            batch.append((user, unit, raw))
            if len(batch) >= BATCH:
                sent += store_sent(survey, batch)
                batch = []
    finally:
        sent += store_sent(survey, batch)  # what went before an outage still counts
        with contextlib.suppress(Exception):
            connection.close()
    return sent
