# Two commands for a newcomer: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup setup-dev messages migrate demo lint format clean

run: setup migrate demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(MANAGE) ensure_staff_account
	$(MANAGE) runserver 127.0.0.1:8000

test: setup-dev
	$(BIN)/pytest

setup: $(VENV)/.runtime messages

setup-dev: $(VENV)/.dev messages

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

messages:
	$(MANAGE) compile_catalogues

migrate:
	$(MANAGE) migrate --no-input

demo:
	$(MANAGE) load_demo_content

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --tabwidth 2 --check templates

format: setup-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml --tabwidth 2 templates

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
