"""In-process velocity store: the hot path of offline replay, and the test double.

The cost of an event does not grow with the history held:

* every structure is O(1) amortised per key and window: a counter keeps, per
  window, its newest bucket, the running total of its live buckets and the
  short tuple (at most ``buckets`` long) of older live buckets, evicted from
  the front when a new bucket starts; a distinct set keeps, per window, a dict
  member → last seen in last-seen order (a repeat is deleted and re-inserted at
  the end), evicted from the front when the window moves to a new bucket;
* most keys are seen once (an address, a mailbox): such a key is just the
  instant it was seen (a counter) or ``(instant, member)`` (a set);
* the structures are mostly floats, tuples of ints and str → float dicts,
  which CPython's cycle collector untracks, and the few lists are updated in
  place: a long replay does not keep promoting new objects to the oldest
  generation, whose collections walk the whole store;
* every so often (amortised: once per a quarter as many events as there are
  keys) keys whose data left every window are dropped, bounding memory to the
  keys active over the largest window; ``max_keys`` adds a hard cap.

The counters and distinct sets, the hottest loops of replay and training,
run in C when the optional extension ``_compiled`` was built (``pip install``
builds it where a C compiler is found; ``compiled=False`` or its absence
selects this module's Python, which gives the same readings: the shared
backend suite and a randomised comparison run both). The compiled path keeps
its keys in the extension's ``Table`` rather than dicts: with a week of
training traffic held, nearly every lookup misses the CPU caches, and the
table lets one event's lookups overlap their misses. Offline training calls
``observe_into``, which writes an event's readings straight into its row of
the features' integer matrix instead of returning them as tuples.

One lock guards the store (an uncontended acquire costs ~0.1 µs), so a threaded
dev server may share it; it is per process and forgets on restart.
"""

from __future__ import annotations

import heapq
import math
import operator
import threading
from operator import add
from typing import Any, Sequence

from . import BUCKETS_PER_WINDOW, DISTINCT_WINDOWS, WINDOWS, VelocityReading
from .buckets import bucket_of, check_windows, since, widths

try:
    from ._compiled import Counter as _Counter, Table as _Table, count as _count, distinct as _distinct
except ImportError:  # built without a C compiler: the Python path below
    _Counter = _Table = _count = _distinct = None
try:  # newer than the rest: an extension built before it (not reinstalled) still counts in C
    from ._compiled import observe_into as _observe_into
except ImportError:
    _observe_into = None

_MIN_GC_INTERVAL = 50_000  # events between collections, at least
_INF = math.inf
_NO_OLDER: tuple[tuple, int] = ((), 0)  # (older live (bucket, count)s, their sum)


def _check_places(length: int, groups: Sequence[tuple[Sequence[Any], Sequence[Any], int]]) -> None:
    """``observe_into``'s places: one per key, each with room for its reading of ``width`` in a row of ``length``."""
    for keys, places, width in groups:
        if len(places) != len(keys):
            raise ValueError("observe_into(): one place is needed for each key")
        for place in places:
            if not 0 <= operator.index(place) <= length - width:
                raise IndexError("observe_into(): a reading's place is outside the row")


def _evict(members: dict[str, float], thr: float) -> float:
    """Drop members last seen before ``thr`` (they sit at the front); return the new oldest instant."""
    dead = []
    for member, seen in members.items():
        if seen >= thr:
            break
        dead.append(member)
    else:
        seen = _INF
    for member in dead:
        del members[member]
    return seen


class MemoryVelocityStore:
    """Sliding-window counters and distinct sets held in this process."""

    _newest: float  # the newest instant recorded
    _events: int  # events recorded, for the collection schedule
    _next_gc: int

    def __init__(
        self,
        *,
        windows: Sequence[int] = WINDOWS,
        distinct_windows: Sequence[int] = DISTINCT_WINDOWS,
        buckets: int = BUCKETS_PER_WINDOW,
        max_keys: int | None = None,
        compiled: bool | None = None,
    ) -> None:
        """``compiled``: counters and sets in C (True: an error without the extension),
        in Python (False), or in C when it was built (None)."""
        self.windows = check_windows(windows, buckets)
        self.distinct_windows = check_windows(distinct_windows, buckets, name="distinct_windows")
        self.buckets = buckets
        if max_keys is not None and max_keys < 1:
            raise ValueError("max_keys must be positive or None")
        self.max_keys = max_keys
        if compiled and _count is None:
            raise ImportError("signupguard.velocity._compiled was not built (no C compiler at install time)")
        self.compiled = _count is not None if compiled is None else compiled
        self._widths = widths(self.windows, buckets)
        self._dwidths = widths(self.distinct_windows, buckets)
        self._big = self.windows.index(max(self.windows))
        self._dbig = self.distinct_windows.index(max(self.distinct_windows))
        # How far out of order an event may arrive and still find keys the
        # collector would otherwise have dropped: one bucket of the largest window.
        self._slack = max(self._widths + self._dwidths)
        self._zero_c = (0,) * len(self.windows)
        self._ones_c = (1,) * len(self.windows)
        self._ones_d = (1,) * len(self.distinct_windows)
        self._lock = threading.Lock()
        self.clear()

    # -- protocol ---------------------------------------------------------------
    def observe(
        self,
        *,
        now: float,
        counters: Sequence[str],
        distinct: Sequence[tuple[str, str]],
        peek: Sequence[str] = (),
    ) -> VelocityReading:
        """Read then record one event (see the protocol in ``velocity/__init__``)."""
        with self._lock:
            cstore, dstore = self._counters, self._distinct
            if self.compiled:
                counts = _count(cstore, counters, now, self._widths, self.buckets, True, self._zero_c)
                dists = _distinct(dstore, distinct, now, self._dwidths, self.buckets, self._ones_d)
                peeked = _count(cstore, peek, now, self._widths, self.buckets, False, self._zero_c)
            else:
                curs = self._buckets_at(now)
                counts = self._count(counters, now, curs)
                dists = self._distinct_sets(distinct, now)
                peeked = [self._peek(key, curs) for key in peek]
            self._recorded(now)  # after the readings: the compiled path refuses an instant no date has
            return VelocityReading(counts, dists, peeked)

    def observe_into(
        self,
        row: Any,
        *,
        now: float,
        counters: Sequence[str],
        counters_at: Sequence[int],
        distinct: Sequence[tuple[str, str]],
        distinct_at: Sequence[int],
        peek: Sequence[str],
        peek_at: Sequence[int],
    ) -> None:
        """``observe``, with each key's reading written into ``row`` (int64) at its ``*_at`` offset.

        What offline training calls for every event: the compiled path writes
        the readings where the features are read from, without building them
        as tuples first. Places of keys not given are left as they are.
        """
        if not self.compiled or _observe_into is None:
            # Refused as the compiled path refuses them, before anything is recorded.
            _check_places(len(row), ((counters, counters_at, len(self.windows)),
                                     (distinct, distinct_at, len(self.distinct_windows)), (peek, peek_at, len(self.windows))))
            reading = self.observe(now=now, counters=counters, distinct=distinct, peek=peek)
            for places, figures in ((counters_at, reading.counts), (distinct_at, reading.distinct),
                                    (peek_at, reading.peeked)):
                for at, values in zip(places, figures):
                    row[at:at + len(values)] = values
            return
        with self._lock:
            _observe_into(self._counters, self._distinct, now, self._widths, self._dwidths, self.buckets,
                          self._zero_c, self._ones_d, counters, counters_at, distinct, distinct_at, peek, peek_at, row)
            self._recorded(now)

    def _recorded(self, now: float) -> None:
        """After an event's readings (under the lock): the newest instant, and housekeeping when due."""
        if now > self._newest:
            self._newest = now
        self._events += 1
        if self._events >= self._next_gc:
            self._collect()
        if self.max_keys is not None and len(self._counters) + len(self._distinct) > self.max_keys:
            self._trim()

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            # The compiled path keeps its keys in a _compiled.Table (a str -> object map
            # that looks up an event's keys together), the Python path in dicts.
            table: Any = _Table if self.compiled else dict
            # counter key -> instant | (newest buckets, live totals, per window (older (bucket, count)s, their sum)),
            # or with the compiled counters: instant | _compiled.Counter (Any: the shapes are told apart by type() in the loops)
            self._counters: Any = table()
            # set key -> (instant, member) | [newest instant, members, oldest instant, ...]
            self._distinct: Any = table()
            self._newest = -_INF
            self._events = 0
            self._next_gc = _MIN_GC_INTERVAL

    # -- introspection and housekeeping -----------------------------------------
    def __len__(self) -> int:
        """Number of keys held (counters and distinct sets)."""
        return len(self._counters) + len(self._distinct)

    def collect(self) -> int:
        """Drop keys whose data has left every window; return how many.

        Runs by itself every so often; callable by tests and by long-lived
        processes that went quiet.
        """
        with self._lock:
            return self._collect()

    # -- internals --------------------------------------------------------------
    def _buckets_at(self, now: float) -> tuple[int, ...]:
        floor = math.floor
        return tuple([floor(now / w) for w in self._widths])

    def _count(self, counters: Sequence[str], now: float, curs: tuple[int, ...]) -> list[tuple[int, ...]]:
        """Read then record ``counters`` (the Python path of ``_compiled.count``)."""
        cstore, ones = self._counters, self._ones_c
        counts: list[tuple[int, ...]] = []
        for key in counters:
            e = cstore.get(key)
            if e is None:  # a key seen once is just its instant
                cstore[key] = now
                counts.append(self._zero_c)
            elif type(e) is tuple and e[0] == curs:  # same bucket in every window
                r = e[1]
                counts.append(r)
                cstore[key] = (curs, tuple(map(add, r, ones)), e[2])
            else:
                counts.append(self._advance(key, e, now, curs))
        return counts

    def _distinct_sets(self, distinct: Sequence[tuple[str, str]], now: float) -> list[tuple[int, ...]]:
        """Read then record ``distinct`` pairs (the Python path of ``_compiled.distinct``)."""
        dstore = self._distinct
        dists: list[tuple[int, ...]] = []
        thr_now: list[float] | None = None
        for key, member in distinct:
            d = dstore.get(key)
            if d is None:  # a set with one member is (instant, member)
                dstore[key] = (now, member)
                dists.append(self._ones_d)
                continue
            te = d[0]
            if te <= now:
                te = now
                if thr_now is None:
                    thr_now = [since(now, w, self.buckets) for w in self._dwidths]
                thrs = thr_now
            else:  # out of order: read and record at the key's newest instant
                thrs = [since(te, w, self.buckets) for w in self._dwidths]
            if len(d) == 2:
                dists.append(self._distinct_pair(key, d, member, te, thrs))
                continue
            # Updated in place: a list holding dicts is tracked by the cycle
            # collector for good, so it must not be reallocated per event.
            d[0] = te
            out = []
            i = 1
            for thr in thrs:
                members = d[i]
                if d[i + 1] < thr:
                    d[i + 1] = _evict(members, thr)
                if member in members:
                    out.append(len(members))
                    del members[member]  # re-inserted at the end: last-seen order
                    members[member] = te
                else:
                    members[member] = te
                    out.append(len(members))
                    if d[i + 1] == _INF:
                        d[i + 1] = te
                i += 2
            dists.append(tuple(out))
        return dists

    def _advance(self, key: str, e: Any, now: float, curs: tuple[int, ...]) -> tuple[int, ...]:
        """Record ``key`` when some window moved to a new bucket, or on its second sighting."""
        B = self.buckets
        nbs: list[int]
        read: list[int]
        rest: list[tuple]
        if type(e) is not tuple:  # second sighting: e is the instant of the first
            nbs, read, rest = [], [], []
            for w, cur in zip(self._widths, curs):
                b1 = math.floor(e / w)
                if b1 >= cur:  # same bucket, or out of order
                    nbs.append(b1)
                    read.append(1)
                    rest.append(_NO_OLDER)
                else:
                    nbs.append(cur)
                    if b1 > cur - B:
                        read.append(1)
                        rest.append((((b1, 1),), 1))
                    else:
                        read.append(0)
                        rest.append(_NO_OLDER)
        else:
            nbs, tots, rests = e
            # Windows still in their newest bucket just count one more: with
            # nested windows (the defaults) those are the larger ones, and most
            # keys come back within a day, so only the short windows roll.
            k = len(curs)
            while k and nbs[k - 1] == curs[k - 1]:
                k -= 1
            read = list(tots)
            nbs, rest = list(nbs), list(rests)
            for i in range(k):
                cur, nb = curs[i], nbs[i]
                if nb >= cur:  # out of order: counted in the newest bucket
                    continue
                lo = cur - B  # buckets <= lo have left the window
                if nb <= lo:
                    read[i] = 0
                    rest[i] = _NO_OLDER
                else:
                    tot = read[i]
                    older, osum = rests[i]
                    older += ((nb, tot - osum),)
                    osum = tot
                    if older[0][0] <= lo:
                        j = 0
                        while older[j][0] <= lo:
                            osum -= older[j][1]
                            j += 1
                        older = older[j:]
                    read[i] = osum
                    rest[i] = (older, osum)
                nbs[i] = cur
        if not any(read):  # everything expired: back to a single instant
            self._counters[key] = now
            return self._zero_c
        result = tuple(read)
        self._counters[key] = (tuple(nbs), tuple(map(add, result, self._ones_c)), tuple(rest))
        return result

    def _distinct_pair(
        self, key: str, d: tuple[float, str], member: str, te: float, thrs: list[float]
    ) -> tuple[int, ...]:
        """Record ``member`` in a set that held one member so far."""
        t1, m1 = d
        if member == m1:
            self._distinct[key] = (te, m1)
            return self._ones_d
        if all(t1 < thr for thr in thrs):  # the old member left every window
            self._distinct[key] = (te, member)
            return self._ones_d
        entry: list = [te]
        out = []
        for thr in thrs:
            if t1 >= thr:
                entry += ({m1: t1, member: te}, t1)
                out.append(2)
            else:
                entry += ({member: te}, te)
                out.append(1)
        self._distinct[key] = entry
        return tuple(out)

    def _peek(self, key: str, curs: tuple[int, ...]) -> tuple[int, ...]:
        e = self._counters.get(key)
        if e is None:
            return self._zero_c
        B = self.buckets
        if type(e) is not tuple:
            return tuple([int(math.floor(e / w) > cur - B) for w, cur in zip(self._widths, curs)])
        nbs, tots, rests = e
        if nbs == curs:
            return tots
        k = len(curs)
        while k and nbs[k - 1] == curs[k - 1]:  # as in _advance: these windows read their total
            k -= 1
        out = list(tots)
        for i in range(k):
            cur, nb = curs[i], nbs[i]
            lo = cur - B
            if nb >= cur:
                continue
            if nb <= lo:
                out[i] = 0
            else:
                out[i] = tots[i] - sum([c for b, c in rests[i][0] if b <= lo])
        return tuple(out)

    def _newest_counter_bucket(self, e: Any) -> int:
        """Newest bucket of the largest window: the last to expire."""
        if type(e) is tuple:
            return e[0][self._big]
        if type(e) is _Counter:
            return e.newest(self._big)
        return math.floor(e / self._widths[self._big])

    def _collect(self) -> int:
        # Keys an event up to ``_slack`` seconds older than the newest one could
        # still read are kept: collecting never changes the readings of events
        # arriving less out of order than that.
        if self._newest == -_INF:
            return 0
        horizon = self._newest - self._slack
        dead_bucket = bucket_of(horizon, self._widths[self._big]) - self.buckets
        dead_since = since(horizon, self._dwidths[self._dbig], self.buckets)
        if self.compiled:  # the same sweep over the tables, in C
            dropped = self._counters.drop_counters(dead_bucket, self._big, self._widths[self._big])
            dropped += self._distinct.drop_sets(dead_since)
        else:
            newest = self._newest_counter_bucket
            dead_c = [k for k, e in self._counters.items() if newest(e) <= dead_bucket]
            for k in dead_c:
                del self._counters[k]
            dead_d = [k for k, d in self._distinct.items() if d[0] < dead_since]
            for k in dead_d:
                del self._distinct[k]
            dropped = len(dead_c) + len(dead_d)
        self._next_gc = self._events + max(_MIN_GC_INTERVAL, len(self) // 4)
        return dropped

    def _trim(self) -> None:
        """Enforce ``max_keys``: drop expired keys, then the least recent ones (down to 90 %)."""
        self._collect()
        cap = self.max_keys
        if cap is None or len(self) <= cap:
            return
        excess = len(self) - int(cap * 0.9)  # headroom keeps trimming amortised
        wb = self._widths[self._big]
        newest = self._newest_counter_bucket
        recency = [(newest(e) * wb, 0, k) for k, e in self._counters.items()]
        recency += [(d[0], 1, k) for k, d in self._distinct.items()]
        for _, kind, k in heapq.nsmallest(excess, recency):
            del (self._counters if kind == 0 else self._distinct)[k]
