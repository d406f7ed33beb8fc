"""Redis velocity: a live event is counted once, even when its observe timed out but ran.

When Redis stalls past the client's socket timeout, the client raises
``TimeoutError`` but the server runs the buffered script once it resumes; the
scoring task's retry then observed the same signup again (found in an audit:
the retry read (2, 2, 2, 2) instead of (1, 1, 1, 1)). The stall here is a long
script run from another connection: the server reads nothing meanwhile, as
when it is paused or swapping, and runs what was sent once it is done.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from django.test import override_settings

from signupguard.capture import DEVICE_FIELD
from signupguard.recording import record_signup
from signupguard.velocity.memory import MemoryVelocityStore
from signupguard.velocity.redis import RedisVelocityStore

pytestmark = pytest.mark.redis

T0 = 33730 * 50400.0  # bucket edges on round offsets, as in test_velocity
STALL_SECONDS = 2.0
SOCKET_TIMEOUT = 0.3

# Busy for ARGV[1] milliseconds: no other client is served meanwhile.
_BUSY = """
local t = redis.call('TIME')
local start = t[1] * 1000000 + t[2]
repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] - start >= tonumber(ARGV[1]) * 1000
return 1
"""


def _with_timeout(url: str, seconds: float) -> str:
    parts = urlsplit(url)
    query = urlencode([*parse_qsl(parts.query), ("socket_timeout", str(seconds))])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


@contextmanager
def stalled(url: str, seconds: float = STALL_SECONDS) -> Iterator[None]:
    """Redis serves nobody for ``seconds``; returns once it is stalled, waits for it to resume on exit."""
    import redis

    busy = threading.Thread(target=redis.Redis.from_url(url).eval, args=(_BUSY, 0, int(seconds * 1000)))
    busy.start()
    probe = redis.Redis.from_url(_with_timeout(url, 0.05))
    deadline = time.monotonic() + seconds / 2
    try:
        while True:  # a PING that goes unanswered: the long script is running
            assert time.monotonic() < deadline, "Redis did not stall"
            try:
                probe.ping()
            except redis.TimeoutError:
                break
            time.sleep(0.01)
        yield
    finally:
        busy.join()
        probe.close()


@pytest.fixture
def stores(redis_url: str) -> Iterator[tuple[RedisVelocityStore, RedisVelocityStore]]:
    """One store on a client that times out quickly, one on a patient client; same keys."""
    prefix = f"sgtest:{uuid.uuid4().hex}:"
    quick = RedisVelocityStore(url=_with_timeout(redis_url, SOCKET_TIMEOUT), prefix=prefix)
    patient = RedisVelocityStore(url=redis_url, prefix=prefix)
    yield quick, patient
    patient.clear()


def signup(store, event_id: str | None, now: float, *, device: str = "dev-1", account: str = "acct-1"):
    named = {} if event_id is None else {"event_id": event_id}
    return store.observe(
        now=now, counters=["s:ip:203.0.113.7", f"s:dev:{device}", "s:all"],
        distinct=[("d:ip:203.0.113.7", account), (f"d:dev:{device}", account)], peek=["f:ip:203.0.113.7"],
        **named,
    )


def test_an_observe_that_timed_out_but_ran_is_not_counted_again_by_its_retry(redis_url, stores) -> None:
    import redis

    quick, patient = stores
    reference = MemoryVelocityStore()
    expected = [signup(reference, None, T0 + n, account=f"acct-{n}") for n in range(3)]

    assert signup(quick, "evt-0", T0, account="acct-0") == expected[0]  # an earlier signup from the address
    with stalled(redis_url):
        with pytest.raises(redis.TimeoutError):
            signup(quick, "evt-1", T0 + 1, account="acct-1")  # the task releases the attempt and retries
    # Redis ran the script that timed out once it resumed; the retry reads what that run read.
    retried = signup(quick, "evt-1", T0 + 1, account="acct-1")
    assert retried.counts[0] == (1, 1, 1, 1)
    assert retried == expected[1]
    assert signup(patient, "evt-2", T0 + 2, account="acct-2") == expected[2]  # two signups before it, not three
    assert int(patient.client.hget(f"{patient.prefix}c:{patient.stored_key('s:ip:203.0.113.7')}", "t1")) == 3


def test_an_event_observed_twice_reads_its_first_reading_and_records_nothing(stores) -> None:
    _, store = stores
    first = signup(store, "evt-a", T0)
    second = signup(store, "evt-b", T0 + 1, account="acct-2")
    assert signup(store, "evt-b", T0 + 1, account="acct-2") == second  # a retry
    assert signup(store, "evt-a", T0) == first  # an older one, after later events
    later = signup(store, None, T0 + 2, account="acct-3")
    assert later.counts[0] == (2, 2, 2, 2) and later.distinct[0] == (3, 3)


def test_without_an_event_id_every_observe_counts(stores) -> None:
    # What offline runs and the other callers do: unchanged.
    _, store = stores
    assert [signup(store, None, T0).counts[0] for _ in range(3)] == [(0, 0, 0, 0), (1, 1, 1, 1), (2, 2, 2, 2)]
    assert not list(store.client.scan_iter(match=f"{store.prefix}e:*"))


def test_a_retry_that_plans_other_keys_reads_them_and_records_nothing(stores) -> None:
    # The GeoIP databases were swapped between the tries: the event has other keys now.
    _, store = stores
    first = store.observe(now=T0, counters=["s:ip:a"], distinct=[("d:ip:a", "acct")], event_id="evt")
    assert first.counts == [(0, 0, 0, 0)] and first.distinct == [(1, 1)]
    again = store.observe(now=T0, counters=["s:ip:a", "s:asn:1"], distinct=[("d:ip:a", "acct")], event_id="evt")
    assert again.counts == [(1, 1, 1, 1), (0, 0, 0, 0)] and again.distinct == [(1, 1)]
    after = store.observe(now=T0 + 1, counters=["s:ip:a", "s:asn:1"], distinct=[("d:ip:a", "other")])
    assert after.counts == [(1, 1, 1, 1), (0, 0, 0, 0)] and after.distinct == [(2, 2)]


def test_an_events_reading_expires(redis_url) -> None:
    store = RedisVelocityStore(url=redis_url, prefix=f"sgtest:{uuid.uuid4().hex}:", event_ttl=3600)
    try:
        signup(store, "evt", T0)
        assert 3590 <= store.client.ttl(f"{store.prefix}e:evt") <= 3600
    finally:
        store.clear()
    with pytest.raises(ValueError, match="event_ttl"):
        RedisVelocityStore(url=redis_url, event_ttl=0)


def test_other_stores_observe_as_before() -> None:
    from signupguard.velocity import for_event

    store = MemoryVelocityStore()
    assert for_event(store, "evt") is store


# -- through the scoring task -------------------------------------------------------------------------------


def _signup(signup_request, user, fingerprint: str):
    request = signup_request("81.2.69.160", data={DEVICE_FIELD: json.dumps({"fingerprint": fingerprint,
                                                                            "webdriver": False})})
    return record_signup(request, user)


@pytest.fixture
def redis_velocity(redis_url: str) -> Iterator[dict]:
    from signupguard.engine import reset_engine

    options = {"url": _with_timeout(redis_url, SOCKET_TIMEOUT), "prefix": f"sgtest:{uuid.uuid4().hex}:"}
    with override_settings(SIGNUPGUARD={
        "VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore", "VELOCITY_OPTIONS": options,
        "ALLOW_IP_RANGES": ["0.0.0.0/0"],
    }):
        reset_engine()
        yield options
    reset_engine()
    RedisVelocityStore(url=redis_url, prefix=options["prefix"]).clear()


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager")
def test_a_scoring_whose_velocity_timed_out_but_ran_is_counted_once_by_its_retry(
    redis_url, redis_velocity, signup_request, make_user, django_capture_on_commit_callbacks,
) -> None:
    import redis

    from signupguard import scoring, tasks
    from signupguard.models import Attempt

    with django_capture_on_commit_callbacks(execute=False):
        earlier = _signup(signup_request, make_user(), "fp-a")
        attempt = _signup(signup_request, make_user(), "fp-b")
    assert tasks.score_attempt.delay(earlier.pk).get() == "allow"  # also warms the engine up
    with stalled(redis_url):
        with pytest.raises(redis.TimeoutError) as timeout:
            scoring.score_attempt(attempt.pk)
        tasks._release_quietly(attempt.pk, timeout.value)  # what the task does before it retries
    assert Attempt.objects.get(pk=attempt.pk).state == "pending"
    assert tasks.score_attempt.delay(attempt.pk).get() == "allow"  # the retry
    with django_capture_on_commit_callbacks(execute=True):
        later = _signup(signup_request, make_user(), "fp-c")
    attempt.refresh_from_db()
    later.refresh_from_db()
    assert attempt.attempts == 2 and attempt.velocity["counts"]["ip"] == [1, 1, 1, 1]
    assert later.velocity["counts"]["ip"] == [2, 2, 2, 2]  # two signups before it, not three


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager")
def test_with_redis_a_failed_save_is_not_counted_twice_by_the_retry(
    redis_velocity, signup_request, make_user, django_capture_on_commit_callbacks, monkeypatch,
) -> None:
    # Redis commits its count before the attempt's reading is saved: the retry finds the reading in Redis.
    from django.db import OperationalError

    from signupguard import scoring

    save, failures = scoring._save_prepared, []

    def save_after_one_failure(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return save(*args, **kwargs)

    monkeypatch.setattr(scoring, "_save_prepared", save_after_one_failure)
    with django_capture_on_commit_callbacks(execute=False):
        attempt = _signup(signup_request, make_user(), "fp-a")
    from signupguard.tasks import score_attempt

    assert score_attempt.delay(attempt.pk).get() == "allow"  # retried after the transient error
    with django_capture_on_commit_callbacks(execute=True):
        later = _signup(signup_request, make_user(), "fp-b")
    attempt.refresh_from_db()
    later.refresh_from_db()
    assert failures and attempt.attempts == 2
    assert attempt.velocity["counts"]["ip"][0] == 0
    assert later.velocity["counts"]["ip"][0] == 1  # one earlier signup from this address, not two


def test_a_stalled_redis_times_out_instead_of_holding_the_worker_for_ever() -> None:
    # redis-py waits for ever by default; the store sets a socket timeout a URL may override.
    from signupguard.velocity.redis import CONNECT_TIMEOUT, SOCKET_TIMEOUT, RedisVelocityStore

    options = RedisVelocityStore(url="redis://127.0.0.1:9/0").client.connection_pool.connection_kwargs
    assert (options["socket_timeout"], options["socket_connect_timeout"]) == (SOCKET_TIMEOUT, CONNECT_TIMEOUT)
    mine = RedisVelocityStore(url="redis://127.0.0.1:9/0?socket_timeout=0.25").client.connection_pool.connection_kwargs
    assert mine["socket_timeout"] == 0.25
