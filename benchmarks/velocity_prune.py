"""What pruning the database velocity store costs, on tables a busy site would have.

    python benchmarks/velocity_prune.py [--keys 250000] [--database-url postgres://...]

Fills the store's two tables with ten days of rows (``--keys`` counter keys,
one bucket row per window each, and a distinct-set member each) in a
throw-away SQLite database, or in the database of ``--database-url`` (whose
velocity tables are emptied first: not a production one). Then prints how
long ``prune_expired`` takes: the first time, again at once, and an hour later.
"""

from __future__ import annotations

import argparse
import os
import random
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
            started = time.perf_counter()
            deleted = store.prune_expired(at)
            print(f"{label}: {deleted:,} rows deleted in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
