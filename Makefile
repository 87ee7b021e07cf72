# handlekraft: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development commands run with DEBUG=1, so they need no SECRET_KEY.
DEV := DEBUG=1

.PHONY: venv run test lint format migrations-check messages ci clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Serves the demo municipality on http://127.0.0.1:8000 with a task worker beside it.
run: venv
	mkdir -p var
	DEBUG=1 $(MANAGE) migrate --no-input
	DEBUG=1 $(MANAGE) demo
	DEBUG=1 $(MANAGE) collectstatic --no-input --verbosity 0
	DEBUG=1 $(PY) -m handlekraft.devserver

# Runs the whole suite on SQLite, or on DATABASE_URL when it is set.
test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

migrations-check: venv
	$(DEV) $(MANAGE) makemigrations --check --dry-run

# Danish is the source language; this refreshes and compiles the English catalogue.
messages: venv
	$(DEV) $(MANAGE) makemessages --locale en --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(DEV) $(MANAGE) makemessages --locale en --domain djangojs --ignore '.venv/*' --ignore 'var/*' --ignore 'static/vendor/*' --ignore 'staticfiles/*' --no-obsolete
	$(DEV) $(MANAGE) compilemessages --ignore '.venv/*'

ci: lint migrations-check test

clean:
	rm -rf $(VENV) var staticfiles
