"""A flag that is on only inside a ``with`` block, for this thread or task."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator


class ScopedFlag:
    """``with flag.on():`` turns it on for the code the block runs (a ContextVar: threads and tasks apart)."""

    def __init__(self, name: str) -> None:
        self._var: ContextVar[bool] = ContextVar(name, default=False)

    def __bool__(self) -> bool:
        return self._var.get()

    @contextmanager
    def on(self) -> Iterator[None]:
        token = self._var.set(True)
        try:
            yield
        finally:
            self._var.reset(token)
