"""Shared benchmark set-up: Django settings and a synthetic event stream."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Callable, Hashable, Iterable, Iterator

import orjson

ROOT = Path(__file__).resolve().parent.parent


def django_setup() -> None:
    """This checkout's signupguard first on the path, then Django; safe to call twice (scripts import scripts)."""
    root = str(ROOT)
    sys.path[:] = [root, *(entry for entry in sys.path if entry != root)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


@contextlib.contextmanager
def scratch_database(database_url: str | None, name: str) -> Iterator[None]:
    """Django set up on ``database_url`` (default: a throw-away SQLite file named ``name``), migrated."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = database_url or f"sqlite:///{tmp}/{name}.sqlite3"
        django_setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        yield


def decision_shares(scores: Path, groups: Callable[[str], Iterable[Hashable]]) -> dict[Hashable, tuple[int, float, float]]:
    """Per group of a replay's output: (events, share held, share blocked); held = review or block.

    ``groups(event_id)`` names the groups an event counts in.
    """
    tally: collections.Counter = collections.Counter()
    with open(scores, "rb") as handle:
        for line in handle:
            out = orjson.loads(line)
            for group in groups(out["event_id"]):
                tally[group, "all"] += 1
                tally[group, out["decision"]] += 1
    return {
        group: (n, (tally[group, "review"] + tally[group, "block"]) / n, tally[group, "block"] / n)
        for (group, key), n in tally.items() if key == "all"
    }


UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{v} Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
]


def synthetic_events(n: int, *, seed: int = 1, start: dt.datetime | None = None) -> Iterator[dict]:
    """Events with realistic key cardinalities: mostly unique addresses and devices, shared networks."""
    rng = random.Random(seed)
    moment = start or dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    step = dt.timedelta(seconds=604800 / max(n, 1) * 4)  # spread over ~4 weeks
    for i in range(n):
        moment += step
        a, b = rng.randrange(1, 223), rng.randrange(256)
        yield {
            "event_id": f"b-{seed}-{i}",
            "kind": "signup" if rng.random() < 0.7 else "login",
            "occurred_at": moment.isoformat(),
            "ip": f"{a}.{b}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
            "account": f"acct-{rng.randrange(n)}",
            "email": f"user{rng.randrange(10 * n)}.{rng.choice(['x', 'yy', 'zz'])}@{rng.choice(['gmail.com', 'outlook.com', f'corp{rng.randrange(500)}.com'])}",
            "username": f"user{i}",
            "success": True,
            "headers": {"user-agent": rng.choice(UAS).format(v=rng.randrange(110, 132)), "accept-language": "en-US,en;q=0.9"},
            "device": {"fingerprint": f"{rng.getrandbits(64):016x}", "timezone": "America/New_York",
                       "languages": ["en-US"], "screen": "1920x1080x24", "platform": "Win32", "webdriver": False},
            "form": {"fill_ms": rng.randrange(3000, 60000)},
        }
