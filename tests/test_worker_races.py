"""Races between several Celery worker processes (found in audits, session 31), most on PostgreSQL.

Those on PostgreSQL run on their own threads and connections, as two worker
processes would, in a fixed interleaving (a pause between two queries, where
the scheduler could put one) so that the outcome does not depend on luck. The
last one needs no second connection: the sweep's claim is taken in order.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any, Callable

import pytest
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from signupguard import scoring
from signupguard.capture import DEVICE_FIELD
from signupguard.linking_pass import link_one
from signupguard.gate import account_status
from signupguard.models import Attempt, ClusterMember, Link, LinkKey, StatusChange
from signupguard.recording import record_signup
from signupguard.retention import erase_account
from signupguard.tasks import score_attempt as score_attempt_task, sweep_pending
from tests.plugins.races import pause_after
from tests.plugins.services import wait_until
from tests.test_clusters import _attempt, _device


class _Side(threading.Thread):
    """One worker: ``action`` on this thread's own connection; its error, if any."""

    def __init__(self, action: Callable[[], Any], wrapper: Callable[..., Any] | None = None) -> None:
        super().__init__(daemon=True)
        self.action, self.wrapper, self.error = action, wrapper, None
        self.pid: int | None = None

    def run(self) -> None:
        try:
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    self.pid = cursor.fetchone()[0]
            if self.wrapper is None:
                self.action()
            else:
                with connection.execute_wrapper(self.wrapper):
                    self.action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            self.error = exc
        finally:
            connection.close()

    def waiting_on_lock(self) -> bool:
        if self.pid is None:
            return False
        with connection.cursor() as cursor:
            cursor.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [self.pid])
            return cursor.fetchone()[0]


def _pending(n: int, device: str) -> Attempt:
    attempt = _attempt(n, ip=f"10.{n}.1.1", device=_device(device), email=f"farm{n}@gmail.com")
    Attempt.objects.filter(pk=attempt.pk).update(link_pending=True)
    return attempt


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only")
def test_two_workers_linking_two_signups_of_one_device_at_once_link_them() -> None:
    """Two signups from one device, linked by two workers at the same moment, end up in one cluster.

    What a reviewer saw before the fix: two farm accounts created seconds apart
    on the same phone, scored and linked by two workers at once, are in no
    cluster at all (no Link, no ClusterMember): the Clusters page never shows
    the campaign, and blocking one account never reviews the other. Each
    worker read the accounts holding the device key before the other had
    committed its own, then wrote its key: neither saw the other.
    (``link_pending`` runs in every worker, and the sweep links too.)
    """
    first, second = _pending(1, "fp-farm"), _pending(2, "fp-farm")
    reached, resume = threading.Event(), threading.Event()
    # Worker A links the first signup and is paused after its first write of a link key, before its commit.
    a = _Side(lambda: link_one(first.pk), pause_after('UPDATE "signupguard_linkkey"', reached, resume))
    a.start()
    try:
        wait_until(lambda: reached.is_set() or a.error, timeout=30, what="worker A to write its link key")
        assert a.error is None, a.error
        # Worker B links the second signup meanwhile: it finishes, or waits for A (it must not miss A).
        b = _Side(lambda: link_one(second.pk))
        b.start()
        wait_until(lambda: not b.is_alive() or b.waiting_on_lock(), timeout=30, what="worker B to link or wait")
    finally:
        resume.set()
    a.join(30)
    b.join(30)
    assert not a.is_alive() and not b.is_alive(), "a worker hung"
    assert a.error is None and b.error is None, (a.error, b.error)

    members = dict(ClusterMember.objects.filter(user_id__in=[first.user_id, second.user_id])
                   .values_list("user_id", "cluster_id"))
    assert set(members) == {first.user_id, second.user_id}, "the two accounts on one device were never linked"
    assert len(set(members.values())) == 1
    assert Link.objects.filter(kind="device").exists()


# ---------------------------------------------------------------- the sweep giving up vs a worker scoring

ALLOW_ALL = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore",
             "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"], "FAIL_MODE": "closed"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only", "celery_eager", "fresh_engine")
def test_the_sweep_giving_up_on_an_attempt_a_worker_is_scoring_does_not_overrule_its_verdict(
    signup_request, make_user,
) -> None:
    """An attempt being scored is not failed by the sweep giving up on the attempts it read as pending.

    After an outage longer than FAIL_AFTER_SECONDS, the sweep (one worker) hits
    a transient error and fails the overdue pending attempts
    (``give_up_overdue``), while another worker's retry, the service back,
    has just claimed one of them. Before the fix ``fail`` overwrote the claim
    (it spared only ``scored`` attempts): FAIL_MODE ("closed") put the account
    in review, and the verdict that followed (allow) could no longer move it
    (``only_from=[pending]``). The user, cleared by the rules, read "Your
    account is being reviewed" and waited for a reviewer; with FAIL_MODE
    "open" a review verdict's account was cleared instead, and could get a key.
    """
    user = make_user()
    with override_settings(SIGNUPGUARD=ALLOW_ALL):
        with transaction.atomic():
            request = signup_request("81.2.69.160", data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-1"})})
            attempt = record_signup(request, user)
            connection.run_on_commit.clear()  # its scoring task was lost in the outage: left pending
        assert Attempt.objects.get(pk=attempt.pk).state == "pending"
        # It has waited through the outage longer than FAIL_AFTER_SECONDS (600 s).
        Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - dt.timedelta(minutes=11))

        read, resume_sweep, claimed, resume_worker = (threading.Event() for _ in range(4))
        sweep = _Side(lambda: scoring.give_up_overdue("ConnectionError: Redis unreachable"),
                      pause_after('FROM "signupguard_attempt"', read, resume_sweep))
        worker = _Side(lambda: scoring.score_attempt(attempt.pk),
                       pause_after('UPDATE "signupguard_attempt"', claimed, resume_worker))
        try:
            sweep.start()
            wait_until(lambda: read.is_set() or sweep.error, timeout=30, what="the sweep to read the overdue attempts")
            worker.start()  # the retry, the service back: claims the attempt, then scores it
            wait_until(lambda: claimed.is_set() or worker.error, timeout=30, what="the worker to claim the attempt")
            resume_sweep.set()
            sweep.join(30)
        finally:
            resume_sweep.set()
            resume_worker.set()
        worker.join(30)
    assert not sweep.is_alive() and not worker.is_alive(), "a worker hung"
    assert sweep.error is None and worker.error is None, (sweep.error, worker.error)

    attempt.refresh_from_db()
    assert (attempt.state, attempt.decision) == ("scored", "allow")
    audit = list(StatusChange.objects.filter(account__user=user).values_list("from_status", "to_status", "reason"))
    assert account_status(user) == "cleared", audit  # before the fix: review, "scoring failed (fail closed)"
    assert [to for _, to, _ in audit] == ["pending", "cleared"], audit


# ---------------------------------------------------------------- the sweep reclaiming a slow worker's attempt

DATABASE_VELOCITY = {"VELOCITY_BACKEND": "signupguard.velocity.database.DatabaseVelocityStore",
                     "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"]}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only", "celery_eager", "fresh_engine")
def test_a_slow_worker_whose_claim_the_sweep_took_over_does_not_score_the_attempt_again(
    signup_request, make_user,
) -> None:
    """The event of an attempt is counted in velocity once, even when the sweep took over a slow worker's claim.

    A worker claims an attempt and stalls (a long lock wait, a paused
    container) past the stale-claim age; the sweep in another worker reclaims
    it and scores it. Before the fix the first worker, once it went on, scored
    the attempt a second time: with the database velocity store (the default)
    it counted the event again, so the next signup from that address read
    two earlier signups instead of one (legitimate signups pushed towards
    review), and it stored a second verdict over the sweep's.
    """
    def pending_signup(user: Any, fingerprint: str) -> Attempt:
        with transaction.atomic():
            request = signup_request("81.2.69.160", data={DEVICE_FIELD: json.dumps({"fingerprint": fingerprint})})
            attempt = record_signup(request, user)
            connection.run_on_commit.clear()  # scored below, by the workers
        return attempt

    with override_settings(SIGNUPGUARD=DATABASE_VELOCITY):
        attempt = pending_signup(make_user(), "fp-1")
        claimed, resume = threading.Event(), threading.Event()
        # Paused once it has claimed the attempt and read it, before it records the event in velocity.
        slow = _Side(lambda: scoring.score_attempt(attempt.pk),
                     pause_after('FROM "signupguard_attempt" LEFT OUTER JOIN', claimed, resume))
        try:
            slow.start()
            wait_until(lambda: claimed.is_set() or slow.error, timeout=30, what="the slow worker to claim the attempt")
            # It has been stuck longer than a claim stays fresh: the sweep takes the attempt over and scores it.
            stuck = timezone.now() - dt.timedelta(minutes=5)
            Attempt.objects.filter(pk=attempt.pk).update(claimed_at=stuck, created_at=stuck)
            sweeper = _Side(sweep_pending)
            sweeper.start()
            sweeper.join(60)
            assert sweeper.error is None, sweeper.error
            assert Attempt.objects.get(pk=attempt.pk).state == "scored"
        finally:
            resume.set()
        slow.join(30)
        assert not slow.is_alive() and slow.error is None, slow.error
        swept = Attempt.objects.get(pk=attempt.pk)

        nxt = pending_signup(make_user(), "fp-2")  # the next signup from the same address
        scoring.score_attempt(nxt.pk)
    nxt.refresh_from_db()
    assert nxt.velocity["counts"]["ip"][0] == 1, nxt.velocity["counts"]  # before the fix: 2, the event counted twice
    assert swept.attempts == 2 and swept.scored_at is not None


# ---------------------------------------------------------------- a slow worker failing after the sweep took over

@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_slow_worker_failing_after_the_sweep_took_its_claim_over_leaves_the_sweeps_scoring_alone(
    signup_request, make_user, monkeypatch,
) -> None:
    """A worker whose claim went stale and that then fails for good does not fail the attempt the sweep is scoring.

    Before the fix the task's ``fail`` spared only scored attempts: it marked
    the attempt failed under the sweep's claim and FAIL_MODE ("closed") held
    the account for review; the sweep's verdict (allow) then found its claim
    gone and the user, whom the rules clear, waited for a reviewer.
    """
    user = make_user()
    with override_settings(SIGNUPGUARD=ALLOW_ALL):
        with transaction.atomic():
            request = signup_request("81.2.69.160", data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-1"})})
            attempt = record_signup(request, user)
            connection.run_on_commit.clear()  # scored below, by the task
        sweep: dict[str, Attempt | None] = {}
        score_claimed = scoring.score_claimed

        def stuck_then_broken(claimed: Attempt) -> Attempt | None:
            # Stuck past the stale-claim age (a long lock wait, a paused container): the sweep claims the attempt...
            Attempt.objects.filter(pk=claimed.pk).update(claimed_at=timezone.now() - dt.timedelta(minutes=5))
            sweep["claim"] = scoring.claim(claimed.pk)
            raise RuntimeError("model.txt could not be read")  # ...then this worker fails for a reason no retry cures

        monkeypatch.setattr(scoring, "score_claimed", stuck_then_broken)
        assert score_attempt_task.apply(args=[attempt.pk]).get() == "failed"
        monkeypatch.setattr(scoring, "score_claimed", score_claimed)
        assert Attempt.objects.get(pk=attempt.pk).state == "scoring"  # still the sweep's
        assert account_status(user) == "pending"
        assert sweep["claim"] is not None and scoring.score_claimed(sweep["claim"]) is not None
    assert (Attempt.objects.get(pk=attempt.pk).decision, account_status(user)) == ("allow", "cleared")


# ---------------------------------------------------------------- linking while a neighbour is erased

@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgresql_only")
def test_an_account_erased_just_before_the_linking_commit_does_not_leave_the_signup_unlinked() -> None:
    """A neighbour erased after the linking pass's last read of the accounts costs the signup nothing.

    What happened before: PostgreSQL checks foreign keys at commit, so the
    links to the erased account failed the whole linking transaction, and the
    pass gave up on the attempt: its own keys were never remembered, so the
    farm's next account on that device was not linked to it either.
    """
    first, second = _pending(1, "fp-farm"), _pending(2, "fp-farm")
    assert link_one(first.pk)
    erased = first.user
    reached, resume = threading.Event(), threading.Event()
    # The worker is paused after reading which neighbours still exist, before it writes their links.
    a = _Side(lambda: link_one(second.pk), pause_after(f'FROM "{erased._meta.db_table}"', reached, resume))
    a.start()
    try:
        wait_until(lambda: reached.is_set() or a.error, timeout=30, what="the worker to read the accounts")
        assert a.error is None, a.error
        erase_account(erased)
        erased.delete()  # committed while the worker is between that read and its commit
    finally:
        resume.set()
    a.join(30)
    assert not a.is_alive(), "the worker hung"
    assert a.error is None, a.error
    assert not Attempt.objects.get(pk=second.pk).link_pending
    assert LinkKey.objects.filter(user_id=second.user_id, kind="device").exists()  # the next account links to it
    assert not ClusterMember.objects.exists() and not Link.objects.exists()
    third = _pending(3, "fp-farm")
    assert link_one(third.pk)
    assert ClusterMember.objects.filter(user_id__in=[second.user_id, third.user_id]).count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_processes_linking_two_signups_of_one_device_on_sqlite_link_them() -> None:
    """SQLite's form of the first race: a web process and a worker (or two) linking two accounts of one device.

    What happened before: the linking pass read the key's holders before its
    transaction, to keep SQLite's one write lock short. A pass that read, then
    waited while the other linked and committed, wrote its key without seeing
    the other's: neither account was linked. Now the holders are read after
    the pass's first write, under the write lock (here: after B's commit).
    """
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's form of this race is the first test's")
    first, second = _pending(1, "fp-farm"), _pending(2, "fp-farm")
    reached, resume = threading.Event(), threading.Event()

    def before_its_transaction(execute, sql, params, many, context):
        if sql.startswith("BEGIN") and not reached.is_set():  # the write lock is taken here (IMMEDIATE)
            reached.set()
            assert resume.wait(30), "never resumed"
        return execute(sql, params, many, context)

    a = _Side(lambda: link_one(first.pk), before_its_transaction)
    a.start()
    try:
        wait_until(lambda: reached.is_set() or a.error, timeout=30, what="pass A to start its transaction")
        assert a.error is None, a.error
        b = _Side(lambda: link_one(second.pk))
        b.start()
        b.join(30)
    finally:
        resume.set()
    a.join(30)
    b.join(30)
    assert not a.is_alive() and not b.is_alive(), "a pass hung"
    assert a.error is None and b.error is None, (a.error, b.error)
    members = dict(ClusterMember.objects.filter(user_id__in=[first.user_id, second.user_id])
                   .values_list("user_id", "cluster_id"))
    assert set(members) == {first.user_id, second.user_id}, "the two accounts on one device were never linked"
