"""Chromium driven through Playwright's sync API, for the browser tests.

Playwright's sync API runs its asyncio loop in a greenlet of the calling
thread, so while it is open ``asyncio.get_running_loop()`` returns that loop
in the test's own thread too. Django keeps its database connections in an
``asgiref.local.Local`` that is a plain thread-local in a sync thread but a
store of its own (context variables) once a loop is running. The ORM calls
a test makes while Playwright is open therefore open a second connection. It
is not the one pytest-django manages, and pytest-django never sees it: its
flush and its ``close()`` after the test run outside Playwright (the live
server's autouse helper sets ``transactional_db`` up before a function-scoped
browser fixture and tears it down after it). Such a connection stayed open
until the process exited, and PostgreSQL refused to drop the test database at
the end of the run ("database ... is being accessed by other users").

``playwright_chromium`` closes the connections opened under Playwright's loop
before it stops Playwright, while that loop still selects them.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

import pytest


@contextmanager
def playwright_chromium(executable: Path, args: Sequence[str]) -> Iterator[Any]:
    """A headless Chromium browser at ``executable``; skips the test without Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from django.db import connections

    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    # Playwright's loop runs in this thread; the ORM calls of the tests are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(executable_path=str(executable), args=list(args), headless=True)
                try:
                    yield browser
                finally:
                    browser.close()
            finally:
                # Still under Playwright's loop, so these are the connections the
                # tests opened while it ran; outside it they cannot be reached.
                connections.close_all()
    finally:
        if saved is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved
