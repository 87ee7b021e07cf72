"""Settings for handlekraft, read from the environment (see README.md, "Configuration").

One file, no class hierarchy: SQLite by default, PostgreSQL when DATABASE_URL says so,
production-safe defaults unless DEBUG=1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def envsecret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file that NAME_FILE points at (container secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")
SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-for-debug-and-tests-" + "x" * 20
# Without DEBUG and without SECRET_KEY, commands that need no key (makemigrations, check) still run,
# while Django refuses to start the web process ("The SECRET_KEY setting must not be empty") and
# `check --deploy` fails.

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "handlekraft.views.csrf_failure"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "handlekraft.apps.HandlekraftAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "mozilla_django_oidc",
    "handlekraft.organisation",
    "handlekraft.mandates",
    "handlekraft.experiments",
    "handlekraft.stories",
    "handlekraft.dialogue",
    "handlekraft.summaries",
    "handlekraft.pulse",
    "handlekraft.plan",
    "handlekraft.notifications",
    "handlekraft.jobs",
]

MIDDLEWARE = [
    # HTML compressed (a board of 2,000 notes is megabytes); Django's gzip mitigates BREACH, and
    # WhiteNoise's static files come compressed already, so they pass through untouched.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "handlekraft.lib.request_guard.RequestGuardMiddleware",
    "handlekraft.organisation.auth.SettingsOncePerRequest",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "handlekraft.organisation.auth.DanishFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "handlekraft.organisation.auth.UserLanguageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "handlekraft.urls"
# Form widgets and our DKFDS field templates are rendered from the project's template folders.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "handlekraft.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "handlekraft.context_processors.site",
            ],
            "builtins": ["handlekraft.lib.template_filters"],
        },
    }
]

# Database: SQLite in var/ unless DATABASE_URL names another. In production a worker keeps its connection
# for a minute (checked before reuse, so a restarted database is reconnected to): a new connection per
# request cost the board's poll about half its time.
DEFAULT_SQLITE = BASE_DIR / "var" / "handlekraft.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if "DATABASE_URL" not in os.environ:
        DEFAULT_SQLITE.parent.mkdir(exist_ok=True)
    # WAL and a busy timeout let concurrent writers (web + task worker) wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds every rate limit, so all processes and machines must share it: Django's database
# cache by default (no extra server; `migrate` creates its table; lib/cache.py makes its counter exact
# across processes), Redis when REDIS_URL is set.
CACHES: dict[str, dict[str, Any]]
if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
else:
    CACHES = {
        "default": {
            "BACKEND": "handlekraft.lib.cache.CountingDatabaseCache",
            "LOCATION": "handlekraft_cache",
            # A theme day's thousand phones each have a counter: Django's default of 300 entries would
            # cull them (and so reset the limits) long before the day is over.
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        }
    }

# A board's notes as rendered, in each process's memory (dialogue/_note.html): a note's markup stays the
# same until the note changes, so a board of 1,000 notes is rendered once, not on every load.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 60 * 60,
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}

AUTH_USER_MODEL = "organisation.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "handlekraft.admin_site.HRAdminBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The reverse proxies in front of the app (addresses or networks, e.g. "10.0.0.5,10.1.0.0/24"): only
# from them is X-Forwarded-For believed, so the client's own address keys lockouts and rate limits.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES")

# Lockout after repeated failures (django-axes): per account and client address, so that nobody
# elsewhere can lock a colleague out; the address is read through the trusted proxies.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "handlekraft.lib.client.client_address"
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# OpenID Connect single sign-on: on when OIDC_RP_CLIENT_ID and the endpoints are set.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.insert(1, "handlekraft.organisation.oidc.SSOBackend")
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = envsecret("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["OIDC_OP_JWKS_ENDPOINT"]
    OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
    OIDC_CREATE_USER = envbool("OIDC_CREATE_USER", "0")
    # The claim holding the person's HR/OS2mo key (`external_id`), for staff without a work e-mail.
    OIDC_EMPLOYEE_KEY_CLAIM = os.environ.get("OIDC_EMPLOYEE_KEY_CLAIM", "")
    OIDC_USE_PKCE = True
    OIDC_STORE_ID_TOKEN = True  # the id_token_hint for logging out at the provider too
    OIDC_CALLBACK_CLASS = "handlekraft.organisation.oidc.SSOCallbackView"
    OIDC_OP_LOGOUT_URL_METHOD = "handlekraft.organisation.oidc.provider_logout_url"
    # How often the session is checked, silently, with the provider (a session ended there ends here).
    OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = envint("OIDC_RENEW_SECONDS", 15 * 60)
    OIDC_EXEMPT_URLS = ["logout", "login", "healthz", "readyz"]
    LOGIN_REDIRECT_URL_FAILURE = "/login/"
    MIDDLEWARE.append("handlekraft.organisation.oidc.SSOSessionRefresh")

# Language: Danish first (the source language of every text), English available.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
# OS2mo (`manage.py sync_os2mo`, organisation/os2mo.py): its address, Keycloak's token endpoint and the
# client's credentials, and which association types (their user_key) mean TR and AMR.
OS2MO_URL = os.environ.get("OS2MO_URL", "")
OS2MO_TOKEN_URL = os.environ.get("OS2MO_TOKEN_URL", "")
OS2MO_CLIENT_ID = os.environ.get("OS2MO_CLIENT_ID", "")
OS2MO_CLIENT_SECRET = envsecret("OS2MO_CLIENT_SECRET")
OS2MO_TR_ASSOCIATION_TYPES = os.environ.get("OS2MO_TR_ASSOCIATION_TYPES", "TR")
OS2MO_AMR_ASSOCIATION_TYPES = os.environ.get("OS2MO_AMR_ASSOCIATION_TYPES", "AMR")

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Email: console for the demo, SMTP in production (EMAIL_URL=smtp://user:pass@host:587 or EMAIL_*).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "handlekraft <noreply@handlekraft.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if email_url := os.environ.get("EMAIL_URL"):
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = parts.hostname or "localhost"
    EMAIL_PORT = parts.port or 25
    EMAIL_HOST_USER = unquote(parts.username or "")
    EMAIL_HOST_PASSWORD = unquote(parts.password or "")
    EMAIL_USE_TLS = parts.scheme in ("smtp+tls", "submission") or EMAIL_PORT == 587
    EMAIL_USE_SSL = parts.scheme == "smtps"
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = envint("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "1")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# A relay that does not answer must not hold a worker: mail is sent from the outbox by a task anyway.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
# With DEBUG off, mail to the console would put live reset links and pulse codes in the logs:
# `check --deploy` refuses it unless EMAIL_CONSOLE_OK=1 says it is meant (a demo without mail).
EMAIL_CONSOLE_OK = envbool("EMAIL_CONSOLE_OK", "0")

# Background tasks: django-tasks with its database backend; a worker is `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security. Production defaults whenever DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "1")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Content Security Policy: nothing inline, nothing from other hosts.
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
if OIDC_ENABLED and OIDC_OP_LOGOUT_ENDPOINT:
    # "Log af" is a form whose answer sends the browser on to the provider's end-session endpoint;
    # browsers apply form-action to that redirect too.
    from urllib.parse import urlsplit

    _provider = urlsplit(OIDC_OP_LOGOUT_ENDPOINT)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(f"{_provider.scheme}://{_provider.netloc}")

# Structured logging to stdout: one JSON object a line; every server error is logged.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "handlekraft.lib.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # django-axes would log user names (e-mail addresses): keep personal data out of the logs.
        "axes": {"level": "ERROR"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}

# Anonymous answers are never shown for fewer respondents than this unless SiteSettings says otherwise.
DEFAULT_ANONYMITY_THRESHOLD = 5
