"""Issuing, revoking and restoring an account's API keys."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from signupguard.context import storable

from .models import AccountAPIKey


def issue_key(user: Any, *, name: str) -> tuple[AccountAPIKey, str]:
    """A new key for a cleared account: (row, the key shown once). Raises ``NotCleared``."""
    # A label: NUL characters (which PostgreSQL refuses in text) go, unpaired surrogates (which no
    # UTF-8 database stores) become U+FFFD, and the column holds 50.
    label = storable((name or "").replace("\x00", ""))[:50]
    return AccountAPIKey.objects.create_key(user=user, name=label or "default")


def revoke_keys(user: Any, *, reason: str = "") -> int:
    """Revoke every usable key of the account; returns how many."""
    return AccountAPIKey.objects.filter(user=user, revoked=False).update(
        revoked=True, revoked_at=timezone.now(), revoked_reason=reason[:255]
    )


def restore_keys(user: Any, *, since: Any = None) -> int:
    """Undo ``revoke_keys`` (a reviewer unblocked the account): returns how many.

    Only keys SignupGuard revoked come back, and with ``since`` (the undone
    block's time) only those that block revoked: a key revoked by an earlier
    block, which a reviewer's approval left revoked, stays so.
    djangorestframework-api-key forbids un-revoking through ``save()``, hence
    the queryset update.
    """
    keys = AccountAPIKey.objects.filter(user=user, revoked=True, revoked_at__isnull=False)
    if since is not None:
        keys = keys.filter(revoked_at__gte=since)
    return keys.update(revoked=False, revoked_at=None, revoked_reason="")


def revoke_on_block(sender: Any, user: Any, actor: Any = None, reason: str = "", **kwargs: Any) -> None:
    """``revoke_credentials`` receiver (sent just before ``account_blocked``)."""
    revoke_keys(user, reason=reason)
