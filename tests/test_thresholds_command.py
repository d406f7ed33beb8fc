"""signupguard_thresholds: thresholds chosen again on the portal's own signups, from its reviewers' verdicts."""

from __future__ import annotations

import datetime as dt
import io
import math

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from signupguard.calibration import choose, scored_signups
from signupguard.model import registry
from signupguard.models import AccountStatus, Attempt, Label
from signupguard.policy import effective_thresholds

pytestmark = pytest.mark.django_db


def _signups(django_user_model, scores, *, decision, label=None, status="cleared", version=None, days_ago=1, tag="",
             reasons=()):
    """Scored signups with their accounts, statuses and (optionally) a reviewer's label."""
    version = version or registry.load_active().version
    at = timezone.now() - dt.timedelta(days=days_ago)
    start = django_user_model.objects.count()
    users = django_user_model.objects.bulk_create(
        django_user_model(username=f"u{tag}{start + i}", password="!") for i in range(len(scores)))
    attempts = Attempt.objects.bulk_create(
        Attempt(event_id=f"e{tag}{start + i}", kind="signup", occurred_at=at, created_at=at, user=user, score=score,
                decision=decision, model_version=version, state="scored", reasons=list(reasons))
        for i, (user, score) in enumerate(zip(users, scores)))
    AccountStatus.objects.bulk_create(AccountStatus(user=u, attempt=a, status=status, source="model")
                                      for u, a in zip(users, attempts))
    if label:
        Label.objects.bulk_create(Label(attempt=a, label=label, source="reviewer") for a in attempts)
    return attempts


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("signupguard_thresholds", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def portal(django_user_model):
    """2,000 allowed signups (0 to 0.49975), 40 held and approved (0.7005 to 0.7395), 30 fraud, 10 unreviewed."""
    _signups(django_user_model, [i / 4000 for i in range(2000)], decision="allow", tag="a")
    _signups(django_user_model, [0.7005 + i / 1000 for i in range(40)], decision="review", label="legit", tag="h")
    _signups(django_user_model, [0.95 + i / 1000 for i in range(25)], decision="block", label="fraud", status="blocked", tag="f")
    _signups(django_user_model, [0.3] * 5, decision="allow", status="blocked", tag="x")  # blocked since: fraud
    _signups(django_user_model, [0.8] * 10, decision="review", status="review", tag="w")  # waiting in the queue


def test_the_review_threshold_is_chosen_on_approved_and_allowed_signups(portal) -> None:
    out = _run()
    assert "2,040 legitimate (approved, or allowed and never labelled fraud), 30 fraud, 10 held and not reviewed yet" in out
    # The rates the shipped model's thresholds were chosen for, from its metadata.
    assert "chosen on these signups, for 0.50% of the legitimate ones held and 0.05% blocked:" in out
    # 0.5% of 2,040 is 10.2: the 11th highest legitimate score (0.7295) must fall below the threshold.
    assert "  review 0.7296: 0.49% to 0.98% of the legitimate signups held, 83.33% of the fraud" in out
    assert '"REVIEW_THRESHOLD": 0.7296,' in out
    # 0.05% needs 20,000 legitimate signups for ten above the threshold: the one in force is kept.
    assert "block: too few legitimate signups for 0.05% blocked (2,040; 20,000 needed); keep the one in force" in out
    block_now = effective_thresholds(registry.load_active().thresholds).block
    # Rounded up, as settings are written: the one in force, never blocking more than it does now.
    assert f'"BLOCK_THRESHOLD": {math.ceil(block_now * 10_000) / 10_000:.4f},  # the one in force' in out
    # 1% of 2,040 is 20.4: the 21st highest (0.7195) falls below.
    assert '"REVIEW_THRESHOLD": 0.7196,' in _run("--review-rate", "0.01", "--block-rate", "0.001")


def test_the_thresholds_in_force_are_measured_on_the_same_signups(portal) -> None:
    now = effective_thresholds(registry.load_active().thresholds)
    signups = scored_signups(registry.load_active().version, days=30)
    legit_above = sum(s >= now.review for s in [i / 4000 for i in range(2000)] + [0.7005 + i / 1000 for i in range(40)])
    low = signups.legit_share(now.review)[0]
    assert low == legit_above / 2040
    assert f"  review {now.review:.4f}: {low:.2%}" in _run()


def test_other_models_older_signups_and_rates_are_respected(django_user_model, portal) -> None:
    _signups(django_user_model, [0.9] * 500, decision="allow", version="sg-older-model", tag="o")
    _signups(django_user_model, [0.9] * 500, decision="allow", days_ago=40, tag="d")
    assert "2,040 legitimate" in _run("--days", "30")
    assert "2,540 legitimate" in _run("--days", "60")
    # 2% of 2,040 is 40.8: every approved signup is held, the highest allowed one (0.49975) is not.
    out = _run("--review-rate", "0.02", "--block-rate", "0.02")
    assert '"REVIEW_THRESHOLD": 0.4998,\n    "BLOCK_THRESHOLD": 0.4998,\n' in out  # both chosen: no comment
    choice = choose(scored_signups(registry.load_active().version, days=30), 0.02)
    assert choice.threshold == 0.4998 and choice.needed == 500


def test_what_is_known_of_each_signup_decides_where_it_counts(django_user_model, portal) -> None:
    rule = [{"feature": "rule", "contribution": 0.0, "text": "allow list: ASN 64500"}]
    model = [{"feature": "ip_is_hosting", "contribution": 0.4, "text": "a hosting network"}]
    # An allow-listed probe signing up every hour: the model did not decide it, so it is no legitimate sample.
    _signups(django_user_model, [0.97] * 720, decision="allow", reasons=rule, tag="p")
    _signups(django_user_model, [0.99] * 3, decision="block", reasons=rule, tag="d")  # a deny list's: the same
    _signups(django_user_model, [0.2] * 4, decision="allow", reasons=model, label="fraud", tag="r")  # reported since
    _signups(django_user_model, [0.6] * 6, decision="allow", reasons=model, status="review", tag="c")  # a cluster's review
    gone = _signups(django_user_model, [0.5] * 7, decision="allow", tag="g")
    django_user_model.objects.filter(pk__in=[a.user_id for a in gone]).delete()  # deleted accounts, nobody labelled
    signups = scored_signups(registry.load_active().version, days=30)
    assert (len(signups.legit), len(signups.fraud), len(signups.undecided)) == (2040, 34, 16)
    assert '"REVIEW_THRESHOLD": 0.7296,' in _run()  # as without them


def test_young_allowed_signups_wait_to_count_as_legitimate(django_user_model, portal) -> None:
    # A farm that got through half a day ago: nobody has reported it yet.
    _signups(django_user_model, [0.95] * 300, decision="allow", days_ago=0.5, tag="y")
    assert '"REVIEW_THRESHOLD": 0.9501,' in _run()  # counted legitimate, it pulls the threshold above itself
    out = _run("--settle-days", "0.75")
    assert ("2,040 legitimate (approved, or allowed over 0.75 days ago and never labelled fraud), 30 fraud, "
            "310 not known yet (held and not reviewed, or allowed in the last 0.75 days)") in out
    assert '"REVIEW_THRESHOLD": 0.7296,' in out  # as without them
    # The range counts them each way: 0.49% with them as fraud, (10 + 10 + 300) / 2,350 as legitimate.
    assert "  review 0.7296: 0.49% to 13.62% of the legitimate signups held" in out
    # One blocked since is fraud whatever its age; one held since is not known.
    _signups(django_user_model, [0.2] * 2, decision="allow", status="blocked", days_ago=0.5, tag="b")
    signups = scored_signups(registry.load_active().version, days=30, settle_days=0.75)
    assert (len(signups.legit), len(signups.fraud), len(signups.undecided)) == (2040, 32, 310)


def test_bad_arguments_and_an_empty_portal_get_clear_errors(db) -> None:
    for args, message in ((("--days", "0"), "--days must be between 1 and 3650"),
                          (("--review-rate", "0.01", "--block-rate", "1e-309"), "rates below 1e-06"),
                          (("--review-rate", "0.001", "--block-rate", "0.01"), "0 < block rate <= review rate < 1"),
                          (("--review-rate", "1.5"), "0 < block rate <= review rate < 1"),
                          (("--settle-days", "-1"), "--settle-days must be at least 0 and less than --days"),
                          (("--settle-days", "nan"), "--settle-days must be at least 0"),
                          (("--days", "7", "--settle-days", "7"), "--settle-days must be at least 0")):
        with pytest.raises(CommandError, match=message.replace("(", r"\(")) as caught:
            _run(*args)
        assert caught.value.returncode == 2
    with pytest.raises(CommandError, match="no legitimate signups scored by the active model"):
        _run()


def test_a_model_without_usable_rates_falls_back_to_trainings_defaults() -> None:
    from signupguard.calibration import target_rates

    assert target_rates({}) == (0.01, 0.001)
    assert target_rates({"training": {"target_rates": {"review": "1%", "block": 0.001}}}) == (0.01, 0.001)
    assert target_rates({"training": {"target_rates": {"review": 0.001, "block": 0.01}}}) == (0.01, 0.001)
    assert target_rates({"training": {"target_rates": {"review": 0.02, "block": 0.002}}}) == (0.02, 0.002)


def test_a_review_threshold_above_the_block_in_force_blocks_nothing_by_score(django_user_model) -> None:
    """Too few signups to choose the block threshold: everything held goes to a reviewer, none is blocked unseen."""
    _signups(django_user_model, [i / 4000 for i in range(2000)], decision="allow", tag="a")
    _signups(django_user_model, [0.9866 + i / 10000 for i in range(40)], decision="review", label="legit", tag="h")
    out = _run()
    block_now = effective_thresholds(registry.load_active().thresholds).block
    assert block_now < 0.9896
    assert '"REVIEW_THRESHOLD": 0.9896,' in out  # above the 11th highest approved score, 0.9895
    assert '"BLOCK_THRESHOLD": 1.0000,  # none blocked by score: too few signups to choose it' in out


def test_thresholds_kept_are_rounded_up_never_holding_more() -> None:
    """A model's own thresholds have more decimals than settings: kept ones are written rounded up."""
    from signupguard.calibration import Choice, settings_for
    from signupguard.policy import Thresholds

    model = Thresholds(review=0.63941, block=0.90474)
    pair, note = settings_for(Choice(0.005, 0.7296, 2000), Choice(0.0005, None, 20000), model)
    assert (pair.review, pair.block, note) == (0.7296, 0.9048, "the one in force")
    pair, note = settings_for(Choice(0.005, None, 2000), Choice(0.0005, 0.95, 20000), model)
    assert (pair.review, pair.block, note) == (0.6395, 0.95, "chosen")
