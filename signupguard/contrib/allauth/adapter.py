"""An allauth account adapter mixin: refuse blocked accounts before they log in.

    from allauth.account.adapter import DefaultAccountAdapter
    from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin

    class AccountAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
        pass

Without it the contrib.auth receiver still refuses the login (HTTP 403 after
logging the session out); with it allauth answers before the session exists.
The refusal is raised as ``NotCleared``: ``SignupGuardMiddleware`` turns it
into the 403 page (JSON for API clients), and DRF views such as dj-rest-auth's
``SocialLoginView`` answer it with a 403 instead of issuing a token.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from signupguard.adapter import get_adapter
from signupguard.gate import NotCleared
from signupguard.recording import record_login
from signupguard.status import BLOCKED, get_status


class SignupGuardAccountAdapterMixin:
    def pre_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse | None:
        if get_status(user) == BLOCKED and not get_adapter().can_login_when_blocked(user):
            # The user_logged_in receiver never runs for a refused login: record it here,
            # as it and the token serializers do (nothing new after a signup in this request).
            record_login(request, user, success=True)
            # Raised, not returned: dj-rest-auth's SocialLoginView ignores a response
            # returned by pre_login and would issue a token anyway.
            raise NotCleared(BLOCKED)
        return super().pre_login(request, user, **kwargs)  # type: ignore[misc]
