"""Database velocity store: the embedded default, on the Django database.

Works on SQLite (>= 3.24) and PostgreSQL with the tables of
``signupguard.models.velocity``. One observe is one read statement (a UNION
of aggregates over the event's keys, limited to live buckets by the unique
index) and at most two upserts (``INSERT ... ON CONFLICT DO UPDATE``), in one
transaction; on PostgreSQL it first takes advisory locks on its keys, so that
observes running at once in several workers read each other's events. Expired rows are never read but stay until ``prune()`` deletes
them (a periodic task), so reads stay O(keys of the event).

Keys and members are stored as pseudonyms (``pseudonyms.py``: keyed hashes of
22 characters), so the tables and their backups name nobody. With
``pseudonymise=False`` (debugging) they are stored as they are, those longer
than 200 characters as their SHA-1 so they fit the 255-character columns.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from typing import Any, Sequence

from django.db import connections, transaction

from . import BUCKETS_PER_WINDOW, DISTINCT_WINDOWS, WINDOWS, VelocityReading
from .buckets import bucket_of, check_windows, since, widths
from .pseudonyms import for_store

_MAX_LEN = 200


def _fit(value: str) -> str:
    if len(value) <= _MAX_LEN:
        return value
    return "sha1:" + hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()


def _lock_id(key: str) -> int:
    """A key's advisory lock: 64 bits of its hash, as PostgreSQL's signed bigint."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big", signed=True)


class DatabaseVelocityStore:
    """Sliding-window counters and distinct sets in two Django tables."""

    def __init__(
        self,
        *,
        windows: Sequence[int] = WINDOWS,
        distinct_windows: Sequence[int] = DISTINCT_WINDOWS,
        buckets: int = BUCKETS_PER_WINDOW,
        using: str | None = None,
        pseudonymise: bool = True,
    ) -> None:
        """``pseudonymise``: write keys and members as keyed hashes (``pseudonyms.py``); False writes
        them as they are, for debugging. Switching restarts the counters: neither reads the other's names.
        """
        self.windows = check_windows(windows, buckets)
        self.distinct_windows = check_windows(distinct_windows, buckets, name="distinct_windows")
        self.buckets = buckets
        if using is None:  # where the host's DATABASE_ROUTERS put the tables (migrate created them there)
            from django.db import router

            from signupguard.models import VelocityBucket

            using = router.db_for_write(VelocityBucket)
        self.using = using
        self._widths = widths(self.windows, buckets)
        self._dwidths = widths(self.distinct_windows, buckets)
        self._stored = for_store(pseudonymise, fit=_fit)

    def stored_key(self, key: str) -> str:
        """The ``key`` column of ``key``'s rows (inspection, tests)."""
        return self._stored.key(key)

    def stored_member(self, key: str, member: str) -> str:
        """The ``member`` column of ``member``'s rows in ``key``'s set (inspection, tests)."""
        return self._stored.pair(key, member)[1]

    # -- SQL helpers ------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        from signupguard.models import VelocityBucket, VelocityMember

        q = connections[self.using].ops.quote_name
        return {
            "bt": q(VelocityBucket._meta.db_table),
            "mt": q(VelocityMember._meta.db_table),
            "key": q("key"), "win": q("window"), "bucket": q("bucket"), "count": q("count"),
            "member": q("member"), "seen": q("last_seen"),
        }

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
        n = self._names()
        B = self.buckets
        curs = [bucket_of(now, w) for w in self._widths]
        thr_now = [since(now, w, B) for w in self._dwidths]
        ckeys, pkeys, pairs = self._stored.observed(counters, peek, distinct)
        # A savepoint when nested: a failed read leaves the caller's transaction
        # usable, so fail-open stays possible inside a request's atomic block.
        with transaction.atomic(using=self.using):
            cursor = connections[self.using].cursor()
            try:
                self._lock(cursor, [*ckeys, *pkeys, *(k for k, _ in pairs)])
                crows, drows, mrows = self._read(cursor, n, curs, thr_now, ckeys + pkeys, pairs)
                # Counters: newest bucket and live total per (key, window).
                state: dict[tuple[str, int], list] = {}
                for key, win, newest, total in crows:
                    state[(key, win)] = [int(newest), int(total), False]
                counts: list[tuple[int, ...]] = []
                increments: defaultdict[tuple[str, int, int], int] = defaultdict(int)
                for key in ckeys:
                    out = []
                    for i, win in enumerate(self.windows):
                        st = self._counter(cursor, n, state, key, win, curs[i])
                        out.append(st[1])
                        increments[(key, win, st[0])] += 1
                        st[1] += 1
                    counts.append(tuple(out))
                peeked = [
                    tuple(self._counter(cursor, n, state, key, win, curs[i])[1] for i, win in enumerate(self.windows))
                    for key in pkeys
                ]
                # Distinct: newest instant and live members per (key, window).
                dists, upserts = self._distinct(cursor, n, now, pairs, drows, mrows, thr_now)
                self._write(cursor, n, increments, upserts)
            finally:
                cursor.close()
        return VelocityReading(counts=counts, distinct=dists, peeked=peeked)

    def _lock(self, cursor: Any, keys: list[str]) -> None:
        """On PostgreSQL, wait for the other observes of any of ``keys`` to commit.

        Under READ COMMITTED, two workers observing one key at once would both
        read before either wrote, and report the same figure: a burst scored in
        parallel would read too low. Transaction-level advisory locks on the
        keys' hashes, released at commit, make each observe read what the
        ones before it recorded, as one Redis script call does. They are taken
        in one statement in sorted order, so two observes never wait for each
        other. SQLite lets one write transaction through at a time.
        """
        if connections[self.using].vendor != "postgresql" or not keys:
            return
        hashes = sorted({_lock_id(key) for key in keys})
        # Volatile functions in the select list run after ORDER BY: the locks are taken in order.
        cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k ORDER BY k", [hashes])

    def _read(
        self, cursor: Any, n: dict[str, str], curs: list[int], thr_now: list[float],
        ckeys: list[str], pairs: list[tuple[str, str]],
    ) -> tuple[list, list, list]:
        """One statement: counter aggregates, distinct aggregates, this event's members."""
        parts, params = [], []
        # One SELECT per window, so each is a range scan of a unique index.
        if ckeys:
            keys = sorted(set(ckeys))
            keys_in = ", ".join(["%s"] * len(keys))
            for win, cur in zip(self.windows, curs):
                parts.append(
                    f"SELECT 0, {n['key']}, {n['win']}, MAX({n['bucket']}), SUM({n['count']}), NULL"
                    f" FROM {n['bt']} WHERE {n['key']} IN ({keys_in}) AND {n['win']} = %s AND {n['bucket']} > %s"
                    f" GROUP BY {n['key']}, {n['win']}"
                )
                params += [*keys, win, cur - self.buckets]
        if pairs:
            keys = sorted({k for k, _ in pairs})
            keys_in = ", ".join(["%s"] * len(keys))
            for win, thr in zip(self.distinct_windows, thr_now):
                parts.append(
                    f"SELECT 1, {n['key']}, {n['win']}, MAX({n['seen']}), COUNT(*), NULL"
                    f" FROM {n['mt']} WHERE {n['key']} IN ({keys_in}) AND {n['win']} = %s AND {n['seen']} >= %s"
                    f" GROUP BY {n['key']}, {n['win']}"
                )
                params += [*keys, win, thr]
            wins = ", ".join(["%s"] * len(self.distinct_windows))
            which = " OR ".join([f"({n['key']} = %s AND {n['win']} IN ({wins}) AND {n['member']} = %s)"] * len(pairs))
            parts.append(
                f"SELECT 2, {n['key']}, {n['win']}, {n['seen']}, 0, {n['member']}"
                f" FROM {n['mt']} WHERE {which}"
            )
            for key, member in pairs:
                params += [key, *self.distinct_windows, member]  # all three columns of the unique index
        crows, drows, mrows = [], [], []
        if parts:
            cursor.execute(" UNION ALL ".join(parts), params)
            for kind, key, win, a, b, member in cursor.fetchall():
                if kind == 0:
                    crows.append((key, win, a, b))
                elif kind == 1:
                    drows.append((key, win, a, b))
                else:
                    mrows.append((key, win, member, a))
        return crows, drows, mrows

    def _counter(
        self, cursor: Any, n: dict[str, str], state: dict[tuple[str, int], list], key: str, win: int, cur: int
    ) -> list:
        """``[bucket this event counts in, live total, resolved]`` of a key in one window."""
        st = state.get((key, win))
        if st is None:
            st = state[(key, win)] = [cur, 0, True]
        elif not st[2]:
            if st[0] < cur:  # the read saw only buckets live at ``now``: newest moves to now
                st[0] = cur
            elif st[0] > cur:
                # Out of order: the window ends at the key's newest bucket, which
                # drops buckets the "live at now" read included.
                cursor.execute(
                    f"SELECT COALESCE(SUM({n['count']}), 0) FROM {n['bt']}"
                    f" WHERE {n['key']} = %s AND {n['win']} = %s AND {n['bucket']} > %s",
                    [key, win, st[0] - self.buckets],
                )
                st[1] = int(cursor.fetchone()[0])
            st[2] = True
        return st

    def _distinct(
        self, cursor: Any, n: dict[str, str], now: float, pairs: list[tuple[str, str]],
        drows: list, mrows: list, thr_now: list[float],
    ) -> tuple[list[tuple[int, ...]], dict[tuple[str, int, str], float]]:
        B = self.buckets
        newest: dict[str, float] = {}
        live: dict[tuple[str, int], int] = {}
        for key, win, top, count in drows:
            newest[key] = max(newest.get(key, now), float(top))
            live[(key, win)] = int(count)
        seen: dict[tuple[str, int, str], float] = {(k, w, m): float(s) for k, w, m, s in mrows}
        thresholds: dict[str, list[float]] = {}
        dists, upserts = [], {}
        for key, member in pairs:
            te = max(now, newest.get(key, now))
            thrs = thresholds.get(key)
            if thrs is None:
                thrs = thresholds[key] = thr_now if te == now else [since(te, w, B) for w in self._dwidths]
                if te != now:  # out of order: recount at the key's newest instant
                    for win, thr in zip(self.distinct_windows, thrs):
                        cursor.execute(
                            f"SELECT COUNT(*) FROM {n['mt']} WHERE {n['key']} = %s AND {n['win']} = %s"
                            f" AND {n['seen']} >= %s",
                            [key, win, thr],
                        )
                        live[(key, win)] = int(cursor.fetchone()[0])
            out = []
            for win, thr in zip(self.distinct_windows, thrs):
                last = seen.get((key, win, member))
                present = last is not None and last >= thr
                count = live.get((key, win), 0) + (0 if present else 1)
                live[(key, win)] = count
                seen[(key, win, member)] = te
                upserts[(key, win, member)] = te
                out.append(count)
            newest[key] = te
            dists.append(tuple(out))
        return dists, upserts

    def _write(
        self, cursor: Any, n: dict[str, str], increments: dict[tuple[str, int, int], int],
        upserts: dict[tuple[str, int, str], float],
    ) -> None:
        if increments:
            values = ", ".join(["(%s, %s, %s, %s)"] * len(increments))
            params: list[Any] = []
            for (key, win, bucket), inc in increments.items():
                params += [key, win, bucket, inc]
            cursor.execute(
                f"INSERT INTO {n['bt']} ({n['key']}, {n['win']}, {n['bucket']}, {n['count']}) VALUES {values}"
                f" ON CONFLICT ({n['key']}, {n['win']}, {n['bucket']})"
                f" DO UPDATE SET {n['count']} = {n['bt']}.{n['count']} + EXCLUDED.{n['count']}",
                params,
            )
        if upserts:
            values = ", ".join(["(%s, %s, %s, %s)"] * len(upserts))
            params = []
            for (key, win, member), te in upserts.items():
                params += [key, win, member, te]
            cursor.execute(
                f"INSERT INTO {n['mt']} ({n['key']}, {n['win']}, {n['member']}, {n['seen']}) VALUES {values}"
                f" ON CONFLICT ({n['key']}, {n['win']}, {n['member']})"
                f" DO UPDATE SET {n['seen']} = CASE WHEN EXCLUDED.{n['seen']} > {n['mt']}.{n['seen']}"
                f" THEN EXCLUDED.{n['seen']} ELSE {n['mt']}.{n['seen']} END",
                params,
            )

    def clear(self) -> None:
        """Delete every velocity row."""
        n = self._names()
        with transaction.atomic(using=self.using, savepoint=False), connections[self.using].cursor() as cursor:
            cursor.execute(f"DELETE FROM {n['bt']}")
            cursor.execute(f"DELETE FROM {n['mt']}")

    def prune_expired(self, now: float | None = None) -> int:
        """``prune`` what has left every window at ``now`` (default: the clock), less one bucket.

        What the periodic task (``signupguard.tasks.prune_velocity``) and
        ``manage.py signupguard_prune`` call: it is what keeps the tables, and
        so the reads and the disk, small. The slack of one bucket of the
        largest window (14 hours) is what the in-process store keeps for
        events that arrive late: an attempt scored that long after it happened
        (by the sweep, after a broker outage) reads what it would have read on
        time.
        """
        moment = time.time() if now is None else now
        return self.prune(moment - max(self._widths + self._dwidths))

    def prune(self, older_than: float) -> int:
        """Delete rows no event at ``older_than`` or later can read; return how many."""
        n = self._names()
        deleted = 0
        with transaction.atomic(using=self.using, savepoint=False), connections[self.using].cursor() as cursor:
            for win, width in zip(self.windows, self._widths):
                cursor.execute(
                    f"DELETE FROM {n['bt']} WHERE {n['win']} = %s AND {n['bucket']} <= %s",
                    [win, bucket_of(older_than, width) - self.buckets],
                )
                deleted += max(cursor.rowcount, 0)
            for win, width in zip(self.distinct_windows, self._dwidths):
                cursor.execute(
                    f"DELETE FROM {n['mt']} WHERE {n['win']} = %s AND {n['seen']} < %s",
                    [win, since(older_than, width, self.buckets)],
                )
                deleted += max(cursor.rowcount, 0)
        return deleted

