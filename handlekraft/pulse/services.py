"""The pulse's workflows: codes, answering, closing (with the stored aggregates) and results."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib.cpr import find_cpr
from handlekraft.organisation.models import Unit

from .codes import remaining_recipients, shuffle, store_sent
from .models import COMMENT_MAX, Aggregate, AnswerCode, Response, Rollup, Survey, UnitCount
from .results import SurveyResults, store_outcomes
from .tasks import prompt_units


class Refused(Exception):
    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.message, self.status = message, status


def no_such_code() -> Refused:
    return Refused(_("Koden findes ikke. Tjek, at du har skrevet den rigtigt."), status=404)


def why_not(code: AnswerCode | None) -> Refused | None:
    """Why a code cannot be used now, or None when it can: the same words on the page and in the API."""
    if code is None:
        return no_such_code()
    if code.used:
        return Refused(_("Koden er allerede brugt. Hver kode kan kun bruges én gang."), status=409)
    if code.survey.status == Survey.Status.PLANNED:
        return Refused(_("Målingen er ikke åbnet endnu."), status=409)
    if code.survey.status == Survey.Status.CLOSED:
        return Refused(_("Målingen er lukket, så der kan ikke svares mere."), status=409)
    return None


@transaction.atomic
def make_codes(survey: Survey) -> list[tuple[Unit, str]]:
    """One single-use code per person in the subtree not yet given one (everyone, or after the e-mails
    those without a work e-mail), labelled only with that person's unit, for printed slips: sorted by
    unit, never by person. The codes come back once; who was given a code is recorded (Invitation), never
    which code."""
    given = [(user, unit, AnswerCode.new_raw()) for user, unit in remaining_recipients(survey)]
    store_sent(survey, given)  # the hashes shuffled, and who was given one: never which
    return sorted(((unit, raw) for _user, unit, raw in given), key=lambda c: (c[0].path, c[0].pk, c[1]))


def check_answers(survey: Survey, answers: dict) -> dict:
    keys = set(survey.items.values_list("key", flat=True))
    clean = {}
    for key, value in (answers or {}).items():
        if key not in keys:
            raise Refused(_("Udsagnet %(key)s hører ikke til målingen.") % {"key": key})
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 4
        ):
            raise Refused(_("Svar med et tal fra 0 til 4 – eller »Ved ikke«."))
        clean[key] = value
    if not any(v is not None for v in clean.values()):
        raise Refused(_("Besvar mindst ét udsagn, før du sender."))
    return clean


def answer(raw_code: str, answers: dict, comment: str = "") -> None:
    """Uses the code and stores the answers so that nothing ties the two together (docs/pulse.md):

    1. one transaction marks the code used, rewriting every code of its unit in one statement, so the
       codes' transaction ids and order tell which codes of the unit were used, never in which order;
    2. another transaction stores the answer among the unit's other answers, rewritten in random order
       with new random ids, so their transaction ids, ids and physical order (PostgreSQL's xmin and ctid,
       SQLite's rowid) tell only the unit, which the answer names anyway.
    If the second step fails, the code is given back, so the person can try again.
    """
    code_hash = AnswerCode.hash(raw_code or "")
    found = AnswerCode.objects.filter(code_hash=code_hash).values_list("survey_id", "unit_id").first()
    if found is None:
        raise no_such_code()
    with transaction.atomic():
        _lock_unit_codes(*found)
        code = AnswerCode.objects.select_related("survey").get(code_hash=code_hash)
        if refused := why_not(code):
            raise refused
        survey = code.survey
        clean = check_answers(survey, answers)
        comment = (comment or "").strip()
        if len(comment) > COMMENT_MAX:
            raise Refused(
                _("Kommentaren er for lang: højst %(max)s tegn, din har %(length)s.")
                % {"max": COMMENT_MAX, "length": len(comment)}
            )
        if comment and find_cpr(comment):
            raise Refused(_("Kommentaren ser ud til at indeholde et CPR-nummer. Fjern det, før du sender."))
        AnswerCode.objects.filter(survey=survey, unit_id=code.unit_id).update(
            used=Case(When(pk=code.pk, then=Value(True)), default=F("used"))
        )
    try:
        _store_among_the_unit(survey, code.unit_id, clean, comment[:2000])
    except BaseException:
        AnswerCode.objects.filter(pk=code.pk).update(used=False)
        raise


def _lock_unit_codes(survey_id: int, unit_id: int) -> None:
    """The unit's codes are the lock of both steps: one answer at a time per unit, so no answer is lost
    or left unmixed. Always taken in the same order (by id), so two answers cannot deadlock."""
    list(
        AnswerCode.objects.select_for_update()
        .filter(survey_id=survey_id, unit_id=unit_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def _store_among_the_unit(survey: Survey, unit_id: int, answers: dict, comment: str) -> None:
    _lock_unit_codes(survey.pk, unit_id)
    mine = Response.objects.filter(survey=survey, unit_id=unit_id)
    rows = [(r["answers"], r["comment"]) for r in mine.values("answers", "comment")]
    rows.append((answers, comment))
    shuffle(rows)
    mine.delete()
    Response.objects.bulk_create(
        [Response(survey=survey, unit_id=unit_id, round=survey.round, answers=a, comment=c) for a, c in rows]
    )


@transaction.atomic
def close(survey: Survey) -> Survey | None:
    """Closes the survey, stores its aggregates and, when it repeats, plans the next round."""
    survey.closed_at = timezone.now()
    survey.save(update_fields=["closed_at"])
    refresh_aggregates(survey)
    transaction.on_commit(lambda: prompt_units.enqueue(survey.pk))
    if survey.repeat_quarterly and not survey.next_rounds.exists():
        opens = next_quarter(survey.opens)
        length = survey.closes - survey.opens
        following = Survey.objects.create(
            title=survey.title,
            unit=survey.unit,
            opens=opens,
            closes=opens + length,
            question=survey.question,
            round=Survey.round_of(opens),
            repeat_quarterly=True,
            previous=survey,
            created_by=survey.created_by,
        )
        following.items.set(survey.items.all())
        return following
    return None


def next_quarter(day: date) -> date:
    """The first day of the quarter after the one `day` lies in."""
    month = ((day.month - 1) // 3) * 3 + 4
    return date(day.year + (month > 12), (month - 1) % 12 + 1, 1)


def refresh_aggregates(survey: Survey) -> None:
    """Per unit and item (its own respondents), per unit (counts), and per subtree and item (roll-ups)."""
    items = list(survey.items.all())
    counts: dict = defaultdict(lambda: [0] * 6)
    respondents: dict = defaultdict(int)
    for response in (
        Response.objects.filter(survey=survey).only("unit_id", "answers").iterator(chunk_size=5000)
    ):
        respondents[response.unit_id] += 1
        for item in items:
            if item.key in response.answers:
                value = response.answers[item.key]
                counts[(response.unit_id, item.pk)][5 if value is None else value] += 1
    store_aggregates(survey, items, respondents, counts)


def store_aggregates(survey: Survey, items: list, respondents: dict, counts: dict) -> None:
    """Writes the per-unit aggregates, the per-unit counts and the subtree roll-ups of a survey, and what
    may be shown of each group (`results.store_outcomes`).

    `respondents`: unit id → responses from that unit; `counts`: (unit id, item id) → distribution.
    """
    units = {u.pk: u for u in Unit.objects.filter(path__startswith=survey.unit.path)}
    subtree: dict = defaultdict(int)
    rolled: dict = defaultdict(lambda: [0] * 6)
    for unit_id, n in respondents.items():
        for ancestor in units[unit_id].lineage_ids if unit_id in units else [unit_id]:
            if ancestor not in units:
                continue
            subtree[ancestor] += n
            for item in items:
                own = counts.get((unit_id, item.pk))
                if own:
                    total = rolled[(ancestor, item.pk)]
                    for i, c in enumerate(own):
                        total[i] += c
    Aggregate.objects.filter(survey=survey).delete()
    UnitCount.objects.filter(survey=survey).delete()
    Rollup.objects.filter(survey=survey).delete()
    Aggregate.objects.bulk_create(
        [
            Aggregate(
                survey=survey,
                unit_id=unit_id,
                item=item,
                respondents=n,
                distribution=counts.get((unit_id, item.pk), [0] * 6),
            )
            for unit_id, n in respondents.items()
            for item in items
        ],
        batch_size=2000,
    )
    UnitCount.objects.bulk_create(
        [
            UnitCount(survey=survey, unit_id=unit_id, direct=respondents.get(unit_id, 0), subtree=n)
            for unit_id, n in subtree.items()
        ],
        batch_size=2000,
    )
    Rollup.objects.bulk_create(
        [
            Rollup(survey=survey, unit_id=unit_id, item_id=item_id, distribution=distribution)
            for (unit_id, item_id), distribution in rolled.items()
        ],
        batch_size=2000,
    )
    store_outcomes(survey, units, subtree, rolled)


def result(survey: Survey, unit: Unit):
    """Scores for a unit's subtree, or suppressed (open survey, small group, unsafe remainder)."""
    # A unit outside the survey is never among the shown.
    return SurveyResults.for_survey(survey, [unit]).for_unit(unit)
