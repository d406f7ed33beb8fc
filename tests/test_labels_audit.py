"""Labels from people, audited: what reviewers and abuse reports decide is what training learns."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from signupguard import review_jobs
from signupguard.abuse import report_abuse
from signupguard.context import parse_event
from signupguard.gate import account_status
from signupguard.labels import dataset_from_database, training_labels
from signupguard.models import AccountStatus, Attempt, Label
from signupguard.offline import build_dataset
from tests.plugins.events import farm_event, make_event

pytestmark = pytest.mark.django_db


def _held(django_user_model, name: str) -> tuple[object, Attempt]:
    """An account the model held for review, with its stored signup attempt."""
    user = django_user_model.objects.create_user(username=name)
    now = timezone.now()
    signup = Attempt.objects.create(event_id=f"signup-{name}", kind="signup", occurred_at=now, user=user,
                                    account=name, decision="review", state="scored", scored_at=now)
    AccountStatus.objects.create(user=user, status="review", source="model", attempt=signup)
    return user, signup


def test_an_abuse_report_made_after_a_queued_approval_is_the_later_decision(django_user_model, reviewer):
    # A reviewer approves more than REVIEW_INLINE_MAX held accounts: a review job does it later (seconds,
    # or days when it failed and is run again). An abuse report on one of them arrives in between. Had the
    # approval run in the request, the report would have come after it: back in review, labelled fraud.
    gateway = django_user_model.objects.create_user("gateway", is_staff=True)
    reported, reported_signup = _held(django_user_model, "reported")
    other, other_signup = _held(django_user_model, "other")
    job = review_jobs.queue("approve", [reported.pk, other.pk], actor=reviewer, note="conference wifi")
    report_abuse(reported, reporter=gateway, reason="card testing")
    job = review_jobs.run(job.pk)
    assert (job.state, job.accounts, job.skipped) == ("done", 1, 1)
    assert account_status(reported) == "review"  # a person still has to look at the report
    assert account_status(other) == "cleared"
    labels = training_labels(legit_after_days=None)
    assert labels.get(reported_signup.pk) == "fraud"  # the latest decision: the report
    assert labels.get(other_signup.pk) == "legit"


def test_a_queued_approval_still_outranks_a_report_made_before_it(django_user_model, reviewer):
    gateway = django_user_model.objects.create_user("gateway", is_staff=True)
    user, signup = _held(django_user_model, "reported-first")
    report_abuse(user, reporter=gateway, reason="looked odd")
    job = review_jobs.run(review_jobs.queue("approve", [user.pk], actor=reviewer).pk)  # the reviewer saw the report
    assert (job.accounts, job.skipped) == (1, 0)
    assert account_status(user) == "cleared"
    assert training_labels(legit_after_days=None).get(signup.pk) == "legit"


def test_a_queued_block_is_not_stopped_by_a_report_made_after_it(django_user_model, reviewer):
    # Both say fraud: the block goes ahead, as it would have in the request.
    gateway = django_user_model.objects.create_user("gateway", is_staff=True)
    user, signup = _held(django_user_model, "blocked-and-reported")
    job = review_jobs.queue("confirm_block", [user.pk], actor=reviewer)
    report_abuse(user, reporter=gateway, reason="spam")
    job = review_jobs.run(job.pk)
    assert (job.accounts, job.skipped) == (1, 0)
    assert account_status(user) == "blocked"
    assert training_labels(legit_after_days=None).get(signup.pk) == "fraud"


def test_a_queued_undo_block_leaves_an_account_reported_since_in_review(django_user_model, reviewer):
    # A reviewer undoes a block (the account was cleared before it); the undo runs as a job, and an abuse report
    # on the account arrives in between. Had the undo run in the request, the account would have been cleared and
    # the report would then have put it back in review: a person has to look at the report before it gets through.
    from signupguard import review
    from signupguard.status import set_status

    gateway = django_user_model.objects.create_user("gateway", is_staff=True)
    user, signup = _held(django_user_model, "undone-and-reported")
    other, _ = _held(django_user_model, "undone")
    for account in (user, other):
        set_status(account, "cleared", source="model", reason="model verdict")
    review.confirm_block([user, other], actor=reviewer)
    job = review_jobs.queue("undo_block", [user.pk, other.pk], actor=reviewer, note="false positive")
    report_abuse(user, reporter=gateway, reason="scraping")  # the account is blocked: the report moves nothing
    assert account_status(user) == "blocked"
    job = review_jobs.run(job.pk)
    assert (job.state, job.accounts) == ("done", 2)
    assert account_status(user) == "review"
    assert account_status(other) == "cleared"  # no report: back where it was before the block
    assert training_labels(legit_after_days=None).get(signup.pk) == "fraud"  # the report, the reviewer's block withdrawn


def test_an_undo_block_in_the_request_still_clears_an_account_reported_before_it(django_user_model, reviewer):
    from signupguard import review
    from signupguard.status import set_status

    gateway = django_user_model.objects.create_user("gateway", is_staff=True)
    user, _ = _held(django_user_model, "reported-then-undone")
    set_status(user, "cleared", source="model", reason="model verdict")
    review.confirm_block([user], actor=reviewer)
    report_abuse(user, reporter=gateway, reason="looked odd")
    job = review_jobs.run(review_jobs.queue("undo_block", [user.pk], actor=reviewer).pk)  # the reviewer saw it
    assert job.accounts == 1
    assert account_status(user) == "cleared"


def test_without_time_zones_training_reads_the_fall_back_hour_in_time_order(tmp_path):
    # USE_TZ = False stores occurred_at as local wall time: when the clocks go back, 02:00-03:00 happens twice,
    # and ordering by that column interleaves the two hours. Velocity must see the attempts as they happened
    # (as live scoring and a file of the same attempts do), and the export must train the same rows.
    with override_settings(USE_TZ=False, TIME_ZONE="Europe/Madrid"):
        start = dt.datetime(2024, 10, 27, 0, 0, tzinfo=dt.timezone.utc)  # Madrid falls back at 01:00 UTC
        for n in range(120):
            when = start + dt.timedelta(minutes=n)
            raw = farm_event(n) if n % 3 == 0 else make_event(n)
            raw["occurred_at"] = when.isoformat().replace("+00:00", "Z")
            event = parse_event(raw)
            attempt = Attempt.objects.create(event_id=event.event_id, kind=event.kind, raw=event.to_dict(),
                                             occurred_at=timezone.make_naive(when))  # as recording stores it
            Label.objects.create(attempt=attempt, label="fraud" if n % 3 == 0 else "legit", source="reviewer")
        labels = training_labels(legit_after_days=None)
        from_db = dataset_from_database(labels=labels)
        assert from_db.event_ids == [f"e-{n}" for n in range(120)]
        assert np.all(np.diff(from_db.times) > 0)
        call_command("signupguard_export", "--out", str(tmp_path / "events.jsonl"), "--legit-after-days", "none",
                     stdout=io.StringIO())
        from_file = build_dataset(tmp_path / "events.jsonl", workers=0)
        assert from_file.event_ids == from_db.event_ids
        assert np.array_equal(from_file.y, from_db.y)
        assert np.array_equal(from_file.X, from_db.X, equal_nan=True)
