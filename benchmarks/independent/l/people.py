"""Names, languages, e-mail addresses and usernames, per country."""
import re

from faker import Faker
from faker.decode import unidecode

from util import rng_for, wchoice

ARAB_M = "Mohamed Ahmed Mahmoud Omar Youssef Khaled Mostafa Hassan Ali Ibrahim Karim Tarek Amr Hany Sherif Abdullah Ziad Walid Yasser Hossam Islam Mazen Seif".split()
ARAB_F = "Fatma Aya Nour Mariam Sara Salma Yasmin Heba Mona Rana Dina Reem Noura Habiba Malak Shahd Rawan Esraa Nada Aliaa".split()
ARAB_L = "Hassan Ibrahim Mahmoud Abdelrahman Elsayed Mostafa Fathy Gamal Salah Kamel Farouk Nabil Saad Adel Zaki Soliman Hamdy Shawky Ragab Hegazy Abdelaziz Elshafei Morsy Ashraf".split()
GULF_M = "Abdullah Fahad Saud Faisal Sultan Nasser Turki Majed Rashid Hamad Saeed Khalid Mohammed Abdulaziz Omar Yousef Hamdan Mansour Bandar Nawaf".split()
GULF_F = "Noura Hessa Maha Amal Layla Reem Sara Lama Alanoud Shahad Dana Mariam Fatima Aisha Latifa Shamma Maitha Jawaher Haya Razan".split()
GULF_L = "Al-Qahtani Al-Otaibi Al-Ghamdi Al-Harbi Al-Zahrani Al-Shehri Al-Dossari Al-Mutairi Al-Anazi Al-Shamsi Al-Mansoori Al-Hashimi Al-Nuaimi Al-Ketbi Al-Suwaidi Al-Falasi Al-Mazrouei Al-Blooshi Al-Rashidi Al-Saud".split()
HEB_M = "Yosef David Moshe Avi Daniel Itai Noam Omer Yonatan Eitan Amit Lior Ariel Ido Tomer Guy Roi Nadav Yuval Eyal Shai Asaf".split()
HEB_F = "Noa Tamar Maya Shira Yael Michal Adi Roni Hila Talia Neta Inbal Dana Gal Ayelet Keren Sivan Orly Efrat Liat".split()
HEB_L = "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Azulay Katz Malka Shapiro Ben-David Goldberg Rosenberg Amar Ohana Sasson Halevi Baruch Alon Weiss".split()
FA_M = "Ali Mohammad Reza Hossein Amir Mehdi Hamid Saeed Arash Babak Kian Farhad Peyman Omid Navid Sina Pouya Arman".split()
FA_F = "Zahra Fatemeh Maryam Sara Niloufar Parisa Shirin Mahsa Leila Narges Yasaman Negar Setareh Roya Ladan Ghazal Bahar".split()
FA_L = "Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Jafari Rahimi Hashemi Kazemi Ebrahimi Sadeghi Mousavi Ghasemi Tehrani Shirazi Farahani Najafi Bagheri Azizi".split()

# cc -> [(source, weight)]; source is a Faker locale or one of the hand lists
NAME_MIX = {
    "DE": [("de_DE", 86), ("tr_TR", 6), ("pl_PL", 3), ("ru_RU", 2), ("uk_UA", 3)],
    "FR": [("fr_FR", 88), ("arab", 8), ("pt_PT", 4)],
    "GB": [("en_GB", 82), ("en_IN", 8), ("en_PK", 4), ("en_NG", 3), ("pl_PL", 3)],
    "NL": [("nl_NL", 90), ("tr_TR", 5), ("arab", 5)],
    "PL": [("pl_PL", 94), ("uk_UA", 6)], "ES": [("es_ES", 90), ("es_MX", 10)], "IT": [("it_IT", 100)],
    "SE": [("sv_SE", 88), ("arab", 6), ("fa", 6)], "UA": [("uk_UA", 85), ("ru_RU", 15)], "RO": [("ro_RO", 100)],
    "PT": [("pt_PT", 85), ("pt_BR", 15)], "CZ": [("cs_CZ", 92), ("uk_UA", 8)], "GR": [("el_GR", 100)],
    "TR": [("tr_TR", 100)], "IN": [("en_IN", 100)], "PK": [("en_PK", 100)], "BD": [("en_BD", 100)],
    "AE": [("gulf", 30), ("en_IN", 35), ("en_PK", 10), ("en_PH", 8), ("arab", 7), ("en_GB", 10)],
    "SA": [("gulf", 72), ("en_IN", 12), ("en_PK", 8), ("arab", 8)], "EG": [("arab", 100)],
    "NG": [("en_NG", 40), ("yo_NG", 25), ("ig_NG", 20), ("ha_NG", 15)], "KE": [("en_KE", 100)],
    "ZA": [("zu_ZA", 50), ("en_GB", 35), ("en_IN", 5), ("nl_NL", 10)],
    "IL": [("heb", 82), ("ru_RU", 14), ("arab", 4)],
    "US": [("en_US", 76), ("en_IN", 9), ("es_MX", 8), ("zh_CN", 5), ("ko_KR", 2)],
    "CA": [("en_CA", 62), ("fr_CA", 20), ("en_IN", 9), ("zh_CN", 6), ("fa", 3)],
    "RU": [("ru_RU", 100)], "BY": [("ru_RU", 100)], "IR": [("fa", 100)], "KP": [("ko_KR", 100)],
    "SY": [("arab", 100)], "CU": [("es_MX", 100)], "VN": [("vi_VN", 100)], "BR": [("pt_BR", 100)],
    "ID": [("id_ID", 100)], "PH": [("en_PH", 100)], "CN": [("zh_CN", 100)],
}

LANGS = {
    "DE": [(["de-DE", "de", "en-US", "en"], 40), (["de-DE", "de", "en"], 15), (["de", "en-US", "en"], 10),
           (["en-US", "en", "de"], 12), (["en-US", "en"], 10), (["en-GB", "en", "de"], 5), (["de-DE", "de"], 8)],
    "FR": [(["fr-FR", "fr", "en-US", "en"], 45), (["fr-FR", "fr"], 20), (["fr", "en-US", "en"], 10), (["en-US", "en", "fr"], 15), (["en-US", "en"], 10)],
    "GB": [(["en-GB", "en"], 55), (["en-GB", "en-US", "en"], 15), (["en-US", "en"], 25), (["en-GB"], 5)],
    "NL": [(["nl-NL", "nl", "en-US", "en"], 40), (["en-US", "en", "nl"], 20), (["en-US", "en"], 20), (["nl-NL", "nl"], 10), (["en-GB", "en", "nl"], 10)],
    "PL": [(["pl-PL", "pl", "en-US", "en"], 55), (["pl", "en-US", "en"], 10), (["en-US", "en", "pl"], 15), (["en-US", "en"], 15), (["pl-PL", "pl"], 5)],
    "ES": [(["es-ES", "es", "en-US", "en"], 45), (["es-ES", "es"], 25), (["es", "en"], 10), (["en-US", "en", "es"], 10), (["ca-ES", "ca", "es-ES", "es", "en"], 10)],
    "IT": [(["it-IT", "it", "en-US", "en"], 55), (["it-IT", "it"], 25), (["en-US", "en", "it"], 10), (["en-US", "en"], 10)],
    "SE": [(["sv-SE", "sv", "en-US", "en"], 45), (["en-US", "en", "sv"], 20), (["en-US", "en"], 20), (["sv-SE", "sv"], 15)],
    "UA": [(["uk-UA", "uk", "en-US", "en"], 35), (["uk", "ru", "en-US", "en"], 15), (["ru-RU", "ru", "uk", "en"], 15),
           (["en-US", "en", "uk"], 15), (["en-US", "en"], 10), (["ru-RU", "ru", "en-US", "en"], 10)],
    "RO": [(["ro-RO", "ro", "en-US", "en"], 55), (["en-US", "en", "ro"], 20), (["en-US", "en"], 20), (["ro"], 5)],
    "PT": [(["pt-PT", "pt", "en-US", "en"], 50), (["pt-PT", "pt"], 20), (["pt-BR", "pt", "en"], 10), (["en-US", "en"], 20)],
    "CZ": [(["cs-CZ", "cs", "en-US", "en"], 55), (["cs", "en"], 15), (["en-US", "en", "cs"], 15), (["en-US", "en"], 15)],
    "GR": [(["el-GR", "el", "en-US", "en"], 50), (["en-US", "en", "el"], 20), (["en-US", "en"], 25), (["el-GR", "el"], 5)],
    "TR": [(["tr-TR", "tr", "en-US", "en"], 60), (["tr-TR", "tr"], 20), (["en-US", "en", "tr"], 10), (["en-US", "en"], 10)],
    "IN": [(["en-US", "en"], 45), (["en-IN", "en-GB", "en-US", "en"], 20), (["en-GB", "en"], 15), (["en-IN", "hi-IN", "hi", "en"], 10), (["hi-IN", "hi", "en-US", "en"], 5), (["en-US", "en", "ta"], 5)],
    "PK": [(["en-US", "en"], 60), (["en-GB", "en"], 15), (["ur-PK", "ur", "en-US", "en"], 15), (["en-PK", "en"], 10)],
    "BD": [(["en-US", "en"], 55), (["bn-BD", "bn", "en-US", "en"], 25), (["en-GB", "en", "bn"], 20)],
    "AE": [(["en-US", "en"], 45), (["en-GB", "en"], 20), (["ar-AE", "ar", "en-US", "en"], 15), (["en-US", "en", "ar"], 10), (["en-IN", "en", "hi"], 10)],
    "SA": [(["ar-SA", "ar", "en-US", "en"], 40), (["en-US", "en", "ar"], 25), (["en-US", "en"], 25), (["ar"], 10)],
    "EG": [(["ar-EG", "ar", "en-US", "en"], 35), (["en-US", "en"], 35), (["en-US", "en", "ar"], 20), (["ar"], 10)],
    "NG": [(["en-US", "en"], 60), (["en-GB", "en"], 25), (["en-NG", "en"], 15)],
    "KE": [(["en-US", "en"], 60), (["en-GB", "en"], 25), (["en-KE", "en", "sw"], 15)],
    "ZA": [(["en-ZA", "en"], 40), (["en-US", "en"], 35), (["en-GB", "en"], 15), (["af-ZA", "af", "en"], 10)],
    "IL": [(["he-IL", "he", "en-US", "en"], 40), (["en-US", "en", "he"], 25), (["en-US", "en"], 20), (["ru-RU", "ru", "he", "en"], 10), (["he"], 5)],
    "US": [(["en-US", "en"], 85), (["en-US"], 5), (["es-US", "es", "en-US", "en"], 6), (["en-US", "en", "zh-CN"], 4)],
    "CA": [(["en-CA", "en-US", "en"], 45), (["en-US", "en"], 25), (["fr-CA", "fr", "en-CA", "en"], 20), (["en-CA", "en"], 10)],
    "RU": [(["ru-RU", "ru", "en-US", "en"], 65), (["ru", "en"], 15), (["en-US", "en", "ru"], 10), (["en-US", "en"], 10)],
    "BY": [(["ru-RU", "ru", "en-US", "en"], 60), (["be-BY", "be", "ru", "en"], 10), (["ru", "en"], 20), (["en-US", "en"], 10)],
    "IR": [(["fa-IR", "fa", "en-US", "en"], 55), (["en-US", "en", "fa"], 25), (["en-US", "en"], 20)],
}

EMAIL = {
    "_": [("gmail.com", 60), ("outlook.com", 8), ("hotmail.com", 6), ("yahoo.com", 6), ("icloud.com", 6), ("proton.me", 2)],
    "DE": [("gmail.com", 35), ("gmx.de", 12), ("web.de", 13), ("gmx.net", 4), ("t-online.de", 5), ("outlook.de", 3), ("outlook.com", 3),
           ("hotmail.de", 2), ("icloud.com", 5), ("posteo.de", 2), ("mailbox.org", 2), ("proton.me", 3), ("yahoo.de", 1)],
    "FR": [("gmail.com", 52), ("orange.fr", 8), ("hotmail.fr", 8), ("free.fr", 5), ("outlook.fr", 4), ("yahoo.fr", 5), ("laposte.net", 3), ("icloud.com", 5), ("sfr.fr", 2), ("proton.me", 2)],
    "GB": [("gmail.com", 50), ("outlook.com", 10), ("hotmail.co.uk", 9), ("yahoo.co.uk", 5), ("icloud.com", 11), ("btinternet.com", 3), ("live.co.uk", 3), ("proton.me", 2), ("googlemail.com", 1)],
    "NL": [("gmail.com", 55), ("outlook.com", 8), ("hotmail.com", 10), ("live.nl", 4), ("ziggo.nl", 4), ("kpnmail.nl", 3), ("icloud.com", 7), ("proton.me", 2)],
    "PL": [("gmail.com", 52), ("wp.pl", 12), ("o2.pl", 8), ("onet.pl", 7), ("interia.pl", 6), ("outlook.com", 4), ("proton.me", 1)],
    "ES": [("gmail.com", 66), ("hotmail.es", 10), ("hotmail.com", 6), ("yahoo.es", 4), ("outlook.es", 4), ("icloud.com", 6)],
    "IT": [("gmail.com", 60), ("libero.it", 8), ("hotmail.it", 7), ("yahoo.it", 5), ("outlook.it", 4), ("virgilio.it", 3), ("icloud.com", 5), ("alice.it", 2)],
    "SE": [("gmail.com", 60), ("hotmail.com", 8), ("outlook.com", 6), ("icloud.com", 9), ("telia.com", 3), ("live.se", 4), ("proton.me", 3)],
    "UA": [("gmail.com", 72), ("ukr.net", 15), ("i.ua", 3), ("meta.ua", 2), ("outlook.com", 3), ("proton.me", 2)],
    "RO": [("gmail.com", 72), ("yahoo.com", 16), ("yahoo.ro", 4), ("outlook.com", 4)],
    "PT": [("gmail.com", 65), ("hotmail.com", 12), ("sapo.pt", 6), ("outlook.pt", 5), ("icloud.com", 5)],
    "CZ": [("gmail.com", 45), ("seznam.cz", 35), ("email.cz", 6), ("centrum.cz", 5), ("post.cz", 2), ("outlook.com", 3)],
    "GR": [("gmail.com", 72), ("yahoo.gr", 8), ("hotmail.com", 8), ("outlook.com", 4)],
    "TR": [("gmail.com", 72), ("hotmail.com", 15), ("outlook.com", 5), ("yandex.com", 4), ("icloud.com", 3)],
    "IN": [("gmail.com", 86), ("yahoo.com", 4), ("yahoo.co.in", 3), ("outlook.com", 4), ("rediffmail.com", 2), ("hotmail.com", 1)],
    "PK": [("gmail.com", 86), ("yahoo.com", 8), ("outlook.com", 3), ("hotmail.com", 3)],
    "BD": [("gmail.com", 90), ("yahoo.com", 6), ("outlook.com", 3)],
    "AE": [("gmail.com", 60), ("outlook.com", 10), ("hotmail.com", 10), ("yahoo.com", 6), ("icloud.com", 10)],
    "SA": [("gmail.com", 60), ("hotmail.com", 15), ("outlook.com", 8), ("icloud.com", 12), ("yahoo.com", 3)],
    "EG": [("gmail.com", 76), ("yahoo.com", 12), ("hotmail.com", 8), ("outlook.com", 4)],
    "NG": [("gmail.com", 86), ("yahoo.com", 10), ("outlook.com", 3)],
    "KE": [("gmail.com", 88), ("yahoo.com", 6), ("outlook.com", 4)],
    "ZA": [("gmail.com", 60), ("outlook.com", 8), ("webmail.co.za", 5), ("mweb.co.za", 4), ("icloud.com", 8), ("yahoo.com", 6), ("hotmail.com", 5)],
    "IL": [("gmail.com", 76), ("walla.co.il", 6), ("outlook.com", 5), ("icloud.com", 6), ("hotmail.com", 4)],
    "US": [("gmail.com", 58), ("yahoo.com", 9), ("outlook.com", 6), ("hotmail.com", 5), ("icloud.com", 12), ("aol.com", 2), ("proton.me", 3), ("hey.com", 0.5), ("fastmail.com", 1)],
    "CA": [("gmail.com", 60), ("outlook.com", 6), ("hotmail.com", 8), ("hotmail.ca", 3), ("yahoo.ca", 4), ("icloud.com", 10), ("proton.me", 2), ("live.ca", 2)],
    "RU": [("yandex.ru", 26), ("mail.ru", 25), ("gmail.com", 32), ("bk.ru", 4), ("inbox.ru", 3), ("list.ru", 2), ("rambler.ru", 3), ("ya.ru", 3), ("proton.me", 2)],
    "BY": [("gmail.com", 42), ("mail.ru", 30), ("yandex.by", 14), ("yandex.ru", 10), ("proton.me", 4)],
    "IR": [("gmail.com", 80), ("yahoo.com", 15), ("chmail.ir", 5)],
}

DISPOSABLE = ["mailinator.com", "guerrillamail.com", "sharklasers.com", "yopmail.com", "10minutemail.com",
              "maildrop.cc", "dispostable.com", "temp-mail.io", "trashmail.com", "getnada.com", "mail.tm", "tempmail.dev"]

HANDLE_SUFFIX = ["dev", "ml", "ai", "codes", "hacks", "builds", "gpu", "data", "lab", "x", "io", "hq", "py", "tech", "labs", "nn"]
ADJ = "swift quiet bright lunar amber silent rapid cosmic neon crimson hidden golden frozen wild clever brave humble noble lucky mellow".split()
NOUN = "otter falcon tensor kernel pixel comet maple harbor cedar raven lotus badger walrus photon quasar panda heron lynx delta vector".split()


class NamePools:
    """Pre-drawn names per source so every later draw is a cheap list pick."""

    def __init__(self, n=700):
        self.pools = {}
        hand = {"arab": (ARAB_M, ARAB_F, ARAB_L, ARAB_L), "gulf": (GULF_M, GULF_F, GULF_L, GULF_L),
                "heb": (HEB_M, HEB_F, HEB_L, HEB_L), "fa": (FA_M, FA_F, FA_L, FA_L)}
        srcs = []
        for mix in NAME_MIX.values():
            for s, _ in mix:
                if s not in srcs:
                    srcs.append(s)
        for i, s in enumerate(srcs):
            if s in hand:
                self.pools[s] = hand[s]
                continue
            f = Faker(s)
            f.seed_instance(1000 + i)
            fm = [self._latin(f.first_name_male()) for _ in range(n)]
            ff = [self._latin(f.first_name_female()) for _ in range(n)]
            lm = [self._latin(f.last_name_male()) for _ in range(n)]
            lf = [self._latin(f.last_name_female()) for _ in range(n)]
            self.pools[s] = (fm, ff, lm, lf)

    @staticmethod
    def _latin(x):
        x = unidecode(x).strip()
        x = re.sub(r"[^A-Za-z' -]", "", x)
        return x or "Alex"


_POOLS = None


def pools():
    global _POOLS
    if _POOLS is None:
        _POOLS = NamePools()
    return _POOLS


class Identity:
    __slots__ = ("first", "last", "female", "cc", "src", "birth_year")

    def __init__(self, first, last, female, cc, src, birth_year):
        self.first, self.last, self.female, self.cc, self.src, self.birth_year = first, last, female, cc, src, birth_year


def make_identity(rng, cc, src=None, age=(19, 55)):
    src = src or wchoice(rng, NAME_MIX.get(cc, [("en_US", 1)]))
    fm, ff, lm, lf = pools().pools[src]
    female = rng.random() < 0.36        # developer platform: skewed male
    first = rng.choice(ff if female else fm)
    last = rng.choice(lf if female else lm)
    by = 2026 - int(rng.triangular(age[0], age[1], age[0] + 8))
    return Identity(first, last, female, cc, src, by)


def langs_for(rng, cc):
    return list(wchoice(rng, LANGS.get(cc, [(["en-US", "en"], 1)])))


def _slug(x):
    return re.sub(r"[^a-z0-9]", "", unidecode(x).lower())


class Registry:
    """Keeps e-mails and usernames unique across the whole file."""

    def __init__(self):
        self.emails = set()
        self.usernames = set()

    def email(self, rng, local, domain, min_len=1):
        local = local.strip(".-_") or "user"
        cand = "%s@%s" % (local, domain)
        k = 0
        while cand.lower() in self.emails or len(local) < min_len:
            k += 1
            local = local + str(rng.randrange(10)) if k < 6 else local + str(rng.randrange(10, 99))
            cand = "%s@%s" % (local, domain)
        self.emails.add(cand.lower())
        return cand

    def username(self, rng, base):
        base = re.sub(r"[^A-Za-z0-9_.-]", "", base)[:24] or "user"
        cand = base
        k = 0
        while cand.lower() in self.usernames:
            k += 1
            cand = "%s%d" % (base, rng.randrange(10 ** min(k, 4)))
        self.usernames.add(cand.lower())
        return cand

    def taken_email(self, e):
        return e.lower() in self.emails

    def add_email(self, e):
        self.emails.add(e.lower())


def local_part(rng, ident, style=None):
    f, l = _slug(ident.first), _slug(ident.last)
    yy = "%02d" % (ident.birth_year % 100)
    style = style or wchoice(rng, [("f.l", 22), ("fl", 12), ("f_l", 5), ("fL", 8), ("f.l##", 8), ("flYY", 8),
                                   ("fYYYY", 5), ("l.f", 3), ("f###", 6), ("fl1", 3), ("fi.l", 4), ("handle", 10),
                                   ("f-l", 2), ("fl#", 4)])
    if style == "f.l":
        return "%s.%s" % (f, l)
    if style == "fl":
        return f + l
    if style == "f_l":
        return "%s_%s" % (f, l)
    if style == "fL":
        return f[:1] + l
    if style == "f.l##":
        return "%s.%s%02d" % (f, l, rng.randrange(100))
    if style == "flYY":
        return f + l + yy
    if style == "fYYYY":
        return f + str(ident.birth_year)
    if style == "l.f":
        return "%s.%s" % (l, f)
    if style == "f###":
        return f + str(rng.randrange(100, 1000))
    if style == "fl1":
        return f + l[:1]
    if style == "fi.l":
        return "%s.%s" % (f[:1], l)
    if style == "f-l":
        return "%s-%s" % (f, l)
    if style == "fl#":
        return f + l + str(rng.randrange(10))
    return handle(rng, ident)


def handle(rng, ident):
    f, l = _slug(ident.first), _slug(ident.last)
    return wchoice(rng, [(f + rng.choice(HANDLE_SUFFIX), 3), (f[:1] + l, 3), (f + "_" + rng.choice(HANDLE_SUFFIX), 2),
                         (rng.choice(ADJ) + f, 1), (l + f[:1], 1), (f + l[:2], 2), (f + "-" + rng.choice(HANDLE_SUFFIX), 1),
                         ((f + l)[:6] + str(rng.randrange(1, 999)), 2)])


def personal_email(rng, reg, ident, cc, mobile=False, domain=None, style=None):
    domain = domain or wchoice(rng, EMAIL.get(cc, EMAIL["_"]))
    local = local_part(rng, ident, style)
    if domain in ("gmail.com", "googlemail.com") and len(local) < 6:
        local += str(rng.randrange(10, 100))
    e = reg.email(rng, local, domain)
    if mobile and rng.random() < 0.06:      # the phone capitalised the first letter
        e2 = e[0].upper() + e[1:]
        return e2
    return e


def work_email(rng, reg, ident, domain):
    f, l = _slug(ident.first), _slug(ident.last)
    local = wchoice(rng, [("%s.%s" % (f, l), 60), (f[:1] + l, 25), (f, 10), ("%s%s" % (f, l[:1]), 5)])
    return reg.email(rng, local, domain)


def edu_email(rng, reg, ident, domain, style):
    f, l = _slug(ident.first), _slug(ident.last)
    letters = "abcdefghijklmnopqrstuvwxyz"
    if style == "tum":
        local = "ge%02d%s" % (rng.randrange(10, 99), "".join(rng.choice(letters) for _ in range(3)))
    elif style == "kit":
        local = "u" + "".join(rng.choice(letters) for _ in range(4))
    elif style == "ucl":
        local = "zc" + "".join(rng.choice(letters) for _ in range(2)) + "%03d" % rng.randrange(1000)
    elif style == "sid":
        local = "s%07d" % rng.randrange(1000000, 9999999)
    elif style == "crsid":
        local = f[:1] + l[:1] + str(rng.randrange(100, 999))
    elif style == "roll":
        local = "%d%s%04d" % (rng.choice([21, 22, 23, 24, 25]), rng.choice(["b", "cs", "ee", "me", "it"]), rng.randrange(10000))
    elif style == "rwth":
        local = "%s.%s" % (f, l)
    else:
        local = wchoice(rng, [("%s.%s" % (f, l), 70), (f + l, 15), ("%s.%s%d" % (f, l, rng.randrange(2, 9)), 15)])
    return reg.email(rng, local, domain)


def username_for(rng, reg, ident, email=None):
    f, l = _slug(ident.first), _slug(ident.last)
    loc = email.split("@")[0].lower() if email else f + l
    base = wchoice(rng, [(loc, 30), (f + l, 12), (handle(rng, ident), 28), ("%s_%s" % (f, l), 8),
                         ("%s%d" % (f, rng.randrange(1, 9999)), 10), (rng.choice(ADJ) + rng.choice(NOUN) + str(rng.randrange(10, 99)), 6),
                         (f.capitalize() + l.capitalize(), 6)])
    return reg.username(rng, base)


# alias and relay services used by privacy-minded (and by some abusive) people
def alias_email(rng, reg, ident):
    kind = wchoice(rng, [("hme", 40), ("simplelogin", 15), ("addy", 10), ("mozmail", 12), ("duck", 15), ("passmail", 8)])
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    if kind == "hme":
        local = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
        return reg.email(rng, local, "privaterelay.appleid.com")
    if kind == "simplelogin":
        local = "%s_%s%d" % (rng.choice(ADJ), rng.choice(NOUN), rng.randrange(100, 999))
        return reg.email(rng, local, rng.choice(["simplelogin.com", "aleeas.com", "slmail.me"]))
    if kind == "addy":
        user = _slug(ident.first)[:8] + str(rng.randrange(10, 99))
        return reg.email(rng, rng.choice(["forge", "gpu", "signup", "ml-" + _slug(ident.last)[:5]]), "%s.anonaddy.me" % user)
    if kind == "mozmail":
        return reg.email(rng, "".join(rng.choice(letters[:36]) for _ in range(9)), "mozmail.com")
    if kind == "duck":
        return reg.email(rng, "%s-%s-%s" % (rng.choice(ADJ), rng.choice(NOUN), rng.choice(ADJ)), "duck.com")
    return reg.email(rng, "%s.%s%d" % (rng.choice(NOUN), rng.choice(ADJ), rng.randrange(100, 999)), "passmail.net")


def disposable_email(rng, reg, ident):
    local = wchoice(rng, [(_slug(ident.first) + str(rng.randrange(10, 999)), 50),
                          ("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(6, 11))), 30),
                          ("test" + str(rng.randrange(1, 999)), 20)])
    return reg.email(rng, local, rng.choice(DISPOSABLE))
