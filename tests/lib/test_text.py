"""Danish normalisation and ranking (lib/text.py), which "Må jeg selv?" and the full-text index use."""

from __future__ import annotations

from handlekraft.lib import text


def test_words_are_lower_case_without_stop_words():
    assert text.words("Må jeg selv ringe efter en Vikar?") == ["ringe", "vikar"]
    assert text.words("") == [] and text.words(None) == []


def test_inflected_forms_share_a_stem():
    assert text.stem("vikarer") == text.stem("vikaren") == text.stem("vikar")


def test_a_compound_splits_into_known_parts_with_a_linking_s():
    vocabulary = {"arbejd", "plan", "vikar", "dækning"}
    assert text.split_compound("vikardækning", vocabulary) == ["vikar", "dækning"]
    assert text.split_compound("arbejdsplan", vocabulary) == ["arbejd", "plan"]
    assert text.split_compound("sommerhus", vocabulary) == []


def test_the_same_title_in_other_case_and_spacing_is_the_same_area():
    assert text.normalise_title("Valg af  vikar!") == text.normalise_title("valg af vikar")


def test_index_terms_add_compound_parts_and_concepts():
    terms = text.terms("vikardækning")
    assert "vikardækning" in terms and "vikar" in terms
    assert any(t.startswith("@") for t in terms)


def documents():
    return [
        text.Document(
            1, {"title": text.terms("Valg af vikar ved akut fravær"), "keywords": text.terms("afløser")}
        ),
        text.Document(2, {"title": text.terms("Små indkøb af kontorartikler"), "keywords": []}),
        text.Document(3, {"title": [], "limits": text.terms("Flugtveje holdes fri for vikarer")}),
    ]


def test_ranking_puts_the_title_match_before_a_mention_in_the_limits():
    hits = text.rank("må jeg ringe efter en vikar", documents())
    assert [h.key for h in hits][:2] == [1, 3]
    assert hits[0].strength["vikar"] > hits[1].strength["vikar"]  # a title says more than a limit


def test_a_document_without_any_match_is_left_out_and_an_empty_query_finds_nothing():
    assert [h.key for h in text.rank("kuglepenne kontorartikler", documents())] == [2]
    assert text.rank("og i på", documents()) == [] and text.rank("vikar", []) == []


def test_a_typo_still_finds_the_word_but_weighs_less():
    [hit] = text.rank("kontoratikler", documents())
    assert hit.key == 2 and hit.strength == {text.stem("kontoratikler"): text.FUZZY_WEIGHT}


def test_common_words_say_less_than_rare_ones():
    assert text.informativeness("fri") < text.informativeness("tavshedspligt")
    assert text.informativeness("og") >= 0.5  # never nothing
    assert text.informativeness("xqzzy") == text.MAX_INFORMATIVENESS  # unknown: as telling as it gets
