"""Hidden copies a killed promote left under versions/ are deleted by a later write, unless another copy may be running."""

import io
import json
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.test import override_settings

from signupguard.features import FEATURE_NAMES
from signupguard.model import install, registry
from tests.plugins.small_models import save_small_model


def _save(out: Path, seed: int) -> Path:
    """A small real model with a hold-out of both classes in ``out``: the second half of its rows."""
    save_small_model(out, seed, test_rows=200, prefix="left")
    X = np.random.default_rng(seed).random((400, len(FEATURE_NAMES)))[200:]  # the rows it was trained on
    np.savez(out / registry.HOLDOUT_FILE, X=X, y=(X[:, 0] > 0.7).astype(int))
    return out


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("models")
    return _save(base / "old", 0), _save(base / "new", 1)


@pytest.fixture
def old(trained, tmp_path) -> Path:
    return Path(shutil.copytree(trained[0], tmp_path / "old"))


@pytest.fixture
def candidate(trained, tmp_path) -> Path:
    return Path(shutil.copytree(trained[1], tmp_path / "candidate"))


def _version(directory: Path) -> str:
    return json.loads((directory / "metadata.json").read_text())["version"]


def _registry(root: Path):
    return override_settings(SIGNUPGUARD={"MODEL_DIR": str(root)})


def _half_copy(source: Path, staging: Path) -> Path:
    """What a copy killed midway leaves: metadata.json whole, model.txt cut short, the rest absent."""
    staging.mkdir(parents=True)
    shutil.copy2(source / "metadata.json", staging / "metadata.json")
    text = (source / "model.txt").read_bytes()
    (staging / "model.txt").write_bytes(text[: len(text) // 2])
    return staging


def _age(directory: Path, seconds: float) -> None:
    """Set the modification time of ``directory`` and of everything in it ``seconds`` back."""
    then = time.time() - seconds
    for path in [*directory.rglob("*"), directory]:
        os.utime(path, (then, then))


def _contents(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir()}


STALE = install.LEFTOVER_SECONDS + 60


def _register(root: Path, old: Path, candidate: Path) -> None:
    registry.register(candidate)


def _register_again(root: Path, old: Path, candidate: Path) -> None:
    assert registry.register(old) == root / "versions" / _version(old)  # already there: nothing copied


def _promote_command(root: Path, old: Path, candidate: Path) -> None:
    call_command("signupguard_promote", str(candidate), "--force", stdout=io.StringIO())


WRITES = {"register": _register, "register-again": _register_again, "signupguard_promote": _promote_command}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES)
def test_copies_killed_an_hour_ago_are_deleted_by_the_next_write(tmp_path, old, candidate, write):
    root = tmp_path / "registry"
    versions = root / "versions"
    with _registry(root):
        registry.promote(old, force=True)
        leftovers = [
            _half_copy(candidate, versions / f".{_version(candidate)}.partial-0a1b2c3d"),  # a promote killed mid-copy
            Path(shutil.copytree(candidate, versions / f".{_version(candidate)}.partial-1b2c3d4e")),  # killed before its rename
            _half_copy(old, versions / f".{_version(old)}.broken-2c3d4e5f"),  # killed before deleting the copy it replaced
            _half_copy(old, versions / f".{_version(old)}.partial-3d4e5f6a-removing-4e5f6a7b"),  # a deletion killed
        ]
        for leftover in leftovers:
            _age(leftover, STALE)
        write(root, old, candidate)
        assert not any(leftover.exists() for leftover in leftovers)
        registered = [_version(old)] + ([_version(candidate)] if write is not _register_again else [])
        assert sorted(os.listdir(versions)) == sorted(registered) == registry.versions()


def test_a_copy_another_process_is_writing_is_kept(tmp_path, old, candidate):
    root = tmp_path / "registry"
    versions = root / "versions"
    with _registry(root):
        registry.promote(old, force=True)
        stale = _half_copy(candidate, versions / f".{_version(candidate)}.partial-0a1b2c3d")
        _age(stale, STALE)
        just_started = _half_copy(candidate, versions / f".{_version(candidate)}.partial-1b2c3d4e")
        # copytree gives a copied file the source's time and the directory that of the last file it added:
        # only the large file it is writing now has a recent time.
        writing_large_file = _half_copy(candidate, versions / f".{_version(candidate)}.partial-2c3d4e5f")
        _age(writing_large_file, STALE)
        os.utime(writing_large_file / "model.txt")
        within_grace = _half_copy(candidate, versions / f".{_version(candidate)}.partial-3d4e5f6a")
        _age(within_grace, install.LEFTOVER_SECONDS - 60)  # a copy stalled for most of an hour
        running = {path: _contents(path) for path in (just_started, writing_large_file, within_grace)}

        registry.register(candidate)

        assert not stale.exists()
        assert {path: _contents(path) for path in running} == running  # untouched
        assert registry.versions() == sorted([_version(old), _version(candidate)])


def test_the_registry_lists_and_loads_its_versions_after_deleting_leftovers(tmp_path, old, candidate):
    root = tmp_path / "registry"
    versions = root / "versions"
    with _registry(root):
        registry.promote(old, force=True)
        whole = Path(shutil.copytree(candidate, versions / f".{_version(candidate)}.partial-0a1b2c3d"))
        _age(whole, STALE)
        running = _half_copy(old, versions / f".{_version(old)}.partial-1b2c3d4e")

        stdout = io.StringIO()
        call_command("signupguard_promote", str(candidate), "--force", stdout=stdout)

        assert f"promoted {_version(candidate)}" in stdout.getvalue()
        assert not whole.exists() and running.exists()
        assert registry.versions() == sorted([_version(old), _version(candidate)])
        assert registry.active_dir() == versions / _version(candidate)
        assert registry.load_active().version == _version(candidate)
        assert registry.load(versions / _version(old)).version == _version(old)
        assert _contents(versions / _version(candidate)) == _contents(candidate)
        listing = io.StringIO()
        call_command("signupguard_promote", "--list", stdout=listing)
        assert ".partial" not in listing.getvalue() and _version(old) in listing.getvalue()
