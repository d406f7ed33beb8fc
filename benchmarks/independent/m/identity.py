"""People: names, e-mail addresses and usernames, per country, for people and for fraud rings."""
import re
import unicodedata

import numpy as np
from faker import Faker

from world import COUNTRIES

PROVIDERS = {
    "_default": [("gmail.com", 60), ("outlook.com", 10), ("hotmail.com", 8), ("yahoo.com", 7), ("icloud.com", 6),
                 ("proton.me", 3), ("protonmail.com", 1.5), ("aol.com", 0.5), ("zoho.com", 0.5), ("fastmail.com", 0.5)],
    "US": [("gmail.com", 58), ("yahoo.com", 9), ("outlook.com", 8), ("hotmail.com", 5), ("icloud.com", 11),
           ("proton.me", 3), ("aol.com", 2), ("comcast.net", 1.5), ("me.com", 1.5), ("fastmail.com", 1)],
    "GB": [("gmail.com", 55), ("outlook.com", 10), ("hotmail.co.uk", 9), ("icloud.com", 9), ("yahoo.co.uk", 5),
           ("btinternet.com", 3), ("proton.me", 3), ("sky.com", 1.5)],
    "DE": [("gmail.com", 40), ("gmx.de", 18), ("web.de", 15), ("t-online.de", 6), ("outlook.de", 5),
           ("posteo.de", 3), ("proton.me", 4), ("mailbox.org", 3), ("icloud.com", 5)],
    "FR": [("gmail.com", 55), ("orange.fr", 10), ("hotmail.fr", 10), ("free.fr", 6), ("laposte.net", 4),
           ("outlook.fr", 5), ("proton.me", 3), ("icloud.com", 5)],
    "IT": [("gmail.com", 60), ("libero.it", 12), ("hotmail.it", 8), ("virgilio.it", 5), ("outlook.it", 6), ("icloud.com", 5)],
    "ES": [("gmail.com", 65), ("hotmail.es", 14), ("outlook.es", 8), ("yahoo.es", 5), ("icloud.com", 6)],
    "PL": [("gmail.com", 50), ("wp.pl", 15), ("o2.pl", 10), ("onet.pl", 10), ("interia.pl", 8)],
    "BR": [("gmail.com", 72), ("hotmail.com", 12), ("outlook.com", 6), ("yahoo.com.br", 5), ("uol.com.br", 3), ("bol.com.br", 2)],
    "IN": [("gmail.com", 85), ("yahoo.co.in", 5), ("outlook.com", 5), ("rediffmail.com", 3), ("hotmail.com", 2)],
    "JP": [("gmail.com", 55), ("yahoo.co.jp", 20), ("icloud.com", 12), ("docomo.ne.jp", 4), ("outlook.jp", 5)],
    "KR": [("gmail.com", 45), ("naver.com", 38), ("daum.net", 10), ("kakao.com", 7)],
    "UA": [("gmail.com", 70), ("ukr.net", 20), ("i.ua", 5), ("meta.ua", 5)],
    "TR": [("gmail.com", 70), ("hotmail.com", 18), ("outlook.com", 7), ("yandex.com", 5)],
    "MX": [("gmail.com", 65), ("hotmail.com", 20), ("outlook.com", 8), ("yahoo.com.mx", 7)],
    "NG": [("gmail.com", 82), ("yahoo.com", 12), ("outlook.com", 6)],
    "CN": [("qq.com", 45), ("163.com", 25), ("126.com", 10), ("gmail.com", 15), ("foxmail.com", 5)],
    "RU": [("yandex.ru", 35), ("mail.ru", 30), ("gmail.com", 25), ("rambler.ru", 5), ("bk.ru", 5)],
    "BY": [("yandex.by", 25), ("mail.ru", 35), ("gmail.com", 35), ("tut.by", 5)],
    "IR": [("gmail.com", 75), ("yahoo.com", 15), ("chmail.ir", 10)],
}

RELAY_DOMAINS = [("privaterelay.appleid.com", 60), ("duck.com", 15), ("mozmail.com", 10), ("simplelogin.com", 8),
                 ("anonaddy.me", 4), ("passmail.net", 3)]
DISPOSABLE = ["mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "sharklasers.com",
              "tempmail.dev", "dropmail.me", "emailondeck.com", "mail.tm", "tmpmail.net", "getnada.com",
              "maildrop.cc", "trashmail.com", "inboxkitten.com", "spamgourmet.com"]

_fakers = {}


def faker_for(country, seed):
    """One Faker per locale, re-seeded for every person (deterministic, and cheap)."""
    loc = COUNTRIES[country][7]
    f = _fakers.get(loc)
    if f is None:
        try:
            f = Faker(loc)
        except AttributeError:
            f = Faker("en_US")
        _fakers[loc] = f
    f.seed_instance(seed)
    return f


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", s.lower())


def wchoice(rng, pairs):
    items = [p[0] for p in pairs]
    w = np.array([p[1] for p in pairs], dtype=float)
    return items[int(rng.choice(len(items), p=w / w.sum()))]


class Identity:
    __slots__ = ("first", "last", "email", "username", "local")


def person(rng, country, seed, birth_year=None):
    f = faker_for(country, seed)
    first, last = f.first_name(), f.last_name()
    fa, la = ascii_fold(first), ascii_fold(last)
    if not fa or not la:
        u = f.user_name()
        fa, la = (u[: len(u) // 2] or "user"), (u[len(u) // 2:] or "x")
    by = birth_year or int(rng.integers(1965, 2008))
    r = rng.random()
    if r < 0.28:
        local = f"{fa}.{la}"
    elif r < 0.45:
        local = f"{fa}{la}"
    elif r < 0.58:
        local = f"{fa}{la}{by % 100:02d}"
    elif r < 0.68:
        local = f"{fa[0]}{la}"
    elif r < 0.76:
        local = f"{fa}_{la}"
    elif r < 0.84:
        local = f"{fa}{int(rng.integers(1, 999))}"
    elif r < 0.92:
        local = ascii_fold(f.user_name()) or f"{fa}{la}"
    else:
        local = f"{la}.{fa}{by}"
    i = Identity()
    i.first, i.last, i.local = first, last, local
    prov = PROVIDERS.get(country, PROVIDERS["_default"])
    i.email = f"{local}@{wchoice(rng, prov)}"
    i.username = username_from(rng, fa, la, local)
    return i


def username_from(rng, fa, la, local):
    r = rng.random()
    if r < 0.35:
        return local.split("@")[0].replace(".", "")[:30]
    if r < 0.55:
        return f"{fa}{la[:1]}"[:30]
    if r < 0.7:
        return f"{fa}-{la}"[:30]
    if r < 0.82:
        return f"{fa[:1]}{la}{int(rng.integers(1, 100))}"[:30]
    handles = ["dev", "codes", "hq", "io", "builds", "x", "lab", "ai", "js", "py"]
    return f"{fa}{handles[int(rng.integers(len(handles)))]}"[:30]


def relay_email(rng):
    dom = wchoice(rng, RELAY_DOMAINS)
    if dom == "privaterelay.appleid.com":
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        return "".join(alphabet[int(x)] for x in rng.integers(0, 36, 10)) + "@" + dom
    words = ["quiet", "amber", "silver", "mossy", "brisk", "lunar", "cedar", "pixel", "rapid", "velvet", "hollow", "crisp"]
    nouns = ["otter", "falcon", "maple", "harbor", "comet", "badger", "willow", "summit", "ember", "lagoon"]
    return f"{words[int(rng.integers(len(words)))]}.{nouns[int(rng.integers(len(nouns)))]}.{int(rng.integers(100, 9999))}@{dom}"


ADJ = ["swift", "blue", "lucky", "silent", "happy", "dark", "neon", "cosmic", "brave", "wild", "golden", "iron",
       "frosty", "rapid", "clever", "mighty", "crimson", "sunny", "hidden", "noble"]
NOUN = ["tiger", "coder", "wolf", "panda", "ninja", "falcon", "pixel", "rider", "storm", "hawk", "fox", "dragon",
        "byte", "shadow", "river", "lion", "phoenix", "raven", "comet", "bear"]


def pattern_username(rng):
    return f"{ADJ[int(rng.integers(len(ADJ)))]}{NOUN[int(rng.integers(len(NOUN)))]}{int(rng.integers(10, 9999))}"


def gmail_dot_variant(rng, local):
    """Insert dots at random positions: gmail delivers all of them to one inbox."""
    s = local.replace(".", "")
    out = s[0]
    for ch in s[1:]:
        if rng.random() < 0.3:
            out += "."
        out += ch
    return out
