# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := app
HOST ?= 127.0.0.1
PORT ?= 5000
TEST_WORKERS ?= auto

.PHONY: run serve test e2e setup db bank demo translations browser bench clean

run: setup db bank demo  ## the site on http://127.0.0.1:5000 with SQLite, the bundled bank and demo accounts
	@echo "Serving on http://$(HOST):$(PORT)  (Ctrl-C to stop)"
	$(BIN)/flask run --host $(HOST) --port $(PORT)

serve: setup db  ## the production stack locally: gunicorn, one RQ worker (with REDIS_URL), the overdue sweep
	@trap 'kill $$(jobs -p) 2>/dev/null' EXIT INT TERM; \
	if [ -n "$$REDIS_URL" ]; then $(BIN)/flask jobs worker --nice 10 & else echo "REDIS_URL not set: jobs run inline"; fi; \
	$(BIN)/flask attempts sweep --every $${SWEEP_EVERY:-60} & \
	$(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) wsgi:app

test: setup browser  ## the whole suite (SQLite; PostgreSQL too when TEST_DATABASE_URL is set), on every core
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

e2e: setup browser  ## only the browser tests
	$(BIN)/python -m pytest -m e2e

setup: $(VENV)/.installed translations

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d app/translations -D messages >/dev/null

db: setup
	$(BIN)/flask db upgrade

bank: db
	$(BIN)/flask bank import question_bank

demo: db
	$(BIN)/flask users demo

# Browser tests drive Debian's chromium (never a downloaded browser); CJK fonts make Chinese render (and are
# embedded in the PDF reports); poppler-utils' pdftotext reads the PDFs back in tests.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk" || ! command -v pdftotext >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages chromium, fonts-noto-cjk and poppler-utils for the browser and PDF tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; \
	  else \
	    echo "tests need Debian's chromium, fonts-noto-cjk and poppler-utils: sudo apt-get install chromium fonts-noto-cjk poppler-utils" >&2; exit 1; \
	  fi; \
	fi

bench: setup
	$(BIN)/python bench/grading.py
	$(BIN)/python bench/fidelity.py

clean:
	rm -rf $(VENV) instance .pytest_cache
