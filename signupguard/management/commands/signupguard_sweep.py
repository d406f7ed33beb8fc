"""signupguard_sweep: score the attempts left pending, as the periodic task does.

For sites without Celery beat, the embedded default's eager tasks among them:
an attempt whose request died while it was scored (a killed web worker, a
timeout in front of it) is never tried again otherwise. Run it from cron every
minute or so. With beat, schedule ``signupguard.tasks.sweep_pending`` instead;
it does the same.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from signupguard.tasks import sweep_pending

# A database LIMIT is a signed 64-bit integer: past it SQLite answers "datatype mismatch",
# which would read as the database's fault.
MAX_LIMIT = 2**63 - 1


class Command(BaseCommand):
    help = "Score attempts left pending longer than SWEEP_AFTER_SECONDS (for sites without Celery beat)."
    # Run from cron every minute: the system checks would print their warnings each time (a
    # portal still without GeoIP files: W001), and an error among them (a GeoIP path to a missing
    # file) would stop the run, leaving signups unscored and their accounts held. `check` reports them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="attempts to take in one run (default 500)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["limit"] <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}", returncode=2)
        try:
            swept = sweep_pending(limit=options["limit"])
        except DatabaseError as exc:
            raise CommandError(f"the database is unreachable: {exc}", returncode=1) from None
        if options["verbosity"] > 0:  # -v 0 from cron: a mail only when something fails
            self.stdout.write(f"{swept} pending attempts scored")
