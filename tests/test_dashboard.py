"""The dashboard: server-rendered charts of what arrives, what is held, open campaigns and the model."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from signupguard.charts import horizontal_bars, stacked_bars
from signupguard.dashboard import signups_per_hour, top_held
from tests.plugins.console import ALLOW_ALL, DENY_ALL, FARM_DEVICE, REVIEW_ALL

pytestmark = pytest.mark.django_db
URL = "/admin/signupguard/dashboard/"


def test_url() -> None:
    assert reverse("admin:signupguard_dashboard") == URL


def test_dashboard_renders_charts_without_external_resources(scored_signup, reviewer) -> None:
    scored_signup(conf=ALLOW_ALL)
    for n in range(3):
        scored_signup(conf=REVIEW_ALL, device=FARM_DEVICE, ip=f"203.0.113.{n + 1}", email=f"bot{n}@mailinator.com")
    scored_signup(conf=DENY_ALL, device=FARM_DEVICE, ip="203.0.113.9")
    labels, series = signups_per_hour()
    assert len(labels) == 48 and sum(series["allow"]) == 1 and sum(series["review"]) == 3 and sum(series["block"]) == 1
    assert ("mailinator.com", 3) in top_held("email_domain")
    client = Client()
    client.force_login(reviewer)
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") >= 4 and "Signups per hour by decision" in page
    assert "Largest open clusters" in page and "/admin/signupguard/cluster/" in page
    from signupguard.model import registry

    assert registry.load_active().version in page  # the active model's version
    # Every resource is the site's own: no other host (a random token on the page could spell "cdn").
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(link.startswith(("/", "#")) for link in links), links


def test_dashboard_needs_staff_with_view_permission(django_user_model) -> None:
    client = Client()
    assert client.get(URL).status_code == 302  # to the admin login
    staff = django_user_model.objects.create_user(username="s", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(URL).status_code == 403


def test_charts_escape_labels() -> None:
    svg = stacked_bars(["<b>"], {"allow": [1]})
    assert "&lt;b&gt;" in svg
    assert "&lt;script&gt;" in horizontal_bars([("<script>", 3)])
