"""The invented Internet: ASNs, address blocks, geolocation, MaxMind databases."""
import ipaddress

from geodata import COUNTRIES, CITIES, CONTINENTS, CITY_ALT_NAMES, UNSUPPORTED
from util import h64, sub_rng, wpick, zipf_weights, WeightedChoice

RIR_V4 = {
    "arin": [3, 4, 8, 12, 13, 18, 23, 24, 34, 35, 38, 44, 45, 47, 50, 52, 54, 63, 64, 65, 66, 67, 68, 69, 70, 71,
             72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 128, 129, 130, 131, 132, 134, 135, 136, 137, 138,
             139, 140, 142, 143, 144, 146, 147, 148, 149, 152, 155, 156, 157, 158, 159, 160, 161, 162, 164, 165,
             166, 167, 168, 170, 173, 174, 184, 192, 198, 199, 204, 205, 206, 207, 208, 209, 216],
    "ripe": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109,
             141, 145, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "apnic": [1, 14, 27, 36, 39, 42, 43, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117,
              118, 119, 120, 121, 122, 123, 124, 125, 126, 133, 150, 153, 175, 180, 182, 183, 202, 210, 211, 218,
              219, 220, 221, 222, 223],
    "lacnic": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
    "afrinic": [41, 102, 105, 154, 196, 197],
}
RIR_V6 = {"arin": (0x2600, 0x2607), "ripe": (0x2a00, 0x2a0f), "apnic": (0x2400, 0x240f),
          "lacnic": (0x2800, 0x2803), "afrinic": (0x2c0f, 0x2c0f)}
ASN_RANGES = {
    "old": [(701, 33000)],
    "arin": [(10000, 33000), (393216, 401500)],
    "ripe": [(8000, 65000), (196608, 216000)],
    "apnic": [(4600, 10000), (17400, 24500), (131072, 152000)],
    "lacnic": [(26600, 28700), (52224, 53247), (262144, 273000)],
    "afrinic": [(36864, 37887), (327680, 329500)],
}


def _bad16(a, b):
    if a == 100 and b >= 64:
        return True
    if a == 169 and b == 254:
        return True
    if a == 172 and 16 <= b <= 31:
        return True
    if a == 192 and b in (0, 88, 168):
        return True
    if a == 198 and b in (18, 19, 51):
        return True
    if a == 203 and b == 0:
        return True
    return False


BRAND = """Altira Amberlink Arcadia Ardent Ashgrove Avalon Axial Beacon Bellcrest Birchwood Bluefin Boreal Brightwater
Brookfield Calyx Cardinal Cascade Cedarline Clearpath Coastline Cobalt Corvus Crestline Crosswave Dunmore Eastlink
Elmstead Emberline Everlink Fairpoint Fernway Firefly Flintlock Foxhollow Galena Gatewood Glenfield Granite
Greystone Harbourline Hartwell Hawkridge Heliant Highgate Hollis Ironbark Ivybridge Juno Kestrel Keystone
Kingsway Lakeview Larkspur Linden Lodestar Lumenta Magnolia Mariner Meadowbrook Meridia Milestone Monarch Netora
Northwind Novalink Oakmont Onyx Orbita Ostra Palisade Paragon Pinecrest Pioneer Polaris Prairie Quartzline Radiant
Redwood Ridgeline Riverbend Rockport Rosewood Saffron Sagebrush Sapphire Sentinel Shoreline Sierra Silverline Skyreach
Solstice Sparrow Starling Stonebridge Summit Sunrise Tamarack Telora Thistle Tidewater Timberline Trident Tundra
Unicorda Valence Vantage Velora Vireo Wavecrest Westmark Willowbrook Windward Yarrow Zenith Zephyr Aldera Bravia
Caldera Fortis Halcyra Isola Xanadu Aurora Helios Atlas Cedarpeak""".split()

REGIONAL_BRAND = {
    ("MX", "AR", "CO", "CL", "PE", "ES", "PA"): "Delmar Estrella Gaviota Verano Rivera Solara Terrano Urbano Veloz Zafiro Andes Pampa Patagon Caribe Maya Azteca Iberica Frontera Horizonte",
    ("BR", "PT"): "Jardim Karavel Lirio Mirante Nascente Oriente Primavera Quinta Lusitana Tagus Douro Horizonte",
    ("DE", "AT", "CH"): "Nordlicht Rheinwelle Bergblick Seenetz Talnetz Alpennetz Ostsee",
    ("NO", "SE", "DK", "FI"): "Fjordnett Nordkapp Norrsken Skagen",
    ("JP",): "Sakura Hikari Kaze Midori Sora Yamato", ("KR",): "Haneul Baram Saebyeol Hanbit",
    ("ID", "MY"): "Garuda Nusantara Cendana Mekar", ("VN", "TH"): "Lotus Mekong Phoenixa", ("CN", "TW", "HK", "SG"): "Zhenyu Tianhe Jinlong",
    ("RU", "BY", "UA", "KZ"): "Volna Zarya Iskra Sever Rassvet Tengri Karpaty", ("IN", "PK", "BD"): "Ganga Suryoday Prakash Sahyadri Nakshatra Kaveri",
    ("NG", "KE", "ZA", "EG", "SC"): "Savanna Baobab Kilima Jambo Umoja Simba Nile Sahara", ("TR",): "Anadolu Bosphora Marmara",
    ("AM", "GE"): "Ararat Kavkaz", ("RO", "MD", "HU", "RS", "CZ", "PL", "GR", "CY"): "Danubia Balkanet Adriatica Olympia Vistula",
}
REGIONAL_BRAND = {k: v.split() for k, v in REGIONAL_BRAND.items()}

ISP_TEMPL = {
    "US": ["{B} Communications, LLC", "{B} Cable Inc.", "{B} Broadband", "{B} Fiber LLC", "{B} Telephone Company", "{U}NET"],
    "CA": ["{B} Communications Inc.", "{B} Cable Ltd.", "{B} Telecom Inc."],
    "GB": ["{B} Broadband Ltd", "{B} Telecom Limited", "{B} Networks Ltd", "{B} Fibre Ltd"],
    "IE": ["{B} Broadband Ltd", "{B} Telecom Ireland Limited"],
    "AU": ["{B} Broadband Pty Ltd", "{B} Telecommunications Pty Ltd", "{B} Networks Pty Ltd"],
    "NZ": ["{B} Broadband Ltd", "{B} Networks Limited"],
    "DE": ["{B} Kabel GmbH", "{B}Net GmbH", "{B} Telekommunikation GmbH", "Stadtwerke {C} GmbH", "{B} Deutschland GmbH"],
    "AT": ["{B} Kabel GmbH", "{B} Telekom Austria AG"], "CH": ["{B} Telecom AG", "{B}net AG"],
    "FR": ["{B} Télécom SAS", "{B} Réseaux SAS", "Societe {B} SA"],
    "BE": ["{B} NV", "{B} Telecom SA"], "NL": ["{B} B.V.", "{B} Netwerken B.V."],
    "ES": ["{B} Telecomunicaciones S.A.", "{B} Fibra S.L."], "PT": ["{B} Comunicações S.A.", "{B} Telecom S.A."],
    "IT": ["{B} S.p.A.", "{B} Telecomunicazioni S.r.l."],
    "SE": ["{B} AB", "{B} Bredband AB"], "NO": ["{B} AS", "{B} Bredbånd AS"], "DK": ["{B} A/S"], "FI": ["{B} Oy", "{B} Oyj"],
    "PL": ["{B} Sp. z o.o.", "{B} S.A."], "CZ": ["{B} s.r.o.", "{B} a.s."], "RO": ["{B} S.R.L.", "{B} Communications SA"],
    "HU": ["{B} Zrt.", "{B} Kft."], "GR": ["{B} S.A.", "{B} Telecommunications S.A."],
    "UA": ["TOV {B}", "PrAT {B}", "{B} LLC"], "RU": ["PJSC {B}", "LLC {B}", "JSC {B}-Telecom"], "BY": ["RUE {B}", "{B} JLLC"],
    "KZ": ["JSC {B}", "{B} LLP"], "GE": ["{B} LLC", "JSC {B}"], "AM": ["{B} CJSC", "{B} LLC"], "RS": ["{B} d.o.o.", "{B} a.d."],
    "MD": ["{B} S.R.L.", "{B} Moldova SA"], "CY": ["{B} Ltd", "{B} Telecommunications Ltd"],
    "TR": ["{B} Telekomunikasyon A.S.", "{B} Iletisim Hizmetleri A.S."], "IL": ["{B} Communications Ltd", "{B} Telecom Ltd"],
    "AE": ["{B} Telecommunications Company PJSC"], "SA": ["{B} Telecom Company", "{B} Integrated Communications"],
    "EG": ["{B} Telecom Egypt", "{B} Data S.A.E."], "NG": ["{B} Nigeria Limited", "{B} Networks Ltd"],
    "KE": ["{B} Kenya Limited", "{B} Networks Ltd"], "ZA": ["{B} (Pty) Ltd", "{B} Fibre (Pty) Ltd"], "SC": ["{B} Seychelles Ltd"],
    "IN": ["{B} Broadband Private Limited", "{B} Infotel Ltd", "{B} Networks Pvt Ltd", "{B} Fibernet Pvt Ltd"],
    "PK": ["{B} Communications (Pvt) Ltd", "{B} Broadband Pvt Ltd"], "BD": ["{B} Online Ltd", "{B} Communication Ltd"],
    "JP": ["{B} Communications Corporation", "{B} Network Co., Ltd.", "{B} Telecom Inc."],
    "KR": ["{B} Telecom Co., Ltd.", "{B} Broadband Corp."], "TW": ["{B} Telecom Co., Ltd.", "{B} Broadband Corp."],
    "HK": ["{B} Telecom Ltd", "{B} Broadband Network Ltd"], "SG": ["{B} Telecom Pte. Ltd.", "{B} Broadband Pte Ltd"],
    "MY": ["{B} Broadband Sdn Bhd", "{B} Telekom Berhad"], "TH": ["{B} Broadband Co., Ltd.", "{B} Internet Public Company Limited"],
    "VN": ["{B} Telecom Corporation", "{B} Telecom JSC"], "ID": ["PT {B} Telekomunikasi Indonesia", "PT {B} Media Nusantara", "PT {B} Lintas Data"],
    "PH": ["{B} Telecommunications, Inc.", "{B} Broadband Corp."], "CN": ["{B} Telecom Group", "{B} Network Communications Group Co., Ltd."],
    "IR": ["{B} Data Communication Company", "{B} Telecommunication PJS"],
    "MX": ["{B} Comunicaciones S.A. de C.V.", "{B} Telecom S.A. de C.V."], "PA": ["{B} Panamá S.A."],
    "BR": ["{B} Telecom Ltda", "{B} Internet Ltda", "{B} Comunicações S.A.", "{B} Fibra Ltda - ME"],
    "AR": ["{B} Telecomunicaciones S.A.", "{B} Argentina S.A."], "CO": ["{B} S.A.S. E.S.P.", "{B} Colombia S.A."],
    "CL": ["{B} Chile S.A.", "{B} Comunicaciones S.A."], "PE": ["{B} del Perú S.A.A.", "{B} Perú S.A."],
}
MOBILE_TEMPL = {
    "default": ["{B} Mobile", "{B} Wireless", "{B} Cellular", "{B} Mobile Telecommunications Company"],
    "DE": ["{B} Mobilfunk GmbH"], "AT": ["{B} Mobil GmbH"], "FR": ["{B} Mobile SA"], "ES": ["{B} Móviles S.A."],
    "MX": ["Radiomóvil {B} S.A. de C.V."], "BR": ["{B} Celular S.A.", "{B} Móvel S.A."], "AR": ["{B} Móviles S.A."],
    "ID": ["PT {B} Seluler", "PT {B} Telekomunikasi Seluler"], "IN": ["{B} Airwaves Ltd", "{B} Jio Infocomm Ltd", "{B} Cellular Ltd"],
    "JP": ["{B} Mobile Communications Inc."], "RU": ["PJSC {B} Mobile TeleSystems"], "TR": ["{B} Iletisim A.S."],
    "IT": ["{B} Mobile S.p.A."], "PL": ["{B} Polska S.A."], "NG": ["{B} Communications Nigeria Ltd"],
}


def _canon_name(iso):
    return COUNTRIES[iso]["names"]


class Block:
    __slots__ = ("net", "plen", "city", "country", "asn", "use", "v6", "acc")

    def __init__(self, net, plen, city, country, asn, use, v6=False, acc=None):
        self.net, self.plen, self.city, self.country, self.asn, self.use, self.v6 = net, plen, city, country, asn, use, v6
        self.acc = acc

    @property
    def size(self):
        return 1 << ((128 if self.v6 else 32) - self.plen)


class ASN:
    def __init__(self, number, org, kind, country, **kw):
        self.number, self.org, self.kind, self.country = number, org, kind, country
        self.blocks = []
        self.v6 = []
        self.by_city = {}
        self.v6_by_city = {}
        self.v6_country = {}
        self.attrs = kw
        self._pools = {}

    def __repr__(self):
        return "AS%d %s (%s)" % (self.number, self.org, self.kind)

    def add_block(self, b):
        self.blocks.append(b)
        key = (b.use, b.city["name"] if b.city else None, b.country)
        self.by_city.setdefault(key, []).append(b)


class World:
    def __init__(self, seed):
        self.seed = seed
        self.rng = sub_rng(seed, "world")
        self.asns = []
        self.asn_numbers = set()
        self.orgs = set()
        self.city_by_name = {}
        for iso, cl in CITIES.items():
            for c in cl:
                self.city_by_name[(iso, c["name"])] = c
        self._v4_free = {}
        self._v4_cursor = {}
        self._v6_used = set()
        self.brands = list(BRAND)
        self.rng.shuffle(self.brands)
        self._brand_i = 0
        self._used_regional = set()
        self.isps = {}      # iso -> [(w, ASN)]
        self.mobiles = {}   # iso -> [(w, ASN)]
        self.named = {}
        self._build()

    # ----------------------------------------------------------------- allocation
    def _next_brand(self):
        if self._brand_i < len(self.brands):
            b = self.brands[self._brand_i]
            self._brand_i += 1
            return b
        pre = ["Alta", "Blue", "Bright", "Clear", "Crest", "Delta", "East", "Fair", "First", "Fusion", "Golden", "Green", "High",
               "Inter", "Key", "Lake", "Metro", "North", "Nova", "Omni", "Open", "Peak", "Prime", "Pure", "Quick", "River", "Sky",
               "Star", "Stream", "Sun", "Swift", "Terra", "True", "Vista", "West", "Wide", "Silver", "Cedar", "Maple", "Harbor"]
        suf = ["link", "net", "wave", "line", "fiber", "cast", "stream", "connect", "speed", "path", "point", "way", "cell", "air",
               "band", "bridge", "sphere", "reach", "gate", "port"]
        while True:
            b = self.rng.choice(pre) + self.rng.choice(suf)
            if b not in self._used_regional:
                self._used_regional.add(b)
                return b

    def _asn_number(self, rir, old=False):
        rng = self.rng
        while True:
            rngs = ASN_RANGES["old"] if old and rng.random() < 0.6 else ASN_RANGES[rir]
            lo, hi = rng.choice(rngs)
            n = rng.randint(lo, hi)
            if n not in self.asn_numbers and not (64496 <= n <= 131071):
                self.asn_numbers.add(n)
                return n

    def _alloc_v4(self, rir, plen):
        """Allocate an aligned block of /plen (16..24) from the region's space."""
        rng = self.rng
        size = 1 << (32 - plen)
        free = self._v4_free.setdefault(rir, [])
        while True:
            cur = self._v4_cursor.get(rir)
            if cur is None or cur[1] + size > cur[0] + 65536:
                while True:
                    a = rng.choice(RIR_V4[rir])
                    b = rng.randint(0, 255)
                    if _bad16(a, b) or (a, b) in free:
                        continue
                    free.append((a, b))
                    break
                base = (a << 24) | (b << 16)
                cur = [base, base]
                self._v4_cursor[rir] = cur
            off = cur[1]
            if off % size:
                off += size - off % size
            if off + size <= cur[0] + 65536:
                cur[1] = off + size
                return off
            self._v4_cursor[rir] = None

    def _fresh_16(self, rir):
        self._v4_cursor[rir] = None

    def _alloc_v6_32(self, rir):
        lo, hi = RIR_V6[rir]
        while True:
            a = self.rng.randint(lo, hi)
            b = self.rng.randint(0x0000, 0xffff) if rir != "afrinic" else self.rng.randint(0xf000, 0xffff)
            if (a, b) not in self._v6_used:
                self._v6_used.add((a, b))
                return (a << 112) | (b << 96)

    def new_asn(self, org, kind, country, rir=None, old=False, number=None, **kw):
        rir = rir or COUNTRIES[country]["rir"]
        num = number or self._asn_number(rir, old)
        if org in self.orgs:
            org = org + " " + ["Group", "Holdings", "Networks", "Services"][len(self.orgs) % 4]
        self.orgs.add(org)
        a = ASN(num, org, kind, country, rir=rir, **kw)
        self.asns.append(a)
        return a

    def add_v4(self, asn, city, country, use, n20=1, plen=20, acc=None):
        rir = asn.attrs["rir"]
        for _ in range(n20):
            net = self._alloc_v4(rir, plen)
            asn.add_block(Block(net, plen, city, country, asn, use, acc=acc))

    def add_v6(self, asn, cities_by_country):
        """Give the ASN a /32; map a /40 to each city; country-level records for the countries."""
        base = self._alloc_v6_32(asn.attrs["rir"])
        asn.v6.append(base)
        used = set()
        for iso, cities in cities_by_country.items():
            for c in cities:
                while True:
                    k = self.rng.randint(1, 255)
                    if k not in used:
                        used.add(k)
                        break
                asn.v6_by_city[(iso, c["name"])] = base | (k << 88)
            while True:
                k = self.rng.randint(1, 255)
                if k not in used:
                    used.add(k)
                    break
            asn.v6_country[iso] = base | (k << 88)

    # ------------------------------------------------------------------- builders
    def _org(self, iso, kind, brand=None):
        b = brand
        if b is None:
            reg = next((v for k, v in REGIONAL_BRAND.items() if iso in k), None)
            if reg and self.rng.random() < 0.5:
                b = self.rng.choice(reg)
                if b in self._used_regional:
                    b = None
                else:
                    self._used_regional.add(b)
            b = b or self._next_brand()
        if kind == "mobile":
            t = self.rng.choice(MOBILE_TEMPL.get(iso, []) + MOBILE_TEMPL["default"][:2])
        else:
            t = self.rng.choice(ISP_TEMPL.get(iso, ["{B} Telecom Ltd"]))
        city = self.rng.choice(CITIES[iso])["name"]
        city = CITY_ALT_NAMES.get(city, {}).get("de", city) if iso in ("DE", "AT", "CH") else city
        name = t.replace("{B}", b).replace("{U}", b.upper()).replace("{C}", city)
        r = self.rng.random()
        if r < 0.12:   # registry-handle style names are common in GeoLite2
            name = b.upper().replace(" ", "-") + "-AS"
        elif r < 0.17:
            name = "ASN-" + b.upper()
        return name

    def _build(self):
        rng = self.rng
        from worlddefs import COUNTRY_NET, HOSTING, VPNS, RELAYS, SWGS, ISP_PROXIES, TOR_HOSTS
        self.country_net = COUNTRY_NET
        # --- national ISPs and mobile carriers
        for iso in COUNTRIES:
            if iso not in CITIES:
                continue
            spec = COUNTRY_NET.get(iso, COUNTRY_NET["_default"])
            cities = [c for c in CITIES[iso] if c["w"] >= 0.3]
            n_isp, n_mob = spec["isp"], spec["mob"]
            isp_w = zipf_weights(n_isp, 0.9)
            self.isps[iso] = []
            for i in range(n_isp):
                incumbent = i == 0
                org = self._org(iso, "isp")
                a = self.new_asn(org, "isp", iso, old=incumbent,
                                 cgnat=(rng.random() < spec.get("cgnat", 0.0)),
                                 lease_days=rng.choice(spec.get("lease", [3, 7, 14, 30, 60])),
                                 v6=(rng.random() < spec.get("v6", 0.3) * (1.3 if incumbent else 0.8)),
                                 v6_rotate=(iso == "DE" and rng.random() < 0.6))
                cov = cities if (incumbent or rng.random() < 0.5) else rng.sample(cities, max(1, len(cities) // 2))
                scale = spec.get("scale", 1.0) * (2.0 if incumbent else 1.0)
                for c in cov:
                    n = max(1, int(round(c["w"] * scale * rng.uniform(0.4, 1.0))))
                    self._fresh_16(a.attrs["rir"]) if rng.random() < 0.3 else None
                    for _ in range(min(n, 8)):
                        self.add_v4(a, c, iso, "fixed", 1, rng.choice([19, 20, 20, 21, 22]), acc=rng.choice([5, 10, 20, 20, 50, 100]))
                # country-level block (coarse geolocation)
                self.add_v4(a, None, iso, "fixed", 1, 22, acc=rng.choice([100, 200, 500, 1000]))
                if a.attrs["v6"]:
                    self.add_v6(a, {iso: cov})
                # incumbents in many countries run fixed and mobile under one ASN
                if incumbent and rng.random() < spec.get("mixed", 0.35):
                    a.attrs["mixed"] = True
                self.isps[iso].append((isp_w[i], a))
            self.mobiles[iso] = []
            mob_w = zipf_weights(n_mob, 0.6)
            for i in range(n_mob):
                if i == 0 and self.isps[iso][0][1].attrs.get("mixed"):
                    a = self.isps[iso][0][1]
                    a.kind = "isp+mobile"
                else:
                    a = self.new_asn(self._org(iso, "mobile"), "mobile", iso, old=(i == 0 and rng.random() < 0.5))
                a.attrs.setdefault("mv6", rng.random() < spec.get("mv6", 0.3) * (1.5 if i == 0 else 1.0))
                a.attrs["pool24"] = spec.get("pool24", 2)
                big = [c for c in cities if c["w"] >= 1.5] or cities[:1]
                for c in big:
                    self.add_v4(a, c, iso, "mobile", 1, rng.choice([18, 19, 20]), acc=rng.choice([50, 100, 200, 500]))
                for _ in range(2):
                    self.add_v4(a, None, iso, "mobile", 1, 18, acc=rng.choice([500, 1000]))
                if a.attrs["mv6"]:
                    if not a.v6:
                        self.add_v6(a, {iso: big})
                    else:
                        a.attrs["mv6_shared"] = True
                self.mobiles[iso].append((mob_w[i], a))
        # --- hosting / cloud providers
        self.hosting = {}
        for h in HOSTING:
            a = self.new_asn(h["org"], "hosting", h["reg"], old=h.get("old", False), style=h.get("style", "cloud"))
            cities_by_c = {}
            for (iso, cname, n) in h["dcs"]:
                c = self.city_by_name[(iso, cname)]
                self.add_v4(a, c, iso, "dc", n, h.get("plen", 20), acc=rng.choice([5, 10, 20, 50, 100, 1000]))
                cities_by_c.setdefault(iso, []).append(c)
            if h.get("v6", True):
                self.add_v6(a, cities_by_c)
            self.hosting[h["key"]] = a
        # --- VPN providers with their own ASNs
        self.vpn = {}
        for v in VPNS:
            a = self.new_asn(v["org"], "vpn", v["reg"])
            cities_by_c = {}
            for (iso, cname, n) in v["pops"]:
                c = self.city_by_name[(iso, cname)]
                self.add_v4(a, c, iso, "vpn", n, 24, acc=rng.choice([5, 20, 100, 1000]))
                cities_by_c.setdefault(iso, []).append(c)
            if v.get("v6"):
                self.add_v6(a, cities_by_c)
            self.vpn[v["key"]] = a
        # --- CDN relays (privacy relay / WARP-like egress geolocated near the user)
        self.relays = {}
        for r in RELAYS:
            a = self.new_asn(r["org"], "hosting", r["reg"], style="cdn")
            cbc = {}
            for iso in r["countries"]:
                for c in sorted(CITIES[iso], key=lambda c: -c["w"])[:3]:
                    self.add_v4(a, c, iso, "relay", 1, 24, acc=rng.choice([20, 50, 100]))
                    cbc.setdefault(iso, []).append(c)
            self.add_v6(a, cbc)
            self.relays[r["key"]] = a
        # --- secure web gateways used by enterprises
        self.swgs = {}
        for s in SWGS:
            a = self.new_asn(s["org"], "hosting", s["reg"], style="swg")
            cbc = {}
            for (iso, cname) in s["pops"]:
                c = self.city_by_name[(iso, cname)]
                self.add_v4(a, c, iso, "swg", 1, 23, acc=rng.choice([10, 20, 50]))
                cbc.setdefault(iso, []).append(c)
            self.add_v6(a, cbc)
            self.swgs[s["key"]] = a
        # --- "ISP" proxy networks: residential-looking names, datacenter reality
        self.isp_proxies = {}
        for p in ISP_PROXIES:
            a = self.new_asn(p["org"], "isp", p["reg"], proxy=True)
            for (iso, cname, n) in p["cities"]:
                c = self.city_by_name[(iso, cname)]
                self.add_v4(a, c, iso, "fixed", n, 22, acc=rng.choice([5, 10, 20]))
            self.isp_proxies[p["key"]] = a
        # --- Tor-friendly hosts
        self.tor = []
        for t in TOR_HOSTS:
            a = self.new_asn(t["org"], "hosting", t["reg"], style="tor")
            c = self.city_by_name[(t["reg"], t["city"])]
            self.add_v4(a, c, t["reg"], "tor", 1, 24, acc=20)
            self.add_v6(a, {t["reg"]: [c]})
            self.tor.append(a)
        # --- universities, research networks, corporations
        from orgs import build_orgs
        build_orgs(self)

    # ------------------------------------------------------------------ sampling
    @staticmethod
    def v4str(n):
        return str(ipaddress.IPv4Address(n))

    @staticmethod
    def v6str(n):
        return str(ipaddress.IPv6Address(n))

    def blocks_for(self, asn, use, city, country=None):
        iso = country or (city["country"] if city else asn.country)
        if city is not None:
            bl = asn.by_city.get((use, city["name"], iso))
            if bl:
                return bl
        bl = [b for b in asn.blocks if b.use == use and b.country == iso]
        if not bl:
            bl = [b for b in asn.blocks if b.use == use] or asn.blocks
        return bl

    def host_in(self, block, k):
        size = block.size
        off = k % (size - 2) + 1
        n = block.net + off
        if (n & 0xff) in (0, 255):
            n = (n & ~0xff) | (1 + (k >> 3) % 250)
        return n

    def ip_household(self, asn, city, uid, t, use="fixed"):
        lease = asn.attrs.get("lease_days", 14) * 86400.0
        phase = (h64(uid, "lph") % 1000) / 1000.0 * lease
        epoch = int((t + phase) // lease)
        bl = self.blocks_for(asn, use, city)
        b = bl[h64(uid, "hb", epoch) % len(bl)]
        return self.v4str(self.host_in(b, h64(uid, "hh", epoch)))

    def ip_static(self, asn, city, key, use="fixed"):
        bl = self.blocks_for(asn, use, city)
        b = bl[h64(key, "sb") % len(bl)]
        return self.v4str(self.host_in(b, h64(key, "sh")))

    def ip_random(self, asn, city, rng, use="fixed"):
        bl = self.blocks_for(asn, use, city)
        b = bl[rng.randrange(len(bl))]
        return self.v4str(self.host_in(b, rng.getrandbits(32)))

    def pool(self, asn, city, use="mobile"):
        """CGNAT egress pool of a carrier/ISP for a region: a few /24s, skewed load."""
        key = (use, city["name"] if city else None)
        if key not in asn._pools:
            bl = self.blocks_for(asn, use, city)
            r = sub_rng(self.seed, "pool", asn.number, key)
            n24 = asn.attrs.get("pool24", 2)
            ips = []
            for i in range(n24):
                b = bl[r.randrange(len(bl))]
                n_sub = max(1, b.size // 256)
                base = b.net + 256 * r.randrange(n_sub)
                ips.extend(base + j for j in range(1, 255))
            r.shuffle(ips)
            asn._pools[key] = WeightedChoice(ips, zipf_weights(len(ips), 0.9))
        return asn._pools[key]

    def ip_cgnat(self, asn, city, rng, use="mobile"):
        return self.v4str(self.pool(asn, city, use).pick(rng))

    def v6_prefix40(self, asn, city, iso=None):
        iso = iso or (city["country"] if city else asn.country)
        if city is not None and (iso, city["name"]) in asn.v6_by_city:
            return asn.v6_by_city[(iso, city["name"])]
        if iso in asn.v6_country:
            return asn.v6_country[iso]
        return next(iter(asn.v6_country.values()))

    def ip6_household(self, asn, city, uid, t, rng, stable_iid=False):
        p40 = self.v6_prefix40(asn, city)
        epoch = int(t // 86400) if asn.attrs.get("v6_rotate") else 0
        hh = h64(uid, "v6hh", epoch) & 0xffff  # /56 within the /40
        p64 = p40 | (hh << 72)
        iid = h64(uid, "iid") if stable_iid else (h64(uid, "tmpiid", int(t // 86400)) ^ rng.getrandbits(16))
        return self.v6str(p64 | (iid & 0xffffffffffffffff))

    def ip6_mobile(self, asn, city, rng):
        p40 = self.v6_prefix40(asn, city)
        return self.v6str(p40 | (rng.getrandbits(24) << 64) | rng.getrandbits(64))

    def ip6_host(self, asn, city, key, rng=None, rotate48=False):
        p40 = self.v6_prefix40(asn, city)
        if rotate48:
            p48 = p40 | ((h64(key, "p48") & 0xff) << 80)
            return self.v6str(p48 | (rng.getrandbits(16) << 64) | rng.getrandbits(64))
        sub = h64(key, "v6sub") & 0xffffff
        return self.v6str(p40 | (sub << 64) | (h64(key, "v6iid") & 0xfff) + 1)

    # -------------------------------------------------------------------- mmdb
    def _names_country(self, iso):
        return dict(COUNTRIES[iso]["names"])

    def _country_obj(self, iso):
        c = COUNTRIES[iso]
        o = {"geoname_id": c["geoname_id"], "iso_code": iso, "names": self._names_country(iso)}
        if c["eu"]:
            o["is_in_european_union"] = True
        return o

    def city_record(self, city, iso, registered=None, acc=None):
        c = COUNTRIES[iso]
        cont_id, cont_names = CONTINENTS[c["continent"]]
        rec = {
            "continent": {"code": c["continent"], "geoname_id": cont_id, "names": dict(cont_names)},
            "country": self._country_obj(iso),
            "registered_country": self._country_obj(registered or iso),
        }
        if city is not None:
            names = {"en": city["name"]}
            names.update(CITY_ALT_NAMES.get(city["name"], {}))
            rec["city"] = {"geoname_id": 1000000 + h64("city", iso, city["name"]) % 8999999, "names": names}
            rec["location"] = {"accuracy_radius": acc or 20, "latitude": round(city["lat"] + ((h64(acc, city["name"]) % 200) - 100) / 2000.0, 4),
                               "longitude": round(city["lon"] + ((h64(city["name"], acc) % 200) - 100) / 2000.0, 4), "time_zone": city["tz"]}
            if iso == "US":
                rec["location"]["metro_code"] = 500 + h64("metro", city["name"]) % 380
            if city["postal"]:
                rec["postal"] = {"code": city["postal"]}
            rec["subdivisions"] = [{"geoname_id": 1000000 + h64("sub", iso, city["sub_iso"]) % 8999999,
                                    "iso_code": city["sub_iso"], "names": {"en": city["sub_name"]}}]
        else:
            cl = CITIES.get(iso, [])
            tw = sum(x["w"] for x in cl) or 1
            lat = sum(x["lat"] * x["w"] for x in cl) / tw
            lon = sum(x["lon"] * x["w"] for x in cl) / tw
            loc = {"accuracy_radius": acc or 1000, "latitude": round(lat, 4), "longitude": round(lon, 4)}
            tzs = {x["tz"] for x in cl}
            if len(tzs) == 1:
                loc["time_zone"] = tzs.pop()
            rec["location"] = loc
        return rec

    def write_mmdb(self, outdir):
        import time as _t
        from mmdb_writer import MMDBWriter
        from netaddr import IPSet, IPNetwork

        class _Writer(MMDBWriter):
            def _build_meta(s):
                m = super()._build_meta()
                m["build_epoch"] = 1747008000  # fixed: deterministic output
                return m

        langs = ["de", "en", "es", "fr", "ja", "pt-BR", "ru", "zh-CN"]
        wa = _Writer(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN", languages=["en"],
                     description={"en": "GeoLite2ASN database"}, int_type="u32")
        wc = _Writer(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City", languages=langs,
                     description={l: "GeoLite2City database" for l in langs}, int_type="auto")
        n = 0
        for a in self.asns:
            arec = {"autonomous_system_number": a.number, "autonomous_system_organization": a.org}
            reg = a.attrs.get("registered", a.country)
            for b in a.blocks:
                cidr = "%s/%d" % (self.v4str(b.net), b.plen)
                wa.insert_network(IPSet([IPNetwork(cidr)]), arec)
                wc.insert_network(IPSet([IPNetwork(cidr)]), self.city_record(b.city, b.country, reg, b.acc))
                n += 1
            for base in a.v6:
                cidr = "%s/32" % self.v6str(base)
                wa.insert_network(IPSet([IPNetwork(cidr)]), arec)
                wc.insert_network(IPSet([IPNetwork(cidr)]), self.city_record(None, a.country, reg, 1000))
                for iso, p in sorted(a.v6_country.items()):
                    wc.insert_network(IPSet([IPNetwork("%s/40" % self.v6str(p))]), self.city_record(None, iso, reg, 500))
                for (iso, cname), p in sorted(a.v6_by_city.items()):
                    c = self.city_by_name[(iso, cname)]
                    wc.insert_network(IPSet([IPNetwork("%s/40" % self.v6str(p))]), self.city_record(c, iso, reg, 100))
        wa.to_db_file(outdir + "/GeoLite2-ASN.mmdb")
        wc.to_db_file(outdir + "/GeoLite2-City.mmdb")
        return n
