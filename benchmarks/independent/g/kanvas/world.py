"""Shared machinery: time sampling, the event sink, people and their logins."""
import math

from . import clients as C
from . import identity as I
from .geo import COUNTRIES, DAYS, LANGS, WINDOW_END, WINDOW_START, tz_offset
from .internet import HomeLine, Internet, MobileLine
from .rand import B62, R, W, wpick

ORIGIN = C.ORIGIN

# --------------------------------------------------------------------------- time
HOURLY = {
    # local-hour activity profiles (index = hour)
    "consumer": [3.6, 2.2, 1.3, .8, .6, .6, .9, 1.6, 2.6, 3.4, 4.0, 4.4, 5.0, 4.8, 4.6, 4.6, 4.8, 5.0, 5.4, 6.2, 7.0, 7.4, 7.0, 5.4],
    "night_owl": [5.4, 4.0, 2.6, 1.5, .8, .5, .6, 1.2, 2.4, 3.0, 3.6, 4.0, 4.6, 4.4, 4.2, 4.4, 4.6, 4.8, 5.2, 6.0, 6.8, 7.4, 7.6, 6.6],
    "office": [.3, .2, .1, .1, .1, .2, .5, 1.4, 3.6, 6.0, 6.6, 6.4, 4.6, 5.8, 6.4, 6.2, 5.6, 4.4, 2.6, 1.6, 1.2, 1.0, .8, .5],
    "flat": [1.0] * 24,
    "shift": [.4, .2, .1, .1, .1, .1, .3, 1.0, 3.0, 5.0, 5.5, 5.5, 4.0, 5.2, 5.6, 5.6, 5.4, 5.0, 4.6, 4.8, 5.0, 4.6, 3.0, 1.2],
}
_HW = {k: W(list(enumerate(v))) for k, v in HOURLY.items()}


def consumer_day_weights():
    w = []
    for d in range(DAYS):
        x = 1.0 + 0.012 * d                      # steady growth
        if d % 7 in (5, 6):                      # weekend (3 Nov 2025 is a Monday)
            x *= 1.18
        if d == 8:                               # "Kanvas Motion 2" launch, Tue 11 Nov
            x *= 1.35
        elif d == 9:
            x *= 1.2
        elif d == 10:
            x *= 1.08
        w.append((d, x))
    return W(w)


CONSUMER_DAYS = consumer_day_weights()
OFFICE_DAYS = W([(d, 0.25 if d % 7 in (5, 6) else 1.0) for d in range(DAYS)])
FLAT_DAYS = W([(d, 1.0) for d in range(DAYS)])


def wrap(t: float) -> float:
    return WINDOW_START + (t - WINDOW_START) % (DAYS * 86400)


def local_time(r: R, tz: str, profile="consumer", day=None, days: W = None) -> float:
    d = day if day is not None else (days or CONSUMER_DAYS)(r)
    h = _HW[profile](r)
    return wrap(WINDOW_START + d * 86400 + h * 3600 + r.u() * 3600 - tz_offset(tz))


def local_day(t: float, tz: str) -> int:
    return int((t + tz_offset(tz) - WINDOW_START) // 86400)


def day_of(t: float) -> float:
    return (t - WINDOW_START) / 86400.0


def in_window(t: float) -> bool:
    return WINDOW_START <= t < WINDOW_END


# --------------------------------------------------------------------------- sink
class Sink:
    def __init__(self):
        self.rows = []

    def add(self, t, kind, ip, client, label, campaign, account=None, email=None, username=None, success=None,
            fill_ms=None, honeypot="", referer=None, device=None, headers=None, no_device=False):
        if not in_window(t):
            return False
        h = dict(headers or client.headers)
        if client.kind == "web" and headers is None:
            h["origin"] = ORIGIN
            h["referer"] = referer or f"{ORIGIN}/{'signup' if kind == 'signup' else 'login'}"
            h["content-type"] = "application/x-www-form-urlencoded"
        e = {"kind": kind, "occurred_at": None, "ip": ip}
        if account is not None:
            e["account"] = account
        if email is not None:
            e["email"] = email
        if username is not None:
            e["username"] = username
        if kind == "login":
            e["success"] = bool(success)
        e["headers"] = h
        dev = device if device is not None else client.device
        if dev is not None and client.kind in ("web", "bot") and not no_device:
            e["device"] = dev
        if fill_ms is not None and client.kind in ("web", "bot"):
            e["form"] = {"fill_ms": int(max(300, fill_ms)), "honeypot": honeypot}
        e["label"] = label
        e["campaign"] = campaign
        self.rows.append((t, e))
        return True


# --------------------------------------------------------------------------- people
DESKTOP_MIX = {  # (family, os, weight)
    "JP": [("chrome", "win", 34), ("chrome", "mac", 16), ("edge", "win", 14), ("safari", "mac", 24), ("firefox", "win", 6), ("firefox", "mac", 2), ("chrome", "linux", 1)],
    "KR": [("chrome", "win", 50), ("edge", "win", 17), ("whale", "win", 14), ("chrome", "mac", 6), ("safari", "mac", 9), ("firefox", "win", 3)],
    "TW": [("chrome", "win", 55), ("chrome", "mac", 12), ("edge", "win", 12), ("safari", "mac", 15), ("firefox", "win", 5)],
    "DE": [("chrome", "win", 30), ("chrome", "mac", 10), ("firefox", "win", 17), ("firefox", "linux", 3), ("firefox", "mac", 3), ("edge", "win", 14), ("safari", "mac", 20), ("chrome", "linux", 3)],
    "_EU": [("chrome", "win", 40), ("chrome", "mac", 12), ("firefox", "win", 10), ("edge", "win", 13), ("safari", "mac", 20), ("firefox", "linux", 2), ("chrome", "linux", 3)],
    "_AN": [("chrome", "win", 34), ("chrome", "mac", 16), ("safari", "mac", 28), ("edge", "win", 13), ("firefox", "win", 5), ("firefox", "mac", 2), ("chrome", "linux", 2)],
    "_EM": [("chrome", "win", 70), ("chrome", "mac", 6), ("edge", "win", 12), ("firefox", "win", 5), ("safari", "mac", 5), ("chrome", "linux", 2)],
}
_DESK = {k: W([((f, o), w) for f, o, w in v]) for k, v in DESKTOP_MIX.items()}
IPHONE_SHARE = {"JP": .68, "KR": .25, "TW": .5, "US": .58, "CA": .56, "GB": .52, "IE": .5, "DE": .38, "FR": .36,
                "PL": .2, "ES": .2, "IT": .28, "SE": .55, "NO": .55, "DK": .55, "FI": .45, "NL": .45, "BR": .15,
                "ID": .1, "VN": .3, "SG": .6, "HK": .6, "AU": .58, "CN": .4}
CHANNELS = {  # desktop web, mobile web, app
    "_": (0.42, 0.25, 0.33), "BR": (0.3, 0.3, 0.4), "ID": (0.28, 0.32, 0.4), "VN": (0.3, 0.3, 0.4),
    "KR": (0.4, 0.22, 0.38), "JP": (0.38, 0.25, 0.37),
}


def desk_mix(cc):
    if cc in _DESK:
        return _DESK[cc]
    if cc in ("US", "CA", "GB", "AU", "SE", "NO", "DK", "FI", "NL", "IE", "SG", "HK"):
        return _DESK["_AN"]
    if cc in ("BR", "ID", "VN"):
        return _DESK["_EM"]
    return _DESK["_EU"]


_LANG_W = {cc: W([(tuple(l), w) for l, w in v]) for cc, v in LANGS.items()}


def langs_for(r: R, cc: str):
    return list(_LANG_W.get(cc, _LANG_W["US"])(r))


class Person:
    __slots__ = ("cc", "city", "tz", "langs", "given", "family", "email", "username", "account", "ref",
                 "home", "mobile", "primary", "phone", "desk", "label", "campaign", "pm", "channel", "fill_med",
                 "signup_t", "pw_reuse", "extra")

    def __init__(self):
        self.home = self.mobile = self.primary = self.phone = self.desk = None
        self.pm = False
        self.fill_med = 38000
        self.signup_t = None
        self.pw_reuse = False
        self.extra = {}


class World:
    def __init__(self, seed: int):
        self.seed = seed
        self.inet = Internet(seed)
        self.names = I.Names(seed)
        self.sink = Sink()
        self.usernames, self.emails, self.account_ids = set(), set(), set()
        self.legit_accounts = []      # Persons with accounts (stuffing / takeover targets)
        self.legit_refs = []          # referral codes of legit accounts

    def stream(self, name: str) -> R:
        return R(self.seed, name)

    # ---- identifiers
    def new_account(self, r: R) -> str:
        while True:
            a = "acct_" + r.token(16)
            if a not in self.account_ids:
                self.account_ids.add(a)
                return a

    def new_ref(self, r: R) -> str:
        return r.token(8, B62[:36])

    def unique_email(self, r: R, make):
        for _ in range(20):
            e = make()
            if e.lower() not in self.emails:
                self.emails.add(e.lower())
                return e
        lp, dom = e.split("@")
        e = f"{lp}{r.int(1000, 99999)}@{dom}"
        self.emails.add(e.lower())
        return e

    # ---- people
    def person(self, r: R, cc: str, day: float, channel=None, campaign="organic", label="legit", city_key=None,
               langs=None, email=None, has_account=True):
        p = Person()
        country = COUNTRIES[cc]
        if city_key is None:
            city = wpick(r, [(c, c.weight) for c in country.cities if c.weight > 0])
        else:
            city = country.city(city_key)
        p.cc, p.city, p.tz = cc, city.key, city.tz
        p.langs = langs or langs_for(r, cc)
        if langs is None and cc in ("JP", "US", "CA", "GB", "DE", "AU", "SG", "KR", "FR") and r.chance(0.015):
            p.langs = langs_for(r, "CN")  # Chinese-speaking residents
        p.given, p.family = self.names.name(r, "CN" if p.langs[0].startswith("zh-CN") else cc)
        p.label, p.campaign = label, campaign
        p.home = HomeLine(self.inet, r, cc, city.key)
        is_iphone = r.chance(IPHONE_SHARE.get(cc, .4))
        p.mobile = MobileLine(self.inet, r, cc)
        ch = channel
        if ch is None:
            dw, mw, aw = CHANNELS.get(cc, CHANNELS["_"])
            ch = wpick(r, [("desktop", dw), ("mobile_web", mw), ("app", aw)])
        p.channel = ch
        p.pm = r.chance(0.06)
        if ch == "desktop":
            p.primary = p.desk = self.desktop_for(r, p, day)
            p.fill_med = 36000
        elif ch == "mobile_web":
            p.primary = p.phone = self.phone_browser(r, p, day, is_iphone)
            p.fill_med = 50000
        elif ch == "app":
            p.primary = p.phone = (C.ios_app(r, cc, p.langs, day) if is_iphone else
                                   C.android_app(r, cc, p.langs, day))
            p.fill_med = 45000
        p.extra["iphone"] = is_iphone
        if email is not None:
            p.email = email
        elif p.langs[0].startswith("zh-CN") and r.chance(0.35):
            p.email = self.unique_email(r, lambda: I.email(r, p.given, p.family, "CN"))
        elif ch == "app" and is_iphone and r.chance(0.14):
            p.email = self.unique_email(r, lambda: I.privacy_email(r, "apple-private-relay"))
        else:
            p.email = self.unique_email(r, lambda: I.email(r, p.given, p.family, cc))
        p.username = I.username(r, p.email, p.given, p.family, self.usernames)
        if has_account:
            p.account = self.new_account(r)
            p.ref = self.new_ref(r)
        p.pw_reuse = r.chance(0.35)
        return p

    def desktop_for(self, r: R, p: Person, day: float, family=None, os=None):
        if family is None:
            family, os = desk_mix(p.cc)(r)
        if family == "safari" and r.chance(0.1):   # iPad Safari asks for the desktop site
            return C.desktop(r, family, os, p.langs, p.tz, day,
                             hw={"touch": 5, "screen": r.pick(["1180x820", "1366x1024", "1194x834", "1024x768"])})
        return C.desktop(r, family, os, p.langs, p.tz, day)

    def phone_browser(self, r: R, p: Person, day: float, is_iphone: bool, inapp=None):
        if is_iphone:
            return C.iphone(r, p.cc, p.langs, p.tz, day, family="chrome" if r.chance(0.08) else "safari", inapp=inapp)
        fam = "samsung" if r.chance(0.45 if p.cc == "KR" else 0.2) else "chrome"
        return C.android_browser(r, p.cc, p.langs, p.tz, day, family=fam)

    # ---- network choice for a client
    def line_ip(self, r: R, p: Person, client) -> str:
        if client.mobile:
            if r.chance(0.55):
                return p.mobile.ip(r)
            return p.home.ip(r)
        return p.home.ip(r)

    # ---- form timing
    def fill_ms(self, r: R, p: Person, login=False) -> int:
        if p.pm:
            return int(r.lognorm(2600 if not login else 1400, 0.45))
        if r.chance(0.02):
            return int(r.uniform(300_000, 5_400_000))  # tab left open
        med = p.fill_med * (0.32 if login else 1.0)
        return int(r.lognorm(med, 0.55))

    # ---- events
    def signup(self, r: R, p: Person, t: float, ip=None, client=None, referer=None, fill=None, honeypot=""):
        client = client or p.primary
        ip = ip or self.line_ip(r, p, client)
        if honeypot == "" and client.kind == "web" and r.chance(0.003):
            honeypot = r.pick([f"{p.given} {p.family}", p.given, "https://", COUNTRIES[p.cc].name])
        ok = self.sink.add(t, "signup", ip, client, p.label, p.campaign, account=p.account, email=p.email,
                           username=p.username, fill_ms=(fill if fill is not None else self.fill_ms(r, p)),
                           honeypot=honeypot, referer=referer, no_device=blocked(r, client))
        if ok:
            p.signup_t = t
            if p.label == "legit":
                self.legit_accounts.append(p)
        return ok

    def login(self, r: R, p: Person, t: float, client=None, ip=None, success=True, campaign=None, label=None,
              with_email=True):
        client = client or p.primary
        ip = ip or self.line_ip(r, p, client)
        return self.sink.add(t, "login", ip, client, label or p.label, campaign or p.campaign, account=p.account,
                             email=p.email if (with_email and client.kind != "ios_app" or r.chance(0.5)) else None,
                             success=success, fill_ms=self.fill_ms(r, p, login=True), no_device=blocked(r, client))

    def login_session(self, r: R, p: Person, t: float, client=None, ip_fn=None, fail_p=0.075, campaign=None,
                      label=None):
        """One sign-in as a person does it: sometimes a wrong password first, then a retry."""
        client = client or p.primary
        ipf = ip_fn or (lambda: self.line_ip(r, p, client))
        ip = ipf()
        if p.pm:
            fail_p *= 0.25
        if not r.chance(fail_p):
            self.login(r, p, t, client, ip, True, campaign, label)
            return
        if r.chance(0.12) and client.kind != "api":   # mistyped the address: no such account
            self.sink.add(t, "login", ip, client, label or p.label, campaign or p.campaign, account=None,
                          email=typo(r, p.email), success=False, fill_ms=self.fill_ms(r, p, login=True))
        else:
            self.login(r, p, t, client, ip, False, campaign, label)
        x = r.u()
        if x < 0.68:            # retype at once
            t2 = t + r.uniform(6, 90)
            ok = r.chance(0.82)
            self.login(r, p, t2, client, ip, ok, campaign, label)
            if not ok:
                self.login(r, p, t2 + r.uniform(8, 120), client, ip, r.chance(0.7), campaign, label)
        elif x < 0.86:          # password reset, comes back later
            self.login(r, p, t + r.uniform(300, 3600), client, ipf(), True, campaign, label)
        # else: gives up for now

    def second_desktop(self, r: R, p: Person, day: float):
        if p.desk is None:
            p.desk = self.desktop_for(r, p, day)
        return p.desk

    def follow_up_logins(self, r: R, p: Person, p_return=0.42, mean_gap_days=1.6, cross_device=0.4):
        """Logins of a new account after its signup, on the same or another device."""
        if p.signup_t is None or not r.chance(p_return):
            return
        t = p.signup_t
        n = min(8, r.geometric(0.45))
        for _ in range(n):
            gap_days = max(0.05, r.expo(mean_gap_days))
            d = local_day(t, p.tz) + int(math.ceil(gap_days)) - (1 if gap_days < 1 and r.chance(0.6) else 0)
            t_next = local_time(r, p.tz, "consumer", day=d)
            if t_next <= t:
                t_next = t + gap_days * 86400
            t = t_next
            if not in_window(t):
                break
            client = p.primary
            if p.channel in ("mobile_web", "app") and r.chance(cross_device):
                client = self.second_desktop(r, p, day_of(t))
            elif p.channel == "desktop" and r.chance(0.22):
                if p.phone is None:
                    p.phone = (C.ios_app(r, p.cc, p.langs, day_of(t)) if p.extra.get("iphone") else
                               C.android_app(r, p.cc, p.langs, day_of(t)))
                client = p.phone
            self.login_session(r, p, t, client)


def blocked(r: R, client) -> bool:
    """The collector script did not run: content blocker, NoScript, strict tracking protection."""
    if client.kind != "web":
        return False
    return r.chance({"brave": 0.3, "firefox": 0.1}.get(client.family, 0.025))


def typo(r: R, email: str) -> str:
    lp, dom = email.split("@", 1)
    k = r.int(0, 3)
    if k == 0 and "." in dom:
        dom = dom.rsplit(".", 1)[0] + "." + r.pick(["con", "cm", "co", "om"])
    elif k == 1 and len(lp) > 3:
        i = r.int(1, len(lp) - 2)
        lp = lp[:i] + lp[i + 1:]
    elif k == 2 and len(lp) > 3:
        i = r.int(1, len(lp) - 2)
        lp = lp[:i] + lp[i + 1] + lp[i] + lp[i + 2:]
    else:
        dom = {"gmail.com": "gmial.com", "naver.com": "nave.com", "yahoo.co.jp": "yahoo.co.jo"}.get(dom, "g" + dom)
    return f"{lp}@{dom}"


def referer_for(r: R, cc: str, mobile: bool, legit_refs=None) -> str:
    opts = [(f"{ORIGIN}/signup", 44), (f"{ORIGIN}/signup?next=%2Fcreate", 14),
            (f"{ORIGIN}/signup?utm_source=google&utm_medium=cpc&utm_campaign=brand_{cc.lower()}", 11),
            (f"{ORIGIN}/signup?utm_source=x&utm_medium=social", 6),
            (f"{ORIGIN}/signup?utm_source=youtube&utm_medium=video&utm_campaign=motion2", 5),
            (f"{ORIGIN}/signup?utm_source=instagram&utm_medium=social", 4 if mobile else 1),
            (f"{ORIGIN}/signup?utm_source=tiktok&utm_medium=social", 4 if mobile else 1),
            (f"{ORIGIN}/signup?next=%2Fpricing", 4), ("ref", 5)]
    x = wpick(r, opts)
    if x == "ref":
        if legit_refs:
            return f"{ORIGIN}/signup?ref={r.pick(legit_refs)}"
        return f"{ORIGIN}/signup"
    return x
