"""Browsers, devices and API clients as the portal sees them in November 2026.

Real user-agent strings and their shares come from fake_useragent's data set
(captured in spring 2025). Strings of evergreen browsers are aged to late 2026
(Chrome/Edge 152-154, Firefox 156-157, Safari 26/27 with the frozen
"iPhone OS 18_6" token); strings of browsers that can no longer update are
kept as captured (they are the outdated tail).
"""
import re
from datetime import date

from fake_useragent import UserAgent

from util import short_hash, wchoice, clamp

_DATA = UserAgent().data_browsers
_GROUPS = {}
for _r in _DATA:
    _GROUPS.setdefault((_r["browser"], _r["os"], _r["type"]), []).append(_r)


def ua_from_data(rng, browser, os_, type_, must=None, cur_min=None):
    lst = _GROUPS[(browser, os_, type_)]
    if must:
        lst = [r for r in lst if must in r["useragent"]]
    if cur_min is not None:
        lst = [r for r in lst if r["browser_version_major_minor"] >= cur_min]
    return wchoice(rng, [(r["useragent"], r["percent"]) for r in lst])


# ---------------------------------------------------------------- versions ----
def _days_since(ms, y, m, d):
    from timing import date_of
    return (date_of(ms) - date(y, m, d)).days


def chrome_major(rng, ms, channel="stable"):
    """Chrome 153 stable since 2026-10-06, 154 rolling out from 2026-11-03."""
    if channel == "extended":          # enterprise Extended Stable: even milestones
        return 152
    d = _days_since(ms, 2026, 11, 3)
    p154 = clamp(0.05 + 0.055 * d, 0.0, 0.8) if d >= 0 else 0.0
    if rng.random() < p154:
        return 154
    r = rng.random()
    if r < 0.82:
        return 153
    if r < 0.92:
        return 152
    if r < 0.96:
        return 151
    return rng.randrange(140, 151)


def firefox_major(rng, ms, esr_share=0.08):
    if rng.random() < esr_share:
        return rng.choice([140, 140, 153])
    d = _days_since(ms, 2026, 11, 3)
    p157 = clamp(0.1 + 0.06 * d, 0.0, 0.85) if d >= 0 else 0.0
    if rng.random() < p157:
        return 157
    return 156 if rng.random() < 0.9 else rng.randrange(146, 156)


def safari_version(rng, ms):
    """(major, minor) of Safari on macOS / current iOS"""
    d = _days_since(ms, 2026, 11, 3)
    r = rng.random()
    p271 = clamp(0.35 + 0.02 * d, 0.2, 0.65)
    if r < p271:
        return (27, 1)
    if r < p271 + 0.15:
        return (27, 0)
    return (26, rng.choice([4, 5, 6, 6]))


GREASE_CHARS = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
GREASE_VERS = ["8", "99", "24"]
ORDERS = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]


def sec_ch_ua(major, brand=None, brand_ver=None):
    """Chromium's GREASEd brand list (permutation and grease brand depend on the milestone)."""
    seed = major
    grease = ("Not" + GREASE_CHARS[seed % 11] + "A" + GREASE_CHARS[(seed + 1) % 11] + "Brand", GREASE_VERS[seed % 3])
    if brand is None:     # a plain Chromium build (Playwright/puppeteer bundles)
        items = [grease, ("Chromium", str(major))]
        if seed % 2:
            items.reverse()
        return ", ".join('"%s";v="%s"' % x for x in items)
    items = [grease, ("Chromium", str(major)), (brand, brand_ver or str(major))]
    out = [None, None, None]
    for i, pos in enumerate(ORDERS[seed % 6]):
        out[pos] = items[i]
    return ", ".join('"%s";v="%s"' % x for x in out)


# ------------------------------------------------------------- languages ----
def accept_language(langs, engine):
    if engine == "webkit":
        first = langs[0]
        if "-" in first:
            return "%s,%s;q=0.9" % (first, first.split("-")[0])
        return first
    if engine == "gecko":
        n = len(langs)
        parts = [langs[0]]
        for i, l in enumerate(langs[1:], start=1):
            q = max(int((1 - i / n) * 10 + 0.5) / 10.0, 0.1)
            parts.append("%s;q=%s" % (l, ("%.1f" % q).rstrip("0").rstrip(".")))
        return ",".join(parts)
    parts = [langs[0]]
    q = 0.9
    for l in langs[1:]:
        parts.append("%s;q=%.1f" % (l, max(q, 0.1)))
        q -= 0.1
    return ",".join(parts)


LEGACY_TZ = {"Asia/Kolkata": "Asia/Calcutta", "Europe/Kyiv": "Europe/Kiev", "Asia/Ho_Chi_Minh": "Asia/Saigon"}


def reported_tz(tz, engine, major=999):
    """Intl.DateTimeFormat().resolvedOptions().timeZone as each engine returns it"""
    if engine == "webkit" or (engine == "chromium" and major < 140):
        return LEGACY_TZ.get(tz, tz)
    return tz


# ------------------------------------------------------------ hardware ------
WIN_SCREENS = [("1920x1080x24", 34), ("1536x864x24", 14), ("1366x768x24", 8), ("2560x1440x24", 11),
               ("1280x720x24", 3), ("1440x900x24", 3), ("1600x900x24", 3), ("1920x1200x24", 6),
               ("3840x2160x24", 4), ("2560x1600x24", 3), ("1707x1067x24", 3), ("1280x800x24", 2),
               ("3440x1440x24", 2), ("1280x1024x24", 1)]
MAC_SCREENS = [("1512x982", 20), ("1470x956", 14), ("1440x900", 12), ("1728x1117", 11), ("1680x1050", 5),
               ("2560x1440", 10), ("1920x1080", 8), ("1280x800", 4), ("3440x1440", 3), ("2056x1329", 3),
               ("1800x1169", 3), ("2240x1260", 3)]
LINUX_SCREENS = [("1920x1080x24", 45), ("2560x1440x24", 20), ("3840x2160x24", 8), ("1920x1200x24", 10),
                 ("1366x768x24", 5), ("2560x1080x24", 4), ("3440x1440x24", 4), ("1280x720x24", 2)]
CROS_SCREENS = [("1366x768x24", 35), ("1536x864x24", 25), ("1920x1080x24", 25), ("1280x720x24", 15)]
ANDROID_SCREENS = [("412x915x24", 22), ("360x800x24", 20), ("393x873x24", 8), ("384x854x24", 8),
                   ("360x780x24", 6), ("393x851x24", 5), ("412x892x24", 5), ("411x914x24", 4),
                   ("360x640x24", 4), ("432x960x24", 4), ("385x854x24", 4), ("400x889x24", 3),
                   ("412x846x24", 3), ("384x832x24", 3), ("360x760x24", 3)]
IPHONE_SCREENS = [("390x844x24", 20), ("393x852x24", 24), ("430x932x24", 12), ("402x874x24", 14),
                  ("440x956x24", 8), ("375x812x24", 6), ("414x896x24", 7), ("375x667x24", 5), ("420x912x24", 4)]
IPAD_SCREENS = [("820x1180x24", 35), ("1024x1366x24", 15), ("834x1194x24", 20), ("810x1080x24", 20), ("744x1133x24", 10)]
WIN_HW = [(4, 14), (6, 8), (8, 30), (12, 15), (16, 20), (20, 4), (24, 5), (32, 4)]
MAC_HW = [(8, 30), (10, 25), (11, 10), (12, 15), (14, 10), (16, 10)]
MAC_CHIPS = ["M1", "M1 Pro", "M2", "M2 Pro", "M3", "M3 Pro", "M4", "M4 Pro", "M4 Max", "M5", "Intel UHD 630", "Intel Iris Plus"]


class Client:
    """A browser (or API client) installation. Headers and the collector's
    device object are derived from it for every request."""

    def __init__(self, kind, family, engine, ua, major=0, mobile=False, langs=None, tz=None,
                 platform=None, screen=None, hw=None, mem=None, touch=0, gpu="", ch=None,
                 fp_mode="stable", extra_headers=None, webdriver=False):
        self.kind = kind                  # "web" or "api"
        self.family = family
        self.engine = engine              # chromium | gecko | webkit | none
        self.ua = ua
        self.major = major
        self.mobile = mobile
        self.langs = langs or ["en-US", "en"]
        self.tz = tz
        self.platform = platform
        self.screen = screen
        self.hw = hw
        self.mem = mem
        self.touch = touch
        self.gpu = gpu
        self.ch = ch                      # dict of client hint headers or None
        self.fp_mode = fp_mode            # stable | session (Safari 26+ AFP, Brave farbling)
        self.extra_headers = extra_headers or {}
        self.webdriver = webdriver
        self.al = accept_language(self.langs, engine) if kind == "web" else None
        self.collector = kind == "web"    # False when JS is blocked / no collector
        self.fetch_meta = kind == "web"   # Sec-Fetch-* request headers (real browsers)
        self.tz_override = None

    def copy(self):
        c = Client.__new__(Client)
        c.__dict__.update(self.__dict__)
        c.extra_headers = dict(self.extra_headers)
        c.ch = dict(self.ch) if self.ch else None
        return c

    # ------------------------------------------------------------------
    def headers(self, referer=None):
        h = {"user-agent": self.ua}
        if self.kind == "web":
            if self.al:
                h["accept-language"] = self.al
            if self.ch:
                h.update(self.ch)
            if self.fetch_meta:
                h["sec-fetch-site"] = "same-origin"
                h["sec-fetch-mode"] = "navigate"
                h["sec-fetch-dest"] = "document"
            if referer:
                h["referer"] = referer
        h.update(self.extra_headers)
        return h

    def device(self, session_key=""):
        if self.kind != "web" or not self.collector:
            return None
        tz = self.tz_override or self.tz
        rtz = reported_tz(tz, self.engine, self.major)
        hw = self.hw
        if self.family.startswith("brave") and session_key:
            hw = max(2, hw - (int(short_hash(session_key, self.gpu, n=4), 16) % max(1, hw - 1)))
        salt = session_key if self.fp_mode == "session" else ""
        fp = short_hash(self.ua, self.screen, self.platform, hw, self.mem, rtz, ",".join(self.langs),
                        self.touch, self.gpu, salt)
        d = {"fingerprint": fp, "timezone": rtz, "languages": list(self.langs) if self.engine != "webkit" else self.langs[:1],
             "screen": self.screen, "platform": self.platform, "hardware_concurrency": hw}
        if self.mem is not None:
            d["device_memory"] = self.mem
        d["touch_points"] = self.touch
        d["webdriver"] = self.webdriver
        return d


# ----------------------------------------------------------------- builders ---
def _chromium_ch(major, brand, platform, mobile, brand_ver=None):
    return {"sec-ch-ua": sec_ch_ua(major, brand, brand_ver),
            "sec-ch-ua-mobile": "?1" if mobile else "?0",
            "sec-ch-ua-platform": '"%s"' % platform}


def _reduce(ua, major):
    ua = re.sub(r"Chrome/\d+\.\d+\.\d+\.\d+", "Chrome/%d.0.0.0" % major, ua)
    ua = re.sub(r"Edg/\d+\.\d+\.\d+\.\d+", "Edg/%d.0.0.0" % major, ua)
    ua = re.sub(r"EdgA/\d+\.\d+\.\d+\.\d+", "EdgA/%d.0.0.0" % major, ua)
    return ua


def _gecko(ua, major):
    ua = re.sub(r"rv:\d+\.\d+", "rv:%d.0" % major, ua)
    ua = re.sub(r"Firefox/\d+\.\d+", "Firefox/%d.0" % major, ua)
    ua = re.sub(r"Gecko/\d+\.\d+", "Gecko/%d.0" % major, ua)
    return ua


def _build_no(major, rng):
    return "%d.0.%d.%d" % (major, 7049 + (major - 135) * 57 + rng.randrange(0, 6), rng.randrange(40, 180))


FAMILY_DESKTOP = {
    "default": [("chrome_win", 40), ("edge_win", 10), ("firefox_win", 5), ("opera_win", 2), ("brave_win", 2),
                ("chrome_mac", 12), ("safari_mac", 9), ("firefox_mac", 1.5), ("edge_mac", 0.5), ("brave_mac", 1),
                ("chrome_linux", 6), ("firefox_linux", 3.5), ("chrome_cros", 1.5)],
    "south": [("chrome_win", 62), ("edge_win", 12), ("firefox_win", 4), ("opera_win", 3), ("brave_win", 2),
              ("chrome_mac", 6), ("safari_mac", 3), ("chrome_linux", 5), ("firefox_linux", 2), ("chrome_cros", 1)],
}
FAMILY_MOBILE = {
    "ios_heavy": [("safari_ios", 44), ("chrome_ios", 7), ("gsa_ios", 3), ("firefox_ios", 0.7), ("edge_ios", 0.5),
                  ("chrome_android", 33), ("samsung", 7), ("firefox_android", 1), ("edge_android", 0.5),
                  ("inapp_ios", 2.3), ("inapp_android", 1.5)],
    "android_heavy": [("safari_ios", 10), ("chrome_ios", 2), ("gsa_ios", 1), ("chrome_android", 70),
                      ("samsung", 8), ("opera_android", 3), ("firefox_android", 1), ("edge_android", 0.5),
                      ("inapp_android", 4), ("inapp_ios", 0.5)],
    "mixed": [("safari_ios", 25), ("chrome_ios", 4), ("gsa_ios", 2), ("chrome_android", 53), ("samsung", 9),
              ("opera_android", 1), ("firefox_android", 1), ("inapp_android", 3), ("inapp_ios", 2)],
}
MOBILE_MIX = {"US": "ios_heavy", "CA": "ios_heavy", "GB": "ios_heavy", "AE": "ios_heavy", "SA": "ios_heavy",
              "IL": "ios_heavy", "SE": "ios_heavy", "NL": "mixed", "DE": "mixed", "FR": "mixed", "ES": "mixed",
              "IT": "mixed", "PT": "mixed", "CZ": "mixed", "GR": "mixed", "PL": "android_heavy", "UA": "android_heavy",
              "RO": "android_heavy", "TR": "android_heavy", "IN": "android_heavy", "PK": "android_heavy",
              "BD": "android_heavy", "EG": "android_heavy", "NG": "android_heavy", "KE": "android_heavy",
              "ZA": "android_heavy"}
SOUTH = {"IN", "PK", "BD", "EG", "NG", "KE", "TR", "UA"}

ANDROID_MODELS = ["SM-A546B", "SM-S921B", "SM-A155F", "SM-A057F", "SM-A256E", "SM-M156B", "SM-S928B",
                  "23129RAA4G", "2312DRA50G", "Infinix X6833B", "TECNO KJ5", "CPH2591", "RMX3834", "V2309",
                  "Pixel 8", "Pixel 9", "moto g54 5G", "itel A665L"]


def pick_family(rng, cc, device_class):
    if device_class == "desktop":
        return wchoice(rng, FAMILY_DESKTOP["south" if cc in SOUTH else "default"])
    if device_class == "tablet":
        return wchoice(rng, [("safari_ipad", 55), ("chrome_android_tab", 35), ("chrome_ios_ipad", 10)])
    return wchoice(rng, FAMILY_MOBILE[MOBILE_MIX.get(cc, "mixed")])


def make_browser(rng, ms, langs, tz, family, outdated=False, channel="stable", gpu_pool=None):
    """Build a browser Client of a family. outdated=True keeps an old captured string."""
    c = None
    if family in ("chrome_win", "edge_win", "opera_win", "brave_win"):
        major = chrome_major(rng, ms, channel)
        if outdated:
            major = rng.choice([109, 109, 116, 120, 124, 128, 131, 138])
        base = ua_from_data(rng, "Chrome", "Windows", "desktop", must="Windows NT 10.0; Win64; x64")
        ua = _reduce(base, major)
        brand = "Google Chrome"
        if family == "edge_win":
            ua = _reduce(ua_from_data(rng, "Edge", "Windows", "desktop", must="Edg/"), major)
            brand = "Microsoft Edge"
        elif family == "opera_win":       # Opera ships one Chromium milestone behind
            major -= 1
            ua = re.sub(r"OPR/\d+", "OPR/%d" % (major - 15), _reduce(ua_from_data(rng, "Opera", "Windows", "desktop"), major))
            brand = "Opera"
        elif family == "brave_win":
            brand = "Brave"
        hw = wchoice(rng, WIN_HW)
        c = Client("web", family, "chromium", ua, major, False, langs, tz, "Win32", wchoice(rng, WIN_SCREENS), hw,
                   wchoice(rng, [(8, 85), (4, 12), (2, 3)]), 10 if rng.random() < 0.08 else 0,
                   "win-gpu-%d" % rng.randrange(gpu_pool or 2500),
                   _chromium_ch(major, brand, "Windows", False, str(major - 15) if brand == "Opera" else None))
        if family == "brave_win":
            c.fp_mode = "session"
            c.extra_headers["sec-gpc"] = "1"
    elif family in ("chrome_mac", "edge_mac", "brave_mac"):
        major = chrome_major(rng, ms, channel) if not outdated else rng.choice([116, 128, 138])
        if family == "edge_mac":
            ua = _reduce(ua_from_data(rng, "Edge", "Mac OS X", "desktop", must="Edg/"), major)
            brand = "Microsoft Edge"
        else:
            ua = _reduce(ua_from_data(rng, "Chrome", "Mac OS X", "desktop", must="10_15_7"), major)
            brand = "Brave" if family == "brave_mac" else "Google Chrome"
        chip = rng.choice(MAC_CHIPS)
        c = Client("web", family, "chromium", ua, major, False, langs, tz, "MacIntel",
                   wchoice(rng, MAC_SCREENS) + "x30", wchoice(rng, MAC_HW), 8, 0, "mac-" + chip,
                   _chromium_ch(major, brand, "macOS", False))
        if family == "brave_mac":
            c.fp_mode = "session"
            c.extra_headers["sec-gpc"] = "1"
    elif family == "chrome_linux":
        major = chrome_major(rng, ms, channel) if not outdated else rng.choice([114, 124, 129])
        ua = _reduce(ua_from_data(rng, "Chrome", "Linux", "desktop", must="X11; Linux x86_64"), major)
        c = Client("web", family, "chromium", ua, major, False, langs, tz, "Linux x86_64", wchoice(rng, LINUX_SCREENS),
                   wchoice(rng, [(4, 10), (8, 25), (12, 15), (16, 25), (24, 10), (32, 10), (64, 5)]), 8, 0,
                   "linux-gpu-%d" % rng.randrange(gpu_pool or 600), _chromium_ch(major, "Google Chrome", "Linux", False))
    elif family == "chrome_cros":
        major = chrome_major(rng, ms, channel)
        ua = _reduce(ua_from_data(rng, "Chrome", "Chrome OS", "desktop"), major)
        c = Client("web", family, "chromium", ua, major, False, langs, tz, "Linux x86_64", wchoice(rng, CROS_SCREENS),
                   rng.choice([2, 4, 8]), rng.choice([4, 8]), 10 if rng.random() < 0.4 else 0,
                   "cros-%d" % rng.randrange(40), _chromium_ch(major, "Google Chrome", "Chrome OS", False))
    elif family in ("firefox_win", "firefox_mac", "firefox_linux"):
        major = firefox_major(rng, ms) if not outdated else rng.choice([115, 115, 128])
        os_ = {"firefox_win": "Windows", "firefox_mac": "Mac OS X", "firefox_linux": "Linux"}[family]
        if family == "firefox_linux" and rng.random() < 0.3:
            base = ua_from_data(rng, "Firefox", "Ubuntu", "desktop")
        else:
            base = ua_from_data(rng, "Firefox", os_, "desktop",
                                must={"Windows": "Windows NT 10.0", "Mac OS X": "10.15", "Linux": "X11; Linux x86_64"}[os_])
        ua = _gecko(base, major)
        plat = {"Windows": "Win32", "Mac OS X": "MacIntel", "Linux": "Linux x86_64"}[os_]
        scr = wchoice(rng, WIN_SCREENS if os_ == "Windows" else LINUX_SCREENS) if os_ != "Mac OS X" else wchoice(rng, MAC_SCREENS) + "x24"
        hw = wchoice(rng, WIN_HW) if os_ != "Mac OS X" else wchoice(rng, MAC_HW)
        c = Client("web", family, "gecko", ua, major, False, langs, tz, plat, scr, hw, None, 0,
                   "ff-gpu-%d" % rng.randrange(gpu_pool or 1500))
        if rng.random() < 0.25:
            c.extra_headers["dnt"] = "1"
        if rng.random() < 0.15:
            c.extra_headers["sec-gpc"] = "1"
    elif family == "safari_mac" or family == "safari_ipad":
        if outdated:
            ua = ua_from_data(rng, "Safari", "Mac OS X", "desktop", must="Version/1")
            maj = int(re.search(r"Version/(\d+)", ua).group(1))
        else:
            maj, mi = safari_version(rng, ms)
            ua = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                  "Version/%d.%d Safari/605.1.15" % (maj, mi))
        if family == "safari_ipad":     # iPadOS requests the desktop site and says "Macintosh"
            c = Client("web", family, "webkit", ua, maj, True, langs, tz, "MacIntel", wchoice(rng, IPAD_SCREENS),
                       8, None, 5, "ipad-%d" % rng.randrange(8))
        else:
            c = Client("web", family, "webkit", ua, maj, False, langs, tz, "MacIntel", wchoice(rng, MAC_SCREENS) + "x24",
                       8, None, 0, "mac-" + rng.choice(MAC_CHIPS))
        if maj >= 26:
            c.fp_mode = "session"   # Advanced Fingerprinting Protection in all browsing
    elif family in ("safari_ios", "chrome_ios", "gsa_ios", "firefox_ios", "edge_ios", "inapp_ios", "chrome_ios_ipad"):
        ipad = family == "chrome_ios_ipad"
        r = rng.random()
        modern = not outdated and r < 0.86
        if modern:
            maj, mi = safari_version(rng, ms)
            osv = "18_6"            # iOS 26+ freezes the OS version in the UA string
            dev = "iPad; CPU OS" if ipad else "iPhone; CPU iPhone OS"
            pre = "Mozilla/5.0 (%s %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " % (dev, osv)
            if family == "safari_ios":
                ua = pre + "Version/%d.%d Mobile/15E148 Safari/604.1" % (maj, mi)
            elif family in ("chrome_ios", "chrome_ios_ipad"):
                ua = pre + "CriOS/%s Mobile/15E148 Safari/604.1" % _build_no(chrome_major(rng, ms), rng)
            elif family == "gsa_ios":
                ua = pre + "GSA/%d.0.%d Mobile/15E148 Safari/604.1" % (rng.randrange(438, 446), rng.randrange(780000000, 799999999))
            elif family == "firefox_ios":
                ua = pre + "FxiOS/%d.%d  Mobile/15E148 Safari/605.1.15" % (firefox_major(rng, ms, 0), rng.randrange(3))
            elif family == "edge_ios":
                ua = pre + "EdgiOS/%s Version/%d.0 Mobile/15E148 Safari/604.1" % (_build_no(chrome_major(rng, ms), rng), maj)
            else:
                base = wchoice(rng, [(ua_from_data(rng, "Facebook", "iOS", "mobile"), 1), (ua_from_data(rng, "Instagram", "iOS", "mobile"), 1),
                                     (ua_from_data(rng, "Twitter", "iOS", "mobile"), 1)])
                ua = re.sub(r"OS 1\d_\d(_\d)?", "OS 18_6", base)
        else:
            maj = 18 if r < 0.94 else 17
            browser = {"safari_ios": "Mobile Safari", "chrome_ios": "Chrome Mobile iOS", "gsa_ios": "Google",
                       "firefox_ios": "Firefox iOS", "edge_ios": "Edge Mobile", "inapp_ios": "Facebook",
                       "chrome_ios_ipad": "Chrome Mobile iOS"}[family]
            ua = ua_from_data(rng, browser, "iOS", "tablet" if ipad else "mobile", must="AppleWebKit/605")
            m = re.search(r"OS (\d+)_", ua)
            maj = int(m.group(1)) if m else 18
            # third-party browsers keep updating on iOS 17/18; only the OS is old
            ua = re.sub(r"CriOS/[\d.]+", "CriOS/" + _build_no(chrome_major(rng, ms), rng), ua)
            ua = re.sub(r"EdgiOS/[\d.]+", "EdgiOS/" + _build_no(chrome_major(rng, ms), rng), ua)
            ua = re.sub(r"FxiOS/[\d.]+", "FxiOS/%d.0" % firefox_major(rng, ms, 0), ua)
            ua = re.sub(r"GSA/[\d.]+", "GSA/%d.0.%d" % (rng.randrange(438, 446), rng.randrange(780000000, 799999999)), ua)
        scr = wchoice(rng, IPAD_SCREENS if ipad else IPHONE_SCREENS)
        c = Client("web", family, "webkit", ua, maj, True, langs, tz, "iPad" if ipad else "iPhone", scr, 4, None, 5,
                   "iphone-%s-%d" % (scr, maj))
        if modern:
            c.fp_mode = "session"
    elif family in ("chrome_android", "samsung", "edge_android", "opera_android", "chrome_android_tab", "inapp_android"):
        major = chrome_major(rng, ms, channel)
        if outdated:
            major = rng.choice([119, 119, 138, 138, 138, 131])     # Android 7 caps at 119, Android 8/9 at 138
        mem = wchoice(rng, [(4, 35), (8, 55), (2, 10)])
        hw = wchoice(rng, [(8, 80), (4, 12), (6, 8)])
        model = rng.choice(ANDROID_MODELS)
        if family == "samsung":
            sv = rng.choice(["29.0", "29.0", "28.0"])
            cm = 136 if sv == "29.0" else 130
            ua = re.sub(r"SamsungBrowser/[\d.]+", "SamsungBrowser/" + sv,
                        _reduce(ua_from_data(rng, "Samsung Internet", "Android", "mobile", must="Android 10; K"), cm))
            ch = _chromium_ch(cm, "Samsung Internet", "Android", True, sv)
            major = cm
        elif family == "inapp_android":
            app = rng.choice(["[LinkedInApp]/9.31.%d" % rng.randrange(100, 999),
                              "[FB_IAB/FB4A;FBAV/%d.0.0.%d.%d;]" % (rng.randrange(520, 540), rng.randrange(10, 60), rng.randrange(10, 120)),
                              "Instagram %d.0.0.%d.%d Android" % (rng.randrange(400, 420), rng.randrange(10, 60), rng.randrange(10, 120))])
            ua = ("Mozilla/5.0 (Linux; Android %d; %s Build/%s; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
                  "Chrome/%s Mobile Safari/537.36 %s" % (rng.choice([13, 14, 15, 16]), model,
                                                         rng.choice(["UP1A.231005.007", "AP2A.240905.003", "BP1A.250305.019", "TP1A.220624.014"]),
                                                         _build_no(major, rng), app))
            ch = _chromium_ch(major, "Android WebView", "Android", True)
        else:
            key = {"chrome_android": ("Chrome Mobile", "mobile"), "chrome_android_tab": ("Chrome", "tablet"),
                   "edge_android": ("Edge Mobile", "mobile"), "opera_android": ("Opera Mobile", "mobile")}[family]
            base = ua_from_data(rng, key[0], "Android", key[1], must="Android 10; K")
            ua = _reduce(base, major)
            brand = {"edge_android": "Microsoft Edge", "opera_android": "Opera Mobile"}.get(family, "Google Chrome")
            bver = None
            if family == "opera_android":
                bver = str(rng.choice([92, 93]))
                ua = re.sub(r"OPR/\d+", "OPR/%s" % bver, ua)
            ch = _chromium_ch(major, brand, "Android", family != "chrome_android_tab", bver)
        scr = wchoice(rng, ANDROID_SCREENS) if family != "chrome_android_tab" else rng.choice(["800x1280x24", "1024x1366x24", "753x1205x24"])
        c = Client("web", family, "chromium", ua, major, True, langs, tz, "Linux armv81", scr, hw, mem, 5,
                   "android-%s-%d" % (model, rng.randrange(3)), ch)
    elif family == "firefox_android":
        major = firefox_major(rng, ms, 0)
        ua = _gecko(ua_from_data(rng, "Firefox Mobile", "Android", "mobile"), major)
        c = Client("web", family, "gecko", ua, major, True, langs, tz, "Linux aarch64", wchoice(rng, ANDROID_SCREENS),
                   8, None, 5, "ff-android-%d" % rng.randrange(200))
    elif family == "yandex_win":
        ua = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 "
              "YaBrowser/26.%d.%d.%d Yowser/2.5 Safari/537.36" % (150, rng.randrange(6, 10), rng.randrange(1, 5), rng.randrange(100, 999)))
        c = Client("web", family, "chromium", ua, 150, False, langs, tz, "Win32", wchoice(rng, WIN_SCREENS),
                   wchoice(rng, WIN_HW), 8, 0, "win-gpu-%d" % rng.randrange(2500),
                   _chromium_ch(150, "Yandex", "Windows", False, "26"))
    elif family == "tor_browser":
        ua = "Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0"
        c = Client("web", family, "gecko", ua, 140, False, ["en-US", "en"], "UTC", "Win32",
                   rng.choice(["1400x900x24", "1000x900x24", "1200x800x24", "1400x800x24"]), 2, None, 0, "tor")
        c.tz_override = "UTC"
    else:
        raise ValueError(family)
    return c


def browser_for(rng, ms, cc, langs, tz, device_class, outdated_p=0.04, channel="stable", family=None):
    fam = family or pick_family(rng, cc, device_class)
    outdated = rng.random() < outdated_p
    return make_browser(rng, ms, langs, tz, fam, outdated=outdated, channel=channel)


def hardened_firefox(rng, ms, langs, tz):
    """Firefox with resistFingerprinting: spoofed zone, en-US, rounded window as screen"""
    c = make_browser(rng, ms, ["en-US", "en"], tz, rng.choice(["firefox_win", "firefox_linux", "firefox_mac"]))
    c.tz_override = "Atlantic/Reykjavik"
    c.screen = rng.choice(["1600x900x24", "1400x900x24", "1800x1000x24", "1200x900x24"])
    c.hw = 2 if rng.random() < 0.5 else c.hw
    c.al = "en-US,en;q=0.5"
    c.langs = ["en-US", "en"]
    return c


# ------------------------------------------------------------ API clients ---
def forge_cli(rng, version=None, interactive=None):
    v = version or wchoice(rng, [("2.6.1", 35), ("2.6.0", 20), ("2.5.3", 20), ("2.4.7", 10), ("2.3.2", 6), ("1.9.4", 9)])
    osn, arch = wchoice(rng, [(("linux", "x86_64"), 55), (("darwin", "arm64"), 30), (("windows", "AMD64"), 8),
                              (("linux", "aarch64"), 7)])
    py = wchoice(rng, [("3.12.7", 35), ("3.11.10", 25), ("3.13.1", 20), ("3.10.12", 15), ("3.9.6", 5)])
    ua = "forge-cli/%s (%s; %s) python/%s" % (v, osn, arch, py)
    c = Client("api", "forge_cli", "none", ua)
    c.extra_headers = {"accept": "application/json", "content-type": "application/json"}
    c.cli_version = v
    c.interactive = interactive if interactive is not None else (v.startswith("2.") and rng.random() < 0.6)
    return c


def forge_sdk(rng):
    kind = wchoice(rng, [("py", 70), ("js", 30)])
    if kind == "py":
        ua = "forge-python/%s httpx/%s python/%s" % (rng.choice(["1.14.0", "1.13.2", "1.12.5"]), rng.choice(["0.27.2", "0.28.1"]),
                                                    rng.choice(["3.12.7", "3.11.10", "3.10.12"]))
    else:
        ua = "forge-js/%s node/%s" % (rng.choice(["0.22.3", "0.21.0"]), rng.choice(["22.11.0", "20.18.0", "24.2.0"]))
    c = Client("api", "forge_sdk", "none", ua)
    c.extra_headers = {"accept": "application/json", "content-type": "application/json"}
    c.interactive = False
    return c


def generic_http(rng, which=None):
    which = which or wchoice(rng, [("requests", 40), ("httpx", 15), ("curl", 15), ("go", 12), ("axios", 8),
                                   ("aiohttp", 6), ("okhttp", 4)])
    ua = {"requests": "python-requests/%s" % rng.choice(["2.32.3", "2.31.0", "2.32.4"]),
          "httpx": "python-httpx/%s" % rng.choice(["0.27.2", "0.28.1"]),
          "curl": "curl/%s" % rng.choice(["8.5.0", "8.10.1", "7.81.0", "8.11.1"]),
          "go": rng.choice(["Go-http-client/2.0", "Go-http-client/1.1"]),
          "axios": "axios/%s" % rng.choice(["1.7.7", "1.6.8"]),
          "aiohttp": "Python/3.11 aiohttp/%s" % rng.choice(["3.9.5", "3.10.10"]),
          "okhttp": "okhttp/%s" % rng.choice(["4.12.0", "4.9.3"])}[which]
    c = Client("api", "http_" + which, "none", ua)
    c.extra_headers = {"accept": "*/*", "content-type": "application/json"}
    c.interactive = False
    return c
