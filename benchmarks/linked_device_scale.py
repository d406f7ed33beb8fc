"""The "device used by a blocked account" check (``scoring.linked_to_blocked``) on a crowded fingerprint.

    DATABASE_URL=postgres://... python benchmarks/linked_device_scale.py [--accounts 2000] [--logins 5] [--others 50000]

Builds, in a throw-away database (SQLite without DATABASE_URL; on PostgreSQL
use an empty database: it is migrated and filled), ``--accounts`` accounts
on one fingerprint, every other one blocked, each with a signup and
``--logins`` logins whose device identities (clock and languages) take seven
values, beside ``--others`` accounts with devices of their own (a signup and
three logins each). Then it times the check for a new signup on that
fingerprint, median of 15 runs: with an identity a blocked account used (found
at the first row) and with one none used (every row of the fingerprint read).
The second grows with the attempts on the fingerprint: the device's identity
sits in the enrichment JSON, which no index reaches.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm  # noqa: E402

from benchmarks._setup import scratch_database  # noqa: E402

SHARED = "fp-crowded"


def _enrichment() -> dict:
    """A stored enrichment of a real event, as scoring saves it (about 1.6 KB of JSON)."""
    from signupguard.context import parse_event
    from signupguard.engine import get_engine

    event = parse_event({
        "event_id": "bench", "kind": "signup", "occurred_at": "2026-12-01T10:00:00Z", "ip": "81.2.69.160",
        "email": "ana.lopez@gmail.com", "username": "ana",
        "headers": {"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                  "Chrome/131.0.0.0 Safari/537.36", "Accept-Language": "en-US,en;q=0.9"},
        "device": {"fingerprint": SHARED, "timezone": "Europe/Madrid", "screen": "1920x1080x24", "platform": "Win32",
                   "languages": ["en-US"], "webdriver": False},
    })
    return get_engine().assess(event).enrichment.to_dict()


def _fill(accounts: int, logins: int, others: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from signupguard.models import AccountStatus, Attempt

    user_model, template, start = get_user_model(), json.dumps(_enrichment()), timezone.now() - timedelta(days=1)
    users = user_model.objects.bulk_create([user_model(username=f"crowd{i}") for i in range(accounts)]
                                           + [user_model(username=f"own{i}") for i in range(others)])
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="blocked" if i % 2 and i < accounts else "cleared",
                                                     source="system") for i, u in enumerate(users)])
    rows: list = []
    for i, user in enumerate(tqdm(users, desc="attempts", unit="account")):
        crowd = i < accounts
        for k in range(1 + (logins if crowd else 3)):
            enrichment = json.loads(template)
            enrichment["device"]["identity"] = f"{SHARED}|zone-{i % 7}|en" if crowd else f"own-{i}"
            rows.append(Attempt(event_id=uuid.uuid4().hex, kind="signup" if k == 0 else "login",
                                success=None if k == 0 else True, occurred_at=start, user=user, account=str(user.pk),
                                device_fingerprint=SHARED if crowd else f"fp-{i}", raw={}, enrichment=enrichment,
                                state="scored", created_at=start + timedelta(seconds=i)))
            if len(rows) >= 5000:
                Attempt.objects.bulk_create(rows)
                rows = []
    Attempt.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _time_check(identity: str) -> tuple[bool, float]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from signupguard.models import AccountStatus, Attempt
    from signupguard.scoring import linked_to_blocked

    user = get_user_model().objects.create(username=f"new-{uuid.uuid4().hex[:8]}")
    AccountStatus.objects.create(user=user, status="pending", source="system")
    enrichment = _enrichment()
    enrichment["device"]["identity"] = identity
    attempt = Attempt.objects.create(event_id=uuid.uuid4().hex, kind="signup", occurred_at=timezone.now(), user=user,
                                     account=str(user.pk), device_fingerprint=SHARED, raw={}, enrichment=enrichment,
                                     state="scoring")
    times, found = [], False
    for _ in range(15):
        started = time.perf_counter()
        found = linked_to_blocked(attempt)
        times.append((time.perf_counter() - started) * 1000)
    return found, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--logins", type=int, default=5)
    parser.add_argument("--others", type=int, default=50000)
    args = parser.parse_args()
    os.environ.setdefault("SIGNUPGUARD_LOG_LEVEL", "WARNING")
    with scratch_database(os.environ.get("DATABASE_URL"), "linked_device_scale"):
        from django.db import connection

        from signupguard.models import Attempt

        _fill(args.accounts, args.logins, args.others)
        on_device = Attempt.objects.filter(device_fingerprint=SHARED).count()
        print(f"{connection.vendor}: {Attempt.objects.count()} attempts, {on_device} of them on the crowded "
              f"fingerprint ({args.accounts} accounts, half blocked)")
        for what, identity in (("an identity a blocked account used", f"{SHARED}|zone-3|en"),
                               ("an identity no account used", f"{SHARED}|zone-new|de")):
            found, ms = _time_check(identity)
            print(f"  new signup with {what}: linked={found}, {ms:.1f} ms (median of 15)")


if __name__ == "__main__":
    main()
