"""Velocity, model and policy settings: signupguard.E010-E039, W010-W039."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.checks.base import TAG, default_meanwhile
from signupguard.conf import (
    NUMBER_SETTINGS, SWITCH_SETTINGS, is_count, is_country_code, is_model_dir, is_number_of_days,
    is_number_setting, is_retention, list_entries, sg_settings,
)


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
    messages += [default_meanwhile(key, f"is not a number >= 0{' or None' if off else ''}", "signupguard.E038")
                 for key, off in NUMBER_SETTINGS.items() if not is_number_setting(key, sg_settings.get(key))]
    messages += [default_meanwhile(key, "is not True or False", "signupguard.E039")
                 for key in SWITCH_SETTINGS if not isinstance(sg_settings.get(key), bool)]
    return messages


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
