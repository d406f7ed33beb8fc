"""signupguard_health: whether verdicts are being reached, for monitoring.

Exit status 0 when they are, 1 when attempts wait too long for a verdict or
scoring failed (each problem on standard error), 2 for unusable options or
an unreachable database. ``--json`` prints the figures for a monitoring
system. Run it from your monitoring's command check or a Kubernetes probe.
"""

from __future__ import annotations

from typing import Any

import json
import math

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from signupguard.health import DEFAULT_FAILED_WINDOW, DEFAULT_MAX_WAIT, read_health


def _seconds(option: str, value: float) -> float:
    if not math.isfinite(value) or value <= 0 or value > 10 * 365 * 86400:
        raise CommandError(f"{option} must be a number of seconds above 0 and at most ten years", returncode=2)
    return value


class Command(BaseCommand):
    help = "Exit 1 when attempts wait too long for a verdict or scoring failed (for monitoring)."
    # A probe every minute: the system checks' warnings (no GeoIP files yet) are `check`'s to report.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-wait", type=float, default=DEFAULT_MAX_WAIT,
                            help=f"seconds an attempt may wait for its verdict (default {DEFAULT_MAX_WAIT:g})")
        parser.add_argument("--failed-window", type=float, default=DEFAULT_FAILED_WINDOW,
                            help=f"report the attempts of this many seconds back that failed scoring (default "
                                 f"{DEFAULT_FAILED_WINDOW:g})")
        parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        max_wait = _seconds("--max-wait", options["max_wait"])
        window = _seconds("--failed-window", options["failed_window"])
        try:
            health = read_health(max_wait=max_wait, failed_window=window)
        except DatabaseError as exc:
            raise CommandError(f"could not read the attempts (is the database reachable and migrated?): {exc}",
                               returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(health.to_dict(), sort_keys=True))
        elif options["verbosity"] > 0:
            oldest = "" if health.oldest_wait is None else f", the oldest for {health.oldest_wait:.0f} s"
            self.stdout.write(f"{health.waiting} attempt(s) waiting for a verdict{oldest}; "
                              f"{health.failed} of the last {window:g} s failed scoring")
        if not health.ok:
            for problem in health.problems:
                self.stderr.write(f"problem: {problem}")
            raise SystemExit(1)
