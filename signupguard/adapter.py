"""The host's policy hooks, in one class to subclass (allauth's adapter pattern).

Point ``SIGNUPGUARD["ADAPTER"]`` at a subclass of ``DefaultAdapter`` and
override what your portal does differently; every hook has a harmless default.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string

from signupguard.conf import joined_before_cutoff, sg_settings, switch_setting


class DefaultAdapter:
    def get_account_id(self, user: Any) -> str:
        """The contract's ``account`` for this user: stable, never reused."""
        return str(user.pk)

    def is_exempt(self, user: Any) -> bool:
        """Accounts that are never held (still scored, for the record).

        Superusers are made by operators, not by signup forms.
        """
        return bool(getattr(user, "is_superuser", False))

    def missing_status(self, user: Any) -> str:
        """Status of an account SignupGuard never saw sign up.

        ``pending`` (fail closed), except for accounts that joined before
        ``CLEARED_IF_JOINED_BEFORE`` (a portal's existing customers when it
        installs SignupGuard): ``cleared``. An unusable setting clears nobody
        (``check`` reports it: ``signupguard.E047``). Override for other rules
        (staff, an import's accounts).
        """
        try:
            cutoff = joined_before_cutoff(sg_settings.CLEARED_IF_JOINED_BEFORE)
            joined = getattr(user, "date_joined", None)
            if cutoff is not None and isinstance(joined, dt.datetime) and joined < cutoff:
                return "cleared"
        except (ValueError, TypeError):  # an unusable setting, or a naive date_joined beside an aware cutoff
            pass
        return "pending"

    def can_login_when_blocked(self, user: Any) -> bool:
        """Whether a blocked account may log in (to see why, to appeal). An exempt account always may.

        Every gate reads an exempt account as cleared whatever its row says: refusing its login alone
        let a block (a cluster an attacker linked a superuser into) lock the operator out of the admin.
        """
        if self.is_exempt(user):
            return True
        return switch_setting("BLOCKED_CAN_LOGIN")  # not bool(): "False" let blocked accounts in (check E039)

    def resolve_login_user(self, credentials: Mapping[str, Any]) -> Any | None:
        """The account a failed login was aimed at, from its (cleansed) credentials.

        Lets failed-login bursts be counted per account. The identifier as
        typed first, then in lower case (allauth logs in case-insensitively
        and stores usernames in lower case: "CAROL" tries carol's password),
        then as an email, which counts only when it names one account. Returns
        None when the identifier matches no account or several; never raises.
        Every lookup goes through an index: a failed login to an unknown name
        is what a credential-stuffing run sends, again and again, and it runs
        in the request (``__iexact`` read the whole user table each time,
        200-350 ms at a million users on PostgreSQL). So an email is looked up
        in allauth's ``EmailAddress`` (stored in lower case, indexed), then in
        the user model's own column only where that column is indexed; Django's
        own ``auth.User`` has no index on ``email``, and a portal that logs in
        by username there cannot be logged into by an address anyway.
        Override this for a login backend of your own.
        """
        model = get_user_model()
        field = model.USERNAME_FIELD
        # Deduplicated: Django and allauth pass the username as both.
        given = (credentials.get(field), credentials.get("username"), credentials.get("login"))
        typed = list(dict.fromkeys(c for c in given if isinstance(c, str) and c))
        email = credentials.get("email")
        manager = model._default_manager
        try:
            for value in dict.fromkeys(typed + [v.lower() for v in typed]):
                user = manager.filter(**{field: value}).first()
                if user is not None:
                    return user
            identifier = email or next((c for c in typed if "@" in c), None)
            if isinstance(identifier, str) and identifier:
                return _by_email(model, identifier)
        except Exception:  # a custom user model without such fields
            return None
        return None

    def login_identifier(self, credentials: Mapping[str, Any]) -> str | None:
        """What the failed login typed as its account (recorded when no user matches)."""
        for key in (get_user_model().USERNAME_FIELD, "username", "login", "email"):
            value = credentials.get(key)
            if isinstance(value, str) and value:
                return value[:256]
        return None

    def email_verified(self, user: Any) -> bool:
        """Whether the account proved it owns its email address.

        Anyone can sign up with someone else's address. Until an address is
        verified, sharing a mailbox with blocked accounts holds an account for
        review but never blocks it (the retroactive action), or three scripted
        signups with a victim's address would block the victim. This default
        trusts django-allauth's verified ``EmailAddress`` and nothing else;
        return True from your own verification if you do not use allauth.
        """
        from django.apps import apps

        email = getattr(user, "email", "") or ""
        if not email or not apps.is_installed("allauth.account"):
            return False
        from allauth.account.models import EmailAddress

        return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()

    def verified_mailboxes(self, user_ids: Iterable[int]) -> dict[int, set[str]]:
        """The mailboxes each of these accounts proved it owns, as mailbox links name them (``linking_mailbox``).

        A mailbox link blocks only where both accounts verified *that* mailbox: an
        account that signed up with a victim's address and then verified one of its
        own has verified an address, not the victim's mailbox. With allauth, every
        verified ``EmailAddress`` (one query); an adapter that overrides
        ``email_verified`` vouches for the account's current address.
        """
        from signupguard.enrichment.email import analyse_email, linking_mailbox

        ids = list(user_ids)
        found: dict[int, set[str]] = {}
        if not ids:
            return found
        if type(self).email_verified is not DefaultAdapter.email_verified:
            model = get_user_model()
            email_field = model.get_email_field_name()
            users = model._default_manager.filter(pk__in=ids)
            pairs = [(user.pk, getattr(user, email_field, "") or "") for user in users if self.email_verified(user)]
        else:
            from django.apps import apps

            if not apps.is_installed("allauth.account"):
                return found
            from allauth.account.models import EmailAddress

            pairs = list(EmailAddress.objects.filter(user_id__in=ids, verified=True).values_list("user_id", "email"))
        for uid, address in pairs:
            normalized = analyse_email(address).normalized
            if normalized:
                found.setdefault(uid, set()).add(linking_mailbox(normalized)[:255])  # as the link key names it
        return found

    def on_blocked(self, user: Any, *, actor: Any | None, reason: str) -> None:
        """Called after an account is blocked and ``account_blocked`` was sent.

        API keys are revoked by ``signupguard.contrib.rest_framework_api_key``
        when installed; revoke your other credentials (tokens, sessions) here.
        """

    def on_cleared(self, user: Any, *, actor: Any | None, reason: str) -> None:
        """Called after an account is cleared and ``account_cleared`` was sent."""

    def can_restore_keys(self, user: Any) -> bool:
        """Whether undoing a block gives back the API keys the block revoked.

        True by default; return False to make the account create new keys.
        """
        return True


def _by_email(model: Any, address: str) -> Any | None:
    """The one account with this address, found through an index or not at all (see ``resolve_login_user``)."""
    from django.apps import apps

    candidates = list(dict.fromkeys((address, address.lower())))
    if apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        owners = list(EmailAddress.objects.filter(email__in=candidates)
                      .values_list("user_id", flat=True).distinct()[:2])
        if owners:
            return model._default_manager.filter(pk=owners[0]).first() if len(owners) == 1 else None
    name = getattr(model, "EMAIL_FIELD", "email")
    if not _indexed(model, name):
        return None
    return _only(model._default_manager.filter(**{f"{name}__in": candidates}))


def _indexed(model: Any, name: str) -> bool:
    """Whether an index leads with the model's field ``name`` (unique, ``db_index``, or in ``Meta``)."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # a user model without that field
        return False
    if field.unique or field.db_index:
        return True
    meta = model._meta
    leading = [list(index.fields)[:1] for index in meta.indexes]
    leading += [list(getattr(c, "fields", ()) or ())[:1] for c in meta.constraints]
    leading += [list(fields)[:1] for fields in meta.unique_together]
    return [name] in leading


def _only(users: Any) -> Any | None:
    """The one user of the queryset, or None when it has none or several (which one was meant is unknown)."""
    found = list(users[:2])
    return found[0] if len(found) == 1 else None


def get_adapter() -> DefaultAdapter:
    """An instance of the configured adapter class (resolved at call time)."""
    return import_string(sg_settings.ADAPTER)()
