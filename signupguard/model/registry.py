"""Model registry: versioned directories, the active model and a shadow challenger.

Layout of ``SIGNUPGUARD['MODEL_DIR']``::

    MODEL_DIR/
      versions/<version>/   model.txt, metadata.json, metrics.json, report.html, holdout.npz
      ACTIVE                name of the active version (absent: the shipped default)
      SHADOW                name of a challenger scored beside it without acting (optional)

Without ``MODEL_DIR`` only the shipped default model (``signupguard/model/default``)
is available. Loading never raises. An unusable promoted model (trained on an
older feature schema before an upgrade, or a damaged file) gives way to the
shipped default model; the cold-start rule set scores only when that cannot be
loaded either. Both are logged, and the system check reports them.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from signupguard.conf import sg_settings
from signupguard.evaluation import recall_at_fpr

from . import ModelError, Scorer
from .coldstart import ColdStartModel
from .predict import METADATA_FILE, RiskModel, read_metadata

logger = logging.getLogger("signupguard.model")

DEFAULT_DIR = Path(__file__).resolve().parent / "default"
ACTIVE_FILE = "ACTIVE"
SHADOW_FILE = "SHADOW"
HOLDOUT_FILE = "holdout.npz"


def registry_root() -> Path | None:
    root = sg_settings.MODEL_DIR
    return Path(root) if root else None


def _pointer(name: str) -> Path | None:
    root = registry_root()
    if root is None:
        return None
    pointer = root / name
    try:
        version = pointer.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return root / "versions" / version if version else None


def active_dir() -> Path:
    """Directory of the active model: the promoted version, else the shipped default."""
    return _pointer(ACTIVE_FILE) or DEFAULT_DIR


def shadow_dir() -> Path | None:
    return _pointer(SHADOW_FILE)


_cache: dict[tuple[str, float], Scorer] = {}


def load(directory: Path | str) -> Scorer:
    """Load ``directory`` (cached while its metadata file is unchanged); cold start on failure."""
    directory = Path(directory)
    try:
        stamp = (directory / METADATA_FILE).stat().st_mtime
    except OSError:
        stamp = -1.0
    key = (str(directory), stamp)
    scorer = _cache.get(key)
    if scorer is None:
        try:
            scorer = RiskModel.load(directory)
        except ModelError as exc:
            logger.error("SignupGuard model unusable: %s", exc)
            scorer = ColdStartModel(reason=str(exc))
        _cache.clear() if len(_cache) > 8 else None
        _cache[key] = scorer
    return scorer


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
    return sorted(p.name for p in (root / "versions").iterdir() if (p / METADATA_FILE).exists())


def register(directory: Path | str) -> Path:
    """Copy a trained model directory into the registry under its version name."""
    root = registry_root()
    if root is None:
        raise ModelError("SIGNUPGUARD['MODEL_DIR'] is not set: there is no registry to add models to")
    directory = Path(directory)
    meta = read_metadata(directory)
    RiskModel.load(directory)  # refuse to register what cannot be served
    target = root / "versions" / str(meta["version"])
    if target.resolve() != directory.resolve():
        if target.exists():
            # Versions are content hashes: the same name is the same model.
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(directory, target)
    return target


def _write_pointer(name: str, version: str | None) -> None:
    root = registry_root()
    assert root is not None
    root.mkdir(parents=True, exist_ok=True)
    path = root / name
    if version is None:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(version + "\n", encoding="utf-8")
    tmp.replace(path)  # atomic: workers never read half a name


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
    traffic flagged wins. ``force`` skips the comparison.
    """
    target = register(directory)
    candidate = RiskModel.load(target)
    version = candidate.version
    try:
        data = np.load(target / HOLDOUT_FILE)
        rows, labels = data["X"], data["y"]
    except (OSError, KeyError, ValueError) as exc:
        if not force:
            return Promotion(False, version, f"no usable hold-out in {target} ({exc}); use --force to promote anyway", float("nan"), None)
        rows = labels = None
    candidate_recall = recall_at_fpr(candidate.predict(rows), labels, fpr) if rows is not None else float("nan")
    active = load_active()
    active_recall: float | None = None
    if not force and not isinstance(active, ColdStartModel):
        active_recall = recall_at_fpr(active.predict(rows), labels, fpr)
        if candidate_recall <= active_recall and active.version != version:
            return Promotion(
                False, version,
                f"not promoted: {version} holds {candidate_recall:.2%} of fraud at {fpr:.1%} legitimate flagged, "
                f"the active {active.version} holds {active_recall:.2%} on the same hold-out",
                candidate_recall, active_recall,
            )
    _write_pointer(ACTIVE_FILE, version)
    detail = f" (active {active_recall:.2%})" if active_recall is not None else ""
    return Promotion(True, version, f"promoted {version}: holds {candidate_recall:.2%} of fraud at {fpr:.1%} legitimate flagged{detail}", candidate_recall, active_recall)


def set_shadow(version: str | None) -> None:
    """Score ``version`` beside the active model without acting (None stops shadowing)."""
    if version is not None and version not in versions():
        raise ModelError(f"unknown version {version!r}; registered: {', '.join(versions()) or 'none'}")
    _write_pointer(SHADOW_FILE, version)
