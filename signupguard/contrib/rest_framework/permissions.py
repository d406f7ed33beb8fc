"""``IsCleared``: an authenticated account whose verdict cleared it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission

from signupguard.gate import NOT_CLEARED_MESSAGE, refused


class IsCleared(BasePermission):
    """Refuses held accounts with ``403 {"detail", "status"}``."""

    message: Any = gettext_lazy(NOT_CLEARED_MESSAGE)

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401/403 "not authenticated"
        held = refused(user)
        if held is None:
            return True
        self.message = held.as_dict()
        return False
