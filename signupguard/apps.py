import importlib
import importlib.util

from django.apps import AppConfig, apps


class SignupGuardConfig(AppConfig):
    name = "signupguard"
    verbose_name = "SignupGuard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Importing registers the system checks and connects the receivers.
        from . import receivers  # noqa: F401
        from . import clusters, retroactive  # noqa: F401  (campaign clusters, retroactive review)

        if importlib.util.find_spec(f"{self.name}.checks") is not None:
            importlib.import_module(f"{self.name}.checks")
        if apps.is_installed("allauth.account"):
            from .contrib.allauth.receivers import connect

            connect()
