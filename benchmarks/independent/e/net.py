"""An invented internet: ASNs, address allocation, geolocation and the two
MaxMind-format databases describing it."""
import ipaddress
import zlib

from data import CONTINENTS, COUNTRIES

# First octets handed out by each registry (reserved /16s are filtered below).
V4_POOLS = {
    "ARIN": [23, 24, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108,
             162, 173, 174, 184, 199, 204, 205, 206, 207, 208, 209, 216],
    "RIPE": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
             109, 141, 145, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "APNIC": [1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117,
              118, 119, 120, 121, 122, 123, 124, 125, 153, 163, 171, 175, 180, 182, 183, 202, 210, 211, 218, 219,
              220, 221, 222, 223],
    "LACNIC": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
    "AFRINIC": [41, 102, 105, 154, 196, 197],
}
V6_BASE = {"ARIN": 0x2600, "RIPE": 0x2a00, "APNIC": 0x2400, "LACNIC": 0x2800, "AFRINIC": 0x2c00}
ASN_RANGES = {
    "ARIN": [(11000, 23000), (393300, 401000)], "RIPE": [(196700, 213000), (41000, 51000)],
    "APNIC": [(131100, 141000), (17500, 18400), (45000, 46000)], "LACNIC": [(262200, 273000), (27700, 28600)],
    "AFRINIC": [(327700, 329600), (36900, 37800)],
}
RESERVED16 = {(0, None), (10, None), (127, None), (169, 254), (192, 168), (198, 18), (198, 19), (198, 51),
              (203, 0), (192, 0), (100, 64)}
# continent -> which registry a European or Asian company would use
BUILD_EPOCH = 1780185600   # 2026-05-31T00:00:00Z, the day before the traffic window
RIR_OF_COUNTRY = {cc: c["rir"] for cc, c in COUNTRIES.items()}


def stable_id(*parts, lo=1000000, hi=9000000):
    return lo + zlib.crc32("|".join(map(str, parts)).encode()) % (hi - lo)


class Block:
    """One network with a single City record."""
    __slots__ = ("net", "asn", "cc", "city", "accuracy", "reg_cc", "v6", "first", "size")

    def __init__(self, net, asn, cc, city, accuracy, reg_cc):
        self.net = net
        self.asn = asn
        self.cc = cc
        self.city = city          # city tuple or None (country-level record)
        self.accuracy = accuracy
        self.reg_cc = reg_cc
        self.v6 = net.version == 6
        self.first = int(net.network_address)
        self.size = net.num_addresses


class ASN:
    def __init__(self, number, org, kind, cc):
        self.number = number
        self.org = org
        self.kind = kind   # isp, mobile, telco (isp+mobile), cloud, hosting, vpn, cdn, edu, corp, swg, satellite,
        self.cc = cc       # inflight, ipx, tor, ispproxy
        self.blocks = []
        self.by_city = {}   # (cc, city name or None, v6, role) -> [Block]

    def add(self, block, role):
        self.blocks.append(block)
        key = (block.cc, block.city[0] if block.city else None, block.v6, role)
        self.by_city.setdefault(key, []).append(block)

    def __repr__(self):
        return f"AS{self.number} {self.org}"


class Internet:
    def __init__(self, rng):
        self.rng = rng
        self.asns = []
        self.used_asn = set()
        self.free16 = {}
        for rir, octs in V4_POOLS.items():
            lst = []
            for a in octs:
                if (a, None) in RESERVED16:
                    continue
                for b in range(256):
                    if (a, b) in RESERVED16 or (a == 172 and 16 <= b < 32):
                        continue
                    lst.append((a, b))
            rng.shuffle(lst)
            self.free16[rir] = lst
        self.sub_cursor = {}   # rir -> [base int, offset]
        self.used32 = set()
        self.city_index = {}
        for cc, c in COUNTRIES.items():
            for ci in c["cities"]:
                self.city_index[(cc, ci[0])] = ci

    # ---------------------------------------------------------------- allocation
    def new_asn(self, org, kind, cc, rir=None):
        rir = rir or RIR_OF_COUNTRY[cc]
        while True:
            lo, hi = self.rng.choice(ASN_RANGES[rir])
            n = self.rng.randrange(lo, hi)
            if n not in self.used_asn:
                break
        self.used_asn.add(n)
        a = ASN(n, org, kind, cc)
        a.rir = rir
        self.asns.append(a)
        return a

    def alloc16(self, rir):
        a, b = self.free16[rir].pop()
        return ipaddress.ip_network(f"{a}.{b}.0.0/16")

    def alloc_small(self, rir, plen):
        """An aligned IPv4 block smaller than /16."""
        size = 1 << (32 - plen)
        cur = self.sub_cursor.get(rir)
        if cur is None or cur[1] + size > 65536 or self.rng.random() < 0.02:
            net = self.alloc16(rir)
            cur = [int(net.network_address), 0]
            self.sub_cursor[rir] = cur
        off = (cur[1] + size - 1) // size * size
        if off + size > 65536:
            net = self.alloc16(rir)
            cur[0], off = int(net.network_address), 0
        cur[1] = off + size
        # leave random gaps so neighbouring blocks do not look sequential
        cur[1] += size * self.rng.choice((0, 0, 1, 2, 5))
        return ipaddress.ip_network((cur[0] + off, plen))

    def alloc32(self, rir):
        base = V6_BASE[rir]
        while True:
            hi = base + self.rng.randrange(0, 16) if rir != "AFRINIC" else 0x2c0f
            lo = self.rng.randrange(0x0000, 0x10000) if rir != "AFRINIC" else 0xf000 + self.rng.randrange(0, 0x1000)
            key = (hi, lo)
            if key not in self.used32 and not (hi == 0x2001):
                self.used32.add(key)
                return ipaddress.ip_network(f"{hi:x}:{lo:x}::/32")

    # ---------------------------------------------------------------- records
    def weighted_city(self, cc, rng=None):
        rng = rng or self.rng
        cities = COUNTRIES[cc]["cities"]
        return rng.choices(cities, weights=[c[6] for c in cities])[0]

    def add_country_space(self, asn, cc, n16, v6=True, role="home", mobile=False):
        """Give an access network n16 /16s in a country split into /18 city blocks
        (mobile: often only country-level geolocation), plus an IPv6 /32 split into /36s."""
        rir = RIR_OF_COUNTRY[cc]
        cities = COUNTRIES[cc]["cities"]
        for _ in range(n16):
            net = self.alloc16(rir)
            for sub in net.subnets(new_prefix=18):
                if mobile and self.rng.random() < 0.5:
                    asn.add(Block(sub, asn, cc, None, 1000, cc), role)
                else:
                    city = self.weighted_city(cc)
                    acc = self.rng.choice((5, 10, 20, 20, 50, 100)) if not mobile else self.rng.choice((100, 200, 500))
                    asn.add(Block(sub, asn, cc, city, acc, cc), role)
        if v6:
            net = self.alloc32(rir)
            subs = list(net.subnets(new_prefix=36))
            for i, sub in enumerate(subs):
                # make sure the big cities have v6 space, the rest is weighted
                city = cities[i] if i < len(cities) and cities[i][6] >= 1 else self.weighted_city(cc)
                if mobile and self.rng.random() < 0.4:
                    asn.add(Block(sub, asn, cc, None, 1000, cc), role)
                else:
                    asn.add(Block(sub, asn, cc, city, self.rng.choice((20, 50, 100, 200)), cc), role)

    def add_site(self, asn, cc, city_name, plen=24, v6=False, reg_cc=None, role="site", accuracy=None, rir=None):
        """A single located block (datacenter, campus, office, PoP)."""
        rir = rir or asn.rir
        city = self.city_index[(cc, city_name)] if city_name else None
        net = self.alloc16(rir) if plen == 16 else self.alloc_small(rir, plen)
        acc = accuracy or self.rng.choice((5, 10, 20, 50))
        b = Block(net, asn, cc, city, acc, reg_cc or asn.cc)
        asn.add(b, role)
        out = [b]
        if v6:
            if not hasattr(asn, "v6root"):
                asn.v6root = self.alloc32(rir)
                asn.v6next = 0
            sub = list(asn.v6root.subnets(new_prefix=44))[asn.v6next] if asn.v6next < 4096 else None
            asn.v6next += 1 + self.rng.randrange(3)
            b6 = Block(sub, asn, cc, city, acc, reg_cc or asn.cc)
            asn.add(b6, role)
            out.append(b6)
        return out

    # ---------------------------------------------------------------- sampling
    def blocks(self, asn, cc=None, city=None, v6=False, role=None):
        out = []
        for (bcc, bcity, bv6, brole), bl in asn.by_city.items():
            if bv6 != v6 or (cc and bcc != cc) or (role and brole != role):
                continue
            if city and bcity != city:
                continue
            out.extend(bl)
        return out

    def pick_block(self, rng, asn, cc=None, city=None, v6=False, role=None):
        bl = self.blocks(asn, cc, city, v6, role)
        if not bl and city:
            bl = self.blocks(asn, cc, None, v6, role)   # geolocated elsewhere in the country
        if not bl:
            return None
        return rng.choice(bl)

    @staticmethod
    def host_in(rng, block, lo=1, pool=None):
        """A host address inside a block; pool limits to the first `pool` hosts of a
        random-but-fixed sub-range (used for NAT/CGNAT gateways)."""
        if block.v6:
            # random /64 with a privacy-extension style interface id
            n64 = block.size >> 64
            prefix = block.first + (rng.randrange(n64) << 64)
            return str(ipaddress.IPv6Address(prefix + rng.getrandbits(64)))
        n = block.size
        if pool:
            return str(ipaddress.IPv4Address(block.first + 1 + rng.randrange(min(pool, n - 2))))
        while True:
            off = rng.randrange(lo, n - 1)
            if (block.first + off) & 0xff not in (0, 255):
                return str(ipaddress.IPv4Address(block.first + off))

    @staticmethod
    def v6_in_prefix(rng, prefix_int, plen):
        """An address inside a given IPv6 prefix (subscriber /56 or /64)."""
        host_bits = 128 - plen
        if plen <= 64:
            sub = rng.randrange(1 << (64 - plen)) << 64 if plen < 64 else 0
            return str(ipaddress.IPv6Address(prefix_int + sub + rng.getrandbits(64)))
        return str(ipaddress.IPv6Address(prefix_int + rng.getrandbits(host_bits)))

    @staticmethod
    def subscriber_prefix(rng, block, plen):
        n = 1 << (plen - block.net.prefixlen)
        return block.first + (rng.randrange(n) << (128 - plen))

    # ---------------------------------------------------------------- databases
    def _country_rec(self, cc):
        c = COUNTRIES[cc]
        rec = {"geoname_id": stable_id("country", cc), "iso_code": cc, "names": {"en": c["name"]}}
        if c["eu"]:
            rec["is_in_european_union"] = True
        return rec

    def _city_record(self, b):
        c = COUNTRIES[b.cc]
        cont_id, cont_name = CONTINENTS[c["cont"]]
        rec = {"continent": {"code": c["cont"], "geoname_id": cont_id, "names": {"en": cont_name}},
               "country": self._country_rec(b.cc),
               "registered_country": self._country_rec(b.reg_cc)}
        if b.city:
            name, sub_iso, sub_name, lat, lon, tz, _ = b.city
            rec["city"] = {"geoname_id": stable_id("city", b.cc, name), "names": {"en": name}}
            rec["subdivisions"] = [{"geoname_id": stable_id("sub", b.cc, sub_iso), "iso_code": sub_iso,
                                    "names": {"en": sub_name}}]
            # jitter the point a little per block like real geolocation does
            j = (zlib.crc32(str(b.net).encode()) % 1000) / 1000.0
            rec["location"] = {"accuracy_radius": b.accuracy, "latitude": round(lat + (j - 0.5) * 0.08, 4),
                               "longitude": round(lon + (0.5 - j) * 0.08, 4), "time_zone": tz}
        else:
            cities = c["cities"]
            tw = sum(x[6] for x in cities)
            lat = sum(x[3] * x[6] for x in cities) / tw
            lon = sum(x[4] * x[6] for x in cities) / tw
            tzs = {x[5] for x in cities}
            loc = {"accuracy_radius": b.accuracy, "latitude": round(lat, 1), "longitude": round(lon, 1)}
            if len(tzs) == 1:
                loc["time_zone"] = next(iter(tzs))
            rec["location"] = loc
        return rec

    def write_dbs(self, asn_path, city_path):
        from mmdb_writer import MMDBWriter
        from netaddr import IPSet
        wa = MMDBWriter(ip_version=6, database_type="GeoLite2-ASN", languages=["en"],
                        description={"en": "Synthetic GeoLite2 ASN database (gen_e invented internet)"},
                        ipv4_compatible=True)
        wc = MMDBWriter(ip_version=6, database_type="GeoLite2-City", languages=["en"],
                        description={"en": "Synthetic GeoLite2 City database (gen_e invented internet)"},
                        ipv4_compatible=True)
        for a in self.asns:
            for b in a.blocks:
                cidrs = [str(b.net)]
                if not b.v6:
                    # also answer for the IPv4-mapped form (::ffff:a.b.c.d), as MaxMind's files do
                    cidrs.append(f"::ffff:{b.net.network_address}/{96 + b.net.prefixlen}")
                nets = IPSet(cidrs)
                wa.insert_network(nets, {"autonomous_system_number": a.number,
                                         "autonomous_system_organization": a.org})
                wc.insert_network(nets, self._city_record(b))
        # fixed build_epoch so the files are byte-identical across runs
        import mmdb_writer

        class _FixedClock:
            @staticmethod
            def time():
                return BUILD_EPOCH

        real = mmdb_writer.time
        mmdb_writer.time = _FixedClock
        try:
            wa.to_db_file(asn_path)
            wc.to_db_file(city_path)
        finally:
            mmdb_writer.time = real
