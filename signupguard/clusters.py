"""Campaign clusters, maintained incrementally as attempts are scored.

``observe(attempt)`` runs for every scored signup and successful login (the
linking pass, ``linking_pass``, after the verdict): it finds the accounts that share one of
the attempt's link keys (``signupguard.linking``, fan-out capped), records the
evidence, and merges their clusters: union by size (the larger cluster keeps
its id, the older one on a tie), every member of the smaller side re-pointed,
so "which cluster is this account in" is always one indexed lookup. A merge
can only join clusters, never split them, so growing edges keep it correct.

Only linked accounts have a cluster: an account that shares nothing with
anyone is not a campaign, and a singleton row per signup would only slow the
console down.

The aggregates (size, blocked count and share, first and last seen, top
attributes) are kept incrementally where the cluster's lock is held: an
account joining adds itself and its links (``_grow``), a block or its end
moves the blocked count by one (``count_blocked``). At a farm's 20,000
accounts recounting them on every link and every block cost O(n) each,
O(n^2) for the farm. A new cluster, a merge of clusters, ``refresh``
(retention, erasure, bulk moves in ``deferred_refresh``) and every growth of
the size by 1/``GROWTH`` recount them exactly; between those recounts only
the ranking of the top attributes can lag (their listed counts are exact).

Concurrency: the clusters being merged are locked (``select_for_update``) in
id order; two workers linking disjoint accounts at once never wait on each
other. A membership lost to a race is repaired by the account's next attempt.
A refresh of a cluster's aggregates locks it before it reads them, so it
waits for a merge in progress and counts the merged members; it holds no
other cluster's lock while it waits (see ``_lock_unless_merged``). On
PostgreSQL two workers linking accounts that share a key take turns on that
key (an advisory lock), so neither misses the other; every linking pass locks
keys before clusters, each in one order.
"""

from __future__ import annotations

import logging
import math
import zlib
from collections import Counter
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from datetime import timedelta
from typing import Any, Iterable, Iterator

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connections, router, transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Greatest
from django.db.models.signals import post_delete
from django.dispatch import receiver

from signupguard import signals
from signupguard.linking import RULES, LinkKey as Key, describe_key, link_keys
from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Link, LinkKey

logger = logging.getLogger("signupguard.clusters")

TOP_ATTRIBUTES = 5


def _holders(key: Key, *, user_id: int, when: Any, device: str) -> tuple[list[int], Key]:
    """Accounts that share ``key`` within its window (empty when the key is common), and the key they link by."""
    rule = key.rule
    horizon = max(rule.window, rule.horizon or 0.0)
    rows = list(
        LinkKey.objects.filter(kind=key.kind, value=key.value, last_seen__gte=when - timedelta(seconds=horizon))
        .exclude(user_id=user_id)
        .values_list("user_id", "device", "last_seen")[: rule.max_holders + 1]
    )
    if len(rows) > rule.max_holders:
        return [], key  # fan-out cap: a key this many accounts share is not a campaign's
    if rule.max_devices is not None:
        devices = {_device_or_account(d, uid) for uid, d, _ in rows} | {_device_or_account(device, user_id)}
        if len(devices) > rule.max_devices:
            return [], key  # many browsers behind one network or profile: a NAT, not a farm box
    since = when - timedelta(seconds=rule.window)
    return [uid for uid, _, seen in rows if seen >= since], key.linking(len(rows))


def _device_or_account(device: str, user_id: int) -> str:
    """What counts as one device behind a network: an account without a fingerprint is its own.

    (Signups without the collector, API clients or a "lite" integration, would otherwise
    never trip the ``max_devices`` cap, and a NAT full of them would link everyone.)
    """
    return device or f"account:{user_id}"


def _remember(key: Key, *, user_id: int, when: Any, device: str) -> None:
    updated = LinkKey.objects.filter(kind=key.kind, value=key.value, user_id=user_id).update(
        last_seen=Greatest("last_seen", when), device=device
    )
    if not updated:
        LinkKey.objects.bulk_create(
            [LinkKey(kind=key.kind, value=key.value, user_id=user_id, device=device, first_seen=when, last_seen=when)],
            ignore_conflicts=True,
        )


def observe(attempt: Attempt) -> Cluster | None:
    """Link the attempt's account to the accounts it shares keys with; its cluster or None.

    The account's keys are written, then the neighbours read, in one
    transaction under a lock: on PostgreSQL a lock on each of the attempt's
    keys (``_lock_keys``), on SQLite the database's one write lock, which the
    first write takes. A pass linking another account of the same device or
    mailbox at the same moment (another worker, or a web process with eager
    tasks) waits for this one's commit and sees it.
    """
    if attempt.user_id is None or not (attempt.kind == Attempt.Kind.SIGNUP or attempt.success):
        return None
    keys = link_keys(attempt.enrichment)
    if not keys:
        return None
    when, user_id = attempt.occurred_at, attempt.user_id
    # The device's identity (as the device key and velocity count it), else the raw fingerprint.
    device = next((k.value for k in keys if k.kind == "device"), attempt.device_fingerprint)[:128]
    # The holders are read under a lock (``_link``): two passes linking two accounts of one device at
    # once each read them before the other committed its key, and neither linked the other (audits).
    using = router.db_for_write(LinkKey)
    tries = _TRIES
    while True:
        try:
            return _link(attempt, keys, user_id=user_id, when=when, device=device, using=using)
        except IntegrityError:
            # PostgreSQL checks foreign keys at commit: an account erased between the last read of the
            # neighbours and the commit fails it, and nothing was written. Read them again, without it.
            tries -= 1
            if not tries or transaction.get_connection(using).in_atomic_block:
                raise


_TRIES = 3


def _link(attempt: Attempt, keys: list[Key], *, user_id: int, when: Any, device: str, using: str) -> Cluster | None:
    with transaction.atomic(using=using):  # the locks' transaction: on another connection they would not hold
        if connections[using].vendor == "postgresql":
            _lock_keys(keys, using=using)
        for key in keys:
            _remember(key, user_id=user_id, when=when, device=device)
        # Read under the lock: the keys' on PostgreSQL, on SQLite the database's write lock, which the
        # first write took. Another pass linking an account of the same key has committed, or waits.
        neighbours = _neighbours(keys, user_id=user_id, when=when, device=device)
        if neighbours:
            # Checked again just before the links are written: an account erased meanwhile must not be linked
            # (its rows would fail the commit's foreign-key check). One erased after this read still fails a
            # PostgreSQL commit, and ``observe`` links again.
            alive = set(get_user_model().objects.filter(pk__in=list(neighbours)).values_list("pk", flat=True))
            neighbours = {uid: key for uid, key in neighbours.items() if uid in alive}
        if not neighbours:
            return _touch(user_id, when)
        return _merge(attempt, neighbours, when, user_id=user_id)


def _neighbours(keys: list[Key], *, user_id: int, when: Any, device: str) -> dict[int, Key]:
    """The accounts sharing one of ``keys`` with the account, each with the strongest key linking it."""
    neighbours: dict[int, Key] = {}
    for key in keys:
        uids, linked_by = _holders(key, user_id=user_id, when=when, device=device)
        for uid in uids:
            if uid not in neighbours or (linked_by.rule.strong and not neighbours[uid].rule.strong):
                neighbours[uid] = linked_by  # the strongest evidence: what the retroactive policy weighs
    return neighbours


_KEY_LOCKS = 0x5347  # the advisory locks' first half: signupguard's link keys


def _lock_keys(keys: list[Key], *, using: str) -> None:
    """Lock the keys (PostgreSQL advisory locks, until the transaction ends), in one order for every worker."""
    ids = sorted({zlib.crc32(f"{key.kind}\0{key.value}".encode("utf-8", "surrogatepass")) - 2**31 for key in keys})
    with connections[using].cursor() as cursor:
        for lock_id in ids:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_KEY_LOCKS, lock_id])


def _touch(user_id: int, when: Any) -> Cluster | None:
    member = ClusterMember.objects.filter(user_id=user_id).select_related("cluster").first()
    if member is None:
        return None
    ClusterMember.objects.filter(pk=member.pk).update(last_seen=Greatest("last_seen", when))
    Cluster.objects.filter(pk=member.cluster_id).update(last_seen=Greatest("last_seen", when))
    return member.cluster


def _merge(attempt: Attempt, neighbours: dict[int, Key], when: Any, *, user_id: int) -> Cluster:
    participants = set(neighbours) | {user_id}
    current, clusters = _lock_clusters(participants)
    live = [c for c in clusters if c.status != Cluster.Status.MERGED]
    if live:
        keep = max(live, key=lambda c: (c.size, -c.pk))
    else:
        keep = Cluster.objects.create(first_seen=when, last_seen=when)
    absorbed = [c.pk for c in clusters if c.pk != keep.pk]
    # One account joining a cluster (the farm's every signup) adds to its aggregates what it brought; a new
    # cluster or a merge of clusters (whose members and links move anyway) recounts them (``_grow``).
    joining = bool(live) and not absorbed
    known = _links_from(user_id, neighbours) if joining else set()
    if absorbed:
        ClusterMember.objects.filter(cluster_id__in=absorbed).update(cluster=keep)
        Link.objects.filter(cluster_id__in=absorbed).update(cluster=keep)
        Cluster.objects.filter(merged_into_id__in=absorbed).update(merged_into=keep)
        # Its shared attributes (addresses, mailboxes, devices) are the kept cluster's now: no stale copy stays
        # behind, out of reach of retention and erasure, which recompute live clusters only.
        Cluster.objects.filter(pk__in=absorbed).update(
            status=Cluster.Status.MERGED, merged_into=keep, size=0, blocked_count=0, blocked_share=0.0,
            top_attributes=[],
        )
    ClusterMember.objects.bulk_create(
        [ClusterMember(user_id=uid, cluster=keep, first_seen=when, last_seen=when)
         for uid in participants if uid not in current],
        ignore_conflicts=True,
    )
    ClusterMember.objects.filter(user_id=user_id).update(last_seen=Greatest("last_seen", when))
    Link.objects.bulk_create(
        [Link(cluster=keep, source_id=user_id, target_id=uid, kind=key.kind, value=key.value, attempt=attempt, at=when)
         for uid, key in neighbours.items()],
        ignore_conflicts=True,
    )
    if keep.status == Cluster.Status.CLOSED:
        keep.status = Cluster.Status.OPEN  # a new account joined a campaign a reviewer closed: look again
        keep.save(update_fields=["status", "updated_at"])
    if joining:
        _grow(keep, joined=[uid for uid in participants if uid not in current], targets=list(neighbours), known=known,
              attempt=attempt, when=when)
    else:
        _recompute(keep)  # locked above, in this transaction
    return keep


def _links_from(user_id: int, neighbours: dict[int, Key]) -> set[tuple[int, str]]:
    """The (target, kind) of the links from the account to these neighbours that exist already."""
    return set(Link.objects.filter(source_id=user_id, target_id__in=list(neighbours)).values_list("target_id", "kind"))


def _memberships(user_ids: set[int]) -> dict[int, int]:
    return dict(ClusterMember.objects.filter(user_id__in=user_ids).values_list("user_id", "cluster_id"))


def _lock_clusters(user_ids: set[int]) -> tuple[dict[int, int], list[Cluster]]:
    """Lock the accounts' clusters: (their memberships, the locked clusters), read after the lock.

    Memberships read before the lock may be stale: another worker may have
    merged one of these clusters away meanwhile, and keeping it would strand
    the new members in a ``merged`` cluster. So they are read again once the
    lock is held, and the lock is taken again until a read agrees with it.
    A merged cluster that still has members (stranded by such a race before)
    brings the cluster it was merged into along.
    """
    current, followed = _memberships(user_ids), set[int]()
    while True:
        ids = sorted(set(current.values()) | followed)
        try:
            # Each pass in a savepoint: one whose read disagrees lets its locks go before the next
            # takes its own. Held on, the next pass could wait for a lower id while holding higher
            # ones, the reverse of the id order every other merge locks in (deadlock detected).
            with transaction.atomic():
                clusters = list(Cluster.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
                again = _memberships(user_ids)
                targets = {c.merged_into_id for c in clusters if c.status == Cluster.Status.MERGED and c.merged_into_id}
                if again != current or not targets <= set(ids):
                    raise _Moved
        except _Moved:
            current, followed = again, followed | targets  # a concurrent merge moved them: lock where they are now
            continue
        return current, clusters


class _Moved(Exception):
    """A locking pass found the accounts moved (``_lock_clusters``): its savepoint is rolled back."""


def refresh(cluster_id: int) -> Cluster | None:
    """Recompute a cluster's aggregates from its members and links (a few indexed queries); the cluster.

    A cluster merged away has no members left: the one it was merged into is
    refreshed (and returned) instead. None when the cluster was deleted.
    """
    # Only where rows can be locked: on SQLite a read-then-write transaction
    # would only add "database is locked" under a host's default transaction mode.
    using = router.db_for_write(Cluster)
    locking = connections[using].features.has_select_for_update
    with transaction.atomic(using=using, savepoint=False) if locking else nullcontext():
        cluster = _lock_live(cluster_id, using=using, locking=locking)
        if cluster is not None:
            _recompute(cluster)
        return cluster


def _lock_live(cluster_id: int, *, using: str, locking: bool) -> Cluster | None:
    """Lock the cluster, or the cluster it was merged into, before its aggregates are read; None if deleted.

    Why the lock: a merge holds both clusters' locks until it commits. Read
    without it, the aggregates may be from before a merge that commits before
    they are written: a stale size until the next refresh. Under READ COMMITTED
    the lock waits for that merge, and each read after it sees its members.
    (One UPDATE with subqueries would not do: they keep the statement's
    snapshot, from before the wait.) ``locking``: whether the database can lock rows.
    """
    seen: set[int] = set()
    while cluster_id not in seen:
        seen.add(cluster_id)
        cluster = _lock_unless_merged(cluster_id, using=using, locking=locking)
        if cluster is None or cluster.status != Cluster.Status.MERGED:
            return cluster
        if cluster.merged_into_id is None:
            return None  # merged into a cluster deleted since
        # Its members are there now, and a status change read before the merge is counted there.
        cluster_id = cluster.merged_into_id
    return None


def _lock_unless_merged(cluster_id: int, *, using: str, locking: bool) -> Cluster | None:
    """The cluster, locked unless it turns out merged (then its lock is let go at once); None if deleted.

    A merge locks the clusters it touches in id order: one that read the
    memberships before this cluster was merged away locks it too, after the
    cluster it went into when that one's id is lower. A refresh holding this
    one while it waits for that one closes a cycle (PostgreSQL aborts one
    side); rolling the savepoint back releases it (not a lock the caller's
    transaction took before).
    """
    clusters = Cluster.objects.using(using).select_for_update().filter(pk=cluster_id)
    if not locking:
        return clusters.first()
    with transaction.atomic(using=using):
        cluster = clusters.first()
        if cluster is not None and cluster.status == Cluster.Status.MERGED:
            transaction.set_rollback(True, using=using)
    return cluster


# A cluster is recounted in full (``_recompute``) each time its size crosses a step of 1/GROWTH: the top
# attributes' ranking can lag that much, and any drift of the counts is repaired there. Small clusters always.
GROWTH = 8
SMALL = 64


def _recount_due(before: int, after: int) -> bool:
    """Whether a cluster grown from ``before`` to ``after`` accounts is recounted: O(1) a join, amortised."""
    return after <= SMALL or _step(before) != _step(after)


def _step(size: int) -> int:
    return int(math.log(max(size, 1)) / math.log(1 + 1 / GROWTH))


def _grow(cluster: Cluster, *, joined: list[int], targets: list[int], known: set[tuple[int, str]], attempt: Attempt,
          when: Any) -> None:
    """Add one join to the locked cluster's aggregates: the accounts and links it wrote, and their statuses.

    Reads only those rows, not the cluster's (at farm scale a recount per
    signup was O(n), O(n^2) over the farm). Both are read back after the
    inserts: a membership or link another worker wrote first is not this
    join's. The listed top attributes keep exact counts (their new links are
    added); one rising into the top five shows at the next full recount
    (``_recount_due``), or at a ``refresh``.
    """
    added = list(ClusterMember.objects.filter(cluster_id=cluster.pk, user_id__in=joined)
                 .values_list("user_id", flat=True)) if joined else []
    if _recount_due(cluster.size, cluster.size + len(added)):
        _recompute(cluster)
        return
    # Read by the account's links (the unique index), not the cluster's: a planner may walk all of those.
    links = Link.objects.filter(source_id=attempt.user_id, target_id__in=targets)
    new = Counter((kind, value) for target, kind, value, cluster_id, attempt_id
                  in links.values_list("target_id", "kind", "value", "cluster_id", "attempt_id")
                  if (target, kind) not in known and cluster_id == cluster.pk and attempt_id == attempt.pk)
    if added:
        cluster.size += len(added)
        cluster.blocked_count += AccountStatus.objects.filter(
            user_id__in=added, status=AccountStatus.Status.BLOCKED).count()
        cluster.first_seen = min(cluster.first_seen, when)
    cluster.blocked_share = cluster.blocked_count / cluster.size if cluster.size else 0.0
    cluster.last_seen = max(cluster.last_seen, when)
    counts = {(row.get("kind", ""), row.get("value", "")): row.get("links", 0) for row in cluster.top_attributes}
    for attribute, n in new.items():
        if attribute in counts or len(counts) < TOP_ATTRIBUTES:  # fewer listed: every attribute is
            counts[attribute] = counts.get(attribute, 0) + n
    cluster.top_attributes = _top(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_ATTRIBUTES])
    cluster.save(update_fields=["size", "blocked_count", "blocked_share", "first_seen", "last_seen",
                                "top_attributes", "updated_at"])


def _top(rows: Iterable[tuple[tuple[str, str], int]]) -> list[dict[str, Any]]:
    return [{"kind": kind, "value": value, "links": links, "text": describe_key(kind, value)}
            for (kind, value), links in rows]


def _recompute(cluster: Cluster) -> None:
    """Write the locked cluster's aggregates, read from its members and links."""
    agg = ClusterMember.objects.filter(cluster_id=cluster.pk).aggregate(
        size=Count("pk"), first=Min("first_seen"), last=Max("last_seen"),
        blocked=Count("pk", filter=Q(user__signupguard_status__status="blocked")),
    )
    top = (
        Link.objects.filter(cluster_id=cluster.pk).values("kind", "value")
        .annotate(links=Count("pk")).order_by("-links", "kind", "value")[:TOP_ATTRIBUTES]
    )
    size = agg["size"] or 0
    cluster.size, cluster.blocked_count = size, agg["blocked"] or 0
    cluster.blocked_share = (cluster.blocked_count / size) if size else 0.0
    if agg["first"] is not None:
        cluster.first_seen = min(cluster.first_seen, agg["first"])
        cluster.last_seen = max(cluster.last_seen, agg["last"])
    cluster.top_attributes = _top(((row["kind"], row["value"]), row["links"]) for row in top)
    # Only the aggregates: the other fields are the merge's and the reviewers' to write.
    cluster.save(update_fields=["size", "blocked_count", "blocked_share", "first_seen", "last_seen",
                                "top_attributes", "updated_at"])


_deferred: ContextVar[set[int] | None] = ContextVar("signupguard_clusters_deferred", default=None)


@contextmanager
def deferred_refresh() -> Iterator[None]:
    """Blocks (and their ends) inside the block refresh no cluster; each cluster touched is refreshed once at its end.

    For bulk moves (blocking a cluster, the retroactive review), whose
    transaction commits before the block ends: the refresh after the commit
    recounts, where adding each move to the count then could add one a merge
    committed meanwhile has counted already. Holds for review move no count,
    and touch no cluster. A nested block defers to the outermost one. When
    the block raises, nothing is refreshed (its transaction normally rolls
    the moves back; the next refresh of the cluster repairs the aggregates
    otherwise).
    """
    if _deferred.get() is not None:
        yield
        return
    clusters: set[int] = set()
    token = _deferred.set(clusters)
    try:
        yield
    finally:
        _deferred.reset(token)
    for cluster_id in sorted(clusters):
        refresh(cluster_id)  # one deleted meanwhile is skipped


def _refresh_later(cluster_id: int) -> bool:
    """Inside ``deferred_refresh``, note the cluster for its end (True); outside, False."""
    clusters = _deferred.get()
    if clusters is None:
        return False
    clusters.add(cluster_id)
    return True


def cluster_of(user: Any) -> Cluster | None:
    """The account's cluster, or None when it is linked to no one."""
    user_id = getattr(user, "pk", user)
    member = ClusterMember.objects.filter(user_id=user_id).select_related("cluster").first()
    return member.cluster if member is not None else None


def links_of(user_ids: Iterable[int], *, cluster_id: int) -> list[Link]:
    """The evidence touching these accounts inside one cluster (for the detail page)."""
    ids = list(user_ids)
    return list(
        Link.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids), cluster_id=cluster_id)
        .select_related("source", "target").order_by("at", "pk")[:200]
    )


def strong_kinds() -> tuple[str, ...]:
    """Link kinds that identify one operator on their own (device, mailbox)."""
    return tuple(kind for kind, rule in RULES.items() if rule.strong)


def _on_status_changed(sender: Any, user: Any, signal: Any = None, new_account: bool = False,
                       previous: str | None = None, **kwargs: Any) -> None:
    if new_account:
        return  # a first status row, pending: no cluster's blocked share moved
    # Only a block, or its end, moves an aggregate: a hold for review or a clearing of a held account, none.
    delta = 1 if signal is signals.account_blocked else -int(previous == AccountStatus.Status.BLOCKED)
    if not delta:
        return
    cid = ClusterMember.objects.filter(user_id=user.pk).values_list("cluster_id", flat=True).first()
    if cid is not None and not _refresh_later(cid):
        count_blocked(cid, delta)  # in the status change's transaction, as a refresh was


def count_blocked(cluster_id: int, delta: int) -> Cluster | None:
    """Add ``delta`` accounts blocked (or, negative, no longer blocked) to the cluster's count, under its lock.

    One status change moves the count by one: a refresh re-read every member
    (O(n) a block, O(n^2) for a farm's). Locked as ``refresh`` locks: a merge
    in progress commits first, and its recount, which read the statuses
    before this change committed, is the count this adds to.
    """
    using = router.db_for_write(Cluster)
    locking = connections[using].features.has_select_for_update
    with transaction.atomic(using=using, savepoint=False) if locking else nullcontext():
        cluster = _lock_live(cluster_id, using=using, locking=locking)
        if cluster is not None:
            cluster.blocked_count = max(0, cluster.blocked_count + delta)
            cluster.blocked_share = cluster.blocked_count / cluster.size if cluster.size else 0.0
            cluster.save(update_fields=["blocked_count", "blocked_share", "updated_at"])
        return cluster


for _signal in (signals.account_blocked, signals.account_cleared, signals.account_held):
    _signal.connect(_on_status_changed, dispatch_uid=f"signupguard.clusters.status.{id(_signal)}")


@receiver(post_delete, sender=ClusterMember, dispatch_uid="signupguard.clusters.member_deleted")
def _on_member_deleted(sender: Any, instance: ClusterMember, **kwargs: Any) -> None:
    """A deleted account (erasure) leaves its cluster: its size must not keep counting it.

    (Deleting many accounts at once: wrap it in ``deferred_refresh`` to refresh each cluster once.)
    """
    if not _refresh_later(instance.cluster_id):
        refresh(instance.cluster_id)  # a cluster deleted with it is skipped
