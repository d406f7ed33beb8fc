"""How the shipped model holds up when a deployment sends less than the simulator does.

    python benchmarks/shift_robustness.py [--legit 20000] [--days 7] [--seed 4242] [--scale 1] [--model DIR]

Simulates fresh traffic (a seed the shipped model was not trained on), then
replays copies of it through ``signupguard_replay``, each with one kind of
signal removed from every event, as a deployment (or another traffic
generator) that never sends it would:

* ``no_client_hints``: no sec-ch-ua headers (an HTTP origin, or a proxy that strips them);
* ``no_form``: no form block (an API-only portal: no fill time, no honeypot);
* ``no_device``: no collector data (the script is not installed);
* ``lean_device``: only the collector fields of the contract's example;
* ``no_accept_language``, ``no_username``, ``no_fingerprint``, ``no_device_timezone``;
* ``contract_minimum``: no hints, lean device, no form, no username;
* ``signups_only``: no login events at all (a portal that hooks only its signup form);
* ``no_asn_database``, ``no_city_database``: the events as simulated, replayed without that GeoIP database;
* ``country_database``: replayed with a GeoLite2-Country file (countries, no time zones) in place of the City one.

For each copy it prints the share of legitimate signups and logins held
(review or block) and blocked, and of fraud held. A signal every event lacks
should cost detection, never flood the review queue with legitimate users.
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

import orjson
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the simulator: its signals and its world (for the Country database)

from _setup import decision_shares  # noqa: E402

from signupguard.simulation.signals import CONTRACT_MINIMUM, omissions  # noqa: E402

Event = dict[str, Any]
# Each variant leaves out signals as ``signupguard_simulate --without`` does (simulation.signals).
VARIANTS: dict[str, tuple[str, ...]] = {
    "as simulated": (),
    "no_client_hints": ("client-hints",),
    "no_form": ("form",),
    "no_device": ("device",),
    "lean_device": ("device-extras",),
    "no_accept_language": ("accept-language",),
    "no_username": ("username",),
    "no_fingerprint": ("fingerprint",),
    "no_device_timezone": ("device-timezone",),
    "contract_minimum": CONTRACT_MINIMUM,
    "signups_only": (),
    "no_asn_database": (),
    "no_city_database": (),
    "country_database": (),
}
# Variants that leave events out: the events they keep.
KEEP: dict[str, Callable[[Event], bool]] = {"signups_only": lambda event: event["kind"] == "signup"}


def _absent(setting: str) -> Callable[[Path, int], dict[str, str]]:
    """Settings without the database ``setting`` names (``GEOIP_ASN`` ...).

    A path to a missing file is refused (check E001), and an unset variable
    lets the demo portal's databases stand in: the replay runs on the demo's
    settings with that one set to None.
    """
    def environment(work: Path, seed: int) -> dict[str, str]:
        module = f"without_{setting.lower()}"
        (work / f"{module}.py").write_text(
            f"from config.settings import *  # noqa: F401,F403\nSIGNUPGUARD = {{**SIGNUPGUARD, {setting!r}: None}}\n")
        return {"DJANGO_SETTINGS_MODULE": module, "PYTHONPATH": os.pathsep.join([str(work), str(ROOT)])}

    return environment


def _country_database(work: Path, seed: int) -> dict[str, str]:
    """The simulated world's GeoLite2-Country file in place of the City one: its countries, no time zones."""
    from signupguard.simulation.geodb import write_city_db
    from signupguard.simulation.world import World

    path = work / "GeoLite2-Country.mmdb"
    write_city_db(path, World(seed).city_records(), database_type="GeoLite2-Country")
    return {"SIGNUPGUARD_GEOIP_CITY": str(path)}


# Variants that replay with other GeoIP databases: the replay's environment they change.
GEOIP: dict[str, Callable[[Path, int], dict[str, str]]] = {
    "no_asn_database": _absent("GEOIP_ASN"),
    "no_city_database": _absent("GEOIP_CITY"),
    "country_database": _country_database,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--legit", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--model", help="a model directory (default: the active model, the shipped one until promoted)")
    parser.add_argument("--only", nargs="*", choices=list(VARIANTS), help="replay these variants only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(
            [sys.executable, "manage.py", "signupguard_simulate", "--out", str(work / "events.jsonl"), "--days", str(args.days),
             "--legit", str(args.legit), "--scale", str(args.scale), "--seed", str(args.seed), "--geoip-dir", str(work)],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )
        with open(work / "events.jsonl", "rb") as handle:
            events = [orjson.loads(line) for line in handle]
        env = dict(os.environ, SIGNUPGUARD_GEOIP_ASN=str(work / "GeoLite2-ASN.mmdb"),
                   SIGNUPGUARD_GEOIP_CITY=str(work / "GeoLite2-City.mmdb"))
        truth = {event["event_id"]: (event["kind"], event["label"]) for event in events}
        print(f"{len(events):,} simulated events (seed {args.seed}); held = review or block\n")
        print("| events | legit signups held / blocked | fraud signups held | legit logins held / blocked | fraud logins held |")
        print("|---|---:|---:|---:|---:|")
        for name in tqdm(args.only or list(VARIANTS), desc="variants", file=sys.stderr):
            path = work / "variant.jsonl"
            leave_out = omissions(VARIANTS[name])
            with open(path, "wb") as out:
                for event in events:
                    if name in KEEP and not KEEP[name](event):
                        continue
                    changed = copy.deepcopy(event)
                    for omit in leave_out:
                        omit(changed)
                    out.write(orjson.dumps(changed) + b"\n")
            command = [sys.executable, "manage.py", "signupguard_replay", str(path), "--out", str(work / "scores.jsonl")]
            if args.model:
                command += ["--model", args.model]
            variant_env = {**env, **(GEOIP[name](work, args.seed) if name in GEOIP else {})}
            subprocess.run(command, cwd=ROOT, env=variant_env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            rates = decision_shares(work / "scores.jsonl", lambda event_id: (truth[event_id],))

            def cell(group: tuple[str, str], blocked: bool = True) -> str:
                if group not in rates:
                    return "-"
                _, held, block = rates[group]
                return f"{held:.2%} / {block:.2%}" if blocked else f"{held:.1%}"

            print(f"| {name} | {cell(('signup', 'legit'))} | {cell(('signup', 'fraud'), False)} "
                  f"| {cell(('login', 'legit'))} | {cell(('login', 'fraud'), False)} |", flush=True)


if __name__ == "__main__":
    main()
