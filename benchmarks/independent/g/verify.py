#!/usr/bin/env python3
"""Check a generated Kanvas directory.

    verify.py DIR [--schema PATH]

* every line of DIR/events.jsonl is valid against the signup-event schema
  (a small Draft 2020-12 validator for the keywords the schema uses; the
  `jsonschema` package is used as well when it is installed);
* every line carries label (legit/fraud) and a campaign string; logins carry
  `success`, signups do not;
* lines are sorted by occurred_at, event ids are unique;
* every IP resolves in both DIR/GeoLite2-ASN.mmdb and DIR/GeoLite2-City.mmdb,
  to records shaped like MaxMind's.
Exit status 0 when everything holds, 1 otherwise.
"""
import argparse
import collections
import ipaddress
import re
import sys
from datetime import datetime

import maxminddb
import orjson

DEFAULT_SCHEMA = "/work/shared/contracts/signup-event.schema.json"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
TYPES = {"object": dict, "array": list, "string": str}


def _type_ok(v, t):
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t == "boolean":
        return isinstance(v, bool)
    if t == "null":
        return v is None
    return isinstance(v, TYPES[t])


def validate(v, s, path="$"):
    errs = []
    if "type" in s:
        ts = s["type"] if isinstance(s["type"], list) else [s["type"]]
        if not any(_type_ok(v, t) for t in ts):
            return [f"{path}: expected {s['type']}, got {type(v).__name__}"]
    if "enum" in s and v not in s["enum"]:
        errs.append(f"{path}: {v!r} not in {s['enum']}")
    if isinstance(v, str):
        if "minLength" in s and len(v) < s["minLength"]:
            errs.append(f"{path}: shorter than {s['minLength']}")
        if "maxLength" in s and len(v) > s["maxLength"]:
            errs.append(f"{path}: longer than {s['maxLength']}")
        if s.get("format") == "date-time" and not RFC3339.match(v):
            errs.append(f"{path}: not an RFC 3339 date-time")
    if isinstance(v, dict):
        for k in s.get("required", []):
            if k not in v:
                errs.append(f"{path}: missing {k}")
        props = s.get("properties", {})
        for k, x in v.items():
            if k in props:
                errs += validate(x, props[k], f"{path}.{k}")
            else:
                ap = s.get("additionalProperties", True)
                if ap is False:
                    errs.append(f"{path}: unexpected {k}")
                elif isinstance(ap, dict):
                    errs += validate(x, ap, f"{path}.{k}")
    if isinstance(v, list) and "items" in s:
        for i, x in enumerate(v):
            errs += validate(x, s["items"], f"{path}[{i}]")
    return errs


def parse_ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--schema", default=DEFAULT_SCHEMA)
    a = ap.parse_args(argv)
    schema = orjson.loads(open(a.schema, "rb").read())
    try:
        import jsonschema
        jv = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    except Exception:  # not installed: the built-in validator does the job
        jv = None
    asn_db = maxminddb.open_database(f"{a.dir}/GeoLite2-ASN.mmdb")
    city_db = maxminddb.open_database(f"{a.dir}/GeoLite2-City.mmdb")
    errors = []
    meta = (asn_db.metadata().database_type, city_db.metadata().database_type)
    if meta != ("GeoLite2-ASN", "GeoLite2-City"):
        errors.append(f"database types {meta}")
    ids = set()
    prev = None
    counts = collections.Counter()
    kinds = collections.Counter()
    ip_cache = {}
    v6 = 0
    failed = 0
    first = last = None
    n = 0
    with open(f"{a.dir}/events.jsonl", "rb") as fh:
        for ln, line in enumerate(fh, 1):
            n += 1
            try:
                e = orjson.loads(line)
            except orjson.JSONDecodeError as ex:
                errors.append(f"line {ln}: not JSON ({ex})")
                continue
            errs = validate(e, schema)
            if jv is not None:
                errs += [f"$: {x.message}" for x in jv.iter_errors(e)]
            if e.get("label") not in ("legit", "fraud"):
                errs.append("label missing or wrong")
            if not isinstance(e.get("campaign"), str) or not e.get("campaign"):
                errs.append("campaign missing")
            if e.get("kind") == "login" and not isinstance(e.get("success"), bool):
                errs.append("login without success")
            if e.get("kind") == "signup" and "success" in e:
                errs.append("signup with success")
            eid = e.get("event_id")
            if eid in ids:
                errs.append(f"duplicate event_id {eid}")
            ids.add(eid)
            try:
                ts = parse_ts(e["occurred_at"])
                if prev is not None and ts < prev:
                    errs.append("not sorted by occurred_at")
                prev = ts
                first = first or ts
                last = ts
            except Exception as ex:
                errs.append(f"bad occurred_at ({ex})")
            ip = e.get("ip")
            if ip not in ip_cache:
                try:
                    addr = ipaddress.ip_address(ip)
                    ar, cr = asn_db.get(ip), city_db.get(ip)
                    bad = []
                    if not ar or not isinstance(ar.get("autonomous_system_number"), int) or \
                            not ar.get("autonomous_system_organization"):
                        bad.append("no ASN record")
                    if not cr or "country" not in cr or "time_zone" not in cr.get("location", {}) or \
                            "en" not in cr["country"].get("names", {}):
                        bad.append("no City record")
                    if addr.is_private or addr.is_reserved or addr.is_loopback or addr.is_multicast:
                        bad.append("non-public address")
                    ip_cache[ip] = (bad, addr.version)
                except ValueError:
                    ip_cache[ip] = (["malformed"], 0)
            bad, ver = ip_cache[ip]
            v6 += ver == 6
            errs += [f"ip {ip}: {b}" for b in bad]
            for x in errs:
                errors.append(f"line {ln}: {x}")
            counts[(e.get("label"), e.get("campaign"))] += 1
            kinds[(e.get("kind"), e.get("label"))] += 1
            failed += e.get("success") is False
    print(f"{n} events, {len(ids)} unique ids, {len(ip_cache)} distinct IPs ({v6} events over IPv6)")
    print(f"span {first.isoformat()} .. {last.isoformat()} ({(last - first).total_seconds() / 86400:.1f} days)")
    for (kind, label), c in sorted(kinds.items()):
        print(f"  {kind:6s} {label:5s} {c}")
    sf, sl = kinds[("signup", "fraud")], kinds[("signup", "legit")]
    print(f"fraud share of signups: {sf / max(1, sf + sl):.1%}; failed logins: {failed}")
    for (label, camp), c in sorted(counts.items()):
        print(f"  {label:5s} {camp:30s} {c}")
    if errors:
        print(f"FAILED: {len(errors)} problems", file=sys.stderr)
        for x in errors[:40]:
            print("  " + x, file=sys.stderr)
        return 1
    print("OK: schema, labels, order, unique ids, every IP in both databases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
