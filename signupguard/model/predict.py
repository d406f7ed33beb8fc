"""Load a trained model directory and score with it.

A model directory holds ``model.txt`` (LightGBM text format — never a pickle)
and ``metadata.json`` (feature names and schema hash, library versions,
thresholds, metrics). A directory whose feature schema differs from the code's
is refused: silently feeding features in the wrong order is the worst failure
a fraud model can have.
"""

from __future__ import annotations

import json
import signal
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


class ModelUnchecked(ModelError):
    """The model could not be checked this time (no child process, a timeout, an I/O error).

    Not a verdict on the files: callers that cache verdicts retry on a later load.
    """


def _unreadable(path: Path, exc: OSError) -> ModelError:
    """A missing file is a verdict; any other I/O error (EMFILE, EIO, a stale NFS handle) may pass."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return ModelError(f"{path} does not exist")
    return ModelUnchecked(f"{path} could not be read: {exc}; it is read again on a later load")


def read_metadata(directory: Path | str) -> dict[str, Any]:
    path = Path(directory) / METADATA_FILE
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        data = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ModelError(f"{path} is not readable JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path} must hold a JSON object")
    return data


def validate_metadata(meta: dict[str, Any], *, where: str) -> Thresholds:
    if not isinstance(meta, dict):
        raise ModelError(f"{where}: the metadata must be a JSON object, not {type(meta).__name__}")
    if meta.get("format") != FORMAT_VERSION:
        raise ModelError(f"{where}: unsupported model format {meta.get('format')!r} (expected {FORMAT_VERSION})")
    names = meta.get("feature_names")
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        # A hand-edited or damaged file; comparing it with FEATURE_NAMES would raise TypeError.
        raise ModelError(f"{where}: feature_names in the metadata must be a list of feature names, not {names!r:.80}")
    if meta.get("schema_hash") != SCHEMA_HASH or names != list(FEATURE_NAMES):
        raise ModelError(
            f"{where}: trained on feature schema {meta.get('schema_hash')!r}, but this code computes "
            f"{SCHEMA_HASH!r}; retrain it with signupguard_train"
        )
    try:
        t = meta["thresholds"]
        return Thresholds(review=float(t["review"]), block=float(t["block"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{where}: bad thresholds in metadata: {exc}") from None


# Verdicts only (None: parsed, else why not); a file that could not be checked is not cached.
_VERIFIED: dict[tuple[str, int, int], str | None] = {}
_FATAL = "[LightGBM] [Fatal]"
_END_OF_TREES = "end of trees"
_VERIFY = "import sys, lightgbm; b = lightgbm.Booster(model_file=sys.argv[1]); print(b.num_feature())"


def verify_model_file(path: Path) -> None:
    """Parse the model text in a child process first.

    LightGBM's parser aborts the whole process on some malformed files instead
    of raising; a worker must never die on a bad file, so the first load of
    each file version happens where a crash costs nothing. When the child
    cannot run (no process, a timeout, killed from outside) nothing is known
    about the file: ``ModelUnchecked``, and the next load checks again.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _VERIFIED:
        _VERIFIED[key] = _parse_in_child(path)
    if _VERIFIED[key] is not None:
        raise ModelError(f"{path} is not a usable LightGBM text model: {_VERIFIED[key]}")


def _parse_in_child(path: Path) -> str | None:
    """None when the child parsed ``path``, else what went wrong; ModelUnchecked when it could not tell."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _VERIFY, str(path)], capture_output=True, text=True, errors="replace", timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ModelUnchecked(f"{path} could not be checked: {exc}; it is checked again on a later load") from None
    if done.returncode == -getattr(signal, "SIGKILL", 9):  # the OOM killer or a supervisor, not the parser
        raise ModelUnchecked(f"{path} could not be checked: the checking process was killed; it is checked again on a later load")
    if done.returncode == 0:
        return None
    failure = _parser_failure(done.returncode, done.stderr)
    if not _complete(path):
        failure += f"; the file has no '{_END_OF_TREES}' line (cut short?)"
    return failure


def _complete(path: Path) -> bool:
    """Whether the text has the line LightGBM writes after its last tree; unreadable files count as complete."""
    try:
        with path.open("rb") as handle:
            return any(line.strip() == _END_OF_TREES.encode() for line in handle)
    except OSError:
        return True


def _parser_failure(returncode: int, stderr: str) -> str:
    """What went wrong, in a line: LightGBM's fatal message (not the C++ runtime's last words) and how it ended.

    A malformed file makes the parser log ``[LightGBM] [Fatal] ...`` and then
    abort with "terminate called without an active exception"; a truncated one
    can crash it without a word.
    """
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    fatal = [line.removeprefix(_FATAL).strip() for line in lines if line.startswith(_FATAL)]
    said = fatal[-1] if fatal else lines[-1] if lines else ""
    if returncode < 0:
        try:
            how = f"LightGBM's parser crashed ({signal.Signals(-returncode).name})"
        except ValueError:
            how = f"LightGBM's parser crashed (signal {-returncode})"
    else:
        how = f"LightGBM's parser failed (exit {returncode})"
    return f"{how}: {said}"[:300] if said else how


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
        if booster.feature_name() != list(FEATURE_NAMES):
            # metadata.json passed the schema check: the model file beside it came from another schema.
            raise ModelError(f"{directory}: {MODEL_FILE} was trained on other features than {METADATA_FILE} lists "
                             f"(or in another order); retrain it with signupguard_train")

    @classmethod
    def load(cls, directory: Path | str) -> "RiskModel":
        directory = Path(directory)
        meta = read_metadata(directory)
        validate_metadata(meta, where=str(directory))
        verify_model_file(directory / MODEL_FILE)
        try:
            text = (directory / MODEL_FILE).read_text(encoding="utf-8")
        except OSError as exc:
            raise _unreadable(directory / MODEL_FILE, exc) from None
        except UnicodeDecodeError as exc:
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
        return np.asarray(self.booster.predict(rows, num_threads=self._threads(rows)))

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        """TreeSHAP contributions from LightGBM itself (``pred_contrib``), bias dropped."""
        rows = np.asarray(rows, dtype=np.float64)
        if len(rows) == 0:
            return np.zeros((0, len(FEATURE_NAMES)))
        out = self.booster.predict(rows, pred_contrib=True, num_threads=self._threads(rows))
        return np.asarray(out)[:, : len(FEATURE_NAMES)]
