"""Client software: browsers and devices, the headers they send and what the collector script reads.

Real user-agent strings come from fake-useragent's bundled data (sampled with our own seeded
generator, weighted by its market share column). Device attributes follow the platform the
UA claims, the way real browsers expose them:
  * navigator.platform: Win32 / MacIntel / Linux x86_64 / Linux armv8l / iPhone / iPad
  * deviceMemory only exists in Chromium; it is capped at 8 and rounded to a power of two
  * Sec-CH-UA client hints are sent only by Chromium browsers (not Chrome on iOS, which is WebKit)
  * touch points 0 on desktops (10 on touch laptops), 5 on iOS, 5 or 10 on Android
Fraud tooling produces the typical inconsistencies on purpose (see fraud.py).
"""
import hashlib
import re

import numpy as np
from fake_useragent import UserAgent

_UA = UserAgent()
DATA = [d for d in _UA.data_browsers if d["useragent"].startswith("Mozilla/5.0")]

CHROMIUM = {"Chrome", "Chrome Mobile", "Edge", "Edge Mobile", "Opera", "Opera Mobile", "Samsung Internet",
            "Yandex Browser", "Amazon Silk", "DuckDuckGo Mobile"}

_index = {}


def _filter(browsers=None, oses=None, types=None, min_major=0):
    key = (tuple(sorted(browsers or [])), tuple(sorted(oses or [])), tuple(sorted(types or [])), min_major)
    if key not in _index:
        rows = [d for d in DATA
                if (not browsers or d["browser"] in browsers) and (not oses or d["os"] in oses)
                and (not types or d["type"] in types) and major_of(d) >= min_major]
        w = np.array([max(d["percent"], 1e-4) for d in rows], dtype=float)
        _index[key] = (rows, w / w.sum())
    return _index[key]


def major_of(d):
    try:
        return int(str(d["browser_version"]).split(".")[0])
    except ValueError:
        return 0


def pick_ua(rng, browsers=None, oses=None, types=None, min_major=0):
    rows, p = _filter(browsers, oses, types, min_major)
    return rows[int(rng.choice(len(rows), p=p))]


# mainstream consumer mixes -------------------------------------------------------------------
DESKTOP_MIX = [  # (browsers, oses, weight)
    ({"Chrome"}, {"Windows"}, 40), ({"Edge"}, {"Windows"}, 12), ({"Firefox"}, {"Windows"}, 5),
    ({"Chrome"}, {"Mac OS X"}, 14), ({"Safari"}, {"Mac OS X"}, 9), ({"Firefox"}, {"Mac OS X"}, 2),
    ({"Chrome"}, {"Linux"}, 5), ({"Firefox"}, {"Linux", "Ubuntu"}, 4), ({"Chrome"}, {"Chrome OS"}, 3),
    ({"Opera"}, {"Windows"}, 1.5), ({"Yandex Browser"}, {"Windows"}, 0.3)]
DEV_DESKTOP_MIX = [
    ({"Chrome"}, {"Mac OS X"}, 30), ({"Safari"}, {"Mac OS X"}, 6), ({"Firefox"}, {"Mac OS X"}, 6),
    ({"Chrome"}, {"Linux"}, 14), ({"Firefox"}, {"Linux", "Ubuntu"}, 10), ({"Chrome"}, {"Windows"}, 22),
    ({"Edge"}, {"Windows"}, 6), ({"Firefox"}, {"Windows"}, 4)]
MOBILE_MIX = [
    ({"Mobile Safari"}, {"iOS"}, 34), ({"Chrome Mobile iOS", "Google"}, {"iOS"}, 8),
    ({"Chrome Mobile"}, {"Android"}, 44), ({"Samsung Internet"}, {"Android"}, 8),
    ({"Firefox Mobile"}, {"Android"}, 1.5), ({"Edge Mobile"}, {"iOS", "Android"}, 0.5)]
ANDROID_MIX = [({"Chrome Mobile"}, {"Android"}, 85), ({"Samsung Internet"}, {"Android"}, 13),
               ({"Firefox Mobile"}, {"Android"}, 2)]


def pick_from_mix(rng, mix):
    w = np.array([m[2] for m in mix], dtype=float)
    b, o, _ = mix[int(rng.choice(len(mix), p=w / w.sum()))]
    return pick_ua(rng, b, o)


# old browsers: hand-written strings that fake-useragent's current data does not contain
OLD_UAS = [
    ("Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36", "Chrome", "Windows", "desktop", "109"),
    ("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.141 Safari/537.36", "Chrome", "Windows", "desktop", "87"),
    ("Mozilla/5.0 (Windows NT 6.3; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0", "Firefox", "Windows", "desktop", "115"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Firefox/102.0", "Firefox", "Windows", "desktop", "102"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15", "Safari", "Mac OS X", "desktop", "13"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36", "Chrome", "Mac OS X", "desktop", "116"),
    ("Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1", "Mobile Safari", "iOS", "tablet", "12"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 15_8_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.6 Mobile/15E148 Safari/604.1", "Mobile Safari", "iOS", "mobile", "15"),
    ("Mozilla/5.0 (Linux; Android 8.1.0; SM-J710F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98.0.4758.101 Mobile Safari/537.36", "Chrome Mobile", "Android", "mobile", "98"),
    ("Mozilla/5.0 (Linux; Android 7.0; Moto G (5)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.5060.129 Mobile Safari/537.36", "Chrome Mobile", "Android", "mobile", "103"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.130 Safari/537.36 Edg/79.0.309.71", "Edge", "Windows", "desktop", "79"),
    ("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.0.0 Safari/537.36", "Chrome", "Chrome OS", "desktop", "103"),
]


def old_ua(rng):
    u, b, o, t, v = OLD_UAS[int(rng.integers(len(OLD_UAS)))]
    return {"useragent": u, "browser": b, "os": o, "type": t, "browser_version": v, "platform": "",
            "device_brand": ""}


SCREENS = {
    "Windows": [("1920x1080x24", 45), ("1366x768x24", 14), ("1536x864x24", 12), ("2560x1440x24", 9),
                ("1440x900x24", 4), ("1600x900x24", 4), ("1280x720x24", 3), ("3840x2160x24", 3), ("1280x1024x24", 2),
                ("1680x1050x24", 2), ("2560x1080x24", 2)],
    "Mac OS X": [("1440x900x30", 22), ("1512x982x30", 22), ("1728x1117x30", 14), ("1680x1050x30", 8),
                 ("2560x1440x24", 10), ("1920x1080x24", 12), ("1470x956x30", 10), ("2056x1329x30", 2)],
    "Linux": [("1920x1080x24", 55), ("2560x1440x24", 18), ("1366x768x24", 8), ("3840x2160x24", 6),
              ("1920x1200x24", 8), ("3440x1440x24", 5)],
    "Chrome OS": [("1366x768x24", 45), ("1536x864x24", 25), ("1280x800x24", 20), ("1920x1080x24", 10)],
    "iOS": [("390x844x24", 28), ("393x852x24", 24), ("430x932x24", 14), ("375x812x24", 10), ("414x896x24", 8),
            ("375x667x24", 8), ("428x926x24", 6), ("402x874x24", 2)],
    "iPad": [("820x1180x24", 40), ("810x1080x24", 25), ("1024x1366x24", 20), ("768x1024x24", 15)],
    "Android": [("412x915x24", 30), ("360x800x24", 25), ("393x873x24", 12), ("384x854x24", 10), ("360x780x24", 8),
                ("412x892x24", 8), ("360x640x24", 4), ("480x1040x24", 3)],
}

HW = {"Windows": ([4, 6, 8, 12, 16, 20, 24, 32], [12, 8, 30, 18, 18, 6, 5, 3]),
      "Mac OS X": ([8, 10, 12, 14, 16], [45, 20, 15, 8, 12]),
      "Linux": ([4, 8, 12, 16, 24, 32], [10, 30, 15, 25, 10, 10]),
      "Chrome OS": ([2, 4, 8], [35, 50, 15]),
      "Android": ([4, 6, 8], [15, 10, 75]),
      "iOS": ([4, 6], [40, 60])}

GPUS = {
    "Windows": ["ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)",
                "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics Direct3D11 vs_5_0 ps_5_0, D3D11)",
                "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)",
                "ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 Direct3D11 vs_5_0 ps_5_0, D3D11)",
                "ANGLE (AMD, AMD Radeon(TM) Graphics Direct3D11 vs_5_0 ps_5_0, D3D11)",
                "ANGLE (NVIDIA, NVIDIA GeForce RTX 4070 Direct3D11 vs_5_0 ps_5_0, D3D11)"],
    "Mac OS X": ["ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)",
                 "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
                 "ANGLE (Apple, ANGLE Metal Renderer: Apple M3 Pro, Unspecified Version)",
                 "ANGLE (Intel Inc., Intel(R) Iris(TM) Plus Graphics OpenGL Engine, OpenGL 4.1)"],
    "Safari": ["Apple GPU"],
    "Linux": ["Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "ANGLE (AMD, AMD Radeon RX 6600 (radeonsi navi23 LLVM 15.0.7), OpenGL 4.6)",
              "ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 3070/PCIe/SSE2, OpenGL 4.5.0)", "Mesa Intel(R) Xe Graphics (TGL GT2)"],
    "Chrome OS": ["ANGLE (Intel, Mesa Intel(R) UHD Graphics 600 (GLK 2), OpenGL ES 3.2)"],
    "Android": ["Adreno (TM) 610", "Adreno (TM) 650", "Adreno (TM) 730", "Mali-G57 MC2", "Mali-G52 MC2", "Mali-G78", "PowerVR Rogue GE8320"],
    "iOS": ["Apple GPU"],
}

PLATFORM = {"Windows": "Win32", "Mac OS X": "MacIntel", "Linux": "Linux x86_64", "Ubuntu": "Linux x86_64",
            "Chrome OS": "Linux x86_64", "Android": "Linux armv8l", "iOS": "iPhone"}


def wchoice(rng, items, weights=None):
    if weights is None:
        return items[int(rng.integers(len(items)))]
    w = np.asarray(weights, dtype=float)
    return items[int(rng.choice(len(items), p=w / w.sum()))]


def os_key(os_name):
    return "Linux" if os_name == "Ubuntu" else os_name


class Device:
    """A browser install on a physical machine. `canvas` identifies the hardware/software stack:
    identical managed machines share it, so they also share the fingerprint."""
    __slots__ = ("ua", "browser", "os", "type", "major", "platform", "screen", "hw", "mem", "touch", "gpu",
                 "tz", "languages", "canvas", "chromium", "webdriver", "extra", "ch_override", "al_override",
                 "fp_random")

    def fingerprint(self, rng=None):
        if self.fp_random and rng is not None:
            # Brave-style farbling: the canvas/audio probe changes every browser session
            return hashlib.sha256(f"{self.canvas}|{int(rng.integers(1 << 40))}".encode()).hexdigest()[:32]
        s = "|".join(map(str, (self.ua, self.platform, self.screen, self.hw, self.mem, self.touch, self.gpu,
                               self.tz, ",".join(self.languages), self.canvas)))
        return hashlib.sha256(s.encode()).hexdigest()[:32]


def make_device(rng, ua, tz, languages, canvas=None, tier=None, ipad_desktop=False):
    d = Device()
    d.ua = ua["useragent"]
    d.browser = ua["browser"]
    d.os = ua["os"]
    d.type = ua.get("type", "desktop")
    d.major = major_of(ua)
    d.chromium = d.browser in CHROMIUM and d.os != "iOS"
    ok = os_key(d.os)
    d.platform = PLATFORM.get(d.os, "Linux x86_64")
    if d.os == "iOS" and ("iPad" in d.ua or d.type == "tablet"):
        d.platform = "iPad"
        d.screen = wchoice(rng, *zip(*SCREENS["iPad"]))
    else:
        d.screen = wchoice(rng, *zip(*SCREENS.get(ok, SCREENS["Windows"])))
    if d.os == "Android" and rng.random() < 0.25:
        d.platform = "Linux aarch64"
    hws, hww = HW.get(ok, HW["Windows"])
    d.hw = int(wchoice(rng, hws, hww)) if tier is None else tier[0]
    if d.chromium:
        if d.os == "Android":
            d.mem = float(wchoice(rng, [2, 4, 8], [15, 35, 50])) if tier is None else tier[1]
        else:
            d.mem = float(wchoice(rng, [4, 8], [15, 85])) if tier is None else tier[1]
    else:
        d.mem = None
    if d.os in ("iOS",):
        d.touch = 5
    elif d.os == "Android":
        d.touch = int(wchoice(rng, [5, 10], [60, 40]))
    else:
        d.touch = 10 if (d.os == "Windows" and rng.random() < 0.08) else 0
    if d.os == "iOS" or (d.browser == "Safari"):
        d.gpu = "Apple GPU"
    else:
        d.gpu = wchoice(rng, GPUS.get(ok, GPUS["Windows"]))
    d.tz = tz
    d.languages = list(languages)
    d.canvas = canvas if canvas is not None else int(rng.integers(1 << 48))
    d.webdriver = False
    d.extra = {}
    d.ch_override = None
    d.al_override = None
    d.fp_random = False
    if ipad_desktop:
        # iPadOS Safari asks for the desktop site: Mac UA, MacIntel, but 5 touch points
        d.platform, d.touch = "MacIntel", 5
    return d


def device_json(d, rng=None, with_memory=True):
    out = {"fingerprint": d.fingerprint(rng), "timezone": d.tz, "languages": list(d.languages),
           "screen": d.screen, "platform": d.platform, "hardware_concurrency": int(d.hw),
           "touch_points": int(d.touch), "webdriver": bool(d.webdriver), "webgl_renderer": d.gpu}
    if d.mem is not None and with_memory:
        out["device_memory"] = d.mem
    out.update(d.extra)
    return out


def accept_language(langs, browser="Chrome"):
    if not langs:
        return "en-US,en;q=0.9"
    seq = []
    for l in langs:
        if l not in seq:
            seq.append(l)
    if browser == "Firefox":
        parts = [seq[0]] + [f"{l};q={max(0.1, 1 - 0.2 * (i + 1)):.1f}".replace("0.0", "0.1") for i, l in enumerate(seq[1:])]
    else:
        parts = [seq[0]] + [f"{l};q={max(0.1, 0.9 - 0.1 * i):.1f}" for i, l in enumerate(seq[1:])]
    return ",".join(parts)


def _grease(major):
    g = [('Not-A.Brand', '99'), ('Not A(Brand', '24'), ('Not)A;Brand', '8'), ('Not/A)Brand', '8'),
         ('Not.A/Brand', '99'), ('Not_A Brand', '24')]
    return g[major % len(g)]


def sec_ch_ua(d, major=None):
    major = major or d.major
    if d.browser in ("Edge", "Edge Mobile"):
        brand = ("Microsoft Edge", str(major))
    elif d.browser in ("Opera", "Opera Mobile"):
        m = re.search(r"OPR/(\d+)", d.ua)
        brand = ("Opera", m.group(1) if m else str(major))
        m2 = re.search(r"Chrome/(\d+)", d.ua)
        major = int(m2.group(1)) if m2 else major
    elif d.browser == "Samsung Internet":
        m = re.search(r"SamsungBrowser/(\d+)", d.ua)
        brand = ("Samsung Internet", m.group(1) if m else str(major))
        m2 = re.search(r"Chrome/(\d+)", d.ua)
        major = int(m2.group(1)) if m2 else major
    elif d.browser == "Yandex Browser":
        brand = ("YaBrowser", str(major))
    else:
        brand = ("Google Chrome", str(major))
    items = [_grease(major), ("Chromium", str(major)), brand]
    rot = major % 3
    items = items[rot:] + items[:rot]
    return ", ".join(f'"{b}";v="{v}"' for b, v in items)


CH_PLATFORM = {"Windows": '"Windows"', "Mac OS X": '"macOS"', "Linux": '"Linux"', "Ubuntu": '"Linux"',
               "Chrome OS": '"Chrome OS"', "Android": '"Android"'}


def headers(d, ch=True):
    h = {"user-agent": d.ua,
         "accept-language": d.al_override if d.al_override is not None else accept_language(d.languages, d.browser),
         "accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    if d.chromium and d.major >= 90 and ch:
        if d.ch_override is not None:
            h.update(d.ch_override)
        else:
            h["sec-ch-ua"] = sec_ch_ua(d)
            h["sec-ch-ua-mobile"] = "?1" if d.os == "Android" else "?0"
            h["sec-ch-ua-platform"] = CH_PLATFORM.get(d.os, '"Unknown"')
        h["accept-encoding"] = "gzip, deflate, br, zstd" if d.major >= 123 else "gzip, deflate, br"
    else:
        h["accept-encoding"] = "gzip, deflate, br"
    if d.major >= 90 or d.browser in ("Safari", "Mobile Safari"):
        h["sec-fetch-site"] = "same-origin"
        h["sec-fetch-mode"] = "navigate"
    return {k: v for k, v in h.items() if v is not None}


def languages_for(rng, country_langs, english_bias=0.3):
    """navigator.languages of a person from a country: often with the bare language and English."""
    primary = country_langs[0] if rng.random() < 0.8 else country_langs[-1]
    base = primary.split("-")[0]
    r = rng.random()
    if primary.startswith("en"):
        if r < 0.55:
            return [primary, "en"]
        if r < 0.8:
            return ["en-US", "en"] if primary != "en-US" else ["en-US"]
        return [primary]
    if r < english_bias:
        return ["en-US", "en"]  # device set up in English
    if r < english_bias + 0.4:
        return [primary, base, "en-US", "en"]
    if r < english_bias + 0.55:
        return [primary, base]
    return [primary]
