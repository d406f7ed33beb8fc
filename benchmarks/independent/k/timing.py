"""Local-time diurnal profiles turned into weights over the 336 UTC hours of 2026-10-01..14."""
import datetime as dt
from zoneinfo import ZoneInfo
import numpy as np

T0 = dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc)
T0S = int(T0.timestamp())
DAYS = 14
H = DAYS * 24

PROFILES = {
 # local hour 0..23
 "consumer": [3, 2, 1.2, .7, .5, .5, .9, 1.8, 2.8, 3.2, 3.5, 3.8, 4.3, 4.2, 4.0, 4.1, 4.4, 4.8, 5.4, 6.0, 6.6, 7.0, 6.4, 4.8],
 "work":     [.2, .1, .1, .1, .1, .2, .5, 1.5, 4, 7, 8, 8, 5.5, 7, 8, 8, 7.5, 6, 3.5, 2, 1.3, 1, .7, .4],
 "student":  [4, 2.8, 1.6, .8, .4, .3, .4, 1, 2.2, 4, 5.5, 5.8, 4.5, 6, 6.5, 6, 5, 4.2, 4, 4.5, 5.2, 5.8, 6, 5.2],
 "dev":      [3, 2, 1.2, .6, .4, .4, .6, 1.2, 2.5, 4.5, 5.5, 5.8, 4.8, 5.6, 5.8, 5.6, 5.2, 4.6, 3.8, 3.8, 4.4, 4.8, 4.6, 3.8],
 "flat":     [1] * 24,
 "shift_day": [.05, 0, 0, 0, 0, 0, .05, .3, 1, 3, 4, 4, 3, 4, 4, 4, 4, 3.5, 2.5, 2, 1.5, 1, .5, .2],
 "shift_long": [.5, .2, 0, 0, 0, 0, 0, .3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5, 1.5],
 "night_owl": [6, 6, 5, 3.5, 2, 1, .4, .2, .2, .3, .5, .8, 1, 1.2, 1.2, 1.3, 1.5, 1.8, 2.2, 3, 4, 5, 6, 6.5],
}
WEEKEND = {"consumer": 1.2, "work": .18, "student": .55, "dev": .75, "flat": 1, "shift_day": .5, "shift_long": .9, "night_owl": 1.1}
_cache = {}

def hour_weights(tz, profile):
    key = (tz, profile)
    if key in _cache: return _cache[key]
    z = ZoneInfo(tz); p = PROFILES[profile]; w = np.zeros(H)
    for h in range(H):
        lt = (T0 + dt.timedelta(hours=h, minutes=30)).astimezone(z)
        f = p[lt.hour]
        if lt.weekday() >= 5: f *= WEEKEND[profile]
        w[h] = f
    _cache[key] = w
    return w

def viral_curve():
    h = np.arange(H, dtype=float); v = np.zeros(H)
    h0 = 5 * 24 + 15  # 2026-10-06 15:00Z the demo clip is posted
    m = h >= h0
    v[m] = np.exp(-(h[m] - h0) / 28.0)
    m2 = h >= h0 + 18  # reposted by big JP/BR accounts the next day
    v[m2] += 0.45 * np.exp(-(h[m2] - h0 - 18) / 22.0)
    return v
VIRAL = viral_curve()

def day_mask(days):
    m = np.zeros(H)
    for d in days: m[d * 24:(d + 1) * 24] = 1
    return m

def sample(rng, tz, profile, n, mult=None, after=None):
    """n epoch seconds. rng is numpy Generator."""
    w = hour_weights(tz, profile).copy()
    if mult is not None: w = w * mult
    if after is not None:
        ah = int((after - T0S) // 3600)
        w[:max(0, ah)] = 0
        if ah >= H: return []
    s = w.sum()
    if s <= 0: return []
    hrs = rng.choice(H, size=n, p=w / s)
    ts = T0S + hrs * 3600 + rng.integers(0, 3600, size=n)
    if after is not None: ts = np.maximum(ts, after + 60)
    return [int(x) for x in ts if x < T0S + H * 3600]

def iso(ts, ms=None):
    d = dt.datetime.fromtimestamp(ts, dt.timezone.utc)
    if ms is not None: return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms:03d}Z"
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")

def local_day(ts, tz):
    return dt.datetime.fromtimestamp(ts, ZoneInfo(tz)).date()
