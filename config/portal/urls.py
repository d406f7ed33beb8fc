from django.urls import path

from signupguard.contrib.rest_framework.abuse import AbuseReportView
from signupguard.contrib.rest_framework_api_key.views import APIKeyCreateView

from . import api, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.PortalLoginView.as_view(), name="login"),
    path("accounts/logout/", views.logout_view, name="logout"),
    path("account/", views.account, name="account"),
    path("account/keys/", views.keys, name="keys"),
    # The JSON API of contract 4 (session auth; see config/portal/api.py).
    path("api/csrf/", api.csrf, name="api-csrf"),
    path("api/signup/", api.SignupView.as_view(), name="api-signup"),
    path("api/account/", api.AccountView.as_view(), name="api-account"),
    path("api/keys/", APIKeyCreateView.as_view(), name="api-keys"),
    path("api/abuse-reports/", AbuseReportView.as_view(), name="api-abuse-reports"),
]
