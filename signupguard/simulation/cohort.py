"""The clockwork shared by every simulated group: a small discrete-event loop.

Each cohort (the legitimate population, a trap, a campaign) schedules actions
on its own heap and yields its events in time order; the writer merges the
cohorts with ``heapq.merge``. Work is released one day at a time, so memory is
bounded by what is pending, not by the length of the simulation.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import random
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator
from zoneinfo import ZoneInfo

from .devices import Device
from .world import World

DAY = 86400.0
# Share of a day's activity in each local hour: quiet nights, busy evenings.
DIURNAL = (2.0, 1.2, 0.8, 0.6, 0.5, 0.6, 1.0, 1.8, 2.8, 3.6, 4.2, 4.5, 4.6, 4.6, 4.5, 4.5, 4.6, 4.8, 5.0, 5.3, 5.5, 5.2, 4.2, 3.0)
OFFICE = (0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.5, 4.0, 6.0, 6.0, 5.5, 4.0, 5.5, 6.0, 5.5, 4.5, 3.0, 1.2, 0.6, 0.4, 0.3, 0.2, 0.1)
_LAG = 15 * 3600  # a day's arrivals can start this early (UTC+14 zones), so release with this lag


@dataclass(slots=True)
class Sim:
    """What every cohort may know about the run."""

    world: World
    seed: int
    start: float  # epoch seconds, window start (UTC midnight)
    days: int
    scale: float
    legit: int
    existing_accounts: int = 0
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def end(self) -> float:
        return self.start + self.days * DAY


@lru_cache(maxsize=4096)
def local_midnight(zone: str, day_start: float) -> float:
    """Epoch of local midnight, in ``zone``, of the UTC calendar day starting at ``day_start``."""
    date = dt.datetime.fromtimestamp(day_start, dt.timezone.utc).date()
    return dt.datetime(date.year, date.month, date.day, tzinfo=ZoneInfo(zone)).timestamp()


def local_time(rng: random.Random, zone: str, day_start: float, profile: tuple[float, ...] = DIURNAL) -> float:
    """A moment of that day, drawn from a daily activity profile in local time."""
    hour = rng.choices(range(24), profile)[0]
    return local_midnight(zone, day_start) + (hour + rng.random()) * 3600.0


def local_hour(zone: str, ts: float) -> float:
    base = local_midnight(zone, math.floor(ts / DAY) * DAY)
    return ((ts - base) / 3600.0) % 24


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 50:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def lognormal_ms(rng: random.Random, median_s: float, sigma: float, low_s: float, high_s: float) -> int:
    return int(1000 * min(high_s, max(low_s, median_s * math.exp(rng.gauss(0, sigma)))))


class Cohort:
    """A group whose events share a label and a campaign name."""

    name = "cohort"
    label = "legit"

    def __init__(self, sim: Sim, rng: random.Random) -> None:
        self.sim = sim
        self.rng = rng
        self._heap: list[tuple[float, int, Callable[..., dict | None], tuple]] = []
        self._seq = 0
        self.counts: dict[str, int] = {}

    # -- scheduling -----------------------------------------------------------
    def at(self, ts: float, action: Callable[..., dict | None], *args: Any) -> None:
        """Run ``action(ts, *args)`` at ``ts``; it returns at most one event, at ``ts``."""
        if self.sim.start <= ts < self.sim.end:
            heapq.heappush(self._heap, (ts, self._seq, action, args))
            self._seq += 1

    def setup(self) -> None:
        """Schedule the first actions (small cohorts schedule everything here)."""

    def arrivals(self, day: int, day_start: float) -> None:
        """Schedule the day's new arrivals (large cohorts, to bound memory)."""

    def stream(self, index: int) -> Iterator[tuple[int, int, int, dict]]:
        """Events in time order as (ms, cohort index, sequence, payload)."""
        self.setup()
        heap, sim = self._heap, self.sim
        for day in range(sim.days + 1):
            day_start = sim.start + day * DAY
            if day < sim.days:
                self.arrivals(day, day_start)
            horizon = day_start + DAY - _LAG if day < sim.days else sim.end
            while heap and heap[0][0] < horizon:
                ts, seq, action, args = heapq.heappop(heap)
                event = action(ts, *args)
                if event is not None:
                    yield int(ts * 1000), index, seq, event

    # -- events -----------------------------------------------------------------
    def event(
        self,
        kind: str,
        *,
        ip: str,
        device: Device | None,
        account: str | None,
        email: str | None = None,
        username: str | None = None,
        success: bool | None = None,
        fill_ms: int | None = None,
        honeypot: str | None = None,
        headers: dict[str, str] | None = None,
        campaign: str | None = None,
        cohort: str | None = None,
        label: str | None = None,
    ) -> dict:
        """The raw event (minus id and time, which the writer adds), contract keys only plus tags."""
        out: dict[str, Any] = {"ip": ip}
        if account:
            out["account"] = account
        if email is not None:
            out["email"] = email
        if username:
            out["username"] = username
        if success is not None:
            out["success"] = success
        hdrs = headers if headers is not None else (device.headers if device else {})
        if hdrs:
            out["headers"] = hdrs
        collected = device.collected() if device is not None else None
        if collected is not None:
            out["device"] = collected
        if fill_ms is not None or honeypot is not None:
            form: dict[str, Any] = {}
            if fill_ms is not None:
                form["fill_ms"] = int(fill_ms)
            if honeypot is not None:
                form["honeypot"] = honeypot
            out["form"] = form
        label = label or self.label
        campaign = campaign or self.name
        out["label"] = label
        out["campaign"] = campaign
        out["cohort"] = cohort or campaign
        key = f"{campaign}/{kind}"
        self.counts[key] = self.counts.get(key, 0) + 1
        out["kind"] = kind
        return out

    def account_id(self) -> str:
        return f"u-{self.rng.getrandbits(64):016x}"
