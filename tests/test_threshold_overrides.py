"""A REVIEW_THRESHOLD or BLOCK_THRESHOLD set alone, across the model's other threshold.

The shipped model reviews from about 0.90 and blocks from about 0.98: a lone
override on the far side of the other threshold used to fail every scoring
(FAIL_MODE then decided every account) while ``check`` said nothing.
"""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from signupguard.model import registry
from tests.plugins.console import MEMORY


def shipped_thresholds():
    return registry.load(registry.DEFAULT_DIR).thresholds


def w030(**conf):
    with override_settings(SIGNUPGUARD={**MEMORY, **conf}):
        return [m for m in run_checks(tags=["signupguard"]) if m.id == "signupguard.W030"]


@pytest.mark.django_db
@pytest.mark.parametrize("override, fail_mode", [
    ({"BLOCK_THRESHOLD": 0.5}, "open"),
    ({"REVIEW_THRESHOLD": 0.99}, "closed"),
    ({"BLOCK_THRESHOLD": 0.0}, "open"),  # everything blocked, nothing in review
])
def test_a_lone_override_across_the_other_threshold_still_scores(scored_signup, override, fail_mode):
    t = shipped_thresholds()
    assert 0.5 < t.review and t.block < 0.99  # what these overrides cross
    attempt = scored_signup(conf={**MEMORY, **override, "FAIL_MODE": fail_mode}, device={"fingerprint": "x"})
    assert attempt.state == "scored", attempt.error
    cut = next(iter(override.values()))
    # The override is both thresholds now: at or above it blocked, below it allowed.
    assert attempt.decision == ("block" if attempt.score >= cut else "allow")


@pytest.mark.parametrize("override, crossed, resolution", [
    ({"BLOCK_THRESHOLD": 0.5}, "below the review threshold", "its review threshold is lowered to 0.5"),
    ({"REVIEW_THRESHOLD": 0.99}, "above the block threshold", "its block threshold is raised to 0.99"),
])
def test_check_warns_which_way_a_crossing_override_resolves(override, crossed, resolution):
    (warning,) = w030(**override)
    assert crossed in warning.msg and resolution in warning.msg and "active model" in warning.msg
    assert "holds nothing for review" in warning.msg
    assert warning.obj == f"SIGNUPGUARD['{next(iter(override))}']"


def test_no_w030_but_for_a_lone_crossing_override():
    assert len(w030(BLOCK_THRESHOLD=0.5)) == 1
    for conf in (
        {},
        {"BLOCK_THRESHOLD": 0.95},
        {"REVIEW_THRESHOLD": 0.5},
        {"REVIEW_THRESHOLD": 0.2, "BLOCK_THRESHOLD": 0.4},  # both set: they are the thresholds, whatever the model's
        {"REVIEW_THRESHOLD": 0.9, "BLOCK_THRESHOLD": 0.5},  # crossed: E030 says so, not W030
    ):
        assert w030(**conf) == [], conf
