# The two commands of the README: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test install system-packages db lint bench test-unit test-app test-integration test-e2e clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

# bytecode compiled ahead (only what changed): a service account that cannot write here would otherwise compile
# the app's modules again at every start, on the first visitor's time
install: $(STAMP)
	$(PY) -m compileall -q dashboard

db: install
	$(PY) -m dashboard init

run: db
	$(PY) -m streamlit run dashboard/serve.py --server.port $(PORT)

# the Debian packages of the integration and browser tiers (.ci/system-packages): checked first, installed
# when missing and run as root, otherwise the command to install them is printed and make stops
system-packages:
	@bash .ci/system-packages

# every tier: unit and app on two workers, then the subprocess/LibreOffice tier, then the browser
test: system-packages install
	$(PY) -m pytest -q -p no:cacheprovider -n 2 tests/unit tests/app
	$(PY) -m pytest -q -p no:cacheprovider tests/integration
	$(PY) -m pytest -q -p no:cacheprovider tests/e2e

test-unit: install
	$(PY) -m pytest -q -p no:cacheprovider tests/unit
test-app: install
	$(PY) -m pytest -q -p no:cacheprovider tests/app
test-integration: system-packages install
	$(PY) -m pytest -q -p no:cacheprovider tests/integration
test-e2e: system-packages install
	$(PY) -m pytest -q -p no:cacheprovider tests/e2e

lint: install
	$(PY) -m ruff check dashboard tests benchmarks
	$(PY) -m mypy

# 10M generated rows, every phase incl. 20 browser sessions; ~10 minutes on 2 cores (benchmarks/README.md)
bench: install
	$(PY) -m dashboard bench --load $(BENCH_ARGS)

clean:
	rm -rf $(VENV) data/*.duckdb data/*.duckdb.* data/*.segments data/default/generated
