#!/usr/bin/env python3
"""Koe signup/login traffic generator (legit + fraud), with its own GeoLite2-shaped databases."""
import argparse, json, os, random, hashlib, time
import numpy as np
import world as W
import agents as A
import timing as T

SEED = 20261006
LEGIT_CC = [("JP", 18), ("KR", 9), ("TW", 6), ("AU", 8), ("NZ", 2), ("BR", 14), ("MX", 9), ("AR", 5), ("CO", 4), ("CL", 3),
            ("US", 12), ("CA", 4), ("GB", 1.5), ("DE", 1.5), ("FR", 1), ("ES", 1), ("NL", .5), ("PL", .5), ("PT", .5), ("IT", .5), ("SE", .3), ("CH", .2)]
IOS_SHARE = {"JP": .68, "KR": .3, "TW": .5, "AU": .55, "NZ": .5, "BR": .15, "MX": .22, "AR": .18, "CO": .15, "CL": .25, "US": .58, "CA": .55}
LATAM = {"BR", "MX", "AR", "CO", "CL"}


class Gen:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.world = W.World(seed)
        self.uas = A.UAPool()
        self.names = A.Names(seed)
        self.events = []
        self.accounts = []          # (account, email, person, label) for credential-stuffing targets
        self.n_acc = 0

    # ---------- helpers ----------
    def acc_id(self):
        self.n_acc += 1
        return "acc_" + hashlib.sha1(f"{SEED}/{self.n_acc}".encode()).hexdigest()[:14]

    def emit(self, kind, ts, ip, label, campaign, account=None, email=None, username=None, headers=None,
             device=None, form=None, success=None, **extra):
        e = {"kind": kind, "occurred_at": T.iso(ts, self.rng.randrange(1000) if self.rng.random() < .5 else None), "ip": ip}
        if account: e["account"] = account
        if email: e["email"] = email
        if username: e["username"] = username
        if success is not None: e["success"] = success
        if headers: e["headers"] = headers
        if device: e["device"] = device
        if form is not None: e["form"] = form
        e.update(extra)
        e["label"] = label; e["campaign"] = campaign
        self.events.append((ts, e))

    def langs_for(self, cc, r):
        base = list(W.COUNTRIES[cc][4])
        if cc == "CA" and r.random() < .25: base = ["fr-CA", "fr"]
        if cc == "US" and r.random() < .08: base = ["es-US", "es"]
        if not base[0].startswith("en") and r.random() < .35: base += ["en-US", "en"]
        elif base[0].startswith("en") and base[0] != "en-US" and r.random() < .4: base += ["en-US"]
        return base

    def osclass(self, r, cc, mobile_p, desktop_bias=None):
        if r.random() < mobile_p:
            return "ios" if r.random() < IOS_SHARE.get(cc, .35) else "android"
        mac = .3 if cc in ("US", "JP", "AU", "CA", "NZ", "GB") else .12
        if desktop_bias: return r.choices(list(desktop_bias), weights=list(desktop_bias.values()))[0]
        return r.choices(["windows", "mac", "linux", "cros"], weights=[1 - mac - .07, mac, .03, .04])[0]

    def browser(self, r, cc, oc):
        boost = {"Samsung Internet": 8.0} if cc == "KR" else ({"Samsung Internet": 2.0} if cc in LATAM else None)
        return self.uas.pick(r, oc, boost)

    def person(self, r, cc=None, city=None, mobile_p=.6, desktop_bias=None, tz=None, lang=None):
        cc = cc or r.choices([c for c, _ in LEGIT_CC], weights=[w for _, w in LEGIT_CC])[0]
        city = city or self.world.pick_city(r, cc)
        tz = tz or self.world.cities[(cc, city)]["tz"]
        first, last = self.names.person(r, cc, W.COUNTRIES[cc][3])
        langs = lang or self.langs_for(cc, r)
        oc = self.osclass(r, cc, mobile_p, desktop_bias)
        br = self.browser(r, cc, oc)
        seed = r.randrange(40) if oc == "ios" else r.getrandbits(40)  # iPhones of a model collide a lot
        dev = A.make_device(r, br, tz, langs, seed=seed)
        p = dict(cc=cc, city=city, tz=tz, first=first, last=last, langs=langs, br=br, dev=dev, oc=oc)
        p["home"] = self.world.pick_net(r, cc, "residential", v6=r.random() < .35, city=city)
        p["home_ip"] = self.world.host(r, p["home"]) if p["home"] else None
        p["mob"] = self.world.pick_net(r, cc, "mobile", v6=r.random() < .45, city=city)
        return p

    def ip_home(self, r, p):
        if p["home"] is None: return self.ip_mob(r, p)
        if p["home"].v6: return self.world.host(r, p["home"]) if r.random() < .5 else p["home_ip"]
        if r.random() < .03: p["home_ip"] = self.world.host(r, p["home"])  # DHCP lease change
        return p["home_ip"]

    def ip_mob(self, r, p):
        n = p["mob"] or p["home"]
        return self.world.host(r, n, cgnat=0 if n.v6 else 40)

    def fill_ms(self, r, pm=False):
        if pm: return int(r.uniform(900, 5200))
        if r.random() < .025: return int(r.uniform(120000, 900000))  # tab left open / assistive tech
        return int(min(600000, max(3500, r.lognormvariate(np.log(26000), .55))))

    def web_signup(self, r, ts, ip, p, label, camp, email, username=None, dev=None, br=None, fill=None,
                   honeypot="", headers=None, acc=None, track=True):
        br = br or p["br"]; dev = dev or p["dev"]
        acc = acc or self.acc_id()
        h = headers or A.browser_headers(br, p["langs"])
        f = {"fill_ms": fill if fill is not None else self.fill_ms(r), "honeypot": honeypot}
        self.emit("signup", ts, ip, label, camp, acc, email, username or A.username_for(r, p["first"], p["last"], email), h, dev, f)
        if track: self.accounts.append((acc, email, p, label))
        return acc

    def web_login(self, r, ts, ip, p, label, camp, acc, email, success=True, dev=None, br=None, headers=None):
        br = br or p["br"]; dev = dev or p["dev"]
        h = headers or A.browser_headers(br, p["langs"], page="login")
        ident = {"email": email} if r.random() < .8 else {"username": A.username_for(r, p["first"], p["last"], email)}
        self.emit("login", ts, ip, label, camp, acc, headers=h, device=dev, success=success, **ident)

    def returns(self, r, p, acc, email, t0, label, camp, n, ipf, api_p=0.0, api_kind="cli", api_ipf=None, profile="consumer"):
        ts = T.sample(self.np, p["tz"], profile, n, after=t0 + 1800)
        for t in ts:
            if r.random() < api_p:
                h = A.cli_headers(r, api_kind)
                self.emit("login", t, (api_ipf or ipf)(r, p), label, camp, acc, email=email, headers=h, success=r.random() > .03)
            else:
                ok = r.random() > .06
                ip = ipf(r, p)
                if not ok:
                    self.web_login(r, t, ip, p, label, camp, acc, email, success=False)
                    t += r.randrange(15, 120)
                self.web_login(r, t, ip, p, label, camp, acc, email, success=True)

    def email_of(self, r, p, plus_p=.03, pm=False):
        e = A.email_for(r, p["cc"], p["first"], p["last"])
        if r.random() < plus_p and e.split("@")[1] in ("gmail.com", "outlook.com", "icloud.com", "proton.me", "fastmail.com", "yahoo.com"):
            lp, d = e.split("@"); e = f"{lp}+{r.choice(['koe', 'ai', 'voice', 'tts', 'signup', 'trial'])}@{d}"
        return e

    # ---------- legitimate segments ----------
    def legit_mobile(self, n, camp="legit_mobile_consumers", mult=None, ccs=None, inapp=0.0):
        r = self.rng
        for i in range(n):
            cc = r.choices([c for c, _ in ccs], weights=[w for _, w in ccs])[0] if ccs else None
            p = self.person(r, cc, mobile_p=.97)
            ts = T.sample(self.np, p["tz"], "consumer", 1, mult=mult)[0]
            h = None
            if inapp and r.random() < inapp:
                # Instagram / TikTok in-app browsers opened from the demo clip
                if p["oc"] == "ios":
                    app = r.choice([f"Instagram 4{r.randrange(10, 40)}.0.0.{r.randrange(10, 60)}.{r.randrange(60, 120)} (iPhone16,2; iOS 18_6; {p['langs'][0].replace('-', '_')}; scale=3.00; 1290x2796; 7{r.randrange(10**8, 10**9)})",
                                    f"musical_ly_4{r.randrange(0, 9)}.{r.randrange(0, 9)}.0 JsSdk/2.0 NetType/{r.choice(['WIFI', '5G', '4G'])} Channel/App Store ByteLocale/{p['langs'][0][:2]} Region/{p['cc']}"])
                    ua = p["br"]["ua"].replace(" Safari/604.1", "") + " " + app
                    p["br"] = dict(p["br"], ua=ua)
                else:
                    m = p["br"]["major"]
                    ua = f"Mozilla/5.0 (Linux; Android 14; {r.choice(['SM-A546E', 'SM-S921B', '23106RN0DA', 'moto g84 5G', 'SM-A155M'])} Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/{m}.0.{r.randrange(7000, 7400)}.{r.randrange(10, 150)} Mobile Safari/537.36 " + r.choice([f"Instagram 4{r.randrange(10, 40)}.0.0.{r.randrange(10, 60)}.{r.randrange(60, 120)} Android", f"trill_{r.randrange(38, 42)}0{r.randrange(0, 9)}0 JsSdk/1.0 NetType/4G Channel/googleplay AppName/musical_ly"])
                    p["br"] = dict(p["br"], ua=ua, fam="webview")
                    h = A.browser_headers(p["br"], p["langs"], ch=False)
                    h["sec-ch-ua"] = f'"Android WebView";v="{m}", "Chromium";v="{m}", "Not_A Brand";v="24"'
                    h["sec-ch-ua-mobile"] = "?1"; h["sec-ch-ua-platform"] = '"Android"'
                    h["x-requested-with"] = r.choice(["com.instagram.android", "com.zhiliaoapp.musically"])
                p["dev"] = A.refresh_fp(p["dev"], p["br"]["ua"], r.getrandbits(30))
            on_wifi = r.random() < .3
            ip = self.ip_home(r, p) if on_wifi else self.ip_mob(r, p)
            pm = r.random() < .08
            email = self.email_of(r, p, pm=pm)
            acc = self.web_signup(r, ts, ip, p, "legit", camp, email, fill=self.fill_ms(r, pm), honeypot=self.hp(r), headers=h)
            if r.random() < .5:
                self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.6)),
                             lambda r, p: self.ip_mob(r, p) if r.random() < .65 else self.ip_home(r, p))

    def hp(self, r):
        # browser autofill occasionally fills the hidden field for real people
        return r.choice(["", "", "on", "https://", r.choice(["Tokyo", "Sao Paulo", "Sydney", "Seoul"])]) if r.random() < .004 else ""

    def legit_broadband(self, n, camp="legit_home_broadband"):
        r = self.rng
        for i in range(n):
            p = self.person(r, mobile_p=.35)
            ts = T.sample(self.np, p["tz"], "consumer", 1)[0]
            pm = r.random() < (.18 if p["oc"] not in ("ios", "android") else .07)
            email = self.email_of(r, p, plus_p=.04)
            acc = self.web_signup(r, ts, self.ip_home(r, p), p, "legit", camp, email, fill=self.fill_ms(r, pm), honeypot=self.hp(r))
            if r.random() < .6:
                self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.45)),
                             lambda r, p: self.ip_home(r, p) if r.random() < .8 else self.ip_mob(r, p))

    def legit_viral(self, n):
        ccs = [("US", 25), ("BR", 20), ("MX", 12), ("JP", 15), ("KR", 5), ("AU", 6), ("AR", 5), ("CO", 5), ("CL", 3), ("CA", 4)]
        self.legit_mobile(n, "legit_viral_wave", mult=T.VIRAL + 1e-4, ccs=ccs, inapp=.22)

    def cloud_ip(self, r, region_cc=None, asns=(16509, 396982, 8075, 14061, 24940, 20473), v6p=.1):
        asn = r.choice(asns)
        nets = [n for n in self.world.by_asn[asn] if (region_cc is None or n.cc == region_cc)] or self.world.by_asn[asn]
        nets6 = [n for n in nets if n.v6]; nets4 = [n for n in nets if not n.v6]
        n = r.choice(nets6) if nets6 and r.random() < v6p else r.choice(nets4)
        return self.world.host(r, n)

    def legit_developers(self, n, camp="legit_developers"):
        r = self.rng
        for i in range(n):
            p = self.person(r, mobile_p=.03, desktop_bias={"mac": .5, "linux": .22, "windows": .28})
            box = self.cloud_ip(r, region_cc=r.choice([p["cc"], "US", "US", "JP", "DE"]))
            p["box"] = box
            ts = T.sample(self.np, p["tz"], "dev", 1)[0]
            email = self.email_of(r, p, plus_p=.15)
            if r.random() < .12 or email.endswith("proton.me"):
                lp = f"{p['first']}{r.choice(['', '.' + p['last'], p['last'][:1]])}"
                email = f"{lp}@{r.choice(['fastmail.com', 'hey.com', p['last'] + '.dev', p['first'] + p['last'] + '.io', 'proton.me'])}"
            if r.random() < .12:
                # `koe signup` from the CLI, from a laptop or a cloud dev box
                acc = self.acc_id()
                ip = box if r.random() < .5 else self.ip_home(r, p)
                self.emit("signup", ts, ip, "legit", camp, acc, email, A.username_for(r, p["first"], p["last"], email), A.cli_headers(r, "cli"))
                self.accounts.append((acc, email, p, "legit"))
            else:
                acc = self.web_signup(r, ts, self.ip_home(r, p) if r.random() < .8 else box, p, "legit", camp, email, fill=self.fill_ms(r, r.random() < .35))
            kind = r.choice(["cli", "cli", "py", "py", "node", "go"])
            self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.25)), lambda r, p: self.ip_home(r, p),
                         api_p=.7, api_kind=kind, api_ipf=lambda r, p: p["box"] if r.random() < .6 else (self.cloud_ip(r, asns=(8075,)) if r.random() < .4 else self.ip_home(r, p)), profile="dev")

    def legit_enterprise(self, n, camp="legit_enterprise_sso"):
        r = self.rng
        corps = [("hanamura", "hanamura-denki.co.jp", "JP", "Tokyo", 136952), ("daeyang", "daeyang-semi.co.kr", "KR", "Seongnam-si", 152311),
                 ("andes", "andeslogistica.com.br", "BR", "São Paulo", 262871), ("northwind", "northwindmedia.com", "US", "Los Angeles", 395821),
                 ("bancopacifico", "bancopacifico.cl", "CL", "Santiago", 266109), ("scb", "scbroadcast.com.au", "AU", "Sydney", 138211),
                 ("zs1", "mitsuboshi-shoji.co.jp", "JP", "Tokyo", 53813), ("zs2", "vertexa-health.com", "US", "Chicago", 53813),
                 ("zs3", "grupo-solaris.com.mx", "MX", "Mexico City", 53813), ("ns1", "kestrel-insurance.com.au", "AU", "Sydney", 55256),
                 ("ns2", "lumiar-educacao.com.br", "BR", "São Paulo", 55256)]
        per = n // len(corps)
        for tag, dom, cc, city, asn in corps:
            if asn in (53813, 55256):   # secure web gateway egress: a few shared addresses, PoP city not the user's
                nets = [x for x in self.world.by_asn[asn] if not x.v6]
                pool = [self.world.host(r, x) for x in nets for _ in range(3)]
                pops = [x for x in nets if x.cc == cc] or nets
                pool = [self.world.host(r, pops[0]) for _ in range(4)] + pool[:4]
            else:
                net = self.world.by_asn[asn][0]
                pool = [self.world.host(r, net) for _ in range(2)]
            tz = self.world.cities[(cc, city)]["tz"]
            # managed corporate image: one browser build, one screen
            oc = "windows" if r.random() < .75 else "mac"
            tpl_br = self.browser(r, cc, oc)
            if tpl_br["fam"] not in ("chrome", "edge"): tpl_br = A.age(r, {"useragent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36 Edg/135.0.0.0", "browser": "Edge", "os": "Windows", "type": "desktop"})
            rollout_day = r.randrange(1, 12)
            for j in range(per):
                p = self.person(r, cc, city=city, mobile_p=0, tz=tz)
                p["br"] = tpl_br
                p["dev"] = A.make_device(r, tpl_br, tz, p["langs"], seed=r.getrandbits(40), screen="1920x1080x24", hardware_concurrency=8, device_memory=8)
                if j < per * .6:  # all-hands rollout: everybody signs up the same morning
                    ts = T.sample(self.np, tz, "work", 1, mult=T.day_mask([rollout_day]) + T.day_mask([rollout_day + 1]) * .3)[0]
                else:
                    ts = T.sample(self.np, tz, "work", 1)[0]
                email = f"{p['first']}.{p['last']}@{dom}" if r.random() < .8 else f"{p['first'][:1]}{p['last']}@{dom}"
                ip = r.choice(pool)
                acc = self.web_signup(r, ts, ip, p, "legit", camp, email, fill=self.fill_ms(r, r.random() < .3))
                self.returns(r, p, acc, email, ts, "legit", camp, 2 + int(r.expovariate(.3)), lambda r, p, pool=pool: r.choice(pool) if r.random() < .85 else self.ip_home(r, p), profile="work")

    EDU = {"sinet": ("JP", ["u-tokyo.ac.jp", "g.ecc.u-tokyo.ac.jp", "st.kyoto-u.ac.jp", "s.tohoku.ac.jp"]), "kaist": ("KR", ["kaist.ac.kr"]), "snu": ("KR", ["snu.ac.kr"]),
           "tanet": ("TW", ["ntu.edu.tw", "nycu.edu.tw", "g.ncu.edu.tw"]), "aarnet": ("AU", ["student.unimelb.edu.au", "uni.sydney.edu.au", "uq.net.au"]),
           "reannz": ("NZ", ["aucklanduni.ac.nz"]), "usp": ("BR", ["usp.br"]), "rnp": ("BR", ["aluno.ufrj.br", "ufpe.br", "ufrgs.br"]),
           "unam": ("MX", ["alumno.unam.mx", "comunidad.unam.mx"]), "uba": ("AR", ["fi.uba.ar"]), "renata": ("CO", ["unal.edu.co", "udea.edu.co"]),
           "reuna": ("CL", ["uc.cl", "ug.uchile.cl"]), "stanford": ("US", ["stanford.edu"]), "utexas": ("US", ["utexas.edu"]), "mit": ("US", ["mit.edu"]),
           "utoronto": ("CA", ["mail.utoronto.ca"]), "dfn": ("DE", ["campus.lmu.de", "tu-berlin.de"]), "jisc": ("GB", ["ucl.ac.uk", "student.manchester.ac.uk"])}

    def legit_students(self, n, camp="legit_students"):
        r = self.rng
        unis = []
        for a in W.ASNS:
            if a["kind"] == "education":
                for nt in self.world.by_asn[a["asn"]]:
                    unis.append((a["tag"], nt))
        wts = [5 if self.EDU[t][0] in ("JP", "BR", "KR", "MX", "US", "AU") else 2 for t, _ in unis]
        k = 0
        while k < n:
            tag, nt = r.choices(unis, weights=wts)[0]
            cc, doms = self.EDU[tag]
            tz = self.world.cities[(cc, nt.city)]["tz"]
            nat = [self.world.host(r, nt) for _ in range(1 if nt.v6 else 3)] if not nt.v6 else None
            cls = r.random() < .25  # a lecturer asks the whole class to sign up during the lab
            size = r.randrange(15, 45) if cls else 1
            t_cls = T.sample(self.np, tz, "work", 1)[0]
            for j in range(size):
                p = self.person(r, cc, city=nt.city, mobile_p=.35 if not cls else .15,
                                desktop_bias={"cros": .3, "windows": .4, "mac": .25, "linux": .05} if cc == "US" else None, tz=tz)
                ts = t_cls + r.randrange(0, 1500) if cls else T.sample(self.np, tz, "student", 1)[0]
                email = f"{p['first']}.{p['last']}@{r.choice(doms)}" if r.random() < .6 else self.email_of(r, p)
                if nt.v6: ip = self.world.host(r, nt)
                else: ip = r.choice(nat) if (cls or r.random() < .5) else self.ip_home(r, p)
                acc = self.web_signup(r, ts, ip, p, "legit", camp, email, fill=self.fill_ms(r, r.random() < .06))
                if r.random() < .55:
                    self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.5)),
                                 lambda r, p, nat=nat, nt=nt: (r.choice(nat) if nat else self.world.host(r, nt)) if r.random() < .5 else self.ip_home(r, p), profile="student")
                k += 1

    def legit_travellers(self, n, camp="legit_travellers_roaming"):
        r = self.rng
        dests = [("US", "Honolulu"), ("JP", "Tokyo"), ("TH", "Bangkok"), ("SG", "Singapore"), ("FR", "Paris"), ("US", "New York"), ("KR", "Seoul"),
                 ("AU", "Sydney"), ("ES", "Madrid"), ("GB", "London"), ("MX", "Cancún"), ("US", "Miami"), ("AE", "Dubai"), ("TW", "Taipei"), ("PT", "Lisbon")]
        for i in range(n):
            p = self.person(r, mobile_p=.7)
            dcc, dcity = r.choice([d for d in dests if d[0] != p["cc"]])
            dtz = self.world.cities[(dcc, dcity)]["tz"]
            dev = dict(p["dev"]); dev["timezone"] = dtz  # phone follows the local time zone
            dev = A.refresh_fp(dev, p["br"]["ua"], r.getrandbits(30)) if r.random() < .5 else dict(dev, fingerprint=p["dev"]["fingerprint"])
            ts = T.sample(self.np, dtz, "consumer", 1)[0]
            mode = r.random()
            if mode < .45:   # roaming: home-routed, IP stays in the home country
                ip = self.ip_mob(r, p)
            elif mode < .85:  # hotel / airport / cafe wifi abroad
                n_ = self.world.pick_net(r, dcc, "residential", city=dcity) or self.world.pick_net(r, dcc, "residential")
                ip = self.world.host(r, n_)
            else:             # local eSIM
                n_ = self.world.pick_net(r, dcc, "mobile") or self.world.pick_net(r, dcc, "residential")
                ip = self.world.host(r, n_, cgnat=40)
            email = self.email_of(r, p)
            acc = self.web_signup(r, ts, ip, p, "legit", camp, email, dev=dev)
            if r.random() < .6:
                self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.5)), lambda r, p: self.ip_home(r, p) if r.random() < .6 else self.ip_mob(r, p))

    def legit_privacy(self, n, camp="legit_privacy_conscious"):
        r = self.rng
        vpn_asns = [9009, 60068, 62371, 39351, 147049]
        for i in range(n):
            p = self.person(r, mobile_p=.45)
            mode = r.random()
            if mode < .35 and p["oc"] in ("ios", "mac") or (mode < .15):
                # iCloud Private Relay: egress from a CDN near the user, same country
                asn = r.choice([36183, 13335])
                nets = [x for x in self.world.by_asn[asn] if x.cc == p["cc"]] or self.world.by_asn[asn]
                ipf = lambda r, p, nets=nets: self.world.host(r, r.choice(nets))
            elif mode < .9:
                asn = r.choice(vpn_asns)
                nets = [x for x in self.world.by_asn[asn] if x.cc == p["cc"]]
                if not nets or r.random() < .35: nets = [x for x in self.world.by_asn[asn]]
                ipf = lambda r, p, nets=nets: self.world.host(r, r.choice(nets), cgnat=30)
            else:
                ipf = lambda r, p: self.world.host(r, r.choice([x for a in (60729, 208323, 396507) for x in self.world.by_asn[a]]), cgnat=25)
                # Tor Browser: Firefox ESR, UTC, en-US, letterboxed screen
                p["br"] = A.age(r, {"useragent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0", "browser": "Firefox", "os": "Windows", "type": "desktop"})
                p["br"]["ua"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"
                p["langs"] = ["en-US", "en"]
                p["dev"] = A.make_device(r, p["br"], "UTC", ["en-US", "en"], seed=7, screen="1400x900x24", hardware_concurrency=2, webgl_renderer="Mozilla")
            if p["br"]["fam"] == "firefox" and r.random() < .3 and p["dev"]["timezone"] != "UTC":
                p["dev"] = A.make_device(r, p["br"], "UTC", p["langs"], screen="1600x900x24", hardware_concurrency=8)  # resistFingerprinting
            email = A.relay_email(r) if r.random() < .6 else self.email_of(r, p, plus_p=.2)
            ts = T.sample(self.np, p["tz"], "consumer", 1)[0]
            acc = self.web_signup(r, ts, ipf(r, p), p, "legit", camp, email, fill=self.fill_ms(r, r.random() < .45))
            if r.random() < .6:
                self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.5)), ipf)

    def legit_families(self, n, camp="legit_families_shared_device"):
        r = self.rng; k = 0
        while k < n:
            p0 = self.person(r, mobile_p=.4)
            size = r.choice([2, 2, 2, 3, 3, 4])
            days = sorted(r.sample(range(14), min(size, 3)))
            for j in range(size):
                p = dict(p0)
                if j: p["first"] = self.names.person(r, p0["cc"], W.COUNTRIES[p0["cc"]][3])[0]
                email = self.email_of(r, p)
                ts = T.sample(self.np, p["tz"], "consumer", 1, mult=T.day_mask([days[min(j, len(days) - 1)]]))[0]
                acc = self.web_signup(r, ts, self.ip_home(r, p0), p, "legit", camp, email)
                if r.random() < .5:
                    self.returns(r, p, acc, email, ts, "legit", camp, 1 + int(r.expovariate(.6)), lambda r, p: self.ip_home(r, p0))
                k += 1

    def legit_small_teams(self, n, camp="legit_small_teams"):
        r = self.rng; k = 0
        while k < n:
            admin = self.person(r, mobile_p=0)
            size = r.randrange(4, 12)
            studio = r.choice(["dub", "voz", "koe", "studio", "audio", "pod", "lab", "media", "estudio", "sound"]) + r.choice(["works", "house", "lab", "crew", "factory", "box"]) + r.choice(["", str(r.randrange(2, 99))])
            dom = r.choice([None, f"{studio}.{r.choice(['com', 'io', 'co', 'studio', 'com.br', 'co.jp', 'com.mx'])}"])
            base = f"{studio}.{admin['cc'].lower()}"
            t = T.sample(self.np, admin["tz"], "work", 1)[0]
            for j in range(size):
                p = dict(admin); p["first"], p["last"] = self.names.person(r, admin["cc"], W.COUNTRIES[admin["cc"]][3])
                email = f"{p['first']}@{dom}" if dom else f"{base}+{p['first']}@gmail.com"
                t += r.randrange(40, 400)
                acc = self.web_signup(r, t, admin["home_ip"] or self.ip_home(r, admin), p, "legit", camp, email, fill=self.fill_ms(r, r.random() < .5))
                if r.random() < .7:
                    self.returns(r, p, acc, email, t, "legit", camp, 1 + int(r.expovariate(.4)), lambda r, p: self.ip_home(r, self.person(r, admin["cc"], mobile_p=.3)) if r.random() < .5 else admin["home_ip"], profile="work")
                k += 1

    def legit_synthetic(self, camp="legit_synthetic_monitoring"):
        r = self.rng
        br = A.age(r, {"useragent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/135.0.0.0 Safari/537.36", "browser": "Chrome", "os": "Linux", "type": "desktop"}, chrome_major=153)
        br["ua"] = br["ua"].replace("Chrome/153", "HeadlessChrome/153")
        nets = [x for x in self.world.by_asn[396982] if not x.v6 and x.cc in ("US", "JP", "BR")]
        for h in range(T.H):
            ts = T.T0S + h * 3600 + 420 + r.randrange(0, 25)
            p = dict(first="synthetic", last="probe", langs=["en-US", "en"], br=br, cc="US")
            dev = A.make_device(r, br, "UTC", ["en-US"], seed=1, webdriver=True, webgl_renderer=A.SWIFTSHADER, screen="1280x720x24", hardware_concurrency=2)
            ip = self.world.host(r, nets[h % len(nets)], cgnat=3)
            acc = self.web_signup(r, ts, ip, p, "legit", camp, f"synthetics+{h:04d}-{nets[h % len(nets)].cc.lower()}@koe.ai",
                                  username=f"synth_{h:04d}", dev=dev, fill=r.randrange(650, 900), track=False)
            self.emit("login", ts + 40, ip, "legit", camp, acc, f"synthetics+{h:04d}-{nets[h % len(nets)].cc.lower()}@koe.ai", headers=A.browser_headers(br, ["en-US"], page="login"), device=dev, success=True)

    def legit_existing(self, n_users, camp="legit_existing_users"):
        r = self.rng
        for i in range(n_users):
            p = self.person(r, mobile_p=.5)
            acc = "acc_" + hashlib.sha1(f"pre/{i}".encode()).hexdigest()[:14]
            email = self.email_of(r, p)
            self.accounts.append((acc, email, p, "legit"))
            if r.random() < .12 and p["oc"] not in ("ios", "android"):   # developers on the SDK
                box = self.cloud_ip(r)
                ts = T.sample(self.np, p["tz"], "dev", 1 + int(r.expovariate(.2)))
                for t in ts:
                    self.emit("login", t, box if r.random() < .7 else self.ip_home(r, p), "legit", camp, acc, email=email, headers=A.cli_headers(r, r.choice(["cli", "py", "node"])), success=r.random() > .02)
            else:
                self.returns(r, p, acc, email, T.T0S - 3600, "legit", camp, 1 + int(r.expovariate(.5)),
                             lambda r, p: self.ip_home(r, p) if r.random() < .55 else self.ip_mob(r, p))

    # ---------- fraud operations ----------
    DISPOSABLE = ["mailinator.com", "guerrillamail.com", "sharklasers.com", "yopmail.com", "10minutemail.net", "tempmail.dev", "dropmail.me",
                  "mail.tm", "inboxkitten.com", "emailondeck.com", "tmpmail.org", "fexbox.org", "rustyload.com", "zbock.com", "mailnesia.com"]

    def antidetect_device(self, r, br, tz, langs, tpl=None, **over):
        d = A.make_device(r, br, tz, langs, seed=r.getrandbits(40), **over)
        if tpl: d.update(tpl); d["fingerprint"] = A.fingerprint(d, br["ua"], r.getrandbits(40))  # canvas noise => unique fp
        return d

    def fraud_fill(self, r, lo, hi):
        return int(r.uniform(lo, hi))

    def op_trial_farm_adaptive(self, camp="trial_farm_adaptive"):
        """Vietnam-based trial farm. Phase A (Oct 1-4): cloud IPs, disposable mail, headless.
        Blocked on Oct 5 -> phase B: residential proxies, gmail dot/plus variants, anti-detect browser.
        Blocked again on Oct 10 -> phase C: mobile proxies, own catch-all domains, matched time zones, human pacing."""
        r = self.rng; optz = "Asia/Ho_Chi_Minh"
        bases = [f"{a}{b}{r.randrange(10, 99)}" for a, b in zip(r.sample(["minh", "tuan", "linh", "hoang", "trang", "duc", "quang", "thao", "phuong", "khanh", "nam", "huy", "long", "vy", "an"], 15),
                                                              r.choices(["nguyen", "tran", "le", "pham", "vo", "dang", "bui", "do"], k=15))]
        catchall = ["lumenvox.shop", "tranquil-audio.site", "bluepinefield.online", "kitevoice.store", "harborlane.xyz", "mintcanyon.top"]
        head = A.age(r, {"useragent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36", "browser": "Chrome", "os": "Linux", "type": "desktop"}, chrome_major=141)
        def phase(ts):
            d = (ts - T.T0S) // 86400
            return "A" if d < 4 else ("B" if d < 9 else "C")
        # A
        ts_all = T.sample(self.np, optz, "shift_long", 430, mult=T.day_mask(range(0, 4)))
        ts_all += T.sample(self.np, optz, "shift_long", 620, mult=T.day_mask(range(4, 9)))
        ts_all += T.sample(self.np, optz, "shift_long", 480, mult=T.day_mask(range(9, 14)))
        ip_cur, uses = None, 0
        for ts in sorted(ts_all):
            ph = phase(ts)
            first, last = self.names.person(r, "VN", "vi_VN") if r.random() < .3 else self.names.person(r, "US", "en_US")
            if ph == "A":
                if uses <= 0:
                    ip_cur, uses = self.cloud_ip(r, asns=(14061, 20473, 51167, 16276, 44477)), r.randrange(5, 15)
                uses -= 1
                email = f"{first}{last}{r.randrange(10, 9999)}@{r.choice(self.DISPOSABLE[:8])}"
                br = head
                dev = A.make_device(r, br, r.choice([optz, "UTC", "America/New_York"]), ["en-US"], seed=r.getrandbits(20), webdriver=r.random() < .6,
                                    webgl_renderer=A.SWIFTSHADER, screen="800x600x24" if r.random() < .5 else "1920x1080x24", hardware_concurrency=r.choice([2, 4]))
                h = A.browser_headers(br, ["en-US"], ch=r.random() < .5)
                h["user-agent"] = h["user-agent"].replace("Chrome/", "HeadlessChrome/") if r.random() < .4 else h["user-agent"]
                p = dict(first=first, last=last, langs=["en-US"], br=br, cc="US")
                self.web_signup(r, ts, ip_cur, p, "fraud", camp, email, dev=dev, fill=self.fraud_fill(r, 250, 1600),
                                honeypot=(first if r.random() < .35 else ""), headers=h)
            elif ph == "B":
                cc = r.choice(["US", "US", "BR", "MX", "JP", "CA"])
                net = self.world.pick_net(r, cc, "residential")
                ip = self.world.host(r, net)
                b = r.choice(bases)
                variant = b
                if r.random() < .6:
                    pos = sorted(r.sample(range(1, len(b)), r.randrange(1, 4)))
                    variant = "".join(ch + ("." if i + 1 in pos else "") for i, ch in enumerate(b))
                if r.random() < .5: variant += f"+{r.choice(['k', 'v', 'a', 'x'])}{r.randrange(1, 999)}"
                email = f"{variant}@{r.choice(['gmail.com', 'gmail.com', 'gmail.com', 'googlemail.com'])}"
                br = self.uas.pick(r, "windows", {"Firefox": 0, "Edge": 0, "Opera": 0})
                ctz = self.world.cities[(net.cc, net.city)]["tz"]
                tz = optz if r.random() < .5 else ctz
                dev = self.antidetect_device(r, br, tz, ["en-US", "en"], tpl={"hardware_concurrency": 8, "device_memory": 8})
                lag = r.random() < .3
                h = A.browser_headers(br, ["en-US", "en"], ch_major=(br["major"] - r.randrange(6, 14)) if lag else None)
                p = dict(first=first, last=last, langs=["en-US", "en"], br=br, cc=cc)
                self.web_signup(r, ts, ip, p, "fraud", camp, email, dev=dev, fill=self.fraud_fill(r, 1800, 6500), headers=h)
            else:
                cc = r.choice(["US", "BR", "MX", "MX", "CO"])
                net = self.world.pick_net(r, cc, "mobile", v6=False)
                ip = self.world.host(r, net, cgnat=40)
                ctz = self.world.cities[(net.cc, net.city)]["tz"]
                first, last = self.names.person(r, cc, W.COUNTRIES[cc][3])
                email = f"{A.local_part(r, first, last)}@{r.choice(catchall)}"
                br = self.uas.pick(r, "android", {"Samsung Internet": 0})
                langs = list(W.COUNTRIES[cc][4])
                dev = self.antidetect_device(r, br, ctz, langs)
                ts2 = ts + r.randrange(0, 7200)
                p = dict(first=first, last=last, langs=langs, br=br, cc=cc)
                acc = self.web_signup(r, ts2, ip, p, "fraud", camp, email, dev=dev, fill=int(min(90000, max(5000, r.lognormvariate(np.log(15000), .4)))))
                if r.random() < .5:
                    self.emit("login", ts2 + r.randrange(3600, 86400 * 2), self.world.host(r, net, cgnat=40), "fraud", camp, acc, email=email,
                              headers=A.cli_headers(r, "py"), success=True)

    def op_resi_antidetect(self, n, camp="resi_proxy_antidetect"):
        r = self.rng
        templates = [dict(screen="1920x1080x24", hardware_concurrency=c, device_memory=8, webgl_renderer=g)
                     for c in (4, 8, 12, 16) for g in A.GPUS["windows"][:2]]
        waves = sorted(r.sample(range(14), 9))
        t_list = []
        for d in waves:
            start = T.T0S + d * 86400 + r.randrange(5, 16) * 3600
            k = n // 9
            t_list += [start + int(x) for x in np.cumsum(self.np.exponential(60, k))]
        for ts in t_list:
            cc = r.choices(["US", "JP", "BR", "KR", "AU", "MX"], weights=[40, 20, 15, 10, 8, 7])[0]
            net = self.world.pick_net(r, cc, "residential")
            ip = self.world.host(r, net)
            ctz = self.world.cities[(net.cc, net.city)]["tz"]
            first, last = self.names.person(r, "US", "en_US") if r.random() < .7 else self.names.person(r, cc, W.COUNTRIES[cc][3])
            email = f"{first}{last}{r.randrange(1000, 9999)}@{r.choice(['outlook.com', 'hotmail.com', 'outlook.com', 'gmx.com'])}"
            br = self.uas.pick(r, "windows", {"Firefox": 0, "Edge": .3, "Opera": 0})
            langs = list(W.COUNTRIES[cc][4]) if r.random() < .7 else ["en-US", "en"]
            tz = ctz if r.random() < .8 else "Europe/Moscow"
            dev = self.antidetect_device(r, br, tz, langs, tpl=r.choice(templates))
            h = A.browser_headers(br, langs, al="en-US,en;q=0.9")
            p = dict(first=first, last=last, langs=langs, br=br, cc=cc)
            acc = self.web_signup(r, ts, ip, p, "fraud", camp, email, dev=dev, fill=self.fraud_fill(r, 2800, 8500), headers=h)
            for _ in range(r.choice([0, 1, 1, 2, 3])):
                self.emit("login", ts + r.randrange(600, 86400 * 3), self.world.host(r, self.world.pick_net(r, cc, "residential")), "fraud", camp, acc, email=email,
                          headers=A.browser_headers(br, langs, page="login", al="en-US,en;q=0.9"), device=dev, success=True)

    def op_phone_farm(self, n, camp="phone_farm_android"):
        r = self.rng; tz = "America/Sao_Paulo"
        phones = []
        for i in range(70):
            emu = i < 14
            br = self.uas.pick(r, "android", {"Samsung Internet": 0.3})
            if emu:
                dev = A.make_device(r, br, tz, ["pt-BR", "pt"], seed=r.getrandbits(40), platform=r.choice(["Linux x86_64", "Linux i686"]), screen="1080x1920x24",
                                    webgl_renderer=A.EMULATOR_GPU, hardware_concurrency=4, device_memory=2, touch_points=r.choice([1, 10]))
            else:
                dev = A.make_device(r, br, tz, ["pt-BR", "pt"], seed=r.getrandbits(40), screen=r.choice(["360x800x24", "393x873x24", "360x780x24"]),
                                    webgl_renderer=r.choice(["Mali-G57 MC2", "Adreno (TM) 610", "PowerVR Rogue GE8320"]), device_memory=4)
            phones.append((br, dev, emu))
        ts_all = T.sample(self.np, tz, "shift_day", n)
        for ts in ts_all:
            br, dev, emu = r.choice(phones)
            cc = "BR"
            net = self.world.pick_net(r, cc, "mobile", v6=r.random() < .2, city=r.choice(["São Paulo", "São Paulo", "Recife", "Fortaleza"]))
            ip = self.world.host(r, net, cgnat=0 if net.v6 else 40)  # airplane-mode toggle: new CGNAT address
            first, last = self.names.person(r, "BR", "pt_BR")
            email = f"{first}{last}{r.randrange(10, 9999)}@gmail.com" if r.random() < .8 else f"{first}.{last}{r.randrange(1, 99)}@hotmail.com"
            p = dict(first=first, last=last, langs=["pt-BR", "pt"], br=br, cc=cc)
            acc = self.web_signup(r, ts, ip, p, "fraud", camp, email, dev=dev, fill=self.fraud_fill(r, 6000, 22000))
            if r.random() < .6:
                self.emit("login", ts + r.randrange(1800, 86400 * 4), self.world.host(r, net, cgnat=40), "fraud", camp, acc, email=email,
                          headers=A.browser_headers(br, p["langs"], page="login"), device=dev, success=True)

    def op_captcha_farm(self, n, camp="captcha_solver_farm"):
        r = self.rng
        sites = [("BD", "Asia/Dhaka", 14), ("PK", "Asia/Karachi", 10), ("PH", "Asia/Manila", 8), ("VN", "Asia/Ho_Chi_Minh", 6), ("NG", "Africa/Lagos", 6)]
        workers = []
        for cc, tz, k in sites:
            for _ in range(k):
                br = A.age(r, r.choices(self.uas.groups["windows"], weights=self.uas.w["windows"])[0], chrome_major=r.choice([131, 134, 138, 140, 142, 145]))
                if br["fam"] != "chrome": br = A.age(r, {"useragent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36", "browser": "Chrome", "os": "Windows", "type": "desktop"}, chrome_major=r.choice([131, 138, 142]))
                dev = A.make_device(r, br, tz, ["en-US", "en"], seed=r.getrandbits(40), screen=r.choice(["1366x768x24", "1366x768x24", "1280x720x24", "1920x1080x24"]), hardware_concurrency=r.choice([2, 4, 4]), device_memory=4)
                home = self.world.pick_net(r, cc, "residential") or self.world.pick_net(r, cc, "mobile")
                workers.append((cc, tz, br, dev, home, self.world.host(r, home)))
        per = n // len(workers)
        for cc, tz, br, dev, home, hip in workers:
            vpn = r.random() < .6
            for ts in T.sample(self.np, tz, "shift_day", per):
                if vpn:
                    nets = [x for a in (9009, 60068, 147049) for x in self.world.by_asn[a] if x.cc in ("US", "CA", "GB", "AU")]
                    ip = self.world.host(r, r.choice(nets), cgnat=20)
                else:
                    ip = hip
                first, last = self.names.person(r, "US", "en_US")
                email = f"{first}{last}{r.randrange(10, 999)}@{r.choice(['gmail.com', 'gmail.com', 'outlook.com', 'yahoo.com'])}"
                p = dict(first=first, last=last, langs=["en-US", "en"], br=br, cc=cc)
                self.web_signup(r, ts, ip, p, "fraud", camp, email, dev=dev, fill=int(min(180000, max(12000, r.lognormvariate(np.log(38000), .45)))))

    def op_vpn_geo(self, n, camp="vpn_geo_evasion_unsupported"):
        r = self.rng; k = 0
        while k < n:
            cc = r.choices(["RU", "CN", "IR", "BY"], weights=[40, 40, 12, 8])[0]
            p = self.person(r, cc, mobile_p=.35)
            if cc == "CN":
                asns, ex = (21859, 45102, 132203, 60068), ("HK", "JP", "SG", "TW", "US")
            else:
                asns, ex = (9009, 60068, 62371, 147049, 44477, 210644), ("NL", "DE", "US", "JP", "GB", "SG")
            nets = [x for a in asns for x in self.world.by_asn[a] if x.cc in ex and not x.v6]
            careful = r.random() < .2
            exit_ = r.choice(nets)
            if careful:  # matches the browser to the exit country
                p["langs"] = ["en-US", "en"]
                p["dev"] = A.make_device(r, p["br"], self.world.cities[(exit_.cc, exit_.city)]["tz"], ["en-US", "en"])
            dom_cc = cc
            for j in range(r.choice([1, 1, 1, 2, 3])):
                email = self.email_of(r, p) if j == 0 else A.email_for(r, dom_cc, p["first"], p["last"] + str(r.randrange(2, 99)))
                ts = T.sample(self.np, p["tz"], "consumer", 1)[0]
                ip = self.world.host(r, exit_ if r.random() < .7 else r.choice(nets), cgnat=25)
                acc = self.web_signup(r, ts, ip, p, "fraud", camp, email)
                if r.random() < .5:
                    self.returns(r, p, acc, email, ts, "fraud", camp, 1 + int(r.expovariate(.5)), lambda r, p: self.world.host(r, r.choice(nets), cgnat=25))
                k += 1

    def op_alias_abuse(self, n, camp="alias_catchall_abuse"):
        r = self.rng; k = 0
        people = []
        for cc in ["US", "US", "BR", "KR", "MX", "JP", "AU", "US", "BR", "CO", "AR", "TW"]:
            p = self.person(r, cc, mobile_p=.1)
            p["dom"] = f"{p['first']}{r.choice(['studio', 'lab', 'media', 'dev', 'mail'])}.{r.choice(['dev', 'xyz', 'com', 'me', 'io'])}"
            people.append(p)
        per = n // len(people)
        words = ["alpha", "beta", "voice", "tts", "clone", "test", "trial", "koe", "demo", "proj", "acc", "new"]
        for p in people:
            base = f"{p['first']}{p['last']}"
            for i, ts in enumerate(T.sample(self.np, p["tz"], "night_owl", per)):
                m = r.random()
                if m < .4: email = f"{base}+{r.choice(words)}{i}@gmail.com"
                elif m < .6:
                    pos = sorted(r.sample(range(1, len(base)), min(len(base) - 1, r.randrange(1, 4))))
                    email = "".join(ch + ("." if j + 1 in pos else "") for j, ch in enumerate(base)) + "@gmail.com"
                else: email = f"{r.choice(words)}{r.randrange(1, 500)}@{p['dom']}"
                ip = self.ip_home(r, p) if r.random() < .7 else (self.world.host(r, r.choice(self.world.by_asn[r.choice([62371, 39351])]), cgnat=20) if r.random() < .6 else self.ip_mob(r, p))
                dev = p["dev"] if r.random() < .85 else A.refresh_fp(p["dev"], p["br"]["ua"], r.getrandbits(20))
                acc = self.web_signup(r, ts, ip, p, "fraud", camp, email, dev=dev, fill=self.fill_ms(r, r.random() < .5))
                if r.random() < .7:
                    self.returns(r, p, acc, email, ts, "fraud", camp, 1 + int(r.expovariate(.7)), lambda r, p: self.ip_home(r, p), api_p=.4, api_kind="py", api_ipf=lambda r, p: self.ip_home(r, p))

    def op_patient(self, n, camp="patient_isp_proxy_farm"):
        r = self.rng
        targets = [("US", 400721), ("JP", 141980), ("BR", 270912), ("KR", 151822)]
        for i in range(n):
            cc, asn = r.choice(targets)
            use_isp = r.random() < .6
            if use_isp:
                net = r.choice([x for x in self.world.by_asn[asn] if not x.v6])
                ip = self.world.host(r, net, cgnat=60)  # a leased /24s of sticky addresses, reused over the fortnight
            else:
                net = self.world.pick_net(r, cc, "residential")
                ip = self.world.host(r, net)
            city = net.city
            tz = self.world.cities[(cc, city)]["tz"]
            p = self.person(r, cc, city=city, mobile_p=.25, tz=tz)
            p["dev"] = dict(p["dev"], hardware_concurrency=8, **({"device_memory": 8} if p["br"]["chromium"] else {}))
            p["dev"]["fingerprint"] = A.fingerprint(p["dev"], p["br"]["ua"], r.getrandbits(40))
            dom = {"JP": "yahoo.co.jp", "KR": "naver.com", "BR": "gmail.com", "US": "gmail.com"}[cc] if r.random() < .5 else "gmail.com"
            email = A.email_for(r, cc, p["first"], p["last"], domain=dom)
            ts = T.sample(self.np, tz, "consumer", 1)[0]
            acc = self.web_signup(r, ts, ip, p, "fraud", camp, email, fill=int(r.uniform(11000, 42000)))
            # burns the trial credits a little every day through the SDK from the same sticky address
            for t in T.sample(self.np, tz, "consumer", r.randrange(2, 9), after=ts):
                self.emit("login", t, ip, "fraud", camp, acc, email=email, headers=A.cli_headers(r, "py") if r.random() < .7 else A.browser_headers(p["br"], p["langs"], page="login"),
                          success=True)

    def op_viral_blend(self, n, camp="viral_blend_bots"):
        r = self.rng
        ts_all = T.sample(self.np, "America/Sao_Paulo", "flat", n, mult=T.VIRAL)
        for ts in ts_all:
            cc = r.choice(["US", "BR", "MX", "BR"])
            net = self.world.pick_net(r, cc, "mobile", v6=False)
            ip = self.world.host(r, net, cgnat=40)
            first, last = self.names.person(r, cc, W.COUNTRIES[cc][3])
            email = f"{first}{last}{r.randrange(1, 9999)}@gmail.com"
            br = self.uas.pick(r, "ios", {"Chrome Mobile iOS": 0, "Google": 0, "Firefox iOS": 0, "Edge Mobile": 0, "Chrome Mobile": 0})
            langs = list(W.COUNTRIES[cc][4])
            tz = self.world.cities[(net.cc, net.city)]["tz"]
            dev = A.make_device(r, br, tz, langs, seed=r.getrandbits(40))
            if r.random() < .4: dev["device_memory"] = 8       # Chromium kernel behind a Safari mask
            if r.random() < .3: dev["hardware_concurrency"] = r.choice([8, 12])
            h = A.browser_headers(br, langs)
            if r.random() < .25:
                h["sec-ch-ua"] = A.sec_ch_ua("Google Chrome", 138); h["sec-ch-ua-mobile"] = "?1"; h["sec-ch-ua-platform"] = '"iOS"'
            p = dict(first=first, last=last, langs=langs, br=br, cc=cc)
            self.web_signup(r, ts, ip, p, "fraud", camp, email, dev=dev, fill=self.fraud_fill(r, 4500, 13000), headers=h)

    def op_api_flood(self, n, camp="api_signup_flood"):
        r = self.rng
        doms = ["quickmailr.com", "voxtrial.net", "neonbirch.xyz", "cedarloop.top", "arcticwren.shop"]
        ts_all = T.sample(self.np, "UTC", "flat", n, mult=T.day_mask([1, 2, 3]) + T.day_mask([10, 11]) * 1.3)
        for ts in ts_all:
            ip = self.cloud_ip(r, asns=(16509, 396982, 8075, 31898, 14061, 63949), v6p=.15)
            spoof = (ts - T.T0S) // 86400 >= 10
            h = A.cli_headers(r, "py") if spoof and r.random() < .7 else A.cli_headers(r, r.choice(["requests", "aiohttp", "gohttp", "curl"]))
            a = "abcdefghijklmnopqrstuvwxyz0123456789"
            lp = "".join(r.choice(a) for _ in range(r.randrange(8, 13))) if r.random() < .6 else A.local_part(r, *self.names.person(r, "US", "en_US"))
            email = f"{lp}@{r.choice(doms)}"
            acc = self.acc_id()
            self.emit("signup", ts, ip, "fraud", camp, acc, email, lp[:16], h, form=None)
            if r.random() < .8:
                self.emit("login", ts + r.randrange(5, 600), ip, "fraud", camp, acc, email=email, headers=h, success=True)

    def op_stuffing(self, camp="credential_stuffing", ato_camp="account_takeover"):
        r = self.rng
        legit_accs = [a for a in self.accounts if a[3] == "legit"]
        old_uas = [A.age(r, rec, chrome_major=r.choice([116, 119, 120, 122, 124, 126])) for rec in r.sample(self.uas.groups["windows"], 30)]
        waves = [(2, 2, 5200, "resi", 25), (7, 20, 3200, "resi", 15), (10, 6, 3000, "mobile", 8)]
        taken = []
        def attempt(ts, ip, ua_br):
            if r.random() < .55:
                acc, email, p, _ = r.choice(legit_accs)
                ok = r.random() < .025
            else:
                f, l = self.names.person(r, r.choice(["US", "BR", "JP", "MX"]), "en_US")
                acc, email, p, ok = None, A.email_for(r, "US", f, l), None, False
            h = {"user-agent": ua_br["ua"], "accept-language": "en-US,en;q=0.9", "accept": "*/*", "accept-encoding": "gzip, deflate, br",
                 "content-type": "application/x-www-form-urlencoded", "origin": "https://console.koe.ai"}
            self.emit("login", ts, ip, "fraud", camp, acc, email=email, headers=h, success=ok)
            if ok: taken.append((ts, acc, email, p))
        for day, hour, n, kind, rate in waves:
            t = T.T0S + day * 86400 + hour * 3600
            for i in range(n):
                t += int(self.np.exponential(360.0 / rate))
                cc = r.choice(["US", "BR", "JP", "MX", "DE", "KR", "AU"])
                net = self.world.pick_net(r, cc, "residential" if kind == "resi" else "mobile", v6=False)
                attempt(t, self.world.host(r, net, cgnat=0 if kind == "resi" else 40), r.choice(old_uas))
        # low and slow, all fortnight, one attempt per address
        for ts in T.sample(self.np, "UTC", "flat", 2200):
            cc = r.choice(["US", "BR", "JP", "MX", "CA", "AU"])
            attempt(ts, self.world.host(r, self.world.pick_net(r, cc, "residential")), self.uas.pick(r, r.choice(["windows", "mac"])))
        # account takeover: the buyers of the cracked accounts log in with an anti-detect browser in the victim's country
        for ts, acc, email, p in taken:
            cc = p["cc"] if r.random() < .6 else r.choice(["NL", "US", "SG"])
            net = self.world.pick_net(r, cc, "residential") or self.world.pick_net(r, "US", "residential")
            br = self.uas.pick(r, "windows", {"Firefox": 0})
            dev = self.antidetect_device(r, br, self.world.cities[(net.cc, net.city)]["tz"], ["en-US", "en"])
            ip = self.world.host(r, net)
            t = ts + r.randrange(1800, 86400 * 2)
            for j in range(r.choice([1, 1, 2, 3])):
                self.emit("login", t, ip, "fraud", ato_camp, acc, email=email, headers=A.browser_headers(br, ["en-US", "en"], page="login"), device=dev, success=True)
                t += r.randrange(3600, 86400)

    # ---------- main ----------
    def run(self, out):
        os.makedirs(out, exist_ok=True)
        self.legit_mobile(8000)
        self.legit_broadband(7000)
        self.legit_viral(6000)
        self.legit_developers(2500)
        self.legit_enterprise(1200)
        self.legit_students(2000)
        self.legit_travellers(600)
        self.legit_privacy(900)
        self.legit_families(900)
        self.legit_small_teams(500)
        self.legit_synthetic()
        self.legit_existing(11000)
        self.op_trial_farm_adaptive()
        self.op_resi_antidetect(1200)
        self.op_phone_farm(900)
        self.op_captcha_farm(900)
        self.op_vpn_geo(800)
        self.op_alias_abuse(600)
        self.op_patient(420)
        self.op_viral_blend(500)
        self.op_api_flood(420)
        self.op_stuffing()
        end = T.T0S + T.H * 3600
        evs = [(t, e) for t, e in self.events if T.T0S <= t < end]
        evs.sort(key=lambda x: (x[0], x[1]["occurred_at"]))
        with open(os.path.join(out, "events.jsonl"), "w") as f:
            for i, (t, e) in enumerate(evs):
                eid = "evt_" + hashlib.sha1(f"{SEED}/{i}".encode()).hexdigest()[:20]
                f.write(json.dumps({"event_id": eid, **e}, ensure_ascii=False) + "\n")
        self.world.write_dbs(out)
        return len(evs)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    t = time.time()
    n = Gen().run(a.out)
    print(f"wrote {n} events to {a.out}/events.jsonl in {time.time() - t:.1f}s")


if __name__ == "__main__":
    main()
