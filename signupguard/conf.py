"""SignupGuard settings, read from ``settings.SIGNUPGUARD`` at call time.

Every key is a property so that ``override_settings(SIGNUPGUARD=...)`` takes
effect immediately; nothing here is cached or copied into module constants.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Mapping
from typing import Any

from django.conf import settings as django_settings

DEFAULTS: dict[str, Any] = {
    # --- enrichment -------------------------------------------------------
    # Paths of MaxMind databases. ASN (GeoLite2-ASN or GeoIP2-ISP) and CITY
    # (GeoLite2-City or -Country) are needed for good scores; ANONYMOUS
    # (GeoIP2-Anonymous-IP) and CONNECTION_TYPE are optional.
    "GEOIP_ASN": None,
    "GEOIP_CITY": None,
    "GEOIP_ANONYMOUS": None,
    "GEOIP_CONNECTION_TYPE": None,
    # Countries (ISO 3166 alpha-2) this service does not serve. Sign-ups from them arrive through
    # VPNs and proxies in served countries, so the address says nothing; the device's clock and
    # language often still do, and the model reads those against this list. Empty: no such reading.
    "RESTRICTED_COUNTRIES": [],
    # Extra hosting/VPN ASNs on top of the shipped list (signupguard/data/networks.json).
    "EXTRA_HOSTING_ASNS": [],
    "EXTRA_VPN_ASNS": [],
    # --- client address ---------------------------------------------------
    # Addresses or CIDRs of reverse proxies whose X-Forwarded-For is believed.
    "TRUSTED_PROXIES": [],
    # --- velocity -----------------------------------------------------------
    # Dotted path of a VelocityStore class, and its keyword options.
    "VELOCITY_BACKEND": "signupguard.velocity.database.DatabaseVelocityStore",
    "VELOCITY_OPTIONS": {},
    # --- model and policy ---------------------------------------------------
    # Directory of the model registry (trained versions + the ACTIVE pointer).
    # None: only the shipped default model is available.
    "MODEL_DIR": None,
    # Retraining without --events: an attempt SignupGuard allowed at least this many days ago, whose
    # account nobody has held or blocked since and nobody has labelled, counts as legitimate.
    # Reviewers only see what the model held; without these the retrained model learns from the hard
    # cases alone and holds more legitimate signups (docs/model.md). None: people's labels only.
    "LEGIT_AFTER_DAYS": 14,
    # Days an attempt (address, email, headers, device data) is kept before
    # signupguard_prune or the prune_attempts task deletes it, with its labels.
    # Attempts not yet scored and those of accounts still pending or in review
    # are kept. None: keep everything (signupguard/retention.py).
    "ATTEMPT_RETENTION_DAYS": None,
    # Override the thresholds chosen at training time (fraud probability).
    "REVIEW_THRESHOLD": None,
    "BLOCK_THRESHOLD": None,
    # Hard rules, applied before the model: lists of CIDRs, ASNs, email domains.
    "ALLOW_IP_RANGES": [],
    "DENY_IP_RANGES": [],
    "ALLOW_ASNS": [],
    "DENY_ASNS": [],
    "ALLOW_EMAIL_DOMAINS": [],
    "DENY_EMAIL_DOMAINS": [],
    # How many reasons to attach to a decision.
    "MAX_REASONS": 5,
    # --- live integration ---------------------------------------------------
    # Seconds the signup request may wait for the verdict before answering
    # "pending" (0 disables the wait).
    "SYNC_WAIT": 0.3,
    # What happens when scoring fails for good: "open" clears, "closed" holds.
    "FAIL_MODE": "closed",
    # Whether a blocked account may still log in.
    "BLOCKED_CAN_LOGIN": False,
    # Installing on a portal with accounts: those that joined (date_joined) before this date or
    # datetime (ISO text, a date or a datetime) and never went through a recorded signup count as
    # cleared rather than pending. None: every account without a verdict is pending (fail closed).
    "CLEARED_IF_JOINED_BEFORE": None,
    # Seconds after which a still-pending attempt is picked up by the sweep.
    "SWEEP_AFTER_SECONDS": 60,
    # Seconds an attempt may wait for scoring through transient errors (the
    # database or Redis unreachable) before FAIL_MODE decides it: until then
    # the task's retries, then the sweep, try again, and an outage shorter
    # than this leaves every attempt scored as usual.
    "FAIL_AFTER_SECONDS": 600,
    # Publish the scoring task from a background thread once the response is
    # out (request_finished), so the request neither waits for the broker nor
    # shares the CPU with the publish (about 1 ms). An attempt whose publish is
    # lost (process killed, broker down) stays pending until the sweep scores
    # it. False: publish in the commit's callback, in the request. Eager
    # Celery always runs the task in the commit's callback.
    "BACKGROUND_PUBLISH": True,
    # Cluster linking (and the retroactive review of a blocked account's
    # cluster) runs after the verdict, in its own task
    # (signupguard.clusters.link_pending), so that no scoring task waits
    # behind it: a worker links only once it has had no scoring task for
    # LINK_IDLE seconds, one attempt at a time, and hands the worker back as
    # soon as a scoring task is waiting in the broker. An attempt left
    # unlinked for LINK_MAX_DELAY seconds is linked even by a busy worker
    # (one per LINK_IDLE). Linking that is lost (a failed publish, a worker
    # that died) is done by the sweep.
    "LINK_IDLE": 0.1,
    "LINK_MAX_DELAY": 30.0,
    # Dotted path of the adapter class hosts subclass for their own policy.
    "ADAPTER": "signupguard.adapter.DefaultAdapter",
    # Retroactive action: when an account is blocked, a linked account goes to
    # review once this share of its cluster is blocked, and one linked by a
    # device or mailbox is blocked once this share is.
    "CLUSTER_REVIEW_SHARE": 0.2,
    "CLUSTER_BLOCK_SHARE": 0.5,
    # Blocked accounts a cluster needs before a device or mailbox link can
    # block (a household shares a tablet): below it, review. A weak link (a
    # shared custom domain, /24 or browser profile) never blocks.
    "CLUSTER_BLOCK_MIN": 3,
    # A review action in the admin (approve, confirm block, undo, block cluster) on more accounts
    # than this in one request becomes a review job, which a Celery worker carries out 500
    # accounts per transaction (signupguard/review_jobs.py): blocking a farm of 25,000 accounts
    # one by one takes minutes (docs/benchmarks.md), longer than web servers let a request run.
    # None: always in the request.
    "REVIEW_INLINE_MAX": 1000,
    # Hash or truncate personal data on admin list pages.
    "MASK_PERSONAL_DATA": False,
    # Seconds a signed form render timestamp stays valid (older: fill time unknown).
    "FORM_TIMESTAMP_MAX_AGE": 86400,
    # Alias in CACHES where scoring spends a signup's form render token, so that a token posted
    # again with another signup claims no fill time (signupguard/render_tokens.py). Use a
    # cache every scoring process shares. None: tokens are never spent.
    "FORM_TOKEN_CACHE": "default",
    # Request headers captured besides the built-in allow-list of
    # signupguard.capture.CAPTURED_HEADERS (lower-case names; cookies and
    # authorization are refused whatever this says).
    "EXTRA_CAPTURE_HEADERS": [],
    # Login rules (on top of the model): a successful login is put in review
    # when its device was used by more than this many accounts in 7 days, its
    # address by more than this many accounts in 1 hour, or its account had at
    # least this many failed logins in the last hour. None disables a rule.
    "LOGIN_MAX_ACCOUNTS_PER_DEVICE": 5,
    "LOGIN_MAX_ACCOUNTS_PER_IP": 20,
    "LOGIN_MAX_FAILED_PER_ACCOUNT": 10,
    # A signup or login from a device fingerprint already seen on a blocked
    # account puts the account in review.
    "REVIEW_LINKED_BLOCKED_DEVICES": True,
}


def is_country_code(value: Any) -> bool:
    """A RESTRICTED_COUNTRIES entry: an ISO 3166 alpha-2 code (case and surrounding spaces aside)."""
    return isinstance(value, str) and len(code := value.strip()) == 2 and code.isascii() and code.isalpha()


def is_non_negative_number(value: Any) -> bool:
    """An int or float >= 0 (not a bool, not NaN): a number of days or seconds a setting can hold."""
    return not isinstance(value, bool) and isinstance(value, (int, float)) and value >= 0


# Seconds settings, and whether "never" (infinity) is a meaning they can have. LINK_IDLE, LINK_MAX_DELAY
# and FORM_TIMESTAMP_MAX_AGE were read with float()/int() as they came: a string made every linking pass
# (and with it the retroactive action) raise, or silently cost every signup its fill time.
SECONDS_SETTINGS: dict[str, bool] = {
    "SYNC_WAIT": False, "SWEEP_AFTER_SECONDS": False, "FAIL_AFTER_SECONDS": True,
    "LINK_IDLE": False, "LINK_MAX_DELAY": False, "FORM_TIMESTAMP_MAX_AGE": False,
}


def is_seconds(key: str, value: Any) -> bool:
    """A usable value of the seconds setting ``key`` (check E043): a request must never wait forever."""
    return is_non_negative_number(value) and (SECONDS_SETTINGS[key] or math.isfinite(value))


def seconds_setting(key: str) -> float:
    """The seconds setting ``key``, or its default while it is unusable (check E043 reports it).

    NaN made a signup poll for its verdict forever and the sweep raise on
    every run; the default keeps both going until the setting is fixed.
    """
    value = sg_settings.get(key)
    return float(value if is_seconds(key, value) else DEFAULTS[key])


def joined_before_cutoff(value: Any) -> dt.datetime | None:
    """``CLEARED_IF_JOINED_BEFORE`` as a datetime comparable with ``date_joined``; ValueError if it is none.

    A date is its midnight, and a datetime without a zone is read, in the
    project's time zone (``TIME_ZONE``), as ``date_joined`` values are.
    """
    from django.utils import dateparse, timezone

    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed: Any = dateparse.parse_datetime(text) or dateparse.parse_date(text)
        except ValueError:  # well-formed but impossible: 2026-02-30
            parsed = None
        if parsed is None:
            raise ValueError(f"{value!r} is not an ISO date or datetime")
        value = parsed
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise ValueError(f"{value!r} is not a date or datetime")
    if django_settings.USE_TZ:
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def is_number_of_days(value: Any) -> bool:
    """A LEGIT_AFTER_DAYS other than None: a non-negative number, not a bool."""
    return is_non_negative_number(value)


def is_retention(value: Any) -> bool:
    """A usable ATTEMPT_RETENTION_DAYS (check E034): None, or a positive number of days."""
    return value is None or (is_number_of_days(value) and value > 0)


def is_count(value: Any) -> bool:
    """A whole number >= 0, not a bool: MAX_REASONS (check E035), a REVIEW_INLINE_MAX other than None (E036)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# Count and share settings (check E038), and whether None (the rule off) is a value they can take.
# They were compared as they came: LOGIN_MAX_ACCOUNTS_PER_IP = "20" (from an environment variable) made
# every login's scoring raise, so FAIL_MODE held (or cleared) every account that logged in.
NUMBER_SETTINGS: dict[str, bool] = {
    "LOGIN_MAX_ACCOUNTS_PER_DEVICE": True, "LOGIN_MAX_ACCOUNTS_PER_IP": True, "LOGIN_MAX_FAILED_PER_ACCOUNT": True,
    "CLUSTER_BLOCK_MIN": False, "CLUSTER_REVIEW_SHARE": False, "CLUSTER_BLOCK_SHARE": False,
}


def is_number_setting(key: str, value: Any) -> bool:
    """A usable value of the count or share setting ``key`` (check E038)."""
    return (value is None and NUMBER_SETTINGS[key]) or is_non_negative_number(value)


def number_setting(key: str) -> float | None:
    """The count or share setting ``key``, or its default while it is unusable (check E038 reports it)."""
    value = sg_settings.get(key)
    value = value if is_number_setting(key, value) else DEFAULTS[key]
    return None if value is None else float(value)


# On/off settings (check E039). bool("False") is True: BLOCKED_CAN_LOGIN = "False" let blocked accounts log in.
SWITCH_SETTINGS: tuple[str, ...] = (
    "BLOCKED_CAN_LOGIN", "BACKGROUND_PUBLISH", "MASK_PERSONAL_DATA", "REVIEW_LINKED_BLOCKED_DEVICES",
)


def switch_setting(key: str) -> bool:
    """The on/off setting ``key``, or its default while it is not True or False (check E039 reports it)."""
    value = sg_settings.get(key)
    return bool(value if isinstance(value, bool) else DEFAULTS[key])


def is_model_dir(value: Any) -> bool:
    """A MODEL_DIR Path() can take (check E037): None, or a path as text or os.PathLike."""
    return value is None or isinstance(value, (str, os.PathLike))


def list_entries(value: Any) -> tuple[Any, ...]:
    """A list setting's entries: those of a list, tuple or set; anything else (a lone string, number,
    mapping) is one entry, not its characters, and never a crash (checks E031, E040 report it). None: none."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(value)
    return (value,)


class Settings:
    """Lazily read view of ``settings.SIGNUPGUARD`` with documented defaults."""

    def _user(self) -> Mapping[str, Any]:
        value = getattr(django_settings, "SIGNUPGUARD", None) or {}
        return value if isinstance(value, Mapping) else {}  # another type is check E004

    def get(self, key: str) -> Any:
        if key not in DEFAULTS:
            raise AttributeError(f"Unknown SignupGuard setting {key!r}")
        return self._user().get(key, DEFAULTS[key])

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return self.get(key)


sg_settings = Settings()
