"""Credential paths around the gate that used to slip past it (found in an audit, session 32)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from signupguard.status import BLOCKED, CLEARED, hold_new_account, set_status

pytestmark = [pytest.mark.urls("tests.urls"), pytest.mark.usefixtures("celery_eager", "fresh_engine")]

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}


def _account(make_user: Any, status: str) -> Any:
    user = make_user()
    hold_new_account(user, attempt=None)
    set_status(user, status, source="reviewer", reason="test")
    return user


@pytest.mark.parametrize("can_login", [False, True], ids=["refused", "blocked-can-login"])
def test_a_token_the_admin_creates_for_a_blocked_account_is_deleted(
    client: Any, token_model: type, make_user: Any, admin_user: Any, can_login: bool,
) -> None:
    # DRF's token admin saves TokenProxy, whose post_save names the proxy as its sender: the receiver
    # connected to Token alone never ran, and a support agent's token let the blocked account back in.
    blocked, cleared = _account(make_user, BLOCKED), _account(make_user, CLEARED)
    client.force_login(admin_user)
    with override_settings(SIGNUPGUARD={**MEMORY, "BLOCKED_CAN_LOGIN": can_login}):
        for user in (blocked, cleared):
            response = client.post("/admin/authtoken/tokenproxy/add/", {"user": user.pk})
            assert response.status_code == 302, response.content[:500]
    assert token_model.objects.filter(user=blocked).exists() is can_login
    assert token_model.objects.filter(user=cleared).exists()  # a cleared account keeps the token it was given


def test_a_token_moved_onto_a_blocked_account_is_deleted(token_model: type, make_user: Any) -> None:
    # A token's user changed (host code, a data fix) onto a blocked account would let that account in:
    # only tokens just created were checked.
    blocked, cleared = _account(make_user, BLOCKED), _account(make_user, CLEARED)
    token = token_model.objects.create(user=cleared)
    with override_settings(SIGNUPGUARD=MEMORY):
        token.user = blocked
        token.save()
    assert not token_model.objects.filter(key=token.key).exists()
