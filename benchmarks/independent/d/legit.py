"""Legitimate populations."""
from geodata import CITIES, DISPOSABLE_KNOWN, DISPOSABLE_FRESH, ALIAS_SERVICES, UNSUPPORTED
from util import wpick, hhex, h64, WeightedChoice
from sim import (Ctx, DUR, LAUNCH, sample_local, shift_to_waking, local_hour, HOURLY, tz_offset)
from devices import browser_device, cli_device, fill_human

REFS = [(62, None), (9, "?next=%2Fsettings%2Fkeys"), (7, "?ref=docs"), (5, "?utm_source=google&utm_medium=cpc&utm_campaign=brand"),
        (4, "?utm_source=newsletter&utm_medium=email"), (4, "?ref=github"), (3, "?utm_source=twitter"), (2, "?ref=pricing"),
        (2, "?next=%2Fplayground"), (2, "?utm_source=youtube")]
LAUNCH_REFS = [(25, "?ref=launch"), (20, "?utm_source=hn"), (15, "?utm_source=x.com&utm_medium=social"), (10, "?ref=producthunt"),
               (10, None), (10, "?utm_source=reddit"), (10, "?ref=blog")]
BUSINESS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 1.2, 3.5, 6, 7, 7, 5, 6.5, 7, 6.5, 5.5, 3.5, 1.8, 1.2, 1, 0.8, 0.6, 0.4]
STUDENT = [3.2, 2.2, 1.3, 0.6, 0.3, 0.3, 0.5, 1.0, 2.0, 3.2, 4.0, 4.3, 4.2, 4.5, 4.8, 4.8, 4.6, 4.2, 3.8, 3.9, 4.4, 4.7, 4.5, 3.9]


def ref(rng, pool=REFS):
    return wpick(rng, pool)


def _quirks(rng, dev):
    if dev.kind == "browser":
        if rng.random() < 0.012:
            dev.drop_headers.add("accept-language")
        if rng.random() < 0.03:
            dev.drop_headers.add("referer")
        if dev.family == "firefox" and rng.random() < 0.2:
            dev.extra_headers["sec-gpc"] = "1"
        if rng.random() < 0.04:
            dev.extra_headers["dnt"] = "1"
    return dev


def business_time(rng, tz, weekdays=True, day=None):
    for _ in range(50):
        t = sample_local(rng, tz, hourly=BUSINESS, day=day)
        if not weekdays or ((t + tz_offset(tz)) // 86400) % 7 < 5:
            return t
    return t


def basic_user(sim, rng, camp, n, mobile_share=0.2, iso=None):
    for _ in range(n):
        p = sim.persona(rng, "legit", camp, iso=iso)
        home = sim.net_home(p, rng)
        if rng.random() < mobile_share:
            dev = _quirks(rng, sim.phone(rng, p))
        else:
            dev = _quirks(rng, sim.desktop(rng, p))
        ctx = Ctx(home, dev, "home", referer=ref(rng))
        ctxs = [(8, ctx)]
        if rng.random() < 0.35:
            ctxs.append((2, Ctx(sim.net_mobile(p, rng), _quirks(rng, sim.phone(rng, p)), "phone")))
        if rng.random() < 0.2:
            ctxs.append((2, Ctx(home, _quirks(rng, sim.desktop(rng, p)), "laptop2")))
        p.ctxs = ctxs
        p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.03, caps_rate=0.04 if dev.mobile else 0.003)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        t = sample_local(rng, p.tz)
        sim.signup(p, ctx, t, rng)
        sim.legit_logins(p, rng)


def mobile_users(sim, rng, n):
    for _ in range(n):
        p = sim.persona(rng, "legit", "legit:mobile_carrier")
        net = sim.net_mobile(p, rng)
        dev = _quirks(rng, sim.phone(rng, p))
        ctx = Ctx(net, dev, "phone", referer=ref(rng))
        ctxs = [(6, ctx)]
        if rng.random() < 0.5:
            ctxs.append((4, Ctx(sim.net_home(p, rng), _quirks(rng, sim.desktop(rng, p)), "home")))
        if rng.random() < 0.4:
            ctxs.append((3, Ctx(sim.net_home(p, rng), dev, "home-wifi")))
        p.ctxs = ctxs
        p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.015, caps_rate=0.05)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        sim.signup(p, ctx, sample_local(rng, p.tz), rng)
        sim.legit_logins(p, rng)


def launch_spike(sim, rng, n):
    cw = WeightedChoice(["US", "IN", "GB", "CA", "DE", "FR", "BR", "NL", "ES", "IL", "PL", "SE", "AU", "JP", "KR", "SG", "MX", "NG", "TR", "IT"],
                        [34, 9, 8, 5, 5, 3, 3, 2, 2, 2, 1.5, 1.2, 2, 2, 1.5, 1.2, 1.5, 1.2, 1.2, 1.5])
    for _ in range(n):
        iso = cw.pick(rng)
        p = sim.persona(rng, "legit", "legit:launch_spike", iso=iso)
        r = rng.random()
        if r < 0.62:
            net, dev, name = sim.net_home(p, rng), sim.desktop(rng, p), "home"
        elif r < 0.92:
            net, dev, name = sim.net_mobile(p, rng), sim.phone(rng, p), "phone"
        else:
            net, dev, name = sim.net_home(p, rng), sim.phone(rng, p), "home-wifi"
        _quirks(rng, dev)
        ctx = Ctx(net, dev, name, referer=ref(rng, LAUNCH_REFS))
        p.ctxs = [(8, ctx)]
        if rng.random() < 0.3:
            p.ctxs.append((2, Ctx(sim.net_home(p, rng), _quirks(rng, sim.desktop(rng, p)), "home2")))
        p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.03, caps_rate=0.04 if dev.mobile else 0.003)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        if rng.random() < 0.7:
            t = LAUNCH + rng.expovariate(1 / (7 * 3600))
        else:
            t = LAUNCH + rng.expovariate(1 / (36 * 3600))
        t = shift_to_waking(rng, t, p.tz, strength=0.6)
        if t >= DUR:
            t = LAUNCH + rng.uniform(0, 3 * 3600)
        sim.signup(p, ctx, t, rng)
        sim.legit_logins(p, rng, first_fast=0.35)


def _company_domain(sim, rng, iso):
    loc = rng.choice({"DE": ["de_DE"], "FR": ["fr_FR"], "JP": ["en_US"], "IN": ["en_IN"], "GB": ["en_GB"], "BR": ["pt_BR"]}.get(iso, ["en_US"]))
    f = sim.ids.faker(loc)
    r = rng.random()
    if r < 0.4:
        base = f.last_name() + rng.choice(["", "", "group", "labs", "tech", "consulting", "partners"])
    elif r < 0.75:
        base = rng.choice(["vector", "prompt", "token", "neural", "infer", "tensor", "cortex", "synth", "graph", "lattice", "embed",
                           "quill", "signal", "orbit", "pixel", "north", "bright", "clear", "deep", "open", "blue", "data", "cloud"]) + \
               rng.choice(["ly", "labs", "ai", "hq", "works", "stack", "flow", "loop", "forge", "mind", "wise", "base", "ops", "bit"])
    else:
        base = f.domain_word()
    from util import translit
    base = translit(base)[:20] or "acme"
    tld = wpick(rng, [(45, ".com"), (12, ".io"), (10, ".ai"), (5, ".dev"), (4, ".co"), (24, {"DE": ".de", "GB": ".co.uk", "FR": ".fr", "IN": ".in", "JP": ".co.jp",
                                                                                           "BR": ".com.br", "NL": ".nl", "ES": ".es", "IT": ".it", "CA": ".ca", "AU": ".com.au", "PL": ".pl", "SE": ".se"}.get(iso, ".com"))])
    return base + tld


def pick_swg_pop(sim, rng, city):
    w = sim.world
    swg = w.swgs["zentry"] if rng.random() < 0.7 else w.swgs["cloudgate"]
    same = [b.city for b in swg.blocks if b.country == city["country"]]
    if same:
        c = min(same, key=lambda c: (c["lat"] - city["lat"]) ** 2 + (c["lon"] - city["lon"]) ** 2)
    else:
        allc = [b.city for b in swg.blocks]
        c = min(allc, key=lambda c: (c["lat"] - city["lat"]) ** 2 + (c["lon"] - city["lon"]) ** 2)
    return swg, c


def corp_network(sim, rng, p, kind=None, corp=None, site=None):
    """Returns (net, domain)."""
    w = sim.world
    kind = kind or wpick(rng, [(42, "own"), (50, "sme"), (8, "swg")])
    if kind in ("own", "swg") and corp is None:
        corp = rng.choice(w.corps)
    if corp is not None:
        site = site or rng.choice(corp["sites"])
        iso, city = site
        p.iso, p.city, p.tz = iso, city, city["tz"]
        if corp["swg"] or kind == "swg":
            swg, pop = pick_swg_pop(sim, rng, city)
            net = sim.net_static(swg, pop, [("swg", swg.number, pop["name"], i) for i in range(48)], "swg", v6_rate=0.25)
        else:
            net = sim.net_static(corp["asn"], city, [("corp", corp["name"], city["name"], i) for i in range(corp["egress"])], "corp",
                                 v6_rate=0.45 if corp["asn"].v6 else 0.0)
        return net, corp["domain"]
    isp = sim.isp_pick[p.iso].pick(rng)
    dom = _company_domain(sim, rng, p.iso)
    net = sim.net_static(isp, p.city, [("sme", dom, i) for i in range(rng.choice([1, 1, 2, 4]))], "fixed",
                         v6_rate=0.5 if (isp.v6 and isp.attrs.get("v6") and rng.random() < 0.5) else 0.0)
    return net, dom


def corporate(sim, rng, n):
    cw = WeightedChoice(["US", "GB", "DE", "IN", "FR", "JP", "CA", "NL", "SG", "IL", "SE", "CH", "AU", "ES", "BR", "PL", "IE", "KR"],
                        [30, 8, 7, 9, 4, 4, 4, 3, 2, 2, 1.5, 1.5, 2, 2, 2, 1.5, 1.2, 1.5])
    for _ in range(n):
        p = sim.persona(rng, "legit", "legit:corporate", iso=cw.pick(rng))
        net, dom = corp_network(sim, rng, p)
        dev = _quirks(rng, sim.desktop(rng, p, cls=wpick(rng, [(40, "win_chrome"), (25, "win_edge"), (28, "mac_chrome"), (5, "mac_safari"), (2, "linux_chrome")])))
        ctx = Ctx(net, dev, "office", referer=ref(rng))
        p.ctxs = [(7, ctx)]
        if rng.random() < 0.4:
            p.ctxs.append((3, Ctx(sim.net_home(p, rng), dev, "wfh")))
        if rng.random() < 0.25:
            p.ctxs.append((1, Ctx(sim.net_mobile(p, rng), sim.phone(rng, p), "phone")))
        if rng.random() < 0.62:
            p.email = sim.ids.work_email(rng, p.first, p.last, dom)
        else:
            p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.04)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        sim.signup(p, ctx, business_time(rng, p.tz), rng)
        sim.legit_logins(p, rng, p_none=0.4)


def team_onboarding(sim, rng, n_target):
    made = 0
    cw = WeightedChoice(["US", "GB", "DE", "IN", "FR", "CA", "NL", "IL", "SG", "JP", "BR", "PL", "SE", "ES", "AU"],
                        [35, 9, 8, 10, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2])
    while made < n_target:
        iso = cw.pick(rng)
        size = max(3, min(45, int(rng.lognormvariate(2.15, 0.6))))
        lead = sim.persona(rng, "legit", "legit:team_onboarding", iso=iso)
        kind = wpick(rng, [(30, "own"), (60, "sme"), (10, "swg")])
        corp = rng.choice(sim.world.corps) if kind != "sme" else None
        net, dom = corp_network(sim, rng, lead, kind=kind, corp=corp)
        tz, city, iso = lead.tz, lead.city, lead.iso
        fleet_cls = wpick(rng, [(45, "mac_chrome"), (35, "win_chrome"), (15, "win_edge"), (5, "linux_chrome")])
        fleet_rec = sim.ua.pick(rng, fleet_cls)
        fleet_langs = lead.langs
        fleet_seed = rng.random()
        import random as _r
        fr = _r.Random(fleet_seed)
        fleet_dev = browser_device(fr, sim.ua, fleet_cls, tz, fleet_langs, ua_rec=fleet_rec, iso=iso)
        style = wpick(rng, [(60, "{f}.{l}"), (25, "{fi}{l}"), (10, "{f}"), (5, "{f}_{l}")])
        t0 = business_time(rng, tz)
        invites = rng.random() < 0.6
        for k in range(size):
            p = lead if k == 0 else sim.persona(rng, "legit", "legit:team_onboarding", iso=iso, city=city)
            p.tz = tz
            if rng.random() < 0.8:
                dev = browser_device(_r.Random(fleet_seed), sim.ua, fleet_cls, tz, p.langs if rng.random() < 0.2 else fleet_langs, ua_rec=fleet_rec, iso=iso)
            else:
                dev = sim.desktop(rng, p) if rng.random() < 0.8 else sim.phone(rng, p)
            q = ("?invite=" + hhex(22, "inv", dom, k)) if (invites and k > 0) else ref(rng)
            ctx = Ctx(net, dev, "office", referer=q)
            p.ctxs = [(7, ctx), (3, Ctx(sim.net_home(p, rng), dev, "wfh"))]
            p.email = sim.ids.work_email(rng, p.first, p.last, dom, style=style) if rng.random() < 0.93 else \
                sim.ids.consumer_email(rng, iso, p.first, p.last)
            p.username = sim.ids.username(rng, p.first, p.last, p.email)
            if k == 0:
                t = t0
            else:
                r = rng.random()
                t = t0 + (rng.expovariate(1 / 1500) if r < 0.7 else rng.uniform(1, 8) * 3600 if r < 0.95 else rng.uniform(1, 4) * 86400)
                t = shift_to_waking(rng, t, tz, 1.5) if r >= 0.95 else t
            sim.signup(p, ctx, t, rng)
            sim.legit_logins(p, rng, p_none=0.35)
            made += 1


def university(sim, rng, n):
    unis = sim.world.unis
    uw = WeightedChoice(unis, [sim_country_w(u["country"]) for u in unis])
    for _ in range(n):
        u = uw.pick(rng)
        p = sim.persona(rng, "legit", "legit:university", iso=u["country"], city=u["city"])
        a = u["asn"]
        if u["public_hosts"] and rng.random() < 0.6:
            keys = [("uni-host", p.uid)]
        else:
            keys = [("uni-nat", u["name"], i) for i in range(u["nat_pool"])]
        net = sim.net_static(a, u["city"], keys, "edu", v6_rate=0.6 if u["v6"] else 0.0)
        dev = _quirks(rng, sim.desktop(rng, p) if rng.random() < 0.7 else sim.phone(rng, p))
        ctx = Ctx(net, dev, "campus", referer=ref(rng))
        p.ctxs = [(6, ctx), (3, Ctx(sim.net_home(p, rng), dev, "home"))]
        if rng.random() < 0.4:
            p.ctxs.append((2, Ctx(sim.net_mobile(p, rng), sim.phone(rng, p), "phone")))
        if rng.random() < 0.55:
            p.email = sim.ids.edu_email(rng, p.first, p.last, u)
        else:
            p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.03)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        sim.signup(p, ctx, sample_local(rng, p.tz, hourly=STUDENT), rng)
        sim.legit_logins(p, rng)


def sim_country_w(iso):
    from sim import COUNTRY_WEIGHTS
    return COUNTRY_WEIGHTS.get(iso, 0.3)


def workshops(sim, rng, n_events):
    import random as _r
    w = sim.world
    for e in range(n_events):
        kind = wpick(rng, [(40, "lab"), (35, "venue"), (25, "bootcamp")])
        if kind == "lab":
            u = rng.choice(w.unis)
            iso, city = u["country"], u["city"]
            net_asn, use, keys = u["asn"], "edu", [("lab", u["name"], e, i) for i in range(rng.choice([1, 1, 2]))]
        else:
            iso = wpick(rng, [(30, "US"), (8, "GB"), (8, "DE"), (10, "IN"), (4, "FR"), (4, "NG"), (4, "KE"), (4, "BR"), (3, "PL"),
                              (3, "ES"), (3, "JP"), (3, "SG"), (3, "CA"), (3, "NL"), (3, "PK"), (3, "ID"), (2, "MX")])
            city = sim.pick_city(rng, iso)
            net_asn, use = sim.isp_pick[iso].pick(rng), "fixed"
            keys = [("venue", e, i) for i in range(rng.choice([1, 2, 3]))]
        net = sim.net_static(net_asn, city, keys, use, v6_rate=0.4 if (net_asn.v6 and rng.random() < 0.6) else 0.0)
        size = rng.randint(20, 90)
        weekend = kind == "venue" and rng.random() < 0.5
        for _ in range(50):
            day = rng.randrange(0, 14)
            if (day % 7 >= 5) == weekend:
                break
        go = day * 86400 + rng.uniform(9.5, 15.5) * 3600 - tz_offset(city["tz"])
        lab_cls = wpick(rng, [(60, "win_chrome"), (25, "win_edge"), (15, "linux_chrome")])
        lab_rec = sim.ua.pick(rng, lab_cls)
        lab_seed = rng.random()
        langs0 = sim.pick_langs(rng, iso)
        tag = rng.random() < 0.25
        for k in range(size):
            p = sim.persona(rng, "legit", "legit:workshop_event", iso=iso, city=city)
            if kind == "lab" and rng.random() < 0.85:
                dev = browser_device(_r.Random(lab_seed), sim.ua, lab_cls, city["tz"], langs0, ua_rec=lab_rec, iso=iso)
            else:
                dev = _quirks(rng, sim.desktop(rng, p) if rng.random() < 0.7 else sim.phone(rng, p))
            ctx = Ctx(net, dev, "event", referer=wpick(rng, [(70, None), (30, "?ref=workshop")]))
            p.ctxs = [(3, ctx), (7, Ctx(sim.net_home(p, rng), sim.desktop(rng, p), "home"))]
            if kind == "lab" and rng.random() < 0.6:
                p.email = sim.ids.edu_email(rng, p.first, p.last, u)
            else:
                p.email = sim.ids.consumer_email(rng, iso, p.first, p.last, plus_rate=0.25 if tag else 0.03)
            p.username = sim.ids.username(rng, p.first, p.last, p.email)
            t = go + (rng.expovariate(1 / 420) if rng.random() < 0.75 else rng.uniform(0, 7200))
            sim.signup(p, ctx, t, rng, fill=int(max(5000, rng.lognormvariate(0, 0.45) * 30000)) if rng.random() > 0.1 else None)
            # logins during the event (same room), then from home
            if rng.random() < 0.45:
                sim.login(p, ctx, t + rng.uniform(300, 4000), rng)
            sim.legit_logins(p, rng, ctxs=[(1, p.ctxs[1][1])], p_none=0.5)


def privacy(sim, rng, n):
    w = sim.world
    for _ in range(n):
        r = rng.random()
        if r < 0.4:
            camp_kind = "relay"
            p = sim.persona(rng, "legit", "legit:privacy_vpn_relay", iso=wpick(rng, [(40, "US"), (8, "GB"), (6, "CA"), (6, "DE"), (5, "FR"), (5, "JP"), (5, "AU"), (4, "NL"), (3, "CH"), (3, "SE"), (3, "ES"), (3, "IT"), (3, "KR"), (3, "BR"), (3, "SG"), (3, "IN"), (3, "MX")]))
            relay = w.relays["aurelia"] if rng.random() < 0.55 else w.relays["flarewall"]
            cands = [b.city for b in relay.blocks if b.country == p.iso]
            rc = min(cands, key=lambda c: (c["lat"] - p.city["lat"]) ** 2 + (c["lon"] - p.city["lon"]) ** 2)
            net = sim.net_static(relay, rc, [("relay", relay.number, rc["name"], i) for i in range(400)], "relay", v6_rate=0.45)
            cls = "iphone_safari" if rng.random() < 0.6 else "mac_safari"
            dev = _quirks(rng, sim.desktop(rng, p, cls=cls) if cls == "mac_safari" else sim.phone(rng, p, cls=cls))
            hide = rng.random() < 0.35
        elif r < 0.88:
            camp_kind = "vpn"
            p = sim.persona(rng, "legit", "legit:privacy_vpn_relay")
            tgt = p.iso if rng.random() < 0.65 else wpick(rng, [(50, "US"), (10, "GB"), (10, "NL"), (10, "DE"), (10, "CH"), (10, "SE")])
            net = sim.net_vpn(rng, iso_pref=tgt, sticky=rng.random() < 0.6)
            dev = _quirks(rng, sim.desktop(rng, p, cls=wpick(rng, [(30, "win_chrome"), (20, "mac_chrome"), (15, "win_firefox"), (10, "mac_firefox"), (10, "linux_firefox"), (8, "mac_safari"), (7, "linux_chrome")]))
                          if rng.random() < 0.8 else sim.phone(rng, p))
            hide = False
        else:
            camp_kind = "warp"
            p = sim.persona(rng, "legit", "legit:privacy_vpn_relay", iso=wpick(rng, [(30, "US"), (10, "IN"), (10, "BR"), (10, "DE"), (10, "GB"), (10, "MX"), (10, "TR"), (10, "ID")]))
            relay = w.relays["flarewall"]
            cands = [b.city for b in relay.blocks if b.country == p.iso] or [b.city for b in relay.blocks if b.country == "US"]
            rc = rng.choice(cands)
            net = sim.net_static(relay, rc, [("warp", rc["name"], i) for i in range(120)], "relay", v6_rate=0.3)
            dev = _quirks(rng, sim.desktop(rng, p) if rng.random() < 0.6 else sim.phone(rng, p))
            hide = False
        ctx = Ctx(net, dev, camp_kind, referer=ref(rng))
        p.ctxs = [(8, ctx)]
        if rng.random() < 0.3:
            p.ctxs.append((2, Ctx(sim.net_home(p, rng), dev, "home-novpn")))
        if hide:
            p.email = "%s%s@%s" % (hhex(10, "hme", p.uid, rng.random()), "", "privaterelay.appleid.com") if rng.random() < 0.3 else \
                sim.ids.consumer_email(rng, p.iso, p.first, p.last, domain="icloud.com")
            sim.ids.claim_email(p.email)
        elif rng.random() < 0.12:
            dom = rng.choice(ALIAS_SERVICES[:6])
            p.email = "%s.%s%d@%s" % (rng.choice(["quiet", "brisk", "amber", "lunar", "mossy", "swift", "cobalt"]), rng.choice(["otter", "finch", "maple", "delta", "comet", "harbor"]), rng.randint(10, 999), dom)
            sim.ids.claim_email(p.email)
        else:
            p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, domain=("proton.me" if rng.random() < 0.2 else None), plus_rate=0.05)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        sim.signup(p, ctx, sample_local(rng, p.tz), rng)
        sim.legit_logins(p, rng)


def travelers(sim, rng, n):
    dests = [(20, "US"), (10, "GB"), (7, "DE"), (7, "FR"), (6, "ES"), (5, "IT"), (6, "JP"), (5, "SG"), (5, "AE"), (4, "TH"), (4, "NL"),
             (3, "PT"), (3, "MX"), (3, "CA"), (3, "AU"), (2, "TR"), (2, "ID"), (2, "KR"), (2, "CH"), (2, "IN"), (2, "GR"), (2, "IE")]
    for _ in range(n):
        p = sim.persona(rng, "legit", "legit:traveler")
        for _k in range(10):
            diso = wpick(rng, dests)
            if diso != p.iso:
                break
        dcity = sim.pick_city(rng, diso)
        r = rng.random()
        if r < 0.45:   # hotel / cafe / airport wifi
            isp = sim.isp_pick[diso].pick(rng)
            net = sim.net_static(isp, dcity, [("hotel", isp.number, dcity["name"], rng.randrange(40), i) for i in range(2)], "fixed")
            laptop = rng.random() < 0.65
            tz = (p.tz if rng.random() < 0.5 else dcity["tz"]) if laptop else dcity["tz"]
            dev = sim.desktop(rng, p, tz=tz) if laptop else sim.phone(rng, p, tz=tz)
        elif r < 0.7:  # local SIM / eSIM
            mob = sim.mob_pick[diso].pick(rng)
            net = sim.net_mobile(p, rng, asn=mob, city=dcity)
            dev = sim.phone(rng, p, tz=dcity["tz"])
        elif r < 0.9:  # roaming: home-routed, IP in the home country, phone clock local
            net = sim.net_mobile(p, rng)
            dev = sim.phone(rng, p, tz=dcity["tz"])
        else:          # conference venue
            isp = sim.isp_pick[diso].pick(rng)
            net = sim.net_static(isp, dcity, [("conf", dcity["name"], i) for i in range(2)], "fixed")
            dev = sim.desktop(rng, p, tz=p.tz if rng.random() < 0.4 else dcity["tz"])
        _quirks(rng, dev)
        ctx = Ctx(net, dev, "travel", referer=ref(rng))
        home_ctx = Ctx(sim.net_home(p, rng), sim.desktop(rng, p), "home")
        p.ctxs = [(6, ctx), (4, home_ctx)]
        p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.02)
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        t = sample_local(rng, dcity["tz"])
        sim.signup(p, ctx, t, rng)
        p.tz = dcity["tz"]
        sim.legit_logins(p, rng)


CLOUD_HOSTS = [(25, "axiom"), (15, "nimbus"), (14, "meridian"), (12, "tidepool"), (8, "hertzwerk"), (6, "ovaris"), (5, "kilnode"),
               (5, "vultrix"), (4, "oraculum"), (3, "kontabyte"), (2, "hanami"), (1, "bharatdc")]


def near_dc(sim, rng, asn, city):
    cands = [b.city for b in asn.blocks if b.use == "dc" and b.city is not None]
    cands = sorted(set((c["country"], c["name"]) for c in cands))
    cands = [sim.world.city_by_name[k] for k in cands]
    same = [c for c in cands if c["country"] == city["country"]]
    pool = same or cands
    if rng.random() < 0.25:
        return rng.choice(cands)
    return min(pool, key=lambda c: (c["lat"] - city["lat"]) ** 2 + (c["lon"] - city["lon"]) ** 2)


def developers(sim, rng, n):
    w = sim.world
    for _ in range(n):
        p = sim.persona(rng, "legit", "legit:developer_cloud_cli")
        r = rng.random()
        if r < 0.35:
            net = sim.net_home(p, rng)
            dev = cli_device(rng, wpick(rng, [(45, "lumora-cli"), (25, "lumora-python"), (15, "curl"), (8, "httpx"), (7, "node")]))
            ctx = Ctx(net, dev, "cli-home", form="api")
        elif r < 0.6:
            host = w.hosting[wpick(rng, CLOUD_HOSTS)]
            net = sim.net_cloud(host, near_dc(sim, rng, host, p.city), ("vm", p.uid))
            dev = cli_device(rng, wpick(rng, [(30, "lumora-cli"), (25, "lumora-python"), (20, "curl"), (10, "python-requests"), (8, "go"), (7, "axios")]))
            ctx = Ctx(net, dev, "cli-cloud", form="api")
        elif r < 0.85:
            host = w.hosting[wpick(rng, CLOUD_HOSTS)]
            net = sim.net_cloud(host, near_dc(sim, rng, host, p.city), ("vdi", p.uid))
            tz = "UTC" if rng.random() < 0.5 else p.tz
            dev = browser_device(rng, sim.ua, "linux_chrome" if rng.random() < 0.8 else "linux_firefox", tz, p.langs if rng.random() < 0.6 else ["en-US", "en"],
                                 vm=True, hw=rng.choice([2, 4, 4, 8, 16]), iso=p.iso)
            ctx = Ctx(net, dev, "cloud-desktop", referer=ref(rng))
        else:
            net = sim.net_home(p, rng)
            dev = cli_device(rng, wpick(rng, [(70, "postman"), (30, "insomnia")]))
            ctx = Ctx(net, dev, "api-client", form="api")
        p.ctxs = [(4, ctx), (6, Ctx(sim.net_home(p, rng), _quirks(rng, sim.desktop(rng, p)), "home-browser"))]
        e = rng.random()
        if e < 0.2:
            p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, domain=rng.choice(["proton.me", "fastmail.com", "hey.com", "pm.me"]))
        elif e < 0.35:
            p.email = sim.ids.work_email(rng, p.first, p.last, _company_domain(sim, rng, p.iso))
        else:
            p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, plus_rate=0.06)
        p.username = sim.ids.username(rng, p.first, p.last, p.email) if rng.random() < 0.5 else sim.ids.username(rng, p.first, p.last)
        sim.signup(p, ctx, sample_local(rng, p.tz), rng)
        sim.legit_logins(p, rng, p_none=0.3, first_fast=0.4)


def second_accounts(sim, rng, n):
    pool = [p for p in sim.accounts if p.label == "legit" and p.campaign in ("legit:home_broadband", "legit:corporate", "legit:university", "legit:developer_cloud_cli")]
    pool.sort(key=lambda p: p.account)
    chosen = rng.sample(pool, min(n, len(pool)))
    from sim import Persona
    for p0 in chosen:
        p = Persona(sim.new_uid(), p0.iso, p0.city, p0.tz, p0.langs, p0.first, p0.last, "legit", "legit:second_account")
        p.autofill = p0.autofill
        p.ctxs = p0.ctxs
        ctx = p0.ctxs[0][1]
        if ctx.form == "api":
            ctx = p0.ctxs[-1][1]
        if "@gmail.com" in p0.email or rng.random() < 0.5:
            p.email = sim.ids.work_email(rng, p.first, p.last, _company_domain(sim, rng, p.iso)) if rng.random() < 0.6 else \
                sim.ids.consumer_email(rng, p.iso, p.first, p.last)
        else:
            p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, domain="gmail.com")
        p.username = sim.ids.username(rng, p.first, p.last, p.email)
        t = p0.t_signup + (rng.uniform(600, 3 * 3600) if rng.random() < 0.3 else rng.uniform(0.5, 6) * 86400)
        t = shift_to_waking(rng, t, p.tz)
        if t >= DUR:
            continue
        sim.signup(p, ctx, t, rng)
        sim.legit_logins(p, rng, ctxs=[(1, ctx)], p_none=0.5)


def disposable_users(sim, rng, n):
    for _ in range(n):
        p = sim.persona(rng, "legit", "legit:disposable_email")
        net = sim.net_home(p, rng) if rng.random() < 0.8 else sim.net_vpn(rng, iso_pref=p.iso)
        dev = _quirks(rng, sim.desktop(rng, p) if rng.random() < 0.85 else sim.phone(rng, p))
        ctx = Ctx(net, dev, "home", referer=ref(rng))
        p.ctxs = [(1, ctx)]
        dom = rng.choice(DISPOSABLE_KNOWN) if rng.random() < 0.85 else rng.choice(DISPOSABLE_FRESH)
        local = sim.ids.local_part(rng, p.first, p.last) if rng.random() < 0.5 else hhex(rng.randint(8, 12), "disp", p.uid)
        p.email = local + "@" + dom
        if not sim.ids.claim_email(p.email):
            p.email = local + str(rng.randint(1, 99)) + "@" + dom
            sim.ids.claim_email(p.email)
        p.username = sim.ids.username(rng, p.first, p.last)
        sim.signup(p, ctx, sample_local(rng, p.tz), rng)
        sim.legit_logins(p, rng, p_none=0.7, mean_extra=0.3)


TOR_UA = "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0"


def tor_browser(rng, blocked=None):
    from devices import Device
    d = Device()
    d.ua = TOR_UA
    d.family = "firefox"
    d.cls = "tor"
    d.langs = ["en-US", "en"]
    d.lang_header = "en-US,en;q=0.5"
    w = rng.choice([1000, 1200, 1400, 1600])
    h = rng.choice([800, 900, 900, 1000])
    d.attrs = {"timezone": "UTC", "languages": ["en-US", "en"], "screen": "%dx%dx24" % (w, h), "platform": "Win32",
               "hardware_concurrency": 2, "device_memory": None, "touch_points": 0, "webdriver": False, "webgl_renderer": None}
    d.canvas = "tor-rfp"
    d.blocked = (rng.random() < 0.45) if blocked is None else blocked
    return d


def tor_exit_net(sim, rng):
    w = sim.world
    exits = []
    for a in w.tor:
        for i in range(8):
            exits.append((a, a.blocks[0].city, ("tor", a.number, i), "tor"))
    for k in ("hertzwerk", "ovaris", "ironside", "arcticnode"):
        a = w.hosting[k]
        for i in range(5):
            b = a.blocks[i % len(a.blocks)]
            exits.append((a, b.city, ("tor", k, i), "dc"))
    ips = [w.ip_static(a, c, key, use=u) for a, c, key, u in exits]

    def f(t, r):
        return r.choice(ips)
    f.asn = None
    return f


def tor_users(sim, rng, n):
    net = tor_exit_net(sim, rng)
    for _ in range(n):
        p = sim.persona(rng, "legit", "legit:tor_user")
        dev = tor_browser(rng)
        ctx = Ctx(net, dev, "tor", referer=None)
        dev.drop_headers.add("referer")
        p.ctxs = [(1, ctx)]
        p.email = sim.ids.consumer_email(rng, p.iso, p.first, p.last, domain=rng.choice(["proton.me", "protonmail.com", "tutanota.com", "riseup.net", "disroot.org", "pm.me"]))
        p.username = sim.ids.username(rng, p.first, p.last)
        sim.signup(p, ctx, sample_local(rng, p.tz), rng)
        sim.legit_logins(p, rng, p_none=0.5)


def run_legit(sim, seed, scale=1.0):
    from util import sub_rng
    S = lambda x: int(round(x * scale))
    basic_user(sim, sub_rng(seed, "home"), "legit:home_broadband", S(8600))
    mobile_users(sim, sub_rng(seed, "mobile"), S(4000))
    launch_spike(sim, sub_rng(seed, "launch"), S(2900))
    corporate(sim, sub_rng(seed, "corp"), S(1900))
    team_onboarding(sim, sub_rng(seed, "teams"), S(850))
    university(sim, sub_rng(seed, "uni"), S(1350))
    workshops(sim, sub_rng(seed, "workshops"), max(1, S(17)))
    privacy(sim, sub_rng(seed, "privacy"), S(1250))
    travelers(sim, sub_rng(seed, "travel"), S(520))
    developers(sim, sub_rng(seed, "devs"), S(720))
    second_accounts(sim, sub_rng(seed, "second"), S(300))
    disposable_users(sim, sub_rng(seed, "disposable"), S(140))
    tor_users(sim, sub_rng(seed, "tor"), S(45))
