"""Infrastructure failures with the real services: Redis stalled or busy; a worker killed mid-task.

The tests run ``redis-server`` processes of their own (on ports above 26300),
which they stall (``SIGSTOP``) or keep busy with a long script, and a real
``celery -A config worker`` on them and the test database, which they kill
(``SIGKILL``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
from django.db import connection

from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import Attempt
from signupguard.recording import record_signup
from tests.plugins.services import ROOT, celery_broker, wait_until
from tests.test_tasks import _run_last_retry

pytestmark = [pytest.mark.celery, pytest.mark.redis, pytest.mark.slow]

BASE_PORT = 26300
BUSY_REPLY_MS = 200


def _free_port() -> int:
    for port in range(BASE_PORT + os.getpid() % 400, BASE_PORT + 700):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port above 26300")


class RedisServer:
    """A redis-server of the test's own, without persistence: a restart comes back empty."""

    def __init__(self, directory: Path, *options: str) -> None:
        self.directory, self.port, self.options = directory, _free_port(), options
        self.proc: subprocess.Popen | None = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 0, **options: Any) -> Any:
        import redis

        return redis.Redis.from_url(self.url(db), **options)

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.proc = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
             "--dir", str(self.directory), "--logfile", str(self.directory / "redis.log"),
             # A script running longer than this gets other clients "BUSY" replies (Redis's default: 5 s).
             "--busy-reply-threshold", str(BUSY_REPLY_MS), *self.options],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: self.answers() or self.proc.poll() is not None, timeout=10, interval=0.02,
                   what="redis-server to answer")
        assert self.proc.poll() is None, f"redis-server could not start on port {self.port}"

    def answers(self) -> bool:
        import redis

        try:
            return bool(self.client(socket_connect_timeout=0.2, socket_timeout=0.2).ping())
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # a stalled server must be able to exit
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None

    def stall(self) -> None:
        """The server stops answering (stopped, as when it swaps or its host hangs); connections stay open."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGCONT)


class WorkerProcess:
    """``celery -A config worker`` (solo pool) on the test database and the Redis ``broker``."""

    def __init__(self, broker: RedisServer, directory: Path, conf: dict[str, Any], overrides: dict[str, Any]) -> None:
        self.broker, self.directory, self.conf, self.overrides = broker, directory, conf, overrides
        self.proc: subprocess.Popen | None = None
        self.log = directory / "worker.log"
        self.runs = 0

    def start(self) -> None:
        self.runs += 1
        self.log = self.directory / f"worker-{self.runs}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings_e2e",
            "SIGNUPGUARD_E2E_BROKER_URL": self.broker.url(14),
            "SIGNUPGUARD_E2E_DB_NAME": str(connection.settings_dict["NAME"]),
            "SIGNUPGUARD_E2E_SETTINGS": json.dumps(self.conf),
            "SIGNUPGUARD_E2E_OVERRIDES": json.dumps(self.overrides),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONUNBUFFERED": "1",
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
                   "--loglevel=INFO", "--hostname=audit@%h", "--without-gossip", "--without-mingle",
                   "--without-heartbeat"]
        with open(self.log, "wb") as sink:
            self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
        wait_until(lambda: " ready." in self.output() or self.proc.poll() is not None, timeout=60,
                   what="the worker to start")
        assert self.proc.poll() is None, self.output()[-4000:]

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def _conf(redis: RedisServer) -> dict[str, Any]:
    return {
        "VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore",
        "VELOCITY_OPTIONS": {"url": redis.url(13)},
        "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"],
        "SYNC_WAIT": 0,
        "SWEEP_AFTER_SECONDS": 0,
        "FAIL_MODE": "open",
    }


def _caches(redis: RedisServer) -> dict[str, Any]:
    # What config/settings.py sets with REDIS_URL: Django's Redis cache with timeouts.
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis.url(12),
                        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}


# As config/settings.py has them for production.
BROKER = {"CELERY_BROKER_TRANSPORT_OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
          "CELERY_TASK_PUBLISH_RETRY_POLICY": {"max_retries": 2, "interval_start": 0, "interval_step": 0.1,
                                               "interval_max": 0.2}}


@pytest.fixture
def worker_on_two_redis(transactional_db: None, settings: Any, tmp_path: Path) -> Iterator[tuple[RedisServer, WorkerProcess]]:
    """A worker whose broker is one Redis, and its velocity counters and cache another (returned)."""
    from config.celery import app

    (tmp_path / "broker").mkdir()
    (tmp_path / "data").mkdir()
    broker = RedisServer(tmp_path / "broker")
    broker.start()
    data = RedisServer(tmp_path / "data")  # its port chosen once the broker's is taken
    data.start()
    conf = _conf(data)
    worker = WorkerProcess(broker, tmp_path, conf, {"CACHES": _caches(data), **BROKER})
    settings.SIGNUPGUARD = conf
    settings.CACHES = _caches(data)
    saved = {key: app.conf[key] for key in ("broker_transport_options", "task_publish_retry_policy")}
    app.conf.update(broker_transport_options=BROKER["CELERY_BROKER_TRANSPORT_OPTIONS"],
                    task_publish_retry_policy=BROKER["CELERY_TASK_PUBLISH_RETRY_POLICY"])
    try:
        worker.start()
        with celery_broker(broker.url(14)):
            yield data, worker
    finally:
        worker.stop()
        data.stop()
        broker.stop()
        app.conf.update(saved)
        from signupguard.engine import reset_engine

        reset_engine()


def _signup(signup_request: Any, user: Any, ip: str = "81.2.69.160", fingerprint: str = "fp-1") -> Attempt:
    request = signup_request(ip, data={DEVICE_FIELD: json.dumps({"fingerprint": fingerprint, "webdriver": False})})
    return record_signup(request, user)


def _state(attempt: Attempt) -> str:
    return Attempt.objects.get(pk=attempt.pk).state


def test_a_worker_killed_mid_scoring_leaves_the_attempt_to_the_sweep_counted_once(
    worker_on_two_redis: tuple[RedisServer, WorkerProcess], signup_request: Any, make_user: Any,
) -> None:
    """``kill -9`` of a worker waiting on Redis velocity: the sweep scores the signup, and counts it once."""
    from datetime import timedelta

    from django.utils import timezone

    from signupguard.tasks import sweep_pending

    data, worker = worker_on_two_redis
    first = _signup(signup_request, make_user(), fingerprint="fp-a")
    wait_until(lambda: _state(first) == "scored", timeout=30, what="the first verdict")
    data.stall()  # velocity and cache stop answering; the broker does not
    try:
        victim = _signup(signup_request, make_user(), fingerprint="fp-b")
        wait_until(lambda: _state(victim) == "scoring", timeout=30, what="the worker to claim the signup")
        worker.kill()  # SIGKILL, while it waits for Redis (its script sent, maybe run once Redis resumes)
    finally:
        data.resume()
    assert _state(victim) == "scoring" and account_status(victim.user) == "pending"
    # Its claim goes stale (SWEEP_AFTER_SECONDS, at least 30 s): the sweep takes it over.
    Attempt.objects.filter(pk=victim.pk).update(claimed_at=timezone.now() - timedelta(minutes=5))
    assert sweep_pending() == 1
    victim.refresh_from_db()
    assert victim.state == "scored" and victim.attempts == 2 and account_status(victim.user) == "cleared"
    assert victim.velocity["counts"]["ip"][0] == 1  # the first signup only
    worker.start()  # a new worker scores what comes next; the killed one's signup was counted once
    later = _signup(signup_request, make_user(), fingerprint="fp-c")
    wait_until(lambda: _state(later) == "scored", timeout=30, what="the next verdict")
    later.refresh_from_db()
    assert later.velocity["counts"]["ip"][0] == 2



# Busy for ARGV[1] milliseconds: a long script (another application's, a slow one of ours) that Redis
# cannot interrupt; past busy-reply-threshold every other client is answered "BUSY ...".
_BUSY = """
local t = redis.call('TIME')
local start = t[1] * 1000000 + t[2]
repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] - start >= tonumber(ARGV[1]) * 1000
return 1
"""


@contextmanager
def busy(server: RedisServer, seconds: float) -> Iterator[threading.Thread]:
    """Redis runs a script for ``seconds``; inside the block it answers every other client "BUSY"."""
    import redis

    runner = threading.Thread(target=server.client(socket_timeout=seconds + 30).eval,
                              args=(_BUSY, 0, int(seconds * 1000)))
    runner.start()
    probe = server.client(socket_timeout=seconds + 30)

    def answers_busy() -> bool:
        try:
            probe.ping()
        except redis.ResponseError as exc:
            return str(exc).startswith("BUSY")
        return False

    try:
        wait_until(answers_busy, timeout=seconds / 2, interval=0.02, what="Redis to answer BUSY")
        yield runner
    finally:
        runner.join()
        probe.close()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_redis_busy_running_a_script_leaves_the_attempt_pending_for_the_sweep(
    own_redis: RedisServer, settings: Any, signup_request: Any, make_user: Any,
    django_capture_on_commit_callbacks: Any, caplog: pytest.LogCaptureFixture,
) -> None:
    """Redis answers "BUSY" while a script outlasts busy-reply-threshold: a stall, not a scoring error.

    Found in this audit: the task and the sweep took the reply for a bad command and failed the
    attempt at once, so FAIL_MODE decided it ("open": cleared unscored) instead of the sweep
    scoring it once Redis was free again.
    """
    from signupguard.engine import reset_engine
    from signupguard.tasks import sweep_pending

    settings.SIGNUPGUARD = {**_conf(own_redis), "FAIL_AFTER_SECONDS": 600}
    settings.CACHES = _caches(own_redis)
    reset_engine()
    user = make_user()
    with django_capture_on_commit_callbacks(execute=False):  # no worker: the test runs the task's body
        attempt = _signup(signup_request, user)
    with busy(own_redis, 3.0):
        assert _run_last_retry(attempt.pk) == "pending"  # the worker's last retry: left to the sweep
        assert sweep_pending() == 0  # still busy: left pending again
        attempt.refresh_from_db()
        assert attempt.state == "pending" and "BUSY" in attempt.error and account_status(user) == "pending"
    assert "sweep stopped on a transient error" in caplog.text
    assert sweep_pending() == 1  # Redis is free again
    attempt.refresh_from_db()
    assert attempt.state == "scored" and attempt.decision == "allow" and account_status(user) == "cleared"
    reset_engine()


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_replica_not_yet_promoted_after_a_failover_leaves_the_attempt_pending_for_the_sweep(
    tmp_path: Path, settings: Any, signup_request: Any, make_user: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    """The velocity URL points at a replica a failover has not promoted yet: it answers "READONLY".

    Before: like "BUSY", taken for a bad command: the attempt failed at once and FAIL_MODE decided it
    ("open": cleared unscored). Now it waits, and the sweep scores it once the replica is promoted.
    """
    from signupguard.engine import reset_engine
    from signupguard.tasks import sweep_pending

    # A replica of a master nobody runs (port 9, discard): it serves reads and refuses writes.
    replica = RedisServer(tmp_path, "--replicaof", "127.0.0.1", "9")
    replica.start()
    try:
        settings.SIGNUPGUARD = {**_conf(replica), "FAIL_AFTER_SECONDS": 600}
        settings.CACHES = _caches(replica)
        reset_engine()
        user = make_user()
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)
        assert _run_last_retry(attempt.pk) == "pending"
        attempt.refresh_from_db()
        assert attempt.state == "pending" and "read only replica" in attempt.error and account_status(user) == "pending"
        replica.client().execute_command("REPLICAOF", "NO", "ONE")  # the failover completes
        assert sweep_pending() == 1
        attempt.refresh_from_db()
        assert attempt.state == "scored" and attempt.decision == "allow" and account_status(user) == "cleared"
    finally:
        replica.stop()
        reset_engine()
