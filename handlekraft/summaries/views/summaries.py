from __future__ import annotations

from collections import Counter, defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib.documents import attachment, file_name
from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.organisation.http import SignedInRequest

from ..forms import SummaryForm, TextsForm
from ..models import Placement, Summary, Theme
from ..report import SECTIONS, docx_report, pdf_report, report_data
from ..rules import can_make_summaries, summary_for
from ..tasks import queue_run

MARKED_SHOWN = 30  # notes marked on the boards listed as suggestions, per section


@login_required
def summaries(request: SignedInRequest) -> HttpResponse:
    if not can_make_summaries(request.user):
        raise PermissionDenied
    form = SummaryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            summary = Summary.objects.create(
                title=form.cleaned_data["title"],
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                granularity=form.cleaned_data["granularity"],
                created_by=request.user,
            )
            summary.meetings.set(form.cleaned_data["chosen"])
            queue_run(summary, request.user)
        return redirect(summary)
    mine = Summary.objects.filter(created_by=request.user)
    return render(request, "summaries/list.html", {"form": form, "summaries": mine})


def themes_by_column(summary: Summary) -> list[dict]:
    """Per column: its themes with their notes, counts per meeting and area, and quotes."""
    themes = list(
        summary.themes.prefetch_related(
            Prefetch(
                "placements",
                Placement.objects.select_related(
                    "note__meeting__committee__unit", "note__meeting__unit"
                ).order_by("note__created"),
            )
        )
    )
    columns: dict[str, list[Theme]] = defaultdict(list)
    for theme in themes:
        primary = [p.note for p in theme.placements.all() if p.primary]
        theme.note_list = primary
        theme.also = [p.note for p in theme.placements.all() if not p.primary]
        by_id = {n.pk: n for n in primary}
        theme.quote_list = [by_id[i] for i in theme.quote_ids if i in by_id] or primary[:1]
        theme.per_meeting = Counter(n.meeting.title for n in primary).most_common()
        areas = Counter(
            (n.meeting.forum_unit.name if n.meeting.forum_unit else "–") for n in primary
        ).most_common()
        theme.per_area = areas
        columns[theme.column].append(theme)
    return [{"title": title, "themes": items} for title, items in columns.items()]


@login_required
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    summary = summary_for(request.user, pk)
    return detail_page(request, summary, TextsForm(instance=summary))


def marked_on_boards(summary: Summary) -> list[tuple[str, list[str]]]:
    """Suggestions for the report's sections: what the facilitators marked on the boards ("Når vi
    lykkes", "Potentielle barrierer", "Vejen videre"), as (heading, texts) in the report's order."""
    notes = summary.notes().filter(Q(way_forward=True) | ~Q(report_mark="")).order_by("created", "pk")
    marked: dict[str, list[str]] = {field: [] for field, _heading, _form in SECTIONS}
    for text, way_forward, mark in notes.values_list("text", "way_forward", "report_mark"):
        for field in [mark, "way_forward" if way_forward else ""]:
            if field and len(marked[field]) < MARKED_SHOWN:
                marked[field].append(text)
    return [(str(heading), marked[field]) for field, heading, _form in SECTIONS if marked[field]]


def detail_page(
    request: SignedInRequest, summary: Summary, texts_form: TextsForm, conflict: Summary | None = None
) -> HttpResponse:
    """The opsamling with its themes and the form for the report's texts (bound, after an error or a
    conflict, so nothing typed is lost)."""
    columns = themes_by_column(summary)
    context = {
        "summary": summary,
        "columns": columns,
        "all_themes": [t for c in columns for t in c["themes"]],
        "meetings": list(summary.meetings.all()),
        "texts_form": texts_form,
        "running": summary.job is not None and not summary.job.finished,
        "marked": marked_on_boards(summary),
    }
    if conflict is not None:
        context.update(
            conflict=conflict,
            conflict_texts=[(heading, getattr(conflict, field)) for field, heading, _form in SECTIONS],
        )
    status = 400 if texts_form.is_bound and texts_form.errors else 200
    return render(request, "summaries/detail.html", context, status=status)


@login_required
@require_POST
def rerun(request: SignedInRequest, pk: int) -> HttpResponse:
    summary = summary_for(request.user, pk)
    queue_run(summary, request.user)
    messages.info(request, _("Opsamlingen køres igen. De temaer, du har redigeret, bliver bevaret."))
    return redirect(summary)


@login_required
@require_POST
def theme_action(request: SignedInRequest, pk: int, theme_pk: int) -> HttpResponse:
    """Rename, merge into another theme, or split the ticked notes off into a new theme."""
    summary = summary_for(request.user, pk)
    theme = get_object_or_404(Theme, pk=theme_pk, summary=summary)
    action = request.POST.get("action")
    if action == "rename":
        label = request.POST.get("label", "").strip()[:200]
        if not label:
            messages.error(request, _("Giv temaet et navn."))
            return redirect(summary)
        theme.rename(label)
        messages.success(request, _("Temaet hedder nu »%(label)s«.") % {"label": label})
    elif action == "merge":
        target = get_object_or_404(Theme, pk=request.POST.get("into") or 0, summary=summary)
        if target.pk != theme.pk:
            theme.merge_into(target)
            messages.success(request, _("Temaerne er lagt sammen i »%(label)s«.") % {"label": target.label})
    elif action == "split":
        chosen = [int(v) for v in request.POST.getlist("notes") if v.isdigit()]
        label = request.POST.get("label", "").strip()[:200] or _("Nyt tema")
        if theme.split_off(chosen, label) is None:
            messages.error(request, _("Sæt flueben ved de noter, der skal have deres eget tema."))
            return redirect(summary)
        messages.success(request, _("Noterne har fået deres eget tema."))
    return redirect(f"{summary.get_absolute_url()}#theme-{theme.pk if action != 'merge' else ''}")


@login_required
@require_POST
def move_note(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    summary = summary_for(request.user, pk)
    placement = get_object_or_404(Placement, note_id=note_pk, primary=True, theme__summary=summary)
    target = get_object_or_404(Theme, pk=request.POST.get("theme") or 0, summary=summary)
    placement.move_to(target)
    messages.success(request, _("Noten er flyttet til »%(label)s«.") % {"label": target.label})
    return redirect(summary)


@login_required
@require_POST
def texts(request: SignedInRequest, pk: int) -> HttpResponse:
    summary = summary_for(request.user, pk)
    form = TextsForm(request.POST, instance=summary)
    if not form.is_valid():  # the message stands next to the field, and what was typed stays in it
        return detail_page(request, summary, form)
    conflict = save_unless_changed(form, form.cleaned_data["version"])
    if conflict is not None:
        messages.error(
            request,
            _("Teksterne er ændret af en anden, mens du skrev. Din tekst står i felterne: gem igen."),
        )
        return detail_page(
            request, conflict, form_after_conflict(TextsForm, request.POST, conflict), conflict
        )
    messages.success(request, _("Teksterne er gemt."))
    return redirect(summary)


@login_required
def report(request: SignedInRequest, pk: int, kind: str) -> HttpResponse:
    summary = summary_for(request.user, pk)
    data = report_data(summary, themes_by_column(summary))
    name = f"opsamling-{file_name(summary.title) or summary.pk}"
    if kind == "docx":
        return attachment(docx_report(data), f"{name}.docx")
    return attachment(pdf_report(data), f"{name}.pdf")
