"""Record a signup or login: save the attempt, hold the account, enqueue scoring.

``record_signup`` is the public entry point for hand-written signup views; the
allauth, dj-rest-auth and contrib.auth integrations call the same functions.
The request path only captures and saves: scoring runs in the Celery task,
enqueued with ``transaction.on_commit``, and published from a background
thread (``BACKGROUND_PUBLISH``, see ``signupguard.publisher``) so the response
does not wait for the broker. If the broker is down, or the process dies
before the publish, the attempt simply stays ``pending`` and the periodic
sweep scores it later; a signup never fails because of SignupGuard's queue.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from typing import Any, Mapping

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connections, router, transaction
from django.utils import timezone

from signupguard.adapter import get_adapter
from signupguard.capture import build_event, clean_device, clean_form, request_snapshot
from signupguard.conf import seconds_setting, switch_setting
from signupguard.models import Attempt
from signupguard.middleware import current_request
from signupguard.publisher import get_publisher, release_held
from signupguard.rows import insert_signup
from signupguard.status import announce_hold, new_hold

logger = logging.getLogger(__name__)
_DONE = (Attempt.State.SCORED, Attempt.State.FAILED)


def recorded_kinds(request: Any) -> set[str]:
    """Kinds already recorded in this request (a signup is followed by its login)."""
    target = getattr(request, "_request", request)
    seen = getattr(target, "_signupguard_recorded", None)
    if seen is None:
        seen = set()
        try:
            target._signupguard_recorded = seen
        except Exception:  # an object that refuses attributes: no deduplication
            pass
    return seen


# After a failed publish, skip the broker for this long (per process): the
# sweep scores what arrives meanwhile, and signups do not each wait for the
# broker client's connection retries.
BROKER_BACKOFF_SECONDS = 5.0
_broker_down_until = 0.0


def enqueue(attempt_id: int, *, login: bool = False) -> bool:
    """Send the scoring task now; False (and the attempt stays pending) if the broker is down.

    A login goes out as ``score_login``, a task name hosts can route apart from signups.
    """
    global _broker_down_until
    from signupguard.tasks import describe_error, score_attempt, score_login

    if not _eager() and time.monotonic() < _broker_down_until:
        # Not a warning each (an outage would flood the log), but each attempt's id is findable.
        logger.info("signupguard: broker backing off after a failed publish: attempt %s stays pending "
                    "until the sweep scores it", attempt_id)
        return False
    try:
        (score_login if login else score_attempt).apply_async(args=[attempt_id], retry=False)
    except Exception as exc:  # broker unreachable, misconfigured ... : the sweep will score it
        _broker_down_until = time.monotonic() + BROKER_BACKOFF_SECONDS
        logger.warning(
            "signupguard: could not enqueue attempt %s on %s: %s; it stays pending until the sweep scores it",
            attempt_id, _broker_description(score_attempt.app), describe_error(exc),
        )
        return False
    _broker_down_until = 0.0
    return True


def _broker_description(app: Any) -> str:
    """Which app and broker a task went to (password masked), for the log line of a failed publish."""
    try:
        broker = app.connection_for_write().as_uri()
    except Exception:  # noqa: BLE001 - only a log line
        broker = "its broker"
    return f"{broker} (Celery app {app.main!r})"


def _eager() -> bool:
    from signupguard.tasks import score_attempt

    return bool(score_attempt.app.conf.task_always_eager)


def enqueue_after_commit(attempt_id: int, *, login: bool = False) -> bool:
    """The on-commit hook of a recorded attempt: publish its scoring task.

    Eager tasks (the demo, tests) run right here, as the commit's callback, so
    a waiting request sees the verdict. Otherwise, with ``BACKGROUND_PUBLISH``,
    the id goes to the process's background publisher and the request goes on;
    during a request it is published once the response is out (or when
    ``wait_for_verdict`` starts waiting). Returns whether the task ran
    eagerly, here.
    """
    eager = _eager()
    if eager or not switch_setting("BACKGROUND_PUBLISH"):
        enqueue(attempt_id, login=login)
        return eager
    publisher = get_publisher()
    if publisher.submit(attempt_id, hold=current_request() is not None, login=login):
        return False
    if publisher.dropped % 1000 == 1:  # once per thousand: the broker hangs and the queue is full
        logger.warning("signupguard: publish queue full (%s dropped), attempt %s is left to the sweep",
                       publisher.dropped, attempt_id)
    return False


def _enqueue_recorded(attempt: Attempt) -> None:
    """``enqueue_after_commit`` for an attempt this process recorded; notes on it whether it was scored inline."""
    attempt._signupguard_eager = enqueue_after_commit(attempt.pk)  # type: ignore[attr-defined]  # see wait_for_verdict


def publish_in_background(attempt_id: int, *, login: bool = False) -> bool:
    """What the background publisher does with an id: ``enqueue`` it (never eagerly: not on this thread)."""
    if _eager():
        return False  # tasks turned eager after the submit (tests switch brokers): the sweep has it
    return enqueue(attempt_id, login=login)


def _new_attempt(event: Any, *, user: Any | None) -> Attempt:
    """The (unsaved) attempt row of a captured event."""
    device = event.device or {}
    sent = device.get("fingerprint")
    fingerprint = sent if isinstance(sent, str) else ""
    occurred = event.occurred_at
    if not settings.USE_TZ and timezone.is_aware(occurred):  # SQLite and MySQL refuse aware ones then
        occurred = timezone.make_naive(occurred)
    return Attempt(
        event_id=event.event_id, kind=event.kind, occurred_at=occurred, user=user,
        account=event.account or "", success=event.success, ip=event.ip, email=event.email or "",
        device_fingerprint=fingerprint[:128], raw=event.to_dict(),
    )


def _save(event: Any, *, user: Any | None) -> Attempt:
    attempt = _new_attempt(event, user=user)
    attempt.save(force_insert=True)
    return attempt


def record_signup(
    request: Any,
    user: Any,
    *,
    email: str | None = None,
    username: str | None = None,
    device: Mapping[str, Any] | str | None = None,
    form: Mapping[str, Any] | None = None,
    wait: float | None = None,
) -> Attempt:
    """Record a new account's signup and hold it until its verdict.

    Call it right after the user is saved and before logging them in: the
    login of the same request is then not recorded as a separate attempt.
    Best inside the transaction that creates the user: the account and its
    hold then commit together (one commit, and never an account without its
    hold); the wait for the verdict cannot happen before that commit, so call
    ``wait_for_verdict(attempt)`` after the block. ``device``/``form``
    override what was read from the request (JSON API clients): pass what
    the client sent, unchecked (the collector's JSON string or an object;
    any other value is dropped, never an error). ``wait``
    overrides ``SYNC_WAIT``: the seconds to wait for the verdict, so most
    users leave the signup request already cleared. Calling it twice for one
    user returns the first attempt.
    """
    # Given both, the body's own device and form would only be replaced: not read at all.
    snap = request_snapshot(request, body=device is None or form is None)
    if device is not None:
        # What a client sent: the collector's JSON string, an object, or another JSON value (dropped).
        snap.device = clean_device(dict(device) if isinstance(device, Mapping) else device)
    if form is not None:
        snap.form = clean_form(None, form=dict(form) if isinstance(form, Mapping) else None)
    adapter = get_adapter()
    exempt = adapter.is_exempt(user)
    event = build_event(
        snap, kind="signup", account=adapter.get_account_id(user),
        email=email if email is not None else (getattr(user, "email", "") or None),
        username=username if username is not None else username_of(user),
    )
    # No read before the writes, and no savepoint: the status row's unique
    # user is the "already recorded" check (ON CONFLICT DO NOTHING).
    attempt = _new_attempt(event, user=user)
    status, change = new_hold(user, attempt=attempt, exempt=exempt)
    using = router.db_for_write(Attempt)
    with transaction.atomic(using=using, savepoint=False):  # inside the host's transaction: no savepoint
        held = insert_signup(attempt, status, change, using=using)
        if held:
            announce_hold(user, attempt=attempt, exempt=exempt)
        else:
            existing = (Attempt.objects.filter(user=user, kind=Attempt.Kind.SIGNUP).exclude(pk=attempt.pk)
                        .order_by("pk").first())
            if existing is not None:
                # A second call for one account: undo this call's row, return the first attempt.
                Attempt.objects.filter(pk=attempt.pk).delete()
                return existing
            # Held before any signup was recorded (a reviewer acted first, an
            # account older than the install): score it; its status stays.
        transaction.on_commit(partial(_enqueue_recorded, attempt), using=using)
    recorded_kinds(request).add("signup")
    if held:
        attempt._signupguard_hold = status.status  # type: ignore[attr-defined]  # see signup_status
    return wait_for_verdict(attempt, timeout=wait)


def signup_status(attempt: Attempt) -> str:
    """The account's status after ``record_signup`` (and ``wait_for_verdict``) returned ``attempt``.

    While the attempt that call recorded is still pending, its verdict cannot
    have moved the account it just held: the answer is known without reading
    it back. Otherwise (a verdict arrived, or an earlier attempt was returned)
    it is read, as ``signupguard.gate.account_status`` does.
    """
    hold = getattr(attempt, "_signupguard_hold", None)
    if hold is not None and attempt.state == Attempt.State.PENDING:
        return str(hold)
    from signupguard.gate import account_status

    return account_status(attempt.user)


def record_login(
    request: Any,
    user: Any | None = None,
    *,
    success: bool,
    credentials: Mapping[str, Any] | None = None,
) -> Attempt | None:
    """Record a login (successful, or failed with the cleansed ``credentials``).

    Returns None for the automatic login that follows a signup in the same
    request: the signup attempt already describes it.
    """
    if success:
        seen = recorded_kinds(request)
        if seen & {"signup", "login"}:
            return None
        seen.add("login")
    adapter = get_adapter()
    identifier = None
    if user is None and credentials:
        user = adapter.resolve_login_user(credentials)
        identifier = adapter.login_identifier(credentials)
    event = build_event(
        request_snapshot(request), kind="login", success=success,
        account=adapter.get_account_id(user) if user is not None else identifier,
        email=(getattr(user, "email", "") or None) if user is not None else None,
        username=username_of(user) if user is not None else None,
    )
    with transaction.atomic():
        attempt = _save(event, user=user)
        transaction.on_commit(partial(enqueue_after_commit, attempt.pk, login=True))
    return attempt


def username_of(user: Any) -> str | None:
    """The account's username, or None where the user model signs in by email.

    There the username is the address itself: sent as both, the event would
    read as a username made from its mailbox, which tells nothing of a person.
    """
    # Through the instance, not type(user): request.user is a lazy wrapper whose type is not the model.
    email_field = getattr(user, "get_email_field_name", None)
    if email_field is not None and getattr(user, "USERNAME_FIELD", None) == email_field():
        return None
    return user.get_username()


def wait_for_verdict(attempt: Attempt, *, timeout: float | None = None) -> Attempt:
    """Poll the attempt for up to ``timeout`` seconds (default ``SYNC_WAIT``); returns it refreshed.

    No wait inside an open transaction: the task cannot run before the commit.
    With ``CELERY_TASK_ALWAYS_EAGER`` the task already ran and this returns at once.
    """
    timeout = seconds_setting("SYNC_WAIT") if timeout is None else float(timeout)
    if connections[attempt._state.db or router.db_for_write(Attempt)].in_atomic_block:
        return attempt  # not committed yet: nobody can have scored it
    if timeout <= 0:
        inline = getattr(attempt, "_signupguard_eager", None)  # record_signup's commit hook says; else ask Celery
        if not (_eager() if inline is None else inline):
            return attempt  # nobody can have scored it yet: skip the read-back
    if timeout > 0:
        release_held()  # a publish held for the end of the request would come too late
    deadline = time.monotonic() + max(0.0, timeout)
    step = 0.005
    while True:
        try:
            attempt.refresh_from_db()
        except Attempt.DoesNotExist:  # its transaction rolled back: there is nothing to wait for
            return attempt
        if attempt.state in _DONE or time.monotonic() >= deadline:
            return attempt
        time.sleep(min(step, max(0.0, deadline - time.monotonic())))
        step = min(step * 2, 0.05)


async def arecord_signup(request: Any, user: Any, **kwargs: Any) -> Attempt:
    """``record_signup`` for async views (same keyword arguments)."""
    return await sync_to_async(record_signup)(request, user, **kwargs)


async def arecord_login(request: Any, user: Any | None = None, **kwargs: Any) -> Attempt | None:
    """``record_login`` for async views (same keyword arguments)."""
    return await sync_to_async(record_login)(request, user, **kwargs)
