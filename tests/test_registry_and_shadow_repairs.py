"""Repairs from audit h: a half-copied version, a hold-out of another run, a shadow report blind to the rules."""

import io
import json
import math
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from signupguard.context import parse_event
from signupguard.features import FEATURE_NAMES
from signupguard.model import ModelError, registry
from signupguard.models import Attempt, Label
from signupguard.policy import HONEYPOT, RULE_FEATURE
from signupguard.status import set_status
from tests.plugins.console import ALLOW_ALL, DENY_ALL, MEMORY
from tests.plugins.events import make_event
from tests.plugins.small_models import save_small_model

HOLDOUT_ROWS = 200


def _save(out: Path, seed: int, *, test_rows: int) -> str:
    """A small real model in ``out`` whose training recorded a hold-out of ``test_rows`` rows; its version."""
    return save_small_model(out, seed, test_rows=test_rows, prefix="rep")


def _holdout(out: Path, seed: int, rows: int) -> None:
    rng = np.random.default_rng(seed + 100)
    X = rng.random((rows, len(FEATURE_NAMES)))
    np.savez(out / registry.HOLDOUT_FILE, X=X, y=(X[:, 0] > 0.7).astype(int))


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("model") / "m"
    _save(out, 0, test_rows=HOLDOUT_ROWS)
    _holdout(out, 0, HOLDOUT_ROWS)
    return out


@pytest.fixture
def candidate(trained, tmp_path) -> Path:
    return Path(shutil.copytree(trained, tmp_path / "candidate"))


def _version(directory: Path) -> str:
    return json.loads((directory / "metadata.json").read_text())["version"]


def _registry(root: Path):
    return override_settings(SIGNUPGUARD={"MODEL_DIR": str(root)})


def _same_files(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


# --- bug A: a promote killed while copying into versions/<v> ------------------------------------

def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


# What a kill mid-copy (shutil.copytree, one file after another) leaves: some files whole, one cut short, the rest absent.
KILLED_COPIES = {
    "before metadata.json": (["model.txt"], None),
    "in model.txt": (["metadata.json", "model.txt"], "model.txt"),
    "in holdout.npz": (["metadata.json", "model.txt", "holdout.npz"], "holdout.npz"),
    "before holdout.npz": (["metadata.json", "model.txt"], None),
}


@pytest.mark.parametrize("copied, cut", KILLED_COPIES.values(), ids=KILLED_COPIES)
def test_a_version_a_killed_copy_left_half_copied_is_replaced_and_promoted(tmp_path, candidate, copied, cut):
    root = tmp_path / "registry"
    target = root / "versions" / _version(candidate)
    target.mkdir(parents=True)
    for name in copied:
        shutil.copy2(candidate / name, target / name)
    if cut:
        _cut(target / cut)
    with _registry(root):
        stdout = io.StringIO()
        call_command("signupguard_promote", str(candidate), stdout=stdout)  # was: "... metadata.json does not exist"
        assert f"promoted {target.name}: holds" in stdout.getvalue()
        assert registry.active_dir() == target and registry.load_active().version == target.name
        assert _same_files(candidate, target)
        assert os.listdir(root / "versions") == [target.name]  # neither the copy's staging nor the broken one left
        assert registry.promote(candidate).promoted  # and the whole copy is kept from now on


def test_a_whole_version_already_registered_is_kept(tmp_path, candidate):
    with _registry(tmp_path / "registry"):
        target = registry.register(candidate)
        before = (target / "metadata.json").stat().st_ino
        assert registry.register(candidate) == target
        assert (target / "metadata.json").stat().st_ino == before


class _Killed(BaseException):
    """SIGKILL, as far as the copy can tell: nothing after it runs."""


def test_a_copy_killed_midway_leaves_no_version_behind(tmp_path, candidate, monkeypatch):
    root = tmp_path / "registry"
    real_copytree, copied = shutil.copytree, []

    def copy_then_die(src, dst, **kwargs):
        if copied:
            raise _Killed()
        copied.append(dst)
        return shutil.copy2(src, dst)

    def killed_copytree(src, dst, **kwargs):
        return real_copytree(src, dst, copy_function=copy_then_die)

    with _registry(root):
        monkeypatch.setattr(shutil, "copytree", killed_copytree)
        monkeypatch.setattr(shutil, "rmtree", lambda *a, **k: None)  # a kill cleans nothing up
        with pytest.raises(_Killed):
            registry.promote(candidate)
        monkeypatch.undo()
        target = root / "versions" / _version(candidate)
        assert len(copied) == 1 and not target.exists()  # the one file went to a hidden staging directory
        assert registry.versions() == [] and registry.active_dir() == registry.DEFAULT_DIR
        out = io.StringIO()
        call_command("signupguard_promote", "--list", stdout=out)
        assert ".partial" not in out.getvalue()
        assert registry.promote(candidate).promoted and _same_files(candidate, target)


def test_a_concurrent_promote_that_copied_the_same_version_first_leaves_one_whole_copy(tmp_path, candidate, monkeypatch):
    root = tmp_path / "registry"
    target = root / "versions" / _version(candidate)
    real_copytree = shutil.copytree

    def racing_copytree(src, dst, **kwargs):
        done = real_copytree(src, dst, **kwargs)
        if not target.exists():
            real_copytree(src, target)  # the other promote finished while this one copied
        return done

    monkeypatch.setattr(shutil, "copytree", racing_copytree)
    with _registry(root):
        assert registry.register(candidate) == target
    assert _same_files(candidate, target) and os.listdir(root / "versions") == [target.name]


def test_a_staging_directory_is_never_listed_offered_or_pointed_at(tmp_path, candidate):
    root = tmp_path / "registry"
    staging = f".{_version(candidate)}.partial-0a1b2c3d"
    shutil.copytree(candidate, root / "versions" / staging)  # a copy killed before its rename: whole, yet no version
    with _registry(root):
        assert registry.versions() == []
        out = io.StringIO()
        call_command("signupguard_promote", "--list", stdout=out)
        assert staging not in out.getvalue()
        with pytest.raises(ModelError, match="unknown version"):
            registry.set_shadow(staging)
        (root / "SHADOW").write_text(staging + "\n")
        (root / "ACTIVE").write_text(staging + "\n")
        assert "copy in progress" in registry.pointer_problem("SHADOW")
        assert registry.load_shadow() is None
        assert registry.load_active().version == registry.load(registry.DEFAULT_DIR).version


# --- bug B: a hold-out an earlier run left beside the model -------------------------------------

def test_a_hold_out_left_by_an_earlier_run_into_the_same_directory_promotes_nothing(tmp_path):
    out = tmp_path / "weekly"
    _save(out, 1, test_rows=150)
    _holdout(out, 1, 150)  # week 1, with its hold-out
    version = _save(out, 2, test_rows=HOLDOUT_ROWS)  # week 2, --no-holdout: week 1's is still there
    with _registry(tmp_path / "registry"):
        outcome = registry.promote(out)
        assert not outcome.promoted
        assert "has 150 rows, its training measured 200: it belongs to another run" in outcome.message
        assert "--force" in outcome.message and registry.active_dir() == registry.DEFAULT_DIR
        stdout = io.StringIO()
        with pytest.raises(CommandError, match="not promoted"):
            call_command("signupguard_promote", str(out), stdout=stdout)
        assert "belongs to another run" in stdout.getvalue()
        forced = registry.promote(out, force=True)
        assert forced.promoted and "without comparing" in forced.message
        assert registry.active_dir().name == version


def test_a_hold_out_of_the_size_training_measured_is_compared(tmp_path, candidate):
    with _registry(tmp_path / "registry"):
        outcome = registry.promote(candidate)
    assert outcome.promoted and not math.isnan(outcome.candidate_recall)


def test_a_hold_out_cut_short_promotes_nothing_and_says_why(tmp_path, candidate):
    _cut(candidate / registry.HOLDOUT_FILE)  # training killed while it wrote the hold-out
    with _registry(tmp_path / "registry"):
        outcome = registry.promote(candidate)  # was: zipfile.BadZipFile out of the command
        assert not outcome.promoted and "no usable hold-out" in outcome.message and "damaged" in outcome.message
        assert registry.promote(candidate, force=True).promoted


# --- bug C: the shadow report and the rules live scoring applies to both models -----------------

@pytest.fixture
def twin_registry(tmp_path) -> Path:
    """A registry whose shadow is the shipped model under another name: it decides every attempt alike."""
    source = tmp_path / "twin"
    shutil.copytree(registry.DEFAULT_DIR, source)
    meta = json.loads((source / "metadata.json").read_text())
    meta["version"] = "twin-1"
    (source / "metadata.json").write_text(json.dumps(meta))
    root = tmp_path / "registry"
    with _registry(root):
        registry.register(source)
        registry.set_shadow("twin-1")
    return root


def _compare(root: Path, conf: dict):
    from signupguard.shadow import compare

    with override_settings(SIGNUPGUARD={**conf, "MODEL_DIR": str(root)}):
        return compare()


@pytest.mark.django_db
@pytest.mark.parametrize("rules", [DENY_ALL, ALLOW_ALL], ids=["deny-list", "allow-list"])
def test_a_challenger_identical_to_the_active_model_agrees_under_allow_and_deny_lists(twin_registry, scored_signup, rules):
    conf = {**rules, "MODEL_DIR": str(twin_registry)}
    # signups the model alone would allow (ordinary ones) and hold (a headless bot's)
    attempts = [scored_signup(conf=conf, email=f"ana{n}@gmail.com") for n in range(2)]
    attempts += [scored_signup(conf=conf, email=f"x{n}@mailinator.com", user_agent="HeadlessChrome/120 python-requests",
                               device={"fingerprint": "same-bot", "webdriver": True}) for n in range(3)]
    for a in attempts:
        Label.objects.create(attempt=a, label="fraud" if "mailinator" in a.email else "legit", source="reviewer")
    assert all(a.shadow_model_version == "twin-1" and a.shadow_score == a.score for a in attempts)
    result = _compare(twin_registry, rules)
    assert set(result.decisions) == {(a.decision, a.decision) for a in attempts}, result.decisions
    assert result.labelled["active"] == result.labelled["shadow"]


@pytest.mark.django_db
def test_a_challenger_identical_to_the_active_model_agrees_on_a_device_a_blocked_account_used(twin_registry, scored_signup):
    conf = {**MEMORY, "MODEL_DIR": str(twin_registry)}
    farm = scored_signup(conf=conf, device={"fingerprint": "fp-shared"})
    set_status(farm.user, "blocked", source="reviewer", reason="farm")
    linked = scored_signup(conf=conf, device={"fingerprint": "fp-shared"})
    assert linked.reasons[0]["feature"] == "linked_blocked_device" and linked.decision == "review"
    assert linked.score < registry.load(registry.DEFAULT_DIR).thresholds.review  # the model alone allows it
    result = _compare(twin_registry, MEMORY)
    assert result.decisions[("review", "allow")] == 0 and result.decisions[("review", "review")] >= 1, result.decisions


def _stored(n: int, *, decision: str, shadow_score: float, reasons: list) -> Attempt:
    event = parse_event(make_event(n))
    return Attempt.objects.create(
        event_id=event.event_id, kind="signup", occurred_at=event.occurred_at, raw=event.to_dict(),
        score=shadow_score, decision=decision, reasons=reasons, model_version="active",
        shadow_score=shadow_score, shadow_model_version="twin-1",
    )


def _reason(feature: str, text: str = "") -> dict:
    return {"feature": feature, "contribution": 0.0, "text": text or feature}


@pytest.mark.django_db
def test_the_shadow_report_applies_the_rules_live_scoring_applied(twin_registry):
    thresholds = registry.load(registry.DEFAULT_DIR).thresholds
    low, middle, high = 0.0, (thresholds.review + thresholds.block) / 2, 1.0
    cases = [
        # (stored decision, score of both, reasons) -> the challenger's decision
        ("block", low, [_reason(RULE_FEATURE, "AS64500 (Example) is deny-listed")], "block"),
        ("allow", high, [_reason(RULE_FEATURE, "address 10.0.0.1 is in an allow-listed range")], "allow"),
        ("review", high, [_reason("linked_blocked_device"), _reason(RULE_FEATURE, "email domain a.example is allow-listed")], "review"),
        ("review", low, [_reason(RULE_FEATURE, HONEYPOT)], "review"),
        ("block", high, [_reason(RULE_FEATURE, HONEYPOT)], "block"),
        ("review", low, [_reason("linked_blocked_device")], "review"),
        ("review", low, [_reason("login_failed_burst")], "review"),
        ("review", middle, [_reason("login_ip_accounts")], "review"),
        ("block", high, [_reason("login_device_accounts")], "block"),
        ("allow", low, [_reason("login_failed", "the login failed")], "allow"),  # a model feature, not a rule
        ("allow", low, [], "allow"),
    ]
    for n, (decision, score, reasons, _) in enumerate(cases):
        _stored(n, decision=decision, shadow_score=score, reasons=reasons)
    result = _compare(twin_registry, MEMORY)
    expected: dict = {}
    for decision, _, _, challenger in cases:
        expected[(decision, challenger)] = expected.get((decision, challenger), 0) + 1
    assert dict(result.decisions) == expected


def test_every_reason_the_account_rules_give_raises_the_challenger():
    from signupguard.scoring import login_rules
    from signupguard.shadow import ACCOUNT_RULES

    busy = {"distinct": {"device_accounts": [10**6, 10**6], "ip_accounts": [10**6]}, "failed": {"failed_account": [10**6, 10**6]}}
    found = {r["feature"] for r in login_rules(busy)}
    assert found == ACCOUNT_RULES - {"linked_blocked_device"}

