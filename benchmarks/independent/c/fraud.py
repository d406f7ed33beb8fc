"""Fraud operations modelled on published tactics against AI/API free tiers."""
import string
from datetime import timedelta

import agents as A
import geodata as G
import people as P
from common import (START, END, DAYS, UTC, emit, human_fill, langs_for, pick_city, home_conn, mobile_conn, desktop,
                    phone, User, set_conn, sample_time, after, HomeConn, MobileConn, FixedConn, VpnConn, RelayConn, zi,
                    pick_net)

LABEL = "fraud"


def wpick(rng, d):
    keys = list(d.keys())
    return rng.choices(keys, [d[k] for k in keys])[0]


def faccount(ctx, rng, campaign, email, username, t, cc=None, tz=None):
    u = User()
    u.account = ctx.account_id(rng)
    u.email, u.username = email, username
    u.label, u.campaign = LABEL, campaign
    u.cc, u.tz, u.city = cc, tz, None
    u.created = t
    u.pm = False
    u.person = None
    ctx.accounts[u.account] = u
    return u


def rand_alnum(rng, n, digits=True):
    al = string.ascii_lowercase + (string.digits if digits else "")
    return "".join(rng.choice(al) for _ in range(n))


def en_name(ctx, rng, loc="en_US"):
    firsts, lasts = ctx.ppl._pool(loc)
    return rng.choice(firsts), rng.choice(lasts)


def resi_ip(ctx, rng, cc, mobile_share=0.2, v6=0.0):
    """An exit of a residential-proxy network: a real subscriber line."""
    nm = ctx.nm
    city = pick_city(rng, cc)
    if rng.random() < mobile_share:
        keys = nm.nets(cc, ("mob",)) or nm.nets(cc, ("isp",))
        k = pick_net(rng, keys)
        b = nm.block(rng, k, city=city, ver=4)
        return nm.cgnat(rng, b, 64), b
    keys = nm.nets(cc, ("res", "isp")) or nm.nets(cc, ("mob",))
    k = pick_net(rng, keys)
    if v6 and nm.has_v6(k) and rng.random() < v6:
        b = nm.block(rng, k, city=city, ver=6)
        return nm.v6_random(rng, b), b
    b = nm.block(rng, k, city=city, ver=4)
    return nm.v4_host(rng, b), b


def host_ip(ctx, rng, nets, city=None, tenant=None):
    """An address rented by one tenant; proxy/VPN nets are shared exits."""
    k = rng.choice(nets)
    cs = ctx.nm.cities_of(k)
    c = city if city in cs else rng.choice(cs)
    if G.NET_BY_KEY[k]["kind"] == "vpn":
        return rng.choice(ctx.nm.servers(k, c, 10)), c
    salt = tenant if tenant is not None else rng.getrandbits(30)
    return rng.choice(ctx.nm.servers(k, c, 4, salt=salt)), c


def playwright_device(rng, t, major, ua_os, tz, langs, leak_linux=False):
    d = A.Device()
    d.cls, d.os, d.browser = "desktop", ua_os, "playwright"
    A._chromium(d, major, ua_os, brand=None)   # bundled Chromium: no "Google Chrome" brand
    if leak_linux:
        d.ch_platform = "Linux"
    d.screen = rng.choice(["1920x1080", "1366x768", "1536x864", "1440x900", "1280x720"]) + "x24"
    d.hw = rng.choice([4, 8, 8, 12, 16])
    d.mem = 8
    d.touch = 0
    d.tz = A.reported_tz(tz, "blink")
    d.langs = list(langs)
    d.fp_seed = rng.getrandbits(48)      # canvas/audio noise injected per profile
    d.collector = 1.0
    return d


def antidetect_device(rng, t, major, os_, tz, langs, mobile=False):
    if mobile:
        d = A.make_browser(rng, t, "mobile", "android", "chrome", tz, langs, chrome_ver=major)
    else:
        d = A.make_browser(rng, t, "desktop", os_, "chrome", tz, langs, chrome_ver=major,
                           hw=rng.choice([4, 8, 8, 12, 16]), mem=rng.choice([4, 8, 8]),
                           screen=rng.choice(["1920x1080", "1536x864", "2560x1440", "1366x768", "1440x900", "1600x900"]) if os_ == "win" else None)
    d.fp_seed = rng.getrandbits(48)
    d.fp_mode = "stable"
    d.collector = 1.0
    return d


def headless_device(rng, major, patched=False, vm_seed=0):
    d = A.Device()
    d.cls, d.os, d.browser = "desktop", "linux", "headless"
    A._chromium(d, major, "linux", brand=None if patched else "HeadlessChrome")
    if not patched:
        d.ua = d.ua.replace("Chrome/", "HeadlessChrome/")
    else:
        d.ch = A.sec_ch_ua(major, "Google Chrome")
    d.screen = rng.choice(["800x600", "800x600", "1920x1080"]) + "x24"
    d.hw = rng.choice([2, 4])
    d.mem = rng.choice([2, 4, 8])
    d.touch = 0
    d.tz = rng.choice(["UTC", "Etc/UTC", "UTC"])
    d.langs = ["en-US"] if not patched else ["en-US", "en"]
    d.webdriver = not patched
    d.fp_seed = ("swiftshader", vm_seed)
    d.collector = 1.0
    return d


def custom_client(ua, headers):
    d = A.Device()
    d.api = True
    d.cls = "api"
    d.ua = ua
    d.extra_headers = dict(headers)
    d.engine = "none"
    d.collector = 0.0
    return d


def fresh_domain(rng, kind="disposable"):
    words = ["mail", "box", "inbox", "post", "drop", "temp", "fast", "zen", "nova", "flux", "byte", "cloud", "snap", "mint",
             "pixel", "wave", "quick", "hub", "data", "labs", "core", "sync", "node", "peak", "lumen", "orbit"]
    if kind == "disposable":
        return rng.choice(words) + rng.choice(words) + str(rng.randint(1, 99)) + "." + rng.choice(["com", "net", "xyz", "online", "site", "store", "pro", "click"])
    return rng.choice(words) + rng.choice(["-", ""]) + rng.choice(words) + "." + rng.choice(["xyz", "top", "online", "site", "shop", "icu", "cfd", "sbs", "lol", "space"])


def thin_evenly(items, n):
    """Keep n of the scheduled items, evenly spread over the schedule."""
    if len(items) <= n:
        return items
    step = len(items) / float(n)
    return [items[int(i * step)] for i in range(n)]


def naive_honeypot(rng, username, email):
    return rng.choice([username, email, "http://" + rand_alnum(rng, 8, False) + ".com", "John", "1", "test", "on"])


# ============================================================== operations
def op_resi_proxy_farm(ctx, n):
    """Account farm: Playwright + rotating residential proxies, 24/7 batches."""
    C = "fraud:resi_proxy_account_farm"
    rng = ctx.rng("op", C)
    countries = {"US": 45, "GB": 10, "CA": 8, "DE": 7, "FR": 5, "BR": 5, "IN": 5, "AU": 4, "NL": 3, "ES": 3, "IT": 3, "MX": 3}
    outages = [(START + timedelta(days=3, hours=2), START + timedelta(days=3, hours=9)),
               (START + timedelta(days=6, hours=14), START + timedelta(days=6, hours=19))]
    t = START + timedelta(hours=11, minutes=17)
    made, accts = 0, []
    while made < n and t < END:
        if any(a <= t < b for a, b in outages):
            t = after(t, 1800)
            continue
        major = 143 if t < START + timedelta(days=5) else 144
        k = rng.randint(3, 12)
        for i in range(k):
            ts = after(t, i * rng.uniform(20, 90) + rng.uniform(0, 15))
            cc = wpick(rng, countries)
            ip, b = resi_ip(ctx, rng, cc, 0.2, 0.05)
            r = rng.random()
            tz = G.CITIES[b.city]["tz"] if r < 0.55 else ("America/New_York" if r < 0.85 else "Europe/Moscow")
            d = playwright_device(rng, ts, major, "win" if rng.random() < .85 else "mac", tz, ["en-US", "en"], leak_linux=rng.random() < 0.3)
            f, l = en_name(ctx, rng)
            dom = rng.choices(["outlook.com", "hotmail.com", "gmail.com", "outlook.es", "hotmail.co.uk"], [45, 30, 15, 5, 5])[0]
            local = P.clean(f) + P.clean(l) + str(rng.randint(100, 9999))
            email = local + "@" + dom
            user = rng.choice([local, P.clean(f) + P.clean(l) + str(rng.randint(10, 99)), P.clean(f) + "_" + P.clean(l)[:3] + str(rng.randint(1, 999))])
            u = faccount(ctx, rng, C, email, user, ts, cc, tz)
            u.devices = [d]
            emit(ctx, rng, "signup", ts, ip, d, LABEL, C, account=u.account, email=email, username=user,
                 fill_ms=rng.uniform(4200, 9800), session=0)
            accts.append((u, d))
            made += 1
            if made >= n:
                break
        t = after(t, 60 * max(8, rng.gauss(62, 18)) * (1.5 if t < START + timedelta(days=2) else 1.0))
    for u, d in accts:
        if rng.random() < 0.5:
            tl = u.created
            for _ in range(rng.choice([1, 1, 2])):
                tl = after(tl, rng.uniform(0.4, 3.0) * 86400)
                cc = wpick(rng, countries)
                ip, b = resi_ip(ctx, rng, cc)
                emit(ctx, rng, "login", tl, ip, d, LABEL, C, account=u.account, email=u.email, success=True,
                     fill_ms=rng.uniform(2500, 6000), session=0)


def op_antidetect_operators(ctx, n):
    """Four operators in Ho Chi Minh City with AdsPower-style profiles and static ISP proxies."""
    C = "fraud:antidetect_operator_team"
    rng = ctx.rng("op", C)
    tzop = "Asia/Ho_Chi_Minh"
    shifts = [(8.5, 12), (13.5, 18), (19, 22)]
    cand = []
    for day in range(-1, DAYS + 1):
        for op in range(4):
            base = (START + timedelta(days=day)).astimezone(zi(tzop)).replace(hour=0, minute=0, second=0, microsecond=0)
            if base.weekday() == 6 and rng.random() < 0.6:
                continue
            for a, b in shifts:
                if rng.random() < 0.15:
                    continue
                t = base + timedelta(hours=a + rng.uniform(0, 0.4))
                while t < base + timedelta(hours=b):
                    cand.append((t.astimezone(UTC), op))
                    t = t + timedelta(minutes=rng.uniform(10, 30))
    cand = [c for c in cand if START <= c[0] < END]
    cand.sort(key=lambda x: x[0])
    if len(cand) > n:
        step = len(cand) / n
        cand = [cand[int(i * step)] for i in range(n)]
    accts = []
    last = None
    for ts, op in cand:
        ts = ts.replace(microsecond=rng.randrange(1000) * 1000)
        major = 143 if ts < START + timedelta(days=4) else 144
        if last and rng.random() < 0.04:
            d, ip, cc, tz = last     # profile reused by mistake
        else:
            tcc = rng.choices(["US", "GB", "CA"], [80, 10, 10])[0]
            r = rng.random()
            city = pick_city(rng, tcc)
            if tcc == "US" and r < 0.5:
                k = rng.choice(["lumen", "cogent", "ipxo", "he", "zayo"])
                cs = [c for c in ctx.nm.cities_of(k) if G.CITIES[c]["cc"] == "US"]
                city = rng.choice(cs)
                b = ctx.nm.block(rng, k, city=city)
                ip = ctx.nm.v4_host(rng, b)
            elif r < 0.8:
                ip, b = resi_ip(ctx, rng, tcc, 0.0)
                city = b.city
            else:
                ip, b = resi_ip(ctx, rng, tcc, 1.0)
                city = b.city
            cc = tcc
            tz = G.CITIES[city]["tz"]
            langs = {"US": ["en-US", "en"], "GB": ["en-GB", "en"], "CA": ["en-CA", "en"]}[cc]
            d = antidetect_device(rng, ts, major, "win" if rng.random() < 0.8 else "mac", tz, langs)
        last = (d, ip, cc, tz)
        f, l = en_name(ctx, rng, "en_US" if cc != "GB" else "en_GB")
        pat = rng.random()
        if pat < 0.4:
            local = P.clean(f) + P.clean(l) + str(rng.randint(10, 9999))
        elif pat < 0.7:
            local = P.clean(f) + "." + P.clean(l) + str(rng.randint(70, 99))
        else:
            local = rng.choice(P.ADJ) + P.clean(f) + str(rng.randint(1, 999))
        dom = rng.choices(["gmail.com", "outlook.com", "yahoo.com", "icloud.com"], [60, 25, 10, 5])[0]
        email = local + "@" + dom
        user = local.replace(".", "") if rng.random() < .6 else P.clean(f) + P.clean(l)[:2] + str(rng.randint(1, 99))
        u = faccount(ctx, rng, C, email, user, ts, cc, tz)
        emit(ctx, rng, "signup", ts, ip, d, LABEL, C, account=u.account, email=email, username=user,
             fill_ms=rng.lognormvariate(0, 0.35) * 17000, session=0)
        accts.append((u, d, ip, cc))
    for u, d, ip, cc in accts:
        if rng.random() < 0.7:
            tl = u.created
            for _ in range(rng.choice([1, 1, 2])):
                tl = after(tl, rng.uniform(0.6, 3.5) * 86400)
                ip2 = ip if rng.random() < 0.7 else resi_ip(ctx, rng, cc)[0]
                emit(ctx, rng, "login", tl, ip2, d, LABEL, C, account=u.account, email=u.email, success=True,
                     fill_ms=rng.lognormvariate(0, 0.3) * 5000, session=0)


def op_cloud_scripts(ctx, n):
    """Free-tier key generators run from cloud VMs: raw API calls, headless Selenium, forged collector payloads."""
    C = "fraud:cloud_headless_scripts"
    rng = ctx.rng("op", C)
    hostnets = ["aws", "do", "hetzner", "vultr", "ovh", "oracle", "contabo", "linode", "gcp", "azure"]
    n_api, n_sel = int(n * 0.6), int(n * 0.3)
    n_kit = n - n_api - n_sel
    # (a) raw API bursts, all through the window
    t = START + timedelta(hours=rng.uniform(0, 5))
    cands = []
    while t < END:
        ips = [host_ip(ctx, rng, hostnets)[0] for _ in range(rng.choice([1, 1, 2]))]
        v6pfx = None
        if rng.random() < 0.3:
            # one routed /64 (or /56) on a VPS: a fresh source address for every request
            k6 = rng.choice(["hetzner", "ovh", "vultr", "do", "linode"])
            b6 = ctx.nm.block(rng, k6, ver=6)
            plen = rng.choice([64, 64, 56])
            v6pfx = (plen, ctx.nm.v6_prefix(rng, b6, plen))
        tool = rng.choice(["requests", "requests", "requests_old", "aiohttp", "httpx", "go"])
        if rng.random() < 0.2:
            dev = custom_client("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                                {"accept": "*/*", "accept-encoding": "gzip, deflate", "content-type": "application/json", "x-csrftoken": None})
        else:
            dev = A.api_client(tool)
        doms = [fresh_domain(rng) for _ in range(2)] + rng.sample(P.DISPOSABLE_PUBLIC, 2)
        ts = t
        for i in range(rng.randint(15, 60)):
            ts = after(ts, rng.uniform(2.5, 25))
            cands.append((ts, ips, v6pfx, dev, doms))
        t = after(t, rng.expovariate(1 / (8 * 3600)) + 600)
    import ipaddress
    for ts, ips, v6pfx, dev, doms in thin_evenly(cands, n_api):
        email = rand_alnum(rng, rng.randint(8, 12)) + "@" + rng.choice(doms)
        user = rng.choice(["user_" + "%06x" % rng.getrandbits(24), rand_alnum(rng, 10), email.split("@")[0]])
        u = faccount(ctx, rng, C, email, user, ts)
        ip = str(ipaddress.IPv6Address(v6pfx[1] | rng.getrandbits(128 - v6pfx[0]))) if v6pfx else rng.choice(ips)
        emit(ctx, rng, "signup", ts, ip, dev, LABEL, C, account=u.account, email=email, username=user)
    # (b) headless Selenium through the HTML form
    t = START + timedelta(hours=rng.uniform(2, 10))
    vm = 0
    cands = []
    while t < END:
        vm += 1
        ip, city = host_ip(ctx, rng, hostnets)
        patched = rng.random() < 0.35
        dev = headless_device(rng, rng.choice([131, 138, 142, 145]), patched, vm_seed=vm % 7)
        ts = t
        for i in range(rng.randint(5, 20)):
            ts = after(ts, rng.uniform(8, 60))
            cands.append((ts, ip, dev, patched))
        t = after(t, rng.expovariate(1 / (5.5 * 3600)) + 900)
    for ts, ip, dev, patched in thin_evenly(cands, n_sel):
        dom = rng.choice(P.DISPOSABLE_PUBLIC + ["gmail.com", "gmail.com", "outlook.com"])
        f, l = en_name(ctx, rng)
        email = (P.clean(f) + P.clean(l) + str(rng.randint(1, 9999)) if rng.random() < .5 else rand_alnum(rng, 10)) + "@" + dom
        user = email.split("@")[0]
        hp = naive_honeypot(rng, user, email) if (not patched and rng.random() < 0.75) else ""
        u = faccount(ctx, rng, C, email, user, ts)
        emit(ctx, rng, "signup", ts, ip, dev, LABEL, C, account=u.account, email=email, username=user,
             fill_ms=rng.uniform(250, 1600), honeypot=hp, session=0)
    # (c) a sold "signup kit": axios replaying one captured collector payload through datacenter proxies
    kit_device = {"fingerprint": A.fp_hash("captured", 1), "timezone": "America/New_York", "languages": ["en-US", "en"],
                  "screen": "1920x1080x24", "platform": "Win32", "hardware_concurrency": 8, "device_memory": 8,
                  "touch_points": 0, "webdriver": False}
    dev = custom_client("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                        {"accept": "application/json, text/plain, */*", "accept-encoding": "gzip, compress, deflate, br",
                         "content-type": "application/json", "accept-language": "en-US,en;q=0.9", "x-csrftoken": None})
    dc = ["colocrossing", "psychz", "quadranet", "leaseweb_us", "gthost"]
    ts = START + timedelta(days=4, hours=20)
    for i in range(n_kit):
        ts = after(ts, rng.expovariate(1 / 240))
        if ts >= END:
            break
        ip, _ = host_ip(ctx, rng, dc)
        f, l = en_name(ctx, rng)
        email = P.clean(f) + "." + P.clean(l) + str(rng.randint(1, 99)) + "@" + rng.choice(["gmail.com", "outlook.com", "yahoo.com"])
        u = faccount(ctx, rng, C, email, email.split("@")[0], ts)
        emit(ctx, rng, "signup", ts, ip, dev, LABEL, C, account=u.account, email=email, username=u.username,
             device_override=dict(kit_device), form_override={"fill_ms": int(rng.uniform(5000, 9000)), "honeypot": ""})


def op_phone_farm(ctx, n):
    """Racks of identical Android phones on local SIMs, driven by tap macros."""
    C = "fraud:sim_phone_farm"
    rng = ctx.rng("op", C)
    farms = [
        dict(cc="VN", city="sgn", tz="Asia/Ho_Chi_Minh", model=[a for a in A.ANDROIDS if a[0] == "23021RAA2Y"][0], phones=60,
             nets=["viettel", "mobifone"], langs=[["vi-VN", "vi", "en-US", "en"], ["vi-VN", "vi"]], base=21000, jit=600,
             start=3, share=0.6, wifi="fpt"),
        dict(cc="ID", city="jkt", tz="Asia/Jakarta", model=[a for a in A.ANDROIDS if a[0] == "SM-A057F"][0], phones=40,
             nets=["telkomsel", "xl"], langs=[["id-ID", "id", "en-US", "en"]], base=26000, jit=900, start=1, share=0.4,
             wifi="biznet"),
    ]
    for fm in farms:
        quota = int(n * fm["share"]) if fm is farms[0] else n - int(n * farms[0]["share"])
        devs = []
        for i in range(fm["phones"]):
            langs = fm["langs"][0 if i < fm["phones"] * 0.8 else -1]
            d = A.make_browser(rng, START, "mobile", "android", "chrome", fm["tz"], langs, android=fm["model"], chrome_ver=138,
                               fp_seed=(fm["model"][0], 34, 0))
            d.collector = 1.0
            devs.append(d)
        conns = [MobileConn(ctx, rng, k, fm["city"]) for k in fm["nets"] for _ in range(3)]
        hc = HomeConn(ctx, rng, fm["wifi"], fm["city"], cgnat=False)
        wifi_ip = hc.v4
        t = START + timedelta(days=fm["start"], hours=rng.uniform(0, 6))
        cands = []
        while t < END:
            lh = t.astimezone(zi(fm["tz"])).hour
            if 2 <= lh < 6 or (t.astimezone(zi(fm["tz"])).weekday() == 6 and rng.random() < 0.5):
                t = after(t, 3600)
                continue
            for i in range(rng.randint(8, 22)):
                cands.append((after(t, rng.uniform(0, 480)), i))
            t = after(t, 60 * rng.uniform(70, 170))
        cands = thin_evenly(cands, quota)
        cands.sort(key=lambda x: x[0])
        accts = []
        for made, (ts, i) in enumerate(cands):
            if ts >= END:
                continue
            d = devs[made % len(devs)]
            conn = rng.choice(conns)
            ip = conn.ip(ctx, rng, ts, d)
            if fm["cc"] == "VN":
                l, m, f = rng.choice(P.VI_LAST), rng.choice(P.VI_MID), rng.choice(P.VI_FIRST)
                local = (l + m + f).lower() + str(rng.randint(1000, 9999))
            else:
                f, l = en_name(ctx, rng, "id_ID")
                local = P.clean(f) + P.clean(l) + str(rng.randint(100, 9999))
            email = local + "@gmail.com"
            u = faccount(ctx, rng, C, email, local, ts, fm["cc"], fm["tz"])
            emit(ctx, rng, "signup", ts, ip, d, LABEL, C, account=u.account, email=email, username=local,
                 fill_ms=fm["base"] + rng.gauss(0, fm["jit"]), session=0)
            accts.append((u, d))
        for u, d in accts:
            if rng.random() < 0.7:
                tl = after(u.created, 3600 * rng.uniform(6, 40))
                emit(ctx, rng, "login", tl, wifi_ip, d, LABEL, C, account=u.account, email=u.email, success=True,
                     fill_ms=fm["base"] * 0.35 + rng.gauss(0, 300), session=0)


def op_click_farm(ctx, n):
    """Paid human workers in a Dhaka internet cafe, partly behind a commercial VPN."""
    C = "fraud:human_click_farm"
    rng = ctx.rng("op", C)
    tz = "Asia/Dhaka"
    pcs = []
    for i in range(14):
        langs = ["en-US", "en"] if i < 10 else ["en-GB", "en", "bn"]
        d = A.make_browser(rng, START, "desktop", "win", "chrome", tz, langs, chrome_ver=rng.randint(132, 139), hw=4,
                           mem=rng.choice([4, 8]), screen=rng.choice(["1366x768", "1366x768", "1920x1080"]))
        d.collector = 1.0
        pcs.append(d)
    direct = [HomeConn(ctx, rng, "link3", "dac", cgnat=False).v4, HomeConn(ctx, rng, "link3", "dac", cgnat=False).v4,
              HomeConn(ctx, rng, "amberit", "dac", cgnat=False).v4]
    vpn_cities = ["nyc", "la", "chi", "dal", "lon", "mia", "tor"]
    sessions = []
    for day in range(-1, DAYS + 1):
        base = (START + timedelta(days=day)).astimezone(zi(tz)).replace(hour=0, minute=0, second=0, microsecond=0)
        friday = base.weekday() == 4
        for pi, d in enumerate(pcs):
            if rng.random() > (0.25 if friday else 0.62):
                continue
            for _ in range(rng.choice([1, 1, 2])):
                st = base + timedelta(hours=rng.uniform(11, 22))
                dur = rng.uniform(0.8, 2.2)
                sessions.append((st.astimezone(UTC), dur, pi))
    sessions.sort(key=lambda x: x[0])
    cands = []
    for st, dur, pi in sessions:
        vpn = rng.random() < 0.4
        if vpn:
            k = rng.choice(["packethub", "m247", "datacamp"])
            cs = [c for c in ctx.nm.cities_of(k) if c in vpn_cities] or ctx.nm.cities_of(k)
            ip = rng.choice(ctx.nm.servers(k, rng.choice(cs), 8))
        else:
            ip = rng.choice(direct)
        t = st
        while t < st + timedelta(hours=dur):
            t = after(t, 60 * rng.uniform(6, 16))
            if START <= t < END:
                cands.append((t, pi, ip))
    accts = []
    for t, pi, ip in thin_evenly(cands, n):
        d = pcs[pi]
        if rng.random() < 0.5:
            f, l = en_name(ctx, rng)
        else:
            f, l = rng.choice(P.BN_FIRST), rng.choice(P.BN_LAST)
        local = P.clean(f) + P.clean(l) + str(rng.randint(10, 9999)) if rng.random() < .7 else P.clean(f) + "." + P.clean(l) + str(rng.randint(1, 99))
        email = local + "@" + rng.choices(["gmail.com", "outlook.com", "hotmail.com"], [80, 12, 8])[0]
        u = faccount(ctx, rng, C, email, local, t, "BD", tz)
        emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=local,
             fill_ms=rng.lognormvariate(0, 0.3) * 15000, session=0)
        accts.append(u)
    buyer_logins(ctx, rng, C, accts, 0.3)


def buyer_logins(ctx, rng, C, accts, share):
    """Accounts delivered to a customer who logs in from elsewhere."""
    for u in accts:
        if rng.random() > share:
            continue
        r = rng.random()
        if r < 0.45:
            tz, langs = "Asia/Shanghai", ["zh-CN", "zh"]
            d = A.make_browser(rng, u.created, "desktop", "win", rng.choice(["chrome", "edge"]), tz, langs)
            ip, _ = host_ip(ctx, rng, ["alibaba", "tencent", "m247"], rng.choice(["hkg", "sin", "tyo"]))
        elif r < 0.75:
            cc = "US"
            ip, b = resi_ip(ctx, rng, cc)
            tz = G.CITIES[b.city]["tz"]
            d = antidetect_device(rng, u.created, 144, "win", tz, ["en-US", "en"])
        else:
            tz, langs = "Europe/Moscow", ["ru-RU", "ru", "en-US", "en"]
            d = A.make_browser(rng, u.created, "desktop", "win", "yandex", tz, langs)
            ip, _ = host_ip(ctx, rng, ["aeza", "stark"])
        tl = u.created
        for _ in range(rng.choice([1, 1, 2, 3])):
            tl = after(tl, rng.uniform(0.5, 3) * 86400)
            emit(ctx, rng, "login", tl, ip, d, LABEL, C, account=u.account, email=u.email, success=True,
                 fill_ms=rng.uniform(1500, 9000))


def gmail_variant(rng, base, used):
    for _ in range(50):
        r = rng.random()
        if r < 0.55:
            chars = list(base)
            pos = sorted(rng.sample(range(1, len(chars)), min(len(chars) - 1, rng.randint(1, 4))))
            out = ""
            for i, ch in enumerate(chars):
                if i in pos and out and out[-1] != ".":
                    out += "."
                out += ch
            v = out + "@gmail.com"
        elif r < 0.85:
            v = base + "+" + rand_alnum(rng, rng.randint(3, 6)) + "@gmail.com"
        elif r < 0.95:
            v = base + "@googlemail.com" if rng.random() < .5 else base[:3] + "." + base[3:] + "@googlemail.com"
        else:
            v = base[:1].upper() + base[1:] + "+" + str(rng.randint(1, 99)) + "@Gmail.com"
        if v not in used:
            used.add(v)
            return v
    return base + "+" + rand_alnum(rng, 8) + "@gmail.com"


def op_gmail_alias(ctx, n):
    """One developer farming credits with dot/plus variants of a few Gmail inboxes."""
    C = "fraud:gmail_alias_ring"
    rng = ctx.rng("op", C)
    tz, cc, city = "Asia/Kolkata", "IN", "pnq"
    bases = ["rohitpatil.dev", "rpatil0707", "patilrohit.work", "rohit.builds", "kunalpatil2001", "aarti.p.codes"]
    bases = [b.replace(".", "") for b in bases]
    home = HomeConn(ctx, rng, "act", "blr", cgnat=False)
    home.v6p = home.v6p or None
    jio = MobileConn(ctx, rng, "jio", city)
    vpn = VpnConn(ctx, rng, ["mullvad", "proton", "m247"], ["ams", "sto", "zrh", "fra", "nyc"], sticky=0.3)
    langs = ["en-GB", "en-US", "en"]
    dev_sel = A.make_browser(rng, START, "desktop", "linux", "chrome", tz, langs, chrome_ver=144, hw=12, mem=8, screen="1920x1080")
    dev_sel.webdriver = True
    dev_uc = A.make_browser(rng, START, "desktop", "linux", "chrome", tz, langs, chrome_ver=145, hw=12, mem=8, screen="1920x1080")
    dev_uc.fp_seed = dev_sel.fp_seed
    dev_ff = A.make_browser(rng, START, "desktop", "linux", "firefox", tz, langs, hw=12, screen="1920x1080")
    dev_ff.webdriver = True
    switch = START + timedelta(days=4, hours=14)
    used = set()
    accts = []
    made = 0
    day = 0
    while made < n and day < DAYS:
        base = (START + timedelta(days=day)).astimezone(zi(tz)).replace(hour=0, minute=0, second=0, microsecond=0)
        st = base + timedelta(hours=rng.uniform(20, 25.5))
        t = st.astimezone(UTC)
        k = rng.randint(40, 85)
        r = rng.random()
        conn = home if r < 0.4 else (vpn if r < 0.8 else jio)
        for i in range(k):
            t = after(t, rng.uniform(25, 90))
            if t >= END or made >= n:
                break
            dev = (dev_ff if rng.random() < 0.1 else dev_sel) if t < switch else dev_uc
            email = gmail_variant(rng, rng.choice(bases), used)
            user = rng.choice(P.ADJ) + rng.choice(P.NOUN) + str(rng.randint(1, 9999))
            u = faccount(ctx, rng, C, email, user, t, cc, tz)
            emit(ctx, rng, "signup", t, conn.ip(ctx, rng, t, dev), dev, LABEL, C, account=u.account, email=email, username=user,
                 fill_ms=rng.uniform(2200, 4200), session=0)
            accts.append(u)
            made += 1
        day += rng.choice([1, 1, 1, 2])
    # bulk key harvesting: log every account in, one after another
    for when in (START + timedelta(days=6, hours=17, minutes=30), START + timedelta(days=9, hours=18, minutes=5)):
        t = when
        for u in accts:
            if u.created >= when:
                continue
            t = after(t, rng.uniform(6, 15))
            emit(ctx, rng, "login", t, home.v4, dev_uc, LABEL, C, account=u.account, email=u.email, success=True,
                 fill_ms=rng.uniform(900, 1600), session=0)


def op_aged_accounts(ctx, n_accounts=180):
    """Aged accounts bought from a farm: a seller's checker run, then buyers logging in."""
    C = "fraud:aged_account_resale"
    rng = ctx.rng("op", C)
    accts = []
    for i in range(n_accounts):
        f, l = en_name(ctx, rng, rng.choice(["en_US", "en_GB", "en_IN"]))
        email = P.clean(f) + P.clean(l) + str(rng.randint(10, 999)) + "@" + rng.choice(["gmail.com", "outlook.com", "hotmail.com"])
        u = faccount(ctx, rng, C, email, email.split("@")[0], START - timedelta(days=rng.randint(120, 400)))
        accts.append(u)
    chk = A.api_client("aiohttp")
    chk.extra_headers = {"accept": "*/*", "accept-encoding": "gzip, deflate", "content-type": "application/x-www-form-urlencoded"}
    ip, _ = host_ip(ctx, rng, ["hetzner"])
    t = START + timedelta(days=1, hours=3, minutes=10)
    dead = set()
    for u in accts:
        t = after(t, rng.uniform(4, 12))
        ok = rng.random() > 0.08
        if not ok:
            dead.add(u.account)
        emit(ctx, rng, "login", t, ip, chk, LABEL, C, account=u.account, email=u.email, success=ok)
    sold = [u for u in accts if u.account not in dead][:int(n_accounts * 0.67)]
    for u in sold:
        r = rng.random()
        if r < 0.4:
            tz, langs = "Asia/Shanghai", ["zh-CN", "zh"]
            d = A.make_browser(rng, START, "desktop", "win", rng.choice(["chrome", "edge"]), tz, langs)
            getip = lambda: host_ip(ctx, rng, ["alibaba", "tencent", "m247", "expressvpn"], rng.choice(["hkg", "sin", "tyo", "la"]))[0]
        elif r < 0.6:
            tz, langs = "Europe/Moscow", ["ru-RU", "ru", "en-US", "en"]
            d = A.make_browser(rng, START, "desktop", "win", "yandex", tz, langs)
            getip = lambda: host_ip(ctx, rng, ["aeza", "stark"])[0]
        elif r < 0.85:
            ip0, b = resi_ip(ctx, rng, "US")
            tz = G.CITIES[b.city]["tz"]
            d = antidetect_device(rng, START, 144, "win", tz, ["en-US", "en"])
            getip = lambda ip0=ip0: ip0 if rng.random() < 0.6 else resi_ip(ctx, rng, "US")[0]
        else:
            cc = rng.choice(["NG", "PK"])
            city = pick_city(rng, cc)
            tz = G.CITIES[city]["tz"]
            d = phone(ctx, rng, START, cc, tz, langs_for(rng, cc))
            mc = mobile_conn(ctx, rng, cc, city)
            getip = lambda mc=mc: mc.ip(ctx, rng, START, None)
        tl = START + timedelta(days=rng.uniform(1.3, 8.5))
        for j in range(rng.choice([1, 2, 2, 3, 4])):
            if j == 0 and rng.random() < 0.06:
                emit(ctx, rng, "login", tl, getip(), d, LABEL, C, account=u.account, email=u.email, success=False,
                     fill_ms=rng.uniform(3000, 15000))
                tl = after(tl, rng.uniform(30, 600))
            emit(ctx, rng, "login", tl, getip(), d, LABEL, C, account=u.account, email=u.email, success=True,
                 fill_ms=rng.uniform(2500, 15000))
            tl = after(tl, rng.uniform(0.3, 2.5) * 86400)


def op_credential_stuffing(ctx, n_attempts):
    """Combo-list attacks on the login form: a fast datacenter wave and a slow residential one."""
    C = "fraud:credential_stuffing"
    rng = ctx.rng("op", C)
    waveA_t0 = START + timedelta(days=3, hours=1, minutes=4)
    waveB_t0 = START + timedelta(days=6, hours=20)
    nA = int(n_attempts * 0.55)
    nB = n_attempts - nA

    def targets(t, k):
        real = [u for u in ctx.accounts.values() if u.label == "legit" and u.created < t and u.email]
        pre = [u for u in real if u.created < START]
        new = [u for u in real if u.created >= START]
        out = []
        for _ in range(k):
            r = rng.random()
            if r < 0.24:
                out.append(rng.choice(pre))
            elif r < 0.28 and new:
                out.append(rng.choice(new))
            else:
                cc = rng.choice(["US", "US", "US", "GB", "IN", "BR", "DE", "FR", "CA", "ID", "PH", "MX", "IT", "ES"])
                p = ctx.ppl.person(rng, cc)
                e, _ = P.consumer_email(rng, p, cc, typo_rate=0, disposable_rate=0)
                if rng.random() < 0.25:
                    e = e.split("@")[0] + "@" + rng.choice(["yahoo.com", "aol.com", "hotmail.com", "msn.com", "live.com"])
                out.append(e.strip().lower())
        return out

    succeeded = []
    # wave A: datacenter proxies, OpenBullet-style config, no JS, no rendered form
    dc = ["colocrossing", "psychz", "quadranet", "leaseweb_us", "ovh", "m247", "stark", "gthost", "vultr"]
    pool = [host_ip(ctx, rng, dc)[0] for _ in range(180)]
    dev = custom_client("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                        {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-language": "en-US,en;q=0.9",
                         "accept-encoding": "gzip, deflate", "content-type": "application/x-www-form-urlencoded",
                         "origin": A.ORIGIN, "referer": A.ORIGIN + "/accounts/login/"})
    t = waveA_t0
    for tg in targets(waveA_t0, nA):
        t = after(t, rng.expovariate(1 / 6.5))
        ip = rng.choice(pool)
        if isinstance(tg, str):
            emit(ctx, rng, "login", t, ip, dev, LABEL, C, email=tg, success=False, form_override={"honeypot": ""})
        else:
            ok = tg.password_reuse or (tg.created >= START and rng.random() < 0.015)
            emit(ctx, rng, "login", t, ip, dev, LABEL, C, account=tg.account, email=tg.email.strip().lower(), success=ok,
                 form_override={"honeypot": ""})
            if ok:
                succeeded.append((tg, t))
    # wave B: residential proxies, rotating stale user agents, low and slow
    t = waveB_t0
    al = ["en-US,en;q=0.9", "en-US,en;q=0.5", "en-GB,en;q=0.9", "en-US", "de-DE,de;q=0.9,en;q=0.8", "pt-BR,pt;q=0.9,en;q=0.8"]
    for tg in targets(waveB_t0, nB):
        t = after(t, rng.expovariate(1 / 52))
        if t >= END:
            break
        cc = rng.choice(["US", "US", "US", "GB", "DE", "FR", "BR", "IN", "CA", "IT", "ES", "MX", "ID", "VN", "PH"])
        ip, _ = resi_ip(ctx, rng, cc, 0.3, 0.1)
        ua = A.pick_fake_ua(rng)
        h = {"accept": A.ACCEPT_CHROME if "Chrome" in ua[0] else A.ACCEPT_FF, "accept-language": rng.choice(al),
             "accept-encoding": "gzip, deflate, br", "content-type": "application/x-www-form-urlencoded",
             "origin": A.ORIGIN, "referer": A.ORIGIN + "/accounts/login/"}
        if rng.random() < 0.5:
            h.update({"sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin"})
        dv = custom_client(ua[0], h)
        form = {"fill_ms": int(rng.uniform(800, 3000)), "honeypot": ""}
        if isinstance(tg, str):
            emit(ctx, rng, "login", t, ip, dv, LABEL, C, email=tg, success=False, form_override=form)
        else:
            ok = tg.password_reuse or (tg.created >= START and rng.random() < 0.015)
            emit(ctx, rng, "login", t, ip, dv, LABEL, C, account=tg.account, email=tg.email.strip().lower(), success=ok, form_override=form)
            if ok:
                succeeded.append((tg, t))
    # account takeover follow-ups
    C2 = "fraud:account_takeover"
    for tg, ts in succeeded:
        cc = tg.cc or "US"
        r = rng.random()
        if r < 0.5 and cc in G.CITIES_BY_CC:
            ip, b = resi_ip(ctx, rng, cc)
            tz = G.CITIES[b.city]["tz"]
            d = antidetect_device(rng, ts, 144, "win", tz, langs_for(rng, cc))
            ips = [ip]
        else:
            tz = rng.choice(["UTC", "Europe/Moscow", "Europe/Kyiv", "Asia/Shanghai"])
            d = antidetect_device(rng, ts, 143, "win", tz, ["en-US", "en"])
            ips = [host_ip(ctx, rng, ["m247", "datacamp", "aeza", "hetzner", "ovh"])[0]]
        tl = ts
        for _ in range(rng.choice([1, 2, 2, 3])):
            tl = after(tl, rng.uniform(300, 8 * 3600))
            emit(ctx, rng, "login", tl, rng.choice(ips), d, LABEL, C2, account=tg.account, email=tg.email.strip().lower(),
                 success=True, fill_ms=rng.uniform(1800, 7000), session=0)


def op_slow_drip(ctx, n):
    """A careful distillation actor: a dozen 'people' a day, consistent US profiles on residential lines."""
    C = "fraud:slow_drip_mimic"
    rng = ctx.rng("op", C)
    cluster = [host_ip(ctx, rng, ["hetzner"], "fsn", tenant="drip")[0], host_ip(ctx, rng, ["hetzner"], "hel", tenant="drip")[0], host_ip(ctx, rng, ["ovh"], "gra", tenant="drip")[0]]
    worker = headless_device(rng, 145, patched=True, vm_seed=99)
    worker.screen = "1920x1080x24"
    times = []
    for i in range(n * 3):
        city = pick_city(rng, "US")
        tz = G.CITIES[city]["tz"]
        t = sample_time(rng, tz, "consumer", "US")
        h = t.astimezone(zi(tz)).hour
        if 9 <= h < 22:
            times.append((t, city))
    times.sort()
    picked = []
    for t, c in times:
        if not picked or (t - picked[-1][0]).total_seconds() > 2400:
            picked.append((t, c))
    rng.shuffle(picked)
    picked = sorted(picked[:n])
    for t, city in picked:
        tz = G.CITIES[city]["tz"]
        k = rng.choice(["comcast", "charter", "att_res", "verizon_fios", "cox", "tmobile"])
        if k == "tmobile":
            b = ctx.nm.block(rng, k, city=city)
            ip = ctx.nm.cgnat(rng, b, 64)
        else:
            b = ctx.nm.block(rng, k, city=city)
            ip = ctx.nm.v4_host(rng, b)
        r = rng.random()
        if r < 0.15:
            d = A.make_browser(rng, t, "mobile", "ios", "safari", tz, ["en-US"])
        else:
            d = A.make_browser(rng, t, "desktop", "win" if r < 0.7 else "mac", "chrome" if rng.random() < .85 else "edge", tz, ["en-US", "en"])
            d.fp_seed = rng.getrandbits(48)
        d.collector = 1.0
        f, l = en_name(ctx, rng)
        rr = rng.random()
        if rr < 0.45:
            email = P.clean(f) + "." + P.clean(l) + str(rng.randint(70, 99)) + "@gmail.com"
        elif rr < 0.6:
            email = P.clean(f)[0] + P.clean(l) + str(rng.randint(1, 99)) + "@icloud.com"
        elif rr < 0.75:
            email = P.clean(f) + P.clean(l) + "@outlook.com"
        elif rr < 0.88:
            email = P.clean(f) + "." + P.clean(l) + "@proton.me"
        else:
            email = P.local_from_name(rng, dict(first=f, last=l)) + "@yahoo.com"
        user = P.username_for(rng, dict(first=f, last=l, script="latin", order="western"), email.split("@")[0])
        u = faccount(ctx, rng, C, email, user, t, "US", tz)
        emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=user,
             fill_ms=human_fill(rng, d.cls == "mobile", rng.random() < 0.3, "signup"))
        tl = t
        for _ in range(rng.choice([1, 2, 3])):
            tl = after(tl, rng.uniform(1.5, 4) * 86400)
            if rng.random() < 0.3:
                b2 = ctx.nm.block(rng, k, city=city)
                emit(ctx, rng, "login", tl, ctx.nm.v4_host(rng, b2), d, LABEL, C, account=u.account, email=email, success=True,
                     fill_ms=human_fill(rng, d.cls == "mobile", False, "login"))
            else:
                emit(ctx, rng, "login", tl, rng.choice(cluster), worker, LABEL, C, account=u.account, email=email, success=True,
                     fill_ms=rng.uniform(1200, 2600), session=0)


def op_adaptive_distillation(ctx, n):
    """A distillation ring that changes tooling each time it is (presumably) blocked."""
    C = "fraud:adaptive_distillation_ring"
    rng = ctx.rng("op", C)
    p1_end = START + timedelta(days=2, hours=12)
    p2_end = START + timedelta(days=5)
    n1, n2 = int(n * 0.32), int(n * 0.35)
    n3 = n - n1 - n2
    own_domains = ["datalayerhq.com", "zhiyun-tech.com", "mindforge-ai.net", "tensorpath.io", "qingyun-data.com", "corpusloop.com"]
    cn = "Asia/Shanghai"
    accts = []
    # phase 1: direct API calls from Chinese cloud regions abroad
    t = START + timedelta(hours=1)
    made = 0
    while made < n1 and t < p1_end:
        lh = t.astimezone(zi(cn)).hour
        if lh < 9 or lh >= 23:
            t = after(t, 1800)
            continue
        ips = [host_ip(ctx, rng, ["tencent", "alibaba"], rng.choice(["sin", "hkg", "sjc", "tyo"]))[0] for _ in range(3)]
        dev = A.api_client("httpx")
        ts = t
        for i in range(rng.randint(20, 40)):
            ts = after(ts, rng.uniform(3, 12))
            f, l = rng.choice(P.ZH_FIRST)[1], rng.choice(P.ZH_LAST)[1]
            local = (l + f).lower() + str(rng.randint(10, 9999)) if rng.random() < .6 else l.lower() + "." + f.lower() + str(rng.randint(1, 99))
            email = local + "@" + rng.choice(own_domains)
            u = faccount(ctx, rng, C, email, local, ts)
            emit(ctx, rng, "signup", ts, rng.choice(ips), dev, LABEL, C, account=u.account, email=email, username=local)
            accts.append((u, 1))
            made += 1
            if made >= n1:
                break
        t = after(t, rng.uniform(1.5, 2.8) * 3600)
    # phase 2: puppeteer-extra stealth behind datacenter proxies
    t = p1_end + timedelta(hours=2)
    made = 0
    vms = []
    for i in range(5):
        d = playwright_device(rng, t, 144, "win", cn, ["en-US", "en"], leak_linux=rng.random() < 0.8)
        d.browser = "puppeteer"
        d.ch = A.sec_ch_ua(144, "Google Chrome")
        d.hw, d.screen = 4, "1920x1080x24"
        d.fp_seed = ("vm", i)
        vms.append(d)
    fixed_tz = START + timedelta(days=3, hours=8)
    gap = (p2_end - t).total_seconds() / max(1, n2)
    while made < n2 and t < p2_end:
        t = after(t, rng.expovariate(1 / gap))
        if t >= p2_end:
            break
        d = rng.choice(vms)
        if t >= fixed_tz and d.tz != "America/Los_Angeles":
            for v in vms:
                v.tz = "America/Los_Angeles"
        ip, _ = host_ip(ctx, rng, ["m247", "datacamp", "stark", "aeza", "leaseweb"])
        f, l = en_name(ctx, rng)
        email = P.clean(f) + "." + P.clean(l) + str(rng.randint(100, 9999)) + "@gmail.com"
        user = P.clean(f) + P.clean(l)[:3] + str(rng.randint(1, 99))
        u = faccount(ctx, rng, C, email, user, t)
        emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=user,
             fill_ms=rng.uniform(1500, 3500), session=0)
        accts.append((u, 2))
        made += 1
    # phase 3: residential proxies + antidetect profiles + human-like typing
    t = p2_end + timedelta(hours=3)
    gap = 0.72 * (END - t).total_seconds() / max(1, n3)
    made = 0
    while made < n3 and t < END:
        t = after(t, rng.expovariate(1 / gap))
        lh = t.astimezone(zi(cn)).hour
        if (lh < 8 or lh >= 24) and rng.random() < 0.5:
            continue
        if t >= END:
            break
        cc = rng.choices(["US", "CA", "GB", "SG", "JP", "KR", "AU"], [50, 8, 12, 8, 8, 6, 8])[0]
        ip, b = resi_ip(ctx, rng, cc, 0.25, 0.1)
        tz = G.CITIES[b.city]["tz"]
        langs = langs_for(rng, cc, en_bias=0.6)
        d = antidetect_device(rng, t, A.chrome_major(rng, t), "win" if rng.random() < .75 else "mac", tz, langs,
                              mobile=rng.random() < 0.1)
        f, l = en_name(ctx, rng)
        email = P.local_from_name(rng, dict(first=f, last=l)) + "@" + rng.choices(["outlook.com", "hotmail.com", "gmail.com", "icloud.com", "yahoo.com"], [35, 20, 25, 10, 10])[0]
        user = P.username_for(rng, dict(first=f, last=l, script="latin", order="western"), email.split("@")[0])
        u = faccount(ctx, rng, C, email, user, t)
        emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=user,
             fill_ms=rng.lognormvariate(0, 0.45) * 24000, session=0)
        accts.append((u, 3))
        made += 1
    # key harvesting from the backend
    backend = [host_ip(ctx, rng, ["alibaba", "tencent"], "sin", tenant="ring")[0], host_ip(ctx, rng, ["alibaba"], "hkg", tenant="ring")[0]]
    bdev = A.api_client("httpx")
    bdev.extra_headers["content-type"] = "application/x-www-form-urlencoded"
    for u, ph in accts:
        if ph >= 2 and rng.random() < 0.4:
            tl = after(u.created, rng.uniform(3, 60) * 3600)
            emit(ctx, rng, "login", tl, rng.choice(backend), bdev, LABEL, C, account=u.account, email=u.email, success=True)


def op_catchall_domains(ctx, n):
    """Cheap new domains with catch-all mail, filled in from Windows RDP VPSes."""
    C = "fraud:catchall_domain_farm"
    rng = ctx.rng("op", C)
    domains = []
    while len(domains) < 30:
        d = fresh_domain(rng, "catchall")
        if d not in domains:
            domains.append(d)
    vms = []
    for i in range(8):
        k = rng.choice(["contabo", "hostinger", "vultr", "ovh"])
        ip, city = host_ip(ctx, rng, [k])
        d = A.make_browser(rng, START, "desktop", "win", "chrome", rng.choice(["America/Los_Angeles", "UTC", "Europe/Berlin"]),
                           ["en-US", "en"], chrome_ver=rng.choice([142, 144, 145]), hw=rng.choice([2, 4]), mem=rng.choice([2, 4]),
                           screen=rng.choice(["1024x768", "1280x800", "1600x900"]))
        d.collector = 1.0
        d.webdriver = i < 2
        vms.append((d, ip))
    dc = ["colocrossing", "psychz", "quadranet"]
    cands = []
    for day in range(DAYS):
        if rng.random() < 0.2:
            continue
        base = START + timedelta(days=day, hours=rng.uniform(13, 19))
        dlist = rng.sample(domains, rng.randint(2, 5))
        for s_ in range(rng.choice([1, 2])):
            d, vip = rng.choice(vms)
            t = after(base, s_ * 3 * 3600)
            for i in range(rng.randint(20, 50)):
                t = after(t, rng.uniform(30, 140))
                if t < END:
                    cands.append((t, d, vip, dlist))
    for t, d, vip, dlist in thin_evenly(cands, n):
        ip = vip if rng.random() < 0.7 else host_ip(ctx, rng, dc)[0]
        f, l = en_name(ctx, rng, rng.choice(["en_US", "en_GB", "de_DE"]))
        local = rng.choice([P.clean(f) + "." + P.clean(l), P.clean(f), P.clean(f)[0] + P.clean(l), P.clean(f) + P.clean(l) + str(rng.randint(1, 99))])
        email = local + "@" + rng.choice(dlist)
        u = faccount(ctx, rng, C, email, local.replace(".", ""), t)
        emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=u.username,
             fill_ms=rng.uniform(2500, 5500), session=0)


def op_edu_abuse(ctx, n):
    """Purchased community-college mailboxes used to claim a student credit programme."""
    C = "fraud:edu_mailbox_abuse"
    rng = ctx.rng("op", C)
    colleges = ["student.riversidecc.edu", "my.valleycollege.edu", "stu.baycc.edu", "mail.clarkstatecc.edu", "students.mesacc.edu",
                "go.lakeshorecc.edu", "my.pinecrest.edu", "student.southwestcc.edu"]
    ops = []
    for i in range(25):
        cc = rng.choices(["NG", "PK", "IN"], [50, 30, 20])[0]
        city = pick_city(rng, cc)
        tz = G.CITIES[city]["tz"]
        langs = langs_for(rng, cc)
        d = phone(ctx, rng, START, cc, tz, langs) if rng.random() < 0.5 else desktop(ctx, rng, START, cc, tz, langs, "student")
        d.collector = 0.0 if rng.random() < 0.2 else 1.0    # some block the collector script outright
        vpn = VpnConn(ctx, rng, ["packethub", "datacamp", "m247", "expressvpn"], ["nyc", "la", "chi", "dal", "mia"], sticky=0.5)
        mc = mobile_conn(ctx, rng, cc, city)
        ops.append((cc, tz, d, vpn, mc))
    for i in range(n):
        cc, tz, d, vpn, mc = rng.choice(ops)
        t = sample_time(rng, tz, "consumer", cc)
        conn = vpn if rng.random() < 0.7 else mc
        ip = conn.ip(ctx, rng, t, d)
        f, l = en_name(ctx, rng, rng.choice(["en_US", "en_US", "es_MX"]))
        local = rng.choice([P.clean(f)[0] + P.clean(l) + str(rng.randint(1, 999)), P.clean(f) + "." + P.clean(l), "s" + str(rng.randint(1000000, 9999999))])
        email = local + "@" + rng.choice(colleges)
        user = P.clean(f) + P.clean(l)[:1] + str(rng.randint(1, 99))
        u = faccount(ctx, rng, C, email, user, t, cc, tz)
        emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=user,
             fill_ms=human_fill(rng, d.cls == "mobile", False, "signup", 0.7), query="utm_source=students&promo=EDU2026")


def op_multi_accounters(ctx, n):
    """Ordinary individuals opening several free accounts each from their own devices."""
    C = "fraud:multi_account_individuals"
    rng = ctx.rng("op", C)
    made = 0
    W = {"IN": 20, "PK": 8, "BD": 6, "EG": 6, "NG": 8, "ID": 7, "VN": 7, "BR": 6, "US": 8, "RU": 4, "CN": 4, "TR": 5, "PH": 5, "MX": 3}
    while made < n:
        cc = wpick(rng, W)
        city = pick_city(rng, cc)
        tz = G.CITIES[city]["tz"]
        langs = langs_for(rng, cc)
        d = desktop(ctx, rng, START, cc, tz, langs, "student") if rng.random() < 0.55 else phone(ctx, rng, START, cc, tz, langs)
        if cc in ("CN", "RU"):
            conn = VpnConn(ctx, rng, ["m247", "datacamp", "expressvpn"], ["hkg", "tyo", "sin", "fra", "ams"])
        else:
            conn = home_conn(ctx, rng, cc, city) if d.cls == "desktop" else mobile_conn(ctx, rng, cc, city)
        vpn = VpnConn(ctx, rng, ["packethub", "m247", "datacamp", "proton"], ["nyc", "ams", "fra", "lon", "sin"], sticky=0.6)
        p = ctx.ppl.person(rng, cc)
        base_user = P.clean(p["first"]) + rng.choice(["", "_", "."]) + P.clean(p["last"])[:4]
        k = min(n - made, rng.randint(3, 7))
        t = sample_time(rng, tz, "consumer", cc, before=START + timedelta(days=6))
        if t is None:
            continue
        for j in range(k):
            if j == 0:
                email, _ = P.consumer_email(rng, p, cc, typo_rate=0)
            else:
                r = rng.random()
                lp = email.split("@")[0].split("+")[0]
                if r < 0.35 and "gmail" in email:
                    email = lp + "+" + rng.choice(["1", "2", "3", "new", "x", "ai", str(j)]) + "@gmail.com"
                elif r < 0.6:
                    email = lp + str(rng.randint(1, 99)) + "@" + rng.choice(["outlook.com", "yahoo.com", "hotmail.com", "gmail.com"])
                elif r < 0.8:
                    email = rand_alnum(rng, 9) + "@" + rng.choice(P.DISPOSABLE_PUBLIC)
                else:
                    e2, _ = P.consumer_email(rng, ctx.ppl.person(rng, cc), cc, typo_rate=0)
                    email = e2
            user = base_user + (str(j + 1) if j else "") if rng.random() < .7 else rng.choice(P.ADJ) + rng.choice(P.NOUN) + str(rng.randint(1, 99))
            c = vpn if (j > 0 and rng.random() < 0.4) else conn
            ip = c.ip(ctx, rng, t, d)
            u = faccount(ctx, rng, C, email, user, t, cc, tz)
            emit(ctx, rng, "signup", t, ip, d, LABEL, C, account=u.account, email=email, username=user,
                 fill_ms=human_fill(rng, d.cls == "mobile", rng.random() < 0.3, "signup", 0.7))
            made += 1
            if rng.random() < 0.4:
                emit(ctx, rng, "login", after(t, rng.uniform(1, 30) * 3600), conn.ip(ctx, rng, t, d), d, LABEL, C,
                     account=u.account, email=email, success=True, fill_ms=human_fill(rng, d.cls == "mobile", False, "login"))
            lo = after(t, rng.uniform(0.3, 30) * 3600)
            if lo >= END:
                break
            nt = sample_time(rng, tz, "consumer", cc, after=lo, before=min(END, lo + timedelta(days=1)))
            if nt is None:
                break
            t = nt
