# Two entry points (see README): `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-unit setup env db-start db-stop schema ingest serve lint system-tools

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# A password is generated once into .env (git-ignored); nothing ships with a default secret.
.env:
	@umask 077; printf 'NEO4J_PASSWORD=%s\n' \
	  "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(24))')" > .env
	@echo "wrote .env with a generated NEO4J_PASSWORD"

env: .env

db-start: setup env
	$(BIN)/pkgraph db start

db-stop: setup env
	$(BIN)/pkgraph db stop

schema: db-start
	$(BIN)/pkgraph schema apply

ingest: schema
	$(BIN)/pkgraph ingest

serve: ingest
	$(BIN)/pkgraph serve

# Sets everything up, starts the local Neo4j, loads data/ and serves the API on 127.0.0.1:8000.
run: serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# Debian packages the tests use (docker-compose validates the compose file, no engine needed;
# chromium is the browser Playwright drives in the page tests).
# As root they are installed; otherwise the line to run is printed and the target fails.
SYSTEM_TOOLS := docker-compose chromium
system-tools:
	@missing=""; for tool in $(SYSTEM_TOOLS); do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing:$$missing; run: sudo apt-get install$$missing"; exit 1; fi; \
	fi

# Sets everything up and runs the whole suite (both tiers); the tests start their own Neo4j on other ports.
test: lint system-tools
	$(BIN)/pytest

# The unit tier only: no Neo4j, no Java, well under 30 s. The variable makes a test that still
# reaches the Neo4j fixture fail instead of starting a server.
test-unit: setup
	PKGRAPH_TEST_NO_NEO4J=1 $(BIN)/pytest -m unit
