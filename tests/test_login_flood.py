"""A credential-stuffing flood of failed logins must not hold new signups' verdicts behind its backlog.

Every failed login is an attempt with a scoring task. On the signups' task
name a host could not route them apart: a signup published after a flood's
logins waited for every one of them (``benchmarks/login_flood.py`` measures
it with a real worker: 1.3-50 s, none within ``SYNC_WAIT``). Logins are
published as ``signupguard.tasks.score_login``, which ``CELERY_TASK_ROUTES``
sends to a queue of its own; the sweep scores overdue signups first.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any, Iterator

import pytest
from django.test import RequestFactory
from django.utils import timezone

from signupguard import publisher, scoring
from signupguard.models import Attempt
from signupguard.recording import record_login, record_signup
from tests.plugins.services import IdleBroker, celery_broker

ALLOW_ALL = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore",
             "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"], "SYNC_WAIT": 0, "SWEEP_AFTER_SECONDS": 0}
LOGIN_TASK, SIGNUP_TASK = "signupguard.tasks.score_login", "signupguard.tasks.score_attempt"


def _queued(broker: IdleBroker, queue: str) -> list[tuple[str, int]]:
    """(task name, attempt id) of the messages waiting in ``queue``, oldest first."""
    found = []
    for raw in reversed(broker.redis.lrange(queue, 0, -1)):
        message = json.loads(raw)
        args, _kwargs, _embed = json.loads(base64.b64decode(message["body"]))
        found.append((message["headers"]["task"], args[0]))
    return found


@pytest.fixture
def logins_routed() -> Iterator[None]:
    """``CELERY_TASK_ROUTES = {"signupguard.tasks.score_login": {"queue": "logins"}}``, as README says."""
    from config.celery import app

    saved = app.conf.task_routes
    app.conf.task_routes = {LOGIN_TASK: {"queue": "logins"}}
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)  # Celery caches it; a host's setting is there before the first publish
    yield
    app.conf.task_routes = saved
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)


def _failed_login(rf: RequestFactory, n: int) -> Attempt:
    request = rf.post("/accounts/login/", REMOTE_ADDR=f"45.77.{n // 250}.{1 + n % 250}",
                      HTTP_USER_AGENT="python-requests/2.32")
    attempt = record_login(request, None, success=False, credentials={"username": f"victim{n}@example.org"})
    assert attempt is not None
    return attempt


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine", "logins_routed")
def test_a_signup_after_a_flood_of_failed_logins_is_first_in_its_queue_when_logins_are_routed(
    idle_broker: IdleBroker, signup_request: Any, make_user: Any, settings: Any, rf: RequestFactory,
) -> None:
    settings.SIGNUPGUARD = ALLOW_ALL
    idle_broker.redis.delete("logins")
    try:
        with celery_broker(idle_broker.url):
            logins = [_failed_login(rf, n) for n in range(200)]
            signup = record_signup(signup_request(), make_user())
            assert publisher.wait_idle(20)
        # The signups' workers see the signup at once, not after the 200 logins published before it.
        assert _queued(idle_broker, "celery") == [(SIGNUP_TASK, signup.pk)]
        assert _queued(idle_broker, "logins") == [(LOGIN_TASK, login.pk) for login in logins]
    finally:
        idle_broker.redis.delete("logins")


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_without_routes_logins_stay_on_the_default_queue_under_their_own_name(
    idle_broker: IdleBroker, settings: Any, rf: RequestFactory,
) -> None:
    settings.SIGNUPGUARD = {**ALLOW_ALL, "BACKGROUND_PUBLISH": False}  # the commit's callback publishes too
    with celery_broker(idle_broker.url):
        login = _failed_login(rf, 1)
    assert _queued(idle_broker, "celery") == [(LOGIN_TASK, login.pk)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_both_task_names_score_a_login(settings: Any, rf: RequestFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    from signupguard import recording
    from signupguard.tasks import score_attempt, score_login

    settings.SIGNUPGUARD = ALLOW_ALL
    monkeypatch.setattr(recording, "enqueue_after_commit", lambda attempt_id, **kwargs: False)  # left pending
    queued_before, queued_after = _failed_login(rf, 1), _failed_login(rf, 2)
    # A login queued under score_attempt before an upgrade is still scored by it.
    assert score_attempt.delay(queued_before.pk).get() == "allow"
    assert score_login.delay(queued_after.pk).get() == "allow"


@pytest.mark.django_db
def test_the_sweep_takes_overdue_signups_before_an_older_flood_of_failed_logins(settings: Any) -> None:
    settings.SIGNUPGUARD = {"SWEEP_AFTER_SECONDS": 60}
    old = timezone.now() - timedelta(minutes=10)
    Attempt.objects.bulk_create(
        Attempt(event_id=f"flood-{n}", kind="login", success=False, occurred_at=old,
                created_at=old + timedelta(seconds=n / 100), ip="45.77.0.1")
        for n in range(600)
    )
    signup = Attempt.objects.create(event_id="late-signup", kind="signup", occurred_at=old, ip="81.2.69.160",
                                    created_at=old + timedelta(seconds=30))
    due = scoring.due_for_sweep(limit=500)
    assert due[0] == signup.pk and len(due) == 500  # then the logins, oldest first
    logins = Attempt.objects.filter(kind="login").order_by("created_at").values_list("pk", flat=True)
    assert due[1:] == list(logins[:499])
