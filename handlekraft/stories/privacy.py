"""A person's stories and recognitions in "Mine data", and what erasure does to them (lib/privacy.py).

When a person who left is erased: the stories they wrote stay only if they chose so on their profile
(`User.keep_stories`) and were published, and then read as written by "en tidligere medarbejder" (their
anonymised person); the others are deleted. Their recognitions stay, without their name (the person is
anonymised); the notes they wrote with them are emptied. Being named in others' stories ends.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section, rows

from .models import FeedToken, Recognition, Story, StoryPerson


def sections(user) -> list[Section]:
    written = Story.objects.filter(author=user).select_related("unit").order_by("created")
    return [
        Section(
            "stories",
            _("Historier, du har skrevet"),
            rows(
                {
                    "title": s.title,
                    "kind": s.get_kind_display(),
                    "status": s.get_status_display(),
                    "unit": s.unit.name,
                    "text": "\n\n".join(filter(None, [s.body, s.meaning, s.learning])),
                    "created": s.created,
                }
                for s in written
            ),
        ),
        Section(
            "named_in_stories",
            _("Historier, du er nævnt i"),
            rows(
                {"story": p.story.title, "consent": p.get_consent_display()}
                for p in StoryPerson.objects.filter(user=user).select_related("story")
            ),
        ),
        Section(
            "recognitions_given",
            _("Anerkendelser, du har givet"),
            rows(
                {"story": r.story.title, "note": r.note, "created": r.created}
                for r in Recognition.objects.filter(user=user).select_related("story")
            ),
        ),
        Section(
            "recognitions_received",
            _("Anerkendelser, du har fået"),
            rows(
                {"story": r.story.title, "from": r.user.name, "note": r.note, "created": r.created}
                for r in Recognition.objects.filter(story__author=user).select_related("story", "user")
            ),
        ),
    ]


def erase(user) -> None:
    kept = (
        Story.objects.filter(author=user, status=Story.Status.PUBLISHED)
        if user.keep_stories
        else Story.objects.none()
    )
    Story.objects.filter(author=user).exclude(pk__in=kept.values("pk")).delete()
    Recognition.objects.filter(user=user).exclude(note="").update(note="")
    StoryPerson.objects.filter(user=user).delete()
    FeedToken.objects.filter(user=user).delete()
