"""Merged clusters no longer keep a copy of their shared attributes (addresses, mailboxes, devices).

Before this release a merge left the absorbed cluster's ``top_attributes`` in
place, where neither retention nor erasure reached them: the kept cluster holds
(and recomputes) them now, so the copies are emptied once here.
"""

from django.db import migrations


def forget_merged_attributes(apps, schema_editor):
    Cluster = apps.get_model("signupguard", "Cluster")
    Cluster.objects.using(schema_editor.connection.alias).filter(status="merged").update(top_attributes=[])


class Migration(migrations.Migration):

    dependencies = [
        ("signupguard", "0006_review_job"),
    ]

    operations = [
        migrations.RunPython(forget_merged_attributes, migrations.RunPython.noop, elidable=True),
    ]
