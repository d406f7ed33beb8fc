"""Clients: browsers (User-Agent, Client Hints, collector attributes), the Palette
mobile apps, the official SDK/CLI, and hostile scripts.

User-Agent strings are built from the real formats of mid-2025 browsers (reduced
Chrome UA, Safari/WebKit, Firefox, Samsung Internet, Edge, Opera, in-app
WebViews) so that UA, Client Hints and the collector's navigator values agree
the way they do on real devices. Inconsistencies are only introduced on
purpose by the fraud operations.
"""
import hashlib
import math

# Chrome/Edge stable majors around the window (May 2025) and their share
CHROME_NOW = [(136, 0.52), (135, 0.26), (134, 0.08), (133, 0.04), (132, 0.03), (131, 0.03), (127, 0.02), (124, 0.02)]
CHROME_LAG = [(131, 0.15), (127, 0.15), (124, 0.15), (120, 0.15), (116, 0.1), (109, 0.15), (103, 0.08), (95, 0.07)]
CHROME_BUILD = {136: "7103.113", 135: "7049.111", 134: "6998.135", 133: "6943.141", 132: "6834.163", 131: "6778.260",
                127: "6533.103", 124: "6367.179", 120: "6099.230", 116: "5845.163", 109: "5414.120", 103: "5060.129", 95: "4638.74"}
FIREFOX_NOW = [(138, 0.6), (137, 0.25), (128, 0.1), (115, 0.05)]  # 128/115 = ESR
SAMSUNG = [("27.0", 125, 0.6), ("28.0", 130, 0.25), ("26.0", 122, 0.1), ("23.0", 115, 0.05)]
IOS_NOW = [("18.4.1", 0.38), ("18.5", 0.12), ("18.3.2", 0.18), ("18.1.1", 0.05), ("17.6.1", 0.13), ("17.5.1", 0.04), ("16.7.10", 0.07), ("15.8.3", 0.03)]
IOS_LAG = [("16.7.10", 0.35), ("15.8.3", 0.3), ("16.6.1", 0.15), ("17.6.1", 0.2)]

ANDROID_MODELS = {
    # model code: (marketing, css screen, cores, memory GB (navigator cap 8), android versions, build prefix, regions)
    "SM-A155F": ("Galaxy A15", "384x832", 8, 4, ["14", "15"], "UP1A.231005.007", "ALL"),
    "SM-A055F": ("Galaxy A05", "360x800", 8, 4, ["13", "14"], "TP1A.220624.014", "ALL"),
    "SM-A546B": ("Galaxy A54", "384x854", 8, 8, ["14", "15"], "UP1A.231005.007", "EU"),
    "SM-A145M": ("Galaxy A14", "360x800", 8, 4, ["13", "14"], "TP1A.220624.014", "LA"),
    "SM-A346E": ("Galaxy A34", "384x854", 8, 8, ["14", "15"], "UP1A.231005.007", "AS"),
    "SM-S918B": ("Galaxy S23 Ultra", "384x824", 8, 8, ["14", "15"], "UP1A.231005.007", "ALL"),
    "SM-S928U": ("Galaxy S24 Ultra", "384x824", 8, 8, ["14", "15"], "AP3A.240905.015", "NA"),
    "23129RAA4G": ("Redmi Note 13", "393x873", 8, 8, ["13", "14"], "UKQ1.230917.001", "ALL"),
    "23108RN04Y": ("Redmi 13C", "360x800", 8, 4, ["13", "14"], "TP1A.220624.014", "ALL"),
    "2201117TG": ("Redmi Note 11", "393x873", 8, 4, ["11", "12", "13"], "SKQ1.211006.001", "ALL"),
    "23122PCD1G": ("POCO X6", "393x873", 8, 8, ["14"], "UKQ1.230804.001", "AS"),
    "Infinix X6528B": ("Infinix HOT 40i", "360x804", 8, 4, ["13"], "TP1A.220624.014", "AF"),
    "TECNO KJ5": ("TECNO Spark 20", "360x800", 8, 4, ["13"], "TP1A.220624.014", "AF"),
    "itel A665L": ("itel A70", "360x800", 8, 2, ["13"], "TP1A.220624.014", "AF"),
    "V2310": ("vivo Y17s", "360x800", 8, 4, ["13", "14"], "TP1A.220624.014", "AS"),
    "CPH2591": ("OPPO A18", "360x800", 8, 4, ["13", "14"], "TP1A.220905.001", "AS"),
    "RMX3760": ("realme C53", "390x844", 8, 4, ["13", "14"], "TP1A.220905.001", "AS"),
    "Pixel 8": ("Pixel 8", "412x915", 8, 8, ["14", "15"], "AP4A.250405.002", "NA"),
    "Pixel 7a": ("Pixel 7a", "412x915", 8, 8, ["14", "15"], "AP4A.250405.002", "ALL"),
    "moto g54 5G": ("moto g54", "360x800", 8, 4, ["13", "14"], "U1TDS34.94-12-9", "LA"),
    "moto g24": ("moto g24", "360x800", 8, 4, ["14"], "U1TD34.94-12-9", "LA"),
}
LEGACY_ANDROID = {
    "SM-J260F": ("Galaxy J2 Core", "360x640", 4, 1, ["8.1.0"], "OPR1.170623.032", "ALL"),
    "SM-A105F": ("Galaxy A10", "360x760", 8, 2, ["9", "10", "11"], "QP1A.190711.020", "ALL"),
    "Redmi 6A": ("Redmi 6A", "360x720", 4, 2, ["8.1.0", "9"], "O11019", "ALL"),
    "TECNO KC8": ("TECNO Spark 4", "360x720", 4, 2, ["9"], "PPR1.180610.011", "AF"),
    "vivo 1904": ("vivo Y91C", "360x760", 8, 2, ["8.1.0"], "O11019", "AS"),
    "SM-G532F": ("Galaxy J2 Prime", "360x640", 4, 1, ["6.0.1"], "MMB29T", "ALL"),
}
IPHONES = [  # identifier, css screen, weight
    ("iPhone12,1", "414x896", 0.12), ("iPhone13,2", "390x844", 0.12), ("iPhone14,5", "390x844", 0.14), ("iPhone14,7", "390x844", 0.12),
    ("iPhone15,4", "393x852", 0.12), ("iPhone16,2", "430x932", 0.08), ("iPhone17,3", "393x852", 0.08), ("iPhone14,6", "375x667", 0.06),
    ("iPhone11,8", "414x896", 0.08), ("iPhone15,3", "430x932", 0.08)]
WIN_SCREENS = [("1920x1080", 0.35), ("1366x768", 0.13), ("1536x864", 0.16), ("1280x720", 0.04), ("1440x900", 0.05),
               ("2560x1440", 0.08), ("1600x900", 0.06), ("1280x800", 0.04), ("1280x1024", 0.02), ("1920x1200", 0.04), ("3840x2160", 0.03)]
MAC_SCREENS = [("1440x900", 0.2), ("1512x982", 0.22), ("1470x956", 0.18), ("1728x1117", 0.1), ("1920x1080", 0.1), ("2560x1440", 0.1), ("1680x1050", 0.1)]
GPUS_WIN = ["intel-uhd", "intel-iris-xe", "nvidia-rtx3060", "nvidia-gtx1650", "amd-vega8", "nvidia-rtx4060", "amd-rx6600", "intel-hd520"]

NAV_ACCEPT = {"chrome": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
              "firefox": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
              "safari": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def pick(rng, pairs):
    tot = sum(p[-1] for p in pairs)
    x = rng.random() * tot
    for p in pairs:
        x -= p[-1]
        if x <= 0:
            return p
    return pairs[-1]


def grease(major):
    chars = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
    vers = ["8", "99", "24"]
    orders = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]
    return f"Not{chars[major % 11]}A{chars[(major + 1) % 11]}Brand", vers[major % 3], orders[major % 6]


def sec_ch_ua(major, brand=None, brand_ver=None):
    g, gv, order = grease(major)
    items = [None, None, None]
    items[order[0]] = f'"{g}";v="{gv}"'
    items[order[1]] = f'"Chromium";v="{major}"'
    b = brand or "Google Chrome"
    items[order[2]] = f'"{b}";v="{brand_ver or major}"'
    return ", ".join(items)


def h32(*parts):
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]


class Device:
    """A client. kind: web | app_android | app_ios | sdk | script"""

    def __init__(self):
        self.kind = "web"
        self.os = None
        self.browser = None
        self.ua = ""
        self.ch = None            # dict of client hints headers or None
        self.accept = NAV_ACCEPT["chrome"]
        self.accept_encoding = "gzip, deflate, br, zstd"
        self.sec_fetch = True
        self.nav = None           # collector: platform/screen/hwc/mem/touch
        self.entropy = ""         # per-device fingerprint entropy ("" = collides with same model)
        self.js = True
        self.extra = {}           # extra headers (apps / sdk)
        self.lang_style = "chrome"
        self.model = None
        self.webdriver = False
        self.fp_override = None   # anti-detect / Brave farbling handled by callers

    # ----- request headers ------------------------------------------------
    def headers(self, accept_language, origin=True):
        h = {"user-agent": self.ua}
        if self.kind == "web":
            h["accept"] = self.accept
            h["accept-encoding"] = self.accept_encoding
            if accept_language:
                h["accept-language"] = accept_language
            if self.ch:
                h.update(self.ch)
            if self.sec_fetch:
                h.update({"sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate",
                          "sec-fetch-dest": "document", "sec-fetch-user": "?1"})
            h["upgrade-insecure-requests"] = "1"
            h["content-type"] = "application/x-www-form-urlencoded"
            if origin:
                h["origin"] = "https://palette.art"
        else:
            h["accept"] = self.accept
            h["accept-encoding"] = self.accept_encoding
            if accept_language:
                h["accept-language"] = accept_language
            if self.ch:
                h.update(self.ch)
            h["content-type"] = "application/json"
        h.update(self.extra)
        return dict(sorted(h.items()))

    def collector(self, tz, languages, fp_salt=""):
        if self.kind != "web" or not self.js or self.nav is None:
            return None
        n = self.nav
        d = {"timezone": tz, "languages": list(languages), "screen": n["screen"], "platform": n["platform"],
             "hardware_concurrency": n["hwc"], "touch_points": n["touch"], "webdriver": bool(self.webdriver)}
        if n.get("mem") is not None:
            d["device_memory"] = n["mem"]
        d["fingerprint"] = self.fp_override or h32(self.ua.split(")")[0], n["platform"], n["screen"], n["hwc"], n.get("mem"),
                                                   n["touch"], tz, ",".join(languages), self.entropy, fp_salt)
        return dict(sorted(d.items()))


# ----------------------------------------------------------------------------
def chrome_version(rng, lag=False):
    return pick(rng, CHROME_LAG if lag else CHROME_NOW)[0]


def _android_model(rng, region, legacy=False):
    table = LEGACY_ANDROID if legacy else ANDROID_MODELS
    keys = sorted(k for k, v in table.items() if v[6] in ("ALL", region))
    return rng.choice(keys), table


def android_browser(rng, region="ALL", browser=None, legacy=False, model=None):
    d = Device()
    d.os = "android"
    if model is None:
        model, table = _android_model(rng, region, legacy)
    else:
        table = LEGACY_ANDROID if model in LEGACY_ANDROID else ANDROID_MODELS
    mk, screen, cores, mem, avers, build, _ = table[model]
    aver = rng.choice(avers)
    d.model = model
    if browser is None:
        r = rng.random()
        browser = "samsung" if (model.startswith("SM-") and r < 0.22) else ("firefox" if r > 0.985 else ("opera" if r > 0.97 else "chrome"))
    d.browser = browser
    major = chrome_version(rng, lag=legacy)
    full = f"{major}.0.{CHROME_BUILD.get(major, '0.0')}"
    if browser == "chrome" or browser == "opera":
        if major >= 110:
            d.ua = f"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Mobile Safari/537.36"
        else:
            d.ua = f"Mozilla/5.0 (Linux; Android {aver}; {model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{full} Mobile Safari/537.36"
        if browser == "opera":
            d.ua += " OPR/89.1.4508.83468"
            d.ch = {"sec-ch-ua": sec_ch_ua(major, "Opera Mobile", "89"), "sec-ch-ua-mobile": "?1", "sec-ch-ua-platform": '"Android"'}
        elif major >= 90:
            d.ch = {"sec-ch-ua": sec_ch_ua(major), "sec-ch-ua-mobile": "?1", "sec-ch-ua-platform": '"Android"'}
    elif browser == "samsung":
        sv, cmaj, _ = pick(rng, SAMSUNG)
        d.ua = f"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/{sv} Chrome/{cmaj}.0.0.0 Mobile Safari/537.36"
        d.ch = {"sec-ch-ua": sec_ch_ua(cmaj, "Samsung Internet", sv), "sec-ch-ua-mobile": "?1", "sec-ch-ua-platform": '"Android"'}
    elif browser == "firefox":
        fv = pick(rng, FIREFOX_NOW)[0]
        d.ua = f"Mozilla/5.0 (Android {aver}; Mobile; rv:{fv}.0) Gecko/{fv}.0 Firefox/{fv}.0"
        d.accept = NAV_ACCEPT["firefox"]
        d.lang_style = "firefox"
        mem = None
    d.nav = {"platform": rng.choice(["Linux armv81", "Linux armv81", "Linux armv8l", "Linux aarch64"]),
             "screen": screen + "x24", "hwc": cores, "mem": (min(mem, 8) if browser != "firefox" else None), "touch": 5}
    if legacy and int(aver.split(".")[0]) < 9:
        d.nav["platform"] = "Linux armv7l"
    d.entropy = h32("android", rng.random())
    d._aver = aver
    d._build = build
    d._major = major
    return d


def android_webview_inapp(rng, region, app, locale):
    d = android_browser(rng, region, browser="chrome")
    major = d._major
    full = f"{major}.0.{CHROME_BUILD.get(major, '0.0')}"
    base = (f"Mozilla/5.0 (Linux; Android {d._aver}; {d.model} Build/{d._build}; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Version/4.0 Chrome/{full} Mobile Safari/537.36")
    if app == "instagram":
        d.ua = base + f" Instagram 379.0.0.42.66 Android (34/{d._aver}; 420dpi; 1080x2340; {d.model.split()[0].lower()}; {d.model}; qcom; {locale}; 737297548)"
    elif app == "tiktok":
        d.ua = base + f" trill_390104 JsSdk/1.0 NetType/4G Channel/googleplay AppName/trill app_version/39.1.4 ByteLocale/{locale.split('_')[0]} Region/{locale.split('_')[-1]}"
    else:
        d.ua = base + " [FB_IAB/FB4A;FBAV/508.0.0.49.109;]"
    d.ch = {"sec-ch-ua": sec_ch_ua(major, "Android WebView", major), "sec-ch-ua-mobile": "?1", "sec-ch-ua-platform": '"Android"'}
    d.browser = app
    return d


def iphone_browser(rng, browser=None, legacy=False, inapp=None, locale="en_US"):
    d = Device()
    d.os = "ios"
    ident, screen, _ = pick(rng, IPHONES)
    ios = pick(rng, IOS_LAG if legacy else IOS_NOW)[0]
    if legacy:
        ident, screen = rng.choice([("iPhone10,4", "375x667"), ("iPhone10,6", "375x812"), ("iPhone11,8", "414x896"), ("iPhone9,3", "375x667")])
    d.model = ident
    u = ios.replace(".", "_")
    parts = ios.split(".")
    sv = parts[0] + "." + parts[1] if len(parts) > 1 else parts[0] + ".0"
    if ios.startswith("16.7"):
        sv = "16.6"
    if ios.startswith("15.8"):
        sv = "15.6"
    if browser is None:
        browser = "crios" if rng.random() < 0.12 else "safari"
    d.browser = inapp or browser
    wk = f"Mozilla/5.0 (iPhone; CPU iPhone OS {u} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
    if inapp == "instagram":
        d.ua = f"{wk} Mobile/15E148 Instagram 379.0.0.34.84 ({ident}; iOS {u}; {locale}; {locale.split('_')[0]}; scale=3.00; 1170x2532; 737297548)"
    elif inapp == "tiktok":
        d.ua = f"{wk} Mobile/15E148 musical_ly_39.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/{locale.split('_')[0]} Region/{locale.split('_')[-1]} isDarkMode/1 WKWebView/1 RevealType/Dialog"
    elif browser == "crios":
        major = chrome_version(rng)
        d.ua = f"{wk} CriOS/{major}.0.{CHROME_BUILD.get(major, '0.0').split('.')[0]}.{rng.randrange(40, 130)} Mobile/15E148 Safari/604.1"
    else:
        d.ua = f"{wk} Version/{sv} Mobile/15E148 Safari/604.1"
    d.accept = NAV_ACCEPT["safari"]
    d.accept_encoding = "gzip, deflate, br"
    d.lang_style = "safari"
    d.nav = {"platform": "iPhone", "screen": screen + "x24", "hwc": 4, "mem": None, "touch": 5}
    d.entropy = ""  # iOS fingerprints collide per model + version
    d._ios = ios
    return d


def desktop_browser(rng, os_=None, browser=None, lag=False, touch=None):
    d = Device()
    if os_ is None:
        os_ = pick(rng, [("windows", 0.72), ("mac", 0.2), ("linux", 0.04), ("chromeos", 0.04)])[0]
    d.os = os_
    if browser is None:
        if os_ == "windows":
            browser = pick(rng, [("chrome", 0.72), ("edge", 0.15), ("firefox", 0.07), ("opera", 0.03), ("brave", 0.03)])[0]
        elif os_ == "mac":
            browser = pick(rng, [("chrome", 0.55), ("safari", 0.33), ("firefox", 0.05), ("brave", 0.04), ("edge", 0.03)])[0]
        elif os_ == "linux":
            browser = pick(rng, [("chrome", 0.55), ("firefox", 0.4), ("brave", 0.05)])[0]
        else:
            browser = "chrome"
    d.browser = browser
    plat_ua = {"windows": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10_15_7",
               "linux": "X11; Linux x86_64", "chromeos": "X11; CrOS x86_64 14541.0.0"}[os_]
    ch_plat = {"windows": '"Windows"', "mac": '"macOS"', "linux": '"Linux"', "chromeos": '"Chrome OS"'}[os_]
    nav_plat = {"windows": "Win32", "mac": "MacIntel", "linux": "Linux x86_64", "chromeos": "Linux x86_64"}[os_]
    if os_ == "mac":
        screen = pick(rng, MAC_SCREENS)[0]
        hwc = rng.choice([8, 8, 8, 10, 12, 14, 4])
        depth = "30" if browser != "safari" and screen != "1920x1080" else "24"
    else:
        screen = pick(rng, WIN_SCREENS)[0] if os_ != "chromeos" else rng.choice(["1366x768", "1366x768", "1920x1080", "1280x800"])
        hwc = rng.choice([4, 4, 8, 8, 8, 12, 16, 6, 20, 2]) if os_ != "chromeos" else rng.choice([2, 4, 4, 8])
        depth = "24"
    mem = rng.choice([8, 8, 8, 4, 4, 2]) if hwc >= 4 else rng.choice([2, 4])
    if touch is None:
        touch = 10 if (os_ == "windows" and rng.random() < 0.08) else 0
    if browser in ("chrome", "edge", "opera", "brave"):
        major = chrome_version(rng, lag=lag)
        tail = ""
        brand, bver = None, None
        if browser == "edge":
            tail, brand, bver = f" Edg/{major}.0.0.0", "Microsoft Edge", major
        elif browser == "opera":
            major = min(major, 134)
            tail, brand, bver = f" OPR/{major - 15}.0.0.0", "Opera", major - 15
        elif browser == "brave":
            brand = "Brave"
        ver = f"{major}.0.0.0" if major >= 101 else f"{major}.0.{CHROME_BUILD.get(major, '0.0')}"
        d.ua = f"Mozilla/5.0 ({plat_ua}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{ver} Safari/537.36{tail}"
        if major >= 90:
            d.ch = {"sec-ch-ua": sec_ch_ua(major, brand, bver), "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": ch_plat}
        d._major = major
    elif browser == "firefox":
        fv = pick(rng, FIREFOX_NOW)[0] if not lag else rng.choice([115, 115, 128, 102])
        fplat = {"windows": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10.15", "linux": "X11; Linux x86_64",
                 "chromeos": "X11; Linux x86_64"}[os_]
        if lag and fv == 115 and os_ == "windows" and rng.random() < 0.5:
            fplat = "Windows NT 6.1; Win64; x64"   # Windows 7 on ESR 115
        if os_ == "linux" and rng.random() < 0.3:
            d.ua = f"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:{fv}.0) Gecko/20100101 Firefox/{fv}.0"
        else:
            d.ua = f"Mozilla/5.0 ({fplat}; rv:{fv}.0) Gecko/20100101 Firefox/{fv}.0"
        d.accept = NAV_ACCEPT["firefox"]
        d.accept_encoding = "gzip, deflate, br, zstd" if fv >= 126 else "gzip, deflate, br"
        d.lang_style = "firefox"
        mem = None
    elif browser == "safari":
        sv = pick(rng, [("18.4", 0.5), ("18.3.1", 0.2), ("18.5", 0.1), ("17.6", 0.15), ("16.6.1", 0.05)])[0]
        d.ua = f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{sv} Safari/605.1.15"
        d.accept = NAV_ACCEPT["safari"]
        d.accept_encoding = "gzip, deflate, br"
        d.lang_style = "safari"
        mem = None
        hwc = min(hwc, 8)
    d.nav = {"platform": nav_plat, "screen": f"{screen}x{depth}", "hwc": hwc, "mem": mem, "touch": touch}
    d.entropy = h32("desk", rng.choice(GPUS_WIN), rng.random())
    return d


def ipad_safari(rng):
    d = desktop_browser(rng, "mac", "safari")
    d.nav.update({"screen": rng.choice(["820x1180x24", "810x1080x24", "1024x1366x24", "834x1194x24"]), "touch": 5, "hwc": 4})
    d.entropy = ""
    d.os = "ipados"
    return d


def brand_of(d):
    return d.browser


# ----------------------------------------------------------------------------
APP_ANDROID_VERSIONS = [("5.14.2", 51402, 0.55), ("5.14.1", 51401, 0.15), ("5.13.0", 51300, 0.15), ("5.12.3", 51203, 0.1), ("5.9.0", 50900, 0.05)]
APP_IOS_VERSIONS = [("5.14.0", 2291, 0.6), ("5.13.1", 2260, 0.2), ("5.12.0", 2214, 0.15), ("5.8.2", 2090, 0.05)]


def android_app(rng, region="ALL", model=None, aver=None, version=None, install_id=None, okhttp="4.12.0", legacy=False):
    d = Device()
    d.kind = "app_android"
    d.os = "android"
    if model is None:
        model, table = _android_model(rng, region, legacy)
    else:
        table = ANDROID_MODELS if model in ANDROID_MODELS else LEGACY_ANDROID
    spec = table.get(model)
    if aver is None:
        aver = rng.choice(spec[4]) if spec else "9"
    v, build, _ = pick(rng, APP_ANDROID_VERSIONS) if version is None else version
    d.model = model
    d.ua = f"Palette/{v} (Android {aver}; {model}; build {build}) okhttp/{okhttp}"
    d.accept = "application/json"
    d.accept_encoding = "gzip"
    d.extra = {"x-palette-client": "android", "x-palette-app-version": v,
               "x-palette-install-id": install_id or h32("inst", rng.random())[:16]}
    d.lang_style = "app_android"
    d.nav = None
    return d


def ios_app(rng, version=None, install_id=None, ios=None):
    d = Device()
    d.kind = "app_ios"
    d.os = "ios"
    ident = pick(rng, IPHONES)[0]
    ios = ios or pick(rng, IOS_NOW)[0]
    v, build, _ = pick(rng, APP_IOS_VERSIONS) if version is None else version
    d.model = ident
    d.ua = f"Palette/{v} (app.palette.ios; build:{build}; iOS {ios}) Alamofire/5.10.2"
    d.accept = "application/json"
    d.accept_encoding = "br;q=1.0, gzip;q=0.9, deflate;q=0.8"
    d.extra = {"x-palette-client": "ios", "x-palette-app-version": v,
               "x-palette-install-id": install_id or h32("inst", rng.random())[:16].upper()}
    d.lang_style = "app_ios"
    return d


def sdk_client(rng):
    d = Device()
    d.kind = "sdk"
    r = rng.random()
    if r < 0.6:
        v = rng.choice(["1.4.2", "1.4.1", "1.3.0"])
        py = rng.choice(["3.12.3", "3.11.9", "3.13.2", "3.10.12"])
        osn = pick(rng, [("Linux", 0.5), ("MacOS", 0.35), ("Windows", 0.15)])[0]
        d.ua = f"Palette/Python {v}"
        d.extra = {"x-stainless-lang": "python", "x-stainless-package-version": v, "x-stainless-os": osn,
                   "x-stainless-arch": rng.choice(["x64", "arm64"]), "x-stainless-runtime": "CPython", "x-stainless-runtime-version": py}
        d.accept_encoding = "gzip, deflate"
    else:
        v = rng.choice(["1.2.0", "1.1.4"])
        node = rng.choice(["v20.12.2", "v22.14.0", "v18.20.4"])
        d.ua = f"Palette/JS {v}"
        d.extra = {"x-stainless-lang": "js", "x-stainless-package-version": v, "x-stainless-os": rng.choice(["Linux", "MacOS"]),
                   "x-stainless-arch": "x64", "x-stainless-runtime": "node", "x-stainless-runtime-version": node}
        d.accept_encoding = "gzip, deflate, br"
    d.accept = "application/json"
    d.lang_style = None
    return d


SCRIPT_UAS = [("python-requests/2.32.3", "gzip, deflate", "*/*", 0.3), ("python-httpx/0.28.1", "gzip, deflate", "*/*", 0.12),
              ("Go-http-client/2.0", "gzip", None, 0.12), ("axios/1.8.4", "gzip, compress, deflate, br", "application/json, text/plain, */*", 0.12),
              ("node", "gzip, deflate", "*/*", 0.08), ("curl/8.5.0", None, "*/*", 0.04), ("okhttp/4.9.2", "gzip", None, 0.06),
              ("Python/3.11 aiohttp/3.9.5", "gzip, deflate", "*/*", 0.08), ("Dart/3.4 (dart:io)", "gzip", None, 0.04),
              ("PostmanRuntime/7.43.0", "gzip, deflate, br", "*/*", 0.04)]


def script_client(rng, spoof_ua=None):
    d = Device()
    d.kind = "script"
    ua, enc, acc, _ = pick(rng, SCRIPT_UAS)
    d.ua = spoof_ua or ua
    d.accept_encoding = enc or "gzip, deflate"
    d.accept = acc or "*/*"
    d.lang_style = None
    return d


# ----------------------------------------------------------------------------
def accept_language(style, langs):
    """langs: navigator.languages-like list, e.g. ['pt-BR', 'pt', 'en-US', 'en']"""
    if not style:
        return None
    if style == "chrome":
        out = [langs[0]] + [f"{l};q={max(0.1, 0.9 - 0.1 * i):.1f}" for i, l in enumerate(langs[1:])]
        return ",".join(out)
    if style == "firefox":
        n = len(langs)
        out = [langs[0]]
        for i, l in enumerate(langs[1:], 1):
            q = math.floor((1 - i / n) * 10 + 0.5) / 10
            out.append(f"{l};q={max(q, 0.1):.1f}")
        return ",".join(out)
    if style == "safari":
        return ",".join([langs[0]] + [f"{l};q={0.9 - 0.1 * i:.1f}" for i, l in enumerate(langs[1:3])])
    if style == "app_android":
        return langs[0]
    if style == "app_ios":
        base = langs[0]
        if base.startswith("en"):
            return f"{base};q=1.0"
        region = base.split("-")[-1] if "-" in base else "US"
        return f"{base};q=1.0, en-{region};q=0.9"
    return langs[0]


def navigator_languages(primary, style="chrome"):
    """Derive navigator.languages from a primary tag like 'pt-BR'."""
    base = primary.split("-")[0]
    if style == "safari":
        return [primary] if base == "en" else [primary, "en-US"]
    if primary == "es-419":
        return ["es-419", "es", "en"]
    if base == "en":
        return [primary, "en"] if primary != "en-US" else ["en-US", "en"]
    return [primary, base, "en-US", "en"]
