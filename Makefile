# Set-up is part of every target: a fresh machine needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STORE ?= var/store.sqlite3
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup lint format bench demo clean

run: setup demo
	$(PY) -m streamlit run dashboard.py --server.port $(PORT) --server.headless true

test: setup
	$(PY) -m ruff check .
	$(PY) -m pip_audit --requirement requirements.txt --no-deps --disable-pip --progress-spinner off
	$(PY) -m pytest

setup: $(VENV)/.installed static/vendor/.installed /usr/bin/chromium

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.installed: node_modules/.installed $(VENV)/.installed geo/mapview/assets.py
	$(PY) -m geo assets node_modules static/vendor
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core

demo: $(VENV)/.installed
	$(PY) -m geo ingest --quiet --store $(STORE) data/demo

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

$(VENV)/.bench-installed: $(VENV)/.installed bench/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

format: $(VENV)/.installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: setup $(VENV)/.bench-installed
	$(PY) bench/geoparse.py
	$(PY) bench/events.py
	$(PY) bench/dashboard.py

clean:
	rm -rf $(VENV) node_modules static/vendor var
