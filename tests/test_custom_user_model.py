"""SignupGuard in a host whose ``AUTH_USER_MODEL`` is not ``auth.User`` (email login, UUID key, own manager).

A process has one user model, so the checks (``tests/custom_user/checks.py``,
which the main run does not collect) run in a pytest of their own, against the
portal in ``tests/custom_user/`` and a test database of their own: SQLite, or
the server of ``DATABASE_URL`` as in the main run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKS = "tests/custom_user/checks.py"
TIMEOUT = 300  # about 15 s when the machine is quiet

pytestmark = pytest.mark.slow


def test_signupguard_works_in_a_portal_with_a_custom_user_model() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTEST_ADDOPTS")}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", CHECKS,
               "--ds", "tests.custom_user.settings", "-rfExX", "--color=no"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    output = f"$ {' '.join(command[2:])}\n{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, output
