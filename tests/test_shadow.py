"""Shadow mode: a challenger scores beside the active model, and the comparison can be seen."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from signupguard.context import parse_event
from signupguard.engine import Engine
from signupguard.enrichment import Enricher
from signupguard.model import registry
from signupguard.models import Attempt, Label
from signupguard.velocity.memory import MemoryVelocityStore
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
def test_challenger_scores_without_acting_and_is_compared(shadow_registry):
    engine = Engine(enricher=Enricher(), store=MemoryVelocityStore())
    assert engine.shadow is not None and engine.shadow.version == shadow_registry
    for n, raw in enumerate([make_event(n) for n in range(6)] + [farm_event(n) for n in range(6, 12)]):
        event = parse_event(raw)
        a = engine.assess(event)
        assert a.shadow["model_version"] == shadow_registry and 0 <= a.shadow["score"] <= 1
        attempt = Attempt.objects.create(
            event_id=event.event_id, kind="signup", occurred_at=event.occurred_at, raw=event.to_dict(),
            score=a.score, decision=a.decision, model_version=a.model_version,
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
