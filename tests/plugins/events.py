"""Fixtures that make raw events and small labelled event files."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any, Callable

import pytest

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"
# Values of any event field that broke, or could break, a reader: integers past a float's range,
# NaN and infinity spelled as text, lone surrogates, nested containers, absurd sizes and versions.
HOSTILE_VALUES: list[Any] = [
    10**400, -(10**400), 10**300, 2**63, -1, 0, -0.0, 1.7e308, -1.7e308, 5e-324, True, False, None,
    [10**400], {"a": 10**400}, [[[]]], "", " ", "\x00", "\ud800", "x" * 5000, "9" * 40,
    "1e400", "-1e400", "nan", "inf", "-0", "ſ", "İ", "\u202e", "١٢٣", "𝟗", "@", "@@", "a@b", "ä@ö.ü",
    "x@" + "a" * 300 + ".com", "1.2.3.4", "::", "fe80::1%eth0", "::1.2.3.4", "Asia/Shanghai", "Etc/GMT+14", "UTC",
    "../../etc/passwd", "1920x1080", "0x0", "99999999x99999999", "-1x-1", "zh-CN", "en;q=abc", ",,,", "*",
    "en-" + "x" * 80, '"Chromium";v="1' + "0" * 400 + '"',
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1" + "0" * 30
    + ".0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 9999999999999999999_0 like Mac OS X)",
]


def make_event(n: int = 0, **overrides: Any) -> dict[str, Any]:
    """A plausible legitimate signup; override any field."""
    base: dict[str, Any] = {
        "event_id": f"e-{n}",
        "kind": "signup",
        "occurred_at": (dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=n)).isoformat().replace("+00:00", "Z"),
        "ip": f"81.2.{(n // 250) % 250}.{n % 250 + 1}",
        "account": f"u-{n}",
        "email": f"person.number{n}@gmail.com",
        "username": f"person{n}",
        "headers": {"user-agent": CHROME, "accept-language": "en-GB,en;q=0.9"},
        "device": {"fingerprint": f"fp-{n}", "timezone": "Europe/London", "languages": ["en-GB", "en"],
                   "screen": "1920x1080x24", "platform": "Win32", "webdriver": False, "touch_points": 0,
                   "hardware_concurrency": 8},
        "form": {"fill_ms": 20000 + n},
    }
    base.update(overrides)
    return base


def farm_event(n: int, **overrides: Any) -> dict[str, Any]:
    """A farm-like signup: one /24, headless, webdriver, shared device, disposable-looking mail."""
    event = make_event(
        n,
        ip=f"203.0.113.{n % 200 + 1}",
        email=f"xk{random.Random(n).randrange(10**6, 10**7)}@mailinator.com",
        headers={"user-agent": HEADLESS},
        device={"fingerprint": "fp-farm", "timezone": "Asia/Shanghai", "languages": ["zh-CN"],
                "screen": "800x600x24", "platform": "Linux x86_64", "webdriver": True},
        form={"fill_ms": 400},
    )
    event.update(overrides)
    return event


@pytest.fixture
def event_factory() -> Callable[..., dict[str, Any]]:
    return make_event


@pytest.fixture
def labelled_events_file(tmp_path: Path) -> Path:
    """~1,200 labelled events: legitimate signups interleaved with a farm."""
    rng = random.Random(3)
    lines = []
    for n in range(1200):
        if rng.random() < 0.25:
            event = farm_event(n, label="fraud")
        else:
            event = make_event(n, label="legit")
        lines.append(json.dumps(event))
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path
