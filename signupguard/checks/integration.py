"""The live integration (capture, hold, gate): signupguard.E040-E044, E047, E048, W040, W043."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.checks.base import TAG, default_meanwhile
from signupguard.checks.workers import loaded_celery_app
from signupguard.conf import SECONDS_SETTINGS, is_seconds, joined_before_cutoff, list_entries, sg_settings


# ---------------------------------------------------------------------------
# Live integration (capture, hold, gate): signupguard.E040-E049, W040-W049.
#   E040  a TRUSTED_PROXIES entry is not an address or CIDR
#   E041  ADAPTER does not import, or is not a DefaultAdapter subclass
#   E042  FAIL_MODE is not "open" or "closed"
#   E043  SYNC_WAIT, SWEEP_AFTER_SECONDS, LINK_IDLE, LINK_MAX_DELAY or FORM_TIMESTAMP_MAX_AGE is
#         not a finite number >= 0, or FAIL_AFTER_SECONDS not a number >= 0 (infinity: never):
#         its default is used
#   E044  EXTRA_CAPTURE_HEADERS is not a list, tuple or comma-separated string, has an entry
#         that is not a string, or names a header never captured (check_extra_capture_headers)
#   E047  CLEARED_IF_JOINED_BEFORE is not a date, a datetime or ISO text of one
#   E048  FORM_TOKEN_CACHE names no cache in CACHES (check_form_token_cache)
#   W040  SignupGuardMiddleware is not in MIDDLEWARE
#   W043  FORM_TOKEN_CACHE is a dummy cache (remembers nothing), a cache that keeps fewer than
#         MIN_TOKEN_ENTRIES entries, or a per-process one while other processes score (Celery
#         workers, velocity in Redis): replayed form render tokens go unnoticed
# ---------------------------------------------------------------------------


@register(TAG)
def check_live_integration(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    import ipaddress

    from django.conf import settings
    from django.utils.module_loading import import_string

    messages: list[CheckMessage] = []
    proxies = sg_settings.TRUSTED_PROXIES or []
    # As capture.trusted_networks reads it: a lone non-string is one entry (list() raised TypeError here).
    entries = proxies.split(",") if isinstance(proxies, str) else list_entries(proxies)
    for entry in entries:
        try:
            if str(entry).strip():
                ipaddress.ip_network(str(entry).strip(), strict=False)
        except ValueError:
            messages.append(Error(
                f"TRUSTED_PROXIES entry {entry!r} is not an IP address or CIDR network; it is ignored.",
                hint="Use addresses such as '10.0.0.5' or networks such as '10.0.0.0/8'.",
                obj="SIGNUPGUARD['TRUSTED_PROXIES']", id="signupguard.E040",
            ))
    try:
        from signupguard.adapter import DefaultAdapter

        if not isinstance(sg_settings.ADAPTER, str):  # import_string(None) raised AttributeError out of check
            raise TypeError("not a dotted path")
        adapter = import_string(sg_settings.ADAPTER)
        if not (isinstance(adapter, type) and issubclass(adapter, DefaultAdapter)):
            raise TypeError("not a subclass of signupguard.adapter.DefaultAdapter")
    except (ImportError, TypeError) as exc:
        messages.append(Error(
            f"SIGNUPGUARD['ADAPTER'] = {sg_settings.ADAPTER!r} is unusable: {exc}",
            hint="Point it at a subclass of signupguard.adapter.DefaultAdapter.",
            obj="SIGNUPGUARD['ADAPTER']", id="signupguard.E041",
        ))
    if str(sg_settings.FAIL_MODE).lower() not in ("open", "closed"):
        messages.append(Error(
            f"SIGNUPGUARD['FAIL_MODE'] = {sg_settings.FAIL_MODE!r}; expected 'open' or 'closed'.",
            obj="SIGNUPGUARD['FAIL_MODE']", id="signupguard.E042",
        ))
    messages += [default_meanwhile(key, f"is not a {'' if never else 'finite '}number of seconds >= 0", "signupguard.E043")
                 for key, never in SECONDS_SETTINGS.items() if not is_seconds(key, sg_settings.get(key))]
    try:
        joined_before_cutoff(sg_settings.CLEARED_IF_JOINED_BEFORE)
    except ValueError as exc:
        messages.append(Error(
            f"SIGNUPGUARD['CLEARED_IF_JOINED_BEFORE'] is unusable: {exc}; no account is cleared by it.",
            hint="Use a date such as '2026-11-30', a datetime, or None.",
            obj="SIGNUPGUARD['CLEARED_IF_JOINED_BEFORE']", id="signupguard.E047",
        ))
    if "signupguard.middleware.SignupGuardMiddleware" not in getattr(settings, "MIDDLEWARE", []):
        messages.append(Warning(
            "signupguard.middleware.SignupGuardMiddleware is not in MIDDLEWARE.",
            hint="Signups and logins are still recorded, but with the time they were recorded rather than "
            "received, and failed logins sent without a request are missed.",
            obj="MIDDLEWARE", id="signupguard.W040",
        ))
    return messages


# Django's cache backends that forget all but OPTIONS["MAX_ENTRIES"] entries (default 300).
_CULLING_CACHES = (".LocMemCache", ".DatabaseCache", ".FileBasedCache")
# Spent tokens a culling cache must keep, at least: a day of a small portal's signups.
MIN_TOKEN_ENTRIES = 10_000


@register(TAG)
def check_form_token_cache(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E048, W043: where scoring spends signups' form render tokens (signupguard.render_tokens)."""
    from django.conf import settings

    alias = sg_settings.FORM_TOKEN_CACHE
    if alias is None or alias == "":
        return []
    obj = "SIGNUPGUARD['FORM_TOKEN_CACHE']"
    caches = getattr(settings, "CACHES", None) or {}
    if not isinstance(alias, str) or alias not in caches:
        return [Error(
            f"{obj} = {alias!r} names no cache in CACHES: a form render token posted again with another "
            "signup still claims its fill time.",
            hint=f"Use one of {sorted(caches)!r}, or None to never spend tokens.", obj=obj, id="signupguard.E048",
        )]
    backend = str(caches[alias].get("BACKEND", ""))
    entries = (caches[alias].get("OPTIONS") or {}).get("MAX_ENTRIES", 300)
    if backend.endswith(".DummyCache"):
        problem = "is a dummy cache, which remembers nothing"
    elif backend.endswith(_CULLING_CACHES) and not (isinstance(entries, int) and entries >= MIN_TOKEN_ENTRIES):
        problem = f"keeps {entries!r} entries (OPTIONS['MAX_ENTRIES'], Django's default 300), fewer than a day's signups"
    elif backend.endswith(".LocMemCache") and _scored_in_several_processes():
        problem = "is a per-process cache, and other processes score signups too"
    else:
        return []
    return [Warning(
        f"{obj} = {alias!r} {problem}: a form render token posted again with another signup, scored by "
        "another process or later, still claims its fill time.",
        hint="Point it at a cache every scoring process shares (Django's RedisCache or Memcached; the database "
        f"cache with OPTIONS['MAX_ENTRIES'] >= {MIN_TOKEN_ENTRIES:,}), or set it to None to spend no tokens (replayed "
        "forms then go unnoticed).",
        obj=obj, id="signupguard.W043",
    )]


def _scored_in_several_processes() -> bool:
    """Velocity shared through Redis, or Celery workers (not eager tasks): scoring runs in other processes."""
    if str(sg_settings.VELOCITY_BACKEND).endswith(".RedisVelocityStore"):
        return True
    try:
        app = loaded_celery_app()
        return app is not None and not app.conf.task_always_eager
    except Exception:  # noqa: BLE001 - W041 reports a Celery app that cannot be read
        return False


@register(TAG)
def check_extra_capture_headers(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E044: EXTRA_CAPTURE_HEADERS that capture would ignore or refuse."""
    from signupguard.capture import REFUSED_HEADERS, extra_capture_entries, header_name

    obj = "SIGNUPGUARD['EXTRA_CAPTURE_HEADERS']"
    value = sg_settings.EXTRA_CAPTURE_HEADERS
    entries = extra_capture_entries(value)
    if entries is None:
        return [Error(
            f"{obj} = {value!r}; expected a list of header names or a comma-separated string. "
            "No extra header is captured.",
            hint="For example ['X-Request-ID'] (or 'HTTP_X_REQUEST_ID', as in request.META).",
            obj=obj, id="signupguard.E044",
        )]
    messages: list[CheckMessage] = []
    for entry in entries:
        if not isinstance(entry, str):
            messages.append(Error(
                f"{obj} entry {entry!r} is not a header name; it is ignored.",
                obj=obj, id="signupguard.E044",
            ))
        elif header_name(entry) in REFUSED_HEADERS:
            messages.append(Error(
                f"{obj} names {entry!r}, which is never captured (cookies and credentials).",
                hint="Remove it: SignupGuard does not store secrets or session material.",
                obj=obj, id="signupguard.E044",
            ))
    return messages
