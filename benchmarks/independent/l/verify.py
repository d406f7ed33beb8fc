"""Check a generated directory.

    python verify.py DIR [--schema PATH]

* every line of DIR/events.jsonl validates against signup-event.schema.json
  (a small hand-written validator for the keywords the schema uses), plus the
  generator's own keys: "label" (legit|fraud) and "campaign" (snake_case);
* event_ids are unique and events are in time order;
* every IP resolves in DIR/GeoLite2-ASN.mmdb (number + organisation) and in
  DIR/GeoLite2-City.mmdb (country, city, location with coordinates, radius and
  time zone), and both files carry the right database_type.
Exit status 0 when clean, 1 otherwise.
"""
import argparse
import collections
import ipaddress
import json
import os
import re
import sys

import maxminddb

DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared",
                              "contracts", "signup-event.schema.json")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
CAMPAIGN = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def _is_type(v, t):
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t == "null":
        return v is None
    return isinstance(v, TYPES[t])


def validate(v, s, path, errs):
    """the subset of JSON Schema 2020-12 used by the contract"""
    if "type" in s:
        ts = s["type"] if isinstance(s["type"], list) else [s["type"]]
        if not any(_is_type(v, t) for t in ts):
            errs.append("%s: expected %s" % (path, "/".join(ts)))
            return
    if "enum" in s and v not in s["enum"]:
        errs.append("%s: %r not in %s" % (path, v, s["enum"]))
    if "const" in s and v != s["const"]:
        errs.append("%s: not const" % path)
    if isinstance(v, str):
        if "minLength" in s and len(v) < s["minLength"]:
            errs.append("%s: shorter than %d" % (path, s["minLength"]))
        if "maxLength" in s and len(v) > s["maxLength"]:
            errs.append("%s: longer than %d" % (path, s["maxLength"]))
        if s.get("format") == "date-time" and not DATE_TIME.match(v):
            errs.append("%s: not an RFC 3339 date-time" % path)
        if "pattern" in s and not re.search(s["pattern"], v):
            errs.append("%s: does not match pattern" % path)
    if isinstance(v, dict):
        for k in s.get("required", []):
            if k not in v:
                errs.append("%s: missing %s" % (path, k))
        props = s.get("properties", {})
        for k, x in v.items():
            if k in props:
                validate(x, props[k], "%s.%s" % (path, k), errs)
            else:
                ap = s.get("additionalProperties", True)
                if ap is False:
                    errs.append("%s: unexpected key %s" % (path, k))
                elif isinstance(ap, dict):
                    validate(x, ap, "%s.%s" % (path, k), errs)
    if isinstance(v, list) and "items" in s:
        for i, x in enumerate(v):
            validate(x, s["items"], "%s[%d]" % (path, i), errs)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--schema", default=None, help="path of signup-event.schema.json")
    args = ap.parse_args(argv)
    schema_path = args.schema or DEFAULT_SCHEMA
    if not os.path.exists(schema_path):
        print("schema not found: %s (pass --schema PATH)" % os.path.normpath(schema_path))
        return 2
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    asn_db = maxminddb.open_database(os.path.join(args.dir, "GeoLite2-ASN.mmdb"))
    city_db = maxminddb.open_database(os.path.join(args.dir, "GeoLite2-City.mmdb"))
    problems = []
    if asn_db.metadata().database_type != "GeoLite2-ASN":
        problems.append("ASN database_type is %s" % asn_db.metadata().database_type)
    if city_db.metadata().database_type != "GeoLite2-City":
        problems.append("City database_type is %s" % city_db.metadata().database_type)
    ids = set()
    n = 0
    last = ""
    kinds = collections.Counter()
    labels = collections.Counter()
    v6 = 0
    asns = set()
    ip_cache = {}
    bad_lines = 0
    with open(os.path.join(args.dir, "events.jsonl"), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            n += 1
            errs = []
            try:
                e = json.loads(line)
            except ValueError as ex:
                problems.append("line %d: not JSON (%s)" % (lineno, ex))
                bad_lines += 1
                continue
            validate(e, schema, "$", errs)
            if e.get("label") not in ("legit", "fraud"):
                errs.append("label missing or invalid")
            if not isinstance(e.get("campaign"), str) or not CAMPAIGN.match(e["campaign"]):
                errs.append("campaign missing or not snake_case")
            eid = e.get("event_id")
            if eid in ids:
                errs.append("duplicate event_id %s" % eid)
            ids.add(eid)
            ts = e.get("occurred_at", "")
            if ts < last:
                errs.append("out of time order")
            last = max(last, ts)
            ip = e.get("ip", "")
            if ip not in ip_cache:
                msg = None
                try:
                    ver = ipaddress.ip_address(ip).version
                except ValueError:
                    msg, ver = "malformed ip %r" % ip, 0
                if msg is None:
                    a = asn_db.get(ip)
                    c = city_db.get(ip)
                    if not a or not isinstance(a.get("autonomous_system_number"), int) or not a.get("autonomous_system_organization"):
                        msg = "ip %s not in ASN db" % ip
                    elif not c or not c.get("country", {}).get("iso_code"):
                        msg = "ip %s has no country" % ip
                    elif not c.get("city", {}).get("names", {}).get("en"):
                        msg = "ip %s has no city" % ip
                    else:
                        loc = c.get("location", {})
                        if not all(k in loc for k in ("latitude", "longitude", "accuracy_radius", "time_zone")):
                            msg = "ip %s has an incomplete location" % ip
                    if a:
                        asns.add(a.get("autonomous_system_number"))
                ip_cache[ip] = (msg, ver)
            msg, ver = ip_cache[ip]
            if msg:
                errs.append(msg)
            if ver == 6:
                v6 += 1
            kinds[(e.get("label"), e.get("kind"))] += 1
            if errs:
                bad_lines += 1
                if len(problems) < 50:
                    problems.append("line %d (%s): %s" % (lineno, eid, "; ".join(errs[:5])))
    print("%d events, %d bad; unique ids %d; IPv6 share %.3f; distinct ASNs seen %d" % (n, bad_lines, len(ids), v6 / max(n, 1), len(asns)))
    print("by label/kind: " + ", ".join("%s/%s=%d" % (k[0], k[1], v) for k, v in sorted(kinds.items())))
    for p in problems:
        print("PROBLEM", p)
    if problems:
        print("FAILED")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
