from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The demo portal: a small account site that uses SignupGuard as a host would."""

    name = "config.portal"
    label = "portal"
    verbose_name = "Demo portal"
    default_auto_field = "django.db.models.BigAutoField"
