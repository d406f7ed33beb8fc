"""Copying a trained model into the registry: whole or absent, never a half-copied version.

A version directory is copied under a hidden name (``versions/.<version>.partial-*``)
and renamed into place; what a killed copy leaves behind is deleted once stale.
``registry.register`` decides whether to copy; this module does the copying.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import stat
import time
from pathlib import Path

from signupguard.policy import Thresholds

from . import ModelError
from .predict import METADATA_FILE, MODEL_FILE, ModelUnchecked, RiskModel, read_metadata

logger = logging.getLogger("signupguard.model")

# A hidden copy with nothing changed in it for this long belongs to no running copy, which keeps writing
# into it: far longer than any copy takes, and than the clock skew between hosts of a shared volume.
LEFTOVER_SECONDS = 3600.0


def refuse_other_thresholds(target: Path, meta: dict) -> None:
    """ModelError when the registered ``target`` carries other thresholds than the metadata ``meta`` to register."""
    try:
        registered = read_metadata(target).get("thresholds")
    except ModelError:
        return  # damaged: copy_problem says so, and the copy replaces it
    offered = meta.get("thresholds")
    if isinstance(registered, dict) and registered != offered:
        raise ModelError(
            f"version {target.name} is already registered with thresholds {registered}, and this copy has "
            f"{offered}: a version names one model and its thresholds. Retrain to get a version of its own, "
            f"or set REVIEW_THRESHOLD and BLOCK_THRESHOLD to change the active model's thresholds"
        )


def remove_leftovers(versions_dir: Path) -> None:
    """Delete what killed copies left under ``versions_dir`` (``install``'s hidden directories) once stale.

    Each is first renamed to a name of its own, so that of two processes only
    one deletes it, and a copy that was still running fails its rename into
    place instead of renaming a directory being emptied. Errors are ignored:
    another process may delete the same directory at the same moment.
    """
    try:
        names = [entry.name for entry in os.scandir(versions_dir) if _is_leftover(entry.name)]
    except OSError:
        return  # no versions/ yet
    cutoff = time.time() - LEFTOVER_SECONDS
    for name in names:
        path = versions_dir / name
        try:
            if _newest_mtime(path) >= cutoff:
                continue
            claimed = path.rename(versions_dir / f"{name}-removing-{secrets.token_hex(4)}")
        except OSError:
            continue  # gone already, or not a directory
        logger.warning("SignupGuard deletes %s, left by a copy into the registry that was killed", path)
        shutil.rmtree(claimed, ignore_errors=True)


def _is_leftover(name: str) -> bool:
    """Whether ``name`` under versions/ is a staging copy or a broken copy moved aside (``install``, ``_move_in``)."""
    return name.startswith(".") and (".partial-" in name or ".broken-" in name)


def _newest_mtime(directory: Path) -> float:
    """The latest modification time of ``directory`` and of all in it; OSError when it is not a directory.

    The directory's own time is not enough: ``shutil.copytree`` gives each
    file it has copied the source's time, and touches the directory only when
    it adds a file, not while it writes a large one.
    """
    own = directory.lstat()
    if not stat.S_ISDIR(own.st_mode):
        raise NotADirectoryError(directory)
    latest = own.st_mtime
    for parent, dirs, files in os.walk(directory):
        for name in dirs + files:
            try:
                latest = max(latest, os.lstat(os.path.join(parent, name)).st_mtime)
            except OSError:
                pass  # deleted meanwhile
    return latest


def copy_problem(target: Path, source: Path) -> str | None:
    """Why ``target`` is not a whole copy of ``source`` (a file missing or cut short, a model that fails to load)."""
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        name = path.relative_to(source)
        try:
            size = (target / name).stat().st_size
        except OSError:
            return f"{name} is missing"
        if size != path.stat().st_size:
            return f"{name} has {size} bytes, {path.stat().st_size} in the source"
    try:
        RiskModel.load(target)
    except ModelUnchecked:
        raise  # nothing is known about it: replacing it could swap out a good, active model
    except ModelError as exc:
        return str(exc)
    return None


def install(source: Path, target: Path, *, replace: bool) -> None:
    """Copy ``source`` to ``target`` (replacing a broken one) through a hidden staging directory renamed into place.

    A kill mid-copy leaves only the staging directory, which nothing lists
    and a later registration deletes (``remove_leftovers``).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.partial-{secrets.token_hex(4)}"
    try:
        shutil.copytree(source, staging)
        _check_staged(staging, target.name, source)
        _move_in(staging, target, replace=replace)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # still there only if the copy or the move failed


def _check_staged(staging: Path, version: str, source: Path) -> None:
    """ModelError unless the copy in ``staging`` is the model ``version`` names, whole and servable.

    ``register`` checked the source before copying it, but another training run
    writing into the same ``--out`` (two scheduled runs that overlap) can replace
    its files meanwhile, or between model.txt and metadata.json: installed, the
    copy would score with one model under another's name.
    """
    changed = (f"the copy of {source} is not whole, or not the model {version} (its files changed while it was "
               f"copied: another signupguard_train writing into it?); run again once that run has finished")
    try:
        meta = read_metadata(staging)
        text = (staging / MODEL_FILE).read_text(encoding="utf-8")
    except (ModelError, OSError, UnicodeDecodeError):
        raise ModelError(changed) from None
    if meta.get("version") != version or not _names_its_model(version, text, meta):
        raise ModelError(changed)
    RiskModel.load(staging)


def _names_its_model(version: str, text: str, meta: dict) -> bool:
    """Whether ``version`` is the hash save_model gives ``text`` with the metadata's thresholds and aim.

    A name that is no such hash (a version renamed by hand) and metadata without
    the thresholds or training record save_model writes (an older release's)
    are not checked.
    """
    from .train import version_aim, version_hash

    thresholds, training = meta.get("thresholds"), meta.get("training")
    digest = version.rpartition("-")[2]
    if (len(digest) != 12 or any(c not in "0123456789abcdef" for c in digest)
            or not isinstance(thresholds, dict) or not isinstance(training, dict)):
        return True
    try:
        chosen = Thresholds(review=float(thresholds["review"]), block=float(thresholds["block"]))
    except (KeyError, TypeError, ValueError):
        return True  # RiskModel.load refuses it with the reason
    return any(version.endswith("-" + version_hash(text, chosen, aim)) for aim in (version_aim(training), None))


def _move_in(staging: Path, target: Path, *, replace: bool) -> None:
    """Rename ``staging`` to ``target``; with ``replace``, the broken ``target`` is moved aside, then deleted.

    A rename cannot replace a directory with files in it; moved aside first,
    the old copy is gone only once the new one is in place.
    """
    aside = target.parent / f".{target.name}.broken-{secrets.token_hex(4)}"
    if replace:
        try:
            target.rename(aside)
        except FileNotFoundError:
            pass  # a concurrent promote replaced it already
    try:
        staging.rename(target)
    except OSError:
        if not (target / METADATA_FILE).exists():
            raise
        # A concurrent promote of the same version moved its own whole copy in first.
    shutil.rmtree(aside, ignore_errors=True)
