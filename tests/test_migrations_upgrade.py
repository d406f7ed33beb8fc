"""Upgrading a running portal: ``manage.py migrate`` from each earlier state of SignupGuard, with its data in place.

Rows are written through the historical models of the state the portal is
upgraded from (``apps.get_model``), as Django's own migration tests do, on the
suite's database (SQLite, or PostgreSQL with DATABASE_URL).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps as global_apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

APP = "signupguard"
# Every migration of the app, as a release ships them: a new one is covered without editing this file.
NAMES = sorted(path.stem for path in (Path(__file__).resolve().parent.parent / APP / "migrations").glob("0*.py"))
LAST = NAMES[-1]


def migrate(name: str) -> Any:
    """Migrate SignupGuard to ``name`` (``zero``: none) and return the historical apps of that state."""
    call_command("migrate", APP, name, verbosity=0)
    executor = MigrationExecutor(connection)
    return executor.loader.project_state([(APP, name)] if name != "zero" else []).apps


@pytest.fixture
def at_latest() -> Any:
    """Whatever a test migrates to, the next one finds every migration applied."""
    yield
    call_command("migrate", APP, verbosity=0)


def _user(apps: Any, name: str) -> Any:
    model = apps.get_model(*global_apps.get_model("auth", "User")._meta.label.split("."))
    return model.objects.create(username=name)


def test_0008_rewrites_keys_of_many_accounts(at_latest: None) -> None:
    apps = migrate("0007_forget_merged_cluster_attributes")
    LinkKey = apps.get_model(APP, "LinkKey")
    old, mid, new = (timezone.now() - dt.timedelta(days=d) for d in (300, 100, 1))
    users = [_user(apps, f"u{n}") for n in range(8)]
    rows = [
        (0, "email", "john.doe@proton.me", old, old),
        (1, "email", "jo@me.com", old, mid),
        (1, "email", "jo@icloud.com", new, new),
        (2, "email", "jo@me.com", mid, mid),  # two old names, no new one: one key spanning both
        (2, "email", "jo@mac.com", old, old),
        (3, "email", "ivan.petrov+1@yandex.ru", mid, mid),
        (3, "email", "ivan-petrov@ya.ru", old, old),
        (3, "email", "ivan.petrov@yandex.com", new, new),
        (4, "email", "a.b@example.com", old, old),
        (4, "domain", "me.com", old, old),
        (4, "device", "x@me.com", old, old),
        (4, "profile", "jo@mac.com", old, old),
        (5, "email", "a" * 248 + "@me.com", old, old),  # 255 characters
        (6, "email", "j.o_e@pm.me", old, old),
        (6, "email", "joe@pm.me", new, new),
        (7, "email", "john.doe@proton.me", new, new),  # another account's: its own key
    ]
    for n, kind, value, first, last in rows:
        LinkKey.objects.create(user=users[n], kind=kind, value=value, first_seen=first, last_seen=last)
    for n in range(300):
        LinkKey.objects.create(user=users[n % 8], kind="email", value=f"bulk{n}.x@proton.me", first_seen=old, last_seen=old)
    apps = migrate(LAST)
    LinkKey = apps.get_model(APP, "LinkKey")
    stored = {(users.index(next(u for u in users if u.pk == k.user_id)), k.kind, k.value): (k.first_seen, k.last_seen)
              for k in LinkKey.objects.exclude(value__startswith="bulk")}
    assert stored == {
        (0, "email", "johndoe@proton.me"): (old, old),
        (1, "email", "jo@icloud.com"): (old, new),
        (2, "email", "jo@icloud.com"): (old, mid),
        (3, "email", "ivan-petrov@yandex.ru"): (old, new),
        (4, "email", "a.b@example.com"): (old, old),
        (4, "domain", "me.com"): (old, old),
        (4, "device", "x@me.com"): (old, old),
        (4, "profile", "jo@mac.com"): (old, old),
        (5, "email", "a" * 248 + "@icloud"): (old, old),
        (6, "email", "joe@pm.me"): (old, new),
        (7, "email", "johndoe@proton.me"): (new, new),
    }
    assert sorted(LinkKey.objects.filter(value__startswith="bulk").values_list("value", flat=True)) == sorted(
        f"bulk{n}x@proton.me" for n in range(300))


def test_0007_empties_merged_clusters_only(at_latest: None) -> None:
    apps = migrate("0006_review_job")
    Cluster = apps.get_model(APP, "Cluster")
    attrs = [{"kind": "device", "value": "fp-1", "accounts": 2}]
    kept = Cluster.objects.create(size=2, top_attributes=attrs)
    merged = Cluster.objects.create(size=0, status="merged", merged_into=kept, top_attributes=attrs)
    closed = Cluster.objects.create(size=3, status="closed", top_attributes=attrs)
    apps = migrate("0007_forget_merged_cluster_attributes")
    Cluster = apps.get_model(APP, "Cluster")
    assert {c.pk: c.top_attributes for c in Cluster.objects.all()} == {kept.pk: attrs, merged.pk: [], closed.pk: attrs}


def test_zero_and_back(at_latest: None) -> None:
    migrate("zero")
    migrate(LAST)


@pytest.mark.parametrize("start", NAMES[:-1])
def test_forward_from_each_state_with_rows(start: str, at_latest: None) -> None:
    apps = migrate(start)
    user = _user(apps, "ana")
    Attempt = apps.get_model(APP, "Attempt")
    AccountStatus = apps.get_model(APP, "AccountStatus")
    StatusChange = apps.get_model(APP, "StatusChange")
    now = timezone.now()
    attempt = Attempt.objects.create(event_id="e-1", kind="signup", occurred_at=now, user=user, account=str(user.pk),
                                     ip="81.2.69.160", asn=64500, email="ana@me.com", raw={"event_id": "e-1"},
                                     state="scored", decision="review", score=0.5)
    status = AccountStatus.objects.create(user=user, status="review", attempt=attempt)
    StatusChange.objects.create(account=status, from_status="pending", to_status="review", source="model",
                                attempt=attempt)
    if start >= "0002":
        apps.get_model(APP, "LinkKey").objects.create(user=user, kind="email", value="ana@me.com")
    apps = migrate(LAST)
    from signupguard.models import Attempt as Live, LinkKey
    got = Live.objects.get(event_id="e-1")
    assert got.user_id == user.pk and got.asn == 64500 and got.link_pending is False
    if start >= "0002":
        renamed = start < "0008"  # 0008 renames what was stored before it
        assert list(LinkKey.objects.values_list("value", flat=True)) == ["ana@icloud.com" if renamed else "ana@me.com"]


@pytest.mark.parametrize("step", NAMES[:-1])
def test_one_step_back_with_rows(step: str, at_latest: None) -> None:
    from signupguard.models import Attempt, LinkKey
    from django.contrib.auth.models import User
    user = User.objects.create(username="bo")
    Attempt.objects.create(event_id="e-2", kind="signup", occurred_at=timezone.now(), user=user, raw={})
    LinkKey.objects.create(user=user, kind="email", value="bo@icloud.com")
    for name in reversed(NAMES[NAMES.index(step):-1]):
        migrate(name)
    migrate(LAST)
