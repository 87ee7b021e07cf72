"""The whole municipality under the production setup: the key pages, p50/p95 and the ratio to /healthz.

    .venv/bin/python bench/municipality.py                        # SQLite, a fresh file under bench/out
    .venv/bin/python bench/municipality.py --database postgres    # a PostgreSQL server of its own
    .venv/bin/python bench/municipality.py --reuse                # measure again on the data loaded before

Builds the municipality of issue 18 from the project's generators: 3,000 units and 45,000 people
(`generate_org.py`, through `manage.py import_org`), 100,000 published stories (`stories_search.py`),
50,000 recognitions, 20,000 decision areas, 10,000 questions, 5,000 experiments, 3,000 proposals and
2,000 closed meetings (`plan_status.py`), 8 closed pulse rounds of 45,000 people × 15 items
(`pulse_heatmap.py`), the HU status figures (`refresh_plan_status`'s code) and an open meeting with 500
notes. PostgreSQL is a server of the script's own (initdb in bench/out, `fsync=off`), never the shared one.

Then starts the README's production setup (`tests/servers.py`: gunicorn reading gunicorn.conf.py, gthread,
`DEBUG=0`, persistent connections, the database cache) and requests every key page in turns, as the
person who uses it, one request at a time through a kept-alive connection per person (as a browser),
with `/healthz` of the same server in the same turns. Prints p50/p95, the ratio to `/healthz`, the HTML's
size (and what gzip sends), and the page's SQL queries (counted once through Django's test client on the
same database), as a table for bench/README.md. Targets (issue 18, DESIGN §6): p95 ≤ 150 ms and ≤ 10
queries; the organisation tree ≤ 40 KB of HTML.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

from tests.servers import manage, site_environment, start_gunicorn  # noqa: E402

ROUNDS = 8
NOTES = 500
TARGET_MS, TARGET_QUERIES = 150, 10


def setup_django(env: dict[str, str]) -> None:
    """This process works on the same database as the server, with the same settings."""
    os.environ.update(env, DJANGO_SETTINGS_MODULE="handlekraft.settings")
    import django

    django.setup()


def build(env: dict[str, str], folder: Path) -> None:
    """Loads the municipality with the project's generators, printing how long each part took."""
    from bench.generate_org import generate
    from bench.plan_status import load_the_rest
    from bench.pulse_heatmap import load as load_pulse_rounds
    from bench.stories_search import load_stories

    rng = random.Random(18)
    started = time.perf_counter()

    def done(what: str) -> None:
        print(f"  {what}: {time.perf_counter() - started:.0f} s after the start", flush=True)

    units_csv, people_csv = generate(3000, 45_000, folder / "org")
    manage(env, "import_org", str(units_csv), "--people", str(people_csv))
    done("3,000 units and 45,000 people imported")
    load_stories(rng)
    done("100,000 stories")
    load_the_rest(rng)
    done("recognitions, decision areas, questions, experiments, proposals, meetings")
    for _round in load_pulse_rounds(ROUNDS, (ROUNDS,)):
        pass
    done(f"{ROUNDS} pulse rounds closed")
    from handlekraft.plan import status

    status.compute()
    done("HU status figures")


def theme_day(leader):
    """An open meeting with NOTES notes, facilitated by `leader`."""
    from handlekraft.dialogue.models import Meeting, Note

    meeting = Meeting.objects.create(title="Temadag: aktørskab i hverdagen", status=Meeting.Status.OPEN)
    meeting.facilitators.add(leader)
    columns = meeting.column_keys
    Note.objects.bulk_create(
        Note(
            meeting=meeting,
            client_id=f"bench-{n}",
            column=columns[n % len(columns)],
            text=f"Note {n}: vi vil have mere tid til borgerne og færre skemaer.",
            revision=n + 1,
            first_revision=n + 1,
        )
        for n in range(NOTES)
    )
    Meeting.objects.filter(pk=meeting.pk).update(revision=NOTES)
    return meeting


def cast() -> dict:
    """The people who use the pages, their sessions, and the ids the pages need."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.db.models import Count

    from handlekraft.dialogue.models import Meeting
    from handlekraft.organisation.models import (
        Committee,
        CommitteeMember,
        Membership,
        PersonalToken,
        Role,
        Unit,
    )
    from handlekraft.pulse.models import Survey

    root = Unit.objects.get(parent__isnull=True)
    deepest = Unit.objects.order_by("-depth").values_list("depth", flat=True).first()
    # A team with a leader and employees, the people of a real team.
    led = Membership.objects.filter(role=Role.LEADER, unit__depth=deepest).values_list("unit_id", flat=True)
    staffed = (
        Membership.objects.filter(unit_id__in=led, role=Role.EMPLOYEE)
        .values("unit_id")
        .annotate(n=Count("id"))
        .filter(n__gte=5)
        .order_by("unit_id")
        .first()
    )
    team = Unit.objects.get(pk=staffed["unit_id"])
    leader = Membership.objects.filter(unit=team, role=Role.LEADER).first().user
    employee = Membership.objects.filter(unit=team, role=Role.EMPLOYEE).first().user
    hr = Membership.objects.filter(role=Role.HR).first().user
    hu, _ = Committee.objects.get_or_create(name="HU", defaults={"kind": Committee.Kind.HU, "unit": root})
    CommitteeMember.objects.get_or_create(
        committee=hu, user=employee, defaults={"side": "medarbejdere", "position": "medlem"}
    )
    meeting = Meeting.objects.filter(title="Temadag: aktørskab i hverdagen").first()
    if meeting is None:
        with transaction.atomic():  # all of it or nothing, so that --reuse never finds half a meeting
            meeting = theme_day(leader)
    survey = Survey.objects.filter(closed_at__isnull=False).order_by("-opens").first()
    _token, api_token = PersonalToken.issue(employee, "benchmark")

    def session(user) -> str:
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
        return store.session_key

    department = team.parent
    return {
        "people": {"employee": employee, "leader": leader, "hr": hr},
        "sessions": {"employee": session(employee), "leader": session(leader), "hr": session(hr)},
        "api_token": api_token,
        "pages": [
            ("/healthz", "", "/healthz"),
            ("Forside", "employee", "/"),
            ("Må jeg selv?", "employee", "/raaderum/maa-jeg-selv/?q=vikar"),
            ("Enhedens råderum", "leader", f"/raaderum/enheder/{team.external_id}/"),
            ("Organisation", "employee", "/organisation/"),
            ("Historier", "employee", "/historier/"),
            ("Historier: søgning", "employee", "/historier/?q=borger"),
            (f"Dialogmødets tavle ({NOTES} noter)", "leader", f"/dialog/{meeting.pk}/"),
            ("Tavlens poll (intet nyt)", "leader", f"/dialog/{meeting.pk}/aendringer/?rev={NOTES}"),
            ("Måling: teamets resultater", "leader", f"/maaling/{survey.pk}/?enhed={team.external_id}"),
            ("Måling: en afdeling", "hr", f"/maaling/{survey.pk}/?enhed={department.external_id}"),
            ("Måling: HU (kommunen, heatmap)", "hr", f"/maaling/{survey.pk}/?enhed={root.external_id}"),
            ("Status på aktørskab (HU)", "employee", "/plan/status/"),
            ("Plan", "leader", "/plan/"),
            ("API: søgning i historier", "api", "/api/v1/stories?q=borger"),
        ],
    }


def queries_of(people: dict, api_token: str, who: str, path: str) -> int:
    """The SQL queries of one request (the second: the first fills the caches), on the same database."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    headers = {"Authorization": f"Bearer {api_token}"} if who == "api" else {}
    if who in people:
        client.force_login(people[who], backend="django.contrib.auth.backends.ModelBackend")
    client.get(path, headers=headers)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    assert response.status_code in (200, 204), (path, response.status_code)  # 204: the poll's "nothing new"
    return len(captured)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(q * len(ordered)) - 1)]


def measure(base: str, cast_: dict, turns: int) -> dict[str, dict]:
    """Every page once per turn, in the same order, each person on a connection of their own."""
    sessions: dict[str, requests.Session] = {}
    pages = cast_["pages"]
    for who, key in [*cast_["sessions"].items(), ("api", ""), ("", "")]:
        client = sessions[who] = requests.Session()
        if key:  # DEBUG=0 marks the cookie Secure, which requests keeps from plain http: send it by hand
            client.headers["Cookie"] = f"sessionid={key}"
    sessions["api"].headers["Authorization"] = f"Bearer {cast_['api_token']}"
    timings: dict[str, list[float]] = {name: [] for name, _who, _path in pages}
    sizes: dict[str, tuple[int, int]] = {}
    for turn in range(turns + 1):
        for name, who, path in pages:
            started = time.perf_counter()
            response = sessions[who].get(base + path, timeout=60, allow_redirects=False)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code in (200, 204), (path, response.status_code, response.text[:300])
            if turn:  # the first turn warms the server's caches and connections
                timings[name].append(elapsed)
            wire = int(response.headers.get("Content-Length") or len(response.content))
            sizes[name] = (len(response.content), wire)
    health = timings["/healthz"]
    rows = {}
    for name, values in timings.items():
        rows[name] = {
            "p50": statistics.median(values),
            "p95": percentile(values, 0.95),
            "ratio50": statistics.median(values) / statistics.median(health),
            "ratio95": percentile(values, 0.95) / percentile(health, 0.95),
            "html": sizes[name][0],
            "wire": sizes[name][1],
        }
    return rows


def own_postgres(folder: Path):
    """A PostgreSQL server of our own in `folder`, started, with an empty database `handlekraft` the
    first time (OwnPostgres uses a folder initialised before again)."""
    from bench.faults import OwnPostgres

    postgres = OwnPostgres(folder / "pg")
    postgres.start()
    if not postgres.reused:
        create = ["psql", postgres.url("postgres"), "-qc", "CREATE DATABASE handlekraft"]
        subprocess.run(create, check=True)
    return postgres


def print_table(engine: str, turns: int, rows: dict, queries: dict) -> None:
    print(f"\n{engine}, gunicorn (gunicorn.conf.py, gthread, DEBUG=0), {turns} requests a page:\n")
    print("| page | p50 | p95 | × /healthz (p50) | × /healthz (p95) | queries | HTML | sent (gzip) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, row in rows.items():
        within = row["p95"] <= TARGET_MS and queries.get(name, 0) <= TARGET_QUERIES
        mark = "" if within or name == "/healthz" else " ✗"
        print(
            f"| {name}{mark} | {row['p50']:.1f} ms | {row['p95']:.1f} ms | {row['ratio50']:.1f}× | "
            f"{row['ratio95']:.1f}× | {queries.get(name, '—')} | {row['html'] / 1000:.1f} KB | "
            f"{row['wire'] / 1000:.1f} KB |"
        )
    print(f"\n(targets: p95 ≤ {TARGET_MS} ms and ≤ {TARGET_QUERIES} queries; the organisation tree ≤ 40 KB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--turns", type=int, default=40, help="requests per page (after one warm-up)")
    parser.add_argument("--reuse", action="store_true", help="measure again on the data loaded before")
    args = parser.parse_args()
    folder = OUT / f"municipality-{args.database}"
    if not args.reuse:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    postgres = own_postgres(folder) if args.database == "postgres" else None
    url = postgres.url() if postgres else f"sqlite:///{folder / 'site.sqlite3'}"
    env = site_environment(url, folder, LOG_LEVEL="ERROR")
    setup_django(env)
    server = None
    try:
        # Also on data built before: the code measured may have migrations the data has not.
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        if not args.reuse:
            print(f"Building the municipality on {args.database}:", flush=True)
            build(env, folder)
        people = cast()
        queries = {
            name: queries_of(people["people"], people["api_token"], who, path)
            for name, who, path in people["pages"]
            if name != "/healthz"
        }
        from django.db import connections

        connections.close_all()  # the server's workers get the database to themselves
        server = start_gunicorn(env, folder, workers=int(os.environ.get("GUNICORN_WORKERS", "2")))
        rows = measure(server.url, people, args.turns)
    finally:
        if server is not None:
            server.stop()
        if postgres is not None:
            postgres.stop()
    print_table("PostgreSQL" if postgres else "SQLite", args.turns, rows, queries)


if __name__ == "__main__":
    main()
