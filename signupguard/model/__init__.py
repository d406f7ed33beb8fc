"""Scoring models. LightGBM is imported only inside this package.

A *scorer* maps feature rows to fraud probabilities and per-feature
contributions (log-odds units, aligned with FEATURE_NAMES):

* ``RiskModel`` — a trained LightGBM booster loaded from its directory
  (text format + metadata.json), see ``predict.py``;
* ``ColdStartModel`` — the documented rule set used before any trained model
  can be loaded, see ``coldstart.py``.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from signupguard.policy import Thresholds


class ModelError(Exception):
    """A model directory that cannot be used: the message says why."""


class Scorer(Protocol):
    version: str
    thresholds: Thresholds
    metadata: dict[str, Any]

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Fraud probabilities, shape (n,)."""
        ...

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        """Per-feature contributions, shape (n, n_features), log-odds units."""
        ...
