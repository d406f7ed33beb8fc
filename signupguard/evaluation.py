"""Detection metrics and baselines, shared by training, promotion and the evaluation script.

Pure numpy. "Held" means review or block (the account gets no API key until
a person clears it); rates on legitimate traffic are measured on signups,
which is what the targets speak of.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from signupguard.features import FEATURE_INDEX
from signupguard.policy import Thresholds


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve by the rank statistic (ties get half credit)."""
    pos, neg = scores[labels == 1], scores[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([neg, pos]), kind="mergesort")
    values = np.concatenate([neg, pos])[order]
    ranks = np.empty(len(values))
    # average ranks over ties
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        ranks[i : j + 1] = (i + j) / 2.0 + 1.0
        i = j + 1
    rank_of = np.empty(len(values))
    rank_of[order] = ranks
    pos_ranks = rank_of[len(neg):]
    return float((pos_ranks.sum() - len(pos) * (len(pos) + 1) / 2.0) / (len(pos) * len(neg)))


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    if labels.sum() == 0:
        return float("nan")
    order = np.argsort(-scores, kind="mergesort")
    hits = labels[order] == 1
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision[hits].sum() / hits.sum())


def rates(flagged: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(share of fraud flagged, share of legitimate flagged)."""
    fraud = labels == 1
    legit = ~fraud
    caught = float(flagged[fraud].mean()) if fraud.any() else float("nan")
    false = float(flagged[legit].mean()) if legit.any() else float("nan")
    return caught, false


def evaluate(
    scores: np.ndarray,
    labels: np.ndarray,
    *,
    thresholds: Thresholds,
    kinds: Sequence[str] | np.ndarray,
    campaigns: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Metrics of one scored hold-out, signups and logins apart, with per-campaign catch rates."""
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    kinds_arr = np.asarray(kinds)
    out: dict[str, Any] = {"thresholds": {"review": thresholds.review, "block": thresholds.block}}
    for kind in ("signup", "login"):
        mask = kinds_arr == kind
        if not mask.any():
            continue
        s, y = scores[mask], labels[mask]
        held = s >= thresholds.review
        blocked = thresholds.blocks(s)
        held_fraud, held_legit = rates(held, y)
        blocked_fraud, blocked_legit = rates(blocked, y)
        out[kind] = {
            "events": int(mask.sum()),
            "fraud": int(y.sum()),
            "roc_auc": roc_auc(s, y),
            "average_precision": average_precision(s, y),
            "fraud_held": held_fraud,
            "fraud_blocked": blocked_fraud,
            "legit_held": held_legit,
            "legit_blocked": blocked_legit,
        }
    if campaigns is not None:
        camp = np.asarray(campaigns)
        held = scores >= thresholds.review
        per: dict[str, Any] = {}
        # Fraud without a campaign (a portal's own labels: stored attempts have none) counts in the figures
        # above only; grouped, it read as a campaign named "".
        for name in sorted(set(camp[(labels == 1)]) - {""}):
            m = (camp == name) & (labels == 1) & (kinds_arr == "signup")
            if m.any():
                per[name] = {"signups": int(m.sum()), "held": float(held[m].mean())}
        if per:
            out["campaigns"] = per
        legit_groups: dict[str, Any] = {}
        for name in sorted(set(camp[(labels == 0)])):
            m = (camp == name) & (labels == 0) & (kinds_arr == "signup")
            if m.any():
                legit_groups[name or "legit"] = {"signups": int(m.sum()), "held": float(held[m].mean())}
        out["legit_groups"] = legit_groups
    return out


def baseline_flags(X: np.ndarray) -> dict[str, np.ndarray]:
    """What the usual open-source defences would flag on the same events.

    * ``ip_5_per_hour``: django-ratelimit's common '5/h' per IP — the sixth
      signup from one address within an hour is refused.
    * ``disposable_blocklist``: refuse disposable-mail domains.
    """
    return {
        "ip_5_per_hour": X[:, FEATURE_INDEX["v_ip_1h"]] >= 5,
        "disposable_blocklist": X[:, FEATURE_INDEX["email_disposable"]] >= 0.5,
    }


def baseline_metrics(X: np.ndarray, labels: np.ndarray, kinds: Sequence[str] | np.ndarray, campaigns: Sequence[str] | None = None) -> dict[str, Any]:
    signup = np.asarray(kinds) == "signup"
    out: dict[str, Any] = {}
    for name, flags in baseline_flags(X).items():
        caught, false = rates(flags[signup], labels[signup])
        entry: dict[str, Any] = {"fraud_held": caught, "legit_held": false}
        if campaigns is not None:
            camp = np.asarray(campaigns)
            per = {
                c: float(flags[signup & (camp == c) & (labels == 1)].mean())
                for c in sorted(set(camp[labels == 1]) - {""})  # unnamed: as in evaluate
                if (signup & (camp == c) & (labels == 1)).any()
            }
            if per:
                entry["campaigns"] = per
        out[name] = entry
    return out


def recall_at_fpr(scores: np.ndarray, labels: np.ndarray, fpr: float) -> float:
    """Share of fraud scored above the (1 - fpr) quantile of legitimate scores."""
    scores, labels = np.asarray(scores), np.asarray(labels)
    legit = np.sort(scores[labels == 0])
    fraud = scores[labels == 1]
    if len(legit) == 0 or len(fraud) == 0:
        return float("nan")
    allowed = int(np.floor(fpr * len(legit)))
    cut = legit[len(legit) - allowed - 1] if allowed < len(legit) else -np.inf
    return float(np.mean(fraud > cut))
