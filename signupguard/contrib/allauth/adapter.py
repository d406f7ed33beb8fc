"""An allauth account adapter mixin: refuse blocked accounts before they log in.

    from allauth.account.adapter import DefaultAccountAdapter
    from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin

    class AccountAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
        pass

Without it the contrib.auth receiver still refuses the login (HTTP 403 after
logging the session out); with it allauth answers before the session exists.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from signupguard.adapter import get_adapter
from signupguard.gate import refusal
from signupguard.status import BLOCKED, get_status


class SignupGuardAccountAdapterMixin:
    def pre_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse | None:
        if get_status(user) == BLOCKED and not get_adapter().can_login_when_blocked(user):
            return refusal(request, BLOCKED)
        return super().pre_login(request, user, **kwargs)  # type: ignore[misc]
