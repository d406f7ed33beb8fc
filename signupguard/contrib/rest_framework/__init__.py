"""Django REST framework integration: a permission, an exception handler, a
JSON parser, the dj-rest-auth registration and login hooks, and (``tokens``)
the receivers that keep DRF tokens away from blocked accounts."""
