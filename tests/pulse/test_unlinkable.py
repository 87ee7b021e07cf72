"""The pulse against someone with the whole database, the logs and the list of who was sent a code.

They may not tell which answer belongs to which person or code better than by chance (docs/pulse.md).
The test plays that attacker: it answers a survey through concurrent clients, reads the tables as a dump
would (with PostgreSQL's hidden xmin and ctid, or SQLite's rowid), and tries each linkage. As the
oracle it knows who got which code (from the e-mails) and who wrote which answer (a marker in the
comment), so it can count how many of the attacker's pairings are right.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections

from handlekraft.organisation.models import Unit
from handlekraft.pulse import services
from handlekraft.pulse.bank import ensure_bank
from handlekraft.pulse.models import AnswerCode, Construct, Item
from handlekraft.pulse.tasks import email_codes
from tests.conftest import make_user
from tests.pulse.helpers import open_survey

UNITS, PER_UNIT = 3, 24
PEOPLE = UNITS * PER_UNIT
# Pairing blindly within each unit gets about one right per unit; the old design got every one right.
CHANCE_BOUND = 12


@pytest.fixture
def answered(transactional_db):
    """72 people in three teams, codes e-mailed in the order of the staff list, answered in random order."""
    ensure_bank(Construct, Item)  # an earlier transactional test may have emptied the tables
    top = Unit.objects.create(external_id="K", name="Kommunen", kind=Unit.Kind.MUNICIPALITY)
    for u in range(UNITS):
        team = Unit.objects.create(external_id=f"T{u}", name=f"Team {u}", kind=Unit.Kind.TEAM, parent=top)
        for i in range(PER_UNIT):
            make_user(f"p{u:02}{i:02}@test.dk", f"Person {u}-{i}", team)
    survey = open_survey(top, question="Hvad skal vi gøre mere af?")
    mail.outbox.clear()
    email_codes.call(survey.pk)
    sent = [(m.to[0], m.body.split("#kode=")[1].split()[0]) for m in mail.outbox]  # in sending order
    assert len(sent) == PEOPLE
    order = list(range(PEOPLE))
    random.Random(15).shuffle(order)
    answer_order = [sent[i][0] for i in order]

    def answer(person: int) -> None:
        try:
            services.answer(sent[person][1], {"raaderum_ved": person % 5}, f"svar fra {sent[person][0]}")
        finally:
            connections.close_all()

    if connection.vendor == "postgresql":
        with ThreadPoolExecutor(max_workers=4) as pool:  # concurrent clients, each with its connection
            list(pool.map(answer, order))
    else:  # SQLite in tests is one in-memory database per connection: answer one at a time
        for person in order:
            answer(person)
    return survey, sent, answer_order


def dump(table: str, columns: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table}")  # noqa: S608 (fixed names)
        return cursor.fetchall()


def who_wrote(comment: str) -> str:
    return comment.removeprefix("svar fra ")


def right_pairs(pairs) -> int:
    return sum(a == b for a, b in pairs)


def right_within_units(stored: list[str], answer_order: list[str]) -> int:
    """Right pairings when the attacker lines up each team's stored answers with the order in which that
    team's people answered (the e-mail addresses p<team><n>@ name the team)."""
    return sum(
        right_pairs(
            zip(
                [e for e in stored if e.startswith(f"p{u:02}")],
                [e for e in answer_order if e.startswith(f"p{u:02}")],
                strict=True,
            )
        )
        for u in range(UNITS)
    )


def code_owner(sent) -> dict[str, str]:
    return {AnswerCode.hash(raw): email for email, raw in sent}


def test_code_ids_say_nothing_about_the_list_they_were_sent_from(answered):
    _survey, sent, _order = answered
    owner = code_owner(sent)
    by_id = [owner[h] for _id, h in sorted(dump("pulse_answercode", "id, code_hash"))]
    assert right_pairs(zip(by_id, (email for email, _raw in sent), strict=True)) <= CHANCE_BOUND


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_no_transaction_id_ties_an_answer_to_its_code(answered):
    _survey, sent, _order = answered
    owner = code_owner(sent)
    codes = dump("pulse_answercode", "xmin::text::bigint, ctid::text, code_hash, used")
    answers = dump("pulse_response", "xmin::text::bigint, ctid::text, comment")
    assert all(used for *_rest, used in codes)
    # 1. the same transaction id: none is shared
    assert not {x for x, *_ in codes} & {x for x, *_ in answers}
    # 2. the order of transaction ids (and physical order within them) of codes against that of answers
    code_order = [owner[h] for _x, _c, h, _u in sorted(codes, key=lambda r: (r[0], ctid(r[1])))]
    answer_order = [who_wrote(c) for _x, _c, c in sorted(answers, key=lambda r: (r[0], ctid(r[1])))]
    assert right_pairs(zip(code_order, answer_order, strict=True)) <= CHANCE_BOUND
    # 3. the answers' xmin gives each unit's last change, not who answered last within it
    assert len({x for x, *_ in answers}) <= UNITS


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_physical_order_of_answers_says_nothing_about_the_order_of_answering(answered):
    _survey, _sent, answer_order = answered
    rows = dump("pulse_response", "ctid::text, comment")
    stored = [who_wrote(c) for _c, c in sorted(rows, key=lambda r: ctid(r[0]))]
    assert right_pairs(zip(stored, answer_order, strict=True)) <= CHANCE_BOUND
    assert right_within_units(stored, answer_order) <= CHANCE_BOUND
    by_id = [who_wrote(c) for _id, c in sorted(dump("pulse_response", "id, comment"))]
    assert right_pairs(zip(by_id, answer_order, strict=True)) <= CHANCE_BOUND


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_the_rowid_of_answers_says_nothing_about_the_order_of_answering(answered):
    _survey, sent, answer_order = answered
    stored = [who_wrote(c) for _r, c in sorted(dump("pulse_response", "rowid, comment"))]
    assert right_pairs(zip(stored, answer_order, strict=True)) <= CHANCE_BOUND
    assert right_within_units(stored, answer_order) <= CHANCE_BOUND
    owner = code_owner(sent)
    codes = [owner[h] for _r, h in sorted(dump("pulse_answercode", "rowid, code_hash"))]
    assert right_pairs(zip(codes, (email for email, _raw in sent), strict=True)) <= CHANCE_BOUND


def test_the_tables_hold_no_time_person_or_address(answered):
    with connection.cursor() as cursor:
        columns = {
            table: {c.name for c in connection.introspection.get_table_description(cursor, table)}
            for table in ("pulse_response", "pulse_answercode")
        }
    assert columns["pulse_response"] == {"id", "survey_id", "unit_id", "round", "answers", "comment"}
    assert columns["pulse_answercode"] == {"id", "survey_id", "unit_id", "code_hash", "used"}


def ctid(text: str) -> tuple[int, int]:
    page, row = text.strip("()").split(",")
    return int(page), int(row)
