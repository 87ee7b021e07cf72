"""A person's data across every app (GDPR articles 15 and 17), without a lower app importing a higher one.

Each app that holds data about people registers, in its `AppConfig.ready()`:

    privacy.register("stories", sections=stories_about, erase=erase_stories_of)

- `sections(user)` returns the app's `Section`s of "Mine data": every kind of data the person is the
  subject of, a fixed number of queries whatever their amount;
- `erase(user)` erases or anonymises that data once the person has left (organisation/erasure.py runs
  every app's, then anonymises the person's own row last);
- `retain(settings, today)` deletes or empties what is older than the site's retention settings say
  (SiteSettings), returning {kind: rows}; run nightly.

Apps run in the order they registered (the order of INSTALLED_APPS), lower layers first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass
class Section:
    key: str  # the JSON key
    title: str  # the heading in the PDF
    rows: list[dict[str, str]]
    note: str = ""  # what the section does not hold, and why


@dataclass
class Registered:
    app: str
    sections: Callable[..., list[Section]]
    erase: Callable[..., None] | None
    retain: Callable[..., dict[str, int]] | None


_REGISTERED: list[Registered] = []


def register(
    app: str,
    sections: Callable[..., list[Section]],
    erase: Callable[..., None] | None = None,
    retain: Callable[..., dict[str, int]] | None = None,
) -> None:
    if all(r.app != app for r in _REGISTERED):
        _REGISTERED.append(Registered(app, sections, erase, retain))


def sections_for(user) -> list[Section]:
    return [section for r in _REGISTERED for section in r.sections(user)]


def erase_everywhere(user) -> None:
    for registered in _REGISTERED:
        if registered.erase is not None:
            registered.erase(user)


def retain_everywhere(settings, today: date) -> dict[str, int]:
    done: dict[str, int] = {}
    for registered in _REGISTERED:
        if registered.retain is not None:
            done |= registered.retain(settings, today)
    return done


def as_text(value) -> str:
    """A value as the person reads it: dates in ISO form, local time, "ja"/"nej"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    return str(value)


def rows(items: Iterable[dict]) -> list[dict[str, str]]:
    return [{key: as_text(value) for key, value in item.items()} for item in items]
