"""What the review console's list pages cost on a big attempts table: first, middle and last pages.

    .venv/bin/python benchmarks/admin_pages.py [--n 200000] [--database-url postgres://...] [--reuse]

Fills the database with ``--n`` attempts (70% signups, each with its own
user, account status and, for one in twenty, a cluster; 10% decided review,
half of those accounts still waiting, and 5% block) in a throw-away SQLite database in /tmp, or in the database of
``--database-url`` (whose signupguard tables and users are emptied first: not
a production one). ``--reuse`` keeps a database that already holds ``--n``
attempts from an earlier run (with ``--database-url``).

Then requests each list page with Django's test client as a superuser and
prints the median of three requests (after one to warm up), the time its SQL
took, and its slowest statement: the count, the page's rows or another.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from collections.abc import Callable
from typing import Any

from _setup import ROOT, synthetic_events  # noqa: F401 - the checkout first on the path

QUEUE = "/admin/signupguard/attempt/"
BUILT = "b-3-"  # synthetic_events(seed=3)
ACCOUNTS = "/admin/signupguard/accountstatus/"
CLUSTERS = "/admin/signupguard/cluster/"


def build(n: int) -> None:
    """``n`` scored attempts with their users, account statuses and clusters, in big batches."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember

    User = get_user_model()
    rng = random.Random(7)
    with transaction.atomic():
        for model in (ClusterMember, Cluster, AccountStatus, Attempt):
            model.objects.all().delete()
        User.objects.all().delete()
        events = list(synthetic_events(n, seed=3))  # event ids start with BUILT
        signups = [e for e in events if e["kind"] == "signup"]
        users = User.objects.bulk_create([User(username=e["username"], email=e["email"], password="!")
                                          for e in signups], batch_size=5000)
        owner = {e["event_id"]: u for e, u in zip(signups, users)}
        rows = []
        for i, event in enumerate(events):
            user = owner.get(event["event_id"]) or (rng.choice(users[: max(1, len(owner) // 2)]) if users else None)
            score = rng.random()
            decision = "block" if score > 0.95 else "review" if score > 0.85 else "allow"
            at = dt.datetime.fromisoformat(event["occurred_at"])
            a, b, c, _ = event["ip"].split(".")
            rows.append(Attempt(
                event_id=event["event_id"], kind=event["kind"], occurred_at=at, created_at=at, scored_at=at,
                user=user, account=event["account"], ip=event["ip"], ip_prefix=f"{a}.{b}.{c}.0/24",
                email=event["email"], email_normalized=event["email"], email_domain=event["email"].split("@")[1],
                asn=64496 + i % 400, as_org=f"Example Networks {i % 400}", country=rng.choice("US GB DE FR BR IN".split()),
                network_kind=rng.choice(["residential", "hosting", "mobile"]),
                device_fingerprint=event["device"]["fingerprint"], raw=event,
                enrichment={"ua": {"browser": "Chrome", "os": "Windows"}, "geo": {"country": "US"}, "pad": "x" * 400},
                velocity={"ip_1h": 1, "device_24h": 1}, score=score, decision=decision,
                reasons=[{"feature": "ip", "weight": 0.1}], model_version="bench-1", state="scored",
            ))
        Attempt.objects.bulk_create(rows, batch_size=2000)
        deciding = {a.user_id: a for a in rows if a.kind == "signup"}
        status = {"allow": "cleared", "block": "blocked"}
        AccountStatus.objects.bulk_create([
            AccountStatus(user_id=uid, attempt=a, source="model",
                          status=status.get(a.decision) or ("review" if rng.random() < 0.5 else "cleared"))
            for uid, a in deciding.items()], batch_size=5000)
        clustered = users[::20]
        clusters = Cluster.objects.bulk_create([Cluster(size=10) for _ in range(0, len(clustered), 10)])
        ClusterMember.objects.bulk_create([ClusterMember(user=u, cluster=clusters[k // 10])
                                           for k, u in enumerate(clustered)], batch_size=5000)


def timed(client: Any, url: str) -> tuple[float, float, str]:
    """Median seconds of the request, its SQL seconds, and its slowest statement (abridged)."""
    from django.db import connection

    runs = []
    for attempt in range(4):
        queries: list[tuple[float, str]] = []

        def clock(execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append((time.perf_counter() - started, sql))

        started = time.perf_counter()
        with connection.execute_wrapper(clock):
            response = client.get(url)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        if attempt:
            runs.append((elapsed, sum(q for q, _ in queries), max(queries)))
    elapsed, sql, (slowest, text) = sorted(runs)[len(runs) // 2]
    return elapsed, sql, f"{slowest:.3f} s {' '.join(text.split())[:90]}"


def pages(total: int, per_page: int) -> list[tuple[str, int]]:
    last = max(1, -(-total // per_page))
    return [("page 1", 1), ("middle", max(1, last // 2)), ("last", last)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--database-url", help="a scratch database (dj-database-url syntax); default: SQLite in /tmp")
    parser.add_argument("--reuse", action="store_true", help="keep the data of an earlier run that has --n attempts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/admin.sqlite3"
        from _setup import django_setup

        django_setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        from signupguard.models import AccountStatus, Attempt

        setup_test_environment()  # the test client's host, as the test suite has it
        call_command("migrate", verbosity=0)
        if not (args.reuse and Attempt.objects.filter(event_id__startswith=BUILT).count() == args.n):
            started = time.perf_counter()
            build(args.n)
            print(f"built {args.n:,} attempts in {time.perf_counter() - started:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")  # as autovacuum would have, long before a reviewer looks
        admin, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={
            "is_staff": True, "is_superuser": True, "password": "!"})
        client = Client()
        client.force_login(admin)
        every = Attempt.objects.count()
        review = Attempt.objects.filter(decision="review").count()
        pending = AccountStatus.objects.filter(status="review").count()
        cleared = AccountStatus.objects.filter(status="cleared").count()
        lists = [
            ("attempts", QUEUE + "?queue=all", every),
            ("decision=review", QUEUE + "?queue=all&decision__exact=review", review),
            ("pending queue", QUEUE + "?queue=pending", pending),
            ("accounts cleared", ACCOUNTS + "?status__exact=cleared", cleared),
        ]
        print(f"{every:,} attempts ({connection.vendor}); median of 3 requests, seconds")
        print(f"{'list':<18}{'page':<8}{'p':>6}{'request':>9}{'sql':>8}  slowest statement")
        for name, url, total in lists:
            per_page = 100 if url.startswith(ACCOUNTS) else 50  # the admins' list_per_page
            for label, page in pages(total, per_page):
                elapsed, sql, slowest = timed(client, f"{url}&p={page}")
                print(f"{name:<18}{label:<8}{page:>6}{elapsed:>9.3f}{sql:>8.3f}  {slowest}")
        elapsed, sql, slowest = timed(client, CLUSTERS + "?p=1")
        print(f"{'clusters':<18}{'page 1':<8}{1:>6}{elapsed:>9.3f}{sql:>8.3f}  {slowest}")


if __name__ == "__main__":
    main()
