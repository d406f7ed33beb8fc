"""Email normalisation and the mailbox/domain links it makes: real-world address forms.

Each test failed before its fix (session 32's email audit).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from signupguard.context import parse_event
from signupguard.enrichment import Enricher
from signupguard.enrichment.email import analyse_email, linking_mailbox
from signupguard.enrichment.geo import GeoDatabases
from signupguard.gate import account_status
from signupguard.linking import link_keys
from signupguard.models import Link
from tests.plugins import console
from tests.plugins.events import make_event

# As in test_griefing: rules decide the signups; the thresholds are pinned high so that only the
# cluster (not the shipped model's score of synthetic accounts) decides.
PINNED = {"REVIEW_THRESHOLD": 0.999, "BLOCK_THRESHOLD": 0.9999}
ALLOW_ALL = {**console.ALLOW_ALL, **PINNED}
DENY_ALL = {**console.DENY_ALL, **PINNED}
ENRICHER = Enricher(geo=GeoDatabases())


# ------------------------------------------------------------------ 1. Proton ignores dots, hyphens and underscores


@pytest.mark.parametrize(
    "variant",
    ["john.doe@proton.me", "john_doe@proton.me", "john-doe@proton.me", "J.o_h-n.Doe+shop@proton.me",
     "johndoe@proton.me"],
)
def test_proton_punctuation_variants_are_one_mailbox(variant: str) -> None:
    """Proton delivers john.doe@, john_doe@ and john-doe@proton.me to johndoe@proton.me (its own client's
    canonical form: dots, hyphens, underscores and +tags removed). Kept apart, one Proton mailbox signed up
    as many "different" mailboxes: the Gmail dot trick, unlinked."""
    info = analyse_email(variant)
    assert info.valid and linking_mailbox(info.normalized) == "johndoe@proton.me"
    assert info.dots_removed == 0  # the email_dots_removed feature stays Gmail's
    # The model's features keep the address as it was trained on (until the next retrain).
    assert info.normalized == variant.lower().replace("+shop", "")


def test_proton_punctuation_only_local_part_is_kept() -> None:
    # Nothing is stripped into an empty mailbox.
    assert linking_mailbox(analyse_email("-_-+x@pm.me").normalized) == "-_-@pm.me"
    assert linking_mailbox(analyse_email("+only@proton.me").normalized) == "+only@proton.me"
    assert linking_mailbox("j.doe@example.com") == "j.doe@example.com"  # other domains: as normalised


@pytest.mark.django_db
def test_a_farms_proton_aliases_link_as_one_mailbox(scored_signup) -> None:
    first = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-farm-a"}, ip="81.2.69.160",
                          email="mark.hollis@proton.me")
    second = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-farm-b"}, ip="45.77.2.2",
                           email="mark_hollis@proton.me")
    link = Link.objects.get(kind="email")
    assert {link.source_id, link.target_id} == {first.user_id, second.user_id}


# ------------------------------------------------------------------ 2. a relay's or a webmail domain is shared, not a company's


@pytest.mark.parametrize(
    "email, domain_key",
    [("q3x9c7k2mz@privaterelay.appleid.com", None), ("k2m9x7q1@mozmail.com", None),
     ("shop.x7k2@simplelogin.com", None), ("abc.123@passmail.net", None),
     # Webmail the free-mail list misses (the simulator's Turkish and Irish users' ordinary mail).
     ("ayse.yilmaz@yandex.com.tr", None), ("sean.murphy@eircom.net", None),
     # A user's own relay subdomain, and a real company's domain, still link.
     ("shop@mark.mozmail.com", "mark.mozmail.com"), ("ops@acme-corp.io", "acme-corp.io")],
)
def test_a_shared_domain_is_no_custom_domain(email: str, domain_key: str | None) -> None:
    keys = {k.kind: k.value for k in link_keys(ENRICHER.enrich(parse_event(make_event(1, email=email))))}
    assert keys["email"] == linking_mailbox(email)  # the relay address itself still links its own accounts
    assert keys.get("domain") == domain_key


@pytest.mark.django_db
def test_one_blocked_hide_my_email_signup_holds_no_other_hide_my_email_user(scored_signup) -> None:
    """Sign in with Apple's "Hide My Email" gives every user a random address at privaterelay.appleid.com
    (the simulator's legitimate relay users, emails.relay_address). Linked as "same custom email domain",
    one blocked stranger there put every cleared relay user of the last 30 days in its cluster, and the
    retroactive review held them (blocked share 100% >= CLUSTER_REVIEW_SHARE): one scripted signup with a
    made-up relay address was enough."""
    victim = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-victim-iphone"}, ip="81.2.69.160",
                           email="q3x9c7k2mz@privaterelay.appleid.com")
    assert account_status(victim.user) == "cleared"
    scored_signup(conf=DENY_ALL, device={"fingerprint": "fp-attacker-box"}, ip="45.77.1.1",
                  email="zz81kd0q4p@privaterelay.appleid.com")
    assert account_status(victim.user) == "cleared"
    assert not Link.objects.filter(kind="domain").exists()


def test_the_shared_domains_are_neither_free_mail_nor_disposable() -> None:
    # The list only covers what the free-mail list (a model feature) misses; an overlap would be dead weight.
    import signupguard.enrichment.email as module

    assert len(module._SHARED) >= 10
    assert not {d for d in module._SHARED if module.is_freemail_domain(d) or module.is_disposable_domain(d)}


# ------------------------------------------------------------------ 4. a +tag that makes the address overlong


LONG_TAG = "+" + "q7" * 35  # 71 characters: the local part is past RFC 5321's 64, Django's EmailValidator takes it


@pytest.mark.parametrize(
    "email, mailbox",
    [("John.Doe" + LONG_TAG + "@gmail.com", "johndoe@gmail.com"),
     ("john.doe" + LONG_TAG + "@googlemail.com", "johndoe@gmail.com"),
     ("mark" + LONG_TAG + "@icloud.com", "mark@icloud.com"),
     # No +tag to drop, or a provider that may not drop it, or a mailbox still overlong: no mailbox is made up.
     ("j" * 65 + "@gmail.com", None), ("john" + LONG_TAG + "@example.com", None),
     ("j" * 65 + LONG_TAG + "@gmail.com", None), ("john" + LONG_TAG + "@not_a_domain", None)],
)
def test_an_overlong_tag_keeps_its_mailbox(email: str, mailbox: str | None) -> None:
    info = analyse_email(email)
    assert not info.valid  # still an invalid address, and described as one to the model
    assert info.normalized == mailbox


@pytest.mark.django_db
def test_a_cyclers_overlong_gmail_tag_still_links_and_counts_as_its_mailbox(scored_signup) -> None:
    # A free-tier cycler re-registers john.doe@gmail.com with a +tag long enough to make the address invalid:
    # without its mailbox it escaped the mailbox's velocity and the mailbox link to the first account.
    first = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-cycle-a"}, ip="81.2.69.160",
                          email="john.doe@gmail.com")
    second = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-cycle-b"}, ip="45.77.2.2",
                           email="j.o.h.n.doe" + LONG_TAG + "@gmail.com")
    link = Link.objects.get(kind="email")
    assert {link.source_id, link.target_id} == {first.user_id, second.user_id}
    assert second.velocity["counts"]["email"][0] == 1  # the mailbox's earlier signup, in the shortest window
    assert second.velocity["distinct"]["email_accounts"][0] == 2


# ------------------------------------------------------------------ 5. cross-domain aliases: Apple's and Yandex's


@pytest.mark.parametrize(
    "email, mailbox",
    [("jo.ann@me.com", "jo.ann@icloud.com"), ("jo.ann+shop@mac.com", "jo.ann@icloud.com"),
     ("jo.ann@icloud.com", "jo.ann@icloud.com"),
     ("ivan.petrov@yandex.ru", "ivan-petrov@yandex.ru"), ("Ivan-Petrov+1@ya.ru", "ivan-petrov@yandex.ru"),
     ("ivan.petrov@yandex.com", "ivan-petrov@yandex.ru"), ("ivan.petrov@yandex.kz", "ivan-petrov@yandex.ru"),
     # Other domains keep their dots and tags: only the provider knows its rules.
     ("ivan.petrov+1@example.ru", "ivan.petrov+1@example.ru"), ("jo.ann@me.com.au", "jo.ann@me.com.au")],
)
def test_a_providers_other_domains_are_one_mailbox(email: str, mailbox: str) -> None:
    info = analyse_email(email)
    assert info.valid and linking_mailbox(info.normalized) == mailbox


@pytest.mark.django_db
@pytest.mark.parametrize("emails", [("lena.ortiz@me.com", "lena.ortiz@icloud.com"),
                                    ("oleg.sokolov@yandex.ru", "oleg-sokolov+2@ya.ru")])
def test_a_farms_cross_domain_aliases_link_as_one_mailbox(scored_signup, emails) -> None:
    first = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-alias-a"}, ip="81.2.69.160", email=emails[0])
    second = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-alias-b"}, ip="45.77.2.2", email=emails[1])
    link = Link.objects.get(kind="email")
    assert {link.source_id, link.target_id} == {first.user_id, second.user_id}
    assert not Link.objects.filter(kind="domain").exists()  # ya.ru is Yandex's, no company's


@pytest.mark.django_db
def test_the_migration_rewrites_mailbox_keys_stored_by_earlier_releases(django_user_model) -> None:
    import importlib
    from types import SimpleNamespace

    from django.apps import apps as global_apps
    from django.db import connection

    from signupguard.models import LinkKey

    one, two, three = (django_user_model.objects.create_user(username=name) for name in ("one", "two", "three"))
    old, new = timezone.now() - dt.timedelta(days=20), timezone.now()
    LinkKey.objects.create(user=one, kind="email", value="john.doe@proton.me", first_seen=old, last_seen=old)
    LinkKey.objects.create(user=two, kind="email", value="jo@me.com", first_seen=old, last_seen=old)
    # An account that already holds the key as it is named now: the two become one, spanning both.
    LinkKey.objects.create(user=two, kind="email", value="jo@icloud.com", first_seen=new, last_seen=new)
    LinkKey.objects.create(user=three, kind="email", value="a.b@example.com", first_seen=old, last_seen=old)
    LinkKey.objects.create(user=three, kind="domain", value="me.com", first_seen=old, last_seen=old)
    migration = importlib.import_module("signupguard.migrations.0008_mailbox_link_keys_of_aliases")
    migration.rewrite_mailbox_keys(global_apps, SimpleNamespace(connection=connection))  # what RunPython passes it
    stored = {(k.user_id, k.kind, k.value): (k.first_seen, k.last_seen) for k in LinkKey.objects.all()}
    assert stored == {(one.pk, "email", "johndoe@proton.me"): (old, old), (two.pk, "email", "jo@icloud.com"): (old, new),
                      (three.pk, "email", "a.b@example.com"): (old, old), (three.pk, "domain", "me.com"): (old, old)}


@pytest.mark.parametrize("value", ["john.doe@proton.me", "j.o-h_n@pm.me", "-_-@proton.me", "jo@me.com", "jo.x@mac.com",
                                   "jo@icloud.com", "ivan.petrov@yandex.ru", "ivan.petrov+2@ya.ru", "+x@yandex.kz",
                                   "a.b@example.com", "nobody", "x" * 250 + "@me.com"])
def test_the_migration_names_keys_as_linking_does_in_this_release(value: str) -> None:
    # 0008 keeps its own copy of the rules (a migration must not change with later code): the same names today.
    import importlib

    migration = importlib.import_module("signupguard.migrations.0008_mailbox_link_keys_of_aliases")
    assert migration.mailbox(value) == linking_mailbox(value)[:255]


# ------------------------------------------------------------------ 6. a quoted local part


@pytest.mark.parametrize(
    "email, mailbox",
    [('"bob"@corp.com', "bob@corp.com"), ('"b\\ob"@corp.com', "bob@corp.com"),  # RFC 5321: one mailbox
     ('"J.o.h.n.Doe+x"@gmail.com', "johndoe@gmail.com"),  # the provider's rules, as for any address
     ('"bob"@münchen.de', "bob@münchen.de"),
     # What only quotes can say keeps them, its escapes removed; "bob smith" unescaped is refused by Django too.
     ('"bob\\ smith"@corp.com', '"bob smith"@corp.com'), ('"bob smith"@corp.com', None),
     ('"bob@corp.com', None), ('"bob"@not_a_domain', None), ('"bob".x@corp.com', None), ('"ü"@corp.com', None)],
)
def test_a_quoted_local_part_is_its_mailbox(email: str, mailbox: str | None) -> None:
    info = analyse_email(email)
    assert not info.valid  # described to the model as before: an address email-validator refuses
    assert info.normalized == mailbox


@pytest.mark.django_db
@pytest.mark.parametrize("emails", [
    # Django's EmailField takes "j.o.h.n.doe"@gmail.com, which Gmail delivers to johndoe@ (section 6).
    ("john.doe@gmail.com", '"j.o.h.n.doe"@gmail.com'),
    # Django mails straßenbau.de at its IDNA 2003 punycode, strassenbau.de (section 7).
    ("mark.hollis@strassenbau.de", "mark.hollis@straßenbau.de"),
])
def test_a_farms_other_spelling_of_a_mailbox_links_and_counts_as_it(scored_signup, emails) -> None:
    # Read as another mailbox (or none), each spelling opened an account unlinked to the others.
    first = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-spelling-a"}, ip="81.2.69.160", email=emails[0])
    second = scored_signup(conf=ALLOW_ALL, device={"fingerprint": "fp-spelling-b"}, ip="45.77.2.2", email=emails[1])
    link = Link.objects.get(kind="email")
    assert {link.source_id, link.target_id} == {first.user_id, second.user_id}
    assert second.velocity["counts"]["email"][0] == 1
    assert second.velocity["distinct"]["email_accounts"][0] == 2


# ------------------------------------------------------------------ 7. a domain IDNA 2003 and IDNA 2008 spell apart


@pytest.mark.parametrize(
    "email, mailbox",
    [("bot@croßroadsmail.com", "bot@crossroadsmail.com"), ("Mark.Hollis@STRAßE.de", "mark.hollis@strasse.de"),
     ("bob@ςigma.gr", "bob@σigma.gr"),
     # Where the two IDNA versions agree, nothing changes: the Unicode spelling, as before.
     ("bob@münchen.de", "bob@münchen.de"), ("bob@xn--mnchen-3ya.de", "bob@münchen.de")],
)
def test_a_domain_is_read_where_django_mails_it(email: str, mailbox: str) -> None:
    """Django's ``EmailValidator`` accepts ``ß`` and ``ς`` in a domain and mails ``punycode(domain)``, whose
    IDNA 2003 maps them to ``ss`` and ``σ``; email-validator (IDNA 2008, valid to it too) keeps them. Read as
    typed, bot@croßroadsmail.com, whose confirmation mail goes to the throw-away crossroadsmail.com, was a
    mailbox and a domain of its own, and not disposable."""
    from django.core.validators import validate_email as django_validate
    from django.utils.encoding import punycode

    django_validate(email)
    domain = mailbox.rpartition("@")[2]
    assert punycode(email.rpartition("@")[2]).lower() == punycode(domain)
    info = analyse_email(email)
    assert info.valid and (info.normalized, info.domain) == (mailbox, domain)
    assert info.disposable is (domain == "crossroadsmail.com")


def test_a_quoted_local_part_at_such_a_domain_has_the_same_mailbox() -> None:
    assert analyse_email('"mark.hollis"@straße.de').normalized == "mark.hollis@strasse.de"


# ------------------------------------------------------------------ 8. the domain of an invalid address that has a mailbox


@pytest.mark.parametrize(
    "email, domain, disposable, freemail",
    [('"ops"@xn--mnchen-3ya.de', "münchen.de", False, False),  # the domain of ann@münchen.de
     ('"bot"@ＭＡＩＬＩＮＡＴＯＲ.com', "mailinator.com", True, False),
     ('"j.o.h.n.doe"@ｇｍａｉｌ.com', "gmail.com", False, True),
     ("john.doe" + LONG_TAG + "@googlemail.com", "googlemail.com", False, True),  # as a valid address's: unchanged
     # Without a mailbox, the domain is still read as typed.
     ('"bob smith"@xn--mnchen-3ya.de', "xn--mnchen-3ya.de", False, False), ("a..b@münchen.de", "münchen.de", False, False)],
)
def test_an_invalid_address_with_a_mailbox_names_its_domain_as_a_valid_one(
        email: str, domain: str, disposable: bool, freemail: bool) -> None:
    """A quoted or over-long address was given its mailbox, but its domain (the domain link, the disposable and
    free-mail flags) was still read as typed: ``"ops"@xn--mnchen-3ya.de`` named another domain than
    ``ann@münchen.de``, though Django mails both to xn--mnchen-3ya.de, and a fullwidth ``ＭＡＩＬＩＮＡＴＯＲ.com``
    was no throw-away domain."""
    info = analyse_email(email)
    assert not info.valid
    assert (info.domain, info.disposable, info.freemail) == (domain, disposable, freemail)


def test_a_quoted_address_links_to_its_domains_unicode_spelling() -> None:
    def keys(email: str) -> dict[str, str]:
        return {k.kind: k.value for k in link_keys(ENRICHER.enrich(parse_event(make_event(1, email=email))))}

    assert keys('"ops"@xn--mnchen-3ya.de')["domain"] == keys("ann@münchen.de")["domain"] == "münchen.de"
