"""Velocity: how often things were seen recently, across every event.

A ``VelocityStore`` keeps sliding-window counters and distinct-member sets. It
is one protocol with three backends: ``memory`` (replay, tests), ``database``
(the embedded default) and ``redis`` (production). Semantics, shared by all:

* ``observe`` first *reads* and then *records*: the returned figures describe
  the events before this one, so the first event of a key reads 0.
* Windows are sliding, measured in buckets of ``window / BUCKETS_PER_WINDOW``
  seconds: an event leaves a window at the granularity of one bucket.
* Events may arrive slightly out of order (live traffic); an event older than
  the newest bucket of its key is counted in that newest bucket.
* The cost of one ``observe`` depends on the number of keys it names, never on
  how much history the store holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence, runtime_checkable

# Sliding windows, in seconds, for counters and for distinct sets.
WINDOWS: tuple[int, ...] = (600, 3600, 86400, 7 * 86400)
WINDOW_NAMES: tuple[str, ...] = ("10m", "1h", "24h", "7d")
DISTINCT_WINDOWS: tuple[int, ...] = (3600, 7 * 86400)
DISTINCT_WINDOW_NAMES: tuple[str, ...] = ("1h", "7d")
BUCKETS_PER_WINDOW = 12


@dataclass(slots=True)
class VelocityReading:
    """Figures read before the event was recorded.

    ``counts[i][w]``: events of ``counters[i]`` within ``WINDOWS[w]``.
    ``distinct[j][w]``: distinct members of ``distinct[j]``'s key within
    ``DISTINCT_WINDOWS[w]``, *including* this event's member when it is new
    (a member already present is not counted twice).
    ``peeked[k][w]``: like ``counts`` for ``peek[k]``, read without recording.
    """

    counts: list[tuple[int, ...]]
    distinct: list[tuple[int, ...]]
    peeked: list[tuple[int, ...]]

    def to_dict(self) -> dict[str, list[list[int]]]:
        return {
            "counts": [list(c) for c in self.counts],
            "distinct": [list(d) for d in self.distinct],
            "peeked": [list(p) for p in self.peeked],
        }

    @classmethod
    def from_dict(cls, data: dict[str, list[list[int]]]) -> "VelocityReading":
        return cls(
            counts=[tuple(c) for c in data["counts"]],
            distinct=[tuple(d) for d in data["distinct"]],
            peeked=[tuple(p) for p in data.get("peeked", [])],
        )


@runtime_checkable
class VelocityStore(Protocol):
    """The protocol every backend implements."""

    def observe(
        self,
        *,
        now: float,
        counters: Sequence[str],
        distinct: Sequence[tuple[str, str]],
        peek: Sequence[str] = (),
    ) -> VelocityReading:
        """Read then record one event.

        ``counters`` are keys to count (one increment each); ``distinct`` are
        ``(key, member)`` pairs whose distinct members are counted; ``peek``
        are counter keys only read. Keys are opaque strings built by
        ``signupguard.velocity.keys``.
        """
        ...

    def clear(self) -> None:
        """Forget everything (tests, replay start)."""
        ...


def get_store() -> VelocityStore:
    """The store configured by ``SIGNUPGUARD['VELOCITY_BACKEND']`` (one per process)."""
    from django.utils.module_loading import import_string

    from signupguard.conf import sg_settings

    path = sg_settings.VELOCITY_BACKEND
    options = dict(sg_settings.VELOCITY_OPTIONS or {})
    cache_key = (path, tuple(sorted((k, repr(v)) for k, v in options.items())))
    store = _STORES.get(cache_key)
    if store is None:
        store = import_string(path)(**options)
        _STORES[cache_key] = store
    return store


_STORES: dict[tuple, VelocityStore] = {}


def for_event(store: VelocityStore, event_id: str) -> VelocityStore:
    """``store``, observing the live event ``event_id`` at most once.

    For a store whose write can land after its caller saw an error (Redis, when
    the server stalls past the client's timeout) and which therefore offers
    ``for_event``: a retry gets the first reading back instead of counting the
    event again. The others are returned as they are.
    """
    bind = getattr(store, "for_event", None)
    return store if bind is None else bind(event_id)


def prune_expired() -> int | None:
    """Delete the configured store's expired data; how many rows went, or None for a store that
    expires its own (Redis's TTLs, the in-process store's collection as it goes)."""
    prune = getattr(get_store(), "prune_expired", None)
    return None if prune is None else prune()
