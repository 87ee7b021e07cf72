"""Calendar feeds (iCal) of the plan: one per forum, and one per person (the activities they are
responsible for and their follow-up items). Calendar programs cannot sign in, so the address carries a
personal secret in the query string (`?noegle=…`), which our logs never record; a new address revokes
the old one. A person's forum feed shows only what that person may see."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from handlekraft.organisation.http import SignedInRequest

from ..models import Activity, CalendarToken, FollowUp, Forum, quarter_bounds
from ..rules import can_follow_forum, can_see_follow_up

if TYPE_CHECKING:
    from icalendar import Calendar, Event


def host() -> str:
    """The site's own host name, so each event's UID is unique across every calendar (RFC 5545)."""
    return urlsplit(settings.SITE_URL).hostname or "handlekraft"


def calendar(name: str) -> Calendar:
    from icalendar import Calendar  # only for the feeds: it is slow to import

    cal = Calendar()
    cal.add("prodid", "-//handlekraft//Plan og opfølgning//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def activity_event(activity: Activity, stamp: datetime) -> Event:
    """An activity on its date, or, while the date is unknown, as an all-day span over its quarter."""
    from icalendar import Event

    event = Event()
    event.add("uid", f"aktivitet-{activity.pk}@{host()}")
    event.add("dtstamp", stamp)
    event.add("summary", f"{activity.title} ({activity.forum.short_name})")
    if activity.day:
        event.add("dtstart", activity.day)
        event.add("dtend", activity.day + timedelta(days=1))
    else:
        start, _end = quarter_bounds(activity.quarter)
        _start, end = quarter_bounds(activity.until_quarter or activity.quarter)
        event.add("dtstart", start)
        event.add("dtend", end)
    event.add("description", f"{activity.get_kind_display()} · {activity.get_status_display()}")
    event.add("url", settings.SITE_URL + activity.get_absolute_url())
    event.add("status", "CANCELLED" if activity.status == Activity.Status.POSTPONED else "CONFIRMED")
    return event


def follow_up_event(item: FollowUp, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"opfoelgning-{item.pk}@{host()}")
    event.add("dtstamp", stamp)
    event.add("summary", _("Frist: %(title)s") % {"title": item.title})
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("description", f"{item.forum.name} · {item.get_status_display()}")
    event.add("url", settings.SITE_URL + item.get_absolute_url())
    return event


def respond(cal: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def token_user(request: HttpRequest):
    user = CalendarToken.user_for(request.GET.get("noegle", ""))
    if user is None:
        raise Http404
    return user


@require_GET
def forum_feed(request: HttpRequest, pk: int) -> HttpResponse:
    user = token_user(request)
    forum = get_object_or_404(Forum, pk=pk)
    stamp = timezone.now()
    cal = calendar(forum.name)
    for activity in forum.activities.select_related("forum"):
        cal.add_component(activity_event(activity, stamp))
    if can_follow_forum(user, forum):
        for item in forum.follow_ups.select_related("forum").exclude(status=FollowUp.Status.DONE):
            cal.add_component(follow_up_event(item, stamp))
    return respond(cal, f"plan-{forum.pk}")


@require_GET
def personal_feed(request: HttpRequest) -> HttpResponse:
    user = token_user(request)
    stamp = timezone.now()
    cal = calendar(_("Min plan og opfølgning"))
    for activity in Activity.objects.filter(responsible=user).select_related("forum"):
        cal.add_component(activity_event(activity, stamp))
    for item in (
        FollowUp.objects.filter(owner=user).exclude(status=FollowUp.Status.DONE).select_related("forum")
    ):
        if can_see_follow_up(user, item):
            cal.add_component(follow_up_event(item, stamp))
    return respond(cal, "min-plan")


@login_required
def subscribe(request: SignedInRequest) -> HttpResponse:
    """Make (or replace, or switch off) the person's calendar addresses. They are shown once."""
    token = None
    has_token = CalendarToken.objects.filter(user=request.user, revoked__isnull=True).exists()
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            CalendarToken.revoke_all(request.user)
            messages.success(
                request, _("Dine kalenderadresser er slået fra. De gamle adresser virker ikke længere.")
            )
            has_token = False
        else:
            token, has_token = CalendarToken.issue(request.user), True
    addresses = []
    if token:
        addresses.append(
            (_("Min plan og opfølgning"), f"{settings.SITE_URL}{reverse('plan:ical-mine')}?noegle={token}")
        )
        for forum in Forum.objects.all():
            url = f"{settings.SITE_URL}{reverse('plan:ical-forum', args=[forum.pk])}?noegle={token}"
            addresses.append((forum.name, url))
    return render(request, "plan/calendar.html", {"addresses": addresses, "has_token": has_token})
