"""signupguard_prune [--attempts-older-than DAYS]: delete what SignupGuard no longer needs or may keep.

- the database velocity store's rows that no attempt can read any more;
- attempts older than ``ATTEMPT_RETENTION_DAYS`` (or ``--attempts-older-than``),
  with their labels; see ``signupguard/retention.py`` for what is kept.

For sites without Celery beat (the embedded default's eager tasks): run it
from cron, daily. With beat, schedule ``signupguard.tasks.prune_velocity`` and
``prune_attempts`` instead; they do the same.
"""

from __future__ import annotations

import argparse
from typing import Any, Callable

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from signupguard import velocity
from signupguard.retention import delete_expired_attempts, retention_days


def _days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        days = float("nan")
    if not days > 0:  # NaN too
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of days")
    return days


def _quiet(text: str) -> None:
    """Say nothing (``-v 0``)."""


class Command(BaseCommand):
    help = ("Delete the database velocity store's expired rows, and attempts older than ATTEMPT_RETENTION_DAYS "
            "(Redis and the in-process store expire their own keys).")
    # Run from cron every night: the system checks would print their warnings each time (a portal
    # still without GeoIP files: W001), and an error among them would stop the run. `check` reports them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--attempts-older-than", metavar="DAYS", type=_days,
                            help="delete attempts older than DAYS (default: ATTEMPT_RETENTION_DAYS; unset keeps them)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            days = options["attempts_older_than"] or retention_days()
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        say: Callable[[str], object] = self.stdout.write if options["verbosity"] > 0 else _quiet  # -v 0 from cron: errors only
        try:
            deleted = velocity.prune_expired()
            if deleted is None:
                store = type(velocity.get_store()).__name__
                say(f"velocity: nothing to prune, {store} expires its own keys")
            else:
                say(f"velocity: pruned {deleted:,} expired rows")
            if days is None:
                say("attempts: kept (ATTEMPT_RETENTION_DAYS is not set)")
            else:
                say(f"attempts: deleted {delete_expired_attempts(days):,} older than {days:g} days")
        except DatabaseError as exc:
            raise CommandError(f"could not prune: {exc} (has `manage.py migrate` run?)") from None
