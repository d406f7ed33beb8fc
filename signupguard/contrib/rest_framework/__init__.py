"""Django REST framework integration: a permission, an exception handler and
the dj-rest-auth registration hook."""
