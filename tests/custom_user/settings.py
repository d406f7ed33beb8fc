"""A host portal with its own user model: the test suite's settings, with ``AUTH_USER_MODEL = "accounts.User"``.

Used only by ``tests/custom_user/checks.py``, which ``tests/test_custom_user_model.py``
runs in a subprocess (a process has one ``AUTH_USER_MODEL``). Importing this
package first loads the portal's Celery app (``tests/custom_user/__init__.py``),
as the README's ``proj/__init__.py`` does.
"""

import copy
import os

from tests import settings as base
from tests.settings import *  # noqa: F401,F403 - the suite's settings, overridden below

# The demo portal's app (config.portal) is auth.User's; this portal has its own accounts app instead.
INSTALLED_APPS = [app for app in base.INSTALLED_APPS if app != "config.portal"] + ["tests.custom_user.accounts"]
AUTH_USER_MODEL = "accounts.User"
ROOT_URLCONF = "tests.custom_user.urls"
LOGIN_URL = "/login/"

# Same engine as the suite (SQLite, or DATABASE_URL), but never the suite's test database:
# both may run at once (this one inside a main-suite test).
DATABASES = copy.deepcopy(base.DATABASES)
_default = DATABASES["default"]
if _default["ENGINE"].endswith("sqlite3"):
    _default["TEST"]["NAME"] = str(base.BASE_DIR / "var" / f"test-custom-user-{os.getpid()}.sqlite3")
else:
    _default["TEST"]["NAME"] = f"test_{_default['NAME']}_custom_user"

# django-allauth as an email-only portal configures it: there is no username field.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
