"""The portal's HTML pages: home, sign up, log in, account, API keys, log out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .forms import LoginForm, SignupForm


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


def signup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            with transaction.atomic():  # the account and its hold commit together
                user = form.save()
                attempt = services.record(request, user)  # before login(): one attempt, not two
            status = services.status_after_signup(attempt)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, services.STATUS_WELCOME[status])
            return redirect("portal:account")
    else:
        form = SignupForm()
    return render(request, "portal/signup.html", {"form": form})


class PortalLoginView(LoginView):
    """Django's login view; SignupGuard records the login from its signals."""

    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("portal:account")  # type: ignore[assignment]  # lazy: resolved when the view redirects


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are logged out.")
    return redirect("portal:home")


@never_cache  # personal data: no shared or browser cache keeps it
@login_required
def account(request: HttpRequest) -> HttpResponse:
    status = services.status_of(request.user)
    return render(request, "portal/account.html", services.status_context(status))


@never_cache  # a new key is shown once, in this page
@login_required
def keys(request: HttpRequest) -> HttpResponse:
    status = services.status_of(request.user)
    context = services.status_context(status)
    if request.method == "POST":
        try:
            key = services.issue_key(request.user, name=request.POST.get("name", ""))
        except services.KeyRefused as refused:
            context["refusal"] = refused.detail
            response_status = 403
        else:
            context["new_key"] = key
            response_status = 200
    else:
        response_status = 200
        if not context["cleared"]:
            context["refusal"] = services.refusal_detail(status)
    context["keys"] = services.keys_of(request.user)
    return render(request, "portal/keys.html", context, status=response_status)
