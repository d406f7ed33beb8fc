"""Shared machinery: time, people, networks as seen by a person, event builders."""
import bisect
import datetime
import random
import zoneinfo

import clients as C
import people as P
from world import COUNTRIES, city_of

T0 = C.T0
DAY = C.DAY
HOUR = 3600000
DAYS = 14
T_END = T0 + DAYS * DAY
SITE = C.SITE

# hourly activity (local time) by kind of population
PROFILES = {
    "consumer": [2.0, 1.2, 0.7, 0.4, 0.3, 0.4, 0.9, 1.8, 2.8, 3.6, 4.2, 4.5, 4.6, 4.5, 4.4, 4.4, 4.5, 4.6, 4.8, 5.2, 5.6, 5.6, 4.8, 3.4],
    "dev": [3.0, 2.2, 1.4, 0.8, 0.5, 0.5, 0.8, 1.5, 2.6, 3.8, 4.6, 4.8, 4.5, 4.6, 4.8, 4.8, 4.7, 4.5, 4.4, 4.8, 5.4, 5.8, 5.4, 4.2],
    "office": [0.1, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 1.2, 3.5, 5.5, 6.0, 5.5, 4.0, 5.0, 5.5, 5.2, 4.5, 3.0, 1.5, 0.8, 0.5, 0.4, 0.3, 0.2],
    "student": [2.5, 1.5, 0.8, 0.4, 0.2, 0.2, 0.5, 1.2, 2.5, 3.8, 4.5, 4.6, 4.2, 4.5, 4.8, 4.8, 4.5, 4.2, 4.2, 4.6, 5.2, 5.5, 5.0, 4.0],
    "mobile": [2.6, 1.6, 0.9, 0.5, 0.4, 0.5, 1.0, 2.0, 2.8, 3.2, 3.6, 3.9, 4.2, 4.1, 3.9, 3.9, 4.1, 4.4, 4.9, 5.6, 6.2, 6.4, 5.6, 4.0],
    "cafe": [0.2, 0.1, 0.0, 0.0, 0.0, 0.0, 0.1, 0.6, 2.0, 4.0, 5.0, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.3, 5.0, 4.5, 3.5, 2.2, 1.0, 0.5],
    "flat": [1.0] * 24,
}
WEEKEND = {"consumer": 0.92, "dev": 0.8, "office": 0.12, "student": 0.6, "mobile": 1.05, "cafe": 0.9, "flat": 1.0}
_CUM = {k: [sum(v[:i + 1]) for i in range(24)] for k, v in PROFILES.items()}


def is_weekend(day):
    return day % 7 in (5, 6)


_TZ = {}


def tzi(name):
    z = _TZ.get(name)
    if z is None:
        z = _TZ[name] = zoneinfo.ZoneInfo(name)
    return z


_BASE = {}


def local_ms(tz, day, seconds):
    """UTC epoch ms of local wall time `seconds` after local midnight of window day `day`."""
    key = (tz, day)
    base = _BASE.get(key)
    if base is None:
        d = datetime.date(2026, 4, 6) + datetime.timedelta(days=day)
        dt = datetime.datetime(d.year, d.month, d.day, tzinfo=tzi(tz))
        base = _BASE[key] = int(dt.timestamp() * 1000)
    # offsets do not change within our days except at DST edges, ignored
    return base + int(seconds * 1000)


def local_hour(tz, t):
    dt = datetime.datetime.fromtimestamp(t / 1000, tz=tzi(tz))
    return dt.hour + dt.minute / 60.0, (dt.date() - datetime.date(2026, 4, 6)).days


def pick_hour(rng, profile):
    cum = _CUM[profile]
    x = rng.random() * cum[-1]
    return bisect.bisect_left(cum, x)


def day_weight(profile, day, trend=0.012):
    w = 1.0 + trend * day
    if is_weekend(day):
        w *= WEEKEND[profile]
    return w


def pick_day(rng, profile, days=range(DAYS), extra=None):
    ws = [day_weight(profile, d) * (extra(d) if extra else 1.0) for d in days]
    return rng.choices(list(days), ws)[0]


def sample_time(rng, tz, profile, day=None, days=range(DAYS), extra=None):
    for _ in range(50):
        d = pick_day(rng, profile, days, extra) if day is None else day
        h = pick_hour(rng, profile)
        t = local_ms(tz, d, h * 3600 + rng.random() * 3600)
        if T0 <= t < T_END:
            return t
    return min(max(t, T0), T_END - 1)


def iso(t):
    s, ms = divmod(t, 1000)
    return datetime.datetime.fromtimestamp(s, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % ms


def lognorm(rng, median, sigma):
    return median * rng.lognormvariate(0, sigma)


B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


# ---------------------------------------------------------------------------

class Line:
    """A household's fixed line: stable v4 address (sometimes renumbered) and a delegated v6 prefix."""
    __slots__ = ("net", "b4", "ip4", "b6", "sub64", "v6")

    def __init__(self, rng, net, cc, city):
        self.net = net
        self.b4 = net.block(rng, cc, city)
        self.ip4 = self.b4.addr(rng)
        self.b6 = net.block(rng, cc, city, v6=True) if net.v6blocks else None
        self.sub64 = rng.getrandbits(24)
        self.v6 = self.b6 is not None and rng.random() < net.v6share

    def ip(self, rng, renumber=0.0):
        if self.v6 and rng.random() < 0.93:
            return self.b6.addr(rng, self.sub64)
        if renumber and rng.random() < renumber:
            self.ip4 = self.b4.addr(rng)
        return self.ip4


class Cell:
    """A mobile subscription: every session gets a CGNAT address or a fresh /64."""
    __slots__ = ("net", "cc", "city", "v6")

    def __init__(self, rng, net, cc, city):
        self.net, self.cc, self.city = net, cc, city
        self.v6 = bool(net.v6blocks) and rng.random() < net.v6share

    def ip(self, rng):
        if self.v6:
            return self.net.block(rng, self.cc, self.city, v6=True).addr(rng)
        return self.net.block(rng, self.cc, self.city).addr(rng)


class Person:
    def __init__(self):
        self.devices = []
        self.line = None
        self.cell = None
        self.work = None
        self.logins_mean = 1.0
        self.pwm = False
        self.typo_p = 0.06
        self.via = None   # override of how they reach us (vpn block etc.)


class Ctx:
    def __init__(self, seed, world):
        self.seed = seed
        self.world = world
        self.events = []
        self.ids = set()
        self.emails = set()
        self.usernames = set()
        self.accounts = []        # (acct, person) of legit accounts usable as stuffing targets
        self.ref_codes = []       # legit referral codes, (code, weight)

    def rng(self, name):
        return random.Random("%d/%s" % (self.seed, name))

    # -- ids
    def new_id(self, rng, prefix, n):
        while True:
            s = prefix + "".join(B62[rng.getrandbits(6) % 62] for _ in range(n))
            if s not in self.ids:
                self.ids.add(s)
                return s

    def acct_id(self, rng):
        return self.new_id(rng, "usr_", 14)

    def uniq_email(self, rng, lp, dom):
        e = lp + "@" + dom
        while e in self.emails:
            e = lp + str(rng.randrange(1, 999)) + "@" + dom
        self.emails.add(e)
        return e

    def uniq_username(self, rng, u):
        base = u or "user"
        while u in self.usernames or not u:
            u = base + str(rng.randrange(1, 9999))
        self.usernames.add(u)
        return u

    # -- events
    def emit(self, rng, kind, t, ip, *, label, campaign, account=None, email=None, username=None, success=None,
             headers=None, device=None, form=None):
        e = {"event_id": self.new_id(rng, "evt_", 20), "kind": kind, "occurred_at": iso(t), "ip": ip}
        if account is not None:
            e["account"] = account
        if email is not None:
            e["email"] = email
        if username is not None:
            e["username"] = username
        if success is not None:
            e["success"] = success
        if headers:
            e["headers"] = headers
        if device:
            e["device"] = device
        if form is not None:
            e["form"] = form
        e["label"] = label
        e["campaign"] = campaign
        self.events.append((t, e["event_id"], e))
        return e


# ---------------------------------------------------------------------------
# people

COUNTRY_CODES = list(COUNTRIES)


def pick_country(rng, weights=None):
    if weights:
        ks = list(weights)
        return rng.choices(ks, [weights[k] for k in ks])[0]
    return rng.choices(COUNTRY_CODES, [COUNTRIES[c]["w"] for c in COUNTRY_CODES])[0]


def pick_city(rng, cc):
    cs = COUNTRIES[cc]["cities"]
    return rng.choices(cs, [c[6] for c in cs])[0]


def pick_langs(rng, cc):
    return list(C.wpick(rng, COUNTRIES[cc]["langs"])[0])


def device_tz(rng, cc, tz, mobile):
    old = COUNTRIES[cc]["tzold"].get(tz)
    if old and rng.random() < (0.25 if mobile else 0.08):
        return old
    return tz


def pick_domain(rng, cc):
    return C.wpick(rng, COUNTRIES[cc]["mail"])[0]


# people abroad who keep the language (and sometimes the mailbox) of home
DIASPORA = {"US": ("CN", 0.03), "CA": ("CN", 0.06), "AU": ("CN", 0.06), "GB": ("CN", 0.03), "SG": ("CN", 0.35), "MY": ("CN", 0.2),
            "DE": ("RU", 0.04), "KZ": ("RU", 0.5), "UA": ("RU", 0.15), "AE": ("RU", 0.08), "NL": ("CN", 0.03), "JP": ("CN", 0.05),
            "KR": ("CN", 0.04), "TW": ("CN", 0.1), "PL": ("RU", 0.04), "TR": ("RU", 0.04)}
DIA_LANGS = {"CN": [(["zh-CN", "zh", "en-US", "en"], 50), (["zh-CN", "zh"], 15), (["en-US", "en", "zh-CN", "zh"], 25), (["zh-CN", "zh", "en"], 10)],
             "RU": [(["ru-RU", "ru", "en-US", "en"], 55), (["ru"], 15), (["en-US", "en", "ru"], 30)]}
DIA_MAIL = {"CN": [("qq.com", 50), ("163.com", 30), ("outlook.com", 10), ("126.com", 10)], "RU": [("yandex.ru", 40), ("mail.ru", 45), ("rambler.ru", 5), ("bk.ru", 10)]}


def make_person(ctx, rng, cc=None, city=None, *, names_cc=None, email_p=None, by_range=(1972, 2008)):
    p = Person()
    p.cc = cc or pick_country(rng)
    p.city = city_of(p.cc, city) if isinstance(city, str) else (city or pick_city(rng, p.cc))
    p.tz = p.city[5]
    dia = None
    if names_cc is None and p.cc in DIASPORA and rng.random() < DIASPORA[p.cc][1]:
        dia = DIASPORA[p.cc][0] if rng.random() < 0.8 else rng.choice(["CN", "RU"])
    fn, ln = P.name_lists("CN" if dia == "CN" else ("RU" if dia == "RU" else COUNTRIES[names_cc or p.cc]["names"]))
    p.first, p.last = rng.choice(fn), rng.choice(ln)
    lo, hi = by_range
    p.by = int(rng.triangular(lo, hi, hi - 6))
    p.langs = pick_langs(rng, p.cc)
    p.email_kind = "plain"
    dom = pick_domain(rng, p.cc)
    if dia:
        p.langs = C.wpick(rng, DIA_LANGS[dia])[0]
        if rng.random() < 0.3:
            dom = C.wpick(rng, DIA_MAIL[dia])[0]
    p.diaspora = dia
    lp = P.localpart(rng, p.first, p.last, p.by, dig=1.0 if p.cc in P.DIGIT_HEAVY else 0.3)
    r = rng.random()
    ep = email_p or {}
    if r < ep.get("disposable", 0.012):
        dom = rng.choice(P.DISPOSABLE)
        lp = lp if rng.random() < 0.5 else P.clean(p.first) + str(rng.randrange(1, 9999))
        p.email_kind = "disposable"
    elif r < ep.get("disposable", 0.012) + ep.get("relay", 0.015):
        dom = C.wpick(rng, P.ALIAS_DOMAINS)[0]
        lp = P.relay_localpart(rng, dom)
        p.email_kind = "relay"
    elif r < ep.get("disposable", 0.012) + ep.get("relay", 0.015) + ep.get("plus", 0.028) and dom in ("gmail.com", "outlook.com", "proton.me", "fastmail.com", "icloud.com", "hotmail.com"):
        lp = lp + "+" + rng.choice(["forgeline", "forge", "ai", "dev", "fl", "agents", "signup", "tools", "code"])
        p.email_kind = "plus"
    elif r < 0.06 + ep.get("personal", 0.01):
        base = P.clean(p.first) + P.clean(p.last)
        dom = base[:16] + rng.choice([".dev", ".io", ".me", ".com", ".net", ".xyz", ".codes", ".tech"])
        lp = rng.choice(["hello", "me", "hi", "contact", P.clean(p.first), "mail", "dev"])
        p.email_kind = "personal"
    if dom == "qq.com" and rng.random() < 0.7:
        lp = str(rng.randrange(10**7, 4 * 10**9))
    p.email = ctx.uniq_email(rng, lp, dom)
    p.username = ctx.uniq_username(rng, P.username_for(rng, p.first, p.last, lp))
    p.campaign = None
    return p


def typed(rng, email, mobile_ios=False):
    """E-mail as typed in the form."""
    if mobile_ios and rng.random() < 0.07:
        return email[0].upper() + email[1:]
    if rng.random() < 0.004:
        return email.replace("@", "@").split("@")[0] + "@" + email.split("@")[1].capitalize()
    return email


def give_devices(rng, p, *, mobile_share=None, desktop_kw=None):
    """Primary device for the web, plus maybe a phone."""
    d = COUNTRIES[p.cc]
    ms = d["mob"] if mobile_share is None else mobile_share
    if rng.random() < ms:
        if rng.random() < d["ios"]:
            dev = C.iphone(rng, p.langs, device_tz(rng, p.cc, p.tz, True))
        else:
            dev = C.android(rng, p.langs, device_tz(rng, p.cc, p.tz, True))
    else:
        dev = C.desktop(rng, p.langs, p.tz, **(desktop_kw or {}))
    # ad/script blockers stop the collector on some browsers
    if dev.family in ("firefox", "brave") and rng.random() < 0.12 or rng.random() < 0.025:
        dev.collector = False
    p.devices.append(dev)
    if not dev.mobile and rng.random() < 0.55:
        ph = C.iphone(rng, p.langs, p.tz) if rng.random() < d["ios"] else C.android(rng, p.langs, device_tz(rng, p.cc, p.tz, True))
        p.devices.append(ph)
    return dev


def give_lines(ctx, rng, p, home_p=0.9):
    w = ctx.world
    if rng.random() < home_p:
        p.line = Line(rng, w.pick_res(rng, p.cc), p.cc, p.city[0])
    p.cell = Cell(rng, w.pick_mob(rng, p.cc), p.cc, p.city[0])


def ip_for(rng, p, dev):
    if dev.mobile:
        if p.line is None or rng.random() < 0.55:
            return p.cell.ip(rng)
        return p.line.ip(rng, 0.05)
    if p.line is None:
        return p.cell.ip(rng)   # tethering
    return p.line.ip(rng, 0.05)


def signup_fill(rng, dev, pwm=False, slow=1.0):
    if pwm:
        ms = lognorm(rng, 6500, 0.4)
    elif dev.mobile:
        ms = lognorm(rng, 31000, 0.55)
    else:
        ms = lognorm(rng, 21000, 0.55)
    return int(max(1400, ms * slow))


def login_fill(rng, dev, pwm=False):
    if pwm:
        return int(max(350, lognorm(rng, 1400, 0.5)))
    if dev.mobile:
        return int(max(1500, lognorm(rng, 9500, 0.5)))
    return int(max(1200, lognorm(rng, 6500, 0.5)))


def referer(rng, kind="organic", ref=None):
    if ref:
        return SITE + "/signup?ref=" + ref
    r = rng.random()
    if kind == "organic":
        opts = [("", 38), ("?utm_source=google&utm_medium=cpc&utm_campaign=agents_free_tier", 12), ("?utm_source=github&utm_medium=readme", 9),
                ("?utm_source=youtube", 8), ("?utm_source=newsletter&utm_campaign=apr26", 4), ("?utm_source=x&utm_medium=social", 5),
                ("?utm_source=reddit", 4), ("?plan=free", 10), ("?next=%2Fagents%2Fnew", 7), ("?utm_source=linkedin", 3)]
    elif kind == "student":
        opts = [("?plan=student", 70), ("?plan=student&utm_source=campus", 20), ("", 10)]
    elif kind == "dev":
        opts = [("?utm_source=github&utm_medium=readme", 30), ("", 30), ("?utm_source=docs", 20), ("?utm_source=hn", 10), ("?next=%2Fsettings%2Fkeys", 10)]
    else:
        opts = [(kind, 1)]
    q = C.wpick(rng, opts)[0]
    if r < 0.03:
        return None
    return SITE + "/signup" + q


def web_signup(ctx, rng, p, dev, t, ip, *, label, campaign, ref_kind="organic", ref=None, fill=None, honeypot="", strip_ch=False,
               referer_url=None, site="same-origin", origin=SITE, form=True, extra_h=None):
    refu = referer_url if referer_url is not None else referer(rng, ref_kind, ref)
    h = dev.headers(t, flow="api", referer=refu, site=site, origin=origin, strip_ch=strip_ch, extra=extra_h)
    fm = None
    if form:
        fm = {"fill_ms": fill if fill is not None else signup_fill(rng, dev, p.pwm), "honeypot": honeypot}
    return ctx.emit(rng, "signup", t, ip, label=label, campaign=campaign, account=p.account,
                    email=typed(rng, p.email, dev.os == "ios"), username=p.username, headers=h,
                    device=dev.device_obj(t, rng), form=fm)


def app_signup(ctx, rng, p, dev, t, ip, *, label, campaign, fill=None):
    fm = None
    if dev.app_ver >= "5.2" or dev.app_ver.startswith("5.3"):
        fm = {"fill_ms": fill if fill is not None else signup_fill(rng, dev, False, 0.8)}
    return ctx.emit(rng, "signup", t, ip, label=label, campaign=campaign, account=p.account,
                    email=typed(rng, p.email, dev.os == "ios"), username=p.username, headers=dev.headers(t, flow="json"), form=fm)
