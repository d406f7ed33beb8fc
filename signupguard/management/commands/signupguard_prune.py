"""signupguard_prune: delete the velocity rows no attempt can read any more.

For sites without Celery beat (the embedded default's eager tasks): run it
from cron, hourly or daily. With beat, schedule ``signupguard.tasks.prune_velocity``
instead; both do the same.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from signupguard import velocity


class Command(BaseCommand):
    help = "Delete the database velocity store's expired rows (Redis and the in-process store expire their own)."

    def handle(self, *args, **options) -> None:
        store = velocity.get_store()
        prune = getattr(store, "prune_expired", None)
        if prune is None:
            self.stdout.write(f"nothing to prune: {type(store).__name__} expires its own keys")
            return
        try:
            deleted = prune()
        except DatabaseError as exc:
            raise CommandError(f"could not prune the velocity tables: {exc} (has `manage.py migrate` run?)") from None
        self.stdout.write(f"pruned {deleted:,} expired velocity rows")
