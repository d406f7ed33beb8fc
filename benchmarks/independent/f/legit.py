"""Legitimate traffic: the segments of real users."""
import numpy as np

import clients as C
from net import h64
from people import pick
from places import CITIES
from sim import DAY, DAYS, HOME_AS, MOBILE_AS, T0, Person, desktop_client, human_fill

LEGIT = "legit"


def web_style(rng):
    return pick(rng, [("form", .6), ("spa", .33), ("lite", .07)])


def maybe_no_collector(rng, client, p=0.03):
    return client.with_(collector=False) if rng.random() < p else client


class Account:
    __slots__ = ("id", "email", "username", "person", "created")

    def __init__(self, id, email, username, person, created):
        self.id, self.email, self.username, self.person, self.created = id, email, username, person, created


def signup(sim, rng, person, t, campaign, email=None, username=None, autofill=False,
           referer=None, ip=None, style=None, client=None, followups=True):
    email = email or sim.people.email(rng, person.cc, person.first, person.last)
    if username is None and rng.random() < 0.8:
        username = sim.people.username(rng, person.first, person.last, email)
    acct = sim.account_id(campaign, person.key, email)
    client = maybe_no_collector(rng, client or person.client)
    sim.emit("signup", t, ip or person.ip(rng, t), client, LEGIT, campaign, account=acct,
             email=email, username=username, fill_ms=human_fill(rng, "signup", autofill),
             style=style or web_style(rng), referer=referer)
    a = Account(acct, email, username, person, t)
    if followups:
        later_logins(sim, rng, a, campaign, autofill)
    return a


def login(sim, rng, acct, t, campaign, autofill=False, ip=None, client=None, p_typo=0.06):
    """A person logging in; sometimes a typo first, sometimes a forgotten password."""
    person = acct.person
    client = maybe_no_collector(rng, client or person.client)
    ip = ip or person.ip(rng, t)
    style = web_style(rng)
    send_email = rng.random() < 0.6
    kw = dict(account=acct.id, email=acct.email if send_email else None, style=style)
    r = rng.random()
    if not autofill and r < p_typo:
        sim.emit("login", t, ip, client, LEGIT, campaign, success=False,
                 fill_ms=human_fill(rng, "login"), **kw)
        t += 4 + rng.exponential(25)
    elif not autofill and r < p_typo + 0.015:      # forgot it: a few tries, then a reset later
        for _ in range(int(rng.integers(2, 5))):
            sim.emit("login", t, ip, client, LEGIT, campaign, success=False,
                     fill_ms=human_fill(rng, "login"), **kw)
            t += 6 + rng.exponential(40)
        if rng.random() < 0.5:
            return
        t += 600 + rng.exponential(4 * 3600)
    if t < T0 + DAYS * DAY:
        sim.emit("login", t, ip, client, LEGIT, campaign, success=True,
                 fill_ms=human_fill(rng, "login", autofill), **kw)


def later_logins(sim, rng, acct, campaign, autofill=False, p=0.38):
    if rng.random() > p:
        return
    t = acct.created
    for _ in range(1 + rng.poisson(0.8)):
        t += rng.exponential(2.5 * DAY) + 1800
        if t >= T0 + DAYS * DAY:
            break
        login(sim, rng, acct, t, campaign, autofill)


# ---------------------------------------------------------------------------------------
REGIONAL = {
    "organic_south_asia": (7000, [("IN", .75), ("PK", .15), ("BD", .10)]),
    "organic_southeast_asia": (4500, [("ID", .45), ("PH", .30), ("VN", .15), ("TH", .10)]),
    "organic_latam": (5000, [("BR", .5), ("MX", .25), ("CO", .1), ("AR", .1), ("PE", .05)]),
    "organic_africa": (3500, [("NG", .5), ("KE", .18), ("ZA", .15), ("GH", .1), ("EG", .07)]),
    "organic_na_europe": (6000, [("US", .45), ("GB", .12), ("CA", .06), ("DE", .12), ("FR", .09),
                                 ("ES", .06), ("PL", .05), ("PT", .02), ("TR", .03)]),
}


def opera_mini(rng, person):
    vendor, model, screen, mem, cores, aver = C.PHONES[pick(rng, [("tecno_spark20", .4),
                                                                 ("itel_a70", .3),
                                                                 ("infinix_hot40", .3)])]
    ua = ("Mozilla/5.0 (Linux; U; Android %d; %s Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
          "(KHTML, like Gecko) Version/4.0 Chrome/128.0.6613.146 Mobile Safari/537.36 "
          "OPR/85.0.2254.80427" % (aver, model))
    return C.Client("webview", 128, "android", ua, "Linux armv81", screen + "x24", cores, mem, 5,
                    person.tz, person.langs, "operamini|%s" % model)


def regional(sim, name, n, mix):
    rng = sim.child_rng(name)
    for i in range(n):
        cc = pick(rng, mix)
        p = Person(sim, rng, cc, (name, i))
        t = sim.at_local(rng, p.tz, sim.random_day(rng))
        ip = None
        if p.market == "africa" and p.client.os == "android" and rng.random() < 0.06:
            p.client = opera_mini(rng, p)           # data-saving proxy: the IP is Opera's
            ip = sim.net.v4(39832, "lagos" if rng.random() < .6 else "amsterdam",
                            int(rng.integers(1 << 30)))
        signup(sim, rng, p, t, name, ip=ip)


def shared_networks(sim, n_cafes=30, n_campus=14):
    """Cybercafes (one static IP, PCs cloned from one image) and campus NATs."""
    name = "shared_cafe_campus"
    rng = sim.child_rng(name)
    cafe_places = [("NG", 37196), ("NG", 29465), ("IN", 9829), ("IN", 24560), ("PK", 17557),
                   ("ID", 7713), ("PH", 9299), ("BD", 24432), ("KE", 33771), ("GH", 30986)]
    for c in range(n_cafes):
        cc, asn = cafe_places[c % len(cafe_places)]
        city = sim.net.cities(asn)[rng.integers(len(sim.net.cities(asn)))]
        ip = sim.net.v4(asn, city, h64("cafe", c))
        tz = CITIES[city][7]
        image = desktop_client(rng, ["en-US"], tz, ("cafe", c), os="windows", family="chrome",
                               canvas="cafe-image|%d" % c)
        for k in range(int(rng.integers(12, 40))):
            p = Person(sim, rng, cc, (name, "cafe", c, k), device=image, city=city, home_as=asn)
            t = sim.at_local(rng, tz, sim.random_day(rng), "shift")
            signup(sim, rng, p, t, name, ip=ip)
    campuses = [("IN", 2697, "ac.in"), ("US", 32, "stanford.edu"), ("US", 3, "mit.edu"),
                ("US", 2637, "gatech.edu"), ("GB", 786, "ac.uk"), ("DE", 680, "uni-muenchen.de"),
                ("IN", 2697, "iitd.ac.in")]
    for c in range(n_campus):
        cc, asn, dom = campuses[c % len(campuses)]
        cities = sim.net.cities(asn)
        city = cities[c % len(cities)]
        tz = CITIES[city][7]
        nat = [sim.net.v4(asn, city, h64("campus", c, j)) for j in range(int(rng.integers(2, 9)))]
        students = int(rng.integers(30, 70))
        lab_day = int(rng.integers(1, DAYS - 1)) if rng.random() < 0.6 else None
        lab_t = sim.at_local(rng, tz, lab_day or 0, "work")
        lab = desktop_client(rng, [ "en-US"], tz, ("lab", c), os="cros", family="chrome",
                             canvas="campus-lab|%d" % c)
        for k in range(students):
            p = Person(sim, rng, cc, (name, "campus", c, k), city=city, home_as=asn, mobile_share=0)
            in_lab = lab_day is not None and k < students // 2
            if in_lab:       # a class signs up together on the lab Chromebooks
                t = lab_t + rng.normal(0, 600) + k * 20
                client = lab
            else:
                t = sim.at_local(rng, tz, sim.random_day(rng), "consumer")
                client = p.client
            email = None
            if rng.random() < 0.55:
                email = "%s@%s" % (sim.people.local_part(rng, p.first, p.last, "f.l"), dom)
            signup(sim, rng, p, t, name, email=email, ip=nat[rng.integers(len(nat))], client=client)


def families(sim, n=340):
    name = "family_shared_device"
    rng = sim.child_rng(name)
    mix = [("IN", .3), ("NG", .15), ("BR", .15), ("PH", .1), ("EG", .08), ("MX", .1), ("ID", .12)]
    for f in range(n):
        cc = pick(rng, mix)
        head = Person(sim, rng, cc, (name, f))
        members = int(rng.integers(2, 5))
        day = sim.random_day(rng)
        t = sim.at_local(rng, head.tz, day)
        for m in range(members):
            p = Person(sim, rng, cc, (name, f, m), device=head.client, city=head.city,
                       mobile_as=head.mobile_as, home_as=head.home_as, langs=head.langs)
            p.last = head.last
            p.household = head.household
            p.mobile_share = head.mobile_share
            if m and rng.random() < 0.5:        # same evening, one after another
                t += 120 + rng.exponential(900)
            elif m:
                t = sim.at_local(rng, head.tz, min(DAYS - 1, day + int(rng.integers(1, 6))))
            signup(sim, rng, p, t, name)


VPN_EXITS = [(9009, .35), (212238, .25), (136787, .25), (39351, .05), (13335, .10)]
VPN_HOME = [("AE", .16), ("SA", .12), ("TR", .12), ("IR", .14), ("RU", .14), ("CN", .12),
            ("PK", .07), ("EG", .05), ("ID", .04), ("IN", .04)]


def vpn_users(sim, n=1500):
    name = "vpn_habitual"
    rng = sim.child_rng(name)
    for i in range(n):
        cc = pick(rng, VPN_HOME)
        p = Person(sim, rng, cc, (name, i))
        exit_as = pick(rng, VPN_EXITS)
        cities = sim.net.cities(exit_as)
        exit_city = cities[h64(p.household, "exit") % len(cities)]
        if rng.random() < 0.3:
            exit_city = cities[rng.integers(len(cities))]
        t = sim.at_local(rng, p.tz, sim.random_day(rng))
        ip = sim.net.v4(exit_as, exit_city, int(rng.integers(1 << 30)))
        acct = signup(sim, rng, p, t, name, ip=ip, followups=False)
        if rng.random() < 0.4:       # next time maybe without the VPN, maybe another exit
            t2 = t + rng.exponential(3 * DAY) + 3600
            if t2 < T0 + DAYS * DAY:
                if cc not in ("IR", "CN", "RU") and rng.random() < 0.4:
                    ip2 = p.ip(rng, t2)
                else:
                    ip2 = sim.net.v4(exit_as, cities[rng.integers(len(cities))],
                                     int(rng.integers(1 << 30)))
                login(sim, rng, acct, t2, name, ip=ip2)


DIASPORA = [  # (origin, residence, weight)
    ("IN", "US", .16), ("IN", "GB", .08), ("IN", "AE", .1), ("PH", "AE", .08), ("PH", "SA", .05),
    ("MX", "US", .12), ("BR", "PT", .05), ("BR", "US", .04), ("NG", "GB", .07), ("VN", "US", .03),
    ("TR", "DE", .05), ("PL", "GB", .04), ("CN", "US", .04), ("EG", "SA", .04), ("PK", "AE", .05),
    ("ID", "SA", .03), ("CO", "ES", .02), ("AR", "ES", .01)]


def diaspora(sim, n=1500):
    name = "diaspora_travellers"
    rng = sim.child_rng(name)
    table = [((o, r), w) for o, r, w in DIASPORA]
    for i in range(n):
        origin, res = pick(rng, table)
        lang_p = Person(sim, rng, origin, (name, "o", i))
        roaming = rng.random() < 0.15
        if roaming:      # on a trip, home SIM roaming: IP at home, clock where they are
            p = lang_p
            visit_city = sim.cities_of(res)[rng.integers(len(sim.cities_of(res)))]
            p.tz = CITIES[visit_city][7]
            p.client = p.client.with_(tz=p.tz)
            p.mobile_share = 1.0
        else:
            p = Person(sim, rng, res, (name, i), langs=lang_p.langs)
            p.first, p.last = lang_p.first, lang_p.last
            if rng.random() < 0.1:      # laptop still on the home clock
                p.client = p.client.with_(tz=lang_p.tz)
        t = sim.at_local(rng, p.client.tz, sim.random_day(rng))
        signup(sim, rng, p, t, name, email=sim.people.email(rng, origin, p.first, p.last))


def privacy_relays(sim, n=1200):
    name = "privacy_relay_users"
    rng = sim.child_rng(name)
    for i in range(n):
        if rng.random() < 0.6:     # iCloud Private Relay on Safari
            cc = pick(rng, [("US", .6), ("GB", .15), ("DE", .1), ("CA", .1), ("FR", .05)])
            p = Person(sim, rng, cc, (name, i), market="west")
            if p.client.family not in ("safari",):
                sv = pick(rng, [("26.4", .7), ("26.3", .3)])
                p.client = C.iphone("iphone15", "safari", sv, p.langs, p.tz) if rng.random() < .8 \
                    else C.desktop("mac", "safari", sv, p.langs, p.tz, "1512x982x30", 8, 0,
                                   "desk|%x" % h64("pr", i))
            relay = pick(rng, [(36183, .6), (13335, .3), (54113, .1)])
        else:                      # Cloudflare WARP (1.1.1.1 app) on Android
            cc = pick(rng, [("IN", .45), ("ID", .25), ("NG", .15), ("BR", .15)])
            p = Person(sim, rng, cc, (name, i))
            relay = 13335
        cities = sim.net.cities(relay)
        near = [c for c in cities if CITIES[c][2] == p.cc]
        city = p.city if p.city in cities else (near[0] if near else cities[0])
        t = sim.at_local(rng, p.tz, sim.random_day(rng))
        a = sim.net.asys(relay)
        if a["v6c"] and rng.random() < 0.5:
            ip = sim.net.v6(relay, city, int(rng.integers(1 << 40)), int(rng.integers(1 << 62)))
        else:
            ip = sim.net.v4(relay, city, int(rng.integers(1 << 30)))
        email = None
        if p.client.family == "safari" and rng.random() < 0.3:
            email = hide_my_email(rng)
        signup(sim, rng, p, t, name, ip=ip, email=email, followups=False)


WORDS = ["amber", "brisk", "cedar", "dune", "ember", "frost", "gala", "harbor", "iris", "jolly",
         "kite", "lumen", "maple", "nova", "opal", "pine", "quartz", "ripple", "sable", "tidal",
         "umber", "vivid", "willow", "zephyr", "cobalt", "mossy", "rustic", "solar", "velvet"]


def hide_my_email(rng):
    w = [WORDS[i] for i in rng.integers(len(WORDS), size=2)]
    return "%s.%s_%d%s@icloud.com" % (w[0], w[1], rng.integers(10), "abcdefghjk"[rng.integers(10)])


def masked_email(rng, p, sim):
    r = rng.random()
    if r < 0.3:
        return hide_my_email(rng)
    if r < 0.45:
        return "%s@mozmail.com" % "".join("abcdefghijklmnopqrstuvwxyz0123456789"[k]
                                          for k in rng.integers(36, size=9))
    if r < 0.55:
        return "%s.%s@duck.com" % (WORDS[rng.integers(len(WORDS))], WORDS[rng.integers(len(WORDS))])
    if r < 0.62:
        return "%s.%s%d@simplelogin.com" % (WORDS[rng.integers(len(WORDS))],
                                             WORDS[rng.integers(len(WORDS))], rng.integers(100, 999))
    local = sim.people.local_part(rng, p.first, p.last)
    return "%s+lumachat@%s" % (local, "gmail.com" if rng.random() < .8 else "fastmail.com")


def password_managers(sim, n=1000):
    name = "password_manager_users"
    rng = sim.child_rng(name)
    for i in range(n):
        cc = pick(rng, [("US", .35), ("GB", .1), ("DE", .12), ("FR", .05), ("CA", .06), ("IN", .15),
                        ("BR", .07), ("PL", .05), ("ES", .05)])
        p = Person(sim, rng, cc, (name, i), market="west" if cc in ("US", "GB", "DE", "FR", "CA",
                                                                    "PL", "ES") else None)
        t = sim.at_local(rng, p.tz, sim.random_day(rng))
        email = masked_email(rng, p, sim) if rng.random() < 0.45 else None
        uname = None
        if rng.random() < 0.3:    # generated handle
            uname = "%s-%s-%d" % (WORDS[rng.integers(len(WORDS))], WORDS[rng.integers(len(WORDS))],
                                  rng.integers(10, 99))
        signup(sim, rng, p, t, name, email=email, username=uname, autofill=True)


CORPS = [("infosys.com", "IN"), ("wipro.com", "IN"), ("accenture.com", "US"), ("deloitte.com", "GB"),
         ("capgemini.com", "FR"), ("siemens.com", "DE"), ("itau-unibanco.com.br", "BR"),
         ("dbs.com", "SG"), ("unilever.com", "GB"), ("pwc.com", "US")]


def corporate(sim, n=1100):
    name = "corporate_networks"
    rng = sim.child_rng(name)
    for i in range(n):
        dom, hq = CORPS[rng.integers(len(CORPS))]
        cc = pick(rng, [(hq, .6), ("IN", .2), ("US", .2)]) if hq != "SG" else "IN"
        if cc not in HOME_AS:
            cc = "US"
        p = Person(sim, rng, cc, (name, i), market="west")
        image = desktop_client(rng, p.langs, p.tz, ("corp", dom), os="windows",
                               family=pick(rng, [("chrome", .55), ("edge", .45)]),
                               canvas="corp-image|%s" % dom)
        p.client = image
        zs = sim.net.cities(62044)
        if cc == "IN" and rng.random() < 0.5:
            asn, city = 4755, [c for c in sim.net.cities(4755)][rng.integers(5)]
        elif cc == "US" and rng.random() < 0.3:
            asn = 3356 if rng.random() < .5 else 174
            city = sim.net.cities(asn)[rng.integers(4)]
        else:
            asn = 62044
            near = [c for c in zs if CITIES[c][2] == cc]
            city = near[rng.integers(len(near))] if near else zs[rng.integers(len(zs))]
        day = sim.random_day(rng, weekend=0.15)
        t = sim.at_local(rng, p.tz, day, "work")
        ip = sim.net.v4(asn, city, h64("corp-egress", dom, city, int(rng.integers(6))))
        email = "%s@%s" % (sim.people.local_part(rng, p.first, p.last, "f.l"), dom) \
            if rng.random() < 0.4 else None
        signup(sim, rng, p, t, name, ip=ip, email=email, autofill=rng.random() < 0.2)


def marketing_spike(sim, n=3000):
    """A creator video with a promo code goes out on day 8, 18:00 Jakarta time."""
    name = "marketing_tiktok_spike"
    rng = sim.child_rng(name)
    launch = T0 + 8 * DAY + 18 * 3600 - sim.offset("Asia/Jakarta")
    ref = C.ORIGIN + "/accounts/signup/?utm_source=tiktok&utm_medium=creator&utm_campaign=belajar_ai_gratis"
    for i in range(n):
        cc = pick(rng, [("ID", .8), ("PH", .12), ("VN", .08)])
        p = Person(sim, rng, cc, (name, i))
        if p.client.os == "android" and rng.random() < 0.65:
            p.client = C.android(pick(rng, [(k, 1) for k in ("oppo_a18", "redmi13c", "galaxy_a05",
                                                             "vivo_y17s", "infinix_hot40")]),
                                 "webview", int(pick(rng, [(147, .7), (146, .3)])), p.langs, p.tz)
        t = launch + rng.exponential(5 * 3600) if rng.random() < 0.85 else \
            launch + rng.uniform(0, 3.5 * DAY)
        if t >= T0 + DAYS * DAY:
            t = launch + rng.uniform(0, 3 * 3600)
        signup(sim, rng, p, t, name, referer=ref)


def returning_after_failure(sim, n=600):
    """Tries to log in (wrong address, or signed up long ago with another), gives up, signs up."""
    name = "returning_after_failed_login"
    rng = sim.child_rng(name)
    for i in range(n):
        cc = pick(rng, [("IN", .3), ("US", .15), ("BR", .15), ("NG", .1), ("ID", .1), ("MX", .1),
                        ("GB", .1)])
        p = Person(sim, rng, cc, (name, i))
        t = sim.at_local(rng, p.tz, sim.random_day(rng))
        ip = p.ip(rng, t)
        email = sim.people.email(rng, cc, p.first, p.last)
        for k in range(int(rng.integers(1, 4))):
            sim.emit("login", t, ip, p.client, LEGIT, name, email=email, success=False,
                     fill_ms=human_fill(rng, "login"), style=web_style(rng))
            t += 8 + rng.exponential(30)
        t += 30 + rng.exponential(300)
        other = email if rng.random() < 0.5 else sim.people.email(rng, cc, p.first, p.last)
        signup(sim, rng, p, t, name, email=other, ip=ip if rng.random() < 0.8 else None)


def existing_users(sim, n=17000):
    """Accounts created before the window, logging in (mostly successfully)."""
    name = "existing_users"
    rng = sim.child_rng(name)
    mix = [("IN", .2), ("US", .14), ("BR", .08), ("ID", .08), ("NG", .06), ("PH", .05), ("MX", .05),
           ("GB", .05), ("DE", .05), ("PK", .04), ("VN", .03), ("KE", .03), ("FR", .03), ("CO", .02),
           ("ZA", .02), ("EG", .02), ("CA", .02), ("BD", .02), ("ES", .01)]
    accounts = []
    for i in range(n):
        p = Person(sim, rng, pick(rng, mix), (name, i))
        email = sim.people.email(rng, p.cc, p.first, p.last)
        a = Account(sim.account_id(name, i), email, None, p, T0 - 30 * DAY)
        accounts.append(a)
        autofill = rng.random() < 0.25
        for _ in range(1 + rng.poisson(0.85)):
            t = sim.at_local(rng, p.tz, sim.random_day(rng, growth=0))
            login(sim, rng, a, t, name, autofill)
    return accounts


def api_developers(sim, accounts, n=120):
    """Developers whose scripts log in through the API from servers or laptops."""
    name = "api_developers"
    rng = sim.child_rng(name)
    hosts = [(16509, .35), (396982, .2), (14061, .15), (24940, .1), (8075, .1), (16276, .1)]
    for i in range(n):
        a = accounts[int(rng.integers(len(accounts)))]
        client = C.api_client(pick(rng, C.API_AGENTS))
        if rng.random() < 0.6:
            asn = pick(rng, hosts)
            city = sim.net.cities(asn)[h64("dev", i) % len(sim.net.cities(asn))]
            ips = [sim.net.v4(asn, city, h64("devbox", i))]
        else:
            ips = [a.person.ip(rng, T0 + d * DAY, mobile=False) for d in range(0, DAYS, 4)]
        period = pick(rng, [(3600 * 6, .3), (DAY, .4), (3600 * 12, .3)])
        t = T0 + rng.uniform(0, period)
        while t < T0 + DAYS * DAY:
            ok = rng.random() > 0.02
            sim.emit("login", t, ips[int((t - T0) // (4 * DAY)) % len(ips)], client, LEGIT, name,
                     account=a.id, email=a.email, success=ok, style="api")
            t += period * rng.uniform(0.9, 1.1) + (rng.exponential(600) if not ok else 0)


def build(sim):
    for name, (n, mix) in REGIONAL.items():
        regional(sim, name, n, mix)
    shared_networks(sim)
    families(sim)
    vpn_users(sim)
    diaspora(sim)
    privacy_relays(sim)
    corporate(sim)
    marketing_spike(sim)
    password_managers(sim)
    returning_after_failure(sim)
    accounts = existing_users(sim)
    api_developers(sim, accounts)
    return accounts
