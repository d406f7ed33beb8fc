"""The blocked-device check (``scoring.linked_to_blocked``) on a crowded fingerprint.

A popular phone in one zone and language puts thousands of legitimate
accounts on one fingerprint and identity. Session 36 found PostgreSQL, in a
portal with many blocked accounts elsewhere, reading the whole attempts
table for every signup and login on such a device when no blocked account
used it (238 ms at 50,000 attempts on it, growing with the table). Past
``CROWDED_DEVICE`` attempts on the fingerprint the check now walks the
blocked accounts instead; the rules it applies are the same on both sides.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from signupguard.models import AccountStatus, Attempt, Label
from signupguard.scoring import CROWDED_DEVICE, linked_to_blocked

pytestmark = pytest.mark.django_db

FP = "fp-popular-phone"
HOME = f"{FP}|Europe/Madrid|es-ES"
START = timezone.now() - dt.timedelta(days=30)


def _accounts(prefix: str, n: int, status: str) -> list[Any]:
    users = get_user_model().objects.bulk_create([get_user_model()(username=f"{prefix}{i}") for i in range(n)])
    AccountStatus.objects.bulk_create([AccountStatus(user=user, status=status, source="system") for user in users])
    return users


def _attempts(users: list[Any], fingerprint: str, identity: str | None, at: dt.datetime, per_user: int = 1) -> None:
    device = {"identity": identity} if identity else {}
    Attempt.objects.bulk_create([
        Attempt(event_id=f"{user.pk}-{fingerprint}-{k}-{at.timestamp()}", kind="signup" if k == 0 else "login",
                success=None if k == 0 else True, occurred_at=at, user=user, account=str(user.pk),
                device_fingerprint=fingerprint, raw={}, enrichment={"device": device}, state="scored", created_at=at)
        for user in users for k in range(per_user)])


def _attempt(user: Any, identity: str, at: dt.datetime, kind: str = "signup") -> Attempt:
    [attempt] = Attempt.objects.filter(pk=Attempt.objects.create(
        event_id=f"{user.pk}-{kind}-{at.timestamp()}", kind=kind, success=True if kind == "login" else None,
        occurred_at=at, user=user, account=str(user.pk), device_fingerprint=FP, raw={},
        enrichment={"device": {"identity": identity}}, state="scoring", created_at=at).pk)
    return attempt


def _stranger(name: str, identity: str | None, at: dt.datetime) -> Any:
    [user] = _accounts(name, 1, "blocked")
    _attempts([user], FP, identity, at)
    return user


@pytest.fixture(params=[False, True], ids=["few-attempts", "crowded"])
def device(request: pytest.FixtureRequest) -> bool:
    """The fingerprint, with a handful of legitimate owners' attempts on it or more than CROWDED_DEVICE."""
    owners = _accounts("owner", CROWDED_DEVICE // 2 + 1 if request.param else 2, "cleared")
    _attempts(owners, FP, HOME, START, per_user=2)
    assert (Attempt.objects.filter(device_fingerprint=FP).count() > CROWDED_DEVICE) is request.param
    return request.param


def test_a_new_account_is_held_by_a_blocked_account_on_the_same_device_only(device: bool) -> None:
    [newcomer] = _accounts("new", 1, "pending")
    signup = _attempt(newcomer, HOME, timezone.now())
    assert not linked_to_blocked(signup)  # many owners, none blocked
    _stranger("abroad", f"{FP}|Asia/Shanghai|zh-CN", START)
    assert not linked_to_blocked(signup)  # the same model elsewhere in the world is another device
    AccountStatus.objects.filter(user=newcomer).update(status="blocked")
    assert not linked_to_blocked(signup)  # its own block is not another account's
    unknown = _stranger("unknown", None, START)
    assert linked_to_blocked(signup)  # stored without an identity: it still matches
    AccountStatus.objects.filter(user=unknown).update(status="cleared")
    assert not linked_to_blocked(signup)
    _stranger("farm", HOME, START)
    assert linked_to_blocked(signup)


def test_an_owner_is_held_only_by_a_blocked_account_that_came_before_it_and_before_its_approval(device: bool) -> None:
    [owner] = _accounts("me", 1, "cleared")
    signed_up = _attempt(owner, HOME, START + dt.timedelta(days=10))
    login = _attempt(owner, HOME, START + dt.timedelta(days=20), kind="login")
    later = _stranger("later", HOME, START + dt.timedelta(days=15))
    assert not linked_to_blocked(login)  # it came to the device after the owner did
    AccountStatus.objects.filter(user=later).update(status="cleared")
    _stranger("before", HOME, START + dt.timedelta(days=5))
    assert linked_to_blocked(login)
    Label.objects.create(attempt=signed_up, label=Label.Value.LEGIT, source=Label.Source.REVIEWER,
                         at=START + dt.timedelta(days=12))
    assert not linked_to_blocked(login)  # a reviewer approved it on this device since


def _attempt_rows_read(plan: dict[str, Any]) -> float:
    """Rows of signupguard_attempt a plan node and its children read, over all their loops."""
    rows = 0.0
    if plan.get("Relation Name") == "signupguard_attempt":
        rows += (plan["Actual Rows"] + plan.get("Rows Removed by Filter", 0)) * plan["Actual Loops"]
    return rows + sum(_attempt_rows_read(child) for child in plan.get("Plans", []))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
def test_the_check_on_a_crowded_device_reads_fewer_rows_than_the_device_has() -> None:
    """1,000 owners and 3,000 attempts on one phone, none blocked, in a portal with 1,500 blocked accounts."""
    owners = _accounts("owner", 1000, "cleared")
    _attempts(owners, FP, HOME, START, per_user=3)
    for i, user in enumerate(_accounts("farm", 1500, "blocked")):
        _attempts([user], f"fp-farm-{i}", f"fp-farm-{i}|UTC|en-US", START)
    [newcomer] = _accounts("new", 1, "pending")
    signup = _attempt(newcomer, HOME, timezone.now())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    queries: list[tuple[str, Any]] = []
    with connection.execute_wrapper(lambda execute, sql, params, many, context:
                                    queries.append((sql, params)) or execute(sql, params, many, context)):
        assert not linked_to_blocked(signup)
    plans = []
    with connection.cursor() as cursor:
        for sql, params in queries:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            [[plan]] = [json.loads(row[0]) if isinstance(row[0], str) else row[0] for row in cursor.fetchall()]
            plans.append(plan["Plan"])
    # Was: the whole table (4,501 rows); the device's 3,000 at best. Now: the crowded check's 1,001 index entries.
    assert sum(map(_attempt_rows_read, plans)) < 3000 / 2, plans
