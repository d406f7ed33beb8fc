"""A DRF exception handler that keeps the account status in 403 answers.

DRF turns Django's ``PermissionDenied`` into a bare ``{"detail"}``; with
``REST_FRAMEWORK = {"EXCEPTION_HANDLER":
"signupguard.contrib.rest_framework.exceptions.exception_handler"}`` a
``NotCleared`` raised anywhere in a view (e.g. by
``AccountAPIKey.objects.create_key``) answers ``403 {"detail", "status"}``.
"""

from __future__ import annotations

from typing import Any

from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from signupguard.gate import NotCleared


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, NotCleared):
        return Response(exc.as_dict(), status=403)
    return drf_exception_handler(exc, context)
