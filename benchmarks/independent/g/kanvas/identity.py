"""Names, e-mail addresses and usernames as people (and operators) type them."""
import unicodedata

from faker import Faker

from .rand import R, W, wpick

_FAKER_LOCALE = {"US": "en_US", "CA": "en_CA", "GB": "en_GB", "IE": "en_GB", "AU": "en_AU", "DE": "de_DE",
                 "FR": "fr_FR", "PL": "pl_PL", "ES": "es_ES", "IT": "it_IT", "SE": "sv_SE", "NO": "no_NO",
                 "DK": "da_DK", "FI": "fi_FI", "NL": "nl_NL", "BR": "pt_BR", "ID": "id_ID"}
_ROMANIZED = {"JP": "ja_JP", "TW": "zh_TW", "CN": "zh_CN", "HK": "zh_TW", "SG": "zh_CN"}

KR_GIVEN = ["minjun", "seojun", "doyun", "yejun", "siwoo", "hajun", "jiho", "jihoon", "junseo", "hyunwoo", "seoyeon",
            "seoyun", "jiwoo", "seohyun", "minseo", "hayoon", "jiyoon", "chaewon", "sujin", "yuna", "jiwon", "eunji",
            "hyejin", "dongha", "taeyang", "sungmin", "jaehyun", "minji", "soyeon", "yerin", "dahyun", "jimin",
            "hyunjin", "seungwoo", "gayoung", "nayeon", "jisoo", "eunwoo", "woojin", "kyungsoo"]
KR_FAMILY = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin",
             "kwon", "hwang", "ahn", "song", "jeon", "hong", "yoo", "ko", "moon", "yang", "son", "bae", "baek", "heo"]
VN_GIVEN = ["anh", "bao", "chau", "dung", "duc", "giang", "ha", "hai", "hanh", "hieu", "hoa", "hoang", "hung",
            "huong", "huy", "khanh", "khoa", "lan", "linh", "long", "mai", "minh", "my", "nam", "ngoc", "nhi",
            "phong", "phuong", "quang", "quan", "son", "tam", "thanh", "thao", "thu", "trang", "trung", "tuan",
            "tung", "uyen", "viet", "vy", "yen", "dat", "thinh", "loc", "phuc", "tien"]
VN_MIDDLE = ["van", "thi", "minh", "thanh", "ngoc", "duc", "hoang", "quoc", "huu", "thu", "bao", "gia", "anh"]
VN_FAMILY = ["nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
             "ngo", "duong", "ly", "dinh", "truong", "mai", "lam"]

ART_WORDS = ["pixel", "neon", "mochi", "kitsune", "lumen", "velvet", "ember", "nova", "sakura", "koi", "aurora",
             "drift", "echo", "fable", "glitch", "haze", "ink", "jade", "lofi", "mist", "nebula", "orbit", "prism",
             "quill", "ronin", "sable", "tide", "umbra", "vapor", "wisp", "zen", "brush", "canvas", "dream", "frame",
             "sketch", "studio", "render", "shade", "paper", "crayon", "chroma", "mono", "tako", "yuzu", "hana",
             "sora", "kumo", "byul", "haneul", "moonlit", "cosmo", "retro", "cyber", "pastel", "dusk", "dawn",
             "atelier", "motion", "loop", "frame", "tint", "grain", "bokeh", "lens", "poly", "voxel", "cel"]
ART_SUFFIX = ["art", "draws", "studio", "works", "lab", "ai", "gen", "create", "vision", "films", "motion",
              "design", "dsgn", "illust", "paints", "makes", "fx", "3d", "jp", "kr", "x"]

# e-mail providers per country (domain, weight)
PROVIDERS = {
    "JP": [("gmail.com", 48), ("yahoo.co.jp", 16), ("icloud.com", 14), ("docomo.ne.jp", 5), ("au.com", 3),
           ("ezweb.ne.jp", 2), ("softbank.ne.jp", 2), ("outlook.jp", 4), ("hotmail.co.jp", 3), ("me.com", 2),
           ("nifty.com", 1)],
    "KR": [("naver.com", 55), ("gmail.com", 32), ("daum.net", 6), ("hanmail.net", 4), ("kakao.com", 3)],
    "TW": [("gmail.com", 70), ("yahoo.com.tw", 12), ("hotmail.com", 8), ("icloud.com", 6), ("outlook.com", 4)],
    "CN": [("qq.com", 40), ("163.com", 20), ("126.com", 6), ("gmail.com", 18), ("outlook.com", 10), ("foxmail.com", 6)],
    "HK": [("gmail.com", 60), ("yahoo.com.hk", 15), ("hotmail.com", 15), ("icloud.com", 10)],
    "SG": [("gmail.com", 70), ("hotmail.com", 15), ("yahoo.com.sg", 5), ("icloud.com", 10)],
    "ID": [("gmail.com", 86), ("yahoo.co.id", 6), ("yahoo.com", 5), ("outlook.com", 3)],
    "VN": [("gmail.com", 88), ("yahoo.com", 5), ("outlook.com", 4), ("icloud.com", 3)],
    "DE": [("gmail.com", 34), ("web.de", 16), ("gmx.de", 14), ("gmx.net", 5), ("t-online.de", 6), ("outlook.de", 5),
           ("posteo.de", 3), ("mailbox.org", 3), ("icloud.com", 6), ("yahoo.de", 2), ("proton.me", 4), ("hotmail.de", 2)],
    "FR": [("gmail.com", 50), ("orange.fr", 10), ("free.fr", 7), ("hotmail.fr", 10), ("laposte.net", 5),
           ("yahoo.fr", 5), ("sfr.fr", 4), ("icloud.com", 6), ("outlook.fr", 3)],
    "PL": [("gmail.com", 55), ("wp.pl", 13), ("o2.pl", 10), ("onet.pl", 8), ("interia.pl", 8), ("outlook.com", 6)],
    "GB": [("gmail.com", 52), ("hotmail.co.uk", 12), ("outlook.com", 10), ("yahoo.co.uk", 6), ("icloud.com", 12),
           ("btinternet.com", 4), ("live.co.uk", 2), ("proton.me", 2)],
    "IE": [("gmail.com", 60), ("hotmail.com", 15), ("outlook.com", 10), ("icloud.com", 10), ("eircom.net", 5)],
    "ES": [("gmail.com", 62), ("hotmail.com", 15), ("hotmail.es", 6), ("yahoo.es", 5), ("outlook.es", 6), ("icloud.com", 6)],
    "IT": [("gmail.com", 58), ("libero.it", 12), ("hotmail.it", 9), ("virgilio.it", 5), ("outlook.it", 6),
           ("icloud.com", 6), ("yahoo.it", 4)],
    "NL": [("gmail.com", 60), ("hotmail.com", 15), ("outlook.com", 10), ("ziggo.nl", 5), ("icloud.com", 10)],
    "SE": [("gmail.com", 55), ("hotmail.com", 15), ("outlook.com", 10), ("live.se", 6), ("icloud.com", 10), ("telia.com", 4)],
    "NO": [("gmail.com", 60), ("hotmail.com", 15), ("outlook.com", 10), ("online.no", 5), ("icloud.com", 10)],
    "DK": [("gmail.com", 60), ("hotmail.com", 15), ("outlook.dk", 8), ("live.dk", 7), ("icloud.com", 10)],
    "FI": [("gmail.com", 62), ("hotmail.com", 12), ("outlook.com", 10), ("luukku.com", 4), ("icloud.com", 12)],
    "US": [("gmail.com", 58), ("yahoo.com", 9), ("outlook.com", 7), ("hotmail.com", 6), ("icloud.com", 13),
           ("aol.com", 2), ("proton.me", 2), ("me.com", 2), ("comcast.net", 1)],
    "CA": [("gmail.com", 58), ("hotmail.com", 10), ("outlook.com", 8), ("yahoo.ca", 6), ("icloud.com", 12),
           ("videotron.ca", 2), ("shaw.ca", 2), ("rogers.com", 2)],
    "BR": [("gmail.com", 78), ("hotmail.com", 10), ("outlook.com", 6), ("yahoo.com.br", 4), ("uol.com.br", 1), ("bol.com.br", 1)],
    "AU": [("gmail.com", 55), ("outlook.com", 10), ("hotmail.com", 10), ("icloud.com", 15), ("bigpond.com", 6), ("yahoo.com.au", 4)],
}
_PROV_W = {k: W(v) for k, v in PROVIDERS.items()}
PLUS_OK = {"gmail.com", "icloud.com", "outlook.com", "hotmail.com", "proton.me", "me.com", "fastmail.com",
           "mailbox.org", "posteo.de", "outlook.de", "outlook.jp"}
LEGIT_DISPOSABLE = ["mailinator.com", "yopmail.com", "10minutemail.com", "guerrillamail.com", "sharklasers.com",
                    "tempmail.plus", "dropmail.me", "maildrop.cc", "trashmail.com"]


def asciify(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D").replace("ß", "ss")
    s = s.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae").replace("å", "a")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum() or c in " -'")).strip()


class Names:
    """Pools of romanised given/family names per country, built once from Faker."""

    def __init__(self, seed: int):
        self.pool = {}
        for cc, loc in _FAKER_LOCALE.items():
            f = Faker(loc)
            f.seed_instance(seed * 1009 + sum(map(ord, cc)))
            given = [asciify(f.first_name()).split(" ")[0].replace("'", "") for _ in range(350)]
            family = [asciify(f.last_name()).split(" ")[-1].replace("'", "") for _ in range(350)]
            self.pool[cc] = ([g for g in given if g], [x for x in family if x])
        for cc, loc in _ROMANIZED.items():
            f = Faker(loc)
            f.seed_instance(seed * 1013 + sum(map(ord, cc)))
            given = [asciify(f.first_romanized_name()).replace("-", "").replace(" ", "") for _ in range(300)]
            family = [asciify(f.last_romanized_name()).replace(" ", "") for _ in range(300)]
            self.pool[cc] = ([g.capitalize() for g in given if g], [x.capitalize() for x in family if x])
        self.pool["KR"] = ([g.capitalize() for g in KR_GIVEN], [x.capitalize() for x in KR_FAMILY])
        self.pool["VN"] = ([g.capitalize() for g in VN_GIVEN], [x.capitalize() for x in VN_FAMILY])

    def name(self, r: R, cc: str):
        given, family = self.pool.get(cc, self.pool["US"])
        g, f = r.pick(given), r.pick(family)
        if cc == "VN" and r.chance(0.7):  # Vietnamese: family + middle + given
            return f"{r.pick(VN_MIDDLE).capitalize()}{g}", f
        return g, f


def _digits(r: R, style: str) -> str:
    if style == "year":
        return str(r.int(1978, 2008))
    if style == "yy":
        return f"{r.int(78, 108) % 100:02d}"
    if style == "mmdd":
        return f"{r.int(1, 12):02d}{r.int(1, 28):02d}"
    return str(r.int(1, 999))


def local_part(r: R, given: str, family: str, cc: str, handle: str = None) -> str:
    g, f = given.lower(), family.lower()
    styles = [("g.f", 22), ("gf", 14), ("g_f", 5), ("gfd", 14), ("g.fd", 6), ("fg", 4), ("f.g", 5), ("gd", 6),
              ("handle", 10), ("handled", 8), ("ginitf", 6)]
    if cc in ("KR",):
        styles = [("fgd", 30), ("gd", 20), ("handle", 15), ("handled", 20), ("fg", 15)]
    if cc in ("JP",):
        styles = [("g.f", 20), ("f.g", 12), ("gf", 10), ("gfd", 10), ("handle", 18), ("handled", 20), ("g_f", 10)]
    if cc in ("VN", "ID"):
        styles = [("gfd", 25), ("fgd", 25), ("g.f", 10), ("gd", 20), ("handled", 20)]
    st = wpick(r, styles)
    ds = wpick(r, [("year", 4), ("yy", 3), ("mmdd", 2), ("n", 4)])
    h = handle or f"{r.pick(ART_WORDS)}{r.pick(['', '_', '.'])}{r.pick(ART_WORDS + ART_SUFFIX)}"
    out = {"g.f": f"{g}.{f}", "gf": f"{g}{f}", "g_f": f"{g}_{f}", "gfd": f"{g}{f}{_digits(r, ds)}",
           "g.fd": f"{g}.{f}{_digits(r, ds)}", "fg": f"{f}{g}", "f.g": f"{f}.{g}", "gd": f"{g}{_digits(r, ds)}",
           "handle": h, "handled": f"{h}{_digits(r, ds)}", "ginitf": f"{g[0]}{f}", "fgd": f"{f}{g}{_digits(r, ds)}"}[st]
    return out


def provider(r: R, cc: str) -> str:
    return (_PROV_W.get(cc) or _PROV_W["US"])(r)


def email(r: R, given, family, cc, plus_rate=0.025, disposable_rate=0.004, domain=None, capitalise=0.02):
    lp = local_part(r, given, family, cc)
    dom = domain or provider(r, cc)
    if domain is None and r.chance(disposable_rate):
        dom = r.pick(LEGIT_DISPOSABLE)
    elif dom in PLUS_OK and r.chance(plus_rate):
        lp += "+" + r.pick(["kanvas", "kanvas", "ai", "art", "kv", "signup", "gen", "video"])
    if r.chance(capitalise):
        lp = lp[0].upper() + lp[1:]
    return f"{lp}@{dom}"


def privacy_email(r: R, kind: str) -> str:
    """Relay addresses legit privacy-minded people use."""
    if kind == "apple-private-relay":  # Sign in with Apple, "Hide My Email"
        return f"{r.token(10, 'abcdefghijklmnopqrstuvwxyz0123456789')}@privaterelay.appleid.com"
    if kind == "icloud-hme":
        return f"{r.pick(ART_WORDS)}_{r.pick(ART_WORDS)}.{r.token(2, 'abcdefghijklmnopqrstuvwxyz0123456789')}@icloud.com"
    if kind == "duck":
        return f"{r.pick(ART_WORDS)}-{r.pick(ART_WORDS)}-{r.pick(ART_WORDS)}@duck.com"
    if kind == "simplelogin":
        return f"{r.pick(ART_WORDS)}.{r.pick(ART_WORDS)}{r.int(100, 999)}@{r.pick(['simplelogin.com', 'aleeas.com', 'slmails.com'])}"
    if kind == "mozmail":
        return f"{r.token(9, 'abcdefghijklmnopqrstuvwxyz0123456789')}@mozmail.com"
    raise ValueError(kind)


def username(r: R, email_addr: str, given: str, family: str, taken: set) -> str:
    lp = email_addr.split("@")[0].split("+")[0].lower()
    st = wpick(r, [("email", 36), ("art", 32), ("namedigits", 18), ("gf", 14)])
    if st == "email" and "privaterelay" not in email_addr and len(lp) >= 3:
        u = lp.replace(".", "_") if r.chance(0.5) else lp
    elif st == "art":
        u = f"{r.pick(ART_WORDS)}{r.pick(['', '_', '.', ''])}{r.pick(ART_WORDS + ART_SUFFIX)}"
        if r.chance(0.45):
            u += str(r.int(1, 99))
    elif st == "namedigits":
        u = f"{given.lower()}{r.int(1, 9999)}"
    else:
        u = f"{given.lower()}{r.pick(['', '_', '.'])}{family.lower()}"
    u = u[:30]
    base, k = u, 0
    while u in taken:
        k += 1
        u = f"{base}{r.int(1, 999)}" if k < 5 else f"{base}_{r.token(4, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
    taken.add(u)
    return u
