"""Address-space model: splits every network into geolocated blocks, hands out
addresses (static home lines, CGNAT gateways, rotating IPv6 /64s, VPN servers)
and writes GeoLite2-shaped ASN and City databases for exactly that space."""
import hashlib
import ipaddress
import random

import netaddr
from mmdb_writer import MMDBWriter

import geodata as G

CGNAT_RES_CC = {"IN", "ID", "PH", "VN", "NG", "PK", "BD", "EG", "KE", "GH", "NP", "LK", "VE", "MA", "TH"}


def _h(*parts):
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


class Block:
    __slots__ = ("id", "net", "cidr", "city", "cc", "geo", "acc", "in_city_db", "in_asn_db", "version", "_cgnat")

    def __init__(self, bid, net, cidr, city, cc, geo, acc, in_city_db, in_asn_db):
        self.id = bid
        self.net = net
        self.cidr = cidr
        self.city = city
        self.cc = cc
        self.geo = geo            # "city" or "country"
        self.acc = acc
        self.in_city_db = in_city_db
        self.in_asn_db = in_asn_db
        self.version = cidr.version
        self._cgnat = None


class NetModel:
    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(_h("netmodel", seed))
        self.blocks = []
        self.by_net = {}
        self.pools_missing_asn = set()
        self._servers = {}
        self._build()

    # ------------------------------------------------------------------ build
    def _cities_for(self, net):
        c = net["cities"]
        if isinstance(c, str):
            keys = G.CITIES_BY_CC[c]
        else:
            keys = list(c)
        return keys

    def _build(self):
        rng = self.rng
        for net in G.NETS:
            keys = self._cities_for(net)
            multi = net["kind"] in ("host", "vpn", "relay", "sase", "tor", "corp", "edu", "biz", "sat") or not isinstance(net["cities"], str)
            self.by_net[net["key"]] = {4: [], 6: []}
            for ver, pools in ((4, net["v4"]), (6, net["v6"])):
                if not pools:
                    continue
                pools = [netaddr.IPNetwork(p) for p in pools]
                if multi:
                    need = max(1, -(-len(keys) // len(pools)))
                    k = 1
                    while (1 << k) < need * 2:
                        k += 1
                else:
                    k = 5 if net["kind"] in ("res", "isp") else 3
                maxlen = 24 if ver == 4 else 48
                blist = []
                for pi, pool in enumerate(pools):
                    miss_asn = rng.random() < net["asn_missing"]
                    if miss_asn:
                        self.pools_missing_asn.add(str(pool))
                    kk = min(k, maxlen - pool.prefixlen)
                    for sub in pool.subnet(pool.prefixlen + kk):
                        blist.append((sub, not miss_asn))
                # assign cities
                weights = [G.CITIES[c]["weight"] for c in keys]
                order = list(keys)
                for bi, (sub, in_asn) in enumerate(blist):
                    if multi:
                        city = order[bi % len(order)]
                    else:
                        city = order[bi] if bi < len(order) else rng.choices(keys, weights)[0]
                    cc = G.CITIES[city]["cc"]
                    geo = "city"
                    kind = net["kind"]
                    if net["geo"] == "coarse":
                        r = rng.random()
                        geo = "country" if r < 0.35 else "city"
                        acc = rng.choice([200, 500, 500, 1000]) if geo == "city" else 1000
                    elif kind in ("host", "vpn", "sase", "tor"):
                        acc = rng.choice([20, 50, 100, 200, 500, 1000])
                    elif kind == "relay":
                        acc = rng.choice([100, 200, 500])
                    elif kind == "sat":
                        acc = 1000
                    else:
                        acc = rng.choice([5, 10, 20, 20, 50, 100])
                    if ver == 6 and kind in ("res", "isp", "mob") and rng.random() < 0.15:
                        geo = "country"
                        acc = 1000 if kind == "mob" else 100
                    if geo == "city" and rng.random() < 0.04:
                        geo = "country"
                    miss = net["city_missing"]
                    if miss is None:
                        miss = 0.02 if ver == 4 else 0.08
                    in_city = rng.random() >= miss
                    b = Block(len(self.blocks), net, sub, city, cc, geo, acc, in_city, in_asn)
                    self.blocks.append(b)
                    blist[bi] = b
                self.by_net[net["key"]][ver] = blist

    # --------------------------------------------------------------- lookups
    def nets(self, cc=None, kinds=None):
        out = []
        for n in G.NETS:
            if cc is not None and n["cc"] != cc:
                continue
            if kinds is not None and n["kind"] not in kinds:
                continue
            out.append(n["key"])
        return out

    def has_v6(self, net_key):
        return bool(self.by_net[net_key][6])

    def block(self, rng, net_key, city=None, cc=None, ver=4):
        bl = self.by_net[net_key][ver]
        if not bl:
            bl = self.by_net[net_key][4 if ver == 6 else 6]
        if city is not None:
            m = [b for b in bl if b.city == city]
            if m:
                return rng.choice(m)
            cc = G.CITIES[city]["cc"]
        if cc is not None:
            m = [b for b in bl if b.cc == cc]
            if m:
                return rng.choice(m)
        return rng.choice(bl)

    def cities_of(self, net_key):
        return sorted({b.city for v in (4, 6) for b in self.by_net[net_key][v]})

    # ------------------------------------------------------------- addresses
    @staticmethod
    def _v4_at(block, off):
        size = block.cidr.size
        a = block.cidr.first + (off % size)
        last = a & 0xFF
        if last in (0, 255):
            a += 7 if last == 0 else -9
        return str(netaddr.IPAddress(a))

    def v4_host(self, rng, block):
        return self._v4_at(block, rng.randrange(block.cidr.size))

    def cgnat(self, rng, block, pool=64):
        """Public address of a carrier-grade NAT: many subscribers share a few."""
        if block._cgnat is None or len(block._cgnat) < pool:
            r = random.Random(_h("cgnat", self.seed, block.id, pool))
            base = r.randrange(block.cidr.size)
            span = min(block.cidr.size, 2048)
            block._cgnat = [self._v4_at(block, base + r.randrange(span)) for _ in range(pool)]
        return rng.choice(block._cgnat)

    def v6_prefix(self, rng, block, plen=64):
        if block.version != 6:
            raise ValueError
        host_bits = 128 - block.cidr.prefixlen
        sub_bits = plen - block.cidr.prefixlen
        n = rng.getrandbits(sub_bits) if sub_bits > 0 else 0
        return block.cidr.first + (n << (128 - plen))

    @staticmethod
    def v6_addr(prefix64, iid):
        return str(ipaddress.IPv6Address(prefix64 | (iid & ((1 << 64) - 1))))

    def v6_random(self, rng, block):
        p = self.v6_prefix(rng, block, 64)
        return self.v6_addr(p, rng.getrandbits(64))

    def servers(self, net_key, city, n=6, ver=4, salt=""):
        """Stable set of server addresses of a provider in a city.  Shared exits
        (VPN, SASE) use no salt; a rented VPS is private to its tenant (salt)."""
        key = (net_key, city, ver, salt, n)
        if key not in self._servers:
            r = random.Random(_h("srv", self.seed, net_key, city, ver, salt))
            b = self.block(r, net_key, city=city, ver=ver)
            if b.version == 4:
                self._servers[key] = [self.v4_host(r, b) for _ in range(n)]
            else:
                self._servers[key] = [self.v6_random(r, b) for _ in range(n)]
        return self._servers[key]

    # -------------------------------------------------------------- databases
    @staticmethod
    def _names(en):
        return {"en": en}

    def _country_rec(self, cc):
        name, gid, cont, eu, *_ = G.COUNTRIES[cc]
        d = {"geoname_id": gid, "iso_code": cc, "names": self._names(name)}
        if eu:
            d["is_in_european_union"] = True
        return d

    def city_record(self, b):
        c = G.CITIES[b.city]
        cc = c["cc"]
        name, gid, cont, eu, clat, clon, single_tz = G.COUNTRIES[cc]
        cgid, cname = G.CONTINENTS[cont]
        reg = b.net["reg"] if b.net["kind"] in ("host", "vpn", "relay", "sase", "tor", "sat", "corp") else cc
        if reg not in G.COUNTRIES:
            reg = cc
        rec = {
            "continent": {"code": cont, "geoname_id": cgid, "names": self._names(cname)},
            "country": self._country_rec(cc),
            "registered_country": self._country_rec(reg),
        }
        if b.geo == "city":
            jit = (_h("jit", b.id) % 1000) / 1000.0 - 0.5
            rec["city"] = {"geoname_id": c["geoname_id"], "names": self._names(c["name"])}
            rec["location"] = {"accuracy_radius": b.acc, "latitude": round(c["lat"] + jit * 0.08, 4),
                               "longitude": round(c["lon"] - jit * 0.08, 4), "time_zone": c["tz"]}
            if c["sub"]:
                rec["subdivisions"] = [{"geoname_id": 6000000 + _h("sub", cc, c["sub"]) % 900000,
                                        "iso_code": c["sub"], "names": self._names(c["subname"])}]
            if c["postal"] and b.acc <= 50:
                rec["postal"] = {"code": c["postal"]}
        else:
            loc = {"accuracy_radius": 1000, "latitude": clat, "longitude": clon}
            if single_tz:
                loc["time_zone"] = single_tz
            rec["location"] = loc
        return rec

    def write(self, asn_path, city_path, build_epoch):
        class W(MMDBWriter):
            def _build_meta(self_inner):
                m = MMDBWriter._build_meta(self_inner)
                m["build_epoch"] = build_epoch
                return m

        aw = W(ip_version=6, database_type="GeoLite2-ASN", languages=["en"],
               description={"en": "GeoLite2 ASN database (synthetic test build)"}, ipv4_compatible=True)
        cw = W(ip_version=6, database_type="GeoLite2-City", languages=["en"],
               description={"en": "GeoLite2 City database (synthetic test build)"}, ipv4_compatible=True)
        for net in G.NETS:
            for p in net["v4"] + net["v6"]:
                if p in self.pools_missing_asn:
                    continue
                rec = {"autonomous_system_number": net["asn"], "autonomous_system_organization": net["org"]}
                aw.insert_network(netaddr.IPSet([p]), rec)
        for b in self.blocks:
            if b.in_city_db:
                cw.insert_network(netaddr.IPSet([b.cidr]), self.city_record(b))
        aw.to_db_file(asn_path)
        cw.to_db_file(city_path)
