"""Django REST framework integration: a permission, an exception handler, a
JSON parser, the dj-rest-auth registration hook and the token login hook."""
