"""Fixtures of the review-console tests: scored signups through the real pipeline, reviewers, keys."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any, Callable

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
ALLOW_ALL = {**MEMORY, "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"]}
REVIEW_ALL = {**MEMORY, "REVIEW_THRESHOLD": 0.0, "BLOCK_THRESHOLD": 1.0}
MODEL_ALLOWS = {**MEMORY, "REVIEW_THRESHOLD": 1.0, "BLOCK_THRESHOLD": 1.0}  # the model's allow, not an allow list's
DENY_ALL = {**MEMORY, "DENY_IP_RANGES": ["0.0.0.0/0", "::/0"]}


def confirmation_fields(response: Any) -> dict[str, list[str]]:
    """The hidden fields of a confirmation page's form: what the browser posts back when the reviewer says yes."""
    fields: dict[str, list[str]] = {}

    class Hidden(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "input" and found.get("type") == "hidden" and found.get("name"):
                fields.setdefault(found["name"], []).append(found.get("value") or "")

    Hidden().feed(response.content.decode())
    return fields


FARM_DEVICE = {"fingerprint": "fp-farm-1", "webdriver": True, "timezone": "Asia/Shanghai", "screen": "800x600x24",
               "languages": ["zh-CN"], "platform": "Linux x86_64"}


@pytest.fixture
def scored_signup(signup_request: Any, make_user: Any, django_capture_on_commit_callbacks: Any,
                  celery_eager: Any, fresh_engine: Any) -> Callable[..., Any]:
    """Sign a new user up through record_signup and score it (eager Celery, on-commit callbacks run)."""
    from signupguard.capture import DEVICE_FIELD
    from signupguard.recording import record_signup

    def make(*, conf: dict = ALLOW_ALL, ip: str = "81.2.69.160", device: dict | None = None,
             email: str | None = None, username: str | None = None, user_agent: str | None = None) -> Any:
        user = make_user(username, **({"email": email} if email else {}))
        meta = {"HTTP_USER_AGENT": user_agent} if user_agent else {}
        request = signup_request(ip, data={DEVICE_FIELD: json.dumps(device or {"fingerprint": f"fp-{user.pk}"})}, **meta)
        with override_settings(SIGNUPGUARD=conf), django_capture_on_commit_callbacks(execute=True):
            attempt = record_signup(request, user, wait=0)
        attempt.refresh_from_db()
        return attempt

    return make


@pytest.fixture
def issue_key() -> Callable[..., str]:
    from signupguard.contrib.rest_framework_api_key.keys import issue_key as issue

    def make(user: Any) -> str:
        return issue(user, name="ci")[1]

    return make


def _staff(django_user_model: Any, username: str, codenames: list[str]) -> Any:
    user = django_user_model.objects.create_user(username=username, password="pw-123-secret", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="signupguard", codename__in=codenames))
    return user


VIEW = ["view_attempt", "view_accountstatus", "view_cluster"]


@pytest.fixture
def reviewer(django_user_model: Any) -> Any:
    """Staff with view permissions and ``signupguard.review_account``."""
    return _staff(django_user_model, "reviewer", VIEW + ["review_account"])


@pytest.fixture
def viewer(django_user_model: Any) -> Any:
    """Staff who may look at the console but not act."""
    return _staff(django_user_model, "viewer", VIEW)


@pytest.fixture(autouse=True)
def _fresh_filter_values() -> Any:
    """Each test reads the console's column values anew (``RecentValuesFilter`` keeps them a minute per process)."""
    from signupguard.admin.filters import forget_values

    forget_values()
    yield
    forget_values()
