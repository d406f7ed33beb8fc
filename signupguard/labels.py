"""Training labels from people: reviewers' decisions and abuse reports.

Approve in the review console means legit; a confirmed block or an abuse
report means fraud. The latest label of an attempt wins. Every stored
attempt, labelled or not, is replayed through the pipeline in time order so
that velocity features are computed exactly as they were live.
"""

from __future__ import annotations

from typing import Callable

from signupguard.context import EventError, RawEvent, parse_event
from signupguard.offline import Dataset, dataset_from_events


def latest_labels() -> dict[int, str]:
    """attempt id -> "fraud" | "legit", the most recent label winning."""
    from signupguard.models import Label

    labels: dict[int, str] = {}
    for attempt_id, value in Label.objects.order_by("at", "pk").values_list("attempt_id", "label").iterator(chunk_size=5000):
        labels[attempt_id] = value
    return labels


def dataset_from_database(*, progress: Callable[[int], None] | None = None) -> Dataset:
    from signupguard.models import Attempt

    labels = latest_labels()
    bad = 0
    events: list[RawEvent] = []
    rows = Attempt.objects.order_by("occurred_at", "pk").values_list("pk", "raw").iterator(chunk_size=5000)
    for pk, raw in rows:
        try:
            event = parse_event(raw)
        except EventError:
            bad += 1  # stored by an older version or edited by hand: skipped, counted
            continue
        event.label = labels.get(pk)
        events.append(event)
    labelled = sum(1 for e in events if e.label is not None)
    return dataset_from_events(events, capacity=labelled, total_events=len(events) + bad, bad_lines=bad, progress=progress)
