"""Names, e-mail addresses and usernames."""
import importlib
import unicodedata

CUSTOM = {
 "PK": (["Muhammad", "Ali", "Ahmed", "Hassan", "Usman", "Bilal", "Hamza", "Fatima", "Ayesha", "Zainab", "Sana", "Hira", "Imran", "Kashif", "Faisal", "Saad",
         "Zain", "Umar", "Abdullah", "Mahnoor", "Iqra", "Maryam", "Rabia", "Adeel", "Waqas", "Shahzaib", "Danish", "Talha", "Areeba", "Noor", "Asad", "Junaid", "Fahad", "Sadia", "Komal", "Haris"],
        ["Khan", "Ahmed", "Ali", "Hussain", "Malik", "Raza", "Qureshi", "Sheikh", "Butt", "Chaudhry", "Iqbal", "Javed", "Siddiqui", "Shah", "Mirza", "Akhtar", "Rana", "Baig", "Abbasi", "Anwar", "Aslam", "Hashmi", "Nawaz", "Tariq"]),
 "VN": (["Anh", "Minh", "Huy", "Khanh", "Linh", "Trang", "Thao", "Duc", "Hieu", "Nam", "Tuan", "Phuong", "Hoa", "Quang", "Long", "Thu", "Mai", "Hung", "Dung", "Son", "Vy", "Ngoc", "Bao", "Tam", "Hai", "Kiet", "Nhung", "Lan", "Dat", "Thinh"],
        ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Truong", "Dinh"]),
 "EG": (["Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Omar", "Youssef", "Karim", "Amr", "Hossam", "Tarek", "Nour", "Mariam", "Salma", "Aya", "Yasmin", "Menna", "Hana", "Rana", "Esraa", "Abdelrahman",
         "Ali", "Islam", "Ziad", "Khaled", "Sherif", "Heba", "Dina", "Nada", "Farida", "Hesham"],
        ["Hassan", "Ibrahim", "Mohamed", "Ali", "Mahmoud", "Abdelaziz", "Elsayed", "Fathy", "Gamal", "Kamal", "Mostafa", "Saad", "Salem", "Shaker", "Soliman", "Youssef", "Zaki", "Adel", "Nabil", "Ragab", "Hamdy", "Farouk", "Elshamy", "Abdallah"]),
 "BD": (["Rahim", "Karim", "Tanvir", "Sakib", "Nusrat", "Farhana", "Tasnim", "Arif", "Shafiq", "Rafi", "Mehedi", "Sabbir", "Anika", "Jannat", "Rakib", "Imran", "Shuvo", "Mahmud", "Sumaiya", "Fahim", "Nafis", "Tahmid", "Ayon", "Riya"],
        ["Hossain", "Rahman", "Islam", "Ahmed", "Khan", "Chowdhury", "Uddin", "Alam", "Sarker", "Miah", "Haque", "Akter", "Begum", "Talukder", "Sheikh", "Mondal", "Kabir", "Roy", "Das", "Saha"]),
 "KR": (["Minjun", "Seojun", "Doyun", "Jiho", "Hajun", "Seoyeon", "Jiwoo", "Seoyun", "Hayoon", "Minseo", "Jihoon", "Hyunwoo", "Sungmin", "Yuna", "Eunji", "Jimin", "Taeyang", "Donghyun", "Soyeon", "Jaewon"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song"]),
 "UA": (["Oleksandr", "Andrii", "Dmytro", "Serhii", "Maksym", "Yurii", "Ivan", "Bohdan", "Taras", "Olena", "Iryna", "Nataliia", "Kateryna", "Oksana", "Yuliia", "Anastasiia", "Viktoriia", "Mykola", "Volodymyr", "Artem", "Denys", "Vladyslav"],
        ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Koval", "Oliinyk", "Shevchuk", "Polishchuk", "Lysenko", "Marchenko", "Savchenko", "Rudenko", "Moroz", "Pavlenko", "Petrenko", "Klymenko", "Ivanenko"]),
 "PH": (["Juan", "Jose", "Mark", "John Paul", "Christian", "Angelo", "Carlo", "Miguel", "Joshua", "Kevin", "Maria", "Angelica", "Kristine", "Joy", "Camille", "Patricia", "Princess", "Jasmine", "Rhea", "Jericho", "Paolo", "Rafael", "Bea", "Nicole", "Jomar", "Kenneth"],
        ["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres", "Tomas", "Andrada", "Castillo", "Flores", "Villanueva", "Ramos", "Castro", "Rivera", "Aquino", "Navarro", "Salazar", "Mercado", "Dela Cruz", "De Leon", "Manalo", "Pascual", "Soriano", "Lim", "Tan", "Gonzales"]),
 "AE": (["Mohammed", "Ahmed", "Rashid", "Khalid", "Fatima", "Aisha", "Priya", "Rahul", "Arjun", "Sneha", "Joseph", "Maria", "Ali", "Omar", "Sara", "Imran", "Bilal", "Anil", "Deepa", "Rohan", "Jennifer", "Mark"],
        ["Al Mansoori", "Al Hashimi", "Al Suwaidi", "Nair", "Menon", "Pillai", "Sharma", "Khan", "Qureshi", "Santos", "Reyes", "Hassan", "Ibrahim", "Thomas", "George", "Kumar", "Fernandes", "Patel"]),
 "KZ": (["Nursultan", "Aidos", "Yerlan", "Daniyar", "Arman", "Aigerim", "Dana", "Aruzhan", "Madina", "Dmitriy", "Aleksandr", "Sergey", "Yelena", "Olga", "Timur", "Asel", "Bauyrzhan", "Zhanar"],
        ["Nurlanov", "Abenov", "Seitkali", "Ivanov", "Kim", "Tokayev", "Zhaksybekov", "Akhmetov", "Omarov", "Petrov", "Suleimenov", "Kassymov", "Iskakova", "Serikbayeva"]),
 "TW": (["Chia-Hao", "Yu-Ting", "Wei-Lun", "Hsin-Yi", "Po-Han", "Yi-Chen", "Chun-Wei", "Shu-Fen", "Kai", "Ting", "Yu-Hsuan", "Tzu-Yu", "Jun-Jie", "Pei-Shan", "Chih-Ming", "Ya-Wen"],
        ["Chen", "Lin", "Huang", "Chang", "Lee", "Wang", "Wu", "Liu", "Tsai", "Yang", "Hsu", "Cheng", "Hsieh", "Kuo", "Lai"]),
 "SG": (["Wei Ming", "Jia Hui", "Daniel", "Rachel", "Marcus", "Shawn", "Priya", "Arun", "Nurul", "Hafiz", "Siti", "Benjamin", "Clara", "Jun Hao", "Xin Yi", "Ryan", "Megan", "Zhi Wei"],
        ["Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Koh", "Teo", "Rahman", "Kumar", "Nair", "Abdullah", "Chan", "Yeo"]),
 "MY": (["Ahmad", "Muhammad", "Nur", "Siti", "Aiman", "Hafiz", "Farah", "Aisyah", "Wei Jie", "Jia Ying", "Kumar", "Priya", "Daniel", "Amirul", "Syafiq", "Izzati", "Mei Ling", "Kah Wai"],
        ["Abdullah", "Ismail", "Ibrahim", "Rahman", "Hassan", "Tan", "Lim", "Lee", "Wong", "Chong", "Ng", "Raj", "Subramaniam", "Yusof", "Othman", "Kamal"]),
 "ZA": (["Thabo", "Sipho", "Lerato", "Naledi", "Kagiso", "Zanele", "Pieter", "Johan", "Liam", "Emma", "Ayanda", "Lwazi", "Nomvula", "Tshepo", "Ruan", "Megan", "Keegan", "Busisiwe", "Mpho", "Ashwin"],
        ["Nkosi", "Dlamini", "Ndlovu", "Khumalo", "Mokoena", "Botha", "van der Merwe", "Naidoo", "Pillay", "Smith", "Mthembu", "Zulu", "Molefe", "Pretorius", "Venter", "Govender", "Baloyi", "Coetzee"]),
 "JP": (["Haruto", "Yuto", "Sota", "Yuki", "Hayato", "Riku", "Kenta", "Takumi", "Daiki", "Shota", "Yui", "Aoi", "Hina", "Sakura", "Mei", "Rin", "Misaki", "Naoki", "Kazuki", "Ryo"],
        ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu"]),
 "CN": (["Wei", "Jing", "Lei", "Min", "Jun", "Yang", "Hao", "Yu", "Xin", "Tao", "Bo", "Lin", "Qiang", "Fang", "Hui", "Jie", "Chen", "Ming", "Xiaoyu", "Zihan", "Haoran", "Yuxuan", "Zimo", "Ruoxi"],
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"]),
 "RU": (["Aleksandr", "Dmitry", "Maxim", "Sergey", "Andrey", "Alexey", "Artem", "Ilya", "Kirill", "Mikhail", "Nikita", "Ivan", "Anastasia", "Maria", "Daria", "Ekaterina", "Anna", "Polina", "Elena", "Olga", "Pavel", "Roman"],
        ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov", "Pavlov", "Kozlov"]),
 "PL": (None, ["Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kowalczyk", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Wozniak", "Dabrowski", "Kozlowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawlowski"]),
}

FAKER_LOCALES = {"NG": ["en_NG", "yo_NG", "ig_NG", "ha_NG"], "PL": ["pl_PL"]}
ADJ = ["quiet", "swift", "lucky", "cosmic", "pixel", "neon", "lazy", "brave", "silent", "rapid", "tiny", "clever", "mellow", "urban", "solar", "frosty", "crimson", "golden"]
NOUN = ["fox", "otter", "panda", "falcon", "coder", "ninja", "byte", "rocket", "tiger", "wolf", "maple", "river", "comet", "owl", "kernel", "lambda", "pixel", "hawk"]


def ascii_fold(s):
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ø", "o")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _faker_lists(loc):
    P = importlib.import_module("faker.providers.person." + loc).Provider
    fn = list(P.first_names) if hasattr(P, "first_names") else []
    ln = list(P.last_names) if hasattr(P, "last_names") else []
    return fn, ln


_cache = {}


def name_lists(key):
    if key in _cache:
        return _cache[key]
    fn, ln = [], []
    if key in CUSTOM:
        cf, cl = CUSTOM[key]
        fn, ln = list(cf or []), list(cl or [])
    locs = FAKER_LOCALES.get(key, [key] if "_" in key else [])
    for loc in locs:
        f, l = _faker_lists(loc)
        if key not in CUSTOM or CUSTOM[key][0] is None:
            fn += f
        if key not in CUSTOM or CUSTOM[key][1] is None:
            ln += l
    fn = [ascii_fold(x) for x in fn if ascii_fold(x).strip()]
    ln = [ascii_fold(x) for x in ln if ascii_fold(x).strip()]
    _cache[key] = (fn, ln)
    return fn, ln


def clean(s):
    return "".join(ch for ch in s.lower() if ch.isalnum())


DIGIT_HEAVY = {"IN", "NG", "ID", "PK", "BD", "EG", "VN", "PH", "BR", "MX", "TR", "KE", "CO"}


def localpart(rng, first, last, by, style="legit", dig=0.3):
    """An e-mail local part for a person. style changes the pattern mix; dig raises the
    share of numbered addresses (common where names are shared by many people)."""
    f, l = clean(first), clean(last)
    if not l:
        l = f
    yy = "%02d" % (by % 100)
    n2 = str(rng.randrange(1, 100))
    n3 = str(rng.randrange(100, 1000))
    n4 = str(rng.randrange(1000, 10000))
    if style == "legit":
        pats = [(f + "." + l, 22), (f + l, 14), (f + l + n2, 10), (f + "." + l + yy, 5), (f + "_" + l, 5), (f + "." + l[0], 3),
                (f[0] + l, 7), (f + str(by), 5), (f + n3, 5), (f + l[0] + n2, 3), (l + "." + f, 3), (f + "dev", 2), (f + "." + l + n2, 6),
                (rng.choice(ADJ) + f, 1.5), (f + "codes", 1), (f + "_" + rng.choice(NOUN), 1.5), (f + yy, 4), (f + "." + l + "." + yy, 1),
                (f + l + n4, 9 * dig), (f + n4, 6 * dig), (f + "." + l + n3, 5 * dig), (f + l + n3, 6 * dig), (f + "." + l + n2, 4 * dig)]
    elif style == "bulk":       # bought / bulk-created mailboxes
        pats = [(f + l + n4, 34), (f + "." + l + n3, 14), (f + l + n3, 18), (f + "." + l + n2, 8), (l + f + n4, 6), (f + "_" + l + n3, 8),
                (f + l[0] + n4, 6), (f + l, 6)]
    elif style == "aged":       # mailboxes registered years ago
        pats = [(f[0] + l + str(by), 12), (f + l + yy, 10), (f + "_" + l + yy, 8), (f + "." + l, 10), (f + rng.choice(NOUN) + n2, 6),
                (rng.choice(ADJ) + "_" + rng.choice(NOUN) + n2, 6), (f + l[:3] + n2, 6), (l + f[0] + yy, 6), (f + "." + l + "." + yy, 6), (f + str(by), 10)]
    else:
        raise ValueError(style)
    tot = sum(w for _, w in pats)
    x = rng.random() * tot
    for p, w in pats:
        x -= w
        if x <= 0:
            return p
    return pats[0][0]


def username_for(rng, first, last, lp, style="legit"):
    f, l = clean(first), clean(last) or clean(first)
    r = rng.random()
    if style == "legit":
        if r < 0.42:
            u = lp.replace(".", "").replace("+", "")[:20]
        elif r < 0.55:
            u = f + l[:1] + str(rng.randrange(1, 999))
        elif r < 0.66:
            u = f + "-" + l
        elif r < 0.76:
            u = f + "_" + rng.choice(NOUN)
        elif r < 0.86:
            u = rng.choice(ADJ) + rng.choice(NOUN) + str(rng.randrange(1, 99))
        elif r < 0.93:
            u = f[:1] + l
        else:
            u = f + str(rng.randrange(1990, 2010))
    else:
        if r < 0.55:
            u = lp.replace(".", "").replace("+", "")[:20]
        elif r < 0.8:
            u = f + l + str(rng.randrange(10, 9999))
        else:
            u = f + "_" + l + str(rng.randrange(1, 99))
    return u[:30]


TYPO_DOMAINS = {"gmail.com": ["gmial.com", "gmail.co", "gmai.com", "gmail.con", "gnail.com", "gamil.com"], "yahoo.com": ["yaho.com", "yahoo.co"],
                "hotmail.com": ["hotmial.com", "hotmail.co"], "outlook.com": ["outlok.com", "outlook.co"], "icloud.com": ["iclod.com", "icloud.co"]}

DISPOSABLE = ["mailinator.com", "guerrillamail.com", "10minutemail.com", "temp-mail.org", "yopmail.com", "sharklasers.com", "dispostable.com", "maildrop.cc", "getnada.com", "tempmail.plus", "emailondeck.com", "mohmal.com"]
ALIAS_DOMAINS = [("privaterelay.appleid.com", 40), ("duck.com", 20), ("mozmail.com", 15), ("simplelogin.com", 8), ("aleeas.com", 5), ("passmail.net", 8), ("addy.io", 4)]


def relay_localpart(rng, dom):
    a = "abcdefghijklmnopqrstuvwxyz0123456789"
    if dom == "privaterelay.appleid.com":
        return "".join(rng.choice(a) for _ in range(10))
    if dom == "duck.com":
        return rng.choice(ADJ) + "-" + rng.choice(NOUN) + "-" + rng.choice(ADJ)
    if dom == "mozmail.com":
        return "".join(rng.choice(a) for _ in range(9))
    if dom in ("simplelogin.com", "aleeas.com", "passmail.net", "addy.io"):
        return rng.choice(NOUN) + "_" + rng.choice(ADJ) + str(rng.randrange(100, 999))
    return "".join(rng.choice(a) for _ in range(8))
