"""Simulation core: clock, personas, network contexts, event emission, login scheduling."""
import datetime as dt
from zoneinfo import ZoneInfo

from geodata import CITIES, LANGS, COUNTRIES, UNSUPPORTED
from util import h64, hhex, sub_rng, wpick, WeightedChoice
from world import World
from identity import Identities
from devices import UAPool, browser_device, pick_desktop_cls, pick_mobile_cls, fill_human, fill_autofill

T0 = dt.datetime(2025, 5, 5, 0, 0, 0, tzinfo=dt.timezone.utc)
DAYS = 14
DUR = DAYS * 86400.0
LAUNCH = 8 * 86400 + 16 * 3600.0   # Tue 2025-05-13 16:00Z, 09:00 in California

# Signups per local hour (developer audience).
HOURLY = [2.2, 1.4, 0.9, 0.6, 0.5, 0.6, 1.0, 1.7, 2.8, 4.0, 4.8, 5.0, 4.6, 4.8, 5.1, 5.0, 4.7, 4.2, 3.6, 3.5, 3.8, 3.9, 3.5, 2.9]
HOURLY_WEEKEND = [2.6, 1.8, 1.2, 0.8, 0.6, 0.6, 0.8, 1.2, 1.8, 2.6, 3.4, 3.8, 4.0, 4.0, 4.0, 4.0, 3.9, 3.7, 3.6, 3.8, 4.1, 4.2, 3.8, 3.2]
HMAX = 5.1

_OFFS = {}


def tz_offset(tz):
    o = _OFFS.get(tz)
    if o is None:
        o = ZoneInfo(tz).utcoffset(dt.datetime(2025, 5, 12, 12)).total_seconds()
        _OFFS[tz] = o
    return o


def local_hour(t, tz):
    return int(((t + tz_offset(tz)) % 86400) // 3600)


def local_dow(t, tz):
    return int(((t + tz_offset(tz)) // 86400) % 7)   # T0 is a Monday: 0=Mon .. 5=Sat, 6=Sun


def day_factor(d):
    """Global organic demand by local day index (0 = Mon 5 May)."""
    f = 1.0 + 0.01 * d
    dow = d % 7
    if dow == 5:
        f *= 0.62
    elif dow == 6:
        f *= 0.70
    if d == 8:
        f *= 1.3
    elif d == 9:
        f *= 1.25
    elif d == 10:
        f *= 1.1
    return f


_DAYW = WeightedChoice(list(range(DAYS + 1)), [day_factor(d) for d in range(DAYS + 1)])


def sample_local(rng, tz, day=None, hourly=None, lo=0.0, hi=DUR):
    off = tz_offset(tz)
    for _ in range(200):
        d = day if day is not None else _DAYW.pick(rng)
        hw = hourly or (HOURLY_WEEKEND if d % 7 >= 5 else HOURLY)
        h = wpick(rng, list(zip(hw, range(24))))
        t = d * 86400 + h * 3600 + rng.random() * 3600 - off
        if lo <= t < hi:
            return t
    return lo + rng.random() * (hi - lo)


def shift_to_waking(rng, t, tz, strength=1.0):
    """Accept t with probability following the diurnal curve; else push by a few hours."""
    for _ in range(30):
        h = local_hour(t, tz)
        hw = HOURLY_WEEKEND if local_dow(t, tz) >= 5 else HOURLY
        if rng.random() < (hw[h] / HMAX) ** strength:
            return t
        t += rng.uniform(0.5, 3.0) * 3600
    return t


def iso_ts(t):
    d = T0 + dt.timedelta(seconds=t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


COUNTRY_WEIGHTS = {
    "US": 24, "IN": 9, "GB": 5, "DE": 4.5, "BR": 3.5, "CA": 3, "FR": 3, "JP": 2.6, "KR": 2.2, "ES": 2, "IT": 1.8, "NL": 1.8,
    "AU": 1.8, "PL": 1.4, "SE": 0.9, "CH": 0.8, "IE": 0.6, "IL": 1.0, "TR": 1.2, "MX": 1.5, "AR": 0.9, "CO": 0.8, "CL": 0.5,
    "ID": 1.8, "VN": 1.4, "PH": 1.2, "PK": 1.2, "BD": 0.8, "NG": 1.3, "KE": 0.6, "EG": 0.7, "ZA": 0.7, "SG": 1.0, "TW": 1.0,
    "MY": 0.6, "TH": 0.7, "AE": 0.6, "SA": 0.5, "UA": 1.0, "RO": 0.6, "CZ": 0.5, "PT": 0.6, "AT": 0.5, "BE": 0.5, "DK": 0.4,
    "FI": 0.4, "NO": 0.4, "NZ": 0.3, "GR": 0.4, "HU": 0.3, "PE": 0.4, "GE": 0.25, "AM": 0.2, "KZ": 0.3, "RS": 0.3, "CY": 0.15,
    "MD": 0.05,
}
V6_COUNTRY_PREF = 0.85   # share of sessions on a dual-stack line that go out over IPv6


class Ctx:
    """Where and how a person connects: a network sampler and a client device."""
    __slots__ = ("net", "dev", "v6", "form", "name", "referer", "api")

    def __init__(self, net, dev, name="", form="html", referer=None, api=False):
        self.net, self.dev, self.name, self.form, self.referer, self.api = net, dev, name, form, referer, api


class Persona:
    __slots__ = ("uid", "iso", "city", "tz", "langs", "first", "last", "email", "username", "account", "label", "campaign",
                 "ctxs", "autofill", "t_signup", "pw_reuse", "mobile_first", "extra")

    def __init__(self, uid, iso, city, tz, langs, first, last, label, campaign):
        self.uid, self.iso, self.city, self.tz, self.langs = uid, iso, city, tz, langs
        self.first, self.last = first, last
        self.label, self.campaign = label, campaign
        self.email = self.username = self.account = None
        self.ctxs = []
        self.autofill = False
        self.t_signup = None
        self.pw_reuse = False
        self.mobile_first = False
        self.extra = {}


class Sim:
    def __init__(self, seed):
        self.seed = seed
        self.world = World(seed)
        self.ids = Identities(seed)
        self.ua = UAPool()
        self.events = []
        self.accounts = []          # signed-up personas
        self._uid = 0
        self.cities_w = {iso: WeightedChoice([c for c in CITIES[iso] if not (c["dc"] and c["w"] < 1)],
                                             [c["w"] for c in CITIES[iso] if not (c["dc"] and c["w"] < 1)]) for iso in CITIES}
        sup = [(w, iso) for iso, w in COUNTRY_WEIGHTS.items()]
        self.country_pick = WeightedChoice([i for _, i in sup], [w for w, _ in sup])
        self.isp_pick = {iso: WeightedChoice([a for _, a in l], [w for w, _ in l]) for iso, l in self.world.isps.items() if l}
        self.mob_pick = {iso: WeightedChoice([a for _, a in l], [w for w, _ in l]) for iso, l in self.world.mobiles.items() if l}

    # ------------------------------------------------------------------ people
    def new_uid(self, prefix="p"):
        self._uid += 1
        return "%s%d" % (prefix, self._uid)

    def pick_country(self, rng):
        return self.country_pick.pick(rng)

    def pick_city(self, rng, iso):
        return self.cities_w[iso].pick(rng)

    def pick_langs(self, rng, iso):
        return list(wpick(rng, LANGS.get(iso, [(1, ["en-US", "en"])])))

    def persona(self, rng, label, campaign, iso=None, city=None, langs=None, name_iso=None):
        iso = iso or self.pick_country(rng)
        city = city or self.pick_city(rng, iso)
        p = Persona(self.new_uid(), iso, city, city["tz"], langs or self.pick_langs(rng, iso), None, None, label, campaign)
        p.first, p.last = self.ids.name(rng, name_iso or iso)
        p.autofill = rng.random() < 0.11
        p.pw_reuse = rng.random() < 0.12
        return p

    def new_account_id(self):
        return "acct_" + hhex(20, self.seed, "acct", len(self.accounts), self._uid)

    # ------------------------------------------------------------- networks
    def net_home(self, p, rng=None, asn=None, city=None):
        w = self.world
        asn = asn or self.isp_pick[p.iso].pick(rng)
        city = city or p.city
        uid = p.uid
        dual = bool(asn.v6) and asn.attrs.get("v6")

        def f(t, r):
            if dual and r.random() < V6_COUNTRY_PREF:
                return w.ip6_household(asn, city, uid, t, r)
            if asn.attrs.get("cgnat"):
                return w.ip_cgnat(asn, city, r, use="fixed")
            return w.ip_household(asn, city, uid, t)
        f.asn = asn
        return f

    def net_mobile(self, p, rng, asn=None, city=None):
        w = self.world
        asn = asn or self.mob_pick[p.iso].pick(rng)
        city = city or p.city
        v6 = bool(asn.v6) and asn.attrs.get("mv6")
        v6share = 0.9 if v6 else 0.0

        def f(t, r):
            c = city if r.random() < 0.6 else None
            if r.random() < v6share:
                return w.ip6_mobile(asn, c or city, r)
            return w.ip_cgnat(asn, c, r, use="mobile")
        f.asn = asn
        return f

    def net_static(self, asn, city, keys, use, v6_rate=0.0):
        """A fixed set of egress addresses (corporate NAT, venue wifi, VPN server)."""
        w = self.world
        ips = [w.ip_static(asn, city, k, use=use) for k in keys]
        v6ips = [w.ip6_host(asn, city, k) for k in keys] if (v6_rate and asn.v6) else []

        def f(t, r):
            if v6ips and r.random() < v6_rate:
                return r.choice(v6ips)
            return r.choice(ips)
        f.asn = asn
        f.ips = ips
        return f

    def vpn_exit(self, rng, iso_pref=None, brand=None):
        """Pick a consumer VPN brand and a server location; returns (asn, city, use)."""
        w = self.world
        brand = brand or wpick(rng, [(18, "nordish"), (14, "xpress"), (12, "shark"), (14, "photon"), (7, "mullbrook"), (8, "surfvault"),
                                     (5, "lumenfort"), (4, "hidemytrail"), (6, "freevpn")])
        infra = {"nordish": ["packetcove", "datapark"], "xpress": ["m247", "datapark"], "shark": ["datapark", "m247"],
                 "freevpn": ["vultrix", "ovaris", "kontabyte", "ironside"]}.get(brand)
        if infra:
            asns = [(w.hosting[k], "dc") for k in infra]
        else:
            asns = [(w.vpn[brand], "vpn")]
        cands = []
        for a, use in asns:
            for b in a.blocks:
                if b.use == use and b.city is not None and (iso_pref is None or b.country == iso_pref):
                    cands.append((a, b.city, use))
        if not cands:
            for a, use in asns:
                for b in a.blocks:
                    if b.use == use and b.city is not None and b.country in ("US", "GB", "DE", "NL"):
                        cands.append((a, b.city, use))
        return rng.choice(cands) + (brand,)

    def net_vpn(self, rng, iso_pref=None, brand=None, sticky=True):
        w = self.world
        a, city, use, brand = self.vpn_exit(rng, iso_pref, brand)
        nsrv = 12 if brand != "freevpn" else 4

        def f(t, r):
            if not sticky and r.random() < 0.5:
                a2, c2, u2, _ = self.vpn_exit(r, iso_pref, brand)
                return w.ip_static(a2, c2, (brand, c2["name"], r.randrange(nsrv)), use=u2)
            return w.ip_static(a, city, (brand, city["name"], r.randrange(nsrv)), use=use)
        f.asn = a
        f.city = city
        return f

    def net_cloud(self, asn, city, key, v6_rate=0.15):
        w = self.world

        def f(t, r):
            if asn.v6 and r.random() < v6_rate:
                return w.ip6_host(asn, city, key)
            return w.ip_static(asn, city, key, use="dc")
        f.asn = asn
        return f

    # -------------------------------------------------------------- devices
    def desktop(self, rng, p, **kw):
        cls = kw.pop("cls", None) or pick_desktop_cls(rng, p.iso)
        brave = cls.endswith("chrome") and rng.random() < 0.035
        blocked = kw.pop("blocked", None)
        if blocked is None:
            blocked = rng.random() < (0.06 if not brave else 0.3)
        return browser_device(rng, self.ua, cls, kw.pop("tz", p.tz), kw.pop("langs", p.langs), blocked=blocked, brave=brave,
                              farble=(cls.endswith("firefox") and rng.random() < 0.04), iso=p.iso, **kw)

    def phone(self, rng, p, **kw):
        cls = kw.pop("cls", None) or pick_mobile_cls(rng, p.iso)
        blocked = kw.pop("blocked", None)
        if blocked is None:
            blocked = rng.random() < 0.03
        return browser_device(rng, self.ua, cls, kw.pop("tz", p.tz), kw.pop("langs", p.langs), blocked=blocked, iso=p.iso, **kw)

    # ------------------------------------------------------------ emission
    def emit(self, kind, t, p, ctx, rng, success=None, form=None, email=None, username=None, account=None,
             no_account=False, honeypot="", fill=None, label=None, campaign=None, drop_headers=False):
        if not (0 <= t < DUR):
            return None
        if kind == "login" and not no_account and (account or (p.account if p is not None else None)) is None:
            return None
        ip = ctx.net(t, rng)
        dev = ctx.dev
        ev = {"event_id": None, "kind": kind, "occurred_at": None, "ip": ip}
        if not no_account:
            ev["account"] = account or p.account
        if kind == "signup":
            ev["email"] = email or p.email
            ev["username"] = username or p.username
        else:
            if email is not None:
                ev["email"] = email
            elif username is not None:
                ev["username"] = username
            ev["success"] = bool(success)
        if not drop_headers:
            h = dev.headers(kind, rng, ctx.referer)
            if h:
                ev["headers"] = h
        d = dev.device_obj(session_key=(p.uid if p else "x", int(t // 3600)))
        if d is not None and ctx.form != "api":
            ev["device"] = d
        if ctx.form == "html":
            if fill is None:
                if p is not None and p.autofill and (rng.random() < 0.85):
                    fill = fill_autofill(rng, kind)
                else:
                    fill = fill_human(rng, dev.mobile, kind)
            ev["form"] = {"fill_ms": int(fill), "honeypot": honeypot}
        elif ctx.form == "html_nofill":
            ev["form"] = {"honeypot": honeypot}
        elif isinstance(ctx.form, dict):
            ev["form"] = dict(ctx.form)
        ev["label"] = label or p.label
        ev["campaign"] = campaign or p.campaign
        self.events.append((t, ev))
        return ev

    def signup(self, p, ctx, t, rng, **kw):
        p.account = self.new_account_id()
        p.t_signup = t
        ev = self.emit("signup", t, p, ctx, rng, **kw)
        if ev is not None:
            self.accounts.append(p)
        else:
            p.account = None
        return ev

    def login(self, p, ctx, t, rng, success=True, typed=None, **kw):
        """A login by the account owner (or whoever holds the credentials)."""
        r = rng.random()
        if typed is None:
            if r < 0.82:
                e = p.email
                if rng.random() < 0.04:
                    e = e[0].upper() + e[1:]
                kw.setdefault("email", e)
            else:
                kw.setdefault("username", p.username)
        return self.emit("login", t, p, ctx, rng, success=success, **kw)

    def legit_logins(self, p, rng, ctxs=None, p_none=0.38, mean_extra=1.3, first_fast=0.25):
        """Return visits of a legitimate user after signup."""
        ctxs = ctxs or p.ctxs
        if rng.random() < p_none:
            return
        n = 1
        while rng.random() < mean_extra / (1 + mean_extra) and n < 12:
            n += 1
        t = p.t_signup
        for i in range(n):
            if i == 0:
                r = rng.random()
                if r < first_fast:
                    t = t + rng.uniform(90, 1800)
                elif r < 0.6:
                    t = shift_to_waking(rng, t + rng.uniform(1, 48) * 3600, p.tz)
                else:
                    t = shift_to_waking(rng, t + rng.uniform(2, 10) * 86400, p.tz)
            else:
                t = shift_to_waking(rng, t + rng.expovariate(1 / (1.8 * 86400)) + 600, p.tz)
            if t >= DUR:
                break
            ctx = wpick(rng, ctxs) if isinstance(ctxs[0], tuple) else rng.choice(ctxs)
            r = rng.random()
            if r < 0.075:
                self.login(p, ctx, t, rng, success=False)
                t += rng.uniform(6, 60)
            elif r < 0.095:
                for _ in range(rng.randint(2, 3)):
                    self.login(p, ctx, t, rng, success=False)
                    t += rng.uniform(6, 45)
                if rng.random() < 0.4:   # gives up, resets password later
                    t += rng.uniform(600, 7200)
            self.login(p, ctx, t, rng, success=True)
