"""Signup → pending → scored → cleared / review / blocked; idempotence; broker down; sweep."""

from __future__ import annotations

import io
import json
import logging
import time
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import Attempt, StatusChange
from signupguard.recording import record_signup
from signupguard.tasks import score_attempt, sweep_pending

pytestmark = [pytest.mark.usefixtures("celery_eager", "fresh_engine")]

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
ALLOW_ALL = {**MEMORY, "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"]}
REVIEW_ALL = {**MEMORY, "REVIEW_THRESHOLD": 0.0, "BLOCK_THRESHOLD": 1.0}
DENY_ALL = {**MEMORY, "DENY_IP_RANGES": ["0.0.0.0/0", "::/0"]}


def _audit(user) -> list[tuple[str, str, str]]:
    return list(StatusChange.objects.filter(account__user=user).values_list("from_status", "to_status", "source"))


def _signup(signup_request, user, ip="81.2.69.160", fingerprint="fp-1"):
    request = signup_request(ip, data={DEVICE_FIELD: json.dumps({"fingerprint": fingerprint, "webdriver": False})})
    return record_signup(request, user)


@pytest.mark.django_db
@pytest.mark.parametrize(("conf", "decision", "status", "source", "signal"), [
    (ALLOW_ALL, "allow", "cleared", "rule", "account_cleared"),
    (REVIEW_ALL, "review", "review", "model", "account_held"),
    (DENY_ALL, "block", "blocked", "rule", "account_blocked"),
])
def test_signup_is_held_then_decided(
    signup_request, make_user, signal_log, django_capture_on_commit_callbacks, conf, decision, status, source, signal,
) -> None:
    user = make_user("ana", email="Ana.Lopez+promo@gmail.com")
    with override_settings(SIGNUPGUARD=conf):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            attempt = _signup(signup_request, user)
        # Saved and held before any scoring: no verdict, no key.
        assert attempt.state == "pending" and attempt.decision is None
        assert account_status(user) == "pending" and len(callbacks) == 1
        assert attempt.raw["kind"] == "signup" and attempt.raw["account"] == str(user.pk)
        assert attempt.device_fingerprint == "fp-1" and attempt.ip == "81.2.69.160"
        for callback in callbacks:
            callback()
    attempt.refresh_from_db()
    assert attempt.state == "scored" and attempt.decision == decision and attempt.scored_at
    assert 0.0 <= attempt.score <= 1.0 and attempt.model_version and attempt.attempts == 1
    assert attempt.enrichment["email"]["normalized"] == attempt.email_normalized == "analopez@gmail.com"
    assert attempt.email_domain == "gmail.com" and attempt.velocity["counts"]["ip"] == [0, 0, 0, 0]
    assert account_status(user) == status
    assert _audit(user) == [("", "pending", "system"), ("pending", status, source)]
    assert signal_log.names() == ["account_held", "attempt_scored", signal]
    scored = signal_log.of("attempt_scored")[0]
    assert scored["attempt"] == attempt and scored["assessment"].event_id == attempt.event_id


@pytest.mark.django_db
def test_scoring_is_idempotent(signup_request, make_user, django_capture_on_commit_callbacks) -> None:
    first, second = make_user(), make_user()
    with override_settings(SIGNUPGUARD=ALLOW_ALL):
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, first)
        assert score_attempt.delay(attempt.pk).get() == "allow"
        assert score_attempt.delay(attempt.pk).get() == "skipped"  # a duplicated message
        attempt.refresh_from_db()
        stored = (attempt.velocity, attempt.score, attempt.decision)
        # A worker died after saving the velocity reading: the retry reuses it.
        Attempt.objects.filter(pk=attempt.pk).update(state="scoring", claimed_at=timezone.now() - timedelta(hours=1))
        assert score_attempt.delay(attempt.pk).get() == "allow"
        attempt.refresh_from_db()
        assert (attempt.velocity, attempt.score, attempt.decision) == stored and attempt.attempts == 2
        with django_capture_on_commit_callbacks(execute=True):
            later = _signup(signup_request, second)
    later.refresh_from_db()
    assert later.velocity["counts"]["ip"][0] == 1  # the first signup was counted once, not three times
    assert _audit(first) == [("", "pending", "system"), ("pending", "cleared", "rule")]


@pytest.mark.django_db(transaction=True)
def test_sync_wait_gives_the_verdict_within_the_request(signup_request, make_user) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "SYNC_WAIT": 0.3}):
        attempt = _signup(signup_request, user)
    assert attempt.state == "scored" and account_status(user) == "cleared"


@pytest.mark.django_db(transaction=True)
def test_broker_down_keeps_the_attempt_pending_and_the_sweep_scores_it(signup_request, make_user, caplog) -> None:
    from signupguard.publisher import wait_idle

    caplog.set_level(logging.INFO, logger="signupguard.recording")
    from tests.plugins.services import DEAD_BROKER_URL, celery_broker

    user, second = make_user(), make_user()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "SYNC_WAIT": 0.05, "SWEEP_AFTER_SECONDS": 0}):
        with celery_broker(DEAD_BROKER_URL):
            started = time.monotonic()
            attempt = _signup(signup_request, user)  # must not raise
            assert time.monotonic() - started < 15  # the broker client's own connection retries
            assert wait_idle(15)  # the publish happens on the background publisher's thread
            # The log line says where the task was sent, so a host sees a wrong or unconfigured broker.
            assert "could not enqueue attempt" in caplog.text and "127.0.0.1:9/0 (Celery app 'config')" in caplog.text
            started = time.monotonic()
            skipped = _signup(signup_request, second)  # the next ones skip the dead broker for a while
            assert time.monotonic() - started < 1
            assert wait_idle(15)
            # and say so, at INFO: each attempt left to the sweep can be found in the log by its id
            assert f"attempt {skipped.pk} stays pending until the sweep scores it" in caplog.text
        attempt.refresh_from_db()
        assert attempt.state == "pending" and account_status(user) == "pending"
        assert sweep_pending() == 2
        assert sweep_pending() == 0
    attempt.refresh_from_db()
    assert attempt.state == "scored" and account_status(user) == "cleared" and account_status(second) == "cleared"


@pytest.mark.django_db
def test_sweep_waits_for_young_attempts_and_reclaims_stale_claims(signup_request, make_user,
                                                                 django_capture_on_commit_callbacks) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "SWEEP_AFTER_SECONDS": 60}):
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)
        assert sweep_pending() == 0  # too young: its own task may still be on its way
        Attempt.objects.filter(pk=attempt.pk).update(
            state="scoring", claimed_at=timezone.now() - timedelta(minutes=5), created_at=timezone.now() - timedelta(minutes=5),
        )
        assert sweep_pending() == 1
    assert account_status(user) == "cleared"


@pytest.mark.django_db
@pytest.mark.parametrize("after", [float("nan"), float("inf")])
def test_an_unusable_sweep_after_seconds_sweeps_at_the_default(signup_request, make_user,
                                                               django_capture_on_commit_callbacks, after) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "SWEEP_AFTER_SECONDS": after}):
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)
        assert sweep_pending() == 0  # younger than the default's 60 s
        Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - timedelta(minutes=2))
        assert sweep_pending() == 1  # it had raised on every run: nothing left behind was ever swept
    assert account_status(user) == "cleared"


@pytest.mark.django_db
@pytest.mark.parametrize(("mode", "status"), [("closed", "review"), ("open", "cleared")])
def test_scoring_failure_applies_fail_mode(signup_request, make_user, django_capture_on_commit_callbacks, mode, status) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD={**MEMORY, "FAIL_MODE": mode}):
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)
        Attempt.objects.filter(pk=attempt.pk).update(raw={"kind": "signup"})  # unreadable: not transient
        assert score_attempt.delay(attempt.pk).get() == "failed"
    attempt.refresh_from_db()
    assert attempt.state == "failed" and "EventError" in attempt.error
    assert account_status(user) == status
    assert _audit(user)[-1] == ("pending", status, "system")


@pytest.mark.django_db
def test_record_signup_twice_returns_the_first_attempt(signup_request, make_user) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD={**MEMORY, "SYNC_WAIT": 0}):
        first = _signup(signup_request, user)
        assert _signup(signup_request, user) == first
    assert Attempt.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_exempt_accounts_are_cleared_and_still_scored(signup_request, django_user_model,
                                                      django_capture_on_commit_callbacks) -> None:
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    with override_settings(SIGNUPGUARD=DENY_ALL):
        with django_capture_on_commit_callbacks(execute=True):
            attempt = _signup(signup_request, admin)
    attempt.refresh_from_db()
    assert attempt.decision == "block" and account_status(admin) == "cleared"
    assert _audit(admin) == [("", "cleared", "system")]


def test_errors_are_described_with_their_message() -> None:
    """Logs and Attempt.error say what failed, even when a client's repr does not (redis-py 8)."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    from signupguard.tasks import describe_error

    error = RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    assert describe_error(error) == "ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused."
    assert describe_error(KeyError()) == "KeyError"


DEAD_REDIS = {
    # Velocity in a Redis nobody listens on: every scoring meets a transient error (connection refused).
    "VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore",
    "VELOCITY_OPTIONS": {"url": "redis://127.0.0.1:9/0"}, "FAIL_MODE": "open", "SWEEP_AFTER_SECONDS": 0,
}


def _run_last_retry(attempt_id: int) -> str:
    """The task body as a worker runs its last retry (not eagerly: a sweep comes after it)."""
    from signupguard.tasks import MAX_RETRIES

    score_attempt.push_request(retries=MAX_RETRIES, is_eager=False, id="last-retry")
    try:
        return score_attempt.run(attempt_id)
    finally:
        score_attempt.pop_request()


@pytest.mark.django_db
def test_transient_errors_leave_the_attempt_to_the_sweep_until_fail_after_seconds(
    signup_request, make_user, django_capture_on_commit_callbacks, caplog
) -> None:
    from signupguard.engine import reset_engine

    user = make_user()
    with override_settings(SIGNUPGUARD={**DEAD_REDIS, "FAIL_AFTER_SECONDS": 600}):
        reset_engine()
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)
        # The worker's retries run out: the attempt waits for the sweep, the account stays held.
        assert _run_last_retry(attempt.pk) == "pending"
        attempt.refresh_from_db()
        assert attempt.state == "pending" and "ConnectionError" in attempt.error and account_status(user) == "pending"
        # The worker says so: an outage past the retries shows in its log (it said nothing before).
        assert f"attempt {attempt.pk} left pending for the sweep after" in caplog.text
        assert sweep_pending() == 0  # still unreachable: left pending again
        attempt.refresh_from_db()
        assert attempt.state == "pending" and account_status(user) == "pending"
        # Ten minutes of outage: FAIL_MODE decides (open clears).
        Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - timedelta(seconds=601))
        assert sweep_pending() == 0
        attempt.refresh_from_db()
        assert attempt.state == "failed" and account_status(user) == "cleared"
        assert _audit(user)[-1] == ("pending", "cleared", "system")
    reset_engine()


@pytest.mark.django_db
def test_last_retry_of_an_overdue_attempt_applies_fail_mode(signup_request, make_user,
                                                           django_capture_on_commit_callbacks) -> None:
    from signupguard.engine import reset_engine

    user = make_user()
    with override_settings(SIGNUPGUARD={**DEAD_REDIS, "FAIL_MODE": "closed", "FAIL_AFTER_SECONDS": 0}):
        reset_engine()
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)
        assert _run_last_retry(attempt.pk) == "failed"
    reset_engine()
    attempt.refresh_from_db()
    assert attempt.state == "failed" and account_status(user) == "review"


@pytest.mark.django_db
def test_a_failed_save_is_not_counted_twice_by_the_retry(signup_request, make_user,
                                                        django_capture_on_commit_callbacks, monkeypatch) -> None:
    """Velocity in the database: the event's count and its saved reading commit together."""
    from django.db import OperationalError

    from signupguard import scoring

    save, failures = scoring._save_prepared, []

    def save_after_one_failure(*args, **kwargs):  # the database drops the connection once, mid-scoring
        if not failures:
            failures.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return save(*args, **kwargs)

    monkeypatch.setattr(scoring, "_save_prepared", save_after_one_failure)
    first, second = make_user(), make_user()
    with override_settings(SIGNUPGUARD={"ALLOW_IP_RANGES": ["0.0.0.0/0"]}):
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, first, fingerprint="fp-a")
        assert score_attempt.delay(attempt.pk).get() == "allow"  # retried after the transient error
        with django_capture_on_commit_callbacks(execute=True):
            later = _signup(signup_request, second, fingerprint="fp-b")
    attempt.refresh_from_db()
    later.refresh_from_db()
    assert failures and attempt.attempts == 2
    assert attempt.velocity["counts"]["ip"][0] == 0  # it did not read its own first try
    assert later.velocity["counts"]["ip"][0] == 1  # one earlier signup from this address, not two


@pytest.mark.django_db
def test_an_eager_scoring_that_times_out_decides_at_once_instead_of_waiting_out_five_more_timeouts(
    signup_request, make_user, django_capture_on_commit_callbacks,
) -> None:
    # A Redis that accepts and never answers: each try waits its socket timeout, in the signup's request
    # (found in an audit: 30 s a signup with redis-py's 5 s).
    import socket
    import threading

    from signupguard.engine import reset_engine

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    url = f"redis://127.0.0.1:{server.getsockname()[1]}/0?socket_timeout=0.3"
    user = make_user()
    try:
        with override_settings(SIGNUPGUARD={**DEAD_REDIS, "VELOCITY_OPTIONS": {"url": url}, "FAIL_MODE": "closed"}):
            reset_engine()
            with django_capture_on_commit_callbacks(execute=False):
                attempt = _signup(signup_request, user)
            assert score_attempt.apply(args=[attempt.pk]).get() == "failed"
        assert len(accepted) < 3  # one try, not six
        attempt.refresh_from_db()
        assert attempt.state == "failed" and "Timeout" in attempt.error and account_status(user) == "review"
    finally:
        reset_engine()
        server.close()
        for connection in accepted:
            connection.close()


@pytest.mark.django_db
def test_the_sweep_command_scores_what_a_dead_request_left_pending(
    signup_request, make_user, django_capture_on_commit_callbacks,
) -> None:
    from django.core.management import call_command

    user = make_user()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "SWEEP_AFTER_SECONDS": 60}):
        with django_capture_on_commit_callbacks(execute=False):
            attempt = _signup(signup_request, user)  # its request died before the task ran
        Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - timedelta(minutes=2))
        out = io.StringIO()
        call_command("signupguard_sweep", stdout=out)
    assert "1 pending attempts scored" in out.getvalue() and account_status(user) == "cleared"
