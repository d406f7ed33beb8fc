"""The accounts page's add form: a reviewer decides an account SignupGuard never saw sign up.

Such an account (the admin's "Add user", ``create_user`` in a shell, an
import) has no status row, counts as pending and appears in no list; before
this form a reviewer had no way to clear it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from signupguard.contrib.rest_framework_api_key.models import AccountAPIKey
from signupguard.gate import account_status
from signupguard.models import AccountStatus, Label, StatusChange
from tests.plugins.console import ALLOW_ALL, REVIEW_ALL

pytestmark = pytest.mark.django_db
ADD = reverse("admin:signupguard_accountstatus_add")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _decide(client: Client, user, decision: str, **extra: str):
    return client.post(ADD, {"user": str(user.pk), "decision": decision, **extra}, follow=True)


def test_a_reviewer_approves_an_account_made_outside_the_signup_flow(django_user_model, reviewer, signal_log) -> None:
    user = django_user_model.objects.create_user(username="made-in-shell", password="pw-123-secret")
    assert account_status(user) == "pending" and not AccountStatus.objects.filter(user=user).exists()
    client = _client(reviewer)
    form = client.get(ADD)
    assert form.status_code == 200 and 'name="decision"' in form.content.decode()
    response = _decide(client, user, "approve", note="partner account, made by support")
    row = AccountStatus.objects.get(user=user)
    assert response.redirect_chain[-1][0] == reverse("admin:signupguard_accountstatus_change", args=[row.pk])
    page = response.content.decode()
    assert "The account “made-in-shell” is now cleared; no training label: the account has no stored signup attempt." in page
    assert (row.status, row.source) == ("cleared", "reviewer") and account_status(user) == "cleared"
    change = StatusChange.objects.get(account=row)
    assert (change.from_status, change.to_status, change.actor, change.note) == \
        ("pending", "cleared", reviewer, "partner account, made by support")
    assert signal_log.of("account_cleared")[-1]["actor"] == reviewer
    assert LogEntry.objects.filter(user=reviewer, object_id=str(row.pk)).exists()  # the admin's own history too


def test_blocking_such_an_account_revokes_its_keys(django_user_model, reviewer) -> None:
    """An existing customer (cleared by CLEARED_IF_JOINED_BEFORE, no row) found abusing its key."""
    user = django_user_model.objects.create_user(username="old-customer", password="pw-123-secret")
    user.date_joined = timezone.now() - dt.timedelta(days=400)
    user.save(update_fields=["date_joined"])
    cutoff = (timezone.now() - dt.timedelta(days=30)).date().isoformat()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "CLEARED_IF_JOINED_BEFORE": cutoff}):
        assert account_status(user) == "cleared"
        AccountAPIKey.objects.create_key(user=user, name="ci")
        response = _decide(_client(reviewer), user, "block", note="resold its key")
    assert "The account “old-customer” is now blocked; 1 API key(s) revoked" in response.content.decode()
    row = AccountStatus.objects.get(user=user)
    assert (row.status, row.source) == ("blocked", "reviewer")
    assert not AccountAPIKey.objects.get_usable_keys().filter(user=user).exists()
    change = StatusChange.objects.get(account=row)
    assert (change.from_status, change.to_status, change.actor, change.note) == ("cleared", "blocked", reviewer, "resold its key")


def test_approving_an_account_that_already_counted_as_cleared_is_audited(django_user_model, reviewer) -> None:
    """No status moves, but the row and the reviewer's verdict are recorded: the list shows it from now on."""
    user = django_user_model.objects.create_user(username="old-customer", password="pw-123-secret")
    user.date_joined = timezone.now() - dt.timedelta(days=400)
    user.save(update_fields=["date_joined"])
    with override_settings(SIGNUPGUARD={"CLEARED_IF_JOINED_BEFORE": timezone.now().date().isoformat()}):
        response = _decide(_client(reviewer), user, "approve", note="checked by phone")
    assert "The account “old-customer” is now cleared" in response.content.decode()
    row = AccountStatus.objects.get(user=user)
    assert (row.status, row.source) == ("cleared", "reviewer")
    change = StatusChange.objects.get(account=row)
    assert (change.from_status, change.to_status, change.source, change.actor, change.note) == \
        ("cleared", "cleared", "reviewer", reviewer, "checked by phone")


def test_an_account_that_has_a_status_is_sent_to_its_page(scored_signup, reviewer) -> None:
    """The add form never re-decides an account: the list's actions (with their confirmations) do."""
    held = scored_signup(conf=REVIEW_ALL)
    row = AccountStatus.objects.get(user=held.user)
    response = _decide(_client(reviewer), held.user, "approve")
    page = response.content.decode()
    assert response.status_code == 200 and "This account already has a status (review)" in page
    assert reverse("admin:signupguard_accountstatus_change", args=[row.pk]) in page
    row.refresh_from_db()
    assert row.status == "review" and not Label.objects.filter(attempt=held).exists()


def test_bad_input_is_refused_with_a_clear_error(django_user_model, reviewer) -> None:
    user = django_user_model.objects.create_user(username="someone", password="pw-123-secret")
    client = _client(reviewer)
    for data in ({"user": "999999", "decision": "approve"}, {"user": "not-a-number", "decision": "approve"},
                 {"user": str(user.pk), "decision": "delete"}, {"user": str(user.pk)}, {}):
        response = client.post(ADD, data)
        assert response.status_code == 200, data  # the form again, with its errors
        assert response.context["adminform"].form.errors, data
    assert not AccountStatus.objects.exists()


def test_staff_without_the_review_permission_cannot_decide(django_user_model, viewer) -> None:
    user = django_user_model.objects.create_user(username="someone", password="pw-123-secret")
    client = _client(viewer)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, {"user": str(user.pk), "decision": "approve"}).status_code == 403
    assert not AccountStatus.objects.exists()
    # and the list offers no add button to them
    page = client.get(reverse("admin:signupguard_accountstatus_changelist") + "?status__exact=review").content.decode()
    assert ADD not in page


def test_the_add_form_needs_csrf(django_user_model, reviewer) -> None:
    user = django_user_model.objects.create_user(username="someone", password="pw-123-secret")
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.post(ADD, {"user": str(user.pk), "decision": "approve"}).status_code == 403
    assert not AccountStatus.objects.exists()


def test_save_and_add_another_returns_to_the_form(django_user_model, reviewer) -> None:
    user = django_user_model.objects.create_user(username="someone", password="pw-123-secret")
    response = _decide(_client(reviewer), user, "approve", _addanother="1")
    assert response.redirect_chain[-1][0] == ADD and account_status(user) == "cleared"


def test_a_decision_made_while_the_form_was_checked_stands(django_user_model, reviewer, admin_user, monkeypatch) -> None:
    """Another reviewer blocks the account between the form's check and its save: the add page does not overrule them."""
    from signupguard.admin.accounts import AccountStatusAdmin
    from signupguard.status import set_status

    user = django_user_model.objects.create_user(username="contested", password="pw-123-secret")
    save_form = AccountStatusAdmin.save_form  # called once the form is valid, just before save_model

    def someone_else_decides_first(self, request, form, change):
        set_status(user, "blocked", source="reviewer", actor=admin_user, reason="farm", note="first")
        return save_form(self, request, form, change)

    monkeypatch.setattr(AccountStatusAdmin, "save_form", someone_else_decides_first)
    response = _decide(_client(reviewer), user, "approve", note="second")
    assert "was given a status (blocked) while you decided; nothing changed" in response.content.decode()
    row = AccountStatus.objects.get(user=user)
    assert response.redirect_chain[-1][0] == reverse("admin:signupguard_accountstatus_change", args=[row.pk])
    assert row.status == "blocked"
    assert list(StatusChange.objects.filter(account=row).values_list("to_status", "actor", "note")) == [
        ("blocked", admin_user.pk, "first")]
    assert not LogEntry.objects.filter(user=reviewer).exists()  # nothing was added


@pytest.mark.django_db(transaction=True)
def test_the_cluster_is_refreshed_after_the_decision_commits(django_user_model, reviewer, monkeypatch) -> None:
    """As with the list's actions: the refresh must not run under the status row's lock, inside the add page's transaction."""
    from django.db import connection

    from signupguard import clusters
    from signupguard.models import Cluster, ClusterMember

    user = django_user_model.objects.create_user(username="linked", password="pw-123-secret")
    other = django_user_model.objects.create_user(username="linked-too", password="pw-123-secret")
    cluster = Cluster.objects.create(size=2)
    ClusterMember.objects.bulk_create([ClusterMember(user=user, cluster=cluster), ClusterMember(user=other, cluster=cluster)])
    calls: list[tuple[int, bool]] = []
    refresh = clusters.refresh

    def recording(cluster_id, *args, **kwargs):
        calls.append((cluster_id, connection.in_atomic_block))
        return refresh(cluster_id, *args, **kwargs)

    monkeypatch.setattr(clusters, "refresh", recording)
    _decide(_client(reviewer), user, "block")
    assert AccountStatus.objects.get(user=user).status == "blocked"
    assert calls == [(cluster.pk, False)]
    cluster.refresh_from_db()
    assert cluster.blocked_count == 1
