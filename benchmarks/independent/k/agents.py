"""User agents (fake_useragent shares, aged to Oct 2026), headers, devices, names and e-mails."""
import json, re, hashlib, random, unicodedata, os
import fake_useragent
import faker as _faker

UA_FILE = os.path.join(os.path.dirname(fake_useragent.__file__), "data", "browsers.jsonl")
KEEP = {"Mobile Safari", "Chrome Mobile", "Chrome", "Chrome Mobile iOS", "Edge", "Safari", "Google", "Firefox",
        "Samsung Internet", "Opera", "Edge Mobile", "Firefox Mobile", "Firefox iOS"}

def _osclass(r):
    o = r["os"]
    if o == "iOS": return "ios"
    if o == "Android": return "android"
    if o == "Windows": return "windows"
    if o == "Mac OS X": return "mac"
    if o in ("Linux", "Ubuntu", "Fedora"): return "linux"
    if o == "Chrome OS": return "cros"
    return None

class UAPool:
    def __init__(self):
        self.groups = {}
        with open(UA_FILE) as f:
            for line in f:
                r = json.loads(line)
                if r["browser"] not in KEEP: continue
                oc = _osclass(r)
                if not oc: continue
                if r["type"] == "tablet" and oc == "android": continue
                self.groups.setdefault(oc, []).append(r)
        self.w = {k: [r["percent"] for r in v] for k, v in self.groups.items()}

    def pick(self, rng, osclass, boost=None):
        lst = self.groups[osclass]; w = self.w[osclass]
        if boost:
            w = [x * boost.get(r["browser"], 1.0) for x, r in zip(w, lst)]
        r = rng.choices(lst, weights=w)[0]
        return age(rng, r)

CHROME_MAJ = [(154, .05), (153, .50), (152, .20), (151, .07), (150, .04), (149, .03), (148, .03), (146, .03), (143, .02), (140, .03)]
FF_MAJ = [(156, .55), (155, .15), (157, .04), (140, .16), (152, .05), (153, .05)]
IOS_V = [("27.0", "18_6", .22), ("27.0.1", "18_6", .12), ("26.6", "18_6", .25), ("26.5", "18_6", .12), ("26.3", "18_6", .06),
         ("26.1", "18_6", .05), ("18.6", "18_6_2", .1), ("18.5", "18_5", .04), ("17.6", "17_6_1", .04)]
MAC_SAF = [("26.6", .35), ("27.0", .35), ("26.3", .1), ("18.6", .15), ("17.6", .05)]

def _w(rng, lst):
    return rng.choices([x[:-1] if len(x) > 2 else x[0] for x in lst], weights=[x[-1] for x in lst])[0]

def chrome_full(rng, m):
    return f"{m}.0.{7200 + (m - 150) * 90 + rng.randrange(0, 60)}.{rng.randrange(30, 200)}"

def age(rng, r, chrome_major=None):
    ua = r["useragent"]; b = r["browser"]; oc = _osclass(r)
    M = chrome_major or _w(rng, CHROME_MAJ)
    fam, chromium, major = None, False, M
    if b in ("Chrome", "Chrome Mobile", "Edge", "Opera", "Samsung Internet", "Edge Mobile") and oc != "ios":
        chromium = True
        ua = re.sub(r"Chrome/[\d.]+", f"Chrome/{M}.0.0.0", ua)
        if oc == "android":
            ua = re.sub(r"\(Linux; Android [^)]*\)", "(Linux; Android 10; K)", ua)
        fam = "chrome"
        if "Edg" in ua:
            ua = re.sub(r"Edg(A?)/[\d.]+", lambda m: f"Edg{m.group(1)}/{M}.0.{3400 + rng.randrange(0, 90)}.{rng.randrange(10, 99)}", ua); fam = "edge"
        if "OPR/" in ua:
            ua = re.sub(r"OPR/[\d.]+", f"OPR/{M - 15}.0.0.0", ua); fam = "opera"
        if "SamsungBrowser" in ua:
            sv = rng.choice(["29.0", "30.0", "30.0", "28.0"])
            ua = re.sub(r"SamsungBrowser/[\d.]+", f"SamsungBrowser/{sv}", ua)
            major = {"28.0": 130, "29.0": 136, "30.0": 140}[sv]
            ua = re.sub(r"Chrome/[\d.]+", f"Chrome/{major}.0.0.0", ua); fam = "samsung"
    elif oc == "ios":
        ver, ostok = _w(rng, IOS_V)
        ua = re.sub(r"OS \d+_[\d_]+ like", f"OS {ostok} like", ua)
        ua = re.sub(r"Version/[\d.]+", f"Version/{ver}", ua)
        ua = re.sub(r"CriOS/[\d.]+", f"CriOS/{chrome_full(rng, M)}", ua)
        ua = re.sub(r"GSA/[\d.]+", f"GSA/{rng.randrange(395, 410)}.0.{rng.randrange(700000000, 799999999)}", ua)
        ua = re.sub(r"FxiOS/[\d.]+", f"FxiOS/{rng.randrange(150, 157)}.0", ua)
        ua = re.sub(r"EdgiOS/[\d.]+", f"EdgiOS/{M}.0.{3400 + rng.randrange(0, 90)}.{rng.randrange(10, 99)}", ua)
        fam = "safari"; major = int(ver.split(".")[0])
    elif b.startswith("Firefox"):
        F = _w(rng, FF_MAJ)
        ua = re.sub(r"rv:[\d.]+", f"rv:{F}.0", ua)
        ua = re.sub(r"Firefox/[\d.]+", f"Firefox/{F}.0", ua)
        ua = re.sub(r"Gecko/(?!20100101)[\d.]+", f"Gecko/{F}.0", ua)
        fam = "firefox"; major = F
    elif b == "Safari":
        v = _w(rng, MAC_SAF)
        ua = re.sub(r"Version/[\d.]+", f"Version/{v}", ua)
        fam = "safari"; major = int(v.split(".")[0])
    else:
        fam = "other"
    plat = {"windows": "Windows", "mac": "macOS", "linux": "Linux", "android": "Android", "ios": "iOS", "cros": "Chrome OS"}[oc]
    return dict(ua=ua, fam=fam, chromium=chromium, major=major, os=oc, plat=plat,
                mobile=(r["type"] == "mobile"), tablet=(r["type"] == "tablet"))

GREASE_CH = [" ", "(", ":", "-", ".", "/", ")", ";", "=", "?", "_"]
def sec_ch_ua(brand, major):
    seed = major
    g = (f"Not{GREASE_CH[seed % 11]}A{GREASE_CH[(seed + 1) % 11]}Brand", ["8", "99", "24"][seed % 3])
    order = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]][seed % 6]
    items = [g, ("Chromium", str(major)), (brand, str(major))]
    res = [None] * 3
    for i, o in enumerate(order): res[o] = items[i]
    return ", ".join(f'"{n}";v="{v}"' for n, v in res)

def accept_language(fam, langs):
    if not langs: return "en-US,en;q=0.9"
    if fam == "safari":
        p = langs[0]; base = p.split("-")[0]
        return f"{p},{base};q=0.9" if "-" in p else p
    if fam == "firefox":
        n = len(langs); parts = [langs[0]]
        for i, l in enumerate(langs[1:], 1):
            parts.append(f"{l};q={round(1 - i / n, 1)}")
        return ",".join(parts)
    parts = [langs[0]]
    for i, l in enumerate(langs[1:], 1):
        parts.append(f"{l};q={max(0.1, round(1 - i * 0.1, 1))}")
    return ",".join(parts)

def browser_headers(br, langs, page="signup", ch_major=None, ch=True, al=None):
    h = {"user-agent": br["ua"], "accept-language": al if al is not None else accept_language(br["fam"], langs)}
    if br["fam"] == "firefox":
        h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"; h["accept-encoding"] = "gzip, deflate, br, zstd"
    elif br["fam"] == "safari":
        h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"; h["accept-encoding"] = "gzip, deflate, br"
    else:
        h["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
        h["accept-encoding"] = "gzip, deflate, br, zstd"
    if br["chromium"] and ch:
        brand = {"chrome": "Google Chrome", "edge": "Microsoft Edge", "opera": "Opera", "samsung": "Samsung Internet"}.get(br["fam"], "Google Chrome")
        m = ch_major or br["major"]
        if br["fam"] == "opera": brand_v = m - 15
        h["sec-ch-ua"] = sec_ch_ua(brand, m)
        h["sec-ch-ua-mobile"] = "?1" if br["mobile"] else "?0"
        h["sec-ch-ua-platform"] = f'"{br["plat"]}"'
    h["origin"] = "https://console.koe.ai"
    h["referer"] = f"https://console.koe.ai/{'signup' if page == 'signup' else 'login'}"
    h["sec-fetch-site"] = "same-origin"; h["sec-fetch-mode"] = "navigate"; h["sec-fetch-dest"] = "document"
    if br["fam"] != "safari": h["sec-fetch-user"] = "?1"
    h["content-type"] = "application/x-www-form-urlencoded"
    return h

# ---- devices ----
SCREENS = {
 "ios": [("390x844x24", 25), ("393x852x24", 22), ("430x932x24", 12), ("402x874x24", 14), ("440x956x24", 8), ("375x812x24", 7), ("414x896x24", 7), ("375x667x24", 5)],
 "ios_tab": [("820x1180x24", 5), ("1024x1366x24", 3), ("768x1024x24", 2)],
 "android": [("412x915x24", 25), ("360x800x24", 20), ("384x854x24", 10), ("393x873x24", 12), ("412x892x24", 10), ("360x780x24", 8), ("411x914x24", 6), ("448x997x24", 4), ("384x832x24", 5)],
 "windows": [("1920x1080x24", 45), ("1366x768x24", 12), ("1536x864x24", 15), ("2560x1440x24", 10), ("1440x900x24", 4), ("1280x720x24", 4), ("1600x900x24", 4), ("1280x800x24", 2), ("3840x2160x24", 3), ("1707x1067x24", 2)],
 "mac": [("1440x900x30", 20), ("1512x982x30", 25), ("1728x1117x30", 15), ("1470x956x30", 15), ("1920x1080x24", 8), ("2560x1440x24", 7), ("1680x1050x30", 5), ("1280x800x30", 5)],
 "linux": [("1920x1080x24", 60), ("2560x1440x24", 20), ("1366x768x24", 10), ("3840x2160x24", 10)],
 "cros": [("1366x768x24", 50), ("1536x864x24", 25), ("1280x800x24", 15), ("1920x1080x24", 10)],
}
GPUS = {
 "ios": ["Apple GPU"], "mac": ["ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)", "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
   "ANGLE (Apple, ANGLE Metal Renderer: Apple M3, Unspecified Version)", "ANGLE (Apple, ANGLE Metal Renderer: Apple M4 Pro, Unspecified Version)", "ANGLE (Apple, ANGLE Metal Renderer: Apple M4, Unspecified Version)"],
 "windows": ["ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics (0x00009A49) Direct3D11 vs_5_0 ps_5_0, D3D11)",
   "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (NVIDIA, NVIDIA GeForce RTX 4060 Laptop GPU (0x000028E0) Direct3D11 vs_5_0 ps_5_0, D3D11)",
   "ANGLE (AMD, AMD Radeon(TM) Graphics (0x00001638) Direct3D11 vs_5_0 ps_5_0, D3D11)", "ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 (0x00001F99) Direct3D11 vs_5_0 ps_5_0, D3D11)"],
 "android": ["Adreno (TM) 740", "Adreno (TM) 650", "Adreno (TM) 619", "Mali-G57 MC2", "Mali-G68 MC4", "Mali-G710 MC10", "Adreno (TM) 610", "PowerVR Rogue GE8320"],
 "linux": ["ANGLE (Intel, Mesa Intel(R) UHD Graphics 630 (CFL GT2), OpenGL 4.6)", "ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 3080/PCIe/SSE2, OpenGL 4.5.0)", "ANGLE (AMD, AMD Radeon RX 6700 XT (radeonsi, navi22, LLVM 17.0.6), OpenGL 4.6)"],
 "cros": ["ANGLE (Intel, Mesa Intel(R) UHD Graphics 600 (GLK 2), OpenGL ES 3.2)", "ANGLE (ARM, Mali-G72, OpenGL ES 3.2)"],
}
SWIFTSHADER = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"
EMULATOR_GPU = "ANGLE (Google, Android Emulator OpenGL ES Translator (Google SwiftShader), OpenGL ES 3.0)"

def pick_w(rng, lst):
    return rng.choices([x[0] for x in lst], weights=[x[1] for x in lst])[0]

def nav_languages(fam, langs):
    if fam == "safari": return langs[:1]
    return list(langs)

def make_device(rng, br, tz, langs, seed=None, **over):
    oc = br["os"]
    skey = "ios_tab" if (oc == "ios" and br.get("tablet")) else oc
    d = {"timezone": tz, "languages": nav_languages(br["fam"], langs), "screen": pick_w(rng, SCREENS[skey])}
    if oc == "ios":
        d.update(platform="iPad" if br.get("tablet") else "iPhone", hardware_concurrency=rng.choice([4, 6, 6]), touch_points=5)
    elif oc == "android":
        d.update(platform=rng.choice(["Linux armv81", "Linux aarch64"]), hardware_concurrency=8, touch_points=5)
    elif oc == "windows":
        d.update(platform="Win32", hardware_concurrency=rng.choice([4, 8, 8, 12, 12, 16, 16, 20]), touch_points=rng.choice([0] * 8 + [10]))
    elif oc == "mac":
        d.update(platform="MacIntel", hardware_concurrency=rng.choice([8, 8, 10, 10, 11, 12, 14]), touch_points=0)
    else:
        d.update(platform="Linux x86_64", hardware_concurrency=rng.choice([2, 4, 4, 8, 8, 12, 16]), touch_points=rng.choice([0, 0, 10]) if oc == "cros" else 0)
    if br["chromium"]:
        d["device_memory"] = rng.choice([4, 8, 8, 8]) if oc in ("windows", "mac", "linux") else rng.choice([2, 4, 4, 8, 8])
    d["webgl_renderer"] = rng.choice(GPUS.get(oc, GPUS["linux"]))
    if br["fam"] == "firefox" and oc != "android":
        d["webgl_renderer"] = {"windows": "Intel(R) HD Graphics, or similar", "mac": "Apple M1, or similar"}.get(oc, "Mesa Intel(R) UHD Graphics, or similar")
    d["cookies_enabled"] = True
    d["webdriver"] = False
    d.update(over)
    if seed is None: seed = rng.getrandbits(40)
    d["fingerprint"] = fingerprint(d, br["ua"], seed)
    return d

def fingerprint(d, ua, seed):
    core = {k: d.get(k) for k in ("screen", "platform", "hardware_concurrency", "device_memory", "touch_points", "webgl_renderer", "timezone")}
    core["langs"] = d.get("languages"); core["ua"] = re.sub(r"[\d.]+", "", ua)[:60]
    return hashlib.sha256((json.dumps(core, sort_keys=True) + str(seed)).encode()).hexdigest()[:32]

def refresh_fp(d, ua, seed):
    d = dict(d); d["fingerprint"] = fingerprint(d, ua, seed); return d

# ---- API clients ----
def cli_headers(rng, kind="cli", os_=None):
    py = rng.choice(["3.11.10", "3.12.7", "3.12.9", "3.13.3", "3.13.5", "3.14.0"])
    if kind == "cli":
        os_ = os_ or rng.choice(["darwin; arm64", "linux; x86_64", "linux; x86_64", "windows; amd64", "linux; aarch64"])
        v = rng.choice(["2.7.1", "2.7.1", "2.8.0", "2.8.0", "2.8.0", "2.6.4"])
        ua = f"koe-cli/{v} ({os_}) python/{py}"
    elif kind == "py":
        v = rng.choice(["1.9.2", "1.10.0", "1.10.0", "1.10.1", "1.8.5"])
        ua = f"koe-python/{v} httpx/0.28.1 python/{py}"
    elif kind == "node":
        v = rng.choice(["1.4.0", "1.5.2", "1.5.2", "1.3.9"])
        ua = f"koe-node/{v} node/{rng.choice(['20.18.1', '22.11.0', '22.20.0', '24.9.0'])}"
    elif kind == "go":
        ua = f"koe-go/{rng.choice(['0.6.1', '0.7.0'])} go1.{rng.choice(['24.7', '25.1', '25.3'])}"
    elif kind == "requests":
        ua = f"python-requests/{rng.choice(['2.31.0', '2.32.3', '2.32.4', '2.32.5'])}"
    elif kind == "aiohttp":
        ua = f"Python/3.{rng.choice([10, 11, 12])} aiohttp/{rng.choice(['3.9.5', '3.10.10', '3.12.15'])}"
    elif kind == "gohttp":
        ua = "Go-http-client/2.0"
    elif kind == "curl":
        ua = f"curl/{rng.choice(['8.5.0', '8.7.1', '8.14.1'])}"
    elif kind == "okhttp":
        ua = "okhttp/4.12.0"
    h = {"user-agent": ua, "accept": "application/json" if kind in ("cli", "py", "node", "go") else "*/*",
         "accept-encoding": "gzip, deflate" if kind not in ("gohttp", "go") else "gzip", "content-type": "application/json"}
    return h

# ---- names, e-mail ----
KO_SUR = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "song", "jeon", "hong", "yoo"]
KO_GIV = ["minjun", "seoyeon", "jiwoo", "hayoon", "doyun", "seojun", "jiho", "yerin", "minseo", "eunji", "hyunwoo", "sumin", "jihoon", "dahye", "junho", "yuna", "taeyang", "soyeon", "donghyun", "haeun", "jisoo", "minji", "sungmin", "yejin"]
RU_TR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
RU_TR.update({"і": "i", "ї": "yi", "є": "ye", "ґ": "g"})
FA_GIV = ["ali", "reza", "mohammad", "sara", "maryam", "amir", "hossein", "zahra", "fatemeh", "mehdi", "niloofar", "arash", "parisa", "hamed", "shirin"]
FA_SUR = ["ahmadi", "hosseini", "karimi", "rezaei", "moradi", "mohammadi", "jafari", "rahimi", "sadeghi", "hashemi", "ebrahimi", "ghorbani"]
BN_GIV = ["rahim", "karim", "tanvir", "nusrat", "farhana", "sabbir", "mahmud", "rakib", "sumaiya", "arif", "shakil", "taslima", "jahid", "mim"]
BN_SUR = ["hossain", "rahman", "islam", "ahmed", "akter", "khan", "uddin", "chowdhury", "sarkar", "alam", "miah", "begum"]
TH_GIV = ["somchai", "suda", "anan", "niran", "pimchanok", "kittisak", "wanida", "chaiwat", "siriporn", "thanawat"]
TH_SUR = ["srisuk", "chaiyaporn", "wongsawat", "rattanakorn", "saetang", "boonmee", "thongdee", "kaewkla"]
PK_GIV = ["ahmed", "bilal", "usman", "ayesha", "fatima", "hamza", "zainab", "hassan", "saad", "sana", "imran", "faisal"]
PK_SUR = ["khan", "malik", "iqbal", "butt", "raza", "qureshi", "sheikh", "chaudhry", "anwar", "hussain"]
NG_GIV = ["chinedu", "emeka", "ngozi", "tunde", "aisha", "oluwaseun", "ifeanyi", "blessing", "chioma", "kelechi", "yusuf", "femi"]
NG_SUR = ["okafor", "adeyemi", "eze", "okonkwo", "bello", "nwosu", "ibrahim", "adebayo", "okoro", "balogun"]

def ascii_fold(s):
    s = s.lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in s):
        s = "".join(RU_TR.get(ch, ch) for ch in s)
    s = s.replace("đ", "d").replace("ø", "o").replace("ß", "ss").replace("ł", "l").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if ch.isascii() and (ch.isalnum()))
    return s

class Names:
    def __init__(self, seed):
        self.fk = {}
        self.seed = seed
    def faker(self, loc):
        if loc not in self.fk:
            f = _faker.Faker(loc); f.seed_instance(self.seed + len(self.fk) * 7919); self.fk[loc] = f
        return self.fk[loc]
    def person(self, rng, cc, loc):
        """Returns (first, last) romanised ascii, lower case, plus display name."""
        if cc == "KR": return rng.choice(KO_GIV), rng.choice(KO_SUR)
        if cc == "IR": return rng.choice(FA_GIV), rng.choice(FA_SUR)
        if cc == "BD": return rng.choice(BN_GIV), rng.choice(BN_SUR)
        if cc == "TH": return rng.choice(TH_GIV), rng.choice(TH_SUR)
        if cc == "PK": return rng.choice(PK_GIV), rng.choice(PK_SUR)
        if cc == "NG": return rng.choice(NG_GIV), rng.choice(NG_SUR)
        f = self.faker(loc)
        if loc in ("ja_JP", "zh_TW", "zh_CN"):
            return ascii_fold(f.first_romanized_name()), ascii_fold(f.last_romanized_name())
        fn = ascii_fold(f.first_name().split()[0]); ln = ascii_fold(f.last_name().split()[-1])
        return fn or "alex", ln or "silva"

DOMAINS = {
 "JP": [("gmail.com", 45), ("yahoo.co.jp", 18), ("icloud.com", 12), ("docomo.ne.jp", 5), ("au.com", 3), ("outlook.jp", 4), ("hotmail.co.jp", 3), ("softbank.ne.jp", 2), ("outlook.com", 3)],
 "KR": [("naver.com", 45), ("gmail.com", 35), ("daum.net", 8), ("kakao.com", 5), ("hanmail.net", 5), ("nate.com", 2)],
 "TW": [("gmail.com", 65), ("yahoo.com.tw", 12), ("hotmail.com", 8), ("msa.hinet.net", 4), ("icloud.com", 6), ("outlook.com", 5)],
 "AU": [("gmail.com", 50), ("outlook.com", 10), ("hotmail.com", 10), ("icloud.com", 10), ("bigpond.com", 8), ("yahoo.com.au", 5), ("optusnet.com.au", 2)],
 "NZ": [("gmail.com", 55), ("xtra.co.nz", 12), ("outlook.com", 10), ("hotmail.com", 8), ("icloud.com", 10)],
 "BR": [("gmail.com", 72), ("hotmail.com", 12), ("outlook.com", 6), ("yahoo.com.br", 4), ("icloud.com", 3), ("uol.com.br", 2), ("bol.com.br", 1)],
 "MX": [("gmail.com", 65), ("hotmail.com", 18), ("outlook.com", 8), ("yahoo.com.mx", 5), ("icloud.com", 4)],
 "AR": [("gmail.com", 70), ("hotmail.com", 15), ("yahoo.com.ar", 5), ("outlook.com", 6), ("icloud.com", 4)],
 "CO": [("gmail.com", 68), ("hotmail.com", 15), ("outlook.es", 5), ("outlook.com", 6), ("yahoo.com", 4), ("icloud.com", 2)],
 "CL": [("gmail.com", 70), ("hotmail.com", 13), ("outlook.com", 8), ("icloud.com", 5), ("yahoo.com", 4)],
 "US": [("gmail.com", 55), ("yahoo.com", 10), ("outlook.com", 7), ("icloud.com", 10), ("hotmail.com", 6), ("aol.com", 2), ("proton.me", 2), ("comcast.net", 1)],
 "CA": [("gmail.com", 55), ("hotmail.com", 12), ("outlook.com", 10), ("icloud.com", 8), ("yahoo.ca", 5), ("shaw.ca", 2), ("videotron.ca", 2)],
 "GB": [("gmail.com", 50), ("hotmail.co.uk", 12), ("outlook.com", 10), ("icloud.com", 10), ("yahoo.co.uk", 6), ("btinternet.com", 5)],
 "DE": [("gmail.com", 35), ("gmx.de", 20), ("web.de", 20), ("t-online.de", 8), ("outlook.de", 5), ("posteo.de", 3)],
 "FR": [("gmail.com", 50), ("orange.fr", 12), ("free.fr", 8), ("hotmail.fr", 10), ("laposte.net", 6), ("outlook.fr", 4)],
 "ES": [("gmail.com", 60), ("hotmail.es", 20), ("outlook.es", 8), ("yahoo.es", 5)],
 "NL": [("gmail.com", 55), ("hotmail.com", 15), ("outlook.com", 10), ("ziggo.nl", 8), ("kpnmail.nl", 5)],
 "PL": [("gmail.com", 45), ("wp.pl", 18), ("o2.pl", 12), ("onet.pl", 12), ("interia.pl", 8)],
 "PT": [("gmail.com", 65), ("hotmail.com", 15), ("sapo.pt", 10), ("outlook.pt", 5)],
 "IT": [("gmail.com", 55), ("libero.it", 15), ("hotmail.it", 10), ("yahoo.it", 8), ("outlook.it", 5)],
 "SE": [("gmail.com", 60), ("hotmail.com", 15), ("outlook.com", 10), ("telia.com", 5)],
 "CH": [("gmail.com", 50), ("bluewin.ch", 20), ("gmx.ch", 10), ("proton.me", 8)],
 "RU": [("yandex.ru", 35), ("mail.ru", 30), ("gmail.com", 25), ("bk.ru", 5), ("rambler.ru", 5)],
 "BY": [("yandex.by", 25), ("mail.ru", 30), ("gmail.com", 40), ("tut.by", 5)],
 "CN": [("qq.com", 45), ("163.com", 25), ("126.com", 8), ("gmail.com", 12), ("outlook.com", 6), ("foxmail.com", 4)],
 "IR": [("gmail.com", 70), ("yahoo.com", 20), ("chmail.ir", 10)],
}
DEFAULT_DOMAINS = [("gmail.com", 70), ("yahoo.com", 10), ("outlook.com", 10), ("hotmail.com", 10)]

def local_part(rng, first, last, style=None):
    y = rng.randrange(1968, 2009)
    styles = [("{f}.{l}", 20), ("{f}{l}", 15), ("{f}_{l}", 5), ("{fi}{l}", 10), ("{f}{l}{yy}", 10), ("{f}.{l}{n2}", 8),
              ("{f}{y}", 8), ("{l}.{f}", 5), ("{f}{n3}", 6), ("{f}.{li}", 4), ("{nick}{n2}", 6), ("{f}-{l}", 2)]
    s = style or pick_w(rng, styles)
    nick = rng.choice(["ghost", "pixel", "luna", "neko", "sora", "tiger", "mango", "blue", "dev", "voice", "kuma", "bolt", "nova", "echo", "lofi", "beats", "zen", "fox", "star", "cafe"]) + rng.choice(["", first[:3], "_" + first[:4]])
    return s.format(f=first, l=last, fi=first[:1], li=last[:1], yy=str(y)[2:], y=y, n2=rng.randrange(1, 99), n3=rng.randrange(100, 999), nick=nick)

def email_for(rng, cc, first, last, domain=None):
    d = domain or pick_w(rng, DOMAINS.get(cc, DEFAULT_DOMAINS))
    lp = local_part(rng, first, last)
    if d.endswith("docomo.ne.jp") or d == "au.com" or d.endswith("softbank.ne.jp"):
        lp = rng.choice([lp, f"{first[:3]}-{rng.choice(['love', 'smile', 'happy', 'sky'])}.{rng.randrange(10, 999)}"])
    return f"{lp}@{d}"

def username_for(rng, first, last, email):
    lp = email.split("@")[0].split("+")[0]
    c = rng.random()
    if c < 0.35: return re.sub(r"[^a-z0-9_]", "_", lp)[:24]
    if c < 0.6: return f"{first}{last[:1]}{rng.choice(['', str(rng.randrange(1, 99))])}"
    if c < 0.8: return f"{first}_{last}"[:24]
    return f"{first[:4]}{last[:4]}{rng.randrange(1, 9999)}"

def relay_email(rng):
    k = rng.random()
    a = "abcdefghijklmnopqrstuvwxyz0123456789"
    if k < 0.55: return "".join(rng.choice(a[:26]) for _ in range(10)) + "@privaterelay.appleid.com"
    if k < 0.75: return "".join(rng.choice(a) for _ in range(9)) + "@mozmail.com"
    if k < 0.9: return f"{rng.choice(['koe', 'voice', 'sign', 'x'])}.{''.join(rng.choice(a[:26]) for _ in range(6))}@{rng.choice(['simplelogin.com', 'aleeas.com', 'slmails.com'])}"
    return f"koe.{''.join(rng.choice(a) for _ in range(5))}@{rng.choice(['passmail.net', 'passinbox.com'])}"
