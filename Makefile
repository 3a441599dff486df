# Two commands: `make run` (serve the platform on SQLite with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-pg lint messages bench worker clean

# Reinstall only when the pinned dependencies change.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	mkdir -p var/static
	$(MANAGE) migrate --noinput
	$(MANAGE) load_geodata
	$(MANAGE) seed_demo
	@echo "Serving Inzet at http://127.0.0.1:$(PORT)  (background worker running; Ctrl-C stops both)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(MANAGE) db_worker --interval 1 & \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

worker: $(VENV)/.installed
	$(MANAGE) db_worker

test: $(VENV)/.installed-dev
	mkdir -p var/static
	$(BIN)/ruff check .
	$(BIN)/pytest $(PYTEST_ARGS)

test-pg:
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/inzet} $(MAKE) test

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(VENV)/.installed
	cd src/inzet && ../../$(BIN)/django-admin makemessages -l nl --no-location --no-obsolete \
	  --ignore 'tests/*' && ../../$(BIN)/django-admin compilemessages -l nl

# Figures on the embedded SQLite file, then on PostgreSQL when one answers (BENCH_PG_URL).
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/inzet_bench
bench: $(VENV)/.installed-dev
	mkdir -p var/static
	$(BIN)/python bench/run.py
	$(BIN)/python bench/vacancies.py
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "=== PostgreSQL ($(BENCH_PG_URL)) ==="; \
	  createdb -h 127.0.0.1 -U postgres $(notdir $(BENCH_PG_URL)) 2>/dev/null || true; \
	  DATABASE_URL=$(BENCH_PG_URL) $(BIN)/python bench/vacancies.py && \
	  DATABASE_URL=$(BENCH_PG_URL) $(BIN)/python bench/oncall.py; \
	else echo "bench: PostgreSQL not reachable on 127.0.0.1:5432; skipped its figures"; fi

clean:
	rm -rf $(VENV) var
