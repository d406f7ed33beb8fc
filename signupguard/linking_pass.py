"""The linking pass: when scored attempts are linked into clusters (``clusters.observe``).

Linking costs a few dozen queries (20-30 ms on the project's machine, more
under load). Run right after each verdict, in the scoring task, it made the
next signup's scoring wait for it. Now the verdict only marks the attempt
``link_pending`` (in the verdict's own UPDATE); one coalesced task links
every marked attempt once the worker is idle, and hands the worker back as
soon as a scoring task waits. A verdict that blocks an account leaves the
retroactive review of its cluster to the same pass, right after the
account is linked (before, the block and the linking both ran on commit,
linking first).
"""

from __future__ import annotations

import logging
import time
from contextlib import AbstractContextManager
from datetime import timedelta
from functools import partial
from typing import Any, Callable

from celery import shared_task
from django.db import DatabaseError, OperationalError, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone

from signupguard import signals
from signupguard.clusters import observe, strong_kinds
from signupguard.conf import seconds_setting
from signupguard.models import AccountStatus, Attempt, Link
from signupguard.scoped import ScopedFlag

logger = logging.getLogger("signupguard.clusters")  # the name hosts' logging configs already filter on


LINK_TASK = "signupguard.clusters.link_pending"  # named when the pass lived in clusters; hosts route it by this name
# An older attempt waiting to be linked for less than this means a pass is
# already on its way: a new verdict publishes no task of its own. And an
# attempt waiting to be scored for less than this means its scoring task is
# on its way: the pass makes way for it.
COALESCE_SECONDS = 10.0
_last_scoring = 0.0  # time.monotonic() when this process last finished scoring an attempt
_sweeping = ScopedFlag("signupguard_clusters_sweeping")


def sweeping() -> AbstractContextManager[None]:
    """Inside the sweep, verdicts publish no linking task: the sweep links them itself when it ends.

    (It runs while the broker is down or hangs: a publish could wait for it.)
    """
    return _sweeping.on()


def needs_link(attempt: Attempt) -> bool:
    """Whether a scored attempt is linked into clusters (signups and successful logins of an account)."""
    return attempt.user_id is not None and (attempt.kind == Attempt.Kind.SIGNUP or bool(attempt.success))


def scoring_done() -> None:
    """Called by the scoring task when it finishes: linking waits ``LINK_IDLE`` after it."""
    global _last_scoring
    _last_scoring = time.monotonic()


@receiver(signals.attempt_scored, dispatch_uid="signupguard.clusters.on_attempt_scored")
def on_attempt_scored(sender: Any, attempt: Attempt, **kwargs: Any) -> None:
    """After the verdict commits, make sure a linking pass will take the attempt."""
    if getattr(attempt, "link_pending", False):
        transaction.on_commit(partial(schedule_linking, attempt.pk))


def _eager() -> bool:
    return bool(link_pending_task.app.conf.task_always_eager)


def schedule_linking(attempt_id: int | None = None) -> None:
    """Publish the linking task, unless a pass is already on its way for older verdicts.

    With eager Celery (the demo, tests) the pass runs here and now. If the
    publish fails, the attempt stays ``link_pending`` and the sweep links it.
    """
    if _sweeping:
        return
    if _eager():
        link_pending()
        return
    recent = timezone.now() - timedelta(seconds=COALESCE_SECONDS)
    waiting = Attempt.objects.filter(link_pending=True, scored_at__gte=recent)
    if attempt_id is not None:
        # Only an *older* waiting verdict means a pass is on its way: two verdicts that commit
        # at once must not each leave the publish to the other (then nobody publishes).
        mine = Attempt.objects.filter(pk=attempt_id).values_list("scored_at", flat=True).first()
        if mine is not None:
            waiting = waiting.filter(Q(scored_at__lt=mine) | Q(scored_at=mine, pk__lt=attempt_id))
        else:
            waiting = waiting.exclude(pk=attempt_id)
    if waiting.exists():
        return  # the pass on its way for those links this one too: it runs until none is left
    _publish(countdown=seconds_setting("LINK_IDLE"))  # its default while unusable (check E043)


def _publish(*, countdown: float) -> bool:
    try:
        link_pending_task.apply_async(countdown=max(0.0, countdown), retry=False)
        return True
    except Exception as exc:  # noqa: BLE001 - kombu, redis and socket errors alike: the sweep links them
        from signupguard.tasks import describe_error

        logger.warning("signupguard: could not publish the linking task (%s); the sweep will link", describe_error(exc))
        return False


def scoring_waiting() -> bool:
    """Whether scoring work waits for the workers: a task this worker reserved, or a signup committed in the
    last seconds and not yet scored.

    Asked of the database, not the broker: a worker's consumer may already
    have popped the next message from the broker (it waits on the queue
    while a task runs), where neither the queue nor the worker's reserved
    requests show it. Every scoring task is for such an attempt, committed
    before its task is published. (An attempt whose publish was lost stops
    counting after ``COALESCE_SECONDS``; the sweep scores it.) Logins count
    only once this worker holds their task: a login's account is not held
    while it waits, and logins routed to workers of their own (README,
    Production layout) kept every signups' worker from linking while a flood
    of failed logins waited there (a new signup linked after
    ``LINK_MAX_DELAY``, 30 s, instead of within 3 s).
    """
    from celery.worker import state

    for request in list(state.reserved_requests):
        if request.name != LINK_TASK and request not in state.active_requests:
            return True
    recent = timezone.now() - timedelta(seconds=COALESCE_SECONDS)
    return Attempt.objects.filter(state=Attempt.State.PENDING, created_at__gte=recent,
                                  kind=Attempt.Kind.SIGNUP).exists()


def _strongly_linked_to_blocked(user_id: int) -> bool:
    """Whether the account shares a device or mailbox with a blocked account."""
    blocked = AccountStatus.objects.filter(status=AccountStatus.Status.BLOCKED).values("user_id")
    links = Link.objects.filter(kind__in=strong_kinds())
    return (links.filter(source_id=user_id, target_id__in=blocked).exists()
            or links.filter(target_id=user_id, source_id__in=blocked).exists())


def link_one(attempt_id: int) -> bool:
    """Link one scored attempt; then, if its account is blocked, review its cluster. False if done or gone.

    An account linked by device or mailbox to a blocked one is judged by the
    retroactive policy as it would have been had it signed up before that
    block: a farm's mailbox back a week later is held, not cleared.

    Both steps are idempotent, and ``link_pending`` is cleared only after
    both: an error or a worker that dies halfway leaves the attempt to a
    later pass (or the sweep), which does it again.
    """
    from signupguard.retroactive import review_linked

    attempt = Attempt.objects.filter(pk=attempt_id, link_pending=True).first()
    if attempt is None:
        return False  # linked meanwhile by another pass, or deleted
    observe(attempt)
    if attempt.user_id is not None:
        if AccountStatus.objects.filter(user_id=attempt.user_id, status=AccountStatus.Status.BLOCKED).exists():
            review_linked(attempt.user_id)  # reads, then writes in a transaction of its own
        elif _strongly_linked_to_blocked(attempt.user_id):
            review_linked(attempt.user_id, only=attempt.user_id)
    Attempt.objects.filter(pk=attempt_id, link_pending=True).update(link_pending=False)
    return True


def link_pending(
    *, limit: int = 1000, scored_before: Any = None, should_yield: Callable[[], bool] | None = None,
    at_least: int = 0,
) -> tuple[int, bool]:
    """Link waiting attempts, oldest verdict first: (how many were linked, whether some are left).

    ``should_yield`` is asked before each attempt (after the first
    ``at_least``); when it says so, the pass stops and reports that some are left.
    """
    done = 0
    queryset = Attempt.objects.filter(link_pending=True)
    if scored_before is not None:
        queryset = queryset.filter(scored_at__lt=scored_before)
    while done < limit:
        ids = list(queryset.order_by("scored_at", "pk").values_list("pk", flat=True)[:min(50, limit - done)])
        if not ids:
            return done, False
        for attempt_id in ids:
            if should_yield is not None and done >= at_least and should_yield():
                return done, True
            try:
                linked = link_one(attempt_id)
            except OperationalError as exc:  # write contention ("database is locked"): a later pass
                from signupguard.tasks import describe_error

                logger.warning("signupguard: linking attempt %s deferred: %s", attempt_id, describe_error(exc))
                return done, True
            except DatabaseError:
                # Clusters are a reviewer aid: an attempt that cannot be linked must not stop the others.
                logger.exception("signupguard: could not link attempt %s", attempt_id)
                Attempt.objects.filter(pk=attempt_id).update(link_pending=False)
                continue
            done += int(linked)
    return done, queryset.exists()


@shared_task(name=LINK_TASK, ignore_result=True)
def link_pending_task() -> int:
    """Celery entry point of the linking pass; safe to run twice, or in several workers at once.

    Waits (by publishing itself again with a countdown) until this worker
    has been free of scoring for ``LINK_IDLE`` seconds; links while no
    scoring task is waiting; publishes itself again for what is left.
    """
    if _eager():
        return link_pending()[0]
    idle = seconds_setting("LINK_IDLE")
    starving = Attempt.objects.filter(
        link_pending=True, scored_at__lt=timezone.now() - timedelta(seconds=seconds_setting("LINK_MAX_DELAY"))
    ).exists()
    since = time.monotonic() - _last_scoring
    if since < idle and not starving:
        _publish(countdown=idle - since)
        return 0
    # A worker that has had no idle moment for LINK_MAX_DELAY links one attempt per wake-up.
    done, left = link_pending(should_yield=scoring_waiting, at_least=1 if starving else 0)
    if left:
        _publish(countdown=idle)
    return done
