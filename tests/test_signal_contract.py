"""What signals.py and the adapter promise hosts, held whatever the order of INSTALLED_APPS or a host's hooks."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.test import override_settings
from django.utils import timezone

from signupguard import signals
from signupguard.adapter import DefaultAdapter
from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import Attempt
from signupguard.recording import record_signup
from signupguard.status import BLOCKED, CLEARED, hold_new_account, set_status
from signupguard.tasks import sweep_pending

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
ALLOW_ALL = {**MEMORY, "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"], "SWEEP_AFTER_SECONDS": 60}


@pytest.fixture
def host_app_listed_first():
    """An ``account_blocked`` receiver connected before SignupGuard's contrib apps ran ``ready()``.

    That is what a host app listed above them in INSTALLED_APPS gets. The old
    receivers' uids are taken off ``account_blocked`` and the apps' ``ready()``
    run again after the host's receiver, as Django would have run them.
    """
    from rest_framework.authtoken.models import Token

    from signupguard.contrib.rest_framework.tokens import connect as connect_tokens
    from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey

    seen: list[dict[str, Any]] = []

    def host_receiver(sender: Any, user: Any, **kwargs: Any) -> None:
        seen.append({
            "usable_keys": AccountAPIKey.objects.filter(user=user, revoked=False).count(),
            "tokens": Token.objects.filter(user=user).count(),
        })

    for uid in ("signupguard.api_key.revoke_on_block", "signupguard.authtoken.delete_on_block"):
        signals.account_blocked.disconnect(dispatch_uid=uid)
    signals.account_blocked.connect(host_receiver, dispatch_uid="tests.host_app.on_block")
    apps.get_app_config("signupguard_api_key").ready()
    connect_tokens()
    yield seen
    signals.account_blocked.disconnect(dispatch_uid="tests.host_app.on_block")


@pytest.mark.django_db
def test_account_blocked_receivers_see_the_credentials_gone_whatever_the_app_order(
        make_user, issue_key, host_app_listed_first) -> None:
    from rest_framework.authtoken.models import Token

    user = make_user()
    hold_new_account(user, attempt=None)
    set_status(user, CLEARED, source="reviewer", reason="known customer")
    issue_key(user)
    issue_key(user)
    Token.objects.create(user=user)
    set_status(user, BLOCKED, source="reviewer", reason="account farm")
    # signals.account_blocked's docstring: its API keys and tokens are already gone when it is sent.
    assert host_app_listed_first == [{"usable_keys": 0, "tokens": 0}]


def _pending_signup(signup_request, user, django_capture_on_commit_callbacks) -> Attempt:
    request = signup_request("81.2.69.160", data={DEVICE_FIELD: json.dumps({"fingerprint": f"fp-{user.pk}"})})
    with django_capture_on_commit_callbacks(execute=False):  # its task is lost: the sweep's to score
        attempt = record_signup(request, user)
    Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    return attempt


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_an_attempt_the_sweep_cannot_even_fail_does_not_stop_it_scoring_the_rest(
        make_user, signup_request, django_capture_on_commit_callbacks, caplog) -> None:
    broken, fine = make_user("broken.hooks"), make_user("fine")
    with override_settings(SIGNUPGUARD=ALLOW_ALL):
        first = _pending_signup(signup_request, broken, django_capture_on_commit_callbacks)  # swept first
        _pending_signup(signup_request, fine, django_capture_on_commit_callbacks)

        # A host's receivers that raise for one account: at its verdict, then at its fail-closed hold.
        def raise_for_broken(sender: Any, **kwargs: Any) -> None:
            attempt, user = kwargs.get("attempt"), kwargs.get("user")
            if (user is not None and user.pk == broken.pk) or (attempt is not None and attempt.user_id == broken.pk):
                raise RuntimeError("host receiver down")

        signals.attempt_scored.connect(raise_for_broken, dispatch_uid="tests.raise_for_broken.scored")
        signals.account_held.connect(raise_for_broken, dispatch_uid="tests.raise_for_broken.held")
        try:
            with caplog.at_level(logging.ERROR, logger="signupguard.tasks"):
                assert sweep_pending() == 1
        finally:
            signals.attempt_scored.disconnect(dispatch_uid="tests.raise_for_broken.scored")
            signals.account_held.disconnect(dispatch_uid="tests.raise_for_broken.held")
    assert account_status(fine) == "cleared"  # scored although the attempt before it raised twice
    assert account_status(broken) == "pending"  # still held: no key; a later sweep tries again
    assert f"sweep could not fail attempt {first.pk}" in caplog.text


class IntegerIdAdapter(DefaultAdapter):
    """A host's adapter returning the primary key itself, as its annotation's reader might not notice."""

    def get_account_id(self, user: Any) -> Any:
        return user.pk


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_an_adapter_returning_a_non_string_account_id_still_records_the_account(
        make_user, signup_request, django_capture_on_commit_callbacks) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "ADAPTER": "tests.test_signal_contract.IntegerIdAdapter"}):
        attempt = _pending_signup(signup_request, user, django_capture_on_commit_callbacks)
    attempt.refresh_from_db()
    assert attempt.account == str(user.pk)  # it was dropped: the attempt had no contract "account"
    assert Attempt.objects.filter(account=str(user.pk), kind="signup").count() == 1


@pytest.mark.django_db
def test_account_cleared_receivers_of_an_undone_block_see_the_keys_back(make_user, issue_key, reviewer) -> None:
    from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
    from signupguard.review import undo_block

    user = make_user()
    hold_new_account(user, attempt=None)
    set_status(user, CLEARED, source="reviewer", reason="known customer")
    issue_key(user)
    issue_key(user)
    set_status(user, BLOCKED, source="reviewer", reason="looked like a farm")
    seen: list[int] = []

    def host_receiver(sender: Any, user: Any, **kwargs: Any) -> None:  # "your keys work again", say
        seen.append(AccountAPIKey.objects.filter(user=user, revoked=False).count())

    signals.account_cleared.connect(host_receiver, dispatch_uid="tests.host_app.on_cleared")
    try:
        outcome = undo_block([user], actor=reviewer, note="a customer after all")
    finally:
        signals.account_cleared.disconnect(dispatch_uid="tests.host_app.on_cleared")
    assert (outcome.accounts, outcome.keys) == (1, 2)
    assert seen == [2]  # they came back after the signal: the receiver saw none


@pytest.mark.django_db
def test_status_signals_say_which_status_the_account_left(make_user) -> None:
    """``previous`` on account_held, account_blocked, account_cleared and revoke_credentials:
    a host can tell a cleared customer blocked from a new account blocked at its verdict."""
    seen: list[tuple[str, str | None]] = []

    def receiver_for(name: str) -> Any:
        def receiver(sender: Any, user: Any, previous: str | None, **kwargs: Any) -> None:
            seen.append((name, previous))
        return receiver

    receivers = {name: receiver_for(name) for name in ("account_held", "account_blocked", "account_cleared",
                                                        "revoke_credentials")}
    for name, receiver in receivers.items():
        getattr(signals, name).connect(receiver, dispatch_uid=f"tests.previous.{name}")
    try:
        user = make_user()
        hold_new_account(user, attempt=None)
        set_status(user, "review", source="model")
        set_status(user, CLEARED, source="reviewer")
        set_status(user, BLOCKED, source="reviewer")
        set_status(user, BLOCKED, source="reviewer", confirm=True)  # no change, no signal
        set_status(user, CLEARED, source="reviewer")
    finally:
        for name in receivers:
            getattr(signals, name).disconnect(dispatch_uid=f"tests.previous.{name}")
    assert seen == [("account_held", None), ("account_held", "pending"), ("account_cleared", "review"),
                    ("revoke_credentials", "cleared"), ("account_blocked", "cleared"), ("account_cleared", "blocked")]
