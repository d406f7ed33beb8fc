"""The review console (STYLE rule 8): read-only data, a pending queue, actions that audit.

Registers ``Attempt`` (the queue), ``AccountStatus``, ``Cluster`` and ``ReviewJob`` with the
default admin site and adds the dashboard at ``/admin/signupguard/dashboard/``.
A host with its own ``AdminSite`` registers the same ModelAdmins and calls
``add_dashboard(site)``.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import admin
from django.urls import path

from .accounts import AccountStatusAdmin
from .attempts import AttemptAdmin
from .clusters import ClusterAdmin
from .jobs import ReviewJobAdmin

__all__ = ["AccountStatusAdmin", "AttemptAdmin", "ClusterAdmin", "ReviewJobAdmin", "add_dashboard", "dashboard_urls"]


def dashboard_urls(site: Any) -> list[Any]:
    """The console's extra admin URLs (the dashboard), wrapped in ``site.admin_view``."""
    from signupguard.dashboard import dashboard_view

    return [path("signupguard/dashboard/", site.admin_view(partial(dashboard_view, site=site)),
                 name="signupguard_dashboard")]


def add_dashboard(site: Any) -> None:
    """Serve the dashboard from ``site`` (idempotent)."""
    if getattr(site, "_signupguard_dashboard", False):
        return
    original = site.get_urls

    def get_urls() -> list[Any]:
        return dashboard_urls(site) + original()

    site.get_urls = get_urls
    site._signupguard_dashboard = True


add_dashboard(admin.site)
