"""One signup per form render: a render token used twice claims no fill time the second time.

The signed render timestamp (``sg_ts``) gives an attempt its fill time. A
script can fetch one form and post its token with many signups, each
claiming a person's unhurried fill. So the signup that records a token
spends it, in the cache named by ``FORM_TOKEN_CACHE`` (an atomic ``add`` of
the attempt's event id, kept for ``FORM_TIMESTAMP_MAX_AGE``, after which the
token is refused anyway); a later signup with the same token gets no fill
time and ``"replayed": true`` in its event's ``form``, and policy puts it in
review.

Only signups that are stored keep a token spent: a login form that failed
re-posts its token, as does a signup form that failed validation (nothing is
recorded), and a signup whose transaction rolled back after it spent the
token (a 500 after ``record_signup``) leaves no attempt behind, so the
person's retry takes the token over. A spender not stored yet may still be
committing: for ``IN_FLIGHT`` seconds its token counts as spent, so a script
posting one form many times at once is caught too.

The cache must be shared by every web process (Redis, Memcached, the database
cache): a per-process cache only notices replays that reach the same process
(checks: signupguard.W043). When the cache fails, the signup goes on and the
replay goes unnoticed.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any, ContextManager

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import router, transaction

from signupguard.collector import render_id
from signupguard.conf import sg_settings

logger = logging.getLogger(__name__)

KEY_PREFIX = "signupguard:render:"
# Seconds a token's spender may take to commit: a retry after a rolled-back signup comes later than this.
IN_FLIGHT = 30.0


def spend(token: str | None, event_id: str) -> bool:
    """Spend the render ``token`` for the signup ``event_id``; False when another signup spent it.

    True when there is nothing to spend: no token, a forged or stale one (it
    gives no fill time anyway), ``FORM_TOKEN_CACHE`` set to None, or a cache
    that failed.
    """
    render = render_id(token)
    alias = sg_settings.FORM_TOKEN_CACHE
    if render is None or alias is None or alias == "":
        return True
    key, mine = KEY_PREFIX + render, (event_id, time.time())
    timeout = max(1, int(sg_settings.FORM_TIMESTAMP_MAX_AGE))
    try:
        cache = caches[alias] if isinstance(alias, str) else None
        if cache is None:
            raise InvalidCacheBackendError(alias)
        with _rolled_back_alone(cache):
            if cache.add(key, mine, timeout=timeout):
                return True
            holder = cache.get(key)
        if holder is not None and not _abandoned(holder, event_id):
            return False
        with _rolled_back_alone(cache):
            cache.set(key, mine, timeout=timeout)
    except InvalidCacheBackendError:
        logger.warning("SIGNUPGUARD['FORM_TOKEN_CACHE'] = %r names no cache in CACHES: replayed form "
                       "render tokens go unnoticed", alias)
    except Exception:  # noqa: BLE001 - a cache that is down never stops a signup
        logger.warning("could not spend a form render token in cache %r: a replay goes unnoticed", alias,
                       exc_info=True)
    return True


def _abandoned(holder: Any, event_id: str) -> bool:
    """Whether the signup that spent the token is not stored, and no longer committing (or is this one)."""
    try:
        spender, at = holder
        spender, at = str(spender), float(at)
    except (TypeError, ValueError):
        return False  # not ours: spent
    if spender == event_id:
        return True
    if time.time() - at < IN_FLIGHT:
        return False
    from signupguard.models import Attempt

    with transaction.atomic(using=router.db_for_read(Attempt)):  # a failed read must not abort the host's transaction
        return not Attempt.objects.filter(event_id=spender).exists()


def _rolled_back_alone(cache: Any) -> ContextManager[Any]:
    """A savepoint around a database cache's statements: one that fails must not abort the signup's transaction."""
    if isinstance(cache, BaseDatabaseCache):
        return transaction.atomic(using=router.db_for_write(cache.cache_model_class))
    return contextlib.nullcontext()


def replayed(form: dict[str, Any] | None) -> dict[str, Any]:
    """The event's ``form`` object for a token spent before: no fill time, and marked."""
    out = dict(form or {})
    out.pop("fill_ms", None)
    out["replayed"] = True
    return out
