"""Random hostile values anywhere in an event: parsing refuses it with an EventError, or it is scored.

The same events go through the engine that live scoring, replay and training
share, so no field's value can stop any of them. A seeded generator keeps
failures reproducible; the values come from ``HOSTILE_VALUES``.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from signupguard.context import EventError, parse_line
from signupguard.offline import offline_engine
from tests.plugins.events import HOSTILE_VALUES, farm_event, make_event

DEVICE_KEYS = ["fingerprint", "timezone", "languages", "screen", "platform", "webdriver", "touch_points",
               "hardware_concurrency", "device_memory", "webgl_renderer", "unknown"]
HEADERS = ["user-agent", "accept-language", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
           "sec-ch-ua-platform-version", "sec-ch-ua-full-version-list", "accept"]
TOP_LEVEL = ["email", "username", "account", "ip", "success", "label", "occurred_at", "kind", "unknown_field"]


def _value(rng: random.Random, depth: int = 0) -> Any:
    draw = rng.random()
    if depth < 2 and draw < 0.1:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if depth < 2 and draw < 0.2:
        return {rng.choice(["a", "timezone", "0"]): _value(rng, depth + 1) for _ in range(rng.randrange(3))}
    return rng.choice(HOSTILE_VALUES)


def _mangle(event: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    for _ in range(rng.randrange(1, 6)):
        where = rng.random()
        if where < 0.35:
            device = event["device"] if isinstance(event.get("device"), dict) else {}
            event["device"] = {**device, rng.choice(DEVICE_KEYS): _value(rng)}
        elif where < 0.6:
            headers = event["headers"] if isinstance(event.get("headers"), dict) else {}
            event["headers"] = {**headers, rng.choice(HEADERS): _value(rng)}
        elif where < 0.7:
            event["form"] = {rng.choice(["fill_ms", "honeypot", "unknown"]): _value(rng)}
        elif where < 0.9:
            event[rng.choice(TOP_LEVEL)] = _value(rng)
        else:
            event[rng.choice(["device", "form", "headers"])] = _value(rng)
    return event


@pytest.mark.parametrize("seed", range(4))
def test_random_hostile_events_are_refused_or_scored(seed):
    rng = random.Random(seed)
    engine = offline_engine()
    scored = refused = 0
    for n in range(300):
        event = _mangle((make_event if rng.random() < 0.7 else farm_event)(n, event_id=f"h{n}"), rng)
        line = json.dumps(event)  # lone surrogates are written as escapes, as a client could send them
        try:
            parsed = parse_line(line)
        except EventError:
            refused += 1
            continue
        assessment = engine.assess(parsed)
        assert 0.0 <= assessment.score <= 1.0, line[:300]
        assert assessment.decision in {"allow", "review", "block"}
        scored += 1
    # Most mangled events stay scoreable: the test exercises the enrichers, not only the parser.
    assert scored > 150 and refused > 0
