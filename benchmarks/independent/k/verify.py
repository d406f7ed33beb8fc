#!/usr/bin/env python3
"""Check an output dir: every line valid against signup-event v1 (hand-written check, or jsonschema if importable),
label/campaign present, and every IP resolves in both GeoLite2-shaped databases."""
import sys, json, os, ipaddress, datetime, collections
import maxminddb

# The contract beside the repository (the one change made here: the path was absolute).
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4, "shared", "contracts",
                      "signup-event.schema.json")
DEV_T = {"fingerprint": str, "timezone": str, "languages": list, "screen": str, "platform": str, "hardware_concurrency": int,
         "device_memory": (int, float), "touch_points": int, "webdriver": bool}

def check(e):
    errs = []
    for k in ("event_id", "kind", "occurred_at", "ip"):
        if k not in e: errs.append(f"missing {k}")
    if not isinstance(e.get("event_id"), str) or not (1 <= len(e.get("event_id", "")) <= 128): errs.append("event_id")
    if e.get("kind") not in ("signup", "login"): errs.append("kind")
    try:
        s = e["occurred_at"]; datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
        if not (s.endswith("Z") or "+" in s[10:]): errs.append("occurred_at offset")
    except Exception: errs.append("occurred_at")
    if not isinstance(e.get("ip"), str): errs.append("ip")
    for k, m in (("account", 256), ("email", 320), ("username", 256)):
        if k in e and (not isinstance(e[k], str) or len(e[k]) > m): errs.append(k)
    if "success" in e and not isinstance(e["success"], bool): errs.append("success")
    if "headers" in e:
        if not isinstance(e["headers"], dict) or any(not isinstance(v, str) or k != k.lower() for k, v in e["headers"].items()): errs.append("headers")
    if "device" in e:
        d = e["device"]
        if not isinstance(d, dict): errs.append("device")
        else:
            for k, t in DEV_T.items():
                if k in d and (not isinstance(d[k], t) or (t is int and isinstance(d[k], bool))): errs.append(f"device.{k}")
            if "languages" in d and not all(isinstance(x, str) for x in d["languages"]): errs.append("device.languages")
    if "form" in e:
        f = e["form"]
        if not isinstance(f, dict): errs.append("form")
        else:
            if "fill_ms" in f and (not isinstance(f["fill_ms"], int) or isinstance(f["fill_ms"], bool)): errs.append("form.fill_ms")
            if "honeypot" in f and not isinstance(f["honeypot"], str): errs.append("form.honeypot")
    if e.get("label") not in ("fraud", "legit"): errs.append("label")
    if not isinstance(e.get("campaign"), str) or not e["campaign"]: errs.append("campaign")
    return errs

def main(d):
    js = None
    try:
        import jsonschema
        js = jsonschema.Draft202012Validator(json.load(open(SCHEMA)))
    except Exception:
        pass
    asn = maxminddb.open_database(os.path.join(d, "GeoLite2-ASN.mmdb"))
    city = maxminddb.open_database(os.path.join(d, "GeoLite2-City.mmdb"))
    assert asn.metadata().database_type == "GeoLite2-ASN" and city.metadata().database_type == "GeoLite2-City"
    bad, n, unresolved, ids = 0, 0, 0, set()
    cnt = collections.Counter(); seg = collections.defaultdict(collections.Counter); v6 = 0
    for i, line in enumerate(open(os.path.join(d, "events.jsonl")), 1):
        n += 1
        e = json.loads(line)
        errs = check(e)
        if js: errs += [x.message for x in js.iter_errors(e)]
        if e["event_id"] in ids: errs.append("duplicate event_id")
        ids.add(e["event_id"])
        ip = e["ip"]
        try:
            v6 += ipaddress.ip_address(ip).version == 6
            a = asn.get(ip); c = city.get(ip)
            if not a or "autonomous_system_number" not in a or not c or "iso_code" not in c.get("country", {}) \
               or "location" not in c or "city" not in c:
                unresolved += 1; errs.append(f"ip {ip} does not resolve")
        except ValueError:
            unresolved += 1; errs.append(f"bad ip {ip}")
        if errs:
            bad += 1
            if bad <= 20: print(f"line {i}: {errs}", file=sys.stderr)
        cnt[(e["label"], e["kind"])] += 1
        seg[(e["campaign"], e["label"])][e["kind"]] += 1
    print(f"events: {n}  invalid: {bad}  unresolved ips: {unresolved}  ipv6 events: {v6}  jsonschema: {'yes' if js else 'no (hand-written check)'}")
    for k in sorted(cnt): print(f"  {k[0]:6s} {k[1]:7s} {cnt[k]}")
    print(f"{'campaign':32s} {'label':6s} {'signups':>8s} {'logins':>8s}")
    for (c, l), v in sorted(seg.items(), key=lambda x: (x[0][1], -x[1]['signup'])):
        print(f"{c:32s} {l:6s} {v['signup']:8d} {v['login']:8d}")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out"))
