"""The gate: status, decorator, DRF permission, API keys, revocation, blocked logins."""

from __future__ import annotations

import pytest
from django.test import override_settings

from signupguard.adapter import DefaultAdapter
from signupguard.contrib.rest_framework_api_key.keys import issue_key, restore_keys
from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import NotCleared, account_status, is_cleared
from signupguard.models import AccountStatus, StatusChange
from signupguard.recording import record_signup
from signupguard.status import hold_new_account, set_status

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_integration")]


class LegacyClearedAdapter(DefaultAdapter):
    def missing_status(self, user):
        return "cleared"


def _with_status(user, status):
    hold_new_account(user, attempt=None)
    if status != "pending":
        set_status(user, status, source="reviewer", reason="test")
    return user


def test_status_of_accounts(make_user, django_user_model) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert account_status(AnonymousUser()) == "anonymous" and not is_cleared(AnonymousUser())
    unknown = make_user()
    assert account_status(unknown) == "pending"  # fail closed: no verdict, no key
    with override_settings(SIGNUPGUARD={"ADAPTER": "tests.test_gate.LegacyClearedAdapter"}):
        assert is_cleared(unknown)
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    assert is_cleared(admin)  # exempt by the default adapter
    for status in ("pending", "review", "blocked", "cleared"):
        user = _with_status(make_user(), status)
        assert account_status(user) == status
        assert is_cleared(user) is (status == "cleared")


@pytest.mark.parametrize("cutoff", ["2026-06-01", "2026-06-01T00:00:00Z", "2026-06-01T02:00:00+02:00"])
def test_accounts_that_joined_before_the_installation_count_as_cleared(make_user, cutoff) -> None:
    """A portal's existing customers keep their API keys when it installs SignupGuard (one setting)."""
    import datetime as dt

    before = make_user(date_joined=dt.datetime(2026, 5, 31, 23, 59, tzinfo=dt.timezone.utc))
    after = make_user(date_joined=dt.datetime(2026, 6, 1, 0, 1, tzinfo=dt.timezone.utc))
    held = _with_status(make_user(date_joined=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)), "review")
    assert [account_status(user) for user in (before, after, held)] == ["pending", "pending", "review"]
    with override_settings(SIGNUPGUARD={"CLEARED_IF_JOINED_BEFORE": cutoff}):
        assert is_cleared(before) and account_status(after) == "pending"  # joined since: no verdict, no key
        assert account_status(held) == "review"  # a verdict stands, however old the account
        set_status(before, "blocked", source="reviewer", reason="farm")  # its first row starts from cleared
        assert list(StatusChange.objects.filter(account__user=before).values_list("from_status", "to_status")) == [
            ("cleared", "blocked")]


@pytest.mark.parametrize("cutoff", ["2026-02-30", "last year", 20260601, True])
def test_an_unusable_cutoff_clears_nobody_and_check_says_so(make_user, cutoff) -> None:
    import datetime as dt

    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    old = make_user(date_joined=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    with override_settings(SIGNUPGUARD={"CLEARED_IF_JOINED_BEFORE": cutoff}):
        assert account_status(old) == "pending"  # fail closed
        with pytest.raises(SystemCheckError, match="signupguard.E047"):
            call_command("check")


def test_status_changes_are_audited_and_signalled(make_user, signal_log, admin_user) -> None:
    user = make_user()
    hold_new_account(user, attempt=None)
    assert signal_log.names() == ["account_held"]
    change = set_status(user, "blocked", source="reviewer", actor=admin_user, reason="farm", note="cluster 7")
    assert change.from_status == "pending" and change.to_status == "blocked" and change.actor == admin_user
    assert set_status(user, "blocked", source="reviewer") is None  # no change, no row
    assert set_status(user, "cleared", source="model", only_from=["pending"]) is None  # model can't overrule
    set_status(user, "cleared", source="reviewer", actor=admin_user, reason="false positive")
    rows = list(StatusChange.objects.filter(account__user=user).values_list("from_status", "to_status", "source"))
    assert rows == [("", "pending", "system"), ("pending", "blocked", "reviewer"), ("blocked", "cleared", "reviewer")]
    assert signal_log.names() == ["account_held", "account_blocked", "account_cleared"]
    assert signal_log.of("account_blocked")[0] == {"user": user, "actor": admin_user, "reason": "farm",
                                                   "previous": "pending"}
    assert AccountStatus.objects.get(user=user).source == "reviewer"
    with pytest.raises(ValueError):
        set_status(user, "weird", source="system")


def test_an_account_a_portal_opens_by_invitation_is_cleared_in_the_inviters_name(make_user, signal_log) -> None:
    """The README's invitation path: create_user, then set_status(..., source="system", actor=inviter)."""
    inviter, invited = make_user(), make_user()
    assert not is_cleared(invited)  # no signup recorded: no status row, pending
    set_status(invited, "cleared", source="system", actor=inviter, reason="invited")
    assert is_cleared(invited) and signal_log.names() == ["account_cleared"]
    assert signal_log.of("account_cleared")[0] == {"user": invited, "actor": inviter, "reason": "invited",
                                                   "previous": "pending"}
    assert list(StatusChange.objects.filter(account__user=invited).values_list(
        "from_status", "to_status", "source", "actor", "reason")) == [("pending", "cleared", "system", inviter.pk, "invited")]
    issue_key(invited, name="first key")  # the gate lets it have one


def test_exempt_account_is_created_cleared(make_user, signal_log) -> None:
    user = make_user()
    status = hold_new_account(user, attempt=None, exempt=True)
    assert status.status == "cleared" and signal_log.names() == ["account_cleared"]  # never held: no account_held
    assert signal_log.of("account_cleared")[0] == {"user": user, "actor": None, "reason": "exempt account",
                                                   "new_account": True, "previous": None}
    assert hold_new_account(user, attempt=None, exempt=True) == status and len(signal_log.calls) == 1  # once


class ProvisioningAdapter(DefaultAdapter):
    cleared: list = []

    def on_cleared(self, user, *, actor, reason) -> None:
        self.cleared.append((user.pk, reason))


def test_an_exempt_signup_tells_the_host_it_is_cleared(signup_request, django_user_model, signal_log, settings,
                                                       django_capture_on_commit_callbacks) -> None:
    """A host that provisions on account_cleared (or the adapter's on_cleared) must provision exempt accounts too."""
    settings.SIGNUPGUARD = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore",
                            "ADAPTER": "tests.test_gate.ProvisioningAdapter"}
    ProvisioningAdapter.cleared.clear()
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-123-secret")
    with django_capture_on_commit_callbacks(execute=False):
        record_signup(signup_request(), admin)
    assert signal_log.names() == ["account_cleared"] and ProvisioningAdapter.cleared == [(admin.pk, "exempt account")]


@pytest.mark.parametrize("path", ["/gated/", "/agated/"])
def test_cleared_required_decorator(client, make_user, path) -> None:
    response = client.get(path)
    assert response.status_code == 302 and "login" in response["Location"]
    held = _with_status(make_user(), "review")
    client.force_login(held)
    response = client.get(path, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response.json() == {"detail": NotCleared("review").as_dict()["detail"], "status": "review"}
    response = client.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 403 and b"being reviewed" in response.content
    client.force_login(_with_status(make_user(), "cleared"))
    assert client.get(path).status_code == 200


def test_drf_is_cleared_permission(client, make_user) -> None:
    assert client.get("/drf/cleared/").status_code == 403
    client.force_login(_with_status(make_user(), "pending"))
    response = client.get("/drf/cleared/")
    assert response.status_code == 403 and response.json()["status"] == "pending"
    client.force_login(_with_status(make_user(), "cleared"))
    assert client.get("/drf/cleared/").json() == {"ok": True}


@pytest.mark.parametrize("status", ["pending", "review", "blocked"])
def test_api_key_refused_until_cleared(client, make_user, status) -> None:
    user = make_user()
    client.force_login(user)  # before the block: a blocked account cannot log in by default
    _with_status(user, status)
    response = client.post("/api/keys/", {"name": "ci"}, content_type="application/json")
    assert response.status_code == 403
    body = response.json()
    assert set(body) == {"detail", "status"} and body["status"] == status and body["detail"]
    assert not AccountAPIKey.objects.filter(user=user).exists()
    with pytest.raises(NotCleared):
        AccountAPIKey.objects.create_key(user=user, name="direct")
    with pytest.raises(NotCleared):
        issue_key(user, name="direct")


def test_an_account_no_signup_recorded_is_not_promised_a_verdict(client, make_user) -> None:
    """Made outside the signup flow (no status row): still pending, but every gate says a person must clear it."""
    from signupguard.gate import UNCHECKED_MESSAGE

    unchecked, waiting = make_user(), _with_status(make_user(), "pending")
    for user, detail in ((unchecked, UNCHECKED_MESSAGE), (waiting, NotCleared("pending").as_dict()["detail"])):
        client.force_login(user)
        expected = {"detail": detail, "status": "pending"}  # the documented body; only the words differ
        assert client.post("/api/keys/", {"name": "ci"}, content_type="application/json").json() == expected
        assert client.get("/drf/cleared/").json() == expected
        assert client.get("/gated/", HTTP_ACCEPT="application/json").json() == expected
        assert detail in client.get("/gated/", HTTP_ACCEPT="text/html").content.decode()
        with pytest.raises(NotCleared, match=detail):
            issue_key(user, name="direct")
    _, key = issue_key(_with_status(make_user(), "cleared"), name="k")
    owner = AccountAPIKey.objects.get_from_key(key).user
    AccountStatus.objects.filter(user=owner).delete()  # its row gone: as an account no signup recorded
    response = client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert response.status_code == 403 and response.json() == {"detail": UNCHECKED_MESSAGE, "status": "pending"}


def test_api_key_granted_when_cleared_and_revoked_on_block(client, make_user, admin_user) -> None:
    user = _with_status(make_user(), "cleared")
    client.force_login(user)
    response = client.post("/api/keys/", {"name": "ci"}, content_type="application/json")
    assert response.status_code == 201
    key = response.json()["key"]
    assert response.json()["prefix"] == key.partition(".")[0]
    issue_key(user, name="second")
    other = _with_status(make_user(), "cleared")
    issue_key(other, name="bystander")
    client.logout()
    assert client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200

    set_status(user, "blocked", source="reviewer", actor=admin_user, reason="farm")
    keys = AccountAPIKey.objects.filter(user=user)
    assert keys.count() == 2 and all(k.revoked and k.revoked_reason == "farm" for k in keys)
    assert not AccountAPIKey.objects.get(user=other).revoked
    assert client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 403

    set_status(user, "cleared", source="reviewer", actor=admin_user, reason="undo")
    assert restore_keys(user) == 2
    assert client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200


def test_key_of_a_held_account_is_refused_even_if_not_revoked(client, make_user) -> None:
    user = _with_status(make_user(), "cleared")
    _, key = issue_key(user, name="k")
    AccountStatus.objects.filter(user=user).update(status="review")  # e.g. a login put it in review
    response = client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert response.status_code == 403 and response.json()["status"] == "review"


@pytest.mark.parametrize(("can_login", "expected"), [(False, 403), (True, 302)])
def test_blocked_can_login_setting(client, make_user, can_login, expected, celery_eager, fresh_engine) -> None:
    user = _with_status(make_user("blocky"), "blocked")
    with override_settings(SIGNUPGUARD={"BLOCKED_CAN_LOGIN": can_login,
                                        "VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}):
        response = client.post("/login/", {"username": "blocky", "password": "pw-123-secret"})
        assert response.status_code == expected
        who = client.get("/whoami/").json()["user"]
    assert who == ("blocky" if can_login else None)
    assert user.signupguard_attempts.filter(kind="login", success=True).count() == 1


def test_a_deactivated_accounts_key_is_refused(client, make_user) -> None:
    """is_active=False signs an account in nowhere (Django's backends, DRF's tokens): its API keys neither.

    Before: a cleared account a staff member deactivated kept calling the API with its keys.
    """
    user = _with_status(make_user(), "cleared")
    _, key = issue_key(user, name="k")
    assert client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    response = client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert response.status_code == 403 and response.json() == {"detail": "This account is inactive."}
    type(user).objects.filter(pk=user.pk).update(is_active=True)
    assert client.get("/api/with-key/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200
