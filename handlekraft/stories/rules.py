"""Who may read, write, consent to, recognise and hide stories. Views, API and templates use these."""

from __future__ import annotations

import rules

from handlekraft.organisation.rules import is_hr, is_leader_of

from .models import Story, StoryPerson


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_author(user, story) -> bool:
    return _authenticated(user) and story is not None and story.author_id == user.pk


@rules.predicate
def is_named_in(user, story) -> bool:
    """Named in the story as a colleague (whatever the answer to the consent request)."""
    return (
        _authenticated(user) and story is not None and any(p.user_id == user.pk for p in story.people.all())
    )


@rules.predicate
def leads_story_unit(user, story) -> bool:
    return story is not None and is_leader_of(user, story.unit)


@rules.predicate
def works_in_story_area(user, story) -> bool:
    return _authenticated(user) and any(m.unit.area_id == story.area_id for m in user.memberships)


@rules.predicate
def is_published(user, story) -> bool:
    return story is not None and story.status == Story.Status.PUBLISHED


@rules.predicate
def is_hidden(user, story) -> bool:
    return story is not None and story.status == Story.Status.HIDDEN


@rules.predicate
def is_draft(user, story) -> bool:
    return story is not None and story.status == Story.Status.DRAFT


@rules.predicate
def open_to_everyone(user, story) -> bool:
    return story is not None and story.visibility == Story.Visibility.ALL


@rules.predicate
def can_write_stories(user) -> bool:
    """Anyone who works somewhere in the organisation."""
    return _authenticated(user) and bool(user.memberships)


# Published stories: everyone signed in, or only the story's area. The author and the people named
# always see their story; leaders above the unit and HR also see it when it is hidden.
can_view_story = (
    is_author
    | (is_named_in & ~is_draft)
    | (
        is_published
        & rules.is_authenticated
        & (open_to_everyone | works_in_story_area | leads_story_unit | is_hr)
    )
    | (is_hidden & (leads_story_unit | is_hr))
)
can_edit_story = is_author
can_recognise_story = is_published & can_view_story & ~is_author
can_hide_story = is_published & (leads_story_unit | is_hr)
can_restore_story = is_hidden & (leads_story_unit | is_hr)
# Who recognised a story is shown to the author and to the colleagues in it, and to nobody else.
can_see_recognisers = is_author | is_named_in


def consent_of(user, story) -> StoryPerson | None:
    return next((p for p in story.people.all() if p.user_id == user.pk), None)


rules.add_perm("stories.view_story", can_view_story)
rules.add_perm("stories.change_story", can_edit_story)
rules.add_perm("stories.hide_story", can_hide_story)
