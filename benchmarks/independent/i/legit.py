"""Legitimate populations of Palette. Every segment has its own parameters."""
import agents
import identity
from geo_data import CITIES
from world import (DAYS, H_CONSUMER, H_NIGHTOWL, H_STUDENT, H_WORK, T0, T1, Conn, Person,
                   local_hour, login_sessions, lognorm_ms, pick_country, region_of, sample_time, seeded, tz_offset,
                   web_form)

LEGIT = "legit"

SEGMENTS = {
    # name: parameters of the generic individual generator
    "organic_mobile_web": dict(n=8400, devices=[("mweb", 1.0)], nets=[("mob", 0.62), ("res", 0.36), ("sat", 0.02)],
                               fill=(32000, 0.6), plus_p=0.015, disp_p=0.002, hp_p=0.001, sessions=(1.8, 0.4), hourly=H_CONSUMER),
    "organic_desktop_web": dict(n=5000, devices=[("desk", 0.94), ("ipad", 0.06)], nets=[("res", 0.9), ("biz", 0.05), ("sat", 0.01), ("mob", 0.04)],
                                fill=(24000, 0.55), plus_p=0.03, disp_p=0.003, hp_p=0.004, sessions=(2.2, 0.3), hourly=H_CONSUMER, js_off=0.004),
    "android_app": dict(n=4300, devices=[("app_a", 1.0)], nets=[("mob", 0.66), ("res", 0.34)], fill=None, plus_p=0.005,
                        disp_p=0.001, sessions=(1.3, 0.6), hourly=H_NIGHTOWL),
    "ios_app": dict(n=2300, devices=[("app_i", 1.0)], nets=[("mob", 0.5), ("res", 0.5)], fill=None, plus_p=0.01,
                    disp_p=0.0, sessions=(1.3, 0.6), hourly=H_NIGHTOWL,
                    countries={"US": 9, "GB": 3, "JP": 3, "BR": 3, "MX": 2, "CA": 2, "AU": 1.5, "DE": 1.5, "FR": 1.5, "IN": 2,
                               "PH": 1.5, "ID": 1, "SA": 1, "AE": 1, "KR": 1, "CO": 1, "TH": 1, "NG": 0.5}),
    "legacy_devices": dict(n=700, devices=[("legacy_m", 0.55), ("legacy_i", 0.15), ("legacy_d", 0.3)], nets=[("mob", 0.55), ("res", 0.45)],
                           fill=(52000, 0.6), plus_p=0.0, disp_p=0.002, hp_p=0.002, sessions=(1.5, 0.4), hourly=H_CONSUMER,
                           countries={"NG": 4, "KE": 2, "GH": 2, "ET": 1, "EG": 2, "PK": 3, "BD": 3, "IN": 5, "ID": 3, "PH": 3, "VN": 2,
                                      "BR": 3, "MX": 2, "VE": 2, "PE": 1, "CO": 1, "US": 1, "UA": 1, "MA": 1, "TR": 1}),
    "password_manager_fast": dict(n=600, devices=[("desk", 0.85), ("mweb", 0.15)], nets=[("res", 0.85), ("mob", 0.1), ("biz", 0.05)],
                                  fill=(2600, 0.45), plus_p=0.12, disp_p=0.0, hp_p=0.02, sessions=(2.5, 0.2), hourly=H_CONSUMER,
                                  alias_p=0.3, countries={"US": 8, "GB": 3, "DE": 3, "CA": 2, "NL": 1.5, "FR": 2, "AU": 1.5, "PL": 1,
                                                          "IN": 2, "BR": 1.5, "JP": 1, "ES": 1, "IT": 1, "SG": 0.5}),
    "privacy_relay_vpn": dict(n=900, devices=[("privacy", 1.0)], nets=[("privacy", 1.0)], fill=(21000, 0.6), plus_p=0.08, disp_p=0.01,
                              hp_p=0.0, sessions=(2.0, 0.3), hourly=H_CONSUMER, alias_p=0.2,
                              countries={"US": 8, "GB": 3, "DE": 3, "CA": 2, "FR": 2, "NL": 1, "AU": 1.5, "JP": 1.5, "BR": 2, "MX": 1,
                                         "IN": 2, "ES": 1, "IT": 1, "KR": 0.5, "TR": 1.5, "PL": 1}),
    "developer_api": dict(n=260, devices=[("dev", 1.0)], nets=[("res", 0.7), ("biz", 0.15), ("hosting", 0.15)], fill=(19000, 0.5),
                          plus_p=0.1, disp_p=0.0, hp_p=0.0, sessions=(5.0, 0.05), hourly=H_NIGHTOWL,
                          countries={"US": 6, "IN": 5, "DE": 2, "GB": 2, "BR": 2, "CA": 1, "FR": 1, "NG": 1, "PK": 1, "ID": 1, "VN": 1,
                                     "PL": 1, "UA": 1, "JP": 1, "KR": 0.5, "NL": 1, "ES": 0.5}),
}

ALIAS_DOMAINS = ["privaterelay.appleid.com", "mozmail.com", "simplelogin.com", "duck.com", "passmail.net", "addy.io"]
EDU_SUFFIX = {"US": "edu", "GB": "ac.uk", "IN": "ac.in", "BR": "edu.br", "ID": "ac.id", "PH": "edu.ph", "MX": "edu.mx", "NG": "edu.ng",
              "KE": "ac.ke", "DE": "de", "TR": "edu.tr", "PK": "edu.pk", "BD": "ac.bd", "VN": "edu.vn", "CO": "edu.co", "CA": "ca",
              "FR": "fr", "ES": "es", "IT": "it", "AR": "edu.ar", "CL": "cl", "JP": "ac.jp", "KR": "ac.kr", "AU": "edu.au",
              "ZA": "ac.za", "EG": "edu.eg", "TH": "ac.th", "MY": "edu.my", "GH": "edu.gh", "PE": "edu.pe", "PL": "edu.pl", "NL": "nl"}


def edu_domain(a, cc):
    words = [w for w in a.org.replace(",", " ").split() if w[:1].isupper() and w.lower() not in ("de", "of", "and", "for", "the", "e.v.")]
    short = "".join(w[0] for w in words).lower()[:6] or "uni"
    return f"{short}.{EDU_SUFFIX.get(cc, 'edu')}"


def make_device(rng, dtype, cc, person=None):
    region = region_of(cc)
    loc = person.lang.replace("-", "_") if person else "en_US"
    if dtype == "mweb":
        if rng.random() < (0.55 if cc in ("US", "JP", "GB", "CA", "AU", "SA", "AE") else (0.3 if cc in ("FR", "DE", "MX", "BR", "KR") else 0.1)):
            return agents.iphone_browser(rng)
        return agents.android_browser(rng, region)
    if dtype == "desk":
        return agents.desktop_browser(rng)
    if dtype == "ipad":
        return agents.ipad_safari(rng)
    if dtype == "app_a":
        return agents.android_app(rng, region)
    if dtype == "app_i":
        return agents.ios_app(rng)
    if dtype == "legacy_m":
        return agents.android_browser(rng, region, legacy=True)
    if dtype == "legacy_i":
        return agents.iphone_browser(rng, legacy=True)
    if dtype == "legacy_d":
        return agents.desktop_browser(rng, "windows", rng.choice(["chrome", "firefox"]), lag=True)
    if dtype == "inapp":
        app = rng.choice(["instagram", "tiktok", "tiktok", "facebook"])
        if rng.random() < (0.35 if cc in ("US", "BR", "MX") else 0.15):
            return agents.iphone_browser(rng, inapp=app if app != "facebook" else "instagram", locale=loc)
        return agents.android_webview_inapp(rng, region, app, loc)
    raise ValueError(dtype)


def access_conn(ctx, rng, person, nkind, dev=None):
    net = ctx.net
    cc = person.cc
    if nkind in ("res", "mob", "edu", "biz"):
        a = net.access_as(rng, cc, (nkind,))
    elif nkind == "sat":
        a = net.net(rng, "sat", cc)
    elif nkind == "hosting":
        a = net.net(rng, "hosting", cc)
    else:
        a = net.net(rng, nkind, cc)
    blocks = a.by_country.get(cc) or a.blocks
    same_city = [b for b in blocks if b.city[0] == person.city[0]]
    b = rng.choice(same_city if same_city and rng.random() < 0.85 else blocks)
    return Conn(net, rng, a, b)


def _hourly_ok(rng, t, tz, hourly):
    return rng.random() < hourly[int(local_hour(t, tz))] / max(hourly)


def individual(ctx, rng, name, p, person=None, t=None, dev=None, conn=None, email=None, username=None, sess=None):
    cc = person.cc if person else pick_country(rng, p.get("countries"))
    person = person or Person(ctx, rng, cc)
    dtype = rng.choices([d for d, _ in p["devices"]], [w for _, w in p["devices"]])[0]
    tz = person.tz
    privacy_mode = None
    if dtype == "privacy":
        privacy_mode = rng.choices(["icloud_relay", "warp", "vpn", "vpn_firefox_rfp", "brave", "tor"], [0.45, 0.08, 0.3, 0.07, 0.08, 0.02])[0]
        if privacy_mode == "icloud_relay":
            dev = dev or (agents.iphone_browser(rng, browser="safari") if rng.random() < 0.75 else agents.desktop_browser(rng, "mac", "safari"))
        elif privacy_mode == "warp":
            dev = dev or agents.android_browser(rng, region_of(cc), browser="chrome")
        elif privacy_mode in ("vpn_firefox_rfp", "tor"):
            dev = dev or agents.desktop_browser(rng, rng.choice(["windows", "linux", "mac"]), "firefox")
            if privacy_mode == "tor":
                dev.ua = "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0"
            # resistFingerprinting / Tor Browser: letterboxed screen, 2 cores, UTC
            dev.nav.update({"screen": rng.choice(["1400x900x24", "1000x900x24", "1200x900x24"]), "hwc": 2})
            tz = "Etc/UTC"
            dev.entropy = "rfp"
        elif privacy_mode == "brave":
            dev = dev or agents.desktop_browser(rng, rng.choice(["windows", "mac", "linux"]), "brave")
        else:
            dev = dev or make_device(rng, rng.choice(["desk", "desk", "mweb"]), cc, person)
        if conn is None:
            if privacy_mode == "icloud_relay":
                a = ctx.net.ases[rng.choice([36183, 36183, 36183, 13335, 54113])]
                cc2 = cc if cc in a.by_country else "US"
                conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc2))
            elif privacy_mode == "warp":
                a = ctx.net.ases[13335]
                conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc if cc in a.by_country else "US"))
            elif privacy_mode == "tor":
                a = ctx.net.net(rng, "tor")
                conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a))
            else:
                a = ctx.net.net(rng, "vpn", cc)
                exit_cc = cc if (cc in a.by_country and rng.random() < 0.7) else rng.choice(["US", "NL", "DE", "GB", "SG", "JP"])
                conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, exit_cc if exit_cc in a.by_country else None))
    elif dtype == "dev":
        if rng.random() < 0.25:
            dev = dev or agents.sdk_client(rng)
        else:
            dev = dev or agents.desktop_browser(rng, rng.choice(["mac", "mac", "linux", "windows"]), rng.choice(["chrome", "chrome", "firefox", "brave"]))
    dev = dev or make_device(rng, dtype, cc, person)
    if conn is None:
        nets = p["nets"]
        if dev.os == "ios" or dev.os == "android":
            nets = [(k, w) for k, w in nets if k != "biz"] or nets
        elif dev.kind == "web" and dev.os not in ("ios", "android"):
            nets = [(k, w if k != "mob" else w * 0.3) for k, w in nets]
        nk = rng.choices([k for k, _ in nets], [w for _, w in nets])[0]
        conn = access_conn(ctx, rng, person, nk, dev)
    langs = person.langs(dev)
    if privacy_mode in ("vpn_firefox_rfp", "tor"):
        langs = ["en-US", "en"]
    if t is None:
        t = sample_time(rng, person.tz, p["hourly"], p.get("days"))
    if email is None:
        if rng.random() < p.get("alias_p", 0):
            email = ctx.unique_email(rng, identity.random_handle(rng, rng.randrange(8, 14)) if rng.random() < 0.7 else
                                     f"{person.fs}.{identity.random_handle(rng, 5, False)}", rng.choice(ALIAS_DOMAINS))
        elif dev.os == "ios" and person.domain == "gmail.com" and rng.random() < 0.25:
            email = person.email(ctx, rng, p["plus_p"], p["disp_p"], domain="icloud.com")
        elif privacy_mode is not None and rng.random() < 0.25:
            email = person.email(ctx, rng, p["plus_p"], p["disp_p"], domain="proton.me")
        else:
            email = person.email(ctx, rng, p["plus_p"], p["disp_p"])
    username = username or person.username(rng)
    account = ctx.new_id("acct_")
    form = None
    if dev.kind == "web":
        med, sig = p["fill"] or (25000, 0.6)
        if dev.os in ("ios", "android") and dtype not in ("mweb",):
            med *= 1.1
        if rng.random() < p.get("autofill_p", 0.15):
            med, sig = 7000, 0.5     # browser autofill / password-manager suggestion
        form = web_form(rng, med, sig, p.get("hp_p", 0.0))
    js = dev.kind == "web" and rng.random() >= p.get("js_off", 0.0)
    if not js:
        dev.js = False
    salt = ("brave-%d" % rng.randrange(1 << 30)) if dev.browser == "brave" else ""
    ip = conn.ip(rng)
    ctx.emit("signup", t, ip, LEGIT, name, dev, langs, tz, account=account, email=email, username=username, form=form, fp_salt=salt)
    ctx.accounts.append((account, email, LEGIT, name))
    ms, pn = sess or p["sessions"]
    other = None
    if rng.random() < 0.3:
        other = make_device(rng, "desk" if dev.os in ("ios", "android") else "mweb", person.cc, person)
    login_sessions(ctx, rng, t, account, email, username, LEGIT, name, dev, conn.ip, langs, tz,
                   mean_sessions=ms, p_none=pn, other_dev=other,
                   pm_fast=0.8 if name == "password_manager_fast" else 0.2)
    return person, dev, conn, t, account


def run_generic(ctx, name, scale=1.0):
    p = SEGMENTS[name]
    rng = seeded(ctx.seed, "legit", name)
    for _ in range(int(p["n"] * scale)):
        individual(ctx, rng, name, p)


# ---------------------------------------------------------------------------
def university_lab(ctx, scale=1.0):
    """Computer-lab sessions: one campus NAT, identical imaged PCs, the instructor says 'sign up now'."""
    name = "university_lab"
    rng = seeded(ctx.seed, "legit", name)
    countries = {"IN": 6, "BR": 4, "ID": 3, "PH": 3, "MX": 2, "NG": 2, "KE": 1.5, "US": 3, "GB": 1.5, "DE": 1.5, "TR": 1.5,
                 "PK": 1.5, "BD": 1, "VN": 1.5, "CO": 1, "AR": 1, "EG": 1, "GH": 0.5, "ZA": 1, "TH": 1, "MY": 0.5, "FR": 1}
    p = dict(hourly=H_STUDENT, fill=(38000, 0.55))
    target = int(1150 * scale)
    made = 0
    while made < target:
        cc = pick_country(rng, countries)
        a = ctx.net.access_as(rng, cc, ("edu",))
        block = ctx.net.block(rng, a, cc)
        kind = a.kind
        n = min(target - made, rng.randrange(12, 42))
        lab_dev = agents.desktop_browser(rng, rng.choice(["windows", "windows", "windows", "linux", "mac"]),
                                         rng.choice(["chrome", "chrome", "edge", "firefox"]))
        lab_dev.entropy = agents.h32("lab", rng.random())   # imaged machines: one fingerprint per lab image
        nat_ips = [ctx.net.addr(rng, a, block, v6=False, cgnat=False) for _ in range(rng.choice([1, 1, 1, 2, 4]))]
        # weekday class slot
        while True:
            d = rng.randrange(DAYS)
            if d % 7 < 5:
                break
        slot = rng.choice([8, 9, 10, 11, 13, 14, 15, 16])
        city = block.city
        tz = city[5]
        t0 = T0 + d * 86400 + slot * 3600 + rng.random() * 1200 - tz_offset(tz)
        if not (T0 <= t0 < T1 - 7200):
            continue
        uni_dom = edu_domain(a, cc) if kind == "edu" else None
        for i in range(n):
            person = Person(ctx, rng, cc, city=city)
            person.birth = rng.choice(range(1998, 2007))
            t = t0 + rng.expovariate(1 / 420.0) + i * 15
            dom = uni_dom if (uni_dom and rng.random() < 0.45) else None
            email = person.email(ctx, rng, 0.01, 0.0, domain=dom)
            ip = rng.choice(nat_ips)
            langs = person.langs(lab_dev)
            acct = ctx.new_id("acct_")
            un = person.username(rng)
            ctx.emit("signup", t, ip, LEGIT, name, lab_dev, langs, tz, account=acct, email=email, username=un,
                     form=web_form(rng, *p["fill"]))
            ctx.accounts.append((acct, email, LEGIT, name))
            # later: at home on the phone
            home = access_conn(ctx, rng, person, rng.choice(["mob", "mob", "res"]))
            phone = make_device(rng, "mweb", cc, person)

            class _IP:
                def __init__(s):
                    s.n = 0

                def __call__(s, r):
                    s.n += 1
                    return rng.choice(nat_ips) if r.random() < 0.3 else home.ip(r)
            login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, phone, _IP(), person.langs(phone), tz,
                           mean_sessions=2.0, p_none=0.35, other_dev=lab_dev, hourly=H_CONSUMER)
            made += 1


def school_chromebooks(ctx, scale=1.0):
    name = "school_chromebooks"
    rng = seeded(ctx.seed, "legit", name)
    countries = {"US": 5, "GB": 2, "AU": 1, "CA": 1, "BR": 1.5, "MX": 1, "NL": 0.5, "ES": 0.5}
    target = int(520 * scale)
    made = 0
    while made < target:
        cc = pick_country(rng, countries)
        a = ctx.net.access_as(rng, cc, ("biz", "res"))
        block = ctx.net.block(rng, a, cc)
        ip = ctx.net.addr(rng, a, block, v6=False, cgnat=False)
        dev = agents.desktop_browser(rng, "chromeos", "chrome")
        dev.entropy = agents.h32("district-image", rng.random())
        district = identity.random_handle(rng, 5, False)
        dom = f"student.{district}{rng.choice(['isd.org', 'schools.org', 'k12.us', '.sch.uk', 'edu.net'])}".replace("..", ".")
        city = block.city
        tz = city[5]
        while True:
            d = rng.randrange(DAYS)
            if d % 7 < 5:
                break
        t0 = T0 + d * 86400 + rng.choice([8, 9, 10, 11, 13, 14]) * 3600 - tz_offset(tz)
        n = min(target - made, rng.randrange(10, 30))
        for i in range(n):
            person = Person(ctx, rng, cc, city=city)
            person.birth = rng.choice(range(2007, 2011))
            t = t0 + rng.random() * 1500
            local = f"{person.fs[:1]}{person.ls}{rng.randrange(10, 99)}" if rng.random() < 0.8 else person.local
            email = ctx.unique_email(rng, local, dom) if rng.random() < 0.75 else person.email(ctx, rng)
            acct = ctx.new_id("acct_")
            un = person.username(rng)
            langs = person.langs(dev)
            ctx.emit("signup", t, ip, LEGIT, name, dev, langs, tz, account=acct, email=email, username=un,
                     form=web_form(rng, 45000, 0.6, 0.0))
            ctx.accounts.append((acct, email, LEGIT, name))
            login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, dev, lambda r: ip, langs, tz,
                           mean_sessions=2.0, p_none=0.3, hourly=H_STUDENT)
            made += 1


def internet_cafe(ctx, scale=1.0):
    name = "internet_cafe"
    rng = seeded(ctx.seed, "legit", name)
    countries = {"PH": 4, "ID": 3, "VN": 3, "NG": 2, "PK": 2, "BD": 2, "EG": 1, "IN": 2, "KE": 1, "GH": 1, "PE": 1, "VE": 1}
    target = int(460 * scale)
    made = 0
    while made < target:
        cc = pick_country(rng, countries)
        a = ctx.net.access_as(rng, cc, ("res", "biz"))
        block = ctx.net.block(rng, a, cc)
        ip = ctx.net.addr(rng, a, block, v6=False, cgnat=False)
        npc = rng.randrange(6, 16)
        image = agents.desktop_browser(rng, "windows", rng.choice(["chrome", "chrome", "edge", "opera"]), lag=rng.random() < 0.5)
        image.entropy = agents.h32("cafe", rng.random())
        city = block.city
        tz = city[5]
        n = min(target - made, rng.randrange(6, 28))
        for i in range(n):
            person = Person(ctx, rng, cc, city=city)
            person.birth = rng.choice(range(1996, 2010))
            t = sample_time(rng, tz, H_NIGHTOWL)
            email = person.email(ctx, rng, 0.0, 0.01)
            acct = ctx.new_id("acct_")
            un = person.username(rng)
            langs = person.langs(image)
            pc = rng.randrange(npc)
            ctx.emit("signup", t, ip, LEGIT, name, image, langs, tz, account=acct, email=email, username=un,
                     form=web_form(rng, 36000, 0.6, 0.003), fp_salt=f"pc{pc % 2}")
            ctx.accounts.append((acct, email, LEGIT, name))
            login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, image, lambda r: ip, langs, tz,
                           mean_sessions=2.5, p_none=0.2, hourly=H_NIGHTOWL)
            made += 1


def family_shared_device(ctx, scale=1.0):
    name = "family_shared_device"
    rng = seeded(ctx.seed, "legit", name)
    target = int(360 * scale)
    made = 0
    while made < target:
        cc = pick_country(rng)
        parent = Person(ctx, rng, cc)
        dev = make_device(rng, rng.choice(["mweb", "mweb", "desk", "app_a"]), cc, parent)
        conn = access_conn(ctx, rng, parent, "res" if dev.os not in ("android", "ios") or rng.random() < 0.6 else "mob")
        k = min(target - made, rng.choice([2, 2, 2, 3, 3, 4]))
        t = sample_time(rng, parent.tz, H_CONSUMER, lo=T0, hi=T1 - 86400 * 3)
        for i in range(k):
            member = parent if i == 0 else Person(ctx, rng, cc, city=parent.city)
            if i > 0:
                member.last, member.ls = parent.last, parent.ls
                member.birth = rng.choice(range(2004, 2012))
                member.local = identity.legit_local(rng, member.fs, member.ls, member.birth)
                member.lang = parent.lang
            email = member.email(ctx, rng, 0.02, 0.0)
            acct = ctx.new_id("acct_")
            un = member.username(rng)
            langs = parent.langs(dev)
            form = web_form(rng, 30000, 0.6) if dev.kind == "web" else None
            ctx.emit("signup", t, conn.ip(rng), LEGIT, name, dev, langs, parent.tz, account=acct, email=email, username=un, form=form)
            ctx.accounts.append((acct, email, LEGIT, name))
            login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, dev, conn.ip, langs, parent.tz, mean_sessions=2.0, p_none=0.4)
            t += rng.choice([rng.uniform(300, 3600), rng.uniform(3600, 86400 * 3)])
            if t >= T1:
                break
            made += 1
        made += 0


def corporate_gateway(ctx, scale=1.0):
    """Employees behind Zscaler / Netskope: egress on a cloud gateway, sometimes in another country."""
    name = "corporate_gateway"
    rng = seeded(ctx.seed, "legit", name)
    countries = {"US": 6, "GB": 3, "DE": 3, "IN": 4, "FR": 2, "NL": 1.5, "BR": 2, "JP": 1.5, "SG": 1, "AU": 1, "CA": 1.5,
                 "ES": 1, "IT": 1, "PL": 1, "MX": 1}
    companies = []
    for i in range(40):
        cc = pick_country(rng, countries)
        f = identity.faker_for("en_US", ctx.seed)
        co = identity.ascii_slug(f.company().split()[0])[:12] or "corp"
        companies.append((cc, f"{co}{rng.choice(['.com', '.com', '-group.com', '.io', '.co'])}"))
    target = int(650 * scale)
    for _ in range(target):
        cc, dom = rng.choice(companies)
        person = Person(ctx, rng, cc)
        a = ctx.net.ases[rng.choice([53813, 53813, 55256])]
        node = cc if cc in a.by_country else rng.choice(sorted(a.by_country))
        if rng.random() < 0.15:
            node = rng.choice(sorted(a.by_country))
        conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, node))
        dev = agents.desktop_browser(rng, rng.choice(["windows"] * 4 + ["mac"]), rng.choice(["chrome", "edge", "edge", "chrome"]))
        t = sample_time(rng, person.tz, H_WORK, days=[1, 1, 1, 1, 1, 0.1, 0.1] * 2)
        email = ctx.unique_email(rng, f"{person.fs}.{person.ls}", dom) if rng.random() < 0.7 else person.email(ctx, rng)
        acct = ctx.new_id("acct_")
        un = person.username(rng)
        langs = person.langs(dev)
        ctx.emit("signup", t, conn.ip(rng), LEGIT, name, dev, langs, person.tz, account=acct, email=email, username=un,
                 form=web_form(rng, 20000, 0.6, 0.003))
        ctx.accounts.append((acct, email, LEGIT, name))
        login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, dev, conn.ip, langs, person.tz, mean_sessions=3, p_none=0.2, hourly=H_WORK)


def travellers(ctx, scale=1.0):
    name = "travellers"
    rng = seeded(ctx.seed, "legit", name)
    target = int(260 * scale)
    dests = ["US", "GB", "FR", "ES", "IT", "DE", "TH", "AE", "SG", "JP", "MX", "BR", "TR", "ID", "NL"]
    for _ in range(target):
        home = pick_country(rng, {"US": 5, "GB": 3, "DE": 3, "IN": 3, "BR": 2, "FR": 2, "AU": 1.5, "CA": 1.5, "NG": 1, "MX": 1,
                                  "SA": 1, "AE": 1, "JP": 1, "KR": 1, "PH": 1, "CO": 1})
        person = Person(ctx, rng, home)
        dest = rng.choice([d for d in dests if d != home])
        mode = rng.choice(["hotel_wifi", "hotel_wifi", "roaming", "airport", "local_sim"])
        dev = make_device(rng, rng.choice(["mweb", "mweb", "desk", "app_a", "app_i"]), home, person)
        if mode == "roaming":
            a = ctx.net.access_as(rng, home, ("mob",))   # roaming data egresses at the home carrier
            conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, home))
        else:
            a = ctx.net.access_as(rng, dest, ("biz", "res") if mode != "local_sim" else ("mob",))
            conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, dest))
        dest_tz = conn.block.city[5]
        # phones follow the local zone, laptops often keep the home one
        tz = dest_tz if (dev.os in ("ios", "android") or rng.random() < 0.4) and mode != "roaming" else person.tz
        if mode == "roaming" and rng.random() < 0.7:
            tz = CITIES[dest][0][5]
        t = sample_time(rng, tz, H_CONSUMER)
        email = person.email(ctx, rng)
        acct = ctx.new_id("acct_")
        un = person.username(rng)
        langs = person.langs(dev)
        form = web_form(rng, 26000, 0.6) if dev.kind == "web" else None
        ctx.emit("signup", t, conn.ip(rng), LEGIT, name, dev, langs, tz, account=acct, email=email, username=un, form=form)
        ctx.accounts.append((acct, email, LEGIT, name))
        login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, dev, conn.ip, langs, tz, mean_sessions=2, p_none=0.4)


def referral_friends(ctx, scale=1.0):
    """A creator shares a referral link in a group chat: friends in one city join within hours."""
    name = "referral_friends"
    rng = seeded(ctx.seed, "legit", name)
    target = int(620 * scale)
    made = 0
    while made < target:
        cc = pick_country(rng)
        seed_p = Person(ctx, rng, cc)
        t0 = sample_time(rng, seed_p.tz, H_CONSUMER, hi=T1 - 86400)
        k = min(target - made, rng.randrange(3, 11))
        a_mob = ctx.net.access_as(rng, cc, ("mob",))
        for i in range(k):
            person = Person(ctx, rng, cc, city=seed_p.city)
            dtype = rng.choices(["mweb", "app_a", "app_i", "inapp"], [0.45, 0.3, 0.1, 0.15])[0]
            dev = make_device(rng, dtype, cc, person)
            conn = Conn(ctx.net, rng, a_mob, ctx.net.block(rng, a_mob, cc, city=seed_p.city[0])) if rng.random() < 0.6 else access_conn(ctx, rng, person, "res")
            t = t0 + rng.expovariate(1 / 5400.0)
            if t >= T1:
                break
            individual(ctx, rng, name, dict(SEGMENTS["organic_mobile_web"], fill=(27000, 0.6)), person=person, t=t, dev=dev, conn=conn)
            made += 1


def viral_spike(ctx, scale=1.0):
    """A Palette template trends on TikTok/Instagram in Brazil (day 8 evening) then Indonesia (day 10)."""
    name = "viral_spike"
    rng = seeded(ctx.seed, "legit", name)
    waves = [("BR", 8, 19.0, 2.2, 1400), ("ID", 10, 19.5, 2.0, 800), ("PH", 10, 20.0, 1.6, 200)]
    for cc, day, peak_h, width_h, n in waves:
        for _ in range(int(n * scale)):
            person = Person(ctx, rng, cc)
            local = day * 86400 + (peak_h + rng.gauss(0, width_h * 0.6)) * 3600
            local += rng.expovariate(1 / 5000.0)
            t = T0 + local - tz_offset(person.tz)
            t = min(max(t, T0), T1 - 1)
            dtype = rng.choices(["inapp", "mweb", "app_a", "app_i"], [0.42, 0.23, 0.28, 0.07])[0]
            dev = make_device(rng, dtype, cc, person)
            conn = access_conn(ctx, rng, person, "mob" if rng.random() < 0.75 else "res")
            p = dict(SEGMENTS["organic_mobile_web"], fill=(21000, 0.6), sessions=(1.6, 0.45))
            individual(ctx, rng, name, p, person=person, t=t, dev=dev, conn=conn)


def returning_users(ctx, scale=1.0):
    """Accounts created before the window: only their logins appear. Kept as stuffing/ATO targets and
    as the owners of 'second_account' signups."""
    name = "returning_users"
    rng = seeded(ctx.seed, "legit", name)
    n = int(9000 * scale)
    second_target = int(520 * scale)
    mix = [("mweb", 0.4), ("desk", 0.25), ("app_a", 0.25), ("app_i", 0.1)]
    for i in range(n):
        cc = pick_country(rng)
        person = Person(ctx, rng, cc)
        dtype = rng.choices([d for d, _ in mix], [w for _, w in mix])[0]
        dev = make_device(rng, dtype, cc, person)
        conn = access_conn(ctx, rng, person, "mob" if (dev.os in ("ios", "android") and rng.random() < 0.6) else "res")
        email = person.email(ctx, rng)
        un = person.username(rng)
        acct = ctx.new_id("acct_")
        langs = person.langs(dev)
        ctx.existing.append((acct, email, un, person.cc))
        t = T0 + rng.random() * 86400 * 2 - 86400 * 3
        login_sessions(ctx, rng, t, acct, email, un, LEGIT, name, dev, conn.ip, langs, person.tz,
                       mean_sessions=3.0, p_none=0.05, max_gap_days=4)
        if i < second_target:
            # the same person opens a second account (work / alt / for a project) from the same device and line
            t2 = sample_time(rng, person.tz, H_CONSUMER)
            r = rng.random()
            if r < 0.35:
                email2 = person.email(ctx, rng, plus_p=1.0) if person.domain in ("gmail.com", "outlook.com", "icloud.com", "proton.me") \
                    else ctx.unique_email(rng, person.local + str(rng.randrange(2, 99)), person.domain)
            elif r < 0.7:
                email2 = ctx.unique_email(rng, person.local, identity.mail_domain(rng, "default"))
            else:
                email2 = ctx.unique_email(rng, f"{person.fs}{rng.choice(['.work', '.art', '2', 'studio', '.alt', 'x'])}", person.domain)
            un2 = un + rng.choice(["_2", "2", "_alt", ".work", "_art", "x"])
            acct2 = ctx.new_id("acct_")
            form = web_form(rng, 15000, 0.6) if dev.kind == "web" else None
            ctx.emit("login", t2 - rng.uniform(60, 3000), conn.ip(rng), LEGIT, name, dev, langs, person.tz, account=acct, email=email,
                     success=True, form={"fill_ms": lognorm_ms(rng, 3000, 0.5), "honeypot": ""} if dev.kind == "web" else None)
            ctx.emit("signup", t2, conn.ip(rng), LEGIT, "second_account", dev, langs, person.tz, account=acct2, email=email2,
                     username=un2, form=form)
            ctx.accounts.append((acct2, email2, LEGIT, "second_account"))
            login_sessions(ctx, rng, t2, acct2, email2, un2, LEGIT, "second_account", dev, conn.ip, langs, person.tz,
                           mean_sessions=1.5, p_none=0.5)


def run_all(ctx, scale=1.0):
    for name in ["organic_mobile_web", "organic_desktop_web", "android_app", "ios_app", "legacy_devices",
                 "password_manager_fast", "privacy_relay_vpn", "developer_api"]:
        run_generic(ctx, name, scale)
    university_lab(ctx, scale)
    school_chromebooks(ctx, scale)
    internet_cafe(ctx, scale)
    family_shared_device(ctx, scale)
    corporate_gateway(ctx, scale)
    travellers(ctx, scale)
    referral_friends(ctx, scale)
    viral_spike(ctx, scale)
    returning_users(ctx, scale)
