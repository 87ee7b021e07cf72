"""'Må jeg selv?' on the test part of the evaluation questions, which tuning never looked at.

The floors are the figures measured on 1 December 2026 (bench/README.md), so a change that makes the search
worse on questions nobody tuned for fails here. The issue's targets are higher (coverage 0.80, recall@1
0.92): raise these floors as the search gets there, never lower them to let a change through.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.mandates.quality import evaluate, load


def test_the_question_set_is_large_and_split_before_tuning():
    kinds = Counter(q.kind for q in load())
    assert kinds["answerable"] >= 150
    assert kinds["sensitive"] >= 40
    assert kinds["outside"] + kinds["near_miss"] >= 60
    splits = Counter(q.split for q in load())
    assert splits["test"] >= 120 and splits["dev"] >= 120
    assert len({q.text for q in load()}) == len(load())


@pytest.fixture
def test_part(demo_org):
    return evaluate(load("test"))


def test_no_question_outside_every_mandate_gets_a_yes(test_part):
    assert test_part.outside_clear_yes == 0, test_part.mistakes()
    assert test_part.outside_clear <= 1, test_part.mistakes()


def test_no_legal_frame_gets_a_yes_from_an_unrelated_area(test_part):
    assert test_part.sensitive_wrong_yes == 0, test_part.mistakes()
    assert test_part.sensitive_right >= 0.88, test_part.mistakes()


def test_clear_answers_are_right(test_part):
    assert test_part.precision >= 0.95, test_part.mistakes()


def test_the_right_area_is_found(test_part):
    assert test_part.recall1 >= 0.87, test_part.mistakes()
    assert test_part.recall3 >= 0.93, test_part.mistakes()
    assert test_part.coverage >= 0.25, test_part.mistakes()
