"""Django system checks of SignupGuard: bad configuration is a check, not a crash.

Run with ``python manage.py check --tag signupguard`` (they also run at start-up).

=================  ==========================================================
signupguard.E001   a configured GeoIP path is missing or unreadable
signupguard.E002   a configured GeoIP file is not a valid MaxMind DB (it does
                   not open, its metadata does not read, or lookups fail)
signupguard.E003   a GeoIP file's database_type does not match its setting
                   (say a GeoLite2-ASN file configured as GEOIP_CITY)
signupguard.W001   neither GEOIP_ASN nor GEOIP_CITY is configured: scores lose
                   the network and location signals
signupguard.W002   one of GEOIP_ASN and GEOIP_CITY is configured, not the
                   other: scores lose that half of the signals
signupguard.E004   SIGNUPGUARD is not a dict: every setting is its default
signupguard.W003   SIGNUPGUARD holds a key SignupGuard does not know (a typo:
                   the setting it meant keeps its default)
=================  ==========================================================

Those are configuration.py's. The others are listed beside their code:
engine.py (velocity, model and policy: E010, W010, W020-W022, E030-E039,
W030), integration.py (capture, hold and gate: E040-E044, E047, E048, W040,
W043), workers.py (the Celery app, its queues and beat: E045, W041, W042,
W045) and routing.py (database routing: E046, W044).
"""

from __future__ import annotations

# Importing a module registers its checks.
from signupguard.checks.base import TAG
from signupguard.checks.configuration import check_geoip, check_settings_dict
from signupguard.checks.engine import check_engine
from signupguard.checks.integration import (
    MIN_TOKEN_ENTRIES, check_extra_capture_headers, check_form_token_cache, check_live_integration,
)
from signupguard.checks.routing import check_database_routing
from signupguard.checks.workers import (
    broker_problem, celery_app_loaded, check_celery_app, check_login_queue, check_velocity_pruning,
)

__all__ = [
    "MIN_TOKEN_ENTRIES", "TAG", "broker_problem", "celery_app_loaded", "check_celery_app", "check_database_routing",
    "check_engine", "check_extra_capture_headers", "check_form_token_cache", "check_geoip", "check_live_integration",
    "check_login_queue", "check_settings_dict", "check_velocity_pruning",
]
