"""Fraud operations. Each is one operator (or one crew) with its own tooling, network, identity
supply and schedule, modelled on published abuse tactics against free tiers and APIs."""
import hashlib
from datetime import timedelta

import numpy as np

import clients as C
import identity as I
from common import (Access, DAYS, HOURS_HOME, HOURS_WORK, T0, T1, WEEKDAY_HOME, WEEKDAY_WORK, clip, local_time,
                    lognorm_ms, uniform_time, zone)
from legit import home_access, mobile_access
from world import COUNTRIES

F = "fraud"


def _country(rng, weights):
    ks = list(weights)
    w = np.array([weights[k] for k in ks], dtype=float)
    return ks[int(rng.choice(len(ks), p=w / w.sum()))]


def resi_exit(world, rng, cc, mobile_share=0.15):
    """An exit of a residential-proxy network: a real subscriber's address (infected app / SDK)."""
    if rng.random() < mobile_share:
        a = world.pick_as(rng, "mobile", cc)
        b = a.block_in(rng, country=cc)
        return Access(world, rng, "mobile", b, 0.1)
    a = world.pick_as(rng, "residential", cc)
    b = a.block_in(rng, country=cc)
    return Access(world, rng, "home", b, 0.08)


def bulk_name_email(rng, style, cc="US"):
    f = I.faker_for(cc, int(rng.integers(1 << 30)))
    fa, la = I.ascii_fold(f.first_name()) or "alex", I.ascii_fold(f.last_name()) or "lee"
    if style == "outlook_bulk":  # bulk-registered Outlook/Hotmail accounts sold by the thousand
        dom = C.wchoice(rng, ["outlook.com", "hotmail.com", "outlook.com", "hotmail.com", "outlook.de", "outlook.fr"])
        return f"{fa}{la}{int(rng.integers(1000, 9999))}@{dom}", f"{fa}{la}{int(rng.integers(10, 99))}"
    if style == "gmail_aged":
        loc = C.wchoice(rng, [f"{fa}.{la}{int(rng.integers(70, 99))}", f"{fa}{la}{int(rng.integers(1975, 2004))}", f"{fa[0]}{la}.{int(rng.integers(1, 999))}"])
        return f"{loc}@gmail.com", C.wchoice(rng, [f"{fa}_{la}", f"{fa}{la[0]}{int(rng.integers(1, 99))}", loc.replace('.', '')])
    if style == "gmail_new":
        return f"{fa}{la}{int(rng.integers(100, 99999))}@gmail.com", f"{fa}{la}{int(rng.integers(1, 999))}"
    if style == "disposable":
        alpha = "abcdefghijklmnopqrstuvwxyz0123456789"
        loc = "".join(alpha[int(x)] for x in rng.integers(0, 36, int(rng.integers(8, 13))))
        if rng.random() < 0.4:
            loc = f"{fa}{int(rng.integers(100, 9999))}"
        return f"{loc}@{C.wchoice(rng, I.DISPOSABLE)}", loc[:12]
    if style == "random_gmail":
        alpha = "abcdefghijklmnopqrstuvwxyz"
        loc = "".join(alpha[int(x)] for x in rng.integers(0, 26, int(rng.integers(9, 14)))) + str(int(rng.integers(10, 999)))
        return f"{loc}@gmail.com", loc
    raise ValueError(style)


def stealth_device(rng, tz, langs, leak):
    """Automation framework + stealth plugin. `leak` is the probability of each classic tell."""
    ua = C.pick_ua(rng, {"Chrome"}, {"Windows"}, min_major=120)
    d = C.make_device(rng, ua, tz, langs, tier=(int(C.wchoice(rng, [4, 8, 16], [30, 50, 20])), 8.0))
    d.screen = C.wchoice(rng, ["1920x1080x24", "1366x768x24", "1536x864x24", "1280x720x24"], [50, 20, 20, 10])
    if rng.random() < leak:
        d.gpu = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"
    if rng.random() < leak * 0.5:
        d.platform = "Linux x86_64"  # UA overridden, navigator.platform not
    if rng.random() < leak:
        real = d.major - int(rng.integers(2, 8))  # the bundled Chromium is older than the UA it claims
        d.ch_override = {"sec-ch-ua": C.sec_ch_ua(d, real), "sec-ch-ua-mobile": "?0",
                         "sec-ch-ua-platform": '"Linux"' if rng.random() < 0.5 else '"Windows"'}
    return d


def _signup(rec, rng, camp, t, acc_or_ip, email, username, dev, fill, honeypot="", hdrs=None, world=None):
    ip = acc_or_ip if isinstance(acc_or_ip, str) else acc_or_ip.ip(rng)
    ak = rec.new_account()
    rec.add("signup", t, ip, F, camp, akey=ak, email=email, username=username, dev=dev, rng=rng, fill_ms=fill,
            honeypot=honeypot, hdrs=hdrs)
    return ak


def _login(rec, rng, camp, t, ip, ak, email, dev, fill, success=True, hdrs=None, username=None):
    if t >= T1:
        return
    rec.add("login", t, ip, F, camp, akey=ak, email=email, username=username, dev=dev, rng=rng, fill_ms=fill,
            honeypot="" if fill is not None else None, success=success, hdrs=hdrs)


def batches(rng, n, days, per_batch=(20, 80), span_min=(30, 120), hours=None, tz="UTC"):
    """Yield times of scripted batch runs."""
    out = []
    while len(out) < n:
        size = int(rng.integers(*per_batch))
        start = local_time(rng, tz, hours if hours is not None else np.ones(24), np.ones(7), days=days)
        span = float(rng.uniform(*span_min)) * 60
        for _ in range(min(size, n - len(out))):
            out.append(clip(start + timedelta(seconds=float(rng.random()) * span)))
    return sorted(out)


# ------------------------------------------------------------------------------------------------ operations
def op_distill_resi(world, rng, rec, n, camp="distill_resi_proxy"):
    """Model-distillation crew harvesting free API credits at scale: Playwright + stealth plugin over a
    rotating residential-proxy network with country targeting; one fresh exit per signup; scripted
    typing with jitter; bulk Outlook/Gmail accounts; runs 24/7 in batches; later logs each account in
    from other exits with the saved browser profile to mint API keys."""
    geo = {"US": 45, "GB": 8, "DE": 7, "CA": 6, "IN": 8, "BR": 6, "FR": 4, "AU": 3, "NL": 2, "JP": 3, "MX": 3, "ES": 2, "IT": 3}
    times = batches(rng, n, np.arange(1, DAYS), (25, 90), (40, 150))
    for t in times:
        cc = _country(rng, geo)
        acc = resi_exit(world, rng, cc)
        tz = acc.city.tz if rng.random() < 0.75 else C.wchoice(rng, ["America/New_York", "UTC", "Asia/Shanghai"], [60, 25, 15])
        langs = ["en-US", "en"] if rng.random() < 0.85 else [COUNTRIES[cc][6][0]]
        dev = stealth_device(rng, tz, langs, leak=0.3)
        email, uname = bulk_name_email(rng, C.wchoice(rng, ["outlook_bulk", "gmail_new", "gmail_aged"], [60, 25, 15]), cc if cc in ("US", "GB", "DE", "FR", "BR") else "US")
        fill = int(max(2500, rng.normal(7500, 1500)))
        ak = _signup(rec, rng, camp, t, acc, email, uname, dev, fill)
        for j in range(int(rng.integers(0, 4))):
            t2 = t + timedelta(minutes=float(rng.uniform(2, 20))) if j == 0 else t + timedelta(hours=float(rng.exponential(40)))
            ex = resi_exit(world, rng, cc if rng.random() < 0.7 else _country(rng, geo))
            _login(rec, rng, camp, clip(t2) if t2 < T1 else t2, ex.ip(rng), ak, email, dev, int(max(800, rng.normal(2500, 600))))


def op_antidetect_static(world, rng, rec, n, camp="antidetect_static_isp"):
    """An operator with an anti-detect browser (one profile per account, each a coherent fingerprint
    from the tool's library) on static 'ISP' proxies: datacenter-hosted ranges registered to access-ISP
    organisations. Each proxy IP is reused for several profiles over days. Types by hand with a
    text-expander; works Istanbul office hours, which is night in the US."""
    pas = world.ases_of("static_isp_proxy")
    proxies = []
    for _ in range(70):
        a = pas[int(rng.integers(len(pas)))]
        b = a.block_in(rng)
        proxies.append(Access(world, rng, "fixed", b))
    lib_screens = ["1920x1080x24", "1536x864x24", "1440x900x30", "2560x1440x24", "1366x768x24"]
    for i in range(n):
        p = proxies[int(rng.integers(len(proxies)))]
        tz = p.city.tz
        t = local_time(rng, "Europe/Istanbul", HOURS_WORK, np.array([1, 1, 1, 1, 1, .6, .2]))
        mac = rng.random() < 0.3
        ua = C.pick_ua(rng, {"Chrome"}, {"Mac OS X"} if mac else {"Windows"}, min_major=118)
        dev = C.make_device(rng, ua, tz, ["en-US", "en"] if p.city.country == "US" else ["en-GB", "en"])
        dev.screen = C.wchoice(rng, lib_screens)
        if mac and rng.random() < 0.15:
            dev.gpu = C.wchoice(rng, C.GPUS["Windows"])  # library mismatch: Direct3D renderer on a Mac
        if rng.random() < 0.1:
            dev.hw = int(C.wchoice(rng, [2, 3, 6, 64]))  # odd spoofed values
        email, uname = bulk_name_email(rng, "gmail_aged", "US" if p.city.country == "US" else "GB")
        fill = lognorm_ms(rng, 21, 0.35, lo=6000)
        ak = _signup(rec, rng, camp, t, p, email, uname, dev, fill)
        for j in range(int(rng.integers(2, 6))):
            t2 = t + timedelta(hours=float(rng.exponential(50)) + 1)
            _login(rec, rng, camp, t2, p.ip(rng), ak, email, dev, lognorm_ms(rng, 8, 0.4, lo=2000))


def op_headless_cloud(world, rng, rec, n, camp="headless_cloud_script"):
    """Cheap scripts on cloud VMs: raw HTTP clients posting the JSON API, default headless Chrome, and
    lightly patched headless Chrome. Many signups per VM address, sub-second fills, honeypots filled
    by naive form fillers, disposable or random Gmail addresses."""
    clouds = world.ases_of("cloud")
    vms = []
    for _ in range(40):
        a = clouds[int(rng.integers(len(clouds)))]
        vms.append(Access(world, rng, "hosting", a.block_in(rng), v6_share=0.3))
    times = batches(rng, n, np.arange(0, DAYS), (10, 60), (5, 40))
    for t in times:
        vm = vms[int(rng.integers(len(vms)))]
        variant = C.wchoice(rng, ["raw", "headless", "patched"], [35, 30, 35])
        email, uname = bulk_name_email(rng, C.wchoice(rng, ["disposable", "random_gmail"], [60, 40]))
        if variant == "raw":
            uag = C.wchoice(rng, ["python-requests/2.31.0", "python-requests/2.32.3", "axios/1.6.8", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
                                  C.pick_ua(rng, {"Chrome"}, {"Windows"})["useragent"]])
            hd = {"user-agent": uag, "accept": "*/*", "content-type": "application/json", "accept-encoding": "gzip, deflate"}
            hp = C.wchoice(rng, ["", uname, "1"], [50, 35, 15])
            ak = _signup(rec, rng, camp, t, vm, email, uname, None, int(rng.integers(40, 600)) if rng.random() < 0.6 else None, hp, hdrs=hd)
            continue
        ua = C.pick_ua(rng, {"Chrome"}, {"Linux", "Windows"}, min_major=118)
        dev = C.make_device(rng, ua, "UTC", ["en-US"], tier=(int(C.wchoice(rng, [1, 2, 4])), 4.0))
        dev.gpu = C.wchoice(rng, ["ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)", "Google SwiftShader", "Mesa llvmpipe (LLVM 15.0.7, 256 bits)"])
        if variant == "headless":
            dev.ua = dev.ua.replace("Chrome/", "HeadlessChrome/")
            dev.webdriver = True
            dev.screen = "800x600x24"
            dev.languages = [] if rng.random() < 0.4 else ["en-US"]
            dev.ch_override = {"sec-ch-ua": C.sec_ch_ua(dev).replace("Google Chrome", "HeadlessChrome"), "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": '"Linux"'}
            hp = C.wchoice(rng, ["", uname], [60, 40])
        else:
            dev.screen = "1920x1080x24"
            dev.webdriver = rng.random() < 0.15
            hp = ""
        fill = int(rng.integers(120, 1400))
        ak = _signup(rec, rng, camp, t, vm, email, uname, dev, fill, hp)
        if rng.random() < 0.3:
            _login(rec, rng, camp, t + timedelta(seconds=float(rng.uniform(3, 60))), vm.ip(rng), ak, email, dev, int(rng.integers(80, 500)))


def op_sim_farm(world, rng, rec, n, camp="sim_phone_farm"):
    """A phone farm: racks of real budget Android phones with local SIMs (Indonesia, Vietnam), driven by
    Appium scripts. Toggling airplane mode gives a fresh carrier-NAT address or IPv6 prefix. Phones of
    one model are identical (same fingerprint). Gmail accounts verified with the farm's own SIMs."""
    models = [("Mozilla/5.0 (Linux; Android 14; SM-A055F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.179 Mobile Safari/537.36", "360x800x24", "Mali-G57 MC2", 8, 4.0),
              ("Mozilla/5.0 (Linux; Android 13; 23053RN02Y) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.113 Mobile Safari/537.36", "393x873x24", "Mali-G52 MC2", 8, 4.0),
              ("Mozilla/5.0 (Linux; Android 13; RMX3630) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.118 Mobile Safari/537.36", "360x804x24", "Mali-G57 MC2", 8, 4.0)]
    sites = [("ID", "Jakarta"), ("VN", "Ho Chi Minh City")]
    phones = []
    for s_i, (cc, city) in enumerate(sites):
        ci = world.city(cc, city)
        for k in range(30):
            m = models[(k + s_i) % len(models)]
            ua = {"useragent": m[0], "browser": "Chrome Mobile", "os": "Android", "type": "mobile", "browser_version": m[0].split("Chrome/")[1].split(" ")[0]}
            d = C.make_device(rng, ua, ci.tz, [COUNTRIES[cc][6][0], "en-US", "en"] if rng.random() < 0.5 else ["en-US", "en"],
                              canvas=hash_int(m[0]), tier=(m[3], m[4]))
            d.screen, d.gpu, d.touch, d.platform = m[1], m[2], 5, "Linux armv8l"
            phones.append((d, mobile_access(world, rng, cc, ci), cc))
    for i in range(n):
        d, acc, cc = phones[int(rng.integers(len(phones)))]
        t = local_time(rng, d.tz, HOURS_WORK + 1, WEEKDAY_HOME)
        email, uname = bulk_name_email(rng, "gmail_new", cc)
        fill = int(max(5000, rng.normal(12500, 1800)))
        ak = _signup(rec, rng, camp, t, acc, email, uname, d, fill)
        for j in range(int(rng.integers(0, 3))):
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(30)) + 0.1), acc.ip(rng), ak, email, d, int(max(2000, rng.normal(6000, 900))))


def hash_int(s):
    return int.from_bytes(hashlib.sha256(s.encode()).digest()[:6], "big")


def op_emulator_farm(world, rng, rec, n, camp="emulator_farm"):
    """Android emulators (LDPlayer/BlueStacks/Genymotion-style) on Windows PCs, cloned instances,
    routed through 4G mobile proxies in the US/UK or residential proxies; the UA says an ARM phone
    but navigator.platform is x86, the GPU is the host's or SwiftShader, touch points are odd."""
    models = ["SM-G991B", "SM-S911B", "Pixel 7", "SM-A546E", "M2101K6G", "Pixel 6a", "SM-N976N", "ASUS_I005D"]
    hosts = []
    for k in range(12):  # host PCs, each running many clones
        hosts.append(dict(gpu=C.wchoice(rng, ["ANGLE (Intel, Intel(R) UHD Graphics 630 Direct3D11 vs_5_0 ps_5_0, D3D11)",
                                             "Google SwiftShader", "ANGLE (NVIDIA, NVIDIA GeForce GTX 1060 6GB Direct3D11 vs_5_0 ps_5_0, D3D11)",
                                             "Adreno (TM) 640"]),
                          platform=C.wchoice(rng, ["Linux x86_64", "Linux i686", "Linux armv8l"], [50, 20, 30]),
                          touch=int(C.wchoice(rng, [1, 5, 10], [40, 30, 30])), hw=int(C.wchoice(rng, [2, 4, 8])),
                          canvas=int(rng.integers(1 << 48))))
    mproxy_geo = {"US": 70, "GB": 30}
    for i in range(n):
        h = hosts[int(rng.integers(len(hosts)))]
        r = rng.random()
        cc = _country(rng, mproxy_geo)
        if r < 0.5:
            acc = mobile_access(world, rng, cc)  # 4G proxy: a dongle with a real SIM
        elif r < 0.8:
            acc = resi_exit(world, rng, cc, 0.0)
        else:
            a = world.pick_as(rng, "cloud")
            acc = Access(world, rng, "hosting", a.block_in(rng, country=cc))
        model = C.wchoice(rng, models)
        ver = int(C.wchoice(rng, [118, 120, 122, 124, 125]))
        uastr = f"Mozilla/5.0 (Linux; Android {C.wchoice(rng, ['11', '12', '13', '14'])}; {model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{ver}.0.0.0 Mobile Safari/537.36"
        ua = {"useragent": uastr, "browser": "Chrome Mobile", "os": "Android", "type": "mobile", "browser_version": str(ver)}
        tz = "America/New_York" if rng.random() < 0.6 else acc.city.tz
        d = C.make_device(rng, ua, tz, ["en-US", "en"], canvas=h["canvas"], tier=(h["hw"], 4.0))
        d.gpu, d.platform, d.touch = h["gpu"], h["platform"], h["touch"]
        d.screen = C.wchoice(rng, ["360x640x24", "450x800x24", "900x1600x24", "540x960x24", "412x915x24"])
        email, uname = bulk_name_email(rng, C.wchoice(rng, ["gmail_new", "outlook_bulk"]), cc)
        t = local_time(rng, "Asia/Manila", HOURS_WORK + 0.5, WEEKDAY_HOME)
        fill = int(max(2000, rng.normal(6500, 700)))
        ak = _signup(rec, rng, camp, t, acc, email, uname, d, fill)
        for j in range(int(rng.integers(0, 3))):
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(20)) + 0.05), acc.ip(rng), ak, email, d, int(max(1200, rng.normal(3500, 500))))


def op_click_farm(world, rng, rec, n, camp="human_click_farm"):
    """Paid human workers in a room (Dhaka, Karachi, Caracas): identical cheap Windows PCs, a shared
    business line or a free VPN extension to appear in the US/UK, genuine human fills (they also
    solve the CAPTCHA), US-sounding names, local time zone left unchanged. Shift-based."""
    rooms = []
    for cc in ("BD", "PK", "VE", "NG"):
        ci = world.city(cc)
        a = world.pick_as(rng, "residential", cc)
        line = Access(world, rng, "fixed", a.block_in(rng, country=cc))
        ua = C.pick_ua(rng, {"Chrome"}, {"Windows"}, min_major=116)
        canvas = int(rng.integers(1 << 48))
        pcs = []
        for w in range(int(rng.integers(8, 20))):
            d = C.make_device(rng, ua, ci.tz, ["en-US", "en"] if rng.random() < 0.7 else [COUNTRIES[cc][6][0], "en-US", "en"],
                              canvas=canvas, tier=(4, 8.0))
            d.screen, d.gpu = "1366x768x24", "ANGLE (Intel, Intel(R) HD Graphics 520 Direct3D11 vs_5_0 ps_5_0, D3D11)"
            pcs.append(d)
        rooms.append((cc, ci, line, pcs))
    vpns = world.ases_of("vpn")
    vexits = [Access(world, rng, "hosting", vpns[int(rng.integers(len(vpns)))].block_in(rng, country=C.wchoice(rng, ["US", "GB", "CA"]))) for _ in range(15)]
    for i in range(n):
        cc, ci, line, pcs = rooms[int(rng.choice(len(rooms), p=[.35, .25, .2, .2]))]
        d = pcs[int(rng.integers(len(pcs)))]
        acc = vexits[int(rng.integers(len(vexits)))] if rng.random() < 0.4 else line
        t = local_time(rng, ci.tz, HOURS_WORK + 0.3, np.array([1, 1, 1, 1, 1, 1, .5]))
        email, uname = bulk_name_email(rng, C.wchoice(rng, ["gmail_aged", "outlook_bulk"]), "US")
        fill = lognorm_ms(rng, 42, 0.35, lo=12000)
        ak = _signup(rec, rng, camp, t, acc, email, uname, d, fill)
        if rng.random() < 0.5:
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(24)) + 0.5), acc.ip(rng), ak, email, d, lognorm_ms(rng, 12, 0.3))


def op_alias_ring(world, rng, rec, n, camp="alias_catchall_ring"):
    """One operator in São Paulo multiplying identities through e-mail: catch-all domains bought for
    cents (any local part delivers), Gmail +tags and dot variants of a few inboxes. An autofill
    extension fills the form in seconds. Home fibre, phone tethering and occasionally a VPN."""
    domains = ["brightmailbox.xyz", "nordicpost.top", "quickinbox.shop", "teamsync-mail.online", "mailhub-pro.site",
               "devcorner.icu", "cloudbox-mail.store", "fastpost.click"]
    bases = ["rafaelcosta.dev", "brunoalvesm", "tech.lucas.br", "mariana.ferr", "contatojp2"]
    home = home_access(world, rng, "BR", world.city("BR", "São Paulo"))
    phone = mobile_access(world, rng, "BR", world.city("BR", "São Paulo"))
    vpns = world.ases_of("vpn")
    vpn = Access(world, rng, "hosting", vpns[0].block_in(rng, country="US"))
    devs = [C.make_device(rng, C.pick_ua(rng, {"Chrome"}, {"Windows"}, min_major=120), "America/Sao_Paulo", ["pt-BR", "pt", "en-US", "en"]),
            C.make_device(rng, C.pick_ua(rng, {"Firefox"}, {"Windows"}), "America/Sao_Paulo", ["pt-BR", "pt", "en-US", "en"]),
            C.make_device(rng, C.pick_ua(rng, {"Chrome Mobile"}, {"Android"}), "America/Sao_Paulo", ["pt-BR", "pt"])]
    devs[0].fp_random = rng.random() < 0.0
    for i in range(n):
        r = rng.random()
        if r < 0.55:
            f = I.faker_for("BR", int(rng.integers(1 << 30)))
            loc = C.wchoice(rng, [f"{I.ascii_fold(f.first_name())}.{I.ascii_fold(f.last_name())}", f"{I.ascii_fold(f.first_name())}{int(rng.integers(1, 999))}", I.pattern_username(rng)])
            email = f"{loc}@{C.wchoice(rng, domains)}"
        elif r < 0.8:
            email = f"{C.wchoice(rng, bases)}+{C.wchoice(rng, ['qm', 'quill', 'ai', 'api', 'test', 'x'])}{int(rng.integers(1, 500))}@gmail.com"
        else:
            email = f"{I.gmail_dot_variant(rng, C.wchoice(rng, bases))}@gmail.com"
        uname = I.pattern_username(rng) if rng.random() < 0.6 else email.split("@")[0].replace(".", "").replace("+", "")[:20]
        di = int(C.wchoice(rng, [0, 1, 2], [55, 25, 20]))
        d = devs[di]
        acc = phone if di == 2 else (vpn if rng.random() < 0.15 else home)
        t = local_time(rng, "America/Sao_Paulo", HOURS_HOME, WEEKDAY_HOME)
        fill = lognorm_ms(rng, 2.6, 0.35, lo=700)
        ak = _signup(rec, rng, camp, t, acc, email, uname, d, fill)
        for j in range(int(rng.integers(1, 5))):
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(48)) + 0.2), acc.ip(rng), ak, email, d, lognorm_ms(rng, 1.8, 0.3, lo=400))


def op_geo_evasion(world, rng, rec, n, camp="geo_evasion_vpn"):
    """People and resellers in countries the product does not serve (Russia, Belarus, Iran, China)
    signing up through commercial VPNs or self-hosted proxies on cheap VPS, with genuine devices:
    home time zones and languages mostly left as they are; resellers make dozens of accounts."""
    src = {"RU": 40, "IR": 25, "CN": 25, "BY": 10}
    vpns = world.ases_of("vpn")
    clouds = world.ases_of("cloud")
    mail = {"RU": ["yandex.ru", "mail.ru", "gmail.com", "gmail.com"], "BY": ["mail.ru", "gmail.com", "yandex.by"],
            "IR": ["gmail.com", "gmail.com", "yahoo.com", "outlook.com"], "CN": ["qq.com", "163.com", "gmail.com", "outlook.com"]}
    made = 0
    while made < n:
        cc = _country(rng, src)
        ci = world.city(cc, rng=rng)
        reseller = rng.random() < 0.04
        k = int(min(n - made, rng.integers(15, 45) if reseller else 1))
        ua = C.pick_from_mix(rng, C.DESKTOP_MIX if rng.random() < 0.65 else C.MOBILE_MIX)
        base_langs = C.languages_for(rng, COUNTRIES[cc][6], 0.15)
        r = rng.random()
        if r < 0.5:  # commercial VPN app
            a = vpns[int(rng.integers(len(vpns)))]
            acc = Access(world, rng, "hosting", a.block_in(rng, country=C.wchoice(rng, ["NL", "DE", "FI", "US", "TR", "AE", "SE", "GB"])))
        elif r < 0.85:  # self-hosted Shadowsocks / V2Ray / WireGuard on a cheap VPS
            a = clouds[int(rng.integers(len(clouds)))]
            acc = Access(world, rng, "hosting", a.block_in(rng, country=C.wchoice(rng, ["NL", "DE", "FI", "US", "HK", "SG", "JP"])))
        else:  # paid residential proxy bought from a reseller
            acc = resi_exit(world, rng, C.wchoice(rng, ["US", "DE", "GB", "TR", "AE"]), 0.1)
        # most leave the device as it is; some set the zone to match the exit
        tz = ci.tz if rng.random() < 0.7 else acc.city.tz
        d = C.make_device(rng, ua, tz, base_langs)
        t0 = local_time(rng, ci.tz, HOURS_HOME, WEEKDAY_HOME)
        for j in range(k):
            f = I.faker_for(cc, int(rng.integers(1 << 30)))
            u = I.ascii_fold(f.user_name()) or I.pattern_username(rng)
            email = f"{u}{int(rng.integers(1, 999)) if reseller else ''}@{C.wchoice(rng, mail[cc])}"
            t = clip(t0 + timedelta(minutes=float(rng.exponential(6)) * j)) if reseller else t0
            fill = lognorm_ms(rng, 14 if reseller else 30, 0.5, lo=3000)
            ak = _signup(rec, rng, camp, t, acc, email, u, d, fill)
            for q in range(int(rng.integers(0, 4))):
                _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(40)) + 0.5), acc.ip(rng), ak, email, d, lognorm_ms(rng, 8, 0.5))
            made += 1


def op_adaptive(world, rng, rec, n, camp="adaptive_operator"):
    """An operator who reacts to blocking: days 0-3 patched headless Chrome from cloud VMs with
    disposable mail; days 4-8 stealth browser over residential proxies with bulk Outlook accounts and
    proxy-matched time zones; days 9-13 'iPhones' over US mobile proxies, human-paced fills and
    realistic Gmail names, timed to US evenings (spoofed iOS: memory and core counts leak)."""
    n_a, n_b = int(n * 0.3), int(n * 0.37)
    n_c = n - n_a - n_b
    clouds = world.ases_of("cloud")
    vms = [Access(world, rng, "hosting", clouds[int(rng.integers(len(clouds)))].block_in(rng, country="US")) for _ in range(8)]
    for t in batches(rng, n_a, np.arange(0, 4), (15, 50), (10, 60)):
        vm = vms[int(rng.integers(len(vms)))]
        ua = C.pick_ua(rng, {"Chrome"}, {"Windows"}, min_major=120)
        d = C.make_device(rng, ua, "UTC", ["en-US", "en"], tier=(2, 4.0))
        d.gpu = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"
        d.platform = "Linux x86_64" if rng.random() < 0.5 else "Win32"
        email, uname = bulk_name_email(rng, "disposable")
        _signup(rec, rng, camp, t, vm, email, uname, d, int(rng.integers(600, 2500)))
    geo = {"US": 70, "CA": 15, "GB": 15}
    for t in batches(rng, n_b, np.arange(4, 9), (15, 50), (60, 200)):
        cc = _country(rng, geo)
        acc = resi_exit(world, rng, cc, 0.1)
        d = stealth_device(rng, acc.city.tz, ["en-US", "en"], leak=0.12)
        email, uname = bulk_name_email(rng, "outlook_bulk", cc)
        ak = _signup(rec, rng, camp, t, acc, email, uname, d, int(max(3000, rng.normal(8000, 1200))))
        if rng.random() < 0.5:
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(20)) + 0.1), resi_exit(world, rng, cc).ip(rng), ak, email, d, int(max(900, rng.normal(2500, 500))))
    for i in range(n_c):
        cc = "US"
        acc = mobile_access(world, rng, cc)
        t = local_time(rng, acc.city.tz, HOURS_HOME, WEEKDAY_HOME, days=np.arange(9, DAYS))
        ua = C.pick_ua(rng, {"Mobile Safari"}, {"iOS"})
        d = C.make_device(rng, ua, acc.city.tz, ["en-US"])
        if rng.random() < 0.4:
            d.mem = 8.0  # deviceMemory does not exist in Safari
        if rng.random() < 0.35:
            d.hw = int(C.wchoice(rng, [8, 12, 16]))  # desktop core count
        if rng.random() < 0.2:
            d.platform = "Win32"
        email, uname = bulk_name_email(rng, "gmail_aged", "US")
        ak = _signup(rec, rng, camp, t, acc, email, uname, d, lognorm_ms(rng, 19, 0.4, lo=5000))
        if rng.random() < 0.6:
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(20)) + 0.3), mobile_access(world, rng, cc).ip(rng), ak, email, d, lognorm_ms(rng, 7, 0.4))


def op_slow_careful(world, rng, rec, n, camp="slow_careful_operator"):
    """A careful individual in Lyon reselling accounts: a handful a day, in the evening, from home fibre
    or a mainstream consumer VPN exiting in France, three browsers on one laptop plus a phone, each
    account with its own hand-made address; human typing. Almost indistinguishable from a person."""
    home = home_access(world, rng, "FR", world.city("FR", "Lyon"))
    phone = mobile_access(world, rng, "FR", world.city("FR", "Lyon"))
    vpn = Access(world, rng, "hosting", world.ases_of("vpn")[1].block_in(rng, country="FR"))
    devs = [C.make_device(rng, C.pick_ua(rng, b, {"Windows"}), "Europe/Paris", ["fr-FR", "fr", "en-US", "en"]) for b in ({"Chrome"}, {"Firefox"}, {"Edge"})]
    devs.append(C.make_device(rng, C.pick_ua(rng, {"Mobile Safari"}, {"iOS"}), "Europe/Paris", ["fr-FR"]))
    for i in range(n):
        t = local_time(rng, "Europe/Paris", HOURS_HOME, WEEKDAY_HOME)
        di = int(C.wchoice(rng, [0, 1, 2, 3], [35, 25, 20, 20]))
        acc = phone if di == 3 else (vpn if rng.random() < 0.3 else home)
        f = I.faker_for("FR", int(rng.integers(1 << 30)))
        fa, la = I.ascii_fold(f.first_name()), I.ascii_fold(f.last_name())
        email = f"{C.wchoice(rng, [f'{fa}.{la}', f'{fa}{la}{int(rng.integers(1, 99))}', f'{fa[0]}{la}'])}@{C.wchoice(rng, ['gmail.com', 'outlook.fr', 'proton.me', 'laposte.net', 'gmx.fr'])}"
        ak = _signup(rec, rng, camp, t, acc, email, f"{fa}{la[:2]}", devs[di], lognorm_ms(rng, 26, 0.45, lo=6000))
        for j in range(int(rng.integers(1, 4))):
            _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(60)) + 1), acc.ip(rng), ak, email, devs[di], lognorm_ms(rng, 9, 0.4))


def op_student_multi(world, rng, rec, n, camp="student_multiaccount"):
    """A group of students in Bengaluru farming free credits for a side project: campus Wi-Fi and
    phone hotspots, personal laptops, Gmail dot/plus variants and freshly made Gmail accounts,
    two to four accounts per sitting."""
    unis = [a for a in world.ases_of("education") if a.blocks[0].city.country == "IN"]
    campus = Access(world, rng, "fixed", unis[0].block_in(rng)) if unis else home_access(world, rng, "IN")
    students = []
    for s in range(6):
        d = C.make_device(rng, C.pick_from_mix(rng, C.DEV_DESKTOP_MIX), "Asia/Kolkata", ["en-US", "en"] if rng.random() < 0.6 else ["en-IN", "en", "hi"])
        f = I.faker_for("IN", int(rng.integers(1 << 30)))
        base = f"{I.ascii_fold(f.first_name())}{I.ascii_fold(f.last_name())}"
        students.append((d, base, mobile_access(world, rng, "IN", world.city("IN", "Bengaluru"))))
    made = 0
    while made < n:
        d, base, hotspot = students[int(rng.integers(len(students)))]
        acc = campus if rng.random() < 0.6 else hotspot
        t0 = local_time(rng, "Asia/Kolkata", HOURS_HOME, WEEKDAY_HOME)
        for j in range(int(min(n - made, rng.integers(2, 5)))):
            r = rng.random()
            if r < 0.35:
                email = f"{I.gmail_dot_variant(rng, base)}@gmail.com"
            elif r < 0.6:
                email = f"{base}+{int(rng.integers(1, 99))}@gmail.com"
            else:
                email = f"{base}{int(rng.integers(1, 9999))}@gmail.com"
            t = clip(t0 + timedelta(minutes=float(rng.uniform(1, 12)) * j))
            ak = _signup(rec, rng, camp, t, acc, email, f"{base[:8]}{int(rng.integers(1, 999))}", d, lognorm_ms(rng, 15, 0.45, lo=3000))
            if rng.random() < 0.5:
                _login(rec, rng, camp, t + timedelta(hours=float(rng.exponential(30)) + 0.2), acc.ip(rng), ak, email, d, lognorm_ms(rng, 6, 0.4))
            made += 1


def op_cred_stuffing(world, rng, rec, targets, n_attempts, camp="credential_stuffing_ato"):
    """Credential stuffing with a combo list from other breaches (OpenBullet-style configs): raw HTTP
    logins without the collector script, rotating residential and datacenter proxies, three waves
    plus a low-and-slow background. ~40% of the combo e-mails exist here; ~2% of those reuse their
    password. Each hit is then taken over from an anti-detect profile on a proxy in the victim's country."""
    waves = [(3, 14), (7, 2), (11, 20)]
    clouds = world.ases_of("cloud")
    uas = [C.pick_ua(rng, {"Chrome"}, {"Windows"})["useragent"] for _ in range(6)] + \
          [C.pick_ua(rng, {"Firefox"}, {"Windows"})["useragent"] for _ in range(2)]
    geo = {"US": 30, "BR": 10, "IN": 10, "VN": 8, "ID": 8, "DE": 5, "GB": 5, "MX": 5, "TR": 5, "PH": 5, "EG": 4, "NG": 5}
    hits = []
    for i in range(n_attempts):
        if rng.random() < 0.8:
            d, h = waves[int(rng.integers(len(waves)))]
            t = clip(T0 + timedelta(days=d, hours=h + float(rng.uniform(0, 9))))
        else:
            t = uniform_time(rng)
        if rng.random() < 0.75:
            ip = resi_exit(world, rng, _country(rng, geo), 0.2).ip(rng)
        else:
            a = clouds[int(rng.integers(len(clouds)))]
            ip = Access(world, rng, "hosting", a.block_in(rng), 0.0).ip(rng)
        uag = C.wchoice(rng, uas)
        hd = {"user-agent": uag, "accept": "*/*", "content-type": "application/x-www-form-urlencoded",
              "accept-language": "en-US,en;q=0.9"} if rng.random() < 0.85 else {"user-agent": uag}
        exists = rng.random() < 0.4
        if exists:
            tgt = targets[int(rng.integers(len(targets)))]
            if tgt.t >= t:
                exists = False
        if exists:
            ok = rng.random() < 0.02
            rec.add("login", t, ip, F, camp, akey=tgt.akey, email=tgt.email, hdrs=hd, success=ok,
                    fill_ms=None)
            if ok:
                hits.append((tgt, t))
        else:
            f = I.faker_for(_country(rng, {"US": 5, "GB": 1, "DE": 1, "BR": 1, "IN": 1}), int(rng.integers(1 << 30)))
            fa, la = I.ascii_fold(f.first_name()) or "j", I.ascii_fold(f.last_name()) or "s"
            email = f"{C.wchoice(rng, [f'{fa}.{la}', f'{fa}{la}{int(rng.integers(1, 99))}', f'{fa[0]}{la}'])}@{C.wchoice(rng, ['gmail.com', 'yahoo.com', 'hotmail.com', 'aol.com', 'outlook.com'])}"
            rec.add("login", t, ip, F, camp, email=email, hdrs=hd, success=False)
    for tgt, t in hits:
        cc = tgt.country or "US"
        for j in range(int(rng.integers(1, 4))):
            t2 = t + timedelta(hours=float(rng.exponential(8)) + 0.2)
            acc = resi_exit(world, rng, cc, 0.1)
            d = C.make_device(rng, C.pick_ua(rng, {"Chrome"}, {"Windows"}, min_major=120), acc.city.tz, ["en-US", "en"])
            _login(rec, rng, camp, t2, acc.ip(rng), tgt.akey, tgt.email, d, lognorm_ms(rng, 6, 0.3))


FRAUD_OPS = [
    ("distill_resi_proxy", op_distill_resi, 1700),
    ("antidetect_static_isp", op_antidetect_static, 480),
    ("headless_cloud_script", op_headless_cloud, 700),
    ("sim_phone_farm", op_sim_farm, 600),
    ("emulator_farm", op_emulator_farm, 550),
    ("human_click_farm", op_click_farm, 650),
    ("alias_catchall_ring", op_alias_ring, 600),
    ("geo_evasion_vpn", op_geo_evasion, 650),
    ("adaptive_operator", op_adaptive, 800),
    ("slow_careful_operator", op_slow_careful, 120),
    ("student_multiaccount", op_student_multi, 200),
]
