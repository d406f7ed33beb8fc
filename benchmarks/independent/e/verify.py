#!/usr/bin/env python3
"""verify.py DIR: every line of DIR/events.jsonl is valid against the event schema
(if the schema file exists) and every event IP resolves in both DIR/*.mmdb."""
import collections
import json
import os
import re
import sys

# The contract's schema, in the shared/ directory beside the project's checkout.
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4, "shared", "contracts",
                      "signup-event.schema.json")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float), "integer": int}


class _Err:
    def __init__(self, message):
        self.message = message


class MiniValidator:
    """The subset of JSON Schema 2020-12 the event schema uses: type, required, enum,
    properties, additionalProperties, items, minLength, maxLength, format date-time."""

    def __init__(self, schema):
        self.schema = schema

    def iter_errors(self, inst, sch=None, path="$"):
        sch = self.schema if sch is None else sch
        t = sch.get("type")
        if t:
            py = TYPES[t]
            ok = isinstance(inst, py) and not (t in ("integer", "number") and isinstance(inst, bool))
            if t == "integer" and isinstance(inst, float) and inst.is_integer():
                ok = True
            if not ok:
                yield _Err(f"{path}: {inst!r} is not of type {t}")
                return
        if "enum" in sch and inst not in sch["enum"]:
            yield _Err(f"{path}: {inst!r} is not one of {sch['enum']}")
        if isinstance(inst, str):
            if len(inst) < sch.get("minLength", 0):
                yield _Err(f"{path}: too short")
            if "maxLength" in sch and len(inst) > sch["maxLength"]:
                yield _Err(f"{path}: too long")
            if sch.get("format") == "date-time" and not RFC3339.match(inst):
                yield _Err(f"{path}: {inst!r} is not a date-time")
        if isinstance(inst, dict):
            for k in sch.get("required", []):
                if k not in inst:
                    yield _Err(f"{path}: {k!r} is a required property")
            props = sch.get("properties", {})
            addl = sch.get("additionalProperties", True)
            for k, v in inst.items():
                if k in props:
                    yield from self.iter_errors(v, props[k], f"{path}.{k}")
                elif addl is False:
                    yield _Err(f"{path}: additional property {k!r}")
                elif isinstance(addl, dict):
                    yield from self.iter_errors(v, addl, f"{path}.{k}")
        if isinstance(inst, list) and "items" in sch:
            for i, v in enumerate(inst):
                yield from self.iter_errors(v, sch["items"], f"{path}[{i}]")


def main():
    if len(sys.argv) != 2:
        print("usage: verify.py DIR", file=sys.stderr)
        return 2
    d = sys.argv[1]
    import maxminddb
    validator = None
    if os.path.exists(SCHEMA):
        with open(SCHEMA) as f:
            schema = json.load(f)
        try:
            import jsonschema
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
            print("schema check: jsonschema", getattr(cls, "__name__", ""))
        except ImportError:
            validator = MiniValidator(schema)
            print("schema check: built-in subset validator (jsonschema not installed in this interpreter)")
    else:
        print(f"schema {SCHEMA} absent: schema check skipped")
    asn_db = maxminddb.open_database(os.path.join(d, "GeoLite2-ASN.mmdb"))
    city_db = maxminddb.open_database(os.path.join(d, "GeoLite2-City.mmdb"))
    for db, want in ((asn_db, "GeoLite2-ASN"), (city_db, "GeoLite2-City")):
        md = db.metadata()
        assert md.database_type == want and md.ip_version == 6, (md.database_type, md.ip_version)
    errors = collections.Counter()
    examples = {}
    n = 0
    cache = {}
    labels = collections.Counter()
    prev = ""
    ids = set()
    with open(os.path.join(d, "events.jsonl"), encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            n += 1
            try:
                ev = json.loads(line)
            except ValueError as e:
                errors["json"] += 1
                examples.setdefault("json", (ln, str(e)))
                continue
            if validator is not None:
                for e in validator.iter_errors(ev):
                    errors["schema"] += 1
                    examples.setdefault("schema", (ln, e.message))
            if ev.get("label") not in ("legit", "fraud") or not ev.get("campaign"):
                errors["label/campaign"] += 1
                examples.setdefault("label/campaign", (ln, ev.get("event_id")))
            if ev["occurred_at"] < prev:
                errors["order"] += 1
                examples.setdefault("order", (ln, ev["occurred_at"]))
            prev = ev["occurred_at"]
            if ev["event_id"] in ids:
                errors["dup id"] += 1
            ids.add(ev["event_id"])
            ip = ev["ip"]
            if ip not in cache:
                a = asn_db.get(ip)
                c = city_db.get(ip)
                ok_a = bool(a and a.get("autonomous_system_number") and a.get("autonomous_system_organization"))
                ok_c = bool(c and c.get("country", {}).get("iso_code") and c.get("location"))
                cache[ip] = (ok_a, ok_c)
            ok_a, ok_c = cache[ip]
            if not ok_a:
                errors["ip not in ASN db"] += 1
                examples.setdefault("ip not in ASN db", (ln, ip))
            if not ok_c:
                errors["ip not in City db"] += 1
                examples.setdefault("ip not in City db", (ln, ip))
            labels[(ev.get("label"), ev.get("kind"))] += 1
    print(f"{n} events, {len(cache)} distinct IPs; " + ", ".join(f"{k[0]} {k[1]}: {v}" for k, v in sorted(labels.items())))
    if errors:
        for k, v in errors.items():
            print(f"FAIL {k}: {v} (first: line {examples.get(k)})")
        return 1
    print("OK: all lines valid" + (" against the schema" if validator else "") + ", all IPs resolve in both databases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
