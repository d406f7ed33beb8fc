"""``AccountAPIKey``: an API key owned by an account, issued only once it is cleared."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django.conf import settings
from django.db import models, transaction
from rest_framework_api_key.models import AbstractAPIKey, APIKeyManager

from signupguard.gate import require_cleared
from signupguard.status import lock_account


class AccountAPIKeyManager(APIKeyManager):
    def create_key(self, **kwargs: Any) -> tuple["AccountAPIKey", str]:
        """Issue a key; raises ``NotCleared`` unless ``user`` is a cleared account."""
        from signupguard.models import AccountStatus

        user = kwargs.get("user")
        with transaction.atomic():
            # The account's status row stays locked until the key exists: a block landing
            # between the check and the insert would revoke the keys it saw, not this one
            # (set_status holds the same lock while it blocks and revokes).
            if user is not None and getattr(user, "pk", None) is not None:
                lock_account(user)  # set_status takes it too: also an account without a status row yet
                list(AccountStatus.objects.select_for_update().filter(user=user).values_list("pk"))
            require_cleared(user)
            return cast(tuple["AccountAPIKey", str], super().create_key(**kwargs))

    def get_usable_keys(self) -> models.QuerySet:
        return super().get_usable_keys().select_related("user")


class AccountAPIKey(AbstractAPIKey):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signupguard_api_keys",
    )
    # Set when SignupGuard revoked the key because its account was blocked, so
    # an undo restores these keys and not the ones the owner revoked.
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=255, blank=True)

    objects: ClassVar[AccountAPIKeyManager] = AccountAPIKeyManager()

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A new key is saved only for a cleared account, whatever creates it.

        djangorestframework-api-key's admin calls ``assign_key()`` and ``save()``,
        never ``create_key()``, and ``objects.create()`` skips it too.
        """
        if not self._state.adding:
            return super().save(*args, **kwargs)
        from signupguard.models import AccountStatus

        with transaction.atomic():  # the lock create_key takes, for the same race with a block
            if self.user_id is not None:
                lock_account(self.user)
            list(AccountStatus.objects.select_for_update().filter(user_id=self.user_id).values_list("pk"))
            require_cleared(self.user if self.user_id is not None else None)
            super().save(*args, **kwargs)

    class Meta(AbstractAPIKey.Meta):
        abstract = False
        app_label = "signupguard_api_key"
        verbose_name = "account API key"
        verbose_name_plural = "account API keys"
