"""Audit of the SIGNUPGUARD settings and their system checks: whatever a host writes, ``check`` reports it
rather than raising, and scoring goes on with the value's default rather than failing every attempt."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from signupguard.capture import DEVICE_FIELD
from signupguard.collector import fill_ms_from, sign_render_time
from signupguard.enrichment.network import NetworkClassifier
from signupguard.gate import account_status
from signupguard.models import Attempt
from signupguard.recording import record_signup
from signupguard.retroactive import verdict

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}


def _messages(**conf: Any) -> list[Any]:
    with override_settings(SIGNUPGUARD={**MEMORY, **conf}):
        return run_checks(tags=["signupguard"])


def _ids(**conf: Any) -> set[str]:
    return {m.id for m in _messages(**conf)}


def _signup(make_user: Any, signup_request: Any, captured: Any) -> Any:
    user = make_user()
    with captured(execute=True):
        record_signup(signup_request("81.2.69.160", data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-a"})}), user)
    return user


# --- manage.py check raised instead of reporting ----------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "expected"), [
    ("ADAPTER", None, "signupguard.E041"),  # AttributeError: 'NoneType' object has no attribute 'rsplit'
    ("TRUSTED_PROXIES", 5, "signupguard.E040"),  # TypeError: 'int' object is not iterable
    ("DENY_ASNS", 64500.0, "signupguard.E031"),  # TypeError: 'float' object is not iterable
    ("MODEL_DIR", 5, "signupguard.E037"),  # TypeError: expected str, bytes or os.PathLike object, not int
])
def test_check_reports_a_value_of_the_wrong_type_instead_of_raising(key: str, value: Any, expected: str) -> None:
    assert expected in _ids(**{key: value})


# --- a typo'd key, or a SIGNUPGUARD that is no dict, was silently ignored ---------------------------------

def test_a_typo_in_a_key_is_a_warning_naming_the_setting_meant() -> None:
    # The host meant DENY_IP_RANGES: nothing was deny-listed, and nothing said so.
    warnings = [m for m in _messages(DENY_IP_RANGE=["203.0.113.0/24"]) if m.id == "signupguard.W003"]
    assert len(warnings) == 1 and "'DENY_IP_RANGE'" in warnings[0].msg and "DENY_IP_RANGES" in warnings[0].hint
    assert "signupguard.W003" not in _ids(DENY_IP_RANGES=["203.0.113.0/24"])


def test_a_signupguard_setting_that_is_no_dict_is_an_error() -> None:
    with override_settings(SIGNUPGUARD=[("FAIL_MODE", "open")]):
        assert "signupguard.E004" in {m.id for m in run_checks(tags=["signupguard"])}


# --- count, share and seconds settings: unchecked, and raising (or silently failing) at run time ----------

@pytest.mark.parametrize("key", ["LOGIN_MAX_ACCOUNTS_PER_DEVICE", "LOGIN_MAX_ACCOUNTS_PER_IP",
                                 "LOGIN_MAX_FAILED_PER_ACCOUNT", "CLUSTER_BLOCK_MIN", "CLUSTER_REVIEW_SHARE",
                                 "CLUSTER_BLOCK_SHARE"])
def test_a_count_or_share_that_is_no_number_is_e038(key: str) -> None:
    assert "signupguard.E038" in _ids(**{key: "20"})
    assert "signupguard.E038" in _ids(**{key: float("nan")})
    assert "signupguard.E038" not in _ids(**{key: 3})


def test_login_limits_accept_none_and_cluster_settings_do_not() -> None:
    assert "signupguard.E038" not in _ids(LOGIN_MAX_ACCOUNTS_PER_IP=None)
    assert "signupguard.E038" in _ids(CLUSTER_BLOCK_MIN=None)


@pytest.mark.parametrize("key", ["LINK_IDLE", "LINK_MAX_DELAY", "FORM_TIMESTAMP_MAX_AGE"])
def test_seconds_settings_that_are_no_number_are_e043(key: str) -> None:
    assert "signupguard.E043" in _ids(**{key: "fast"})
    assert "signupguard.E043" in _ids(**{key: float("inf")})
    assert "signupguard.E043" not in _ids(**{key: 5})


@pytest.mark.django_db
@pytest.mark.urls("tests.urls_integration")
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_login_limit_written_as_text_does_not_fail_every_login(
    client: Any, make_user: Any, signup_request: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    # LOGIN_MAX_ACCOUNTS_PER_IP = os.environ.get(...): every login's scoring raised TypeError and FAIL_MODE
    # ("closed") put every account that logged in into review.
    with override_settings(SIGNUPGUARD={**MEMORY, "ALLOW_IP_RANGES": ["0.0.0.0/0"], "LOGIN_MAX_ACCOUNTS_PER_IP": "20"}):
        user = _signup(make_user, signup_request, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/login/", {"username": user.get_username(), "password": "pw-123-secret"}, REMOTE_ADDR="81.2.69.160")
    login = Attempt.objects.get(user=user, kind="login")
    assert (login.state, login.error) == ("scored", "")
    assert account_status(user) == "cleared"


def test_cluster_settings_that_are_no_number_do_not_stop_the_retroactive_action() -> None:
    with override_settings(SIGNUPGUARD={"CLUSTER_BLOCK_MIN": "three", "CLUSTER_BLOCK_SHARE": "half",
                                        "CLUSTER_REVIEW_SHARE": None}):
        # The defaults (3, 0.5, 0.2) decide: three blocked accounts on a shared device block.
        assert verdict(own=0.1, share=0.6, strong=True, review_at=0.5, block_at=0.9, blocked=3) == "blocked"
        assert verdict(own=0.1, share=0.25, strong=False, review_at=0.5, block_at=0.9, blocked=0) == "review"


def test_a_form_max_age_written_as_text_keeps_the_fill_time() -> None:
    # unsign(max_age="86400") raised TypeError, read as a forged token: every signup lost its fill time.
    now = time.time()
    with override_settings(SIGNUPGUARD={"FORM_TIMESTAMP_MAX_AGE": "86400"}):
        assert fill_ms_from(sign_render_time(now - 3.5), now=now) == 3500


# --- switches: bool("False") is True ---------------------------------------------------------------------

def test_a_switch_that_is_not_true_or_false_is_e039() -> None:
    assert "signupguard.E039" in _ids(BLOCKED_CAN_LOGIN="False")
    assert "signupguard.E039" not in _ids(BLOCKED_CAN_LOGIN=False, MASK_PERSONAL_DATA=True)


@pytest.mark.django_db
def test_blocked_can_login_written_as_text_does_not_let_blocked_accounts_in(make_user: Any) -> None:
    from signupguard.adapter import get_adapter

    with override_settings(SIGNUPGUARD={"BLOCKED_CAN_LOGIN": "False"}):
        assert get_adapter().can_login_when_blocked(make_user()) is False


# --- list settings: a lone value ---------------------------------------------------------------------------

def test_extra_asns_check_and_a_lone_asn_is_one_entry() -> None:
    assert "signupguard.E031" in _ids(EXTRA_HOSTING_ASNS=13335)
    assert "signupguard.E031" in _ids(EXTRA_VPN_ASNS=["AS-NOPE"])
    assert "signupguard.E031" not in _ids(EXTRA_HOSTING_ASNS=[13335, "AS13336"])
    # "AS13335" was read character by character: ASNs 1, 3 and 5 became hosting networks.
    with override_settings(SIGNUPGUARD={"EXTRA_HOSTING_ASNS": "AS13335"}):
        assert NetworkClassifier.from_settings().hosting_asns == NetworkClassifier(extra_hosting_asns=[13335]).hosting_asns


# --- settings of the wrong type failed every scoring task (or the signup itself) ---------------------------

@pytest.mark.django_db
@pytest.mark.urls("tests.urls_integration")
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
@pytest.mark.parametrize(("key", "value"), [
    ("EXTRA_HOSTING_ASNS", 13335),  # TypeError: 'int' object is not iterable, in every scoring task
    ("MODEL_DIR", 5),  # TypeError from Path(5)
    ("GEOIP_ASN", 5),  # TypeError from os.fspath(5)
    ("DENY_ASNS", 64500.0),
    ("DENY_IP_RANGES", [["203.0.113.0/24"]]),  # unhashable entry in the rules' cache key
    ("TRUSTED_PROXIES", 5),  # raised out of record_signup: the signup itself failed
])
def test_a_setting_of_the_wrong_type_does_not_fail_the_signup_or_its_scoring(
    key: str, value: Any, make_user: Any, signup_request: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    with override_settings(SIGNUPGUARD={**MEMORY, key: value}):
        user = _signup(make_user, signup_request, django_capture_on_commit_callbacks)
    attempt = Attempt.objects.get(user=user)
    assert (attempt.state, attempt.error) == ("scored", "")
