"""Fraud operations against Kanvas.  Each is a function with its own random
stream, parameters (PARAMS, quoted by the README) and timeline."""
from . import clients as C
from . import identity as I
from .geo import COUNTRIES, DAYS, WINDOW_START, tz_offset
from .internet import HomeLine, MobileLine, fmt4
from .rand import W, wpick
from .world import ORIGIN, Person, _HW, day_of, langs_for, wrap

PARAMS = {
    "free-credit-farm": {"accounts": 2900, "days": "0-12 (day 6 off)", "operator_tz": "Asia/Ho_Chi_Minh",
                         "proxy_geo": "US 34, JP 14, DE 12, GB 10, FR 8, BR 8, CA 6, KR 4, PL 4",
                         "tz_mismatch": 0.12, "daily_claim_login_p": 0.55},
    "referral-ring": {"accounts": 450, "members": 5, "phones": 10, "laptops": 2, "seed_accounts": 6},
    "agentic-browser-farm": {"accounts": 660, "days": "3-12", "vm_images": 3, "resi_proxy_from_day": 9,
                             "resi_proxy_share": 0.55},
    "phone-farm-resale": {"accounts": 850, "phones": 40, "resold_share": 0.35},
    "unsupported-region-resellers": {"accounts": 700, "vpn": 0.35, "cloud_proxy": 0.35, "private_relay": 0.30},
    "ios-api-script-farm": {"accounts": 1100, "header_replay_from_day": 7, "bursts_per_day": 5},
    "disposable-domain-ring": {"accounts": 900, "catch_all_domains": 12, "fresh_temp_domains": "1 per ~1.5 days"},
    "slow-manual-operator": {"accounts": 45, "per_day": "3-4", "min_gap_h": 1.5, "devices": 5},
    "adaptive-headless-farm": {"accounts": "~1000", "switch_day": 5, "per_day_before": 130, "per_day_after": 60},
    "credential-stuffing": {"attempts": 7200, "waves": 3, "kanvas_user_share": 0.35, "combo_hit": 0.15},
    "account-takeover": {"phishing_victims": 60},
}
LABEL = "fraud"


# --------------------------------------------------------------------------- helpers
def fperson(w, r, cc, campaign, email_fn, client=None, langs=None, tz=None, city_key=None, username_fn=None):
    p = Person()
    p.cc, p.label, p.campaign = cc, LABEL, campaign
    country = COUNTRIES[cc]
    if city_key is None and country.cities:
        city = wpick(r, [(c, c.weight) for c in country.cities if c.weight > 0])
        city_key = city.key
    p.city = city_key
    p.tz = tz or (country.city(city_key).tz if city_key else country.tz)
    p.langs = langs or langs_for(r, cc)
    p.given, p.family = w.names.name(r, cc)
    p.email = w.unique_email(r, lambda: email_fn(p))
    if username_fn:
        u = username_fn(p)
        while u in w.usernames:
            u = f"{u}{r.int(1, 99)}"
        w.usernames.add(u)
        p.username = u
    else:
        p.username = I.username(r, p.email, p.given, p.family, w.usernames)
    p.account = w.new_account(r)
    p.ref = w.new_ref(r)
    p.primary = client
    return p


def resi(w, r, cc):
    """An exit of a residential proxy network: somebody's home line."""
    h = HomeLine(w.inet, r, cc)
    return (h.ip(r) if (h.p64 is not None and r.chance(0.08)) else fmt4(h.ip4)), h.tz


def host_net(w, r, prov, cc=None):
    regions = w.inet.host[prov]
    keys = [k for k in regions if cc and k.startswith(cc + ":")] or list(regions)
    return regions[r.pick(keys)]


def op_time(r, tz, day, profile="shift"):
    return wrap(WINDOW_START + day * 86400 + _HW[profile](r) * 3600 + r.u() * 3600 - tz_offset(tz))


def gmail_like(r, p, dom="gmail.com", digits=True):
    g, f = p.given.lower(), p.family.lower()
    lp = wpick(r, [(f"{g}{f}{r.int(10, 9999)}", 40), (f"{g}.{f}{r.int(1, 99)}", 25), (f"{f}{g}{r.int(100, 999)}", 15),
                   (f"{g}{r.int(1980, 2006)}", 10), (f"{g}.{f}", 10 if not digits else 2)])
    return f"{lp}@{dom}"


def model_by_code(code):
    for a in C.ANDROIDS:
        if a[0] == code:
            return a
    raise KeyError(code)


# --------------------------------------------------------------------------- F1
def free_credit_farm(w):
    """Anti-detect browser (one persistent profile per account, randomised
    canvas/audio noise, hardware and screen) behind rotating residential proxies,
    run from Vietnam during local working hours.  Accounts farm the daily free
    credits and log in again on the following days."""
    r = w.stream("fraud/free-credit-farm")
    geo = W([("US", 34), ("JP", 14), ("DE", 12), ("GB", 10), ("FR", 8), ("BR", 8), ("CA", 6), ("KR", 4), ("PL", 4)])
    days = W([(d, 0 if d == 6 else 0.6 + 0.05 * d) for d in range(DAYS)])
    last_exit = None
    for _ in range(PARAMS["free-credit-farm"]["accounts"]):
        d = days(r)
        t = op_time(r, "Asia/Ho_Chi_Minh", d)
        cc = geo(r)
        if last_exit and last_exit[2] == cc and r.chance(0.12):
            ip, ptz = last_exit[0], last_exit[1]          # sticky session reused
        else:
            ip, ptz = resi(w, r, cc)
        last_exit = (ip, ptz, cc)
        tz = ptz if r.chance(0.88) else COUNTRIES[geo(r)].tz
        langs = langs_for(r, cc) if r.chance(0.75) else ["en-US", "en"]
        os_ = "win" if r.chance(0.8) else "mac"
        if r.chance(0.7):   # config drawn from the tool's database of real devices: consistent
            hw = {"canvas": f"noise-{r.hexs(16)}"}
            major = wpick(r, [(140, 15), (141, 45), (142, 40)])
            cl = C.desktop(r, "chrome", os_, langs, tz, d, hw=hw, major=major)
        else:               # naive per-field randomisation
            scr = (C.MAC_SCREENS if os_ == "mac" else C.WIN_SCREENS)(r) if r.chance(0.85) else \
                r.pick(["1366x768", "1920x1080", "1440x900", "1536x864"])
            hw = {"screen": scr, "hc": r.pick([2, 4, 6, 8, 12, 16]), "canvas": f"noise-{r.hexs(16)}", "chip": "M1"}
            major = wpick(r, [(139, 25), (140, 35), (141, 30), (142, 10)])
            cl = C.desktop(r, "chrome", os_, langs, tz, d, hw=hw, major=major)
            cl.device = dict(cl.device, device_memory=r.pick([2, 4, 8]))
        prov = wpick(r, [("gmail.com", 55), ("outlook.com", 20), ("hotmail.com", 15), ("yahoo.com", 10)])
        natural = r.chance(0.5)   # aged accounts bought in bulk look like anybody's address
        p = fperson(w, r, cc, "free-credit-farm",
                    lambda p: I.email(r, p.given, p.family, cc, plus_rate=0, disposable_rate=0) if natural
                    else gmail_like(r, p, prov), client=cl, langs=langs, tz=tz)
        fill = r.lognorm(9000, 0.5) if r.chance(0.6) else r.lognorm(25000, 0.5)
        ref = f"{ORIGIN}/signup" if r.chance(0.7) else f"{ORIGIN}/signup?utm_source=google&utm_medium=cpc&utm_campaign=brand_{cc.lower()}"
        if not w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username, fill_ms=fill, referer=ref):
            continue
        for k in range(1, 5):   # daily free-credit claims
            if r.chance(PARAMS["free-credit-farm"]["daily_claim_login_p"]):
                tl = op_time(r, "Asia/Ho_Chi_Minh", d + k)
                if d + k >= DAYS or tl <= t:
                    continue
                ip2, _ = resi(w, r, cc)
                w.sink.add(tl, "login", ip2, cl, LABEL, p.campaign, p.account, p.email, success=r.chance(0.99),
                           fill_ms=r.lognorm(3500, 0.4))


# --------------------------------------------------------------------------- F2
def referral_ring(w):
    """Five people in Indonesia farm the referral bonus: each new account signs
    up with the invite code of an earlier ring account (a growing tree), from a
    handful of phones and two laptops, on Telkomsel/XL CGNAT and home IndiHome."""
    r = w.stream("fraud/referral-ring")
    members = []
    for m in range(5):
        city = "ID:Jakarta" if m < 3 else r.pick(["ID:Bandung", "ID:Surabaya"])
        home = HomeLine(w.inet, r, "ID", city, isp=[i for i in w.inet.res["ID"].items if i.asn == 7713][0])
        members.append({"city": city, "home": home, "tz": "Asia/Jakarta"})
    phones = []
    for k in range(10):
        m = members[k % 5]
        code = r.pick(["SM-A155F", "23124RN87G", "CPH2591", "SM-A057F", "V2336"])
        car = [c for c in w.inet.mob["ID"].items if c.asn in (23693, 24203)]
        ml = MobileLine(w.inet, r, "ID", carrier=r.pick(car), region=m["city"] if m["city"] in ("ID:Jakarta", "ID:Surabaya", "ID:Bandung", "ID:Medan") else None)
        langs = ["id-ID", "id", "en-US", "en"] if r.chance(0.7) else ["en-US", "en"]
        phones.append({"m": m, "model": model_by_code(code), "line": ml, "langs": langs, "cl": {}})
    laptops = [{"m": members[0], "langs": ["id-ID", "id", "en-US", "en"]}, {"m": members[3], "langs": ["en-US", "en"]}]
    for lp in laptops:
        lp["hw"] = {"screen": "1366x768", "hc": 4, "dm": 4, "canvas": f"win-intel-uhd-{r.hexs(6)}"}
    bases = [(g + f).lower() for g, f in [w.names.name(r, "ID") for _ in range(12)]]
    codes = []
    prof = W(list(enumerate([2, 1, .5, .2, .1, .1, .2, .5, 1, 1.2, 1.5, 2, 3, 2.5, 1.5, 1.2, 1.5, 2, 3, 5, 6.5, 7, 6.5, 4.5])))
    n = PARAMS["referral-ring"]["accounts"]
    for i in range(n):
        d = 1 + int((i / n) * 11.9) if i >= 6 else 1
        t = wrap(WINDOW_START + d * 86400 + prof(r) * 3600 + r.u() * 3600 - 7 * 3600)
        use_phone = r.chance(0.8)
        if use_phone:
            ph = r.pick(phones)
            cm = 142 if d >= 7 + (hash_small(ph["model"][0]) % 3) else 141   # phones update Chrome mid-window
            key = cm
            if key not in ph["cl"]:
                ph["cl"][key] = C.android_browser(r, "ID", ph["langs"], "Asia/Jakarta", d, model=ph["model"])
            cl = ph["cl"][key]
            ip = ph["line"].ip(r) if r.chance(0.6) else ph["m"]["home"].ip(r)
            fill = r.lognorm(21000, 0.35)
        else:
            lp = r.pick(laptops)
            cl = C.desktop(r, "chrome", "win", lp["langs"], "Asia/Jakarta", d, hw=lp["hw"], major=141)
            ip = lp["m"]["home"].ip(r)
            fill = r.lognorm(15000, 0.35)

        def mk_email(p):
            x = r.u()
            b = r.pick(bases)
            if x < 0.45:   # gmail dot trick: all deliver to one inbox
                pos = sorted(r.sample(range(1, len(b)), min(len(b) - 1, r.int(1, 3))))
                s, last = "", 0
                for q in pos:
                    s += b[last:q] + "."
                    last = q
                return f"{s}{b[last:]}@gmail.com"
            if x < 0.6:
                return f"{b}+{r.pick(['kv', 'k', 'ref', 'x', ''])}{r.int(1, 300)}@gmail.com"
            return gmail_like(r, p)
        p = fperson(w, r, "ID", "referral-ring", mk_email, client=cl, langs=cl.device["languages"], tz="Asia/Jakarta")
        ref = f"{ORIGIN}/signup?ref={r.pick(codes[-30:])}" if codes else f"{ORIGIN}/signup"
        if i < 6:
            ref = f"{ORIGIN}/signup"
        if w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username, fill_ms=fill, referer=ref):
            codes.append(p.ref)
            if r.chance(0.6):   # log in to redeem the bonus
                tl = t + r.uniform(600, 2 * 86400)
                w.sink.add(tl, "login", ip if r.chance(0.5) else ph_ip(r, phones), cl, LABEL, p.campaign, p.account,
                           p.email, success=True, fill_ms=r.lognorm(6000, 0.4))


def hash_small(s):
    return sum(map(ord, s))


def ph_ip(r, phones):
    return r.pick(phones)["line"].ip(r)


# --------------------------------------------------------------------------- F3
def agentic_browser_farm(w):
    """A computer-use AI agent drives real, headful Chrome in cloud desktops:
    real Client Hints, webdriver false, human-like pacing (screenshot, think,
    act).  VMs come from three images, so device settings cluster; egress is
    the cloud until day 9, then mostly residential proxies."""
    r = w.stream("fraud/agentic-browser-farm")
    images = [
        {"os": "linux", "screen": W([("1280x800", 50), ("1024x768", 30), ("1920x1080", 20)]), "hc": [2, 4], "dm": [4, 8]},
        {"os": "linux", "screen": W([("1280x720", 60), ("1280x800", 40)]), "hc": [4], "dm": [8]},
        {"os": "win", "screen": W([("1920x1080", 50), ("1280x800", 25), ("1600x900", 25)]), "hc": [2, 4, 8], "dm": [4, 8]},
    ]
    provs = W([("aws", 30), ("gcp", 15), ("azure", 15), ("hetzner", 12), ("digitalocean", 12), ("linode", 8), ("vultr", 8)])
    vms = []

    def new_vm(day):
        im_i = r.int(0, 2)
        im = images[im_i]
        prov = provs(r)
        n4, n6 = host_net(w, r, prov, "US" if r.chance(0.7) else None)
        tz = wpick(r, [("UTC", 45), ("America/Los_Angeles", 20), ("America/New_York", 20), ("proxy", 15)])
        return {"image": im_i, "os": im["os"], "ip": fmt4(n4.host(r)), "screen": im["screen"](r),
                "hc": r.pick(im["hc"]), "dm": r.pick(im["dm"]), "tz": tz, "born": day,
                "langs": ["en-US", "en"] if r.chance(0.8) else ["en-US"]}
    per_day = {d: int(PARAMS["agentic-browser-farm"]["accounts"] * (0.5 + 0.1 * (d - 3)) / 11.0) for d in range(3, DAYS)}
    for d in range(3, DAYS):
        vms = [v for v in vms if d - v["born"] < 2 or r.chance(0.3)]
        while len(vms) < 10:
            vms.append(new_vm(d))
        todo = per_day[d]
        while todo > 0:
            start = WINDOW_START + d * 86400 + r.uniform(0, 86400)
            for vm in r.sample(vms, r.int(3, 6)):
                tt = start + r.uniform(0, 600)
                for _ in range(r.int(3, 7)):
                    if todo <= 0:
                        break
                    todo -= 1
                    tt += r.lognorm(9 * 60, 0.3)
                    cc = "US"
                    if d >= PARAMS["agentic-browser-farm"]["resi_proxy_from_day"] and r.chance(0.55):
                        cc = wpick(r, [("US", 60), ("GB", 15), ("CA", 10), ("DE", 15)])
                        ip, ptz = resi(w, r, cc)
                    else:
                        ip, ptz = vm["ip"], "America/New_York"
                    tz = ptz if vm["tz"] == "proxy" else vm["tz"]
                    hw = {"screen": vm["screen"], "hc": vm["hc"], "dm": vm["dm"], "canvas": f"swiftshader-img{vm['image']}"}
                    cl = C.desktop(r, "chrome", vm["os"], vm["langs"], tz, d, hw=hw, major=142)
                    dom = wpick(r, [("outlook.com", 50), ("gmail.com", 30), ("hotmail.com", 20)])

                    def uname(p):
                        return (f"{r.pick(I.ART_WORDS)}_{r.pick(['wanderer', 'dreamer', 'brushstrokes', 'visions', 'canvas', 'artistry', 'creations', 'muse'])}"
                                + (str(r.int(1, 99)) if r.chance(0.4) else ""))
                    p = fperson(w, r, cc, "agentic-browser-farm",
                                lambda p: f"{p.given.lower()}.{p.family.lower()}{r.int(10, 99)}@{dom}",
                                client=cl, langs=vm["langs"], tz=tz, username_fn=uname)
                    w.sink.add(tt, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username,
                               fill_ms=r.lognorm(58000, 0.3),
                               referer=f"{ORIGIN}/signup" if r.chance(0.6) else f"{ORIGIN}/signup?next=%2Fapi-keys")
                    if r.chance(0.2):
                        w.sink.add(tt + r.uniform(3600, 86400), "login", ip, cl, LABEL, p.campaign, p.account, p.email,
                                   success=True, fill_ms=r.lognorm(20000, 0.3))


# --------------------------------------------------------------------------- F4
def phone_farm(w):
    """A rack of 40 cheap Android phones in Hanoi runs the real Android app
    around the clock: reset, toggle airplane mode (new CGNAT address), sign up,
    claim credits; accounts are resold and later logged into by buyers."""
    r = w.stream("fraud/phone-farm-resale")
    car = {c.asn: c for c in w.inet.mob["VN"].items}
    phones = []
    for k in range(40):
        code = wpick(r, [("SM-A057F", 40), ("23124RN87G", 35), ("SM-A155F", 25)])
        c = wpick(r, [(car[7552], 60), (car[45899], 25), (car[131429], 15)])
        phones.append({"model": model_by_code(code), "line": MobileLine(w.inet, r, "VN", carrier=c, region="VN:Hanoi"),
                       "langs": ["vi-VN", "vi"] if r.chance(0.65) else ["en-US", "en"],
                       "upd": 8 + r.int(0, 6) if r.chance(0.3) else 99})
    prof = W(list(enumerate([5, 5, 5, 3, 1, 1, 1, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5])))
    for _ in range(PARAMS["phone-farm-resale"]["accounts"]):
        d = r.int(0, DAYS - 1)
        t = wrap(WINDOW_START + d * 86400 + prof(r) * 3600 + r.u() * 3600 - 7 * 3600)
        ph = r.pick(phones)
        ver = "5.12.0" if d >= ph["upd"] else "5.11.3"
        cl = C.android_app(r, "VN", ph["langs"], d, model=ph["model"], version=ver)
        dom = wpick(r, [("gmail.com", 75), ("hotmail.com", 15), ("yahoo.com", 10)])
        p = fperson(w, r, "VN", "phone-farm-resale", lambda p: gmail_like(r, p, dom), client=cl, langs=ph["langs"],
                    city_key="VN:Hanoi")
        if not w.sink.add(t, "signup", ph["line"].ip(r), cl, LABEL, p.campaign, p.account, p.email, p.username):
            continue
        for _ in range(r.int(0, 2)):   # claim credits on later days from the rack
            tl = t + r.uniform(0.5, 3) * 86400
            ph2 = ph if r.chance(0.7) else r.pick(phones)
            w.sink.add(tl, "login", ph2["line"].ip(r), C.android_app(r, "VN", ph2["langs"], day_of(tl), model=ph2["model"], version=ver),
                       LABEL, p.campaign, p.account, p.email, success=True)
        if r.chance(PARAMS["phone-farm-resale"]["resold_share"]):   # a buyer logs in
            bc = wpick(r, [("VN", 50), ("ID", 20), ("BR", 10), ("US", 10), ("KR", 10)])
            tl = t + r.uniform(1, 5) * 86400
            bl = HomeLine(w.inet, r, bc)
            blang = langs_for(r, bc)
            bcl = C.desktop(r, "chrome", "win", blang, COUNTRIES[bc].city(bl.city_key).tz, day_of(tl)) if r.chance(0.6) \
                else C.android_app(r, bc, blang, day_of(tl))
            w.sink.add(tl, "login", bl.ip(r), bcl, LABEL, p.campaign, p.account, p.email, success=True,
                       fill_ms=r.lognorm(9000, 0.5))


# --------------------------------------------------------------------------- F5
def unsupported_region(w):
    """Account resellers in mainland China (where Kanvas is not offered) open
    accounts through commercial VPNs, cloud-hosted proxy 'airports' in Tokyo,
    Hong Kong and Singapore, and iCloud Private Relay on iPhones with foreign
    Apple IDs.  Buyers then log in the same way."""
    r = w.stream("fraud/unsupported-region-resellers")
    vpn = W([("m247", 35), ("datacamp", 25), ("packethub", 20), ("tefincom", 20)])
    cloud = W([("vultr", 35), ("alibaba", 20), ("tencent", 20), ("aws", 15), ("linode", 10)])
    exit_cc = W([("JP", 40), ("HK", 20), ("SG", 15), ("US", 15), ("TW", 5), ("KR", 5)])
    relay_cc = W([("HK", 30), ("JP", 35), ("US", 25), ("SG", 10)])

    def egress():
        how = wpick(r, [("vpn", 35), ("cloud", 35), ("relay", 30)])
        if how == "relay":
            n4, n6 = w.inet.relay[relay_cc(r)](r)
            return how, (n6.fmt(n6.host(r)) if r.chance(0.5) else fmt4(n4.pooled(r)))
        prov = vpn(r) if how == "vpn" else cloud(r)
        n4, n6 = host_net(w, r, prov, exit_cc(r))
        return how, (fmt4(n4.pooled(r)) if n4.pool else fmt4(n4.host(r)))

    def client(how, day):
        langs = langs_for(r, "CN")
        if how == "relay":
            tz = "Asia/Shanghai" if r.chance(0.8) else "Asia/Hong_Kong"
            return C.iphone(r, "CN", langs, tz, day)
        tz = "Asia/Shanghai" if r.chance(0.7) else r.pick(["Asia/Tokyo", "Asia/Hong_Kong", "Asia/Singapore"])
        fam, os_ = wpick(r, [(("chrome", "win"), 60), (("edge", "win"), 25), (("chrome", "mac"), 15)])
        return C.desktop(r, fam, os_, langs, tz, day)

    doms = W([("qq.com", 25), ("163.com", 12), ("126.com", 3), ("gmail.com", 35), ("outlook.com", 20), ("icloud.com", 5)])
    for _ in range(PARAMS["unsupported-region-resellers"]["accounts"]):
        d = r.int(0, DAYS - 1)
        t = op_time(r, "Asia/Shanghai", d, "consumer")
        how, ip = egress()
        cl = client(how, d)
        dom = doms(r)

        def em(p):
            if dom == "qq.com" and r.chance(0.5):
                return f"{r.int(100000000, 3999999999)}@qq.com"
            return gmail_like(r, p, dom)
        p = fperson(w, r, "CN", "unsupported-region-resellers", em, client=cl, langs=cl.device["languages"],
                    tz=cl.device["timezone"])
        if not w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username,
                          fill_ms=r.lognorm(36000, 0.45)):
            continue
        if r.chance(0.6):
            for _ in range(r.int(1, 3)):
                tl = t + r.uniform(0.2, 4) * 86400
                how2, ip2 = egress()
                w.sink.add(tl, "login", ip2, client(how2, day_of(tl)), LABEL, p.campaign, p.account, p.email,
                           success=r.chance(0.95), fill_ms=r.lognorm(12000, 0.5))


# --------------------------------------------------------------------------- F6
def ios_api_script(w):
    """A Python script posts straight to the signup API with the iOS app's
    User-Agent.  Days 1-6 it replays an old capture (stale app build, browser-
    style Accept-Language, requests' Accept-Encoding) from a few VPS addresses
    and rotating IPv6 inside hosting /44s; from day 7 it replays a fresh
    capture header-for-header and adds residential and Japanese mobile proxies."""
    r = w.stream("fraud/ios-api-script-farm")
    v4_pool = []
    for prov, cc in [("digitalocean", "SG"), ("digitalocean", "US"), ("vultr", "JP"), ("hetzner", "DE"), ("ovh", "FR"),
                     ("linode", "JP")]:
        n4, _ = host_net(w, r, prov, cc)
        v4_pool += [fmt4(n4.host(r)) for _ in range(2)]
    v6_nets = [host_net(w, r, "vultr", "JP")[1], host_net(w, r, "digitalocean", "SG")[1], host_net(w, r, "linode", "JP")[1]]
    ios_list = ["26.1.0", "26.0.1", "18.7.1", "18.6.2", "26.1.0", "17.7.2"]
    n = PARAMS["ios-api-script-farm"]["accounts"]
    made = 0
    while made < n:
        d = r.int(1, DAYS - 1)
        start = WINDOW_START + d * 86400 + r.uniform(0, 86400)
        size = r.int(15, 40)
        span = r.uniform(8, 20) * 60
        for k in range(size):
            if made >= n:
                break
            made += 1
            t = start + span * k / size + r.uniform(0, 20)
            v2 = d >= PARAMS["ios-api-script-farm"]["header_replay_from_day"]
            if not v2:
                osv = r.pick(["17.5.1", "17.6.1", "18.0.1"])
                h = {"user-agent": f"Kanvas/5.11.2 (app.kanvas.ios; build:51120; iOS {osv}) Alamofire/5.9.1",
                     "accept": "*/*", "accept-encoding": "gzip, deflate", "accept-language": "en-US,en;q=0.9",
                     "connection": "keep-alive", "content-type": "application/json", "x-kanvas-client": "ios/5.11.2"}
                ip = r.pick(v4_pool) if r.chance(0.7) else (lambda n6: n6.fmt(n6.host(r)))(r.pick(v6_nets))
            else:   # fresh capture; language and names follow the proxy's country
                ver = "5.12.1"
                cc = wpick(r, [("JP", 55), ("US", 45)])
                langs = langs_for(r, cc)
                h = {"user-agent": f"Kanvas/{ver} (app.kanvas.ios; build:{C.IOS_APP[ver]}; iOS {r.pick(ios_list)}) Alamofire/5.10.2",
                     "accept": "application/json", "accept-encoding": "br;q=1.0, gzip;q=0.9, deflate;q=0.8",
                     "accept-language": C.al_alamofire(langs, cc), "content-type": "application/json",
                     "x-kanvas-client": f"ios/{ver}"}
                how = wpick(r, [("v6", 30), ("resi", 45), ("mobile", 25)])
                if how == "v6":
                    n6 = r.pick(v6_nets)
                    ip = n6.fmt(n6.host(r))
                elif how == "resi":
                    ip, _ = resi(w, r, cc)
                else:
                    ip = MobileLine(w.inet, r, cc).ip(r)
            cl = C.Client("ios_app", "ios_app", h["user-agent"], h, None, True, "ios")
            if not v2:
                cc = wpick(r, [("US", 40), ("JP", 30), ("GB", 10), ("DE", 10), ("FR", 10)])
            natural = v2 and r.chance(0.5)
            dom = wpick(r, [("outlook.com", 35), ("hotmail.com", 25), ("gmail.com", 40)])
            p = fperson(w, r, cc, "ios-api-script-farm",
                        lambda p: I.email(r, p.given, p.family, cc, plus_rate=0, disposable_rate=0) if natural
                        else gmail_like(r, p, dom), client=cl,
                        username_fn=None if natural else (lambda p: f"{p.given.lower()}{p.family.lower()[:3]}{r.int(100, 9999)}"))
            if not w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username):
                continue
            for _ in range(r.int(0, 3)):
                tl = t + r.uniform(0.1, 3) * 86400
                w.sink.add(tl, "login", r.pick(v4_pool) if not v2 else ip, cl, LABEL, p.campaign, p.account, p.email,
                           success=True)


# --------------------------------------------------------------------------- F7
SYL = ["vex", "qor", "lum", "zan", "pix", "mora", "tel", "nix", "vo", "ka", "ri", "lo", "bit", "zo", "fen", "dra",
       "quo", "sil", "tor", "yu", "mei", "rax", "ulo", "pen"]
CATCH_ALL = ["lumaforge.xyz", "pixnest.online", "studiomail.top", "arcmailbox.com", "novaglyph.net", "inkdrop.site",
             "renderhub.store", "kanvasfans.xyz", "mailcrate.io", "brushpost.net", "dotframe.click", "vividbox.org"]


def disposable_ring(w):
    """Temporary-mail and catch-all domains: a crew of three in Poland and Spain
    signs up on six laptops through consumer VPNs, with addresses at public
    disposable services, freshly registered temp-mail domains no blocklist knows
    yet, and twelve catch-all domains of their own (local parts look like names)."""
    r = w.stream("fraud/disposable-domain-ring")
    homes = [HomeLine(w.inet, r, "PL", "PL:Wroclaw"), HomeLine(w.inet, r, "PL", "PL:Lodz"), HomeLine(w.inet, r, "ES", "ES:Valencia")]
    laptops = []
    for k in range(6):
        laptops.append({"home": homes[k % 3], "tz": "Europe/Warsaw" if k % 3 < 2 else "Europe/Madrid",
                        "langs": langs_for(r, "PL" if k % 3 < 2 else "ES"),
                        "hw": {"screen": C.WIN_SCREENS(r), "hc": C.WIN_HC(r), "dm": 8,
                               "canvas": f"win-{r.pick(C.WIN_GPUS)}-{r.int(0, 4000)}"},
                        "upd": r.int(3, 10)})
    vpn = W([("packethub", 35), ("cyberzone", 25), ("proton", 20), ("m247", 20)])
    fresh = {}
    for d in range(DAYS):
        if d % 3 != 2:
            fresh[d] = f"{r.pick(SYL)}{r.pick(SYL)}{r.pick(SYL)}{r.pick(['mail', '', 'box', ''])}.{r.pick(['site', 'shop', 'online', 'xyz', 'top', 'store', 'click'])}"
        else:
            fresh[d] = fresh[d - 1]
    ca_w = W([(dname, r.uniform(0.5, 1.5)) for dname in CATCH_ALL])
    for _ in range(PARAMS["disposable-domain-ring"]["accounts"]):
        d = r.int(0, DAYS - 1)
        lp = r.pick(laptops)
        t = op_time(r, lp["tz"], d, "consumer")
        major = 142 if d >= lp["upd"] else 141
        cl = C.desktop(r, "chrome", "win", lp["langs"], lp["tz"], d, hw=lp["hw"], major=major) if r.chance(0.75) else \
            C.desktop(r, "firefox", "win", lp["langs"], lp["tz"], d, hw=lp["hw"])
        if r.chance(0.6):
            n4, n6 = host_net(w, r, vpn(r), wpick(r, [("PL", 25), ("DE", 25), ("NL", 15), ("GB", 15), ("US", 20)]))
            ip = fmt4(n4.pooled(r))
        else:
            ip = lp["home"].ip(r)
        kind = wpick(r, [("public", 15), ("fresh", 35), ("catchall", 50)])
        cc = wpick(r, [("US", 40), ("GB", 20), ("DE", 20), ("PL", 20)])

        def em(p):
            if kind == "public":
                return f"{p.given.lower()}{r.int(10, 9999)}@{r.pick(I.LEGIT_DISPOSABLE)}"
            if kind == "fresh":
                return f"{r.token(r.int(8, 12), 'abcdefghijklmnopqrstuvwxyz0123456789')}@{fresh[d]}"
            return f"{p.given.lower()}{r.pick(['.', '', '_'])}{p.family.lower()}@{ca_w(r)}"
        p = fperson(w, r, cc, "disposable-domain-ring", em, client=cl, langs=lp["langs"], tz=lp["tz"])
        if w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username, fill_ms=r.lognorm(13000, 0.35)):
            if r.chance(0.25):
                w.sink.add(t + r.uniform(1800, 2 * 86400), "login", ip, cl, LABEL, p.campaign, p.account, p.email,
                           success=True, fill_ms=r.lognorm(5000, 0.4))


# --------------------------------------------------------------------------- F8
def slow_operator(w):
    """One careful person near Chicago makes 3-4 accounts a day by hand and
    ages them for resale: five everyday devices used in turn (Safari and Chrome
    on a MacBook Air, an iPhone, a Windows laptop with Edge, an iPad), rotating
    the home cable line, phone data and a commercial VPN.  Addresses look like
    anybody's, pacing is human."""
    r = w.stream("fraud/slow-manual-operator")
    home = HomeLine(w.inet, r, "US", "US:Chicago", isp=[i for i in w.inet.res["US"].items if i.asn == 7922][0])
    mob = MobileLine(w.inet, r, "US", carrier=[c for c in w.inet.mob["US"].items if c.asn == 21928][0])
    langs = ["en-US", "en"]
    tz = "America/Chicago"
    devices = [C.desktop(r, "safari", "mac", langs, tz, 0, hw={"chip": "M2", "screen": "1470x956", "hc": 8}),
               C.desktop(r, "chrome", "mac", langs, tz, 0, hw={"chip": "M2", "screen": "1470x956", "hc": 8}),
               C.iphone(r, "US", langs, tz, 0, model=("iPhone 15", "393x852"), ios=C.IOS_VERSIONS[1]),
               C.desktop(r, "edge", "win", langs, tz, 0),
               C.desktop(r, "safari", "mac", langs, tz, 0, hw={"chip": "M1", "screen": "1180x820", "hc": 8, "touch": 5})]
    made = 0
    for d in range(DAYS):
        k = r.int(3, 4)
        t = WINDOW_START + d * 86400 + r.uniform(9, 11) * 3600 + 6 * 3600
        for _ in range(k):
            if made >= PARAMS["slow-manual-operator"]["accounts"]:
                break
            made += 1
            t += r.uniform(1.5, 3.5) * 3600
            cl = devices[(made + r.int(0, 1)) % len(devices)]
            how = wpick(r, [("home", 35), ("mobile", 40 if cl.mobile else 10), ("vpn", 25)])
            if how == "home":
                ip = home.ip(r)
            elif how == "mobile":
                ip = mob.ip(r)
            else:
                n4, _ = host_net(w, r, r.pick(["proton", "packethub"]), "US")
                ip = fmt4(n4.pooled(r))
            p = fperson(w, r, "US", "slow-manual-operator",
                        lambda p: I.email(r, p.given, p.family, "US", plus_rate=0, disposable_rate=0),
                        client=cl, langs=langs, tz=tz)
            w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username,
                       fill_ms=r.lognorm(48000, 0.4), referer=f"{ORIGIN}/signup" if r.chance(0.6) else
                       f"{ORIGIN}/signup?utm_source=google&utm_medium=cpc&utm_campaign=brand_us")
            tl = t + r.uniform(2, 5) * 86400
            w.sink.add(tl, "login", home.ip(r) if r.chance(0.5) else mob.ip(r), cl, LABEL, p.campaign, p.account,
                       p.email, success=True, fill_ms=r.lognorm(14000, 0.4))


# --------------------------------------------------------------------------- F9
def adaptive_farm(w):
    """Puppeteer with the stealth plugin (Windows UA, patched webdriver) on
    rented servers.  After day 5, when its hosting addresses stop working, it
    changes one thing: the egress, to residential and US mobile proxies.
    Devices, pacing and e-mail habits stay the same."""
    r = w.stream("fraud/adaptive-headless-farm")
    servers = []
    for prov in ["hetzner", "hetzner", "ovh", "digitalocean", "contabo", "hetzner", "ovh", "digitalocean"]:
        n4, _ = host_net(w, r, prov)
        servers += [fmt4(n4.host(r)) for _ in range(3)]
    sw = PARAMS["adaptive-headless-farm"]["switch_day"]
    for d in range(DAYS):
        n = int(r.uniform(0.85, 1.15) * (130 if d < sw else 60))
        for _ in range(n):
            t = WINDOW_START + d * 86400 + r.uniform(0, 86400)
            scr = wpick(r, [("1920x1080", 50), ("800x600", 15), ("1366x768", 35)])
            hc = r.pick([8, 16, 16])
            tz = "America/New_York"
            cl = C.desktop(r, "chrome", "win", ["en-US", "en"], tz, d,
                           hw={"screen": scr, "hc": hc, "dm": 8, "canvas": "headless-swiftshader"}, major=141,
                           webdriver=(d < 2 and r.chance(0.06)))
            if r.chance(0.35):
                cl.headers = dict(cl.headers, **{"sec-ch-ua-platform": '"Linux"'})
            if d < sw:
                ip = r.pick(servers)
            elif r.chance(0.7):
                ip, _ = resi(w, r, wpick(r, [("US", 60), ("GB", 15), ("CA", 15), ("DE", 10)]))
            else:
                car = [c for c in w.inet.mob["US"].items if c.asn in (21928, 22394)]
                ip = MobileLine(w.inet, r, "US", carrier=r.pick(car)).ip(r)
            dom = wpick(r, [("outlook.com", 45), ("gmail.com", 40), ("yahoo.com", 15)])
            cc = wpick(r, [("US", 70), ("GB", 15), ("CA", 15)])
            p = fperson(w, r, cc, "adaptive-headless-farm",
                        lambda p: f"{p.given.lower()}{p.family.lower()}{r.int(100, 9999)}@{dom}", client=cl,
                        username_fn=lambda p: f"{p.given.lower()}_{r.pick(I.ART_WORDS)}{r.int(10, 999)}")
            hp = f"{p.given} {p.family}" if (d < 2 and r.chance(0.25)) else ""
            if w.sink.add(t, "signup", ip, cl, LABEL, p.campaign, p.account, p.email, p.username,
                          fill_ms=r.lognorm(2400, 0.3), honeypot=hp):
                for k in range(r.int(0, 2)):
                    tl = t + (k + 1) * 86400 + r.uniform(-7200, 7200)
                    ip2 = r.pick(servers) if day_of(tl) < sw else resi(w, r, "US")[0]
                    w.sink.add(tl, "login", ip2, cl, LABEL, p.campaign, p.account, p.email, success=True,
                               fill_ms=r.lognorm(1500, 0.3))


# --------------------------------------------------------------------------- F10, F11
STUFF_UAS = [(v, os_) for v in (116, 119, 120, 122, 124, 126, 128, 131) for os_ in ("win", "mac")]


def credential_stuffing(w):
    """OpenBullet-style configs replay a combo list against the login form in
    three waves through a residential proxy pool (1-3 tries per address),
    datacenter proxies and rented servers; no JavaScript ran, or a device blob
    captured once is replayed.  Hits are used for takeover (account-takeover)."""
    r = w.stream("fraud/credential-stuffing")
    ra = w.stream("fraud/account-takeover")
    waves = [(2 + 9 / 24, 5 * 3600, 2000), (6 + 22 / 24, 14 * 3600, 3000), (11 + 3 / 24, 5 * 3600, 2200)]
    geo = W([("US", 30), ("BR", 12), ("ID", 10), ("VN", 8), ("DE", 8), ("FR", 6), ("GB", 8), ("JP", 8), ("KR", 5),
             ("PL", 5)])
    replay_dev = C.desktop(r, "chrome", "win", ["en-US", "en"], "America/New_York", 0, major=124).device
    users = w.legit_accounts
    hits = []
    for (d0, span, n) in waves:
        t0 = WINDOW_START + d0 * 86400
        cfg_ua = [f"Mozilla/5.0 ({'Windows NT 10.0; Win64; x64' if o == 'win' else 'Macintosh; Intel Mac OS X 10_15_7'}) "
                  f"AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36" for v, o in STUFF_UAS]
        ch_static = C.sec_ch_ua(124, "Google Chrome")
        for k in range(n):
            t = t0 + span * (k / n) + r.uniform(-60, 60)
            how = wpick(r, [("resi", 70), ("dc", 20), ("vps", 10)])
            if how == "resi":
                ip, _ = resi(w, r, geo(r))
            elif how == "dc":
                n4, _ = host_net(w, r, r.pick(["m247", "datacamp", "clouvider"]))
                ip = fmt4(n4.pooled(r))
            else:
                n4, _ = host_net(w, r, r.pick(["digitalocean", "ovh", "contabo", "vultr"]))
                ip = fmt4(n4.host(r))
            cfg = wpick(r, [("sloppy", 35), ("accurate", 45), ("replay", 20)])
            if cfg == "sloppy":
                ua = r.pick(cfg_ua)
                h = {"user-agent": ua, "accept": r.pick(["*/*", C.NAV_ACCEPT_CHROMIUM]), "accept-language": "en-US,en;q=0.9",
                     "accept-encoding": "gzip, deflate, br", "content-type": "application/x-www-form-urlencoded",
                     "origin": ORIGIN, "referer": f"{ORIGIN}/login"}
                if r.chance(0.55):
                    h["sec-ch-ua"] = ch_static
                    h["sec-ch-ua-mobile"] = "?0"
                    h["sec-ch-ua-platform"] = '"Windows"'
                if r.chance(0.5):
                    h.update({"sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin"})
                dev, fill = None, None
            else:   # header template copied from a real Chrome; the login page is fetched first for the CSRF token
                m = r.pick([129, 130, 131, 133])
                ua = f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36"
                h = C._chromium_nav(ua, r.pick(["en-US,en;q=0.9", "en-US,en;q=0.9", "en-GB,en-US;q=0.9,en;q=0.8"]),
                                    C.sec_ch_ua(m, "Google Chrome"), False, "Windows")
                h.update({"origin": ORIGIN, "referer": f"{ORIGIN}/login", "content-type": "application/x-www-form-urlencoded"})
                dev = replay_dev if cfg == "replay" else None
                fill = r.lognorm(900, 0.5) if cfg == "accurate" else r.uniform(2e6, 9e6)
            cl = C.Client("bot", "openbullet", ua, h, dev, False, "bot")
            target = None
            if r.chance(0.35) and users:
                target = r.pick(users)
                if target.signup_t is not None and target.signup_t > t:
                    target = None
            if target is not None:
                ok = target.pw_reuse and r.chance(0.15)
                w.sink.add(t, "login", ip, cl, LABEL, "credential-stuffing", target.account, target.email, success=ok,
                           fill_ms=fill, headers=h)
                if ok:
                    hits.append((t, target))
            else:
                g, f = w.names.name(r, geo(r))
                em = I.email(r, g, f, geo(r), plus_rate=0, disposable_rate=0)
                w.sink.add(t, "login", ip, cl, LABEL, "credential-stuffing", None, em, success=False,
                           fill_ms=fill, headers=h)
    _takeovers(w, ra, hits)


def _takeovers(w, r, hits):
    """Takeover logins: stuffing hits are used hours to days later from an
    anti-detect browser on a residential exit in the victim's country; an AitM
    phishing crew logs into 60 creators' accounts with the victim's own UA
    string (captured by the kit) through a proxy on the victim's ISP."""
    for (t, v) in hits:
        for k in range(r.int(1, 3)):
            tl = t + r.uniform(0.05, 2.5) * 86400 + k * 3600
            ip, ptz = resi(w, r, v.cc)
            cl = C.desktop(r, "chrome", "win", v.langs, ptz, day_of(tl), hw={"canvas": f"noise-{r.hexs(12)}"},
                           major=r.pick([140, 141, 142]))
            w.sink.add(tl, "login", ip, cl, LABEL, "account-takeover", v.account, v.email, success=True,
                       fill_ms=r.lognorm(6000, 0.4))
    victims = [p for p in w.legit_accounts if p.cc in ("JP", "KR", "US", "TW", "DE") and p.primary.kind == "web"]
    for _ in range(PARAMS["account-takeover"]["phishing_victims"]):
        v = r.pick(victims)
        t0 = WINDOW_START + r.uniform(0.5, DAYS - 0.2) * 86400
        if v.signup_t is not None and v.signup_t > t0:
            continue
        line = HomeLine(w.inet, r, v.cc, v.city, isp=v.home.isp)   # proxy exit on the victim's ISP and city
        base = v.primary
        for k in range(r.int(1, 3)):
            tl = t0 + k * r.uniform(600, 20000)
            cl = C.desktop(r, "chrome", "win", v.langs, v.tz, day_of(tl), hw={"canvas": f"noise-{r.hexs(12)}"})
            h = dict(cl.headers)
            h["user-agent"] = base.ua   # the kit replays the victim's UA string
            if "sec-ch-ua" in base.headers:
                for key in ("sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform"):
                    h[key] = base.headers[key]
            else:
                for key in ("sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform"):
                    h.pop(key, None)
            h.update({"origin": ORIGIN, "referer": f"{ORIGIN}/login", "content-type": "application/x-www-form-urlencoded"})
            w.sink.add(tl, "login", fmt4(line.ip4), cl, LABEL, "account-takeover", v.account, v.email, success=True,
                       fill_ms=r.lognorm(4000, 0.4), headers=h)


ALL = [free_credit_farm, referral_ring, agentic_browser_farm, phone_farm, unsupported_region, ios_api_script,
       disposable_ring, slow_operator, adaptive_farm, credential_stuffing]
