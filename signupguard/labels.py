"""Training labels from people: reviewers' decisions and abuse reports.

Approve in the review console means legit; a confirmed block or an abuse
report means fraud. The latest label of an attempt wins. Attempts that
SignupGuard allowed and that stayed unremarkable for ``LEGIT_AFTER_DAYS``
count as legitimate (``matured_legit``). Every stored attempt, labelled or
not, is replayed through the pipeline in time order so that velocity
features are computed exactly as they were live.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterator, NamedTuple

import orjson

from signupguard.context import EventError, RawEvent, parse_event, sub_microsecond
from signupguard.offline import Dataset, dataset_from_events


def latest_labels() -> dict[int, str]:
    """attempt id -> "fraud" | "legit", the most recent label winning."""
    from signupguard.models import Label

    labels: dict[int, str] = {}
    for attempt_id, value in Label.objects.order_by("at", "pk").values_list("attempt_id", "label").iterator(chunk_size=5000):
        labels[attempt_id] = value
    return labels


def decided_by_model() -> Any:
    """A filter (``Q``) for attempts the model decided: no reasons, or a first reason that is not a rule's
    (an allow or deny list, the honeypot), whose verdict says nothing of the model's score."""
    from django.db.models import Q

    from signupguard.policy import RULE_FEATURE

    return Q(reasons__0__feature__isnull=True) | ~Q(reasons__0__feature=RULE_FEATURE)


def matured_legit(*, days: float, now: dt.datetime | None = None) -> set[int]:
    """Ids of attempts allowed at least ``days`` ago whose account still exists and is neither held nor blocked now.

    Reviewers label what the model held: the fraud it caught and the hard
    legitimate cases. Trained on those alone, a model learns a world in which
    legitimate people look suspicious, and chooses its thresholds on them
    (measured on generator d: 4.0% of legitimate signups held afterwards,
    against 2.3% for the shipped model; docs/model.md). The attempts it let
    through, once old enough for abuse to have shown, are the ordinary
    legitimate traffic. Fraud among them that nobody noticed is labelled
    legitimate: the label noise every fraud team works with.

    Attempts an allow list decided (``ALLOW_*``: their first reason is the
    rule) are left out: the model did not decide them, and a portal's own
    probe (a headless monitor signing up every hour), labelled legitimate,
    pulled every threshold above itself when retraining on generator e
    (docs/model.md).
    """
    from django.utils import timezone

    from signupguard.models import AccountStatus, Attempt

    try:
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    except OverflowError:  # longer than the calendar (say, infinity): nothing is that old
        return set()
    held = AccountStatus.objects.filter(status__in=[AccountStatus.Status.REVIEW, AccountStatus.Status.BLOCKED])
    allowed = Attempt.objects.filter(decision=Attempt.Decision.ALLOW, occurred_at__lte=cutoff).filter(decided_by_model())
    # An attempt without an account says nothing about one: a failed login for an unknown
    # name, or an account the host deleted (Attempt.user is SET_NULL), blocked ones included.
    allowed = allowed.filter(user__isnull=False).exclude(user__in=held.values("user"))
    return set(allowed.values_list("pk", flat=True).iterator(chunk_size=5000))


# ``training_labels``' default: the LEGIT_AFTER_DAYS setting (None there, or passed, takes none).
UNSET: Any = object()


@dataclass(frozen=True)
class DatabaseLabels:
    """The labels training reads from the database: people's (by attempt id) and the matured allowed attempts."""

    people: dict[int, str]
    matured: frozenset[int]
    legit_after_days: float | None = None
    # Epoch seconds: attempts after it can carry people's labels only (none matured yet).
    mature_before: float | None = None

    def get(self, attempt_id: int) -> str | None:
        return self.people.get(attempt_id) or ("legit" if attempt_id in self.matured else None)


def training_labels(*, legit_after_days: float | None = UNSET) -> DatabaseLabels:
    """People's labels, and the allowed attempts older than ``legit_after_days`` (default: the
    ``LEGIT_AFTER_DAYS`` setting); None takes none."""
    from signupguard.conf import is_number_of_days, sg_settings

    days = sg_settings.LEGIT_AFTER_DAYS if legit_after_days is UNSET else legit_after_days
    if days is not None:
        if not is_number_of_days(days):
            raise ValueError(f"LEGIT_AFTER_DAYS = {days!r} is not a number of days (system check E033)")
        days = float(days)
    from django.utils import timezone

    now = timezone.now()
    people = latest_labels()
    matured = frozenset(matured_legit(days=days, now=now) - people.keys()) if days is not None else frozenset()
    mature_before = None
    if days is not None:
        try:
            mature_before = (now - dt.timedelta(days=days)).timestamp()
        except OverflowError:  # nothing is that old: no attempt matures
            mature_before = None
    return DatabaseLabels(people=people, matured=matured, legit_after_days=days, mature_before=mature_before)


def _stored_attempts() -> Iterator[tuple[int, Any]]:
    """(id, raw event) of every stored attempt by ``occurred_at`` (export keeps it; training then sorts by the
    events' own times, which a file's reader does too)."""
    from signupguard.models import Attempt

    return Attempt.objects.order_by("occurred_at", "pk").values_list("pk", "raw").iterator(chunk_size=5000)


def dataset_from_database(
    *, labels: DatabaseLabels | None = None, progress: Callable[[int], None] | None = None,
) -> Dataset:
    labels = labels if labels is not None else training_labels()
    bad = 0
    events: list[RawEvent] = []
    times: list[tuple[float, int]] = []
    for pk, raw in _stored_attempts():
        if isinstance(raw, dict) and "label" in raw:
            # Its labels are the database's (people's, and time's): a label stored in the captured
            # event (an imported file's, say) is not read, as export_events leaves it out too.
            raw = {key: value for key, value in raw.items() if key != "label"}
        try:
            event = parse_event(raw)
        except EventError:
            bad += 1  # stored by an older version or edited by hand: skipped, counted
            continue
        event.label = labels.get(pk)
        events.append(event)
        times.append((event.timestamp, sub_microsecond(raw.get("occurred_at"))))
    # In the events' own time order, as a file is read (offline.scan) and as they were scored live. The
    # occurred_at column is not it with USE_TZ = False: local wall time, whose hour repeats when the clocks
    # go back, interleaving two hours' attempts. Stable: equal times keep the database's order (the export's).
    order = sorted(range(len(events)), key=times.__getitem__)
    events = [events[i] for i in order]
    labelled = sum(1 for e in events if e.label is not None)
    return dataset_from_events(events, capacity=labelled, total_events=len(events) + bad, bad_lines=bad, progress=progress)


class Exported(NamedTuple):
    lines: int  # attempts written
    labelled: int  # of them, labelled lines training learns from
    unreadable: int  # lines that no longer parse: training reports them as bad lines, labelled or not


def export_events(
    out: IO[bytes], *, labels: DatabaseLabels | None = None, progress: Callable[[int], None] | None = None,
) -> Exported:
    """Every stored attempt as a contract line, by ``occurred_at`` (a reader of the file sorts by event time).

    Each line is the event as captured, with ``label`` set to the attempt's
    training label (or left out), so ``signupguard_train --events`` on the
    file learns what training from the database would, and the labels
    outlive ``ATTEMPT_RETENTION_DAYS``. Lines that no longer parse are
    written as stored (nothing is lost) but not counted as labelled: training
    reports them as bad lines.
    """
    labels = labels if labels is not None else training_labels()
    lines = labelled = unreadable = 0
    for pk, raw in _stored_attempts():
        event = dict(raw) if isinstance(raw, dict) else {"raw": raw}
        label = labels.get(pk)
        event.pop("label", None)
        try:
            parse_event(event)
        except EventError:
            unreadable += 1
        else:
            if label is not None:
                labelled += 1
        if label is not None:
            event["label"] = label
        out.write(orjson.dumps(event) + b"\n")
        lines += 1
        if progress is not None and lines % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(lines % 1000)
    return Exported(lines, labelled, unreadable)
