"""The production app server (README, Production): `gunicorn` in the project folder reads this file.

Threads, not only processes: a live meeting's board polls every two seconds and hundreds of phones post
notes at once; most of a request's time is spent waiting for the database, so each worker process serves
`GUNICORN_THREADS` requests at a time. The site is loaded once, before the workers fork, so a new or
restarted worker answers at once instead of importing Django under load (where a slow start met the
timeout and the workers were killed in a loop).

Every setting can be changed from the environment (GUNICORN_*) or on the command line.
"""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "handlekraft.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count())))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
preload_app = True
# A request that takes longer than this is stuck: the worker is replaced. Exports of large documents
# finish well inside it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A phone keeps its connection between notes: closed sooner, a post on it was reset (bench/README.md).
keepalive = 20
# A worker is replaced after this many requests (with jitter, so not all at once): a slow leak never grows.
max_requests = 5000
max_requests_jitter = 500
# Request lines and headers beyond these are refused before Django sees them (lib/request_guard.py
# limits bodies).
limit_request_line = 8190
limit_request_fields = 100


def when_ready(server) -> None:
    """In the master, after the site is loaded: load the URLconf too (each worker would otherwise import
    every view on its first request), and close any database connection, which the workers must not
    share."""
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every app's views)
    connections.close_all()
