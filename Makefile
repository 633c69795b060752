# Two commands: `make run` (set up everything and serve the portal with demo data on SQLite) and
# `make test` (the whole suite). Both work on a fresh machine with Python 3.11; Node is optional.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install assets migrate demo serve worker beat lock check clean

run: install assets migrate demo serve

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found " + sys.version.split()[0] + "): set PYTHON=/path/to/python3.11")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

# The GOV.UK Frontend CSS is compiled from npm packages when Node is here; otherwise the build
# committed in static/dist is served as it is.
assets:
	@if command -v npm >/dev/null 2>&1; then \
		if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then npm ci --no-audit --no-fund --loglevel=error; fi; \
		npm run --silent build; \
	else \
		echo "Node.js not found: serving the prebuilt front-end in static/dist (install Node 20+ to rebuild it)."; \
	fi

migrate: install
	$(MANAGE) migrate --noinput

demo: install
	$(MANAGE) load_reference_data
	$(MANAGE) load_demo

# Links in emails point at the address the portal is served on, unless SITE_URL says otherwise.
serve:
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} IN_PROCESS_TASKS_IN_BACKGROUND=$${IN_PROCESS_TASKS_IN_BACKGROUND:-true} $(MANAGE) runserver $(HOST):$(PORT)

# Production-like processes against a broker (set CELERY_BROKER_URL first).
worker:
	$(BIN)/celery -A compact_portal worker --loglevel=info

beat:
	$(BIN)/celery -A compact_portal beat --loglevel=info

# Re-pin dependencies after editing pyproject.toml.
lock: install
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra dev -o requirements-dev.lock pyproject.toml

check: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3 test-artifacts
