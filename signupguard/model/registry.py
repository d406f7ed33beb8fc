"""Model registry: versioned directories, the active model and a shadow challenger.

Layout of ``SIGNUPGUARD['MODEL_DIR']``::

    MODEL_DIR/
      versions/<version>/   model.txt, metadata.json, metrics.json, report.html, holdout.npz, trained.npy
      ACTIVE                name of the active version (absent: the shipped default)
      SHADOW                name of a challenger scored beside it without acting (optional)

Without ``MODEL_DIR`` only the shipped default model (``signupguard/model/default``)
is available. Loading never raises. An unusable promoted model (trained on an
older feature schema before an upgrade, or a damaged file) gives way to the
shipped default model; the cold-start rule set scores only when that cannot be
loaded either. Both are logged, and the system check reports them. So is an
ACTIVE or SHADOW file that names no version (not UTF-8, say UTF-16 from
PowerShell's ``>``): the registry acts as if it were absent. A model that could
not be checked at all (no process to parse it in, a timeout) is tried again a
few seconds later, then at growing intervals, rather than refused for good.

A version directory is copied under a hidden name (``versions/.<version>.partial-*``)
and renamed into place, so a copy killed midway never passes for a version;
names starting with "." are never listed, offered or pointed at. What a copy
killed midway leaves under such a name is deleted by a later registration
once nothing in it has changed for an hour: a younger one may be the copy of
another process still running (two promotions on a shared volume).
"""

from __future__ import annotations

import contextlib
import logging
import math
import secrets
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None  # type: ignore[assignment]

from signupguard.conf import is_model_dir, sg_settings
from signupguard.evaluation import recall_at_fpr

from . import ModelError, Scorer
from .coldstart import ColdStartModel
from .install import copy_problem, install, refuse_other_thresholds, remove_leftovers
from .predict import METADATA_FILE, MODEL_FILE, ModelUnchecked, RiskModel, read_metadata

logger = logging.getLogger("signupguard.model")

DEFAULT_DIR = Path(__file__).resolve().parent / "default"
ACTIVE_FILE = "ACTIVE"
SHADOW_FILE = "SHADOW"
LOCK_FILE = ".lock"
HOLDOUT_FILE = "holdout.npz"
TRAINED_FILE = "trained.npy"  # digests of the events a model learnt from: training and validation (training.event_digests)
# After a model could not be checked, the next try waits this long, doubling up to the maximum:
# soon enough after a fork failure, rare enough if the check keeps timing out (two minutes each).
RETRY_SECONDS = 5.0
RETRY_MAX_SECONDS = 600.0


def registry_root() -> Path | None:
    root = sg_settings.MODEL_DIR
    # Another type (a number, a list) raised TypeError in every scoring task: the shipped model
    # scores instead, as for an unusable promoted model, and check E037 reports it.
    return Path(root) if root and is_model_dir(root) else None


class UnusablePointer(type(Path())):  # type: ignore[misc]
    """An ACTIVE or SHADOW file that names no version, standing for the model it should name.

    ``load`` gives its ``problem`` as the reason of a cold start, so the
    fallback and the system check treat it as any other unusable model.
    """

    problem: str = ""


def version_problem(version: str) -> str | None:
    """Why ``version`` cannot be a directory name under versions/, if it cannot."""
    if not version.isprintable() or "/" in version or "\\" in version or version in (".", ".."):
        return f"does not hold a version name ({version[:40]!r})"
    if version.startswith("."):
        return f"names {version[:40]!r}: a name starting with '.' is a copy in progress, not a version"
    return None


def pointer_problem(name: str) -> str | None:
    """What is wrong with the pointer file ``name`` (ACTIVE, SHADOW), or None when it is usable or absent."""
    pointer = _pointer(name)
    return pointer.problem if isinstance(pointer, UnusablePointer) else None


def _pointer(name: str) -> Path | None:
    root = registry_root()
    if root is None:
        return None
    pointer = root / name
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return _unusable(pointer, f"cannot be read ({exc.strerror or exc})")
    try:
        version = raw.decode("utf-8-sig").strip()  # tolerate the BOM Notepad writes
    except UnicodeDecodeError:
        return _unusable(pointer, "is not UTF-8 text (UTF-16, as Windows PowerShell's `>` writes?)")
    if not version:
        return None
    problem = version_problem(version)
    return _unusable(pointer, problem) if problem else root / "versions" / version


def _unusable(pointer: Path, problem: str) -> UnusablePointer:
    path = UnusablePointer(pointer)
    path.problem = f"{pointer} {problem}; set it with signupguard_promote"
    return path


def active_dir() -> Path:
    """Directory of the active model: the promoted version, else the shipped default.

    A pointer file that names no version gives an ``UnusablePointer``, which
    loads as a cold start with the reason: the shipped default model serves.
    """
    return _pointer(ACTIVE_FILE) or DEFAULT_DIR


def shadow_dir() -> Path | None:
    return _pointer(SHADOW_FILE)


@dataclass(slots=True)
class _Loaded:
    scorer: Scorer
    retry_at: float = math.inf  # time.monotonic() after which to load again: only when it could not be checked
    failures: int = 0  # consecutive loads that could not check it


_cache: dict[tuple[str, tuple | str], _Loaded] = {}


def _stamp(directory: Path) -> tuple:
    """What identifies the files that score in ``directory``: metadata.json's and model.txt's inode, time and size.

    metadata.json's time alone is not enough: a version repaired by ``register``
    (a whole copy renamed over a damaged one) or a model.txt damaged in place
    keeps it (``shutil.copy2`` copies times), and every running process would
    keep its verdict on the old files until restarted.
    """
    stamp: list[tuple[int, int, int] | None] = []
    for name in (METADATA_FILE, MODEL_FILE):
        try:
            found = (directory / name).stat()
            stamp.append((found.st_ino, found.st_mtime_ns, found.st_size))
        except (OSError, ValueError):
            stamp.append(None)
    return tuple(stamp)


def load(directory: Path | str) -> Scorer:
    """Load ``directory`` (cached while its metadata and model files are unchanged); cold start on failure."""
    if isinstance(directory, UnusablePointer):
        key: tuple[str, tuple | str] = (str(directory), directory.problem)
    else:
        directory = Path(directory)
        key = (str(directory), _stamp(directory))
    loaded = _cache.get(key)
    if loaded is None or time.monotonic() >= loaded.retry_at:
        loaded = _load_uncached(directory, failures=loaded.failures if loaded else 0)
        _cache.clear() if len(_cache) > 8 else None
        _cache[key] = loaded
    return loaded.scorer


def _load_uncached(directory: Path, *, failures: int) -> _Loaded:
    """A verdict is kept until the metadata changes; "could not be checked" only until the next retry."""
    try:
        if isinstance(directory, UnusablePointer):
            raise ModelError(directory.problem)
        return _Loaded(RiskModel.load(directory))
    except ModelUnchecked as exc:
        delay = min(RETRY_SECONDS * 2**failures, RETRY_MAX_SECONDS)
        logger.error("SignupGuard model not checked, trying again in %.0f s: %s", delay, exc)
        return _Loaded(ColdStartModel(reason=str(exc)), time.monotonic() + delay, failures + 1)
    except ModelError as exc:
        logger.error("SignupGuard model unusable: %s", exc)
        return _Loaded(ColdStartModel(reason=str(exc)))


def load_active() -> Scorer:
    """The active model; if a promoted version cannot be used, the shipped default model.

    After an upgrade that changes the feature schema every model trained before
    it is refused until it is retrained; the shipped model is retrained with
    each release, so it scores meanwhile rather than the cold-start rules.
    """
    return load_serving(active_dir())


def load_serving(directory: Path) -> Scorer:
    """What scores when ``directory`` is the active model (``load_active`` with the pointer already read)."""
    scorer = load(directory)
    if isinstance(scorer, ColdStartModel) and directory != DEFAULT_DIR:
        shipped = load(DEFAULT_DIR)
        if not isinstance(shipped, ColdStartModel):
            return shipped
    return scorer


def load_shadow() -> Scorer | None:
    directory = shadow_dir()
    if directory is None:
        return None
    scorer = load(directory)
    return None if isinstance(scorer, ColdStartModel) else scorer


def versions() -> list[str]:
    root = registry_root()
    if root is None or not (root / "versions").is_dir():
        return []
    # A hidden name is a copy in progress (or one a kill left behind): never a version.
    return sorted(
        p.name for p in (root / "versions").iterdir() if not p.name.startswith(".") and (p / METADATA_FILE).exists()
    )


def register(directory: Path | str) -> Path:
    """Copy a trained model directory into the registry under its version name.

    The copy is whole or absent (``install.install``: a hidden copy renamed
    into place). A directory already there under that name is kept, versions
    being hashes of the model text and thresholds, unless it is not a whole
    copy: a promote killed mid-copy by an older release left it so, and
    reusing it would fail every later promote. One there with other thresholds (a hand-edited metadata.json, or
    a version named by an older release, which hashed the model text alone) is
    refused: replacing it would change the verdicts of a version that may be
    active.
    """
    root = registry_root()
    if root is None:
        raise ModelError("SIGNUPGUARD['MODEL_DIR'] is not set: there is no registry to add models to")
    directory = Path(directory)
    meta = read_metadata(directory)
    RiskModel.load(directory)  # refuse to register what cannot be served
    version = meta.get("version")
    problem = version_problem(version) if isinstance(version, str) and version else "has no version name"
    if problem or not isinstance(version, str):
        raise ModelError(f"{directory / METADATA_FILE} {problem}; write the model with signupguard_train")
    target = root / "versions" / version
    remove_leftovers(target.parent)
    if target.resolve() == directory.resolve():
        return target
    broken = False
    if target.exists():
        refuse_other_thresholds(target, meta)
        damage = copy_problem(target, directory)
        if damage is None:
            return target  # versions are hashes of what scores: the same name is the same model
        logger.warning("SignupGuard replaces %s, not a whole copy of %s: %s", target, directory, damage)
        broken = True
    install(directory, target, replace=broken)
    return target


def _write_pointer(name: str, version: str | None) -> None:
    root = registry_root()
    assert root is not None
    root.mkdir(parents=True, exist_ok=True)
    path = root / name
    if version is None:
        path.unlink(missing_ok=True)
        return
    # A name of its own: two writers sharing one temporary file could each rename
    # the other's, so that one failed and the one that reported success was not active.
    tmp = root / f".{name}.{secrets.token_hex(4)}.tmp"
    try:
        tmp.write_text(version + "\n", encoding="utf-8")
        tmp.replace(path)  # atomic: workers never read half a name
    finally:
        tmp.unlink(missing_ok=True)  # there only if the write or the rename failed


@contextlib.contextmanager
def _pointer_lock() -> Iterator[None]:
    """Hold the registry's lock, so that a promotion's comparison and its write are one step.

    Two promotions at once could otherwise both measure against the same active
    model and both write, leaving the worse one active. ``flock`` is released
    when its process dies, so a killed promotion never leaves the registry locked.
    Without ``fcntl`` (not POSIX) promotions are not serialised.
    """
    root = registry_root()
    assert root is not None
    root.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    with open(root / LOCK_FILE, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(slots=True)
class Promotion:
    promoted: bool
    version: str
    message: str
    candidate_recall: float
    active_recall: float | None


def promote(directory: Path | str, *, force: bool = False, fpr: float = 0.001) -> Promotion:
    """Make a model active if it beats the active one on the candidate's own hold-out.

    Both models score the same held-out rows (``holdout.npz`` written by
    training); the one that catches more fraud at ``fpr`` of legitimate
    traffic flagged wins. A hold-out without fraud or without legitimate rows
    measures neither, so it promotes nothing; nor does one of another size than
    training recorded, which an earlier run into the same directory left.
    ``force`` skips the comparison.
    """
    target = register(directory)
    candidate = RiskModel.load(target)
    version = candidate.version
    if not force and _unmatured(candidate.metadata):
        # Its legitimate rows are the active model's holds that people approved: the active model flags
        # them all, so any candidate "beat" it (live, one that blocked 17% of legitimate signups did).
        return Promotion(
            False, version,
            f"not promoted: the hold-out of {version} holds only attempts too recent to count as legitimate "
            "unlabelled (LEGIT_AFTER_DAYS), so its legitimate rows are the ones the active model held and people "
            "approved, and any candidate looks better there; retrain once labels have matured, or promote without "
            f"comparing: signupguard_promote {directory} --force",
            float("nan"), None,
        )
    rows: np.ndarray | None
    labels: np.ndarray | None
    ids: np.ndarray | None
    scores: np.ndarray | None
    try:
        rows, labels, ids = _holdout(target, candidate, directory)
        scores = candidate.predict(rows)  # ValueError: rows of another schema
        candidate_recall = recall_at_fpr(scores, labels, fpr)
    except (OSError, KeyError, ValueError) as exc:
        if not force:
            message = (str(exc) if isinstance(exc, _ForeignHoldout)
                       else f"no usable hold-out in {target} ({exc}); use --force to promote anyway")
            return Promotion(False, version, message, float("nan"), None)
        rows = labels = ids = scores = None
        candidate_recall = float("nan")
    with _pointer_lock():
        return _promote_locked(directory, version, rows, labels, ids, scores, candidate_recall, force=force, fpr=fpr)


def _unseen_by(active: Scorer, ids: np.ndarray | None) -> np.ndarray | None:
    """Which hold-out rows (by event digest) ``active`` did not train on; None when that is not known.

    Retrained from the database, the active model learnt from events that a
    later candidate's hold-out can hold again (the people-labelled attempts of
    its last days, say). Measured on them, it would be judged on answers it
    has seen, and a better candidate refused.
    """
    directory = getattr(active, "directory", None)
    if ids is None or directory is None or not (Path(directory) / TRAINED_FILE).exists():
        return None
    try:
        trained = np.load(Path(directory) / TRAINED_FILE, allow_pickle=False)
        return ~np.isin(ids, trained.astype(np.uint64, copy=False))
    except (OSError, ValueError, TypeError) as exc:
        logger.warning("SignupGuard compares on the whole hold-out: %s is unreadable: %s", Path(directory) / TRAINED_FILE, exc)
        return None


def _promote_locked(
    directory: Path | str, version: str, rows: np.ndarray | None, labels: np.ndarray | None,
    ids: np.ndarray | None, scores: np.ndarray | None, candidate_recall: float, *, force: bool, fpr: float,
) -> Promotion:
    """``promote``'s comparison with the active model and its write, under the registry's lock."""
    active = load_active()
    active_recall: float | None = None
    on = ""
    if not force:
        # Without force a hold-out that could not be read or scored returned earlier.
        assert rows is not None and labels is not None and scores is not None
        if not isinstance(active, ColdStartModel):
            unseen = _unseen_by(active, ids)
            if unseen is not None and not unseen.all():
                on = f" on the {int(unseen.sum())} of its {len(unseen)} hold-out rows the active model did not train on"
                rows, labels = rows[unseen], labels[unseen]
                candidate_recall = recall_at_fpr(scores[unseen], labels, fpr)
            active_recall = recall_at_fpr(active.predict(rows), labels, fpr)
        if math.isnan(candidate_recall) or (active_recall is not None and math.isnan(active_recall)):
            # NaN compares False with everything: unchecked, it would promote without a comparison.
            return Promotion(
                False, version,
                f"not promoted: the hold-out of {version}{on} has {_holdout_counts(labels)}, so it cannot tell how much "
                f"fraud either model catches; train on more labelled data (the hold-out is the most recent part of "
                f"it and needs both fraud and legitimate labels), or promote without comparing: "
                f"signupguard_promote {directory} --force",
                candidate_recall, active_recall,
            )
        if active_recall is not None and candidate_recall <= active_recall and active.version != version:
            return Promotion(
                False, version,
                f"not promoted: {version} holds {candidate_recall:.2%} of fraud at {fpr:.1%} legitimate flagged, "
                f"the active {active.version} holds {active_recall:.2%} on the same hold-out{on.replace(' on the ', ': the ', 1)}",
                candidate_recall, active_recall,
            )
    _write_pointer(ACTIVE_FILE, version)
    stopped = ""
    shadow = _pointer(SHADOW_FILE)
    if shadow is not None and shadow.name == version:
        # The challenger a shadow report vouched for: beside itself it would score every attempt twice.
        _write_pointer(SHADOW_FILE, None)
        stopped = "; shadow scoring stopped, as the shadow model is the active one now"
    if math.isnan(candidate_recall):
        held = "not measured (" + (f"its hold-out has {_holdout_counts(labels)})" if labels is not None else "no usable hold-out)")
        return Promotion(True, version, f"promoted {version} without comparing: its recall is {held}{stopped}", candidate_recall, active_recall)
    detail = f" (active {active_recall:.2%}{on})" if active_recall is not None else ""
    return Promotion(True, version, f"promoted {version}: holds {candidate_recall:.2%} of fraud at {fpr:.1%} legitimate flagged{detail}{stopped}", candidate_recall, active_recall)


class _ForeignHoldout(ValueError):
    """The hold-out beside a model is not the one its training measured (the message says so)."""


def _holdout(target: Path, candidate: RiskModel, directory: Path | str) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The hold-out rows, labels and event digests (None if absent) beside ``target``; OSError, KeyError or ValueError when unusable."""
    try:
        data = np.load(target / HOLDOUT_FILE)
        rows, labels = data["X"], data["y"]
        ids = data["ids"] if "ids" in data.files else None  # event digests (training writes them; older hold-outs have none)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # cut short: training killed while writing it
        raise ValueError(f"{HOLDOUT_FILE} is damaged: {exc}") from None
    if len(rows) != len(labels):
        raise ValueError(f"{len(rows)} rows but {len(labels)} labels")
    if ids is not None and (ids.shape != labels.shape or ids.dtype != np.uint64):
        ids = None  # not what training writes: compare on every row, as before
    # A retrain into the same directory that wrote no hold-out (--no-holdout, or killed) left the last run's.
    measured = _trained_test_rows(candidate.metadata)
    if measured is not None and len(labels) != measured:
        raise _ForeignHoldout(
            f"not promoted: the hold-out beside this model has {len(labels)} rows, its training measured {measured}: "
            f"it belongs to another run; retrain, or promote without comparing: signupguard_promote {directory} --force"
        )
    return rows, labels, ids


def _unmatured(metadata: dict) -> bool:
    """Whether training measured on people's labels alone (``metrics.split.unmatured_holdout``)."""
    metrics = metadata.get("metrics")
    split = metrics.get("split") if isinstance(metrics, dict) else None
    return isinstance(split, dict) and split.get("unmatured_holdout") is True


def _trained_test_rows(metadata: dict) -> int | None:
    """The hold-out size training recorded (``metrics.split.test``), if it recorded one."""
    metrics = metadata.get("metrics")
    split = metrics.get("split") if isinstance(metrics, dict) else None
    test = split.get("test") if isinstance(split, dict) else None
    return test if isinstance(test, int) and not isinstance(test, bool) else None


def _holdout_counts(labels: np.ndarray | None) -> str:
    fraud, legit = (int(np.sum(labels == 1)), int(np.sum(labels == 0))) if labels is not None else (0, 0)
    return f"{fraud} fraud and {legit} legitimate rows"


def set_shadow(version: str | None) -> None:
    """Score ``version`` beside the active model without acting (None stops shadowing)."""
    if version is not None and version not in versions():
        raise ModelError(f"unknown version {version!r}; registered: {', '.join(versions()) or 'none'}")
    # As its own challenger the active model would only be scored twice per attempt and compared with itself.
    if version is not None and is_active(version):
        raise ModelError(f"{version} is the active model: there is nothing to compare it with; give another "
                         "version (--list names them), or stop shadow scoring with --no-shadow")
    _write_pointer(SHADOW_FILE, version)


def is_active(version: str) -> bool:
    """Whether the registered ``version`` is the active model."""
    root = registry_root()
    return root is not None and active_dir() == root / "versions" / version
