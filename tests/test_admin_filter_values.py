"""The queue's and accounts' value filters read each column's values once a minute, not on every page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from signupguard.admin.filters import forget_values
from signupguard.models import AccountStatus, Attempt

pytestmark = pytest.mark.django_db
QUEUE = "/admin/signupguard/attempt/?queue=all"
ACCOUNTS = "/admin/signupguard/accountstatus/?status__exact=review"


def _attempt(user: Any, country: str, version: str, network: str) -> Attempt:
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    attempt = Attempt.objects.create(
        event_id=f"values-{user.pk}", kind="signup", occurred_at=when, user=user, account=user.username,
        email=user.email, country=country, model_version=version, network_kind=network, decision="review",
        state="scored")
    AccountStatus.objects.create(user=user, attempt=attempt, status="review", source="model")
    return attempt


@pytest.fixture
def client(admin_client: Client) -> Client:
    return admin_client  # pytest-django's: a superuser, logged in


def _distinct_queries(client: Client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"]]


def test_a_columns_values_are_read_once_then_reused(client, django_user_model) -> None:
    for i, country in enumerate(["GB", "US"]):
        _attempt(django_user_model.objects.create_user(f"v{i}", f"v{i}@example.org"), country, "m-1", "hosting")
    page, distinct = _distinct_queries(client, QUEUE)
    assert len(distinct) == 3  # model version, country, network kind
    assert "country=GB" in page and "country=US" in page and "model_version=m-1" in page
    page, distinct = _distinct_queries(client, QUEUE)
    assert distinct == [] and "country=GB" in page and "country=US" in page
    _, distinct = _distinct_queries(client, ACCOUNTS)
    assert len(distinct) == 1  # the account's source
    assert _distinct_queries(client, ACCOUNTS)[1] == []


def test_new_values_show_once_the_cached_ones_expire(client, django_user_model, monkeypatch) -> None:
    from signupguard.admin import filters

    _attempt(django_user_model.objects.create_user("v0", "v0@example.org"), "GB", "m-1", "hosting")
    assert "country=FR" not in _distinct_queries(client, QUEUE)[0]
    _attempt(django_user_model.objects.create_user("v1", "v1@example.org"), "FR", "m-2", "mobile")
    assert "country=FR" not in _distinct_queries(client, QUEUE)[0]  # within the minute: the values read before
    monkeypatch.setattr(filters, "VALUES_TTL", 0.0)
    forget_values()
    page, _ = _distinct_queries(client, QUEUE)
    assert "country=FR" in page and "model_version=m-2" in page and "network_kind=mobile" in page
