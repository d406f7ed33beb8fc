"""Failed logins typed as an address: what the adapter's account lookup costs at a million users.

    flock /tmp/sg-heavy.lock .venv/bin/python benchmarks/email_lookup.py \\
        --database-url postgres://postgres@127.0.0.1:25432/postgres [--users 1000000] [--lookups 15]

A credential-stuffing run sends failed logins to addresses, most of them
unknown to the portal, and each one is recorded in the request:
``DefaultAdapter.resolve_login_user`` names the account it was aimed at (for
``LOGIN_MAX_FAILED_PER_ACCOUNT``). The script fills a fresh database with
``--users`` ``auth.User`` rows (``user<n>`` / ``user<n>@example.org``, one
INSERT ... SELECT) under the demo portal's settings, whose user model is
Django's own (no index on ``email``, no allauth), and times, ``--lookups``
times each:

* ``resolve_login_user`` of an unknown address (what a stuffing run sends);
* ``resolve_login_user`` of a known username;
* for scale, the read the adapter no longer makes: ``email__iexact`` on the
  unindexed column (session 36's fix; 431 ms at 1M users before it).

With ``--database-url`` a database is created on that PostgreSQL server and
dropped at the end; without it, a throw-away SQLite file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from _setup import django_setup
from signup_latency import create_pg_database, drop_pg_database, machine

INSERT = {  # one statement: a million ORM saves would take longer than the lookups measured
    "postgresql": """INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                     is_active, date_joined) SELECT '!', false, 'user' || g, '', '', 'user' || g || '@example.org',
                     false, true, now() FROM generate_series(1, %s) g""",
    "sqlite": """WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < %s)
                 INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                 is_active, date_joined) SELECT '!', 0, 'user' || n, '', '', 'user' || n || '@example.org',
                 0, 1, datetime('now') FROM g""",
}


def fill(users: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(INSERT[connection.vendor], [users])
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "ANALYZE auth_user")


def timed(call: Callable[[], Any], n: int) -> tuple[float, float, Any]:
    """(median ms, max ms, last result) of ``n`` calls."""
    times, result = [], None
    for _ in range(n):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), result


def run(users: int, lookups: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from signupguard.adapter import get_adapter

    started = time.perf_counter()
    fill(users)
    print(f"{connection.vendor}: {users:,} users inserted in {time.perf_counter() - started:.1f} s")
    adapter, model = get_adapter(), get_user_model()
    counter = iter(range(10**9))
    cases = [
        ("resolve_login_user, unknown address", lambda: adapter.resolve_login_user(
            {"username": f"nobody{next(counter)}@example.org"})),
        ("resolve_login_user, known username", lambda: adapter.resolve_login_user({"username": f"user{users // 2}"})),
        ("email__iexact on the unindexed column (not made)", lambda: model._default_manager.filter(
            email__iexact=f"Nobody{next(counter)}@example.org").first()),
    ]
    print(f"{'lookup':<52} {'median ms':>10} {'max ms':>9}  result")
    for name, call in cases:
        median, worst, result = timed(call, lookups)
        print(f"{name:<52} {median:>10.2f} {worst:>9.2f}  {getattr(result, 'username', result)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="a PostgreSQL server: a fresh database is created on it")
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=15, help="calls timed per lookup")
    args = parser.parse_args()
    if args.users < 2 or args.lookups < 1:
        parser.error("--users must be at least 2 and --lookups at least 1")
    print(machine())
    pg_name = f"sgemail_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}" if args.database_url else None
    with tempfile.TemporaryDirectory() as tmp:
        url = create_pg_database(args.database_url, pg_name) if pg_name else f"sqlite:///{Path(tmp)}/email.sqlite3"
        try:
            os.environ["DATABASE_URL"] = url
            django_setup()
            from django.core.management import call_command
            from django.db import connections

            call_command("migrate", verbosity=0)
            run(args.users, args.lookups)
            connections.close_all()
        finally:
            if pg_name:
                drop_pg_database(args.database_url, pg_name)


if __name__ == "__main__":
    sys.exit(main())
