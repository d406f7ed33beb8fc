"""signupguard_health and the dashboard say when verdicts stop being reached (no worker, no beat, failing scoring)."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import Attempt
from signupguard.recording import record_signup
from signupguard.scoring import fail
from signupguard.tasks import sweep_pending

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager", "fresh_engine")]
ALLOW_ALL = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore",
             "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"]}


def _health(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("signupguard_health", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code)
    return code, out.getvalue(), err.getvalue()


def _unscored_signup(signup_request, make_user, django_capture_on_commit_callbacks, *, minutes_ago: float) -> Attempt:
    """A signup whose scoring task never ran (no worker took it), made ``minutes_ago``."""
    user = make_user()
    with override_settings(SIGNUPGUARD=ALLOW_ALL), django_capture_on_commit_callbacks(execute=False):
        attempt = record_signup(signup_request(data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-1"})}), user)
    Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    return attempt


def test_healthy_when_every_verdict_is_reached(signup_request, make_user, django_capture_on_commit_callbacks) -> None:
    _unscored_signup(signup_request, make_user, django_capture_on_commit_callbacks, minutes_ago=1)  # on its way
    code, out, err = _health()
    assert (code, err) == (0, "")
    assert out.startswith("1 attempt(s) waiting for a verdict, the oldest for 6") and "0 of the last 3600 s failed scoring" in out


def test_attempts_waiting_past_the_limit_fail_the_check_until_the_sweep_scores_them(
        signup_request, make_user, django_capture_on_commit_callbacks) -> None:
    old = _unscored_signup(signup_request, make_user, django_capture_on_commit_callbacks, minutes_ago=20)
    _unscored_signup(signup_request, make_user, django_capture_on_commit_callbacks, minutes_ago=1)
    code, _, err = _health()
    assert code == 1
    assert "problem: 1 attempt(s) waited more than 300 s for a verdict (the oldest 20 min)" in err
    assert "are the Celery workers and beat running?" in err
    assert _health("--max-wait", "1800")[0] == 0  # a portal that tolerates longer waits
    figures = json.loads(_health("--json")[1])
    assert (figures["ok"], figures["waiting"], figures["overdue"]) == (False, 2, 1)
    with override_settings(SIGNUPGUARD={**ALLOW_ALL, "SWEEP_AFTER_SECONDS": 0}):
        assert sweep_pending() == 2  # a worker and beat again
    assert account_status(old.user) == "cleared"
    assert _health()[0] == 0


def test_failed_scoring_fails_the_check_with_its_error(signup_request, make_user,
                                                       django_capture_on_commit_callbacks) -> None:
    attempt = _unscored_signup(signup_request, make_user, django_capture_on_commit_callbacks, minutes_ago=2)
    fail(attempt.pk, "ModelError: the model file is truncated")
    assert account_status(attempt.user) == "review"  # FAIL_MODE closed
    code, _, err = _health()
    assert code == 1
    assert "1 attempt(s) of the last 60 min failed scoring" in err and "the model file is truncated" in err
    assert _health("--failed-window", "60")[0] == 0  # it failed two minutes ago: outside a minute's window


@pytest.mark.parametrize("option", ["--max-wait", "--failed-window"])
@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf"])
def test_unusable_options_are_refused(option: str, value: str) -> None:
    with pytest.raises(CommandError, match=f"{option} must be a number of seconds") as caught:
        call_command("signupguard_health", option, value)
    assert caught.value.returncode == 2


def test_the_dashboard_shows_what_the_check_finds(signup_request, make_user, django_capture_on_commit_callbacks,
                                                  reviewer) -> None:
    client = Client()
    client.force_login(reviewer)
    page = client.get("/admin/signupguard/dashboard/").content.decode()
    # The reviewer's own login (force_login) is an attempt too, its task not run here: young, so no problem.
    assert "Verdicts are not being reached" not in page and "1 waiting for a verdict" in page
    _unscored_signup(signup_request, make_user, django_capture_on_commit_callbacks, minutes_ago=30)
    page = client.get("/admin/signupguard/dashboard/").content.decode()
    assert "Verdicts are not being reached" in page and "2 waiting for a verdict" in page
    assert "1 attempt(s) waited more than 300 s for a verdict (the oldest 30 min)" in page
