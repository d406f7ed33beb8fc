"""IP enrichment: MaxMind readers, network kind, prefixes, GeoIP system checks."""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import random
import subprocess
import sys
from pathlib import Path

import maxminddb
import pytest
from django.core.checks import run_checks
from mmdb_writer import MmdbF32, MmdbF64, MmdbI32, MmdbU16, MmdbU32, MmdbU64, MmdbU128

import signupguard.checks  # noqa: F401  (registers the checks; apps.ready() will too)
from signupguard.enrichment.geo import GeoDatabases, check_database, check_databases
from signupguard.enrichment.network import (
    NetworkClassifier,
    is_private_address,
    load_networks,
    normalise_org,
    prefixes,
)
from signupguard.enrichment.types import IPInfo, NETWORK_KINDS
from signupguard.simulation import geodb
from tests.plugins.mmdb import ASN_RECORDS, CITY_RECORDS, GEOIP_TESTDATA

BAD_DATA = sorted((GEOIP_TESTDATA / "bad-data").glob("*.mmdb")) or [
    pytest.param(None, marks=pytest.mark.skip(reason=f"no MaxMind bad-data corpus at {GEOIP_TESTDATA / 'bad-data'}"))
]
ROOT = Path(__file__).resolve().parents[1]
METADATA_MARKER = b"\xab\xcd\xefMaxMind.com"
BUILD_EPOCH = 1_764_460_800  # pinned, so a seeded corruption hits the same bytes every run
GEOIP_CHECK_IDS = {"signupguard.E001", "signupguard.E002", "signupguard.E003", "signupguard.W001", "signupguard.W002"}


@pytest.fixture
def geo(geoip_dbs) -> GeoDatabases:
    return GeoDatabases(**geoip_dbs.kwargs())


# --- prefixes -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("81.2.69.142", ("81.2.69.0/24", "81.2.0.0/16")),
        ("::ffff:81.2.69.142", ("81.2.69.0/24", "81.2.0.0/16")),
        ("2a01:4f8:10a:1::2", ("2a01:4f8:10a:1::/64", "2a01:4f8:10a::/48")),
        ("2001:0:0:1:ffff::1", ("2001:0:0:1::/64", "2001::/48")),
        ("2001:db8:0:0:1::", ("2001:db8::/64", "2001:db8::/48")),
        ("::1", ("::/64", "::/48")),
    ],
)
def test_prefixes(text, expected):
    assert prefixes(ipaddress.ip_address(text)) == expected


def test_ipv6_prefixes_match_ipaddress_for_many_addresses():
    import random

    rnd = random.Random(7)
    for _ in range(2000):
        value = rnd.getrandbits(128)
        for hextet in range(8):  # make runs of zeros common
            if rnd.random() < 0.5:
                value &= ~(0xFFFF << (16 * hextet))
        if ipaddress.IPv6Address(value).ipv4_mapped:
            continue
        narrow, wide = prefixes(ipaddress.IPv6Address(value))
        assert narrow == ipaddress.IPv6Network((value >> 64 << 64, 64)).compressed
        assert wide == ipaddress.IPv6Network((value >> 80 << 80, 48)).compressed


@pytest.mark.parametrize(
    ("text", "private"),
    [("10.1.2.3", True), ("127.0.0.1", True), ("100.64.0.1", True), ("169.254.1.1", True),
     ("192.168.0.1", True), ("224.0.0.1", True), ("255.255.255.255", True), ("0.0.0.0", True),
     ("::1", True), ("fe80::1", True), ("fd00::1", True), ("2001:db8::1", True), ("ff02::1", True),
     ("::ffff:10.0.0.1", True), ("8.8.8.8", False), ("81.2.69.142", False), ("::ffff:8.8.8.8", False),
     ("2a01:4f8::1", False), ("2001:218::1", False), ("172.32.0.1", False), ("172.31.255.255", True)],
)
def test_is_private_address(text, private):
    assert is_private_address(ipaddress.ip_address(text)) is private


# --- lookups ----------------------------------------------------------------------

def test_ipv4_lookup_fills_every_field(geo):
    info = geo.lookup("81.2.69.100")
    assert info == IPInfo(
        address="81.2.69.100", version=4, prefix="81.2.69.0/24", prefix_wide="81.2.0.0/16",
        asn=20712, as_org="Andrews & Arnold Ltd", country="GB", geo_timezone="Europe/London",
        network_kind="residential",
    )


def test_ipv6_lookup(geo):
    info = geo.lookup("2A01:04F8:0001:0002::3")
    assert info.address == "2a01:4f8:1:2::3"
    assert info.version == 6
    assert (info.prefix, info.prefix_wide) == ("2a01:4f8:1:2::/64", "2a01:4f8:1::/48")
    assert (info.asn, info.as_org, info.country, info.geo_timezone) == (24940, "Hetzner Online GmbH", "DE", "Europe/Berlin")
    assert info.network_kind == "hosting"


def test_ipv4_mapped_ipv6_is_the_ipv4_address(geo):
    assert geo.lookup("::ffff:81.2.69.100") == geo.lookup("81.2.69.100")
    assert geo.lookup("::FFFF:3.3.3.3").address == "3.3.3.3"


def test_written_ipv4_records_are_found_as_ipv4_and_as_mapped_ipv6_by_plain_readers(geoip_dbs):
    with maxminddb.open_database(str(geoip_dbs.asn), maxminddb.MODE_AUTO) as reader:
        assert reader.metadata().database_type == "GeoLite2-ASN"
        assert reader.metadata().ip_version == 6
        for text in ("81.2.69.1", "::ffff:81.2.69.1", "::81.2.69.1"):
            assert reader.get(text) == {"autonomous_system_number": 20712,
                                        "autonomous_system_organization": "Andrews & Arnold Ltd"}
        assert reader.get("81.2.70.1") is None


def test_ipv4_only_database(tmp_path):
    path = tmp_path / "asn4.mmdb"
    geodb.write_asn_db(path, [("81.2.69.0/24", 20712, "A&A")], ip_version=4)
    geo = GeoDatabases(asn_path=path)
    assert geo.lookup("81.2.69.1").asn == 20712
    assert geo.lookup("2a01:4f8::1").asn is None  # an IPv6 address in an IPv4 tree: unknown, no error
    with pytest.raises(ValueError):
        geodb.write_asn_db(path, [("2a01:4f8::/32", 1, "x")], ip_version=4)


def test_narrow_records_win_whatever_the_input_order(tmp_path):
    path = tmp_path / "asn.mmdb"
    geodb.write_asn_db(path, [("81.2.69.0/24", 2, "narrow"), ("81.2.0.0/16", 1, "broad")])
    geo = GeoDatabases(asn_path=path)
    assert geo.lookup("81.2.69.7").asn == 2
    assert geo.lookup("81.2.70.7").asn == 1


def test_records_narrower_than_a_block_never_answer_for_the_rest_of_it(geoip_dbs):
    """The per-block cache of what the databases say: 81.2.69.0/24 holds /25 and /26 records.

    One instance looks the block up in a random order, twice; each answer must
    be what an instance with nothing cached gives for that address alone.
    """
    import random

    texts = [f"81.2.69.{n}" for n in range(0, 256, 5)] + ["2a02:c7c:1::5", "2a02:c7c:2::5", "2a02:c7c:1:0:1::9"]
    order = texts * 2
    random.Random(3).shuffle(order)
    shared = GeoDatabases(**geoip_dbs.kwargs())
    answers = {text: shared.lookup(text) for text in order}
    for text in texts:
        assert answers[text] == GeoDatabases(**geoip_dbs.kwargs()).lookup(text), text
    assert {answers[t].network_kind for t in texts} >= {"mobile", "residential", "vpn"}


def test_address_text_and_prefixes_are_ipaddress_s_for_every_spelling():
    """inet_pton/inet_ntop's fast path and ipaddress's slow one give the same text for any address."""
    import random

    from signupguard.enrichment.geo import _address_fields

    rnd = random.Random(11)
    spellings = ["::1.2.3.4", "::ffff:1.2.3.4", "::FFFF:1.2.3.4", "::", "::1", "fe80::1%eth0", "::ffff:0:1.2.3.4",
                 "64:ff9b::1.2.3.4", "1:0:0:1:0:0:0:1", "1:0:1:0:0:1:0:0", "0:0:0:0:0:1:0:0", "1.2.3.4"]
    for _ in range(3000):
        value = rnd.getrandbits(128)
        for hextet in range(8):  # runs of zeros, where the two spellings could part
            if rnd.random() < 0.45:
                value &= ~(0xFFFF << (16 * hextet))
        address = ipaddress.IPv6Address(value)
        spellings += [str(address), address.exploded, str(ipaddress.IPv4Address(value >> 96))]
    for text in spellings:
        parsed = ipaddress.ip_address(text)
        if parsed.version == 6 and parsed.scope_id:
            parsed = ipaddress.IPv6Address(int(parsed))
        if parsed.version == 6 and parsed.ipv4_mapped:
            parsed = parsed.ipv4_mapped
        fields, version, value = _address_fields(text)
        assert (fields["address"], version, value) == (str(parsed), parsed.version, int(parsed)), text
        assert (fields["prefix"], fields["prefix_wide"]) == prefixes(parsed), text


def test_country_falls_back_to_registered_country(tmp_path):
    path = tmp_path / "country.mmdb"
    geodb.write_db(path, [("81.2.69.0/24", {"registered_country": {"iso_code": "gb"}})],
                   database_type="GeoLite2-Country", description="t")
    info = GeoDatabases(city_path=path).lookup("81.2.69.1")
    assert (info.country, info.geo_timezone) == ("GB", None)


def test_records_of_unexpected_shape_give_unknowns(tmp_path):
    path = tmp_path / "odd.mmdb"
    geodb.write_db(path, [("81.2.69.0/24", {"autonomous_system_number": "AS1", "autonomous_system_organization": 7}),
                          ("81.2.70.0/24", {"country": "GB", "location": ["x"]})],
                   database_type="GeoLite2-ASN", description="t")
    geo = GeoDatabases(asn_path=path, city_path=path)
    info = geo.lookup("81.2.69.1")
    assert (info.asn, info.as_org, info.network_kind) == (None, None, "unknown")
    assert geo.lookup("81.2.70.1").country is None


@pytest.mark.parametrize(
    ("text", "address"),
    [("10.0.0.1", "10.0.0.1"), ("127.0.0.1", "127.0.0.1"), ("::1", "::1"), ("192.168.1.20", "192.168.1.20"),
     ("100.64.0.1", "100.64.0.1"), ("::ffff:192.168.0.1", "192.168.0.1"), ("fe80::1%eth0", "fe80::1")],
)
def test_private_and_loopback_addresses(geo, text, address):
    info = geo.lookup(text)
    assert info.address == address
    assert info.is_private is True
    assert (info.asn, info.country, info.network_kind) == (None, None, "unknown")
    assert info.prefix is not None


@pytest.mark.parametrize(
    "text",
    ["", " ", "999.1.1.1", "not-an-ip", "1.2.3.4:80", "[::1]", "1.2.3", "01.2.3.4", "1.2.3.4/24",
     "1.2.3.4\x00", "１.２.３.４", "::ffff:999.1.1.1", "1" * 10_000, "2a01:4f8::1" + "0" * 300, "\udcff"],
)
def test_malformed_addresses_are_unknown(geo, text):
    assert geo.lookup(text) == IPInfo()


@pytest.mark.parametrize("value", [None, 81, b"81.2.69.1", ["81.2.69.1"]])
def test_non_string_addresses_are_unknown(geo, value):
    assert geo.lookup(value) == IPInfo()


def test_surrounding_whitespace_is_ignored(geo):
    assert geo.lookup(" 81.2.69.100\n").asn == 20712


def test_lookup_without_databases_still_gives_address_data():
    info = GeoDatabases().lookup("8.8.8.8")
    assert (info.address, info.prefix, info.asn, info.network_kind) == ("8.8.8.8", "8.8.8.0/24", None, "unknown")


def test_missing_file_warns_once_and_is_picked_up_when_it_appears(tmp_path, caplog):
    path = tmp_path / "later.mmdb"
    geo = GeoDatabases(asn_path=path, reload_interval=0)
    with caplog.at_level(logging.WARNING, logger="signupguard.enrichment.geo"):
        assert geo.lookup("81.2.69.1").asn is None
        assert geo.lookup("81.2.69.2").asn is None
    assert len([r for r in caplog.records if "missing" in r.getMessage()]) == 1
    geodb.write_asn_db(path, [("81.2.69.0/24", 20712, "A&A")])
    assert geo.lookup("81.2.69.1").asn == 20712


def test_corrupt_file_never_raises(tmp_path, caplog):
    path = tmp_path / "corrupt.mmdb"
    path.write_bytes(b"\x00garbage" * 100)
    geo = GeoDatabases(asn_path=path, city_path=path)
    with caplog.at_level(logging.WARNING, logger="signupguard.enrichment.geo"):
        info = geo.lookup("81.2.69.1")
    assert (info.address, info.asn, info.country) == ("81.2.69.1", None, None)
    assert any("cannot open" in r.getMessage() for r in caplog.records)
    assert check_database(path, "asn").code == "E002"


def test_reopens_when_the_file_changes(tmp_path):
    path = tmp_path / "asn.mmdb"
    geodb.write_asn_db(path, [("81.2.69.0/24", 20712, "Andrews & Arnold Ltd")])
    geo = GeoDatabases(asn_path=path)  # default: stat at most once a second
    assert geo.lookup("81.2.69.1").asn == 20712
    geodb.write_asn_db(path, [("81.2.69.0/24", 16509, "AMAZON-02")])
    assert geo.lookup("81.2.69.1").asn == 20712  # not re-checked within the second: no stat per lookup
    geo.refresh()
    info = geo.lookup("81.2.69.1")
    assert (info.asn, info.network_kind) == (16509, "hosting")


def test_reopens_when_a_file_is_rewritten_in_place(tmp_path):
    path = tmp_path / "asn.mmdb"
    other = tmp_path / "other.mmdb"
    geodb.write_asn_db(path, [("81.2.69.0/24", 20712, "A&A")])
    geo = GeoDatabases(asn_path=path, reload_interval=0)
    assert geo.lookup("81.2.69.1").asn == 20712
    geodb.write_asn_db(other, [("81.2.69.0/24", 5607, "Sky UK Limited"), ("1.0.0.0/8", 1, "padding")])
    # Same inode, new content and size (a careless copy rather than a rename).
    data = other.read_bytes()
    stat = path.stat()
    with open(path, "r+b") as handle:
        handle.write(data)
        handle.truncate(len(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert geo.lookup("81.2.69.1").asn == 5607


# --- files maxminddb's C reader would crash on ---------------------------------------
# maxminddb's C extension reads every map key as a string: a key that is a number
# (one corrupt byte) is dereferenced as an address and the process dies (SIGSEGV).
# These run in a child process, so a regression fails the test instead of killing pytest.

_CHILD = """
import json, logging, sys
from signupguard.enrichment.geo import GeoDatabases, check_database

warnings = []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage())
logging.getLogger("signupguard.enrichment.geo").addHandler(handler)
results = []
for kind, path in zip(sys.argv[1::2], sys.argv[2::2]):
    problem = check_database(path, kind)
    geo = GeoDatabases(**{kind + "_path": path})
    infos = [geo.lookup(ip) for ip in ("81.2.69.1", "2a01:4f8::1", "3.3.3.3", "172.58.1.1", "81.2.69.2")]
    results.append({"problem": problem and problem.code, "asn": [i.asn for i in infos],
                    "country": [i.country for i in infos]})
print(json.dumps({"results": results, "warnings": warnings}))
"""


def _read_in_child(*files: tuple[str, Path]) -> dict:
    """What check_database and GeoDatabases make of each (kind, path), in a child process."""
    args = [str(item) for pair in files for item in pair]
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, f"reading the databases killed the process ({done.returncode}): {done.stderr[-2000:]}"
    return json.loads(done.stdout)


def _names_db(path: Path) -> None:
    geodb.write_db(path, [("81.2.69.0/24", {"country": {"iso_code": "GB", "names": {"en": "United Kingdom"}}}),
                          ("2a01:4f8::/32", {"country": {"iso_code": "DE", "names": {"en": "Germany"}}})],
                   database_type="GeoLite2-City", description="t", build_epoch=BUILD_EPOCH)


def _number_as_key(path: Path) -> None:
    """One byte: the key "en" (a 2-byte string, 0x42) becomes the number 0x656e (a 2-byte uint16, 0xa2)."""
    data = bytearray(path.read_bytes())
    data[data.index(b"\x42en", 0, data.rindex(METADATA_MARKER))] = 0xA2
    path.write_bytes(data)


def test_a_number_as_map_key_is_refused_not_read(tmp_path):
    path = tmp_path / "city.mmdb"
    _names_db(path)
    [good] = _read_in_child(("city", path))["results"]
    assert (good["problem"], good["country"][:2]) == (None, ["GB", "DE"])
    _number_as_key(path)
    seen = _read_in_child(("city", path))
    [bad] = seen["results"]
    assert bad["problem"] == "E002"
    assert bad["country"] == [None] * 5
    assert len(seen["warnings"]) == 1 and "map key is not a string" in seen["warnings"][0]


_REPLACE_CHILD = """
import sys, os
from signupguard.enrichment.geo import GeoDatabases
live, corrupt = sys.argv[1:]
import time
geo = GeoDatabases(city_path=live)
before = geo.lookup("81.2.69.1").country
os.replace(corrupt, live)
geo.refresh()
while geo._databases[0].provisional:  # the new file is read by the pure-Python reader until its check is done
    time.sleep(0.01)
    geo.refresh()
print(before, geo.lookup("81.2.69.3").country, geo.lookup("2a01:4f8::1").country)
"""


def test_a_file_replaced_by_a_corrupt_one_is_checked_again(tmp_path):
    live, corrupt = tmp_path / "city.mmdb", tmp_path / "next.mmdb"
    _names_db(live)
    _names_db(corrupt)
    _number_as_key(corrupt)
    done = subprocess.run([sys.executable, "-c", _REPLACE_CHILD, str(live), str(corrupt)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"the replaced file killed the process ({done.returncode}): {done.stderr[-2000:]}"
    assert done.stdout.split() == ["GB", "None", "None"]


def _mutate(data: bytes, rnd: random.Random) -> bytes:
    """What disks and careless copies do: a few bytes replaced, eight overwritten, or a truncation."""
    blob = bytearray(data)
    how = rnd.randrange(3)
    if how == 0:
        for _ in range(rnd.randrange(1, 4)):
            blob[rnd.randrange(len(blob))] = rnd.randrange(256)
    elif how == 1:
        at = rnd.randrange(len(blob))
        blob[at:at + 8] = rnd.randbytes(8)
    else:
        del blob[rnd.randrange(len(blob)):]
    return bytes(blob)


def test_corrupted_files_never_crash_the_process(tmp_path):
    asn, city = tmp_path / "asn.mmdb", tmp_path / "city.mmdb"
    geodb.write_asn_db(asn, ASN_RECORDS, build_epoch=BUILD_EPOCH)
    geodb.write_city_db(city, CITY_RECORDS, build_epoch=BUILD_EPOCH)
    rnd = random.Random(4)  # among these files, some crashed the C reader before files were checked
    files = []
    for n in range(400):
        for kind, source in (("asn", asn), ("city", city)):
            path = tmp_path / f"{kind}-{n}.mmdb"
            path.write_bytes(_mutate(source.read_bytes(), rnd))
            files.append((kind, path))
    results = _read_in_child(*files)["results"]
    assert len(results) == len(files)
    assert {r["problem"] for r in results} <= {None, "E002", "E003"}


def test_every_data_type_passes_the_check(tmp_path):
    path = tmp_path / "types.mmdb"
    record = {
        "autonomous_system_number": MmdbU32(64512), "autonomous_system_organization": "Example Networks",
        "double": MmdbF64(1.5), "float": MmdbF32(0.5), "int32": MmdbI32(-7), "uint16": MmdbU16(7),
        "uint64": MmdbU64(2**40), "uint128": MmdbU128(2**100), "bytes": b"\x00\xff", "boolean": True,
        "array": [1, "a", False, {}], "map": {"nested": {"deeper": ["x" * 300]}, "empty": []},
    }
    geodb.write_db(path, [("81.2.69.0/24", record), ("2a01:4f8::/32", {**record, "boolean": False})],
                   database_type="GeoLite2-ASN", description="t")
    assert check_database(path, "asn") is None
    info = GeoDatabases(asn_path=path).lookup("81.2.69.1")
    assert (info.asn, info.as_org) == (64512, "Example Networks")


# --- network kind -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "why"),
    [
        ("185.220.101.5", "tor", "anonymous db: tor exit"),
        ("3.3.3.3", "vpn", "anonymous db: vpn beats hosting flag"),
        ("3.4.5.6", "hosting", "anonymous db: hosting provider"),
        ("81.2.69.200", "vpn", "anonymous db: residential proxy counts as vpn"),
        ("2a02:c7c:1::5", "vpn", "anonymous db: public proxy"),
        ("3.0.0.1", "hosting", "curated hosting ASN beats a Cellular connection type"),
        ("81.2.69.10", "mobile", "connection type Cellular"),
        ("81.2.69.70", "residential", "Cable/DSL, known ASN"),
        ("172.58.1.1", "mobile", "curated mobile ASN"),
        ("128.32.1.1", "education", "curated education ASN"),
        ("141.20.1.1", "education", "keyword Universität"),
        ("45.90.1.1", "hosting", "keyword datacenter on an unlisted ASN"),
        ("89.160.1.1", "mobile", "keyword wireless on an unlisted ASN"),
        ("190.0.1.1", "residential", "'colo' is a word rule: Colombia is not colocation"),
        ("2a02:c7c:2::5", "residential", "curated residential ASN"),
        ("2a01:4f8::1", "hosting", "curated hosting ASN, IPv6"),
        ("8.8.8.8", "unknown", "nothing known"),
    ],
)
def test_network_kind(geo, text, kind, why):
    assert geo.lookup(text).network_kind == kind, why


def test_anonymous_flags_are_copied(geo):
    info = geo.lookup("3.3.3.3")
    assert (info.is_anonymous, info.is_vpn, info.is_hosting, info.is_tor) == (True, True, True, False)
    info = geo.lookup("81.2.69.130")
    assert (info.is_anonymous, info.is_residential_proxy, info.is_vpn) == (True, True, False)
    assert geo.lookup("185.220.100.1").is_tor is True
    assert geo.lookup("2a02:c7c:1::1").is_public_proxy is True
    assert geo.lookup("81.2.69.1").is_anonymous is False


@pytest.mark.parametrize(
    ("org", "kind"),
    [
        ("Example VPS Provider", "hosting"), ("Foo Data Center LLC", "hosting"), ("BarDatacenter GmbH", "hosting"),
        ("Servers.com, Inc.", "hosting"), ("Zeta Colo Ltd", "hosting"), ("Acme Cloud Services", "hosting"),
        ("Hostinger-like Webhosting SRL", "hosting"), ("Quux Hosting", "hosting"),
        ("Hide VPN Ltd", "vpn"), ("SuperProxy Networks", "vpn"),
        ("Universidad de Chile", "education"), ("Universität Wien", "education"), ("UNIVERSITE DE LYON", "education"),
        ("Example College", "education"), ("Kenya Research and Education Network", "education"),
        ("Example Mobile Ltd", "mobile"), ("Acme Wireless", "mobile"), ("Cellular One", "mobile"),
        ("Nordic LTE Networks", "mobile"), ("Telefonica Moviles Chile", "mobile"),
        ("Colombia Telecomunicaciones", "residential"), ("Telstra Pty Ltd", "residential"),
        ("Comcast Cable Communications", "residential"),
    ],
)
def test_keywords_generalise_to_unknown_asns(org, kind):
    assert NetworkClassifier().classify(asn=4_200_000_001, org_names=[org]) == kind


def test_classifier_edge_cases():
    classifier = NetworkClassifier()
    assert classifier.classify() == "unknown"
    assert classifier.classify(org_names=["Some Hosting Ltd"]) == "hosting"  # org without ASN (ISP db)
    assert classifier.classify(connection_type="Cable/DSL") == "residential"
    assert classifier.classify(connection_type="Corporate") == "unknown"
    assert classifier.classify(asn=1221, connection_type="Cellular") == "mobile"
    assert classifier.classify(asn=16509, anonymous={"is_tor_exit_node": True, "is_anonymous_vpn": True}) == "tor"
    assert classifier.classify(asn=7922, anonymous={"is_hosting_provider": True}) == "hosting"
    assert classifier.classify(asn=7922, anonymous={"is_anonymous": True}) == "vpn"
    assert classifier.classify(asn=4_200_000_001) == "residential"
    assert normalise_org("Universität ZÜRICH") == "universitat zurich"


def test_extra_asns_from_settings(settings):
    settings.SIGNUPGUARD = {"EXTRA_HOSTING_ASNS": [4_200_000_001, "AS4200000002"], "EXTRA_VPN_ASNS": ["16509"]}
    classifier = NetworkClassifier.from_settings()
    assert classifier.classify(asn=4_200_000_001) == "hosting"
    assert classifier.classify(asn=4_200_000_002) == "hosting"
    assert classifier.classify(asn=16509) == "vpn"  # host's VPN list beats the shipped hosting list
    assert NetworkClassifier().classify(asn=16509) == "hosting"


def test_from_settings_reads_settings_at_call_time(settings, geoip_dbs):
    settings.SIGNUPGUARD = {"GEOIP_ASN": str(geoip_dbs.asn), "EXTRA_VPN_ASNS": [20712]}
    info = GeoDatabases.from_settings().lookup("81.2.69.100")
    assert (info.asn, info.country, info.network_kind) == (20712, None, "vpn")


def test_networks_json_is_documented_and_consistent():
    data = load_networks()
    assert load_networks() is data  # read once
    assert isinstance(data["_about"], str) and data["_about"]
    assert {"registries", "peeringdb", "providers"} <= set(data["sources"])
    asns = data["asns"]
    assert len(asns["hosting"]) >= 60
    for asn in ("16509", "14618", "15169", "396982", "8075", "14061", "16276", "24940", "63949", "20473",
                "51167", "45102", "132203", "31898", "12876", "60781", "16265", "9009", "60068"):
        assert asn in asns["hosting"], asn
    for asn in ("21928", "6167", "22394", "20057", "55836", "45609", "28403"):
        assert asn in asns["mobile"], asn
    seen: dict[str, str] = {}
    for kind, table in asns.items():
        assert kind in NETWORK_KINDS
        for asn, holder in table.items():
            assert asn.isdigit() and holder, (kind, asn)
            assert asn not in seen, f"AS{asn} is in both {seen[asn]} and {kind}"
            seen[asn] = kind
    assert set(data["keywords"]) <= set(NETWORK_KINDS)


# --- MaxMind's official test databases ---------------------------------------------------

def _entries(folder: Path, name: str) -> list[tuple[str, dict]]:
    return [next(iter(item.items())) for item in json.loads((folder / name).read_text(encoding="utf-8"))]


def test_official_asn_and_isp_databases(geoip_testdata):
    geo = GeoDatabases(asn_path=geoip_testdata / "GeoLite2-ASN-Test.mmdb")
    info = geo.lookup("1.128.0.0")
    assert (info.asn, info.as_org, info.network_kind) == (1221, "Telstra Pty Ltd", "residential")
    checked = 0
    for cidr, record in _entries(geoip_testdata, "GeoLite2-ASN-Test.json"):
        network = ipaddress.ip_network(cidr)
        if network.version == 6 and network.network_address.ipv4_mapped is None and int(network.network_address) < 2**32:
            continue  # ::a.b.c.d entries are the IPv4 tree, covered by their IPv4 twins
        info = geo.lookup(str(network.network_address))
        if info.is_private:
            continue
        assert info.asn == record["autonomous_system_number"], cidr
        assert info.as_org == record.get("autonomous_system_organization"), cidr
        checked += 1
    assert checked > 100
    isp = GeoDatabases(asn_path=geoip_testdata / "GeoIP2-ISP-Test.mmdb").lookup("1.128.0.0")
    assert (isp.asn, isp.as_org) == (1221, "Telstra Pty Ltd")


@pytest.mark.parametrize(
    ("name", "text", "country", "zone"),
    [
        ("GeoLite2-City-Test.mmdb", "81.2.69.142", "GB", "Europe/London"),
        ("GeoLite2-City-Test.mmdb", "::ffff:81.2.69.142", "GB", "Europe/London"),
        ("GeoLite2-City-Test.mmdb", "89.160.20.112", "SE", "Europe/Stockholm"),
        ("GeoLite2-City-Test.mmdb", "216.160.83.56", "US", "America/Los_Angeles"),
        ("GeoLite2-City-Test.mmdb", "2001:218::", "JP", "Asia/Tokyo"),
        ("GeoLite2-Country-Test.mmdb", "81.2.69.142", "GB", None),
        ("GeoLite2-Country-Test.mmdb", "2001:218::", "JP", None),
    ],
)
def test_official_city_and_country_databases(geoip_testdata, name, text, country, zone):
    info = GeoDatabases(city_path=geoip_testdata / name).lookup(text)
    assert (info.country, info.geo_timezone) == (country, zone)


def test_official_city_database_matches_its_json(geoip_testdata):
    geo = GeoDatabases(city_path=geoip_testdata / "GeoLite2-City-Test.mmdb")
    checked = 0
    for cidr, record in _entries(geoip_testdata, "GeoLite2-City-Test.json"):
        network = ipaddress.ip_network(cidr)
        info = geo.lookup(str(network.network_address))
        if info.is_private:
            continue
        expected = (record.get("country") or record.get("registered_country") or {}).get("iso_code")
        assert info.country == expected, cidr
        assert info.geo_timezone == record.get("location", {}).get("time_zone"), cidr
        checked += 1
    assert checked > 20


def test_official_anonymous_and_connection_type_databases(geoip_testdata):
    geo = GeoDatabases(
        anonymous_path=geoip_testdata / "GeoIP2-Anonymous-IP-Test.mmdb",
        connection_type_path=geoip_testdata / "GeoIP2-Connection-Type-Test.mmdb",
    )
    for cidr, record in _entries(geoip_testdata, "GeoIP2-Anonymous-IP-Test.json"):
        network = ipaddress.ip_network(cidr)
        address = network.network_address
        text = str(ipaddress.IPv4Address(int(address))) if address.version == 6 and int(address) < 2**32 else str(address)
        info = geo.lookup(text)
        assert info.is_anonymous == record.get("is_anonymous", False), cidr
        assert info.is_vpn == record.get("is_anonymous_vpn", False), cidr
        assert info.is_tor == record.get("is_tor_exit_node", False), cidr
        assert info.is_hosting == record.get("is_hosting_provider", False), cidr
        assert info.network_kind in ("tor", "vpn", "hosting"), cidr
    assert geo.lookup("1.124.213.1").network_kind == "tor"
    assert geo.lookup("1.0.1.0").network_kind == "mobile"  # Connection-Type: Cellular
    assert geo.lookup("1.0.0.0").network_kind == "residential"  # Connection-Type: Cable/DSL


@pytest.mark.parametrize(
    ("name", "kind"),
    [("GeoLite2-ASN-Test.mmdb", "asn"), ("GeoIP2-ISP-Test.mmdb", "asn"), ("GeoLite2-City-Test.mmdb", "city"),
     ("GeoLite2-Country-Test.mmdb", "city"), ("GeoIP2-Anonymous-IP-Test.mmdb", "anonymous"),
     ("GeoIP2-Connection-Type-Test.mmdb", "connection_type")],
)
def test_official_databases_pass_the_check_only_for_their_own_setting(geoip_testdata, name, kind):
    assert check_database(geoip_testdata / name, kind) is None
    wrong = "city" if kind != "city" else "asn"
    assert check_database(geoip_testdata / name, wrong).code == "E003"


@pytest.mark.parametrize("path", BAD_DATA, ids=lambda p: getattr(p, "name", str(p)))
def test_bad_data_gives_a_check_error_and_harmless_reads(path, settings):
    geo = GeoDatabases(asn_path=path, city_path=path, anonymous_path=path, connection_type_path=path)
    for text in ("1.1.1.1", "8.8.8.8", "81.2.69.142", "1.128.0.0", "::ffff:1.1.1.1", "2001:218::", "0.0.0.0",
                 "255.255.255.254", "2a01:4f8::1"):
        info = geo.lookup(text)
        assert isinstance(info, IPInfo)
        assert info.network_kind in NETWORK_KINDS
    problem = check_database(path, "asn")
    assert problem is not None and problem.code in ("E002", "E003"), problem
    settings.SIGNUPGUARD = {"GEOIP_ASN": str(path), "GEOIP_CITY": str(path)}
    ids = {message.id for message in run_checks(tags=["signupguard"])}
    assert ids & {"signupguard.E002", "signupguard.E003"}


# --- system checks -------------------------------------------------------------------

def test_checks_pass_for_good_databases(settings, geoip_dbs):
    settings.SIGNUPGUARD = geoip_dbs.settings()
    assert check_databases() == []
    assert {m.id for m in run_checks(tags=["signupguard"])} & GEOIP_CHECK_IDS == set()


def test_check_missing_file_is_e001(settings, tmp_path):
    settings.SIGNUPGUARD = {"GEOIP_ASN": str(tmp_path / "missing.mmdb"), "GEOIP_CITY": str(tmp_path)}
    messages = [m for m in run_checks(tags=["signupguard"]) if m.id == "signupguard.E001"]
    assert {m.obj for m in messages} == {"GEOIP_ASN", "GEOIP_CITY"}  # a directory is not a database file
    text = {m.obj: m.msg for m in messages}
    assert text["GEOIP_ASN"].endswith("does not exist.") and "is a directory" in text["GEOIP_CITY"]
    assert all("leave GEOIP_" in m.hint for m in messages)  # a new install without MaxMind files is told what to do


def test_check_wrong_type_is_e003(settings, geoip_dbs):
    settings.SIGNUPGUARD = {"GEOIP_ASN": str(geoip_dbs.asn), "GEOIP_CITY": str(geoip_dbs.asn)}
    messages = [m for m in run_checks(tags=["signupguard"]) if m.id == "signupguard.E003"]
    assert len(messages) == 1 and messages[0].obj == "GEOIP_CITY" and "GeoLite2-ASN" in messages[0].msg


def test_check_not_a_database_is_e002(settings, tmp_path):
    path = tmp_path / "zero.mmdb"
    path.write_bytes(b"")
    settings.SIGNUPGUARD = {"GEOIP_CITY": str(path)}
    assert "signupguard.E002" in {m.id for m in run_checks(tags=["signupguard"])}


def test_check_warns_without_asn_and_city(settings, geoip_dbs):
    settings.SIGNUPGUARD = {"GEOIP_ANONYMOUS": str(geoip_dbs.anonymous)}
    assert [m.id for m in run_checks(tags=["signupguard"]) if m.id in GEOIP_CHECK_IDS] == ["signupguard.W001"]
    settings.SIGNUPGUARD = {"GEOIP_CITY": str(geoip_dbs.city), "GEOIP_ASN": str(geoip_dbs.asn)}
    assert not {m.id for m in run_checks(tags=["signupguard"])} & GEOIP_CHECK_IDS


def test_check_warns_with_one_of_asn_and_city(settings, geoip_dbs):
    settings.SIGNUPGUARD = {"GEOIP_CITY": str(geoip_dbs.city)}
    [warning] = [m for m in run_checks(tags=["signupguard"]) if m.id in GEOIP_CHECK_IDS]
    assert warning.id == "signupguard.W002" and "GEOIP_ASN" in warning.msg and "network kind" in warning.msg
    settings.SIGNUPGUARD = {"GEOIP_ASN": str(geoip_dbs.asn)}
    [warning] = [m for m in run_checks(tags=["signupguard"]) if m.id in GEOIP_CHECK_IDS]
    assert warning.id == "signupguard.W002" and "GEOIP_CITY" in warning.msg and "country" in warning.msg


# --- writers ----------------------------------------------------------------------------

def test_writers_validate_their_input(tmp_path):
    with pytest.raises(ValueError):
        geodb.write_anonymous_db(tmp_path / "a.mmdb", [("1.2.3.0/24", {"is_spooky": True})])
    with pytest.raises(ValueError):
        geodb.write_connection_type_db(tmp_path / "c.mmdb", [("1.2.3.0/24", "Fibre")])
    assert not list(tmp_path.glob(".geodb-*"))  # no temporary file left behind


def test_written_layouts_are_maxminds(geoip_dbs):
    with maxminddb.open_database(str(geoip_dbs.city)) as reader:
        assert reader.metadata().database_type == "GeoLite2-City"
        assert reader.get("81.2.69.1") == {
            "country": {"iso_code": "GB"}, "registered_country": {"iso_code": "GB"},
            "location": {"time_zone": "Europe/London"},
        }
    with maxminddb.open_database(str(geoip_dbs.anonymous)) as reader:
        assert reader.metadata().database_type == "GeoIP2-Anonymous-IP"
        assert reader.get("3.3.3.3") == {"is_anonymous": True, "is_anonymous_vpn": True, "is_hosting_provider": True}
    with maxminddb.open_database(str(geoip_dbs.connection_type)) as reader:
        assert reader.metadata().database_type == "GeoIP2-Connection-Type"
        assert reader.get("81.2.69.1") == {"connection_type": "Cellular"}
    assert oct(geoip_dbs.asn.stat().st_mode & 0o777) == oct(0o644)


def test_lookups_do_not_wait_for_the_check_of_a_new_file(tmp_path, monkeypatch):
    """A full GeoLite2-City takes seconds to check: meanwhile the pure-Python reader answers."""
    import threading
    import time

    from signupguard.enrichment import geo as geo_module

    path = tmp_path / "city.mmdb"
    _names_db(path)
    release, check = threading.Event(), geo_module._structure_problem

    def slow_check(*args):
        assert release.wait(30)
        return check(*args)

    monkeypatch.setattr(geo_module, "_structure_problem", slow_check)
    geo = GeoDatabases(city_path=path)
    assert geo.lookup("81.2.69.1").country == "GB"  # answered before the check is done
    city = geo._databases[0]
    assert city.provisional and type(city.reader).__module__ == "maxminddb.reader"  # pure Python
    release.set()
    deadline = time.monotonic() + 30
    while city.provisional and time.monotonic() < deadline:
        time.sleep(0.01)
        geo.refresh()
    assert not city.provisional and type(city.reader).__module__ == "maxminddb.extension"  # checked: the C reader
    assert geo.lookup("2a01:4f8::1").country == "DE"


def _forked_reader_kind(path) -> str:
    """In a forked child, the kind of reader a fresh ``GeoDatabases`` opens on ``path`` at once."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no database, no pytest; report and leave
        try:
            os.close(read)
            database = GeoDatabases(city_path=path)._databases[0]
            database.refresh()
            kind = "provisional" if database.provisional else type(database.reader).__module__
            os.write(write, kind.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        kind = pipe.read()
    os.waitpid(pid, 0)
    return kind


def test_a_celery_worker_checks_the_files_before_forking_so_its_pool_inherits_the_verdicts(tmp_path, settings, caplog):
    """Each pool process would otherwise check every file again (seconds of CPU for a full City database).

    A real worker's main process runs it from ``celeryd_after_setup``: ``test_e2e_portal`` reads its log line.
    """
    from signupguard.enrichment import geo as geo_module

    unchecked, checked = tmp_path / "unchecked.mmdb", tmp_path / "city.mmdb"
    _names_db(unchecked)
    _names_db(checked)
    assert _forked_reader_kind(unchecked) == "provisional"  # the pure-Python reader until its own check ends
    settings.SIGNUPGUARD = {"GEOIP_CITY": str(checked), "GEOIP_ASN": str(tmp_path / "missing.mmdb")}
    with caplog.at_level(logging.INFO, logger="signupguard.enrichment.geo"):
        geo_module.check_before_fork()
    assert "checked 1 GeoIP database(s)" in caplog.text  # the missing one is left to check's E001
    assert geo_module._verdicts[(str(checked), geo_module._signature(str(checked)))] is None
    assert _forked_reader_kind(checked) == "maxminddb.extension"  # the C reader at once, nothing re-checked


def test_checking_before_the_fork_never_stops_a_worker(tmp_path, settings, caplog, monkeypatch):
    from signupguard.enrichment import geo as geo_module

    bad = tmp_path / "city.mmdb"
    bad.write_bytes(b"not a database")
    settings.SIGNUPGUARD = {"GEOIP_CITY": str(bad), "GEOIP_ASN": 42}  # a path that is not one is skipped
    with caplog.at_level(logging.INFO, logger="signupguard.enrichment.geo"):
        geo_module.check_before_fork()
    assert "checked 1 GeoIP database(s)" in caplog.text
    assert "no MaxMind DB metadata" in geo_module._verdicts[(str(bad), geo_module._signature(str(bad)))]

    def broken(*args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(geo_module, "_checked", broken)
    geo_module.check_before_fork()  # logs, does not raise: the worker starts
    assert "could not check its GeoIP databases before the worker's pool starts" in caplog.text


def test_a_failing_background_check_lets_the_next_refresh_try_again(tmp_path, monkeypatch, caplog):
    from signupguard.enrichment import geo as geo_module

    path = tmp_path / "city.mmdb"
    _names_db(path)
    key = (str(path), geo_module._signature(str(path)))

    def broken(*args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(geo_module, "_checked", broken)
    geo_module._checking[key] = os.getpid()
    geo_module._check_in_background(key)  # as its thread runs it
    assert key not in geo_module._checking and "could not check GeoIP database" in caplog.text
