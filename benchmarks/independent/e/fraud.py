"""Fraud operations."""
import math

from core import (TS, SPAN, DAYS, form, fill_ms, pick_langs, device_tz, Person, make_person, make_desktop,
                  make_mobile, local_hour)
from data import COUNTRIES, DISPOSABLE, WORDS, DEV_WORDS
from dev import new_device, api_headers, wchoice, CHROME_REL, version_at, SCREENS
from legit import LAUNCH_T0, login_attempts
from people import slug, local_part, username_for

F = "fraud"
SIZES = dict(resi_proxy_farm=1600, mobile_proxy_farm=650, cloud_headless=750, click_farm=500, alias_abuse=450,
             emulator_farm=400, geo_evasion=650, slow_careful=250, adaptive_op=800, distillation_api=550,
             fake_classroom=250, credential_stuffing=16000, account_takeover=180)

FRESH_DISPOSABLE = ["inboxkeep.xyz", "mailhaven.top", "tempora-mail.site", "zipmail.icu", "boxly.online",
                    "qmailer.shop", "mailpocket.click"]
CATCHALL_REAL = ["northbeamstudio.com", "lumacraft.io", "pinegroveconsulting.com", "bluefernlabs.com",
                 "ordinalworks.net", "helmsdata.co", "quietharbor.dev", "amberline-media.com", "kestrelpoint.net"]
CATCHALL_CHEAP = ["devnest.site", "aihub-mail.xyz", "promptbox.online", "neuralmail.top", "codeforge.shop"]
WESTERN = ["en_US", "en_US", "en_US", "en_GB", "en_CA", "en_AU"]
RESI_TARGETS = [("US", 40), ("GB", 10), ("CA", 6), ("DE", 6), ("FR", 4), ("AU", 4), ("BR", 4), ("IN", 6),
                ("JP", 3), ("NL", 3), ("ES", 3), ("IT", 3), ("PL", 2), ("MX", 2), ("SE", 1), ("KR", 2),
                ("TR", 1), ("ID", 2), ("PH", 1), ("ZA", 1), ("AR", 1), ("CO", 1)]
AD_SCREENS = [("1920x1080", 46), ("1536x864", 18), ("1366x768", 14), ("1440x900", 8), ("2560x1440", 9),
              ("1600x900", 5)]


# ---------------------------------------------------------------- building blocks
def aged_mailbox(rng, names, culture=None):
    """A purchased, aged webmail account (registered years ago by a bulk creator)."""
    first, last = names.person(rng, culture=culture or rng.choice(WESTERN))
    f, l = slug(first), slug(last)
    dom = wchoice(rng, [("outlook.com", 30), ("hotmail.com", 25), ("gmail.com", 32), ("yahoo.com", 8),
                        ("aol.com", 2), ("gmx.com", 3)])
    r = rng.random()
    if r < 0.35:
        lp = f"{f}{l}{rng.randrange(100, 10000)}"
    elif r < 0.55:
        lp = f"{l}{f}{rng.choice(range(1975, 2004))}"
    elif r < 0.75:
        lp = f"{f}.{l}{rng.randrange(1, 100)}"
    elif r < 0.9:
        lp = f"{f}{l[0]}{rng.randrange(1000, 99999)}"
    else:
        lp = f"{f}_{l}{rng.randrange(10, 100)}"
    return f"{lp}@{dom}", lp, first, last


def gmail_dot_variant(rng, base):
    """Insert dots at random positions (Gmail ignores them)."""
    chars = list(base)
    out = chars[0]
    for ch in chars[1:]:
        if rng.random() < 0.3 and out[-1] != ".":
            out += "."
        out += ch
    return out


def antidetect(rng, ip_cc, ip_tz, kernels=(144, 145, 146, 147, 148), os_w=(("windows", 88), ("mac", 12)),
               tz_mismatch=0.12, lang_mode="ip"):
    """A browser profile from an anti-detect browser: internally consistent, unique
    canvas/audio noise, timezone and language set from the proxy's location."""
    os_ = wchoice(rng, list(os_w))
    if lang_mode == "ip":
        native = COUNTRIES[ip_cc]["langs"]
        langs = list(max(native, key=lambda o: o[0])[1])
    else:
        langs = ["en-US", "en"]
    tz = ip_tz
    if rng.random() < tz_mismatch:
        zones = sorted({c[5] for c in COUNTRIES[ip_cc]["cities"]})
        tz = rng.choice(zones + ["America/New_York"] if ip_cc == "US" else zones)
    d = new_device(rng, "desktop", os_, "chrome", langs, tz)
    d.pinned = rng.choice(list(kernels))
    d.screen = wchoice(rng, AD_SCREENS) + ("x24" if os_ == "windows" else "x30")
    if os_ == "mac":
        d.screen = rng.choice(["1440x900x30", "1512x982x30", "1728x1117x30", "1470x956x30"])
    d.hc = rng.choice([4, 8, 8, 12, 16, 16])
    d.dm = 8
    d.touch = 0
    d.canvas = f"noise-{rng.getrandbits(64)}"
    d.fp_mode = "stable"
    return d


def fraud_signup(E, rng, t, ip, campaign, email, username, dev=None, fm=None, headers=None):
    acct = E.account()
    ev = E.emit("signup", t, ip, F, campaign, acct, email, username,
                headers if headers is not None else dev.headers(t),
                dev.collect(t, rng) if dev is not None else None, fm)
    return acct if ev else None


def bot_fill(rng, median_ms, sigma=0.35, lo=400):
    return int(max(lo, rng.lognormvariate(math.log(median_ms), sigma)))


def farm_relogins(E, rng, t, acct, email, uname, dev, ipf, campaign, rate=0.35, spread_days=3.0):
    """Operators come back to farmed accounts (to mint API keys, check credit)."""
    if rng.random() > rate:
        return
    for _ in range(rng.randint(1, 3)):
        t = t + rng.expovariate(1 / (spread_days * 86400))
        if t >= SPAN:
            return
        E.emit("login", t, ipf(), F, campaign, acct, email if rng.random() < 0.8 else None, uname,
               dev.headers(t, "/accounts/login/") if dev else None, dev.collect(t, rng) if dev else None,
               form(rng, bot_fill(rng, 2500, 0.5)) if dev else None, success=True)


def shift_times(rng, n, tz, start_h, end_h, per_batch=(20, 60), gap=(40, 180), days_off=(), lo=0.0, hi=SPAN):
    """Timestamps of batch jobs run during an operator's working hours (their local time)."""
    out = []
    day = int(lo // 86400)
    while len(out) < n:
        t = TS.sample(rng, tz, "flat", lo=lo, hi=hi)
        loc = local_hour(t, tz)
        if not (start_h <= loc.hour < end_h) or loc.weekday() in days_off:
            continue
        k = rng.randint(*per_batch)
        for _ in range(k):
            if t >= hi or len(out) >= n:
                break
            out.append(t)
            t += rng.uniform(*gap)
    return sorted(out)


# ---------------------------------------------------------------- operations
def resi_proxy_farm(E, rng, W, names, n):
    """Anti-detect browsers behind a rotating residential proxy network; every account
    from a different home address somewhere in the world; operator in UTC+7."""
    times = shift_times(rng, n, "Asia/Ho_Chi_Minh", 8, 24, per_batch=(15, 60), gap=(45, 200))
    cc_domains = rng.sample(CATCHALL_REAL, 5)
    for t in times:
        cc = wchoice(rng, RESI_TARGETS)
        ip, b = W.residential_exit(rng, cc, mobile_share=0.12, with_block=True)
        dev = antidetect(rng, b.cc, W.block_tz(b))
        if rng.random() < 0.7:
            email, lp, first, last = aged_mailbox(rng, names)
        else:
            first, last = names.person(rng, culture=rng.choice(WESTERN))
            lp = local_part(rng, first, last)
            email = f"{lp}@{rng.choice(cc_domains)}"
        uname = username_for(rng, first, last, lp)
        acct = fraud_signup(E, rng, t, ip, "resi_proxy_farm", email, uname, dev, form(rng, bot_fill(rng, 14000)))
        if acct:
            farm_relogins(E, rng, t, acct, email, uname, dev, lambda cc=cc: W.residential_exit(rng, cc), "resi_proxy_farm", 0.4)


def mobile_proxy_farm(E, rng, W, names, n):
    """A rack of LTE modems; the IP rotates (airplane mode) between accounts and comes
    from the same carrier-grade NAT pools real phone users share."""
    modems = []
    for cc, city in [("US", "Houston"), ("US", "Houston"), ("US", "Atlanta"), ("GB", "Manchester")]:
        carrier = W.pick_mobile(rng, cc)[0]
        modems.append((cc, city, carrier))
    for _ in range(n):
        t = rng.uniform(0, SPAN)
        cc, city, carrier = rng.choice(modems)
        ip, _ = W.mobile_ip(rng, cc, carrier, city, allow_v6=rng.random() < 0.3)
        p = Person()
        p.cc, p.langs, p.tz, p.ios = cc, (["en-US", "en"] if cc == "US" else ["en-GB", "en"]), \
            W.net.city_index[(cc, city)][5], False
        dev = new_device(rng, "mobile", "android", "chrome_android", p.langs, p.tz)
        dev.pinned = rng.choice([147, 148, 148])
        dev.canvas = f"noise-{rng.getrandbits(64)}"
        dev.dm = rng.choice([4, 8])
        first, last = names.person(rng, culture="en_US" if cc == "US" else "en_GB")
        if rng.random() < 0.75:
            lp = f"{slug(first)}{slug(last)}{rng.randrange(10, 9999)}" if rng.random() < 0.6 else f"{slug(first)}.{slug(last)}.{rng.randrange(1, 99)}"
            email = f"{lp}@gmail.com"
        else:
            email, lp, first, last = aged_mailbox(rng, names)
        uname = username_for(rng, first, last, lp)
        acct = fraud_signup(E, rng, t, ip, "mobile_proxy_farm", email, uname, dev, form(rng, bot_fill(rng, 21000, 0.4)))
        if acct:
            farm_relogins(E, rng, t, acct, email, uname, dev,
                          lambda cc=cc, c=carrier, ci=city: W.mobile_ip(rng, cc, c, ci)[0], "mobile_proxy_farm", 0.3)


def cloud_headless(E, rng, W, names, n):
    """Headless Chrome on rented servers: a naive tier, a stealth-plugin tier and
    raw HTTP scripts replaying one captured collector payload."""
    provs = [W.clouds[3], W.clouds[4]] + W.hosting[:6]
    n_naive, n_stealth = int(n * 0.4), int(n * 0.4)
    n_raw = n - n_naive - n_stealth
    captured = None
    for tier, k in (("naive", n_naive), ("stealth", n_stealth), ("raw", n_raw)):
        done = 0
        while done < k:
            t = rng.uniform(0, SPAN)
            prov = rng.choice(provs)
            region = rng.choice(prov.regions)
            size = min(k - done, rng.randint(8, 30))
            for _ in range(size):
                t += rng.uniform(5, 40) if tier != "raw" else rng.uniform(1, 8)
                ip = W.dc_ip(rng, prov, region, v6=rng.random() < 0.15)
                first, last = names.person(rng, culture=rng.choice(WESTERN))
                if tier == "naive":
                    dev = new_device(rng, "desktop", "linux", "headless", ["en-US"], "UTC")
                    dev.pinned = rng.choice([141, 143, 145])
                    dev.webdriver = True
                    dev.screen = rng.choice(["800x600x24", "800x600x24", "1280x720x24"])
                    dev.hc, dev.dm = rng.choice([1, 2, 4]), rng.choice([2, 4, 8])
                    dev.canvas = "swiftshader"
                    dom = rng.choice(DISPOSABLE[:6] + FRESH_DISPOSABLE)
                    lp = rng.choice([f"user{rng.randrange(10 ** 5, 10 ** 6)}", f"{slug(first)}{rng.randrange(100, 9999)}",
                                     "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))])
                    uname = lp if rng.random() < 0.5 else f"{rng.choice(WORDS)}{rng.randrange(100, 9999)}"
                    hp = rng.choice(["", "", first, "http://example.com", "1"])
                    fraud_signup(E, rng, t, ip, "cloud_headless", f"{lp}@{dom}", uname, dev,
                                 form(rng, rng.randint(220, 1600), hp))
                elif tier == "stealth":
                    win = rng.random() < 0.6
                    tz = W.block_tz(W.net.pick_block(rng, prov, region[0], region[1]))
                    dev = new_device(rng, "desktop", "windows" if win else "linux",
                                     rng.choice(["playwright", "headless"]), ["en-US", "en"],
                                     tz if rng.random() < 0.5 else "UTC")
                    dev.pinned = rng.choice([145, 146, 147])
                    if dev.browser == "headless":
                        # UA patched, Client Hints not: sec-ch-ua still names HeadlessChrome
                        dev.browser = "chrome"
                        dev.brand_override = "HeadlessChrome"
                    if win and rng.random() < 0.5:
                        dev.platform = "Linux x86_64"      # navigator.platform not patched
                    dev.screen = "1920x1080x24"
                    dev.hc, dev.dm = rng.choice([2, 4, 8]), 8
                    dev.canvas = f"swiftshader-{rng.randrange(3)}"
                    dom = rng.choice(CATCHALL_CHEAP)
                    lp = local_part(rng, first, last)
                    fraud_signup(E, rng, t, ip, "cloud_headless", f"{lp}@{dom}", username_for(rng, first, last, lp),
                                 dev, form(rng, bot_fill(rng, 3000, 0.4)))
                else:
                    if captured is None:
                        cp = Person()
                        cp.cc, cp.langs, cp.tz, cp.pm = "US", ["en-US", "en"], "America/New_York", False
                        captured = make_desktop(rng, cp, os_="windows", browser="chrome", old_rate=0)
                        captured.pinned = 146
                        captured_payload = captured.collect(0, rng)
                    h = api_headers(rng, rng.choice(["requests", "httpx"]))
                    h["user-agent"] = captured.ua(t)
                    h["accept-language"] = "en-US,en;q=0.9"
                    h["origin"] = "https://console.corvidlabs.ai"
                    dom = rng.choice(CATCHALL_CHEAP + FRESH_DISPOSABLE)
                    lp = local_part(rng, first, last)
                    acct = E.account()
                    E.emit("signup", t, ip, F, "cloud_headless", acct, f"{lp}@{dom}", username_for(rng, first, last, lp),
                           h, dict(captured_payload), {"fill_ms": rng.randint(3000, 9000)})
                done += 1


def click_farm(E, rng, W, names, n):
    """Paid humans solving CAPTCHAs and filling forms on a handful of real devices in
    Dhaka; half the time through a residential-proxy app."""
    team = []
    for i in range(8):
        p = make_person(rng, W, names, cc="BD", city=W.net.city_index[("BD", "Dhaka")])
        p.langs = ["en-US", "en"] if rng.random() < 0.7 else ["bn-BD", "bn", "en-US", "en"]
        p.pm, p.ios = False, False
        dev = make_mobile(rng, p, inapp_rate=0, old_rate=0) if i < 5 else make_desktop(rng, p, os_="windows", browser="chrome", old_rate=0)
        if dev.os == "android":
            dev.browser = "chrome_android"
        dev.lag = rng.uniform(10, 40)
        home = W.home_line(rng, "BD", "Dhaka", v6_ok=False)
        team.append((p, dev, home))
    times = shift_times(rng, n, "Asia/Dhaka", 10, 19, per_batch=(4, 14), gap=(300, 900), days_off=(4,))
    for t in times:
        p, dev, home = rng.choice(team)
        r = rng.random()
        if r < 0.5:
            cc = wchoice(rng, [("US", 60), ("GB", 20), ("CA", 20)])
            ip = W.residential_exit(rng, cc)
        elif r < 0.75:
            ip = home.ip(rng)
        else:
            ip = W.mobile_ip(rng, "BD", allow_v6=False)[0]
        if rng.random() < 0.6:
            first, last = names.person(rng, culture=rng.choice(WESTERN))
        else:
            first, last = names.person(rng, cc="BD")
        lp = f"{slug(first)}{slug(last)}{rng.randrange(1, 999)}" if rng.random() < 0.6 else local_part(rng, first, last)
        email = f"{lp}@gmail.com"
        uname = username_for(rng, first, last, lp)
        ms = fill_ms(rng, "mobile" if dev.os == "android" else "human")
        fraud_signup(E, rng, t, ip, "click_farm", email, uname, dev, form(rng, ms))


def alias_abuse(E, rng, W, names, n):
    """One person farming free credits with Gmail dot/plus variants of a few inboxes and
    two catch-all domains, through commercial VPN exits."""
    p = make_person(rng, W, names, cc="RO", city=W.net.city_index[("RO", "Bucharest")])
    p.langs = ["ro-RO", "ro", "en-US", "en"]
    p.tz = "Europe/Bucharest"
    p.pm = True
    devs = [make_desktop(rng, p, os_="windows", browser="chrome", old_rate=0),
            make_desktop(rng, p, os_="windows", browser="brave", old_rate=0),
            make_desktop(rng, p, os_="windows", browser="firefox", old_rate=0)]
    home = W.home_line(rng, "RO", "Bucharest")
    bases = []
    for _ in range(6):
        first, last = names.person(rng, culture=rng.choice(["en_US", "ro_RO", "en_GB"]))
        bases.append((f"{slug(first)}{slug(last)}{rng.randrange(10, 99)}", first, last))
    own = ["mihvault.net", "carpathmail.eu"]
    times = shift_times(rng, n, "Europe/Bucharest", 18, 24, per_batch=(5, 20), gap=(120, 420))
    used = set()
    for t in times:
        dev = rng.choices(devs, weights=[3, 5, 2])[0]
        r = rng.random()
        if r < 0.7:
            base, first, last = rng.choice(bases)
            for _ in range(50):
                lp = gmail_dot_variant(rng, base)
                if rng.random() < 0.3:
                    lp += "+" + rng.choice(WORDS)
                dom = "googlemail.com" if rng.random() < 0.1 else "gmail.com"
                email = f"{lp}@{dom}"
                if email not in used:
                    break
        else:
            first, last = names.person(rng, culture=rng.choice(WESTERN))
            lp = local_part(rng, first, last)
            email = f"{lp}@{rng.choice(own)}"
        used.add(email)
        uname = f"{slug(first)}{slug(last)[:3]}{rng.randrange(10, 999)}" if rng.random() < 0.6 else username_for(rng, first, last, lp)
        if rng.random() < 0.88:
            ip, _ = W.vpn_ip(rng, rng.choice(W.vpns[:2] + W.vpns[3:]), rng.choice(["US", "DE", "NL", "GB", "RO", "FR", "CH", None]))
        else:
            ip = home.ip(rng)
        fraud_signup(E, rng, t, ip, "alias_abuse", email, uname, dev, form(rng, fill_ms(rng, "pm") + rng.randint(2000, 9000)))


def emulator_farm(E, rng, W, names, n):
    """Android emulators on desktop PCs, tethered to SIM modems on local carriers; a
    macro replays the signup with fixed delays."""
    sites = [("VN", "Ho Chi Minh City", "vi-VN"), ("ID", "Jakarta", "id-ID")]
    for _ in range(n):
        cc, city, lang = rng.choice(sites)
        t = TS.sample(rng, COUNTRIES[cc]["cities"][0][5], "mobile")
        ip, _ = W.mobile_ip(rng, cc, city=city, allow_v6=rng.random() < 0.25)
        tz = W.net.city_index[(cc, city)][5]
        emu = rng.choice(["ld", "bs", "nox"])
        langs = ["en-US", "en"] if rng.random() < 0.6 else [lang, lang.split("-")[0], "en-US", "en"]
        dev = new_device(rng, "mobile", "android", "chrome_android", langs, tz)
        dev.pinned = rng.choice([138, 141, 144, 147])
        dev.screen = {"ld": "450x800x24", "bs": "540x960x24", "nox": "360x640x24"}[emu]
        dev.platform = "Linux x86_64" if rng.random() < 0.65 else "Linux armv81"
        dev.hc, dev.dm = rng.choice([2, 4, 4, 8]), rng.choice([2, 4])
        dev.touch = rng.choice([1, 5, 5, 10])
        dev.canvas = f"emu-{emu}"          # the emulator's virtual GPU renders identically everywhere
        first, last = names.person(rng, cc=cc)
        lp = f"{slug(first)}{slug(last)}{rng.randrange(100, 99999)}"
        email = f"{lp}@{rng.choice(['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com'])}"
        macro = {"ld": 7200, "bs": 9100, "nox": 5600}[emu]
        acct = fraud_signup(E, rng, t, ip, "emulator_farm", email, username_for(rng, first, last, lp), dev,
                            form(rng, int(rng.gauss(macro, 260))))


def geo_evasion(E, rng, W, names, n):
    """Teams in unsupported regions (CN, RU) reaching the portal through proxies and VPNs."""
    for _ in range(n):
        cn = rng.random() < 0.65
        home_cc, tz0 = ("CN", "Asia/Shanghai") if cn else ("RU", "Europe/Moscow")
        t = TS.sample(rng, tz0, "work" if rng.random() < 0.7 else "dev")
        r = rng.random()
        if r < 0.05:
            b_cc = home_cc
            ip, b = W.residential_exit(rng, home_cc, with_block=True)
        elif r < 0.55:
            b_cc = wchoice(rng, [("US", 40), ("JP", 15), ("SG", 15), ("TW", 10), ("KR", 10), ("GB", 10)] if cn else
                           [("DE", 30), ("PL", 20), ("US", 25), ("NL", 10), ("FI", 5), ("KZ", 10)])
            ip, b = W.residential_exit(rng, b_cc, with_block=True)
        elif r < 0.9:
            if rng.random() < 0.5:
                vpn = rng.choice(W.vpns)
                ip, b_cc = W.vpn_ip(rng, vpn, rng.choice(["SG", "JP", "US"] if cn else ["DE", "NL", "FI", "US"]))
                b = None
            else:
                prov = rng.choice(W.hosting + W.clouds[3:])
                reg = rng.choice(prov.regions)
                ip = W.dc_ip(rng, prov, reg)
                b_cc, b = reg[0], None
        else:
            prov = rng.choice(W.ispproxies)
            reg = rng.choice(prov.regions)
            ip, b_cc, b = W.dc_ip(rng, prov, reg), reg[0], None
        spoof = rng.random() < 0.5
        ip_tz = W.block_tz(b) if b else COUNTRIES[b_cc]["cities"][0][5]
        lr = rng.random()
        if cn:
            langs = ["zh-CN", "zh"] if lr < 0.45 else (["zh-CN", "zh", "en-US", "en"] if lr < 0.7 else ["en-US", "en"])
        else:
            langs = ["ru-RU", "ru"] if lr < 0.4 else (["ru-RU", "ru", "en-US", "en"] if lr < 0.7 else ["en-US", "en"])
        p = Person()
        p.cc, p.langs, p.tz, p.pm = home_cc, langs, ip_tz if spoof else tz0, False
        dev = make_desktop(rng, p, os_=wchoice(rng, [("windows", 80), ("mac", 20)]),
                           browser=wchoice(rng, [("chrome", 70), ("edge", 20), ("firefox", 10)]), old_rate=0)
        if rng.random() < 0.6:
            dev.canvas = f"noise-{rng.getrandbits(64)}"
        e = rng.random()
        if e < 0.6:
            email, lp, first, last = aged_mailbox(rng, names)
        elif e < 0.75:
            first, last = names.person(rng, culture="zh" if cn else "ru")
            lp = f"{slug(first)}{slug(last)}{rng.randrange(10, 9999)}" if rng.random() < 0.5 else str(rng.randrange(10 ** 7, 10 ** 10))
            email = f"{lp}@{rng.choice(['qq.com', '163.com', '126.com'] if cn else ['yandex.ru', 'mail.ru', 'bk.ru'])}"
        elif e < 0.85 and not cn:
            first, last = names.person(rng, culture="ru")
            lp = local_part(rng, first, last)
            email = f"{lp}@proton.me"
        else:
            first, last = names.person(rng, culture=rng.choice(WESTERN))
            lp = local_part(rng, first, last)
            email = f"{lp}@{rng.choice(CATCHALL_REAL[5:])}"
        acct = fraud_signup(E, rng, t, ip, "geo_evasion", email, username_for(rng, first, last, lp), dev,
                            form(rng, bot_fill(rng, 24000, 0.5)))
        if acct:
            farm_relogins(E, rng, t, acct, email, None, dev, lambda ip=ip: ip, "geo_evasion", 0.3)


def slow_careful(E, rng, W, names, n):
    """A patient operator: one persona per account, a sticky residential address in the
    persona's own city, timezone/languages/browser version exactly as locals have them,
    signups at local daytime, aged mailboxes with names from the persona's culture."""
    targets = [("US", 45), ("GB", 12), ("CA", 10), ("DE", 10), ("AU", 6), ("FR", 5), ("NL", 4), ("IE", 3),
               ("SE", 2), ("CH", 3)]
    for _ in range(n):
        cc = wchoice(rng, targets)
        p = make_person(rng, W, names, cc=cc)
        ip, b = W.residential_exit(rng, cc, mobile_share=0.0, city=p.city[0], with_block=True)
        p.tz = W.block_tz(b)
        os_ = wchoice(rng, [("windows", 62), ("mac", 38)])
        dev = make_desktop(rng, p, os_=os_, browser="chrome", old_rate=0)
        dev.canvas = f"noise-{rng.getrandbits(64)}"
        t = TS.sample(rng, p.tz, "dev")
        f, l = slug(p.first), slug(p.last)
        lp = rng.choice([f"{f}.{l}", f"{f}{l}", f"{f}.{l}{rng.randrange(1, 99)}", f"{f[0]}{l}{rng.randrange(1, 99)}"])
        email = f"{lp}@gmail.com"
        uname = username_for(rng, p.first, p.last, lp)
        p.pm = rng.random() < 0.15
        ms = fill_ms(rng, "pm" if p.pm else "human")
        acct = fraud_signup(E, rng, t, ip, "slow_careful", email, uname, dev, form(rng, ms))
        if acct and rng.random() < 0.5:
            t2 = TS.sample(rng, p.tz, "login", lo=min(SPAN - 1, t + 3600), hi=SPAN)
            login_attempts(E, rng, t2, lambda ip=ip: ip, p, dev, acct, email, uname, F, "slow_careful", typo=0.04,
                           forgot=0.0)


def adaptive_op(E, rng, W, names, n):
    """An operation that changes tactics each time it gets blocked."""
    n1, n2 = int(n * 0.37), int(n * 0.31)
    n3 = n - n1 - n2
    # phase 1: API script from hosting ranges, sequential usernames, own catch-all domains
    prov = W.hosting[3]
    region = prov.regions[0]
    doms = ["devmailbox.xyz", "inbox-forge.site"]
    k, seq = 0, rng.randrange(1000, 3000)
    t = 0.4 * 86400
    while k < n1:
        for _ in range(rng.randint(15, 30)):
            if k >= n1:
                break
            t += rng.uniform(8, 35)
            seq += rng.randint(1, 3)
            first, last = names.person(rng, culture="en_US")
            email = f"{slug(first)}{seq}@{rng.choice(doms)}"
            E.emit("signup", t, W.dc_ip(rng, prov, region, pool=200), F, "adaptive_op", E.account(), email,
                   f"devkit_user{seq}", api_headers(rng, "requests", "2.31.0"))
            k += 1
        t += rng.uniform(1.5, 2.5) * 3600
    # phase 2 (after the first block, ~day 3.6): stealth Playwright through "ISP proxies"
    lo, hi = 3.6 * 86400, 8.0 * 86400
    for i in range(n2):
        t = lo + (hi - lo) * (i + rng.random()) / n2
        prov = rng.choice(W.ispproxies[:2])
        reg = rng.choice(prov.regions)
        ip = W.dc_ip(rng, prov, reg)
        tz = W.net.city_index[reg][5]
        dev = new_device(rng, "desktop", "windows", "playwright", ["en-US", "en"] if reg[0] == "US" else ["en-GB", "en"], tz)
        dev.pinned = 146
        dev.screen, dev.hc, dev.dm = rng.choice(["1920x1080x24", "1536x864x24"]), rng.choice([4, 8]), 8
        dev.canvas = f"noise-{rng.getrandbits(64)}"
        email, lp, first, last = aged_mailbox(rng, names)
        fraud_signup(E, rng, t, ip, "adaptive_op", email, username_for(rng, first, last, lp), dev,
                     form(rng, bot_fill(rng, 5200, 0.3)))
    # phase 3 (after the second block, ~day 8): residential proxies + anti-detect, hiding in the launch spike
    for i in range(n3):
        cc = wchoice(rng, [("US", 60), ("CA", 15), ("GB", 25)])
        ip, b = W.residential_exit(rng, cc, mobile_share=0.2, with_block=True)
        tz = W.block_tz(b)
        if rng.random() < 0.6:
            t = LAUNCH_T0 + rng.expovariate(1 / (8 * 3600))
        else:
            t = TS.sample(rng, tz, "dev", lo=8 * 86400)
        dev = antidetect(rng, b.cc, tz, kernels=(147, 148, 148, 149), tz_mismatch=0.03)
        email, lp, first, last = aged_mailbox(rng, names)
        lp2 = lp
        acct = fraud_signup(E, rng, t, ip, "adaptive_op", email, username_for(rng, first, last, lp2), dev,
                            form(rng, bot_fill(rng, 26000, 0.55, lo=5000)))
        if acct:
            farm_relogins(E, rng, t, acct, email, None, dev, lambda cc=cc: W.residential_exit(rng, cc), "adaptive_op", 0.3)


def distillation_api(E, rng, W, names, n):
    """A reseller harvesting API keys for a distillation pipeline: JSON signups with the
    official CLI's user agent, from many cloud regions and residential exits, spread
    over ~25 look-alike startup domains."""
    pre = ["synth", "prompt", "vector", "tensor", "neural", "cortex", "signal", "datum", "lattice", "kernel",
           "quanta", "axon", "glyph", "token", "embed", "infer", "logit", "sparse", "dense", "graph"]
    suf = ["loom", "craft", "forge", "works", "labs", "stack", "ly", "iq", "hub", "base"]
    doms = []
    while len(doms) < 25:
        d = f"{rng.choice(pre)}{rng.choice(suf)}.{rng.choice(['ai', 'io', 'dev', 'co', 'tech'])}"
        if d not in doms:
            doms.append(d)
    for _ in range(n):
        t = rng.uniform(0, SPAN)
        if rng.random() < 0.6:
            prov = rng.choice(W.clouds)
            ip = W.dc_ip(rng, prov, v6=rng.random() < 0.2)
        else:
            ip = W.residential_exit(rng, wchoice(rng, [("US", 40), ("KR", 15), ("JP", 15), ("SG", 15), ("DE", 15)]))
        first, last = names.person(rng, culture=rng.choice(["en_US", "zh", "ko", "en_IN", "de_DE"]))
        lp = rng.choice([slug(first), f"{slug(first)}.{slug(last)}", f"{slug(first)[0]}{slug(last)}",
                         f"{slug(first)}{rng.randrange(2, 9)}"])
        email = f"{lp}@{rng.choice(doms)}"
        client = "cli" if rng.random() < 0.7 else rng.choice(["httpx", "requests"])
        h = api_headers(rng, client, "1.8.2" if client == "cli" else None)
        E.emit("signup", t, ip, F, "distillation_api", E.account(), email, username_for(rng, first, last, lp), h)


def fake_classroom(E, rng, W, names, n):
    """Copies the look of a class signing up together (one address, identical cloned
    machines, academic-looking addresses) to claim education credits."""
    sites = [("IN", "Noida", "gcet-edu.in"), ("PK", "Lahore", "punjab-itcollege.org"),
             ("NG", "Ibadan", "polytechnic-oyo.com.ng"), ("ID", "Medan", "stmik-sumut.org"),
             ("VN", "Da Nang", "dntech-edu.vn"), ("PH", "Cebu City", "cebu-itcollege.org"),
             ("BR", "Manaus", "fatec-amazonia.org"), ("EG", "Giza", "giza-hitech.edu.eg")]
    done = 0
    while done < n:
        cc, city_name, dom = rng.choice(sites)
        city = W.net.city_index[(cc, city_name)]
        isp = W.pick_isp(rng, cc)[0]
        b = W.net.pick_block(rng, isp, cc, city_name, False, "home") or W.net.pick_block(rng, isp, cc)
        ip = W.net.host_in(rng, b)
        day = rng.randrange(DAYS)
        t0 = TS.sample(rng, city[5], "work", lo=day * 86400, hi=(day + 1) * 86400)
        p0 = make_person(rng, W, names, cc=cc, city=city)
        img = new_device(rng, "desktop", "windows", "chrome", p0.langs, city[5])
        img.pinned = 146
        size = min(n - done, rng.randint(22, 40))
        for _ in range(size):
            first, last = names.person(rng, cc=cc)
            lp = rng.choice([f"{slug(first)}.{slug(last)}", f"{slug(first)[0]}{slug(last)}{rng.randrange(10, 99)}",
                             f"{rng.randrange(20, 25)}{rng.choice(['cs', 'it', 'ec'])}{rng.randrange(100, 999)}"])
            email = f"{lp}@{rng.choice(['student.', 'stu.', 'mail.'])}{dom}" if rng.random() < 0.8 else f"{lp}@gmail.com"
            t = t0 + rng.gammavariate(2.0, 200)
            fraud_signup(E, rng, t, ip, "fake_classroom", email, username_for(rng, first, last, lp), img,
                         form(rng, bot_fill(rng, 19000, 0.4)))
            done += 1


# ---------------------------------------------------------------- login attacks
STALE_UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
]


def raw_login_headers(rng, ua, copied_ch=None):
    h = {"user-agent": ua, "accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
         "accept-language": rng.choice(["en-US,en;q=0.9", "en-US,en;q=0.5", "en-GB,en;q=0.9"]),
         "accept-encoding": "gzip, deflate, br", "content-type": "application/x-www-form-urlencoded",
         "origin": "https://console.corvidlabs.ai", "referer": "https://console.corvidlabs.ai/accounts/login/"}
    if copied_ch:
        h.update(copied_ch)
    return h


def credential_stuffing(E, rng, W, names, n, users):
    """Combo-list attacks on the login form: three waves with different tooling and a
    low-and-slow stream from a botnet of compromised home routers."""
    known = [u for u in users]
    breach_hits = []   # (user, time) of successful logins, handed to the takeover crew

    def target():
        if rng.random() < 0.07:
            u = rng.choice(known)
            return u["email"], u
        first, last = names.person(rng, culture=rng.choice(WESTERN + ["de_DE", "fr_FR", "es_ES", "pt_BR", "en_IN"]))
        dom = wchoice(rng, [("gmail.com", 45), ("yahoo.com", 15), ("hotmail.com", 15), ("outlook.com", 8),
                            ("aol.com", 5), ("gmx.de", 3), ("mail.ru", 3), ("icloud.com", 4), ("comcast.net", 2)])
        return f"{local_part(rng, first, last)}@{dom}", None

    def attempt(t, ip, headers, device=None, fm=None):
        email, u = target()
        ok = bool(u and u["reuse"] and rng.random() < 0.5)
        E.emit("login", t, ip, F, "credential_stuffing", u["acct"] if u else None, email, None, headers, device,
               fm, success=ok)
        if ok:
            breach_hits.append((u, t))

    n_waves = int(n * 0.75)
    waves = [(1.8 * 86400, "dc"), (6.3 * 86400, "resi"), (10.9 * 86400, "browser")]
    per = n_waves // 3
    bots = [W.residential_exit(rng, rng.choice(["BR", "IN", "VN", "ID", "MX", "EG", "TR", "AR", "CO", "PH"]))
            for _ in range(450)]
    for start, kind in waves:
        dur = rng.uniform(3, 5) * 3600
        copied = {"sec-ch-ua": '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
                  "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": '"Windows"'}
        for i in range(per):
            t = start + dur * (i + rng.random()) / per
            if kind == "dc":
                prov = rng.choice(W.hosting + W.clouds[3:])
                ip = W.dc_ip(rng, prov, pool=250)
                attempt(t, ip, raw_login_headers(rng, rng.choice(STALE_UAS)), None, {"fill_ms": rng.randint(120, 700), "honeypot": ""})
            elif kind == "resi":
                cc = wchoice(rng, RESI_TARGETS)
                ip = W.residential_exit(rng, cc, mobile_share=0.15)
                ua = rng.choice(STALE_UAS[:4])
                attempt(t, ip, raw_login_headers(rng, ua, copied if rng.random() < 0.7 else None), None,
                        {"fill_ms": rng.randint(150, 900), "honeypot": ""})
            else:
                cc = wchoice(rng, RESI_TARGETS)
                ip, b = W.residential_exit(rng, cc, with_block=True)
                dev = antidetect(rng, b.cc, W.block_tz(b), kernels=(146, 147, 148))
                attempt(t, ip, dev.headers(t, "/accounts/login/"), dev.collect(t, rng),
                        form(rng, bot_fill(rng, 1400, 0.35, lo=500)))
    for i in range(n - 3 * per):
        t = rng.uniform(0, SPAN)
        ip = rng.choice(bots)
        attempt(t, ip, raw_login_headers(rng, rng.choice(STALE_UAS)), None, {"fill_ms": rng.randint(300, 2500), "honeypot": ""})
    return breach_hits


def account_takeover(E, rng, W, names, n_victims, users, breach_hits):
    """Logins into real customers' accounts with working credentials: follow-ups of
    stuffing hits, replayed infostealer browser profiles, phished passwords."""
    victims = []
    seen = set()
    for u, t in breach_hits:
        if u["acct"] not in seen:
            seen.add(u["acct"])
            victims.append(("stuffed", u, t))
    pool = [u for u in users if u["acct"] not in seen]
    for u in rng.sample(pool, max(0, n_victims - len(victims))):
        victims.append((rng.choice(["infostealer", "infostealer", "phished"]), u, rng.uniform(0, SPAN * 0.9)))
    for method, u, t in victims:
        p = u["p"]
        if method == "stuffed":
            t += rng.uniform(2, 60) * 3600
            ip, b = W.residential_exit(rng, p.cc, city=p.city[0], with_block=True)
            dev = antidetect(rng, b.cc, W.block_tz(b), kernels=(147, 148))
            k = rng.randint(1, 3)
        elif method == "infostealer":
            # the stolen browser profile: same user agent, screen, languages, timezone, fingerprint
            ip = W.residential_exit(rng, p.cc, mobile_share=0.0, city=p.city[0])
            dev = u["dev"]
            k = rng.randint(1, 4)
        else:
            vpn = rng.choice(W.vpns)
            ip, _ = W.vpn_ip(rng, vpn, p.cc)
            q = Person()
            q.cc, q.langs, q.tz, q.pm = p.cc, ["en-US", "en"], rng.choice(["Africa/Lagos", "Europe/Moscow", "Asia/Jakarta",
                                                                        "America/Sao_Paulo"]), False
            dev = make_desktop(rng, q, os_="windows", browser="chrome", old_rate=0)
            k = rng.randint(1, 2)
            if rng.random() < 0.3 and t < SPAN:
                E.emit("login", t, ip, F, "account_takeover", u["acct"], u["email"], None,
                       dev.headers(t, "/accounts/login/"), dev.collect(t, rng), form(rng, fill_ms(rng, "login")),
                       success=False)
                t += rng.uniform(20, 90)
        by_email = rng.random() < 0.8
        for _ in range(k):
            if t >= SPAN:
                break
            E.emit("login", t, ip, F, "account_takeover", u["acct"], u["email"] if by_email else None,
                   None if by_email else u["uname"], dev.headers(t, "/accounts/login/"),
                   dev.collect(t, rng), form(rng, bot_fill(rng, 3500, 0.5, lo=700)), success=True)
            t += rng.uniform(0.5, 30) * 3600
