"""Abuse reports: a label for training and a cleared account back in review."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from signupguard.abuse import report_abuse
from signupguard.gate import account_status
from signupguard.models import AbuseReport, Label, StatusChange
from signupguard.status import CLEARED, set_status

pytestmark = [pytest.mark.django_db, pytest.mark.urls("config.urls")]


def signed_up(username: str) -> tuple[Client, object]:
    client = Client()
    body = {"email": f"{username}@example.org", "username": username, "password": "a long passphrase 42"}
    assert client.post("/api/signup/", data=json.dumps(body), content_type="application/json").status_code == 201
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    set_status(user, CLEARED, source=StatusChange.Source.REVIEWER, reason="test")
    return client, user


def test_report_labels_the_signup_and_holds_a_cleared_account(django_user_model):
    _, user = signed_up("ana")
    reporter = django_user_model.objects.create_user("ops", is_staff=True)
    report = report_abuse(user, reporter=reporter, reason="scraping the API")
    assert AbuseReport.objects.get().pk == report.pk
    label = Label.objects.get(attempt__user=user)
    assert (label.label, label.source, label.actor) == ("fraud", "abuse_report", reporter)
    assert account_status(user) == "review"
    change = StatusChange.objects.filter(account__user=user).last()
    assert change.reason == "abuse report" and change.note == "scraping the API" and change.actor == reporter


def test_a_blocked_account_stays_blocked(django_user_model):
    _, user = signed_up("bo")
    set_status(user, "blocked", source=StatusChange.Source.REVIEWER, reason="test")
    report_abuse(user, reporter=None, reason="")
    assert account_status(user) == "blocked"


def test_the_api_needs_a_trusted_caller(django_user_model):
    _, user = signed_up("cy")
    caller = django_user_model.objects.create_user("gateway", password="pw-123-secret")
    client = Client()
    client.force_login(caller)
    body = json.dumps({"account": str(user.pk), "reason": "spam"})
    assert client.post("/api/abuse-reports/", data=body, content_type="application/json").status_code == 403
    caller.user_permissions.add(Permission.objects.get(codename="add_abusereport"))
    response = client.post("/api/abuse-reports/", data=body, content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "review"
    assert account_status(user) == "review"
    missing = client.post("/api/abuse-reports/", data=json.dumps({"account": "999999"}), content_type="application/json")
    assert missing.status_code == 400 and "account" in missing.json()
    junk = client.post("/api/abuse-reports/", data=json.dumps({"account": "x'; DROP"}), content_type="application/json")
    assert junk.status_code == 400
    # The answer is the account's status after the report: a blocked account stays blocked.
    set_status(user, "blocked", source=StatusChange.Source.REVIEWER, reason="test")
    again = client.post("/api/abuse-reports/", data=body, content_type="application/json")
    assert again.status_code == 201 and again.json()["status"] == "blocked"
