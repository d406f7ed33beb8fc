"""Simulation core: clock, event records, and ordinary people with devices and lines."""
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np

import clients as C
from net import Network, h64
from people import People, pick
from places import CITIES, COUNTRY_LANGS

T0 = int(dt.datetime(2026, 5, 4, tzinfo=dt.timezone.utc).timestamp())   # a Monday
DAYS = 12
DAY = 86400

# Share of activity per local hour.
DIURNAL = {
    "consumer": [2.0, 1.2, .7, .4, .3, .4, .9, 1.8, 2.8, 3.4, 3.8, 4.0, 4.2, 4.1, 4.0, 4.1,
                 4.3, 4.6, 5.0, 5.6, 6.2, 6.4, 5.6, 3.8],
    "work": [.2, .1, .1, .1, .1, .2, .5, 2.0, 6.0, 9.0, 9.5, 9.0, 7.0, 8.5, 9.0, 8.5, 7.0,
             4.5, 2.0, 1.0, .8, .6, .4, .3],
    "shift": [.3, .2, .1, .1, .1, .1, .2, .5, 4.0, 8.0, 8.0, 8.0, 6.0, 8.0, 8.0, 8.0, 8.0,
              7.0, 6.0, 5.0, 3.0, 1.0, .5, .3],
    "flat": [1.0] * 24,
}

MOBILE_AS = {
    "IN": [(55836, .5), (45609, .32), (38266, .18)], "PK": [(45669, 1)], "BD": [(24389, 1)],
    "ID": [(23693, .5), (24203, .25), (4761, .25)], "PH": [(132199, .5), (10139, .5)],
    "VN": [(7552, 1)], "TH": [(131445, 1)], "NG": [(29465, .55), (36873, .3), (37148, .15)],
    "KE": [(33771, 1)], "ZA": [(36994, .55), (16637, .45)], "GH": [(30986, 1)], "EG": [(24835, 1)],
    "BR": [(26599, .55), (26615, .45)], "MX": [(28403, 1)], "CO": [(3816, 1)], "AR": [(22927, 1)],
    "PE": [(6147, 1)], "US": [(21928, .35), (22394, .4), (20057, .25)], "CA": [(812, 1)],
    "GB": [(12576, .6), (206067, .4)], "DE": [(6805, 1)], "FR": [(3215, 1)], "ES": [(3352, 1)],
    "PL": [(5617, 1)], "PT": [(3243, 1)], "TR": [(16135, 1)], "RU": [(8359, 1)],
    "AE": [(15802, 1)], "SA": [(25019, .6), (35819, .4)], "IR": [(197207, 1)], "CN": [(4837, 1)],
}
HOME_AS = {
    "IN": [(24560, .4), (9829, .25), (24309, .35)], "PK": [(17557, 1)], "BD": [(24432, 1)],
    "ID": [(7713, 1)], "PH": [(9299, 1)], "VN": [(45899, .5), (18403, .5)], "TH": [(7470, 1)],
    "NG": [(37196, 1)], "KE": [(33771, 1)], "ZA": [(37457, 1)], "GH": [(30986, 1)],
    "EG": [(8452, 1)], "BR": [(28573, .4), (18881, .35), (28126, .15), (262287, .1)],
    "MX": [(8151, .6), (11888, .4)], "CO": [(10620, 1)], "AR": [(7303, 1)], "PE": [(6147, 1)],
    "US": [(7922, .4), (7018, .25), (20115, .25), (701, .1)], "CA": [(812, .6), (577, .4)],
    "GB": [(2856, .6), (5089, .4)], "DE": [(3320, .6), (3209, .4)], "FR": [(3215, .55), (12322, .45)],
    "ES": [(3352, 1)], "PL": [(5617, 1)], "PT": [(3243, 1)], "TR": [(9121, 1)], "RU": [(12389, 1)],
    "AE": [(5384, 1)], "SA": [(25019, 1)], "IR": [(58224, 1)], "CN": [(4134, 1)],
}
# Handset mix by market (the same few cheap models sold in millions).
PHONE_MIX = {
    "south_asia": [("redmi13c", .18), ("redmia3", .12), ("galaxy_a05", .12), ("galaxy_a15", .1),
                   ("vivo_y17s", .12), ("realme_c53", .12), ("oppo_a18", .08),
                   ("redmi_note13", .08), ("galaxy_a35", .05), ("galaxy_s24", .03)],
    "sea": [("oppo_a18", .2), ("galaxy_a05", .15), ("redmi13c", .15), ("vivo_y17s", .12),
            ("infinix_hot40", .1), ("realme_c53", .1), ("galaxy_a15", .1), ("redmi_note13", .08)],
    "africa": [("tecno_spark20", .26), ("infinix_hot40", .22), ("itel_a70", .16), ("galaxy_a05", .12),
               ("redmia3", .1), ("galaxy_a15", .08), ("redmi13c", .06)],
    "latam": [("galaxy_a15", .2), ("galaxy_a05", .15), ("moto_g24", .18), ("moto_g54", .12),
              ("redmi13c", .12), ("redmi_note13", .1), ("galaxy_a35", .08), ("galaxy_s24", .05)],
    "west": [("galaxy_s24", .25), ("pixel8", .2), ("galaxy_a35", .2), ("galaxy_a15", .15),
             ("moto_g54", .1), ("redmi_note13", .1)],
}
MARKET = {"IN": "south_asia", "PK": "south_asia", "BD": "south_asia", "ID": "sea", "PH": "sea",
          "VN": "sea", "TH": "sea", "NG": "africa", "KE": "africa", "ZA": "africa", "GH": "africa",
          "EG": "africa", "BR": "latam", "MX": "latam", "CO": "latam", "AR": "latam", "PE": "latam"}
# (iphone share of phones, desktop share of people, mobile-data share of sessions)
DEVICE_SPLIT = {"south_asia": (.06, .12, .8), "sea": (.12, .12, .7), "africa": (.05, .1, .85),
                "latam": (.15, .15, .6), "west": (.55, .4, .35)}


_CUM = {k: np.cumsum(np.array(v) / sum(v)) for k, v in DIURNAL.items()}
_CUM = {k: np.minimum(v, 1 - 1e-12) for k, v in _CUM.items()}


def iso(t):
    ms = int(round(t * 1000))
    d = dt.datetime.fromtimestamp(ms // 1000, dt.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (ms % 1000)


class Sim:
    def __init__(self, seed):
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.net = Network()
        self.people = People(seed)
        self.events = []
        self._n = 0
        self._offsets = {}
        self._day_cum = {}
        self._cities_by_cc = {}
        for key, c in CITIES.items():
            self._cities_by_cc.setdefault(c[2], []).append(key)

    def child_rng(self, name):
        return np.random.default_rng([self.seed, h64(name) & 0xFFFFFFFF])

    # ---- time -------------------------------------------------------------------
    def offset(self, tz):
        if tz not in self._offsets:
            mid = dt.datetime.fromtimestamp(T0 + 6 * DAY, dt.timezone.utc)
            self._offsets[tz] = mid.astimezone(ZoneInfo(tz)).utcoffset().total_seconds()
        return self._offsets[tz]

    def at_local(self, rng, tz, day, profile="consumer", weekend_factor=1.0):
        """A UTC instant on local `day` (0-based from T0) at an hour drawn from `profile`."""
        hour = int(np.searchsorted(_CUM[profile], rng.random(), side="right"))
        local = T0 + day * DAY + hour * 3600 + rng.random() * 3600
        return local - self.offset(tz)

    def random_day(self, rng, start=0, end=DAYS, growth=0.03, weekend=1.1):
        key = (start, end, growth, weekend)
        cum = self._day_cum.get(key)
        if cum is None:
            days = np.arange(start, end)
            w = (1 + growth) ** days * np.where(days % 7 >= 5, weekend, 1.0)
            cum = self._day_cum[key] = np.cumsum(w / w.sum())
        return start + min(int(np.searchsorted(cum, rng.random(), side="right")), end - start - 1)

    # ---- events -------------------------------------------------------------------
    def emit(self, kind, t, ip, client, label, campaign, account=None, email=None,
             username=None, success=None, fill_ms=None, honeypot="", style=None, referer=None):
        self._n += 1
        ev = {"event_id": "evt_%016x" % h64(self.seed, "event", self._n), "kind": kind,
              "occurred_at": iso(t), "ip": ip}
        if account is not None:
            ev["account"] = account
        if email is not None:
            ev["email"] = email
        if username is not None:
            ev["username"] = username
        if kind == "login":
            ev["success"] = bool(success)
        if style is None:
            style = "api" if client.family == "api" else "form"
        path = "/accounts/%s/" % kind if style != "spa" else "/%s" % kind
        ev["headers"] = client.headers(path, kind, style, referer)
        if style not in ("api", "lite"):
            dev = client.device()
            if dev is not None:
                ev["device"] = dev
            if fill_ms is not None:
                ev["form"] = {"fill_ms": int(fill_ms), "honeypot": honeypot}
        ev["label"] = label
        ev["campaign"] = campaign
        self.events.append((t, ev))
        return ev

    def account_id(self, *key):
        return "acc_%014x" % (h64(self.seed, "acct", *key) >> 8)

    # ---- places -----------------------------------------------------------------
    def cities_of(self, cc):
        return self._cities_by_cc[cc]


def human_fill(rng, kind="signup", autofill=False):
    """Form time of a person: log-normal, with long tails (distractions)."""
    if autofill:
        return rng.lognormal(np.log(2600 if kind == "signup" else 1400), 0.45)
    median = 38000 if kind == "signup" else 9000
    x = rng.lognormal(np.log(median), 0.6)
    if rng.random() < 0.07:
        x += rng.exponential(120000)      # switched app, came back
    return max(x, 2500 if kind == "signup" else 900)


class Person:
    """An ordinary user: home country and city, devices, lines, identity."""

    def __init__(self, sim, rng, cc, key, market=None, langs=None, tz=None, city=None,
                 device=None, mobile_share=None, mobile_as=None, home_as=None):
        self.sim, self.key, self.cc = sim, key, cc
        self.market = market or MARKET.get(cc, "west")
        ios_share, desk_share, mob_share = DEVICE_SPLIT[self.market]
        self.mobile_as = mobile_as if mobile_as is not None else pick(rng, MOBILE_AS[cc])
        self.home_as = home_as if home_as is not None else pick(rng, HOME_AS[cc])
        net = sim.net
        if city is None:
            options = [c for c in net.cities(self.home_as) if c in net.cities(self.mobile_as)] \
                or net.cities(self.mobile_as)
            city = options[rng.integers(len(options))]
        self.city = city
        self.tz = tz or CITIES[city][7]
        self.langs = langs or default_langs(rng, cc)
        self.mobile_share = mob_share if mobile_share is None else mobile_share
        self.first, self.last = sim.people.name(rng, cc)
        self.client = device or default_client(rng, self.market, self.langs, self.tz, key,
                                               ios_share, desk_share)
        if not self.client.mobile:
            self.mobile_share = 0.05
        self.household = h64(sim.seed, "household", key)

    def ip(self, rng, t, mobile=None):
        net = self.sim.net
        if mobile is None:
            mobile = rng.random() < self.mobile_share
        asn = self.mobile_as if mobile else self.home_as
        a = net.asys(asn)
        if a["v6c"] and rng.random() < a["v6share"]:
            if mobile:    # new /64 for each attach of the handset
                pk = h64(self.household, "attach", int(t // (3600 * (1 + rng.integers(8)))))
            else:         # delegated prefix of the line, stable for weeks
                pk = h64(self.household, "line")
            return net.v6(asn, self.city, pk, h64(self.household, "iid", int(t // DAY)))
        if mobile and a["cgnat"]:
            return net.v4(asn, self.city, int(rng.integers(1 << 30)), pool=a["cgnat"])
        return net.v4(asn, self.city, h64(self.household, "v4", int(t // (5 * DAY))))


def default_langs(rng, cc):
    opts = COUNTRY_LANGS.get(cc, ["en-US"])
    first = opts[0] if rng.random() < 0.75 else opts[rng.integers(len(opts))]
    langs = [first]
    if rng.random() < 0.35 and len(opts) > 1:
        other = opts[rng.integers(len(opts))]
        if other != first:
            langs.append(other)
    if not first.startswith("en") and rng.random() < 0.3:
        langs.append("en-US")
    return langs


def chrome_major(rng, lag=0):
    m = pick(rng, C.CHROME_MAJORS)
    if lag and rng.random() < 0.5:
        m -= int(rng.integers(1, lag + 1))
    return m


def default_client(rng, market, langs, tz, key, ios_share, desk_share):
    r = rng.random()
    if r < desk_share:
        return desktop_client(rng, langs, tz, key, mac_share=.3 if market == "west" else .08)
    if rng.random() < ios_share:
        model = pick(rng, [("iphone11", .12), ("iphone13", .2), ("iphone14", .18), ("iphone15", .2),
                           ("iphone16pro", .12), ("iphone15promax", .1), ("iphonese", .08)])
        fam = pick(rng, [("safari", .82), ("crios", .12), ("gsa", .06)])
        sv = pick(rng, C.SAFARI_VERSIONS)
        if C.IPHONES[model][1] < 26 and float(sv) >= 26:
            sv = "18.6"
        return C.iphone(model, fam, sv, langs, tz)
    phone = pick(rng, PHONE_MIX[market])
    fam = "chrome"
    if C.PHONES[phone][0] == "samsung" and rng.random() < 0.25:
        fam = "samsung"
    elif rng.random() < 0.02:
        fam = "firefox"
    if fam == "samsung":
        major = pick(rng, [(c, w) for _, c, w in C.SAMSUNG_VERSIONS])
    elif fam == "firefox":
        major = pick(rng, C.FIREFOX_MAJORS)
    else:
        major = chrome_major(rng, lag=3 if market != "west" else 0)
    return C.android(phone, fam, major, langs, tz)


def desktop_client(rng, langs, tz, key, mac_share=.2, os=None, family=None, canvas=None):
    os = os or ("mac" if rng.random() < mac_share else pick(rng, [("windows", .9), ("linux", .04),
                                                                 ("cros", .06)]))
    if family is None:
        family = {"windows": [("chrome", .7), ("edge", .18), ("firefox", .07), ("opera", .03),
                              ("brave", .02)],
                  "mac": [("chrome", .5), ("safari", .38), ("firefox", .07), ("brave", .05)],
                  "linux": [("chrome", .55), ("firefox", .45)], "cros": [("chrome", 1)]}[os]
        family = pick(rng, family)
    if family == "firefox":
        major = pick(rng, C.FIREFOX_MAJORS)
    elif family == "safari":
        major = pick(rng, [("26.4", .6), ("26.3", .25), ("18.6", .15)])
    else:
        major = chrome_major(rng)
    screen = pick(rng, C.DESKTOP_SCREENS[os])
    cores = int(pick(rng, [(4, .25), (8, .35), (12, .15), (16, .15), (6, .1)]) if os != "mac"
                else pick(rng, [(8, .5), (10, .25), (12, .25)]))
    mem = pick(rng, [(8, .8), (4, .2)]) if os != "cros" else 4
    if os == "cros":
        cores = 4
    return C.desktop(os, family, major, langs, tz, screen, cores, mem,
                     canvas or "desk|%x" % h64("canvas", key), touch=10 if rng.random() < 0.06 else 0)
