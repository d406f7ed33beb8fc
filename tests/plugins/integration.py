"""Fixtures of the live integration tests: users, requests, eager Celery, signal logs."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest
from django.test import RequestFactory

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
BROWSER_META = {
    "HTTP_USER_AGENT": CHROME,
    "HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9",
    "HTTP_SEC_CH_UA_PLATFORM": '"Windows"',
}


@pytest.fixture
def celery_eager() -> Iterator[Any]:
    """The project's Celery app, current and eager (tasks run inside apply_async)."""
    from config.celery import app

    app.set_current()
    app.set_default()
    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = saved


@pytest.fixture
def fresh_engine() -> Iterator[None]:
    """Empty velocity and a freshly built engine, so tests do not see each other's events."""
    from signupguard.velocity import get_store

    def reset() -> None:
        get_store().clear()
        try:
            from signupguard.engine import reset_engine
        except ImportError:
            return
        reset_engine()

    reset()
    yield
    reset()


@pytest.fixture
def make_user(django_user_model: Any) -> Callable[..., Any]:
    counter = iter(range(10**6))

    def make(username: str | None = None, **fields: Any) -> Any:
        n = next(counter)
        username = username or f"user{n}"
        fields.setdefault("email", f"{username}@example.org")
        return django_user_model.objects.create_user(username=username, password="pw-123-secret", **fields)

    return make


@pytest.fixture
def signup_request(rf: RequestFactory) -> Callable[..., Any]:
    """A POST signup request from ``ip`` with browser headers and optional form data."""

    def make(ip: str = "81.2.69.160", data: dict | None = None, **meta: Any) -> Any:
        request = rf.post("/signup/", data=data or {}, REMOTE_ADDR=ip, **{**BROWSER_META, **meta})
        return request

    return make


class SignalLog:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def of(self, name: str) -> list[dict[str, Any]]:
        return [kwargs for n, kwargs in self.calls if n == name]


@pytest.fixture
def signal_log() -> Iterator[SignalLog]:
    from signupguard import signals

    log = SignalLog()
    receivers = {}
    for name in ("attempt_scored", "account_held", "account_blocked", "account_cleared"):
        def receiver(sender: Any, _name: str = name, **kwargs: Any) -> None:
            kwargs.pop("signal", None)
            log.calls.append((_name, kwargs))

        receivers[name] = receiver
        getattr(signals, name).connect(receiver, weak=False)
    yield log
    for name, receiver in receivers.items():
        getattr(signals, name).disconnect(receiver)
