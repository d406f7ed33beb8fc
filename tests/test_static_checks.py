"""The package type-checks (mypy with django-stubs), and it, the demo, the tests and the benchmarks
lint clean (ruff's pyflakes rules; the independent traffic generators excepted, pyproject.toml says why).

Both read their settings from pyproject.toml, so a developer's `python -m mypy` and
`python -m ruff check` find what this test finds. Versions are pinned in requirements.txt:
a newer checker's new rules should be a deliberate change, not a red build on a fresh machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # The django-stubs plugin imports the demo's settings: give them the embedded defaults.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "DJANGO_"))}
    env["SIGNUPGUARD_VAR_DIR"] = str(tmp_path / "var")
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_package_type_checks(tmp_path: Path) -> None:
    result = _run("mypy", "--cache-dir", str(tmp_path / "mypy-cache"), tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_the_code_lints_clean(tmp_path: Path) -> None:
    result = _run("ruff", "check", "--no-cache", ".", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
