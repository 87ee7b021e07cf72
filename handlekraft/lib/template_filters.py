"""Template filters and tags every template has without {% load %} (settings.TEMPLATES builtins)."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .cpr import mask_cpr as _mask_cpr

register = template.Library()


@register.filter(is_safe=False)
def mask_cpr(value) -> str:
    """Free text with any CPR number stored before the guard shown as "010203-XXXX" (`scan_cpr` finds
    them so they can be removed)."""
    return _mask_cpr(str(value)) if value else value


class ConflictAlertNode(template.Node):
    def __init__(self, heading: template.base.FilterExpression, body: template.NodeList):
        self.heading, self.body = heading, body

    def render(self, context) -> str:
        return render_to_string(
            "components/conflict.html",
            {"heading": self.heading.resolve(context), "body": mark_safe(self.body.render(context))},
        )


@register.tag
def conflict_alert(parser, token) -> ConflictAlertNode:
    """`{% conflict_alert _("Heading") %}what the saved version says{% endconflict_alert %}`: the one
    warning every edit form shows when someone saved in between (lib/locking.py), so all of them read
    and sound alike to a screen reader: an alert with a heading, then what was saved."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("conflict_alert takes one argument: the heading")
    body = parser.parse(("endconflict_alert",))
    parser.delete_first_token()
    return ConflictAlertNode(parser.compile_filter(bits[1]), body)
