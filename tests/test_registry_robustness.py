"""A registry in a bad state scores with a fallback and says why; it never raises, never promotes blind."""

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from signupguard.features import FEATURE_NAMES
from signupguard.model import ModelError, predict, registry
from signupguard.model.coldstart import ColdStartModel
from signupguard.model.predict import RiskModel, validate_metadata
from signupguard.model.train import SignupRiskClassifier, save_model
from signupguard.policy import Thresholds


@pytest.fixture(scope="module")
def small_model(tmp_path_factory) -> Path:
    """A real LightGBM model directory, a few trees, with a hold-out holding both classes."""
    rng = np.random.default_rng(0)
    X = rng.random((400, len(FEATURE_NAMES)))
    y = (X[:, 0] > 0.7).astype(int)
    clf = SignupRiskClassifier(n_estimators=5, num_leaves=4, min_child_samples=5, monotone=False)
    clf.fit(X, y)
    out = tmp_path_factory.mktemp("model") / "small"
    save_model(clf, out, thresholds=Thresholds(0.5, 0.9), metrics={}, training={}, version_prefix="small")
    np.savez(out / registry.HOLDOUT_FILE, X=X[:200], y=y[:200])
    return out


@pytest.fixture
def model_copy(small_model, tmp_path) -> Path:
    """A copy of ``small_model`` at a path of its own: its file is verified afresh."""
    return Path(shutil.copytree(small_model, tmp_path / "candidate"))


@pytest.fixture
def shipped() -> RiskModel:
    return RiskModel.load(registry.DEFAULT_DIR)


def _registry(root: Path):
    return override_settings(SIGNUPGUARD={"MODEL_DIR": str(root)})


def _make_active(root: Path, directory: Path) -> str:
    """Put ``directory`` in the registry at ``root`` and point ACTIVE at it, as promotion leaves them."""
    version = json.loads((directory / "metadata.json").read_text())["version"]
    shutil.copytree(directory, root / "versions" / version)
    (root / "ACTIVE").write_text(version + "\n")
    return version


def _model_warnings() -> list[tuple[str, str]]:
    from signupguard.checks import check_engine

    return [(m.id, m.msg) for m in check_engine() if m.id in ("signupguard.W020", "signupguard.W021")]


# --- pointer files that name no version ---------------------------------------------------------

UNREADABLE_POINTERS = {
    "utf-16": ("small-1\r\n".encode("utf-16"), "not UTF-8"),  # Windows PowerShell's `echo v > ACTIVE`
    "utf-16-le": ("small-1".encode("utf-16-le"), "does not hold a version name"),  # valid UTF-8, with NULs
    "path": (b"../../elsewhere\n", "does not hold a version name"),
}


@pytest.mark.parametrize("content, problem", UNREADABLE_POINTERS.values(), ids=UNREADABLE_POINTERS)
def test_an_active_pointer_that_names_no_version_gives_way_to_the_shipped_model_and_is_reported(
    tmp_path, shipped, content, problem
):
    (tmp_path / "ACTIVE").write_bytes(content)
    with _registry(tmp_path):
        active = registry.active_dir()
        assert isinstance(registry.load(active), ColdStartModel)
        assert registry.load_active().version == shipped.version
        [(code, warning)] = _model_warnings()
        assert code == "signupguard.W021" and problem in warning and "ACTIVE" in warning
        stdout, stderr = io.StringIO(), io.StringIO()
        call_command("signupguard_promote", "--list", stdout=stdout, stderr=stderr)
        assert "active: the shipped default model" in stdout.getvalue() and problem in stderr.getvalue()


@pytest.mark.parametrize("content, problem", UNREADABLE_POINTERS.values(), ids=UNREADABLE_POINTERS)
def test_a_shadow_pointer_that_names_no_version_scores_no_shadow_and_is_reported(tmp_path, content, problem):
    (tmp_path / "SHADOW").write_bytes(content)
    with _registry(tmp_path):
        assert registry.load_shadow() is None
        assert problem in registry.pointer_problem(registry.SHADOW_FILE)
        assert registry.pointer_problem(registry.ACTIVE_FILE) is None
        from signupguard import shadow

        with pytest.raises(ModelError, match=f"no usable shadow model: .*{re.escape(problem)}"):
            shadow.compare()  # the report says what is wrong with the file, not that a version is missing


def test_a_pointer_with_a_utf8_bom_names_its_version(tmp_path, model_copy):
    with _registry(tmp_path):
        version = registry.register(model_copy).name
        (tmp_path / "ACTIVE").write_bytes((version + "\r\n").encode("utf-8-sig"))  # as Notepad saves it
        assert registry.load_active().version == version


# --- metadata of the wrong types ----------------------------------------------------------------

@pytest.mark.parametrize("names", [None, 7, "is_login", [1, 2, 3], {"is_login": 1}])
def test_feature_names_that_are_not_a_list_of_names_are_refused_with_a_reason(tmp_path, model_copy, shipped, names):
    meta = json.loads((model_copy / "metadata.json").read_text())
    meta["feature_names"] = names
    (model_copy / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="feature_names"):
        RiskModel.load(model_copy)
    _make_active(tmp_path / "registry", model_copy)
    with _registry(tmp_path / "registry"):
        assert registry.load_active().version == shipped.version
        [(code, warning)] = _model_warnings()
        assert code == "signupguard.W021" and "feature_names" in warning


@pytest.mark.parametrize("meta", [[], None, "metadata"])
def test_metadata_that_is_not_an_object_is_refused_with_a_reason(meta):
    with pytest.raises(ModelError, match="JSON object"):
        validate_metadata(meta, where="m")  # type: ignore[arg-type]


# --- promotion on a hold-out that cannot measure ------------------------------------------------

@pytest.mark.parametrize("label, missing", [(0, "0 fraud"), (1, "0 legitimate")])
def test_a_hold_out_of_one_class_promotes_nothing_and_says_why(tmp_path, model_copy, label, missing):
    rows = np.load(model_copy / registry.HOLDOUT_FILE)["X"]
    np.savez(model_copy / registry.HOLDOUT_FILE, X=rows, y=np.full(len(rows), label))
    with _registry(tmp_path / "registry"):
        outcome = registry.promote(model_copy)
        assert not outcome.promoted and missing in outcome.message
        assert "more labelled data" in outcome.message and "--force" in outcome.message
        assert registry.active_dir() == registry.DEFAULT_DIR
        stdout = io.StringIO()
        with pytest.raises(CommandError, match="not promoted"):
            call_command("signupguard_promote", str(model_copy), stdout=stdout)
        assert missing in stdout.getvalue() and "nan" not in stdout.getvalue()
        forced = registry.promote(model_copy, force=True)
        assert forced.promoted and "nan" not in forced.message and missing in forced.message
        assert registry.active_dir().name == forced.version


# --- a model that could not be checked is checked again -----------------------------------------

class _Clock:
    """registry's ``time``: the retry delays pass when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def _killed(args, **kwargs):
    return subprocess.CompletedProcess(args, -9, "", "")


def _timeout(args, **kwargs):
    raise subprocess.TimeoutExpired(args, kwargs.get("timeout", 120))


def _no_fork(args, **kwargs):
    raise OSError(11, "Resource temporarily unavailable")


def _failing_checks(monkeypatch, under: Path, failure, times: int) -> list[str]:
    """The child process that checks model files under ``under`` fails its first ``times`` runs."""
    real, checks = subprocess.run, []

    def run(args, **kwargs):
        if not args[-1].startswith(str(under)):
            return real(args, **kwargs)
        checks.append(args[-1])
        return failure(args, **kwargs) if len(checks) <= times else real(args, **kwargs)

    monkeypatch.setattr(predict.subprocess, "run", run)
    return checks


@pytest.mark.parametrize("failure", [_no_fork, _timeout, _killed])
def test_a_model_that_could_not_be_checked_is_served_once_it_is_checked(tmp_path, model_copy, shipped, monkeypatch, failure):
    root = tmp_path / "registry"
    version = _make_active(root, model_copy)
    clock = _Clock()
    monkeypatch.setattr(registry, "time", clock, raising=False)
    checks = _failing_checks(monkeypatch, root, failure, times=1)
    with _registry(root):
        assert registry.load_active().version == shipped.version  # the fallback meanwhile
        [(code, warning)] = _model_warnings()
        assert code == "signupguard.W021" and "could not be checked" in warning
        assert len(checks) == 1  # not a child process for each call
        clock.now += registry.RETRY_SECONDS
        assert registry.load_active().version == version
        assert _model_warnings() == [] and len(checks) == 2


def test_checks_that_keep_failing_are_retried_less_and_less_often(tmp_path, model_copy, monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(registry, "time", clock, raising=False)
    checks = _failing_checks(monkeypatch, model_copy, _no_fork, times=10)
    for wait, checked in [(0, 1), (5, 2), (5, 2), (5, 3), (19, 3), (1, 4)]:  # 5 s, then 10, then 20
        clock.now += wait
        assert isinstance(registry.load(model_copy), ColdStartModel)
        assert len(checks) == checked, (wait, checked)


def test_a_corrupt_model_stays_refused_without_another_check(model_copy, monkeypatch):
    text = (model_copy / "model.txt").read_text()
    (model_copy / "model.txt").write_text(text[: len(text) // 2])
    clock = _Clock()
    monkeypatch.setattr(registry, "time", clock, raising=False)
    checks = _failing_checks(monkeypatch, model_copy, _no_fork, times=0)
    for _ in range(3):
        assert isinstance(registry.load(model_copy), ColdStartModel)
        clock.now += registry.RETRY_MAX_SECONDS
    registry._cache.clear()
    with pytest.raises(ModelError, match="not a usable LightGBM text model"):
        RiskModel.load(model_copy)
    assert len(checks) == 1


def _break_first_threshold(text: str) -> str:
    return re.sub(r"^threshold=", "threshold=abc ", text, count=1, flags=re.M)


@pytest.mark.parametrize("damage, says", [
    # The parser logs its fatal message, then (LightGBM 4.x) the C++ runtime aborts with words of its own.
    (_break_first_threshold, r"(crashed \(SIGABRT\)|failed \(exit \d+\)): Model format error"),
    # Cut inside the trees: the parser may crash without a word; the missing end line says why.
    (lambda text: text[: text.index("Tree=1")] + "Tree=1\nnum_leaves=4\n", r"no 'end of trees' line \(cut short\?\)"),
])
def test_a_model_file_the_parser_crashes_on_is_refused_with_the_parsers_reason(model_copy, damage, says):
    path = model_copy / "model.txt"
    path.write_text(damage(path.read_text()))
    with pytest.raises(ModelError, match="not a usable LightGBM text model") as refused:
        RiskModel.load(model_copy)
    message = str(refused.value)
    assert re.search(says, message), message
    assert "terminate called" not in message


def test_a_model_file_whose_features_are_not_its_metadatas_is_refused(tmp_path: Path) -> None:
    # metadata.json passes the schema check; the model.txt beside it (copied over another version's) names the same
    # number of features in another order, and scored live traffic with two of them swapped.
    damaged = tmp_path / "mixed"
    shutil.copytree(registry.DEFAULT_DIR, damaged)
    lines = (damaged / predict.MODEL_FILE).read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("feature_names="))
    names = lines[at].removeprefix("feature_names=").split(" ")
    assert names == list(FEATURE_NAMES)
    names[0], names[1] = names[1], names[0]
    lines[at] = "feature_names=" + " ".join(names)
    (damaged / predict.MODEL_FILE).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ModelError, match="trained on other features than metadata.json lists"):
        RiskModel.load(damaged)
    assert isinstance(registry.load(damaged), ColdStartModel)
