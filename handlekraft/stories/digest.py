"""The weekly e-mail digest of new stories from each person's area, sent as a background task.

`manage.py send_story_digest` (weekly, from cron or a systemd timer) puts the task in the queue; the
task worker puts each person's digest in the outbox (notifications/outbox.py), which sends it with retries.
Each person gets a week's digest at most once, however often the command runs, and a mail outage loses
none. People opt out under Min profil (the e-mail choice "story_digest").
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from handlekraft.notifications import outbox, unsubscribe
from handlekraft.notifications.models import EmailPreference
from handlekraft.organisation.models import Membership

from .models import DigestRun, Story

KIND = "story_digest"
PER_EMAIL = 10


def current_week() -> str:
    year, week, _day = timezone.localdate().isocalendar()
    return f"{year}-W{week:02d}"


def digests(since) -> dict:
    """{user: [stories]}: stories published since `since` in the person's areas, except their own.

    People who opted out are left out."""
    stories = list(
        Story.objects.published()
        .filter(published_at__gte=since)
        .select_related("unit", "author")
        .order_by("-published_at")
    )
    if not stories:
        return {}
    by_area = defaultdict(list)
    for story in stories:
        by_area[story.area_id].append(story)
    declined = set(EmailPreference.objects.filter(kind=KIND, email=False).values_list("user_id", flat=True))
    areas_of, users = defaultdict(set), {}
    memberships = Membership.objects.filter(user__is_active=True).select_related("unit", "user")
    for m in memberships.iterator(chunk_size=2000):
        if m.user_id in declined or not m.user.email:
            continue
        areas_of[m.user_id].add(m.unit.area_id)
        users[m.user_id] = m.user
    result = {}
    for user_id, areas in areas_of.items():
        mine = [s for area in areas for s in by_area.get(area, []) if s.author_id != user_id]
        if mine:
            mine.sort(key=lambda s: s.published_at, reverse=True)
            result[users[user_id]] = mine
    return result


def message(user, stories: list[Story], week: str, off: str) -> tuple[str, str]:
    """(subject, body) of one person's digest, in their language; `off` turns the digest off."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        body = render_to_string(
            "stories/digest.txt",
            {
                "user": user,
                "stories": stories[:PER_EMAIL],
                "more": max(0, len(stories) - PER_EMAIL),
                "site_url": settings.SITE_URL,
                "unsubscribe_url": off,
            },
        )
        subject = _("Nye historier fra dit område (uge %(week)s)") % {"week": int(week.split("W")[1])}
    return subject, body


@task()
def send_story_digests(week: str) -> int:
    """Sends this week's digest to everyone with new stories from their area. Returns how many."""
    since = timezone.now() - timedelta(days=7)
    queued = 0
    with transaction.atomic():
        run, _created = DigestRun.objects.get_or_create(week=week)
        for user, stories in digests(since).items():
            off = unsubscribe.link(user.pk, KIND)  # in the text and in the List-Unsubscribe header
            subject, body = message(user, stories, week, off)
            # Once per person and week, however often this runs; sent (and retried) from the outbox.
            queued += (
                outbox.queue(
                    user.email,
                    subject,
                    body,
                    key=f"digest:{week}:{user.pk}",
                    unsubscribe_url=off,
                )
                is not None
            )
        DigestRun.objects.filter(pk=run.pk).update(sent=F("sent") + queued)
    return queued
