"""The account hold: reading and changing an account's status, with its audit.

``set_status`` is the one way to change a status. It locks the row, writes a
``StatusChange``, sends the matching signal and calls the adapter hook, all in
one transaction, so the review console (issue 5), the scoring task and hosts
share one audited path.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from django.db import IntegrityError, transaction

from signupguard import signals
from signupguard.adapter import get_adapter
from signupguard.models import AccountStatus, Attempt, StatusChange

PENDING, CLEARED, REVIEW, BLOCKED = "pending", "cleared", "review", "blocked"
STATUSES = (PENDING, CLEARED, REVIEW, BLOCKED)
HELD = (PENDING, REVIEW, BLOCKED)
# What a verdict of the policy means for a new account.
DECISION_STATUS = {"allow": CLEARED, "review": REVIEW, "block": BLOCKED}


def get_status(user: Any) -> str:
    """The account's status; ``anonymous`` for anonymous users."""
    return read_status(user)[0]


def read_status(user: Any) -> tuple[str, bool]:
    """(``get_status``, whether SignupGuard has a status row for the account) in one query.

    Without a row the adapter's ``missing_status`` answers: an account that
    never went through a recorded signup, which no verdict will ever clear.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return "anonymous", False
    row = AccountStatus.objects.filter(user_id=user.pk).values_list("status", flat=True).first()
    return (row, True) if row is not None else (get_adapter().missing_status(user), False)


def hold_new_account(user: Any, *, attempt: Attempt | None, exempt: bool = False) -> AccountStatus:
    """Create the account's status row: ``pending`` (or ``cleared`` if exempt).

    Idempotent: an existing row is returned unchanged.
    """
    try:
        with transaction.atomic():
            return create_hold(user, attempt=attempt, exempt=exempt)
    except IntegrityError:  # the account already has its row
        return AccountStatus.objects.get(user=user)


def new_hold(user: Any, *, attempt: Attempt | None, exempt: bool = False) -> tuple[AccountStatus, StatusChange]:
    """The unsaved status row of a new account (``pending``, or ``cleared`` if exempt) and its audit row."""
    hold = CLEARED if exempt else PENDING
    status = AccountStatus(user=user, status=hold, source=StatusChange.Source.SYSTEM, attempt=attempt)
    change = StatusChange(
        account=status, from_status="", to_status=hold, source=StatusChange.Source.SYSTEM,
        reason="exempt account" if exempt else "new account, waiting for its verdict", attempt=attempt,
    )
    return status, change


def announce_hold(user: Any, *, attempt: Attempt | None, exempt: bool = False) -> None:
    """``account_held`` for a hold just written; ``account_cleared`` for an exempt account, cleared at once
    (a host that provisions on it must hear of the accounts that never wait for a verdict too).

    ``new_account``: no status row existed, so nothing that depends on one (clusters) has to be recomputed.
    """
    _announce(user, CLEARED if exempt else PENDING, actor=None, reason="exempt account" if exempt else "",
              attempt=attempt, previous=None, new_account=True)


def create_hold(user: Any, *, attempt: Attempt | None, exempt: bool = False) -> AccountStatus:
    """``hold_new_account`` for an account known to have no status row yet: two INSERTs, no read.

    Raises ``IntegrityError`` when the account has a row after all (its user
    is unique); call it in a transaction or savepoint that can be undone.
    """
    status, change = new_hold(user, attempt=attempt, exempt=exempt)
    status.save(force_insert=True)
    change.account = status
    change.save(force_insert=True)
    announce_hold(user, attempt=attempt, exempt=exempt)
    return status


def lock_account(user: Any) -> None:
    """Lock the account's user row until the transaction ends (call it inside one).

    ``set_status`` takes it before anything else, and so does whatever issues a
    credential (an API key, a DRF token) after checking the status: a block being
    committed is then waited for, also for an account that has no status row yet
    (its row, being inserted, locks nothing another transaction can see).
    ``FOR NO KEY UPDATE`` where the database has it: rows referring to the user
    (attempts, tokens) can still be inserted meanwhile.
    """
    pk = getattr(user, "pk", None)
    if pk is None:
        return
    from django.contrib.auth import get_user_model
    from django.db import connections, router

    model = get_user_model()
    using = router.db_for_write(model)
    no_key = connections[using].features.has_select_for_no_key_update
    list(model._default_manager.using(using).select_for_update(no_key=no_key).filter(pk=pk).values_list("pk"))


def set_status(
    user: Any,
    to: str,
    *,
    source: str,
    actor: Any | None = None,
    reason: str = "",
    note: str = "",
    attempt: Attempt | None = None,
    only_from: Iterable[str] | None = None,
    unless: Callable[[AccountStatus], bool] | None = None,
    confirm: bool = False,
    job: Any | None = None,
    before_signal: Callable[[], None] | None = None,
) -> StatusChange | None:
    """Move the account to ``to``; returns the audit row, or None if nothing changed.

    ``only_from`` guards automatic decisions: the model may decide a
    ``pending`` account but must not overrule a reviewer who acted meanwhile.
    ``unless`` is asked under the row's lock, after a decision made on older
    reads (the retroactive review's, a review job's): True leaves the account
    as it is, even where ``confirm`` would have made the decision ``source``'s.
    ``confirm``: an account already in ``to`` by another source becomes
    ``source``'s decision (a reviewer confirming the model's block), with an
    audit row and no signal, since its status does not change. ``job``: the
    review job making the change, recorded on its audit row. ``before_signal``:
    called once the status changed, before its signal (an undone block gives
    back its API keys there, so ``account_cleared`` receivers see them back).
    """
    if to not in STATUSES:
        raise ValueError(f"unknown status {to!r}; expected one of {', '.join(STATUSES)}")
    allowed = set(only_from) if only_from is not None else None
    with transaction.atomic():
        lock_account(user)  # before the status row: what issues keys and tokens waits for this change
        row, _ = AccountStatus.objects.select_for_update().get_or_create(
            user=user, defaults={"status": get_adapter().missing_status(user)}
        )
        current = row.status
        if unless is not None and unless(row):
            return None
        if current == to and confirm and row.source != source:
            row.source = source
            row.save(update_fields=["source", "updated_at"])
            return StatusChange.objects.create(account=row, from_status=current, to_status=to, actor=actor,
                                               source=source, reason=reason[:255], note=note, attempt=attempt, job=job)
        if current == to or (allowed is not None and current not in allowed):
            return None
        row.status, row.source = to, source
        if attempt is not None:
            row.attempt = attempt
        row.save(update_fields=["status", "source", "attempt", "updated_at"])
        change = StatusChange.objects.create(
            account=row, from_status=current, to_status=to, actor=actor, source=source,
            reason=reason[:255], note=note, attempt=attempt, job=job,
        )
        if before_signal is not None:
            before_signal()
        _announce(user, to, actor=actor, reason=reason, attempt=attempt, previous=current)
    return change


def _announce(user: Any, to: str, *, actor: Any | None, reason: str, attempt: Attempt | None,
              previous: str | None, new_account: bool = False) -> None:
    sender = type(user)
    first = {"new_account": True} if new_account else {}
    if to == BLOCKED:
        signals.revoke_credentials.send(sender=sender, user=user, actor=actor, reason=reason, previous=previous)
        signals.account_blocked.send(sender=sender, user=user, actor=actor, reason=reason, previous=previous)
        get_adapter().on_blocked(user, actor=actor, reason=reason)
    elif to == CLEARED:
        signals.account_cleared.send(sender=sender, user=user, actor=actor, reason=reason, previous=previous, **first)
        get_adapter().on_cleared(user, actor=actor, reason=reason)
    else:
        signals.account_held.send(sender=sender, user=user, status=to, attempt=attempt, previous=previous, **first)
