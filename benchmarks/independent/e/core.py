"""Shared machinery: time, event emission, persons, devices, forms."""
import bisect
import datetime as dt
import math
from zoneinfo import ZoneInfo

from data import COUNTRIES, DISPOSABLE, ALIAS_SERVICES, UNSUPPORTED
from dev import new_device, wchoice
from people import local_part, pick_provider, username_for, random_alias, slug

START = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
DAYS = 14
SPAN = DAYS * 86400
HOURS = DAYS * 24

PROFILES = {
    "dev": ([0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.2, 0.45, 0.8, 1.1, 1.3, 1.35, 1.15, 1.2, 1.35, 1.35, 1.25, 1.05,
             0.85, 0.85, 0.95, 0.95, 0.8, 0.55], 0.6),
    "mobile": ([0.4, 0.25, 0.15, 0.1, 0.08, 0.12, 0.3, 0.6, 0.8, 0.85, 0.9, 1.0, 1.1, 1.0, 0.95, 0.95, 1.0, 1.1,
                1.2, 1.35, 1.45, 1.4, 1.15, 0.75], 0.9),
    "work": ([0, 0, 0, 0, 0, 0, 0.05, 0.3, 0.9, 1.3, 1.4, 1.3, 0.9, 1.2, 1.4, 1.3, 1.1, 0.6, 0.2, 0.08, 0.05, 0.03,
              0, 0], 0.06),
    "student": ([0.3, 0.2, 0.1, 0.05, 0.03, 0.03, 0.05, 0.2, 0.6, 1.0, 1.2, 1.2, 1.0, 1.2, 1.3, 1.3, 1.2, 1.0, 0.9,
                 1.0, 1.1, 1.1, 0.9, 0.6], 0.7),
    "login": ([0.25, 0.15, 0.1, 0.07, 0.07, 0.12, 0.3, 0.7, 1.1, 1.3, 1.35, 1.3, 1.15, 1.25, 1.35, 1.3, 1.2, 1.0,
               0.8, 0.75, 0.8, 0.75, 0.6, 0.4], 0.45),
    "shift": ([0, 0, 0, 0, 0, 0, 0, 0, 0.2, 1, 1, 1, 0.6, 1, 1, 1, 1, 1, 0.8, 0.5, 0.2, 0, 0, 0], 0.85),
    "flat": ([1.0] * 24, 1.0),
}


def iso(t):
    return (START + dt.timedelta(seconds=int(t))).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_hour(t, tz):
    return (START + dt.timedelta(seconds=t)).astimezone(ZoneInfo(tz))


class TimeSampler:
    def __init__(self):
        self.cache = {}

    def table(self, tz, profile):
        key = (tz, profile)
        if key not in self.cache:
            prof, weekend = PROFILES[profile]
            z = ZoneInfo(tz)
            cum, s = [], 0.0
            for h in range(HOURS):
                loc = (START + dt.timedelta(hours=h, minutes=30)).astimezone(z)
                w = prof[loc.hour] * (weekend if loc.weekday() >= 5 else 1.0)
                s += w
                cum.append(s)
            self.cache[key] = cum
        return self.cache[key]

    def sample(self, rng, tz, profile="dev", lo=0.0, hi=SPAN):
        cum = self.table(tz, profile)
        a = cum[int(lo // 3600) - 1] if lo >= 3600 else 0.0
        b = cum[min(HOURS, int(math.ceil(hi / 3600))) - 1]
        for _ in range(20):
            x = rng.uniform(a, b)
            h = bisect.bisect_left(cum, x)
            t = h * 3600 + rng.random() * 3600
            if lo <= t < hi:
                return t
        return rng.uniform(lo, hi)

    def weight(self, t, tz, profile):
        prof, weekend = PROFILES[profile]
        loc = local_hour(t, tz)
        return prof[loc.hour] * (weekend if loc.weekday() >= 5 else 1.0)


TS = TimeSampler()


class Emitter:
    def __init__(self, rng):
        self.rng = rng
        self.events = []
        self.seq = 0
        self.ids = set()
        self.stats = {}

    def new_id(self, prefix):
        while True:
            x = f"{prefix}{self.rng.getrandbits(56):014x}"
            if x not in self.ids:
                self.ids.add(x)
                return x

    def account(self):
        return self.new_id("u-")

    def emit(self, kind, t, ip, label, campaign, account=None, email=None, username=None, headers=None,
             device=None, form=None, success=None):
        if not (0 <= t < SPAN):
            return None
        ev = {"event_id": self.new_id("e-"), "kind": kind, "occurred_at": iso(t), "ip": ip}
        if account is not None:
            ev["account"] = account
        if email is not None:
            ev["email"] = email
        if username is not None:
            ev["username"] = username
        if success is not None:
            ev["success"] = success
        if headers is not None:
            ev["headers"] = headers
        if device is not None:
            ev["device"] = device
        if form is not None:
            ev["form"] = form
        ev["label"] = label
        ev["campaign"] = campaign
        self.seq += 1
        self.events.append((int(t), self.seq, ev))
        st = self.stats.setdefault((label, campaign), [0, 0])
        st[0 if kind == "signup" else 1] += 1
        return ev


# ---------------------------------------------------------------- persons and devices
def pick_country(rng, exclude=UNSUPPORTED, weights=None):
    ccs = [c for c in COUNTRIES if c not in exclude and COUNTRIES[c]["w"] > 0]
    ws = [weights.get(c, COUNTRIES[c]["w"]) if weights else COUNTRIES[c]["w"] for c in ccs]
    return rng.choices(ccs, weights=ws)[0]


def pick_langs(rng, cc):
    opts = COUNTRIES[cc]["langs"]
    return list(rng.choices([o[1] for o in opts], weights=[o[0] for o in opts])[0])


def device_tz(rng, city):
    if city[0] == "Hanoi":
        return rng.choice(["Asia/Bangkok", "Asia/Ho_Chi_Minh"])
    return city[5]


class Person:
    pass


def make_person(rng, W, names, cc=None, city=None, culture=None):
    p = Person()
    p.cc = cc or pick_country(rng)
    c = COUNTRIES[p.cc]
    p.city = city or W.net.weighted_city(p.cc, rng)
    p.first, p.last = names.person(rng, p.cc, culture)
    p.langs = pick_langs(rng, p.cc)
    p.tz = device_tz(rng, p.city)
    p.pm = rng.random() < 0.22         # uses a password manager
    p.ios = rng.random() < c["ios"]
    p.home = None
    p.devices = {}
    return p


def make_email(rng, p, provider=None, plus_rate=0.04, disposable_rate=0.008, alias_rate=0.012, work_domain=None):
    """E-mail as typed; returns (email, local part before any tag)."""
    r = rng.random()
    if work_domain:
        lp = local_part(rng, p.first, p.last, style="work")
        return f"{lp}@{work_domain}", lp
    if r < disposable_rate:
        lp = rng.choice([local_part(rng, p.first, p.last), slug(p.first) + str(rng.randrange(100)), "test" +
                         str(rng.randrange(1000))])
        return f"{lp}@{rng.choice(DISPOSABLE)}", lp
    if r < disposable_rate + alias_rate:
        dom, mode = rng.choice(ALIAS_SERVICES)
        lp = random_alias(rng, mode)
        return f"{lp}@{dom}", lp
    dom = provider or pick_provider(rng, p.cc)
    lp = local_part(rng, p.first, p.last)
    if dom in ("gmail.com", "googlemail.com") and rng.random() < 0.1:
        lp = lp.replace(".", "")
    if rng.random() < plus_rate and dom in ("gmail.com", "fastmail.com", "proton.me", "outlook.com", "icloud.com",
                                            "protonmail.com", "pm.me", "hey.com", "googlemail.com"):
        tag = rng.choice(["corvid", "ai", "api", "dev", "signup", "corvidlabs", "llm", "work", "test", "keys"])
        return f"{lp}+{tag}@{dom}", lp
    return f"{lp}@{dom}", lp


def make_username(rng, p, email_local):
    return username_for(rng, p.first, p.last, email_local)


def desktop_os(rng, cc):
    if cc == "US":
        return wchoice(rng, [("windows", 48), ("mac", 36), ("linux", 13), ("chromeos", 3)])
    if cc in ("IN", "PK", "BD", "NG", "EG", "ID", "VN", "PH", "KE", "GH", "NP", "LK"):
        return wchoice(rng, [("windows", 72), ("mac", 9), ("linux", 18), ("chromeos", 1)])
    if cc in ("JP", "GB", "AU", "CA", "SE", "NO", "DK", "CH", "NL", "SG", "IL"):
        return wchoice(rng, [("windows", 52), ("mac", 33), ("linux", 13), ("chromeos", 2)])
    return wchoice(rng, [("windows", 62), ("mac", 22), ("linux", 15), ("chromeos", 1)])


def desktop_browser(rng, os_):
    if os_ == "windows":
        return wchoice(rng, [("chrome", 62), ("edge", 17), ("firefox", 10), ("brave", 5), ("opera", 4), ("vivaldi", 2)])
    if os_ == "mac":
        return wchoice(rng, [("chrome", 50), ("safari", 34), ("firefox", 7), ("brave", 5), ("edge", 2), ("vivaldi", 2)])
    if os_ == "linux":
        return wchoice(rng, [("chrome", 45), ("firefox", 37), ("chromium", 10), ("brave", 8)])
    return "chrome"


def make_desktop(rng, p, os_=None, browser=None, old_rate=0.03, **over):
    os_ = os_ or desktop_os(rng, p.cc)
    browser = browser or desktop_browser(rng, os_)
    langs = list(p.langs)
    acc = None
    if browser == "safari":
        acc = langs[:2] if len(langs) > 1 and "-" in langs[0] and langs[1] == langs[0].split("-")[0] else langs[:1]
        langs = langs[:1]
    if browser == "brave":
        acc = langs[:2]
        langs = langs[:1]
    d = new_device(rng, "desktop", os_, browser, langs, p.tz, accept_langs=acc, **over)
    if browser == "brave":
        d.fp_mode = "farble"
        d.extra_headers = {"sec-gpc": "1"}
    if browser == "firefox" and rng.random() < 0.12:
        d.extra_headers = {"dnt": "1"} if rng.random() < 0.5 else {"sec-gpc": "1", "dnt": "1"}
    if rng.random() < old_rate:
        make_old(rng, d)
    return d


def make_old(rng, d):
    """An out-of-date browser (unsupported OS, frozen Safari, ESR)."""
    if d.os == "windows":
        d.old_os = True
        if d.browser in ("chrome", "edge", "opera", "brave", "vivaldi"):
            d.pinned = 109
        elif d.browser == "firefox":
            d.pinned = 115
    elif d.os == "mac":
        if d.browser == "safari":
            d.pinned_safari = rng.choice(["15.6.1", "16.6.1", "17.6"])
        elif d.browser in ("chrome", "brave", "edge", "vivaldi"):
            d.pinned = rng.choice([116, 128])
        elif d.browser == "firefox":
            d.pinned = 115
    elif d.browser == "firefox":
        d.pinned = rng.choice([115, 128, 140])
    elif d.browser in ("chrome", "chromium"):
        d.pinned = rng.choice([120, 124, 131])


def make_mobile(rng, p, inapp_rate=0.04, old_rate=0.03, **over):
    langs = list(p.langs)
    if p.ios:
        os_ = "iphone" if rng.random() < 0.93 else "ipad"
        b = wchoice(rng, [("safari_ios", 82), ("chrome_ios", 14), ("firefox_ios", 2), ("inapp_ios", 2)])
        if rng.random() < inapp_rate:
            b = "inapp_ios"
        d = new_device(rng, "mobile", os_, b, langs[:1], p.tz, accept_langs=langs[:2], **over)
        if b == "inapp_ios":
            app = rng.choice(["LinkedInApp/9.31.1740", "Instagram 389.0.0.45.88", "[FBAN/FBIOS;FBAV/512.0.0.41.104]",
                              "Slack/25.05.10"])
            d.app_token = app
        if rng.random() < old_rate and b == "safari_ios":
            d.pinned_safari = rng.choice(["16.6", "17.6", "15.8"])
        return d
    b = wchoice(rng, [("chrome_android", 80), ("samsung", 12 if p.cc != "KR" else 35), ("firefox_android", 3),
                      ("webview", 5)])
    if rng.random() < inapp_rate:
        b = "webview"
    d = new_device(rng, "mobile", "android", b, langs, p.tz, **over)
    if b == "webview":
        app = rng.choice([("com.linkedin.android", "LinkedIn"), ("com.twitter.android", ""),
                          ("com.instagram.android", "Instagram 389.0.0.45.88 Android"),
                          ("com.facebook.katana", "[FB_IAB/FB4A;FBAV/512.0.0.52.109;]"),
                          ("org.telegram.messenger", "")])
        d.app_token = app[1]
        d.extra_headers = {"x-requested-with": app[0]}
    if rng.random() < old_rate and b == "chrome_android":
        d.android_legacy = (rng.choice(["6.0.1", "6.0"]), rng.choice(["SM-J500F", "SM-G532F", "Redmi Note 4", "Moto G (4)"]))
        d.pinned = 106
    return d


# ---------------------------------------------------------------- forms
def fill_ms(rng, mode):
    if mode == "pm":        # password manager / autofill: generated password, saved identity
        v = rng.lognormvariate(math.log(4300), 0.45)
        return int(max(900, v))
    if mode == "human":
        v = rng.lognormvariate(math.log(38000), 0.55)
        if rng.random() < 0.05:
            v += rng.uniform(120000, 1800000)     # tab left open, came back later
        return int(max(6000, v))
    if mode == "mobile":
        v = rng.lognormvariate(math.log(52000), 0.55)
        if rng.random() < 0.06:
            v += rng.uniform(60000, 900000)
        return int(max(8000, v))
    if mode == "mobile_autofill":
        return int(max(2500, rng.lognormvariate(math.log(9000), 0.5)))
    if mode == "login":
        return int(max(2500, rng.lognormvariate(math.log(9500), 0.5)))
    if mode == "login_pm":
        return int(max(500, rng.lognormvariate(math.log(1800), 0.5)))
    raise ValueError(mode)


AUTOFILL_JUNK = ["+1 415 555 0142", "Acme Corp", "https://", "Mr", "1", "on", "Berlin", "+44 7700 900123",
                 "ACME Inc.", "London"]


def form(rng, ms, honeypot=""):
    return {"fill_ms": int(ms), "honeypot": honeypot}


def signup_form(rng, p, mobile=False, autofill_honeypot_rate=0.003):
    if mobile:
        mode = "mobile_autofill" if (p.pm or (p.ios and rng.random() < 0.25)) else "mobile"
    else:
        mode = "pm" if p.pm else "human"
    hp = ""
    if p.pm and rng.random() < autofill_honeypot_rate * 4:
        hp = rng.choice(AUTOFILL_JUNK)      # an over-eager autofill filled the hidden field
    return form(rng, fill_ms(rng, mode), hp)
