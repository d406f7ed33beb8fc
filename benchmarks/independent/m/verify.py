"""verify.py DIR: check DIR/events.jsonl against the signup-event contract and that every IP resolves
in DIR/GeoLite2-ASN.mmdb and DIR/GeoLite2-City.mmdb.

Uses jsonschema when it is installed; otherwise an own checker that implements the subset of JSON
Schema 2020-12 the contract uses (type, required, enum, minLength, maxLength, properties,
additionalProperties, items, format date-time)."""
import collections
import ipaddress
import json
import os
import re
import sys
from datetime import datetime

import maxminddb

# The contract beside the repository (../shared/contracts), where the project keeps it.
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "contracts",
                      "signup-event.schema.json")
TYPES = {"string": str, "object": dict, "array": list, "boolean": bool, "number": (int, float), "integer": int}
DT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def check(node, schema, path, errs):
    t = schema.get("type")
    if t:
        py = TYPES[t]
        ok = isinstance(node, py) and not (t in ("integer", "number") and isinstance(node, bool))
        if not ok:
            errs.append(f"{path}: expected {t}, got {type(node).__name__}")
            return
    if "enum" in schema and node not in schema["enum"]:
        errs.append(f"{path}: {node!r} not in {schema['enum']}")
    if isinstance(node, str):
        if len(node) < schema.get("minLength", 0):
            errs.append(f"{path}: shorter than minLength")
        if "maxLength" in schema and len(node) > schema["maxLength"]:
            errs.append(f"{path}: longer than maxLength")
        if schema.get("format") == "date-time":
            if not DT.match(node):
                errs.append(f"{path}: not an RFC 3339 date-time: {node!r}")
            else:
                try:
                    datetime.fromisoformat(node.replace("Z", "+00:00"))
                except ValueError:
                    errs.append(f"{path}: invalid date-time {node!r}")
    if isinstance(node, dict):
        for r in schema.get("required", []):
            if r not in node:
                errs.append(f"{path}: missing required {r}")
        props = schema.get("properties", {})
        addl = schema.get("additionalProperties", True)
        for k, v in node.items():
            if k in props:
                check(v, props[k], f"{path}.{k}", errs)
            elif addl is False:
                errs.append(f"{path}: additional property {k}")
            elif isinstance(addl, dict):
                check(v, addl, f"{path}.{k}", errs)
    if isinstance(node, list) and "items" in schema:
        for i, v in enumerate(node):
            check(v, schema["items"], f"{path}[{i}]", errs)


def main(d):
    schema = json.load(open(SCHEMA))
    try:
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        mode = f"jsonschema {jsonschema.__version__}"
    except ImportError:
        validator = None
        mode = "built-in checker (jsonschema not installed)"
    asn = maxminddb.open_database(os.path.join(d, "GeoLite2-ASN.mmdb"))
    city = maxminddb.open_database(os.path.join(d, "GeoLite2-City.mmdb"))
    print(f"schema check: {mode}")
    print(f"ASN db: {asn.metadata().database_type}, ip_version {asn.metadata().ip_version}, {asn.metadata().node_count} nodes")
    print(f"City db: {city.metadata().database_type}, ip_version {city.metadata().ip_version}, {city.metadata().node_count} nodes")
    bad = 0
    n = 0
    errs_shown = 0
    ips = {}
    extra_errs = collections.Counter()
    prev_t = ""
    ids, accounts_signup = set(), set()
    logins_acc = []
    counts = collections.Counter()
    for ln, line in enumerate(open(os.path.join(d, "events.jsonl")), 1):
        n += 1
        try:
            e = json.loads(line)
        except ValueError as ex:
            bad += 1
            print(f"line {ln}: not JSON: {ex}")
            continue
        if validator is not None:
            errs = [f"{'/'.join(map(str, x.path))}: {x.message}" for x in validator.iter_errors(e)]
        else:
            errs = []
            check(e, schema, "$", errs)
        if e.get("label") not in ("legit", "fraud"):
            errs.append("label missing")
        if not isinstance(e.get("campaign"), str):
            errs.append("campaign missing")
        if errs:
            bad += 1
            if errs_shown < 20:
                print(f"line {ln}: {errs[:3]}")
                errs_shown += 1
        if e["occurred_at"] < prev_t:
            extra_errs["not sorted by occurred_at"] += 1
        prev_t = e["occurred_at"]
        if e["event_id"] in ids:
            extra_errs["duplicate event_id"] += 1
        ids.add(e["event_id"])
        if e["kind"] == "signup":
            if e.get("account") in accounts_signup:
                extra_errs["duplicate signup account"] += 1
            accounts_signup.add(e.get("account"))
        elif e.get("account"):
            logins_acc.append((e["account"], ln))
        ips[e["ip"]] = ln
        counts[(e["kind"], e["label"])] += 1
    # a login of an account created in this file must come after its signup
    signup_line = {}
    for ln2, line in enumerate(open(os.path.join(d, "events.jsonl")), 1):
        if '"kind":"signup"' in line:
            signup_line.setdefault(json.loads(line).get("account"), ln2)
    for acc, ln2 in logins_acc:
        if acc in signup_line and signup_line[acc] > ln2:
            extra_errs["login before its account's signup"] += 1
    unresolved_asn = unresolved_city = 0
    fam = collections.Counter()
    for ip, ln in ips.items():
        fam[ipaddress.ip_address(ip).version] += 1
        a = asn.get(ip)
        c = city.get(ip)
        if not a or "autonomous_system_number" not in a or "autonomous_system_organization" not in a:
            unresolved_asn += 1
            if unresolved_asn < 5:
                print(f"ASN lookup failed for {ip} (line {ln})")
        if not c or "country" not in c or "time_zone" not in c.get("location", {}):
            unresolved_city += 1
            if unresolved_city < 5:
                print(f"City lookup failed for {ip} (line {ln})")
    print(f"lines: {n}, schema-invalid: {bad}")
    print(f"by kind/label: {dict(sorted(counts.items()))}")
    print(f"distinct IPs: {len(ips)} (IPv4 {fam[4]}, IPv6 {fam[6]}); unresolved in ASN db: {unresolved_asn}; unresolved in City db: {unresolved_city}")
    for k, v in extra_errs.items():
        print(f"problem: {k}: {v}")
    ok = bad == 0 and unresolved_asn == 0 and unresolved_city == 0 and not extra_errs
    print("VERIFY OK" if ok else "VERIFY FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
