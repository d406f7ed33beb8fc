"""The worker's cluster bookkeeping against a farm's cluster of growing size.

    DATABASE_URL=postgres://... python benchmarks/cluster_scale.py [--sizes 1000,10000,20000] [--runs 3] [--explain]

For each size, in a throw-away database (SQLite without DATABASE_URL; on
PostgreSQL use an empty database: it is migrated, then flushed before each
size), builds one cluster as the linking pass stores it (bulk inserts): eight
accounts a device, each linked to the device's earlier accounts, the device
groups chained by a custom domain (about 3.6 links a member), one scored
signup and a status each (one account in ten blocked by the model, the
others held for review by the retroactive action: a farm's steady state). Then it times, with queries counted:

(a) ``clusters.refresh`` of the cluster (median of ``--runs``);
(b) ``linking_pass.link_one`` of one more allowed signup on a device seven
    members share (each run a new device);
(c) one more blocked signup on a device seven members share (set cleared): its
    linking (``observe``) and the retroactive review ``link_one`` runs then
    (``retroactive.review_linked``), which holds those seven for review.

``--explain`` prints PostgreSQL's EXPLAIN ANALYZE of the slowest statements
of (a) and (c).
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any, Callable

from _setup import scratch_database

DEVICE = 8  # accounts a device
BLOCKED_EVERY = 10  # one member in this many blocked by the model


def _enrichment(fingerprint: str) -> dict:
    """A stored enrichment of a signup on ``fingerprint`` (free mail: only its device links it)."""
    from signupguard.context import parse_event
    from signupguard.engine import get_engine

    event = parse_event({
        "event_id": f"bench-{fingerprint}", "kind": "signup", "occurred_at": "2026-12-01T10:00:00Z",
        "ip": "81.2.69.160", "email": f"{fingerprint}@gmail.com", "username": fingerprint,
        "headers": {"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                  "Chrome/131.0.0.0 Safari/537.36", "Accept-Language": "en-US,en;q=0.9"},
        "device": {"fingerprint": fingerprint, "languages": ["en-US"], "webdriver": False},
    })
    return get_engine().assess(event).enrichment.to_dict()


def build(n: int) -> tuple[int, list[int]]:
    """The cluster of ``n`` accounts: (its id, its accounts' ids in signup order)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from signupguard import clusters
    from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Link

    User, now = get_user_model(), timezone.now()
    User.objects.bulk_create([User(username=f"farm{i}", password="!") for i in range(n)], batch_size=5000)
    ids = list(User.objects.filter(username__startswith="farm").order_by("pk").values_list("pk", flat=True))
    Attempt.objects.bulk_create([
        Attempt(event_id=f"farm-{uid}", kind="signup", occurred_at=now, user_id=uid, account=f"farm{i}",
                state="scored", decision="block" if i % BLOCKED_EVERY == 0 else "allow",
                score=0.99 if i % BLOCKED_EVERY == 0 else 0.02, scored_at=now) for i, uid in enumerate(ids)],
        batch_size=5000)
    AccountStatus.objects.bulk_create([
        AccountStatus(user_id=uid, status="blocked" if i % BLOCKED_EVERY == 0 else "review",
                      source="model" if i % BLOCKED_EVERY == 0 else "cluster")
        for i, uid in enumerate(ids)], batch_size=5000)
    cluster = Cluster.objects.create(first_seen=now, last_seen=now)
    ClusterMember.objects.bulk_create([ClusterMember(user_id=uid, cluster=cluster, first_seen=now, last_seen=now)
                                       for uid in ids], batch_size=5000)
    links = []
    for i, uid in enumerate(ids):
        group = i - i % DEVICE
        links += [Link(cluster=cluster, source_id=uid, target_id=ids[j], kind="device", value=f"farm-dev-{group}",
                       at=now) for j in range(group, i)]
        if i == group and i:
            links.append(Link(cluster=cluster, source_id=uid, target_id=ids[i - DEVICE], kind="domain",
                              value="farm-bench.io", at=now))
    Link.objects.bulk_create(links, batch_size=5000)
    clusters.refresh(cluster.pk)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return cluster.pk, ids


def signup(tag: str, holders: list[int], *, blocked: bool) -> int:
    """A scored signup waiting to be linked, on a device ``holders`` used: its attempt's id."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from signupguard.linking import link_keys
    from signupguard.models import AccountStatus, Attempt, LinkKey

    now, enrichment = timezone.now(), _enrichment(tag)
    device = next(k for k in link_keys(enrichment) if k.kind == "device")
    LinkKey.objects.bulk_create([LinkKey(kind="device", value=device.value, user_id=uid, device=device.value,
                                         first_seen=now, last_seen=now) for uid in holders])
    user = get_user_model().objects.create(username=tag, password="!")
    attempt = Attempt.objects.create(
        event_id=tag, kind="signup", occurred_at=now, user=user, account=tag, state="scored", enrichment=enrichment,
        device_fingerprint=tag, decision="block" if blocked else "allow", score=0.99 if blocked else 0.02,
        scored_at=now, link_pending=True)
    AccountStatus.objects.create(user=user, status="blocked" if blocked else "cleared", source="model")
    if blocked:  # the device's other accounts got through: cleared, until this review
        AccountStatus.objects.filter(user_id__in=holders).update(status="cleared", source="model")
    return attempt.pk


def timed(work: Callable[[], Any]) -> tuple[float, list[dict]]:
    """(milliseconds, the statements sent) of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        work()
        took = (time.perf_counter() - started) * 1000
    return took, list(queries.captured_queries)


def explain(statements: list[dict], label: str, top: int = 3) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    for query in sorted(statements, key=lambda q: -float(q["time"]))[:top]:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "WITH")):
            continue
        with connection.cursor() as cursor:
            cursor.execute("BEGIN")
            try:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(f"      {row[0]}" for row in cursor.fetchall())
            finally:
                cursor.execute("ROLLBACK")  # an UPDATE explained is not kept
        print(f"    EXPLAIN ANALYZE ({label}, {float(query['time']) * 1000:.1f} ms when run): {sql[:300]}\n{plan}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL, else a throw-away SQLite file")
    args = parser.parse_args()
    import os

    with scratch_database(args.database_url or os.environ.get("DATABASE_URL"), "cluster_scale"):
        from django.core.management import call_command
        from django.db import connection

        from signupguard import clusters, linking_pass
        from signupguard.models import AccountStatus, Attempt, Cluster
        from signupguard.retroactive import review_linked

        for n in (int(size) for size in args.sizes.split(",")):
            call_command("flush", interactive=False, verbosity=0)
            cluster_id, ids = build(n)
            cluster = Cluster.objects.get(pk=cluster_id)
            print(f"{connection.vendor}, a cluster of {cluster.size} accounts ({cluster.blocked_count} blocked), "
                  f"{cluster.links.count()} links:")
            runs = [timed(lambda: clusters.refresh(cluster_id)) for _ in range(args.runs)]
            print(f"  (a) refresh: {statistics.median(ms for ms, _ in runs):.1f} ms, {len(runs[0][1])} queries")
            if args.explain:
                explain(runs[-1][1], "refresh")
            runs = []
            for run in range(args.runs):  # a fresh device each run, on the last accounts
                attempt_id = signup(f"allowed{n}-{run}", ids[-(DEVICE - 1) - run * DEVICE:][:DEVICE - 1], blocked=False)
                runs.append(timed(lambda: linking_pass.link_one(attempt_id)))
            print(f"  (b) link one more allowed signup (link_one): {statistics.median(ms for ms, _ in runs):.1f} ms, "
                  f"{len(runs[0][1])} queries")
            observed, reviewed, held = [], [], 0
            for run in range(args.runs):  # seven cleared members (no blocked one) on the blocked signup's device
                holders = [uid for i, uid in enumerate(ids) if i % BLOCKED_EVERY][DEVICE * (run + 1):][:DEVICE - 1]
                attempt_id = signup(f"blocked{n}-{run}", holders, blocked=True)
                attempt = Attempt.objects.get(pk=attempt_id)
                observed.append(timed(lambda: clusters.observe(attempt)))
                reviewed.append(timed(lambda: review_linked(attempt.user_id)))
                held += AccountStatus.objects.filter(user_id__in=holders, status="review").count()
            print(f"  (c) one more blocked signup: linked in {statistics.median(ms for ms, _ in observed):.1f} ms, "
                  f"{len(observed[0][1])} queries; reviewed in {statistics.median(ms for ms, _ in reviewed):.1f} ms, "
                  f"{len(reviewed[0][1])} queries ({held} of {args.runs * (DEVICE - 1)} device mates held)")
            if args.explain:
                explain(observed[-1][1], "(c) linking")
                explain(reviewed[-1][1], "(c) review")
            cluster = Cluster.objects.get(pk=cluster_id)
            members = cluster.members.count()
            blocked = AccountStatus.objects.filter(user__signupguard_cluster_membership__cluster=cluster,
                                                   status="blocked").count()
            print(f"  after: size {cluster.size}, blocked {cluster.blocked_count} (counted: {members}, {blocked})")


if __name__ == "__main__":
    main()
