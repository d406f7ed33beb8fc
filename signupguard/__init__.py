"""SignupGuard: self-hosted signup and login fraud scoring for Django."""

__version__ = "0.1.0"
