"""Fixtures that build small MaxMind databases with signupguard.simulation.geodb.

``geoip_dbs`` writes one database of each kind into ``tmp_path`` from the
records below (which tests may read to know what to expect);
``geoip_testdata`` is MaxMind's official test folder beside the repository,
skipped when absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from signupguard.simulation import geodb


@pytest.fixture(scope="session", autouse=True)
def _own_geoip_verdicts(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The GeoIP checks' shared verdicts go to this run's temporary directory, not the machine's /tmp.

    Runs do not read each other's verdicts, and the hostile files of the
    GeoIP tests leave nothing behind; processes the tests start (``TMPDIR``) too.
    """
    import os
    import tempfile

    tempfile.tempdir = os.environ["TMPDIR"] = str(tmp_path_factory.getbasetemp())

# (CIDR, ASN, organisation). 199999 and up are unlisted, so only keywords or the
# "known ASN" rule classify them.
ASN_RECORDS = [
    ("81.2.69.0/24", 20712, "Andrews & Arnold Ltd"),
    ("3.0.0.0/9", 16509, "AMAZON-02"),
    ("172.58.0.0/15", 21928, "T-Mobile USA, Inc."),
    ("128.32.0.0/16", 25, "University of California at Berkeley"),
    ("141.20.0.0/16", 399991, "Humboldt-Universität zu Berlin"),
    ("45.90.0.0/22", 399992, "Nimbus Datacenter B.V."),
    ("89.160.0.0/16", 399993, "Acme Wireless Broadband"),
    ("190.0.0.0/16", 399994, "Colombia Telecomunicaciones S.A. ESP"),
    ("185.220.100.0/22", 399995, "F3 Netze e.V."),
    ("2a01:4f8::/32", 24940, "Hetzner Online GmbH"),
    ("2a02:c7c::/32", 5607, "Sky UK Limited"),
]
CITY_RECORDS = [
    ("81.2.69.0/24", "GB", "Europe/London"),
    ("3.0.0.0/9", "US", "America/New_York"),
    ("172.58.0.0/15", "US", "America/Los_Angeles"),
    ("190.0.0.0/16", "CO", None),
    ("2a01:4f8::/32", "DE", "Europe/Berlin"),
    ("2a02:c7c::/32", "GB", "Europe/London"),
]
ANONYMOUS_RECORDS = [
    ("185.220.100.0/22", {"is_tor_exit_node": True}),
    ("3.3.3.0/24", {"is_anonymous_vpn": True, "is_hosting_provider": True}),
    ("3.4.0.0/16", {"is_hosting_provider": True}),
    ("81.2.69.128/25", {"is_residential_proxy": True}),
    ("2a02:c7c:1::/48", {"is_public_proxy": True}),
]
CONNECTION_TYPE_RECORDS = [
    ("81.2.69.0/26", "Cellular"),
    ("81.2.69.64/26", "Cable/DSL"),
    ("3.0.0.0/9", "Cellular"),
]


@dataclass
class GeoipPaths:
    asn: Path
    city: Path
    anonymous: Path
    connection_type: Path

    def kwargs(self) -> dict[str, Path]:
        """Keyword arguments of GeoDatabases."""
        return {
            "asn_path": self.asn, "city_path": self.city,
            "anonymous_path": self.anonymous, "connection_type_path": self.connection_type,
        }

    def settings(self) -> dict[str, str]:
        """The SIGNUPGUARD settings that point at these files."""
        return {
            "GEOIP_ASN": str(self.asn), "GEOIP_CITY": str(self.city),
            "GEOIP_ANONYMOUS": str(self.anonymous), "GEOIP_CONNECTION_TYPE": str(self.connection_type),
        }


@pytest.fixture
def geoip_dbs(tmp_path: Path) -> GeoipPaths:
    """One database of each kind, written from the records above."""
    paths = GeoipPaths(
        asn=tmp_path / "GeoLite2-ASN.mmdb",
        city=tmp_path / "GeoLite2-City.mmdb",
        anonymous=tmp_path / "GeoIP2-Anonymous-IP.mmdb",
        connection_type=tmp_path / "GeoIP2-Connection-Type.mmdb",
    )
    geodb.write_asn_db(paths.asn, ASN_RECORDS)
    geodb.write_city_db(paths.city, CITY_RECORDS)
    geodb.write_anonymous_db(paths.anonymous, ANONYMOUS_RECORDS)
    geodb.write_connection_type_db(paths.connection_type, CONNECTION_TYPE_RECORDS)
    return paths


GEOIP_TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "geoip-testdata"


@pytest.fixture
def geoip_testdata() -> Path:
    """MaxMind's official test databases (../shared/geoip-testdata), never copied into the repo."""
    if not (GEOIP_TESTDATA / "GeoLite2-ASN-Test.mmdb").is_file():
        pytest.skip(f"MaxMind test databases not found at {GEOIP_TESTDATA}")
    return GEOIP_TESTDATA
