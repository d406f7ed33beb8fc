"""A farm's cluster must not make each of its signups cost more as it grows (session 37, after an audit at farm scale).

Each link recounted the cluster's members and regrouped all its links (37-161 ms at 20,000 accounts), each
block recounted it again, and the review after a blocked signup read every member's status, score and strong
links: O(n) a signup, O(n^2) a farm. On PostgreSQL the rows each statement reads are counted
(``pg_stat_xact_*``; sequential scans off, so each reads through its indexes as it does at farm scale), and
the rows the review fetches: a cluster of 1,000 accounts against one of 100. The aggregates kept
incrementally must stay what a recount says, on both databases.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from signupguard import clusters
from signupguard.clusters import deferred_refresh, observe, refresh
from signupguard.linking_pass import link_one
from signupguard.linking import link_keys
from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Link, LinkKey
from signupguard.status import set_status
from tests.test_clusters import _attempt, _device

pytestmark = pytest.mark.django_db
DEVICE = 8  # accounts a device in the farm
BLOCKED_EVERY = 10  # of which one in ten blocked by the model; the others held by the retroactive action


def _farm(members: int, tag: str) -> tuple[int, list[int]]:
    """A farm's cluster as the linking pass stores it (devices of eight, chained by a domain): (id, accounts)."""
    User, now = get_user_model(), timezone.now()
    ids = [u.pk for u in User.objects.bulk_create([User(username=f"{tag}{i}", password="!") for i in range(members)])]
    blocked = [i % BLOCKED_EVERY == 0 for i in range(members)]
    Attempt.objects.bulk_create([
        Attempt(event_id=f"{tag}-{i}", kind="signup", occurred_at=now, user_id=uid, state="scored",
                score=0.99 if blocked[i] else 0.02, scored_at=now) for i, uid in enumerate(ids)])
    AccountStatus.objects.bulk_create([
        AccountStatus(user_id=uid, status="blocked" if blocked[i] else "review",
                      source="model" if blocked[i] else "cluster") for i, uid in enumerate(ids)])
    cluster = Cluster.objects.create(first_seen=now, last_seen=now)
    ClusterMember.objects.bulk_create([ClusterMember(user_id=uid, cluster=cluster) for uid in ids])
    links = []
    for i, uid in enumerate(ids):
        group = i - i % DEVICE
        links += [Link(cluster=cluster, source_id=uid, target_id=ids[j], kind="device", value=f"{tag}-dev-{group}")
                  for j in range(group, i)]
        if i == group and i:
            links.append(Link(cluster=cluster, source_id=uid, target_id=ids[i - DEVICE], kind="domain",
                              value=f"{tag}.io"))
    Link.objects.bulk_create(links)
    refresh(cluster.pk)
    return cluster.pk, ids


def _signup(n: int, holders: list[int], *, blocked: bool) -> Attempt:
    """A scored signup waiting to be linked, on a device the ``holders`` used (cleared, when the signup is blocked)."""
    attempt = _attempt(n, ip=f"10.{n % 250}.1.1", device=_device(f"fp-new-{n}"))  # a private network links none
    device = next(key for key in link_keys(attempt.enrichment) if key.kind == "device")
    LinkKey.objects.bulk_create([LinkKey(kind="device", value=device.value, user_id=uid, device=device.value,
                                         last_seen=attempt.occurred_at) for uid in holders])
    Attempt.objects.filter(pk=attempt.pk).update(link_pending=True, score=0.99 if blocked else 0.02)
    AccountStatus.objects.create(user_id=attempt.user_id, status="blocked" if blocked else "cleared", source="model")
    if blocked:
        AccountStatus.objects.filter(user_id__in=holders).update(status="cleared", source="model")
    return attempt


def _postgresql_reading_through_indexes() -> None:
    """Planned as at farm scale: with statistics, and without sequential scans (the tables are large there)."""
    if connection.vendor != "postgresql":
        pytest.skip("rows read are counted by PostgreSQL's statistics views")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SET LOCAL enable_seqscan = off")  # the test's transaction


def _rows_read(work: Callable[[], Any]) -> int:
    """Table and index rows PostgreSQL read while ``work`` ran (this transaction's statistics)."""
    # Per table: rows its sequential scans read; per index: entries its scans returned.
    query = ("SELECT sum(pg_stat_get_xact_tuples_returned(c.oid)) FROM pg_class c"
             " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i')")
    with connection.cursor() as cursor:
        cursor.execute(query)
        before = cursor.fetchone()[0]
        work()
        cursor.execute(query)
        return cursor.fetchone()[0] - before


def _rows_fetched(work: Callable[[], Any]) -> int:
    """Rows the statements ``work`` sent returned to Python."""
    fetched = 0

    def count(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        nonlocal fetched
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith("SELECT"):
            fetched += max(0, context["cursor"].rowcount)
        return result

    with connection.execute_wrapper(count):
        work()
    return fetched


def _holders(ids: list[int], start: int) -> list[int]:
    """Seven accounts of the farm not blocked by the model, from the ``start``-th of them."""
    return [uid for i, uid in enumerate(ids) if i % BLOCKED_EVERY][start:start + DEVICE - 1]


def test_linking_into_and_blocking_in_a_farm_read_as_many_rows_at_1000_accounts_as_at_100() -> None:
    small, large = _farm(100, "s"), _farm(1000, "l")
    _postgresql_reading_through_indexes()
    read = {}
    for n, (cluster_id, ids) in enumerate((small, large)):
        attempt = _signup(10_000 + n, _holders(ids, 40), blocked=False)
        linking = _rows_read(lambda: observe(attempt))  # the linking pass's clusters part
        assert ClusterMember.objects.get(user_id=attempt.user_id).cluster_id == cluster_id
        member = get_user_model().objects.get(pk=ids[1])
        blocking = _rows_read(lambda: set_status(member, "blocked", source="reviewer", reason="t"))
        read[len(ids)] = (linking, blocking)
    (small_linking, small_blocking), (large_linking, large_blocking) = read[100], read[1000]
    # Before: each recounted the members and (linking) regrouped the links: thousands more rows for 900 accounts.
    assert large_linking - small_linking < 50, read
    assert large_blocking - small_blocking < 20, read
    for cluster_id, ids in (small, large):
        stored = Cluster.objects.get(pk=cluster_id)
        assert (stored.size, stored.blocked_count) == (len(ids) + 1, len(ids) // BLOCKED_EVERY + 1)


def test_the_review_after_a_blocked_farm_signup_fetches_as_many_rows_at_1000_accounts_as_at_100() -> None:
    farms = [_farm(size, f"f{size}-") for size in (100, 1000)]
    _postgresql_reading_through_indexes()
    fetched, held = {}, {}
    for n, (cluster_id, ids) in enumerate(farms):
        size = len(ids)
        holders = _holders(ids, 40)
        attempt = _signup(20_000 + n, holders, blocked=True)
        fetched[size] = _rows_fetched(lambda: link_one(attempt.pk))  # links it, then reviews its cluster
        held[size] = AccountStatus.objects.filter(user_id__in=holders, status="review", source="cluster").count()
    assert held == {100: DEVICE - 1, 1000: DEVICE - 1}  # its device's accounts, held for review
    # Before: every member's status (and score, and strong links): 100 vs 1,000 rows and several times that.
    assert fetched[1000] - fetched[100] < 20, fetched


def _recounted(cluster_id: int) -> tuple[int, int, dict[tuple[str, str], int]]:
    """(size, blocked, links of each listed top attribute), recounted from the rows."""
    stored = Cluster.objects.get(pk=cluster_id)
    members = ClusterMember.objects.filter(cluster_id=cluster_id)
    blocked = AccountStatus.objects.filter(user_id__in=members.values("user_id"), status="blocked").count()
    links = {(row["kind"], row["value"]): Link.objects.filter(cluster_id=cluster_id, kind=row["kind"],
                                                              value=row["value"]).count()
             for row in stored.top_attributes}
    return members.count(), blocked, links


def _stored(cluster_id: int) -> tuple[int, int, dict[tuple[str, str], int]]:
    stored = Cluster.objects.get(pk=cluster_id)
    assert stored.blocked_share == pytest.approx(stored.blocked_count / stored.size)
    top = {(row["kind"], row["value"]): row["links"] for row in stored.top_attributes}
    return stored.size, stored.blocked_count, top


def test_the_aggregates_kept_per_join_and_per_block_stay_what_a_recount_says(monkeypatch) -> None:
    # Past two accounts a join adds to the counts, as a farm's does, and recounts at 6, 36, ... (not every 1/8).
    monkeypatch.setattr(clusters, "SMALL", 2)
    monkeypatch.setattr(clusters, "GROWTH", 0.2)
    n = iter(range(30_000, 31_000))
    a = [observe(_attempt(next(n), ip=f"10.1.{k}.1", device=_device("fp-a"), email=f"a{k}@gmail.com"))
         for k in range(12)][-1]
    b = [observe(_attempt(next(n), ip=f"10.2.{k}.1", device=_device("fp-b"), email=f"b{k}@gmail.com"))
         for k in range(4)][-1]
    members = list(get_user_model().objects.filter(signupguard_cluster_membership__cluster=a).order_by("pk"))
    set_status(members[0], "blocked", source="reviewer", reason="t")
    set_status(members[1], "review", source="reviewer", reason="t")  # a hold moves no count
    set_status(members[2], "blocked", source="model", reason="t")
    set_status(members[2], "cleared", source="reviewer", reason="t")  # an undone block does
    with deferred_refresh():
        set_status(members[3], "blocked", source="reviewer", reason="t")
        set_status(members[4], "blocked", source="reviewer", reason="t")
    blocked_newcomer = _attempt(next(n), ip="10.3.1.1", device=_device("fp-a"), email="c@gmail.com")
    AccountStatus.objects.create(user_id=blocked_newcomer.user_id, status="blocked", source="model")
    observe(blocked_newcomer)  # joins blocked
    observe(_attempt(next(n), user=members[5], ip="10.3.2.1",
                     device=_device("fp-a"), email="a5@gmail.com"))  # a member's login: links known already
    for cluster_id in (a.pk, b.pk):
        assert _stored(cluster_id) == _recounted(cluster_id)
    assert _stored(a.pk)[:2] == (13, 4)
    merger = observe(_attempt(next(n), ip="10.4.1.1", device=_device("fp-b"), email="a1@gmail.com"))
    assert merger.pk == a.pk and Cluster.objects.get(pk=b.pk).status == Cluster.Status.MERGED
    assert _stored(a.pk) == _recounted(a.pk)
    assert _stored(a.pk)[:2] == (18, 4)
