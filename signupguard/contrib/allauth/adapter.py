"""An allauth account adapter mixin: refuse blocked accounts before they log in.

    from allauth.account.adapter import DefaultAccountAdapter
    from signupguard.contrib.allauth.adapter import SignupGuardAccountAdapterMixin

    class AccountAdapter(SignupGuardAccountAdapterMixin, DefaultAccountAdapter):
        pass

Without it the contrib.auth receiver still refuses the login (HTTP 403 after
logging the session out); with it allauth answers before the session exists.
It also records the logins allauth's own rate limit refuses (``login_failed``
in ``ACCOUNT_RATE_LIMITS``) as failed logins: refused before any password is
checked, they send no ``user_login_failed``, and a credential-stuffing run
would vanish from the failed-login counts once it passed allauth's limit.
The refusal is raised as ``NotCleared``: ``SignupGuardMiddleware`` turns it
into the 403 page (JSON for API clients), and DRF views such as dj-rest-auth's
``SocialLoginView`` answer it with a 403 instead of issuing a token.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth import _clean_credentials  # type: ignore[attr-defined]  # private: the cleansing user_login_failed gets
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from signupguard.adapter import get_adapter
from signupguard.gate import NotCleared
from signupguard.recording import record_login
from signupguard.status import BLOCKED, get_status

logger = logging.getLogger(__name__)


class SignupGuardAccountAdapterMixin:
    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)  # type: ignore[misc]
        except ValidationError:  # allauth's "too many login attempts": no password was tried, no signal sent
            try:
                # Cleansed as Django cleanses user_login_failed's: the adapter's hooks are promised no password.
                record_login(request, None, success=False, credentials=_clean_credentials(dict(credentials)))
            except Exception:  # the refusal must stay allauth's plain refusal
                logger.exception("signupguard: could not record a login refused by allauth's rate limit")
            raise

    def pre_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse | None:
        if get_status(user) == BLOCKED and not get_adapter().can_login_when_blocked(user):
            # The user_logged_in receiver never runs for a refused login: record it here,
            # as it and the token serializers do (nothing new after a signup in this request).
            record_login(request, user, success=True)
            # Raised, not returned: dj-rest-auth's SocialLoginView ignores a response
            # returned by pre_login and would issue a token anyway.
            raise NotCleared(BLOCKED)
        return super().pre_login(request, user, **kwargs)  # type: ignore[misc]
