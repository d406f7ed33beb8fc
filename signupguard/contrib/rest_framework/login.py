"""Token logins (DRF's ``obtain_auth_token``, dj-rest-auth's ``LoginView``).

A view that answers a login with a token need not call ``login()``, so
``user_logged_in`` is never sent and the receiver that records logins and
refuses blocked accounts does not run (dj-rest-auth with ``SESSION_LOGIN=True``
sends it, but only after the token was created). The serializer does it
instead, in ``validate()``, before the view creates any token:

    REST_AUTH = {"LOGIN_SERIALIZER": "signupguard.contrib.rest_framework.login.LoginSerializer"}

    from signupguard.contrib.rest_framework.login import LoginView, obtain_auth_token
    urlpatterns += [
        path("dj-rest-auth/login/", LoginView.as_view()),  # before include("dj_rest_auth.urls")
        path("api/token/", obtain_auth_token),  # DRF's authtoken
    ]

or mix ``SignupGuardLoginSerializerMixin`` into your own login serializer (the
mixin first; the base's ``validate()`` puts the user in ``attrs["user"]``, as
DRF's and dj-rest-auth's do). A blocked account that the adapter does not let
log in (``can_login_when_blocked``, ``BLOCKED_CAN_LOGIN``) gets
``403 {"detail", "status": "blocked"}``; pending and review accounts log in,
as with a session, and ``IsCleared`` gates what they may do. Failed
credentials are recorded by the ``user_login_failed`` receiver, which
``authenticate()`` triggers; a ``login()`` that follows in the same request
(``SESSION_LOGIN``) is not recorded twice. JSON clients may send the
collector's ``device`` object and a ``form`` object beside the credentials.

Both shipped views opt out of ``ATOMIC_REQUESTS`` (``non_atomic_requests``):
a failed or refused login answers with an exception, which would roll the
recorded attempt back with the request's transaction. dj-rest-auth's own
``LoginView`` with the serializer setting records too, but not durably under
``ATOMIC_REQUESTS``.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable

from django.db import transaction
from django.utils.decorators import method_decorator
from rest_framework import exceptions, serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer as _DRFAuthTokenSerializer

from signupguard.adapter import get_adapter
from signupguard.gate import NotCleared
from signupguard.middleware import current_request
from signupguard.recording import record_login, recorded_kinds
from signupguard.status import BLOCKED, get_status


def guard_login(request: Any, user: Any) -> None:
    """Record a successful credential check; raise ``PermissionDenied`` (403) for a blocked account.

    What the ``user_logged_in`` receiver does for ``login()``, for views that
    issue a token instead. Without a request there is nothing to record, but a
    blocked account is still refused.
    """
    signing_up = False
    if request is not None:
        signing_up = "signup" in recorded_kinds(request)
        record_login(request, user, success=True)
    # As in the receiver: the login that follows a signup in the same request is let through.
    if not signing_up and get_status(user) == BLOCKED and not get_adapter().can_login_when_blocked(user):
        raise exceptions.PermissionDenied(NotCleared(BLOCKED).as_dict())


class SignupGuardLoginSerializerMixin(serializers.Serializer):
    """Records the login and refuses blocked accounts in ``validate()``, before a token exists."""

    # Declared for the schema only: capture reads them from the request body.
    device = serializers.JSONField(required=False, write_only=True)
    form = serializers.JSONField(required=False, write_only=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        request = self.context.get("request") or current_request()
        attrs = super().validate(attrs)  # authenticate(): a failure is recorded by the user_login_failed receiver
        user = attrs.get("user")
        if user is not None:
            guard_login(request, user)
        return attrs


class AuthTokenSerializer(SignupGuardLoginSerializerMixin, _DRFAuthTokenSerializer):
    """DRF's ``AuthTokenSerializer`` with SignupGuard's login check."""


@cache
def _login_serializer() -> type:
    from dj_rest_auth.serializers import LoginSerializer as Base

    return type("LoginSerializer", (SignupGuardLoginSerializerMixin, Base), {"__module__": __name__})


@cache
def _login_view() -> type:
    from dj_rest_auth.views import LoginView as Base

    view = type("LoginView", (Base,), {"__module__": __name__, "serializer_class": _login_serializer()})
    # As for the token view below: ATOMIC_REQUESTS would roll back a failed or refused login's attempt.
    return method_decorator(transaction.non_atomic_requests, name="dispatch")(view)


@cache
def _obtain_auth_token_view() -> type[Any]:
    from rest_framework import parsers
    from rest_framework.authtoken.views import ObtainAuthToken as Base

    from signupguard.contrib.rest_framework.parsers import JSONParser

    view = type("ObtainAuthToken", (Base,), {
        "__module__": __name__,
        "serializer_class": AuthTokenSerializer,
        "parser_classes": (parsers.FormParser, parsers.MultiPartParser, JSONParser),  # a 400 for deep JSON
    })
    # Never inside ATOMIC_REQUESTS' transaction: a failed or refused login answers with an
    # exception, which would roll the recorded attempt back with the request.
    return method_decorator(transaction.non_atomic_requests, name="dispatch")(view)


@cache
def _obtain_auth_token() -> Callable[..., Any]:
    return _obtain_auth_token_view().as_view()


def __getattr__(name: str) -> Any:
    # Imported lazily: dj-rest-auth's serializers and views need its token settings, and
    # DRF's token view needs "rest_framework.authtoken" installed.
    if name == "LoginSerializer":
        return _login_serializer()
    if name == "LoginView":
        return _login_view()
    if name == "ObtainAuthToken":
        return _obtain_auth_token_view()
    if name == "obtain_auth_token":
        return _obtain_auth_token()
    raise AttributeError(name)
