#!/usr/bin/env python3
"""Check a Lumen generator output directory: python verify.py DIR"""
import ipaddress
import json
import sys
from collections import Counter
from datetime import datetime

import maxminddb

STR = ["event_id", "occurred_at", "ip", "account", "email", "username"]
DEV_T = {"fingerprint": str, "timezone": str, "languages": list, "screen": str, "platform": str, "hardware_concurrency": int,
         "device_memory": (int, float), "touch_points": int, "webdriver": bool}


def main(d):
    asn = maxminddb.open_database(d + "/GeoLite2-ASN.mmdb")
    city = maxminddb.open_database(d + "/GeoLite2-City.mmdb")
    errs, prev, n = [], "", 0
    seen = set()
    cnt, camp, unresolved, private = Counter(), Counter(), 0, 0
    for ln, line in enumerate(open(d + "/events.jsonl"), 1):
        n += 1
        try:
            e = json.loads(line)
        except Exception as x:
            errs.append("line %d: bad json %s" % (ln, x)); continue
        for k in ("event_id", "kind", "occurred_at", "ip", "label", "campaign"):
            if k not in e:
                errs.append("line %d: missing %s" % (ln, k))
        for k in STR:
            if k in e and not isinstance(e[k], str):
                errs.append("line %d: %s not a string" % (ln, k))
        if e.get("kind") not in ("signup", "login"):
            errs.append("line %d: kind" % ln)
        if e.get("label") not in ("legit", "fraud"):
            errs.append("line %d: label" % ln)
        if e.get("event_id") in seen:
            errs.append("line %d: duplicate event_id" % ln)
        seen.add(e.get("event_id"))
        if not (1 <= len(e.get("event_id", "")) <= 128) or len(e.get("account", "")) > 256 or len(e.get("email", "")) > 320 or len(e.get("username", "")) > 256:
            errs.append("line %d: length limits" % ln)
        ts = e.get("occurred_at", "")
        try:
            assert ts.endswith("Z")
            datetime.fromisoformat(ts.replace("Z", "+00:00"))
        except Exception:
            errs.append("line %d: occurred_at %r" % (ln, ts))
        if ts < prev:
            errs.append("line %d: not sorted" % ln)
        prev = ts
        if e.get("kind") == "login" and not isinstance(e.get("success"), bool):
            errs.append("line %d: login without boolean success" % ln)
        if e.get("kind") == "signup" and "success" in e:
            errs.append("line %d: signup with success" % ln)
        h = e.get("headers")
        if h is not None and (not isinstance(h, dict) or any(not isinstance(v, str) or k != k.lower() for k, v in h.items())):
            errs.append("line %d: headers" % ln)
        dv = e.get("device")
        if dv is not None:
            if not isinstance(dv, dict):
                errs.append("line %d: device" % ln)
            else:
                for k, t in DEV_T.items():
                    if k in dv and (not isinstance(dv[k], t) or (t is int and isinstance(dv[k], bool))):
                        errs.append("line %d: device.%s type" % (ln, k))
                if "languages" in dv and not all(isinstance(x, str) for x in dv["languages"]):
                    errs.append("line %d: device.languages" % ln)
        f = e.get("form")
        if f is not None and (not isinstance(f, dict) or not isinstance(f.get("fill_ms", 0), int) or isinstance(f.get("fill_ms", 0), bool) or not isinstance(f.get("honeypot", ""), str)):
            errs.append("line %d: form" % ln)
        try:
            ip = ipaddress.ip_address(e["ip"])
            if not ip.is_global:
                private += 1
            else:
                a, c = asn.get(e["ip"]), city.get(e["ip"])
                if not a or "autonomous_system_number" not in a or not c or "country" not in c or "time_zone" not in c.get("location", {}):
                    unresolved += 1
                    errs.append("line %d: ip %s does not resolve" % (ln, e["ip"]))
        except Exception:
            private += 1
        cnt[(e.get("label"), e.get("kind"))] += 1
        camp[(e.get("label"), e.get("campaign"), e.get("kind"))] += 1
    print("events: %d  errors: %d  unresolved public IPs: %d  private/malformed IPs: %d" % (n, len(errs), unresolved, private))
    for x in errs[:20]:
        print("  ", x)
    for k, v in sorted(cnt.items()):
        print("%-6s %-6s %7d" % (k[0], k[1], v))
    fs, ls = cnt[("fraud", "signup")], cnt[("legit", "signup")]
    print("fraud share of signups: %.1f%%" % (100.0 * fs / max(1, fs + ls)))
    print("%-6s %-24s %8s %8s" % ("label", "campaign", "signups", "logins"))
    for lab, c in sorted({(k[0], k[1]) for k in camp}):
        print("%-6s %-24s %8d %8d" % (lab, c, camp[(lab, c, "signup")], camp[(lab, c, "login")]))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/")))
