"""Write GeoLite2-ASN and GeoLite2-City databases for the invented internet, in MaxMind's record shapes."""
import types

import mmdb_writer
from mmdb_writer import MMDBWriter
from netaddr import IPSet

from world import CONTINENTS, COUNTRIES, stable_int


def _country_rec(iso):
    name, cont, gid, eu = COUNTRIES[iso][:4]
    r = {"geoname_id": gid, "iso_code": iso, "names": {"en": name}}
    if eu:
        r["is_in_european_union"] = True
    return r


def city_record(block):
    ci = block.city
    cont = COUNTRIES[ci.country][1]
    kind = block.asys.kind
    acc = {"isp": 20, "mobile": 200, "education": 10, "enterprise": 20, "hosting": 500, "vpn": 1000,
           "relay": 100}.get(kind, 100)
    rec = {
        "city": {"geoname_id": ci.geoname_id, "names": {"en": ci.name}},
        "continent": {"code": cont, "geoname_id": CONTINENTS[cont][0], "names": {"en": CONTINENTS[cont][1]}},
        "country": _country_rec(ci.country),
        "location": {"accuracy_radius": acc, "latitude": float(ci.lat), "longitude": float(ci.lon),
                     "time_zone": ci.tz},
        "registered_country": _country_rec(block.asys.country if block.asys.country in COUNTRIES else ci.country),
        "subdivisions": [{"geoname_id": 2000000 + stable_int("sub", ci.country, ci.sub_iso) % 7000000,
                          "iso_code": ci.sub_iso, "names": {"en": ci.sub_name}}],
    }
    if kind in ("isp", "education", "enterprise"):
        rec["postal"] = {"code": ci.postal}
    if ci.country == "US":
        rec["location"]["metro_code"] = 500 + stable_int("metro", ci.name) % 380
    return rec


BUILD_EPOCH = 1779062400  # 2026-05-18T00:00:00Z, end of the window: keeps the files byte-identical per seed


def build(world, out_dir):
    # mmdb-writer stamps metadata.build_epoch with the wall clock; pin it for deterministic output
    mmdb_writer.time = types.SimpleNamespace(time=lambda: BUILD_EPOCH)
    asn = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN", languages=["en"],
                     description={"en": "Invented internet for the Quillmate signup simulation (GeoLite2-ASN shape)"},
                     int_type="u32")
    city = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City", languages=["en"],
                      description={"en": "Invented internet for the Quillmate signup simulation (GeoLite2-City shape)"},
                      int_type="u32")
    n = 0
    for a in world.ases:
        arec = {"autonomous_system_number": a.number, "autonomous_system_organization": a.org}
        for b in a.blocks:
            nets = IPSet([str(b.v4), str(b.v6)])
            asn.insert_network(nets, arec)
            city.insert_network(nets, city_record(b))
            n += 1
    asn.to_db_file(f"{out_dir}/GeoLite2-ASN.mmdb")
    city.to_db_file(f"{out_dir}/GeoLite2-City.mmdb")
    return n
