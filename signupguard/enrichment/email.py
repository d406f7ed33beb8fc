"""Email enrichment: syntax, canonical mailbox, domain lists and local-part shape.

Fraud at sign-up reuses one real mailbox through provider aliasing
(``j.o.h.n+1@gmail.com``), throw-away domains and machine-generated local
parts, so this module reduces an address to the mailbox that actually receives
the mail and describes the shape of what was typed.

Syntax is decided by ``email-validator`` (no DNS). Validating a domain is the
expensive part of that library and sign-ups concentrate on few domains, so
plain ASCII addresses take a fast path: a strict dot-atom pattern for the local
part (a subset of what the library accepts, checked against it in the tests)
and a cached ``validate_email`` verdict for the domain. Anything else goes
through ``validate_email`` whole. ``analyse_email`` never raises.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from disposable_email_domains import blocklist as _DISPOSABLE
from email_validator import EmailNotValidError, validate_email

from .types import EmailInfo

__all__ = ["analyse_email", "is_disposable_domain", "is_freemail_domain", "is_shared_domain", "is_role_local",
           "linking_mailbox"]

_DATA = Path(__file__).resolve().parent.parent / "data"
MAX_EMAIL = 320  # contract maxLength; RFC 5321 paths are shorter still
MAX_TEMPLATE = 64

# Providers whose aliasing rules are documented: Gmail ignores dots and
# +tags; these others deliver user+tag to user.
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_PLUS_PROVIDERS = frozenset({
    "icloud.com", "me.com", "mac.com",
    "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
    "fastmail.com", "fastmail.fm", "fastmail.net", "fastmail.org", "messagingengine.com",
})
_MICROSOFT_LABELS = frozenset({"outlook", "hotmail", "live", "msn"})

# RFC 5322 atext dot-atom, ASCII only: a strict subset of what email-validator
# accepts for the local part. The domain only has to look like ASCII labels
# here; its validity comes from the cached email-validator verdict.
_FAST = re.compile(
    r"([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
)
# A quoted local part as Django's EmailValidator accepts it (printable ASCII, backslash escapes), then the domain.
_QUOTED = re.compile(r'"((?:[\x01-\x08\x0b\x0c\x0e-\x1f!#-\[\]-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*)"@([^@]+)')
_ESCAPE = re.compile(r"\\(.)", re.S)
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_ASCII_SHAPE = str.maketrans(
    {**{c: "l" for c in "abcdefghijklmnopqrstuvwxyz"}, **{c: "#" for c in "0123456789"}}
)


def _read_list(name: str) -> frozenset[str]:
    """One lower-case entry a line; ``#`` comments and blank lines ignored."""
    entries = set()
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            entries.add(line)
    return frozenset(entries)


_FREEMAIL = _read_list("freemail_domains.txt")
_ROLES = _read_list("role_accounts.txt")
_SHARED = _read_list("shared_domains.txt")


@lru_cache(maxsize=65536)
def is_disposable_domain(domain: str) -> bool:
    """True for a listed throw-away domain or any subdomain of one."""
    labels = domain.split(".")
    return any(".".join(labels[i:]) in _DISPOSABLE for i in range(len(labels) - 1))


def is_freemail_domain(domain: str) -> bool:
    """True for a listed free webmail domain (exact match: subdomains are private)."""
    return domain in _FREEMAIL


def is_shared_domain(domain: str) -> bool:
    """True for a domain unrelated people share that the free-mail list misses (a privacy relay's, ...).

    Exact match: a user's own relay subdomain is theirs. For linking only; the
    free-mail flag, a model feature, is unchanged (``shared_domains.txt``).
    """
    return domain in _SHARED


# Proton also ignores dots, hyphens and underscores (its own client canonicalises j.o-h_n+x@proton.me
# to john@proton.me: "emails that have the same canonical form end up in the same inbox").
_PROTON = frozenset({"proton.me", "protonmail.com", "protonmail.ch", "pm.me"})
_PROTON_PUNCTUATION = str.maketrans("", "", "._-")


# One Apple ID receives user@icloud.com, @me.com and @mac.com alike. One Yandex login receives mail at every Yandex
# domain, with a +tag, and with the dots and hyphens of its name interchangeable (Yandex Mail's help, "login").
_APPLE = frozenset({"icloud.com", "me.com", "mac.com"})
_YANDEX = frozenset({"yandex.ru", "yandex.com", "ya.ru", "yandex.ua", "yandex.by", "yandex.kz", "yandex.com.tr"})


def linking_mailbox(normalized: str) -> str:
    """The mailbox a link names (and a verified mailbox is matched by): ``normalized``, with what else the provider
    ignores removed as well, so that a farm's john.doe@ and john_doe@proton.me, or jo@me.com and jo@icloud.com, or
    ivan.petrov+1@yandex.ru and ivan-petrov@ya.ru, are one.

    Linking only: ``normalized`` feeds the velocity keys and features the shipped model was trained on;
    fold this into ``_canonical`` when the model is next retrained.
    """
    local, at, domain = normalized.rpartition("@")
    if not at:
        return normalized
    if domain in _PROTON:
        return f"{local.translate(_PROTON_PUNCTUATION) or local}@{domain}"  # never an empty mailbox
    if domain in _APPLE:
        return f"{local}@icloud.com"
    if domain in _YANDEX:
        login = local.partition("+")[0] or local
        return f"{login.replace('.', '-')}@yandex.ru"
    return normalized


def is_role_local(local: str) -> bool:
    """True when the local part names a function (``support``), not a person."""
    return local in _ROLES


@lru_cache(maxsize=65536)
def _domain_verdict(domain: str) -> tuple[str, str] | None:
    """(unicode, ascii) domain as email-validator normalises it, or None if invalid."""
    try:
        result = validate_email("x@" + domain, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.domain.lower(), result.ascii_domain.lower()


def _validate(text: str) -> tuple[str, str, str] | None:
    """(local, domain, ascii domain) of a syntactically valid address, else None.

    A non-ASCII domain is read where Django's mail goes (``_as_django_sends``), as typed only when that is
    no valid address: IDNA 2003 maps ``ß`` to ``ss`` and ``ς`` to ``σ``, which IDNA 2008 keeps, so
    ``bot@croßroadsmail.com`` (valid to both) is mailed to the throw-away crossroadsmail.com. Read as typed,
    it had neither the disposable flag nor the mailbox of ``bot@crossroadsmail.com``. Where the two IDNA
    versions agree (``münchen.de``), both readings are one.
    """
    sent = _as_django_sends(text)
    return (_validate_typed(sent) if sent is not None else None) or _validate_typed(text)


def _validate_typed(text: str) -> tuple[str, str, str] | None:
    """(local, domain, ascii domain) of ``text`` as typed if it is a syntactically valid address, else None."""
    match = _FAST.fullmatch(text)
    if match is not None:
        local = match.group(1)
        verdict = _domain_verdict(match.group(2).lower())
        if verdict is None or len(local) > 64 or len(local) + 1 + len(verdict[1]) > 254:
            return None
        return local, verdict[0], verdict[1]
    try:
        result = validate_email(text, check_deliverability=False)
    except (EmailNotValidError, ValueError, TypeError):
        return None
    ascii_domain = (result.ascii_domain or result.domain).lower()
    return result.local_part, result.domain.lower(), ascii_domain


def _as_django_sends(text: str) -> str | None:
    """``text`` with its non-ASCII domain as Django's mail goes to it (the IDNA 2003 codec); None if no other.

    Django's ``EmailValidator`` accepts a domain with a soft hyphen or a zero-width character, which
    IDNA 2003 maps to nothing, and ``sanitize_address`` sends to ``punycode(domain)``: the mail for
    ``bot@mai\\u00adlinator.com`` goes to mailinator.com. email-validator (IDNA 2008) refuses such a
    domain, and read as typed the throw-away address had no disposable domain and no mailbox.
    """
    local, at, domain = text.rpartition("@")
    if not at or domain.isascii():
        return None
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:  # a label IDNA 2003 refuses too: Django refuses the address
        return None


def _overlong_tag_mailbox(text: str) -> str | None:
    """The mailbox of an address invalid only because a provider's +tag pushes its local part past 64 characters.

    Such an address is invalid (RFC 5321), but Django's ``EmailValidator`` accepts it and the provider may still
    deliver it to ``user@``: without its mailbox, a cycler's ``user+<65 characters>@gmail.com`` would escape the
    mailbox's velocity and links. ``valid`` stays False, and with it the features that describe the address.
    """
    match = _FAST.fullmatch(text)
    if match is None or len(match.group(1)) <= 64:
        return None
    verdict = _domain_verdict(match.group(2).lower())
    if verdict is None:
        return None
    local, domain, plus, _ = _canonical(match.group(1).lower(), verdict[1])
    if not plus or len(local) > 64 or len(local) + 1 + len(domain) > 254:
        return None
    return local + "@" + (domain if domain != verdict[1] else verdict[0])


def _quoted_mailbox(text: str) -> str | None:
    """The mailbox of an address whose local part is quoted: ``"bob"@x``, ``"b\\ob"@x`` and ``bob@x`` are one.

    RFC 5321 (4.1.2) makes a quoted local part the same mailbox as its content unquoted. Django's
    ``EmailValidator`` accepts one; email-validator refuses it, so each spelling read as a different,
    invalid address with no mailbox, and escaped the mailbox's velocity and links. What a plain local part
    can say is unquoted (and the provider's rules apply, as to any address); anything else keeps its
    quotes, its escapes removed. ``valid`` stays False, as for an over-long tag.
    """
    match = _QUOTED.fullmatch(text)
    if match is None:
        return None
    verdict = _domain_verdict(match.group(2).lower())
    if verdict is None:
        return None
    content = _ESCAPE.sub(r"\1", match.group(1)).lower()
    if _DOT_ATOM.fullmatch(content):
        local, domain, _, _ = _canonical(content, verdict[1])
    else:
        local, domain = '"' + content.replace("\\", "\\\\").replace('"', '\\"') + '"', verdict[1]
    if len(local) > 64 or len(local) + 1 + len(domain) > 254:
        return None
    return local + "@" + (domain if domain != verdict[1] else verdict[0])


def _mailbox_domain(text: str) -> tuple[str, str] | None:
    """(domain, ascii domain) of an invalid address that has a mailbox, read as a valid address's are.

    Read as typed, ``"ops"@xn--mnchen-3ya.de`` named the domain ``xn--mnchen-3ya.de``, not the ``münchen.de``
    of ``ann@münchen.de``, and ``"bot"@ＭＡＩＬＩＮＡＴＯＲ.com`` was no disposable domain: one domain (Django
    mails both to its punycode) escaped its domain link and flags.
    """
    return _domain_verdict(text.rpartition("@")[2].lower())


def _entropy(text: str) -> float:
    """Shannon entropy in bits per character: generated strings score high."""
    length = len(text)
    if not length:
        return 0.0
    counts: dict[str, int] = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    if len(counts) == 1:
        return 0.0
    log = math.log2
    return -sum(n / length * log(n / length) for n in counts.values())


def _template(local: str) -> str:
    """Letters → ``l``, digits → ``#``, anything else kept: ``john.smith84`` → ``llll.lllll##``."""
    head = local[:MAX_TEMPLATE]
    if head.isascii():
        return head.translate(_ASCII_SHAPE)
    return "".join("l" if c.isalpha() else "#" if c.isdecimal() else c for c in head)


def _canonical(local: str, domain: str) -> tuple[str, str, bool, int]:
    """(local, domain, plus_tag, dots_removed) of the mailbox that receives the mail."""
    if domain in _GMAIL:
        domain = "gmail.com"
        base, plus, _ = local.partition("+")
        if not base:
            return local, domain, False, 0
        dots = base.count(".")
        return base.replace(".", ""), domain, bool(plus), dots
    if domain in _PLUS_PROVIDERS or (
        domain in _FREEMAIL and domain.split(".", 1)[0] in _MICROSOFT_LABELS
    ):
        base, plus, _ = local.partition("+")
        if base:
            return base, domain, bool(plus), 0
    return local, domain, False, 0


def _describe(info: EmailInfo, local: str) -> None:
    info.local = local or None
    info.local_length = len(local)
    info.local_digits = sum(map(str.isdigit, local))
    info.local_entropy = _entropy(local)
    info.template = _template(local) if local else None


def analyse_email(raw: str | None) -> EmailInfo:
    """Everything the pipeline needs to know about the typed address; never raises."""
    info = EmailInfo()
    if not isinstance(raw, str):
        return info
    text = raw.strip()
    if not text:
        return info
    info.present = True
    checked = _validate(text) if len(text) <= MAX_EMAIL else None
    if checked is None:
        # Best effort for an invalid address: keep what looks like its parts so
        # that domain lists and local-part shape still say something.
        local_raw, at, domain_raw = text.rpartition("@")
        if not at:
            return info
        local = local_raw[-MAX_EMAIL:].lower()
        domain = domain_raw[:255].lower().strip(".")
        ascii_domain = domain
        if len(text) <= MAX_EMAIL:
            sent = _as_django_sends(text) or text
            info.normalized = _overlong_tag_mailbox(sent) or _quoted_mailbox(sent)
            if info.normalized and (verdict := _mailbox_domain(sent)) is not None:
                domain, ascii_domain = verdict
    else:
        info.valid = True
        local, domain, ascii_domain = checked[0].lower(), checked[1], checked[2]
    info.domain = domain or None
    _describe(info, local)
    if ascii_domain.isascii() and ascii_domain:
        info.disposable = is_disposable_domain(ascii_domain)
        info.freemail = ascii_domain in _FREEMAIL
    base = local.partition("+")[0] or local
    info.role = base in _ROLES
    if info.valid:
        canon_local, canon_domain, info.plus_tag, info.dots_removed = _canonical(local, ascii_domain)
        # Keep the IDNA-decoded form unless the provider rule renamed the domain.
        info.normalized = canon_local + "@" + (canon_domain if canon_domain != ascii_domain else domain)
        if canon_local != base:
            info.role = info.role or canon_local in _ROLES
    return info
