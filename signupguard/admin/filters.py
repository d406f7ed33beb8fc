"""List filters that stay cheap on a million attempts.

High-cardinality columns (ASN, email domain, cluster) get a text box instead of
a ``SELECT DISTINCT`` over the whole table; low-cardinality ones (model
version, country, network kind) read their values once a minute per process
(``RecentValuesFilter``); the queue filter defaults to what reviewers open the
console for: items pending review.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Iterator

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from .common import unsearchable

PENDING = "pending"
ALL = "all"
MAX_NUMBER = 2**63 - 1  # the widest integer column (a 64-bit id or ASN); SQLite raises OverflowError past it


# The queue's order: the longest held first (when the account went into review), then the attempt.
QUEUE_ORDERING = ["deciding_statuses__updated_at", "pk"]


class QueueFilter(admin.SimpleListFilter):
    """``pending`` (default): the attempt that put an account in review, one per account."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(PENDING, "Pending review"), (ALL, "All attempts")]

    def value(self) -> str:
        return super().value() or PENDING

    def choices(self, changelist: Any) -> Iterator[Any]:  # dicts with the template's own keys
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == PENDING:
            from signupguard.models import AccountStatus

            # The accounts in review name their attempts: joined from that short list, in the order of the
            # queue (QUEUE_ORDERING), PostgreSQL walks the (status, updated_at) index and stops at the page.
            # A semi-join sorted by the attempts' time walked the attempts from the oldest: held ones are
            # recent, so it read most of the table (0.56 s at 200,000 attempts, growing with it).
            return queryset.filter(deciding_statuses__status=AccountStatus.Status.REVIEW)
        return queryset


class StatusFilter(admin.SimpleListFilter):
    title = "account status"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        from signupguard.models import AccountStatus

        return list(AccountStatus.Status.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        return queryset.filter(user__signupguard_status__status=value) if value else queryset


class DecidingAttemptFilter(admin.SimpleListFilter):
    """Accounts whose deciding attempt is gone: the queue lists attempts, so it cannot show them.

    An abuse report on an account whose signup attempt retention deleted puts
    it in review with no attempt; this is where a reviewer finds it.
    """

    title = "deciding attempt"
    parameter_name = "deciding_attempt"
    NONE = "none"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(self.NONE, "None stored")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(attempt__isnull=True) if self.value() == self.NONE else queryset


# How long a column's list of values is reused: a new model version or country shows within it.
VALUES_TTL = 60.0
_values: dict[tuple[str, str], tuple[float, list[Any]]] = {}
_values_lock = threading.Lock()


class RecentValuesFilter(admin.AllValuesFieldListFilter):
    """Django's filter of a column's values, the values read at most once a ``VALUES_TTL`` per process.

    Each list page ran ``SELECT DISTINCT`` over the whole table for each such
    filter: 10-25 ms apiece at 200,000 attempts, growing with the table. The
    values are the same for every reviewer (the admin's queryset is not per
    user), so one process reads them for all.
    """

    def __init__(self, field: Any, request: HttpRequest, params: Any, model: Any, model_admin: Any,
                 field_path: str) -> None:
        super().__init__(field, request, params, model, model_admin, field_path)
        key, now = (model._meta.label, field_path), time.monotonic()
        with _values_lock:
            cached = _values.get(key)
        if cached is None or cached[0] <= now:
            cached = (now + VALUES_TTL, list(self.lookup_choices))  # the query runs here, not in __init__
            with _values_lock:
                _values[key] = cached
        self.lookup_choices = cached[1]  # type: ignore[assignment]  # the queryset's values, read once a TTL


def forget_values() -> None:
    """Drop the cached column values (tests; a process that must see new ones at once)."""
    with _values_lock:
        _values.clear()


class InputFilter(admin.SimpleListFilter):
    """A text box filter: ``field`` equals what was typed."""

    template = "admin/signupguard/input_filter.html"
    field = ""
    numeric = False

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("", "")]  # needed for the filter to show; the template renders a box

    def has_output(self) -> bool:
        return True

    def choices(self, changelist: Any) -> Iterator[Any]:  # dicts with the template's own keys
        others = {k: v for k, v in changelist.get_filters_params().items() if k != self.parameter_name}
        yield {
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "others": [(k, v[-1] if isinstance(v, list) else v) for k, v in others.items()],
            "clear_query_string": changelist.get_query_string(remove=[self.parameter_name]),
        }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = (self.value() or "").strip()
        if not value:
            return queryset
        if unsearchable(value):
            return queryset.none()
        lookup: str | int = value
        if self.numeric:
            digits = value.upper().removeprefix("AS")
            if not (digits.isascii() and digits.isdigit()):  # "²".isdigit() is True, and int("²") a ValueError
                return queryset.none()
            lookup = int(digits)
            if lookup > MAX_NUMBER:
                return queryset.none()
        return queryset.filter(**{self.field: self.canonical(lookup)})

    def canonical(self, value: Any) -> Any:
        """The value as the column stores it."""
        return value


class ASNFilter(InputFilter):
    title = "ASN"
    parameter_name = "asn"
    field = "asn"
    numeric = True


class EmailDomainFilter(InputFilter):
    title = "email domain"
    parameter_name = "email_domain"
    field = "email_domain"

    def canonical(self, value: Any) -> Any:
        return str(value).lower()  # stored lower case: "Example.ORG" found nothing


class ClusterFilter(InputFilter):
    title = "cluster"
    parameter_name = "cluster"
    field = "user__signupguard_cluster_membership__cluster_id"
    numeric = True


class AccountClusterFilter(ClusterFilter):
    field = "user__signupguard_cluster_membership__cluster_id"
