import hashlib
import random
import bisect
import itertools
import unicodedata


def h64(*parts):
    s = "\x1f".join(str(p) for p in parts).encode()
    return int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "big")


def hhex(n, *parts):
    s = "\x1f".join(str(p) for p in parts).encode()
    return hashlib.blake2b(s, digest_size=max(8, (n + 1) // 2)).hexdigest()[:n]


def sub_rng(seed, *name):
    return random.Random("rng|%s|%s" % (seed, "|".join(str(x) for x in name)))


class WeightedChoice:
    """Fast repeated weighted choice."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def pick(self, rng):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def wpick(rng, pairs):
    """pairs: list of (weight, item)."""
    tot = sum(w for w, _ in pairs)
    x = rng.random() * tot
    for w, it in pairs:
        x -= w
        if x < 0:
            return it
    return pairs[-1][1]


def zipf_weights(n, s=1.0):
    return [1.0 / ((i + 1) ** s) for i in range(n)]


_CYR = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
        "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz"}
_GRK = {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ά": "a", "έ": "e", "ή": "i", "ί": "i", "ό": "o",
        "ύ": "y", "ώ": "o", "ϊ": "i", "ΐ": "i"}
_SPECIAL = {"ß": "ss", "ø": "o", "æ": "ae", "å": "a", "đ": "d", "ł": "l", "ı": "i", "œ": "oe", "þ": "th", "ð": "d"}


def translit(s):
    out = []
    for ch in s.lower():
        if ch in _CYR:
            out.append(_CYR[ch])
        elif ch in _GRK:
            out.append(_GRK[ch])
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        else:
            out.append(ch)
    s = "".join(out)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s if c.isascii() and (c.isalnum()))
