"""One signup per form render: a render token used twice claims no fill time the second time.

The signed render timestamp (``sg_ts``) gives an attempt its fill time. A
script can fetch one form and post its token with many signups, each
claiming a person's unhurried fill. So the signup that records a token
spends it, in the cache named by ``FORM_TOKEN_CACHE`` (an atomic ``add``,
kept for ``FORM_TIMESTAMP_MAX_AGE``, after which the token is refused
anyway); a later signup with the same token gets no fill time and
``"replayed": true`` in its event's ``form``, as if it had sent no token.

Only signups spend: a login form that failed re-posts its token, and so does
a signup form that failed validation (no account, nothing recorded). The
cache must be shared by every web process (Redis, Memcached, the database
cache): a per-process cache only notices replays that reach the same
process (checks: signupguard.W043). When the cache fails, the signup goes on
and the replay goes unnoticed.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import InvalidCacheBackendError, caches

from signupguard.collector import render_id
from signupguard.conf import sg_settings

logger = logging.getLogger(__name__)

KEY_PREFIX = "signupguard:render:"


def spend(token: str | None) -> bool:
    """Mark the render ``token`` used; False when an earlier signup already used it.

    True when there is nothing to spend: no token, a forged or stale one (it
    gives no fill time anyway), ``FORM_TOKEN_CACHE`` set to None, or a cache
    that failed.
    """
    render = render_id(token)
    alias = sg_settings.FORM_TOKEN_CACHE
    if render is None or not alias:
        return True
    try:
        cache = caches[alias]
        return bool(cache.add(KEY_PREFIX + render, 1, timeout=max(1, int(sg_settings.FORM_TIMESTAMP_MAX_AGE))))
    except InvalidCacheBackendError:
        logger.warning("SIGNUPGUARD['FORM_TOKEN_CACHE'] = %r names no cache in CACHES: replayed form "
                       "render tokens go unnoticed", alias)
    except Exception:  # noqa: BLE001 - a cache that is down never stops a signup
        logger.warning("could not spend a form render token in cache %r: a replay goes unnoticed", alias,
                       exc_info=True)
    return True


def replayed(form: dict[str, Any] | None) -> dict[str, Any]:
    """The event's ``form`` object for a token spent before: no fill time, and marked."""
    out = dict(form or {})
    out.pop("fill_ms", None)
    out["replayed"] = True
    return out
