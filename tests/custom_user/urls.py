"""The portal's routes: its own signup and login, allauth's, the gated features and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from signupguard.contrib.rest_framework.abuse import AbuseReportView
from signupguard.contrib.rest_framework.login import obtain_auth_token
from signupguard.contrib.rest_framework_api_key.views import APIKeyCreateView

from .accounts import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("signup/", views.signup),
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html", next_page="/account/")),
    path("account/", views.account),
    path("dashboard/", views.dashboard),
    path("api/keys/", APIKeyCreateView.as_view()),
    path("api/with-key/", views.WithKey.as_view()),
    path("api/abuse-reports/", AbuseReportView.as_view()),
    path("api/token/", obtain_auth_token),  # README step 4: instead of DRF's own view
    path("allauth/", include("allauth.urls")),
]
