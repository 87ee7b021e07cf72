""" "Status på aktørskab": the HU page, its DOCX/PDF for the meeting papers, and fresh figures on request.

Everything shown comes from the newest `StatusSnapshot` (plan/status.py); every figure links to the page
that lies behind it.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.experiments.models import Experiment
from handlekraft.lib.charts import bar_chart
from handlekraft.lib.documents import add_table, attachment, pdf_from_template, saved, word_document
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import SiteSettings
from handlekraft.pulse.models import Action

from .. import status
from ..rules import can_manage_plan, can_see_status
from ..tasks import queue_refresh


def share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def month_label(month: str) -> str:
    """ "2026-11" → "nov. 26" (in the reader's language)."""
    return f"{date_format(date(int(month[:4]), int(month[5:]), 1), 'b')}. {month[2:4]}"


def row_of(figures: dict, data: dict, area: bool) -> dict:
    """One area's (or the organisation's) figures, with the links to what lies behind them."""
    external_id = figures["external_id"]
    months = data["months"]
    unit_query = f"?enhed={external_id}" if area else ""
    latest = data["rounds"][-1]["survey"] if data["rounds"] else None
    stories_query = {"fra": f"{months[0]}-01"} | ({"enhed": external_id} if area else {})
    return {
        "name": figures["name"],
        "area": area,
        "units": figures["units"],
        "units_reviewed": figures["units_reviewed"],
        "reviewed_share": share(figures["units_reviewed"], figures["units"]),
        "questions_answered": figures["questions_answered"],
        "unlearning": share(figures["questions_allowed"], figures["questions_answered"]),
        "stories": [figures["stories"].get(m, 0) for m in months],
        "recognitions": [figures["recognitions"].get(m, 0) for m in months],
        "stories_total": sum(figures["stories"].values()),
        "recognitions_total": sum(figures["recognitions"].values()),
        "experiments": [
            (label, figures["experiments"].get(value, 0)) for value, label in Experiment.Status.choices
        ],
        "proposals": figures["proposals"],
        "proposals_answered": figures["proposals_answered"],
        "hours_freed": round(figures["hours_freed"], 1),
        "meetings_held": figures["meetings_held"],
        "pulse": [figures["pulse"].get(r["round"]) for r in data["rounds"]],
        "action_plans": figures["action_plans"],
        "actions": [(label, figures["actions"].get(value, 0)) for value, label in Action.Status.choices],
        "links": {
            "raaderum": reverse("mandates:unit", args=[external_id]) if area else reverse("organisation"),
            "aflaering": reverse("mandates:unlearning"),
            "stories": reverse("stories:feed") + "?" + urlencode(stories_query),
            "experiments": reverse("experiments:board") + unit_query,
            "proposals": reverse("experiments:proposals"),
            "meetings": reverse("dialogue:meetings"),
            "pulse": (reverse("results:survey", args=[latest]) + unit_query) if latest else "",
            "action_plans": reverse("results:action-plans", args=[latest]) if latest else "",
        },
    }


def page_context() -> dict:
    snapshot = status.latest()
    if snapshot is None:
        return {"snapshot": None}
    data = snapshot.data
    total = row_of(data["total"], data, area=False)
    areas = [row_of(a, data, area=True) for a in data["areas"]]
    months = [month_label(m) for m in data["months"]]
    return {
        "snapshot": snapshot,
        "computed_at": snapshot.computed_at,
        "total": total,
        "areas": areas,
        "rows": [*areas, total],
        "months": months,
        "rounds": [r["round"] for r in data["rounds"]],
        "stories_chart": bar_chart(
            [(_("Historier"), total["stories"]), (_("Anerkendelser"), total["recognitions"])], months
        ),
        "pulse_chart": bar_chart(
            [(r, [row["pulse"][i] or 0 for row in areas]) for i, r in enumerate(data["rounds"])],
            [row["name"].split(" ")[0].rstrip("-") for row in areas],
        ),
        "experiment_labels": [label for label, _n in total["experiments"]],
        "action_labels": [label for label, _n in total["actions"]],
    }


def _allowed(request: HttpRequest) -> None:
    if not can_see_status(request.user):
        raise PermissionDenied


@login_required
def status_page(request: SignedInRequest) -> HttpResponse:
    _allowed(request)
    return render(
        request, "plan/status.html", {**page_context(), "can_refresh": can_manage_plan(request.user)}
    )


@login_required
@require_POST
def refresh(request: SignedInRequest) -> HttpResponse:
    if not can_manage_plan(request.user):
        raise PermissionDenied
    job = queue_refresh(request.user)
    messages.success(request, _("Tallene bliver beregnet. Det tager typisk under et minut."))
    return redirect(job)


@login_required
def report(request: SignedInRequest, kind: str) -> HttpResponse:
    _allowed(request)
    context = {**page_context(), "word": SiteSettings.current().agency_word}
    if context["snapshot"] is None:
        raise Http404
    filename = f"status-paa-aktoerskab-{context['snapshot'].computed_at:%Y-%m-%d}.{kind}"
    if kind == "pdf":
        return attachment(pdf_from_template("plan/status_report.html", context), filename)
    if kind == "docx":
        return attachment(docx_report(context), filename)
    raise Http404


def docx_report(context: dict) -> bytes:
    document = word_document(_("Status på %(word)s") % {"word": context["word"]})
    document.add_paragraph(
        _("Tal opgjort %(when)s.") % {"when": f"{context['snapshot'].computed_at:%d.%m.%Y}"}
    )
    for heading, header, rows in _report_sections(context):
        document.add_heading(heading, level=1)
        if rows is None:
            document.add_paragraph(_("Der er ingen afsluttede målinger for hele organisationen endnu."))
        else:
            add_table(document, header, rows)
    return saved(document)


def _report_sections(context: dict) -> list[tuple[str, list, list | None]]:
    """The report's tables: (heading, header row, rows); rows None where there is nothing yet."""
    rows, total = context["rows"], context["total"]
    months = zip(context["months"], total["stories"], total["recognitions"], strict=True)
    return [
        (
            _("Råderum, aflæring, forslag og møder"),
            [
                _("Område"),
                _("Enheder med gennemgået råderum (%)"),
                _("Aflæring (%)"),
                _("Forslag besvaret"),
                _("Timer frigjort pr. måned"),
                _("Dialogmøder holdt"),
            ],
            [
                [
                    r["name"],
                    r["reviewed_share"],
                    r["unlearning"],
                    f"{r['proposals_answered']} / {r['proposals']}",
                    r["hours_freed"],
                    r["meetings_held"],
                ]
                for r in rows
            ],
        ),
        (
            _("Historier og anerkendelser pr. måned (hele organisationen)"),
            [_("Måned"), _("Historier"), _("Anerkendelser")],
            [list(month) for month in months],
        ),
        (
            _("Prøvehandlinger efter status"),
            [_("Område"), *context["experiment_labels"]],
            [[r["name"], *(n for _label, n in r["experiments"])] for r in rows],
        ),
        (
            _("Udviklingen i målingen (score 0–100)"),
            [_("Område"), *context["rounds"]],
            [[r["name"], *r["pulse"]] for r in rows] if context["rounds"] else None,
        ),
        (
            _("Handleplaner"),
            [_("Område"), _("Handleplaner"), *context["action_labels"]],
            [[r["name"], r["action_plans"], *(n for _label, n in r["actions"])] for r in rows],
        ),
    ]
