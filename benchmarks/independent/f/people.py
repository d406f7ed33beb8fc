"""Names, e-mail addresses and usernames, by country."""
import unicodedata

from faker import Faker

FAKER_LOCALE = {
    "US": "en_US", "CA": "en_CA", "GB": "en_GB", "AU": "en_US", "IN": "en_IN", "PK": "en_PK",
    "ID": "id_ID", "PH": "en_US", "TH": "en_TH", "NG": "en_NG", "KE": "en_KE", "ZA": "zu_ZA",
    "GH": "tw_GH", "BR": "pt_BR", "MX": "es_MX", "CO": "es_CO", "AR": "es_AR", "PE": "es_MX",
    "DE": "de_DE", "FR": "fr_FR", "ES": "es_ES", "PL": "pl_PL", "PT": "pt_PT", "NL": "nl_NL",
    "SE": "sv_SE", "TR": "tr_TR", "JP": "en_US", "SG": "en_US", "HK": "en_US", "RO": "ro_RO",
}
# Romanised names where Faker's are not in Latin script or are poor.
HAND = {
    "VN": (["Minh", "Huy", "Linh", "Trang", "Anh", "Duc", "Hoa", "Khanh", "Nam", "Thu", "Tuan",
            "Phuong", "Quang", "Ngoc", "Hieu", "Long", "Mai", "Thao", "Vy", "Bao"],
           ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo"]),
    "BD": (["Rahim", "Karim", "Nusrat", "Tanvir", "Farhana", "Sakib", "Mim", "Arif", "Sumaiya",
            "Rafi", "Tasnim", "Imran", "Jannat", "Shakil", "Riya", "Sabbir"],
           ["Hossain", "Islam", "Rahman", "Ahmed", "Akter", "Khan", "Chowdhury", "Das", "Uddin",
            "Sarker", "Begum", "Mia"]),
    "EG": (["Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Nour", "Yasmin", "Omar", "Mariam", "Youssef",
            "Salma", "Karim", "Hana"], ["Hassan", "Ibrahim", "Ali", "Mahmoud", "Saeed", "Fathy",
                                        "Abdelrahman", "Mostafa", "Samir", "Adel"]),
    "SA": (["Abdullah", "Faisal", "Noura", "Saad", "Reem", "Khalid", "Sara", "Fahad", "Lama",
            "Turki"], ["Alqahtani", "Alharbi", "Alotaibi", "Alshehri", "Alghamdi", "Alzahrani",
                       "Aldossary"]),
    "AE": (["Ahmed", "Fatima", "Rashid", "Maryam", "Saeed", "Aisha", "Hamdan", "Latifa"],
           ["Almansoori", "Alnuaimi", "Alshamsi", "Alkaabi", "Almazrouei", "Alhammadi"]),
    "IR": (["Amir", "Sara", "Reza", "Maryam", "Ali", "Zahra", "Mohammad", "Niloofar", "Hossein",
            "Parisa", "Mehdi", "Shirin"], ["Ahmadi", "Hosseini", "Karimi", "Rezaei", "Moradi",
                                           "Jafari", "Mohammadi", "Rahimi", "Kazemi", "Sadeghi"]),
    "RU": (["Ivan", "Anna", "Dmitry", "Olga", "Sergey", "Elena", "Alexey", "Natalia", "Maxim",
            "Daria", "Artem", "Ksenia"], ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Volkov",
                                          "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov"]),
    "CN": (["Wei", "Jing", "Lei", "Yan", "Hao", "Min", "Jun", "Xin", "Yu", "Ting", "Chen", "Fang"],
           ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu"]),
    "PH": (["Mark", "Angel", "John Paul", "Kristine", "Jerome", "Mae", "Jasmine", "Joshua",
            "Princess", "Carlo", "Rhea", "Jericho", "Czarina", "Aldrin"],
           ["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva",
            "Dela Cruz", "Ramos", "Aquino", "Castillo"]),
    "TH": (["Somchai", "Nattaya", "Krit", "Ploy", "Thanawat", "Siriporn", "Pim", "Anan", "Chanok"],
           ["Saetang", "Srisuk", "Wongsa", "Chaiyaporn", "Boonmee", "Rattanakorn", "Kaewmanee"]),
}

# Mail providers by country: (domain, weight)
PROVIDERS = {
    "default": [("gmail.com", 0.72), ("yahoo.com", 0.08), ("outlook.com", 0.08),
                ("hotmail.com", 0.07), ("icloud.com", 0.05)],
    "US": [("gmail.com", 0.55), ("yahoo.com", 0.09), ("icloud.com", 0.12), ("outlook.com", 0.07),
           ("hotmail.com", 0.06), ("aol.com", 0.03), ("proton.me", 0.03), ("comcast.net", 0.02),
           ("me.com", 0.02), ("att.net", 0.01)],
    "GB": [("gmail.com", 0.55), ("hotmail.co.uk", 0.1), ("icloud.com", 0.1), ("outlook.com", 0.1),
           ("yahoo.co.uk", 0.06), ("btinternet.com", 0.05), ("proton.me", 0.04)],
    "IN": [("gmail.com", 0.9), ("yahoo.com", 0.03), ("rediffmail.com", 0.02), ("outlook.com", 0.03),
           ("yahoo.co.in", 0.02)],
    "ID": [("gmail.com", 0.9), ("yahoo.co.id", 0.05), ("yahoo.com", 0.05)],
    "NG": [("gmail.com", 0.8), ("yahoo.com", 0.15), ("outlook.com", 0.05)],
    "BR": [("gmail.com", 0.78), ("hotmail.com", 0.1), ("outlook.com", 0.05), ("yahoo.com.br", 0.03),
           ("bol.com.br", 0.02), ("uol.com.br", 0.02)],
    "MX": [("gmail.com", 0.7), ("hotmail.com", 0.18), ("outlook.com", 0.07), ("yahoo.com.mx", 0.05)],
    "DE": [("gmail.com", 0.45), ("gmx.de", 0.18), ("web.de", 0.17), ("t-online.de", 0.07),
           ("outlook.de", 0.05), ("posteo.de", 0.03), ("icloud.com", 0.05)],
    "FR": [("gmail.com", 0.55), ("hotmail.fr", 0.12), ("orange.fr", 0.1), ("free.fr", 0.06),
           ("laposte.net", 0.06), ("yahoo.fr", 0.05), ("icloud.com", 0.06)],
    "PL": [("gmail.com", 0.55), ("wp.pl", 0.15), ("o2.pl", 0.12), ("interia.pl", 0.1), ("onet.pl", 0.08)],
    "RU": [("yandex.ru", 0.4), ("mail.ru", 0.35), ("gmail.com", 0.25)],
    "CN": [("qq.com", 0.55), ("163.com", 0.25), ("gmail.com", 0.15), ("126.com", 0.05)],
    "TR": [("gmail.com", 0.75), ("hotmail.com", 0.2), ("yandex.com", 0.05)],
    "VN": [("gmail.com", 0.95), ("yahoo.com", 0.05)],
    "IR": [("gmail.com", 0.85), ("yahoo.com", 0.15)],
}

VOWELS = "aeiou"


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


class People:
    def __init__(self, seed):
        self.fakers = {}
        self.seed = seed

    def _pool(self, loc):
        """Faker names of a locale, drawn once (Faker is slow per call)."""
        pool = self.fakers.get(loc)
        if pool is None:
            f = Faker(loc)
            f.seed_instance(self.seed * 7919 + sum(map(ord, loc)))
            pool = ([f.first_name() for _ in range(500)], [f.last_name() for _ in range(500)])
            self.fakers[loc] = pool
        return pool

    def name(self, rng, cc):
        first, last = HAND[cc] if cc in HAND else self._pool(FAKER_LOCALE.get(cc, "en_US"))
        return first[rng.integers(len(first))], last[rng.integers(len(last))]

    def provider(self, rng, cc):
        table = PROVIDERS.get(cc, PROVIDERS["default"])
        return pick(rng, table)

    def local_part(self, rng, first, last, style=None):
        f = ascii_fold(first).replace(" ", "").replace("'", "")
        l = ascii_fold(last).replace(" ", "").replace("'", "")
        year = int(rng.integers(1968, 2009))
        styles = [("fl", 0.12), ("f.l", 0.2), ("f_l", 0.04), ("flNN", 0.18), ("f.lYYYY", 0.08),
                  ("fYYYY", 0.08), ("iLast", 0.06), ("fNNN", 0.1), ("lf", 0.04), ("nick", 0.1)]
        style = style or pick(rng, styles)
        nn = int(rng.integers(1, 100))
        out = {"fl": f + l, "f.l": f + "." + l, "f_l": f + "_" + l, "flNN": "%s%s%02d" % (f, l, nn),
               "f.lYYYY": "%s.%s%d" % (f, l, year), "fYYYY": "%s%d" % (f, year),
               "iLast": f[:1] + l, "fNNN": "%s%d" % (f, rng.integers(100, 9999)), "lf": l + f,
               "nick": "%s%s%d" % (f[:4], ["x", "official", "the", "real", "", "_"][rng.integers(6)],
                                   year % 100)}[style]
        return out or "user%d" % nn

    def email(self, rng, cc, first, last, domain=None):
        domain = domain or self.provider(rng, cc)
        return "%s@%s" % (self.local_part(rng, first, last), domain)

    def username(self, rng, first, last, email):
        r = rng.random()
        f, l = ascii_fold(first).replace(" ", ""), ascii_fold(last).replace(" ", "")
        if r < 0.4:
            return email.split("@")[0].replace(".", "").replace("+", "")[:24]
        if r < 0.7:
            return (f + l[:1] + str(rng.integers(1, 999)))[:24]
        if r < 0.85:
            return (f + "_" + l)[:24]
        return (f[:3] + l[:4] + str(rng.integers(10, 99)))


def pick(rng, table):
    """Weighted choice from [(value, weight), ...] (deterministic for a numpy Generator)."""
    total = 0.0
    for _, w in table:
        total += w
    x = rng.random() * total
    for v, w in table:
        x -= w
        if x < 0:
            return v
    return table[-1][0]
