"""URLs of the demo portal: the portal's pages and JSON API, and the review console."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("config.portal.urls")),
]
