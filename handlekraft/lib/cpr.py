"""The personal-data guard: refuses free text that holds a Danish CPR number.

A CPR number is ten digits: a birth date (ddmmyy) and four more. The guard refuses every ten digits that
begin with a real date, whatever stands between the digits and whatever words stand around them:
- between the digits any run of at most six separators: any Unicode space (also the non-breaking ones)
  or line break (a blank line too), any dash (hyphen, en dash, non-breaking hyphen, minus), dots,
  slashes and invisible characters (zero-width space, soft hyphen, word joiner), so "07 07 61 4285",
  "07.07.61-4285", "070761\n\n4285" and "0101 901009" are all found;
- the ten digits are whole groups of such a run (never a part of a longer number such as "12345678901");
- the date is read with the century from the 7th digit (the CPR office's table), but the modulus-11 check
  is not required: numbers issued since 2007 may fail it, and older ones written with a typo are still
  personal data. Nor do words such as "tlf" or "ordre" next to the number make it harmless.
What passes: phone numbers ("12 34 56 78", "+45 12345678"), amounts, dates, and ten digits whose first six
are no date ("3213904001"). Learned from OS2datascanner's CPR rule, made stricter.

One validator, `validate_no_cpr`, serves every free-text field in forms and API alike; `mask_cpr` hides
numbers already stored until `manage.py scan_cpr` has helped an administrator remove them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from pydantic import AfterValidator

DASHES = r"\-\u2010-\u2015\u2043\u2212\ufe58\ufe63\uff0d"
INVISIBLE = r"\u00ad\u200b-\u200d\u2060\ufeff"
SEPARATOR = re.compile(rf"[\s./\\{DASHES}{INVISIBLE}]+")
# Digits with separators between them: the candidates, found in C before the checks in Python.
RUN = re.compile(rf"\d(?:[\d\s./\\{DASHES}{INVISIBLE}]*\d)?")
MAX_GAP = 6  # a longer run of separators ends the group
DIGITS = 10
WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


@dataclass(frozen=True)
class CprMatch:
    text: str  # the ten digits
    start: int
    end: int

    @property
    def masked(self) -> str:
        """The birth-date part only; the control digits are never echoed back."""
        return self.text[:6] + "-XXXX"


def century(year2: int, seventh: int) -> int | None:
    """The full year from the two-digit year and the 7th digit (the CPR office's table)."""
    if seventh <= 3:
        return 1900 + year2
    if seventh in (4, 9):
        return (2000 if year2 <= 36 else 1900) + year2
    # 5, 6, 7, 8
    return (2000 if year2 <= 57 else 1800) + year2


def birth_date(digits: str) -> date | None:
    day, month, year2, seventh = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    year = century(year2, seventh)
    try:
        return date(year, month, day) if year else None
    except ValueError:
        return None


def passes_modulus11(digits: str) -> bool:
    """The old control rule, kept for reference: numbers issued since 2007 may fail it."""
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11 == 0


def _groups(run: str, offset: int) -> list[list[tuple[str, int, int]]]:
    """The run's groups of digit parts (digits, start, end), split where separators run too long."""
    groups: list[list[tuple[str, int, int]]] = [[]]
    position = 0
    for gap in [*SEPARATOR.finditer(run), None]:
        end = gap.start() if gap else len(run)
        if end > position:
            groups[-1].append((run[position:end], offset + position, offset + end))
        if gap is None:
            break
        if gap.end() - gap.start() > MAX_GAP:
            groups.append([])
        position = gap.end()
    return [g for g in groups if g]


def find_cpr(text: str) -> list[CprMatch]:
    """Every CPR number in `text`, in order (see the module's docstring)."""
    found: list[CprMatch] = []
    for run in RUN.finditer(text or ""):
        if sum(c.isdecimal() for c in run.group()) < DIGITS:
            continue
        for parts in _groups(run.group(), run.start()):
            i = 0
            while i < len(parts):
                digits, j = "", i
                while j < len(parts) and len(digits) < DIGITS:
                    digits += parts[j][0]
                    j += 1
                if len(digits) == DIGITS and birth_date(_ascii(digits)) is not None:
                    found.append(CprMatch(_ascii(digits), parts[i][1], parts[j - 1][2]))
                    i = j
                else:
                    i += 1
    return found


def _ascii(digits: str) -> str:
    return "".join(str(int(c)) for c in digits)


def mask_cpr(text: str) -> str:
    """The text with every CPR number shown as its birth date and XXXX ("010203-XXXX")."""
    matches = find_cpr(text)
    for match in reversed(matches):
        text = text[: match.start] + match.masked + text[match.end :]
    return text


def cpr_message(match: CprMatch) -> str:
    return _(
        "Teksten ser ud til at indeholde et CPR-nummer (%(number)s, tegn %(position)s). "
        "Fjern det, før du gemmer: CPR-numre må ikke stå i fri tekst."
    ) % {"number": match.masked, "position": match.start + 1}


def validate_no_cpr(value: str) -> None:
    """Django validator: raises ValidationError with a Danish message pointing at the number."""
    matches = find_cpr(value)
    if matches:
        raise ValidationError(cpr_message(matches[0]), code="cpr")


# A field of free text that people write (a form's textarea): checked for CPR numbers and bounded, so that
# no single text can be large enough to slow every later step (indexing, exports, grouping).
TEXT_MAX = 4_000
FREE_TEXT: list[Callable[[Any], None]] = [validate_no_cpr, MaxLengthValidator(TEXT_MAX)]


def refuse_cpr(value: str) -> str:
    """The same check for API schemas (pydantic): a ValueError becomes a 422 with the Danish message."""
    matches = find_cpr(value)
    if matches:
        raise ValueError(cpr_message(matches[0]))
    return value


# Use for every free-text field of an API schema: `title: FreeText`.
FreeText = Annotated[str, AfterValidator(refuse_cpr)]
