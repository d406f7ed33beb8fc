"""Mailbox link keys name the mailbox as ``linking_mailbox`` does now.

Releases before this one kept Proton's punctuation (``john.doe@proton.me``),
Apple's other domains (``jo@me.com``) and Yandex's domains, +tags and dots in
the mailbox link keys they stored. An account that signed up that way would
not link to a new one of the same mailbox until its key aged out, so the keys
are rewritten once here; where an account already holds the rewritten key,
the two are merged, spanning both. Reversing it leaves the keys as they are.

The rules are copied here, as they stand in this release, rather than imported:
a migration must run the same whatever later releases do to
``signupguard.enrichment.email``. The writes are batched (a few statements per
thousand keys): one statement a key took minutes on a large table, holding
SQLite's only write lock meanwhile.
"""

from django.db import migrations
from django.db.models import Q

BATCH = 1000
# Domain -> (the domain a key names, the characters dropped from the local part, what "." becomes, +tags dropped).
# Apple's and Proton's +tags were already dropped from stored keys (``EmailInfo.normalized``); Yandex's were not.
_PROTON = ("", "._-", "", False)
RULES = {
    **dict.fromkeys(("proton.me", "protonmail.com", "protonmail.ch", "pm.me"), _PROTON),
    **dict.fromkeys(("me.com", "mac.com"), ("icloud.com", "", ".", False)),
    **dict.fromkeys(("yandex.ru", "yandex.com", "ya.ru", "yandex.ua", "yandex.by", "yandex.kz", "yandex.com.tr"),
                    ("yandex.ru", "", "-", True)),
}


def mailbox(value: str) -> str:
    """The key's mailbox as this release's ``linking_mailbox`` names it."""
    local, at, domain = value.rpartition("@")
    rule = RULES.get(domain) if at else None
    if rule is None:
        return value
    to_domain, dropped, dot, tags = rule
    if tags:
        local = local.partition("+")[0] or local
    name = local.translate(str.maketrans("", "", dropped)).replace(".", dot) or local  # never an empty mailbox
    return f"{name}@{to_domain or domain}"[:255]


def rewrite_mailbox_keys(apps, schema_editor):
    LinkKey = apps.get_model("signupguard", "LinkKey")
    connection = schema_editor.connection
    keys = LinkKey.objects.using(connection.alias).filter(kind="email")
    old = Q()
    for domain in RULES:
        old |= Q(value__endswith="@" + domain)
    # Every old key at once (listed first: SQLite gives a cursor no isolation from the writes made while it is
    # read), grouped by the (account, key) it becomes: (pk, first_seen, last_seen) of each.
    groups: dict[tuple, list[tuple]] = {}
    for pk, user_id, value, first, last in keys.filter(old).values_list("pk", "user_id", "value", "first_seen",
                                                                           "last_seen"):
        new = mailbox(value)
        if new != value:
            groups.setdefault((user_id, new), []).append((pk, first, last))
    if not groups:
        return
    # Keys accounts already hold under the new name (Apple's icloud.com ones, say): the old ones merge into them.
    held: dict[tuple, tuple] = {}
    names = sorted({new for _, new in groups})
    for start in range(0, len(names), BATCH):
        for pk, user_id, value, first, last in keys.filter(value__in=names[start:start + BATCH]).values_list(
                "pk", "user_id", "value", "first_seen", "last_seen"):
            if (user_id, value) in groups:
                held[(user_id, value)] = (pk, first, last)
    adapt = connection.ops.adapt_datetimefield_value  # as the ORM stores them (SQLite compares datetimes as text)
    updates, deletions = [], []
    for (user_id, new), rows in groups.items():
        kept = held.get((user_id, new))
        if kept is None:
            kept, rows = rows[0], rows[1:]
        first = min([kept[1], *(row[1] for row in rows)])
        last = max([kept[2], *(row[2] for row in rows)])
        updates.append((new, adapt(first), adapt(last), kept[0]))
        deletions.extend(row[0] for row in rows)
    for start in range(0, len(deletions), BATCH):  # first: a kept key's new name may be a deleted key's old one
        keys.filter(pk__in=deletions[start:start + BATCH]).delete()
    meta, quote = LinkKey._meta, connection.ops.quote_name
    value, first_seen, last_seen = (quote(meta.get_field(name).column) for name in ("value", "first_seen", "last_seen"))
    sql = (f"UPDATE {quote(meta.db_table)} SET {value} = %s, {first_seen} = %s, {last_seen} = %s "
           f"WHERE {quote(meta.pk.column)} = %s")
    with connection.cursor() as cursor:
        for start in range(0, len(updates), BATCH):
            cursor.executemany(sql, updates[start:start + BATCH])


class Migration(migrations.Migration):

    dependencies = [
        ("signupguard", "0007_forget_merged_cluster_attributes"),
    ]

    operations = [
        migrations.RunPython(rewrite_mailbox_keys, migrations.RunPython.noop, elidable=True),
    ]
