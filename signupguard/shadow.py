"""How a shadow challenger compares with the active model on live traffic.

Every attempt scored while ``SHADOW`` is set stores the challenger's score
beside the active model's verdict; this module summarises those pairs so the
decision to promote rests on your traffic, not only on a hold-out.

Only the challenger's score is stored: its decision is rebuilt as live scoring
would have made it were it active, hard rules included (``challenger_decision``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from signupguard.model import ModelError, registry
from signupguard.model.predict import RiskModel
from signupguard.policy import (
    ALLOW, BLOCK, DECISIONS, REVIEW, REVIEW_FLOORS, RULE_FEATURE, Thresholds, effective_thresholds,
)

# The reasons scoring.apply_assessment adds whatever the score (a device a blocked account used, the
# login rules): each holds the attempt for review at least, whichever model scored it. Not "login_*":
# "login_failed" is a model feature.
ACCOUNT_RULES = frozenset({"linked_blocked_device", "login_device_accounts", "login_ip_accounts", "login_failed_burst"})


@dataclass(slots=True)
class ShadowComparison:
    version: str
    attempts: int = 0
    # (active decision, challenger decision) -> count
    decisions: Counter = field(default_factory=Counter)
    mean_abs_difference: float = 0.0
    # Among attempts people labelled: held fraud / held legit, per model
    labelled: dict[str, dict[str, int]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"shadow {self.version}: {self.attempts} attempts scored by both models, "
               f"mean |score difference| {self.mean_abs_difference:.4f}"]
        kinds = ("allow", "review", "block")
        out.append("active \\ shadow   " + "  ".join(f"{k:>7}" for k in kinds))
        for a in kinds:
            out.append(f"{a:<16} " + "  ".join(f"{self.decisions.get((a, s), 0):>7}" for s in kinds))
        for model, counts in self.labelled.items():
            out.append(f"{model}: of labelled attempts, holds {counts['fraud_held']}/{counts['fraud']} fraud "
                       f"and {counts['legit_held']}/{counts['legit']} legitimate")
        return out


def compare(version: str | None = None) -> ShadowComparison:
    """Compare the active model's verdicts with ``version``'s (default: the current shadow)."""
    from signupguard.labels import training_labels
    from signupguard.models import Attempt

    if version is None:
        directory = registry.shadow_dir()
        if directory is None:
            raise ModelError("no shadow model is set (signupguard_promote --shadow VERSION)")
        problem = registry.pointer_problem(registry.SHADOW_FILE)
        if problem:
            raise ModelError(f"no usable shadow model: {problem}")
        version = directory.name
    try:
        thresholds = effective_thresholds(RiskModel.load(registry.registry_root() / "versions" / version).thresholds)  # type: ignore[operator]
    except (ModelError, TypeError) as exc:
        raise ModelError(f"cannot load shadow version {version}: {exc}") from None
    # The labels training reads: people's alone are the active model's holds, which would make
    # it look worse on legitimate traffic than a challenger that never held them.
    labels = training_labels()
    result = ShadowComparison(version=version)
    total_difference = 0.0
    held: dict[str, Counter[str]] = {"active": Counter(), "shadow": Counter()}
    rows = (
        Attempt.objects.filter(shadow_model_version=version, decision__isnull=False, shadow_score__isnull=False)
        .values_list("pk", "score", "decision", "shadow_score", "reasons").iterator(chunk_size=5000)
    )
    for pk, score, decision, shadow_score, reasons in rows:
        if decision is None or shadow_score is None:  # excluded by the query; tells the type checker so
            continue
        shadow_decision = challenger_decision(shadow_score, thresholds, decision=decision, reasons=reasons)
        result.attempts += 1
        result.decisions[(decision, shadow_decision)] += 1
        total_difference += abs((score or 0.0) - shadow_score)
        label = labels.get(pk)
        if label is not None:
            for model, d in (("active", decision), ("shadow", shadow_decision)):
                held[model][label] += 1
                held[model][f"{label}_held"] += d != "allow"
    result.mean_abs_difference = total_difference / result.attempts if result.attempts else 0.0
    result.labelled = {
        model: {k: c.get(k, 0) for k in ("fraud", "fraud_held", "legit", "legit_held")} for model, c in held.items()
    }
    return result


def challenger_decision(score: float, thresholds: Thresholds, *, decision: str, reasons: Any) -> str:
    """The challenger's verdict for ``score`` on an attempt the active model decided ``decision`` with ``reasons``.

    Mirrors live scoring (``Engine._shadow_verdicts`` and ``apply_assessment``):
    an allow or deny list decides for both models whatever their scores, so
    the stored decision is the challenger's too; a filled honeypot, a replayed
    form render token and the account rules raise either verdict to review at least.
    """
    marks = [r for r in reasons if isinstance(r, dict)] if isinstance(reasons, list) else []
    rules = [r.get("text") for r in marks if r.get("feature") == RULE_FEATURE]
    if any(text not in REVIEW_FLOORS for text in rules):
        return decision
    own = BLOCK if thresholds.blocks(score) else REVIEW if score >= thresholds.review else ALLOW
    if rules or any(r.get("feature") in ACCOUNT_RULES for r in marks):
        return max(own, REVIEW, key=DECISIONS.index)
    return own


def as_dict(comparison: ShadowComparison) -> dict[str, Any]:
    return {
        "version": comparison.version,
        "attempts": comparison.attempts,
        "mean_abs_difference": comparison.mean_abs_difference,
        "decisions": {f"{a}->{s}": n for (a, s), n in comparison.decisions.items()},
        "labelled": comparison.labelled,
    }
