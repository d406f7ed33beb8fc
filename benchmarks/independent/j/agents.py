"""People, devices, browsers, e-mail addresses and timing for the Lumen world."""
import hashlib
import json
import os
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import fake_useragent
from faker import Faker

from world import COUNTRIES

UTC = timezone.utc
START = datetime(2026, 9, 7, tzinfo=UTC)          # Monday
DAYS = 14
END = START + timedelta(days=DAYS)
LAUNCH = START + timedelta(days=9, hours=17)     # Wed 16 Sep 2026 17:00Z: Lumen-4 "Aurora" launch

# ---------------------------------------------------------------- names
R = {
 "ua": ("Oleksandr Dmytro Andrii Serhii Maksym Yurii Ivan Bohdan Taras Vladyslav Olena Iryna Kateryna Anastasiia Yuliia Oksana Sofiia Daria Viktoriia Nazar",
        "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Koval Shevchuk Polishchuk Lysenko Marchenko Savchenko Rudenko Moroz Petrenko Hnatiuk Kuzmenko"),
 "ru": ("Aleksandr Dmitry Sergey Andrey Alexey Maxim Ivan Nikita Mikhail Artem Elena Anna Maria Olga Natalia Ekaterina Daria Yulia",
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov"),
 "kz": ("Nurlan Aibek Yerlan Daniyar Arman Askar Timur Bauyrzhan Dias Alibek Aigerim Dana Aruzhan Madina Saule Assel Kamila Dinara Ruslan Azamat",
        "Nurlanov Akhmetov Omarov Serikbayev Zhaksylykov Abenov Tulegenov Bekov Kassymov Iskakov Suleimenov Mukhametov Ospanov Sadykov Ivanov Kim Tsoi"),
 "uz": ("Jasur Sardor Bekzod Otabek Aziz Dilshod Javlon Sherzod Rustam Bobur Nilufar Dilnoza Madina Zarina Malika Gulnora Kamola Shahnoza Akmal Sanjar",
        "Karimov Rakhimov Yusupov Abdullaev Ismoilov Nazarov Tursunov Khodjaev Mirzaev Saidov Umarov Qodirov Ergashev Sultonov Aliev Normatov Rashidov"),
 "ge": ("Giorgi Levan Nika Luka Davit Irakli Sandro Lasha Giga Tornike Nino Mariam Ana Tamar Salome Natia Ketevan Elene",
        "Beridze Kapanadze Gelashvili Maisuradze Giorgadze Lomidze Tsiklauri Bolkvadze Nozadze Chikovani Mamaladze Abashidze Japaridze Kvaratskhelia"),
 "am": ("Aram Davit Narek Hayk Tigran Gor Armen Vahe Karen Arman Ani Mariam Lilit Anahit Nare Syuzanna Meri Gohar",
        "Petrosyan Hovhannisyan Sargsyan Harutyunyan Grigoryan Khachatryan Hakobyan Vardanyan Karapetyan Gevorgyan Avetisyan Mkrtchyan Manukyan Ghazaryan"),
 "az": ("Elvin Farid Rashad Kamran Orkhan Tural Murad Ilkin Nijat Rauf Aysel Leyla Gunel Nigar Aytan Sabina Nargiz Lala",
        "Mammadov Aliyev Huseynov Hasanov Guliyev Ismayilov Abdullayev Rzayev Mustafayev Jafarov Babayev Karimov Suleymanov Najafov"),
 "ar": ("Mohamed Ahmed Omar Youssef Ali Mahmoud Khaled Hassan Mostafa Karim Abdullah Fahad Salma Nour Mariam Fatma Aya Sara Hana Rana Layla Ziad",
        "Hassan Ali Ibrahim Mahmoud Abdelrahman Mostafa Elsayed Farouk Khalil Haddad Nasser Alharbi Alqahtani Alotaibi Saleh Mansour Darwish Salem Adel"),
 "ar_fr": ("Mehdi Yassine Amine Karim Sofiane Walid Anas Hamza Ayoub Rachid Imane Sara Salma Khadija Meriem Nadia Yasmine Ines Oussama Zakaria",
           "Benali Elamrani Bouzid Benmoussa Alaoui Idrissi Chaouki Mansouri Haddad Belkacem Trabelsi Bensalah Jebali Bouaziz Hamdi Tazi Berrada"),
 "il": ("Noam Itay Yonatan Omer Daniel Ariel Eitan Yuval Tomer Amit Noa Maya Shira Tamar Yael Michal Talia Roni",
        "Cohen Levi Mizrahi Peretz Biton Friedman Katz Shapiro Avraham Dahan Azoulay Goldberg Bendavid Rosen"),
 "bg": ("Georgi Ivan Dimitar Nikolay Hristo Stoyan Martin Petar Maria Elena Desislava Gergana Viktoria Tsvetelina",
        "Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Iliev Angelov Kolev Yordanov"),
 "el": ("Giorgos Nikos Dimitris Kostas Giannis Panagiotis Christos Vasilis Maria Eleni Katerina Sofia Despoina Anna",
        "Papadopoulos Georgiou Nikolaidis Papadakis Oikonomou Dimitriou Vlachos Konstantinidis Karagiannis Ioannou"),
 "sr": ("Nikola Marko Stefan Luka Milos Aleksandar Nemanja Jovan Milica Jelena Ana Marija Teodora Katarina",
        "Jovanovic Petrovic Nikolic Markovic Djordjevic Stojanovic Ilic Stankovic Pavlovic Milosevic Popovic"),
 "ir": ("Amir Mohammad Ali Reza Hossein Mehdi Saeed Arash Sina Parsa Sara Maryam Zahra Fatemeh Niloufar Shirin Parisa Yasaman",
        "Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Jafari Rahimi Hashemi Ghasemi Sadeghi Tehrani Kazemi Akbari"),
 "cn": ("Wei Hao Jie Yang Lei Jun Tao Ming Chen Yu Xin Jing Li Na Ying Fang Min Yan Zihan Yuxuan",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He"),
}
R = {k: (a.split(), b.split()) for k, (a, b) in R.items()}
WORDS = ("quiet falcon amber river pixel nova cedar lumen vector orbit delta maple echo rust tiny brave lunar kite sol "
         "neon frost ember atlas birch cobalt drift ember fern glyph harbor iris jade koala lynx mango nimbus otter "
         "pine quartz raven sable tango umber velvet willow yonder zephyr").split()


def strip(s):
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("ß", "ss").replace("đ", "d")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum())).lower()


class Names:
    def __init__(self, seed):
        self.f = {}
        self.seed = seed

    def faker(self, loc):
        if loc not in self.f:
            fk = Faker(loc)
            fk.seed_instance(self.seed + sum(map(ord, loc)))
            self.f[loc] = fk
        return self.f[loc]

    def person(self, rng, group):
        if group in R:
            fs, ls = R[group]
            return rng.choice(fs), rng.choice(ls)
        fk = self.faker(group)
        return fk.first_name(), fk.last_name()

    def for_cc(self, rng, cc):
        return self.person(rng, COUNTRIES[cc][5])


def email_local(rng, first, last, style=None):
    f, l = strip(first), strip(last)
    if not f:
        f = rng.choice(WORDS)
    if not l:
        l = rng.choice(WORDS)
    yy = str(rng.choice(range(78, 100)) if rng.random() < 0.5 else rng.randrange(0, 8)).zfill(2)
    pats = [(f + "." + l, 22), (f + l, 14), (f + l + yy, 8), (f[0] + l, 9), (f + "_" + l, 4), (f + str(rng.randrange(1, 9999)), 8),
            (l + "." + f, 4), (f + "." + l + yy, 6), (f + "." + l[0], 3), (f, 2), (f + rng.choice(WORDS), 2),
            (l + f[0], 3), (f[0] + "." + l, 4), (f + "-" + l, 1)]
    return rng.choices([p for p, w in pats], [w for p, w in pats])[0]


def username_for(rng, first, last):
    f, l = strip(first) or rng.choice(WORDS), strip(last) or rng.choice(WORDS)
    pats = [(f + l, 15), (f + "_" + l, 6), (f + l[:1], 6), (f[0] + l, 10), (f + str(rng.randrange(1, 999)), 12), (f + "-dev", 3),
            (rng.choice(WORDS) + rng.choice(WORDS), 6), (f + "." + l, 4), (l + f[:2], 3), (f + "codes", 1), (f + l + str(rng.randrange(10, 99)), 8),
            ("the" + f, 1), (f + "_ml", 1), (f + "ai", 1), (rng.choice(WORDS) + "_" + f, 3)]
    return rng.choices([p for p, w in pats], [w for p, w in pats])[0][:30]


def pick_domain(rng, cc, extra=None):
    doms = list(COUNTRIES[cc][6]) + (extra or [])
    return rng.choices([d for d, w in doms], [w for d, w in doms])[0]


TYPOS = {"gmail.com": ["gmial.com", "gmail.co", "gamil.com", "gmail.con", "gmai.com", "gmaill.com"], "hotmail.com": ["hotmial.com", "hotmail.co", "hotmal.com"],
         "outlook.com": ["outlok.com", "outllook.com"], "yahoo.com": ["yaho.com", "yahoo.co"], "mail.ru": ["mail.ry", "mai.ru"], "icloud.com": ["iclould.com", "icloud.co"]}
DISPOSABLE = ["mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "sharklasers.com", "tempmail.plus", "dropmail.me", "maildrop.cc"]


def relay_email(rng):
    k = rng.random()
    if k < 0.45:  # Apple Hide My Email
        return "%s-%s-%s%s@icloud.com" % (rng.choice(WORDS), rng.choice(WORDS), rng.randrange(10), rng.choice("abcdefghjkmnpqrstuvwxyz"))
    if k < 0.65:
        return "%s.%s.%s@duck.com" % (rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS))
    if k < 0.85:
        return "%s@mozmail.com" % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(9))
    return "%s.%s%d@simplelogin.com" % (rng.choice(WORDS), rng.choice(WORDS), rng.randrange(100, 999))


# ---------------------------------------------------------------- timing
CURVES = {
 "dev":     [3, 2, 1.2, .8, .6, .6, 1, 2, 4, 6, 8, 8.5, 7, 7, 8, 8, 7.5, 6.5, 5.5, 6, 7, 7.5, 6.5, 4.5],
 "student": [5, 3.5, 2, 1, .5, .4, .6, 1.5, 3, 5, 6.5, 7, 6, 7, 7.5, 7, 6, 5.5, 5.5, 6.5, 7.5, 8, 8, 7],
 "office":  [.1, .05, .05, .05, .05, .1, .3, 1.5, 5, 9, 10, 9, 6, 8, 9, 8, 6, 3, 1, .5, .3, .2, .1, .1],
 "mobile":  [4, 2.5, 1.2, .6, .4, .5, 1.2, 3, 4.5, 4.5, 4.5, 5, 5.5, 5, 5, 5, 5.5, 6, 6.5, 7, 8, 8.5, 8, 6],
 "farm":    [1] * 24,
}
WEEKEND = {"dev": 0.78, "student": 0.7, "office": 0.08, "mobile": 1.05, "farm": 1.0}
_OFF = {}


def tz_offset(tz):
    if tz not in _OFF:
        _OFF[tz] = ZoneInfo(tz).utcoffset(datetime(2026, 9, 12))
    return _OFF[tz]


def launch_boost(t, amp=1.6, tau_h=40.0):
    if t < LAUNCH:
        return 1.0
    return 1.0 + amp * (2.718281828 ** (-(t - LAUNCH).total_seconds() / 3600.0 / tau_h))


def sample_time(rng, tz, curve="dev", start=START, end=END, amp=1.6, tau=40.0, hours=None, weekend=None, day_w=None):
    """Rejection-sample a UTC instant: local-hour curve x weekday x launch boost."""
    c = CURVES[curve] if hours is None else hours
    mx = max(c) * (1 + amp)
    off = tz_offset(tz)
    we = WEEKEND[curve] if weekend is None else weekend
    span = (end - start).total_seconds()
    for _ in range(2000):
        t = start + timedelta(seconds=rng.random() * span)
        lt = t + off
        w = c[lt.hour] * (we if lt.weekday() >= 5 else 1.0) * launch_boost(t, amp, tau)
        if day_w:
            w *= day_w[min(13, max(0, (lt.date() - START.date()).days))]
        if rng.random() * mx < w:
            return t
    return t


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


# ---------------------------------------------------------------- browsers / devices
_UA = None


def ua_pool():
    global _UA
    if _UA is None:
        p = os.path.join(os.path.dirname(fake_useragent.__file__), "data", "browsers.jsonl")
        _UA = {}
        with open(p) as fh:
            for line in fh:
                r = json.loads(line)
                _UA.setdefault((r["os"], r["browser"]), []).append((r["useragent"], r["percent"]))
        for k in _UA:
            _UA[k].sort()
    return _UA


CLASSES = {  # class: (fake-useragent keys, navigator.platform, sec-ch-ua-platform or None, mobile, brand)
 "win_chrome": ([("Windows", "Chrome")], "Win32", "Windows", False, "Google Chrome"),
 "win_brave": ([("Windows", "Chrome")], "Win32", "Windows", False, "Brave"),
 "win_edge": ([("Windows", "Edge")], "Win32", "Windows", False, "Microsoft Edge"),
 "win_firefox": ([("Windows", "Firefox")], "Win32", None, False, None),
 "win_opera": ([("Windows", "Opera")], "Win32", "Windows", False, "Opera"),
 "win_yandex": ([("Windows", "Yandex Browser")], "Win32", "Windows", False, "YaBrowser"),
 "mac_chrome": ([("Mac OS X", "Chrome")], "MacIntel", "macOS", False, "Google Chrome"),
 "mac_brave": ([("Mac OS X", "Chrome")], "MacIntel", "macOS", False, "Brave"),
 "mac_safari": ([("Mac OS X", "Safari")], "MacIntel", None, False, None),
 "mac_firefox": ([("Mac OS X", "Firefox")], "MacIntel", None, False, None),
 "mac_edge": ([("Mac OS X", "Edge")], "MacIntel", "macOS", False, "Microsoft Edge"),
 "linux_chrome": ([("Linux", "Chrome")], "Linux x86_64", "Linux", False, "Google Chrome"),
 "linux_firefox": ([("Linux", "Firefox"), ("Ubuntu", "Firefox")], "Linux x86_64", None, False, None),
 "cros_chrome": ([("Chrome OS", "Chrome")], "Linux x86_64", "Chrome OS", False, "Google Chrome"),
 "and_chrome": ([("Android", "Chrome Mobile")], "Linux armv8l", "Android", True, "Google Chrome"),
 "and_samsung": ([("Android", "Samsung Internet")], "Linux armv8l", "Android", True, "Samsung Internet"),
 "ios_safari": ([("iOS", "Mobile Safari")], "iPhone", None, True, None),
 "ios_chrome": ([("iOS", "Chrome Mobile iOS")], "iPhone", None, True, None),
}
REGION = {}
for _cc in ["US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL", "ES", "PT", "IT", "SE", "FI", "IL", "SG", "JP"]:
    REGION[_cc] = "west"
for _cc in ["PL", "CZ", "SK", "HU", "RO", "BG", "GR", "RS", "HR", "SI", "LT", "LV", "EE", "UA", "MD"]:
    REGION[_cc] = "cee"
for _cc in ["KZ", "UZ", "KG", "TJ", "GE", "AM", "AZ", "RU", "BY"]:
    REGION[_cc] = "cis"
for _cc in ["TR", "EG", "MA", "TN", "DZ", "JO", "LB", "AE", "SA", "QA", "IR", "SY"]:
    REGION[_cc] = "mena"
for _cc in ["IN", "PK", "BD", "VN", "ID", "PH", "NG", "BR", "CN", "HK"]:
    REGION[_cc] = "south"
DESK = {
 "west": {"win_chrome": 28, "win_edge": 7, "win_firefox": 4, "mac_chrome": 20, "mac_safari": 7, "mac_firefox": 3, "mac_brave": 1.5, "mac_edge": 0.5, "linux_chrome": 7, "linux_firefox": 6, "cros_chrome": 1, "win_brave": 2, "win_opera": 0.5},
 "cee": {"win_chrome": 38, "win_edge": 6, "win_firefox": 8, "win_opera": 3, "mac_chrome": 12, "mac_safari": 4, "mac_firefox": 2, "linux_chrome": 9, "linux_firefox": 7, "win_brave": 2.5, "mac_brave": 1},
 "cis": {"win_chrome": 44, "win_yandex": 8, "win_opera": 4, "win_edge": 5, "win_firefox": 5, "mac_chrome": 10, "mac_safari": 3, "linux_chrome": 7, "linux_firefox": 4, "win_brave": 2},
 "mena": {"win_chrome": 50, "win_edge": 8, "win_firefox": 4, "win_opera": 3, "mac_chrome": 11, "mac_safari": 4, "linux_chrome": 6, "linux_firefox": 4, "win_brave": 2},
 "south": {"win_chrome": 55, "win_edge": 8, "win_firefox": 3, "mac_chrome": 8, "mac_safari": 2, "linux_chrome": 9, "linux_firefox": 3, "win_opera": 2, "win_brave": 1},
}
MOB = {
 "west": {"ios_safari": 45, "ios_chrome": 8, "and_chrome": 40, "and_samsung": 7},
 "cee": {"and_chrome": 58, "and_samsung": 10, "ios_safari": 27, "ios_chrome": 5},
 "cis": {"and_chrome": 58, "and_samsung": 9, "ios_safari": 29, "ios_chrome": 4},
 "mena": {"and_chrome": 60, "and_samsung": 12, "ios_safari": 24, "ios_chrome": 4},
 "south": {"and_chrome": 74, "and_samsung": 9, "ios_safari": 14, "ios_chrome": 3},
}


def pick_class(rng, cc, mobile):
    t = (MOB if mobile else DESK)[REGION.get(cc, "west")]
    return rng.choices(list(t), list(t.values()))[0]


CHROME_V = ([145, 144, 143, 142, 141, 139, 134, 109], [52, 24, 8, 5, 3, 3, 3, 2])
FF_V = ([143, 142, 144, 140, 128], [52, 18, 8, 17, 5])


def modernize(ua, rng, cmaj=None):
    """Age a 2025 fake-useragent string to September 2026 and return (ua, chrome_major, ff_major)."""
    cm = cmaj or rng.choices(*CHROME_V)[0]
    if cm == 109:
        if "Windows NT 10.0" in ua:
            ua = ua.replace("Windows NT 10.0", "Windows NT 6.1")
        else:
            cm = 145
    fm = rng.choices(*FF_V)[0]
    if "Firefox/" in ua:
        ua = re.sub(r"rv:\d+\.0", "rv:%d.0" % fm, ua)
        ua = re.sub(r"Firefox/\d+\.0", "Firefox/%d.0" % fm, ua)
    ua = re.sub(r"CriOS/[\d.]+", "CriOS/%d.0.%d.%d" % (cm, 7000 + cm * 13 % 500, rng.randrange(40, 180)), ua)
    full = "Chrome/%d.0.%d.%d" % (cm, 7000 + cm * 13 % 500, rng.randrange(40, 180))
    ua = re.sub(r"Chrome/\d+\.0\.(\d+)\.\d+", lambda m: ("Chrome/%d.0.0.0" % cm) if m.group(1) == "0" else full, ua)
    ua = re.sub(r"Edg/[\d.]+", "Edg/%d.0.%d.%d" % (cm, 3400 + cm * 7 % 300, rng.randrange(30, 99)), ua)
    ua = re.sub(r"OPR/[\d.]+", "OPR/%d.0.0.0" % (cm - 15), ua)
    ua = re.sub(r"YaBrowser/[\d.]+", "YaBrowser/26.%d.%d.%d" % (rng.choice([6, 7, 8]), rng.randrange(0, 5), rng.randrange(100, 999)), ua)
    ua = re.sub(r"SamsungBrowser/[\d.]+", "SamsungBrowser/%s" % rng.choice(["29.0", "29.0", "30.0", "28.0"]), ua)
    if "Safari" in ua and "Version/" in ua and rng.random() < 0.8:
        sv = "26.%d" % rng.choice([0, 1, 2, 3, 3, 4])
        ua = re.sub(r"Version/[\d.]+", "Version/" + sv, ua)
        ua = re.sub(r"iPhone OS [\d_]+", "iPhone OS 18_6", ua)
    elif "iPhone OS" in ua and "CriOS" in ua and rng.random() < 0.8:
        ua = re.sub(r"iPhone OS [\d_]+", "iPhone OS 18_6", ua)
    return ua, cm, fm


GREASE = {145: '"Not:A-Brand";v="99"', 144: '"Not_A Brand";v="8"', 143: '"Not)A;Brand";v="24"', 142: '"Not.A/Brand";v="99"', 141: '"Not?A_Brand";v="24"'}


def sec_ch_ua(brand, cm, ua):
    g = GREASE.get(cm, '"Not/A)Brand";v="8"')
    if brand == "Opera":
        return '"Opera";v="%d", "Chromium";v="%d", %s' % (cm - 15, cm, g)
    if brand == "YaBrowser":
        m = re.search(r"YaBrowser/(\d+\.\d+)", ua)
        return '"Chromium";v="%d", %s, "YaBrowser";v="%s", "Yowser";v="2.5"' % (cm, g, m.group(1) if m else "26.7")
    if brand == "Samsung Internet":
        m = re.search(r"SamsungBrowser/(\d+\.\d+)", ua)
        return '"Samsung Internet";v="%s", "Chromium";v="%d", %s' % (m.group(1) if m else "29.0", cm, g)
    return '%s, "Chromium";v="%d", "%s";v="%d"' % (g, cm, brand, cm)


def accept_language(langs, engine):
    if not langs:
        return "en-US,en;q=0.9"
    if engine == "webkit":
        out = [langs[0]]
        if "-" in langs[0]:
            out.append(langs[0].split("-")[0] + ";q=0.9")
        return ",".join(out)
    if engine == "gecko":
        qs = [None, 0.8, 0.5, 0.3, 0.2, 0.1]
        return ",".join(l if i == 0 else "%s;q=%s" % (l, qs[min(i, 5)]) for i, l in enumerate(langs[:6]))
    return ",".join(l if i == 0 else "%s;q=%.1f" % (l, max(0.1, 1 - 0.1 * i)) for i, l in enumerate(langs[:9]))


def lang_list(rng, cc, english_p=0.3, second=True):
    base = COUNTRIES[cc][4]
    prim = base[0] if rng.random() < 0.8 or len(base) == 1 else base[1]
    short = prim.split("-")[0]
    if rng.random() < english_p:
        en = "en-GB" if cc in ("GB", "IE") or (rng.random() < 0.15 and cc not in ("US", "CA")) else "en-US"
        l = [en, "en"]
        if rng.random() < 0.45 and short != "en":
            l += [prim, short]
        return l
    l = [prim, short] if prim != short else [prim]
    if short == "en":
        return l
    if second and len(base) > 1 and base[1].split("-")[0] not in ("en",) and rng.random() < 0.35:
        l += [base[1], base[1].split("-")[0]]
    if rng.random() < 0.55:
        l += ["en-US", "en"]
    return l


SCREENS = {
 "win": ([("1920x1080", 38), ("1536x864", 12), ("1366x768", 10), ("2560x1440", 11), ("1440x900", 4), ("1600x900", 4), ("1280x720", 3), ("3840x2160", 4), ("1920x1200", 5), ("2560x1600", 2), ("1280x800", 2), ("3440x1440", 2)]),
 "mac": ([("1512x982", 25), ("1440x900", 18), ("1728x1117", 12), ("1470x956", 16), ("1680x1050", 5), ("2560x1440", 10), ("1920x1080", 8), ("1800x1169", 4), ("3008x1692", 2)]),
 "linux": ([("1920x1080", 50), ("2560x1440", 24), ("3840x2160", 7), ("1366x768", 4), ("1920x1200", 12), ("2880x1800", 3)]),
 "cros": ([("1366x768", 40), ("1536x864", 25), ("1920x1080", 25), ("1280x800", 10)]),
}
GPUS = {
 "win": ["ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (NVIDIA, NVIDIA GeForce RTX 4060 Direct3D11 vs_5_0 ps_5_0, D3D11)",
         "ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (NVIDIA, NVIDIA GeForce RTX 4070 Laptop GPU Direct3D11 vs_5_0 ps_5_0, D3D11)",
         "ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics Direct3D11 vs_5_0 ps_5_0, D3D11)",
         "ANGLE (Intel, Intel(R) UHD Graphics 770 Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (AMD, AMD Radeon(TM) Graphics Direct3D11 vs_5_0 ps_5_0, D3D11)",
         "ANGLE (AMD, AMD Radeon RX 6600 Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (NVIDIA, NVIDIA GeForce RTX 3050 Laptop GPU Direct3D11 vs_5_0 ps_5_0, D3D11)"],
 "mac": ["ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)", "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
         "ANGLE (Apple, ANGLE Metal Renderer: Apple M3, Unspecified Version)", "ANGLE (Apple, ANGLE Metal Renderer: Apple M1 Pro, Unspecified Version)",
         "ANGLE (Apple, ANGLE Metal Renderer: Apple M3 Pro, Unspecified Version)", "ANGLE (Apple, ANGLE Metal Renderer: Apple M4, Unspecified Version)",
         "ANGLE (Apple, ANGLE Metal Renderer: Apple M4 Pro, Unspecified Version)", "ANGLE (Intel Inc., Intel(R) Iris(TM) Plus Graphics 655, OpenGL 4.1)"],
 "linux": ["ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)", "ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 3070/PCIe/SSE2, OpenGL 4.5.0)",
           "ANGLE (AMD, AMD Radeon Graphics (radeonsi, renoir, LLVM 17.0.6, DRM 3.57), OpenGL 4.6)", "ANGLE (Intel, Mesa Intel(R) Graphics (ADL GT2), OpenGL 4.6)",
           "ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 4090/PCIe/SSE2, OpenGL 4.5.0)"],
 "cros": ["ANGLE (Intel, Mesa Intel(R) UHD Graphics 600 (GLK 2), OpenGL ES 3.2)", "ANGLE (ARM, Mali-G72, OpenGL ES 3.2)"],
}
ANDROID = [("412x915", 8, 8, "Adreno (TM) 740", "pixel8"), ("393x873", 8, 8, "Adreno (TM) 730", "s23"), ("360x800", 8, 4, "Mali-G57 MC2", "a14"),
           ("384x854", 8, 4, "Mali-G52 MC2", "a34"), ("412x892", 8, 8, "Adreno (TM) 619", "a54"), ("393x851", 8, 8, "Adreno (TM) 610", "redmi12"),
           ("360x780", 8, 4, "Mali-G57 MC2", "redmi13c"), ("411x914", 8, 8, "Mali-G710 MC10", "pixel7"), ("393x873", 8, 8, "Adreno (TM) 650", "poco"),
           ("360x806", 8, 4, "Mali-G52 MC2", "tecno"), ("412x919", 8, 8, "Adreno (TM) 750", "s24")]
ANDROID_W = [7, 10, 14, 9, 10, 12, 10, 5, 6, 8, 9]
IPHONE = [("390x844", "iPhone 13/14"), ("393x852", "iPhone 15/16"), ("430x932", "iPhone 15 Pro Max"), ("402x874", "iPhone 16 Pro"), ("440x956", "iPhone 16 Pro Max"),
          ("414x896", "iPhone 11"), ("375x667", "iPhone SE"), ("375x812", "iPhone 12 mini"), ("393x852", "iPhone 17")]
IPHONE_W = [22, 22, 10, 10, 6, 10, 6, 3, 11]


def fp_hash(*parts):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


def make_device(rng, cls, tz, langs, ua=None, cmaj=None, rfp=False, webdriver=False, overrides=None, canvas=None):
    """Return a device profile {hdr, dev, cls}. `dev` is what the collector script sends."""
    keys, plat, chp, mobile, brand = CLASSES[cls]
    if ua is None:
        pool = []
        for k in keys:
            pool += ua_pool().get(k, [])
        raw = rng.choices([u for u, p in pool], [p for u, p in pool])[0]
        ua, cm, fm = modernize(raw, rng, cmaj)
    else:
        m = re.search(r"Chrome/(\d+)", ua)
        cm = int(m.group(1)) if m else 145
    engine = "gecko" if "Firefox" in ua else ("webkit" if (cls.startswith("ios") or cls == "mac_safari") else "chromium")
    fam = cls.split("_")[0]
    d = {"timezone": tz, "languages": list(langs) if engine != "webkit" else list(langs[:1]), "platform": plat, "webdriver": webdriver}
    if fam in ("win", "mac", "linux", "cros"):
        sc = SCREENS[fam]
        scr = rng.choices([s for s, w in sc], [w for s, w in sc])[0]
        depth = 30 if fam == "mac" and (engine == "webkit" or rng.random() < 0.6) else 24
        d["screen"] = "%sx%d" % (scr, depth)
        d["hardware_concurrency"] = rng.choices([4, 6, 8, 12, 16, 20, 24, 32], [10, 8, 30, 15, 24, 5, 4, 3])[0] if fam != "mac" else rng.choice([8, 8, 10, 10, 12, 12, 14, 16])
        gpu = rng.choice(GPUS[fam])
        if engine == "chromium":
            d["device_memory"] = rng.choices([8, 4, 2], [82, 16, 2])[0]
        d["touch_points"] = 10 if (fam in ("win", "cros") and rng.random() < 0.1) else 0
        if engine == "webkit":
            gpu = "Apple GPU"
            d["hardware_concurrency"] = 8
        can = canvas or (gpu + str(rng.randrange(60)))
    elif fam == "and":
        i = rng.choices(range(len(ANDROID)), ANDROID_W)[0]
        scr, hc, dm, gpu, model = ANDROID[i]
        d["screen"] = scr + "x24"
        d["hardware_concurrency"] = hc
        d["device_memory"] = dm
        d["touch_points"] = 5
        can = canvas or (model + gpu)
    else:  # ios
        i = rng.choices(range(len(IPHONE)), IPHONE_W)[0]
        d["screen"] = IPHONE[i][0] + "x24"
        d["hardware_concurrency"] = 4
        d["touch_points"] = 5
        gpu = "Apple GPU"
        can = canvas or IPHONE[i][1]
    d["gpu"] = gpu
    if rfp:  # Firefox resistFingerprinting / Tor Browser
        d.update({"timezone": "UTC", "languages": ["en-US", "en"], "hardware_concurrency": 2, "touch_points": 0, "gpu": "Mozilla"})
        d["screen"] = rng.choice(["1400x900x24", "1600x900x24", "1000x1000x24", "1400x800x24"])
        d.pop("device_memory", None)
        langs = ["en-US", "en"]
        can = "rfp%08x" % rng.getrandbits(32)  # randomised per session
    if overrides:
        d.update(overrides)
    if cls.endswith("brave"):
        can = "brave%08x" % rng.getrandbits(32)  # farbling
    d["fingerprint"] = fp_hash(ua, d.get("platform"), d.get("screen"), d.get("timezone"), ",".join(d.get("languages", [])),
                               d.get("hardware_concurrency"), d.get("device_memory"), d.get("touch_points"), d.get("gpu"), can)
    d["collector"] = "lc-3.2.1"
    hdr = {"user-agent": ua, "accept-language": accept_language(langs if not rfp else ["en-US", "en"], engine),
           "accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-encoding": "gzip, deflate, br, zstd" if engine != "webkit" else "gzip, deflate, br"}
    if engine == "chromium" and chp:
        hdr["sec-ch-ua"] = sec_ch_ua(brand, cm, ua)
        hdr["sec-ch-ua-mobile"] = "?1" if mobile else "?0"
        hdr["sec-ch-ua-platform"] = '"%s"' % chp
    order = ["fingerprint", "timezone", "languages", "screen", "platform", "hardware_concurrency", "device_memory", "touch_points", "webdriver", "gpu", "collector"]
    d = {k: d[k] for k in order if k in d}
    return {"hdr": hdr, "dev": d, "cls": cls, "engine": engine, "reroll": bool(rfp or cls.endswith("brave"))}


def refresh(rng, prof):
    """Per-session view of a device (RFP/Brave farbling change the canvas each session)."""
    if not prof or not prof.get("reroll"):
        return prof
    d = dict(prof["dev"])
    d["fingerprint"] = fp_hash(d["fingerprint"], rng.getrandbits(32))
    return dict(prof, dev=d)


API_UAS = [("lumen-cli/{v} (darwin; arm64) python/3.12.{p}", 18), ("lumen-cli/{v} (linux; x86_64) python/3.11.{p}", 16), ("lumen-cli/{v} (windows; amd64) python/3.12.{p}", 8),
           ("lumen-python/2.{m}.{p} CPython/3.12.{p}", 14), ("lumen-node/1.{m}.{p} node/22.{p}.0", 12), ("curl/8.{m}.{p}", 12), ("python-requests/2.32.{p}", 6),
           ("python-httpx/0.28.{p}", 4), ("Go-http-client/2.0", 3), ("PostmanRuntime/7.{m}.{p}", 5), ("HTTPie/3.2.{p}", 2)]


def api_headers(rng, langs=None):
    ua = rng.choices([u for u, w in API_UAS], [w for u, w in API_UAS])[0]
    ua = ua.format(v="1.%d.%d" % (rng.choice([14, 15, 15, 16]), rng.randrange(0, 4)), m=rng.randrange(5, 12), p=rng.randrange(0, 9))
    h = {"user-agent": ua, "accept": "application/json" if not ua.startswith("curl") else "*/*"}
    if not ua.startswith(("curl", "Go-")):
        h["accept-encoding"] = "gzip, deflate"
    if langs and ua.startswith("lumen-cli") and rng.random() < 0.5:
        h["accept-language"] = langs[0]
    return h


def human_fill(rng, mobile=False, pm=False, slow=1.0):
    if pm:
        return int(rng.lognormvariate(7.6, 0.45))            # ~2 s: password manager + autofill
    v = rng.lognormvariate(10.2 if not mobile else 10.6, 0.45) * slow  # ~27 s desktop, ~40 s mobile
    if rng.random() < 0.04:
        v += rng.expovariate(1 / 600000)                       # tab left open
    return int(v)
