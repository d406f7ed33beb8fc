"""Shared machinery: the time window, local-time sampling, network access objects and event records."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np

from clients import device_json, headers

UTC = timezone.utc
T0 = datetime(2026, 5, 4, tzinfo=UTC)  # Monday
DAYS = 14
T1 = T0 + timedelta(days=DAYS)
LAUNCH = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)  # "Quillmate 2.0" launch, Tuesday of week 2

# relative signup intensity by local hour (people at home / on phones)
HOURS_HOME = np.array([2, 1.2, .7, .5, .4, .5, 1, 2, 3.5, 4.5, 5, 5.2, 5.2, 5.2, 5, 5, 5.2, 5.5, 6, 6.5, 6.8, 6.2, 5, 3.5])
HOURS_WORK = np.array([.2, .1, .1, .1, .1, .2, .5, 2, 6, 9, 9.5, 8.5, 6, 8, 9, 8.5, 7.5, 5, 2.5, 1.2, .8, .6, .4, .3])
HOURS_DEV = np.array([2.5, 1.8, 1, .6, .5, .5, .8, 1.5, 3, 4.5, 5.5, 6, 5.5, 6, 6.5, 6.5, 6, 5.5, 5, 5, 5.5, 5.5, 4.5, 3.5])
HOURS_FLAT = np.ones(24)
WEEKDAY_HOME = np.array([1, 1, 1, 1, .95, 1.1, 1.15])
WEEKDAY_WORK = np.array([1, 1.05, 1.05, 1, .85, .12, .08])
WEEKDAY_DEV = np.array([1, 1, 1, 1, .9, .75, .8])

_zones = {}


def zone(tz):
    z = _zones.get(tz)
    if z is None:
        z = _zones[tz] = ZoneInfo(tz)
    return z


def local_time(rng, tz, hours=HOURS_HOME, weekdays=WEEKDAY_HOME, day=None, days=None):
    """A UTC datetime inside the window whose local time follows the given hour/weekday profile."""
    z = zone(tz)
    for _ in range(20):
        if day is None:
            cand = np.arange(-1, DAYS + 1) if days is None else np.asarray(days)
            dw = np.array([weekdays[(int(d)) % 7] for d in cand], dtype=float)
            d = int(cand[int(rng.choice(len(cand), p=dw / dw.sum()))])
        else:
            d = day
        h = int(rng.choice(24, p=hours / hours.sum()))
        sec = float(rng.random()) * 3600
        local = datetime(2026, 5, 4) + timedelta(days=d, hours=h, seconds=sec)
        t = local.replace(tzinfo=z).astimezone(UTC)
        if T0 <= t < T1:
            return t
    return T0 + timedelta(seconds=float(rng.random()) * DAYS * 86400)


def uniform_time(rng, start=T0, end=T1):
    return start + timedelta(seconds=float(rng.random()) * (end - start).total_seconds())


def clip(t):
    if t < T0:
        return T0 + timedelta(seconds=1)
    if t >= T1:
        return T1 - timedelta(seconds=1)
    return t


def lognorm_ms(rng, median_s, sigma, lo=250, hi=3_600_000):
    v = float(np.exp(np.log(median_s * 1000) + sigma * rng.standard_normal()))
    return int(min(hi, max(lo, v)))


class Access:
    """How one subscriber reaches the internet."""
    __slots__ = ("kind", "block", "v4", "p64", "v6", "world")

    def __init__(self, world, rng, kind, block, v6_share=0.0, fixed_ip=None):
        self.world, self.kind, self.block = world, kind, block
        self.v6 = bool(rng.random() < v6_share)
        self.v4 = fixed_ip
        self.p64 = None
        if kind == "home":
            self.v4 = fixed_ip or world.v4_in(rng, block)
            self.p64 = world.v6_prefix64(rng, block)
        elif kind in ("fixed", "hosting"):
            self.v4 = fixed_ip or world.v4_in(rng, block)
            self.p64 = world.v6_prefix64(rng, block)

    def ip(self, rng):
        w = self.world
        if self.kind == "home":
            if self.v6 and rng.random() < 0.9:
                return w.v6_in(rng, self.p64)  # privacy-extension address, new one every day
            if rng.random() < 0.03:
                self.v4 = w.v4_in(rng, self.block)  # DHCP lease changed
            return self.v4
        if self.kind == "mobile":
            if self.v6 and rng.random() < 0.92:
                return w.v6_in(rng, w.v6_prefix64(rng, self.block))  # new /64 each data session
            return w.nat_ip(rng, self.block)
        if self.kind == "hosting":
            if self.v6 and rng.random() < 0.7:
                return w.v6_in(rng, self.p64, iid=int(rng.integers(2, 4096)))
            return self.v4
        return self.v4

    @property
    def city(self):
        return self.block.city


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


class Recorder:
    def __init__(self):
        self.events = []
        self.n_accounts = 0
        self.ips = set()

    def new_account(self):
        self.n_accounts += 1
        return self.n_accounts

    def add(self, kind, t, ip, label, campaign, akey=None, email=None, username=None, dev=None, rng=None,
            hdrs=None, fill_ms=None, honeypot=None, success=None, device_obj=None, form_extra=None):
        e = {"kind": kind, "occurred_at": t, "ip": ip, "label": label, "campaign": campaign}
        if akey is not None:
            e["_akey"] = akey
        if email is not None:
            e["email"] = email
        if username is not None:
            e["username"] = username
        if success is not None:
            e["success"] = success
        if hdrs is None and dev is not None:
            hdrs = headers(dev)
        if hdrs is not None:
            e["headers"] = hdrs
        if device_obj is not None:
            e["device"] = device_obj
        elif dev is not None:
            e["device"] = device_json(dev, rng)
        if fill_ms is not None or honeypot is not None or form_extra:
            f = {}
            if fill_ms is not None:
                f["fill_ms"] = int(fill_ms)
            if honeypot is not None:
                f["honeypot"] = honeypot
            if form_extra:
                f.update(form_extra)
            e["form"] = f
        self.ips.add(ip)
        self.events.append(e)
        return e
