"""Shared machinery: context, time sampling, connections, users, event emission."""
import random
import string
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import agents as A
import geodata as G
import people as P
from netmodel import CGNAT_RES_CC

UTC = timezone.utc
START = datetime(2026, 3, 2, tzinfo=UTC)   # a Monday
DAYS = 10
END = START + timedelta(days=DAYS)

_ZI = {}


def zi(tz):
    z = _ZI.get(tz)
    if z is None:
        z = _ZI[tz] = ZoneInfo(tz)
    return z


def canon_tz(tz):
    inv = {v: k for k, v in A.CHROME_TZ_LEGACY.items()}
    return inv.get(tz, tz)


# ---------------------------------------------------------------- diurnal
PROFILES = {
    "consumer": [2, 1.2, .8, .5, .4, .5, 1, 2, 3, 4, 4.5, 5, 5, 5, 5, 5, 5, 5.5, 6, 6.5, 7, 6.5, 5, 3.5],
    "mobile": [2.5, 1.5, 1, .6, .5, .8, 2, 3.5, 4, 4, 4, 4.5, 5, 4.5, 4.5, 4.5, 5, 5.5, 6, 6.5, 7, 7, 6, 4],
    "dev": [3, 2, 1.2, .7, .5, .5, .8, 1.5, 3, 5, 6, 6, 5.5, 6, 6, 6, 5.5, 5, 4.5, 4.5, 5, 5, 4.5, 4],
    "business": [.2, .1, .1, .1, .1, .2, .5, 1.5, 4, 7, 8, 7.5, 5, 6.5, 7.5, 7, 6, 4, 2, 1, .8, .6, .4, .3],
    "student": [4, 3, 2, 1, .5, .3, .4, 1, 2, 4, 5, 5, 4.5, 5, 5, 5, 4.5, 4, 4.5, 5, 6, 6.5, 6.5, 5.5],
    "flat": [1] * 24,
}
WEEKEND = {"consumer": 1.05, "mobile": 1.1, "dev": .72, "business": .15, "student": .8, "flat": 1}
WEEKEND_DAYS = {"default": (5, 6), "IL": (4, 5), "AE": (5, 6), "SA": (4, 5), "EG": (4, 5), "BD": (4, 5)}
PEAKS = {k: max(v) for k, v in PROFILES.items()}


def _hour(rng, prof):
    w = PROFILES[prof]
    r = rng.random() * sum(w)
    for h, x in enumerate(w):
        r -= x
        if r <= 0:
            return h
    return 23


def local_day_range(tz):
    z = zi(tz)
    d0 = START.astimezone(z).date()
    d1 = (END - timedelta(seconds=1)).astimezone(z).date()
    return d0, (d1 - d0).days + 1


def sample_time(rng, tz, prof, cc=None, day_weight=None, growth=0.015, after=None, before=None):
    """A moment in [after, before) following the local rhythm of `prof` in tz."""
    lo = after or START
    hi = before or END
    if hi <= lo:
        return None
    z = zi(tz)
    d0 = lo.astimezone(z).date()
    d1 = (hi - timedelta(seconds=1)).astimezone(z).date()
    n = (d1 - d0).days + 1
    wk = WEEKEND_DAYS.get(cc, WEEKEND_DAYS["default"])
    ws = []
    for i in range(n):
        d = d0 + timedelta(days=i)
        w = WEEKEND[prof] if d.weekday() in wk else 1.0
        gi = (d - START.date()).days
        w *= 1 + growth * gi
        if day_weight:
            w *= day_weight(gi)
        ws.append(max(w, 1e-6))
    tot = sum(ws)
    for _ in range(60):
        r = rng.random() * tot
        i = 0
        for i, w in enumerate(ws):
            r -= w
            if r <= 0:
                break
        d = d0 + timedelta(days=i)
        h = _hour(rng, prof)
        loc = datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60), rng.randrange(1000) * 1000, tzinfo=z)
        u = loc.astimezone(UTC)
        if lo <= u < hi:
            return u
    if after is not None or before is not None:
        return None
    return lo + (hi - lo) * rng.random()


def sample_spike(rng, t0, tau_h, tz, prof, floor=0.35, tail_h=None):
    """Arrival after an announcement: exponential decay modulated by local rhythm."""
    z = zi(tz)
    for _ in range(200):
        if tail_h and rng.random() < 0.25:
            dt = rng.expovariate(1 / tail_h)
        else:
            dt = rng.expovariate(1 / tau_h)
        t = t0 + timedelta(hours=dt)
        if t >= END:
            continue
        h = t.astimezone(z).hour
        if rng.random() < max(floor, PROFILES[prof][h] / PEAKS[prof]):
            return t.replace(microsecond=rng.randrange(1000) * 1000)
    return None


def after(t, seconds):
    return t + timedelta(seconds=seconds)


# ----------------------------------------------------------------- context
class Ctx:
    def __init__(self, seed, nm, ppl):
        self.seed = seed
        self.R = random.Random(seed)
        self.nm = nm
        self.ppl = ppl
        self.events = []
        self.used_ips = {}
        self.accounts = {}
        self.dev_serial = 0
        self.signup_counts = {}
        self.login_counts = {}
        self.tor_exits = None

    def rng(self, *parts):
        return random.Random(P.hash_seed(self.seed, *parts))

    def event_id(self, rng):
        return "evt_" + "%032x" % rng.getrandbits(128)

    def account_id(self, rng):
        alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
        return "acct_" + "".join(rng.choice(alphabet) for _ in range(16))


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def csrf(rng):
    al = string.ascii_letters + string.digits
    return "".join(rng.choice(al) for _ in range(64))


def emit(ctx, rng, kind, t, ip, dev, label, campaign, account=None, email=None, username=None, success=None,
         fill_ms=None, honeypot="", path=None, query=None, session=None, device_override=None, form_override=None,
         collector=None, lang_header=None, with_form=True):
    if t is None or t < START or t >= END:
        return None
    ev = {"event_id": ctx.event_id(rng), "kind": kind, "occurred_at": iso(t), "ip": ip}
    if account is not None:
        ev["account"] = account
    if email is not None:
        ev["email"] = email
    if username is not None:
        ev["username"] = username
    if kind == "login" and success is not None:
        ev["success"] = success
    if path is None:
        path = "/accounts/signup/" if kind == "signup" else "/accounts/login/"
    h = dev.headers(path, query, kind, lang_header=lang_header)
    if "x-csrftoken" in h:
        h["x-csrftoken"] = csrf(rng)
    ev["headers"] = h
    if device_override is not None:
        ev["device"] = device_override
    elif not dev.api:
        c = dev.collector if collector is None else collector
        if rng.random() < c:
            ev["device"] = dev.device_payload(rng, session if session is not None else rng.getrandbits(32))
    if form_override is not None:
        ev["form"] = form_override
    elif not dev.api and with_form:
        f = {}
        if fill_ms is not None:
            f["fill_ms"] = int(fill_ms)
        f["honeypot"] = honeypot
        ev["form"] = f
    ev["label"] = label
    ev["campaign"] = campaign
    ctx.events.append((t, ev))
    ctx.used_ips[ip] = ctx.used_ips.get(ip, 0) + 1
    key = campaign
    if kind == "signup":
        ctx.signup_counts[key] = ctx.signup_counts.get(key, 0) + 1
    else:
        ctx.login_counts[key] = ctx.login_counts.get(key, 0) + 1
    return ev


# ------------------------------------------------------------- form timing
def human_fill(rng, mobile=False, pm=False, kind="signup", slow=1.0):
    if kind == "login":
        med = 2600 if pm else (12500 if mobile else 8500)
        v = rng.lognormvariate(0, 0.5) * med
    else:
        med = 12000 if pm else (56000 if mobile else 38000)
        v = rng.lognormvariate(0, 0.5) * med * slow
    r = rng.random()
    if r < 0.03:
        v += rng.uniform(120e3, 2400e3)
    elif r < 0.037:
        v += rng.uniform(3600e3, 20 * 3600e3)
    return max(v, 1900 if kind == "signup" else 650)


# ------------------------------------------------------------- languages
LOCALE = {
    "DE": "de-DE", "AT": "de-AT", "FR": "fr-FR", "NL": "nl-NL", "ES": "es-ES", "PT": "pt-PT", "IT": "it-IT", "PL": "pl-PL",
    "CZ": "cs-CZ", "RO": "ro-RO", "MD": "ro-RO", "GR": "el-GR", "SE": "sv-SE", "NO": "nb-NO", "DK": "da-DK", "FI": "fi-FI",
    "LT": "lt-LT", "HU": "hu-HU", "UA": "uk-UA", "RU": "ru-RU", "TR": "tr-TR", "IL": "he-IL", "AE": "ar-AE", "SA": "ar-SA",
    "EG": "ar-EG", "MA": "fr-MA", "CN": "zh-CN", "HK": "zh-HK", "TW": "zh-TW", "JP": "ja-JP", "KR": "ko-KR", "TH": "th-TH",
    "VN": "vi-VN", "ID": "id-ID", "MX": "es-MX", "BR": "pt-BR", "AR": "es-AR", "CO": "es-CO", "CL": "es-CL", "PE": "es-PE",
    "VE": "es-VE", "PA": "es-PA", "CH": "de-CH", "BE": "fr-BE", "CY": "el-GR", "MY": "ms-MY", "BD": "bn-BD", "PK": "ur-PK",
    "NP": "ne-NP", "LK": "si-LK",
}
EN_LOCALE = {"US": "en-US", "GB": "en-GB", "CA": "en-CA", "AU": "en-AU", "NZ": "en-NZ", "IE": "en-IE", "IN": "en-IN",
             "SG": "en-SG", "PH": "en-PH", "NG": "en-NG", "GH": "en-GB", "KE": "en-GB", "ZA": "en-ZA"}


def langs_for(rng, cc, en_bias=0.15):
    r = rng.random()
    if cc == "US":
        return ["en-US", "en"] if r < .9 else (["en-US"] if r < .95 else ["en-US", "en", "es"])
    if cc == "IN":
        if r < .45:
            return ["en-US", "en"]
        if r < .7:
            return ["en-IN", "en-GB", "en-US", "en"]
        if r < .8:
            return ["en-GB", "en-US", "en"]
        if r < .9:
            return ["en-IN", "en", "hi"]
        return ["hi-IN", "hi", "en-US", "en"]
    if cc in EN_LOCALE:
        loc = EN_LOCALE[cc]
        if r < .45:
            return [loc, "en-US", "en"]
        if r < .85:
            return [loc, "en"]
        if cc == "CA" and r < .93:
            return ["fr-CA", "fr", "en-CA", "en"]
        return ["en-US", "en"]
    loc = LOCALE.get(cc, "en-US")
    base = loc.split("-")[0]
    if cc == "CH" and rng.random() < .3:
        loc, base = "fr-CH", "fr"
    if cc == "BE" and rng.random() < .5:
        loc, base = "nl-BE", "nl"
    if r < en_bias:
        out = ["en-US", "en"]
        if rng.random() < .5:
            out += [loc, base]
        return out
    if r < en_bias + 0.12 and cc in ("JP", "KR", "CN", "TW"):
        return [base] if rng.random() < .5 else [base, "en-US", "en"]
    out = [loc, base]
    if cc in ("MX", "AR", "CO", "CL", "PE", "VE") and rng.random() < .3:
        out = [loc, "es-419", "es"]
    if rng.random() < .55:
        out += ["en-US", "en"]
    return out


# ------------------------------------------------------------- connections
class HomeConn:
    def __init__(self, ctx, rng, net_key, city, cgnat=None):
        nm = ctx.nm
        self.net_key = net_key
        net = None
        for n in G.NETS:
            if n["key"] == net_key:
                net = n
                break
        b4 = nm.block(rng, net_key, city=city, ver=4)
        self.cc = b4.cc
        if cgnat is None:
            cgnat = b4.cc in CGNAT_RES_CC or net["kind"] == "mob" or net_key == "tmo_home"
        self.v4 = nm.cgnat(rng, b4, 256) if cgnat else nm.v4_host(rng, b4)
        self.v4b = None
        self.change_day = None
        if rng.random() < 0.18:
            self.change_day = rng.randrange(1, DAYS)
            self.v4b = nm.cgnat(rng, b4, 256) if cgnat else nm.v4_host(rng, nm.block(rng, net_key, city=city, ver=4))
        self.v6p = None
        share = net.get("v6_share") or 0
        if nm.has_v6(net_key) and rng.random() < share:
            b6 = nm.block(rng, net_key, city=city, ver=6)
            p56 = nm.v6_prefix(rng, b6, 56)
            self.v6p = p56 | (rng.choice([0, 0, 0, 1, 2, 16]) << 64)
        self.salt = rng.getrandbits(32)

    def ip(self, ctx, rng, t, dev=None):
        day = (t - START).days
        if self.v6p is not None and rng.random() < 0.85:
            iid = P.hash_seed(self.salt, day, getattr(dev, "fp_seed", 0)) << 32 | P.hash_seed(self.salt, "b", day)
            return ctx.nm.v6_addr(self.v6p, iid)
        if self.change_day is not None and day >= self.change_day:
            return self.v4b
        return self.v4


class MobileConn:
    def __init__(self, ctx, rng, net_key, city):
        nm = ctx.nm
        self.net_key = net_key
        self.city = city
        net = G.NET_BY_KEY[net_key]
        self.v6 = nm.has_v6(net_key) and rng.random() < (net.get("v6_share") or 0)
        self.b4 = nm.block(rng, net_key, city=city, ver=4)
        self.b6 = nm.block(rng, net_key, city=city, ver=6) if self.v6 else None
        self.cc = self.b4.cc

    def ip(self, ctx, rng, t, dev=None):
        if self.v6 and rng.random() < 0.9:
            return ctx.nm.v6_random(rng, self.b6)
        return ctx.nm.cgnat(rng, self.b4, 64)


class FixedConn:
    def __init__(self, ips, cc=None):
        self.ips = list(ips)
        self.cc = cc

    def ip(self, ctx, rng, t, dev=None):
        return rng.choice(self.ips)


class VpnConn:
    def __init__(self, ctx, rng, nets, cities, sticky=0.8):
        self.nets = nets
        self.cities = cities
        self.fav = (rng.choice(nets), rng.choice(cities))
        self.sticky = sticky
        self.cc = G.CITIES[self.fav[1]]["cc"]

    def ip(self, ctx, rng, t, dev=None):
        net, city = self.fav if rng.random() < self.sticky else (rng.choice(self.nets), rng.choice(self.cities))
        if city not in ctx.nm.cities_of(net):
            city = rng.choice(ctx.nm.cities_of(net))
        return rng.choice(ctx.nm.servers(net, city, 8))


class RelayConn:
    def __init__(self, ctx, rng, net_key, city):
        self.net_key = net_key
        self.city = city
        self.cc = G.CITIES[city]["cc"]

    def ip(self, ctx, rng, t, dev=None):
        nm = ctx.nm
        if rng.random() < 0.45 and nm.has_v6(self.net_key):
            b = nm.block(rng, self.net_key, city=self.city, ver=6)
            return nm.v6_random(rng, b)
        b = nm.block(rng, self.net_key, city=self.city, ver=4)
        return nm.cgnat(rng, b, 128)


class TorConn:
    cc = None

    def ip(self, ctx, rng, t, dev=None):
        if ctx.tor_exits is None:
            r = ctx.rng("tor")
            ex = []
            for nk in ("tor_sef", "tor_afap", "tor_calyx", "tor_frantech"):
                for c in ctx.nm.cities_of(nk):
                    ex += ctx.nm.servers(nk, c, 14)
            ctx.tor_exits = ex
        return rng.choice(ctx.tor_exits)


def pick_city(rng, cc):
    keys = G.CITIES_BY_CC[cc]
    ws = [G.CITIES[k]["weight"] for k in keys]
    return rng.choices(keys, ws)[0]


def nets_weighted(ctx, cc, kinds):
    keys = ctx.nm.nets(cc, kinds)
    return keys


def pick_net(rng, keys):
    ws = [1.8 / (i + 1) ** 0.6 for i in range(len(keys))]
    return rng.choices(keys, ws)[0]


def home_conn(ctx, rng, cc, city):
    keys = ctx.nm.nets(cc, ("res", "isp"))
    if not keys:
        keys = ctx.nm.nets(cc, ("mob",))
    if cc == "US" and rng.random() < 0.015:
        return HomeConn(ctx, rng, "starlink", city)
    if cc == "US" and rng.random() < 0.03:
        return HomeConn(ctx, rng, "tmo_home", city)
    return HomeConn(ctx, rng, pick_net(rng, keys), city)


def mobile_conn(ctx, rng, cc, city):
    keys = ctx.nm.nets(cc, ("mob",)) + ctx.nm.nets(cc, ("isp",))
    if not keys:
        keys = ctx.nm.nets(cc, ("res",))
    return MobileConn(ctx, rng, pick_net(rng, keys), city)


# ------------------------------------------------------------- devices
IOS_SHARE = {"US": .57, "CA": .55, "GB": .5, "AU": .55, "NZ": .5, "JP": .65, "DE": .35, "FR": .35, "NL": .45, "SE": .5,
             "CH": .5, "AT": .4, "BE": .4, "DK": .55, "NO": .55, "KR": .25, "TW": .4, "HK": .55, "SG": .45, "CN": .25,
             "IN": .05, "ID": .09, "VN": .2, "PH": .1, "NG": .07, "KE": .08, "GH": .07, "ZA": .15, "EG": .1, "PK": .05,
             "BD": .04, "NP": .05, "LK": .08, "BR": .15, "MX": .2, "AR": .2, "CO": .15, "CL": .25, "PE": .12, "VE": .1,
             "TR": .15, "RU": .3, "UA": .2, "PL": .2, "ES": .25, "IT": .3, "PT": .25, "IL": .4, "AE": .5, "SA": .45,
             "MY": .2, "TH": .25, "IE": .5, "FI": .4, "CZ": .2, "RO": .2, "HU": .25, "GR": .2, "MA": .1, "MD": .2, "LT": .3, "CY": .4}
MARKET = {"IN": "e", "ID": "e", "VN": "e", "PH": "e", "PK": "e", "BD": "e", "EG": "e", "NP": "e", "LK": "e", "TH": "e",
          "MY": "e", "NG": "a", "KE": "a", "GH": "a", "ZA": "a", "MX": "l", "BR": "l", "AR": "l", "CO": "l", "CL": "l",
          "PE": "l", "VE": "l", "US": "w", "CA": "w", "GB": "w", "AU": "w", "JP": "w", "DE": "w"}

DESKTOP_MIX = {
    "consumer": [("win", "chrome", 42), ("win", "edge", 13), ("win", "firefox", 5), ("mac", "safari", 11), ("mac", "chrome", 13),
                 ("mac", "firefox", 1), ("linux", "chrome", 1.5), ("linux", "firefox", 1), ("cros", "chrome", 3),
                 ("win", "opera", 2), ("win", "brave", 2), ("mac", "brave", 1), ("ipados", "safari", 4)],
    "dev": [("mac", "chrome", 22), ("mac", "safari", 6), ("mac", "firefox", 4), ("mac", "arc", 5), ("mac", "brave", 4),
            ("linux", "chrome", 9), ("linux", "firefox", 8), ("linux", "brave", 2), ("win", "chrome", 22), ("win", "edge", 6),
            ("win", "firefox", 5), ("win", "brave", 3), ("win", "vivaldi", 1), ("mac", "edge", 2)],
    "student": [("win", "chrome", 35), ("mac", "chrome", 15), ("mac", "safari", 15), ("cros", "chrome", 10), ("win", "edge", 8),
                ("linux", "chrome", 3), ("win", "firefox", 4), ("mac", "firefox", 1), ("win", "brave", 3), ("win", "opera", 4),
                ("ipados", "safari", 2)],
}
REGIONAL_DESKTOP = {
    "RU": [("win", "yandex", 25)], "UA": [("win", "opera", 6)], "TR": [("win", "yandex", 4), ("win", "opera", 4)],
    "KR": [("win", "whale", 12), ("win", "edge", 10)], "CN": [("win", "edge", 25)], "JP": [("win", "edge", 8)],
    "NG": [("win", "opera", 10)], "KE": [("win", "opera", 6)], "PK": [("win", "opera", 4)], "BD": [("win", "opera", 4)],
    "DE": [("win", "firefox", 9), ("linux", "firefox", 2)], "FR": [("win", "firefox", 5)], "PL": [("win", "opera", 4), ("win", "firefox", 5)],
}


def desktop(ctx, rng, t, cc, tz, langs, persona="consumer"):
    mix = list(DESKTOP_MIX[persona]) + REGIONAL_DESKTOP.get(cc, [])
    tot = sum(x[2] for x in mix)
    r = rng.random() * tot
    pick = mix[-1]
    for m in mix:
        r -= m[2]
        if r <= 0:
            pick = m
            break
    os_, br, _ = pick
    cls = "tablet" if os_ == "ipados" else "desktop"
    if br in ("arc", "vivaldi", "whale"):
        d = A.make_browser(rng, t, cls, os_, "chrome", tz, langs)
        if br == "vivaldi":
            d.ch = A.sec_ch_ua(d.major, None)
        if br == "whale":
            d.ua = d.ua.replace(" Safari/537.36", " Whale/4.35.351.16 Safari/537.36")
            d.ch = A.sec_ch_ua(d.major, "Whale", brand_ver="4")
        d.browser = br
    else:
        d = A.make_browser(rng, t, cls, os_, br, tz, langs)
    # privacy extensions / script blockers
    base = {"firefox": 0.86, "brave": 0.96, "safari": 0.975}.get(br, 0.93)
    if persona == "dev":
        base -= 0.04
    d.collector = base
    if br == "firefox" and rng.random() < 0.12:
        d.dnt = True
    if br == "firefox" and rng.random() < 0.08:
        d.gpc = True
    if os_ == "win" and rng.random() < 0.012:
        d.tz = A.reported_tz(rng.choice(["America/Los_Angeles", "UTC", "America/New_York", "Europe/London"]), d.engine)
    d.fp_seed = d.fp_seed if d.fp_seed is not None else rng.getrandbits(40)
    ctx.dev_serial += 1
    return d


def phone(ctx, rng, t, cc, tz, langs):
    ios = rng.random() < IOS_SHARE.get(cc, .3)
    if ios:
        br = "safari" if rng.random() < .86 else "crios"
        d = A.make_browser(rng, t, "mobile", "ios", br, tz, langs)
        d.collector = 0.985
    else:
        market = MARKET.get(cc, "g")
        a = A.pick_android(rng, market)
        r = rng.random()
        if a[0].startswith("SM-") and r < .22:
            br = "samsung"
        elif r < .9:
            br = "chrome"
        elif r < .95:
            br = "opera"
        elif r < .975:
            br = "firefox"
        else:
            br = "edge"
        if br == "opera":
            d = A.make_browser(rng, t, "mobile", "android", "chrome", tz, langs, android=a)
            d.ua = d.ua.replace("Mobile Safari/537.36", "Mobile Safari/537.36 OPR/86.0.4524.81")
            d.ch = A.sec_ch_ua(d.major, "Opera Mobile", brand_ver="86")
            d.browser = "opera"
        elif br == "edge":
            d = A.make_browser(rng, t, "mobile", "android", "chrome", tz, langs, android=a)
            d.ua = d.ua.replace("Mobile Safari/537.36", "Mobile Safari/537.36 EdgA/%d.0.0.0" % d.major)
            d.ch = A.sec_ch_ua(d.major, "Microsoft Edge")
            d.browser = "edge"
        else:
            d = A.make_browser(rng, t, "mobile", "android", br, tz, langs, android=a)
        if cc in ("IN", "NG", "PK", "BD", "ID", "KE", "EG") and rng.random() < 0.04:
            # an old phone that no longer gets Chrome updates
            old = rng.choice([103, 109, 112, 119])
            d2 = A.make_browser(rng, t, "mobile", "android", "chrome", tz, langs, android=a, chrome_ver=old)
            d = d2
        d.collector = 0.985
    ctx.dev_serial += 1
    return d


# ------------------------------------------------------------------ users
class User:
    __slots__ = ("account", "email", "username", "person", "cc", "city", "tz", "devices", "conns", "label", "campaign",
                 "pm", "created", "prof", "login_rate", "alt_email", "password_reuse", "mobile_first", "extra")

    def __init__(self):
        self.devices = []
        self.conns = {}
        self.alt_email = None
        self.password_reuse = False
        self.extra = {}

    def conn_for(self, dev):
        return self.conns.get(id(dev)) or self.conns.get("default")


def set_conn(u, dev, conn):
    u.conns[id(dev)] = conn
    if "default" not in u.conns:
        u.conns["default"] = conn
