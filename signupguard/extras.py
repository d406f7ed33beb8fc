"""The ``pip install`` that brings an optional extra's packages.

SignupGuard is installed from a checkout (README: Install into your portal), not from a package
index: ``pip install 'django-signupguard[report]'`` answers "No matching distribution found", so
advice names the extra's own requirements, as the installed metadata lists them.
"""

from __future__ import annotations

import shlex
from importlib import metadata

DISTRIBUTION = "django-signupguard"


def extra_requirements(extra: str) -> list[str]:
    """The requirements ``extra`` adds (``"faker>=25"``), without their markers; [] when not installed."""
    try:
        requires = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    marker = f'extra == "{extra}"'
    return [req.split(";")[0].strip() for req in requires if marker in req.replace("'", '"')]


def install_hint(extra: str) -> str:
    """``pip install 'faker>=25' ...`` for ``extra``; a checkout never installed gets the checkout's form."""
    packages = extra_requirements(extra)
    if not packages:
        return f"pip install '/path/to/checkout[{extra}]'"
    return "pip install " + " ".join(shlex.quote(package) for package in packages)
