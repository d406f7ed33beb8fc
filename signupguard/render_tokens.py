"""One signup per form render: a render token used twice claims no fill time the second time.

The signed render timestamp (``sg_ts``) gives an attempt its fill time, and
capture names the render it came from in the event (``form.render``, a
digest). A script can fetch one form and post its token with many signups,
each claiming a person's unhurried fill. So scoring spends each signup's
render in the cache named by ``FORM_TOKEN_CACHE`` (an atomic ``add`` of the
attempt's event id, kept for twice ``FORM_TIMESTAMP_MAX_AGE``: the token's
life, and as long again for a replay scored late) before it enriches the
event; a signup whose render another signup spent loses its fill time and
gets ``"replayed": true`` in its stored event, and policy puts it in review. Export and replay read the
mark from the event, so they decide as live scoring did.

Spending at scoring, not in the request, costs the signup request nothing
and spends only for signups that were stored: a form that failed validation
(nothing recorded) or a signup whose transaction rolled back (never scored)
leaves the token to the person's next try. Logins never spend.

The cache must be shared by every process that scores (the Celery workers;
the web processes with eager tasks), and keep a day's signups: a
per-process cache only notices replays scored by the same process, and
Django's LocMem and database caches keep 300 entries unless told otherwise
(checks: signupguard.W043). When the cache fails, the signup is scored
unmarked. A script that leaves the token out is not marked: it reads as
sending no fill time, as before; the mark lands on scripts that replay one.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any, ContextManager

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import router, transaction

from signupguard.conf import seconds_setting, sg_settings
from signupguard.context import RawEvent

logger = logging.getLogger(__name__)

KEY_PREFIX = "signupguard:render:"
MAX_RENDER = 64  # form.render is a 24-character digest; longer is not capture's


def mark_replay(event: RawEvent) -> bool:
    """Spend the signup's form render; when another signup spent it, mark ``event`` replayed. True when marked."""
    form = event.form
    if event.kind != "signup" or not isinstance(form, dict) or form.get("replayed") is True:
        return False
    render = form.get("render")
    if not isinstance(render, str) or not render or len(render) > MAX_RENDER or spend(render, event.event_id):
        return False
    event.form = replayed(form)
    return True


def spend(render: str, event_id: str) -> bool:
    """Spend ``render`` for the signup ``event_id``; False when another signup spent it.

    Spending again for the same signup (a retried scoring) is True. So is a
    cache that fails, or ``FORM_TOKEN_CACHE`` set to None: nothing is marked.
    """
    alias = sg_settings.FORM_TOKEN_CACHE
    if alias is None or alias == "":
        return True
    key = KEY_PREFIX + render
    try:
        if not isinstance(alias, str):
            raise InvalidCacheBackendError(alias)
        cache = caches[alias]
        with _rolled_back_alone(cache):
            if cache.add(key, event_id, timeout=kept_for()):
                return True
            return cache.get(key) in (event_id, None)  # None: it expired meanwhile
    except InvalidCacheBackendError:
        logger.warning("SIGNUPGUARD['FORM_TOKEN_CACHE'] = %r names no cache in CACHES: replayed form "
                       "render tokens go unnoticed", alias)
    except Exception:  # noqa: BLE001 - a cache that is down never stops a verdict
        logger.warning("could not spend a form render token in cache %r: a replay goes unnoticed", alias,
                       exc_info=True)
    return True


def kept_for() -> int:
    """Seconds a spent render is remembered: the token's life, and as long again for signups scored late
    (a queue, the sweep after an outage) that posted it before it expired."""
    max_age = max(1, int(seconds_setting("FORM_TIMESTAMP_MAX_AGE")))
    return max_age + max(max_age, 3600)


def _rolled_back_alone(cache: Any) -> ContextManager[Any]:
    """A savepoint around a database cache's statements: one that fails must not abort the scoring's transaction."""
    if isinstance(cache, BaseDatabaseCache):
        return transaction.atomic(using=router.db_for_write(cache.cache_model_class))
    return contextlib.nullcontext()


def replayed(form: dict[str, Any]) -> dict[str, Any]:
    """The event's ``form`` object for a render spent before: no fill time, and marked."""
    out = dict(form)
    out.pop("fill_ms", None)
    out["replayed"] = True
    return out
