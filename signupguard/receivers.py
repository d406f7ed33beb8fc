"""contrib.auth signal receivers: every login, successful or not, is recorded.

Connected by ``SignupGuardConfig.ready()``. The allauth ``user_signed_up``
receiver lives in ``signupguard.contrib.allauth.receivers`` and is connected
only when allauth is installed.

A blocked account that the adapter does not allow to log in is logged out
again at once and the login is refused with ``NotCleared``, a ``PermissionDenied`` (HTTP 403),
whichever login view calls ``django.contrib.auth.login()``. Token login views
(DRF's ``obtain_auth_token``, dj-rest-auth's ``LoginView``) need not call it,
or call it after the token exists: for them, the serializers of
``signupguard.contrib.rest_framework.login`` record the login and refuse
blocked accounts. Their failed logins are recorded here (``authenticate()``
sends ``user_login_failed``).
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from signupguard.adapter import get_adapter
from signupguard.gate import NotCleared
from signupguard.middleware import current_request
from signupguard.recording import record_login, recorded_kinds
from signupguard.status import BLOCKED, get_status

logger = logging.getLogger(__name__)


@receiver(user_logged_in, dispatch_uid="signupguard.user_logged_in")
def on_user_logged_in(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    request = request if request is not None else current_request()
    if request is None or user is None:
        return
    signing_up = "signup" in recorded_kinds(request)
    record_login(request, user, success=True)
    # The login that follows a signup in the same request is the signup's own
    # session: it is let through so the portal can say "blocked" to the new
    # account (the gate refuses it everything else); any later login is refused.
    if not signing_up and get_status(user) == BLOCKED and not get_adapter().can_login_when_blocked(user):
        logout(request)
        raise NotCleared(BLOCKED)  # a PermissionDenied: SignupGuardMiddleware answers it with the refusal


@receiver(user_login_failed, dispatch_uid="signupguard.user_login_failed")
def on_user_login_failed(sender: Any, credentials: Any = None, request: Any = None, **kwargs: Any) -> None:
    request = request if request is not None else current_request()
    if request is None:
        return  # authenticate() outside a request (scripts, tests): nothing to capture
    try:
        record_login(request, None, success=False, credentials=credentials if isinstance(credentials, dict) else {})
    except Exception:  # a failed login must stay a plain failed login
        logger.exception("signupguard: could not record a failed login")
