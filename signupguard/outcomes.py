"""How many legitimate signups the model holds on this portal's own traffic, from reviewers' verdicts.

A model's thresholds are chosen on the traffic it was trained on; on another
population the same thresholds hold a different share of legitimate people
(the shipped model, set for 0.5% on simulated traffic, held 1.2–4.9% of the
legitimate signups of nine independent generators: docs/detection.md). A
portal learns its own figure only from what its reviewers decide:

* a held signup a reviewer approved was a legitimate signup held;
* an allowed signup that nobody later labelled fraud (an abuse report, a
  block confirmed after the fact) and whose account is not blocked since (the
  retroactive action) counts as a legitimate signup let through;
* held signups nobody has reviewed yet may be either, so the figure is a
  range until the queue is worked through. Those the model blocked outright
  never reach the queue: they stay in the range, counted apart.

The dashboard shows it beside the rate the active model was set for, and
says when retraining on the portal's own labels would move the thresholds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

HELD = ("review", "block")
# Approvals needed before a rate above the target is called a drift worth retraining for.
MIN_APPROVED = 10
DRIFT_FACTOR = 2.0


@dataclass(frozen=True, slots=True)
class HeldOutcomes:
    """Scored signups of the last ``days`` by decision, and what people said of them since."""

    days: int
    held: int  # review or block
    approved: int  # held, then labelled legitimate by a reviewer
    confirmed: int  # held, then labelled fraud (a confirmed block, an abuse report)
    allowed: int
    allowed_fraud: int  # allowed, then labelled fraud or blocked (the retroactive action)
    target: float | None  # the share of legitimate signups the active model aims to hold (its target review rate)
    blocked_unreviewed: int = 0  # held, unlabelled, and blocked: no review queue shows them

    @property
    def undecided(self) -> int:
        return self.held - self.approved - self.confirmed

    @property
    def awaiting(self) -> int:
        """Held signups the review queue still shows."""
        return self.undecided - self.blocked_unreviewed

    @property
    def legit_held_rate(self) -> tuple[float, float] | None:
        """(low, high) share of legitimate signups held: the undecided held ones counted as fraud, then as legitimate."""
        known = self.approved + self.allowed - self.allowed_fraud
        if known <= 0:
            return None
        return self.approved / known, (self.approved + self.undecided) / (known + self.undecided)

    @property
    def above_target(self) -> bool:
        """Whether reviewers' approvals alone already put the rate well above the target."""
        rate = self.legit_held_rate
        return (
            rate is not None and self.target is not None and self.approved >= MIN_APPROVED
            and rate[0] > DRIFT_FACTOR * self.target
        )


def _target(metadata: dict[str, Any]) -> float | None:
    """The model's target review rate (its thresholds aim at it); None when settings override them or it is unknown."""
    from signupguard.conf import sg_settings

    if sg_settings.REVIEW_THRESHOLD is not None:
        return None
    rates = (metadata.get("training") or {}).get("target_rates") or {}
    review = rates.get("review")
    return float(review) if isinstance(review, (int, float)) and 0 < review < 1 else None


def recent_signups(*, days: int, now: dt.datetime | None = None) -> Any:
    """The signups the model decided in the last ``days`` whose outcome can be known (a QuerySet of ``Attempt``).

    An allow or deny list's verdicts are left out: the model's thresholds did
    not decide them (a portal that allow-lists its customers' companies would
    otherwise read a share held far below the model's).
    """
    from django.db.models import Exists, OuterRef, Q
    from django.utils import timezone

    from signupguard.labels import decided_by_model
    from signupguard.models import Attempt, Label

    since = (now or timezone.now()) - dt.timedelta(days=days)
    signups = Attempt.objects.filter(kind=Attempt.Kind.SIGNUP, created_at__gte=since, decision__in=("allow", *HELD))
    signups = signups.filter(decided_by_model())
    # A deleted account's signup nobody labelled says nothing: no queue shows it and no one can tell what it was.
    return signups.filter(Q(user__isnull=False) | Exists(Label.objects.filter(attempt=OuterRef("pk"))))


def held_outcomes(*, days: int = 30, now: dt.datetime | None = None, metadata: dict[str, Any] | None = None) -> HeldOutcomes:
    """What became of the signups scored in the last ``days``; ``metadata``: the active model's."""
    from django.db.models import Count

    from signupguard.models import Label

    signups = recent_signups(days=days, now=now)
    by_decision = dict(signups.values_list("decision").annotate(n=Count("pk")))
    latest: dict[int, tuple[str | None, str]] = {}  # attempt -> (its decision, its latest label)
    labels = (Label.objects.filter(attempt__in=signups).order_by("at", "pk")
              .values_list("attempt_id", "attempt__decision", "label"))
    for attempt_id, decision, label in labels.iterator(chunk_size=5000):
        latest[attempt_id] = (decision, label)
    verdicts = [(decision in HELD, label) for decision, label in latest.values()]
    # Unlabelled signups whose account is blocked now: the model's own blocks, which no queue
    # shows, and allowed ones the retroactive action blocked since (counted as fraud here; training
    # leaves them unlabelled, as no person decided them, and out of the matured legitimate labels).
    blocked = dict(signups.filter(labels__isnull=True, user__signupguard_status__status="blocked")
                   .values_list("decision").annotate(n=Count("pk")))
    if metadata is None:
        from signupguard.model import registry

        metadata = getattr(registry.load_active(), "metadata", {}) or {}
    return HeldOutcomes(
        days=days,
        held=sum(by_decision.get(d, 0) for d in HELD),
        approved=verdicts.count((True, Label.Value.LEGIT)),
        confirmed=verdicts.count((True, Label.Value.FRAUD)),
        allowed=by_decision.get("allow", 0),
        allowed_fraud=verdicts.count((False, Label.Value.FRAUD)) + blocked.get("allow", 0),
        target=_target(metadata),
        blocked_unreviewed=sum(blocked.get(d, 0) for d in HELD),
    )
