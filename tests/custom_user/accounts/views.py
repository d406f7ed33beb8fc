"""The portal's views, written as README step 4 and 5 show (hand-written signup, gated features)."""

from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.contrib.rest_framework_api_key.permissions import HasClearedAccountAPIKey
from signupguard.gate import account_status, cleared_required
from signupguard.recording import record_signup, signup_status, wait_for_verdict

from .forms import SignupForm


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if form.is_valid():
        with transaction.atomic():
            user = form.save()
            attempt = record_signup(request, user)  # the account is now pending
        request.session["signup_status"] = signup_status(wait_for_verdict(attempt))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("/account/")
    return render(request, "accounts/signup.html", {"form": form})


def account(request: HttpRequest) -> JsonResponse:
    user = request.user
    return JsonResponse({
        "email": user.email if user.is_authenticated else None,
        "status": account_status(user),
        "status_after_signup": request.session.get("signup_status"),
    })


@cleared_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return HttpResponse("welcome")


class WithKey(APIView):
    """An API endpoint that only keys of cleared accounts may call."""

    authentication_classes: list = []
    permission_classes = [HasClearedAccountAPIKey]

    def get(self, request: HttpRequest) -> Response:
        return Response({"ok": True})
