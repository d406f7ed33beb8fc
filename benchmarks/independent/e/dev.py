"""Browsers, devices, HTTP clients: user agents, Client Hints, request headers and
what the portal's collector script reports."""
import hashlib
import math

from data import CHROMIUM_TZ_ALIASES

ORIGIN = "https://console.corvidlabs.ai"
DAY = 86400.0

# Release days relative to the window start (2026-06-01).  Assumed cadence.
CHROME_REL = [(109, -1230), (116, -1020), (120, -910), (124, -770), (128, -650), (131, -560), (134, -460),
              (136, -390), (138, -340), (140, -270), (141, -245), (142, -215), (143, -180), (144, -140),
              (145, -112), (146, -84), (147, -56), (148, -27), (149, 1)]
FIREFOX_REL = [(140, -340), (144, -230), (146, -175), (147, -140), (148, -100), (149, -76), (150, -48), (151, -20),
               (152, 8)]
SAFARI_REL = [("18.6", -300), ("26.0", -260), ("26.1", -200), ("26.2", -170), ("26.3", -110), ("26.4", -75),
              ("26.5", -20)]
GREASE_CHARS = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
GREASE_VERS = ["8", "99", "24"]
ORDERS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]


def chrome_build(major):
    return 7559 + (major - 144) * 54


def sec_ch_ua(major, brand, brand_ver=None):
    """Chromium's greased brand list for a major version."""
    grease = ('Not' + GREASE_CHARS[major % 11] + 'A' + GREASE_CHARS[(major + 1) % 11] + 'Brand',
              GREASE_VERS[major % 3])
    chromium = ("Chromium", str(major))
    if brand is None:   # plain Chromium builds (Playwright's bundled browser, distro packages)
        items = [grease, chromium] if major % 2 else [chromium, grease]
    else:
        b = (brand, brand_ver or str(major))
        order = ORDERS[major % 6]
        items = [None, None, None]
        items[order[0]], items[order[1]], items[order[2]] = grease, chromium, b
    return ", ".join(f'"{n}";v="{v}"' for n, v in items)


def version_at(rel, t, lag_days):
    """Newest release the device has installed at time t with an update lag."""
    best = rel[0][0]
    for v, d in rel:
        if d * DAY + lag_days * DAY <= t:
            best = v
    return best


def accept_language(langs, style):
    if not langs:
        return None
    if style == "firefox":
        n = len(langs)
        parts = []
        for i, l in enumerate(langs):
            q = math.floor((1 - i / n) * 10 + 0.5) / 10
            parts.append(l if i == 0 else f"{l};q={q:.1f}")
        return ",".join(parts)
    parts = [langs[0]]
    q = 0.9
    for l in langs[1:]:
        parts.append(f"{l};q={q:.1f}")
        q = max(0.1, round(q - 0.1, 1))
    return ",".join(parts)


SCREENS = {
    "windows": [("1920x1080", 34), ("1536x864", 15), ("1366x768", 7), ("2560x1440", 10), ("1440x900", 3),
                ("1280x720", 3), ("1600x900", 4), ("1920x1200", 5), ("3840x2160", 4), ("1280x800", 2),
                ("1680x1050", 2), ("2560x1080", 2), ("1745x982", 2), ("2048x1152", 2), ("1280x1024", 1),
                ("3440x1440", 2), ("1360x768", 1), ("2880x1800", 1)],
    "mac": [("1440x900", 14), ("1512x982", 22), ("1728x1117", 10), ("1470x956", 12), ("1280x832", 8),
            ("1920x1080", 8), ("2560x1440", 8), ("1680x1050", 5), ("1792x1120", 3), ("1536x960", 3),
            ("2056x1329", 2), ("3008x1692", 1), ("1800x1169", 2), ("2294x1490", 2)],
    "linux": [("1920x1080", 45), ("2560x1440", 18), ("1920x1200", 8), ("3840x2160", 6), ("1366x768", 6),
              ("1280x800", 3), ("2560x1600", 4), ("3440x1440", 4), ("1600x900", 3), ("1680x1050", 3)],
    "chromeos": [("1366x768", 40), ("1536x864", 25), ("1280x800", 20), ("1920x1080", 15)],
    "iphone": [("390x844", 22), ("393x852", 24), ("430x932", 12), ("402x874", 10), ("440x956", 6),
               ("375x812", 8), ("414x896", 9), ("375x667", 7), ("428x926", 5)],
    "ipad": [("820x1180", 40), ("1024x1366", 20), ("810x1080", 25), ("834x1194", 15)],
    "android": [("412x915", 26), ("393x873", 14), ("360x800", 20), ("384x854", 8), ("412x892", 6),
                ("360x780", 6), ("393x851", 5), ("412x919", 4), ("360x640", 3), ("411x891", 3), ("384x832", 5)],
}
HC = {"windows": [(4, 14), (6, 8), (8, 24), (12, 20), (16, 20), (20, 6), (24, 4), (32, 3), (2, 1)],
      "mac": [(8, 44), (10, 18), (11, 6), (12, 16), (14, 8), (16, 5), (4, 3)],
      "linux": [(4, 8), (8, 25), (12, 18), (16, 25), (24, 8), (32, 10), (64, 3), (2, 3)],
      "chromeos": [(2, 25), (4, 50), (8, 25)],
      "android": [(8, 80), (4, 8), (6, 7), (2, 2), (10, 3)],
      "iphone": [(4, 70), (6, 30)], "ipad": [(4, 50), (8, 50)]}
DM = {"desktop": [(8, 82), (4, 13), (2, 4), (16, 1)], "android": [(8, 38), (4, 46), (2, 12), (1, 4)]}
PLATFORM = {"windows": "Win32", "mac": "MacIntel", "linux": "Linux x86_64", "chromeos": "Linux x86_64",
            "iphone": "iPhone", "ipad": "MacIntel"}


def wchoice(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


class Device:
    """A browser on a piece of hardware.  Version-dependent parts are rendered at
    event time so a device that auto-updates changes its user agent over the window."""

    def __init__(self, **kw):
        self.webdriver = False
        self.fp_mode = "stable"      # stable | farble | uniform | noise
        self.pinned = None           # fixed major version (managed fleets, anti-detect kernels)
        self.brand_override = None
        self.extra_headers = {}
        self.header_style = None
        self.no_ch = False
        self.tz_report = None
        self.__dict__.update(kw)

    # -- versions
    def major(self, t):
        if self.pinned is not None:
            return self.pinned
        if self.browser in ("firefox", "firefox_android", "tor", "firefox_ios"):
            return version_at(FIREFOX_REL, t, self.lag)
        if self.browser in ("safari", "safari_ios"):
            return None
        return version_at(CHROME_REL, t, self.lag + (3 if self.browser == "edge" else 0))

    def safari_version(self, t):
        if self.pinned_safari:
            return self.pinned_safari
        return version_at(SAFARI_REL, t, self.lag)

    # -- user agent and client hints
    def ua(self, t):
        b, os_ = self.browser, self.os
        m = self.major(t)
        chrome_tail = f"AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0"
        if os_ == "windows":
            plat = "Windows NT 6.1; Win64; x64" if self.old_os else "Windows NT 10.0; Win64; x64"
        elif os_ == "mac":
            plat = "Macintosh; Intel Mac OS X 10_15_7"
        elif os_ == "chromeos":
            plat = "X11; CrOS x86_64 14541.0.0"
        else:
            plat = "X11; Linux x86_64"
        if b in ("chrome", "brave", "vivaldi", "chromium", "playwright"):
            return f"Mozilla/5.0 ({plat}) {chrome_tail} Safari/537.36"
        if b == "headless":
            return f"Mozilla/5.0 ({plat}) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/{m}.0.0.0 Safari/537.36"
        if b == "edge":
            return f"Mozilla/5.0 ({plat}) {chrome_tail} Safari/537.36 Edg/{m}.0.0.0"
        if b == "opera":
            return f"Mozilla/5.0 ({plat}) {chrome_tail} Safari/537.36 OPR/{m - 16}.0.0.0"
        if b in ("firefox", "tor"):
            fplat = {"windows": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10.15",
                     "linux": "X11; Linux x86_64"}[os_]
            if b == "firefox" and os_ == "linux" and self.ubuntu:
                fplat = "X11; Ubuntu; Linux x86_64"
            if b == "tor":
                fplat = {"windows": "Windows NT 10.0; Win64; x64", "mac": "Macintosh; Intel Mac OS X 10.15",
                         "linux": "X11; Linux x86_64"}[os_]
            if self.old_os and os_ == "windows":
                fplat = "Windows NT 6.1; Win64; x64"
            return f"Mozilla/5.0 ({fplat}; rv:{m}.0) Gecko/20100101 Firefox/{m}.0"
        if b == "safari":
            v = self.safari_version(t)
            return f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v} Safari/605.1.15"
        if b in ("safari_ios", "chrome_ios", "firefox_ios", "inapp_ios"):
            v = self.safari_version(t)
            osv = "18_6" if v.startswith("26") else v.replace(".", "_")
            dev = "iPad; CPU OS" if self.os == "ipad" else "iPhone; CPU iPhone OS"
            base = f"Mozilla/5.0 ({dev} {osv} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            if self.os == "ipad" and b == "safari_ios":
                return f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v} Safari/605.1.15"
            if b == "chrome_ios":
                cm = version_at(CHROME_REL, t, self.lag)
                return f"{base} CriOS/{cm}.0.{chrome_build(cm)}.{self.patch} Mobile/15E148 Safari/604.1"
            if b == "firefox_ios":
                return f"{base} FxiOS/{m}.0 Mobile/15E148 Safari/605.1.15"
            if b == "inapp_ios":
                return f"{base} Mobile/15E148 {self.app_token}"
            return f"{base} Version/{v} Mobile/15E148 Safari/604.1"
        if b in ("chrome_android", "samsung", "webview", "emulator"):
            if self.android_legacy:
                head = f"Mozilla/5.0 (Linux; Android {self.android_legacy[0]}; {self.android_legacy[1]})"
            else:
                head = "Mozilla/5.0 (Linux; Android 10; K)"
            if b == "samsung":
                return f"{head} AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/{self.samsung_ver} Chrome/{m - 6}.0.0.0 Mobile Safari/537.36"
            if b == "webview":
                return (f"Mozilla/5.0 (Linux; Android {self.android_ver}; {self.model}; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
                        f"Version/4.0 Chrome/{m}.0.{chrome_build(m)}.{self.patch} Mobile Safari/537.36 {self.app_token}")
            return f"{head} AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Mobile Safari/537.36"
        if b == "firefox_android":
            return f"Mozilla/5.0 (Android {self.android_ver}; Mobile; rv:{m}.0) Gecko/{m}.0 Firefox/{m}.0"
        raise ValueError(b)

    def client_hints(self, t):
        b = self.browser
        if self.no_ch or b in ("firefox", "tor", "safari", "safari_ios", "chrome_ios", "firefox_ios", "inapp_ios",
                                "firefox_android"):
            return {}
        m = self.major(t)
        brand = {"chrome": "Google Chrome", "chrome_android": "Google Chrome", "emulator": "Google Chrome",
                 "edge": "Microsoft Edge", "brave": "Brave", "opera": "Opera", "samsung": "Samsung Internet",
                 "headless": "HeadlessChrome", "webview": "Android WebView", "vivaldi": None, "chromium": None,
                 "playwright": None}[b]
        if self.brand_override is not None:
            brand = self.brand_override or None
        bver = None
        cm = m
        if b == "opera":
            bver = str(m - 16)
        if b == "samsung":
            bver, cm = self.samsung_ver, m - 6
        if self.android_legacy and m < 89:
            return {}
        platform = {"windows": "Windows", "mac": "macOS", "linux": "Linux", "chromeos": "Chrome OS",
                    "android": "Android"}[self.os]
        return {"sec-ch-ua": sec_ch_ua(cm, brand, bver), "sec-ch-ua-mobile": "?1" if self.os == "android" else "?0",
                "sec-ch-ua-platform": f'"{platform}"'}

    # -- headers of a form POST navigation
    def headers(self, t, path="/accounts/signup/"):
        ua = self.ua(t)
        ch = self.client_hints(t)
        style = self.header_style or {"firefox": "firefox", "tor": "firefox", "firefox_android": "firefox",
                                      "safari": "safari", "safari_ios": "safari", "chrome_ios": "safari",
                                      "firefox_ios": "safari", "inapp_ios": "safari"}.get(self.browser, "chrome")
        al = accept_language(self.accept_langs if self.accept_langs is not None else self.langs, style)
        h = {}
        if style == "chrome":
            h["cache-control"] = "max-age=0"
            h.update(ch)
            h["origin"] = ORIGIN
            h["content-type"] = "application/x-www-form-urlencoded"
            h["upgrade-insecure-requests"] = "1"
            h["user-agent"] = ua
            h["accept"] = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
                           "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
            h["sec-fetch-site"] = "same-origin"
            h["sec-fetch-mode"] = "navigate"
            h["sec-fetch-user"] = "?1"
            h["sec-fetch-dest"] = "document"
            h["referer"] = ORIGIN + path
            h["accept-encoding"] = "gzip, deflate, br, zstd" if (self.major(t) or 0) >= 123 else "gzip, deflate, br"
            if al:
                h["accept-language"] = al
            if (self.major(t) or 0) >= 124:
                h["priority"] = "u=0, i"
        elif style == "firefox":
            h["user-agent"] = ua
            h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            if al:
                h["accept-language"] = al
            h["accept-encoding"] = "gzip, deflate, br, zstd" if (self.major(t) or 0) >= 126 else "gzip, deflate, br"
            h["content-type"] = "application/x-www-form-urlencoded"
            h["origin"] = ORIGIN
            h["referer"] = ORIGIN + path
            h["upgrade-insecure-requests"] = "1"
            h["sec-fetch-dest"] = "document"
            h["sec-fetch-mode"] = "navigate"
            h["sec-fetch-site"] = "same-origin"
            h["sec-fetch-user"] = "?1"
            h["priority"] = "u=0, i"
            h["te"] = "trailers"
        else:  # safari / webkit
            h["content-type"] = "application/x-www-form-urlencoded"
            h["origin"] = ORIGIN
            h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            h["sec-fetch-site"] = "same-origin"
            h["sec-fetch-mode"] = "navigate"
            h["sec-fetch-dest"] = "document"
            h["user-agent"] = ua
            h["referer"] = ORIGIN + path
            if al:
                h["accept-language"] = al
            h["priority"] = "u=0, i"
            h["accept-encoding"] = "gzip, deflate, br"
        h.update(self.extra_headers)
        return h

    # -- collector script
    def collect(self, t, rng):
        tz = self.tz_report or self.tz
        if self.chromium_family and tz in CHROMIUM_TZ_ALIASES:
            tz = CHROMIUM_TZ_ALIASES[tz]
        if self.fp_mode == "farble":
            canvas = f"farble-{rng.getrandbits(48)}"
            hc = rng.choice([2, 4, 6, 8, self.hc]) if self.hc > 2 else self.hc
        else:
            canvas, hc = self.canvas, self.hc
        d = {"timezone": tz, "languages": list(self.langs), "screen": self.screen, "platform": self.platform,
             "hardware_concurrency": hc}
        if self.dm is not None:
            d["device_memory"] = self.dm
        d["touch_points"] = self.touch
        d["webdriver"] = bool(self.webdriver)
        comp = [self.family_fp, d["platform"], d["screen"], hc, self.dm, self.touch, tz, "|".join(self.langs), canvas]
        d["fingerprint"] = hashlib.md5(repr(comp).encode()).hexdigest()
        # keep the documented key order: fingerprint first
        return {"fingerprint": d.pop("fingerprint"), **d}

    @property
    def chromium_family(self):
        return self.browser in ("chrome", "edge", "brave", "opera", "vivaldi", "chromium", "headless", "playwright",
                                "chrome_android", "samsung", "webview", "emulator")


def new_device(rng, kind, os_, browser, langs, tz, canvas_pool=3000, **over):
    """A realistic device of a kind ('desktop' or 'mobile')."""
    d = dict(kind=kind, os=os_, browser=browser, langs=list(langs), tz=tz, accept_langs=None,
             lag=0.0, old_os=False, ubuntu=False, android_legacy=None, android_ver=None, model=None,
             samsung_ver="29.0", patch=rng.randrange(40, 200), pinned_safari=None, app_token="")
    r = rng.random()
    d["lag"] = rng.expovariate(1 / 4.0) if r < 0.6 else (rng.uniform(5, 20) if r < 0.88 else rng.uniform(20, 75))
    if os_ in ("windows", "mac", "linux", "chromeos"):
        d["screen"] = wchoice(rng, SCREENS[os_]) + ("x30" if os_ == "mac" and browser != "safari" and rng.random() < 0.6 else "x24")
        d["hc"] = wchoice(rng, HC[os_])
        d["dm"] = wchoice(rng, DM["desktop"]) if browser not in ("firefox", "safari", "tor") else None
        d["touch"] = 10 if os_ == "windows" and rng.random() < 0.06 else 0
        d["platform"] = PLATFORM[os_]
        d["canvas"] = f"{os_}-{int(rng.paretovariate(1.1)) % canvas_pool}-{rng.randrange(canvas_pool)}"
        d["ubuntu"] = rng.random() < 0.3
    elif os_ == "iphone":
        d["screen"] = wchoice(rng, SCREENS["iphone"]) + "x24"
        d["hc"] = wchoice(rng, HC["iphone"])
        d["dm"] = None
        d["touch"] = 5
        d["platform"] = "iPhone"
        d["canvas"] = f"ios-{d['screen']}"     # WebKit on iOS renders identically per model
    elif os_ == "ipad":
        d["screen"] = wchoice(rng, SCREENS["ipad"]) + "x24"
        d["hc"] = wchoice(rng, HC["ipad"])
        d["dm"] = None
        d["touch"] = 5
        d["platform"] = "MacIntel"
        d["canvas"] = f"ipad-{d['screen']}"
    elif os_ == "android":
        d["screen"] = wchoice(rng, SCREENS["android"]) + "x24"
        d["hc"] = wchoice(rng, HC["android"])
        d["dm"] = wchoice(rng, DM["android"]) if browser != "firefox_android" else None
        d["touch"] = 5 if rng.random() < 0.9 else 10
        d["platform"] = "Linux armv81" if rng.random() < 0.85 else "Linux aarch64"
        d["canvas"] = f"android-{d['screen']}-{rng.randrange(60)}"
        d["android_ver"] = rng.choice(["13", "14", "14", "15", "15", "16", "12", "11"])
        d["model"] = rng.choice(["SM-A546B", "SM-S921B", "Pixel 8", "Pixel 7a", "23090RA98G", "CPH2581", "V2250",
                                 "SM-A155F", "RMX3710", "2201117TY", "SM-G991B", "moto g84 5G", "Infinix X6833B"])
        d["samsung_ver"] = rng.choice(["28.0", "29.0", "29.0", "29.0"])
    d["family_fp"] = browser
    d.update(over)
    return Device(**d)


# ---------------------------------------------------------------- HTTP tools
def api_headers(rng, client, version=None):
    """Headers of a JSON API request by a command-line tool or library."""
    tok = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(32))
    if client == "curl":
        v = version or rng.choice(["8.7.1", "8.5.0", "8.12.1", "8.14.1", "8.4.0", "7.81.0", "8.16.0", "8.9.1"])
        h = {"user-agent": f"curl/{v}", "accept": "*/*", "content-type": "application/json"}
    elif client == "requests":
        v = version or rng.choice(["2.32.3", "2.32.4", "2.32.5", "2.31.0", "2.28.1"])
        h = {"user-agent": f"python-requests/{v}", "accept-encoding": "gzip, deflate", "accept": "*/*",
             "connection": "keep-alive", "content-type": "application/json"}
    elif client == "httpx":
        v = version or rng.choice(["0.28.1", "0.27.2", "0.27.0"])
        h = {"accept": "*/*", "accept-encoding": "gzip, deflate", "connection": "keep-alive",
             "user-agent": f"python-httpx/{v}", "content-type": "application/json"}
    elif client == "httpie":
        v = version or rng.choice(["3.2.4", "3.2.3", "3.2.2"])
        h = {"user-agent": f"HTTPie/{v}", "accept-encoding": "gzip, deflate", "accept": "application/json, */*;q=0.5",
             "connection": "keep-alive", "content-type": "application/json"}
    elif client == "postman":
        v = version or rng.choice(["7.44.1", "7.45.0", "7.43.3", "7.46.0"])
        h = {"content-type": "application/json", "user-agent": f"PostmanRuntime/{v}", "accept": "*/*",
             "postman-token": "%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16),
                                                              rng.getrandbits(12), 0x8000 | rng.getrandbits(14),
                                                              rng.getrandbits(48)),
             "accept-encoding": "gzip, deflate, br", "connection": "keep-alive"}
    elif client == "node":
        h = {"content-type": "application/json", "accept": "*/*", "accept-language": "*", "sec-fetch-mode": "cors",
             "user-agent": "node", "accept-encoding": "gzip, deflate"}
    elif client == "go":
        h = {"user-agent": "Go-http-client/2.0", "content-type": "application/json", "accept-encoding": "gzip"}
    elif client == "cli":
        v = version or rng.choice(["1.8.2", "1.8.2", "1.8.1", "1.7.9", "1.9.0"])
        osn = rng.choice(["darwin arm64", "darwin arm64", "linux x86_64", "windows amd64", "linux aarch64"])
        py = rng.choice(["3.12.7", "3.13.3", "3.11.9", "3.12.10"])
        h = {"user-agent": f"corvid-cli/{v} ({osn}) python/{py}", "accept": "application/json",
             "accept-encoding": "gzip, deflate", "content-type": "application/json", "x-corvid-client": "cli"}
    else:
        raise ValueError(client)
    h["x-csrftoken"] = tok
    return h
