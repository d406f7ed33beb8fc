"""What a new scoring process knows of browser versions: the latest scored attempts'.

The ``ua_version_age`` feature measures a browser against the newest version
of its family seen in the traffic (``UserAgentAnalyser``). Replay and training
learn that from their file, in order, so their rows read the reference of
traffic already under way. A scoring process that started empty would judge
its first sightings against themselves: after a deploy, or every
``--max-tasks-per-child`` tasks, a farm on an old browser would read as
current until newer sightings moved the reference. So a new engine first
counts the browsers of the latest scored attempts, oldest first, through the
same rules (automation is not counted, forged versions cannot move it far).
"""

from __future__ import annotations

import logging
from typing import Any, Iterator

from django.db import transaction

from signupguard.enrichment.useragent import UserAgentAnalyser
from signupguard.models import Attempt

logger = logging.getLogger(__name__)

# As many as a family's trial (UserAgentAnalyser.TRIAL) needs several times over,
# and a fraction of a second to read (docs/benchmarks.md, session 26).
RECENT_ATTEMPTS = 5_000


def recent_sightings(limit: int = RECENT_ATTEMPTS) -> list[tuple[str, int, bool]]:
    """``(family, major, automated)`` of the latest ``limit`` scored attempts, oldest first."""
    # The stored UAInfo as one object: single keys of it come back coerced on SQLite ("139" as 139).
    rows = (Attempt.objects.filter(enrichment__isnull=False).order_by("-occurred_at", "-pk")
            .values_list("enrichment__ua", flat=True)[:limit])
    return list(_valid(reversed(list(rows))))


def _valid(rows: Any) -> Iterator[tuple[str, int, bool]]:
    """Rows whose stored fields have their types (an edited or foreign row is skipped, not trusted)."""
    for ua in rows:
        if not isinstance(ua, dict):
            continue
        family, major = ua.get("family"), ua.get("major")
        if isinstance(family, str) and isinstance(major, int) and not isinstance(major, bool):
            yield family, major, ua.get("is_automation") is not False or ua.get("is_headless") is not False


def learn_recent(analyser: UserAgentAnalyser, limit: int = RECENT_ATTEMPTS) -> int:
    """Count the latest scored attempts' browsers into ``analyser``; how many were read.

    Never raises: a process that cannot read them (a database down or
    locked, a host's test without database access) starts empty and says so.
    """
    try:
        # In a savepoint: a failed read inside a host's transaction (ATOMIC_REQUESTS) must not break it.
        with transaction.atomic():
            sightings = recent_sightings(limit)
    except Exception as exc:  # noqa: BLE001 - a head start must never cost a verdict (nor a host's test without a database)
        logger.warning("SignupGuard could not read recent attempts' browser versions (%s); "
                       "this process learns them from the traffic it scores", exc)
        return 0
    analyser.learn(sightings)
    return len(sightings)
