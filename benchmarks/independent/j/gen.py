#!/usr/bin/env python3
"""Lumen signup/login traffic generator.  python gen.py --out DIR [--seed 1]"""
import argparse
import ipaddress
import json
import os
import random
import time
from datetime import timedelta

import agents as A
from agents import START, END, LAUNCH, iso, sample_time, make_device, pick_class, lang_list, human_fill
from world import World, COUNTRIES, DC_CITIES

D = timedelta


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed)
        self.w = World(seed)
        self.names = A.Names(seed)
        self.events = []
        self.unames = {}
        self.legit_people = []
        self.offices = {}
        self.counts = {}

    # ------------------------------------------------------------ basics
    def account(self):
        return "acc_" + "".join(self.rng.choice("0123456789abcdefghjkmnpqrstvwxyz") for _ in range(14))

    def uname(self, base):
        base = base or "user"
        if base not in self.unames:
            self.unames[base] = 1
            return base
        self.unames[base] += 1
        return base + str(self.unames[base] + self.rng.randrange(0, 50))

    def emit(self, kind, t, ip, p, prof=None, hdr=None, label="legit", campaign="", form=None, success=None, email=None, with_account=True, extra=None):
        e = {"event_id": "evt_%016x" % self.rng.getrandbits(64), "kind": kind, "occurred_at": iso(t), "ip": ip}
        if with_account and p.get("account"):
            e["account"] = p["account"]
        em = p.get("email") if email is None else email
        if em and (kind == "signup" or email is not None or self.rng.random() < 0.7):
            e["email"] = em
        if p.get("username") and (kind == "signup" or self.rng.random() < 0.3):
            e["username"] = p["username"]
        if kind == "login":
            e["success"] = bool(success if success is not None else True)
        if prof:
            e["headers"] = dict(prof["hdr"])
            e["device"] = dict(prof["dev"])
        elif hdr:
            e["headers"] = dict(hdr)
        if form is not None:
            e["form"] = form
        if extra:
            e.update(extra)
        e["label"] = label
        e["campaign"] = campaign
        self.events.append(e)
        k = (campaign, label, kind)
        self.counts[k] = self.counts.get(k, 0) + 1
        return e

    def cc_pick(self, bias=None, exclude_unsupported=True):
        ccs = [c for c, v in COUNTRIES.items() if v[2] > 0]
        ws = [COUNTRIES[c][2] * (bias.get(c, 1.0) if bias else 1.0) for c in ccs]
        return self.rng.choices(ccs, ws)[0]

    def city_pick(self, cc):
        cs = COUNTRIES[cc][3]
        return self.rng.choices(cs, [c[4] for c in cs])[0][0]

    def person(self, cc, city=None, english_p=None, domain=None, group=None):
        rng = self.rng
        city = city or self.city_pick(cc)
        tz = self.w.cities[(cc, city)][2]
        first, last = self.names.person(rng, group or COUNTRIES[cc][5])
        if english_p is None:
            english_p = {"west": 0.2, "cee": 0.3, "cis": 0.25, "mena": 0.42, "south": 0.65}[A.REGION.get(cc, "west")]
        langs = lang_list(rng, cc, english_p)
        dom = domain or A.pick_domain(rng, cc)
        email = A.email_local(rng, first, last) + "@" + dom
        return {"cc": cc, "city": city, "tz": tz, "first": first, "last": last, "langs": langs, "email": email,
                "username": self.uname(A.username_for(rng, first, last)), "account": self.account()}

    # ------------------------------------------------------------ networks
    def home_net(self, p, mobile=False):
        a = self.w.pick_isp(self.rng, p["cc"], mobile)
        p["isp"] = a
        if not a.kind.startswith("mobile"):
            p["hip"] = self.w.host_in(self.rng, a, p["city"])
        return a

    def ip_home(self, p, fresh=False):
        rng = self.rng
        a = p["isp"]
        if a.kind.startswith("mobile"):
            if a.kind == "mobile6" and rng.random() < 0.65:
                return self.w.host_in(rng, a, p["city"], v6=True)
            return self.w.cgnat_ip(rng, a)
        if a.kind == "fixed6" and rng.random() < 0.35:
            if "v6p" not in p:
                p["v6p"] = self.w.host_in(rng, a, p["city"], v6=True)
            pre = ipaddress.IPv6Address(p["v6p"])
            return str(ipaddress.IPv6Address((int(pre) >> 64 << 64) | rng.getrandbits(64)))
        if fresh or rng.random() < 0.07:
            p["hip"] = self.w.host_in(rng, a, p["city"])
        return p["hip"]

    def office_ip(self, cc, city):
        key = (cc, city)
        if key not in self.offices:
            self.offices[key] = []
        l = self.offices[key]
        if len(l) < 30 and (not l or self.rng.random() < 0.35):
            a = self.w.pick_isp(self.rng, cc)
            l.append((self.w.host_in(self.rng, a, city), a))
        return self.rng.choice(l)[0]

    def multi(self, kind, org=None):
        l = self.w.multi[kind]
        return [a for a in l if org is None or org in a.org][0] if org else self.rng.choice(l)

    def dc_ip(self, a, city=None, cc=None, v6=False):
        blocks = [b for b in a.blocks if (city is None or b[1] == city) and (cc is None or b[2] == cc)] or a.blocks
        blk = self.rng.choice(blocks)
        if v6 and a.v6:
            v = [x for x in a.v6 if x[1] == blk[1]] or a.v6
            return self.w.host_in(self.rng, type("X", (), {"v6": v, "blocks": a.blocks})(), blk[1], v6=True)
        n = blk[0]
        return str(ipaddress.IPv4Address(int(n.network_address) + self.rng.randrange(2, n.num_addresses - 2)))

    def server_pool(self, a, n, city=None, cc=None):
        return [self.dc_ip(a, city, cc) for _ in range(n)]

    def resi_exit(self, cc, mobile_p=0.15):
        """A residential-proxy exit: a real subscriber line (or phone) inside a home ISP."""
        a = self.w.pick_isp(self.rng, cc, self.rng.random() < mobile_p)
        if a.kind.startswith("mobile"):
            return self.w.cgnat_ip(self.rng, a)
        return self.w.host_in(self.rng, a, self.city_pick(cc))

    # ------------------------------------------------------------ legit helpers
    def legit_email_tweaks(self, p, pm=False, disp_p=0.01, plus_p=0.03):
        rng = self.rng
        local, dom = p["email"].split("@")
        r = rng.random()
        if r < plus_p and dom in ("gmail.com", "outlook.com", "proton.me", "icloud.com", "hotmail.com", "yandex.ru", "fastmail.com"):
            p["email"] = "%s+%s@%s" % (local, rng.choice(["lumen", "ai", "api", "llm", "dev", "lumen2026", "signups"]), dom)
        elif r < plus_p + disp_p:
            p["email"] = "%s@%s" % (local if rng.random() < 0.5 else local[:3] + str(rng.randrange(100, 9999)), rng.choice(A.DISPOSABLE))

    def legit_signup(self, p, t, ip, prof, campaign, mobile=False, pm=None, slow=1.0, typo_p=0.02, hdr=None, extra=None):
        rng = self.rng
        if prof is not None:
            if pm is None:
                pm = (not mobile and rng.random() < 0.2) or (mobile and rng.random() < 0.12)
            hp = "" if rng.random() > 0.002 else rng.choice([p["first"], p["email"], "https://"])
            dom = p["email"].split("@")[1]
            if rng.random() < typo_p and dom in A.TYPOS and not pm:
                bad = dict(p, email=p["email"].split("@")[0] + "@" + rng.choice(A.TYPOS[dom]), account=self.account(),
                           username=self.uname(p["username"] + str(rng.randrange(1, 9))))
                self.emit("signup", t, ip, bad, prof, label="legit", campaign=campaign, form={"fill_ms": human_fill(rng, mobile, slow=slow), "honeypot": ""}, extra=extra)
                t = t + D(seconds=rng.uniform(90, 1800))  # never got the verification mail, tries again
            self.emit("signup", t, ip, p, A.refresh(rng, prof), label="legit", campaign=campaign,
                      form={"fill_ms": human_fill(rng, mobile, pm, slow), "honeypot": hp}, extra=extra)
        else:
            self.emit("signup", t, ip, p, None, hdr=hdr, label="legit", campaign=campaign, extra=extra)
        p["t0"], p["campaign"] = t, campaign
        self.legit_people.append(p)
        return t

    def returning(self, p, prof, ipf, campaign, ret_p=0.5, mean_gap_h=30, label="legit", hdr=None, alt=None, fail_p=0.06):
        """Later logins of the same person."""
        rng = self.rng
        if rng.random() > ret_p:
            return
        t = p["t0"]
        off = A.tz_offset(p["tz"])
        for _ in range(12):
            t = t + D(hours=rng.expovariate(1 / mean_gap_h) + 0.3)
            if t >= LAUNCH - D(hours=30) and t < LAUNCH and rng.random() < 0.5:
                t = LAUNCH + D(hours=rng.expovariate(1 / 10))
            lh = (t + off).hour
            if 1 <= lh <= 6:
                t += D(hours=7 - lh + rng.random() * 2)
            if t >= END:
                break
            pr, ip = prof, ipf()
            if alt and rng.random() < 0.2:
                pr, ip = alt()
            pr = A.refresh(rng, pr)
            form = None
            if pr:
                form = {"fill_ms": int(rng.lognormvariate(7.4, 0.5)) if rng.random() < 0.5 else int(rng.lognormvariate(8.9, 0.5)), "honeypot": ""}
            if rng.random() < fail_p:
                self.emit("login", t, ip, p, pr, hdr=hdr, label=label, campaign=campaign, form=form, success=False)
                t = t + D(seconds=rng.uniform(6, 120))
            self.emit("login", t, ip, p, pr, hdr=hdr, label=label, campaign=campaign, form=form and dict(form, fill_ms=int(form["fill_ms"] * rng.uniform(0.5, 1.5))), success=True)
            if rng.random() < 0.35:
                break

    def alt_mobile(self, p):
        cache = {}

        def f():
            if "prof" not in cache:
                cache["prof"] = make_device(self.rng, pick_class(self.rng, p["cc"], True), p["tz"], p["langs"])
                q = dict(p)
                self.home_net(q, mobile=True)
                cache["q"] = q
            return cache["prof"], self.ip_home(cache["q"])
        return f

    # ================================================================ LEGIT SEGMENTS
    def seg_dev_web(self, n, campaign="dev_web", curve="dev", amp=1.3, start=START, mobile_p=0.2):
        rng = self.rng
        for _ in range(n):
            cc = self.cc_pick()
            p = self.person(cc)
            mobile = rng.random() < mobile_p
            where = rng.random()
            if mobile:
                self.home_net(p, mobile=rng.random() < 0.55)
                ipf = lambda p=p: self.ip_home(p)
            elif where < 0.78:
                self.home_net(p)
                ipf = lambda p=p: self.ip_home(p)
            else:  # small office / coworking on a business line
                self.home_net(p)
                oip = self.office_ip(cc, p["city"])
                ipf = lambda oip=oip, p=p: oip if rng.random() < 0.6 else self.ip_home(p)
            prof = make_device(rng, pick_class(rng, cc, mobile), p["tz"], p["langs"])
            self.legit_email_tweaks(p)
            t = sample_time(rng, p["tz"], curve, start=start, amp=amp)
            self.legit_signup(p, t, ipf(), prof, campaign, mobile)
            self.returning(p, prof, ipf, campaign, 0.5, alt=None if mobile else self.alt_mobile(p))

    def seg_mobile(self, n):
        rng = self.rng
        for _ in range(n):
            cc = self.cc_pick()
            p = self.person(cc, english_p=0.15)
            self.home_net(p, mobile=rng.random() < 0.72)
            prof = make_device(rng, pick_class(rng, cc, True), p["tz"], p["langs"])
            self.legit_email_tweaks(p, plus_p=0.01)
            t = sample_time(rng, p["tz"], "mobile", amp=1.8)
            ipf = lambda p=p: self.ip_home(p)
            self.legit_signup(p, t, ipf(), prof, "mobile_web", mobile=True, typo_p=0.035)
            self.returning(p, prof, ipf, "mobile_web", 0.35)

    def uni_in(self, cc):
        l = [u for u in self.w.unis if u.cc == cc]
        return self.rng.choice(l) if l else None

    def uni_nat(self, u, k=None):
        if not hasattr(u, "nat"):
            u.nat = [self.w.host_in(self.rng, u, u.home_city) for _ in range(12)]
        return u.nat[k % len(u.nat)] if k is not None else self.rng.choice(u.nat)

    def student_email(self, u, first, last):
        rng = self.rng
        dom = rng.choice(u.domains)
        f, l = A.strip(first), A.strip(last)
        style = rng.random()
        if style < 0.5:
            loc = f + "." + l
        elif style < 0.7:
            loc = rng.choice("seb") + str(rng.randrange(100000, 2999999))
        elif style < 0.85:
            loc = f[0] + l + str(rng.randrange(1, 99))
        else:
            loc = l + f[:2]
        return loc + "@" + dom

    def seg_students(self, n):
        rng = self.rng
        bias = {"TR": 1.8, "PL": 1.5, "UA": 1.4, "GE": 2, "AM": 2, "AZ": 2, "KZ": 2, "UZ": 2, "EG": 1.6, "MA": 1.4, "TN": 1.4, "JO": 1.5, "RO": 1.4, "CZ": 1.3, "HU": 1.2}
        for _ in range(n):
            cc = self.cc_pick(bias)
            u = self.uni_in(cc)
            city = u.home_city if u and (cc, u.home_city) in self.w.cities else None
            p = self.person(cc, city, english_p={"west": 0.25, "cee": 0.4, "cis": 0.35, "mena": 0.5, "south": 0.7}[A.REGION.get(cc, "west")])
            if u and rng.random() < 0.6:
                p["email"] = self.student_email(u, p["first"], p["last"])
            mobile = rng.random() < 0.28
            self.home_net(p, mobile=mobile and rng.random() < 0.5)
            oncampus = u is not None and rng.random() < 0.55
            ipf = (lambda u=u: self.uni_nat(u)) if oncampus else (lambda p=p: self.ip_home(p))
            cls = pick_class(rng, cc, mobile) if (mobile or rng.random() > 0.08) else "cros_chrome"
            prof = make_device(rng, cls, p["tz"], p["langs"])
            self.legit_email_tweaks(p, disp_p=0.015, plus_p=0.02)
            t = sample_time(rng, p["tz"], "student", amp=1.5)
            self.legit_signup(p, t, ipf(), prof, "students_campus", mobile, slow=0.9, typo_p=0.03)
            self.returning(p, prof, ipf, "students_campus", 0.45, mean_gap_h=40)

    def seg_lab_classes(self, target):
        rng = self.rng
        made = 0
        ccs = ["TR", "TR", "PL", "UA", "GE", "AM", "AZ", "KZ", "UZ", "EG", "RO", "CZ", "MA", "TN", "JO", "HU", "DE", "IL", "BG"]
        while made < target:
            cc = rng.choice(ccs)
            u = self.uni_in(cc)
            if not u:
                continue
            city = u.home_city
            tz = self.w.cities[(cc, city)][2]
            day = rng.choice([d for d in range(14) if (START + D(days=d)).weekday() < 5])
            lt = START + D(days=day, hours=rng.choice([9, 10, 11, 13, 14, 15, 16]), minutes=rng.choice([0, 10, 15, 30]))
            t0 = lt - A.tz_offset(tz)
            k = rng.randint(14, 42)
            os_ = rng.choice(["win_chrome", "win_chrome", "win_edge", "linux_chrome", "linux_firefox"])
            langs = lang_list(rng, cc, 0.5, second=False)
            image = make_device(rng, os_, tz, langs)           # one cloned image: one fingerprint
            nat = self.uni_nat(u, rng.randrange(12))
            course = rng.choice(["NLP", "Applied ML", "Intro to LLMs", "Data Engineering", "AI Systems", "Software Project"])
            for i in range(k):
                p = self.person(cc, city, english_p=0.2)
                if rng.random() < 0.75:
                    p["email"] = self.student_email(u, p["first"], p["last"])
                t = t0 + D(minutes=rng.uniform(2, 28) + (rng.expovariate(1 / 20) if rng.random() < 0.15 else 0))
                if rng.random() < 0.1:   # on their own phone on campus Wi-Fi
                    prof = make_device(rng, pick_class(rng, cc, True), tz, lang_list(rng, cc, 0.2))
                    self.legit_signup(p, t, nat, prof, "uni_lab_classes", True)
                else:
                    self.legit_signup(p, t, nat, image, "uni_lab_classes", False, pm=False, slow=1.1, typo_p=0.05)
                self.home_net(p, mobile=False)
                self.returning(p, make_device(rng, pick_class(rng, cc, rng.random() < 0.4), tz, p["langs"]), lambda p=p: self.ip_home(p), "uni_lab_classes", 0.4)
                made += 1
            # a handful of logins back in the lab next week
        return made

    def seg_api_first(self, n):
        rng = self.rng
        clouds = [a for a in self.w.multi["cloud"] if a.asn in (16509, 396982, 8075, 24940, 14061, 16276, 63949, 20473, 31898, 12876)]
        for _ in range(n):
            cc = self.cc_pick({"US": 1.6, "GB": 1.3, "DE": 1.3, "NL": 1.3, "PL": 1.2, "UA": 1.2, "IN": 1.5})
            p = self.person(cc, english_p=0.5)
            if rng.random() < 0.15:
                p["email"] = "%s@%s%s.%s" % (rng.choice(["hi", "me", A.strip(p["first"]), "dev", "contact"]), A.strip(p["first"]), A.strip(p["last"])[:6], rng.choice(["dev", "io", "me", "com", "net", "xyz"]))
            r = rng.random()
            if r < 0.33:
                a = rng.choice(clouds)
                ip = self.dc_ip(a, v6=rng.random() < 0.1)
                ipf = lambda a=a, ip=ip: ip if rng.random() < 0.7 else self.dc_ip(a)
            elif r < 0.43:
                az = self.multi("cloud", "MICROSOFT")  # GitHub Codespaces
                ipf = lambda az=az: self.dc_ip(az)
            elif r < 0.9:
                self.home_net(p)
                ipf = lambda p=p: self.ip_home(p)
            else:
                z = self.multi("secproxy")
                ipf = lambda z=z: self.dc_ip(z)
            hdr = A.api_headers(rng, p["langs"])
            t = sample_time(rng, p["tz"], "dev", amp=2.0, tau=30)
            self.legit_signup(p, t, ipf(), None, "api_first_devs", hdr=hdr)
            self.returning(p, None, ipf, "api_first_devs", 0.35, hdr=hdr, fail_p=0.03)

    def seg_corporate(self, target):
        rng = self.rng
        made = 0
        corps = list(self.w.corps)
        rng.shuffle(corps)
        i = 0
        while made < target:
            c = corps[i % len(corps)]
            i += 1
            cc, city = c["cc"], c["city"]
            if (cc, city) not in self.w.cities:
                city = COUNTRIES[cc][3][0][0]
            tz = self.w.cities[(cc, city)][2]
            if c["mode"] == "zscaler":
                z = self.multi("secproxy")
                near = [b for b in z.blocks if b[2] == cc] or [b for b in z.blocks if b[1] in ("Frankfurt am Main", "Amsterdam")]
                egress = [self.dc_ip(z, near[0][1]) for _ in range(4)]
            elif c["mode"] == "own":
                egress = [self.w.host_in(rng, c["asn"]) for _ in range(2)]
            else:
                a = self.w.pick_isp(rng, cc)
                egress = [self.w.host_in(rng, a, city)]
            n = rng.randint(12, 70)
            day0 = rng.choice([d for d in range(13) if (START + D(days=d)).weekday() < 4])
            pinned = rng.choice([142, 143, 144])
            cls = rng.choice(["win_edge", "win_chrome", "win_chrome", "mac_chrome"])
            fmt = rng.choice(["{f}.{l}", "{f}.{l}", "{f}{l0}", "{f0}{l}", "{f}"])
            for k in range(n):
                p = self.person(cc, city, english_p=0.45)
                f, l = A.strip(p["first"]), A.strip(p["last"])
                p["email"] = fmt.format(f=f, l=l, f0=f[:1], l0=l[:1]) + "@" + c["domain"]
                day = day0 + (0 if rng.random() < 0.6 else rng.randint(1, 2))
                t = sample_time(rng, tz, "office", start=START + D(days=day) - A.tz_offset(tz), end=START + D(days=day + 1) - A.tz_offset(tz), amp=0)
                managed = rng.random() < 0.75
                prof = make_device(rng, cls if managed else pick_class(rng, cc, False), tz, p["langs"], cmaj=pinned if managed else None)
                ipf = lambda e=egress: rng.choice(e)
                self.legit_signup(p, t, ipf(), prof, "corporate_onboarding", pm=rng.random() < 0.35)
                self.returning(p, prof, ipf, "corporate_onboarding", 0.75, mean_gap_h=22)
                made += 1
        return made

    EVENTS = [("Istanbul GenAI Hackathon", "TR", "Istanbul", [5, 6]), ("Warsaw AI Summit", "PL", "Warsaw", [1, 2]), ("Tbilisi DevFest", "GE", "Tbilisi", [12, 13]),
              ("Almaty ML Weekend", "KZ", "Almaty", [12, 13]), ("Cairo Student Hackathon", "EG", "Cairo", [3, 4]), ("Berlin LLM Engineering Conf", "DE", "Berlin", [9, 10]),
              ("Baku Tech Week", "AZ", "Baku", [7]), ("Yerevan AI Meetup x Lumen", "AM", "Yerevan", [10]), ("Tashkent IT Park Hackathon", "UZ", "Tashkent", [11, 12])]

    def seg_events(self, target):
        rng = self.rng
        made = 0
        per = target // len(self.EVENTS) + 1
        for (name, cc, city, days) in self.EVENTS:
            tz = self.w.cities[(cc, city)][2]
            venue = self.w.host_in(rng, self.w.pick_isp(rng, cc), city)
            venue2 = self.w.host_in(rng, self.w.pick_isp(rng, cc), city)
            peaks = [START + D(days=d, hours=h) - A.tz_offset(tz) for d in days for h in rng.sample([10, 11, 14, 15, 16], 2)]
            for k in range(per):
                if made >= target:
                    break
                foreign = rng.random() < 0.22
                hcc = self.cc_pick() if foreign else cc
                p = self.person(hcc, None if foreign else city)
                p["tz"] = tz if rng.random() < 0.9 else p["tz"]
                mobile = rng.random() < 0.25
                prof = make_device(rng, pick_class(rng, hcc, mobile), p["tz"], p["langs"])
                t = rng.choice(peaks) + D(minutes=rng.gauss(25, 18))
                if mobile and rng.random() < 0.5:
                    q = dict(p)
                    self.home_net(q, mobile=True)
                    ip = self.ip_home(q)   # roaming phones egress through their home carrier
                else:
                    ip = venue if rng.random() < 0.8 else venue2
                self.legit_email_tweaks(p)
                self.legit_signup(p, t, ip, prof, "events_hackathons", mobile, extra=None)
                self.home_net(p)
                self.returning(p, prof, lambda p=p: self.ip_home(p), "events_hackathons", 0.3)
                made += 1
        return made

    def seg_privacy(self, n):
        rng = self.rng
        vpns = self.w.multi["vpn"] + [self.multi("hosting")]
        for _ in range(n):
            cc = self.cc_pick({"DE": 2, "NL": 1.5, "CH": 2, "SE": 1.5, "US": 1.2, "PL": 1.3, "UA": 1.3, "TR": 1.3, "EG": 1.2, "AE": 1.5, "SA": 1.4})
            p = self.person(cc)
            r = rng.random()
            mobile = False
            if r < 0.45:
                a = rng.choice(vpns)
                home = [b for b in a.blocks if b[2] == cc]
                city = home[0][1] if home and rng.random() < 0.5 else None
                servers = self.server_pool(a, 3, city)
                ipf = lambda s=servers: rng.choice(s)
                mobile = rng.random() < 0.2
                prof = make_device(rng, pick_class(rng, cc, mobile), p["tz"], p["langs"])
            elif r < 0.53:
                tor = self.w.multi["tor"] + [self.multi("hosting")]
                ipf = lambda tor=tor: self.dc_ip(rng.choice(tor))
                ua = "Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0"
                prof = make_device(rng, "win_firefox", p["tz"], p["langs"], ua=ua, rfp=True)
            elif r < 0.73:
                relay = rng.choice(self.w.multi["relay"])
                near = [b for b in relay.blocks if b[2] == cc]
                city = near[0][1] if near else None
                ipf = lambda relay=relay, city=city: self.dc_ip(relay, city, v6=rng.random() < 0.3)
                mobile = rng.random() < 0.55
                prof = make_device(rng, "ios_safari" if mobile else "mac_safari", p["tz"], p["langs"])
            elif r < 0.85:
                self.home_net(p)
                ipf = lambda p=p: self.ip_home(p)
                prof = make_device(rng, rng.choice(["win_firefox", "linux_firefox", "mac_firefox"]), p["tz"], p["langs"], rfp=True)
            else:
                self.home_net(p)
                ipf = lambda p=p: self.ip_home(p)
                prof = make_device(rng, rng.choice(["win_brave", "mac_brave"]), p["tz"], p["langs"])
            e = rng.random()
            if e < 0.4:
                p["email"] = A.relay_email(rng)
            elif e < 0.7:
                p["email"] = p["email"].split("@")[0] + "@" + rng.choice(["proton.me", "proton.me", "protonmail.com", "tutanota.com", "posteo.de", "mailbox.org", "fastmail.com"])
            t = sample_time(rng, p["tz"], "dev", amp=1.2)
            self.legit_signup(p, t, ipf(), prof, "privacy_conscious", mobile, pm=rng.random() < 0.45)
            self.returning(p, prof, ipf, "privacy_conscious", 0.5)

    EXPATS = [("UA", "PL", 5), ("UA", "DE", 3), ("UA", "CZ", 1.5), ("TR", "DE", 3), ("IN", "AE", 3), ("EG", "SA", 2), ("EG", "AE", 1.5), ("PK", "AE", 1.5),
              ("RU", "GE", 3), ("RU", "AM", 2.5), ("RU", "KZ", 2), ("RU", "TR", 2), ("RU", "RS", 1.5), ("BY", "PL", 2), ("BY", "LT", 1.5), ("BY", "GE", 0.8),
              ("IR", "TR", 1.5), ("IR", "AM", 1), ("IR", "DE", 1), ("SY", "TR", 1), ("MA", "FR", 1.5), ("DZ", "FR", 1.5), ("TN", "FR", 1), ("KZ", "DE", 0.5),
              ("IN", "US", 2), ("IN", "GB", 1), ("CN", "US", 1), ("CN", "DE", 0.6), ("PL", "GB", 1), ("RO", "IT", 1), ("RO", "ES", 0.8), ("BG", "DE", 0.6), ("UZ", "KZ", 0.8), ("KG", "KZ", 0.5)]

    def seg_expats(self, n):
        rng = self.rng
        for _ in range(n):
            if rng.random() < 0.7:
                home, res, _w = rng.choices(self.EXPATS, [x[2] for x in self.EXPATS])[0]
                p = self.person(res)
                q = self.person(home, english_p=0.3)   # culture from home: names, language, mail provider
                p.update(first=q["first"], last=q["last"], langs=q["langs"], email=q["email"], username=q["username"])
                mobile = rng.random() < 0.3
                self.home_net(p, mobile=mobile and rng.random() < 0.6)
                ipf = lambda p=p: self.ip_home(p)
            else:   # traveller: phone roaming (home-carrier IP, visited-place tz) or hotel Wi-Fi
                home = self.cc_pick()
                visit = self.cc_pick({"TR": 3, "AE": 3, "GE": 2, "ES": 2, "IT": 2, "FR": 2, "GB": 2, "US": 2})
                p = self.person(home)
                vcity = self.city_pick(visit)
                vtz = self.w.cities[(visit, vcity)][2]
                mobile = rng.random() < 0.55
                if mobile:
                    self.home_net(p, mobile=True)
                    ipf = lambda p=p: self.ip_home(p)
                else:
                    hotel = self.w.host_in(rng, self.w.pick_isp(rng, visit), vcity)
                    ipf = lambda h=hotel: h
                p["tz"] = vtz if rng.random() < 0.85 else p["tz"]
            prof = make_device(rng, pick_class(rng, p["cc"], mobile), p["tz"], p["langs"])
            self.legit_email_tweaks(p)
            t = sample_time(rng, p["tz"], "dev", amp=1.3)
            self.legit_signup(p, t, ipf(), prof, "expats_travellers", mobile)
            self.returning(p, prof, ipf, "expats_travellers", 0.45)

    def seg_cafes(self, target):
        rng = self.rng
        made = 0
        places = ["UZ", "UZ", "TJ", "KG", "EG", "EG", "MA", "DZ", "PK", "BD", "AZ", "TR", "TR", "KZ", "TN", "NG"]
        while made < target:
            cc = rng.choice(places)
            city = self.city_pick(cc)
            tz = self.w.cities[(cc, city)][2]
            ip = self.w.host_in(rng, self.w.pick_isp(rng, cc), city)
            cm = rng.choice([109, 134, 139, 143, 145])
            langs = lang_list(rng, cc, 0.3, second=False)
            image = make_device(rng, rng.choice(["win_chrome", "win_chrome", "win_yandex" if A.REGION[cc] == "cis" else "win_opera"]), tz, langs, cmaj=cm)
            pcs = [image] + ([make_device(rng, "win_chrome", tz, langs, cmaj=cm)] if rng.random() < 0.4 else [])
            k = rng.randint(8, 35)
            for i in range(k):
                p = self.person(cc, city)
                t = sample_time(rng, tz, "dev", hours=[0, 0, 0, 0, 0, 0, 0, 0, 0, .5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, .8, .3], amp=0.6, weekend=1.2)
                self.legit_signup(p, t, ip, rng.choice(pcs), "internet_cafes", pm=False, slow=1.5, typo_p=0.05)
                if rng.random() < 0.12:  # a sibling/friend signs up on the same PC minutes later
                    q = self.person(cc, city)
                    q["last"] = p["last"]
                    self.legit_signup(q, t + D(minutes=rng.uniform(3, 25)), ip, rng.choice(pcs), "internet_cafes", pm=False, slow=1.5)
                    made += 1
                self.returning(p, rng.choice(pcs), lambda ip=ip: ip, "internet_cafes", 0.25, mean_gap_h=50)
                made += 1
        return made

    def seg_launch_rush(self, n):
        self.seg_dev_web(n, campaign="launch_rush", curve="mobile", amp=0.0, start=LAUNCH, mobile_p=0.42)

    def seg_existing(self, n):
        """Accounts created before the window that log in during it."""
        rng = self.rng
        for _ in range(n):
            cc = self.cc_pick()
            p = self.person(cc)
            mobile = rng.random() < 0.2
            self.home_net(p, mobile=mobile)
            api = rng.random() < 0.12
            prof = None if api else make_device(rng, pick_class(rng, cc, mobile), p["tz"], p["langs"])
            hdr = A.api_headers(rng, p["langs"]) if api else None
            p["t0"] = START - D(hours=rng.uniform(0, 60))
            self.legit_people.append(p)
            self.returning(p, prof, lambda p=p: self.ip_home(p), "returning_users", 0.92, mean_gap_h=60, hdr=hdr,
                           alt=None if mobile or api else self.alt_mobile(p))

    # ================================================================ FRAUD OPERATIONS
    def fsignup(self, p, t, ip, prof, op, fill, honeypot="", hdr=None):
        form = {"fill_ms": int(fill), "honeypot": honeypot} if prof else None
        self.emit("signup", t, ip, p, prof, hdr=hdr, label="fraud", campaign=op, form=form)

    def flogin(self, p, t, ip, prof, op, fill=None, success=True, hdr=None):
        form = {"fill_ms": int(fill or self.rng.uniform(1500, 6000)), "honeypot": ""} if prof else None
        self.emit("login", t, ip, p, prof, hdr=hdr, label="fraud", campaign=op, form=form, success=success)

    def op_clock(self, tz, start=START, end=END, hours=None, amp=0.0, weekend=1.0, day_w=None):
        return sample_time(self.rng, tz, "farm", start=start, end=end, hours=hours, amp=amp, weekend=weekend, day_w=day_w)

    def fraud_person(self, cc, group=None, domain=None, local=None):
        rng = self.rng
        first, last = self.names.person(rng, group or COUNTRIES[cc][5])
        loc = local or (A.email_local(rng, first, last))
        return {"first": first, "last": last, "email": loc + "@" + (domain or "gmail.com"),
                "username": self.uname(A.username_for(rng, first, last)), "account": self.account()}

    def f_resiproxy_antidetect(self, n):
        """'Velvet': distillation buyer's farm in Shenzhen; residential proxies + anti-detect browser profiles."""
        rng, op = self.rng, "resiproxy_antidetect"
        exits = {"US": 45, "GB": 12, "DE": 10, "CA": 8, "TR": 8, "PL": 7, "NL": 5, "FR": 5}
        shift = [0, 0, 0, 0, 0, 0, 0, 0, 0, .6, 1, 1, .4, .8, 1, 1, 1, 1, .7, 1, 1, .9, .5, .1]   # Asia/Shanghai work day
        screens = ["1920x1080x24", "1536x864x24", "1440x900x24", "2560x1440x24", "1366x768x24"]
        for i in range(n):
            cc = rng.choices(list(exits), list(exits.values()))[0]
            city = self.city_pick(cc)
            tz = self.w.cities[(cc, city)][2]
            en = cc in ("US", "GB", "CA") or rng.random() < 0.45
            langs = (["en-GB", "en"] if cc == "GB" else ["en-US", "en"]) if en else lang_list(rng, cc, 0.0, second=False)
            group = "en_US" if en else COUNTRIES[cc][5]
            first, last = self.names.person(rng, group)
            p = {"first": first, "last": last, "account": self.account(),
                 "email": "%s%s%s%d@%s" % (A.strip(first), rng.choice([".", "", "."]), A.strip(last), rng.randrange(10, 9999), rng.choice(["gmail.com"] * 7 + ["outlook.com"] * 3)),
                 "username": self.uname(A.strip(first) + A.strip(last)[:rng.randint(1, 6)] + str(rng.randrange(1, 999)))}
            cls = rng.choices(["win_chrome", "mac_chrome", "win_edge"], [65, 25, 10])[0]
            over = {"screen": rng.choice(screens) if not cls.startswith("mac") else rng.choice(["1440x900x30", "1512x982x30", "1728x1117x30"]),
                    "hardware_concurrency": rng.choice([4, 8, 8, 12, 16]), "device_memory": 8}
            if rng.random() < 0.04:
                over["gpu"] = "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)" if cls.startswith("win") else GPUSWIN
            prof = make_device(rng, cls, tz, langs, cmaj=rng.choice([143, 144, 145]), overrides=over, canvas="noise%x" % rng.getrandbits(48))
            t = self.op_clock("Asia/Shanghai", hours=shift, day_w=[0.6, .8, 1, 1, 1, 1, .9, 1, 1.1, 1.6, 1.8, 1.4, 1.2, 1.1])
            ip = self.resi_exit(cc, 0.1)
            self.fsignup(p, t, ip, prof, op, rng.gauss(11500, 2600))
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                t = t + D(hours=rng.uniform(2, 70))
                if t < END:
                    self.flogin(p, t, self.resi_exit(cc, 0.1), prof, op, rng.gauss(5200, 900))

    def f_headless_cloud(self, n):
        """Crude headless Chrome batches on cheap VPS, partly 'stealth'-patched."""
        rng, op = self.rng, "headless_cloud"
        vps = [a for a in self.w.multi["cloud"] if a.asn in (14061, 20473, 24940, 51167, 16276, 63949, 197540, 44477)]
        doms = ["mailnest-pro.xyz", "inboxly.top", "qmailhub.site", "fastpost.online", "mxbox.click", "postvault.icu"]
        made = 0
        while made < n:
            t = self.op_clock("UTC")
            a = rng.choice(vps)
            blk = rng.choice(a.blocks)
            ips = [self.dc_ip(a, blk[1]) for _ in range(rng.randint(1, 3))]
            tzv = self.w.cities[(blk[2], blk[1])][2]
            naive = rng.random() < 0.35
            k = rng.randint(15, 60)
            cm = rng.choice([139, 143, 145])
            for j in range(min(k, n - made)):
                t = t + D(seconds=rng.uniform(8, 45))
                first, last = self.names.person(rng, "en_US")
                loc = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(8, 11))) if rng.random() < 0.4 else A.email_local(rng, first, last)
                p = {"first": first, "last": last, "account": self.account(), "email": loc + "@" + rng.choice(doms), "username": self.uname(A.username_for(rng, first, last) + str(rng.randrange(10, 99)))}
                if naive:
                    ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/%d.0.0.0 Safari/537.36" % cm
                    prof = make_device(rng, "linux_chrome", "UTC", ["en-US"], ua=ua, webdriver=rng.random() < 0.7,
                                       overrides={"screen": "800x600x24", "hardware_concurrency": rng.choice([2, 4]), "gpu": "Google SwiftShader"}, canvas="swiftshader")
                    prof["hdr"]["sec-ch-ua"] = '"Chromium";v="%d", "HeadlessChrome";v="%d", "Not_A Brand";v="24"' % (cm, cm)
                    prof["hdr"]["accept-language"] = "en-US"
                    fill = rng.uniform(250, 900)
                    hp = rng.choice(["", "", "", "http://example.com"])
                else:
                    prof = make_device(rng, "win_chrome", tzv if rng.random() < 0.5 else "UTC", ["en-US", "en"], cmaj=cm,
                                       overrides={"platform": "Linux x86_64" if rng.random() < 0.5 else "Win32", "hardware_concurrency": rng.choice([2, 4, 4, 8]),
                                                  "screen": "1920x1080x24", "gpu": rng.choice(["ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)", A.GPUS["win"][0]])},
                                       canvas="stealth%d" % rng.randrange(6))
                    fill = rng.uniform(900, 2600)
                    hp = ""
                self.fsignup(p, t, rng.choice(ips), prof, op, fill, hp)
                if rng.random() < 0.25 and t + D(minutes=5) < END:
                    self.flogin(p, t + D(minutes=rng.uniform(1, 20)), rng.choice(ips), prof, op, rng.uniform(300, 1200))
                made += 1

    def f_sim_farm(self, n):
        """Phone farm in Tashkent: 90 real Androids on Uzbek/Kyrgyz SIMs, airplane-mode IP rotation."""
        rng, op = self.rng, "sim_farm"
        carriers = self.w.networks("UZ", ("mobile",)) + self.w.networks("KG", ("mobile",))[:1]
        phones = []
        for i in range(90):
            langs = rng.choice([["ru-RU", "ru"], ["ru-RU", "ru", "en-US", "en"], ["uz-UZ", "uz", "ru-RU", "ru"], ["en-US", "en"]])
            prof = make_device(rng, rng.choice(["and_chrome"] * 4 + ["and_samsung"]), "Asia/Tashkent", langs, cmaj=rng.choice([143, 144, 145]))
            phones.append((prof, rng.choice(carriers)))
        hours = [.1, 0, 0, 0, 0, 0, 0, 0, .5, 1, 1, 1, 1, .7, 1, 1, 1, 1, 1, 1, 1, .9, .6, .3]
        for i in range(n):
            prof, car = rng.choice(phones)
            grp = rng.choice(["uz", "uz", "ru", "kz"])
            first, last = self.names.person(rng, grp)
            loc = A.strip(first) + rng.choice(["", ".", "_"]) + A.strip(last) + str(rng.randrange(1, 99999))
            p = {"first": first, "last": last, "account": self.account(), "email": loc + "@" + rng.choice(["outlook.com", "hotmail.com", "gmail.com", "mail.ru"]),
                 "username": self.uname(A.username_for(rng, first, last))}
            t = self.op_clock("Asia/Tashkent", hours=hours, day_w=[.5, .7, .9, 1, 1, 1, 1, 1, 1, 1.4, 1.5, 1.3, 1.2, 1.1])
            ip = self.w.cgnat_ip(rng, car)
            self.fsignup(p, t, ip, A.refresh(rng, prof), op, rng.lognormvariate(9.7, 0.3))
            for _ in range(rng.choice([0, 1, 1, 2])):
                t2 = t + D(hours=rng.uniform(1, 48))
                if t2 < END:
                    self.flogin(p, t2, self.w.cgnat_ip(rng, car), prof, op, rng.uniform(4000, 12000))

    def f_click_farm(self, n):
        """Paid human workers (Dhaka / Lahore), told to 'use USA'; real cheap phones and old PCs."""
        rng, op = self.rng, "click_farm"
        workers = []
        for i in range(45):
            cc = rng.choice(["BD", "BD", "PK"])
            city = COUNTRIES[cc][3][0][0] if rng.random() < 0.7 else self.city_pick(cc)
            tz = self.w.cities[(cc, city)][2]
            mobile = rng.random() < 0.6
            langs = rng.choice([["en-US", "en"], ["en-US", "en"], ["en-GB", "en"], ["bn-BD", "bn", "en-US", "en"] if cc == "BD" else ["en-US", "en", "ur"]])
            prof = make_device(rng, pick_class(rng, cc, mobile), tz, langs, cmaj=rng.choice([109, 134, 139, 143, 145]) if not mobile else None)
            isp = self.w.pick_isp(rng, cc, mobile)
            vpn = rng.random() < 0.4
            workers.append(dict(cc=cc, city=city, tz=tz, prof=prof, isp=isp, vpn=vpn, mobile=mobile, hip=self.w.host_in(rng, isp, city)))
        vpn_srv = self.server_pool(self.multi("vpn", "PacketHub"), 6, cc="US") + self.server_pool(self.multi("hosting", "Datacamp"), 6, cc="US")
        shift = [.8, .6, .3, 0, 0, 0, 0, 0, 0, 0, .6, 1, 1, 1, .8, 1, 1, 1, 1, 1, 1, 1, 1, .9]
        for i in range(n):
            wk = rng.choice(workers)
            first, last = self.names.person(rng, "en_US")
            loc = rng.choice([A.strip(first) + A.strip(last) + "." + str(rng.randrange(1985, 2006)), A.strip(first) + "." + A.strip(last) + str(rng.randrange(10, 9999)), A.email_local(rng, first, last)])
            p = {"first": first, "last": last, "account": self.account(), "email": loc + "@gmail.com", "username": self.uname(A.username_for(rng, first, last))}
            t = self.op_clock(wk["tz"], hours=shift)
            if wk["vpn"]:
                ip = rng.choice(vpn_srv)
            elif wk["mobile"] and wk["isp"].kind.startswith("mobile"):
                ip = self.w.cgnat_ip(rng, wk["isp"])
            else:
                ip = wk["hip"]
            self.fsignup(p, t, ip, A.refresh(rng, wk["prof"]), op, human_fill(rng, wk["mobile"], slow=1.4))
            if rng.random() < 0.3 and t + D(hours=1) < END:
                self.flogin(p, t + D(minutes=rng.uniform(5, 300)), ip, wk["prof"], op, rng.uniform(5000, 20000))

    def f_alias_ring(self, n):
        """Catch-all domains dressed up as tiny startups + gmail dot/plus aliases; datacenter and ISP proxies."""
        rng, op = self.rng, "alias_ring"
        doms = ["quillbyte.dev", "nordlane.io", "vektorlab.app", "tesseracts.tech", "bluefjord.cloud", "kappa-labs.dev", "orbitmint.io", "lumora.studio"]
        bases = [A.strip(self.names.person(rng, "en_US")[0]) + A.strip(self.names.person(rng, "en_US")[1]) + str(rng.randrange(10, 99)) for _ in range(12)]
        prox = [self.multi("hosting", "Datacamp"), self.multi("hosting", "M247"), self.multi("cloud", "Clouvider"), self.multi("cloud", "Stark")] + self.w.multi["ispproxy"]
        profiles = [make_device(rng, rng.choice(["win_chrome", "mac_chrome"]), rng.choice(["Europe/Berlin", "Europe/London", "America/New_York", "Europe/Warsaw"]),
                                rng.choice([["en-US", "en"], ["en-GB", "en"], ["de-DE", "de", "en-US", "en"]]), cmaj=144) for _ in range(25)]
        for i in range(n):
            first, last = self.names.person(rng, rng.choice(["en_US", "en_GB", "de_DE", "pl_PL", "nl_NL"]))
            r = rng.random()
            if r < 0.55:
                email = rng.choice(["{f}.{l}", "{f}", "{f}{l0}", "{f0}{l}"]).format(f=A.strip(first), l=A.strip(last), f0=A.strip(first)[0], l0=A.strip(last)[0]) + "@" + rng.choice(doms)
            elif r < 0.8:
                b = rng.choice(bases)
                pos = sorted(rng.sample(range(1, len(b)), rng.randint(1, 3)))
                email = "".join(c + ("." if k + 1 in pos else "") for k, c in enumerate(b)) + "@gmail.com"
            else:
                email = "%s+%s@gmail.com" % (rng.choice(bases), rng.choice([rng.choice(A.WORDS), "lm" + str(rng.randrange(100)), str(rng.randrange(1000))]))
            p = {"first": first, "last": last, "account": self.account(), "email": email, "username": self.uname(A.username_for(rng, first, last))}
            a = rng.choice(prox)
            t = self.op_clock("Europe/Kyiv", hours=[0, 0, 0, 0, 0, 0, 0, .3, .8, 1, 1, 1, 1, 1, 1, 1, 1, 1, .8, .6, .5, .3, 0, 0], weekend=0.4)
            prof = rng.choice(profiles)
            self.fsignup(p, t, self.dc_ip(a), prof, op, rng.uniform(2500, 7000))
            if rng.random() < 0.5 and t + D(hours=3) < END:
                self.flogin(p, t + D(hours=rng.uniform(0.2, 30)), self.dc_ip(rng.choice(prox)), rng.choice(profiles), op)

    def f_geo_evasion(self, n):
        """People and a Telegram account shop in RU/BY/IR/CN reaching Lumen through VPNs and rented VPS."""
        rng, op = self.rng, "geo_evasion_vpn"
        vpn = self.w.multi["vpn"] + [self.multi("hosting", "M247"), self.multi("hosting", "Datacamp")]
        vps = [a for a in self.w.multi["cloud"] if a.asn in (24940, 210644, 9123, 199524, 200019, 44477, 57043, 20473)]
        homes = {"RU": 55, "BY": 8, "IR": 20, "CN": 15, "SY": 2}
        shop_prof = [make_device(rng, "win_chrome", rng.choice(["Europe/Moscow", "Asia/Almaty", "Asia/Yerevan"]), ["ru-RU", "ru", "en-US", "en"], canvas="shop%d" % k) for k in range(6)]
        for i in range(n):
            if rng.random() < 0.3:   # the shop
                first, last = self.names.person(rng, rng.choice(["en_US", "ru"]))
                p = {"first": first, "last": last, "account": self.account(), "username": self.uname(A.username_for(rng, first, last)),
                     "email": A.email_local(rng, first, last) + str(rng.randrange(10, 999)) + "@" + rng.choice(["rambler.ru", "gmail.com", "outlook.com", "akkaunty.store", "akkaunty.store"])}
                a = rng.choice(vps)
                ip = self.dc_ip(a)
                prof = rng.choice(shop_prof)
                t = self.op_clock("Europe/Moscow", hours=[0] * 8 + [1] * 14 + [.5, .2], day_w=[1] * 9 + [2.5, 2.5, 2, 1.5, 1.3])
                self.fsignup(p, t, ip, prof, op, rng.uniform(3000, 9000))
                continue
            hc = rng.choices(list(homes), list(homes.values()))[0]
            city = self.city_pick(hc)
            tz = self.w.cities[(hc, city)][2]
            first, last = self.names.person(rng, COUNTRIES[hc][5])
            dom = A.pick_domain(rng, hc)
            p = {"first": first, "last": last, "account": self.account(), "email": A.email_local(rng, first, last) + "@" + dom, "username": self.uname(A.username_for(rng, first, last))}
            langs = lang_list(rng, hc, 0.2)
            mobile = rng.random() < 0.3
            prof = make_device(rng, pick_class(rng, hc, mobile), tz, langs)
            r = rng.random()
            if r < 0.03:
                ip = self.resi_exit(hc)    # forgot to switch the VPN on
            elif r < 0.65:
                a = rng.choice(vpn)
                ip = self.dc_ip(a)
            else:
                ip = self.dc_ip(rng.choice(vps))   # self-hosted VLESS/WireGuard on a rented VPS
            t = sample_time(rng, tz, "dev", amp=2.2, tau=30)
            self.fsignup(p, t, ip, prof, op, human_fill(rng, mobile, rng.random() < 0.2))
            if rng.random() < 0.6:
                t2 = t + D(hours=rng.expovariate(1 / 40) + 1)
                if t2 < END:
                    self.flogin(p, t2, ip if rng.random() < 0.5 else self.dc_ip(rng.choice(vpn)), prof, op, rng.uniform(1500, 12000))

    def f_slow_operator(self, n):
        """One careful operator (Ho Chi Minh City): premium mobile/resi proxies matching each persona, real devices, aged Gmail."""
        rng, op = self.rng, "slow_operator"
        personas = {"US": 6, "GB": 2, "DE": 2, "CA": 1, "NL": 1}
        for i in range(n):
            cc = rng.choices(list(personas), list(personas.values()))[0]
            p = self.person(cc, english_p=0.1)
            p["email"] = A.email_local(rng, p["first"], p["last"]) + "@gmail.com"
            mobile = rng.random() < 0.3
            prof = make_device(rng, pick_class(rng, cc, mobile), p["tz"], p["langs"])
            t = self.op_clock("Asia/Ho_Chi_Minh", hours=[0] * 8 + [.6, 1, 1, 1, .5, 1, 1, 1, 1, .6, .2, .3, .3, .2, 0, 0], weekend=0.3)
            ip = self.resi_exit(cc, 0.5 if mobile else 0.2)
            self.fsignup(p, t, ip, prof, op, human_fill(rng, mobile, rng.random() < 0.2))
            exits = [self.resi_exit(cc, 0.3) for _ in range(3)]
            tl = t
            for _ in range(rng.randint(3, 9)):
                tl = tl + D(hours=rng.uniform(14, 40))
                if tl >= END:
                    break
                self.flogin(p, tl, rng.choice(exits), A.refresh(rng, prof), op, rng.lognormvariate(7.6, 0.4))

    def f_adaptive(self, n):
        """'Chameleon': datacenter automation, then residential proxies, then mobile proxies and fake phones at launch."""
        rng, op = self.rng, "adaptive_farm"
        dc = [self.multi("cloud", "Hetzner"), self.multi("cloud", "OVH")]
        kit_canvas = ["kit%02d" % k for k in range(40)]
        phase_n = [int(n * 0.22), int(n * 0.30)]
        phase_n.append(n - sum(phase_n))
        for ph, (m, d0, d1) in enumerate(zip(phase_n, [0, 4, 9], [4, 9, 14])):
            for i in range(m):
                first, last = self.names.person(rng, "en_US" if ph < 2 else rng.choice(["tr_TR", "ar", "ua"]))
                if ph == 0:
                    email = "%s.%s.%04d@outlook.com" % (A.strip(first), A.strip(last), rng.randrange(10000))
                elif ph == 1:
                    email = "%s%s%02d@gmail.com" % (rng.choice(A.WORDS), rng.choice(A.WORDS), rng.randrange(100))
                else:
                    email = A.email_local(rng, first, last) + "@" + rng.choice(["gmail.com", "gmail.com", "yahoo.com", "proton.me", "hotmail.com"])
                p = {"first": first, "last": last, "account": self.account(), "email": email, "username": self.uname(A.username_for(rng, first, last))}
                s, e = START + D(days=d0), START + D(days=d1)
                if ph == 2:
                    s = max(s, LAUNCH - D(hours=3))
                t = self.op_clock("Europe/Istanbul", start=s, end=e, hours=[.3] * 7 + [1] * 17)
                if ph == 0:
                    blk_a = rng.choice(dc)
                    ip = self.dc_ip(blk_a)
                    prof = make_device(rng, "win_chrome", "UTC", ["en-US", "en"], cmaj=143, overrides={"platform": "Linux x86_64", "hardware_concurrency": 4}, canvas=rng.choice(kit_canvas))
                    fill = rng.uniform(800, 1500)
                elif ph == 1:
                    cc = rng.choice(["PL", "RO", "TR", "DE"])
                    city = self.city_pick(cc)
                    ip = self.resi_exit(cc, 0.0)
                    prof = make_device(rng, "win_chrome", self.w.cities[(cc, city)][2], lang_list(rng, cc, 0.5, second=False), cmaj=144, canvas=rng.choice(kit_canvas))
                    fill = rng.gauss(7000, 1000)
                else:
                    cc = rng.choice(["TR", "TR", "EG", "UA"])
                    car = self.w.pick_isp(rng, cc, True)
                    ip = self.w.cgnat_ip(rng, car) if car.kind.startswith("mobile") else self.w.host_in(rng, car)
                    tz = self.w.cities[(cc, COUNTRIES[cc][3][0][0])][2]
                    fake_phone = rng.random() < 0.3
                    prof = make_device(rng, "and_chrome", tz, lang_list(rng, cc, 0.3, second=False),
                                       overrides={"touch_points": 0, "hardware_concurrency": 16} if fake_phone else None,
                                       canvas=rng.choice(kit_canvas) if fake_phone else None)
                    fill = rng.lognormvariate(9.8, 0.5)
                self.fsignup(p, t, ip, prof, op, fill)
                if rng.random() < 0.5 and t + D(hours=2) < END:
                    self.flogin(p, t + D(hours=rng.uniform(0.5, 20)), ip if ph == 0 else (self.resi_exit(rng.choice(["PL", "RO", "TR"])) if ph == 1 else ip), prof, op)

    def f_distill_swarm(self, n):
        """At the Lumen-4 launch: scripted API signups from many cloud VMs to harvest the new model."""
        rng, op = self.rng, "launch_distill_swarm"
        clouds = [a for a in self.w.multi["cloud"] if a.asn in (16509, 396982, 31898, 45102, 132203, 20473, 63949, 8075)]
        vms = []
        for i in range(45):
            a = rng.choice(clouds)
            blk = rng.choice([b for b in a.blocks if b[2] in ("SG", "JP", "US", "DE", "HK", "IN", "AE")] or a.blocks)
            vms.append(self.dc_ip(a, blk[1]))
        uas = ["lumen-python/2.9.0 CPython/3.11.9", "python-httpx/0.28.1", "lumen-cli/1.16.0 (linux; x86_64) python/3.11.9", "lumen-node/1.11.2 node/20.17.0", "python-requests/2.32.3"]
        doms = ["agentic-evals.ai", "mlops-bench.com", "dataforge-lab.net"]
        for i in range(n):
            first, last = self.names.person(rng, rng.choice(["en_US", "en_GB", "cn", "en_IN"]))
            r = rng.random()
            dom = rng.choice(doms) if r < 0.35 else (rng.choice(["outlook.com", "hotmail.com"]) if r < 0.7 else "gmail.com")
            p = {"first": first, "last": last, "account": self.account(), "email": A.email_local(rng, first, last) + str(rng.randrange(1, 99)) + "@" + dom,
                 "username": self.uname(A.username_for(rng, first, last))}
            t = LAUNCH + D(minutes=rng.uniform(25, 40)) + D(hours=rng.expovariate(1 / 20))
            if rng.random() < 0.08:
                t = sample_time(rng, "Asia/Shanghai", "farm", end=LAUNCH)   # pre-launch trickle to warm up
            if t >= END:
                t = END - D(minutes=rng.uniform(1, 3000))
            hdr = {"user-agent": rng.choice(uas), "accept": "application/json", "accept-encoding": "gzip, deflate"}
            if rng.random() < 0.3:
                hdr["accept-language"] = "en-US"
            self.fsignup(p, t, rng.choice(vms), None, op, 0, hdr=hdr)

    def f_cred_stuffing(self, n):
        """Combo-list stuffing against the login endpoint from a residential proxy network."""
        rng, op = self.rng, "credential_stuffing"
        uas = [make_device(rng, pick_class(rng, "US", False), "UTC", ["en-US", "en"])["hdr"] for _ in range(40)]
        known = [p for p in self.legit_people if p.get("email")]
        bursts = [(START + D(days=2, hours=21), int(n * 0.2)), (START + D(days=7, hours=2), int(n * 0.29)), (LAUNCH + D(hours=30), int(n * 0.33))]
        left = n - sum(b[1] for b in bursts)
        sched = []
        for (t0, k) in bursts:
            for i in range(k):
                sched.append(t0 + D(seconds=rng.uniform(0, k * 2.4)))
        for i in range(max(0, left)):   # low and slow background
            sched.append(START + D(seconds=rng.uniform(0, 14 * 86400)))
        hl = [None, None, ["en-US", "en"], ["en-US", "en"], ["ru-RU", "ru", "en-US", "en"]]
        for t in sched:
            if rng.random() < 0.22 and known:
                tgt = rng.choice(known)
                p = {"email": tgt["email"], "account": tgt["account"], "username": tgt["username"]}
                ok = rng.random() < 0.07
            else:
                first, last = self.names.person(rng, rng.choice(["en_US", "en_GB", "de_DE", "fr_FR", "tr_TR", "pl_PL"]))
                p = {"email": A.email_local(rng, first, last) + "@" + rng.choice(["gmail.com", "yahoo.com", "hotmail.com", "aol.com", "mail.ru", "outlook.com"]), "account": None}
                ok = False
            cc = rng.choices(["US", "GB", "DE", "BR", "IN", "TR", "VN", "ID", "FR", "PL"], [30, 8, 8, 10, 10, 8, 8, 6, 6, 6])[0]
            ip = self.resi_exit(cc, 0.25) if rng.random() < 0.85 else self.dc_ip(rng.choice(self.w.multi["cloud"]))
            if rng.random() < 0.7:
                hdr = dict(rng.choice(uas))
                hdr.pop("sec-ch-ua", None) if rng.random() < 0.5 else None
                l = rng.choice(hl)
                if l is None:
                    hdr.pop("accept-language", None)
                self.emit("login", t, ip, p, None, hdr=hdr, label="fraud", campaign=op, success=ok, email=p["email"], with_account=bool(p["account"]))
            else:
                prof = make_device(rng, "win_chrome", "UTC", ["en-US", "en"], cmaj=145, webdriver=rng.random() < 0.2, canvas="openbullet%d" % rng.randrange(3))
                self.emit("login", t, ip, p, prof, label="fraud", campaign=op, form={"fill_ms": int(rng.uniform(150, 900)), "honeypot": ""}, success=ok,
                          email=p["email"], with_account=bool(p["account"]))


GPUSWIN = A.GPUS["win"][2]

PLAN_LEGIT = [("dev_web", 13000), ("mobile_web", 4000), ("students_campus", 3200), ("uni_lab_classes", 900), ("api_first_devs", 2200),
              ("corporate_onboarding", 1400), ("events_hackathons", 1100), ("privacy_conscious", 1300), ("expats_travellers", 1200),
              ("internet_cafes", 500), ("launch_rush", 2200), ("returning_users", 9000)]
PLAN_FRAUD = [("resiproxy_antidetect", 1300), ("headless_cloud", 800), ("sim_farm", 900), ("click_farm", 650), ("alias_ring", 750),
              ("geo_evasion_vpn", 850), ("slow_operator", 100), ("adaptive_farm", 1150), ("launch_distill_swarm", 1000), ("credential_stuffing", 9000)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply all counts (for quick tests)")
    args = ap.parse_args()
    t0 = time.time()
    os.makedirs(args.out, exist_ok=True)
    g = Gen(args.seed)
    s = args.scale
    N = lambda k: max(1, int(k * s))
    L = dict(PLAN_LEGIT)
    F = dict(PLAN_FRAUD)
    g.seg_dev_web(N(L["dev_web"]))
    g.seg_mobile(N(L["mobile_web"]))
    g.seg_students(N(L["students_campus"]))
    g.seg_lab_classes(N(L["uni_lab_classes"]))
    g.seg_api_first(N(L["api_first_devs"]))
    g.seg_corporate(N(L["corporate_onboarding"]))
    g.seg_events(N(L["events_hackathons"]))
    g.seg_privacy(N(L["privacy_conscious"]))
    g.seg_expats(N(L["expats_travellers"]))
    g.seg_cafes(N(L["internet_cafes"]))
    g.seg_launch_rush(N(L["launch_rush"]))
    g.seg_existing(N(L["returning_users"]))
    g.f_resiproxy_antidetect(N(F["resiproxy_antidetect"]))
    g.f_headless_cloud(N(F["headless_cloud"]))
    g.f_sim_farm(N(F["sim_farm"]))
    g.f_click_farm(N(F["click_farm"]))
    g.f_alias_ring(N(F["alias_ring"]))
    g.f_geo_evasion(N(F["geo_evasion_vpn"]))
    g.f_slow_operator(N(F["slow_operator"]))
    g.f_adaptive(N(F["adaptive_farm"]))
    g.f_distill_swarm(N(F["launch_distill_swarm"]))
    g.f_cred_stuffing(N(F["credential_stuffing"]))
    ev = [e for e in g.events if e["occurred_at"] < iso(END) and e["occurred_at"] >= iso(START)]
    ev.sort(key=lambda e: (e["occurred_at"], e["event_id"]))
    with open(os.path.join(args.out, "events.jsonl"), "w") as fh:
        for e in ev:
            fh.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
    nnet = g.w.write_mmdb(args.out)
    su = {}
    for e in ev:
        k = (e["label"], e["kind"])
        su[k] = su.get(k, 0) + 1
    fs, ls = su.get(("fraud", "signup"), 0), su.get(("legit", "signup"), 0)
    print("events=%d signups legit=%d fraud=%d (%.1f%% fraud) logins legit=%d fraud=%d networks=%d asns=%d time=%.1fs" % (
        len(ev), ls, fs, 100.0 * fs / max(1, fs + ls), su.get(("legit", "login"), 0), su.get(("fraud", "login"), 0), nnet, len(g.w.asns), time.time() - t0))


if __name__ == "__main__":
    main()
