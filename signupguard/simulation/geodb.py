"""Write small MaxMind databases in MaxMind's own record layouts.

The simulator builds its demo databases with these and the tests build theirs,
so the reader in ``signupguard.enrichment.geo`` is exercised on exactly the
shapes of real GeoLite2 / GeoIP2 files: an IPv6 tree where IPv4 networks live
at ``::a.b.c.d`` (what readers search for an IPv4 address) and again at
``::ffff:a.b.c.d`` (so IPv4-mapped IPv6 lookups find them too, as MaxMind's
aliases do). Files are written to a temporary name and renamed, so a process
that has the old file memory-mapped keeps reading it safely.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any, Iterable, Mapping

from mmdb_writer import MMDBWriter, MmdbU32
from netaddr import IPNetwork, IPSet

__all__ = [
    "ANONYMOUS_FLAGS", "CONNECTION_TYPES", "write_anonymous_db", "write_asn_db", "write_city_db",
    "write_connection_type_db", "write_db",
]

ANONYMOUS_FLAGS = (
    "is_anonymous", "is_anonymous_vpn", "is_hosting_provider", "is_public_proxy",
    "is_residential_proxy", "is_tor_exit_node",
)
CONNECTION_TYPES = ("Dialup", "Cable/DSL", "Corporate", "Cellular", "Satellite")


def write_db(
    path: str | os.PathLike[str],
    records: Iterable[tuple[str, Mapping[str, Any]]],
    *,
    database_type: str,
    description: str,
    languages: Iterable[str] = ("en",),
    ip_version: int = 6,
    build_epoch: int | None = None,
) -> None:
    """Write (CIDR, record) pairs; broader networks first so narrower ones carve into them.

    ``build_epoch`` pins the metadata's build time (mmdb-writer stamps the
    current time), so a seeded simulation writes byte-identical files.
    """
    writer = MMDBWriter(
        ip_version=ip_version,
        database_type=database_type,
        languages=list(languages),
        description=description,
        ipv4_compatible=ip_version == 6,
    )
    if build_epoch is not None:
        stamp = writer._build_meta  # mmdb-writer has no option for it
        writer._build_meta = lambda: {**stamp(), "build_epoch": int(build_epoch)}  # type: ignore[method-assign]
    networks = sorted(((IPNetwork(cidr), dict(record)) for cidr, record in records),
                      key=lambda item: (item[0].prefixlen + (96 if item[0].version == 4 else 0)))
    for network, record in networks:
        if network.version == 6 and ip_version == 4:
            raise ValueError(f"{network} is IPv6 but the database is IPv4-only")
        writer.insert_network(IPSet([network]), record)
        if network.version == 4 and ip_version == 6:
            writer.insert_network(IPSet([network.ipv6(ipv4_compatible=False)]), record)
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(prefix=".geodb-", suffix=".mmdb", dir=directory)
    os.close(handle)
    try:
        writer.to_db_file(temporary)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; readers may be other users
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_asn_db(
    path: str | os.PathLike[str], records: Iterable[tuple[str, int, str]], *, ip_version: int = 6,
    build_epoch: int | None = None,
) -> None:
    """A GeoLite2-ASN file from (CIDR, ASN, organisation) triples."""
    write_db(
        path,
        ((cidr, {"autonomous_system_number": MmdbU32(int(asn)), "autonomous_system_organization": org})
         for cidr, asn, org in records),
        database_type="GeoLite2-ASN",
        description="SignupGuard simulated GeoLite2 ASN database",
        ip_version=ip_version,
        build_epoch=build_epoch,
    )


def write_city_db(
    path: str | os.PathLike[str],
    records: Iterable[tuple[str, str, str | None]],
    *,
    ip_version: int = 6,
    database_type: str = "GeoLite2-City",
    build_epoch: int | None = None,
) -> None:
    """A GeoLite2-City file (or -Country with ``database_type``) from (CIDR, ISO country, time zone)."""
    def record(country: str, time_zone: str | None) -> dict[str, Any]:
        value: dict[str, Any] = {
            "country": {"iso_code": country.upper()},
            "registered_country": {"iso_code": country.upper()},
        }
        if time_zone and "City" in database_type:
            value["location"] = {"time_zone": time_zone}
        return value

    write_db(
        path,
        ((cidr, record(country, time_zone)) for cidr, country, time_zone in records),
        database_type=database_type,
        description=f"SignupGuard simulated {database_type} database",
        ip_version=ip_version,
        build_epoch=build_epoch,
    )


def write_anonymous_db(
    path: str | os.PathLike[str], records: Iterable[tuple[str, Mapping[str, bool]]], *, ip_version: int = 6,
    build_epoch: int | None = None,
) -> None:
    """A GeoIP2-Anonymous-IP file from (CIDR, flags); like MaxMind, only true flags are stored.

    ``is_anonymous`` is set whenever another flag is, as in the real database.
    """
    def record(flags: Mapping[str, bool]) -> dict[str, bool]:
        unknown = set(flags) - set(ANONYMOUS_FLAGS)
        if unknown:
            raise ValueError(f"unknown Anonymous-IP flag(s): {', '.join(sorted(unknown))}")
        value = {flag: True for flag in ANONYMOUS_FLAGS if flags.get(flag)}
        if value:
            value["is_anonymous"] = True
        return dict(sorted(value.items()))

    write_db(
        path,
        ((cidr, record(flags)) for cidr, flags in records),
        database_type="GeoIP2-Anonymous-IP",
        description="SignupGuard simulated GeoIP2 Anonymous IP database",
        ip_version=ip_version,
        build_epoch=build_epoch,
    )


def write_connection_type_db(
    path: str | os.PathLike[str], records: Iterable[tuple[str, str]], *, ip_version: int = 6,
    build_epoch: int | None = None,
) -> None:
    """A GeoIP2-Connection-Type file from (CIDR, connection type) pairs."""
    def record(connection_type: str) -> dict[str, str]:
        if connection_type not in CONNECTION_TYPES:
            raise ValueError(f"connection type must be one of {', '.join(CONNECTION_TYPES)}")
        return {"connection_type": connection_type}

    write_db(
        path,
        ((cidr, record(connection_type)) for cidr, connection_type in records),
        database_type="GeoIP2-Connection-Type",
        description="SignupGuard simulated GeoIP2 Connection Type database",
        ip_version=ip_version,
        build_epoch=build_epoch,
    )
