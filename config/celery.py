"""Celery application of the demo portal: ``celery -A config worker`` / ``beat``.

Settings come from Django's settings with the ``CELERY_`` prefix, so the
broker is ``CELERY_BROKER_URL`` (from the environment of the same name).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
