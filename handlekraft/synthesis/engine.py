"""Themes across many meetings' notes: vectors, clusters, labels and verbatim quotes.

`synthesize(notes, granularity)` groups the notes of each column into themes:
- every note lands in exactly one primary theme; a note nearly as close to a second theme is also listed
  there (`also_ids`);
- a theme's label is its most distinctive words, each in its most common surface form; its quotes are its
  most central notes, verbatim (never rewritten);
- groups facilitators made on their boards (`Note.hint`) are strong hints: such a group stays together;
- the same input always gives the same output.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import stopwordsiso
from sklearn.cluster import AgglomerativeClustering, MiniBatchKMeans
from sklearn.preprocessing import normalize

from handlekraft.lib.text import stem, words

from .embedders import Embedder, default_embedder

AGGLOMERATIVE_UP_TO = 4000  # beyond this, k-means (agglomerative needs n² memory)
SECOND_THEME_RATIO = 0.9
SECOND_THEME_MIN = 0.3
QUOTES = 2
LABEL_TERMS = 3  # the distinctive words a theme lists
PHRASE_TERMS = 6  # the distinctive words a name may be made of
PHRASE_WORDS = 4  # a name takes at most this many words from one note

WORD_WITH_CASE = re.compile(r"[^\W\d_][\w-]*")  # a word as written, for phrases in a note's own casing
Progress = Callable[[int, int, str], None]
# Words too general to name a theme (in stemmed form), on top of the stop words of lib/text.
LABEL_STOP = {
    stem(w)
    for w in (
        "vide ved gode godt god mellem kender kende vores jeres mere mindre meget mange lidt helt bare "
        "gerne skal kan må vil bliver blive få får gøre gør tage tager give giver hele ofte svært "
        "nogle andre anden andet første nye ny stor store lang længe altid aldrig hvornår hvad hvem "
        "hvordan fordi derfor også kun selv sig hinanden "
        # Comparatives and judgements say how, not what: a name is made of what the notes are about.
        "bedre bedst dårlig dårligt dårlige flere færre flest større mindst vigtig vigtigt vigtige "
        "nødvendig nødvendigt let nemt nemmere sværere hurtigt hurtigere tit sjældent"
    ).split()
} | {stem(w) for w in stopwordsiso.stopwords("da")}  # and a general Danish list


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    meeting: str = ""
    column: str = ""
    hint: str = ""  # the group a facilitator put the note in on the board, if any


@dataclass
class Theme:
    label: str
    column: str
    note_ids: list[str]
    quotes: list[str]
    terms: list[str] = field(default_factory=list)
    also_ids: list[str] = field(default_factory=list)


def theme_count(n: int, granularity: float) -> int:
    """How many themes for n notes: about √n at the middle setting; more when granularity is higher."""
    if n <= 2:
        return n
    granularity = min(max(granularity, 0.0), 1.0)
    return max(2, min(n, round(math.sqrt(n) * (0.5 + 1.5 * granularity))))


def synthesize(
    notes: Iterable[Note],
    granularity: float = 0.5,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> list[Theme]:
    notes = list(notes)
    columns: dict[str, list[Note]] = {}
    for note in notes:
        columns.setdefault(note.column, []).append(note)
    report = progress or (lambda done, total, message: None)
    themes: list[Theme] = []
    done = 0
    for column, column_notes in columns.items():
        report(done, len(notes), f"Finder temaer i {column or 'noterne'}")
        themes.extend(_column_themes(column, column_notes, granularity, embedder or default_embedder()))
        done += len(column_notes)
    report(len(notes), len(notes), "Færdig")
    return themes


def _column_themes(column: str, notes: list[Note], granularity: float, embedder: Embedder) -> list[Theme]:
    if len(notes) == 1:
        return [Theme(_fallback_label(notes[0].text), column, [notes[0].id], [notes[0].text])]
    vectors = embedder.embed([n.text for n in notes])
    vectors = _pull_hint_groups_together(notes, vectors)
    labels = _cluster(vectors, theme_count(len(notes), granularity))
    labels = _keep_hint_groups_whole(notes, labels)
    members: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        members[int(label)].append(index)
    centroids = {c: normalize(vectors[idx].mean(axis=0, keepdims=True))[0] for c, idx in members.items()}
    order = sorted(members, key=lambda c: members[c][0])
    cluster_ids = np.array(order)
    centroid_matrix = np.vstack([centroids[c] for c in order])
    similarity = vectors @ centroid_matrix.T
    themes = {}
    for position, c in enumerate(order):
        idx = members[c]
        central = sorted(idx, key=lambda i: (-similarity[i, position], i))
        terms = _distinctive_terms([notes[i].text for i in idx], [n.text for n in notes])
        themes[c] = Theme(
            label=_label(terms, [notes[i].text for i in central]) or _fallback_label(notes[central[0]].text),
            column=column,
            note_ids=[notes[i].id for i in idx],
            quotes=[notes[i].text for i in central[:QUOTES]],  # verbatim
            terms=terms[:LABEL_TERMS],
        )
    for i, note in enumerate(notes):
        own = int(np.where(cluster_ids == labels[i])[0][0])
        ranked = np.argsort(-similarity[i], kind="stable")
        second = next((int(p) for p in ranked if int(p) != own), None)
        if second is None:
            continue
        near, own_similarity = similarity[i, second], similarity[i, own]
        if near >= SECOND_THEME_MIN and near >= SECOND_THEME_RATIO * own_similarity:
            themes[int(cluster_ids[second])].also_ids.append(note.id)
    return sorted(themes.values(), key=lambda t: (-len(t.note_ids), t.label, t.note_ids[0]))


def _cluster(vectors: np.ndarray, k: int) -> np.ndarray:
    if k >= len(vectors):
        return np.arange(len(vectors))
    if len(vectors) <= AGGLOMERATIVE_UP_TO:
        # Ward on unit vectors (Euclidean here ranks like cosine) beat average linkage on our gold sets.
        return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(vectors)
    model = MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096)
    return model.fit_predict(vectors)


def _pull_hint_groups_together(notes: list[Note], vectors: np.ndarray) -> np.ndarray:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, note in enumerate(notes):
        if note.hint:
            groups[note.hint].append(i)
    vectors = vectors.copy()
    for idx in groups.values():
        if len(idx) > 1:
            centroid = vectors[idx].mean(axis=0)
            vectors[idx] = 0.3 * vectors[idx] + 0.7 * centroid
    return normalize(vectors)


def _keep_hint_groups_whole(notes: list[Note], labels: np.ndarray) -> np.ndarray:
    """A facilitator's group is a strong hint: all its notes go to the theme most of them landed in."""
    labels = labels.copy()
    groups: dict[str, list[int]] = defaultdict(list)
    for i, note in enumerate(notes):
        if note.hint:
            groups[note.hint].append(i)
    for idx in groups.values():
        votes = Counter(int(labels[i]) for i in idx)
        winner = min(votes, key=lambda c: (-votes[c], c))
        labels[idx] = winner
    return labels


def _distinctive_terms(texts: list[str], all_texts: list[str]) -> list[str]:
    """The theme's most distinctive words, each in its most common surface form."""

    def stems_of(text: str) -> set[str]:
        return {stem(w) for w in words(text) if len(w) > 2 and not w.isdigit()}

    inside = Counter(s for t in texts for s in stems_of(t))
    everywhere = Counter(s for t in all_texts for s in stems_of(t))
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for w in words(text):
            surfaces[stem(w)][w] += 1

    def ranked(least: int) -> list[tuple[float, int, str]]:
        scored = [
            (inside[s] / len(texts) - everywhere[s] / len(all_texts), inside[s], s)
            for s in inside
            if inside[s] >= least and s not in LABEL_STOP and len(s) >= 3
        ]
        return sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[1], -x[0], x[2]))

    best = ranked(2 if len(texts) >= 3 else 1) or ranked(1)
    return [surfaces[s].most_common(1)[0][0] for _score, _n, s in best[:PHRASE_TERMS]]


def _label(terms: list[str], texts: list[str]) -> str:
    """A short phrase a facilitator would write, made of the theme's own words.

    The shortest stretch of one of its notes (most central first) that holds its most distinctive word
    and another distinctive word ("Vikarer ved sygdom"), or else its second or third with another; else
    the first alone. (Two words joined by "og" read as a list unless both are nouns, which nothing here
    can tell.) Every word is a whole word from the notes, and a stretch begins and ends with one of the
    distinctive words, never with a stop word.
    """
    if not terms:
        return ""
    first = terms[0]
    pairs = [(first, t) for t in terms[1:]] + [
        (a, b) for i, a in enumerate(terms[1:3], 1) for b in terms[i + 1 :]
    ]
    phrase = next((p for a, b in pairs for p in [_stretch(a, b, texts)] if p), "")
    phrase = phrase or first
    return phrase[:1].upper() + phrase[1:]


def _stretch(one: str, other: str, texts: list[str]) -> str:
    """The shortest stretch of a note, in its own words and casing, that holds both words (or a word of
    the same stem), with content words at both ends; "" when no note has them close together."""
    wanted = {stem(one), stem(other)}
    best = ""
    for text in texts:
        tokens = WORD_WITH_CASE.findall(text)
        stems = [stem(t.lower()) for t in tokens]
        for start, s1 in enumerate(stems):
            if s1 not in wanted:
                continue
            for end in range(start + 1, min(start + PHRASE_WORDS, len(tokens))):
                if stems[end] in wanted and stems[end] != s1:
                    words_ = tokens[start : end + 1]
                    if not best or len(words_) < len(best.split()):
                        best = " ".join(words_)
                    break
        if best:
            return best  # the most central note that has them
    return best


def _fallback_label(text: str) -> str:
    first = " ".join(text.split()[:6])
    return first + (" …" if len(text.split()) > 6 else "")
