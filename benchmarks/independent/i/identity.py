"""Names, e-mail addresses and usernames (legitimate styles and farm styles)."""
import re

from faker import Faker
from faker.decode import unidecode
import disposable_email_domains

# free-mail market per country: (domain, weight)
MAIL = {
    "default": [("gmail.com", 0.8), ("yahoo.com", 0.06), ("outlook.com", 0.06), ("hotmail.com", 0.05), ("icloud.com", 0.03)],
    "US": [("gmail.com", 0.62), ("yahoo.com", 0.1), ("outlook.com", 0.06), ("hotmail.com", 0.05), ("icloud.com", 0.12), ("aol.com", 0.02), ("proton.me", 0.03)],
    "CA": [("gmail.com", 0.62), ("hotmail.com", 0.1), ("outlook.com", 0.08), ("yahoo.ca", 0.05), ("icloud.com", 0.1), ("proton.me", 0.05)],
    "MX": [("gmail.com", 0.72), ("hotmail.com", 0.16), ("outlook.com", 0.08), ("yahoo.com.mx", 0.04)],
    "BR": [("gmail.com", 0.83), ("hotmail.com", 0.08), ("outlook.com", 0.04), ("yahoo.com.br", 0.02), ("icloud.com", 0.02), ("bol.com.br", 0.01)],
    "AR": [("gmail.com", 0.8), ("hotmail.com", 0.12), ("yahoo.com.ar", 0.04), ("outlook.com", 0.04)],
    "CO": [("gmail.com", 0.8), ("hotmail.com", 0.12), ("outlook.com", 0.06), ("yahoo.com", 0.02)],
    "GB": [("gmail.com", 0.6), ("hotmail.co.uk", 0.1), ("outlook.com", 0.08), ("icloud.com", 0.1), ("yahoo.co.uk", 0.05), ("btinternet.com", 0.02), ("proton.me", 0.05)],
    "DE": [("gmail.com", 0.45), ("web.de", 0.18), ("gmx.de", 0.17), ("t-online.de", 0.05), ("outlook.de", 0.05), ("icloud.com", 0.05), ("posteo.de", 0.02), ("proton.me", 0.03)],
    "FR": [("gmail.com", 0.6), ("hotmail.fr", 0.1), ("orange.fr", 0.08), ("free.fr", 0.05), ("yahoo.fr", 0.05), ("outlook.fr", 0.05), ("laposte.net", 0.04), ("icloud.com", 0.03)],
    "ES": [("gmail.com", 0.72), ("hotmail.com", 0.14), ("outlook.es", 0.08), ("yahoo.es", 0.03), ("icloud.com", 0.03)],
    "IT": [("gmail.com", 0.65), ("libero.it", 0.1), ("hotmail.it", 0.08), ("outlook.it", 0.05), ("virgilio.it", 0.04), ("icloud.com", 0.05), ("yahoo.it", 0.03)],
    "NL": [("gmail.com", 0.62), ("hotmail.com", 0.12), ("outlook.com", 0.1), ("ziggo.nl", 0.05), ("icloud.com", 0.06), ("kpnmail.nl", 0.05)],
    "PL": [("gmail.com", 0.55), ("wp.pl", 0.15), ("o2.pl", 0.1), ("interia.pl", 0.1), ("onet.pl", 0.05), ("outlook.com", 0.05)],
    "UA": [("gmail.com", 0.8), ("ukr.net", 0.15), ("i.ua", 0.05)],
    "RU": [("mail.ru", 0.35), ("yandex.ru", 0.3), ("gmail.com", 0.3), ("rambler.ru", 0.05)],
    "TR": [("gmail.com", 0.75), ("hotmail.com", 0.15), ("outlook.com", 0.05), ("yandex.com", 0.05)],
    "IN": [("gmail.com", 0.9), ("yahoo.com", 0.03), ("outlook.com", 0.03), ("rediffmail.com", 0.02), ("yahoo.co.in", 0.02)],
    "JP": [("gmail.com", 0.55), ("yahoo.co.jp", 0.2), ("icloud.com", 0.15), ("docomo.ne.jp", 0.05), ("outlook.jp", 0.05)],
    "KR": [("naver.com", 0.55), ("gmail.com", 0.3), ("daum.net", 0.1), ("kakao.com", 0.05)],
    "CN": [("qq.com", 0.45), ("163.com", 0.25), ("gmail.com", 0.15), ("outlook.com", 0.1), ("126.com", 0.05)],
    "HK": [("gmail.com", 0.6), ("yahoo.com.hk", 0.15), ("outlook.com", 0.15), ("icloud.com", 0.1)],
    "AU": [("gmail.com", 0.55), ("hotmail.com", 0.1), ("outlook.com", 0.08), ("icloud.com", 0.15), ("bigpond.com", 0.07), ("yahoo.com.au", 0.05)],
    "IR": [("gmail.com", 0.8), ("yahoo.com", 0.15), ("chmail.ir", 0.05)],
}
LOCALE_FAKERS = {}


def faker_for(locale, seed):
    key = locale
    if key not in LOCALE_FAKERS:
        f = Faker(locale)
        f.seed_instance(seed + sum(ord(c) * (i + 1) for i, c in enumerate(locale)))
        LOCALE_FAKERS[key] = f
    return LOCALE_FAKERS[key]


def ascii_slug(s):
    s = unidecode(s).lower()
    return re.sub(r"[^a-z0-9]", "", s)


def person(rng, locales, seed):
    loc = rng.choice(locales)
    f = faker_for(loc, seed)
    if loc in ("zh_CN", "zh_TW"):
        first, last = f.first_romanized_name(), f.last_romanized_name()
    elif loc == "ja_JP":
        first, last = f.first_romanized_name(), f.last_romanized_name()
    elif loc == "fil_PH":
        first = faker_for("en_US", seed).first_name()
        last = faker_for("es_MX", seed).last_name()
    else:
        first, last = f.first_name(), f.last_name()
    fs, ls = ascii_slug(first), ascii_slug(last)
    if not fs:
        fs = "user"
    if not ls:
        ls = "x"
    return first, last, fs[:14], ls[:14]


def mail_domain(rng, cc):
    table = MAIL.get(cc, MAIL["default"])
    tot = sum(w for _, w in table)
    x = rng.random() * tot
    for d, w in table:
        x -= w
        if x <= 0:
            return d
    return table[-1][0]


def legit_local(rng, fs, ls, birth_year, taken=0.0):
    """taken: extra chance that the obvious name was taken and digits were appended (big free-mail markets)."""
    r = rng.random()
    yy = str(birth_year)[2:]
    if rng.random() < taken:
        return f"{fs}{rng.choice(['', '.', '_', ''])}{ls}{rng.choice([yy, str(birth_year), str(rng.randrange(1, 1000)), str(rng.randrange(1000, 100000))])}"
    if r < 0.22:
        return f"{fs}.{ls}"
    if r < 0.36:
        return f"{fs}{ls}"
    if r < 0.5:
        return f"{fs}{ls}{rng.choice([yy, str(birth_year), str(rng.randrange(1, 100)), str(rng.randrange(100, 1000))])}"
    if r < 0.6:
        return f"{fs}.{ls}{rng.randrange(1, 100)}"
    if r < 0.68:
        return f"{fs[0]}{ls}{rng.choice(['', yy, str(rng.randrange(1, 10))])}"
    if r < 0.76:
        return f"{fs}_{ls}"
    if r < 0.84:
        return f"{fs}{rng.choice(['', '.', '_'])}{rng.choice(['official', 'art', 'creates', 'xd', 'gamer', 'dz', 'pro', 'studio', 'real', 'oficial'])}{rng.choice(['', yy])}"
    if r < 0.92:
        return f"{ls}.{fs}"
    return f"{fs}{rng.randrange(1000, 99999)}"


def legit_username(rng, fs, ls, local):
    r = rng.random()
    if r < 0.3:
        return local.split("+")[0].replace(".", "_")[:24]
    if r < 0.55:
        return f"{fs}{ls[:1]}{rng.randrange(1, 10000)}"
    if r < 0.65:
        return f"{fs}_{rng.choice(['art', 'draws', 'ai', 'makes', 'vision', 'pixel', 'lens', 'dreams', 'sketch', 'visuals'])}"
    if r < 0.8:
        return f"{fs}.{ls}"[:24]
    if r < 0.9:
        return f"{rng.choice(['the', 'its', 'im', 'just', 'hey'])}{fs}{rng.choice(['', str(rng.randrange(1, 100))])}"
    return f"{fs}{ls}"[:24]


def disposable_domains():
    doms = sorted(disposable_email_domains.blocklist)
    # prefer short, common-looking disposable domains (what people actually paste)
    common = [d for d in doms if d.count(".") == 1 and len(d) <= 16]
    return common


def gmail_dot_variant(rng, local):
    chars = list(local.replace(".", ""))
    out = chars[0]
    for c in chars[1:]:
        out += ("." if rng.random() < 0.3 else "") + c
    return out


def random_handle(rng, n=None, digits=True):
    n = n or rng.randrange(7, 12)
    alpha = "abcdefghijklmnopqrstuvwxyz"
    s = rng.choice(alpha) + "".join(rng.choice(alpha + ("0123456789" if digits else "")) for _ in range(n - 1))
    return s
