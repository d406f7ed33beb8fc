"""The invented internet: address allocation and the two GeoLite2-shaped databases."""
import hashlib
import ipaddress
import zlib

from mmdb_writer import MMDBWriter
from netaddr import IPSet

from asplan import PLAN
from places import CITIES, CONTINENTS, COUNTRIES


def h64(*parts):
    """Stable 64-bit hash (independent of PYTHONHASHSEED)."""
    data = "\x1f".join(str(p) for p in parts).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class Chunk:
    __slots__ = ("net", "city", "asys")

    def __init__(self, net, city, asys):
        self.net, self.city, self.asys = net, city, asys


class Network:
    """Address plan with helpers to pick client addresses."""

    def __init__(self):
        self.by_asn = {}
        self.chunks = []
        for a in PLAN:
            a = dict(a)
            a["v4c"], a["v6c"] = {}, {}
            i = 0
            for version, key in ((4, "v4"), (6, "v6")):
                i = 0
                for cidr in a[key]:
                    net = ipaddress.ip_network(cidr)
                    limit = 24 if version == 4 else 48
                    k = max(0, min(5, limit - net.prefixlen))
                    for sub in net.subnets(prefixlen_diff=k):
                        city = a["cities"][i % len(a["cities"])]
                        i += 1
                        ch = Chunk(sub, city, a)
                        self.chunks.append(ch)
                        a["v%dc" % version].setdefault(city, []).append(ch)
            self.by_asn[a["asn"]] = a
        self._check_overlaps()

    def _check_overlaps(self):
        seen = IPSet()
        for a in self.by_asn.values():
            for cidr in a["v4"] + a["v6"]:
                s = IPSet([cidr])
                assert not (seen & s), "overlapping prefix %s (AS%d)" % (cidr, a["asn"])
                seen |= s

    # ---- queries -----------------------------------------------------------------
    def asys(self, asn):
        return self.by_asn[asn]

    def cities(self, asn):
        return self.by_asn[asn]["cities"]

    def country(self, city):
        return CITIES[city][2]

    def tz(self, city):
        return CITIES[city][7]

    def _chunk(self, asn, city, v6, key):
        a = self.by_asn[asn]
        table = a["v6c"] if v6 else a["v4c"]
        if city not in table:
            city = sorted(table)[key % len(table)] if table else None
            if city is None:
                raise KeyError("AS%d has no v%d space" % (asn, 6 if v6 else 4))
        lst = table[city]
        return lst[key % len(lst)]

    def has_v6(self, asn):
        return bool(self.by_asn[asn]["v6c"])

    def v4(self, asn, city, key, pool=None):
        """An IPv4 address; `key` picks it deterministically. `pool` limits the choice to
        that many /24s at the start of the city's first chunk (carrier-grade NAT)."""
        ch = self._chunk(asn, city, False, 0 if pool else key >> 20)
        size = ch.net.num_addresses
        if pool:
            size = min(size, pool * 256)
        off = key % size
        if off % 256 in (0, 255):
            off ^= 1
        return str(ch.net.network_address + off)

    def v6(self, asn, city, prefix_key, iid_key):
        """An IPv6 address: /64 from `prefix_key` (the line or handset), IID from `iid_key`."""
        ch = self._chunk(asn, city, True, prefix_key >> 24)
        free = 64 - ch.net.prefixlen
        p64 = (prefix_key % (1 << free)) << 64
        iid = iid_key & ((1 << 64) - 1) or 1
        return str(ipaddress.IPv6Address(int(ch.net.network_address) + p64 + iid))

    # ---- databases -----------------------------------------------------------------
    def write_databases(self, asn_path, city_path, build_epoch):
        asn_db = _Writer(build_epoch, "GeoLite2-ASN",
                         "GeoLite2 ASN database of the invented benchmark internet (f)")
        city_db = _Writer(build_epoch, "GeoLite2-City",
                          "GeoLite2 City database of the invented benchmark internet (f)")
        for a in self.by_asn.values():
            rec = {"autonomous_system_number": a["asn"],
                   "autonomous_system_organization": a["org"]}
            for cidr in a["v4"] + a["v6"]:
                asn_db.insert_network(IPSet([cidr]), rec)
        for ch in self.chunks:
            city_db.insert_network(IPSet([str(ch.net)]), city_record(ch.city, ch.asys))
        for w, path in ((asn_db, asn_path), (city_db, city_path)):
            w.alias_ipv4()
            w.to_db_file(path)


def _names(en):
    return {"en": en}


def city_record(city, asys):
    name, gid, cc, sub_iso, sub_name, lat, lon, tz, postal = CITIES[city]
    cgid, cname, cont, eu = COUNTRIES[cc]
    kind = asys["kind"]
    radius = {"broadband": 20, "mobile": 200, "edu": 5, "corp": 50, "hosting": 1000,
              "vpn": 100, "relay": 200, "tor": 500}[kind]
    country = {"geoname_id": cgid, "iso_code": cc, "names": _names(cname)}
    if eu:
        country["is_in_european_union"] = True
    rcc = asys["reg"] if asys["multi"] else cc
    rgid, rname, _, reu = COUNTRIES[rcc]
    registered = {"geoname_id": rgid, "iso_code": rcc, "names": _names(rname)}
    if reu:
        registered["is_in_european_union"] = True
    rec = {
        "city": {"geoname_id": gid, "names": _names(name)},
        "continent": {"code": cont, "geoname_id": CONTINENTS[cont][0],
                      "names": _names(CONTINENTS[cont][1])},
        "country": country,
        "location": {"accuracy_radius": radius, "latitude": lat, "longitude": lon,
                     "time_zone": tz},
        "registered_country": registered,
        "subdivisions": [{"geoname_id": 1000000 + zlib.crc32((cc + sub_iso).encode()) % 8000000,
                          "iso_code": sub_iso, "names": _names(sub_name)}],
    }
    if postal:
        rec["postal"] = {"code": postal}
    return rec


class _Writer(MMDBWriter):
    """MMDBWriter with a fixed build epoch and MaxMind's IPv4-in-IPv6 aliases."""

    def __init__(self, build_epoch, database_type, description):
        super().__init__(ip_version=6, ipv4_compatible=True, database_type=database_type,
                         languages=["en"], description={"en": description})
        self._epoch = build_epoch

    def _build_meta(self):
        meta = super()._build_meta()
        meta["build_epoch"] = self._epoch
        return meta

    def _node_at(self, bits):
        node = self.tree
        for b in bits:
            node = node.get_or_create(b)
        return node

    def alias_ipv4(self):
        """Point ::ffff:0:0/96, 2001::/32 (Teredo) and 2002::/16 (6to4) at the ::/96 subtree."""
        v4root = self._node_at([0] * 96)
        for cidr in ("::ffff:0:0/96", "2001::/32", "2002::/16"):
            net = ipaddress.ip_network(cidr)
            value = int(net.network_address)
            bits = [(value >> (127 - i)) & 1 for i in range(net.prefixlen)]
            parent = self._node_at(bits[:-1])
            parent[bits[-1]] = v4root
