"""System checks of the live integration settings (signupguard.E040-E043, W040)."""

from __future__ import annotations

from django.test import override_settings

from signupguard.checks import check_live_integration


def _ids(**conf) -> list[str]:
    with override_settings(SIGNUPGUARD=conf):
        return [m.id for m in check_live_integration()]


def test_defaults_are_clean() -> None:
    assert _ids() == []


def test_bad_settings_are_reported() -> None:
    assert _ids(TRUSTED_PROXIES="10.0.0.0/8, nonsense") == ["signupguard.E040"]
    assert _ids(ADAPTER="nowhere.Adapter") == ["signupguard.E041"]
    assert _ids(ADAPTER="django.contrib.auth.models.User") == ["signupguard.E041"]
    assert _ids(FAIL_MODE="sideways") == ["signupguard.E042"]
    assert _ids(SYNC_WAIT="0.3", SWEEP_AFTER_SECONDS=-1) == ["signupguard.E043", "signupguard.E043"]


def test_missing_middleware_is_a_warning(settings) -> None:
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "signupguard" not in m]
    assert _ids() == ["signupguard.W040"]
