"""Fraud operations: account farms abusing the free tier and API keys, and account takeover."""
import numpy as np
from disposable_email_domains import blocklist

import clients as C
from net import h64
from people import ascii_fold, pick
from places import CITIES, COUNTRY_LANGS
from sim import DAY, DAYS, HOME_AS, MOBILE_AS, T0, Person, chrome_major, human_fill

FRAUD = "fraud"
END = T0 + DAYS * DAY
DISPOSABLE = sorted(d for d in blocklist if d.count(".") == 1 and len(d) < 16)[:400]


class Farmed:
    __slots__ = ("id", "email", "t", "client", "ip")

    def __init__(self, id, email, t, client, ip):
        self.id, self.email, self.t, self.client, self.ip = id, email, t, client, ip


def fsignup(sim, rng, op, t, ip, client, email, username=None, fill_ms=None, honeypot="",
            style="spa"):
    acct = sim.account_id(op, email, t)
    if fill_ms is None and style in ("api", "lite"):
        fill_ms = None
    sim.emit("signup", t, ip, client, FRAUD, op, account=acct, email=email, username=username,
             fill_ms=fill_ms, honeypot=honeypot, style=style)
    return Farmed(acct, email, t, client, ip)


def resi_ip(sim, rng, cc, mobile=None, key=None):
    """An exit of a residential/mobile proxy network: somebody's home line or handset."""
    key = key if key is not None else int(rng.integers(1 << 62))
    mobile = rng.random() < 0.3 if mobile is None else mobile
    asn = pick(rng, MOBILE_AS[cc] if mobile else HOME_AS[cc])
    cities = sim.net.cities(asn)
    city = cities[key % len(cities)]
    a = sim.net.asys(asn)
    if a["v6c"] and rng.random() < a["v6share"] * 0.6:
        return sim.net.v6(asn, city, key, int(rng.integers(1 << 62))), city
    if mobile and a["cgnat"]:
        return sim.net.v4(asn, city, key, pool=a["cgnat"]), city
    return sim.net.v4(asn, city, key), city


def session_times(rng, start, end, sessions, per_session, rate_per_hour):
    """Bursty runs of a script: `sessions` runs, each `per_session` events at a rate."""
    out = []
    for _ in range(sessions):
        t = rng.uniform(start, end)
        for _ in range(per_session):
            t += rng.exponential(3600 / rate_per_hour)
            out.append(t)
    return [x for x in out if x < END]


def bought_gmail(sim, rng, cc="US"):
    first, last = sim.people.name(rng, cc)
    f, l = ascii_fold(first).replace(" ", ""), ascii_fold(last).replace(" ", "")
    style = pick(rng, [("%s%s%d", .45), ("%s.%s%d", .35), ("%s%s%04d", .2)])
    return style % (f, l, rng.integers(1, 10000)) + "@gmail.com", first, last


def later_key_logins(sim, rng, op, farmed, p, client_fn, ip_fn, delay=(600, 2 * DAY)):
    for a in farmed:
        if rng.random() < p:
            t = a.t + rng.uniform(*delay)
            if t < END:
                client = client_fn(a)
                sim.emit("login", t, ip_fn(a), client, FRAUD, op, account=a.id,
                         email=a.email if rng.random() < .7 else None, success=True,
                         fill_ms=rng.uniform(1500, 6000),
                         style="api" if client.family == "api" else "spa")


# --- 1. residential proxies + stealth automation --------------------------------------------
def resi_proxy_stealth(sim, n=1400):
    op = "resi_proxy_stealth_bots"
    rng = sim.child_rng(op)
    geo = [("US", .4), ("GB", .1), ("IN", .15), ("BR", .1), ("ID", .1), ("DE", .05), ("MX", .05),
           ("CA", .05)]
    times = session_times(rng, T0, END - 4 * 3600, 24, n // 24 + 1, 45)[:n]
    hosts = [C.desktop("windows", "chrome", 146, ["en-US"], "UTC", pick(rng, [("1920x1080x24", .8),
                                                                           ("1366x768x24", .2)]),
                       4, 8, "resi-op-host|%d" % k) for k in range(3)]
    farmed = []
    for t in sorted(times):
        cc = pick(rng, geo)
        ip, city = resi_ip(sim, rng, cc)
        tz = CITIES[city][7] if rng.random() < 0.7 else "America/New_York"
        client = hosts[rng.integers(3)].with_(tz=tz)
        email, first, last = bought_gmail(sim, rng, "US")
        uname = (ascii_fold(first) + ascii_fold(last)[:3] + str(rng.integers(10, 999)))
        farmed.append(fsignup(sim, rng, op, t, ip, client, email, uname, rng.uniform(5500, 11000)))
    later_key_logins(sim, rng, op, farmed, 0.3, lambda a: a.client,
                     lambda a: resi_ip(sim, rng, pick(rng, geo))[0])


# --- 2. 4G mobile proxies + desktop browser emulating a phone ---------------------------------
EMULATED = [("Mozilla/5.0 (Linux; Android 6.0; Nexus 5 Build/MRA58N) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/%d.0.0.0 Mobile Safari/537.36", "360x640x24"),
            ("Mozilla/5.0 (Linux; Android 8.0.0; SM-G955U Build/R16NW) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/%d.0.0.0 Mobile Safari/537.36", "360x740x24"),
            ("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/%d.0.0.0 Mobile Safari/537.36", "412x915x24")]


def mobile_proxy_emulation(sim, n=900):
    op = "mobile_proxy_farm"
    rng = sim.child_rng(op)
    modems = [("US", 21928), ("US", 22394), ("GB", 12576), ("ID", 23693), ("NG", 29465),
              ("BR", 26599), ("IN", 55836)]
    for i in range(n):
        t = T0 + rng.uniform(0, DAYS * DAY)
        day = (t - T0) / DAY
        cc, asn = modems[rng.integers(len(modems))]
        cities = sim.net.cities(asn)
        city = cities[h64(op, "modem", cc, asn) % len(cities)]
        a = sim.net.asys(asn)
        if a["v6c"] and rng.random() < a["v6share"]:
            ip = sim.net.v6(asn, city, int(rng.integers(1 << 40)), int(rng.integers(1 << 62)))
        else:
            ip = sim.net.v4(asn, city, int(rng.integers(1 << 30)), pool=a["cgnat"])
        major = chrome_major(rng)
        langs = [COUNTRY_LANGS[cc][0]]
        tz = CITIES[city][7]
        if day < 6:        # Chrome DevTools device mode: touch=1, host platform, host cores
            ua, screen = EMULATED[rng.integers(len(EMULATED))]
            client = C.Client("chrome", major, "android", ua % major, "Win32" if rng.random() < .5
                              else "Linux armv81", screen, int(pick(rng, [(8, .3), (12, .3), (16, .4)])),
                              8, 1, tz, langs, "emu-host|%d" % rng.integers(4))
        else:              # after a week: reduced UA, realistic touch and screen
            phone = pick(rng, [("galaxy_a15", .4), ("redmi13c", .3), ("pixel8", .3)])
            client = C.android(phone, "chrome", major, langs, tz).with_(
                canvas="emu-host|%d" % rng.integers(4), cores=int(pick(rng, [(12, .5), (16, .5)])))
        first, last = sim.people.name(rng, cc)
        dom = pick(rng, [("outlook.com", .4), ("hotmail.com", .3), ("yahoo.com", .3)])
        email = sim.people.email(rng, cc, first, last, dom)
        fsignup(sim, rng, op, t, ip, client, email, None, rng.uniform(4000, 9000))


# --- 3. phone farm of real handsets ---------------------------------------------------------
def phone_farm(sim, n=1100):
    op = "phone_farm_real_devices"
    rng = sim.child_rng(op)
    farms = [dict(cc="VN", city="hanoi", mob=7552, wifi=18403, model="galaxy_a05", phones=45),
             dict(cc="ID", city="jakarta", mob=23693, wifi=7713, model="redmi13c", phones=40)]
    farmed = []
    per = n // len(farms)
    for f in farms:
        tz = CITIES[f["city"]][7]
        langs = ["en-US"] if rng.random() < .7 else [COUNTRY_LANGS[f["cc"]][0], "en-US"]
        phones = [C.android(f["model"], "chrome", 146, langs, tz) for _ in range(f["phones"])]
        wifi_ip = sim.net.v4(f["wifi"], f["city"], h64(op, f["cc"], "wifi"))
        for i in range(per):
            day = int(rng.integers(0, DAYS))
            t = sim.at_local(rng, tz, day, "shift")
            phone = phones[i % len(phones)]
            if rng.random() < 0.25:
                ip = wifi_ip
            else:                                  # airplane-mode toggle: a fresh carrier address
                a = sim.net.asys(f["mob"])
                ip = (sim.net.v6(f["mob"], f["city"], int(rng.integers(1 << 40)), int(rng.integers(1 << 62)))
                      if rng.random() < a["v6share"] else
                      sim.net.v4(f["mob"], f["city"], int(rng.integers(1 << 30)), pool=a["cgnat"]))
            email, first, last = bought_gmail(sim, rng, pick(rng, [("US", .5), (f["cc"], .5)]))
            uname = ascii_fold(first)[:6] + str(rng.integers(100, 9999))
            farmed.append(fsignup(sim, rng, op, t, ip, phone, email, uname,
                                  rng.normal(14500, 1400), style="form"))
    cloud = C.api_client("python-requests/2.32.3")
    later_key_logins(sim, rng, op, farmed, 0.35, lambda a: cloud.with_(),
                     lambda a: sim.net.v4(45102, "hongkong", h64(op, "harvester", a.id[-1])),
                     delay=(3600, 3 * DAY))


# --- 4. datacenter headless scripts -------------------------------------------------------
def dc_headless(sim, n=900):
    op = "datacenter_headless_scripts"
    rng = sim.child_rng(op)
    vps = [(14061, .25), (24940, .15), (16276, .15), (51167, .15), (36352, .15), (16509, .15)]
    boxes = []
    for k in range(18):
        asn = pick(rng, vps)
        cities = sim.net.cities(asn)
        boxes.append((asn, sim.net.v4(asn, cities[k % len(cities)], h64(op, "box", k))))
    times = session_times(rng, T0, END, 12, n // 12 + 1, 110)[:n]
    for t in times:
        asn, ip = boxes[rng.integers(len(boxes))]
        major = chrome_major(rng)
        naive = rng.random() < 0.45
        if naive:
            ua = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "HeadlessChrome/%d.0.0.0 Safari/537.36" % major)
            client = C.Client("headless", major, "linux", ua, "Linux x86_64", "800x600x24", 2, 2, 0,
                              "UTC", ["en-US"], "vps|%s" % ip, webdriver=rng.random() < 0.7)
        else:
            client = C.desktop("windows", "chrome", major, ["en-US"], "UTC", "1920x1080x24",
                               int(pick(rng, [(2, .5), (4, .5)])), 4, "vps|%s" % ip)
            client = client.with_(platform="Linux x86_64",
                                  ch_brand="HeadlessChrome" if rng.random() < .5 else "")
        r = rng.random()
        if r < 0.5:
            email = "%s@%s" % (rand_local(rng, 10), DISPOSABLE[rng.integers(len(DISPOSABLE))])
        elif r < 0.8:
            email = "%s@gmail.com" % rand_local(rng, 12)
        else:
            email = "%s%d@outlook.com" % (rand_local(rng, 7), rng.integers(100, 999))
        honeypot = "" if rng.random() > 0.2 else pick(rng, [(email, .5), ("1", .3), ("on", .2)])
        fsignup(sim, rng, op, t, ip, client, email, rand_local(rng, 8) if rng.random() < .5 else None,
                rng.uniform(250, 1600), honeypot, style=pick(rng, [("form", .5), ("spa", .5)]))


def rand_local(rng, k):
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(letters[i] for i in rng.integers(26, size=1)) + \
        "".join(letters[i] for i in rng.integers(36, size=k - 1))


# --- 5. human click farm -------------------------------------------------------------------
def click_farm(sim, n=1000):
    op = "human_click_farm"
    rng = sim.child_rng(op)
    shops = [("BD", "dhaka", 24432, 24389), ("PK", "lahore", 17557, 45669),
             ("BD", "chittagong", 24432, 24389), ("NG", "lagos", 37196, 29465)]
    workers = []
    for w in range(60):
        cc, city, wifi, mob = shops[w % len(shops)]
        tz = CITIES[city][7]
        phone = pick(rng, [("redmia3", .35), ("itel_a70", .25), ("galaxy_a05", .25), ("tecno_spark20", .15)])
        langs = ["en-US"] if rng.random() < .8 else [COUNTRY_LANGS[cc][0]]
        workers.append((cc, city, wifi, mob, tz,
                        C.android(phone, "chrome", chrome_major(rng, lag=4), langs, tz),
                        sim.net.v4(wifi, city, h64(op, "shop", w % len(shops)))))
    farmed = []
    for i in range(n):
        cc, city, wifi, mob, tz, client, shop_ip = workers[int(rng.integers(len(workers)))]
        t = sim.at_local(rng, tz, int(rng.integers(DAYS)), "shift")
        if rng.random() < 0.6:
            ip = shop_ip
        else:
            a = sim.net.asys(mob)
            ip = sim.net.v4(mob, city, int(rng.integers(1 << 30)), pool=a["cgnat"])
        first, last = sim.people.name(rng, cc if rng.random() < .5 else "US")
        email = sim.people.email(rng, cc, first, last, pick(rng, [("gmail.com", .8), ("yahoo.com", .1),
                                                                   ("outlook.com", .1)]))
        fill = rng.lognormal(np.log(26000), 0.35)
        farmed.append(fsignup(sim, rng, op, t, ip, client, email,
                              sim.people.username(rng, first, last, email) if rng.random() < .7 else None,
                              fill, style=pick(rng, [("form", .6), ("spa", .4)])))
    later_key_logins(sim, rng, op, farmed, 0.25, lambda a: a.client, lambda a: a.ip)


# --- 6. e-mail alias / catch-all ring -----------------------------------------------------
CATCHALL = ["quickmail-hub.xyz", "novaletters.top", "inboxpro.click", "mailcrate.shop",
            "zentra-mail.online", "postvault.site"]


def gmail_variant(rng, base):
    """Dots sprinkled into the base, and/or a +tag: all deliver to one inbox."""
    chars = list(base)
    out = chars[0]
    for c in chars[1:]:
        out += ("." if rng.random() < 0.3 else "") + c
    if rng.random() < 0.35:
        out += "+" + rand_local(rng, int(rng.integers(2, 6)))
    domain = "gmail.com" if rng.random() < 0.85 else "googlemail.com"
    return "%s@%s" % (out, domain)


def alias_ring(sim, n=1000):
    op = "email_alias_catchall_ring"
    rng = sim.child_rng(op)
    bases = []
    for _ in range(16):
        first, last = sim.people.name(rng, "US")
        bases.append(ascii_fold(first + last).replace(" ", "")[:14] + str(rng.integers(10, 99)))
    static = [sim.net.v4(asn, city, h64(op, "isp-proxy", k))
              for k, (asn, city) in enumerate([(7922, "nyc"), (7922, "chicago"), (7018, "dallas"),
                                                (20115, "la"), (7018, "atlanta")] * 8)]
    for i in range(n):
        t = T0 + rng.uniform(0, DAYS * DAY)
        r = rng.random()
        if r < 0.5:
            email = gmail_variant(rng, bases[rng.integers(len(bases))])
        elif r < 0.9:
            first, last = sim.people.name(rng, "US")
            email = "%s@%s" % (sim.people.local_part(rng, first, last), CATCHALL[rng.integers(len(CATCHALL))])
        else:
            email = "%s@%s" % (rand_local(rng, 9), DISPOSABLE[rng.integers(len(DISPOSABLE))])
        ip = static[rng.integers(len(static))]
        tz = pick(rng, [("America/New_York", .6), ("America/Chicago", .4)])
        client = C.desktop("windows", "chrome", chrome_major(rng, lag=2), ["en-US"], tz,
                           pick(rng, C.DESKTOP_SCREENS["windows"]), int(pick(rng, [(8, .6), (12, .4)])),
                           8, "antidetect|%d" % rng.integers(1 << 30))
        fsignup(sim, rng, op, t, ip, client, email, None, rng.uniform(2500, 6500))


# --- 7. bulk account seller + buyers ----------------------------------------------------------
def account_seller(sim, n=600):
    op = "bulk_account_resale"
    rng = sim.child_rng(op)
    farmed = []
    for i in range(n):                         # made in days 0-5 by a crew on mobile data
        cc = pick(rng, [("PK", .5), ("NG", .3), ("BD", .2)])
        p = Person(sim, rng, cc, (op, i), mobile_share=1.0)
        p.langs = ["en-US"]
        t = sim.at_local(rng, p.tz, int(rng.integers(0, 5)), "shift")
        email, _, _ = bought_gmail(sim, rng, cc)
        farmed.append(fsignup(sim, rng, op, t, p.ip(rng, t), p.client.with_(langs=["en-US"]),
                              email, None, human_fill(rng) * 0.6, style="form"))
    buyers = []
    for b in range(40):                         # buyers, each with its own box and exit
        home = pick(rng, [("CN", .5), ("RU", .2), ("IR", .15), ("VN", .15)])
        tz = CITIES[sim.cities_of(home)[0]][7]
        client = C.desktop("windows", "chrome", chrome_major(rng), [COUNTRY_LANGS[home][0]], tz,
                           "1920x1080x24", 8, 8, "buyer|%d" % b)
        exit_as = pick(rng, [(45102, .3), (132203, .2), (9009, .3), (212238, .2)])
        city = sim.net.cities(exit_as)[b % len(sim.net.cities(exit_as))]
        buyers.append((client, exit_as, city))
    for a in farmed:
        client, exit_as, city = buyers[int(rng.integers(len(buyers)))]
        t = max(a.t, T0 + 5 * DAY) + rng.uniform(0, 6 * DAY)
        for _ in range(int(rng.integers(1, 4))):
            if t >= END:
                break
            sim.emit("login", t, sim.net.v4(exit_as, city, int(rng.integers(1 << 30))), client, FRAUD,
                     op, account=a.id, email=a.email, success=True, fill_ms=rng.uniform(2000, 5000),
                     style="form")
            t += rng.exponential(DAY)


# --- 8. slow operator with an antidetect browser -------------------------------------------
def slow_drip(sim, n=400):
    op = "slow_drip_antidetect"
    rng = sim.child_rng(op)
    for i in range(n):
        day = int(rng.integers(DAYS))
        p = Person(sim, rng, "US", (op, i), market="west", mobile_share=0.0)
        t = sim.at_local(rng, p.tz, day, "work")
        os = "windows" if rng.random() < .8 else "mac"
        client = C.desktop(os, "chrome", int(pick(rng, [(146, .5), (145, .3), (144, .2)])), ["en-US"],
                           p.tz, pick(rng, C.DESKTOP_SCREENS[os]),
                           int(pick(rng, [(4, .2), (8, .5), (12, .2), (16, .1)])), 8,
                           "antidetect-noise|%d" % i)
        ip, _ = resi_ip(sim, rng, "US", mobile=False)
        email, first, last = bought_gmail(sim, rng, "US")
        if rng.random() < 0.5:
            email = sim.people.email(rng, "US", first, last, "gmail.com")
        fsignup(sim, rng, op, t, ip, client, email,
                sim.people.username(rng, first, last, email) if rng.random() < .8 else None,
                human_fill(rng) * rng.uniform(0.7, 1.0), style=pick(rng, [("form", .6), ("spa", .4)]))


# --- 9. credential stuffing, 10. account takeover from infostealer logs ------------------------------
BROWSER_UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36",
               "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36",
               "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"]


def credential_stuffing(sim, accounts, n=6000):
    op = "credential_stuffing"
    rng = sim.child_rng(op)
    waves = [(T0 + 1.3 * DAY, 1200), (T0 + 4.6 * DAY, 1800), (T0 + 7.2 * DAY, 1400),
             (T0 + 10.5 * DAY, n - 4400)]
    dc = [(16509, .3), (20473, .2), (36352, .2), (24940, .1), (14061, .2)]
    for start, k in waves:
        rate = rng.uniform(400, 900)          # attempts an hour
        t = start
        via_resi = rng.random() < 0.6
        for j in range(k):
            t += rng.exponential(3600 / rate)
            if via_resi:
                ip, _ = resi_ip(sim, rng, pick(rng, [("US", .3), ("IN", .2), ("BR", .15), ("ID", .1),
                                                     ("VN", .1), ("MX", .05), ("GB", .1)]))
            else:
                asn = pick(rng, dc)
                cities = sim.net.cities(asn)
                ip = sim.net.v4(asn, cities[j % len(cities)], h64(op, start, j // 50))
            if rng.random() < 0.6:
                client = C.Client("api", 0, "api", BROWSER_UAS[rng.integers(3)].replace("%d", str(chrome_major(rng))),
                                  collector=False, api_accept="*/*")
            else:
                client = C.api_client(pick(rng, [("python-requests/2.32.3", .5), ("Go-http-client/2.0", .3),
                                                 ("okhttp/4.12.0", .2)]))
            if rng.random() < 0.07:            # a reused password on a real account
                a = accounts[int(rng.integers(len(accounts)))]
                ok = rng.random() < 0.3
                sim.emit("login", t, ip, client, FRAUD, op, account=a.id, email=a.email, success=ok,
                         style="api")
            else:
                first, last = sim.people.name(rng, pick(rng, [("US", .5), ("IN", .2), ("BR", .1), ("GB", .2)]))
                email = sim.people.email(rng, "US", first, last)
                sim.emit("login", t, ip, client, FRAUD, op, email=email, success=False, style="api")


def ato_infostealer(sim, accounts, n=300):
    """Logs from infostealers carry the victim's browser profile: the attacker replays it."""
    op = "ato_infostealer_replay"
    rng = sim.child_rng(op)
    for i in range(n):
        a = accounts[int(rng.integers(len(accounts)))]
        p = a.person
        t = T0 + rng.uniform(0, DAYS * DAY)
        ip, _ = resi_ip(sim, rng, p.cc, mobile=rng.random() < 0.3)
        client = p.client if rng.random() < 0.7 else p.client.with_(canvas="replay|%d" % i)
        sim.emit("login", t, ip, client, FRAUD, op, account=a.id,
                 email=a.email if rng.random() < .6 else None, success=rng.random() < 0.9,
                 fill_ms=rng.uniform(1200, 4000), style=pick(rng, [("form", .5), ("spa", .5)]))


# --- 11. adaptive API-key farm ----------------------------------------------------------------
def adaptive_keyfarm(sim, n=1500):
    """Phase A: API signups from cloud boxes; blocked on day 3.5 -> phase B: stealth browser
    behind residential proxies; blocked again on day 7.5 -> phase C: phone profiles behind
    mobile proxies, human-paced."""
    op = "adaptive_api_key_farm"
    rng = sim.child_rng(op)
    boxes = [(20473, "singapore"), (20473, "tokyo"), (14061, "singapore"), (63949, "mumbai"),
             (20473, "amsterdam")]
    farmed = []
    # Phase A
    api = C.api_client("python-httpx/0.28.1")
    for t in session_times(rng, T0 + 0.2 * DAY, T0 + 3.4 * DAY, 10, 60, 70):
        asn, city = boxes[rng.integers(len(boxes))]
        ip = sim.net.v4(asn, city, h64(op, "A", int(t // 7200), asn, city))
        email = "%s@%s" % (rand_local(rng, 11), DISPOSABLE[rng.integers(40)])
        farmed.append(fsignup(sim, rng, op, t, ip, api, email, rand_local(rng, 9), style="api"))
    # Phase B
    base = [ascii_fold("".join(sim.people.name(rng, "IN"))).replace(" ", "") for _ in range(25)]
    hosts = [C.desktop("windows", "chrome", 147, ["en-US"], "UTC", "1920x1080x24", 8, 8, "kf-B|%d" % k)
             for k in range(4)]
    for t in session_times(rng, T0 + 3.6 * DAY, T0 + 7.4 * DAY, 14, 38, 30):
        cc = pick(rng, [("IN", .5), ("ID", .25), ("BR", .25)])
        ip, city = resi_ip(sim, rng, cc)
        fixed_tz = t > T0 + 5.5 * DAY
        tz = CITIES[city][7] if fixed_tz or rng.random() < .6 else "UTC"
        client = hosts[rng.integers(4)].with_(tz=tz, langs=[COUNTRY_LANGS[cc][0], "en-US"]
                                              if fixed_tz else ["en-US"])
        email = gmail_variant(rng, base[rng.integers(len(base))])
        farmed.append(fsignup(sim, rng, op, t, ip, client, email, None, rng.uniform(2000, 4500)))
    # Phase C
    c_times = sorted(T0 + 7.6 * DAY + rng.uniform(0, 4.4 * DAY, size=n - len(farmed)))
    for i, t in enumerate(c_times):
        cc = pick(rng, [("IN", .6), ("ID", .4)])
        ip, city = resi_ip(sim, rng, cc, mobile=True)
        tz = CITIES[city][7]
        langs = [COUNTRY_LANGS[cc][0]] if rng.random() < .5 else [COUNTRY_LANGS[cc][0], "en-US"]
        phone = pick(rng, [("redmi13c", .4), ("galaxy_a05", .3), ("vivo_y17s", .3)])
        client = C.android(phone, "chrome", chrome_major(rng), langs, tz).with_(
            canvas="kf-C-noise|%d" % i)
        first, last = sim.people.name(rng, cc)
        email = sim.people.email(rng, cc, first, last, "gmail.com")
        farmed.append(fsignup(sim, rng, op, t, ip, client, email,
                              sim.people.username(rng, first, last, email) if rng.random() < .6 else None,
                              rng.lognormal(np.log(24000), 0.45), style="form"))
    # The farm logs every account in through the API once to mint keys.
    later_key_logins_api(sim, rng, op, farmed, boxes)


def later_key_logins_api(sim, rng, op, farmed, boxes):
    api = C.api_client("python-httpx/0.28.1")
    for a in farmed:
        if rng.random() < 0.55:
            t = a.t + rng.uniform(120, 8 * 3600)
            if t < END:
                asn, city = boxes[rng.integers(len(boxes))]
                sim.emit("login", t, sim.net.v4(asn, city, int(rng.integers(1 << 30))), api, FRAUD, op,
                         account=a.id, email=a.email, success=True, style="api")


def build(sim, accounts):
    resi_proxy_stealth(sim)
    mobile_proxy_emulation(sim)
    phone_farm(sim)
    dc_headless(sim)
    click_farm(sim)
    alias_ring(sim)
    account_seller(sim)
    slow_drip(sim)
    credential_stuffing(sim, accounts)
    ato_infostealer(sim, accounts)
    adaptive_keyfarm(sim)
