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

Velocity, model and policy checks (E010, W020-W022, E030-E039, W030), the live
integration's (E040-E044, W040), the Celery app's (E045, W041, W042) and database
routing's (E046) are listed beside their code below.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.conf import (
    DEFAULTS, NUMBER_SETTINGS, SECONDS_SETTINGS, SWITCH_SETTINGS, is_count, is_country_code, is_model_dir,
    is_number_of_days, is_number_setting, is_retention, is_seconds, joined_before_cutoff, list_entries, sg_settings,
)
from signupguard.enrichment.geo import check_databases

TAG = "signupguard"


@register(TAG)
def check_settings_dict(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E004 when SIGNUPGUARD is not a dict, W003 for each key SignupGuard does not read.

    Both were silent: conf.Settings reads another type as {} and never looks at an unknown key,
    so SIGNUPGUARD = {"DENY_IP_RANGE": [...]} ran with no deny list and nothing said so.
    """
    from django.conf import settings

    value = getattr(settings, "SIGNUPGUARD", None)
    if value is None:
        return []
    if not isinstance(value, Mapping):
        return [Error(f"SIGNUPGUARD = {value!r} is not a dict: SignupGuard ignores it and uses every default.",
                      hint='Write SIGNUPGUARD = {"KEY": value, ...} (README: SIGNUPGUARD settings).',
                      obj="SIGNUPGUARD", id="signupguard.E004")]
    messages: list[CheckMessage] = []
    for key in value:
        if key in DEFAULTS:
            continue
        close = difflib.get_close_matches(str(key).upper(), list(DEFAULTS), n=1)
        messages.append(Warning(
            f"SIGNUPGUARD[{key!r}] is not a SignupGuard setting; it is ignored.",
            hint=(f"Did you mean {close[0]!r}? " if close else "") + "The settings are listed in the README "
            "(SIGNUPGUARD settings) and signupguard/conf.py.",
            obj="SIGNUPGUARD", id="signupguard.W003",
        ))
    return messages


@register(TAG)
def check_geoip(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E001-E003 for each configured MaxMind file, W001 when ASN and City are both absent, W002 when one is."""
    messages: list[CheckMessage] = []
    for problem in check_databases():
        messages.append(
            Error(problem.message, hint=problem.hint, obj=problem.setting, id=f"signupguard.{problem.code}")
        )
    if not sg_settings.GEOIP_ASN and not sg_settings.GEOIP_CITY:
        messages.append(
            Warning(
                "No GeoIP database is configured (SIGNUPGUARD['GEOIP_ASN'] and ['GEOIP_CITY'] are unset).",
                hint="SignupGuard works without them, but scores lack ASN, network kind, country and "
                "time-zone signals; download GeoLite2-ASN and GeoLite2-City (README: GeoLite2 databases) "
                "and set both paths.",
                obj="SIGNUPGUARD",
                id="signupguard.W001",
            )
        )
    elif not sg_settings.GEOIP_ASN or not sg_settings.GEOIP_CITY:
        missing, lost = (
            ("GEOIP_ASN", "the ASN and the network kind (hosting, VPN, mobile, residential)")
            if not sg_settings.GEOIP_ASN else ("GEOIP_CITY", "the country and the address's time zone")
        )
        messages.append(
            Warning(
                f"SIGNUPGUARD['{missing}'] is unset: scores lack {lost}.",
                hint="The model still scores, but holds more legitimate signups without it (docs/detection.md: "
                "GeoIP databases a deployment does not have); download the GeoLite2 database and set its path.",
                obj="SIGNUPGUARD",
                id="signupguard.W002",
            )
        )
    return messages


# ---------------------------------------------------------------------------
# Velocity, model and policy: signupguard.E010-E039, W020-W039.
#   E010  VELOCITY_BACKEND does not import or cannot be built from VELOCITY_OPTIONS, or they change
#         its windows or buckets (models are trained on the defaults)
#   W010  the Redis store keeps a live event's reading (event_ttl) for less than FAIL_AFTER_SECONDS:
#         a retry after that counts the event again
#   W020  the active model cannot be loaded: the cold-start rules score instead
#   W021  the promoted model cannot be loaded: the shipped default model scores instead
#   W022  SHADOW names no version, or one that cannot be loaded: no shadow scores are recorded
#   E030  REVIEW_THRESHOLD / BLOCK_THRESHOLD not in [0, 1], or review above block
#   W030  REVIEW_THRESHOLD or BLOCK_THRESHOLD, set alone, crosses the active (or
#         shadow) model's other threshold, which then yields to it: nothing is
#         held for review
#   E031  an allow/deny list is not a list, or an entry does not parse (CIDR, ASN, domain): skipped
#   E032  RESTRICTED_COUNTRIES is not a list of ISO 3166 alpha-2 codes
#   E033  LEGIT_AFTER_DAYS is neither None nor a non-negative number
#   E034  ATTEMPT_RETENTION_DAYS is neither None nor a positive number
#   E035  MAX_REASONS is not a non-negative int
#   E036  REVIEW_INLINE_MAX is neither None nor a whole number >= 0
#   E037  MODEL_DIR is neither None nor a path: the shipped default model scores meanwhile
#   E038  a LOGIN_MAX_* limit is neither None nor a number >= 0, or CLUSTER_BLOCK_MIN,
#         CLUSTER_REVIEW_SHARE or CLUSTER_BLOCK_SHARE is not a number >= 0: its default is used
#   E039  BLOCKED_CAN_LOGIN, BACKGROUND_PUBLISH, MASK_PERSONAL_DATA or
#         REVIEW_LINKED_BLOCKED_DEVICES is not True or False: its default is used
# ---------------------------------------------------------------------------


def _check_lists() -> list[CheckMessage]:
    """E031: the allow and deny lists, as policy.HardRules reads them (a bad entry is skipped there), and the
    extra hosting and VPN ASNs, as the network classifier reads them (a bad entry is ignored there)."""
    from signupguard.policy import parse_asn, parse_domain, parse_network

    kinds = {"IP_RANGES": (parse_network, "an address or CIDR"), "ASNS": (parse_asn, "an AS number"),
             "EMAIL_DOMAINS": (parse_domain, "a domain")}
    messages: list[CheckMessage] = []
    lists = [(key, kind) for suffix, kind in kinds.items() for key in (f"ALLOW_{suffix}", f"DENY_{suffix}")]
    lists += [(key, kinds["ASNS"]) for key in ("EXTRA_HOSTING_ASNS", "EXTRA_VPN_ASNS")]
    for key, (parse, what) in lists:
        value = sg_settings.get(key)
        if value is not None and not isinstance(value, (list, tuple, set, frozenset)):
            messages.append(Error(f"SIGNUPGUARD['{key}'] = {value!r} is not a list; it is read as one entry",
                                  hint=f"Write [{value!r}].", id="signupguard.E031"))
        for entry in list_entries(value):
            try:
                parse(entry)
            except ValueError:
                messages.append(Error(f"SIGNUPGUARD['{key}'] entry {entry!r} is not {what}; it is skipped",
                                      id="signupguard.E031"))
    return messages


def _check_velocity_layout(store: Any) -> list[CheckMessage]:
    """E010: VELOCITY_OPTIONS that change the windows or buckets (the stores take them as keyword arguments).

    Models are trained on what the in-process store counts with the default windows and buckets, and the
    features name those windows: a live store counting in other buckets reads other figures for the same
    traffic, and other windows do not fit the features' layout (found in an audit: both were scored silently).
    """
    from signupguard.velocity import BUCKETS_PER_WINDOW, DISTINCT_WINDOWS, WINDOWS

    layout = {"windows": WINDOWS, "distinct_windows": DISTINCT_WINDOWS, "buckets": BUCKETS_PER_WINDOW}
    # The shipped stores keep them as attributes; a host's own store without them is taken at its word.
    changed = [name for name, value in layout.items() if getattr(store, name, value) != value]
    if not changed:
        return []
    return [Error(
        f"SIGNUPGUARD['VELOCITY_OPTIONS'] sets {', '.join(changed)} other than the defaults: the live store would "
        "count otherwise than the store models are trained with, and every score would shift.",
        hint=f"Remove {', '.join(repr(name) for name in changed)} from VELOCITY_OPTIONS.",
        obj="SIGNUPGUARD['VELOCITY_OPTIONS']", id="signupguard.E010",
    )]


def _check_event_ttl(store: Any) -> list[CheckMessage]:
    """W010: a Redis store that forgets a live event's reading before its retries and the sweep give up on it."""
    from signupguard.scoring import _fail_after

    ttl, fail_after = getattr(store, "event_ttl", None), _fail_after()
    if not isinstance(ttl, int) or ttl >= fail_after:
        return []
    return [Warning(
        f"SIGNUPGUARD['VELOCITY_OPTIONS'] keeps a live event's reading for event_ttl={ttl} s, less than "
        f"FAIL_AFTER_SECONDS ({fail_after:g} s): a scoring retried after that counts the event a second time.",
        hint="Raise event_ttl above FAIL_AFTER_SECONDS (the default, 86400, outlasts the default 600).",
        obj="SIGNUPGUARD['VELOCITY_OPTIONS']", id="signupguard.W010",
    )]


@register(TAG)
def check_engine(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from django.utils.module_loading import import_string

    messages: list[CheckMessage] = []
    try:
        backend = import_string(sg_settings.VELOCITY_BACKEND)
        if not callable(backend):
            raise TypeError("not a class")
        # Build one (the shipped stores do no I/O here), so a missing client
        # library or a bad option is reported now rather than by every scoring task.
        store = backend(**dict(sg_settings.VELOCITY_OPTIONS or {}))
    except Exception as exc:  # noqa: BLE001 - any failure here is a configuration error to report
        messages.append(Error(
            f"SIGNUPGUARD['VELOCITY_BACKEND'] = {sg_settings.VELOCITY_BACKEND!r} cannot be used "
            f"with VELOCITY_OPTIONS {sg_settings.VELOCITY_OPTIONS!r}: {type(exc).__name__}: {exc}",
            hint="Use signupguard.velocity.database.DatabaseVelocityStore, .memory.MemoryVelocityStore or "
            ".redis.RedisVelocityStore (needs the [redis] extra, or 'pip install redis'; options such as "
            "{'url': 'redis://...'}).",
            obj="SIGNUPGUARD['VELOCITY_BACKEND']", id="signupguard.E010",
        ))
    else:
        messages += _check_velocity_layout(store) + _check_event_ttl(store)
    from signupguard.model import registry
    from signupguard.model.coldstart import ColdStartModel

    if not is_model_dir(sg_settings.MODEL_DIR):
        messages.append(Error(
            f"SIGNUPGUARD['MODEL_DIR'] = {sg_settings.MODEL_DIR!r} is not a path: the shipped default model "
            "scores every attempt.",
            hint="The registry directory as text or a pathlib.Path, or None for the shipped model only.",
            obj="SIGNUPGUARD['MODEL_DIR']", id="signupguard.E037",
        ))
    active = registry.active_dir()
    promoted = registry.load(active)
    serving = registry.load_serving(active)
    if isinstance(serving, ColdStartModel):
        messages.append(Warning(
            f"The active model cannot be loaded, so the cold-start rules score every attempt: {serving.metadata['reason']}",
            hint="Retrain (signupguard_train) or promote a usable model; see docs/cold-start.md.",
            id="signupguard.W020",
        ))
    elif isinstance(promoted, ColdStartModel):
        messages.append(Warning(
            f"The promoted model {active.name} cannot be loaded, so the shipped default model "
            f"{serving.version} scores every attempt: {promoted.metadata['reason']}",
            hint="Retrain on your own labels (signupguard_train --promote). An upgrade that changes the feature "
            "schema refuses every model trained before it.",
            id="signupguard.W021",
        ))
    shadow = registry.shadow_dir()
    if shadow is not None:
        loaded_shadow = registry.load(shadow)
        if isinstance(loaded_shadow, ColdStartModel):
            messages.append(Warning(
                "The shadow model cannot be loaded, so no attempt gets a shadow score: "
                f"{loaded_shadow.metadata['reason']}",
                hint="Point SHADOW at a usable version (signupguard_promote --shadow VERSION) or stop shadow "
                "scoring (signupguard_promote --no-shadow).",
                id="signupguard.W022",
            ))
    review, block = sg_settings.REVIEW_THRESHOLD, sg_settings.BLOCK_THRESHOLD
    try:
        values = [float(v) for v in (review, block) if v is not None]
        if any(not 0.0 <= v <= 1.0 for v in values) or (review is not None and block is not None and float(review) > float(block)):
            raise ValueError("thresholds must lie in [0, 1] with review <= block")
    except (TypeError, ValueError) as exc:
        messages.append(Error(f"Bad REVIEW_THRESHOLD / BLOCK_THRESHOLD ({review!r}, {block!r}): {exc}", id="signupguard.E030"))
    else:
        scorers = [("active", serving)] + [("shadow", s) for s in [registry.load_shadow()] if s is not None]
        messages += _check_threshold_crossings(review, block, scorers)
    messages += _check_lists()
    messages += _check_restricted_countries(sg_settings.RESTRICTED_COUNTRIES)
    days = sg_settings.LEGIT_AFTER_DAYS
    if days is not None and not is_number_of_days(days):
        messages.append(Error(f"SIGNUPGUARD['LEGIT_AFTER_DAYS'] = {days!r} is not a number of days",
                              hint="A non-negative number (14 by default), or None to train on people's labels only.",
                              id="signupguard.E033"))
    retention = sg_settings.ATTEMPT_RETENTION_DAYS
    if not is_retention(retention):
        messages.append(Error(f"SIGNUPGUARD['ATTEMPT_RETENTION_DAYS'] = {retention!r} is not a positive number of days",
                              hint="Days to keep attempts (say 365), or None to keep them all.",
                              id="signupguard.E034"))
    if not is_count(sg_settings.MAX_REASONS):
        messages.append(Error(f"SIGNUPGUARD['MAX_REASONS'] = {sg_settings.MAX_REASONS!r} is not a number of reasons",
                              hint="A whole number >= 0 (5 by default); scoring uses 5 meanwhile.",
                              obj="SIGNUPGUARD['MAX_REASONS']", id="signupguard.E035"))
    inline = sg_settings.REVIEW_INLINE_MAX
    if inline is not None and not is_count(inline):
        messages.append(Error(f"SIGNUPGUARD['REVIEW_INLINE_MAX'] = {inline!r} is not a number of accounts",
                              hint="A whole number >= 0 (1000 by default): review actions on more accounts become "
                                   "review jobs, run by a Celery worker; None runs them all in the request.",
                              obj="SIGNUPGUARD['REVIEW_INLINE_MAX']", id="signupguard.E036"))
    messages += [_default_meanwhile(key, f"is not a number >= 0{' or None' if off else ''}", "signupguard.E038")
                 for key, off in NUMBER_SETTINGS.items() if not is_number_setting(key, sg_settings.get(key))]
    messages += [_default_meanwhile(key, "is not True or False", "signupguard.E039")
                 for key in SWITCH_SETTINGS if not isinstance(sg_settings.get(key), bool)]
    return messages


def _default_meanwhile(key: str, problem: str, check_id: str) -> Error:
    """The error for a setting the code reads as its default until it is fixed."""
    return Error(f"SIGNUPGUARD[{key!r}] = {sg_settings.get(key)!r} {problem}.",
                 hint=f"Until it is fixed, SignupGuard uses the default, {DEFAULTS[key]!r}.",
                 obj=f"SIGNUPGUARD[{key!r}]", id=check_id)


def _check_threshold_crossings(review: Any, block: Any, scorers: list[tuple[str, Any]]) -> list[CheckMessage]:
    """W030 for each model whose other threshold a lone override crosses (``policy.resolve_thresholds``)."""
    if (review is None) == (block is None):
        return []  # neither set, or both: their order is E030's
    from signupguard.policy import resolve_thresholds

    key, value = ("BLOCK_THRESHOLD", block) if block is not None else ("REVIEW_THRESHOLD", review)
    messages: list[CheckMessage] = []
    for role, scorer in scorers:
        own = scorer.thresholds
        resolved = resolve_thresholds(own, review=None if review is None else float(review),
                                      block=None if block is None else float(block))
        if block is not None and resolved.review != own.review:
            crossing = f"is below the review threshold {own.review:.4f}"
            resolution = f"its review threshold is lowered to {value!r}"
        elif review is not None and resolved.block != own.block:
            crossing = f"is above the block threshold {own.block:.4f}"
            resolution = f"its block threshold is raised to {value!r}"
        else:
            continue
        messages.append(Warning(
            f"SIGNUPGUARD['{key}'] = {value!r} {crossing} of the {role} model {scorer.version}, so {resolution}: "
            f"it holds nothing for review and blocks every score at or above {value!r}.",
            hint="Set REVIEW_THRESHOLD and BLOCK_THRESHOLD together, or set this one on its side of the model's "
            "other threshold.",
            obj=f"SIGNUPGUARD['{key}']", id="signupguard.W030",
        ))
    return messages


def _check_restricted_countries(value: Any) -> list[CheckMessage]:
    hint = 'A list of ISO 3166-1 alpha-2 codes, such as ["CN", "RU"]; [] restricts none.'
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        return [Error(f"SIGNUPGUARD['RESTRICTED_COUNTRIES'] = {value!r} is not a list", hint=hint, id="signupguard.E032")]
    return [
        Error(f"SIGNUPGUARD['RESTRICTED_COUNTRIES'] entry {code!r} is not a two-letter country code", hint=hint,
              id="signupguard.E032")
        for code in value
        if not is_country_code(code)
    ]


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
    messages += [_default_meanwhile(key, f"is not a {'' if never else 'finite '}number of seconds >= 0", "signupguard.E043")
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
        app = _loaded_celery_app()
        return app is not None and not app.conf.task_always_eager
    except Exception:  # noqa: BLE001 - W041 reports a Celery app that cannot be read
        return False


# ---------------------------------------------------------------------------
# Celery: signupguard.E045, W041, W042.
#   E045  the loaded Celery app's broker URL names a transport that does not exist, or whose
#         client library is not installed (checked without connecting)
#   W041  no Celery app of the project is loaded in this process, so the
#         scoring tasks would go through Celery's unconfigured fallback app
#         (broker amqp://guest@localhost//): signups would stay pending
#   W042  CELERY_BEAT_SCHEDULE runs the sweep but not prune_velocity, with the
#         database velocity store: its tables would only grow (a schedule
#         copied from the README before session 19)
# ---------------------------------------------------------------------------


def celery_app_loaded() -> bool:
    """Whether a Celery app other than Celery's own fallback is current or default here.

    Read without creating anything: asking ``celery.current_app`` would create
    the fallback app, and a project app created afterwards would then not
    become the default one.
    """
    try:
        from celery import _state
    except ImportError:  # pragma: no cover - celery is a dependency
        return True
    try:
        app = getattr(_state._tls, "current_app", None) or getattr(_state, "default_app", None)
    except Exception:  # noqa: BLE001 - Celery's internals moved: do not guess
        return True
    return app is not None and getattr(app, "main", None) != "default"


def _loaded_celery_app() -> Any:
    from celery import _state

    return getattr(_state._tls, "current_app", None) or getattr(_state, "default_app", None)


def broker_problem() -> str | None:
    """Why the loaded Celery app's broker URL cannot work, without connecting to it (None: it may)."""
    try:
        app = _loaded_celery_app()
        if app is None or app.conf.task_always_eager:
            return None  # eager tasks never reach a broker
        url = app.conf.broker_url
    except Exception:  # noqa: BLE001 - Celery's internals moved: do not guess
        return None
    if not url:
        return None
    from kombu import Connection

    try:
        Connection(url).transport  # resolves the transport's class and its client library; no I/O
    except Exception as exc:  # noqa: BLE001 - KeyError (no such transport), ImportError (its library)
        return f"{type(exc).__name__}: {exc}"
    return None


@register(TAG)
def check_celery_app(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if celery_app_loaded():
        problem = broker_problem()
        if problem is None:
            return []
        from kombu.utils.url import maybe_sanitize_url

        url = maybe_sanitize_url(_loaded_celery_app().conf.broker_url)
        return [Error(
            f"Celery's broker URL {url} cannot work ({problem}): no scoring task can be sent, and every new "
            "account would stay pending.",
            hint="Fix CELERY_BROKER_URL (redis://host:6379/0, amqp://user:password@host//).",
            obj="CELERY_BROKER_URL", id="signupguard.E045",
        )]
    return [Warning(
        "No Celery app of this project is loaded, so SignupGuard's scoring tasks would be sent through "
        "Celery's unconfigured default app (broker amqp://guest@localhost//), ignoring the CELERY_* "
        "settings: new accounts would stay pending.",
        hint="Load your Celery app when Django starts: in the package of your settings, __init__.py "
        "gets `from .celery import app as celery_app` (see the README's Celery step).",
        obj="celery", id="signupguard.W041",
    )]


@register(TAG, deploy=True)
def check_login_queue(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W045 (``check --deploy``): logins scored from the signups' queue, behind which a failed-login flood
    holds every new account (benchmarks/login_flood.py: 30-63 s, none within SYNC_WAIT)."""
    try:
        app = _loaded_celery_app()
        if not celery_app_loaded() or app.conf.task_always_eager:
            return []  # no queue at all (or W041 says why none is known)
        from celery.app.routes import Router, prepare

        # A router of its own: the app's is cached at the first publish.
        router = Router(prepare(app.conf.task_routes), app.amqp.queues, True, app=app)
        login, signup = (_queue_name(router.route({}, name, (), {}))
                         for name in ("signupguard.tasks.score_login", "signupguard.tasks.score_attempt"))
    except Exception:  # noqa: BLE001 - a router of the host's own that needs real arguments: do not guess
        return []
    if login != signup:
        return []
    return [Warning(
        f"Logins and signups are scored from one Celery queue ({signup!r}): a flood of failed logins queues "
        "new signups behind it, and their accounts stay held past SYNC_WAIT.",
        hint='Set CELERY_TASK_ROUTES = {"signupguard.tasks.score_login": {"queue": "logins"}} and run workers '
        f"with -Q {signup},logins (README, Production layout).",
        obj="CELERY_TASK_ROUTES", id="signupguard.W045",
    )]


def _queue_name(route: Mapping[str, Any]) -> str:
    queue = route.get("queue")
    return str(getattr(queue, "name", queue))


@register(TAG)
def check_velocity_pruning(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from django.conf import settings

    # Only a schedule that is visibly SignupGuard's (it runs the sweep) says what beat runs:
    # schedules kept elsewhere (django-celery-beat's tables, cron) cannot be read here.
    tasks = {entry.get("task") for entry in (getattr(settings, "CELERY_BEAT_SCHEDULE", None) or {}).values()
             if isinstance(entry, dict)}
    if ("signupguard.tasks.sweep_pending" not in tasks or "signupguard.tasks.prune_velocity" in tasks
            or sg_settings.VELOCITY_BACKEND != "signupguard.velocity.database.DatabaseVelocityStore"):
        return []
    return [Warning(
        "CELERY_BEAT_SCHEDULE runs signupguard.tasks.sweep_pending but not signupguard.tasks.prune_velocity: "
        "the database velocity store's expired rows are never deleted, and its tables only grow.",
        hint='Add "signupguard-prune-velocity": {"task": "signupguard.tasks.prune_velocity", "schedule": 3600.0} '
        "(README, Celery step), or run `manage.py signupguard_prune` from cron and silence this check.",
        obj="CELERY_BEAT_SCHEDULE", id="signupguard.W042",
    )]


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


# ---------------------------------------------------------------------------
#   E046  DATABASE_ROUTERS send SignupGuard's tables to a database other than "default":
#         its transactions and row locks run on "default", so on PostgreSQL every verdict
#         failed ("select_for_update cannot be used outside of a transaction") and every
#         account stayed pending (found in an audit). Reads of them from a replica too: it
#         reads back rows it has just written, so a lagging replica failed the scoring of
#         every signup it had not received yet (the account pending for good), and an API
#         key was issued to an account blocked a moment before (found in an audit)
#   W044  ... and the user model's reads: accounts the replica does not have yet are passed
#         over (a reviewer's block of a farm's newest accounts did nothing; found in an audit)
# ---------------------------------------------------------------------------


def _own_models() -> list[Any]:
    """SignupGuard's models (its API keys' too, when installed), but the velocity store's.

    The database velocity store reads and writes its two tables on the alias
    their router names (``DatabaseVelocityStore.using``), with nothing referring to them.
    """
    from django.apps import apps

    from signupguard.models import VelocityBucket, VelocityMember

    return [model for model in apps.get_models() if model._meta.app_label in {"signupguard", "signupguard_api_key"}
            and model not in (VelocityBucket, VelocityMember)]


@register(TAG)
def check_database_routing(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from django.contrib.auth import get_user_model
    from django.db import DEFAULT_DB_ALIAS, router

    # The user model too: SignupGuard's rows refer to it, and record_signup runs in its transaction.
    own = _own_models()
    routed = {router.db_for_write(model) for model in (*own, get_user_model())} - {DEFAULT_DB_ALIAS, None}
    if routed:
        return [Error(
            f"DATABASE_ROUTERS send SignupGuard's tables to {', '.join(sorted(routed))}: SignupGuard supports only the "
            f"{DEFAULT_DB_ALIAS!r} database (its transactions and row locks run there), and on PostgreSQL every verdict "
            "would fail and every account stay pending.",
            hint="Route the signupguard app, and the user model it refers to, to the default database.",
            obj="DATABASE_ROUTERS", id="signupguard.E046",
        )]
    # Reads of its own rows fail outright; the user model's only miss the newest accounts.
    messages: list[CheckMessage] = []
    replicas = {router.db_for_read(model) for model in own} - {DEFAULT_DB_ALIAS, None}
    if replicas:
        messages.append(Error(
            f"DATABASE_ROUTERS read SignupGuard's tables from {', '.join(sorted(replicas))}: SignupGuard reads back "
            f"rows it has just written on {DEFAULT_DB_ALIAS!r}, so a lagging replica would fail the scoring of new "
            "signups (their accounts pending for good) and let an account blocked a moment ago pass the gate.",
            hint=f"In your router's db_for_read, return {DEFAULT_DB_ALIAS!r} for the app labels "
                 "\"signupguard\" and \"signupguard_api_key\" (for the user model, see signupguard.W044).",
            obj="DATABASE_ROUTERS", id="signupguard.E046",
        ))
    users = router.db_for_read(get_user_model())
    if users not in (DEFAULT_DB_ALIAS, None):
        messages.append(Warning(
            f"DATABASE_ROUTERS read the user model from {users!r}: SignupGuard loads accounts by id there, and "
            "passes over those the replica does not have yet (a reviewer's block or approval of accounts made "
            "seconds ago does nothing, the clusters miss them).",
            hint=f"Return {DEFAULT_DB_ALIAS!r} from db_for_read for the user model too, or accept that lag.",
            obj="DATABASE_ROUTERS", id="signupguard.W044",
        ))
    return messages
