"""What the long commands share: a progress bar, a clean stop on SIGTERM, the GeoIP check."""

from __future__ import annotations

import signal
import sys
import threading
from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm


class TerminableCommand(BaseCommand):
    """A long command that SIGTERM (a supervisor, ``timeout``, a cancelled job) stops as Ctrl-C does.

    Python's default for SIGTERM ends the process where it stands, so the cleanup in ``finally`` blocks never ran:
    replay and export left their hidden partial copies behind. Raised as ``SystemExit(143)`` instead, the
    cleanup runs and the exit status is the shell's for a SIGTERM.
    """

    def execute(self, *args: Any, **options: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
            return super().execute(*args, **options)
        previous = signal.signal(signal.SIGTERM, _terminated)
        try:
            return super().execute(*args, **options)
        finally:
            signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def progress_bar(*, total: int | None, desc: str, unit: str = "ev") -> Any:
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)


def geoip_problems(*, returncode: int) -> None:
    """Stop an offline command on the GeoIP errors ``manage.py check`` reports (E001-E003).

    Replay and training skip the system checks (they need no database), so a missing,
    corrupt or swapped MaxMind file would otherwise score every event with unknown networks.
    """
    from django.core.management.base import CommandError

    from signupguard.enrichment.geo import check_databases

    problems = check_databases()
    if problems:
        raise CommandError("; ".join(f"signupguard.{p.code}: {p.message}" for p in problems), returncode=returncode)
