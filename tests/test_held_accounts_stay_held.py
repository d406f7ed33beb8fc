"""Ways a blocked or held account used to slip through (found in an audit, session 21)."""

from __future__ import annotations

import pytest
from django.contrib.admin import AdminSite
from django.test import override_settings
from django.urls import include, path
from rest_framework_api_key.admin import APIKeyModelAdmin

from signupguard.contrib.rest_framework_api_key.keys import issue_key
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import NotCleared, account_status
from signupguard.engine import reset_engine
from signupguard.models import ClusterMember, StatusChange
from signupguard.recording import record_login, record_signup
from signupguard.review import confirm_block
from signupguard.scoring import score_attempt
from signupguard.status import CLEARED, hold_new_account, set_status
from signupguard.velocity import get_store

# What djangorestframework-api-key's docs tell a host with a custom key model to do.
site = AdminSite(name="keyadmin")
site.register(AccountAPIKey, APIKeyModelAdmin)
urlpatterns = [path("keyadmin/", site.urls), path("", include("tests.urls_integration"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__), pytest.mark.usefixtures("celery_eager", "fresh_engine")]
MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
DEVICE = {"timezone": "Europe/London", "languages": ["en-GB", "en"], "screen": "1920x1080x24", "webdriver": False,
          "platform": "Win32", "hardware_concurrency": 8, "touch_points": 0}


def test_a_blocked_mailbox_back_a_week_later_is_held_not_cleared(
    scored_signup, reviewer, django_capture_on_commit_callbacks,
) -> None:
    first = scored_signup(conf=MEMORY, email="john.doe@gmail.com", ip="81.2.69.160", device={**DEVICE, "fingerprint": "a"})
    with override_settings(SIGNUPGUARD=MEMORY), django_capture_on_commit_callbacks(execute=True):
        confirm_block([first.user], actor=reviewer)
    get_store().clear()  # a week later: the velocity windows have emptied
    reset_engine()
    again = scored_signup(conf=MEMORY, email="johndoe+2@gmail.com", ip="89.160.20.112", device={**DEVICE, "fingerprint": "b"})
    assert again.decision == "allow"  # on its own it looks fine ...
    cluster = ClusterMember.objects.filter(user=first.user).values_list("cluster_id", flat=True).first()
    assert ClusterMember.objects.filter(user=again.user, cluster_id=cluster).exists()
    # ... but it shares the blocked account's mailbox: held, as it would have been had it come first.
    assert account_status(again.user) == "review"
    with pytest.raises(NotCleared):
        issue_key(again.user, name="k")


def test_a_signups_block_applies_after_a_login_held_the_account(
    make_user, signup_request, django_capture_on_commit_callbacks,
) -> None:
    user = make_user(email="bot@spam-farm.example")
    with override_settings(SIGNUPGUARD=MEMORY), django_capture_on_commit_callbacks(execute=False):
        signup = record_signup(signup_request(), user)  # its task not run yet (a queue, the sweep)
    with override_settings(SIGNUPGUARD={**MEMORY, "LOGIN_MAX_ACCOUNTS_PER_IP": 0}), \
            django_capture_on_commit_callbacks(execute=True):
        record_login(signup_request(), user, success=True)  # a risky login, scored first
    assert account_status(user) == "review"
    with override_settings(SIGNUPGUARD={**MEMORY, "DENY_EMAIL_DOMAINS": ["spam-farm.example"]}):
        score_attempt(signup.pk)
    signup.refresh_from_db()
    assert signup.decision == "block" and account_status(user) == "blocked"
    assert StatusChange.objects.filter(account__user=user).last().source == "rule"


def test_a_signups_block_leaves_a_reviewers_decision_alone(
    make_user, signup_request, django_capture_on_commit_callbacks, reviewer,
) -> None:
    user = make_user(email="bot@spam-farm.example")
    with override_settings(SIGNUPGUARD=MEMORY), django_capture_on_commit_callbacks(execute=False):
        signup = record_signup(signup_request(), user)
    set_status(user, "review", source="reviewer", actor=reviewer, reason="holding it myself")
    with override_settings(SIGNUPGUARD={**MEMORY, "DENY_EMAIL_DOMAINS": ["spam-farm.example"]}):
        score_attempt(signup.pk)
    assert account_status(user) == "review"


@pytest.mark.parametrize("status", ["pending", "review", "blocked"])
def test_no_path_saves_a_key_for_a_held_account(client, make_user, admin_user, status) -> None:
    held = make_user()
    hold_new_account(held, attempt=None)
    if status != "pending":
        set_status(held, status, source="reviewer", reason="held")
    client.force_login(admin_user)
    client.raise_request_exception = False
    response = client.post("/keyadmin/signupguard_api_key/accountapikey/add/", {"name": "support", "user": held.pk})
    assert response.status_code == 403
    with pytest.raises(NotCleared):
        AccountAPIKey.objects.create(user=held, name="direct")
    assert not AccountAPIKey.objects.filter(user=held).exists()
    set_status(held, CLEARED, source="reviewer", reason="ok")
    response = client.post("/keyadmin/signupguard_api_key/accountapikey/add/", {"name": "support", "user": held.pk})
    assert response.status_code == 302 and AccountAPIKey.objects.filter(user=held).count() == 1


def test_a_key_name_with_a_null_character_is_a_400_not_a_500(client, make_user) -> None:
    user = make_user()
    hold_new_account(user, attempt=None)
    set_status(user, CLEARED, source="reviewer", reason="ok")
    client.force_login(user)
    client.raise_request_exception = False
    response = client.post("/api/keys/", {"name": "ci\u0000"}, content_type="application/json")
    assert response.status_code == 400 and "Null characters" in response.json()["name"][0]
    assert client.post("/api/keys/", {"name": "ci"}, content_type="application/json").status_code == 201


def test_a_key_named_through_another_path_loses_its_null_characters(make_user) -> None:
    user = make_user()
    hold_new_account(user, attempt=None)
    set_status(user, CLEARED, source="reviewer", reason="ok")
    assert issue_key(user, name="ci\u0000")[0].name == "ci"  # the demo's HTML page, a host's own view
    assert issue_key(user, name="\u0000")[0].name == "default"
