"""Legitimate population: segments, their signups and their later logins."""
from datetime import timedelta

import agents as A
import geodata as G
import people as P
from common import (IOS_SHARE, START, END, DAYS, UTC, emit, human_fill, langs_for, pick_city, home_conn, mobile_conn, desktop,
                    phone, User, set_conn, sample_time, sample_spike, after, HomeConn, MobileConn, FixedConn,
                    VpnConn, RelayConn, TorConn, pick_net)

W_GLOBAL = {"US": 20, "IN": 11, "BR": 4.5, "GB": 4, "DE": 4, "FR": 3, "CA": 3, "JP": 2.8, "KR": 2.2, "ID": 2.5, "VN": 2,
            "PH": 2, "NG": 2, "MX": 2, "ES": 1.8, "IT": 1.5, "TR": 1.5, "PL": 1.3, "NL": 1.2, "AU": 1.5, "PK": 1.5,
            "EG": 1, "TW": 1.1, "HK": .6, "SG": .9, "AR": .9, "CO": .9, "UA": .9, "BD": 1, "KE": .7, "ZA": .7, "SE": .5,
            "CH": .5, "IL": .7, "AE": .6, "SA": .5, "TH": .7, "MY": .7, "RU": .4, "CN": .4, "PT": .4, "BE": .3, "AT": .3,
            "CZ": .3, "IE": .3, "RO": .3, "GR": .2, "CL": .4, "PE": .3, "NZ": .2, "MA": .3, "GH": .3, "NP": .3, "LK": .2,
            "HU": .2, "DK": .2, "NO": .2, "FI": .2, "VE": .1, "LT": .1}
W_DEV = {"US": 28, "IN": 14, "DE": 5, "GB": 5, "CA": 4, "FR": 3, "BR": 3, "JP": 2, "KR": 2, "NL": 2, "PL": 2, "UA": 2,
         "ES": 1.5, "IT": 1.2, "SE": 1, "CH": 1, "IL": 1.5, "SG": 1, "AU": 1.5, "CN": 1, "TW": 1, "VN": 1, "ID": 1,
         "NG": 1, "PK": 1, "EG": .6, "TR": 1, "AR": .8, "MX": 1, "CO": .6, "RU": .6, "RO": .6, "CZ": .5, "PT": .5,
         "HU": .3, "FI": .4, "DK": .3, "NO": .3, "AT": .4, "BE": .4, "IE": .4, "NZ": .3, "ZA": .5, "KE": .4, "BD": .5,
         "LK": .2, "NP": .2, "TH": .4, "MY": .4, "PH": .6, "HK": .4, "LT": .2}
MOBILE_SHARE = {"US": .3, "IN": .6, "ID": .65, "PH": .6, "NG": .7, "VN": .5, "BR": .45, "MX": .45, "EG": .55, "PK": .6,
                "BD": .55, "KE": .65, "GH": .6, "TH": .45, "MY": .4, "TR": .4, "CO": .45, "AR": .4, "PE": .45, "ZA": .5}
VPN_CC = {"CN": .65, "RU": .5}   # users who need a VPN to reach the service at all


def wpick(rng, d):
    keys = list(d.keys())
    return rng.choices(keys, [d[k] for k in keys])[0]


VPN_NETS = ["m247", "datacamp", "packethub", "expressvpn", "mullvad", "proton"]
VPN_CITIES_FOR_CN = ["hkg", "tyo", "sin", "la", "sjc", "sel", "tpe"]
VPN_CITIES_FOR_RU = ["fra", "ams", "hel", "sto", "ist", "waw", "lon", "kiv"]


def person_email(ctx, rng, cc, mobile=False, style="consumer", company=None, uni=None):
    p = ctx.ppl.person(rng, cc)
    native = 0.12 if p["script"] in ("han", "kanji", "hangul", "cyrillic", "arabic", "thai", "hebrew", "greek") else 0
    if style == "dev":
        r = rng.random()
        if company and r < 0.2:
            local = P.local_from_name(rng, p, [("f.l", 60), ("fil", 25), ("fl", 15)])
            email = local + "@" + company
        elif r < 0.28:
            dom = P.clean(p["last"]) + "." + rng.choice(P.PERSONAL_TLDS)
            email = rng.choice([P.clean(p["first"]), "hi", "me", "mail", "hello", P.clean(p["first"])[:1] + P.clean(p["last"])]) + "@" + dom
        elif r < 0.36:
            email = P.local_from_name(rng, p) + "@" + rng.choice(["proton.me", "protonmail.com", "pm.me"])
        elif r < 0.38:
            email = P.local_from_name(rng, p) + "@" + rng.choice(["fastmail.com", "fastmail.fm", "hey.com", "tuta.io"])
        elif r < 0.41:
            email = relay_address(rng)
        elif r < 0.425:
            email = rng.choice(P.ADJ) + str(rng.randint(1, 9999)) + "@" + rng.choice(P.DISPOSABLE_PUBLIC)
        else:
            email, _ = P.consumer_email(rng, p, cc, plus_rate=0.16, typo_rate=0.003)
        typo = False
    elif style == "uni":
        dom, st = uni
        email = uni_local(rng, p, st) + "@" + dom
        typo = False
    elif style == "corp":
        dom, conv = company
        f, l = P.clean(p["first"].split()[0]), P.clean(p["last"])
        local = {"f.l": f + "." + l, "fl": f[:1] + l, "f_l": f + "_" + l, "f": f + l[:1], "lf": l + f[:1]}[conv]
        if rng.random() < 0.04:
            local += str(rng.randint(2, 9))
        email = local + "@" + dom
        if rng.random() < 0.03:
            email = local.capitalize() + "@" + dom
        typo = False
    else:
        email, typo = P.consumer_email(rng, p, cc, mobile=mobile)
    username = P.username_for(rng, p, email.split("@")[0].strip(), native_share=native)
    return p, email, username, typo


def relay_address(rng):
    dom = rng.choice(P.RELAYS)
    al = "abcdefghijklmnopqrstuvwxyz0123456789"
    if dom == "privaterelay.appleid.com":
        loc = "".join(rng.choice(al[:26]) for _ in range(10))
    elif dom == "duck.com":
        loc = "-".join(rng.choice(P.ADJ + P.NOUN) for _ in range(3))
    elif dom == "mozmail.com":
        loc = "".join(rng.choice(al) for _ in range(9))
    else:
        loc = rng.choice(P.ADJ) + "." + rng.choice(P.NOUN) + str(rng.randint(10, 999))
    return loc + "@" + dom


def uni_local(rng, p, st):
    f, l = P.clean(p["first"].split()[0]), P.clean(p["last"])
    if st == "id":
        return rng.choice(["s", "u", "z", ""]) + str(rng.randint(1000000, 9999999))
    if st == "init":
        return f[:1] + l[:6] + str(rng.randint(1, 99))
    if st == "cmu":
        return f[:1] + l[:6]
    return f + "." + l


# --------------------------------------------------------------- users core
def new_user(ctx, rng, campaign, cc, city=None, prof="consumer", tz=None):
    u = User()
    u.cc = cc
    u.city = city or pick_city(rng, cc)
    u.tz = tz or G.CITIES[u.city]["tz"]
    u.label = "legit"
    u.campaign = campaign
    u.prof = prof
    u.pm = False
    u.account = ctx.account_id(rng)
    u.login_rate = 1.0
    u.mobile_first = False
    return u


def do_signup(ctx, rng, u, dev, t, query=None, slow=1.0, typo=False, fill=None):
    conn = u.conn_for(dev)
    ip = conn.ip(ctx, rng, t, dev)
    mobile = dev.cls == "mobile"
    if fill is None:
        fill = human_fill(rng, mobile, u.pm, "signup", slow)
    hp = ""
    if u.pm and rng.random() < 0.006:
        hp = rng.choice([u.person["last"] if u.person else "x", "+1 555 %03d %04d" % (rng.randrange(1000), rng.randrange(10000)),
                         G.CITIES[u.city]["name"], "https://" + u.email.split("@")[-1]])
    session = rng.getrandbits(32)
    u.created = t
    ctx.accounts[u.account] = u
    ev = emit(ctx, rng, "signup", t, ip, dev, "legit", u.campaign, account=u.account, email=u.email, username=u.username,
              fill_ms=fill, honeypot=hp, query=query, session=session)
    if ev is None:
        return None
    # double submit (back button / impatient click): duplicate attempt rejected, no account
    if rng.random() < 0.004:
        emit(ctx, rng, "signup", after(t, rng.uniform(1.5, 40)), ip, dev, "legit", u.campaign, email=u.email,
             username=u.username, fill_ms=fill + rng.randint(1500, 40000), query=query, session=session)
    if typo and rng.random() < 0.4:
        # never got the verification mail; creates a second account with the address fixed
        u2 = clone_user(ctx, rng, u)
        u2.email = P.fix_typo(u.email)
        t2 = after(t, rng.uniform(180, 2400))
        if t2 < END:
            u2.created = t2
            ctx.accounts[u2.account] = u2
            emit(ctx, rng, "signup", t2, conn.ip(ctx, rng, t2, dev), dev, "legit", u.campaign, account=u2.account,
                 email=u2.email, username=u.username + str(rng.randint(1, 9)) if rng.random() < .6 else u.username + "_",
                 fill_ms=human_fill(rng, mobile, u.pm, "signup", 0.6), query=query, session=session)
            u.login_rate = 0.0
            return u2
    return u


def clone_user(ctx, rng, u):
    v = User()
    for k in ("email", "username", "person", "cc", "city", "tz", "label", "campaign", "pm", "prof", "mobile_first"):
        setattr(v, k, getattr(u, k))
    v.devices = list(u.devices)
    v.conns = dict(u.conns)
    v.account = ctx.account_id(rng)
    v.login_rate = 1.0
    return v


def second_device(ctx, rng, u, t):
    prim = u.devices[0]
    langs = prim.langs if (not prim.api and prim.engine != "webkit") else langs_for(rng, u.cc)
    if prim.cls == "mobile" or prim.api:
        d = desktop(ctx, rng, t, u.cc, u.tz, langs, "consumer")
        conn = u.conns.get("home") or home_conn(ctx, rng, u.cc, u.city)
    else:
        d = phone(ctx, rng, t, u.cc, u.tz, langs)
        conn = mobile_conn(ctx, rng, u.cc, u.city) if rng.random() < 0.55 else (u.conns.get("home") or u.conn_for(prim))
    u.devices.append(d)
    set_conn(u, d, conn)
    return d


def login_attempts(ctx, rng, u, t, dev=None):
    if dev is None:
        if len(u.devices) > 1 and rng.random() < 0.3:
            dev = u.devices[1]
        elif len(u.devices) == 1 and rng.random() < 0.18:
            dev = second_device(ctx, rng, u, t)
        else:
            dev = u.devices[0]
    if dev.api:
        return t
    conn = u.conn_for(dev)
    ip = conn.ip(ctx, rng, t, dev)
    mobile = dev.cls == "mobile"
    session = rng.getrandbits(32)
    typed = u.email
    if rng.random() < 0.06:
        typed = u.email.lower()
    pfail = 0.07 + (0.04 if mobile else 0) - (0.05 if u.pm else 0)
    if rng.random() < 0.01:
        # wrong address typed: no such account
        bad = typed.replace("@", "@" if rng.random() < .5 else "1@", 1)
        if "@" in bad:
            l, d = bad.split("@", 1)
            bad = (l[:-1] if len(l) > 3 else l + "x") + "@" + d
        emit(ctx, rng, "login", t, ip, dev, "legit", u.campaign, email=bad, success=False,
             fill_ms=human_fill(rng, mobile, u.pm, "login"), session=session)
        t = after(t, rng.uniform(6, 50))
    n_fail = 0
    while rng.random() < (pfail if n_fail == 0 else 0.35) and n_fail < 4:
        emit(ctx, rng, "login", t, ip, dev, "legit", u.campaign, account=u.account, email=typed, success=False,
             fill_ms=human_fill(rng, mobile, u.pm, "login"), session=session)
        n_fail += 1
        t = after(t, rng.uniform(5, 70))
    if n_fail >= 3 and rng.random() < 0.5:
        return t   # gave up (went to reset the password)
    withmail = rng.random() < 0.9
    emit(ctx, rng, "login", t, ip, dev, "legit", u.campaign, account=u.account, email=typed if withmail else None,
         username=None if withmail else u.username, success=True, fill_ms=human_fill(rng, mobile, u.pm, "login"),
         session=session)
    return t


def plan_logins(ctx, rng, u, p_any=0.6, mean=1.8, span_days=4.0):
    if u.login_rate <= 0 or rng.random() > p_any:
        return
    n = 1
    while rng.random() < 1 - 1 / mean and n < 12:
        n += 1
    t = u.created
    for i in range(n):
        if i == 0 and rng.random() < 0.3:
            t2 = after(t, rng.lognormvariate(8.5, 1.0))
        else:
            lo = after(t, 3600 * rng.uniform(2, 10))
            hi = min(END, lo + timedelta(days=rng.expovariate(1 / span_days) + 0.5))
            t2 = sample_time(rng, u.tz, u.prof, u.cc, after=lo, before=hi)
        if t2 is None or t2 >= END:
            break
        t = login_attempts(ctx, rng, u, t2)


# ---------------------------------------------------------------- segments
def seg_consumers(ctx, n):
    rng = ctx.rng("seg", "consumer_home")
    out = []
    for _ in range(n):
        cc = wpick(rng, W_GLOBAL)
        u = new_user(ctx, rng, "legit:consumer_home", cc, prof="consumer")
        t = sample_time(rng, u.tz, "consumer", cc)
        langs = langs_for(rng, cc)
        if rng.random() < 0.82:
            d = desktop(ctx, rng, t, cc, u.tz, langs, "consumer")
        else:
            d = phone(ctx, rng, t, cc, u.tz, langs)
        u.devices = [d]
        u.pm = rng.random() < (0.35 if d.engine == "blink" else 0.25)
        if cc in ("CN", "RU") and rng.random() < 0.6:
            cities = VPN_CITIES_FOR_CN if cc == "CN" else VPN_CITIES_FOR_RU
            conn = VpnConn(ctx, rng, ["m247", "datacamp", "expressvpn", "alibaba"] if cc == "CN" else ["m247", "datacamp", "aeza", "stark"], cities)
        else:
            conn = home_conn(ctx, rng, cc, u.city)
        u.conns["home"] = conn
        set_conn(u, d, conn)
        u.person, u.email, u.username, typo = person_email(ctx, rng, cc, mobile=d.cls == "mobile")
        v = do_signup(ctx, rng, u, d, t, typo=typo)
        if v:
            out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.58, 1.9)
    return out


def seg_mobile(ctx, n):
    rng = ctx.rng("seg", "mobile")
    out = []
    for _ in range(n):
        cc = wpick(rng, W_GLOBAL)
        if rng.random() > MOBILE_SHARE.get(cc, .35) * 1.6:
            cc = wpick(rng, W_GLOBAL)
        u = new_user(ctx, rng, "legit:mobile_users", cc, prof="mobile")
        t = sample_time(rng, u.tz, "mobile", cc)
        langs = langs_for(rng, cc, en_bias=0.08)
        r = rng.random()
        if r < 0.06:
            app = rng.choice(["instagram", "facebook", "linkedin", "telegram"])
            if rng.random() < IOS_SHARE.get(cc, .3):
                d = A.ios_webview(rng, t, app if app != "telegram" else "facebook", langs, u.tz)
            else:
                d = A.android_webview(rng, t, app, langs, u.tz)
            d.collector = 0.97
        else:
            d = phone(ctx, rng, t, cc, u.tz, langs)
        u.devices = [d]
        u.pm = rng.random() < 0.3
        mc = mobile_conn(ctx, rng, cc, u.city)
        if cc in ("CN", "RU") and rng.random() < 0.6:
            mc = VpnConn(ctx, rng, ["m247", "datacamp", "expressvpn"], VPN_CITIES_FOR_CN if cc == "CN" else VPN_CITIES_FOR_RU)
        set_conn(u, d, mc)
        u.person, u.email, u.username, typo = person_email(ctx, rng, cc, mobile=True)
        v = do_signup(ctx, rng, u, d, t, typo=typo, slow=1.1)
        if v:
            out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.55, 1.7)
    return out


DEV_COMPANIES = ["stripe.com", "shopify.com", "datadoghq.com", "gitlab.com", "zalando.de", "n26.com", "revolut.com",
                 "booking.com", "adyen.com", "spotify.com", "canva.com", "atlassian.com", "freshworks.com", "zoho.com",
                 "razorpay.com", "flipkart.com", "swiggy.in", "nubank.com.br", "mercadolibre.com", "rakuten.com",
                 "line.me", "kakaocorp.com", "grab.com", "gojek.com", "tokopedia.com", "andela.com", "paystack.com",
                 "wix.com", "monday.com", "sap.com", "ovhcloud.com", "doctolib.fr", "celonis.com", "miro.com",
                 "brainly.com", "allegro.pl", "epam.com", "globant.com", "thoughtworks.com", "tcs.com", "wipro.com"]


def dev_conn(ctx, rng, cc, city, d):
    r = rng.random()
    if cc in ("CN", "RU") and rng.random() < 0.7:
        return VpnConn(ctx, rng, ["m247", "datacamp", "mullvad", "proton"], VPN_CITIES_FOR_CN if cc == "CN" else VPN_CITIES_FOR_RU)
    if r < 0.60:
        return home_conn(ctx, rng, cc, city)
    if r < 0.70:
        biz = [k for k in ("lumen", "cogent", "zayo", "he", "colt", "verizon_biz", "tata_comm") if cc in {b.cc for b in ctx.nm.by_net[k][4]}]
        if biz:
            k = rng.choice(biz)
            space = rng.randrange(25)   # one of a couple of dozen coworking spaces / small offices
            return FixedConn(ctx.nm.servers(k, city if city in ctx.nm.cities_of(k) else rng.choice([c for c in ctx.nm.cities_of(k) if G.CITIES[c]["cc"] == cc]), 2, salt="cowork%d" % space), cc)
        return home_conn(ctx, rng, cc, city)
    if r < 0.78:
        k = rng.choice(["zscaler", "zscaler", "netskope"])
        cs = [c for c in ctx.nm.cities_of(k) if G.CITIES[c]["cc"] == cc] or ctx.nm.cities_of(k)
        return FixedConn(ctx.nm.servers(k, rng.choice(cs), 6), cc)
    if r < 0.90:
        nets = ["mullvad", "proton", "m247", "datacamp", "packethub"]
        return VpnConn(ctx, rng, nets, rng.sample(["ams", "zrh", "sto", "fra", "nyc", "lon", "sin", "tor"], 3))
    if r < 0.92:
        # browser on a cloud dev box / remote desktop
        k = rng.choice(["aws", "azure", "gcp", "hetzner", "do"])
        return FixedConn(ctx.nm.servers(k, rng.choice(ctx.nm.cities_of(k)), 2, salt=rng.getrandbits(30)), cc)
    return mobile_conn(ctx, rng, cc, city)


def seg_developers(ctx, n, campaign="legit:developers", t_fn=None, query_fn=None):
    rng = ctx.rng("seg", campaign)
    out = []
    for _ in range(n):
        cc = wpick(rng, W_DEV)
        u = new_user(ctx, rng, campaign, cc, prof="dev")
        t = t_fn(rng, u) if t_fn else sample_time(rng, u.tz, "dev", cc)
        if t is None:
            continue
        langs = langs_for(rng, cc, en_bias=0.45)
        api = rng.random() < 0.012
        if api:
            d = A.api_client(rng.choice(["curl", "httpie", "requests"]))
        elif rng.random() < 0.9:
            d = desktop(ctx, rng, t, cc, u.tz, langs, "dev")
        else:
            d = phone(ctx, rng, t, cc, u.tz, langs)
        u.devices = [d]
        u.pm = rng.random() < 0.6
        conn = dev_conn(ctx, rng, cc, u.city, d)
        u.conns["home"] = conn
        set_conn(u, d, conn)
        company = rng.choice(DEV_COMPANIES) if rng.random() < 0.5 else None
        u.person, u.email, u.username, typo = person_email(ctx, rng, cc, style="dev", company=company)
        q = query_fn(rng) if query_fn else (rng.choice(["utm_source=google&utm_medium=cpc", "ref=docs", "utm_source=github", None, None, None, None]))
        v = do_signup(ctx, rng, u, d, t, query=q, slow=0.8)
        if v:
            out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.7, 2.8)
    return out


# --- corporate teams
CORP_FIXED = [("cisco.com", "cisco", "US", "sjc"), ("intel.com", "intel", "US", "pdx"), ("salesforce.com", "salesforce", "US", "sf"),
              ("sap.com", "sap", "DE", "fra"), ("infosys.com", "infosys", "IN", "blr"), ("siemens.com", "siemens", "DE", "muc")]
CORP_NAMES = ["northwind-analytics", "bluepeak", "harborline", "kestrel-insurance", "meridian-health", "oakridge-capital",
              "lumen-retail", "veridian-energy", "atlas-freight", "summit-legal", "pinecrest-bank", "brightwave-media",
              "ironclad-security", "novatech-solutions", "greenfield-foods", "silverline-logistics", "crescent-pharma",
              "arcadia-games", "polaris-telecom", "redwood-consulting", "tidewater-marine", "cobalt-robotics",
              "sterling-auto", "horizon-airlines", "quantum-edu", "maple-realty", "falcon-aero", "vertex-biotech",
              "orchid-hotels", "granite-construction", "sapphire-fintech", "evergreen-pharmacy", "apex-manufacturing",
              "lighthouse-media", "beacon-health", "keystone-steel", "riverbend-water", "copperleaf-mining",
              "nimbus-software", "solstice-fashion", "trident-shipping", "aurora-labs", "cedar-insurance", "mosaic-marketing",
              "juniper-publishing", "windward-partners", "zenith-telecom", "cascade-foods", "obsidian-defense"]
CORP_TLDS = {"US": ".com", "GB": ".co.uk", "DE": ".de", "FR": ".fr", "IN": ".in", "JP": ".co.jp", "BR": ".com.br",
             "NL": ".nl", "CA": ".ca", "AU": ".com.au", "SG": ".com.sg", "ES": ".es", "IT": ".it", "CH": ".ch", "SE": ".se",
             "KR": ".co.kr", "MX": ".com.mx", "AE": ".ae", "IL": ".co.il", "PL": ".pl", "ZA": ".co.za"}


def seg_corporate(ctx, n):
    rng = ctx.rng("seg", "corporate")
    out = []
    companies = []
    names = list(CORP_NAMES)
    rng.shuffle(names)
    for dom, net, cc, city in CORP_FIXED:
        companies.append(dict(dom=dom, net=net, cc=cc, city=city))
    for nm_ in names:
        cc = wpick(rng, {k: v for k, v in W_DEV.items() if k in CORP_TLDS})
        companies.append(dict(dom=nm_ + CORP_TLDS[cc], net=None, cc=cc, city=pick_city(rng, cc)))
    total = 0
    for c in companies:
        c["size"] = min(140, int(rng.paretovariate(1.3) * 9) + 3)
        total += c["size"]
    scale = n / total
    for c in companies:
        c["size"] = max(3, int(round(c["size"] * scale)))
    for c in companies:
        cc, city = c["cc"], c["city"]
        tz = G.CITIES[city]["tz"]
        conv = rng.choice(["f.l", "f.l", "f.l", "fl", "f_l", "f", "lf"])
        # egress
        if c["net"]:
            egress = FixedConn(ctx.nm.servers(c["net"], city if city in ctx.nm.cities_of(c["net"]) else ctx.nm.cities_of(c["net"])[0], 4, salt=c["dom"]), cc)
        else:
            r = rng.random()
            if r < 0.45:
                k = "zscaler" if rng.random() < .8 else "netskope"
                cs = [x for x in ctx.nm.cities_of(k) if G.CITIES[x]["cc"] == cc] or ctx.nm.cities_of(k)
                egress = FixedConn(ctx.nm.servers(k, rng.choice(cs), 4) + ctx.nm.servers(k, rng.choice(cs), 2), cc)
            else:
                biz = [k for k in ("lumen", "cogent", "zayo", "colt", "verizon_biz", "tata_comm") if any(G.CITIES[x]["cc"] == cc for x in ctx.nm.cities_of(k))]
                if biz and r < 0.85:
                    k = rng.choice(biz)
                    cs = [x for x in ctx.nm.cities_of(k) if G.CITIES[x]["cc"] == cc]
                    egress = FixedConn(ctx.nm.servers(k, rng.choice(cs), 2, salt=c["dom"]), cc)
                else:
                    hc = home_conn(ctx, rng, cc, city)
                    egress = FixedConn([hc.v4], cc)
        # managed laptop images
        langs = langs_for(rng, cc, en_bias=0.5)
        images = []
        br = rng.choice(["chrome", "chrome", "edge", "edge", "chrome"])
        pinned = rng.choice([145, 144, 144, 142, 140])
        for _ in range(rng.choice([1, 1, 2, 3])):
            osv = "mac" if rng.random() < 0.15 else "win"
            images.append(dict(os=osv, br=br if osv == "win" else "chrome", ver=pinned, screen=rng.choice(["1920x1080", "1536x864", "1920x1200"]) if osv == "win" else None,
                               hw=rng.choice([8, 12, 16]), seed=rng.getrandbits(40)))
        day = rng.randrange(0, DAYS)
        while (START + timedelta(days=day)).weekday() >= 5:
            day = rng.randrange(0, DAYS)
        z = G.CITIES[city]["tz"]
        from common import zi
        kick_local = (START + timedelta(days=day)).astimezone(zi(z)).replace(hour=rng.choice([9, 10, 11, 14, 15]), minute=rng.choice([0, 30]), second=0)
        kick = kick_local.astimezone(UTC)
        for i in range(c["size"]):
            u = new_user(ctx, rng, "legit:corporate_teams", cc, city=city, prof="business", tz=tz)
            remote = rng.random() < 0.15
            if rng.random() < 0.45 and kick < END:
                t = after(kick, rng.expovariate(1 / 2400) + rng.uniform(20, 200))
                if t >= END:
                    t = sample_time(rng, tz, "business", cc)
            else:
                t = sample_time(rng, tz, "business", cc)
            im = rng.choice(images)
            if rng.random() < 0.08:
                d = phone(ctx, rng, t, cc, tz, langs)
                conn = mobile_conn(ctx, rng, cc, city)
            else:
                d = A.make_browser(rng, t, "desktop", im["os"], im["br"], tz, langs, fp_seed=im["seed"], hw=im["hw"],
                                   screen=im["screen"], chrome_ver=im["ver"], mem=8)
                d.collector = 0.96
                conn = home_conn(ctx, rng, cc, city) if remote else egress
            u.devices = [d]
            set_conn(u, d, conn)
            u.pm = rng.random() < 0.2
            u.person, u.email, u.username, _ = person_email(ctx, rng, cc, style="corp", company=(c["dom"], conv))
            v = do_signup(ctx, rng, u, d, t)
            if v:
                out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.65, 2.5)
    return out


# --- universities
UNIS = [("mit", "cam_us", "mit.edu", "init"), ("stanford", "pa", "stanford.edu", "init"), ("berkeley", "sf", "berkeley.edu", "f.l"),
        ("cmu", "pit", "andrew.cmu.edu", "cmu"), ("gatech", "atl", "gatech.edu", "init"), ("umich", "anb", "umich.edu", "init"),
        ("utexas", "aus", "utexas.edu", "init"), ("uw", "sea", "uw.edu", "init"), ("asu", "phx", "asu.edu", "init"),
        ("utoronto", "tor", "mail.utoronto.ca", "f.l"), ("janet", "cam_uk", "cam.ac.uk", "init"), ("janet", "oxf", "ox.ac.uk", "f.l"),
        ("janet", "lon", "ucl.ac.uk", "f.l"), ("janet", "edi", "sms.ed.ac.uk", "id"), ("dfn", "muc", "tum.de", "f.l"),
        ("dfn", "ber", "hu-berlin.de", "f.l"), ("dfn", "str", "stud.uni-stuttgart.de", "id"), ("renater", "par", "polytechnique.edu", "f.l"),
        ("renater", "lyo", "etu.univ-lyon1.fr", "f.l"), ("surf", "dlf", "student.tudelft.nl", "init"), ("surf", "ein", "student.tue.nl", "init"),
        ("switch", "zrh", "student.ethz.ch", "init"), ("switch", "lau", "epfl.ch", "f.l"), ("ernet", "bom", "iitb.ac.in", "id"),
        ("ernet", "del", "iitd.ac.in", "init"), ("ernet", "maa", "smail.iitm.ac.in", "id"), ("ernet", "blr", "iisc.ac.in", "init"),
        ("nkn", "hyd", "students.iiit.ac.in", "f.l"), ("sinet", "tyo", "g.ecc.u-tokyo.ac.jp", "id"), ("sinet", "kyo", "st.kyoto-u.ac.jp", "id"),
        ("kreonet", "tjn", "kaist.ac.kr", "init"), ("kreonet", "sel", "snu.ac.kr", "init"), ("rnp", "sao", "usp.br", "f.l"),
        ("rnp", "rec", "ufpe.br", "f.l"), ("cernet", "pek", "mails.tsinghua.edu.cn", "init"), ("cernet", "pek", "stu.pku.edu.cn", "id"),
        ("nus", "sin", "u.nus.edu", "id"), ("aarnet", "syd", "ad.unsw.edu.au", "id"), ("aarnet", "mel", "student.unimelb.edu.au", "init"),
        ("tanet", "tpe", "ntu.edu.tw", "id"), ("tanet", "hsz", "nycu.edu.tw", "id"), ("iucc", "hfa", "campus.technion.ac.il", "init"),
        ("rediris", "bcn", "estudiantat.upc.edu", "f.l"), ("rediris", "mad", "alumnos.upm.es", "f.l"), ("garr", "mil", "mail.polimi.it", "f.l"),
        ("garr", "trn", "studenti.polito.it", "id"), ("ulakbim", "ank", "metu.edu.tr", "init"), ("unam", "mex", "comunidad.unam.mx", "init"),
        ("itb", "bdo", "students.itb.ac.id", "id"), ("kenet", "nbo", "students.uonbi.ac.ke", "f.l"), ("pern", "isb", "nust.edu.pk", "init")]
PUBLIC_HOST_UNIS = {"mit", "stanford", "berkeley", "cmu", "umich", "uw"}


def uni_conn(ctx, rng, uni, nat_pool):
    net, city = uni[0], uni[1]
    if net in PUBLIC_HOST_UNIS and rng.random() < 0.6:
        b = ctx.nm.block(rng, net, city=city, ver=4)
        return FixedConn([ctx.nm.v4_host(rng, b)], G.CITIES[city]["cc"])
    if ctx.nm.has_v6(net) and rng.random() < 0.4:
        b = ctx.nm.block(rng, net, city=city, ver=6)
        return FixedConn([ctx.nm.v6_random(rng, b)], G.CITIES[city]["cc"])
    return FixedConn(nat_pool, G.CITIES[city]["cc"])


def seg_university(ctx, n):
    rng = ctx.rng("seg", "university")
    out = []
    nat = {}
    for u_ in UNIS:
        nat[u_[2]] = ctx.nm.servers(u_[0], u_[1], rng.choice([2, 3, 4, 8]))
    uw = [3 if G.CITIES[x[1]]["cc"] in ("US", "IN") else 1.2 for x in UNIS]
    n_class = int(n * 0.45)
    n_ind = n - n_class
    for _ in range(n_ind):
        uni = rng.choices(UNIS, uw)[0]
        cc = G.CITIES[uni[1]]["cc"]
        u = new_user(ctx, rng, "legit:university", cc, city=uni[1], prof="student")
        t = sample_time(rng, u.tz, "student", cc)
        langs = langs_for(rng, cc, en_bias=0.3)
        d = desktop(ctx, rng, t, cc, u.tz, langs, "student") if rng.random() < 0.72 else phone(ctx, rng, t, cc, u.tz, langs)
        u.devices = [d]
        u.pm = rng.random() < 0.3
        r = rng.random()
        conn = uni_conn(ctx, rng, uni, nat[uni[2]]) if r < 0.55 else (home_conn(ctx, rng, cc, u.city) if r < 0.85 else mobile_conn(ctx, rng, cc, u.city))
        if cc == "CN" and r >= 0.55:
            conn = VpnConn(ctx, rng, ["m247", "expressvpn", "alibaba"], VPN_CITIES_FOR_CN)
        u.conns["home"] = conn
        set_conn(u, d, conn)
        style = "uni" if rng.random() < 0.55 else "consumer"
        u.person, u.email, u.username, typo = person_email(ctx, rng, cc, mobile=d.cls == "mobile", style=style, uni=(uni[2], uni[3]))
        v = do_signup(ctx, rng, u, d, t, typo=typo, slow=1.1)
        if v:
            out.append(v)
    # classes / lab sessions
    made = 0
    ci = 0
    while made < n_class:
        ci += 1
        uni = rng.choices(UNIS, uw)[0]
        cc = G.CITIES[uni[1]]["cc"]
        tz = G.CITIES[uni[1]]["tz"]
        size = min(n_class - made, rng.randint(14, 75))
        day = rng.randrange(DAYS)
        while (START + timedelta(days=day)).weekday() >= 5:
            day = rng.randrange(DAYS)
        from common import zi
        st = (START + timedelta(days=day)).astimezone(zi(tz)).replace(hour=rng.choice([9, 10, 11, 13, 14, 15, 16]), minute=rng.choice([0, 10, 15, 30]), second=0).astimezone(UTC)
        if st >= END or st < START:
            continue
        lab = rng.random() < 0.55
        langs = langs_for(rng, cc, en_bias=0.4)
        if lab:
            os_ = rng.choice(["win", "win", "linux", "mac"])
            br = {"win": rng.choice(["chrome", "edge", "firefox"]), "linux": rng.choice(["firefox", "chrome"]), "mac": rng.choice(["safari", "chrome"])}[os_]
            seed = rng.getrandbits(40)
            img = dict(os=os_, br=br, seed=seed, hw=rng.choice([4, 8, 12]), screen={"win": "1920x1080", "linux": "1920x1080", "mac": "2560x1440"}[os_])
            labver = A.chrome_major(rng, st)
        pool = nat[uni[2]][:2]
        q = "utm_source=course&utm_campaign=" + rng.choice(["cs229", "nlp101", "ml-lab", "ai-workshop", "intro-llm", "cs4650", "dl-practicum"])
        for i in range(size):
            u = new_user(ctx, rng, "legit:university", cc, city=uni[1], prof="student", tz=tz)
            t = after(st, rng.uniform(60, 300) + rng.expovariate(1 / 420))
            if lab:
                d = A.make_browser(rng, t, "desktop", img["os"], img["br"], tz, langs, fp_seed=img["seed"], hw=img["hw"],
                                   screen=img["screen"], chrome_ver=labver if img["br"] in ("chrome", "edge") else None)
                d.collector = 0.97
                conn = FixedConn(pool, cc)
            else:
                d = desktop(ctx, rng, t, cc, tz, langs_for(rng, cc, en_bias=0.4), "student") if rng.random() < 0.8 else phone(ctx, rng, t, cc, tz, langs)
                conn = uni_conn(ctx, rng, uni, pool) if rng.random() < 0.85 else mobile_conn(ctx, rng, cc, uni[1])
            u.devices = [d]
            set_conn(u, d, conn)
            u.pm = (not lab) and rng.random() < 0.25
            style = "uni" if rng.random() < 0.8 else "consumer"
            u.person, u.email, u.username, typo = person_email(ctx, rng, cc, style=style, uni=(uni[2], uni[3]))
            if lab:
                u.devices = [d]
                home = home_conn(ctx, rng, cc, uni[1])
                d2 = desktop(ctx, rng, t, cc, tz, langs, "student") if rng.random() < .6 else phone(ctx, rng, t, cc, tz, langs)
                u.devices.append(d2)
                set_conn(u, d2, home)
            v = do_signup(ctx, rng, u, d, t, query=q, typo=typo, slow=1.15)
            if v:
                out.append(v)
                made += 1
    for u in out:
        if len(u.devices) > 1 and u.devices[0].fp_seed is not None and u.campaign:
            # lab users come back from their own machine
            for _ in range(rng.choice([0, 1, 1, 2])):
                t = sample_time(rng, u.tz, "student", u.cc, after=after(u.created, 7200))
                if t:
                    login_attempts(ctx, rng, u, t, dev=u.devices[1])
        else:
            plan_logins(ctx, rng, u, 0.6, 2.0)
    return out


# --- hackathons and workshops at venues
EVENTS = [  # city, venue net (None: local ISP), day, local start hour, n, promo, duration hours
    ("sf", "lumen", 5, 10, 140, "HACKSF26", 30), ("blr", "tata_comm", 5, 9, 120, "BLRHACK", 28),
    ("lon", "colt", 2, 18, 45, "LDNAI", 3), ("ber", None, 3, 18, 40, "BERLINML", 3), ("los", None, 7, 10, 70, "LAGOSDEV", 9),
    ("sao", None, 4, 19, 45, "SPAI", 3), ("tyo", None, 8, 13, 35, "TOKYOLLM", 5), ("nbo", None, 6, 10, 50, "NBOAI", 8),
    ("bos", "cogent", 9, 9, 60, "AIWEEKBOS", 8), ("sin", None, 1, 9, 45, "SGBUILD", 8)]


def seg_hackathons(ctx, n):
    rng = ctx.rng("seg", "hackathons")
    out = []
    tot = sum(e[4] for e in EVENTS)
    for city, net, day, hour, size, promo, dur in EVENTS:
        size = int(round(size * n / tot))
        cc = G.CITIES[city]["cc"]
        tz = G.CITIES[city]["tz"]
        from common import zi
        st = (START + timedelta(days=day)).astimezone(zi(tz)).replace(hour=hour, minute=0, second=0).astimezone(UTC)
        if net:
            cs = [c for c in ctx.nm.cities_of(net) if G.CITIES[c]["cc"] == cc]
            venue = FixedConn(ctx.nm.servers(net, city if city in cs else cs[0], 2, salt=promo), cc)
        else:
            hc = home_conn(ctx, rng, cc, city)
            venue = FixedConn([hc.v4] + ([hc.ip(ctx, rng, st)] if hc.v6p else []), cc)
        for i in range(size):
            ccu = cc if rng.random() < 0.85 else wpick(rng, W_DEV)
            u = new_user(ctx, rng, "legit:hackathon_workshops", ccu, prof="dev")
            u.city, u.tz = (city, tz) if ccu == cc else (u.city, u.tz)
            if rng.random() < 0.6:
                t = after(st, rng.expovariate(1 / 1800) + rng.uniform(0, 600))
            else:
                t = after(st, rng.uniform(0, dur * 3600))
            langs = langs_for(rng, ccu, en_bias=0.5)
            d = desktop(ctx, rng, t, ccu, u.tz, langs, "dev") if rng.random() < 0.85 else phone(ctx, rng, t, ccu, u.tz, langs)
            u.devices = [d]
            conn = venue if (d.cls != "mobile" or rng.random() < 0.5) else mobile_conn(ctx, rng, cc, city)
            set_conn(u, d, conn)
            u.pm = rng.random() < 0.55
            u.person, u.email, u.username, typo = person_email(ctx, rng, ccu, style="dev" if rng.random() < .7 else "consumer")
            v = do_signup(ctx, rng, u, d, t, query="promo=" + promo, typo=typo, slow=0.85)
            if v:
                out.append(v)
                # during the event they log in again from the venue; afterwards from home
                for _ in range(rng.choice([0, 1, 1, 2])):
                    tl = after(t, rng.uniform(1800, dur * 3600))
                    if tl < END:
                        login_attempts(ctx, rng, v, tl, dev=d)
                v.conns["default"] = home_conn(ctx, rng, ccu, u.city)
                v.conns[id(d)] = v.conns["default"]
    for u in out:
        plan_logins(ctx, rng, u, 0.4, 1.8)
    return out


# --- privacy-conscious users
def seg_privacy(ctx, n):
    rng = ctx.rng("seg", "privacy")
    out = []
    for _ in range(n):
        cc = wpick(rng, W_DEV)
        u = new_user(ctx, rng, "legit:privacy_conscious", cc, prof="dev" if rng.random() < .5 else "consumer")
        t = sample_time(rng, u.tz, u.prof, cc)
        langs = langs_for(rng, cc, en_bias=0.35)
        r = rng.random()
        if r < 0.45:   # commercial VPN
            d = desktop(ctx, rng, t, cc, u.tz, langs, "dev") if rng.random() < 0.75 else phone(ctx, rng, t, cc, u.tz, langs)
            own = [c for c in G.CITIES_BY_CC.get(cc, []) if c in ctx.nm.cities_of("m247")]
            if own and rng.random() < 0.5:
                cities = own
            else:
                cities = rng.sample(["nyc", "la", "ams", "zrh", "sto", "lon", "fra", "sin", "tyo", "tor", "mia", "chi"], 3)
            conn = VpnConn(ctx, rng, rng.sample(["m247", "datacamp", "packethub", "expressvpn", "mullvad", "proton"], 2), cities, sticky=0.7)
        elif r < 0.70:  # iCloud Private Relay
            t_os = "ios" if rng.random() < 0.7 else "mac"
            d = A.make_browser(rng, t, "mobile" if t_os == "ios" else "desktop", t_os, "safari", u.tz, langs)
            d.collector = 0.96
            ctx.dev_serial += 1
            conn = RelayConn(ctx, rng, rng.choice(["akamai_pr", "akamai_pr", "cf_warp", "fastly_pr"]), u.city)
        elif r < 0.80:  # Cloudflare WARP / 1.1.1.1 app
            d = phone(ctx, rng, t, cc, u.tz, langs) if rng.random() < 0.6 else desktop(ctx, rng, t, cc, u.tz, langs, "consumer")
            conn = RelayConn(ctx, rng, "cf_warp", u.city)
        elif r < 0.85:  # Tor Browser
            d = A.tor_browser(rng)
            conn = TorConn()
        else:           # hardened browsers on the home line
            rr = rng.random()
            if rr < 0.4:
                d = A.rfp_firefox(rng, rng.choice(["linux", "win", "mac"]))
                d.collector = 0.6
            elif rr < 0.8:
                d = A.make_browser(rng, t, "desktop", rng.choice(["win", "mac", "linux"]), "brave", u.tz, langs)
                d.collector = 0.85
            else:
                d = desktop(ctx, rng, t, cc, u.tz, langs, "dev")
                d.collector = 0.0    # NoScript / uMatrix: the collector never runs
            conn = home_conn(ctx, rng, cc, u.city)
        u.devices = [d]
        set_conn(u, d, conn)
        u.pm = rng.random() < 0.7
        p = ctx.ppl.person(rng, cc)
        rr = rng.random()
        if rr < 0.3:
            email = P.local_from_name(rng, p) + "@" + rng.choice(["proton.me", "protonmail.com", "pm.me", "tuta.io", "tutanota.com", "posteo.de", "mailbox.org"])
        elif rr < 0.55:
            email = relay_address(rng)
        elif rr < 0.63:
            email = rng.choice(P.ADJ) + rng.choice(P.NOUN) + str(rng.randint(1, 9999)) + "@" + rng.choice(P.DISPOSABLE_PUBLIC)
        else:
            email, _ = P.consumer_email(rng, p, cc, plus_rate=0.2)
        u.person, u.email = p, email
        u.username = rng.choice(P.ADJ) + rng.choice(["", "_", "-"]) + rng.choice(P.NOUN) + (str(rng.randint(1, 999)) if rng.random() < .5 else "")
        v = do_signup(ctx, rng, u, d, t)
        if v:
            out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.6, 2.2)
    return out


# --- travellers
def seg_travellers(ctx, n):
    rng = ctx.rng("seg", "travellers")
    out = []
    dests = ["lon", "par", "nyc", "sf", "tyo", "sin", "dxb", "bcn", "ams", "bkk", "ist", "lis", "mex", "syd", "ber", "rom", "hkg", "sel", "dps", "mia"]
    for _ in range(n):
        cc = wpick(rng, W_DEV)
        home_city = pick_city(rng, cc)
        home_tz = G.CITIES[home_city]["tz"]
        dest = rng.choice([x for x in dests if G.CITIES[x]["cc"] != cc])
        dcc = G.CITIES[dest]["cc"]
        dtz = G.CITIES[dest]["tz"]
        u = new_user(ctx, rng, "legit:travellers", cc, city=home_city, prof="consumer")
        langs = langs_for(rng, cc, en_bias=0.3)
        mode = rng.random()
        t = sample_time(rng, dtz, "consumer", dcc)
        if mode < 0.35:    # hotel / airport wifi, laptop keeps the home zone
            d = desktop(ctx, rng, t, cc, home_tz if rng.random() < 0.6 else dtz, langs, "consumer")
            if rng.random() < 0.3 and dcc == "US":
                conn = FixedConn(ctx.nm.servers("boingo", dest if dest in ctx.nm.cities_of("boingo") else ctx.nm.cities_of("boingo")[0], 3), dcc)
            else:
                hc = home_conn(ctx, rng, dcc, dest)
                conn = FixedConn([hc.v4], dcc)
        elif mode < 0.65:  # roaming: home-routed data, phone switched to local time
            d = phone(ctx, rng, t, cc, dtz, langs)
            conn = mobile_conn(ctx, rng, cc, home_city)
        elif mode < 0.85:  # local / travel eSIM
            d = phone(ctx, rng, t, cc, dtz, langs)
            conn = mobile_conn(ctx, rng, dcc, dest)
        else:              # in-flight wifi
            d = desktop(ctx, rng, t, cc, home_tz, langs, "consumer") if rng.random() < .6 else phone(ctx, rng, t, cc, home_tz, langs)
            conn = FixedConn(ctx.nm.servers("viasat", rng.choice(ctx.nm.cities_of("viasat")), 4), "US")
        u.devices = [d]
        set_conn(u, d, conn)
        u.pm = rng.random() < 0.4
        u.person, u.email, u.username, typo = person_email(ctx, rng, cc, mobile=d.cls == "mobile")
        v = do_signup(ctx, rng, u, d, t, typo=typo)
        if v:
            out.append(v)
            # back home later: normal line
            hc = home_conn(ctx, rng, cc, home_city)
            v.conns["default"] = hc
    for u in out:
        plan_logins(ctx, rng, u, 0.5, 1.8)
    return out


# --- spikes
LAUNCH_T0 = START + timedelta(days=1, hours=17)          # Tue 3 Mar 17:00 UTC: model launch
INFLUENCER_T0 = START + timedelta(days=5, hours=9)       # Sat 7 Mar 14:30 IST: Hindi YouTube tutorial
HN_T0 = START + timedelta(days=8, hours=14, minutes=40)  # Tue 10 Mar: front page of Hacker News


def seg_launch(ctx, n):
    rng = ctx.rng("seg", "launch")
    out = []
    W = dict(W_GLOBAL)
    for k in ("US", "GB", "DE", "FR", "CA", "JP", "KR"):
        W[k] *= 1.4
    for _ in range(n):
        cc = wpick(rng, W)
        u = new_user(ctx, rng, "legit:launch_spike", cc, prof="consumer")
        t = sample_spike(rng, LAUNCH_T0, 5, u.tz, "consumer", tail_h=30)
        if t is None:
            continue
        langs = langs_for(rng, cc, en_bias=0.3)
        r = rng.random()
        if r < 0.55:
            d = desktop(ctx, rng, t, cc, u.tz, langs, "dev" if rng.random() < .5 else "consumer")
            conn = home_conn(ctx, rng, cc, u.city) if rng.random() < .8 else dev_conn(ctx, rng, cc, u.city, d)
        elif r < 0.95:
            d = phone(ctx, rng, t, cc, u.tz, langs)
            conn = mobile_conn(ctx, rng, cc, u.city) if rng.random() < 0.6 else home_conn(ctx, rng, cc, u.city)
        else:
            d = A.ios_webview(rng, t, rng.choice(["linkedin", "facebook", "instagram"]), langs, u.tz)
            conn = mobile_conn(ctx, rng, cc, u.city)
        if cc in ("CN", "RU") and rng.random() < 0.6:
            conn = VpnConn(ctx, rng, ["m247", "datacamp", "expressvpn"], VPN_CITIES_FOR_CN if cc == "CN" else VPN_CITIES_FOR_RU)
        u.devices = [d]
        set_conn(u, d, conn)
        u.pm = rng.random() < 0.35
        u.person, u.email, u.username, typo = person_email(ctx, rng, cc, mobile=d.cls == "mobile", style="dev" if rng.random() < .3 else "consumer")
        q = rng.choice(["utm_source=x&utm_medium=social&utm_campaign=launch", "utm_source=blog&utm_campaign=launch", "ref=launch",
                        "utm_source=newsletter", None, None])
        v = do_signup(ctx, rng, u, d, t, query=q, typo=typo)
        if v:
            out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.55, 2.0)
    return out


def seg_influencer(ctx, n):
    rng = ctx.rng("seg", "influencer")
    out = []
    for _ in range(n):
        cc = "IN"
        u = new_user(ctx, rng, "legit:influencer_spike_in", cc, prof="mobile")
        t = sample_spike(rng, INFLUENCER_T0, 6, u.tz, "mobile", tail_h=30)
        if t is None:
            continue
        langs = langs_for(rng, cc, en_bias=0.0)
        r = rng.random()
        if r < 0.78:
            d = phone(ctx, rng, t, cc, u.tz, langs)
        elif r < 0.86:
            d = A.android_webview(rng, t, rng.choice(["instagram", "telegram", "facebook"]), langs, u.tz, market="e")
            d.collector = 0.97
        else:
            d = desktop(ctx, rng, t, cc, u.tz, langs, "student")
        if d.cls == "desktop":
            conn = home_conn(ctx, rng, cc, u.city)
        else:
            k = rng.choices(["jio", "airtel_mob", "vi"], [55, 30, 15])[0]
            conn = MobileConn(ctx, rng, k, u.city)
        u.devices = [d]
        set_conn(u, d, conn)
        u.pm = rng.random() < 0.25
        p = ctx.ppl.person(rng, cc)
        email, typo = P.consumer_email(rng, p, cc, mobile=True, typo_rate=0.02)
        u.person, u.email = p, email
        u.username = P.username_for(rng, p, email.split("@")[0])
        q = rng.choice(["utm_source=youtube&utm_medium=video&utm_campaign=techwithrahul", "utm_source=youtube&utm_medium=video&utm_campaign=techwithrahul",
                        "utm_source=telegram", "utm_source=whatsapp", None])
        v = do_signup(ctx, rng, u, d, t, query=q, typo=typo, slow=1.2)
        if v:
            out.append(v)
    for u in out:
        plan_logins(ctx, rng, u, 0.5, 1.6)
    return out


def seg_hn(ctx, n):
    return seg_developers(ctx, n, campaign="legit:hn_frontpage",
                          t_fn=lambda rng, u: sample_spike(rng, HN_T0, 4, u.tz, "dev", floor=0.5, tail_h=20),
                          query_fn=lambda rng: rng.choice(["ref=hn", "ref=hn", None, None, "utm_source=news.ycombinator.com"]))


# --- legitimate server-side provisioning through the JSON API
def seg_partner(ctx, n):
    rng = ctx.rng("seg", "partner")
    out = []
    ips_a = ctx.nm.servers("aws_aes", "ash", 2, salt="cohortlabs")
    ips_b = ctx.nm.servers("azure", "ams", 1, salt="kellner")
    batches = [(START + timedelta(days=1, hours=15, minutes=2), ips_a, "requests", "cohort"),
               (START + timedelta(days=3, hours=15, minutes=1), ips_a, "requests", "cohort"),
               (START + timedelta(days=7, hours=16, minutes=5), ips_a, "aiohttp", "cohort"),
               (START + timedelta(days=2, hours=8, minutes=31), ips_b, "httpx", "kellner")]
    per = max(1, n // len(batches))
    for t0, ips, tool, who in batches:
        t = t0
        dev = A.api_client(tool)
        for i in range(per + (rng.randint(-4, 4) if who == "cohort" else -per // 2)):
            t = after(t, rng.uniform(1.2, 6.0))
            cc = "US" if who == "cohort" and rng.random() < .6 else ("DE" if who == "kellner" else wpick(rng, W_GLOBAL))
            u = new_user(ctx, rng, "legit:partner_provisioning", cc, prof="business")
            u.devices = [dev]
            set_conn(u, dev, FixedConn(ips, cc))
            if who == "kellner":
                u.person, u.email, u.username, _ = person_email(ctx, rng, cc, style="corp", company=("kellner-logistik.de", "f.l"))
            else:
                u.person, u.email, u.username, _ = person_email(ctx, rng, cc)
                u.email = u.email.strip().lower()
            u.created = t
            ctx.accounts[u.account] = u
            emit(ctx, rng, "signup", t, rng.choice(ips), dev, "legit", u.campaign, account=u.account, email=u.email, username=u.username)
            # the person behind it later logs in from a browser
            if rng.random() < 0.55:
                d = desktop(ctx, rng, t, cc, u.city and G.CITIES[u.city]["tz"], langs_for(rng, cc), "consumer") if rng.random() < .7 else phone(ctx, rng, t, cc, G.CITIES[u.city]["tz"], langs_for(rng, cc))
                u.devices = [d]
                set_conn(u, d, home_conn(ctx, rng, cc, u.city) if who == "cohort" else FixedConn(ctx.nm.servers("colt", "fra", 2, salt="kellner"), "DE"))
                u.prof = "student" if who == "cohort" else "business"
                tl = sample_time(rng, u.tz, u.prof, cc, after=after(t, 1800))
                if tl:
                    login_attempts(ctx, rng, u, tl, dev=d)
            out.append(u)
    return out


# --- accounts that existed before the window: their logins
def returning_users(ctx, n):
    rng = ctx.rng("seg", "returning")
    users = []
    for _ in range(n):
        cc = wpick(rng, W_DEV if rng.random() < .5 else W_GLOBAL)
        u = new_user(ctx, rng, "legit:returning_users", cc, prof=rng.choice(["dev", "consumer", "business", "mobile"]))
        langs = langs_for(rng, cc, en_bias=0.3)
        t = START
        if u.prof == "mobile":
            d = phone(ctx, rng, t, cc, u.tz, langs)
            conn = mobile_conn(ctx, rng, cc, u.city) if rng.random() < .6 else home_conn(ctx, rng, cc, u.city)
        else:
            d = desktop(ctx, rng, t, cc, u.tz, langs, "dev" if u.prof == "dev" else "consumer")
            conn = dev_conn(ctx, rng, cc, u.city, d) if u.prof == "dev" else home_conn(ctx, rng, cc, u.city)
        u.devices = [d]
        u.conns["home"] = conn
        set_conn(u, d, conn)
        u.pm = rng.random() < 0.45
        u.person, u.email, u.username, _ = person_email(ctx, rng, cc, mobile=d.cls == "mobile", style="dev" if u.prof == "dev" else "consumer")
        u.email = u.email.strip()
        u.created = START - timedelta(days=rng.randint(20, 700))
        u.password_reuse = rng.random() < 0.035
        ctx.accounts[u.account] = u
        users.append(u)
        k = 0
        r = rng.random()
        k = 0 if r < 0.25 else (1 if r < 0.65 else (2 if r < 0.85 else rng.randint(3, 7)))
        ts = sorted(filter(None, (sample_time(rng, u.tz, u.prof if u.prof != "mobile" else "mobile", cc) for _ in range(k))))
        last = None
        for tl in ts:
            if last and (tl - last).total_seconds() < 1800:
                continue
            last = login_attempts(ctx, rng, u, tl)
    return users
