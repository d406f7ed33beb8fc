"""The invented internet: autonomous systems, their prefixes and geolocation,
the access lines people and operations use, and the two MaxMind databases.

Prefixes are invented (allocated deterministically from each RIR's real /8s and
/12s, never from reserved space) and never overlap.  AS numbers and organisation
strings are the ones GeoLite2-ASN shows for those networks.
"""
import ipaddress

from .geo import COUNTRIES, CONTINENTS
from .rand import R, W

RIR_V4 = {
    "APNIC": [1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115,
              116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 133, 150, 153, 163, 171, 175,
              180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222, 223],
    "RIPE": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92,
             93, 94, 95, 109, 141, 145, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "ARIN": [3, 4, 8, 12, 13, 15, 16, 17, 18, 20, 23, 24, 34, 35, 40, 45, 47, 50, 52, 54, 63, 64,
             65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 136,
             142, 143, 144, 146, 147, 148, 149, 152, 155, 156, 157, 158, 159, 160, 161, 162, 164,
             165, 166, 167, 168, 170, 173, 174, 184, 199, 204, 205, 206, 207, 208, 209, 216],
    "LACNIC": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
}
RIR_V6 = {"APNIC": 0x2400, "RIPE": 0x2A00, "ARIN": 0x2600, "LACNIC": 0x2800}
COUNTRY_RIR = {c: "APNIC" for c in ("JP", "KR", "TW", "CN", "HK", "SG", "ID", "VN", "AU")}
COUNTRY_RIR.update({c: "ARIN" for c in ("US", "CA")})
COUNTRY_RIR["BR"] = "LACNIC"

# ---------------------------------------------------------------------------
# Catalogue.  (asn, GeoLite2 organisation string, share, IPv6 share)
RESIDENTIAL = {
    "JP": [(4713, "NTT Communications Corporation", 30, .70), (2516, "KDDI CORPORATION", 22, .60),
           (17676, "SoftBank Corp.", 20, .60), (2527, "Sony Network Communications Inc.", 10, .55),
           (2518, "BIGLOBE Inc.", 8, .50), (17506, "ARTERIA Networks Corporation", 5, .20),
           (9824, "JCOM Co., Ltd.", 5, .30)],
    "KR": [(4766, "Korea Telecom", 42, .08), (9318, "SK Broadband Co Ltd", 30, .08),
           (17858, "LG POWERCOMM", 20, .10), (38091, "LG HelloVision Corp.", 8, 0)],
    "TW": [(3462, "Chunghwa Telecom Co., Ltd.", 60, .30),
           (9924, "Taiwan Fixed Network, Telco and Network Service Provider.", 20, .10),
           (4780, "Digital United Inc.", 20, 0)],
    "HK": [(9304, "HGC Global Communications Limited", 50, .1), (9269, "Hong Kong Broadband Network Ltd", 50, .2)],
    "SG": [(3758, "SingNet", 55, .4), (4657, "StarHub Ltd", 45, .2)],
    "ID": [(7713, "PT Telekomunikasi Indonesia", 55, .10), (63859, "PT. Eka Mas Republik", 15, 0),
           (23700, "Fastnet", 15, 0), (17451, "BIZNET NETWORKS", 15, .1)],
    "VN": [(7552, "Viettel Group", 40, .40), (45899, "VNPT Corp", 35, .30), (18403, "FPT Telecom Company", 25, .35)],
    "DE": [(3320, "Deutsche Telekom AG", 45, .65), (3209, "Vodafone GmbH", 30, .45),
           (6805, "Telefonica Germany GmbH & Co.OHG", 10, .30), (8881, "1&1 Versatel Deutschland GmbH", 10, .40),
           (8422, "NetCologne GmbH", 5, .20)],
    "FR": [(3215, "Orange", 40, .50), (12322, "Free SAS", 25, .85),
           (15557, "Societe Francaise Du Radiotelephone - SFR SA", 20, .30), (5410, "Bouygues Telecom SA", 15, .50)],
    "PL": [(5617, "Orange Polska Spolka Akcyjna", 35, .20), (12741, "Netia SA", 15, .10),
           (29314, "Vectra S.A.", 15, .10), (6830, "Liberty Global B.V.", 20, .15),
           (21243, "Multimedia Polska S.A.", 15, 0)],
    "GB": [(2856, "British Telecommunications PLC", 35, .60), (5089, "Virgin Media Limited", 25, .10),
           (5607, "Sky UK Limited", 25, .80), (13285, "TalkTalk Communications Limited", 15, 0)],
    "IE": [(5466, "Eircom Limited", 60, .2), (6830, "Liberty Global B.V.", 40, .1)],
    "ES": [(3352, "Telefonica De Espana S.A.U.", 40, .20), (12430, "VODAFONE ESPANA S.A.U.", 20, .10),
           (12479, "Orange Espagne SA", 25, .10), (16299, "Xfera Moviles S.A.", 15, .30)],
    "IT": [(3269, "Telecom Italia S.p.A.", 40, .10), (30722, "Vodafone Italia S.p.A.", 15, .10),
           (1267, "Wind Tre S.p.A.", 20, .10), (12874, "Fastweb SpA", 20, .30), (29447, "Iliad Italia S.p.A.", 5, .60)],
    "NL": [(33915, "Vodafone Libertel B.V.", 50, .5), (1136, "KPN B.V.", 50, .6)],
    "SE": [(3301, "Telia Company AB", 40, .30), (1257, "Tele2 Sverige AB", 30, .20), (8473, "Bahnhof AB", 30, .40)],
    "NO": [(2119, "Telenor Norge AS", 50, .50), (12929, "Telia Norge AS", 30, .30), (29695, "Altibox AS", 20, .50)],
    "DK": [(3292, "TDC Holding A/S", 55, .20), (31027, "GlobalConnect A/S", 45, .30)],
    "FI": [(719, "Elisa Oyj", 45, .50), (16086, "DNA Oyj", 35, .40), (1759, "Telia Finland Oyj", 20, .20)],
    "CH": [(3303, "Swisscom (Schweiz) AG", 100, .6)],
    "RO": [(8708, "RCS & RDS", 100, .3)],
    "US": [(7922, "COMCAST-7922", 30, .70), (20115, "CHARTER-20115", 22, .50), (7018, "ATT-INTERNET4", 18, .60),
           (701, "UUNET", 10, .20), (22773, "ASN-CXA-ALL-CCI-22773-RDC", 8, .40),
           (209, "CENTURYLINK-US-LEGACY-QWEST", 7, .10), (5650, "FRONTIER-FRTR", 5, .20)],
    "CA": [(812, "Rogers Communications Canada Inc.", 30, .30), (577, "BACOM", 35, .10),
           (852, "TELUS Communications Inc.", 20, .50), (5769, "Videotron Ltee", 15, .20)],
    "BR": [(28573, "Claro NXT Telecomunicacoes Ltda", 35, .50), (27699, "TELEFONICA BRASIL S.A", 35, .60),
           (26615, "TIM S/A", 15, .50), (28126, "BRISANET SERVICOS DE TELECOMUNICACOES S.A", 15, .40)],
    "AU": [(1221, "Telstra Limited", 50, .5), (7545, "TPG Telecom Limited", 50, .3)],
}
MOBILE = {
    "JP": [(9605, "NTT DOCOMO, INC.", 38, .55), (2516, "KDDI CORPORATION", 30, .50),
           (17676, "SoftBank Corp.", 25, .50), (138384, "Rakuten Mobile,Inc.", 7, .60)],
    "KR": [(9644, "SK Telecom", 47, .60), (4766, "Korea Telecom", 30, .50), (17858, "LG POWERCOMM", 23, .50)],
    "TW": [(3462, "Chunghwa Telecom Co., Ltd.", 40, .30), (24158, "Taiwan Mobile Co., Ltd.", 30, .20),
           (9674, "Far EasTone Telecommunication Co., Ltd.", 30, .20)],
    "HK": [(9304, "HGC Global Communications Limited", 100, .1)],
    "SG": [(9506, "Singtel Fibre Broadband", 100, .3)],
    "ID": [(23693, "PT. Telekomunikasi Selular", 50, .20), (4761, "PT Indosat Tbk.", 30, .10),
           (24203, "PT. XL AXIATA TBK", 20, .15)],
    "VN": [(7552, "Viettel Group", 50, .40), (45899, "VNPT Corp", 30, .20), (131429, "MOBIFONE Corporation", 20, .10)],
    "DE": [(3320, "Deutsche Telekom AG", 35, .70), (3209, "Vodafone GmbH", 30, .50),
           (6805, "Telefonica Germany GmbH & Co.OHG", 35, .40)],
    "FR": [(3215, "Orange", 40, .50), (51207, "Free Mobile SAS", 25, .60),
           (15557, "Societe Francaise Du Radiotelephone - SFR SA", 20, .30), (5410, "Bouygues Telecom SA", 15, .50)],
    "PL": [(39603, "P4 Sp. z o.o.", 30, .30), (8374, "Polkomtel Sp. z o.o.", 25, .10),
           (12912, "T-Mobile Polska S.A.", 25, .50), (5617, "Orange Polska Spolka Akcyjna", 20, .20)],
    "GB": [(12576, "EE Limited", 35, .60), (35228, "Telefonica UK Limited", 25, .10),
           (25135, "Vodafone Limited", 25, .20), (206067, "Hutchison 3G UK Limited", 15, .30)],
    "IE": [(5466, "Eircom Limited", 100, .2)],
    "ES": [(3352, "Telefonica De Espana S.A.U.", 40, .20), (12430, "VODAFONE ESPANA S.A.U.", 25, .10),
           (12479, "Orange Espagne SA", 35, .10)],
    "IT": [(3269, "Telecom Italia S.p.A.", 35, .10), (30722, "Vodafone Italia S.p.A.", 25, .10),
           (1267, "Wind Tre S.p.A.", 25, .10), (29447, "Iliad Italia S.p.A.", 15, .60)],
    "NL": [(1136, "KPN B.V.", 60, .6), (50266, "Odido Netherlands B.V.", 40, .4)],
    "SE": [(3301, "Telia Company AB", 45, .30), (1257, "Tele2 Sverige AB", 30, .20), (44034, "Hi3G Access AB", 25, .30)],
    "NO": [(2119, "Telenor Norge AS", 60, .50), (12929, "Telia Norge AS", 40, .30)],
    "DK": [(3292, "TDC Holding A/S", 60, .20), (203953, "Hi3G Denmark ApS", 40, .30)],
    "FI": [(719, "Elisa Oyj", 45, .50), (16086, "DNA Oyj", 35, .40), (1759, "Telia Finland Oyj", 20, .20)],
    "CH": [(3303, "Swisscom (Schweiz) AG", 100, .6)],
    "US": [(21928, "T-MOBILE-AS21928", 45, .92), (22394, "CELLCO-PART", 35, .60),
           (20057, "ATT-MOBILITY-LLC-AS20057", 20, .70)],
    "CA": [(812, "Rogers Communications Canada Inc.", 35, .3), (577, "BACOM", 35, .1),
           (852, "TELUS Communications Inc.", 30, .5)],
    "BR": [(28573, "Claro NXT Telecomunicacoes Ltda", 35, .40), (26599, "TELEFONICA BRASIL S.A", 40, .50),
           (26615, "TIM S/A", 25, .50)],
    "AU": [(1221, "Telstra Limited", 60, .6), (4804, "Microplex PTY LTD", 40, .2)],
}
# provider key -> (asn, org, rir, registered country or None, [(country, city)], v6?)
HOSTING = {
    "aws": (16509, "AMAZON-02", "ARIN", None, [("US", "Ashburn"), ("US", "Boardman"), ("JP", "Tokyo"), ("KR", "Seoul"),
            ("DE", "Frankfurt am Main"), ("IE", "Dublin"), ("GB", "London"), ("FR", "Paris"), ("BR", "Sao Paulo"),
            ("SG", "Singapore"), ("ID", "Jakarta"), ("SE", "Stockholm"), ("HK", "Hong Kong")], True),
    "gcp": (396982, "GOOGLE-CLOUD-PLATFORM", "ARIN", None, [("US", "Council Bluffs"), ("JP", "Tokyo"), ("DE", "Frankfurt am Main"),
            ("TW", "Taipei"), ("SG", "Singapore"), ("BR", "Sao Paulo"), ("NL", "Amsterdam")], True),
    "azure": (8075, "MICROSOFT-CORP-MSN-AS-BLOCK", "ARIN", None, [("US", "Des Moines"), ("US", "Ashburn"), ("NL", "Amsterdam"),
              ("JP", "Tokyo"), ("KR", "Seoul"), ("IE", "Dublin"), ("BR", "Sao Paulo"), ("SG", "Singapore"),
              ("GB", "London"), ("FR", "Paris"), ("DE", "Frankfurt am Main")], True),
    "digitalocean": (14061, "DIGITALOCEAN-ASN", "ARIN", None, [("US", "New York"), ("US", "Santa Clara"), ("NL", "Amsterdam"),
                     ("DE", "Frankfurt am Main"), ("GB", "London"), ("SG", "Singapore"), ("CA", "Toronto")], True),
    "hetzner": (24940, "Hetzner Online GmbH", "RIPE", None, [("DE", "Falkenstein"), ("DE", "Nuremberg"), ("FI", "Helsinki"),
                ("US", "Ashburn")], True),
    "ovh": (16276, "OVH SAS", "RIPE", None, [("FR", "Roubaix"), ("FR", "Gravelines"), ("PL", "Warsaw"), ("CA", "Montreal"),
            ("SG", "Singapore"), ("DE", "Frankfurt am Main")], True),
    "vultr": (20473, "AS-CHOOPA", "ARIN", None, [("JP", "Tokyo"), ("JP", "Osaka"), ("KR", "Seoul"), ("SG", "Singapore"),
              ("US", "Los Angeles"), ("US", "New York"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam")], True),
    "linode": (63949, "Akamai Connected Cloud", "ARIN", None, [("US", "New York"), ("JP", "Tokyo"), ("JP", "Osaka"),
               ("SG", "Singapore"), ("DE", "Frankfurt am Main"), ("GB", "London")], True),
    "contabo": (51167, "Contabo GmbH", "RIPE", None, [("DE", "Nuremberg"), ("US", "Chicago"), ("SG", "Singapore")], True),
    "alibaba": (45102, "Alibaba US Technology Co., Ltd.", "ARIN", None, [("SG", "Singapore"), ("JP", "Tokyo"),
                ("HK", "Hong Kong"), ("DE", "Frankfurt am Main"), ("US", "Santa Clara")], False),
    "tencent": (132203, "Tencent Building, Kejizhongyi Avenue", "APNIC", None, [("SG", "Singapore"), ("KR", "Seoul"),
                ("JP", "Tokyo"), ("HK", "Hong Kong"), ("US", "Santa Clara")], False),
    "oracle": (31898, "ORACLE-BMC-31898", "ARIN", None, [("US", "Ashburn"), ("JP", "Tokyo"), ("KR", "Seoul"),
               ("DE", "Frankfurt am Main")], False),
    "zscaler-us": (53813, "ZSCALER-INC", "ARIN", None, [("US", "New York"), ("US", "Santa Clara"), ("JP", "Tokyo")], False),
    "zscaler-eu": (62044, "Zscaler Switzerland GmbH", "RIPE", "CH", [("DE", "Frankfurt am Main"), ("GB", "London"),
                   ("FR", "Paris"), ("NL", "Amsterdam")], False),
}
_VPN_CITIES = [("US", "New York"), ("US", "Los Angeles"), ("US", "Chicago"), ("US", "Miami"), ("JP", "Tokyo"),
               ("JP", "Osaka"), ("KR", "Seoul"), ("TW", "Taipei"), ("HK", "Hong Kong"), ("SG", "Singapore"),
               ("DE", "Frankfurt am Main"), ("DE", "Berlin"), ("GB", "London"), ("GB", "Manchester"), ("FR", "Paris"),
               ("NL", "Amsterdam"), ("PL", "Warsaw"), ("ES", "Madrid"), ("IT", "Milan"), ("SE", "Stockholm"),
               ("CA", "Toronto"), ("BR", "Sao Paulo"), ("AU", "Sydney"), ("CH", "Zurich"), ("RO", "Bucharest"),
               ("VN", "Ho Chi Minh City"), ("ID", "Jakarta")]
VPN = {
    "m247": (9009, "M247 Europe SRL", "RIPE", "RO", _VPN_CITIES, True),
    "datacamp": (60068, "Datacamp Limited", "RIPE", "GB", _VPN_CITIES[:24], True),
    "packethub": (207137, "PacketHub S.A.", "RIPE", "PA", _VPN_CITIES[:22], False),
    "cyberzone": (209854, "Cyberzone S.A.", "RIPE", "PA", _VPN_CITIES[:20], False),
    "tefincom": (136787, "TEFINCOM S.A.", "APNIC", "PA", [("JP", "Tokyo"), ("HK", "Hong Kong"), ("SG", "Singapore"),
                 ("TW", "Taipei"), ("KR", "Seoul"), ("VN", "Ho Chi Minh City"), ("ID", "Jakarta"), ("US", "Los Angeles")], False),
    "mullvad": (39351, "31173 Services AB", "RIPE", "SE", [("SE", "Stockholm"), ("DE", "Frankfurt am Main"), ("GB", "London"),
                ("US", "New York"), ("JP", "Tokyo"), ("NL", "Amsterdam"), ("CH", "Zurich")], True),
    "proton": (62371, "Proton AG", "RIPE", "CH", [("CH", "Zurich"), ("DE", "Frankfurt am Main"), ("US", "New York"),
               ("JP", "Tokyo"), ("FR", "Paris"), ("PL", "Warsaw"), ("GB", "London")], True),
    "clouvider": (62240, "Clouvider Limited", "RIPE", "GB", [("GB", "London"), ("DE", "Frankfurt am Main"),
                  ("US", "New York"), ("US", "Los Angeles")], True),
    "warp": (13335, "CLOUDFLARENET", "ARIN", "US", [("US", "New York"), ("US", "Los Angeles"), ("JP", "Tokyo"),
             ("KR", "Seoul"), ("DE", "Frankfurt am Main"), ("GB", "London"), ("FR", "Paris"), ("BR", "Sao Paulo"),
             ("SG", "Singapore"), ("ID", "Jakarta"), ("VN", "Ho Chi Minh City"), ("TW", "Taipei")], True),
}
# iCloud Private Relay egress operators.  Apple publishes the egress ranges with a
# coarse location; GeoLite2 maps them to the user's region.
RELAY = {
    "akamai-pr": (36183, "AKAMAI-AS", "ARIN"),
    "cloudflare-pr": (13335, "CLOUDFLARENET", "ARIN"),
    "fastly-pr": (54113, "FASTLY", "ARIN"),
}
RELAY_COUNTRIES = ["JP", "KR", "TW", "US", "CA", "DE", "FR", "GB", "PL", "ES", "IT", "SE", "NO", "DK", "FI",
                   "NL", "BR", "HK", "SG", "AU", "ID", "VN"]
# Research and education networks (key -> asn, org, rir, country, city)
EDU = {
    "sinet-tokyo": (2907, "Research Organization of Information and Systems, National Institute of Informatics", "APNIC", "JP", "Tokyo"),
    "sinet-kyoto": (2907, "Research Organization of Information and Systems, National Institute of Informatics", "APNIC", "JP", "Kyoto"),
    "kreonet-seoul": (1237, "Korea Institute of Science and Technology Information", "APNIC", "KR", "Seoul"),
    "jisc-london": (786, "Jisc Services Limited", "RIPE", "GB", "London"),
    "dfn-berlin": (680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "RIPE", "DE", "Berlin"),
    "renater-paris": (2200, "Renater", "RIPE", "FR", "Paris"),
    "csu-la": (2152, "CSUNET-SW", "ARIN", "US", "Los Angeles"),
    "pionier-krakow": (8501, "Poznan Supercomputing and Networking Center", "RIPE", "PL", "Krakow"),
    "tanet-taipei": (1659, "Taiwan Academic Network (TANet) Information Center", "APNIC", "TW", "Taipei"),
}
# Corporate egress lines: small static blocks on business ISPs.
CORP = {
    "agency-tokyo": (4713, "NTT Communications Corporation", "APNIC", "JP", "Tokyo"),
    "agency-seoul": (9318, "SK Broadband Co Ltd", "APNIC", "KR", "Seoul"),
    "agency-paris": (3215, "Orange", "RIPE", "FR", "Paris"),
    "studio-la": (7018, "ATT-INTERNET4", "ARIN", "US", "Los Angeles"),
    "studio-warsaw": (5617, "Orange Polska Spolka Akcyjna", "RIPE", "PL", "Warsaw"),
}


def fmt4(a: int) -> str:
    return f"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}"


def fmt6(a: int) -> str:
    return ipaddress.IPv6Address(a).compressed


class Net:
    __slots__ = ("asn", "org", "kind", "country", "city", "version", "base", "plen", "pool", "pool_w", "rec",
                 "key")

    def __init__(self, asn, org, kind, country, city, version, base, plen, rec, key):
        self.asn, self.org, self.kind, self.country, self.city = asn, org, kind, country, city
        self.version, self.base, self.plen, self.rec, self.key = version, base, plen, rec, key
        self.pool = None
        self.pool_w = None

    @property
    def size(self):
        return 1 << ((32 if self.version == 4 else 128) - self.plen)

    def cidr(self):
        return f"{fmt4(self.base) if self.version == 4 else fmt6(self.base)}/{self.plen}"

    def host(self, r: R) -> int:
        """A random usable address (v4) or a random /64 with random IID (v6)."""
        if self.version == 4:
            while True:
                a = self.base + 1 + int(r.u() * (self.size - 2))
                if self.plen >= 24 or 0 < (a & 255) < 255:
                    return a
        return self.base + (int(r.u() * (1 << (64 - self.plen))) << 64) + r.iid()

    def prefix64(self, r: R) -> int:
        assert self.version == 6
        return self.base + (int(r.u() * (1 << (64 - self.plen))) << 64)

    def make_pool(self, r: R, n: int, skew: float = 0.8):
        n = min(n, self.size - 2)
        offs = r.sample(range(1, min(self.size - 1, 4 * n + 2)), n) if self.version == 4 else \
            [int(r.u() * (1 << (64 - self.plen))) << 64 | r.int(1, 4095) for _ in range(n)]
        self.pool = [self.base + o for o in offs]
        self.pool_w = W([(i, 1.0 / (k + 1) ** skew) for k, i in enumerate(range(n))])

    def pooled(self, r: R) -> int:
        return self.pool[self.pool_w(r)]

    def fmt(self, a: int) -> str:
        return fmt4(a) if self.version == 4 else fmt6(a)


def _names(en):
    return {"en": en}


def city_record(country: str, city=None, accuracy=50, registered=None, with_postal=True):
    c = COUNTRIES[country]
    cont_code = c.continent
    cid, cname = CONTINENTS[cont_code]
    rec = {"continent": {"code": cont_code, "geoname_id": cid, "names": _names(cname)}}
    ctry = {"geoname_id": c.geoname_id, "iso_code": c.iso, "names": _names(c.name)}
    if c.eu:
        ctry["is_in_european_union"] = True
    rec["country"] = ctry
    rc = COUNTRIES[registered or country]
    reg = {"geoname_id": rc.geoname_id, "iso_code": rc.iso, "names": _names(rc.name)}
    if rc.eu:
        reg["is_in_european_union"] = True
    rec["registered_country"] = reg
    if city is None:
        rec["location"] = {"accuracy_radius": max(accuracy, 500), "latitude": c.lat, "longitude": c.lon,
                           "time_zone": c.tz}
        return rec
    ci = c.city(f"{country}:{city}") if isinstance(city, str) else city
    rec["city"] = {"geoname_id": ci.geoname_id, "names": _names(ci.name)}
    rec["location"] = {"accuracy_radius": accuracy, "latitude": ci.lat, "longitude": ci.lon, "time_zone": ci.tz}
    if with_postal and ci.postal:
        rec["postal"] = {"code": ci.postal}
    if ci.sub:
        rec["subdivisions"] = [{"geoname_id": ci.sub[2], "iso_code": ci.sub[0], "names": _names(ci.sub[1])}]
    return rec


class _Alloc:
    """Non-overlapping, aligned allocation inside each RIR's space."""

    def __init__(self, r: R):
        self.r = r
        self.v4_cursor = {}
        self.v6_used = set()
        self.v6_as = {}

    def v4(self, rir: str, plen: int) -> int:
        size = 1 << (32 - plen)
        first = self.r.pick(RIR_V4[rir])
        cur = self.v4_cursor.get(first)
        if cur is None:
            cur = (first << 24) + (self.r.int(0, 40) << 16)
        cur = (cur + size - 1) // size * size
        if cur + size > ((first + 1) << 24):
            RIR_V4[rir] = [x for x in RIR_V4[rir] if x != first]
            return self.v4(rir, plen)
        self.v4_cursor[first] = cur + size * (1 + self.r.int(0, 3))
        return cur

    def v6_for_as(self, rir: str, asn: int):
        key = (rir, asn)
        if key not in self.v6_as:
            while True:
                hi = ((RIR_V6[rir] | self.r.int(0, 15)) << 16) | self.r.int(0x0100, 0xFFFF)
                if hi not in self.v6_used:
                    break
            self.v6_used.add(hi)
            self.v6_as[key] = [hi << 96, 0]  # /32 base, cursor in units of /64
        return self.v6_as[key]

    def v6(self, rir: str, asn: int, plen: int) -> int:
        rec = self.v6_for_as(rir, asn)
        unit = 1 << (64 - plen)  # number of /64s
        cur = (rec[1] + unit - 1) // unit * unit
        rec[1] = cur + unit * (1 + self.r.int(0, 2))
        assert rec[1] < (1 << 32), "AS /32 exhausted"
        return rec[0] + (cur << 64)


class ISP:
    def __init__(self, asn, org, share, v6, country):
        self.asn, self.org, self.share, self.v6, self.country = asn, org, share, v6, country
        self.v4 = {}   # city key -> Net
        self.v6net = {}  # city key -> Net


class Internet:
    def __init__(self, seed: int):
        r = self.r = R(seed, "internet")
        self.nets = []
        al = _Alloc(r)
        self.res, self.mob = {}, {}
        # residential
        for cc, lst in RESIDENTIAL.items():
            country = COUNTRIES[cc]
            rir = COUNTRY_RIR.get(cc, "RIPE")
            isps = []
            for asn, org, share, v6 in lst:
                isp = ISP(asn, org, share, v6, cc)
                cities = [c for c in country.cities if c.weight > 0] or country.cities
                for ci in cities:
                    plen = 17 if share >= 30 else 18
                    acc = r.pick([5, 10, 20, 50, 50, 100]) if cc not in ("ID", "VN", "BR") else r.pick([20, 50, 100, 200])
                    isp.v4[ci.key] = self._add(asn, org, "residential", cc, ci, 4, al.v4(rir, plen), plen,
                                               city_record(cc, ci, acc))
                    if v6 > 0:
                        isp.v6net[ci.key] = self._add(asn, org, "residential", cc, ci, 6, al.v6(rir, asn, 40), 40,
                                                      city_record(cc, ci, acc * 2))
                isps.append(isp)
            self.res[cc] = W([(i, i.share) for i in isps])
        # mobile: CGNAT v4 pools per big city, country-level v6
        for cc, lst in MOBILE.items():
            country = COUNTRIES[cc]
            rir = COUNTRY_RIR.get(cc, "RIPE")
            carriers = []
            big = sorted([c for c in country.cities if c.weight > 0], key=lambda c: -c.weight)[:4] or country.cities
            for asn, org, share, v6 in lst:
                car = ISP(asn, org, share, v6, cc)
                car.regions = W([(c.key, c.weight) for c in big])
                for ci in big:
                    n = self._add(asn, org, "mobile", cc, ci, 4, al.v4(rir, 22), 22,
                                  city_record(cc, ci, r.pick([100, 200, 500]), with_postal=False))
                    n.make_pool(r, 48 if share >= 25 else 24, skew=0.7)
                    car.v4[ci.key] = n
                if v6 > 0:
                    car.v6net["*"] = self._add(asn, org, "mobile", cc, None, 6, al.v6(rir, asn, 36), 36,
                                               city_record(cc, None, 1000))
                carriers.append(car)
            self.mob[cc] = W([(c, c.share) for c in carriers])
        # hosting, VPN
        self.host = {}
        for key, (asn, org, rir, regc, cities, has6) in list(HOSTING.items()) + list(VPN.items()):
            kind = "vpn" if key in VPN else "hosting"
            d = {}
            for cc, city in cities:
                ci = COUNTRIES[cc].city(f"{cc}:{city}")
                plen = 24 if kind == "vpn" else 20
                n4 = self._add(asn, org, kind, cc, ci, 4, al.v4(rir, plen), plen,
                               city_record(cc, ci, r.pick([20, 50, 100, 200]), registered=regc, with_postal=False))
                if kind == "vpn":
                    n4.make_pool(r, 48, skew=0.3)
                n6 = None
                if has6:
                    p6 = 48 if kind == "vpn" else 44
                    n6 = self._add(asn, org, kind, cc, ci, 6, al.v6(rir, asn, p6), p6,
                                   city_record(cc, ci, 100, registered=regc, with_postal=False))
                d[ci.key] = (n4, n6)
            self.host[key] = d
        # iCloud Private Relay egress
        self.relay = {}
        for cc in RELAY_COUNTRIES:
            country = COUNTRIES[cc]
            big = sorted([c for c in country.cities if c.weight > 0], key=lambda c: -c.weight)[:3] or country.cities
            lst = []
            for key, (asn, org, rir) in RELAY.items():
                if key == "fastly-pr" and cc not in ("US", "JP", "GB", "DE", "CA", "FR"):
                    continue
                for ci in big:
                    n4 = self._add(asn, org, "relay", cc, ci, 4, al.v4(rir, 24), 24,
                                   city_record(cc, ci, 100, with_postal=False))
                    n4.make_pool(r, 64, skew=0.2)
                    n6 = self._add(asn, org, "relay", cc, ci, 6, al.v6(rir, asn, 48), 48,
                                   city_record(cc, ci, 100, with_postal=False))
                    lst.append((n4, n6, ci.weight))
            self.relay[cc] = W([((a, b), w) for a, b, w in lst])
        # education and corporate
        self.edu = {}
        for key, (asn, org, rir, cc, city) in EDU.items():
            ci = COUNTRIES[cc].city(f"{cc}:{city}")
            n4 = self._add(asn, org, "education", cc, ci, 4, al.v4(rir, 20), 20, city_record(cc, ci, 20))
            n6 = self._add(asn, org, "education", cc, ci, 6, al.v6(rir, asn, 48), 48, city_record(cc, ci, 20))
            self.edu[key] = (n4, n6)
        self.corp = {}
        for key, (asn, org, rir, cc, city) in CORP.items():
            ci = COUNTRIES[cc].city(f"{cc}:{city}")
            self.corp[key] = self._add(asn, org, "business", cc, ci, 4, al.v4(rir, 28), 28, city_record(cc, ci, 10))

        self.check_disjoint()

    def check_disjoint(self):
        for v in (4, 6):
            spans = sorted((n.base, n.base + n.size - 1, n.cidr()) for n in self.nets if n.version == v)
            for (a0, a1, c1), (b0, b1, c2) in zip(spans, spans[1:]):
                if b0 <= a1:
                    raise AssertionError(f"overlapping networks {c1} {c2}")

    def _add(self, asn, org, kind, cc, city, version, base, plen, rec):
        n = Net(asn, org, kind, cc, city.key if city is not None else None, version, base, plen, rec, len(self.nets))
        self.nets.append(n)
        return n

    # ------------------------------------------------------------------
    def write(self, asn_path: str, city_path: str):
        import mmdb_writer
        from mmdb_writer import MMDBWriter
        from netaddr import IPSet

        from .geo import WINDOW_END

        class _BuildClock:  # metadata build_epoch: fixed, so the files are byte-identical per seed
            @staticmethod
            def time():
                return float(WINDOW_END)
        saved, mmdb_writer.time = mmdb_writer.time, _BuildClock
        try:
            self._write(MMDBWriter, IPSet, asn_path, city_path)
        finally:
            mmdb_writer.time = saved

    def _write(self, MMDBWriter, IPSet, asn_path, city_path):
        asn_w = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN", languages=["en"],
                           description={"en": "Kanvas benchmark g: invented internet, GeoLite2-ASN layout"})
        city_w = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City", languages=["en"],
                            description={"en": "Kanvas benchmark g: invented internet, GeoLite2-City layout"})
        for n in self.nets:
            s = IPSet([n.cidr()])
            asn_w.insert_network(s, {"autonomous_system_number": n.asn, "autonomous_system_organization": n.org})
            city_w.insert_network(s, n.rec)
        asn_w.to_db_file(asn_path)
        city_w.to_db_file(city_path)


# ---------------------------------------------------------------------------
# Access lines: how a person or an operation reaches the service.
class HomeLine:
    """A household broadband line: one (slowly changing) IPv4, maybe an IPv6 /64."""

    def __init__(self, inet: Internet, r: R, country: str, city_key=None, isp=None):
        self.isp = isp or inet.res[country](r)
        if city_key is None or city_key not in self.isp.v4:
            keys = list(self.isp.v4.keys())
            city_key = wc(r, [(k, COUNTRIES[country].city(k).weight or 1) for k in keys])
        self.city_key = city_key
        self.n4 = self.isp.v4[city_key]
        self.ip4 = self.n4.host(r)
        n6 = self.isp.v6net.get(city_key)
        self.n6 = n6 if (n6 is not None and r.u() < self.isp.v6) else None
        self.p64 = self.n6.prefix64(r) if self.n6 else None

    @property
    def tz(self):
        return COUNTRIES[self.isp.country].city(self.city_key).tz

    def ip(self, r: R, v6_ok=True) -> str:
        if r.u() < 0.02:  # dynamic address renewed
            self.ip4 = self.n4.host(r)
        if self.p64 is not None and v6_ok and r.u() < 0.85:
            return fmt6(self.p64 | r.iid())
        return fmt4(self.ip4)


class MobileLine:
    """A phone's cellular data: shared CGNAT IPv4 or a fresh IPv6 /64 per attach."""

    def __init__(self, inet: Internet, r: R, country: str, carrier=None, v6_capable=True, region=None):
        self.car = carrier or inet.mob[country](r)
        self.region = region or self.car.regions(r)
        self.v6 = v6_capable and "*" in self.car.v6net and r.u() < min(1.0, self.car.v6 * 1.1)

    def ip(self, r: R, v6_ok=True) -> str:
        if self.v6 and v6_ok:
            return fmt6(self.car.v6net["*"].host(r))
        n = self.car.v4[self.region if r.u() < 0.9 else self.car.regions(r)]
        return fmt4(n.pooled(r))


class PoolLine:
    """An egress shared by many people: VPN server, Private Relay, PC bang, lab."""

    def __init__(self, n4, n6=None, v6_share=0.0, fixed4=None):
        self.n4, self.n6, self.v6_share, self.fixed4 = n4, n6, v6_share, fixed4

    def ip(self, r: R, v6_ok=True) -> str:
        if self.n6 is not None and v6_ok and r.u() < self.v6_share:
            return fmt6(self.n6.host(r))
        if self.fixed4 is not None:
            return fmt4(self.fixed4 if isinstance(self.fixed4, int) else r.pick(self.fixed4))
        return fmt4(self.n4.pooled(r) if self.n4.pool else self.n4.host(r))


def wc(r, pairs):
    from .rand import wpick
    return wpick(r, pairs)
