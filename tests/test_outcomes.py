"""The share of legitimate signups held on the portal's own traffic, from reviewers' verdicts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from signupguard.abuse import report_abuse
from signupguard.models import Attempt
from signupguard.outcomes import MIN_APPROVED, HeldOutcomes, held_outcomes
from signupguard.review import approve, confirm_block
from tests.plugins.console import ALLOW_ALL, MODEL_ALLOWS, REVIEW_ALL

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(scored_signup, reviewer):
    """Three signups allowed (one reported for abuse later), four held: two approved, one confirmed, one waiting."""
    allowed = [scored_signup(conf=MODEL_ALLOWS, ip=f"81.2.69.{n + 1}") for n in range(3)]
    held = [scored_signup(conf=REVIEW_ALL, ip=f"203.0.113.{n + 1}") for n in range(4)]
    assert [a.decision for a in allowed] == ["allow"] * 3 and [h.decision for h in held] == ["review"] * 4
    approve([h.user for h in held[:2]], actor=reviewer)
    confirm_block([held[2].user], actor=reviewer)
    report_abuse(allowed[0].user, reporter=None, reason="resold API keys")
    return allowed, held


def test_reviewers_verdicts_give_the_share_of_legitimate_signups_held(decided) -> None:
    found = held_outcomes(metadata={"training": {"target_rates": {"review": 0.01}}})
    assert (found.held, found.approved, found.confirmed, found.undecided) == (4, 2, 1, 1)
    assert (found.allowed, found.allowed_fraud) == (3, 1)
    # Legitimate: the 2 approved and the 2 allowed nobody reported; the one waiting may be either.
    assert found.legit_held_rate == (2 / 4, 3 / 5)
    assert found.target == 0.01
    assert not found.above_target  # two approvals are too few to call it


def test_an_allow_lists_signups_are_not_the_models_to_count(decided, scored_signup) -> None:
    """Customers' companies on ALLOW_EMAIL_DOMAINS would otherwise make the model's share held look small."""
    listed = [scored_signup(conf=ALLOW_ALL, ip=f"81.2.70.{n + 1}") for n in range(5)]
    assert {a.decision for a in listed} == {"allow"} and listed[0].reasons[0]["feature"] == "rule"
    found = held_outcomes(metadata={})
    assert (found.allowed, found.allowed_fraud) == (3, 1)
    assert found.legit_held_rate == (2 / 4, 3 / 5)


def test_a_reviewers_change_of_mind_counts_once(decided, reviewer) -> None:
    _, held = decided
    confirm_block([held[0].user], actor=reviewer)  # approved first, then confirmed: the latest label wins
    found = held_outcomes(metadata={})
    assert (found.approved, found.confirmed, found.undecided) == (1, 2, 1)
    assert found.target is None  # no rate in the metadata


def test_blocked_accounts_are_neither_awaiting_review_nor_legitimate(decided, scored_signup) -> None:
    from signupguard.status import BLOCKED, set_status

    allowed, held = decided
    # The model blocks one outright (no queue shows it); the retroactive action blocks an allowed one later.
    blocked = scored_signup(conf={**REVIEW_ALL, "BLOCK_THRESHOLD": 0.0}, ip="203.0.113.90")
    assert blocked.decision == "block"
    set_status(allowed[1].user, BLOCKED, source="rule", reason="its cluster was blocked")
    found = held_outcomes(metadata={})
    assert (found.held, found.undecided, found.blocked_unreviewed, found.awaiting) == (5, 2, 1, 1)
    assert (found.allowed, found.allowed_fraud) == (3, 2)  # reported, and blocked since
    # Legitimate: 2 approved and the 1 allowed signup nobody reported or blocked; two held undecided.
    assert found.legit_held_rate == (2 / 3, 4 / 5)


def test_only_the_window_counts(decided) -> None:
    allowed, held = decided
    old = timezone.now() - dt.timedelta(days=40)
    Attempt.objects.filter(pk__in=[allowed[1].pk, held[0].pk]).update(created_at=old)
    found = held_outcomes(days=30, metadata={})
    assert (found.held, found.approved, found.allowed) == (3, 1, 2)
    assert held_outcomes(days=60, metadata={}).held == 4


def test_thresholds_set_in_settings_have_no_target(decided, settings) -> None:
    settings.SIGNUPGUARD = {**settings.SIGNUPGUARD, "REVIEW_THRESHOLD": 0.5}
    assert held_outcomes(metadata={"training": {"target_rates": {"review": 0.01}}}).target is None


def test_nothing_decided_gives_no_rate() -> None:
    found = held_outcomes(metadata={})
    assert found.legit_held_rate is None and not found.above_target


@pytest.mark.parametrize(
    "approved, allowed, above",
    [
        (MIN_APPROVED, 300, True),  # 3.2% held against a 1% target
        (MIN_APPROVED - 1, 300, False),  # too few approvals to say
        (MIN_APPROVED, 2000, False),  # 0.5%: within the target
    ],
)
def test_a_drift_is_called_on_enough_approvals_well_above_the_target(approved, allowed, above) -> None:
    outcomes = HeldOutcomes(days=30, held=approved + 5, approved=approved, confirmed=5, allowed=allowed,
                            allowed_fraud=0, target=0.01)
    assert outcomes.above_target is above


def test_the_dashboard_shows_the_estimate(decided, reviewer) -> None:
    client = Client()
    client.force_login(reviewer)
    page = client.get("/admin/signupguard/dashboard/").content.decode()
    assert "Legitimate signups held (last 30 days)" in page
    assert "Reviewers approved <strong>2</strong> of the 4 signups held; 1 was confirmed fraud and 1 awaits review" in page
    assert "3 were allowed, 1 of them later labelled fraud or blocked" in page
    assert "Legitimate signups held: <strong>50.0%</strong> (up to 60.0% if the held signups nobody reviewed were legitimate)" in page
    assert "Retrain on your labels" not in page


def test_the_dashboard_says_when_to_retrain(scored_signup, reviewer) -> None:
    """Every held signup approved: far above the shipped model's target, on enough approvals to say so."""
    held = [scored_signup(conf=REVIEW_ALL, ip=f"198.51.100.{n + 1}") for n in range(MIN_APPROVED)]
    scored_signup(conf=MODEL_ALLOWS)
    approve([h.user for h in held], actor=reviewer)
    client = Client()
    client.force_login(reviewer)
    page = client.get("/admin/signupguard/dashboard/").content.decode()
    assert held_outcomes().above_target
    assert "The active model aims to hold 0.50%; its thresholds were chosen on the traffic it was trained on." in page
    assert "Retrain on your labels" in page and "signupguard_train --out var/models/new --promote" in page
    assert "signupguard_thresholds" in page
