#!/usr/bin/env python
"""Palette signup/login traffic generator.

usage: gen.py --out DIR [--seed N] [--scale X]
writes DIR/events.jsonl (sorted by occurred_at), DIR/GeoLite2-ASN.mmdb, DIR/GeoLite2-City.mmdb
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fraud  # noqa: E402
import geo  # noqa: E402
import legit  # noqa: E402
from world import Ctx  # noqa: E402

DEFAULT_SEED = 20250505


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every segment size (default 1.0)")
    args = ap.parse_args(argv)
    t0 = time.time()
    os.makedirs(args.out, exist_ok=True)
    net = geo.Internet(args.seed)
    ctx = Ctx(args.seed, net)
    legit.run_all(ctx, args.scale)
    fraud.run_all(ctx, args.scale)
    ctx.events.sort(key=lambda te: (te[0], te[1]["event_id"]))
    path = os.path.join(args.out, "events.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for _, ev in ctx.events:
            f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
    net.write_mmdb(os.path.join(args.out, "GeoLite2-ASN.mmdb"), os.path.join(args.out, "GeoLite2-City.mmdb"))
    n_sign = sum(1 for _, e in ctx.events if e["kind"] == "signup")
    n_fraud = sum(1 for _, e in ctx.events if e["kind"] == "signup" and e["label"] == "fraud")
    print(f"wrote {len(ctx.events)} events ({n_sign} signups, {n_fraud} fraudulent = {n_fraud / max(n_sign, 1):.1%}; "
          f"{len(ctx.events) - n_sign} logins), {len(net.ases)} ASNs, in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
