"""allauth's ``user_signed_up`` → ``record_signup`` (social signups included)."""

from __future__ import annotations

from typing import Any

from signupguard.recording import record_signup


def on_user_signed_up(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    if request is None or user is None:
        return
    record_signup(request, user)


def connect() -> None:
    """Connect the receiver (idempotent); called from ``SignupGuardConfig.ready``."""
    from allauth.account.signals import user_signed_up

    user_signed_up.connect(on_user_signed_up, dispatch_uid="signupguard.allauth.user_signed_up")
