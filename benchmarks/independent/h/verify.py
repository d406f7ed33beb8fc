#!/usr/bin/env python
"""Check a generated directory: schema, order, GeoIP coverage; print segment counts.

    verify.py DIR [--schema PATH]

Exit 0 when every check holds, 1 otherwise.
"""
import argparse
import collections
import datetime
import ipaddress
import json
import os
import sys

import maxminddb

SCHEMA = "/work/shared/contracts/signup-event.schema.json"


# A small validator for the keywords the contract uses, used when the
# `jsonschema` package is not installed.
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float), "integer": int}


def _type_ok(v, t):
    if t in ("integer", "number") and isinstance(v, bool):
        return False
    return isinstance(v, TYPES[t])


def _datetime_ok(s):
    try:
        datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return "T" in s and (s.endswith("Z") or s[-6] in "+-")
    except ValueError:
        return False


def mini_validate(v, s, path="$"):
    errs = []
    if "type" in s:
        ts = s["type"] if isinstance(s["type"], list) else [s["type"]]
        if not any(_type_ok(v, t) for t in ts):
            return ["%s: expected %s" % (path, s["type"])]
    if "enum" in s and v not in s["enum"]:
        errs.append("%s: %r not in enum" % (path, v))
    if isinstance(v, str):
        if "minLength" in s and len(v) < s["minLength"]:
            errs.append("%s: too short" % path)
        if "maxLength" in s and len(v) > s["maxLength"]:
            errs.append("%s: too long" % path)
        if s.get("format") == "date-time" and not _datetime_ok(v):
            errs.append("%s: not a date-time" % path)
    if isinstance(v, dict):
        for r in s.get("required", []):
            if r not in v:
                errs.append("%s: missing %s" % (path, r))
        props = s.get("properties", {})
        ap = s.get("additionalProperties", True)
        for k, x in v.items():
            if k in props:
                errs += mini_validate(x, props[k], path + "." + k)
            elif ap is False:
                errs.append("%s: unexpected %s" % (path, k))
            elif isinstance(ap, dict):
                errs += mini_validate(x, ap, path + "." + k)
    if isinstance(v, list) and "items" in s:
        for i, x in enumerate(v):
            errs += mini_validate(x, s["items"], "%s[%d]" % (path, i))
    return errs


def make_validator(schema):
    try:
        import jsonschema
        cls = jsonschema.validators.validator_for(schema)
        val = cls(schema, format_checker=cls.FORMAT_CHECKER)
        return "jsonschema %s" % jsonschema.__version__, lambda e: [x.message for x in val.iter_errors(e)]
    except ImportError:
        return "built-in validator (jsonschema not installed)", lambda e: mini_validate(e, schema)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--schema", default=SCHEMA)
    a = ap.parse_args()
    schema = json.load(open(a.schema))
    how, validate = make_validator(schema)
    asn = maxminddb.open_database(os.path.join(a.dir, "GeoLite2-ASN.mmdb"))
    city = maxminddb.open_database(os.path.join(a.dir, "GeoLite2-City.mmdb"))
    problems = collections.Counter()
    examples = {}

    def bad(kind, msg):
        problems[kind] += 1
        examples.setdefault(kind, msg)

    counts = collections.Counter()
    logins = collections.Counter()
    ids = set()
    prev = None
    ips = {}
    n = 0
    with open(os.path.join(a.dir, "events.jsonl"), "rb") as f:
        for ln, line in enumerate(f, 1):
            n += 1
            try:
                e = json.loads(line)
            except ValueError as x:
                bad("json", "line %d: %s" % (ln, x))
                continue
            for m in validate(e):
                bad("schema", "line %d: %s" % (ln, m))
            if e.get("label") not in ("legit", "fraud"):
                bad("label", "line %d" % ln)
            if not e.get("campaign"):
                bad("campaign", "line %d" % ln)
            if e["event_id"] in ids:
                bad("dup-id", "line %d: %s" % (ln, e["event_id"]))
            ids.add(e["event_id"])
            try:
                ts = datetime.datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00"))
                if prev is not None and ts < prev:
                    bad("order", "line %d: %s before previous" % (ln, e["occurred_at"]))
                prev = ts
            except ValueError:
                bad("time", "line %d" % ln)
            ip = e["ip"]
            if ip not in ips:
                ok = True
                try:
                    ipaddress.ip_address(ip)
                    ra, rc = asn.get(ip), city.get(ip)
                    if not ra or "autonomous_system_number" not in ra or "autonomous_system_organization" not in ra:
                        bad("asn", "line %d: %s" % (ln, ip))
                        ok = False
                    if not rc or "country" not in rc or "time_zone" not in rc.get("location", {}) or "accuracy_radius" not in rc.get("location", {}) \
                            or "continent" not in rc:
                        bad("city", "line %d: %s" % (ln, ip))
                        ok = False
                except ValueError:
                    bad("ip", "line %d: %s" % (ln, ip))
                    ok = False
                ips[ip] = ok
            key = (e["label"], e["campaign"])
            if e["kind"] == "signup":
                counts[key] += 1
            else:
                logins[(key, e.get("success"))] += 1
    print("events: %d  distinct IPs: %d  schema check: %s" % (n, len(ips), how))
    print("%-8s %-28s %8s %8s %8s" % ("label", "campaign", "signups", "login_ok", "login_ko"))
    keys = sorted(set(counts) | {k for k, _ in logins})
    tot = collections.Counter()
    for k in keys:
        s, lo, lk = counts[k], logins[(k, True)], logins[(k, False)]
        tot[(k[0], "s")] += s
        tot[(k[0], "l")] += lo + lk
        print("%-8s %-28s %8d %8d %8d" % (k[0], k[1], s, lo, lk))
    ns = tot[("legit", "s")] + tot[("fraud", "s")]
    print("signups: legit %d, fraud %d (%.1f%%); logins: legit %d, fraud %d" % (
        tot[("legit", "s")], tot[("fraud", "s")], 100.0 * tot[("fraud", "s")] / max(1, ns), tot[("legit", "l")], tot[("fraud", "l")]))
    if problems:
        for k, v in sorted(problems.items()):
            print("FAIL %s: %d (e.g. %s)" % (k, v, examples[k]))
        sys.exit(1)
    print("OK: all events valid, sorted, unique ids, every IP resolves in both databases")


if __name__ == "__main__":
    main()
