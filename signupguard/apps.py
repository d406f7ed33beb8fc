from typing import Any

from django.apps import AppConfig, apps
from django.core.signals import request_finished
from django.test.signals import setting_changed

from .publisher import release_held


def _reset_engine(*, setting: str, **kwargs: Any) -> None:
    # The process-wide engine holds GeoIP readers and the velocity store built
    # from SIGNUPGUARD; rebuild it when tests override that setting.
    if setting == "SIGNUPGUARD":
        from .engine import reset_engine

        reset_engine()


class SignupGuardConfig(AppConfig):
    name = "signupguard"
    verbose_name = "SignupGuard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Importing registers the system checks and connects the receivers.
        from . import checks, clusters, linking_pass, receivers, retroactive  # noqa: F401

        setting_changed.connect(_reset_engine, dispatch_uid="signupguard.engine.reset")
        # A Celery worker checks the GeoIP files once, before forking its pool: celeryd_after_setup comes
        # after its logging is set up and before its pool starts (ready() runs before both).
        from celery.signals import celeryd_after_setup

        from .enrichment.geo import check_before_fork

        celeryd_after_setup.connect(check_before_fork, dispatch_uid="signupguard.geoip.check_before_fork", weak=False)
        # Scoring tasks held during a request are published once its response is out.
        request_finished.connect(release_held, dispatch_uid="signupguard.publisher.release_held")
        if apps.is_installed("allauth.account"):
            from .contrib.allauth.receivers import connect

            connect()
        if apps.is_installed("rest_framework.authtoken"):
            from .contrib.rest_framework.tokens import connect as connect_tokens

            connect_tokens()
