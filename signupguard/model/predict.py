"""Load a trained model directory and score with it.

A model directory holds ``model.txt`` (LightGBM text format — never a pickle)
and ``metadata.json`` (feature names and schema hash, library versions,
thresholds, metrics). A directory whose feature schema differs from the code's
is refused: silently feeding features in the wrong order is the worst failure
a fraud model can have.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np

from signupguard.features import FEATURE_NAMES, SCHEMA_HASH
from signupguard.policy import Thresholds

from . import ModelError

MODEL_FILE = "model.txt"
METADATA_FILE = "metadata.json"
FORMAT_VERSION = 1
# Batches below this are scored on one thread. OpenMP start-up costs more than
# it saves on small batches, and its idle threads spin for a while after each
# call, taking the core that replay's Python pipeline runs on (measured: replay
# ran about 15% slower with 2,048-row batches on two threads).
_SINGLE_THREAD_ROWS = 4096


def read_metadata(directory: Path | str) -> dict[str, Any]:
    path = Path(directory) / METADATA_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(f"{path} is not readable JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path} must hold a JSON object")
    return data


def validate_metadata(meta: dict[str, Any], *, where: str) -> Thresholds:
    if meta.get("format") != FORMAT_VERSION:
        raise ModelError(f"{where}: unsupported model format {meta.get('format')!r} (expected {FORMAT_VERSION})")
    if meta.get("schema_hash") != SCHEMA_HASH or list(meta.get("feature_names", [])) != list(FEATURE_NAMES):
        raise ModelError(
            f"{where}: trained on feature schema {meta.get('schema_hash')!r}, but this code computes "
            f"{SCHEMA_HASH!r}; retrain it with signupguard_train"
        )
    try:
        t = meta["thresholds"]
        return Thresholds(review=float(t["review"]), block=float(t["block"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{where}: bad thresholds in metadata: {exc}") from None


_VERIFIED: dict[tuple[str, int, int], str | None] = {}
_VERIFY = "import sys, lightgbm; b = lightgbm.Booster(model_file=sys.argv[1]); print(b.num_feature())"


def verify_model_file(path: Path) -> None:
    """Parse the model text in a child process first.

    LightGBM's parser aborts the whole process on some malformed files instead
    of raising; a worker must never die on a bad file, so the first load of
    each file version happens where a crash costs nothing.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise ModelError(f"{path} is not readable: {exc}") from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _VERIFIED:
        try:
            done = subprocess.run(
                [sys.executable, "-c", _VERIFY, str(path)], capture_output=True, text=True, errors="replace", timeout=120
            )
            problem = None if done.returncode == 0 else (done.stderr.strip().splitlines() or [f"the parser crashed (exit {done.returncode})"])[-1][:300]
        except (OSError, subprocess.TimeoutExpired) as exc:
            problem = f"could not be checked: {exc}"
        _VERIFIED[key] = problem
    if _VERIFIED[key] is not None:
        raise ModelError(f"{path} is not a usable LightGBM text model: {_VERIFIED[key]}")


class RiskModel:
    """A trained LightGBM booster with its metadata."""

    def __init__(self, booster: lgb.Booster, metadata: dict[str, Any], *, directory: Path | None = None) -> None:
        self.booster = booster
        self.metadata = metadata
        self.directory = directory
        self.thresholds = validate_metadata(metadata, where=str(directory or "model"))
        self.version: str = str(metadata.get("version", "unknown"))
        if booster.num_feature() != len(FEATURE_NAMES):
            raise ModelError(f"{directory}: booster has {booster.num_feature()} features, expected {len(FEATURE_NAMES)}")

    @classmethod
    def load(cls, directory: Path | str) -> "RiskModel":
        directory = Path(directory)
        meta = read_metadata(directory)
        validate_metadata(meta, where=str(directory))
        verify_model_file(directory / MODEL_FILE)
        try:
            text = (directory / MODEL_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ModelError(f"{directory / MODEL_FILE} is not readable: {exc}") from None
        try:
            booster = lgb.Booster(model_str=text)
        except lgb.basic.LightGBMError as exc:
            raise ModelError(f"{directory / MODEL_FILE} is not a LightGBM text model: {exc}") from None
        return cls(booster, meta, directory=directory)

    def _threads(self, rows: np.ndarray) -> int:
        return 1 if len(rows) < _SINGLE_THREAD_ROWS else 0

    def predict(self, rows: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.float64)
        if rows.ndim != 2 or rows.shape[1] != len(FEATURE_NAMES):
            raise ValueError(f"expected rows of {len(FEATURE_NAMES)} features, got shape {rows.shape}")
        if len(rows) == 0:
            return np.zeros(0)
        return self.booster.predict(rows, num_threads=self._threads(rows))

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        """TreeSHAP contributions from LightGBM itself (``pred_contrib``), bias dropped."""
        rows = np.asarray(rows, dtype=np.float64)
        if len(rows) == 0:
            return np.zeros((0, len(FEATURE_NAMES)))
        out = self.booster.predict(rows, pred_contrib=True, num_threads=self._threads(rows))
        return np.asarray(out)[:, : len(FEATURE_NAMES)]
