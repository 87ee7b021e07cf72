from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib import fulltext
from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.lib.paging import CappedPaginator, InOrder
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from .. import workflow
from ..forms import FeedFilterForm, HideForm, RecognitionForm, StoryForm
from ..models import RANK_WINDOW, Experiment, Profession, Story, StoryPerson
from ..rules import (
    can_edit_story,
    can_hide_story,
    can_recognise_story,
    can_restore_story,
    can_see_recognisers,
    can_view_story,
    can_write_stories,
    consent_of,
)

PER_PAGE = 20
COUNT_CAP = 1000  # the feed says "Mere end 1.000 historier" rather than counting them all


def stories_for_cards():
    """What a story card shows: unit and professions, in two queries however many stories."""
    return Story.objects.select_related("unit").prefetch_related("professions")


def story_with_relations():
    return Story.objects.select_related(
        "unit", "author", "decision_area__unit", "experiment"
    ).prefetch_related(
        "professions", Prefetch("people", StoryPerson.objects.select_related("user").order_by("user__name"))
    )


def filter_stories(stories, data: dict, user):
    """Applies the feed's filters. Returns the stories and, for a search, how many matched (which the
    search knows already, so the page need not count them again)."""
    if external_id := data.get("enhed"):
        unit = Unit.objects.filter(external_id=external_id).only("path").first()
        stories = stories.filter(unit__path__startswith=unit.path) if unit else stories.none()
    if data.get("min_enhed"):
        own = Q()
        for m in user.memberships:
            own |= Q(unit__path__startswith=m.unit.path)
        stories = stories.filter(own) if user.memberships else stories.none()
    if kind := data.get("slags"):
        stories = stories.filter(kind=kind)
    if theme := data.get("tema"):
        stories = stories.filter(themes__contains=theme)
    if profession := data.get("fag"):
        stories = stories.filter(professions__slug=profession)
    if start := data.get("fra"):
        stories = stories.filter(published_at__date__gte=start)
    if end := data.get("til"):
        stories = stories.filter(published_at__date__lte=end)
    if fulltext.query_groups(query := data.get("q") or ""):
        ids = fulltext.ranked_newest(stories, query, RANK_WINDOW, "-published_at")
        return InOrder(stories, ids), len(ids)
    return stories.order_by("-published_at", "-pk"), None


@login_required
def feed(request: SignedInRequest) -> HttpResponse:
    """All stories the person may read, newest first, with filters and Danish full-text search."""
    wanted = request.GET.get("enhed", "")
    units = [
        (u.external_id, u.name)
        for u in Unit.objects.filter(Q(depth__lte=1) | Q(external_id=wanted)).order_by("path")
    ]
    professions = list(Profession.objects.values_list("slug", "name"))
    form = FeedFilterForm(request.GET or None, units=units, professions=professions)
    stories = stories_for_cards().visible_to(request.user)
    matches = None
    if form.is_valid():
        stories, matches = filter_stories(stories, form.cleaned_data, request.user)
    else:
        stories = stories.order_by("-published_at", "-pk")
    page = CappedPaginator(stories, PER_PAGE, cap=COUNT_CAP, known_count=matches).get_page(
        request.GET.get("side")
    )
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "stories/feed.html",
        {
            "form": form,
            "page": page,
            "ranked": matches is not None,
            "filtered": any(v for k, v in request.GET.items() if k != "side"),
            "query": query.urlencode(),
            "can_write": can_write_stories(request.user),
        },
    )


@login_required
def mine(request: SignedInRequest) -> HttpResponse:
    """The person's own stories in every status, and the stories that wait for their consent."""
    own = stories_for_cards().filter(author=request.user).order_by("-created")
    asked = (
        StoryPerson.objects.filter(user=request.user, consent=StoryPerson.Consent.PENDING)
        .exclude(story__status=Story.Status.DRAFT)
        .select_related("story__author", "story__unit")
    )
    return render(request, "stories/mine.html", {"own": own[:100], "asked": asked})


def _experiment_initial(request: HttpRequest, form_kwargs: dict) -> Experiment | None:
    """'Del som historie' on an experiment's page: the story starts from its cards."""
    pk = request.GET.get("proevehandling", "")
    if not pk.isdigit():
        return None
    experiment = Experiment.objects.select_related("unit").filter(pk=pk).first()
    if experiment is None:
        return None
    learned = experiment.status == Experiment.Status.DONE and experiment.next_step == Experiment.NextStep.STOP
    form_kwargs["initial"] = {
        "title": experiment.title,
        "kind": Story.Kind.LEARNING if learned else Story.Kind.STORY,
        "body": "\n\n".join(
            part
            for part in (
                _("Vi troede, at %(text)s") % {"text": experiment.hypothesis}
                if experiment.hypothesis
                else "",
                _("Derfor prøvede vi %(text)s") % {"text": experiment.action} if experiment.action else "",
                experiment.observed,
            )
            if part
        ),
        "learning": "\n\n".join(p for p in (experiment.learned, experiment.therefore) if p),
        "experiment": experiment.pk,
        "decision_area": experiment.decision_area_id,
        "theme_choices": [experiment.theme],
        "unit": experiment.unit_id,
    }
    return experiment


@login_required
def create(request: SignedInRequest) -> HttpResponse:
    if not can_write_stories(request.user):
        raise PermissionDenied
    kwargs: dict = {"author": request.user}
    experiment = _experiment_initial(request, kwargs) if request.method == "GET" else None
    if request.method == "GET" and experiment is None:
        kwargs["initial"] = {"unit": getattr(request.user.primary_unit, "pk", None)}
    form = StoryForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            story = form.save(commit=False)
            story.author = request.user
            story.save()
            form.save_m2m()
            workflow.set_people(story, form.named_people())
            published = workflow.share(story) if request.POST.get("action") == "share" else False
        _say_where_it_went(request, story, published)
        return redirect(story)
    return render(request, "stories/edit.html", {"form": form, "story": None, "experiment": experiment})


def _say_where_it_went(request: HttpRequest, story: Story, published: bool) -> None:
    if published or story.status == Story.Status.PUBLISHED:
        messages.success(request, _("Tak fordi du delte historien. Den kan nu læses af dine kolleger."))
    elif story.status == Story.Status.AWAITING:
        messages.info(
            request,
            _("Historien er sendt til de kolleger, du nævner. Den offentliggøres, når de alle har sagt ja."),
        )
    else:
        messages.success(request, _("Historien er gemt som kladde. Kun du kan se den."))


@login_required
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(story_with_relations(), pk=pk)
    if not can_view_story(request.user, story):
        raise Http404
    return render(request, "stories/detail.html", detail_context(request, story))


def detail_context(request: HttpRequest, story: Story, **forms) -> dict:
    user = request.user
    recognitions = (
        list(story.recognitions.select_related("user"))
        if story.is_published or story.status == Story.Status.HIDDEN
        else []
    )
    mine = next((r for r in recognitions if r.user_id == user.pk), None)
    moderator = can_hide_story(user, story) or can_restore_story(user, story)
    return {
        "story": story,
        "can_edit": can_edit_story(user, story),
        "can_recognise": can_recognise_story(user, story),
        "can_hide": can_hide_story(user, story),
        "can_restore": can_restore_story(user, story),
        "see_recognisers": can_see_recognisers(user, story),
        "recognitions": recognitions,
        "my_recognition": mine,
        "recognition_form": forms.get("recognition_form") or RecognitionForm(instance=mine),
        "hide_form": forms.get("hide_form") or HideForm(),
        "my_consent": consent_of(user, story),
        "audit": list(story.audit.select_related("actor")) if moderator else [],
    }


@login_required
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    """Edit with optimistic locking: a save from an older copy shows the newer text and keeps yours."""
    story = get_object_or_404(story_with_relations(), pk=pk)
    if not can_edit_story(request.user, story):
        raise PermissionDenied
    form = StoryForm(request.POST or None, instance=story, author=request.user)
    conflict = None
    if request.method == "POST" and form.is_valid():
        published = {}

        def people_and_sharing(saved: Story) -> None:
            workflow.set_people(saved, form.named_people(), text_changed=form.text_changed())
            published["now"] = workflow.share(saved) if request.POST.get("action") == "share" else False

        conflict = save_unless_changed(form, form.cleaned_data.get("version"), people_and_sharing)
        if conflict is None:
            _say_where_it_went(request, form.instance, published["now"])
            return redirect(form.instance)
        form = form_after_conflict(StoryForm, request.POST, conflict, author=request.user)
    return render(request, "stories/edit.html", {"form": form, "story": story, "conflict": conflict})


@login_required
@require_POST
def consent(request: SignedInRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(story_with_relations(), pk=pk)
    person = consent_of(request.user, story)
    if person is None or story.status == Story.Status.DRAFT:
        raise PermissionDenied
    yes = request.POST.get("answer") == "yes"
    workflow.answer_consent(story, person, yes)
    if yes:
        messages.success(request, _("Tak. Du har givet samtykke til historien."))
    else:
        messages.success(request, _("Du har sagt nej. Historien bliver ikke offentliggjort med dig i."))
    return redirect(story)


@login_required
@require_POST
def remove_person(request: SignedInRequest, pk: int, person_pk: int) -> HttpResponse:
    story = get_object_or_404(story_with_relations(), pk=pk)
    if not can_edit_story(request.user, story):
        raise PermissionDenied
    person = get_object_or_404(StoryPerson, pk=person_pk, story=story)
    name = person.user.name
    if workflow.remove_person(story, person):
        messages.success(request, _("%(name)s er fjernet, og historien er offentliggjort.") % {"name": name})
    else:
        messages.success(
            request,
            _("%(name)s er fjernet fra historien. Husk at rette teksten, hvis navnet står i den.")
            % {"name": name},
        )
    return redirect(story)


@login_required
@require_POST
def recognise(request: SignedInRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(story_with_relations(), pk=pk)
    if not can_recognise_story(request.user, story):
        raise PermissionDenied
    if request.POST.get("action") == "undo":
        workflow.unrecognise(story, request.user)
        messages.success(request, _("Din anerkendelse er fjernet."))
        return redirect(story)
    form = RecognitionForm(request.POST)
    if not form.is_valid():
        context = detail_context(request, story, recognition_form=form)
        return render(request, "stories/detail.html", context)
    _recognition, created = workflow.recognise(
        story, request.user, form.cleaned_data["note"], update_note=True
    )
    if created:
        messages.success(request, _("Tak! Fortælleren får besked om din anerkendelse."))
    else:
        messages.success(request, _("Din hilsen er opdateret."))
    return redirect(story)


@login_required
@require_POST
def hide(request: SignedInRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(story_with_relations(), pk=pk)
    restoring = request.POST.get("action") == "restore"
    allowed = can_restore_story if restoring else can_hide_story
    if not allowed(request.user, story):
        raise PermissionDenied
    form = HideForm(request.POST)
    if not form.is_valid():
        return render(request, "stories/detail.html", detail_context(request, story, hide_form=form))
    if restoring:
        workflow.restore(story, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Historien kan ses igen. Fortælleren har fået besked."))
    else:
        workflow.hide(story, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Historien er skjult. Fortælleren har fået din begrundelse."))
    return redirect(story)


@login_required
def professions(request: SignedInRequest) -> HttpResponse:
    """'Eksempler på fagniveau': the professions, each with how many stories and the newest three."""
    visible = Story.objects.visible_to(request.user)
    counts = dict(
        visible.filter(professions__isnull=False)
        .values_list("professions")
        .annotate(count=Count("pk"))
        .order_by()
    )
    newest = Prefetch(
        "stories", visible.select_related("unit").order_by("-published_at")[:3], to_attr="newest"
    )
    rows: list[Any] = list(Profession.objects.prefetch_related(newest).order_by("name"))
    for row in rows:
        row.count = counts.get(row.pk, 0)
    return render(request, "stories/professions.html", {"professions": rows})


@login_required
def profession(request: SignedInRequest, slug: str) -> HttpResponse:
    profession = get_object_or_404(Profession, slug=slug)
    stories = stories_for_cards().visible_to(request.user).filter(professions=profession)
    by_kind = request.GET.get("slags", "")
    if by_kind in Story.Kind.values:
        stories = stories.filter(kind=by_kind)
    page = CappedPaginator(stories.order_by("-published_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "stories/profession.html",
        {
            "profession": profession,
            "page": page,
            "kinds": Story.Kind.choices,
            "kind": by_kind,
            "query": f"slags={by_kind}" if by_kind else "",
        },
    )
