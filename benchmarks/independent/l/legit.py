"""Legitimate population: sign-up segments, their later logins, and the
accounts that existed before the window (returning users)."""
import math

import asns
import geo
import people
from agents import (CC_DEFAULT, SITE, HomeAccess, MobileAccess, Person, PoolAccess, VMAccess, edu_access,
                    emit_login, emit_signup, human_fill, make_event, ref_code, relay_access, session_key,
                    swg_access, tor_access, vpn_access, warp_access, web_form)
from clients import browser_for, forge_cli, forge_sdk, generic_http, hardened_firefox, make_browser
from timing import (DAY, END_MS, H, HN_MS, KEYNOTE_MS, MIN, START_MS, at_local, keynote_delay_ms, local_hour,
                    sample_ms)
from util import rng_for, wchoice

CC_MOBILE = [("IN", 20), ("PK", 7), ("BD", 5), ("NG", 7), ("EG", 5), ("KE", 4), ("TR", 6), ("SA", 3), ("AE", 2),
             ("ZA", 3), ("DE", 5), ("FR", 4), ("GB", 5), ("ES", 3), ("IT", 3), ("PL", 3), ("UA", 3), ("RO", 2),
             ("US", 6), ("CA", 1.5), ("IL", 1.5), ("NL", 1.5), ("GR", 1), ("PT", 1), ("CZ", 1), ("SE", 1)]
CC_DEV = [("US", 16), ("DE", 10), ("GB", 9), ("IN", 13), ("FR", 6), ("NL", 4), ("IL", 4), ("CA", 4), ("PL", 4),
          ("UA", 4), ("ES", 3), ("IT", 3), ("SE", 2), ("RO", 2), ("PT", 1.5), ("CZ", 1.5), ("GR", 1), ("TR", 3),
          ("PK", 2.5), ("BD", 1.5), ("AE", 1.5), ("SA", 1), ("EG", 1.5), ("NG", 2), ("KE", 1), ("ZA", 1.5)]

SMB_SUFFIX = ["GmbH", "Ltd", "B.V.", "S.A.", "sp. z o.o.", "S.L.", "S.r.l.", "AB", "Pvt Ltd", "Inc.", "LLC", "SAS"]


def _cities(cc):
    return [(c, c.weight) for c in geo.CITIES[cc]]


def push_awake(ms, tz, rng):
    """move a follow-up into waking hours of the person"""
    h = local_hour(ms, tz)
    if 1 <= h < 7:
        ms += (8 - h) * H + rng.randrange(0, 2 * H)
    return ms


def followups(ctx, rng, p, t0, contexts, p_return=0.45, mean_extra=0.9):
    """later login sessions by the owner. contexts: [(client, access, weight)]"""
    out = []
    if rng.random() > p_return:
        return out
    n = 1 + min(int(rng.expovariate(1.0 / mean_extra)), 12)
    t = t0
    for _ in range(n):
        t += int(rng.lognormvariate(math.log(26 * H), 1.0))
        t = push_awake(t, p.tz, rng)
        if t >= END_MS:
            break
        client, acc = wchoice(rng, [((c, a), w) for c, a, w in contexts])
        out += emit_login(ctx, rng, t, p, client, acc)
    return out


def company_domain(rng, ident_cc):
    f = people.pools().pools[wchoice(rng, people.NAME_MIX.get(ident_cc, [("en_US", 1)]))][2]
    base = people._slug(rng.choice(f))
    tail = rng.choice(["", "-labs", "-ai", "tech", "-digital", "-systems", "soft", "-analytics", "data", "-consulting"])
    tld = {"DE": ".de", "FR": ".fr", "GB": ".co.uk", "NL": ".nl", "PL": ".pl", "ES": ".es", "IT": ".it", "SE": ".se",
           "UA": ".com.ua", "RO": ".ro", "PT": ".pt", "CZ": ".cz", "GR": ".gr", "TR": ".com.tr", "IN": ".in",
           "PK": ".pk", "BD": ".com.bd", "AE": ".ae", "SA": ".sa", "EG": ".com.eg", "NG": ".ng", "KE": ".co.ke",
           "ZA": ".co.za", "IL": ".co.il", "US": ".com", "CA": ".ca"}.get(ident_cc, ".com")
    if rng.random() < 0.35:
        tld = rng.choice([".io", ".ai", ".com", ".dev", ".tech"])
    return base + tail + tld


def pick_email(ctx, rng, p, mobile=False, work_domain=None, alias_p=0.02, proton_p=0.0):
    r = rng.random()
    if work_domain and r < 0.7:
        return people.work_email(rng, ctx.reg, p.ident, work_domain)
    if rng.random() < alias_p:
        return people.alias_email(rng, ctx.reg, p.ident)
    if rng.random() < proton_p:
        return people.personal_email(rng, ctx.reg, p.ident, p.cc, domain=rng.choice(["proton.me", "protonmail.com", "pm.me", "tuta.com", "posteo.de"]))
    return people.personal_email(rng, ctx.reg, p.ident, p.cc, mobile=mobile)


def finish_identity(ctx, rng, p, email):
    p.email = email
    p.username = people.username_for(rng, ctx.reg, p.ident, email)


# ======================================================================= segments
def seg_home_broadband(ctx, n):
    rng = rng_for("seg", "home_broadband")
    w = ctx.world
    out = []
    for _ in range(n):
        cc = wchoice(rng, CC_DEFAULT)
        p = Person(ctx, rng, cc)
        p.campaign = "home_broadband"
        prof = "dev" if rng.random() < 0.45 else "consumer"
        ms = sample_ms(rng, p.tz, cc, prof)
        if prof == "dev" and rng.random() < 0.08:     # a front-page post pulls developers in
            ms = min(HN_MS + int(rng.expovariate(1 / (4 * H))), END_MS - 1)
        dc = wchoice(rng, [("desktop", 62), ("mobile", 33), ("tablet", 5)])
        client = p.device(ctx, rng, ms, "main", dc, outdated_p=0.04)
        home = HomeAccess(w, rng, cc, p.city)
        p.nets["home"] = home
        p.pm = rng.random() < (0.36 if dc == "desktop" else 0.22)
        wd = company_domain(rng, cc) if rng.random() < 0.04 else None
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, dc != "desktop", wd, alias_p=0.02, proton_p=0.02))
        out += emit_signup(ctx, rng, ms, p, client, home)
        ctxs = [(client, home, 70)]
        if dc == "desktop":
            phone = p.device(ctx, rng, ms, "phone", "mobile")
            ctxs.append((phone, MobileAccess(w, rng, cc, p.city), 20))
        if prof == "dev" and rng.random() < 0.25:
            cli = forge_cli(rng)
            cli.cid = ctx.next_id()
            ctxs.append((cli, home, 25))
        out += followups(ctx, rng, p, ms, ctxs, p_return=0.5)
    return out


def seg_mobile_carrier(ctx, n):
    rng = rng_for("seg", "mobile_carrier")
    w = ctx.world
    out = []
    for _ in range(n):
        cc = wchoice(rng, CC_MOBILE)
        p = Person(ctx, rng, cc)
        p.campaign = "mobile_carrier"
        ms = sample_ms(rng, p.tz, cc, "mobile")
        south = cc in ("IN", "PK", "BD", "NG", "EG", "KE", "ZA")
        client = p.device(ctx, rng, ms, "phone", "mobile", outdated_p=0.13 if south else 0.04)
        mob = MobileAccess(w, rng, cc, p.city)
        p.nets["mobile"] = mob
        p.pm = rng.random() < 0.14
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, mobile=True, alias_p=0.01))
        out += emit_signup(ctx, rng, ms, p, client, mob)
        ctxs = [(client, mob, 60)]
        if w.has_market(cc, "fixed") and rng.random() < 0.6:
            ctxs.append((client, HomeAccess(w, rng, cc, p.city), 30))
        if rng.random() < 0.3:
            lap = p.device(ctx, rng, ms, "laptop", "desktop")
            ctxs.append((lap, ctxs[-1][1], 25))
        out += followups(ctx, rng, p, ms, ctxs, p_return=0.4)
    return out


def _uni_choices():
    lst = []
    for asn, org, cc, unis in asns.EDU:
        for u in unis:
            wt = {"IN": 3, "PK": 2, "US": 2.5, "DE": 2, "GB": 2, "NG": 1.5, "EG": 1.5}.get(cc, 1.0)
            lst.append(((asn, cc, u), wt))
    return lst


def seg_university(ctx, n):
    rng = rng_for("seg", "university")
    w = ctx.world
    out = []
    unis = _uni_choices()
    n_labs, n_ws, n_hack = 12, 6, 2
    lab_total = 0
    # --- lab sessions: identical managed machines behind one NAT address -------
    for k in range(n_labs):
        asn, cc, u = wchoice(rng, [x for x in unis if x[0][1] in ("DE", "GB", "NL", "FR", "PL", "IL", "US", "IN", "TR", "CZ", "ES", "IT")])
        name, ckey, domain, style = u
        city = geo.CITY_BY_KEY[ckey]
        campus = edu_access(w, rng, asn, domain)
        lab_ip = rng.choice(campus.v4s)
        day = rng.choice([0, 1, 2, 3, 7, 8, 9, 10, 14, 15])
        t_start = at_local(day, rng.choice([9, 10, 13, 14, 16]), 15, city.tz) + rng.randrange(0, 15 * MIN)
        fam = rng.choice(["firefox_linux", "chrome_linux", "chrome_win", "edge_win"])
        langs = people.langs_for(rng, cc)
        image = make_browser(rng, t_start, langs, city.tz, fam, channel="extended")
        image.cid = ctx.next_id()
        size = rng.randrange(24, 46)
        lab_total += size
        for j in range(size):
            p = Person(ctx, rng, cc, city, age=(18, 26))
            p.campaign = "university"
            t = t_start + int(rng.lognormvariate(math.log(9 * MIN), 0.6))
            e = people.edu_email(rng, ctx.reg, p.ident, domain, style) if rng.random() < 0.85 else pick_email(ctx, rng, p)
            finish_identity(ctx, rng, p, e)
            form = web_form(int(rng.lognormvariate(math.log(55000), 0.35)))
            out += emit_signup(ctx, rng, t, p, image, campus, form=form, ip=lab_ip,
                               referer=SITE + "/signup?utm_source=course&utm_medium=lms")
            phone = p.device(ctx, rng, t, "phone", "mobile")
            out += followups(ctx, rng, p, t, [(phone, MobileAccess(w, rng, cc, city), 50),
                                             (image, PoolAccess("edu", asn, [lab_ip]), 30)], p_return=0.5)
    # --- workshops: the instructor creates accounts with a script -------------
    ws_total = 0
    for k in range(n_ws):
        asn, cc, u = wchoice(rng, unis)
        name, ckey, domain, style = u
        city = geo.CITY_BY_KEY[ckey]
        campus = edu_access(w, rng, asn, domain)
        if rng.random() < 0.35:      # ran from a notebook VM
            vm = VMAccess(w, rng, 396982, None)
            src_ip = vm.ip(rng, 0)
        else:
            src_ip = rng.choice(campus.v4s)
        client = generic_http(rng, rng.choice(["requests", "httpx"]))
        client.cid = ctx.next_id()
        day = rng.randrange(0, 15)
        t = at_local(day, rng.choice([8, 9, 13]), rng.randrange(0, 50), city.tz)
        size = rng.randrange(28, 55)
        ws_total += size
        base_id = rng.randrange(1000000, 9000000)
        for j in range(size):
            p = Person(ctx, rng, cc, city, age=(18, 30))
            p.campaign = "university"
            base_id += rng.randrange(1, 60)
            if style in ("sid", "roll", "tum", "kit", "ucl", "crsid"):
                e = ctx.reg.email(rng, "s%07d" % base_id if style != "roll" else "%d%s%04d" % (24, "cs", base_id % 10000), domain)
            else:
                e = people.edu_email(rng, ctx.reg, p.ident, domain, style)
            p.email = e
            p.username = ctx.reg.username(rng, e.split("@")[0])
            t += rng.randrange(700, 2600)
            out += emit_signup(ctx, rng, t, p, client, None, ip=src_ip, form=None, referer=None)
            lap = p.device(ctx, rng, t, "laptop", "desktop")
            out += followups(ctx, rng, p, t + 20 * MIN, [(lap, campus, 60), (lap, HomeAccess(w, rng, cc, city), 40)],
                             p_return=0.8, mean_extra=1.2)
    # --- hackathons at Indian engineering colleges on one business line --------
    hk_total = 0
    for k in range(n_hack):
        cc = "IN"
        city = geo.CITY_BY_KEY[rng.choice(["IN/Bengaluru", "IN/Hyderabad", "IN/Pune", "IN/Chennai"])]
        asn = rng.choice([55836, 24560, 24309])
        s4 = w.sub(rng, asn, "biz", 4, city)
        s6 = w.sub(rng, asn, "biz", 6, city) if w.has(asn, "biz", 6) else None
        venue = PoolAccess("biz", asn, [s4.rand_v4(rng)], [(s6, s6.rand_64(rng))] if s6 else [], v6_share=0.5)
        day = rng.choice([5, 12])    # Saturdays
        t0 = at_local(day, 10, 30, city.tz)
        size = rng.randrange(120, 160)
        hk_total += size
        for j in range(size):
            p = Person(ctx, rng, cc, city, age=(18, 23))
            p.campaign = "university"
            t = t0 + int(rng.lognormvariate(math.log(35 * MIN), 0.7))
            dc = "mobile" if rng.random() < 0.6 else "desktop"
            client = p.device(ctx, rng, t, "main", dc, outdated_p=0.12)
            finish_identity(ctx, rng, p, pick_email(ctx, rng, p, mobile=dc == "mobile"))
            out += emit_signup(ctx, rng, t, p, client, venue,
                               referer=SITE + "/signup?utm_source=hackathon&utm_campaign=buildwithforge")
            mob = MobileAccess(w, rng, cc, city)
            out += followups(ctx, rng, p, t, [(client, mob, 60), (client, venue, 40)], p_return=0.5)
    # --- everyday campus sign-ups -------------------------------------------
    rest = max(0, n - lab_total - ws_total - hk_total)
    for _ in range(rest):
        asn, cc, u = wchoice(rng, unis)
        name, ckey, domain, style = u
        city = geo.CITY_BY_KEY[ckey]
        p = Person(ctx, rng, cc, city, age=(18, 30))
        p.campaign = "university"
        ms = sample_ms(rng, city.tz, cc, "student")
        dc = "desktop" if rng.random() < 0.7 else "mobile"
        client = p.device(ctx, rng, ms, "main", dc, outdated_p=0.05)
        campus = edu_access(w, rng, asn, domain)
        acc = campus if rng.random() < 0.72 else (HomeAccess(w, rng, cc, city) if w.has_market(cc, "fixed") else campus)
        p.pm = rng.random() < 0.2
        e = people.edu_email(rng, ctx.reg, p.ident, domain, style) if rng.random() < 0.55 else pick_email(ctx, rng, p, dc == "mobile")
        finish_identity(ctx, rng, p, e)
        out += emit_signup(ctx, rng, ms, p, client, acc)
        out += followups(ctx, rng, p, ms, [(client, campus, 60), (client, acc, 40)], p_return=0.55)
    return out


CORP_ENTERPRISES = [   # large employers whose traffic leaves through a secure web gateway
    ("Vireo Consulting Group", "vireo-consulting.com", ["GB", "DE", "IN", "PL", "US", "NL"]),
    ("Helvetia Medtech AG", "helvetia-medtech.com", ["DE", "FR", "IT", "CZ", "US"]),
    ("Anatolia Bank A.S.", "anatoliabank.com.tr", ["TR"]),
    ("Sundaram Global Services", "sundaramglobal.com", ["IN", "GB", "US", "AE"]),
    ("Northstar Insurance Group", "northstar-ig.com", ["US", "CA", "GB"]),
    ("Lusitania Telecom Services", "lusitania-ts.pt", ["PT", "ES"]),
    ("Baltic Freight Lines", "balticfreight.se", ["SE", "PL", "DE"]),
    ("Crescent Energy Holdings", "crescent-energy.ae", ["AE", "SA", "EG", "PK"]),
    ("Kilimanjaro Mobile Money", "kilimanjaro-mm.com", ["KE", "NG", "ZA"]),
    ("Dniester Software", "dniester.software", ["UA", "PL", "RO"]),
    ("Aegean Shipping Co.", "aegeanshipping.gr", ["GR", "GB"]),
    ("Carmel Defense Analytics", "carmel-analytics.co.il", ["IL", "US"]),
]


def seg_corporate(ctx, n):
    rng = rng_for("seg", "corporate")
    w = ctx.world
    out = []
    n_office, n_swg = int(n * 0.42), int(n * 0.31)
    n_team = n - n_office - n_swg
    # --- offices: corporate AS or a business line; identical managed images ----
    offices = []
    for (asn, org, cc, ckey, domain, wt) in asns.CORP:
        subs = w.idx[(asn, "corp", 4)]
        ips = subs[0].pool(rng.randrange(2, 5), "nat")
        offices.append(((cc, geo.CITY_BY_KEY[ckey], domain, PoolAccess("corp", asn, ips)), wt * 3))
    for k in range(110):
        cc = wchoice(rng, CC_DEV)
        if not w.has_market(cc, "biz"):
            continue
        city = wchoice(rng, _cities(cc))
        asn = w.pick_isp(rng, cc, "biz")
        s4 = w.sub(rng, asn, "biz", 4, city)
        v6 = []
        if w.has(asn, "biz", 6) and rng.random() < 0.3:
            s6 = w.sub(rng, asn, "biz", 6, city)
            v6 = [(s6, s6.rand_64(rng))]
        acc = PoolAccess("biz", asn, [s4.rand_v4(rng) for _ in range(rng.choice([1, 1, 2]))], v6, v6_share=0.6)
        offices.append(((cc, city, company_domain(rng, cc), acc), 1))
    images = {}
    for _ in range(n_office):
        (cc, city, domain, acc) = wchoice(rng, offices)
        p = Person(ctx, rng, cc, city)
        p.campaign = "corporate"
        ms = sample_ms(rng, city.tz, cc, "worker")
        key = domain
        if key not in images:
            fam = wchoice(rng, [("chrome_win", 40), ("edge_win", 35), ("chrome_mac", 25)])
            r2 = rng_for("image", domain)
            img = make_browser(r2, ms, people.langs_for(r2, cc), city.tz, fam, channel="extended" if fam != "chrome_mac" else "stable")
            img.cid = ctx.next_id()
            images[key] = img
        if rng.random() < 0.7:
            client = images[key]        # same model, same image, same settings -> same fingerprint
        else:
            client = p.device(ctx, rng, ms, "main", "desktop")
        p.pm = rng.random() < 0.45
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, work_domain=domain))
        out += emit_signup(ctx, rng, ms, p, client, acc)
        out += followups(ctx, rng, p, ms, [(client, acc, 80), (client, HomeAccess(w, rng, cc, city), 20)], p_return=0.55)
    # --- secure web gateways -----------------------------------------------------
    for _ in range(n_swg):
        name, domain, ccs = rng.choice(CORP_ENTERPRISES)
        cc = rng.choice(ccs)
        p = Person(ctx, rng, cc)
        p.campaign = "corporate"
        ms = sample_ms(rng, p.tz, cc, "worker")
        fam = wchoice(rng, [("edge_win", 45), ("chrome_win", 40), ("chrome_mac", 15)])
        client = p.device(ctx, rng, ms, "main", "desktop", family=fam, channel="extended")
        acc = swg_access(w, rng, p.city)
        p.pm = rng.random() < 0.3
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, work_domain=domain))
        out += emit_signup(ctx, rng, ms, p, client, acc)
        out += followups(ctx, rng, p, ms, [(client, acc, 85), (client, HomeAccess(w, rng, cc, p.city), 15)], p_return=0.5)
    # --- teams: a lead signs up, then invites colleagues ---------------------------
    made = 0
    while made < n_team:
        cc = wchoice(rng, CC_DEV)
        city = wchoice(rng, _cities(cc))
        domain = company_domain(rng, cc)
        size = min(rng.randrange(4, 19), n_team - made)
        code = ref_code(rng)
        office = None
        if w.has_market(cc, "biz"):
            asn = w.pick_isp(rng, cc, "biz")
            office = PoolAccess("biz", asn, [w.sub(rng, asn, "biz", 4, city).rand_v4(rng)])
        t_lead = sample_ms(rng, city.tz, cc, "worker", hi_ms=END_MS - 3 * DAY)
        for j in range(size):
            mcc = cc if rng.random() < 0.8 else wchoice(rng, CC_DEV)      # remote colleagues
            p = Person(ctx, rng, mcc, city if mcc == cc else None)
            p.campaign = "corporate"
            if j == 0:
                t = t_lead
                ref = SITE + "/signup?utm_source=google&utm_medium=cpc"
            else:
                t = t_lead + int(rng.lognormvariate(math.log(5 * H), 1.1))
                ref = SITE + "/invite/" + code
            if t >= END_MS:
                t = END_MS - rng.randrange(1, 6 * H)
            dc = "desktop" if rng.random() < 0.85 else "mobile"
            fam = "chrome_mac" if (dc == "desktop" and rng.random() < 0.5) else None
            client = p.device(ctx, rng, t, "main", dc, family=fam)
            acc = office if (office and mcc == cc and rng.random() < 0.55) else HomeAccess(w, rng, mcc, p.city)
            p.pm = rng.random() < 0.5
            finish_identity(ctx, rng, p, people.work_email(rng, ctx.reg, p.ident, domain) if rng.random() < 0.9
                            else pick_email(ctx, rng, p))
            out += emit_signup(ctx, rng, t, p, client, acc, referer=ref)
            out += followups(ctx, rng, p, t, [(client, acc, 100)], p_return=0.7, mean_extra=1.5)
            made += 1
    return out


HOST_DEV = [(16509, 25), (396982, 16), (8075, 12), (14061, 8), (24940, 10), (16276, 6), (20473, 3), (63949, 3),
            (31898, 2), (400469, 5), (62104, 3), (210735, 3), (398722, 4), (12876, 2), (51167, 2)]


def nearest_dc(w, asn, city, rng):
    subs = w.idx[(asn, "host", 4)]
    cand = sorted({s.city.key: s for s in subs if s.city}.values(),
                  key=lambda s: (s.city.lat - city.lat) ** 2 + (s.city.lon - city.lon) ** 2)
    if not cand:
        return None
    return cand[0].city if rng.random() < 0.75 else rng.choice(cand[:3]).city


def seg_dev_cli_cloud(ctx, n):
    rng = rng_for("seg", "dev_cli_cloud")
    w = ctx.world
    out = []
    for _ in range(n):
        cc = wchoice(rng, CC_DEV)
        p = Person(ctx, rng, cc, age=(21, 50))
        p.campaign = "dev_cli_cloud"
        ms = sample_ms(rng, p.tz, cc, "dev")
        if rng.random() < 0.07:
            ms = min(HN_MS + int(rng.expovariate(1 / (5 * H))), END_MS - 1)
        client = forge_cli(rng) if rng.random() < 0.75 else forge_sdk(rng)
        client.cid = ctx.next_id()
        if rng.random() < 0.55:
            asn = wchoice(rng, HOST_DEV)
            acc = VMAccess(w, rng, asn, nearest_dc(w, asn, p.city, rng), v6_p=0.25)
        else:
            acc = HomeAccess(w, rng, cc, p.city)
        wd = company_domain(rng, cc) if rng.random() < 0.25 else None
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, work_domain=wd, alias_p=0.03, proton_p=0.06))
        form = None
        if getattr(client, "interactive", False):
            form = {"fill_ms": int(rng.lognormvariate(math.log(21000), 0.55))}
        out += emit_signup(ctx, rng, ms, p, client, acc, form=form, referer=None)
        lap = p.device(ctx, rng, ms, "laptop", "desktop")
        home = acc if isinstance(acc, HomeAccess) else HomeAccess(w, rng, cc, p.city)
        out += followups(ctx, rng, p, ms, [(client, acc, 50), (lap, home, 40)], p_return=0.65, mean_extra=1.6)
    return out


def seg_privacy(ctx, n):
    rng = rng_for("seg", "privacy_conscious")
    w = ctx.world
    out = []
    for _ in range(n):
        cc = wchoice(rng, CC_DEFAULT)
        p = Person(ctx, rng, cc)
        p.campaign = "privacy_conscious"
        ms = sample_ms(rng, p.tz, cc, rng.choice(["consumer", "dev"]))
        mode = wchoice(rng, [("vpn", 45), ("relay", 30), ("hardened", 12), ("warp", 5), ("tor", 4), ("nojs", 4)])
        email = None
        if mode == "vpn":
            exit_cc = cc if rng.random() < 0.55 else rng.choice(["NL", "DE", "CH", "SE", "US", "GB"])
            acc = vpn_access(w, rng, exit_cc=exit_cc)
            client = p.device(ctx, rng, ms, "main", "desktop" if rng.random() < 0.65 else "mobile")
            r = rng.random()
            if r < 0.2:
                email = people.alias_email(rng, ctx.reg, p.ident)
        elif mode == "relay":
            fam = "safari_ios" if rng.random() < 0.65 else "safari_mac"
            client = p.device(ctx, rng, ms, "main", "mobile", family=fam)
            acc = relay_access(w, rng, p.city)
            r = rng.random()
            if r < 0.5:
                email = people.alias_email(rng, ctx.reg, p.ident) if rng.random() < 0.15 else \
                    ctx.reg.email(rng, "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)), "privaterelay.appleid.com")
            elif r < 0.8:
                email = people.personal_email(rng, ctx.reg, p.ident, cc, domain="icloud.com")
        elif mode == "hardened":
            if rng.random() < 0.55:
                client = p.device(ctx, rng, ms, "main", "desktop", family=rng.choice(["brave_win", "brave_mac"]))
            else:
                client = hardened_firefox(rng, ms, p.langs, p.tz)
                client.cid = ctx.next_id()
                p.devices["main"] = client
            acc = HomeAccess(w, rng, cc, p.city)
            if rng.random() < 0.5:
                email = people.alias_email(rng, ctx.reg, p.ident)
        elif mode == "warp":
            client = p.device(ctx, rng, ms, "main", "mobile")
            acc = warp_access(w, rng, p.city)
        elif mode == "tor":
            client = make_browser(rng, ms, p.langs, p.tz, "tor_browser")
            client.cid = ctx.next_id()
            acc = tor_access(w, rng)
        else:       # NoScript: the collector never runs, the signed form still works
            client = p.device(ctx, rng, ms, "main", "desktop", family=rng.choice(["firefox_linux", "firefox_win"]))
            client.collector = False
            acc = HomeAccess(w, rng, cc, p.city) if rng.random() < 0.6 else vpn_access(w, rng)
        p.pm = rng.random() < 0.6
        if email is None:
            email = pick_email(ctx, rng, p, client.mobile, alias_p=0.1, proton_p=0.3)
        finish_identity(ctx, rng, p, email)
        out += emit_signup(ctx, rng, ms, p, client, acc)
        out += followups(ctx, rng, p, ms, [(client, acc, 100)], p_return=0.5)
    return out


def seg_keynote(ctx, n):
    rng = rng_for("seg", "keynote_wave")
    w = ctx.world
    out = []
    ams = geo.CITY_BY_KEY["NL/Amsterdam"]
    vs4 = w.idx[(20562, "venue", 4)][0]
    vs6 = w.idx[(20562, "venue", 6)][0]
    venue = PoolAccess("venue", 20562, vs4.pool(4, "venue"), [(vs6, 7)], v6_share=0.5)
    promo_qr = SITE + "/signup?utm_source=summit26&utm_medium=qr&promo=SUMMIT26"
    promo_ls = SITE + "/signup?utm_source=livestream&utm_medium=video&promo=SUMMIT26"
    n_venue = int(n * 0.16)
    cc_att = [("NL", 20), ("DE", 15), ("GB", 12), ("FR", 8), ("US", 10), ("IN", 6), ("PL", 5), ("IL", 4), ("ES", 4),
              ("SE", 3), ("UA", 3), ("IT", 3), ("PT", 2), ("RO", 2), ("TR", 2), ("AE", 1), ("CA", 2)]
    for i in range(n):
        at_venue = i < n_venue
        if at_venue:
            cc = wchoice(rng, cc_att)
            p = Person(ctx, rng, cc, age=(22, 50))
            t = KEYNOTE_MS + (keynote_delay_ms(rng) if rng.random() < 0.85 else int(rng.uniform(18, 26) * H))
            dc = "mobile" if rng.random() < 0.65 else "desktop"
            client = p.device(ctx, rng, t, "main", dc)
            if dc == "mobile" or rng.random() < 0.7:
                client.tz_override = ams.tz        # devices set their zone automatically
            if cc != "NL" and dc == "mobile" and rng.random() < 0.22:
                acc = MobileAccess(w, rng, cc, p.city)      # roaming data is home-routed
            else:
                acc = venue
            ref = promo_qr
        else:
            cc = wchoice(rng, CC_DEV)
            p = Person(ctx, rng, cc)
            t = KEYNOTE_MS + keynote_delay_ms(rng)
            dc = wchoice(rng, [("desktop", 65), ("mobile", 35)])
            client = p.device(ctx, rng, t, "main", dc)
            r = rng.random()
            if dc == "mobile" and r < 0.6:
                acc = MobileAccess(w, rng, cc, p.city)
            elif r < 0.22 and w.has_market(cc, "biz"):
                asn = w.pick_isp(rng, cc, "biz")
                acc = PoolAccess("biz", asn, [w.sub(rng, asn, "biz", 4, p.city).rand_v4(rng)])
            else:
                acc = HomeAccess(w, rng, cc, p.city)
            ref = promo_ls if rng.random() < 0.6 else None
        if t >= END_MS:
            t = END_MS - rng.randrange(1, H)
        p.campaign = "keynote_wave"
        p.pm = rng.random() < 0.35
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, client.mobile, alias_p=0.03, proton_p=0.03))
        out += emit_signup(ctx, rng, t, p, client, acc, referer=ref if ref else "auto")
        home = HomeAccess(w, rng, cc, p.city)
        out += followups(ctx, rng, p, t, [(client, home, 70), (client, acc, 30)], p_return=0.55)
    return out


def seg_travel(ctx, n):
    rng = rng_for("seg", "travel_roaming")
    w = ctx.world
    out = []
    eu = ["DE", "FR", "GB", "NL", "PL", "ES", "IT", "SE", "RO", "PT", "CZ", "GR"]
    for _ in range(n):
        mode = wchoice(rng, [("roam", 35), ("hotel", 25), ("air", 10), ("sat", 15), ("corpvpn", 15)])
        if mode == "roam":
            cc = rng.choice(eu)
            visit = rng.choice([c for c in eu + ["TR", "AE"] if c != cc])
            p = Person(ctx, rng, cc)
            vcity = wchoice(rng, _cities(visit))
            ms = sample_ms(rng, vcity.tz, visit, "mobile")
            client = p.device(ctx, rng, ms, "phone", "mobile")
            client.tz_override = vcity.tz
            acc = MobileAccess(w, rng, cc, p.city)        # home-routed roaming: home carrier address
        elif mode == "hotel":
            cc = wchoice(rng, CC_DEV)
            visit = rng.choice([c for c in ["AE", "PT", "ES", "TR", "GB", "US", "IN", "NL", "DE", "IL", "GR", "KE", "ZA"] if c != cc])
            p = Person(ctx, rng, cc)
            vcity = wchoice(rng, _cities(visit))
            ms = sample_ms(rng, vcity.tz, visit, "consumer")
            client = p.device(ctx, rng, ms, "laptop", "desktop")
            if rng.random() < 0.6:
                client.tz_override = vcity.tz
            asn = w.pick_isp(rng, visit, "biz" if w.has_market(visit, "biz") else "fixed")
            kind = "biz" if w.has_market(visit, "biz") else "fixed"
            acc = PoolAccess(kind, asn, [w.sub(rng, asn, kind, 4, vcity).rand_v4(rng) for _ in range(2)])
        elif mode == "air":
            cc = wchoice(rng, CC_DEV)
            p = Person(ctx, rng, cc)
            ms = sample_ms(rng, p.tz, cc, "flat")
            client = p.device(ctx, rng, ms, "laptop", "desktop" if rng.random() < 0.6 else "mobile")
            asn = rng.choice([7155, 64294, 22168])
            s = rng.choice(w.idx[(asn, "air", 4)])
            acc = PoolAccess("air", asn, s.pool(6, "air"))
        elif mode == "sat":
            cc = wchoice(rng, [("KE", 20), ("NG", 15), ("ZA", 10), ("UA", 20), ("US", 15), ("PL", 5), ("DE", 5), ("ES", 5), ("IT", 5)])
            p = Person(ctx, rng, cc)
            ms = sample_ms(rng, p.tz, cc, "consumer")
            client = p.device(ctx, rng, ms, "main", "desktop" if rng.random() < 0.6 else "mobile")
            subs = w.idx[(14593, "sat", 4)]
            near = sorted(subs, key=lambda s: (s.city.lat - p.city.lat) ** 2 + (s.city.lon - p.city.lon) ** 2)
            s4 = near[0] if rng.random() < 0.6 else rng.choice(near[:6])       # PoP may sit in another country
            s6s = [s for s in w.idx[(14593, "sat", 6)] if s.city.key == s4.city.key] or w.idx[(14593, "sat", 6)]
            s6 = rng.choice(s6s)
            acc = PoolAccess("sat", 14593, s4.pool(24, "cgnat"), [(s6, s6.rand_64(rng))], v6_share=0.6, sticky=False)
        else:
            (asn, org, hcc, ckey, domain, wt) = rng.choice(asns.CORP)
            p = Person(ctx, rng, hcc)
            visit = rng.choice([c for c in ["US", "GB", "DE", "AE", "IN", "NL"] if c != hcc])
            vcity = wchoice(rng, _cities(visit))
            ms = sample_ms(rng, vcity.tz, visit, "worker")
            client = p.device(ctx, rng, ms, "laptop", "desktop", channel="extended")
            client.tz_override = vcity.tz
            acc = PoolAccess("corp", asn, w.idx[(asn, "corp", 4)][0].pool(3, "nat"))
            p.email = people.work_email(rng, ctx.reg, p.ident, domain)
        p.campaign = "travel_roaming"
        p.pm = rng.random() < 0.3
        if p.email is None:
            p.email = pick_email(ctx, rng, p, client.mobile)
        p.username = people.username_for(rng, ctx.reg, p.ident, p.email)
        out += emit_signup(ctx, rng, ms, p, client, acc)
        out += followups(ctx, rng, p, ms, [(client, acc, 60), (client, HomeAccess(w, rng, p.cc, p.city), 40)], p_return=0.4)
    return out


def seg_household(ctx, n):
    rng = rng_for("seg", "shared_household")
    w = ctx.world
    out = []
    made = 0
    while made < n:
        cc = wchoice(rng, CC_DEFAULT)
        city = wchoice(rng, _cities(cc))
        home = HomeAccess(w, rng, cc, city, v6_bias=1.2)
        kind = wchoice(rng, [("family", 50), ("flatmates", 30), ("multi", 20)])
        if kind == "multi":
            # one person, a personal and a work (or side-project) account, same laptop
            p = Person(ctx, rng, cc, city)
            p.campaign = "shared_household"
            ms = sample_ms(rng, p.tz, cc, "dev", hi_ms=END_MS - 2 * DAY)
            client = p.device(ctx, rng, ms, "laptop", "desktop")
            p.pm = rng.random() < 0.6
            finish_identity(ctx, rng, p, pick_email(ctx, rng, p))
            out += emit_signup(ctx, rng, ms, p, client, home)
            q = Person(ctx, rng, cc, city)
            q.ident = p.ident
            q.campaign = "shared_household"
            q.pm = p.pm
            loc, dom = p.email.split("@")
            if dom in ("gmail.com", "outlook.com", "proton.me", "icloud.com", "hotmail.com") and rng.random() < 0.6:
                q.email = ctx.reg.email(rng, "%s+%s" % (loc, rng.choice(["forge", "work", "gpu", "ml", "test", "side"])), dom)
            else:
                q.email = people.work_email(rng, ctx.reg, p.ident, company_domain(rng, cc))
            q.username = people.username_for(rng, ctx.reg, p.ident, q.email)
            t2 = ms + int(rng.lognormvariate(math.log(20 * H), 1.2))
            t2 = min(t2, END_MS - rng.randrange(1, 3 * H))
            out += emit_signup(ctx, rng, t2, q, client, home)
            out += followups(ctx, rng, p, ms, [(client, home, 100)], p_return=0.5)
            out += followups(ctx, rng, q, t2, [(client, home, 100)], p_return=0.5)
            made += 2
            continue
        size = rng.randrange(2, 4)
        shared = p0 = None
        family_src = None
        t = sample_ms(rng, city.tz, cc, "consumer", hi_ms=END_MS - 3 * DAY)
        for j in range(size):
            p = Person(ctx, rng, cc, city, age=(15, 60))
            p.campaign = "shared_household"
            if kind == "family":
                if p0 is None:
                    p0 = p
                else:
                    p.ident.last = p0.ident.last
                    p.ident.src = p0.ident.src
            if j > 0:
                t += int(rng.lognormvariate(math.log(14 * H), 1.3)) if rng.random() < 0.7 else rng.randrange(3, 40) * MIN
                t = min(t, END_MS - rng.randrange(1, 3 * H))
            if shared is None or rng.random() > (0.7 if kind == "family" else 0.15):
                client = p.device(ctx, rng, t, "main", wchoice(rng, [("desktop", 55), ("mobile", 35), ("tablet", 10)]))
                if shared is None:
                    shared = client
            else:
                client = shared          # the family laptop / tablet
            p.pm = rng.random() < 0.25
            finish_identity(ctx, rng, p, pick_email(ctx, rng, p, client.mobile))
            out += emit_signup(ctx, rng, t, p, client, home, dev_tag=str(getattr(client, "cid", "")))
            out += followups(ctx, rng, p, t, [(client, home, 100)], p_return=0.45)
            made += 1
    return out


def seg_diaspora(ctx, n):
    rng = rng_for("seg", "diaspora_expat")
    w = ctx.world
    out = []
    for _ in range(n):
        kind = wchoice(rng, [("ua_refugee", 35), ("ru_israeli", 15), ("ru_relocant", 10), ("gulf_south_asian", 25),
                             ("iranian", 8), ("african_uk", 7)])
        email = None
        if kind == "ua_refugee":
            cc = wchoice(rng, [("PL", 40), ("DE", 30), ("CZ", 15), ("GB", 8), ("RO", 7)])
            p = Person(ctx, rng, cc, src=rng.choice(["uk_UA", "uk_UA", "ru_RU"]))
            p.langs = wchoice(rng, [(["uk-UA", "uk", "en-US", "en"], 40), (["ru-RU", "ru", "uk", "en"], 25),
                                    (["uk", "pl", "en"], 10), (["en-US", "en", "uk"], 25)])
            if rng.random() < 0.3:
                email = people.personal_email(rng, ctx.reg, p.ident, "UA", domain=rng.choice(["ukr.net", "ukr.net", "i.ua", "meta.ua"]))
        elif kind == "ru_israeli":
            cc = "IL"
            p = Person(ctx, rng, cc, src="ru_RU")
            p.langs = wchoice(rng, [(["ru-RU", "ru", "he", "en"], 50), (["ru", "en-US", "en"], 25), (["he-IL", "he", "ru", "en"], 25)])
            if rng.random() < 0.3:
                email = people.personal_email(rng, ctx.reg, p.ident, "RU", domain=rng.choice(["mail.ru", "yandex.ru", "mail.ru"]))
        elif kind == "ru_relocant":
            cc = rng.choice(["TR", "AE", "TR"])
            p = Person(ctx, rng, cc, src="ru_RU")
            p.langs = wchoice(rng, [(["ru-RU", "ru", "en-US", "en"], 60), (["en-US", "en", "ru"], 40)])
            if rng.random() < 0.5:
                email = people.personal_email(rng, ctx.reg, p.ident, "RU", domain=rng.choice(["yandex.ru", "mail.ru", "ya.ru"]))
        elif kind == "gulf_south_asian":
            cc = rng.choice(["AE", "AE", "SA"])
            p = Person(ctx, rng, cc, src=rng.choice(["en_IN", "en_IN", "en_PK", "en_BD"]))
            p.langs = wchoice(rng, [(["en-US", "en"], 50), (["en-IN", "en", "hi"], 25), (["ur-PK", "ur", "en"], 10), (["en-GB", "en"], 15)])
        elif kind == "iranian":
            cc = rng.choice(["DE", "CA", "US", "SE", "GB", "TR", "AE"])
            p = Person(ctx, rng, cc, src="fa")
            p.langs = wchoice(rng, [(["fa-IR", "fa", "en-US", "en"], 40), (["en-US", "en", "fa"], 40), (["de-DE", "de", "fa", "en"], 20)])
        else:
            cc = rng.choice(["GB", "GB", "US", "CA"])
            p = Person(ctx, rng, cc, src=rng.choice(["en_NG", "yo_NG", "ig_NG", "en_KE"]))
        p.campaign = "diaspora_expat"
        ms = sample_ms(rng, p.tz, cc, rng.choice(["consumer", "mobile", "dev"]))
        dc = "mobile" if rng.random() < 0.5 else "desktop"
        client = p.device(ctx, rng, ms, "main", dc)
        if kind == "ua_refugee" and dc == "desktop" and rng.random() < 0.15:
            client.tz_override = "Europe/Kyiv"           # laptop clock never changed
        if kind == "gulf_south_asian" and dc == "desktop" and rng.random() < 0.1:
            client.tz_override = "Asia/Kolkata"
        r = rng.random()
        if kind == "ua_refugee" and dc == "mobile" and r < 0.12:
            acc = MobileAccess(w, rng, "UA", geo.CITY_BY_KEY["UA/Kyiv"])      # Ukrainian SIM, roaming
        elif kind == "ru_relocant" and dc == "mobile" and r < 0.1:
            acc = MobileAccess(w, rng, "RU", geo.CITY_BY_KEY["RU/Moscow"])    # Russian SIM, roaming
        elif dc == "mobile":
            acc = MobileAccess(w, rng, cc, p.city)
        else:
            acc = HomeAccess(w, rng, cc, p.city)
        p.pm = rng.random() < 0.25
        finish_identity(ctx, rng, p, email or pick_email(ctx, rng, p, dc == "mobile"))
        out += emit_signup(ctx, rng, ms, p, client, acc)
        out += followups(ctx, rng, p, ms, [(client, acc, 100)], p_return=0.45)
    return out


def seg_casual(ctx, n):
    rng = rng_for("seg", "casual_tryout")
    w = ctx.world
    out = []
    for _ in range(n):
        cc = wchoice(rng, CC_DEFAULT)
        p = Person(ctx, rng, cc)
        p.campaign = "casual_tryout"
        ms = sample_ms(rng, p.tz, cc, "consumer")
        dc = "desktop" if rng.random() < 0.6 else "mobile"
        client = p.device(ctx, rng, ms, "main", dc)
        acc = HomeAccess(w, rng, cc, p.city) if dc == "desktop" else MobileAccess(w, rng, cc, p.city)
        if rng.random() < 0.7:
            email = people.disposable_email(rng, ctx.reg, p.ident)
        else:
            email = ctx.reg.email(rng, "%s.%s%d" % (people._slug(p.ident.first), rng.choice(["test", "try", "spam", "junk"]), rng.randrange(1, 99)), "gmail.com")
        finish_identity(ctx, rng, p, email)
        p.pm = rng.random() < 0.2
        form = web_form(int(human_fill(rng, client.mobile, p.pm) * 0.7))
        out += emit_signup(ctx, rng, ms, p, client, acc, form=form)
        out += followups(ctx, rng, p, ms, [(client, acc, 100)], p_return=0.15)
    return out


# ================================================================== returning
def returning_users(ctx, n):
    """accounts created before the window: they only log in"""
    rng = rng_for("seg", "returning_users")
    w = ctx.world
    out = []
    for _ in range(n):
        cc = wchoice(rng, CC_DEFAULT)
        p = Person(ctx, rng, cc)
        p.campaign = "returning_users"
        p.account = ctx.new_account(rng)
        p.pm = rng.random() < 0.35
        wd = company_domain(rng, cc) if rng.random() < 0.12 else None
        finish_identity(ctx, rng, p, pick_email(ctx, rng, p, work_domain=wd, alias_p=0.03, proton_p=0.03))
        dc = wchoice(rng, [("desktop", 65), ("mobile", 35)])
        main = p.device(ctx, rng, START_MS, "main", dc, outdated_p=0.05)
        home = HomeAccess(w, rng, cc, p.city) if w.has_market(cc, "fixed") else MobileAccess(w, rng, cc, p.city)
        ctxs = [(main, home, 60)]
        if rng.random() < 0.5:
            ph = p.device(ctx, rng, START_MS, "phone", "mobile")
            ctxs.append((ph, MobileAccess(w, rng, cc, p.city), 20))
        r = rng.random()
        if r < 0.15:
            cli = forge_cli(rng)
            cli.cid = ctx.next_id()
            asn = wchoice(rng, HOST_DEV)
            ctxs.append((cli, VMAccess(w, rng, asn, nearest_dc(w, asn, p.city, rng)), 35))
        elif r < 0.25:
            ctxs.append((main, vpn_access(w, rng), 25))
        elif r < 0.32 and w.has_market(cc, "biz"):
            asn = w.pick_isp(rng, cc, "biz")
            ctxs.append((main, PoolAccess("biz", asn, [w.sub(rng, asn, "biz", 4, p.city).rand_v4(rng)]), 40))
        p.ctxs = ctxs
        ctx.returning.append(p)
        rate = wchoice(rng, [(0.015, 55), (0.12, 30), (0.45, 12), (1.2, 3)])     # sessions per day
        prof = "dev" if rng.random() < 0.6 else "consumer"
        k = 0
        t = START_MS
        # a Poisson stream of sessions shaped by the local rhythm
        nsess = 0
        lam = rate * 16
        # draw the count, then the times
        L = math.exp(-lam)
        kk, prod = 0, rng.random()
        while prod > L and kk < 60:
            kk += 1
            prod *= rng.random()
        nsess = kk
        times = sorted(sample_ms(rng, p.tz, cc, prof) for _ in range(nsess))
        if rng.random() < 0.05:          # the keynote brings dormant users back
            times.append(KEYNOTE_MS + keynote_delay_ms(rng))
        for t in sorted(times):
            client, acc = wchoice(rng, [((c, a), wt) for c, a, wt in ctxs])
            out += emit_login(ctx, rng, t, p, client, acc)
    return out


SEGMENTS = [
    ("home_broadband", seg_home_broadband, 9500),
    ("mobile_carrier", seg_mobile_carrier, 7000),
    ("university", seg_university, 2800),
    ("corporate", seg_corporate, 2600),
    ("dev_cli_cloud", seg_dev_cli_cloud, 1700),
    ("privacy_conscious", seg_privacy, 1900),
    ("keynote_wave", seg_keynote, 2400),
    ("travel_roaming", seg_travel, 700),
    ("shared_household", seg_household, 800),
    ("diaspora_expat", seg_diaspora, 600),
    ("casual_tryout", seg_casual, 250),
]


def generate(ctx):
    out = []
    for name, fn, n in SEGMENTS:
        out += fn(ctx, n)
    out += returning_users(ctx, 14000)
    return out
