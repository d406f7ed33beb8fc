"""The risk engine: raw event -> enrichment -> velocity -> features -> score -> decision.

One code path for live scoring (Celery tasks), offline replay and training:
``prepare`` runs the stateful, sequential part (enrichment and velocity, in
event order); ``score`` runs the model and the policy, in batches when it can.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from signupguard.conf import DEFAULTS, is_count, sg_settings
from signupguard.context import RawEvent
from signupguard.enrichment import Enricher, Enrichment
from signupguard.features import build_features, event_features, presence_values, velocity_presence, velocity_rows
from signupguard.model import Scorer
from signupguard.model import registry
from signupguard.policy import ALLOW, Decision, HardRules, decide, effective_thresholds
from signupguard.reasons import top_reasons
from signupguard.velocity import VelocityStore, for_event, get_store
from signupguard.velocity.keys import Deployment, Velocity, observe_event, observe_flat, plan_event

logger = logging.getLogger(__name__)


def reason_limit() -> int:
    """MAX_REASONS, or its default when it is unusable (check E035): reasons never cost the verdict."""
    value = sg_settings.MAX_REASONS
    return value if is_count(value) else DEFAULTS["MAX_REASONS"]


@dataclass(slots=True)
class Prepared:
    event: RawEvent
    enrichment: Enrichment
    velocity: Velocity
    features: list[float]


@dataclass(slots=True)
class Assessment:
    event_id: str
    score: float
    decision: str
    reasons: list[dict[str, Any]]
    model_version: str
    enrichment: Enrichment
    velocity: Velocity
    features: list[float]
    rule: str | None = None
    shadow: dict[str, Any] | None = field(default=None)  # {"score", "decision", "model_version"}

    def to_output(self, *, with_enrichment: bool = False) -> dict[str, Any]:
        """The replay contract's output line."""
        out: dict[str, Any] = {
            "event_id": self.event_id,
            "score": round(float(self.score), 6),
            "decision": self.decision,
            # The contract: largest first. A hard rule's reason (contribution 0.0) follows the model's positive ones.
            "reasons": sorted(({"feature": r["feature"], "contribution": r["contribution"]} for r in self.reasons),
                              key=lambda r: -r["contribution"]),
            "model_version": self.model_version,
        }
        if with_enrichment:
            out["enrichment"] = self.enrichment.summary()
        return out


class Engine:
    """Holds the per-process parts: enricher (open GeoIP readers), velocity store, scorer."""

    def __init__(
        self,
        *,
        enricher: Enricher,
        store: VelocityStore,
        scorer: Scorer | None = None,
        shadow: Scorer | None = None,
        rules: HardRules | None = None,
    ) -> None:
        self.enricher = enricher
        self.store = store
        self.deployment = Deployment()
        self._scorer = scorer
        self._shadow = shadow
        self._rules = rules

    @classmethod
    def from_settings(cls) -> "Engine":
        """The live engine: its browser-version reference starts from the latest scored attempts'."""
        from signupguard.browser_versions import learn_recent

        enricher = Enricher.from_settings()
        learned = learn_recent(enricher.ua)
        logger.info("SignupGuard learned browser versions from %d recent attempt(s)", learned)
        return cls(enricher=enricher, store=get_store())

    # Scorer and rules are resolved at call time unless pinned, so promoting a
    # model or changing settings takes effect without restarting workers.
    @property
    def scorer(self) -> Scorer:
        return self._scorer if self._scorer is not None else registry.load_active()

    @property
    def shadow(self) -> Scorer | None:
        return self._shadow if self._shadow is not None else (None if self._scorer is not None else registry.load_shadow())

    @property
    def rules(self) -> HardRules:
        return self._rules if self._rules is not None else HardRules.from_settings()

    def prepare(
        self,
        event: RawEvent,
        *,
        enrichment: Enrichment | None = None,
        velocity: Velocity | None = None,
    ) -> Prepared:
        """Enrich and record the event in velocity (pass stored parts to avoid counting twice)."""
        enrichment = enrichment if enrichment is not None else self.enricher.enrich(event)
        if velocity is None:
            velocity = observe_event(for_event(self.store, event.event_id), event, enrichment, self.deployment)
        return Prepared(event, enrichment, velocity, build_features(event, enrichment, velocity))

    def prepare_many(self, events: Sequence[RawEvent]) -> list[Prepared]:
        """``prepare`` for events in time order, stage by stage (what offline runs use).

        Enrichment is pure, so enriching a whole batch before recording any of
        it in velocity gives exactly the results of preparing one by one; each
        stage running over the batch keeps its code and data in the CPU's
        caches, which makes the batch about a quarter cheaper.
        """
        enrich, store = self.enricher.enrich, self.store
        enrichments = [enrich(event) for event in events]
        if not enrichments:
            return []
        deployment = self.deployment
        flats = [observe_flat(store, plan_event(event, e, deployment), deployment) for event, e in zip(events, enrichments)]
        velocity = velocity_rows(np.array(flats, dtype=np.int64),
                                 np.array([presence_values(velocity_presence(e)) for e in enrichments])).tolist()
        return [
            Prepared(event, e, Velocity.from_flat(flat), event_features(event, e) + row)
            for event, e, flat, row in zip(events, enrichments, flats, velocity)
        ]

    def score(self, prepared: Sequence[Prepared], *, explain: bool | str = True) -> list[Assessment]:
        """Score a batch. ``explain="auto"`` computes reasons only for non-allow decisions."""
        if not prepared:
            return []
        scorer, rules = self.scorer, self.rules
        rows = np.asarray([p.features for p in prepared], dtype=np.float64)
        scores = scorer.predict(rows)
        thresholds = effective_thresholds(scorer.thresholds)
        limit = reason_limit()
        decisions: list[Decision] = [
            decide(score=float(s), thresholds=thresholds, enrichment=p.enrichment, rules=rules)
            for s, p in zip(scores, prepared)
        ]
        wanted = [i for i, d in enumerate(decisions) if explain is True or (explain == "auto" and d.decision != ALLOW)]
        if wanted:
            contributions = scorer.contributions(rows[wanted])
            for row_index, i in enumerate(wanted):
                reasons = top_reasons(contributions[row_index], rows[i], limit=limit)
                decisions[i] = decide(
                    score=float(scores[i]), thresholds=thresholds, enrichment=prepared[i].enrichment,
                    reasons=reasons, rules=rules,
                )
        shadow_out = self._shadow_verdicts(rows, prepared, rules)
        return [
            Assessment(
                event_id=p.event.event_id, score=float(s), decision=d.decision, reasons=d.reasons,
                model_version=scorer.version, enrichment=p.enrichment, velocity=p.velocity,
                features=p.features, rule=d.rule, shadow=sh,
            )
            for p, s, d, sh in zip(prepared, scores, decisions, shadow_out)
        ]

    def _shadow_verdicts(
        self, rows: np.ndarray, prepared: Sequence[Prepared], rules: HardRules
    ) -> list[dict[str, Any] | None]:
        """The shadow challenger's ``{"score", "decision", "model_version"}`` per row, or Nones.

        The challenger only records: whatever goes wrong with it (loading,
        predicting, its thresholds) is logged and the live verdicts stand.
        """
        none: list[dict[str, Any] | None] = [None] * len(prepared)
        try:
            shadow = self.shadow
            if shadow is None:
                return none
            scores = shadow.predict(rows)
            if len(scores) != len(prepared):  # zipped short, it would drop live assessments
                raise ValueError(f"{len(scores)} shadow scores for {len(prepared)} rows")
            thresholds = effective_thresholds(shadow.thresholds)
            decisions = [decide(score=float(s), thresholds=thresholds, enrichment=p.enrichment, rules=rules).decision
                         for s, p in zip(scores, prepared)]
            return [{"score": float(s), "decision": d, "model_version": shadow.version} for s, d in zip(scores, decisions)]
        except Exception:  # noqa: BLE001 - a challenger must never cost a live verdict
            logger.exception("Shadow scoring failed; the active model's verdicts stand without it")
            return none

    def assess(self, event: RawEvent, *, explain: bool | str = True, **stored: Any) -> Assessment:
        """Prepare and score one event (the live path)."""
        return self.score([self.prepare(event, **stored)], explain=explain)[0]


_engine: Engine | None = None


def get_engine() -> Engine:
    """The process-wide engine (GeoIP readers and the velocity store are opened once)."""
    global _engine
    if _engine is None:
        _engine = Engine.from_settings()
    return _engine


def reset_engine() -> None:
    """Forget the process-wide engine (tests, settings changes)."""
    global _engine
    _engine = None

