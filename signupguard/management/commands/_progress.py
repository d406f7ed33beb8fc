"""A tqdm progress bar on standard error, shown only on a terminal."""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm


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
