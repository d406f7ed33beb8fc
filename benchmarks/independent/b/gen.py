#!/usr/bin/env python3
"""Independent signup/login traffic generator for a developer / AI-API portal (indep2).

Usage: python gen.py --out DIR --seed N
Writes DIR/events.jsonl, DIR/GeoLite2-ASN.mmdb, DIR/GeoLite2-City.mmdb, DIR/summary.json
"""
import argparse
import bisect
import datetime as dt
import hashlib
import ipaddress
import json
import math
import os
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo  # noqa: E402

UTC = dt.timezone.utc
START = dt.datetime(2025, 5, 5, tzinfo=UTC)   # Monday
DAYS = 10
HOURS = DAYS * 24
END = START + dt.timedelta(days=DAYS)
SPIKE_H = 3 * 24 + 17        # Thu 17:00 UTC: new model + price cut announced on the portal's blog / HN

R = None       # random.Random
NP = None      # numpy Generator


# ----------------------------------------------------------------------------------- utilities
def wchoice(items, weights=None):
    if weights is None:
        items, weights = zip(*items)
    return R.choices(items, weights=weights, k=1)[0]


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0, sigma))


def h(*parts, n=32):
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


def rid(prefix, n=12):
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return prefix + "".join(R.choice(alphabet) for _ in range(n))


def ascii_clean(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    return "".join(c for c in s.lower() if c.isascii() and c.isalnum())


CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "ye", "yi", "g"]))


def translit(s):
    return "".join(CYR.get(c, c) for c in s.lower())


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def clamp_t(t):
    if t < START:
        return START + dt.timedelta(seconds=R.uniform(0, 600))
    return t


# ----------------------------------------------------------------------------------- geo / ip space
class Block:
    __slots__ = ("net", "cidr", "cc", "city", "v6", "tz", "idx")

    def __init__(self, net, cidr, cc, city, tz):
        self.net, self.cidr, self.cc, self.city, self.tz = net, cidr, cc, city, tz
        self.v6 = cidr.version == 6


BLOCKS = {}          # nid -> {'v4': [...], 'v6': [...]}
CITY_IDX = {}        # (nid, v6, cc, city) -> [blocks]
CC_IDX = {}          # (nid, v6, cc) -> [blocks]
CITYREC = {}         # (cc, city) -> city tuple


def city_tuple(cc, name):
    return CITYREC[(cc, name)]


def build_space():
    for cc, c in geo.C.items():
        for ct in c["cities"]:
            CITYREC[(cc, ct[0])] = ct
    for nid, n in geo.N.items():
        BLOCKS[nid] = {"v4": [], "v6": []}
        for fam, prefixes in (("v4", n["v4"]), ("v6", n["v6"])):
            for p in prefixes:
                net = ipaddress.ip_network(p)
                pl = net.prefixlen
                if fam == "v4":
                    sub = min(24, pl + 4) if pl < 24 else pl
                else:
                    sub = pl + 4
                subs = list(net.subnets(new_prefix=sub)) if sub > pl else [net]
                # location plan
                if n["locs"]:
                    locs = [(cc, ct, w) for cc, ct, w in n["locs"]]
                else:
                    cities = [(n["cc"], ct[0], ct[6]) for ct in geo.C[n["cc"]]["cities"] if ct[6] > 0]
                    cities.sort(key=lambda x: -x[2])
                    locs = cities
                order = list(locs)
                for i, sn in enumerate(subs):
                    if i < len(order):
                        cc, ct, _ = order[i]
                    else:
                        cc, ct, _ = wchoice([(l, l[2]) for l in locs])
                        if n["capital_bias"] and R.random() < n["capital_bias"]:
                            cc, ct, _ = locs[0]
                    if ct is None:      # relay: city chosen by weight within country, coarse
                        cands = [x for x in geo.C[cc]["cities"] if x[6] > 0]
                        ct = wchoice([(x[0], x[6]) for x in cands])
                    if R.random() > n["cityq"]:
                        ct_use = None
                        tz = geo.C[cc]["tz"]
                    else:
                        ct_use = ct
                        tz = city_tuple(cc, ct)[5]
                    b = Block(nid, sn, cc, ct_use, tz)
                    b.idx = (cc, ct)       # intended (true) city of the users of this block
                    BLOCKS[nid][fam].append(b)
                    CITY_IDX.setdefault((nid, fam == "v6", cc, ct), []).append(b)
                    CC_IDX.setdefault((nid, fam == "v6", cc), []).append(b)


def pick_block(nid, v6=False, cc=None, city=None, exact=0.8):
    fam = "v6" if v6 else "v4"
    if not BLOCKS[nid][fam]:
        fam = "v4"
        v6 = False
    if city is not None and R.random() < exact:
        lst = CITY_IDX.get((nid, v6, cc, city))
        if lst:
            return R.choice(lst)
    if cc is not None:
        lst = CC_IDX.get((nid, v6, cc))
        if lst:
            return R.choice(lst)
    return R.choice(BLOCKS[nid][fam])


def host_in(b, cgnat=False, pool=96):
    net = b.cidr
    if b.v6:
        span = 64 - net.prefixlen
        p64 = int(net.network_address) + (R.getrandbits(span) << 64 if span > 0 else 0)
        return p64
    size = net.num_addresses
    if cgnat:
        k = R.randrange(pool)
        off = (k * 2654435761 + 7919) % size
    else:
        off = R.randrange(1, size - 1)
    a = int(net.network_address) + off
    if a & 0xFF in (0, 255):
        a += 1 if a & 0xFF == 0 else -1
    return a


def v6_addr(p64, seed=None):
    iid = R.getrandbits(64) if seed is None else int(h(seed, n=16), 16)
    return str(ipaddress.IPv6Address(p64 | iid))


def v4_addr(a):
    return str(ipaddress.IPv4Address(a))


def ip_from(nid, cc=None, city=None, v6=None, exact=0.8, pool=96):
    """fresh address on network nid; returns (ip, block)"""
    n = geo.N[nid]
    if v6 is None:
        v6 = bool(n["v6"]) and R.random() < n["v6share"]
    b = pick_block(nid, v6, cc, city, exact)
    a = host_in(b, n["cgnat"], pool)
    return (v6_addr(a) if b.v6 else v4_addr(a)), b


NETS_BY = defaultdict(list)   # (cc, kind) -> [(nid, w)]


def index_nets():
    for nid, n in geo.N.items():
        if n["cc"]:
            NETS_BY[(n["cc"], n["kind"])].append((nid, n["w"]))


def net_for(cc, kind):
    lst = NETS_BY.get((cc, kind))
    if not lst:
        if kind == "biz":
            return net_for(cc, "isp")
        if kind == "mobile":
            return net_for(cc, "isp")
        return None
    return wchoice(lst)


# ----------------------------------------------------------------------------------- mmdb
EXTRA_NAMES = {"PA": "Panama"}


def country_obj(cc):
    if cc in geo.C:
        return {"iso_code": cc, "names": {"en": geo.C[cc]["name"]}}
    return {"iso_code": cc, "names": {"en": EXTRA_NAMES.get(cc, cc)}}


EU = {"AT", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "FI", "IE", "PT", "RO"}


def city_record(nid, b):
    n = geo.N[nid]
    cc = b.cc
    c = geo.C[cc]
    cont, gid = geo.CONTINENT[c["cont"]]
    rec = {"continent": {"code": c["cont"], "geoname_id": gid, "names": {"en": cont}},
           "country": country_obj(cc)}
    if cc in EU:
        rec["country"]["is_in_european_union"] = True
    reg = n["reg"] or cc
    rec["registered_country"] = country_obj(reg)
    kind = n["kind"]
    if b.city:
        ct = city_tuple(cc, b.city)
        rad = {"isp": 20, "biz": 20, "edu": 10, "mobile": 200, "cloud": 1000, "vpn": 50, "relay": 200,
               "tor": 100, "secedge": 50, "corp": 20, "sat": 500}.get(kind, 50)
        rad = int(rad * R.choice([0.5, 1, 1, 2, 5]))
        rec["city"] = {"names": {"en": ct[0]}}
        rec["location"] = {"accuracy_radius": max(1, min(rad, 1000)), "latitude": round(ct[3] + R.uniform(-0.05, 0.05), 4),
                           "longitude": round(ct[4] + R.uniform(-0.05, 0.05), 4), "time_zone": ct[5]}
        if ct[1]:
            rec["subdivisions"] = [{"iso_code": ct[1], "names": {"en": ct[2]}}]
    else:
        lat, lon = c["centroid"]
        rec["location"] = {"accuracy_radius": 1000 if b.v6 or kind in ("mobile", "sat") else 500,
                           "latitude": lat, "longitude": lon, "time_zone": c["tz"]}
    return rec


def write_mmdbs(outdir):
    import types
    import mmdb_writer
    from mmdb_writer import MMDBWriter
    from netaddr import IPSet
    # fixed build_epoch so that the databases are byte-identical for a seed
    mmdb_writer.time = types.SimpleNamespace(time=lambda: END.timestamp())
    asn = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN",
                     languages=["en"], description={"en": "GeoLite2 ASN database (indep2 synthetic)"})
    city = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City",
                      languages=["en"], description={"en": "GeoLite2 City database (indep2 synthetic)"})
    for nid, n in geo.N.items():
        for p in n["v4"] + n["v6"]:
            asn.insert_network(IPSet([p]), {"autonomous_system_number": n["asn"],
                                            "autonomous_system_organization": n["org"]})
    # city: blocks only (every address we use lies in a block)
    for nid in geo.N:
        for fam in ("v4", "v6"):
            for b in BLOCKS[nid][fam]:
                city.insert_network(IPSet([str(b.cidr)]), city_record(nid, b))
    asn.to_db_file(os.path.join(outdir, "GeoLite2-ASN.mmdb"))
    city.to_db_file(os.path.join(outdir, "GeoLite2-City.mmdb"))


# ----------------------------------------------------------------------------------- time model
PROFILES = {
    "dev": [0.22, 0.14, 0.09, 0.06, 0.05, 0.07, 0.14, 0.3, 0.55, 0.8, 0.95, 1.0, 0.92, 0.95, 1.0, 1.0, 0.95, 0.85,
            0.75, 0.8, 0.88, 0.85, 0.62, 0.4],
    "work": [0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.1, 0.35, 0.8, 1.0, 1.0, 0.95, 0.75, 0.9, 1.0, 0.95, 0.85, 0.6,
             0.35, 0.22, 0.18, 0.15, 0.1, 0.05],
    "student": [0.5, 0.35, 0.2, 0.1, 0.05, 0.04, 0.06, 0.15, 0.35, 0.6, 0.8, 0.9, 0.85, 0.95, 1.0, 1.0, 0.95, 0.9,
                0.85, 0.9, 0.95, 1.0, 0.9, 0.7],
    "mobile": [0.3, 0.18, 0.1, 0.06, 0.05, 0.08, 0.2, 0.4, 0.55, 0.6, 0.65, 0.7, 0.8, 0.75, 0.7, 0.7, 0.75, 0.85,
               0.9, 0.95, 1.0, 1.0, 0.85, 0.55],
    "flat": [1.0] * 24,
}
WEEK = {"dev": [1, 1.03, 1.0, 0.98, 0.9, 0.68, 0.72], "work": [1, 1, 1, 0.97, 0.85, 0.18, 0.15],
        "student": [1, 1, 1, 0.95, 0.85, 0.75, 0.85], "mobile": [1, 1, 1, 1, 1, 0.95, 0.95], "flat": [1] * 7}
_OFFS = {}
_CDF = {}


def tz_offsets(tz):
    if tz not in _OFFS:
        z = ZoneInfo(tz)
        _OFFS[tz] = [(START + dt.timedelta(hours=i)).astimezone(z) for i in range(HOURS)]
    return _OFFS[tz]


def spike_mult(i, amp=1.1):
    if i < SPIKE_H:
        return 1.0
    return 1.0 + amp * math.exp(-(i - SPIKE_H) / 16.0)


def hour_cdf(tz, prof, spike=True, lo=0, hi=HOURS):
    key = (tz, prof, spike, lo, hi)
    if key not in _CDF:
        loc = tz_offsets(tz)
        ws = []
        acc = 0.0
        for i in range(HOURS):
            w = 0.0
            if lo <= i < hi:
                lt = loc[i]
                w = PROFILES[prof][lt.hour] * WEEK[prof][lt.weekday()]
                if spike:
                    w *= spike_mult(i)
            acc += w
            ws.append(acc)
        _CDF[key] = ws
    return _CDF[key]


def sample_time(tz, prof, spike=True, lo=0, hi=HOURS):
    cdf = hour_cdf(tz, prof, spike, lo, hi)
    x = R.random() * cdf[-1]
    i = bisect.bisect_left(cdf, x)
    return START + dt.timedelta(hours=i, seconds=R.uniform(0, 3600))


def local_hour(t, tz):
    return t.astimezone(ZoneInfo(tz)).hour


# ----------------------------------------------------------------------------------- browsers
UA_POOLS = {}


def load_uas():
    from fake_useragent import UserAgent
    data = UserAgent().data_browsers
    want = {
        ("chrome", "Windows"): [("Chrome", "Windows")], ("edge", "Windows"): [("Edge", "Windows")],
        ("firefox", "Windows"): [("Firefox", "Windows")], ("opera", "Windows"): [("Opera", "Windows")],
        ("chrome", "Mac"): [("Chrome", "Mac OS X")], ("safari", "Mac"): [("Safari", "Mac OS X")],
        ("firefox", "Mac"): [("Firefox", "Mac OS X")], ("edge", "Mac"): [("Edge", "Mac OS X")],
        ("chrome", "Linux"): [("Chrome", "Linux")], ("firefox", "Linux"): [("Firefox", "Linux"), ("Firefox", "Ubuntu")],
        ("chrome", "ChromeOS"): [("Chrome", "Chrome OS")],
        ("safari", "iOS"): [("Mobile Safari", "iOS")], ("chrome_ios", "iOS"): [("Chrome Mobile iOS", "iOS")],
        ("gsa", "iOS"): [("Google", "iOS")],
        ("chrome", "Android"): [("Chrome Mobile", "Android")], ("samsung", "Android"): [("Samsung Internet", "Android")],
        ("firefox", "Android"): [("Firefox Mobile", "Android")],
    }
    for key, srcs in want.items():
        rows = [d for d in data if (d["browser"], d["os"]) in srcs and d["type"] == "mobile"
                or (d["browser"], d["os"]) in srcs and d["type"] == "desktop"]
        if key[0] == "chrome" and key[1] != "Android":
            # keep reasonably current builds: a dev audience auto-updates
            rows = [d for d in rows if int(d["browser_version"].split(".")[0]) >= 118] or rows
        UA_POOLS[key] = ([d["useragent"] for d in rows], [max(d["percent"], 1e-4) for d in rows],
                         [d["browser_version"] for d in rows])


def pick_ua(fam, os_):
    key = ("chrome" if fam == "brave" else fam, os_)
    uas, ws, vs = UA_POOLS[key]
    i = R.choices(range(len(uas)), weights=ws, k=1)[0]
    return uas[i], vs[i]


GREASE_C = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
GREASE_V = ["8", "99", "24"]
ORDERS = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]


def sec_ch_ua(major, brand, brand_ver=None):
    g = ('"Not%sA%sBrand"' % (GREASE_C[major % 11], GREASE_C[(major + 1) % 11]), GREASE_V[major % 3])
    items = [g, ('"Chromium"', str(major)), ('"%s"' % brand, str(brand_ver or major))]
    order = ORDERS[major % 6]
    out = [None, None, None]
    for src, pos in enumerate(order):
        out[pos] = items[src]
    return ", ".join('%s;v="%s"' % x for x in out)


def chrome_major(ua):
    i = ua.find("Chrome/")
    return int(ua[i + 7:].split(".")[0]) if i >= 0 else None


BRAND = {"chrome": "Google Chrome", "edge": "Microsoft Edge", "opera": "Opera", "samsung": "Samsung Internet",
         "brave": "Brave"}
PLAT_HDR = {"Windows": "Windows", "Mac": "macOS", "Linux": "Linux", "ChromeOS": "Chrome OS", "Android": "Android"}

SCREENS = {
    "Windows": [((1920, 1080), 38), ((1536, 864), 16), ((1366, 768), 9), ((2560, 1440), 12), ((1280, 720), 3),
                ((1440, 900), 3), ((1600, 900), 4), ((3840, 2160), 3), ((1280, 800), 2), ((1920, 1200), 4),
                ((2560, 1080), 2), ((1707, 1067), 2), ((1280, 1024), 1), ((3440, 1440), 1)],
    "Mac": [((1440, 900), 14), ((1512, 982), 22), ((1728, 1117), 12), ((1470, 956), 14), ((1680, 1050), 5),
            ((2560, 1440), 10), ((1920, 1080), 10), ((1536, 960), 3), ((3008, 1692), 2), ((1800, 1169), 3),
            ((2240, 1260), 3), ((1280, 800), 2)],
    "Linux": [((1920, 1080), 50), ((2560, 1440), 20), ((1366, 768), 6), ((3840, 2160), 6), ((1920, 1200), 8),
              ((1536, 864), 5), ((3440, 1440), 3)],
    "ChromeOS": [((1366, 768), 40), ((1536, 864), 30), ((1280, 800), 15), ((1920, 1080), 15)],
}
IPHONES = [("iphone13", (390, 844), 6, 18), ("iphone14p", (393, 852), 6, 16), ("iphone15pm", (430, 932), 6, 10),
           ("iphone12", (390, 844), 6, 10), ("iphone11", (414, 896), 6, 12), ("iphonese", (375, 667), 6, 7),
           ("iphone16p", (402, 874), 6, 6), ("iphone14pm", (428, 926), 6, 6), ("iphonex", (375, 812), 6, 5),
           ("iphone16pm", (440, 956), 6, 4)]
ANDROIDS = [("sm-a155", (384, 832), 8, 4), ("sm-a546", (384, 854), 8, 4), ("sm-s918", (384, 824), 8, 8),
            ("sm-s921", (360, 780), 8, 8), ("pixel7", (412, 915), 8, 8), ("pixel8", (412, 915), 8, 8),
            ("redmi-note12", (393, 873), 8, 4), ("redmi-9a", (360, 800), 8, 2), ("redmi-note13", (393, 873), 8, 8),
            ("poco-x5", (393, 873), 8, 8), ("oppo-a78", (360, 800), 8, 4), ("vivo-y21", (385, 854), 8, 4),
            ("realme-c55", (360, 800), 8, 4), ("oneplus-11", (412, 919), 8, 8), ("sm-a125", (360, 800), 8, 2),
            ("moto-g54", (360, 800), 8, 4), ("infinix-hot30", (360, 804), 8, 4), ("tecno-spark10", (360, 804), 8, 4),
            ("sm-a057", (360, 800), 8, 4), ("pixel6a", (412, 892), 8, 4)]
ANDROID_RICH = [0, 1, 2, 3, 4, 5, 13, 19]
ANDROID_EM = [0, 1, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18]


def make_device(os_, fam, model=None, canvas=None, screen=None, hw=None, mem=None):
    """A physical browser installation. Returns dict with UA, hints and collector attributes."""
    ua, ver = pick_ua(fam, os_)
    d = {"os": os_, "fam": fam, "ua": ua, "mobile": os_ in ("iOS", "Android")}
    chromium = fam in ("chrome", "edge", "opera", "samsung", "brave") and os_ != "iOS"
    d["chromium"] = chromium
    if chromium:
        major = chrome_major(ua) or 124
        bver = major
        if fam == "opera":
            bver = int(ua.split("OPR/")[1].split(".")[0]) if "OPR/" in ua else major
        if fam == "samsung":
            bver = int(ua.split("SamsungBrowser/")[1].split(".")[0]) if "SamsungBrowser/" in ua else major
        d["sec"] = {"sec-ch-ua": sec_ch_ua(major, BRAND[fam], bver),
                    "sec-ch-ua-mobile": "?1" if os_ == "Android" else "?0",
                    "sec-ch-ua-platform": '"%s"' % PLAT_HDR[os_]}
    else:
        d["sec"] = None
    if os_ == "iOS":
        m = model or wchoice([(x, x[3]) for x in IPHONES])
        d["platform"], d["touch"], d["hw"], d["mem"] = "iPhone", 5, m[2], None
        d["screen"] = "%dx%dx24" % m[1]
        iosv = ua.split("OS ")[1].split(" ")[0] if "OS " in ua else "17_5"
        d["canvas"] = canvas or "ios-%s-%s" % (m[0], iosv.split("_")[0])   # iOS: very low entropy
    elif os_ == "Android":
        m = model or ANDROIDS[R.choice(ANDROID_RICH + ANDROID_EM)]
        d["platform"], d["touch"], d["hw"] = R.choice(["Linux armv81", "Linux armv81", "Linux aarch64"]), 5, m[2]
        d["mem"] = (mem or m[3]) if fam != "firefox" else None
        d["screen"] = "%dx%dx24" % m[1]
        d["canvas"] = canvas or "and-%s-%d" % (m[0], R.randrange(3))
    else:
        sc = screen or wchoice(SCREENS[os_])
        depth = 30 if os_ == "Mac" and sc in ((1512, 982), (1728, 1117), (1470, 956), (1440, 900), (1800, 1169),
                                               (2240, 1260), (1536, 960)) and fam != "firefox" else 24
        d["screen"] = "%dx%dx%d" % (sc[0], sc[1], depth)
        d["platform"] = {"Windows": "Win32", "Mac": "MacIntel", "Linux": "Linux x86_64", "ChromeOS": "Linux x86_64"}[os_]
        if os_ == "Mac":
            d["hw"] = hw or wchoice([(8, 40), (10, 20), (12, 20), (14, 6), (16, 6), (4, 4)])
        else:
            d["hw"] = hw or wchoice([(4, 12), (6, 6), (8, 30), (12, 18), (16, 18), (20, 6), (24, 4), (32, 4), (2, 2)])
        d["mem"] = (mem or wchoice([(8, 80), (4, 15), (2, 3), (16, 0)])) if chromium else None
        if d["mem"] == 16:
            d["mem"] = 8
        d["touch"] = 10 if (os_ in ("Windows", "ChromeOS") and R.random() < 0.08) else 0
        d["canvas"] = canvas or h("canvas", R.getrandbits(48), n=10)
    return d


def fingerprint(d, salt=""):
    return h("fp", d["platform"], d["fam"], d["screen"], d["hw"], d["mem"], d["touch"], d["canvas"], salt)


def accept_language(fam, langs):
    if not langs:
        return None
    if fam in ("firefox",):
        n = len(langs)
        parts = [langs[0]] + ["%s;q=%.1f" % (l, max(0.1, round(1 - i / n, 1))) for i, l in enumerate(langs) if i]
        return ",".join(parts)
    if fam in ("safari", "chrome_ios", "gsa"):
        l0 = langs[0]
        base = l0.split("-")[0]
        return l0 if base == l0 else "%s,%s;q=0.9" % (l0, base)
    parts = [langs[0]] + ["%s;q=%.1f" % (l, max(0.1, round(1 - 0.1 * i, 1))) for i, l in enumerate(langs) if i]
    return ",".join(parts)


def nav_languages(fam, langs):
    if fam in ("safari", "chrome_ios", "gsa"):
        return langs[:1]
    return list(langs)


def headers_for(d, langs, drop_al=False):
    hd = {"user-agent": d["ua"]}
    al = accept_language(d["fam"], langs)
    if al and not drop_al:
        hd["accept-language"] = al
    if d.get("sec"):
        hd.update(d["sec"])
    return hd


def device_obj(d, tz, langs, webdriver=False, fp=None):
    o = {"fingerprint": fp or d.get("fp") or fingerprint(d), "timezone": tz,
         "languages": nav_languages(d["fam"], langs), "screen": d["screen"], "platform": d["platform"],
         "hardware_concurrency": d["hw"], "touch_points": d["touch"], "webdriver": webdriver}
    if d.get("mem") is not None:
        o["device_memory"] = d["mem"]
    return o


# ----------------------------------------------------------------------------------- people
LOCALE = {"US": "en_US", "CA": "en_CA", "MX": "es_MX", "BR": "pt_BR", "AR": "es_AR", "CO": "es_CO", "CL": "es_CL",
          "GB": "en_GB", "IE": "en_IE", "DE": "de_DE", "AT": "de_AT", "FR": "fr_FR", "ES": "es_ES", "PT": "pt_PT",
          "IT": "it_IT", "NL": "nl_NL", "PL": "pl_PL", "SE": "sv_SE", "FI": "fi_FI", "CH": "de_CH", "RO": "ro_RO",
          "UA": "uk_UA", "RU": "ru_RU", "BY": "ru_RU", "TR": "tr_TR", "IN": "en_IN", "PK": "en_PK", "CN": "zh_CN",
          "HK": "zh_TW", "TW": "zh_TW", "JP": "ja_JP", "SG": "en_US", "ID": "id_ID", "VN": "vi_VN", "PH": "en_PH",
          "TH": "en_TH", "AU": "en_AU", "NG": "en_NG", "KE": "en_KE", "ZA": "en_US"}
FALLBACK = {
    "KR": (["Minjun", "Seojun", "Jiho", "Jiwoo", "Hyunwoo", "Dohyun", "Seoyeon", "Jiwon", "Soyeon", "Yuna", "Eunji",
            "Hyejin", "Taeyang", "Sungmin", "Junho", "Jaehyun", "Minji", "Sujin", "Dongwoo", "Kyungsoo", "Hayoon"],
           ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin", "Oh", "Seo",
            "Kwon", "Hwang", "Song"]),
    "IR": (["Ali", "Mohammad", "Reza", "Hossein", "Mehdi", "Amir", "Sara", "Maryam", "Fatemeh", "Zahra", "Arash",
            "Navid", "Parisa", "Niloofar", "Hamed", "Saeed", "Mahsa", "Kian", "Pouya", "Shirin", "Behnam", "Ehsan"],
           ["Hosseini", "Ahmadi", "Mohammadi", "Rezaei", "Karimi", "Moradi", "Jafari", "Rahimi", "Kazemi", "Sadeghi",
            "Tehrani", "Ghasemi", "Hashemi", "Nazari", "Abbasi", "Mousavi", "Akbari"]),
    "EG": (["Mohamed", "Ahmed", "Mahmoud", "Omar", "Youssef", "Mostafa", "Nour", "Salma", "Mariam", "Hana", "Karim",
            "Khaled", "Amr", "Yasmin", "Aya", "Tarek", "Hassan", "Fatma", "Ziad", "Habiba"],
           ["Hassan", "Ali", "Ibrahim", "Mahmoud", "Mostafa", "Adel", "Saeed", "Farouk", "Abdelrahman", "Nasser",
            "Salem", "Kamal", "Gamal", "Fathy", "Soliman", "ElSayed", "Mansour"]),
    "IL": (["Noam", "Yonatan", "Itai", "Omer", "Daniel", "Ariel", "Tamar", "Noa", "Maya", "Shira", "Yael", "Eitan",
            "Guy", "Roni", "Lior", "Amit", "Idan"],
           ["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Avraham", "Katz", "Azoulay", "Shapira",
            "Goldberg", "Rosen", "Ben-David", "Segal"]),
    "BD": (["Rahim", "Karim", "Sakib", "Tanvir", "Nusrat", "Farhana", "Mahmudul", "Arif", "Shakil", "Sumaiya",
            "Rafiq", "Jannat", "Imran", "Tasnim", "Nafis", "Mehedi", "Rakib", "Sadia", "Fahim", "Shuvo"],
           ["Hossain", "Rahman", "Islam", "Ahmed", "Chowdhury", "Akter", "Uddin", "Haque", "Sarker", "Khan",
            "Alam", "Miah", "Biswas", "Das", "Roy"]),
    "MY": (["Ahmad", "Muhammad", "Nurul", "Siti", "Aiman", "Hafiz", "Farah", "Wei Jie", "Jun Hao", "Kumar",
            "Aisyah", "Irfan", "Syafiq", "Mei Ling", "Arjun"],
           ["Abdullah", "Ibrahim", "Ismail", "Tan", "Lim", "Lee", "Wong", "Ng", "Rahman", "Hassan", "Yusof",
            "Raj", "Chong"]),
    "AE": (["Mohammed", "Ahmed", "Omar", "Fatima", "Aisha", "Khalid", "Rashid", "Saeed", "Rahul", "Priya", "Arjun",
            "Anil", "Maria", "John", "Sara"],
           ["Al Mansouri", "Al Hashimi", "Khan", "Nair", "Menon", "Sharma", "Patel", "Hassan", "Fernandes",
            "Al Marzouqi", "Thomas", "Pillai"]),
}
FAKERS = {}


def faker_for(loc):
    if loc not in FAKERS:
        from faker import Faker
        f = Faker(loc)
        f.seed_instance(R.getrandbits(32))
        FAKERS[loc] = f
    return FAKERS[loc]


def person_name(cc):
    if cc in FALLBACK:
        fs, ls = FALLBACK[cc]
        return R.choice(fs), R.choice(ls)
    loc = LOCALE.get(cc, "en_US")
    f = faker_for(loc)
    if loc in ("zh_CN", "zh_TW", "ja_JP"):
        return f.first_romanized_name(), f.last_romanized_name()
    fn, ln = f.first_name(), f.last_name()
    if loc in ("ru_RU", "uk_UA"):
        return translit(fn).title(), translit(ln).title()
    return fn, ln


def clean_parts(fn, ln):
    a, b = ascii_clean(fn), ascii_clean(ln)
    return (a or "alex"), (b or "lee")


def local_part(fn, ln, style=None):
    f, l = clean_parts(fn, ln)
    style = style or wchoice([("f.l", 22), ("fl", 14), ("fD", 12), ("f.lD", 8), ("il", 9), ("user", 12),
                              ("f_l", 4), ("l.f", 3), ("fY", 8), ("dev", 3), ("f.i", 5)])
    if style == "f.l":
        return "%s.%s" % (f, l)
    if style == "fl":
        return f + l
    if style == "fD":
        return f + str(R.randrange(1, 9999))
    if style == "f.lD":
        return "%s.%s%d" % (f, l, R.randrange(1, 99))
    if style == "il":
        return f[0] + l
    if style == "f_l":
        return "%s_%s" % (f, l)
    if style == "l.f":
        return "%s.%s" % (l, f)
    if style == "fY":
        return "%s%s%d" % (f, l[:R.choice([0, 1, len(l)])], R.randrange(1980, 2007) % R.choice([100, 10000]))
    if style == "dev":
        return R.choice(["%s.dev", "%scodes", "%s.builds", "its%s", "the%s", "%s.ai", "%shq"]) % (f + l[:1])
    if style == "f.i":
        return "%s.%s" % (f, l[0])
    # handle-like
    return R.choice(["%s%s", "%s_%s", "%s%s%d"]).replace("%d", str(R.randrange(10, 999))) % (
        R.choice([f, f[:4], l]), R.choice(["x", "dev", "ai", l[:3], "99", "z", "cloud", "hack", "byte"]))


def personal_email(cc, fn, ln, plus_p=0.035):
    dom = wchoice(geo.MAILDOM.get(cc, geo.MAILDOM["_"]))
    lp = local_part(fn, ln)
    if R.random() < plus_p and dom in ("gmail.com", "proton.me", "outlook.com", "icloud.com", "protonmail.com",
                                       "fastmail.com", "hotmail.com"):
        lp += "+" + R.choice(["api", "dev", "ai", "platform", "llm", "signup", "tools", "test", "keys", "app",
                              "openai", "work", "proj"])
    if dom == "qq.com" and R.random() < 0.6:
        lp = str(R.randrange(10000000, 3999999999))
    e = lp + "@" + dom
    if R.random() < 0.025:
        e = e[0].upper() + e[1:]
    return e


def relay_email():
    dom = wchoice(geo.RELAY_DOMAINS)
    if dom == "privaterelay.appleid.com":
        lp = "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
    elif dom == "duck.com":
        words = ["amber", "quiet", "river", "stone", "maple", "swift", "cobalt", "ember", "lunar", "tidal",
                 "velvet", "cedar", "pixel", "harbor", "frost", "meadow", "orbit", "copper", "willow", "sable"]
        lp = "-".join(R.sample(words, 3))
    else:
        lp = "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(R.choice([8, 9, 12])))
        if dom in ("simplelogin.com", "aleeas.com"):
            lp = R.choice(["sl", "login", "signup", "web"]) + "." + lp[:8]
    return lp + "@" + dom


def username_from(fn, ln, email=None):
    f, l = clean_parts(fn, ln)
    if email and R.random() < 0.35:
        u = email.split("@")[0].split("+")[0].replace(".", "")
        return u.lower()[:24]
    return wchoice([(f + l, 20), (f[0] + l, 12), ("%s-%s" % (f, l), 8), ("%s_%s" % (f, l), 6),
                    (f + str(R.randrange(1, 999)), 14), (f + l[:1], 6),
                    ("%s%s%d" % (f, l, R.randrange(1, 99)), 10),
                    (R.choice(["dev", "the", "im", "its", ""]) + f + R.choice(["", "dev", "codes", "ai", "x"]), 8)])


COMPANY_TLD = {"US": [(".com", 6), (".io", 2), (".ai", 2), (".dev", 0.5), (".co", 1)],
               "GB": [(".co.uk", 4), (".com", 3), (".io", 1.5), (".ai", 0.6)],
               "DE": [(".de", 6), (".com", 2), (".io", 1), (".ai", 0.4)], "FR": [(".fr", 5), (".com", 2), (".io", 1)],
               "IN": [(".com", 5), (".in", 2), (".co.in", 1), (".ai", 1.5), (".io", 1)],
               "BR": [(".com.br", 6), (".com", 2), (".io", 0.5)], "JP": [(".co.jp", 5), (".jp", 2), (".com", 2)],
               "_": [(".com", 5), (".io", 1.5), (".ai", 1)]}


def company_domain(cc):
    f = faker_for(LOCALE.get(cc, "en_US")) if cc not in FALLBACK else faker_for("en_US")
    base = ascii_clean(f.company().split(" ")[0].split(",")[0])
    if len(base) < 3 or R.random() < 0.35:
        base = ascii_clean(f.last_name()) + R.choice(["", "labs", "tech", "data", "ai", "soft", "systems", "hq",
                                                      "analytics", "cloud", "health", "pay", "works", "group"])
    if R.random() < 0.3:
        base = R.choice(["get", "try", "use", "go", "hello", ""]) + base
    if not base or len(base) < 3:
        base = "acme" + str(R.randrange(100))
    tld = wchoice(COMPANY_TLD.get(cc, COMPANY_TLD["_"]))
    return base + tld


def work_email(fn, ln, dom, style=None):
    f, l = clean_parts(fn, ln)
    style = style or wchoice([("f.l", 50), ("f", 12), ("il", 20), ("fl", 6), ("f_l", 4), ("f.i", 4), ("fi", 4)])
    lp = {"f.l": "%s.%s" % (f, l), "f": f, "il": f[0] + l, "fl": f + l, "f_l": "%s_%s" % (f, l),
          "f.i": "%s.%s" % (f, l[0]), "fi": f + l[0]}[style]
    return lp + "@" + dom


ENGLISH = {"US": "en-US", "GB": "en-GB", "IE": "en-IE", "AU": "en-AU", "CA": "en-CA", "IN": "en-IN", "PK": "en-PK",
           "NG": "en-NG", "KE": "en-KE", "ZA": "en-ZA", "SG": "en-SG", "PH": "en-PH"}
NATIVE = {"BR": "pt-BR", "DE": "de-DE", "AT": "de-AT", "CH": "de-CH", "FR": "fr-FR", "ES": "es-ES", "PT": "pt-PT",
          "IT": "it-IT", "NL": "nl-NL", "PL": "pl-PL", "SE": "sv-SE", "FI": "fi-FI", "RO": "ro-RO", "UA": "uk-UA",
          "RU": "ru-RU", "BY": "ru-RU", "TR": "tr-TR", "IL": "he-IL", "AE": "ar-AE", "IR": "fa-IR", "CN": "zh-CN",
          "HK": "zh-HK", "TW": "zh-TW", "JP": "ja", "KR": "ko-KR", "ID": "id-ID", "VN": "vi-VN", "TH": "th-TH",
          "MY": "ms-MY", "MX": "es-419", "AR": "es-419", "CO": "es-419", "CL": "es-419", "EG": "ar-EG",
          "BD": "bn-BD"}


def langs_for(cc):
    if cc in ENGLISH and cc not in ("IN", "PK", "NG", "KE", "PH", "SG"):
        loc = ENGLISH[cc]
        r = R.random()
        if cc == "US":
            if r < 0.86:
                return ["en-US", "en"]
            if r < 0.90:
                return ["en-US"]
            if r < 0.94:
                return ["es-US", "es", "en-US", "en"]
            if r < 0.96:
                return ["en-US", "en", "es"]
            return [R.choice(["zh-CN", "hi-IN", "ko-KR", "pt-BR", "vi-VN", "ru-RU", "fr-FR"]), "en-US", "en"]
        if cc == "CA" and r < 0.18:
            return ["fr-CA", "fr", "en-US", "en"]
        if r < 0.55:
            return [loc, "en"]
        if r < 0.92:
            return ["en-US", "en"]
        return [loc, "en-US", "en"]
    if cc in ("IN", "PK", "NG", "KE", "PH", "SG"):
        return wchoice([(["en-US", "en"], 55), (["en-GB", "en-US", "en"], 12), ([ENGLISH[cc], "en-GB", "en-US", "en"], 12),
                        (["en-US"], 6), ([ENGLISH[cc], "en"], 8),
                        ({"IN": ["hi-IN", "hi", "en-US", "en"], "PK": ["ur-PK", "ur", "en-US", "en"],
                          "NG": ["en-GB", "en"], "KE": ["en-GB", "en", "sw"], "PH": ["fil", "en-US", "en"],
                          "SG": ["zh-CN", "zh", "en-US", "en"]}[cc], 7)])
    nat = NATIVE.get(cc, "en-US")
    base = nat.split("-")[0]
    opts = [([nat, base, "en-US", "en"] if nat != base else [nat, "en-US", "en"], 45),
            ([nat, base] if nat != base else [nat], 18), (["en-US", "en", base], 8), (["en-US", "en"], 22),
            (["en-GB", "en", base], 4), ([nat, "en-US", "en"], 3)]
    if cc == "UA":
        opts.append((["ru-RU", "ru", "uk-UA", "uk", "en-US", "en"], 20))
    if cc in ("MX", "AR", "CO", "CL"):
        opts.append(([{"MX": "es-MX", "AR": "es-AR", "CO": "es-CO", "CL": "es-CL"}[cc], "es", "en-US", "en"], 20))
    return wchoice(opts)


def device_tz(city_tz, cc, os_):
    if city_tz == "Asia/Kolkata" and R.random() < (0.35 if os_ == "Windows" else 0.08):
        return "Asia/Calcutta"
    if cc == "VN":
        if os_ == "Windows":
            return wchoice([("Asia/Bangkok", 35), ("Asia/Saigon", 30), ("Asia/Ho_Chi_Minh", 35)])
        return wchoice([("Asia/Ho_Chi_Minh", 70), ("Asia/Saigon", 30)])
    if city_tz == "Europe/Kiev":
        return "Europe/Kyiv" if R.random() < 0.45 else "Europe/Kiev"
    if city_tz == "America/Argentina/Buenos_Aires" and R.random() < 0.2:
        return "America/Buenos_Aires"
    return city_tz


RICH = {"US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "NL", "SE", "FI", "AU", "JP", "KR", "SG", "IL", "TW", "HK",
        "AE"}
IOS_SHARE = {"US": 0.6, "CA": 0.55, "GB": 0.55, "AU": 0.55, "JP": 0.65, "CH": 0.45, "SE": 0.5, "DE": 0.38,
             "FR": 0.38, "NL": 0.45, "IE": 0.5, "KR": 0.3, "TW": 0.4, "HK": 0.55, "SG": 0.45, "AE": 0.5, "IL": 0.4,
             "CN": 0.35, "BR": 0.18, "MX": 0.2, "IN": 0.06, "ID": 0.09, "VN": 0.25, "PH": 0.15, "TH": 0.3,
             "MY": 0.25, "NG": 0.08, "PK": 0.05, "BD": 0.04, "EG": 0.1, "KE": 0.06, "TR": 0.2, "RU": 0.3}


def desktop_os(cc):
    if cc in RICH:
        return wchoice([("Windows", 44), ("Mac", 43), ("Linux", 9), ("ChromeOS", 4)])
    return wchoice([("Windows", 72), ("Mac", 14), ("Linux", 12), ("ChromeOS", 2)])


def desktop_fam(os_):
    return {"Windows": lambda: wchoice([("chrome", 68), ("edge", 19), ("firefox", 7), ("opera", 3), ("brave", 3)]),
            "Mac": lambda: wchoice([("chrome", 57), ("safari", 29), ("firefox", 6), ("brave", 5), ("edge", 3)]),
            "Linux": lambda: wchoice([("chrome", 58), ("firefox", 38), ("brave", 4)]),
            "ChromeOS": lambda: "chrome"}[os_]()


def new_desktop(cc):
    os_ = desktop_os(cc)
    return make_device(os_, desktop_fam(os_))


def new_mobile(cc, ios=None):
    if ios is None:
        ios = R.random() < IOS_SHARE.get(cc, 0.15)
    if ios:
        return make_device("iOS", wchoice([("safari", 76), ("chrome_ios", 19), ("gsa", 5)]))
    fam = wchoice([("chrome", 86), ("samsung", 11), ("firefox", 3)])
    rich = cc in RICH
    m = ANDROIDS[R.choice(ANDROID_RICH if rich else ANDROID_EM)]
    return make_device("Android", fam, model=m)


# ----------------------------------------------------------------------------------- forms
def human_fill(mobile=False, autofill_p=0.33, slow=1.0):
    if R.random() < autofill_p:
        ms = lognorm(6500, 0.45) + 1200
    else:
        ms = lognorm(24000 if not mobile else 36000, 0.5) * slow
        if R.random() < 0.14:
            ms += R.expovariate(1 / 80000)
        if R.random() < 0.025:
            ms += R.uniform(5, 90) * 60000
    return int(ms)


def login_fill(mobile=False):
    if R.random() < (0.55 if not mobile else 0.45):
        return int(lognorm(3200, 0.45) + 500)
    return int(lognorm(9500 if not mobile else 13000, 0.45))


def honeypot_legit():
    if R.random() < 0.0025:            # autofill / password-manager extension fills the hidden field
        return R.choice(["on", "1", "https://", "Mr"])
    return ""


# ----------------------------------------------------------------------------------- events
EVENTS = []
LEGIT_IPS = defaultdict(list)     # cc -> residential/mobile IPs seen from legit users (proxyware overlap)
ACCOUNTS = {}                      # email(lower) -> account dict (for stuffing)


def emit(kind, t, ip, label, campaign, account=None, email=None, username=None, headers=None, device=None,
         form=None, success=None):
    e = {"event_id": "ev_" + h("ev", R.getrandbits(64), n=20), "kind": kind, "occurred_at": iso(t), "ip": ip}
    if account:
        e["account"] = account
    if email is not None:
        e["email"] = email
    if username is not None:
        e["username"] = username
    if kind == "login":
        e["success"] = bool(success)
    if headers:
        e["headers"] = headers
    if device:
        e["device"] = device
    if form is not None:
        e["form"] = form
    e["label"] = label
    e["campaign"] = campaign
    e["_t"] = t
    EVENTS.append(e)
    return e


# ----------------------------------------------------------------------------------- legit population
class Person:
    pass


COUNTRY_W = [("US", 21), ("IN", 17), ("BR", 6), ("GB", 4.5), ("DE", 4), ("FR", 2.6), ("CA", 2.6), ("ES", 1.8),
             ("IT", 1.6), ("NL", 1.3), ("PL", 1.3), ("SE", 0.7), ("CH", 0.6), ("AT", 0.4), ("IE", 0.4), ("PT", 0.7),
             ("FI", 0.3), ("RO", 0.7), ("UA", 1.0), ("TR", 1.4), ("IL", 0.7), ("AE", 0.7), ("ID", 3.2), ("VN", 2.6),
             ("PH", 2.0), ("TH", 1.0), ("MY", 1.0), ("SG", 0.9), ("JP", 2.4), ("KR", 2.0), ("TW", 0.9), ("AU", 1.4),
             ("MX", 1.9), ("AR", 1.0), ("CO", 0.9), ("CL", 0.5), ("NG", 1.8), ("KE", 0.7), ("EG", 1.0), ("ZA", 0.6),
             ("PK", 1.8), ("BD", 1.3)]


def pick_city(cc):
    ct = wchoice([(x, x[6]) for x in geo.C[cc]["cities"] if x[6] > 0])
    return ct


def new_person(cc=None, seg="dev", city=None):
    p = Person()
    p.cc = cc or wchoice(COUNTRY_W)
    ct = city_tuple(p.cc, city) if city else pick_city(p.cc)
    p.city, p.city_tz = ct[0], ct[5]
    p.fn, p.ln = person_name(p.cc)
    p.langs = langs_for(p.cc)
    p.seg = seg
    p.acct = rid("acct_")
    # home network
    home = net_for(p.cc, "isp")
    p.home = home
    hn = geo.N[home]
    p.home_v6 = bool(hn["v6"]) and R.random() < hn["v6share"]
    p.home_block = pick_block(home, p.home_v6, p.cc, p.city, exact=0.8)
    p.home_addr = host_in(p.home_block, hn["cgnat"])
    if p.home_v6:   # dual stack: also a v4 address for the ~10% of v4 connections
        p.home_v4block = pick_block(home, False, p.cc, p.city)
        p.home_v4 = host_in(p.home_v4block, hn["cgnat"])
    p.mobile_net = net_for(p.cc, "mobile")
    p.devices = []
    p.collector_blocked = R.random() < 0.06      # uBlock / NoScript blocks the collector
    return p


def home_ip(p, t):
    n = geo.N[p.home]
    if p.home_v6:
        if R.random() < 0.9:
            day = (t - START).days
            return v6_addr(p.home_addr, seed=(p.acct, day))  # privacy address rotates daily
        return v4_addr(p.home_v4)
    if n["cgnat"] and R.random() < 0.3:      # CGNAT ISPs re-map the public address between sessions
        return v4_addr(host_in(p.home_block, True))
    return v4_addr(p.home_addr)


def mobile_ip(p):
    nid = p.mobile_net
    ip, b = ip_from(nid, p.cc, p.city, exact=0.7)
    return ip


def add_device(p, mobile=False):
    d = new_mobile(p.cc) if mobile else new_desktop(p.cc)
    d["fp"] = fingerprint(d)
    d["tz"] = device_tz(p.city_tz, p.cc, d["os"])
    p.devices.append(d)
    return d


def web_payload(p, d, t, kind, fill=None, tz=None, langs=None, webdriver=False):
    langs = langs or p.langs
    hd = headers_for(d, langs)
    dev = None
    if not p.collector_blocked:
        dev = device_obj(d, tz or d["tz"], langs, webdriver=webdriver)
    if kind == "signup":
        form = {"fill_ms": fill if fill is not None else human_fill(d["mobile"]), "honeypot": honeypot_legit()}
    else:
        form = {"fill_ms": fill if fill is not None else login_fill(d["mobile"]), "honeypot": ""}
    return hd, dev, form


def record_legit_ip(p, ip):
    if len(LEGIT_IPS[p.cc]) < 4000:
        LEGIT_IPS[p.cc].append(ip)


def legit_signup(p, t, ip, d, campaign, email, username=None, fill=None, tz=None, langs=None):
    hd, dev, form = web_payload(p, d, t, "signup", fill, tz, langs)
    p.email = email
    p.username = username or username_from(p.fn, p.ln, email)
    emit("signup", t, ip, "legit", campaign, p.acct, email, p.username, hd, dev, form)
    ACCOUNTS[email.lower()] = p
    p.signup_t = t


def legit_login(p, t, ip, d, campaign, tz=None, langs=None):
    """a login, possibly preceded by typo failures"""
    r = R.random()
    email = p.email
    if R.random() < 0.04:
        email = email.lower() if email != email.lower() else email
    if r < 0.055:
        nf = wchoice([(1, 80), (2, 17), (3, 3)])
        tt = t - dt.timedelta(seconds=sum(R.uniform(6, 45) for _ in range(nf)))
        for _ in range(nf):
            hd, dev, form = web_payload(p, d, tt, "login", tz=tz, langs=langs)
            emit("login", clamp_t(tt), ip, "legit", campaign, p.acct, email, None, hd, dev, form, success=False)
            tt += dt.timedelta(seconds=R.uniform(6, 45))
    elif r < 0.065:   # mistyped email: unknown account
        lp, dom = email.split("@", 1)
        bad = (lp[:-1] if len(lp) > 3 else lp + "x") + "@" + dom
        hd, dev, form = web_payload(p, d, t, "login", tz=tz, langs=langs)
        emit("login", clamp_t(t - dt.timedelta(seconds=R.uniform(8, 30))), ip, "legit", campaign, None, bad, None,
             hd, dev, form, success=False)
    elif r < 0.073:   # forgot password: fails and gives up (reset flow happens elsewhere)
        tt = t
        for _ in range(R.randint(2, 5)):
            hd, dev, form = web_payload(p, d, tt, "login", tz=tz, langs=langs)
            emit("login", tt, ip, "legit", campaign, p.acct, email, None, hd, dev, form, success=False)
            tt += dt.timedelta(seconds=R.uniform(8, 60))
        if R.random() < 0.6:   # after reset email
            t = tt + dt.timedelta(seconds=R.uniform(120, 1500))
        else:
            return
    if t >= END:
        return
    hd, dev, form = web_payload(p, d, t, "login", tz=tz, langs=langs)
    emit("login", t, ip, "legit", campaign, p.acct, email, None, hd, dev, form, success=True)


def followup_logins(p, campaign, ipfun, p_return=0.55):
    if R.random() > p_return:
        return
    k = 1 + min(int(R.expovariate(0.8)), 8)
    t = p.signup_t
    for i in range(k):
        t = t + dt.timedelta(hours=lognorm(20 if i == 0 else 30, 1.0))
        if t >= END:
            break
        # shift into the user's waking hours
        lh = local_hour(t, p.city_tz)
        if lh < 7:
            t += dt.timedelta(hours=8 - lh)
        if t >= END:
            break
        d = R.choice(p.devices) if R.random() < 0.2 else p.devices[0]
        ip = ipfun(p, d, t)
        legit_login(p, t, ip, d, campaign)


def std_ip(p, d, t):
    if d["mobile"] and R.random() < 0.6:
        ip = mobile_ip(p)
    else:
        ip = home_ip(p, t)
    return ip


# segment generators --------------------------------------------------------------------------
def seg_individual(n):
    for _ in range(n):
        p = new_person(seg="dev")
        mob = R.random() < 0.14
        d = add_device(p, mobile=mob)
        if R.random() < 0.45:
            add_device(p, mobile=not mob)
        t = sample_time(p.city_tz, "dev")
        ip = mobile_ip(p) if (mob and R.random() < 0.55) else home_ip(p, t)
        record_legit_ip(p, ip)
        r = R.random()
        if r < 0.012:
            email = local_part(p.fn, p.ln) + "@" + R.choice(["fastmail.com", "hey.com", "zoho.com", "gmx.com",
                                                               "tutanota.com", "pm.me"])
        elif r < 0.016:
            email = "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(9)) + "@" + R.choice(
                geo.DISPOSABLE[:8])
        elif r < 0.05:     # personal vanity domain
            email = R.choice(["me", "hi", "hello", "contact", ascii_clean(p.fn) or "me"]) + "@" + \
                ascii_clean(p.fn + p.ln)[:14] + R.choice([".com", ".dev", ".io", ".me", ".net"])
        else:
            email = personal_email(p.cc, p.fn, p.ln)
        legit_signup(p, t, ip, d, "legit_individual_dev", email)
        followup_logins(p, "legit_individual_dev", std_ip)


def seg_mobile(n):
    for _ in range(n):
        p = new_person(seg="mobile")
        d = add_device(p, mobile=True)
        if R.random() < 0.5:
            add_device(p, mobile=False)
        t = sample_time(p.city_tz, "mobile")
        ip = mobile_ip(p) if R.random() < 0.65 else home_ip(p, t)
        record_legit_ip(p, ip)
        if d["os"] == "iOS" and R.random() < 0.16:
            email = relay_email() if R.random() < 0.9 else personal_email(p.cc, p.fn, p.ln)
            if "@" in email and not email.endswith("privaterelay.appleid.com") and R.random() < 0.8:
                email = email.split("@")[0] + "@privaterelay.appleid.com"
        else:
            email = personal_email(p.cc, p.fn, p.ln)
        legit_signup(p, t, ip, d, "legit_mobile_first", email, fill=human_fill(True, autofill_p=0.4))
        followup_logins(p, "legit_mobile_first", std_ip)


COMPANIES = defaultdict(list)


def company_for(cc):
    lst = COMPANIES[cc]
    if len(lst) < 8 or R.random() < 0.55:
        c = {"dom": company_domain(cc), "cc": cc, "edge": None, "style": None}
        r = R.random()
        if r < 0.22:
            c["edge"] = "zscaler"
        elif r < 0.28:
            c["edge"] = "netskope"
        elif r < 0.33:
            c["edge"] = "gcp"            # Prisma Access / cloud-hosted SWG egress
        elif r < 0.36:
            c["edge"] = "cloudflare"     # Cloudflare Zero Trust WARP
        elif r < 0.38:
            c["edge"] = "aws"            # WorkSpaces / VDI
        elif r < 0.41 and cc in ("US", "IN", "GB"):
            c["edge"] = "cisco" if R.random() < 0.5 else "ms_corp"
        lst.append(c)
        return c
    return R.choice(lst)


def office_ip(c, p):
    e = c["edge"]
    if e in ("zscaler", "netskope", "gcp", "aws", "cisco", "ms_corp"):
        nid = e
        if "pin" not in c:
            b = pick_block(nid, False, p.cc, None)
            c["pin"] = b
        b = c["pin"] if R.random() < 0.8 else pick_block(nid, False, c["pin"].cc)
        return v4_addr(host_in(b, cgnat=True, pool=24))
    if e == "cloudflare":
        ip, b = ip_from("cloudflare", p.cc, None, v6=R.random() < 0.5)
        return ip
    # company's own business line: a handful of static addresses
    if "static" not in c:
        nid = net_for(c["cc"], "biz")
        b = pick_block(nid, False, c["cc"], p.city)
        base = host_in(b)
        c["static"] = [v4_addr(base + i) for i in range(R.choice([1, 1, 2, 4, 8]))]
        c["static_nid"] = nid
    return R.choice(c["static"])


def seg_work(n):
    for _ in range(n):
        p = new_person(seg="work")
        c = company_for(p.cc)
        p.company = c
        d = add_device(p, mobile=R.random() < 0.05)
        if d["os"] == "Linux" and R.random() < 0.4:
            pass
        t = sample_time(p.city_tz, "work")
        lh = local_hour(t, p.city_tz)
        at_office = 8 <= lh <= 18 and t.astimezone(ZoneInfo(p.city_tz)).weekday() < 5 and R.random() < 0.62
        ip = office_ip(c, p) if at_office or (c["edge"] and R.random() < 0.7) else home_ip(p, t)
        email = work_email(p.fn, p.ln, c["dom"])
        if R.random() < 0.18:    # signs up with personal email anyway
            email = personal_email(p.cc, p.fn, p.ln)
        legit_signup(p, t, ip, d, "legit_work", email, fill=human_fill(False, autofill_p=0.45))

        def wip(pp, dd, tt, c=c):
            lh2 = local_hour(tt, pp.city_tz)
            if 8 <= lh2 <= 18 and R.random() < 0.7 or (c["edge"] and R.random() < 0.6):
                return office_ip(c, pp)
            return home_ip(pp, tt)
        followup_logins(p, "legit_work", wip, p_return=0.65)


def seg_team(nteams):
    """companies onboarding a team: same domain, same egress, managed fleet laptops"""
    for _ in range(nteams):
        cc = wchoice([("US", 40), ("IN", 14), ("GB", 8), ("DE", 7), ("FR", 3), ("CA", 4), ("BR", 4), ("NL", 2),
                      ("SG", 2), ("JP", 3), ("IL", 2), ("AU", 2), ("ES", 2), ("PL", 2), ("SE", 1)])
        c = company_for(cc)
        size = int(min(80, max(4, lognorm(14, 0.7))))
        fleet_os = wchoice([("Mac", 55), ("Windows", 40), ("Linux", 5)]) if cc in RICH else \
            wchoice([("Windows", 75), ("Mac", 20), ("Linux", 5)])
        fleet_fam = "chrome" if R.random() < 0.75 else {"Windows": "edge", "Mac": "safari", "Linux": "firefox"}[fleet_os]
        fleet_canvas = h("fleet", c["dom"], n=10)
        fleet_screen = R.choice(SCREENS[fleet_os])[0]
        fleet_hw = R.choice([8, 10, 12]) if fleet_os == "Mac" else R.choice([8, 12, 16])
        city = pick_city(cc)[0]
        t0 = sample_time(city_tuple(cc, city)[5], "work", spike=False)
        sso_like = R.random() < 0.5     # admin sends invite, everyone clicks within the hour
        for k in range(size):
            p = new_person(cc, seg="team", city=city)
            p.company = c
            if R.random() < 0.85:
                d = make_device(fleet_os, fleet_fam, canvas=fleet_canvas, screen=fleet_screen, hw=fleet_hw, mem=8)
            else:
                d = make_device(fleet_os, desktop_fam(fleet_os))
            d["fp"] = fingerprint(d)
            d["tz"] = device_tz(p.city_tz, cc, d["os"])
            p.devices.append(d)
            if sso_like:
                t = t0 + dt.timedelta(minutes=lognorm(25, 1.2))
            else:
                t = t0 + dt.timedelta(hours=R.uniform(0, 72))
                lh = local_hour(t, p.city_tz)
                if lh < 8 or lh > 19:
                    t += dt.timedelta(hours=(9 - lh) % 24)
            if t >= END:
                continue
            ip = office_ip(c, p) if R.random() < 0.8 else home_ip(p, t)
            email = work_email(p.fn, p.ln, c["dom"], style=c.setdefault("style", wchoice(
                [("f.l", 60), ("il", 25), ("f", 15)])))
            legit_signup(p, t, ip, d, "legit_team_onboarding", email, fill=human_fill(False, autofill_p=0.5))
            followup_logins(p, "legit_team_onboarding",
                            lambda pp, dd, tt, c=c: office_ip(c, pp) if R.random() < 0.75 else home_ip(pp, tt), 0.8)


UNIS = [("mit", "US", "Cambridge", ["mit.edu"]), ("stanford", "US", "Palo Alto", ["stanford.edu"]),
        ("berkeley", "US", "Berkeley", ["berkeley.edu"]), ("cmu", "US", "Pittsburgh", ["andrew.cmu.edu", "cmu.edu"]),
        ("uiuc", "US", "Champaign", ["illinois.edu"]), ("gatech", "US", "Atlanta", ["gatech.edu"]),
        ("utexas", "US", "Austin", ["utexas.edu", "my.utexas.edu"]), ("uw", "US", "Seattle", ["uw.edu"]),
        ("nyu", "US", "New York", ["nyu.edu"]), ("purdue", "US", "West Lafayette", ["purdue.edu"]),
        ("utoronto", "CA", "Toronto", ["mail.utoronto.ca"]), ("uwaterloo", "CA", "Waterloo", ["uwaterloo.ca"]),
        ("janet", "GB", "Oxford", ["ox.ac.uk"]), ("janet", "GB", "Cambridge", ["cam.ac.uk"]),
        ("janet", "GB", "London", ["ucl.ac.uk", "imperial.ac.uk"]), ("janet", "GB", "Edinburgh", ["ed.ac.uk"]),
        ("dfn", "DE", "Munich", ["tum.de", "campus.lmu.de"]), ("dfn", "DE", "Berlin", ["hu-berlin.de", "campus.tu-berlin.de"]),
        ("dfn", "DE", "Karlsruhe", ["student.kit.edu"]), ("surf", "NL", "Delft", ["student.tudelft.nl"]),
        ("surf", "NL", "Amsterdam", ["student.uva.nl"]), ("switch", "CH", "Zurich", ["ethz.ch", "student.ethz.ch"]),
        ("switch", "CH", "Lausanne", ["epfl.ch"]), ("usp", "BR", "Sao Paulo", ["usp.br"]),
        ("ernet", "IN", "Bengaluru", ["iisc.ac.in"]), ("ernet", "IN", "Mumbai", ["iitb.ac.in"]),
        ("ernet", "IN", "Delhi", ["iitd.ac.in", "dtu.ac.in"]), ("ernet", "IN", "Chennai", ["smail.iitm.ac.in", "annauniv.edu"]),
        ("ernet", "IN", "Hyderabad", ["iith.ac.in", "students.iiit.ac.in"]), ("ernet", "IN", "Kolkata", ["jadavpuruniversity.in"]),
        ("ernet", "IN", "Vellore", ["vitstudent.ac.in"]), ("nus", "SG", "Singapore", ["u.nus.edu"]),
        ("utokyo", "JP", "Tokyo", ["g.ecc.u-tokyo.ac.jp"]), ("kaist", "KR", "Daejeon", ["kaist.ac.kr"]),
        ("itb", "ID", "Bandung", ["students.itb.ac.id"]), ("cernet", "CN", "Beijing", ["mails.tsinghua.edu.cn"])]
UNI_W = [5, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 1.5, 1.5, 2, 1, 1.5, 1.5, 0.8, 1, 0.8, 1, 0.6, 1.5, 2, 2.5, 2.5, 2, 1.5,
         1, 2.5, 1, 0.8, 0.8, 1, 0]


def student_email(p, uni):
    dom = R.choice(uni[3])
    f, l = clean_parts(p.fn, p.ln)
    style = R.random()
    if uni[1] == "US" and style < 0.4:
        lp = f[0] + (l[0] if R.random() < 0.6 else "") + str(R.randrange(100, 9999))
    elif style < 0.75:
        lp = "%s.%s" % (f, l)
    elif style < 0.9:
        lp = f + l[:1] + str(R.randrange(10, 99))
    else:
        lp = f[0] + l
    if uni[1] == "IN" and R.random() < 0.5:
        lp = "%s.%s%d" % (f, l, R.randrange(2021, 2025))
    return lp + "@" + dom


def campus_ip(uni, pool=48):
    nid = uni[0]
    b = pick_block(nid, False, uni[1], uni[2], exact=1.0)
    return v4_addr(host_in(b, cgnat=True, pool=pool))


def seg_students(n):
    for _ in range(n):
        uni = wchoice(list(zip(UNIS, UNI_W)))
        p = new_person(uni[1], seg="student", city=uni[2] if (uni[1], uni[2]) in CITYREC and
                       city_tuple(uni[1], uni[2])[6] > 0 else None)
        p.city, p.city_tz = uni[2], city_tuple(uni[1], uni[2])[5]
        if uni[1] in ("US", "GB", "CA", "DE", "NL", "CH") and R.random() < 0.18:   # international students
            src = wchoice([("IN", 5), ("CN", 4), ("KR", 1), ("VN", 0.6), ("BR", 0.5), ("NG", 0.5), ("TR", 0.4),
                           ("IR", 0.6), ("DE", 0.3)])
            p.fn, p.ln = person_name(src)
            if R.random() < 0.35:
                p.langs = langs_for(src)
        d = add_device(p, mobile=R.random() < 0.12)
        add_device(p, mobile=not d["mobile"])
        t = sample_time(p.city_tz, "student")
        on_campus = R.random() < 0.55
        ip = campus_ip(uni) if on_campus else (mobile_ip(p) if d["mobile"] else home_ip(p, t))
        email = student_email(p, uni) if R.random() < 0.6 else personal_email(p.cc, p.fn, p.ln)
        legit_signup(p, t, ip, d, "legit_students", email)
        followup_logins(p, "legit_students",
                        lambda pp, dd, tt, uni=uni: campus_ip(uni) if R.random() < 0.5 else std_ip(pp, dd, tt))


def seg_events(nevents):
    """hackathons, workshops, bootcamp classes and conference talks: many signups from one venue"""
    venues = []
    for _ in range(nevents):
        kind = wchoice([("class", 45), ("hackathon", 25), ("conference", 15), ("bootcamp", 15)])
        if kind == "class":
            uni = wchoice(list(zip(UNIS, [w * (3 if u[1] == "IN" else 1) for u, w in zip(UNIS, UNI_W)])))
            cc, city = uni[1], uni[2]
            src = ("uni", uni)
        else:
            cc = wchoice([("US", 35), ("IN", 20), ("GB", 6), ("DE", 5), ("BR", 5), ("SG", 3), ("FR", 3), ("NG", 3),
                          ("KE", 2), ("ID", 3), ("VN", 2), ("CA", 3), ("ES", 2), ("JP", 2)])
            city = pick_city(cc)[0]
            src = ("venue", net_for(cc, "biz"))
        tz = city_tuple(cc, city)[5]
        t0 = sample_time(tz, "work", spike=False)
        size = int(min(200, max(12, lognorm({"class": 45, "hackathon": 70, "conference": 60, "bootcamp": 25}[kind], 0.5))))
        if src[0] == "venue":
            b = pick_block(src[1], False, cc, city)
            base = host_in(b)
            venue_ips = [v4_addr(base + i) for i in range(R.choice([1, 1, 2, 4]))]
        lab = kind == "class" and R.random() < 0.5      # lab PCs: identical imaged machines
        lab_canvas = h("lab", R.random(), n=10)
        dur = {"class": 1.2, "hackathon": 4, "conference": 1.0, "bootcamp": 2}[kind]
        for k in range(size):
            p = new_person(cc, seg="event", city=city)
            if lab:
                d = make_device("Windows", "chrome", canvas=lab_canvas, screen=(1920, 1080), hw=8, mem=8)
                d["fp"] = fingerprint(d)
                d["tz"] = device_tz(p.city_tz, cc, "Windows")
                p.devices.append(d)
            else:
                d = add_device(p, mobile=R.random() < (0.25 if kind == "conference" else 0.08))
            t = t0 + dt.timedelta(minutes=abs(R.gauss(0, dur * 25)) + R.uniform(0, 10))
            if t >= END:
                continue
            if src[0] == "uni":
                ip = campus_ip(src[1], pool=4 if cc == "IN" else 16)
                email = student_email(p, src[1]) if R.random() < 0.5 else personal_email(cc, p.fn, p.ln)
            else:
                ip = R.choice(venue_ips) if (R.random() < 0.8 or not p.mobile_net) else mobile_ip(p)
                email = personal_email(cc, p.fn, p.ln)
            fill = human_fill(d["mobile"], autofill_p=0.25)
            legit_signup(p, t, ip, d, "legit_event_cohort", email, fill=fill)
            followup_logins(p, "legit_event_cohort", std_ip, 0.45)


VPN_NETS = [("m247", 4), ("datacamp", 3), ("proton", 2), ("mullvad", 1), ("packethub", 1), ("tefincom", 1),
            ("clouvider", 0.6)]


def vpn_ip(p_cc, want_cc=None):
    nid = wchoice(VPN_NETS)
    if want_cc is None:
        want_cc = p_cc if R.random() < 0.5 else wchoice([("US", 5), ("GB", 1), ("DE", 1), ("NL", 1), ("CH", 0.5),
                                                         ("JP", 0.5), ("SG", 0.5), ("CA", 0.5), ("SE", 0.5)])
    ip, b = ip_from(nid, want_cc, None, v6=R.random() < 0.1, pool=64)
    return ip, b


def seg_privacy(n):
    for _ in range(n):
        p = new_person(wchoice([("US", 30), ("DE", 8), ("GB", 6), ("FR", 4), ("NL", 3), ("CA", 3), ("CH", 2),
                                ("SE", 2), ("IN", 8), ("BR", 3), ("AU", 2), ("PL", 2), ("ES", 2), ("IT", 2),
                                ("TR", 2), ("AE", 2), ("PK", 1.5), ("ID", 1.5), ("UA", 2), ("JP", 1), ("KR", 1),
                                ("MX", 1), ("EG", 1)]), seg="privacy")
        mode = wchoice([("vpn", 55), ("relay", 30), ("warp", 9), ("tor", 6)])
        if mode == "relay":
            d = add_device(p, mobile=R.random() < 0.75)
            if d["os"] not in ("iOS", "Mac") or d["fam"] not in ("safari",):
                p.devices = []
                d = make_device("iOS" if R.random() < 0.7 else "Mac", "safari")
                d["fp"] = fingerprint(d)
                d["tz"] = device_tz(p.city_tz, p.cc, d["os"])
                p.devices.append(d)
            ipfun = lambda pp, dd, tt: ip_from(R.choice(["relay_akamai", "relay_akamai", "relay_fastly", "cloudflare"]),
                                               pp.cc if pp.cc in dict((x[0], 1) for x in geo._RELAY) else "US",
                                               None)[0]
        elif mode == "tor":
            d = make_device("Windows" if R.random() < 0.5 else "Linux", "firefox")
            d["ua"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
            d["screen"], d["hw"], d["platform"], d["canvas"] = "1400x900x24", 2, "Win32", "tor-rfp"
            d["fp"] = fingerprint(d)
            d["tz"] = "UTC"
            p.devices.append(d)
            p.langs = ["en-US", "en"]
            ipfun = lambda pp, dd, tt: ip_from(wchoice([("tor_sef", 3), ("tor_fap", 1), ("tor_eo", 1)]))[0]
        else:
            d = add_device(p, mobile=R.random() < 0.25)
            exit_cc = p.cc if R.random() < 0.55 else wchoice([("US", 5), ("NL", 1), ("CH", 1), ("DE", 1), ("GB", 1),
                                                                ("SE", 0.5), ("JP", 0.3), ("SG", 0.3)])
            p.exit_cc = exit_cc
            if mode == "warp":
                ipfun = lambda pp, dd, tt: ip_from("cloudflare", pp.cc if pp.cc in ("US", "GB", "DE", "FR", "CA", "AU", "JP", "NL", "ES", "IT", "BR", "IN", "SG", "CH", "SE", "MX", "KR", "IE", "PL", "TW", "IL", "AE", "HK") else "US", None)[0]
            else:
                ipfun = lambda pp, dd, tt: vpn_ip(pp.cc, pp.exit_cc)[0] if R.random() < 0.85 else home_ip(pp, tt)
        t = sample_time(p.city_tz, "dev")
        ip = ipfun(p, d, t)
        r = R.random()
        if r < 0.35:
            email = relay_email() if mode != "relay" or R.random() < 0.4 else \
                "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)) + "@privaterelay.appleid.com"
        elif r < 0.6:
            email = local_part(p.fn, p.ln) + "@" + wchoice([("proton.me", 5), ("protonmail.com", 2), ("pm.me", 1),
                                                              ("tutanota.com", 1), ("posteo.de", 0.5), ("mailbox.org", 0.5),
                                                              ("fastmail.com", 1)])
        elif r < 0.62:
            email = "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)) + "@" + R.choice(
                geo.DISPOSABLE[:10])
        else:
            email = personal_email(p.cc, p.fn, p.ln, plus_p=0.12)
        uname = username_from(p.fn, p.ln) if R.random() < 0.5 else \
            R.choice(["anon", "null", "void", "ghost", "byte", "nyx", "hex", "kern", "0x"]) + \
            "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(R.randint(3, 8)))
        if mode == "tor":
            p.collector_blocked = R.random() < 0.5   # NoScript "safest"
        legit_signup(p, t, ip, d, "legit_privacy_vpn_relay", email, username=uname,
                     fill=human_fill(d["mobile"], autofill_p=0.55))
        followup_logins(p, "legit_privacy_vpn_relay", ipfun)


def seg_travel(n):
    """travellers, roaming, expats and remote workers: tz/lang/IP disagree"""
    for _ in range(n):
        home_cc = wchoice([("US", 20), ("IN", 15), ("GB", 6), ("DE", 6), ("BR", 5), ("FR", 3), ("CN", 3), ("KR", 2),
                           ("JP", 2), ("NG", 2), ("PK", 2), ("PH", 2), ("EG", 1), ("CA", 2), ("ES", 2), ("IT", 2),
                           ("UA", 3), ("RU", 2), ("TR", 1)])
        p = new_person(home_cc, seg="travel")
        where = wchoice([("hotel", 30), ("roaming", 20), ("expat", 40), ("nomad", 10)])
        host_cc = wchoice([("US", 10), ("GB", 5), ("AE", 6), ("DE", 4), ("SG", 4), ("TH", 3), ("PT", 3), ("ES", 3),
                           ("NL", 2), ("CA", 3), ("JP", 2), ("MX", 2), ("ID", 2), ("FR", 2), ("AU", 2), ("IN", 2),
                           ("PL", 2), ("TR", 2), ("CO", 1), ("VN", 1)])
        if host_cc == home_cc:
            host_cc = "PT" if home_cc != "PT" else "ES"
        hc = pick_city(host_cc)
        d = add_device(p, mobile=where == "roaming" or R.random() < 0.3)
        if where == "roaming":
            # phone keeps home-carrier IP (home routed), device tz switched to local
            tz = hc[5]
            ipfun = lambda pp, dd, tt: mobile_ip(pp)
        elif where == "expat":
            # lives abroad: local ISP, local tz, home-country language and email
            p.cc_home = p.cc
            p.cc, p.city, p.city_tz = host_cc, hc[0], hc[5]
            nid = net_for(host_cc, "isp")
            p.home = nid
            n_ = geo.N[nid]
            p.home_v6 = bool(n_["v6"]) and R.random() < n_["v6share"]
            p.home_block = pick_block(nid, p.home_v6, host_cc, hc[0])
            p.home_addr = host_in(p.home_block, n_["cgnat"])
            if p.home_v6:
                p.home_v4 = host_in(pick_block(nid, False, host_cc, hc[0]), n_["cgnat"])
            p.mobile_net = net_for(host_cc, "mobile")
            tz = device_tz(hc[5], host_cc, d["os"])
            ipfun = std_ip
        else:  # hotel / coworking / nomad wifi
            tz = hc[5] if R.random() < 0.75 else d["tz"]
            nid = net_for(host_cc, "biz") or net_for(host_cc, "isp")
            wb = pick_block(nid, False, host_cc, hc[0])
            wa = host_in(wb)
            venue = [v4_addr(wa + i) for i in range(2)]
            ipfun = lambda pp, dd, tt, venue=venue: R.choice(venue)
        d["tz"] = tz
        t = sample_time(tz, "dev")
        ip = ipfun(p, d, t)
        email = personal_email(home_cc, p.fn, p.ln) if R.random() < 0.8 else work_email(
            p.fn, p.ln, company_domain(home_cc))
        legit_signup(p, t, ip, d, "legit_travel_expat", email, tz=tz)
        followup_logins(p, "legit_travel_expat", ipfun)


CLI_UAS = ["portal-cli/2.4.1 (darwin; arm64) python/3.12.3", "portal-cli/2.4.1 (linux; x86_64) python/3.11.9",
           "portal-cli/2.4.0 (win32; x64) python/3.12.1", "portal-cli/2.3.7 (darwin; x86_64) python/3.10.13",
           "portal-sdk-node/1.9.0 node/20.12.2 darwin arm64", "portal-sdk-node/1.9.0 node/18.19.1 linux x64",
           "portal-sdk-node/1.8.4 node/22.1.0 win32 x64"]


def seg_cli(n):
    """official CLI / SDK onboarding ('portal login --signup'): JSON API, no collector, no form timing"""
    for _ in range(n):
        p = new_person(seg="cli")
        d = add_device(p, mobile=False)
        t = sample_time(p.city_tz, "dev")
        where = wchoice([("home", 70), ("codespace", 15), ("ci", 5), ("office", 10)])
        if where == "codespace":
            ip = ip_from("azure", None)[0]
        elif where == "ci":
            ip = ip_from(R.choice(["aws", "gcp", "azure"]))[0]
        elif where == "office":
            ip = office_ip(company_for(p.cc), p)
        else:
            ip = home_ip(p, t)
        ua = R.choice(CLI_UAS)
        hd = {"user-agent": ua}
        if R.random() < 0.3:
            hd["accept-language"] = p.langs[0]
        email = personal_email(p.cc, p.fn, p.ln) if R.random() < 0.7 else work_email(p.fn, p.ln, company_domain(p.cc))
        p.email = email
        p.username = username_from(p.fn, p.ln, email)
        emit("signup", t, ip, "legit", "legit_cli_sdk", p.acct, email, p.username, hd, None, None)
        p.signup_t = t
        ACCOUNTS[email.lower()] = p
        followup_logins(p, "legit_cli_sdk", std_ip, 0.5)


def seg_returning(n):
    """existing accounts (created before the window) logging back in"""
    people = []
    for _ in range(n):
        seg = wchoice([("dev", 60), ("work", 30), ("mobile", 10)])
        p = new_person(seg=seg)
        d = add_device(p, mobile=seg == "mobile" or R.random() < 0.08)
        if R.random() < 0.4:
            add_device(p, mobile=not d["mobile"])
        p.email = personal_email(p.cc, p.fn, p.ln) if seg != "work" else work_email(p.fn, p.ln, company_for(p.cc)["dom"])
        ACCOUNTS[p.email.lower()] = p
        rate = min(3.0, lognorm(0.18, 1.0))
        k = sum(1 for _ in range(30) if R.random() < rate * DAYS / 30)
        if seg == "work":
            c = company_for(p.cc)
            p.company = c
        for _ in range(k):
            t = sample_time(p.city_tz, "work" if seg == "work" else seg, spike=True)
            d2 = p.devices[0] if R.random() < 0.8 else R.choice(p.devices)
            if seg == "work" and R.random() < 0.6:
                ip = office_ip(p.company, p)
            else:
                ip = std_ip(p, d2, t)
            legit_login(p, t, ip, d2, "legit_returning")
        people.append(p)
    return people


# ----------------------------------------------------------------------------------- fraud helpers
RESI_GEO = [("US", 55), ("GB", 7), ("CA", 6), ("DE", 5), ("FR", 3), ("AU", 3), ("BR", 4), ("IN", 4), ("NL", 2),
            ("ES", 2), ("IT", 2), ("MX", 2), ("JP", 1), ("PL", 1), ("SE", 1), ("TR", 1), ("PH", 1)]


def resi_proxy_ip(cc=None):
    cc = cc or wchoice(RESI_GEO)
    if R.random() < 0.03 and LEGIT_IPS.get(cc):       # proxyware on a real user's device
        ip = R.choice(LEGIT_IPS[cc])
        return ip, None, cc
    kind = "isp" if R.random() < 0.85 else "mobile"
    nid = net_for(cc, kind)
    n = geo.N[nid]
    v6 = bool(n["v6"]) and R.random() < n["v6share"] * 0.3     # most proxy SDKs egress v4
    b = pick_block(nid, v6, cc, None)
    a = host_in(b, n["cgnat"])
    return (v6_addr(a) if b.v6 else v4_addr(a)), b, cc


def block_tz(b, cc):
    if b is None:
        return geo.C[cc]["tz"]
    return b.tz


def fraud_username(fn, ln, style):
    f, l = clean_parts(fn, ln)
    if style == "namenum":
        return f + l + str(R.randrange(10, 9999))
    if style == "adjnoun":
        return R.choice(["silent", "rapid", "lucky", "brave", "cosmic", "neon", "solar", "quiet", "wild", "swift",
                         "happy", "clever", "misty", "golden"]) + R.choice(
            ["_", "", "-"]) + R.choice(["falcon", "panda", "river", "pixel", "tiger", "comet", "maple", "otter",
                                       "ember", "wolf", "lotus", "cloud"]) + str(R.randrange(1, 999))
    if style == "rand":
        return "".join(R.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(R.randint(6, 9))) + str(R.randrange(10, 99))
    return username_from(fn, ln)


CATCHALL_TLDS = [".xyz", ".shop", ".online", ".site", ".store", ".top", ".click", ".space", ".life", ".fun",
                 ".pro", ".tech", ".info", ".us", ".com"]


def catchall_domain():
    w1 = R.choice(["nova", "quill", "bright", "pixel", "stack", "north", "lumen", "cedar", "orbit", "vertex", "ample",
                   "zen", "blue", "apex", "prime", "kite", "echo", "sage", "ion", "terra"])
    w2 = R.choice(["lab", "works", "hub", "mail", "box", "studio", "base", "line", "point", "field", "craft", "ly",
                   "io", "desk", "ware", "net", "grid"])
    return w1 + w2 + (str(R.randrange(10, 99)) if R.random() < 0.3 else "") + R.choice(CATCHALL_TLDS)


def bought_mail(fn, ln):
    f, l = clean_parts(fn, ln)
    lp = R.choice(["%s%s%d", "%s.%s%d", "%s%s_%d", "%s%s%d"]) % (f, l, R.randrange(100, 99999))
    return lp + "@" + wchoice([("hotmail.com", 35), ("outlook.com", 45), ("gmail.com", 12), ("yahoo.com", 5),
                               ("outlook.de", 1), ("hotmail.co.uk", 1), ("outlook.fr", 1)])


def f_signup(t, ip, campaign, email, username, hd, dev, form, acct=None):
    acct = acct or rid("acct_")
    emit("signup", t, ip, "fraud", campaign, acct, email, username, hd, dev, form)
    return acct


def f_login(t, ip, campaign, acct, email, hd, dev, form, success=True):
    if t >= END:
        return
    emit("login", t, ip, "fraud", campaign, acct, email, None, hd, dev, form, success=success)


def ops_window_times(n, lo_h, hi_h, tz, prof):
    return sorted(sample_time(tz, prof, spike=False, lo=lo_h, hi=hi_h) for _ in range(n))


# ----------------------------------------------------------------------------------- fraud operations
def op_distill_farm(n):
    """Model-distillation account farm: Playwright fleet on 4 Linux servers behind a rotating residential
    proxy network. v1 leaks headless traits; after first blocks (day ~2.5) the operator adds stealth +
    per-account canvas noise and aligns timezone with the proxy exit, but keeps server hardware."""
    camp = "fraud_distill_resi_farm"
    servers = [h("srv", i, n=10) for i in range(4)]
    domains = [catchall_domain() for _ in range(6)]
    t = START + dt.timedelta(hours=30)
    fk = faker_for("en_US")
    switch = START + dt.timedelta(hours=62)
    accts = []
    for i in range(n):
        # bursty steady: batches of 10-40 with ~25s spacing, gaps 20-120 min; ramps after the spike
        if i % R.randint(10, 40) == 0:
            gap = R.uniform(20, 200) * (0.6 if t > START + dt.timedelta(hours=SPIKE_H) else 1.0)
            t += dt.timedelta(minutes=gap)
        t += dt.timedelta(seconds=R.expovariate(1 / 28))
        if t >= END:
            break
        v2 = t > switch
        ip, b, cc = resi_proxy_ip()
        fn, ln = fk.first_name(), fk.last_name()
        srv = R.choice(servers)
        if not v2:
            ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
            if R.random() < 0.3:
                ua = ua.replace("Chrome/124", "HeadlessChrome/124")
            hd = {"user-agent": ua, "accept-language": "en-US",
                  "sec-ch-ua": '"Chromium";v="124", "HeadlessChrome";v="124", "Not-A.Brand";v="99"'
                  if R.random() < 0.5 else sec_ch_ua(124, "Google Chrome"),
                  "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": '"Linux"'}
            dev = {"fingerprint": h("fp", srv, "v1"), "timezone": "UTC", "languages": ["en-US"],
                   "screen": "800x600x24", "platform": "Linux x86_64", "hardware_concurrency": 32,
                   "device_memory": 8, "touch_points": 0, "webdriver": R.random() < 0.15}
            fill = int(R.uniform(1500, 4200))
            email = (local_part(fn, ln, "f.l") + "@" + R.choice(domains[:3])) if R.random() < 0.6 else bought_mail(fn, ln)
        else:
            d = make_device("Windows", "chrome", hw=R.choice([4, 8, 12, 16, 32, 32]), mem=8)
            tz = block_tz(b, cc)
            langs = ["en-US", "en"]
            hd = headers_for(d, langs)
            dev = device_obj(d, tz, langs, fp=fingerprint(d, salt=R.random()))
            if R.random() < 0.25:           # the Linux host leaks through navigator.platform
                dev["platform"] = "Linux x86_64"
            fill = int(lognorm(9000, 0.25))
            email = (local_part(fn, ln, R.choice(["f.l", "fl", "fD", "f.lD"])) + "@" + R.choice(domains[2:])) \
                if R.random() < 0.45 else bought_mail(fn, ln)
        uname = fraud_username(fn, ln, R.choice(["namenum", "adjnoun", "plain"]))
        acct = f_signup(t, ip, camp, email, uname, hd, dev, {"fill_ms": fill, "honeypot": ""})
        accts.append((acct, email, hd, dev))
        # key-creation logins via fresh exits
        for _ in range(R.choice([0, 1, 1, 2])):
            tl = t + dt.timedelta(hours=R.uniform(0.2, 60))
            ip2, b2, cc2 = resi_proxy_ip()
            d2 = dict(dev)
            d2["timezone"] = block_tz(b2, cc2) if v2 else "UTC"
            f_login(tl, ip2, camp, acct, email, hd, d2, {"fill_ms": int(R.uniform(900, 2500)), "honeypot": ""})


MOBILE_PROXY_GEO = [("US", 70), ("GB", 15), ("DE", 8), ("CA", 4), ("FR", 3)]


def op_resale_antidetect(n):
    """Gray-market API-key resale shop: 3 operators in Vietnam working shifts in an anti-detect browser
    (Chromium kernel lagging behind the spoofed UA), each profile on a rotating 4G mobile proxy.
    Aged Outlook/Hotmail + PVA Gmail bought in bulk. Accounts are sold: buyers log in from elsewhere."""
    camp = "fraud_resale_antidetect_4g"
    ops_tz = "Asia/Ho_Chi_Minh"
    times = ops_window_times(n, 0, HOURS, ops_tz, "work")
    fk = faker_for("en_US")
    profiles = []
    for t in times:
        cc = wchoice(MOBILE_PROXY_GEO)
        nid = net_for(cc, "mobile")
        ip, b = ip_from(nid, cc, None, v6=R.random() < 0.25)
        if profiles and R.random() < 0.2:
            prof = R.choice(profiles[-30:])          # profile reused after clearing cookies
        else:
            os_ = "Windows" if R.random() < 0.8 else "Mac"
            d = make_device(os_, "chrome", hw=R.choice([4, 8, 8, 12, 16]), mem=R.choice([4, 8, 8]))
            major = chrome_major(d["ua"]) or 135
            if R.random() < 0.35:                   # kernel lag: hints disagree with UA version
                kern = R.choice([120, 122, 124, 126, 128])
                d["sec"] = {"sec-ch-ua": sec_ch_ua(kern, "Google Chrome"), "sec-ch-ua-mobile": "?0",
                            "sec-ch-ua-platform": '"%s"' % PLAT_HDR[os_]}
            d["fp"] = fingerprint(d, salt=R.random())
            prof = d
            profiles.append(d)
        tz = block_tz(b, cc)
        langs = {"US": ["en-US", "en"], "GB": ["en-GB", "en"], "DE": ["de-DE", "de", "en-US", "en"],
                 "CA": ["en-CA", "en"], "FR": ["fr-FR", "fr", "en-US", "en"]}[cc]
        hd = headers_for(prof, langs)
        dev = device_obj(prof, tz, langs)
        fn, ln = fk.first_name(), fk.last_name()
        email = bought_mail(fn, ln) if R.random() < 0.72 else local_part(fn, ln, "fD") + "@gmail.com"
        uname = fraud_username(fn, ln, R.choice(["namenum", "plain", "plain"]))
        fill = int(lognorm(11000, 0.35))     # paste from spreadsheet
        acct = f_signup(t, ip, camp, email, uname, hd, dev, {"fill_ms": fill, "honeypot": ""})
        # operator logs in to mint the key (same profile, new 4G IP)
        if R.random() < 0.6:
            ip2, b2 = ip_from(nid, cc, None)
            f_login(t + dt.timedelta(minutes=R.uniform(2, 40)), ip2, camp, acct, email, hd, dev,
                    {"fill_ms": int(R.uniform(1200, 4000)), "honeypot": ""})
        # buyer logs in 1-4 days later
        if R.random() < 0.45:
            bcc = wchoice([("CN", 35), ("HK", 10), ("RU", 12), ("IR", 5), ("VN", 8), ("IN", 8), ("US", 8),
                           ("TR", 4), ("BR", 4), ("UA", 3), ("NG", 3)])
            bp = new_person(bcc, seg="buyer")
            bd = add_device(bp, mobile=R.random() < 0.2)
            tb = t + dt.timedelta(hours=R.uniform(20, 110))
            if bcc in ("CN", "HK", "RU", "IR"):
                bip = ip_from(wchoice([("alibaba", 2), ("tencent", 2), ("vultr", 2), ("m247", 2), ("dmit", 1),
                                       ("it7", 1), ("aeza", 1), ("cloudflare", 1)]))[0]
            else:
                bip = std_ip(bp, bd, tb)
            hdb, devb, formb = web_payload(bp, bd, tb, "login")
            f_login(tb, bip, camp, acct, email, hdb, devb, formb)


def op_cloud_scripted(n):
    """Crude scripted signup tool run from rented VPS. v1: python-requests against the JSON API with
    temp-mail; v2 (after blocks): HTML form POSTs with a copied Chrome UA but no client hints/collector,
    naive honeypot filling; v3: headless puppeteer on cheap hosts with fresh temp-mail domains."""
    camp = "fraud_cloud_scripted"
    t = START + dt.timedelta(hours=7)
    nets_v1 = [("aws", 3), ("digitalocean", 3), ("hetzner", 2), ("ovh", 2), ("vultr", 2), ("linode", 1)]
    nets_v3 = [("contabo", 3), ("stark", 2), ("aeza", 2), ("hostkey", 1), ("leaseweb", 1), ("vultr", 1),
               ("oracle", 1), ("timeweb", 1)]
    made = 0
    vm_ip = None
    left_on_vm = 0
    while made < n and t < END:
        phase = 1 if t < START + dt.timedelta(hours=50) else (2 if t < START + dt.timedelta(hours=118) else 3)
        if left_on_vm <= 0:
            nid = wchoice(nets_v1 if phase < 3 else nets_v3)
            vm_ip = ip_from(nid, None, None, v6=R.random() < 0.1)[0]
            left_on_vm = R.randint(3, 40) if phase == 1 else R.randint(2, 12)
            t += dt.timedelta(minutes=R.uniform(5, 240))        # operator restarts / rotates VM
        left_on_vm -= 1
        t += dt.timedelta(seconds=R.expovariate(1 / (6 if phase == 1 else 45)))
        fk = faker_for(R.choice(["en_US", "en_US", "en_IN", "en_GB"]))
        fn, ln = fk.first_name(), fk.last_name()
        lp = (local_part(fn, ln, R.choice(["fD", "f.lD", "fl"])) if R.random() < 0.6 else
              "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(R.randint(8, 12))))
        if phase == 1:
            email = lp + "@" + R.choice(geo.DISPOSABLE)
            hd = {"user-agent": R.choice(["python-requests/2.31.0", "python-requests/2.32.3", "python-httpx/0.27.0",
                                          "Go-http-client/2.0", "axios/1.6.8"]), }
            if R.random() < 0.2:
                hd["accept-language"] = "en-US,en;q=0.9"
            dev, form = None, None
        elif phase == 2:
            email = lp + "@" + R.choice(geo.DISPOSABLE + geo.FRESH_TEMP[:8])
            hd = {"user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                "Chrome/%d.0.0.0 Safari/537.36" % R.choice([120, 122, 124]),
                  "accept-language": "en-US,en;q=0.9"}
            dev = None
            form = {"fill_ms": int(R.uniform(350, 1800)),
                    "honeypot": (R.choice(["https://" + lp[:6] + ".com", lp, fn]) if R.random() < 0.55 else "")}
        else:
            email = lp + "@" + R.choice(geo.FRESH_TEMP)
            ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) %s/131.0.0.0 Safari/537.36" % (
                "HeadlessChrome" if R.random() < 0.4 else "Chrome")
            hd = {"user-agent": ua, "accept-language": "en-US,en;q=0.9",
                  "sec-ch-ua": sec_ch_ua(131, "HeadlessChrome" if "Headless" in ua else "Google Chrome"),
                  "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": '"Linux"'}
            dev = {"fingerprint": h("fp", "pptr", vm_ip), "timezone": R.choice(["UTC", "Etc/UTC", "Europe/Berlin"]),
                   "languages": ["en-US", "en"], "screen": R.choice(["800x600x24", "1920x1080x24"]),
                   "platform": "Linux x86_64", "hardware_concurrency": R.choice([1, 2, 4]),
                   "device_memory": R.choice([1, 2, 4]), "touch_points": 0, "webdriver": R.random() < 0.7}
            form = {"fill_ms": int(R.uniform(900, 3200)), "honeypot": ""}
        uname = fraud_username(fn, ln, R.choice(["rand", "namenum", "adjnoun"]))
        acct = f_signup(t, vm_ip, camp, email, uname, hd, dev, form)
        made += 1
        if phase >= 2 and R.random() < 0.3:
            f_login(t + dt.timedelta(seconds=R.uniform(20, 600)), vm_ip, camp, acct, email, hd, dev,
                    {"fill_ms": int(R.uniform(300, 1500)), "honeypot": ""} if form else None)


def gmail_dot_variants(lp, k):
    out = set()
    tries = 0
    while len(out) < k and tries < k * 20:
        tries += 1
        s = lp.replace(".", "")
        pos = sorted(R.sample(range(1, len(s)), min(len(s) - 1, R.randint(1, 3)))) if len(s) > 2 else []
        v = "".join(c + ("." if i + 1 in pos else "") for i, c in enumerate(s))
        out.add(v)
    return sorted(out)


def op_free_credit_alias(n_people):
    """Individuals farming the free-trial credit: Gmail dot/plus variants of one inbox, a cheap catch-all
    domain, some temp mail; one or two own devices; after a few blocks half of them start toggling a VPN."""
    camp = "fraud_free_credit_alias"
    for _ in range(n_people):
        cc = wchoice([("IN", 28), ("PK", 10), ("NG", 9), ("BD", 8), ("VN", 7), ("ID", 6), ("BR", 6), ("EG", 5),
                      ("US", 6), ("PH", 4), ("TR", 3), ("KE", 2), ("MX", 2), ("UA", 2)])
        p = new_person(cc, seg="abuser")
        d = add_device(p, mobile=R.random() < 0.25)
        d2 = add_device(p, mobile=False) if R.random() < 0.35 else None
        base_lp = local_part(p.fn, p.ln, R.choice(["fl", "f.l", "fD"]))
        own_dom = catchall_domain() if R.random() < 0.35 else None
        k = int(min(45, max(4, lognorm(11, 0.6))))
        dots = gmail_dot_variants(base_lp, k)
        uses_vpn = R.random() < 0.5
        start = sample_time(p.city_tz, "dev", spike=True)
        t = start
        fill_base = R.uniform(0.5, 1.0)
        for j in range(k):
            if j and R.random() < 0.25:
                t += dt.timedelta(hours=R.uniform(3, 30))
            else:
                t += dt.timedelta(minutes=R.uniform(2, 25))
            if t >= END:
                break
            r = R.random()
            if own_dom and r < 0.5:
                email = R.choice([ascii_clean(p.fn) + str(j + 1), "a" + str(R.randrange(1000)), base_lp.replace(".", "") + str(j),
                                  R.choice(["test", "dev", "api", "user", "acc", "x"]) + str(R.randrange(1, 500))]) + "@" + own_dom
            elif r < 0.55:
                email = base_lp.replace(".", "") + "+" + R.choice([str(j + 1), "ai%d" % j, "k%d" % j, "new%d" % j]) + "@gmail.com"
            elif r < 0.9 and dots:
                email = dots[j % len(dots)] + "@gmail.com"
            else:
                email = "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(9)) + "@" + R.choice(
                    geo.DISPOSABLE + geo.FRESH_TEMP)
            dd = d if (d2 is None or R.random() < 0.6) else d2
            if uses_vpn and j >= 3 and R.random() < 0.7:
                ip = vpn_ip(cc, wchoice([("US", 5), ("GB", 1), ("DE", 1), ("SG", 1), ("NL", 1)]))[0] if R.random() < 0.7 \
                    else ip_from(wchoice([("proton", 2), ("leaseweb", 1), ("cloudflare", 2)]))[0]
            else:
                ip = std_ip(p, dd, t)
            uname = username_from(p.fn, p.ln) + (str(j + 1) if R.random() < 0.6 else "")
            hd, dev, form = web_payload(p, dd, t, "signup", fill=int(human_fill(dd["mobile"], 0.6) * fill_base))
            if dev and R.random() < 0.15:
                dev.pop("fingerprint")
                dev["fingerprint"] = fingerprint(dd, salt="incog%d" % R.randrange(3))  # different browser profile
            acct = f_signup(t, ip, camp, email, uname, hd, dev, form)
            if R.random() < 0.5:
                tl = t + dt.timedelta(hours=R.uniform(0.5, 48))
                hd2, dev2, form2 = web_payload(p, dd, tl, "login")
                f_login(tl, std_ip(p, dd, tl), camp, acct, email, hd2, dev2, form2)


def op_sim_farm(n):
    """Phone farms: racks of identical budget Android phones driven by ADB/Auto.js tap scripts, each signup
    on carrier data after an airplane-mode toggle (fresh CGNAT address). Farm A in Vietnam from the start,
    farm B in Indonesia from day 4. Gmail accounts made on the same phones."""
    camp = "fraud_sim_phone_farm"
    farms = [("VN", "viettel_m", ANDROIDS[14], 60, 0, "vi_VN"), ("VN", "vinaphone", ANDROIDS[14], 20, 0, "vi_VN"),
             ("ID", "telkomsel", ANDROIDS[7], 50, 96, "id_ID"), ("ID", "xl", ANDROIDS[7], 20, 96, "id_ID")]
    per = [0.45, 0.15, 0.28, 0.12]
    for (cc, nid, model, nphones, start_h, loc), share in zip(farms, per):
        k = int(n * share)
        phones = []
        for i in range(nphones):
            d = make_device("Android", "chrome", model=model, canvas="and-%s-0" % model[0])
            d["fp"] = fingerprint(d)
            phones.append(d)
        t = START + dt.timedelta(hours=start_h + R.uniform(0, 6))
        rate = k / max(1, (HOURS - start_h - 8)) / 3600.0
        fk = faker_for(loc)
        for i in range(k):
            t += dt.timedelta(seconds=R.expovariate(rate))
            if R.random() < 0.004:
                t += dt.timedelta(hours=R.uniform(2, 6))    # SIM batch swap
            if t >= END:
                break
            ph = R.choice(phones)
            ip, b = ip_from(nid, cc, None, exact=0)
            tz = geo.C[cc]["tz"] if cc != "VN" else "Asia/Ho_Chi_Minh"
            langs = {"VN": ["vi-VN", "vi", "en-US", "en"], "ID": ["id-ID", "id", "en-US", "en"]}[cc]
            fn, ln = fk.first_name(), fk.last_name()
            f, l = clean_parts(fn, ln)
            email = "%s%s%s%d@gmail.com" % (l, R.choice(["", "van", "thi", ""]) if cc == "VN" else "", f,
                                            R.randrange(1990, 2006) * 100 + R.randrange(100) if R.random() < 0.5 else R.randrange(100, 99999))
            uname = (f + l + str(R.randrange(10, 9999)))
            hd = headers_for(ph, langs)
            dev = device_obj(ph, tz, langs)
            fill = int(R.gauss(6800, 900))
            acct = f_signup(t, ip, camp, email, uname, hd, dev, {"fill_ms": fill, "honeypot": ""})
            if R.random() < 0.35:
                ip2, _ = ip_from(nid, cc, None, exact=0)
                f_login(t + dt.timedelta(minutes=R.uniform(1, 90)), ip2, camp, acct, email, hd, dev,
                        {"fill_ms": int(R.gauss(4200, 600)), "honeypot": ""})


def op_click_farm(n):
    """Paid micro-task workers (real people, own cheap phones/PCs, cyber cafes) creating accounts per
    task batch and handing over credentials; the task asked for a US VPN, about half comply. The buyer
    later logs in to the collected accounts from one machine."""
    camp = "fraud_click_farm_microtask"
    batches = []
    left = n
    while left > 0:
        size = min(left, int(max(15, lognorm(55, 0.4))))
        batches.append(size)
        left -= size
    buyer = new_person("US", seg="buyer")
    buyer_dev = add_device(buyer, mobile=False)
    buyer_vps = ip_from("vultr", "US", None)[0]
    for size in batches:
        t0 = START + dt.timedelta(hours=R.uniform(4, HOURS - 10))
        cafes = {}
        for _ in range(size):
            cc = wchoice([("BD", 25), ("PK", 18), ("NG", 14), ("KE", 8), ("PH", 10), ("IN", 12), ("VN", 6), ("EG", 5),
                          ("ID", 2)])
            p = new_person(cc, seg="worker")
            mob = R.random() < 0.68
            d = add_device(p, mobile=mob)
            if not mob and R.random() < 0.3:
                # cyber cafe: shared IP, same imaged PC
                key = (cc, p.city)
                if key not in cafes:
                    nid = net_for(cc, "isp")
                    cafes[key] = (v4_addr(host_in(pick_block(nid, False, cc, p.city))), h("cafe", key, n=10))
                ip_cafe, canvas = cafes[key]
                d = make_device("Windows", "chrome", canvas=canvas, screen=(1366, 768), hw=4, mem=4)
                d["fp"] = fingerprint(d)
                d["tz"] = device_tz(p.city_tz, cc, "Windows")
                p.devices = [d]
            else:
                ip_cafe = None
            t = t0 + dt.timedelta(minutes=R.expovariate(1 / 70))
            if t >= END:
                continue
            if R.random() < 0.48:
                ip = vpn_ip(cc, "US")[0] if R.random() < 0.5 else ip_from(wchoice(
                    [("leaseweb_us", 2), ("datacamp", 2), ("m247", 2), ("tefincom", 1), ("cloudflare", 1)]), "US")[0]
            else:
                ip = ip_cafe or std_ip(p, d, t)
            email = personal_email(cc, p.fn, p.ln) if R.random() < 0.6 else \
                local_part(p.fn, p.ln, "fD") + str(R.randrange(10, 99)) + "@gmail.com"
            uname = username_from(p.fn, p.ln, email)
            hd, dev, form = web_payload(p, d, t, "signup", fill=int(human_fill(d["mobile"], 0.15, slow=1.6)))
            acct = f_signup(t, ip, camp, email, uname, hd, dev, form)
            if R.random() < 0.7:
                tb = t + dt.timedelta(hours=R.uniform(6, 40))
                hdb, devb, formb = web_payload(buyer, buyer_dev, tb, "login", fill=int(R.uniform(2500, 6000)))
                f_login(tb, buyer_vps if R.random() < 0.8 else home_ip(buyer, tb), camp, acct, email, hdb, devb, formb)


AIRPORT = [("alibaba", 3), ("tencent", 3), ("dmit", 2), ("it7", 2), ("vultr", 2), ("oracle", 1.5), ("aws", 1),
           ("linode", 1), ("cloudflare", 1.5), ("gcp", 0.7)]


def op_sanctioned(n):
    """Developers in unsupported regions (CN, HK, RU, IR, BY) signing up through VPNs, 'airport'
    proxies and VPS tunnels. Real people, real typing; most forget the OS timezone/locale."""
    camp = "fraud_unsupported_region_vpn"
    for _ in range(n):
        cc = wchoice([("CN", 52), ("RU", 22), ("IR", 12), ("HK", 7), ("BY", 3)])
        p = new_person(cc, seg="sanctioned")
        mob = R.random() < (0.3 if cc == "CN" else 0.2)
        d = add_device(p, mobile=mob)
        careful = R.random() < 0.25
        if cc in ("CN", "HK"):
            tunnel = lambda: ip_from(wchoice(AIRPORT), wchoice([("US", 4), ("JP", 3), ("SG", 3), ("HK", 1), ("KR", 0.5)]))
        elif cc in ("RU", "BY"):
            tunnel = lambda: ip_from(wchoice([("m247", 3), ("datacamp", 2), ("aeza", 2), ("hetzner", 2), ("proton", 1),
                                              ("timeweb", 1), ("stark", 1), ("digitalocean", 1)]), None)
        else:
            tunnel = lambda: ip_from(wchoice([("hetzner", 3), ("ovh", 2), ("digitalocean", 2), ("m247", 2),
                                              ("vultr", 1), ("contabo", 1), ("cloudflare", 2)]), None)
        tz = d["tz"]
        langs = p.langs
        if careful:
            tz = R.choice(["America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Asia/Singapore"])
            langs = ["en-US", "en"]
        d["tz"] = tz
        t = sample_time(p.city_tz, "dev")
        ip, b = tunnel()
        if R.random() < 0.07:     # VPN dropped / forgot to enable
            ip = std_ip(p, d, t)
        if careful or R.random() < 0.3:
            email = personal_email("US", p.fn, p.ln)
        else:
            email = personal_email(cc, p.fn, p.ln)
        uname = username_from(p.fn, p.ln, email)
        hd, dev, form = web_payload(p, d, t, "signup", tz=tz, langs=langs)
        acct = f_signup(t, ip, camp, email, uname, hd, dev, form)
        for _ in range(min(8, int(R.expovariate(0.5)))):
            tl = t + dt.timedelta(hours=R.uniform(2, 120))
            if tl >= END:
                continue
            ip2 = tunnel()[0]
            hd2, dev2, form2 = web_payload(p, d, tl, "login", tz=tz, langs=langs)
            f_login(tl, ip2, camp, acct, email, hd2, dev2, form2)


EDU_SOLD = ["student.cccd.edu", "my.lonestar.edu", "mail.valenciacollege.edu", "student.nvcc.edu", "my.smccd.edu",
            "student.ccc.edu", "go.mdc.edu", "my.hccs.edu", "students.pcc.edu", "mail.ivc.edu", "stu.sdccd.edu",
            "student.fhda.edu"]


def op_edu_credit_abuse(n):
    """Bought .edu mailboxes (community-college accounts sold on marketplaces) used to claim the student
    credit programme from abroad; about 40% route through a US VPN to match the college."""
    camp = "fraud_edu_credit_resale"
    fk = faker_for("en_US")
    for _ in range(n):
        cc = wchoice([("IN", 30), ("PK", 12), ("BD", 10), ("NG", 10), ("VN", 8), ("CN", 8), ("EG", 5), ("ID", 5),
                      ("PH", 5), ("BR", 4), ("TR", 3)])
        p = new_person(cc, seg="edubuyer")
        d = add_device(p, mobile=R.random() < 0.3)
        t = sample_time(p.city_tz, "dev")
        fn, ln = fk.first_name(), fk.last_name()
        f, l = clean_parts(fn, ln)
        email = R.choice(["%s%s%d", "%s.%s%d", "%s%s"]).replace("%d", str(R.randrange(10, 9999))) % (
            f[0] if R.random() < 0.5 else f, l) + "@" + R.choice(EDU_SOLD)
        if R.random() < 0.4:
            ip = vpn_ip(cc, "US")[0]
        else:
            ip = std_ip(p, d, t)
        uname = username_from(fn, ln, email)
        hd, dev, form = web_payload(p, d, t, "signup")
        acct = f_signup(t, ip, camp, email, uname, hd, dev, form)
        if R.random() < 0.5:
            tl = t + dt.timedelta(hours=R.uniform(1, 72))
            hd2, dev2, form2 = web_payload(p, d, tl, "login")
            f_login(tl, std_ip(p, d, tl), camp, acct, email, hd2, dev2, form2)


STUFF_UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36",
    "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36 Edg/109.0.1518.78",
]


def op_cred_stuffing(returning, n_attempts):
    """Credential stuffing from a combo list (mostly emails not registered here) through a residential
    proxy network, OpenBullet-style configs (static UA list, no JS). Hits are later used for account
    takeover from an anti-detect browser on a proxy in the victim's country."""
    camp = "fraud_cred_stuffing_ato"
    fk = faker_for("en_US")
    known = [p for p in returning if getattr(p, "email", None)]
    waves = [(START + dt.timedelta(hours=52), 0.35, 9), (START + dt.timedelta(hours=140), 0.45, 14),
             (START + dt.timedelta(hours=205), 0.2, 6)]
    hits = []
    for w0, share, dur_h in waves:
        k = int(n_attempts * share)
        ual = R.sample(STUFF_UAS, 4)
        for i in range(k):
            t = w0 + dt.timedelta(seconds=R.uniform(0, dur_h * 3600))
            if t >= END:
                continue
            ip, b, cc = resi_proxy_ip(wchoice([("US", 50), ("BR", 8), ("IN", 8), ("VN", 5), ("ID", 5), ("DE", 3),
                                               ("GB", 4), ("MX", 3), ("PH", 3), ("TR", 3), ("EG", 2), ("PK", 2)]))
            if R.random() < 0.09 and known:
                victim = R.choice(known)
                email, acct = victim.email, victim.acct
                ok = R.random() < 0.12
            else:
                victim = None
                fn, ln = fk.first_name(), fk.last_name()
                email = personal_email("US", fn, ln, plus_p=0)
                acct, ok = None, False
            hd = {"user-agent": R.choice(ual)}
            if R.random() < 0.7:
                hd["accept-language"] = "en-US,en;q=0.9"
            form = {"fill_ms": int(R.uniform(0, 900)), "honeypot": ""} if R.random() < 0.6 else None
            f_login(t, ip, camp, acct, email, hd, None, form, success=ok)
            if ok:
                hits.append((victim, t))
    # account takeover
    for victim, t in hits:
        tl = t + dt.timedelta(hours=R.uniform(1, 36))
        ip, b, cc = resi_proxy_ip(victim.cc if (victim.cc, "isp") in NETS_BY else "US")
        d = make_device("Windows", "chrome")
        langs = victim.langs
        tz = block_tz(b, cc)
        hd = headers_for(d, langs)
        dev = device_obj(d, tz, langs, fp=fingerprint(d, salt=R.random()))
        f_login(tl, ip, camp, victim.acct, victim.email, hd, dev, {"fill_ms": int(R.uniform(1500, 5000)), "honeypot": ""})
        if R.random() < 0.4:
            f_login(tl + dt.timedelta(hours=R.uniform(1, 20)), resi_proxy_ip(cc)[0], camp, victim.acct, victim.email,
                    hd, dev, {"fill_ms": int(R.uniform(1500, 5000)), "honeypot": ""})


# ----------------------------------------------------------------------------------- main
def main():
    global R, NP
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    R = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    s = a.scale

    def jit(x):
        return max(1, int(round(x * s * R.uniform(0.93, 1.07))))

    build_space()
    index_nets()
    load_uas()

    # legit
    seg_individual(jit(13400))
    seg_work(jit(5500))
    seg_team(jit(48))
    seg_students(jit(2300))
    seg_events(jit(22))
    seg_mobile(jit(3300))
    seg_privacy(jit(1750))
    seg_travel(jit(900))
    seg_cli(jit(480))
    returning = seg_returning(jit(9000))
    # fraud
    op_distill_farm(jit(2300))
    op_resale_antidetect(jit(1150))
    op_cloud_scripted(jit(850))
    op_free_credit_alias(jit(60))
    op_sim_farm(jit(800))
    op_click_farm(jit(600))
    op_sanctioned(jit(850))
    op_edu_credit_abuse(jit(300))
    op_cred_stuffing(returning, jit(11000))

    evs = [e for e in EVENTS if START <= e["_t"] < END]
    evs.sort(key=lambda e: (e["_t"], e["event_id"]))
    with open(os.path.join(a.out, "events.jsonl"), "w") as f:
        for e in evs:
            e.pop("_t")
            f.write(json.dumps(e, separators=(",", ":")) + "\n")

    write_mmdbs(a.out)

    # verify every address resolves in both databases
    import maxminddb
    ra = maxminddb.open_database(os.path.join(a.out, "GeoLite2-ASN.mmdb"))
    rc = maxminddb.open_database(os.path.join(a.out, "GeoLite2-City.mmdb"))
    ips = sorted({e["ip"] for e in evs})
    bad = [ip for ip in ips if not ra.get(ip) or not (rc.get(ip) or {}).get("country")]
    if bad:
        print("UNRESOLVED", len(bad), bad[:10], file=sys.stderr)
        sys.exit(3)

    cnt = Counter((e["campaign"], e["kind"], e["label"]) for e in evs)
    signups = Counter(e["label"] for e in evs if e["kind"] == "signup")
    summary = {"events": len(evs), "unique_ips": len(ips), "signups": dict(signups),
               "fraud_share_signups": round(signups["fraud"] / max(1, sum(signups.values())), 4),
               "by_campaign": {"%s|%s|%s" % k: v for k, v in sorted(cnt.items())}}
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
