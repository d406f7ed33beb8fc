# The review queue reads attempts from the statuses they decided (admin.filters.QueueFilter). No SQL.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('signupguard', '0008_mailbox_link_keys_of_aliases'),
    ]

    operations = [
        migrations.AlterField(
            model_name='accountstatus',
            name='attempt',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='deciding_statuses', to='signupguard.attempt'),
        ),
    ]
