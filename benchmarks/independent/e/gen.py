#!/usr/bin/env python3
"""Synthetic signup/login traffic for evaluating a signup-fraud detector.

    python gen.py --out DIR [--seed N]

Writes DIR/events.jsonl, DIR/GeoLite2-ASN.mmdb, DIR/GeoLite2-City.mmdb and
DIR/summary.json.  Deterministic for a given seed.
"""
import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import legit  # noqa: E402
import fraud  # noqa: E402
from core import Emitter  # noqa: E402
from people import Names  # noqa: E402
from world import World  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20260601)
    args = ap.parse_args(argv)
    t0 = time.time()
    os.makedirs(args.out, exist_ok=True)
    seed = args.seed

    def R(name):
        return random.Random(f"{seed}/{name}")

    W = World(R("world"))
    names = Names(seed)
    E = Emitter(R("ids"))
    S = legit.SIZES
    legit.organic_web(E, R("organic_web"), W, names, S["organic_web"])
    legit.mobile_web(E, R("mobile_web"), W, names, S["mobile_web"])
    legit.corporate(E, R("corporate"), W, names, S["corporate"])
    legit.university(E, R("university"), W, names, S["university"])
    legit.api_devs(E, R("api_devs"), W, names, S["api_devs"])
    legit.cloud_workstations(E, R("cloud_workstations"), W, names, S["cloud_workstations"])
    legit.privacy_users(E, R("privacy_users"), W, names, S["privacy_users"])
    legit.travellers(E, R("travellers"), W, names, S["travellers"])
    legit.launch_spike(E, R("launch_spike"), W, names, S["launch_spike"])
    legit.hackathon(E, R("hackathon"), W, names, S["hackathon"])
    legit.satellite_isp(E, R("satellite_isp"), W, names, S["satellite_isp"])
    legit.inflight_wifi(E, R("inflight_wifi"), W, names, S["inflight_wifi"])
    legit.synthetic_monitoring(E, R("synthetic_monitoring"), W, names)
    legit.multi_account_devs(E, R("multi_account_devs"), W, names, S["multi_account_devs"])
    users = legit.returning_users(E, R("returning_users"), W, names, S["returning_users"])

    FS = fraud.SIZES
    fraud.resi_proxy_farm(E, R("resi_proxy_farm"), W, names, FS["resi_proxy_farm"])
    fraud.mobile_proxy_farm(E, R("mobile_proxy_farm"), W, names, FS["mobile_proxy_farm"])
    fraud.cloud_headless(E, R("cloud_headless"), W, names, FS["cloud_headless"])
    fraud.click_farm(E, R("click_farm"), W, names, FS["click_farm"])
    fraud.alias_abuse(E, R("alias_abuse"), W, names, FS["alias_abuse"])
    fraud.emulator_farm(E, R("emulator_farm"), W, names, FS["emulator_farm"])
    fraud.geo_evasion(E, R("geo_evasion"), W, names, FS["geo_evasion"])
    fraud.slow_careful(E, R("slow_careful"), W, names, FS["slow_careful"])
    fraud.adaptive_op(E, R("adaptive_op"), W, names, FS["adaptive_op"])
    fraud.distillation_api(E, R("distillation_api"), W, names, FS["distillation_api"])
    fraud.fake_classroom(E, R("fake_classroom"), W, names, FS["fake_classroom"])
    hits = fraud.credential_stuffing(E, R("credential_stuffing"), W, names, FS["credential_stuffing"], users)
    fraud.account_takeover(E, R("account_takeover"), W, names, FS["account_takeover"], users, hits)

    E.events.sort(key=lambda x: (x[0], x[1]))
    path = os.path.join(args.out, "events.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for _, _, ev in E.events:
            f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
    W.net.write_dbs(os.path.join(args.out, "GeoLite2-ASN.mmdb"), os.path.join(args.out, "GeoLite2-City.mmdb"))

    summary = {"seed": seed, "events": len(E.events), "by_campaign": {}}
    tot = {"legit": [0, 0], "fraud": [0, 0]}
    for (label, camp), (s, l) in sorted(E.stats.items()):
        summary["by_campaign"][camp] = {"label": label, "signups": s, "logins": l, "events": s + l}
        tot[label][0] += s
        tot[label][1] += l
    summary["totals"] = {k: {"signups": v[0], "logins": v[1]} for k, v in tot.items()}
    sg = tot["legit"][0] + tot["fraud"][0]
    summary["fraud_share_of_signups"] = round(tot["fraud"][0] / sg, 4) if sg else 0
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(summary["totals"]), "fraud share", summary["fraud_share_of_signups"],
          "events", len(E.events), f"{time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
