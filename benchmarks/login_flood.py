"""Login flood: how long a new signup waits for its verdict while failed logins flood the workers.

    flock /tmp/sg-heavy.lock .venv/bin/python benchmarks/login_flood.py \\
        [--database-url postgres://postgres@127.0.0.1:25432/postgres] [--layouts shared,one-worker,two-workers] \\
        [--ratio 10] [--flood-seconds 20] [--signup-interval 1.0] [--max-wait 60] [--link-wait 45]

A credential-stuffing flood records every failed login as an attempt with a
scoring task. Before ``signupguard.tasks.score_login`` they shared the signups'
task and queue, so a signup's task waited behind every failed login published
before it. Set up as ``signup_latency.py`` does: a redis-server started on a
free loopback port (broker db 11, Redis velocity db 12), GeoIP databases of
the simulator's World(7), a fresh database (SQLite file, or with
``--database-url`` a database created on that PostgreSQL server and dropped at
the end), and real ``celery -A config worker --pool=solo`` processes.

Per layout (broker emptied, fresh worker processes):

* ``shared``: no ``CELERY_TASK_ROUTES`` (the default, and what every install
  did before ``score_login``): one worker on the ``celery`` queue;
* ``one-worker``: logins routed to a ``logins`` queue, the same one worker
  consuming ``-Q celery,logins`` (kombu's Redis transport takes the queues in
  turn);
* ``two-workers``: logins routed to ``logins``, one worker on ``celery`` and
  one on ``logins`` (twice the processes: not a like-for-like throughput);
* ``two-workers-logins-stopped`` (not run by default): as ``two-workers``, but
  the ``logins`` worker is stopped once the scoring rate is measured, so the
  flood's logins wait in their queue and the ``celery`` worker is idle but for
  the signups (an audit's case: its linking pass waited for those logins).

Then: a warm-up (model and GeoIP loaded), the worker's scoring rate measured
on a burst of failed logins, and a flood of ``--ratio`` times that rate of
failed logins (``record_login`` with a RequestFactory request, as the
``user_login_failed`` receiver calls it) for ``--flood-seconds``, with a signup
(``create_user`` and ``record_signup`` in one transaction, ``wait=0``) every
``--signup-interval`` seconds. Each signup is timed from its commit to its
stored ``scored_at``; a signup not scored ``--max-wait`` seconds after the
flood ends counts as unscored. Each signup is also timed from its verdict
(``scored_at``) to its linking into clusters (the moment the script first sees
its ``link_pending`` cleared; polled every ``LINK_POLL`` seconds, during the
flood too, since nothing stores that moment); one not linked ``--link-wait``
seconds after the signups are scored (or given up) counts as unlinked.
Printed: the login rate reached, logins scored, signup commit -> verdict
p50/p90/max, how many within ``SYNC_WAIT`` (0.3 s), unscored, the login
backlog left, and verdict -> linked p50/p90/max and unlinked.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from _setup import ROOT
from signup_latency import (
    Processes, WORKER_START_TIMEOUT, close_connections, create_pg_database, drop_pg_database, machine, pct,
    start_redis, with_db,
)

SYNC_WAIT = 0.3
LINK_POLL = 0.2  # seconds between two looks at the signups' link_pending
UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
LAYOUTS = {  # name: (route logins to their own queue, the -Q of each worker)
    "shared": (False, ["celery"]),
    "one-worker": (True, ["celery,logins"]),
    "two-workers": (True, ["celery", "logins"]),
    "two-workers-logins-stopped": (True, ["celery", "logins"]),
}
DEFAULT_LAYOUTS = "shared,one-worker,two-workers"
STOPPED_IN_FLOOD = {"two-workers-logins-stopped": "logins"}  # layout: the queue whose worker stops before the flood


def start_worker(procs: Processes, env: dict[str, str], log: Path, queues: str, name: str) -> Any:
    import subprocess
    import sys

    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queues,
        "--pool=solo", "--concurrency=1", "--loglevel=INFO", f"--hostname={name}@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]
    with open(log, "wb") as sink:
        proc = procs.start(name, command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while " ready." not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the Celery worker did not become ready:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)
    return proc


def failed_login(rf: Any, n: int) -> int:
    from signupguard.recording import record_login

    ip = f"{random.randint(11, 220)}.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    request = rf.post("/accounts/login/", REMOTE_ADDR=ip, HTTP_USER_AGENT=UA, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    attempt = record_login(request, None, success=False, credentials={"username": f"victim{n}@example.com"})
    assert attempt is not None
    return attempt.pk


def signup(rf: Any, tag: str, n: int) -> tuple[int, float]:
    """A signup recorded as the live path does; (attempt id, wall-clock time of its commit)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from signupguard.recording import record_signup

    request = rf.post("/api/signup/", REMOTE_ADDR=f"81.2.69.{1 + n % 250}", HTTP_USER_AGENT=UA,
                      HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    with transaction.atomic():
        user = get_user_model().objects.create_user(f"{tag}-{n}", f"{tag}.{n}@example.org", None)
        attempt = record_signup(request, user, wait=0)
    return attempt.pk, time.time()


def wait_scored(ids: list[int], timeout: float) -> bool:
    from signupguard.models import Attempt

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Attempt.objects.filter(pk__in=ids, state=Attempt.State.PENDING).exists():
            return True
        time.sleep(0.1)
    return False


class LinkWatch:
    """When each signup was first seen linked (scored, ``link_pending`` cleared): nothing stores that moment."""

    def __init__(self) -> None:
        self.linked_at: dict[int, float] = {}
        self.waiting: list[int] = []
        self.next_look = 0.0

    def add(self, pk: int) -> None:
        self.waiting.append(pk)

    def look(self, *, force: bool = False) -> None:
        from signupguard.models import Attempt

        now = time.monotonic()
        if not self.waiting or (now < self.next_look and not force):
            return
        self.next_look = now + LINK_POLL
        seen = time.time()
        linked = set(Attempt.objects.filter(pk__in=self.waiting, state=Attempt.State.SCORED, link_pending=False)
                     .values_list("pk", flat=True))
        self.linked_at.update({pk: seen for pk in linked})
        self.waiting = [pk for pk in self.waiting if pk not in linked]

    def wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.waiting and time.monotonic() < deadline:
            self.look(force=True)
            time.sleep(LINK_POLL)
        self.look(force=True)


def run_layout(args: argparse.Namespace, layout: str, procs: Processes, env: dict[str, str], broker_url: str,
               workdir: Path) -> str:
    import redis as redis_lib
    from django.test import RequestFactory

    from config.celery import app
    from signupguard import publisher
    from signupguard.models import Attempt

    routed, queues = LAYOUTS[layout]
    app.conf.task_routes = {"signupguard.tasks.score_login": {"queue": "logins"}} if routed else {}
    app.amqp.flush_routes()  # a host sets CELERY_TASK_ROUTES before the first publish; Celery caches the router
    app.amqp.__dict__.pop("router", None)
    redis_lib.Redis.from_url(broker_url).flushdb()
    workers = [start_worker(procs, env, workdir / f"{layout}-{i}.log", q, f"{layout}{i}") for i, q in enumerate(queues)]
    rf, tag = RequestFactory(), f"{layout}-{os.getpid()}"
    try:
        warm = [failed_login(rf, i) for i in range(20)] + [signup(rf, tag + "w", i)[0] for i in range(5)]
        publisher.wait_idle(30)
        if not wait_scored(warm, 120):
            return f"{layout}: the warm-up was not scored in 120 s (see {workdir})"
        warm_links = LinkWatch()
        for pk in warm[20:]:
            warm_links.add(pk)
        warm_links.wait(60)  # the warm-up's signups linked before the flood, so none is old enough to starve
        # The scoring rate of logins alone (the flood's own work), on a burst.
        burst = [failed_login(rf, 100 + i) for i in range(args.burst)]
        publisher.wait_idle(30)
        start = time.time()
        wait_scored(burst, 300)
        rate = args.burst / max(1e-3, time.time() - start)
        target = args.ratio * rate
        stopped = STOPPED_IN_FLOOD.get(layout)
        for worker, q in zip(workers, queues):
            if q == stopped:
                procs.stop(worker)  # its queue fills with the flood; nothing scores it

        login_ids: list[int] = []
        signups: list[tuple[int, float]] = []
        links = LinkWatch()
        t0 = time.monotonic()
        next_signup = t0 + args.signup_interval / 2
        n = 0
        while (now := time.monotonic()) < t0 + args.flood_seconds:
            links.look()  # every LINK_POLL seconds: the logins seldom reach their target, so not only when idle
            if now >= next_signup:  # on time, even when the logins fall behind their target
                signups.append(signup(rf, tag, len(signups)))
                links.add(signups[-1][0])
                next_signup += args.signup_interval
            elif n < int((now - t0) * target):
                login_ids.append(failed_login(rf, 10_000 + n))
                n += 1
            else:
                time.sleep(0.001)
        flood_wall = time.monotonic() - t0
        unpublished = publisher.get_publisher().pending()
        flood_end = time.time()
        publisher.wait_idle(30)
        scored_deadline = time.monotonic() + args.max_wait
        while not wait_scored([pk for pk, _ in signups], LINK_POLL) and time.monotonic() < scored_deadline:
            links.look()
        waited = time.time() - flood_end
        link_start = time.time()
        links.wait(args.link_wait)
        link_waited = time.time() - link_start
        rows = dict(Attempt.objects.filter(pk__in=[pk for pk, _ in signups], state=Attempt.State.SCORED)
                    .values_list("pk", "scored_at"))
        latencies = [rows[pk].timestamp() - committed for pk, committed in signups if pk in rows]
        unscored = len(signups) - len(latencies)
        logins_scored = Attempt.objects.filter(pk__in=login_ids, state=Attempt.State.SCORED).count()
        within = sum(1 for x in latencies if x <= SYNC_WAIT)
        linking = [links.linked_at[pk] - rows[pk].timestamp() for pk, _ in signups
                   if pk in rows and pk in links.linked_at]
        unlinked = len(signups) - len(linking)
        return (f"{layout:<12} workers {len(queues)} (-Q {' / '.join(queues)}); login scoring rate {rate:5.1f}/s; "
                f"flood {len(login_ids) / flood_wall:6.1f} failed logins/s (target {target:.0f}) "
                f"for {flood_wall:.1f} s, "
                f"{unpublished} still in this process's publish queue at its end; "
                f"{len(signups)} signups: commit -> verdict p50 {pct(latencies, 50):7.2f} s, p90 "
                f"{pct(latencies, 90):7.2f} s, max {max(latencies, default=float('nan')):7.2f} s; "
                f"within SYNC_WAIT {SYNC_WAIT} s: {within}/{len(signups)}; unscored {waited:.0f} s after the flood: "
                f"{unscored}; logins scored by then {logins_scored}/{len(login_ids)}"
                + (f" (the {stopped} worker stopped for the flood)" if stopped else "") + "\n"
                f"{'':<13}each signup, in order (s; - unscored): "
                + " ".join(f"{rows[pk].timestamp() - committed:.1f}" if pk in rows else "-"
                           for pk, committed in signups) + "\n"
                f"{'':<13}verdict -> linked (polled every {LINK_POLL} s) p50 {pct(linking, 50):7.2f} s, p90 "
                f"{pct(linking, 90):7.2f} s, max {max(linking, default=float('nan')):7.2f} s; "
                f"unlinked {link_waited:.0f} s after the signups' verdicts were awaited: {unlinked}/{len(signups)}\n"
                f"{'':<13}each signup, in order (s; - unlinked): "
                + " ".join(f"{links.linked_at[pk] - rows[pk].timestamp():.1f}"
                           if pk in rows and pk in links.linked_at else "-" for pk, _ in signups))
    finally:
        for worker in workers:
            procs.stop(worker)
        redis_lib.Redis.from_url(broker_url).flushdb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layouts", default=DEFAULT_LAYOUTS, help=f"of {', '.join(LAYOUTS)}")
    parser.add_argument("--ratio", type=float, default=10.0, help="failed logins per second, times the scoring rate")
    parser.add_argument("--flood-seconds", type=float, default=20.0)
    parser.add_argument("--signup-interval", type=float, default=1.0, help="seconds between signups in the flood")
    parser.add_argument("--burst", type=int, default=150, help="failed logins that measure the scoring rate")
    parser.add_argument("--max-wait", type=float, default=60.0, help="seconds after the flood to wait for signups")
    parser.add_argument("--link-wait", type=float, default=45.0,
                        help="seconds, once the signups are scored, to wait for them to be linked (LINK_MAX_DELAY is 30)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server: a fresh database is created on it")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)

    print(machine())
    procs = Processes()
    workdir = Path(tempfile.mkdtemp(prefix="sg-flood-"))
    run_tag = time.strftime("%Y%m%d%H%M%S")
    pg_name = None
    try:
        from signupguard.simulation.world import World
        from signupguard.simulation.writer import write_geoip

        geo = write_geoip(World(args.seed), workdir / "geoip")
        redis_url, redis_desc = start_redis(procs, workdir)
        broker_url, velocity_url = with_db(redis_url, 11), with_db(redis_url, 12)
        if args.database_url:
            pg_name = f"sgflood_{run_tag}_{os.getpid()}"
            database_url = create_pg_database(args.database_url, pg_name)
        else:
            database_url = f"sqlite:///{workdir}/flood.sqlite3"
        os.environ.update({
            "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": broker_url, "REDIS_URL": velocity_url, "SIGNUPGUARD_SYNC_WAIT": "0",
            "SIGNUPGUARD_GEOIP_ASN": str(geo["asn"]), "SIGNUPGUARD_GEOIP_CITY": str(geo["city"]),
        })
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        print(f"database: {database_url.split('@')[-1]}; redis: {redis_desc}; broker db 11, velocity db 12")
        close_connections()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        for layout in args.layouts.split(","):
            print(run_layout(args, layout, procs, env, broker_url, workdir), flush=True)
    finally:
        close_connections()
        procs.stop_all()
        if pg_name and args.database_url:
            drop_pg_database(args.database_url, pg_name)


if __name__ == "__main__":
    main()
