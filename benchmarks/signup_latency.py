"""Signup latency: what SignupGuard adds to a signup POST, and signup-to-verdict time.

    .venv/bin/python benchmarks/signup_latency.py [--requests 2000] [--verdicts 300]
    .venv/bin/python benchmarks/signup_latency.py --database-url postgres://postgres@127.0.0.1:5432/postgres

Prints, in one run:

(a) request overhead: N signups (after a warm-up) POSTed with django.test.Client
    to the demo portal's ``/api/signup/`` with SignupGuard on, interleaved with
    N signups to an equivalent view without SignupGuard (the same serializer,
    ``create_user``, ``login`` and CSRF cookie; no SignupGuard middleware, no
    ``record_signup``, SignupGuard's auth-signal receivers disconnected).
    MD5 password hasher, a fresh SQLite file DB (``var/bench-*.sqlite3``), or
    with ``--database-url postgres://...`` a fresh database created on that
    server (``sgbench_<run>``, dropped at the end),
    ``SYNC_WAIT=0`` and a real Redis broker that no worker consumes, so the
    request does the capture work only (save and hold in the view's
    transaction; the task is published by SignupGuard's background thread,
    ``BACKGROUND_PUBLISH``). After each signup the script waits, untimed, for
    that publish, so its CPU is not charged to the next request of either
    side; the process's CPU time per signup, publish included, is printed
    for both sides. Median, p90 and the difference in ms; then an attribution
    of the added time and a cProfile summary of the SignupGuard path.
    Target: median added <= 2 ms.

(b) signup-to-verdict latency: one real ``celery -A config worker --pool=solo
    --concurrency=1`` on the same DB file and the Redis broker, Redis velocity;
    M signups one at a time (after a warm-up that loads the model and GeoIP),
    each timed from the commit of the signup transaction (an on_commit hook in
    this process) to the moment its AccountStatus is seen to leave ``pending``
    (polled every 1 ms), and by the worker's stored ``claimed_at`` and
    ``scored_at``, and by when its task reached the broker (``after_task_publish``).
    p50/p90/p99/max. Target: p99 <= 100 ms. Back to back (each signup right
    after the previous verdict), then a second series (``--verdict-gap``,
    default 200 ms) that leaves the worker idle time, in which it runs the
    cluster linking and retroactive reviews of the earlier verdicts (their
    own task, ``signupguard.clusters.link_pending``). Then a cProfile of
    ``scoring.score_attempt`` run in this process (worker stopped) on
    attempts that (a) left pending.

redis-server is started on a free loopback port (or REDIS_URL is used: its
databases 11 and 12 are flushed). The GeoIP databases are built from the
simulator's World(7) in a temporary directory. Every process started here is
stopped at the end; the DB file is removed unless ``--keep-db``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import types
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# This checkout's code, not an installed (or editable-installed) copy of the package.
sys.path.insert(0, str(ROOT))
MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SG_PATH, PLAIN_PATH = "/api/signup/", "/api/signup-plain/"
WORKER_START_TIMEOUT = 60.0
UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{v} Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
]


# ------------------------------------------------------------------ statistics
def pct(values: list[float], q: float) -> float:
    """Percentile with linear interpolation (q in 0..100)."""
    if not values:
        return float("nan")
    xs = sorted(values)
    k = (len(xs) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def row(label: str, values: list[float], qs: tuple[float, ...] = (50, 90, 99)) -> str:
    cells = "  ".join(f"p{q:g} {pct(values, q):8.2f}" for q in qs)
    return f"  {label:<44} n={len(values):<5} {cells}  max {max(values) if values else float('nan'):8.2f}  (ms)"


# ------------------------------------------------------------------ processes
class Processes:
    """Every subprocess this script starts; ``stop_all`` terminates them (kill after a grace period)."""

    def __init__(self) -> None:
        self.procs: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, command: list[str], **kwargs: Any) -> subprocess.Popen:
        proc = subprocess.Popen(command, **kwargs)
        self.procs.append((name, proc))
        return proc

    def stop(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)

    def stop_all(self) -> None:
        for _, proc in reversed(self.procs):
            try:
                self.stop(proc)
            except Exception as exc:  # noqa: BLE001 -- keep stopping the others
                print(f"warning: could not stop pid {proc.pid}: {exc!r}", file=sys.stderr)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_ping(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def with_db(url: str, db: int) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, parts.fragment))


def start_redis(procs: Processes, workdir: Path) -> tuple[str, str]:
    """A throw-away redis-server on a free loopback port (or REDIS_URL); returns (url, description)."""
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        if not redis_ping(url):
            raise SystemExit(f"REDIS_URL={url} does not answer PING")
        return url, f"REDIS_URL {url}"
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("needs Redis: install redis-server or set REDIS_URL")
    directory = workdir / "redis"
    directory.mkdir()
    port = free_port()
    proc = procs.start(
        "redis-server",
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(directory), "--logfile", str(directory / "redis.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while not redis_ping(url):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"redis-server did not start on port {port}")
        time.sleep(0.05)
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10).stdout.strip()
    return url, f"{version.split(' sha=')[0]} on 127.0.0.1:{port} (started here)"


def start_worker(procs: Processes, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker",
        "--pool=solo", "--concurrency=1", "--loglevel=INFO", "--hostname=bench@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]
    with open(log, "wb") as sink:
        proc = procs.start("celery worker", command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while " ready." not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:]
            raise SystemExit(f"the Celery worker did not become ready (rc={proc.poll()}):\n{tail}")
        time.sleep(0.05)
    return proc


# ------------------------------------------------------------------ databases
def _pg_admin(url: str) -> Any:
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1", port=parts.port or 5432, user=parts.username or "postgres",
        password=parts.password, dbname=(parts.path.lstrip("/") or "postgres"), autocommit=True,
    )


def create_pg_database(url: str, name: str) -> str:
    """A fresh database ``name`` on the server of ``url``; its URL."""
    with _pg_admin(url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def drop_pg_database(url: str, name: str) -> None:
    try:
        with _pg_admin(url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except Exception as exc:  # noqa: BLE001 -- report, keep cleaning up
        print(f"warning: could not drop database {name}: {exc!r}", file=sys.stderr)


def describe_database(connection: Any, db_path: Path) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
            found = {}
            for name in ("fsync", "synchronous_commit", "wal_sync_method", "shared_buffers"):
                cursor.execute(f"SHOW {name}")
                found[name] = cursor.fetchone()[0]
            where = connection.settings_dict
            return (f"PostgreSQL {version} at {where['HOST']}:{where['PORT']} database {where['NAME']} (fresh, migrated; "
                    + ", ".join(f"{k} {v}" for k, v in found.items()) + ")")
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(cursor.fetchone()[0])
    return f"SQLite {sqlite3.sqlite_version} file {db_path} (fresh, migrated; journal_mode {journal}, synchronous {sync})"


# ------------------------------------------------------------------ traffic
class Traffic:
    """Plausible signup bodies and headers; client addresses from the World's access networks."""

    def __init__(self, world: Any, seed: int, run_tag: str) -> None:
        from signupguard.simulation.world import v4_text

        self.rng = random.Random(seed)
        self.blocks = [b for n in world.networks if n.kind in ("residential", "mobile", "business") for b in n.blocks]
        self.v4_text = v4_text
        self.tag = run_tag
        self.n = 0

    def next(self, prefix: str) -> tuple[str, dict[str, str]]:
        from signupguard.collector import sign_render_time

        rng, self.n = self.rng, self.n + 1
        block = rng.choice(self.blocks)
        ip = self.v4_text(block.base + rng.randrange(256, block.size - 256))
        name = f"{prefix}{self.tag}{self.n}"
        body = {
            "email": f"{name}@example{rng.randrange(50)}.com",
            "username": name,
            # Letters only and unlike the digit-heavy username: UserAttributeSimilarityValidator passes.
            "password": "Quiet-" + "".join(rng.choice("QWRTYPSDFGHJKLZXCVBNM") for _ in range(10)) + "-Lantern!",
            "device": {"fingerprint": f"{rng.getrandbits(64):016x}", "timezone": "Europe/London",
                       "languages": ["en-GB", "en"], "screen": "1920x1080x24", "platform": "Win32",
                       "webdriver": False},
            # The signed render time of a form this portal served (a browser's collector posts it as
            # form.ts): scoring spends it in the Redis cache (render_tokens), as an HTML form's.
            "form": {"ts": sign_render_time(time.time() - rng.uniform(4, 60))},
        }
        headers = {
            "HTTP_USER_AGENT": rng.choice(UAS).format(v=rng.randrange(120, 132)),
            "HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9",
            "HTTP_X_FORWARDED_FOR": ip,
        }
        return json.dumps(body), headers


def post(client: Any, path: str, body: str, headers: dict[str, str]) -> tuple[float, Any]:
    """One signup: (ms until the response, the response). Then, untimed, waits for the background publish."""
    from signupguard import publisher

    client.cookies.clear()  # every signup is a new visitor
    started = time.perf_counter()
    response = client.post(path, data=body, content_type="application/json", **headers)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 201:
        raise SystemExit(f"POST {path} answered {response.status_code}: {response.content[:500]!r}")
    # The publish the response did not wait for is done before the next request
    # starts, so its CPU is not charged to whichever request (either side) runs next.
    publisher.wait_idle(10.0)
    return elapsed, response


# ------------------------------------------------------------------ the baseline view
def build_urlconf() -> types.ModuleType:
    """``/api/signup/`` (the demo's view) and ``/api/signup-plain/`` (the same without SignupGuard)."""
    from django.contrib.auth import login
    from django.contrib.auth.models import User
    from django.db import IntegrityError, transaction
    from django.middleware.csrf import get_token
    from django.urls import path
    from rest_framework import status
    from rest_framework.response import Response

    import config.urls
    from config.portal import services
    from config.portal.api import SignupSerializer, SignupView

    class PlainSignupView(SignupView):
        """The demo's SignupView.post without ``services.signed_up`` (no record_signup, no status read)."""

        def post(self, request: Any) -> Response:
            serializer = SignupSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
            try:
                with transaction.atomic():
                    user = User._default_manager.create_user(
                        username=data["username"], email=data["email"], password=data["password"]
                    )
            except IntegrityError:
                return Response({"username": ["taken"]}, status=status.HTTP_400_BAD_REQUEST)
            login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
            get_token(request._request)
            return Response(services.account_body(user, "cleared"), status=status.HTTP_201_CREATED)

    module = types.ModuleType("signup_latency_urls")
    # Both views first, so URL resolution costs the same; then the demo's own routes.
    module.urlpatterns = [  # type: ignore[attr-defined]
        path(SG_PATH.strip("/") + "/", SignupView.as_view()),
        path(PLAIN_PATH.strip("/") + "/", PlainSignupView.as_view()),
        *config.urls.urlpatterns,
    ]
    return module


class SignupGuardReceiversOff:
    """Disconnects SignupGuard's contrib.auth receivers (the login after a signup records a login attempt)."""

    def __enter__(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        user_logged_in.disconnect(dispatch_uid="signupguard.user_logged_in")
        user_login_failed.disconnect(dispatch_uid="signupguard.user_login_failed")

    def __exit__(self, *exc: Any) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from signupguard import receivers

        user_logged_in.connect(receivers.on_user_logged_in, dispatch_uid="signupguard.user_logged_in")
        user_login_failed.connect(receivers.on_user_login_failed, dispatch_uid="signupguard.user_login_failed")


# ------------------------------------------------------------------ (a)
def phase_overhead(args: argparse.Namespace, traffic: Traffic) -> dict[str, Any]:
    from django.conf import settings
    from django.test import Client, override_settings

    client_sg = Client(HTTP_HOST="127.0.0.1")
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if not m.startswith("signupguard.")]):
        client_plain = Client(HTTP_HOST="127.0.0.1")
        with SignupGuardReceiversOff():
            _, plain = post(client_plain, PLAIN_PATH, *traffic.next("w"))  # loads this client's middleware now
    _, guarded = post(client_sg, SG_PATH, *traffic.next("w"))
    assert not hasattr(plain.wsgi_request, "signupguard"), "the baseline went through SignupGuard's middleware"
    assert hasattr(guarded.wsgi_request, "signupguard"), "SignupGuard's middleware did not run"

    sides = ("sg", "plain")

    cpu: dict[str, list[float]] = {side: [] for side in sides}

    def one_round(i: int) -> dict[str, float]:
        out = {}
        for side in sides[i % 2:] + sides[:i % 2]:  # alternate the order every round
            cpu0 = time.process_time()  # the whole process: the background publisher's thread included
            if side == "sg":
                out[side], _ = post(client_sg, SG_PATH, *traffic.next("s"))
            else:
                with SignupGuardReceiversOff():
                    out[side], _ = post(client_plain, PLAIN_PATH, *traffic.next("p"))
            cpu[side].append((time.process_time() - cpu0) * 1000)
        return out

    deadline = time.monotonic() + args.max_seconds
    for i in range(args.warmup):
        one_round(i)
    attempts_before = {k: n for k, n in _kind_counts().items()}
    times: dict[str, list[float]] = {side: [] for side in sides}
    for i in range(args.requests):
        if time.monotonic() > deadline:
            print(f"  (stopped after {i} rounds: --max-seconds {args.max_seconds} reached)")
            break
        for side, ms in one_round(i).items():
            times[side].append(ms)
    after = _kind_counts()
    n = max(1, len(times["sg"]))
    delta = {k: after.get(k, 0) - attempts_before.get(k, 0) for k in after}
    n_cpu = len(cpu["sg"]) - len(times["sg"])  # the warm-up rounds come first
    return {**times, "cpu": {side: values[n_cpu:] for side, values in cpu.items()},
            "attempts_per_round": {k: v / n for k, v in delta.items()},
            "client_sg": client_sg, "client_plain": client_plain}


def _kind_counts() -> dict[str, int]:
    from django.db.models import Count

    from signupguard.models import Attempt

    return {k: n for k, n in Attempt.objects.values_list("kind").annotate(n=Count("pk")).order_by()}


def attribution(args: argparse.Namespace, traffic: Traffic, client_sg: Any) -> list[tuple[str, float, int]]:
    """Mean time per signup spent in SignupGuard's pieces (wrapped with perf_counter, no profiler)."""
    from config.portal import services
    from signupguard import receivers, recording, rows

    totals: dict[str, list[float]] = {}
    saved: list[tuple[Any, str, Any]] = []
    order: list[str] = []  # labels in the order first seen

    def wrap(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*a: Any, **kw: Any) -> Any:
            where = label if threading.current_thread() is threading.main_thread() else label + " [background thread]"
            if where not in order:
                order.append(where)
            t0 = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                totals.setdefault(where, []).append(time.perf_counter() - t0)

        saved.append((owner, name, original))
        setattr(owner, name, timed)

    from signupguard import gate, publisher

    wrap(receivers, "on_user_logged_in", "login receiver: record_login (skipped) (all)")
    wrap(services, "record", "record_signup (all, inside the view's transaction)")
    wrap(recording, "request_snapshot", "  request_snapshot")
    wrap(recording, "build_event", "  build_event")
    wrap(recording, "_new_attempt", "  _new_attempt: the Attempt instance")
    wrap(recording, "new_hold", "  new_hold: the hold and audit instances")
    wrap(recording, "insert_signup", "  insert_signup: attempt + hold + audit INSERTs")
    wrap(rows, "_values", "    rows._values: the rows' database values")
    wrap(recording, "announce_hold", "  announce_hold: account_held")
    wrap(recording, "wait_for_verdict", "  wait_for_verdict (in the transaction: returns)")
    wrap(recording, "enqueue_after_commit", "on-commit hook: hand the id to the publisher")
    wrap(recording, "enqueue", "  enqueue: Celery publish to Redis")
    wrap(publisher.BackgroundPublisher, "submit", "  BackgroundPublisher.submit")
    wrap(services, "status_after_signup", "after commit: wait_for_verdict + signup_status")
    wrap(gate, "read_status", "  status read (only when the verdict may have moved it)")
    # The receiver is looked up by the signal, not by name: reconnect the wrapper.
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.disconnect(dispatch_uid="signupguard.user_logged_in")
    user_logged_in.connect(receivers.on_user_logged_in, dispatch_uid="signupguard.user_logged_in", weak=False)
    try:
        n = args.profile
        for _ in range(n):
            post(client_sg, SG_PATH, *traffic.next("t"))
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)
        user_logged_in.disconnect(dispatch_uid="signupguard.user_logged_in")
        user_logged_in.connect(receivers.on_user_logged_in, dispatch_uid="signupguard.user_logged_in")
    return [(label, sum(totals[label]) / n * 1000, len(totals[label])) for label in order]


def profile(args: argparse.Namespace, traffic: Traffic, client_sg: Any) -> str:
    """cProfile of the SignupGuard requests: SignupGuard/Celery/kombu/redis functions by cumulative time."""
    prof = cProfile.Profile()
    n = args.profile
    prof.enable()
    for _ in range(n):
        post(client_sg, SG_PATH, *traffic.next("c"))
    prof.disable()
    stats = pstats.Stats(prof)
    lines = []
    wanted = ("signupguard/", "celery/", "kombu/", "redis/", "config/portal/", "python_ipware")
    entries = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if any(w in filename for w in wanted):
            short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
            entries.append((ct, tt, nc, f"{short}:{line}({func})"))
    entries.sort(reverse=True)
    lines.append(f"  cProfile, {n} SignupGuard signups (profiler overhead inflates absolute times):")
    lines.append(f"  {'cum µs/signup':>14} {'own µs/signup':>14} {'calls/signup':>13}  function")
    for ct, tt, nc, name in entries[:args.profile_lines]:
        lines.append(f"  {ct / n * 1e6:14.0f} {tt / n * 1e6:14.0f} {nc / n:13.1f}  {name}")
    return "\n".join(lines)


# ------------------------------------------------------------------ (b)
def phase_verdict(args: argparse.Namespace, traffic: Traffic, client_sg: Any, path: str, *,
                  gap: float = 0.0, warmup: int = 0) -> dict[str, Any]:
    from django.contrib.auth.models import User
    from django.db import transaction

    from signupguard import signals
    from signupguard.models import AccountStatus, Attempt

    commits: dict[int, float] = {}

    def on_held(sender: Any, user: Any = None, **kwargs: Any) -> None:
        # Sent while record_signup holds the account, before it registers its enqueue hook: runs right after COMMIT.
        pk = user.pk
        transaction.on_commit(lambda: commits.__setitem__(pk, time.time()))

    signals.account_held.connect(on_held, dispatch_uid="bench.commit_stamp", weak=False)

    from celery.signals import after_task_publish

    published: dict[int, float] = {}  # attempt id -> when its message reached the broker (any thread)

    def on_published(sender: Any = None, body: Any = None, **kwargs: Any) -> None:
        if sender == "signupguard.tasks.score_attempt" and body and body[0]:
            published[body[0][0]] = time.time()

    after_task_publish.connect(on_published, dispatch_uid="bench.publish_stamp", weak=False)

    def one(prefix: str) -> dict[str, Any] | None:
        body, headers = traffic.next(prefix)
        t_start = time.time()
        request_ms, response = post(client_sg, path, body, headers)
        answered = response.json().get("status")
        user_id = User.objects.only("pk").get(username=json.loads(body)["username"]).pk
        deadline = time.monotonic() + args.verdict_timeout
        # The signup's verdict: its attempt is scored (the same transaction moves the account off pending).
        # Polling AccountStatus instead would be fooled by the demo's login attempt, whose "review"
        # verdict can move a pending account before its signup is scored.
        signup = Attempt.objects.filter(user_id=user_id, kind="signup")
        while True:
            state = signup.values_list("state", flat=True).first()
            if state in ("scored", "failed") or time.monotonic() > deadline:
                break
            time.sleep(args.poll)
        t_seen = time.time()
        if state not in ("scored", "failed"):
            return {"user_id": user_id, "timeout": True}
        status = AccountStatus.objects.filter(user_id=user_id).values_list("status", flat=True).first()
        return {"user_id": user_id, "t_start": t_start, "t_commit": commits.get(user_id), "t_seen": t_seen,
                "request_ms": request_ms, "answered": answered, "status": status, "timeout": False}

    try:
        for _ in range(warmup):
            one("vw")
        results = []
        deadline = time.monotonic() + args.max_seconds
        for i in range(args.verdicts):
            if time.monotonic() > deadline:
                print(f"  (stopped after {i} signups: --max-seconds {args.max_seconds} reached)")
                break
            result = one("v")
            if result is not None:
                results.append(result)
            if gap > 0:
                time.sleep(gap)  # let the worker finish what follows a verdict (linking, reviews)
    finally:
        signals.account_held.disconnect(dispatch_uid="bench.commit_stamp")
        after_task_publish.disconnect(dispatch_uid="bench.publish_stamp")

    done = [r for r in results if not r["timeout"]]
    timeouts = len(results) - len(done)
    users = [r["user_id"] for r in done]
    rows = {
        (a["user_id"], a["kind"]): a
        for a in Attempt.objects.filter(user_id__in=users).values(
            "pk", "user_id", "kind", "created_at", "claimed_at", "scored_at", "decision", "state")
    }
    out: dict[str, list[float]] = {k: [] for k in (
        "observed", "stored", "queue", "publish", "pickup", "scoring", "client", "request", "login_first")}
    decisions: dict[str, int] = {}
    for r in done:
        signup = rows.get((r["user_id"], "signup"))
        if signup is None or r["t_commit"] is None or signup["scored_at"] is None:
            continue
        commit = r["t_commit"]
        out["observed"].append((r["t_seen"] - commit) * 1000)
        out["stored"].append((signup["scored_at"].timestamp() - commit) * 1000)
        out["queue"].append((signup["claimed_at"].timestamp() - commit) * 1000)
        if signup["pk"] in published:
            out["publish"].append((published[signup["pk"]] - commit) * 1000)
            out["pickup"].append((signup["claimed_at"].timestamp() - published[signup["pk"]]) * 1000)
        out["scoring"].append((signup["scored_at"] - signup["claimed_at"]).total_seconds() * 1000)
        out["client"].append((r["t_seen"] - r["t_start"]) * 1000)
        out["request"].append(r["request_ms"])
        login = rows.get((r["user_id"], "login"))
        if login is not None and login["claimed_at"] and login["claimed_at"] < signup["claimed_at"]:
            out["login_first"].append(1.0)
        decisions[signup["decision"]] = decisions.get(signup["decision"], 0) + 1
    login_attempts = sum(1 for (u, k) in rows if k == "login")
    answered_pending = sum(1 for r in done if r["answered"] == "pending")
    return {"lat": out, "timeouts": timeouts, "n": len(done), "decisions": decisions,
            "login_attempts": login_attempts, "answered_pending": answered_pending}


def task_times(worker_log: str) -> str:
    """Per task name, from the worker's 'Task NAME[id] succeeded in Ns' lines: how the worker's time is spent."""
    import re

    found: dict[str, list[float]] = {}
    for name, seconds in re.findall(r"Task ([\w.]+)\[[^\]]+\] succeeded in ([\d.e-]+)s", worker_log):
        found.setdefault(name, []).append(float(seconds) * 1000)
    lines = ["  worker's own timing of each task (Celery log, on-commit work included):"]
    for name, values in sorted(found.items(), key=lambda kv: -sum(kv[1])):
        lines.append(f"    {name:<44} n={len(values):<5} mean {sum(values) / len(values):7.1f}  "
                     f"p50 {pct(values, 50):7.1f}  p99 {pct(values, 99):7.1f}  total {sum(values) / 1000:6.1f} s  (ms)")
    return "\n".join(lines)


def profile_scoring(args: argparse.Namespace) -> str:
    """The worker's work, in this process under cProfile: score attempts that (a) left pending."""
    from signupguard import scoring
    from signupguard.models import Attempt

    ids = list(Attempt.objects.filter(state="pending", kind="signup").order_by("pk").values_list("pk", flat=True)[:args.score_profile + 5])
    if len(ids) < 6:
        return "  (no pending attempts left to profile the scoring)"
    for pk in ids[:5]:  # engine, model and GeoIP load
        scoring.score_attempt(pk)
    ids = ids[5:]
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for pk in ids:
        scoring.score_attempt(pk)
    prof.disable()
    wall = (time.perf_counter() - t0) / len(ids) * 1000
    stats = pstats.Stats(prof)
    entries = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "signupguard/" in filename or func in ("commit", "execute", "fsync") or "sqlite3" in filename and func == "execute":
            short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
            entries.append((ct, tt, nc, f"{short}:{line}({func})"))
    entries.sort(reverse=True)
    n = len(ids)
    lines = [f"  worker-side cProfile: scoring.score_attempt in this process (worker stopped), {n} signups, "
             f"{wall:.1f} ms each under the profiler:",
             f"  {'cum µs/attempt':>15} {'own µs/attempt':>15} {'calls/attempt':>14}  function"]
    for ct, tt, nc, name in entries[:args.profile_lines]:
        lines.append(f"  {ct / n * 1e6:15.0f} {tt / n * 1e6:15.0f} {nc / n:14.1f}  {name}")
    return "\n".join(lines)


# ------------------------------------------------------------------ main
def create_unmigrated_tables() -> list[str]:
    """Tables of models that no migration creates yet (a work-in-progress tree), made with the schema editor."""
    from django.apps import apps
    from django.db import connection

    existing = set(connection.introspection.table_names())
    made = []
    with connection.schema_editor() as editor:
        for model in apps.get_models():
            meta = model._meta
            if meta.managed and not meta.proxy and meta.db_table not in existing:
                editor.create_model(model)
                existing.add(meta.db_table)
                made.append(meta.db_table)
    return made


def close_connections() -> None:
    """Django's database connections closed, if Django was set up (teardown)."""
    try:
        from django.db import connections

        connections.close_all()
    except Exception:  # noqa: BLE001 -- Django may not be set up
        pass


def machine() -> str:
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, timeout=5).stdout.strip()
    except OSError:
        nproc = str(os.cpu_count())
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"machine: nproc={nproc} ({model or platform.machine()}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="(a) timed signups per side, after warm-up")
    parser.add_argument("--warmup", type=int, default=200, help="(a) warm-up signups per side")
    parser.add_argument("--profile", type=int, default=300, help="(a) signups for the attribution and for cProfile")
    parser.add_argument("--verdicts", type=int, default=300, help="(b) timed signups, one at a time")
    parser.add_argument("--verdict-warmup", type=int, default=20, help="(b) warm-up signups (model/GeoIP load)")
    parser.add_argument("--verdict-timeout", type=float, default=10.0, help="(b) seconds to wait for one verdict")
    parser.add_argument("--verdict-gap", type=float, default=0.2,
                        help="(b) a second series with this many seconds between a verdict and the next "
                             "signup (0: back to back only)")
    parser.add_argument("--poll", type=float, default=0.001, help="(b) DB poll interval, seconds")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="time bound of each measured loop")
    parser.add_argument("--score-profile", type=int, default=50, help="attempts scored under cProfile in-process")
    parser.add_argument("--profile-lines", type=int, default=28)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep-db", action="store_true", help="keep the bench DB file")
    parser.add_argument("--database-url", default="",
                        help="a PostgreSQL server (postgres://user@host:port/db): the run creates and drops a "
                             "fresh database on it; default: a fresh SQLite file")
    parser.add_argument("--db-dir", default=str(ROOT / "var"),
                        help="directory of the fresh SQLite file (default var/; /dev/shm takes fsync out)")
    args = parser.parse_args()

    print(machine())
    procs = Processes()
    workdir = Path(tempfile.mkdtemp(prefix="sg-bench-"))
    run_tag = time.strftime("%Y%m%d%H%M%S")
    db_dir = Path(args.db_dir).resolve()
    db_dir.mkdir(parents=True, exist_ok=True)
    db_path = db_dir / f"bench-{run_tag}-{os.getpid()}.sqlite3"
    worker = None
    pg_name: str | None = None
    try:
        from signupguard.simulation.world import World
        from signupguard.simulation.writer import write_geoip

        world = World(args.seed)
        geo = write_geoip(world, workdir / "geoip")
        redis_url, redis_desc = start_redis(procs, workdir)
        broker_url, velocity_url = with_db(redis_url, 11), with_db(redis_url, 12)
        import redis as redis_lib

        for url in (broker_url, velocity_url):
            redis_lib.Redis.from_url(url).flushdb()

        if args.database_url:
            pg_name = f"sgbench_{run_tag}_{os.getpid()}"
            database_url = create_pg_database(args.database_url, pg_name)
        else:
            database_url = f"sqlite:///{db_path}"
        os.environ.update({
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": broker_url,
            "REDIS_URL": velocity_url,
            "SIGNUPGUARD_SYNC_WAIT": "0",
            "SIGNUPGUARD_GEOIP_ASN": str(geo["asn"]),
            "SIGNUPGUARD_GEOIP_CITY": str(geo["city"]),
            "SIGNUPGUARD_GEOIP_ANONYMOUS": str(geo["anonymous"]),
            "SIGNUPGUARD_TRUSTED_PROXIES": "127.0.0.1/32,::1/128",
        })
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import override_settings

        call_command("migrate", verbosity=0, interactive=False)
        unmigrated = create_unmigrated_tables()
        bench = override_settings(PASSWORD_HASHERS=MD5, ROOT_URLCONF=build_urlconf())
        bench.enable()
        sg = settings.SIGNUPGUARD
        print(f"database: {describe_database(connection, db_path)}; Django {django.get_version()}; DEBUG={settings.DEBUG}")
        print(f"redis: {redis_desc}; broker db 11, velocity db 12; "
              f"velocity backend {sg.get('VELOCITY_BACKEND', 'default').rsplit('.', 1)[-1]}; "
              f"SYNC_WAIT={sg.get('SYNC_WAIT')}; hasher MD5; GeoIP from World({args.seed})")
        if unmigrated:
            print(f"note: the working tree has models without a migration; their tables were created directly "
                  f"in the bench DB: {', '.join(unmigrated)}")
        traffic = Traffic(world, args.seed, run_tag[-6:])

        # ---------------------------------------------------------- (a)
        print()
        print(f"(a) signup POST via django.test.Client, {args.requests} per side after {args.warmup} warm-up, "
              f"interleaved; broker: Redis with no worker (request does capture + enqueue only)")
        a = phase_overhead(args, traffic)
        print(f"  {'':<46} {'median':>8} {'p90':>8} {'p99':>8}  {'added (median)':>14}   (ms)")
        labels = {"plain": "without SignupGuard (baseline view)",
                  "sg": "with SignupGuard: demo /api/signup/"}
        med_plain = pct(a["plain"], 50)
        for side in ("plain", "sg"):
            extra = "" if side == "plain" else f"{pct(a[side], 50) - med_plain:+14.3f}"
            print(f"  {labels[side]:<46} {pct(a[side], 50):8.3f} {pct(a[side], 90):8.3f} {pct(a[side], 99):8.3f}  {extra}")
        med_sg = pct(a["sg"], 50)
        added = med_sg - med_plain
        cpu_sg, cpu_plain = (sum(a["cpu"][k]) / max(1, len(a["cpu"][k])) for k in ("sg", "plain"))
        print(f"  CPU time of the process per signup (mean, background publish included): "
              f"{cpu_plain:.3f} ms without, {cpu_sg:.3f} ms with ({cpu_sg - cpu_plain:+.3f} ms)")
        per = a["attempts_per_round"]
        print("  attempts saved per round (one signup on each side): "
              + ", ".join(f"{k} {v:.2f}" for k, v in sorted(per.items())))
        print(f"  attribution over {args.profile} demo signups (mean ms per signup, perf_counter wrappers, no profiler):")
        for label, ms, calls in attribution(args, traffic, a["client_sg"]):
            print(f"    {label:<52} {ms:7.3f} ms  ({calls / args.profile:.0f}/signup)")
        print(profile(args, traffic, a["client_sg"]))

        # ---------------------------------------------------------- (b)
        print()
        # Drop the (a) messages nobody consumed, so the worker starts on an empty queue.
        redis_lib.Redis.from_url(broker_url).flushdb()
        connection.close()
        log = workdir / "worker.log"
        worker_env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                      "PYTHONUNBUFFERED": "1"}
        t0 = time.monotonic()
        worker = start_worker(procs, worker_env, log)
        print(f"(b) signup-to-verdict: 1 celery worker (--pool=solo --concurrency=1, pid {worker.pid}, ready in "
              f"{time.monotonic() - t0:.1f} s), Redis broker + Redis velocity, same database; "
              f"{args.verdicts} signups one at a time after {args.verdict_warmup} warm-up; poll {args.poll * 1000:g} ms")
        results = {}
        series = [("back", 0.0, "demo /api/signup/, back to back: each signup right after the previous verdict")]
        if args.verdict_gap > 0:
            series.append(("spaced", args.verdict_gap, f"demo /api/signup/, {args.verdict_gap * 1000:g} ms after "
                                                        "the previous verdict (the worker links in that time)"))
        for key, gap, title in series:
            b = results[key] = phase_verdict(args, traffic, a["client_sg"], SG_PATH, gap=gap,
                                             warmup=args.verdict_warmup if key == "back" else 0)
            lat = b["lat"]
            print(f"  [{title}]")
            print(row("commit -> verdict seen in the DB (polled)", lat["observed"]))
            print(row("commit -> scored_at (worker's timestamp)", lat["stored"]))
            print(row("  commit -> claimed_at (publish+queue+pickup)", lat["queue"]))
            print(row("    commit -> published (background thread)", lat["publish"]))
            print(row("    published -> claimed_at (worker busy, pickup)", lat["pickup"]))
            print(row("  claimed_at -> scored_at (scoring)", lat["scoring"]))
            print(row("client: POST start -> verdict seen", lat["client"]))
            print(row("the signup POST itself (worker running)", lat["request"]))
            print(f"    verdicts {b['n']} {b['decisions']}; timeouts {b['timeouts']}; response said 'pending': "
                  f"{b['answered_pending']}; login attempts enqueued by the same requests: {b['login_attempts']} "
                  f"(scored before their signup: {len(lat['login_first'])})")
        worker_log = log.read_text(errors="replace")
        bad = [line for line in worker_log.splitlines() if "Traceback" in line or "ERROR" in line or "WARNING" in line]
        print(f"  worker log: {worker_log.count(' succeeded in ')} tasks succeeded, {len(bad)} error/warning lines"
              + ("".join(f"\n    {line[:300]}" for line in bad[:8])))
        print(task_times(worker_log))

        procs.stop(worker)
        print(profile_scoring(args))

        # ---------------------------------------------------------- summary
        print()
        lat = results["back"]["lat"]
        p99 = pct(lat["observed"], 99)
        b = results["back"]
        ok_a, ok_b = added <= 2.0, (p99 <= 100.0 and b["timeouts"] == 0 and b["n"] > 0)
        print(f"TARGET (a) median added by SignupGuard <= 2 ms: {'MET' if ok_a else 'NOT MET'} "
              f"({added:.3f} ms: {med_sg:.3f} vs {med_plain:.3f} ms)")
        line = (f"TARGET (b) signup-to-verdict p99 <= 100 ms:    {'MET' if ok_b else 'NOT MET'} "
                f"(p50 {pct(lat['observed'], 50):.1f} ms, p99 {p99:.1f} ms commit->verdict seen; "
                f"p99 {pct(lat['stored'], 99):.1f} ms to scored_at")
        print(line + ", back to back)")
        if "spaced" in results:
            spaced = results["spaced"]["lat"]["observed"]
            print(f"           spaced {args.verdict_gap * 1000:g} ms apart: p50 {pct(spaced, 50):.1f} ms, "
                  f"p99 {pct(spaced, 99):.1f} ms commit->verdict seen")
        print(f"load average during the run: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
              f"(nproc {os.cpu_count()}): other processes share these CPUs" if os.getloadavg()[1] > 1.5 else
              f"load average: {os.getloadavg()}")
        bench.disable()
    finally:
        procs.stop_all()
        close_connections()
        shutil.rmtree(workdir, ignore_errors=True)
        if not args.keep_db:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            if args.database_url and pg_name:
                drop_pg_database(args.database_url, pg_name)


if __name__ == "__main__":
    main()
