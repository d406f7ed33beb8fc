"""signupguard_promote DIR [--force] | --shadow VERSION | --no-shadow | --shadow-report | --list"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signupguard.model import ModelError
from signupguard.model import registry
from signupguard.model.coldstart import ColdStartModel


class Command(BaseCommand):
    help = "Register a trained model and make it active if it beats the active one on the same hold-out."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", help="a directory written by signupguard_train")
        parser.add_argument("--force", action="store_true", help="promote without comparing")
        parser.add_argument("--shadow", metavar="VERSION", help="score VERSION beside the active model without acting")
        parser.add_argument("--no-shadow", action="store_true", help="stop shadow scoring")
        parser.add_argument("--shadow-report", action="store_true", help="compare the shadow model's verdicts with the active model's")
        parser.add_argument("--list", action="store_true", help="list registered versions")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["list"]:
                active_dir = registry.active_dir()
                active = active_dir.name
                shadow = registry.shadow_dir()
                loaded = registry.load(active_dir)
                for version in registry.versions():
                    # Both, when SHADOW still names the active version (set before promotion stopped shadowing it).
                    marks = [mark for mark, name in (("active", active), ("shadow", shadow.name if shadow else None))
                             if version == name]
                    if version == active and isinstance(loaded, ColdStartModel):
                        # A damaged or outdated model file: the registry serves the shipped model instead.
                        serving = registry.load_serving(active_dir).version
                        marks[-1] += f", but unusable: {loaded.metadata.get('reason', 'it cannot be loaded')}; {serving} scores instead"
                    self.stdout.write(f"{version} ({', '.join(marks)})" if marks else version)
                if active == registry.DEFAULT_DIR.name or isinstance(active_dir, registry.UnusablePointer):
                    self.stdout.write("active: the shipped default model")
                for pointer in (active_dir, shadow):
                    if isinstance(pointer, registry.UnusablePointer):  # names no version: as if absent
                        self.stderr.write(f"ignored: {pointer.problem}")
                return
            if options["shadow_report"]:
                from signupguard.shadow import compare

                shadow = registry.shadow_dir()
                if shadow is not None and registry.is_active(shadow.name):  # a SHADOW file from before promotion cleared it
                    self.stdout.write(f"shadow {shadow.name} is the active model: every attempt is scored by it twice and "
                                      "compared with itself, so there is nothing to report; stop shadow scoring with "
                                      "--no-shadow, or name a challenger with --shadow VERSION")
                    return

                for line in compare().lines():
                    self.stdout.write(line)
                return
            if options["shadow"] or options["no_shadow"]:
                registry.set_shadow(None if options["no_shadow"] else options["shadow"])
                self.stdout.write("shadow scoring " + (f"with {options['shadow']}" if options["shadow"] else "stopped"))
                return
            if not options["directory"]:
                raise CommandError("give a model directory, --shadow VERSION, --no-shadow or --list", returncode=2)
            outcome = registry.promote(options["directory"], force=options["force"])
        except ModelError as exc:
            raise CommandError(str(exc), returncode=1) from None
        self.stdout.write(outcome.message)
        if not outcome.promoted:
            raise CommandError("not promoted", returncode=1)
