import math

from signupguard.context import parse_event
from signupguard.engine import Engine
from signupguard.enrichment import Enricher
from signupguard.features import FEATURE_INDEX, FEATURE_NAMES, SCHEMA_HASH, build_features
from signupguard.velocity.memory import MemoryVelocityStore
from tests.plugins.events import farm_event, make_event


def run(events):
    engine = Engine(enricher=Enricher(), store=MemoryVelocityStore())
    return [engine.prepare(parse_event(e)).features for e in events]


def same(a, b):
    return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b)) and len(a) == len(b)


def test_vector_matches_names():
    (row,) = run([make_event(1)])
    assert len(row) == len(FEATURE_NAMES)
    assert len(SCHEMA_HASH) == 16


def test_features_are_deterministic():
    events = [make_event(n) for n in range(30)] + [farm_event(n) for n in range(30, 60)]
    first, second = run(events), run(events)
    assert all(same(a, b) for a, b in zip(first, second))


def test_build_features_is_pure():
    engine = Engine(enricher=Enricher(), store=MemoryVelocityStore())
    prepared = engine.prepare(parse_event(farm_event(5)))
    again = build_features(prepared.event, prepared.enrichment, prepared.velocity)
    assert same(prepared.features, again)


def test_velocity_features_count_earlier_events():
    rows = run([farm_event(n) for n in range(6)])
    assert [r[FEATURE_INDEX["v_device_1h"]] for r in rows] == [0, 1, 2, 3, 4, 5]
    assert [r[FEATURE_INDEX["d_device_accounts_1h"]] for r in rows] == [1, 2, 3, 4, 5, 6]


def test_farm_signals_show():
    legit, farm = run([make_event(1), farm_event(2)])
    assert legit[FEATURE_INDEX["device_webdriver"]] == 0 and farm[FEATURE_INDEX["device_webdriver"]] == 1
    assert farm[FEATURE_INDEX["ua_headless"]] == 1
    assert farm[FEATURE_INDEX["email_disposable"]] == 1
    assert legit[FEATURE_INDEX["form_fill_ms"]] > farm[FEATURE_INDEX["form_fill_ms"]]


def test_missing_parts_are_nan_not_errors():
    bare = {"event_id": "x", "kind": "login", "occurred_at": "2026-01-01T00:00:00Z", "ip": "not an ip"}
    (row,) = run([bare])
    assert row[FEATURE_INDEX["ip_invalid"]] == 1
    assert row[FEATURE_INDEX["device_missing"]] == 1
    assert math.isnan(row[FEATURE_INDEX["form_fill_ms"]])
