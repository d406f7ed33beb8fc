#!/usr/bin/env python3
"""Generate labelled Kanvas signup/login traffic and the two MaxMind databases.

    gen.py --out DIR [--seed N]

Writes DIR/events.jsonl (sorted by occurred_at), DIR/GeoLite2-ASN.mmdb and
DIR/GeoLite2-City.mmdb.  Output is byte-identical for a given seed.
"""
import argparse
import os
import sys
import time
import uuid
from datetime import datetime, timezone

import orjson

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from kanvas import fraud, legit  # noqa: E402
from kanvas.world import World  # noqa: E402


def iso_ms(ms: int) -> str:
    return datetime.fromtimestamp(ms // 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + f".{ms % 1000:03d}Z"


def build(seed: int):
    w = World(seed)
    for seg in legit.ALL:
        seg(w)
    for op in fraud.ALL:
        op(w)
    return w


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    t0 = time.time()
    os.makedirs(a.out, exist_ok=True)
    w = build(a.seed)
    rows = w.sink.rows
    rid = w.stream("event-ids")
    tie = rid.g.integers(0, 1 << 62, size=len(rows)).tolist()
    order = sorted(range(len(rows)), key=lambda i: (int(round(rows[i][0] * 1000)), tie[i]))
    raw = rid.g.bytes(16 * len(rows))
    path = os.path.join(a.out, "events.jsonl")
    with open(path, "wb", buffering=1 << 20) as fh:
        for k, i in enumerate(order):
            t, e = rows[i]
            ev = {"event_id": str(uuid.UUID(bytes=raw[16 * k:16 * k + 16], version=4))}
            ev.update(e)
            ev["occurred_at"] = iso_ms(int(round(t * 1000)))
            fh.write(orjson.dumps(ev, option=orjson.OPT_APPEND_NEWLINE))
    w.inet.write(os.path.join(a.out, "GeoLite2-ASN.mmdb"), os.path.join(a.out, "GeoLite2-City.mmdb"))
    print(f"wrote {len(rows)} events, {len(w.inet.nets)} networks to {a.out} in {time.time() - t0:.1f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
