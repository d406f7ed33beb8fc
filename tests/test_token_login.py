"""Token logins through DRF's ``obtain_auth_token`` and dj-rest-auth's ``LoginView``.

Neither needs ``login()``, so the ``user_logged_in`` receiver never sees them:
``signupguard.contrib.rest_framework.login`` records them and refuses blocked
accounts before a token exists. Also: what dj-rest-auth's ``RegisterView``
hands a new, still pending account.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Callable

import pytest
from django.test import override_settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.authentication import TokenAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.contrib.rest_framework.login import obtain_auth_token
from signupguard.contrib.rest_framework.permissions import IsCleared
from signupguard.gate import MESSAGES
from signupguard.models import Attempt
from signupguard.status import BLOCKED, hold_new_account, set_status

pytestmark = [pytest.mark.urls("tests.test_token_login"), pytest.mark.usefixtures("celery_eager", "fresh_engine")]

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
PASSWORD = "pw-123-secret"
DEVICE = {"fingerprint": "fp-token-login", "timezone": "Europe/London", "webdriver": False}
BLOCKED_BODY = {"detail": MESSAGES["blocked"], "status": "blocked"}


# --- routes: built on first use (dj-rest-auth reads its settings when its views are imported) ---

def _lazy(factory: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
    """A view that imports the real one when called: dj-rest-auth's views need the token app at import."""
    factory = cache(factory)
    return csrf_exempt(lambda request, *args, **kwargs: factory()(request, *args, **kwargs))


def _rest_login_view() -> Callable[..., Any]:
    from dj_rest_auth.views import LoginView

    from signupguard.contrib.rest_framework.login import LoginSerializer

    return LoginView.as_view(serializer_class=LoginSerializer)  # as REST_AUTH["LOGIN_SERIALIZER"] would


def _register_view() -> Callable[..., Any]:
    from dj_rest_auth.registration.views import RegisterView

    from signupguard.contrib.rest_framework.registration import RegisterSerializer

    return RegisterView.as_view(serializer_class=RegisterSerializer)


class TokenClearedOnly(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsCleared]

    def get(self, request: Any) -> Response:
        return Response({"ok": True})


urlpatterns = [
    path("token/", obtain_auth_token),  # as a host routes it: its ATOMIC_REQUESTS opt-out is on the view
    path("rest-login/", _lazy(_rest_login_view)),
    path("register/", _lazy(_register_view)),
    path("cleared/", TokenClearedOnly.as_view()),
    path("accounts/", include("allauth.urls")),  # the verification mail of a dj-rest-auth signup links there
]


# --- fixtures ---------------------------------------------------------------------

@pytest.fixture
def blocked_user(django_user_model: Any) -> Any:
    user = django_user_model.objects.create_user(username="mallory", email="mallory@example.org", password=PASSWORD)
    hold_new_account(user, attempt=None)
    set_status(user, BLOCKED, source="reviewer", reason="account farm")
    return user


@pytest.fixture
def cleared_user(django_user_model: Any) -> Any:
    user = django_user_model.objects.create_user(username="carol", email="carol@example.org", password=PASSWORD)
    hold_new_account(user, attempt=None)
    set_status(user, "cleared", source="reviewer", reason="known customer")
    return user


def post(client: Any, url: str, body: dict[str, Any], **extra: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json", REMOTE_ADDR="81.2.69.160", **extra)


def logins() -> list[tuple[str, bool]]:
    """(account, success) of the recorded logins, oldest first."""
    attempts = Attempt.objects.filter(kind="login").select_related("user").order_by("pk")
    return [(a.user.get_username() if a.user else "", a.success) for a in attempts]


# --- DRF's obtain_auth_token --------------------------------------------------------

@override_settings(SIGNUPGUARD=MEMORY)
def test_obtain_auth_token_refuses_a_blocked_account_before_the_token(client: Any, token_model: type,
                                                                      blocked_user: Any) -> None:
    response = post(client, "/token/", {"username": "mallory", "password": PASSWORD})
    assert response.status_code == 403, response.content
    assert response.json() == BLOCKED_BODY
    assert not token_model.objects.exists()
    assert logins() == [("mallory", True)]  # the credential check is recorded, as the receiver does


@override_settings(SIGNUPGUARD={**MEMORY, "BLOCKED_CAN_LOGIN": True})
def test_obtain_auth_token_lets_a_blocked_account_in_when_allowed(client: Any, token_model: type,
                                                                  blocked_user: Any) -> None:
    response = post(client, "/token/", {"username": "mallory", "password": PASSWORD})
    assert response.status_code == 200, response.content
    assert token_model.objects.get(user=blocked_user).key == response.json()["token"]
    assert logins() == [("mallory", True)]


@override_settings(SIGNUPGUARD=MEMORY)
def test_obtain_auth_token_records_failed_and_successful_logins_once(client: Any, token_model: type,
                                                                     cleared_user: Any) -> None:
    assert post(client, "/token/", {"username": "carol", "password": "wrong"}).status_code == 400
    response = post(client, "/token/", {"username": "carol", "password": PASSWORD, "device": DEVICE},
                    HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
    assert response.status_code == 200, response.content
    assert token_model.objects.get(user=cleared_user).key == response.json()["token"]
    # The failure by the user_login_failed receiver (authenticate() sends it), the success by the serializer.
    assert logins() == [("carol", False), ("carol", True)]
    success = Attempt.objects.get(kind="login", success=True)
    assert success.ip == "81.2.69.160" and success.raw["device"]["fingerprint"] == DEVICE["fingerprint"]
    assert success.state in {"scored", "failed"}  # login scoring ran (eager Celery)


@override_settings(SIGNUPGUARD=MEMORY)
def test_the_token_view_keeps_failed_and_refused_logins_under_atomic_requests(
    client: Any, token_model: type, blocked_user: Any, cleared_user: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import connection

    # Every view in a transaction of its own: a failure answered with an exception rolls it back.
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    assert post(client, "/token/", {"username": "carol", "password": "wrong"}).status_code == 400
    assert post(client, "/token/", {"username": "mallory", "password": PASSWORD}).status_code == 403
    assert logins() == [("carol", False), ("mallory", True)]


@override_settings(SIGNUPGUARD=MEMORY)
def test_obtain_auth_token_answers_400_to_deeply_nested_json(client: Any, token_model: type) -> None:
    body = '{"username": "carol", "password": "x", "device": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/token/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert not Attempt.objects.exists()


# --- dj-rest-auth's LoginView -------------------------------------------------------

@override_settings(SIGNUPGUARD=MEMORY)
@pytest.mark.parametrize("session_login", [False, True], ids=["token-only", "session-too"])
def test_rest_auth_login_refuses_a_blocked_account_before_the_token(client: Any, rest_auth: Any, token_model: type,
                                                                   blocked_user: Any, session_login: bool) -> None:
    rest_auth(SESSION_LOGIN=session_login)
    response = post(client, "/rest-login/", {"username": "mallory", "password": PASSWORD})
    assert response.status_code == 403, response.content
    assert not token_model.objects.exists()
    assert response.json() == BLOCKED_BODY
    assert "_auth_user_id" not in client.session
    assert logins() == [("mallory", True)]


@override_settings(SIGNUPGUARD=MEMORY)
@pytest.mark.parametrize("session_login", [False, True], ids=["token-only", "session-too"])
def test_rest_auth_login_records_the_login_once(client: Any, rest_auth: Any, token_model: type,
                                               cleared_user: Any, session_login: bool) -> None:
    rest_auth(SESSION_LOGIN=session_login)
    response = post(client, "/rest-login/", {"username": "carol", "password": PASSWORD, "device": DEVICE})
    assert response.status_code == 200, response.content
    assert token_model.objects.get(user=cleared_user).key == response.json()["key"]
    assert ("_auth_user_id" in client.session) is session_login
    # With SESSION_LOGIN, login() sends user_logged_in too: still one attempt.
    assert logins() == [("carol", True)]
    assert Attempt.objects.get(kind="login").raw["device"]["fingerprint"] == DEVICE["fingerprint"]


# --- dj-rest-auth's RegisterView: the token of a new account -------------------------

@override_settings(SIGNUPGUARD={**MEMORY, "SYNC_WAIT": 0})
def test_rest_auth_register_token_of_a_pending_account_is_a_login_not_a_clearance(
        client: Any, rest_auth: Any, token_model: type, monkeypatch: pytest.MonkeyPatch) -> None:
    # No worker has scored the signup yet: the account stays pending.
    monkeypatch.setattr("signupguard.recording.enqueue_after_commit", lambda attempt_id: False)
    rest_auth(SESSION_LOGIN=False)
    body = {"username": "dora", "email": "dora@example.org", "password1": "A-long-pass-123",
            "password2": "A-long-pass-123", "device": DEVICE}
    response = post(client, "/register/", body)
    assert response.status_code == 201, response.content
    key = response.json()["key"]  # dj-rest-auth logs the new account in with a token, as with a session
    assert Attempt.objects.get(kind="signup").state == "pending"
    # The token authenticates the account but clears nothing: IsCleared still refuses it.
    refused = client.get("/cleared/", HTTP_AUTHORIZATION=f"Token {key}")
    assert refused.status_code == 403
    assert refused.json()["status"] == "pending"
