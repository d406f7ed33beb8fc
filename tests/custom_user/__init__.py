"""A host portal whose user model is not ``auth.User`` (see settings.py and checks.py).

Loading the Celery app here binds SignupGuard's ``@shared_task``s to it, as README step 3 asks.
"""

from .celery import app as celery_app

__all__ = ("celery_app",)
