"""Clients: browsers (with the collector's `device` object), the iOS and
Android apps, and HTTP libraries.  Each builds the request headers a real
client of that kind sends for a form POST (browser) or a JSON POST (app/API).

Version landscape of November 2025: Chrome/Edge 142 rolling out over 141,
Firefox 144 with 145 from 11 November, Safari 26.x (iOS 26 freezes the OS token
of the UA at 18_6), Samsung Internet 28/29, Whale 4.
"""
import json

from .rand import R, W, stable_hex, wpick

ORIGIN = "https://kanvas.app"
NAV_ACCEPT_CHROMIUM = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                       "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
NAV_ACCEPT_OTHER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


class Client:
    __slots__ = ("kind", "family", "ua", "headers", "device", "mobile", "os", "model", "major")

    def __init__(self, kind, family, ua, headers, device, mobile, os, model=None, major=None):
        self.kind, self.family, self.ua, self.headers, self.device = kind, family, ua, headers, device
        self.mobile, self.os, self.model, self.major = mobile, os, model, major


# --------------------------------------------------------------------------- versions
def chrome_major(r: R, day: float, lag: int = 0) -> int:
    p142 = min(0.88, 0.55 + 0.026 * day)
    m = wpick(r, [(142, p142), (141, (1 - p142) * 0.68), (140, (1 - p142) * 0.12), (139, (1 - p142) * 0.07),
                  (138, (1 - p142) * 0.05), (136, (1 - p142) * 0.04), (134, (1 - p142) * 0.04)])
    if lag == 0 and r.chance(0.03):   # long tail: managed PCs, old OS, never restarted
        m = r.pick([109, 109, 116, 119] + list(range(120, 134)))
    return m - lag


def firefox_major(r: R, day: float) -> int:
    p145 = 0 if day < 8 else min(0.75, 0.2 * (day - 7.5))
    return wpick(r, [(145, p145), (144, (1 - p145) * 0.82), (143, (1 - p145) * 0.06), (140, (1 - p145) * 0.12)])


def safari_mac_version(r: R, day: float) -> str:
    p261 = min(0.45, 0.04 + 0.035 * day)
    return wpick(r, [("26.1", p261), ("26.0.1", 0.42 - p261 * 0.6), ("18.6", 0.3), ("17.6", 0.08)])


IOS_VERSIONS = [("26.1", "18_6", "26.1"), ("26.0.1", "18_6", "26.0.1"), ("18.7.1", "18_7_1", "18.7"),
                ("18.6.2", "18_6_2", "18.6"), ("17.7.2", "17_7_2", "17.7")]
IOS_TAIL = [("18.5", "18_5", "18.5"), ("18.3.2", "18_3_2", "18.3"), ("18.0.1", "18_0_1", "18.0"),
            ("17.6.1", "17_6_1", "17.6"), ("17.5.1", "17_5_1", "17.5"), ("16.7.10", "16_7_10", "16.6")]


def ios_version(r: R, day: float, country: str):
    p261 = min(0.4, 0.03 + 0.03 * day)
    base = {"JP": .62, "US": .6, "KR": .6}.get(country, .52)
    if r.chance(0.06):
        return r.pick(IOS_TAIL)
    return wpick(r, [(IOS_VERSIONS[0], p261 * base / .6), (IOS_VERSIONS[1], base - p261 * base / .6),
                     (IOS_VERSIONS[2], (1 - base) * .45), (IOS_VERSIONS[3], (1 - base) * .4),
                     (IOS_VERSIONS[4], (1 - base) * .15)])


# --------------------------------------------------------------------------- hardware
WIN_SCREENS = W([("1920x1080", 35), ("1536x864", 12), ("2560x1440", 10), ("1366x768", 7), ("1600x900", 4),
                 ("1920x1200", 5), ("3840x2160", 4), ("1280x720", 3), ("1440x900", 3), ("2560x1600", 2),
                 ("1707x1067", 3), ("2048x1152", 2), ("3440x1440", 3), ("1280x800", 2), ("1680x1050", 2),
                 ("1360x768", 2), ("1280x1024", 1)])
MAC_SCREENS = W([("1512x982", 22), ("1470x956", 18), ("1440x900", 14), ("1728x1117", 10), ("1710x1107", 6),
                 ("2560x1440", 10), ("1920x1080", 8), ("2240x1260", 6), ("1680x1050", 3), ("3008x1692", 3)])
WIN_HC = W([(4, 10), (6, 7), (8, 24), (12, 20), (16, 19), (20, 8), (24, 6), (32, 4), (2, 2)])
MAC_HC = W([(8, 32), (10, 20), (11, 8), (12, 15), (14, 9), (16, 8), (4, 4), (24, 4)])
WIN_GPUS = ["nv-rtx3060", "nv-rtx4060", "nv-rtx4070", "nv-gtx1650", "nv-rtx3070", "nv-rtx2060", "nv-rtx4090",
            "intel-uhd620", "intel-uhd630", "intel-irisxe", "intel-arc", "amd-rx6600", "amd-rx7800", "amd-vega8",
            "amd-680m", "nv-rtx3050-laptop", "nv-rtx4060-laptop", "intel-uhd-graphics", "amd-780m", "qualcomm-x1"]
MAC_CHIPS = W([("M1", 26), ("M2", 22), ("M3", 20), ("M4", 14), ("M1Pro", 8), ("Intel", 10)])

IPHONES = [  # model, CSS screen, weights JP / elsewhere
    ("iPhone SE3", "375x667", 10, 3), ("iPhone 12", "390x844", 6, 5), ("iPhone 13", "390x844", 12, 10),
    ("iPhone 13 mini", "375x812", 4, 2), ("iPhone 14", "390x844", 9, 10), ("iPhone 15", "393x852", 12, 12),
    ("iPhone 15 Pro", "393x852", 8, 9), ("iPhone 15 Pro Max", "430x932", 5, 9), ("iPhone 16", "393x852", 10, 11),
    ("iPhone 16 Pro", "402x874", 8, 9), ("iPhone 16 Pro Max", "440x956", 4, 8), ("iPhone 11", "414x896", 5, 6),
    ("iPhone 17", "402x874", 3, 3), ("iPhone 17 Pro", "402x874", 3, 3), ("iPhone Air", "420x912", 1, 1),
]
IPHONE_JP = W([((m, s), jp) for m, s, jp, _ in IPHONES])
IPHONE_OTHER = W([((m, s), o) for m, s, _, o in IPHONES])

# model code, CSS screen, device memory as Chromium reports it, Android version, markets
ANDROIDS = [
    ("SM-S931N", "360x780", 8, 15, {"KR": 14}), ("SM-S938N", "412x891", 8, 15, {"KR": 8}),
    ("SM-S928N", "384x824", 8, 15, {"KR": 10}), ("SM-S921N", "360x780", 8, 15, {"KR": 12}),
    ("SM-S918N", "384x824", 8, 14, {"KR": 8}), ("SM-F741N", "412x997", 8, 15, {"KR": 8}),
    ("SM-F956N", "373x839", 8, 15, {"KR": 4}), ("SM-A356N", "384x854", 8, 14, {"KR": 6}),
    ("SM-S911N", "360x780", 8, 14, {"KR": 6}),
    ("SM-S931B", "360x780", 8, 15, {"*": 5}), ("SM-S921B", "360x780", 8, 15, {"*": 6}),
    ("SM-A556B", "384x854", 8, 15, {"*": 7, "BR": 10, "ID": 6, "VN": 6}), ("SM-A356B", "384x854", 8, 14, {"*": 5}),
    ("SM-A155F", "384x832", 4, 14, {"*": 4, "BR": 12, "ID": 10, "VN": 10}),
    ("SM-A057F", "360x800", 4, 14, {"*": 1, "BR": 6, "ID": 8, "VN": 8}),
    ("SM-A256B", "384x854", 8, 15, {"*": 4}), ("Pixel 9", "412x923", 8, 16, {"*": 5, "JP": 10, "US": 12}),
    ("Pixel 8", "412x915", 8, 16, {"*": 5, "JP": 10, "US": 10}), ("Pixel 8a", "412x915", 8, 16, {"*": 3, "JP": 8}),
    ("Pixel 7", "412x915", 8, 15, {"*": 3, "JP": 6}), ("23124RA7EO", "393x873", 8, 14, {"*": 5, "ID": 12, "VN": 10, "PL": 10}),
    ("2312DRA50G", "393x873", 8, 14, {"*": 4, "ID": 8, "VN": 8, "PL": 8, "ES": 8, "IT": 8}),
    ("23124RN87G", "360x800", 4, 14, {"*": 1, "ID": 10, "VN": 8, "BR": 6}),
    ("CPH2591", "360x800", 8, 14, {"*": 1, "ID": 8, "VN": 10}), ("V2336", "393x873", 8, 14, {"*": 1, "ID": 8, "VN": 6}),
    ("RMX3834", "360x800", 4, 14, {"*": 1, "ID": 6, "BR": 3}), ("moto g84 5G", "412x915", 8, 14, {"*": 2, "BR": 10, "US": 3}),
    ("SO-51E", "384x854", 8, 15, {"JP": 8}), ("SH-52E", "393x873", 8, 15, {"JP": 8}), ("A302SH", "393x873", 4, 14, {"JP": 5}),
]
_ANDROID_W = {}


def android_model(r: R, country: str):
    if country not in _ANDROID_W:
        _ANDROID_W[country] = W([(a, a[4].get(country, a[4].get("*", 0))) for a in ANDROIDS])
    return _ANDROID_W[country](r)


# --------------------------------------------------------------------------- headers
_GREASE_CH = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
_GREASE_V = ["8", "99", "24"]
_ORDERS = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]


def sec_ch_ua(major: int, brand: str, brand_version: str = None) -> str:
    """Chromium's GREASEd brand list (same algorithm as the browser)."""
    s = major
    grease = (f"Not{_GREASE_CH[s % 11]}A{_GREASE_CH[(s + 1) % 11]}Brand", _GREASE_V[s % 3])
    o = _ORDERS[s % 6]
    lst = [None, None, None]
    lst[o[0]] = grease
    lst[o[1]] = ("Chromium", str(major))
    lst[o[2]] = (brand, brand_version or str(major))
    return ", ".join(f'"{b}";v="{v}"' for b, v in lst)


def _q(i):
    return f"{max(0.1, 1 - 0.1 * i):.1f}"


def al_chromium(langs):
    return ",".join(l if i == 0 else f"{l};q={_q(i)}" for i, l in enumerate(langs))


def al_safari(langs):
    out = []
    for l in langs:
        out.append(l)
        base = l.split("-")[0]
        if "-" in l and base not in langs and base not in out:
            out.append(base)
    return ",".join(l if i == 0 else f"{l};q={_q(i)}" for i, l in enumerate(out))


def al_firefox(langs):
    n = len(langs)
    out = []
    for i, l in enumerate(langs):
        if i == 0:
            out.append(l)
        else:
            q = round(1 - i / n + 1e-9, 1)
            out.append(f"{l};q={q:.1f}")
    return ",".join(out)


def al_alamofire(langs, region):
    """Alamofire's default Accept-Language from Locale.preferredLanguages, which
    iOS reports as language + device region ("ja-JP", "en-JP")."""
    pl, seen = [], set()
    for l in langs:
        base = l.split("-")[0]
        if base in seen:
            continue
        seen.add(base)
        pl.append(l if (not pl and "-" in l) else f"{base}-{region}")
    return ", ".join(f"{t};q={1 - 0.1 * i:.1f}" for i, t in enumerate(pl[:6]))


def _chromium_nav(ua, al, ch, mobile, platform):
    return {"user-agent": ua, "accept": NAV_ACCEPT_CHROMIUM, "accept-encoding": "gzip, deflate, br, zstd",
            "accept-language": al, "cache-control": "max-age=0", "sec-ch-ua": ch,
            "sec-ch-ua-mobile": "?1" if mobile else "?0", "sec-ch-ua-platform": f'"{platform}"',
            "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin",
            "sec-fetch-user": "?1", "upgrade-insecure-requests": "1", "priority": "u=0, i"}


def _safari_nav(ua, al):
    return {"user-agent": ua, "accept": NAV_ACCEPT_OTHER, "accept-encoding": "gzip, deflate, br",
            "accept-language": al, "sec-fetch-dest": "document", "sec-fetch-mode": "navigate",
            "sec-fetch-site": "same-origin", "priority": "u=0, i"}


def _firefox_nav(ua, al):
    return {"user-agent": ua, "accept": NAV_ACCEPT_OTHER, "accept-language": al,
            "accept-encoding": "gzip, deflate, br, zstd", "upgrade-insecure-requests": "1",
            "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin",
            "sec-fetch-user": "?1", "priority": "u=0, i", "te": "trailers"}


def fingerprint(parts) -> str:
    return stable_hex(json.dumps(parts, sort_keys=True, separators=(",", ":")), 32)


def chromium_tz(tz):
    return {"Asia/Ho_Chi_Minh": "Asia/Saigon", "Asia/Kolkata": "Asia/Calcutta", "Europe/Kyiv": "Europe/Kiev"}.get(tz, tz)


def _device(fp_parts, tz, langs, screen, platform, hc, dm, touch, webdriver=False):
    d = {"fingerprint": fingerprint(fp_parts), "timezone": tz, "languages": list(langs), "screen": screen,
         "platform": platform, "hardware_concurrency": hc}
    if dm is not None:
        d["device_memory"] = dm
    d["touch_points"] = touch
    d["webdriver"] = webdriver
    return d


# --------------------------------------------------------------------------- browsers
def desktop(r: R, family: str, os: str, langs, tz, day: float, hw=None, major=None, brand_extra=None,
            canvas=None, webdriver=False, screen=None):
    """family: chrome, edge, brave, whale, firefox, safari.  os: win, mac, linux.
    hw: optional dict to force screen/hc/dm/canvas (identical machines)."""
    hw = dict(hw or {})
    if os == "mac":
        chip = hw.get("chip") or MAC_CHIPS(r)
        scr = screen or hw.get("screen") or MAC_SCREENS(r)
        hc = hw.get("hc") or (8 if chip in ("M1", "M2", "M3") and r.chance(.6) else MAC_HC(r))
        canvas = canvas or hw.get("canvas") or f"mac-{chip}"
        platform = "MacIntel"
    else:
        scr = screen or hw.get("screen") or WIN_SCREENS(r)
        hc = hw.get("hc") or WIN_HC(r)
        canvas = canvas or hw.get("canvas") or f"{os}-{r.pick(WIN_GPUS)}-{r.int(0, 4000)}"
        platform = "Win32" if os == "win" else "Linux x86_64"
    touch = hw.get("touch", 10 if (os == "win" and r.chance(0.08)) else 0)
    if os == "linux" and not hw and r.chance(0.18):
        tz = "Etc/UTC"   # many Linux desktops keep the system clock zone at UTC
    if family in ("chrome", "edge", "brave", "whale"):
        m = major or chrome_major(r, day)
        osname = {"win": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10_15_7",
                  "linux": "X11; Linux x86_64"}[os]
        if m == 109:
            osname = "Windows NT 6.1; Win64; x64" if os == "win" else osname
            m = 109 if os == "win" else 116
        ua = f"Mozilla/5.0 ({osname}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36"
        brand = {"chrome": ("Google Chrome", None), "edge": ("Microsoft Edge", None), "brave": ("Brave", None),
                 "whale": ("Whale", "4")}[family]
        if family == "edge":
            ua += f" Edg/{m}.0.0.0"
        if family == "whale":
            m = min(m, 140)
            ua = (f"Mozilla/5.0 ({osname}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 "
                  f"Whale/4.34.340.12 Safari/537.36")
        ch = sec_ch_ua(m, *brand)
        dm = hw.get("dm") or (8 if r.chance(0.82) else r.pick([4, 4, 2]))
        if os == "mac":
            dm = 8
        depth = 30 if os == "mac" else 24
        dlangs = list(langs)
        al = al_chromium(langs)
        dtz = chromium_tz(tz)
        if family == "brave":  # farbling: language list reduced, hardware randomised per session
            dlangs = langs[:1]
            al = f"{langs[0]},{langs[0].split('-')[0]};q=0.{r.int(5, 9)}" if "-" in langs[0] else langs[0]
            hc = r.int(2, max(2, hc))
            canvas = f"brave-farbled-{r.hexs(12)}"
        headers = _chromium_nav(ua, al, ch, False, {"win": "Windows", "mac": "macOS", "linux": "Linux"}[os])
        dev = _device([family, m, os, scr, hc, dm, dtz, dlangs, canvas, touch], dtz, dlangs,
                      f"{scr}x{depth}", platform, hc, dm, touch, webdriver)
        return Client("web", family, ua, headers, dev, False, os, major=m)
    if family == "firefox":
        v = major or firefox_major(r, day)
        osname = {"win": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10.15",
                  "linux": r.pick(["X11; Linux x86_64", "X11; Ubuntu; Linux x86_64"])}[os]
        ua = f"Mozilla/5.0 ({osname}; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
        headers = _firefox_nav(ua, al_firefox(langs))
        dev = _device(["firefox", v, os, scr, hc, tz, langs, canvas, touch], tz, langs, f"{scr}x24", platform,
                      hc, None, touch, webdriver)
        return Client("web", "firefox", ua, headers, dev, False, os, major=v)
    if family == "safari":
        sv = safari_mac_version(r, day)
        ua = (f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              f"Version/{sv} Safari/605.1.15")
        slangs = [langs[0]] if r.chance(0.6) else langs[:2]
        hc = min(hc, 8)
        headers = _safari_nav(ua, al_safari(slangs))
        dev = _device(["safari", sv, scr, hc, tz, slangs, canvas, touch], tz, slangs, f"{scr}x24", "MacIntel", hc,
                      None, touch, webdriver)   # iPads in desktop mode: MacIntel with touch points
        return Client("web", "safari", ua, headers, dev, False, "mac", major=sv)
    raise ValueError(family)


def firefox_rfp(r: R, day: float, os_real: str = "win"):
    """Firefox / Mullvad Browser with privacy.resistFingerprinting: UTC, en-US,
    letterboxed screen, 2 cores, constant canvas: thousands share a handful of prints."""
    v = 140 if r.chance(0.35) else firefox_major(r, day)
    ua = f"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
    scr = wpick(r, [("1400x800", 30), ("1600x900", 25), ("1200x800", 15), ("1800x1000", 12), ("1000x900", 8),
                    ("1400x900", 10)])
    langs = ["en-US", "en"]
    headers = _firefox_nav(ua, "en-US,en;q=0.5")
    dev = _device(["rfp", v, scr], "UTC", langs, f"{scr}x24", "Win32", 2, None, 0, False)
    return Client("web", "firefox", ua, headers, dev, False, "win", major=v)


def iphone(r: R, country: str, langs, tz, day: float, family="safari", model=None, ios=None, inapp=None):
    """iPhone Safari / Chrome for iOS / in-app browsers (all WebKit, no Client Hints)."""
    mdl, scr = model or (IPHONE_JP if country == "JP" else IPHONE_OTHER)(r)
    ios = ios or ios_version(r, day, country)
    ver, ostok, sv = ios
    slangs = [langs[0] if "-" in langs[0] else f"{langs[0]}-{country}"]
    if family == "chrome":
        ua = (f"Mozilla/5.0 (iPhone; CPU iPhone OS {ostok} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              f"CriOS/142.0.7444.{r.pick(['46', '77', '91'])} Mobile/15E148 Safari/604.1")
    elif inapp == "x":
        ua = (f"Mozilla/5.0 (iPhone; CPU iPhone OS {ostok} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              f"Mobile/15E148 Twitter for iPhone/11.{r.int(28, 33)}")
    elif inapp == "discord":
        ua = (f"Mozilla/5.0 (iPhone; CPU iPhone OS {ostok} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              f"Mobile/15E148 Discord/{r.int(290, 300)}.0")
    else:
        ua = (f"Mozilla/5.0 (iPhone; CPU iPhone OS {ostok} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              f"Version/{sv} Mobile/15E148 Safari/604.1")
    headers = _safari_nav(ua, al_safari(slangs))
    # iPhones of one model and iOS version render identically: prints collide a lot.
    dev = _device(["iphone", ver, scr, tz, slangs], tz, slangs, f"{scr}x24", "iPhone", 4, None, 5)
    return Client("web", "safari" if family == "safari" else family, ua, headers, dev, True, "ios", model=mdl,
                  major=sv)


def android_browser(r: R, country: str, langs, tz, day: float, family="chrome", model=None, webview_pkg=None):
    code, scr, dm, av, _ = model or android_model(r, country)
    dtz = chromium_tz(tz)
    if family == "samsung":
        si, cm = wpick(r, [(("29.0", 136), 60), (("28.0", 130), 40)])
        ua = (f"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/{si} "
              f"Chrome/{cm}.0.0.0 Mobile Safari/537.36")
        ch = sec_ch_ua(cm, "Samsung Internet", si)
        m = cm
    elif family == "webview":
        m = chrome_major(r, day)
        ua = (f"Mozilla/5.0 (Linux; Android {av}; {code} Build/{'AP3A' if av >= 15 else 'UP1A'}.{r.pick(['240905.015', '241005.015', '231005.007'])}; wv) "
              f"AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/{m}.0.{r.int(7300, 7444)}.{r.int(40, 140)} Mobile Safari/537.36")
        ch = sec_ch_ua(m, "Android WebView")
    else:
        m = chrome_major(r, day)
        ua = f"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Mobile Safari/537.36"
        ch = sec_ch_ua(m, "Google Chrome")
    headers = _chromium_nav(ua, al_chromium(langs), ch, True, "Android")
    if webview_pkg:
        headers["x-requested-with"] = webview_pkg
    plat = "Linux armv81" if r.chance(0.8) else "Linux aarch64"
    dev = _device(["android", family, m, code, scr, dm, dtz, langs], dtz, list(langs), f"{scr}x24", plat, 8, dm, 5)
    return Client("web", family, ua, headers, dev, True, "android", model=code, major=m)


# --------------------------------------------------------------------------- apps and API
IOS_APP = {"5.12.1": 51210, "5.12.0": 51200, "5.11.2": 51120, "5.10.0": 51000}
ALAMOFIRE = {"5.12.1": "5.10.2", "5.12.0": "5.10.2", "5.11.2": "5.10.1", "5.10.0": "5.9.1"}
ANDROID_APP = {"5.12.0": 5120003, "5.11.3": 5110302, "5.10.1": 5100105}


def ios_app_version(r: R, day: float) -> str:
    p1 = 0 if day < 6 else min(0.7, 0.12 * (day - 5.5))
    return wpick(r, [("5.12.1", p1), ("5.12.0", (1 - p1) * 0.72), ("5.11.2", (1 - p1) * 0.2), ("5.10.0", (1 - p1) * 0.08)])


def android_app_version(r: R, day: float) -> str:
    p = 0 if day < 2 else min(0.75, 0.1 * (day - 1.5))
    return wpick(r, [("5.12.0", p), ("5.11.3", (1 - p) * 0.85), ("5.10.1", (1 - p) * 0.15)])


def ios_app(r: R, country: str, langs, day: float, ios=None, version=None):
    ios = ios or ios_version(r, day, country)
    ver = version or ios_app_version(r, day)
    osv = ios[0] if ios[0].count(".") == 2 else ios[0] + ".0"
    ua = f"Kanvas/{ver} (app.kanvas.ios; build:{IOS_APP[ver]}; iOS {osv}) Alamofire/{ALAMOFIRE[ver]}"
    headers = {"user-agent": ua, "accept": "application/json",
               "accept-encoding": "br;q=1.0, gzip;q=0.9, deflate;q=0.8",
               "accept-language": al_alamofire(langs, country), "content-type": "application/json",
               "x-kanvas-client": f"ios/{ver}"}
    return Client("ios_app", "ios_app", ua, headers, None, True, "ios", major=ver)


def android_app(r: R, country: str, langs, day: float, model=None, version=None):
    code, _, _, av, _ = model or android_model(r, country)
    ver = version or android_app_version(r, day)
    ua = f"Kanvas/{ver} (Android {av}; {code}; build {ANDROID_APP[ver]}) okhttp/4.12.0"
    tag = langs[0] if "-" in langs[0] else f"{langs[0]}-{country}"
    headers = {"user-agent": ua, "accept": "application/json", "accept-encoding": "gzip",
               "accept-language": tag, "content-type": "application/json; charset=UTF-8",
               "x-kanvas-client": f"android/{ver}"}
    return Client("android_app", "android_app", ua, headers, None, True, "android", model=code, major=ver)


API_CLIENTS = {
    "requests": lambda r: {"user-agent": f"python-requests/{r.pick(['2.32.3', '2.32.4', '2.32.5', '2.31.0'])}",
                           "accept-encoding": "gzip, deflate", "accept": "*/*", "connection": "keep-alive",
                           "content-type": "application/json"},
    "httpx": lambda r: {"accept": "*/*", "accept-encoding": "gzip, deflate", "connection": "keep-alive",
                        "user-agent": f"python-httpx/{r.pick(['0.28.1', '0.27.2'])}", "content-type": "application/json"},
    "sdk": lambda r: {"user-agent": f"kanvas-python/{r.pick(['1.4.0', '1.4.0', '1.3.2'])} (python {r.pick(['3.12.7', '3.11.9', '3.13.0'])}; {r.pick(['linux', 'darwin', 'win32'])})",
                      "accept": "application/json", "accept-encoding": "gzip, deflate",
                      "content-type": "application/json", "x-kanvas-sdk": "python"},
    "node": lambda r: {"accept": "*/*", "accept-language": "*", "sec-fetch-mode": "cors", "user-agent": "node",
                       "accept-encoding": "gzip, deflate", "content-type": "application/json"},
    "axios": lambda r: {"accept": "application/json, text/plain, */*", "content-type": "application/json",
                        "user-agent": f"axios/{r.pick(['1.7.9', '1.8.4', '1.12.2'])}",
                        "accept-encoding": "gzip, compress, deflate, br"},
    "curl": lambda r: {"user-agent": f"curl/{r.pick(['8.7.1', '8.5.0', '8.14.1'])}", "accept": "*/*",
                       "content-type": "application/json"},
    "go": lambda r: {"user-agent": "Go-http-client/2.0", "content-type": "application/json", "accept-encoding": "gzip"},
}


def api_client(r: R, lib: str):
    h = API_CLIENTS[lib](r)
    return Client("api", lib, h["user-agent"], h, None, False, "server")
