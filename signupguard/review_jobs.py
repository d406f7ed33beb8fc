"""Review jobs: a reviewer's decision on many accounts, carried out by a Celery worker in batches.

One by one, a block costs 2.5-6 ms an account (docs/benchmarks.md): a
25,000-account farm takes minutes, longer than a web server lets a request
run, and a request killed on the way rolled the whole block back. So the
admin hands a decision on more than ``REVIEW_INLINE_MAX`` accounts to a job:

* ``queue`` writes a ``ReviewJob`` row holding the decision and its accounts
  as the reviewer confirmed them (a cluster's members then, whatever the
  linking pass merges afterwards), and publishes its id once the request's
  transaction commits (a request that rolls back leaves no job).
* ``run`` (the task ``signupguard.tasks.run_review_job``) decides
  ``BATCH`` accounts per transaction, and moves the row's ``done`` in the
  same transaction: a retried, redelivered or repeated task carries on from
  there, and never decides an account twice.
* An account a reviewer decided after the job was queued (in the admin, or
  by a newer job) is left as it is and counted as ``skipped``; so is one an
  abuse report named since, for an approval (an undone block sends such an
  account to review rather than back to cleared). Moves by the model, the
  rules or the cluster action do not count, as in the request.
* A block of a cluster closes it at the end and asks for one retroactive
  review, as the admin's request does; the cluster's counts are refreshed
  batch by batch, so its page shows the progress.
* A job that fails keeps its error and what it did; the Review jobs page
  runs it again. A failed block job's cluster stays open and unreviewed
  until then: the retroactive review waits for the whole block.
* A job runs on its reviewer's authority, read afresh before each batch:
  a reviewer deactivated or stripped of the review permission since
  confirming it (or deleted) stops the job there, before the next account
  is touched. "Run again" then hands it to the reviewer who runs it again.
* The sweep publishes again a job whose publish was lost (the broker down),
  and a running job that has committed no batch for ``REPUBLISH_AFTER``
  (its worker killed, rather than wait for the broker's redelivery: Redis
  waits an hour); a job whose row a batch holds has a live worker, and the
  sweep passes it by rather than wait. Two runs of one job take turns batch
  by batch, and only the first to finish closes it, so a worker that was
  only slow costs nothing but the wait.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import nullcontext
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from signupguard import clusters, retroactive, review
from signupguard.conf import DEFAULTS, is_count, sg_settings
from signupguard.models import Cluster, ReviewJob, StatusChange
from signupguard.retroactive import suppressed
from signupguard.review import REVIEW_PERMISSION

logger = logging.getLogger(__name__)

BATCH = 500  # accounts a job decides per transaction: short row locks, and a failure loses no committed batch
# A job still queued this long after its publish (or the last one), or running with no batch committed for this long,
# is published again by the sweep. Longer than a busy worker's backlog takes, and a hundred times a batch (3 s), so
# the broker does not fill with copies (a copy finds the job done, or takes turns with a run that was only slow).
REPUBLISH_AFTER = 300.0
Action = ReviewJob.Action
COUNTS = ("accounts", "keys", "labelled", "unlabelled", "skipped", "exempt")  # review.Outcome's, summed on the job


def inline_max() -> int | None:
    """``REVIEW_INLINE_MAX``, or its default while it is no whole number >= 0 (check E036 reports it).

    "1000" (from an environment variable) made every admin action raise comparing it.
    """
    limit = sg_settings.REVIEW_INLINE_MAX
    if limit is None or is_count(limit):
        return limit
    return DEFAULTS["REVIEW_INLINE_MAX"]


def too_many(accounts: int) -> bool:
    """Whether a decision on this many accounts is a job's (``REVIEW_INLINE_MAX``; None: never)."""
    limit = inline_max()
    return limit is not None and accounts > limit


def _stored(user_id: Any) -> Any:
    return user_id if isinstance(user_id, int) else str(user_id)  # a UUID primary key, as JSON holds it


def record(action: str, user_ids: list[Any], *, actor: Any, note: str = "", cluster: Cluster | None = None,
           reopen: list[int] | None = None) -> ReviewJob:
    """The job of a decision confirmed now, unpublished; ``queue`` publishes it too."""
    mark = StatusChange.objects.aggregate(newest=Max("pk"))["newest"] or 0
    return ReviewJob.objects.create(action=action, actor=actor, note=note, cluster=cluster, reopen=list(reopen or []),
                                    user_ids=[_stored(uid) for uid in user_ids], total=len(user_ids), mark=mark)


def queue(action: str, user_ids: list[Any], **kwargs: Any) -> ReviewJob:
    """Record the decision and publish its job after the current transaction commits."""
    job = record(action, user_ids, **kwargs)
    transaction.on_commit(partial(publish, job.pk))
    return job


def publish(job_id: int) -> bool:
    """Send the job's task; False (logged) when the broker is unreachable: the sweep sends it later."""
    from signupguard.tasks import describe_error, run_review_job

    try:
        run_review_job.apply_async(args=[job_id], retry=False)
    except Exception as exc:  # noqa: BLE001 - kombu, redis and socket errors alike
        logger.warning("signupguard: review job %s could not be queued (%s); the sweep queues it again",
                       job_id, describe_error(exc))
        return False
    return True


def publish_stale(older_than: float | None = None) -> int:
    """Publish again the jobs queued, or running, with nothing done for ``older_than`` s (``REPUBLISH_AFTER``).

    ``updated_at`` moves with each publish, start and committed batch. A job
    left queued lost its publish; one left running lost its worker.
    """
    cutoff = timezone.now() - dt.timedelta(seconds=REPUBLISH_AFTER if older_than is None else older_than)
    unfinished = (ReviewJob.State.QUEUED, ReviewJob.State.RUNNING)
    with transaction.atomic():  # a row a run holds (a batch in progress) is a live worker: skipped, not waited for
        stale = list(ReviewJob.objects.select_for_update(skip_locked=True)
                     .filter(state__in=unfinished, updated_at__lte=cutoff).values_list("pk", flat=True))
        ReviewJob.objects.filter(pk__in=stale, state__in=unfinished).update(updated_at=timezone.now())
    for job_id in stale:
        publish(job_id)
    return len(stale)


def move(job_id: int, state: str, **fields: Any) -> int:
    """Put the job in ``state`` (with ``fields``) unless it is done; 1 if it moved, 0 if not.

    A done job stays done whoever finished it: a run that fails beside its
    twin, or a "Run again" that reads it before a worker finishes it, must not
    bring it back. ``updated_at`` moves too (``update()`` leaves ``auto_now``
    alone): the sweep reads it to tell a stalled job from a working one.
    """
    return ReviewJob.objects.filter(pk=job_id).exclude(state=ReviewJob.State.DONE).update(
        state=state, updated_at=timezone.now(), **fields)


class Refused(Exception):
    """The job's reviewer may no longer make its decision (``refusal``'s reason)."""


def refusal(actor: Any) -> str | None:
    """Why ``actor`` may not make a review decision now (no account, deactivated, no permission); None if they may."""
    if actor is None:
        return "its reviewer's account was deleted"
    if not actor.is_active:
        return f"its reviewer {actor} has been deactivated"
    if not actor.has_perm(REVIEW_PERMISSION):
        return f"its reviewer {actor} no longer has the permission {REVIEW_PERMISSION}"
    return None


def run(job_id: int, *, batch: int | None = None) -> ReviewJob | None:
    """Carry out the job from where it stands; returns it (None if deleted).

    Errors are recorded, then raised (Celery retries the transient ones); a refusal is recorded and returned: no retry
    would give the reviewer their permission back.
    """
    job = ReviewJob.objects.filter(pk=job_id).first()
    if job is None or job.state == ReviewJob.State.DONE:
        return job
    move(job_id, ReviewJob.State.RUNNING, error="")
    size = batch or BATCH
    is_block = job.action == Action.BLOCK_CLUSTER
    decide = review.confirm_block if is_block else review.ACTIONS[job.action]
    extra = {"reason": f"cluster #{job.cluster_id} blocked by a reviewer"} if is_block else {}
    try:
        while _run_batch(job, decide, extra, size, suppress=is_block):
            pass
    except Refused as refused:  # a permission taken away since the reviewer confirmed: nothing more is done on it
        job.refresh_from_db()
        where = "Not run" if job.done == 0 else f"Stopped after {job.done} of {job.total} accounts"
        error = f"{where}: {refused}. A reviewer can run it again; it then runs on their authority."
        move(job_id, ReviewJob.State.FAILED, error=error)
        logger.warning("signupguard: review job %s %s", job_id, error)
        job.refresh_from_db()
        return job
    except Exception as exc:
        from signupguard.tasks import describe_error

        # The retroactive review waits for the end: run now, its own moves (source "cluster") would hold
        # accounts the job has still to block, and a reviewer reading the cluster would see half a verdict.
        move(job_id, ReviewJob.State.FAILED, error=describe_error(exc)[:2000])
        raise
    with transaction.atomic():
        # Of two runs (one republished while the other was only slow), the first to get here finishes the job: the
        # other's UPDATE waits for its commit, then matches no row.
        if move(job_id, ReviewJob.State.DONE):
            if is_block:
                _close_block(job)
            if job.reopen:
                Cluster.objects.filter(pk__in=job.reopen, status=Cluster.Status.CLOSED).update(
                    status=Cluster.Status.OPEN)
    job.refresh_from_db()
    logger.info("signupguard: review job %s done: %s", job_id, job)
    return job


def _run_batch(job: ReviewJob, decide: Any, extra: dict[str, Any], size: int, *, suppress: bool) -> bool:
    """Decide the job's next batch in one transaction with its progress; False once none is left."""
    # Blocks of a cluster's members do not each trigger the retroactive review: one after the last.
    with clusters.deferred_refresh(), (suppressed() if suppress else nullcontext()), transaction.atomic():
        # Two runs of one job take turns. The ids never change: read once, in ``run``, not a batch at a time.
        locked = ReviewJob.objects.select_for_update().only("done", *COUNTS).get(pk=job.pk)
        # Read afresh (has_perm caches a user's permissions): a reviewer stripped of the right mid-job stops it here.
        actor = get_user_model()._default_manager.filter(pk=job.actor_id).first() if job.actor_id is not None else None
        refused = refusal(actor)
        if refused is not None:
            raise Refused(refused)
        ids = job.user_ids[locked.done:locked.done + size]
        if not ids:
            return False
        outcome = decide(ids, actor=actor, note=job.note, job=job, **extra)
        locked.done += len(ids)
        for field in COUNTS:
            setattr(locked, field, getattr(locked, field) + getattr(outcome, field))
        locked.save(update_fields=["done", *COUNTS, "updated_at"])
    return True


def _close_block(job: ReviewJob) -> None:
    """Close the blocked cluster (unless merged away meanwhile) and review what joined it, after the commit."""
    if job.cluster_id is not None:
        Cluster.objects.filter(pk=job.cluster_id).exclude(status=Cluster.Status.MERGED).update(
            status=Cluster.Status.CLOSED)
    if job.user_ids:
        # Accounts the linking pass joined to the campaign meanwhile saw none of the (suppressed) blocks.
        transaction.on_commit(partial(retroactive.enqueue, job.user_ids[0]))
