"""Shadow mode: a challenger scores beside the active model, and the comparison can be seen."""

import io
import json
import logging
import shutil

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from signupguard.context import parse_event
from signupguard.engine import Engine
from signupguard.enrichment import Enricher
from signupguard.model import registry
from signupguard.models import Attempt, Label
from signupguard.policy import Thresholds
from signupguard.velocity.memory import MemoryVelocityStore
from tests.plugins.console import MEMORY
from tests.plugins.events import farm_event, make_event


@pytest.fixture
def shadow_registry(tmp_path):
    root = tmp_path / "registry"
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(root)}):
        registry.register(registry.DEFAULT_DIR)
        version = registry.versions()[0]
        registry.set_shadow(version)
        yield version


@pytest.mark.django_db
def test_challenger_scores_without_acting_and_is_compared(shadow_registry, django_user_model):
    engine = Engine(enricher=Enricher(), store=MemoryVelocityStore())
    assert engine.shadow is not None and engine.shadow.version == shadow_registry
    for n, raw in enumerate([make_event(n) for n in range(6)] + [farm_event(n) for n in range(6, 12)]):
        event = parse_event(raw)
        a = engine.assess(event)
        assert a.shadow["model_version"] == shadow_registry and 0 <= a.shadow["score"] <= 1
        attempt = Attempt.objects.create(
            event_id=event.event_id, kind="signup", occurred_at=event.occurred_at, raw=event.to_dict(),
            user=django_user_model.objects.create_user(username=f"shadow-{n}"), score=a.score, decision=a.decision, model_version=a.model_version,
            shadow_score=a.shadow["score"], shadow_model_version=a.shadow["model_version"],
        )
        if n % 3 == 0:
            Label.objects.create(attempt=attempt, label="fraud" if n >= 6 else "legit", source="reviewer")
    out = io.StringIO()
    call_command("signupguard_promote", "--shadow-report", stdout=out)
    text = out.getvalue()
    assert f"shadow {shadow_registry}: 12 attempts scored by both models" in text
    # The challenger is the same model here: every verdict agrees.
    assert "mean |score difference| 0.0000" in text
    assert "active: of labelled attempts" in text and "shadow: of labelled attempts" in text
    # Labelled as training reads them: people's labels, and the allowed attempts (June: long matured)
    # as legitimate, so the active model is not judged on its own holds alone.
    from signupguard.shadow import compare

    matured = Attempt.objects.filter(decision="allow", labels__isnull=True).count()
    assert matured > 0
    counts = compare().labelled["active"]
    assert counts["legit"] == 2 + matured and counts["fraud"] == 2


@pytest.mark.django_db
def test_report_without_a_shadow_is_a_clear_error(tmp_path):
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path)}):
        with pytest.raises(CommandError, match="no shadow model"):
            call_command("signupguard_promote", "--shadow-report")


# A challenger more sensitive than the active (shipped) model: REVIEW_THRESHOLD 0.5 is valid for
# the active model (it blocks from about 0.98) and crosses the challenger's block threshold.
CROSSING = {"REVIEW_THRESHOLD": 0.5}


@pytest.fixture
def challenger_registry(tmp_path):
    """A registry whose shadow challenger reviews from 0.3 and blocks from 0.45 (the shipped model is active)."""
    source = tmp_path / "challenger"
    shutil.copytree(registry.DEFAULT_DIR, source)
    meta = json.loads((source / "metadata.json").read_text())
    meta.update(version="challenger-1", thresholds={"review": 0.3, "block": 0.45})
    (source / "metadata.json").write_text(json.dumps(meta))
    root = tmp_path / "registry"
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(root)}):
        registry.register(source)
        registry.set_shadow("challenger-1")
    return root


@pytest.mark.django_db
def test_a_challenger_an_override_crosses_neither_fails_nor_changes_live_scoring(challenger_registry, scored_signup):
    attempt = scored_signup(conf={**MEMORY, **CROSSING, "MODEL_DIR": str(challenger_registry)})
    assert attempt.state == "scored", attempt.error
    assert attempt.shadow_model_version == "challenger-1" and attempt.shadow_score is not None
    active = registry.load(registry.DEFAULT_DIR).thresholds
    assert attempt.model_version == registry.load(registry.DEFAULT_DIR).version
    expected = "block" if attempt.score >= active.block else "review" if attempt.score >= 0.5 else "allow"
    assert attempt.decision == expected


@pytest.mark.django_db
def test_the_shadow_report_resolves_a_crossing_override_as_scoring_does(challenger_registry):
    with override_settings(SIGNUPGUARD={**CROSSING, "MODEL_DIR": str(challenger_registry)}):
        for n, shadow_score in enumerate((0.1, 0.47, 0.6)):
            event = parse_event(make_event(n))
            Attempt.objects.create(
                event_id=event.event_id, kind="signup", occurred_at=event.occurred_at, raw=event.to_dict(),
                score=0.1, decision="allow", model_version="active", shadow_score=shadow_score,
                shadow_model_version="challenger-1",
            )
        from signupguard.shadow import compare

        result = compare()
    # The challenger's block threshold yields to 0.5: at or above it blocked, nothing in review.
    assert result.decisions == {("allow", "allow"): 2, ("allow", "block"): 1}


def test_check_warns_when_a_lone_override_crosses_the_shadow_models_threshold(challenger_registry):
    from django.core.checks import run_checks

    with override_settings(SIGNUPGUARD={**MEMORY, **CROSSING, "MODEL_DIR": str(challenger_registry)}):
        (warning,) = [m for m in run_checks(tags=["signupguard"]) if m.id == "signupguard.W030"]
    assert "shadow model challenger-1" in warning.msg and "raised to 0.5" in warning.msg
    assert "active model" not in warning.msg


class FailingChallenger:
    """A challenger whose scoring raises, as a model file broken after loading would."""

    version = "failing-1"
    thresholds = Thresholds(review=0.3, block=0.45)
    metadata: dict = {}

    def predict(self, rows: np.ndarray) -> np.ndarray:
        raise RuntimeError("challenger exploded")

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        raise RuntimeError("challenger exploded")


@pytest.mark.django_db
def test_a_failing_challenger_is_logged_and_the_live_verdict_stands(caplog):
    event = parse_event(farm_event(1))
    alone = Engine(enricher=Enricher(), store=MemoryVelocityStore()).assess(event)
    with caplog.at_level(logging.ERROR, logger="signupguard.engine"):
        beside = Engine(enricher=Enricher(), store=MemoryVelocityStore(), shadow=FailingChallenger()).assess(event)
    assert beside.shadow is None
    assert (beside.score, beside.decision, beside.reasons) == (alone.score, alone.decision, alone.reasons)
    (record,) = [r for r in caplog.records if r.name == "signupguard.engine"]
    assert record.exc_info and "challenger exploded" in str(record.exc_info[1])


def test_promoting_the_shadow_model_stops_shadow_scoring(shadow_registry):
    # After a good shadow report the operator promotes the challenger; SHADOW kept naming it, and every
    # attempt was scored twice by the same model until someone ran --no-shadow.
    out = io.StringIO()
    call_command("signupguard_promote", str(registry.registry_root() / "versions" / shadow_registry), "--force",
                 stdout=out)
    assert registry.active_dir().name == shadow_registry and registry.shadow_dir() is None
    assert "shadow scoring stopped, as the shadow model is the active one now" in out.getvalue()


def _promote_the_shadow(version: str) -> None:
    """A registry from before promotion stopped shadowing (or a SHADOW file written by hand): both name it."""
    call_command("signupguard_promote", str(registry.registry_root() / "versions" / version), "--force",
                 stdout=io.StringIO())
    registry._write_pointer(registry.SHADOW_FILE, version)
    assert registry.active_dir() == registry.shadow_dir()


def test_a_shadow_naming_the_active_version_is_listed_as_both(shadow_registry):
    # --list said only "(active)".
    _promote_the_shadow(shadow_registry)
    out = io.StringIO()
    call_command("signupguard_promote", "--list", stdout=out)
    assert out.getvalue().splitlines() == [f"{shadow_registry} (active, shadow)"]


@pytest.mark.django_db
def test_a_shadow_naming_the_active_version_is_not_compared_with_itself(shadow_registry):
    # The report compared the active model's verdicts with its own, as if it measured a challenger.
    _promote_the_shadow(shadow_registry)
    out = io.StringIO()
    call_command("signupguard_promote", "--shadow-report", stdout=out)
    assert out.getvalue().startswith(f"shadow {shadow_registry} is the active model: every attempt is scored by it twice")
    assert "attempts scored by both models" not in out.getvalue()


def test_the_active_version_cannot_become_the_shadow(shadow_registry):
    # Refused rather than accepted: an operator naming the active version has mistyped, as --list shows.
    call_command("signupguard_promote", "--no-shadow", stdout=io.StringIO())
    registry.promote(registry.registry_root() / "versions" / shadow_registry, force=True)
    with pytest.raises(CommandError, match=f"{shadow_registry} is the active model: there is nothing to compare") as refused:
        call_command("signupguard_promote", "--shadow", shadow_registry, stdout=io.StringIO())
    assert refused.value.returncode == 1 and registry.shadow_dir() is None
