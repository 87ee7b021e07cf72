"""`make run`: the web server on 127.0.0.1:8000 with a task worker beside it, stopped together.

`make run HOST=0.0.0.0` lets phones on the same network join a dialogue meeting: the server listens on
every address, the machine's own address is allowed (ALLOWED_HOSTS) and used for links and the QR code
(SITE_URL), and the address to open on a phone is printed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

PORT = 8000
EVERY_ADDRESS = "0.0.0.0"  # noqa: S104 (only when asked for: HOST=0.0.0.0)


def own_address() -> str:
    """The machine's address on its network (the one a phone on the same Wi-Fi reaches it at)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: nothing is sent, only routed
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def environment(host: str, env: dict[str, str], address: str) -> tuple[dict[str, str], str]:
    """The server's environment for `host`, and what to tell the person who ran `make run`."""
    env = {**env, "DEBUG": env.get("DEBUG", "1")}
    if host != EVERY_ADDRESS:
        return env, (
            f"handlekraft kører på http://127.0.0.1:{PORT}/ (kun på denne maskine). "
            f"Vil du prøve fra en telefon på samme netværk? Kør: make run HOST={EVERY_ADDRESS}"
        )
    hosts = [h for h in env.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
    env["ALLOWED_HOSTS"] = ",".join(dict.fromkeys([*hosts, address, "127.0.0.1", "localhost"]))
    env.setdefault("SITE_URL", f"http://{address}:{PORT}")
    return env, (
        f"handlekraft kører på http://{address}:{PORT}/ for alle på netværket. "
        f"Åbn http://{address}:{PORT}/m/SOL234/ på en telefon på samme netværk for at deltage i demo-mødet."
    )


def main() -> int:
    host = os.environ.get("HOST", "127.0.0.1") or "127.0.0.1"
    env, message = environment(host, dict(os.environ), own_address() if host == EVERY_ADDRESS else "")
    print(message, flush=True)
    manage = [sys.executable, "manage.py"]
    worker = subprocess.Popen([*manage, "db_worker", "--interval", "1"], env=env)  # noqa: S603
    try:
        server = subprocess.run(  # noqa: S603
            [*manage, "runserver", f"{host}:{PORT}", "--noreload"], env=env, check=False
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
