"""Background work of the pulse: the prompt to discuss a result, and e-mailing answer codes."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from handlekraft.notifications.services import notify
from handlekraft.organisation.models import Membership, Role

from .models import Survey

BATCH = 500


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
            format_lazy(_("Resultatet af »{}« for {} er klar"), survey.title, unit.name),
            _(
                "Drøft resultatet i enheden, og skriv jeres handleplan. I kan bruge dialogmødet "
                "»Opfølgning på arbejdsmiljørapporten«."
            ),
            reverse("results:action-plan", args=[survey.pk]) + f"?enhed={unit.external_id}",
        )
    return len(people)


@task()
def email_codes(survey_id: int) -> int:
    """One code per person, sent at once and never stored with the person: only its hash is kept."""
    from .services import recipients, store_codes

    survey = Survey.objects.select_related("unit").get(pk=survey_id)
    people = [(user, unit) for user, unit in recipients(survey) if user.email]
    raws = store_codes(survey, [unit for _user, unit in people])
    messages = []
    link = settings.SITE_URL + reverse("pulse:answer")
    for (user, _unit), raw in zip(people, raws, strict=True):
        with translation.override(user.language or settings.LANGUAGE_CODE):
            # The code goes in the fragment, which browsers never send: it reaches no access log.
            body = render_to_string(
                "pulse/code_email.txt", {"survey": survey, "code": raw, "link": f"{link}#kode={raw}"}
            )
            subject = str(format_lazy(_("Svar på »{}«"), survey.title))
        messages.append(EmailMessage(subject, body, to=[user.email]))
    connection = get_connection()
    for start in range(0, len(messages), BATCH):
        connection.send_messages(messages[start : start + BATCH])
    return len(messages)
