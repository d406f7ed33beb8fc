"""Names, usernames and e-mail addresses the way real people type them."""
import random
import unicodedata

from faker import Faker

FAKER_LOCALES = {
    "US": [("en_US", 78), ("es_MX", 10), ("en_IN", 5), ("_zh", 4), ("_ko", 3)],
    "CA": [("en_CA", 70), ("fr_CA", 20), ("en_IN", 5), ("_zh", 5)],
    "GB": [("en_GB", 85), ("en_IN", 8), ("pl_PL", 3), ("en_NG", 4)],
    "IE": [("en_IE", 90), ("pl_PL", 10)], "AU": [("en_AU", 85), ("_zh", 8), ("en_IN", 7)],
    "NZ": [("en_NZ", 100)], "IN": [("en_IN", 100)], "DE": [("de_DE", 88), ("tr_TR", 7), ("pl_PL", 5)],
    "AT": [("de_AT", 100)], "CH": [("de_CH", 65), ("fr_CH", 30), ("it_IT", 5)], "FR": [("fr_FR", 92), ("_ar", 8)],
    "BE": [("fr_BE", 50), ("nl_BE", 50)], "NL": [("nl_NL", 92), ("tr_TR", 4), ("_ar", 4)], "ES": [("es_ES", 100)],
    "PT": [("pt_PT", 100)], "IT": [("it_IT", 100)], "PL": [("pl_PL", 100)], "CZ": [("cs_CZ", 100)],
    "RO": [("ro_RO", 100)], "MD": [("ro_RO", 60), ("_ru", 40)], "GR": [("_el", 100)], "SE": [("sv_SE", 100)],
    "NO": [("no_NO", 100)], "DK": [("da_DK", 100)], "FI": [("fi_FI", 100)], "LT": [("lt_LT", 100)],
    "HU": [("hu_HU", 100)], "UA": [("_uk", 100)], "RU": [("_ru", 100)], "TR": [("tr_TR", 100)],
    "IL": [("_he", 85), ("_ru", 15)], "AE": [("_ar", 50), ("en_IN", 35), ("en_PK", 15)], "SA": [("_ar", 100)],
    "EG": [("_ar", 100)], "MA": [("_ar", 60), ("fr_FR", 40)], "NG": [("en_NG", 50), ("yo_NG", 25), ("ig_NG", 15), ("ha_NG", 10)],
    "GH": [("tw_GH", 60), ("en_GB", 40)], "KE": [("en_KE", 100)], "ZA": [("zu_ZA", 40), ("en_GB", 40), ("en_IN", 20)],
    "PK": [("en_PK", 100)], "BD": [("_bn", 100)], "NP": [("_ne", 100)], "LK": [("_si", 100)],
    "CN": [("_zh", 100)], "HK": [("_hk", 100)], "TW": [("_tw", 100)], "JP": [("_ja", 100)], "KR": [("_ko", 100)],
    "SG": [("_zh", 60), ("_ms", 20), ("en_IN", 20)], "MY": [("_ms", 60), ("_zh", 30), ("en_IN", 10)],
    "TH": [("_th", 100)], "VN": [("_vi", 100)], "PH": [("_fil", 100)], "ID": [("id_ID", 100)],
    "MX": [("es_MX", 100)], "BR": [("pt_BR", 100)], "AR": [("es_AR", 100)], "CO": [("es_CO", 100)],
    "CL": [("es_CL", 100)], "PE": [("es", 100)], "VE": [("es", 100)], "PA": [("es", 100)], "CY": [("_el", 100)],
}

ZH_LAST = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
           ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
           ("郭", "Guo"), ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"),
           ("宋", "Song"), ("唐", "Tang"), ("许", "Xu"), ("邓", "Deng"), ("冯", "Feng"), ("韩", "Han"), ("曹", "Cao")]
ZH_FIRST = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"), ("洋", "Yang"),
            ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("军", "Jun"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"),
            ("秀英", "Xiuying"), ("浩然", "Haoran"), ("子涵", "Zihan"), ("宇轩", "Yuxuan"), ("欣怡", "Xinyi"), ("梓萱", "Zixuan"),
            ("俊杰", "Junjie"), ("嘉怡", "Jiayi"), ("文博", "Wenbo"), ("思远", "Siyuan"), ("一鸣", "Yiming"), ("晓明", "Xiaoming"),
            ("海燕", "Haiyan"), ("志强", "Zhiqiang"), ("雨婷", "Yuting"), ("鹏", "Peng"), ("博文", "Bowen"), ("佳琪", "Jiaqi")]
HK_FIRST = ["Jason", "Karen", "Kelvin", "Winnie", "Ivan", "Cherry", "Wing", "Ka Ho", "Tsz Ching", "Chun Kit", "Hoi Yan",
            "Michael", "Carmen", "Alvin", "Yan Ting", "Ho Yin", "Sammi", "Eric", "Vivian", "Kenneth"]
HK_LAST = [("陳", "Chan"), ("李", "Lee"), ("張", "Cheung"), ("黃", "Wong"), ("何", "Ho"), ("林", "Lam"), ("梁", "Leung"),
           ("吳", "Ng"), ("劉", "Lau"), ("鄭", "Cheng"), ("蔡", "Tsoi"), ("周", "Chow"), ("曾", "Tsang"), ("馮", "Fung")]
TW_LAST = [("陳", "Chen"), ("林", "Lin"), ("黃", "Huang"), ("張", "Chang"), ("李", "Lee"), ("王", "Wang"), ("吳", "Wu"),
           ("劉", "Liu"), ("蔡", "Tsai"), ("楊", "Yang"), ("許", "Hsu"), ("鄭", "Cheng"), ("謝", "Hsieh"), ("郭", "Kuo")]
TW_FIRST = [("家豪", "Chia-Hao"), ("怡君", "Yi-Chun"), ("志明", "Chih-Ming"), ("雅婷", "Ya-Ting"), ("冠宇", "Kuan-Yu"),
            ("宗翰", "Tsung-Han"), ("佳穎", "Chia-Ying"), ("承恩", "Cheng-En"), ("詩涵", "Shih-Han"), ("柏翰", "Po-Han"),
            ("俊傑", "Chun-Chieh"), ("欣妤", "Hsin-Yu")]
KO_LAST = [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"), ("조", "Cho"),
           ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh"), ("서", "Seo"), ("신", "Shin"), ("권", "Kwon")]
KO_FIRST = [("민준", "Minjun"), ("서연", "Seoyeon"), ("지호", "Jiho"), ("서준", "Seojun"), ("하은", "Haeun"), ("도윤", "Doyoon"),
            ("지우", "Jiwoo"), ("예준", "Yejun"), ("수아", "Sua"), ("지민", "Jimin"), ("현우", "Hyunwoo"), ("민서", "Minseo"),
            ("준영", "Junyoung"), ("은지", "Eunji"), ("성민", "Sungmin"), ("혜진", "Hyejin"), ("동현", "Donghyun"), ("지훈", "Jihoon")]
VI_LAST = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly"]
VI_MID = ["Van", "Thi", "Minh", "Duc", "Thanh", "Quoc", "Ngoc", "Hoang", "Gia", "Bao", ""]
VI_FIRST = ["Anh", "Hung", "Linh", "Tuan", "Huong", "Nam", "Trang", "Duc", "Hai", "Lan", "Phuong", "Long", "Thao", "Khoa",
            "Quang", "Mai", "Dung", "Hieu", "Nhung", "Son", "Vy", "Khanh", "Thinh", "Tam"]
VI_NATIVE = {"Nguyen": "Nguyễn", "Tran": "Trần", "Le": "Lê", "Pham": "Phạm", "Hoang": "Hoàng", "Huynh": "Huỳnh",
             "Vu": "Vũ", "Vo": "Võ", "Dang": "Đặng", "Bui": "Bùi", "Do": "Đỗ", "Ngo": "Ngô", "Duong": "Dương", "Hung": "Hùng",
             "Huong": "Hương", "Duc": "Đức", "Hai": "Hải", "Phuong": "Phương", "Thao": "Thảo", "Dung": "Dũng", "Hieu": "Hiếu"}
TH_NAMES = [("สมชาย", "Somchai"), ("สุดา", "Suda"), ("ธนา", "Thana"), ("ปิยะ", "Piya"), ("กิตติ", "Kitti"), ("นภา", "Napa"),
            ("วรวุฒิ", "Worawut"), ("ศิริพร", "Siriporn"), ("อนันต์", "Anan"), ("พิมพ์ชนก", "Pimchanok"), ("ณัฐ", "Nat"), ("ชนินทร์", "Chanin")]
TH_LAST = [("ศรีสุข", "Srisuk"), ("วงศ์ใหญ่", "Wongyai"), ("แสงทอง", "Saengthong"), ("บุญมา", "Boonma"), ("ทองดี", "Thongdee"),
           ("จันทร์เพ็ญ", "Chanpen"), ("สุขสวัสดิ์", "Suksawat"), ("พงษ์ไพบูลย์", "Pongpaiboon")]
AR_FIRST = [("محمد", "Mohamed"), ("أحمد", "Ahmed"), ("علي", "Ali"), ("عمر", "Omar"), ("يوسف", "Youssef"), ("خالد", "Khaled"),
            ("فاطمة", "Fatma"), ("مريم", "Mariam"), ("نور", "Nour"), ("سارة", "Sara"), ("ليلى", "Layla"), ("حسن", "Hassan"),
            ("عبدالله", "Abdullah"), ("مصطفى", "Mostafa"), ("هبة", "Heba"), ("ياسمين", "Yasmine"), ("كريم", "Karim"), ("إبراهيم", "Ibrahim")]
AR_LAST = [("حسن", "Hassan"), ("إبراهيم", "Ibrahim"), ("السيد", "ElSayed"), ("عبدالرحمن", "Abdelrahman"), ("محمود", "Mahmoud"),
           ("الشمري", "Alshammari"), ("القحطاني", "Alqahtani"), ("العتيبي", "Alotaibi"), ("منصور", "Mansour"), ("صالح", "Saleh"),
           ("الحربي", "Alharbi"), ("فاروق", "Farouk"), ("نصر", "Nasr"), ("عثمان", "Osman"), ("بنعلي", "Benali"), ("العلوي", "Alaoui")]
HE_FIRST = [("נועה", "Noa"), ("יונתן", "Yonatan"), ("תמר", "Tamar"), ("איתי", "Itai"), ("מיכל", "Michal"), ("דניאל", "Daniel"),
            ("שירה", "Shira"), ("עומר", "Omer"), ("יעל", "Yael"), ("אורי", "Ori"), ("רוני", "Roni"), ("אביב", "Aviv")]
HE_LAST = [("כהן", "Cohen"), ("לוי", "Levi"), ("מזרחי", "Mizrahi"), ("פרץ", "Peretz"), ("ביטון", "Biton"), ("אברהם", "Avraham"),
           ("פרידמן", "Friedman"), ("שפירא", "Shapira"), ("גולן", "Golan"), ("בן דוד", "Ben David")]
BN_FIRST = ["Rahim", "Karim", "Tanvir", "Nusrat", "Farhana", "Sakib", "Arif", "Mehedi", "Sumaiya", "Rakib", "Tasnim",
            "Imran", "Sadia", "Fahim", "Jannat", "Shahriar", "Mahmud", "Rafi", "Nabila", "Hasan"]
BN_LAST = ["Uddin", "Hossain", "Islam", "Rahman", "Ahmed", "Chowdhury", "Akter", "Sarkar", "Khan", "Miah", "Talukder", "Das"]
NE_FIRST = ["Aarav", "Sujan", "Bibek", "Prakash", "Sita", "Anisha", "Rojan", "Kiran", "Pooja", "Sanjay", "Nabin", "Sagar", "Prabin"]
NE_LAST = ["Shrestha", "Gurung", "Tamang", "Adhikari", "Thapa", "Rai", "Maharjan", "Karki", "Sharma", "Poudel", "K.C."]
SI_FIRST = ["Kasun", "Nuwan", "Dilini", "Chamara", "Tharindu", "Sachini", "Ishara", "Lahiru", "Nadeesha", "Dinesh"]
SI_LAST = ["Perera", "Fernando", "Silva", "Jayasinghe", "Bandara", "Wickramasinghe", "Dissanayake", "Gunawardena"]
MS_FIRST = ["Ahmad", "Nurul", "Muhammad", "Siti", "Aiman", "Farah", "Hafiz", "Aina", "Irfan", "Syafiqah", "Danial", "Amirah", "Haziq"]
MS_LAST = ["bin Abdullah", "binti Ismail", "bin Hassan", "binti Rahman", "bin Yusof", "binti Ahmad", "Razak", "Othman", "Ibrahim"]
FIL_FIRST = ["Mark", "John Paul", "Angelica", "Kristine", "Jerome", "Princess", "Carlo", "Jasmine", "Rhea", "Paolo", "Joshua",
             "Mary Grace", "Christian", "Camille", "Angelo", "Patricia", "Miguel", "Bea"]
FIL_LAST = ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "dela Cruz", "Ramos", "Aquino", "Villanueva", "Castillo",
            "Flores", "Navarro", "Fernandez", "Pascual", "Manalo", "Tolentino", "Soriano"]

_CYR = {"а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh", "з": "z", "и": "i",
        "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya", "'": ""}
_GRK = {"α": "a", "ά": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "έ": "e", "ζ": "z", "η": "i", "ή": "i", "θ": "th",
        "ι": "i", "ί": "i", "ϊ": "i", "ΐ": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "ό": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "ύ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ώ": "o"}


def translit(s, table):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in table:
            t = table[lo]
            out.append(t.capitalize() if ch != lo and t else t)
        else:
            out.append(ch)
    return "".join(out)


def ascii_fold(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class People:
    def __init__(self, seed):
        self.seed = seed
        self._pools = {}

    def _pool(self, loc):
        if loc not in self._pools:
            f = Faker(loc)
            f.seed_instance(hash_seed(self.seed, loc))
            firsts = [f.first_name() for _ in range(350)]
            lasts = [f.last_name() for _ in range(350)]
            self._pools[loc] = (firsts, lasts)
        return self._pools[loc]

    def person(self, rng, cc):
        """Return dict(first, last, nfirst, nlast, script, cc)."""
        locs = FAKER_LOCALES.get(cc, [("en_US", 100)])
        tot = sum(w for _, w in locs)
        r = rng.random() * tot
        loc = locs[-1][0]
        for l, w in locs:
            r -= w
            if r <= 0:
                loc = l
                break
        script = "latin"
        if loc == "_zh":
            (nl, ll), (nf, lf) = rng.choice(ZH_LAST), rng.choice(ZH_FIRST)
            script = "han"
            return dict(first=lf, last=ll, nfirst=nf, nlast=nl, script=script, order="eastern", loc=loc)
        if loc == "_hk":
            nl, ll = rng.choice(HK_LAST)
            f = rng.choice(HK_FIRST)
            return dict(first=f, last=ll, nfirst=f, nlast=nl, script="han", order="western", loc=loc)
        if loc == "_tw":
            (nl, ll), (nf, lf) = rng.choice(TW_LAST), rng.choice(TW_FIRST)
            return dict(first=lf, last=ll, nfirst=nf, nlast=nl, script="han", order="eastern", loc=loc)
        if loc == "_ko":
            (nl, ll), (nf, lf) = rng.choice(KO_LAST), rng.choice(KO_FIRST)
            return dict(first=lf, last=ll, nfirst=nf, nlast=nl, script="hangul", order="eastern", loc=loc)
        if loc == "_ja":
            return self._ja(rng)
        if loc == "_vi":
            l, m, f = rng.choice(VI_LAST), rng.choice(VI_MID), rng.choice(VI_FIRST)
            first = (m + " " + f).strip()
            return dict(first=first, last=l, nfirst=" ".join(VI_NATIVE.get(x, x) for x in first.split()),
                        nlast=VI_NATIVE.get(l, l), script="latin", order="eastern", loc=loc)
        if loc == "_th":
            (nf, lf), (nl, ll) = rng.choice(TH_NAMES), rng.choice(TH_LAST)
            return dict(first=lf, last=ll, nfirst=nf, nlast=nl, script="thai", order="western", loc=loc)
        if loc == "_ar":
            (nf, lf), (nl, ll) = rng.choice(AR_FIRST), rng.choice(AR_LAST)
            return dict(first=lf, last=ll, nfirst=nf, nlast=nl, script="arabic", order="western", loc=loc)
        if loc == "_he":
            (nf, lf), (nl, ll) = rng.choice(HE_FIRST), rng.choice(HE_LAST)
            return dict(first=lf, last=ll, nfirst=nf, nlast=nl, script="hebrew", order="western", loc=loc)
        simple = {"_bn": (BN_FIRST, BN_LAST), "_ne": (NE_FIRST, NE_LAST), "_si": (SI_FIRST, SI_LAST),
                  "_ms": (MS_FIRST, MS_LAST), "_fil": (FIL_FIRST, FIL_LAST)}
        if loc in simple:
            a, b = simple[loc]
            f, l = rng.choice(a), rng.choice(b)
            return dict(first=f, last=l, nfirst=f, nlast=l, script="latin", order="western", loc=loc)
        if loc in ("_ru", "_uk", "_el"):
            fl = {"_ru": "ru_RU", "_uk": "uk_UA", "_el": "el_GR"}[loc]
            firsts, lasts = self._pool(fl)
            nf, nl = rng.choice(firsts), rng.choice(lasts)
            tab = _GRK if loc == "_el" else _CYR
            return dict(first=translit(nf, tab), last=translit(nl, tab), nfirst=nf, nlast=nl,
                        script="greek" if loc == "_el" else "cyrillic", order="western", loc=loc)
        firsts, lasts = self._pool(loc)
        f, l = rng.choice(firsts), rng.choice(lasts)
        return dict(first=f, last=l, nfirst=f, nlast=l, script="latin", order="western", loc=loc)

    def _ja(self, rng):
        f = self._ja_faker()
        last = rng.choice(f[0])
        first = rng.choice(f[1])
        return dict(first=first[1], last=last[1], nfirst=first[0], nlast=last[0], script="kanji", order="eastern", loc="_ja")

    def _ja_faker(self):
        if "_ja" not in self._pools:
            from faker.providers.person.ja_JP import Provider as P
            lasts = [(k, r) for (k, _kana, r) in P.last_name_pairs]
            firsts = [(k, r) for (k, _kana, r) in list(P.first_name_female_pairs) + list(P.first_name_male_pairs)]
            self._pools["_ja"] = (lasts, firsts)
        return self._pools["_ja"]


def hash_seed(*parts):
    import hashlib
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:4], "big")


# ------------------------------------------------------------------- e-mail
FREEMAIL = {
    "default": [("gmail.com", 68), ("outlook.com", 8), ("hotmail.com", 7), ("yahoo.com", 8), ("icloud.com", 5), ("proton.me", 2), ("aol.com", 0.5)],
    "US": [("gmail.com", 55), ("outlook.com", 7), ("hotmail.com", 4), ("yahoo.com", 9), ("icloud.com", 12), ("proton.me", 2), ("aol.com", 1), ("comcast.net", 1), ("me.com", 1)],
    "CA": [("gmail.com", 58), ("outlook.com", 8), ("hotmail.com", 8), ("yahoo.ca", 4), ("icloud.com", 10), ("proton.me", 2), ("rogers.com", 1)],
    "GB": [("gmail.com", 52), ("hotmail.co.uk", 9), ("outlook.com", 8), ("yahoo.co.uk", 6), ("icloud.com", 11), ("btinternet.com", 3), ("live.co.uk", 2), ("proton.me", 2)],
    "IN": [("gmail.com", 86), ("yahoo.com", 3), ("outlook.com", 5), ("hotmail.com", 2), ("rediffmail.com", 1), ("icloud.com", 1)],
    "DE": [("gmail.com", 36), ("web.de", 17), ("gmx.de", 14), ("gmx.net", 5), ("t-online.de", 4), ("outlook.de", 4), ("icloud.com", 6), ("posteo.de", 2), ("proton.me", 3), ("mailbox.org", 2)],
    "AT": [("gmail.com", 50), ("gmx.at", 15), ("gmx.net", 10), ("icloud.com", 8), ("outlook.com", 7), ("aon.at", 3)],
    "CH": [("gmail.com", 50), ("bluewin.ch", 12), ("gmx.ch", 8), ("icloud.com", 10), ("proton.me", 6), ("outlook.com", 6)],
    "FR": [("gmail.com", 52), ("orange.fr", 7), ("hotmail.fr", 8), ("outlook.fr", 5), ("free.fr", 5), ("yahoo.fr", 4), ("laposte.net", 3), ("icloud.com", 6), ("sfr.fr", 2), ("proton.me", 2)],
    "BE": [("gmail.com", 60), ("hotmail.com", 10), ("skynet.be", 5), ("outlook.be", 5), ("telenet.be", 6), ("icloud.com", 6)],
    "NL": [("gmail.com", 58), ("hotmail.com", 10), ("outlook.com", 8), ("ziggo.nl", 4), ("kpnmail.nl", 3), ("icloud.com", 8), ("live.nl", 3)],
    "JP": [("gmail.com", 55), ("yahoo.co.jp", 15), ("icloud.com", 16), ("outlook.jp", 5), ("docomo.ne.jp", 3), ("ezweb.ne.jp", 2), ("hotmail.co.jp", 2)],
    "KR": [("gmail.com", 50), ("naver.com", 36), ("daum.net", 7), ("kakao.com", 4), ("hanmail.net", 3)],
    "CN": [("qq.com", 45), ("163.com", 20), ("126.com", 6), ("gmail.com", 18), ("outlook.com", 5), ("foxmail.com", 4), ("sina.com", 2)],
    "HK": [("gmail.com", 70), ("yahoo.com.hk", 10), ("hotmail.com", 8), ("icloud.com", 8), ("outlook.com", 4)],
    "TW": [("gmail.com", 75), ("yahoo.com.tw", 10), ("hotmail.com", 5), ("icloud.com", 6), ("outlook.com", 4)],
    "RU": [("gmail.com", 28), ("yandex.ru", 34), ("mail.ru", 26), ("ya.ru", 5), ("rambler.ru", 2), ("bk.ru", 2), ("inbox.ru", 2)],
    "UA": [("gmail.com", 70), ("ukr.net", 20), ("i.ua", 3), ("outlook.com", 3), ("meta.ua", 2)],
    "PL": [("gmail.com", 52), ("wp.pl", 14), ("o2.pl", 10), ("interia.pl", 10), ("onet.pl", 6), ("outlook.com", 3)],
    "CZ": [("seznam.cz", 40), ("gmail.com", 47), ("email.cz", 5), ("centrum.cz", 4)],
    "IT": [("gmail.com", 62), ("libero.it", 10), ("hotmail.it", 8), ("yahoo.it", 5), ("virgilio.it", 3), ("icloud.com", 6), ("outlook.it", 3)],
    "ES": [("gmail.com", 66), ("hotmail.es", 12), ("outlook.es", 6), ("yahoo.es", 4), ("icloud.com", 6)],
    "PT": [("gmail.com", 70), ("hotmail.com", 10), ("sapo.pt", 6), ("outlook.pt", 5), ("icloud.com", 4)],
    "BR": [("gmail.com", 72), ("hotmail.com", 11), ("outlook.com", 6), ("yahoo.com.br", 4), ("bol.com.br", 1), ("uol.com.br", 1), ("icloud.com", 3)],
    "MX": [("gmail.com", 66), ("hotmail.com", 16), ("outlook.com", 8), ("yahoo.com.mx", 4), ("icloud.com", 4)],
    "AR": [("gmail.com", 72), ("hotmail.com", 14), ("yahoo.com.ar", 4), ("outlook.com", 5)],
    "TR": [("gmail.com", 76), ("hotmail.com", 14), ("outlook.com", 5), ("yandex.com", 2), ("icloud.com", 2)],
    "SE": [("gmail.com", 60), ("hotmail.com", 10), ("outlook.com", 8), ("icloud.com", 10), ("telia.com", 3), ("proton.me", 3)],
    "AU": [("gmail.com", 55), ("outlook.com", 8), ("hotmail.com", 8), ("bigpond.com", 4), ("icloud.com", 12), ("yahoo.com.au", 4), ("optusnet.com.au", 2)],
    "NG": [("gmail.com", 85), ("yahoo.com", 9), ("outlook.com", 3), ("hotmail.com", 2)],
    "VN": [("gmail.com", 92), ("yahoo.com", 3), ("outlook.com", 3)],
    "ID": [("gmail.com", 90), ("yahoo.com", 4), ("yahoo.co.id", 2), ("outlook.com", 3)],
    "EG": [("gmail.com", 84), ("yahoo.com", 8), ("hotmail.com", 6), ("outlook.com", 2)],
}

PERSONAL_TLDS = ["dev", "io", "me", "net", "xyz", "com", "org", "co", "app", "sh"]
DOMAIN_TYPOS = {"gmail.com": ["gmial.com", "gmal.com", "gmail.co", "gmail.con", "gnail.com", "gmaill.com", "gamil.com", "gmail.cm"],
                "hotmail.com": ["hotmial.com", "hotmai.com", "hotmail.co", "hotmal.com"],
                "yahoo.com": ["yaho.com", "yahooo.com", "yahoo.co", "yhoo.com"],
                "outlook.com": ["outlok.com", "outlook.co", "outllook.com"],
                "icloud.com": ["icloud.co", "iclod.com", "icoud.com"]}
PLUS_TAGS = ["ai", "api", "quill", "quillmind", "llm", "dev", "test", "signup", "tools", "work", "news", "2026", "q"]
ADJ = ["quiet", "lucky", "pixel", "neon", "lazy", "rapid", "silent", "cosmic", "happy", "dark", "little", "urban", "blue",
       "wild", "frozen", "crimson", "solar", "tiny", "iron", "lunar", "mellow", "brave", "fuzzy", "clever"]
NOUN = ["fox", "otter", "coder", "wolf", "panda", "byte", "ninja", "falcon", "owl", "tiger", "whale", "sloth", "raven",
        "cactus", "mango", "comet", "robot", "pilot", "koala", "badger", "lynx", "dragon", "noodle", "kernel"]

DISPOSABLE_PUBLIC = ["mailinator.com", "guerrillamail.com", "sharklasers.com", "yopmail.com", "10minutemail.com",
                     "temp-mail.org", "tempmail.com", "dispostable.com", "maildrop.cc", "getnada.com", "mailnesia.com",
                     "trashmail.com", "33mail.com", "mohmal.com", "emailondeck.com", "tempr.email", "1secmail.com",
                     "mail.tm", "guerrillamailblock.com", "spamgourmet.com"]
RELAYS = ["privaterelay.appleid.com", "mozmail.com", "duck.com", "simplelogin.com", "aleeas.com", "slmail.me", "anonaddy.me", "passmail.net"]


def wpick(rng, items):
    tot = sum(w for _, w in items)
    r = rng.random() * tot
    for v, w in items:
        r -= w
        if r <= 0:
            return v
    return items[-1][0]


def clean(s):
    s = ascii_fold(s).lower()
    return "".join(c for c in s if c.isalnum())


def local_from_name(rng, p, style_weights=None):
    f, l = clean(p["first"].split()[0]) or "user", clean(p["last"]) or "x"
    yr = rng.randint(1968, 2007)
    n2 = rng.randint(1, 99)
    patterns = style_weights or [
        ("f.l", 24), ("fl", 14), ("flY", 10), ("flN", 6), ("f.lN", 6), ("fil", 8), ("f_l", 5), ("fN", 7), ("l.f", 4),
        ("handle", 8), ("flinit", 4), ("fY", 4)]
    pat = wpick(rng, patterns)
    if pat == "f.l":
        s = f + "." + l
    elif pat == "fl":
        s = f + l
    elif pat == "flY":
        s = f + l + str(yr if rng.random() < 0.6 else yr % 100).zfill(2)
    elif pat == "flN":
        s = f + l + str(rng.randint(1, 9999))
    elif pat == "f.lN":
        s = f + "." + l + str(n2)
    elif pat == "fil":
        s = f[0] + l
    elif pat == "f_l":
        s = f + "_" + l
    elif pat == "fN":
        s = f + str(rng.randint(1, 99999))
    elif pat == "l.f":
        s = l + "." + f
    elif pat == "flinit":
        s = f + l[0]
    elif pat == "fY":
        s = f + str(yr)
    else:
        s = rng.choice(ADJ) + rng.choice(["", "_", "."]) + rng.choice(NOUN) + (str(rng.randint(1, 999)) if rng.random() < 0.6 else "")
    if len(s) < 6:
        s += str(rng.randint(10, 999))
    return s


def username_for(rng, p, local, native_share=0.0):
    r = rng.random()
    if native_share and r < native_share and p["script"] != "latin":
        if p["order"] == "eastern":
            return p["nlast"] + p["nfirst"]
        return p["nfirst"] + ("_" + p["nlast"][:1] if rng.random() < 0.5 else "")
    r = rng.random()
    base = local.split("+")[0]
    if r < 0.45:
        return base.replace(".", "")
    if r < 0.6:
        return base
    if r < 0.75:
        return clean(p["first"]) + clean(p["last"])[:1] + (str(rng.randint(1, 99)) if rng.random() < 0.5 else "")
    if r < 0.9:
        return rng.choice(ADJ) + rng.choice(NOUN) + (str(rng.randint(1, 9999)) if rng.random() < 0.7 else "")
    return (p["first"].split()[0] + " " + p["last"]) if rng.random() < 0.5 else clean(p["first"]) + "_" + clean(p["last"])


def consumer_email(rng, p, cc, mobile=False, typo_rate=0.008, plus_rate=0.01, disposable_rate=0.008):
    domain = wpick(rng, FREEMAIL.get(cc, FREEMAIL["default"]))
    if domain == "qq.com" and rng.random() < 0.55:
        local = str(rng.randint(10 ** 5, 3 * 10 ** 9))
    else:
        local = local_from_name(rng, p)
    if domain in ("gmail.com",) and rng.random() < plus_rate:
        local += "+" + rng.choice(PLUS_TAGS)
    if rng.random() < disposable_rate:
        domain = rng.choice(DISPOSABLE_PUBLIC[:10])
        local = local if rng.random() < 0.5 else rng.choice(ADJ) + str(rng.randint(10, 9999))
    typo = False
    if rng.random() < typo_rate and domain in DOMAIN_TYPOS:
        domain = rng.choice(DOMAIN_TYPOS[domain])
        typo = True
    elif rng.random() < typo_rate * 0.5:
        # a transposition in the local part
        if len(local) > 4:
            i = rng.randrange(1, len(local) - 2)
            local = local[:i] + local[i + 1] + local[i] + local[i + 2:]
    email = local + "@" + domain
    if mobile and rng.random() < 0.04:
        email = email[0].upper() + email[1:]
    elif rng.random() < 0.006:
        email = email.replace(domain, domain.capitalize()) if rng.random() < 0.5 else email.upper()
    if rng.random() < 0.002:
        email = email + " "
    return email, typo


def fix_typo(email):
    local, dom = email.rsplit("@", 1)
    for good, bads in DOMAIN_TYPOS.items():
        if dom.lower() in bads:
            return local + "@" + good
    return local + "@gmail.com"
