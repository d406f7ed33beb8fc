"""The portal's Celery app, as README step 3 writes ``proj/celery.py``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.custom_user.settings")

app = Celery("custom_user")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
