"""The portal's signup form: Django's user-creation form on the email-only model, with SignupGuard's fields."""

from django.contrib.auth.forms import BaseUserCreationForm

from signupguard.forms import SignupGuardFormMixin

from .models import User


class SignupForm(SignupGuardFormMixin, BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)
