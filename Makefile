# Two commands for a new machine: `make run` (the product, with demo data) and `make test`.
# Each target is a plain command you can also run by hand; see README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint venv env demo serve benchmark messages check-translations screenshots

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# A local .env with a fresh secret key, made once; DATABASE_URL etc. may be added to it.
.env:
	$(PYTHON) -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(50))" > .env

env: .env

demo: venv env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py import_gar clients/gar/fixtures/sample

serve:
	DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

run: demo
	@echo ""
	@echo "LeadCore is starting on http://$(HOST):$(PORT)/"
	@echo "  admin:   http://$(HOST):$(PORT)/admin/   login admin / admin (operator / operator: an operator)"
	@echo "  API docs: http://$(HOST):$(PORT)/api/docs/ (after the admin login)"
	@TOKEN=$$($(PY) manage.py create_api_token demo-integrator | awk '{print $$NF}'); \
	echo "  API token for demo-integrator: $$TOKEN"; \
	echo "  try:    curl -H 'Authorization: Token $$TOKEN' -H 'Content-Type: application/json' \\"; \
	echo "            -d '{\"firstName\": \"Фридрих\", \"mobilePhone\": \"79776200719\"}' http://$(HOST):$(PORT)/api/v1/leads"
	@echo ""
	DEBUG=true $(PY) manage.py runserver --noreload $(HOST):$(PORT)

test: venv env
	SECURE_HTTPS=false $(VENV)/bin/pytest

# Settings refuse to load without SECRET_KEY; linting signs nothing, so a placeholder stands in
# when neither the environment nor .env has one (the environment wins over .env).
LINT_SECRET := SECRET_KEY=$${SECRET_KEY:-lint-only-not-a-secret}

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(LINT_SECRET) $(VENV)/bin/mypy
	$(LINT_SECRET) $(PY) manage.py makemigrations --check --dry-run

# The Russian catalogue (needs GNU gettext): `messages` adds new strings to locale/ru/.../django.po
# and compiles django.mo (both committed); `check-translations` fails on any string left untranslated.
messages: venv env
	$(PY) manage.py check_translations --update

check-translations: venv env
	$(PY) manage.py check_translations

benchmark: venv env
	$(PY) manage.py benchmark_leads

# The back office's screens as the browser tests see them, refreshed into docs/screenshots/.
screenshots: venv env
	SCREENSHOTS_DIR=docs/screenshots SECURE_HTTPS=false $(VENV)/bin/pytest tests/browser -q
