"""Every benchmark script that can run small still runs: the figures in docs/ come from them.

Session 26 found ``signup_latency.py`` broken by a rename in the gate a
session earlier, and ``shift_robustness.py`` by the GeoIP check refusing a
path to a missing file; neither showed until someone measured. These run each
script at a size that takes seconds and check it printed its figures. The
slowest ones (the independent generators, 1M events) are left to people.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.celery]

SMALL = {
    "engine_start.py --n 60": "Engine.from_settings, with it:",
    "velocity_prune.py --keys 200": "an hour later:",
    "admin_pages.py --n 60": "clusters",
    "review_actions.py --accounts 40": "ms an account",
    "linked_device_scale.py --accounts 20 --logins 1 --others 20": "an identity no account used: linked=False",
    "cluster_scale.py --sizes 30 --runs 1": "(c) one more blocked signup",
    "replay_throughput.py --events 500 --history 0": "events/s",
    "velocity_history.py --history 1000 --measure 200 --backend-events 50": "events/s",
    "signup_rows_ab.py --n 5": "median",
    "evaluate_detection.py --legit 400 --days 2 --seeds 1": "disposable_blocklist",
    "train_benchmark.py --legit 400 --scale 0.5 --days 2": "training total (features + boosting):",
    "shift_robustness.py --legit 400 --days 2 --only no_asn_database no_city_database":
        "| no_city_database |",
    "signup_latency.py --requests 3 --warmup 1 --profile 3 --verdicts 3 --verdict-warmup 1 --score-profile 2":
        "TARGET (b) signup-to-verdict",
}


def _run(command: str, env: dict[str, str]) -> str:
    script, *args = command.split()
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.parametrize("command", list(SMALL), ids=[command.split(".py")[0] for command in SMALL])
def test_a_benchmark_runs_small_and_prints_its_figures(command: str) -> None:
    # Each script picks its own throw-away database; the suite's (DATABASE_URL) is not theirs to use.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    assert SMALL[command] in _run(command, env)


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs a PostgreSQL server")
def test_the_worker_scaling_benchmark_runs_small_on_postgresql() -> None:
    import psycopg

    server = os.environ["DATABASE_URL"]
    name = f"sgsmoke_{uuid.uuid4().hex[:12]}"
    base = server.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        out = _run(f"worker_scaling.py --database-url {base}/{name} --workers 1 --signups 5", env)
        assert "all ok" in out
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
