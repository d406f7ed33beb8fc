"""An exempt account (a superuser, by default) reads ``cleared`` at every gate, its login included.

An attacker who signs up once with an operator's address on the farm's device
links the operator into the farm's cluster; "Block cluster" then blocks the
operator's status row with the farm. The gates read the exempt account as
cleared whatever its row says, but the login checks read the row alone and
refused the operator at the admin's own login page. Reviewers' blocks now
leave exempt accounts alone (tests/test_blocks_spare_exempt_accounts.py);
a row blocked another way (an older version, a script) still reads cleared.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import AccountStatus, ClusterMember
from signupguard.status import set_status
from tests.plugins.console import ALLOW_ALL, FARM_DEVICE

pytestmark = pytest.mark.django_db


def _admin_login(captured, password: str) -> object:
    client = Client()
    with override_settings(SIGNUPGUARD=ALLOW_ALL), captured(execute=True):
        return client.post("/admin/login/?next=/admin/", {
            "username": "boss", "password": password, DEVICE_FIELD: json.dumps({"fingerprint": "boss-laptop"}),
        }, REMOTE_ADDR="81.2.69.10")


def test_a_superuser_swept_into_a_blocked_cluster_still_logs_into_the_admin(
    scored_signup, django_user_model, reviewer, django_capture_on_commit_callbacks,
) -> None:
    boss = django_user_model.objects.create_superuser("boss", "boss@acme-corp.example", "pw-boss-secret")
    assert _admin_login(django_capture_on_commit_callbacks, "pw-boss-secret").status_code == 302
    # The farm: one signup with the operator's (unverified) address, all on one device.
    farm = [scored_signup(conf=ALLOW_ALL, device=FARM_DEVICE, ip=f"45.77.1.{n}",
                          email="boss@acme-corp.example" if n == 1 else None) for n in range(1, 4)]
    cluster = ClusterMember.objects.get(user=farm[0].user).cluster_id
    assert ClusterMember.objects.get(user=boss).cluster_id == cluster
    client = Client()
    client.force_login(reviewer)
    client.post("/admin/signupguard/attempt/?queue=all",
                {"action": "block_cluster", "_selected_action": [farm[1].pk], "index": "0", "post": "yes"})
    assert not AccountStatus.objects.filter(user=boss, status="blocked").exists()  # a reviewer's block leaves it
    set_status(boss, "blocked", source="cluster", reason="blocked before blocks spared exempt accounts")
    assert AccountStatus.objects.get(user=boss).status == "blocked"
    assert account_status(boss) == "cleared"  # exempt: every gate reads it cleared

    response = _admin_login(django_capture_on_commit_callbacks, "pw-boss-secret")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # was 403 "Your account has been blocked."
