"""IP enrichment from MaxMind databases: ASN, country, time zone, anonymity.

``GeoDatabases.lookup`` turns whatever the event calls its ``ip`` into an
``IPInfo`` and never raises: a malformed address, a missing, corrupt or
half-replaced database all degrade to unknowns plus one logged warning, so a
signup is always scored. Each reader is opened lazily once per process with
the C extension and reopened when its file changes on disk (checked at most
once a second with one ``stat``). The C extension trusts the file's structure
(a map key that is not a string crashes the process), so a file is first
checked whole, once per version (``mmdb_structure``); one that fails is
not opened, and ``check_database`` reports it. The processes of a machine
share the verdicts (``shared_verdicts``), and a Celery worker checks before
forking its pool (``check_before_fork``). Replace databases atomically
(write a temporary file, then rename, as ``geoipupdate`` does): a
memory-mapped file truncated in place cannot be read safely by any process.

The record layouts read are MaxMind's own: GeoLite2-ASN / GeoIP2-ISP
(``autonomous_system_number``, ``autonomous_system_organization``),
GeoLite2/GeoIP2 City or Country (``country.iso_code``, falling back to
``registered_country``; ``location.time_zone`` in City only),
GeoIP2-Anonymous-IP (``is_*`` flags) and GeoIP2-Connection-Type.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import maxminddb

from . import mmdb_structure, shared_verdicts
from .network import NetworkClassifier, is_private_value, prefixes_of
from .types import IPInfo

__all__ = ["DATABASE_KINDS", "DatabaseProblem", "GeoDatabases", "check_before_fork", "check_database", "check_databases"]

logger = logging.getLogger("signupguard.enrichment.geo")

# kind -> (setting, substrings one of which the metadata database_type must contain)
DATABASE_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "asn": ("GEOIP_ASN", ("ASN", "ISP")),
    "city": ("GEOIP_CITY", ("City", "Country", "Enterprise")),
    "anonymous": ("GEOIP_ANONYMOUS", ("Anonymous-IP", "Anonymous-Plus")),
    "connection_type": ("GEOIP_CONNECTION_TYPE", ("Connection-Type",)),
}
MAX_IP_TEXT = 64  # longer than any address with a sane IPv6 zone id
LOOKUP_CACHE_SIZE = 4096
NETWORK_CACHE_SIZE = 8192
_MISSING = object()
_ANONYMOUS_FLAGS = (
    "is_anonymous", "is_anonymous_vpn", "is_hosting_provider", "is_tor_exit_node",
    "is_public_proxy", "is_residential_proxy",
)
_ANONYMOUS_FIELDS = ("is_anonymous", "is_vpn", "is_hosting", "is_tor", "is_public_proxy", "is_residential_proxy")
# Addresses probed by the system check: MaxMind test ranges and well-known public ones.
PROBE_ADDRESSES = (
    "1.1.1.1", "8.8.8.8", "81.2.69.142", "1.128.0.0", "89.160.20.112", "216.160.83.56",
    "2001:218::", "2001:4860:4860::8888", "2a02:d280::1", "::ffff:81.2.69.142",
)


# The file layout, from MaxMind's format specification.
# The structural check, under the name this module's callers and tests patch.
_structure_problem = mmdb_structure.problem

# Verdicts of _structure_problem per (path, signature), found by a background thread: a full
# GeoLite2-City takes seconds to check, which the first scoring after a start must not wait for.
_PENDING = object()
_verdicts: dict[tuple[str, Any], str | None] = {}
_MAX_VERDICTS = 64
_checking: dict[tuple[str, Any], int] = {}  # -> the pid whose thread checks it (a forked child starts its own)
_verdict_lock = threading.Lock()
os.register_at_fork(after_in_child=lambda: globals().update(_verdict_lock=threading.Lock()))


def _verdict(path: str, signature: Any) -> Any:
    """``_structure_problem`` of this version of the file, or ``_PENDING`` while a thread finds it."""
    key = (path, signature)
    with _verdict_lock:
        if key in _verdicts:
            return _verdicts[key]
        if _checking.get(key) == os.getpid():
            return _PENDING
        _checking[key] = os.getpid()
    threading.Thread(target=_check_in_background, args=(key,), name="signupguard-geoip-check", daemon=True).start()
    return _PENDING


def _check_in_background(key: tuple[str, Any]) -> None:
    try:
        _checked(*key)
    except Exception:  # noqa: BLE001 - the thread must end cleanly; the next refresh asks again
        logger.warning("SignupGuard could not check GeoIP database %s", key[0], exc_info=True)
    finally:
        with _verdict_lock:
            _checking.pop(key, None)


def _checked(path: str, signature: Any) -> str | None:
    """``_structure_problem`` of this version of the file, found once (``check_database`` waits for it).

    Once per process, and once per machine where the processes can share
    verdicts (``shared_verdicts``): the first to get a version's lock checks
    it, the others wait and read its verdict.
    """
    key = (path, signature)
    with _verdict_lock:
        if key in _verdicts:
            return _verdicts[key]
    problem = shared_verdicts.read(path, signature)
    if problem is shared_verdicts.UNKNOWN:
        with shared_verdicts.exclusive(path, signature):
            problem = shared_verdicts.read(path, signature)  # written while this process waited
            if problem is shared_verdicts.UNKNOWN:
                problem = _structure_problem(path, signature)
                if _signature(path) == signature:  # not a file replaced while it was read
                    shared_verdicts.write(path, signature, problem)
    with _verdict_lock:
        if len(_verdicts) >= _MAX_VERDICTS:
            _verdicts.clear()  # versions of files long replaced
        _verdicts[key] = problem
    return problem


def check_before_fork(**_: Any) -> None:
    """Check the configured files in this process now, so that processes it forks inherit the verdicts.

    Connected to Celery's ``celeryd_after_setup``, which a worker's main
    process sends before it starts its pool: its pool processes then open the
    C reader at once, instead of starting on the pure-Python one while they
    get the verdict (checking the file themselves where verdicts cannot be
    shared: 3.5 s of CPU and ~190 MB at the peak for a 75 MB City-sized
    file, docs/benchmarks.md). Never raises: a worker starts whatever its
    databases say (``check`` reports them).
    """
    started, checked = time.monotonic(), 0
    try:
        for path in configured_paths().values():
            if not isinstance(path, (str, os.PathLike)) or not path:
                continue
            text = os.fspath(path)
            signature = _signature(text)
            if signature is not None:
                _checked(text, signature)
                checked += 1
    except Exception:  # noqa: BLE001 - a worker must start; lookups check lazily as before
        logger.warning("SignupGuard could not check its GeoIP databases before the worker's pool starts", exc_info=True)
        return
    if checked:
        logger.info("SignupGuard checked %d GeoIP database(s) in %.1f s, before the worker's pool starts",
                    checked, time.monotonic() - started)


def _signature(path: str) -> tuple[int, ...] | None:
    """What tells one version of a file from another: ``ctime`` too, since copies keep ``mtime`` and inodes are reused."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev, st.st_ctime_ns)


def _text(value: Any, limit: int = 256) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _sub(record: dict[str, Any], key: str) -> dict[str, Any]:
    value = record.get(key)
    return value if isinstance(value, dict) else {}


# Extractors reduce a decoded record to a small tuple of plain values: cheap to
# cache per network, untracked by the garbage collector, and the only place
# that knows MaxMind's field names. Each tolerates any shape of record.
def _extract_asn(record: dict[str, Any]) -> tuple[int | None, tuple[str, ...], bool]:
    number = record.get("autonomous_system_number")
    asn = number if isinstance(number, int) and not isinstance(number, bool) and number > 0 else None
    names = (record.get("autonomous_system_organization"), record.get("organization"), record.get("isp"))
    orgs = tuple(dict.fromkeys(name for name in map(_text, names) if name))
    return asn, orgs, bool(record.get("mobile_network_code"))  # GeoIP2-ISP marks mobile networks


def _extract_city(record: dict[str, Any]) -> tuple[str | None, str | None]:
    country = None
    for key in ("country", "registered_country"):
        code = _text(_sub(record, key).get("iso_code"))
        if code and len(code) == 2:
            country = code.upper()
            break
    return country, _text(_sub(record, "location").get("time_zone"), 64)


def _extract_anonymous(record: dict[str, Any]) -> tuple[bool, ...] | None:
    flags = tuple(record.get(flag) is True for flag in _ANONYMOUS_FLAGS)
    return flags if any(flags) else None


def _extract_connection_type(record: dict[str, Any]) -> str | None:
    return _text(record.get("connection_type"), 32)


_EXTRACTORS = {
    "asn": _extract_asn, "city": _extract_city,
    "anonymous": _extract_anonymous, "connection_type": _extract_connection_type,
}


def database_type_matches(kind: str, database_type: Any) -> bool:
    """Whether a file's ``metadata.database_type`` fits the setting ``kind``."""
    return isinstance(database_type, str) and any(t in database_type for t in DATABASE_KINDS[kind][1])


class _Database:
    """One database file: opened lazily, reopened when it changes, never raising."""

    def __init__(self, path: str, kind: str) -> None:
        self.path = path
        self.kind = kind
        self.extract = _EXTRACTORS[kind]
        self.reader: Any = None
        self.ip_version = 6
        self.signature: tuple[int, ...] | None | str = "unopened"
        self.provisional = False  # the pure-Python reader, until the file's check is done
        self._networks: dict[tuple[int, int], Any] = {}  # (prefix length, block) -> extracted record
        self._warned: set[str] = set()

    def _warn(self, key: str, message: str, *args: Any) -> None:
        if key not in self._warned:
            self._warned.add(key)
            logger.warning(message, *args)

    def refresh(self) -> bool:
        """Reopen when the file's mtime, size or inode changed; True when it did (or turned out corrupt)."""
        signature = _signature(self.path)
        if signature == self.signature:
            return self._settle(signature) if self.provisional else False
        self.signature = signature
        # Never close the old reader: another thread may be inside get(); the
        # garbage collector closes it once nobody holds it.
        self.reader = None
        self.provisional = False
        self._networks = {}
        if signature is None:
            self._warn("missing", "SignupGuard %s database %s is missing or unreadable", self.kind, self.path)
            return True
        try:
            verdict = _verdict(self.path, signature)
            if verdict is not _PENDING and verdict is not None:
                raise mmdb_structure.Corrupt(verdict)
            # Until the check is done, the pure-Python reader: slower, but it raises where the C one crashes.
            mode = maxminddb.MODE_MMAP if verdict is _PENDING else maxminddb.MODE_AUTO
            reader = maxminddb.open_database(self.path, mode)
            if verdict is not _PENDING and _signature(self.path) != signature:
                # Replaced between the stat and the open: the C reader may hold a version nobody
                # checked. The pure-Python one until the next refresh opens (and checks) the new file.
                reader, verdict = maxminddb.open_database(self.path, maxminddb.MODE_MMAP), _PENDING
            self.ip_version = int(reader.metadata().ip_version)
        except Exception as exc:  # corrupt files raise several exception types
            self._warn(f"open:{signature}", "SignupGuard cannot open %s database %s: %s", self.kind, self.path, exc)
            return True
        self._warned.clear()
        self.reader, self.provisional = reader, verdict is _PENDING
        return True

    def _settle(self, signature: Any) -> bool:
        """Once the file's check is done: the C reader, or none for a corrupt file (True: forget its answers)."""
        verdict = _verdict(self.path, signature)
        if verdict is _PENDING:
            return False
        self.provisional = False
        try:
            if verdict is not None:
                raise mmdb_structure.Corrupt(verdict)
            reader = maxminddb.open_database(self.path, maxminddb.MODE_AUTO)
        except Exception as exc:  # noqa: BLE001 - replaced or damaged since: as a failed open
            self.reader, self._networks = None, {}
            self._warn(f"open:{signature}", "SignupGuard cannot open %s database %s: %s", self.kind, self.path, exc)
            return True
        if _signature(self.path) != signature:
            return False  # replaced while being checked: the next refresh opens (and checks) the new file
        self.reader = reader  # the same records, read faster: the cached answers stand
        return False

    def get(self, version: int, text: str, blocks: tuple[tuple[int, int], ...]) -> tuple[Any, int]:
        """(extracted record or None, prefix length it holds for) of the address ``text``.

        ``blocks`` are the (prefix length, block) keys of the address, widest
        first (see ``_blocks``). A record whose network covers a whole block is
        cached under that block, so one decode serves every address in it. The
        prefix length tells the caller how far the answer carries: 0 when no
        file can answer, 128 after a read error (nothing may be cached).
        """
        reader = self.reader
        if reader is None or (version == 6 and self.ip_version == 4):
            return None, 0
        networks = self._networks
        for key in blocks:
            value = networks.get(key, _MISSING)
            if value is not _MISSING:
                return value, key[0]
        try:
            # Text, not an object: the C reader would call the slow .packed property.
            record, prefix_len = reader.get_with_prefix_len(text)
            value = self.extract(record) if isinstance(record, dict) else None
        except Exception as exc:  # corrupt data raises several exception types
            self._warn("read", "SignupGuard could not read %s from %s database %s: %s", text, self.kind, self.path, exc)
            return None, 128
        for key in blocks:
            if prefix_len <= key[0]:
                if len(networks) >= NETWORK_CACHE_SIZE:
                    networks.clear()
                networks[key] = value
                break
        return value, prefix_len


def _blocks(version: int, value: int) -> tuple[tuple[int, int], ...]:
    """(prefix length, address >> host bits) for the cache levels of the address, widest first."""
    if version == 4:
        return (16, value >> 16), (24, value >> 8)
    return (32, value >> 96), (48, value >> 80), (64, value >> 64)


_MAPPED = bytes(10) + b"\xff\xff"  # ::ffff:0:0/96, IPv4-mapped IPv6


def _packed(text: str) -> tuple[int, bytes] | None:
    """(version, packed bytes) of the address, IPv4-mapped IPv6 as IPv4; None if it is none.

    inet_pton first: it is C, where ipaddress's parser is slow. What it
    refuses but ipaddress accepts (a zone: fe80::1%eth0) is read by ipaddress,
    without the zone, which is not part of the address.
    """
    try:
        if ":" not in text:
            return 4, socket.inet_pton(socket.AF_INET, text)
        version, packed = 6, socket.inet_pton(socket.AF_INET6, text)
    except (OSError, ValueError):
        try:
            parsed = ipaddress.ip_address(text)
        except ValueError:
            return None
        version, packed = parsed.version, parsed.packed
    if version == 6 and packed[:12] == _MAPPED:
        return 4, packed[12:]
    return version, packed


def _address_fields(ip_text: str) -> tuple[dict[str, Any], int, int] | None:
    """({address, version, prefix, prefix_wide}, version, integer value) of the address, or None."""
    found = _packed(ip_text)
    if found is None:
        return None
    version, packed = found
    value = int.from_bytes(packed)
    if version == 6 and not any(packed[:12]):
        text = str(ipaddress.IPv6Address(value))  # inet_ntop writes ::/96 as ::a.b.c.d, ipaddress does not
    else:
        text = socket.inet_ntop(socket.AF_INET if version == 4 else socket.AF_INET6, packed)
    prefix, prefix_wide = prefixes_of(version, value)
    return {"address": text, "version": version, "prefix": prefix, "prefix_wide": prefix_wide}, version, value


class GeoDatabases:
    """The MaxMind readers of one process, and the ``IPInfo`` they produce."""

    def __init__(
        self,
        *,
        asn_path: str | os.PathLike[str] | None = None,
        city_path: str | os.PathLike[str] | None = None,
        anonymous_path: str | os.PathLike[str] | None = None,
        connection_type_path: str | os.PathLike[str] | None = None,
        classifier: NetworkClassifier | None = None,
        reload_interval: float = 1.0,
    ) -> None:
        def database(path: Any, kind: str) -> _Database | None:
            try:
                return _Database(os.fspath(path), kind) if path else None
            except TypeError:  # not a path (a number, a list): check E001 says so; every scoring task raised
                return None

        self.asn = database(asn_path, "asn")
        self.city = database(city_path, "city")
        self.anonymous = database(anonymous_path, "anonymous")
        self.connection_type = database(connection_type_path, "connection_type")
        self._databases = [db for db in (self.asn, self.city, self.anonymous, self.connection_type) if db]
        self.classifier = classifier if classifier is not None else NetworkClassifier()
        self.reload_interval = reload_interval
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._cached = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_fields)
        self._block_fields: dict[tuple[int, int], dict[str, Any]] = {}  # narrowest block -> network fields

    @classmethod
    def from_settings(cls) -> "GeoDatabases":
        """Readers for the ``GEOIP_*`` settings and a classifier with the ``EXTRA_*`` ASNs."""
        from signupguard.conf import sg_settings

        return cls(
            asn_path=sg_settings.GEOIP_ASN,
            city_path=sg_settings.GEOIP_CITY,
            anonymous_path=sg_settings.GEOIP_ANONYMOUS,
            connection_type_path=sg_settings.GEOIP_CONNECTION_TYPE,
            classifier=NetworkClassifier.from_settings(),
        )

    def refresh(self) -> None:
        """Stat every file now and reopen the changed ones (lookup does this once a second)."""
        with self._lock:
            self._next_check = time.monotonic() + self.reload_interval
            changed = [db.refresh() for db in self._databases]
        if any(changed):
            self._cached.cache_clear()
            self._block_fields = {}

    def lookup(self, ip_text: str) -> IPInfo:
        """Everything known about the address; unknowns (never an exception) otherwise."""
        if time.monotonic() >= self._next_check:
            self.refresh()
        if not isinstance(ip_text, str) or len(ip_text) > MAX_IP_TEXT:
            return IPInfo()
        return IPInfo(**self._cached(ip_text))

    def _lookup_fields(self, ip_text: str) -> dict[str, Any]:
        found = _address_fields(ip_text.strip())
        if found is None:
            return {}
        fields, version, value = found
        if is_private_value(version, value):
            fields["is_private"] = True  # loopback, RFC 1918, CGNAT, link-local ...: in no database
            return fields
        key = _blocks(version, value)
        # Most addresses are seen once, but their /24 or /64 is not: what the
        # databases say about a block every record covers is kept per block.
        narrow = key[-1]
        network = self._block_fields.get(narrow)
        if network is None:
            network, reach = self._network_fields(version, fields["address"], key)
            if reach <= narrow[0]:
                if len(self._block_fields) >= NETWORK_CACHE_SIZE:
                    self._block_fields.clear()
                self._block_fields[narrow] = network
        fields.update(network)
        return fields

    def _network_fields(
        self, version: int, text: str, key: tuple[tuple[int, int], ...]
    ) -> tuple[dict[str, Any], int]:
        """What the databases say about the address, and the longest prefix any answer holds for."""
        fields: dict[str, Any] = {}
        reach = 0
        asn, orgs, connection_type = None, (), None
        if self.asn:
            found, length = self.asn.get(version, text, key)
            reach = max(reach, length)
            if found:
                asn, orgs, mobile = found
                fields["asn"] = asn
                fields["as_org"] = orgs[0] if orgs else None
                connection_type = "Cellular" if mobile else None
        if self.city:
            found, length = self.city.get(version, text, key)
            reach = max(reach, length)
            if found:
                fields["country"], fields["geo_timezone"] = found
        anonymous = None
        if self.anonymous:
            anonymous, length = self.anonymous.get(version, text, key)
            reach = max(reach, length)
            if anonymous:
                fields.update(zip(_ANONYMOUS_FIELDS, anonymous))
        if self.connection_type:
            found, length = self.connection_type.get(version, text, key)
            reach = max(reach, length)
            if found:
                connection_type = found
        fields["network_kind"] = self.classifier.classify(
            asn=asn,
            org_names=orgs,
            anonymous=dict(zip(_ANONYMOUS_FLAGS, anonymous)) if anonymous else None,
            connection_type=connection_type,
        )
        return fields, reach


@dataclass(frozen=True, slots=True)
class DatabaseProblem:
    """One finding of ``check_database``: ``code`` is the check id suffix (E001 ...)."""

    code: str
    setting: str
    path: str
    message: str
    hint: str


def check_database(path: Any, kind: str) -> DatabaseProblem | None:
    """Validate one configured file: present, a MaxMind DB that reads, of the right type."""
    setting = DATABASE_KINDS[kind][0]
    try:
        text = os.fspath(path)
    except TypeError:
        return DatabaseProblem("E001", setting, repr(path), f"SIGNUPGUARD['{setting}'] is not a path.",
                               "Set it to the path of a .mmdb file, or to None.")
    if not os.path.isfile(text) or not os.access(text, os.R_OK):
        what = ("is a directory, not a .mmdb file" if os.path.isdir(text)
                else "is not readable" if os.path.exists(text) else "does not exist")
        return DatabaseProblem("E001", setting, text, f"SIGNUPGUARD['{setting}'] file {text} {what}.",
                               "Download the database (geoipupdate) or fix the path or its permissions; "
                               f"or leave {setting} unset until the file exists: SignupGuard then scores "
                               "without it (network and location signals unknown).")
    reader = None
    try:
        problem = _checked(text, _signature(text))
        if problem is not None:
            raise mmdb_structure.Corrupt(problem)
        reader = maxminddb.open_database(text, maxminddb.MODE_AUTO)
        metadata = reader.metadata()
        database_type, ip_version = metadata.database_type, int(metadata.ip_version)
        for probe in PROBE_ADDRESSES:
            if ip_version == 4 and ":" in probe:
                continue
            reader.get(probe)
    except Exception as exc:
        return DatabaseProblem("E002", setting, text, f"SIGNUPGUARD['{setting}'] file {text} is not a valid MaxMind DB: {exc}",
                               "Download the database again; replace it atomically (write, then rename).")
    finally:
        if reader is not None:
            try:
                reader.close()
            except Exception:
                pass
    if not database_type_matches(kind, database_type):
        expected = " or ".join(DATABASE_KINDS[kind][1])
        return DatabaseProblem("E003", setting, text,
                               f"SIGNUPGUARD['{setting}'] file {text} is a {database_type!r} database, expected {expected}.",
                               "Point each GEOIP_* setting at the matching MaxMind database.")
    return None


def configured_paths() -> dict[str, Any]:
    """kind → the ``GEOIP_*`` setting's value, as configured (None, a path, or anything else)."""
    from signupguard.conf import sg_settings

    return {kind: sg_settings.get(setting) for kind, (setting, _) in DATABASE_KINDS.items()}


def check_databases(paths: dict[str, Any] | None = None) -> list[DatabaseProblem]:
    """Problems of the configured databases; ``paths`` maps kind → path (default: settings)."""
    if paths is None:
        paths = configured_paths()
    problems = [check_database(path, kind) for kind, path in paths.items() if path]
    return [problem for problem in problems if problem is not None]

