"""Redis velocity store: shared by every web and worker process in production.

One observe is one round trip: a Lua script (EVALSHA, reloaded by redis-py on
NOSCRIPT) reads then records every key of the event atomically. A script
rather than a blind pipeline because the protocol counts an out-of-order event
in its key's newest bucket, which needs that bucket before choosing where to
increment; atomicity also means concurrent processes never both read the same
figure.

Layout, under ``prefix``:

* ``<prefix>c:<key>``: a hash per counter key; per window ``i`` the fields
  ``n<i>`` (newest bucket), ``t<i>`` (total of the live buckets) and
  ``<i>:<bucket>`` (count per live bucket, removed when it leaves the window),
  so the cost is O(1) amortised per window instead of summing every bucket;
* ``<prefix>d:<key>``: a sorted set per distinct key, member → last seen.

TTLs (largest window + one bucket, refreshed on write) are wall-clock and only
bound memory: readings use bucket arithmetic on the event's own timestamp, so
replaying old events gives the same figures as the other backends.

Errors (``redis.exceptions.ConnectionError``, ``TimeoutError`` ...) propagate:
whether a signup is scored fail-open or fail-closed is the caller's decision
(``SIGNUPGUARD['FAIL_MODE']``). The script touches several keys, so Redis
Cluster needs all keys in one slot: use a hash-tagged prefix such as
``"{sg}:v:"``.
"""

from __future__ import annotations

import os
from typing import Any, Sequence

from . import BUCKETS_PER_WINDOW, DISTINCT_WINDOWS, WINDOWS, VelocityReading
from .buckets import bucket_of, check_windows, widths

DEFAULT_URL = "redis://127.0.0.1:6379/0"

# KEYS: counter hashes, distinct sets, peeked hashes.
# ARGV: nc, nd, np, B, nw, ndw, counter TTL, distinct TTL, now,
#       cur bucket per counter window (nw), width per distinct window (ndw),
#       member per distinct key (nd).
_SCRIPT = r"""
local nc, nd, np = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local B, nw, ndw = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local cttl, dttl, now = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local curs, dwidths = {}, {}
for i = 1, nw do curs[i] = tonumber(ARGV[9 + i]) end
for i = 1, ndw do dwidths[i] = tonumber(ARGV[9 + nw + i]) end
local mbase = 9 + nw + ndw
local out = {}

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

for c = 1, nc do
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
  redis.call('ZADD', k, te, m)
  redis.call('ZREMRANGEBYSCORE', k, '-inf', '(' .. string.format('%.17g', oldest))
  redis.call('EXPIRE', k, dttl)
end

for p = 1, np do
  local k = KEYS[nc + nd + p]
  for i = 1, nw do
    out[#out + 1] = (read(k, i, curs[i]))
  end
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
    ) -> None:
        import redis

        self.windows = check_windows(windows, buckets)
        self.distinct_windows = check_windows(distinct_windows, buckets, name="distinct_windows")
        self.buckets = buckets
        self.prefix = prefix
        self.client = client if client is not None else redis.Redis.from_url(url or _default_url())
        self._widths = widths(self.windows, buckets)
        self._dwidths = widths(self.distinct_windows, buckets)
        self._cttl = int(max(self.windows) + max(self._widths)) + 1
        self._dttl = int(max(self.distinct_windows) + max(self._dwidths)) + 1
        self._script = self.client.register_script(_SCRIPT)

    def observe(
        self,
        *,
        now: float,
        counters: Sequence[str],
        distinct: Sequence[tuple[str, str]],
        peek: Sequence[str] = (),
    ) -> VelocityReading:
        """Read then record one event (see the protocol in ``velocity/__init__``)."""
        p = self.prefix
        keys = [f"{p}c:{k}" for k in counters]
        keys += [f"{p}d:{k}" for k, _ in distinct]
        keys += [f"{p}c:{k}" for k in peek]
        args: list[Any] = [
            len(counters), len(distinct), len(peek), self.buckets,
            len(self.windows), len(self.distinct_windows), self._cttl, self._dttl, float(now),
        ]
        args += [bucket_of(now, w) for w in self._widths]
        args += list(self._dwidths)
        args += [m for _, m in distinct]
        flat = self._script(keys=keys, args=args) if keys else []
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
