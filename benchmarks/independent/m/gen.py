"""Quillmate signup/login traffic generator.

    python gen.py --out DIR [--seed N] [--scale X]

Writes DIR/events.jsonl (sorted by occurred_at, labelled, with a `campaign` field),
DIR/GeoLite2-ASN.mmdb and DIR/GeoLite2-City.mmdb, and DIR/summary.json.
"""
import argparse
import collections
import json
import os
import resource
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fraud  # noqa: E402
import legit  # noqa: E402
import logins  # noqa: E402
import mmdb_build  # noqa: E402
from common import Recorder, iso  # noqa: E402
from world import World  # noqa: E402

ORDER = ["event_id", "kind", "occurred_at", "ip", "account", "email", "username", "success", "headers", "device",
         "form", "label", "campaign"]
N_PREEXISTING = 8000
N_STUFFING = 5500


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20260504)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every segment size")
    args = ap.parse_args(argv)
    t_start = time.time()
    os.makedirs(args.out, exist_ok=True)
    seed = args.seed
    world = World(seed)
    rec = Recorder()
    actors = []
    for i, (name, fn, n) in enumerate(legit.LEGIT_SEGMENTS):
        fn(world, np.random.default_rng([seed, 1, i]), rec, actors, max(1, int(n * args.scale)))
    pre = logins.make_preexisting(world, np.random.default_rng([seed, 2]), rec, int(N_PREEXISTING * args.scale))
    pre_keys = [p.akey for p in pre]
    logins.returning_logins(world, np.random.default_rng([seed, 3]), rec, actors, pre)
    for i, (name, fn, n) in enumerate(fraud.FRAUD_OPS):
        fn(world, np.random.default_rng([seed, 4, i]), rec, max(1, int(n * args.scale)))
    fraud.op_cred_stuffing(world, np.random.default_rng([seed, 5]), rec, pre + actors, int(N_STUFFING * args.scale))

    rng = np.random.default_rng([seed, 9])
    ev = rec.events
    # deterministic total order: time, then a random tiebreak
    tie = rng.random(len(ev))
    order = sorted(range(len(ev)), key=lambda i: (ev[i]["occurred_at"], tie[i]))
    ev = [ev[i] for i in order]
    # one shared account-id stream: older accounts first (shuffled), then signups in time order
    ids = {}
    nxt = 1_048_000
    for k in rng.permutation(np.array(pre_keys, dtype=np.int64)):
        ids[int(k)] = nxt
        nxt += int(rng.integers(1, 4))  # deleted / unverified accounts leave gaps
    for e in ev:
        if e["kind"] == "signup":
            ids[e["_akey"]] = nxt
            nxt += 1 if rng.random() < 0.9 else int(rng.integers(2, 4))
    hexd = np.frombuffer(rng.bytes(12 * len(ev)), dtype=np.uint8).reshape(len(ev), 12)
    counts = collections.Counter()
    with open(os.path.join(args.out, "events.jsonl"), "w") as fh:
        for i, e in enumerate(ev):
            e["event_id"] = "evt_" + hexd[i].tobytes().hex()
            e["occurred_at"] = iso(e["occurred_at"])
            ak = e.pop("_akey", None)
            if ak is not None:
                e["account"] = f"acct_{ids[ak]}"
            fh.write(json.dumps({k: e[k] for k in ORDER if k in e}, ensure_ascii=False, separators=(",", ":")) + "\n")
            counts[(e["kind"], e["label"], e["campaign"])] += 1
    n_blocks = mmdb_build.build(world, args.out)
    summ = {"events": len(ev), "blocks": n_blocks, "ases": len(world.ases), "distinct_ips": len(rec.ips),
            "by_kind_label_campaign": {"|".join(k): v for k, v in sorted(counts.items())},
            "seconds": round(time.time() - t_start, 1),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    with open(os.path.join(args.out, "summary.json"), "w") as fh:
        json.dump(summ, fh, indent=1)
    print_summary(counts, summ)


def print_summary(counts, summ):
    by_kind = collections.Counter()
    by_label = collections.Counter()
    camp = collections.defaultdict(collections.Counter)
    for (k, l, c), v in counts.items():
        by_kind[k] += v
        by_label[(k, l)] += v
        camp[(l, c)][k] += v
    print(f"events: {summ['events']}  ASes: {summ['ases']}  blocks: {summ['blocks']}  distinct IPs: {summ['distinct_ips']}")
    print("by kind:", dict(by_kind))
    print("by kind/label:", {f"{k}/{l}": v for (k, l), v in sorted(by_label.items())})
    print(f"{'label':6} {'campaign':28} {'signup':>7} {'login':>7}")
    for (l, c), v in sorted(camp.items()):
        print(f"{l:6} {c:28} {v['signup']:7d} {v['login']:7d}")
    print(f"time {summ['seconds']} s, max RSS {summ['max_rss_mb']} MB")


if __name__ == "__main__":
    main()
