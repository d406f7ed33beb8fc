"""System checks of the live integration settings (signupguard.E040-E043, W040)."""

from __future__ import annotations

from django.test import override_settings

from signupguard.checks import check_live_integration


def _ids(**conf) -> list[str]:
    with override_settings(SIGNUPGUARD=conf):
        return [m.id for m in check_live_integration()]


def test_defaults_are_clean() -> None:
    assert _ids() == []


def test_bad_settings_are_reported() -> None:
    assert _ids(TRUSTED_PROXIES="10.0.0.0/8, nonsense") == ["signupguard.E040"]
    assert _ids(ADAPTER="nowhere.Adapter") == ["signupguard.E041"]
    assert _ids(ADAPTER="django.contrib.auth.models.User") == ["signupguard.E041"]
    assert _ids(FAIL_MODE="sideways") == ["signupguard.E042"]
    assert _ids(SYNC_WAIT="0.3", SWEEP_AFTER_SECONDS=-1) == ["signupguard.E043", "signupguard.E043"]
    assert _ids(FAIL_AFTER_SECONDS="10 minutes") == ["signupguard.E043"]


def test_seconds_that_are_not_a_number_or_never_end_are_reported() -> None:
    nan, inf = float("nan"), float("inf")
    assert _ids(SYNC_WAIT=nan, SWEEP_AFTER_SECONDS=nan, FAIL_AFTER_SECONDS=nan) == ["signupguard.E043"] * 3
    # A request cannot wait for ever, nor the sweep wait for ever to look; failing never is a choice.
    assert _ids(SYNC_WAIT=inf, SWEEP_AFTER_SECONDS=inf) == ["signupguard.E043"] * 2
    assert _ids(FAIL_AFTER_SECONDS=inf) == []


def test_missing_middleware_is_a_warning(settings) -> None:
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "signupguard" not in m]
    assert _ids() == ["signupguard.W040"]


def test_no_celery_app_loaded_is_a_warning(monkeypatch) -> None:
    """A host that never imports its Celery app would publish to Celery's fallback app (amqp://localhost)."""
    from celery import _state

    from signupguard.checks import check_celery_app

    monkeypatch.setattr(_state._tls, "current_app", None)
    monkeypatch.setattr(_state, "default_app", None)
    assert [m.id for m in check_celery_app()] == ["signupguard.W041"]
    from celery import Celery

    fallback = Celery("default", fixups=[], set_as_current=False)  # what celery.current_app creates
    monkeypatch.setattr(_state, "default_app", fallback)
    assert [m.id for m in check_celery_app()] == ["signupguard.W041"]


def test_a_loaded_celery_app_is_clean(monkeypatch) -> None:
    from celery import _state

    from config.celery import app
    from signupguard.checks import check_celery_app

    monkeypatch.setattr(_state._tls, "current_app", None)
    monkeypatch.setattr(_state, "default_app", app)
    assert check_celery_app() == []


def test_a_beat_schedule_without_velocity_pruning_is_named():
    from signupguard.checks import check_velocity_pruning

    sweep = {"signupguard-sweep": {"task": "signupguard.tasks.sweep_pending", "schedule": 60.0}}
    prune = {"signupguard-prune": {"task": "signupguard.tasks.prune_velocity", "schedule": 3600.0}}
    database = {"VELOCITY_BACKEND": "signupguard.velocity.database.DatabaseVelocityStore"}
    with override_settings(CELERY_BEAT_SCHEDULE=sweep, SIGNUPGUARD=database):
        assert [m.id for m in check_velocity_pruning()] == ["signupguard.W042"]
    with override_settings(CELERY_BEAT_SCHEDULE={**sweep, **prune}, SIGNUPGUARD=database):
        assert check_velocity_pruning() == []
    # Redis and the in-process store expire their own keys.
    with override_settings(CELERY_BEAT_SCHEDULE=sweep,
                           SIGNUPGUARD={"VELOCITY_BACKEND": "signupguard.velocity.redis.RedisVelocityStore"}):
        assert check_velocity_pruning() == []
    # A schedule kept elsewhere (django-celery-beat, cron) cannot be read: no guess.
    for schedule in ({}, None, {"other": {"task": "proj.tasks.report"}}, {"odd": "not a dict"}):
        with override_settings(CELERY_BEAT_SCHEDULE=schedule, SIGNUPGUARD=database):
            assert check_velocity_pruning() == []


def _extra_header_messages(value) -> list[str]:
    from signupguard.checks import check_extra_capture_headers

    with override_settings(SIGNUPGUARD={"EXTRA_CAPTURE_HEADERS": value}):
        return [m.msg for m in check_extra_capture_headers() if m.id == "signupguard.E044"]


def test_extra_capture_headers_that_capture_ignores_or_refuses_are_reported() -> None:
    from django.core import checks

    from signupguard.checks import check_extra_capture_headers

    assert check_extra_capture_headers in checks.registry.registry.get_checks()
    for fine in ([], (), None, ["X-Request-ID", "HTTP_X_TRACE"], "X-Request-ID, HTTP_X_TRACE", ""):
        assert _extra_header_messages(fine) == [], fine
    # Another type: capture ignores the whole setting (a bool made every signup 500).
    for wrong in (True, False, 5, {"X-Request-ID": True}, {"X-Request-ID"}):
        [message] = _extra_header_messages(wrong)
        assert "expected a list" in message, wrong
    [message] = _extra_header_messages(["X-Request-ID", 7])
    assert "entry 7 is not a header name" in message
    refused = _extra_header_messages(["Cookie", "HTTP_AUTHORIZATION", "x-request-id"])
    assert len(refused) == 2 and "'Cookie'" in refused[0] and "'HTTP_AUTHORIZATION'" in refused[1]
    assert len(_extra_header_messages("x_csrftoken, x-request-id")) == 1


def test_a_broker_url_with_no_such_transport_is_an_error(monkeypatch) -> None:
    # Every signup stayed pending behind "redsi://", and check --deploy said nothing (found in an audit).
    from celery import Celery, _state

    from signupguard.checks import check_celery_app

    app = Celery("portal", set_as_current=False)
    monkeypatch.setattr(_state._tls, "current_app", None)
    monkeypatch.setattr(_state, "default_app", app)
    app.conf.broker_url = "redsi://:secret@broker:6379/0"
    messages = check_celery_app()
    assert [m.id for m in messages] == ["signupguard.E045"]
    assert "No such transport: redsi" in messages[0].msg and "secret" not in messages[0].msg
    app.conf.broker_url = "redis://broker:6379/0"
    assert check_celery_app() == []
    app.conf.broker_url, app.conf.task_always_eager = "redsi://broker", True  # eager: no broker is used
    assert check_celery_app() == []


class ToAccounts:
    """A host's router that keeps accounts (and so SignupGuard's tables) in another database."""

    def db_for_write(self, model, **hints):
        return "accounts" if model._meta.app_label in {"auth", "signupguard"} else None

    db_for_read = db_for_write


def test_tables_routed_away_from_the_default_database_are_an_error_and_the_velocity_store_follows() -> None:
    # On PostgreSQL every verdict failed and every account stayed pending (found in an audit).
    from signupguard.checks import check_database_routing
    from signupguard.velocity.database import DatabaseVelocityStore

    assert check_database_routing() == [] and DatabaseVelocityStore().using == "default"
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.ToAccounts"]):
        assert [m.id for m in check_database_routing()] == ["signupguard.E046"]
        assert DatabaseVelocityStore().using == "accounts"  # where migrate put its tables


class UsersElsewhere:
    """A host's router that keeps only the user model in another database."""

    def db_for_write(self, model, **hints):
        return "accounts" if model._meta.app_label == "auth" else None

    db_for_read = db_for_write


def test_a_user_model_routed_away_from_the_default_database_is_an_error_too() -> None:
    from signupguard.checks import check_database_routing

    with override_settings(DATABASE_ROUTERS=[f"{__name__}.UsersElsewhere"]):
        assert [m.id for m in check_database_routing()] == ["signupguard.E046"]


def test_logins_scored_from_the_signups_queue_are_a_deploy_warning(monkeypatch) -> None:
    from celery import Celery, _state
    from django.core.checks.registry import registry

    from signupguard.checks import check_login_queue

    def loaded(**conf) -> None:
        app = Celery("portal", set_as_current=False)
        app.conf.update(broker_url="redis://127.0.0.1:6379/0", **conf)
        monkeypatch.setattr(_state._tls, "current_app", app)

    loaded()
    assert [m.id for m in check_login_queue()] == ["signupguard.W045"]
    assert "-Q celery,logins" in check_login_queue()[0].hint
    loaded(task_routes={"signupguard.tasks.score_login": {"queue": "logins"}})
    assert check_login_queue() == []
    loaded(task_routes={"signupguard.tasks.*": {"queue": "scoring"}})  # both on one queue again
    assert [m.id for m in check_login_queue()] == ["signupguard.W045"]
    loaded(task_always_eager=True)  # scored in the request: no queue
    assert check_login_queue() == []
    # Only under `check --deploy`: a development machine has no flood to fear.
    assert check_login_queue in registry.get_checks(include_deployment_checks=True)
    assert check_login_queue not in registry.get_checks(include_deployment_checks=False)
