"""Mailbox link keys name the mailbox as ``linking_mailbox`` does now.

Releases before this one kept Proton's punctuation (``john.doe@proton.me``),
Apple's other domains (``jo@me.com``) and Yandex's domains, +tags and dots in
the mailbox link keys they stored. An account that signed up that way would
not link to a new one of the same mailbox until its key aged out, so the keys
are rewritten once here; where an account already holds the rewritten key,
the two are merged.
"""

from django.db import migrations
from django.db.models import Max, Min, Q

from signupguard.enrichment.email import linking_mailbox

# The domains whose mailbox keys linking_mailbox rewrites (signupguard.enrichment.email).
DOMAINS = ("proton.me", "protonmail.com", "protonmail.ch", "pm.me", "me.com", "mac.com",
           "yandex.ru", "yandex.com", "ya.ru", "yandex.ua", "yandex.by", "yandex.kz", "yandex.com.tr")


def rewrite_mailbox_keys(apps, schema_editor):
    LinkKey = apps.get_model("signupguard", "LinkKey")
    keys = LinkKey.objects.using(schema_editor.connection.alias)
    query = Q()
    for domain in DOMAINS:
        query |= Q(value__endswith="@" + domain)
    # Listed first: SQLite gives a cursor no isolation from the writes made while it is read.
    for pk, user_id, value in list(keys.filter(query, kind="email").values_list("pk", "user_id", "value")):
        mailbox = linking_mailbox(value)[:255]
        if mailbox == value:
            continue
        same = keys.filter(kind="email", user_id=user_id, value__in=[value, mailbox])
        if same.count() == 1:
            keys.filter(pk=pk).update(value=mailbox)
            continue
        seen = same.aggregate(first=Min("first_seen"), last=Max("last_seen"))
        keys.filter(kind="email", user_id=user_id, value=mailbox).update(first_seen=seen["first"],
                                                                         last_seen=seen["last"])
        keys.filter(pk=pk).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("signupguard", "0007_forget_merged_cluster_attributes"),
    ]

    operations = [
        migrations.RunPython(rewrite_mailbox_keys, migrations.RunPython.noop, elidable=True),
    ]
