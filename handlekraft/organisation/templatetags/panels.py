"""`{% panels "unit" unit %}`: renders the sections later apps add to this page (lib/panels.py)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from handlekraft.lib.panels import render_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str, obj) -> SafeString:
    return mark_safe("".join(render_panels(slot, context["request"], obj)))
