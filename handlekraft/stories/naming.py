"""People named in a story's text: colleagues (asked for consent like those ticked in the form) and
citizens named by full name (flagged, so the author can anonymise them).

Danish writes only proper nouns with a capital, so a name is two or three capitalised words in a row
("Karin Jensen", "Anne Marie Holm"). A colleague is such a run that is the name of an active person of
the municipality. A citizen is a run of two that starts with a first name some employee has (the
municipality's own staff list is a broad list of Danish first names) and is neither a colleague nor a
unit; the author may say it is not a citizen.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.db.models import Q

from handlekraft.organisation.models import Unit, User

WORD = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?"
CAPITALISED_RUN = re.compile(rf"{WORD}(?:[ \t]+{WORD})+")
MAX_CANDIDATES = 40  # a story is short; this bounds the queries' size, never their number


def _windows(text: str) -> list[tuple[str, ...]]:
    """Every run of two or three capitalised words, as word tuples."""
    found: list[tuple[str, ...]] = []
    for run in CAPITALISED_RUN.finditer(text or ""):
        words = run.group().split()
        for size in (3, 2):
            found += [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]
    return list(dict.fromkeys(found))[:MAX_CANDIDATES]


def colleagues_named(text: str) -> list[User]:
    """Active people of the municipality whose full name stands in the text, in the order of the text."""
    names = [" ".join(w) for w in _windows(text)]
    if not names:
        return []
    found = {u.name: u for u in User.objects.filter(is_active=True, name__in=names)}
    return list({found[n].pk: found[n] for n in names if n in found}.values())


def citizens_named(text: str, colleagues: list[User]) -> list[str]:
    """Full names in the text that look like a citizen's: a first name staff have, and a surname."""
    taken = " ".join(u.name for u in colleagues)
    pairs = [w for w in _windows(text) if len(w) == 2 and " ".join(w) not in taken]
    if not pairs:
        return []
    firsts = {first for first, _last in pairs}
    known = {
        name.split()[0]
        for name in User.objects.filter(
            reduce(or_, (Q(name__startswith=f"{f} ") for f in firsts))
        ).values_list("name", flat=True)
    }
    units = set(Unit.objects.filter(name__in=[" ".join(p) for p in pairs]).values_list("name", flat=True))
    return [" ".join(p) for p in pairs if p[0] in known and " ".join(p) not in units]
