"""The invented internet: countries, cities, autonomous systems and their address blocks.

Everything is derived from a seeded numpy Generator, so the world is identical for one seed.
Addresses are real-looking public space (no private, shared, documentation or multicast
ranges) but every assignment of a prefix to an organisation is invented.
"""
import hashlib
import ipaddress

import numpy as np

CONTINENTS = {
    "AF": (6255146, "Africa"), "AS": (6255147, "Asia"), "EU": (6255148, "Europe"),
    "NA": (6255149, "North America"), "SA": (6255150, "South America"), "OC": (6255151, "Oceania"),
}

# iso: (name, continent, geoname_id, in_eu, rir, legit_weight, languages, faker_locale, cities)
# city: (name, subdivision_iso, subdivision_name, lat, lon, time_zone, postal)
COUNTRIES = {
    "US": ("United States", "NA", 6252001, False, "ARIN", 26.0, ["en-US"], "en_US", [
        ("New York", "NY", "New York", 40.7128, -74.006, "America/New_York", "10001"),
        ("San Francisco", "CA", "California", 37.7749, -122.4194, "America/Los_Angeles", "94107"),
        ("Chicago", "IL", "Illinois", 41.8781, -87.6298, "America/Chicago", "60601"),
        ("Austin", "TX", "Texas", 30.2672, -97.7431, "America/Chicago", "78701"),
        ("Seattle", "WA", "Washington", 47.6062, -122.3321, "America/Los_Angeles", "98101"),
        ("Ashburn", "VA", "Virginia", 39.0438, -77.4874, "America/New_York", "20147"),
        ("Denver", "CO", "Colorado", 39.7392, -104.9903, "America/Denver", "80202"),
        ("Atlanta", "GA", "Georgia", 33.749, -84.388, "America/New_York", "30303")]),
    "CA": ("Canada", "NA", 6251999, False, "ARIN", 3.5, ["en-CA", "fr-CA"], "en_CA", [
        ("Toronto", "ON", "Ontario", 43.6532, -79.3832, "America/Toronto", "M5H"),
        ("Vancouver", "BC", "British Columbia", 49.2827, -123.1207, "America/Vancouver", "V6B"),
        ("Montreal", "QC", "Quebec", 45.5017, -73.5673, "America/Toronto", "H2Y")]),
    "GB": ("United Kingdom", "EU", 2635167, False, "RIPE", 6.0, ["en-GB"], "en_GB", [
        ("London", "ENG", "England", 51.5072, -0.1276, "Europe/London", "EC1A"),
        ("Manchester", "ENG", "England", 53.4808, -2.2426, "Europe/London", "M1"),
        ("Edinburgh", "SCT", "Scotland", 55.9533, -3.1883, "Europe/London", "EH1")]),
    "DE": ("Germany", "EU", 2921044, True, "RIPE", 6.0, ["de-DE"], "de_DE", [
        ("Berlin", "BE", "Land Berlin", 52.52, 13.405, "Europe/Berlin", "10115"),
        ("Munich", "BY", "Bavaria", 48.1351, 11.582, "Europe/Berlin", "80331"),
        ("Frankfurt am Main", "HE", "Hesse", 50.1109, 8.6821, "Europe/Berlin", "60311"),
        ("Hamburg", "HH", "Hamburg", 53.5511, 9.9937, "Europe/Berlin", "20095")]),
    "FR": ("France", "EU", 3017382, True, "RIPE", 4.0, ["fr-FR"], "fr_FR", [
        ("Paris", "IDF", "Île-de-France", 48.8566, 2.3522, "Europe/Paris", "75001"),
        ("Lyon", "ARA", "Auvergne-Rhône-Alpes", 45.764, 4.8357, "Europe/Paris", "69001"),
        ("Roubaix", "HDF", "Hauts-de-France", 50.6942, 3.1746, "Europe/Paris", "59100")]),
    "NL": ("Netherlands", "EU", 2750405, True, "RIPE", 2.0, ["nl-NL"], "nl_NL", [
        ("Amsterdam", "NH", "North Holland", 52.3676, 4.9041, "Europe/Amsterdam", "1012"),
        ("Rotterdam", "ZH", "South Holland", 51.9244, 4.4777, "Europe/Amsterdam", "3011")]),
    "ES": ("Spain", "EU", 2510769, True, "RIPE", 3.0, ["es-ES"], "es_ES", [
        ("Madrid", "MD", "Madrid", 40.4168, -3.7038, "Europe/Madrid", "28001"),
        ("Barcelona", "CT", "Catalonia", 41.3874, 2.1686, "Europe/Madrid", "08001")]),
    "IT": ("Italy", "EU", 3175395, True, "RIPE", 2.5, ["it-IT"], "it_IT", [
        ("Milan", "25", "Lombardy", 45.4642, 9.19, "Europe/Rome", "20121"),
        ("Rome", "62", "Lazio", 41.9028, 12.4964, "Europe/Rome", "00184")]),
    "PL": ("Poland", "EU", 798544, True, "RIPE", 2.5, ["pl-PL"], "pl_PL", [
        ("Warsaw", "14", "Mazovia", 52.2297, 21.0122, "Europe/Warsaw", "00-001"),
        ("Kraków", "12", "Lesser Poland", 50.0647, 19.945, "Europe/Warsaw", "30-001")]),
    "SE": ("Sweden", "EU", 2661886, True, "RIPE", 1.2, ["sv-SE"], "sv_SE", [
        ("Stockholm", "AB", "Stockholm County", 59.3293, 18.0686, "Europe/Stockholm", "111 20")]),
    "FI": ("Finland", "EU", 660013, True, "RIPE", 0.8, ["fi-FI"], "fi_FI", [
        ("Helsinki", "18", "Uusimaa", 60.1699, 24.9384, "Europe/Helsinki", "00100")]),
    "CH": ("Switzerland", "EU", 2658434, False, "RIPE", 1.0, ["de-CH", "fr-CH"], "de_CH", [
        ("Zurich", "ZH", "Zurich", 47.3769, 8.5417, "Europe/Zurich", "8001")]),
    "UA": ("Ukraine", "EU", 690791, False, "RIPE", 1.5, ["uk-UA", "ru-UA"], "uk_UA", [
        ("Kyiv", "30", "Kyiv City", 50.4501, 30.5234, "Europe/Kyiv", "01001"),
        ("Lviv", "46", "Lviv", 49.8397, 24.0297, "Europe/Kyiv", "79000")]),
    "TR": ("Türkiye", "AS", 298795, False, "RIPE", 1.8, ["tr-TR"], "tr_TR", [
        ("Istanbul", "34", "Istanbul", 41.0082, 28.9784, "Europe/Istanbul", "34000"),
        ("Ankara", "06", "Ankara", 39.9334, 32.8597, "Europe/Istanbul", "06000")]),
    "IL": ("Israel", "AS", 294640, False, "RIPE", 1.0, ["he-IL", "en-US"], "he_IL", [
        ("Tel Aviv", "TA", "Tel Aviv", 32.0853, 34.7818, "Asia/Jerusalem", "61000")]),
    "AE": ("United Arab Emirates", "AS", 290557, False, "RIPE", 0.8, ["en-AE", "ar-AE"], "ar_AE", [
        ("Dubai", "DU", "Dubai", 25.2048, 55.2708, "Asia/Dubai", "00000")]),
    "IN": ("India", "AS", 1269750, False, "APNIC", 11.0, ["en-IN", "hi-IN"], "en_IN", [
        ("Bengaluru", "KA", "Karnataka", 12.9716, 77.5946, "Asia/Kolkata", "560001"),
        ("Mumbai", "MH", "Maharashtra", 19.076, 72.8777, "Asia/Kolkata", "400001"),
        ("Delhi", "DL", "National Capital Territory of Delhi", 28.7041, 77.1025, "Asia/Kolkata", "110001"),
        ("Hyderabad", "TG", "Telangana", 17.385, 78.4867, "Asia/Kolkata", "500001"),
        ("Pune", "MH", "Maharashtra", 18.5204, 73.8567, "Asia/Kolkata", "411001")]),
    "PK": ("Pakistan", "AS", 1168579, False, "APNIC", 2.0, ["en-PK", "ur-PK"], "en_PK", [
        ("Karachi", "SD", "Sindh", 24.8607, 67.0011, "Asia/Karachi", "74000"),
        ("Lahore", "PB", "Punjab", 31.5204, 74.3587, "Asia/Karachi", "54000")]),
    "BD": ("Bangladesh", "AS", 1210997, False, "APNIC", 1.5, ["bn-BD", "en-US"], "bn_BD", [
        ("Dhaka", "13", "Dhaka Division", 23.8103, 90.4125, "Asia/Dhaka", "1000")]),
    "CN": ("China", "AS", 1814991, False, "APNIC", 0.0, ["zh-CN"], "zh_CN", [
        ("Beijing", "BJ", "Beijing", 39.9042, 116.4074, "Asia/Shanghai", "100000"),
        ("Shenzhen", "GD", "Guangdong", 22.5431, 114.0579, "Asia/Shanghai", "518000")]),
    "HK": ("Hong Kong", "AS", 1819730, False, "APNIC", 0.0, ["zh-HK", "en-HK"], "zh_TW", [
        ("Hong Kong", "HCW", "Central and Western", 22.3193, 114.1694, "Asia/Hong_Kong", "999077")]),
    "JP": ("Japan", "AS", 1861060, False, "APNIC", 3.5, ["ja-JP"], "ja_JP", [
        ("Tokyo", "13", "Tokyo", 35.6762, 139.6503, "Asia/Tokyo", "100-0001"),
        ("Osaka", "27", "Osaka", 34.6937, 135.5023, "Asia/Tokyo", "530-0001")]),
    "KR": ("South Korea", "AS", 1835841, False, "APNIC", 2.5, ["ko-KR"], "ko_KR", [
        ("Seoul", "11", "Seoul", 37.5665, 126.978, "Asia/Seoul", "04524")]),
    "SG": ("Singapore", "AS", 1880251, False, "APNIC", 1.5, ["en-SG"], "en_US", [
        ("Singapore", "01", "Central Singapore", 1.3521, 103.8198, "Asia/Singapore", "018989")]),
    "ID": ("Indonesia", "AS", 1643084, False, "APNIC", 3.0, ["id-ID"], "id_ID", [
        ("Jakarta", "JK", "Jakarta", -6.2088, 106.8456, "Asia/Jakarta", "10110"),
        ("Surabaya", "JI", "East Java", -7.2575, 112.7521, "Asia/Jakarta", "60111")]),
    "VN": ("Vietnam", "AS", 1562822, False, "APNIC", 2.0, ["vi-VN"], "vi_VN", [
        ("Hanoi", "HN", "Hanoi", 21.0278, 105.8342, "Asia/Ho_Chi_Minh", "100000"),
        ("Ho Chi Minh City", "SG", "Ho Chi Minh", 10.8231, 106.6297, "Asia/Ho_Chi_Minh", "700000")]),
    "PH": ("Philippines", "AS", 1694008, False, "APNIC", 2.0, ["en-PH", "fil-PH"], "en_PH", [
        ("Manila", "00", "Metro Manila", 14.5995, 120.9842, "Asia/Manila", "1000"),
        ("Cebu City", "07", "Central Visayas", 10.3157, 123.8854, "Asia/Manila", "6000")]),
    "AU": ("Australia", "OC", 2077456, False, "APNIC", 2.5, ["en-AU"], "en_AU", [
        ("Sydney", "NSW", "New South Wales", -33.8688, 151.2093, "Australia/Sydney", "2000"),
        ("Melbourne", "VIC", "Victoria", -37.8136, 144.9631, "Australia/Melbourne", "3000")]),
    "BR": ("Brazil", "SA", 3469034, False, "LACNIC", 5.0, ["pt-BR"], "pt_BR", [
        ("São Paulo", "SP", "São Paulo", -23.5505, -46.6333, "America/Sao_Paulo", "01000"),
        ("Rio de Janeiro", "RJ", "Rio de Janeiro", -22.9068, -43.1729, "America/Sao_Paulo", "20000")]),
    "MX": ("Mexico", "NA", 3996063, False, "LACNIC", 2.5, ["es-MX"], "es_MX", [
        ("Mexico City", "CMX", "Mexico City", 19.4326, -99.1332, "America/Mexico_City", "06000"),
        ("Guadalajara", "JAL", "Jalisco", 20.6597, -103.3496, "America/Mexico_City", "44100")]),
    "AR": ("Argentina", "SA", 3865483, False, "LACNIC", 1.5, ["es-AR"], "es_AR", [
        ("Buenos Aires", "C", "Buenos Aires F.D.", -34.6037, -58.3816, "America/Argentina/Buenos_Aires", "C1000")]),
    "VE": ("Venezuela", "SA", 3625428, False, "LACNIC", 0.6, ["es-VE"], "es_ES", [
        ("Caracas", "A", "Capital District", 10.4806, -66.9036, "America/Caracas", "1010")]),
    "NG": ("Nigeria", "AF", 2328926, False, "AFRINIC", 2.0, ["en-NG", "en-GB"], "en_NG", [
        ("Lagos", "LA", "Lagos", 6.5244, 3.3792, "Africa/Lagos", "100001"),
        ("Abuja", "FC", "Federal Capital Territory", 9.0765, 7.3986, "Africa/Lagos", "900001")]),
    "KE": ("Kenya", "AF", 192950, False, "AFRINIC", 1.0, ["en-KE", "sw-KE"], "en_US", [
        ("Nairobi", "30", "Nairobi County", -1.2921, 36.8219, "Africa/Nairobi", "00100")]),
    "EG": ("Egypt", "AF", 357994, False, "AFRINIC", 1.2, ["ar-EG", "en-US"], "ar_EG", [
        ("Cairo", "C", "Cairo Governorate", 30.0444, 31.2357, "Africa/Cairo", "11511")]),
    "ZA": ("South Africa", "AF", 953987, False, "AFRINIC", 1.0, ["en-ZA"], "en_US", [
        ("Johannesburg", "GP", "Gauteng", -26.2041, 28.0473, "Africa/Johannesburg", "2000")]),
    # regions where the product is not offered (legit weight 0): only fraud and hosting live here
    "RU": ("Russia", "EU", 2017370, False, "RIPE", 0.0, ["ru-RU"], "ru_RU", [
        ("Moscow", "MOW", "Moscow", 55.7558, 37.6173, "Europe/Moscow", "101000"),
        ("Saint Petersburg", "SPE", "St.-Petersburg", 59.9343, 30.3351, "Europe/Moscow", "190000"),
        ("Novosibirsk", "NVS", "Novosibirsk Oblast", 55.0084, 82.9357, "Asia/Novosibirsk", "630000")]),
    "BY": ("Belarus", "EU", 630336, False, "RIPE", 0.0, ["ru-BY", "be-BY"], "ru_RU", [
        ("Minsk", "HM", "Minsk City", 53.9006, 27.559, "Europe/Minsk", "220000")]),
    "IR": ("Iran", "AS", 130758, False, "RIPE", 0.0, ["fa-IR"], "fa_IR", [
        ("Tehran", "23", "Tehran", 35.6892, 51.389, "Asia/Tehran", "11369"),
        ("Isfahan", "04", "Isfahan", 32.6546, 51.668, "Asia/Tehran", "81000")]),
}

BLOCKED = {"RU", "BY", "IR", "CN", "HK"}

V6_BASE = {"ARIN": 0x2600, "RIPE": 0x2a00, "APNIC": 0x2400, "LACNIC": 0x2800, "AFRINIC": 0x2c00}

ISP_STEMS = ["Comstar", "Velocity", "Bluewave", "Northgate", "Horizon", "Metrolink", "Skyline", "Kestrel",
             "Summit", "Lumen", "Riverbend", "Orbit", "Pioneer", "Cascade", "Harbor", "Granite", "Vista",
             "Aurora", "Beacon", "Crestview", "Polaris", "Meridian", "Evergreen", "Falcon", "Zenith", "Atlas",
             "Sterling", "Nova", "Coral", "Tidewater", "Ironwood", "Sapphire", "Highland", "Redline", "Clearpath"]
ISP_SUFFIX = ["Telecom", "Communications", "Broadband", "Cable", "Fibre", "Networks", "Internet", "Telekom",
              "Net", "Connect", "Online"]
MOBILE_SUFFIX = ["Mobile", "Wireless", "Cellular", "Mobile Communications", "Telecom Mobile"]
LEGAL = {"US": ["LLC", "Inc.", "Corp."], "CA": ["Inc."], "GB": ["Ltd", "plc"], "DE": ["GmbH", "AG"],
         "FR": ["SAS", "SA"], "NL": ["B.V."], "ES": ["S.A.", "S.L."], "IT": ["S.p.A.", "S.r.l."],
         "PL": ["Sp. z o.o.", "S.A."], "SE": ["AB"], "FI": ["Oy"], "CH": ["AG"], "UA": ["LLC", "PrJSC"],
         "TR": ["A.S."], "IL": ["Ltd"], "AE": ["LLC", "PJSC"], "IN": ["Pvt Ltd", "Limited"],
         "PK": ["(Pvt) Ltd"], "BD": ["Ltd"], "CN": ["Co., Ltd."], "HK": ["Limited"], "JP": ["K.K.", "Corporation"],
         "KR": ["Co., Ltd."], "SG": ["Pte Ltd"], "ID": ["PT", "Tbk"], "VN": ["JSC", "Corporation"],
         "PH": ["Inc.", "Corporation"], "AU": ["Pty Ltd"], "BR": ["Ltda", "S.A."], "MX": ["S.A. de C.V."],
         "AR": ["S.A."], "VE": ["C.A."], "NG": ["Limited", "Plc"], "KE": ["Limited", "PLC"], "EG": ["S.A.E."],
         "ZA": ["(Pty) Ltd"], "RU": ["LLC", "JSC", "PJSC"], "BY": ["JLLC", "RUE"], "IR": ["PJSC", "Co."]}

# global hosting / cloud / VPN / relay / security-proxy organisations (name, kind, countries of presence)
DC_CITIES = {"US": ["Ashburn", "San Francisco", "Chicago", "Seattle", "Atlanta"], "CA": ["Montreal", "Toronto"],
             "GB": ["London"], "DE": ["Frankfurt am Main", "Berlin"], "FR": ["Roubaix", "Paris"],
             "NL": ["Amsterdam"], "SG": ["Singapore"], "JP": ["Tokyo"], "IN": ["Mumbai", "Bengaluru"],
             "AU": ["Sydney"], "BR": ["São Paulo"], "HK": ["Hong Kong"], "SE": ["Stockholm"], "CH": ["Zurich"],
             "PL": ["Warsaw"], "ES": ["Madrid"], "IT": ["Milan"], "TR": ["Istanbul"], "AE": ["Dubai"],
             "ZA": ["Johannesburg"], "KR": ["Seoul"], "MX": ["Mexico City"], "RU": ["Moscow"], "FI": ["Helsinki"],
             "IL": ["Tel Aviv"], "ID": ["Jakarta"], "NG": ["Lagos"], "UA": ["Kyiv"], "CN": ["Shenzhen"]}

GLOBAL_ORGS = [
    # big clouds
    ("Stratocloud Web Services, Inc.", "hosting", "cloud", 14),
    ("Nimbus Compute Platform LLC", "hosting", "cloud", 12),
    ("Azurite Cloud Corporation", "hosting", "cloud", 12),
    ("Oceanic Droplets LLC", "hosting", "cloud", 8),
    ("Helixnet Online GmbH", "hosting", "cloud", 3),
    ("Ovhane Serveurs SAS", "hosting", "cloud", 6),
    ("Harborline Cloud LLC", "hosting", "cloud", 7),
    ("Vultrex Holdings LLC", "hosting", "cloud", 10),
    ("Kontabel Nord GmbH", "hosting", "cloud", 4),
    ("Dongfang Cloud Computing Co., Ltd.", "hosting", "cloud", 4),
    ("Alicloud Pacific Pte Ltd", "hosting", "cloud", 5),
    ("Orakel Cloud Infrastructure Inc.", "hosting", "cloud", 6),
    ("Scalerive SAS", "hosting", "cloud", 2),
    ("Hostbaltic UAB", "hosting", "cloud", 4),
    ("Leasedelta B.V.", "hosting", "cloud", 5),
    ("Chopwell Hosting LLC", "hosting", "cloud", 4),
    ("Kamatera Bridge Inc.", "hosting", "cloud", 5),
    ("Severnet Data JSC", "hosting", "cloud", 2),
    ("Timeweb Cloud LLC", "hosting", "cloud", 2),
    ("Prairie FranTech Solutions", "hosting", "cloud", 3),
    ("Valleyhost Networks", "hosting", "cloud", 2),
    ("Quadrant Coast Enterprises LLC", "hosting", "cloud", 2),
    ("Buffalo ColoCross LLC", "hosting", "cloud", 3),
    ("Devspace Cloud Inc.", "hosting", "devenv", 3),
    # CDN / edge that also egresses privacy relays
    ("Akamora Technologies, Inc.", "relay", "relay", 14),
    ("Cloudfront Edge Networks, Inc.", "relay", "relay", 14),
    ("Fastlane Edge Inc.", "relay", "relay", 8),
    # VPN brands with own ASNs (M247/Datacamp/Packethub-style transit)
    ("Meridian Transit Europe Ltd", "vpn", "vpn", 16),
    ("Datacove Limited", "vpn", "vpn", 14),
    ("PacketNest S.A.", "vpn", "vpn", 12),
    ("Tunnelware Networks AB", "vpn", "vpn", 8),
    ("Cloudgate Transit Limited", "vpn", "vpn", 6),
    ("GlobalAxs Communications Ltd", "vpn", "vpn", 8),
    ("Surfguard B.V.", "vpn", "vpn", 10),
    ("Proxima Privacy AG", "vpn", "vpn", 6),
    ("Nordvalv Integritet AB", "vpn", "vpn", 6),
    ("HideOut Networks LLC", "vpn", "vpn", 8),
    ("Zenway Crossroads Inc.", "vpn", "vpn", 6),
    ("Kvarn Services AB", "vpn", "vpn", 3),
    # corporate security clouds (enterprise traffic egresses here)
    ("Zscalex, Inc.", "hosting", "secproxy", 12),
    ("Netscope Edge Inc.", "hosting", "secproxy", 8),
    # static "ISP" proxy ranges: datacenter hosted, registered as access ISPs
    ("Crestline Broadband LLC", "isp", "static_isp_proxy", 1),
    ("Bluegrass Residential Internet Inc.", "isp", "static_isp_proxy", 1),
    ("Ravenna Fiber Access Ltd", "isp", "static_isp_proxy", 1),
    ("Freie Relais Kollektiv e.V.", "hosting", "tor", 3),
]


def stable_int(*parts):
    h = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(h[:8], "big")


RESERVED_V4 = [ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3")]


class City:
    __slots__ = ("country", "name", "sub_iso", "sub_name", "lat", "lon", "tz", "postal", "geoname_id", "key")

    def __init__(self, country, t):
        self.country = country
        self.name, self.sub_iso, self.sub_name, self.lat, self.lon, self.tz, self.postal = t
        self.geoname_id = 1000000 + stable_int("city", country, self.name) % 8000000
        self.key = (country, self.name)


class Block:
    """One prefix of one AS, in one city (an IPv4 /20 or /22 and an IPv6 /40)."""
    __slots__ = ("asys", "city", "v4", "v6", "nat_pool")

    def __init__(self, asys, city, v4, v6):
        self.asys, self.city, self.v4, self.v6 = asys, city, v4, v6
        self.nat_pool = None


class AS:
    __slots__ = ("number", "org", "kind", "sub", "country", "blocks", "domain")

    def __init__(self, number, org, kind, sub, country):
        self.number, self.org, self.kind, self.sub, self.country = number, org, kind, sub, country
        self.blocks = []
        self.domain = None

    def block_in(self, rng, country=None, city=None):
        bl = self.blocks
        if city is not None:
            c = [b for b in bl if b.city is city]
            if c:
                bl = c
        elif country is not None:
            c = [b for b in bl if b.city.country == country]
            if c:
                bl = c
        return bl[int(rng.integers(len(bl)))]


class World:
    def __init__(self, seed=7):
        rng = np.random.default_rng([seed, 101])
        self.rng = rng
        self.cities = {}
        self.city_list_by_country = {}
        for iso, c in COUNTRIES.items():
            lst = [City(iso, t) for t in c[8]]
            self.city_list_by_country[iso] = lst
            for ci in lst:
                self.cities[ci.key] = ci
        self._v4_pool = self._make_v4_pool(rng)
        self._v4_next = 0
        self._v6_used = set()
        self.ases = []
        self.by_kind = {}
        used_numbers = set()

        def new_asn(small=True):
            while True:
                n = int(rng.integers(1000, 64000)) if small else int(rng.integers(131072, 400000))
                if n not in used_numbers and not (64496 <= n <= 65551):
                    used_numbers.add(n)
                    return n

        stems = list(ISP_STEMS)
        for iso, c in COUNTRIES.items():
            name, cont, gid, eu, rir, w, langs, loc, _ = c
            cities = self.city_list_by_country[iso]
            legal = LEGAL.get(iso, ["Ltd"])
            n_isp = 3 if w >= 2 else 2
            n_mob = 3 if w >= 2 else 2
            for i in range(n_isp):
                stem = stems[int(rng.integers(len(stems)))]
                org = f"{stem} {ISP_SUFFIX[int(rng.integers(len(ISP_SUFFIX)))]} {legal[int(rng.integers(len(legal)))]}"
                if i == 0:
                    org = f"{name.split()[0]} {['Telecom', 'Telekom', 'Communications', 'Telecommunications'][int(rng.integers(4))]} {legal[0]}"
                self._add(AS(new_asn(i < 2), org, "isp", "residential", iso), cities, rir, rng)
            for i in range(n_mob):
                stem = stems[int(rng.integers(len(stems)))]
                org = f"{stem} {MOBILE_SUFFIX[int(rng.integers(len(MOBILE_SUFFIX)))]} {legal[int(rng.integers(len(legal)))]}"
                self._add(AS(new_asn(i == 0), org, "mobile", "mobile", iso), cities, rir, rng)
            n_uni = 2 if w >= 3 else (1 if w > 0 else 0)
            for i in range(n_uni):
                ci = cities[i % len(cities)]
                uni = [f"University of {ci.name}", f"{ci.name} Institute of Technology",
                       f"{ci.sub_name} State University", f"National Research and Education Network of {name}"][int(rng.integers(4)) if i else 0]
                self._add(AS(new_asn(True), uni, "education", "education", iso), [ci], rir, rng)
            n_ent = int(max(1, round(w / 3))) if w > 0 else 1
            for i in range(n_ent):
                ci = cities[int(rng.integers(len(cities)))]
                self._add(AS(new_asn(bool(rng.random() < 0.5)), None, "enterprise", "enterprise", iso), [ci], rir, rng)
        for org, kind, sub, npres in GLOBAL_ORGS:
            dc_countries = list(DC_CITIES)
            if sub in ("static_isp_proxy",):
                pres = ["US"] if "Ravenna" not in org else ["GB"]
            else:
                # big ones everywhere, small ones in a few popular places
                pres = dc_countries[:max(2, npres)] if sub != "vpn" else list(rng.permutation(dc_countries)[:npres])
                if sub == "vpn":
                    pres = sorted(set(pres) | {"US", "NL", "DE", "GB"})
            cities = [self.cities[(p, cn)] for p in pres for cn in DC_CITIES[p][: (2 if sub == "cloud" else 1)]]
            home = "US" if any(s in org for s in ("Inc", "LLC", "Corp")) else pres[0]
            self._add(AS(new_asn(sub not in ("vpn",)), org, kind, sub, home), cities, None, rng)
        # enterprise organisation names
        from faker import Faker
        f = Faker("en_US")
        f.seed_instance(seed * 7 + 3)
        for a in self.ases:
            if a.org is None:
                comp = f.company().replace(",", "")
                a.org = f"{comp} {LEGAL.get(a.country, ['Ltd'])[0]}" if a.country != "US" else comp
                a.domain = "".join(ch for ch in comp.lower().split()[0] if ch.isalpha()) + \
                    [".com", ".io", ".net", ".co"][int(rng.integers(4))]

    @staticmethod
    def _make_v4_pool(rng):
        cands = []
        for a in range(11, 224):
            for b in range(0, 256, 1):
                n = ipaddress.ip_network(f"{a}.{b}.0.0/16")
                if any(n.overlaps(r) for r in RESERVED_V4):
                    continue
                cands.append(n)
        idx = rng.permutation(len(cands))[:900]
        return [cands[i] for i in idx]

    def _alloc_v4(self, plen):
        net16 = self._v4_pool[self._v4_next // 16]
        sub = list(net16.subnets(new_prefix=20))[self._v4_next % 16]
        self._v4_next += 1
        if plen == 20:
            return sub
        return next(sub.subnets(new_prefix=plen))

    def _alloc_v6(self, rir, rng):
        base = V6_BASE.get(rir or "RIPE")
        while True:
            hi = base + int(rng.integers(0, 16))  # inside the RIR's real /12
            second = int(rng.integers(0, 0x10000)) & 0xff00
            key = (hi, second)
            if key not in self._v6_used:
                self._v6_used.add(key)
                return ipaddress.ip_network(f"{hi:x}:{second:x}::/40")

    def _add(self, asys, cities, rir, rng):
        for ci in cities:
            plen = 20 if asys.kind in ("isp", "mobile") else 22
            if asys.sub in ("static_isp_proxy", "enterprise"):
                plen = 22
            v4 = self._alloc_v4(plen)
            v6 = self._alloc_v6(rir or COUNTRIES[ci.country][4], rng)
            b = Block(asys, ci, v4, v6)
            if asys.kind == "mobile":
                # carrier-grade NAT: a small pool of public addresses shared by every subscriber of the city
                base = int(v4.network_address)
                b.nat_pool = [str(ipaddress.IPv4Address(base + 256 + int(x)))
                              for x in rng.choice(np.arange(1, 250), size=40, replace=False)]
            asys.blocks.append(b)
        self.ases.append(asys)
        self.by_kind.setdefault(asys.sub, []).append(asys)

    # ------------------------------------------------------------------ queries
    def ases_of(self, sub, country=None):
        lst = self.by_kind.get(sub, [])
        if country is None:
            return lst
        return [a for a in lst if any(b.city.country == country for b in a.blocks)]

    def pick_as(self, rng, sub, country=None):
        lst = self.ases_of(sub, country)
        if not lst:
            lst = self.ases_of(sub)
        # first ASes of a kind are the incumbents: weight them more (Zipf-like market shares)
        w = np.array([1.0 / (i + 1) ** 0.8 for i in range(len(lst))])
        return lst[int(rng.choice(len(lst), p=w / w.sum()))]

    @staticmethod
    def v4_in(rng, block, low=None):
        n = block.v4.num_addresses
        off = int(rng.integers(2, n - 2))
        if (off & 0xff) in (0, 255):
            off += 1
        return str(block.v4.network_address + off)

    @staticmethod
    def v6_prefix64(rng, block):
        """A random /64 in the block (a subscriber's delegated prefix or a server subnet)."""
        sub = int(rng.integers(0, 1 << 24))
        return int(block.v6.network_address) + (sub << 64)

    @staticmethod
    def v6_in(rng, p64, iid=None):
        if iid is None:
            iid = int(rng.integers(1, 1 << 62)) * 2 + 1
        return str(ipaddress.IPv6Address(p64 + iid))

    @staticmethod
    def nat_ip(rng, block):
        return block.nat_pool[int(rng.integers(len(block.nat_pool)))]

    def city(self, country, name=None, rng=None):
        lst = self.city_list_by_country[country]
        if name:
            for c in lst:
                if c.name == name:
                    return c
        return lst[int(rng.integers(len(lst)))] if rng is not None else lst[0]

    def legit_country_weights(self):
        isos = [k for k, v in COUNTRIES.items() if v[5] > 0]
        w = np.array([COUNTRIES[k][5] for k in isos], dtype=float)
        return isos, w / w.sum()
