"""A real Celery worker for the end-to-end tests.

``celery_worker_proc`` starts ``celery -A config worker`` as a subprocess,
against the Redis broker of ``redis_url`` and the very database the tests use
(the SQLite test file, or PostgreSQL's ``test_<name>``); its settings module is
``tests.settings_e2e``, which reads the broker, the database name and the
``SIGNUPGUARD`` dict from environment variables set here.

``celery_live`` then points this process's Celery app at the same broker (no
eager mode) and applies the same ``SIGNUPGUARD`` settings, so a signup POSTed
to ``live_server`` is enqueued on commit and scored by the worker. Tests that
use it need ``transactional_db`` (the worker must see committed rows).
"""

from __future__ import annotations

import base64
import collections
import json
import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.plugins.redis_server import stop_process

ROOT = Path(__file__).resolve().parents[2]
WORKER_START_TIMEOUT = 60.0
DEAD_BROKER_URL = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there

# Addresses the e2e GeoIP databases describe. The live server sees 127.0.0.1,
# a trusted proxy, and believes X-Forwarded-For.
HOME_NET = ("81.2.69.0/24", 2856, "British Telecommunications PLC", "GB", "Europe/London")
HOME_NET_2 = ("89.160.20.0/24", 29518, "Bredband2 AB", "SE", "Europe/Stockholm")
HOSTING_NET = ("45.77.0.0/16", 20473, "The Constant Company, LLC", "US", "America/Chicago")
HOSTING_NET_2 = ("167.99.0.0/16", 14061, "DigitalOcean, LLC", "DE", "Europe/Berlin")
E2E_NETWORKS = (HOME_NET, HOME_NET_2, HOSTING_NET, HOSTING_NET_2)
E2E_ALLOWED, E2E_DENIED = "198.51.100.0/24", "192.0.2.0/24"  # cleared and blocked by rule, whatever the model says


def wait_until(predicate: Callable[[], Any], *, timeout: float = 30.0, interval: float = 0.1, what: str = "") -> Any:
    """Poll ``predicate`` until it returns something truthy; fail the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f}s waiting for {what or predicate}")
        time.sleep(interval)


def _with_db(url: str, db: int) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, parts.fragment))


@pytest.fixture(scope="session")
def celery_broker_url(redis_url: str) -> str:
    """A Redis database of its own for the broker, emptied so no earlier run's message is consumed."""
    import redis

    url = _with_db(redis_url, 14)
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture(scope="session")
def e2e_geoip(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Small ASN and City databases describing ``E2E_NETWORKS``."""
    from signupguard.simulation.geodb import write_asn_db, write_city_db

    directory = tmp_path_factory.mktemp("e2e-geoip")
    asn, city = directory / "asn.mmdb", directory / "city.mmdb"
    write_asn_db(asn, [(cidr, number, org) for cidr, number, org, _, _ in E2E_NETWORKS])
    write_city_db(city, [(cidr, country, tz) for cidr, _, _, country, tz in E2E_NETWORKS])
    return {"GEOIP_ASN": str(asn), "GEOIP_CITY": str(city)}


@pytest.fixture(scope="session")
def e2e_velocity_url(redis_url: str) -> str:
    """Redis database of the e2e velocity counters (production's backend), emptied first."""
    import redis

    url = _with_db(redis_url, 13)
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture(scope="session")
def e2e_signupguard(e2e_geoip: dict[str, str], e2e_velocity_url: str) -> dict[str, Any]:
    """The ``SIGNUPGUARD`` settings shared by the web side and the worker."""
    return {
        **e2e_geoip,
        "TRUSTED_PROXIES": ["127.0.0.1/32", "::1/128"],
        "VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore",
        "VELOCITY_OPTIONS": {"url": e2e_velocity_url},
        # Answer at once, so the tests see "pending" before the worker's verdict.
        "SYNC_WAIT": 0,
        # The sweep takes every pending attempt (the broker-down test).
        "SWEEP_AFTER_SECONDS": 0,
        # Documentation ranges that no other test uses, for verdicts the tests
        # must know in advance (the linking pass's retroactive review).
        "ALLOW_IP_RANGES": [E2E_ALLOWED],
        "DENY_IP_RANGES": [E2E_DENIED],
    }


class Worker:
    def __init__(self, proc: subprocess.Popen, log: Path, broker_url: str) -> None:
        self.proc, self.log, self.broker_url = proc, log, broker_url

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    _RECEIVED = re.compile(r"Task [\w.]+\[([0-9a-f-]+)\] received")
    _ENDED = re.compile(r"Task [\w.]+\[([0-9a-f-]+)\] (?:succeeded|raised|retry|failed|rejected|revoked)")

    def wait_idle(self, *, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Until every task the worker received has ended and none came for ``quiet`` seconds.

        A test's database is flushed (TRUNCATE) when it ends; a task still
        running then (a linking pass after the test's last verdict) holds
        locks the flush needs, and PostgreSQL reports a deadlock.
        """
        deadline, idle_since = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            log = self.output()
            received = collections.Counter(self._RECEIVED.findall(log))
            ended = collections.Counter(self._ENDED.findall(log))
            if received - ended:
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= quiet:
                return
            time.sleep(0.05)

    def assert_alive(self) -> None:
        if self.proc.poll() is not None:
            pytest.fail(f"the Celery worker exited with {self.proc.returncode}:\n{self.output()[-4000:]}")


@pytest.fixture(scope="session")
def celery_worker_proc(
    django_db_setup: None,
    django_db_blocker: Any,
    celery_broker_url: str,
    e2e_signupguard: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Worker]:
    """A real ``celery -A config worker`` (solo pool) on the test database and the Redis broker."""
    from django.db import connection

    db_name = str(connection.settings_dict["NAME"])  # the test database, set up above
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_e2e",
        "SIGNUPGUARD_E2E_BROKER_URL": celery_broker_url,
        "SIGNUPGUARD_E2E_DB_NAME": db_name,
        "SIGNUPGUARD_E2E_SETTINGS": json.dumps(e2e_signupguard),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker",
        "--pool=solo", "--concurrency=1", "--loglevel=INFO", "--hostname=e2e@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]
    with open(log, "wb") as sink:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    worker = Worker(proc, log, celery_broker_url)
    try:
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while " ready." not in worker.output():
            worker.assert_alive()
            if time.monotonic() > deadline:
                pytest.fail(f"the Celery worker did not become ready:\n{worker.output()[-4000:]}")
            time.sleep(0.1)
        yield worker
    finally:
        stop_process(proc, timeout=15)


def _celery_app() -> Any:
    from config.celery import app

    app.set_current()
    app.set_default()
    return app


def _reset_connections(app: Any) -> None:
    from kombu import pools

    if app._pool is not None:
        try:
            app._pool.force_close_all()
        except Exception:  # noqa: BLE001 -- a dead broker's pool may not close cleanly
            pass
    app._pool = None
    try:
        app.__dict__["amqp"]._producer_pool = None
    except (AttributeError, KeyError):
        pass
    pools.reset()


def _settle_publisher() -> None:
    """Let the background publisher finish with the old broker, and forget its back-off."""
    from signupguard import publisher, recording

    publisher.wait_idle(30.0)
    recording._broker_down_until = 0.0  # a new broker: the old one's outage says nothing about it


@contextmanager
def celery_broker(url: str) -> Iterator[None]:
    """Publish this process's tasks to ``url`` (no eager mode) inside the block."""
    app = _celery_app()
    saved = {"task_always_eager": app.conf.task_always_eager, "broker_url": app.conf.broker_url}
    _settle_publisher()
    app.conf.update(task_always_eager=False, broker_url=url)
    _reset_connections(app)
    try:
        yield
    finally:
        _settle_publisher()
        app.conf.update(saved)
        _reset_connections(app)


class IdleBroker:
    """The tasks waiting in a Redis broker database that no worker consumes, oldest first."""

    def __init__(self, url: str) -> None:
        import redis

        self.url = url
        self.redis = redis.Redis.from_url(url)

    def messages(self) -> list[dict[str, Any]]:
        return [json.loads(raw) for raw in reversed(self.redis.lrange("celery", 0, -1))]  # LPUSH: oldest last

    def tasks(self) -> list[str]:
        """The names of the waiting tasks."""
        return [message["headers"]["task"] for message in self.messages()]

    def arguments(self, task: str) -> list[Any]:
        """The first argument of each waiting ``task``."""
        found = []
        for message in self.messages():
            if message["headers"]["task"] == task:
                args, _kwargs, _embed = json.loads(base64.b64decode(message["body"]))
                found.append(args[0])
        return found


@pytest.fixture
def idle_broker(redis_url: str) -> Iterator[IdleBroker]:
    """A broker database of its own (15) that nothing consumes, emptied before and after the test."""
    broker = IdleBroker(_with_db(redis_url, 15))
    broker.redis.flushdb()
    yield broker
    broker.redis.flushdb()


class Live:
    """What an end-to-end test drives: the worker, and the broker switch."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker

    @contextmanager
    def broker_down(self) -> Iterator[None]:
        """Inside the block the web side publishes to a dead broker."""
        with celery_broker(DEAD_BROKER_URL):
            yield


@pytest.fixture
def celery_live(celery_worker_proc: Worker, transactional_db: None, settings: Any, e2e_signupguard: dict) -> Iterator[Live]:
    settings.SIGNUPGUARD = dict(e2e_signupguard)
    celery_worker_proc.assert_alive()
    with celery_broker(celery_worker_proc.broker_url):
        yield Live(celery_worker_proc)
    celery_worker_proc.wait_idle()  # before the test database is flushed
    celery_worker_proc.assert_alive()
