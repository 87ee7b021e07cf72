"""The demo municipality in a fresh SQLite file, for the benchmarks that measure on it (call after
django.setup() with DATABASE_URL pointing at `path`)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path


def fresh_sqlite(path: Path) -> None:
    """An empty place for the database file: its folder made, the file and its WAL files gone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def demo_site(path: Path) -> None:
    from django.core.management import call_command

    fresh_sqlite(path)
    call_command("migrate", verbosity=0)
    call_command("demo", stdout=StringIO())
