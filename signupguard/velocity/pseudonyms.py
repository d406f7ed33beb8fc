"""Pseudonyms: what the persistent velocity stores write instead of people's data.

Velocity keys and distinct members name people in clear text (``s:ip:203.0.113.9``,
``s:em:jane@example.com``, an account id as the member of ``d:dev:<fingerprint>``;
see ``keys.py``). The Redis and database stores keep them for a week whatever
the portal's retention, and a Redis dump or a database backup would carry them.
Those stores therefore write a keyed hash of each name instead: BLAKE2b keyed
with a secret derived from Django's ``SECRET_KEY``, 128 bits written as 22
base64url characters. A store only ever compares names for equality, so
readings are the same as with the clear text; a collision (two names, one
pseudonym) among four billion names has odds of about 2**-65.

A distinct member is hashed together with its key's digest: the same account
in the set of one device and in the set of one address gets two unrelated
names, so a dump cannot join an account's devices and addresses either.

The cost is some 35 µs of hashing per observe of a real plan (about 30 keys
and 8 members), 1-2 % of a Redis or SQLite observe and lost in the noise of a
PostgreSQL one.

This is pseudonymisation, not anonymisation: whoever holds ``SECRET_KEY``
can confirm a guess (and IPv4 addresses can all be guessed), so the secret
must stay as private as the key it comes from. Names depend on it: rotating
``SECRET_KEY`` restarts every counter, as does turning pseudonyms on or off
(``SECRET_KEY_FALLBACKS`` are not read, a second set of names would double
the work of every observe). The in-process store does not use any of this:
it holds nothing once its process ends, and replay pays for every hash.
"""

from __future__ import annotations

import binascii
import hashlib
from typing import Callable, Sequence

DIGEST_SIZE = 16
SALT = "signupguard.velocity.pseudonyms"
_URLSAFE = bytes.maketrans(b"+/", b"-_")


def secret_from_settings() -> bytes:
    """32 bytes derived from ``SECRET_KEY`` for this use alone (they reveal nothing of ``SECRET_KEY`` itself)."""
    from django.utils.crypto import salted_hmac

    return salted_hmac(SALT, "velocity store names", algorithm="sha256").digest()


def _text(digest: bytes) -> str:
    # base64url without padding: 22 characters where hex takes 32, so smaller keys and indexes.
    return binascii.b2a_base64(digest, newline=False)[:22].translate(_URLSAFE).decode("ascii")


class Names:
    """The names a store writes for velocity keys and distinct members."""

    __slots__ = ()

    def key(self, key: str) -> str:
        """The stored name of a counter or distinct key."""
        raise NotImplementedError

    def pair(self, key: str, member: str) -> tuple[str, str]:
        """The stored names of a distinct key and of one member of its set."""
        raise NotImplementedError

    def observed(self, counters: Sequence[str], peek: Sequence[str],
                 distinct: Sequence[tuple[str, str]]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
        """The stored names of one observe's counters, peeked keys and distinct pairs."""
        return [self.key(k) for k in counters], [self.key(k) for k in peek], [self.pair(k, m) for k, m in distinct]


class Pseudonyms(Names):
    """Keyed hashes of the names."""

    __slots__ = ("_keys", "_members")

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("a pseudonym secret needs at least 16 bytes")
        # Keyed once: copying a keyed state skips the key block each hash would otherwise compress.
        # Distinct ``person`` strings keep a key's and a member's names apart.
        self._keys = hashlib.blake2b(key=secret, digest_size=DIGEST_SIZE, person=b"sg velocity key")
        self._members = hashlib.blake2b(key=secret, digest_size=DIGEST_SIZE, person=b"sg velocity mbr")

    @classmethod
    def from_settings(cls) -> "Pseudonyms":
        return cls(secret_from_settings())

    def _digest(self, key: str) -> bytes:
        h = self._keys.copy()
        h.update(key.encode("utf-8", "surrogatepass"))
        return h.digest()

    def key(self, key: str) -> str:
        return _text(self._digest(key))

    def pair(self, key: str, member: str) -> tuple[str, str]:
        digest = self._digest(key)
        h = self._members.copy()
        h.update(digest)  # fixed length: no key and member can run into each other
        h.update(member.encode("utf-8", "surrogatepass"))
        return _text(digest), _text(h.digest())


class PlainNames(Names):
    """Names as they are, through the store's ``fit`` (``pseudonymise=False``, for debugging)."""

    __slots__ = ("_fit",)

    def __init__(self, fit: Callable[[str], str]) -> None:
        self._fit = fit

    def key(self, key: str) -> str:
        return self._fit(key)

    def pair(self, key: str, member: str) -> tuple[str, str]:
        return self._fit(key), self._fit(member)


def _as_is(name: str) -> str:
    return name


def for_store(pseudonymise: bool, *, fit: Callable[[str], str] = _as_is) -> Names:
    """The names a store writes: pseudonyms, or with ``pseudonymise`` off its names through ``fit``."""
    # A strict bool: a settings value such as "false" must not quietly keep them on (or off).
    if not isinstance(pseudonymise, bool):
        raise ValueError(f"pseudonymise must be True or False, not {pseudonymise!r}")
    return Pseudonyms.from_settings() if pseudonymise else PlainNames(fit)
