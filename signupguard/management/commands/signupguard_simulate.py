"""``manage.py signupguard_simulate``: write labelled simulated traffic and its GeoIP databases."""

from __future__ import annotations

from typing import Any

import math

from django.core.management.base import CommandError, CommandParser

from signupguard.extras import install_hint
from signupguard.simulation import MAX_DAYS, MAX_LEGIT, MAX_SCALE
from signupguard.simulation.signals import CONTRACT_MINIMUM, SIGNALS

from ._progress import TerminableCommand


class Command(TerminableCommand):
    requires_system_checks: list[str] = []
    help = (
        "Write labelled raw events (JSON Lines, contract 1) from a simulated legitimate population, "
        "legitimate traps and fraud campaigns, plus matching demo GeoIP databases. Deterministic for a seed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", help="events file to write (JSON Lines); required unless --list-campaigns")
        parser.add_argument("--days", type=int, default=14, help=f"length of the simulated window (default 14, at most {MAX_DAYS})")
        parser.add_argument("--legit", type=int, default=20000,
                            help=f"legitimate signups of the general population in the window (default 20000, at most "
                                 f"{MAX_LEGIT}); the look-alike crowds (--no-traps) come on top")
        parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
        parser.add_argument("--campaigns", default="all", help="comma-separated archetypes, 'all' (default) or 'none'")
        parser.add_argument(
            "--param", action="append", default=[], metavar="CAMPAIGN.PARAMETER=VALUE",
            help="set one parameter of a campaign, as JSON (e.g. hydra.api_share=0.9, emulator_farm.countries='[\"IN\"]'); "
            "repeat for more; --list-campaigns shows them",
        )
        parser.add_argument("--list-campaigns", action="store_true",
                            help="list the campaign archetypes and their parameters, then exit")
        parser.add_argument(
            "--scale", type=float, default=1.0, help=f"multiplies every campaign's size (default 1.0, at most {MAX_SCALE:g})",
        )
        parser.add_argument("--geoip-dir", default=None, help="where to write the .mmdb files (default: next to --out)")
        parser.add_argument(
            "--world-seed", type=int, default=None,
            help="seed of the simulated internet and its GeoIP databases (default: --seed); "
            "runs sharing it can be trained on together with one set of databases",
        )
        parser.add_argument("--no-traps", action="store_true", help="leave out the legitimate look-alike crowds")
        parser.add_argument(
            "--without", nargs="+", default=[], choices=list(SIGNALS), metavar="SIGNAL",
            help="signals every event leaves out, as a portal that does not send them (same events otherwise): "
            f"{', '.join(SIGNALS)}; the contract's minimum is {' '.join(CONTRACT_MINIMUM)}",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            from signupguard.simulation.parameters import parse_params
            from signupguard.simulation.run import resolve_campaigns, simulate
        except ImportError as exc:
            raise CommandError(f"the simulator needs its extra: {install_hint('simulator')} ({exc})") from None
        if options["list_campaigns"]:
            self._list_campaigns()
            return
        if not options["out"]:
            raise CommandError("the following arguments are required: --out", returncode=2)
        scale = options["scale"]
        if not (math.isfinite(scale) and 0 <= scale <= MAX_SCALE):  # NaN would silently drop every campaign
            raise CommandError(f"--scale must be a number between 0 and {MAX_SCALE:g}, not {scale}", returncode=2)
        for option, low, high in (("days", 1, MAX_DAYS), ("legit", 0, MAX_LEGIT)):
            if not low <= options[option] <= high:
                raise CommandError(f"--{option} must be between {low} and {high}, not {options[option]}", returncode=2)
        try:
            params = parse_params(options["param"], campaigns=resolve_campaigns(options["campaigns"]))
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        try:
            summary = simulate(
                out=options["out"], days=options["days"], legit=options["legit"], seed=options["seed"],
                campaigns=options["campaigns"], scale=options["scale"], geoip_dir=options["geoip_dir"],
                traps=not options["no_traps"], progress=options.get("verbosity", 1) > 0,
                world_seed=options["world_seed"], without=options["without"], params=params,
            )
        except (ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{summary.events} events ({summary.signups} signups, {summary.fraud_share:.1%} fraud) "
            f"written to {summary.out} in {summary.seconds:.1f}s"
        )
        if options["without"]:
            self.stdout.write(f"  every event without: {', '.join(options['without'])}")
        for campaign, values in params.items():
            self.stdout.write(f"  {campaign} with {', '.join(f'{k}={v}' for k, v in values.items())}")
        for campaign, kinds in summary.by_campaign.items():
            self.stdout.write(f"  {campaign:<24} signups {kinds['signup']:>7}  logins {kinds['login']:>7}")
        for name, path in summary.geoip.items():
            self.stdout.write(f"  geoip {name:<16} {path}")

    def _list_campaigns(self) -> None:
        from signupguard.simulation.campaigns import CAMPAIGNS
        from signupguard.simulation.parameters import describe, parameters

        for name, cls in CAMPAIGNS.items():
            summary = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
            self.stdout.write(f"{name}: {summary}")
            for parameter, default in parameters(cls).items():
                self.stdout.write(f"    {name}.{parameter}={describe(default)}")
