"""Danish full-text search in the database (lib/fulltext.py): what is stored, how a query is read, and
the query each database gets. The search itself on real stories: tests/stories/."""

from __future__ import annotations

import pytest

from handlekraft.lib import fulltext


def test_the_stored_terms_hold_stems_compound_parts_and_concepts_once():
    stored = fulltext.index_text("Vikardækning i weekenden", "vikardækning")
    tokens = stored.split()
    assert "vikar" in tokens and "dækning" in tokens  # the compound's parts
    assert any(t.startswith(fulltext.CONCEPT_PREFIX) for t in tokens)  # the concept, as a plain token
    assert len(tokens) == len(set(tokens))  # each term once


def test_a_query_word_matches_by_its_stem_its_parts_or_its_concept():
    [group] = fulltext.query_groups("vikardækning")
    assert group[0] == ["vikardækning"]
    assert ["vikar", "dækning"] in group
    assert [fulltext.CONCEPT_PREFIX + "vikar"] in group


def test_stop_words_and_unsafe_characters_give_no_query():
    assert fulltext.query_groups("og i på") == []
    assert fulltext.query_groups("   ") == []
    assert all("'" not in t for g in fulltext.query_groups("o'brien") for a in g for t in a)


def test_a_query_is_bounded_to_its_first_words():
    query = " ".join(f"ord{n}abc" for n in range(20))
    assert len(fulltext.query_groups(query)) == fulltext.MAX_WORDS


def test_sqlite_and_postgresql_get_the_same_query_in_their_own_syntax():
    groups = [[["vikar"]], [["legeplad"], ["lege", "plad"]], [["kptvikar"]]]
    assert fulltext._fts5(groups) == '("vikar"*) AND ("legeplad"* OR ("lege"* AND "plad"*)) AND ("kptvikar")'
    assert fulltext._tsquery(groups) == "('vikar':*) & ('legeplad':* | ('lege':* & 'plad':*)) & ('kptvikar')"


def test_short_stems_and_concepts_match_whole_not_as_prefixes():
    assert fulltext._fts5([[["tur"]]]) == '("tur")'
    assert fulltext._tsquery([[["kptvikar"]]]) == "('kptvikar')"


@pytest.mark.parametrize("name", ["stories_story", "search_text", "a1"])
def test_plain_identifiers_pass(name):
    fulltext._check(name)


@pytest.mark.parametrize("name", ["story; drop table x", "Story", "1a", "a-b", ""])
def test_anything_but_a_plain_identifier_is_refused(name):
    with pytest.raises(ValueError, match="not a plain SQL identifier"):
        fulltext._check(name)
