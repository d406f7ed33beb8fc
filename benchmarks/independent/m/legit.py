"""Legitimate traffic segments. Each function creates people, their signups, and registers them
for the returning-login pass (logins.py)."""
from datetime import timedelta

import numpy as np

import clients as C
import identity as I
from common import (Access, DAYS, HOURS_DEV, HOURS_HOME, HOURS_WORK, LAUNCH, T0, T1, WEEKDAY_DEV, WEEKDAY_HOME,
                    WEEKDAY_WORK, clip, local_time, lognorm_ms, uniform_time)
from world import COUNTRIES

LABEL = "legit"


class Actor:
    __slots__ = ("akey", "email", "username", "devs", "accesses", "t", "pm", "label", "campaign", "p_return",
                 "country", "tz", "login_style")

    def __init__(self, **kw):
        self.pm = False
        self.p_return = 0.5
        self.login_style = "browser"
        for k, v in kw.items():
            setattr(self, k, v)


def typed_fill(rng, dev, median=28.0, sigma=0.55):
    m = median * (1.35 if dev.type in ("mobile", "tablet") else 1.0)
    return lognorm_ms(rng, m, sigma, lo=2500)


def honeypot_legit(rng, pm=False, ident=None):
    # a few autofill extensions fill every input, hidden ones included
    p = 0.012 if pm else 0.0015
    if rng.random() < p:
        return ident.first if ident is not None and rng.random() < 0.5 else (ident.email if ident else "x")
    return ""


def pick_country(world, rng, weights=None):
    isos, p = world.legit_country_weights()
    return isos[int(rng.choice(len(isos), p=p))]


def home_access(world, rng, country, city=None):
    a = world.pick_as(rng, "residential", country)
    b = a.block_in(rng, country=country, city=city)
    v6_share = {"US": .5, "IN": .65, "DE": .55, "FR": .7, "JP": .45, "BR": .45, "MX": .4, "GB": .35,
                "BE": .6, "MY": .5}.get(country, .25)
    return Access(world, rng, "home", b, v6_share)


def mobile_access(world, rng, country, city=None):
    a = world.pick_as(rng, "mobile", country)
    b = a.block_in(rng, country=country, city=city)
    v6_share = {"US": .8, "IN": .75, "JP": .4, "FR": .5, "DE": .45, "BR": .35, "GB": .4}.get(country, .2)
    return Access(world, rng, "mobile", b, v6_share)


def emit_signup(rec, rng, actor, t, dev, access, ident, fill, honeypot="", ip=None, campaign=None, with_device=True,
                hdrs=None):
    ip = ip or access.ip(rng)
    rec.add("signup", t, ip, actor.label, campaign or actor.campaign, akey=actor.akey, email=actor.email,
            username=actor.username, dev=dev if with_device else None, rng=rng, fill_ms=fill, honeypot=honeypot,
            hdrs=hdrs if hdrs is not None else (C.headers(dev) if dev is not None else None))


# ------------------------------------------------------------------------------------ segments
def seg_home(world, rng, rec, actors, n, campaign="home_broadband"):
    """Households on fixed broadband (cable/DSL/fibre), dual stack where the ISP offers IPv6."""
    for _ in range(n):
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc)
        tz = acc.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6])
        mobile = rng.random() < 0.3
        ua = C.pick_from_mix(rng, C.MOBILE_MIX if mobile else C.DESKTOP_MIX)
        dev = C.make_device(rng, ua, tz, langs, ipad_desktop=False)
        if not mobile and ua["browser"] == "Safari" and rng.random() < 0.06:
            dev.platform, dev.touch = "MacIntel", 5  # an iPad requesting the desktop site
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.55)
        if rng.random() < 0.05 and ident.email.endswith("gmail.com"):
            local, dom = act.email.split("@")
            act.email = f"{local}+quillmate@{dom}"  # real people do use sub-addressing
        act.t = local_time(rng, tz)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, typed_fill(rng, dev), honeypot_legit(rng, False, ident))
        if rng.random() < 0.35:  # same person also has a phone
            act.devs.append(C.make_device(rng, C.pick_from_mix(rng, C.MOBILE_MIX), tz, langs))
            act.accesses.append(mobile_access(world, rng, cc, acc.city))
        actors.append(act)


def seg_mobile(world, rng, rec, actors, n, campaign="mobile_carrier_cgnat"):
    """Phones on cellular data: IPv4 behind carrier-grade NAT (a few dozen public addresses per city,
    shared by thousands of subscribers), IPv6 per data session where the carrier has it.
    Includes emerging-market budget Android phones with little memory."""
    em = {"IN": 3, "NG": 2, "ID": 2, "PH": 2, "PK": 2, "BD": 2, "VN": 1.5, "KE": 1.5, "EG": 1.5, "BR": 1.5, "MX": 1.2}
    isos, p = world.legit_country_weights()
    p = np.array([p[i] * em.get(c, 1.0) for i, c in enumerate(isos)])
    p /= p.sum()
    for _ in range(n):
        cc = isos[int(rng.choice(len(isos), p=p))]
        acc = mobile_access(world, rng, cc)
        tz = acc.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6])
        budget = cc in em and rng.random() < 0.5
        ua = C.pick_from_mix(rng, C.ANDROID_MIX if budget else C.MOBILE_MIX)
        tier = (int(C.wchoice(rng, [4, 8], [40, 60])), float(C.wchoice(rng, [1, 2, 4], [10, 50, 40]))) if budget and ua["os"] == "Android" else None
        dev = C.make_device(rng, ua, tz, langs, tier=tier)
        if budget and dev.os == "Android":
            dev.screen = C.wchoice(rng, ["360x800x24", "360x760x24", "360x640x24", "393x851x24"])
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.5)
        act.t = local_time(rng, tz)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, typed_fill(rng, dev, 32, 0.6), honeypot_legit(rng, False, ident))
        actors.append(act)


def seg_launch(world, rng, rec, actors, n, campaign="launch_spike"):
    """The 2.0 launch (front page of a developer news site, product-launch site, a popular video):
    thousands of developers within hours, many on the same big ISPs, fast but human fills."""
    cw = {"US": 40, "GB": 7, "DE": 8, "IN": 10, "CA": 5, "FR": 4, "NL": 3, "BR": 3, "PL": 3, "SE": 2, "AU": 3,
          "JP": 2, "ES": 2, "IT": 2, "UA": 2, "IL": 1.5, "CH": 1, "FI": 1}
    isos = list(cw)
    p = np.array([cw[c] for c in isos], dtype=float)
    p /= p.sum()
    for _ in range(n):
        cc = isos[int(rng.choice(len(isos), p=p))]
        r = rng.random()
        # arrival: main wave decaying from the launch, second wave in Europe's evening / US afternoon
        if r < 0.75:
            t = LAUNCH + timedelta(hours=float(rng.exponential(4.0)))
        else:
            t = LAUNCH + timedelta(hours=float(rng.uniform(17, 30)) + float(rng.exponential(3)))
        t = clip(t)
        mobile = rng.random() < 0.22
        acc = mobile_access(world, rng, cc) if mobile and rng.random() < 0.6 else home_access(world, rng, cc)
        tz = acc.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6], english_bias=0.55)
        ua = C.pick_from_mix(rng, C.MOBILE_MIX if mobile else C.DEV_DESKTOP_MIX)
        dev = C.make_device(rng, ua, tz, langs)
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.6)
        act.t = t
        pm = rng.random() < 0.3
        fill = lognorm_ms(rng, 4.5, 0.5, lo=700) if pm else typed_fill(rng, dev, 19, 0.5)
        act.pm = pm
        if rng.random() < 0.04:
            act.email = I.relay_email(rng)
        emit_signup(rec, rng, act, t, dev, acc, ident, fill, honeypot_legit(rng, pm, ident))
        actors.append(act)


def seg_office(world, rng, rec, actors, n, campaign="office_egress"):
    """Company employees behind one NAT egress (or a cloud security proxy, which egresses from
    hosting address space), on identically imaged managed laptops: same UA, screen, GPU, canvas,
    so identical fingerprints; corporate e-mail domains; team onboarding bursts on weekdays."""
    ents = world.ases_of("enterprise")
    sec = world.ases_of("secproxy")
    made = 0
    while made < n:
        ent = ents[int(rng.integers(len(ents)))]
        b = ent.blocks[0]
        cc = b.city.country
        if COUNTRIES[cc][5] == 0:
            continue
        if rng.random() < 0.35:
            sp = sec[int(rng.integers(len(sec)))]
            sb = sp.block_in(rng, country=cc)
            egress = [Access(world, rng, "fixed", sb) for _ in range(3)]  # proxy rotates among a few nodes
        else:
            egress = [Access(world, rng, "fixed", b)]
        tz = b.city.tz
        ua = C.pick_from_mix(rng, [({"Chrome"}, {"Windows"}, 50), ({"Edge"}, {"Windows"}, 30), ({"Chrome"}, {"Mac OS X"}, 20)])
        image_canvas = int(rng.integers(1 << 48))
        tier = (int(C.wchoice(rng, [8, 12, 16])), 8.0)
        screen = C.wchoice(rng, ["1920x1080x24", "1536x864x24", "1440x900x30" if ua["os"] == "Mac OS X" else "1366x768x24"])
        gpu = None
        team = int(min(n - made, max(3, rng.integers(4, 45))))
        domain = ent.domain or "example-corp.com"
        day = int(rng.choice(np.arange(DAYS), p=WEEKDAY_WORK[np.arange(DAYS) % 7] / WEEKDAY_WORK[np.arange(DAYS) % 7].sum()))
        onboarding = local_time(rng, tz, HOURS_WORK, WEEKDAY_WORK, day=day)
        lang = COUNTRIES[cc][6]
        for i in range(team):
            dev = C.make_device(rng, ua, tz, lang[:1] + (["en"] if not lang[0].startswith("en") else []), canvas=image_canvas, tier=tier)
            dev.screen = screen
            if gpu is None:
                gpu = dev.gpu
            dev.gpu = gpu
            if rng.random() < 0.25:  # some set their own language
                dev.languages = ["en-US", "en"]
            ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
            local = f"{I.ascii_fold(ident.first)}.{I.ascii_fold(ident.last)}" if rng.random() < 0.8 else f"{I.ascii_fold(ident.first)[:1]}{I.ascii_fold(ident.last)}"
            email = f"{local or ident.local}@{domain}"
            act = Actor(akey=rec.new_account(), email=email, username=I.username_from(rng, I.ascii_fold(ident.first) or "x", I.ascii_fold(ident.last) or "y", local),
                        devs=[dev], accesses=egress, label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.7)
            if rng.random() < 0.7:
                t = onboarding + timedelta(minutes=float(rng.exponential(25)))
            else:
                t = local_time(rng, tz, HOURS_WORK, WEEKDAY_WORK)
            act.t = clip(t)
            acc = egress[int(rng.integers(len(egress)))]
            pm = rng.random() < 0.25
            act.pm = pm
            fill = lognorm_ms(rng, 5, 0.5, lo=800) if pm else typed_fill(rng, dev, 24, 0.5)
            emit_signup(rec, rng, act, act.t, dev, acc, ident, fill, honeypot_legit(rng, pm, ident))
            actors.append(act)
            made += 1


def seg_classroom(world, rng, rec, actors, n, campaign="classroom_workshop"):
    """University labs and bootcamp workshops: 15-70 students sign up within the first minutes of a
    session, from the campus egress, on identical lab machines (same image, same fingerprint),
    with the institution's e-mail or personal addresses, usernames that follow student ids."""
    unis = world.ases_of("education")
    made = 0
    while made < n:
        u = unis[int(rng.integers(len(unis)))]
        b = u.block_in(rng)
        cc = b.city.country
        tz = b.city.tz
        egress = Access(world, rng, "fixed", b)
        size = int(min(n - made, rng.integers(15, 70)))
        lab = rng.random() < 0.65
        ua = C.pick_from_mix(rng, [({"Chrome"}, {"Windows"}, 50), ({"Chrome"}, {"Linux"}, 25), ({"Firefox"}, {"Linux", "Ubuntu"}, 15), ({"Chrome"}, {"Chrome OS"}, 10)])
        canvas = int(rng.integers(1 << 48))
        tier = (int(C.wchoice(rng, [4, 8])), 8.0)
        screen = C.wchoice(rng, ["1920x1080x24", "1366x768x24", "1600x900x24"])
        start = local_time(rng, tz, HOURS_WORK, WEEKDAY_WORK)
        uni_dom = "".join(w[0] for w in u.org.lower().replace("of ", "").split() if w[0].isalpha()) + \
            {"US": ".edu", "GB": ".ac.uk", "IN": ".ac.in", "JP": ".ac.jp", "AU": ".edu.au", "BR": ".edu.br",
             "KR": ".ac.kr", "DE": ".de", "FR": ".fr"}.get(cc, "." + cc.lower())
        year = int(rng.integers(21, 26))
        langs = C.languages_for(rng, COUNTRIES[cc][6])
        for i in range(size):
            if lab:
                dev = C.make_device(rng, ua, tz, langs, canvas=canvas, tier=tier)
                dev.screen = screen
                dev.gpu = C.GPUS.get(C.os_key(ua["os"]), C.GPUS["Windows"])[canvas % 3]
            else:
                dev = C.make_device(rng, C.pick_from_mix(rng, C.DEV_DESKTOP_MIX if rng.random() < .8 else C.MOBILE_MIX), tz,
                                    C.languages_for(rng, COUNTRIES[cc][6]))
            ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)), birth_year=int(rng.integers(1998, 2007)))
            if rng.random() < 0.6:
                sid = f"{I.ascii_fold(ident.last)[:6]}{year}{int(rng.integers(100, 999))}"
                email = f"{sid}@{uni_dom}"
                uname = sid
            else:
                email, uname = ident.email, ident.username
            act = Actor(akey=rec.new_account(), email=email, username=uname, devs=[dev],
                        accesses=[egress, home_access(world, rng, cc, b.city)], label=LABEL, campaign=campaign,
                        country=cc, tz=tz, p_return=0.5)
            act.t = clip(start + timedelta(seconds=float(rng.gamma(2.0, 150))))
            emit_signup(rec, rng, act, act.t, dev, egress, ident, typed_fill(rng, dev, 30, 0.6), honeypot_legit(rng, False, ident))
            actors.append(act)
            made += 1


def seg_password_manager(world, rng, rec, actors, n, campaign="password_manager"):
    """People whose password manager generates the password and autofills name/e-mail: the form is
    submitted in one to a few seconds; a few are below a second (autofill + keyboard submit)."""
    for _ in range(n):
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc) if rng.random() < 0.75 else mobile_access(world, rng, cc)
        tz = acc.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6], english_bias=0.4)
        ua = C.pick_from_mix(rng, C.DEV_DESKTOP_MIX if rng.random() < 0.7 else C.MOBILE_MIX)
        dev = C.make_device(rng, ua, tz, langs)
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.65, pm=True)
        if rng.random() < 0.15:
            act.email = I.relay_email(rng)
        act.t = local_time(rng, tz, HOURS_DEV, WEEKDAY_DEV)
        fill = lognorm_ms(rng, 0.8, 0.35, lo=350) if rng.random() < 0.12 else lognorm_ms(rng, 3.2, 0.5, lo=600)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, fill, honeypot_legit(rng, True, ident))
        actors.append(act)


CLI_UAS = ["quillmate-cli/2.3.1 Python/3.12.3 httpx/0.27.0", "quillmate-cli/2.3.0 Python/3.11.9 httpx/0.27.0",
           "quillmate-cli/2.2.4 Python/3.10.12 httpx/0.26.0", "quillmate-node/1.8.0 node/20.12.2 linux x64",
           "quillmate-node/1.8.0 node/22.1.0 darwin arm64", "curl/8.5.0", "curl/7.81.0",
           "quillmate-vscode/0.41.2 (VS Code 1.89.1; linux)", "Go-http-client/2.0"]


def seg_dev_cli(world, rng, rec, actors, n, campaign="dev_cli_cloud"):
    """Developers who sign up through the CLI/SDK `quillmate login --new` or curl from a cloud VM,
    CI runner or hosted dev environment: hosting ASN, no collector script, API user agents.
    A third use a browser in a cloud dev environment (hosting IP, full browser fingerprint)."""
    for _ in range(n):
        cc = pick_country(world, rng)
        kind = "devenv" if rng.random() < 0.25 else "cloud"
        a = world.pick_as(rng, kind, cc)
        b = a.block_in(rng, country=cc)
        vm = Access(world, rng, "hosting", b, v6_share=0.25)
        tz = C.wchoice(rng, [COUNTRIES[cc][8][0][5], "UTC"], [0.6, 0.4])
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        email = ident.email
        r = rng.random()
        if r < 0.15:
            email = f"{I.ascii_fold(ident.first)}@{C.wchoice(rng, ['hey.com', 'fastmail.com', 'proton.me'])}"
        elif r < 0.19:
            email = f"{ident.local}{int(rng.integers(1, 99))}@{C.wchoice(rng, ['mailinator.com', 'maildrop.cc'])}"  # testing
        home = home_access(world, rng, cc)
        act = Actor(akey=rec.new_account(), email=email, username=ident.username, accesses=[vm, home], label=LABEL,
                    campaign=campaign, country=cc, tz=COUNTRIES[cc][8][0][5], p_return=0.6)
        act.t = local_time(rng, COUNTRIES[cc][8][0][5], HOURS_DEV, WEEKDAY_DEV)
        if kind == "devenv" or rng.random() < 0.1:
            ua = C.pick_from_mix(rng, C.DEV_DESKTOP_MIX)
            dev = C.make_device(rng, ua, COUNTRIES[cc][8][0][5], C.languages_for(rng, COUNTRIES[cc][6], 0.6))
            act.devs = [dev]
            emit_signup(rec, rng, act, act.t, dev, vm, ident, typed_fill(rng, dev, 16, 0.5), "")
        else:
            uag = C.wchoice(rng, CLI_UAS, [20, 12, 6, 10, 10, 8, 4, 8, 2])
            hd = {"user-agent": uag, "accept": "application/json", "content-type": "application/json",
                  "accept-encoding": "gzip, deflate"}
            if "curl" in uag:
                hd = {"user-agent": uag, "accept": "*/*", "content-type": "application/json"}
            act.devs = [C.make_device(rng, C.pick_from_mix(rng, C.DEV_DESKTOP_MIX), act.tz, C.languages_for(rng, COUNTRIES[cc][6], 0.6))]
            act.login_style = "mixed"
            rec.add("signup", act.t, vm.ip(rng), LABEL, campaign, akey=act.akey, email=email, username=ident.username, hdrs=hd)
        actors.append(act)


def seg_vpn_relay(world, rng, rec, actors, n, campaign="vpn_privacy_relay"):
    """Privacy-minded people: commercial VPN exits (usually in or near their own country, sometimes
    the US) and iCloud-Private-Relay-style egress (CDN address space, Safari, city-level geo kept),
    often with relay ('hide my e-mail') addresses."""
    vpns = world.ases_of("vpn")
    relays = world.ases_of("relay")
    for _ in range(n):
        cc = pick_country(world, rng)
        home = home_access(world, rng, cc)
        tz = home.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6], 0.4)
        relay = rng.random() < 0.45
        if relay:
            ua = C.pick_ua(rng, {"Safari", "Mobile Safari"}, {"Mac OS X", "iOS"})
            a = relays[int(rng.integers(len(relays)))]
            b = a.block_in(rng, country=cc)
            exitacc = Access(world, rng, "hosting", b, v6_share=0.6)
        else:
            ua = C.pick_from_mix(rng, C.DESKTOP_MIX if rng.random() < 0.7 else C.MOBILE_MIX)
            a = vpns[int(rng.integers(len(vpns)))]
            exit_cc = cc if rng.random() < 0.55 else C.wchoice(rng, ["US", "NL", "DE", "GB", "CH", "SE", "SG"])
            b = a.block_in(rng, country=exit_cc)
            exitacc = Access(world, rng, "hosting", b, v6_share=0.1)
        dev = C.make_device(rng, ua, tz, langs)
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev],
                    accesses=[exitacc, exitacc, home], label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.55)
        if relay and rng.random() < 0.55 or (not relay and rng.random() < 0.2):
            act.email = I.relay_email(rng)
        elif rng.random() < 0.2:
            act.email = f"{ident.local}@{C.wchoice(rng, ['proton.me', 'protonmail.com', 'tutanota.com', 'posteo.de'])}"
        act.t = local_time(rng, tz)
        pm = rng.random() < 0.35
        act.pm = pm
        fill = lognorm_ms(rng, 4, 0.5, lo=700) if pm else typed_fill(rng, dev)
        emit_signup(rec, rng, act, act.t, dev, exitacc, ident, fill, honeypot_legit(rng, pm, ident))
        actors.append(act)


def seg_traveller(world, rng, rec, actors, n, campaign="traveller"):
    """People abroad: hotel/airport/cafe wifi or roaming SIM in another country, while the device
    keeps its home time zone and languages (or switched to the local zone automatically on phones)."""
    for _ in range(n):
        cc = pick_country(world, rng)
        dest = C.wchoice(rng, ["US", "GB", "FR", "ES", "IT", "DE", "JP", "SG", "AE", "TR", "NL", "MX", "ID", "AU", "CH"])
        if dest == cc:
            dest = "US" if cc != "US" else "MX"
        langs = C.languages_for(rng, COUNTRIES[cc][6])
        home_city = world.city(cc, rng=rng)
        mobile = rng.random() < 0.55
        roam = mobile and rng.random() < 0.35
        if roam:
            # roaming traffic is usually routed home: the IP is the home carrier's
            acc = mobile_access(world, rng, cc)
        else:
            a = world.pick_as(rng, "residential", dest) if rng.random() < 0.7 else world.pick_as(rng, "mobile", dest)
            acc = Access(world, rng, "home" if a.kind == "isp" else "mobile", a.block_in(rng, country=dest), 0.1)
        dest_tz = world.city(dest, rng=rng).tz
        tz = dest_tz if (mobile and rng.random() < 0.8) else home_city.tz
        ua = C.pick_from_mix(rng, C.MOBILE_MIX if mobile else C.DESKTOP_MIX)
        dev = C.make_device(rng, ua, tz, langs)
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev],
                    accesses=[acc, home_access(world, rng, cc, home_city)], label=LABEL, campaign=campaign, country=cc,
                    tz=home_city.tz, p_return=0.5)
        act.t = local_time(rng, dest_tz)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, typed_fill(rng, dev), honeypot_legit(rng, False, ident))
        actors.append(act)


def seg_family(world, rng, rec, actors, n, campaign="family_shared_device"):
    """Households where two to five people (parents, teenagers) create accounts on the same computer
    or tablet, same home IP, sometimes the same evening, with related surnames and family domains."""
    made = 0
    while made < n:
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc)
        tz = acc.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6])
        ua = C.pick_from_mix(rng, C.DESKTOP_MIX if rng.random() < 0.6 else C.MOBILE_MIX)
        dev = C.make_device(rng, ua, tz, langs)
        k = int(min(n - made, C.wchoice(rng, [2, 3, 4, 5], [50, 30, 15, 5])))
        f = I.faker_for(cc, int(rng.integers(1 << 30)))
        surname = I.ascii_fold(f.last_name()) or "family"
        t = local_time(rng, tz)
        for i in range(k):
            ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)), birth_year=int(rng.integers(1970, 2010)))
            fa = I.ascii_fold(ident.first) or "kid"
            email = C.wchoice(rng, [f"{fa}.{surname}@{ident.email.split('@')[1]}", f"{fa}{surname}{int(rng.integers(1, 99))}@gmail.com", ident.email])
            act = Actor(akey=rec.new_account(), email=email, username=f"{fa}{surname[:3]}", devs=[dev], accesses=[acc],
                        label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.4)
            act.t = clip(t + timedelta(minutes=float(rng.exponential(20))) if rng.random() < 0.6 else local_time(rng, tz))
            emit_signup(rec, rng, act, act.t, dev, acc, ident, typed_fill(rng, dev, 35, 0.6), honeypot_legit(rng, False, ident))
            actors.append(act)
            made += 1


def seg_old_browser(world, rng, rec, actors, n, campaign="old_browser"):
    """Old machines and unpatched browsers: Windows 7/8.1 Chrome 109, Firefox ESR, Safari 12-13 on
    old Macs and iPads, Android 7/8 phones; no client hints below Chrome 90; slow typing."""
    for _ in range(n):
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc) if rng.random() < 0.7 else mobile_access(world, rng, cc)
        tz = acc.city.tz
        ua = C.old_ua(rng)
        dev = C.make_device(rng, ua, tz, C.languages_for(rng, COUNTRIES[cc][6]),
                            tier=(int(C.wchoice(rng, [2, 4])), 4.0 if ua["os"] != "Android" else 2.0))
        if ua["os"] == "Windows":
            dev.screen = C.wchoice(rng, ["1366x768x24", "1280x1024x24", "1440x900x24", "1024x768x24"])
            dev.gpu = C.wchoice(rng, ["ANGLE (Intel(R) HD Graphics 4000 Direct3D11 vs_5_0 ps_5_0)", "ANGLE (AMD Radeon HD 6450 Direct3D9Ex vs_3_0 ps_3_0)"])
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)), birth_year=int(rng.integers(1950, 1985)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.45)
        if rng.random() < 0.3:
            act.email = f"{ident.local}@{C.wchoice(rng, ['aol.com', 'yahoo.com', 'hotmail.com', 'comcast.net', 'verizon.net', 'sbcglobal.net'])}"
        act.t = local_time(rng, tz)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, typed_fill(rng, dev, 55, 0.6), honeypot_legit(rng, False, ident))
        actors.append(act)


def seg_accessibility(world, rng, rec, actors, n, campaign="accessibility_tools"):
    """Screen-reader, switch-access, voice-control and magnifier users: very long or very regular
    fills, zoomed (small reported) screens, high contrast; dictation tools can also be quick."""
    for _ in range(n):
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc)
        tz = acc.city.tz
        mode = C.wchoice(rng, ["screen_reader", "switch", "voice", "magnifier"], [45, 10, 30, 15])
        ua = C.pick_from_mix(rng, [({"Chrome"}, {"Windows"}, 40), ({"Firefox"}, {"Windows"}, 20), ({"Safari"}, {"Mac OS X"}, 15),
                                   ({"Mobile Safari"}, {"iOS"}, 20), ({"Edge"}, {"Windows"}, 5)])
        dev = C.make_device(rng, ua, tz, C.languages_for(rng, COUNTRIES[cc][6]))
        if mode == "magnifier" and dev.os != "iOS":
            dev.screen = C.wchoice(rng, ["960x540x24", "1280x720x24", "768x432x24", "1097x617x24"])
        if mode == "screen_reader":
            fill = lognorm_ms(rng, 140, 0.6, lo=30000)
        elif mode == "switch":
            fill = lognorm_ms(rng, 420, 0.5, lo=90000)
        elif mode == "voice":
            fill = lognorm_ms(rng, 60, 0.7, lo=4000)
        else:
            fill = lognorm_ms(rng, 90, 0.5, lo=20000)
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.5)
        act.t = local_time(rng, tz)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, fill, "")
        actors.append(act)


def seg_privacy_browser(world, rng, rec, actors, n, campaign="privacy_hardened_browser"):
    """Brave (canvas/audio farbling: a different fingerprint every session, hardware concurrency
    randomised), Firefox with resistFingerprinting (UTC time zone, en-US, rounded window sizes,
    Firefox ESR-like UA) and a few Tor Browser users (Tor exit, 'Windows' Firefox UA, UTC)."""
    tor = world.ases_of("tor")
    for _ in range(n):
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc)
        tz = acc.city.tz
        mode = C.wchoice(rng, ["brave", "rfp", "tor"], [60, 30, 10])
        langs = C.languages_for(rng, COUNTRIES[cc][6], 0.5)
        if mode == "brave":
            ua = C.pick_ua(rng, {"Chrome"}, {"Windows", "Mac OS X", "Linux"})
            dev = C.make_device(rng, ua, tz, langs)
            dev.fp_random = True
            dev.hw = int(rng.integers(2, dev.hw + 1))
            dev.ch_override = {"sec-ch-ua": C.sec_ch_ua(dev).replace('"Google Chrome"', '"Brave"'),
                               "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": C.CH_PLATFORM.get(dev.os, '"Windows"')}
            dev.mem = None if rng.random() < 0.5 else dev.mem
        else:
            ua = {"useragent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
                  "browser": "Firefox", "os": "Windows", "type": "desktop", "browser_version": "128"}
            if mode == "rfp" and rng.random() < 0.4:
                ua = {"useragent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                      "browser": "Firefox", "os": "Linux", "type": "desktop", "browser_version": "128"}
            dev = C.make_device(rng, ua, "UTC", ["en-US", "en"], canvas=7777 if mode == "tor" else 4242)
            dev.screen = C.wchoice(rng, ["1400x900x24", "1000x900x24", "1600x900x24", "1200x800x24"])
            dev.hw = 2 if mode == "tor" else 4
            dev.gpu = "Mozilla"
            dev.platform = "Win32" if "Windows" in ua["useragent"] else "Linux x86_64"
            if mode == "tor":
                t_as = tor[int(rng.integers(len(tor)))]
                acc = Access(world, rng, "fixed", t_as.block_in(rng))
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        act = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                    label=LABEL, campaign=campaign, country=cc, tz=tz, p_return=0.5)
        if rng.random() < 0.45:
            act.email = I.relay_email(rng) if rng.random() < 0.5 else f"{ident.local}@proton.me"
        act.t = local_time(rng, tz, HOURS_DEV, WEEKDAY_DEV)
        pm = rng.random() < 0.5
        act.pm = pm
        fill = lognorm_ms(rng, 4, 0.5, lo=700) if pm else typed_fill(rng, dev, 22)
        emit_signup(rec, rng, act, act.t, dev, acc, ident, fill, "")
        actors.append(act)


def seg_honest_multi(world, rng, rec, actors, n, campaign="honest_second_account"):
    """Honest people with two accounts: work and personal e-mail on the same laptop minutes or days
    apart, or a second signup after a typo in the first address (the first never verified)."""
    made = 0
    while made < n:
        cc = pick_country(world, rng)
        acc = home_access(world, rng, cc)
        tz = acc.city.tz
        ua = C.pick_from_mix(rng, C.DEV_DESKTOP_MIX)
        dev = C.make_device(rng, ua, tz, C.languages_for(rng, COUNTRIES[cc][6], 0.4))
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        typo = rng.random() < 0.4
        t = local_time(rng, tz, HOURS_DEV, WEEKDAY_DEV)
        if typo:
            local, dom = ident.email.split("@")
            bad = {"gmail.com": "gmial.com", "outlook.com": "outlok.com", "hotmail.com": "hotmal.com", "yahoo.com": "yaho.com"}.get(dom, dom + "m")
            emails = [f"{local}@{bad}", ident.email]
            gaps = [0, float(rng.uniform(2, 40)) * 60]
        else:
            emails = [ident.email, f"{I.ascii_fold(ident.first)}.{I.ascii_fold(ident.last)}@{C.wchoice(rng, ['acme-robotics.io', 'northwind.dev', 'tailspin.co', 'contoso-labs.com', 'fabrikam.ai'])}"]
            gaps = [0, float(rng.exponential(2 * 86400))]
        for e, g in zip(emails, gaps):
            act = Actor(akey=rec.new_account(), email=e, username=ident.username + ("" if g == 0 else str(int(rng.integers(2, 99)))),
                        devs=[dev], accesses=[acc], label=LABEL, campaign=campaign, country=cc, tz=tz,
                        p_return=0.1 if (typo and g == 0) else 0.6)
            act.t = clip(t + timedelta(seconds=g))
            emit_signup(rec, rng, act, act.t, dev, acc, ident, typed_fill(rng, dev, 20), "")
            actors.append(act)
            made += 1


LEGIT_SEGMENTS = [
    ("home_broadband", seg_home, 6400),
    ("mobile_carrier_cgnat", seg_mobile, 5200),
    ("launch_spike", seg_launch, 3000),
    ("office_egress", seg_office, 1600),
    ("classroom_workshop", seg_classroom, 1400),
    ("password_manager", seg_password_manager, 1500),
    ("dev_cli_cloud", seg_dev_cli, 1100),
    ("vpn_privacy_relay", seg_vpn_relay, 1400),
    ("traveller", seg_traveller, 700),
    ("family_shared_device", seg_family, 600),
    ("old_browser", seg_old_browser, 600),
    ("accessibility_tools", seg_accessibility, 350),
    ("privacy_hardened_browser", seg_privacy_browser, 450),
    ("honest_second_account", seg_honest_multi, 400),
]
