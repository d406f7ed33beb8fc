"""djangorestframework-api-key integration: keys belong to accounts, and only
cleared accounts get them.

djangorestframework-api-key's own ``APIKey`` has no owner, so nothing could be
revoked when an account is blocked. This installable app provides
``AccountAPIKey`` (an ``AbstractAPIKey`` with a ``user`` foreign key), the
library's documented way to attach keys to something::

    INSTALLED_APPS += ["rest_framework", "rest_framework_api_key",
                       "signupguard.contrib.rest_framework_api_key"]

* ``AccountAPIKey.objects.create_key(user=..., name=...)`` raises
  ``signupguard.gate.NotCleared`` (a ``PermissionDenied``) unless the account
  is cleared; ``views.APIKeyCreateView`` answers ``201 {"key", "prefix"}`` or
  ``403 {"detail", "status"}``.
* Blocking an account revokes (``revoked=True``) all its keys, in the same
  transaction as the block, and records which keys SignupGuard revoked so a
  reviewer's undo can restore exactly those (``restore_keys``).
* ``permissions.HasClearedAccountAPIKey`` authorises requests with a valid key
  of a cleared account.
"""
