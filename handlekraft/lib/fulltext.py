"""Danish full-text search in the database, for tables too large to rank in Python (DESIGN §4).

A model keeps the normalised index terms of its text in a column (`search_text`, made by `index_text`
from the same normalisation as "Må jeg selv?": stems, compound parts and concepts). The database indexes
that column:
- SQLite: an FTS5 table with external content, kept in step by triggers; ranked with bm25.
- PostgreSQL: a stored, generated tsvector column ('simple' configuration: the text is normalised
  already) with a GIN index; ranked with ts_rank.

`install(table)` in a migration creates the index on either database; `search(queryset, query)` filters
and annotates `search_rank` (higher is better); `ranked_newest` ranks only the newest matches.
Each query word must match, through its stem, its compound parts or its concept; stems of four letters
or more also match as prefixes.
"""

from __future__ import annotations

import re

from django.db import connections
from django.db.models import QuerySet

from .text import CONCEPT_OF, LEXICON_STEMS, split_compound, stem, terms, words

CONCEPT_PREFIX = "kpt"  # concepts ("@vikar") become plain tokens every tokenizer keeps whole
SAFE = re.compile(r"^[a-zæøåéü0-9]+$")
MAX_WORDS = 8
PREFIX_FROM = 4  # stems this long also match as prefixes: "legeplad" finds "legeplads" (Snowball varies)
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def _check(*names: str) -> None:
    for name in names:
        if not IDENTIFIER.match(name):
            raise ValueError(f"not a plain SQL identifier: {name!r}")


def token(term: str) -> str:
    return CONCEPT_PREFIX + term[1:] if term.startswith("@") else term


def index_text(*texts: str) -> str:
    """The normalised terms of the texts, as one space-separated string to store in `search_text`."""
    return " ".join(dict.fromkeys(token(t) for t in terms("\n".join(t for t in texts if t))))


def query_groups(query: str) -> list[list[list[str]]]:
    """One group per query word; a group holds alternatives, each a list of tokens that must all match.

    "vikardækning" → [["vikardækning"], ["vikar", "dækning"], ["kptvikar"]].
    """
    groups = []
    for word in list(dict.fromkeys(words(query)))[:MAX_WORDS]:
        s = stem(word)
        alternatives = [[s]]
        if parts := split_compound(s, LEXICON_STEMS | {stem(w) for w in words(query)} - {s}):
            alternatives.append(parts)
        if s in CONCEPT_OF:
            alternatives.append([CONCEPT_PREFIX + CONCEPT_OF[s]])
        groups.append(
            [[t for t in alt if SAFE.match(t)] for alt in alternatives if all(SAFE.match(t) for t in alt)]
        )
    return [g for g in groups if g]


def _prefix(t: str) -> bool:
    return len(t) >= PREFIX_FROM and not t.startswith(CONCEPT_PREFIX)


def _fts5(groups) -> str:
    def alt(tokens):
        inner = " AND ".join(f'"{t}"' + ("*" if _prefix(t) else "") for t in tokens)
        return f"({inner})" if len(tokens) > 1 else inner

    return " AND ".join("(" + " OR ".join(alt(a) for a in g) + ")" for g in groups)


def _tsquery(groups) -> str:
    def alt(tokens):
        inner = " & ".join(f"'{t}'" + (":*" if _prefix(t) else "") for t in tokens)
        return f"({inner})" if len(tokens) > 1 else inner

    return " & ".join("(" + " | ".join(alt(a) for a in g) + ")" for g in groups)


def _match(queryset: QuerySet, groups, column: str) -> tuple[dict, dict]:
    """The arguments to QuerySet.extra() that match the query, and those that select its rank."""
    table = queryset.model._meta.db_table
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite":
        fts = f"{table}_fts"
        match = {
            "tables": [fts],
            "where": [f"{fts}.rowid = {table}.id", f"{fts} MATCH %s"],
            "params": [_fts5(groups)],
        }
        return match, {"select": {"search_rank": f"-{fts}.rank"}}
    if vendor == "postgresql":
        q = _tsquery(groups)
        vector = f"{table}.{column}_vector"
        match = {"where": [f"{vector} @@ to_tsquery('simple', %s)"], "params": [q]}
        return match, {
            "select": {"search_rank": f"ts_rank({vector}, to_tsquery('simple', %s))"},
            "select_params": [q],
        }
    raise NotImplementedError(f"full-text search is not set up for {vendor}")


def search(queryset: QuerySet, query: str, column: str = "search_text") -> QuerySet:
    """The rows matching every word of `query`, annotated with `search_rank` (higher is better).

    An empty query (or one of stop words only) returns the queryset unchanged, without `search_rank`.
    """
    groups = query_groups(query)
    if not groups:
        return queryset
    match, rank = _match(queryset, groups, column)
    return queryset.extra(**match, **rank)


def ranked_newest(queryset: QuerySet, query: str, size: int, order: str, column: str = "search_text") -> list:
    """The ids of the newest `size` rows that match, best rank first (equal ranks in `order`), in one
    query that matches and ranks together (none for an empty query).

    Ranking only these keeps a search fast when nearly every row holds a word ("borger"): the database
    walks an index in `order` and stops, instead of ranking the whole table; the window's ranks come
    back with its ids, so nothing is matched twice. Load a page of them with `lib.paging.InOrder`.
    """
    groups = query_groups(query)
    if not groups:
        return []
    match, rank = _match(queryset, groups, column)
    window = queryset.extra(**match, **rank).order_by(order).values_list("pk", "search_rank")[:size]
    return [pk for pk, _rank in sorted(window, key=lambda row: -row[1])]  # stable: ties keep `order`


def install(schema_editor, table: str, column: str = "search_text") -> None:
    """Creates the full-text index for `table.column` (call from a migration's RunPython)."""
    _check(table, column)
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        fts = f"{table}_fts"
        for sql in (
            f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', content_rowid='id')",
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ):
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column}_vector tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple', coalesce({column}, ''))) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {table}_fts ON {table} USING gin ({column}_vector)")


def uninstall(schema_editor, table: str, column: str = "search_text") -> None:
    _check(table, column)
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}_vector")
