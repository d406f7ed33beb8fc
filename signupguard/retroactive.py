"""The retroactive action: when an account is blocked, look again at its cluster.

A farm's first accounts often get through: velocity has not built up yet, so
they are cleared and may already hold API keys. Once one of them is blocked
(by the model, a rule or a reviewer), the others are re-scored with what the
cluster now says about them, and the policy below decides:

* The evidence is the cluster's accounts blocked by the model, a rule or a
  reviewer: never those this action blocked itself, which would otherwise
  count as new evidence and block the rest of the cluster in turn.
* ``cluster score = 1 - (1 - own score) * (1 - blocked share)``: the chance
  that either the account's own signals or its campaign make it fraud, where
  the blocked share counts the *other* members. It is compared with the
  active model's thresholds, so one scale rules both decisions.
* Only a strong link (same device, or same mailbox where both accounts
  verified it: ``verified_mailboxes`` of the adapter) straight to a blocked
  account can block, and only once the account shares a device or mailbox with
  ``CLUSTER_BLOCK_MIN`` blocked accounts (a household on one tablet is not a farm) and the cluster score
  or ``CLUSTER_BLOCK_SHARE`` says so; a strong link always means review.
* Any other member (a weak link: a /24 within an hour, a company domain, a
  browser profile; or only a chain of links) goes to review at most, once the
  cluster score or ``CLUSTER_REVIEW_SHARE`` says so: a person decides, and
  one bad apple does not put a whole university in the queue.
* Accounts a reviewer decided (or approved) are never overruled, even when
  the approval lands while the review runs, and exempt accounts are left
  alone; blocked accounts lose their keys through the usual
  ``account_blocked`` path (set_status).

When a reviewer takes a block back (undo, or approval of a blocked account),
the evidence it gave is gone: ``release_linked`` judges again the accounts
this action held or blocked, and returns those the remaining evidence no
longer holds that far to where it found them, with the keys it revoked.

The work runs in a Celery task enqueued on commit (in the blocking process
itself when the broker is down), or, for a verdict's block, in the linking
pass right after the account is linked (``signupguard.clusters``); it is idempotent (status moves are guarded
by ``only_from``) and cheap when there is nothing to do.
"""

from __future__ import annotations

import logging
import math
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Iterable

from celery import shared_task
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import OperationalError, transaction
from django.db.models import Count, Q
from django.dispatch import receiver

from signupguard import signals
from signupguard.adapter import get_adapter
from signupguard.clusters import deferred_refresh, strong_kinds
from signupguard.conf import number_setting
from signupguard.models import Attempt, ClusterMember, Label, Link, StatusChange
from signupguard.policy import reaches_block
from signupguard.scoped import ScopedFlag
from signupguard.status import BLOCKED, CLEARED, PENDING, REVIEW, set_status

logger = logging.getLogger(__name__)

_suppressed = ScopedFlag("signupguard_retroactive_suppressed")
_to_linking = ScopedFlag("signupguard_retroactive_to_linking")


@dataclass(slots=True)
class RetroOutcome:
    reviewed: int = 0
    blocked: int = 0
    released: int = 0  # held or blocked by this action, and let go again


_SEVERITY = {None: 0, CLEARED: 0, PENDING: 0, REVIEW: 1, BLOCKED: 2}


def thresholds() -> tuple[float, float]:
    """(review, block) of the active model, after settings overrides."""
    from signupguard.model import registry
    from signupguard.policy import effective_thresholds

    found = effective_thresholds(registry.load_active().thresholds)
    return found.review, found.block


def cluster_score(own: float | None, blocked_share: float) -> float:
    """Noisy-OR of the account's own score and its cluster's blocked share."""
    return 1.0 - (1.0 - float(own or 0.0)) * (1.0 - blocked_share)


def verdict(
    *, own: float | None, share: float, strong: bool, review_at: float, block_at: float, blocked: int,
) -> str | None:
    """The retroactive policy for one clustered account: ``blocked``, ``review`` or None.

    ``blocked`` counts the blocked accounts it shares a device or verified mailbox
    with, and ``strong`` is such a link straight to one of them. In a small
    cluster the share says little (two people on one tablet are a cluster of
    two), so even a strong link blocks only with at least ``CLUSTER_BLOCK_MIN``
    of them; anything weaker means review at most.
    """
    score = cluster_score(own, share)
    # number_setting: a value that is no number is its default (check E038), not a linking pass that raises.
    if strong and blocked >= (number_setting("CLUSTER_BLOCK_MIN") or 0):
        if reaches_block(score, block_at) or share >= (number_setting("CLUSTER_BLOCK_SHARE") or 0):
            return BLOCKED
    if score >= review_at or strong or share >= (number_setting("CLUSTER_REVIEW_SHARE") or 0):
        return REVIEW
    return None


def _approvals(user_ids: Any) -> Any:
    """Reviewers' legitimate labels on these accounts: a reviewer vouched for them."""
    return approvals_of_all().filter(attempt__user_id__in=user_ids)


def approvals_of_all() -> Any:
    """Every reviewer's legitimate label: what vouches for an account."""
    return Label.objects.filter(source=Label.Source.REVIEWER, label=Label.Value.LEGIT)


def _reviewed(user_ids: list[int]) -> Any:
    """Reviewers' labels of either kind on these accounts: a person looked at them (a block they
    confirmed keeps this action as its source, so the status row alone does not say so)."""
    return Label.objects.filter(attempt__user_id__in=user_ids, source=Label.Source.REVIEWER)


def _decided_by_reviewer(row: Any) -> bool:
    """Under the status row's lock: whether a reviewer decided or approved the account meanwhile."""
    return row.source == StatusChange.Source.REVIEWER or _approvals([row.user_id]).exists()


def review_linked(user_id: int, *, only: int | None = None) -> RetroOutcome:
    """Re-score the accounts clustered with ``user_id`` and hold or block them per the policy.

    ``only``: judge that account alone (a newcomer linked to the cluster's blocked accounts).
    """
    outcome = RetroOutcome()
    cluster_id = ClusterMember.objects.filter(user_id=user_id).values_list("cluster_id", flat=True).first()
    if cluster_id is None:
        return outcome
    evidence = _review_evidence(cluster_id, only=only)
    candidates = [uid for uid, status, source in evidence.rows
                  if status in (CLEARED, PENDING, REVIEW, None) and source != StatusChange.Source.REVIEWER
                  and (only is None or uid == only)]
    if not evidence.blocked_count or not candidates:
        return outcome
    # Read by the cluster, not by a list of its accounts: every blocked farm signup reviews its cluster, and
    # an IN list of 20,000 ids in three statements (and 20,000 user objects) per signup was most of the
    # linking pass's time (found in an audit at farm scale). Scores: only the candidates' (the accounts not
    # held yet, by the cluster; the few held ones it may block, by their ids).
    members = None if only is not None else _members_of(cluster_id)
    vouched = set(_approvals(candidates if members is None else members).values_list("attempt__user_id", flat=True))
    candidates = [uid for uid in candidates if uid not in vouched]  # a reviewer approved them
    if members is None:
        own = _own_scores(candidates)
    else:  # the accounts not held yet by the cluster (a farm's first block has thousands), the held few by id
        own = _own_scores(_open_members(cluster_id).values("user_id"))
        own.update(_own_scores([uid for uid, status, _ in evidence.rows if status == REVIEW]))
    status_of = {uid: status for uid, status, _ in evidence.rows}
    review_at, block_at = thresholds()
    moves = {uid: to for uid in candidates
             if (to := evidence.judge(uid, own=own.get(uid), review_at=review_at, block_at=block_at)) is not None
             and to != status_of[uid]}
    users = get_user_model()._default_manager.in_bulk(list(moves))  # only the accounts it moves
    exempt = get_adapter().is_exempt
    # Its own blocks start no review of their own (they are no evidence either): no cascade.
    with deferred_refresh(), transaction.atomic(), suppressed():  # one refresh of the cluster, at the end
        for uid, to in moves.items():
            if uid not in users or exempt(users[uid]):
                continue
            share = evidence.share(uid)
            if uid in evidence.linked:
                reason = f"same device or mailbox as a blocked account in cluster #{cluster_id} ({share:.0%} of it blocked)"
            else:
                reason = (f"in cluster #{cluster_id}, {evidence.others(uid)} of whose accounts are blocked "
                          f"({share:.0%})")
            allowed = [PENDING, CLEARED, REVIEW] if to == BLOCKED else [PENDING, CLEARED]
            if set_status(users[uid], to, source=StatusChange.Source.CLUSTER, reason=reason, only_from=allowed,
                          unless=_decided_by_reviewer):
                if to == BLOCKED:
                    outcome.blocked += 1
                else:
                    outcome.reviewed += 1
    return outcome


@dataclass(slots=True)
class Evidence:
    """What a cluster says about its accounts (``_cluster_evidence``)."""

    rows: list[tuple[int, str | None, str | None]]  # (user, status, source) of the members read (see size)
    blocked: set[int]  # blocks by the model, a rule or a reviewer (those read): never this action's own
    linked: set[int]  # by a device or a mailbox to a blocked account: held for review at least
    strong: set[int]  # of those, links that can block: a device, or a mailbox both accounts verified
    # The blocked accounts each of those shares a device or verified mailbox with: CLUSTER_BLOCK_MIN counts
    # these, not every blocked account of the cluster (one copied device plus blocks linked elsewhere blocked).
    strong_to: dict[int, set[int]] = field(default_factory=dict)
    size: int = -1  # the cluster's accounts, and of them blocked as ``blocked`` counts; -1: those read
    blocked_count: int = -1

    def __post_init__(self) -> None:
        if self.size < 0:
            self.size, self.blocked_count = len(self.rows), len(self.blocked)

    def others(self, uid: int) -> int:
        """The blocked accounts of the cluster other than ``uid``."""
        return self.blocked_count - (uid in self.blocked)

    def share(self, uid: int) -> float:
        """The share of the other members that are blocked."""
        return self.others(uid) / max(1, self.size - 1)

    def judge(self, uid: int, *, own: float | None, review_at: float, block_at: float) -> str | None:
        """The retroactive policy's verdict for member ``uid`` (``verdict``), held at least when linked."""
        others = self.others(uid)
        if not others:
            return None
        strong_blocked = len(self.strong_to.get(uid, set()) - {uid})
        return verdict(own=own, share=self.share(uid), strong=uid in self.strong, review_at=review_at,
                       block_at=block_at, blocked=strong_blocked) or (REVIEW if uid in self.linked else None)


def _cluster_evidence(cluster_id: int, *, only: int | None = None) -> Evidence:
    """The cluster's members and evidence; ``only``: the links of that account alone."""
    rows: list[tuple[int, str | None, str | None]] = list(ClusterMember.objects.filter(cluster_id=cluster_id).values_list(
        "user_id", "user__signupguard_status__status", "user__signupguard_status__source"))
    blocked = {uid for uid, status, source in rows if status == BLOCKED and source != StatusChange.Source.CLUSTER}
    evidence = Evidence(rows=rows, blocked=blocked, linked=set(), strong=set())
    if not blocked:
        return evidence
    links = Link.objects.filter(cluster_id=cluster_id, kind__in=strong_kinds())
    if only is not None:
        links = links.filter(Q(source_id=only) | Q(target_id=only))
    _weigh(evidence, links.values_list("kind", "source_id", "target_id"))
    return evidence


def _weigh(evidence: Evidence, links: Iterable[tuple[str, int, int]]) -> None:
    """Fill in who ``links`` (kind, source, target) tie to the evidence's blocked accounts, and how strongly."""
    blocked = evidence.blocked
    pairs = [(kind, a, b) for kind, a, b in links if a in blocked or b in blocked]
    proved = proof_of(pairs)
    for kind, a, b in pairs:
        can_block = proved(kind, a, b)
        for blocked_end, other in ((a, b), (b, a)):
            if blocked_end in blocked:
                evidence.linked.add(other)
                if can_block:
                    evidence.strong.add(other)
                    evidence.strong_to.setdefault(other, set()).add(blocked_end)


# Accounts judged sent as a list up to a device's worth (a farm's next device); above, the cluster's subquery:
# what the review sends must not grow with the cluster (IN lists of 20,000 ids, an audit at farm scale).
_LISTED = 8


def _open_members(cluster_id: int) -> Any:
    """The cluster's accounts not held yet: cleared, pending, or without a status."""
    return ClusterMember.objects.filter(cluster_id=cluster_id).filter(
        Q(user__signupguard_status__status__in=[CLEARED, PENDING]) | Q(user__signupguard_status__isnull=True))


def _review_evidence(cluster_id: int, *, only: int | None = None) -> Evidence:
    """``_cluster_evidence`` for ``review_linked``: only the rows of the accounts it may move, not every member's.

    Every blocked farm signup reviews its cluster, and reading each member's
    status, score and strong links (about 31,000 rows at 20,000 accounts)
    was O(n) a signup. The policy moves only accounts not held yet (cleared,
    pending, no status) and held ones it can block: a block takes a device
    or mailbox shared with ``CLUSTER_BLOCK_MIN`` blocked accounts. So this
    reads those accounts (the held ones found by a grouped count of their
    strong links to blocked accounts), the strong links touching them and
    which of their ends are blocked; the cluster's size and blocks as counts.
    ``only``: that account, its links, and the blocked accounts at their ends.
    """
    members = ClusterMember.objects.filter(cluster_id=cluster_id)
    fields = ("user_id", "user__signupguard_status__status", "user__signupguard_status__source")
    evidence_of = (members.filter(user__signupguard_status__status=BLOCKED)
                   .exclude(user__signupguard_status__source=StatusChange.Source.CLUSTER))
    blocked_count = evidence_of.count()
    evidence = Evidence(rows=[], blocked=set(), linked=set(), strong=set(), size=members.count(),
                        blocked_count=blocked_count)
    if not blocked_count:
        return evidence
    links = Link.objects.filter(cluster_id=cluster_id, kind__in=strong_kinds()).order_by()
    listed = True  # the accounts judged, and so the links' ends, few enough for lists of ids
    if only is not None:
        evidence.rows = list(members.filter(user_id=only).values_list(*fields))
        touching = links.filter(Q(source_id=only) | Q(target_id=only))
    else:
        held = _blockable(links, evidence_of.values("user_id"), number_setting("CLUSTER_BLOCK_MIN") or 0)
        evidence.rows = list(_open_members(cluster_id).values_list(*fields))
        evidence.rows += list(members.filter(user_id__in=held, user__signupguard_status__status=REVIEW)
                              .values_list(*fields)) if held else []
        # By a list while short (an index scan each way, as a farm's next device); by the cluster when much of
        # it is not held yet (a farm's first block), whose statements must not grow with it.
        judged = [uid for uid, _, _ in evidence.rows]
        listed = len(judged) <= _LISTED
        if listed:
            touching = links.filter(Q(source_id__in=judged) | Q(target_id__in=judged))
        else:  # one statement a side: an OR of subqueries is planned as a scan of all the cluster's links
            opened = _open_members(cluster_id).values("user_id")
            touching = links.filter(source_id__in=opened).union(
                links.filter(target_id__in=opened), links.filter(Q(source_id__in=held) | Q(target_id__in=held)))
    pairs = list(touching.values_list("kind", "source_id", "target_id"))
    # The blocked accounts at their ends; past a list's worth, the cluster's (one id a blocked account).
    blocked = evidence_of.filter(user_id__in={end for _, a, b in pairs for end in (a, b)}) if listed else evidence_of
    evidence.blocked = set(blocked.values_list("user_id", flat=True)) if pairs else set()
    _weigh(evidence, pairs)
    return evidence


def _blockable(links: Any, blocked: Any, least: float) -> list[int]:
    """Accounts with strong links to at least ``least`` of the ``blocked`` accounts, or some more (the proof
    of a mailbox is the adapter's): counted in the database, per direction, each at least half of them."""
    half = max(1, math.ceil(least / 2))
    found: set[int] = set()
    for blocked_end, other in (("source_id", "target_id"), ("target_id", "source_id")):
        found.update(links.filter(**{f"{blocked_end}__in": blocked}).values(other)
                     .annotate(ends=Count(blocked_end, distinct=True)).filter(ends__gte=half)
                     .values_list(other, flat=True))
    return sorted(found)


def proof_of(pairs: list[tuple[str, Any, Any]]) -> Callable[[str, Any, Any], bool]:
    """Whether a strong link ``(kind, a, b)`` of ``pairs`` proves one operator: a device does; a mailbox only
    where both accounts verified that mailbox. An address nobody proved is whoever typed it (anyone can sign up
    with a customer's), not each account some address of its own. The adapter is asked once, for the mailboxes
    among ``pairs``: per account it cost two queries each (found in a review)."""
    mailboxes = {uid for kind, a, b in pairs if kind == "email" for uid in (a, b)}
    verified = get_adapter().verified_mailboxes(mailboxes) if mailboxes else {}
    return lambda kind, a, b: kind != "email" or bool(verified.get(a, set()) & verified.get(b, set()))


def _members_of(cluster_id: int) -> Any:
    """The cluster's accounts, as a subquery."""
    return ClusterMember.objects.filter(cluster_id=cluster_id).values("user_id")


def _own_scores(user_ids: Any) -> dict[int, float]:
    """Each account's own score: that of its signup."""
    scores = (Attempt.objects.filter(user_id__in=user_ids, kind=Attempt.Kind.SIGNUP, score__isnull=False)
              .order_by("user_id", "created_at").values_list("user_id", "score"))
    return {user_id: score for user_id, score in scores if score is not None}


def _found_at(user_id: int) -> tuple[str, Any]:
    """(the status this action found the account in, when it last blocked it): its own moves walked back."""
    found, blocked_at = "", None
    moves = StatusChange.objects.filter(account__user_id=user_id).order_by("-at", "-pk")
    for source, from_status, to_status, at in moves.values_list("source", "from_status", "to_status", "at")[:50]:
        if source != StatusChange.Source.CLUSTER:
            break
        found = from_status
        if to_status == BLOCKED and blocked_at is None:
            blocked_at = at
    return found, blocked_at


def release_linked(user_id: int) -> RetroOutcome:
    """After a block in ``user_id``'s cluster was taken back: let go what this action no longer has evidence for.

    Each account this action holds or blocks is judged again with the blocks
    that remain. Where the policy now holds it less far, it goes to review
    (still held, by what remains) or back where the action found it: a
    cleared account to cleared, with the keys its block revoked when the
    adapter allows; any other to review, where a person decides. Accounts a
    person or the model moved since are not this action's any more.
    """
    outcome = RetroOutcome()
    cluster_id = ClusterMember.objects.filter(user_id=user_id).values_list("cluster_id", flat=True).first()
    if cluster_id is None:
        return outcome
    evidence = _cluster_evidence(cluster_id)
    held = {uid: status for uid, status, source in evidence.rows
            if status in (REVIEW, BLOCKED) and source == StatusChange.Source.CLUSTER}
    for uid in _reviewed(list(held)).values_list("attempt__user_id", flat=True):
        held.pop(uid, None)
    if not held:
        return outcome
    own = _own_scores(list(held))
    review_at, block_at = thresholds()
    users = get_user_model()._default_manager.in_bulk(list(held))
    adapter = get_adapter()
    from signupguard.review import API_KEYS_APP  # the reviewer's path restores keys the same way

    keys_installed = apps.is_installed(API_KEYS_APP)
    with deferred_refresh(), transaction.atomic(), suppressed():
        for uid, current in held.items():
            to = evidence.judge(uid, own=own.get(uid), review_at=review_at, block_at=block_at)
            if _SEVERITY[to] >= _SEVERITY[current] or uid not in users:
                continue
            found, blocked_at = _found_at(uid)
            target = REVIEW if to == REVIEW or found != CLEARED else CLEARED
            if target == current:
                continue
            reason = f"cluster #{cluster_id}: a block it rested on was taken back"
            if set_status(users[uid], target, source=StatusChange.Source.CLUSTER, reason=reason, only_from=[current],
                          unless=lambda row: row.source != StatusChange.Source.CLUSTER
                          or _reviewed([row.user_id]).exists()):
                outcome.released += 1
                if target == CLEARED and blocked_at is not None and keys_installed and adapter.can_restore_keys(users[uid]):
                    from signupguard.contrib.rest_framework_api_key.keys import restore_keys

                    restore_keys(users[uid], since=blocked_at)  # those its block revoked, not a reviewer's
    if outcome.released:
        # A block that committed while this ran was not in the evidence it read: look again, after the commit.
        transaction.on_commit(partial(enqueue, user_id))
    return outcome


@shared_task(
    name="signupguard.retroactive.review_linked", ignore_result=True,
    # Write contention (SQLite's "database is locked", a dropped connection) is
    # transient: retry with backoff rather than lose the review of a farm.
    autoretry_for=(OperationalError,), retry_backoff=1, retry_backoff_max=60, max_retries=8,
)
def review_linked_task(user_id: int) -> dict[str, int]:
    """Celery entry point of ``review_linked`` (takes a primary key, safe to run twice)."""
    outcome = review_linked(user_id)
    return {"reviewed": outcome.reviewed, "blocked": outcome.blocked}


@shared_task(
    name="signupguard.retroactive.release_linked", ignore_result=True,
    autoretry_for=(OperationalError,), retry_backoff=1, retry_backoff_max=60, max_retries=8,
)
def release_linked_task(user_id: int) -> dict[str, int]:
    """Celery entry point of ``release_linked`` (takes a primary key, safe to run twice)."""
    return {"released": release_linked(user_id).released}


def enqueue_release(user_id: int) -> None:
    """``enqueue`` for ``release_linked``: a task, or here and now while the broker is down."""
    _send(release_linked_task, release_linked, user_id)


def enqueue(user_id: int) -> None:
    """Send the task for a clustered account; if the broker is down, do the review here and now.

    Nothing would come back for it later (no attempt is left pending), so an
    outage must not lose the review of a farm; it is cheap (a few queries per
    cluster). Errors are logged, never raised into the block, which stands.
    """
    _send(review_linked_task, review_linked, user_id)


def _send(task: Any, work: Callable[[int], RetroOutcome], user_id: int) -> None:
    if not ClusterMember.objects.filter(user_id=user_id).exists():
        return  # linked to no one: nothing to look at again
    try:
        task.apply_async(args=[user_id], retry=False)
        return
    except Exception as exc:  # noqa: BLE001 - kombu, redis and socket errors alike
        from signupguard.tasks import describe_error

        logger.warning("signupguard: broker unavailable (%s); reviewing the cluster of %s in this process",
                       describe_error(exc), user_id)
    try:
        work(user_id)
    except Exception:  # noqa: BLE001
        logger.exception("signupguard: %s of the cluster of %s failed; the cluster's page in the admin shows "
                         "its accounts to decide by hand", work.__name__, user_id)


def suppressed() -> AbstractContextManager[None]:
    """Blocks inside this block do not trigger the retroactive review (block_cluster blocks them all)."""
    return _suppressed.on()


def left_to_linking() -> AbstractContextManager[None]:
    """Blocks inside this block are reviewed by the linking pass, once the account is linked (a verdict's block)."""
    return _to_linking.on()


def on_block_confirmed(user: Any) -> None:
    """A reviewer made a block of the model's or this action's their own: new evidence, so review the cluster again."""
    if not _suppressed and not _to_linking:
        transaction.on_commit(partial(enqueue, user.pk))


@receiver(signals.account_blocked, dispatch_uid="signupguard.retroactive.on_account_blocked")
def on_account_blocked(sender: Any, user: Any, **kwargs: Any) -> None:
    """Schedule the retroactive review of the blocked account's cluster, after commit.

    A verdict's block is reviewed by the linking pass instead
    (``signupguard.linking_pass.link_one``): its account is not linked yet.
    """
    if _suppressed or _to_linking or user is None:
        return
    transaction.on_commit(partial(enqueue, user.pk))
