"""What every module of the checks shares: the tag they run under, and one error's wording."""

from __future__ import annotations

from django.core.checks import Error

from signupguard.conf import DEFAULTS, sg_settings

TAG = "signupguard"


def default_meanwhile(key: str, problem: str, check_id: str) -> Error:
    """The error for a setting the code reads as its default until it is fixed."""
    return Error(f"SIGNUPGUARD[{key!r}] = {sg_settings.get(key)!r} {problem}.",
                 hint=f"Until it is fixed, SignupGuard uses the default, {DEFAULTS[key]!r}.",
                 obj=f"SIGNUPGUARD[{key!r}]", id=check_id)
