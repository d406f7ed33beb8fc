"""record_signup on the request path: writes only, inside the host's transaction, no read-backs."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from signupguard.capture import DEVICE_FIELD
from signupguard.gate import account_status
from signupguard.models import AccountStatus, Attempt, StatusChange
from signupguard.recording import record_signup, signup_status
from signupguard.status import set_status

pytestmark = pytest.mark.usefixtures("celery_eager", "fresh_engine")

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore", "SYNC_WAIT": 0}


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("config.urls")
def test_the_demo_signup_writes_three_rows_in_the_users_transaction_without_reads_or_savepoints(
    redis_url: str, settings: Any,
) -> None:
    import redis

    from tests.plugins.services import _with_db, celery_broker

    broker = _with_db(redis_url, 15)
    redis.Redis.from_url(broker).flushdb()
    settings.SIGNUPGUARD = MEMORY
    body = {"email": "ana@example.org", "username": "ana", "password": "a long passphrase 42"}
    with celery_broker(broker), CaptureQueriesContext(connection) as captured:
        response = Client().post("/api/signup/", data=json.dumps(body), content_type="application/json")
    redis.Redis.from_url(broker).flushdb()
    assert response.status_code == 201 and response.json()["status"] == "pending"
    sql = [q["sql"] for q in captured.captured_queries]
    ours = [text for text in sql if "signupguard_" in text]
    # The attempt, the hold and its audit row: INSERTs only (one statement on
    # PostgreSQL, three elsewhere), no SELECT before or after them.
    tables = {name for text in ours for name in re.findall(r'INSERT INTO "(\w+)"', text)}
    assert tables == {"signupguard_attempt", "signupguard_accountstatus", "signupguard_statuschange"}, ours
    assert all(text.startswith(("INSERT", "WITH")) for text in ours), ours
    assert len(ours) == (1 if connection.vendor == "postgresql" else 3), ours
    # No savepoint: in the transaction that inserted the user, the account and its hold commit together.
    assert not any("SAVEPOINT" in text for text in sql), sql
    first = sql.index(ours[0])
    assert any('INTO "auth_user"' in text for text in sql[:first])
    assert AccountStatus.objects.get(user__username="ana").attempt == Attempt.objects.get(user__username="ana")
    assert StatusChange.objects.get(account__user__username="ana").reason == "new account, waiting for its verdict"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_signup_leaves_neither_account_nor_hold(
    signup_request: Any, django_user_model: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    with override_settings(SIGNUPGUARD=MEMORY), pytest.raises(RuntimeError):
        with transaction.atomic():
            user = django_user_model.objects.create_user("ana", "ana@example.org", "pw-123-secret")
            record_signup(signup_request(), user)
            raise RuntimeError("the host's signup failed after recording it")
    assert not django_user_model.objects.exists()
    assert not Attempt.objects.exists() and not AccountStatus.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_waiting_for_a_rolled_back_signup_returns_at_once(signup_request: Any, django_user_model: Any) -> None:
    from signupguard.recording import wait_for_verdict

    with override_settings(SIGNUPGUARD=MEMORY):
        with transaction.atomic():
            user = django_user_model.objects.create_user("bo", "bo@example.org", "pw-123-secret")
            attempt = record_signup(signup_request(), user)
            transaction.set_rollback(True)  # the host's view gave up on this signup
        assert wait_for_verdict(attempt, timeout=1.0) is attempt  # nothing to wait for, and no DoesNotExist
    assert not Attempt.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("wait", [float("nan"), float("inf"), "0.3"])
def test_an_unusable_sync_wait_waits_the_default_not_for_ever(wait: Any) -> None:
    import threading
    import time

    from django.utils import timezone

    from signupguard.recording import wait_for_verdict

    # Pending and committed, and no worker to score it: only the deadline ends the wait.
    attempt = Attempt.objects.create(event_id="never-scored", kind="signup", occurred_at=timezone.now())
    waited: list[float] = []

    def wait_for_it() -> None:
        started = time.monotonic()
        wait_for_verdict(attempt)
        waited.append(time.monotonic() - started)

    with override_settings(SIGNUPGUARD={**MEMORY, "SYNC_WAIT": wait}):
        waiter = threading.Thread(target=wait_for_it, daemon=True)
        waiter.start()
        waiter.join(10)
    assert waited and waited[0] < 5, "SYNC_WAIT's default (0.3 s) bounds the wait"
    assert attempt.state == Attempt.State.PENDING


@pytest.mark.django_db
def test_signup_status_answers_pending_without_a_query(
    signup_request: Any, make_user: Any, django_assert_num_queries: Any,
) -> None:
    user = make_user()
    with override_settings(SIGNUPGUARD=MEMORY):
        attempt = record_signup(signup_request(), user)
        with django_assert_num_queries(0):
            assert signup_status(attempt) == "pending"
        # An attempt read back from the database carries no hold of this call: the status is read.
        again = Attempt.objects.select_related("user").get(pk=attempt.pk)
        with django_assert_num_queries(1):
            assert signup_status(again) == "pending"


@pytest.mark.django_db
def test_an_account_held_before_its_signup_keeps_its_status(signup_request: Any, make_user: Any) -> None:
    user = make_user()
    set_status(user, "cleared", source="reviewer", reason="known customer")
    with override_settings(SIGNUPGUARD=MEMORY):
        attempt = record_signup(signup_request(), user)
        assert record_signup(signup_request(), user) == attempt  # a second call: the first attempt
    assert attempt.kind == "signup" and attempt.state == "pending"
    assert account_status(user) == "cleared"
    assert list(StatusChange.objects.filter(account__user=user).values_list("to_status", flat=True)) == ["cleared"]
    assert Attempt.objects.filter(user=user).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("orm", [False, True], ids=["plain-insert", "orm-for-other-databases"])
def test_a_new_account_gets_one_hold_and_one_audit_row(
    signup_request: Any, make_user: Any, monkeypatch: Any, orm: bool,
) -> None:
    from signupguard import rows

    if orm:  # the path of databases without ON CONFLICT (MySQL, Oracle), on this one
        monkeypatch.setattr(rows, "_VENDORS", frozenset())
    user = make_user()
    with override_settings(SIGNUPGUARD=MEMORY):
        attempt = record_signup(signup_request(), user)
        assert record_signup(signup_request(), user) == attempt
    assert account_status(user) == "pending"
    status = AccountStatus.objects.get(user=user)
    assert status.attempt_id == attempt.pk
    changes = list(StatusChange.objects.filter(account=status).values_list("to_status", "attempt_id"))
    assert changes == [("pending", attempt.pk)]
    assert Attempt.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_the_plain_insert_stores_what_the_orm_stores(signup_request: Any, make_user: Any, monkeypatch: Any) -> None:
    """Values the plain INSERT passes as they are (None, str, int ...) end up as the ORM's: NULL stays SQL NULL."""
    from signupguard import rows

    per_path = []
    for orm in (False, True):
        monkeypatch.setattr(rows, "_VENDORS", frozenset() if orm else rows._VENDORS)
        user = make_user()
        with override_settings(SIGNUPGUARD=MEMORY):
            attempt = record_signup(signup_request(), user)
        found = Attempt.objects.filter(pk=attempt.pk)
        row = found.values().get()
        assert row["raw"] == attempt.raw and row["raw"]["event_id"] == row["event_id"]
        assert row["created_at"] is not None and row["occurred_at"] is not None
        # SQL NULL, not JSON null: the worker's "not prepared yet" test and the console's filters read these.
        assert found.filter(enrichment__isnull=True, velocity__isnull=True, asn__isnull=True, score__isnull=True,
                            decision__isnull=True, claimed_at__isnull=True, scored_at__isnull=True).exists()
        status = AccountStatus.objects.filter(user=user).values("status", "source", "updated_at", "created_at").get()
        assert status["updated_at"] is not None and status["created_at"] is not None
        change = StatusChange.objects.filter(account__user=user).values(
            "from_status", "to_status", "source", "reason", "note", "actor_id", "at").get()
        assert change["actor_id"] is None and change["at"] is not None
        skip = {"id", "event_id", "occurred_at", "created_at", "user_id", "account", "email", "raw"}
        per_path.append(({k: v for k, v in row.items() if k not in skip},
                         {k: status[k] for k in ("status", "source")},
                         {k: v for k, v in change.items() if k != "at"}))
    assert per_path[0] == per_path[1]


@pytest.mark.django_db
def test_a_portal_without_time_zones_records_its_signups(signup_request: Any, make_user: Any) -> None:
    # USE_TZ=False: SQLite (and MySQL) refuse an aware datetime, and every signup and login was a 500
    # once the app was installed, the admin's login included (found in an audit).
    with override_settings(USE_TZ=False, TIME_ZONE="Europe/Madrid", SIGNUPGUARD=MEMORY):
        user = make_user()
        attempt = record_signup(signup_request(), user)
        stored = Attempt.objects.get(pk=attempt.pk)
        assert stored.occurred_at.tzinfo is None and account_status(user) == "pending"


@pytest.mark.django_db
def test_a_lazy_request_user_is_recorded_with_its_username(signup_request: Any, django_user_model: Any) -> None:
    # request.user is a SimpleLazyObject: its type is the wrapper, not the user model (found in a review).
    from django.utils.functional import SimpleLazyObject

    from signupguard.recording import record_login

    user = django_user_model.objects.create_user("ana", "ana@example.org", "pw-123-secret")
    with override_settings(SIGNUPGUARD=MEMORY):
        attempt = record_signup(signup_request(), SimpleLazyObject(lambda: user), wait=0)
        login = record_login(signup_request(), SimpleLazyObject(lambda: user), success=True)
    assert attempt.raw["username"] == "ana" and login.raw["username"] == "ana"


# ``device``/``form`` are what a JSON client sent, passed on unchecked: the collector's own device value is a JSON
# string (the hidden ``sg_device`` field), and a client can send any JSON type. ``dict(device)`` raised on all but an
# object, and inside the host's ``transaction.atomic()`` the new account rolled back with it: a 500 on ``"device": 5``.
@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
@pytest.mark.parametrize("device", [
    json.dumps({"fingerprint": "fp-posted", "timezone": "Europe/London"}),  # what the collector posts
    "not json", 7, ["fingerprint", "x"], True,
])
@override_settings(SIGNUPGUARD=MEMORY)
def test_record_signup_takes_any_device_value_a_client_sent(signup_request, make_user, device,
                                                           django_capture_on_commit_callbacks) -> None:
    user = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        attempt = record_signup(signup_request(), user, device=device)
    attempt.refresh_from_db()
    assert attempt.kind == "signup" and attempt.state == "scored"
    assert account_status(user) in {"cleared", "review", "blocked"}
    if isinstance(device, str) and device.startswith("{"):
        assert attempt.raw["device"]["fingerprint"] == "fp-posted"  # parsed, as a posted sg_device is
    else:
        assert "device" not in attempt.raw


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
@pytest.mark.parametrize("form", [json.dumps({"fill_ms": 12000}), "x", 12000, True])
@override_settings(SIGNUPGUARD=MEMORY)
def test_record_signup_drops_a_form_value_that_is_no_object(signup_request, make_user, form,
                                                           django_capture_on_commit_callbacks) -> None:
    user = make_user()
    request = signup_request(data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-1"})})
    with django_capture_on_commit_callbacks(execute=True):
        attempt = record_signup(request, user, form=form)
    attempt.refresh_from_db()
    assert attempt.state == "scored" and attempt.raw["device"]["fingerprint"] == "fp-1"
    assert "fill_ms" not in (attempt.raw.get("form") or {})


# A JSON client's view passes the device and form it parsed (the demo's API does): the body's own would only be
# replaced, so the request's snapshot is taken without reading the body again (a second JSON parse, device clean
# and render-token check on every such signup).
@pytest.mark.django_db
@override_settings(SIGNUPGUARD=MEMORY)
def test_a_signup_given_device_and_form_does_not_read_them_from_the_body(signup_request, make_user) -> None:
    from signupguard.collector import sign_render_time
    from signupguard.middleware import RequestCapture

    request = signup_request(data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-body"})})
    request.signupguard = RequestCapture(request)
    attempt = record_signup(request, make_user(), device={"fingerprint": "fp-given"},
                            form={"ts": sign_render_time(), "honeypot": ""})
    assert attempt.raw["device"] == {"fingerprint": "fp-given"}
    assert attempt.raw["form"]["signed"] is True and attempt.raw["form"]["honeypot"] == ""
    assert attempt.raw["ip"] == "81.2.69.160" and attempt.raw["headers"]["user-agent"]
    assert "snapshot" not in vars(request.signupguard)  # the body was not read: no snapshot kept for later
    # Given one of them only, the other still comes from the body, through the request's snapshot.
    second = signup_request(data={DEVICE_FIELD: json.dumps({"fingerprint": "fp-body"})})
    second.signupguard = RequestCapture(second)
    attempt = record_signup(second, make_user(), form={"fill_ms": 9000})
    assert attempt.raw["device"]["fingerprint"] == "fp-body" and attempt.raw["form"] == {"fill_ms": 9000}
    assert "snapshot" in vars(second.signupguard)
