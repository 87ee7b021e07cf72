"""`make run`: the web server on 127.0.0.1:8000 with a task worker beside it, stopped together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def main() -> int:
    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}
    manage = [sys.executable, "manage.py"]
    worker = subprocess.Popen([*manage, "db_worker", "--interval", "1"], env=env)  # noqa: S603
    try:
        server = subprocess.run(  # noqa: S603
            [*manage, "runserver", "127.0.0.1:8000", "--noreload"], env=env, check=False
        )
        return server.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


if __name__ == "__main__":
    sys.exit(main())
