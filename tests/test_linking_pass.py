"""Cluster linking after the verdict, in its own coalesced task that makes way for scoring.

The verdict marks the attempt ``link_pending``; the linking pass links it
(and reviews the cluster of an account the verdict blocked) once the worker
has no scoring to do. A lost linking task is made up by the sweep. Against a
real Redis broker and, at the end, a real Celery worker.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import override_settings

from signupguard import linking_pass, scoring
from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import Attempt, ClusterMember, StatusChange
from signupguard.recording import record_signup
from signupguard.tasks import sweep_pending
from tests.plugins.services import DEAD_BROKER_URL, E2E_ALLOWED, E2E_DENIED, IdleBroker, celery_broker, wait_until

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "SYNC_WAIT": 0,
          "SWEEP_AFTER_SECONDS": 0, "REVIEW_THRESHOLD": 0.999, "BLOCK_THRESHOLD": 0.9999}
ALLOW_ALL = {**MEMORY, "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"]}
DENY_ALL = {**MEMORY, "DENY_IP_RANGES": ["0.0.0.0/0", "::/0"]}
FARM = {"fingerprint": "fp-linking-farm", "webdriver": False, "timezone": "Europe/London", "screen": "1366x768x24"}


def _signup(signup_request: Any, make_user: Any, ip: str, device: dict | None = None) -> Attempt:
    request = signup_request(ip, data={DEVICE_FIELD: json.dumps(device or FARM)})
    return record_signup(request, make_user(), wait=0)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_verdicts_mark_their_attempts_and_publish_one_coalesced_linking_task(
    idle_broker: IdleBroker, signup_request: Any, make_user: Any, settings: Any,
) -> None:
    # No idle wait: a scoring task of an earlier test less than LINK_IDLE ago
    # would make the pass below publish itself again instead of linking.
    settings.SIGNUPGUARD = {**ALLOW_ALL, "LINK_IDLE": 0}
    with celery_broker(idle_broker.url):
        first = _signup(signup_request, make_user, "203.0.113.1")
        second = _signup(signup_request, make_user, "203.0.113.2")
        scoring.score_attempt(first.pk)  # what the worker's scoring task does
        assert idle_broker.tasks().count(linking_pass.LINK_TASK) == 1  # published after the verdict's commit, not by the request
        scoring.score_attempt(second.pk)
        assert idle_broker.tasks().count(linking_pass.LINK_TASK) == 1  # the pass on its way links both: no second task
        first.refresh_from_db(), second.refresh_from_db()
        assert first.state == second.state == "scored" and first.link_pending and second.link_pending
        assert not ClusterMember.objects.exists()  # not linked by the scoring itself
        assert linking_pass.link_pending_task() == 2  # the task, run here: both, one cluster
    assert not Attempt.objects.filter(link_pending=True).exists()
    assert ClusterMember.objects.filter(user__in=[first.user, second.user]).values("cluster").distinct().count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_the_pass_makes_way_for_an_attempt_waiting_to_be_scored(signup_request: Any, make_user: Any) -> None:
    with override_settings(SIGNUPGUARD=ALLOW_ALL), celery_broker(DEAD_BROKER_URL):
        scored = [_signup(signup_request, make_user, f"203.0.113.{n}") for n in (1, 2)]
        for attempt in scored:
            scoring.score_attempt(attempt.pk)
        waiting = _signup(signup_request, make_user, "203.0.113.3")  # committed, its task on its way
        assert linking_pass.scoring_waiting()
        assert linking_pass.link_pending(should_yield=linking_pass.scoring_waiting) == (0, True)
        assert Attempt.objects.filter(link_pending=True).count() == 2
        # A worker that had no idle moment for LINK_MAX_DELAY still links one per wake-up.
        assert linking_pass.link_pending(should_yield=linking_pass.scoring_waiting, at_least=1) == (1, True)
        scoring.score_attempt(waiting.pk)
        assert not linking_pass.scoring_waiting()
        assert linking_pass.link_pending(should_yield=linking_pass.scoring_waiting) == (2, False)
    assert ClusterMember.objects.count() == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_the_pass_does_not_wait_for_logins_queued_for_other_workers(signup_request: Any, make_user: Any) -> None:
    # Logins routed to a queue of their own (README, Production layout): a flood of failed logins waiting
    # there kept the signups' worker from linking until LINK_MAX_DELAY (30 s; found in an audit).
    from signupguard.recording import record_login

    with override_settings(SIGNUPGUARD=ALLOW_ALL), celery_broker(DEAD_BROKER_URL):
        scored = _signup(signup_request, make_user, "203.0.113.1")
        scoring.score_attempt(scored.pk)
        for n in range(3):
            record_login(signup_request(f"198.51.100.{n}"), success=False,
                         credentials={"username": f"victim{n}", "password": "********"})
        assert Attempt.objects.filter(kind="login", state="pending").count() == 3  # their tasks elsewhere
        assert not linking_pass.scoring_waiting()
        assert linking_pass.link_pending(should_yield=linking_pass.scoring_waiting) == (1, False)
        _signup(signup_request, make_user, "203.0.113.2")  # a signup's account is held until its verdict
        assert linking_pass.scoring_waiting()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_lost_linking_task_is_made_up_by_the_sweep_with_its_retroactive_review(
    signup_request: Any, make_user: Any, caplog: pytest.LogCaptureFixture,
) -> None:
    with celery_broker(DEAD_BROKER_URL):
        with override_settings(SIGNUPGUARD=ALLOW_ALL):
            early = [_signup(signup_request, make_user, f"203.0.113.{n}") for n in (1, 2, 3)]
            assert sweep_pending() == 3  # the broker is down: the sweep scores and links them
        assert [account_status(a.user) for a in early] == ["cleared"] * 3
        assert ClusterMember.objects.count() == 3
        with override_settings(SIGNUPGUARD=DENY_ALL):
            farm = _signup(signup_request, make_user, "203.0.113.50")
            scoring.score_attempt(farm.pk)  # a worker's verdict: blocked; its linking task cannot be published
            assert "could not publish the linking task" in caplog.text
            farm.refresh_from_db()
            assert account_status(farm.user) == "blocked" and farm.link_pending
            # Not linked yet, so nothing retroactive either.
            assert [account_status(a.user) for a in early] == ["cleared"] * 3
            assert sweep_pending() == 0  # nothing to score; the lost linking is done
    farm.refresh_from_db()
    assert not farm.link_pending and ClusterMember.objects.count() == 4
    # Same device as a blocked account, a third of the cluster blocked: held for review, by rule.
    assert [account_status(a.user) for a in early] == ["review"] * 3
    for attempt in early:
        change = StatusChange.objects.filter(account__user=attempt.user).last()
        assert change.source == "cluster" and "cluster" in change.reason


@pytest.mark.celery
@pytest.mark.redis
@pytest.mark.slow
def test_the_worker_links_after_its_verdicts_and_holds_the_farm_that_got_through(
    celery_live: Any, signup_request: Any, make_user: Any,
) -> None:
    allowed, denied = E2E_ALLOWED.rsplit(".", 1)[0], E2E_DENIED.rsplit(".", 1)[0]
    early = [_signup(signup_request, make_user, f"{allowed}.{n}") for n in (1, 2, 3)]
    wait_until(lambda: ClusterMember.objects.count() == 3, timeout=45, what="the worker's linking of the early accounts")
    assert [account_status(a.user) for a in early] == ["cleared"] * 3

    # One farm signup blocked by the worker's verdict: the linking pass links
    # it to the early accounts (same device) and reviews their cluster. Held
    # for review at least (a strong link to a blocked account); blocked when
    # the active model's own scores of them are high enough (the worker's
    # thresholds are the shipped model's).
    farm = _signup(signup_request, make_user, f"{denied}.1")
    # The review commits first; link_pending is cleared after it, in a statement of its own (linking_pass.link_one).
    wait_until(lambda: all(account_status(a.user) in ("review", "blocked") for a in early)
               and not Attempt.objects.filter(link_pending=True).exists(), timeout=45,
               what="the retroactive review after the worker linked the blocked account, and the pass's end")
    assert account_status(farm.user) == "blocked"
    assert not Attempt.objects.filter(link_pending=True).exists()
    for attempt in early:
        change = StatusChange.objects.filter(account__user=attempt.user).last()
        assert change.source == "cluster" and "cluster" in change.reason
    log = celery_live.worker.output()
    assert f"Task {linking_pass.LINK_TASK}[" in log  # linked in the linking task, not in the scoring task


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_two_verdicts_committed_together_publish_one_linking_task_not_none(
    idle_broker: IdleBroker, make_user: Any, settings: Any,
) -> None:
    # Each saw the other waiting and left the publish to it: under steady traffic no pass ran,
    # and linking waited for the sweep, 1-2 minutes (found in an audit).
    from django.utils import timezone

    settings.SIGNUPGUARD = {**ALLOW_ALL, "LINK_IDLE": 0}
    now = timezone.now()
    first, second = [Attempt.objects.create(event_id=f"together-{n}", kind="signup", occurred_at=now, user=make_user(),
                                            state="scored", scored_at=now, link_pending=True) for n in range(2)]
    with celery_broker(idle_broker.url):
        linking_pass.schedule_linking(first.pk)  # each verdict's on-commit callback, both committed
        linking_pass.schedule_linking(second.pk)
        assert idle_broker.tasks().count(linking_pass.LINK_TASK) == 1
