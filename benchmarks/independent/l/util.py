"""Small deterministic helpers shared by every module."""
import hashlib
import random
from datetime import datetime, timezone


def stable_int(*parts) -> int:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(h[:8], "big")


def rng_for(*parts) -> random.Random:
    """A random.Random seeded from a name; never depends on PYTHONHASHSEED."""
    return random.Random(stable_int("forge-gen-v1", *parts))


def wchoice(rng, items):
    """items: list of (value, weight) -> value."""
    total = 0.0
    for _, w in items:
        total += w
    x = rng.random() * total
    acc = 0.0
    for v, w in items:
        acc += w
        if x < acc:
            return v
    return items[-1][0]


def hexid(rng, n=16):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def short_hash(*parts, n=32):
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def iso(ts_ms: int) -> str:
    dt = datetime.fromtimestamp(ts_ms / 1000.0, tz=timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ts_ms % 1000)
