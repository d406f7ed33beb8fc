"""No token, session or lost record for a blocked account, whichever login path it takes.

- allauth's adapter mixin raises ``NotCleared`` (and records the login), so
  dj-rest-auth's ``SocialLoginView`` cannot ignore the refusal and issue a
  token, and ``SignupGuardMiddleware`` answers allauth's own views with the
  refusal page, under WSGI and ASGI;
- dj-rest-auth's ``RegisterView`` refuses a signup its verdict blocked while
  the request waited, before its token;
- ``rest_framework.authtoken`` tokens of blocked accounts are deleted when
  the account is blocked, and when created afterwards;
- the shipped dj-rest-auth ``LoginView`` keeps recorded logins under
  ``ATOMIC_REQUESTS``.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Callable

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from asgiref.sync import async_to_sync
from django.test import override_settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin
from signupguard.contrib.rest_framework.login import LoginView
from signupguard.gate import MESSAGES
from signupguard.models import Attempt
from signupguard.status import BLOCKED, CLEARED, get_status, hold_new_account, set_status

pytestmark = [pytest.mark.urls("tests.test_token_safety"), pytest.mark.usefixtures("celery_eager", "fresh_engine")]

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
DENY_FARM = {**MEMORY, "DENY_EMAIL_DOMAINS": ["spam-farm.example"]}  # the verdict blocks these signups
PASSWORD = "pw-123-secret"
BLOCKED_BODY = {"detail": MESSAGES["blocked"], "status": "blocked"}
MIXIN_ADAPTER = "tests.test_token_safety.AccountAdapter"


class AccountAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
    pass


# --- routes: dj-rest-auth's views are built on first use (they read its settings at import) ---

def _lazy(factory: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
    factory = cache(factory)
    return csrf_exempt(lambda request, *args, **kwargs: factory()(request, *args, **kwargs))


def _register_view(*, guarded: bool) -> Callable[[], Callable[..., Any]]:
    def build() -> Callable[..., Any]:
        from dj_rest_auth.registration.serializers import RegisterSerializer as Stock
        from dj_rest_auth.registration.views import RegisterView

        from signupguard.contrib.rest_framework.registration import RegisterSerializer

        return RegisterView.as_view(serializer_class=RegisterSerializer if guarded else Stock)

    return build


def _social_login_view() -> Callable[..., Any]:
    """dj-rest-auth's SocialLoginView over allauth's dummy provider: the access token reads ``<uid>:<email>``."""
    from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter
    from dj_rest_auth.registration.views import SocialLoginView

    class DummyOAuth2Adapter(OAuth2Adapter):
        provider_id = "dummy"

        def complete_login(self, request: Any, app: Any, token: Any, **kwargs: Any) -> Any:
            uid, email = token.token.split(":", 1)
            data = {"id": uid, "email": email, "email_verified": True, "username": email.split("@")[0]}
            return self.get_provider().sociallogin_from_response(request, data)

    class DummySocialLogin(SocialLoginView):
        adapter_class = DummyOAuth2Adapter

    return DummySocialLogin.as_view()


def _stock_obtain_auth_token() -> Callable[..., Any]:
    from rest_framework.authtoken.views import obtain_auth_token

    return obtain_auth_token  # a host that kept DRF's own view


class Me(APIView):
    """An authenticated, ungated endpoint: what a leftover token of a blocked account would reach."""

    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request: Any) -> Response:
        return Response({"user": request.user.get_username()})


urlpatterns = [
    path("rest-login/", LoginView.as_view()),  # as a host routes it: its ATOMIC_REQUESTS opt-out is on the view
    path("register/", _lazy(_register_view(guarded=True))),
    path("register-stock/", _lazy(_register_view(guarded=False))),
    path("social/", _lazy(_social_login_view)),
    path("stock-token/", _lazy(_stock_obtain_auth_token)),
    path("me/", Me.as_view()),
    path("accounts/", include("allauth.urls")),
]


# --- fixtures -------------------------------------------------------------------------

@pytest.fixture
def dummy_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    """allauth's network-free dummy provider, registered for one test (it is not in INSTALLED_APPS)."""
    from allauth.socialaccount.providers import registry
    from allauth.socialaccount.providers.dummy.provider import DummyProvider

    monkeypatch.setitem(registry.provider_map, DummyProvider.id, DummyProvider)


def _account(django_user_model: Any, username: str, status: str) -> Any:
    user = django_user_model.objects.create_user(username=username, email=f"{username}@example.org",
                                                 password=PASSWORD)
    hold_new_account(user, attempt=None)
    set_status(user, status, source="reviewer", reason="test")
    return user


@pytest.fixture
def blocked_user(django_user_model: Any) -> Any:
    return _account(django_user_model, "mallory", BLOCKED)


@pytest.fixture
def cleared_user(django_user_model: Any) -> Any:
    return _account(django_user_model, "carol", CLEARED)


def post(client: Any, url: str, body: dict[str, Any], **extra: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json", REMOTE_ADDR="81.2.69.160", **extra)


def logins() -> list[tuple[str, bool]]:
    """(account, success) of the recorded logins, oldest first."""
    attempts = Attempt.objects.filter(kind="login").select_related("user").order_by("pk")
    return [(a.user.get_username() if a.user else "", a.success) for a in attempts]


# --- allauth's adapter mixin: dj-rest-auth's SocialLoginView ----------------------------

@override_settings(SIGNUPGUARD=MEMORY, ACCOUNT_ADAPTER=MIXIN_ADAPTER)
@pytest.mark.parametrize("session_login", [False, True], ids=["token-only", "session-too"])
def test_rest_social_login_refuses_a_blocked_account_before_the_token(
    client: Any, rest_auth: Any, token_model: type, blocked_user: Any, dummy_provider: None, session_login: bool,
) -> None:
    from allauth.socialaccount.models import SocialAccount

    SocialAccount.objects.create(user=blocked_user, provider="dummy", uid="2001")
    rest_auth(SESSION_LOGIN=session_login)
    response = post(client, "/social/", {"access_token": "2001:mallory@example.org"})
    # pre_login's refusal used to be a returned response, which SocialLoginView ignored.
    assert response.status_code == 403, response.content
    assert response.json()["detail"] == MESSAGES["blocked"]
    assert not token_model.objects.exists()
    assert "_auth_user_id" not in client.session
    assert logins() == [("mallory", True)]  # the refused login is recorded, as the token serializers do


# --- allauth's adapter mixin: allauth's own login form, WSGI and ASGI -------------------

@pytest.mark.django_db
@override_settings(SIGNUPGUARD=MEMORY, ACCOUNT_ADAPTER=MIXIN_ADAPTER)
def test_allauth_form_login_of_a_blocked_account_is_refused_and_recorded(client: Any, blocked_user: Any) -> None:
    response = client.post("/accounts/login/", {"login": "mallory", "password": PASSWORD}, REMOTE_ADDR="81.2.69.160")
    # The middleware turns the raised NotCleared into SignupGuard's refusal page, not Django's bare 403.
    assert response.status_code == 403
    assert MESSAGES["blocked"] in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert logins() == [("mallory", True)]


@pytest.mark.django_db
@override_settings(SIGNUPGUARD=MEMORY, ACCOUNT_ADAPTER=MIXIN_ADAPTER)
def test_allauth_form_login_of_a_blocked_account_is_refused_under_asgi(async_client: Any, blocked_user: Any) -> None:
    response = async_to_sync(async_client.post)(
        "/accounts/login/", {"login": "mallory", "password": PASSWORD}, headers={"accept": "application/json"},
    )
    assert response.status_code == 403
    assert response.json() == BLOCKED_BODY  # JSON for an API client
    assert logins() == [("mallory", True)]


# --- dj-rest-auth's RegisterView ---------------------------------------------------------

@override_settings(SIGNUPGUARD=DENY_FARM)
@pytest.mark.parametrize("session_login", [False, True], ids=["token-only", "session-too"])
def test_rest_register_refuses_a_signup_its_verdict_blocked_before_the_token(
    client: Any, rest_auth: Any, token_model: type, django_user_model: Any, session_login: bool,
) -> None:
    rest_auth(SESSION_LOGIN=session_login)
    body = {"username": "eve", "email": "eve@spam-farm.example", "password1": "A-long-pass-123",
            "password2": "A-long-pass-123"}
    response = post(client, "/register/", body)
    assert response.status_code == 403, response.content
    assert response.json() == BLOCKED_BODY
    user = django_user_model.objects.get(username="eve")  # the account stays, blocked, for review
    assert get_status(user) == BLOCKED
    assert Attempt.objects.get(kind="signup").user == user
    assert not token_model.objects.exists()
    assert "_auth_user_id" not in client.session


@override_settings(SIGNUPGUARD={**DENY_FARM, "BLOCKED_CAN_LOGIN": True})
def test_rest_register_lets_a_blocked_signup_in_when_allowed(client: Any, rest_auth: Any, token_model: type,
                                                           django_user_model: Any) -> None:
    rest_auth(SESSION_LOGIN=False)
    body = {"username": "eve", "email": "eve@spam-farm.example", "password1": "A-long-pass-123",
            "password2": "A-long-pass-123"}
    response = post(client, "/register/", body)
    assert response.status_code == 201, response.content
    user = django_user_model.objects.get(username="eve")
    assert get_status(user) == BLOCKED
    assert token_model.objects.get(user=user).key == response.json()["key"]


# --- rest_framework.authtoken tokens of blocked accounts ---------------------------------

@override_settings(SIGNUPGUARD=DENY_FARM)
def test_a_verdict_that_blocks_the_account_deletes_the_token_it_already_holds(
    client: Any, rest_auth: Any, token_model: type, django_user_model: Any,
) -> None:
    # dj-rest-auth's stock serializer: allauth's user_signed_up, sent after RegisterView created
    # the token, records the signup, and the (eager) verdict blocks the account.
    rest_auth(SESSION_LOGIN=False)
    body = {"username": "eve", "email": "eve@spam-farm.example", "password1": "A-long-pass-123",
            "password2": "A-long-pass-123"}
    response = post(client, "/register-stock/", body)
    assert response.status_code == 201, response.content
    assert get_status(django_user_model.objects.get(username="eve")) == BLOCKED
    assert not token_model.objects.exists()
    assert client.get("/me/", HTTP_AUTHORIZATION=f"Token {response.json()['key']}").status_code == 401


@pytest.mark.parametrize("can_login", [False, True], ids=["refused", "blocked-can-login"])
def test_a_reviewer_block_deletes_the_accounts_tokens(token_model: type, cleared_user: Any, can_login: bool) -> None:
    key = token_model.objects.create(user=cleared_user).key
    with override_settings(SIGNUPGUARD={**MEMORY, "BLOCKED_CAN_LOGIN": can_login}):
        set_status(cleared_user, BLOCKED, source="reviewer", reason="farm")
    assert token_model.objects.filter(key=key).exists() is can_login


@pytest.mark.parametrize("can_login", [False, True], ids=["refused", "blocked-can-login"])
def test_a_token_created_for_a_blocked_account_is_deleted(client: Any, token_model: type, blocked_user: Any,
                                                          can_login: bool) -> None:
    # DRF's own obtain_auth_token (a host that did not route SignupGuard's) creates the token regardless.
    with override_settings(SIGNUPGUARD={**MEMORY, "BLOCKED_CAN_LOGIN": can_login}):
        response = post(client, "/stock-token/", {"username": "mallory", "password": PASSWORD})
    assert response.status_code == 200, response.content
    assert token_model.objects.filter(user=blocked_user).exists() is can_login
    me = client.get("/me/", HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert me.status_code == (200 if can_login else 401)


# --- the shipped dj-rest-auth LoginView ---------------------------------------------------

@override_settings(SIGNUPGUARD=MEMORY)
def test_shipped_login_view_keeps_failed_and_refused_logins_under_atomic_requests(
    client: Any, rest_auth: Any, token_model: type, blocked_user: Any, cleared_user: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import connection

    rest_auth(SESSION_LOGIN=False)
    # Every view in a transaction of its own: a failure answered with an exception rolls it back.
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    assert post(client, "/rest-login/", {"username": "carol", "password": "wrong"}).status_code == 400
    refused = post(client, "/rest-login/", {"username": "mallory", "password": PASSWORD})
    assert refused.status_code == 403 and refused.json() == BLOCKED_BODY
    response = post(client, "/rest-login/", {"username": "carol", "password": PASSWORD})
    assert response.status_code == 200, response.content
    assert token_model.objects.get(user=cleared_user).key == response.json()["key"]
    assert logins() == [("carol", False), ("mallory", True), ("carol", True)]
