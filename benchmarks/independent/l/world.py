"""Builds the invented internet from asns.py + geo.py: address plan, lookups,
address generation, and the two .mmdb files.

Address plan
  * every IPv4 block gets its own /16 (drawn per RIR region from first octets
    that are public, unreserved and unused by MaxMind's test data);
  * IPv6 blocks are /32s (ISPs, hosters, relays) or smaller, again per region;
  * blocks are cut into sub-blocks (IPv4 /20 fixed access, /22 mobile, /24 for
    hosting, VPN, relays, campuses, offices; IPv6 /40 for ISPs and /48 for the
    rest); each sub-block carries one City record (city or country level).
"""
import ipaddress

import mmdb_writer
from netaddr import IPSet

import asns
import geo
from util import rng_for, wchoice

RIR = {
    "ripe": [5, 37, 46, 62, 86, 88, 90, 92, 94, 95, 109, 141, 151, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "apnic": [14, 42, 43, 58, 61, 101, 103, 106, 110, 113, 114, 115, 116, 118, 119, 121, 122, 123, 124, 125, 139, 150, 153, 163, 171, 182, 218, 221, 223],
    "arin": [3, 4, 6, 7, 8, 9, 11, 13, 17, 19, 20, 21, 22, 25, 26, 28, 29, 30, 32, 33, 34, 40, 45, 47, 52, 54, 56, 63, 68, 99, 107, 108, 128, 129, 130, 131, 134, 135, 136, 137, 138, 140, 143, 144, 146, 147, 148, 152, 155, 156, 158, 159, 160, 161, 162, 164, 165, 166, 167, 168, 170, 173, 184, 199, 204, 205, 206, 207, 209],
    "afrinic": [41, 102, 105, 154, 196, 197],
    "lacnic": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
}
RIR6 = {
    "ripe": [0x2a03, 0x2a05, 0x2a06, 0x2a07, 0x2a09, 0x2a0a, 0x2a0b, 0x2a0c, 0x2a0d, 0x2a0e, 0x2a0f, 0x2a10],
    "apnic": [0x2407],
    "arin": [0x2605, 0x2606, 0x2607, 0x2609, 0x2610, 0x2620],
    "afrinic": [0x2c01, 0x2c02, 0x2c03, 0x2c09, 0x2c0a],
    "lacnic": [0x2803, 0x2805, 0x2809],
}
REGION = {}
for _cc in ["DE", "FR", "GB", "NL", "PL", "ES", "IT", "SE", "UA", "RO", "PT", "CZ", "GR", "TR", "IL", "AE", "SA",
            "RU", "BY", "IR", "SY", "GE", "AM", "KZ", "CY", "CH", "FI", "IE", "LT", "MD", "BG", "AT", "BE", "DK",
            "NO", "RS", "LU"]:
    REGION[_cc] = "ripe"
for _cc in ["IN", "PK", "BD", "SG", "HK", "JP", "VN", "ID", "PH", "CN", "AU", "KP", "TW"]:
    REGION[_cc] = "apnic"
for _cc in ["EG", "NG", "KE", "ZA", "SC"]:
    REGION[_cc] = "afrinic"
for _cc in ["US", "CA", "PA", "VG"]:
    REGION[_cc] = "arin"
for _cc in ["BR", "MX", "CU"]:
    REGION[_cc] = "lacnic"


class Sub:
    __slots__ = ("net", "version", "base", "plen", "asn", "kind", "cc", "city", "record", "_pools", "coarse")

    def __init__(self, net, asn, kind, cc, city, record):
        self.net = net
        self.version = net.version
        self.base = int(net.network_address)
        self.plen = net.prefixlen
        self.asn = asn
        self.kind = kind
        self.cc = cc
        self.city = city
        self.record = record
        self._pools = {}

    @property
    def size(self):
        return 1 << ((32 if self.version == 4 else 128) - self.plen)

    def v4(self, offset):
        return str(ipaddress.IPv4Address(self.base + offset))

    def v6(self, value):
        return str(ipaddress.IPv6Address(self.base + value))

    def pool(self, k, tag=""):
        """k stable egress addresses inside this sub-block (NAT, servers)."""
        key = (k, tag)
        if key not in self._pools:
            r = rng_for("pool", str(self.net), k, tag)
            if self.version == 4:
                n = self.size
                offs = []
                while len(offs) < k:
                    o = r.randrange(1, n - 1)
                    if (self.base + o) & 0xFF in (0, 255) or o in offs:
                        continue
                    offs.append(o)
                self._pools[key] = [self.v4(o) for o in offs]
            else:
                n64 = 1 << (64 - self.plen)
                self._pools[key] = [self.v6((r.randrange(n64) << 64) | r.choice([1, 2, 0x10, r.getrandbits(16), r.getrandbits(64)]))
                                    for _ in range(k)]
        return self._pools[key]

    # --- address generators -------------------------------------------------
    def rand_v4(self, rng):
        while True:
            o = rng.randrange(1, self.size - 1)
            if (self.base + o) & 0xFF not in (0, 255):
                return self.v4(o)

    def rand_64(self, rng):
        """index of a random /64 inside this (IPv6) sub-block"""
        return rng.randrange(1 << (64 - self.plen))

    def addr_in_64(self, idx64, iid):
        return self.v6((idx64 << 64) | iid)

    def rand_v6(self, rng):
        return self.addr_in_64(self.rand_64(rng), privacy_iid(rng))


def privacy_iid(rng):
    """RFC 8981 temporary interface identifier (random 64 bits, u/l bit clear)."""
    return rng.getrandbits(64) & ~(0x02 << 56)


class World:
    def __init__(self):
        self.org = {}
        self.kind_of = {}
        self.blocks = []          # (network, asn)
        self.subs = []
        self.idx = {}             # (asn, kind, version) -> [Sub]
        self.idx_city = {}        # (asn, kind, version, city key or cc) -> [Sub]
        self.market = {}          # (cc, kind) -> [(asn, weight)]
        self.v6share = {}         # (asn, kind) -> share
        self.edu = {}             # asn -> [(uni, city, domain, style)]
        self.corp = {}            # asn -> (cc, city, domain, weight)
        self.hosts = {}           # asn -> (reg cc, [city keys])
        self.vpns = {}
        self.swgs = {}
        self._used16 = set()
        self._used32 = set()
        self._build()

    # --- allocation ---------------------------------------------------------
    def _alloc16(self, region, tag):
        r = rng_for("alloc16", tag)
        octs = RIR[region]
        while True:
            a = r.choice(octs)
            b = r.randrange(256)
            if (a, b) not in self._used16:
                self._used16.add((a, b))
                return ipaddress.ip_network("%d.%d.0.0/16" % (a, b))

    def _alloc32(self, region, tag):
        r = rng_for("alloc32", tag)
        firsts = RIR6[region]
        while True:
            a = r.choice(firsts)
            b = r.randrange(0x100, 0xffff)
            if (a, b) not in self._used32:
                self._used32.add((a, b))
                return ipaddress.ip_network("%x:%x::/32" % (a, b))

    def _add_block(self, net, asn, org):
        self.blocks.append((net, asn))
        self.org[asn] = org

    def _add_sub(self, net, asn, kind, cc, city, accuracy, reg_cc, postal=True, jitter=8.0):
        r = rng_for("rec", str(net))
        coarse = city is None
        if coarse:
            # MaxMind-style coarse record: the main city of the country, wide radius, no postal code
            city = max(geo.CITIES[cc], key=lambda c: c.weight)
            accuracy = max(accuracy if accuracy < 1000 else 0, r.choice([500, 500, 1000]))
            postal = False
            jitter = 40.0
        rec = geo.city_record(cc, city, r, accuracy, registered_cc=reg_cc, jitter_km=jitter, postal=postal)
        s = Sub(net, asn, kind, cc, city, rec)
        s.coarse = coarse
        self.subs.append(s)
        self.idx.setdefault((asn, kind, net.version), []).append(s)
        key = city.key if city else cc
        self.idx_city.setdefault((asn, kind, net.version, key), []).append(s)
        self.idx_city.setdefault((asn, kind, net.version, "cc:" + cc), []).append(s)
        return s

    @staticmethod
    def _split(net, newlen, count, tag):
        """count distinct sub-networks of length newlen, in random (stable) positions"""
        total = 1 << (newlen - net.prefixlen)
        r = rng_for("split", str(net), tag)
        picks = r.sample(range(total), min(count, total))
        step = 1 << ((32 if net.version == 4 else 128) - newlen)
        base = int(net.network_address)
        mk = ipaddress.IPv4Network if net.version == 4 else ipaddress.IPv6Network
        return [mk((base + p * step, newlen)) for p in picks]

    @staticmethod
    def _sub_of(net, plen, tag):
        """a random aligned sub-network of length plen inside net"""
        return World._split(net, plen, 1, tag)[0]

    def _city_plan(self, cc, n, tag, country_level_share=0.0):
        """assign n sub-blocks to cities of cc by weight (each city at least once when n allows)"""
        cities = geo.CITIES[cc]
        r = rng_for("cityplan", cc, tag)
        plan = []
        for c in sorted(cities, key=lambda c: -c.weight):
            if len(plan) < n:
                plan.append(c)
        while len(plan) < n:
            plan.append(wchoice(r, [(c, c.weight) for c in cities]))
        out = []
        for c in plan:
            out.append(None if r.random() < country_level_share else c)
        if country_level_share > 0 and None not in out and n > 2:
            out[-1] = None
        return out

    def _build(self):
        for (asn, org, cc, fixed, mobile, v6f, v6m, biz) in asns.ISP:
            reg = REGION[cc]
            self.kind_of[asn] = "isp"
            for kind, w, v6 in (("fixed", fixed, v6f), ("mobile", mobile, v6m), ("biz", biz, v6f * 0.5)):
                if w <= 0:
                    continue
                self.market.setdefault((cc, kind), []).append((asn, w))
                self.v6share[(asn, kind)] = v6
                nblocks = 2 if (kind == "fixed" and w >= 30) else 1
                for bi in range(nblocks):
                    b16 = self._alloc16(reg, "%d/%s/%d" % (asn, kind, bi))
                    if kind == "fixed":
                        self._add_block(b16, asn, org)
                        nets = self._split(b16, 20, 16, "f")
                        cities = self._city_plan(cc, len(nets), "%d%s%d" % (asn, kind, bi), 0.06)
                        for net, c in zip(nets, cities):
                            acc = rng_for("acc", str(net)).choice([5, 10, 20, 20, 50, 100]) if c else 1000
                            self._add_sub(net, asn, kind, cc, c, acc, cc)
                    elif kind == "mobile":
                        blk = self._sub_of(b16, 17, "m")
                        self._add_block(blk, asn, org)
                        nets = self._split(blk, 22, 24, "m")
                        cities = self._city_plan(cc, len(nets), "%d%s" % (asn, kind), 0.25)
                        for net, c in zip(nets, cities):
                            acc = rng_for("acc", str(net)).choice([100, 200, 200, 500, 500]) if c else 1000
                            self._add_sub(net, asn, kind, cc, c, acc, cc, postal=False, jitter=20)
                    else:
                        blk = self._sub_of(b16, 18, "b")
                        self._add_block(blk, asn, org)
                        nets = self._split(blk, 24, 40, "b")
                        cities = self._city_plan(cc, len(nets), "%d%s" % (asn, kind), 0.0)
                        for net, c in zip(nets, cities):
                            self._add_sub(net, asn, kind, cc, c, rng_for("acc", str(net)).choice([5, 10, 20]), cc)
                    if v6 > 0 and bi == 0:
                        b32 = self._alloc32(reg, "%d/%s" % (asn, kind))
                        self._add_block(b32, asn, org)
                        plen = 40 if kind != "biz" else 48
                        nets = self._split(b32, plen, 20 if kind != "biz" else 24, "6" + kind)
                        cities = self._city_plan(cc, len(nets), "%d%s6" % (asn, kind), 0.15 if kind == "mobile" else 0.05)
                        for net, c in zip(nets, cities):
                            acc = (200 if kind == "mobile" else 50) if c else 1000
                            self._add_sub(net, asn, kind, cc, c, acc, cc, postal=(kind != "mobile"), jitter=15)

        for (asn, org, reg_cc, dcs, has6) in asns.HOST:
            self.kind_of[asn] = "host"
            self.hosts[asn] = (reg_cc, dcs)
            reg = REGION.get(reg_cc, "arin")
            b16 = self._alloc16(reg, "host%d" % asn)
            self._add_block(b16, asn, org)
            nets = self._split(b16, 24, 6 * len(dcs), "h")
            for i, net in enumerate(nets):
                c = geo.CITY_BY_KEY[dcs[i % len(dcs)]]
                acc = rng_for("acc", str(net)).choice([5, 10, 20, 50, 100, 1000])
                self._add_sub(net, asn, "host", c.cc, c if acc < 1000 else None, acc, reg_cc, jitter=3)
            if has6:
                b32 = self._alloc32(reg, "host%d" % asn)
                self._add_block(b32, asn, org)
                nets = self._split(b32, 48, 2 * len(dcs), "h6")
                for i, net in enumerate(nets):
                    c = geo.CITY_BY_KEY[dcs[i % len(dcs)]]
                    self._add_sub(net, asn, "host", c.cc, c, 20, reg_cc, jitter=3)

        for (asn, org, reg_cc, exits) in asns.VPN:
            self.kind_of[asn] = "vpn"
            self.vpns[asn] = (reg_cc, exits)
            b16 = self._alloc16(REGION.get(reg_cc, "ripe") if reg_cc not in ("PA", "VG") else "ripe", "vpn%d" % asn)
            blk = self._sub_of(b16, 18, "v")
            self._add_block(blk, asn, org)
            nets = self._split(blk, 24, 3 * len(exits), "v")
            for i, net in enumerate(nets):
                c = geo.CITY_BY_KEY[exits[i % len(exits)]]
                self._add_sub(net, asn, "vpn", c.cc, c, rng_for("acc", str(net)).choice([20, 50, 100, 200]), reg_cc, postal=False, jitter=5)
            if asn in (39351, 209103):   # Mullvad and Proton hand out IPv6 exits
                b32 = self._alloc32("ripe", "vpn%d" % asn)
                blk6 = self._sub_of(b32, 40, "v6")
                self._add_block(blk6, asn, org)
                nets = self._split(blk6, 48, len(exits), "v6")
                for i, net in enumerate(nets):
                    c = geo.CITY_BY_KEY[exits[i % len(exits)]]
                    self._add_sub(net, asn, "vpn", c.cc, c, 100, reg_cc, postal=False, jitter=5)

        for (asn, org, reg_cc) in asns.RELAY:
            self.kind_of[asn] = "relay"
            b16 = self._alloc16("arin", "relay%d" % asn)
            self._add_block(b16, asn, org)
            b32 = self._alloc32("arin", "relay%d" % asn)
            self._add_block(b32, asn, org)
            allc = [c for cc in geo.PORTAL for c in geo.CITIES[cc]]
            nets4 = self._split(b16, 24, len(allc), "r4")
            nets6 = self._split(b32, 48, len(allc), "r6")
            for c, n4, n6 in zip(allc, nets4, nets6):
                # MaxMind places relay egress at the user's approximate region
                self._add_sub(n4, asn, "relay", c.cc, c, 50, "US", postal=False, jitter=12)
                self._add_sub(n6, asn, "relay", c.cc, c, 50, "US", postal=False, jitter=12)

        for (asn, org, reg_cc, pops) in asns.SWG:
            self.kind_of[asn] = "swg"
            self.swgs[asn] = (reg_cc, pops)
            b16 = self._alloc16("arin" if reg_cc == "US" else "ripe", "swg%d" % asn)
            blk = self._sub_of(b16, 18, "s")
            self._add_block(blk, asn, org)
            nets = self._split(blk, 24, 2 * len(pops), "s")
            for i, net in enumerate(nets):
                c = geo.CITY_BY_KEY[pops[i % len(pops)]]
                self._add_sub(net, asn, "swg", c.cc, c, 20, reg_cc, jitter=3)

        for (asn, org, cc, unis) in asns.EDU:
            self.kind_of[asn] = "edu"
            self.edu[asn] = unis
            b16 = self._alloc16(REGION[cc], "edu%d" % asn)
            self._add_block(b16, asn, org)
            nets = self._split(b16, 20, len(unis), "e")
            for u, net in zip(unis, nets):
                c = geo.CITY_BY_KEY[u[1]]
                self._add_sub(net, asn, "edu:" + u[2], c.cc, c, 10, cc, jitter=2)
            if cc not in ("EG", "NG", "KE", "PK", "BD"):
                b32 = self._alloc32(REGION[cc], "edu%d" % asn)
                self._add_block(b32, asn, org)
                nets = self._split(b32, 48, len(unis), "e6")
                for u, net in zip(unis, nets):
                    c = geo.CITY_BY_KEY[u[1]]
                    self._add_sub(net, asn, "edu:" + u[2], c.cc, c, 10, cc, jitter=2)

        for (asn, org, cc, ckey, domain, w) in asns.CORP:
            self.kind_of[asn] = "corp"
            self.corp[asn] = (cc, ckey, domain, w)
            b16 = self._alloc16(REGION[cc], "corp%d" % asn)
            blk = self._sub_of(b16, 22, "c")
            self._add_block(blk, asn, org)
            c = geo.CITY_BY_KEY[ckey]
            for net in self._split(blk, 24, 2, "c"):
                self._add_sub(net, asn, "corp", cc, c, 5, cc, jitter=2)

        for group, kind in ((asns.TOR, "tor"), (asns.SAT, "sat"), (asns.AIR, "air"), (asns.VENUE, "venue")):
            for (asn, org, reg_cc, cities) in group:
                self.kind_of[asn] = kind
                b16 = self._alloc16(REGION.get(reg_cc, "arin"), "%s%d" % (kind, asn))
                blk = self._sub_of(b16, 16 if kind == "sat" else 20, kind)
                self._add_block(blk, asn, org)
                nets = self._split(blk, 24, (4 if kind == "sat" else 2) * len(cities), kind)
                for i, net in enumerate(nets):
                    c = geo.CITY_BY_KEY[cities[i % len(cities)]]
                    acc = {"tor": 20, "sat": 500, "air": 1000, "venue": 5}[kind]
                    self._add_sub(net, asn, kind, c.cc, c if kind != "air" else None, acc, reg_cc, postal=kind in ("venue", "tor"), jitter=3)
                if kind in ("sat", "venue", "tor"):
                    b32 = self._alloc32(REGION.get(reg_cc, "arin"), "%s%d" % (kind, asn))
                    blk6 = self._sub_of(b32, 36 if kind == "sat" else 44, kind)
                    self._add_block(blk6, asn, org)
                    nets = self._split(blk6, 40 if kind == "sat" else 48, 2 * len(cities), kind + "6")
                    for i, net in enumerate(nets):
                        c = geo.CITY_BY_KEY[cities[i % len(cities)]]
                        self._add_sub(net, asn, kind, c.cc, c, 200 if kind == "sat" else 10, reg_cc, postal=False, jitter=3)

    # --- lookups --------------------------------------------------------------
    def pick_isp(self, rng, cc, kind):
        return wchoice(rng, self.market[(cc, kind)])

    def has_market(self, cc, kind):
        return (cc, kind) in self.market

    def sub(self, rng, asn, kind, version, city=None, cc=None):
        """a sub-block of asn/kind/version, preferring city, then cc, then anything"""
        if city is not None:
            lst = self.idx_city.get((asn, kind, version, city.key))
            if lst:
                return rng.choice(lst)
            cc = cc or city.cc
        if cc is not None:
            lst = self.idx_city.get((asn, kind, version, "cc:" + cc))
            if lst:
                cl = [s for s in lst if s.coarse]
                if cl and city is not None:
                    return rng.choice(cl)
                return rng.choice(lst)
        lst = self.idx.get((asn, kind, version))
        return rng.choice(lst) if lst else None

    def has(self, asn, kind, version):
        return (asn, kind, version) in self.idx

    # --- output ---------------------------------------------------------------
    def write_mmdb(self, asn_path, city_path, build_epoch):
        class _Clock:
            @staticmethod
            def time():
                return float(build_epoch)
        mmdb_writer.time = _Clock   # fixed build epoch -> byte-identical files
        wa = mmdb_writer.MMDBWriter(ip_version=6, database_type="GeoLite2-ASN", languages=["en"],
                                    description={"en": "Forge synthetic GeoLite2 ASN database"},
                                    ipv4_compatible=True, int_type="u32")
        for net, asn in sorted(self.blocks, key=lambda b: (b[0].version, int(b[0].network_address))):
            wa.insert_network(IPSet([str(net)]), {"autonomous_system_number": asn,
                                                  "autonomous_system_organization": self.org[asn]})
        wa.to_db_file(asn_path)
        wc = mmdb_writer.MMDBWriter(ip_version=6, database_type="GeoLite2-City", languages=["de", "en", "es", "fr"],
                                    description={l: "Forge synthetic GeoLite2 City database" for l in ("de", "en", "es", "fr")},
                                    ipv4_compatible=True, int_type="u32")
        for s in sorted(self.subs, key=lambda s: (s.version, s.base)):
            wc.insert_network(IPSet([str(s.net)]), s.record)
        wc.to_db_file(city_path)


_WORLD = None


def get_world():
    global _WORLD
    if _WORLD is None:
        _WORLD = World()
    return _WORLD
