"""Retention of attempts (ATTEMPT_RETENTION_DAYS), on the real database."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from signupguard.context import parse_event
from signupguard.models import AccountStatus, Attempt, Label, StatusChange
from signupguard.retention import delete_expired_attempts
from signupguard.tasks import prune_attempts
from tests.plugins.events import make_event

pytestmark = pytest.mark.django_db
NOW = timezone.now()


@pytest.fixture
def attempts(django_user_model):
    """Name -> attempt: old and new, scored and not, of accounts in every status."""

    def attempt(name, *, days_ago, state="scored", status=None):
        event = parse_event(make_event(len(made)))
        user = None
        if status is not None:
            user = django_user_model.objects.create_user(username=name)
        row = Attempt.objects.create(
            event_id=f"r-{name}", kind=event.kind, occurred_at=NOW - dt.timedelta(days=days_ago), user=user,
            raw=event.to_dict(), state=state, decision="allow" if state == "scored" else None,
            created_at=NOW - dt.timedelta(days=days_ago),
        )
        if user is not None:
            account = AccountStatus.objects.create(user=user, status=status, attempt=row)
            StatusChange.objects.create(account=account, to_status=status, source="model", attempt=row)
        made[name] = row
        return row

    made: dict[str, Attempt] = {}
    attempt("old_cleared", days_ago=40, status="cleared")
    attempt("old_blocked", days_ago=40, status="blocked")
    attempt("old_anonymous", days_ago=40)  # a login of an address nobody has an account for
    attempt("old_failed", days_ago=40, state="failed")
    attempt("old_in_review", days_ago=40, status="review")  # a reviewer still needs it
    attempt("old_account_pending", days_ago=40, status="pending")
    attempt("old_not_scored", days_ago=40, state="pending")  # the sweep still owes it a verdict
    attempt("old_being_scored", days_ago=40, state="scoring")
    attempt("recent", days_ago=10, status="cleared")
    Label.objects.create(attempt=made["old_blocked"], label="fraud", source="reviewer")
    Label.objects.create(attempt=made["recent"], label="legit", source="reviewer")
    return made


EXPIRED = {"old_cleared", "old_blocked", "old_anonymous", "old_failed"}


def left(attempts) -> set[str]:
    return {name for name, row in attempts.items() if Attempt.objects.filter(pk=row.pk).exists()}


def test_old_decided_attempts_go_with_their_labels_and_the_rest_stay(attempts):
    assert delete_expired_attempts(30, now=NOW, batch=3) == len(EXPIRED)  # two batches
    assert left(attempts) == set(attempts) - EXPIRED
    assert list(Label.objects.values_list("attempt__event_id", flat=True)) == ["r-recent"]
    # Accounts and their history stay; they just no longer point at the deleted attempt.
    blocked = AccountStatus.objects.get(user__username="old_blocked")
    assert blocked.status == "blocked" and blocked.attempt is None
    assert StatusChange.objects.get(account=blocked).attempt is None
    assert delete_expired_attempts(30, now=NOW) == 0


def test_a_longer_retention_keeps_more(attempts):
    assert delete_expired_attempts(41, now=NOW) == 0
    assert delete_expired_attempts(5, now=NOW) == len(EXPIRED) + 1  # "recent" is ten days old
    assert left(attempts) == set(attempts) - EXPIRED - {"recent"}


def test_a_retention_longer_than_the_calendar_keeps_everything(attempts):
    for days in (float("inf"), 1e9, 10**6):
        assert delete_expired_attempts(days, now=NOW) == 0
    call_command("signupguard_prune", "--attempts-older-than", "inf", stdout=io.StringIO())
    assert left(attempts) == set(attempts)


def test_a_retention_of_nothing_is_refused(attempts):
    for days in (0, -5):
        with pytest.raises(ValueError, match="would delete every attempt"):
            delete_expired_attempts(days)
    assert left(attempts) == set(attempts)


def test_the_command_and_the_task_follow_the_setting(attempts, settings):
    out = io.StringIO()
    call_command("signupguard_prune", stdout=out)
    assert "attempts: kept (ATTEMPT_RETENTION_DAYS is not set)" in out.getvalue()
    assert prune_attempts() == 0 and left(attempts) == set(attempts)
    with override_settings(SIGNUPGUARD={**settings.SIGNUPGUARD, "ATTEMPT_RETENTION_DAYS": 30}):
        assert prune_attempts.apply().get() == len(EXPIRED)
    assert left(attempts) == set(attempts) - EXPIRED
    out = io.StringIO()
    call_command("signupguard_prune", "--attempts-older-than", "7", stdout=out)
    assert "attempts: deleted 1 older than 7 days" in out.getvalue()
    assert "recent" not in left(attempts)


def test_the_command_refuses_a_retention_that_is_not_a_number_of_days(attempts):
    for bad in ("0", "-3", "week", "nan"):
        with pytest.raises(CommandError, match="not a positive number of days"):
            call_command("signupguard_prune", "--attempts-older-than", bad, stdout=io.StringIO())
    assert left(attempts) == set(attempts)


def test_the_system_check_names_a_bad_retention():
    from django.core.checks import run_checks

    def ids(value):
        with override_settings(SIGNUPGUARD={"ATTEMPT_RETENTION_DAYS": value}):
            return {m.id for m in run_checks(tags=["signupguard"])}

    for good in (None, 30, 0.5):
        assert "signupguard.E034" not in ids(good)
    for bad in (0, -1, "30", True, float("nan")):
        assert "signupguard.E034" in ids(bad)


@pytest.mark.parametrize("bad", ["365", 0, -1, True, float("nan")])
def test_a_retention_setting_that_is_no_number_of_days_deletes_nothing_and_says_so(attempts, settings, caplog, bad):
    # "365" from an environment variable is check's E034; meanwhile the daily task raised a TypeError in the
    # worker's log (0 a ValueError) and the command a traceback. Nothing is deleted on a guess of what was meant.
    with override_settings(SIGNUPGUARD={**settings.SIGNUPGUARD, "ATTEMPT_RETENTION_DAYS": bad}):
        assert prune_attempts.apply().get() == 0
        with pytest.raises(CommandError, match="ATTEMPT_RETENTION_DAYS.*not a positive number of days"):
            call_command("signupguard_prune", stdout=io.StringIO())
    assert left(attempts) == set(attempts)
    assert any("signupguard.E034" in record.getMessage() for record in caplog.records if record.levelname == "ERROR")


def test_the_cron_commands_are_silent_at_verbosity_0_but_still_work(attempts, settings):
    # Cron mails whatever a job prints: -v 0 (Django's "no output") leaves only errors, and the work is done.
    out = io.StringIO()
    with override_settings(SIGNUPGUARD={**settings.SIGNUPGUARD, "ATTEMPT_RETENTION_DAYS": 30}):
        call_command("signupguard_prune", verbosity=0, stdout=out)
        call_command("signupguard_sweep", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert left(attempts) == set(attempts) - EXPIRED
