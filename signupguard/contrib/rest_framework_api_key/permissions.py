"""DRF permission: a valid API key whose account is cleared."""

from __future__ import annotations

from typing import Any, cast

from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.permissions import BaseHasAPIKey

from signupguard.gate import refused

from .models import AccountAPIKey


class HasClearedAccountAPIKey(BaseHasAPIKey):
    model = AccountAPIKey

    def has_permission(self, request: Any, view: Any) -> bool:
        key = self.get_key(request)
        if not key:
            return False
        try:
            api_key = cast(AccountAPIKey, AccountAPIKey.objects.get_from_key(key))
        except AccountAPIKey.DoesNotExist:
            return False
        if api_key.has_expired:
            return False
        if not getattr(api_key.user, "is_active", True):
            # A deactivated account signs in nowhere (Django's backends, DRF's token check): nor with its keys.
            self.message = {"detail": str(_("This account is inactive."))}
            return False
        held = refused(api_key.user)
        if held is not None:
            self.message = held.as_dict()
            return False
        return True
