"""Settings of the Celery worker that the end-to-end tests start.

The test settings, with a real broker instead of eager tasks, the test
database (not the one it is created from) and the SIGNUPGUARD dict the tests
use; tests/plugins/services.py passes all three through the environment.
"""

import json
import os

from tests.settings import *  # noqa: F403
from tests.settings import DATABASES

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["SIGNUPGUARD_E2E_BROKER_URL"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
DATABASES["default"]["NAME"] = os.environ["SIGNUPGUARD_E2E_DB_NAME"]
SIGNUPGUARD = json.loads(os.environ["SIGNUPGUARD_E2E_SETTINGS"])
# Other settings of the worker, as a JSON object of setting names (a test's Redis cache, broker options).
globals().update(json.loads(os.environ.get("SIGNUPGUARD_E2E_OVERRIDES", "{}")))
