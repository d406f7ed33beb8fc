#!/usr/bin/env python
"""Generate labelled signup/login traffic of Forgeline (an AI coding-agent platform) and
the GeoLite2-format databases of the invented internet it comes from.

    gen.py --out DIR [--seed N]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import orjson  # noqa: E402

from core import Ctx, T_END  # noqa: E402
from fraud import Fraud  # noqa: E402
from legit import Legit  # noqa: E402
from logins import legit_logins  # noqa: E402
from world import World  # noqa: E402


def generate(seed):
    world = World()
    ctx = Ctx(seed, world)
    lg = Legit(ctx)
    lg.organic()
    lg.mobile_app()
    lg.cli_dev()
    lg.cloud_workspace()
    lg.student()
    lg.bootcamp()
    lg.hackathon()
    lg.viral()
    lg.enterprise()
    lg.privacy()
    lg.travellers()
    lg.cafes()
    lg.family()
    existing = lg.existing()
    legit_logins(ctx, lg.accounts + existing)
    fr = Fraud(ctx)
    fr.lantern()
    fr.cellmesh()
    fr.rackphone()
    fr.simbox()
    fr.clickfarm()
    fr.catchall()
    fr.aged_api()
    fr.geo_evasion()
    fr.slow_drip()
    fr.edu_mill()
    fr.nightshift()
    fr.stuffing()
    ev = [e for e in ctx.events if e[0] < T_END]
    ev.sort(key=lambda x: (x[0], x[1]))
    return world, ev


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args(argv)
    t0 = time.time()
    os.makedirs(a.out, exist_ok=True)
    world, ev = generate(a.seed)
    with open(os.path.join(a.out, "events.jsonl"), "wb") as f:
        for _, _, e in ev:
            f.write(orjson.dumps(e))
            f.write(b"\n")
    world.write_mmdb(a.out, 1776643200)   # build epoch fixed: 2026-04-20T00:00:00Z
    n_sig = sum(1 for _, _, e in ev if e["kind"] == "signup")
    n_fs = sum(1 for _, _, e in ev if e["kind"] == "signup" and e["label"] == "fraud")
    print("wrote %d events (%d signups, %.1f%% fraud) to %s in %.1fs" % (len(ev), n_sig, 100.0 * n_fs / max(1, n_sig), a.out, time.time() - t0))


if __name__ == "__main__":
    main()
