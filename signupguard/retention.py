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
retention keeps. The cluster index (link keys) and the clusters' evidence
expire with them (``delete_expired_link_data``).

``erase_account`` deletes what was stored about one account, for a
portal's right-to-erasure path: a deleted user's attempts otherwise keep
their data with ``user`` NULL.
"""

from __future__ import annotations

import datetime as dt
import operator
from functools import reduce
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac

from signupguard.conf import is_retention, sg_settings
from signupguard.models import AccountStatus, Attempt, Link, LinkKey

# Rows per DELETE: each batch is one short transaction, so signups are never kept waiting behind a long one.
BATCH = 1000
EXPIRED = "expired:"  # the value of evidence older than the retention: a digest of what it was


def retention_days() -> float | None:
    """``ATTEMPT_RETENTION_DAYS``; None keeps every attempt.

    ValueError for anything but a positive number of days (check E034): a guess at what "365" or 0 meant could
    delete attempts a portal must keep, so nothing is deleted until the setting is fixed.
    """
    days = sg_settings.ATTEMPT_RETENTION_DAYS
    if not is_retention(days):
        raise ValueError(f"SIGNUPGUARD['ATTEMPT_RETENTION_DAYS'] = {days!r} is not a positive number of days "
                         "(check signupguard.E034): no attempt was deleted")
    return days


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
                delete_expired_link_data(days, now=now)
                return deleted
            # Django's delete: labels go with their attempt; statuses, changes and links keep theirs as NULL.
            Attempt.objects.filter(pk__in=ids).delete()
        deleted += len(ids)


def delete_expired_link_data(days: float, *, now: dt.datetime | None = None) -> None:
    """The cluster index and its evidence are copies of attempts' addresses, mailboxes and devices: they expire too.

    Link keys not seen within the retention go, so new signups no longer link
    through them. Older evidence (``Link``) keeps its kind, which the
    retroactive policy weighs, but its value becomes a keyed digest, and the
    clusters it touched recompute their shared attributes.
    """
    from signupguard.clusters import refresh

    try:
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    except OverflowError:  # longer than the calendar: nothing is that old
        return
    LinkKey.objects.filter(last_seen__lt=cutoff).delete()
    touched: set[int] = set()
    old = Link.objects.filter(at__lt=cutoff).exclude(value__startswith=EXPIRED).only("pk", "value", "cluster_id")
    while batch := list(old[:BATCH]):  # one UPDATE per batch, each its own short transaction
        for link in batch:
            link.value = expired_value(link.value)
            touched.add(link.cluster_id)
        Link.objects.bulk_update(batch, ["value"])
    for cluster_id in sorted(touched):
        refresh(cluster_id)  # one deleted meanwhile is skipped


def expired_value(value: str) -> str:
    """What an expired piece of evidence keeps: a digest keyed with ``SECRET_KEY``.

    Equal values still read as equal (one shared device stays one), but a bare
    hash of an IPv4 address or a device id falls to a list of guesses in minutes.
    """
    digest = salted_hmac("signupguard.retention.expired", value.encode("utf-8", "surrogatepass"), algorithm="sha256")
    return EXPIRED + digest.hexdigest()[:16]


def erase_account(user: Any) -> int:
    """Delete what SignupGuard stored about one account (right to erasure); return the attempts deleted.

    Its attempts (by user, and failed logins that typed its username or email)
    and their labels. Call it before deleting the user (or from a ``pre_delete``
    receiver of the user model): once the user is gone its attempts keep the
    address, email, headers and device with ``user`` NULL. LinkKey, Link,
    ClusterMember, AccountStatus and its StatusChange rows go by CASCADE.
    """
    # Failed logins record what was typed, the username or the email, when no account matched it, in
    # whatever case the person typed it: allauth and most login forms match both case-insensitively.
    email = getattr(user, "email", "") or ""
    typed = [Q(account__iexact=value) for value in {user.get_username(), email} if value]
    typed += [Q(email__iexact=email)] if email else []
    match = Q(user=user)
    if typed:
        match |= Q(user__isnull=True) & reduce(operator.or_, typed)
    with transaction.atomic():
        AccountStatus.objects.filter(user=user).update(attempt=None)
        _, deleted = Attempt.objects.filter(match).delete()
    return deleted.get(Attempt._meta.label, 0)  # not the labels deleted with them
