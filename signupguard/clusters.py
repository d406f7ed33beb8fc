"""Campaign clusters, maintained incrementally as attempts are scored.

``observe(attempt)`` runs for every scored signup and successful login (the
``attempt_scored`` receiver below): it finds the accounts that share one of
the attempt's link keys (``signupguard.linking``, fan-out capped), records the
evidence, and merges their clusters: union by size (the larger cluster keeps
its id, the older one on a tie), every member of the smaller side re-pointed,
so "which cluster is this account in" is always one indexed lookup. A merge
can only join clusters, never split them, so growing edges keep it correct.

Only linked accounts have a cluster: an account that shares nothing with
anyone is not a campaign, and a singleton row per signup would only slow the
console down.

Concurrency: the clusters being merged are locked (``select_for_update``) in
id order; two workers linking disjoint accounts at once never wait on each
other. A membership lost to a race is repaired by the account's next attempt.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from functools import partial
from typing import Any, Iterable

from django.db import DatabaseError, OperationalError, transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Greatest
from django.dispatch import receiver

from signupguard import signals
from signupguard.linking import RULES, LinkKey as Key, describe_key, link_keys
from signupguard.models import Attempt, Cluster, ClusterMember, Link, LinkKey

logger = logging.getLogger("signupguard.clusters")

TOP_ATTRIBUTES = 5


def _holders(key: Key, *, user_id: int, when: Any, device: str) -> list[int]:
    """Accounts that share ``key`` within its window; empty when the key is common."""
    rule = key.rule
    horizon = max(rule.window, rule.horizon or 0.0)
    rows = list(
        LinkKey.objects.filter(kind=key.kind, value=key.value, last_seen__gte=when - timedelta(seconds=horizon))
        .exclude(user_id=user_id)
        .values_list("user_id", "device", "last_seen")[: rule.max_holders + 1]
    )
    if len(rows) > rule.max_holders:
        return []  # fan-out cap: a key this many accounts share is not a campaign's
    if rule.max_devices is not None:
        devices = {d for _, d, _ in rows if d} | ({device} if device else set())
        if len(devices) > rule.max_devices:
            return []  # many browsers behind one network or profile: a NAT, not a farm box
    since = when - timedelta(seconds=rule.window)
    return [uid for uid, _, seen in rows if seen >= since]


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
    """Link the attempt's account to the accounts it shares keys with; its cluster or None."""
    if attempt.user_id is None or not (attempt.kind == Attempt.Kind.SIGNUP or attempt.success):
        return None
    keys = link_keys(attempt.enrichment)
    if not keys:
        return None
    when, user_id = attempt.occurred_at, attempt.user_id
    device = attempt.device_fingerprint or next((k.value for k in keys if k.kind == "device"), "")
    with transaction.atomic():
        neighbours: dict[int, Key] = {}
        for key in keys:
            for uid in _holders(key, user_id=user_id, when=when, device=device):
                neighbours.setdefault(uid, key)
            _remember(key, user_id=user_id, when=when, device=device)
        if not neighbours:
            return _touch(user_id, when)
        return _merge(attempt, neighbours, when)


def _touch(user_id: int, when: Any) -> Cluster | None:
    member = ClusterMember.objects.filter(user_id=user_id).select_related("cluster").first()
    if member is None:
        return None
    ClusterMember.objects.filter(pk=member.pk).update(last_seen=Greatest("last_seen", when))
    Cluster.objects.filter(pk=member.cluster_id).update(last_seen=Greatest("last_seen", when))
    return member.cluster


def _merge(attempt: Attempt, neighbours: dict[int, Key], when: Any) -> Cluster:
    user_id = attempt.user_id
    participants = set(neighbours) | {user_id}
    current = dict(ClusterMember.objects.filter(user_id__in=participants).values_list("user_id", "cluster_id"))
    ids = sorted(set(current.values()))
    clusters = list(Cluster.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if clusters:
        keep = max(clusters, key=lambda c: (c.size, -c.pk))
    else:
        keep = Cluster.objects.create(first_seen=when, last_seen=when)
    absorbed = [c.pk for c in clusters if c.pk != keep.pk]
    if absorbed:
        ClusterMember.objects.filter(cluster_id__in=absorbed).update(cluster=keep)
        Link.objects.filter(cluster_id__in=absorbed).update(cluster=keep)
        Cluster.objects.filter(merged_into_id__in=absorbed).update(merged_into=keep)
        Cluster.objects.filter(pk__in=absorbed).update(
            status=Cluster.Status.MERGED, merged_into=keep, size=0, blocked_count=0, blocked_share=0.0
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
    return refresh(keep.pk)


def refresh(cluster_id: int) -> Cluster:
    """Recompute a cluster's aggregates from its members and links (a few indexed queries)."""
    agg = ClusterMember.objects.filter(cluster_id=cluster_id).aggregate(
        size=Count("pk"), first=Min("first_seen"), last=Max("last_seen"),
        blocked=Count("pk", filter=Q(user__signupguard_status__status="blocked")),
    )
    top = (
        Link.objects.filter(cluster_id=cluster_id).values("kind", "value")
        .annotate(links=Count("pk")).order_by("-links", "kind", "value")[:TOP_ATTRIBUTES]
    )
    size = agg["size"] or 0
    cluster = Cluster.objects.get(pk=cluster_id)
    cluster.size, cluster.blocked_count = size, agg["blocked"] or 0
    cluster.blocked_share = (cluster.blocked_count / size) if size else 0.0
    if agg["first"] is not None:
        cluster.first_seen = min(cluster.first_seen, agg["first"])
        cluster.last_seen = max(cluster.last_seen, agg["last"])
    cluster.top_attributes = [
        {"kind": row["kind"], "value": row["value"], "links": row["links"], "text": describe_key(row["kind"], row["value"])}
        for row in top
    ]
    cluster.save()
    return cluster


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


@receiver(signals.attempt_scored, dispatch_uid="signupguard.clusters.on_attempt_scored")
def on_attempt_scored(sender: Any, attempt: Attempt, **kwargs: Any) -> None:
    """Keep clusters current as attempts are scored.

    Runs after the verdict commits, in its own transaction: linking costs
    several queries and must not delay the verdict the user is waiting for.
    """
    transaction.on_commit(partial(_observe_committed, attempt.pk))


def _observe_committed(attempt_id: int, *, tries: int = 4) -> None:
    for attempt_no in range(tries):
        try:
            with transaction.atomic():
                attempt = Attempt.objects.filter(pk=attempt_id).first()
                if attempt is not None:
                    observe(attempt)
            return
        except OperationalError:
            # Write contention ("database is locked" on SQLite) passes: try again.
            if attempt_no + 1 < tries:
                time.sleep(0.05 * 2**attempt_no)
                continue
            logger.exception("signupguard: could not update clusters for attempt %s", attempt_id)
        except DatabaseError:
            # Clusters are a reviewer aid; a failed update must not fail scoring.
            logger.exception("signupguard: could not update clusters for attempt %s", attempt_id)
        return


def _on_status_changed(sender: Any, user: Any, new_account: bool = False, **kwargs: Any) -> None:
    if new_account:
        return  # a first status row, pending: no cluster's blocked share moved
    cid = ClusterMember.objects.filter(user_id=user.pk).values_list("cluster_id", flat=True).first()
    if cid is not None:
        refresh(cid)  # the blocked share moved


for _signal in (signals.account_blocked, signals.account_cleared, signals.account_held):
    _signal.connect(_on_status_changed, dispatch_uid=f"signupguard.clusters.status.{id(_signal)}")
