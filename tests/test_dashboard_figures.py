"""The dashboard's figures in other time zones and after accounts are deleted (found in an audit, session 21)."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client, override_settings

from signupguard.dashboard import signups_per_hour
from signupguard.models import AccountStatus, Attempt
from signupguard.outcomes import held_outcomes

pytestmark = pytest.mark.django_db
UTC = dt.timezone.utc
NOW = dt.datetime(2026, 10, 25, 12, 10, tzinfo=UTC)  # Europe's DST ended this night (01:00 UTC)
_n = itertools.count()


def signup(at: dt.datetime, decision: str = "allow", status: str | None = "cleared") -> Attempt:
    i = next(_n)
    user = get_user_model().objects.create(username=f"u{i}")
    attempt = Attempt.objects.create(event_id=f"e{i}", kind="signup", occurred_at=at, created_at=at, user=user,
                                     decision=decision, state="scored", score=0.5)
    if status:
        AccountStatus.objects.create(user=user, status=status, source="model", attempt=attempt)
    return attempt


def total(series: dict[str, list[int]]) -> int:
    return sum(sum(v) for v in series.values())


# ---- 1. signups per hour ------------------------------------------------------------------

@override_settings(TIME_ZONE="Asia/Kolkata")  # UTC+05:30 (India; also Newfoundland, South Australia, Iran ...)
def test_a_half_hour_zone_counts_every_signup_of_the_window() -> None:
    labels, series = signups_per_hour(now=NOW)
    start = dt.datetime(2026, 10, 23, 13, 0, tzinfo=UTC)  # the window: [13:00 UTC two days ago, 13:00 UTC today)
    signup(start + dt.timedelta(minutes=10))  # inside the 48 h window
    signup(start + dt.timedelta(hours=5))
    labels, series = signups_per_hour(now=NOW)
    in_window = Attempt.objects.filter(created_at__gte=start, created_at__lt=start + dt.timedelta(hours=48)).count()
    assert total(series) == in_window == 2


@override_settings(TIME_ZONE="Europe/Berlin")
def test_columns_are_named_in_local_time_and_the_repeated_dst_hour_gets_two() -> None:
    signup(dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST (first 02:30 local)
    signup(dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 CET  (second 02:30 local)
    signup(dt.datetime(2026, 10, 25, 9, 15, tzinfo=UTC))  # 10:15 local: the admin lists it at 10:15
    labels, series = signups_per_hour(now=NOW)
    shown = {(i, labels[i]): n for i, n in enumerate(series["allow"]) if n}
    # Expected: three signups in three different hours, columns named in the admin's time zone (as every
    # other time in the console): {'02:00': 1, '02:00'(second): 1, '10:00': 1} or at least c under '10:00'.
    assert sum(shown.values()) == 3
    assert len(shown) == 3, "two different hours counted in one column"
    assert "10:00" in [label for _, label in shown], "a signup made at 10:15 local time is drawn under another hour's label"


# ---- 2. outcomes: accounts deleted by the host ----------------------------------------------

def test_deleted_accounts_count_neither_as_awaiting_review_nor_as_legitimate() -> None:
    reviewer = get_user_model().objects.create_user("rev", password="pw", is_staff=True)
    reviewer.user_permissions.set(Permission.objects.filter(content_type__app_label="signupguard"))
    now = dt.datetime.now(UTC)
    for _ in range(20):
        signup(now - dt.timedelta(days=2), "allow", "cleared")
    held = [signup(now - dt.timedelta(days=1), "review", "review") for _ in range(3)]
    blocked = [signup(now - dt.timedelta(days=1), "block", "blocked") for _ in range(3)]
    retro = [signup(now - dt.timedelta(days=1), "allow", "blocked") for _ in range(5)]  # the retroactive action's
    before = held_outcomes(metadata={})
    # The host deletes the spam accounts (blocked ones) and unverified held ones (allauth clean-up jobs, admin delete).
    get_user_model().objects.filter(pk__in=[a.user_id for a in held + blocked + retro]).delete()
    after = held_outcomes(metadata={})
    client = Client()
    client.force_login(reviewer)
    queue = client.get("/admin/signupguard/attempt/").context["cl"].result_count
    assert after.awaiting == queue, "the card says signups await review that no queue can show"
    legit_allowed = (before.allowed - before.allowed_fraud, after.allowed - after.allowed_fraud)
    assert legit_allowed[1] == legit_allowed[0], f"blocked-then-deleted allowed signups now count as legitimate: {legit_allowed}"
