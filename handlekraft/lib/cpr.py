"""The personal-data guard: refuses free text that holds a Danish CPR number.

Detection follows the approach of OS2datascanner's CPR rule:
- six digits (ddmmyy) and four digits, with or without a separator (space, hyphen or slash), also
  when a line break splits them;
- the six digits must be a real date, and the century read from the 7th digit must agree with the year;
- the modulus-11 check, remembering that numbers issued since 1 January 2007 may fail it;
- words around the number make it more likely (cpr, personnummer, født) or less likely (ordre, faktura, tlf).

One validator, `validate_no_cpr`, serves every free-text field in forms and API alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pydantic import AfterValidator

# Not part of a longer number on either side. The separator is optional: a space, hyphen or slash,
# with spaces around it, and the number may be split across a line break ("010190-" / "1009").
CPR_PATTERN = re.compile(
    r"(?<![\d.,/-])(\d{2})(\d{2})(\d{2})([ \t]?[\-/]?[ \t]?(?:\r?\n[ \t]*)?)(\d{4})(?![\d]|[.,/-]\d)"
)
WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
MOD11_OPTIONAL_SINCE = date(2007, 1, 1)
CONTEXT_CHARS = 40
THRESHOLD = 0.5

MORE_LIKELY = re.compile(
    r"\b(cpr|cpr-?nr|cpr-?nummer|personnummer|personnr|person-?nr|født|fødselsdato|borger)\b", re.IGNORECASE
)
LESS_LIKELY = re.compile(
    r"\b(ordre\w*|faktura\w*|tlf|telefon\w*|mobil\w*|konto\w*|reg\.?-?nr|sagsnr|sagsnummer|journal\w*|"
    r"varenr|varenummer|bilag\w*|ean|cvr|se-?nr|p-?nr|serienummer|løbenummer|bestilling\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CprMatch:
    text: str
    start: int
    end: int
    probability: float

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
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11 == 0


def probability(digits: str, before: str, after: str, today: date | None = None) -> float:
    born = birth_date(digits)
    if born is None or born > (today or date.today()):
        return 0.0
    if passes_modulus11(digits):
        score = 0.9
    elif born >= MOD11_OPTIONAL_SINCE:
        score = 0.5
    else:
        return 0.0
    context = f"{before} {after}"
    if MORE_LIKELY.search(context):
        score += 0.3
    if LESS_LIKELY.search(context):
        score -= 0.5
    return max(0.0, min(score, 1.0))


def find_cpr(text: str, threshold: float = THRESHOLD) -> list[CprMatch]:
    """Every probable CPR number in `text`, in order."""
    found = []
    for match in CPR_PATTERN.finditer(text or ""):
        digits = match.group(1) + match.group(2) + match.group(3) + match.group(5)
        before = text[max(0, match.start() - CONTEXT_CHARS) : match.start()]
        after = text[match.end() : match.end() + CONTEXT_CHARS]
        p = probability(digits, before, after)
        if p >= threshold:
            found.append(CprMatch(text=digits, start=match.start(), end=match.end(), probability=p))
    return found


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


def refuse_cpr(value: str) -> str:
    """The same check for API schemas (pydantic): a ValueError becomes a 422 with the Danish message."""
    matches = find_cpr(value)
    if matches:
        raise ValueError(cpr_message(matches[0]))
    return value


# Use for every free-text field of an API schema: `title: FreeText`.
FreeText = Annotated[str, AfterValidator(refuse_cpr)]
