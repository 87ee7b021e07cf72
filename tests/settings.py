"""Settings for the test suite: the production settings (handlekraft/settings.py), with what only
tests want. pytest uses this module (pyproject.toml); the servers some tests start use the real one."""

from __future__ import annotations

import os

from handlekraft.settings import *  # noqa: F403

SECRET_KEY = "insecure-key-for-the-test-suite-only-" + "x" * 20
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# A memory cache per process (each test starts from an empty one, see conftest); the tests that start
# real workers give them the database cache or Redis.
if not os.environ.get("REDIS_URL"):
    memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    CACHES = {"default": memory, "fragments": CACHES["fragments"]}  # noqa: F405

# A connection per test thread, closed after each request: a kept one would hold the test database open
# when pytest drops it. The servers that tests start use production's persistent connections.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tests create many people; a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Static files straight from the source folders (no collectstatic before a test run).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Background tasks run at once, inside the test.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The test client speaks plain HTTP.
SECURE_SSL_REDIRECT = False
