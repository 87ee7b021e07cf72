"""Reach: the private Atom feed of new stories from a person's area (for the intranet).

The address carries a secret in the query string (`?noegle=…`), which our logs never record. Making a
new address revokes the old one.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from handlekraft.organisation.http import SignedInRequest

from ..models import FeedToken, Story

FEED_SIZE = 30


@require_GET
def atom(request: HttpRequest) -> HttpResponse:
    user = FeedToken.user_for(request.GET.get("noegle", ""))
    if user is None:
        raise Http404
    feed = Atom1Feed(
        title=_("Nye historier fra dit område"),
        link=settings.SITE_URL + reverse("stories:feed"),
        feed_url=settings.SITE_URL + request.get_full_path(),  # rel="self" (RFC 4287)
        description=_("Gode historier, borgerfortællinger og lærende historier fra dit område."),
        language="da",
    )
    stories = Story.objects.from_own_area(user).select_related("unit", "author").order_by("-published_at")
    for story in stories[:FEED_SIZE]:
        url = settings.SITE_URL + story.get_absolute_url()
        feed.add_item(
            title=story.title,
            link=url,
            unique_id=url,
            description=story.body[:500],
            pubdate=story.published_at,
            updateddate=story.updated,
            author_name=story.author.name if story.author else "",
            categories=[str(story.get_kind_display()), story.unit.name],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def subscribe(request: SignedInRequest) -> HttpResponse:
    """Make (or replace) the person's private feed address. The address is shown once."""
    address = None
    has_feed = FeedToken.objects.filter(user=request.user, revoked__isnull=True).exists()
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            FeedToken.revoke_all(request.user)
            messages.success(
                request, _("Din feed-adresse er slået fra. Den gamle adresse virker ikke længere.")
            )
            has_feed = False
        else:
            raw = FeedToken.issue(request.user)
            address = f"{settings.SITE_URL}{reverse('stories:atom')}?noegle={raw}"
            has_feed = True
    return render(request, "stories/subscribe.html", {"address": address, "has_feed": has_feed})
