"""The persistent velocity stores write no readable personal data (``velocity/pseudonyms.py``).

Each test observes real events (enriched, planned by ``velocity/keys.py``)
through a real Redis or the real database, then reads back everything the
store wrote: every Redis key under its prefix with its fields, members and
values, every row of the two tables.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable, Iterator

import pytest
from django.test import override_settings

from signupguard.velocity import VelocityStore, for_event
from signupguard.velocity.database import DatabaseVelocityStore
from signupguard.velocity.memory import MemoryVelocityStore
from signupguard.velocity.redis import RedisVelocityStore

EMAIL, ADDRESS, DEVICE, ACCOUNT = "jane.doe@example.org", "81.2.69.10", "fp-jane-7c1d9e", "u-jane-42"
# What must not be readable: the mailbox, the address (and so its /24, "81.2.69.0/24"), the device, the account.
NEEDLES = ("jane.doe", "81.2.69.", DEVICE, ACCOUNT)

BACKENDS = ["database", pytest.param("redis", marks=pytest.mark.redis)]
Make = Callable[..., VelocityStore]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def make(backend: str, request: pytest.FixtureRequest) -> Iterator[Make]:
    """Builds stores of ``backend``; the option is passed only when off, so the default is what is tested."""
    made: list[RedisVelocityStore] = []
    if backend == "database":
        request.getfixturevalue("db")
    else:
        url = request.getfixturevalue("redis_url")

    def build(*, pseudonymise: bool = True, prefix: str | None = None) -> VelocityStore:
        options: dict[str, Any] = {} if pseudonymise else {"pseudonymise": False}
        if backend == "database":
            return DatabaseVelocityStore(**options)
        store = RedisVelocityStore(url=url, prefix=prefix or f"sgtest:{uuid.uuid4().hex}:", **options)
        made.append(store)
        return store

    yield build
    for store in made:
        store.clear()


def stored_strings(store: VelocityStore) -> list[str]:
    """Everything the store wrote that could name someone: keys, fields, members, values."""
    if isinstance(store, DatabaseVelocityStore):
        from signupguard.models import VelocityBucket, VelocityMember

        out = list(VelocityBucket.objects.values_list("key", flat=True))
        for key, member in VelocityMember.objects.values_list("key", "member"):
            out += [key, member]
        return out
    client = store.client
    out = []
    for key in client.scan_iter(match=f"{store.prefix}*", count=1000):
        out.append(key)
        kind = client.type(key)
        if kind == b"hash":
            for field, value in client.hgetall(key).items():
                out += [field, value]
        elif kind == b"zset":
            out += [member for member, _ in client.zrange(key, 0, -1, withscores=True)]
        elif kind == b"string":
            out.append(client.get(key))
        else:
            pytest.fail(f"a velocity key of an unexpected type: {key!r} is a {kind!r}")
    return [s.decode("utf-8", "surrogateescape") for s in out]


def stored_names(store: VelocityStore) -> set[str]:
    """The counter and distinct keys' names and the members, without the store's own prefix."""
    if isinstance(store, DatabaseVelocityStore):
        return set(stored_strings(store))
    client, prefix = store.client, store.prefix.encode()
    names = set()
    for key in client.scan_iter(match=f"{store.prefix}*", count=1000):
        tail = key[len(prefix):]
        if tail.startswith(b"d:"):
            names |= {member.decode() for member in client.zrange(key, 0, -1)}
        if not tail.startswith(b"e:"):  # event ids are not personal data, and the same under any secret
            names.add(tail[2:].decode())
    return names


def jane_events(geoip_dbs) -> list:
    """Jane signs up, fails a login (recording the failure keys) and logs in; John signs up on her device."""
    from signupguard.context import parse_event
    from signupguard.enrichment import Enricher
    from signupguard.enrichment.geo import GeoDatabases
    from tests.plugins.events import make_event

    enricher = Enricher(geo=GeoDatabases(**geoip_dbs.kwargs()))
    device = {"fingerprint": DEVICE, "timezone": "Europe/London", "languages": ["en-GB"], "screen": "1920x1080x24"}
    raws = [
        make_event(0, ip=ADDRESS, email=EMAIL, account=ACCOUNT, device=device),
        make_event(1, kind="login", success=False, ip=ADDRESS, email=EMAIL, account=ACCOUNT, device=device),
        make_event(2, kind="login", success=True, ip=ADDRESS, email=EMAIL, account=ACCOUNT, device=device),
        make_event(3, ip="81.2.69.20", email="john.roe@example.org", account="u-john-7", device=device),
    ]
    return [(event, enricher.enrich(event)) for event in map(parse_event, raws)]


def observe_all(store: VelocityStore, events: list) -> list:
    from signupguard.velocity.keys import observe_event

    return [observe_event(for_event(store, event.event_id), event, enrichment) for event, enrichment in events]


def test_nothing_stored_names_the_person(make: Make, geoip_dbs) -> None:
    events = jane_events(geoip_dbs)
    store = make()
    observe_all(store, events)
    written = stored_strings(store)
    assert len(written) > 50
    for needle in NEEDLES:
        assert not [s for s in written if needle in s], needle
    store.clear()

    # Without pseudonyms every one of them is there: the scan sees what a store writes.
    plain = make(pseudonymise=False)
    observe_all(plain, events)
    written = stored_strings(plain)
    for needle in NEEDLES:
        assert [s for s in written if needle in s], needle


def test_readings_are_the_same_with_and_without_pseudonyms(make: Make, geoip_dbs) -> None:
    """Signups and logins sharing addresses, devices and accounts, some late: every figure as in memory."""
    from signupguard.context import parse_event
    from signupguard.enrichment import Enricher
    from signupguard.enrichment.geo import GeoDatabases
    from tests.test_velocity import event_sequence

    enricher = Enricher(geo=GeoDatabases(**geoip_dbs.kwargs()))
    events = [(event, enricher.enrich(event)) for event in map(parse_event, event_sequence(seed=5, n=150))]
    reference = observe_all(MemoryVelocityStore(), events)
    plain = make(pseudonymise=False)
    assert observe_all(plain, events) == reference
    plain.clear()
    assert observe_all(make(), events) == reference


def test_names_depend_on_the_secret_key(make: Make, geoip_dbs) -> None:
    from signupguard.velocity.keys import observe_event

    events = jane_events(geoip_dbs)
    again = events[0]  # observed once more below, without an event id: counted again
    memory = MemoryVelocityStore()
    observe_all(memory, events)
    prefix = f"sgtest:{uuid.uuid4().hex}:"  # one prefix: the stores below share a Redis namespace, as processes do
    first = make(prefix=prefix)
    readings = observe_all(first, events)
    names = stored_names(first)
    # Another process, with the same SECRET_KEY, reads what this one recorded.
    assert observe_event(make(prefix=prefix), *again) == observe_event(memory, *again)

    first.clear()
    with override_settings(SECRET_KEY="another-secret-key-for-this-test"):
        rotated = make(prefix=prefix)
    assert observe_all(rotated, events) == readings  # the same figures,
    other = stored_names(rotated)
    assert len(other) == len(names) and not names & other  # under other names.
    # Counters restart with the key: the names written under another key are not read.
    with override_settings(SECRET_KEY="a-third-secret-key-for-this-test"):
        third = make(prefix=prefix)
    assert observe_event(third, *again) == observe_event(MemoryVelocityStore(), *again)


@pytest.mark.django_db
def test_pseudonyms_are_turned_off_through_velocity_options() -> None:
    from django.conf import settings

    from signupguard.models import VelocityBucket
    from signupguard.velocity import get_store

    backend = "signupguard.velocity.database.DatabaseVelocityStore"
    for options, clear in (({}, False), ({"pseudonymise": False}, True)):
        with override_settings(SIGNUPGUARD={**settings.SIGNUPGUARD, "VELOCITY_BACKEND": backend,
                                            "VELOCITY_OPTIONS": options}):
            store = get_store()
            store.observe(now=1_780_000_000.0, counters=[f"s:em:{EMAIL}"], distinct=[])
            assert VelocityBucket.objects.filter(key=f"s:em:{EMAIL}").exists() is clear
            store.clear()
    with pytest.raises(ValueError, match="pseudonymise must be True or False"):
        DatabaseVelocityStore(pseudonymise="false")  # a string from an environment variable: refused, not truthy
