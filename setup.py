"""Builds the optional C speed-up of the in-process velocity store.

Everything else is declared in pyproject.toml. Without a C compiler the
extension is skipped (``optional=True``) and the store's Python path runs.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("signupguard.velocity._compiled", ["signupguard/velocity/_compiled.c"], optional=True),
    ],
)
