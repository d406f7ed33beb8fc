"""The model registry as several processes (web, Celery workers) see it at once (found in an audit, session 31).

Each test drives real processes and real files: a long-lived "worker" child
process keeps its own in-process model cache, as a Celery worker does, while
the parent (the operator's management command) changes the registry.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.test import override_settings

from signupguard.features import FEATURE_NAMES
from signupguard.model import registry
from tests.plugins.small_models import save_small_model

REPO = Path(__file__).resolve().parent.parent
HOLDOUT_ROWS = 200

# A worker: Django set up with MODEL_DIR, answering each line on stdin with what it scores with now.
WORKER = textwrap.dedent("""
    import json, os, sys
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django
    django.setup()
    from django.test import override_settings
    override_settings(SIGNUPGUARD={"MODEL_DIR": sys.argv[1]}).enable()
    from signupguard.model import registry
    for line in sys.stdin:
        shadow = registry.load_shadow()
        print(json.dumps({"active": registry.load_active().version,
                          "shadow": shadow.version if shadow is not None else None}), flush=True)
""")


class Worker:
    """A long-lived child process with its own registry cache (what a Celery worker or a web process is)."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(root)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True,
        )

    def serving(self) -> dict:
        self.proc.stdin.write("?\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "the worker process died"
        return json.loads(line)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture
def worker_factory():
    started: list[Worker] = []

    def start(root: Path) -> Worker:
        started.append(Worker(root))
        return started[-1]

    yield start
    for worker in started:
        if worker.proc.poll() is None:
            worker.proc.kill()
            worker.proc.wait()


def _save(out: Path, seed: int) -> str:
    """A small real model with its hold-out in ``out``; its version."""
    version = save_small_model(out, seed, test_rows=HOLDOUT_ROWS, prefix="procs")
    Xh = np.random.default_rng(seed + 100).random((HOLDOUT_ROWS, len(FEATURE_NAMES)))
    np.savez(out / registry.HOLDOUT_FILE, X=Xh, y=(Xh[:, 0] > 0.7).astype(int))
    return version


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("registry") / "m"
    _save(out, 0)
    return out


@pytest.fixture
def candidate(trained, tmp_path) -> Path:
    return Path(shutil.copytree(trained, tmp_path / "candidate"))


def _registry(root: Path):
    return override_settings(SIGNUPGUARD={"MODEL_DIR": str(root)})


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


# --- defect 1: a running process never notices that a damaged version was repaired -----------------

def test_a_running_worker_serves_a_damaged_active_version_once_promote_has_repaired_it(tmp_path, candidate, worker_factory):
    """The active version's model.txt is damaged in the registry (a full disk, a bad rsync): workers that
    start meanwhile fall back to the shipped model, as documented. The operator re-runs
    `signupguard_promote DIR`, which replaces the damaged copy with a whole one and says it is promoted,
    and `--list` shows it active. Yet every worker that saw the damaged copy keeps scoring with the shipped
    default model (attempts stamped with its version) until it is restarted: its cache is keyed on
    metadata.json's mtime, which the repair copies unchanged (shutil.copy2)."""
    root = tmp_path / "registry"
    with _registry(root):
        version = registry.promote(candidate, force=True).version
        _cut(root / "versions" / version / "model.txt")  # damaged in place; metadata.json untouched
        worker = worker_factory(root)
        assert worker.serving()["active"] != version  # the documented fallback to the shipped model meanwhile
        call_command("signupguard_promote", str(candidate), stdout=open(os.devnull, "w"))
        assert registry.active_dir().name == version
        assert registry.load_active().version == version  # a fresh process serves the repaired version
        assert worker.serving()["active"] == version, "the running worker still serves the shipped model"
        worker.close()


def test_a_running_worker_scores_a_repaired_shadow_version(tmp_path, candidate, worker_factory):
    """A shadow version left half-copied (a promote killed mid-copy by an older release: metadata.json
    whole, model.txt cut) records no shadow scores, as documented. `signupguard_train --shadow` (or
    `signupguard_promote`) then registers the same version whole and sets SHADOW; every running worker
    still records no shadow scores, so the shadow report stays empty until the workers are restarted."""
    root = tmp_path / "registry"
    version = json.loads((candidate / "metadata.json").read_text())["version"]
    target = root / "versions" / version
    target.mkdir(parents=True)
    for name in ("metadata.json", "model.txt"):
        shutil.copy2(candidate / name, target / name)
    _cut(target / "model.txt")
    with _registry(root):
        registry.set_shadow(version)  # the version is listed: its metadata.json is there
        worker = worker_factory(root)
        assert worker.serving()["shadow"] is None  # unusable: no shadow scores, as documented
        registry.set_shadow(registry.register(candidate).name)  # what `signupguard_train --shadow` does
        assert registry.load_shadow().version == version  # a fresh process scores the shadow
        assert worker.serving()["shadow"] == version, "the running worker still records no shadow scores"
        worker.close()


# --- defect 2: a training run rewriting --out while another run's promote copies it -----------------

def _rewrite_forever(out: str, models: list[dict[str, bytes]], stop_file: str) -> None:
    """What `signupguard_train --out OUT` does at its end, run after run: delete the last run's files, write its own."""
    i = 0
    while not os.path.exists(stop_file):
        files = models[i % len(models)]
        for name in files:
            Path(out, name).unlink(missing_ok=True)
        for name, data in files.items():  # save_model: model.txt, then metadata.json; then the hold-out
            Path(out, name).write_bytes(data)
        i += 1
        time.sleep(0.3)  # runs end far apart; only their ends overlap a promotion


def test_a_version_registered_while_another_training_rewrites_its_directory_is_the_model_its_name_names(tmp_path):
    """Two scheduled `signupguard_train --out var/models/candidate --promote` (or `--shadow`) runs overlap: one
    promotes while the other is writing its own model into the same directory. The registry then holds a
    version directory whose files are the other run's model (its metadata.json names another version, or its
    model.txt is not the one its version hashes): workers score with one model and stamp attempts, and shadow
    scores, with another's version, and ACTIVE may name a version that is not registered at all.
    A registration must install only a copy that is whole and names itself, or refuse with a clear error."""
    models = []
    for seed in (1, 2):
        out = tmp_path / f"run{seed}"
        _save(out, seed)
        models.append({name: (out / name).read_bytes()
                       for name in ("model.txt", "metadata.json", registry.HOLDOUT_FILE)})
    names = [json.loads(m["metadata.json"])["version"] for m in models]
    texts = {name: m["model.txt"] for name, m in zip(names, models)}
    out = tmp_path / "candidate"
    shutil.copytree(tmp_path / "run1", out)
    stop = tmp_path / "stop"
    writer = multiprocessing.get_context("spawn").Process(target=_rewrite_forever, args=(str(out), models, str(stop)))
    writer.start()
    wrong = []
    try:
        for attempt in range(15):
            root = tmp_path / f"registry{attempt}"
            with _registry(root):
                try:
                    target = registry.register(out)
                except (registry.ModelError, OSError):
                    continue  # refused, or the directory changed under the copy: clear, and nothing installed
                meta = json.loads((target / "metadata.json").read_text())
                if meta["version"] != target.name or (target / "model.txt").read_bytes() != texts.get(target.name):
                    wrong.append((target.name, meta["version"]))
            if len(wrong) >= 2:
                break
    finally:
        stop.touch()
        writer.join(30)
    assert not wrong, f"registered under one version name, another run's files: {wrong}"
