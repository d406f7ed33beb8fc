from django.apps import AppConfig


class SignupGuardConfig(AppConfig):
    name = "signupguard"
    verbose_name = "SignupGuard"
    default_auto_field = "django.db.models.BigAutoField"
