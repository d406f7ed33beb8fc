"""Is this account cleared? The one question every gated feature asks.

Used by the API-key integration, the DRF permission and ``@cleared_required``.
An account is cleared when its verdict cleared it (or a reviewer did), or when
the adapter exempts it. Everything else, including an account SignupGuard has
no record of (unless the adapter says otherwise), is held: no verdict, no key.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from signupguard.adapter import get_adapter
from signupguard.status import CLEARED, get_status

MESSAGES = {
    "pending": "Your account is being checked. This usually takes a few seconds.",
    "review": "Your account is being reviewed. You will be able to continue once it is cleared.",
    "blocked": "Your account has been blocked.",
    "anonymous": "Authentication required.",
}


class NotCleared(PermissionDenied):
    """A gated action was refused because the account is not cleared."""

    def __init__(self, status: str) -> None:
        self.status = status
        super().__init__(MESSAGES.get(status, "Your account is not cleared."))

    def as_dict(self) -> dict[str, str]:
        """The documented 403 JSON body."""
        return {"detail": str(self), "status": self.status}


def account_status(user: Any) -> str:
    """``pending``, ``cleared``, ``review``, ``blocked`` (or ``anonymous``).

    An exempt account reads ``cleared`` whatever its row says.
    """
    status = get_status(user)
    if status not in ("anonymous", CLEARED) and get_adapter().is_exempt(user):
        return CLEARED
    return status


def is_cleared(user: Any) -> bool:
    """True when the account may use gated features (API keys ...)."""
    return account_status(user) == CLEARED


def require_cleared(user: Any) -> None:
    """Raise ``NotCleared`` (a ``PermissionDenied``) unless the account is cleared."""
    status = account_status(user)
    if status != CLEARED:
        raise NotCleared(status)


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("accept", "")
    return "json" in request.content_type or ("application/json" in accept and "text/html" not in accept)


def refusal(request: HttpRequest, status: str) -> HttpResponse:
    """The 403 answer for a held account: JSON for API clients, HTML otherwise."""
    body = NotCleared(status).as_dict()
    if _wants_json(request):
        return JsonResponse(body, status=403)
    html = render_to_string("signupguard/not_cleared.html", body, request=request)
    return HttpResponse(html, status=403)


def cleared_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """View decorator: anonymous users go to the login page, held accounts get 403."""

    def check(request: HttpRequest) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        status = account_status(request.user)
        return None if status == CLEARED else refusal(request, status)

    if iscoroutinefunction(view):
        @wraps(view)
        async def async_wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            refused = await sync_to_async(check)(request)
            return refused if refused is not None else await view(request, *args, **kwargs)

        return async_wrapper

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = check(request)
        return refused if refused is not None else view(request, *args, **kwargs)

    return wrapper
