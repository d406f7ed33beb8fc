"""Names, e-mail addresses and usernames."""
import unicodedata
import zlib

from data import COUNTRIES, CURATED_NAMES, TRANSLIT, FAKER_TRANSLIT, GLOBAL_MAIL, WORDS, DEV_WORDS

FOLD = {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
        "ð": "d", "þ": "th", "œ": "oe", "ŀ": "l"}


def ascii_fold(s):
    s = "".join(FOLD.get(ch, ch) for ch in s)
    s = "".join(TRANSLIT.get(ch.lower(), ch) if ch.lower() in TRANSLIT else ch for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ord(ch) < 128 and (ch.isalnum() or ch in " -'"))


class Names:
    """Pools of Latin-script first and last names per culture (built once from
    Faker with a fixed seed, or from curated lists)."""

    def __init__(self, seed):
        self.seed = seed
        self.pools = {}

    def pool(self, key):
        if key in self.pools:
            return self.pools[key]
        if key in CURATED_NAMES:
            firsts, lasts = CURATED_NAMES[key]
        else:
            from faker import Faker
            loc = FAKER_TRANSLIT.get(key, key)
            f = Faker(loc)
            f.seed_instance(self.seed * 7919 + zlib.crc32(key.encode()))
            firsts, lasts = [], []
            for _ in range(260):
                if key == "ja":
                    firsts.append(f.first_romanized_name())
                    lasts.append(f.last_romanized_name())
                else:
                    firsts.append(f.first_name())
                    lasts.append(f.last_name())
            firsts = [x for x in (ascii_fold(a).strip() for a in firsts) if len(x) >= 2]
            lasts = [x for x in (ascii_fold(a).strip() for a in lasts) if len(x) >= 2]
            # de-duplicate while keeping order
            firsts = list(dict.fromkeys(firsts))
            lasts = list(dict.fromkeys(lasts))
        self.pools[key] = (firsts, lasts)
        return self.pools[key]

    def person(self, rng, cc=None, culture=None):
        if culture is None:
            opts = COUNTRIES[cc]["names"]
            culture = rng.choices([o[1] for o in opts], weights=[o[0] for o in opts])[0]
        firsts, lasts = self.pool(culture)
        return rng.choice(firsts), rng.choice(lasts)


def slug(s):
    return "".join(ch for ch in s.lower() if ch.isalnum())


def local_part(rng, first, last, style=None):
    f, l = slug(first) or "alex", slug(last) or "lee"
    r = rng.random() if style is None else None
    yy = str(rng.choice(range(1970, 2007)))
    if style == "work" or (r is not None and r < 0.22):
        return f"{f}.{l}"
    if r < 0.36:
        return f"{f}{l}"
    if r < 0.44:
        return f"{f}.{l}{rng.randrange(1, 100)}"
    if r < 0.52:
        return f"{f}{l}{yy[-2:] if rng.random() < 0.5 else yy}"
    if r < 0.58:
        return f"{f[0]}{l}"
    if r < 0.63:
        return f"{f}_{l}"
    if r < 0.68:
        return f"{f[0]}.{l}"
    if r < 0.74:
        return f"{f}{rng.randrange(1, 1000)}"
    if r < 0.78:
        return f"{l}.{f}"
    if r < 0.84:
        return f"{f}{l[0]}"
    if r < 0.90:
        return f"{f}.{rng.choice(DEV_WORDS)}"
    if r < 0.95:
        return f"{rng.choice(DEV_WORDS)}{f}"
    return f"{f}-{l}"


def pick_provider(rng, cc):
    local = COUNTRIES[cc]["mail"]
    gw = dict(GLOBAL_MAIL)
    total_local = sum(local.values())
    scale = max(0.2, 1 - total_local)
    items = [(d, w * scale) for d, w in gw.items()] + list(local.items())
    return rng.choices([i[0] for i in items], weights=[i[1] for i in items])[0]


def username_for(rng, first, last, email_local=None):
    f, l = slug(first) or "sam", slug(last) or "kim"
    r = rng.random()
    if r < 0.18:
        u = f"{f}{l}"
    elif r < 0.30:
        u = f"{f[0]}{l}"
    elif r < 0.40:
        u = f"{f}-{l}"
    elif r < 0.50:
        u = f"{f}{rng.randrange(1, 10000)}"
    elif r < 0.58:
        u = f"{f}_{rng.choice(DEV_WORDS)}"
    elif r < 0.66:
        u = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
    elif r < 0.74:
        u = f"{f}{l[:1]}{rng.randrange(10, 100)}"
    elif r < 0.82 and email_local:
        u = email_local.split("+")[0].replace(".", "")
    elif r < 0.90:
        u = f"{rng.choice(DEV_WORDS)}{f}"
    else:
        u = f"{f}.{l}"
    return u[:39]


def random_alias(rng, mode):
    if mode == "words":
        return f"{rng.choice(WORDS)}_{rng.choice(WORDS)}{rng.randrange(10, 100)}".replace("_", rng.choice(["_", ".", "-"]))
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.choice((8, 10, 12))))
