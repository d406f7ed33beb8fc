"""The "device used by a blocked account" check (``scoring.linked_to_blocked``) on a crowded fingerprint.

    DATABASE_URL=postgres://... python benchmarks/linked_device_scale.py [--accounts 2000] [--logins 5] [--others 50000]
        [--blocked-share 0.5 | --blocked-on-device 0,5] [--blocked-elsewhere 0,5000,25000] [--explain]

Builds, in a throw-away database (SQLite without DATABASE_URL; on PostgreSQL
use an empty database: it is migrated and filled), ``--accounts`` accounts
on one fingerprint, every other one blocked (``--blocked-share``), each with
a signup and ``--logins`` logins whose device identities (clock and
languages) take seven values, beside ``--others`` accounts with devices of
their own (a signup and three logins each). Then it times the check for a new
signup on that fingerprint, median of 15 runs (``--runs``): with an identity a blocked
account used (found at the first row) and with one none used (every row of
the fingerprint read), and for a login of a crowd account that signed up
there (its own earlier use, then the blocked accounts before it).

``--blocked-on-device`` (a list) blocks that many crowd accounts instead of
a share, spread evenly; ``--blocked-elsewhere`` (a list) adds, before the
timings, that many blocked accounts on devices of their own (a farm portal).
Every pair of the two lists is timed on one fill: only statuses change
between them. ``--explain`` prints PostgreSQL's EXPLAIN ANALYZE of each query
the check ran for the identity none used. On PostgreSQL the attempts are
inserted by one INSERT ... SELECT per 20,000 accounts; the fill is the same
on both databases and deterministic.
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
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm  # noqa: E402

from benchmarks._setup import scratch_database  # noqa: E402

SHARED = "fp-crowded"
# One account's device: (user id, fingerprint, identity, logins after its signup, seconds after the start).
Device = tuple[int, str, str, int, int]


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


def _spread(i: int, n: int, total: int) -> bool:
    """Whether the i-th of ``total`` is one of ``n`` spread evenly (n = total/2: the odd ones)."""
    return (i + 1) * n // total > i * n // total


def _devices(users: list, accounts: int, logins: int, others: int) -> Iterator[Device]:
    for i, user in enumerate(users):
        if i < accounts:
            yield user.pk, SHARED, f"{SHARED}|zone-{i % 7}|en", logins, i
        elif i < accounts + others:
            yield user.pk, f"fp-{i}", f"own-{i}", 3, i
        else:
            yield user.pk, f"fp-blocked-{i}", f"blocked-{i}", 3, i


def _insert_orm(devices: list[Device], template: str, start) -> None:
    from signupguard.models import Attempt

    rows: list = []
    for user_id, fingerprint, identity, logins, offset in tqdm(devices, desc="attempts", unit="account"):
        for k in range(1 + logins):
            enrichment = json.loads(template)
            enrichment["device"]["identity"] = identity
            rows.append(Attempt(event_id=f"bench-{user_id}-{k}", kind="signup" if k == 0 else "login",
                                success=None if k == 0 else True, occurred_at=start, user_id=user_id,
                                account=str(user_id), device_fingerprint=fingerprint, raw={}, enrichment=enrichment,
                                state="scored", created_at=start + timedelta(seconds=offset)))
            if len(rows) >= 5000:
                Attempt.objects.bulk_create(rows)
                rows = []
    Attempt.objects.bulk_create(rows)


_INSERT = """
INSERT INTO signupguard_attempt (event_id, kind, occurred_at, user_id, account, success, ip, ip_prefix, email,
    email_normalized, email_domain, as_org, country, network_kind, device_fingerprint, raw, enrichment, reasons,
    model_version, shadow_model_version, state, attempts, error, created_at, link_pending)
SELECT 'bench-' || d.id || '-' || k, CASE WHEN k = 0 THEN 'signup' ELSE 'login' END, %s, d.id, d.id::text,
    CASE WHEN k = 0 THEN NULL ELSE true END, '', '', '', '', '', '', '', '', d.fingerprint, '{}',
    jsonb_set(%s::jsonb, '{device,identity}', to_jsonb(d.identity)), '[]', '', '', 'scored', 0, '',
    %s + make_interval(secs => d.offset_s), false
FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::int[], %s::int[])
    AS d(id, fingerprint, identity, logins, offset_s)
CROSS JOIN LATERAL generate_series(0, d.logins) AS k
"""


def _insert_sql(devices: list[Device], template: str, start) -> None:
    """The same rows as _insert_orm, built by PostgreSQL: a million attempts in about a minute, not ten."""
    from django.db import connection

    with connection.cursor() as cursor:
        for at in tqdm(range(0, len(devices), 20000), desc="attempts", unit="20k accounts"):
            columns = list(zip(*devices[at:at + 20000]))
            cursor.execute(_INSERT, [start, template, start, *map(list, columns)])


def _fill(accounts: int, logins: int, others: int, elsewhere: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from signupguard.models import AccountStatus

    user_model, template = get_user_model(), json.dumps(_enrichment())
    start = timezone.now() - timedelta(days=1, seconds=accounts + others + elsewhere)  # all in the past
    users = user_model.objects.bulk_create([user_model(username=f"crowd{i}") for i in range(accounts)]
                                           + [user_model(username=f"own{i}") for i in range(others)]
                                           + [user_model(username=f"farm{i}") for i in range(elsewhere)],
                                           batch_size=5000)
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="cleared", source="system") for u in users],
                                      batch_size=5000)
    devices = list(_devices(users, accounts, logins, others))
    (_insert_sql if connection.vendor == "postgresql" else _insert_orm)(devices, template, start)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _set_blocked(prefix: str, n: int, total: int) -> None:
    """Block ``n`` of the accounts named prefix0..prefix{total-1}, spread evenly; clear the others."""
    from django.contrib.auth import get_user_model

    from signupguard.models import AccountStatus

    ids = dict(get_user_model().objects.filter(username__startswith=prefix).values_list("username", "pk"))
    chosen = [ids[f"{prefix}{i}"] for i in range(total) if _spread(i, n, total)]
    AccountStatus.objects.filter(user__username__startswith=prefix).exclude(status="cleared").update(status="cleared")
    for at in range(0, len(chosen), 500):
        AccountStatus.objects.filter(user_id__in=chosen[at:at + 500]).update(status="blocked")


def _new_attempt(identity: str, user=None):
    """A signup of a new account on the crowded fingerprint, or a login of ``user`` there."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from signupguard.models import AccountStatus, Attempt

    if user is None:
        user = get_user_model().objects.create(username=f"new-{uuid.uuid4().hex[:8]}")
        AccountStatus.objects.create(user=user, status="pending", source="system")
    enrichment = _enrichment()
    enrichment["device"]["identity"] = identity
    login = user.username.startswith("crowd")
    return Attempt.objects.create(event_id=uuid.uuid4().hex, kind="login" if login else "signup",
                                  success=True if login else None, occurred_at=timezone.now(), user=user,
                                  account=str(user.pk), device_fingerprint=SHARED, raw={}, enrichment=enrichment, state="scoring")


def _time_check(attempt, runs: int, explain: bool = False) -> tuple[bool, float, str]:
    """Linked or not, the median ms of ``runs`` checks, and (``explain``) the plans of one more."""
    from django.db import connection

    from signupguard.scoring import linked_to_blocked

    times, found, plans = [], False, []
    for _ in range(runs):
        started = time.perf_counter()
        found = linked_to_blocked(attempt)
        times.append((time.perf_counter() - started) * 1000)
    if explain and connection.vendor == "postgresql":
        queries: list = []
        with connection.execute_wrapper(lambda execute, sql, params, many, context:
                                        queries.append((sql, params)) or execute(sql, params, many, context)):
            linked_to_blocked(attempt)
        with connection.cursor() as cursor:
            for sql, params in queries:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                plans.extend(row[0] for row in cursor.fetchall())
    return found, statistics.median(times), "".join(f"\n    {line}" for line in plans)


def _counts(text: str) -> list[int]:
    return [int(n) for n in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--logins", type=int, default=5)
    parser.add_argument("--others", type=int, default=50000)
    parser.add_argument("--blocked-share", type=float, default=0.5, help="of the crowd's accounts")
    parser.add_argument("--blocked-on-device", type=_counts, help="crowd accounts blocked, instead of a share")
    parser.add_argument("--blocked-elsewhere", type=_counts, default=[0], help="blocked accounts on their own devices")
    parser.add_argument("--runs", type=int, default=15, help="checks timed, for the median")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the check's queries (PostgreSQL)")
    args = parser.parse_args()
    os.environ.setdefault("SIGNUPGUARD_LOG_LEVEL", "WARNING")
    with scratch_database(os.environ.get("DATABASE_URL"), "linked_device_scale"):
        from django.contrib.auth import get_user_model
        from django.db import connection

        from signupguard.models import Attempt

        started = time.perf_counter()
        _fill(args.accounts, args.logins, args.others, max(args.blocked_elsewhere))
        on_device = Attempt.objects.filter(device_fingerprint=SHARED).count()
        print(f"{connection.vendor}: {Attempt.objects.count()} attempts, {on_device} of them on the crowded "
              f"fingerprint ({args.accounts} accounts), filled in {time.perf_counter() - started:.0f} s")
        index = args.accounts // 4 * 2  # midway, and an even one: not among the blocked when half are
        crowd = get_user_model().objects.get(username=f"crowd{index}")
        for elsewhere in args.blocked_elsewhere:
            for blocked in args.blocked_on_device or [round(args.accounts * args.blocked_share)]:
                _set_blocked("crowd", blocked, args.accounts)
                _set_blocked("farm", elsewhere, max(args.blocked_elsewhere))
                crowd.signupguard_status.refresh_from_db()
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE signupguard_accountstatus")
                print(f"  {blocked} of the crowd's accounts blocked, {elsewhere} blocked elsewhere:")
                for what, identity in (("an identity a blocked account used", f"{SHARED}|zone-3|en"),
                                       ("an identity no account used", f"{SHARED}|zone-new|de")):
                    found, ms, plans = _time_check(_new_attempt(identity), args.runs,
                                                   args.explain and "no account" in what)
                    print(f"  new signup with {what}: linked={found}, {ms:.1f} ms (median of {args.runs}){plans}")
                found, ms, plans = _time_check(_new_attempt(f"{SHARED}|zone-{index % 7}|en", crowd), args.runs,
                                               args.explain)
                print(f"  login of a crowd account ({crowd.signupguard_status.status}) on its own device: "
                      f"linked={found}, {ms:.1f} ms (median of {args.runs}){plans}")


if __name__ == "__main__":
    main()
