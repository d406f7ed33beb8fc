"""How a score becomes a verdict: defects found in an audit of the policy, the reasons and the thresholds."""

from __future__ import annotations

import pytest
from django.core import checks
from django.test import override_settings

from signupguard.context import parse_event
from signupguard.engine import Engine
from signupguard.enrichment import Enricher
from signupguard.features import FEATURE_NAMES
from signupguard.policy import HardRules
from signupguard.reasons import top_reasons
from signupguard.velocity.memory import MemoryVelocityStore
from tests.plugins.console import MEMORY
from tests.plugins.events import farm_event


def test_max_reasons_zero_attaches_no_model_reason() -> None:
    # MAX_REASONS is "reasons attached to a decision (a whole number >= 0)": 0 gave one all the same.
    contributions = [0.0] * len(FEATURE_NAMES)
    contributions[3], contributions[7] = 0.5, 2.0
    values = [1.0] * len(FEATURE_NAMES)
    assert top_reasons(contributions, values, limit=0) == []
    assert [r["feature"] for r in top_reasons(contributions, values, limit=1)] == [FEATURE_NAMES[7]]


@pytest.mark.django_db
def test_max_reasons_zero_in_live_scoring() -> None:
    with override_settings(SIGNUPGUARD={**MEMORY, "MAX_REASONS": 0}):
        found = Engine(enricher=Enricher(), store=MemoryVelocityStore()).assess(parse_event(farm_event(1)))
    assert found.decision != "allow" and found.reasons == []


@pytest.mark.django_db
@pytest.mark.parametrize("conf", [
    {"DENY_IP_RANGES": [["198.51.100.0/24"], "81.2.69.0/24"]},  # a list pasted inside the list
    {"DENY_ASNS": [{"asn": 64500}], "DENY_IP_RANGES": ["81.2.69.0/24"]},
])
def test_an_entry_that_is_itself_a_list_is_skipped_not_every_verdict_lost(scored_signup, conf) -> None:
    # Check E031 says the entry "is skipped"; the rules' cache could not hash it, so every scoring
    # raised TypeError and FAIL_MODE ("open": cleared) decided every signup, deny-listed ones included.
    with override_settings(SIGNUPGUARD={**MEMORY, **conf}):
        assert any("it is skipped" in m.msg for m in checks.run_checks() if m.id == "signupguard.E031")
        rules = HardRules.from_settings()
    assert [str(n) for n in rules.deny_networks] == ["81.2.69.0/24"]
    attempt = scored_signup(conf={**MEMORY, **conf, "FAIL_MODE": "open"}, ip="81.2.69.160")
    assert attempt.state == "scored", attempt.error
    assert attempt.decision == "block"


# "Hold rather than block": README's BLOCK_THRESHOLD 1.0, and what signupguard_thresholds prints as
# "none blocked by score". A model sure of itself scores exactly 1.0 (training warns of legitimate
# signups at 1.0), and those were blocked all the same, with no reviewer looking.
HOLD_ONLY = {"REVIEW_THRESHOLD": 0.9896, "BLOCK_THRESHOLD": 1.0}


def _plain():
    from signupguard.enrichment.types import DeviceInfo, EmailInfo, Enrichment, FormInfo, IPInfo, UAInfo

    return Enrichment(ip=IPInfo(), email=EmailInfo(), ua=UAInfo(), device=DeviceInfo(), form=FormInfo())


@pytest.mark.parametrize("conf", [HOLD_ONLY, {"BLOCK_THRESHOLD": 1.0}])
def test_a_block_threshold_of_one_holds_a_score_of_one_for_a_reviewer(conf) -> None:
    from signupguard.policy import Thresholds, decide, effective_thresholds
    from signupguard.shadow import challenger_decision

    with override_settings(SIGNUPGUARD=conf):
        thresholds = effective_thresholds(Thresholds(review=0.9047, block=0.9831))
    assert thresholds.block == 1.0
    assert decide(score=1.0, thresholds=thresholds, enrichment=_plain()).decision == "review"
    assert decide(score=0.999999, thresholds=thresholds, enrichment=_plain()).decision == "review"
    # The shadow report rebuilds a challenger's verdict as live scoring would make it.
    assert challenger_decision(1.0, thresholds, decision="allow", reasons=[]) == "review"


def test_metrics_count_what_a_block_threshold_of_one_blocks() -> None:
    import numpy as np

    from signupguard.evaluation import evaluate
    from signupguard.policy import Thresholds
    from signupguard.training import threshold_rates

    # More legitimate signups at 1.0 than the block rate allows: training picks 1.0, which blocks none.
    legit = np.array([0.1] * 990 + [1.0] * 10)
    thresholds = Thresholds(review=1.0, block=1.0)
    rates = threshold_rates(legit, thresholds, review_rate=0.005, block_rate=0.0005)
    assert (rates["legit_held"], rates["legit_blocked"]) == (0.01, 0.0)
    out = evaluate(np.array([1.0, 1.0, 0.1]), np.array([1, 0, 0]), thresholds=thresholds, kinds=["signup"] * 3)
    assert out["signup"]["fraud_blocked"] == 0.0 and out["signup"]["fraud_held"] == 1.0


@pytest.mark.django_db
def test_the_thresholds_command_reports_none_blocked_at_a_block_threshold_of_one(django_user_model) -> None:
    import io

    from django.core.management import call_command

    from tests.test_thresholds_command import _signups

    _signups(django_user_model, [i / 4000 for i in range(2000)], decision="allow", tag="a")
    _signups(django_user_model, [1.0] * 8, decision="review", label="legit", tag="h")  # sure of itself, and wrong
    out = io.StringIO()
    with override_settings(SIGNUPGUARD=HOLD_ONLY):
        call_command("signupguard_thresholds", stdout=out)
    assert "  block 1.0000: 0.00% of the legitimate signups blocked" in out.getvalue()
