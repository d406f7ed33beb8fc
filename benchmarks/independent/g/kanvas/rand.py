"""Deterministic randomness helpers.

Every stream is a numpy PCG64 generator keyed by (seed, stable hash of a name),
so adding or removing one campaign never perturbs another.  Scalar draws come
from pre-generated buffers (numpy scalar calls are slow).
"""
import bisect
import hashlib
import math

import numpy as np


def stable_int(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def stable_hex(text: str, n: int = 32) -> str:
    return hashlib.blake2b(text.encode(), digest_size=max(8, n // 2 + 1)).hexdigest()[:n]


B32 = "abcdefghijklmnopqrstuvwxyz234567"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


class R:
    """A named random stream."""

    def __init__(self, seed: int, name: str):
        self.g = np.random.default_rng([seed & 0xFFFFFFFF, stable_int(name) & 0xFFFFFFFFFFFF])
        self._u, self._ui = [], 0
        self._n, self._ni = [], 0

    # --- primitives -------------------------------------------------
    def u(self) -> float:
        if self._ui >= len(self._u):
            self._u, self._ui = self.g.random(32768).tolist(), 0
        v = self._u[self._ui]
        self._ui += 1
        return v

    def n(self) -> float:
        if self._ni >= len(self._n):
            self._n, self._ni = self.g.standard_normal(16384).tolist(), 0
        v = self._n[self._ni]
        self._ni += 1
        return v

    def chance(self, p: float) -> bool:
        return self.u() < p

    def int(self, a: int, b: int) -> int:
        """Uniform integer in [a, b]."""
        return a + int(self.u() * (b - a + 1))

    def pick(self, seq):
        return seq[int(self.u() * len(seq))]

    def uniform(self, a: float, b: float) -> float:
        return a + (b - a) * self.u()

    def lognorm(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.n())

    def expo(self, mean: float) -> float:
        return -mean * math.log(1.0 - self.u())

    def poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(lam + math.sqrt(lam) * self.n())))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.u()
            if p <= L:
                return k
            k += 1

    def geometric(self, p: float) -> int:
        """Number of trials until first success (>= 1)."""
        return 1 + int(math.log(1.0 - self.u()) / math.log(1.0 - p)) if p < 1 else 1

    def bits(self, n: int) -> int:
        v, got = 0, 0
        while got < n:
            v = (v << 30) | int(self.u() * (1 << 30))
            got += 30
        return v >> (got - n)

    def iid(self) -> int:
        """A random (privacy-extension style) IPv6 interface identifier."""
        return self.bits(64) | 1

    def token(self, n: int, alphabet: str = B32) -> str:
        L = len(alphabet)
        return "".join(alphabet[int(self.u() * L)] for _ in range(n))

    def hexs(self, n: int) -> str:
        return self.token(n, "0123456789abcdef")

    def shuffle(self, seq):
        seq = list(seq)
        for i in range(len(seq) - 1, 0, -1):
            j = int(self.u() * (i + 1))
            seq[i], seq[j] = seq[j], seq[i]
        return seq

    def sample(self, seq, k):
        return self.shuffle(seq)[:k]


class W:
    """Weighted choice over (item, weight) pairs, O(log n) per draw."""

    def __init__(self, pairs):
        pairs = [(i, float(w)) for i, w in pairs if w > 0]
        self.items = [i for i, _ in pairs]
        self.cum, acc = [], 0.0
        for _, w in pairs:
            acc += w
            self.cum.append(acc)
        self.total = acc

    def __call__(self, r: R):
        return self.items[min(bisect.bisect_right(self.cum, r.u() * self.total), len(self.items) - 1)]

    def __len__(self):
        return len(self.items)


def wpick(r: R, pairs):
    """One-off weighted pick from a short list of (item, weight)."""
    tot = sum(w for _, w in pairs)
    x, acc = r.u() * tot, 0.0
    for item, w in pairs:
        acc += w
        if x < acc:
            return item
    return pairs[-1][0]
