"""The portal's JSON API (contract 4), for scripts and tests.

Session authentication, as in the HTML pages:

1. ``POST /api/signup/`` with a JSON body creates the account and logs the
   session in. It needs no CSRF token (there is no session yet), only a JSON
   body: a cross-site form cannot send ``application/json``. The response
   sets the ``sessionid`` and ``csrftoken`` cookies.
2. Later writes (``POST /api/keys/``) are session-authenticated, so Django's
   CSRF check applies: send the ``csrftoken`` cookie's value back in an
   ``X-CSRFToken`` header. ``GET /api/csrf/`` sets that cookie (and returns
   it as ``{"csrftoken"}``) for a script that wants it before anything else.

``POST /api/keys/`` is SignupGuard's own ``APIKeyCreateView`` (see urls.py).
"""

from __future__ import annotations

from django.contrib.auth import login, password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.contrib.rest_framework.parsers import JSONParser

from . import services


@require_GET
@ensure_csrf_cookie
def csrf(request: HttpRequest) -> JsonResponse:
    """Sets the ``csrftoken`` cookie and returns its value."""
    return JsonResponse({"csrftoken": get_token(request)})


class SignupSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    username = serializers.RegexField(r"^[\w.@+-]+\Z", max_length=150)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    # Read by SignupGuard's capture straight from the request body. Any JSON: a client's null,
    # the collector's hidden-field string or a list must not refuse the signup (services.record
    # passes on dicts only; capture parses the string).
    device = serializers.JSONField(required=False, allow_null=True)
    form = serializers.JSONField(required=False, allow_null=True)

    def validate_username(self, value: str) -> str:
        # As create_user will store it (NFKC): checked raw, "ａdmin" passed beside "Admin" (found in an audit).
        value = User.normalize_username(value)
        if User._default_manager.filter(username__iexact=value).exists():
            raise serializers.ValidationError("A user with that username already exists.")
        return value

    def validate(self, attrs: dict) -> dict:
        candidate = User(username=attrs["username"], email=attrs["email"])
        try:
            password_validation.validate_password(attrs["password"], candidate)
        except ValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs


class SignupView(APIView):
    """``POST {"email", "username", "password", "device"?, "form"?}`` → ``{"account", "status"}``."""

    authentication_classes: list = []  # anonymous by definition: no CSRF token yet
    permission_classes = [AllowAny]
    # JSON only: a cross-site form cannot post it. SignupGuard's parser answers
    # 400 to a body nested too deeply for Python's decoder (DRF's: 500).
    parser_classes = [JSONParser]

    def post(self, request: Request) -> Response:
        serializer = SignupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            # The account and its SignupGuard hold commit together: one commit,
            # and never an account without its hold. Recorded before login():
            # the login that follows is then not an attempt of its own.
            with transaction.atomic():
                user = User._default_manager.create_user(
                    username=data["username"], email=data["email"], password=data["password"]
                )
                attempt = services.record(request, user, device=data.get("device"), form=data.get("form"))
        except IntegrityError:  # the same name, signed up a moment ago
            return Response({"username": ["A user with that username already exists."]},
                            status=status.HTTP_400_BAD_REQUEST)
        status_ = services.status_after_signup(attempt)
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        get_token(request._request)  # the csrftoken cookie for the next writes
        return Response(services.account_body(user, status_), status=status.HTTP_201_CREATED)


@method_decorator(never_cache, name="dispatch")  # personal data: no cache keeps it
class AccountView(APIView):
    """``GET`` → the session's ``{"account", "status"}``."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request: Request) -> Response:
        return Response(services.account_body(request.user, services.status_of(request.user)))
