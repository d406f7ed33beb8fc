"""Settings for the test suite: the demo portal's settings with test overrides.

DATABASE_URL selects the database (SQLite file by default, PostgreSQL in CI's
second pass).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "signupguard-tests-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "UTC"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "signupguard",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "tests.urls"
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
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'test.sqlite3'}")
    )
}
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not :memory:, so a real Celery worker process can share it.
    # One file per test process, so concurrent runs do not share it.
    DATABASES["default"]["TEST"]["NAME"] = str(BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Where scoring spends form render tokens (FORM_TOKEN_CACHE), as the demo portal has it.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 100_000}}}

SIGNUPGUARD = {
    "VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore",
}
CELERY_TASK_ALWAYS_EAGER = True

# --- live integration (capture, hold, gate; issue 3 §1-5) ---------------------
# Appended without duplicates so other variants can add the same apps.
for _app in (
    "rest_framework",
    "rest_framework.authtoken",  # token logins (DRF's obtain_auth_token, dj-rest-auth's LoginView)
    "rest_framework_api_key",
    "signupguard.contrib.rest_framework_api_key",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",  # dj-rest-auth's registration serializer imports its models
):
    if _app not in INSTALLED_APPS:
        INSTALLED_APPS.append(_app)
for _mw in ("signupguard.middleware.SignupGuardMiddleware", "allauth.account.middleware.AccountMiddleware"):
    if _mw not in MIDDLEWARE:
        MIDDLEWARE.append(_mw)

# --- demo portal (config/portal; issue 3 §6): its tests use ROOT_URLCONF=config.urls
if "config.portal" not in INSTALLED_APPS:
    INSTALLED_APPS.append("config.portal")

# --- review console (issue 5) ---------------------------------------------------
# The e2e worker and the live server write concurrently (scoring, cluster
# maintenance, retroactive reviews). A deferred SQLite transaction that reads
# and then writes fails at once with "database is locked" when another writer
# got in between; IMMEDIATE takes the write lock at BEGIN, and waits for it.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")

# --- database routing (tests/test_database_routing.py) ----------------------------
# A second alias with its own, empty, database: a read replica that has not caught up yet.
# Created only for the tests that name it in ``databases``.
DATABASES["replica"] = {**DATABASES["default"], "TEST": dict(DATABASES["default"]["TEST"])}
if DATABASES["replica"]["ENGINE"].endswith("sqlite3"):
    DATABASES["replica"]["TEST"]["NAME"] = str(BASE_DIR / "var" / f"test-replica-{os.getpid()}.sqlite3")
else:
    DATABASES["replica"]["TEST"]["NAME"] = f"test_{DATABASES['default']['NAME']}_replica"
