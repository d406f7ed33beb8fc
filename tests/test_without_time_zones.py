"""A portal with USE_TZ = False, end to end (found in an audit, session 21: the dashboard was a 500)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import override_settings


pytestmark = pytest.mark.usefixtures("celery_eager", "fresh_engine")
MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "SYNC_WAIT": 0}


@pytest.mark.django_db
def test_signups_are_scored(signup_request: Any, make_user: Any, django_capture_on_commit_callbacks: Any) -> None:
    from signupguard.recording import record_signup
    from signupguard.capture import DEVICE_FIELD
    with override_settings(USE_TZ=False, TIME_ZONE="Europe/Madrid", SIGNUPGUARD=MEMORY):
        for i in range(2):
            user = make_user()
            req = signup_request(data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-same"})})
            with django_capture_on_commit_callbacks(execute=True):
                attempt = record_signup(req, user, wait=0)
            attempt.refresh_from_db()
            assert attempt.decision, "not scored"


@pytest.mark.django_db
def test_the_sweep_and_prune_commands_run(signup_request: Any, make_user: Any) -> None:
    from django.core.management import call_command
    from signupguard.recording import record_signup
    with override_settings(USE_TZ=False, TIME_ZONE="Europe/Madrid", SIGNUPGUARD={**MEMORY, "ATTEMPT_RETENTION_DAYS": 1}):
        user = make_user()
        record_signup(signup_request(), user, wait=0)
        call_command("signupguard_sweep")
        call_command("signupguard_prune")


@pytest.mark.django_db
def test_the_dashboard_renders(scored_signup: Any, reviewer: Any) -> None:
    from django.test import Client
    with override_settings(USE_TZ=False, TIME_ZONE="Europe/Madrid"):
        scored_signup()
        client = Client()
        client.force_login(reviewer)
        response = client.get("/admin/signupguard/dashboard/")
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/signupguard/attempt/", "/admin/signupguard/accountstatus/?status__exact=cleared",
                                 "/admin/signupguard/cluster/", "/admin/signupguard/attempt/?created_at__gte=2020-01-01"])
def test_console_pages_without_tz(scored_signup: Any, reviewer: Any, url: str) -> None:
    from django.test import Client
    with override_settings(USE_TZ=False, TIME_ZONE="Europe/Madrid"):
        a = scored_signup()
        client = Client()
        client.force_login(reviewer)
        assert client.get(url).status_code == 200
        assert client.get(f"/admin/signupguard/attempt/{a.pk}/change/").status_code == 200
