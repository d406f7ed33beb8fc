"""The invented internet: address plan, address sampling, and the two MaxMind
databases (GeoLite2-ASN and GeoLite2-City record shapes) covering it."""
import hashlib
import ipaddress
import random

from geo_data import ACCESS, CITIES, CONTINENT_IDS, CONTINENT_NAMES, COUNTRIES, NETWORKS

# first octets per registry (all public unicast, none reserved)
RIR_V4 = {
    "arin": [23, 24, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 135, 136, 142, 162, 184, 199, 204, 205, 206, 207, 208, 209],
    "ripe": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "apnic": [1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 175, 180, 182, 183, 202, 203, 210, 211, 218, 219, 220, 221, 222, 223],
    "lacnic": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
    "afrinic": [41, 102, 105, 154, 196, 197],
}
RIR_V6 = {"arin": 0x2600, "ripe": 0x2a00, "apnic": 0x2400, "lacnic": 0x2800, "afrinic": 0x2c00}


def sub6(net, prefix, k):
    base = int(net.network_address) + (k << (128 - prefix))
    return ipaddress.ip_network(f"{ipaddress.IPv6Address(base)}/{prefix}")


def stable_int(*parts, mod=2 ** 32):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(h[:8], "big") % mod


class Block:
    """One geolocated sub-block of an AS: an IPv4 /20 (or whole /16 for DC) and optionally an IPv6 /40."""
    __slots__ = ("asn", "country", "city", "net4", "net6", "country_only")

    def __init__(self, asn, country, city, net4, net6, country_only=False):
        self.asn, self.country, self.city = asn, country, city
        self.net4, self.net6, self.country_only = net4, net6, country_only


class AS:
    def __init__(self, asn, org, kind, rir, weight=0.0, v6=0.0, home=None):
        self.asn, self.org, self.kind, self.rir = asn, org, kind, rir
        self.weight, self.v6 = weight, v6
        self.home = home            # country for access networks
        self.blocks = []            # list of Block
        self.by_country = {}        # country -> [Block]


class Internet:
    def __init__(self, seed=7):
        rng = random.Random(f"internet-{seed}")
        self.rng = rng
        self.ases = {}
        self.access = {c: [] for c in COUNTRIES}
        self.nets = {}  # kind -> [AS]
        cursors = {}
        for rir, octets in RIR_V4.items():
            slots = [(o, b) for o in octets for b in range(256)]
            rng.shuffle(slots)
            cursors[rir] = slots
        v6cursor = {r: 0 for r in RIR_V6}

        def take_v4(rir):
            o, b = cursors[rir].pop()
            return ipaddress.ip_network(f"{o}.{b}.0.0/16")

        def take_v6(rir):
            v6cursor[rir] += 1
            hi = RIR_V6[rir] + (v6cursor[rir] % 16)
            lo = 0x100 + (v6cursor[rir] * 2654435761) % 0xfe00
            return ipaddress.ip_network(f"{hi:x}:{lo:x}::/32")

        def city_list(cc):
            return CITIES[cc]

        for cc in sorted(ACCESS):
            rir = COUNTRIES[cc][4]
            for asn, org, kind, w, v6 in ACCESS[cc]:
                if kind is None or asn in self.ases:
                    continue
                a = AS(asn, org, kind, rir, w, v6, home=cc)
                self.ases[asn] = a
                self.access[cc].append(a)
                nblocks = 2 if (kind in ("res", "mob") and w >= 4) else 1
                v6net = take_v6(rir) if v6 > 0 else None
                cities = [c for c in city_list(cc) if c[6] > 0] or city_list(cc)
                k = 0
                for _ in range(nblocks):
                    net = take_v4(rir)
                    for i, sub in enumerate(net.subnets(new_prefix=20)):
                        if kind == "edu":
                            city = cities[stable_int(asn, "edu") % len(cities)]
                        else:
                            city = cities[i % len(cities)] if i < len(cities) else \
                                rng.choices(cities, [c[6] for c in cities])[0]
                        co = kind == "mob" and rng.random() < 0.2
                        b = Block(asn, cc, city, sub, sub6(v6net, 40, k) if v6net else None, co)
                        k += 1
                        a.blocks.append(b)
                        a.by_country.setdefault(cc, []).append(b)
        for asn, org, kind, countries, rir in NETWORKS:
            if kind is None or asn in self.ases:
                continue
            a = AS(asn, org, kind, rir)
            self.ases[asn] = a
            self.nets.setdefault(kind, []).append(a)
            v6net = take_v6(rir) if kind in ("hosting", "relay", "vpn", "sat") else None
            for j, cc in enumerate(countries):
                net = take_v4(rir)
                cities = CITIES[cc]
                if kind in ("hosting", "vpn", "tor", "swg"):
                    # data-centre cities: the biggest one, or a known DC town
                    dc = [c for c in cities if c[0] in ("Ashburn", "Frankfurt am Main", "Falkenstein", "Roubaix", "Amsterdam", "London",
                                                        "Singapore", "Tokyo", "Mumbai", "Sao Paulo", "Sydney", "Toronto", "Jakarta")]
                    dcc = dc or sorted(cities, key=lambda c: -c[6])[:1]
                    for i, sub in enumerate(net.subnets(new_prefix=20)):
                        city = dcc[i % len(dcc)]
                        b = Block(asn, cc, city, sub, sub6(v6net, 44, j * 16 + i) if v6net else None)
                        a.blocks.append(b)
                        a.by_country.setdefault(cc, []).append(b)
                else:  # relay / satellite: geolocated near users
                    for i, sub in enumerate(net.subnets(new_prefix=20)):
                        city = cities[i % len(cities)]
                        b = Block(asn, cc, city, sub, sub6(v6net, 44, j * 16 + i) if v6net else None,
                                  country_only=(kind == "sat" and i % 3 == 0))
                        a.blocks.append(b)
                        a.by_country.setdefault(cc, []).append(b)

    # ---------- sampling -------------------------------------------------
    def access_as(self, rng, cc, kinds):
        cands = [a for a in self.access[cc] if a.kind in kinds]
        if not cands:
            cands = [a for a in self.access[cc] if a.kind in ("res", "mob")]
        return rng.choices(cands, [a.weight for a in cands])[0]

    def net(self, rng, kind, cc=None, asn=None):
        cands = self.nets[kind]
        if asn is not None:
            cands = [self.ases[asn]]
        if cc is not None:
            c2 = [a for a in cands if cc in a.by_country]
            cands = c2 or cands
        return rng.choice(cands)

    def block(self, rng, a, cc=None, city=None):
        bl = a.by_country.get(cc) if cc else None
        if not bl:
            bl = a.blocks
        if city is not None:
            c2 = [b for b in bl if b.city[0] == city]
            bl = c2 or bl
        return rng.choice(bl)

    def addr(self, rng, a, block, v6=None, cgnat=None):
        """One client address inside block. Mobile carriers use small CGNAT pools."""
        use6 = (rng.random() < a.v6) if v6 is None else (v6 and block.net6 is not None)
        if use6 and block.net6 is not None:
            base = int(block.net6.network_address)
            sub = rng.randrange(1 << (64 - block.net6.prefixlen))   # a /64 inside the block
            iid = rng.getrandbits(64)
            return str(ipaddress.IPv6Address(base + (sub << 64) + iid))
        base = int(block.net4.network_address)
        if cgnat is None:
            cgnat = a.kind in ("mob", "sat")
        if cgnat:
            off = 1 + rng.randrange(192)          # a few hundred public CGNAT addresses
        else:
            off = 1 + rng.randrange(block.net4.num_addresses - 2)
        return str(ipaddress.IPv4Address(base + off))

    def v6_same_prefix(self, rng, ip):
        """Privacy extension: new interface id in the same /64."""
        a = ipaddress.IPv6Address(ip)
        return str(ipaddress.IPv6Address((int(a) >> 64 << 64) + rng.getrandbits(64)))

    # ---------- databases ------------------------------------------------
    def write_mmdb(self, asn_path, city_path):
        from mmdb_writer import MMDBWriter as _W, MmdbU16, MmdbU32
        from netaddr import IPSet

        class MMDBWriter(_W):
            """fixed build_epoch (2025-05-19T00:00Z) so that output is byte-identical for a seed"""
            def _build_meta(self):
                m = super()._build_meta()
                m["build_epoch"] = 1747612800
                return m
        wa = MMDBWriter(ip_version=6, database_type="GeoLite2-ASN", languages=["en"],
                        description={"en": "GeoLite2 ASN database (synthetic Palette benchmark internet)"},
                        ipv4_compatible=True)
        wc = MMDBWriter(ip_version=6, database_type="GeoLite2-City", languages=["en"],
                        description={"en": "GeoLite2 City database (synthetic Palette benchmark internet)"},
                        ipv4_compatible=True)

        def names(n):
            return {"en": n}

        def country_rec(cc):
            name, cont, eu, gid = COUNTRIES[cc][:4]
            r = {"geoname_id": MmdbU32(gid), "iso_code": cc, "names": names(name)}
            if eu:
                r["is_in_european_union"] = True
            return r

        for asn in sorted(self.ases):
            a = self.ases[asn]
            rec = {"autonomous_system_number": MmdbU32(a.asn), "autonomous_system_organization": a.org}
            nets4 = sorted({str(b.net4.supernet(new_prefix=16)) for b in a.blocks})
            nets6 = sorted({str(b.net6) for b in a.blocks if b.net6 is not None})
            wa.insert_network(IPSet(nets4 + nets6), rec)
            for b in a.blocks:
                cc = b.country
                name, cont, eu, gid = COUNTRIES[cc][:4]
                cname, sub_iso, sub_name, lat, lon, tz, _w, postal, metro = b.city
                reg_cc = cc
                if a.kind in ("hosting", "vpn", "relay", "sat", "swg", "tor") and a.home is None:
                    reg_cc = {"arin": "US", "ripe": "NL", "apnic": "SG"}.get(a.rir, cc)
                    if a.asn in (24940, 51167, 60729):
                        reg_cc = "DE"
                    elif a.asn in (16276, 12876):
                        reg_cc = "FR"
                    elif a.asn in (9009, 60068, 62240, 51852):
                        reg_cc = "GB"
                    elif a.asn in (147049, 136787):
                        reg_cc = "US"
                    elif a.asn in (209103,):
                        reg_cc = "NL"
                rec = {
                    "continent": {"code": cont, "geoname_id": MmdbU32(CONTINENT_IDS[cont]), "names": names(CONTINENT_NAMES[cont])},
                    "country": country_rec(cc),
                    "registered_country": country_rec(reg_cc),
                }
                if b.country_only:
                    lat0, lon0 = CITIES[cc][0][3], CITIES[cc][0][4]
                    rec["location"] = {"accuracy_radius": MmdbU16(1000), "latitude": round(lat0 + 0.7, 4),
                                       "longitude": round(lon0 - 0.6, 4), "time_zone": CITIES[cc][0][5]}
                else:
                    acc = {"res": 20, "mob": 200, "edu": 10, "biz": 20, "hosting": 1000, "vpn": 500,
                           "relay": 100, "sat": 500, "swg": 500, "tor": 1000}[a.kind]
                    jit = (stable_int(str(b.net4)) % 2000 - 1000) / 10000.0
                    loc = {"accuracy_radius": MmdbU16(acc), "latitude": round(lat + jit, 4),
                           "longitude": round(lon - jit, 4), "time_zone": tz}
                    if metro:
                        loc["metro_code"] = MmdbU16(metro)
                    rec["location"] = loc
                    rec["city"] = {"geoname_id": MmdbU32(1000000 + stable_int(cc, cname, mod=9000000)), "names": names(cname)}
                    rec["subdivisions"] = [{"geoname_id": MmdbU32(1000000 + stable_int(cc, sub_iso, mod=9000000)),
                                            "iso_code": sub_iso, "names": names(sub_name)}]
                    if postal:
                        rec["postal"] = {"code": postal}
                nets = [str(b.net4)] + ([str(b.net6)] if b.net6 is not None else [])
                wc.insert_network(IPSet(nets), rec)
        wa.to_db_file(asn_path)
        wc.to_db_file(city_path)
