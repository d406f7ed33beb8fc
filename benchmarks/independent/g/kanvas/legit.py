"""Legitimate population of Kanvas: every segment that signs up or logs in.

Each function documents its parameters; PARAMS holds the knobs the README
table quotes.
"""
from . import clients as C
from . import identity as I
from .geo import COUNTRIES, USER_BASE, tz_offset
from .internet import HomeLine, MobileLine, PoolLine, fmt4
from .rand import W, wpick
from .world import (CONSUMER_DAYS, OFFICE_DAYS, ORIGIN, day_of, in_window, local_day, local_time, referer_for,
                    wrap)
from .geo import WINDOW_START

PARAMS = {
    "existing-users": {"accounts": 11500, "logins_per_account": "lognormal, median 2", "fail_first_try": 0.075},
    "organic": {"signups": 26500, "return_rate": 0.42, "cross_device": 0.4, "campus_share": 0.03},
    "icloud-private-relay": {"signups": 900},
    "firefox-rfp": {"signups": 360},
    "brave": {"signups": 520},
    "kr-pc-bang": {"cafes": 7, "signups_per_cafe": "45-75"},
    "art-school-lab": {"classes": 8, "students": "20-32 in ~25 min"},
    "discord-invite-spike": {"signups": 1100, "start": "day 9 18:30 UTC", "decay_min": 55},
    "viral-post-jp": {"signups": 1800, "start": "day 4 20:10 JST", "decay_h": 2.2},
    "agency-egress": {"agencies": 7, "designers": "18-44 each"},
    "cloud-pc": {"signups": 130},
    "vpn-consumers": {"signups": 720},
    "travellers": {"signups": 320},
    "password-managers": {"signups": 1100},
    "api-developers": {"signups": 360},
}
COUNTRY_W = W(USER_BASE)
NIGHT_OWL = ("JP", "KR", "TW")


def _prof(cc):
    return "night_owl" if cc in NIGHT_OWL else "consumer"


# --------------------------------------------------------------------------- existing users
def existing_users(w):
    r = w.stream("legit/existing-users")
    n = PARAMS["existing-users"]["accounts"]
    for _ in range(n):
        cc = COUNTRY_W(r)
        p = w.person(r, cc, 0.0, campaign="existing-users")
        w.legit_accounts.append(p)
        w.legit_refs.append(p.ref)
        k = max(0, int(r.lognorm(2.0, 0.8) - 0.3))
        vpn = vpn_line(w, r, cc) if r.chance(0.035) else None
        for _ in range(k):
            t = local_time(r, p.tz, _prof(cc))
            client = p.primary
            if r.chance(0.3):
                if p.channel == "desktop":
                    if p.phone is None:
                        p.phone = (C.ios_app(r, cc, p.langs, day_of(t)) if p.extra["iphone"]
                                   else C.android_app(r, cc, p.langs, day_of(t)))
                    client = p.phone
                else:
                    client = w.second_desktop(r, p, day_of(t))
            if vpn is not None and r.chance(0.8):
                w.login_session(r, p, t, client, ip_fn=lambda: vpn.ip(r))
            else:
                w.login_session(r, p, t, client)


# --------------------------------------------------------------------------- organic
def _campus_ip(w, r, cc):
    keys = [k for k, v in w.inet.edu.items() if v[0].country == cc]
    if not keys:
        return None
    n4, n6 = w.inet.edu[r.pick(keys)]
    return n6.fmt(n6.host(r)) if r.chance(0.3) else fmt4(n4.host(r))


def organic(w):
    r = w.stream("legit/organic")
    for _ in range(PARAMS["organic"]["signups"]):
        cc = COUNTRY_W(r)
        day = CONSUMER_DAYS(r)
        p = w.person(r, cc, day)
        t = local_time(r, p.tz, _prof(cc), day=day)
        ip = None
        if r.chance(PARAMS["organic"]["campus_share"]):
            ip = _campus_ip(w, r, cc)
            t = local_time(r, p.tz, "office", day=day)
        ref = referer_for(r, cc, p.primary.mobile, w.legit_refs)
        w.signup(r, p, t, ip=ip, referer=ref)
        w.follow_up_logins(r, p, p_return=PARAMS["organic"]["return_rate"], cross_device=PARAMS["organic"]["cross_device"])


def password_managers(w):
    r = w.stream("legit/password-managers")
    for _ in range(PARAMS["password-managers"]["signups"]):
        cc = COUNTRY_W(r)
        day = CONSUMER_DAYS(r)
        p = w.person(r, cc, day, channel="desktop" if r.chance(0.75) else "mobile_web", campaign="password-managers")
        p.pm = True
        t = local_time(r, p.tz, _prof(cc), day=day)
        w.signup(r, p, t, referer=referer_for(r, cc, p.primary.mobile, w.legit_refs))
        w.follow_up_logins(r, p, p_return=0.5)


# --------------------------------------------------------------------------- Private Relay
def private_relay(w):
    """iPhone / Mac Safari users with iCloud+ Private Relay on: egress through
    Akamai, Cloudflare or Fastly, geolocated to their own region, IP shared."""
    r = w.stream("legit/icloud-private-relay")
    cw = W([("JP", 26), ("US", 28), ("GB", 8), ("DE", 6), ("FR", 5), ("CA", 5), ("KR", 5), ("TW", 5), ("AU", 3),
            ("SE", 2), ("NL", 2), ("ES", 2), ("IT", 2), ("SG", 1)])
    for _ in range(PARAMS["icloud-private-relay"]["signups"]):
        cc = cw(r)
        day = CONSUMER_DAYS(r)
        p = w.person(r, cc, day, channel="mobile_web", campaign="icloud-private-relay")
        if r.chance(0.3):
            p.primary = p.desk = C.desktop(r, "safari", "mac", p.langs, p.tz, day)
        else:
            p.primary = p.phone = C.iphone(r, cc, p.langs, p.tz, day)
        p.extra["iphone"] = True
        if r.chance(0.3):
            w.emails.discard(p.email.lower())
            p.email = w.unique_email(r, lambda: I.privacy_email(r, "icloud-hme"))
        relay = w.inet.relay[cc]

        def pr_ip():
            n4, n6 = relay(r)
            return n6.fmt(n6.host(r)) if r.chance(0.55) else fmt4(n4.pooled(r))
        t = local_time(r, p.tz, _prof(cc), day=day)
        w.signup(r, p, t, ip=pr_ip(), referer=referer_for(r, cc, True, w.legit_refs))
        # later logins: relay on Safari, plain network on other devices
        if r.chance(0.45):
            t2 = t + r.expo(2.5) * 86400
            if in_window(t2):
                w.login_session(r, p, t2, p.primary, ip_fn=pr_ip)


# --------------------------------------------------------------------------- Firefox RFP, Brave
def firefox_rfp(w):
    r = w.stream("legit/firefox-rfp")
    cw = W([("DE", 35), ("US", 20), ("FR", 9), ("JP", 10), ("GB", 8), ("NL", 5), ("PL", 5), ("SE", 4), ("FI", 2), ("CA", 2)])
    vpn_w = W([("mullvad", 55), ("proton", 45)])
    for _ in range(PARAMS["firefox-rfp"]["signups"]):
        cc = cw(r)
        day = CONSUMER_DAYS(r)
        p = w.person(r, cc, day, channel="desktop", campaign="firefox-rfp")
        p.primary = p.desk = C.firefox_rfp(r, day)
        if r.chance(0.35):
            w.emails.discard(p.email.lower())
            kind = r.pick(["duck", "simplelogin", "mozmail"])
            p.email = w.unique_email(r, lambda: I.privacy_email(r, kind) if r.chance(0.7) else
                                     f"{p.given.lower()}.{p.family.lower()}@{r.pick(['proton.me', 'posteo.de', 'mailbox.org', 'tutanota.com'])}")
        line = p.home
        if r.chance(0.28):  # Mullvad Browser users usually also run the VPN
            prov = w.inet.host[vpn_w(r)]
            keys = [k for k in prov if k.startswith(cc + ":")] or list(prov)
            n4, n6 = prov[r.pick(keys)]
            line = PoolLine(n4, n6, 0.3)
        t = local_time(r, p.tz, "consumer", day=day)
        w.signup(r, p, t, ip=line.ip(r), referer=f"{ORIGIN}/signup")
        if r.chance(0.4):
            t2 = t + r.expo(2.0) * 86400
            if in_window(t2):
                w.login_session(r, p, t2, C.firefox_rfp(r, day_of(t2)), ip_fn=lambda: line.ip(r))


def brave(w):
    r = w.stream("legit/brave")
    for _ in range(PARAMS["brave"]["signups"]):
        cc = COUNTRY_W(r)
        day = CONSUMER_DAYS(r)
        p = w.person(r, cc, day, channel="desktop", campaign="brave")
        os_ = wpick(r, [("win", 60), ("mac", 25), ("linux", 15)])
        hw = {"screen": (C.MAC_SCREENS if os_ == "mac" else C.WIN_SCREENS)(r), "hc": 8 if os_ == "mac" else C.WIN_HC(r)}
        mk = lambda d: C.desktop(r, "brave", os_, p.langs, p.tz, d, hw=hw)  # noqa: E731  new farbling per session
        p.primary = p.desk = mk(day)
        t = local_time(r, p.tz, _prof(cc), day=day)
        w.signup(r, p, t, referer=f"{ORIGIN}/signup" if r.chance(0.7) else referer_for(r, cc, False, w.legit_refs))
        if r.chance(0.45):
            tt = t
            for _ in range(r.int(1, 3)):
                tt += r.expo(1.8) * 86400 + 3600
                if not in_window(tt):
                    break
                w.login_session(r, p, tt, mk(day_of(tt)))


# --------------------------------------------------------------------------- Korean PC bangs
def kr_pc_bang(w):
    """PC bangs: rows of identical PCs restored from one disk image at every boot
    (same Chrome build, same GPU, same fonts => one fingerprint), behind one
    static IPv4 of a business line."""
    r = w.stream("legit/kr-pc-bang")
    cities = ["KR:Seoul", "KR:Seoul", "KR:Seoul", "KR:Busan", "KR:Incheon", "KR:Daegu", "KR:Seongnam-si"]
    prof = W(list(enumerate([4, 3, 2, 1.2, .6, .3, .2, .2, .3, .5, .8, 1.2, 1.8, 2.2, 2.6, 2.8, 3, 3.4, 4, 4.6, 5, 5.4, 5.6, 5])))
    for i, ck in enumerate(cities):
        line = HomeLine(w.inet, r, "KR", ck)
        ip = fmt4(line.ip4)
        hw = {"screen": r.pick(["1920x1080", "1920x1080", "2560x1440"]), "hc": r.pick([12, 12, 16, 20]), "dm": 8,
              "canvas": f"win-pcbang-image-{i}-{r.pick(C.WIN_GPUS[:7])}", "touch": 0}
        major = r.pick([136, 138, 140, 141])  # image not updated since it was built
        fam = "whale" if r.chance(0.3) else "chrome"
        n = r.int(45, 75)
        for _ in range(n):
            d = CONSUMER_DAYS(r)
            t = wrap(WINDOW_START + d * 86400 + prof(r) * 3600 + r.u() * 3600 - tz_offset("Asia/Seoul"))
            langs = ["ko-KR", "ko", "en-US", "en"]
            p = w.person(r, "KR", day_of(t), channel="desktop", campaign="kr-pc-bang", city_key=ck, langs=langs)
            p.primary = p.desk = C.desktop(r, "whale" if fam == "whale" and r.chance(0.8) else "chrome", "win",
                                           langs, "Asia/Seoul", day_of(t), hw=hw, major=major)
            w.signup(r, p, t, ip=ip, fill=int(r.lognorm(42000, 0.5)))
            # regulars come back to the same café, some log in at home on their phone
            if r.chance(0.5):
                t2 = t + r.expo(2.0) * 86400 + 7200
                if in_window(t2):
                    if r.chance(0.6):
                        w.login_session(r, p, t2, p.primary, ip_fn=lambda: ip)
                    else:
                        p.phone = C.android_app(r, "KR", langs, day_of(t2)) if r.chance(0.7) else C.ios_app(r, "KR", langs, day_of(t2))
                        w.login_session(r, p, t2, p.phone, ip_fn=lambda: p.mobile.ip(r))


# --------------------------------------------------------------------------- art-school labs
LABS = [  # edu net, country, day, local start (h), students, machine, school mail domain
    ("sinet-tokyo", "JP", 2, 13.2, 28, ("chrome", "mac", "M3", "2240x1260"), "st.kanto-art.ac.jp"),
    ("tanet-taipei", "TW", 1, 13.5, 25, ("chrome", "win", None, "1920x1080"), "mail.ntua-arts.edu.tw"),
    ("jisc-london", "GB", 3, 14.0, 30, ("safari", "mac", "M1", "2240x1260"), "arts.lcva.ac.uk"),
    ("kreonet-seoul", "KR", 4, 15.0, 26, ("chrome", "win", None, "2560x1440"), "student.seoul-arts.ac.kr"),
    ("dfn-berlin", "DE", 7, 10.25, 24, ("chrome", "win", None, "1920x1200"), "campus.kunsthochschule-berlin.de"),
    ("sinet-kyoto", "JP", 8, 10.6, 22, ("chrome", "win", None, "1920x1080"), "mail.kyoto-design.ac.jp"),
    ("csu-la", "US", 10, 9.5, 32, ("chrome", "mac", "M2", "2240x1260"), "student.calstate-arts.edu"),
    ("renater-paris", "FR", 11, 14.0, 20, ("safari", "mac", "M3", "2240x1260"), "etu.beaux-arts-paris.fr"),
]


def art_school_labs(w):
    """A teacher walks a class through signing up: 20-32 accounts from one lab
    NAT (or one IPv6 /64) within half an hour, on identical managed machines."""
    r = w.stream("legit/art-school-lab")
    for key, cc, day, start_h, n, (fam, os_, chip, scr), dom in LABS:
        n4, n6 = w.inet.edu[key]
        nat = n4.host(r)
        lab64 = n6.prefix64(r)
        v6_lab = key.startswith("sinet") or key == "renater-paris"
        city = n4.city
        tz = COUNTRIES[cc].city(city).tz
        hw = {"screen": scr, "hc": 8 if os_ == "mac" else 12, "dm": 8, "chip": chip,
              "canvas": f"lab-{key}-{r.hexs(6)}", "touch": 0}
        major = 141
        t0 = WINDOW_START + day * 86400 + start_h * 3600 - tz_offset(tz)
        for i in range(n):
            p = w.person(r, cc, day, channel="desktop", campaign="art-school-lab", city_key=city)
            langs = p.langs
            p.primary = p.desk = C.desktop(r, fam, os_, langs, tz, day, hw=hw, major=major if fam != "safari" else None)
            if r.chance(0.65):
                w.emails.discard(p.email.lower())
                p.email = w.unique_email(r, lambda: (f"{p.given.lower()}.{p.family.lower()}@{dom}" if r.chance(0.5)
                                                     else f"s{r.int(2400000, 2599999)}@{dom}"))
            t = t0 + 240 + r.lognorm(480, 0.6)
            ip = n6.fmt(lab64 | r.iid()) if v6_lab and r.chance(0.6) else fmt4(nat)
            w.signup(r, p, t, ip=ip, fill=int(r.lognorm(95000, 0.45)), referer=f"{ORIGIN}/signup?utm_source=edu&utm_campaign={key}")
            # homework: log in from home later in the week, or in the next class
            if r.chance(0.6):
                t2 = t + r.uniform(0.3, 4.0) * 86400
                if in_window(t2):
                    if r.chance(0.7):
                        c2 = w.phone_browser(r, p, day_of(t2), p.extra["iphone"]) if r.chance(0.5) else w.second_desktop(r, p, day_of(t2))
                        c2 = c2 if c2 is not p.primary else C.desktop(r, "chrome", "win", langs, tz, day_of(t2))
                        w.login_session(r, p, t2, c2, ip_fn=lambda: p.home.ip(r))
                    else:
                        w.login_session(r, p, t0 + 7 * 86400 + r.uniform(300, 2400), p.primary, ip_fn=lambda: fmt4(nat))


# --------------------------------------------------------------------------- spikes
def discord_spike(w):
    """An AI-art Discord server (~120k members) announces a partnership code."""
    r = w.stream("legit/discord-invite-spike")
    t0 = WINDOW_START + 9 * 86400 + 18.5 * 3600
    cw = W([("US", 38), ("BR", 10), ("DE", 7), ("GB", 8), ("FR", 5), ("PL", 5), ("CA", 5), ("ES", 3), ("IT", 3),
            ("NL", 3), ("SE", 2), ("AU", 3), ("JP", 3), ("KR", 2), ("ID", 3)])
    for _ in range(PARAMS["discord-invite-spike"]["signups"]):
        cc = cw(r)
        t = t0 + r.expo(55 * 60) if r.chance(0.9) else t0 + r.uniform(0, 30 * 3600)
        mobile = r.chance(0.38)
        p = w.person(r, cc, 9.8, channel="mobile_web" if mobile else "desktop", campaign="discord-invite-spike")
        if mobile:
            if p.extra["iphone"]:
                p.primary = p.phone = C.iphone(r, cc, p.langs, p.tz, 9.8, inapp="discord" if r.chance(0.45) else None)
            else:
                p.primary = p.phone = C.android_browser(r, cc, p.langs, p.tz, 9.8, family="webview", webview_pkg="com.discord") \
                    if r.chance(0.5) else C.android_browser(r, cc, p.langs, p.tz, 9.8)
        if r.chance(0.02):
            w.emails.discard(p.email.lower())
            p.email = w.unique_email(r, lambda: f"{p.given.lower()}{r.int(1, 999)}@{r.pick(I.LEGIT_DISPOSABLE)}")
        w.signup(r, p, t, referer=f"{ORIGIN}/signup?ref=NEONLAB&utm_source=discord&utm_medium=community")
        w.follow_up_logins(r, p, p_return=0.35)


def viral_post_jp(w):
    """A well-known Japanese illustrator's post with a Kanvas Motion clip goes viral
    on X on a Friday evening: thousands of phones on three carriers' CGNAT."""
    r = w.stream("legit/viral-post-jp")
    t0 = WINDOW_START + 4 * 86400 + 20.17 * 3600 - 9 * 3600
    for _ in range(PARAMS["viral-post-jp"]["signups"]):
        t = t0 + min(r.expo(2.2 * 3600), 30 * 3600)
        ch = wpick(r, [("mobile_web", 70), ("app", 12), ("desktop", 18)])
        p = w.person(r, "JP", 4.5, channel=ch, campaign="viral-post-jp")
        if ch == "mobile_web" and p.extra["iphone"] and r.chance(0.35):
            p.primary = p.phone = C.iphone(r, "JP", p.langs, p.tz, 4.5, inapp="x")
        ip = p.mobile.ip(r) if (p.primary.mobile and r.chance(0.68)) else p.home.ip(r)
        w.signup(r, p, t, ip=ip, referer=f"{ORIGIN}/signup?utm_source=x&utm_medium=social&utm_campaign=motion_showcase")
        w.follow_up_logins(r, p, p_return=0.38)


# --------------------------------------------------------------------------- agencies
AGENCIES = [  # key, egress, country, city, domain, n, (family, os, chip/gpu, screen, hc), chrome pinned, onboarding day
    ("forma-creative", ("corp", "agency-tokyo"), "JP", "JP:Tokyo", "forma-creative.jp", 38, ("chrome", "mac", "M3Pro", "1512x982", 11), 141, 1),
    ("nordlicht", ("zscaler-eu", "DE:Frankfurt am Main"), "DE", "DE:Hamburg", "nordlicht-agentur.de", 30, ("edge", "win", "dell", "1920x1200", 12), 141, 2),
    ("brightfield", ("zscaler-us", "US:New York"), "US", "US:New York", "brightfield.studio", 44, ("chrome", "mac", "M2Pro", "1512x982", 12), 142, 3),
    ("haneul-design", ("corp", "agency-seoul"), "KR", "KR:Seoul", "haneul-design.co.kr", 22, ("whale", "win", "lg", "2560x1440", 16), 140, 7),
    ("atelier-lumiere", ("corp", "agency-paris"), "FR", "FR:Paris", "atelier-lumiere.fr", 18, ("safari", "mac", "M1", "1470x956", 8), None, 8),
    ("pixelforge", ("corp", "studio-la"), "US", "US:Los Angeles", "pixelforge.tv", 25, ("chrome", "mac", "M4", "1728x1117", 14), 142, 9),
    ("kadr-studio", ("corp", "studio-warsaw"), "PL", "PL:Warsaw", "kadr-studio.pl", 20, ("chrome", "win", "hp", "1920x1080", 12), 141, 4),
]


def agencies(w):
    """Designers at agencies adopting Kanvas: one corporate egress (a static
    business block, or Zscaler's cloud proxy that looks like hosting), managed
    laptops of one model with one pinned browser build."""
    r = w.stream("legit/agency-egress")
    for key, egress, cc, city, dom, n, (fam, os_, chip, scr, hc), major, d0 in AGENCIES:
        if egress[0] == "corp":
            net = w.inet.corp[egress[1]]
            ips = [net.base + k for k in (1, 2, 3)]
            ipf = lambda: fmt4(r.pick(ips[:2]) if r.chance(0.9) else ips[2])  # noqa: E731
        else:
            n4, _ = w.inet.host[egress[0]][egress[1]]
            pool = [n4.host(r) for _ in range(6)]
            ipf = lambda pool=pool: fmt4(r.pick(pool))  # noqa: E731
        tz = COUNTRIES[cc].city(city).tz
        hw = {"screen": scr, "hc": hc, "dm": 8, "chip": chip, "canvas": f"corp-{key}-{chip}", "touch": 0}
        for i in range(n):
            onboarding = i < n * 0.55
            day = d0 if onboarding else OFFICE_DAYS(r)
            if not onboarding and day < d0:
                day = d0 + r.int(0, 4)
            p = w.person(r, cc, day, channel="desktop", campaign="agency-egress", city_key=city)
            w.emails.discard(p.email.lower())
            p.email = w.unique_email(r, lambda: wpick(r, [(f"{p.given.lower()}.{p.family.lower()}@{dom}", 50),
                                                          (f"{p.given.lower()}@{dom}", 30),
                                                          (f"{p.given[0].lower()}{p.family.lower()}@{dom}", 20)]))
            p.primary = p.desk = C.desktop(r, fam, os_, p.langs, tz, day, hw=hw, major=major)
            if onboarding:
                t = WINDOW_START + day * 86400 + (10 + r.uniform(0, 2.5)) * 3600 - tz_offset(tz)
            else:
                t = local_time(r, tz, "office", day=day)
            w.signup(r, p, t, ip=ipf(), referer=f"{ORIGIN}/signup?invite=team&org={key}")
            tt = t
            for _ in range(r.int(0, 4)):
                tt = local_time(r, tz, "office", day=min(12, local_day(tt, tz) + r.int(1, 3)))
                if tt <= t or not in_window(tt):
                    break
                if r.chance(0.8):
                    w.login_session(r, p, tt, p.primary, ip_fn=ipf)
                else:
                    w.login_session(r, p, tt + 9 * 3600, w.phone_browser(r, p, day_of(tt), p.extra["iphone"]))


# --------------------------------------------------------------------------- cloud PCs
def cloud_pc(w):
    """People whose desktop is a Windows 365 / WorkSpaces / cloud-gaming VM:
    a hosting ASN, a basic render driver (shared canvas), the right time zone."""
    r = w.stream("legit/cloud-pc")
    cw = W([("US", 35), ("DE", 15), ("GB", 15), ("JP", 15), ("FR", 10), ("KR", 5), ("BR", 5)])
    for _ in range(PARAMS["cloud-pc"]["signups"]):
        cc = cw(r)
        day = OFFICE_DAYS(r)
        p = w.person(r, cc, day, channel="desktop", campaign="cloud-pc")
        prov = wpick(r, [("azure", 60), ("aws", 25), ("ovh", 15)])
        regions = w.inet.host[prov]
        keys = [k for k in regions if k.startswith(cc + ":")] or list(regions)
        n4, _ = regions[r.pick(keys)]
        vm_ip = n4.host(r)
        hw = {"screen": r.pick(["1920x1080", "1920x1080", "2560x1440", "1600x900"]), "hc": r.pick([2, 4, 4, 8]),
              "dm": 8, "canvas": "win-microsoft-basic-render-driver", "touch": 0}
        p.primary = p.desk = C.desktop(r, r.pick(["chrome", "edge", "edge"]), "win", p.langs, p.tz, day, hw=hw)
        t = local_time(r, p.tz, "office", day=day)
        w.signup(r, p, t, ip=fmt4(vm_ip))
        if r.chance(0.5):
            tt = t + r.uniform(0.5, 4) * 86400
            if in_window(tt):
                w.login_session(r, p, tt, p.primary, ip_fn=lambda: fmt4(vm_ip))


# --------------------------------------------------------------------------- VPN consumers
SELF_HOSTED = ["digitalocean", "vultr", "hetzner", "linode", "contabo", "ovh", "aws"]
VPN_MIX = W([("packethub", 28), ("cyberzone", 14), ("proton", 14), ("mullvad", 7), ("m247", 13), ("datacamp", 6),
             ("clouvider", 4), ("warp", 11), ("selfhosted", 12)])


def vpn_line(w, r, cc):
    """A consumer VPN exit (shared by its customers), or the person's own
    WireGuard server on a VPS (one stable address)."""
    kind = VPN_MIX(r)
    if kind == "selfhosted":
        prov = w.inet.host[r.pick(SELF_HOSTED)]
        near = [k for k in prov if k.startswith(cc + ":")]
        n4, n6 = prov[r.pick(near or list(prov))]
        ip = n4.host(r)
        return PoolLine(n4, fixed4=ip)
    prov = w.inet.host[kind]
    own = [k for k in prov if k.startswith(cc + ":")]
    keys = own if (own and r.chance(0.7)) else [k for k in prov if k.startswith("US:")] or list(prov)
    n4, n6 = prov[r.pick(keys)]
    return PoolLine(n4, n6, 0.2)


def vpn_consumers(w):
    r = w.stream("legit/vpn-consumers")
    for _ in range(PARAMS["vpn-consumers"]["signups"]):
        cc = COUNTRY_W(r)
        day = CONSUMER_DAYS(r)
        p = w.person(r, cc, day, campaign="vpn-consumers")
        line = vpn_line(w, r, cc)
        t = local_time(r, p.tz, _prof(cc), day=day)
        w.signup(r, p, t, ip=line.ip(r), referer=referer_for(r, cc, p.primary.mobile, w.legit_refs))
        tt = t
        for _ in range(r.int(0, 3)):
            tt += r.expo(2) * 86400 + 3600
            if not in_window(tt):
                break
            w.login_session(r, p, tt, p.primary, ip_fn=(lambda: line.ip(r)) if r.chance(0.7) else None)


# --------------------------------------------------------------------------- travellers
TRIPS = {"JP": ["FR", "IT", "US", "KR", "TW", "GB", "ES", "CN"], "KR": ["JP", "US", "FR", "TW", "VN", "CN"],
         "US": ["JP", "GB", "FR", "IT", "ES", "KR", "DE", "CN"], "DE": ["ES", "IT", "JP", "US", "FR", "CN"],
         "TW": ["JP", "KR", "US", "CN"], "GB": ["ES", "FR", "IT", "US", "JP"], "FR": ["ES", "IT", "JP", "US"]}


def travellers(w):
    """People abroad: hotel Wi-Fi, roaming (egress stays at the home carrier),
    or a local eSIM.  Phones follow the local time zone, laptops often not."""
    r = w.stream("legit/travellers")
    hw_ = W([("JP", 25), ("KR", 15), ("US", 25), ("DE", 10), ("TW", 10), ("GB", 10), ("FR", 5)])
    for _ in range(PARAMS["travellers"]["signups"]):
        home = hw_(r)
        dest = r.pick(TRIPS[home])
        day = CONSUMER_DAYS(r)
        p = w.person(r, home, day, channel=wpick(r, [("mobile_web", 45), ("app", 25), ("desktop", 30)]),
                     campaign="travellers")
        if dest == "CN":   # business trip to mainland China: Kanvas only reachable by roaming or a VPN
            dtz = "Asia/Shanghai"
            if p.channel == "desktop":
                p.primary = p.desk = C.desktop(r, *desk_family(r, home), p.langs, dtz if r.chance(0.4) else p.tz, day)
            elif p.channel == "mobile_web":
                p.primary = p.phone = (C.iphone(r, home, p.langs, dtz, day) if p.extra["iphone"] else
                                       C.android_browser(r, home, p.langs, dtz, day))
            if p.primary.mobile and r.chance(0.7):
                ipf = lambda: p.mobile.ip(r)  # noqa: E731
            else:
                n4, n6 = w.inet.host[r.pick(["packethub", "m247", "cyberzone", "tefincom", "datacamp"])][
                    r.pick(["JP:Tokyo", "HK:Hong Kong", "SG:Singapore", "US:Los Angeles"])]
                ipf = lambda n4=n4: fmt4(n4.pooled(r))  # noqa: E731
            t = local_time(r, dtz, "consumer", day=day)
            w.signup(r, p, t, ip=ipf())
            if r.chance(0.5):
                tt = t + r.expo(1.5) * 86400
                if in_window(tt):
                    w.login_session(r, p, tt, p.primary, ip_fn=ipf)
            continue
        dcity = wpick(r, [(c, c.weight) for c in COUNTRIES[dest].cities if c.weight > 0])
        dtz = dcity.tz
        dev_tz = dtz if (p.primary.mobile or r.chance(0.5)) else p.tz
        if p.channel == "desktop":
            p.primary = p.desk = C.desktop(r, *desk_family(r, home), p.langs, dev_tz, day)
        elif p.channel == "mobile_web":
            p.primary = p.phone = (C.iphone(r, home, p.langs, dev_tz, day) if p.extra["iphone"] else
                                   C.android_browser(r, home, p.langs, dev_tz, day))
        how = wpick(r, [("hotel", 55), ("roaming", 30), ("esim", 15)])
        if how == "hotel" or not p.primary.mobile:
            hotel = HomeLine(w.inet, r, dest, dcity.key)
            ipf = lambda: hotel.ip(r, v6_ok=False)  # noqa: E731
        elif how == "roaming":
            ipf = lambda: p.mobile.ip(r)  # noqa: E731  home-routed roaming
        else:
            es = MobileLine(w.inet, r, dest)
            ipf = lambda: es.ip(r)  # noqa: E731
        t = local_time(r, dtz, "consumer", day=day)
        w.signup(r, p, t, ip=ipf())
        if r.chance(0.5):
            tt = t + r.expo(1.5) * 86400
            if in_window(tt):
                w.login_session(r, p, tt, p.primary, ip_fn=ipf if r.chance(0.6) else None)


def desk_family(r, cc):
    from .world import desk_mix
    return desk_mix(cc)(r)


# --------------------------------------------------------------------------- API developers
COMPANIES = ["lumenlabs.io", "pixelpipe.dev", "brandloom.com", "motionkit.ai", "adcraft.co", "storyforge.app",
             "nijigen.co.jp", "hanbit-soft.kr", "render-werk.de", "studio-canal-digital.fr", "frameworks.pl",
             "clipfactory.com.br", "vizly.io", "promptwave.ai", "bytecanvas.tw", "mediaflux.co.uk"]


def api_developers(w):
    """Developers integrating the paid API sign up with an HTTP client from a
    server or their laptop, during office hours."""
    r = w.stream("legit/api-developers")
    cw = W([("US", 35), ("JP", 12), ("DE", 10), ("GB", 8), ("KR", 6), ("FR", 5), ("CA", 5), ("PL", 4), ("TW", 4),
            ("BR", 3), ("NL", 3), ("SG", 3), ("AU", 2)])
    lib_w = W([("sdk", 30), ("requests", 22), ("httpx", 14), ("node", 12), ("axios", 8), ("curl", 9), ("go", 5)])
    for _ in range(PARAMS["api-developers"]["signups"]):
        cc = cw(r)
        day = OFFICE_DAYS(r)
        p = w.person(r, cc, day, channel="desktop", campaign="api-developers")
        if r.chance(0.45):
            dom = r.pick(COMPANIES)
            w.emails.discard(p.email.lower())
            p.email = w.unique_email(r, lambda: f"{p.given.lower()}{r.pick(['.', '', '_'])}{p.family.lower()}@{dom}"
                                     if r.chance(0.7) else f"{r.pick(['dev', 'api', 'eng', 'ml'])}+{r.token(4)}@{dom}")
        api = C.api_client(r, lib_w(r))
        if r.chance(0.55):
            prov = w.inet.host[wpick(r, [("aws", 35), ("gcp", 20), ("azure", 10), ("digitalocean", 12), ("hetzner", 10),
                                         ("vultr", 5), ("linode", 8)])]
            keys = [k for k in prov if k.startswith(cc + ":")] or list(prov)
            n4, n6 = prov[r.pick(keys)]
            ip = n6.fmt(n6.host(r)) if (n6 is not None and r.chance(0.2)) else fmt4(n4.host(r))
        else:
            ip = p.home.ip(r)
        t = local_time(r, p.tz, "office", day=day)
        w.signup(r, p, t, ip=ip, client=api)
        if r.chance(0.6):  # then opens the dashboard in a browser to create keys
            tt = t + r.uniform(60, 3 * 86400)
            if in_window(tt):
                w.login_session(r, p, tt, p.primary, ip_fn=lambda: p.home.ip(r))


ALL = [existing_users, organic, password_managers, private_relay, firefox_rfp, brave, kr_pc_bang, art_school_labs,
       discord_spike, viral_post_jp, agencies, cloud_pc, vpn_consumers, travellers, api_developers]
