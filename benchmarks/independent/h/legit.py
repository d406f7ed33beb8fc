"""Legitimate population of Forgeline: segments and returning users."""
import math

import clients as C
import people as P
from core import (DAY, HOUR, T0, T_END, SITE, Cell, Line, COUNTRIES, city_of, give_devices, give_lines, ip_for,
                  local_ms, lognorm, make_person, pick_city, pick_country, sample_time, signup_fill, web_signup, app_signup,
                  device_tz, is_weekend, pick_hour, pick_langs, typed, referer, pick_domain)
from world import SAT_COUNTRIES

L = "legit"

NEAREST_PRESTO = {"NG": "NL", "KE": "DE", "ZA": "DE", "EG": "DE", "IN": "SG", "PK": "SG", "BD": "SG", "ID": "SG", "VN": "SG", "PH": "SG"}
ZEPHYR_POP = {"IN": ["IN"], "PH": ["SG"], "MY": ["SG"], "ID": ["SG"], "VN": ["SG"], "NG": ["ZA", "GB"], "KE": ["ZA", "AE"], "PK": ["AE", "IN"],
              "EG": ["AE", "DE"], "PL": ["DE"], "ES": ["FR"], "UA": ["DE"], "AR": ["BR"], "CO": ["MX", "US"], "KR": ["JP"], "TW": ["JP"], "TR": ["DE"]}


def hblock(world, key, cc=None, rng=None, v6=False):
    n = world.hosting[key]
    return n.block(rng, cc, None, v6=v6)


def dev_profile(dev):
    return "mobile" if dev.mobile else "consumer"


def n_poisson(rng, lam):
    if lam <= 0:
        return 0
    L_ = math.exp(-min(lam, 30))
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L_:
            return k
        k += 1


class Legit:
    def __init__(self, ctx):
        self.ctx = ctx
        self.w = ctx.world
        self.accounts = []     # persons with accounts (for logins)
        self.households = []
        r = ctx.rng("refcodes")
        self.refcodes = [("".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(7)), r.paretovariate(1.3)) for _ in range(1500)]

    def ref(self, rng):
        return C.wpick(rng, self.refcodes)[0]

    def done(self, p, t, seg, logins_mean):
        p.account_t = t
        p.campaign = seg
        p.logins_mean = logins_mean
        self.accounts.append(p)
        self.ctx.accounts.append(p)

    def maybe_typo(self, rng, p, dev, t, ip, seg, app=False):
        """A mistyped address first: the account is created and abandoned, then the person retries."""
        dom = p.email.split("@")[1]
        if dom not in P.TYPO_DOMAINS or rng.random() > 0.022:
            return t
        ctx = self.ctx
        bad = p.email.split("@")[0] + "@" + rng.choice(P.TYPO_DOMAINS[dom])
        ghost = type(p).__new__(type(p))
        ghost.__dict__.update(p.__dict__)
        ghost.email, ghost.account = bad, ctx.acct_id(rng)
        if app:
            app_signup(ctx, rng, ghost, dev, t, ip, label=L, campaign=seg)
        else:
            web_signup(ctx, rng, ghost, dev, t, ip, label=L, campaign=seg)
        p.username = ctx.uniq_username(rng, p.username + rng.choice(["_", "1", "2", "x", "_dev"]))
        return t + int(rng.uniform(50, 600) * 1000)

    def second_account(self, rng, p, dev, t, ip, seg):
        """A developer makes a test/work account later with a +tag or dotted variant of the same inbox."""
        ctx = self.ctx
        lp, dom = p.email.split("@")
        if dom in ("gmail.com", "googlemail.com") and rng.random() < 0.35 and len(lp) > 4:
            i = rng.randrange(1, len(lp) - 1)
            lp2 = lp[:i] + "." + lp[i:] if lp[i - 1] != "." and lp[i] != "." else lp + "+2"
        elif dom in ("gmail.com", "outlook.com", "proton.me", "icloud.com", "fastmail.com", "hotmail.com") or p.email_kind == "personal":
            lp2 = lp.split("+")[0] + "+" + rng.choice(["test", "test2", "work", "team", "2", "dev", "staging", "demo"])
        else:
            return
        q = type(p).__new__(type(p))
        q.__dict__.update(p.__dict__)
        q.devices = list(p.devices)
        q.email = ctx.uniq_email(rng, lp2, dom)
        q.username = ctx.uniq_username(rng, p.username + rng.choice(["-test", "2", "_work", "-dev", "_alt"]))
        q.account = ctx.acct_id(rng)
        t2 = t + int(rng.uniform(0.02, 5) * DAY)
        if t2 >= T_END:
            return
        if dev.family in ("cli", "pycli", "script"):
            ctx.emit(rng, "signup", t2, ip, label=L, campaign=seg, account=q.account, email=q.email, username=q.username, headers=dev.headers(t2, flow="json") if dev.family != "script" else C.script_headers("requests"))
        else:
            web_signup(ctx, rng, q, dev, t2, ip, label=L, campaign=seg, fill=int(max(1500, lognorm(rng, 6000, 0.5))))
        self.done(q, t2, seg, 0.6)

    # ------------------------------------------------------------------
    def organic(self, n=11800):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("organic")
        for _ in range(n):
            p = make_person(ctx, rng)
            give_lines(ctx, rng, p)
            dev = give_devices(rng, p, mobile_share=COUNTRIES[p.cc]["mob"] * 0.75)
            p.pwm = rng.random() < (0.05 if dev.mobile else 0.14)
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, p.tz, "mobile" if dev.mobile else rng.choice(["consumer", "dev", "dev"]))
            ip = ip_for(rng, p, dev)
            if dev.family == "opera_mini":
                ip = w.hosting["presto"].block(rng, NEAREST_PRESTO.get(p.cc, "NL")).addr(rng)
            elif p.cc in SAT_COUNTRIES and rng.random() < 0.025:
                sat = w.hosting["orbit"]
                p.line = None
                p.cell = Cell(rng, sat, p.cc, None)
                ip = p.cell.ip(rng)
            t = self.maybe_typo(rng, p, dev, t, ip, "organic_web")
            ref = self.ref(rng) if rng.random() < 0.07 else None
            web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="organic_web", ref=ref)
            self.done(p, t, "organic_web", 0.9)
            if rng.random() < 0.012:
                self.second_account(rng, p, dev, t, ip_for(rng, p, dev), "organic_web")
            if p.line is not None and rng.random() < 0.25:
                self.households.append(p)

    def mobile_app(self, n=4800):
        ctx = self.ctx
        rng = ctx.rng("app")
        for _ in range(n):
            p = make_person(ctx, rng, email_p={"relay": 0.03})
            give_lines(ctx, rng, p, home_p=0.8)
            ios = rng.random() < COUNTRIES[p.cc]["ios"] * 1.2
            dev = C.app(rng, p.langs, device_tz(rng, p.cc, p.tz, True), "ios" if ios else "android")
            p.devices.append(dev)
            if rng.random() < 0.4:
                p.devices.append(C.desktop(rng, p.langs, p.tz))
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, p.tz, "mobile")
            ip = p.cell.ip(rng) if (p.line is None or rng.random() < 0.6) else p.line.ip(rng)
            t = self.maybe_typo(rng, p, dev, t, ip, "mobile_app", app=True)
            if rng.random() < 0.16:
                # "Continue with Google/Apple": no form step at all
                ctx.emit(rng, "signup", t, ip, label=L, campaign="mobile_app", account=p.account, email=p.email, username=p.username,
                         headers=dev.headers(t, flow="json"))
            else:
                app_signup(ctx, rng, p, dev, t, ip, label=L, campaign="mobile_app")
            self.done(p, t, "mobile_app", 1.3)
            if p.line is not None and rng.random() < 0.2:
                self.households.append(p)

    def cli_dev(self, n=1500):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("cli")
        devw = {"US": 20, "IN": 18, "DE": 6, "GB": 6, "BR": 6, "CA": 4, "NL": 3, "PL": 3, "UA": 3, "FR": 3, "JP": 2, "KR": 2, "NG": 3, "VN": 3,
                "ID": 2, "TR": 2, "PK": 2, "EG": 2, "MX": 2, "AR": 2, "SG": 1.5, "AU": 1.5, "ES": 1.5, "KE": 1, "PH": 1.5, "TW": 1}
        cloud = ["strato", "strato", "nimbara", "kessler", "orvane", "vultara", "brightrack"]
        for _ in range(n):
            cc = pick_country(rng, devw)
            p = make_person(ctx, rng, cc, email_p={"plus": 0.08, "personal": 0.06, "relay": 0.02, "disposable": 0.01}, by_range=(1970, 2006))
            give_lines(ctx, rng, p)
            r = rng.random()
            if r < 0.03:
                dev = C.Device(rng, "script", "linux", langs=p.langs, tz=p.tz)
                hdr = C.script_headers(rng.choice(["requests", "requests", "curl", "go"]))
            else:
                dev = C.cli(rng, p.langs, p.tz)
                hdr = None
            p.devices.append(dev)
            p.devices.append(C.desktop(rng, p.langs, p.tz, os_mix=[("mac", 45), ("linux", 30), ("win", 25)]))
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, p.tz, "dev")
            r = rng.random()
            if r < 0.27:
                key = rng.choice(cloud)
                n_ = w.hosting[key]
                cands = [b for b in n_.v4blocks if b.cc == cc] or n_.v4blocks
                blk = rng.choice(cands)
                if rng.random() < 0.3 and n_.v6blocks:
                    blk = rng.choice([b for b in n_.v6blocks if b.cc == cc] or n_.v6blocks)
                ip = blk.addr(rng)
                p.via = blk
            elif r < 0.36:
                co = rng.choice([c for c in w.companies if c["egress"]])
                ip = rng.choice(list(co["egress"].values())).addr(rng)
            elif r < 0.42:
                ip = p.cell.ip(rng)
            else:
                ip = p.line.ip(rng) if p.line else p.cell.ip(rng)
            h = hdr or dev.headers(t, flow="json")
            fm = None
            if dev.family == "script" and rng.random() < 0.3:
                fm = {"fill_ms": int(rng.uniform(800, 4000))}
            ctx.emit(rng, "signup", t, ip, label=L, campaign="cli_developer", account=p.account, email=p.email, username=p.username, headers=h, form=fm)
            self.done(p, t, "cli_developer", 1.6)
            if rng.random() < 0.06:
                self.second_account(rng, p, dev if rng.random() < 0.5 else p.devices[1], t, ip, "cli_developer")

    def cloud_workspace(self, n=400):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("cloudws")
        for _ in range(n):
            p = make_person(ctx, rng, pick_country(rng, {"US": 25, "IN": 20, "DE": 8, "GB": 8, "BR": 5, "NL": 4, "SG": 4, "CA": 4, "FR": 3, "PL": 3, "JP": 3, "VN": 3, "NG": 3}),
                            by_range=(1970, 2004))
            give_lines(ctx, rng, p)
            key = rng.choice(["strato", "strato", "nimbara", "nimbara", "kessler", "orvane", "vultara"])
            n_ = w.hosting[key]
            blk = rng.choice([b for b in n_.v4blocks if b.cc == p.cc] or n_.v4blocks)
            tz = rng.choice(["UTC", "UTC", "Etc/UTC", p.tz, p.tz, w.tz_of_block(blk)])
            fam = rng.choice(["chrome", "chrome", "chrome", "firefox"])
            dev = C.Device(rng, fam, "linux", langs=["en-US", "en"] if rng.random() < 0.7 else p.langs, tz=tz,
                           screen=rng.choice(["1920x1080x24", "1920x1080x24", "1280x800x24", "1600x900x24", "2560x1440x24", "1280x720x24"]),
                           hw=rng.choice([2, 4, 4, 8, 8, 16]), mem=rng.choice([2, 4, 8, 8]), touch=0, lag=C.chrome_lag(rng),
                           pinned=149 if fam == "firefox" else None)
            p.devices.append(dev)
            p.via = blk
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, p.tz, "office" if rng.random() < 0.6 else "dev")
            web_signup(ctx, rng, p, dev, t, blk.addr(rng), label=L, campaign="cloud_workspace", ref_kind="dev")
            self.done(p, t, "cloud_workspace", 1.2)

    # ------------------------------------------------------------------
    def student_email(self, rng, p, uni):
        dom = uni["domain"]
        f, l = P.clean(p.first), P.clean(p.last) or P.clean(p.first)
        cc = uni["cc"]
        yr = rng.choice(["21", "22", "23", "24", "25"])
        if cc in ("IN", "PK", "BD", "NG", "EG", "VN"):
            pat = rng.random()
            if pat < 0.45:
                lp = yr + rng.choice(["bcs", "bce", "cse", "it", "ece", "me", "bit"]) + "%03d" % rng.randrange(1, 400)
            elif pat < 0.75:
                lp = f + "." + yr + rng.choice(["cs", "it", "ec"])
            else:
                lp = f + "." + l
        elif dom.startswith(("student.", "my.")):
            lp = f + "." + l + "%02d" % rng.randrange(1, 100)
        elif cc in ("US", "CA", "GB", "AU"):
            lp = rng.choice([f[0] + l + str(rng.randrange(1, 99)), f + "." + l, f[:3] + l[:4] + str(rng.randrange(1, 9))])
        else:
            lp = rng.choice([f + "." + l, f[0] + l, l + f[0] + str(rng.randrange(1, 99))])
        return self.ctx.uniq_email(rng, lp, dom)

    def student(self, n=2600):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("student")
        unis = w.unis
        uw = [5 if u["domain"].startswith(("student.", "my.")) else 3 if u["cc"] in ("IN", "NG", "BR", "ID", "VN", "PK", "EG", "PH", "TR", "MX", "BD", "KE") else 1.5 for u in unis]
        made = 0
        # lab sessions: an instructor asks the class to sign up together
        labs = 0
        while made < n * 0.48:
            uni = rng.choices(unis, uw)[0]
            tz = city_of(uni["cc"], uni["city"])[5]
            day = rng.choice([d for d in range(14) if not is_weekend(d)])
            start = local_ms(tz, day, rng.choice([9, 10, 11, 13, 14, 15, 16]) * 3600 + rng.choice([0, 900, 1800]))
            size = rng.randint(14, 70)
            in_lab = rng.random() < 0.55
            lab_fp = C.hexid("lab", uni["domain"], labs)
            lab_hw = rng.choice([4, 8, 8, 12])
            lab_scr = rng.choice(["1920x1080x24", "1366x768x24", "1600x900x24"])
            lab_lag = rng.choice([0, 1, 1, 2, 3])
            labs += 1
            for k in range(size):
                p = make_person(ctx, rng, uni["cc"], uni["city"], by_range=(2000, 2008))
                give_lines(ctx, rng, p)
                if rng.random() < 0.62:
                    p.email = self.student_email(rng, p, uni)
                if in_lab and rng.random() < 0.85:
                    dev = C.Device(rng, "chrome", "win", langs=pick_langs(rng, uni["cc"]) if rng.random() < 0.3 else ["en-US", "en"], tz=tz,
                                   screen=lab_scr, hw=lab_hw, mem=8, touch=0, lag=lab_lag, rollout=0, fp=lab_fp)
                else:
                    dev = give_devices(rng, p, mobile_share=0.35)
                p.devices.insert(0, dev) if dev not in p.devices else None
                ip = uni["nat"].addr(rng)
                if uni["v6blk"] is not None and rng.random() < uni["v6"]:
                    ip = uni["v6blk"].addr(rng)
                if dev.mobile and rng.random() < 0.3:
                    ip = p.cell.ip(rng)
                p.account = ctx.acct_id(rng)
                t = start + int(rng.expovariate(1 / 420.0) * 1000) + k * int(rng.uniform(2, 12) * 1000)
                fill = int(max(3000, lognorm(rng, 42000, 0.5)))
                web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="student_program", ref_kind="student", fill=fill)
                p.uni = uni
                self.done(p, t, "student_program", 1.0)
                made += 1
        # individual students from home, dorms or phones; online colleges enrol students nationwide
        uw2 = [16 if u["domain"].startswith(("student.", "my.")) else x for u, x in zip(unis, uw)]
        while made < n:
            uni = rng.choices(unis, uw2)[0]
            online = uni["domain"].startswith(("student.", "my."))   # open online enrolment: students anywhere in the country
            p = make_person(ctx, rng, uni["cc"], uni["city"] if rng.random() < (0.3 if online else 0.7) else None, by_range=(1975 if online else 1998, 2008))
            give_lines(ctx, rng, p, home_p=0.75)
            if rng.random() < (0.8 if online else 0.55):
                p.email = self.student_email(rng, p, uni)
            dev = give_devices(rng, p, mobile_share=0.45)
            p.pwm = rng.random() < 0.06
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, p.tz, "student")
            r = rng.random()
            ip = uni["dorm"].addr(rng) if (r < 0.25 and not online) else (uni["nat"].addr(rng) if (r < 0.4 and not online) else ip_for(rng, p, dev))
            web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="student_program", ref_kind="student")
            p.uni = uni
            self.done(p, t, "student_program", 1.0)
            made += 1

    def bootcamp(self, n=500):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("bootcamp")
        camps = [("NG", "Lagos", "lagoscode"), ("KE", "Nairobi", "nbodevschool"), ("IN", "Bengaluru", "blrfullstack"), ("BR", "São Paulo", "sp-codelab"),
                 ("EG", "Cairo", "cairocoders"), ("PK", "Lahore", "lhrdevacademy"), ("PH", "Makati City", "mnltechcamp"), ("MX", "Guadalajara", "gdlbootcamp"),
                 ("TR", "Istanbul", "istkodlab"), ("VN", "Ho Chi Minh City", "sgncodecamp"), ("NG", "Abuja", "abjtechhub"), ("IN", "Pune", "punecodeworks")]
        lines = {}
        made = 0
        while made < n:
            cc, city, code = rng.choice(camps)
            if code not in lines:
                lines[code] = Line(rng, w.pick_res(rng, cc), cc, city)
                lines[code].v6 = False
            line = lines[code]
            tz = city_of(cc, city)[5]
            day = rng.choice([d for d in range(14) if not is_weekend(d)])
            start = local_ms(tz, day, rng.choice([9.5, 10, 10.5, 14]) * 3600)
            size = rng.randint(15, 45)
            for k in range(size):
                p = make_person(ctx, rng, cc, city, by_range=(1988, 2006))
                give_lines(ctx, rng, p)
                dev = give_devices(rng, p, mobile_share=0.12)
                p.account = ctx.acct_id(rng)
                t = start + int(rng.expovariate(1 / 300.0) * 1000) + k * int(rng.uniform(5, 25) * 1000)
                ip = line.ip4 if rng.random() < 0.85 else p.cell.ip(rng)
                fill = int(max(4000, lognorm(rng, 36000, 0.45)))
                web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="bootcamp_cohort", ref=code + "26", fill=fill)
                self.done(p, t, "bootcamp_cohort", 1.5)
                made += 1

    def hackathon(self):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("hackathon")
        events = [("NG", "Lagos", 5, 9.0, 300, "lagos-ai-build-26"), ("IN", "Bengaluru", 12, 9.5, 400, "blr-agents-hack")]
        for cc, city, day, hr, size, code in events:
            tz = city_of(cc, city)[5]
            venue = Line(rng, w.pick_res(rng, cc), cc, city)
            venue_ips = [venue.b4.addr(rng), venue.b4.addr(rng)]
            kickoff = local_ms(tz, day, hr * 3600)
            team = []
            for k in range(size):
                p = make_person(ctx, rng, cc, city, by_range=(1985, 2006), email_p={"personal": 0.03})
                give_lines(ctx, rng, p)
                dev = give_devices(rng, p, mobile_share=0.2)
                p.pwm = rng.random() < 0.12
                p.account = ctx.acct_id(rng)
                if team and rng.random() < 0.6:
                    t = team[-1] + int(rng.uniform(10, 240) * 1000)
                else:
                    t = kickoff + int(abs(rng.gauss(75, 55)) * 60000)
                team.append(t)
                r = rng.random()
                ip = rng.choice(venue_ips) if r < 0.7 else p.cell.ip(rng)
                web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="hackathon", referer_url=SITE + "/signup?event=" + code)
                p.venue = venue_ips
                self.done(p, t, "hackathon", 1.2)

    def viral(self, n=2200):
        ctx = self.ctx
        rng = ctx.rng("viral")
        t0 = local_ms("Asia/Jakarta", 7, 19.5 * 3600)
        prof = [0.6, 0.35, 0.2, 0.1, 0.1, 0.2, 0.5, 0.8, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.3, 1.4, 1.4, 1.2, 0.9]
        made = 0
        while made < n:
            t = t0 + int(rng.expovariate(1 / (16 * 3600.0)) * 1000)
            if t >= T_END:
                continue
            h, _ = divmod(((t - t0) // 1000 + int(19.5 * 3600)) % 86400, 3600)
            if rng.random() > prof[int(h)] / 1.4:
                continue
            cc = "ID" if rng.random() < 0.95 else "MY"
            p = make_person(ctx, rng, cc, by_range=(1995, 2009), email_p={"disposable": 0.02})
            give_lines(ctx, rng, p, home_p=0.7)
            r = rng.random()
            if r < 0.8:
                dev = C.android(rng, p.langs, device_tz(rng, cc, p.tz, True))
            elif r < 0.88:
                dev = C.iphone(rng, p.langs, p.tz)
            else:
                dev = C.desktop(rng, p.langs, p.tz)
            p.devices.append(dev)
            p.account = ctx.acct_id(rng)
            ip = p.cell.ip(rng) if (dev.mobile and (p.line is None or rng.random() < 0.7)) else (p.line.ip(rng) if p.line else p.cell.ip(rng))
            q = rng.random()
            refu = SITE + "/signup?ref=budikoding" if q < 0.5 else (SITE + "/signup?utm_source=tiktok&utm_medium=video" if q < 0.75 else SITE + "/signup?utm_source=youtube&utm_campaign=tutorial_agen_ai")
            fill = int(max(2500, lognorm(rng, 26000, 0.5)))
            web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="viral_tutorial", referer_url=refu, fill=fill)
            self.done(p, t, "viral_tutorial", 0.5)
            made += 1

    def enterprise(self, n=1400):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("enterprise")
        cos = w.companies
        zep = w.hosting["zephyr"]
        made = 0
        bursts = set(rng.sample(range(n), 7))
        burst_left, burst_co, burst_t, burst_code = 0, None, 0, None
        while made < n:
            if made in bursts and burst_left == 0:
                burst_co = rng.choices(cos, [c["w"] for c in cos])[0]
                burst_left = rng.randint(18, 45)
                occ, ocity = burst_co["offices"][0]
                tz = city_of(occ, ocity)[5]
                burst_t = local_ms(tz, rng.choice([d for d in range(14) if not is_weekend(d)]), rng.choice([9.5, 10, 11, 14, 15]) * 3600)
                burst_code = "team_" + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(8))
            if burst_left > 0:
                co = burst_co
                occ, ocity = co["offices"][0]
            else:
                co = rng.choices(cos, [c["w"] for c in cos])[0]
                occ, ocity = rng.choice(co["offices"])
            p = make_person(ctx, rng, occ, ocity, by_range=(1965, 2003))
            give_lines(ctx, rng, p)
            f, l = P.clean(p.first), P.clean(p.last) or P.clean(p.first)
            lp = f + "." + l if rng.random() < 0.7 else (f[0] + l if rng.random() < 0.6 else f + l[0])
            p.email = ctx.uniq_email(rng, lp, co["domain"])
            langs = p.langs if rng.random() < 0.5 else ["en-US", "en"]
            dev = C.desktop(rng, langs, p.tz, os_mix=[("win", 75), ("mac", 25)], fam_mix=[("chrome", 60), ("edge", 40)], old_p=0.0)
            dev.collector = rng.random() > 0.02
            p.devices.append(dev)
            p.devices.append(C.iphone(rng, p.langs, p.tz) if rng.random() < 0.5 else C.android(rng, p.langs, p.tz))
            p.account = ctx.acct_id(rng)
            if burst_left > 0:
                t = burst_t + int(rng.expovariate(1 / 1500.0) * 1000)
                burst_left -= 1
            else:
                t = sample_time(rng, p.tz, "office")
            r = rng.random()
            egress = co["egress"].get((occ, ocity))
            if egress is not None and r < 0.55:
                ip = egress.addr(rng)
                p.via = egress
            elif co["gw"] and r < 0.85:
                pops = [b for b in zep.v4blocks if b.cc == occ] or [b for b in zep.v4blocks if b.cc in ZEPHYR_POP.get(occ, ["US"])]
                blk = rng.choice(pops)
                ip = blk.addr(rng)
                p.via = blk
            elif egress is None and co["egress"] and r < 0.9:
                # office abroad backhauled to headquarters over the corporate VPN
                blk = rng.choice(list(co["egress"].values()))
                ip = blk.addr(rng)
                p.via = blk
            else:
                ip = p.line.ip(rng) if p.line else p.cell.ip(rng)
            strip = rng.random() < 0.03
            if rng.random() < 0.65:
                idp = rng.choice(["https://login.microsoftonline.com", "https://%s.okta.com" % co["domain"].split(".")[0], "https://accounts.google.com"])
                web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="enterprise_sso", referer_url=idp + "/", site="cross-site", origin=idp, form=False, strip_ch=strip)
            else:
                fill = int(max(1500, lognorm(rng, 5200, 0.5)))
                refu = SITE + "/signup?invite=" + burst_code if burst_left > 0 else SITE + "/signup?sso=1"
                web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="enterprise_sso", referer_url=refu, fill=fill, strip_ch=strip)
            self.done(p, t, "enterprise_sso", 2.0)
            made += 1

    def privacy(self, n=1000):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("privacy")
        vpnw = {"US": 12, "DE": 8, "GB": 7, "TR": 8, "EG": 5, "PK": 5, "IN": 8, "FR": 5, "NL": 4, "PL": 4, "BR": 5, "AE": 4, "ID": 4, "VN": 3, "UA": 4, "KZ": 2, "CA": 3, "ES": 3, "MX": 2, "NG": 3, "AU": 2}
        vpns = ["quadrant", "quadrant", "datashard", "privanet"]
        for i in range(n):
            r = rng.random()
            if r < 0.55:
                cc = pick_country(rng, vpnw)
                p = make_person(ctx, rng, cc, email_p={"relay": 0.06, "plus": 0.05, "disposable": 0.02})
                give_lines(ctx, rng, p)
                dev = give_devices(rng, p, mobile_share=0.3)
                vn = w.hosting[rng.choice(vpns)]
                here = [b for b in vn.v4blocks if b.cc == cc]
                if here and rng.random() < 0.3:
                    blk = rng.choice(here)
                else:
                    pref = rng.choice(["US", "US", "NL", "DE", "GB", "SG", "CA", "JP", "FR"])
                    blk = rng.choice([b for b in vn.v4blocks if b.cc == pref] or vn.v4blocks)
                p.via = blk
                mode = "vpn"
            elif r < 0.58:
                # "static residential IP" VPN products sold to streamers and remote workers
                cc = pick_country(rng, {"US": 4, "GB": 2, "DE": 2, "IN": 2, "NG": 1, "PK": 1, "AE": 1, "TR": 1})
                p = make_person(ctx, rng, cc)
                give_lines(ctx, rng, p)
                dev = give_devices(rng, p, mobile_share=0.2)
                net = w.hosting[rng.choice(["bluewave", "northstar", "altmark"])]
                p.via = rng.choice(net.v4blocks)
                mode = "static-resi"
            elif r < 0.85:
                cc = rng.choice(["US", "US", "US", "GB", "DE", "FR", "CA", "JP", "AU", "BR", "MX", "IN", "NL", "ES", "KR", "TW", "SG", "TR"])
                p = make_person(ctx, rng, cc, email_p={"relay": 0.35})
                give_lines(ctx, rng, p)
                if rng.random() < 0.7:
                    dev = C.iphone(rng, p.langs, p.tz, chrome_p=0.0)
                else:
                    dev = C.Device(rng, "safari", "mac", langs=p.langs, tz=p.tz, screen=C.wpick(rng, C.MAC_SCREENS)[0].replace("x30", "x24"), hw=8, os_ver="26.4")
                p.devices.append(dev)
                rel = w.hosting["relay"]
                blks = [b for b in rel.v4blocks + rel.v6blocks if b.cc == cc] or rel.v4blocks
                p.via = rng.choice(blks)
                mode = "relay"
            elif r < 0.88:
                cc = pick_country(rng, vpnw)
                p = make_person(ctx, rng, cc, email_p={"relay": 0.2, "disposable": 0.05})
                give_lines(ctx, rng, p)
                if "@" in p.email and p.email.split("@")[1] in ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com"):
                    p.email = ctx.uniq_email(rng, P.localpart(rng, p.first, p.last, p.by), rng.choice(["proton.me", "proton.me", "tutanota.com", "disroot.org", "riseup.net"]))
                dev = C.Device(rng, "tor", "win", langs=["en-US", "en"], tz="UTC", screen="1400x900x24", hw=4, touch=0, fp=C.hexid("tor-browser-15.0"))
                p.devices.append(dev)
                tor = [w.hosting[k] for k in ("torrelay1", "torrelay2", "torrelay3")]
                p.via = rng.choice(tor).v4blocks[0]
                mode = "tor"
            else:
                cc = pick_country(rng)
                p = make_person(ctx, rng, cc, email_p={"relay": 0.1, "plus": 0.06})
                give_lines(ctx, rng, p)
                dev = C.desktop(rng, p.langs, p.tz, fam_mix=[("firefox", 60), ("brave", 40)], os_mix=[("win", 40), ("linux", 35), ("mac", 25)])
                if dev.family == "firefox":
                    dev.rfp = True
                else:
                    dev.fp_random_each = True
                p.devices.append(dev)
                mode = "hardened"
            p.pwm = rng.random() < 0.3
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, p.tz, rng.choice(["consumer", "dev"]))
            ip = p.via.addr(rng) if p.via is not None else ip_for(rng, p, dev)
            web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="privacy_conscious")
            p.privacy_mode = mode
            self.done(p, t, "privacy_conscious", 1.0)

    def travellers(self, n=600):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("travel")
        homes = {"IN": 15, "US": 14, "GB": 8, "DE": 7, "NG": 6, "BR": 5, "PK": 5, "EG": 4, "PH": 5, "FR": 4, "CA": 3, "AU": 3, "KR": 2, "JP": 2, "MX": 3, "TR": 3, "VN": 2, "ID": 2}
        dests = {"AE": 14, "GB": 10, "US": 12, "SG": 8, "DE": 6, "FR": 6, "ES": 6, "JP": 5, "MY": 4, "TR": 5, "NL": 4, "CA": 3, "AU": 2, "IN": 3, "MX": 3, "KE": 2, "ZA": 2, "BR": 2}
        for _ in range(n):
            hc = pick_country(rng, homes)
            dc = hc
            while dc == hc:
                dc = pick_country(rng, dests)
            p = make_person(ctx, rng, hc)
            give_lines(ctx, rng, p)
            dcity = pick_city(rng, dc)
            dtz = dcity[5]
            if rng.random() < 0.1:
                # visitors from China or Russia using the service while abroad
                home = "CN" if rng.random() < 0.65 else "RU"
                fn, ln = P.name_lists(home)
                p.first, p.last = rng.choice(fn), rng.choice(ln)
                p.langs = [["zh-CN", "zh", "en-US", "en"], ["ru-RU", "ru", "en-US", "en"]][home == "RU"]
                p.tz = "Asia/Shanghai" if home == "CN" else "Europe/Moscow"
                doms = [("qq.com", 30), ("163.com", 20), ("outlook.com", 25), ("gmail.com", 25)] if home == "CN" else [("yandex.ru", 35), ("mail.ru", 30), ("gmail.com", 35)]
                dom = C.wpick(rng, doms)[0]
                lp = str(rng.randrange(10**7, 4 * 10**9)) if dom == "qq.com" and rng.random() < 0.7 else P.localpart(rng, p.first, p.last, p.by, dig=1.0)
                p.email = ctx.uniq_email(rng, lp, dom)
                p.cc, p.cell = dc, Cell(rng, w.pick_mob(rng, dc), dc, dcity[0])
                p.line = None
            mode = C.wpick(rng, [("wifi", 45), ("roam", 35), ("esim", 20)])[0]
            mobile = mode != "wifi" or rng.random() < 0.5
            if mobile:
                dev = C.iphone(rng, p.langs, dtz) if rng.random() < 0.5 else C.android(rng, p.langs, dtz)
            else:
                dev = C.desktop(rng, p.langs, dtz if rng.random() < 0.5 else p.tz)
            p.devices.append(dev)
            if mode == "wifi":
                ip = Line(rng, w.pick_res(rng, dc), dc, dcity[0]).ip4
            elif mode == "roam":
                ip = p.cell.ip(rng)
            else:
                nm = w.hosting["nomad"]
                ip = rng.choice(nm.v4blocks).addr(rng)
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, dtz, "mobile" if mobile else "consumer")
            web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="travellers_roaming")
            p.trip = (dc, dcity, mode, t + int(rng.uniform(1, 9) * DAY))
            self.done(p, t, "travellers_roaming", 1.2)

    def cafes(self, n=700):
        ctx, w = self.ctx, self.w
        rng = ctx.rng("cafes")
        spec = [("NG", 10), ("PK", 8), ("EG", 6), ("BD", 6), ("PH", 5), ("VN", 4), ("ID", 3), ("KE", 3), ("IN", 3)]
        cafes = []
        for cc, k in spec:
            for j in range(k):
                city = pick_city(rng, cc)
                line = Line(rng, w.pick_res(rng, cc), cc, city[0])
                line.v6 = False
                win7 = rng.random() < 0.3
                cloned = rng.random() < 0.5
                pcs = []
                npc = rng.randint(4, 12)
                hw, scr = rng.choice([2, 4, 4, 8]), rng.choice(["1366x768x24", "1920x1080x24", "1280x1024x24", "1440x900x24", "1600x900x24"])
                lag = rng.choice([1, 2, 3, 5, 9])
                for q in range(npc):
                    fp = C.hexid("cafe", cc, j) if cloned else None
                    d = C.Device(rng, "chrome", "win", langs=pick_langs(rng, cc), tz=city[5], screen=scr, hw=hw, mem=min(hw, 8), touch=0,
                                 lag=lag, pinned=109 if win7 else None, os_ver="7" if win7 else "10", fp=fp, rollout=3 * DAY)
                    pcs.append(d)
                cafes.append((cc, city, line, pcs, rng.random() < 0.35))
        for _ in range(n):
            cc, city, line, pcs, assisted = rng.choice(cafes)
            p = make_person(ctx, rng, cc, city, email_p={"disposable": 0.005})
            give_lines(ctx, rng, p, home_p=0.2)
            dev = rng.choice(pcs)
            p.devices.append(dev)
            if rng.random() < 0.6:
                p.devices.append(C.android(rng, p.langs, p.tz))
            p.account = ctx.acct_id(rng)
            t = sample_time(rng, city[5], "cafe")
            fill = int(max(3000, lognorm(rng, 11000, 0.35))) if assisted and rng.random() < 0.6 else None
            web_signup(ctx, rng, p, dev, t, line.ip4, label=L, campaign="internet_cafe", fill=fill)
            p.cafe = (line, pcs)
            self.done(p, t, "internet_cafe", 0.8)

    def family(self, n=500):
        ctx = self.ctx
        rng = ctx.rng("family")
        hh = sorted(self.households, key=lambda q: q.account_t)
        for _ in range(n):
            base = rng.choice(hh)
            p = make_person(ctx, rng, base.cc, base.city)
            if rng.random() < 0.8:
                p.last = base.last
                p.email = ctx.uniq_email(rng, P.localpart(rng, p.first, p.last, p.by), pick_domain(rng, p.cc))
            p.line, p.cell = base.line, base.cell
            p.langs = base.langs
            if rng.random() < 0.6 and base.devices and base.devices[0].family not in ("app", "cli", "pycli", "script"):
                dev = base.devices[0]
            else:
                dev = C.android(rng, p.langs, p.tz) if rng.random() < 0.7 else C.iphone(rng, p.langs, p.tz)
            p.devices.append(dev)
            p.account = ctx.acct_id(rng)
            t = base.account_t + int(rng.uniform(0.02, 9) * DAY)
            if t >= T_END:
                t = base.account_t + int(rng.uniform(600, 7200) * 1000)
                if t >= T_END:
                    continue
            ip = p.line.ip(rng) if p.line else p.cell.ip(rng)
            web_signup(ctx, rng, p, dev, t, ip, label=L, campaign="shared_household", ref=self.ref(rng) if rng.random() < 0.2 else None)
            self.done(p, t, "shared_household", 1.0)

    # ------------------------------------------------------------------
    def existing(self, n=9000):
        """Accounts created before the window; they only log in."""
        ctx = self.ctx
        rng = ctx.rng("existing")
        out = []
        for _ in range(n):
            p = make_person(ctx, rng)
            give_lines(ctx, rng, p)
            r = rng.random()
            if r < 0.12:
                dev = C.cli(rng, p.langs, p.tz)
                p.devices.append(dev)
                p.devices.append(C.desktop(rng, p.langs, p.tz))
            elif r < 0.3:
                p.devices.append(C.app(rng, p.langs, p.tz, "ios" if rng.random() < COUNTRIES[p.cc]["ios"] else "android"))
            else:
                give_devices(rng, p, mobile_share=COUNTRIES[p.cc]["mob"] * 0.6)
            p.pwm = rng.random() < 0.15
            p.account = ctx.acct_id(rng)
            p.account_t = T0 - int(rng.uniform(5, 700) * DAY)
            p.campaign = "returning_user"
            u = rng.random()
            p.logins_mean = 7.0 if u < 0.08 else (2.6 if u < 0.45 else 0.9)
            if p.cc in ("US", "IN", "GB", "DE") and rng.random() < 0.08:
                co = rng.choice([c for c in self.w.companies if c["egress"]])
                p.work = rng.choice(list(co["egress"].values()))
            out.append(p)
            ctx.accounts.append(p)
        self.existing_people = out
        return out
