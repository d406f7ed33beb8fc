"""signupguard_sweep: score the attempts left pending, as the periodic task does.

For sites without Celery beat, the embedded default's eager tasks among them:
an attempt whose request died while it was scored (a killed web worker, a
timeout in front of it) is never tried again otherwise. Run it from cron every
minute or so. With beat, schedule ``signupguard.tasks.sweep_pending`` instead;
it does the same.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from signupguard.tasks import sweep_pending


class Command(BaseCommand):
    help = "Score attempts left pending longer than SWEEP_AFTER_SECONDS (for sites without Celery beat)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="attempts to take in one run (default 500)")

    def handle(self, *args, **options) -> None:
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1", returncode=2)
        try:
            swept = sweep_pending(limit=options["limit"])
        except DatabaseError as exc:
            raise CommandError(f"the database is unreachable: {exc}", returncode=1) from None
        self.stdout.write(f"{swept} pending attempts scored")
