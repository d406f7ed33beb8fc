"""Celery tasks: thin wrappers taking primary keys around ``signupguard.scoring``.

Schedule the sweep, and the pruning of the database velocity store, in the
host's beat configuration, e.g.::

    CELERY_BEAT_SCHEDULE = {
        "signupguard-sweep": {"task": "signupguard.tasks.sweep_pending", "schedule": 30.0},
        "signupguard-prune-velocity": {"task": "signupguard.tasks.prune_velocity", "schedule": 3600.0},
        "signupguard-prune-attempts": {"task": "signupguard.tasks.prune_attempts", "schedule": 86400.0},
    }

Retries happen only on errors known to be transient (the database or Redis
being briefly unreachable). An attempt they outlast stays pending, and the
sweep tries it again, until it has waited ``FAIL_AFTER_SECONDS``; any other
error fails the attempt at once. A failed attempt's account is decided by
``FAIL_MODE``.

``run_review_job`` carries out a reviewer's decision on more accounts than
``REVIEW_INLINE_MAX``, which the admin hands to a job rather than keep a
request open for minutes (``signupguard.review_jobs``); the sweep publishes
again the jobs whose publish or whose worker was lost.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task

from signupguard import linking_pass, scoring, velocity
from signupguard.retention import delete_expired_attempts, retention_days

logger = logging.getLogger(__name__)


def _transient_errors() -> tuple[type[BaseException], ...]:
    from django.db import InterfaceError, OperationalError

    errors: list[type[BaseException]] = [OperationalError, InterfaceError]
    try:
        from kombu.exceptions import OperationalError as KombuOperationalError

        errors.append(KombuOperationalError)
    except ImportError:  # pragma: no cover - kombu ships with celery
        pass
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        errors += [RedisConnectionError, RedisTimeoutError]
    except ImportError:
        pass
    return tuple(errors)


TRANSIENT = _transient_errors()
MAX_RETRIES = 5


def describe_error(exc: BaseException) -> str:
    """``Type: message`` for logs and ``Attempt.error``.

    Not ``repr``: some clients' reprs drop the message (redis-py 8 gives
    ``network:ConnectionError`` for "Error 111 connecting to 127.0.0.1:6379").
    """
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def timed_out(exc: BaseException) -> bool:
    """Whether a transient error is a timeout: it has waited already, and would again."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        text = f"{type(error).__name__} {error}".lower()
        if isinstance(error, TimeoutError) or "timeout" in text or "timed out" in text:
            return True
        error = error.__cause__ or error.__context__
    return False


def _give_up_quietly(exc: BaseException, *, attempt_id: int | None = None) -> list[int]:
    try:
        return scoring.give_up_overdue(describe_error(exc), attempt_id=attempt_id)
    except TRANSIENT:
        return []  # the database is down too: the next sweep decides


def _release_quietly(attempt_id: int, exc: BaseException) -> None:
    try:
        scoring.release(attempt_id, describe_error(exc))
    except TRANSIENT:
        pass  # the database is down too: the stale claim is reclaimed by the sweep


@shared_task(bind=True, name="signupguard.tasks.score_attempt", max_retries=MAX_RETRIES,
             acks_late=True, ignore_result=True)
def score_attempt(self: Any, attempt_id: int) -> str | None:
    """Score one attempt by primary key; safe to run twice. Signups are published to it."""
    return _score_task(self, attempt_id)


# Logins have a task name of their own, so a host can route them (CELERY_TASK_ROUTES) to a queue and
# workers of their own: a credential-stuffing flood of failed logins then cannot hold new signups'
# verdicts behind its backlog. The same code as score_attempt (which still scores logins queued under it).
@shared_task(bind=True, name="signupguard.tasks.score_login", max_retries=MAX_RETRIES,
             acks_late=True, ignore_result=True)
def score_login(self: Any, attempt_id: int) -> str | None:
    """Score one login attempt by primary key; safe to run twice."""
    return _score_task(self, attempt_id)


def _score_task(self: Any, attempt_id: int) -> str | None:
    claimed = None
    try:
        claimed = scoring.claim(attempt_id)
        attempt = None if claimed is None else scoring.score_claimed(claimed)
    except TRANSIENT as exc:
        linking_pass.scoring_done()
        _release_quietly(attempt_id, exc)
        if self.request.is_eager and timed_out(exc):
            # Eager retries run inline, in the request: five more socket timeouts held a signup
            # for 30 s (found in an audit). No worker retries later: decide now.
            scoring.fail(attempt_id, describe_error(exc))
            return "failed"
        if self.request.retries >= self.max_retries:
            if self.request.is_eager:  # no sweep behind an eager task: decide now
                scoring.fail(attempt_id, describe_error(exc))
                return "failed"
            # Left pending for the sweep, unless it has waited long enough already.
            if _give_up_quietly(exc, attempt_id=attempt_id):
                return "failed"
            # Said, so an outage that outlasts the retries shows in the worker's log, not only in the sweep's.
            logger.warning("signupguard: attempt %s left pending for the sweep after %d retries: %s",
                           attempt_id, self.max_retries, describe_error(exc))
            return "pending"
        logger.warning("signupguard: transient error scoring attempt %s, retrying: %s", attempt_id, describe_error(exc))
        raise self.retry(exc=exc, countdown=min(60, 2 ** self.request.retries))
    except Exception as exc:
        logger.exception("signupguard: scoring attempt %s failed", attempt_id)
        scoring.fail(attempt_id, describe_error(exc), claimed=claimed)
        linking_pass.scoring_done()
        return "failed"
    linking_pass.scoring_done()  # linking waits until this worker has had no scoring for LINK_IDLE
    return attempt.decision if attempt is not None else "skipped"


@shared_task(name="signupguard.tasks.sweep_pending", ignore_result=True)
def sweep_pending(limit: int = 500) -> int:
    """Score attempts left pending longer than ``SWEEP_AFTER_SECONDS``.

    They are scored here, in this worker, rather than re-enqueued: the usual
    reason they are pending is that the broker was down when they arrived.
    Then it links the scored attempts whose linking pass was lost (a failed
    publish, a worker that died), as old as that. Review jobs whose publish
    or worker was lost are published again first (``review_jobs.publish_stale``).
    Returns how many attempts were scored.
    """
    from signupguard import review_jobs

    try:
        review_jobs.publish_stale()  # review jobs whose publish or worker was lost (one query when there are none)
    except Exception:  # noqa: BLE001 - never at the cost of the scoring below
        logger.exception("signupguard: the sweep could not queue the stale review jobs again")
    scored: list[int] = []
    with linking_pass.sweeping():  # no linking task per verdict: linked below
        _sweep(limit, scored)
    for attempt_id in scored:
        try:
            linking_pass.link_one(attempt_id)
        except Exception:  # noqa: BLE001 - still link_pending: the next pass or sweep
            logger.exception("signupguard: sweep could not link attempt %s", attempt_id)
    linking_pass.link_pending(scored_before=scoring.sweep_cutoff())
    return len(scored)


@shared_task(name="signupguard.tasks.prune_velocity", ignore_result=True)
def prune_velocity() -> int:
    """Delete the database velocity store's rows that no attempt can read any more; return how many.

    Schedule it with beat (hourly is plenty). The other stores need nothing:
    Redis expires its keys, and the in-process store drops them as it goes.
    """
    deleted = velocity.prune_expired()
    if deleted is None:
        return 0
    logger.info("signupguard: pruned %d expired velocity rows", deleted)
    return deleted


@shared_task(name="signupguard.tasks.prune_attempts", ignore_result=True)
def prune_attempts() -> int:
    """Delete attempts older than ``ATTEMPT_RETENTION_DAYS`` (none when it is None); return how many."""
    try:
        days = retention_days()
    except ValueError as exc:  # every day until fixed, rather than a TypeError in the worker's log
        logger.error("signupguard: %s", exc)
        return 0
    if days is None:
        return 0
    deleted = delete_expired_attempts(days)
    logger.info("signupguard: deleted %d attempts older than %s days", deleted, days)
    return deleted


def _sweep(limit: int, scored: list[int]) -> None:
    for attempt_id in scoring.due_for_sweep(limit=limit):
        claimed = None
        try:
            claimed = scoring.claim(attempt_id)
            if claimed is not None and scoring.score_claimed(claimed) is not None:
                scored.append(attempt_id)
        except TRANSIENT as exc:
            _release_quietly(attempt_id, exc)
            logger.warning("signupguard: sweep stopped on a transient error: %s", describe_error(exc))
            _give_up_quietly(exc)
            break
        except Exception as exc:
            logger.exception("signupguard: sweep could not score attempt %s", attempt_id)
            try:
                scoring.fail(attempt_id, describe_error(exc), claimed=claimed)
            except Exception:  # noqa: BLE001 - a host's receiver of the hold raising: the rest still get scored
                logger.exception("signupguard: sweep could not fail attempt %s; the next sweep tries again", attempt_id)


# A job's progress commits with each batch: a retry, or the task delivered twice (acks_late), carries on from there.
@shared_task(name="signupguard.tasks.run_review_job", ignore_result=True, acks_late=True,
             autoretry_for=TRANSIENT, retry_backoff=1, retry_backoff_max=60, max_retries=8)
def run_review_job(job_id: int) -> str:
    """Carry out a reviewer's decision on many accounts (``signupguard.review_jobs``); its state."""
    from signupguard import review_jobs

    job = review_jobs.run(job_id)
    return "deleted" if job is None else job.state
