"""dj-rest-auth registration: record the signup inside the serializer.

    REST_AUTH = {"REGISTER_SERIALIZER":
                 "signupguard.contrib.rest_framework.registration.RegisterSerializer"}

or mix ``SignupGuardRegisterMixin`` into your own ``RegisterSerializer``
subclass (the mixin first). JSON clients may send the collector's ``device``
object and a ``form`` object (``{"ts": <signed render token>}`` or
``{"fill_ms": ...}``) beside the credentials. A signup its verdict blocks
before the response (and that the adapter does not let log in) is answered
``403 {"detail", "status": "blocked"}``, without a token; the account stays,
for review.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rest_framework import exceptions, serializers

from signupguard.adapter import get_adapter
from signupguard.gate import NotCleared
from signupguard.recording import record_signup
from signupguard.status import BLOCKED, get_status


class SignupGuardRegisterMixin(serializers.Serializer):
    device = serializers.JSONField(required=False, write_only=True)
    form = serializers.JSONField(required=False, write_only=True)

    def custom_signup(self, request: Any, user: Any) -> None:
        super().custom_signup(request, user)
        data = self.initial_data if isinstance(getattr(self, "initial_data", None), dict) else {}
        device, form = data.get("device"), data.get("form")
        record_signup(
            request, user,
            device=device if isinstance(device, dict) else None,
            form=form if isinstance(form, dict) else None,
        )

    def save(self, request: Any) -> Any:
        user = super().save(request)
        # A verdict that arrived while record_signup waited (SYNC_WAIT, eager Celery) may have
        # blocked the account already: refuse now, before RegisterView creates its token or session.
        if get_status(user) == BLOCKED and not get_adapter().can_login_when_blocked(user):
            raise exceptions.PermissionDenied(NotCleared(BLOCKED).as_dict())
        return user


@cache
def _register_serializer() -> type:
    from dj_rest_auth.registration.serializers import RegisterSerializer as Base

    return type("RegisterSerializer", (SignupGuardRegisterMixin, Base), {"__module__": __name__})


def __getattr__(name: str) -> Any:
    # Imported lazily: dj-rest-auth's registration needs allauth installed.
    if name == "RegisterSerializer":
        return _register_serializer()
    raise AttributeError(name)
