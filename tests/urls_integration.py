"""Routes of the live integration tests (``@pytest.mark.urls("tests.urls_integration")``)."""

from django.contrib.auth import views as auth_views
from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from signupguard.contrib.rest_framework.permissions import IsCleared
from signupguard.contrib.rest_framework_api_key.permissions import HasClearedAccountAPIKey
from signupguard.contrib.rest_framework_api_key.views import APIKeyCreateView
from signupguard.gate import cleared_required


@cleared_required
def gated(request):
    return HttpResponse("welcome")


@cleared_required
async def agated(request):
    return HttpResponse("welcome async")


class ClearedOnly(APIView):
    permission_classes = [IsCleared]

    def get(self, request):
        return Response({"ok": True})


class WithKey(APIView):
    authentication_classes: list = []
    permission_classes = [HasClearedAccountAPIKey]

    def get(self, request):
        return Response({"ok": True})


def whoami(request):
    return JsonResponse({"user": request.user.get_username() if request.user.is_authenticated else None})


urlpatterns = [
    path("gated/", gated),
    path("agated/", agated),
    path("drf/cleared/", ClearedOnly.as_view()),
    path("api/keys/", APIKeyCreateView.as_view()),
    path("api/with-key/", WithKey.as_view()),
    path("login/", auth_views.LoginView.as_view(template_name="signupguard/not_cleared.html"), name="login"),
    path("whoami/", whoami),
]
urlpatterns.append(path("accounts/", include("allauth.urls")))
