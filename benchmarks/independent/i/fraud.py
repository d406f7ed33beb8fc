"""Fraud operations against Palette. Each operation has its own operators,
infrastructure, tooling, cadence and tells (and tries to hide them)."""
import agents
import identity
from geo_data import CITIES, COUNTRIES
from world import (DAYS, H_CONSUMER, H_FLAT, H_NIGHTOWL, H_SHIFT, H_WORK, T0, T1, Conn, Person, local_hour,
                   login_sessions, lognorm_ms, pick_country, region_of, sample_time, seeded, tz_offset, web_form)

FRAUD = "fraud"
EMULATOR_MODELS = [("SM-G9880", "9"), ("ASUS_Z01QD", "9"), ("SM-N976N", "9"), ("SM-S9080", "9"), ("G011A", "7.1.2"),
                   ("SM-G977N", "7.1.2"), ("V2238A", "9"), ("SM-A5560", "12")]
CATCHALL = ["mxdrop.site", "kvortamail.com", "inboxlane.net", "pixmail.shop", "novaletter.online", "zentrobox.xyz",
            "mailpilot.store", "quillpost.top", "ardenmail.cc", "boxgrid.icu"]


def resi_proxy_conn(ctx, rng, cc, kinds=("res",)):
    """Residential/mobile proxy exit: a random subscriber address of an access ISP in cc."""
    a = ctx.net.access_as(rng, cc, kinds)
    return Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc), sticky=0.0)


def hosting_conn(ctx, rng, cc=None, kind="hosting"):
    a = ctx.net.net(rng, kind, cc)
    return Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc))


def burst_times(rng, tz, n, hourly, per_batch=(15, 60), spacing=(20, 180), lo=T0, hi=T1):
    out = []
    while len(out) < n:
        t = sample_time(rng, tz, hourly, lo=lo, hi=hi)
        k = rng.randrange(*per_batch)
        for _ in range(k):
            t += rng.uniform(*spacing)
            if t >= hi:
                break
            out.append(t)
            if len(out) >= n:
                break
    return sorted(out)


def farm_email(ctx, rng, style, person=None, base=None):
    if style == "namedigits":
        p = person
        return ctx.unique_email(rng, f"{p.fs}{p.ls}{rng.randrange(100, 99999)}", rng.choice(["gmail.com", "gmail.com", "outlook.com", "hotmail.com"]))
    if style == "name_dot_digits":
        p = person
        return ctx.unique_email(rng, f"{p.fs}.{p.ls}.{rng.randrange(10, 9999)}", "gmail.com")
    if style == "outlook_bulk":
        h = identity.random_handle(rng, rng.randrange(8, 12)) if rng.random() < 0.5 else f"{person.fs}{person.ls}{rng.randrange(1000, 9999)}"
        return ctx.unique_email(rng, h, rng.choice(["outlook.com", "hotmail.com", "outlook.com"]))
    if style == "catchall":
        dom = base or rng.choice(CATCHALL)
        loc = identity.random_handle(rng) if rng.random() < 0.5 else f"{person.fs}.{person.ls}"
        return ctx.unique_email(rng, loc, dom)
    if style == "disposable":
        loc = identity.random_handle(rng, rng.randrange(6, 11)) if rng.random() < 0.6 else f"{person.fs}{rng.randrange(10, 999)}"
        return ctx.unique_email(rng, loc, rng.choice(ctx.disposable))
    if style == "gmail_dots":
        for _ in range(20):
            e = f"{identity.gmail_dot_variant(rng, base)}@gmail.com"
            if e not in ctx.used_emails:
                ctx.used_emails.add(e)
                return e
        return ctx.unique_email(rng, f"{base}+{rng.randrange(1, 9999)}", "gmail.com")
    if style == "plus":
        return ctx.unique_email(rng, f"{base}+{rng.choice(['', 'p', 'x', 'a'])}{rng.randrange(1, 9999)}", "gmail.com")
    if style == "legit_like":
        p = person
        return ctx.unique_email(rng, identity.legit_local(rng, p.fs, p.ls, rng.randrange(1985, 2006)), identity.mail_domain(rng, p.cc))
    raise ValueError(style)


def farm_username(rng, person, style):
    if style == "random":
        return identity.random_handle(rng, rng.randrange(8, 13))
    if style == "name_digits":
        return f"{person.fs}{person.ls[:3]}{rng.randrange(10, 9999)}"
    if style == "legit":
        return identity.legit_username(rng, person.fs, person.ls, person.local)
    return f"{person.fs}_{rng.randrange(100, 999)}"


def _sign(ctx, rng, camp, t, conn, dev, langs, tz, email, un, form, fp_salt="", device_override=None):
    acct = ctx.new_id("acct_")
    ctx.emit("signup", t, conn.ip(rng) if conn is not None else None, FRAUD, camp, dev, langs, tz, account=acct, email=email,
             username=un, form=form, fp_salt=fp_salt, device_override=device_override)
    ctx.accounts.append((acct, email, FRAUD, camp))
    return acct


def farm_logins(ctx, rng, camp, t0, acct, email, dev, ipfn, langs, tz, daily_p=0.6, days=6, fail_p=0.02, form_ms=None):
    """Credit-claim logins: roughly daily, at the farm's working hours."""
    t = t0
    for d in range(days):
        t = t0 + (d + 1) * 86400 + rng.gauss(0, 2400)
        if t >= T1:
            break
        if rng.random() > daily_p:
            continue
        form = {"fill_ms": lognorm_ms(rng, form_ms, 0.3, lo=80), "honeypot": ""} if form_ms else None
        ok = rng.random() > fail_p
        ctx.emit("login", t, ipfn(rng), FRAUD, camp, dev, langs, tz, account=acct, email=email, success=ok, form=form)


# ---------------------------------------------------------------------------
def emulator_referral_farm(ctx, scale=1.0):
    """Android emulators (LDPlayer/BlueStacks-style) running the Palette app; every account redeems a referral;
    mobile proxies in SE Asia; batches during the operators' shift."""
    camp = "emulator_referral_farm"
    rng = seeded(ctx.seed, "fraud", camp)
    ops = [("VN", "ID", "vi_VN"), ("ID", "ID", "id_ID"), ("BD", "IN", "bn_BD"), ("CN", "PH", "zh_CN"), ("VN", "VN", "vi_VN"), ("PK", "IN", "en_PK")]
    total = int(1300 * scale)
    per = total // len(ops)
    for oi, (home, proxy_cc, loc) in enumerate(ops):
        home_tz = CITIES[home][0][5]
        app_ver = rng.choice([("5.12.3", 51203, 1), ("5.9.0", 50900, 1), ("5.14.2", 51402, 1)])
        model_set = rng.sample(EMULATOR_MODELS, 3)
        times = burst_times(rng, home_tz, per, H_SHIFT, per_batch=(20, 70), spacing=(40, 260))
        for t in times:
            model, aver = rng.choice(model_set)
            if rng.random() < (0.6 if oi % 2 else 0.15):     # some farms randomise the build model from a list of real phones
                model = rng.choice(sorted(agents.ANDROID_MODELS))
                aver = rng.choice(agents.ANDROID_MODELS[model][4])
            ver = app_ver if not oi % 2 else None
            dev = agents.android_app(rng, model=model, aver=aver, version=ver, okhttp="4.12.0" if oi % 2 else rng.choice(["4.12.0", "4.9.3"]))
            pcc = proxy_cc if rng.random() < 0.8 else rng.choice(["ID", "VN", "PH", "IN", "BR", "TH"])
            conn = resi_proxy_conn(ctx, rng, pcc, ("mob",) if rng.random() < 0.7 else ("res",))
            person = Person(ctx, rng, pcc if rng.random() < 0.5 else home)
            lang = rng.choice(["en-US", "en-US", COUNTRIES[pcc][7][0][0]])
            langs = [lang]
            email = farm_email(ctx, rng, rng.choice(["namedigits", "legit_like", "outlook_bulk", "name_dot_digits"] if oi % 2 else
                                                    ["namedigits", "namedigits", "outlook_bulk", "name_dot_digits"]), person)
            un = farm_username(rng, person, rng.choice(["random", "name_digits", "legit"] if oi % 2 else ["random", "name_digits"]))
            acct = _sign(ctx, rng, camp, t, conn, dev, langs, None, email, un, None)
            farm_logins(ctx, rng, camp, t, acct, email, dev, conn.ip, langs, None, daily_p=0.7, days=8)


ANTIDETECT_SCREENS = [("1920x1080x24", 0.5), ("1536x864x24", 0.15), ("1366x768x24", 0.15), ("1440x900x24", 0.1), ("2560x1440x24", 0.1)]


def antidetect_device(rng, target_cc, kernel_major, mismatch_p):
    """A profile from an anti-detect browser: plausible desktop Chrome, unique fingerprint, geo auto-matched."""
    dev = agents.desktop_browser(rng, rng.choice(["windows"] * 5 + ["mac"]), "chrome")
    claimed = dev._major
    if rng.random() < mismatch_p:
        # the spoofed UA moved on but the Chromium kernel (Client Hints) did not
        dev.ch["sec-ch-ua"] = agents.sec_ch_ua(kernel_major)
    dev.nav["screen"] = agents.pick(rng, ANTIDETECT_SCREENS)[0]
    dev.nav["hwc"] = rng.choice([2, 4, 4, 6, 8, 8, 12, 16])
    dev.nav["mem"] = rng.choice([4, 8, 8, 8])
    dev.entropy = agents.h32("adp", rng.random())
    return dev


def antidetect_proxy_farm(ctx, scale=1.0):
    """Teams using Multilogin/GoLogin/AdsPower-type browsers and rotating residential proxies in rich markets."""
    camp = "antidetect_proxy_farm"
    rng = seeded(ctx.seed, "fraud", camp)
    # (home, target markets, e-mail style, kernel major, CH mismatch share, professional?)
    teams = [("VN", ["US", "GB", "CA"], "namedigits", 130, 0.12, False), ("NG", ["US", "GB"], "legit_like", 134, 0.05, True),
             ("PK", ["US", "DE", "FR"], "outlook_bulk", 133, 0.2, False), ("UA", ["DE", "PL", "NL", "GB"], "legit_like", 135, 0.0, True),
             ("ID", ["US", "AU", "SG"], "name_dot_digits", 132, 0.15, False), ("BR", ["US", "BR", "MX"], "legit_like", 134, 0.03, True)]
    total = int(1600 * scale)
    for home, targets, estyle, kmaj, mm, pro in teams:
        home_tz = CITIES[home][0][5]
        times = burst_times(rng, home_tz, total // len(teams), H_WORK, per_batch=(2, 8) if pro else (5, 25),
                            spacing=(300, 2400) if pro else (60, 400))
        for t in times:
            cc = rng.choice(targets)
            conn = resi_proxy_conn(ctx, rng, cc, ("res",) if rng.random() < 0.8 else ("mob",))
            person = Person(ctx, rng, cc, city=conn.block.city)
            if pro and rng.random() < 0.35:
                dev = agents.iphone_browser(rng, browser="safari") if rng.random() < 0.5 else agents.android_browser(rng, region_of(cc), browser="chrome")
                dev.entropy = agents.h32("adp-m", rng.random())
            else:
                dev = antidetect_device(rng, cc, kmaj, mm)
            tz = conn.block.city[5] if rng.random() < (0.97 if pro else 0.85) else home_tz     # tool matches the zone to the proxy... usually
            langs = agents.navigator_languages(person.lang) if rng.random() < (0.9 if pro else 0.6) else ["en-US", "en"]
            email = farm_email(ctx, rng, estyle if not pro or rng.random() < 0.8 else "namedigits", person)
            un = farm_username(rng, person, rng.choice(["legit", "legit", "name_digits"] if pro else ["name_digits", "name_digits", "legit"]))
            form = web_form(rng, 17000, 0.55) if pro else web_form(rng, 9000, 0.3)
            acct = _sign(ctx, rng, camp, t, conn, dev, langs, tz, email, un, form)
            if rng.random() < 0.5:
                farm_logins(ctx, rng, camp, t, acct, email, dev, conn.ip, langs, tz, daily_p=0.5, days=7, form_ms=1500)


def click_farm_phones(ctx, scale=1.0):
    """Racks of cheap identical Android phones with local SIMs; paid workers type every signup by hand."""
    camp = "click_farm_phones"
    rng = seeded(ctx.seed, "fraud", camp)
    farms = [("BD", "23108RN04Y"), ("VN", "SM-A055F"), ("ID", "CPH2591"), ("PH", "RMX3760"), ("BD", "itel A665L"), ("NG", "TECNO KJ5")]
    total = int(800 * scale)
    for cc, model in farms:
        n = total // len(farms)
        phones = []
        for k in range(rng.randrange(15, 40)):
            d = agents.android_browser(rng, region_of(cc), browser="chrome", model=model)
            a = ctx.net.access_as(rng, cc, ("mob",))
            phones.append((d, Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc))))
        tz = CITIES[cc][0][5]
        for i in range(n):
            dev, conn = rng.choice(phones)
            t = sample_time(rng, tz, H_SHIFT)
            person = Person(ctx, rng, cc)
            langs = agents.navigator_languages(rng.choice(["en-US", person.lang]))
            email = farm_email(ctx, rng, rng.choice(["namedigits", "name_dot_digits", "legit_like", "legit_like"]), person)
            un = farm_username(rng, person, rng.choice(["name_digits", "legit", "legit"]))
            form = web_form(rng, 17000, 0.4)
            acct = _sign(ctx, rng, camp, t, conn, dev, langs, tz, email, un, form)
            if rng.random() < 0.4:
                farm_logins(ctx, rng, camp, t, acct, email, dev, conn.ip, langs, tz, daily_p=0.4, days=5, form_ms=5000)


def bulk_seller_sms(ctx, scale=1.0):
    """Sellers of 'phone-verified Palette accounts' (SMS-activation numbers): scripted mobile-emulated browsers,
    bulk Outlook addresses, 24/7; buyers log in from elsewhere days later (handover)."""
    camp = "bulk_seller_sms"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(600 * scale)
    base_dev = agents.android_browser(rng, "AS", browser="chrome", model="Pixel 7a")
    for i in range(total):
        t = T0 + rng.random() * (T1 - T0)
        pcc = rng.choice(["IN", "ID", "BR", "MX", "US", "PH", "NG", "KE"])
        conn = resi_proxy_conn(ctx, rng, pcc, ("mob",))
        person = Person(ctx, rng, "US")
        dev = agents.android_browser(rng, "ALL", browser="chrome", model=rng.choice(["Pixel 7a", "Pixel 8", "SM-S918B"]))
        if rng.random() < 0.45:
            # Chrome DevTools device emulation on a desktop: mobile UA, desktop navigator leaks
            dev.nav.update({"platform": "Win32", "hwc": rng.choice([8, 12, 16]), "touch": 1})
        dev.entropy = agents.h32("bulk", rng.randrange(40))    # a pool of ~40 reused profiles
        tz = rng.choice(["America/New_York", "Asia/Kolkata", conn.block.city[5]])
        langs = ["en-US", "en"]
        email = farm_email(ctx, rng, "outlook_bulk", person)
        un = farm_username(rng, person, "random" if rng.random() < 0.6 else "name_digits")
        form = {"fill_ms": lognorm_ms(rng, 4200, 0.35, lo=300), "honeypot": ""}
        acct = _sign(ctx, rng, camp, t, conn, dev, langs, tz, email, un, form)
        if rng.random() < 0.5:
            tb = t + rng.uniform(1, 5) * 86400
            if tb < T1:
                bcc = pick_country(rng)
                buyer = Person(ctx, rng, bcc)
                bdev = agents.desktop_browser(rng) if rng.random() < 0.6 else agents.iphone_browser(rng)
                bconn = resi_proxy_conn(ctx, rng, bcc, ("res", "mob"))
                for j in range(rng.choice([1, 1, 2, 3])):
                    ctx.emit("login", tb + j * rng.uniform(3600, 86400), bconn.ip(rng), FRAUD, camp, bdev, buyer.langs(bdev), buyer.tz,
                             account=acct, email=email, success=True,
                             form={"fill_ms": lognorm_ms(rng, 9000, 0.5), "honeypot": ""})


def headless_distill_farm(ctx, scale=1.0):
    """Playwright/Puppeteer-stealth fleets creating free-tier accounts to harvest generations (distillation /
    dataset scraping); cloud servers and datacenter/ISP proxies; heavy token re-logins."""
    camp = "headless_distill_farm"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(800 * scale)
    fleets = []
    for k in range(8):
        leak = rng.choice(["none", "none", "headless_brand", "webdriver", "tz_utc", "none"])
        fleets.append(dict(leak=leak, major=rng.choice([134, 135, 136, 131]), dom=rng.choice(CATCHALL),
                           hosting=rng.random() < 0.6, cc=rng.choice(["US", "US", "DE", "SG", "NL", "GB", "JP"]),
                           tz=rng.choice(["Etc/UTC", "America/New_York", "America/Los_Angeles", None])))
    times = burst_times(rng, "Etc/UTC", total, H_FLAT, per_batch=(30, 120), spacing=(5, 60))
    for t in times:
        f = rng.choice(fleets)
        d = agents.Device()
        maj = f["major"]
        plat = rng.choice(["X11; Linux x86_64", "Windows NT 10.0; Win64; x64"])
        headless = f["leak"] == "headless_brand"
        d.ua = f"Mozilla/5.0 ({plat}) AppleWebKit/537.36 (KHTML, like Gecko) {'HeadlessChrome' if headless and rng.random() < 0.5 else 'Chrome'}/{maj}.0.0.0 Safari/537.36"
        d.browser = "chrome"
        d.os = "linux"
        d.ch = {"sec-ch-ua": agents.sec_ch_ua(maj, "HeadlessChrome" if headless else None), "sec-ch-ua-mobile": "?0",
                "sec-ch-ua-platform": '"Linux"' if "Linux" in plat else '"Windows"'}
        d.nav = {"platform": "Linux x86_64" if "Linux" in plat or rng.random() < 0.5 else "Win32",
                 "screen": rng.choice(["1920x1080x24", "1280x720x24", "800x600x24", "1920x1080x24"]),
                 "hwc": rng.choice([2, 4, 8]), "mem": rng.choice([2, 4, 8]), "touch": 0}
        d.webdriver = f["leak"] == "webdriver"
        d.entropy = agents.h32("swiftshader", maj)   # software GL: same canvas across the fleet
        if f["hosting"] or rng.random() < 0.2:
            conn = hosting_conn(ctx, rng, f["cc"])
        else:
            conn = resi_proxy_conn(ctx, rng, f["cc"] if f["cc"] in ("US", "DE", "GB", "JP") else "US", ("res",))
        tz = f["tz"] or conn.block.city[5]
        if f["leak"] == "tz_utc":
            tz = "Etc/UTC"
        person = Person(ctx, rng, "US")
        email = farm_email(ctx, rng, "catchall", person, base=f["dom"])
        un = farm_username(rng, person, "random")
        form = {"fill_ms": lognorm_ms(rng, 900, 0.5, lo=120), "honeypot": ""}
        acct = _sign(ctx, rng, camp, t, conn, d, ["en-US"], tz, email, un, form)
        # harvesting: re-login many times (token expiry), from the same fleet infrastructure
        tl = t
        for _ in range(rng.randrange(2, 12)):
            tl += rng.uniform(2, 20) * 3600
            if tl >= T1:
                break
            ctx.emit("login", tl, conn.ip(rng), FRAUD, camp, d, ["en-US"], tz, account=acct, email=email,
                     success=rng.random() > 0.03, form={"fill_ms": lognorm_ms(rng, 400, 0.5, lo=60), "honeypot": ""})


def api_signup_script(ctx, scale=1.0):
    """Direct JSON POSTs to /api/signup/ (no page, no collector) from scripts; some replay one captured
    device blob; disposable / catch-all / Gmail dot-trick addresses."""
    camp = "api_signup_script"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(600 * scale)
    actors = []
    for k in range(10):
        spoof = None
        if rng.random() < 0.4:
            spoof = agents.desktop_browser(rng, "windows", "chrome").ua
        replay = None
        if rng.random() < 0.3:
            src = agents.desktop_browser(rng, "windows", "chrome")
            replay = src.collector("America/New_York", ["en-US", "en"])
        base = f"{identity.random_handle(rng, 6, False)}{identity.random_handle(rng, 5, False)}"
        actors.append(dict(spoof=spoof, replay=replay, base=base, tool=rng.random(),
                           estyle=rng.choice(["disposable", "gmail_dots", "catchall", "plus", "disposable"]),
                           infra=rng.choice(["hosting", "hosting", "resi", "vpn"]), cc=rng.choice(["US", "DE", "NL", "IN", "BR", "SG"])))
    times = burst_times(rng, "Etc/UTC", total, H_FLAT, per_batch=(20, 90), spacing=(1, 30))
    for t in times:
        a = rng.choice(actors)
        dev = agents.script_client(seeded(ctx.seed, "tool", a["tool"]), spoof_ua=a["spoof"])
        if a["infra"] == "hosting":
            conn = hosting_conn(ctx, rng, a["cc"])
        elif a["infra"] == "vpn":
            conn = hosting_conn(ctx, rng, a["cc"], "vpn")
        else:
            conn = resi_proxy_conn(ctx, rng, a["cc"], ("res", "mob"))
        person = Person(ctx, rng, "US")
        email = farm_email(ctx, rng, a["estyle"], person, base=a["base"])
        un = farm_username(rng, person, rng.choice(["random", "name_digits"]))
        form = None
        if a["replay"] is not None:
            form = {"fill_ms": rng.randrange(0, 60), "honeypot": ""}
        acct = _sign(ctx, rng, camp, t, conn, dev, None, None, email, un, form, device_override=a["replay"])
        for _ in range(rng.randrange(0, 4)):
            tl = t + rng.uniform(0.2, 48) * 3600
            if tl < T1:
                ctx.emit("login", tl, conn.ip(rng), FRAUD, camp, dev, None, None, account=acct, email=email, success=True,
                         device_override=a["replay"])


def disposable_credit_churners(ctx, scale=1.0):
    """Individuals farming the daily free credits by hand: new account every day or two from their own phone or
    PC, disposable/temporary addresses, Gmail dot and plus variants, sometimes a free VPN."""
    camp = "disposable_credit_churners"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(700 * scale)
    made = 0
    countries = {"IN": 5, "PK": 3, "BD": 2, "NG": 3, "EG": 2, "ID": 3, "PH": 2, "BR": 3, "VN": 2, "TR": 2, "MX": 1, "US": 1, "KE": 1}
    while made < total:
        cc = pick_country(rng, countries)
        person = Person(ctx, rng, cc)
        dev = agents.android_browser(rng, region_of(cc)) if rng.random() < 0.6 else agents.desktop_browser(rng, "windows")
        a = ctx.net.access_as(rng, cc, ("mob",) if dev.os == "android" else ("res",))
        home = Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc, city=person.city[0]))
        free_vpn = rng.random() < 0.3
        k = min(total - made, rng.randrange(3, 21))
        habit = rng.randrange(24)
        base = person.local.replace(".", "")
        langs = person.langs(dev)
        d0 = rng.randrange(0, 5)
        for i in range(k):
            day = d0 + i * rng.choice([1, 1, 1, 2])
            if day >= DAYS:
                break
            t = T0 + day * 86400 + (habit + rng.gauss(0, 1.2)) * 3600 - tz_offset(person.tz)
            if not (T0 <= t < T1):
                continue
            conn = home
            if free_vpn and rng.random() < 0.6:
                conn = hosting_conn(ctx, rng, rng.choice(["US", "DE", "NL", "SG", "GB"]), "vpn")
            style = rng.choices(["disposable", "gmail_dots", "plus", "namedigits"], [0.45, 0.2, 0.15, 0.2])[0]
            email = farm_email(ctx, rng, style, person, base=base)
            un = f"{person.fs}{rng.randrange(1, 999)}" if rng.random() < 0.5 else farm_username(rng, person, "legit")
            form = web_form(rng, 16000, 0.5)
            acct = _sign(ctx, rng, camp, t, conn, dev, langs, person.tz, email, un, form,
                         fp_salt="" if rng.random() < 0.8 else f"incog{rng.randrange(3)}")
            made += 1
            if rng.random() < 0.3:
                ctx.emit("login", t + rng.uniform(3600, 20000), conn.ip(rng), FRAUD, camp, dev, langs, person.tz, account=acct,
                         email=email, success=True, form={"fill_ms": lognorm_ms(rng, 6000, 0.5), "honeypot": ""})


def unsupported_region_resellers(ctx, scale=1.0):
    """Account resellers serving users in unsupported regions (CN/HK/RU/IR): VPN/cloud exits in supported
    countries, devices still on the home zone and language most of the time."""
    camp = "unsupported_region_resellers"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(500 * scale)
    shops = [("CN", "zh-CN", "Asia/Shanghai", 0.55), ("RU", "ru-RU", "Europe/Moscow", 0.2), ("IR", "fa-IR", "Asia/Tehran", 0.1),
             ("HK", "zh-HK", "Asia/Hong_Kong", 0.15)]
    for cc, lang, htz, w in shops:
        n = int(total * w)
        times = burst_times(rng, htz, n, H_WORK, per_batch=(4, 20), spacing=(60, 600))
        exit_ccs = ["US", "JP", "SG", "GB", "DE"] if cc != "RU" else ["NL", "DE", "US", "TR"]
        for t in times:
            ecc = rng.choice(exit_ccs)
            kind = rng.choice(["vpn", "vpn", "hosting"])
            conn = hosting_conn(ctx, rng, ecc, kind)
            person = Person(ctx, rng, cc)
            dev = agents.desktop_browser(rng, "windows", rng.choice(["chrome", "chrome", "edge"]))
            spoof = rng.random() < 0.3
            tz = conn.block.city[5] if spoof else htz
            langs = ["en-US", "en"] if spoof else agents.navigator_languages(lang)
            email = farm_email(ctx, rng, rng.choice(["outlook_bulk", "namedigits", "outlook_bulk"]), person)
            un = farm_username(rng, person, "random" if rng.random() < 0.5 else "name_digits")
            acct = _sign(ctx, rng, camp, t, conn, dev, langs, tz, email, un, web_form(rng, 11000, 0.4))
            if rng.random() < 0.6:
                # the end customer logs in from the home country through their own VPN
                tl = t + rng.uniform(0.5, 5) * 86400
                if tl < T1:
                    b = Person(ctx, rng, cc)
                    bdev = agents.desktop_browser(rng) if rng.random() < 0.5 else agents.iphone_browser(rng)
                    bconn = hosting_conn(ctx, rng, rng.choice(exit_ccs), "vpn")
                    ctx.emit("login", tl, bconn.ip(rng), FRAUD, camp, bdev, agents.navigator_languages(lang), htz,
                             account=acct, email=email, success=True, form={"fill_ms": lognorm_ms(rng, 7000, 0.5), "honeypot": ""})


def unsupported_region_individuals(ctx, scale=1.0):
    """Single users in unsupported regions signing up through a consumer VPN (terms-of-service violation)."""
    camp = "unsupported_region_individuals"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(400 * scale)
    for _ in range(total):
        cc = rng.choices(["CN", "RU", "IR", "HK"], [0.5, 0.25, 0.12, 0.13])[0]
        person = Person(ctx, rng, cc)
        dev = agents.desktop_browser(rng) if rng.random() < 0.5 else (agents.iphone_browser(rng) if rng.random() < 0.4 else
                                                                       agents.android_browser(rng, "AS"))
        a = ctx.net.net(rng, "vpn")
        ecc = rng.choice(["US", "JP", "SG", "GB", "DE", "NL"] if cc != "RU" else ["NL", "DE", "US", "GB"])
        conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, ecc))
        tz = person.tz if rng.random() < 0.85 else conn.block.city[5]
        langs = person.langs(dev) if rng.random() < 0.8 else ["en-US", "en"]
        t = sample_time(rng, person.tz, H_CONSUMER)
        email = person.email(ctx, rng) if rng.random() < 0.6 else farm_email(ctx, rng, "legit_like", Person(ctx, rng, "US"))
        un = person.username(rng)
        acct = _sign(ctx, rng, camp, t, conn, dev, langs, tz, email, un, web_form(rng, 30000, 0.6))
        login_sessions(ctx, rng, t, acct, email, un, FRAUD, camp, dev, conn.ip, langs, tz, mean_sessions=2, p_none=0.3)


def referral_ring_web(ctx, scale=1.0):
    """One person, one or two phones, airplane-mode IP rotation, chains of referrals with near-identical names."""
    camp = "referral_ring_web"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(500 * scale)
    made = 0
    while made < total:
        cc = pick_country(rng, {"IN": 4, "NG": 3, "PH": 2, "BR": 2, "MX": 1, "ID": 2, "PK": 2, "EG": 1, "KE": 1})
        person = Person(ctx, rng, cc)
        phones = [agents.android_browser(rng, region_of(cc)) for _ in range(rng.choice([1, 1, 2]))]
        a = ctx.net.access_as(rng, cc, ("mob",))
        conn = Conn(ctx.net, rng, a, ctx.net.block(rng, a, cc, city=person.city[0]))
        k = min(total - made, rng.randrange(8, 30))
        t = sample_time(rng, person.tz, H_NIGHTOWL, hi=T1 - 86400)
        base = person.local.replace(".", "")
        stem = person.fs
        for i in range(k):
            dev = rng.choice(phones)
            t += rng.expovariate(1 / 900.0) + 60
            if local_hour(t, person.tz) < 7 and rng.random() < 0.7:
                t += 6 * 3600
            if t >= T1:
                break
            style = rng.choices(["gmail_dots", "plus", "namedigits", "disposable"], [0.35, 0.2, 0.35, 0.1])[0]
            email = farm_email(ctx, rng, style, person, base=base)
            un = f"{stem}{rng.choice(['_', '', '.'])}{i + 1:02d}" if rng.random() < 0.6 else f"{stem}{rng.randrange(10, 9999)}"
            form = web_form(rng, 10500, 0.35)
            _sign(ctx, rng, camp, t, conn, dev, person.langs(dev), person.tz, email, un, form,
                  fp_salt="" if rng.random() < 0.7 else f"clear{rng.randrange(4)}")
            made += 1


def slow_sleeper_farm(ctx, scale=1.0):
    """Patient, well-equipped operator: mobile-looking profiles matched to the proxy's geo, bought aged addresses,
    a few accounts a day per market at the market's local evening. The hard core."""
    camp = "slow_sleeper_farm"
    rng = seeded(ctx.seed, "fraud", camp)
    total = int(700 * scale)
    markets = {"US": 3, "GB": 1.5, "BR": 2, "MX": 1.5, "IN": 2, "ID": 1, "PH": 1, "DE": 1, "CA": 1, "FR": 1}
    for _ in range(total):
        cc = pick_country(rng, markets)
        conn = resi_proxy_conn(ctx, rng, cc, ("mob", "res"))
        person = Person(ctx, rng, cc, city=conn.block.city)
        r = rng.random()
        if r < 0.45:
            dev = agents.iphone_browser(rng, browser="safari")
        elif r < 0.8:
            dev = agents.android_browser(rng, region_of(cc), browser="chrome")
        else:
            dev = antidetect_device(rng, cc, 135, 0.0)
        t = sample_time(rng, person.tz, H_CONSUMER)
        email = farm_email(ctx, rng, "legit_like", person)
        un = farm_username(rng, person, "legit")
        form = web_form(rng, 21000, 0.4)
        acct = _sign(ctx, rng, camp, t, conn, dev, person.langs(dev), person.tz, email, un, form)
        login_sessions(ctx, rng, t, acct, email, un, FRAUD, camp, dev, conn.ip, person.langs(dev), person.tz,
                       mean_sessions=2.5, p_none=0.3, fail_p=0.02)


def credential_stuffing(ctx, scale=1.0):
    """Combo-list logins (OpenBullet/SilverBullet-style configs) through residential proxy pools and servers;
    almost all fail; the few successes are account takeovers of real users."""
    camp = "credential_stuffing"
    rng = seeded(ctx.seed, "fraud", camp)
    n = int(16000 * scale)
    existing = ctx.existing
    configs = []
    for k in range(5):
        kind = rng.choice(["script", "spoof", "browserish"])
        if kind == "script":
            dev = agents.script_client(rng)
        elif kind == "spoof":
            dev = agents.script_client(rng, spoof_ua=rng.choice([
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1"]))
        else:
            dev = agents.desktop_browser(rng, "windows", "chrome")
            dev.js = False
        configs.append((dev, rng.choice(["resi", "resi", "hosting"])))
    times = burst_times(rng, "Etc/UTC", n, H_FLAT, per_batch=(200, 1500), spacing=(0.2, 6))
    for t in times:
        dev, infra = rng.choice(configs)
        if infra == "resi":
            conn = resi_proxy_conn(ctx, rng, pick_country(rng), ("res", "mob"))
        else:
            conn = hosting_conn(ctx, rng)
        hit = rng.random() < 0.25 and existing
        if hit:
            acct, email, un, hcc = existing[rng.randrange(len(existing))]
            ok = rng.random() < 0.035
        else:
            p = Person(ctx, rng, pick_country(rng))
            email = f"{identity.legit_local(rng, p.fs, p.ls, rng.randrange(1970, 2005))}@{identity.mail_domain(rng, p.cc)}"
            acct, ok = None, False
        form = {"fill_ms": rng.randrange(0, 400), "honeypot": ""} if dev.kind == "web" else None
        ctx.emit("login", t, conn.ip(rng), FRAUD, camp, dev, ["en-US", "en"] if dev.kind == "web" else None, None,
                 account=acct, email=email, success=ok, form=form)
        if ok:
            # takeover follow-up: attacker logs in from an anti-detect browser on a proxy near the victim
            ato = antidetect_device(rng, hcc, 134, 0.3)
            c2 = resi_proxy_conn(ctx, rng, hcc, ("res",))
            for j in range(rng.randrange(1, 4)):
                ctx.emit("login", t + rng.uniform(600, 86400 * (j + 1)), c2.ip(rng), FRAUD, "account_takeover", ato,
                         ["en-US", "en"], c2.block.city[5], account=acct, email=email, success=True,
                         form={"fill_ms": lognorm_ms(rng, 2500, 0.4), "honeypot": ""})


def run_all(ctx, scale=1.0):
    emulator_referral_farm(ctx, scale)
    antidetect_proxy_farm(ctx, scale)
    click_farm_phones(ctx, scale)
    bulk_seller_sms(ctx, scale)
    headless_distill_farm(ctx, scale)
    api_signup_script(ctx, scale)
    disposable_credit_churners(ctx, scale)
    unsupported_region_resellers(ctx, scale)
    unsupported_region_individuals(ctx, scale)
    referral_ring_web(ctx, scale)
    slow_sleeper_farm(ctx, scale)
    credential_stuffing(ctx, scale)
