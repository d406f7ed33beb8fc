"""Names, email addresses and usernames, the way people (and farms) make them.

Names come from faker's locale data, folded to ASCII as mailbox names are;
locales whose names faker only has in another script use short romanised
lists. Legitimate addresses follow the many habits real people have (dots,
birth years, nicknames, plus tags, privacy relays); fraud generators reuse the
same building blocks with the regularities of a script.
"""

from __future__ import annotations

import random
import string
import unicodedata
from functools import lru_cache

from faker import Faker

DISPOSABLE = ["mailinator.com", "guerrillamail.com", "yopmail.com", "10minutemail.com", "temp-mail.org", "trashmail.com",
              "sharklasers.com", "maildrop.cc", "dispostable.com", "getnada.com", "tempmail.plus", "mail.tm", "1secmail.com", "emailondeck.com"]
WORDS = ("sun moon star blue red dark light wolf fox bear lion tiger eagle hawk storm rain snow ice fire stone river lake "
         "sky cloud night day shadow silver gold iron black white green pixel code ninja panda koala mango lemon cherry "
         "coffee tea rock jazz happy lucky crazy little big super mega cool chill wild brave quiet swift noble cosmic "
         "urban lazy sleepy magic dragon phoenix falcon raven otter turtle penguin rocket comet nova orbit echo").split()
_FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i",
                       "ð": "d", "þ": "th", "œ": "oe"})
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
                      "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"]))
_ROMANISED = {
    "ko": ("minjun seoyeon jiwoo hyunwoo jiho seojun yuna eunji jisoo donghyun minseo jihoon yejin sungmin hana taeyang",
           "kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song"),
    "ar": ("mohammed ahmed ali omar youssef khaled hassan mahmoud mostafa abdullah fatima aisha mariam nour sara layla salma yasmin karim",
           "hassan ali ibrahim mahmoud abdallah mostafa saleh khalil nasser haddad alharbi alqahtani alotaibi elsayed farouk"),
    "th": ("somchai somsak nattapong kittisak siriporn supaporn pimchanok nattaya thanawat pornchai wanida kanokwan",
           "saetang srisuk wongsawat chaiyaporn boonmee suksawat rattanakorn kittikun"),
    "he": ("noam yonatan itai david daniel ariel tamar noa shira maya yael michal", "cohen levi mizrahi peretz biton friedman azoulay katz shapiro"),
    "fa": ("ali reza mohammad hossein amir mehdi sara maryam zahra fatemeh narges", "hosseini ahmadi mohammadi rezaei moradi karimi jafari rahimi"),
}


def fold(text: str) -> str:
    """Lower-case ASCII letters only, as names end up in mailbox names."""
    text = text.lower().translate(_FOLD)
    if any("\u0400" <= c <= "\u04ff" for c in text):
        text = "".join(_CYRILLIC.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text if c.isalpha())


@lru_cache(maxsize=None)
def name_pool(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(first names, last names) of a locale, ASCII-folded; fixed across seeds and cached."""
    language = locale.split("_")[0]
    if language in _ROMANISED:
        first, last = _ROMANISED[language]
        return tuple(first.split()), tuple(last.split())
    fake = Faker(locale)
    fake.seed_instance(0)
    romanised = language in ("ja", "zh")
    firsts, lasts = set(), set()
    for _ in range(400):
        given = fold(fake.first_romanized_name() if romanised else fake.first_name())
        family = fold(fake.last_romanized_name() if romanised else fake.last_name())
        if 2 <= len(given) <= 14:
            firsts.add(given)
        if 2 <= len(family) <= 16:
            lasts.add(family)
    if len(firsts) < 10 or len(lasts) < 10:
        return name_pool("en_US")
    return tuple(sorted(firsts)), tuple(sorted(lasts))


def person_name(rng: random.Random, locale: str) -> tuple[str, str]:
    firsts, lasts = name_pool(locale)
    return rng.choice(firsts), rng.choice(lasts)


def _digits(rng: random.Random, low: int, high: int) -> str:
    return str(rng.randrange(10 ** (low - 1) if low > 1 else 0, 10 ** high))


def local_part(rng: random.Random, first: str, last: str, year: int, style: str | None = None) -> str:
    """A mailbox name in one of the habits people have."""
    yy = f"{year % 100:02d}"
    style = style or rng.choices(_STYLES, _STYLE_WEIGHTS)[0]
    w = rng.choice
    out = {
        "first.last": lambda: f"{first}.{last}",
        "firstlast": lambda: f"{first}{last}",
        "first_last": lambda: f"{first}_{last}",
        "flast": lambda: f"{first[0]}{last}",
        "f.last": lambda: f"{first[0]}.{last}",
        "first.last##": lambda: f"{first}.{last}{w([yy, _digits(rng, 1, 2)])}",
        "firstlastyyyy": lambda: f"{first}{last}{year}",
        "firstyyyy": lambda: f"{first}{year}",
        "firstlast##": lambda: f"{first}{last}{w([yy, _digits(rng, 2, 2), _digits(rng, 1, 3)])}",
        "first###": lambda: f"{first}{_digits(rng, 1, 4)}",
        "lastfirst": lambda: f"{last}{first}",
        "lastf": lambda: f"{last}{first[0]}",
        "first-last": lambda: f"{first}-{last}",
        "nick": lambda: f"{w([first[:3], first[:4], first])}{w(WORDS)}{w(['', '', yy, _digits(rng, 1, 3)])}",
        "handle": lambda: f"{w(WORDS)}{w(['', '_', '.'])}{w(WORDS)}{w(['', '', _digits(rng, 1, 3)])}",
        "initials": lambda: f"{first[0]}{last[0]}{w([str(year), _digits(rng, 2, 4)])}",
        "first.m.last": lambda: f"{first}.{w(string.ascii_lowercase)}.{last}",
        "first": lambda: first,
    }[style]()
    return out


_STYLES = ("first.last", "firstlast", "first_last", "flast", "f.last", "first.last##", "firstlastyyyy", "firstyyyy",
           "firstlast##", "first###", "lastfirst", "lastf", "first-last", "nick", "handle", "initials", "first.m.last")
_STYLE_WEIGHTS = (16, 11, 3, 5, 3, 6, 4, 7, 8, 6, 2, 2, 1, 8, 6, 3, 2)


def relay_address(rng: random.Random) -> str:
    """Privacy forwarding addresses: random-looking but entirely legitimate."""
    kind = rng.random()
    if kind < 0.4:
        return f"{rng.choice(WORDS)}_{rng.choice(WORDS)}_{rng.choice(string.ascii_lowercase)}{rng.randrange(10)}@icloud.com"
    if kind < 0.65:
        return "".join(rng.choices(string.ascii_lowercase + string.digits, k=10)) + "@privaterelay.appleid.com"
    if kind < 0.85:
        return f"{rng.choice(WORDS)}-{rng.choice(WORDS)}-{rng.choice(WORDS)}@duck.com"
    return "".join(rng.choices(string.ascii_lowercase + string.digits, k=9)) + "@mozmail.com"


def finish(rng: random.Random, local: str, domain: str, *, plus: float = 0.025, caps: float = 0.03) -> str:
    """Provider rules and typing habits: Gmail's 6-character minimum, plus tags, capitals."""
    if domain in ("gmail.com", "googlemail.com") and len(local.replace(".", "")) < 6:
        local += _digits(rng, 2, 4)
    if rng.random() < plus:
        local += "+" + rng.choice(["news", "signup", "shop", "web", "accounts", "sg", "portal", "2026", "trial", "apps"])
    if rng.random() < caps:
        local = local[:1].upper() + local[1:]
    return f"{local}@{domain}"


def username_for(rng: random.Random, first: str, last: str, local: str) -> str | None:
    """The optional public handle: often the mailbox name, sometimes something else."""
    r = rng.random()
    if r < 0.35:
        return None
    base = local.split("+")[0]
    if r < 0.65:
        return base.replace(".", rng.choice(["", "_", "."]))
    if r < 0.85:
        return f"{first}{rng.choice(['', '_', '.'])}{last[: rng.randrange(1, len(last) + 1)]}{rng.choice(['', '', _digits(rng, 1, 3)])}"
    return f"{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(['', _digits(rng, 1, 4)])}"


def gmail_variant(rng: random.Random, local: str, *, dots: float = 0.7, tag: float = 0.5) -> str:
    """Another address that lands in the same Gmail inbox: dots and/or a +tag."""
    bare = local.replace(".", "")
    if rng.random() < dots:
        cuts = sorted(rng.sample(range(1, len(bare)), k=min(len(bare) - 1, rng.randint(1, 3))))
        pieces, prev = [], 0
        for cut in cuts:
            pieces.append(bare[prev:cut])
            prev = cut
        pieces.append(bare[prev:])
        bare = ".".join(pieces)
    if rng.random() < tag:
        bare += "+" + rng.choice([_digits(rng, 1, 3), rng.choice(WORDS), "trial" + _digits(rng, 1, 2), "".join(rng.choices(string.ascii_lowercase, k=3))])
    domain = "googlemail.com" if rng.random() < 0.12 else "gmail.com"
    return f"{bare}@{domain}"


def random_local(rng: random.Random, length: int, digits: bool = True) -> str:
    alphabet = string.ascii_lowercase + (string.digits if digits else "")
    return rng.choice(string.ascii_lowercase) + "".join(rng.choices(alphabet, k=length - 1))


def owned_domains(rng: random.Random, n: int) -> list[str]:
    """Cheap catch-all domains a farm registers: unknown to any blocklist."""
    tlds = ["com", "net", "xyz", "online", "site", "top", "store", "shop", "info", "click"]
    return [f"{rng.choice(WORDS)}{rng.choice(['', '-', ''])}{rng.choice(WORDS)}{rng.choice(['', 'mail', 'box', 'hub', ''])}.{rng.choice(tlds)}"
            for _ in range(n)]


def company_domain(rng: random.Random) -> str:
    words = ["north", "blue", "apex", "vertex", "lumen", "quanta", "harbor", "summit", "cedar", "orbit", "nimbus", "pioneer",
             "atlas", "meridian", "beacon", "crest", "keystone", "sterling", "evergreen", "silverline"]
    kinds = ["labs", "systems", "analytics", "group", "tech", "logistics", "health", "capital", "media", "works", "consulting"]
    tld = rng.choice(["com", "com", "com", "io", "co", "de", "co.uk", "fr", "nl", "com.au", "co.jp"])
    return f"{rng.choice(words)}{rng.choice(['', '-'])}{rng.choice(kinds)}.{tld}"
