"""Personal data past retention and after erasure (found in an audit, session 21)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from signupguard.models import Attempt, Cluster, Label, Link, LinkKey, StatusChange
from signupguard.retention import erase_account
from tests.plugins.console import ALLOW_ALL, MEMORY

pytestmark = pytest.mark.django_db
ALLOW_OFFICE = {**MEMORY, "ALLOW_IP_RANGES": ["81.2.69.0/24"]}  # an office gateway allow-listed, as the README advises


def test_pruning_removes_addresses_mailboxes_and_devices_from_the_cluster_index_and_evidence(scored_signup):
    device = {"fingerprint": "fp-erin-laptop", "timezone": "Europe/London", "screen": "1512x982x30"}
    a = scored_signup(conf=ALLOW_OFFICE, ip="81.2.69.160", device=device, email="erin.walsh@walsh-family.org")
    scored_signup(conf=ALLOW_OFFICE, ip="81.2.69.161", device=device, email="sean.walsh@walsh-family.org")
    assert Link.objects.filter(kind="device").exists() and LinkKey.objects.exists()
    old = timezone.now() - dt.timedelta(days=400)
    Attempt.objects.update(created_at=old, occurred_at=old)
    LinkKey.objects.update(first_seen=old, last_seen=old)
    Link.objects.update(at=old)
    with override_settings(SIGNUPGUARD={**ALLOW_OFFICE, "ATTEMPT_RETENTION_DAYS": 30}):
        call_command("signupguard_prune", stdout=io.StringIO())
    assert not Attempt.objects.exists() and not LinkKey.objects.exists()
    left = json.dumps([list(Link.objects.values_list("value", flat=True)),
                       [c.top_attributes for c in Cluster.objects.all()],
                       list(StatusChange.objects.values_list("reason", flat=True))])
    for personal in ("81.2.69.160", "81.2.69.161", "walsh", "fp-erin-laptop"):
        assert personal not in left, personal
    # The evidence keeps its kind: a device link still weighs as one.
    assert Link.objects.filter(kind="device", value__startswith="expired:").exists()
    assert "allow-listed range 81.2.69.0/24" in StatusChange.objects.filter(account__user=a.user).last().reason


def test_erase_account_deletes_what_was_stored_about_it(scored_signup, tmp_path, client):
    attempt = scored_signup(conf=ALLOW_ALL, ip="81.2.69.160", email="erin.walsh@example.org", username="erinw",
                            device={"fingerprint": "fp-erin-laptop", "timezone": "Europe/London"})
    other = scored_signup(conf=ALLOW_ALL, ip="89.160.20.112", email="someone@example.org")
    # A failed login that typed the account's email, recorded without a user.
    Attempt.objects.create(event_id="failed-1", kind="login", occurred_at=timezone.now(), account="erin.walsh@example.org",
                           email="erin.walsh@example.org", success=False, state="scored")
    Label.objects.create(attempt=attempt, label="legit", source="reviewer")
    user = attempt.user
    # Someone else's failed login that typed this account's id as a username: not this account's data.
    Attempt.objects.create(event_id="failed-2", kind="login", occurred_at=timezone.now(), account=str(user.pk),
                           success=False, state="scored")
    theirs = Attempt.objects.filter(user=user).count() + 1
    assert erase_account(user) == theirs  # and the failed login
    user.delete()
    call_command("signupguard_export", "--out", str(tmp_path / "x.jsonl"), stdout=io.StringIO())
    exported = (tmp_path / "x.jsonl").read_text()
    assert "erin" not in exported and "81.2.69.160" not in exported and "someone@example.org" in exported
    assert set(Attempt.objects.values_list("event_id", flat=True)) == {other.event_id, "failed-2"}
    assert not Label.objects.exists()
    assert not stat.S_IMODE(os.stat(tmp_path / "x.jsonl").st_mode) & 0o077  # every account's data: owner only


def test_erase_account_deletes_failed_logins_that_typed_its_name_in_another_case(scored_signup):
    """Login forms match usernames and emails case-insensitively (allauth does): so must erasure.

    Before the fix, a failed login that typed "ErinW" or "ERIN.WALSH@EXAMPLE.ORG"
    kept the typed identifier, address and device after the account was erased.
    """
    attempt = scored_signup(conf=ALLOW_ALL, ip="81.2.69.160", email="erin.walsh@example.org", username="erinw")
    for n, typed in enumerate(["ErinW", "ERIN.WALSH@EXAMPLE.ORG", "erinw2", "walsh@example.org"]):
        Attempt.objects.create(event_id=f"typed-{n}", kind="login", occurred_at=timezone.now(), account=typed,
                               ip="81.2.69.160", success=False, state="scored")
    erase_account(attempt.user)
    # Only the two that named this account went; a neighbour's name that merely contains it stays.
    assert set(Attempt.objects.values_list("account", flat=True)) == {"erinw2", "walsh@example.org"}
