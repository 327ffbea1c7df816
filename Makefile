# Two commands matter: `make run` serves the API and the web client, `make test` runs the suite.
# Each sets everything up on a fresh machine with Python 3.11 (and Node.js 20.19+ for the client).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test test-postgres lint format eval eval-corpus bench clean web web-types test-web chromium audit

# The web client (web/) needs Node.js 20.19 or newer; without it the API is served alone.
NODE_OK := $(shell node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null && command -v npm >/dev/null 2>&1 && echo yes)
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts \
	web/tsconfig.json web/tsconfig.app.json web/tsconfig.node.json
CHROMIUM := /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt rag/export_onnx.py rag/onnx_backend.py | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	# The ONNX model the service runs, exported from the bundled weights (idempotent, offline).
	$(BIN)/python -m rag.export_onnx
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime web
	$(BIN)/flask --app app db upgrade
	$(BIN)/gunicorn -c gunicorn.conf.py "app:create_app()"

# The client is built first so that pytest also checks the page it serves (tests/test_spa.py).
test: $(VENV)/.dev web
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest
	$(MAKE) test-web

test-postgres: $(VENV)/.dev
	TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: $(VENV)/.dev
	$(BIN)/python -m bench.eval

eval-corpus: $(VENV)/.dev
	$(BIN)/python bench/eval_corpus.py --with-dev

# One table of ratios measured side by side in one run (bench/run_all.py; BENCH_ARGS=--quick).
bench: $(VENV)/.dev
	$(BIN)/python -m bench.run_all $(BENCH_ARGS)

# Known vulnerabilities in the pinned Python and npm dependencies (needs the advisory services).
audit: $(VENV)/.dev web/node_modules/.installed
	$(BIN)/pip-audit --progress-spinner off -r requirements.txt -r requirements-dev.txt
	cd web && npm audit --omit=dev && npm audit

# npm ci only when the lock changed; a build only when a source changed.
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

ifeq ($(NODE_OK),yes)
web: web/dist/index.html
else
web:
	@echo "Node.js 20.19+ with npm was not found, so the web client is not built; the API is served as usual."
	@echo "To get the web client, install Node.js 20.19 or newer and run 'make web' (or make run again)."
endif

# Regenerate web/src/api/schema.d.ts from the app's OpenAPI document (after any API change).
web-types: $(VENV)/.runtime web/node_modules/.installed
	cd web && npm run gen:api

# Debian's Chromium drives the browser tests; Playwright never downloads a browser.
chromium:
	@test -x $(CHROMIUM) || { \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get -o DPkg::Lock::Timeout=900 install -y chromium || \
	  { apt-get -o DPkg::Lock::Timeout=900 update && apt-get -o DPkg::Lock::Timeout=900 install -y chromium; }; }

# Lint and format check, stale API types, unit tests, then the browser tests against gunicorn.
ifeq ($(NODE_OK),yes)
test-web: $(VENV)/.dev web/dist/index.html chromium
	cd web && npm run lint
	cd web && npm run check:api
	cd web && npm test
	cd web && npm run e2e
else
test-web:
	@echo "test-web needs Node.js 20.19 or newer with npm"; exit 1
endif

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache web/node_modules web/dist web/e2e-output
