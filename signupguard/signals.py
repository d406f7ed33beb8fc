"""Signals SignupGuard sends, so hosts can react without subclassing anything.

Declarations only. Every signal is sent after the database change it reports
has been saved (inside the same transaction when there is one: connect with
``transaction.on_commit`` in your receiver if you call out to other systems).
The ``sender`` is always the model class concerned.
"""

from django.dispatch import Signal

#: An attempt received its verdict.
#:
#: sender: ``signupguard.models.Attempt``
#: attempt: the ``Attempt``, saved with score, decision, reasons, enrichment, velocity
#: assessment: the engine's ``Assessment`` (features and the full enrichment records)
attempt_scored = Signal()

#: An account was put on hold (status ``pending`` at signup, or ``review``).
#:
#: sender: the user model
#: user: the account
#: status: ``"pending"`` or ``"review"``
#: attempt: the ``Attempt`` that caused the hold, or ``None`` (a reviewer's action)
#: new_account: ``True`` for the hold of a new account at its signup (it had no status
#:     before); absent otherwise
#: previous: the status the account left (``"pending"``, ``"review"``, ``"cleared"`` or
#:     ``"blocked"``), or ``None`` for a new account's first status
account_held = Signal()

#: An account was blocked. Its credentials are already gone when this is sent,
#: whatever the order of ``INSTALLED_APPS``: API keys revoked
#: (``signupguard.contrib.rest_framework_api_key``), DRF tokens deleted
#: (``rest_framework.authtoken``), both through ``revoke_credentials``.
#:
#: sender: the user model
#: user: the account
#: actor: the user who blocked it, or ``None`` when the model or a rule did
#: reason: short text saying why (a reason of the policy, a reviewer's note)
#: previous: the status the account left (``"pending"``, ``"review"``, ``"cleared"`` or
#:     ``"blocked"``), or ``None`` for a new account's first status
account_blocked = Signal()

#: An account was cleared: it may now use gated features such as API keys.
#:
#: sender: the user model
#: user: the account
#: actor: the user who cleared it, or ``None`` when the model or a rule did
#: reason: short text saying why
#: new_account: ``True`` for an account the adapter exempts, cleared at its signup
#:     without a hold (reason ``"exempt account"``); absent otherwise
#: previous: the status the account left (``"pending"``, ``"review"``, ``"cleared"`` or
#:     ``"blocked"``), or ``None`` for a new account's first status
account_cleared = Signal()

#: Sent just before ``account_blocked``, for what takes the account's credentials
#: away (SignupGuard's API keys and DRF token receivers): every ``account_blocked``
#: receiver then sees them gone, even one connected before them. Same arguments as
#: ``account_blocked``. Hosts that issue credentials of their own may connect here.
revoke_credentials = Signal()
