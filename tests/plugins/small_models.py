"""A small real LightGBM model written the way signupguard_train writes one, for registry tests.

No Django models are imported here: tests start processes (``spawn``) that import it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from signupguard.features import FEATURE_NAMES
from signupguard.model.train import SignupRiskClassifier, save_model
from signupguard.policy import Thresholds


def save_small_model(out: Path, seed: int, *, test_rows: int, prefix: str) -> str:
    """Train on 400 random rows (fraud: the first feature above 0.7), save to ``out``; its version.

    The metadata records a hold-out of ``test_rows`` rows; no hold-out file is written.
    """
    rng = np.random.default_rng(seed)
    X = rng.random((400, len(FEATURE_NAMES)))
    y = (X[:, 0] > 0.7).astype(int)
    clf = SignupRiskClassifier(n_estimators=5, num_leaves=4, min_child_samples=5, monotone=False)
    clf.fit(X, y)
    split = {"train": 400 - test_rows, "valid": 0, "test": test_rows}
    meta = save_model(clf, out, thresholds=Thresholds(0.5, 0.9), metrics={"split": split}, training={},
                      version_prefix=prefix)
    return meta["version"]
