"""The 16-day window, local-time rhythms, weekends, holidays, the keynote."""
import bisect
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from util import clamp

START = datetime(2026, 11, 2, tzinfo=timezone.utc)          # Monday
DAYS = 16
END = START + timedelta(days=DAYS)                          # exclusive: 2026-11-18 00:00Z
START_MS = int(START.timestamp() * 1000)
END_MS = int(END.timestamp() * 1000)
HOURS = DAYS * 24
KEYNOTE_MS = int(datetime(2026, 11, 11, 16, 0, tzinfo=timezone.utc).timestamp() * 1000)  # day 10, 17:00 CET
HN_MS = int(datetime(2026, 11, 5, 15, 30, tzinfo=timezone.utc).timestamp() * 1000)       # day 4: front page
BUILD_EPOCH = int(datetime(2026, 10, 27, tzinfo=timezone.utc).timestamp())              # a Tuesday GeoLite2 build
H = 3600 * 1000
MIN = 60 * 1000
DAY = 24 * H

# hour-of-day weights in local time
PROFILES = {
    "consumer": [2, 1.2, .7, .5, .4, .5, 1, 2, 3, 3.5, 4, 4.5, 5, 5, 4.8, 4.8, 5, 5.5, 6.5, 7.5, 8.5, 8.5, 7, 4.5],
    "worker":   [.3, .2, .1, .1, .1, .2, .5, 1.5, 5, 8, 9, 9, 7, 8, 9, 9, 8, 6, 3.5, 2, 1.5, 1.2, 1, .6],
    "student":  [4, 2.5, 1.5, .8, .4, .3, .4, 1, 2.5, 4, 5, 5.5, 5, 5.5, 6, 6, 6, 6, 6, 6.5, 7, 7.5, 7, 6],
    "dev":      [3, 2, 1.2, .8, .5, .5, .7, 1.5, 3, 5, 6.5, 7, 6, 6.5, 7, 7, 6.5, 6, 5.5, 5.5, 6, 6, 5.5, 4.5],
    "mobile":   [2, 1, .6, .4, .4, .7, 1.8, 3.5, 5, 4.5, 4.5, 5, 6, 5.5, 5, 5, 5, 5.5, 6.5, 7.5, 8, 8, 6.5, 4],
    "flat":     [1] * 24,
}
WEEKEND_MULT = {"consumer": 1.05, "worker": 0.18, "student": 0.8, "dev": 0.72, "mobile": 1.0, "flat": 1.0}

FRI_SAT = {"SA", "EG", "IL", "BD", "IR", "SY"}           # weekend Friday+Saturday
# (local date) -> {cc: multiplier}
HOLIDAYS = {
    (2026, 11, 8): {"IN": 0.45},                        # Diwali (Lakshmi Puja)
    (2026, 11, 9): {"IN": 0.75, "PK": 0.7},             # day after Diwali; Iqbal Day
    (2026, 11, 11): {"PL": 0.6, "FR": 0.7, "US": 0.9, "CA": 0.9},   # Independence/Armistice/Veterans/Remembrance
    (2026, 11, 17): {"CZ": 0.6},                        # Struggle for Freedom and Democracy Day
}


def weekend(cc, local_dt):
    wd = local_dt.weekday()     # Mon=0
    if cc in FRI_SAT:
        return wd in (4, 5)
    return wd in (5, 6)


_cache = {}


def hourly_weights(tz, cc, profile, growth=0.012):
    key = (tz, cc, profile, growth)
    if key in _cache:
        return _cache[key]
    z = ZoneInfo(tz)
    prof = PROFILES[profile]
    w = []
    for h in range(HOURS):
        t = START + timedelta(hours=h, minutes=30)
        loc = t.astimezone(z)
        x = prof[loc.hour]
        if weekend(cc, loc):
            x *= WEEKEND_MULT[profile]
        hol = HOLIDAYS.get((loc.year, loc.month, loc.day))
        if hol and cc in hol:
            m = hol[cc]
            x *= m if profile != "worker" else m * m
        x *= 1.0 + growth * (h / 24.0)
        w.append(x)
    cum = []
    acc = 0.0
    for x in w:
        acc += x
        cum.append(acc)
    _cache[key] = cum
    return cum


def sample_ms(rng, tz, cc, profile, lo_ms=START_MS, hi_ms=END_MS, growth=0.012):
    """a timestamp (ms) drawn from the local rhythm, restricted to [lo, hi)"""
    cum = hourly_weights(tz, cc, profile, growth)
    h_lo = max(0, (lo_ms - START_MS) // H)
    h_hi = min(HOURS, (hi_ms - START_MS + H - 1) // H)
    a = cum[h_lo - 1] if h_lo > 0 else 0.0
    b = cum[h_hi - 1]
    for _ in range(20):
        x = a + rng.random() * (b - a)
        h = bisect.bisect_right(cum, x)
        t = START_MS + h * H + rng.randrange(H)
        if lo_ms <= t < hi_ms:
            return t
    return clamp(t, lo_ms, hi_ms - 1)


def local_hour(ms, tz):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).astimezone(ZoneInfo(tz)).hour


def local_dt(ms, tz):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).astimezone(ZoneInfo(tz))


def at_local(day_index, hour, minute, tz):
    """ms of local wall-clock time on window day day_index (0 = Nov 2)"""
    d = (START + timedelta(days=day_index)).date()
    loc = datetime(d.year, d.month, d.day, hour, minute, tzinfo=ZoneInfo(tz))
    return int(loc.timestamp() * 1000)


def keynote_delay_ms(rng):
    """delay after the keynote start: most within hours, long tail into the next days"""
    u = rng.random()
    if u < 0.12:
        return int(rng.uniform(0, 75) * MIN)                  # during the talk
    if u < 0.80:
        return int(rng.lognormvariate(4.6, 0.75) * MIN)       # median ~100 min
    return int(rng.uniform(10, 44) * H)                       # next day echo


def in_window(ms):
    return START_MS <= ms < END_MS


def day_of(ms):
    return (ms - START_MS) // DAY


def date_of(ms):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).date()
