"""Forge sign-up/login traffic generator.

    python gen.py --out DIR

writes DIR/events.jsonl, DIR/GeoLite2-ASN.mmdb and DIR/GeoLite2-City.mmdb.
Deterministic: fixed seeds and a fixed database build epoch.
"""
import argparse
import json
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import agents      # noqa: E402
import fraud       # noqa: E402
import legit       # noqa: E402
import timing      # noqa: E402
import world       # noqa: E402
from util import iso, rng_for  # noqa: E402

KEY_ORDER = ["event_id", "kind", "occurred_at", "ip", "account", "email", "username", "success", "headers",
             "device", "form", "label", "campaign"]


def finalize(events):
    events = [e for e in events if timing.START_MS <= e["_ms"] < timing.END_MS]
    # stable order: time, then a content hash (never the generator that made it)
    events.sort(key=lambda e: (e["_ms"], e["kind"], e["ip"], e.get("account", ""), e.get("email", "")))
    r = rng_for("event-ids")
    seen = set()
    out = []
    for e in events:
        while True:
            eid = "evt_%016x" % r.getrandbits(64)
            if eid not in seen:
                seen.add(eid)
                break
        e["event_id"] = eid
        e["occurred_at"] = iso(e["_ms"])
        out.append({k: e[k] for k in KEY_ORDER if k in e})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="output directory")
    args = ap.parse_args(argv)
    t0 = time.time()
    os.makedirs(args.out, exist_ok=True)
    w = world.get_world()
    ctx = agents.Ctx(w)
    ev = legit.generate(ctx)
    ev += fraud.generate(ctx)
    rows = finalize(ev)
    path = os.path.join(args.out, "events.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    w.write_mmdb(os.path.join(args.out, "GeoLite2-ASN.mmdb"), os.path.join(args.out, "GeoLite2-City.mmdb"),
                 timing.BUILD_EPOCH)
    print("wrote %d events to %s in %.1fs" % (len(rows), path, time.time() - t0))


if __name__ == "__main__":
    main()
