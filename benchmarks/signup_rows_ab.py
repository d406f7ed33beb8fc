"""What the signup's SignupGuard rows cost the database, by schema variant, measured side by side.

    .venv/bin/python benchmarks/signup_rows_ab.py [--n 800]
    .venv/bin/python benchmarks/signup_rows_ab.py --database-url postgres://postgres@127.0.0.1:5432/postgres

One transaction per sample: BEGIN; INSERT the user; the attempt, hold and
audit rows (``signupguard.rows.insert_signup``, as the request writes them);
COMMIT; timed with perf_counter. Three fresh, migrated databases (SQLite files
in ``var/``, or databases created on the PostgreSQL server and dropped at the
end) differ only in what is written:

* ``full``: the schema of this checkout;
* ``dropped``: the same without the attempt's single-column indexes on
  columns that lead a composite index or are empty when a signup is recorded
  (state, decision, user, device_fingerprint, ip_prefix, asn, score,
  email_normalized, email_domain, country, network_kind, model_version;
  whichever of them this checkout still has);
* ``noaudit``: the full schema, without the hold's audit row.

The variants alternate transaction by transaction (in rotating order), so the
machine's load falls on all three alike. Prints the median, mean and p90 per
variant. Nothing here is the request path: Python costs of the request (the
capture, the instances) are in ``signup_latency.py``'s attribution.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VARIANTS = ("full", "dropped", "noaudit")
DROPPED = ("state", "decision", "user_id", "device_fingerprint", "ip_prefix", "asn", "score",
           "email_normalized", "email_domain", "country", "network_kind", "model_version")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=800, help="timed transactions per variant (after 100 warm-up)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server; default: SQLite files in var/")
    args = parser.parse_args()

    import dj_database_url

    tag = f"{time.strftime('%H%M%S')}_{os.getpid()}"
    made: list = []
    configs = {}
    for variant in VARIANTS:
        if args.database_url:
            import psycopg

            name = f"sgrows_{tag}_{variant}"
            with psycopg.connect(args.database_url, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            made.append(name)
            configs[variant] = dj_database_url.parse(args.database_url.rsplit("/", 1)[0] + f"/{name}")
        else:
            path = ROOT / "var" / f"rows-{tag}-{variant}.sqlite3"
            path.parent.mkdir(exist_ok=True)
            made.append(path)
            configs[variant] = dj_database_url.parse(f"sqlite:///{path}")
    default = ROOT / "var" / f"rows-{tag}-default.sqlite3"
    made.append(default)
    os.environ["DATABASE_URL"] = f"sqlite:///{default}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connections, transaction

    for variant, config in configs.items():
        extra = {"OPTIONS": {}} if args.database_url else {}
        connections.settings[variant] = {**connections.settings["default"], **config, **extra}
        call_command("migrate", database=variant, verbosity=0, interactive=False)
    from signupguard.models import Attempt
    from signupguard.rows import _statement, _values, insert_signup
    from signupguard.status import new_hold

    try:
        dropped = drop_indexes(connections["dropped"])
        vendor = connections["full"].vendor
        print(f"{vendor}: 'dropped' has no {', '.join(dropped) or '(nothing left to drop)'}")
        count = [0]

        def one(variant: str) -> None:
            count[0] += 1
            conn = connections[variant]
            with transaction.atomic(using=variant):
                user = User.objects.db_manager(variant).create(
                    username=f"u{count[0]}", email=f"u{count[0]}@example.com", password="md5$x$y")
                attempt = Attempt(
                    event_id=uuid.uuid4().hex, kind="signup", occurred_at=dt.datetime.now(dt.timezone.utc),
                    user=user, account=str(user.pk), ip="81.2.69.160", email=user.email,
                    device_fingerprint=uuid.uuid4().hex[:16],
                    raw={"event_id": "x", "kind": "signup", "ip": "81.2.69.160",
                         "headers": {"user-agent": "Mozilla/5.0 " * 10}},
                )
                status, change = new_hold(user, attempt=attempt)
                if variant != "noaudit":
                    insert_signup(attempt, status, change, using=variant)
                    return
                sql, a_plan, s_plan, _ = _statement(conn)
                with conn.cursor() as cursor:
                    if conn.vendor == "postgresql":
                        cursor.execute(sql.split(", c AS (")[0] + " SELECT (SELECT id FROM a), (SELECT id FROM s)",
                                       _values(attempt, a_plan, conn) + _values(status, s_plan, conn))
                    else:
                        insert_attempt, insert_status, _ = sql.split("\n")
                        cursor.execute(insert_attempt, _values(attempt, a_plan, conn))
                        attempt_id = cursor.fetchone()[0]
                        cursor.execute(insert_status, _values(status, s_plan, conn) + [attempt_id])

        for _ in range(100):
            for variant in VARIANTS:
                one(variant)
        times: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
        for i in range(args.n):
            for variant in VARIANTS[i % 3:] + VARIANTS[:i % 3]:
                t0 = time.perf_counter()
                one(variant)
                times[variant].append((time.perf_counter() - t0) * 1000)
        for variant, values in times.items():
            values.sort()
            print(f"  {variant:<8} median {statistics.median(values):.3f}  mean {statistics.mean(values):.3f}  "
                  f"p90 {values[int(len(values) * 0.9)]:.3f} ms  (n={len(values)})")
    finally:
        connections.close_all()
        for item in made:
            if isinstance(item, Path):
                for suffix in ("", "-journal", "-wal", "-shm"):
                    Path(str(item) + suffix).unlink(missing_ok=True)
            else:
                import psycopg

                with psycopg.connect(args.database_url, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{item}" WITH (FORCE)')


def drop_indexes(connection) -> list[str]:
    """Drop the attempt's single-column indexes on ``DROPPED`` columns (and their LIKE twins); their names."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND tbl_name = 'signupguard_attempt' AND sql IS NOT NULL")
        else:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'signupguard_attempt'")
        found = []
        for name, sql in cursor.fetchall():
            columns = sql[sql.rindex("(") + 1:sql.rindex(")")].replace('"', "").split(" ")[0].split(",")
            if len(columns) == 1 and columns[0] in DROPPED and " WHERE " not in sql.upper():
                cursor.execute(f'DROP INDEX "{name}"')
                found.append(name)
    return found


if __name__ == "__main__":
    main()
