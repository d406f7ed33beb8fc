"""Thresholds chosen again on this portal's own signups, from what its reviewers said of them.

A model's thresholds are set on the traffic it was trained on, and on another
population they hold another share of legitimate people (``outcomes`` says
how much). Choosing them again needs neither retraining nor fraud labels:
only the active model's scores of signups known to be legitimate. Those are
the held signups a reviewer approved, and the allowed ones nobody labelled
fraud whose account is neither blocked nor held since (once they are
``settle_days`` old, if the portal's abuse reports take that long). Held
signups nobody has reviewed yet may be either, as may younger allowed ones,
so every share is a range: them counted as fraud, then as legitimate. Allow
and deny lists' verdicts are left out, as training leaves them out
(``labels.matured_legit``).

``signupguard_thresholds`` prints the result; applying it is a settings
change (``REVIEW_THRESHOLD``, ``BLOCK_THRESHOLD``), so it can be undone.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from signupguard.model.train import threshold_for_rate
from signupguard.outcomes import HELD, recent_signups
from signupguard.policy import Thresholds
from signupguard.training import BLOCK_RATE, REVIEW_RATE, check_rates, signups_needed

# Legitimate signups expected above a chosen threshold, at least: with fewer, one
# signup more or less moves the threshold anywhere between two of them.
MIN_ABOVE = 10
DECIMALS = 10_000  # thresholds are printed, and set, with four decimals


@dataclass(frozen=True)
class ScoredSignups:
    """The active model's scores of recent signups, by what is known of them."""

    legit: np.ndarray
    fraud: np.ndarray
    undecided: np.ndarray  # held, and not reviewed yet

    def legit_share(self, threshold: float) -> tuple[float, float] | None:
        """(low, high) share of legitimate signups scored at or above ``threshold``; None without any."""
        known = len(self.legit)
        if known == 0:
            return None
        above, unknown = int((self.legit >= threshold).sum()), int((self.undecided >= threshold).sum())
        return above / known, (above + unknown) / (known + unknown)

    def fraud_share(self, threshold: float) -> float | None:
        return float((self.fraud >= threshold).mean()) if len(self.fraud) else None


@dataclass(frozen=True)
class Choice:
    """The threshold that holds ``rate`` of the legitimate signups, or why there is none."""

    rate: float
    threshold: float | None
    needed: int  # legitimate signups this rate needs (MIN_ABOVE of them above the threshold)


def scored_signups(version: str, *, days: int, now: dt.datetime | None = None, settle_days: float = 0.0) -> ScoredSignups:
    """Signups of the last ``days`` scored by model ``version``, sorted into legitimate, fraud and undecided.

    An allowed signup younger than ``settle_days`` that nobody labelled is undecided rather than
    legitimate: fraud that got through is often reported days later.
    """
    from django.utils import timezone

    from signupguard.models import Label

    settled = (now or timezone.now()) - dt.timedelta(days=settle_days)
    # recent_signups leaves an allow or deny list's verdicts out, as training does (labels.matured_legit):
    # a portal's allow-listed probe, counted legitimate, would pull the review threshold above itself.
    signups = recent_signups(days=days, now=now).filter(model_version=version, score__isnull=False)
    latest: dict[int, str] = {}
    for attempt_id, given in (Label.objects.filter(attempt__in=signups).order_by("at", "pk")
                              .values_list("attempt_id", "label").iterator(chunk_size=5000)):
        latest[attempt_id] = given
    kinds: dict[str, list[float]] = {"legit": [], "fraud": [], "undecided": []}
    # created_at, the capture time, as recent_signups' window reads it.
    rows = signups.order_by().values_list("pk", "score", "decision", "user__signupguard_status__status", "created_at")
    for pk, score, decision, status, created_at in rows.iterator(chunk_size=5000):
        label = latest.get(pk)
        if label is None:
            # Not reviewed: a held one may be either, as may an allowed one held since (a cluster's
            # review) or too young to have been reported; one blocked since (the retroactive action)
            # is fraud, as training reads it.
            if status == "blocked" and decision not in HELD:
                label = "fraud"
            elif decision in HELD or status == "review" or (settle_days and created_at > settled):
                label = "undecided"
            else:
                label = "legit"
        kinds[label].append(score)
    return ScoredSignups(**{kind: np.asarray(scores, dtype=np.float64) for kind, scores in kinds.items()})


def target_rates(metadata: dict) -> tuple[float, float]:
    """The (review, block) rates a model aims at, from its metadata (undivided by any margin); else training's defaults."""
    rates = (metadata.get("training") or {}).get("target_rates") or {}
    review, block = rates.get("review"), rates.get("block")
    if not isinstance(review, (int, float)) or not isinstance(block, (int, float)):
        return REVIEW_RATE, BLOCK_RATE
    try:
        check_rates(review, block)
    except ValueError:
        return REVIEW_RATE, BLOCK_RATE
    return float(review), float(block)


def choose(signups: ScoredSignups, rate: float) -> Choice:
    """The lowest threshold that holds at most ``rate`` of the known legitimate signups."""
    needed = signups_needed(rate, above=MIN_ABOVE)
    if len(signups.legit) < needed:
        return Choice(rate, None, needed)
    return Choice(rate, settable(threshold_for_rate(signups.legit, rate)), needed)


def settable(threshold: float) -> float:
    """``threshold`` rounded up to the four decimals an operator writes in settings: never holding more."""
    steps = math.ceil(threshold * DECIMALS)
    if steps / DECIMALS < threshold:  # the product fell just under a step
        steps += 1
    return min(steps / DECIMALS, 1.0)


def settings_for(review: Choice, block: Choice, now: Thresholds) -> tuple[Thresholds, str]:
    """The pair to set (both, so neither yields to the other: check W030) and what became of the block threshold.

    A block threshold that could not be chosen keeps the one in force, unless
    the new review threshold passes it: then nothing is blocked by score
    (1.0), since blocking everything held would block legitimate people
    with no reviewer looking, at a rate nobody measured.
    """
    # A threshold kept is rounded up too: a model's own has more decimals than settings are written with.
    new_review = review.threshold if review.threshold is not None else settable(now.review)
    if block.threshold is not None:
        return Thresholds(review=new_review, block=max(block.threshold, new_review)), "chosen"
    if settable(now.block) >= new_review:
        return Thresholds(review=new_review, block=settable(now.block)), "the one in force"
    return Thresholds(review=new_review, block=1.0), "none blocked by score: too few signups to choose it"
