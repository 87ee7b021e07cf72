"""The whole API fuzzed with schemathesis, as an employee, a leader and HR, against gunicorn with
`DEBUG=0` on the demo municipality (issue 16).

    .venv/bin/pip install schemathesis==4.32.5     # not in requirements-dev: only this script needs it
    .venv/bin/python bench/api_fuzz.py [--max-examples 100] [--workers 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/api_fuzz.py

Every check schemathesis has runs (no 5xx, every status, content type and body as the OpenAPI says,
bad input refused, ...). The site gets a database of its own (SQLite in a temporary folder, or a new
database on DATABASE_URL's PostgreSQL server, dropped afterwards). Results go to bench/out/api-fuzz-*.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import manage, own_database, prepare_site, site_environment, start_gunicorn  # noqa: E402

OUT = ROOT / "bench" / "out"
ROLES = {
    "employee": "medarbejder@eksempel.dk",
    "leader": "leder@eksempel.dk",
    "hr": "hr@eksempel.dk",
}
TOKENS = """
from handlekraft.organisation.models import PersonalToken, User
for email in {emails!r}:
    print("TOKEN", PersonalToken.issue(User.objects.get(email=email), "fuzz")[1])
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-examples", type=int, default=100)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory() as tmp, own_database(Path(tmp)) as database_url:
        folder = Path(tmp)
        env = site_environment(database_url, folder, LOG_LEVEL="ERROR")
        prepare_site(env, demo=True)
        output = manage(env, "shell", "-c", TOKENS.format(emails=list(ROLES.values())))
        tokens = [line.split()[1] for line in output.splitlines() if line.startswith("TOKEN ")]
        server = start_gunicorn(env, folder, workers=args.workers, timeout=60)
        try:
            for (role, _), token in zip(ROLES.items(), tokens, strict=True):
                started = time.monotonic()
                report = OUT / f"api-fuzz-{role}"
                done = subprocess.run(
                    [
                        str(Path(sys.executable).parent / "schemathesis"), "run",
                        f"{server.url}/api/v1/openapi.json",
                        "--header", f"Authorization: Bearer {token}",
                        "--checks", "all",
                        "--max-examples", str(args.max_examples),
                        "--workers", "1",
                        "--report", "junit", "--report-dir", str(report),
                        "--no-color",
                    ],
                    cwd=ROOT, capture_output=True, text=True, check=False,
                )  # fmt: skip
                (OUT / f"api-fuzz-{role}.txt").write_text(done.stdout + done.stderr)
                summary = [line for line in done.stdout.splitlines() if line.strip()][-12:]
                print(f"== {role}: exit {done.returncode} in {time.monotonic() - started:.0f} s")
                print("\n".join(summary))
                failed |= done.returncode != 0
            errors = (folder / next(p.name for p in folder.glob("gunicorn-*.log"))).read_text()
            server_errors = [line for line in errors.splitlines() if '"level": "ERROR"' in line]
            print(f"== server errors logged: {len(server_errors)}")
        finally:
            server.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
