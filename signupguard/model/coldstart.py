"""The cold-start rule set: scores events before any trained model can be loaded.

Used when no model directory is usable (first install with the shipped model
removed, a corrupt or mismatched model file). It is a hand-weighted additive
score in log-odds, so its reasons come out in the same shape as TreeSHAP's:
each rule that fires contributes its weight. The weights encode published,
well-understood signals only; they are documented in docs/cold-start.md and
are deliberately conservative (review rather than block) because nothing has
been measured yet.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

from signupguard.features import FEATURE_INDEX, FEATURE_NAMES
from signupguard.policy import Thresholds

BIAS = -4.0  # ~1.8% prior before any rule fires

# (feature, predicate on its value, weight in log-odds)
RULES: tuple[tuple[str, Callable[[float], bool], float], ...] = (
    ("device_webdriver", lambda v: v >= 0.5, 4.0),
    ("ua_headless", lambda v: v >= 0.5, 4.0),
    ("ua_automation", lambda v: v >= 0.5, 3.5),
    ("net_tor", lambda v: v >= 0.5, 2.5),
    ("email_disposable", lambda v: v >= 0.5, 2.5),
    ("net_hosting", lambda v: v >= 0.5, 2.0),
    ("ua_hints_mismatch", lambda v: v >= 0.5, 1.5),
    ("device_platform_mismatch", lambda v: v >= 0.5, 1.5),
    ("device_gpu_mismatch", lambda v: v >= 0.5, 1.5),
    ("device_screen_mismatch", lambda v: v >= 0.5, 1.0),
    ("net_vpn", lambda v: v >= 0.5, 1.0),
    ("device_tz_country_mismatch", lambda v: v >= 0.5, 0.8),
    ("device_lang_country_mismatch", lambda v: v >= 0.5, 0.5),
    ("form_fill_ms", lambda v: v < 1500, 1.5),
    ("d_device_accounts_7d", lambda v: v >= 3, 2.5),
    ("d_email_accounts_7d", lambda v: v >= 2, 2.0),
    ("v_prefix_1h", lambda v: v >= 10, 1.5),
    ("v_ip_1h", lambda v: v >= 5, 1.5),
    ("surge_asn", lambda v: v >= 10, 1.0),
    ("d_profile_prefixes_1h", lambda v: v >= 5, 2.0),
    ("failed_ip_1h", lambda v: v >= 10, 2.0),
    ("email_dots_removed", lambda v: v >= 3, 1.0),
)
_RULE_INDEX = tuple((FEATURE_INDEX[name], test, weight) for name, test, weight in RULES)


class ColdStartModel:
    """Rule-based scorer with the ``Scorer`` interface."""

    version = "cold-start-1"
    thresholds = Thresholds(review=0.5, block=0.95)

    def __init__(self, *, reason: str = "no trained model") -> None:
        self.metadata: dict[str, Any] = {"version": self.version, "cold_start": True, "reason": reason}

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.float64)
        out = np.zeros((len(rows), len(FEATURE_NAMES)))
        for r, row in enumerate(rows):
            for index, test, weight in _RULE_INDEX:
                value = row[index]
                if not math.isnan(value) and test(value):
                    out[r, index] = weight
        return out

    def predict(self, rows: np.ndarray) -> np.ndarray:
        logits = BIAS + self.contributions(rows).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-logits))
