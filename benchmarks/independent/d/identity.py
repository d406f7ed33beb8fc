"""Names, e-mail addresses and usernames."""
from faker import Faker

from geodata import FAKER_LOCALES, mail_for
from util import translit, wpick, h64

CUSTOM_NAMES = {
    "KR": ("Minjun Seojun Jiho Hyunwoo Jiwon Seoyeon Minji Yuna Jisoo Donghyun Sungmin Hyejin Eunji Jaehyun Taeyang Soyeon Jihoon Yejin Sangwoo Dahye",
           "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Seo Kwon Hwang Ahn Song Yoo Hong Jeon"),
    "BD": ("Rahim Karim Tanvir Arif Sabbir Nusrat Farhana Tasnim Sadia Mahmud Rakib Imran Shakil Ayesha Fahim Nafis Rafiq Sumaiya Mehedi Jannat",
           "Hossain Rahman Islam Ahmed Chowdhury Akter Khan Uddin Alam Sarkar Haque Miah Sultana Begum Das Roy Karim Mollah"),
    "ARAB": ("Mohamed Ahmed Omar Youssef Khaled Fatima Aisha Mariam Nour Sara Hassan Ali Ibrahim Mahmoud Mostafa Abdullah Layla Hana Salma Rania Tarek Yasmin Karim Faisal Noura",
             "Hassan Ali Ibrahim Mahmoud Elsayed Abdelrahman Alharbi Alqahtani Almutairi Alshehri Khalil Nasser Saleh Farouk Mansour Haddad Othman Youssef Hamdan Zaki"),
    "IR": ("Amir Reza Mohammad Ali Hossein Mehdi Sara Maryam Fatemeh Zahra Niloofar Parisa Arash Babak Kaveh Shirin Navid Pouya Sina Negar",
           "Ahmadi Hosseini Mohammadi Rezaei Karimi Moradi Jafari Rahimi Hashemi Sadeghi Tehrani Ghorbani Kazemi Najafi Zamani Rostami"),
    "IL": ("Noa Yael Tamar Maya Avi Yossi Daniel Itai Omer Eitan Lior Amit Shira Noam Roni Gal Ori Michal Dana Yonatan",
           "Cohen Levi Mizrahi Peretz Biton Friedman Katz Shapiro Avraham Goldberg Bendavid Azoulay Dahan Golan Rosen Shalom"),
    "AM": ("Aram Armen Gor Hayk Narek Ani Anahit Lilit Mariam Tigran Davit Sona Karen Arsen Nare",
           "Petrosyan Hakobyan Grigoryan Sargsyan Harutyunyan Vardanyan Karapetyan Mkrtchyan Avetisyan Gevorgyan Hovhannisyan"),
    "GE": ("Giorgi Nika Luka Davit Ana Nino Mariam Tamar Levan Irakli Sandro Salome Mariami Lasha Tornike",
           "Beridze Kapanadze Gelashvili Maisuradze Giorgadze Lomidze Tsiklauri Mamedov Abashidze Khutsishvili Japaridze"),
    "RS": ("Nikola Marko Stefan Luka Milica Jelena Ana Jovana Aleksandar Nemanja Dusan Ivana Milos Teodora Vuk",
           "Jovanovic Petrovic Nikolic Markovic Djordjevic Stojanovic Ilic Stankovic Pavlovic Milosevic Popovic Zivkovic"),
    "PH": ("Juan Jose Mark John Paolo Angelo Maria Kristine Angelica Jasmine Mikaela Carlo Joshua Patricia Nicole Rafael Bea Camille",
           "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Aquino Villanueva Ramos Castillo Flores Dela Cruz Navarro"),
    "VN": ("Anh Minh Huy Khoa Long Nam Phuc Quang Thanh Tuan Linh Mai Ngoc Trang Thao Huong Duc Hieu Hoang Dung",
           "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly"),
    "SGMY": ("Wei Jun Kai Hui Ling Mei Siti Nurul Ahmad Aiman Farah Arjun Priya Rajesh Darren Jasmine Ethan Chloe Marcus Amirah",
             "Tan Lim Lee Ng Wong Goh Chua Koh Teo Abdullah Ibrahim Rahman Kumar Nair Pillai Ong Chong Yap"),
    "PK": ("Ahmed Ali Usman Hamza Bilal Ayesha Fatima Zainab Hira Sana Imran Faisal Asad Saad Maryam Zeeshan Umair Mahnoor Areeba Haris",
           "Khan Ahmed Malik Hussain Butt Sheikh Qureshi Chaudhry Raza Iqbal Shah Javed Akhtar Siddiqui Mirza Abbasi"),
    "TH": ("Somchai Anan Krit Nattapong Thanakorn Ploy Nicha Pim Kanya Siriporn Arthit Chaiwat Pimchanok Waranya Tanawat",
           "Saetang Srisuk Chaiyaporn Wongsawat Rattanakorn Boonmee Thongdee Kaewkla Phromma Suwannarat Charoensuk"),
}
CUSTOM_FOR = {"KR": "KR", "BD": "BD", "AE": "ARAB", "SA": "ARAB", "EG": "ARAB", "IR": "IR", "IL": "IL", "AM": "AM", "GE": "GE",
              "RS": "RS", "PH": "PH", "VN": "VN", "SG": "SGMY", "MY": "SGMY", "PK": "PK", "TH": "TH"}
CUSTOM_NAMES = {k: (a.split(), b.split()) for k, (a, b) in CUSTOM_NAMES.items()}

HANDLE_WORDS = ["dev", "code", "byte", "pixel", "neo", "ai", "ml", "data", "hack", "null", "zero", "quantum", "astro", "echo",
                "nova", "sigma", "lambda", "vector", "tensor", "kernel", "rusty", "py", "js", "go", "cloud", "shadow", "wolf",
                "fox", "tiger", "panda", "ninja", "coder", "maker", "builder", "bot", "lab", "stack", "loop", "bit", "root",
                "sudo", "async", "cyber", "pro", "hq", "x", "the", "real", "mr", "its", "just", "not", "cool", "blue", "red"]


class Identities:
    def __init__(self, seed):
        self.seed = seed
        self._fakers = {}
        self.emails = set()
        self.usernames = set()

    def faker(self, loc):
        f = self._fakers.get(loc)
        if f is None:
            f = Faker(loc)
            f.seed_instance(h64(self.seed, "faker", loc) & 0xffffffff)
            self._fakers[loc] = f
        return f

    def name(self, rng, iso, loc=None):
        key = CUSTOM_FOR.get(iso)
        if key and loc is None and rng.random() < 0.9:
            fn, ln = CUSTOM_NAMES[key]
            return rng.choice(fn), rng.choice(ln)
        loc = loc or rng.choice(FAKER_LOCALES.get(iso, ["en_US"]))
        f = self.faker(loc)
        if loc in ("ja_JP", "zh_CN", "zh_TW"):
            first, last = f.first_romanized_name(), f.last_romanized_name()
            first = first.replace("-", "").capitalize()
        else:
            first, last = f.first_name(), f.last_name()
        a, b = translit(first), translit(last)
        if len(a) < 2 or len(b) < 2:
            f = self.faker("en_US")
            a, b = translit(f.first_name()), translit(f.last_name())
        return a, b

    def handle(self, rng, first=None):
        r = rng.random()
        if r < 0.4 and first:
            return first + rng.choice(HANDLE_WORDS) + (str(rng.randint(1, 999)) if rng.random() < 0.5 else "")
        if r < 0.75:
            return rng.choice(HANDLE_WORDS) + rng.choice(HANDLE_WORDS) + (str(rng.randint(1, 9999)) if rng.random() < 0.6 else "")
        return translit(self.faker("en_US").user_name())

    def local_part(self, rng, first, last, style=None, digits_bias=0.0):
        f, l = first.lower(), last.lower()
        yy = rng.randint(70, 106) % 100
        pats = [(22, "{f}.{l}"), (14, "{f}{l}"), (6, "{f}.{l}{yy}"), (8 + 20 * digits_bias, "{f}{l}{nn}"), (8, "{fi}{l}"),
                (4, "{f}_{l}"), (5 + 10 * digits_bias, "{f}{yyyy}"), (3, "{l}.{f}"), (5, "{f}{nnn}"), (10, "{handle}"),
                (3, "{f}.{li}"), (3, "{l}{fi}"), (2, "{f}-{l}"), (2, "{fi}{li}{nnnn}")]
        p = style or wpick(rng, pats)
        s = (p.replace("{f}", f).replace("{l}", l).replace("{fi}", f[:1]).replace("{li}", l[:1])
             .replace("{yyyy}", str(rng.randint(1968, 2006))).replace("{yy}", "%02d" % yy)
             .replace("{nnnn}", str(rng.randint(1000, 9999))).replace("{nnn}", str(rng.randint(100, 999)))
             .replace("{nn}", str(rng.randint(1, 99))))
        if "{handle}" in s:
            s = s.replace("{handle}", self.handle(rng, f))
        return s[:40]

    def consumer_email(self, rng, iso, first, last, domain=None, plus_rate=0.03, caps_rate=0.0, digits_bias=0.0):
        for attempt in range(20):
            dom = domain or wpick(rng, mail_for(iso))
            if dom == "qq.com" and rng.random() < 0.75:
                local = str(rng.randint(10000, 3999999999))
            elif dom in ("icloud.com",) and rng.random() < 0.12:   # hide-my-email alias
                local = "%s_%s_%s" % (rng.choice(HANDLE_WORDS[:20]), rng.choice(["ocean", "river", "maple", "stone", "cloud", "pine", "ember"]), hhex_small(rng))
            else:
                local = self.local_part(rng, first, last, digits_bias=digits_bias + (0.4 if dom == "gmail.com" else 0) + attempt * 0.3)
                if attempt > 2:
                    local += str(rng.randint(1, 9999))
            if plus_rate and rng.random() < plus_rate and dom in ("gmail.com", "googlemail.com", "fastmail.com", "proton.me", "outlook.com", "hey.com", "icloud.com"):
                local += "+" + rng.choice(["lumora", "ai", "api", "dev", "lumora-api", "llm", "signup", "work", "test"])
            e = local + "@" + dom
            if e.lower() not in self.emails:
                self.emails.add(e.lower())
                if caps_rate and rng.random() < caps_rate:
                    e = e[0].upper() + e[1:]
                return e
        raise RuntimeError("email space exhausted")

    def claim_email(self, e):
        if e.lower() in self.emails:
            return False
        self.emails.add(e.lower())
        return True

    def work_email(self, rng, first, last, domain, style=None):
        pats = [(55, "{f}.{l}"), (25, "{fi}{l}"), (8, "{f}"), (5, "{f}{li}"), (5, "{f}_{l}"), (2, "{l}")]
        p = style or wpick(rng, pats)
        for k in range(10):
            local = self.local_part(rng, first, last, style=p) + ("" if k == 0 else str(k + 1))
            e = local + "@" + domain
            if self.claim_email(e):
                return e
        return self.consumer_email(rng, "US", first, last)

    def edu_email(self, rng, first, last, uni):
        dom = uni["domain"]
        if uni["student_sub"] and rng.random() < 0.6:
            dom = "student." + dom
        if uni["netid"]:
            style = rng.choice(["{fi}{li}{nnnn}", "{fi}{l}{nn}", "{f}{li}{nnn}"])
        else:
            style = rng.choice(["{f}.{l}", "{f}.{l}", "{fi}{l}", "{f}{l}{nn}"])
        for k in range(10):
            e = self.local_part(rng, first, last, style=style) + ("" if k == 0 else str(k)) + "@" + dom
            if self.claim_email(e):
                return e
        return self.consumer_email(rng, uni["country"], first, last)

    def username(self, rng, first, last, email=None):
        f, l = first.lower(), last.lower()
        r = rng.random()
        if email and r < 0.4:
            base = email.split("@")[0].split("+")[0].lower().replace(".", rng.choice(["", "_", ""]))
        elif r < 0.7:
            base = wpick(rng, [(3, f + l), (2, f + "_" + l), (2, f[0] + l), (1, f + l[0]), (2, f + l + str(rng.randint(1, 99))), (1, f + str(rng.randint(1, 999)))])
        else:
            base = self.handle(rng, f if rng.random() < 0.5 else None)
        base = "".join(c for c in base if c.isalnum() or c in "_-")[:30] or "user"
        u = base
        k = 0
        while u in self.usernames:
            k += 1
            u = base + str(rng.randint(1, 99 if k < 3 else 9999))
        self.usernames.add(u)
        return u


def hhex_small(rng):
    return "%02d" % rng.randint(0, 99) + rng.choice("abcdefghjkmnpqrstvwxyz")
