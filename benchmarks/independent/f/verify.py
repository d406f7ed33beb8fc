"""Check a generated directory: every event against the contract schema, every IP in the databases.

    python verify.py DIR
"""
import datetime as dt
import ipaddress
import json
import os
import sys
from collections import Counter

import maxminddb

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "../../../../shared/contracts/signup-event.schema.json")
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float),
         "integer": int}


def check(value, schema, path, errors):
    """The subset of JSON Schema 2020-12 the contract uses, checked by hand."""
    t = schema.get("type")
    if t:
        ok = isinstance(value, TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
        if not ok:
            errors.append("%s: expected %s" % (path, t))
            return
    if "enum" in schema and value not in schema["enum"]:
        errors.append("%s: %r not in enum" % (path, value))
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 1 << 30):
            errors.append("%s: bad length" % path)
        if schema.get("format") == "date-time":
            try:
                d = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
                assert d.tzinfo is not None and "T" in value
            except Exception:
                errors.append("%s: not an RFC 3339 date-time with offset" % path)
    if isinstance(value, dict):
        for r in schema.get("required", []):
            if r not in value:
                errors.append("%s: missing %s" % (path, r))
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                check(v, props[k], path + "." + k, errors)
            elif extra is False:
                errors.append("%s: unexpected %s" % (path, k))
            elif isinstance(extra, dict):
                check(v, extra, path + "." + k, errors)
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            check(v, schema["items"], "%s[%d]" % (path, i), errors)


def main(d):
    schema = json.load(open(SCHEMA))
    try:
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    except ImportError:
        validator = None
    asn = maxminddb.open_database(os.path.join(d, "GeoLite2-ASN.mmdb"))
    city = maxminddb.open_database(os.path.join(d, "GeoLite2-City.mmdb"))
    problems = []
    for db, kind in ((asn, "GeoLite2-ASN"), (city, "GeoLite2-City")):
        m = db.metadata()
        if m.database_type != kind or m.ip_version != 6:
            problems.append("%s: database_type %s ip_version %s" % (kind, m.database_type, m.ip_version))
    ids, last, counts, n = set(), 0.0, Counter(), 0
    cache = {}
    with open(os.path.join(d, "events.jsonl"), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            n += 1
            ev = json.loads(line)
            errs = []
            if validator is not None:
                errs = [e.message for e in validator.iter_errors(ev)]
            check(ev, schema, "$", errs)
            if ev.get("label") not in ("legit", "fraud") or not ev.get("campaign"):
                errs.append("label/campaign missing")
            if ev["event_id"] in ids:
                errs.append("duplicate event_id")
            ids.add(ev["event_id"])
            t = dt.datetime.fromisoformat(ev["occurred_at"].replace("Z", "+00:00")).timestamp()
            if t < last:
                errs.append("not sorted by occurred_at")
            last = t
            ip = ev["ip"]
            if ip not in cache:
                ipaddress.ip_address(ip)
                a, c = asn.get(ip), city.get(ip)
                cache[ip] = bool(a and a.get("autonomous_system_number") and a.get("autonomous_system_organization")
                                 and c and c.get("country", {}).get("iso_code")
                                 and c.get("location", {}).get("time_zone"))
            if not cache[ip]:
                errs.append("ip %s does not resolve" % ip)
            if ev["kind"] == "login" and "success" not in ev:
                errs.append("login without success")
            for e in errs:
                problems.append("line %d: %s" % (lineno, e))
            counts[(ev["label"], ev["kind"])] += 1
    # IPv4-in-IPv6 aliases as in MaxMind's databases
    some_v4 = next(ip for ip in cache if ":" not in ip)
    for alias in ("::ffff:" + some_v4, "2002:%02x%02x:%02x%02x::1" % tuple(map(int, some_v4.split(".")))):
        if asn.get(alias) != asn.get(some_v4):
            problems.append("alias %s does not resolve like %s" % (alias, some_v4))
    for p in problems[:50]:
        print(p)
    print("%d events, %d distinct IPs, %s" % (n, len(cache), dict(counts)))
    print("OK" if not problems else "%d PROBLEMS" % len(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
