"""Signups recorded through allauth, dj-rest-auth's serializer, and a DRF request."""

from __future__ import annotations

import json

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.test import override_settings

from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin
from signupguard.gate import account_status
from signupguard.models import Attempt
from signupguard.status import hold_new_account, set_status
from tests.plugins.rest_auth import validated_registration

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.urls_integration"),
    pytest.mark.usefixtures("celery_eager", "fresh_engine"),
]
ALLOW_ALL = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "ALLOW_IP_RANGES": ["0.0.0.0/0"]}
DEVICE = {"fingerprint": "fp-json", "timezone": "Europe/London", "webdriver": True}


class AccountAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
    pass


def test_allauth_signup_is_recorded_once(client, django_user_model, django_capture_on_commit_callbacks) -> None:
    data = {"username": "ana", "email": "ana@example.org", "password1": "A-long-pass-123", "password2": "A-long-pass-123",
            "sg_device": json.dumps(DEVICE)}
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", data, REMOTE_ADDR="81.2.69.160")
    assert response.status_code == 302, response.content[:500]
    user = django_user_model.objects.get(username="ana")
    attempts = list(Attempt.objects.all())
    assert [a.kind for a in attempts] == ["signup"]  # allauth's automatic login is not a second attempt
    assert attempts[0].user == user and attempts[0].raw["device"] == DEVICE
    assert account_status(user) == "cleared"


def test_allauth_adapter_mixin_refuses_blocked_logins(client, make_user) -> None:
    user = make_user("blocked1")
    hold_new_account(user, attempt=None)
    set_status(user, "blocked", source="reviewer", reason="farm")
    with override_settings(ACCOUNT_ADAPTER="tests.test_signup_integrations.AccountAdapter", SIGNUPGUARD=ALLOW_ALL):
        response = client.post("/accounts/login/", {"login": "blocked1", "password": "pw-123-secret"})
    assert response.status_code == 403 and b"blocked" in response.content
    assert client.get("/whoami/").json()["user"] is None


def test_dj_rest_auth_register_serializer_records_the_signup(rf, django_user_model, django_capture_on_commit_callbacks) -> None:
    pytest.importorskip("requests")  # dj-rest-auth's registration module imports it
    from signupguard.contrib.rest_framework.registration import RegisterSerializer

    body = {"username": "bob", "email": "bob@example.org", "password1": "A-long-pass-123",
            "password2": "A-long-pass-123", "device": DEVICE, "form": {"fill_ms": 900}}
    serializer, request = validated_registration(RegisterSerializer, body, rf)
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        user = serializer.save(request)
    attempt = Attempt.objects.get(user=user)
    assert attempt.raw["device"] == DEVICE and attempt.raw["form"] == {"fill_ms": 900}
    assert attempt.ip == "89.160.20.112" and attempt.raw["email"] == "bob@example.org"
    assert account_status(user) == "cleared"


def test_an_allauth_signup_at_a_disposable_domain_with_a_soft_hyphen_is_scored_as_that_domain(
        client, django_capture_on_commit_callbacks) -> None:
    # allauth (Django's EmailValidator) takes the address, and the confirmation mail goes to mailinator.com.
    data = {"username": "bot", "email": "bot@mai\u00adlinator.com", "password1": "A-long-pass-123",
            "password2": "A-long-pass-123"}
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", data, REMOTE_ADDR="81.2.69.160")
    assert response.status_code == 302, response.content[:500]
    attempt = Attempt.objects.get()
    assert (attempt.email_domain, attempt.email_normalized) == ("mailinator.com", "bot@mailinator.com")
    assert attempt.enrichment["email"]["disposable"] is True
