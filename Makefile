# handlekraft: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development commands run with DEBUG=1, so they need no SECRET_KEY.
DEV := DEBUG=1

.PHONY: venv run test browser provider lint typecheck format migrations-check messages ci clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Serves the demo municipality on http://127.0.0.1:8000 with a task worker beside it.
# `make run HOST=0.0.0.0`: phones on the same network can join (handlekraft/devserver.py).
HOST ?= 127.0.0.1
run: venv
	mkdir -p var
	DEBUG=1 $(MANAGE) migrate --no-input
	DEBUG=1 $(MANAGE) demo
	DEBUG=1 $(MANAGE) collectstatic --no-input --verbosity 0
	DEBUG=1 HOST=$(HOST) $(PY) -m handlekraft.devserver

# Runs the whole suite on SQLite, or on DATABASE_URL when it is set. The browser tests need Debian's
# Chromium: installed here when we are root and it is missing.
# Three workers (pytest-xdist): the browser tests mostly wait on Chromium, so three keep two cores busy.
# Coverage is measured and printed (the modules below 100 %, least covered first); COVERAGE= turns it off.
PYTEST_ARGS ?= -n 3 --dist loadgroup
COVERAGE ?= --cov --cov-report=term
test: venv browser provider
	$(PY) -m pytest $(PYTEST_ARGS) $(COVERAGE)

# The single sign-on tests run a real OpenID provider on Node.js (tests/oidc), and the HTML test runs the
# Nu HTML Checker (tests/html, vnu.jar with Java); each is skipped without Node.js (or Java).
provider:
	@[ -d tests/oidc/node_modules/oidc-provider ] || ! command -v npm >/dev/null 2>&1 || \
	  npm ci --prefix tests/oidc --no-audit --no-fund --silent
	@[ -f tests/html/node_modules/vnu-jar/build/dist/vnu.jar ] || ! command -v npm >/dev/null 2>&1 || \
	  npm ci --prefix tests/html --no-audit --no-fund --silent

browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || echo "note: no chromium; the browser tests are skipped (apt-get install chromium)"
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0.so.0 || [ "$$(id -u)" != 0 ] || { \
	  echo "installing Pango for the PDF exports"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# mypy with django-stubs over the application (settings in pyproject.toml); it must stay clean.
typecheck: venv
	$(DEV) $(PY) -m mypy handlekraft

format: venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

migrations-check: venv
	$(DEV) $(MANAGE) makemigrations --check --dry-run

# Danish is the source language of every text, and locale/en/LC_MESSAGES/django.po is the one source of
# the English ones: translate new texts there (or in Poedit), then run this. It collects the texts (needs GNU
# gettext), compiles the .mo, which is committed so that a fresh machine needs no gettext, and lists any
# text still without English (tests/test_translations.py fails on those too).
messages: venv
	$(DEV) $(MANAGE) makemessages --locale en --ignore '.venv/*' --ignore 'var/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'bench/*' --no-obsolete
	$(DEV) $(MANAGE) compilemessages --locale en --ignore '.venv/*'
	@msgattrib --untranslated --no-wrap locale/en/LC_MESSAGES/django.po | grep '^msgid ' | grep -v '^msgid ""$$' | sed 's/^/untranslated: /' || true
	@msgattrib --only-fuzzy --no-wrap locale/en/LC_MESSAGES/django.po | grep '^msgid ' | grep -v '^msgid ""$$' | sed 's/^/fuzzy: /' || true

ci: lint typecheck migrations-check test

clean:
	rm -rf $(VENV) var staticfiles
