"""Portal forms: Django's own auth forms plus SignupGuard's device fields."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User

from signupguard.forms import SignupGuardFormMixin


class SignupForm(SignupGuardFormMixin, UserCreationForm):
    email = forms.EmailField(required=True, help_text="We never share it.")

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]  # django-stubs does not declare it
        model = User
        fields = ("username", "email")

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.email = self.cleaned_data["email"]
        if commit:
            user.save()
        return user


class LoginForm(SignupGuardFormMixin, AuthenticationForm):
    """Log-in form carrying the collector's device fields too."""
