"""Worker scaling: does scoring throughput grow with Celery workers, and do many workers at once stay correct?

    psql -h 127.0.0.1 -p 25432 -U postgres -c 'create database scaling'   # scratch: its tables are emptied
    flock /tmp/sg-heavy.lock .venv/bin/python benchmarks/worker_scaling.py \\
        --database-url postgres://postgres@127.0.0.1:25432/scaling [--workers 1,2,4] [--signups 2000]
    ... --signups 1000 --rate 25        # paced below one worker's capacity: latency without a queue

The README's production layout, switched by the environment alone: PostgreSQL
(``DATABASE_URL``, the given scratch database, migrated), a redis-server
started here on a free loopback port (broker in db 11, velocity counters in
db 12 through ``signupguard.velocity.redis.RedisVelocityStore``; or REDIS_URL,
whose databases 11 and 12 are flushed), and real ``celery -A config worker``
processes: for each K of ``--workers``, one worker with ``--concurrency K``
(prefork, as the README runs it) or, with ``--layout processes``, K workers
with ``--pool=solo``. No beat: an attempt that is lost stays pending and shows.

Traffic: ``manage.py signupguard_simulate --days 1`` (fraud campaigns, traps and
legitimate signups; its GeoIP databases are the workers'), a seeded sample of
its signups. Each is recorded the way the live path does: in one transaction
this process creates the user and calls ``record_signup`` with a request
carrying the event's address, headers, device and form; its on-commit hook
hands the attempt to the background publisher, which publishes the scoring
task. Per K, on emptied tables and velocity counters:

* warm-up signups until every pool process has scored one (model and GeoIP
  loaded), then the tables and counters are emptied again;
* N signups recorded as fast as this one process can (``--rate`` paces it),
  then a wait until every attempt is scored, then until linking has drained;
* verdicts/s = N / (first commit -> last ``scored_at``), its ratio to the
  first K, the producer's own rate, commit -> verdict (``scored_at``) p50/p99
  split into queue wait and scoring, and the CPU seconds over that window of
  the worker processes, the PostgreSQL server (all its processes: a shared
  server counts others' work too), redis-server and this process, from /proc;
* correctness checks, printed, then asserted (``--keep-going``: asserted at
  the end): every attempt scored exactly once (state scored, one claim, one
  hold and one verdict row in StatusChange, a consistent status chain per
  account); the worker logs (captured) without errors, retries or deadlocks,
  and N score_attempt successes; no deadlock in ``pg_stat_database`` (the
  server log's lines of the window are shown); the Redis velocity counters
  ``s:all`` and ``fm:all`` (read through the store's API) equal N; and the
  clusters consistent (no account in two clusters or in a merged one, sizes
  and blocked counts equal to their members, every link inside its cluster).

At the end, one line per K: verdicts/s, ratio, wall, enqueue rate, commit ->
verdict p50/p99, the CPU split, and whether every check held.

The tables of the last K are left in the database for inspection; the worker
logs are kept (and their directory printed) when a check fails. Every process
started here is stopped at the end, on Ctrl-C too.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from _setup import ROOT
from signup_latency import (
    Processes, close_connections, create_unmigrated_tables, describe_database, machine, pct, start_redis, with_db,
)
from tqdm import tqdm

WORKER_START_TIMEOUT = 60.0
MARK = "worker_scaling"  # first_name of the users made here: the tables hold nothing else before a reset
DONE_STATES = ("scored", "failed")
UNWINDOWED = ("device", "email", "domain")  # link kinds whose window outlasts any run (signupguard.linking.RULES)
TICK = os.sysconf("SC_CLK_TCK")
SUCCEEDED = re.compile(
    r"INFO/([\w-]+)\] Task signupguard\.tasks\.score_attempt\[[^\]]+\] succeeded in [\d.e-]+s: '?(\w+)'?")
LINKED = re.compile(r"Task signupguard\.clusters\.link_pending\[[^\]]+\] succeeded in ([\d.e-]+)s")
# Worker log lines (after its start-up banner) that mean a task went wrong, retries included.
BAD_LINE = re.compile(r"\b(ERROR|CRITICAL)/|Traceback|Retry in|retrying|deadlock|could not serialize|IntegrityError",
                      re.I)


# ------------------------------------------------------------------ traffic
@dataclass(slots=True)
class Signup:
    """One simulated signup, ready to record: the user's fields, the request, the collector's data."""

    username: str  # the User row's (unique)
    event_username: str  # what the event says ("" when the portal signs in by email)
    email: str
    meta: dict[str, str]  # REMOTE_ADDR and the HTTP_ headers of its request
    device: dict | None
    form: dict | None
    request: Any = None  # built by ``with_requests``: a request is recorded once


def with_requests(signups: Iterable[Signup]) -> Iterator[Signup]:
    """The signups with new requests (a POST with the event's address and headers)."""
    from django.test import RequestFactory

    factory = RequestFactory()
    for s in signups:
        yield Signup(s.username, s.event_username, s.email, s.meta, s.device, s.form,
                     factory.post("/api/signup/", **s.meta))


def simulate(workdir: Path, legit: int, seed: int) -> tuple[list[dict], dict[str, Path]]:
    """Signup events of one simulated day (``manage.py signupguard_simulate``) and its GeoIP databases."""
    out = workdir / "events.jsonl"
    command = [sys.executable, "manage.py", "signupguard_simulate", "--out", str(out), "--days", "1",
               "--legit", str(legit), "--seed", str(seed), "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=600)
    events = [e for e in map(json.loads, out.read_text().splitlines()) if e["kind"] == "signup"]
    geo = {name: workdir / f for name, f in (("asn", "GeoLite2-ASN.mmdb"), ("city", "GeoLite2-City.mmdb"),
                                            ("anonymous", "GeoIP2-Anonymous-IP.mmdb"))}
    return events, geo


def prepare(events: Iterable[dict], taken: set[str]) -> list[Signup]:
    """The events as signups (REMOTE_ADDR = the event's address, its headers as META); usernames made unique."""
    out = []
    for event in events:
        name = base = (event.get("username") or event["email"])[:140]
        i = 1
        while name in taken:  # a few simulated names repeat; the User row needs a unique one
            name, i = f"{base}.{i}", i + 1
        taken.add(name)
        meta = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in event.get("headers", {}).items()
                if k.lower() not in ("content-type", "content-length")}
        meta["REMOTE_ADDR"] = event["ip"]
        out.append(Signup(username=name, event_username=event.get("username") or "", email=event["email"],
                          meta=meta, device=event.get("device"), form=event.get("form")))
    return out


def record(signups: list[Signup], *, rate: float, desc: str) -> dict[int, float]:
    """Record each signup as a signup view does; the commit time of each, by user id."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from signupguard.recording import record_signup

    commits: dict[int, float] = {}
    started = time.monotonic()
    for i, s in enumerate(tqdm(signups, desc=desc, unit="signup", leave=False, disable=None)):
        if rate > 0:
            time.sleep(max(0.0, started + i / rate - time.monotonic()))
        with transaction.atomic():
            user = User.objects.create(username=s.username, email=s.email, first_name=MARK)
            # Registered before record_signup's own hook: runs right after COMMIT, before the publish hand-off.
            transaction.on_commit(partial(_stamp, commits, user.pk))
            record_signup(s.request, user, email=s.email, username=s.event_username, device=s.device,
                          form=s.form, wait=0)
    return commits


def _stamp(commits: dict[int, float], user_id: int) -> None:
    commits[user_id] = time.time()


# ------------------------------------------------------------------ database and Redis state
def empty_tables() -> None:
    """Empty every table but the migrations, content types and permissions (TRUNCATE ... CASCADE)."""
    from django.core.management.color import no_style
    from django.db import connection

    keep = {"django_migrations", "django_content_type", "auth_permission"}
    tables = [t for t in connection.introspection.django_table_names(only_existing=True) if t not in keep]
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, reset_sequences=False, allow_cascade=True):
            cursor.execute(sql)


def refuse_foreign_data(force: bool) -> None:
    """The tables are emptied per K: stop if they hold users this script did not make."""
    from django.contrib.auth.models import User

    foreign = User.objects.exclude(first_name=MARK).count()
    if foreign and not force:
        raise SystemExit(f"the database holds {foreign} users this benchmark did not create; it empties every "
                         "table: give it a scratch database (or --force)")


def pg_stats() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT xact_commit, xact_rollback, deadlocks FROM pg_stat_database "
                       "WHERE datname = current_database()")
        commit, rollback, deadlocks = cursor.fetchone()
    return {"commits": commit, "rollbacks": rollback, "deadlocks": deadlocks}


def postmaster_pid() -> int | None:
    """The PostgreSQL server's main process (the parent of this connection's backend), if /proc shows it."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    info = _proc_stat(backend)
    return info[0] if info else None


def server_log(pid: int | None) -> Path | None:
    """The file the server's stderr goes to (its log with the default log_destination), if readable."""
    if pid is None:
        return None
    try:
        path = Path(os.readlink(f"/proc/{pid}/fd/2"))
        return path if stat.S_ISREG(path.stat().st_mode) and os.access(path, os.R_OK) else None
    except OSError:
        return None


def read_from(path: Path | None, offset: int) -> tuple[str, int]:
    if path is None:
        return "", 0
    with open(path, "rb") as handle:
        handle.seek(offset)
        data = handle.read()
    return data.decode(errors="replace"), offset + len(data)


def velocity_figures(keys: list[str]) -> dict[str, tuple[int, ...]]:
    """Counters read through the velocity store's API (a peek: reads, records nothing): (10m, 1h, 24h, 7d)."""
    from signupguard.velocity import get_store

    reading = get_store().observe(now=time.time(), counters=[], distinct=[], peek=keys)
    return dict(zip(keys, reading.peeked))


# ------------------------------------------------------------------ CPU from /proc
def _proc_stat(pid: int) -> tuple[int, float, float] | None:
    """(ppid, own CPU s, CPU s of its reaped children) of a process, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "; comm may hold spaces
    ppid, utime, stime, cutime, cstime = int(fields[1]), *(int(x) for x in fields[11:15])
    return ppid, (utime + stime) / TICK, (cutime + cstime) / TICK


def cpu_table() -> dict[int, tuple[int, float, float]]:
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            info = _proc_stat(int(entry))
            if info is not None:
                table[int(entry)] = info
    return table


def tree_cpu(pid: int | None, table: dict[int, tuple[int, float, float]]) -> float:
    """CPU seconds of a process and all its descendants, live or reaped (by it) since they started."""
    if pid is None or pid not in table:
        return float("nan")
    children: dict[int, list[int]] = collections.defaultdict(list)
    for child, (ppid, _, _) in table.items():
        children[ppid].append(child)
    total, stack = 0.0, [pid]
    while stack:
        p = stack.pop()
        _, own, reaped = table[p]
        total += own + reaped
        stack.extend(children.get(p, ()))
    return total


def cpu_snapshot(groups: dict[str, list[int | None]]) -> dict[str, float]:
    table = cpu_table()
    out = {name: sum(tree_cpu(pid, table) for pid in pids) for name, pids in groups.items()}
    times = os.times()
    out["this process (producer)"] = times.user + times.system
    return out


# ------------------------------------------------------------------ workers
@dataclass(slots=True)
class Worker:
    proc: subprocess.Popen
    log: Path
    offset: int = 0  # where the timed part of its log starts


def start_workers(procs: Processes, env: dict[str, str], k: int, layout: str, logdir: Path) -> list[Worker]:
    """``celery -A config worker --concurrency K`` (prefork), or K solo workers; returns once each is ready."""
    base = [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
            "--without-gossip", "--without-mingle"]
    if layout == "concurrency":
        commands = [base + ["--pool=prefork", f"--concurrency={k}", f"--hostname=scaling{k}@%h"]]
    else:
        commands = [base + ["--pool=solo", f"--hostname=scaling{k}-{i}@%h"] for i in range(k)]
    workers = []
    for i, command in enumerate(commands):
        log = logdir / f"worker-k{k}-{i}.log"
        with open(log, "wb") as sink:
            proc = procs.start(f"celery worker {i}", command, cwd=ROOT, env=env, stdout=sink,
                               stderr=subprocess.STDOUT)
        workers.append(Worker(proc, log))
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    for w in workers:
        while " ready." not in w.log.read_text(errors="replace"):
            if w.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"a Celery worker did not become ready (rc={w.proc.poll()}):\n"
                                 + w.log.read_text(errors="replace")[-3000:])
            time.sleep(0.05)
    return workers


def scored_by(workers: list[Worker]) -> set[str]:
    """The pool processes (log file, process name) that have run a scoring task."""
    return {f"{w.log.name}/{m.group(1)}" for w in workers
            for m in SUCCEEDED.finditer(w.log.read_text(errors="replace"))}


def wait_for(remaining: Any, workers: list[Worker], *, timeout: float, desc: str, poll: float = 0.1) -> bool:
    """Poll ``remaining()`` until it is 0; False on timeout. Stops at once if a worker has exited."""
    deadline = time.monotonic() + timeout
    left = remaining()
    with tqdm(total=left, desc=desc, leave=False, disable=None) as bar:
        while left > 0:
            dead = [w for w in workers if w.proc.poll() is not None]
            if dead:
                raise SystemExit(f"{desc}: Celery worker pid {dead[0].proc.pid} exited (rc {dead[0].proc.returncode}):\n"
                                 + dead[0].log.read_text(errors="replace")[-2000:])
            if time.monotonic() > deadline:
                return False
            time.sleep(poll)
            left = remaining()
            bar.update(max(0, bar.total - left) - bar.n)
    return True


def unscored() -> int:
    from signupguard.models import Attempt

    return Attempt.objects.exclude(state__in=DONE_STATES).count()


def unlinked() -> int:
    from signupguard.models import Attempt

    return Attempt.objects.filter(link_pending=True).count()


def warm_up(workers: list[Worker], pool: Iterator[Signup], need: int, timeout: float) -> int:
    """Signups until every one of the ``need`` pool processes has scored one (model and GeoIP loaded)."""
    from signupguard import publisher

    recorded = 0
    deadline = time.monotonic() + timeout
    while len(scored_by(workers)) < need:
        if time.monotonic() > deadline:
            raise SystemExit(f"warm-up: only {sorted(scored_by(workers))} of {need} pool processes scored in "
                             f"{timeout:g} s")
        batch = [s for s, _ in zip(pool, range(4 * need))]
        if not batch:
            raise SystemExit("warm-up: out of simulated signups")
        record(batch, rate=0, desc="warm-up")
        recorded += len(batch)
        publisher.wait_idle(10.0)
        wait_for(unscored, workers, timeout=60, desc="warm-up verdicts")
    wait_for(unlinked, workers, timeout=60, desc="warm-up linking")
    return recorded


# ------------------------------------------------------------------ one K
@dataclass
class Result:
    k: int
    n: int
    wall: float = float("nan")
    enqueue: float = float("nan")
    latency: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    link_drain: float = float("nan")
    linked_early: int = 0
    link_seconds: float = 0.0
    decisions: dict[str, int] = field(default_factory=dict)
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.n / self.wall if self.wall > 0 else float("nan")


def run_k(args: argparse.Namespace, k: int, procs: Processes, env: dict[str, str], signups: list[Signup],
          warm: Iterator[Signup], logdir: Path, urls: tuple[str, str], pg: dict[str, Any]) -> Result:
    import redis as redis_lib
    from django.db import connection

    from signupguard import publisher
    from signupguard.models import Attempt

    timed = list(with_requests(signups))
    for url in urls:  # an empty queue and no velocity history: each K starts alike
        redis_lib.Redis.from_url(url).flushdb()
    empty_tables()
    connection.close()
    t0 = time.monotonic()
    workers = start_workers(procs, env, k, args.layout, logdir)
    layout = (f"1 worker, --pool=prefork --concurrency {k}" if args.layout == "concurrency"
              else f"{k} workers, --pool=solo")
    pids = ", ".join(str(w.proc.pid) for w in workers)
    print(f"\nK={k}: {layout} (pid {pids}; ready in {time.monotonic() - t0:.1f} s)")
    try:
        warmed = warm_up(workers, warm, k, timeout=120)
        # Warm workers, empty tables and counters: the timed signups are the only ones.
        redis_lib.Redis.from_url(urls[1]).flushdb()
        empty_tables()
        for w in workers:
            w.offset = w.log.stat().st_size
        stats0, log_offset = pg_stats(), pg["log_size"]()
        groups = {"celery workers": [w.proc.pid for w in workers], "PostgreSQL server": [pg["pid"]],
                  "redis-server": [pg["redis_pid"]]}
        cpu0 = cpu_snapshot(groups)
        commits = record(timed, rate=args.rate, desc=f"K={k} enqueue")
        publisher.wait_idle(30.0)
        finished = wait_for(unscored, workers, timeout=args.timeout, desc=f"K={k} verdicts")
        cpu1 = cpu_snapshot(groups)
        t_scored = time.time()
        # Verdicts set link_pending; those already cleared were linked inside the window (LINK_MAX_DELAY).
        linked_early = len(timed) - unlinked()
        linked = wait_for(unlinked, workers, timeout=args.link_timeout, desc=f"K={k} linking")
        t_linked = time.time()
        time.sleep(1.0)  # the server's statistics are flushed by each backend within a second
        stats1 = pg_stats()
        pg_log, _ = read_from(pg["log"], log_offset)
    finally:
        for w in workers:
            procs.stop(w.proc)
    result = Result(k=k, n=len(timed))
    rows = list(Attempt.objects.filter(kind="signup").values(
        "pk", "user_id", "state", "attempts", "decision", "claimed_at", "scored_at"))
    stamps = sorted(commits.values())
    last = max((r["scored_at"].timestamp() for r in rows if r["scored_at"]), default=float("nan"))
    result.wall = last - stamps[0]
    result.enqueue = stamps[-1] - stamps[0]
    lat: dict[str, list[float]] = {"commit -> scored_at": [], "  commit -> claimed_at (queue)": [],
                                   "  claimed_at -> scored_at (scoring)": []}
    for r in rows:
        commit = commits.get(r["user_id"])
        if commit is None or r["scored_at"] is None or r["claimed_at"] is None:
            continue
        lat["commit -> scored_at"].append((r["scored_at"].timestamp() - commit) * 1000)
        lat["  commit -> claimed_at (queue)"].append((r["claimed_at"].timestamp() - commit) * 1000)
        lat["  claimed_at -> scored_at (scoring)"].append((r["scored_at"] - r["claimed_at"]).total_seconds() * 1000)
    result.latency = lat
    result.cpu = {name: cpu1[name] - cpu0[name] for name in cpu0}
    result.link_drain = t_linked - t_scored if linked else float("nan")
    result.linked_early = linked_early
    result.decisions = dict(collections.Counter(r["decision"] or r["state"] for r in rows))
    raw = {w.log.name: w.log.read_bytes() for w in workers}
    # From the " ready." line on: the banner before it warns of running as root, and so on.
    logs = {name: _after_ready(data).decode(errors="replace") for name, data in raw.items()}
    timed_logs = {w.log.name: raw[w.log.name][w.offset:].decode(errors="replace") for w in workers}
    result.link_seconds = sum(float(m.group(1)) for text in timed_logs.values() for m in LINKED.finditer(text))
    result.checks = check(result.n, rows, logs, timed_logs,
                          stats0, stats1, pg_log, finished=finished, linked=linked)
    report(result, warmed=warmed, pg_log=pg_log)
    return result


def _after_ready(data: bytes) -> bytes:
    at = data.find(b" ready.")
    return data[data.rfind(b"\n", 0, at) + 1:] if at >= 0 else data


# ------------------------------------------------------------------ checks
def check(n: int, rows: list[dict], logs: dict[str, str], timed_logs: dict[str, str], stats0: dict[str, int],
          stats1: dict[str, int], pg_log: str, *, finished: bool, linked: bool) -> list[tuple[str, bool, str]]:
    """(what, holds, detail) for every correctness check of one K."""
    from django.db.models import Count

    from signupguard.linking import RULES
    from signupguard.models import AccountStatus, Cluster, ClusterMember, Link, LinkKey, StatusChange

    out: list[tuple[str, bool, str]] = []

    def add(name: str, ok: bool, detail: str = "") -> None:
        out.append((name, bool(ok), detail))

    states = collections.Counter(r["state"] for r in rows)
    add(f"{n} signup attempts, every one scored", len(rows) == n and states["scored"] == n and finished,
        f"{len(rows)} attempts: {dict(states)}" + ("" if finished else " (timed out waiting)"))
    twice = [r["pk"] for r in rows if r["attempts"] != 1]
    add("each claimed once (Attempt.attempts == 1)", not twice, f"{len(twice)} not: ids {twice[:10]}")
    no_decision = [r["pk"] for r in rows if r["state"] == "scored" and not r["decision"]]
    add("each scored attempt has a decision", not no_decision, f"ids {no_decision[:10]}" if no_decision else "")

    ids = [r["pk"] for r in rows]
    changes = list(StatusChange.objects.filter(account__user__first_name=MARK).order_by("pk").values(
        "account__user_id", "from_status", "to_status", "source", "attempt_id"))
    holds = collections.Counter(c["attempt_id"] for c in changes if c["source"] == "system" and not c["from_status"])
    verdicts = collections.Counter(c["attempt_id"] for c in changes if c["source"] in ("model", "rule"))
    add("one hold row per attempt (StatusChange '' -> pending)", all(holds[i] == 1 for i in ids),
        f"{sum(1 for i in ids if holds[i] != 1)} attempts with another count")
    bad = {i: verdicts[i] for i in ids if verdicts[i] != 1}
    add("one verdict row per attempt (StatusChange by model/rule)", not bad,
        f"{len(bad)} attempts with another count, e.g. {dict(list(bad.items())[:5])}" if bad else
        f"{sum(verdicts.values())} rows")
    status = dict(AccountStatus.objects.filter(user__first_name=MARK).values_list("user_id", "status"))
    chains: dict[int, list[dict]] = collections.defaultdict(list)
    for c in changes:
        chains[c["account__user_id"]].append(c)
    broken = [uid for uid, chain in chains.items()
              if chain[0]["from_status"] != "" or chain[-1]["to_status"] != status.get(uid)
              or any(a["to_status"] != b["from_status"] for a, b in zip(chain, chain[1:]))]
    add("status chain per account consistent (each change from the last, ends at the status)",
        not broken and len(status) == n, f"{len(broken)} broken, e.g. users {broken[:5]}; {len(status)} statuses")
    left_pending = sum(1 for s in status.values() if s == "pending")
    add("no account left pending", left_pending == 0, f"{left_pending} pending")

    # Worker logs: the whole log for errors (warm-up included), the timed part for the task count.
    bad_lines = [f"{name}: {line.strip()[:300]}" for name, text in logs.items()
                 for line in text.splitlines() if BAD_LINE.search(line)]
    warnings = [f"{name}: {line.strip()[:300]}" for name, text in logs.items() for line in text.splitlines()
                if "WARNING/" in line and not BAD_LINE.search(line)]
    add("worker logs: no error, traceback, retry or deadlock line", not bad_lines,
        "\n        ".join([f"{len(bad_lines)} lines:"] + bad_lines[:12]) if bad_lines else "")
    sg_warnings = [w for w in warnings if "signupguard" in w]
    add("worker logs: no signupguard warning", not sg_warnings,
        "\n        ".join([f"{len(sg_warnings)} lines:"] + sg_warnings[:8]) if sg_warnings else
        (f"({len(warnings)} other warnings, e.g. {warnings[0][:160]})" if warnings else ""))
    results = collections.Counter(m.group(2) for text in timed_logs.values() for m in SUCCEEDED.finditer(text))
    verdict_tasks = sum(results[d] for d in ("allow", "review", "block"))
    add(f"worker logs: {n} score_attempt tasks returned a verdict", verdict_tasks == n,
        f"task results {dict(results)}" + (f" ({results['skipped']} duplicate deliveries, skipped by the claim)"
                                           if results["skipped"] else ""))
    deadlocks = stats1["deadlocks"] - stats0["deadlocks"]
    add("PostgreSQL: no deadlock (pg_stat_database.deadlocks of this database)", deadlocks == 0,
        f"{deadlocks} deadlocks, {stats1['rollbacks'] - stats0['rollbacks']} rollbacks, "
        f"{stats1['commits'] - stats0['commits']} commits")
    server = [line for line in pg_log.splitlines() if "deadlock" in line.lower()]
    add("PostgreSQL server log of the window: no 'deadlock' line (shared server)", not server,
        "\n        ".join(server[:8]))

    figures = velocity_figures(["s:all", "fm:all"])
    add(f"Redis velocity 's:all' (signups) and 'fm:all' (events) = {n} in the 1h/24h/7d windows",
        all(v[1:] == (n, n, n) for v in figures.values()),
        ", ".join(f"{k} {v}" for k, v in figures.items()) + " (10m, 1h, 24h, 7d)")

    add("linking drained (no attempt left link_pending)", linked, "" if linked else f"{unlinked()} left")
    members = dict(ClusterMember.objects.values_list("user_id", "cluster_id"))
    twice_in = list(ClusterMember.objects.values("user_id").annotate(c=Count("pk")).filter(c__gt=1)[:5])
    clusters = {c["pk"]: c for c in Cluster.objects.values("pk", "status", "size", "blocked_count", "merged_into_id")}
    live = {pk for pk, c in clusters.items() if c["status"] != "merged"}
    sizes = collections.Counter(members.values())
    blocked = collections.Counter(cid for uid, cid in members.items() if status.get(uid) == "blocked")
    add("no account in two clusters", not twice_in, str(twice_in) if twice_in else "")
    stranded = [uid for uid, cid in members.items() if cid not in live]
    add("no member in a merged cluster", not stranded, f"{len(stranded)} members, e.g. users {stranded[:5]}")
    wrong = [pk for pk in live if clusters[pk]["size"] != sizes[pk] or clusters[pk]["blocked_count"] != blocked[pk]]
    add("cluster size and blocked_count equal their members'", not wrong,
        "; ".join(f"cluster {pk}: size {clusters[pk]['size']} vs {sizes[pk]} members, blocked "
                  f"{clusters[pk]['blocked_count']} vs {blocked[pk]}" for pk in wrong[:5]))
    small = [pk for pk in live if sizes[pk] < 2]
    add("every live cluster has two members or more", not small, f"clusters {small[:8]}" if small else "")
    hops = [pk for pk, c in clusters.items() if c["status"] == "merged" and c["merged_into_id"] not in live]
    add("every merged cluster points at a live one", not hops, f"clusters {hops[:8]}" if hops else "")
    links = list(Link.objects.values("pk", "cluster_id", "source_id", "target_id", "kind"))
    outside = [lk for lk in links if lk["cluster_id"] not in live or members.get(lk["source_id"]) != lk["cluster_id"]
               or members.get(lk["target_id"]) != lk["cluster_id"]]
    add("every link inside one live cluster, both accounts its members", not outside,
        "\n        ".join([f"{len(outside)} of {len(links)} links:"] + [
            f"link {lk['pk']} ({lk['kind']}) in cluster {lk['cluster_id']} "
            f"({clusters.get(lk['cluster_id'], {}).get('status')}): user {lk['source_id']} in "
            f"{members.get(lk['source_id'])}, user {lk['target_id']} in {members.get(lk['target_id'])}"
            for lk in outside[:6]]) if outside else
        f"{len(live)} live clusters, {len(members)} members, {len(links)} links")
    # Serially, an account linked after another holder of a key links to it; two linked at once may
    # each read the key before the other's commit and link to neither (clusters.py: "a membership lost
    # to a race"). Keys without a time window (device, mailbox, domain) under their fan-out cap must
    # therefore have put all their holders in one cluster.
    holders: dict[tuple[str, str], set[int]] = collections.defaultdict(set)
    for kind, value, uid in LinkKey.objects.filter(kind__in=UNWINDOWED).values_list("kind", "value", "user_id"):
        holders[kind, value].add(uid)
    shared = {key: uids for key, uids in holders.items() if 2 <= len(uids) <= RULES[key[0]].max_holders}
    split = {key: uids for key, uids in shared.items() if len({members.get(u) for u in uids}) > 1}
    add("accounts sharing a device, mailbox or domain key are in one cluster", not split,
        "\n        ".join([f"{len(split)} of {len(shared)} shared keys split:"] + [
            f"{kind} key held by users {sorted(uids)[:6]}: clusters {sorted({members.get(u) for u in uids}, key=str)}"
            for (kind, _), uids in list(split.items())[:6]]) if split else f"{len(shared)} shared keys")
    return out


# ------------------------------------------------------------------ printing
def report(r: Result, *, warmed: int, pg_log: str) -> None:
    print(f"  {warmed} warm-up signups (every pool process scored one), then tables and counters emptied")
    print(f"  {r.n} signups enqueued in {r.enqueue:.2f} s ({r.n / r.enqueue:.0f}/s, this process); "
          f"last verdict {r.wall:.2f} s after the first commit: {r.rate:.1f} verdicts/s")
    for label, values in r.latency.items():
        print(f"  {label:<40} p50 {pct(values, 50):8.1f}  p90 {pct(values, 90):8.1f}  p99 {pct(values, 99):8.1f}  "
              f"max {max(values, default=float('nan')):8.1f} ms  (n={len(values)})")
    busy = sum(v for v in r.cpu.values() if v == v)
    print(f"  CPU over that window ({r.wall:.1f} s wall x {os.cpu_count()} cores = "
          f"{r.wall * (os.cpu_count() or 1):.1f} s): "
          + ", ".join(f"{name} {v:.1f} s" for name, v in r.cpu.items())
          + f"; total {busy:.1f} s. Worker CPU per verdict {r.cpu['celery workers'] / r.n * 1000:.1f} ms")
    print(f"  decisions {r.decisions}; linking: {r.linked_early} of {r.n} attempts linked before the last "
          f"verdict (LINK_MAX_DELAY), the rest drained {r.link_drain:.1f} s after it; link tasks "
          f"{r.link_seconds:.1f} s of worker time in all")
    errors = [line for line in pg_log.splitlines() if " ERROR: " in line or " FATAL: " in line]
    if errors:
        print(f"  PostgreSQL server log (shared server), {len(errors)} ERROR/FATAL lines in the window:")
        for line in errors[:6]:
            print(f"    {line[:240]}")
    print(f"  checks (K={r.k}):")
    for name, ok, detail in r.checks:
        print(f"    [{'ok' if ok else 'FAIL'}] {name}" + (f": {detail}" if detail else ""))


def summary(results: list[Result]) -> None:
    base = results[0].rate
    print("\n  K  verdicts/s  ratio  wall s  enqueue/s  commit->verdict p50 / p99 ms   CPU s: workers / PostgreSQL / "
          "Redis / producer  checks")
    for r in results:
        lat = r.latency["commit -> scored_at"]
        c = r.cpu
        failed = sum(1 for _, ok, _ in r.checks if not ok)
        print(f"  {r.k:>2} {r.rate:>10.1f} {r.rate / base:>6.2f} {r.wall:>7.1f} {r.n / r.enqueue:>10.0f}"
              f"   {pct(lat, 50):>10.0f} / {pct(lat, 99):<10.0f}"
              f"      {c['celery workers']:6.1f} / {c['PostgreSQL server']:5.1f} / {c['redis-server']:4.1f} / "
              f"{c['this process (producer)']:4.1f}      {'all ok' if not failed else f'{failed} FAILED'}")


# ------------------------------------------------------------------ main
def parse_workers(text: str) -> list[int]:
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"a comma-separated list of worker counts, not {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("worker counts are positive")
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True,
                        help="PostgreSQL scratch database (postgres://user@host:port/name): migrated, and every "
                             "table emptied before each K")
    parser.add_argument("--workers", type=parse_workers, default=[1, 2],
                        help="comma-separated K values (default 1,2; on 2 cores more is not informative)")
    parser.add_argument("--layout", choices=("concurrency", "processes"), default="concurrency",
                        help="concurrency: one worker with --concurrency K (prefork, default); "
                             "processes: K workers with --pool=solo")
    parser.add_argument("--signups", type=int, default=2000, help="timed signups per K (default 2000)")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="enqueue at most this many signups/s (default 0: as fast as this process can)")
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds to wait for all verdicts of one K")
    parser.add_argument("--link-timeout", type=float, default=120.0,
                        help="seconds to wait, after the last verdict, for linking to drain")
    parser.add_argument("--conn-max-age", type=int, default=None,
                        help="DATABASE_CONN_MAX_AGE of the workers (default unset: 0, a connection per task)")
    parser.add_argument("--legit", type=int, default=0,
                        help="legitimate signups of the simulated day (default 3 x --signups: with the day's "
                             "campaigns, about half the signups are fraud)")
    parser.add_argument("--seed", type=int, default=7, help="simulation and sampling seed")
    parser.add_argument("--keep-going", action="store_true",
                        help="run every K even when a check fails; assert at the end")
    parser.add_argument("--force", action="store_true",
                        help="empty the database even if it holds users this script did not make")
    args = parser.parse_args()
    # SIGTERM (kill, a CI timeout) unwinds like Ctrl-C: the finally below stops the workers and Redis.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    print(machine())
    procs = Processes()
    workdir = Path(tempfile.mkdtemp(prefix="sg-scaling-"))
    logdir = Path(tempfile.mkdtemp(prefix="sg-scaling-logs-"))
    keep_logs = False
    try:
        t0 = time.monotonic()
        events, geo = simulate(workdir, args.legit or 3 * args.signups, args.seed)
        need = args.signups + 40 * max(args.workers)  # warm-up draws a few batches per K
        rng = random.Random(args.seed)
        if len(events) < args.signups + 8 * max(args.workers):
            raise SystemExit(f"the simulation gave {len(events)} signups; fewer than needed")
        picked = sorted(rng.sample(range(len(events)), min(need, len(events))))
        timed_events = [events[i] for i in picked[:args.signups]]  # in the simulation's time order
        warm_events = [events[i] for i in picked[args.signups:]]
        labels = collections.Counter(e.get("label") for e in timed_events)
        campaigns = collections.Counter(e.get("campaign") for e in timed_events)
        print(f"traffic: {len(events)} simulated signups of one day (seed {args.seed}, "
              f"{time.monotonic() - t0:.1f} s); {len(timed_events)} sampled: {dict(labels)}; "
              f"{len(campaigns)} campaigns/cohorts, most {campaigns.most_common(4)}")

        redis_url, redis_desc = start_redis(procs, workdir)
        redis_pid = next((p.pid for name, p in procs.procs if name == "redis-server"), None)
        broker_url, velocity_url = with_db(redis_url, 11), with_db(redis_url, 12)
        os.environ.update({
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": args.database_url,
            "CELERY_BROKER_URL": broker_url,
            "REDIS_URL": velocity_url,
            # One key for this process and the workers: the velocity keys are keyed hashes of it.
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "SIGNUPGUARD_SYNC_WAIT": "0",
            "SIGNUPGUARD_GEOIP_ASN": str(geo["asn"]),
            "SIGNUPGUARD_GEOIP_CITY": str(geo["city"]),
            "SIGNUPGUARD_GEOIP_ANONYMOUS": str(geo["anonymous"]),
        })
        os.environ.pop("SIGNUPGUARD_TRUSTED_PROXIES", None)  # REMOTE_ADDR is the client
        worker_env = {**os.environ, "PYTHONUNBUFFERED": "1",
                      "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        if args.conn_max_age is not None:
            worker_env["DATABASE_CONN_MAX_AGE"] = str(args.conn_max_age)
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        if connection.vendor != "postgresql":
            raise SystemExit(f"--database-url must be PostgreSQL, not {connection.vendor}")
        call_command("migrate", verbosity=0, interactive=False)
        unmigrated = create_unmigrated_tables()
        refuse_foreign_data(args.force)
        sg = settings.SIGNUPGUARD
        print(f"database: {describe_database(connection, Path())}; Django {django.get_version()}")
        if unmigrated:
            print(f"note: models without a migration in the working tree; tables created directly: {unmigrated}")
        print(f"redis: {redis_desc}; broker db 11, velocity db 12 "
              f"({sg.get('VELOCITY_BACKEND', 'default').rsplit('.', 1)[-1]}); GeoIP of the simulation; "
              f"workers' DATABASE_CONN_MAX_AGE {args.conn_max_age if args.conn_max_age is not None else 'unset (0)'}")
        pg_pid = postmaster_pid()
        pg_log_path = server_log(pg_pid)
        pg = {"pid": pg_pid, "redis_pid": redis_pid, "log": pg_log_path,
              "log_size": lambda: pg_log_path.stat().st_size if pg_log_path else 0}
        print(f"PostgreSQL server pid {pg_pid}, log {pg_log_path or 'not readable'}; worker logs in {logdir}")

        taken: set[str] = set()
        timed = prepare(timed_events, taken)
        warm_pool = prepare(warm_events, taken)
        results = []
        for k in args.workers:
            # The same signups each K (the tables are emptied, the names free again), with new requests.
            result = run_k(args, k, procs, worker_env, timed, with_requests(warm_pool), logdir,
                           (broker_url, velocity_url), pg)
            results.append(result)
            failed = [name for name, ok, _ in result.checks if not ok]
            if failed:
                keep_logs = True
                if not args.keep_going:
                    summary(results)
                    raise AssertionError(f"K={k}: {len(failed)} checks failed: {'; '.join(failed)} "
                                         f"(worker logs kept in {logdir})")
        summary(results)
        failed = [(r.k, name) for r in results for name, ok, _ in r.checks if not ok]
        assert not failed, f"checks failed: {failed} (worker logs kept in {logdir})"
    finally:
        procs.stop_all()
        close_connections()
        shutil.rmtree(workdir, ignore_errors=True)
        if not keep_logs:
            shutil.rmtree(logdir, ignore_errors=True)


if __name__ == "__main__":
    main()
