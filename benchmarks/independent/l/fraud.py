"""Fraud operations. Each is an actor with its own infrastructure, tooling,
rhythm and (lack of) tells; see README.md for the parameters in words."""
import math

import geo
import people
from agents import (SITE, HomeAccess, MobileAccess, Person, PoolAccess, VMAccess, emit_login, emit_signup,
                    human_fill, make_event, ref_code, session_key, tor_access, vpn_access, web_form)
from clients import (ANDROID_SCREENS, Client, _chromium_ch, accept_language, browser_for, forge_cli, forge_sdk,
                     generic_http, make_browser, sec_ch_ua, ua_from_data)
from clients import _DATA as _CLIENT_DATA
from legit import push_awake
from timing import (DAY, END_MS, H, KEYNOTE_MS, MIN, START_MS, at_local, day_of, local_hour, sample_ms)
from util import rng_for, short_hash, wchoice, clamp
from world import privacy_iid

CHEAP_TLDS = [".xyz", ".top", ".click", ".shop", ".site", ".online", ".icu", ".cfd", ".store", ".sbs"]


def catchall_domains(rng, n):
    a = ["kvant", "mint", "orbit", "hash", "cold", "tensor", "hive", "deep", "node", "byte", "flux", "grid", "nova",
         "pulse", "vertex", "lumen", "quark", "drift", "atlas", "cobalt"]
    b = ["compute", "labs", "dev", "ops", "works", "cloud", "systems", "mail", "net", "studio", "hq", "zone"]
    out = []
    while len(out) < n:
        d = rng.choice(a) + rng.choice(["", "-"]) + rng.choice(b) + rng.choice(CHEAP_TLDS)
        if d not in out:
            out.append(d)
    return out


class ResiProxy:
    """A residential / mobile proxy network: every request exits through a real
    subscriber line (the same address space real users come from)."""

    def __init__(self, world, countries, mobile_share=0.0, v6=True):
        self.w = world
        self.countries = countries
        self.mobile_share = mobile_share
        self.v6 = v6

    def pick(self, rng, cc=None, mobile=None):
        cc = cc or wchoice(rng, self.countries)
        mobile = (rng.random() < self.mobile_share) if mobile is None else mobile
        w = self.w
        if mobile and w.has_market(cc, "mobile"):
            asn = w.pick_isp(rng, cc, "mobile")
            if self.v6 and w.has(asn, "mobile", 6) and rng.random() < w.v6share[(asn, "mobile")] * 0.7:
                s = w.sub(rng, asn, "mobile", 6)
                return s.rand_v6(rng), s
            s = w.sub(rng, asn, "mobile", 4)
            return rng.choice(s.pool(48, "cgnat")[:20]), s     # the busy CGNAT addresses real users share
        asn = w.pick_isp(rng, cc, "fixed")
        if self.v6 and w.has(asn, "fixed", 6) and rng.random() < w.v6share[(asn, "fixed")] * 0.3:
            s = w.sub(rng, asn, "fixed", 6)
            return s.rand_v6(rng), s
        s = w.sub(rng, asn, "fixed", 4)
        return s.rand_v4(rng), s


def proxy_tz(sub, cc):
    return sub.city.tz if sub.city else geo.country_tz(cc)


def proxy_city(sub, cc):
    return sub.city or geo.CITIES[cc][0]


class FakeP:
    """Account holder as seen by the portal (the operation behind it is not a person)."""

    def __init__(self, ctx, campaign, email, username, pm=False, tz="UTC", cc="US"):
        self.account = None
        self.email = email
        self.username = username
        self.label = "fraud"
        self.campaign = campaign
        self.pm = pm
        self.tz = tz
        self.cc = cc
        self.ident = None
        self.city = None


def spoof_chrome_api(rng, major=124, al=True):
    """a scripted client that claims to be Chrome but sends no client hints"""
    ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36" % major
    c = Client("api", "spoof_chrome", "none", ua)
    c.extra_headers = {"accept": "application/json, text/plain, */*", "content-type": "application/json"}
    if al:
        c.extra_headers["accept-language"] = "en-US,en;q=0.9"
    c.interactive = False
    return c


def fake_cli(rng, version):
    c = forge_cli(rng, version=version, interactive=False)
    return c


# ============================================================= F1 mining farm
def op_gpu_mining_farm(ctx, target=1400):
    """Crypto-mining credit farm: API sign-ups from rented VPSs in waves."""
    rng = rng_for("op", "gpu_mining_farm")
    w = ctx.world
    camp = "gpu_mining_farm"
    vms = []
    for asn, k in ((51167, 40), (16276, 30), (24940, 30), (45102, 20), (132203, 10), (20473, 10)):
        for _ in range(k):
            vm = VMAccess(w, rng, asn, None, v6_p=0.0)
            vm.six = None
            if w.has(asn, "host", 6) and rng.random() < 0.4:
                s6 = w.sub(rng, asn, "host", 6, vm.city)
                vm.six = (s6, s6.rand_64(rng))        # rotates addresses inside its /64
            vms.append(vm)
    dom1 = catchall_domains(rng, 9)
    dom2 = catchall_domains(rng_for("op", "gpu_mining_farm", "d2"), 7)
    fk = people.pools().pools["en_US"]
    out = []
    made = 0
    day = 0
    pause = (START_MS + 5 * DAY + 12 * H, START_MS + 7 * DAY)
    while made < target and day < 16:
        for wave in range(rng.choice([1, 2, 2, 3])):
            hour = rng.choice([0, 1, 2, 3, 4, 13, 14]) if rng.random() < 0.8 else rng.randrange(24)
            t = START_MS + day * DAY + hour * H + rng.randrange(H)
            if pause[0] <= t < pause[1]:
                continue
            phase2 = t >= pause[1]
            size = rng.randrange(25, 111)
            sub = rng.sample(vms, rng.randrange(8, 21))
            gap = rng.uniform(25, 60) * 1000
            doms = dom2 if phase2 else dom1
            for i in range(size):
                if made >= target or t >= END_MS:
                    break
                t += int(rng.expovariate(1 / gap)) + 800
                vm = rng.choice(sub)
                ip = vm.six[0].addr_in_64(vm.six[1], privacy_iid(rng)) if vm.six else vm.a4
                r = rng.random()
                if phase2:
                    kind = "cli" if r < 0.6 else ("httpx" if r < 0.8 else "chrome")
                else:
                    kind = "cli" if r < 0.2 else ("httpx" if r < 0.6 else "chrome")
                if kind == "cli":
                    client = fake_cli(rng, "2.5.3" if phase2 else "2.1.0")
                elif kind == "httpx":
                    client = generic_http(rng, "httpx")
                else:
                    client = spoof_chrome_api(rng, 124)
                f, l = people._slug(rng.choice(fk[0])), people._slug(rng.choice(fk[2]))
                local = wchoice(rng, [("%s.%s" % (f, l), 60), ("".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8)), 25),
                                      ("%s%d" % (f, rng.randrange(10, 9999)), 15)])
                email = ctx.reg.email(rng, local, rng.choice(doms))
                p = FakeP(ctx, camp, email, ctx.reg.username(rng, local.replace(".", "")))
                form = {"fill_ms": int(rng.uniform(9000, 16000))} if (kind == "cli" and phase2 and rng.random() < 0.5) else None
                out += emit_signup(ctx, rng, t, p, client, None, ip=ip, form=form, referer=None)
                made += 1
                if rng.random() < 0.7:
                    tl = t
                    for _ in range(rng.randrange(1, 4)):
                        tl += int(rng.uniform(2, 30) * H)
                        vm2 = rng.choice(sub)
                        out += emit_login(ctx, rng, tl, p, client, vm2, ip=vm2.a4, fail_p=0.0, by_email=True)
        day += 1
    return out


# ======================================================== F2 distillation farm
def op_distill_scrapers(ctx, target=1000):
    """Playwright + stealth through residential and mobile proxies, 24/7."""
    rng = rng_for("op", "distill_scrapers")
    w = ctx.world
    camp = "distill_scrapers"
    proxy = ResiProxy(w, [("US", 35), ("GB", 15), ("DE", 15), ("IN", 15), ("CA", 10), ("NL", 10)], mobile_share=0.25)
    names = [people.pools().pools[s] for s in ("en_US", "en_US", "en_GB", "en_IN")]
    out = []
    # Poisson arrivals, thinned while the operator (UTC+8) sleeps
    t = START_MS
    made = 0
    rate = target / (16 * 24.0 * 0.86)      # per hour
    while made < target:
        t += int(rng.expovariate(rate) * H)
        if t >= END_MS:
            break
        hu = (t // H) % 24
        if 18 <= hu or hu < 1:
            if rng.random() < 0.6:
                continue
        ip, sub = proxy.pick(rng)
        cc = sub.cc
        tz = "America/New_York" if cc == "US" else proxy_tz(sub, cc)
        major = 152
        ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/152.0.0.0 Safari/537.36"
        c = Client("web", "playwright", "chromium", ua, major, False, ["en-US", "en"], tz, "Win32",
                   wchoice(rng, [("1920x1080x24", 70), ("1366x768x24", 15), ("1536x864x24", 15)]), 8, 8, 0,
                   "pw-%d" % rng.getrandbits(32),
                   {"sec-ch-ua": sec_ch_ua(major, None), "sec-ch-ua-mobile": "?0", "sec-ch-ua-platform": '"Windows"'})
        c.cid = ctx.next_id()
        fm, ff, lm, lf = rng.choice(names)
        fem = rng.random() < 0.4
        f, l = people._slug(rng.choice(ff if fem else fm)), people._slug(rng.choice(lf if fem else lm))
        dom = "gmail.com" if rng.random() < 0.85 else "outlook.com"
        email = ctx.reg.email(rng, "%s.%s%d" % (f, l, rng.randrange(10, 9999)), dom)
        p = FakeP(ctx, camp, email, ctx.reg.username(rng, f + l + str(rng.randrange(10, 999))), tz=tz, cc=cc)
        form = web_form(rng.uniform(7000, 13000))
        out += emit_signup(ctx, rng, t, p, c, None, ip=ip, form=form,
                           referer=SITE + rng.choice(["/signup", "/signup?next=/models", "/signup?next=/keys"]))
        made += 1
        tl = t
        for _ in range(rng.randrange(0, 4)):
            tl += int(rng.uniform(30, 60) * H)
            ip2, _s = proxy.pick(rng, cc=cc)
            p.pm = True
            if tl < END_MS:
                out.append(make_event("login", tl, ip2, c, "fraud", camp, p.account, p.email, None, True,
                                      web_form(rng.uniform(3000, 5000)), SITE + "/login?next=/keys", session_key(c, tl)))
    return out


# ================================================= F3 anti-detect browser shop
def op_antidetect(ctx, target=660):
    """Six operators (UTC+7 office hours) running anti-detect browser profiles,
    one static ISP proxy per profile, geo-consistent."""
    rng = rng_for("op", "antidetect_multiaccount")
    w = ctx.world
    camp = "antidetect_multiaccount"
    targets = [("US", 30), ("GB", 15), ("DE", 15), ("FR", 8), ("NL", 8), ("PL", 6), ("ES", 6), ("IT", 6), ("CA", 6)]
    src = {"US": "en_US", "GB": "en_GB", "DE": "de_DE", "FR": "fr_FR", "NL": "nl_NL", "PL": "pl_PL", "ES": "es_ES",
           "IT": "it_IT", "CA": "en_CA"}
    tz_op = "Asia/Ho_Chi_Minh"
    out = []
    made = 0
    ops = []
    for k in range(6):
        ops.append({"kernel_lag": k < 3, "kernel": rng.choice([146, 148, 150]),
                    "screens": rng.sample(["1920x1080x24", "1536x864x24", "1440x900x24", "2560x1440x24", "1366x768x24", "1600x900x24"], 4)})
    for day in range(16):
        for k, op in enumerate(ops):
            t = at_local(day, 8, 30, tz_op) + rng.randrange(0, 40 * MIN)
            loc_wd = (day + 0) % 7          # window day 0 is a Monday
            if loc_wd == 6:
                continue                    # Sundays off
            for i in range(rng.randrange(5, 12)):
                t += int(rng.uniform(8, 25) * MIN)
                lh = local_hour(t, tz_op)
                if lh == 12:
                    t += 60 * MIN
                if local_hour(t, tz_op) >= 18 or made >= target or t >= END_MS:
                    break
                cc = wchoice(rng, targets)
                asn = w.pick_isp(rng, cc, "fixed")
                city = wchoice(rng, [(c, c.weight) for c in geo.CITIES[cc]])
                home = HomeAccess(w, rng, cc, city, asn=asn, v6_bias=0.0)     # a static "ISP proxy"
                home.lease_days = 400
                ident = people.make_identity(rng, cc, src[cc], age=(24, 50))
                langs = people.langs_for(rng, cc)
                claimed = 153 if t < START_MS + 9 * DAY else rng.choice([153, 154])
                ch_major = op["kernel"] if op["kernel_lag"] else claimed
                ua = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/%d.0.0.0 Safari/537.36" % claimed)
                hw, mem = rng.choice([(4, 8), (8, 8), (12, 8), (16, 8)])
                c = Client("web", "antidetect", "chromium", ua, claimed, False, langs, city.tz, "Win32",
                           rng.choice(op["screens"]), hw, mem, 0, "ad-%d" % rng.getrandbits(32),
                           _chromium_ch(ch_major, "Google Chrome", "Windows", False))
                c.cid = ctx.next_id()
                dom = wchoice(rng, [("outlook.com", 40), ("hotmail.com", 20), ("gmail.com", 30), ("yahoo.com", 10)])
                f, l = people._slug(ident.first), people._slug(ident.last)
                local = wchoice(rng, [("%s.%s%d" % (f, l, ident.birth_year), 40), ("%s%s%d" % (f, l, rng.randrange(10, 99)), 30),
                                      ("%s.%s" % (f, l), 30)])
                email = ctx.reg.email(rng, local, dom, min_len=6)
                p = FakeP(ctx, camp, email, people.username_for(rng, ctx.reg, ident, email), tz=city.tz, cc=cc)
                p.ident = ident
                form = web_form(rng.lognormvariate(math.log(16000), 0.35))
                out += emit_signup(ctx, rng, t, p, c, home, form=form)
                made += 1
                if rng.random() < 0.5:
                    tl = at_local(day + rng.randrange(1, 6), rng.randrange(9, 17), rng.randrange(60), tz_op) + rng.randrange(60000)
                    if tl < END_MS:
                        out += emit_login(ctx, rng, tl, p, c, home, fail_p=0.02)
    return out


# ===================================================== F4 Android phone farm
def op_phone_farm(ctx, target=600):
    """Racks of cheap Android phones on local SIMs, driven over ADB at night."""
    rng = rng_for("op", "android_phone_farm")
    w = ctx.world
    camp = "android_phone_farm"
    farms = [("NG", "NG/Lagos", [29465, 36873], ["en_NG", "yo_NG", "ig_NG"]),
             ("KE", "KE/Nairobi", [33771], ["en_KE"]),
             ("BD", "BD/Dhaka", [24389, 24432], ["en_BD"]),
             ("PK", "PK/Karachi", [45669, 59257], ["en_PK"])]
    out = []
    made = 0
    farm_objs = []
    for cc, ckey, carriers, srcs in farms:
        city = geo.CITY_BY_KEY[ckey]
        models = rng.sample(["Infinix X6833B", "TECNO KJ5", "itel A665L", "23129RAA4G", "SM-A057F"], 3)
        phones = []
        for k in range(40):
            model = models[k % 3]
            mr = rng_for("farm-model", cc, model)          # same model -> same hardware answers
            ua = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Mobile Safari/537.36"
            c = Client("web", "chrome_android", "chromium", ua, 146, True, people.langs_for(mr, cc), city.tz,
                       "Linux armv81", wchoice(mr, ANDROID_SCREENS), 8, 4, 5, "android-%s-0" % model,
                       _chromium_ch(146, "Google Chrome", "Android", True))
            c.cid = ctx.next_id()
            acc = MobileAccess(w, rng, cc, city, asn=rng.choice(carriers))
            phones.append((c, acc))
        farm_objs.append((cc, city, phones, srcs))
    nights = list(range(16))
    while made < target:
        progress = False
        for night in nights:
            for cc, city, phones, srcs in farm_objs:
                if rng.random() < 0.3:
                    continue                 # not every night
                t = at_local(night, rng.choice([0, 1]), rng.randrange(60), city.tz)
                for i in range(rng.randrange(8, 22)):
                    if made >= target:
                        break
                    t += int(rng.uniform(2, 9) * MIN)
                    if local_hour(t, city.tz) >= 5 or t >= END_MS or t < START_MS:
                        break
                    c, acc = rng.choice(phones)
                    acc.sess = None               # airplane-mode toggle: new address
                    ident = people.make_identity(rng, cc, rng.choice(srcs))
                    f, l = people._slug(ident.first), people._slug(ident.last)
                    email = ctx.reg.email(rng, "%s%s%d" % (f, rng.choice([".", ""]) + l, rng.randrange(100, 9999)), "gmail.com")
                    p = FakeP(ctx, camp, email, ctx.reg.username(rng, f + l[:3] + str(rng.randrange(10, 999))), tz=city.tz, cc=cc)
                    form = web_form(max(2500, rng.gauss(4200, 300)))
                    out += emit_signup(ctx, rng, t, p, c, acc, form=form, referer=SITE + "/signup")
                    made += 1
                    progress = True
                    if rng.random() < 0.1:
                        out += emit_login(ctx, rng, t + int(rng.uniform(20, 60) * H), p, c, acc, fail_p=0.0)
            if made >= target:
                break
        if not progress:
            break
    return out


# ================================================= F5 referral alias cyclers
def op_referral_cyclers(ctx, target=550):
    """Individuals farming referral credit with address variants of one mailbox."""
    rng = rng_for("op", "referral_cyclers")
    w = ctx.world
    camp = "referral_cyclers"
    ccs = ["IN", "IN", "PK", "NG", "EG", "TR", "UA", "BD", "KE", "IN", "PK", "RO", "NG", "EG", "IN", "TR", "BD", "PK"]
    out = []
    made = 0
    for k, cc in enumerate(ccs):
        if made >= target:
            break
        me = Person(ctx, rng, cc)
        me.label, me.campaign = "fraud", camp
        t = sample_ms(rng, me.tz, cc, "consumer", hi_ms=START_MS + 6 * DAY)
        laptop = me.device(ctx, rng, t, "laptop", "desktop")
        second = me.device(ctx, rng, t, "second", "desktop", family="edge_win" if "edge" not in laptop.family else "chrome_win")
        second.screen, second.hw = laptop.screen, laptop.hw
        phone = me.device(ctx, rng, t, "phone", "mobile")
        home = HomeAccess(w, rng, cc, me.city, v6_bias=0.8)
        home.lease_days = 1                  # reboots the router for a new address
        hotspot = MobileAccess(w, rng, cc, me.city)
        f, l = people._slug(me.ident.first), people._slug(me.ident.last)
        base = f + l
        style = wchoice(rng, [("gmail", 70), ("catchall", 15), ("outlook_plus", 15)])
        catch = rng.choice(["%s%s.site" % (f, rng.choice(["tech", "dev", "hub"])), "%s-%s.online" % (f, l)])
        n_acc = rng.randrange(15, 61)
        code = ref_code(rng)
        prev_code = code
        seen = set()
        for i in range(n_acc):
            if made >= target:
                break
            if i % rng.choice([3, 4, 5, 6, 8]) == 0 and i > 0:
                t = push_awake(t + int(rng.uniform(4, 30) * H), me.tz, rng)
                t = sample_ms(rng, me.tz, cc, "consumer", lo_ms=t, hi_ms=min(END_MS, t + 2 * DAY)) if t < END_MS - 2 * H else t
            else:
                t += int(rng.uniform(3, 18) * MIN)
            if t >= END_MS:
                break
            if style == "gmail":
                trick = rng.random()
                if trick < 0.45:      # dots
                    pos = sorted(rng.sample(range(1, len(base)), min(len(base) - 1, rng.randrange(1, 4))))
                    loc = "".join(ch + ("." if j + 1 in pos else "") for j, ch in enumerate(base))
                    dom = "gmail.com"
                elif trick < 0.85:
                    loc = "%s+%s" % (base, rng.choice(["f", "forge", "gpu", "a", "x", ""]) + str(rng.randrange(1, 99)))
                    dom = "gmail.com"
                else:
                    loc = base
                    dom = "googlemail.com"
                if rng.random() < 0.1:
                    loc = loc.capitalize()
            elif style == "catchall":
                ident = people.make_identity(rng, cc)
                loc = people.local_part(rng, ident)
                dom = catch
            else:
                loc = "%s.%s+%d" % (f, l, rng.randrange(1, 999))
                dom = "outlook.com"
            if (loc + dom).lower() in seen or ctx.reg.taken_email(loc + "@" + dom):
                continue
            seen.add((loc + dom).lower())
            email = loc + "@" + dom
            ctx.reg.add_email(email)
            p = FakeP(ctx, camp, email, ctx.reg.username(rng, (f + l)[:10] + str(rng.randrange(1, 999))), pm=True, tz=me.tz, cc=cc)
            p.ident, p.city = me.ident, me.city
            client, acc = wchoice(rng, [((laptop, home), 50), ((second, home), 20), ((phone, hotspot), 25), ((laptop, hotspot), 5)])
            form = web_form(rng.uniform(4000, 12000))
            out += emit_signup(ctx, rng, t, p, client, acc, form=form, referer=SITE + "/signup?ref=" + prev_code)
            made += 1
            prev_code = ref_code(rng) if rng.random() < 0.3 else prev_code
            tl = t + int(rng.uniform(10 * MIN, 40 * H))
            out += emit_login(ctx, rng, tl, p, client, acc, fail_p=0.02)
    return out


# ================================================ F6 human CAPTCHA/click farm
def op_captcha_farm(ctx, target=700):
    """Paid workers create accounts by hand on their own phones and lines; the
    buyer later uses the accounts from a few hosting addresses."""
    rng = rng_for("op", "captcha_farm_workers")
    w = ctx.world
    camp = "captcha_farm_workers"
    workers = [("BD", 25), ("PK", 15), ("IN", 12), ("NG", 10), ("KE", 5), ("EG", 3)]
    buyer_ips = []
    for asn, ckey in ((132203, "HK/Hong Kong"), (45102, "SG/Singapore"), (21859, "HK/Hong Kong"),
                      (135377, "SG/Singapore"), (45102, "HK/Hong Kong")):
        vm = VMAccess(w, rng, asn, geo.CITY_BY_KEY[ckey])
        buyer_ips.append(vm.a4)
    buyer_client = generic_http(rng, "httpx")
    buyer_client.cid = ctx.next_id()
    sdk = forge_sdk(rng)
    sdk.cid = ctx.next_id()
    out = []
    made = 0
    wlist = []
    for cc, k in workers:
        for _ in range(k):
            wlist.append(cc)
    rng.shuffle(wlist)
    for cc in wlist:
        if made >= target:
            break
        me = Person(ctx, rng, cc)
        dev = me.device(ctx, rng, START_MS, "phone", "mobile", outdated_p=0.15)
        devs = [dev]
        if rng.random() < 0.35:
            devs.append(me.device(ctx, rng, START_MS, "pc", "desktop"))
        acc = MobileAccess(w, rng, cc, me.city) if rng.random() < 0.65 or not w.has_market(cc, "fixed") else HomeAccess(w, rng, cc, me.city)
        start_day = rng.randrange(0, 13)
        n_acc = rng.randrange(5, 16)
        days = sorted(rng.sample(range(start_day, min(16, start_day + 6)), min(3, 16 - start_day)))
        for i in range(n_acc):
            if made >= target:
                break
            day = rng.choice(days)
            t = at_local(day, rng.randrange(10, 20), rng.randrange(60), me.tz) + rng.randrange(60000)
            if t >= END_MS or t < START_MS:
                continue
            src = rng.choice([None, None, "en_US"])
            ident = people.make_identity(rng, cc if src is None else "US", src)
            p = FakeP(ctx, camp, None, None, tz=me.tz, cc=cc)
            p.ident, p.city = ident, me.city
            p.email = people.personal_email(rng, ctx.reg, ident, cc, mobile=True,
                                            domain=rng.choice(["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com"]),
                                            style=rng.choice(["f.l##", "flYY", "fl#", "f###", "f.l"]))
            p.username = people.username_for(rng, ctx.reg, ident, p.email)
            client = rng.choice(devs)
            out += emit_signup(ctx, rng, t, p, client, acc, form=web_form(human_fill(rng, client.mobile, False)))
            made += 1
            tl = t + int(rng.uniform(1, 48) * H)
            for _ in range(rng.randrange(1, 3)):
                if tl >= END_MS:
                    break
                c2 = sdk if rng.random() < 0.5 else buyer_client
                out += emit_login(ctx, rng, tl, p, c2, None, ip=rng.choice(buyer_ips), fail_p=0.0, by_email=True)
                tl += int(rng.uniform(6, 72) * H)
    return out


# ============================================== F7 sanctioned-country evasion
def op_sanctions(ctx, target=450):
    rng = rng_for("op", "sanctions_evasion")
    w = ctx.world
    camp = "sanctions_evasion"
    out = []
    hosts = [(210644, 25), (44477, 20), (24940, 15), (3214, 10), (57043, 10), (47583, 10), (199524, 10)]
    for _ in range(target):
        cc = wchoice(rng, [("RU", 60), ("BY", 12), ("IR", 25), ("SY", 2), ("CU", 1)])
        me = Person(ctx, rng, cc)
        me.label, me.campaign = "fraud", camp
        if cc in ("SY", "CU"):
            me.langs = ["ar-SY", "ar", "en"] if cc == "SY" else ["es-ES", "es", "en"]
        ms = sample_ms(rng, me.tz, cc, rng.choice(["consumer", "dev", "worker"]))
        if cc == "RU" and rng.random() < 0.15:
            client = make_browser(rng, ms, me.langs, me.tz, "yandex_win")
            client.cid = ctx.next_id()
        else:
            client = me.device(ctx, rng, ms, "main", "desktop" if rng.random() < 0.7 else "mobile")
        r = rng.random()
        if r < 0.55:
            acc = vpn_access(w, rng, exit_cc=rng.choice(["DE", "NL", "FI", "SE", "TR", "AE", "US", "GB", "CH", "PL"]))
            exit_city = getattr(acc, "exit_city", None)
        elif r < 0.95:
            asn = wchoice(rng, hosts)
            acc = VMAccess(w, rng, asn, None, v6_p=0.3)
            exit_city = acc.city
        else:
            acc = HomeAccess(w, rng, cc, me.city) if rng.random() < 0.6 else MobileAccess(w, rng, cc, me.city)
            exit_city = me.city
        if rng.random() < 0.2 and exit_city is not None:
            client.tz_override = exit_city.tz       # careful ones align the clock with the exit
        email = people.personal_email(rng, ctx.reg, me.ident, cc)
        finish = people.username_for(rng, ctx.reg, me.ident, email)
        me.email, me.username = email, finish
        me.pm = rng.random() < 0.3
        out += emit_signup(ctx, rng, ms, me, client, acc)
        if rng.random() < 0.5:
            tl = ms
            home = HomeAccess(w, rng, cc, me.city) if w.has_market(cc, "fixed") else None
            for _ in range(rng.randrange(1, 4)):
                tl = push_awake(tl + int(rng.uniform(10, 70) * H), me.tz, rng)
                a2 = home if (home and rng.random() < 0.08) else acc       # the VPN dropped
                out += emit_login(ctx, rng, tl, me, client, a2)
    return out


# ================================================== F8 naive API sign-up bots
def op_api_bots(ctx, target=700):
    rng = rng_for("op", "api_signup_bots")
    w = ctx.world
    camp = "api_signup_bots"
    out = []
    disp = people.DISPOSABLE[:6]
    fresh_disp = ["inboxbear.click", "mailpuff.sbs", "tmpbox.icu", "quickinbox.cfd"]
    # run A: sequential names from a handful of VPSs
    vms = [VMAccess(w, rng, rng.choice([20473, 14061]), None) for _ in range(6)]
    t = START_MS + 1 * DAY + 2 * H + 10 * MIN
    client = generic_http(rng, "requests")
    client.cid = ctx.next_id()
    seq = rng.randrange(100, 400)
    for i in range(220):
        t += int(rng.uniform(2000, 5000))
        seq += 1
        u = "gpufree%04d" % seq
        p = FakeP(ctx, camp, ctx.reg.email(rng, u, rng.choice(disp)), ctx.reg.username(rng, u))
        out += emit_signup(ctx, rng, t, p, client, None, ip=rng.choice(vms).a4, form=None, referer=None)
    # run B: posts the HTML form without running JavaScript, through Tor and a bullet-proof host
    tor = tor_access(w, rng)
    bp = [VMAccess(w, rng, 44477, None) for _ in range(4)]
    t = START_MS + 4 * DAY + 21 * H
    fk = people.pools().pools["en_US"]
    for i in range(260):
        t += int(rng.uniform(3000, 9000))
        c = spoof_chrome_api(rng, 120, al=rng.random() < 0.5)
        c.kind = "web"
        c.collector = False
        c.fetch_meta = False
        c.extra_headers = {"content-type": "application/x-www-form-urlencoded"}
        f, l = people._slug(rng.choice(fk[0])), people._slug(rng.choice(fk[2]))
        email = ctx.reg.email(rng, f + l + str(rng.randrange(1, 99)), rng.choice(disp + ["gmail.com"]))
        p = FakeP(ctx, camp, email, ctx.reg.username(rng, f + l))
        hp = rng.choice(["http://" + f + l + ".com", email, "1", f]) if rng.random() < 0.6 else ""
        ip = tor.ip(rng, t) if rng.random() < 0.5 else rng.choice(bp).a4
        c.al = None
        out += emit_signup(ctx, rng, t, p, c, None, ip=ip, form=web_form(rng.uniform(300, 900), hp), referer=SITE + "/signup")
    # run C: Go client, a fresh IPv6 address (and /64) for every request inside one /48
    s6 = w.sub(rng, 199524, "host", 6)
    t = START_MS + 11 * DAY + 3 * H
    gc = generic_http(rng, "go")
    gc.cid = ctx.next_id()
    for i in range(target - 480):
        t += int(rng.uniform(1500, 4000))
        u = "%010x" % rng.getrandbits(40)
        p = FakeP(ctx, camp, ctx.reg.email(rng, u, rng.choice(fresh_disp)), ctx.reg.username(rng, "u" + u[:8]))
        out += emit_signup(ctx, rng, t, p, gc, None, ip=s6.rand_v6(rng), form=None, referer=None)
    return out


# ================================================= F9 adaptive credit farm
def op_adaptive(ctx, target=740):
    """Changes tactics twice after noticing blocks (Nov 5 14:00Z, Nov 10 20:00Z)."""
    rng = rng_for("op", "adaptive_credit_farm")
    w = ctx.world
    camp = "adaptive_credit_farm"
    out = []
    adj, noun = people.ADJ, people.NOUN
    fk = [people.pools().pools[s] for s in ("en_US", "en_GB", "en_CA")]

    def uname():
        return ctx.reg.username(rng, rng.choice(adj) + rng.choice(noun) + str(rng.randrange(10, 99)))

    # ---- phase A: headless Chrome from data-centre VMs
    vms = [VMAccess(w, rng, rng.choice([14061, 20473, 63949]), None) for _ in range(40)]
    doms = catchall_domains(rng_for("op", "adaptive", "doms"), 3)
    t = START_MS + int(rng.uniform(1, 5) * H)
    notice_a = START_MS + 3 * DAY + 14 * H
    n_a = 0
    while t < notice_a and n_a < 380:
        t += int(rng.expovariate(380 / (86 * 3600.0)) * 1000)
        vm = rng.choice(vms)
        headless = rng.random() < 0.3
        ua = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) %s/150.0.0.0 Safari/537.36"
              % ("HeadlessChrome" if headless else "Chrome"))
        c = Client("web", "puppeteer", "chromium", ua, 150, False, ["en-US"], "UTC", "Linux x86_64",
                   "800x600x24" if rng.random() < 0.5 else "1920x1080x24", rng.choice([2, 4]), rng.choice([2, 4, 8]), 0,
                   "vm-swiftshader", _chromium_ch(150, "HeadlessChrome" if headless else "Google Chrome", "Linux", False),
                   webdriver=rng.random() < 0.4)
        c.cid = ctx.next_id()
        local = "%s%d" % (rng.choice(noun), rng.randrange(100, 9999)) if rng.random() < 0.5 else \
            people._slug(rng.choice(fk[0][0])) + str(rng.randrange(10, 999))
        email = ctx.reg.email(rng, local, rng.choice(doms + people.DISPOSABLE[:3]))
        p = FakeP(ctx, camp, email, uname())
        hp = "on" if rng.random() < 0.25 else ""
        out += emit_signup(ctx, rng, t, p, c, None, ip=vm.a4, form=web_form(rng.uniform(900, 2500), hp),
                           referer=SITE + "/signup?ref=GPU4FREE")
        n_a += 1
    # ---- phase B: residential proxies + stealth, pinned Chrome 150
    proxy = ResiProxy(w, [("US", 60), ("GB", 25), ("CA", 15)], mobile_share=0.0, v6=False)
    t = START_MS + 4 * DAY + 10 * H
    notice_b = START_MS + 8 * DAY + 20 * H
    n_b = 0
    while t < notice_b and n_b < 220:
        t += int(rng.expovariate(220 / (106 * 3600.0)) * 1000)
        ip, sub = proxy.pick(rng)
        tz = proxy_tz(sub, sub.cc)
        ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36"
        c = Client("web", "puppeteer_stealth", "chromium", ua, 150, False, ["en-US", "en"], tz, "Win32",
                   rng.choice(["1920x1080x24", "1536x864x24"]), 8, 8, 0, "stealth-%d" % rng.getrandbits(24),
                   _chromium_ch(150, "Google Chrome", "Windows", False))
        c.cid = ctx.next_id()
        fm, ff, lm, lf = rng.choice(fk)
        f, l = people._slug(rng.choice(fm)), people._slug(rng.choice(lm))
        email = ctx.reg.email(rng, "%s.%s.%02d" % (f, l, rng.randrange(100)), "gmail.com")
        p = FakeP(ctx, camp, email, uname(), tz=tz, cc=sub.cc)
        out += emit_signup(ctx, rng, t, p, c, None, ip=ip, form=web_form(rng.uniform(4000, 9000)),
                           referer=SITE + "/signup?ref=GPU4FREE")
        n_b += 1
        tl = t + int(rng.uniform(6, 40) * H)
        if tl < END_MS:
            ip2, _ = proxy.pick(rng, cc=sub.cc)
            out.append(make_event("login", tl, ip2, c, "fraud", camp, p.account, p.email, None, True,
                                  web_form(rng.uniform(2500, 5000)), SITE + "/login", session_key(c, tl)))
    # ---- phase C: hides in the keynote wave behind mobile proxies
    mproxy = ResiProxy(w, [("US", 50), ("GB", 30), ("IN", 20)], mobile_share=1.0)
    t = KEYNOTE_MS + 30 * MIN
    fixed_from = START_MS + 12 * DAY + 12 * H        # third adaptation: real Android profile
    n_c = 0
    target_c = max(0, target - n_a - n_b)
    while n_c < target_c:
        gap = rng.expovariate(target_c / (6 * 24 * 3600.0)) * 1000
        t += int(gap)
        if t >= END_MS:
            break
        ip, sub = mproxy.pick(rng)
        tz = proxy_tz(sub, sub.cc)
        if local_hour(t, tz) < 8:
            continue
        if t < fixed_from:
            # Chrome's iPhone emulation: Safari UA, but Chromium still sends client hints and deviceMemory
            ua = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                  "Version/27.1 Mobile/15E148 Safari/604.1")
            c = Client("web", "emulated_iphone", "webkit", ua, 27, True, ["en-US"], tz, "iPhone",
                       rng.choice(["390x844x24", "393x852x24", "430x932x24"]), 4, 8, 5, "emu-%d" % rng.getrandbits(24),
                       {"sec-ch-ua": sec_ch_ua(150, "Google Chrome"), "sec-ch-ua-mobile": "?1", "sec-ch-ua-platform": '"Windows"'})
        else:
            c = make_browser(rng, t, ["en-US", "en"], tz, "chrome_android")
        c.cid = ctx.next_id()
        fm, ff, lm, lf = rng.choice(fk)
        f, l = people._slug(rng.choice(fm)), people._slug(rng.choice(lm))
        email = ctx.reg.email(rng, "%s.%s" % (f, l), rng.choice(["outlook.com", "hotmail.com"]), min_len=6)
        p = FakeP(ctx, camp, email, uname(), tz=tz, cc=sub.cc)
        out += emit_signup(ctx, rng, t, p, c, None, ip=ip, form=web_form(rng.lognormvariate(math.log(30000), 0.4)),
                           referer=SITE + "/signup")
        n_c += 1
        if rng.random() < 0.6:
            tl = t + int(rng.uniform(4, 30) * H)
            ip2, _ = mproxy.pick(rng, cc=sub.cc)
            if tl < END_MS:
                out.append(make_event("login", tl, ip2, c, "fraud", camp, p.account, p.email, None, True,
                                      web_form(rng.lognormvariate(math.log(9000), 0.4)), SITE + "/login", session_key(c, tl)))
    return out


# ===================================================== F10 sleeper accounts
def op_sleepers(ctx, target=260):
    """An account-aging shop: clean human sign-ups early in the window, sold and
    used from elsewhere in the second week."""
    rng = rng_for("op", "sleeper_accounts")
    w = ctx.world
    camp = "sleeper_accounts"
    out = []
    buyers = []
    for asn, ckey in ((45102, "HK/Hong Kong"), (132203, "SG/Singapore"), (135377, "VN/Ho Chi Minh City"),
                      (21859, "HK/Hong Kong"), (199524, "JP/Tokyo"), (51167, "JP/Tokyo")):
        vm = VMAccess(w, rng, asn, geo.CITY_BY_KEY[ckey])
        buyers.append(vm)
    sdk = forge_sdk(rng)
    sdk.cid = ctx.next_id()
    for i in range(target):
        cc = wchoice(rng, [("US", 40), ("GB", 20), ("DE", 15), ("CA", 10), ("NL", 8), ("FR", 7)])
        p = Person(ctx, rng, cc)
        p.label, p.campaign = "fraud", camp
        ms = sample_ms(rng, p.tz, cc, "consumer", hi_ms=START_MS + 4 * DAY)
        dc = wchoice(rng, [("desktop", 60), ("mobile", 40)])
        client = p.device(ctx, rng, ms, "main", dc)
        acc = HomeAccess(w, rng, cc, p.city) if dc == "desktop" or rng.random() < 0.5 else MobileAccess(w, rng, cc, p.city)
        p.pm = rng.random() < 0.3
        p.email = people.personal_email(rng, ctx.reg, p.ident, cc, mobile=client.mobile)
        p.username = people.username_for(rng, ctx.reg, p.ident, p.email)
        out += emit_signup(ctx, rng, ms, p, client, acc)
        if rng.random() < 0.3:       # the creator checks the account once
            out += emit_login(ctx, rng, ms + int(rng.uniform(2, 40) * H), p, client, acc)
        # the buyer
        buyer = buyers[i % len(buyers)] if rng.random() < 0.85 else rng.choice(buyers)
        tl = START_MS + 10 * DAY + int(rng.uniform(0, 7 * 24) * H)
        for _ in range(rng.randrange(1, 4)):
            if tl >= END_MS:
                break
            if rng.random() < 0.6:
                c2 = sdk
            else:
                c2 = make_browser(rng, tl, ["en-US", "en"], "Asia/Hong_Kong" if buyer.cc in ("HK", "CN") else geo.country_tz(buyer.cc), "chrome_win")
                c2.cid = ctx.next_id()
            out += emit_login(ctx, rng, tl, p, c2, buyer, fail_p=0.0, by_email=True)
            tl += int(rng.uniform(3, 40) * H)
    return out


# ================================================ F11 credential stuffing
def op_credential_stuffing(ctx, n_attempts=22000):
    rng = rng_for("op", "credential_stuffing")
    w = ctx.world
    camp = "credential_stuffing"
    out = []
    real = [p for p in ctx.returning] + [p for p in ctx.accounts if getattr(p, "label", "") == "legit"]
    fk = [people.pools().pools[s] for s in ("en_US", "en_GB", "de_DE", "fr_FR", "en_IN", "es_ES", "it_IT", "pl_PL", "tr_TR")]
    combo_doms = [("gmail.com", 50), ("yahoo.com", 12), ("hotmail.com", 12), ("outlook.com", 8), ("aol.com", 3),
                  ("gmx.de", 3), ("web.de", 3), ("mail.ru", 3), ("icloud.com", 4), ("hotmail.fr", 2)]
    uas = []
    r0 = rng_for("op", "stuffing-uas")
    for _ in range(40):
        rec = wchoice(r0, [(x, x["percent"]) for x in _CLIENT_DATA if x["type"] == "desktop" or r0.random() < 0.2])
        uas.append(rec["useragent"])
    resi = ResiProxy(w, [("BR", 14), ("VN", 12), ("ID", 9), ("PH", 7), ("IN", 10), ("US", 12), ("EG", 5), ("TR", 6),
                         ("CN", 6), ("DE", 4), ("GB", 4), ("PK", 4), ("NG", 4), ("KZ", 3)], mobile_share=0.25, v6=False)
    bp_vms = [VMAccess(w, rng, rng.choice([210644, 44477, 57043]), None) for _ in range(60)]
    v6block = w.sub(rng, 210644, "host", 6)
    sdk = forge_sdk(rng)
    sdk.cid = ctx.next_id()
    waves = [(START_MS + 2 * DAY + 1 * H, 6 * H, int(n_attempts * 0.41), "resi", False),
             (START_MS + 7 * DAY + 10 * H, 30 * H, int(n_attempts * 0.27), "mixed", True),
             (START_MS + 12 * DAY + 22 * H, 6 * H, n_attempts - int(n_attempts * 0.41) - int(n_attempts * 0.27), "host", False)]
    ato = []
    for (t0, dur, n, infra, hints) in waves:
        cur_ip, left = None, 0
        for i in range(n):
            t = t0 + int(dur * (i + rng.random()) / n)
            if rng.random() < 0.025 and real:
                victim = rng.choice(real)
                email, account = victim.email, victim.account
            else:
                victim = None
                fm, ff, lm, lf = rng.choice(fk)
                ident = people.Identity(rng.choice(fm + ff), rng.choice(lm), False, "US", "x", 2026 - rng.randrange(20, 60))
                email = people.local_part(rng, ident) + "@" + wchoice(rng, combo_doms)
                account = None
            if left <= 0:
                if infra == "resi" or (infra == "mixed" and rng.random() < 0.7):
                    cur_ip, _ = resi.pick(rng)
                elif infra == "host" and rng.random() < 0.35:
                    cur_ip = v6block.rand_v6(rng)
                else:
                    cur_ip = rng.choice(bp_vms).a4
                left = rng.randrange(1, 4)
            left -= 1
            ua = rng.choice(uas)
            c = Client("web", "stuffer", "none", ua)
            c.collector = False
            c.fetch_meta = hints
            c.al = "en-US,en;q=0.9"
            if hints and "Chrome/" in ua and "Edg" not in ua and "Mobile" not in ua:
                try:
                    maj = int(ua.split("Chrome/")[1].split(".")[0])
                    c.ch = _chromium_ch(maj, "Google Chrome", "Windows" if "Windows" in ua else "macOS", False)
                except ValueError:
                    pass
            success = bool(victim is not None and rng.random() < 0.12)
            ev = make_event("login", t, cur_ip, c, "fraud", camp, account, email, None, success,
                            {"fill_ms": int(rng.uniform(80, 400)), "honeypot": ""}, SITE + "/login", "")
            out.append(ev)
            if success:
                ato.append((t, victim))
    for t, victim in ato:
        tl = t + int(rng.uniform(1, 6) * H)
        vm = rng.choice(bp_vms)
        if tl < END_MS:
            out.append(make_event("login", tl, vm.a4, sdk, "fraud", camp, victim.account, victim.email, None, True,
                                  None, None, ""))
    return out


# ===================================================== F12 infostealer ATO
def op_ato_infostealer(ctx, n_victims=110):
    rng = rng_for("op", "ato_infostealer")
    w = ctx.world
    camp = "ato_infostealer"
    out = []
    cands = [p for p in ctx.returning if p.devices.get("main") and p.devices["main"].kind == "web"]
    victims = rng.sample(cands, n_victims)
    exit_vms = [VMAccess(w, rng, rng.choice([60781, 24940, 16276]), None) for _ in range(8)]
    sdk = forge_sdk(rng)
    sdk.cid = ctx.next_id()
    proxy = ResiProxy(w, [("US", 1)], mobile_share=0.15, v6=False)
    for v in victims:
        src = v.devices["main"]
        c = src.copy()                       # UA, languages, zone, screen from the stolen profile
        c.gpu = "clone-%d" % rng.getrandbits(32)    # ... but the canvas is the anti-detect browser's
        c.cid = ctx.next_id()
        c.fp_mode = "stable"
        day = rng.randrange(4, 16)
        t = at_local(day, rng.randrange(9, 21), rng.randrange(60), v.tz) + rng.randrange(60000)
        for k in range(rng.randrange(1, 3)):
            if t >= END_MS:
                break
            ip, sub = proxy.pick(rng, cc=v.cc, mobile=None)
            out.append(make_event("login", t, ip, c, "fraud", camp, v.account, v.email if rng.random() < 0.8 else None,
                                  None, True, web_form(rng.uniform(1200, 3000)), SITE + "/login?next=/keys", session_key(c, t)))
            if rng.random() < 0.4:
                t2 = t + int(rng.uniform(0.2, 3) * H)
                vm = rng.choice(exit_vms)
                if t2 < END_MS:
                    out.append(make_event("login", t2, vm.a4, sdk, "fraud", camp, v.account, v.email, None, True, None, None, ""))
            t += int(rng.uniform(20, 80) * H)
    return out


OPERATIONS = [
    ("gpu_mining_farm", op_gpu_mining_farm),
    ("distill_scrapers", op_distill_scrapers),
    ("antidetect_multiaccount", op_antidetect),
    ("android_phone_farm", op_phone_farm),
    ("referral_cyclers", op_referral_cyclers),
    ("captcha_farm_workers", op_captcha_farm),
    ("sanctions_evasion", op_sanctions),
    ("api_signup_bots", op_api_bots),
    ("adaptive_credit_farm", op_adaptive),
    ("sleeper_accounts", op_sleepers),
    ("credential_stuffing", op_credential_stuffing),
    ("ato_infostealer", op_ato_infostealer),
]


def generate(ctx):
    out = []
    for name, fn in OPERATIONS:
        out += fn(ctx)
    return out
