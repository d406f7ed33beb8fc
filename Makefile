# SignupGuard: the two commands are `make demo` and `make test`.
#
#   make demo     virtualenv + install, migrate, demo GeoIP databases, shipped
#                 model, admin user (credentials printed), then the portal on
#                 http://127.0.0.1:8000 -- SQLite, eager Celery, no services.
#   make test     the whole suite on SQLite, then again on PostgreSQL when
#                 DATABASE_URL_PG is set (`.ci/run` sets it; so can you:
#                 DATABASE_URL_PG=postgres://user@127.0.0.1/signupguard make test).
#                 Redis-backed and Celery-worker tests start their own
#                 redis-server unless REDIS_URL is set.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo install geoip test test-sqlite test-pg clean model

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml setup.py signupguard/velocity/_compiled.c | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

geoip: install
	$(PY) manage.py portal_setup --geoip-only

# The GeoIP databases first: migrate's system checks would warn that none is configured (W001).
# HOST= is allowed on top of the loopback names (0.0.0.0: any host, as it listens on every address).
demo: install
	$(PY) manage.py portal_setup --geoip-only
	$(PY) manage.py migrate --noinput
	$(PY) manage.py portal_setup
	@echo "==> the demo portal: http://$(HOST):$(PORT)/  (review console: /admin/)"
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost,[::1],$(if $(filter 0.0.0.0,$(HOST)),*,$(HOST))}" \
		$(PY) manage.py runserver --insecure $(HOST):$(PORT)

# The shipped default model, reproducibly: simulated traffic (fixed seeds) ->
# signupguard_train. Without the optional Anonymous-IP database on purpose, so
# the model learns the network kinds every install can derive (ASN lists and
# organisation keywords). See docs/model.md.
# Four sites in one simulated internet (--world-seed 7: one set of GeoIP databases): a large one, a
# small one and a tiny one mostly made of attacks, and a quiet one with few. Each keeps its own velocity
# state, so the model does not learn one site's size or share of fraud (docs/detection.md).
# The quiet site twice more, as portals that send fewer signals: one without the collector script,
# one sending only what the contract's example shows (no Client Hints, the example's device fields, no
# form, no username). The same people; the model learns what such a portal's traffic reads as.
# Its target rates are half the issue's (--review-rate 0.005: 0.5% of legitimate signups held, 0.05%
# blocked), what signupguard_thresholds and the dashboard aim at on a portal's own signups. The
# thresholds are chosen for a tenth of those on the simulator's traffic (--margin 10): legitimate
# people unlike the simulator's score higher, and with a margin of 1 the nine independent generators
# held 2.8% of theirs and blocked 0.8% (docs/detection.md, "Session 27"). Retraining on your own
# labels uses no margin.
# trained_at (metadata.json, report.html) is the time of the last commit touching the model's inputs,
# so that rebuilding a checkout reproduces the committed files byte for byte.
MODEL_WORK ?= var/model-build
MODEL_EPOCH = $$(git log -1 --format=%ct -- signupguard Makefile requirements.txt ':(exclude)signupguard/model/default' 2>/dev/null)
model: install
	$(PY) manage.py signupguard_simulate --out $(MODEL_WORK)/events.jsonl --legit 60000 --scale 3 --days 14 --seed 7 --geoip-dir $(MODEL_WORK)/geoip
	$(PY) manage.py signupguard_simulate --out $(MODEL_WORK)/small-attacked.jsonl --legit 4000 --scale 2 --days 4 --seed 17 --world-seed 7 --geoip-dir $(MODEL_WORK)/geoip
	$(PY) manage.py signupguard_simulate --out $(MODEL_WORK)/tiny-attacked.jsonl --legit 2000 --scale 1 --days 3 --seed 37 --world-seed 7 --geoip-dir $(MODEL_WORK)/geoip
	$(PY) manage.py signupguard_simulate --out $(MODEL_WORK)/quiet.jsonl --legit 15000 --scale 0.3 --days 7 --seed 27 --world-seed 7 --geoip-dir $(MODEL_WORK)/geoip
	$(PY) manage.py signupguard_simulate --out $(MODEL_WORK)/quiet-without-device.jsonl --legit 15000 --scale 0.3 --days 7 --seed 27 --world-seed 7 --geoip-dir $(MODEL_WORK)/geoip \
		--without device
	$(PY) manage.py signupguard_simulate --out $(MODEL_WORK)/quiet-contract-minimum.jsonl --legit 15000 --scale 0.3 --days 7 --seed 27 --world-seed 7 --geoip-dir $(MODEL_WORK)/geoip \
		--without client-hints device-extras form username
	rm -rf signupguard/model/default
	SOURCE_DATE_EPOCH=$(MODEL_EPOCH) SIGNUPGUARD_GEOIP_ASN=$(MODEL_WORK)/geoip/GeoLite2-ASN.mmdb SIGNUPGUARD_GEOIP_CITY=$(MODEL_WORK)/geoip/GeoLite2-City.mmdb \
		$(PY) manage.py signupguard_train --out signupguard/model/default \
		--events $(MODEL_WORK)/events.jsonl $(MODEL_WORK)/small-attacked.jsonl $(MODEL_WORK)/tiny-attacked.jsonl $(MODEL_WORK)/quiet.jsonl \
		$(MODEL_WORK)/quiet-without-device.jsonl $(MODEL_WORK)/quiet-contract-minimum.jsonl \
		--version-prefix default --seed 0 --no-holdout --review-rate 0.005 --block-rate 0.0005 --margin 10

test: test-sqlite test-pg

# pytest exits 5 when it collected no test: not a failure of the suite.
test-sqlite: install
	@mkdir -p var
	@echo "==> test suite on SQLite"
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

test-pg: install
	@mkdir -p var
	@if [ -n "$$DATABASE_URL_PG" ]; then \
		echo "==> test suite on PostgreSQL"; \
		DATABASE_URL="$$DATABASE_URL_PG" $(PY) -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]; \
	elif [ -n "$$SIGNUPGUARD_REQUIRE_PG" ]; then \
		echo "DATABASE_URL_PG is not set but SIGNUPGUARD_REQUIRE_PG is" >&2; exit 1; \
	else \
		echo "==> PostgreSQL pass skipped: set DATABASE_URL_PG=postgres://... to run it"; \
	fi

clean:
	rm -rf var/portal.sqlite3 var/test.sqlite3 var/test-db.sqlite3 var/geoip var/demo-events.jsonl \
		build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
