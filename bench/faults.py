"""Faults injected on purpose (issue 16): nothing lost, nothing duplicated, no HTML errors from the API.

    .venv/bin/python bench/faults.py [--participants 30] [--notes 15]

Three scenarios, each against gunicorn (2 workers, `DEBUG=0`) on a PostgreSQL this script starts itself
(initdb in a temporary folder, its own port; never the shared server):

- **postgres**: participants of a dialogue meeting post notes through the API as phones do (the same
  client id when they try again), while PostgreSQL is stopped for a few seconds and started again.
- **worker**: the same load while a gunicorn worker is killed (SIGKILL) three times in the middle of it.
- **smtp**: people ask for a password reset while the SMTP relay is down; the relay comes back and the
  outbox is sent (`manage.py send_email`).

Each phone retries an unanswered or 5xx note for up to 60 s with the same client id. Counted afterwards in
the database: notes stored, notes a phone was told were stored but are missing (lost), client ids stored
twice (duplicated); and from the answers: HTML error pages from the API.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import free_port, manage, prepare_site, site_environment, start_gunicorn  # noqa: E402

PG_BIN = Path(
    subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
)
RETRY_FOR = 60  # seconds a phone keeps trying one note


class OwnPostgres:
    """A PostgreSQL server of our own in a folder (as the postgres user when we are root). A folder
    initialised before is used again as it is (a benchmark measuring again on the data it loaded)."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.data = folder / "pgdata"
        self.reused = (self.data / "PG_VERSION").exists()
        if self.reused:
            return
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def run(self, tool: str, *args: str) -> None:
        command = [str(PG_BIN / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"{tool}: {done.stderr.strip()[-2000:]}")

    def start(self) -> None:
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "postgres.log"), "-w",
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name: str = "handlekraft") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class Phone:
    """One participant: opens the meeting page for its cookies, then posts notes, retrying as the page's
    script does (same client id)."""

    def __init__(self, base: str, code: str):
        self.base, self.code = base, code
        self.session = requests.Session()
        self.acknowledged: list[str] = []  # client ids the server said it stored
        self.gave_up: list[str] = []
        self.answers: Counter = Counter()
        self.html_errors = 0
        self.latencies: list[float] = []

    def cookies(self) -> str:
        # DEBUG=0 marks the cookies Secure; requests would not send them over plain http to 127.0.0.1.
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.session.cookies)

    def join(self) -> None:
        self.session.get(f"{self.base}/m/{self.code}/", timeout=30).raise_for_status()

    def post(self, n: int) -> None:
        client_id = uuid.uuid4().hex
        began = time.monotonic()
        while time.monotonic() - began < RETRY_FOR:
            try:
                response = self.session.post(
                    f"{self.base}/api/v1/meetings/{self.code}/notes",
                    json={"text": f"Note {n} om arbejdsglæde", "client_id": client_id},
                    headers={"X-CSRFToken": self.session.cookies["csrftoken"], "Cookie": self.cookies()},
                    timeout=15,
                )
            except requests.RequestException:
                self.answers["no answer"] += 1
                time.sleep(0.5)
                continue
            self.answers[str(response.status_code)] += 1
            if response.status_code >= 400 and "text/html" in response.headers.get("Content-Type", ""):
                self.html_errors += 1
            if response.status_code in (200, 201):
                self.acknowledged.append(client_id)
                self.latencies.append(time.monotonic() - began)
                return
            if response.status_code < 500:
                break  # refused for a reason a retry will not change
            time.sleep(float(response.headers.get("Retry-After", "0.5")) / 5)
        self.gave_up.append(client_id)


def load(base: str, code: str, participants: int, notes: int, fault) -> list[Phone]:
    phones = [Phone(base, code) for _ in range(participants)]
    for phone in phones:
        phone.join()

    def run(phone: Phone) -> None:
        for n in range(notes):
            phone.post(n)
            time.sleep(0.1)

    threads = [threading.Thread(target=run, args=(phone,)) for phone in phones]
    for thread in threads:
        thread.start()
    fault()
    for thread in threads:
        thread.join()
    return phones


def stored_notes(url: str, code: str) -> Counter:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "select n.client_id from dialogue_note n join dialogue_meeting m on m.id = n.meeting_id "
            "where m.join_code = %s",
            [code],
        ).fetchall()
    return Counter(row[0] for row in rows)


def report(name: str, phones: list[Phone], stored: Counter, seconds: float) -> dict:
    acknowledged = {cid for phone in phones for cid in phone.acknowledged}
    answers = sum((phone.answers for phone in phones), Counter())
    latencies = [t for phone in phones for t in phone.latencies]
    row = {
        "scenario": name,
        "notes sent": sum(len(p.acknowledged) + len(p.gave_up) for p in phones),
        "answered stored": len(acknowledged),
        "gave up": sum(len(p.gave_up) for p in phones),
        "stored": sum(stored.values()),
        "lost": len(acknowledged - set(stored)),
        "duplicated": sum(1 for count in stored.values() if count > 1),
        "HTML errors": sum(p.html_errors for p in phones),
        "answers": dict(answers),
        "p50 s": round(statistics.median(latencies), 2) if latencies else None,
        "max s": round(max(latencies), 2) if latencies else None,
        "fault s": round(seconds, 1),
    }
    print(row, flush=True)
    return row


def meeting(env: dict) -> str:
    output = manage(
        env,
        "shell",
        "-c",
        "from handlekraft.dialogue.models import Meeting\n"
        "print('CODE', Meeting.objects.create(title='Fejltest', status='aaben').join_code)",
    )
    return next(line.split()[1] for line in output.splitlines() if line.startswith("CODE "))


def workers_of(server) -> list[int]:
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def postgres_restart(args, pg: OwnPostgres, env: dict, folder: Path) -> dict:
    server = start_gunicorn(env, folder, workers=2)
    code = meeting(env)
    took = {}

    def fault():
        time.sleep(1.5)
        began = time.monotonic()
        pg.stop()
        time.sleep(3)
        pg.start()
        took["s"] = time.monotonic() - began

    try:
        phones = load(server.url, code, args.participants, args.notes, fault)
    finally:
        server.stop()
    return report("PostgreSQL stopped 3 s and started", phones, stored_notes(pg.url(), code), took["s"])


def worker_killed(args, pg: OwnPostgres, env: dict, folder: Path) -> dict:
    server = start_gunicorn(env, folder, workers=2)
    code = meeting(env)

    def fault():
        for _ in range(3):  # three times, a second apart: each worker is busy with notes all the while
            time.sleep(1)
            os.kill(workers_of(server)[0], signal.SIGKILL)

    try:
        phones = load(server.url, code, args.participants, args.notes, fault)
    finally:
        server.stop()
    return report("a gunicorn worker killed, three times", phones, stored_notes(pg.url(), code), 0)


def smtp_outage(args, pg: OwnPostgres, env: dict, folder: Path) -> dict:
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.rcpt: list[str] = []

        async def handle_DATA(self, server, session, envelope):
            self.rcpt.extend(envelope.rcpt_tos)
            return "250 OK"

    port = free_port()
    env = {**env, "EMAIL_URL": f"smtp://127.0.0.1:{port}", "EMAIL_TIMEOUT": "2"}
    people = [f"person{n}@fejltest.dk" for n in range(args.people)]
    manage(
        env,
        "shell",
        "-c",
        "from handlekraft.organisation.models import User\n"
        + "".join(
            f"User.objects.create_user({email!r}, 'fejltest-kodeord-1', name='P')\n" for email in people
        ),
    )
    server = start_gunicorn(env, folder, workers=2)
    answers, html = Counter(), 0
    try:
        for email in people:  # the relay is down: nothing listens on its port
            session = requests.Session()
            session.get(f"{server.url}/adgangskode/nulstil/", timeout=30)
            response = session.post(
                f"{server.url}/adgangskode/nulstil/",
                data={"email": email, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                headers={"Cookie": "; ".join(f"{c.name}={c.value}" for c in session.cookies)},
                allow_redirects=False,
                timeout=30,
            )
            answers[str(response.status_code)] += 1
            html += response.status_code >= 500
        down = manage(env, "send_email")
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            manage(env, "shell", "-c", "from django.utils import timezone\n"
                   "from handlekraft.notifications.models import OutgoingEmail\n"
                   "OutgoingEmail.objects.filter(sent_at__isnull=True).update(send_after=timezone.now())")  # fmt: skip
            up = manage(env, "send_email")
            again = manage(env, "send_email")
        finally:
            controller.stop()
    finally:
        server.stop()
    arrived = Counter(inbox.rcpt)
    row = {
        "scenario": "SMTP down during password resets, then up",
        "requests": len(people),
        "answers": dict(answers),
        "server errors": html,
        "while down": down.strip(),
        "after": up.strip(),
        "run again": again.strip(),
        "arrived": len(arrived),
        "lost": len(set(people) - set(arrived)),
        "duplicated": sum(1 for count in arrived.values() if count > 1),
    }
    print(row, flush=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--notes", type=int, default=15)
    parser.add_argument("--people", type=int, default=10)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        folder.chmod(0o755)  # the postgres user must reach its data folder inside
        pg = OwnPostgres(folder / "pg")
        pg.start()
        try:
            with psycopg.connect(pg.url("postgres"), autocommit=True) as conn:
                conn.execute("create database handlekraft")
            env = site_environment(pg.url(), folder, LOG_LEVEL="ERROR")
            prepare_site(env)
            rows.append(postgres_restart(args, pg, env, folder))
            rows.append(worker_killed(args, pg, env, folder))
            rows.append(smtp_outage(args, pg, env, folder))
        finally:
            with contextlib.suppress(RuntimeError):
                pg.stop()
    bad = [
        r
        for r in rows
        if r.get("lost") or r.get("duplicated") or r.get("HTML errors") or r.get("server errors")
    ]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
