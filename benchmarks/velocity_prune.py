"""What pruning the database velocity store costs, on tables a busy site would have.

    python benchmarks/velocity_prune.py [--keys 250000] [--database-url postgres://...]

Fills the store's two tables with ten days of rows (``--keys`` counter keys,
one bucket row per window each, and a distinct-set member each) in a
throw-away SQLite database, or in the database of ``--database-url`` (whose
velocity tables are emptied first: not a production one). Then prints how
long ``prune_expired`` takes: the first time, again at once, and an hour later,
and how long a write beside it waited: a thread observes one event into the
store every 10 ms during each prune (another connection, as a signup's
scoring would be), and its slowest observe is printed.
"""

from __future__ import annotations

import argparse
import os
import random
import threading
import time

from _setup import scratch_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=250_000)
    parser.add_argument("--database-url", help="a scratch database (dj-database-url syntax); default: SQLite in /tmp")
    args = parser.parse_args()
    with scratch_database(args.database_url, "prune"):
        from signupguard.models import VelocityBucket, VelocityMember
        from signupguard.velocity import BUCKETS_PER_WINDOW, WINDOWS
        from signupguard.velocity.database import DatabaseVelocityStore

        store = DatabaseVelocityStore()
        store.clear()
        now, rng = time.time(), random.Random(1)
        buckets, members = [], []
        for i in range(args.keys):
            when = now - rng.random() * 10 * 86400
            key = f"s:ip:10.{i % 250}.{i // 250 % 250}.{i // 62500}"
            buckets += [VelocityBucket(key=key, window=w, bucket=int(when // (w / BUCKETS_PER_WINDOW)), count=1)
                        for w in WINDOWS]
            members.append(VelocityMember(key=f"d:{key}", window=7 * 86400, member=f"account{i}", last_seen=when))
        VelocityBucket.objects.bulk_create(buckets, batch_size=5000, ignore_conflicts=True)
        VelocityMember.objects.bulk_create(members, batch_size=5000, ignore_conflicts=True)
        print(f"{VelocityBucket.objects.count():,} bucket rows and {VelocityMember.objects.count():,} member rows "
              f"over ten days ({os.environ['DATABASE_URL'].split(':')[0]})")
        for label, at in (("first prune", now), ("again at once", now), ("an hour later", now + 3600)):
            beside = Writer(at)
            beside.start()
            started = time.perf_counter()
            deleted = store.prune_expired(at)
            took = time.perf_counter() - started
            beside.stop()
            print(f"{label}: {deleted:,} rows deleted in {took:.2f} s; an observe beside it: "
                  f"{len(beside.waits)} done, slowest {max(beside.waits, default=0) * 1000:.0f} ms")


class Writer(threading.Thread):
    """Observes one event every 10 ms on its own connection until stopped; ``waits`` are their durations."""

    def __init__(self, now: float) -> None:
        super().__init__(daemon=True)
        self.now, self.waits, self._halt = now, [], threading.Event()

    def run(self) -> None:
        from django.db import connection

        from signupguard.velocity.database import DatabaseVelocityStore

        store, n = DatabaseVelocityStore(), 0
        while not self._halt.wait(0.01):
            n += 1
            started = time.perf_counter()
            store.observe(now=self.now, counters=[f"s:ip:192.0.2.{n % 250}", "s:all"], distinct=[("d:ip:x", f"a{n}")])
            self.waits.append(time.perf_counter() - started)
        connection.close()

    def stop(self) -> None:
        self._halt.set()
        self.join()


if __name__ == "__main__":
    main()
