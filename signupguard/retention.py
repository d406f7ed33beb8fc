"""How long SignupGuard keeps what it captured: attempts (``ATTEMPT_RETENTION_DAYS``).

An attempt holds personal data: the address, the email, the request's headers
and the browser's device data. A portal's privacy policy says how long it may
keep them; ``ATTEMPT_RETENTION_DAYS`` puts that into effect, through
``manage.py signupguard_prune`` or the ``signupguard.tasks.prune_attempts``
beat task. None (the default) keeps everything, as django-axes keeps its logs
until told otherwise.

Kept whatever their age: attempts not scored yet (the sweep still owes them a
verdict) and those of accounts still pending or in review (a reviewer needs
them to decide). An attempt's labels go with it, so retraining from the
database (``signupguard_train`` without ``--events``) learns from what
retention keeps.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from signupguard.models import AccountStatus, Attempt

# Rows per DELETE: each batch is one short transaction, so signups are never kept waiting behind a long one.
BATCH = 1000


def expired_attempts(days: float, *, now: dt.datetime | None = None) -> QuerySet[Attempt]:
    """Attempts captured more than ``days`` ago that retention may delete."""
    try:
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    except OverflowError:  # longer than the calendar (say, infinity): nothing is that old
        return Attempt.objects.none()
    undecided = AccountStatus.objects.filter(
        status__in=[AccountStatus.Status.PENDING, AccountStatus.Status.REVIEW]
    ).values("user_id")
    return (
        Attempt.objects.filter(created_at__lt=cutoff)
        .exclude(state__in=[Attempt.State.PENDING, Attempt.State.SCORING])
        .exclude(user_id__in=undecided)
    )


def delete_expired_attempts(days: float, *, now: dt.datetime | None = None, batch: int = BATCH) -> int:
    """Delete what ``expired_attempts`` selects, ``batch`` at a time; return how many attempts went."""
    if days <= 0:
        raise ValueError(f"a retention of {days!r} days would delete every attempt")
    deleted = 0
    while True:
        with transaction.atomic():
            ids = list(expired_attempts(days, now=now).order_by("pk").values_list("pk", flat=True)[:batch])
            if not ids:
                return deleted
            # Django's delete: labels go with their attempt; statuses, changes and links keep theirs as NULL.
            Attempt.objects.filter(pk__in=ids).delete()
        deleted += len(ids)
