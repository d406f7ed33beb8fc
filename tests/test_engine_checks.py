import json
import shutil

import pytest

from django.core.checks import run_checks
from django.test import override_settings

from signupguard.model.predict import MODEL_FILE
from signupguard.model.registry import DEFAULT_DIR


def ids(**conf):
    with override_settings(SIGNUPGUARD=conf):
        return {m.id for m in run_checks(tags=["signupguard"])}


def test_a_good_configuration_has_no_engine_errors():
    found = ids(VELOCITY_BACKEND="signupguard.velocity.memory.MemoryVelocityStore")
    assert not found & {"signupguard.E010", "signupguard.W020", "signupguard.W021", "signupguard.E030", "signupguard.E031"}


def test_bad_velocity_backend():
    assert "signupguard.E010" in ids(VELOCITY_BACKEND="signupguard.velocity.nope.Store")


def test_bad_thresholds_and_lists():
    assert "signupguard.E030" in ids(REVIEW_THRESHOLD=0.9, BLOCK_THRESHOLD=0.5)
    assert "signupguard.E030" in ids(REVIEW_THRESHOLD="high")
    assert "signupguard.E031" in ids(DENY_IP_RANGES=["10.0.0.0/33"])
    assert "signupguard.E031" in ids(ALLOW_ASNS=["AS-FOO"])


def test_legit_after_days_is_a_number_of_days_or_none():
    for good in (14, 0, 2.5, None):
        assert "signupguard.E033" not in ids(LEGIT_AFTER_DAYS=good)
    for bad in (-1, "14", True, float("nan")):
        assert "signupguard.E033" in ids(LEGIT_AFTER_DAYS=bad)


def test_restricted_countries_must_be_a_list_of_codes():
    assert "signupguard.E032" not in ids(RESTRICTED_COUNTRIES=["CN", "ru"])
    assert "signupguard.E032" not in ids(RESTRICTED_COUNTRIES=[])
    assert "signupguard.E032" in ids(RESTRICTED_COUNTRIES="CN,RU")
    assert "signupguard.E032" in ids(RESTRICTED_COUNTRIES=["China"])
    assert "signupguard.E032" in ids(RESTRICTED_COUNTRIES=["CN", 7])


def test_unusable_active_model_is_a_warning_not_a_crash(tmp_path):
    registry = tmp_path / "registry"
    broken = registry / "versions" / "broken"
    shutil.copytree(DEFAULT_DIR, broken)
    (broken / "model.txt").write_text("not a model")
    (registry / "ACTIVE").write_text("broken\n")
    found = ids(MODEL_DIR=str(registry))
    # The shipped model stands in for it; the cold start would be W020.
    assert "signupguard.W021" in found and "signupguard.W020" not in found


def test_a_cold_start_is_w020(tmp_path, monkeypatch):
    from signupguard.model import registry as models

    broken = tmp_path / "default"
    shutil.copytree(DEFAULT_DIR, broken)
    (broken / "model.txt").write_text("not a model")
    monkeypatch.setattr(models, "DEFAULT_DIR", broken)  # as if the shipped directory were damaged
    assert "signupguard.W020" in ids()


def test_a_backend_that_cannot_be_built_is_e010(monkeypatch):
    # As after `pip install django-signupguard` without the [redis] extra: the
    # class imports, building it does not; every scoring task would fail.
    import sys

    monkeypatch.setitem(sys.modules, "redis", None)
    found = ids(VELOCITY_BACKEND="signupguard.velocity.redis.RedisVelocityStore",
                VELOCITY_OPTIONS={"url": "redis://127.0.0.1:6379/2"})
    assert "signupguard.E010" in found
    assert "signupguard.E010" in ids(VELOCITY_BACKEND="signupguard.velocity.memory.MemoryVelocityStore",
                                     VELOCITY_OPTIONS={"uri": "redis://typo"})


@pytest.mark.parametrize("damage", ["pointer", "model"])
def test_a_shadow_model_that_cannot_be_loaded_is_reported(tmp_path, damage):
    # Shadow scoring stops (every attempt stored without its challenger's score): the check says why.
    root = tmp_path / "registry"
    version = json.loads((DEFAULT_DIR / "metadata.json").read_text())["version"]
    shutil.copytree(DEFAULT_DIR, root / "versions" / version)
    if damage == "pointer":  # PowerShell's `>` writes UTF-16
        (root / "SHADOW").write_bytes((version + "\r\n").encode("utf-16"))
    else:
        (root / "SHADOW").write_text(version + "\n")
        (root / "versions" / version / MODEL_FILE).write_text("tree\nnot a model\n")
    assert "signupguard.W022" in ids(MODEL_DIR=str(root))
    usable = tmp_path / "usable"
    shutil.copytree(DEFAULT_DIR, usable / "versions" / version)
    (usable / "SHADOW").write_text(version + "\n")
    assert "signupguard.W022" not in ids(MODEL_DIR=str(usable))
