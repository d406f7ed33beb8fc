"""Celery application of the demo portal: ``celery -A config worker`` / ``beat``.

Settings come from Django's settings with the ``CELERY_`` prefix, so the
broker is ``CELERY_BROKER_URL`` (from the environment of the same name).
"""

import os
from pathlib import Path

from celery import Celery
from celery.beat import PersistentScheduler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class Scheduler(PersistentScheduler):
    """Beat's file-backed schedule (``CELERY_BEAT_SCHEDULER``), in a directory made when beat starts.

    The settings keep the file in var/ (``CELERY_BEAT_SCHEDULE_FILENAME``), which a deployment on
    PostgreSQL may not have created: nothing else of it writes there before ``collectstatic``.
    """

    def setup_schedule(self) -> None:
        Path(self.schedule_filename).parent.mkdir(parents=True, exist_ok=True)
        super().setup_schedule()
