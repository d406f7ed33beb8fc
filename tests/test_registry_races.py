"""Registry repairs from audit b: a version's thresholds, pointer writers that race, promotions that race."""

import multiprocessing
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from django.test import override_settings

from signupguard.features import FEATURE_NAMES
from signupguard.model import ModelError, registry
from signupguard.model.train import SignupRiskClassifier, save_model
from signupguard.policy import Thresholds

HOLDOUT_ROWS = 2000


def _fit(y_column: int, *, blur: float = 0.0, seed: int = 0) -> SignupRiskClassifier:
    """A small real model that learns fraud = column ``y_column`` (plus ``blur`` times column 1) in its top 30%."""
    rng = np.random.default_rng(seed)
    X = rng.random((2000, len(FEATURE_NAMES)))
    signal = X[:, y_column] + blur * X[:, 1]
    y = (signal > np.quantile(signal, 0.7)).astype(int)
    clf = SignupRiskClassifier(n_estimators=20, num_leaves=4, min_child_samples=5, monotone=False, augment=0)
    return clf.fit(X, y)


def _save(clf: SignupRiskClassifier, out: Path, thresholds: Thresholds = Thresholds(0.5, 0.9)) -> str:
    """``clf`` written to ``out`` with a hold-out where fraud is column 0 > 0.7; its version."""
    split = {"train": 2000, "valid": 0, "test": HOLDOUT_ROWS}
    meta = save_model(clf, out, thresholds=thresholds, metrics={"split": split}, training={}, version_prefix="race")
    X = np.random.default_rng(99).random((HOLDOUT_ROWS, len(FEATURE_NAMES)))
    np.savez(out / registry.HOLDOUT_FILE, X=X, y=(X[:, 0] > 0.7).astype(int))
    return meta["version"]


@pytest.fixture(scope="module")
def clf() -> SignupRiskClassifier:
    return _fit(0)


def test_the_same_trees_with_other_thresholds_are_another_version(tmp_path, clf):
    strict = _save(clf, tmp_path / "strict", Thresholds(0.7, 0.95))
    lenient = _save(clf, tmp_path / "lenient", Thresholds(0.4, 0.8))
    again = _save(clf, tmp_path / "again", Thresholds(0.7, 0.95))
    assert (tmp_path / "strict/model.txt").read_bytes() == (tmp_path / "lenient/model.txt").read_bytes()
    assert strict != lenient and strict == again  # a version names what scores, and only that
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        assert registry.promote(tmp_path / "strict", force=True).promoted
        # Registering the lenient twin beside it (what `signupguard_train --shadow` does) leaves the active alone.
        registry.register(tmp_path / "lenient")
        registry.set_shadow(lenient)
        active = registry.load_active()
        assert active.version == strict and active.thresholds == Thresholds(0.7, 0.95)
        assert registry.load_shadow().thresholds == Thresholds(0.4, 0.8)


def test_a_copy_with_other_thresholds_under_a_registered_name_is_refused(tmp_path, clf):
    version = _save(clf, tmp_path / "m")
    edited = Path(shutil.copytree(tmp_path / "m", tmp_path / "edited"))
    meta = (edited / "metadata.json").read_text().replace('"review": 0.5', '"review": 0.25')
    (edited / "metadata.json").write_text(meta)  # thresholds edited by hand, the version kept
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        registry.promote(tmp_path / "m", force=True)
        with pytest.raises(ModelError, match="already registered with thresholds"):
            registry.register(edited)
        with pytest.raises(ModelError, match="already registered with thresholds"):
            registry.promote(edited, force=True)
        assert registry.load_active().thresholds == Thresholds(0.5, 0.9)
        assert registry.active_dir().name == version


def _write_pointers(root: str, version: str, times: int) -> int:
    failures = 0
    with override_settings(SIGNUPGUARD={"MODEL_DIR": root}):
        for _ in range(times):
            try:
                registry._write_pointer(registry.ACTIVE_FILE, version)
            except OSError:
                failures += 1
    return failures


def test_pointer_writers_that_race_all_succeed_and_leave_no_temporary_file(tmp_path):
    root = tmp_path / "registry"
    root.mkdir()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        failures = pool.starmap(_write_pointers, [(str(root), "race-aaaaaaaaaaaa", 3000), (str(root), "race-bbbbbbbbbbbb", 3000)])
    assert failures == [0, 0]
    assert (root / "ACTIVE").read_text().strip() in ("race-aaaaaaaaaaaa", "race-bbbbbbbbbbbb")
    assert sorted(p.name for p in root.iterdir()) == ["ACTIVE"]


def test_promotions_that_race_leave_the_better_model_active(tmp_path, monkeypatch):
    good = _save(_fit(0), tmp_path / "good")
    fair = _save(_fit(0, blur=1.0, seed=1), tmp_path / "fair")  # column 1 says nothing here
    poor = _save(_fit(5, seed=2), tmp_path / "poor")  # learns a column that says nothing about this hold-out
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        assert registry.promote(tmp_path / "poor", force=True).promoted
        assert registry.promote(tmp_path / "good").candidate_recall > registry.promote(tmp_path / "fair").candidate_recall
        registry._write_pointer(registry.ACTIVE_FILE, poor)
        # Both promotions read the active model before either writes (as two processes can), and the
        # worse one writes last. Serialised, the second to run compares with the first's model instead.
        both_read = threading.Barrier(2)
        load_active, write_pointer = registry.load_active, registry._write_pointer

        def reading_together():
            try:
                both_read.wait(timeout=2)
            except threading.BrokenBarrierError:
                pass  # the other promotion waits for the lock: this one goes on alone
            return load_active()

        def fair_writes_last(name, version):
            if version == fair:
                time.sleep(0.3)
            write_pointer(name, version)

        monkeypatch.setattr(registry, "load_active", reading_together)
        monkeypatch.setattr(registry, "_write_pointer", fair_writes_last)
        results = {}
        threads = [threading.Thread(target=lambda d=d: results.__setitem__(d, registry.promote(tmp_path / d)))
                   for d in ("good", "fair")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert registry.active_dir().name == good
        assert results["good"].promoted
        if results["fair"].promoted:  # it ran first, against the poor model: then good beat it
            assert results["good"].active_recall == results["fair"].candidate_recall


def test_the_list_says_when_the_active_version_cannot_be_served(tmp_path, clf):
    import io

    from django.core.management import call_command

    version = _save(clf, tmp_path / "m")
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        registry.promote(tmp_path / "m", force=True)
        listing = io.StringIO()
        call_command("signupguard_promote", "--list", stdout=listing)
        assert listing.getvalue().splitlines() == [f"{version} (active)"]
        model = registry.active_dir() / "model.txt"
        model.write_text(model.read_text()[:200])  # cut short on disk after it was registered
        registry._cache.clear()  # as a fresh `manage.py` process finds it
        listing = io.StringIO()
        call_command("signupguard_promote", "--list", stdout=listing)
        line = listing.getvalue().splitlines()[0]
        shipped = registry.load(registry.DEFAULT_DIR).version
        assert line.startswith(f"{version} (active, but unusable: ") and line.endswith(f"; {shipped} scores instead)")
        # A whole model under a name of an operator's choosing is served, and listed as plainly active.
        shutil.copytree(tmp_path / "m", registry.registry_root() / "versions" / "prod-2026-11")
        registry._write_pointer(registry.ACTIVE_FILE, "prod-2026-11")
        listing = io.StringIO()
        call_command("signupguard_promote", "--list", stdout=listing)
        assert "prod-2026-11 (active)" in listing.getvalue().splitlines()


def test_promotion_leaves_out_the_hold_out_rows_the_active_model_trained_on(tmp_path):
    from signupguard.evaluation import recall_at_fpr
    from signupguard.training import event_digests

    active = _save(_fit(0, blur=1.0, seed=1), tmp_path / "active")
    candidate = _save(_fit(0), tmp_path / "candidate")
    holdout = np.load(tmp_path / "candidate" / registry.HOLDOUT_FILE)
    X, y = holdout["X"], holdout["y"]
    ids = event_digests([f"e-{n}" for n in range(len(y))])
    np.savez(tmp_path / "candidate" / registry.HOLDOUT_FILE, X=X, y=y, ids=ids)
    # The active model trained on the first 600 of those events (retrained from the database, say).
    np.save(tmp_path / "active" / registry.TRAINED_FILE, np.unique(event_digests([f"e-{n}" for n in range(600)])))
    with override_settings(SIGNUPGUARD={"MODEL_DIR": str(tmp_path / "registry")}):
        registry.promote(tmp_path / "active", force=True)
        outcome = registry.promote(tmp_path / "candidate")
        assert outcome.promoted and registry.active_dir().name == candidate
        unseen = slice(600, None)
        both = registry.load(registry.registry_root() / "versions" / active), registry.load_active()
        assert outcome.active_recall == recall_at_fpr(both[0].predict(X[unseen]), y[unseen], 0.001)
        assert outcome.candidate_recall == recall_at_fpr(both[1].predict(X[unseen]), y[unseen], 0.001)
        assert f"on the {HOLDOUT_ROWS - 600} of its {HOLDOUT_ROWS} hold-out rows the active model did not train on" in outcome.message
        # Every hold-out row seen in the active model's training: nothing is left to compare on.
        np.save(registry.active_dir() / registry.TRAINED_FILE, np.unique(ids))
        again = _save(_fit(0, seed=3), tmp_path / "again")
        np.savez(tmp_path / "again" / registry.HOLDOUT_FILE, X=X, y=y, ids=ids)
        refused = registry.promote(tmp_path / "again")
        assert not refused.promoted and registry.active_dir().name == candidate and again != candidate
        assert "has 0 fraud and 0 legitimate rows" in refused.message


def test_training_records_which_events_trained_the_model_and_which_it_held_out(tmp_path):
    import json

    from signupguard.offline import Dataset
    from signupguard.training import event_digests, split_by_time, train_on_dataset

    rng = np.random.default_rng(0)
    n = 600
    X = rng.random((n, len(FEATURE_NAMES))).astype(np.float32)
    y = (X[:, 0] > 0.7).astype(np.int8)
    names = [f"t-{i}" for i in range(n)]
    data = Dataset(X=X, y=y, times=np.arange(n, dtype=float), kinds=["signup"] * n, campaigns=[""] * n,
                   event_ids=names, total_events=n, bad_lines=0)
    train_on_dataset(data, tmp_path / "m", classifier=SignupRiskClassifier(n_estimators=5, augment=0), source="test",
                     write_report=False)
    train, valid, test = split_by_time(n)
    shaped = np.unique(event_digests(names[train] + names[valid]))
    assert np.array_equal(np.load(tmp_path / "m" / registry.TRAINED_FILE), shaped)
    assert np.array_equal(np.load(tmp_path / "m" / registry.HOLDOUT_FILE)["ids"], event_digests(names[test]))
    assert json.loads((tmp_path / "m" / "metrics.json").read_text())["split"]["test"] == test.stop - test.start
