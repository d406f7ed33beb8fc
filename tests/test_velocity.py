"""One suite, every velocity backend: memory, database and a real Redis."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import random
import sys
import uuid
import weakref

import pytest

from signupguard.velocity import DISTINCT_WINDOWS, WINDOWS, VelocityReading, VelocityStore
from signupguard.velocity.database import DatabaseVelocityStore
from signupguard.velocity import memory as memory_module
from signupguard.velocity.memory import MemoryVelocityStore
from signupguard.velocity.redis import RedisVelocityStore

# A multiple of every bucket width (50 s, 300 s, 2 h, 14 h): bucket edges fall
# on round offsets from T0.
T0 = 33730 * 50400.0
NW, NDW = len(WINDOWS), len(DISTINCT_WINDOWS)
# "memory" runs its compiled counters when the extension is built, "memory-python" never does.
BACKENDS = ["memory", "memory-python", "database", pytest.param("redis", marks=pytest.mark.redis)]


def build(kind: str, request: pytest.FixtureRequest) -> VelocityStore:
    if kind == "memory":
        return MemoryVelocityStore()
    if kind == "memory-python":
        return MemoryVelocityStore(compiled=False)
    if kind == "database":
        request.getfixturevalue("db")
        return DatabaseVelocityStore()
    store = RedisVelocityStore(url=request.getfixturevalue("redis_url"), prefix=f"sgtest:{uuid.uuid4().hex}:")
    request.addfinalizer(store.clear)
    return store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> VelocityStore:
    return build(request.param, request)


def count(store: VelocityStore, key: str, now: float) -> tuple[int, ...]:
    return store.observe(now=now, counters=[key], distinct=[]).counts[0]


def members(store: VelocityStore, key: str, member: str, now: float) -> tuple[int, ...]:
    return store.observe(now=now, counters=[], distinct=[(key, member)]).distinct[0]


def peek(store: VelocityStore, key: str, now: float) -> tuple[int, ...]:
    return store.observe(now=now, counters=[], distinct=[], peek=[key]).peeked[0]


def test_implements_protocol(store: VelocityStore) -> None:
    assert isinstance(store, VelocityStore)


def test_first_observe_reads_zero_then_records(store: VelocityStore) -> None:
    first = store.observe(now=T0, counters=["s:ip:1.2.3.4", "s:all"], distinct=[("d:dev:x", "alice")])
    assert first == VelocityReading(counts=[(0,) * NW, (0,) * NW], distinct=[(1,) * NDW], peeked=[])
    second = store.observe(now=T0 + 1, counters=["s:ip:1.2.3.4", "s:all"], distinct=[("d:dev:x", "alice")])
    assert second.counts == [(1,) * NW, (1,) * NW]
    assert second.distinct == [(1,) * NDW]


def test_counts_per_window(store: VelocityStore) -> None:
    for offset in (0, 100, 1000, 5000):
        count(store, "k", T0 + offset)
    # At +6000: 10 min holds buckets from +5450, 1 h from +2700, 24 h and 7 d everything.
    assert count(store, "k", T0 + 6000) == (0, 1, 4, 4)
    assert count(store, "k", T0 + 6001) == (1, 2, 5, 5)
    assert count(store, "k", T0 + 90_000) == (0, 0, 0, 6)  # 25 h later: only the 7 d window


def test_sliding_expiry_at_bucket_granularity(store: VelocityStore) -> None:
    count(store, "a", T0)
    assert count(store, "a", T0 + 540) == (1, 1, 1, 1)  # 9 min later: still inside
    count(store, "b", T0)
    assert count(store, "b", T0 + 660) == (0, 1, 1, 1)  # 11 min later: left the 10 min window
    # Granularity is one 50 s bucket: an event in bucket 0 leaves when bucket 12 starts.
    count(store, "c", T0 + 49)
    assert count(store, "c", T0 + 599.9) == (1, 1, 1, 1)
    count(store, "d", T0 + 49)
    assert count(store, "d", T0 + 600) == (0, 1, 1, 1)


def test_distinct_members(store: VelocityStore) -> None:
    assert members(store, "d:dev:x", "alice", T0) == (1, 1)
    assert members(store, "d:dev:x", "alice", T0 + 10) == (1, 1)  # a repeat is not counted twice
    assert members(store, "d:dev:x", "bob", T0 + 20) == (2, 2)  # a new member counts itself
    assert members(store, "d:dev:x", "alice", T0 + 30) == (2, 2)
    assert members(store, "d:dev:y", "alice", T0 + 30) == (1, 1)  # keys are independent
    # Two hours later both left the 1 h window but not the 7 d one.
    assert members(store, "d:dev:x", "carol", T0 + 7200) == (1, 3)
    assert members(store, "d:dev:x", "alice", T0 + 7300) == (2, 3)  # alice is back in the hour
    # Eight days later everything expired.
    assert members(store, "d:dev:x", "dave", T0 + 8 * 86400) == (1, 1)
    assert members(store, "d:dev:x", "alice", T0 + 8 * 86400 + 1) == (2, 2)


def test_peek_reads_without_recording(store: VelocityStore) -> None:
    assert peek(store, "f:ip:1.2.3.4", T0) == (0,) * NW
    assert peek(store, "f:ip:1.2.3.4", T0 + 1) == (0,) * NW
    count(store, "f:ip:1.2.3.4", T0 + 2)
    count(store, "f:ip:1.2.3.4", T0 + 3)
    assert peek(store, "f:ip:1.2.3.4", T0 + 4) == (2,) * NW
    assert peek(store, "f:ip:1.2.3.4", T0 + 700) == (0, 2, 2, 2)
    assert count(store, "f:ip:1.2.3.4", T0 + 701) == (0, 2, 2, 2)


def test_out_of_order_event_counts_in_newest_bucket(store: VelocityStore) -> None:
    count(store, "k", T0 + 1000)  # 10 min bucket 20
    assert count(store, "k", T0 + 900) == (1, 1, 1, 1)  # bucket 18, read and counted at bucket 20
    # At +1560 (bucket 31) bucket 20 is still live: both events are there;
    # had the late one been kept in bucket 18 it would have left.
    assert count(store, "k", T0 + 1560) == (2, 2, 2, 2)
    # Distinct: a late member is recorded at the key's newest instant.
    members(store, "d:k", "a", T0 + 4000)
    assert members(store, "d:k", "b", T0 + 100) == (2, 2)
    assert members(store, "d:k", "c", T0 + 7300) == (3, 3)  # the 1 h window from +3900 holds a, b, c


def test_repeated_key_within_one_event(store: VelocityStore) -> None:
    reading = store.observe(
        now=T0, counters=["k", "k"], distinct=[("d", "a"), ("d", "b"), ("d", "a")], peek=["k"]
    )
    assert reading.counts == [(0,) * NW, (1,) * NW]
    assert reading.distinct == [(1, 1), (2, 2), (2, 2)]
    assert reading.peeked == [(2,) * NW]


def test_clear_forgets_everything(store: VelocityStore) -> None:
    store.observe(now=T0, counters=["k"], distinct=[("d", "a")])
    store.clear()
    assert store.observe(now=T0 + 1, counters=["k"], distinct=[("d", "b")]) == VelocityReading(
        counts=[(0,) * NW], distinct=[(1,) * NDW], peeked=[]
    )


def test_many_keys(store: VelocityStore) -> None:
    keys = [f"s:ip:10.0.{i // 256}.{i % 256}" for i in range(400)]
    pairs = [(f"d:ip:{k}", f"acct{i}") for i, k in enumerate(keys)]
    first = store.observe(now=T0, counters=keys, distinct=pairs, peek=keys[:50])
    assert first.counts == [(0,) * NW] * 400 and first.distinct == [(1,) * NDW] * 400
    assert first.peeked == [(1,) * NW] * 50  # peeks read after this event's counters
    for i in range(0, 400, 40):
        assert count(store, keys[i], T0 + 1 + i) == (1,) * NW
    second = store.observe(now=T0 + 500, counters=keys, distinct=[(k, "other") for k, _ in pairs])
    assert second.counts[1] == (1,) * NW and second.counts[0] == (2,) * NW
    assert second.distinct == [(2,) * NDW] * 400


def test_long_keys_and_odd_characters(store: VelocityStore) -> None:
    long_key = "s:em:" + "x" * 500 + "@example.com"
    odd = "s:prof:Chrome/120/Mac OS X/1440x900/Europe/Zürich*?[]%'\""
    assert store.observe(now=T0, counters=[long_key, odd], distinct=[(long_key, "m" * 400)]).counts == [(0,) * NW] * 2
    reading = store.observe(now=T0 + 1, counters=[long_key, odd], distinct=[(long_key, "m" * 400)])
    assert reading.counts == [(1,) * NW] * 2 and reading.distinct == [(1,) * NDW]


def random_events(seed: int, n: int) -> list[dict]:
    """Events with hot and cold keys, repeats, gaps across every window and late arrivals."""
    rng = random.Random(seed)
    t = T0 + 17.3
    events = []
    for _ in range(n):
        t += rng.choice([rng.expovariate(1 / 20), rng.expovariate(1 / 900), rng.uniform(3000, 30000)])
        if rng.random() < 0.05:
            t += rng.uniform(5 * 86400, 8 * 86400)
        now = t - rng.uniform(0, 400) if rng.random() < 0.1 else t  # late arrival
        ip = f"10.0.0.{rng.randrange(12)}"
        counters = [f"s:ip:{ip}", f"s:dev:{rng.randrange(6)}", "s:all"]
        if rng.random() < 0.2:
            counters.append(f"f:ip:{ip}")
        distinct = [(f"d:ip:{ip}", f"acct{rng.randrange(8)}"), (f"d:dev:{rng.randrange(4)}", f"acct{rng.randrange(8)}")]
        events.append({"now": round(now, 3), "counters": counters, "distinct": distinct, "peek": [f"f:ip:{ip}"]})
    return events


@pytest.mark.redis
@pytest.mark.django_db  # the database store: requested mid-test, the test database must exist when run alone
def test_backends_agree_exactly(request: pytest.FixtureRequest) -> None:
    events = random_events(seed=20240601, n=300)
    stores = {kind: build(kind, request) for kind in ("memory", "memory-python", "database", "redis")}
    for i, event in enumerate(events):
        readings = {kind: s.observe(**event) for kind, s in stores.items()}
        assert readings["memory-python"] == readings["memory"], (i, event)
        assert readings["database"] == readings["memory"], (i, event)
        assert readings["redis"] == readings["memory"], (i, event)


def event_sequence(seed: int, n: int) -> list[dict]:
    """Signups and logins sharing addresses, devices, zones and profiles, some with tells, some late."""
    from tests.plugins.events import CHROME, HEADLESS, make_event

    rng = random.Random(seed)
    hints = {"sec-ch-ua": '"Chromium";v="131", "Google Chrome";v="131"', "sec-ch-ua-platform": '"Windows"',
             "sec-ch-ua-mobile": "?0"}
    t = 1_780_000_000.0
    events = []
    for i in range(n):
        t += rng.choice([rng.uniform(1, 120), rng.uniform(600, 7200), rng.uniform(20_000, 90_000)])
        when = t - rng.uniform(0, 300) if rng.random() < 0.1 else t
        kind = "signup" if rng.random() < 0.6 else "login"
        agent = rng.choice([{"user-agent": CHROME, **hints}, {"user-agent": CHROME}, {"user-agent": HEADLESS},
                            {"user-agent": "python-requests/2.31.0"}])
        device = None if rng.random() < 0.2 else {
            "fingerprint": f"fp-{rng.randrange(5)}",
            "timezone": rng.choice(["Europe/London", "Asia/Shanghai", "America/New_York"]),
            "languages": ["en-GB"], "screen": rng.choice(["1920x1080x24", "1536x864x24"]), "platform": "Win32",
            "webdriver": rng.random() < 0.1, "touch_points": 0}
        events.append(make_event(
            i, kind=kind, occurred_at=dt.datetime.fromtimestamp(when, dt.timezone.utc).isoformat(),
            ip=rng.choice(["81.2.69.10", "81.2.69.200", "3.0.0.7", "3.3.3.3", "2a02:c7c::1"]),
            account=f"u-{rng.randrange(6)}",
            email=rng.choice([f"a{i}@gmail.com", f"b{rng.randrange(3)}@mailinator.com", "shared.box@example.org"]),
            success=(rng.random() < 0.7) if kind == "login" else None, headers=agent, device=device,
        ))
    return events


@pytest.mark.redis
def test_backends_agree_on_event_figures(request: pytest.FixtureRequest, geoip_dbs) -> None:
    """Every key ``observe_event`` builds (counters, marked, other-kind, distinct, peeks) reads the same everywhere."""
    from signupguard.context import parse_event
    from signupguard.enrichment import Enricher
    from signupguard.enrichment.geo import GeoDatabases
    from signupguard.velocity.keys import MARKED, OTHER_KIND, observe_event

    enricher = Enricher(geo=GeoDatabases(**geoip_dbs.kwargs()))
    stores = {kind: build(kind, request) for kind in ("memory", "memory-python", "database", "redis")}
    marked_seen = set()
    for i, raw in enumerate(event_sequence(seed=11, n=250)):
        event = parse_event(raw)
        enrichment = enricher.enrich(event)
        figures = {kind: observe_event(s, event, enrichment) for kind, s in stores.items()}
        assert figures["memory-python"] == figures["memory"], (i, raw)
        assert figures["database"] == figures["memory"], (i, raw)
        assert figures["redis"] == figures["memory"], (i, raw)
        marked_seen |= {name for name in (*MARKED, *OTHER_KIND) if any(figures["memory"].counts[name])}
    # The sequence exercises every marked and other-kind counter.
    assert marked_seen == {*MARKED, *OTHER_KIND}


def test_marked_compiled_record_only_marked_events(geoip_dbs) -> None:
    from signupguard.context import parse_event
    from signupguard.enrichment import Enricher
    from signupguard.enrichment.geo import GeoDatabases
    from signupguard.velocity.keys import observe_event
    from tests.plugins.events import make_event

    enricher = Enricher(geo=GeoDatabases(**geoip_dbs.kwargs()))
    store = MemoryVelocityStore()

    hints = {"sec-ch-ua": '"Chromium";v="131", "Google Chrome";v="131"', "sec-ch-ua-platform": '"Windows"',
             "sec-ch-ua-mobile": "?0"}

    def observe(n: int, zone: str, **fields):
        device = {"fingerprint": f"fp-{n}", "timezone": zone, "languages": ["en-GB"], "screen": "1920x1080x24"}
        headers = {**make_event(n)["headers"], **hints}
        event = parse_event(make_event(n, ip="81.2.69.10", device=device, headers=headers, **fields))
        return observe_event(store, event, enricher.enrich(event))

    observe(0, "Asia/Shanghai")  # foreign to a GB address: marked
    observe(1, "Asia/Shanghai", kind="login", success=False, account="u-0")  # a login: other kind, and a tell
    observe(2, "Europe/London")
    figures = observe(3, "Asia/Shanghai")
    assert figures.counts["zone"] == (1, 1, 1, 1)  # signups with this zone (the login counts with logins)
    assert figures.counts["zone_foreign"] == (1, 1, 1, 1)
    assert figures.counts["ip"] == (2, 2, 2, 2) and figures.counts["other_ip"] == (1, 1, 1, 1)
    assert figures.counts["tell_ip"] == (1, 1, 1, 1)  # only the failed login carried a tell
    assert figures.counts["foreign_ip"] == (2, 2, 2, 2)  # the two Shanghai clocks, signup and login
    assert observe(4, "Europe/London").counts["zone_foreign"] == (0, 0, 0, 0)


# -- backend specifics --------------------------------------------------------------


def test_memory_collects_expired_keys() -> None:
    store = MemoryVelocityStore()
    for i in range(1000):
        store.observe(now=T0 + i, counters=[f"k{i}", "hot"], distinct=[(f"d{i}", "m"), ("dhot", f"m{i}")])
    assert len(store) == 2002
    store.observe(now=T0 + 9 * 86400, counters=["hot"], distinct=[("dhot", "x")])
    assert store.collect() == 2000
    assert len(store) == 2
    assert store.observe(now=T0 + 9 * 86400 + 1, counters=["hot", "k1"], distinct=[("d1", "m")]).counts == [
        (1, 1, 1, 1), (0, 0, 0, 0)
    ]


@pytest.mark.parametrize("compiled", [None, False])
def test_memory_collection_never_changes_readings(compiled: bool | None) -> None:
    collected, reference = MemoryVelocityStore(compiled=compiled), MemoryVelocityStore(compiled=compiled)
    for event in random_events(seed=5, n=400):
        collected.collect()
        assert collected.observe(**event) == reference.observe(**event)
    assert len(collected) < len(reference)


# -- the compiled paths ------------------------------------------------------------

compiled_only = pytest.mark.skipif(
    memory_module._count is None, reason="signupguard.velocity._compiled not built (no C compiler)"
)


def test_compiled_paths_are_built_when_required() -> None:
    """CI installs a compiler: there the C path must exist, or every 'memory' test above ran Python twice."""
    if memory_module._count is None and os.environ.get("SIGNUPGUARD_REQUIRE_COMPILED"):
        pytest.fail("signupguard.velocity._compiled was not built")
    assert MemoryVelocityStore().compiled == (memory_module._count is not None)
    with pytest.raises(ImportError) if memory_module._count is None else contextlib.nullcontext():
        MemoryVelocityStore(compiled=True)


def hostile_events(seed: int, n: int) -> list[dict]:
    """Counters and distinct sets at their edges: dense and sparse keys and members, long gaps,
    late and very late arrivals, pre-1970 instants, exact bucket edges, repeated keys within an
    event, peeks of every kind of key."""
    rng = random.Random(seed)
    t = -3 * 86400.0 + 0.25
    edges = [50.0, 300.0, 7200.0, 50400.0]
    events = []
    for _ in range(n):
        step = rng.choice([0.0, rng.uniform(0, 60), rng.uniform(0, 3600), rng.uniform(3600, 90000),
                           rng.uniform(6 * 86400, 9 * 86400), rng.choice(edges) * rng.randrange(1, 14)])
        t += step
        now = t
        if rng.random() < 0.15:
            now -= rng.choice([rng.uniform(0, 120), rng.uniform(0, 7200), rng.uniform(0, 10 * 86400)])
        if rng.random() < 0.1:
            now = float(math.floor(now / 50.0) * 50)  # on a bucket edge of every window
        keys = [f"k{rng.randrange(rng.choice([3, 40, 4000]))}" for _ in range(rng.randrange(0, 6))]
        if keys and rng.random() < 0.1:
            keys.append(keys[0])
        peeks = [f"k{rng.randrange(60)}" for _ in range(rng.randrange(0, 4))]
        distinct = [(f"d{rng.randrange(rng.choice([2, 30, 3000]))}", f"m{rng.randrange(rng.choice([1, 3, 50]))}")
                    for _ in range(rng.randrange(0, 4))]
        events.append({"now": now, "counters": keys, "distinct": distinct, "peek": peeks})
    return events


@compiled_only
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_compiled_and_python_paths_agree(seed: int) -> None:
    fast, slow = MemoryVelocityStore(compiled=True), MemoryVelocityStore(compiled=False)
    for i, event in enumerate(hostile_events(seed, 6000)):
        if i % 997 == 0:
            assert fast.collect() == slow.collect()
        assert fast.observe(**event) == slow.observe(**event), (i, event)
    assert len(fast) == len(slow)


@compiled_only
@pytest.mark.parametrize("seed, keys", [(1, 10), (2, 50), (3, 5000)])
def test_compiled_table_behaves_as_a_dict(seed: int, keys: int) -> None:
    """The compiled path's key table: inserts, replacements and deletions (which shift the
    following keys of a run back) through several resizes, checked against a dict. Str hashes
    change with each process; a handful of keys in a 16-slot table makes runs that wrap past
    its end, and their deletions, frequent whatever the hashes."""
    rng = random.Random(seed)
    table, reference = memory_module._Table(), {}
    universe = [f"key:{i}" for i in range(keys)] + ["", "é", "ключ", "🔑" * 3]
    for step in range(40_000):
        key = "".join(rng.choice(universe))  # a fresh str object, equal to the stored one
        action = rng.random()
        if action < 0.5:
            table[key] = reference[key] = step
        elif action < 0.8:
            if key in reference:
                del table[key], reference[key]
            else:
                with pytest.raises(KeyError):
                    del table[key]
        else:
            assert table.get(key, "absent") == reference.get(key, "absent")
            assert (key in table) == (key in reference)
        if step % 4999 == 0:
            assert sorted(table.items()) == sorted(reference.items())
    assert len(table) == len(reference)
    assert sorted(table.items()) == sorted(reference.items())
    for key in list(reference):
        assert table[key] == reference[key]
        del table[key]
    assert len(table) == 0 and table.items() == []
    with pytest.raises(KeyError):
        table["gone"]
    with pytest.raises(TypeError):
        table[1] = 2  # keys are str
    assert table.get(1) is None and 1 not in table


class _Held:
    """A value whose release a weak reference reports."""


@compiled_only
@pytest.mark.parametrize("keys", [100, 70_000])  # 70,000: released in address order (SORTED_RELEASE_MIN)
def test_a_compiled_table_releases_each_key_and_value_once(keys: int) -> None:
    """A table that goes releases every key and value it holds once, and nothing else: a value
    two keys share outlives the first release, a deleted key is not released again."""
    table = memory_module._Table()
    names = [f"key:{i}" for i in range(keys)]
    values = [_Held() for _ in range(keys)]
    for index, name in enumerate(names):
        table[name] = values[index]
    table["shared"] = values[1]  # values[1] is now held by two keys
    del table[names[0]]  # released here, when it is deleted
    watch = [weakref.ref(value) for value in values]
    before = [sys.getrefcount(name) for name in names]
    del values
    assert watch[0]() is None and watch[1]() is not None
    del table
    assert all(ref() is None for ref in watch)
    assert [sys.getrefcount(name) for name in names] == [before[0]] + [n - 1 for n in before[1:]]


@compiled_only
def test_compiled_paths_with_other_windows_and_caps() -> None:
    options = {"windows": (60, 7 * 86400, 900), "distinct_windows": (86400, 120, 3600), "buckets": 5, "max_keys": 300}
    fast, slow = MemoryVelocityStore(compiled=True, **options), MemoryVelocityStore(compiled=False, **options)
    for i, event in enumerate(hostile_events(9, 4000)):
        assert fast.observe(**event) == slow.observe(**event), (i, event)
        assert len(fast) == len(slow) <= 300


@compiled_only
def test_compiled_paths_refuse_instants_beyond_any_date() -> None:
    store = MemoryVelocityStore(compiled=True)
    for bad in (math.nan, math.inf, 1e300):
        with pytest.raises(ValueError):
            store.observe(now=bad, counters=["k"], distinct=[("d", "m")], peek=["k"])
    assert count(store, "k", T0) == (0,) * NW  # nothing was recorded
    assert members(store, "d", "n", T0) == (1,) * NDW


def _into(store: MemoryVelocityStore, event: dict, width: int, ndw: int) -> list[int]:
    """``observe_into`` a row with a place for every key: the counters', then the sets', then the peeks'."""
    import numpy as np

    n, d, p = len(event["counters"]), len(event["distinct"]), len(event["peek"])
    row = np.full(n * width + d * ndw + p * width + 1, -7, dtype=np.int64)  # the last place is never written
    store.observe_into(row, now=event["now"], counters=event["counters"], counters_at=[i * width for i in range(n)],
                       distinct=event["distinct"], distinct_at=[n * width + i * ndw for i in range(d)],
                       peek=event["peek"], peek_at=[n * width + d * ndw + i * width for i in range(p)])
    assert row[-1] == -7
    return row[:-1].tolist()


def _flat(reading: VelocityReading) -> list[int]:
    return [v for figures in (*reading.counts, *reading.distinct, *reading.peeked) for v in figures]


@pytest.mark.parametrize("compiled", [pytest.param(True, marks=compiled_only), False])
@pytest.mark.parametrize("seed", [4, 5])
def test_observe_into_writes_what_observe_returns(compiled: bool, seed: int) -> None:
    into, reference = MemoryVelocityStore(compiled=compiled), MemoryVelocityStore(compiled=False)
    for i, event in enumerate(hostile_events(seed, 5000)):
        if i % 997 == 0:
            assert into.collect() == reference.collect()
        assert _into(into, event, NW, NDW) == _flat(reference.observe(**event)), (i, event)
    assert len(into) == len(reference)


@compiled_only
def test_observe_into_with_other_windows_and_caps() -> None:
    options = {"windows": (60, 7 * 86400, 900), "distinct_windows": (86400, 120, 3600), "buckets": 5, "max_keys": 300}
    into, reference = MemoryVelocityStore(compiled=True, **options), MemoryVelocityStore(compiled=False, **options)
    for i, event in enumerate(hostile_events(9, 3000)):
        assert _into(into, event, 3, 3) == _flat(reference.observe(**event)), (i, event)
        assert len(into) == len(reference) <= 300


@compiled_only
def test_observe_into_refuses_a_row_it_cannot_write() -> None:
    import numpy as np

    store = MemoryVelocityStore(compiled=True)
    event = {"now": T0, "counters": ["k"], "distinct": [("d", "m")], "peek": ["p"]}

    def observe(row: object, **places: list[int]) -> None:
        at = {"counters_at": [0], "distinct_at": [NW], "peek_at": [NW + NDW], **places}
        store.observe_into(row, **event, **at)

    wide = NW + NDW + NW
    with pytest.raises(TypeError, match="int64"):
        observe(np.zeros(wide, dtype=np.float64))
    with pytest.raises(TypeError, match="int64"):
        observe(np.zeros(wide, dtype=np.dtype(np.int64).newbyteorder()))  # byte-swapped
    with pytest.raises(TypeError, match="int64"):
        observe(np.zeros(wide, dtype=np.uint64))
    with pytest.raises(ValueError, match="contiguous"):
        observe(np.zeros(2 * wide, dtype=np.int64)[::2])
    with pytest.raises(TypeError):
        observe([0] * wide)  # no buffer
    with pytest.raises(IndexError, match="outside the row"):
        observe(np.zeros(0, dtype=np.int64))
    with pytest.raises(IndexError, match="outside the row"):
        observe(np.zeros(wide, dtype=np.int64), peek_at=[wide - 1])
    with pytest.raises(IndexError, match="outside the row"):
        observe(np.zeros(wide, dtype=np.int64), counters_at=[-1])
    with pytest.raises(ValueError, match="one place is needed for each key"):
        observe(np.zeros(wide, dtype=np.int64), distinct_at=[])
    read_only = np.zeros(wide, dtype=np.int64)
    read_only.setflags(write=False)
    with pytest.raises((ValueError, BufferError)):
        observe(read_only)
    row = np.zeros(wide, dtype=np.int64)
    observe(row)  # a row it can write: the store still works
    assert row.tolist() == [0] * NW + [1] * NDW + [0] * NW


@pytest.mark.parametrize("compiled", [pytest.param(True, marks=compiled_only), False])
def test_observe_into_refuses_places_that_do_not_fit_and_records_nothing(compiled: bool) -> None:
    import numpy as np

    store = MemoryVelocityStore(compiled=compiled)
    wide = NW + NDW + NW
    event = {"now": T0, "counters": ["k"], "distinct": [("d", "m")], "peek": ["p"]}
    good = {"counters_at": [0], "distinct_at": [NW], "peek_at": [NW + NDW]}
    for places, error in [({"distinct_at": []}, ValueError), ({"counters_at": [0, NW]}, ValueError),
                          ({"peek_at": [wide - 1]}, IndexError), ({"counters_at": [-1]}, IndexError)]:
        with pytest.raises(error):
            store.observe_into(np.zeros(wide, dtype=np.int64), **event, **{**good, **places})
    row = np.zeros(wide, dtype=np.int64)
    store.observe_into(row, **event, **{key: [np.int64(at) for at in value] for key, value in good.items()})
    assert row.tolist() == [0] * NW + [1] * NDW + [0] * NW  # nothing was recorded before


def test_observe_into_without_it_in_an_older_extension_counts_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extension built before observe_into (a checkout not reinstalled): the rest stays compiled."""
    monkeypatch.setattr(memory_module, "_observe_into", None)
    store, reference = MemoryVelocityStore(), MemoryVelocityStore(compiled=False)
    assert store.compiled == (memory_module._count is not None)
    for i, event in enumerate(hostile_events(6, 2000)):
        assert _into(store, event, NW, NDW) == _flat(reference.observe(**event)), (i, event)


class _Meddler:
    """A set member whose comparison empties a list the compiled code is reading."""

    def __init__(self, victim: list) -> None:
        self.victim = victim

    def __hash__(self) -> int:
        return 1

    def __eq__(self, other: object) -> bool:
        self.victim.clear()
        return False


@compiled_only
def test_a_member_that_changes_the_lists_being_read_cannot_crash_the_compiled_store() -> None:
    """Comparing members runs their Python code: the places and pairs are read from copies."""
    import numpy as np

    store = MemoryVelocityStore(compiled=True)
    store.observe(now=T0, counters=[], distinct=[("d0", "first")])
    places = [NDW * i for i in range(40)]
    pairs = [("d0", _Meddler(places))] + [(f"e{i}", "m") for i in range(39)]
    row = np.zeros(NDW * 40, dtype=np.int64)
    store.observe_into(row, now=T0 + 1, counters=[], counters_at=[], distinct=pairs, distinct_at=places,
                       peek=[], peek_at=[])
    assert places == [] and row.tolist() == [2] * NDW + [1] * (NDW * 39)
    store.observe(now=T0 + 2, counters=[], distinct=[("d1", "first")])
    pairs = [("d1", _Meddler([]))] + [(f"f{i}", "m") for i in range(99)]
    pairs[0] = ("d1", _Meddler(pairs))
    reading = store.observe(now=T0 + 3, counters=[], distinct=pairs)
    assert pairs == [] and len(reading.distinct) == 100 and reading.distinct[1:] == [(1,) * NDW] * 99


def test_memory_max_keys_caps_the_store() -> None:
    store = MemoryVelocityStore(max_keys=500)
    for i in range(5000):
        store.observe(now=T0 + i, counters=[f"k{i}"], distinct=[])
        assert len(store) <= 500
    assert count(store, "k4999", T0 + 5000) == (1, 1, 1, 1)  # the most recent keys survive


@pytest.mark.parametrize("kind", [
    # Committed transactions: the threads' own connections see each other's writes.
    pytest.param("database", marks=pytest.mark.django_db(transaction=True)),
    pytest.param("redis", marks=pytest.mark.redis),
])
def test_concurrent_observes_read_each_other(kind: str, request: pytest.FixtureRequest) -> None:
    """Workers scoring a burst at once: every observe reads the ones recorded before it, none twice."""
    import threading

    from django.db import connection, connections

    if kind == "database":
        if connection.vendor != "postgresql":
            pytest.skip("SQLite runs one write transaction at a time; concurrency is PostgreSQL's")
        store: VelocityStore = DatabaseVelocityStore()
    else:
        store = build(kind, request)
    threads, per = 3, 60
    readings: list[tuple[int, int]] = []
    lock, start = threading.Lock(), threading.Barrier(threads)

    def worker(tid: int) -> None:
        try:
            start.wait()
            for i in range(per):
                reading = store.observe(now=T0 + 1, counters=["s:all", f"s:ip:{i % 7}"], distinct=[("d:all", f"m{tid}-{i}")])
                with lock:
                    readings.append((reading.counts[0][0], reading.distinct[0][0]))
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker, args=(tid,)) for tid in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    # Serially, the n-th observe reads n - 1 earlier events and n members.
    assert sorted(count for count, _ in readings) == list(range(threads * per))
    assert sorted(members for _, members in readings) == list(range(1, threads * per + 1))


@pytest.mark.django_db
def test_database_prune_keeps_readings() -> None:
    from signupguard.models import VelocityBucket, VelocityMember

    store = DatabaseVelocityStore()
    for i in range(20):
        store.observe(now=T0 + i * 3600, counters=["k"], distinct=[("d", f"m{i}")])
    before = (VelocityBucket.objects.count(), VelocityMember.objects.count())
    now = T0 + 20 * 3600
    assert store.prune(now) > 0
    assert VelocityBucket.objects.count() < before[0] and VelocityMember.objects.count() < before[1]
    reference = MemoryVelocityStore()
    for i in range(20):
        reference.observe(now=T0 + i * 3600, counters=["k"], distinct=[("d", f"m{i}")])
    event = {"now": now, "counters": ["k"], "distinct": [("d", "new")]}
    assert store.observe(**event) == reference.observe(**event)


@pytest.mark.django_db
def test_database_prune_expired_spares_what_a_late_attempt_reads() -> None:
    """What the periodic task deletes: everything an attempt up to one bucket of the week (14 h) late cannot read."""
    from signupguard.models import VelocityBucket, VelocityMember

    store, reference = DatabaseVelocityStore(), MemoryVelocityStore()
    # Ten days, every half hour: members of the first four days once each, then fifty that come back daily.
    history = [(T0 + i * 1800.0, f"early{i}" if i < 192 else f"m{i % 50}") for i in range(10 * 48)]
    for when, member in history:
        for s in (store, reference):
            s.observe(now=when, counters=["k", f"once:{when}"], distinct=[("d", member)])
    rows = VelocityBucket.objects.count() + VelocityMember.objects.count()
    now = history[-1][0]
    deleted = store.prune_expired(now=now)
    assert 0 < deleted and VelocityBucket.objects.count() + VelocityMember.objects.count() == rows - deleted
    # Nothing older than a week and 14 hours is left; the "once:" counters of the first days are gone.
    assert not VelocityMember.objects.filter(member=store.stored_member("d", "early0")).exists()
    early = store.stored_member("d", "early191")
    assert VelocityMember.objects.filter(member=early, window=7 * 86400).exists()  # six days old: still in the week
    assert not VelocityMember.objects.filter(member=early, window=3600).exists()
    assert not VelocityBucket.objects.filter(key=store.stored_key(f"once:{T0}")).exists()
    assert VelocityBucket.objects.filter(key=store.stored_key(f"once:{now}")).exists()
    # An attempt scored 13 hours late (a sweep after an outage) reads what the in-process store does.
    late = {"now": now - 13 * 3600, "counters": ["k"], "distinct": [("d", "late")]}
    assert store.observe(**late) == reference.observe(**late)
    assert store.prune_expired(now=now) == 0  # a second run finds nothing


@pytest.mark.django_db
def test_prune_task_and_command_use_the_configured_store() -> None:
    import io

    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    from signupguard.models import VelocityBucket
    from signupguard.tasks import prune_velocity
    from signupguard.velocity import get_store

    database = {**settings.SIGNUPGUARD, "VELOCITY_BACKEND": "signupguard.velocity.database.DatabaseVelocityStore"}
    with override_settings(SIGNUPGUARD=database):
        store = get_store()
        assert isinstance(store, DatabaseVelocityStore)
        old = dt.datetime.now(dt.timezone.utc).timestamp() - 9 * 86400  # nine days ago: past every window
        store.observe(now=old, counters=["a", "b"], distinct=[("d", "x")])
        store.observe(now=old + 10, counters=["a"], distinct=[("d", "y")])
        assert VelocityBucket.objects.exists()
        out = io.StringIO()
        call_command("signupguard_prune", stdout=out)
        assert out.getvalue().startswith("velocity: pruned ") and out.getvalue().split()[2] != "0"
        assert not VelocityBucket.objects.exists()
        store.observe(now=old, counters=["a"], distinct=[])
        assert prune_velocity.apply().get() == len(WINDOWS)  # through Celery: one expired bucket per window
        assert prune_velocity() == 0
    out = io.StringIO()
    call_command("signupguard_prune", stdout=out)  # the test settings' in-process store
    assert "velocity: nothing to prune, MemoryVelocityStore" in out.getvalue()
    assert prune_velocity() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("options", [{"buckets": 24}, {"windows": (600, 3600, 86400)},
                                     {"distinct_windows": (3600, 86400)}])
def test_velocity_options_that_count_otherwise_than_training_are_an_error(options: dict) -> None:
    """The stores take their windows and buckets as keyword arguments, so VELOCITY_OPTIONS can set them;
    models are trained on the in-process store's defaults (found in an audit: the E010 check passed them,
    and live scoring read other figures than training for the same traffic, or figures out of the layout)."""
    from django.core.checks import run_checks
    from django.test import override_settings

    from signupguard.velocity import get_store
    from signupguard.velocity.keys import FLAT_LENGTH, observe_flat, plan_event
    from signupguard.context import parse_event
    from signupguard.enrichment import Enricher
    from tests.plugins.events import make_event

    conf = {"VELOCITY_BACKEND": "signupguard.velocity.database.DatabaseVelocityStore", "VELOCITY_OPTIONS": options}
    with override_settings(SIGNUPGUARD=conf):
        live, training = get_store(), MemoryVelocityStore()
        readings = []
        for n, second in enumerate((49.0, 620.0, 3590.0, 3610.0, 2 * 86400.0)):
            event = parse_event(make_event(n, occurred_at=dt.datetime.fromtimestamp(T0 + second, dt.timezone.utc)
                                           .isoformat(), ip="81.2.69.10", device=make_event(0)["device"]))
            plan = plan_event(event, Enricher().enrich(event))
            readings.append((observe_flat(live, plan), observe_flat(training, plan)))
        assert any(len(flat) != FLAT_LENGTH or flat != trained for flat, trained in readings)
        assert "signupguard.E010" in {m.id for m in run_checks(tags=["signupguard"])}
    with override_settings(SIGNUPGUARD={**conf, "VELOCITY_OPTIONS": {"pseudonymise": False}}):
        assert "signupguard.E010" not in {m.id for m in run_checks(tags=["signupguard"])}


@pytest.mark.redis
def test_redis_sets_ttls_and_clear_keeps_other_keys(redis_url: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    client.set("unrelated:key", "1")
    store = RedisVelocityStore(client=client, prefix=f"sgtest:{uuid.uuid4().hex}:")
    store.observe(now=T0, counters=["k"], distinct=[("d", "a")])
    for key in client.scan_iter(match=f"{store.prefix}*"):
        assert 0 < client.ttl(key) <= max(WINDOWS) + max(WINDOWS) // 12 + 1
    store.clear()
    assert list(client.scan_iter(match=f"{store.prefix}*")) == []
    assert client.get("unrelated:key") == b"1"
    client.delete("unrelated:key")


@pytest.mark.redis
def test_redis_errors_propagate() -> None:
    import redis

    store = RedisVelocityStore(url="redis://127.0.0.1:9/0")  # the discard port: nothing listens
    with pytest.raises(redis.exceptions.ConnectionError):
        store.observe(now=T0, counters=["k"], distinct=[])


def test_plans_are_aligned_with_the_named_layout():
    """observe_plan pairs keys with names by position: every list of a plan has its layout's length."""
    from signupguard.enrichment import Enricher
    from signupguard.context import parse_event
    from signupguard.velocity.keys import COUNTERS, DISTINCT, MARKED, OTHER_KIND, PEEKS, plan_event
    from tests.plugins.events import make_event

    for event in (make_event(1), make_event(2, kind="login", success=False, account="a1")):
        raw = parse_event(event)
        plan = plan_event(raw, Enricher().enrich(raw))
        assert (len(plan.counters), len(plan.marked), len(plan.marks), len(plan.other), len(plan.distinct),
                len(plan.peeks)) == (len(COUNTERS), len(MARKED), len(MARKED), len(OTHER_KIND), len(DISTINCT),
                                     len(PEEKS))


@pytest.mark.redis
def test_a_redis_event_ttl_shorter_than_fail_after_is_a_warning(redis_url: str) -> None:
    # The Redis store remembers a live event's reading for event_ttl seconds so that a retried scoring counts it
    # once; retries and the sweep go on for FAIL_AFTER_SECONDS. Shorter, a late retry counts the event twice.
    from django.core.checks import run_checks
    from django.test import override_settings

    conf = {"VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore", "FAIL_AFTER_SECONDS": 600}

    def ids(**options: object) -> set[str]:
        with override_settings(SIGNUPGUARD={**conf, "VELOCITY_OPTIONS": {"url": redis_url, **options}}):
            return {m.id for m in run_checks(tags=["signupguard"])}

    assert "signupguard.W010" in ids(event_ttl=300)
    assert "signupguard.W010" not in ids(event_ttl=600) and "signupguard.W010" not in ids()
