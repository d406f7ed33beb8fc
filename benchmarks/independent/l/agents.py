"""People, their connections to the internet, and the events they cause."""
import geo
import people
from clients import browser_for
from timing import DAY, END_MS, H, MIN
from util import rng_for, short_hash, wchoice, clamp
from world import privacy_iid

SITE = "https://forge.example"

CC_DEFAULT = [("DE", 9), ("FR", 6), ("GB", 8), ("NL", 3.5), ("PL", 4), ("ES", 4), ("IT", 4), ("SE", 1.5),
              ("UA", 3), ("RO", 2), ("PT", 1.5), ("CZ", 1.5), ("GR", 1.2), ("TR", 4), ("IN", 14), ("PK", 4),
              ("BD", 2.5), ("AE", 2), ("SA", 2), ("EG", 3), ("NG", 4), ("KE", 2), ("ZA", 2), ("IL", 2.5),
              ("US", 10), ("CA", 3)]


# ------------------------------------------------------------------ access ---
class Access:
    kind = "?"
    asn = None

    def ip(self, rng, ms, dev=""):
        raise NotImplementedError


class HomeAccess(Access):
    """Residential broadband: one household, dynamic IPv4 lease, IPv6 /56 with
    per-device temporary addresses that rotate daily."""
    kind = "home"

    def __init__(self, world, rng, cc, city, asn=None, kind="fixed", v6_bias=1.0):
        self.asn = asn or world.pick_isp(rng, cc, kind)
        self.sub4 = world.sub(rng, self.asn, kind, 4, city, cc)
        self.sub6 = world.sub(rng, self.asn, kind, 6, city, cc) if world.has(self.asn, kind, 6) else None
        self.has6 = self.sub6 is not None and rng.random() < world.v6share.get((self.asn, kind), 0) * v6_bias
        self.hid = rng.getrandbits(48)
        self.lease_days = wchoice(rng, [(1, 15), (7, 20), (30, 30), (400, 35)])
        if self.has6:
            n56 = 1 << (56 - self.sub6.plen)
            self.p56 = rng.randrange(n56)

    def v4(self, ms):
        lease = ms // (self.lease_days * DAY)
        off = int(short_hash(self.hid, lease, n=8), 16) % (self.sub4.size - 2) + 1
        if (self.sub4.base + off) & 0xFF in (0, 255):
            off += 1
        return self.sub4.v4(off)

    def v6(self, ms, dev):
        day = ms // DAY
        iid = int(short_hash(self.hid, dev, day, n=16), 16) & ~(0x02 << 56)
        return self.sub6.v6((self.p56 << 72) | iid)

    def ip(self, rng, ms, dev=""):
        if self.has6 and rng.random() < 0.9:
            return self.v6(ms, dev)
        return self.v4(ms)


class MobileAccess(Access):
    """Mobile carrier: IPv4 through CGNAT (a small pool of public addresses per
    region shared by many subscribers), IPv6 /64 per data session."""
    kind = "mobile"

    def __init__(self, world, rng, cc, city, asn=None):
        self.asn = asn or world.pick_isp(rng, cc, "mobile")
        self.sub4 = world.sub(rng, self.asn, "mobile", 4, city, cc)
        self.sub6 = world.sub(rng, self.asn, "mobile", 6, city, cc) if world.has(self.asn, "mobile", 6) else None
        self.has6 = self.sub6 is not None and rng.random() < world.v6share.get((self.asn, "mobile"), 0)
        self.nat = self.sub4.pool(48, "cgnat")
        self.sess = None

    def ip(self, rng, ms, dev=""):
        if self.sess and abs(ms - self.sess[0]) < 20 * MIN:
            return self.sess[1]
        if self.has6 and rng.random() < 0.93:
            a = self.sub6.rand_v6(rng)
        else:
            i = min(int(rng.expovariate(1 / 9.0)), len(self.nat) - 1)     # some NAT addresses carry more users
            a = self.nat[i]
        self.sess = (ms, a)
        return a


class PoolAccess(Access):
    """A set of egress addresses: office NAT, campus NAT, VPN server, SWG PoP, venue."""

    def __init__(self, kind, asn, v4=None, v6=None, v6_share=0.0, sticky=True):
        self.kind = kind
        self.asn = asn
        self.v4s = v4 or []
        self.v6s = v6 or []          # list of (sub, idx64) : per device temporary addresses in that /64
        self.v6_share = v6_share
        self.sticky = sticky
        self.cur = None

    def ip(self, rng, ms, dev=""):
        if self.v6s and (not self.v4s or rng.random() < self.v6_share):
            sub, idx = self.v6s[int(short_hash(dev, n=6), 16) % len(self.v6s)] if dev else rng.choice(self.v6s)
            iid = int(short_hash(dev, ms // DAY, sub.base, n=16), 16) & ~(0x02 << 56) if dev else privacy_iid(rng)
            return sub.addr_in_64(idx, iid)
        if self.sticky and self.cur and abs(ms - self.cur[0]) < 2 * H:
            return self.cur[1]
        a = rng.choice(self.v4s)
        self.cur = (ms, a)
        return a


class VMAccess(Access):
    """A cloud VM: one IPv4, maybe a /64 (of which it uses ::1 or a fixed address)."""
    kind = "host"

    def __init__(self, world, rng, asn, city=None, v6_p=0.2):
        self.asn = asn
        self.sub4 = world.sub(rng, asn, "host", 4, city)
        self.a4 = self.sub4.rand_v4(rng)
        self.a6 = None
        if world.has(asn, "host", 6) and rng.random() < v6_p:
            s6 = world.sub(rng, asn, "host", 6, city)
            self.a6 = s6.addr_in_64(s6.rand_64(rng), rng.choice([1, 2, rng.getrandbits(64)]))
        self.city = self.sub4.city
        self.cc = self.sub4.cc

    def ip(self, rng, ms, dev=""):
        return self.a6 if self.a6 else self.a4


# ---------------------------------------------------------------- builders ---
def vpn_access(world, rng, provider=None, exit_cc=None):
    provider = provider or wchoice(rng, [(207137, 30), (136787, 5), (209103, 18), (39351, 12), (209854, 15),
                                         (396356, 6), (137409, 4), (9009, 6), (60068, 4)])
    kind = "vpn" if world.kind_of[provider] == "vpn" else "host"
    subs = world.idx.get((provider, kind, 4))
    if exit_cc:
        cand = [s for s in subs if s.cc == exit_cc]
        subs = cand or subs
    s = rng.choice(subs)
    v6 = []
    if world.has(provider, kind, 6) and rng.random() < 0.5:
        s6 = [x for x in world.idx[(provider, kind, 6)] if x.cc == s.cc] or world.idx[(provider, kind, 6)]
        x = rng.choice(s6)
        v6 = [(x, rng.randrange(1 << (64 - x.plen)))]
    acc = PoolAccess("vpn", provider, s.pool(12, "vpn"), v6, v6_share=0.5)
    acc.exit_cc = s.cc
    acc.exit_city = s.city
    return acc


def relay_access(world, rng, city):
    asn = wchoice(rng, [(36183, 55), (13335, 35), (54113, 10)])
    s4 = world.sub(rng, asn, "relay", 4, city)
    s6 = world.sub(rng, asn, "relay", 6, city)
    idxs = [(s6, rng.randrange(1 << (64 - s6.plen))) for _ in range(4)]
    return PoolAccess("relay", asn, s4.pool(40, "relay"), idxs, v6_share=0.6, sticky=False)


def warp_access(world, rng, city):
    s4 = world.sub(rng, 13335, "relay", 4, city)
    s6 = world.sub(rng, 13335, "relay", 6, city)
    return PoolAccess("relay", 13335, s4.pool(20, "warp"), [(s6, rng.randrange(1 << 16))], v6_share=0.5)


def swg_access(world, rng, user_city):
    """secure web gateway: the nearest PoP (often in another country)"""
    asn = wchoice(rng, [(53813, 60), (62044, 10), (55256, 18), (54538, 12)])
    subs = world.idx[(asn, "swg", 4)]
    best = sorted(subs, key=lambda s: (s.city.lat - user_city.lat) ** 2 + (s.city.lon - user_city.lon) ** 2)
    s = best[0] if rng.random() < 0.8 else rng.choice(best[:4])
    return PoolAccess("swg", asn, s.pool(16, "swg"), sticky=False)


def tor_access(world, rng):
    exits = []
    for asn in (208323, 396507, 200052, 60729, 210558, 23470):
        for s in world.idx[(asn, "tor", 4)]:
            exits.extend(s.pool(6, "exit"))
    return PoolAccess("tor", None, exits, sticky=False)


def edu_access(world, rng, asn, domain):
    subs4 = world.idx[(asn, "edu:" + domain, 4)]
    s4 = subs4[0]
    v6 = []
    if world.has(asn, "edu:" + domain, 6):
        s6 = world.idx[(asn, "edu:" + domain, 6)][0]
        v6 = [(s6, i) for i in (3, 17, 40, 41, 112, 255, 256, 1024)]    # building / eduroam VLANs
    acc = PoolAccess("edu", asn, s4.pool(12, "nat"), v6, v6_share=0.55, sticky=False)
    acc.city = s4.city
    return acc


# ------------------------------------------------------------------ person ---
class Person:
    def __init__(self, ctx, rng, cc, city=None, src=None, age=(19, 55)):
        self.cc = cc
        self.ident = people.make_identity(rng, cc, src, age)
        self.city = city or wchoice(rng, [(c, c.weight) for c in geo.CITIES[cc]])
        self.tz = self.city.tz
        self.langs = people.langs_for(rng, cc)
        self.pm = False
        self.email = None
        self.username = None
        self.account = None
        self.devices = {}
        self.nets = {}
        self.label = "legit"
        self.campaign = None
        self.pid = ctx.next_id()

    def device(self, ctx, rng, ms, name, device_class, **kw):
        c = browser_for(rng, ms, self.cc, self.langs, self.tz, device_class, **kw)
        c.cid = ctx.next_id()
        self.devices[name] = c
        return c


def human_fill(rng, mobile=False, pm=False, kind="signup", fast=1.0):
    """ms from render to submit for a person"""
    if kind == "signup":
        if pm:
            v = rng.lognormvariate(8.75, 0.45)          # ~6.3 s: autofill + generated password
            v = max(v, 1600)
        else:
            v = rng.lognormvariate(10.55 if mobile else 10.35, 0.5)   # ~38 s / ~31 s
            if rng.random() < 0.025:
                v = rng.uniform(3 * 60000, 3 * 3600000)             # tab left open
    else:
        if pm:
            v = max(rng.lognormvariate(7.7, 0.5), 700)              # ~2.2 s
        else:
            v = rng.lognormvariate(9.45 if mobile else 9.05, 0.45)   # ~13 s / ~8.5 s
            if rng.random() < 0.01:
                v = rng.uniform(120000, 1800000)
    return int(v * fast)


def referer_signup(rng, extra=None):
    opts = [("/signup", 30), ("/signup?utm_source=google&utm_medium=cpc&utm_campaign=free-gpu-credits", 12),
            ("/signup?utm_source=google&utm_medium=organic", 8), ("/signup?utm_source=newsletter&utm_medium=email", 3),
            ("/signup?utm_source=reddit&utm_medium=social", 4), ("/signup?utm_source=x&utm_medium=social", 4),
            ("/signup?utm_source=linkedin&utm_medium=social", 4), ("/signup?utm_source=youtube&utm_medium=video", 3),
            ("/signup?utm_source=github&utm_medium=readme", 5), ("/signup?next=/models", 5), ("/signup?next=/pricing", 4),
            ("/signup?ref=%s" % ref_code(rng), 6), (None, 3)]
    if extra:
        opts = opts + extra
    p = wchoice(rng, opts)
    return SITE + p if p else None


def ref_code(rng, seed=None):
    r = rng if seed is None else rng_for("ref", seed)
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))


def referer_login(rng):
    p = wchoice(rng, [("/login", 55), ("/login?next=/dashboard", 20), ("/login?next=/keys", 8),
                      ("/login?next=/billing", 4), ("/login?next=/playground", 8), (None, 5)])
    return SITE + p if p else None


def make_event(kind, ms, ip, client, label, campaign, account=None, email=None, username=None, success=None,
               form=None, referer=None, session=""):
    e = {"_ms": int(ms), "kind": kind, "ip": ip}
    if account:
        e["account"] = account
    if email:
        e["email"] = email
    if username:
        e["username"] = username
    if success is not None:
        e["success"] = success
    e["headers"] = client.headers(referer)
    dev = client.device(session)
    if dev is not None:
        e["device"] = dev
    if form is not None:
        e["form"] = form
    e["label"] = label
    e["campaign"] = campaign
    return e


def web_form(fill_ms, honeypot=""):
    return {"fill_ms": int(fill_ms), "honeypot": honeypot}


def session_key(client, ms):
    return "%s:%d" % (getattr(client, "cid", 0), ms // (6 * H))


def emit_signup(ctx, rng, ms, p, client, access, campaign=None, form=None, referer="auto", dev_tag=None,
                email=None, username=None, ip=None, label=None, double_submit_p=0.004):
    """sign-up of person p; returns list of events"""
    campaign = campaign or p.campaign
    label = label or p.label
    ip = ip or access.ip(rng, ms, dev_tag or str(getattr(client, "cid", "")))
    if referer == "auto":
        referer = referer_signup(rng) if client.kind == "web" else None
    if form is None and client.kind == "web":
        hp = ""
        if rng.random() < 0.003 and label == "legit":        # an autofill extension filled the hidden field
            hp = rng.choice([p.ident.last, p.city.name, "+%d" % rng.randrange(10 ** 9, 10 ** 10)])
        form = web_form(human_fill(rng, client.mobile, p.pm), hp)
    if p.account is None:
        p.account = ctx.new_account(rng)
    ev = make_event("signup", ms, ip, client, label, campaign, p.account, email or p.email, username or p.username,
                    form=form, referer=referer, session=session_key(client, ms))
    out = [ev]
    if label == "legit" and client.kind == "web" and rng.random() < double_submit_p:
        ev2 = dict(ev)
        ev2["_ms"] = ms + rng.randrange(250, 1600)
        del ev2["account"]       # the second click found the address already taken
        out.append(ev2)
    ctx.accounts.append(p)
    return out


def emit_login(ctx, rng, ms, p, client, access, campaign=None, label=None, ip=None, fail_p=None,
               by_email=None, dev_tag=None, retries=True):
    """one login session (maybe a failed attempt first) by the owner of the account"""
    campaign = campaign or p.campaign
    label = label or p.label
    if ms >= END_MS:
        return []
    ip = ip or access.ip(rng, ms, dev_tag or str(getattr(client, "cid", "")))
    if fail_p is None:
        fail_p = 0.015 if p.pm else 0.07
    by_email = (rng.random() < 0.7) if by_email is None else by_email
    out = []
    t = ms
    web = client.kind == "web"
    if retries and rng.random() < fail_p:
        form = web_form(human_fill(rng, client.mobile, p.pm, "login")) if web else None
        out.append(make_event("login", t, ip, client, label, campaign, p.account, p.email if by_email else None,
                              None if by_email else p.username, False, form, referer_login(rng) if web else None,
                              session_key(client, t)))
        t += rng.randrange(4000, 45000)
        if rng.random() < 0.15:     # gives up (or resets the password, which we do not see)
            return out
    form = web_form(human_fill(rng, client.mobile, p.pm, "login")) if web else None
    if not web and getattr(client, "interactive", False) and rng.random() < 0.5:
        form = {"fill_ms": int(rng.lognormvariate(8.9, 0.5))}
    if t < END_MS:
        out.append(make_event("login", t, ip, client, label, campaign, p.account, p.email if by_email else None,
                              None if by_email else p.username, True, form, referer_login(rng) if web else None,
                              session_key(client, t)))
    return out


class Ctx:
    """Shared state of one generation run."""

    def __init__(self, world):
        self.world = world
        self.reg = people.Registry()
        self.accounts = []       # Person-like objects that own an account
        self.returning = []      # pre-window accounts
        self._id = 0
        self._acct_rng = rng_for("accounts")
        self._acct_seen = set()

    def next_id(self):
        self._id += 1
        return self._id

    def new_account(self, rng=None):
        while True:
            a = "acct_" + "".join(self._acct_rng.choice("0123456789abcdefghjkmnpqrstvwxyz") for _ in range(14))
            if a not in self._acct_seen:
                self._acct_seen.add(a)
                return a
