"""Helpers for tests that put two connections' statements in a fixed order (PostgreSQL races)."""

from __future__ import annotations

import threading
from typing import Any, Callable

import pytest
from django.db import connection


@pytest.fixture
def postgresql_only() -> None:
    """Skip on SQLite, which runs one write transaction at a time: these races are PostgreSQL's."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time; the race is PostgreSQL's")


def pause_after(marker: str, reached: threading.Event, resume: threading.Event) -> Callable[..., Any]:
    """An execute wrapper: the connection's first statement containing ``marker`` returns only on ``resume``.

    (A slow moment between two queries, where the scheduler could put one.)
    """
    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        if marker in sql and not reached.is_set():
            reached.set()
            assert resume.wait(30), "never resumed"
        return result
    return wrapper
