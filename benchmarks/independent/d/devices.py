"""User agents, browser collector objects, request headers, form timings."""
import json
import re

from util import hhex, wpick, WeightedChoice

ORIGIN = "https://platform.lumora.ai"

# Chromium's timezone canonicalisation differs from IANA's current names.
CHROMIUM_TZ_ALIAS = {"Asia/Kolkata": "Asia/Calcutta", "Asia/Ho_Chi_Minh": "Asia/Saigon", "Europe/Kyiv": "Europe/Kiev",
                     "America/Argentina/Buenos_Aires": "America/Buenos_Aires", "America/Argentina/Cordoba": "America/Cordoba"}

GREASE_CHARS = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
GREASE_VER = ["8", "99", "24"]
ORDERS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]


def sec_ch_ua(major, brand, brand_ver=None):
    seed = int(major)
    g = ("Not" + GREASE_CHARS[seed % 11] + "A" + GREASE_CHARS[(seed + 1) % 11] + "Brand", GREASE_VER[seed % 3])
    items = [g, ("Chromium", str(major)), (brand, str(brand_ver or major))]
    order = ORDERS[seed % 6]
    out = [None, None, None]
    for i, it in enumerate(items):
        out[order[i]] = it
    if brand is None:
        out = [x for x in out if x[0] is not None]
    return ", ".join('"%s";v="%s"' % x for x in out if x[0] is not None)


def _major(s):
    m = re.match(r"(\d+)", s or "")
    return int(m.group(1)) if m else 0


class UAPool:
    CLASSES = ["win_chrome", "win_edge", "win_firefox", "win_opera", "mac_chrome", "mac_safari", "mac_firefox", "mac_edge",
               "linux_chrome", "linux_firefox", "cros_chrome", "iphone_safari", "iphone_chrome", "iphone_google",
               "android_chrome", "android_samsung", "android_firefox", "ipad_safari", "android_tablet"]

    def __init__(self):
        from fake_useragent.utils import load
        agg = {}
        for r in load():
            cls = self._classify(r)
            if cls is None:
                continue
            key = (cls, r["useragent"])
            if key in agg:
                agg[key]["percent"] += r["percent"]
            else:
                agg[key] = dict(r, cls=cls)
        self.by_cls = {}
        for (cls, _), r in sorted(agg.items()):
            self.by_cls.setdefault(cls, []).append(r)
        self.pickers = {c: WeightedChoice(v, [max(1e-4, x["percent"]) for x in v]) for c, v in self.by_cls.items()}

    @staticmethod
    def _classify(r):
        ua, b, os_ = r["useragent"], r["browser"], r["os"]
        bv = _major(r["browser_version"])
        if os_ == "iOS":
            if _major(r["os_version"]) < 15:
                return None
            if "iPad" in ua:
                return "ipad_safari" if b == "Mobile Safari" else None
            if "iPhone" not in ua:
                return None
            return {"Mobile Safari": "iphone_safari", "Chrome Mobile iOS": "iphone_chrome", "Google": "iphone_google"}.get(b)
        if os_ == "Android":
            if "Android" not in ua:
                return None
            if r["type"] == "tablet":
                return "android_tablet" if b in ("Chrome", "Chrome Mobile") and bv >= 109 else None
            if b == "Chrome Mobile" and bv >= 109 and "Mobile Safari" in ua:
                return "android_chrome"
            if b == "Samsung Internet":
                return "android_samsung"
            if b == "Firefox Mobile":
                return "android_firefox"
            return None
        if os_ == "Windows" and "Windows NT" in ua:
            if b == "Chrome" and bv >= 109:
                return "win_chrome"
            if b == "Edge" and bv >= 120:
                return "win_edge"
            if b == "Firefox" and bv >= 115:
                return "win_firefox"
            if b == "Opera":
                return "win_opera"
            return None
        if os_ == "Mac OS X" and "Macintosh" in ua:
            if b == "Chrome" and bv >= 109:
                return "mac_chrome"
            if b == "Safari":
                return "mac_safari"
            if b == "Firefox" and bv >= 115:
                return "mac_firefox"
            if b == "Edge":
                return "mac_edge"
            return None
        if os_ in ("Linux", "Ubuntu") and "X11" in ua:
            if b == "Chrome" and bv >= 109:
                return "linux_chrome"
            if b == "Firefox" and bv >= 115:
                return "linux_firefox"
            return None
        if os_ == "Chrome OS" and "CrOS" in ua:
            return "cros_chrome"
        return None

    def pick(self, rng, cls):
        return self.pickers[cls].pick(rng)


# Device-class mixes --------------------------------------------------------------
DESKTOP_MIX_DEV = [(30, "win_chrome"), (8, "win_edge"), (3, "win_firefox"), (1, "win_opera"), (25, "mac_chrome"),
                   (9, "mac_safari"), (3, "mac_firefox"), (1.5, "mac_edge"), (7, "linux_chrome"), (3, "linux_firefox"),
                   (1.5, "cros_chrome")]
DESKTOP_MIX_EMERGING = [(55, "win_chrome"), (8, "win_edge"), (3, "win_firefox"), (2, "win_opera"), (12, "mac_chrome"),
                        (3, "mac_safari"), (1, "mac_firefox"), (8, "linux_chrome"), (3, "linux_firefox"), (1, "cros_chrome")]
MOBILE_IOS_SHARE = {"US": 0.58, "CA": 0.55, "GB": 0.5, "AU": 0.55, "JP": 0.65, "DE": 0.38, "FR": 0.4, "CH": 0.5, "SE": 0.5,
                    "NO": 0.5, "DK": 0.5, "NL": 0.45, "KR": 0.3, "TW": 0.45, "SG": 0.5, "HK": 0.55, "CN": 0.25, "IL": 0.35,
                    "AE": 0.5, "SA": 0.4, "IN": 0.08, "ID": 0.1, "PK": 0.06, "BD": 0.05, "NG": 0.1, "KE": 0.08, "EG": 0.1,
                    "VN": 0.25, "PH": 0.15, "BR": 0.18, "MX": 0.25, "TR": 0.2, "UA": 0.25, "RU": 0.3}
EMERGING = {"IN", "PK", "BD", "ID", "VN", "PH", "NG", "KE", "EG", "TR", "UA", "BR", "MX", "CO", "AR", "PE", "TH", "MY", "IR", "CN", "RU", "BY"}
LOW_END = {"IN", "PK", "BD", "ID", "NG", "KE", "EG", "PH", "VN"}


def pick_desktop_cls(rng, iso):
    return wpick(rng, DESKTOP_MIX_EMERGING if iso in EMERGING else DESKTOP_MIX_DEV)


def pick_mobile_cls(rng, iso):
    if rng.random() < MOBILE_IOS_SHARE.get(iso, 0.3):
        return wpick(rng, [(80, "iphone_safari"), (14, "iphone_chrome"), (6, "iphone_google")])
    return wpick(rng, [(80, "android_chrome"), (16, "android_samsung"), (4, "android_firefox")])


# Hardware ------------------------------------------------------------------------
WIN_SCREENS = [(40, "1920x1080"), (8, "1366x768"), (14, "1536x864"), (12, "2560x1440"), (3, "1440x900"), (4, "1600x900"),
               (2, "1280x720"), (4, "3840x2160"), (2, "1280x800"), (2, "2560x1080"), (2, "1680x1050"), (5, "1920x1200"), (2, "3440x1440"), (2, "1280x1024")]
MAC_BUILTIN = [(20, "1512x982"), (14, "1728x1117"), (20, "1470x956"), (16, "1440x900"), (6, "1280x800"), (5, "1800x1169"), (4, "1680x1050")]
MAC_EXT = [(40, "2560x1440"), (25, "1920x1080"), (15, "3008x1692"), (10, "3440x1440"), (10, "2240x1260")]
LINUX_SCREENS = [(55, "1920x1080"), (20, "2560x1440"), (8, "3840x2160"), (8, "1920x1200"), (5, "1366x768"), (4, "3440x1440")]
CROS_SCREENS = [(35, "1366x768"), (30, "1536x864"), (30, "1920x1080"), (5, "1280x800")]
IPHONES = [(18, "390x844", 6), (22, "393x852", 6), (12, "430x932", 6), (8, "428x926", 6), (8, "375x812", 6), (9, "414x896", 6),
           (7, "375x667", 6), (9, "402x874", 6), (7, "440x956", 6)]
IPADS = [(40, "820x1180"), (25, "810x1080"), (15, "1024x1366"), (20, "834x1194")]
ANDROID_MODELS = [  # weight(dev), weight(emerging), screen, gpu, mem
    (8, 14, "360x800", "Mali-G52 MC2", 4), (8, 12, "384x832", "Mali-G57 MC2", 4), (10, 6, "412x915", "Mali-G68 MC4", 8),
    (12, 5, "360x780", "Adreno (TM) 740", 8), (10, 4, "412x915", "Mali-G710 MC10", 8), (8, 3, "412x915", "Mali-G715-Immortalis MC11", 8),
    (6, 12, "393x873", "Adreno (TM) 610", 4), (3, 14, "360x800", "PowerVR Rogue GE8320", 2), (2, 10, "360x804", "IMG BXM-8-256", 4),
    (6, 6, "412x915", "Adreno (TM) 618", 4), (6, 4, "412x919", "Adreno (TM) 730", 8), (5, 4, "384x854", "Adreno (TM) 642L", 8),
    (4, 6, "393x851", "Mali-G76 MC4", 4), (4, 5, "412x892", "Adreno (TM) 650", 8)]
WIN_GPUS = [(14, "ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (18, "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics (0x0000A7A0) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (10, "ANGLE (Intel, Intel(R) UHD Graphics (0x00009A68) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (8, "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (7, "ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 (0x00001F99) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (6, "ANGLE (NVIDIA, NVIDIA GeForce RTX 4060 Laptop GPU (0x000028E0) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (5, "ANGLE (NVIDIA, NVIDIA GeForce RTX 4070 (0x00002786) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (4, "ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 (0x00002206) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (8, "ANGLE (AMD, AMD Radeon(TM) Graphics (0x00001638) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (4, "ANGLE (AMD, AMD Radeon RX 6600 (0x000073FF) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (4, "ANGLE (Intel, Intel(R) Arc(TM) Graphics (0x00007D55) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (3, "ANGLE (NVIDIA, NVIDIA RTX A2000 8GB Laptop GPU (0x000025BA) Direct3D11 vs_5_0 ps_5_0, D3D11)"),
            (4, "ANGLE (Intel, Intel(R) HD Graphics 520 (0x00001916) Direct3D11 vs_5_0 ps_5_0, D3D11)")]
MAC_CHIPS = [(14, "Apple M1"), (8, "Apple M1 Pro"), (3, "Apple M1 Max"), (12, "Apple M2"), (6, "Apple M2 Pro"), (10, "Apple M3"),
             (6, "Apple M3 Pro"), (3, "Apple M3 Max"), (8, "Apple M4"), (4, "Apple M4 Pro"), (6, "Intel")]
MAC_HW = {"Apple M1": 8, "Apple M1 Pro": 10, "Apple M1 Max": 10, "Apple M2": 8, "Apple M2 Pro": 12, "Apple M3": 8,
          "Apple M3 Pro": 12, "Apple M3 Max": 16, "Apple M4": 10, "Apple M4 Pro": 14, "Intel": 8}
LINUX_GPUS = [(30, "ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)"),
              (20, "ANGLE (AMD, AMD Radeon Graphics (radeonsi, renoir, LLVM 15.0.7, DRM 3.49, 6.1.0-18-amd64), OpenGL 4.6)"),
              (25, "ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 3080/PCIe/SSE2, OpenGL 4.5.0)"),
              (15, "ANGLE (Intel, Mesa Intel(R) Xe Graphics (TGL GT2), OpenGL 4.6)"),
              (10, "ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 4090/PCIe/SSE2, OpenGL 4.5.0)")]
VM_GPU = "ANGLE (Mesa, llvmpipe (LLVM 15.0.7, 256 bits), OpenGL 4.5)"
SWIFTSHADER = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"


def accept_language(langs, family):
    if not langs:
        return None
    if family == "firefox":
        n = len(langs)
        parts = [langs[0]] + ["%s;q=%.1f" % (l, max(0.1, round(1 - i / n, 1))) for i, l in enumerate(langs[1:], 1)]
        return ",".join(parts)
    if family == "safari":
        langs = langs[:2] if len(langs) > 2 else langs
    parts = [langs[0]] + ["%s;q=%.1f" % (l, max(0.1, 1 - 0.1 * i)) for i, l in enumerate(langs[1:], 1)]
    return ",".join(parts)


class Device:
    """A client: a browser profile (with collector) or a non-browser HTTP client."""

    def __init__(self):
        self.kind = "browser"
        self.ua = None
        self.family = None
        self.cls = None
        self.mobile = False
        self.ch = None
        self.ch_platform = None
        self.attrs = None        # collector attributes (without fingerprint)
        self.canvas = None
        self.farble = False      # fingerprint randomised per session (Brave, Firefox RFP, noisy anti-detect)
        self.blocked = False     # collector script blocked / JS disabled
        self.lang_header = None
        self.langs = None
        self.extra_headers = {}
        self.drop_headers = set()
        self.static_headers = None  # for non-browser clients
        self.fp_override = None

    # fingerprint: stable hash over collector attributes and canvas/audio probe class
    def fingerprint(self, session_key=None):
        if self.fp_override:
            return self.fp_override
        canvas = self.canvas
        if self.farble:
            canvas = hhex(12, "farble", canvas, session_key)
        blob = json.dumps(self.attrs, sort_keys=True) + "|" + str(canvas)
        return hhex(32, "fp", blob)

    def device_obj(self, session_key=None):
        if self.kind != "browser" or self.blocked or self.attrs is None:
            return None
        d = {"fingerprint": self.fingerprint(session_key)}
        for k in ("timezone", "languages", "screen", "platform", "hardware_concurrency", "device_memory", "touch_points", "webdriver", "webgl_renderer"):
            if k in self.attrs and self.attrs[k] is not None:
                d[k] = self.attrs[k]
        return d

    def headers(self, page, rng, referer_q=None, api=False):
        if self.kind != "browser":
            h = dict(self.static_headers or {})
            if "postman-token" in h:
                h["postman-token"] = "%s-%s-%s-%s-%s" % (hhex(8, rng.random()), hhex(4, rng.random()), hhex(4, rng.random()), hhex(4, rng.random()), hhex(12, rng.random()))
            return h
        path = "/accounts/signup/" if page == "signup" else "/accounts/login/"
        ref = ORIGIN + path + (referer_q or "")
        f = self.family
        h = {"user-agent": self.ua}
        if f == "chromium":
            h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
            h["accept-encoding"] = "gzip, deflate, br, zstd"
        elif f == "firefox":
            h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            h["accept-encoding"] = "gzip, deflate, br, zstd"
        else:
            h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            h["accept-encoding"] = "gzip, deflate, br"
        if self.lang_header:
            h["accept-language"] = self.lang_header
        if f == "chromium":
            h["cache-control"] = "max-age=0"
        h["content-type"] = "application/x-www-form-urlencoded"
        h["origin"] = ORIGIN
        h["priority"] = "u=0, i"
        h["referer"] = ref
        if self.ch:
            h["sec-ch-ua"] = self.ch
            h["sec-ch-ua-mobile"] = "?1" if self.mobile else "?0"
            h["sec-ch-ua-platform"] = '"%s"' % self.ch_platform
        h["sec-fetch-dest"] = "document"
        h["sec-fetch-mode"] = "navigate"
        h["sec-fetch-site"] = "same-origin"
        if f != "safari":
            h["sec-fetch-user"] = "?1"
            h["upgrade-insecure-requests"] = "1"
        h.update(self.extra_headers)
        for k in self.drop_headers:
            h.pop(k, None)
        return h


def browser_device(rng, pool, cls, tz, langs, *, ua_rec=None, screen=None, hw=None, mem=None, gpu=None, touch=None,
                   webdriver=False, blocked=False, farble=False, canvas=None, platform=None, brave=False,
                   iso=None, vm=False):
    r = ua_rec or pool.pick(rng, cls)
    d = Device()
    d.cls = cls
    d.ua = r["useragent"]
    ua = d.ua
    osname = cls.split("_")[0]
    bname = r["browser"]
    if "Firefox" in bname or "FxiOS" in ua:
        fam = "firefox"
    elif osname in ("iphone", "ipad") or bname == "Safari":
        fam = "safari"   # all iOS browsers are WebKit: no client hints, no deviceMemory
    else:
        fam = "chromium"
    d.family = fam
    d.mobile = osname in ("iphone", "android") and cls != "android_tablet"
    bv = _major(r["browser_version"])
    cm = re.search(r"Chrome/(\d+)", ua)
    chrome_major = int(cm.group(1)) if cm else bv
    if fam == "chromium":
        if brave:
            brand, bver = "Brave", chrome_major
        elif "Edg/" in ua:
            brand, bver = "Microsoft Edge", _major(ua.split("Edg/")[1])
        elif "OPR/" in ua:
            brand, bver = "Opera", _major(ua.split("OPR/")[1])
        elif "SamsungBrowser/" in ua:
            brand, bver = "Samsung Internet", ua.split("SamsungBrowser/")[1].split(" ")[0]
        else:
            brand, bver = "Google Chrome", chrome_major
        d.ch = sec_ch_ua(chrome_major, brand, bver)
        d.ch_platform = {"win": "Windows", "mac": "macOS", "linux": "Linux", "cros": "Chrome OS", "android": "Android"}[osname]
    # collector attributes
    if osname == "win":
        plat = "Win32"
        scr = screen or wpick(rng, WIN_SCREENS) + "x24"
        g = gpu or wpick(rng, WIN_GPUS)
        if fam == "firefox":
            g = "ANGLE (%s, %s Direct3D11 vs_5_0 ps_5_0), or similar" % (g[7:].split(",")[0], g.split(", ")[1].split(" (0x")[0]) if "ANGLE" in g else g
        hwc = hw or wpick(rng, [(10, 4), (6, 6), (25, 8), (18, 12), (22, 16), (8, 20), (5, 24), (4, 32), (2, 2)])
        tp = touch if touch is not None else (10 if rng.random() < 0.1 else 0)
        mm = mem or (8 if hwc >= 6 else wpick(rng, [(6, 8), (3, 4), (1, 2)]))
    elif osname == "mac":
        plat = "MacIntel"
        chip = wpick(rng, MAC_CHIPS)
        if screen:
            scr = screen
        elif rng.random() < 0.7:
            scr = wpick(rng, MAC_BUILTIN) + ("x30" if fam == "chromium" and chip != "Intel" else "x24")
        else:
            scr = wpick(rng, MAC_EXT) + "x24"
        if fam == "chromium":
            g = gpu or ("ANGLE (Apple, ANGLE Metal Renderer: %s, Unspecified Version)" % chip if chip != "Intel"
                        else "ANGLE (Intel Inc., Intel(R) Iris(TM) Plus Graphics OpenGL Engine, OpenGL 4.1)")
        elif fam == "firefox":
            g = gpu or ("Apple M1, or similar" if chip != "Intel" else "Intel(R) HD Graphics 400, or similar")
        else:
            g = gpu or "Apple GPU"
        hwc = hw or (MAC_HW[chip] if fam != "safari" else 8)
        tp = 0 if touch is None else touch
        mm = mem or 8
    elif osname == "linux" or osname == "cros":
        plat = "Linux x86_64"
        scr = screen or wpick(rng, LINUX_SCREENS if osname == "linux" else CROS_SCREENS) + "x24"
        g = gpu or (VM_GPU if vm else (wpick(rng, LINUX_GPUS) if osname == "linux" else "ANGLE (Intel, Mesa Intel(R) UHD Graphics 600 (GLK 2), OpenGL ES 3.2)"))
        if fam == "firefox" and not gpu:
            g = "Mesa Intel(R) UHD Graphics 620 (KBL GT2), or similar" if "Intel" in g else "GeForce GTX 980, or similar"
        hwc = hw or (wpick(rng, [(20, 8), (20, 12), (25, 16), (15, 24), (10, 32), (5, 4), (5, 64)]) if osname == "linux" else wpick(rng, [(60, 4), (30, 8), (10, 2)]))
        tp = touch if touch is not None else (10 if osname == "cros" and rng.random() < 0.5 else 0)
        mm = mem or (8 if hwc >= 8 else 4)
    elif osname == "iphone":
        plat = "iPhone"
        s, hwc0 = None, 6
        row = wpick(rng, [(w, (s_, h_)) for w, s_, h_ in IPHONES])
        scr = screen or row[0] + "x24"
        hwc = hw or (4 if row[0] in ("375x667", "414x896", "375x812") and rng.random() < 0.5 else row[1])
        g = gpu or "Apple GPU"
        tp = 5
        mm = None
    elif osname == "ipad":
        plat = platform or ("MacIntel" if "Macintosh" in ua else "iPad")
        scr = screen or wpick(rng, IPADS) + "x24"
        hwc = hw or 8
        g = gpu or "Apple GPU"
        tp = 5
        mm = None
    else:  # android
        plat = platform or wpick(rng, [(60, "Linux armv8l"), (40, "Linux aarch64")])
        if cls == "android_tablet":
            scr, g0, m0 = wpick(rng, [(1, ("800x1280", "Mali-G52 MC2", 4)), (1, ("1280x800", "Adreno (TM) 610", 4))])
        else:
            emerging = iso in LOW_END
            scr, g0, m0 = wpick(rng, [((e if emerging else dv), (s_, g_, m_)) for dv, e, s_, g_, m_ in ANDROID_MODELS])
            scr = scr + "x24"
        scr = screen or scr
        g = gpu or g0
        hwc = hw or 8
        tp = touch if touch is not None else 5
        mm = mem or m0
    if fam != "chromium":
        mm = None if mem is None else mem
    tzv = tz
    if tz and fam == "chromium":
        tzv = CHROMIUM_TZ_ALIAS.get(tz, tz)
    d.langs = list(langs) if langs else []
    d.lang_header = accept_language(d.langs, fam)
    d.attrs = {"timezone": tzv, "languages": list(d.langs), "screen": scr, "platform": platform or plat,
               "hardware_concurrency": hwc, "device_memory": mm, "touch_points": tp, "webdriver": bool(webdriver),
               "webgl_renderer": g}
    if canvas is None:
        # probe output is shared by identical hardware/software stacks; fonts, audio stack and settings add entropy
        uniq = {"iphone": 0.2, "ipad": 0.3, "android": 0.45}.get(osname, 0.8)
        extra = ("u", rng.getrandbits(40)) if rng.random() < uniq else ("c", rng.randrange(6))
        canvas = hhex(10, "canvas", osname, g, fam, chrome_major if fam == "chromium" else bv, r.get("os_version", "").split(".")[0], extra)
    d.canvas = canvas
    d.blocked = blocked
    d.farble = farble or brave
    return d


# Non-browser clients -------------------------------------------------------------
def cli_device(rng, kind=None):
    kind = kind or wpick(rng, [(30, "lumora-cli"), (15, "lumora-python"), (15, "curl"), (12, "python-requests"), (6, "httpx"),
                              (6, "node"), (5, "axios"), (4, "go"), (5, "postman"), (2, "insomnia")])
    d = Device()
    d.kind = "cli"
    d.family = "cli"
    if kind == "lumora-cli":
        osn = wpick(rng, [(55, "darwin; arm64"), (10, "darwin; x64"), (25, "linux; x64"), (10, "win32; x64")])
        h = {"user-agent": "lumora-cli/%s (%s) node/%s" % (rng.choice(["2.3.0", "2.3.2", "2.4.0", "2.4.1"]), osn, rng.choice(["20.18.1", "22.12.0", "22.14.0", "23.7.0"])),
             "accept": "application/json", "content-type": "application/json", "accept-encoding": "gzip, deflate"}
    elif kind == "lumora-python":
        h = {"user-agent": "lumora-python/%s Python/%s" % (rng.choice(["1.41.0", "1.42.1", "1.43.0"]), rng.choice(["3.10.14", "3.11.9", "3.12.7", "3.13.1"])),
             "accept": "application/json", "content-type": "application/json", "accept-encoding": "gzip, deflate"}
    elif kind == "curl":
        h = {"user-agent": "curl/%s" % rng.choice(["7.81.0", "8.5.0", "8.7.1", "8.11.1", "8.12.1"]), "accept": "*/*", "content-type": "application/json"}
    elif kind == "python-requests":
        h = {"user-agent": "python-requests/%s" % rng.choice(["2.31.0", "2.32.3", "2.28.2"]), "accept-encoding": "gzip, deflate", "accept": "*/*",
             "connection": "keep-alive", "content-type": "application/json"}
    elif kind == "httpx":
        h = {"user-agent": "python-httpx/%s" % rng.choice(["0.27.2", "0.28.1"]), "accept": "*/*", "accept-encoding": "gzip, deflate",
             "connection": "keep-alive", "content-type": "application/json"}
    elif kind == "node":
        h = {"user-agent": "node", "accept": "*/*", "accept-language": "*", "sec-fetch-mode": "cors", "accept-encoding": "gzip, deflate",
             "content-type": "application/json"}
    elif kind == "axios":
        h = {"user-agent": "axios/%s" % rng.choice(["1.7.9", "1.8.4", "1.6.8"]), "accept": "application/json, text/plain, */*",
             "accept-encoding": "gzip, compress, deflate, br", "content-type": "application/json"}
    elif kind == "go":
        h = {"user-agent": "Go-http-client/%s" % rng.choice(["1.1", "2.0"]), "accept-encoding": "gzip", "content-type": "application/json"}
    elif kind == "postman":
        h = {"user-agent": "PostmanRuntime/%s" % rng.choice(["7.42.0", "7.43.0", "7.43.3"]), "accept": "*/*", "cache-control": "no-cache",
             "postman-token": "x", "accept-encoding": "gzip, deflate, br", "connection": "keep-alive", "content-type": "application/json"}
    elif kind == "insomnia":
        h = {"user-agent": "insomnia/%s" % rng.choice(["10.3.0", "11.0.1"]), "content-type": "application/json", "accept": "*/*"}
    elif kind == "none":
        h = {"accept": "*/*", "content-type": "application/json"}
    else:
        h = {"user-agent": kind, "accept": "*/*", "content-type": "application/json"}
    d.ua = h.get("user-agent")
    d.static_headers = h
    d.cls = "cli:" + kind
    return d


# Form timing -----------------------------------------------------------------------
def fill_human(rng, mobile=False, page="signup"):
    if page == "login":
        med = 11000 if mobile else 8000
        v = rng.lognormvariate(0, 0.55) * med
    else:
        if rng.random() < 0.035:
            return int(rng.uniform(300000, 9000000))   # tab left open
        med = 52000 if mobile else 34000
        v = rng.lognormvariate(0, 0.55) * med
    return int(max(2500 if page == "login" else 6000, v))


def fill_autofill(rng, page="signup"):
    med = 1900 if page == "login" else 4200
    return int(max(700, rng.lognormvariate(0, 0.45) * med))
