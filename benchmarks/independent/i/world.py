"""Shared machinery: the clock and diurnal sampling, people, event emission and
login sessions."""
import datetime
import hashlib
import math
import random
from zoneinfo import ZoneInfo

import agents
import identity
from geo_data import CITIES, COUNTRIES

START = datetime.datetime(2025, 5, 5, tzinfo=datetime.timezone.utc)   # a Monday
DAYS = 14
T0 = START.timestamp()
T1 = T0 + DAYS * 86400

# hourly activity in local time (index = hour)
H_CONSUMER = [1.3, 0.8, 0.5, 0.35, 0.3, 0.4, 0.8, 1.4, 2.2, 2.9, 3.3, 3.6, 3.9, 3.9, 3.8, 3.9, 4.2, 4.6, 5.2, 5.8, 6.3, 6.2, 5.0, 2.8]
H_STUDENT = [0.6, 0.3, 0.1, 0.05, 0.05, 0.1, 0.3, 1.0, 3.5, 5.0, 5.5, 5.0, 3.5, 4.5, 5.0, 4.5, 3.0, 2.0, 1.8, 2.0, 2.2, 2.0, 1.5, 1.0]
H_WORK = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 1.2, 3.5, 5.5, 6.0, 5.5, 4.0, 5.0, 5.8, 5.5, 4.5, 3.0, 1.5, 1.0, 0.8, 0.6, 0.4, 0.3]
H_NIGHTOWL = [3.0, 2.8, 2.2, 1.5, 0.8, 0.5, 0.5, 0.8, 1.2, 1.5, 2.0, 2.5, 3.0, 3.2, 3.2, 3.3, 3.5, 3.8, 4.2, 4.5, 4.8, 5.0, 4.5, 3.8]
H_FLAT = [1.0] * 24
H_SHIFT = [0.6, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 2.0, 4.0, 4.5, 4.5, 4.0, 2.5, 4.0, 4.5, 4.5, 4.0, 3.0, 2.5, 2.5, 2.5, 2.2, 1.6, 1.0]

CHROME_TZ_ALIAS = {"Asia/Kolkata": "Asia/Calcutta", "Europe/Kyiv": "Europe/Kiev", "Asia/Ho_Chi_Minh": "Asia/Saigon",
                   "America/Argentina/Buenos_Aires": "America/Buenos_Aires"}
_OFFSETS = {}
# how often a person's obvious address was already taken (digits appended), per market
TAKEN = {"IN": 0.55, "ID": 0.5, "NG": 0.5, "BR": 0.45, "PH": 0.45, "PK": 0.5, "BD": 0.5, "MX": 0.4, "EG": 0.45, "VN": 0.4,
         "US": 0.3, "KE": 0.45, "GH": 0.4, "CO": 0.35, "TR": 0.35, "ET": 0.4}


def tz_offset(tz):
    if tz not in _OFFSETS:
        _OFFSETS[tz] = ZoneInfo(tz).utcoffset(datetime.datetime(2025, 5, 12)).total_seconds()
    return _OFFSETS[tz]


def day_weights(weekend=1.1, growth=0.01, spike=None):
    w = []
    for d in range(DAYS):
        x = (1 + growth * d) * (weekend if d % 7 in (5, 6) else 1.0)
        w.append(x)
    return w


def sample_time(rng, tz, hourly=H_CONSUMER, days=None, lo=T0, hi=T1):
    off = tz_offset(tz)
    days = days or day_weights()
    for _ in range(50):
        d = rng.choices(range(DAYS), days)[0]
        h = rng.choices(range(24), hourly)[0]
        t = T0 + d * 86400 + h * 3600 + rng.random() * 3600 - off
        if lo <= t < hi:
            return t
    return lo + rng.random() * (hi - lo)


def local_hour(t, tz):
    return ((t + tz_offset(tz)) % 86400) / 3600.0


def iso(t):
    dt = datetime.datetime.fromtimestamp(t, tz=datetime.timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def seeded(*parts):
    return random.Random(int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big"))


def lognorm_ms(rng, median_ms, sigma, lo=150, hi=3_600_000):
    return int(min(hi, max(lo, median_ms * math.exp(rng.gauss(0, sigma)))))


class Ctx:
    def __init__(self, seed, net):
        self.seed = seed
        self.net = net
        self.events = []
        self.rng = seeded("ids", seed)
        self.accounts = []           # (account, email, label, campaign) of created accounts
        self.existing = []           # pre-existing accounts (returning users) for stuffing/ATO targets
        self.used_emails = set()
        self.disposable = identity.disposable_domains()
        self.counts = {}

    def new_id(self, prefix):
        return prefix + "".join(self.rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(16))

    def emit(self, kind, t, ip, label, campaign, dev=None, langs=None, tz=None, account=None, email=None,
             username=None, success=None, form=None, fp_salt="", device_override=None, extra=None):
        if not (T0 <= t < T1):
            if kind == "signup":
                raise ValueError(f"signup outside the window: {iso(t)} {campaign}")
            return None      # follow-up logins that would fall outside the 14-day window are not observed
        ev = {"event_id": self.new_id("ev_"), "kind": kind, "occurred_at": iso(t), "ip": ip}
        if account is not None:
            ev["account"] = account
        if email is not None:
            ev["email"] = email
        if username is not None:
            ev["username"] = username
        if kind == "login":
            ev["success"] = bool(success)
        if dev is not None:
            al = agents.accept_language(dev.lang_style, langs) if langs else None
            ev["headers"] = dev.headers(al)
            if device_override is not None:
                ev["device"] = device_override
            else:
                dtz = tz
                if dtz and dev.browser in ("chrome", "samsung", "edge", "opera", "brave", "instagram", "tiktok", "facebook", "crios"):
                    dtz = CHROME_TZ_ALIAS.get(dtz, dtz)
                col = dev.collector(dtz, langs or ["en-US"], fp_salt)
                if col is not None:
                    ev["device"] = col
        if form is not None:
            ev["form"] = form
        if extra:
            ev.update(extra)
        ev["label"] = label
        ev["campaign"] = campaign
        self.events.append((t, ev))
        if kind == "signup":
            self.counts[(label, campaign)] = self.counts.get((label, campaign), 0) + 1
        return ev

    def unique_email(self, rng, local, domain):
        e = f"{local}@{domain}"
        while e in self.used_emails:
            e = f"{local}{rng.randrange(1, 10000)}@{domain}"
        self.used_emails.add(e)
        return e


# ----------------------------------------------------------------------------
def pick_country(rng, weights=None, exclude_zero=True):
    if weights is None:
        items = [(c, v[5]) for c, v in sorted(COUNTRIES.items()) if v[5] > 0]
    else:
        items = sorted(weights.items())
    return rng.choices([c for c, _ in items], [w for _, w in items])[0]


def region_of(cc):
    cont = COUNTRIES[cc][1]
    return {"NA": "NA", "SA": "LA", "EU": "EU", "AF": "AF", "AS": "AS", "OC": "ALL"}[cont] if cc != "MX" else "LA"


def primary_lang(rng, cc):
    tags = COUNTRIES[cc][7]
    return rng.choices([t for t, _ in tags], [w for _, w in tags])[0]


class Person:
    """A human with a home country/city/timezone and an identity."""

    def __init__(self, ctx, rng, cc, city=None, tz=None):
        self.cc = cc
        self.city = city or rng.choices(CITIES[cc], [max(c[6], 0.2) for c in CITIES[cc]])[0]
        self.tz = tz or self.city[5]
        self.lang = primary_lang(rng, cc)
        self.first, self.last, self.fs, self.ls = identity.person(rng, COUNTRIES[cc][6], ctx.seed)
        self.birth = rng.choice(range(1968, 2010)) if rng.random() < 0.3 else rng.choice(range(1995, 2010))
        self.local = identity.legit_local(rng, self.fs, self.ls, self.birth, TAKEN.get(cc, 0.2))
        self.domain = identity.mail_domain(rng, cc)

    def langs(self, dev):
        style = dev.lang_style if dev is not None else "chrome"
        return agents.navigator_languages(self.lang, "safari" if style == "safari" else "chrome")

    def email(self, ctx, rng, plus_p=0.02, disposable_p=0.0, domain=None):
        dom = domain or self.domain
        local = self.local
        if rng.random() < disposable_p:
            dom = rng.choice(ctx.disposable)
        elif rng.random() < plus_p and dom in ("gmail.com", "outlook.com", "proton.me", "icloud.com", "hotmail.com", "fastmail.com"):
            local = f"{local}+{rng.choice(['palette', 'ai', 'art', 'signup', 'pal', 'apps', 'tools'])}"
        return ctx.unique_email(rng, local, dom)

    def username(self, rng):
        return identity.legit_username(rng, self.fs, self.ls, self.local)


def web_form(rng, median_ms, sigma, honeypot_p=0.0, lo=150):
    f = {"fill_ms": lognorm_ms(rng, median_ms, sigma, lo=lo), "honeypot": ""}
    if rng.random() < honeypot_p:
        f["honeypot"] = rng.choice(["on", "1", "https://", "n/a"])
    return f


def login_sessions(ctx, rng, t_signup, account, email, username, label, campaign, dev, ipfn, langs, tz,
                   mean_sessions=1.5, p_none=0.35, fail_p=0.07, hourly=H_CONSUMER, pm_fast=0.2,
                   other_dev=None, max_gap_days=4.0):
    """Logins of one account after its signup: sessions at local diurnal hours."""
    if rng.random() < p_none:
        return
    n = 1 + min(12, int(rng.expovariate(1.0 / max(mean_sessions - 1, 0.1))))
    t = t_signup
    for _ in range(n):
        gap = rng.expovariate(1.0 / (max_gap_days * 86400 / 2))
        t = t + 600 + gap
        # snap into an active local hour
        for _ in range(6):
            if rng.random() < hourly[int(local_hour(t, tz))] / max(hourly):
                break
            t += 3600 * rng.random() * 3
        if t >= T1:
            break
        d = other_dev if (other_dev is not None and rng.random() < 0.25) else dev
        ip = ipfn(rng)
        form = None
        if d.kind == "web":
            fast = rng.random() < pm_fast
            form = {"fill_ms": lognorm_ms(rng, 1800 if fast else 7000, 0.5), "honeypot": ""}
        use_mail = rng.random() < 0.7 or not username
        em, un = (email, None) if use_mail else (None, username)
        if rng.random() < fail_p:
            ctx.emit("login", t, ip, label, campaign, d, langs, tz, account=account, email=em, username=un, success=False, form=form)
            t += 20 + rng.random() * 90
            if rng.random() < 0.3:
                ctx.emit("login", t, ip, label, campaign, d, langs, tz, account=account, email=em, username=un, success=False,
                         form={"fill_ms": lognorm_ms(rng, 5000, 0.5), "honeypot": ""} if form else None)
                t += 20 + rng.random() * 120
            if rng.random() < 0.15:
                continue   # gave up / password reset
            form = {"fill_ms": lognorm_ms(rng, 6000, 0.5), "honeypot": ""} if form else None
        ctx.emit("login", t, ip, label, campaign, d, langs, tz, account=account, email=em, username=un, success=True, form=form)


class Conn:
    """A subscriber line or egress: gives the address of each request."""

    def __init__(self, net, rng, a, block, v6=None, sticky=0.93):
        self.net, self.a, self.block = net, a, block
        self.use6 = (rng.random() < a.v6) if v6 is None else bool(v6 and block.net6 is not None)
        if block.net6 is None:
            self.use6 = False
        self.sticky = sticky
        self.ip0 = net.addr(rng, a, block, v6=self.use6)

    def ip(self, rng):
        k = self.a.kind
        if k in ("mob", "sat"):
            if self.use6:
                return self.net.addr(rng, self.a, self.block, v6=True)
            return self.net.addr(rng, self.a, self.block, v6=False)
        if k in ("res", "edu", "biz"):
            if rng.random() < self.sticky:
                if self.use6:
                    return self.net.v6_same_prefix(rng, self.ip0)
                return self.ip0
            self.ip0 = self.net.addr(rng, self.a, self.block, v6=self.use6)
            return self.ip0
        # hosting / vpn / relay / swg / tor: egress address varies
        return self.net.addr(rng, self.a, self.block, v6=self.use6)

    @property
    def country(self):
        return self.block.country
