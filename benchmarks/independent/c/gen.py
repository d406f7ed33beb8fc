#!/usr/bin/env python
"""Labelled signup/login traffic for an AI-API portal, with matching GeoLite2-shaped databases.

    python gen.py --out DIR [--seed N]

Writes DIR/events.jsonl, DIR/GeoLite2-ASN.mmdb, DIR/GeoLite2-City.mmdb and prints a summary.
"""
import argparse
import collections
import json
import os
import re
import sys
import time
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import fraud as F  # noqa: E402
import legit as L  # noqa: E402
from netmodel import NetModel  # noqa: E402
from people import People  # noqa: E402

DEFAULT_SEED = 20260302

LEGIT_PLAN = [
    (L.seg_consumers, 7500), (L.seg_mobile, 6000), (L.seg_developers, 4200), (L.seg_corporate, 2000),
    (L.seg_university, 1900), (L.seg_hackathons, 650), (L.seg_privacy, 1300), (L.seg_travellers, 450),
    (L.seg_launch, 1700), (L.seg_influencer, 850), (L.seg_hn, 550), (L.seg_partner, 110),
]
FRAUD_PLAN = [
    (F.op_resi_proxy_farm, 1400), (F.op_antidetect_operators, 850), (F.op_cloud_scripts, 1100), (F.op_phone_farm, 750),
    (F.op_click_farm, 800), (F.op_gmail_alias, 550), (F.op_slow_drip, 130), (F.op_adaptive_distillation, 1000),
    (F.op_catchall_domains, 450), (F.op_edu_abuse, 280), (F.op_multi_accounters, 350),
]


def generate(out, seed):
    t0 = time.time()
    os.makedirs(out, exist_ok=True)
    nm = NetModel(seed)
    ctx = common.Ctx(seed, nm, People(seed))
    L.returning_users(ctx, 8000)
    for fn, n in LEGIT_PLAN:
        fn(ctx, n)
    F.op_aged_accounts(ctx, 180)
    for fn, n in FRAUD_PLAN:
        fn(ctx, n)
    F.op_credential_stuffing(ctx, 4600)

    ctx.events.sort(key=lambda x: (x[0], x[1]["event_id"]))
    path = os.path.join(out, "events.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for _, ev in ctx.events:
            f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
    build_epoch = int((common.START.timestamp())) - 3 * 86400
    nm.write(os.path.join(out, "GeoLite2-ASN.mmdb"), os.path.join(out, "GeoLite2-City.mmdb"), build_epoch)
    return ctx, time.time() - t0


# ------------------------------------------------------------------ checks
# The contract beside the repository (../shared), as in the project's own layout.
SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[os.pardir] * 4, "shared", "contracts",
                           "signup-event.schema.json")
DT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _type_ok(v, t):
    if t == "string":
        return isinstance(v, str)
    if t == "boolean":
        return isinstance(v, bool)
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t == "object":
        return isinstance(v, dict)
    if t == "array":
        return isinstance(v, list)
    return True


def validate_node(v, sch, where, errs):
    if "enum" in sch and v not in sch["enum"]:
        errs.append("%s: %r not in enum" % (where, v))
        return
    t = sch.get("type")
    if t and not _type_ok(v, t):
        errs.append("%s: expected %s" % (where, t))
        return
    if t == "string":
        if "minLength" in sch and len(v) < sch["minLength"]:
            errs.append("%s: too short" % where)
        if "maxLength" in sch and len(v) > sch["maxLength"]:
            errs.append("%s: too long" % where)
        if sch.get("format") == "date-time":
            if not DT_RE.match(v):
                errs.append("%s: not date-time" % where)
            else:
                try:
                    datetime.fromisoformat(v.replace("Z", "+00:00"))
                except ValueError:
                    errs.append("%s: bad date-time" % where)
    if t == "object":
        for r in sch.get("required", []):
            if r not in v:
                errs.append("%s: missing %s" % (where, r))
        props = sch.get("properties", {})
        ap = sch.get("additionalProperties", True)
        for k, x in v.items():
            if k in props:
                validate_node(x, props[k], where + "." + k, errs)
            elif isinstance(ap, dict):
                validate_node(x, ap, where + "." + k, errs)
            elif ap is False:
                errs.append("%s: unexpected %s" % (where, k))
    if t == "array" and "items" in sch:
        for i, x in enumerate(v):
            validate_node(x, sch["items"], "%s[%d]" % (where, i), errs)


def check(out):
    with open(SCHEMA_PATH) as f:
        schema = json.load(f)
    try:
        import jsonschema  # noqa: F401
        validator = jsonschema.Draft202012Validator(schema)
    except Exception:
        validator = None
    n = bad = 0
    ips = set()
    prev = None
    ids = set()
    order_ok = True
    with open(os.path.join(out, "events.jsonl"), encoding="utf-8") as f:
        for line in f:
            n += 1
            ev = json.loads(line)
            errs = []
            if validator is not None:
                errs = [e.message for e in validator.iter_errors(ev)]
            else:
                validate_node(ev, schema, "event", errs)
            if ev.get("label") not in ("legit", "fraud") or not isinstance(ev.get("campaign"), str):
                errs.append("label/campaign")
            if ev["event_id"] in ids:
                errs.append("duplicate id")
            ids.add(ev["event_id"])
            if prev and ev["occurred_at"] < prev:
                order_ok = False
            prev = ev["occurred_at"]
            if errs:
                bad += 1
                if bad <= 5:
                    print("INVALID line %d: %s" % (n, errs[:3]))
            ips.add(ev["ip"])
    import maxminddb
    ra = maxminddb.open_database(os.path.join(out, "GeoLite2-ASN.mmdb"))
    rc = maxminddb.open_database(os.path.join(out, "GeoLite2-City.mmdb"))
    miss_a = miss_c = no_city = 0
    for ip in ips:
        a = ra.get(ip)
        c = rc.get(ip)
        if not a:
            miss_a += 1
        if not c:
            miss_c += 1
        elif "city" not in c:
            no_city += 1
    meta = (ra.metadata().database_type, rc.metadata().database_type)
    return dict(lines=n, invalid=bad, ordered=order_ok, distinct_ips=len(ips), asn_missing=miss_a, city_missing=miss_c,
                country_only=no_city, db_types=meta, validator="jsonschema" if validator else "built-in (schema walk)")


def summary(out):
    sig = collections.Counter()
    log = collections.Counter()
    logok = collections.Counter()
    lab = collections.Counter()
    with open(os.path.join(out, "events.jsonl"), encoding="utf-8") as f:
        for line in f:
            ev = json.loads(line)
            lab[(ev["kind"], ev["label"])] += 1
            if ev["kind"] == "signup":
                sig[ev["campaign"]] += 1
            else:
                log[ev["campaign"]] += 1
                if ev.get("success"):
                    logok[ev["campaign"]] += 1
    camps = sorted(set(sig) | set(log), key=lambda c: (c.startswith("fraud"), -sig[c], c))
    print("%-40s %8s %8s %8s" % ("campaign", "signups", "logins", "login_ok"))
    for c in camps:
        print("%-40s %8d %8d %8d" % (c, sig[c], log[c], logok[c]))
    ls = lab[("signup", "legit")]
    fs = lab[("signup", "fraud")]
    print("-" * 68)
    print("signups: legit %d  fraud %d  (fraud share %.1f%%)" % (ls, fs, 100.0 * fs / max(1, ls + fs)))
    print("logins : legit %d  fraud %d" % (lab[("login", "legit")], lab[("login", "fraud")]))
    print("events : %d" % sum(lab.values()))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    ctx, secs = generate(a.out, a.seed)
    print("generated in %.1fs -> %s" % (secs, a.out))
    if not a.no_check and not os.path.exists(SCHEMA_PATH):
        print("check skipped: no contract at %s" % os.path.normpath(SCHEMA_PATH))
    elif not a.no_check:
        r = check(a.out)
        print("check:", json.dumps(r))
    summary(a.out)


if __name__ == "__main__":
    main()
