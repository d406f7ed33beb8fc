"""Devices, browsers, apps and scripts: user agents, request headers and the
browser collector's `device` object, kept coherent with each other."""
import hashlib

T0 = 1775433600000          # 2026-04-06T00:00:00Z
DAY = 86400000
CHROME_147 = T0 + 1 * DAY + 17 * 3600000   # 2026-04-07 17:00Z, staged rollout starts
SITE = "https://forgeline.dev"

WIN_SCREENS = [("1920x1080x24", 38), ("1366x768x24", 14), ("1536x864x24", 14), ("2560x1440x24", 8), ("1440x900x24", 4), ("1600x900x24", 4),
               ("1280x720x24", 3), ("1280x1024x24", 2), ("3840x2160x24", 3), ("1680x1050x24", 2), ("1920x1200x24", 4), ("2560x1080x24", 1), ("1280x800x24", 3)]
MAC_SCREENS = [("1440x900x30", 22), ("1512x982x30", 22), ("1728x1117x30", 12), ("1470x956x30", 18), ("2560x1440x24", 8), ("1920x1080x24", 6), ("1680x1050x30", 6), ("1280x800x30", 6)]
LINUX_SCREENS = [("1920x1080x24", 55), ("2560x1440x24", 18), ("1366x768x24", 8), ("3840x2160x24", 6), ("1920x1200x24", 8), ("1600x900x24", 5)]
ANDROID = [  # model, screen, hw, mem, android version, weight (tier)
    ("SM-A155F", "412x915x24", 8, 4, "14", 8), ("SM-A056B", "412x915x24", 8, 4, "14", 5), ("SM-A546E", "412x915x24", 8, 8, "14", 5), ("SM-S921B", "384x832x24", 8, 8, "15", 3),
    ("SM-M146B", "412x915x24", 8, 4, "14", 4), ("Redmi Note 13", "393x873x24", 8, 8, "14", 8), ("Redmi 13C", "393x873x24", 8, 4, "13", 8), ("2201117TG", "393x851x24", 8, 4, "13", 4),
    ("V2254", "360x800x24", 8, 4, "13", 5), ("CPH2591", "360x800x24", 8, 4, "14", 5), ("RMX3710", "360x804x24", 8, 4, "13", 5), ("Infinix X6528", "360x800x24", 8, 4, "13", 5),
    ("TECNO KJ5", "360x800x24", 8, 2, "13", 4), ("moto g54", "412x915x24", 8, 4, "14", 3), ("Pixel 8", "412x915x24", 8, 8, "15", 2), ("Pixel 7a", "412x915x24", 8, 8, "15", 2),
    ("SM-A125F", "360x800x24", 8, 2, "12", 4), ("SM-J710F", "360x640x24", 8, 1, "8", 1), ("Redmi Note 8", "393x851x24", 8, 4, "11", 3), ("itel A70", "360x720x24", 4, 2, "13", 2),
    ("ONEPLUS A6013", "412x869x24", 8, 8, "11", 1)]
IPHONES = [("iPhone14,7", "390x844x32", 22), ("iPhone15,3", "430x932x32", 14), ("iPhone16,2", "430x932x32", 12), ("iPhone15,4", "393x852x32", 14), ("iPhone13,2", "390x844x32", 12),
           ("iPhone14,6", "375x667x32", 7), ("iPhone12,1", "414x896x32", 8), ("iPhone17,1", "402x874x32", 8), ("iPhone11,8", "414x896x32", 3)]
IOS_VERS = [("26.4", 45), ("26.3", 22), ("26.2", 8), ("18.7", 10), ("18.6", 6), ("17.7", 5), ("16.7", 4)]

GREASE = ['"Not.A/Brand";v="8"', '"Not-A.Brand";v="24"', '"Not:A-Brand";v="99"', '"Not(A:Brand";v="8"', '"Not_A Brand";v="99"', '"Not)A;Brand";v="24"']


def wpick(rng, items):
    tot = 0.0
    for it in items:
        tot += it[-1]
    x = rng.random() * tot
    for it in items:
        x -= it[-1]
        if x <= 0:
            return it
    return items[-1]


def hexid(*parts, n=32):
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:n]


def sec_ch_ua(brand, major):
    g = GREASE[major % 6]
    parts = ['"Chromium";v="%d"' % major, g, '"%s";v="%d"' % (brand, major)] if brand else ['"Chromium";v="%d"' % major, g]
    rot = major % 3
    parts = parts[rot:] + parts[:rot]
    return ", ".join(parts)


def accept_language(langs, browser):
    if not langs:
        return None
    if browser in ("safari", "crios"):
        # Safari sends the first language and its base only
        l0 = langs[0]
        out = [l0]
        if "-" in l0:
            out.append(l0.split("-")[0] + ";q=0.9")
        return ",".join(out)
    out = []
    n = len(langs)
    for i, l in enumerate(langs):
        if i == 0:
            out.append(l)
        elif browser in ("firefox", "tor"):
            q = max(0.1, round(1 - i * (0.7 / max(1, n - 1)) if n > 2 else 0.5, 1))
            out.append("%s;q=%s" % (l, q))
        else:
            out.append("%s;q=%.1f" % (l, max(0.1, 1 - i * 0.1)))
    return ",".join(out)


class Device:
    """A client. family one of: chrome, edge, brave, firefox, safari, samsung, opera_mini, ucb, crios,
    tor, headless, app, cli, pycli, script."""

    def __init__(self, rng, family, os_, *, langs, tz, screen=None, hw=None, mem=None, touch=0, model=None, os_ver=None,
                 lag=0, pinned=None, rollout=None, fp=None, collector=True, webdriver=False, app_ver=None, ua_override=None,
                 ua_minor=None, platform=None, strip_fields=(), rfp=False, fp_random_each=False):
        self.family, self.os = family, os_
        self.langs, self.tz = langs, tz
        self.screen, self.hw, self.mem, self.touch = screen, hw, mem, touch
        self.model, self.os_ver = model, os_ver
        self.lag, self.pinned = lag, pinned
        self.rollout = rollout if rollout is not None else int(rng.random() * 8 * DAY)
        self.fp = fp or hexid("fp", rng.getrandbits(64))
        self.collector = collector
        self.webdriver = webdriver
        self.app_ver = app_ver
        self.ua_override = ua_override
        self.ua_minor = ua_minor or rng.randrange(40, 200)
        self.platform = platform
        self.strip_fields = strip_fields
        self.rfp = rfp
        self.fp_random_each = fp_random_each
        self.rng_bits = rng.getrandbits(32)
        self.mobile = os_ in ("android", "ios")

    # -- versions
    def chrome_major(self, t):
        if self.pinned:
            return self.pinned
        m = 147 if t >= CHROME_147 + self.rollout else 146
        return m - self.lag

    def ua(self, t):
        if self.ua_override:
            return self.ua_override
        f, m = self.family, self.chrome_major(t)
        osv = self.os_ver
        if f in ("chrome", "brave", "edge", "headless"):
            tail = " Edg/%d.0.%d.%d" % (m, 3100 + (m - 140) * 60 + self.ua_minor % 40, self.ua_minor) if f == "edge" else ""
            cname = "HeadlessChrome" if f == "headless" else "Chrome"
            if self.os == "win":
                nt = "6.1" if osv == "7" else "10.0"
                return "Mozilla/5.0 (Windows NT %s; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) %s/%d.0.0.0 Safari/537.36%s" % (nt, cname, m, tail)
            if self.os == "mac":
                return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) %s/%d.0.0.0 Safari/537.36%s" % (cname, m, tail)
            if self.os == "linux":
                return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) %s/%d.0.0.0 Safari/537.36%s" % (cname, m, tail)
            if self.os == "cros":
                return "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36" % m
            if self.os == "android":
                return "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Mobile Safari/537.36%s" % (m, tail.replace("Edg/", "EdgA/"))
        if f == "samsung":
            return "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36"
        if f == "opera_mini":
            return "Opera/9.80 (Android; Opera Mini/88.0.2254/191.%d; U; en) Presto/2.12.423 Version/12.16" % (self.ua_minor + 200)
        if f == "ucb":
            return ("Mozilla/5.0 (Linux; U; Android %s; en-US; %s Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
                    "Chrome/123.0.6312.80 UCBrowser/13.7.2.1324 Mobile Safari/537.36") % (osv or "13", self.model)
        if f in ("firefox", "tor"):
            v = 140 if f == "tor" else (self.pinned or 149)
            if self.os == "win":
                return "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (v, v)
            if self.os == "mac":
                return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (v, v)
            if self.os == "android":
                return "Mozilla/5.0 (Android 14; Mobile; rv:%d.0) Gecko/%d.0 Firefox/%d.0" % (v, v, v)
            return "Mozilla/5.0 (X11; %sLinux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % ("Ubuntu; " if self.rng_bits % 3 == 0 else "", v, v)
        if f == "safari":
            if self.os == "mac":
                return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s Safari/605.1.15" % osv
            tok = "18_7" if osv.startswith("26") else osv.replace(".", "_")
            return "Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s Mobile/15E148 Safari/604.1" % (tok, osv)
        if f == "crios":
            tok = "18_7" if osv.startswith("26") else osv.replace(".", "_")
            return "Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/%d.0.%d.%d Mobile/15E148 Safari/604.1" % (tok, m, 7600 + (m - 145) * 80, self.ua_minor)
        if f == "app":
            if self.os == "android":
                return "Forgeline/%s (Android %s; %s) okhttp/4.12.0" % (self.app_ver, self.os_ver, self.model)
            return "Forgeline/%s (%s; iOS %s) CFNetwork/3826.500.111 Darwin/24.4.0" % (self.app_ver, self.model, self.os_ver)
        if f == "cli":
            plat = {"mac": "darwin; arm64", "linux": "linux; x64", "win": "win32; x64"}[self.os]
            return "forge-cli/%s (%s) node/%s" % (self.app_ver, plat, "22.14.0" if self.rng_bits % 3 else "20.18.1")
        if f == "pycli":
            return "forgeline-python/%s httpx/0.28.1 CPython/3.12.%d %s" % (self.app_ver, self.rng_bits % 9, {"mac": "Darwin/24.4.0", "linux": "Linux/6.8.0-57-generic", "win": "Windows/10"}[self.os])
        raise ValueError(f)

    # -- collector
    def device_obj(self, t, rng):
        if not self.collector or self.family in ("app", "cli", "pycli", "script", "opera_mini"):
            return None
        fp = hexid("brave", self.fp, rng.getrandbits(32)) if self.fp_random_each else self.fp
        d = {"fingerprint": fp}
        d["timezone"] = "UTC" if self.rfp else self.tz
        d["languages"] = ["en-US", "en"] if self.rfp else list(self.langs)
        d["screen"] = self.screen
        if "platform" not in self.strip_fields:
            d["platform"] = self.platform or {"win": "Win32", "mac": "MacIntel", "linux": "Linux x86_64", "cros": "Linux x86_64",
                                              "android": "Linux armv81", "ios": "iPhone"}[self.os]
        if self.hw is not None and "hw" not in self.strip_fields:
            d["hardware_concurrency"] = self.hw
        if self.family in ("chrome", "edge", "brave", "samsung", "headless", "ucb") and self.mem is not None and "mem" not in self.strip_fields:
            d["device_memory"] = self.mem
        if "touch" not in self.strip_fields:
            d["touch_points"] = self.touch
        d["webdriver"] = self.webdriver
        return d

    # -- headers
    def headers(self, t, *, flow, referer=None, origin=SITE, site="same-origin", accept_lang=True, strip_ch=False, extra=None):
        """flow: 'api' (JSON fetch from the SPA), 'form' (HTML form post), 'json' (native/CLI JSON)."""
        f = self.family
        h = {}
        ua = self.ua(t)
        al = accept_language(self.langs, "safari" if f in ("safari", "crios") else f) if accept_lang else None
        if self.rfp and al:
            al = "en-US,en;q=0.5"
        if f == "app":
            h["user-agent"] = ua
            h["accept"] = "application/json"
            if al:
                h["accept-language"] = al
            h["accept-encoding"] = "gzip"
            h["content-type"] = "application/json; charset=UTF-8"
            h["x-app-version"] = self.app_ver
            h["x-platform"] = "android" if self.os == "android" else "ios"
            return h
        if f in ("cli", "pycli"):
            if f == "cli":
                h["accept"] = "application/json"
                h["accept-language"] = "*"
                h["accept-encoding"] = "gzip, deflate"
                h["content-type"] = "application/json"
                h["sec-fetch-mode"] = "cors"
                h["user-agent"] = ua
            else:
                h["user-agent"] = ua
                h["accept"] = "application/json"
                h["accept-encoding"] = "gzip, deflate, br"
                h["content-type"] = "application/json"
            h["x-forge-client"] = ua.split(" ")[0]
            return h
        chromium = f in ("chrome", "edge", "brave", "samsung", "headless", "crios_no") and not (self.os == "win" and self.os_ver == "7" and self.chrome_major(t) < 90)
        h["user-agent"] = ua
        if flow == "api":
            h["accept"] = "application/json"
            h["content-type"] = "application/json"
        else:
            if f in ("firefox", "tor", "safari", "crios"):
                h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            elif f == "opera_mini":
                h["accept"] = "text/html, application/xml;q=0.9, application/xhtml+xml, image/png, image/webp, image/jpeg, image/gif, image/x-xbitmap, */*;q=0.1"
            else:
                h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
            h["content-type"] = "application/x-www-form-urlencoded"
        if al:
            h["accept-language"] = al
        if f in ("safari", "crios"):
            h["accept-encoding"] = "gzip, deflate, br"
        elif f == "opera_mini":
            h["accept-encoding"] = "gzip, deflate"
        elif f == "ucb":
            h["accept-encoding"] = "gzip, deflate"
        else:
            h["accept-encoding"] = "gzip, deflate, br, zstd"
        if origin:
            h["origin"] = origin
        if referer:
            h["referer"] = referer
        if chromium and not strip_ch and f != "ucb":
            m = self.chrome_major(t)
            if f == "samsung":
                h["sec-ch-ua"] = '"Samsung Internet";v="29.0", "Chromium";v="136", "Not.A/Brand";v="99"'
            else:
                brand = {"chrome": "Google Chrome", "edge": "Microsoft Edge", "brave": "Brave", "headless": "HeadlessChrome"}[f]
                h["sec-ch-ua"] = sec_ch_ua(brand, m)
            h["sec-ch-ua-mobile"] = "?1" if self.mobile else "?0"
            h["sec-ch-ua-platform"] = '"%s"' % {"win": "Windows", "mac": "macOS", "linux": "Linux", "cros": "Chrome OS", "android": "Android"}[self.os]
        if f not in ("opera_mini", "ucb") and not strip_ch:
            h["sec-fetch-site"] = site
            h["sec-fetch-mode"] = "cors" if flow == "api" else "navigate"
            h["sec-fetch-dest"] = "empty" if flow == "api" else "document"
            if flow != "api":
                h["sec-fetch-user"] = "?1"
        if flow != "api" and f not in ("opera_mini",):
            h["upgrade-insecure-requests"] = "1"
        if f in ("chrome", "edge", "brave", "firefox") and not strip_ch:
            h["priority"] = "u=1, i" if flow == "api" else "u=0, i"
        if f == "firefox" and self.rng_bits % 7 == 0:
            h["dnt"] = "1"
        if extra:
            h.update(extra)
        return h


# -- generic device factories -------------------------------------------------

def chrome_lag(rng):
    r = rng.random()
    if r < 0.74:
        return 0
    if r < 0.90:
        return 1
    if r < 0.96:
        return 2
    return rng.choice([3, 4, 5, 8])


def desktop(rng, langs, tz, *, os_mix=None, fam_mix=None, old_p=0.03):
    os_ = wpick(rng, os_mix or [("win", 62), ("mac", 26), ("linux", 9), ("cros", 3)])[0]
    if os_ == "win":
        fam = wpick(rng, fam_mix or [("chrome", 72), ("edge", 14), ("firefox", 9), ("brave", 5)])[0]
        screen = wpick(rng, WIN_SCREENS)[0]
        hw = wpick(rng, [(4, 20), (8, 34), (12, 14), (16, 20), (6, 6), (20, 3), (24, 3)])[0]
        mem = 8 if hw >= 8 else wpick(rng, [(4, 50), (8, 50)])[0]
        touch = 10 if rng.random() < 0.08 else 0
        osv = "7" if rng.random() < old_p else "10"
    elif os_ == "mac":
        fam = wpick(rng, [("chrome", 58), ("safari", 24), ("firefox", 8), ("brave", 6), ("edge", 4)])[0]
        screen = wpick(rng, MAC_SCREENS)[0]
        hw = wpick(rng, [(8, 40), (10, 20), (12, 18), (14, 8), (16, 6), (11, 8)])[0]
        mem = 8
        touch = 0
        osv = wpick(rng, [("26.4", 45), ("26.3", 20), ("18.6", 20), ("17.6", 15)])[0]
        if fam == "safari" and screen.endswith("x30"):
            screen = screen[:-2] + "24"
    elif os_ == "linux":
        fam = wpick(rng, [("chrome", 55), ("firefox", 38), ("brave", 7)])[0]
        screen = wpick(rng, LINUX_SCREENS)[0]
        hw = wpick(rng, [(8, 25), (12, 20), (16, 30), (24, 10), (32, 10), (4, 5)])[0]
        mem = 8
        touch = 0
        osv = None
    else:
        fam = "chrome"
        screen = wpick(rng, [("1366x768x24", 50), ("1920x1080x24", 30), ("1536x864x24", 20)])[0]
        hw, mem, touch, osv = 4, 4, 10 if rng.random() < 0.5 else 0, None
    lag = chrome_lag(rng)
    pinned = None
    if os_ == "win" and osv == "7":
        pinned = 109
        fam = "chrome"
        hw = rng.choice([2, 4])
        mem = rng.choice([2, 4])
    strip = ("mem",) if fam == "brave" else ()
    if fam == "safari":
        osv_s = {"26.4": "26.4", "26.3": "26.3", "18.6": "18.6", "17.6": "17.6"}[osv]
        return Device(rng, "safari", "mac", langs=langs, tz=tz, screen=screen, hw=hw, touch=0, os_ver=osv_s)
    if fam == "firefox":
        return Device(rng, "firefox", os_, langs=langs, tz=tz, screen=screen, hw=hw, touch=touch, pinned=rng.choice([149, 149, 149, 148, 140]),
                      rfp=rng.random() < 0.04)
    return Device(rng, fam, os_, langs=langs, tz=tz, screen=screen, hw=hw, mem=mem, touch=touch, lag=lag, pinned=pinned, os_ver=osv,
                  strip_fields=strip, fp_random_each=(fam == "brave" and rng.random() < 0.5))


def android(rng, langs, tz, *, fam_mix=None, model=None):
    m = model or wpick(rng, ANDROID)
    fam = wpick(rng, fam_mix or [("chrome", 80), ("samsung", 10 if m[0].startswith("SM-") else 0), ("firefox", 2), ("opera_mini", 2), ("ucb", 2), ("edge", 1)])[0]
    old = m[4] in ("8", "11", "12")
    lag = chrome_lag(rng)
    pinned = None
    if m[4] == "8":
        pinned = 138 - rng.choice([0, 0, 3, 10])
    if fam == "firefox":
        return Device(rng, "firefox", "android", langs=langs, tz=tz, screen=m[1], hw=m[2], touch=5, model=m[0], os_ver=m[4], pinned=149)
    return Device(rng, fam, "android", langs=langs, tz=tz, screen=m[1], hw=m[2], mem=m[3], touch=5, model=m[0], os_ver=m[4],
                  lag=lag + (1 if old and lag == 0 and rng.random() < 0.4 else 0), pinned=pinned)


def iphone(rng, langs, tz, *, chrome_p=0.12):
    m = wpick(rng, IPHONES)
    v = wpick(rng, IOS_VERS)[0]
    if m[0] in ("iPhone11,8", "iPhone12,1") and v.startswith("26"):
        v = "18.7"
    fam = "crios" if rng.random() < chrome_p else "safari"
    # Safari exposes little entropy: identical models/versions/locales collide
    fp = hexid("ios", m[0], v, m[1], tz, ",".join(langs), fam)
    return Device(rng, fam, "ios", langs=langs, tz=tz, screen=m[1], hw=4 if m[0] < "iPhone13" else 6, touch=5, model=m[0], os_ver=v, fp=fp,
                  lag=chrome_lag(rng))


APP_VERSIONS = [("5.3.2", 40), ("5.3.1", 25), ("5.2.4", 15), ("5.1.0", 8), ("4.9.7", 6), ("5.3.0", 6)]


def app(rng, langs, tz, os_="android", ver=None, model=None):
    if os_ == "android":
        m = model or wpick(rng, ANDROID)
        return Device(rng, "app", "android", langs=langs, tz=tz, model=m[0], os_ver=m[4], app_ver=ver or wpick(rng, APP_VERSIONS)[0])
    m = wpick(rng, IPHONES)
    v = wpick(rng, IOS_VERS)[0]
    return Device(rng, "app", "ios", langs=langs, tz=tz, model=m[0], os_ver=v, app_ver=ver or wpick(rng, APP_VERSIONS)[0])


def cli(rng, langs, tz):
    os_ = wpick(rng, [("mac", 45), ("linux", 42), ("win", 13)])[0]
    if rng.random() < 0.75:
        return Device(rng, "cli", os_, langs=langs, tz=tz, app_ver=wpick(rng, [("2.4.1", 45), ("2.4.0", 25), ("2.3.7", 15), ("2.2.9", 8), ("2.1.3", 7)])[0])
    return Device(rng, "pycli", os_, langs=langs, tz=tz, app_ver=wpick(rng, [("1.6.0", 50), ("1.5.2", 30), ("1.4.8", 20)])[0])


def script_headers(kind, *, ua=None, lang=None, referer=False, t=None):
    """Headers of hand-written HTTP clients (python-requests, curl, Go, axios-like)."""
    h = {}
    if kind == "requests":
        h = {"user-agent": ua or "python-requests/2.32.3", "accept-encoding": "gzip, deflate", "accept": "*/*", "connection": "keep-alive", "content-type": "application/json"}
    elif kind == "curl":
        h = {"user-agent": ua or "curl/8.5.0", "accept": "*/*", "content-type": "application/json"}
    elif kind == "go":
        h = {"user-agent": ua or "Go-http-client/2.0", "content-type": "application/json", "accept-encoding": "gzip"}
    elif kind == "axios":
        h = {"accept": "application/json, text/plain, */*", "content-type": "application/json", "user-agent": ua or "axios/1.8.4", "accept-encoding": "gzip, compress, deflate, br"}
    if lang:
        h["accept-language"] = lang
    if referer:
        h["origin"] = SITE
        h["referer"] = SITE + "/signup"
    return h
