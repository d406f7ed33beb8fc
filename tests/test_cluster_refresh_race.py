"""A cluster refresh racing a merge (an audit finding): the stored aggregates must match the members after both commit.

The race tests run on PostgreSQL with real transactions, one thread and
connection each, in a fixed order: the merge (cluster B into A) is done but
held uncommitted; the other side starts and waits on a lock the merge holds;
then the merge commits. Before the fix the refresh read its aggregates before
the merge committed and wrote them after it (a stale size on A, or on the
merged B), every time. SQLite runs one write transaction at a time.

A refresh that follows a merged cluster must not hold its lock while it
waits for the one it went into: a merge that read older memberships locks
them the other way round (deadlock detected, one side aborted).
"""

from __future__ import annotations

import threading
from typing import Any, Callable

import pytest
from django.db import connection, transaction
from django.utils import timezone

from signupguard.clusters import observe, refresh
from signupguard.models import Attempt, Cluster, ClusterMember
from signupguard.retroactive import suppressed
from signupguard.status import set_status
from tests.plugins.races import pause_after
from tests.plugins.services import wait_until
from tests.test_clusters import _attempt, _device


def _two_clusters() -> tuple[Cluster, Cluster, Attempt]:
    """A (three accounts on one device), B (two on another), and an attempt linking both: A absorbs B."""
    for n in (1, 2, 3):
        big = observe(_attempt(n, ip=f"10.{n}.1.1", device=_device("fp-big"), email=f"u{n}@gmail.com"))
    for n in (4, 5):
        small = observe(_attempt(n, ip=f"10.{n}.1.1", device=_device("fp-small"), email=f"u{n}@gmail.com"))
    assert (big.size, small.size) == (3, 2)
    # B's device, and A's first account's mailbox.
    merger = _attempt(6, ip="10.6.1.1", device=_device("fp-small"), email="u1@gmail.com")
    return big, small, merger


def _stored(cluster: Cluster) -> tuple[int, int, str]:
    cluster.refresh_from_db()
    return cluster.size, cluster.blocked_count, cluster.status


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0


def _during_merge(merger: Attempt, other: Callable[[], Any]) -> list[BaseException]:
    """Merge, hold the merge uncommitted while ``other`` starts and waits on its lock, then commit; their errors."""
    merged, release, errors = threading.Event(), threading.Event(), []

    def merge() -> None:
        with transaction.atomic():
            observe(merger)
            merged.set()
            assert release.wait(30), "the other side never waited for the merge"

    def after_merge() -> None:
        assert merged.wait(30), "the merge never happened"
        other()

    def run(action: Callable[[], Any]) -> None:
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
            merged.set()  # never leave the other side waiting
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(action,)) for action in (merge, after_merge)]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: _waiting_on_a_lock() or errors, timeout=30, what="the other side to wait for the merge")
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
    assert not any(thread.is_alive() for thread in threads), "a side hung"
    return errors


@pytest.mark.parametrize("refreshed", ["surviving", "absorbed"])
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only")
def test_a_refresh_racing_a_merge_leaves_the_merged_sizes(refreshed: str) -> None:
    big, small, merger = _two_clusters()
    errors = _during_merge(merger, lambda: refresh((big if refreshed == "surviving" else small).pk))

    assert not errors, errors
    assert ClusterMember.objects.filter(cluster=big).count() == 6
    assert _stored(big) == (6, 0, "open")  # not A's three from before the merge
    assert _stored(small) == (0, 0, "merged")  # not B's two from before the merge


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only")
def test_blocking_an_account_whose_cluster_is_being_merged_away_counts_in_the_merged_cluster() -> None:
    big, small, merger = _two_clusters()
    member = ClusterMember.objects.filter(cluster=small).select_related("user").first().user

    def block() -> None:  # its cluster is still B when its status changes: A's refresh did not see the block
        with suppressed():  # no retroactive review of the cluster: only this block is counted
            set_status(member, "blocked", source="reviewer", reason="farm")

    assert not _during_merge(merger, block)
    assert _stored(big) == (6, 1, "open")
    assert _stored(small) == (0, 0, "merged")


@pytest.mark.django_db
def test_refreshing_a_merged_cluster_refreshes_the_one_it_was_merged_into() -> None:
    big, small, merger = _two_clusters()
    observe(merger)
    Cluster.objects.filter(pk=big.pk).update(size=1)  # left stale by a refresh before the fix
    assert refresh(small.pk) == big
    assert _stored(big) == (6, 0, "open") and _stored(small) == (0, 0, "merged")


@pytest.mark.django_db
def test_refreshing_a_deleted_cluster_does_nothing() -> None:
    big, _, _ = _two_clusters()
    pk = big.pk
    big.delete()
    assert refresh(pk) is None


class _Side:
    """One transaction's thread, on its own connection: its backend's pid, and its error if it failed."""

    def __init__(self, name: str, action: Callable[[], Any]) -> None:
        self.name = name
        self.pid: int | None = None
        self.error: BaseException | None = None
        started = threading.Event()

        def run() -> None:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    self.pid = cursor.fetchone()[0]
                started.set()
                action()
            except BaseException as exc:  # noqa: BLE001 - reported to the test
                self.error = exc
            finally:
                started.set()
                connection.close()  # this thread's own connection

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert started.wait(30), "a side never started"

    def blocked_by(self, other: "_Side") -> bool:
        """Whether this side waits on a lock ``other`` holds (or waits for)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s = ANY(pg_blocking_pids(%s))", [other.pid, self.pid])
            return cursor.fetchone()[0]


def _step(sides: list[_Side], ready: Callable[[], bool], what: str) -> None:
    """Wait for the next step of the interleaving; fail at once when a side failed on the way."""
    wait_until(lambda: any(side.error for side in sides) or ready(), timeout=30, what=what)
    errors = {side.name: side.error for side in sides if side.error}
    assert not errors, errors


def _held(action: Callable[[], Any], done: threading.Event, release: threading.Event) -> Callable[[], None]:
    """``action`` in a transaction held open once it is done, until ``release``."""
    def run() -> None:
        with transaction.atomic():
            action()
            done.set()
            assert release.wait(30), "never released"
    return run


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only")
def test_a_refresh_following_a_merge_does_not_deadlock_with_a_merge_that_read_older_memberships() -> None:
    """The lock-order inversion two reviewers suspected, in the one order that produces it.

    B is merged into A (A.id < B.id). A second merge, bridging both, read the
    memberships while B still had members: it locks A, then B (id order). A
    refresh of B waits for B, finds it merged and goes for A. A third linking
    worker (on A only) first in line for A lets the refresh get B before the
    bridging merge gets A. Holding B while asking for A, the refresh closed a
    cycle (deadlock detected, one of them aborted); it must let B go first.
    """
    big, small, merger = _two_clusters()
    assert big.pk < small.pk
    # No two of the three linking workers share a key: one would wait for the other's uncommitted key
    # (clusters._lock_keys) before reading the memberships, which are then the merged ones.
    joiner = _attempt(7, ip="10.7.1.1", device=_device("fp-joiner"), email="u3@gmail.com")  # A's mailbox only
    bridge = _attempt(8, ip="10.8.1.1", device=_device("fp-big"), email="u5@gmail.com")  # A's device, B's mailbox
    merged, joined, release_merge, release_join, locked, resume = (threading.Event() for _ in range(6))

    def refresh_b() -> None:
        with connection.execute_wrapper(pause_after("FOR UPDATE", locked, resume)):
            refresh(small.pk)

    sides: list[_Side] = []
    try:
        sides.append(merge := _Side("merge", _held(lambda: observe(merger), merged, release_merge)))  # holds A and B
        _step(sides, merged.is_set, "B merged into A")
        sides.append(join := _Side("joining merge", _held(lambda: observe(joiner), joined, release_join)))
        _step(sides, lambda: join.blocked_by(merge), "the joining merge to wait for A")
        sides.append(bridging := _Side("bridging merge", lambda: observe(bridge)))  # reads B's members in B: locks A, then B
        _step(sides, lambda: bridging.blocked_by(join), "the bridging merge to wait for A, behind the joining one")
        sides.append(refreshing := _Side("refresh", refresh_b))
        _step(sides, lambda: refreshing.blocked_by(merge), "the refresh to wait for B")
        release_merge.set()
        _step(sides, lambda: joined.is_set() and locked.is_set(), "the joining merge to get A, the refresh B")
        release_join.set()
        _step(sides, lambda: bridging.blocked_by(refreshing), "the bridging merge to get A and wait for B")
    finally:
        for event in (release_merge, release_join, resume):
            event.set()  # the refresh goes on: for A, if it still holds B
        for side in sides:
            side.thread.join(30)
    assert not any(side.thread.is_alive() for side in sides), "a side hung"
    errors = {side.name: side.error for side in sides if side.error}
    assert not errors, errors  # before the fix: "deadlock detected" in the refresh or the bridging merge

    assert ClusterMember.objects.filter(cluster=big).count() == 8
    assert _stored(big) == (8, 0, "open")  # the refresh waited for the bridging merge and counted it
    assert _stored(small) == (0, 0, "merged")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only")
def test_a_merge_that_finds_its_accounts_moved_lets_its_locks_go_before_it_locks_again(monkeypatch, django_user_model) -> None:
    """A merge locks the clusters it read the accounts in, then reads the memberships again; when a
    concurrent merge moved an account meanwhile, it locks where the account is now. Still holding
    the first locks, it would take a lower id after a higher one: the reverse of the id order every
    other merge takes them in (deadlock detected, one side aborted)."""
    from signupguard import clusters

    now = timezone.now()
    low, high = (Cluster.objects.create(first_seen=now, last_seen=now) for _ in range(2))
    user = django_user_model.objects.create_user(username="moved")
    ClusterMember.objects.create(user=user, cluster=low, first_seen=now, last_seen=now)  # moved from high to low
    holds_high, other_holds_low = threading.Event(), threading.Event()
    reads: list[int] = []
    real = clusters._memberships

    def memberships(user_ids: set[int]) -> dict[int, int]:
        if threading.current_thread().name != "merge":
            return real(user_ids)
        reads.append(1)
        if len(reads) == 1:
            return {user.pk: high.pk}  # read before the concurrent merge moved the account
        if len(reads) == 2:  # the first pass holds high's lock
            holds_high.set()
            assert other_holds_low.wait(30), "the other merge never locked low"
        return real(user_ids)

    monkeypatch.setattr(clusters, "_memberships", memberships)
    locked: list[Any] = []
    errors: list[BaseException] = []

    def merge() -> None:
        with transaction.atomic():
            locked.append(clusters._lock_clusters({user.pk}))

    def other() -> None:  # another merge, locking in id order
        assert holds_high.wait(30), "the first pass never locked high"
        with transaction.atomic():
            list(Cluster.objects.select_for_update().filter(pk=low.pk))
            other_holds_low.set()
            list(Cluster.objects.select_for_update().filter(pk=high.pk))

    def run(action: Callable[[], Any]) -> None:
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
            holds_high.set()
            other_holds_low.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(merge,), name="merge"), threading.Thread(target=run, args=(other,))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads), "a side hung"
    assert not errors, errors
    [(current, clusters_locked)] = locked
    assert current == {user.pk: low.pk} and [c.pk for c in clusters_locked] == [low.pk]
