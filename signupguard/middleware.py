"""Capture middleware: notes when the request arrived and snapshots it on demand.

It does no I/O and no scoring: ``request.signupguard.snapshot`` is built only
when a signup or login is actually recorded, so ordinary page views cost one
small object. It also makes the current request available to signal receivers
that are sent without one (``current_request()``), for example
``user_login_failed`` from an ``authenticate()`` call without ``request``, and
answers a ``NotCleared`` raised by a view with the 403 refusal.
Works under WSGI and ASGI, with sync and async views.
"""

from __future__ import annotations

import contextvars
from datetime import datetime, timezone
from functools import cached_property
from typing import Any, Awaitable, Callable

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

from signupguard.capture import Snapshot, snapshot

_current: contextvars.ContextVar[Any] = contextvars.ContextVar("signupguard_request", default=None)


def current_request() -> Any:
    """The request being served by this thread or task, if the middleware saw it."""
    return _current.get()


class RequestCapture:
    """What the middleware attaches to ``request.signupguard``."""

    def __init__(self, request: Any) -> None:
        self.request = request
        self.received_at = datetime.now(timezone.utc)

    @cached_property
    def snapshot(self) -> Snapshot:
        return snapshot(self.request, received_at=self.received_at)


class SignupGuardMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: Any) -> Any:
        if self.is_async:
            return self.__acall__(request)
        request.signupguard = RequestCapture(request)
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)

    def process_exception(self, request: Any, exception: Exception) -> Any:
        """Answer a ``NotCleared`` raised by a view (the allauth adapter mixin) with the refusal page.

        Django calls this hook synchronously under WSGI and ASGI alike (through
        ``sync_to_async`` for async stacks), so one method serves both paths.
        """
        # Imported here: the gate loads the models, which importing the middleware never should.
        from signupguard.gate import NotCleared, refusal

        if isinstance(exception, NotCleared):
            return refusal(request, exception)
        return None

    async def __acall__(self, request: Any) -> Awaitable[Any]:
        request.signupguard = RequestCapture(request)
        token = _current.set(request)
        try:
            return await self.get_response(request)
        finally:
            _current.reset(token)
