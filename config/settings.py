"""Settings of the SignupGuard demo portal.

With no environment variables this is the embedded default of ``make demo``:
SQLite in ``var/``, Celery tasks run eagerly inside the web process, velocity
counters in the database, the demo GeoIP databases in ``var/geoip/``.
Production switches every part through the environment alone:

    DATABASE_URL=postgres://...        the portal's database
    CELERY_BROKER_URL=redis://...      a real broker; run `celery -A config worker`
                                       and `celery -A config beat` (the sweep, velocity pruning)
    SIGNUPGUARD_LOGIN_QUEUE=logins     logins scored from their own queue (workers: -Q celery,logins)
    REDIS_URL=redis://...              velocity counters in Redis
    SIGNUPGUARD_GEOIP_ASN / _CITY / _ANONYMOUS   MaxMind databases
    SIGNUPGUARD_TRUSTED_PROXIES=10.0.0.1,10.1.0.0/16   reverse proxies
    DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_DEBUG, DJANGO_HTTPS

The app reads only ``SIGNUPGUARD`` (see signupguard/conf.py); this module maps
the variables onto it.
"""

from __future__ import annotations

import math
import os
import secrets
from typing import Any
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SIGNUPGUARD_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_number(name: str, default: float, kind: type = float) -> float:
    """The variable as ``kind`` (``int`` or ``float``), or ``default`` when unset or empty; a clear error naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not {'a whole number' if kind is int else 'a number'}") from None


def env_interval(name: str, default: float) -> float:
    """Seconds between runs of a beat task: above 0 and finite, else a clear error naming the variable.

    Beat sends a task whose interval is 0 or negative on every tick (thousands a second, flooding the
    broker), and one of ``inf`` or ``nan`` stops beat at start: neither is a way to turn a task off.
    """
    value = env_number(name, default)
    if not 0 < value < math.inf:  # nan fails both comparisons
        raise ImproperlyConfigured(f"{name}={os.environ[name].strip()!r} is not a number of seconds above 0")
    return value


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_path(name: str, default: Path | None) -> str | None:
    """The variable's path; else the demo file when it has been built; else None."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if default is not None and default.is_file():
        return str(default)
    return None


def _demo_secret_key() -> str:
    """A per-checkout random key kept in var/ (production sets DJANGO_SECRET_KEY)."""
    path = VAR_DIR / "secret-key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        try:  # created readable by its owner alone (never for a moment by the umask's default), once
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process of the first start wrote it meanwhile: its key, not a second one
            return path.read_text().strip()
        with os.fdopen(descriptor, "w") as handle:
            handle.write(key)
        return key


# ---------------------------------------------------------------- Django core
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _demo_secret_key()
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_api_key",
    "signupguard",
    # AccountAPIKey: keys owned by accounts, refused until cleared, revoked on block.
    "signupguard.contrib.rest_framework_api_key",
    "config.portal",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Takes the request snapshot (client IP, headers) for signups and logins.
    "signupguard.middleware.SignupGuardMiddleware",
]
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
_database_url = os.environ.get("DATABASE_URL", "").strip()  # set but empty: unset, as every other variable here
if not _database_url:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        _database_url or _default_db, conn_max_age=int(env_number("DATABASE_CONN_MAX_AGE", 0, int))
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The eager worker and the request share the file; wait for locks a while. A deferred
    # transaction that reads, then writes, fails at once with "database is locked" when
    # another writer got in between (a verdict and a reviewer's action on one account);
    # IMMEDIATE takes the write lock at BEGIN and waits for it instead.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("timeout", 20)
    options.setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:account"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"

if env_bool("DJANGO_HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_number("DJANGO_HSTS_SECONDS", 3600, int)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"signupguard": {"handlers": ["console"], "level": os.environ.get("SIGNUPGUARD_LOG_LEVEL", "INFO")}},
}

# ---------------------------------------------------------------- DRF
REST_FRAMEWORK = {
    # Session auth: Django's CSRF check applies to logged-in writes.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # DRF's JSONParser with a 400, not a 500, for JSON nested too deeply.
    "DEFAULT_PARSER_CLASSES": ["signupguard.contrib.rest_framework.parsers.JSONParser"],
}

# ---------------------------------------------------------------- Celery
# Embedded default (no CELERY_BROKER_URL): tasks run eagerly, inside the web
# process, when the signup transaction commits -- so the verdict is there
# before the response, and nothing else has to run. With a broker, run
# `celery -A config worker` and `celery -A config beat` beside the web server.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
# SIGNUPGUARD_LOGIN_QUEUE=logins scores logins from a queue of their own, so a flood of failed logins does
# not queue new signups behind it (README, Production layout): workers then run with -Q celery,logins.
_login_queue = os.environ.get("SIGNUPGUARD_LOGIN_QUEUE", "").strip()
CELERY_TASK_ROUTES = {"signupguard.tasks.score_login": {"queue": _login_queue}} if _login_queue else {}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker that is down must not hold the signup request for long: the
# attempt stays pending and the sweep picks it up.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.1, "interval_max": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE = {
    "signupguard-sweep-pending": {
        "task": "signupguard.tasks.sweep_pending",
        "schedule": env_interval("SIGNUPGUARD_SWEEP_INTERVAL", 60.0),
    },
    # Without it the database velocity store's tables only grow.
    "signupguard-prune-velocity": {
        "task": "signupguard.tasks.prune_velocity",
        "schedule": env_interval("SIGNUPGUARD_PRUNE_INTERVAL", 3600.0),
    },
    # Deletes nothing unless SIGNUPGUARD["ATTEMPT_RETENTION_DAYS"] is set.
    "signupguard-prune-attempts": {"task": "signupguard.tasks.prune_attempts", "schedule": 86400.0},
}
# Beat's record of each entry's last run: in var/ with the portal's other files, not in whatever directory
# beat was started from (the scheduler makes the directory when beat starts).
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULER = "config.celery:Scheduler"

# ---------------------------------------------------------------- SignupGuard
GEOIP_DIR = VAR_DIR / "geoip"
# Built by `make demo` (manage.py portal_setup) from the simulator's world.
DEMO_GEOIP_ASN = GEOIP_DIR / "GeoLite2-ASN.mmdb"
DEMO_GEOIP_CITY = GEOIP_DIR / "GeoLite2-City.mmdb"
REDIS_URL = os.environ.get("REDIS_URL", "")

SIGNUPGUARD: dict[str, Any] = {
    "GEOIP_ASN": env_path("SIGNUPGUARD_GEOIP_ASN", DEMO_GEOIP_ASN),
    "GEOIP_CITY": env_path("SIGNUPGUARD_GEOIP_CITY", DEMO_GEOIP_CITY),
    "GEOIP_ANONYMOUS": env_path("SIGNUPGUARD_GEOIP_ANONYMOUS", None),
    "TRUSTED_PROXIES": env_list("SIGNUPGUARD_TRUSTED_PROXIES"),
    # The demo is an AI API portal, served where such services usually are: not in the countries
    # under comprehensive sanctions or export restrictions. Set the variable to "" to restrict none.
    "RESTRICTED_COUNTRIES": env_list("SIGNUPGUARD_RESTRICTED_COUNTRIES")
    if "SIGNUPGUARD_RESTRICTED_COUNTRIES" in os.environ else ["CN", "RU", "BY", "IR", "KP", "SY", "CU"],
    # Trained models are promoted here; until then the shipped default is active.
    "MODEL_DIR": os.environ.get("SIGNUPGUARD_MODEL_DIR") or str(VAR_DIR / "models"),
}
# Scoring spends signups' form render tokens here (FORM_TOKEN_CACHE): a day's worth, at least.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 100_000}}}
if REDIS_URL:
    SIGNUPGUARD["VELOCITY_BACKEND"] = "signupguard.velocity.redis.RedisVelocityStore"
    SIGNUPGUARD["VELOCITY_OPTIONS"] = {"url": REDIS_URL}
    # Shared by every worker. Timeouts, or a Redis that stops answering stalls scoring (redis-py
    # waits forever by default).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}
if os.environ.get("SIGNUPGUARD_SYNC_WAIT", "").strip():
    SIGNUPGUARD["SYNC_WAIT"] = env_number("SIGNUPGUARD_SYNC_WAIT", 0.0)
