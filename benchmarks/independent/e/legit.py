"""Legitimate segments."""
import math

from core import (TS, SPAN, DAYS, make_person, make_email, make_username, make_desktop, make_mobile,
                  signup_form, form, fill_ms, pick_country, device_tz, local_hour, Person, pick_langs)
from data import COUNTRIES
from dev import new_device, api_headers, wchoice
from people import slug, local_part

L = "legit"

# Segment sizes (signups).  Documented in README.md.
SIZES = dict(organic_web=11000, mobile_web=4200, corporate=2300, university=1700, api_devs=1250,
             cloud_workstations=150, privacy_users=1400, travellers=600, launch_spike=2800, hackathon=350,
             satellite_isp=250, inflight_wifi=60, multi_account_devs=150, returning_users=22000)
LAUNCH_T0 = 9 * 86400 + 17 * 3600      # 2026-06-10 17:00 UTC: new model announced, post goes viral


# ---------------------------------------------------------------- helpers
def signup(E, rng, t, ip, p, dev, email, lp, campaign, mobile=False, fm=None, username=None):
    acct = E.account()
    uname = username or make_username(rng, p, lp)
    ev = E.emit("signup", t, ip, L, campaign, acct, email, uname, dev.headers(t), dev.collect(t, rng),
                fm or signup_form(rng, p, mobile))
    return (acct, uname) if ev else (None, None)


def login_attempts(E, rng, t, ipf, p, dev, acct, email, uname, label, campaign, typo=0.07, forgot=0.015,
                   pm=None):
    """One login session: maybe mistyped first, maybe forgotten password."""
    pm = p.pm if pm is None else pm
    ident = email if (email and rng.random() < 0.7) else None
    r = rng.random()
    fails = 0
    if not pm and r < forgot:
        fails = rng.randint(2, 5)
    elif r < typo * (0.3 if pm else 1.0) + forgot:
        fails = 1 if rng.random() < 0.8 else 2
    for i in range(fails):
        bad_ident = ident and i == 0 and rng.random() < 0.12
        if bad_ident:
            # mistyped e-mail: the portal finds no such account
            at = ident.index("@")
            k = rng.randrange(1, at) if at > 1 else 1
            typo_email = ident[:k] + rng.choice("aeinorst") + ident[k + 1:] if rng.random() < 0.6 else \
                ident[:at] + "@" + rng.choice(["gmial.com", "gmail.co", "hotmial.com", "outlok.com", "yaho.com"])
            E.emit("login", t, ipf(), label, campaign, None, typo_email, None, dev.headers(t, "/accounts/login/"),
                   dev.collect(t, rng), form(rng, fill_ms(rng, "login")), success=False)
        else:
            E.emit("login", t, ipf(), label, campaign, acct, ident, None if ident else uname,
                   dev.headers(t, "/accounts/login/"), dev.collect(t, rng), form(rng, fill_ms(rng, "login")),
                   success=False)
        t += rng.uniform(4, 45) if i < fails - 1 or fails < 3 else rng.uniform(180, 900)  # reset e-mail
    if fails >= 3 and rng.random() < 0.35:
        return t   # gave up
    E.emit("login", t, ipf(), label, campaign, acct, ident, None if ident else uname, dev.headers(t, "/accounts/login/"),
           dev.collect(t, rng), form(rng, fill_ms(rng, "login_pm" if pm else "login")), success=True)
    return t


def followup_logins(E, rng, t0, ipf, p, dev, acct, email, uname, campaign, rate=0.35):
    if rng.random() > rate:
        return
    n = 1 if rng.random() < 0.6 else rng.randint(2, 4)
    for _ in range(n):
        t = t0 + rng.expovariate(1 / (2.5 * 86400))
        if t >= SPAN:
            break
        # snap to a plausible local hour
        t = TS.sample(rng, p.tz, "login", lo=t, hi=min(SPAN, t + 86400))
        login_attempts(E, rng, t, ipf, p, dev, acct, email, uname, L, campaign)
        t0 = t


def home_ipf(rng, line):
    return lambda: line.ip(rng)


# ---------------------------------------------------------------- segments
def organic_web(E, rng, W, names, n):
    i = 0
    while i < n:
        p = make_person(rng, W, names)
        p.home = W.home_line(rng, p.cc, p.city[0])
        dev = make_desktop(rng, p)
        t = TS.sample(rng, p.tz, "dev")
        email, lp = make_email(rng, p)
        ipf = home_ipf(rng, p.home)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "organic_web")
        i += 1
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "organic_web")
        if rng.random() < 0.03 and i < n:
            # another member of the household, sometimes on the same family computer
            q = make_person(rng, W, names, cc=p.cc, city=p.city)
            q.langs, q.tz = p.langs, p.tz
            if rng.random() < 0.5:
                q.last = p.last
            d2 = dev if rng.random() < 0.4 else make_desktop(rng, q)
            t2 = TS.sample(rng, q.tz, "dev")
            e2, lp2 = make_email(rng, q)
            signup(E, rng, t2, ipf(), q, d2, e2, lp2, "organic_web")
            i += 1


def mobile_web(E, rng, W, names, n, campaign="mobile_web", tfun=None, inapp=0.04):
    for _ in range(n):
        p = make_person(rng, W, names)
        dev = make_mobile(rng, p, inapp_rate=inapp)
        carrier = W.pick_mobile(rng, p.cc)[0]
        on_wifi = rng.random() < 0.2
        if on_wifi:
            p.home = W.home_line(rng, p.cc, p.city[0])
            ipf = home_ipf(rng, p.home)
        else:
            ipf = (lambda p=p, c=carrier: W.mobile_ip(rng, p.cc, c, p.city[0])[0])
        t = tfun(rng, p) if tfun else TS.sample(rng, p.tz, "mobile")
        if t is None:
            continue
        email, lp = make_email(rng, p)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, campaign, mobile=True)
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, campaign, rate=0.25)


COMPANY_WORDS = ["Analytics", "Systems", "Labs", "Software", "Insurance", "Bank", "Logistics", "Health", "Media",
                 "Retail", "Consulting", "Energy", "Robotics", "Pharma", "Games", "Capital", "Mobility", "Foods"]
COMPANY_STEMS = ["Halvorsen", "Brightwater", "Kepler", "Northwind", "Marlowe", "Ostrander", "Quillon", "Rheinfeld",
                 "Sundberg", "Tamarind", "Ulster", "Veridian", "Wexford", "Yamabuki", "Zeller", "Arbeloa", "Bastide",
                 "Castellan", "Drummond", "Eskildsen", "Fairhaven", "Grisham", "Hollis", "Ingersoll", "Jaramillo",
                 "Kowalczyk", "Lindqvist", "Montclair", "Nakamura", "Okonkwo", "Pemberton", "Quintero", "Rasmussen",
                 "Sorensen", "Thorne", "Umberto", "Vasquez", "Whitcombe", "Xanadu", "Yardley", "Zanetti", "Acheron",
                 "Birchwood", "Coldstream", "Deverell", "Everhart"]


def corporate(E, rng, W, names, n):
    ccs = [("US", 9), ("GB", 3), ("DE", 3), ("FR", 2), ("IN", 4), ("JP", 2), ("BR", 1), ("CA", 1), ("NL", 1),
           ("SG", 1), ("IL", 1), ("KR", 1), ("AU", 1), ("PL", 1), ("ES", 1), ("SE", 1)]
    companies = []
    stems = list(COMPANY_STEMS)
    rng.shuffle(stems)
    for cc, k in ccs:
        for _ in range(k):
            stem = stems.pop()
            word = rng.choice(COMPANY_WORDS)
            dom = f"{slug(stem)}{rng.choice(['', '-' + slug(word), slug(word)[:4]])}.{rng.choice(['com', 'com', 'io', 'net', 'co'] if cc == 'US' else ['com', cc.lower(), 'com'])}"
            city = W.net.weighted_city(cc, rng)
            mode = wchoice(rng, [("own", 35), ("business", 35), ("swg", 30)])
            c = dict(cc=cc, city=city, domain=dom, name=f"{stem} {word}", mode=mode, size=min(8.0, rng.paretovariate(1.1)))
            if mode == "own":
                a, b = W.corp_network(f"{stem} {word} {rng.choice(['Inc.', 'AG', 'Ltd', 'S.A.', 'Group'])}", cc, city[0])
                c["ips"] = [W.net.host_in(rng, b, pool=4) for _ in range(rng.randint(1, 3))]
            elif mode == "business":
                isp = W.isps[cc][rng.randrange(min(2, len(W.isps[cc])))][0]
                b = W.net.pick_block(rng, isp, cc, None, False, "business")
                c["ips"] = [W.net.host_in(rng, b) for _ in range(rng.randint(1, 2))]
            else:
                c["swg"] = rng.choice(W.swgs)
            # managed fleet: a few hardware models, browser version pinned by IT
            osw = [("windows", 70), ("mac", 30)] if cc != "US" else [("windows", 55), ("mac", 45)]
            c["models"] = []
            for _ in range(rng.randint(1, 3)):
                os_ = wchoice(rng, osw)
                br = "edge" if os_ == "windows" and rng.random() < 0.5 else "chrome"
                c["models"].append((os_, br, rng.choice([146, 147, 148]), rng.randrange(10 ** 6)))
            companies.append(c)
    tot = sum(c["size"] for c in companies)
    for c in companies:
        k = max(3, int(round(n * c["size"] / tot)))
        tz = c["city"][5]
        bursts = []
        if k >= 12 and rng.random() < 0.6:
            # team onboarding: the platform team announces the org account on a chat channel
            for _ in range(1 if k < 60 else 2):
                day = rng.randrange(DAYS)
                bursts.append(TS.sample(rng, tz, "work", lo=day * 86400, hi=(day + 1) * 86400))
        for j in range(k):
            p = make_person(rng, W, names, cc=c["cc"], city=c["city"])
            p.pm = rng.random() < 0.12
            model = rng.choice(c["models"])
            if rng.random() < 0.85:
                dev = new_device(rng, "desktop", model[0], model[1], p.langs, p.tz, canvas_pool=1)
                dev.pinned = model[2] if rng.random() < 0.8 else None
                dev.canvas = f"corp-{model[3]}"
                # same laptop model and image; docked employees report their external monitor
                dev.screen = rng.choice(["1920x1080x24", "1920x1080x24", "1536x864x24", "2560x1440x24", "1920x1200x24"]
                                        if model[0] == "windows" else
                                        ["1512x982x30", "1512x982x30", "2560x1440x30", "1920x1080x24", "3440x1440x30"])
                dev.hc = 8 if model[0] == "mac" else 12
                dev.dm = 8
            else:
                dev = make_mobile(rng, p) if rng.random() < 0.4 else make_desktop(rng, p)
            if bursts and rng.random() < 0.45:
                t = rng.choice(bursts) + rng.gammavariate(1.5, 900)
            else:
                t = TS.sample(rng, tz, "work")
            if c["mode"] == "swg":
                ipf = (lambda c=c: W.swg_ip(rng, c["swg"], c["cc"]))
            else:
                ipf = (lambda c=c: rng.choice(c["ips"]))
            if rng.random() < 0.85:
                email, lp = make_email(rng, p, work_domain=c["domain"])
            else:
                email, lp = make_email(rng, p)
            acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "corporate")
            if acct:
                followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "corporate", rate=0.4)


def uni_email(rng, p, uni):
    r = rng.random()
    if r < 0.4:
        return f"{slug(p.first)}.{slug(p.last)}@{uni['domain']}", slug(p.first)
    if r < 0.7:
        lp = f"{slug(p.first)[:1]}{slug(p.last)[:6]}{rng.randrange(10, 99)}"
        return f"{lp}@student.{uni['domain']}", lp
    lp = f"{rng.choice('abcdefghijklmnopqrstuvwxyz')}{rng.choice('abcdefghijklmnopqrstuvwxyz')}{rng.randrange(10000, 99999)}"
    return f"{lp}@{rng.choice(['stud.', 'mail.', ''])}{uni['domain']}", lp


def university(E, rng, W, names, n):
    unis = W.universities
    n_campus = int(n * 0.4)
    n_boot = int(n * 0.12)
    # individuals on campus Wi-Fi (NAT pool of a few addresses)
    for _ in range(n_campus):
        u = rng.choice(unis)
        p = make_person(rng, W, names, cc=u["cc"], city=W.net.city_index[(u["cc"], u["city"])])
        b = u["blocks"][0]
        mobile = rng.random() < 0.35
        dev = make_mobile(rng, p) if mobile else make_desktop(rng, p)
        if len(u["blocks"]) > 1 and rng.random() < 0.4:
            ipf = (lambda u=u: W.net.host_in(rng, u["blocks"][1]))
        else:
            ipf = (lambda b=b, u=u: W.net.host_in(rng, b, pool=u["wifi_nat"]))
        t = TS.sample(rng, p.tz, "student")
        if rng.random() < 0.6:
            email, lp = uni_email(rng, p, u)
        else:
            email, lp = make_email(rng, p)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "university", mobile=mobile)
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "university", rate=0.3)
    # lab sessions: a class signs up together, identical lab machines behind one address
    done = 0
    n_class = n - n_campus - n_boot
    while done < n_class:
        u = rng.choice(unis)
        tz = W.net.city_index[(u["cc"], u["city"])][5]
        day = rng.randrange(DAYS)
        t0 = TS.sample(rng, tz, "work", lo=day * 86400, hi=(day + 1) * 86400)
        size = min(n_class - done, rng.randint(12, 45))
        lab_ip = W.net.host_in(rng, u["blocks"][0], lo=2048)
        city = W.net.city_index[(u["cc"], u["city"])]
        proto = make_person(rng, W, names, cc=u["cc"], city=city)
        os_ = wchoice(rng, [("windows", 55), ("linux", 35), ("mac", 10)])
        br = "firefox" if os_ == "linux" and rng.random() < 0.5 else "chrome"
        lab = new_device(rng, "desktop", os_, br, proto.langs, proto.tz)
        lab.pinned = rng.choice([140, 144, 146, 147]) if br == "chrome" else 140
        lab.lag = 0
        for _ in range(size):
            p = make_person(rng, W, names, cc=u["cc"], city=city)
            p.pm = False
            t = t0 + rng.gammavariate(2.0, 240)
            if rng.random() < 0.1:
                dev = make_mobile(rng, p)
                ipf = (lambda u=u: W.net.host_in(rng, u["blocks"][0], pool=u["wifi_nat"]))
            else:
                dev = lab
                ipf = (lambda ip=lab_ip: ip)
            email, lp = uni_email(rng, p, u) if rng.random() < 0.75 else make_email(rng, p)
            signup(E, rng, t, ipf(), p, dev, email, lp, "university", mobile=dev is not lab)
            done += 1
    # bootcamp cohorts in coworking spaces (ordinary business line), personal laptops
    done = 0
    while done < n_boot:
        cc = rng.choice(["US", "GB", "DE", "IN", "BR", "NG", "PL", "ES", "MX", "KE"])
        isp = W.isps[cc][0][0]
        b = W.net.pick_block(rng, isp, cc, None, False, "business")
        ip = W.net.host_in(rng, b)
        city = b.city or W.net.weighted_city(cc, rng)
        tz = city[5]
        day = rng.randrange(DAYS)
        t0 = TS.sample(rng, tz, "student", lo=day * 86400, hi=(day + 1) * 86400)
        tag = rng.choice(["bootcamp", "cohort7", "c12", "class", "wk3"])
        size = min(n_boot - done, rng.randint(14, 32))
        for _ in range(size):
            p = make_person(rng, W, names, cc=cc, city=city)
            dev = make_desktop(rng, p)
            t = t0 + rng.gammavariate(1.6, 300)
            if rng.random() < 0.3:
                lp = local_part(rng, p.first, p.last)
                email = f"{lp}+{tag}@gmail.com"
            else:
                email, lp = make_email(rng, p)
            signup(E, rng, t, ip, p, dev, email, lp, "university")
            done += 1


def pick_api_client(rng):
    return wchoice(rng, [("curl", 34), ("requests", 18), ("httpx", 5), ("httpie", 9), ("postman", 10), ("cli", 16),
                         ("node", 5), ("go", 3)])


def api_devs(E, rng, W, names, n):
    for _ in range(n):
        p = make_person(rng, W, names)
        r = rng.random()
        if r < 0.62:
            p.home = W.home_line(rng, p.cc, p.city[0])
            ip = p.home.ip(rng, prefer_v6=0.95)
        elif r < 0.9:
            prov = rng.choice(W.clouds + W.hosting[:4])
            regs = [x for x in prov.regions if x[0] == p.cc] or prov.regions
            ip = W.dc_ip(rng, prov, rng.choice(regs), v6=rng.random() < 0.2)
        else:
            ip = W.mobile_ip(rng, p.cc)[0]     # phone hotspot
        t = TS.sample(rng, p.tz, "dev")
        r = rng.random()
        if r < 0.12:
            lp = slug(p.first)
            email = f"{lp}@{slug(p.first)}{slug(p.last)}.{rng.choice(['dev', 'io', 'me', 'com', 'net', 'xyz'])}"
        else:
            email, lp = make_email(rng, p, plus_rate=0.08)
        acct = E.account()
        uname = make_username(rng, p, lp)
        client = pick_api_client(rng)
        E.emit("signup", t, ip, L, "api_devs", acct, email, uname, api_headers(rng, client))
        if rng.random() < 0.25:
            # later opens the console in a browser
            p.home = p.home or W.home_line(rng, p.cc, p.city[0])
            dev = make_desktop(rng, p)
            followup_logins(E, rng, t, home_ipf(rng, p.home), p, dev, acct, email, uname, "api_devs", rate=1.0)


def cloud_workstations(E, rng, W, names, n):
    """Developers working inside cloud desktops / remote dev VMs with a real browser."""
    for _ in range(n):
        p = make_person(rng, W, names)
        prov = rng.choice(W.clouds[:3] + W.hosting[:2])
        regs = [x for x in prov.regions if x[0] == p.cc] or prov.regions
        region = rng.choice(regs)
        br = rng.choice(["chrome", "chrome", "firefox", "chromium"])
        dev = new_device(rng, "desktop", "linux", br, ["en-US", "en"] if rng.random() < 0.7 else p.langs,
                         rng.choice(["UTC", "Etc/UTC", "UTC", p.tz]))
        dev.screen = rng.choice(["1920x1080x24", "1280x800x24", "1600x900x24", "2560x1440x24", "1024x768x24"])
        dev.hc = rng.choice([2, 4, 8, 16])
        t = TS.sample(rng, p.tz, "dev")
        email, lp = make_email(rng, p, plus_rate=0.06)
        ip = W.dc_ip(rng, prov, region)
        acct, uname = signup(E, rng, t, ip, p, dev, email, lp, "cloud_workstations")
        if acct:
            followup_logins(E, rng, t, lambda: ip, p, dev, acct, email, uname, "cloud_workstations", rate=0.3)


def privacy_users(E, rng, W, names, n):
    for _ in range(n):
        p = make_person(rng, W, names)
        r = rng.random()
        mobile = False
        if r < 0.55:
            vpn = rng.choice(W.vpns)
            target = p.cc if rng.random() < 0.45 else rng.choice(["US", "NL", "CH", "SE", "DE", "GB", "SG", "JP"])
            ipf = (lambda vpn=vpn, target=target: W.vpn_ip(rng, vpn, target)[0])
            mobile = rng.random() < 0.25
            dev = make_mobile(rng, p) if mobile else make_desktop(rng, p)
        elif r < 0.80:
            p.ios = True
            mobile = rng.random() < 0.6
            if mobile:
                dev = make_mobile(rng, p, inapp_rate=0)
                if dev.browser != "safari_ios":
                    dev.browser = "safari_ios"
            else:
                dev = make_desktop(rng, p, os_="mac", browser="safari")
            coarse = rng.random() < 0.35
            ipf = (lambda p=p, coarse=coarse: W.relay_ip(rng, p.cc, None if coarse else p.city[0]))
        elif r < 0.88:
            p.home = W.home_line(rng, p.cc, p.city[0])
            dev = make_desktop(rng, p, browser="brave", os_=rng.choice(["windows", "mac", "linux"]))
            ipf = home_ipf(rng, p.home)
        elif r < 0.94:
            # Firefox with resistFingerprinting / Mullvad Browser: spoofed UTC, letterboxed screen
            os_ = rng.choice(["windows", "linux", "mac"])
            dev = new_device(rng, "desktop", os_, "firefox", ["en-US", "en"], "UTC")
            dev.screen = rng.choice(["1400x900x24", "1600x900x24", "1400x800x24", "1200x900x24"])
            dev.hc = 2 if rng.random() < 0.5 else 4
            dev.canvas = "rfp-uniform"
            dev.fp_mode = "uniform"
            if rng.random() < 0.5:
                vpn = W.vpns[-1] if rng.random() < 0.5 else rng.choice(W.vpns)
                ipf = (lambda vpn=vpn: W.vpn_ip(rng, vpn)[0])
            else:
                p.home = W.home_line(rng, p.cc, p.city[0])
                ipf = home_ipf(rng, p.home)
        else:
            os_ = rng.choice(["windows", "windows", "linux", "mac"])
            dev = new_device(rng, "desktop", os_, "tor", ["en-US", "en"], "UTC")
            dev.pinned = 140
            dev.screen = rng.choice(["1400x900x24", "1000x900x24", "1400x800x24"])
            dev.hc = 2
            dev.canvas = "tor-uniform"
            dev.fp_mode = "uniform"
            dev.family_fp = "tor"
            blocks = W.net.blocks(W.tor)
            ipf = (lambda: W.net.host_in(rng, rng.choice(blocks), pool=20))
        t = TS.sample(rng, p.tz, "dev")
        email, lp = make_email(rng, p, provider=rng.choice(["proton.me", "protonmail.com", "pm.me", "tutanota.com",
                                                            "mailbox.org", None, None, None, None]),
                               alias_rate=0.15, disposable_rate=0.02)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "privacy_users", mobile=mobile)
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "privacy_users", rate=0.3)


def travellers(E, rng, W, names, n):
    home_w = {"US": 20, "GB": 8, "DE": 8, "FR": 5, "CA": 4, "AU": 4, "NL": 3, "JP": 4, "KR": 3, "IN": 5, "SG": 2,
              "CH": 2, "SE": 2, "IL": 2, "BR": 3, "ES": 3, "IT": 3, "AE": 2, "CN": 0}
    dests = [("US", 15), ("GB", 8), ("FR", 7), ("ES", 6), ("IT", 6), ("JP", 7), ("TH", 6), ("SG", 5), ("AE", 5),
             ("DE", 5), ("NL", 4), ("PT", 4), ("MX", 4), ("TR", 3), ("ID", 3), ("GR", 3), ("VN", 2), ("KR", 2),
             ("AU", 2), ("CA", 2), ("BR", 2), ("ZA", 1), ("KE", 1), ("CO", 1), ("AR", 1)]
    for _ in range(n):
        cc = pick_country(rng, weights=home_w)
        cc = cc if home_w.get(cc) else "US"
        p = make_person(rng, W, names, cc=cc)
        dst = wchoice(rng, dests)
        while dst == cc:
            dst = wchoice(rng, dests)
        dcity = W.net.weighted_city(dst, rng)
        phone = rng.random() < 0.55
        dev = make_mobile(rng, p) if phone else make_desktop(rng, p)
        local_tz = device_tz(rng, dcity)
        if phone or rng.random() < 0.6:
            dev.tz = local_tz              # device follows local time
        r = rng.random()
        if r < 0.45:
            isp = W.pick_isp(rng, dst)[0]
            bl = W.net.pick_block(rng, isp, dst, dcity[0], False, "home") or W.net.pick_block(rng, isp, dst)
            hotel_ip = W.net.host_in(rng, bl)
            ipf = (lambda ip=hotel_ip: ip)
        elif r < 0.70 and phone:
            carrier = W.pick_mobile(rng, cc)[0]           # roaming: data hairpins to the home network
            ipf = (lambda c=carrier, cc=cc: W.mobile_ip(rng, cc, c)[0])
        elif r < 0.85:
            pop = rng.choice(W.ipx.pops)                 # travel eSIM, broken out in a third country
            ipf = (lambda pop=pop: W.net.host_in(rng, W.net.pick_block(rng, W.ipx, pop[0], pop[1], rng.random() < 0.3, "pop"), pool=64))
        else:
            carrier = W.pick_mobile(rng, dst)[0]         # local SIM
            ipf = (lambda c=carrier, d=dst, ci=dcity: W.mobile_ip(rng, d, c, ci[0])[0])
        t = TS.sample(rng, local_tz, "mobile" if phone else "dev")
        email, lp = make_email(rng, p)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "travellers", mobile=phone)
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "travellers", rate=0.3)


def launch_spike(E, rng, W, names, n):
    """Traffic after a model launch and a viral post: many newcomers, lots of phones
    and in-app browsers, arriving in a few hours."""
    def tfun(rng, p):
        for _ in range(30):
            if rng.random() < 0.8:
                t = LAUNCH_T0 + rng.expovariate(1 / (6 * 3600))
            else:
                t = LAUNCH_T0 + 86400 * rng.uniform(0.3, 2.5)
            if t >= SPAN:
                continue
            if rng.random() < TS.weight(t, p.tz, "mobile") / 1.45:
                return t
        return None

    weights = {cc: c["w"] for cc, c in COUNTRIES.items()}
    weights.update({"US": 30, "GB": 7, "IN": 12, "DE": 5, "CA": 4})
    n_mobile = int(n * 0.45)
    mobile_web(E, rng, W, names, n_mobile, campaign="launch_spike", tfun=tfun, inapp=0.18)
    for _ in range(n - n_mobile):
        p = make_person(rng, W, names, cc=pick_country(rng, weights=weights))
        p.home = W.home_line(rng, p.cc, p.city[0])
        dev = make_desktop(rng, p)
        t = tfun(rng, p)
        if t is None:
            continue
        email, lp = make_email(rng, p)
        ipf = home_ipf(rng, p.home)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "launch_spike")
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "launch_spike", rate=0.3)


def hackathon(E, rng, W, names, n):
    events = [("IN", "Bengaluru", 5 * 86400 + 4 * 3600, 0.62), ("NG", "Lagos", 12 * 86400 + 9 * 3600, 0.38)]
    for cc, city_name, t0, share in events:
        city = W.net.city_index[(cc, city_name)]
        isp = W.isps[cc][1][0]
        b = W.net.pick_block(rng, isp, cc, None, False, "business")
        venue = [W.net.host_in(rng, b) for _ in range(2)]
        tag = "hack" if cc == "IN" else "buildathon"
        for _ in range(int(n * share)):
            p = make_person(rng, W, names, cc=cc, city=city)
            phone = rng.random() < 0.25
            dev = make_mobile(rng, p) if phone else make_desktop(rng, p)
            if phone and rng.random() < 0.5:
                ipf = (lambda cc=cc: W.mobile_ip(rng, cc)[0])
            else:
                ipf = (lambda: rng.choice(venue))
            t = t0 + (rng.gammavariate(1.3, 1200) if rng.random() < 0.6 else rng.uniform(0, 30 * 3600))
            if rng.random() < 0.15:
                lp = local_part(rng, p.first, p.last)
                email = f"{lp}+{tag}@gmail.com"
            else:
                email, lp = make_email(rng, p)
            acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "hackathon", mobile=phone)
            if acct and rng.random() < 0.5:
                t2 = t + rng.uniform(600, 20 * 3600)
                login_attempts(E, rng, t2, ipf, p, dev, acct, email, uname, L, "hackathon")


def satellite_isp(E, rng, W, names, n):
    mapping = {"US": None, "CA": ("US", "Seattle"), "AU": ("AU", "Sydney"), "BR": ("BR", "Sao Paulo"),
               "KE": ("DE", "Frankfurt am Main"), "NG": ("NG", "Lagos"), "GH": ("GB", "London"),
               "PH": ("JP", "Tokyo"), "CL": ("CL", "Santiago"), "MX": ("US", "Denver")}
    wts = {"US": 30, "CA": 10, "AU": 10, "BR": 10, "KE": 10, "NG": 6, "GH": 4, "PH": 10, "CL": 5, "MX": 5}
    us_pops = [k for k in W.sat.pops if k[0] == "US"]
    for _ in range(n):
        cc = wchoice(rng, list(wts.items()))
        p = make_person(rng, W, names, cc=cc)
        pop = mapping[cc] or rng.choice(us_pops)
        blocks = W.sat.pops[pop]
        phone = rng.random() < 0.35
        dev = make_mobile(rng, p) if phone else make_desktop(rng, p)
        v6 = len(blocks) > 1 and rng.random() < 0.4
        pref = W.net.subscriber_prefix(rng, blocks[1], 56) if v6 else None
        ipf = ((lambda pref=pref: W.net.v6_in_prefix(rng, pref, 64)) if v6 else
               (lambda blocks=blocks: W.net.host_in(rng, blocks[0], pool=96)))
        t = TS.sample(rng, p.tz, "dev")
        email, lp = make_email(rng, p)
        acct, uname = signup(E, rng, t, ipf(), p, dev, email, lp, "satellite_isp", mobile=phone)
        if acct:
            followup_logins(E, rng, t, ipf, p, dev, acct, email, uname, "satellite_isp", rate=0.3)


def inflight_wifi(E, rng, W, names, n):
    blocks = W.net.blocks(W.inflight)
    for _ in range(n):
        p = make_person(rng, W, names, cc=pick_country(rng, weights={"US": 30, "GB": 10, "DE": 6, "FR": 5,
                                                                          "IN": 6, "JP": 4, "CA": 4, "AE": 4}))
        phone = rng.random() < 0.5
        dev = make_mobile(rng, p) if phone else make_desktop(rng, p)
        b = rng.choice(blocks)
        t = rng.uniform(0, SPAN)
        email, lp = make_email(rng, p)
        signup(E, rng, t, W.net.host_in(rng, b, pool=24), p, dev, email, lp, "inflight_wifi", mobile=phone)


def synthetic_monitoring(E, rng, W, names):
    """The company's own uptime probe: a headless browser in the cloud signs up a
    throw-away account every hour.  Legitimate, and looks like a bot because it is one."""
    cloud = W.clouds[0]
    regions = [("US", "Ashburn"), ("IE", "Dublin"), ("SG", "Singapore")]
    p = Person()
    p.first, p.last = "synthetic", "probe"
    k = 0
    for h in range(DAYS * 24):
        if rng.random() < 0.015:
            continue   # probe skipped (deploy freeze, runner outage)
        t = h * 3600 + rng.uniform(3, 40)
        region = regions[h % 3]
        dev = new_device(rng, "desktop", "linux", "headless", ["en-US"], "UTC")
        dev.pinned = 147
        dev.webdriver = True
        dev.screen, dev.hc, dev.dm, dev.canvas = "1280x720x24", 2, 8, "swiftshader-147"
        epoch = 1780272000 + int(t)
        email = f"synthetics+{epoch}@corvidlabs.ai"
        uname = f"synth-{region[1][:3].lower()}-{epoch % 1000000}"
        ip = W.dc_ip(rng, cloud, region, pool=6)
        acct = E.account()
        E.emit("signup", t, ip, L, "synthetic_monitoring", acct, email, uname, dev.headers(t), dev.collect(t, rng),
               form(rng, rng.randint(380, 1400)))
        k += 1
    return k


def multi_account_devs(E, rng, W, names, n_people):
    """Developers who keep separate accounts for work, personal and client projects,
    from the same laptop, usually with plus-addressing."""
    for _ in range(n_people):
        p = make_person(rng, W, names)
        p.home = W.home_line(rng, p.cc, p.city[0])
        dev = make_desktop(rng, p)
        lp = local_part(rng, p.first, p.last)
        dom = rng.choice(["gmail.com", "gmail.com", "gmail.com", "fastmail.com", "proton.me", "outlook.com"])
        k = 2 if rng.random() < 0.7 else 3
        t = TS.sample(rng, p.tz, "dev")
        tags = rng.sample(["work", "personal", "client", "staging", "test", "team", "billing", "side"], k)
        base_user = make_username(rng, p, lp)
        for i in range(k):
            email = f"{lp}@{dom}" if i == 0 else f"{lp}+{tags[i]}@{dom}"
            uname = base_user if i == 0 else f"{base_user}-{tags[i]}"
            signup(E, rng, t, p.home.ip(rng), p, dev, email, lp, "multi_account_devs", username=uname)
            t += rng.uniform(300, 1200) if rng.random() < 0.3 else rng.uniform(3600, 4 * 86400)
            if t >= SPAN:
                break


def returning_users(E, rng, W, names, n_users):
    """Accounts created before the window logging in.  Returns the user records so
    the account-takeover operation can pick victims."""
    users = []
    for _ in range(n_users):
        p = make_person(rng, W, names)
        p.home = W.home_line(rng, p.cc, p.city[0])
        mobile_first = rng.random() < 0.3
        dev = make_mobile(rng, p) if mobile_first else make_desktop(rng, p)
        phone = make_mobile(rng, p) if not mobile_first and rng.random() < 0.35 else None
        carrier = W.pick_mobile(rng, p.cc)[0]
        email, lp = make_email(rng, p)
        acct = E.account()
        uname = make_username(rng, p, lp)
        u = dict(p=p, dev=dev, phone=phone, email=email, uname=uname, acct=acct, carrier=carrier, reuse=rng.random() < 0.25)
        users.append(u)
        n = min(12, 1 + int(rng.expovariate(1 / 1.1)))
        for _ in range(n):
            t = TS.sample(rng, p.tz, "login")
            d = dev
            if mobile_first:
                ipf = (lambda p=p, c=carrier: W.mobile_ip(rng, p.cc, c, p.city[0])[0]) if rng.random() < 0.7 else home_ipf(rng, p.home)
            else:
                ipf = home_ipf(rng, p.home)
            if phone is not None and rng.random() < 0.25:
                d = phone
                ipf = (lambda p=p, c=carrier: W.mobile_ip(rng, p.cc, c, p.city[0])[0])
            if rng.random() < 0.03:
                vpn = rng.choice(W.vpns)
                ipf = (lambda vpn=vpn: W.vpn_ip(rng, vpn)[0])
            login_attempts(E, rng, t, ipf, p, d, acct, email, uname, L, "returning_users")
    return users
