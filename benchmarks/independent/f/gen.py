"""Generate labelled signup/login traffic of a consumer AI chat portal, and its GeoIP databases.

    python gen.py --out DIR [--seed N]

Writes DIR/events.jsonl (sorted by occurred_at), DIR/GeoLite2-ASN.mmdb, DIR/GeoLite2-City.mmdb.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fraud  # noqa: E402
import legit  # noqa: E402
from sim import DAYS, DAY, T0, Sim  # noqa: E402

DEFAULT_SEED = 20260504


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    started = time.time()

    sim = Sim(args.seed)
    accounts = legit.build(sim)
    fraud.build(sim, accounts)

    end = T0 + DAYS * DAY
    rows = [(t, ev) for t, ev in sim.events if T0 <= t < end]
    rows.sort(key=lambda r: (r[1]["occurred_at"], r[1]["event_id"]))
    with open(os.path.join(args.out, "events.jsonl"), "w", encoding="utf-8") as f:
        for _, ev in rows:
            f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
    sim.net.write_databases(os.path.join(args.out, "GeoLite2-ASN.mmdb"),
                            os.path.join(args.out, "GeoLite2-City.mmdb"), build_epoch=T0 - 3 * DAY)
    print("wrote %d events to %s in %.1fs" % (len(rows), args.out, time.time() - started),
          file=sys.stderr)


if __name__ == "__main__":
    main()
