"""Keep DRF's ``rest_framework.authtoken`` tokens away from blocked accounts.

A token never expires, so a blocked account that holds one keeps using every
endpoint that only asks for authentication. Connected by
``SignupGuardConfig.ready`` when ``rest_framework.authtoken`` is installed:

- a block deletes the account's tokens (``revoke_credentials``, sent just before
  ``account_blocked``);
- a token created later for a blocked account (a view that issues it after the
  verdict, DRF's token admin, a host's own code) is deleted as soon as it is
  saved, through ``Token`` or any proxy of it (the admin saves ``TokenProxy``).

Both spare accounts the adapter lets log in while blocked
(``can_login_when_blocked``, ``BLOCKED_CAN_LOGIN``). Logins and signups are
refused before their token by the serializers and the allauth adapter mixin;
this is what catches the paths around them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from signupguard.adapter import get_adapter
from signupguard.signals import revoke_credentials
from signupguard.status import BLOCKED, get_status, lock_account


def _keeps_no_token(user: Any) -> bool:
    return not get_adapter().can_login_when_blocked(user)


def delete_tokens_on_block(sender: Any, user: Any, **kwargs: Any) -> None:
    """``revoke_credentials`` receiver: the blocked account's tokens stop working now."""
    from rest_framework.authtoken.models import Token

    if _keeps_no_token(user):
        Token.objects.filter(user=user).delete()


def delete_token_of_blocked(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    """``post_save`` receiver of ``Token``: a token saved for a blocked account is deleted at once.

    Created, or moved onto it (its ``user`` changed): either way it would let the account in.
    """
    if kwargs.get("raw"):
        return
    with transaction.atomic():
        # A block being committed deleted the tokens it saw, not this one: wait for it, then read.
        lock_account(instance.user)
        if get_status(instance.user) == BLOCKED and _keeps_no_token(instance.user):
            # The row, not the instance: instance.delete() would empty the key its caller still
            # uses (DRF's token admin logs str(token), and a None key there is a 500).
            from rest_framework.authtoken.models import Token

            Token.objects.filter(key=instance.key).delete()


def connect() -> None:
    """Connect the receivers (idempotent); called from ``SignupGuardConfig.ready``."""
    from django.apps import apps
    from rest_framework.authtoken.models import Token

    revoke_credentials.connect(delete_tokens_on_block, dispatch_uid="signupguard.authtoken.delete_on_block")
    # post_save names the class that was saved: a proxy's save (DRF's token admin saves TokenProxy)
    # never reaches a receiver connected to Token, so every installed model whose rows are tokens is.
    for model in apps.get_models():
        if issubclass(model, Token):
            post_save.connect(delete_token_of_blocked, sender=model,
                              dispatch_uid=f"signupguard.authtoken.delete_new.{model._meta.label_lower}")
