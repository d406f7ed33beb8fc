#!/usr/bin/env python
"""verify.py DIR: check DIR/events.jsonl against the signup-event contract and the two databases.

Checks every line (contract types, required fields, formats, lengths), label and campaign present,
unique event_id, non-decreasing occurred_at, every IP parses and resolves in GeoLite2-ASN and
GeoLite2-City. Prints counts per segment. Exit status 0 when everything passes, 1 otherwise.
"""
import collections
import datetime
import ipaddress
import json
import os
import re
import sys

import maxminddb

DT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DEVICE_TYPES = {"fingerprint": str, "timezone": str, "languages": list, "screen": str, "platform": str,
                "hardware_concurrency": int, "device_memory": (int, float), "touch_points": int, "webdriver": bool}


def parse_dt(s):
    if not DT_RE.match(s):
        raise ValueError("not ISO 8601 date-time with offset")
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def is_str(v, maxlen=None, minlen=0):
    return isinstance(v, str) and len(v) >= minlen and (maxlen is None or len(v) <= maxlen)


def check_event(ev):
    errs = []
    if not isinstance(ev, dict):
        return ["not an object"]
    for k in ("event_id", "kind", "occurred_at", "ip"):
        if k not in ev:
            errs.append(f"missing {k}")
    if errs:
        return errs
    if not is_str(ev["event_id"], 128, 1):
        errs.append("event_id")
    if ev["kind"] not in ("signup", "login"):
        errs.append("kind")
    if not isinstance(ev["occurred_at"], str):
        errs.append("occurred_at type")
    else:
        try:
            parse_dt(ev["occurred_at"])
        except ValueError as e:
            errs.append(f"occurred_at: {e}")
    if not isinstance(ev["ip"], str):
        errs.append("ip type")
    for k, n in (("account", 256), ("email", 320), ("username", 256)):
        if k in ev and not is_str(ev[k], n):
            errs.append(k)
    if "success" in ev and not isinstance(ev["success"], bool):
        errs.append("success type")
    if ev.get("kind") == "login" and "success" not in ev:
        errs.append("login without success")
    if "headers" in ev:
        h = ev["headers"]
        if not isinstance(h, dict) or not all(isinstance(v, str) for v in h.values()):
            errs.append("headers")
        elif any(k != k.lower() for k in h):
            errs.append("header names not lower case")
    if "device" in ev:
        d = ev["device"]
        if not isinstance(d, dict):
            errs.append("device")
        else:
            for k, t in DEVICE_TYPES.items():
                if k in d:
                    v = d[k]
                    if t is int and (not isinstance(v, int) or isinstance(v, bool)):
                        errs.append(f"device.{k}")
                    elif t is not int and not isinstance(v, t) or (t != bool and isinstance(v, bool) and k != "webdriver"):
                        errs.append(f"device.{k}")
            if "languages" in d and isinstance(d["languages"], list) and not all(isinstance(x, str) for x in d["languages"]):
                errs.append("device.languages items")
    if "form" in ev:
        f = ev["form"]
        if not isinstance(f, dict):
            errs.append("form")
        else:
            if "fill_ms" in f and (not isinstance(f["fill_ms"], int) or isinstance(f["fill_ms"], bool)):
                errs.append("form.fill_ms")
            if "honeypot" in f and not isinstance(f["honeypot"], str):
                errs.append("form.honeypot")
    if ev.get("label") not in ("fraud", "legit"):
        errs.append("label")
    if not is_str(ev.get("campaign"), None, 1):
        errs.append("campaign")
    return errs


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    d = sys.argv[1]
    asn_db = maxminddb.open_database(os.path.join(d, "GeoLite2-ASN.mmdb"))
    city_db = maxminddb.open_database(os.path.join(d, "GeoLite2-City.mmdb"))
    ok = True
    ids = set()
    prev = None
    n = 0
    bad = 0
    seg = collections.Counter()
    logins = collections.Counter()
    unresolved = 0
    cache = {}
    countries, asns = set(), set()
    with open(os.path.join(d, "events.jsonl"), encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            n += 1
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"line {ln}: invalid JSON: {e}")
                bad += 1
                continue
            errs = check_event(ev)
            if ev.get("event_id") in ids:
                errs.append("duplicate event_id")
            ids.add(ev.get("event_id"))
            try:
                t = parse_dt(ev["occurred_at"])
                if prev is not None and t < prev:
                    errs.append("occurred_at decreases")
                prev = t
            except Exception:
                pass
            ip = ev.get("ip")
            if ip not in cache:
                try:
                    ipaddress.ip_address(ip)
                    a, c = asn_db.get(ip), city_db.get(ip)
                    cache[ip] = (a, c) if a and c and "autonomous_system_number" in a and "country" in c else None
                except (ValueError, TypeError):
                    cache[ip] = None
            if cache[ip] is None:
                errs.append(f"ip {ip!r} does not resolve in both databases")
                unresolved += 1
            else:
                asns.add(cache[ip][0]["autonomous_system_number"])
                countries.add(cache[ip][1]["country"]["iso_code"])
            if errs:
                bad += 1
                if bad <= 20:
                    print(f"line {ln}: {'; '.join(errs)}")
                continue
            if ev["kind"] == "signup":
                seg[(ev["label"], ev["campaign"])] += 1
            else:
                logins[(ev["label"], ev["campaign"], ev["success"])] += 1
    ok = bad == 0
    print(f"{n} events, {bad} bad, {unresolved} unresolved IPs; {len(countries)} countries and {len(asns)} ASNs seen")
    tot = sum(seg.values())
    fr = sum(v for (l, _), v in seg.items() if l == "fraud")
    print(f"\nsignups: {tot} total, {tot - fr} legit, {fr} fraud ({fr / max(tot, 1):.1%})")
    for (l, c), v in sorted(seg.items(), key=lambda kv: (kv[0][0] != "legit", -kv[1])):
        print(f"  {l:6s} {c:32s} {v:6d}")
    lt = collections.Counter()
    for (l, c, s), v in logins.items():
        lt[(l, c)] += v
    print(f"\nlogins: {sum(logins.values())} total; successful {sum(v for k, v in logins.items() if k[2])}, "
          f"failed {sum(v for k, v in logins.items() if not k[2])}")
    for (l, c), v in sorted(lt.items(), key=lambda kv: (kv[0][0] != "legit", -kv[1])):
        okc = logins.get((l, c, True), 0)
        print(f"  {l:6s} {c:32s} {v:6d}  (ok {okc}, failed {v - okc})")
    print("\nPASS" if ok else "\nFAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
