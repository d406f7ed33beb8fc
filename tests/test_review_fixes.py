"""Reviewers' verdicts as training labels, and the console around them: bugs found in review."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from signupguard import review
from signupguard.abuse import report_abuse
from signupguard.admin.attempts import AttemptAdmin
from signupguard.labels import latest_labels, matured_legit, training_labels
from signupguard.models import AccountStatus, Attempt, Cluster, Label
from signupguard.outcomes import held_outcomes
from signupguard.retention import delete_expired_attempts
from tests.plugins.console import ALLOW_ALL, REVIEW_ALL, confirmation_fields
from tests.plugins.events import make_event

pytestmark = pytest.mark.django_db
QUEUE = "/admin/signupguard/attempt/"
ACCOUNTS = reverse("admin:signupguard_accountstatus_changelist")
CLUSTERS = reverse("admin:signupguard_cluster_changelist")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _act(client: Client, url: str, action: str, pks, **extra) -> str:
    data = {"action": action, "_selected_action": [str(pk) for pk in pks], "index": "0", **extra}
    return client.post(url, data, follow=True).content.decode()


def _status(attempt: Attempt) -> str:
    return AccountStatus.objects.get(user=attempt.user).status


def test_a_reviewers_approval_after_an_abuse_report_outranks_it(scored_signup, reviewer) -> None:
    held = scored_signup(conf=REVIEW_ALL)
    review.approve([held], actor=reviewer)
    report_abuse(held.user, reporter=None, reason="spam")
    assert latest_labels()[held.pk] == "fraud" and _status(held) == "review"
    review.approve([held], actor=reviewer, note="checked the report: a customer")  # the reviewer's latest word
    assert latest_labels()[held.pk] == "legit"
    assert training_labels(legit_after_days=None).get(held.pk) == "legit"
    assert held_outcomes(metadata={}).approved == 1


def test_undoing_a_block_brings_back_the_approval_it_replaced(scored_signup, reviewer) -> None:
    held = scored_signup(conf=REVIEW_ALL)
    client = _client(reviewer)
    _act(client, QUEUE + "?queue=all", "approve", [held.pk])
    _act(client, QUEUE + "?queue=all", "confirm_block", [held.pk])
    assert latest_labels()[held.pk] == "fraud"
    assert "Unblocked 1 account(s)" in _act(client, QUEUE + "?queue=all", "undo_block", [held.pk])
    assert _status(held) == "cleared" and latest_labels()[held.pk] == "legit"
    label = Label.objects.get(attempt=held)
    assert (label.label, label.source, label.actor) == ("legit", "reviewer", reviewer)


def test_undo_withdraws_only_the_undone_block(scored_signup, reviewer) -> None:
    held = scored_signup(conf=REVIEW_ALL)
    review.confirm_block([held], actor=reviewer)
    review.approve([held], actor=reviewer, note="changed my mind")
    review.confirm_block([held], actor=reviewer, note="changed it back")
    review.undo_block([held], actor=reviewer)
    assert _status(held) == "cleared" and latest_labels()[held.pk] == "legit"
    review.approve([held], actor=reviewer)  # the same verdict again adds no row
    assert list(Label.objects.filter(attempt=held).order_by("at", "pk").values_list("label", flat=True)) == \
        ["fraud", "legit"]


def test_block_cluster_after_select_all_blocks_what_it_promised(scored_signup, reviewer, monkeypatch) -> None:
    monkeypatch.setattr(AttemptAdmin, "list_per_page", 2)
    farms = [[scored_signup(conf=ALLOW_ALL, ip=ip, email=f"{name}{n}@gmail.com", device={"fingerprint": f"fp-{name}"})
              for n in range(2)] for ip, name in (("81.2.69.160", "a"), ("203.0.113.9", "b"))]
    assert Cluster.objects.count() == 2
    client = _client(reviewer)
    url = QUEUE + "?queue=all"
    first_page = [a.pk for a in client.get(url).context["cl"].result_list]
    assert len(first_page) == 2  # one cluster's two accounts: the other cluster is on page 2
    # "Select all 4": the browser sends this page's ticks and select_across.
    confirm = client.post(url, {"action": "block_cluster", "_selected_action": first_page, "select_across": "1",
                                "index": "0"})
    assert "This blocks 4 accounts" in confirm.content.decode()
    page = client.post(url, {**confirmation_fields(confirm), "note": "two farms"}, follow=True).content.decode()
    assert "4 account(s) blocked" in page
    assert {_status(a) for farm in farms for a in farm} == {"blocked"}


def test_cluster_and_account_lists_mask_personal_data(scored_signup, reviewer) -> None:
    scored_signup(conf=REVIEW_ALL, ip="203.0.113.77", email="secret.person@gmail.com", username="secret.person@gmail.com")
    scored_signup(conf=REVIEW_ALL, ip="203.0.113.78", email="secret.person+2@gmail.com", username="sp2")
    cluster = Cluster.objects.get()
    assert any("secretperson@gmail.com" in a["text"] for a in cluster.top_attributes)
    client = _client(reviewer)
    with override_settings(SIGNUPGUARD={**REVIEW_ALL, "MASK_PERSONAL_DATA": True}):
        pages = {
            "clusters": client.get(CLUSTERS).content.decode(),
            "accounts": client.get(ACCOUNTS + "?status__exact=review").content.decode(),
            "confirm": client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [cluster.pk],
                                              "index": "0"}).content.decode(),
        }
    for name, page in pages.items():
        assert "secret" not in page and "203.0.113.77" not in page, name
    assert "same mailbox (after normalisation): s…" in pages["clusters"] and "@gmail.com" in pages["clusters"]
    assert "@gmail.com" in pages["confirm"] and "@gmail.com" in pages["accounts"]
    unmasked = client.get(CLUSTERS).content.decode()
    assert "secretperson@gmail.com" in unmasked  # masking off: the reviewer reads the mailbox


def test_a_maturity_longer_than_the_calendar_labels_nothing(tmp_path, django_user_model) -> None:
    raw = make_event(1)
    raw.pop("label", None)
    user = django_user_model.objects.create_user(username="matured")
    allowed = Attempt.objects.create(event_id=raw["event_id"], kind="signup", occurred_at=timezone.now(), raw=raw,
                                     user=user, decision="allow", state="scored")
    later = timezone.now() + dt.timedelta(days=30)
    assert matured_legit(days=1, now=later) == {allowed.pk}
    for days in (float("inf"), 1e9, 10**6):
        assert matured_legit(days=days, now=later) == set()
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "LEGIT_AFTER_DAYS": 1e9}):
        assert training_labels().matured == frozenset()
    out = tmp_path / "events.jsonl"
    call_command("signupguard_export", "--out", str(out), "--legit-after-days", "inf", stdout=io.StringIO())
    assert ["label" in json.loads(line) for line in out.read_text().splitlines()] == [False]


@pytest.fixture
def reported_after_retention(scored_signup):
    """An allowed account whose signup attempt retention deleted, then reported for abuse."""
    attempt = scored_signup(conf=ALLOW_ALL)
    assert delete_expired_attempts(1, now=timezone.now() + dt.timedelta(days=2)) == 1
    report_abuse(attempt.user, reporter=None, reason="resold API keys")
    row = AccountStatus.objects.get(user=attempt.user)
    assert (row.status, row.attempt_id) == ("review", None) and not Label.objects.exists()
    return row


def test_an_account_in_review_without_an_attempt_is_shown_to_reviewers(reported_after_retention, reviewer) -> None:
    client = _client(reviewer)
    queue = client.get(QUEUE)
    assert list(queue.context["cl"].result_list) == []  # the queue lists attempts: there is none
    page = queue.content.decode()
    assert 'id="sg-review-without-attempt"' in page and "<strong>1</strong> account in review" in page
    accounts = client.get(queue.context["sg_review_without_attempt_url"])
    assert [row.pk for row in accounts.context["cl"].result_list] == [reported_after_retention.pk]


def test_a_verdict_without_a_signup_attempt_says_it_wrote_no_label(reported_after_retention, reviewer) -> None:
    client = _client(reviewer)
    page = _act(client, ACCOUNTS + "?status__exact=review", "confirm_block", [reported_after_retention.pk])
    assert "Blocked 1 account(s)" in page and "labelled 0 fraud; 1 account(s) not labelled" in page
    assert "labelled fraud." not in page and not Label.objects.exists()
    assert AccountStatus.objects.get(pk=reported_after_retention.pk).status == "blocked"
    done = review.approve([reported_after_retention], actor=reviewer)
    assert (done.accounts, done.labelled, done.unlabelled) == (1, 0, 1)


def test_every_link_kind_that_names_a_device_is_masked() -> None:
    from signupguard.admin.common import masked_attributes
    from signupguard.linking import RULES

    device = "fp-4f1c9e|Europe/London|en-GB"
    attributes = [{"kind": kind, "value": device, "links": 2} for kind in RULES if kind.startswith("device")]
    assert {a["kind"] for a in attributes} >= {"device", "device_crowd"}
    with override_settings(SIGNUPGUARD={"MASK_PERSONAL_DATA": True}):
        shown = masked_attributes(attributes)
    assert all(device not in a["text"] for a in shown), shown
