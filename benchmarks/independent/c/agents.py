"""Browsers, devices, the collector script's view of them, and request headers."""
import hashlib
import json
import os
from datetime import datetime, timezone

ORIGIN = "https://console.quillmind.ai"

# ------------------------------------------------------------------ versions
CHROME_RELEASES = [(144, datetime(2026, 1, 13, tzinfo=timezone.utc)),
                   (145, datetime(2026, 2, 10, tzinfo=timezone.utc)),
                   (146, datetime(2026, 3, 10, 18, tzinfo=timezone.utc))]
FIREFOX_CURRENT = 148
CHROME_FULL = {146: "146.0.7680.31", 145: "145.0.7632.117", 144: "144.0.7559.133", 143: "143.0.7499.169",
               142: "142.0.7444.175", 141: "141.0.7390.122", 140: "140.0.7339.207", 139: "139.0.7258.154",
               138: "138.0.7204.183", 137: "137.0.7151.119", 136: "136.0.7103.113", 135: "135.0.7049.114"}


def chrome_major(rng, t, lag=0):
    """Major version of an auto-updating Chromium browser at time t."""
    latest, rel = CHROME_RELEASES[-1]
    if t < rel:
        latest = 145
        frac_new = 0.0
    else:
        d = (t - rel).total_seconds() / 86400
        frac_new = min(0.75, 0.05 + 0.12 * d)
    r = rng.random()
    if lag:
        return latest - lag - (1 if r < 0.3 else 0)
    if latest == 146 and r < frac_new:
        return 146
    r = rng.random()
    if r < 0.004:
        return 109       # Windows 7/8.1 machines frozen on the last supported Chrome
    if r < 0.72:
        return 145
    if r < 0.88:
        return 144
    if r < 0.93:
        return 143
    if r < 0.955:
        return 142
    if r < 0.975:
        return rng.randint(136, 141)
    return rng.randint(120, 135)


def firefox_major(rng):
    r = rng.random()
    if r < 0.62:
        return 148
    if r < 0.80:
        return 147
    if r < 0.85:
        return 146
    if r < 0.94:
        return 140   # ESR
    if r < 0.97:
        return 128   # old ESR
    return 115       # Windows 7/8 ESR


def safari_version(rng, mobile):
    opts = [("26.3", .42), ("26.2", .18), ("26.1", .06), ("26.0", .04), ("18.7", .11), ("18.6", .07),
            ("17.7", .07), ("16.6", .03), ("15.6", .02)]
    r = rng.random()
    acc = 0
    for v, w in opts:
        acc += w
        if r < acc:
            return v
    return "26.3"


# --------------------------------------------------------------- client hints
_GREASE_CHARS = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
_GREASE_VERS = ["8", "99", "24"]
_ORDERS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]


def sec_ch_ua(major, brand="Google Chrome", brand_ver=None, extra=None):
    """Chromium's GREASEd brand list for a given major version."""
    s = major
    grease = ("Not" + _GREASE_CHARS[s % 11] + "A" + _GREASE_CHARS[(s + 1) % 11] + "Brand", _GREASE_VERS[s % 3])
    items = [grease, ("Chromium", str(major))]
    if brand:
        items.append((brand, str(brand_ver if brand_ver is not None else major)))
    order = _ORDERS[s % 6]
    out = [None] * len(items)
    if len(items) == 3:
        for i, pos in enumerate(order):
            out[pos] = items[i]
    else:
        out = [items[1], items[0]] if s % 2 else items
    if extra:
        out.append(extra)
    return ", ".join('"%s";v="%s"' % (b, v) for b, v in out)


# ------------------------------------------------------------------ languages
def accept_language(langs, family):
    if not langs:
        return "en-US,en;q=0.9"
    if family == "firefox":
        n = len(langs)
        if n == 1:
            return langs[0]
        qs = {2: [1, .5], 3: [1, .7, .3], 4: [1, .8, .5, .3], 5: [1, .8, .6, .4, .2]}.get(n)
        if qs is None:
            qs = [1] + [max(0.1, round(1 - i / n, 1)) for i in range(1, n)]
        parts = [langs[0]] + ["%s;q=%s" % (l, q) for l, q in zip(langs[1:], qs[1:])]
        return ",".join(parts)
    if family == "safari":
        l = langs[0]
        base = l.split("-")[0]
        return l if base == l else "%s,%s;q=0.9" % (l, base)
    parts = [langs[0]]
    q = 0.9
    for l in langs[1:]:
        parts.append("%s;q=%.1f" % (l, q))
        q = max(0.1, q - 0.1)
    return ",".join(parts)


CHROME_TZ_LEGACY = {"Asia/Kolkata": "Asia/Calcutta", "Asia/Ho_Chi_Minh": "Asia/Saigon", "Europe/Kyiv": "Europe/Kiev",
                    "America/Argentina/Buenos_Aires": "America/Buenos_Aires", "Asia/Kathmandu": "Asia/Katmandu",
                    "America/Argentina/Cordoba": "America/Cordoba"}


def reported_tz(tz, engine):
    if engine in ("blink", "webkit"):
        return CHROME_TZ_LEGACY.get(tz, tz)
    return tz


# ------------------------------------------------------------------ catalogs
WIN_SCREENS = [("1920x1080", 38), ("1536x864", 14), ("1366x768", 10), ("1280x720", 4), ("2560x1440", 9),
               ("1440x900", 4), ("1600x900", 4), ("1280x800", 3), ("1920x1200", 4), ("3840x2160", 3),
               ("1680x1050", 2), ("2560x1600", 2), ("1280x1024", 1), ("1707x1067", 2)]
MAC_SCREENS = [("1440x900", 18), ("1512x982", 20), ("1728x1117", 10), ("1470x956", 20), ("1280x800", 4),
               ("2560x1440", 10), ("1920x1080", 8), ("1680x1050", 4), ("3008x1692", 3), ("1800x1169", 3)]
LINUX_SCREENS = [("1920x1080", 45), ("2560x1440", 20), ("3840x2160", 8), ("1366x768", 5), ("1920x1200", 10),
                 ("2560x1600", 4), ("3440x1440", 4), ("1600x900", 4)]
CROS_SCREENS = [("1366x768", 45), ("1536x864", 25), ("1280x720", 15), ("1920x1080", 15)]
IPHONES = [("390x844", 28, "iPhone13"), ("393x852", 30, "iPhone15"), ("430x932", 12, "iPhone15PM"),
           ("402x874", 10, "iPhone16P"), ("440x956", 6, "iPhone16PM"), ("375x667", 5, "iPhoneSE"),
           ("414x896", 7, "iPhone11"), ("428x926", 4, "iPhone13PM")]
IPADS = [("820x1180", 40), ("1024x1366", 20), ("834x1194", 25), ("768x1024", 15)]
# (model code, css screen, cores, device_memory, weight, markets)
ANDROIDS = [
    ("SM-S921B", "360x780", 8, 8, 5, "g"), ("SM-S928B", "412x891", 8, 8, 3, "g"), ("SM-A155F", "412x915", 8, 4, 8, "g"),
    ("SM-A546E", "384x854", 8, 8, 6, "g"), ("SM-A145F", "412x915", 8, 4, 6, "e"), ("SM-A057F", "360x800", 8, 4, 5, "e"),
    ("23129RAA4G", "393x873", 8, 8, 6, "e"), ("23021RAA2Y", "393x873", 8, 4, 6, "e"), ("23108RN04Y", "360x800", 8, 4, 6, "e"),
    ("23122PCD1G", "393x873", 8, 8, 3, "e"), ("Pixel 8", "412x915", 8, 8, 4, "w"), ("Pixel 7a", "412x915", 8, 8, 3, "w"),
    ("Pixel 9", "412x923", 8, 8, 3, "w"), ("CPH2565", "360x800", 8, 4, 4, "e"), ("V2247", "393x873", 8, 4, 4, "e"),
    ("RMX3710", "360x804", 8, 4, 4, "e"), ("CPH2569", "412x915", 8, 8, 3, "g"), ("KJ5", "360x800", 8, 4, 3, "a"),
    ("X6528", "360x800", 8, 2, 3, "a"), ("moto g54 5G", "412x915", 8, 4, 3, "l"), ("SM-A256E", "384x832", 8, 8, 4, "g"),
    ("2312DRA50G", "393x873", 8, 8, 3, "g"), ("SM-G991B", "360x800", 8, 8, 3, "g"), ("SM-A125F", "412x915", 8, 2, 3, "e"),
]

WIN_HW = [(2, 3), (4, 15), (6, 8), (8, 30), (12, 18), (16, 17), (20, 5), (24, 4)]
MAC_HW = [(8, 50), (10, 15), (12, 15), (11, 5), (14, 5), (16, 10)]
LINUX_HW = [(4, 8), (8, 25), (12, 20), (16, 25), (24, 10), (32, 12)]


def wchoice(rng, items):
    tot = sum(w for _, w, *_ in items)
    r = rng.random() * tot
    for it in items:
        r -= it[1]
        if r <= 0:
            return it
    return items[-1]


def pick_android(rng, market="g"):
    pool = [x for x in ANDROIDS if x[5] in ("g", market)]
    tot = sum(x[4] for x in pool)
    r = rng.random() * tot
    for x in pool:
        r -= x[4]
        if r <= 0:
            return x
    return pool[-1]


def fp_hash(*parts):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


# ------------------------------------------------------------------- device
class Device:
    """One browser on one machine, as the portal sees it."""
    __slots__ = ("cls", "os", "browser", "engine", "major", "ua", "ch", "ch_platform", "ch_mobile", "langs",
                 "tz", "screen", "platform", "hw", "mem", "touch", "webdriver", "fp_mode", "fp_seed",
                 "collector", "dnt", "gpc", "extra_headers", "api", "accept", "accept_encoding", "model",
                 "device_extra", "fp_override", "nav")

    def __init__(self):
        self.extra_headers = {}
        self.api = False
        self.dnt = False
        self.gpc = False
        self.webdriver = False
        self.collector = 1.0
        self.fp_mode = "stable"
        self.fp_override = None
        self.device_extra = None
        self.model = None
        self.mem = None
        self.ch = None
        self.nav = True

    # fingerprint as the collector would compute it
    def fingerprint(self, rng=None, session_key=None):
        if self.fp_override:
            return self.fp_override
        base = (self.engine, self.os, self.platform, self.screen, self.hw, self.mem, self.touch,
                self.tz, ",".join(self.langs), self.fp_seed)
        if self.fp_mode == "per_session" and session_key is not None:
            return fp_hash(*base, "s", session_key)
        if self.fp_mode == "constant":
            return fp_hash("rfp", self.engine, self.screen, self.tz)
        return fp_hash(*base)

    def device_payload(self, rng, session_key):
        d = {"fingerprint": self.fingerprint(rng, session_key), "timezone": self.tz, "languages": list(self.langs),
             "screen": self.screen, "platform": self.platform, "hardware_concurrency": self.hw}
        if self.mem is not None:
            d["device_memory"] = self.mem
        d["touch_points"] = self.touch
        d["webdriver"] = self.webdriver
        if self.device_extra:
            d.update(self.device_extra)
        return d

    def headers(self, path, query=None, kind="signup", lang_header=None):
        if self.api:
            h = {"user-agent": self.ua}
            h.update(self.extra_headers)
            return h
        h = {"user-agent": self.ua}
        h["accept"] = self.accept
        h["accept-encoding"] = self.accept_encoding
        h["accept-language"] = lang_header if lang_header is not None else accept_language(self.langs, self.family())
        if self.engine == "blink":
            h["cache-control"] = "max-age=0"
        h["content-type"] = "application/x-www-form-urlencoded"
        h["origin"] = ORIGIN
        ref = ORIGIN + path
        if query:
            ref += "?" + query
        h["referer"] = ref
        if self.ch:
            h["sec-ch-ua"] = self.ch
            h["sec-ch-ua-mobile"] = self.ch_mobile
            h["sec-ch-ua-platform"] = '"%s"' % self.ch_platform
        if self.nav:
            h["sec-fetch-dest"] = "document"
            h["sec-fetch-mode"] = "navigate"
            h["sec-fetch-site"] = "same-origin"
            h["sec-fetch-user"] = "?1"
            h["upgrade-insecure-requests"] = "1"
        if self.dnt:
            h["dnt"] = "1"
        if self.gpc:
            h["sec-gpc"] = "1"
        h.update(self.extra_headers)
        return h

    def family(self):
        if self.engine == "gecko":
            return "firefox"
        if self.engine == "webkit":
            return "safari"
        return "chrome"


ACCEPT_CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
ACCEPT_FF = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACCEPT_SAFARI = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _chromium(d, major, os_, brand="Google Chrome", brand_ver=None, ua_suffix="", android_model=None):
    d.engine = "blink"
    d.major = major
    full = "%d.0.0.0" % major
    if os_ == "win":
        ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % full
        if major <= 109:
            ua = ua.replace("Windows NT 10.0", "Windows NT 6.1")
        d.ch_platform, d.platform, d.ch_mobile = "Windows", "Win32", "?0"
    elif os_ == "mac":
        ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % full
        d.ch_platform, d.platform, d.ch_mobile = "macOS", "MacIntel", "?0"
    elif os_ == "linux":
        ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % full
        d.ch_platform, d.platform, d.ch_mobile = "Linux", "Linux x86_64", "?0"
    elif os_ == "cros":
        ua = "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36" % full
        d.ch_platform, d.platform, d.ch_mobile = "Chrome OS", "Linux x86_64", "?0"
    elif os_ == "android":
        if major >= 110:
            ua = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile Safari/537.36" % full
        else:
            ua = "Mozilla/5.0 (Linux; Android 9; %s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Mobile Safari/537.36" % (
                android_model or "SM-J730F", major, 4000 + major * 13, 100 + major)
        d.ch_platform, d.platform, d.ch_mobile = "Android", "Linux armv81", "?1"
    else:
        raise ValueError(os_)
    d.ua = ua + ua_suffix
    d.ch = sec_ch_ua(major, brand, brand_ver) if major >= 90 else None
    d.accept = ACCEPT_CHROME
    d.accept_encoding = "gzip, deflate, br, zstd" if major >= 123 else "gzip, deflate, br"


def _firefox(d, major, os_):
    d.engine = "gecko"
    d.major = major
    if os_ == "win":
        nt = "6.1" if major == 115 else "10.0"
        ua = "Mozilla/5.0 (Windows NT %s; Win64; x64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (nt, major, major)
        d.platform = "Win32"
    elif os_ == "mac":
        ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (major, major)
        d.platform = "MacIntel"
    elif os_ == "linux":
        ua = "Mozilla/5.0 (X11; %sLinux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % ("Ubuntu; " if major % 2 else "", major, major)
        d.platform = "Linux x86_64"
    elif os_ == "android":
        ua = "Mozilla/5.0 (Android 15; Mobile; rv:%d.0) Gecko/%d.0 Firefox/%d.0" % (major, major, major)
        d.platform = "Linux aarch64"
    d.ua = ua
    d.ch = None
    d.accept = ACCEPT_FF
    d.accept_encoding = "gzip, deflate, br, zstd" if major >= 126 else "gzip, deflate, br"


def _safari(d, ver, os_):
    d.engine = "webkit"
    major = int(ver.split(".")[0])
    d.major = major
    if os_ == "mac" or os_ == "ipados":
        d.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s Safari/605.1.15" % ver
        d.platform = "MacIntel"
    else:
        osv = "18_6" if major >= 26 else {"18": "18_7", "17": "17_7_2", "16": "16_7_10", "15": "15_8_3"}[str(major)]
        if major == 18 and ver == "18.6":
            osv = "18_6_2"
        d.ua = "Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s Mobile/15E148 Safari/604.1" % (osv, ver)
        d.platform = "iPhone"
    d.ch = None
    d.accept = ACCEPT_SAFARI
    d.accept_encoding = "gzip, deflate, br"
    d.fp_mode = "per_session" if major >= 26 and os_ != "mac" else "stable"


def make_browser(rng, t, cls, os_, browser, tz, langs, fp_seed=None, market="g", android=None, hw=None,
                 screen=None, mem=None, chrome_ver=None):
    """Build a realistic consistent device.  cls: desktop/mobile/tablet."""
    d = Device()
    d.cls, d.os, d.browser = cls, os_, browser
    if browser in ("chrome", "edge", "brave", "opera", "yandex", "vivaldi", "arc"):
        major = chrome_ver or chrome_major(rng, t)
        if browser == "edge":
            _chromium(d, major, os_, "Microsoft Edge", ua_suffix=" Edg/%d.0.0.0" % major)
        elif browser == "brave":
            _chromium(d, major, os_, "Brave")
            d.gpc = True
            d.fp_mode = "per_session"
        elif browser == "opera":
            ov = major - 15
            _chromium(d, major, os_, "Opera", brand_ver=ov, ua_suffix=" OPR/%d.0.0.0" % ov)
        elif browser == "yandex":
            _chromium(d, major, os_, "YaBrowser", brand_ver="26.1", ua_suffix=" YaBrowser/26.1.0.0 Yowser/2.5")
            d.ua = d.ua.replace(" Safari/537.36 YaBrowser/26.1.0.0 Yowser/2.5", " YaBrowser/26.1.0.0 Safari/537.36")
        else:
            _chromium(d, major, os_, android_model=(android[0] if android else None))
    elif browser == "samsung":
        _chromium(d, 136, "android", "Samsung Internet", brand_ver="29.0")
        d.ua = d.ua.replace("Chrome/136.0.0.0 Mobile", "SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile")
        d.major = 136
    elif browser == "firefox":
        _firefox(d, firefox_major(rng) if os_ != "android" else 148, os_)
    elif browser == "safari":
        _safari(d, safari_version(rng, os_ == "ios"), os_)
    elif browser == "crios":
        major = chrome_ver or chrome_major(rng, t)
        osv = "18_6" if rng.random() < 0.7 else "18_7"
        d.engine = "webkit"
        d.major = major
        d.ua = "Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/%s Mobile/15E148 Safari/604.1" % (
            osv, CHROME_FULL.get(major, "%d.0.0.0" % major))
        d.platform = "iPhone"
        d.ch = None
        d.accept = ACCEPT_SAFARI
        d.accept_encoding = "gzip, deflate, br"
        d.fp_mode = "per_session"
    else:
        raise ValueError(browser)

    # ---- hardware
    if os_ == "win":
        d.screen = (screen or wchoice(rng, WIN_SCREENS)[0]) + "x24"
        d.hw = hw or wchoice(rng, WIN_HW)[0]
        d.touch = 10 if rng.random() < 0.08 else 0
    elif os_ == "mac":
        d.screen = (screen or wchoice(rng, MAC_SCREENS)[0]) + "x30"
        d.hw = hw or wchoice(rng, MAC_HW)[0]
        if d.engine == "webkit":
            d.hw = min(d.hw, 8)
        d.touch = 0
    elif os_ == "linux":
        d.screen = (screen or wchoice(rng, LINUX_SCREENS)[0]) + "x24"
        d.hw = hw or wchoice(rng, LINUX_HW)[0]
        d.touch = 0
    elif os_ == "cros":
        d.screen = (screen or wchoice(rng, CROS_SCREENS)[0]) + "x24"
        d.hw = hw or rng.choice([2, 4, 4, 8])
        d.touch = 10 if rng.random() < 0.4 else 0
    elif os_ == "android":
        a = android or pick_android(rng, market)
        d.model = a[0]
        d.screen = (screen or a[1]) + "x24"
        d.hw = hw or a[2]
        d.touch = 5
    elif os_ == "ios":
        ip = wchoice(rng, IPHONES)
        d.model = ip[2]
        d.screen = (screen or ip[0]) + "x24"
        d.hw = 4
        d.touch = 5
    elif os_ == "ipados":
        d.screen = (screen or wchoice(rng, IPADS)[0]) + "x24"
        d.hw = 8
        d.touch = 5
    if d.engine == "blink" and os_ not in ("ios", "ipados"):
        if mem is not None:
            d.mem = mem
        elif os_ == "android":
            d.mem = a[3]
        else:
            d.mem = 8 if d.hw >= 6 else rng.choice([4, 8])
            if d.hw <= 2:
                d.mem = rng.choice([2, 4])
    if browser == "brave":
        d.hw = max(2, d.hw - rng.randint(0, d.hw // 2))
    d.tz = reported_tz(tz, d.engine)
    if d.engine == "webkit":
        d.langs = list(langs[:1])
    elif browser == "brave":
        d.langs = list(langs[:1])
    else:
        d.langs = list(langs)
    if os_ in ("ios", "ipados") and d.engine == "webkit" and d.fp_mode != "per_session":
        d.fp_seed = "ios-" + (d.model or "ipad") + "-" + str(d.major)
    else:
        d.fp_seed = fp_seed if fp_seed is not None else rng.getrandbits(40)
    if os_ == "android":
        d.fp_seed = (d.model, d.major // 4, rng.randrange(6)) if fp_seed is None else fp_seed
    return d


def tor_browser(rng):
    d = Device()
    d.cls, d.os, d.browser, d.engine = "desktop", "win", "tor", "gecko"
    d.major = 140
    d.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"
    d.platform = "Win32"
    d.accept = ACCEPT_FF
    d.accept_encoding = "gzip, deflate, br, zstd"
    d.langs = ["en-US", "en"]
    d.tz = "UTC"
    d.screen = rng.choice(["1000x900", "1400x900", "1200x800", "1000x700"]) + "x24"
    d.hw = 2
    d.touch = 0
    d.fp_mode = "constant"
    d.fp_seed = 0
    d.collector = 0.35
    return d


def rfp_firefox(rng, os_):
    d = Device()
    _firefox(d, 148 if rng.random() < 0.8 else 140, os_)
    d.cls, d.os, d.browser = "desktop", os_, "firefox"
    d.langs = ["en-US", "en"]
    d.tz = "UTC"
    d.screen = rng.choice(["1400x900", "1600x900", "1200x800"]) + "x24"
    d.hw = 2
    d.touch = 0
    d.fp_mode = "constant"
    d.fp_seed = 0
    d.dnt = rng.random() < 0.5
    d.gpc = True
    return d


# ---------------------------------------------------------- in-app webviews
INSTAGRAM_VER = "412.0.0.35.87"


def android_webview(rng, t, app, langs, tz, market="e"):
    a = pick_android(rng, market)
    major = chrome_major(rng, t)
    d = make_browser(rng, t, "mobile", "android", "chrome", tz, langs, android=a, market=market, chrome_ver=major)
    build = {"SM": "UP1A.231005.007", "23": "UKQ1.231003.002", "Pi": "AP2A.240805.005"}.get(a[0][:2], "TP1A.220624.014")
    base = "Mozilla/5.0 (Linux; Android 14; %s Build/%s; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/%s Mobile Safari/537.36" % (
        a[0], build, CHROME_FULL.get(major, "%d.0.0.0" % major))
    loc = (langs[0] if langs else "en-US").replace("-", "_")
    if app == "instagram":
        d.ua = base + " Instagram %s Android (34/14; 420dpi; 1080x2400; %s; %s; %s; qcom; %s; %d)" % (
            INSTAGRAM_VER, "samsung" if a[0].startswith("SM") else "Xiaomi", a[0], a[0].lower()[:6], loc, 600000000 + rng.randrange(99999999))
        d.extra_headers = {"x-requested-with": "com.instagram.android"}
    elif app == "telegram":
        d.ua = base
        d.extra_headers = {"x-requested-with": "org.telegram.messenger"}
    elif app == "linkedin":
        d.ua = base
        d.extra_headers = {"x-requested-with": "com.linkedin.android"}
    else:
        d.ua = base + " [FB_IAB/FB4A;FBAV/498.0.0.52.75;]"
        d.extra_headers = {"x-requested-with": "com.facebook.katana"}
    d.ch = sec_ch_ua(major, "Android WebView")
    d.browser = "webview"
    return d


def ios_webview(rng, t, app, langs, tz):
    d = make_browser(rng, t, "mobile", "ios", "safari", tz, langs)
    ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
    if app == "instagram":
        d.ua = ua + " Instagram %s (iPhone15,3; iOS 26_3; en_US; en; scale=3.00; 1290x2796; 736418311)" % INSTAGRAM_VER
    elif app == "linkedin":
        d.ua = ua + " [LinkedInApp]/9.31.2104"
    else:
        d.ua = ua + " [FBAN/FBIOS;FBAV/498.0.0.36.108;FBBV/712345678;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/26.3;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/5]"
    d.browser = "webview"
    return d


# ------------------------------------------------------------- API clients
API_TOOLS = {
    "requests": ("python-requests/2.32.3", {"accept": "*/*", "accept-encoding": "gzip, deflate", "content-type": "application/json"}),
    "requests_old": ("python-requests/2.28.1", {"accept": "*/*", "accept-encoding": "gzip, deflate", "content-type": "application/json"}),
    "httpx": ("python-httpx/0.27.2", {"accept": "*/*", "accept-encoding": "gzip, deflate, br", "content-type": "application/json"}),
    "aiohttp": ("Python/3.11 aiohttp/3.10.5", {"accept": "*/*", "accept-encoding": "gzip, deflate", "content-type": "application/json"}),
    "curl": ("curl/8.7.1", {"accept": "*/*", "content-type": "application/json"}),
    "httpie": ("HTTPie/3.2.4", {"accept": "application/json, */*;q=0.5", "accept-encoding": "gzip, deflate, br", "content-type": "application/json"}),
    "node": ("node", {"accept": "*/*", "accept-encoding": "gzip, deflate", "accept-language": "*", "content-type": "application/json", "sec-fetch-mode": "cors"}),
    "axios": ("axios/1.7.9", {"accept": "application/json, text/plain, */*", "accept-encoding": "gzip, compress, deflate, br", "content-type": "application/json"}),
    "go": ("Go-http-client/2.0", {"accept-encoding": "gzip", "content-type": "application/json"}),
    "okhttp": ("okhttp/4.12.0", {"accept-encoding": "gzip", "content-type": "application/json; charset=UTF-8"}),
}


def api_client(tool, csrf=True, ua=None, extra=None):
    d = Device()
    d.api = True
    d.cls = "api"
    d.browser = tool
    u, h = API_TOOLS[tool]
    d.ua = ua or u
    d.extra_headers = dict(h)
    if csrf:
        d.extra_headers["x-csrftoken"] = None  # filled per request
    if extra:
        d.extra_headers.update(extra)
    d.collector = 0.0
    d.engine = "none"
    return d


# ---------------------------------------------------------- stale UA lists
_FUA = None


def fake_ua_pool():
    """The user-agent list bundled with fake_useragent (a real, dated snapshot
    of the kind bot kits rotate through)."""
    global _FUA
    if _FUA is None:
        import fake_useragent
        p = os.path.join(os.path.dirname(fake_useragent.__file__), "data", "browsers.jsonl")
        rows = []
        with open(p) as f:
            for line in f:
                r = json.loads(line)
                rows.append((r["useragent"], float(r.get("percent") or 0.01), r.get("browser"), r.get("os"), r.get("type")))
        _FUA = rows
    return _FUA


def pick_fake_ua(rng, desktop_only=False):
    pool = fake_ua_pool()
    if desktop_only:
        pool = [p for p in pool if p[4] == "desktop"]
    tot = sum(p[1] for p in pool)
    r = rng.random() * tot
    for p in pool:
        r -= p[1]
        if r <= 0:
            return p
    return pool[-1]
