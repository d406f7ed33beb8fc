"""What a new scoring process pays to learn browser versions from the latest scored attempts.

    .venv/bin/python benchmarks/engine_start.py [--n 100000] [--database-url postgres://...]

Fills a throw-away SQLite database in /tmp (or the database of
``--database-url``, whose signupguard attempts are emptied first: not a
production one) with ``--n`` attempts whose enrichment is what the real
enricher stores, then prints the median of five reads of the latest
``browser_versions.RECENT_ATTEMPTS`` (``learn_recent``) and of five whole
``Engine.from_settings()``: the cost a worker process pays once, on its
first scoring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from _setup import scratch_database, synthetic_events


def build(n: int) -> None:
    from django.db import transaction

    from signupguard.context import parse_event
    from signupguard.enrichment import Enricher
    from signupguard.enrichment.geo import GeoDatabases
    from signupguard.models import Attempt

    enricher = Enricher(geo=GeoDatabases())
    with transaction.atomic():
        Attempt.objects.all().delete()
        rows = []
        for event in synthetic_events(n, seed=5):
            raw = parse_event(event)
            rows.append(Attempt(event_id=event["event_id"], kind=event["kind"], occurred_at=dt.datetime.fromisoformat(
                event["occurred_at"]), raw=event, enrichment=enricher.enrich(raw).to_dict(), state="scored"))
            if len(rows) == 5000:
                Attempt.objects.bulk_create(rows)
                rows = []
        Attempt.objects.bulk_create(rows)


def median_seconds(run, times: int = 5) -> float:
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--database-url", help="a scratch database (dj-database-url syntax); default: SQLite in /tmp")
    args = parser.parse_args()
    with scratch_database(args.database_url, "start"):
        from django.db import connection

        from signupguard.browser_versions import RECENT_ATTEMPTS, learn_recent
        from signupguard.engine import Engine
        from signupguard.enrichment.useragent import UserAgentAnalyser

        started = time.perf_counter()
        build(args.n)
        print(f"{connection.vendor}: built {args.n:,} attempts in {time.perf_counter() - started:.0f} s")
        analyser = UserAgentAnalyser(newest={})
        learned = learn_recent(analyser)
        print(f"learn_recent: {learned:,} sightings of the latest {RECENT_ATTEMPTS:,} attempts, newest versions "
              f"{dict(sorted(analyser.newest_.items()))}")
        read = median_seconds(lambda: learn_recent(UserAgentAnalyser(newest={})))
        print(f"learn_recent: {read * 1000:.0f} ms (median of 5)")
        engine = median_seconds(Engine.from_settings)
        print(f"Engine.from_settings, with it: {engine * 1000:.0f} ms (median of 5)")


if __name__ == "__main__":
    main()
