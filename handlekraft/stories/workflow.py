"""The life of a story across its models: consent from the colleagues named, publication, recognition
and moderation. Pages and API call these, so both follow the same rules and send the same notices.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.notifications.services import notify
from handlekraft.organisation.models import SiteSettings

from .models import AuditEntry, Recognition, Story, StoryPerson

Status = Story.Status
Consent = StoryPerson.Consent


def _ask_consent(story: Story, users) -> None:
    if users and story.status != Status.DRAFT:
        notify(
            users,
            "story_consent",
            format_lazy(_("{} har nævnt dig i historien »{}«"), story.author, story.title),
            _("Læs historien, og svar, om den må deles. Du kan sige nej uden at give en grund."),
            story.get_absolute_url(),
        )


def _settle(story: Story) -> bool:
    """After any change to the people or their answers: publish when everyone has said yes.

    A story that was published goes back to waiting when somebody has not (yet) consented.
    Returns True when the story was published by this call.
    """
    if story.status not in (Status.AWAITING, Status.PUBLISHED):
        return False
    people = list(story.people.all())
    if all(p.consent == Consent.GIVEN for p in people):
        was_waiting = story.status == Status.AWAITING
        story.publish()
        story.save(update_fields=["status", "published_at"])
        return was_waiting
    if story.status == Status.PUBLISHED:
        story.status = Status.AWAITING
        story.save(update_fields=["status"])
    return False


@transaction.atomic
def set_people(story: Story, users: list, *, text_changed: bool = False) -> None:
    """Names exactly these colleagues in the story. New ones are asked for consent.

    When the text of a story changes after colleagues consented, they are asked again: they agreed
    to the text they read.
    """
    wanted = {u.pk: u for u in users if u.pk != story.author_id}
    current = {p.user_id: p for p in story.people.all()}
    StoryPerson.objects.filter(story=story).exclude(user_id__in=wanted).delete()
    added = [u for pk, u in wanted.items() if pk not in current]
    StoryPerson.objects.bulk_create([StoryPerson(story=story, user=u) for u in added])
    asked = list(added)
    if text_changed and story.status in (Status.AWAITING, Status.PUBLISHED, Status.HIDDEN):
        again = [p for pk, p in current.items() if pk in wanted and p.consent != Consent.PENDING]
        StoryPerson.objects.filter(pk__in=[p.pk for p in again]).update(
            consent=Consent.PENDING, answered_at=None
        )
        asked += [p.user for p in again]
    if hasattr(story, "_prefetched_objects_cache"):
        story._prefetched_objects_cache.pop("people", None)
    _settle(story)
    _ask_consent(story, asked)


@transaction.atomic
def share(story: Story) -> bool:
    """From draft: to the named colleagues for consent, or published at once. True when published."""
    if story.status != Status.DRAFT:
        return story.status == Status.PUBLISHED
    published = story.share()
    story.save(update_fields=["status", "published_at"])
    if not published:
        _ask_consent(story, [p.user for p in story.people.all() if p.consent == Consent.PENDING])
    return published


@transaction.atomic
def answer_consent(story: Story, person: StoryPerson, yes: bool) -> None:
    person.consent = Consent.GIVEN if yes else Consent.DECLINED
    person.answered_at = timezone.now()
    person.save(update_fields=["consent", "answered_at"])
    if yes:
        if _settle(story):
            notify(
                [story.author] if story.author else [],
                "story_status",
                format_lazy(_("Din historie »{}« er offentliggjort"), story.title),
                _("Alle de kolleger, du nævner, har givet samtykke."),
                story.get_absolute_url(),
            )
    else:
        _settle(story)
        notify(
            [story.author] if story.author else [],
            "story_status",
            format_lazy(_("En kollega har sagt nej til at blive nævnt i »{}«"), story.title),
            _("Fjern kollegaen fra historien og ret teksten, så kan den offentliggøres."),
            story.get_absolute_url(),
        )


@transaction.atomic
def remove_person(story: Story, person: StoryPerson) -> bool:
    """The author removes a colleague from the story. True when that made it published."""
    person.delete()
    if hasattr(story, "_prefetched_objects_cache"):
        story._prefetched_objects_cache.pop("people", None)
    return _settle(story)


def recognise(story: Story, user, note: str = "", *, update_note: bool = False) -> tuple[Recognition, bool]:
    """One recognition per person per story: a second one changes nothing, unless the person edits the
    note (`update_note`). Returns (recognition, created)."""
    try:
        with transaction.atomic():
            recognition, created = Recognition.objects.get_or_create(
                story=story, user=user, defaults={"note": note}
            )
    except IntegrityError:  # two clicks at once: the other one won
        return Recognition.objects.get(story=story, user=user), False
    if not created and update_note and note != recognition.note:
        recognition.note = note
        recognition.save(update_fields=["note"])
    if created and story.author:
        notify(
            [story.author],
            "story_recognised",
            format_lazy(
                _("{} siger: Det dér er godt {}! (»{}«)"),
                user,
                SiteSettings.current().agency_word,
                story.title,
            ),
            note,
            story.get_absolute_url(),
        )
    return recognition, created


def unrecognise(story: Story, user) -> None:
    Recognition.objects.filter(story=story, user=user).delete()


@transaction.atomic
def hide(story: Story, by, reason: str) -> None:
    story.status = Status.HIDDEN
    story.hidden_reason = reason
    story.save(update_fields=["status", "hidden_reason"])
    AuditEntry.objects.create(story=story, action=AuditEntry.Action.HIDDEN, actor=by, reason=reason)
    notify(
        [story.author] if story.author else [],
        "story_status",
        format_lazy(_("Din historie »{}« er skjult"), story.title),
        format_lazy(_("{} har skjult historien med denne begrundelse: {}"), by, reason),
        story.get_absolute_url(),
    )


@transaction.atomic
def restore(story: Story, by, reason: str) -> None:
    story.status = (
        Status.AWAITING if any(p.consent != Consent.GIVEN for p in story.people.all()) else Status.PUBLISHED
    )
    story.hidden_reason = ""
    story.save(update_fields=["status", "hidden_reason"])
    AuditEntry.objects.create(story=story, action=AuditEntry.Action.RESTORED, actor=by, reason=reason)
    notify(
        [story.author] if story.author else [],
        "story_status",
        format_lazy(_("Din historie »{}« kan ses igen"), story.title),
        reason,
        story.get_absolute_url(),
    )
