"""Panels: a later app adds a section to an earlier app's page without the earlier app importing it.

DESIGN §3 lets apps depend only on earlier ones (organisation → mandates → experiments → stories → …).
A unit's page still wants to show the unit's stories. So the page renders its "slot", and the later app
registers a function for that slot in its `AppConfig.ready()`:

    @panels.register("unit")
    def unit_stories(request, unit) -> str: ...

Each function returns rendered HTML (or "" to show nothing) and should cost one or two queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

_PANELS: dict[str, list[Callable]] = defaultdict(list)


def register(slot: str) -> Callable[[Callable], Callable]:
    def decorator(func: Callable) -> Callable:
        if func not in _PANELS[slot]:
            _PANELS[slot].append(func)
        return func

    return decorator


def render_panels(slot: str, request, obj) -> list[SafeString]:
    """The HTML of every panel registered for the slot, in registration order; empty ones left out."""
    rendered = (func(request, obj) for func in _PANELS[slot])
    return [mark_safe(html) for html in rendered if html]
