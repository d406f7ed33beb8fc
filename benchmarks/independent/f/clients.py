"""Browsers, devices and API clients: user agents, request headers, collector output.

A `Client` is one browser on one device (or one HTTP library). It renders the
lower-case request headers a real client of that kind sends (Client Hints only
from Chromium browsers) and the object the collector script reports.
"""
import hashlib
from dataclasses import dataclass, field, replace

ORIGIN = "https://app.lumachat.ai"

# Stable Chromium/Firefox/Safari versions around May 2026 and their tails.
CHROME_MAJORS = [(148, 0.22), (147, 0.48), (146, 0.14), (145, 0.06), (144, 0.03),
                 (142, 0.03), (138, 0.02), (131, 0.02)]
FIREFOX_MAJORS = [(151, 0.25), (150, 0.55), (149, 0.08), (140, 0.12)]   # 140 = ESR
SAFARI_VERSIONS = [("26.4", 0.45), ("26.3", 0.2), ("26.2", 0.1), ("18.6", 0.15), ("17.6", 0.1)]
SAMSUNG_VERSIONS = [("29.0", 136, 0.6), ("28.0", 130, 0.3), ("27.0", 125, 0.1)]

# Android handsets: key -> (vendor, model, css screen, device_memory, cores, android)
PHONES = {
    "redmi13c": ("Xiaomi", "23108RN04Y", "393x873", 4, 8, 14),
    "redmia3": ("Xiaomi", "23129RN51X", "360x800", 2, 8, 14),
    "redmi_note13": ("Xiaomi", "23129RAA4G", "393x873", 8, 8, 14),
    "galaxy_a05": ("samsung", "SM-A055F", "360x800", 4, 8, 14),
    "galaxy_a15": ("samsung", "SM-A155F", "384x854", 4, 8, 14),
    "galaxy_a35": ("samsung", "SM-A356E", "384x854", 8, 8, 15),
    "galaxy_s24": ("samsung", "SM-S921B", "360x780", 8, 8, 15),
    "tecno_spark20": ("TECNO", "TECNO KJ5", "360x804", 4, 8, 13),
    "infinix_hot40": ("Infinix", "Infinix X6836", "393x873", 4, 8, 13),
    "itel_a70": ("itel", "itel A665L", "360x800", 2, 4, 13),
    "realme_c53": ("realme", "RMX3760", "360x800", 4, 8, 13),
    "vivo_y17s": ("vivo", "V2310", "360x800", 4, 8, 14),
    "oppo_a18": ("OPPO", "CPH2591", "360x800", 4, 8, 14),
    "moto_g24": ("motorola", "moto g24", "360x800", 4, 8, 14),
    "moto_g54": ("motorola", "moto g54 5G", "393x873", 8, 8, 14),
    "pixel8": ("Google", "Pixel 8", "412x915", 8, 8, 15),
}
# iPhones: key -> (css screen, ios major)
IPHONES = {"iphone11": ("414x896", 18), "iphone13": ("390x844", 26), "iphone14": ("390x844", 26),
           "iphone15": ("393x852", 26), "iphone16pro": ("402x874", 26),
           "iphone15promax": ("430x932", 26), "iphonese": ("375x667", 18)}

DESKTOP_SCREENS = {
    "windows": [("1920x1080x24", 0.42), ("1366x768x24", 0.16), ("1536x864x24", 0.18),
                ("2560x1440x24", 0.08), ("1280x720x24", 0.05), ("1600x900x24", 0.05),
                ("1440x900x24", 0.03), ("3840x2160x24", 0.03)],
    "mac": [("1440x900x30", 0.3), ("1512x982x30", 0.3), ("1728x1117x30", 0.15),
            ("1920x1080x24", 0.1), ("2560x1440x24", 0.1), ("1280x800x30", 0.05)],
    "linux": [("1920x1080x24", 0.7), ("2560x1440x24", 0.2), ("1366x768x24", 0.1)],
    "cros": [("1366x768x24", 0.6), ("1536x864x24", 0.25), ("1920x1080x24", 0.15)],
}

# Chrome reports the canonical ICU ids, which are the old names.
CHROMIUM_TZ = {"Asia/Kolkata": "Asia/Calcutta", "Asia/Ho_Chi_Minh": "Asia/Saigon",
               "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
               "America/Argentina/Cordoba": "America/Cordoba", "Asia/Kathmandu": "Asia/Katmandu"}

CHROMIUM = {"chrome", "edge", "samsung", "webview", "brave", "opera", "headless"}


def h(*parts, n=32):
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=n // 2).hexdigest()


def grease_brands(major, brand, brand_version, full=None):
    """Chromium's GREASEd sec-ch-ua brand list (GenerateBrandVersionList)."""
    chars = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
    versions = ["8", "99", "24"]
    orders = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]
    grease = ("Not%sA%sBrand" % (chars[major % 11], chars[(major + 1) % 11]), versions[major % 3])
    items = [grease, ("Chromium", str(major)), (brand, brand_version)]
    order = orders[major % 6]
    out = [None, None, None]
    for item, pos in zip(items, order):
        out[pos] = item
    return ", ".join('"%s";v="%s"' % b for b in out)


def expand_langs(langs):
    """Chromium/Firefox add the base language after a regional one."""
    out = []
    for lang in langs:
        if lang not in out:
            out.append(lang)
        base = lang.split("-")[0]
        if "-" in lang and base not in out and base not in langs:
            out.append(base)
    return out


@dataclass
class Client:
    family: str              # chrome edge samsung webview brave opera firefox safari crios headless api
    major: int
    os: str                  # android ios windows mac linux cros
    ua: str
    platform: str = ""
    screen: str = ""
    cores: int = 0
    memory: float = 0
    touch: int = 0
    tz: str = "UTC"
    langs: list = field(default_factory=lambda: ["en-US"])
    canvas: str = ""         # what canvas/audio probes hash to (hardware+software build)
    webdriver: bool = False
    ch_platform: str = ""    # override of sec-ch-ua-platform (spoofing mistakes)
    ch_brand: str = ""       # override of the sec-ch-ua brand (e.g. HeadlessChrome leak)
    collector: bool = True   # does the collector script run
    extra_headers: dict = field(default_factory=dict)
    api_accept: str = "*/*"

    @property
    def mobile(self):
        return self.os in ("android", "ios")

    @property
    def chromium(self):
        return self.family in CHROMIUM

    def with_(self, **kw):
        return replace(self, **kw)

    # ---- collector ----------------------------------------------------------------
    def device_tz(self):
        if self.chromium:
            return CHROMIUM_TZ.get(self.tz, self.tz)
        return self.tz

    def nav_languages(self):
        if self.family in ("safari", "crios"):
            return [self.langs[0]]
        return expand_langs(self.langs)

    def fingerprint(self):
        return h(self.family, self.major, self.platform, self.screen, self.cores, self.memory,
                 self.touch, self.device_tz(), ",".join(self.nav_languages()), self.canvas)

    def device(self):
        if self.family == "api" or not self.collector:
            return None
        d = {"fingerprint": self.fingerprint(), "timezone": self.device_tz(),
             "languages": self.nav_languages(), "screen": self.screen,
             "platform": self.platform, "hardware_concurrency": self.cores}
        if self.chromium:
            d["device_memory"] = self.memory
        d["touch_points"] = self.touch
        d["webdriver"] = self.webdriver
        return d

    # ---- headers ------------------------------------------------------------------
    def accept_language(self):
        langs = expand_langs(self.langs)
        if self.family == "firefox":
            n = len(langs)
            parts = [langs[0]] + ["%s;q=%s" % (l, _q(round(1 - i / n, 1))) for i, l in
                                  enumerate(langs) if i]
        else:
            parts = [langs[0]] + ["%s;q=%s" % (l, _q(round(1 - i / 10, 1)))
                                  for i, l in enumerate(langs) if i]
        return ",".join(parts)

    def client_hints(self):
        brand = {"chrome": ("Google Chrome", str(self.major)), "edge": ("Microsoft Edge", str(self.major)),
                 "brave": ("Brave", str(self.major)), "opera": ("Opera", str(self.major - 15)),
                 "webview": ("Android WebView", str(self.major)),
                 "headless": ("HeadlessChrome", str(self.major))}.get(self.family)
        if self.family == "samsung":
            brand = ("Samsung Internet", SAMSUNG_BY_CHROME.get(self.major, "29.0"))
        if self.ch_brand:
            brand = (self.ch_brand, str(self.major))
        plat = self.ch_platform or {"android": "Android", "windows": "Windows", "mac": "macOS",
                                    "linux": "Linux", "cros": "Chrome OS"}[self.os]
        return {"sec-ch-ua": grease_brands(self.major, *brand),
                "sec-ch-ua-mobile": "?1" if self.mobile else "?0",
                "sec-ch-ua-platform": '"%s"' % plat}

    def headers(self, path, kind, style="form", referer=None):
        """Headers of the submit request. style: form (HTML form post), spa (fetch from
        the web app), lite (a portal that forwards only a couple of headers), api."""
        if self.family == "api":
            hd = {"user-agent": self.ua, "accept": self.api_accept, "content-type": "application/json",
                  "accept-encoding": "gzip, deflate" if "python" in self.ua else "gzip, deflate, br"}
            hd.update(self.extra_headers)
            return hd
        if style == "lite":
            return {"user-agent": self.ua, "accept-language": self.accept_language()}
        hd = {"host": ORIGIN[8:], "user-agent": self.ua}
        if style == "form":
            hd["accept"] = ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
                            if not self.chromium else
                            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
                            "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
            hd["content-type"] = "application/x-www-form-urlencoded"
        else:
            hd["accept"] = "application/json"
            hd["content-type"] = "application/json"
            hd["x-csrftoken"] = h(self.fingerprint(), path, n=32)
        hd["accept-language"] = self.accept_language()
        hd["accept-encoding"] = "gzip, deflate, br" if self.family in ("safari", "crios") and \
            self.major < 26 else "gzip, deflate, br, zstd"
        hd["origin"] = ORIGIN
        hd["referer"] = referer or (ORIGIN + path)
        if self.chromium:
            hd.update(self.client_hints())
        hd["sec-fetch-site"] = "same-origin"
        if style == "form":
            hd.update({"sec-fetch-mode": "navigate", "sec-fetch-dest": "document",
                       "sec-fetch-user": "?1", "upgrade-insecure-requests": "1"})
        else:
            hd.update({"sec-fetch-mode": "cors", "sec-fetch-dest": "empty"})
        hd["priority"] = "u=0, i" if style == "form" else "u=1, i"
        hd.update(self.extra_headers)
        return hd


SAMSUNG_BY_CHROME = {c: v for v, c, _ in SAMSUNG_VERSIONS}


def _q(x):
    return ("%.1f" % x).rstrip("0").rstrip(".") if x < 1 else "1"


# ---- builders ---------------------------------------------------------------------

def chrome_ua(os, major, android_webview_model=None):
    v = "%d.0.0.0" % major
    if os == "windows":
        return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % v
    if os == "mac":
        return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % v
    if os == "linux":
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % v
    if os == "cros":
        return "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % v
    return "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile Safari/537.36" % v


def android(phone, family, major, langs, tz, rng_pick=None):
    vendor, model, screen, mem, cores, aver = PHONES[phone]
    canvas = "android|%s|%s|%d" % (vendor, model, aver)
    if family == "samsung":
        sv = SAMSUNG_BY_CHROME_INV[major]
        ua = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
              "SamsungBrowser/%s Chrome/%d.0.0.0 Mobile Safari/537.36" % (sv, major))
    elif family == "webview":      # TikTok in-app browser
        ua = ("Mozilla/5.0 (Linux; Android %d; %s Build/UP1A.231005.007; wv) AppleWebKit/537.36 "
              "(KHTML, like Gecko) Version/4.0 Chrome/%d.0.7727.137 Mobile Safari/537.36 "
              "trill_380104 JsSdk/1.0 NetType/4G Channel/googleplay AppName/trill app_version/38.1.4"
              % (aver, model, major))
    elif family == "firefox":
        ua = "Mozilla/5.0 (Android %d; Mobile; rv:%d.0) Gecko/%d.0 Firefox/%d.0" % (aver, major, major, major)
    else:
        ua = chrome_ua("android", major)
    platform = "Linux armv81" if family != "firefox" else "Linux aarch64"
    return Client(family, major, "android", ua, platform, screen + "x24", cores, mem, 5, tz,
                  list(langs), canvas)


SAMSUNG_BY_CHROME_INV = {c: v for v, c, _ in SAMSUNG_VERSIONS}


def iphone(model, family, safari_version, langs, tz):
    screen, _ = IPHONES[model]
    sv = safari_version
    osv = "18_6" if float(sv) >= 26 else sv.replace(".", "_")
    if family == "crios":
        ua = ("Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "CriOS/147.0.7727.47 Mobile/15E148 Safari/604.1" % osv)
    elif family == "gsa":
        ua = ("Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "GSA/395.0.812345678 Mobile/15E148 Safari/604.1" % osv)
        family = "crios"    # WebKit shell: same collector/header behaviour
    else:
        ua = ("Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "Version/%s Mobile/15E148 Safari/604.1" % (osv, sv))
    major = int(sv.split(".")[0])
    return Client(family if family != "safari" else "safari", major, "ios", ua, "iPhone",
                  screen + "x24", 4, 0, 5, tz, list(langs), "ios|%s|%s" % (model, sv))


def desktop(os, family, major, langs, tz, screen, cores, memory, canvas, touch=0):
    if family in ("chrome", "brave"):
        ua = chrome_ua(os, major)
    elif family == "edge":
        ua = chrome_ua(os, major) + " Edg/%d.0.0.0" % major
    elif family == "opera":
        ua = chrome_ua(os, major) + " OPR/%d.0.0.0" % (major - 15)
    elif family == "firefox":
        ospart = {"windows": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10.15",
                  "linux": "X11; Linux x86_64", "cros": "X11; CrOS x86_64 14541.0.0"}[os]
        ua = "Mozilla/5.0 (%s; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (ospart, major, major)
    elif family == "safari":
        ua = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "Version/%s Safari/605.1.15" % major)
        major = int(str(major).split(".")[0])
    else:
        raise ValueError(family)
    platform = {"windows": "Win32", "mac": "MacIntel", "linux": "Linux x86_64", "cros": "Linux x86_64"}[os]
    mem = min(memory, 8) if family in CHROMIUM else 0
    return Client(family, int(major), os, ua, platform, screen, cores, mem, touch, tz, list(langs), canvas)


API_AGENTS = [("python-requests/2.32.3", 0.3), ("python-httpx/0.28.1", 0.15), ("curl/8.7.1", 0.1),
              ("axios/1.9.0", 0.12), ("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", 0.05),
              ("Go-http-client/2.0", 0.08), ("PostmanRuntime/7.44.1", 0.12), ("okhttp/4.12.0", 0.08)]


def api_client(ua):
    accept = "application/json" if ua.startswith(("axios", "PostmanRuntime")) else "*/*"
    extra = {}
    if ua.startswith("Postman"):
        extra = {"cache-control": "no-cache", "connection": "keep-alive"}
    if ua.startswith("axios"):
        accept = "application/json, text/plain, */*"
    return Client("api", 0, "api", ua, collector=False, extra_headers=extra, api_accept=accept)
