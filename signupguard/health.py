"""Whether verdicts are being reached: for monitoring (``signupguard_health``) and the dashboard.

A signup is held until its verdict, so a stopped worker or beat shows to
users as accounts that never get through, and to nobody else: the signups
still succeed. What tells is in the attempts table: attempts waiting for a
verdict longer than the sweep would let them (no worker scores them, and no
sweep picks them up), and attempts whose scoring failed for good
(``FAIL_MODE`` decided their accounts: a broken model file, a host receiver
that raises). A few queries, each served by the (``state``, ``created_at``) index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Max, Min
from django.utils import timezone

from signupguard.models import Attempt

WAITING = (Attempt.State.PENDING, Attempt.State.SCORING)
# The sweep takes what waited SWEEP_AFTER_SECONDS (60 s), and beat runs it every minute: five minutes is late.
DEFAULT_MAX_WAIT = 300.0
DEFAULT_FAILED_WINDOW = 3600.0


@dataclass(slots=True)
class Health:
    """What ``read_health`` found; ``problems`` is empty when verdicts are being reached."""

    waiting: int = 0  # attempts pending or being scored
    overdue: int = 0  # of them, waiting longer than max_wait
    oldest_wait: float | None = None  # seconds the oldest waiting attempt has waited
    failed: int = 0  # attempts made within the window whose scoring failed for good
    last_error: str = ""  # the latest of their errors
    last_failed_made_at: datetime | None = None  # when the latest of them was made (no column says when it failed)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "waiting": self.waiting, "overdue": self.overdue, "oldest_wait_seconds": self.oldest_wait,
            "failed": self.failed, "last_error": self.last_error,
            "last_failed_made_at": self.last_failed_made_at.isoformat() if self.last_failed_made_at else None,
            "problems": list(self.problems),
        }


def read_health(*, max_wait: float = DEFAULT_MAX_WAIT, failed_window: float = DEFAULT_FAILED_WINDOW,
                now: datetime | None = None) -> Health:
    """Attempts waiting past ``max_wait`` seconds, and those made in the last ``failed_window`` seconds that failed.

    By when they were made (an attempt fails within ``FAIL_AFTER_SECONDS`` of it, 600 s by default), not when
    they failed: no column says that, and the index serves this.
    """
    now = now or timezone.now()
    health = Health()
    late = now - timedelta(seconds=max_wait)
    waiting = Attempt.objects.filter(state__in=WAITING)
    found = waiting.aggregate(n=Count("pk"), oldest=Min("created_at"))
    health.waiting = found["n"]
    if found["oldest"] is not None:
        health.oldest_wait = max(0.0, (now - found["oldest"]).total_seconds())
        if found["oldest"] <= late:
            health.overdue = waiting.filter(created_at__lte=late).count()
    failed = Attempt.objects.filter(state=Attempt.State.FAILED, created_at__gte=now - timedelta(seconds=failed_window))
    found = failed.aggregate(n=Count("pk"), last=Max("created_at"))
    health.failed, health.last_failed_made_at = found["n"], found["last"]
    if health.failed:
        health.last_error = failed.order_by("-created_at").values_list("error", flat=True).first() or ""
    if health.overdue:
        health.problems.append(
            f"{health.overdue} attempt(s) waited more than {max_wait:g} s for a verdict (the oldest "
            f"{_duration(health.oldest_wait or 0)}); their accounts stay held. Either no worker scores them and no "
            "sweep picks them up (are the Celery workers and beat running? signupguard_sweep from cron without "
            "beat), or their scoring keeps failing before it can even be recorded (the workers' log says why)"
        )
    if health.failed:
        health.problems.append(
            f"{health.failed} attempt(s) of the last {_duration(failed_window)} failed scoring; FAIL_MODE decided "
            f"their accounts. The latest error: {health.last_error[:300] or '(none recorded)'}"
        )
    return health


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"
