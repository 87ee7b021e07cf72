"""The story sections on other modules' pages (see lib/panels.py): a unit's stories, the stories that
used a decision area, and an experiment's stories with "Del som historie"."""

from __future__ import annotations

from django.template.loader import render_to_string

from handlekraft.lib import panels

from .models import Story
from .rules import can_write_stories

PANEL_SIZE = 5


def _render(request, heading: str, stories, **context) -> str:
    # Without the request: the page's context processors have run already, and cost queries.
    return render_to_string(
        "stories/_panel.html", {"heading": heading, "stories": list(stories[:PANEL_SIZE]), **context}
    )


def _visible(request):
    return Story.objects.visible_to(request.user).select_related("unit").order_by("-published_at")


@panels.register("unit")
def unit_stories(request, unit) -> str:
    stories = _visible(request).filter(unit__path__startswith=unit.path)
    return _render(request, "unit", stories, filter_unit=unit)


@panels.register("decision_area")
def area_stories(request, area) -> str:
    return _render(request, "decision_area", _visible(request).filter(decision_area=area))


@panels.register("experiment")
def experiment_stories(request, experiment) -> str:
    return _render(
        request,
        "experiment",
        _visible(request).filter(experiment=experiment),
        experiment=experiment,
        can_share=can_write_stories(request.user),
    )
