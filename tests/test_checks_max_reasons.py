"""MAX_REASONS: a bad value is check error E035, and scoring uses the default rather than failing."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from signupguard.context import parse_event
from signupguard.engine import Engine
from signupguard.enrichment import Enricher
from signupguard.velocity.memory import MemoryVelocityStore
from tests.plugins.console import MEMORY
from tests.plugins.events import farm_event

BAD = [None, "five", True, -1, 2.5]


def e035(**conf):
    with override_settings(SIGNUPGUARD={**MEMORY, **conf}):
        return [m for m in run_checks(tags=["signupguard"]) if m.id == "signupguard.E035"]


@pytest.mark.parametrize("value", [*BAD, "5"])
def test_a_max_reasons_that_is_no_count_is_e035(value):
    (error,) = e035(MAX_REASONS=value)
    assert repr(value) in error.msg and error.obj == "SIGNUPGUARD['MAX_REASONS']"
    for good in (0, 1, 5, 50):
        assert e035(MAX_REASONS=good) == []
    assert e035() == []


def assess(**conf):
    with override_settings(SIGNUPGUARD={**MEMORY, **conf}):
        return Engine(enricher=Enricher(), store=MemoryVelocityStore()).assess(parse_event(farm_event(1)))


@pytest.mark.django_db
@pytest.mark.parametrize("value", BAD)
def test_scoring_uses_the_default_for_a_bad_max_reasons(value):
    default = assess()
    found = assess(MAX_REASONS=value)
    assert (found.decision, found.reasons) == (default.decision, default.reasons)
    assert len(found.reasons) == 5  # the default, not True's 1 or a truncated 2.5
    assert len(assess(MAX_REASONS=2).reasons) == 2  # a good value still limits
