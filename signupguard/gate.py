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
from django.utils.translation import gettext, gettext_noop

from signupguard.adapter import get_adapter
from signupguard.status import CLEARED, PENDING, read_status

# What the account's user reads. English here; ``NotCleared`` translates it into the request's
# language (LocaleMiddleware) from the portal's catalogues (LOCALE_PATHS), these being their msgids.
MESSAGES = {
    "pending": gettext_noop("Your account is being checked. This usually takes a few seconds."),
    "review": gettext_noop("Your account is being reviewed. You will be able to continue once it is cleared."),
    "blocked": gettext_noop("Your account has been blocked."),
    "anonymous": gettext_noop("Authentication required."),
}
# A pending account with no status row was not made by a recorded signup: no verdict is coming.
UNCHECKED_MESSAGE = gettext_noop("Your account has not been checked yet. Contact support to have it cleared.")
NOT_CLEARED_MESSAGE = gettext_noop("Your account is not cleared.")


class NotCleared(PermissionDenied):
    """A gated action was refused because the account is not cleared.

    ``unchecked``: the account is pending because SignupGuard never saw it
    sign up (no status row), so the message does not promise a verdict.
    """

    def __init__(self, status: str, *, unchecked: bool = False) -> None:
        self.status = status
        message = UNCHECKED_MESSAGE if unchecked and status == PENDING else MESSAGES.get(status)
        super().__init__(gettext(message or NOT_CLEARED_MESSAGE))

    def as_dict(self) -> dict[str, str]:
        """The documented 403 JSON body."""
        return {"detail": str(self), "status": self.status}


def account_status(user: Any) -> str:
    """``pending``, ``cleared``, ``review``, ``blocked`` (or ``anonymous``).

    An exempt account reads ``cleared`` whatever its row says.
    """
    return _status(user)[0]


def _status(user: Any) -> tuple[str, bool]:
    status, recorded = read_status(user)
    if status not in ("anonymous", CLEARED) and get_adapter().is_exempt(user):
        return CLEARED, recorded
    return status, recorded


def is_cleared(user: Any) -> bool:
    """True when the account may use gated features (API keys ...)."""
    return account_status(user) == CLEARED


def refused(user: Any) -> NotCleared | None:
    """Why the account may not use gated features (a ``NotCleared`` to raise or answer with), or None."""
    status, recorded = _status(user)
    return None if status == CLEARED else NotCleared(status, unchecked=not recorded)


def require_cleared(user: Any) -> None:
    """Raise ``NotCleared`` (a ``PermissionDenied``) unless the account is cleared."""
    held = refused(user)
    if held is not None:
        raise held


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("accept", "")
    return "json" in (request.content_type or "") or ("application/json" in accept and "text/html" not in accept)


def refusal(request: HttpRequest, status: str | NotCleared) -> HttpResponse:
    """The 403 answer for a held account (its status, or the ``NotCleared``): JSON for API clients, HTML otherwise."""
    body = (status if isinstance(status, NotCleared) else NotCleared(status)).as_dict()
    if _wants_json(request):
        return JsonResponse(body, status=403)
    html = render_to_string("signupguard/not_cleared.html", body, request=request)
    return HttpResponse(html, status=403)


def cleared_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """View decorator: anonymous users go to the login page, held accounts get 403."""

    def check(request: HttpRequest) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        held = refused(request.user)
        return None if held is None else refusal(request, held)

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
