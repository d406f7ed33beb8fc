#!/usr/bin/env python3
"""Checks an output directory of gen.py.

  python3 verify.py DIR schema     (needs jsonschema)   validates every line against the event schema
  python  verify.py DIR ips        (needs maxminddb)    every event IP resolves in both databases
"""
import json
import os
import sys

# The contract's schema, in the shared/ directory beside the project's checkout.
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4, "shared", "contracts",
                      "signup-event.schema.json")


def check_schema(d):
    import jsonschema
    from jsonschema import Draft202012Validator, FormatChecker
    schema = json.load(open(SCHEMA))
    v = Draft202012Validator(schema, format_checker=FormatChecker())
    bad = n = 0
    last = ""
    unordered = 0
    extra = set()
    for i, line in enumerate(open(d + "/events.jsonl", encoding="utf-8"), 1):
        ev = json.loads(line)
        n += 1
        errs = list(v.iter_errors(ev))
        if ev.get("label") not in ("legit", "fraud") or not isinstance(ev.get("campaign"), str) or not ev["campaign"].startswith(ev["label"] + ":"):
            errs.append("label/campaign")
        if ev["occurred_at"] < last:
            unordered += 1
        last = ev["occurred_at"]
        if errs:
            bad += 1
            if bad < 5:
                print("line", i, errs[:3])
    print("schema: %d lines, %d invalid, %d out of order" % (n, bad, unordered))
    return bad == 0 and unordered == 0


def check_ips(d):
    import maxminddb
    ra = maxminddb.open_database(d + "/GeoLite2-ASN.mmdb")
    rc = maxminddb.open_database(d + "/GeoLite2-City.mmdb")
    print("metadata:", ra.metadata().database_type, rc.metadata().database_type)
    ips = set()
    for line in open(d + "/events.jsonl", encoding="utf-8"):
        ips.add(json.loads(line)["ip"])
    miss_a = miss_c = v6 = 0
    for ip in ips:
        if ":" in ip:
            v6 += 1
        a = ra.get(ip)
        c = rc.get(ip)
        if not a or "autonomous_system_number" not in a:
            miss_a += 1
        if not c or "country" not in c or "location" not in c:
            miss_c += 1
    print("ips: %d distinct (%d IPv6); unresolved ASN %d, unresolved City %d" % (len(ips), v6, miss_a, miss_c))
    return miss_a == 0 and miss_c == 0


if __name__ == "__main__":
    d, what = sys.argv[1], sys.argv[2]
    ok = check_schema(d) if what == "schema" else check_ips(d)
    sys.exit(0 if ok else 1)
