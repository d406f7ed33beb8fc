"""Email enrichment: the normalisation table, domain lists, shape, hostile input."""

from __future__ import annotations

import random
import string

import pytest
from email_validator import EmailNotValidError, validate_email

from signupguard.enrichment.email import (
    analyse_email,
    is_disposable_domain,
    is_freemail_domain,
    is_role_local,
)

# raw, valid, normalized, domain, plus_tag, dots_removed
NORMALISATION = [
    # Gmail: dots and +tags ignored, googlemail is the same mailbox.
    ("john.smith@gmail.com", True, "johnsmith@gmail.com", "gmail.com", False, 1),
    ("j.o.h.n.smith@gmail.com", True, "johnsmith@gmail.com", "gmail.com", False, 4),
    ("john.smith+promo@gmail.com", True, "johnsmith@gmail.com", "gmail.com", True, 1),
    ("John.Smith+a.b@GMAIL.COM", True, "johnsmith@gmail.com", "gmail.com", True, 1),
    ("john.smith@googlemail.com", True, "johnsmith@gmail.com", "googlemail.com", False, 1),
    ("johnsmith+x+y@googlemail.com", True, "johnsmith@gmail.com", "googlemail.com", True, 0),
    ("johnsmith@gmail.com", True, "johnsmith@gmail.com", "gmail.com", False, 0),
    # Microsoft: +tags only, dots kept, country domains included.
    ("ana.lopez+shop@outlook.com", True, "ana.lopez@outlook.com", "outlook.com", True, 0),
    ("ana+x@hotmail.co.uk", True, "ana@hotmail.co.uk", "hotmail.co.uk", True, 0),
    ("Ana+Tag@Live.com", True, "ana@live.com", "live.com", True, 0),
    ("ana+tag@msn.com", True, "ana@msn.com", "msn.com", True, 0),
    ("ana.lopez@outlook.fr", True, "ana.lopez@outlook.fr", "outlook.fr", False, 0),
    # Apple, Proton, Fastmail: +tags only.
    ("tim.c+news@icloud.com", True, "tim.c@icloud.com", "icloud.com", True, 0),
    ("tim+news@me.com", True, "tim@me.com", "me.com", True, 0),
    ("tim+1@mac.com", True, "tim@mac.com", "mac.com", True, 0),
    ("priv.acy+web@proton.me", True, "priv.acy@proton.me", "proton.me", True, 0),
    ("privacy+web@protonmail.com", True, "privacy@protonmail.com", "protonmail.com", True, 0),
    ("privacy+web@pm.me", True, "privacy@pm.me", "pm.me", True, 0),
    ("fast.user+tag@fastmail.com", True, "fast.user@fastmail.com", "fastmail.com", True, 0),
    # Other domains: only case changes, dots and + are part of the mailbox.
    ("first.last+billing@acme-corp.com", True, "first.last+billing@acme-corp.com", "acme-corp.com", False, 0),
    ("First.Last@Acme-Corp.COM", True, "first.last@acme-corp.com", "acme-corp.com", False, 0),
    ("x+y@yahoo.com", True, "x+y@yahoo.com", "yahoo.com", False, 0),
    # Internationalised domains are stored decoded, from either form.
    ("josé@bücher.de", True, "josé@bücher.de", "bücher.de", False, 0),
    ("user@xn--bcher-kva.de", True, "user@bücher.de", "bücher.de", False, 0),
    ("  spaced@example.org  ", True, "spaced@example.org", "example.org", False, 0),
    # A tag with nothing before it is not stripped into an empty mailbox.
    ("+only@gmail.com", True, "+only@gmail.com", "gmail.com", False, 0),
    # Invalid: best-effort parts, no normalised mailbox.
    ("a@b@c.com", False, None, "c.com", False, 0),
    ("john..smith@gmail.com", False, None, "gmail.com", False, 0),
    ("no-at-sign.example.com", False, None, None, False, 0),
    ("user@localhost", False, None, "localhost", False, 0),
    ("user@[192.0.2.1]", False, None, "[192.0.2.1]", False, 0),
    ('"quoted"@example.com', False, "quoted@example.com", "example.com", False, 0),  # its mailbox unquoted
    ("user@example.com.", False, None, "example.com", False, 0),
    ("user name@example.com", False, None, "example.com", False, 0),
]


@pytest.mark.parametrize("raw, valid, normalized, domain, plus_tag, dots", NORMALISATION)
def test_normalisation_table(raw, valid, normalized, domain, plus_tag, dots):
    info = analyse_email(raw)
    assert info.present
    assert info.valid is valid
    assert info.normalized == normalized
    assert info.domain == domain
    assert info.plus_tag is plus_tag
    assert info.dots_removed == dots


@pytest.mark.parametrize("raw", [None, "", "   ", "\n\t"])
def test_absent(raw):
    info = analyse_email(raw)
    assert not info.present and not info.valid
    assert info.normalized is None and info.domain is None and info.template is None


@pytest.mark.parametrize(
    "raw",
    [
        "a" * 100_000 + "@gmail.com",
        "x@" + "a." * 5000 + "com",
        "@",
        "@@@",
        "a@",
        "@b.com",
        "\x00@\x00.com",
        "😀@😀.com",
        "ünïcödé@ünïcödé",
        "a@b@c",
        "user@-bad-.com",
        "user@" + "a" * 64 + ".com",
        "\u202euser@evil.com",
    ],
)
def test_hostile_input_never_raises(raw):
    info = analyse_email(raw)
    assert info.present
    assert info.template is None or len(info.template) <= 64


@pytest.mark.parametrize("raw", [123, b"a@b.com", ["a@b.com"], {"email": "x"}])
def test_wrong_types_are_absent(raw):
    assert analyse_email(raw) == analyse_email(None)


@pytest.mark.parametrize(
    "raw, disposable",
    [
        ("bot1@mailinator.com", True),
        ("bot1@inbox.mailinator.com", True),  # a subdomain of a listed domain
        ("bot1@a.b.mailinator.com", True),
        ("bot1@guerrillamail.com", True),
        ("bot1@gmail.com", False),
        ("bot1@acmemailinator.com", False),  # a suffix is not a parent domain
        ("bot1@mailinator.com.example.org", False),
    ],
)
def test_disposable(raw, disposable):
    assert analyse_email(raw).disposable is disposable


def test_disposable_on_invalid_address_still_reported():
    info = analyse_email("a..b@mailinator.com")
    assert not info.valid and info.disposable


@pytest.mark.parametrize(
    "domain, freemail",
    [("gmail.com", True), ("yahoo.co.jp", True), ("web.de", True), ("mail.ru", True), ("qq.com", True),
     ("163.com", True), ("naver.com", True), ("proton.me", True), ("acme-corp.com", False),
     ("mail.gmail.com", False)],
)
def test_freemail(domain, freemail):
    assert is_freemail_domain(domain) is freemail
    assert analyse_email(f"someone@{domain}").freemail is freemail


def test_data_lists_are_substantial():
    import signupguard.enrichment.email as module

    assert len(module._FREEMAIL) >= 100
    assert {"admin", "info", "support", "sales", "noreply", "postmaster"} <= module._ROLES
    assert is_disposable_domain("mailinator.com") and not is_disposable_domain("com")


@pytest.mark.parametrize(
    "raw, role",
    [("admin@acme.com", True), ("Support+tickets@acme.com", True), ("no-reply@acme.com", True),
     ("postmaster@acme.com", True), ("in.fo@gmail.com", True), ("ana.lopez@acme.com", False),
     ("administratorx@acme.com", False)],
)
def test_role_accounts(raw, role):
    assert analyse_email(raw).role is role
    assert is_role_local("sales")


@pytest.mark.parametrize(
    "raw, template, length, digits",
    [
        ("john.smith84@gmail.com", "llll.lllll##", 12, 2),
        ("j.o.h.n@gmail.com", "l.l.l.l", 7, 0),
        ("xk29fj3@acme.com", "ll##ll#", 7, 3),
        ("ana_lopez-1990@acme.com", "lll_lllll-####", 14, 4),
        ("John.Smith+Promo@gmail.com", "llll.lllll+lllll", 16, 0),
        ("josé.2@acme.com", "llll.#", 6, 1),
        ("a" * 64 + "@acme.com", "l" * 64, 64, 0),
    ],
)
def test_local_part_shape(raw, template, length, digits):
    info = analyse_email(raw)
    assert info.template == template
    assert info.local_length == length
    assert info.local_digits == digits
    assert info.local == raw.split("@")[0].lower()


def test_template_is_capped():
    info = analyse_email("a@b@" + "x" * 300 + "@example.com")
    assert not info.valid
    assert info.template is not None and len(info.template) == 64


def test_entropy():
    assert analyse_email("aaaa@acme.com").local_entropy == 0.0
    assert analyse_email("abab@acme.com").local_entropy == pytest.approx(1.0)
    assert analyse_email("abcd@acme.com").local_entropy == pytest.approx(2.0)
    generated = analyse_email("q7x9zk2m4p@acme.com").local_entropy
    human = analyse_email("annaanna@acme.com").local_entropy
    assert generated > human


def _random_address(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + ".+-_!#$%&'*/=?^`{|}~\"() ,:;<>@[\\]"
    local = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
    labels = ["".join(rng.choice(string.ascii_lowercase + string.digits + "-_") for _ in range(rng.randint(0, 8)))
              for _ in range(rng.randint(1, 3))]
    tld = rng.choice(["com", "org", "de", "c0m", "x", "local", "test", "invalid", "onion", "arpa", "123", "xn--p1ai"])
    return f"{local}@{'.'.join(labels)}.{tld}"


def test_fast_path_agrees_with_email_validator():
    """The cached ASCII fast path must accept exactly what email-validator accepts."""
    rng = random.Random(20260610)
    checked = accepted = 0
    for _ in range(4000):
        raw = _random_address(rng)
        try:
            # analyse_email trims surrounding whitespace first, as forms do.
            expected = validate_email(raw.strip(), check_deliverability=False)
        except EmailNotValidError:
            expected = None
        info = analyse_email(raw)
        assert info.valid is (expected is not None), raw
        if expected is not None:
            accepted += 1
            assert info.domain == expected.domain.lower(), raw
        checked += 1
    assert accepted > 300, "the generator should produce a fair share of valid addresses"


@pytest.mark.parametrize("raw", ["bot@mai\u00adlinator.com", "bot@mailinator\u200b.com", "bot@mail\u200dinator.com",
                                 "bot@mailinator\u2060.com", "bot@MAILINATOR\ufeff.com"])
def test_invisible_characters_django_drops_from_a_domain_leave_its_mailbox(raw):
    # Django accepts the address and mails punycode(domain): IDNA 2003 maps a soft hyphen, zero-width and
    # word-joiner characters to nothing. Read as typed, this throw-away address was valid=False with no
    # disposable flag and no mailbox for velocity and links (found in an audit).
    from django.core.validators import validate_email as django_validate
    from django.utils.encoding import punycode

    django_validate(raw)
    assert punycode(raw.rpartition("@")[2]).lower() == "mailinator.com"
    info = analyse_email(raw)
    assert (info.valid, info.disposable) == (True, True)
    assert (info.domain, info.normalized) == ("mailinator.com", "bot@mailinator.com")


def test_a_provider_domain_with_a_soft_hyphen_keeps_the_providers_aliasing():
    info = analyse_email("j.o.h.n+farm@gm\u00adail.com")
    assert (info.freemail, info.normalized, info.plus_tag, info.dots_removed) == (True, "john@gmail.com", True, 3)
