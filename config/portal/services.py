"""What the portal's pages and JSON API share: status texts, signup, keys.

Everything SignupGuard-specific is a call into the app's public API, exactly
as a host project would make it.
"""

from __future__ import annotations

from typing import Any

from signupguard.contrib.rest_framework_api_key import keys
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import MESSAGES, NotCleared, account_status
from signupguard.models import Attempt
from signupguard.recording import record_signup, signup_status, wait_for_verdict

STATUS_LABELS = {"pending": "Pending", "cleared": "Cleared", "review": "In review", "blocked": "Blocked"}
STATUS_HELP = {
    "pending": MESSAGES["pending"],
    "cleared": "Your account is cleared: you can create API keys.",
    "review": MESSAGES["review"],
    "blocked": MESSAGES["blocked"],
}
STATUS_WELCOME = {
    "pending": "Welcome! Your account is being checked; API keys unlock once it is cleared.",
    "cleared": "Welcome! Your account is ready.",
    "review": "Welcome! Your account needs a quick review before you can create API keys.",
    "blocked": "Your account could not be opened.",
}


def status_of(user: Any) -> str:
    return account_status(user)


def status_context(status: str) -> dict[str, Any]:
    return {
        "status": status,
        "status_label": STATUS_LABELS.get(status, status),
        "status_help": STATUS_HELP.get(status, ""),
        "cleared": status == "cleared",
    }


def account_body(user: Any, status: str) -> dict[str, Any]:
    """The JSON API's ``{"account", "status"}``."""
    return {"account": user.get_username(), "status": status}


def record(request: Any, user: Any, *, device: Any = None, form: Any = None) -> Attempt:
    """Record the signup with SignupGuard, inside the transaction that created ``user``.

    ``device``/``form`` come from JSON clients (the HTML form posts the
    collector's fields, which SignupGuard reads from the request itself).
    Only dicts are passed on: anything else (null, the collector's JSON
    string, a list) is left to capture, which reads the body itself.
    """
    return record_signup(
        request, user,
        device=device if isinstance(device, dict) else None,
        form=form if isinstance(form, dict) else None,
    )


def status_after_signup(attempt: Attempt) -> str:
    """After the commit: wait up to ``SYNC_WAIT`` for the verdict, then the account's status."""
    return signup_status(wait_for_verdict(attempt))


class KeyRefused(Exception):
    def __init__(self, status: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def refusal_detail(status: str) -> str:
    return NotCleared(status).as_dict()["detail"]


def issue_key(user: Any, *, name: str = "") -> str:
    """A new API key for a cleared account (the key, shown once); ``KeyRefused`` otherwise."""
    try:
        _, key = keys.issue_key(user, name=name.strip() or "default")
    except NotCleared as refused:
        raise KeyRefused(refused.status, str(refused)) from None
    return key


def keys_of(user: Any) -> list[AccountAPIKey]:
    return list(AccountAPIKey.objects.filter(user=user).order_by("-created"))
