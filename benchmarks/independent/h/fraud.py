"""Fraud operations against Forgeline's free agent credits."""
import clients as C
import people as P
from core import (DAY, HOUR, T0, T_END, SITE, Person, COUNTRIES, city_of, local_ms, lognorm, pick_city, pick_country, pick_langs,
                  web_signup, app_signup, is_weekend)
from logins import login_event, session

F = "fraud"

AD_WIN_SCREENS = ["1920x1080x24", "1536x864x24", "1366x768x24", "1440x900x24", "2560x1440x24", "1600x900x24", "1280x720x24"]
AD_MAC_SCREENS = ["1440x900x30", "1512x982x30", "1728x1117x30", "1920x1080x24"]
US_TZS = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix"]


def op_time(rng, tz, start_h, end_h, day=None, days=range(14), skip_weekend=False, dip=True):
    """Uniform over an operator's shift (local hours, end may pass midnight), with a meal dip."""
    for _ in range(100):
        d = rng.choice(list(days)) if day is None else day
        if skip_weekend and d % 7 == 6:
            continue
        span = (end_h - start_h) % 24 or 24
        h = start_h + rng.random() * span
        if dip and abs((h - start_h) - span / 2) < 0.6 and rng.random() < 0.6:
            continue
        t = local_ms(tz, d, h * 3600)
        if T0 <= t < T_END:
            return t
    return T0 + rng.randrange(14 * DAY)


def resi_exit(rng, w, cc, v6_p=0.08):
    net = w.pick_res(rng, cc)
    if net.v6blocks and rng.random() < v6_p:
        blk = rng.choice(net.v6blocks)
    else:
        blk = rng.choice(net.v4blocks)
    return blk, blk.addr(rng)


def mobile_exit(rng, w, cc, net=None, city=None):
    net = net or w.pick_mob(rng, cc)
    if net.v6blocks and rng.random() < net.v6share * 0.6:
        blk = net.block(rng, cc, city, v6=True)
    else:
        blk = net.block(rng, cc, city)
    return blk, blk.addr(rng)


def matched_tz(rng, w, blk, p_match, op_tz):
    tz = w.tz_of_block(blk)
    r = rng.random()
    if r < p_match:
        return tz
    if blk.cc == "US" and r < p_match + (1 - p_match) * 0.7:
        return rng.choice([z for z in US_TZS if z != tz])
    return op_tz


def antidetect(rng, langs, tz, cores, os_w=(("win", 75), ("mac", 25)), natural=False):
    os_ = C.wpick(rng, list(os_w))[0]
    if os_ == "win":
        scr = C.wpick(rng, C.WIN_SCREENS)[0] if natural else rng.choice(AD_WIN_SCREENS)
        hw = C.wpick(rng, [(4, 20), (8, 34), (12, 14), (16, 20), (6, 6)])[0] if natural else rng.choice([4, 8, 12, 16])
        mem = 8 if hw >= 8 or not natural else 4
    else:
        scr = C.wpick(rng, C.MAC_SCREENS)[0] if natural else rng.choice(AD_MAC_SCREENS)
        hw = C.wpick(rng, [(8, 40), (10, 20), (12, 18), (14, 8), (16, 6)])[0] if natural else rng.choice([8, 10, 12])
        mem = 8
    return C.Device(rng, "chrome", os_, langs=langs, tz=tz, screen=scr, hw=hw, mem=mem, touch=0, pinned=rng.choice(cores))


def fperson(ctx, rng, names_cc, domains, style="bulk", email=None, by_range=(1975, 2004), ustyle="bulk", legit_p=0.45, names=None):
    """An account of an operation. Bought mailboxes often carry natural-looking names, so a share
    of addresses follows the ordinary pattern mix."""
    p = Person()
    fn, ln = P.name_lists(COUNTRIES[names_cc]["names"] if names_cc in COUNTRIES else names_cc)
    p.first, p.last = names or (rng.choice(fn), rng.choice(ln))
    p.by = rng.randint(*by_range)
    if email is None:
        dom = C.wpick(rng, domains)[0]
        if style == "bulk" and rng.random() < legit_p:
            lp = P.localpart(rng, p.first, p.last, p.by, "legit", dig=1.0)
        else:
            lp = P.localpart(rng, p.first, p.last, p.by, style)
        p.email = ctx.uniq_email(rng, lp, dom)
    else:
        p.email = email
        ctx.emails.add(email)
    lp = p.email.split("@")[0]
    p.username = ctx.uniq_username(rng, P.username_for(rng, p.first, p.last, lp, ustyle))
    p.account = ctx.acct_id(rng)
    p.pwm = False
    return p


def gmail_variant(rng, base, used):
    """Dots and +tags that Gmail ignores: one inbox, many distinct addresses."""
    for _ in range(50):
        s = base
        if rng.random() < 0.75:
            chars = list(s)
            out = []
            for i, ch in enumerate(chars):
                out.append(ch)
                if 0 < i < len(chars) - 1 and chars[i].isalpha() and chars[i + 1].isalpha() and rng.random() < 0.22:
                    out.append(".")
            s = "".join(out)
        if rng.random() < 0.35:
            s += "+" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(rng.randint(2, 5)))
        dom = "googlemail.com" if rng.random() < 0.08 else "gmail.com"
        e = s + "@" + dom
        if e not in used:
            return e
    return base + "+" + str(rng.randrange(10**6)) + "@gmail.com"


BULK_MAIL = [("gmail.com", 60), ("outlook.com", 22), ("hotmail.com", 12), ("yahoo.com", 6)]


class Fraud:
    def __init__(self, ctx):
        self.ctx = ctx
        self.w = ctx.world

    def use(self, rng, p, dev, t, ip, camp, fill=None):
        """An operator logging back into one of its accounts (a wrong password now and then)."""
        ident = "username" if rng.random() < 0.12 and dev.family != "app" else "email"
        if rng.random() < 0.03:
            login_event(self.ctx, rng, p, dev, t, ip, False, label=F, campaign=camp, ident=ident, fill=fill)
            t += int(rng.uniform(5, 40) * 1000)
        if t < T_END:
            login_event(self.ctx, rng, p, dev, t, ip, True, label=F, campaign=camp, ident=ident, fill=fill)

    # 1 ------------------------------------------------------------------
    def lantern(self, n=1600):
        """Residential-proxy account farm with an anti-detect browser, run from Vietnam."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-lantern")
        camp = "lantern_resi_antidetect"
        exits = {"US": 40, "GB": 10, "DE": 8, "CA": 8, "AU": 6, "BR": 8, "IN": 8, "FR": 4, "NL": 4, "PL": 4}
        op_tz = "Asia/Ho_Chi_Minh"
        exits2 = {"US": 25, "IN": 15, "BR": 12, "ID": 8, "MX": 8, "PH": 6, "GB": 8, "DE": 6, "CA": 6, "TR": 6}
        mob_models = [m for m in C.ANDROID if m[0] in ("SM-A155F", "Redmi Note 13", "SM-A546E", "Pixel 8", "moto g54")]
        for i in range(n):
            t = op_time(rng, op_tz, 8, 23)
            late = t >= T0 + 9 * DAY      # after their first wave got blocked: new core, phones, other countries
            cc = pick_country(rng, exits2 if late else exits)
            blk, ip = resi_exit(rng, w, cc)
            if late and rng.random() < 0.35:
                blk, ip = mobile_exit(rng, w, cc)
            tz = matched_tz(rng, w, blk, 0.9, op_tz)
            langs = ["en-US", "en"] if rng.random() < (0.45 if late else 0.7) else pick_langs(rng, cc)
            if late and rng.random() < 0.3:
                m = rng.choice(mob_models)
                dev = C.Device(rng, "chrome", "android", langs=langs, tz=tz, screen=m[1], hw=m[2], mem=m[3], touch=5, model=m[0], os_ver=m[4], pinned=rng.choice([146, 147]))
            else:
                dev = antidetect(rng, langs, tz, [146, 147, 147] if late else [144, 145, 145, 146], natural=late or rng.random() < 0.4)
            p = fperson(ctx, rng, cc if rng.random() < 0.5 else "US", BULK_MAIL)
            q = rng.random()
            refu = SITE + "/signup" + ("?utm_source=google&utm_medium=cpc&utm_campaign=agents_free_tier" if q < 0.45 else ("?plan=free" if q < 0.6 else ""))
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, referer_url=refu, fill=int(max(2500, lognorm(rng, 9500, 0.45))))
            # come back to spend the credits through other exits of the same pool
            for k in range(rng.choice([0, 1, 1, 2, 2, 3])):
                t2 = op_time(rng, op_tz, 8, 23, days=range(min(13, int((t - T0) // DAY) + 1), 14))
                if t2 <= t:
                    continue
                _, ip2 = resi_exit(rng, w, cc)
                self.use(rng, p, dev, t2, ip2, camp, fill=int(lognorm(rng, 1900, 0.4)))

    # 2 ------------------------------------------------------------------
    def cellmesh(self, n=1000):
        """4G/5G modem proxies + Gmail dot/plus aliases, batches run from Jakarta, referral bonus farming."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-cellmesh")
        camp = "cellmesh_mobile_alias"
        op_tz = "Asia/Jakarta"
        bases = []
        fn, ln = P.name_lists("id_ID")
        for _ in range(300):
            f, l = P.clean(rng.choice(fn)), P.clean(rng.choice(ln))
            bases.append(rng.choice([f + l, f + l + str(rng.randrange(10, 99)), f + "." + l][:2]).replace(".", ""))
        refs = ["".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(7)) for _ in range(4)]
        models = [m for m in C.ANDROID if m[0] in ("SM-A155F", "Redmi Note 13", "Redmi 13C", "SM-A546E", "CPH2591", "V2254")]
        made = 0
        while made < n:
            day = rng.randrange(14)
            start = op_time(rng, op_tz, 10, 2, day=day, dip=False)
            size = rng.randint(18, 40)
            cc = C.wpick(rng, [("ID", 55), ("PH", 25), ("US", 20)])[0]
            carrier = w.pick_mob(rng, cc)
            t = start
            blk, ip = mobile_exit(rng, w, cc, carrier)
            rotate_at = t + int(rng.uniform(2, 10) * 60000)
            for k in range(size):
                if made >= n:
                    break
                t += int(rng.uniform(70, 260) * 1000)
                if t >= rotate_at:
                    blk, ip = mobile_exit(rng, w, cc, carrier)
                    rotate_at = t + int(rng.uniform(2, 10) * 60000)
                m = rng.choice(models)
                tz = w.tz_of_block(blk) if rng.random() < 0.95 else op_tz
                langs = (["id-ID", "id", "en-US", "en"] if rng.random() < 0.5 else ["en-US", "en"]) if cc == "ID" else ["en-US", "en"]
                dev = C.Device(rng, "chrome", "android", langs=langs, tz=tz, screen=m[1], hw=8, mem=rng.choice([4, 8]), touch=5, model=m[0], os_ver=m[4], lag=0)
                if rng.random() < 0.5:
                    email = gmail_variant(rng, rng.choice(bases), ctx.emails)
                    p = fperson(ctx, rng, "ID" if cc == "ID" else "US", None, email=email)
                else:
                    p = fperson(ctx, rng, "ID" if cc == "ID" else ("PH" if cc == "PH" else "US"), [("gmail.com", 90), ("yahoo.com", 5), ("outlook.com", 5)])
                refu = SITE + "/signup?ref=" + rng.choice(refs) if (rng.random() < 0.35 and t < T0 + 7 * DAY) else SITE + "/signup" + rng.choice(["", "", "?utm_source=tiktok&utm_medium=video"])
                web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, referer_url=refu, fill=int(max(3000, lognorm(rng, 13000, 0.45))))
                made += 1
                if rng.random() < 0.45:
                    t2 = t + int(rng.uniform(0.3, 4) * DAY)
                    if t2 < T_END:
                        _, ip2 = mobile_exit(rng, w, cc, carrier)
                        self.use(rng, p, dev, t2, ip2, camp, fill=int(lognorm(rng, 3000, 0.4)))

    # 3 ------------------------------------------------------------------
    def rackphone(self, n=650):
        """Racks of real Android phones in Dhaka driving the native app around the clock."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-rackphone")
        camp = "rackphone_device_farm"
        city = "Dhaka"
        tz = "Asia/Dhaka"
        models = [m for m in C.ANDROID if m[0] in ("Redmi 13C", "SM-A056B", "itel A70")]
        farm_line = None
        from core import Line
        farm_line = Line(rng, w.pick_res(rng, "BD"), "BD", city)
        farm_line.v6 = False
        farm_ips = [farm_line.b4.addr(rng), farm_line.b4.addr(rng)]
        phones = []
        for i in range(60):
            m = rng.choice(models)
            ver = "5.2.4" if rng.random() < 0.4 else "5.1.0"
            langs = ["en-US"] if rng.random() < 0.8 else ["en-US", "bn-BD"]
            phones.append((C.app(rng, langs, tz, "android", ver=ver, model=m), w.pick_mob(rng, "BD")))
        outages = [(T0 + rng.randrange(14 * DAY), rng.uniform(1, 5) * HOUR) for _ in range(6)]
        made = 0
        t = T0 + int(rng.uniform(0, 4) * HOUR)
        while made < n and t < T_END:
            t += int(rng.expovariate(1 / (24 * 60 / 57.0 * 60)) * 1000)
            if any(a <= t < a + b for a, b in outages):
                continue
            if t >= T_END:
                break
            dev, carrier = rng.choice(phones)
            if t >= T0 + 8 * DAY and dev.app_ver != "5.3.1" and dev.rng_bits % 2 == 0:
                dev.app_ver = "5.3.1"
            ip = rng.choice(farm_ips) if rng.random() < 0.3 else mobile_exit(rng, w, "BD", carrier, city)[1]
            p = fperson(ctx, rng, "BD" if rng.random() < 0.4 else "US", [("outlook.com", 55), ("hotmail.com", 35), ("gmail.com", 10)])
            fill = int(max(2500, lognorm(rng, 6400, 0.2)))
            app_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, fill=fill)
            made += 1
            for k in range(rng.choice([1, 1, 2])):
                t2 = t + int(rng.uniform(0.5, 3) * DAY)
                if t2 < T_END:
                    ip2 = rng.choice(farm_ips) if rng.random() < 0.3 else mobile_exit(rng, w, "BD", carrier, city)[1]
                    self.use(rng, p, dev, t2, ip2, camp)

    # 4 ------------------------------------------------------------------
    def simbox(self, n=450):
        """SIM farm in Lagos: 12 cheap handsets, a new SIM (and CGNAT address) per account."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-simbox")
        camp = "simbox_mobile_web"
        tz = "Africa/Lagos"
        carriers = w.mob["NG"][:2]
        models = [m for m in C.ANDROID if m[0] in ("TECNO KJ5", "itel A70", "Infinix X6528")]
        handsets = []
        for i in range(40):
            m = rng.choice(models)
            handsets.append(C.Device(rng, "chrome", "android", langs=["en-US", "en"], tz=tz, screen=m[1], hw=m[2], mem=m[3], touch=5, model=m[0],
                                     os_ver=m[4], lag=rng.choice([0, 1])))
        refs = ["".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(7)) for _ in range(2)]
        for i in range(n):
            t = op_time(rng, tz, 9, 21)
            h, _ = divmod(0, 1)
            dev = rng.choice(handsets)
            carrier = carriers[0] if rng.random() < 0.6 else carriers[1]
            blk, ip = mobile_exit(rng, w, "NG", carrier, "Lagos")
            p = fperson(ctx, rng, "NG", [("gmail.com", 92), ("yahoo.com", 8)])
            refu = SITE + "/signup?ref=" + rng.choice(refs) if rng.random() < 0.5 else SITE + "/signup"
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, referer_url=refu, fill=int(max(4000, lognorm(rng, 17000, 0.4))))
            t2 = t + int(rng.uniform(0.2, 3) * DAY)
            if t2 < T_END and rng.random() < 0.8:
                self.use(rng, p, dev, t2, mobile_exit(rng, w, "NG", carrier, "Lagos")[1], camp)

    # 5 ------------------------------------------------------------------
    def clickfarm(self, n=1000):
        """Paid human workers in Pakistan and Bangladesh; accounts are sold on."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-clickfarm")
        camp = "clickfarm_humans"
        from core import Line
        shops = []
        for cc, city in [("PK", "Faisalabad"), ("PK", "Lahore"), ("PK", "Lahore"), ("PK", "Multan"), ("BD", "Dhaka"), ("BD", "Dhaka"), ("BD", "Chattogram")] * 3:
            line = Line(rng, w.pick_res(rng, cc), cc, city)
            line.v6 = False
            shops.append((cc, city, line))
        workers = []
        for i in range(60):
            cc, city, line = rng.choice(shops)
            tz = city_of(cc, city)[5]
            dev = C.Device(rng, "chrome", "win", langs=["en-US", "en"], tz=tz, screen=rng.choice(["1366x768x24", "1920x1080x24", "1366x768x24"]),
                           hw=rng.choice([4, 4, 8]), mem=rng.choice([4, 8]), touch=0, lag=rng.choice([0, 1, 2, 3]), os_ver="10")
            dev.fp_random_each = rng.random() < 0.55
            spoof_tz = rng.random() < 0.3
            workers.append((cc, city, tz, line, dev, spoof_tz))
        vpns = [w.hosting[k] for k in ("quadrant", "datashard", "privanet")]
        buyer_refs = ["".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(7)) for _ in range(3)]
        for i in range(n):
            cc, city, tz, line, dev, spoof_tz = rng.choice(workers)
            t = op_time(rng, tz, 10, 22, skip_weekend=True)
            if rng.random() < 0.3:
                vn = rng.choice(vpns)
                blk = rng.choice([b for b in vn.v4blocks if b.cc in ("US", "GB", "CA")])
                ip = blk.addr(rng)
                dev.tz = w.tz_of_block(blk) if spoof_tz else tz
            elif rng.random() < 0.35:
                ip = mobile_exit(rng, w, cc, None, city)[1]     # phone hotspot
                dev.tz = tz
            else:
                ip = line.ip4
                dev.tz = tz
            p = fperson(ctx, rng, "US" if rng.random() < 0.7 else cc, [("gmail.com", 85), ("yahoo.com", 8), ("outlook.com", 7)])
            refu = SITE + "/signup?ref=" + rng.choice(buyer_refs) if rng.random() < 0.35 else SITE + "/signup"
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, referer_url=refu, fill=int(max(4000, lognorm(rng, 19000, 0.45))))
            # resold: the buyer logs in from elsewhere with their own device
            if rng.random() < 0.7:
                self.buyer_logins(rng, p, t, camp)

    def buyer_logins(self, rng, p, t, camp, k=None):
        ctx, w = self.ctx, self.w
        home = C.wpick(rng, [("CN", 60), ("RU", 20), ("IR", 20)])[0]
        tz = {"CN": "Asia/Shanghai", "RU": "Europe/Moscow", "IR": "Asia/Tehran"}[home]
        langs = {"CN": ["zh-CN", "zh", "en"], "RU": ["ru-RU", "ru", "en-US", "en"], "IR": ["fa-IR", "fa", "en-US", "en"]}[home]
        dev = C.desktop(rng, langs, tz, os_mix=[("win", 70), ("mac", 30)])
        for j in range(k if k is not None else rng.randint(1, 3)):
            t2 = t + int(rng.uniform(0.5, 6) * DAY)
            if t2 >= T_END:
                break
            r = rng.random()
            if r < 0.6:
                vn = w.hosting[rng.choice(["quadrant", "datashard", "privanet"])]
                ip = rng.choice([b for b in vn.v4blocks if b.cc in ("US", "SG", "JP", "DE", "NL")]).addr(rng)
            elif r < 0.85:
                hn = w.hosting[rng.choice(["kowloon", "vultara", "strato"])]
                ip = rng.choice([b for b in hn.v4blocks if b.cc in ("SG", "JP", "US")] or hn.v4blocks).addr(rng)
            else:
                ip = resi_exit(rng, w, rng.choice(["US", "SG", "JP"]))[1]
            session(ctx, rng, p, dev, t2, ip, label=F, campaign=camp, typo_p=0.04, forgot_p=0.0)

    # 6 ------------------------------------------------------------------
    def catchall(self, n=900):
        """Catch-all domains + automation; blocked after day 3 it moves to residential, then mobile proxies."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-catchall")
        camp = "catchall_adaptive"
        fn_us, ln_us = P.name_lists("en_US")
        # phase A: headless on VPS, bursts
        dA = ["nexoralabs.online", "brightpathdigital.site", "quantiva.xyz", "corelinkhq.top", "veloxio.shop"]
        hosts = [w.hosting[k] for k in ("brightrack", "vultara", "kessler", "orvane")]
        made = 0
        nA, nB = int(n * 0.33), int(n * 0.39)
        while made < nA:
            t = T0 + int(rng.uniform(0, 3.8) * DAY)
            hn = rng.choice(hosts)
            blk = rng.choice([b for b in hn.v4blocks if b.cc in ("US", "NL", "DE", "GB", "FR")] or hn.v4blocks)
            for k in range(rng.randint(8, 20)):
                if made >= nA:
                    break
                t += int(rng.uniform(20, 60) * 1000)
                naive = rng.random() < 0.1
                dev = C.Device(rng, "headless" if naive else "chrome", "linux" if rng.random() < 0.6 else "win", langs=["en-US"],
                               tz="UTC" if rng.random() < 0.6 else "America/New_York", screen="800x600x24" if rng.random() < 0.3 else "1920x1080x24",
                               hw=rng.choice([2, 4]), mem=rng.choice([2, 4, 8]), touch=0, pinned=rng.choice([144, 145]), webdriver=rng.random() < 0.35)
                f, l = rng.choice(fn_us), rng.choice(ln_us)
                p = fperson(ctx, rng, "US", None, email=ctx.uniq_email(rng, P.clean(f) + "." + P.clean(l), rng.choice(dA)), names=(f, l))
                hp = (p.email if rng.random() < 0.5 else f) if rng.random() < 0.2 else ""
                web_signup(ctx, rng, p, dev, t, blk.addr(rng), label=F, campaign=camp, referer_url=SITE + "/signup",
                           fill=int(rng.uniform(700, 2500)), honeypot=hp)
                made += 1
        # phase B: residential proxies, stealth, small-business-looking domains, around the clock
        dB = ["harborlinecreative.com", "mapleandiron.co", "tidewaterlabs.io", "northgateanalytics.com", "copperfieldstudio.net",
              "bluepeakventures.co", "oakhollowmedia.com", "silverlinehq.com", "driftwoodapps.io"]
        t = T0 + int(4.6 * DAY)
        i = 0
        while made < nA + nB and t < T0 + 9 * DAY:
            t += int(rng.uniform(12, 25) * 60000)
            cc = C.wpick(rng, [("US", 70), ("CA", 15), ("GB", 15)])[0]
            blk, ip = resi_exit(rng, w, cc)
            dev = antidetect(rng, ["en-US", "en"], w.tz_of_block(blk), [146], os_w=(("win", 100),))
            dom = dB[min(len(dB) - 1, i // 40)]
            f, l = rng.choice(fn_us), rng.choice(ln_us)
            lp = rng.choice([P.clean(f) + "." + P.clean(l), P.clean(f)[0] + P.clean(l), P.clean(f)])
            p = fperson(ctx, rng, "US", None, email=ctx.uniq_email(rng, lp, dom), names=(f, l))
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, referer_url=SITE + "/signup", fill=int(rng.uniform(4000, 14000)))
            made += 1
            i += 1
            if rng.random() < 0.5:
                t2 = t + int(rng.uniform(0.1, 2) * DAY)
                if t2 < T_END:
                    login_event(ctx, rng, p, dev, t2, resi_exit(rng, w, cc)[1], True, label=F, campaign=camp, ident="email", fill=int(rng.uniform(900, 2500)))
        # phase C: mobile proxies, Android emulation, bought Outlook + Gmail tags, US evening hours
        models = [m for m in C.ANDROID if m[0] in ("SM-A155F", "Pixel 7a", "moto g54", "SM-S921B")]
        gbase = [P.clean(rng.choice(fn_us)) + P.clean(rng.choice(ln_us)) + str(rng.randrange(10, 99)) for _ in range(12)]
        while made < n:
            city = pick_city(rng, "US")
            t = local_ms(city[5], rng.randint(9, 13), rng.uniform(17, 23.5) * 3600)
            if t >= T_END:
                continue
            blk, ip = mobile_exit(rng, w, "US")
            m = rng.choice(models)
            dev = C.Device(rng, "chrome", "android", langs=["en-US", "en"], tz=w.tz_of_block(blk), screen=m[1], hw=8, mem=8, touch=5, model=m[0], os_ver=m[4], lag=0)
            if rng.random() < 0.7:
                p = fperson(ctx, rng, "US", [("outlook.com", 80), ("hotmail.com", 20)])
            else:
                p = fperson(ctx, rng, "US", None, email=ctx.uniq_email(rng, rng.choice(gbase) + "+" + str(rng.randrange(100, 999)), "gmail.com"))
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, referer_url=SITE + "/signup?utm_source=google&utm_medium=cpc&utm_campaign=agents_free_tier",
                       fill=int(max(3000, lognorm(rng, 14000, 0.3))))
            made += 1
            if rng.random() < 0.5:
                t2 = t + int(rng.uniform(0.1, 2) * DAY)
                if t2 < T_END:
                    login_event(ctx, rng, p, dev, t2, mobile_exit(rng, w, "US")[1], True, label=F, campaign=camp, ident="email")

    # 7 ------------------------------------------------------------------
    def aged_api(self, n=700):
        """Raw HTTP against /api/signup/ with bought aged mailboxes through 'ISP' proxies."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-agedapi")
        camp = "aged_mail_raw_api"
        pool = []
        for k in ("bluewave", "northstar", "altmark"):
            for b in w.hosting[k].v4blocks:
                pool += [b.addr(rng) for _ in range(12)]
        cedar = w.res["US"][-1]  # a real small ISP that leases a subnet to a proxy seller
        cb = cedar.v4blocks[0]
        pool += [cb.addr(rng) for _ in range(20)]
        uses = {ip: 0 for ip in pool}
        cap = {ip: rng.randint(3, 8) for ip in pool}
        mails = [("yahoo.com", 30), ("aol.com", 10), ("hotmail.com", 25), ("gmail.com", 25), ("outlook.com", 10)]
        for i in range(n):
            t = T0 + int((i + rng.random()) * (14 * DAY / n))
            if rng.random() < 0.35:
                ip = resi_exit(rng, w, "US" if rng.random() < 0.8 else "GB")[1]
            else:
                free = [ip for ip in pool if uses[ip] < cap[ip]]
                ip = rng.choice(free or pool)
                uses[ip] += 1
            p = fperson(ctx, rng, "US" if rng.random() < 0.75 else "GB", mails, style="aged", by_range=(1968, 1995), ustyle="legit")
            r = rng.random()
            fm = None
            dev = None
            if r < 0.22:
                ua = "forge-cli/2.1.3 (linux; x64) node/20.18.1"
                h = {"user-agent": ua, "accept-encoding": "gzip, deflate", "accept": "*/*", "connection": "keep-alive",
                     "content-type": "application/json", "x-forge-client": "forge-cli/2.1.3"}
            elif r < 0.45:
                # a faithful copy of the official CLI's request
                v = rng.choice(["2.3.7", "2.4.0"])
                ua = "forge-cli/%s (%s) node/20.18.1" % (v, rng.choice(["linux; x64", "darwin; arm64"]))
                h = {"accept": "application/json", "accept-language": "*", "accept-encoding": "gzip, deflate", "content-type": "application/json",
                     "sec-fetch-mode": "cors", "user-agent": ua, "x-forge-client": "forge-cli/" + v}
            elif r < 0.75:
                ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36"
                h = C.script_headers("axios", ua=ua, lang="en-US,en;q=0.9", referer=True)
                if rng.random() < 0.5:
                    fm = {"fill_ms": int(rng.uniform(3000, 9000))}
            else:
                dev = C.Device(rng, "chrome", "win", langs=["en-US", "en"], tz="America/New_York", pinned=136)
                h = dev.headers(t, flow="api", referer=SITE + "/signup")
                if rng.random() < 0.5:
                    fm = {"fill_ms": int(rng.uniform(3000, 9000)), "honeypot": ""}
            ctx.emit(rng, "signup", t, ip, label=F, campaign=camp, account=p.account, email=p.email, username=p.username, headers=h, form=fm)
            for k in range(rng.choice([0, 1, 1, 2])):
                t2 = t + int(rng.uniform(0.05, 3) * DAY)
                if t2 < T_END:
                    ip2 = rng.choice(pool)
                    ctx.emit(rng, "login", t2, ip2, label=F, campaign=camp, account=p.account, email=p.email, success=True, headers=h)

    # 8 ------------------------------------------------------------------
    def geo_evasion(self, n=800):
        """Teams in unsupported regions (China, Russia) making accounts to resell at home."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-geo")
        camp = "geo_evasion_resellers"
        members = []
        for home, k in (("CN", 10), ("RU", 5)):
            for i in range(k):
                tz = "Asia/Shanghai" if home == "CN" else "Europe/Moscow"
                langs = ["zh-CN", "zh", "en-US", "en"] if home == "CN" else ["ru-RU", "ru", "en-US", "en"]
                dev = C.desktop(rng, langs, tz, os_mix=[("win", 70), ("mac", 30)])
                dev.collector = True
                members.append((home, tz, langs, dev, rng.random() < 0.6))
        vpn = [w.hosting[k] for k in ("quadrant", "datashard", "privanet")]
        for i in range(n):
            home, tz, langs, dev0, careful = rng.choice(members)
            dev = dev0
            t = op_time(rng, tz, 9, 24 if home == "CN" else 22)
            r = rng.random()
            if r < 0.5:
                vn = rng.choice(vpn)
                blk = rng.choice([b for b in vn.v4blocks if b.cc in ("US", "JP", "SG", "GB", "DE", "NL", "KR", "TW")])
                ip = blk.addr(rng)
            elif r < 0.85:
                blk, ip = resi_exit(rng, w, C.wpick(rng, [("US", 50), ("JP", 20), ("SG", 15), ("TW", 8), ("KR", 7)])[0])
            else:
                hn = w.hosting[rng.choice(["kowloon", "vultara", "strato"])]
                blk = rng.choice([b for b in hn.v4blocks if b.cc in ("SG", "JP")] or hn.v4blocks)
                ip = blk.addr(rng)
            if careful:
                # careful members moved to an anti-detect browser: a fresh, coherent profile per account
                dev = antidetect(rng, ["en-US", "en"] if rng.random() < 0.85 else langs, w.tz_of_block(blk), [145, 146, 147], natural=True)
            else:
                dev.tz = tz
                dev.langs = langs
            if careful:
                mails = [("outlook.com", 40), ("gmail.com", 45), ("proton.me", 10), ("hotmail.com", 5)]
            elif home == "CN":
                mails = [("outlook.com", 35), ("gmail.com", 30), ("proton.me", 10), ("qq.com", 15), ("163.com", 7), ("hotmail.com", 3)]
            else:
                mails = [("outlook.com", 25), ("gmail.com", 30), ("proton.me", 15), ("yandex.ru", 12), ("mail.ru", 10), ("rambler.ru", 3), ("hotmail.com", 5)]
            p = fperson(ctx, rng, home, mails)
            if p.email.endswith("@qq.com"):
                ctx.emails.discard(p.email)
                p.email = ctx.uniq_email(rng, str(rng.randrange(10**8, 4 * 10**9)), "qq.com")
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, fill=int(max(3500, lognorm(rng, 15000, 0.45))))
            # resold to end users back home, sometimes to several at once
            owners = rng.choice([1, 1, 2, 3])
            for o in range(owners):
                self.buyer_logins(rng, p, t, camp, k=rng.randint(1, 2))

    # 9 ------------------------------------------------------------------
    def slow_drip(self, per_day=5):
        """A patient operator: a handful of immaculate accounts a day."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-slowdrip")
        camp = "slow_drip_operator"
        op_tz = "Europe/Moscow"
        accts = []
        for day in range(14):
            for k in range(per_day + rng.choice([-1, 0, 0, 1])):
                cc = C.wpick(rng, [("US", 45), ("GB", 20), ("DE", 20), ("CA", 15)])[0]
                blk, ip = resi_exit(rng, w, cc, v6_p=0.2)
                tz = w.tz_of_block(blk)
                dev = antidetect(rng, pick_langs(rng, cc), tz, [146, 147, 147], natural=True)
                dom = C.wpick(rng, COUNTRIES[cc]["mail"])[0]
                p = fperson(ctx, rng, cc, [(dom, 1)], style="legit", ustyle="legit")
                t = op_time(rng, op_tz, 10, 19, day=day)
                web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, fill=int(max(6000, lognorm(rng, 20000, 0.45))))
                accts.append((p, dev, cc, t))
        # every few days the operator uses a batch of accounts in one sitting through one exit
        for day in range(2, 14, 2):
            ready = [a for a in accts if a[3] < T0 + day * DAY]
            if not ready:
                continue
            batch = rng.sample(ready, min(len(ready), rng.randint(3, 5)))
            t = op_time(rng, op_tz, 11, 18, day=day)
            ip = w.hosting["bluewave"].v4blocks[0].addr(rng) if rng.random() < 0.5 else resi_exit(rng, w, "US")[1]
            for p, dev, cc, _ in batch:
                t += int(rng.uniform(3, 15) * 60000)
                login_event(ctx, rng, p, dev, t, ip, True, label=F, campaign=camp, ident="email", fill=int(lognorm(rng, 5000, 0.4)))

    # 10 -----------------------------------------------------------------
    def edu_mill(self, n=400):
        """Student-plan abuse with addresses from open-enrolment community colleges."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-edumill")
        camp = "edu_mill_student_abuse"
        doms = ["student.mesaridge.edu", "my.harborcitycc.edu"]
        op_tz = "Asia/Kolkata"
        mob_models = [m for m in C.ANDROID if m[0] in ("SM-A155F", "Pixel 7a", "moto g54", "SM-S921B", "Pixel 8")]
        for i in range(n):
            if rng.random() < 0.25:
                blk, ip = mobile_exit(rng, w, "US")
                m = rng.choice(mob_models)
                dev = C.Device(rng, "chrome", "android", langs=["en-US", "en"], tz=w.tz_of_block(blk), screen=m[1], hw=m[2], mem=m[3], touch=5,
                               model=m[0], os_ver=m[4], pinned=rng.choice([146, 147]))
            else:
                blk, ip = resi_exit(rng, w, "US", v6_p=0.05)
                tz = w.tz_of_block(blk) if rng.random() < 0.9 else op_tz
                dev = antidetect(rng, ["en-US", "en"], tz, [145, 146, 147], natural=True)
            ncc = "US" if rng.random() < 0.6 else "IN"
            fn, ln = P.name_lists(COUNTRIES[ncc]["names"])
            f, l = rng.choice(fn), rng.choice(ln)
            email = ctx.uniq_email(rng, P.clean(f) + "." + P.clean(l) + "%02d" % rng.randrange(1, 100), rng.choice(doms))
            p = fperson(ctx, rng, ncc, None, email=email, names=(f, l))
            t = op_time(rng, op_tz, 18, 6)      # a night shift in Hyderabad covers the US day
            web_signup(ctx, rng, p, dev, t, ip, label=F, campaign=camp, ref_kind="student", fill=int(max(2500, lognorm(rng, 12000, 0.45))))
            for k in range(rng.choice([0, 1, 1, 2])):
                t2 = t + int(rng.uniform(0.3, 4) * DAY)
                if t2 < T_END:
                    self.use(rng, p, dev, t2, resi_exit(rng, w, "US")[1], camp, fill=int(lognorm(rng, 2200, 0.4)))

    # 11 -----------------------------------------------------------------
    def nightshift(self, n=450):
        """Infected home PCs drive a hidden browser at night: real devices, real home lines."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-nightshift")
        camp = "nightshift_botnet"
        from core import Line, pick_city as _pc
        vict = []
        for i in range(260):
            cc = C.wpick(rng, [("US", 20), ("BR", 14), ("IN", 14), ("MX", 8), ("TR", 8), ("VN", 7), ("ID", 7), ("PH", 6), ("EG", 6), ("CO", 5), ("AR", 5)])[0]
            city = _pc(rng, cc)
            line = Line(rng, w.pick_res(rng, cc), cc, city[0])
            dev = C.desktop(rng, pick_langs(rng, cc), city[5], os_mix=[("win", 100)])
            vict.append((cc, city, line, dev))
        made = 0
        while made < n:
            cc, city, line, dev = rng.choice(vict)
            day = rng.randint(7, 13)
            t = local_ms(city[5], day, rng.uniform(0.8, 5.5) * 3600)
            if not (T0 <= t < T_END):
                continue
            for k in range(rng.choice([1, 1, 1, 2, 3])):
                p = fperson(ctx, rng, "US" if rng.random() < 0.6 else cc, BULK_MAIL, legit_p=0.6)
                web_signup(ctx, rng, p, dev, t, line.ip(rng), label=F, campaign=camp, referer_url=SITE + "/signup",
                           fill=int(max(1500, lognorm(rng, 3600, 0.35))))
                made += 1
                if rng.random() < 0.3:
                    t2 = t + int(rng.uniform(0.8, 3) * DAY)
                    if t2 < T_END:
                        self.use(rng, p, dev, t2, line.ip(rng), camp, fill=int(lognorm(rng, 900, 0.3)))
                t += int(rng.uniform(4, 25) * 60000)

    # 12 -----------------------------------------------------------------
    def stuffing(self, n=7500):
        """Credential stuffing with combo lists; a few hits become account takeovers."""
        ctx, w = self.ctx, self.w
        rng = ctx.rng("f-stuffing")
        camp = "credential_stuffing"
        waves = [(T0 + 2 * DAY + 2 * HOUR, 18 * HOUR, 0.33), (T0 + 8 * DAY + 5 * HOUR, 14 * HOUR, 0.27), (T0 + 11 * DAY, 36 * HOUR, 0.27), (T0, 14 * DAY - HOUR, 0.13)]
        targets = ctx.accounts
        mails = [("gmail.com", 45), ("yahoo.com", 15), ("hotmail.com", 15), ("outlook.com", 10), ("aol.com", 5), ("icloud.com", 5), ("mail.ru", 3), ("gmx.de", 2)]
        exits = {"US": 30, "BR": 10, "IN": 10, "VN": 8, "ID": 8, "TR": 6, "MX": 6, "EG": 5, "DE": 5, "GB": 5, "PH": 4, "PK": 3}
        hosts = [w.hosting[k] for k in ("strato", "vultara", "brightrack", "kessler")]
        chrome_uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36" % v for v in (131, 136, 138, 141, 144, 145)]
        ato = []
        bots = []
        for i in range(6):
            bots.append(C.Device(rng, "chrome", rng.choice(["win", "linux"]), langs=["en-US", "en"], tz="UTC", screen=rng.choice(["1920x1080x24", "800x600x24", "1280x720x24"]),
                                 hw=rng.choice([2, 4, 8]), mem=rng.choice([2, 4, 8]), touch=0, pinned=rng.choice([141, 144, 145])))
        for i in range(n):
            wv = C.wpick(rng, [(a, b, c) for a, b, c in waves])
            t = wv[0] + int(rng.random() * wv[1])
            r = rng.random()
            if r < 0.65:
                blk, ip = resi_exit(rng, w, pick_country(rng, exits))
            elif r < 0.85:
                hn = rng.choice(hosts)
                blk = rng.choice(hn.v4blocks)
                ip = blk.addr(rng)
            else:
                blk = rng.choice(w.hosting[rng.choice(["bluewave", "northstar", "altmark"])].v4blocks)
                ip = blk.addr(rng)
            real = rng.random() < 0.3
            if real:
                v = rng.choice(targets)
                p = Person()
                p.account, p.email, p.username, p.pwm = v.account, v.email, v.username, False
                if getattr(v, "account_t", 0) > t:
                    p.account = None   # not created yet at that time: unknown identifier
            else:
                p = fperson(ctx, rng, rng.choice(["US", "GB", "BR", "IN", "DE", "FR"]), mails, style="aged", ustyle="legit")
                ctx.usernames.discard(p.username)
                p.account = None
            success = bool(real and p.account and rng.random() < 0.03)
            if rng.random() < 0.55:
                h = {"user-agent": rng.choice(chrome_uas), "accept": rng.choice(["*/*", "application/json, text/plain, */*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]),
                     "accept-language": "en-US,en;q=0.9", "accept-encoding": "gzip, deflate, br", "content-type": "application/x-www-form-urlencoded",
                     "origin": SITE, "referer": SITE + "/accounts/login/"}
                fm = {"fill_ms": int(rng.uniform(80, 600)), "honeypot": ""} if rng.random() < 0.6 else None
                ctx.emit(rng, "login", t, ip, label=F, campaign=camp, account=p.account, email=p.email, success=success, headers=h, form=fm)
            else:
                dev = rng.choice(bots)
                login_event(ctx, rng, p, dev, t, ip, success, label=F, campaign=camp, ident="email", fill=int(rng.uniform(150, 900)))
            if success:
                ato.append((p, t))
        # takeovers: the attacker comes back to drain credits / mint API keys
        for p, t in ato:
            dev = C.desktop(rng, ["en-US", "en"], rng.choice(["UTC", "Europe/Moscow", "Asia/Shanghai", "America/New_York"]))
            for k in range(rng.randint(1, 2)):
                t2 = t + int(rng.uniform(0.2, 30) * HOUR)
                if t2 >= T_END:
                    break
                ip = resi_exit(rng, w, pick_country(rng, exits))[1] if rng.random() < 0.6 else rng.choice(rng.choice(hosts).v4blocks).addr(rng)
                login_event(ctx, rng, p, dev, t2, ip, True, label=F, campaign=camp, ident="email", fill=int(rng.uniform(900, 3000)))
