"""Prepare the demo portal: demo GeoIP databases, the active model, an admin.

``make demo`` runs it after ``migrate``. Idempotent: what exists is kept.
"""

from __future__ import annotations

import secrets
import string
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.portal.demo import build_demo_geoip


class Command(BaseCommand):
    help = "Build the demo GeoIP databases, check the active model and create the demo admin."
    # The GeoIP databases must exist before the checks can pass.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--geoip-only", action="store_true", help="only build the demo GeoIP databases")
        parser.add_argument("--admin-username", default="admin")

    def handle(self, *args: Any, geoip_only: bool = False, admin_username: str = "admin", **options: Any) -> None:
        self._geoip()
        if geoip_only:
            return
        self._model()
        self._admin(admin_username)

    def _geoip(self) -> None:
        asn, city = Path(settings.DEMO_GEOIP_ASN), Path(settings.DEMO_GEOIP_CITY)
        if asn.is_file() and city.is_file():
            self.stdout.write(f"Demo GeoIP databases: {asn.parent}")
            return
        try:
            build_demo_geoip(asn.parent)
        except Exception as exc:  # noqa: BLE001 -- say what failed, not a traceback
            raise CommandError(f"could not build the demo GeoIP databases: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Built the demo GeoIP databases in {asn.parent}"))

    def _model(self) -> None:
        from signupguard.model import registry
        from signupguard.model.coldstart import ColdStartModel

        scorer = registry.load_active()
        where = registry.active_dir()
        version = getattr(scorer, "version", "unknown")
        if isinstance(scorer, ColdStartModel):
            # The portal still works: the cold-start rules score until a model is there.
            reason = scorer.metadata.get("reason", "unknown reason")
            self.stderr.write(self.style.WARNING(
                f"No usable model in {where} ({reason}): scoring with the cold-start rules ({version})."
            ))
            return
        self.stdout.write(self.style.SUCCESS(f"Active model: {version} ({where})"))

    def _admin(self, username: str) -> None:
        users = get_user_model()._default_manager
        if users.filter(username=username).exists():
            self.stdout.write(
                f"Admin user '{username}' exists (reset its password: python manage.py changepassword {username})."
            )
            return
        alphabet = string.ascii_letters + string.digits
        password = "".join(secrets.choice(alphabet) for _ in range(16))
        users.create_superuser(username=username, email=f"{username}@example.com", password=password)
        banner = "=" * 64
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{banner}\n  Demo admin created -- shown only this once:\n"
                f"    username: {username}\n    password: {password}\n"
                f"  Log in to the review console at /admin/ with them.\n{banner}\n"
            )
        )
