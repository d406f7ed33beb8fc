"""Database routing: signupguard.E046, W044."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from signupguard.checks.base import TAG


# ---------------------------------------------------------------------------
#   E046  DATABASE_ROUTERS send SignupGuard's tables to a database other than "default":
#         its transactions and row locks run on "default", so on PostgreSQL every verdict
#         failed ("select_for_update cannot be used outside of a transaction") and every
#         account stayed pending (found in an audit). Reads of them from a replica too: it
#         reads back rows it has just written, so a lagging replica failed the scoring of
#         every signup it had not received yet (the account pending for good), and an API
#         key was issued to an account blocked a moment before (found in an audit)
#   W044  ... and the user model's reads: accounts the replica does not have yet are passed
#         over (a reviewer's block of a farm's newest accounts did nothing; found in an audit)
# ---------------------------------------------------------------------------


def _own_models() -> list[Any]:
    """SignupGuard's models (its API keys' too, when installed), but the velocity store's.

    The database velocity store reads and writes its two tables on the alias
    their router names (``DatabaseVelocityStore.using``), with nothing referring to them.
    """
    from django.apps import apps

    from signupguard.models import VelocityBucket, VelocityMember

    return [model for model in apps.get_models() if model._meta.app_label in {"signupguard", "signupguard_api_key"}
            and model not in (VelocityBucket, VelocityMember)]


@register(TAG)
def check_database_routing(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from django.contrib.auth import get_user_model
    from django.db import DEFAULT_DB_ALIAS, router

    # The user model too: SignupGuard's rows refer to it, and record_signup runs in its transaction.
    own = _own_models()
    routed = {router.db_for_write(model) for model in (*own, get_user_model())} - {DEFAULT_DB_ALIAS, None}
    if routed:
        return [Error(
            f"DATABASE_ROUTERS send SignupGuard's tables to {', '.join(sorted(routed))}: SignupGuard supports only the "
            f"{DEFAULT_DB_ALIAS!r} database (its transactions and row locks run there), and on PostgreSQL every verdict "
            "would fail and every account stay pending.",
            hint="Route the signupguard app, and the user model it refers to, to the default database.",
            obj="DATABASE_ROUTERS", id="signupguard.E046",
        )]
    # Reads of its own rows fail outright; the user model's only miss the newest accounts.
    messages: list[CheckMessage] = []
    replicas = {router.db_for_read(model) for model in own} - {DEFAULT_DB_ALIAS, None}
    if replicas:
        messages.append(Error(
            f"DATABASE_ROUTERS read SignupGuard's tables from {', '.join(sorted(replicas))}: SignupGuard reads back "
            f"rows it has just written on {DEFAULT_DB_ALIAS!r}, so a lagging replica would fail the scoring of new "
            "signups (their accounts pending for good) and let an account blocked a moment ago pass the gate.",
            hint=f"In your router's db_for_read, return {DEFAULT_DB_ALIAS!r} for the app labels "
                 "\"signupguard\" and \"signupguard_api_key\" (for the user model, see signupguard.W044).",
            obj="DATABASE_ROUTERS", id="signupguard.E046",
        ))
    users = router.db_for_read(get_user_model())
    if users not in (DEFAULT_DB_ALIAS, None):
        messages.append(Warning(
            f"DATABASE_ROUTERS read the user model from {users!r}: SignupGuard loads accounts by id there, and "
            "passes over those the replica does not have yet (a reviewer's block or approval of accounts made "
            "seconds ago does nothing, the clusters miss them).",
            hint=f"Return {DEFAULT_DB_ALIAS!r} from db_for_read for the user model too, or accept that lag.",
            obj="DATABASE_ROUTERS", id="signupguard.W044",
        ))
    return messages
