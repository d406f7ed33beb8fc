"""The Celery app, its queues and its beat schedule: signupguard.E045, W041, W042, W045."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.checks.base import TAG
from signupguard.conf import sg_settings


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


def loaded_celery_app() -> Any:
    """The current or default Celery app, or None (``celery_app_loaded`` says whether it is the fallback)."""
    from celery import _state

    return getattr(_state._tls, "current_app", None) or getattr(_state, "default_app", None)


def broker_problem() -> str | None:
    """Why the loaded Celery app's broker URL cannot work, without connecting to it (None: it may)."""
    try:
        app = loaded_celery_app()
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

        url = maybe_sanitize_url(loaded_celery_app().conf.broker_url)
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
        app = loaded_celery_app()
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
