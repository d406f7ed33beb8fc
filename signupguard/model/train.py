"""Training: a LightGBM classifier with scikit-learn's conventions, and threshold choice.

``SignupRiskClassifier`` keeps hyperparameters in ``__init__`` and learned
state in attributes ending in ``_``; it refuses to predict before ``fit``.
``choose_thresholds`` picks the policy's review and block thresholds so that
at most the target shares of legitimate signups are held and blocked.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import math
import platform
import sys
from pathlib import Path
from typing import Any, Callable

import lightgbm as lgb
import numpy as np

import signupguard
from signupguard.features import FEATURE_NAMES, SCHEMA_HASH
from signupguard.policy import Thresholds

from .predict import FORMAT_VERSION, METADATA_FILE, MODEL_FILE

# Domain knowledge as monotone constraints: holding everything else fixed,
# these can only make fraud more likely. It keeps the trees from learning
# data-set-specific exceptions to them. The list is short on purpose: adding
# the weaker consistency signals (VPN, time-zone and language mismatches,
# browser age) measured worse both on the hold-out and on never-seen
# campaigns (docs/detection.md), because real users show them too.
MONOTONE: dict[str, int] = {
    name: 1
    for name in (
        "device_webdriver", "ua_headless", "ua_automation", "email_disposable", "form_honeypot", "net_tor",
        "d_device_accounts_1h", "d_device_accounts_7d", "d_email_accounts_1h", "d_email_accounts_7d",
        "d_profile_prefixes_1h", "d_device_prefixes_1h", "ua_hints_mismatch", "device_platform_mismatch",
        "failed_ip_1h", "failed_account_1h",
    )
}


def leaf_minimum(rows: int) -> int:
    """Rows a leaf needs: one in 1,000 of the training rows, between 20 and 200."""
    return max(20, min(200, rows // 1000))


class NotFittedError(RuntimeError):
    pass


class SignupRiskClassifier:
    """Gradient-boosted trees for P(fraud | features).

    Regularised more than LightGBM's habits (half the features per tree, 200
    rows a leaf from 200,000 rows on, L2 of 10): on traffic from five generators
    written apart from the simulator, over three booster seeds each, that
    blocked 19-31% fewer legitimate signups than 70% / 80 / 1 did, holding about
    as many of them and of the fraud (docs/detection.md, session 11). A model that
    has seen only simulated traffic should be less sure of itself on real
    traffic. ``min_child_samples=None`` scales the rows a leaf needs with the
    data (``leaf_minimum``), so that a portal retraining on a few thousand
    labels still gets trees that split.
    """

    def __init__(
        self,
        *,
        n_estimators: int = 200,
        learning_rate: float = 0.15,
        num_leaves: int = 23,
        max_depth: int = 7,
        min_child_samples: int | None = None,
        feature_fraction: float = 0.5,
        bagging_fraction: float = 0.8,
        reg_lambda: float = 10.0,
        max_bin: int = 63,
        early_stopping_rounds: int = 50,
        monotone: bool = True,
        augment: float = 0.1,
        augment_weight: float = 0.25,
        n_jobs: int = 2,
        random_state: int = 0,
    ) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.num_leaves = num_leaves
        self.max_depth = max_depth
        self.min_child_samples = min_child_samples
        self.feature_fraction = feature_fraction
        self.bagging_fraction = bagging_fraction
        self.reg_lambda = reg_lambda
        self.max_bin = max_bin
        self.early_stopping_rounds = early_stopping_rounds
        self.monotone = monotone
        self.augment = augment
        self.augment_weight = augment_weight
        self.n_jobs = n_jobs
        self.random_state = random_state

    def get_params(self) -> dict[str, Any]:
        # scikit-learn's convention: the hyperparameters are the keyword arguments of __init__.
        names = inspect.signature(type(self).__init__).parameters
        return {k: getattr(self, k) for k, p in names.items() if p.kind is p.KEYWORD_ONLY}

    def _params(self, y: np.ndarray) -> dict[str, Any]:
        positives = max(int(y.sum()), 1)
        negatives = max(len(y) - positives, 1)
        params: dict[str, Any] = {
            "objective": "binary",
            "learning_rate": self.learning_rate,
            "num_leaves": self.num_leaves,
            "max_depth": self.max_depth,
            "min_data_in_leaf": self.min_child_samples if self.min_child_samples is not None else leaf_minimum(len(y)),
            "feature_fraction": self.feature_fraction,
            "bagging_fraction": self.bagging_fraction,
            "bagging_freq": 1,
            "lambda_l2": self.reg_lambda,
            "max_bin": self.max_bin,
            # Imbalance: weight fraud up, but only by the square root of the
            # ratio, so scores stay usable as probabilities for thresholds.
            "scale_pos_weight": float(np.sqrt(negatives / positives)) if negatives > positives else 1.0,
            "num_threads": self.n_jobs,
            "seed": self.random_state,
            "deterministic": True,
            # Column-wise histograms: with half the features per tree they build only the
            # sampled half, where row-wise ones build all of them. 200 rounds on 1M events'
            # training rows took 29-38 s against 40-45 s row-wise on the 2-core reference
            # machine (same trees up to float rounding); forcing it also skips LightGBM's
            # timing probe of both.
            "force_col_wise": True,
            # Dense bins for every feature. LightGBM stores a mostly-missing feature
            # sparsely, and partitions and histograms walk those sparse bins more slowly
            # than plain arrays: 200 rounds on 1M events' training rows took 31-37 s
            # against 37-39 s (docs/benchmarks.md, session 19). The trees are the same
            # up to the order floating-point sums are added in.
            "is_enable_sparse": False,
            "verbosity": -1,
        }
        if self.monotone:
            params["monotone_constraints"] = [MONOTONE.get(n, 0) for n in FEATURE_NAMES]
            params["monotone_constraints_method"] = "basic"
        return params

    def fit(
        self,
        X: np.ndarray,
        y: np.ndarray,
        *,
        X_valid: np.ndarray | None = None,
        y_valid: np.ndarray | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> "SignupRiskClassifier":
        if X.shape[1] != len(FEATURE_NAMES):
            raise ValueError(f"expected {len(FEATURE_NAMES)} features, got {X.shape[1]}")
        if len(np.unique(y)) < 2:
            raise ValueError("training needs both fraud and legitimate examples")
        weight = None
        if self.augment > 0:
            from .augment import training_rows

            X, y, real = training_rows(X, y, share=self.augment, seed=self.random_state)
            if self.augment_weight != 1.0:
                weight = np.ones(len(y))
                weight[real:] = self.augment_weight
        train = lgb.Dataset(X, label=y, weight=weight, feature_name=list(FEATURE_NAMES), free_raw_data=True)
        callbacks: list[Any] = []
        valid_sets = []
        if X_valid is not None and y_valid is not None and len(np.unique(y_valid)) == 2:
            valid_sets = [lgb.Dataset(X_valid, label=y_valid, reference=train)]
            callbacks.append(lgb.early_stopping(self.early_stopping_rounds, verbose=False))
        if progress is not None:
            callbacks.append(lambda env: progress(1))
        params = self._params(y)
        self.min_data_in_leaf_ = int(params["min_data_in_leaf"])  # resolved from the rows when not set
        self.booster_ = lgb.train(
            params, train, num_boost_round=self.n_estimators, valid_sets=valid_sets, callbacks=callbacks
        )
        self.best_iteration_ = int(self.booster_.best_iteration or self.booster_.current_iteration())
        self.n_features_in_ = X.shape[1]
        return self

    def _check(self) -> lgb.Booster:
        booster = getattr(self, "booster_", None)
        if booster is None:
            raise NotFittedError("this SignupRiskClassifier is not fitted yet; call fit() first")
        return booster

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Fraud probability per row (shape (n,), not scikit-learn's (n, 2): one class matters)."""
        booster = self._check()
        return np.asarray(booster.predict(X, num_iteration=self.best_iteration_))

    def model_text(self) -> str:
        return self._check().model_to_string(num_iteration=self.best_iteration_)

    def feature_importance(self) -> dict[str, float]:
        gains = self._check().feature_importance(importance_type="gain", iteration=self.best_iteration_)
        return {name: float(g) for name, g in zip(FEATURE_NAMES, gains)}


def allowed_count(rate: float, n: int) -> int:
    """How many of ``n`` legitimate signups a threshold for ``rate`` may flag (a count, so checks agree with the choice)."""
    return int(np.floor(rate * n))


def threshold_for_rate(legit_scores: np.ndarray, rate: float) -> float:
    """Lowest threshold with at most ``rate`` of ``legit_scores`` at or above it."""
    if len(legit_scores) == 0:
        return 0.5
    ordered = np.sort(np.asarray(legit_scores, dtype=np.float64))[::-1]
    allowed = allowed_count(rate, len(ordered))
    if allowed >= len(ordered):
        return 0.0
    return float(min(np.nextafter(ordered[allowed], np.inf), 1.0))


def choose_thresholds(legit_scores: np.ndarray, *, review_rate: float = 0.01, block_rate: float = 0.001) -> Thresholds:
    review = threshold_for_rate(legit_scores, review_rate)
    block = max(threshold_for_rate(legit_scores, block_rate), review)
    return Thresholds(review=review, block=block)


def json_text(value: Any) -> str:
    """``value`` as strict JSON, an undefined measure (NaN, infinity) written as null.

    A hold-out without fraud leaves recalls undefined; ``json.dumps`` would
    write them as ``NaN``, which is not JSON and which JavaScript, ``jq`` and
    most other readers of metadata.json and metrics.json refuse.
    """

    def finite(item: Any) -> Any:
        if isinstance(item, float):
            return item if math.isfinite(item) else None
        if isinstance(item, dict):
            return {key: finite(inner) for key, inner in item.items()}
        if isinstance(item, (list, tuple)):
            return [finite(inner) for inner in item]
        return item

    return json.dumps(finite(value), indent=2, sort_keys=True, allow_nan=False) + "\n"


def version_hash(model_text: str, thresholds: Thresholds, aim: Any = None) -> str:
    """12 hex digits naming a model, its thresholds and what they aim at.

    The same trees with other thresholds (a retrain with other target rates)
    decide differently, so they are another version: the registry keeps the
    first copy of a name, and a name shared with the active model would be
    read as that model. The aim (target rates and margin) is what
    ``signupguard_thresholds`` and the dashboard read: two models alike but
    for it are two versions too.
    """
    scored = f"{model_text}\nthresholds {thresholds.review!r} {thresholds.block!r}\n"
    if aim is not None:
        scored += f"aim {json.dumps(aim, sort_keys=True)}\n"
    return hashlib.sha256(scored.encode()).hexdigest()[:12]


def version_aim(training: dict[str, Any]) -> dict[str, Any]:
    """What a model's thresholds aim at, as ``version_hash`` names it: the training record's target rates and margin."""
    return {"target_rates": training.get("target_rates"), "threshold_margin": training.get("threshold_margin", 1.0)}


def save_model(
    classifier: SignupRiskClassifier,
    directory: Path,
    *,
    thresholds: Thresholds,
    metrics: dict[str, Any],
    training: dict[str, Any],
    version_prefix: str = "sg",
    write_metadata: bool = True,
) -> dict[str, Any]:
    """Write model.txt + metadata.json; the version is a hash of what scores: the model text and the thresholds.

    ``write_metadata=False`` leaves metadata.json to the caller, to write once its other files are whole.
    """
    directory.mkdir(parents=True, exist_ok=True)
    text = classifier.model_text()
    version = f"{version_prefix}-{version_hash(text, thresholds, version_aim(training))}"
    (directory / MODEL_FILE).write_text(text, encoding="utf-8")
    metadata = {
        "format": FORMAT_VERSION,
        "version": version,
        "feature_names": list(FEATURE_NAMES),
        "schema_hash": SCHEMA_HASH,
        "thresholds": {"review": thresholds.review, "block": thresholds.block},
        "versions": {
            "signupguard": signupguard.__version__,
            "lightgbm": lgb.__version__,
            "numpy": np.__version__,
            "python": sys.version.split()[0],
            "platform": platform.platform(terse=True),
        },
        "params": classifier.get_params(),
        "min_data_in_leaf": classifier.min_data_in_leaf_,
        "best_iteration": classifier.best_iteration_,
        "metrics": metrics,
        "training": training,
    }
    if write_metadata:
        (directory / METADATA_FILE).write_text(json_text(metadata), encoding="utf-8")
    return metadata
