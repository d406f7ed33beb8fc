#!/usr/bin/env python3
"""Independent signup / login traffic generator (legit + fraud) with matching GeoLite2-style mmdbs.

usage: python gen.py --out DIR --seed N
"""
import argparse
import bisect
import collections
import datetime as dt
import hashlib
import ipaddress
import json
import math
import os
import random
import re
import sys
import unicodedata
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from world import (COUNTRIES, CONTINENTS, CITIES, NETWORKS, HOME_ISPS, MOBILE_NETS, LANGS, FAKER_LOCALE, ROMAN_NAMES,
                   GLOBAL_MAIL, LOCAL_MAIL, DISPOSABLE, RELAY_MAIL)

UTC = dt.timezone.utc
START = dt.datetime(2025, 5, 19, tzinfo=UTC)   # Monday
DAYS = 7
END = START + dt.timedelta(days=DAYS)

SEED = 1


def R(*names):
    """Independent deterministic RNG stream for a named component."""
    return random.Random("|".join(str(x) for x in (SEED,) + names))


def wpick(rng, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights)[0]


def lognorm(rng, median, sigma):
    return median * math.exp(rng.gauss(0, sigma))


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


# ======================================================================================
# Networks, address allocation and geo records
# ======================================================================================
class Net:
    def __init__(self, key, spec):
        kind, asn, org, cc, v4, v6, v6share, opts = spec
        self.key, self.kind, self.asn, self.org, self.cc = key, kind, asn, org, cc
        self.v6share = v6share
        self.country_level = opts.get("country_level", False)
        self.pool_size = opts.get("pool", 0)
        if "locs" in opts:
            self.locs = list(opts["locs"])
        else:
            self.locs = [k for k, v in CITIES.items() if k[0] == cc and v[3] > 0]
            self.locs.sort(key=lambda k: -CITIES[k][3])
        self.prefixes4 = [ipaddress.ip_network(p) for p in v4]
        self.prefixes6 = [ipaddress.ip_network(p) for p in v6]
        self.blocks4 = collections.defaultdict(list)   # loc -> [network]
        self.blocks6 = collections.defaultdict(list)
        self.allblocks = []                            # (network, loc)
        for i, p in enumerate(self.prefixes4):
            self._split(p, 24, i, self.blocks4)
        for i, p in enumerate(self.prefixes6):
            self._split(p, 48, i, self.blocks6)

    def _split(self, prefix, maxlen, rot, store):
        n = len(self.locs)
        if n == 0:
            return
        k = 1
        while k < max(n, 1) * 2 and prefix.prefixlen + int(math.log2(k * 2)) <= maxlen and k < 64:
            k *= 2
        newlen = prefix.prefixlen + int(math.log2(k))
        for j, sub in enumerate(prefix.subnets(new_prefix=newlen)):
            loc = self.locs[(j + rot) % n]
            store[loc].append(sub)
            self.allblocks.append((sub, loc))

    def block_for(self, rng, loc, v6=False, exact=0.8):
        store = self.blocks6 if v6 else self.blocks4
        if loc in store and rng.random() < exact:
            return rng.choice(store[loc])
        locs = list(store.keys())
        # prefer same-country blocks when falling back
        same = [l for l in locs if loc and l[0] == loc[0]]
        pick = rng.choice(same or locs)
        return rng.choice(store[pick])


class World:
    def __init__(self):
        self.nets = {k: Net(k, v) for k, v in NETWORKS.items()}
        self._pools = {}
        self.used = set()
        self._check_overlaps()

    def _check_overlaps(self):
        allp = []
        for n in self.nets.values():
            for p in n.prefixes4 + n.prefixes6:
                allp.append((p, n.key))
        allp.sort(key=lambda x: (x[0].version, int(x[0].network_address)))
        for (a, ka), (b, kb) in zip(allp, allp[1:]):
            if a.version == b.version and a.overlaps(b):
                raise SystemExit(f"overlapping prefixes {a} ({ka}) / {b} ({kb})")
        for p, k in allp:
            if p.version == 4 and (p.is_private or p.is_reserved or p.is_loopback or p.is_multicast):
                raise SystemExit(f"non-public prefix {p} ({k})")

    def net(self, key):
        return self.nets[key]

    # ---- address helpers
    def ip4(self, rng, net, loc, exact=0.8):
        b = net.block_for(rng, loc, False, exact)
        while True:
            a = int(b.network_address) + rng.randrange(1, b.num_addresses - 1)
            if a & 0xFF not in (0, 255):
                break
        s = str(ipaddress.IPv4Address(a))
        self.used.add(s)
        return s

    def prefix64(self, rng, net, loc, exact=0.8):
        b = net.block_for(rng, loc, True, exact)
        sub = rng.getrandbits(64 - b.prefixlen) if b.prefixlen < 64 else 0
        return int(b.network_address) + (sub << 64)

    def ip6(self, rng, p64, iid=None):
        a = p64 + (iid if iid is not None else rng.getrandbits(64) | 1)
        s = ipaddress.IPv6Address(a).compressed
        self.used.add(s)
        return s

    def pool(self, net, loc, name="", size=None):
        size = size or net.pool_size or 16
        if net.kind == "mob":
            size = max(20, size // 2)
        key = (net.key, loc, name, size)
        if key not in self._pools:
            prng = R("pool", net.key, loc, name)
            self._pools[key] = [self.ip4(prng, net, loc, exact=1.0) for _ in range(size)]
        return self._pools[key]

    def pool_ip(self, rng, net, loc, name="", size=None, zipf=False):
        p = self.pool(net, loc, name, size)
        if zipf:   # popular servers / NAT addresses get more traffic
            return p[min(len(p) - 1, int(len(p) ** rng.random()) - 1)]
        ip = rng.choice(p)
        return ip

    # ---- geo records
    def city_record(self, net, loc):
        cc = loc[0]
        cname, cont, cgid, clat, clon = COUNTRIES[cc][:5]
        contgid, contname = CONTINENTS[cont]
        country = {"geoname_id": cgid, "iso_code": cc, "names": {"en": cname}}
        if cont == "EU" and cc in ("DE", "FR", "ES", "IT", "NL", "PL", "SE", "IE", "FI"):
            country["is_in_european_union"] = True
        rec = {"continent": {"code": cont, "geoname_id": contgid, "names": {"en": contname}},
               "country": country, "registered_country": dict(country)}
        if net.kind in ("host", "vpn", "corp", "tor", "relay") and net.cc is None:
            pass
        tz, lat, lon, _, gid = CITIES[loc]
        multi_tz = len({v[0] for k, v in CITIES.items() if k[0] == cc}) > 1
        if net.country_level:
            rec["location"] = {"accuracy_radius": 1000, "latitude": clat, "longitude": clon}
            if not multi_tz:
                rec["location"]["time_zone"] = tz
        else:
            city = {"names": {"en": loc[1]}}
            if gid:
                city["geoname_id"] = gid
            rec["city"] = city
            radius = {"res": 20, "mob": 100, "edu": 10, "biz": 50}.get(net.kind, 500 if net.kind == "relay" else 200)
            rec["location"] = {"accuracy_radius": radius, "latitude": lat, "longitude": lon, "time_zone": tz}
        return rec

    def write_mmdbs(self, outdir):
        from mmdb_writer import MMDBWriter, MmdbU32, MmdbU16
        from netaddr import IPSet

        def u32(d):
            if isinstance(d, dict):
                return {k: (MmdbU32(v) if k in ("geoname_id", "autonomous_system_number") else
                            MmdbU16(v) if k == "accuracy_radius" else u32(v)) for k, v in d.items()}
            return d

        class Writer(MMDBWriter):      # pinned build_epoch: byte-identical output for a seed
            def _build_meta(self):
                m = super()._build_meta()
                m["build_epoch"] = int(START.timestamp()) - 3 * 86400
                return m

        asn = Writer(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN", languages=["en"],
                         description={"en": "GeoLite2 ASN database (independent synthetic build)"})
        city = Writer(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City", languages=["en"],
                          description={"en": "GeoLite2 City database (independent synthetic build)"})
        for n in self.nets.values():
            rec = u32({"autonomous_system_number": n.asn, "autonomous_system_organization": n.org})
            for p in n.prefixes4 + n.prefixes6:
                asn.insert_network(IPSet([str(p)]), rec)
            for sub, loc in n.allblocks:
                city.insert_network(IPSet([str(sub)]), u32(self.city_record(n, loc)))
        asn.to_db_file(os.path.join(outdir, "GeoLite2-ASN.mmdb"))
        city.to_db_file(os.path.join(outdir, "GeoLite2-City.mmdb"))


class Conn:
    """A network attachment: how a person's requests reach us."""

    def __init__(self, world, kind, net, loc, rng, **kw):
        self.w, self.kind, self.net, self.loc = world, kind, net, loc
        self.kw = kw
        if kind == "home":
            self.ip4 = world.ip4(rng, net, loc)
            self.v6 = net.prefixes6 and rng.random() < net.v6share and not kw.get("v4only")
            if self.v6:
                self.p64 = world.prefix64(rng, net, loc)
        elif kind == "hosting":        # a VPS of one's own (self-hosted VPN, bots)
            self.ip4 = world.ip4(rng, net, loc, exact=1.0)

    def ip(self, rng, t=None):
        w = self.w
        if self.kind == "home":
            if self.v6:   # privacy extension address rotates daily within the household /64
                day = int((t - START).total_seconds() // 86400) if t else 0
                iid = random.Random(f"{self.p64}-{day}").getrandbits(64) | 1
                return w.ip6(rng, self.p64, iid)
            return self.ip4
        if self.kind == "mobile":     # CGNAT pool (v4) or a fresh /64 per attach (v6)
            if self.net.prefixes6 and rng.random() < self.net.v6share and not self.kw.get("v4only"):
                return w.ip6(rng, w.prefix64(rng, self.net, self.loc))
            return w.pool_ip(rng, self.net, self.loc)
        if self.kind == "pool":
            return w.pool_ip(rng, self.net, self.loc, self.kw.get("name", ""), self.kw.get("size"), self.kw.get("zipf", False))
        if self.kind == "relay":
            if self.net.prefixes6 and rng.random() < self.net.v6share:
                return w.ip6(rng, w.prefix64(rng, self.net, self.loc, exact=1.0))
            return w.pool_ip(rng, self.net, self.loc)
        if self.kind == "fixed":
            w.used.add(self.kw["ip"])
            return self.kw["ip"]
        if self.kind == "hosting":
            return self.ip4
        raise ValueError(self.kind)


# ======================================================================================
# Browsers / devices
# ======================================================================================
GREASE_CHARS = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
GREASE_VER = ["8", "99", "24"]
ORDERS3 = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]


def sec_ch_ua(major, brand=None, brand_ver=None):
    """Chromium's GREASEd brand list (as in components/embedder_support/user_agent_utils)."""
    g = ("Not" + GREASE_CHARS[major % 11] + "A" + GREASE_CHARS[(major + 1) % 11] + "Brand", GREASE_VER[major % 3])
    lst = [g, ("Chromium", str(major))]
    if brand:
        lst.append((brand, str(brand_ver or major)))
        out = [None] * 3
        for i, o in enumerate(ORDERS3[major % 6]):
            out[o] = lst[i]
    else:
        out = lst if major % 2 == 0 else lst[::-1]
    return ", ".join(f'"{b}";v="{v}"' for b, v in out)


def load_uas():
    import fake_useragent
    path = os.path.join(os.path.dirname(fake_useragent.__file__), "data", "browsers.jsonl")
    fams = collections.defaultdict(list)
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            fam = family_of(r)
            if fam:
                fams[fam].append((r["useragent"], r["percent"] + 1e-4))
    out = {}
    for k, v in fams.items():
        v.sort()
        out[k] = (tuple(x[0] for x in v), list(itertools_accumulate([x[1] for x in v])))
    return out


def itertools_accumulate(xs):
    s = 0
    for x in xs:
        s += x
        yield s


def chrome_major(ua):
    m = re.search(r"Chrome/(\d+)", ua)
    return int(m.group(1)) if m else None


def family_of(r):
    b, os_, t, ua = r["browser"], r["os"], r["type"], r["useragent"]
    cm = chrome_major(ua)
    if os_ == "iOS":
        m = re.search(r"OS (\d+)_", ua)
        if not m or int(m.group(1)) < 16:
            return None
        if "iPad" in ua:
            return "ipad"
        if t != "mobile":
            return None
        if b == "Mobile Safari" and "Version/" in ua:
            return "ios_safari"
        if "CriOS" in ua:
            return "ios_chrome"
        if "GSA/" in ua:
            return "ios_gsa"
        return None
    if os_ == "Android":
        if "; wv)" in ua or cm is None or cm < 110:
            return None
        if t == "tablet":
            return "android_tablet"
        if b == "Chrome Mobile":
            return "android_chrome"
        if b == "Samsung Internet":
            return "android_samsung"
        return None
    if b == "Firefox":
        m = re.search(r"Firefox/(\d+)", ua)
        if not m or int(m.group(1)) < 115:
            return None
        return {"Windows": "win_firefox", "Mac OS X": "mac_firefox", "Linux": "linux_firefox", "Ubuntu": "linux_firefox"}.get(os_)
    if cm is None or cm < 110:
        return "mac_safari" if (b == "Safari" and os_ == "Mac OS X") else None
    if os_ == "Windows":
        return {"Chrome": "win_chrome", "Edge": "win_edge", "Opera": "win_opera"}.get(b)
    if os_ == "Mac OS X":
        return {"Chrome": "mac_chrome", "Edge": "mac_edge"}.get(b)
    if os_ == "Linux" and b == "Chrome":
        return "linux_chrome"
    if os_ == "Chrome OS":
        return "cros"
    return None


UAS = None


def pick_ua(rng, fam):
    uas, cum = UAS[fam]
    return uas[bisect.bisect_left(cum, rng.random() * cum[-1])]


SCREENS = {
    "iphone": [((390, 844), 22), ((393, 852), 20), ((430, 932), 12), ((375, 812), 6), ((414, 896), 9), ((375, 667), 9),
               ((428, 926), 8), ((402, 874), 6), ((440, 956), 5), ((320, 568), .5)],
    "android": [((412, 915), 22), ((360, 800), 20), ((384, 854), 8), ((393, 873), 10), ((412, 892), 8), ((360, 780), 7),
                ((393, 851), 7), ((412, 869), 5), ((384, 832), 4), ((360, 640), 3), ((411, 914), 4), ((385, 854), 2)],
    "win": [((1920, 1080), 36), ((1536, 864), 15), ((1366, 768), 10), ((2560, 1440), 9), ((1280, 720), 4), ((1440, 900), 4),
            ((1600, 900), 4), ((1280, 1024), 2), ((1680, 1050), 2), ((3840, 2160), 3), ((1920, 1200), 5), ((1280, 800), 3),
            ((2048, 1152), 1), ((1707, 1067), 1), ((2560, 1080), 1)],
    "mac": [((1440, 900), 18), ((1512, 982), 20), ((1728, 1117), 10), ((1470, 956), 15), ((1920, 1080), 10), ((2560, 1440), 10),
            ((1680, 1050), 5), ((1280, 800), 5), ((1800, 1169), 3), ((3440, 1440), 2), ((2056, 1329), 2)],
    "linux": [((1920, 1080), 60), ((2560, 1440), 15), ((1366, 768), 10), ((1600, 900), 5), ((3840, 2160), 5), ((1920, 1200), 5)],
    "cros": [((1366, 768), 45), ((1536, 864), 20), ((1280, 800), 15), ((1920, 1080), 15), ((1200, 800), 5)],
    "ipad": [((810, 1080), 30), ((820, 1180), 30), ((834, 1194), 15), ((1024, 1366), 15), ((768, 1024), 10)],
    "atab": [((800, 1280), 40), ((1280, 800), 30), ((962, 601), 15), ((753, 1205), 15)],
}
SCREEN_CUM = {k: ([x[0] for x in v], list(itertools_accumulate([x[1] for x in v]))) for k, v in SCREENS.items()}


def pick_screen(rng, kind):
    vals, cum = SCREEN_CUM[kind]
    return vals[bisect.bisect_left(cum, rng.random() * cum[-1])]


def accept_language(langs, engine):
    if not langs:
        return "en-US,en;q=0.9"
    if engine == "safari":
        l0 = langs[0]
        return f"{l0},{l0.split('-')[0]};q=0.9" if "-" in l0 else l0
    if engine == "gecko":
        n = len(langs)
        parts = [langs[0]]
        for i, l in enumerate(langs[1:], 1):
            q = max(0.1, round(1 - i / n, 1))
            parts.append(f"{l};q={q}")
        return ",".join(parts)
    parts = [langs[0]]
    q = 0.9
    for l in langs[1:]:
        parts.append(f"{l};q={q:.1f}")
        q = max(0.1, q - 0.1)
    return ",".join(parts)


class Device:
    """Browser on a device. headers()/probe() give what the portal sees."""
    __slots__ = ("ua", "fam", "engine", "platform", "screen", "hw", "dm", "touch", "tz", "langs", "canvas", "brand",
                 "brand_ver", "ch_major", "ch_platform", "ch_mobile", "webdriver", "collector", "ch_override",
                 "al_override", "fp_override", "extra")

    def __init__(self):
        self.ch_override = None
        self.al_override = None
        self.fp_override = None
        self.webdriver = False
        self.collector = True
        self.brand = None
        self.brand_ver = None
        self.ch_major = None
        self.ch_mobile = False
        self.ch_platform = None
        self.extra = {}

    @property
    def fingerprint(self):
        if self.fp_override:
            return self.fp_override
        payload = json.dumps([self.fam, self.platform, self.screen, self.tz, self.langs, self.hw, self.dm, self.touch,
                              self.canvas], ensure_ascii=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:32]

    def headers(self):
        h = {"user-agent": self.ua}
        al = self.al_override if self.al_override is not None else accept_language(self.langs, self.engine)
        if al:
            h["accept-language"] = al
        if self.ch_override is not None:
            h.update(self.ch_override)
        elif self.ch_major:
            h["sec-ch-ua"] = sec_ch_ua(self.ch_major, self.brand, self.brand_ver)
            h["sec-ch-ua-mobile"] = "?1" if self.ch_mobile else "?0"
            h["sec-ch-ua-platform"] = f'"{self.ch_platform}"'
        return h

    def probe(self):
        if not self.collector:
            return None
        d = {"fingerprint": self.fingerprint, "timezone": self.tz, "languages": list(self.langs),
             "screen": f"{self.screen[0]}x{self.screen[1]}x{self.screen[2]}", "platform": self.platform,
             "hardware_concurrency": self.hw}
        if self.dm is not None:
            d["device_memory"] = self.dm
        d["touch_points"] = self.touch
        d["webdriver"] = self.webdriver
        return d


def zipf_id(rng, n, prefix):
    return f"{prefix}{int(n ** rng.random())}"


def make_device(rng, fam, tz, langs, ua=None):
    d = Device()
    d.fam = fam
    d.tz = tz
    d.ua = ua or pick_ua(rng, fam)
    ua = d.ua
    d.ch_major = None
    if fam in ("ios_safari", "ios_chrome", "ios_gsa"):
        d.engine = "safari"
        d.platform = "iPhone"
        w, h = pick_screen(rng, "iphone")
        d.screen = (w, h, 24)
        d.hw = 4 if rng.random() < .6 else 6
        d.dm = None
        d.touch = 5
        m = re.search(r"OS (\d+)_", ua)
        d.canvas = f"ios{m.group(1) if m else 17}-{rng.choice('abc')}"
    elif fam == "ipad":
        d.engine = "safari"
        d.platform = "iPad" if "iPad" in ua else "MacIntel"
        w, h = pick_screen(rng, "ipad")
        d.screen = (w, h, 24)
        d.hw, d.dm, d.touch = rng.choice([4, 6, 8]), None, 5
        d.canvas = f"ipad-{rng.choice('abcd')}"
    elif fam in ("android_chrome", "android_samsung", "android_tablet"):
        d.engine = "blink"
        d.platform = "Linux armv81" if rng.random() < .72 else "Linux aarch64"
        w, h = pick_screen(rng, "atab" if fam == "android_tablet" else "android")
        d.screen = (w, h, 24)
        d.hw = wpick(rng, [(8, 80), (4, 8), (6, 6), (2, 1), (10, 1)])
        d.dm = wpick(rng, [(8, 50), (4, 35), (2, 12), (1, 3)])
        d.touch = 5 if rng.random() < .8 else 10
        d.canvas = zipf_id(rng, 1500, "and-")
        d.ch_major = chrome_major(ua)
        d.ch_mobile = fam != "android_tablet"
        d.ch_platform = "Android"
        if fam == "android_samsung":
            m = re.search(r"SamsungBrowser/(\d+)", ua)
            d.brand, d.brand_ver = "Samsung Internet", (m.group(1) + ".0") if m else None
        else:
            d.brand = "Google Chrome"
    elif fam.startswith("win_"):
        d.platform = "Win32"
        w, h = pick_screen(rng, "win")
        d.screen = (w, h, 24)
        d.hw = wpick(rng, [(4, 18), (8, 30), (12, 15), (16, 20), (6, 6), (20, 5), (24, 3), (2, 3)])
        d.touch = 10 if rng.random() < .12 else 0
        d.canvas = zipf_id(rng, 4000, "win-")
        if fam == "win_firefox":
            d.engine, d.dm = "gecko", None
        else:
            d.engine = "blink"
            d.dm = wpick(rng, [(8, 80), (4, 17), (2, 3)])
            d.ch_major = chrome_major(ua)
            d.ch_mobile, d.ch_platform = False, "Windows"
            if fam == "win_edge":
                m = re.search(r"Edg/(\d+)", ua)
                d.brand, d.brand_ver = "Microsoft Edge", m.group(1) if m else None
            elif fam == "win_opera":
                m = re.search(r"OPR/(\d+)", ua)
                d.brand, d.brand_ver = "Opera", m.group(1) if m else None
            elif rng.random() < .025:
                d.brand = "Brave"
            else:
                d.brand = "Google Chrome"
    elif fam.startswith("mac_"):
        d.platform = "MacIntel"
        w, h = pick_screen(rng, "mac")
        builtin = (w, h) in ((1512, 982), (1728, 1117), (1470, 956), (1440, 900), (1280, 800), (1800, 1169), (2056, 1329))
        d.screen = (w, h, 30 if builtin and rng.random() < .8 else 24)
        chip = wpick(rng, [("m1", 30), ("m2", 25), ("m3", 15), ("m4", 8), ("uhd630", 12), ("iris", 8), ("amd", 2)])
        d.touch = 0
        if fam == "mac_safari":
            d.engine, d.hw, d.dm = "safari", 8, None
            d.canvas = f"mac-{chip}-wk"
        elif fam == "mac_firefox":
            d.engine, d.dm = "gecko", None
            d.hw = rng.choice([8, 8, 10, 12])
            d.canvas = f"mac-{chip}-ff"
        else:
            d.engine = "blink"
            d.hw = wpick(rng, [(8, 50), (10, 15), (12, 15), (11, 5), (14, 5), (16, 10)])
            d.dm = 8
            d.canvas = f"mac-{chip}-bl-{rng.randrange(6)}"
            d.ch_major = chrome_major(ua)
            d.ch_mobile, d.ch_platform = False, "macOS"
            if fam == "mac_edge":
                m = re.search(r"Edg/(\d+)", ua)
                d.brand, d.brand_ver = "Microsoft Edge", m.group(1) if m else None
            else:
                d.brand = "Brave" if rng.random() < .03 else "Google Chrome"
    elif fam in ("linux_chrome", "linux_firefox", "cros"):
        d.platform = "Linux x86_64"
        w, h = pick_screen(rng, "cros" if fam == "cros" else "linux")
        d.screen = (w, h, 24)
        d.hw = wpick(rng, [(4, 20), (8, 35), (12, 15), (16, 20), (2, 5), (32, 5)])
        d.touch = 10 if fam == "cros" and rng.random() < .3 else 0
        d.canvas = zipf_id(rng, 300, "lin-")
        if fam == "linux_firefox":
            d.engine, d.dm = "gecko", None
        else:
            d.engine = "blink"
            d.dm = 8 if rng.random() < .8 else 4
            d.ch_major = chrome_major(ua)
            d.ch_mobile = False
            d.ch_platform = "Chrome OS" if fam == "cros" else "Linux"
            d.brand = "Google Chrome"
    else:
        raise ValueError(fam)
    if d.brand == "Brave":   # Brave farbling: randomised hardwareConcurrency, per-site canvas noise
        d.hw = rng.randrange(2, max(3, d.hw + 1))
        d.canvas = f"brave-{rng.getrandbits(40)}"
    if d.engine == "safari":
        d.langs = [langs[0]]
    elif d.engine == "gecko":
        d.langs = [langs[0].split("-")[0]] + [l for l in langs[1:] if l != langs[0].split("-")[0]] \
            if not langs[0].startswith("en") else list(langs)
    else:
        d.langs = list(langs)
    # collector blocked by content blockers / NoScript
    p_block = {"gecko": .08}.get(d.engine, .015)
    if d.brand == "Brave":
        p_block = .05
    if rng.random() < p_block:
        d.collector = False
    return d


def device_family(rng, cc, kind):
    """kind: 'desktop', 'phone' or 'any'"""
    meta = COUNTRIES[cc]
    desktop, ios = meta[6], meta[7]
    if kind == "any":
        r = rng.random()
        if r < desktop:
            kind = "desktop"
        elif r < desktop + 0.035:
            return "ipad" if rng.random() < .7 else "android_tablet"
        else:
            kind = "phone"
    if kind == "phone":
        if rng.random() < ios:
            return wpick(rng, [("ios_safari", 82), ("ios_chrome", 14), ("ios_gsa", 4)])
        return wpick(rng, [("android_chrome", 85), ("android_samsung", 15 if cc not in ("JP", "IN", "ID") else 8)])
    mac = {"US": .28, "GB": .25, "JP": .22, "CA": .25, "AU": .27, "SE": .22, "CH": .25, "NL": .22, "DE": .17, "FR": .17,
           "SG": .25, "KR": .1, "IE": .22}.get(cc, .08)
    r = rng.random()
    if r < mac:
        return wpick(rng, [("mac_chrome", 50), ("mac_safari", 38), ("mac_firefox", 6), ("mac_edge", 6)])
    if r < mac + .035:
        return "linux_firefox" if rng.random() < .5 else "linux_chrome"
    if r < mac + .05 and cc in ("US", "GB", "CA", "AU"):
        return "cros"
    return wpick(rng, [("win_chrome", 70), ("win_edge", 17), ("win_firefox", 9), ("win_opera", 4 if cc in ("PL", "UA", "RU", "BR", "NG", "BD", "PK") else 1)])


def is_mobile_fam(fam):
    return fam.startswith("ios") or fam.startswith("android") or fam == "ipad"


# ======================================================================================
# Identities
# ======================================================================================
_fakers = {}


def faker_for(locale):
    if locale not in _fakers:
        from faker import Faker
        f = Faker(locale)
        f.seed_instance(f"{SEED}-{locale}")
        _fakers[locale] = f
    return _fakers[locale]


CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
                "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "ye", "yi", "g"]))
SPECIAL = {"ł": "l", "ı": "i", "ß": "ss", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"}


def asciify(s):
    s = s.lower()
    s = "".join(CYR.get(c, SPECIAL.get(c, c)) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if "a" <= c <= "z")


def person_name(rng, cc):
    if cc in ROMAN_NAMES:
        firsts, lasts = ROMAN_NAMES[cc]
        return rng.choice(firsts), rng.choice(lasts)
    f = faker_for(FAKER_LOCALE[cc])
    if cc == "JP":
        return asciify(f.first_romanized_name()), asciify(f.last_romanized_name())
    first = f.first_name().split()[0]
    last = f.last_name().split()[-1]
    a, b = asciify(first), asciify(last)
    if not a or not b:
        e = faker_for("en_US")
        return asciify(e.first_name()), asciify(e.last_name())
    return a, b


WORDS = None


def handle_word(rng):
    global WORDS
    if WORDS is None:
        f = faker_for("en_US")
        WORDS = sorted({asciify(w) for w in f.words(nb=800, unique=False)} |
                       {"pixel", "coder", "ninja", "wolf", "shadow", "sunny", "lucky", "blue", "dragon", "dev", "gamer",
                        "nova", "storm", "tiger", "panda", "ghost", "byte", "hawk", "lunar", "fox", "river", "echo", "neo"})
        WORDS = [w for w in WORDS if len(w) >= 3]
    return rng.choice(WORDS)


def local_part(rng, first, last, style_w=None):
    yy = rng.randint(1965, 2007)
    pats = style_w or [
        ("{f}.{l}", 18), ("{f}{l}", 14), ("{f}{l}{y2}", 9), ("{f}.{l}{n2}", 7), ("{f}_{l}", 4), ("{fi}{l}", 7),
        ("{f}{y4}", 7), ("{f}{l}{n3}", 5), ("{l}.{f}", 3), ("{w}{n2}", 6), ("{w}{w2}", 5), ("{f}.{l}.{n1}", 2),
        ("{f}{li}", 3), ("{f}_{w}", 3), ("{f}{n4}", 3), ("{l}{f}", 2), ("{f}.{li}", 2)]
    p = wpick(rng, pats)
    s = p.format(f=first, l=last, fi=first[0], li=last[0], y2=f"{yy % 100:02d}", y4=yy, n1=rng.randint(1, 9),
                 n2=rng.randint(10, 99), n3=rng.randint(100, 999), n4=rng.randint(1000, 9999), w=handle_word(rng),
                 w2=handle_word(rng))
    return s


def pick_domain(rng, cc, apple=False):
    pairs = list(GLOBAL_MAIL) + LOCAL_MAIL.get(cc, [])
    if apple:
        pairs = pairs + [("icloud.com", 14), ("me.com", 1)]
    return wpick(rng, pairs)


class Registry:
    def __init__(self):
        self.emails = set()
        self.usernames = set()
        self.accounts = set()

    def account(self, rng):
        while True:
            a = "u-" + "%012x" % rng.getrandbits(48)
            if a not in self.accounts:
                self.accounts.add(a)
                return a

    def email(self, e):
        if e.lower() in self.emails:
            return False
        self.emails.add(e.lower())
        return True

    def username(self, rng, base):
        base = re.sub(r"[^a-z0-9._-]", "", base.lower())[:24] or "user"
        u = base
        while u in self.usernames:
            u = base + str(rng.randint(1, 9999))
        self.usernames.add(u)
        return u


REG = Registry()


def legit_identity(rng, cc, apple=False, domain=None, name=None):
    first, last = name or person_name(rng, cc)
    for _ in range(50):
        r = rng.random()
        dom = domain or pick_domain(rng, cc, apple)
        lp = local_part(rng, first, last)
        if domain is None and r < 0.012:
            dom = rng.choice(DISPOSABLE)
        elif domain is None and r < 0.03:
            dom = rng.choice(RELAY_MAIL)
            if dom == "mozmail.com":
                lp = "%08x" % rng.getrandbits(32)
            elif dom == "duck.com":
                lp = f"{handle_word(rng)}.{handle_word(rng)}{rng.randint(1, 99)}"
            elif dom == "privaterelay.appleid.com":
                lp = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
            else:
                lp = f"{handle_word(rng)}.{handle_word(rng)}{rng.randint(100, 999)}"
        elif apple and domain is None and r < 0.045:   # iCloud "Hide My Email"
            dom = "icloud.com"
            lp = f"{handle_word(rng)}.{handle_word(rng)}.{rng.randint(0, 9)}{rng.choice('abcdefghjk')}"
        elif r < 0.055 and dom in ("gmail.com", "proton.me", "fastmail.com", "outlook.com", "icloud.com"):
            lp = lp + "+" + rng.choice(["signup", "news", "apps", "tools", "work", "dev", "saas", "trial", "2025", "acct"])
        email = f"{lp}@{dom}"
        if rng.random() < 0.015:     # typed with capitals by autocorrect / habit
            email = email[0].upper() + email[1:]
        if REG.email(email):
            break
    r = rng.random()
    if r < 0.45:
        ub = lp.split("+")[0]
    elif r < 0.7:
        ub = wpick(rng, [(f"{first}{last}", 3), (f"{first}_{last}", 2), (f"{first}{last[0]}", 1), (f"{first}.{last}", 1)])
    else:
        ub = wpick(rng, [(f"{handle_word(rng)}{first}", 1), (f"{first}{rng.randint(1, 999)}", 2),
                         (f"{handle_word(rng)}_{handle_word(rng)}", 2), (f"the{handle_word(rng)}{rng.randint(1, 99)}", 1)])
    return {"first": first, "last": last, "email": email, "username": REG.username(rng, ub)}


# ======================================================================================
# Time
# ======================================================================================
HOUR_W = [1.6, 1.0, .6, .4, .3, .4, .8, 1.6, 2.6, 3.4, 4.0, 4.3, 4.4, 4.4, 4.3, 4.3, 4.3, 4.5, 4.8, 5.2, 5.5, 5.4, 4.5, 3.0]
WORK_W = [.05, .02, .02, .02, .02, .05, .2, .8, 2.5, 4.5, 5, 5, 3.5, 4.5, 5, 4.8, 4, 2.8, 1.2, .6, .4, .3, .2, .1]
HOUR_CUM = list(itertools_accumulate(HOUR_W))
WORK_CUM = list(itertools_accumulate(WORK_W))
_zi = {}


def zone(tz):
    if tz not in _zi:
        _zi[tz] = ZoneInfo(tz)
    return _zi[tz]


def local_time(rng, tz, work=False, day_range=(-1, DAYS + 1), after=None, weekend_factor=None):
    z = zone(tz)
    cum = WORK_CUM if work else HOUR_CUM
    for _ in range(1000):
        d = rng.randrange(*day_range)
        date = START.date() + dt.timedelta(days=d)
        wd = date.weekday()
        if work:
            dw = 1.0 if wd < 5 else .06
        else:
            dw = weekend_factor if weekend_factor is not None else (1.0 if wd < 5 else (.82 if wd == 5 else .9))
        if rng.random() > dw:
            continue
        h = bisect.bisect_left(cum, rng.random() * cum[-1])
        local = dt.datetime(date.year, date.month, date.day, h, rng.randrange(60), rng.randrange(60),
                            rng.randrange(1000) * 1000, tzinfo=z)
        u = local.astimezone(UTC)
        if START <= u < END and (after is None or u > after):
            return u
    return None


def local_hour(t, tz):
    return t.astimezone(zone(tz)).hour


def iso(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


# ======================================================================================
# Events
# ======================================================================================
EVENTS = []
EVR = None


def emit(kind, t, ip, label, campaign, account=None, email=None, username=None, success=None, device=None,
         headers=None, form=None):
    if t is None or not (START <= t < END):
        return None
    e = {"event_id": "e-" + "%016x" % EVR.getrandbits(64), "kind": kind, "occurred_at": iso(t), "ip": ip}
    if account:
        e["account"] = account
    if email:
        e["email"] = email
    if username:
        e["username"] = username
    if kind == "login":
        e["success"] = bool(success)
    if headers is None and device is not None:
        headers = device.headers()
    if headers:
        e["headers"] = headers
    if device is not None:
        p = device.probe()
        if p:
            e["device"] = p
    if form is not None:
        e["form"] = form
    e["label"] = label
    e["campaign"] = campaign
    EVENTS.append((t, e))
    return e


def human_signup_fill(rng, mobile, pwmgr):
    if pwmgr:
        ms = lognorm(rng, 4200 if mobile else 3300, 0.45)
    else:
        ms = lognorm(rng, 36000 if mobile else 27000, 0.55)
    if rng.random() < .035:            # form left open in a tab
        ms += rng.uniform(120000, 3600000)
    return int(clamp(ms, 900, 7200000))


def human_login_fill(rng, mobile, pwmgr):
    ms = lognorm(rng, 2600, .5) if pwmgr else lognorm(rng, 11000 if mobile else 9000, .6)
    if rng.random() < .02:
        ms += rng.uniform(60000, 1800000)
    return int(clamp(ms, 500, 3600000))


class User:
    __slots__ = ("account", "ident", "cc", "city", "tz", "devices", "conns", "segment", "created", "pwmgr", "label")


USERS = []


def make_person(rng, world, cc, city=None, fam=None, kind="any", langs=None, tz=None):
    city = city or wpick(rng, [((k[1]), v[3]) for k, v in CITIES.items() if k[0] == cc and v[3] > 0])
    tz = tz or CITIES[(cc, city)][0]
    langs = langs or wpick(rng, LANGS[cc])
    fam = fam or device_family(rng, cc, kind)
    dev = make_device(rng, fam, tz, langs)
    return city, tz, langs, dev


def home_conn(rng, world, cc, city):
    net = world.net(wpick(rng, HOME_ISPS[cc]))
    return Conn(world, "home", net, (cc, city), rng)


def mobile_conn(rng, world, cc, city):
    net = world.net(wpick(rng, MOBILE_NETS[cc]))
    return Conn(world, "mobile", net, (cc, city), rng)


def signup_event(rng, t, conn, dev, ident, account, label, campaign, pwmgr=False, fill=None, honeypot=""):
    mobile = is_mobile_fam(dev.fam)
    fill = fill if fill is not None else human_signup_fill(rng, mobile, pwmgr)
    # browser autofill occasionally fills a hidden honeypot field
    if label == "legit" and pwmgr and rng.random() < .004:
        honeypot = rng.choice([ident["email"], ident["first"].title(), "https://"])
    return emit("signup", t, conn.ip(rng, t), label, campaign, account=account, email=ident["email"],
                username=ident["username"], device=dev, form={"fill_ms": fill, "honeypot": honeypot})


def register_user(rng, world, seg, cc, city, tz, dev, conn, t, pwmgr, ident=None, extra_conns=None, emit_signup=True):
    u = User()
    u.account = REG.account(rng)
    apple = dev.fam.startswith("ios") or dev.fam in ("mac_safari", "ipad")
    u.ident = ident or legit_identity(rng, cc, apple=apple)
    u.cc, u.city, u.tz, u.devices, u.conns = cc, city, tz, [dev], [conn] + (extra_conns or [])
    u.segment, u.created, u.pwmgr, u.label = seg, t, pwmgr, "legit"
    if emit_signup:
        if signup_event(rng, t, conn, dev, u.ident, u.account, "legit", seg, pwmgr) is None:
            return None
    USERS.append(u)
    return u


# ======================================================================================
# Legit segments
# ======================================================================================
def legit_countries():
    return [(cc, m[5]) for cc, m in COUNTRIES.items() if m[5] > 0]


def secondary_conn(rng, world, cc, city, primary):
    """the other place the person is usually online from (home <-> cellular)"""
    if primary.kind == "home":
        return mobile_conn(rng, world, cc, city)
    return home_conn(rng, world, cc, city)


def gen_regular(world, n, seg_time=None, campaign_override=None, country_pairs=None, name="regular"):
    rng = R("legit", name)
    cps = country_pairs or legit_countries()
    out = 0
    for i in range(n):
        cc = wpick(rng, cps)
        city, tz, langs, dev = make_person(rng, world, cc)
        mobile = is_mobile_fam(dev.fam) and dev.fam not in ("ipad", "android_tablet")
        cell = mobile and rng.random() < COUNTRIES[cc][8]
        conn = mobile_conn(rng, world, cc, city) if cell else home_conn(rng, world, cc, city)
        seg = campaign_override or ("legit_mobile" if cell else "legit_home")
        t = seg_time(rng, tz) if seg_time else local_time(rng, tz)
        pwmgr = rng.random() < (.2 if not mobile else .13)
        extra = [secondary_conn(rng, world, cc, city, conn)] if rng.random() < .6 else []
        if register_user(rng, world, seg, cc, city, tz, dev, conn, t, pwmgr, extra_conns=extra):
            out += 1
    return out


def gen_press_spike(world, n):
    """A news article / launch-day post: burst of ordinary users, mostly anglophone + EU + IN."""
    t0 = START + dt.timedelta(days=3, hours=13, minutes=40)

    def when(rng, tz):
        return t0 + dt.timedelta(hours=min(rng.expovariate(1 / 4.0), 60) + rng.uniform(0, .3))
    cps = [("US", 45), ("GB", 10), ("CA", 6), ("DE", 6), ("IN", 10), ("AU", 4), ("NL", 3), ("FR", 3), ("BR", 3), ("SE", 2),
           ("IE", 1), ("SG", 2), ("PL", 2), ("ES", 2)]
    return gen_regular(world, n, seg_time=when, campaign_override="legit_press_spike", country_pairs=cps, name="spike")


COMPANY_TLD = {"US": ".com", "GB": ".co.uk", "DE": ".de", "FR": ".fr", "NL": ".nl", "IN": ".com", "JP": ".co.jp",
               "CA": ".ca", "AU": ".com.au", "BR": ".com.br", "ES": ".es", "IT": ".it", "SG": ".com.sg", "MX": ".com.mx"}


def gen_corporate(world, n):
    rng = R("legit", "corp")
    companies = []
    for k in range(45):
        cc = wpick(rng, [("US", 40), ("GB", 10), ("DE", 9), ("FR", 5), ("NL", 4), ("IN", 10), ("JP", 4), ("CA", 5),
                         ("AU", 4), ("BR", 3), ("ES", 2), ("IT", 2), ("SG", 2)])
        f = faker_for(FAKER_LOCALE[cc] if cc not in ("JP",) else "en_US")
        cname = re.sub(r"[^a-z]", "", asciify(f.company().split()[0].split(",")[0]))[:14] or "acme"
        suffix = rng.choice(["", "", "group", "tech", "corp", "labs", "global", "systems"])
        domain = cname + suffix + COMPANY_TLD.get(cc, ".com")
        egress = wpick(rng, [("zscaler", 38), ("office", 42), ("vdi", 12), ("cisco", 3), ("officev6", 5)])
        offices = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            city = wpick(rng, [(k2[1], v[3]) for k2, v in CITIES.items() if k2[0] == cc and v[3] >= 1] or
                         [(k2[1], v[3]) for k2, v in CITIES.items() if k2[0] == cc and v[3] > 0])
            loc = (cc, city)
            if egress == "zscaler":
                zs = world.net("zscaler")
                zl = min(zs.locs, key=lambda l: (l[0] != cc, abs(CITIES[l][1] - CITIES[loc][1]) + abs(CITIES[l][2] - CITIES[loc][2])))
                conn = Conn(world, "pool", zs, zl, rng, name="zs", size=30, zipf=True)
            elif egress == "vdi":
                net = world.net(rng.choice(["aws", "azure"]))
                vl = min(net.locs, key=lambda l: (l[0] != cc, abs(CITIES[l][1] - CITIES[loc][1]) + abs(CITIES[l][2] - CITIES[loc][2])))
                conn = Conn(world, "pool", net, vl, rng, name=domain, size=rng.choice([2, 4, 6]))
            elif egress == "cisco":
                cs = world.net("cisco")
                conn = Conn(world, "pool", cs, rng.choice(cs.locs), rng, name=domain, size=4)
            else:
                biz = [b for b in ("lumen", "cogent", "zayo", "colt", "tata_biz") if
                       loc in world.net(b).blocks4 or (world.net(b).cc == cc)]
                if not biz:
                    netkey = wpick(rng, HOME_ISPS[cc])
                else:
                    netkey = rng.choice(biz)
                conn = Conn(world, "pool", world.net(netkey), loc, rng, name=domain + city, size=rng.choice([1, 2, 4]))
            offices.append((cc, city, conn))
        fleet = rng.random() < .35     # identical managed laptops
        fleet_fam = "win_chrome" if rng.random() < .55 else ("win_edge" if rng.random() < .6 else "mac_chrome")
        fleet_dev = make_device(R("fleet", k), fleet_fam, CITIES[offices[0][:2]][0], wpick(rng, LANGS[cc]))
        fleet_dev.collector = True
        companies.append((cc, domain, offices, fleet, fleet_dev, rng.random() * 4 + .5))
    out = 0
    for i in range(n):
        cc, domain, offices, fleet, fleet_dev, _ = wpick(rng, [(c, c[5]) for c in companies])
        occ, city, conn = rng.choice(offices)
        tz = CITIES[(occ, city)][0]
        langs = wpick(rng, LANGS[occ])
        if fleet and rng.random() < .8:
            dev = make_device(rng, fleet_dev.fam, tz, fleet_dev.langs, ua=fleet_dev.ua)
            dev.screen, dev.hw, dev.dm, dev.canvas, dev.platform = fleet_dev.screen, fleet_dev.hw, fleet_dev.dm, fleet_dev.canvas, fleet_dev.platform
            dev.brand, dev.brand_ver, dev.collector = fleet_dev.brand, fleet_dev.brand_ver, True
            dev.langs = fleet_dev.langs
        else:
            fam = wpick(rng, [("win_chrome", 45), ("win_edge", 30), ("mac_chrome", 12), ("mac_safari", 8), ("win_firefox", 5)])
            dev = make_device(rng, fam, tz, langs)
        name = person_name(rng, occ)
        ident = legit_identity(rng, occ, domain=domain, name=name) if rng.random() < .5 else legit_identity(rng, occ, name=name)
        t = local_time(rng, tz, work=True)
        pw = rng.random() < .3
        home = home_conn(rng, world, occ, city)
        if register_user(rng, world, "legit_corporate", occ, city, tz, dev, conn, t, pw, ident=ident, extra_conns=[home]):
            out += 1
    return out


def vpn_conn(rng, world, exit_cc, provider=None):
    provider = provider or wpick(rng, [("m247", 30), ("datacamp", 30), ("packethub", 20), ("mullvad", 8), ("proton", 12)])
    net = world.net(provider)
    locs = [l for l in net.locs if l[0] == exit_cc] or net.locs
    loc = rng.choice(locs)
    return Conn(world, "pool", net, loc, rng, name="vpn", zipf=True)


def gen_vpn_users(world, n):
    rng = R("legit", "vpn")
    cps = [("US", 35), ("GB", 10), ("DE", 10), ("CA", 5), ("AU", 4), ("FR", 4), ("NL", 3), ("IN", 8), ("TR", 4),
           ("SE", 3), ("CH", 2), ("BR", 3), ("ES", 2), ("IT", 2), ("PL", 2), ("EG", 2), ("PK", 1)]
    out = 0
    for i in range(n):
        cc = wpick(rng, cps)
        r = rng.random()
        if r < .05:     # Tor Browser users
            city, tz, langs, dev = make_person(rng, world, cc, fam="win_firefox")
            dev.ua = "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0"
            dev.tz, dev.langs, dev.screen, dev.hw = "UTC", ["en-US", "en"], (1400, 900, 24), 2
            dev.canvas, dev.platform = "rfp", "Win32"
            dev.al_override = "en-US,en;q=0.5"
            dev.collector = rng.random() < .5     # "Safest" level disables JS
            net = world.net(wpick(rng, [("tor_sef", 50), ("tor_eo", 25), ("tor_ft", 25)]))
            conn = Conn(world, "pool", net, net.locs[0], rng, name="exit", zipf=False)
        elif r < .10:   # Mullvad Browser / resistFingerprinting Firefox over Mullvad
            city, tz, langs, dev = make_person(rng, world, cc, fam="win_firefox" if rng.random() < .7 else "linux_firefox")
            dev.tz, dev.langs, dev.hw, dev.canvas = "UTC", ["en-US", "en"], 2, "rfp"
            dev.screen = (1400, 900, 24)
            dev.al_override = "en-US,en;q=0.5"
            conn = vpn_conn(rng, world, "SE", "mullvad")
        else:
            city, tz, langs, dev = make_person(rng, world, cc)
            exit_cc = cc if rng.random() < .55 else wpick(rng, [("US", 40), ("NL", 15), ("GB", 15), ("CH", 8), ("SE", 7),
                                                                 ("DE", 10), ("SG", 5)])
            conn = vpn_conn(rng, world, exit_cc)
        t = local_time(rng, tz)
        home = home_conn(rng, world, cc, city)
        u = register_user(rng, world, "legit_vpn", cc, city, tz, dev, conn, t, rng.random() < .35, extra_conns=[conn, home])
        out += u is not None
    return out


RELAY_CCS = [("US", 45), ("GB", 10), ("CA", 7), ("AU", 6), ("DE", 6), ("JP", 8), ("FR", 4), ("NL", 3), ("SE", 2), ("CH", 2),
             ("IE", 1), ("SG", 2), ("ES", 2), ("IT", 2)]


def relay_conn(rng, world, cc, city):
    net = world.net("akamai_relay" if rng.random() < .6 else "cloudflare_relay")
    return Conn(world, "relay", net, (cc, city), rng)


def setup_relay_locs(world):
    # Apple's egress ranges geolocate to the user's region: give relays blocks in the big cities
    for key in ("akamai_relay", "cloudflare_relay"):
        n = world.net(key)
        locs = []
        for cc, _ in RELAY_CCS:
            cities = sorted([k for k, v in CITIES.items() if k[0] == cc and v[3] > 0], key=lambda k: -CITIES[k][3])
            locs += cities[:4]
        n.locs = locs
        n.blocks4.clear(), n.blocks6.clear(), n.allblocks.clear()
        for i, p in enumerate(n.prefixes4):
            n._split(p, 24, i, n.blocks4)
        for i, p in enumerate(n.prefixes6):
            n._split(p, 48, i, n.blocks6)


def gen_relay(world, n):
    rng = R("legit", "relay")
    out = 0
    for i in range(n):
        cc = wpick(rng, RELAY_CCS)
        fam = wpick(rng, [("ios_safari", 75), ("mac_safari", 18), ("ipad", 7)])
        city, tz, langs, dev = make_person(rng, world, cc, fam=fam)
        rcity = city if (cc, city) in world.net("akamai_relay").blocks4 else \
            sorted([k for k, v in CITIES.items() if k[0] == cc and v[3] > 0], key=lambda k: -CITIES[k][3])[0][1]
        conn = relay_conn(rng, world, cc, rcity)
        t = local_time(rng, tz)
        u = register_user(rng, world, "legit_private_relay", cc, city, tz, dev, conn, t, rng.random() < .4)
        out += u is not None
    return out


def gen_travellers(world, n):
    rng = R("legit", "travel")
    trips = [("US", [("GB", 20), ("FR", 12), ("IT", 12), ("ES", 10), ("MX", 20), ("JP", 10), ("CA", 10), ("DE", 6)]),
             ("GB", [("ES", 30), ("FR", 20), ("US", 20), ("IT", 10), ("NL", 5), ("IE", 10), ("PL", 5)]),
             ("DE", [("ES", 25), ("IT", 25), ("US", 15), ("FR", 10), ("NL", 10), ("CH", 10), ("TR", 5)]),
             ("IN", [("US", 30), ("GB", 25), ("SG", 25), ("DE", 10), ("AU", 10)]),
             ("FR", [("ES", 30), ("IT", 25), ("US", 20), ("GB", 15), ("CH", 10)]),
             ("NL", [("ES", 30), ("FR", 30), ("DE", 20), ("US", 20)]),
             ("BR", [("US", 40), ("AR", 20), ("ES", 20), ("FR", 20)]),
             ("JP", [("US", 40), ("KR", 30), ("SG", 10), ("FR", 20)]),
             ("CA", [("US", 70), ("MX", 20), ("FR", 10)]), ("AU", [("SG", 20), ("US", 30), ("GB", 30), ("JP", 20)]),
             ("KR", [("JP", 50), ("US", 30), ("VN", 20)]), ("SE", [("ES", 40), ("TR", 20), ("US", 20), ("DE", 20)])]
    out = 0
    for i in range(n):
        home_cc, dests = wpick(rng, [(tr, 1) for tr in trips])
        dest = wpick(rng, dests)
        dcity = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == dest and v[3] > 0])
        hcity = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == home_cc and v[3] > 0])
        fam = device_family(rng, home_cc, "any")
        laptop = not is_mobile_fam(fam)
        local_tz = CITIES[(dest, dcity)][0]
        home_tz = CITIES[(home_cc, hcity)][0]
        dev_tz = home_tz if (laptop and rng.random() < .3) else local_tz
        langs = wpick(rng, LANGS[home_cc])
        dev = make_device(rng, fam, dev_tz, langs)
        r = rng.random()
        if laptop or r < .55:     # hotel / cafe / airbnb wifi
            net = world.net(wpick(rng, HOME_ISPS[dest] + ([("cogent", 3)] if dest in ("US", "GB", "FR", "ES", "MX") else [])))
            conn = Conn(world, "pool", net, (dest, dcity), rng, name=f"hotel{rng.randrange(40)}", size=2)
        elif r < .85:               # roaming: data breaks out in the home network
            conn = mobile_conn(rng, world, home_cc, hcity)
        else:                       # local eSIM
            conn = mobile_conn(rng, world, dest, dcity)
        t = local_time(rng, local_tz)
        u = register_user(rng, world, "legit_traveller", home_cc, hcity, home_tz, dev, conn, t, rng.random() < .25,
                          extra_conns=[home_conn(rng, world, home_cc, hcity)])
        out += u is not None
    return out


def gen_classroom(world):
    """Two lab sessions: students sign up together behind the campus NAT, lab machines share one image."""
    rng = R("legit", "class")
    out = 0
    sessions = [
        # (cc, city, net, local start, n, lab family, uni mail domain, lab share)
        ("US", "Stanford", "stanford", dt.datetime(2025, 5, 20, 15, 5), 38, "mac_chrome", "stanford.edu", .55),
        ("DE", "Munich", "dfn", dt.datetime(2025, 5, 22, 10, 20), 46, "linux_firefox", "tum.de", .6),
        ("GB", "Manchester", "jisc", dt.datetime(2025, 5, 21, 14, 10), 27, "win_chrome", "student.manchester.ac.uk", .7),
    ]
    for cc, city, netkey, lstart, n, labfam, maild, labshare in sessions:
        net = world.net(netkey)
        tz = CITIES[(cc, city)][0] if (cc, city) in CITIES else "UTC"
        loc = (cc, city) if (cc, city) in net.blocks4 else net.locs[0]
        nat = Conn(world, "pool", net, loc, rng, name="labnat", size=1)
        eduroam = Conn(world, "pool", net, loc, rng, name="eduroam", size=3)
        langs = LANGS[cc][0][0]
        lab = make_device(rng, labfam, tz, langs)
        lab.collector = True
        t0 = lstart.replace(tzinfo=zone(tz)).astimezone(UTC)
        for i in range(n):
            t = t0 + dt.timedelta(seconds=abs(rng.gauss(420, 360)) + rng.uniform(0, 60))
            if rng.random() < labshare:
                dev = make_device(rng, labfam, tz, langs, ua=lab.ua)
                dev.screen, dev.hw, dev.dm, dev.canvas, dev.touch, dev.brand = lab.screen, lab.hw, lab.dm, lab.canvas, lab.touch, lab.brand
                dev.langs, dev.collector, dev.platform = lab.langs, True, lab.platform
                conn = nat
            else:
                dev = make_device(rng, device_family(rng, cc, "any"), tz, wpick(rng, LANGS[cc]))
                conn = eduroam
            name = person_name(rng, cc)
            if rng.random() < .7:
                if maild == "stanford.edu":
                    lp = rng.choice([f"{name[0]}{name[1]}"[:8], f"{name[0][0]}{name[1]}"[:8], f"{name[0]}.{name[1]}"])
                else:
                    lp = f"{name[0]}.{name[1]}"
                email = f"{lp}@{maild}"
                if not REG.email(email):
                    email = f"{lp}{rng.randint(1, 99)}@{maild}"
                    REG.email(email)
                ident = {"first": name[0], "last": name[1], "email": email,
                         "username": REG.username(rng, rng.choice([lp.replace(".", ""), name[0] + name[1][0], lp]))}
            else:
                ident = legit_identity(rng, cc, name=name)
            u = register_user(rng, world, "legit_classroom", cc, city, tz, dev, conn, t, False, ident=ident,
                              extra_conns=[home_conn(rng, world, cc, wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == cc and v[3] > 0]))])
            out += u is not None
    return out


def gen_conference(world, n):
    """Developer conference in Las Vegas: a speaker shows the product, attendees sign up on venue wifi."""
    rng = R("legit", "conf")
    venue = Conn(world, "pool", world.net("zayo"), ("US", "Las Vegas"), rng, name="venue", size=4)
    t0 = dt.datetime(2025, 5, 21, 10, 35, tzinfo=zone("America/Los_Angeles")).astimezone(UTC)
    out = 0
    for i in range(n):
        home_cc = wpick(rng, [("US", 60), ("CA", 6), ("GB", 6), ("DE", 5), ("IN", 8), ("JP", 3), ("BR", 3), ("MX", 3),
                              ("FR", 2), ("NL", 2), ("AU", 2)])
        hcity = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == home_cc and v[3] > 0])
        fam = device_family(rng, home_cc, "phone" if rng.random() < .68 else "desktop")
        home_tz = CITIES[(home_cc, hcity)][0]
        tz = "America/Los_Angeles" if (is_mobile_fam(fam) or rng.random() < .6) else home_tz
        dev = make_device(rng, fam, tz, wpick(rng, LANGS[home_cc]))
        if is_mobile_fam(fam) and rng.random() < .25:
            conn = mobile_conn(rng, world, home_cc, hcity)   # on cellular / roaming instead of the wifi
        else:
            conn = venue
        t = t0 + dt.timedelta(minutes=rng.expovariate(1 / 22.0)) if rng.random() < .85 else \
            t0 + dt.timedelta(hours=rng.uniform(1, 30))
        u = register_user(rng, world, "legit_conference", home_cc, hcity, home_tz, dev, conn, t, rng.random() < .2,
                          extra_conns=[home_conn(rng, world, home_cc, hcity)])
        out += u is not None
    return out


def gen_existing_users(world, n):
    """Accounts created before the window (no signup event) who come back and log in."""
    rng = R("legit", "existing")
    for i in range(n):
        cc = wpick(rng, legit_countries())
        city, tz, langs, dev = make_person(rng, world, cc)
        mobile = is_mobile_fam(dev.fam) and dev.fam not in ("ipad", "android_tablet")
        cell = mobile and rng.random() < COUNTRIES[cc][8]
        r = rng.random()
        if r < .03:
            conn = vpn_conn(rng, world, cc if rng.random() < .5 else "US")
        elif r < .07 and cc in dict(RELAY_CCS) and dev.fam in ("ios_safari", "mac_safari"):
            conn = relay_conn(rng, world, cc, city if (cc, city) in world.net("akamai_relay").blocks4 else
                              sorted([k for k, v in CITIES.items() if k[0] == cc and v[3] > 0], key=lambda k: -CITIES[k][3])[0][1])
        else:
            conn = mobile_conn(rng, world, cc, city) if cell else home_conn(rng, world, cc, city)
        extra = [secondary_conn(rng, world, cc, city, conn)] if rng.random() < .6 else []
        t_created = START - dt.timedelta(days=rng.uniform(3, 900))
        u = register_user(rng, world, "legit_returning", cc, city, tz, dev, conn, t_created, rng.random() < .25,
                          extra_conns=extra, emit_signup=False)
        if u and rng.random() < .15:   # second device (laptop + phone)
            u.devices.append(make_device(rng, device_family(rng, cc, "any"), tz, langs))


def typo(rng, s):
    if len(s) < 3:
        return s + "x"
    i = rng.randrange(len(s) - 1)
    op = rng.random()
    if op < .4:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op < .7:
        return s[:i] + s[i + 1:]
    return s[:i] + rng.choice("asdfghjklqwertyuiop") + s[i:]


def gen_legit_logins(world):
    rng = R("legit", "logins")
    for u in list(USERS):
        if u.label != "legit":
            continue
        if u.segment == "legit_returning":
            lam = rng.choice([.3, .6, 1.0, 1.5, 2.5, 4, 7])
        else:
            lam = rng.choice([0, 0, 0, .3, .6, 1, 1.5, 3])
        k = poisson(rng, lam)
        for _ in range(k):
            after = u.created + dt.timedelta(hours=rng.uniform(.5, 30)) if u.created > START else None
            t = local_time(rng, u.tz, after=after)
            if t is None:
                continue
            dev = rng.choice(u.devices)
            conn = u.conns[0] if rng.random() < .7 or len(u.conns) == 1 else rng.choice(u.conns[1:])
            if u.segment == "legit_classroom" and t - u.created > dt.timedelta(hours=3):
                conn = u.conns[-1]
            if u.segment == "legit_conference" and t - u.created > dt.timedelta(hours=10):
                conn = u.conns[-1]
                dev.tz = u.tz if not is_mobile_fam(dev.fam) else dev.tz
            login_session(rng, u, t, dev, conn)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p < L:
            return k
        k += 1


def login_session(rng, u, t, dev, conn, label="legit", campaign=None):
    campaign = campaign or u.segment
    mobile = is_mobile_fam(dev.fam)
    by_email = rng.random() < .8
    ip = conn.ip(rng, t)
    r = rng.random()
    if r < .055:        # wrong password first
        for _ in range(1 if rng.random() < .75 else 2):
            emit("login", t, ip, label, campaign, account=u.account, email=u.ident["email"] if by_email else None,
                 username=None if by_email else u.ident["username"], success=False, device=dev,
                 form={"fill_ms": human_login_fill(rng, mobile, False), "honeypot": ""})
            t = t + dt.timedelta(seconds=rng.uniform(4, 40))
    elif r < .075:      # typo in the identifier: no such account
        emit("login", t, ip, label, campaign, email=typo(rng, u.ident["email"]) if by_email else None,
             username=None if by_email else typo(rng, u.ident["username"]), success=False, device=dev,
             form={"fill_ms": human_login_fill(rng, mobile, False), "honeypot": ""})
        t = t + dt.timedelta(seconds=rng.uniform(5, 45))
    elif r < .085:      # forgot the password: gives up (goes to reset flow)
        for _ in range(rng.randint(1, 3)):
            emit("login", t, ip, label, campaign, account=u.account, email=u.ident["email"], success=False, device=dev,
                 form={"fill_ms": human_login_fill(rng, mobile, False), "honeypot": ""})
            t = t + dt.timedelta(seconds=rng.uniform(8, 60))
        return
    emit("login", t, ip, label, campaign, account=u.account, email=u.ident["email"] if by_email else None,
         username=None if by_email else u.ident["username"], success=True, device=dev,
         form={"fill_ms": human_login_fill(rng, mobile, u.pwmgr), "honeypot": ""})


# ======================================================================================
# Fraud tactics
# ======================================================================================
PROXY_EXIT = [("US", 58), ("GB", 8), ("CA", 6), ("DE", 5), ("FR", 3), ("AU", 3), ("BR", 5), ("IN", 5), ("MX", 2), ("NL", 2),
              ("ES", 1.5), ("IT", 1.5)]


def resi_proxy_exit(rng, world, cc=None, mobile_share=.1):
    """An exit node of a residential proxy network: someone's home router / phone (SDK-infected apps)."""
    cc = cc or wpick(rng, PROXY_EXIT)
    city = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == cc and v[3] > 0])
    if rng.random() < mobile_share:
        net = world.net(wpick(rng, MOBILE_NETS[cc]))
        return cc, city, world.pool_ip(rng, net, (cc, city))
    net = world.net(wpick(rng, HOME_ISPS[cc]))
    return cc, city, world.ip4(rng, net, (cc, city))


def fraud_identity(rng, cc, style, domains):
    first, last = person_name(rng, cc)
    for _ in range(50):
        if style == "bulk":
            lp = wpick(rng, [(f"{first}{last}{rng.randint(100, 9999)}", 45), (f"{first}.{last}{rng.randint(10, 999)}", 20),
                             (f"{first}{last[0]}{rng.randint(1000, 99999)}", 15), (f"{last}{first}{rng.randint(10, 99)}", 10),
                             (f"{first}_{last}{rng.randint(1, 99)}", 10)])
        elif style == "random":
            lp = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(8, 12)))
        else:   # natural
            lp = local_part(rng, first, last)
        email = f"{lp}@{wpick(rng, domains)}"
        if REG.email(email):
            break
    if style == "random":
        ub = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(6, 10))) + str(rng.randint(1, 999))
    elif style == "bulk":
        ub = wpick(rng, [(f"{first}{last}{rng.randint(1, 999)}", 3), (f"{first}_{last}", 1), (lp, 2)])
    else:
        ub = rng.choice([lp, f"{first}{last}", f"{first}_{handle_word(rng)}", f"{handle_word(rng)}{first}{rng.randint(1, 99)}"])
    return {"first": first, "last": last, "email": email, "username": REG.username(rng, ub)}


def fraud_user(rng, campaign, ident, cc, tz, dev, t):
    u = User()
    u.account = REG.account(rng)
    u.ident, u.cc, u.city, u.tz, u.devices, u.conns = ident, cc, None, tz, [dev], []
    u.segment, u.created, u.pwmgr, u.label = campaign, t, False, "fraud"
    return u


def gen_proxy_farm(world, target):
    """Account farm: stealth-patched headless Chromium on Linux servers behind a rotating residential proxy pool."""
    rng = R("fraud", "proxy_farm")
    runs = []
    n_runs = 7
    for k in range(n_runs):
        start = START + dt.timedelta(hours=rng.uniform(4, 24 * DAYS - 12))
        hours = rng.uniform(3, 10)
        runs.append((start, hours, k))
    runs.sort()
    weights = [rng.uniform(.6, 1.4) for _ in runs]
    total_w = sum(weights)
    made = []
    server_canvas = "swiftshader-" + str(rng.getrandbits(24))
    accts = []
    for (start, hours, k), w in zip(runs, weights):
        v2 = k >= 3          # after the first runs got blocked, the operator upgraded the kit
        n = int(target * w / total_w)
        rate = n / hours
        t = start
        base_major = 131 if not v2 else 134
        for i in range(n):
            t = t + dt.timedelta(seconds=rng.expovariate(rate / 3600.0))
            if t >= END:
                break
            cc, city, ip = resi_proxy_exit(rng, world, mobile_share=.08 if not v2 else .15)
            tz_exit = CITIES[(cc, city)][0]
            d = Device()
            d.fam = "win_chrome"
            ua_major = rng.choice([134, 135, 135, 136]) if v2 else rng.choice([131, 132])
            d.ua = f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{ua_major}.0.0.0 Safari/537.36"
            d.engine, d.platform, d.touch = "blink", "Win32", 0
            d.langs = ["en-US", "en"]
            if not v2:
                d.tz = "America/New_York"
                d.screen = wpick(rng, [((1920, 1080, 24), 70), ((1366, 768, 24), 20), ((1536, 864, 24), 10)])
                d.hw, d.dm = 4, wpick(rng, [(8, 1), (4, 1)])
                d.canvas = server_canvas
                d.ch_major = base_major
                # client hints not overridden: the bundled Chromium build on Linux shows through
                d.ch_override = {"sec-ch-ua": sec_ch_ua(base_major), "sec-ch-ua-mobile": "?0",
                                 "sec-ch-ua-platform": '"Linux"'} if rng.random() < .85 else {}
                fill = int(rng.uniform(1800, 4200))
                dom = [("gmail.com", 45), ("hotmail.com", 25), ("outlook.com", 25), ("yahoo.com", 5)]
                ident = fraud_identity(rng, "US", "bulk", dom)
            else:
                d.tz = tz_exit if cc != "US" or rng.random() < .7 else rng.choice(["America/New_York", "America/Chicago"])
                d.screen = (*pick_screen(rng, "win"), 24)
                d.hw, d.dm = rng.choice([4, 8, 8, 12, 16]), 8
                d.canvas = "noise-" + str(rng.getrandbits(40))      # canvas noise injection
                d.ch_major = ua_major
                d.brand = "Google Chrome"
                d.langs = ["en-US", "en"] if cc in ("US", "CA", "AU", "IN") or rng.random() < .7 else wpick(rng, LANGS[cc])
                fill = int(clamp(lognorm(rng, 14000, .4), 5000, 60000))
                dom = [("gmail.com", 55), ("outlook.com", 20), ("hotmail.com", 10), ("yahoo.com", 8), ("aol.com", 2),
                       ("mailbox-hub.net", 2.5), ("inboxpro.org", 2.5)]
                ident = fraud_identity(rng, cc if cc in ("US", "GB", "CA", "AU", "DE", "FR") else "US", "natural", dom)
            u = fraud_user(rng, "proxy_farm", ident, cc, d.tz, d, t)
            conn = Conn(world, "fixed", None, None, rng, ip=ip)
            e = signup_event(rng, t, conn, d, ident, u.account, "fraud", "proxy_farm", fill=fill)
            if e:
                made.append(e)
                accts.append(u)
    # a slice of the farm accounts is "warmed": logged in again later from another exit
    for u in accts:
        if rng.random() < .18:
            t = u.created + dt.timedelta(hours=rng.uniform(2, 72))
            cc, city, ip = resi_proxy_exit(rng, world)
            emit("login", t, ip, "fraud", "proxy_farm", account=u.account, email=u.ident["email"], success=True,
                 device=u.devices[0], form={"fill_ms": int(rng.uniform(900, 3000)), "honeypot": ""})
    return len(made)


def gen_dc_bots(world, target):
    """Crude scripted signups from cloud servers: API scripts, Selenium headless, HTTP form posts."""
    rng = R("fraud", "dc_bots")
    made = 0
    bursts = []
    remaining = target
    while remaining > 0:
        n = min(remaining, int(rng.uniform(15, 110)))
        bursts.append(n)
        remaining -= n
    variants = (["api", "selenium", "formpost"] * (len(bursts) // 3 + 1))[:len(bursts)]
    rng.shuffle(variants)
    for b, n in enumerate(bursts):
        variant = variants[b]
        provider = wpick(rng, [("digitalocean", 25), ("aws", 20), ("hetzner", 15), ("ovh", 12), ("vultr", 12), ("linode", 6),
                               ("contabo", 6), ("alibaba", 2), ("tencent", 2)])
        net = world.net(provider)
        loc = rng.choice(net.locs)
        nips = rng.choice([1, 1, 2, 3, 5, 12])
        conn = Conn(world, "pool", net, loc, rng, name=f"bot{b}", size=nips)
        v6 = net.prefixes6 and rng.random() < .15
        if v6:
            p64 = world.prefix64(rng, net, loc, exact=1.0)
        t = START + dt.timedelta(hours=rng.uniform(0, 24 * DAYS - 1))
        pace = rng.uniform(4, 40)   # seconds between signups
        disposable_share = rng.uniform(.4, 1.0)
        for i in range(n):
            t = t + dt.timedelta(seconds=max(.3, rng.gauss(pace, pace / 3)))
            dom = [(d, 1) for d in DISPOSABLE] if rng.random() < disposable_share else [("gmail.com", 5), ("outlook.com", 2),
                                                                                        ("yahoo.com", 1)]
            ident = fraud_identity(rng, "US", "random" if rng.random() < .5 else "bulk", dom)
            ip = world.ip6(rng, p64) if v6 else conn.ip(rng)
            acct = REG.account(rng)
            if variant == "api":
                h = {"user-agent": rng.choice(["python-requests/2.31.0", "python-requests/2.32.3", "Go-http-client/1.1",
                                               "axios/1.6.8", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
                                               "curl/8.5.0"])}
                if rng.random() < .3:
                    h = {"user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"}
                e = emit("signup", t, ip, "fraud", "dc_bots", account=acct, email=ident["email"], username=ident["username"],
                         headers=h)
            elif variant == "selenium":
                d = Device()
                major = rng.choice([122, 124, 126, 131])
                d.fam, d.engine, d.platform, d.touch = "linux_chrome", "blink", "Linux x86_64", 0
                headless = rng.random() < .6
                d.ua = (f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        f"{'HeadlessChrome' if headless else 'Chrome'}/{major}.0.0.0 Safari/537.36")
                d.tz, d.langs = "UTC" if rng.random() < .8 else "Etc/UTC", ["en-US"]
                d.screen = (800, 600, 24) if headless else (1920, 1080, 24)
                d.hw, d.dm, d.canvas = rng.choice([1, 2, 2, 4]), rng.choice([1, 2, 4]), "swiftshader-dc"
                d.webdriver = True
                d.ch_major = major
                d.brand = "HeadlessChrome" if headless else "Google Chrome"
                d.ch_platform, d.ch_mobile = "Linux", False
                hp = "" if rng.random() < .6 else rng.choice([ident["email"], ident["username"], "http://example.com", "1"])
                e = emit("signup", t, ip, "fraud", "dc_bots", account=acct, email=ident["email"], username=ident["username"],
                         device=d, form={"fill_ms": int(rng.uniform(250, 1500)), "honeypot": hp})
            else:
                ua = pick_ua(rng, wpick(rng, [("win_chrome", 60), ("mac_safari", 15), ("win_firefox", 15), ("android_chrome", 10)]))
                h = {"user-agent": ua, "accept-language": "en-US,en;q=0.9"}
                hp = "" if rng.random() < .5 else rng.choice([ident["username"], ident["email"], "yes"])
                e = emit("signup", t, ip, "fraud", "dc_bots", account=acct, email=ident["email"], username=ident["username"],
                         headers=h, form={"fill_ms": int(rng.uniform(90, 700)) if rng.random() < .7 else 3000 + rng.randrange(40),
                                          "honeypot": hp})
            made += e is not None
    return made


def gen_antidetect(world, target):
    """Low-and-slow: operators with anti-detect browser profiles (one per account), sticky residential proxies
    matched to the persona; work office hours in Vietnam."""
    rng = R("fraud", "antidetect")
    op_tz = "Asia/Ho_Chi_Minh"
    made = 0
    accts = []
    t_list = []
    while len(t_list) < target:
        t = local_time(rng, op_tz, work=True)
        if t and local_hour(t, op_tz) in range(8, 18) and t.astimezone(zone(op_tz)).weekday() < 6:
            t_list.append(t)
    for t in sorted(t_list):
        cc = wpick(rng, [("US", 60), ("GB", 15), ("CA", 10), ("AU", 10), ("DE", 5)])
        city = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == cc and v[3] > 0])
        tz = CITIES[(cc, city)][0]
        mobile_proxy = rng.random() < .25
        pnet = world.net(wpick(rng, MOBILE_NETS[cc] if mobile_proxy else HOME_ISPS[cc]))
        conn = Conn(world, "mobile" if mobile_proxy else "home", pnet, (cc, city), rng, v4only=True)
        ip = conn.ip(rng, t)
        sticky = Conn(world, "fixed", None, None, rng, ip=ip)
        mac = rng.random() < .25
        major = rng.choice([129, 130, 131, 132, 133])
        d = Device()
        d.fam = "mac_chrome" if mac else "win_chrome"
        d.engine = "blink"
        d.ua = (f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36"
                if mac else
                f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36")
        d.platform = "MacIntel" if mac else "Win32"
        d.tz = tz
        d.langs = ["en-US", "en"] if cc in ("US", "CA") else (["en-GB", "en"] if cc == "GB" else
                                                               (["en-AU", "en"] if cc == "AU" else ["de-DE", "de", "en"]))
        d.screen = (*pick_screen(rng, "mac" if mac else "win"), rng.choice([24, 24, 30]) if mac else 24)
        if rng.random() < .15:
            d.screen = rng.choice([(1600, 1200, 24), (1280, 960, 24), (2304, 1296, 24), (1360, 768, 24)])
        d.hw = rng.choice([2, 4, 6, 8, 12, 16, 20])
        d.dm = rng.choice([2, 4, 8, 8])
        d.touch = 0
        d.canvas = "ad-" + str(rng.getrandbits(40))
        d.ch_major, d.brand, d.ch_mobile, d.ch_platform = major, "Google Chrome", False, "macOS" if mac else "Windows"
        dom = [("gmail.com", 80), ("outlook.com", 10), ("yahoo.com", 6), ("icloud.com", 4)]
        ident = fraud_identity(rng, cc if cc != "DE" else "US", "natural", dom)
        u = fraud_user(rng, "antidetect_slow", ident, cc, tz, d, t)
        fill = int(clamp(lognorm(rng, 11000, .45), 4000, 90000))
        e = signup_event(rng, t, sticky, d, ident, u.account, "fraud", "antidetect_slow", fill=fill)
        if e:
            made += 1
            accts.append((u, conn, sticky))
    # aging: the same profile logs in a few times over the following days
    for u, conn, sticky in accts:
        for j in range(rng.choice([0, 1, 1, 2, 3])):
            t = u.created + dt.timedelta(hours=rng.uniform(6, 96))
            lt = t.astimezone(zone(op_tz))
            if lt.hour < 8 or lt.hour > 18:
                t = t + dt.timedelta(hours=(8 - lt.hour) % 24 + rng.uniform(0, 8))
            c = sticky if t - u.created < dt.timedelta(hours=20) else conn
            emit("login", t, c.ip(rng, t), "fraud", "antidetect_slow", account=u.account, email=u.ident["email"],
                 success=True, device=u.devices[0], form={"fill_ms": int(lognorm(rng, 3500, .4)), "honeypot": ""})
    return made


def gmail_variants(rng, base, n):
    out = []
    letters = list(base)
    tries = 0
    while len(out) < n and tries < 500:
        tries += 1
        r = rng.random()
        if r < .45:       # dot trick
            s = letters[0]
            for c in letters[1:]:
                s += ("." if rng.random() < .3 else "") + c
            v = s + "@gmail.com"
        elif r < .85:     # plus tag
            tag = rng.choice([str(rng.randint(1, 60)), f"free{rng.randint(1, 30)}", f"acc{rng.randint(1, 40)}",
                              f"test{rng.randint(1, 30)}", handle_word(rng), f"{rng.randint(1, 12)}{rng.choice('abcdefg')}"])
            v = f"{base}+{tag}@gmail.com"
        else:             # googlemail / mixed
            v = f"{base}@googlemail.com" if rng.random() < .5 else \
                ".".join([base[:rng.randint(2, len(base) - 2)], base[rng.randint(2, len(base) - 2):]]) + "+" + str(rng.randint(1, 99)) + "@gmail.com"
        if v.replace(".", "") != base + "@gmailcom" and REG.email(v):
            out.append(v)
    return out


def gen_alias_abuse(world, n_abusers):
    """Free-tier cycling: one person, many accounts via gmail dot/plus aliases, same laptop or phone."""
    rng = R("fraud", "alias")
    made = 0
    for a in range(n_abusers):
        cc = wpick(rng, [("IN", 25), ("US", 12), ("BR", 10), ("ID", 8), ("PK", 8), ("NG", 8), ("VN", 6), ("TR", 5), ("EG", 5),
                         ("PH", 5), ("BD", 4), ("MX", 4)])
        city, tz, langs, dev = make_person(rng, world, cc, kind="desktop" if rng.random() < .65 else "phone")
        dev.collector = True
        devs = [dev]
        if rng.random() < .3:
            devs.append(make_device(rng, "win_firefox" if dev.fam != "win_firefox" else "win_chrome", tz, langs))
        conns = [home_conn(rng, world, cc, city)]
        if rng.random() < .45:
            conns.append(mobile_conn(rng, world, cc, city))      # hotspot to get a fresh IP
        if rng.random() < .35:
            conns.append(vpn_conn(rng, world, rng.choice(["US", "NL", "GB", "DE"])))
        first, last = person_name(rng, cc)
        base = rng.choice([f"{first}{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first}{handle_word(rng)}",
                           f"{handle_word(rng)}{first}{rng.randint(10, 99)}"])
        base = base[:20]
        n_acc = rng.randint(6, 28)
        emails = gmail_variants(rng, base, n_acc)
        t = local_time(rng, tz, day_range=(0, 3))
        ubase = rng.choice([base, f"{first}_{last}", f"{first}{rng.randint(1, 99)}"])
        for i, em in enumerate(emails):
            if i and rng.random() < .3:    # credits used up: next batch a day or more later
                t = local_time(rng, tz, after=t + dt.timedelta(hours=18)) or t
            else:
                t = t + dt.timedelta(minutes=rng.uniform(2, 25))
            if t is None or t >= END:
                break
            d = rng.choice(devs) if len(devs) > 1 else devs[0]
            conn = conns[0] if rng.random() < .55 else rng.choice(conns)
            ident = {"first": first, "last": last, "email": em,
                     "username": REG.username(rng, ubase + (str(i + 1) if rng.random() < .6 else handle_word(rng)))}
            acct = REG.account(rng)
            fill = int(clamp(lognorm(rng, 5500, .4), 1500, 30000))
            e = signup_event(rng, t, conn, d, ident, acct, "fraud", "alias_abuse", fill=fill)
            made += e is not None
            if e and rng.random() < .25:
                lt = t + dt.timedelta(hours=rng.uniform(1, 30))
                emit("login", lt, conn.ip(rng, lt), "fraud", "alias_abuse", account=acct, email=em, success=True, device=d,
                     form={"fill_ms": int(lognorm(rng, 3000, .4)), "honeypot": ""})
    return made


def gen_sim_farm(world, target):
    """Phone farm in Indonesia: Android emulators (LDPlayer-like) + a rack of cheap phones on 4G modems;
    the modem is re-attached between accounts, giving a fresh carrier CGNAT address."""
    rng = R("fraud", "sim_farm")
    farm_tz = "Asia/Jakarta"
    carriers = [("telkomsel", 55), ("xl", 25), ("indosat", 20)]
    farm_city = ("ID", "Jakarta")
    devices = []
    for k in range(32):           # emulator instances
        d = Device()
        d.fam, d.engine = "android_chrome", "blink"
        major = rng.choice([112, 116, 120, 124, 126])
        wv = rng.random() < .4
        model = rng.choice(["SM-G9880", "SM-N976N", "ASUS_Z01QD", "SM-S9080", "V2183A", "PCRT00", "SM-G977N"])
        android = rng.choice(["9", "9", "12"])
        if wv:
            d.ua = (f"Mozilla/5.0 (Linux; Android {android}; {model} Build/PQ3A.190605.{rng.randint(10000000, 99999999)}; wv) "
                    f"AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/{major}.0.{rng.randint(5000, 6500)}.{rng.randint(10, 200)} Mobile Safari/537.36")
            d.brand = "Android WebView"
        else:
            d.ua = (f"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                    f"Chrome/{major}.0.0.0 Mobile Safari/537.36")
            d.brand = "Google Chrome"
        d.ch_major, d.ch_mobile, d.ch_platform = major, True, "Android"
        d.platform = rng.choice(["Linux x86_64", "Linux x86_64", "Linux i686", "Linux armv81"])
        d.screen = rng.choice([(360, 640, 24), (412, 732, 24), (360, 760, 24), (540, 960, 24)])
        d.hw, d.dm, d.touch = rng.choice([2, 4, 4, 8]), rng.choice([2, 4, 4]), rng.choice([1, 5, 10, 10])
        d.tz = wpick(rng, [(farm_tz, 45), ("Asia/Shanghai", 35), ("UTC", 10), ("America/Los_Angeles", 10)])
        d.langs = wpick(rng, [(["en-US"], 45), (["zh-CN", "zh"], 25), (["id-ID", "en-US"], 30)])
        d.canvas = "emu-" + rng.choice(["gles-a", "gles-b", "gles-c"])
        devices.append(("emu", d))
    for k in range(14):           # real phones in the rack: same cheap model
        d = make_device(rng, "android_chrome", farm_tz, ["id-ID", "id", "en-US", "en"])
        d.screen, d.hw, d.dm, d.platform, d.canvas = (393, 873, 24), 8, 4, "Linux armv81", "and-redmi-note"
        d.collector = True
        devices.append(("phone", d))
    made = 0
    t_list = []
    while len(t_list) < target:
        t = START + dt.timedelta(seconds=rng.uniform(0, DAYS * 86400))
        lh = local_hour(t, farm_tz)
        if 8 <= lh <= 23 or rng.random() < .25:
            t_list.append(t)
    accts = []
    for t in sorted(t_list):
        kind, d = rng.choice(devices)
        if kind == "emu" and rng.random() < .5:   # "new device" button: re-randomised model & some attributes
            d.canvas = "emu-" + rng.choice(["gles-a", "gles-b", "gles-c", "gles-d"])
            d.screen = rng.choice([(360, 640, 24), (412, 732, 24), (360, 760, 24), (540, 960, 24)])
        net = world.net(wpick(rng, carriers))
        conn = Conn(world, "mobile", net, farm_city, rng)
        cc_names = "ID" if rng.random() < .5 else rng.choice(["US", "PH", "IN"])
        dom = [("gmail.com", 85), ("yahoo.com", 8), ("outlook.com", 7)]
        ident = fraud_identity(rng, cc_names, "bulk", dom)
        u = fraud_user(rng, "sim_farm", ident, "ID", farm_tz, d, t)
        fill = int(rng.uniform(3500, 9500))
        e = signup_event(rng, t, conn, d, ident, u.account, "fraud", "sim_farm", fill=fill)
        if e:
            made += 1
            accts.append((u, conn))
    for u, conn in accts:
        if rng.random() < .22:
            t = u.created + dt.timedelta(hours=rng.uniform(1, 80))
            emit("login", t, conn.ip(rng, t), "fraud", "sim_farm", account=u.account, email=u.ident["email"], success=True,
                 device=u.devices[0], form={"fill_ms": int(rng.uniform(2500, 7000)), "honeypot": ""})
    return made


def gen_captcha_farm(world, target):
    """Human click-farm in Dhaka: paid workers create accounts by hand on a few office devices; accounts
    are sold, buyers log in later from their own locations."""
    rng = R("fraud", "captcha_farm")
    tz = "Asia/Dhaka"
    office = Conn(world, "pool", world.net("link3"), ("BD", "Dhaka"), rng, name="office", size=2)
    gp = Conn(world, "mobile", world.net("gp"), ("BD", "Dhaka"), rng)
    vpn_exits = [vpn_conn(rng, world, c, p) for c, p in (("US", "datacamp"), ("US", "m247"), ("GB", "datacamp"),
                                                       ("US", "packethub"), ("CA", "m247"))]
    devices = []
    for k in range(8):
        d = make_device(rng, "android_chrome", tz, ["en-US", "en"] if rng.random() < .7 else ["en-US", "bn-BD", "bn"])
        d.collector = True
        devices.append(d)
    for k in range(5):
        d = make_device(rng, "win_chrome", tz, ["en-US", "en"])
        d.collector = True
        devices.append(d)
    t_list = []
    while len(t_list) < target:
        t = local_time(rng, tz, work=False)
        if t and 10 <= local_hour(t, tz) <= 22 and t.astimezone(zone(tz)).weekday() != 4:
            t_list.append(t)
    made = 0
    accts = []
    for t in sorted(t_list):
        d = rng.choice(devices)
        r = rng.random()
        conn = office if r < .45 else (gp if r < .65 else rng.choice(vpn_exits))
        cc_names = "US" if rng.random() < .7 else rng.choice(["GB", "CA", "BD"])
        dom = [("gmail.com", 65), ("outlook.com", 18), ("yahoo.com", 10), ("hotmail.com", 7)]
        ident = fraud_identity(rng, cc_names, "bulk" if rng.random() < .6 else "natural", dom)
        u = fraud_user(rng, "captcha_farm", ident, "BD", tz, d, t)
        fill = int(clamp(lognorm(rng, 26000, .5), 7000, 240000))
        e = signup_event(rng, t, conn, d, ident, u.account, "fraud", "captcha_farm", fill=fill)
        if e:
            made += 1
            accts.append(u)
    # buyers log in
    for u in accts:
        if rng.random() < .3:
            t = u.created + dt.timedelta(hours=rng.uniform(12, 120))
            bcc = wpick(rng, [("US", 40), ("GB", 10), ("IN", 10), ("NG", 10), ("VN", 10), ("BR", 10), ("PK", 10)])
            bcity = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == bcc and v[3] > 0])
            _, btz, _, bdev = make_person(rng, world, bcc, city=bcity)
            conn = home_conn(rng, world, bcc, bcity) if rng.random() < .6 else vpn_conn(rng, world, "US")
            emit("login", t, conn.ip(rng, t), "fraud", "captcha_farm", account=u.account, email=u.ident["email"],
                 success=True, device=bdev, form={"fill_ms": int(lognorm(rng, 7000, .5)), "honeypot": ""})
    return made


def gen_geo_evasion(world, n_people):
    """People in a blocked region (RU/BY/IR) signing up through VPNs / own VPS; some try directly first."""
    rng = R("fraud", "geo")
    made = 0
    for i in range(n_people):
        cc = wpick(rng, [("RU", 70), ("BY", 10), ("IR", 20)])
        city = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == cc and v[3] > 0])
        tz = CITIES[(cc, city)][0]
        langs = wpick(rng, LANGS[cc])
        r = rng.random()
        if r < .22 and cc != "IR":
            d = make_device(rng, "win_chrome", tz, langs)
            m = rng.choice([(132, "25.2"), (130, "24.12"), (128, "24.10")])
            d.ua = f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m[0]}.0.0.0 YaBrowser/{m[1]}.0.0 Safari/537.36"
            d.ch_major, d.brand, d.brand_ver = m[0], "YaBrowser", m[1]
        else:
            d = make_device(rng, device_family(rng, cc, "any"), tz, langs)
        direct = home_conn(rng, world, cc, city) if rng.random() < .7 else mobile_conn(rng, world, cc, city)
        vr = rng.random()
        if vr < .45:
            conn = vpn_conn(rng, world, rng.choice(["NL", "DE", "FI", "SE", "GB", "US"]),
                            wpick(rng, [("stark", 25), ("aeza", 20), ("m247", 20), ("datacamp", 15), ("proton", 10), ("packethub", 10)]))
        elif vr < .75:     # own VPS with Outline / WireGuard / VLESS
            net = world.net(wpick(rng, [("hetzner", 35), ("digitalocean", 20), ("vultr", 15), ("aws", 10), ("contabo", 10), ("ovh", 10)]))
            loc = rng.choice([l for l in net.locs if l[0] in ("DE", "NL", "FI", "GB", "FR", "PL", "SE")] or net.locs)
            conn = Conn(world, "hosting", net, loc, rng)
        else:              # free / cheap VPN apps: huge shared exits
            conn = vpn_conn(rng, world, rng.choice(["US", "NL", "DE", "GB"]), wpick(rng, [("m247", 50), ("datacamp", 50)]))
        ident_cc = cc
        domains = [(d_, w) for d_, w in LOCAL_MAIL.get(cc, [])] + [("gmail.com", 35 if cc != "IR" else 70), ("proton.me", 3)]
        ident = fraud_identity(rng, ident_cc, "natural", domains)
        t = local_time(rng, tz)
        if t is None:
            continue
        acct = REG.account(rng)
        if rng.random() < .35:      # tries without the VPN first
            e = signup_event(rng, t, direct, d, ident, acct, "fraud", "geo_evasion", pwmgr=False)
            made += e is not None
            t = t + dt.timedelta(minutes=rng.uniform(1.5, 25))
            ident = fraud_identity(rng, ident_cc, "natural", [("gmail.com", 60), ("proton.me", 10), ("outlook.com", 20),
                                                                ("yandex.com", 10)])
            acct = REG.account(rng)
        e = signup_event(rng, t, conn, d, ident, acct, "fraud", "geo_evasion", pwmgr=rng.random() < .2)
        made += e is not None
        if e:
            u = fraud_user(rng, "geo_evasion", ident, cc, tz, d, t)
            for j in range(poisson(rng, 1.2)):
                lt = local_time(rng, tz, after=t + dt.timedelta(hours=1))
                if lt:
                    emit("login", lt, conn.ip(rng, lt), "fraud", "geo_evasion", account=acct, email=ident["email"],
                         success=True, device=d, form={"fill_ms": human_login_fill(rng, is_mobile_fam(d.fam), False),
                                                       "honeypot": ""})
    return made


def gen_cred_stuffing(world, n_attempts):
    """Combo-list credential stuffing (OpenBullet-style configs) against the login form, then account takeover."""
    rng = R("fraud", "stuffing")
    legit_users = [u for u in USERS if u.label == "legit" and u.created < START + dt.timedelta(days=2)]
    waves = [(START + dt.timedelta(days=1, hours=22, minutes=10), .35, "resi"),
             (START + dt.timedelta(days=4, hours=2, minutes=40), .45, "resi"),
             (START + dt.timedelta(days=5, hours=15, minutes=5), .20, "dc")]
    ua_list = [pick_ua(rng, f) for f in ["win_chrome"] * 6 + ["mac_safari", "win_firefox", "win_edge", "mac_chrome"]]
    hits = []
    for start, share, mode in waves:
        n = int(n_attempts * share)
        dur = rng.uniform(2.5, 6) * 3600
        if mode == "dc":
            net = world.net(rng.choice(["ovh", "hetzner", "vultr"]))
            dcconn = Conn(world, "pool", net, rng.choice(net.locs), rng, name="stuff", size=40)
        config_form = rng.random() < .6
        for i in range(n):
            t = start + dt.timedelta(seconds=rng.uniform(0, dur))
            if t >= END:
                continue
            if mode == "resi":
                cc, city, ip = resi_proxy_exit(rng, world, cc=wpick(rng, PROXY_EXIT + [("ID", 3), ("VN", 3), ("PH", 2)]),
                                               mobile_share=.2)
            else:
                ip = dcconn.ip(rng)
            if rng.random() < .09 and legit_users:
                u = rng.choice(legit_users)
                email, acct = u.ident["email"], u.account
                ok = rng.random() < .12     # password reused from another breach
            else:
                fcc = wpick(rng, [("US", 50), ("GB", 10), ("CA", 5), ("DE", 5), ("FR", 5), ("BR", 10), ("IN", 10), ("AU", 5)])
                first, last = person_name(rng, fcc)
                email = f"{local_part(rng, first, last)}@{pick_domain(rng, fcc)}"
                acct, ok = None, False
            h = {"user-agent": rng.choice(ua_list), "accept-language": "en-US,en;q=0.9"}
            if rng.random() < .1:
                h.pop("accept-language")
            form = {"fill_ms": int(rng.uniform(60, 650)), "honeypot": ""} if config_form else None
            emit("login", t, ip, "fraud", "cred_stuffing", account=acct, email=email, success=ok, headers=h, form=form)
            if ok and acct:
                hits.append((t, u))
    # account takeover: the buyer of the "hits" logs in with a real browser
    for t, u in hits:
        if rng.random() < .8:
            lt = t + dt.timedelta(hours=rng.uniform(.5, 40))
            bcc = wpick(rng, [("US", 30), ("NG", 15), ("VN", 10), ("BR", 10), ("ID", 10), ("GB", 10), ("RU", 15)])
            bcity = wpick(rng, [(k[1], v[3]) for k, v in CITIES.items() if k[0] == bcc and v[3] > 0])
            _, btz, _, bdev = make_person(rng, world, bcc, city=bcity, kind="desktop")
            conn = vpn_conn(rng, world, u.cc if rng.random() < .5 else "US") if rng.random() < .6 else \
                Conn(world, "fixed", None, None, rng, ip=resi_proxy_exit(rng, world, cc=u.cc if u.cc in dict(PROXY_EXIT) else "US")[2])
            emit("login", lt, conn.ip(rng, lt), "fraud", "cred_stuffing", account=u.account, email=u.ident["email"],
                 success=True, device=bdev, form={"fill_ms": int(lognorm(rng, 4000, .5)), "honeypot": ""})
    return len(hits)


# ======================================================================================
def main():
    global SEED, UAS, EVR
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply all volumes (for quick tests)")
    args = ap.parse_args()
    SEED = args.seed
    EVR = R("event-ids")
    os.makedirs(args.out, exist_ok=True)
    UAS = load_uas()
    world = World()
    setup_relay_locs(world)
    s = args.scale

    def S(x):
        return max(1, int(round(x * s)))

    rng = R("volumes")
    # ---- legit
    gen_regular(world, S(rng.uniform(13500, 14500)))
    gen_press_spike(world, S(rng.uniform(1000, 1300)))
    gen_corporate(world, S(rng.uniform(800, 1000)))
    gen_vpn_users(world, S(rng.uniform(450, 550)))
    gen_relay(world, S(rng.uniform(600, 750)))
    gen_travellers(world, S(rng.uniform(250, 330)))
    gen_classroom(world)
    gen_conference(world, S(rng.uniform(130, 180)))
    gen_existing_users(world, S(rng.uniform(8000, 9500)))
    gen_legit_logins(world)
    # ---- fraud
    gen_proxy_farm(world, S(rng.uniform(1900, 2300)))
    gen_dc_bots(world, S(rng.uniform(450, 600)))
    gen_antidetect(world, S(rng.uniform(220, 290)))
    gen_alias_abuse(world, S(rng.uniform(13, 17)))
    gen_sim_farm(world, S(rng.uniform(400, 500)))
    gen_captcha_farm(world, S(rng.uniform(300, 380)))
    gen_geo_evasion(world, S(rng.uniform(200, 260)))
    gen_cred_stuffing(world, S(rng.uniform(4500, 6000)))

    EVENTS.sort(key=lambda x: (x[0], x[1]["event_id"]))
    path = os.path.join(args.out, "events.jsonl")
    with open(path, "w") as f:
        for _, e in EVENTS:
            f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
    world.write_mmdbs(args.out)
    verify(args.out, world)
    summary()


def verify(outdir, world):
    import maxminddb
    ips = {e["ip"] for _, e in EVENTS}
    with maxminddb.open_database(os.path.join(outdir, "GeoLite2-ASN.mmdb")) as a, \
            maxminddb.open_database(os.path.join(outdir, "GeoLite2-City.mmdb")) as c:
        assert a.metadata().database_type == "GeoLite2-ASN" and c.metadata().database_type == "GeoLite2-City"
        missing = [ip for ip in ips if not a.get(ip) or not c.get(ip) or "country" not in c.get(ip)]
    if missing:
        raise SystemExit(f"{len(missing)} IPs without geo records, e.g. {missing[:5]}")
    print(f"verified: {len(ips)} distinct IPs resolve in both databases", file=sys.stderr)


def summary():
    c = collections.Counter((e["label"], e["campaign"], e["kind"]) for _, e in EVENTS)
    print(f"{'label':6} {'campaign':22} {'signup':>7} {'login':>7}")
    camps = sorted({(l, k) for l, k, _ in c})
    for l, k in camps:
        print(f"{l:6} {k:22} {c[(l, k, 'signup')]:7d} {c[(l, k, 'login')]:7d}")
    su = sum(v for (l, k, kind), v in c.items() if kind == "signup")
    fs = sum(v for (l, k, kind), v in c.items() if kind == "signup" and l == "fraud")
    lo = sum(v for (l, k, kind), v in c.items() if kind == "login")
    fl = sum(v for (l, k, kind), v in c.items() if kind == "login" and l == "fraud")
    print(f"signups {su}  fraud {fs} ({100 * fs / su:.1f}%)   logins {lo}  fraud {fl} ({100 * fl / max(lo, 1):.1f}%)   events {len(EVENTS)}")


if __name__ == "__main__":
    main()
