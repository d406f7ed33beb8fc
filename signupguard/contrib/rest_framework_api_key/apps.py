from django.apps import AppConfig


class SignupGuardAPIKeyConfig(AppConfig):
    name = "signupguard.contrib.rest_framework_api_key"
    label = "signupguard_api_key"
    verbose_name = "SignupGuard API keys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from signupguard.signals import revoke_credentials

        from .keys import revoke_on_block

        revoke_credentials.connect(revoke_on_block, dispatch_uid="signupguard.api_key.revoke_on_block")
