"""Template filters every template has without {% load %} (settings.TEMPLATES builtins)."""

from __future__ import annotations

from django import template

from .cpr import mask_cpr as _mask_cpr

register = template.Library()


@register.filter(is_safe=False)
def mask_cpr(value) -> str:
    """Free text with any CPR number stored before the guard shown as "010203-XXXX" (`scan_cpr` finds
    them so they can be removed)."""
    return _mask_cpr(str(value)) if value else value
