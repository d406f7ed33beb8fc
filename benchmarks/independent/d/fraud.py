"""Fraud operations."""
import random as _random

from geodata import CITIES, DISPOSABLE_KNOWN, DISPOSABLE_FRESH, COUNTRIES, LANGS
from util import wpick, hhex, h64, sub_rng, WeightedChoice
from sim import Ctx, Persona, DUR, LAUNCH, sample_local, shift_to_waking, local_hour, tz_offset, HOURLY
from devices import browser_device, cli_device, sec_ch_ua, Device, SWIFTSHADER, VM_GPU, fill_human, pick_desktop_cls

RESI_COUNTRIES = [(45, "US"), (8, "GB"), (6, "DE"), (6, "CA"), (4, "FR"), (5, "BR"), (6, "IN"), (4, "AU"), (3, "JP"), (2, "NL"),
                  (2, "ES"), (2, "IT"), (2, "MX"), (2, "PL"), (1.5, "TR"), (1.5, "ID"), (1.5, "VN"), (1, "PH"), (1, "AR"), (1, "ZA")]
DC_PROXY_HOSTS = ["vultrix", "kontabyte", "ovaris", "hertzwerk", "lowend", "ironside", "tidepool", "m247", "datapark", "kilnode", "oraculum"]


def _geo_tz(iso, city):
    if city is not None:
        return city["tz"]
    return max(CITIES[iso], key=lambda c: c["w"])["tz"]


def resi_ip(sim, r, iso, mobile_share=0.15):
    """An exit of a residential proxy network: a real subscriber line or phone of a national ISP/carrier."""
    w = sim.world
    if r.random() < mobile_share and iso in sim.mob_pick:
        a = sim.mob_pick[iso].pick(r)
        city = sim.pick_city(r, iso)
        if a.v6 and a.attrs.get("mv6") and r.random() < 0.25:
            return w.ip6_mobile(a, city, r), city
        pool_city = city if r.random() < 0.6 else None
        return w.ip_cgnat(a, pool_city, r, "mobile"), pool_city
    a = sim.isp_pick[iso].pick(r)
    city = sim.pick_city(r, iso)
    if a.attrs.get("cgnat"):
        return w.ip_cgnat(a, city, r, "fixed"), city
    bl = w.blocks_for(a, "fixed", city)
    b = bl[r.randrange(len(bl))]
    return w.v4str(w.host_in(b, r.getrandbits(32))), b.city


def dc_ip(sim, r, hosts=DC_PROXY_HOSTS):
    w = sim.world
    a = w.hosting[r.choice(hosts)]
    bl = [b for b in a.blocks if b.use == "dc"]
    b = bl[r.randrange(len(bl))]
    return w.v4str(w.host_in(b, r.getrandbits(32))), b.city


class ProxyNet:
    """Rotating proxy with sticky sessions of `sticky` seconds."""

    def __init__(self, gen, sticky=600.0):
        self.gen, self.sticky = gen, sticky
        self.key, self.ip = None, None
        self.asn = None

    def __call__(self, t, r):
        k = int(t // self.sticky)
        if k != self.key:
            self.key = k
            self.ip = self.gen(r)
        return self.ip


class FixedNet:
    def __init__(self, ip):
        self.ip = ip
        self.asn = None

    def __call__(self, t, r):
        return self.ip


def new_fraud_persona(sim, rng, camp, iso, city=None, name_iso=None, langs=None):
    city = city or sim.pick_city(rng, iso)
    p = Persona(sim.new_uid("f"), iso, city, city["tz"], langs or sim.pick_langs(rng, iso), None, None, "fraud", camp)
    p.first, p.last = sim.ids.name(rng, name_iso or iso)
    return p


def bought_email(sim, rng, first, last, domains=((50, "gmail.com"), (25, "outlook.com"), (15, "hotmail.com"), (10, "yahoo.com"))):
    """Aged accounts from account shops: name-like with digits."""
    dom = wpick(rng, list(domains))
    for _ in range(20):
        style = wpick(rng, [(35, "{f}{l}{nnnn}"), (20, "{f}.{l}{nn}"), (15, "{f}{l}{yyyy}"), (10, "{l}{f}{nnn}"), (10, "{f}_{l}{nn}"), (10, "{fi}{l}{nnnn}")])
        local = sim.ids.local_part(rng, first, last, style=style)
        e = local + "@" + dom
        if sim.ids.claim_email(e):
            return e
    return sim.ids.consumer_email(rng, "US", first, last, domain=dom)


def fraud_login(sim, p, ctx, t, rng, success=True, **kw):
    if t >= DUR:
        return
    sim.login(p, ctx, t, rng, success=success, **kw)


# ---------------------------------------------------------------------------- F1
def distill_farm(sim, seed):
    """Residential-proxy account farm feeding a distillation pipeline. Adapts on day ~5.6."""
    rng = sub_rng(seed, "f1")
    camp = "fraud:resi_proxy_distill_farm"
    switch = 5.6 * 86400
    rcw = WeightedChoice([c for _, c in RESI_COUNTRIES], [w for w, _ in RESI_COUNTRIES])
    tmpl_recs = [sim.ua.pick(rng, "win_chrome") for _ in range(6)]
    screensA = ["1920x1080x24", "1366x768x24", "1536x864x24"]
    gpusA = ["ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 (0x00001F99) Direct3D11 vs_5_0 ps_5_0, D3D11)",
             "ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)",
             "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)"]
    recsB = [sim.ua.pick(rng, wpick(rng, [(60, "win_chrome"), (20, "win_edge"), (20, "mac_chrome")])) for _ in range(25)]
    times = []
    # phase A: batches run by an operator in UTC+8
    d = 0.6 * 86400
    while d < switch:
        day = int(d // 86400)
        for start_h in sorted(rng.sample([1.5, 3, 5, 7.5, 9, 12.5, 14], rng.choice([1, 2, 2, 3]))):
            t = day * 86400 + start_h * 3600 + rng.uniform(0, 1800)
            if t < 0.6 * 86400 or t >= switch:
                continue
            for _ in range(rng.randint(25, 70)):
                t += rng.expovariate(1 / 75.0) + 8
                times.append((t, "A"))
        d = (day + 1) * 86400
    # phase B: continuous 24/7, ramps after the launch
    t = switch
    while t < DUR:
        rate = 5.0 if t < LAUNCH else (9.5 if t < LAUNCH + 2 * 86400 else 6.0)
        t += rng.expovariate(rate / 3600.0)
        if t < DUR:
            times.append((t, "B"))
    for t, phase in times:
        r = _random.Random(rng.random())
        iso = rcw.pick(r)
        first, last = sim.ids.name(r, iso if r.random() < 0.3 else "US")
        p = Persona(sim.new_uid("f"), iso, None, None, None, first, last, "fraud", camp)
        gen_state = {}

        def gen(rr, iso=iso):
            ip, city = resi_ip(sim, rr, iso, 0.18)
            gen_state["city"] = city
            return ip
        net = ProxyNet(gen, sticky=rng.choice([300, 600, 900]))
        first_ip = net(t, r)
        if phase == "A":
            rec = r.choice(tmpl_recs)
            dev = browser_device(r, sim.ua, "win_chrome", "America/New_York", ["en-US", "en"], ua_rec=rec,
                                 screen=r.choice(screensA), hw=r.choice([4, 8, 12]), mem=8, gpu=r.choice(gpusA), touch=0,
                                 canvas=hhex(10, "noise", p.uid))
            fill = int(r.uniform(6000, 14000))
        else:
            city = gen_state.get("city")
            tz = _geo_tz(iso, city)
            langs = sim.pick_langs(r, iso) if r.random() < 0.7 else ["en-US", "en"]
            rec = r.choice(recsB)
            cls = "mac_chrome" if "Macintosh" in rec["useragent"] else ("win_edge" if "Edg/" in rec["useragent"] else "win_chrome")
            dev = browser_device(r, sim.ua, cls, tz, langs, ua_rec=rec, canvas=hhex(10, "noise", p.uid), iso=iso)
            fill = int(max(7000, r.lognormvariate(0, 0.33) * 21000))
        if phase == "A":
            p.email = bought_email(sim, r, first, last, ((40, "outlook.com"), (30, "hotmail.com"), (30, "gmail.com")))
        else:
            p.email = bought_email(sim, r, first, last, ((30, "outlook.com"), (15, "hotmail.com"), (15, "gmail.com"), (12, "mail.com"),
                                                         (8, "gmx.com"), (5, "email.com"), (5, "usa.com"), (5, "proton.me"), (5, "yahoo.com")))
        p.username = (p.email.split("@")[0].replace(".", "")[:30] if r.random() < 0.8 else sim.ids.username(r, first, last))
        if p.username in sim.ids.usernames:
            p.username += str(r.randint(10, 99))
        sim.ids.usernames.add(p.username)
        p.tz = dev.attrs["timezone"]
        ctx = Ctx(net, dev, "farm", referer=None if r.random() < 0.7 else "?next=%2Fsettings%2Fkeys")
        sim.signup(p, ctx, t, r, fill=fill)
        if r.random() < 0.65:
            t2 = t + r.uniform(45, 900)
            fraud_login(sim, p, ctx, t2, r, success=r.random() > 0.03, fill=int(r.uniform(2500, 6000)))
        if r.random() < 0.35:
            t3 = t + r.uniform(1, 4) * 86400
            fraud_login(sim, p, ctx, t3, r, fill=int(r.uniform(2500, 6000)))


# ---------------------------------------------------------------------------- F2
def antidetect(sim, seed):
    """Human operators in anti-detect browsers (consistent spoofed profiles), behind mobile and residential proxies."""
    rng = sub_rng(seed, "f2")
    camp = "fraud:antidetect_operators"
    crews = [("A", 3, [(50, "US"), (20, "CA"), (30, "GB")], 190), ("B", 8, [(50, "US"), (20, "JP"), (15, "SG"), (15, "GB")], 200),
             ("C", 7, [(70, "US"), (30, "AU")], 170)]
    for name, off_h, targets, n in crews:
        workers = rng.randint(2, 4)
        for i in range(n):
            r = _random.Random(rng.random())
            # crew works 09:00-19:30 in its own clock, six days a week
            while True:
                day = r.randrange(0, 14)
                if day % 7 == 6 and r.random() < 0.85:
                    continue
                t = day * 86400 + r.uniform(9, 19.5) * 3600 - off_h * 3600
                if 0 <= t < DUR:
                    break
            iso = wpick(r, targets)
            p = new_fraud_persona(sim, r, camp, iso)
            mobile_proxy = r.random() < 0.45
            city_box = {}

            def gen(rr, iso=iso, mp=mobile_proxy):
                ip, c = resi_ip(sim, rr, iso, 1.0 if mp else 0.0)
                return ip
            net = ProxyNet(gen, sticky=r.choice([600, 1800]))
            ip0 = net(t, r)
            cls = wpick(r, [(55, "win_chrome"), (30, "mac_chrome"), (10, "win_edge"), (5, "linux_chrome")])
            dev = browser_device(r, sim.ua, cls, p.tz, p.langs, canvas=hhex(10, "adprofile", p.uid), iso=iso)
            # leaks of the anti-detect kernel
            if r.random() < 0.2 and dev.ch:
                m = int(dev.ua.split("Chrome/")[1].split(".")[0]) - r.choice([2, 3, 4])
                dev.ch = sec_ch_ua(m, "Google Chrome")
            if r.random() < 0.08 and cls.startswith("mac"):
                dev.attrs["webgl_renderer"] = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)"
            if r.random() < 0.06:
                dev.attrs["hardware_concurrency"] = r.choice([3, 5, 7])
            p.email = bought_email(sim, r, p.first, p.last, ((60, "gmail.com"), (25, "outlook.com"), (10, "yahoo.com"), (5, "proton.me")))
            p.username = sim.ids.username(r, p.first, p.last, p.email)
            ctx = Ctx(net, dev, "adb", referer=wpick(r, [(60, None), (20, "?ref=docs"), (20, "?utm_source=google&utm_medium=cpc&utm_campaign=brand")]))
            sim.signup(p, ctx, t, r, fill=int(max(4000, r.lognormvariate(0, 0.5) * 14000)))
            if r.random() < 0.7:
                fraud_login(sim, p, ctx, t + r.uniform(120, 3600), r)
            if r.random() < 0.4:
                for _ in range(r.randint(1, 2)):
                    day = min(13, int(t // 86400) + r.randint(1, 5))
                    t2 = day * 86400 + r.uniform(9, 19.5) * 3600 - off_h * 3600
                    if t2 > t:
                        fraud_login(sim, p, ctx, t2, r)


# ---------------------------------------------------------------------------- F3
def headless_scripts(sim, seed):
    """Cloud-hosted scripts. Phase 1: direct API + headless from a few VPS; phase 2: stealth
    Playwright through datacenter proxies; phase 3: rotating IPv6 from one hosting /48."""
    rng = sub_rng(seed, "f3")
    camp = "fraud:cloud_headless_scripts"
    w = sim.world
    vps = []
    for k in ("kontabyte", "vultrix", "ovaris", "lowend"):
        a = w.hosting[k]
        b = rng.choice([b for b in a.blocks if b.use == "dc"])
        for j in range(2):
            vps.append(w.v4str(w.host_in(b, rng.getrandbits(32))))
    headless_rec = {"useragent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36",
                    "browser": "Chrome", "browser_version": "131.0.6778.33", "os_version": ""}
    stealth_rec = sim.ua.pick(rng, "win_chrome")
    # phase 1
    bursts = sorted(rng.uniform(1.2, 4.3) * 86400 for _ in range(8))
    jobs = []
    for bt in bursts:
        n = rng.randint(25, 60)
        ips = rng.sample(vps, 2)
        t = bt
        for _ in range(n):
            t += rng.expovariate(1 / 9.0) + 1.5
            jobs.append((t, 1, rng.choice(ips)))
    # phase 2
    d = 4.6 * 86400
    while d < 9.0 * 86400:
        for s in rng.sample([0, 1, 2, 3], 2):
            t = int(d // 86400) * 86400 + (2 + s * 5 + rng.uniform(0, 2)) * 3600
            end = t + rng.uniform(2, 3.5) * 3600
            while t < end:
                t += rng.expovariate(14 / 3600.0)
                if 4.6 * 86400 <= t < 9.0 * 86400:
                    jobs.append((t, 2, None))
        d += 86400
    # phase 3
    a6 = w.hosting[rng.choice(["kontabyte", "tidepool", "hertzwerk"])]
    c6 = rng.choice([b.city for b in a6.blocks if b.use == "dc"])
    t = 9.1 * 86400
    while t < DUR:
        t += rng.expovariate(1.8 / 3600.0)
        if t < DUR and 8 <= ((t / 3600) % 24) <= 22:
            jobs.append((t, 3, None))
    for t, phase, ip in jobs:
        r = _random.Random(rng.random())
        p = Persona(sim.new_uid("f"), "US", None, "UTC", ["en-US"], None, None, "fraud", camp)
        if phase == 1:
            net = FixedNet(ip)
            if r.random() < 0.6:
                dev = cli_device(r, "python-requests")
                form = "api" if r.random() < 0.7 else {"honeypot": ""}
                ctx = Ctx(net, dev, "script", form=form)
                fill = None
            else:
                dev = browser_device(r, sim.ua, "linux_chrome", "UTC", ["en-US"], ua_rec=headless_rec, screen="800x600x24",
                                     hw=r.choice([2, 4]), mem=8, gpu=SWIFTSHADER, webdriver=True, touch=0, canvas="headless131")
                dev.ch = sec_ch_ua(131, "HeadlessChrome")
                ctx = Ctx(net, dev, "headless")
                fill = int(r.uniform(250, 1500))
            u = hhex(r.randint(8, 12), "f3", p.uid).translate(str.maketrans("0123456789", "qwrtypsdfg")) + str(r.randint(1, 999))
            dom = r.choice(DISPOSABLE_KNOWN) if r.random() < 0.55 else (r.choice(DISPOSABLE_FRESH) if r.random() < 0.7 else "gmail.com")
            p.email = u + "@" + dom
            p.username = u[:12]
            hp = "" if (ctx.form == "api" or r.random() < 0.7) else r.choice(["http://" + u[:6] + ".com", u[:8], "John"])
        else:
            if phase == 2:
                net = ProxyNet(lambda rr: dc_ip(sim, rr)[0], sticky=5)
                tz = "UTC" if r.random() < 0.6 else "America/New_York"
            else:
                key = ("v6rot", a6.number)
                net = ProxyNet(lambda rr: w.ip6_host(a6, c6, key, rr, rotate48=True), sticky=5)
                tz = "America/Los_Angeles"
            dev = browser_device(r, sim.ua, "win_chrome", tz, ["en-US", "en"], ua_rec=stealth_rec, screen="1920x1080x24",
                                 hw=r.choice([2, 4]), mem=8, gpu=r.choice([SWIFTSHADER, VM_GPU]), touch=0,
                                 platform="Linux x86_64" if r.random() < 0.7 else None, canvas=hhex(10, "f3c", phase, r.randrange(3)))
            ctx = Ctx(net, dev, "stealth", referer=None)
            fill = int(r.uniform(1500, 4000) if phase == 2 else r.uniform(2000, 5000))
            first, last = sim.ids.name(r, "US")
            p.first, p.last = first, last
            p.email = bought_email(sim, r, first, last, ((70, "gmail.com"), (30, "outlook.com")) if phase == 2 else ((60, "outlook.com"), (40, "hotmail.com")))
            p.username = p.email.split("@")[0][:24]
            hp = ""
        sim.ids.claim_email(p.email)
        if p.username in sim.ids.usernames:
            p.username += str(r.randint(100, 999))
        sim.ids.usernames.add(p.username)
        sim.signup(p, ctx, t, r, fill=fill, honeypot=hp)
        if r.random() < 0.5:
            fraud_login(sim, p, ctx, t + r.uniform(3, 120), r, fill=(int(r.uniform(200, 900)) if fill else None))


# ---------------------------------------------------------------------------- F4
def sim_farms(sim, seed):
    """Phone farms: racks of identical Android phones on a mobile carrier, airplane-mode IP rotation."""
    rng = sub_rng(seed, "f4")
    camp = "fraud:sim_farm_mobile"
    w = sim.world
    farms = [("ID", "Jakarta", 370, [("384x832x24", "Mali-G57 MC2", 4), ("360x800x24", "PowerVR Rogue GE8320", 4)], (8, 23)),
             ("VN", "Hanoi", 180, [("393x873x24", "Adreno (TM) 610", 4)], (8, 22)),
             ("IN", "Noida", 110, [("360x800x24", "Mali-G52 MC2", 4), ("393x873x24", "Adreno (TM) 610", 4)], (9, 22))]
    for iso, cname, n, models, (h0, h1) in farms:
        city = w.city_by_name[(iso, cname)]
        carriers = [a for _, a in w.mobiles[iso]]
        carrier = carriers[0] if iso != "IN" else next((a for a in carriers if a.v6 and a.attrs.get("mv6")), carriers[0])
        rec = None
        for _ in range(50):
            rec = sim.ua.pick(rng, "android_chrome")
            if "Chrome/13" in rec["useragent"]:
                break
        langs = sim.pick_langs(rng, iso) if rng.random() < 0.5 else ["en-US", "en"]
        phones = []
        for i in range(rng.randint(40, 90)):
            scr, gpu, mem = rng.choice(models)
            phones.append(browser_device(rng, sim.ua, "android_chrome", city["tz"], langs, ua_rec=rec, screen=scr, gpu=gpu, mem=mem,
                                         hw=8, touch=5, platform="Linux aarch64", canvas=hhex(10, "farm", iso, scr, gpu), iso=iso))
        off = tz_offset(city["tz"])
        start_day = rng.uniform(1, 3)
        ts = []
        t = start_day * 86400
        while len(ts) < n and t < DUR:
            t += rng.expovariate(1 / 380.0)
            lh = ((t + off) / 3600) % 24
            if h0 <= lh < h1:
                ts.append(t)
            else:
                t += 3600
        for t in ts:
            r = _random.Random(rng.random())
            p = new_fraud_persona(sim, r, camp, iso, city=city, langs=langs)
            dev = r.choice(phones)
            use_v6 = bool(carrier.v6) and carrier.attrs.get("mv6")

            def gen(rr, carrier=carrier, city=city, use_v6=use_v6):
                if use_v6 and rr.random() < 0.85:
                    return w.ip6_mobile(carrier, city, rr)
                return w.ip_cgnat(carrier, city if rr.random() < 0.6 else None, rr, "mobile")
            net = ProxyNet(gen, sticky=240)
            p.email = sim.ids.consumer_email(r, iso, p.first, p.last, domain="gmail.com", digits_bias=1.0)
            p.username = sim.ids.username(r, p.first, p.last, p.email)
            ctx = Ctx(net, dev, "farm-phone", referer=None)
            fill = int(r.uniform(9000, 16000)) if r.random() < 0.7 else fill_human(r, True)
            sim.signup(p, ctx, t, r, fill=fill)
            if r.random() < 0.5:
                fraud_login(sim, p, ctx, t + r.uniform(120, 1200), r)
            if r.random() < 0.3:
                fraud_login(sim, p, ctx, shift_to_waking(r, t + r.uniform(1, 5) * 86400, city["tz"]), r)


# ---------------------------------------------------------------------------- F5
def click_farm(sim, seed):
    """Paid human workers creating accounts on their own devices in waves."""
    rng = sub_rng(seed, "f5")
    camp = "fraud:human_click_farm"
    w = sim.world
    waves = [3.1 * 86400, 7.2 * 86400, 10.4 * 86400]
    wc = [(25, "BD"), (20, "PK"), (20, "NG"), (10, "KE"), (10, "VN"), (10, "PH"), (5, "EG")]
    cafes = {}
    workers = []
    for i in range(34):
        iso = wpick(rng, wc)
        city = sim.pick_city(rng, iso)
        wp = new_fraud_persona(sim, rng, camp, iso, city=city, langs=["en-US", "en"] if rng.random() < 0.7 else None)
        kind = wpick(rng, [(45, "phone"), (30, "cafe"), (25, "home")])
        if kind == "phone":
            dev = sim.phone(rng, wp, cls="android_chrome", blocked=False)
            net = sim.net_mobile(wp, rng)
        elif kind == "cafe":
            key = (iso, city["name"], rng.randrange(3))
            if key not in cafes:
                isp = sim.isp_pick[iso].pick(rng)
                cafes[key] = sim.net_static(isp, city, [("cafe",) + key], "fixed")
            net = cafes[key]
            dev = sim.desktop(rng, wp, cls="win_chrome", blocked=False)
        else:
            net = sim.net_home(wp, rng)
            dev = sim.desktop(rng, wp, cls=wpick(rng, [(80, "win_chrome"), (20, "win_edge")]), blocked=False)
        if rng.random() < 0.3:
            net = sim.net_vpn(rng, iso_pref="US", brand="freevpn", sticky=False)
        workers.append((wp, dev, net, rng.randint(4, 12), rng.random() < 0.6))
    for wave in waves:
        for wp, dev, net, per_wave, us_names in workers:
            if rng.random() < 0.2:
                continue
            t = wave + rng.uniform(0, 30) * 3600
            t = shift_to_waking(rng, t, wp.tz, 2.0)
            for k in range(max(1, int(per_wave * rng.uniform(0.5, 1.3)))):
                r = _random.Random(rng.random())
                p = Persona(sim.new_uid("f"), wp.iso, wp.city, wp.tz, wp.langs, None, None, "fraud", camp)
                p.first, p.last = sim.ids.name(r, "US" if us_names else wp.iso)
                p.email = sim.ids.consumer_email(r, "US", p.first, p.last, domain="gmail.com" if r.random() < 0.85 else None, digits_bias=0.8)
                p.username = sim.ids.username(r, p.first, p.last, p.email)
                ctx = Ctx(net, dev, "worker", referer=None)
                sim.signup(p, ctx, t, r, fill=int(max(15000, r.lognormvariate(0, 0.5) * (60000 if dev.mobile else 45000))))
                if r.random() < 0.3:
                    fraud_login(sim, p, ctx, t + r.uniform(60, 600), r)
                t += r.uniform(4, 15) * 60


# ---------------------------------------------------------------------------- F6
def _dot_variant(local, r):
    s = local.replace(".", "")
    pos = sorted(r.sample(range(1, len(s)), min(len(s) - 1, r.randint(1, 3))))
    out, last = [], 0
    for p_ in pos:
        out.append(s[last:p_])
        last = p_
    out.append(s[last:])
    return ".".join(out)


def alias_rings(sim, seed):
    """Free-credit farming with one mailbox: plus tags and Gmail dot variants. Some rings switch from plus to dots."""
    rng = sub_rng(seed, "f6")
    camp = "fraud:gmail_alias_ring"
    cw = [(15, "IN"), (10, "PK"), (10, "NG"), (8, "BR"), (10, "US"), (8, "VN"), (8, "ID"), (6, "EG"), (6, "TR"), (5, "BD"), (4, "PH"), (4, "MX"), (6, "UA")]
    for ring in range(18):
        iso = wpick(rng, cw)
        op = sim.persona(rng, "fraud", camp, iso=iso)
        base = sim.ids.local_part(rng, op.first, op.last, style=rng.choice(["{f}{l}", "{f}{l}{nn}", "{f}{l}{yyyy}", "{fi}{l}{nnn}"])).replace(".", "")
        provider = "gmail.com" if rng.random() < 0.8 else rng.choice(["outlook.com", "proton.me"])
        size = rng.randint(12, 55)
        mode = wpick(rng, [(40, "plus_then_dots"), (30, "dots"), (20, "plus"), (10, "mixed")]) if provider == "gmail.com" else "plus"
        switch_at = rng.randint(6, 15)
        dev1 = sim.desktop(rng, op, blocked=False)
        dev2 = sim.desktop(rng, op, blocked=False) if rng.random() < 0.3 else None
        net = sim.net_home(op, rng) if rng.random() < 0.7 else sim.net_vpn(rng, iso_pref=rng.choice(["US", "GB", "DE"]), sticky=False)
        t = sample_local(rng, op.tz, hourly=[1, 0.5, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2, 2, 2, 2.5, 3, 3, 3.5, 4, 4.5, 5, 5, 4, 2.5])
        used = set()
        for k in range(size):
            r = _random.Random(rng.random())
            m = mode
            if mode == "plus_then_dots":
                m = "plus" if k < switch_at else "dots"
            elif mode == "mixed":
                m = r.choice(["plus", "dots", "googlemail"])
            for _ in range(30):
                if m == "plus":
                    tag = wpick(r, [(40, str(k + 1)), (20, "lumora%d" % (k + 1)), (20, r.choice("abcdefghijklmnopqrstuvwxyz") * r.randint(1, 3)), (20, "ai" + str(r.randint(1, 999)))])
                    email = "%s+%s@%s" % (base, tag, provider)
                elif m == "dots":
                    email = _dot_variant(base, r) + "@gmail.com"
                else:
                    email = _dot_variant(base, r) + "@googlemail.com" if r.random() < 0.6 else base + "@googlemail.com"
                if r.random() < 0.1:
                    email = email[0].upper() + email[1:]
                if email.lower() not in used and sim.ids.claim_email(email):
                    used.add(email.lower())
                    break
            p = Persona(sim.new_uid("f"), op.iso, op.city, op.tz, op.langs, op.first, op.last, "fraud", camp)
            p.email = email
            p.username = sim.ids.username(r, op.first, op.last)
            dev = dev2 if (dev2 and r.random() < 0.4) else dev1
            ctx = Ctx(net, dev, "ring", referer=None if r.random() < 0.8 else "?ref=pricing")
            fill = int(r.uniform(5000, 12000)) if r.random() < 0.6 else fill_human(r)
            sim.signup(p, ctx, t, r, fill=fill)
            if r.random() < 0.5:
                fraud_login(sim, p, ctx, t + r.uniform(60, 900), r)
            if r.random() < 0.2:
                fraud_login(sim, p, ctx, t + r.uniform(1, 5) * 86400, r)
            t += r.uniform(3, 25) * 60 if r.random() < 0.85 else r.uniform(8, 30) * 3600
            if t >= DUR:
                break


# ---------------------------------------------------------------------------- F7
CATCHALL_WORDS = ["quill", "fern", "bright", "meadow", "nova", "crest", "hexa", "pod", "lumen", "tarn", "zephy", "orbit", "vanta",
                  "kelp", "mosaic", "ember", "prism", "cobalt", "aster", "glint", "rune", "sable", "tundra", "vale"]


def _burner_domain(r):
    a, b = r.sample(CATCHALL_WORDS, 2)
    return a + b + r.choice([".xyz", ".top", ".online", ".site", ".shop", ".icu", ".store", ".com", ".click", ".info"])


def catchall(sim, seed):
    """Operator with catch-all MX on burner domains; static ISP proxies; a handful of fingerprint templates."""
    rng = sub_rng(seed, "f7")
    camp = "fraud:catchall_domains"
    w = sim.world
    proxies = []
    for k in ("lakeside", "northgate", "verdant", "rheinland", "mapleridge", "southerncross"):
        a = w.isp_proxies[k]
        for b in a.blocks:
            for j in range(6):
                proxies.append((w.v4str(w.host_in(b, rng.getrandbits(32))), b.city))
    tmpl_tz = {"US": ["America/Chicago", "America/New_York"], "GB": ["Europe/London"], "DE": ["Europe/Berlin"], "CA": ["America/Toronto"], "AU": ["Australia/Sydney"]}
    tmpl_lang = {"US": ["en-US", "en"], "GB": ["en-GB", "en"], "DE": ["de-DE", "de", "en-US", "en"], "CA": ["en-CA", "en"], "AU": ["en-AU", "en"]}
    templates = {}
    for iso, tzs in tmpl_tz.items():
        templates[iso] = []
        for i in range(3):
            cls = wpick(rng, [(70, "win_chrome"), (30, "mac_chrome")])
            tz = rng.choice(tzs) if rng.random() < 0.85 else "America/Chicago"
            templates[iso].append(browser_device(rng, sim.ua, cls, tz, tmpl_lang[iso] if rng.random() < 0.7 else ["en-US", "en"], canvas=hhex(10, "tmpl", iso, i)))
    t = rng.uniform(0.3, 1.0) * 86400
    domain_no = 0
    while t < DUR:
        dom = _burner_domain(rng)
        domain_no += 1
        n = rng.randint(35, 80)
        for k in range(n):
            # operator works 07:00-17:00 UTC
            while not (7 <= (t / 3600) % 24 < 17):
                t += 1800
            if t >= DUR:
                break
            r = _random.Random(rng.random())
            ip, pcity = proxies[(h64(dom, k // r.randint(3, 8)) % len(proxies))]
            first, last = sim.ids.name(r, "US" if r.random() < 0.8 else r.choice(["GB", "CA", "DE"]))
            style = wpick(r, [(60, "{f}.{l}"), (25, "{f}{l}{nn}"), (15, "{handle}")])
            local = sim.ids.local_part(r, first, last, style=style)
            email = local + "@" + dom
            if not sim.ids.claim_email(email):
                email = local + str(r.randint(2, 99)) + "@" + dom
                sim.ids.claim_email(email)
            p = Persona(sim.new_uid("f"), pcity["country"], pcity, pcity["tz"], ["en-US", "en"], first, last, "fraud", camp)
            p.email = email
            p.username = sim.ids.username(r, first, last, email)
            tl = templates[pcity["country"]]
            dev = tl[(domain_no + k // 20) % len(tl)]
            ctx = Ctx(FixedNet(ip), dev, "catchall", referer=None)
            sim.signup(p, ctx, t, r, fill=int(r.uniform(3000, 8000)))
            if r.random() < 0.55:
                fraud_login(sim, p, ctx, t + r.uniform(20, 300), r, fill=int(r.uniform(1500, 3000)))
            t += r.expovariate(1 / 420.0) + 30
        t += rng.uniform(2, 20) * 3600


STARTUP_A = ["token", "vector", "prompt", "lattice", "cortex", "neuro", "synth", "infer", "graph", "tensor", "quanta", "embed", "kernel", "logit"]
STARTUP_B = ["loom", "ly", "forge", "scale", "mint", "stack", "nest", "wave", "spark", "base", "pilot", "labs", "shift", "grid"]


def fake_startups(sim, seed):
    """Fake companies abusing startup credits: fresh domains, 4-12 'team members' in an hour."""
    rng = sub_rng(seed, "f7b")
    camp = "fraud:fake_startup_teams"
    w = sim.world
    for team in range(24):
        dom = rng.choice(STARTUP_A) + rng.choice(STARTUP_B) + rng.choice([".ai", ".io", ".dev", ".co", ".app"])
        iso = wpick(rng, [(60, "US"), (15, "GB"), (10, "CA"), (10, "DE"), (5, "NL")])
        how = wpick(rng, [(40, "resi"), (35, "ispproxy"), (25, "hosting")])
        if how == "resi":
            ip, city = resi_ip(sim, rng, iso, 0.0)
            city = city or sim.pick_city(rng, iso)
        elif how == "ispproxy":
            a = rng.choice([w.isp_proxies[k] for k in ("lakeside", "northgate")] if iso == "US" else list(w.isp_proxies.values()))
            b = rng.choice(a.blocks)
            ip, city = w.v4str(w.host_in(b, rng.getrandbits(32))), b.city
        else:
            ip, city = dc_ip(sim, rng, ["axiom", "tidepool", "nimbus", "kilnode"])
        tz = city["tz"]
        t = sample_local(rng, tz, hourly=[0.1] * 8 + [3, 5, 5, 5, 3, 5, 5, 5, 3, 1] + [0.3] * 6)
        size = rng.randint(4, 12)
        style = rng.choice(["{f}.{l}", "{f}", "{fi}{l}"])
        invites = rng.random() < 0.4
        for k in range(size):
            r = _random.Random(rng.random())
            p = new_fraud_persona(sim, r, camp, city["country"], city=city, name_iso=r.choice(["US", "US", "GB", "IN", "DE", "FR", "ES", "BR"]))
            p.langs = sim.pick_langs(r, city["country"])
            dev = browser_device(r, sim.ua, wpick(r, [(50, "mac_chrome"), (40, "win_chrome"), (10, "mac_safari")]), tz, p.langs,
                                 canvas=hhex(10, "fst", dom, k), iso=iso)
            p.email = sim.ids.work_email(r, p.first, p.last, dom, style=style)
            p.username = sim.ids.username(r, p.first, p.last, p.email)
            q = ("?invite=" + hhex(22, "finv", dom, k)) if (invites and k > 0) else None
            ctx = Ctx(FixedNet(ip), dev, "startup", referer=q)
            tk = t + (0 if k == 0 else r.uniform(60, 3600))
            sim.signup(p, ctx, tk, r, fill=int(max(6000, r.lognormvariate(0, 0.4) * 20000)))
            if r.random() < 0.6:
                fraud_login(sim, p, ctx, tk + r.uniform(300, 5400), r)


# ---------------------------------------------------------------------------- F8
def geo_evasion(sim, seed):
    """People and resellers in unsupported regions reaching the service through VPNs and overseas proxies."""
    rng = sub_rng(seed, "f8")
    camp = "fraud:vpn_geo_evasion"
    w = sim.world
    origins = [(45, "CN"), (30, "RU"), (15, "IR"), (5, "BY"), (5, "HK")]
    for i in range(290):
        r = _random.Random(rng.random())
        o = wpick(r, origins)
        p = sim.persona(r, "fraud", camp, iso=o)
        careful = r.random() < 0.3
        if o in ("CN", "HK"):
            if r.random() < 0.6:
                host = w.hosting[r.choice(["tianyun", "qixing", "vultrix", "kilnode", "hanami", "axiom"])]
                cands = [b.city for b in host.blocks if b.use == "dc" and b.country in ("JP", "SG", "US", "KR", "TW", "DE")]
                c = r.choice(cands)
                net = sim.net_static(host, c, [("airport", host.number, c["name"], j) for j in range(6)], "dc")
                exit_tz = c["tz"]
            else:
                net = sim.net_vpn(r, iso_pref=r.choice(["US", "JP", "SG"]), sticky=False)
                exit_tz = net.city["tz"]
        elif o in ("RU", "BY"):
            if r.random() < 0.5:
                host = w.hosting[r.choice(["hertzwerk", "ironside", "kontabyte", "m247", "arcticnode"])]
                c = r.choice([b.city for b in host.blocks if b.use == "dc" and b.country not in ("RU", "BY")])
                net = sim.net_static(host, c, [("vps", p.uid)], "dc")
                exit_tz = c["tz"]
            else:
                net = sim.net_vpn(r, iso_pref=r.choice(["NL", "DE", "FI", "US", "SE", "PL"]), sticky=r.random() < 0.5)
                exit_tz = net.city["tz"]
        else:
            net = sim.net_vpn(r, iso_pref=r.choice(["DE", "NL", "TR", "AE", "US", "GB"]), brand=r.choice([None, "freevpn"]), sticky=False)
            exit_tz = net.city["tz"]
        tz = exit_tz if careful else p.tz
        langs = ["en-US", "en"] if careful else p.langs
        dev = sim.desktop(r, p, tz=tz, langs=langs) if r.random() < 0.8 else sim.phone(r, p, tz=tz, langs=langs)
        if careful or r.random() < 0.5:
            p.email = bought_email(sim, r, p.first, p.last, ((70, "gmail.com"), (30, "outlook.com"))) if careful and r.random() < 0.5 else \
                sim.ids.consumer_email(r, "US", p.first, p.last, domain=r.choice(["gmail.com", "outlook.com", "proton.me"]))
        else:
            p.email = sim.ids.consumer_email(r, o, p.first, p.last)
        p.username = sim.ids.username(r, p.first, p.last, p.email)
        ctx = Ctx(net, dev, "vpn", referer=wpick(r, [(70, None), (30, "?ref=docs")]))
        p.ctxs = [(1, ctx)]
        t = sample_local(r, p.tz)
        if r.random() < 0.04 and o in w.isps and w.isps[o]:
            direct = Ctx(sim.net_home(p, r), dev, "direct")
            sim.emit("signup", t - r.uniform(120, 900), p, direct, r, account=sim.new_account_id(), email=p.email, username=p.username)
        sim.signup(p, ctx, t, r)
        sim.legit_logins(p, r, p_none=0.2, mean_extra=2.0)
    # reseller operations (API relays) creating pools of accounts
    for k in range(3):
        host = w.hosting[rng.choice(["tianyun", "qixing", "vultrix"])]
        c = rng.choice([b.city for b in host.blocks if b.use == "dc" and b.country in ("SG", "US", "JP")])
        ips = [w.ip_static(host, c, ("reseller", k, j), use="dc") for j in range(3)]
        n = rng.randint(40, 60)
        t = rng.uniform(0.5, 3) * 86400
        for j in range(n):
            r = _random.Random(rng.random())
            p = new_fraud_persona(sim, r, camp, "CN", langs=["zh-CN", "zh"])
            if r.random() < 0.6:
                dev = cli_device(r, r.choice(["python-requests", "httpx", "go"]))
                ctx = Ctx(FixedNet(r.choice(ips)), dev, "reseller", form="api")
            else:
                dev = browser_device(r, sim.ua, "win_chrome", "Asia/Shanghai", ["zh-CN", "zh"], iso="CN")
                ctx = Ctx(FixedNet(r.choice(ips)), dev, "reseller")
            p.email = bought_email(sim, r, p.first, p.last, ((50, "gmail.com"), (30, "outlook.com"), (20, "hotmail.com"))) if r.random() < 0.7 else \
                sim.ids.consumer_email(r, "CN", p.first, p.last, domain="qq.com")
            p.username = p.email.split("@")[0][:20]
            if p.username in sim.ids.usernames:
                p.username += str(r.randint(10, 999))
            sim.ids.usernames.add(p.username)
            sim.signup(p, ctx, t, r, fill=int(r.uniform(2000, 6000)) if ctx.form == "html" else None)
            fraud_login(sim, p, ctx, t + r.uniform(10, 300), r, fill=int(r.uniform(1000, 3000)) if ctx.form == "html" else None)
            t += r.uniform(0.2, 8) * 3600
            if t >= DUR:
                break


# ---------------------------------------------------------------------------- F9
def careful_operator(sim, seed):
    """Slow, patient operator: one clean sticky residential exit and one consistent profile per persona."""
    rng = sub_rng(seed, "f9")
    camp = "fraud:slow_careful_operator"
    w = sim.world
    last_dev = None
    t = 0.4 * 86400
    made = 0
    while t < DUR and made < 260:
        t += rng.expovariate(48 / 86400.0)
        uh = (t / 3600) % 24
        dow = int(t // 86400) % 7
        if dow >= 5 and rng.random() < 0.7:
            continue
        if not (6 <= uh < 18.5):
            continue
        # choose persona country so that it is daytime there
        if uh < 10:
            iso = wpick(rng, [(40, "GB"), (25, "DE"), (20, "NL"), (15, "AU")])
        elif uh < 13:
            iso = wpick(rng, [(35, "GB"), (25, "DE"), (15, "NL"), (25, "US")])
        else:
            iso = wpick(rng, [(65, "US"), (25, "CA"), (10, "GB")])
        r = _random.Random(rng.random())
        p = new_fraud_persona(sim, r, camp, iso)
        isp = sim.isp_pick[iso].pick(r)
        bl = w.blocks_for(isp, "fixed", p.city)
        b = bl[r.randrange(len(bl))]
        ip = w.v4str(w.host_in(b, r.getrandbits(32)))
        if isp.attrs.get("cgnat"):
            ip = w.ip_cgnat(isp, p.city, r, "fixed")
        if last_dev is not None and r.random() < 0.05:
            dev = last_dev
        else:
            cls = pick_desktop_cls(r, iso)
            dev = browser_device(r, sim.ua, cls, p.tz, p.langs, canvas=hhex(10, "careful", p.uid), iso=iso)
            if r.random() < 0.3:
                dev.attrs["hardware_concurrency"] = 8
                dev.attrs["device_memory"] = 8 if dev.family == "chromium" else None
        last_dev = dev
        p.email = sim.ids.consumer_email(r, iso, p.first, p.last, domain="gmail.com" if r.random() < 0.7 else None)
        p.username = sim.ids.username(r, p.first, p.last, p.email)
        ctx = Ctx(FixedNet(ip), dev, "careful", referer=wpick(r, [(60, None), (15, "?ref=docs"), (15, "?utm_source=google&utm_medium=cpc&utm_campaign=brand"), (10, "?ref=github")]))
        sim.signup(p, ctx, t, r, fill=int(max(9000, r.lognormvariate(0, 0.5) * 30000)))
        made += 1
        if r.random() < 0.8:
            fraud_login(sim, p, ctx, t + r.uniform(300, 2400), r)
        if r.random() < 0.3:
            ip2 = w.v4str(w.host_in(bl[r.randrange(len(bl))], r.getrandbits(32)))
            ctx2 = Ctx(FixedNet(ip2), dev, "careful2")
            fraud_login(sim, p, ctx2, shift_to_waking(r, t + r.uniform(2, 6) * 86400, p.tz), r)


# ---------------------------------------------------------------------------- F10
def tor_throwaway(sim, seed):
    from legit import tor_browser, tor_exit_net
    rng = sub_rng(seed, "f10")
    camp = "fraud:tor_throwaway"
    net = tor_exit_net(sim, rng)
    t = rng.uniform(0, 1) * 86400
    for i in range(80):
        t += rng.expovariate(1 / (3.8 * 3600))
        if t >= DUR:
            break
        r = _random.Random(rng.random())
        p = Persona(sim.new_uid("f"), "US", None, "UTC", ["en-US", "en"], None, None, "fraud", camp)
        p.first, p.last = sim.ids.name(r, "US")
        if r.random() < 0.3:
            dev = cli_device(r, "curl")
            ctx = Ctx(net, dev, "torcurl", form="api")
        else:
            dev = tor_browser(r)
            dev.drop_headers.add("referer")
            ctx = Ctx(net, dev, "tor")
        dom = wpick(r, [(40, r.choice(DISPOSABLE_KNOWN)), (20, r.choice(DISPOSABLE_FRESH)), (20, "cock.li"), (20, "proton.me")])
        local = hhex(r.randint(7, 11), "tor", p.uid) if r.random() < 0.5 else sim.ids.local_part(r, p.first, p.last)
        p.email = local + "@" + dom
        sim.ids.claim_email(p.email)
        p.username = sim.ids.username(r, p.first, p.last)
        sim.signup(p, ctx, t, r, fill=int(r.uniform(4000, 20000)) if ctx.form == "html" else None)
        if r.random() < 0.4:
            fraud_login(sim, p, ctx, t + r.uniform(60, 3600), r)


# ---------------------------------------------------------------------------- F11/F12
STUFF_UAS = None


def _stuffer_device(sim, r, full):
    global STUFF_UAS
    if STUFF_UAS is None:
        rr = _random.Random(7)
        STUFF_UAS = [sim.ua.pick(rr, c) for c in ["win_chrome"] * 8 + ["mac_chrome"] * 3 + ["win_edge"] * 2 + ["mac_safari"] * 2 + ["win_firefox"] * 2]
    rec = r.choice(STUFF_UAS)
    d = Device()
    d.kind = "cli"
    d.family = "cli"
    d.ua = rec["useragent"]
    h = {"user-agent": d.ua, "accept": r.choice(["*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]),
         "accept-language": "en-US,en;q=0.9", "accept-encoding": "gzip, deflate, br", "content-type": "application/x-www-form-urlencoded"}
    if full:
        h["origin"] = "https://platform.lumora.ai"
        h["referer"] = "https://platform.lumora.ai/accounts/login/"
        h["sec-fetch-dest"] = "document"
        h["sec-fetch-mode"] = "navigate"
        h["sec-fetch-site"] = "same-origin"
        if "Chrome/" in d.ua and "Edg/" not in d.ua:
            m = int(d.ua.split("Chrome/")[1].split(".")[0])
            h["sec-ch-ua"] = sec_ch_ua(m, "Google Chrome")
            h["sec-ch-ua-mobile"] = "?0"
            h["sec-ch-ua-platform"] = '"Windows"' if "Windows" in d.ua else '"macOS"'
    d.static_headers = h
    return d


def _breach_email(sim, r):
    while True:
        first, last = sim.ids.name(r, r.choice(["US", "US", "GB", "DE", "FR", "BR", "IN", "CA", "IT", "ES"]))
        dom = wpick(r, [(40, "gmail.com"), (15, "yahoo.com"), (15, "hotmail.com"), (10, "outlook.com"), (5, "aol.com"), (5, "icloud.com"), (10, "mail.ru")])
        e = sim.ids.local_part(r, first, last) + "@" + dom
        if e.lower() not in sim.ids.emails:   # not a registered address
            return e


def ato(sim, seed):
    """Credential stuffing waves, a low-and-slow stuffing bot, and infostealer-log account takeovers."""
    rng = sub_rng(seed, "f11")
    camp = "fraud:ato_credential_stuffing"
    accts = sorted(sim.accounts, key=lambda p: p.t_signup)
    times_sorted = [p.t_signup for p in accts]
    import bisect

    def target(r, t):
        k = bisect.bisect_left(times_sorted, t)
        if k < 20:
            return None
        return accts[r.randrange(k)]

    rcw = WeightedChoice([c for _, c in RESI_COUNTRIES], [w for w, _ in RESI_COUNTRIES])
    waves = [2.4, 5.1, 7.3, 10.2, 12.6]
    for wi, wd in enumerate(waves):
        t = wd * 86400 + rng.uniform(0, 86400 * 0.5)
        n = rng.randint(450, 800)
        dur = rng.uniform(40, 120) * 60
        full = rng.random() < 0.35
        via_dc = rng.random() < 0.4
        for j in range(n):
            r = _random.Random(rng.random())
            tj = t + r.random() * dur
            ip = dc_ip(sim, r)[0] if via_dc and r.random() < 0.8 else resi_ip(sim, r, rcw.pick(r), 0.15)[0]
            dev = _stuffer_device(sim, r, full)
            form = {"honeypot": ""} if not full else {"fill_ms": int(r.uniform(150, 700)), "honeypot": ""}
            ctx = Ctx(FixedNet(ip), dev, "stuff", form=form)
            victim = target(r, tj) if r.random() < 0.35 else None
            if victim is not None:
                ok = victim.pw_reuse and r.random() < 0.22
                sim.emit("login", tj, None, ctx, r, success=ok, email=victim.email, account=victim.account, label="fraud", campaign=camp)
                if ok and r.random() < 0.7:
                    tj2 = tj + r.uniform(1, 30) * 3600
                    ctx2 = Ctx(FixedNet(resi_ip(sim, r, victim.iso if victim.iso in sim.isp_pick else "US", 0.1)[0]),
                               browser_device(r, sim.ua, "win_chrome", victim.tz, victim.langs, canvas=hhex(10, "ato", r.random()), iso=victim.iso), "ato-use")
                    sim.emit("login", tj2, None, ctx2, r, success=True, email=victim.email, account=victim.account, label="fraud", campaign=camp,
                             fill=int(r.uniform(3000, 9000)))
            else:
                sim.emit("login", tj, None, ctx, r, success=False, email=_breach_email(sim, r), no_account=True, label="fraud", campaign=camp)
    # low-and-slow browser-automation stuffing
    t = rng.uniform(0.3, 1) * 86400
    while True:
        t += rng.expovariate(2.4 / 3600.0)
        if t >= DUR:
            break
        r = _random.Random(rng.random())
        iso = rcw.pick(r)
        ip, city = resi_ip(sim, r, iso, 0.1)
        tz = _geo_tz(iso, city)
        dev = browser_device(r, sim.ua, wpick(r, [(70, "win_chrome"), (30, "mac_chrome")]), tz, sim.pick_langs(r, iso), canvas=hhex(10, "slow", r.random()), iso=iso)
        ctx = Ctx(FixedNet(ip), dev, "slowstuff")
        victim = target(r, t) if r.random() < 0.5 else None
        fill = int(r.uniform(1200, 3500))
        if victim is not None:
            ok = victim.pw_reuse and r.random() < 0.2
            sim.emit("login", t, None, ctx, r, success=ok, email=victim.email, account=victim.account, label="fraud", campaign=camp, fill=fill)
        else:
            sim.emit("login", t, None, ctx, r, success=False, email=_breach_email(sim, r), no_account=True, label="fraud", campaign=camp, fill=fill)
    # infostealer logs: valid passwords (and sometimes cloned browser profiles)
    camp2 = "fraud:ato_infostealer"
    legit_accts = [p for p in accts if p.label == "legit" and p.ctxs]
    for k in range(70):
        r = _random.Random(rng.random())
        victim = legit_accts[r.randrange(len(legit_accts) // 4, len(legit_accts))] if legit_accts else None
        if victim is None:
            break
        t = victim.t_signup + r.uniform(1, 7) * 86400
        if t >= DUR:
            continue
        vdev = victim.ctxs[0][1].dev
        if vdev.kind == "browser" and r.random() < 0.35:
            dev = vdev   # cloned profile from the stolen browser data
        else:
            dev = browser_device(r, sim.ua, wpick(r, [(60, "win_chrome"), (40, "mac_chrome")]), victim.tz, victim.langs,
                                 canvas=hhex(10, "stealer", k), iso=victim.iso)
        if r.random() < 0.5 and victim.iso in sim.isp_pick:
            ip = resi_ip(sim, r, victim.iso, 0.1)[0]
        else:
            ip = sim.net_vpn(r, iso_pref=r.choice(["US", "NL", "DE", "GB"]))(t, r)
        ctx = Ctx(FixedNet(ip), dev, "stealer")
        for j in range(r.choice([1, 1, 2, 3])):
            sim.emit("login", t, victim, ctx, r, success=True, email=victim.email, label="fraud", campaign=camp2,
                     fill=int(r.uniform(2500, 8000)))
            t += r.uniform(2, 40) * 3600


def run_fraud(sim, seed):
    distill_farm(sim, seed)
    antidetect(sim, seed)
    headless_scripts(sim, seed)
    sim_farms(sim, seed)
    click_farm(sim, seed)
    alias_rings(sim, seed)
    catchall(sim, seed)
    fake_startups(sim, seed)
    geo_evasion(sim, seed)
    careful_operator(sim, seed)
    tor_throwaway(sim, seed)
    ato(sim, seed)   # last: targets accounts created by everyone above
