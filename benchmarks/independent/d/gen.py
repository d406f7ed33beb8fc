#!/usr/bin/env python3
"""Synthetic sign-up / login traffic for an AI API developer portal, with a matching MaxMind-format world.

    python gen.py --out DIR [--seed N]

Writes DIR/events.jsonl, DIR/GeoLite2-ASN.mmdb, DIR/GeoLite2-City.mmdb.
"""
import argparse
import collections
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

DEFAULT_SEED = 20250505
ORDER = ["event_id", "kind", "occurred_at", "ip", "account", "email", "username", "success", "headers", "device", "form", "label", "campaign"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    ap.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    os.makedirs(a.out, exist_ok=True)
    from sim import Sim, iso_ts
    from legit import run_legit
    from fraud import run_fraud
    from util import hhex
    sim = Sim(a.seed)
    run_legit(sim, a.seed, a.scale)
    run_fraud(sim, a.seed)
    sim.events.sort(key=lambda x: x[0])
    seen = set()
    counts = collections.Counter()
    path = os.path.join(a.out, "events.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for i, (t, ev) in enumerate(sim.events):
            eid = "evt_" + hhex(24, a.seed, "evt", i)
            while eid in seen:
                eid = "evt_" + hhex(24, a.seed, "evt", i, len(seen))
            seen.add(eid)
            ev["event_id"] = eid
            ev["occurred_at"] = iso_ts(t)
            out = {k: ev[k] for k in ORDER if k in ev and ev[k] is not None}
            fh.write(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n")
            counts[(ev["campaign"], ev["kind"])] += 1
    nblocks = sim.world.write_mmdb(a.out)
    if not a.quiet:
        camps = sorted({c for c, _ in counts})
        tot_s = sum(v for (c, k), v in counts.items() if k == "signup")
        fr_s = sum(v for (c, k), v in counts.items() if k == "signup" and c.startswith("fraud"))
        print("%-40s %8s %8s" % ("campaign", "signups", "logins"))
        for c in camps:
            print("%-40s %8d %8d" % (c, counts[(c, "signup")], counts[(c, "login")]))
        print("events %d  signups %d (fraud %.1f%%)  logins %d  asns %d  networks %d  %.1fs" % (
            len(sim.events), tot_s, 100.0 * fr_s / max(1, tot_s), len(sim.events) - tot_s, len(sim.world.asns), nblocks, time.time() - t0))


if __name__ == "__main__":
    main()
