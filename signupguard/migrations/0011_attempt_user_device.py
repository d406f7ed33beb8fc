"""sg_attempt_user_device: built without locking the attempts table on PostgreSQL.

CREATE INDEX takes a lock that stops every signup's INSERT until the index is
built (minutes on a large table); CREATE INDEX CONCURRENTLY does not, but
cannot run in a transaction, hence ``atomic = False``. Other databases build
it as usual. Written here rather than with django.contrib.postgres, whose
import needs psycopg, which a SQLite install may not have.
"""

from django.db import migrations, models


class AddIndexConcurrentlyOnPostgreSQL(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(model, self.index, concurrently=True)
        else:
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(model, self.index, concurrently=True)
        else:
            schema_editor.remove_index(model, self.index)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ('signupguard', '0010_review_job_exempt'),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgreSQL(
            model_name='attempt',
            index=models.Index(fields=['user', 'device_fingerprint'], name='sg_attempt_user_device'),
        ),
    ]
