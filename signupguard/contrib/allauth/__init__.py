"""django-allauth integration.

Installing allauth is enough for signups to be recorded: ``SignupGuardConfig``
connects ``receivers.on_user_signed_up`` to allauth's ``user_signed_up`` when
``allauth.account`` is in ``INSTALLED_APPS``. For a clean refusal page when a
blocked account logs in through allauth, mix ``adapter.SignupGuardAccountAdapterMixin``
into your ``ACCOUNT_ADAPTER``.
"""
