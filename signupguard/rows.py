"""Plain INSERTs for the signup request: the rows of a model instance, without ``Model.save()``.

``Model.save()`` and ``QuerySet.create()`` compile their SQL anew for every
row and send ``pre_save``/``post_save``; on the signup request that was about
0.3 ms of Python per row on the project's machine. Here each model's INSERT
statement is built once per database vendor, and every concrete field's value
goes through the field's own ``pre_save`` and ``get_db_prep_save``, as in
``save()``: defaults, ``auto_now``, JSON and datetime adaptation are the
ORM's. What is skipped: the per-row SQL compilation, and Django's
``pre_save``/``post_save`` for these three rows (SignupGuard connects no
receiver to them; a host that wants to hear of a new hold listens to
SignupGuard's ``account_held``, which is still sent, or ``account_cleared``
for an exempt account).

``insert_signup`` writes a new account's attempt, its hold and the hold's
audit row. On PostgreSQL all three go in one statement (one round trip);
elsewhere three. The hold is ``ON CONFLICT (user) DO NOTHING``: an account
that already has a status keeps it, without a savepoint around the
statements (the audit row is written only with the hold).
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, connections, models, transaction

from signupguard.models import AccountStatus, Attempt, StatusChange

_SQL: dict[str, tuple[str, tuple, tuple, tuple]] = {}


def _fields(model: type[models.Model], *, skip: tuple[str, ...] = ()) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in skip]


# Fields whose database value is the Python value itself when that is a str,
# int, float, bool or None (what get_db_prep_save returns for them unchanged);
# the others (datetimes, JSON, anything with pre_save work) go through the field.
_PLAIN = (models.CharField, models.TextField, models.BooleanField, models.IntegerField, models.FloatField,
          models.ForeignKey)
_PLAIN_TYPES = frozenset([str, int, float, bool, type(None)])
# Fields that store None as SQL NULL (JSONField too: JSON null needs Value(None, JSONField())),
# so a None needs neither pre_save nor get_db_prep_save unless pre_save sets the value (auto_now).
_NONE_IS_NULL = (*_PLAIN, models.DateTimeField, models.DateField, models.JSONField)


def _plan(fields: list[models.Field]) -> tuple[tuple[str, models.Field, bool, bool], ...]:
    """Per field, once per statement: (attname, field, plain, None is stored as it is)."""
    plan = []
    for f in fields:
        plain = isinstance(f, _PLAIN) and not isinstance(f, models.JSONField)
        if isinstance(f, models.ForeignKey):
            # The key's own field decides: a UUID key given as text is stored as 32 hex digits on SQLite.
            plain = isinstance(f.target_field, _PLAIN) and not isinstance(f.target_field, models.ForeignKey)
        auto = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        plan.append((f.attname, f, plain, isinstance(f, _NONE_IS_NULL) and not auto))
    return tuple(plan)


def _values(obj: models.Model, plan: tuple[tuple[str, models.Field, bool, bool], ...], connection: Any) -> list[Any]:
    values = []
    for attname, f, plain, none_as_is in plan:
        value = getattr(obj, attname)
        if (plain and type(value) in _PLAIN_TYPES) or (value is None and none_as_is):
            values.append(value)
        else:
            values.append(f.get_db_prep_save(f.pre_save(obj, True), connection=connection))
    return values


def _columns(connection: Any, fields: list[models.Field]) -> str:
    qn = connection.ops.quote_name
    return ", ".join(qn(f.column) for f in fields)


def _marks(fields: list[models.Field]) -> str:
    return ", ".join(["%s"] * len(fields))


def _statement(connection: Any) -> tuple[str, tuple, tuple, tuple]:
    """(SQL, attempt, status and audit field plans for ``_values``) of this connection's vendor, built once."""
    found = _SQL.get(connection.vendor)
    if found is not None:
        return found
    qn = connection.ops.quote_name
    a_fields = _fields(Attempt)
    s_fields = _fields(AccountStatus, skip=("attempt_id",))
    c_fields = _fields(StatusChange, skip=("account_id", "attempt_id"))
    a_table, s_table = qn(Attempt._meta.db_table), qn(AccountStatus._meta.db_table)
    c_table = qn(StatusChange._meta.db_table)
    a_pk, s_pk = qn(Attempt._meta.pk.column), qn(AccountStatus._meta.pk.column)
    user_col = qn(AccountStatus._meta.get_field("user").column)
    s_attempt = qn(AccountStatus._meta.get_field("attempt").column)
    c_account = qn(StatusChange._meta.get_field("account").column)
    c_attempt = qn(StatusChange._meta.get_field("attempt").column)
    insert_a = f"INSERT INTO {a_table} ({_columns(connection, a_fields)})"
    insert_s = f"INSERT INTO {s_table} ({_columns(connection, s_fields)}, {s_attempt})"
    insert_c = f"INSERT INTO {c_table} ({_columns(connection, c_fields)}, {c_account}, {c_attempt})"
    if connection.vendor == "postgresql":
        # One round trip: the attempt; the hold pointing at it unless the
        # account has one; the hold's audit row only if the hold was written.
        sql = (
            f"WITH a AS ({insert_a} VALUES ({_marks(a_fields)}) RETURNING {a_pk}), "
            f"s AS ({insert_s} SELECT {_marks(s_fields)}, a.{a_pk} FROM a "
            f"ON CONFLICT ({user_col}) DO NOTHING RETURNING {s_pk}), "
            f"c AS ({insert_c} SELECT {_marks(c_fields)}, s.{s_pk}, a.{a_pk} FROM s, a) "
            f"SELECT (SELECT {a_pk} FROM a), (SELECT {s_pk} FROM s)"
        )
    else:
        returning = f" RETURNING {a_pk}" if connection.features.can_return_columns_from_insert else ""
        sql = "\n".join([  # three statements, split by the caller
            f"{insert_a} VALUES ({_marks(a_fields)}){returning}",
            f"{insert_s} VALUES ({_marks(s_fields)}, %s) ON CONFLICT ({user_col}) DO NOTHING",
            f"{insert_c} VALUES ({_marks(c_fields)}, %s, %s)",
        ])
    found = _SQL[connection.vendor] = (sql, _plan(a_fields), _plan(s_fields), _plan(c_fields))
    return found


# Vendors whose SQL above is known to work (ON CONFLICT ... DO NOTHING, tested in CI).
_VENDORS = frozenset({"postgresql", "sqlite"})


def _insert_with_orm(attempt: Attempt, status: AccountStatus, change: StatusChange, *, using: str) -> bool:
    """``insert_signup`` through the ORM, for other databases (MySQL, Oracle ...): a savepoint instead of ON CONFLICT."""
    attempt.save(force_insert=True, using=using)
    status.attempt = change.attempt = attempt
    try:
        with transaction.atomic(using=using):
            status.save(force_insert=True, using=using)
    except IntegrityError:  # the account already has a status: it keeps it
        return False
    change.account = status
    change.save(force_insert=True, using=using)
    return True


def insert_signup(attempt: Attempt, status: AccountStatus, change: StatusChange, *, using: str = "default") -> bool:
    """INSERT the attempt and, unless the account already has a status row, the hold and its audit row.

    Sets the primary keys (and the foreign keys between the three); returns
    whether the hold was written. The written instances are marked as saved.
    """
    connection = connections[using]
    if connection.vendor not in _VENDORS:
        return _insert_with_orm(attempt, status, change, using=using)
    sql, a_fields, s_fields, c_fields = _statement(connection)
    a_values = _values(attempt, a_fields, connection)
    s_values = _values(status, s_fields, connection)
    c_values = _values(change, c_fields, connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql, a_values + s_values + c_values)
            attempt_id, status_id = cursor.fetchone()
        else:
            insert_attempt, insert_status, insert_change = sql.split("\n")
            cursor.execute(insert_attempt, a_values)
            attempt_id = cursor.fetchone()[0] if "RETURNING" in insert_attempt else cursor.lastrowid
            cursor.execute(insert_status, s_values + [attempt_id])
            status_id = cursor.lastrowid if cursor.rowcount == 1 else None
            if status_id is not None:
                cursor.execute(insert_change, c_values + [status_id, attempt_id])
    attempt.pk = attempt_id
    attempt._state.adding, attempt._state.db = False, using
    status.attempt_id = change.attempt_id = attempt_id
    if status_id is None:
        return False
    status.pk = change.account_id = status_id
    status._state.adding, status._state.db = False, using
    return True
