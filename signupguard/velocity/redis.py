"""Redis velocity store: shared by every web and worker process in production.

One observe is one round trip: a Lua script (EVALSHA, reloaded by redis-py on
NOSCRIPT) reads then records every key of the event atomically. A script
rather than a blind pipeline because the protocol counts an out-of-order event
in its key's newest bucket, which needs that bucket before choosing where to
increment; atomicity also means concurrent processes never both read the same
figure.

Layout, under ``prefix``, where ``<key>`` and ``<member>`` are pseudonyms
(``pseudonyms.py``: keyed hashes, so a dump of the server names nobody) unless
the store is built with ``pseudonymise=False``:

* ``<prefix>c:<key>``: a hash per counter key; per window ``i`` the fields
  ``n<i>`` (newest bucket), ``t<i>`` (total of the live buckets) and
  ``<i>:<bucket>`` (count per live bucket, removed when it leaves the window),
  so the cost is O(1) amortised per window instead of summing every bucket;
* ``<prefix>d:<key>``: a sorted set per distinct key, ``<member>`` → last seen;
* ``<prefix>e:<event id>``: the reading of a live event (see below), for
  ``event_ttl`` seconds.

TTLs (largest window + one bucket, refreshed on write) are wall-clock and only
bound memory: readings use bucket arithmetic on the event's own timestamp, so
replaying old events gives the same figures as the other backends.

A live event is counted once. When the server stalls past the client's
socket timeout, the client gives up (``TimeoutError``) but the server still
runs the script once it resumes, so the scoring task's retry would count the
event again (the database store commits the count with the attempt's saved
reading instead). ``for_event``, which ``Engine.prepare`` observes through,
names the event: the script saves the event's reading under its id in the same
atomic step as the counts, and observing that id again returns that reading
and records nothing. The cost is one string of about 250 bytes per live event
(``MEMORY USAGE``, 32-character ids), kept ``event_ttl`` seconds: a day by
default, to outlast the retries and the sweep (keep it above
``FAIL_AFTER_SECONDS``); some 250 MB at a million signups and logins a day.
A retry that plans other keys than the first try (the GeoIP databases were
swapped, another worker judged Client Hints differently) records nothing and
reads its keys as they are. Offline runs observe without an id, as before.

Errors (``redis.exceptions.ConnectionError``, ``TimeoutError`` ...) propagate:
whether a signup is scored fail-open or fail-closed is the caller's decision
(``SIGNUPGUARD['FAIL_MODE']``). A server that refuses the script for a while
(``_REFUSED_FOR_NOW``: "BUSY" while another script outlasts its
``busy-reply-threshold``, "READONLY" from a replica a failover has not yet
promoted, "OOM" ...) is a stall, raised as a ``TimeoutError`` (the script did
not run), so the attempt is retried and swept rather than failed. The script touches several keys, so
Redis Cluster needs all keys in one slot: use a hash-tagged prefix such as
``"{sg}:v:"``.
"""

from __future__ import annotations

import os
from typing import Any, Sequence

from . import BUCKETS_PER_WINDOW, DISTINCT_WINDOWS, WINDOWS, VelocityReading
from .buckets import bucket_of, check_windows, widths
from .pseudonyms import for_store

DEFAULT_URL = "redis://127.0.0.1:6379/0"

# KEYS: counter hashes, distinct sets, peeked hashes[, the event's reading].
# ARGV: nc, nd, np, B, nw, ndw, counter TTL, distinct TTL, now,
#       cur bucket per counter window (nw), width per distinct window (ndw),
#       member per distinct key (nd)[, TTL of the event's reading].
_SCRIPT = r"""
local nc, nd, np = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local B, nw, ndw = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local cttl, dttl, now = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local curs, dwidths = {}, {}
for i = 1, nw do curs[i] = tonumber(ARGV[9 + i]) end
for i = 1, ndw do dwidths[i] = tonumber(ARGV[9 + nw + i]) end
local mbase = 9 + nw + ndw
local out = {}

-- An event observed before (a retry after a timeout the script outlived): give
-- back its reading. If it planned other keys then, record nothing: read only.
local ekey, sig, ro = KEYS[nc + nd + np + 1], nil, false
if ekey then
  sig = string.sub(redis.sha1hex(table.concat(ARGV, ' ', 1, 3) .. '\n' .. table.concat(KEYS, '\n', 1, nc + nd + np)
                                 .. '\n' .. table.concat(ARGV, '\n', mbase + 1, mbase + nd)), 1, 16)
  local stored = redis.call('GET', ekey)
  if stored then
    if string.sub(stored, 1, 16) == sig then return cmsgpack.unpack(string.sub(stored, 17)) end
    ro = true
  end
end

-- Total of a counter's live buckets in window i at bucket cur, without writing.
local function read(k, i, cur)
  local nb = tonumber(redis.call('HGET', k, 'n' .. i))
  if nb == nil or nb <= cur - B then return 0, nb end
  local tot = tonumber(redis.call('HGET', k, 't' .. i)) or 0
  if nb >= cur then return tot, nb end
  for b = nb - B + 1, cur - B do
    local v = redis.call('HGET', k, i .. ':' .. b)
    if v then tot = tot - tonumber(v) end
  end
  return tot, nb
end

local rec = nc
if ro then  -- the counters are read as peeks are
  rec = 0
  for c = 1, nc do
    for i = 1, nw do out[#out + 1] = (read(KEYS[c], i, curs[i])) end
  end
end

for c = 1, rec do
  local k = KEYS[c]
  for i = 1, nw do
    local cur = curs[i]
    local nb = tonumber(redis.call('HGET', k, 'n' .. i))
    local tot = 0
    if nb ~= nil and nb >= cur then
      cur = nb  -- same bucket, or out of order: counted in the newest bucket
      tot = tonumber(redis.call('HGET', k, 't' .. i)) or 0
    elseif nb ~= nil then
      tot = tonumber(redis.call('HGET', k, 't' .. i)) or 0
      local first = nb - B + 1
      local last = math.min(nb, cur - B)  -- buckets that just left the window
      for b = first, last do
        local f = i .. ':' .. b
        local v = redis.call('HGET', k, f)
        if v then
          tot = tot - tonumber(v)
          redis.call('HDEL', k, f)
        end
      end
      if nb <= cur - B then tot = 0 end
    end
    out[#out + 1] = tot
    redis.call('HINCRBY', k, i .. ':' .. cur, 1)
    redis.call('HSET', k, 'n' .. i, cur, 't' .. i, tot + 1)
  end
  redis.call('EXPIRE', k, cttl)
end

for j = 1, nd do
  local k, m = KEYS[nc + j], ARGV[mbase + j]
  local te = now
  local top = redis.call('ZRANGE', k, -1, -1, 'WITHSCORES')
  if top[2] and tonumber(top[2]) > te then te = tonumber(top[2]) end
  local seen = redis.call('ZSCORE', k, m)
  if seen then seen = tonumber(seen) end
  local oldest = nil
  for i = 1, ndw do
    local w = dwidths[i]
    local since = (math.floor(te / w) - B + 1) * w
    if oldest == nil or since < oldest then oldest = since end
    local n = redis.call('ZCOUNT', k, since, '+inf')
    if not (seen and seen >= since) then n = n + 1 end
    out[#out + 1] = n
  end
  if not ro then
    redis.call('ZADD', k, te, m)
    redis.call('ZREMRANGEBYSCORE', k, '-inf', '(' .. string.format('%.17g', oldest))
    redis.call('EXPIRE', k, dttl)
  end
end

for p = 1, np do
  local k = KEYS[nc + nd + p]
  for i = 1, nw do
    out[#out + 1] = (read(k, i, curs[i]))
  end
end
if ekey and not ro then
  redis.call('SET', ekey, sig .. cmsgpack.pack(out), 'EX', tonumber(ARGV[mbase + nd + 1]))
end
return out
"""


def _default_url() -> str:
    try:
        from django.conf import settings

        url = getattr(settings, "REDIS_URL", None) if settings.configured else None
    except ImportError:  # pragma: no cover - Django is a dependency
        url = None
    return url or os.environ.get("REDIS_URL") or DEFAULT_URL


SOCKET_TIMEOUT = 5.0  # seconds: one script call; a retry follows (tasks.score_attempt)
CONNECT_TIMEOUT = 2.0


class RedisVelocityStore:
    """Sliding-window counters and distinct sets in Redis, one round trip per event."""

    def __init__(
        self,
        *,
        url: str | None = None,
        client: Any = None,
        prefix: str = "sg:v:",
        windows: Sequence[int] = WINDOWS,
        distinct_windows: Sequence[int] = DISTINCT_WINDOWS,
        buckets: int = BUCKETS_PER_WINDOW,
        event_ttl: int = 86400,
        pseudonymise: bool = True,
    ) -> None:
        """``event_ttl``: seconds a live event's reading is kept for its retries (see the module).

        ``pseudonymise``: write keys and members as keyed hashes (``pseudonyms.py``); False writes
        them as they are, for debugging. Switching restarts the counters: neither reads the other's names.
        """
        import redis

        self.windows = check_windows(windows, buckets)
        self.distinct_windows = check_windows(distinct_windows, buckets, name="distinct_windows")
        self.buckets = buckets
        self.prefix = prefix
        # redis-py waits for ever by default: a stalled server would hold a worker (or, with eager
        # tasks, a signup) for good. A URL's own socket_timeout / socket_connect_timeout win.
        self.client = client if client is not None else redis.Redis.from_url(
            url or _default_url(), socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=CONNECT_TIMEOUT)
        self._widths = widths(self.windows, buckets)
        self._dwidths = widths(self.distinct_windows, buckets)
        self._cttl = int(max(self.windows) + max(self._widths)) + 1
        self._dttl = int(max(self.distinct_windows) + max(self._dwidths)) + 1
        if isinstance(event_ttl, bool) or not isinstance(event_ttl, int) or event_ttl < 1:
            raise ValueError(f"event_ttl must be a positive number of seconds, not {event_ttl!r}")
        self.event_ttl = event_ttl
        self._stored = for_store(pseudonymise)
        self._script = self.client.register_script(_SCRIPT)

    def stored_key(self, key: str) -> str:
        """What follows ``<prefix>c:`` or ``<prefix>d:`` in ``key``'s Redis key (inspection, tests)."""
        return self._stored.key(key)

    def stored_member(self, key: str, member: str) -> str:
        """``member`` as stored in the sorted set of ``key`` (inspection, tests)."""
        return self._stored.pair(key, member)[1]

    def observe(
        self,
        *,
        now: float,
        counters: Sequence[str],
        distinct: Sequence[tuple[str, str]],
        peek: Sequence[str] = (),
        event_id: str | None = None,
    ) -> VelocityReading:
        """Read then record one event (see the protocol in ``velocity/__init__``).

        With ``event_id``, at most once: observing the id again returns the
        first reading and records nothing (see the module).
        """
        p = self.prefix
        ckeys, pkeys, pairs = self._stored.observed(counters, peek, distinct)
        keys = [f"{p}c:{k}" for k in ckeys]
        keys += [f"{p}d:{k}" for k, _ in pairs]
        keys += [f"{p}c:{k}" for k in pkeys]
        args: list[Any] = [
            len(counters), len(distinct), len(peek), self.buckets,
            len(self.windows), len(self.distinct_windows), self._cttl, self._dttl, float(now),
        ]
        args += [bucket_of(now, w) for w in self._widths]
        args += list(self._dwidths)
        args += [m for _, m in pairs]
        if keys and event_id is not None:
            keys.append(f"{p}e:{event_id}")
            args.append(self.event_ttl)
        try:
            flat = self._script(keys=keys, args=args) if keys else []
        except Exception as exc:
            if _refused_for_now(exc):
                # Found in an audit: taken for a bad command, "BUSY" failed the attempt at once and
                # FAIL_MODE decided it. It is a stall (see the module): retried, then swept, as a timeout.
                from redis.exceptions import TimeoutError as RedisTimeoutError

                raise RedisTimeoutError(f"Redis refused the script for now: {exc}") from exc
            raise
        nw, ndw = len(self.windows), len(self.distinct_windows)
        pos = 0
        counts = []
        for _ in counters:
            counts.append(tuple(int(x) for x in flat[pos : pos + nw]))
            pos += nw
        dists = []
        for _ in distinct:
            dists.append(tuple(int(x) for x in flat[pos : pos + ndw]))
            pos += ndw
        peeked = []
        for _ in peek:
            peeked.append(tuple(int(x) for x in flat[pos : pos + nw]))
            pos += nw
        return VelocityReading(counts=counts, distinct=dists, peeked=peeked)

    def for_event(self, event_id: str) -> "EventObserver":
        """This store, observing the live event ``event_id`` at most once (see the module)."""
        return EventObserver(self, event_id)

    def clear(self) -> None:
        """Delete every key under this store's prefix (and nothing else)."""
        pattern = "".join("\\" + ch if ch in "*?[]\\" else ch for ch in self.prefix) + "*"
        batch: list[bytes] = []
        for key in self.client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                self.client.delete(*batch)
                batch.clear()
        if batch:
            self.client.delete(*batch)


def _refused_for_now(exc: BaseException) -> bool:
    """Whether Redis refused the script, before running it, in a state that passes; not because it is wrong.

    A script past busy-reply-threshold (BUSY), a replica a failover has not promoted yet (READONLY,
    MASTERDOWN), a cluster resharding (TRYAGAIN, CLUSTERDOWN), memory full under noeviction (OOM) or a
    failed snapshot (MISCONF), until an operator frees it: the attempt waits, up to FAIL_AFTER_SECONDS.
    redis-py names some of these replies with classes of their own; the others keep their code.
    """
    from redis import exceptions as errors

    waits = (errors.ReadOnlyError, errors.OutOfMemoryError, errors.TryAgainError, errors.ClusterDownError)
    return isinstance(exc, waits) or (isinstance(exc, errors.ResponseError) and str(exc).startswith(("BUSY", "MISCONF")))


class EventObserver:
    """A ``RedisVelocityStore`` whose ``observe`` names one event (``RedisVelocityStore.for_event``)."""

    __slots__ = ("store", "event_id")

    def __init__(self, store: RedisVelocityStore, event_id: str) -> None:
        self.store, self.event_id = store, event_id

    def observe(
        self,
        *,
        now: float,
        counters: Sequence[str],
        distinct: Sequence[tuple[str, str]],
        peek: Sequence[str] = (),
    ) -> VelocityReading:
        return self.store.observe(now=now, counters=counters, distinct=distinct, peek=peek, event_id=self.event_id)

    def clear(self) -> None:
        self.store.clear()
