"""Geography of the invented internet: countries, cities, time zones, languages.

City and subdivision ids follow GeoNames where known; coordinates are city
centres.  Only English names are stored, as the brief asks.
"""
from dataclasses import dataclass, field
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

# The observation window: Monday 3 November 2025 00:00 UTC, 13 days.
# Both the EU (26 Oct) and North America (2 Nov) had already left summer time,
# so every zone keeps one UTC offset for the whole window.
WINDOW_START = int(datetime(2025, 11, 3, tzinfo=timezone.utc).timestamp())
DAYS = 13
WINDOW_END = WINDOW_START + DAYS * 86400

CONTINENTS = {
    "AS": (6255147, "Asia"), "EU": (6255148, "Europe"), "NA": (6255149, "North America"),
    "SA": (6255150, "South America"), "OC": (6255151, "Oceania"), "AF": (6255146, "Africa"),
}


@dataclass
class City:
    key: str
    name: str
    geoname_id: int
    lat: float
    lon: float
    tz: str
    sub: tuple  # (iso_code, name, geoname_id) or None
    postal: str
    weight: float


@dataclass
class Country:
    iso: str
    name: str
    geoname_id: int
    continent: str
    eu: bool
    tz: str
    lat: float
    lon: float
    cities: list = field(default_factory=list)

    def city(self, key):
        for c in self.cities:
            if c.key == key:
                return c
        raise KeyError(key)


_C = {}


def _country(iso, name, gid, cont, eu, tz, lat, lon, cities):
    c = Country(iso, name, gid, cont, eu, tz, lat, lon)
    for (nm, cg, la, lo, ctz, sub, postal, w) in cities:
        c.cities.append(City(f"{iso}:{nm}", nm, cg, la, lo, ctz or tz, sub, postal, w))
    _C[iso] = c


T = None  # "use the country zone"
_country("JP", "Japan", 1861060, "AS", False, "Asia/Tokyo", 35.69, 139.69, [
    ("Tokyo", 1850147, 35.6895, 139.6917, T, ("13", "Tokyo", 1850144), "160-0023", 34),
    ("Yokohama", 1848354, 35.4478, 139.6425, T, ("14", "Kanagawa", 1860291), "220-0011", 9),
    ("Osaka", 1853909, 34.6937, 135.5023, T, ("27", "Osaka", 1853904), "530-0001", 14),
    ("Nagoya", 1856057, 35.1815, 136.9066, T, ("23", "Aichi", 1865694), "450-0002", 8),
    ("Fukuoka", 1863967, 33.6064, 130.4183, T, ("40", "Fukuoka", 1863958), "810-0001", 7),
    ("Sapporo", 2128295, 43.0642, 141.3469, T, ("01", "Hokkaido", 2130037), "060-0001", 6),
    ("Kyoto", 1857910, 35.0211, 135.7538, T, ("26", "Kyoto", 1857907), "600-8216", 5),
    ("Sendai", 2111149, 38.2682, 140.8694, T, ("04", "Miyagi", 2111888), "980-0021", 4),
])
_country("KR", "South Korea", 1835841, "AS", False, "Asia/Seoul", 37.57, 126.98, [
    ("Seoul", 1835848, 37.566, 126.9784, T, ("11", "Seoul", 1835847), "04524", 45),
    ("Busan", 1838524, 35.1028, 129.0403, T, ("26", "Busan", 1838519), "48058", 12),
    ("Incheon", 1843564, 37.4565, 126.7052, T, ("28", "Incheon", 1843561), "21554", 10),
    ("Seongnam-si", 1897000, 37.4386, 127.1378, T, ("41", "Gyeonggi-do", 1841610), "13494", 12),
    ("Daegu", 1835329, 35.8703, 128.5911, T, ("27", "Daegu", 1835327), "41911", 7),
    ("Daejeon", 1835235, 36.3491, 127.3849, T, ("30", "Daejeon", 1835224), "34126", 5),
])
_country("TW", "Taiwan", 1668284, "AS", False, "Asia/Taipei", 25.05, 121.53, [
    ("Taipei", 1668341, 25.0478, 121.5319, T, ("TPE", "Taipei City", 7280290), "100", 40),
    ("New Taipei", 7280291, 25.017, 121.4628, T, ("NWT", "New Taipei City", 7280291), "220", 20),
    ("Taichung", 1668399, 24.1469, 120.6839, T, ("TXG", "Taichung City", 7280288), "400", 15),
    ("Kaohsiung", 1673820, 22.6163, 120.3133, T, ("KHH", "Kaohsiung City", 7280289), "800", 15),
    ("Tainan", 1668355, 22.9908, 120.2133, T, ("TNN", "Tainan City", 7280292), "700", 10),
])
_country("CN", "China", 1814991, "AS", False, "Asia/Shanghai", 31.22, 121.46, [])
_country("HK", "Hong Kong", 1819730, "AS", False, "Asia/Hong_Kong", 22.29, 114.16, [
    ("Hong Kong", 1819729, 22.2855, 114.1577, T, None, "", 100),
])
_country("SG", "Singapore", 1880251, "AS", False, "Asia/Singapore", 1.29, 103.85, [
    ("Singapore", 1880252, 1.2897, 103.8501, T, None, "018989", 100),
])
_country("ID", "Indonesia", 1643084, "AS", False, "Asia/Jakarta", -6.21, 106.85, [
    ("Jakarta", 1642911, -6.2146, 106.8451, T, ("JK", "Jakarta", 1642907), "10110", 40),
    ("Surabaya", 1625822, -7.2492, 112.7508, T, ("JI", "East Java", 1642668), "60111", 15),
    ("Bandung", 1650357, -6.9039, 107.6186, T, ("JB", "West Java", 1642672), "40111", 15),
    ("Medan", 1214520, 3.5833, 98.6667, T, ("SU", "North Sumatra", 1213642), "20111", 10),
    ("Makassar", 1622786, -5.1463, 119.4322, "Asia/Makassar", ("SN", "South Sulawesi", 1629681), "90111", 8),
    ("Denpasar", 1645528, -8.65, 115.2167, "Asia/Makassar", ("BA", "Bali", 1650535), "80111", 7),
])
_country("VN", "Vietnam", 1562822, "AS", False, "Asia/Ho_Chi_Minh", 10.82, 106.63, [
    ("Ho Chi Minh City", 1566083, 10.8231, 106.6297, T, ("SG", "Ho Chi Minh", 1580578), "700000", 40),
    ("Hanoi", 1581130, 21.0245, 105.8412, T, ("HN", "Hanoi", 1581129), "100000", 35),
    ("Da Nang", 1583992, 16.0678, 108.2208, T, ("DN", "Da Nang", 1905468), "550000", 12),
    ("Haiphong", 1581298, 20.8561, 106.6822, T, ("HP", "Haiphong", 1581297), "180000", 8),
    ("Can Tho", 1586203, 10.0452, 105.7469, T, ("CT", "Can Tho", 1581188), "900000", 5),
])
_country("DE", "Germany", 2921044, "EU", True, "Europe/Berlin", 51.3, 10.45, [
    ("Berlin", 2950159, 52.5244, 13.4105, T, ("BE", "Land Berlin", 2950157), "10115", 22),
    ("Munich", 2867714, 48.1374, 11.5755, T, ("BY", "Bavaria", 2951839), "80331", 14),
    ("Hamburg", 2911298, 53.5507, 9.993, T, ("HH", "Hamburg", 2911297), "20095", 12),
    ("Frankfurt am Main", 2925533, 50.1155, 8.6842, T, ("HE", "Hesse", 2905330), "60311", 9),
    ("Cologne", 2886242, 50.9333, 6.95, T, ("NW", "North Rhine-Westphalia", 2861876), "50667", 14),
    ("Stuttgart", 2825297, 48.7823, 9.177, T, ("BW", "Baden-Wurttemberg", 2953481), "70173", 9),
    ("Leipzig", 2879139, 51.3396, 12.3713, T, ("SN", "Saxony", 2842566), "04109", 8),
    ("Nuremberg", 2861650, 49.4478, 11.0683, T, ("BY", "Bavaria", 2951839), "90402", 6),
    ("Falkenstein", 2928810, 50.4779, 12.3713, T, ("SN", "Saxony", 2842566), "08223", 0),
])
_country("FR", "France", 3017382, "EU", True, "Europe/Paris", 46.0, 2.0, [
    ("Paris", 2988507, 48.8534, 2.3488, T, ("IDF", "Île-de-France", 3012874), "75011", 35),
    ("Lyon", 2996944, 45.7485, 4.8467, T, ("ARA", "Auvergne-Rhône-Alpes", 11071625), "69003", 14),
    ("Marseille", 2995469, 43.2965, 5.3698, T, ("PAC", "Provence-Alpes-Côte d'Azur", 2985244), "13001", 12),
    ("Toulouse", 2972315, 43.6043, 1.4437, T, ("OCC", "Occitanie", 11071623), "31000", 11),
    ("Lille", 2998324, 50.633, 3.0586, T, ("HDF", "Hauts-de-France", 11071624), "59000", 9),
    ("Nantes", 2990969, 47.2172, -1.5534, T, ("PDL", "Pays de la Loire", 2988289), "44000", 9),
    ("Roubaix", 2982652, 50.6942, 3.1746, T, ("HDF", "Hauts-de-France", 11071624), "59100", 0),
    ("Gravelines", 3014392, 50.9865, 2.1281, T, ("HDF", "Hauts-de-France", 11071624), "59820", 0),
])
_country("PL", "Poland", 798544, "EU", True, "Europe/Warsaw", 52.0, 20.0, [
    ("Warsaw", 756135, 52.2298, 21.0118, T, ("14", "Mazovia", 858787), "00-001", 30),
    ("Krakow", 3094802, 50.0614, 19.9366, T, ("12", "Lesser Poland", 858788), "30-001", 18),
    ("Wroclaw", 3081368, 51.1, 17.0333, T, ("02", "Lower Silesia", 3337492), "50-001", 15),
    ("Gdansk", 3099434, 54.3521, 18.6464, T, ("22", "Pomerania", 3337496), "80-001", 12),
    ("Poznan", 3088171, 52.4069, 16.9299, T, ("30", "Greater Poland", 3337498), "60-001", 12),
    ("Lodz", 3093133, 51.75, 19.4667, T, ("10", "Łódź Voivodeship", 3337493), "90-001", 10),
])
_country("GB", "United Kingdom", 2635167, "EU", False, "Europe/London", 54.0, -2.0, [
    ("London", 2643743, 51.5085, -0.1257, T, ("ENG", "England", 6269131), "EC1A", 38),
    ("Manchester", 2643123, 53.4809, -2.2374, T, ("ENG", "England", 6269131), "M1", 12),
    ("Birmingham", 2655603, 52.4814, -1.8998, T, ("ENG", "England", 6269131), "B1", 11),
    ("Leeds", 2644688, 53.7965, -1.5478, T, ("ENG", "England", 6269131), "LS1", 8),
    ("Bristol", 2654675, 51.4552, -2.5966, T, ("ENG", "England", 6269131), "BS1", 8),
    ("Glasgow", 2648579, 55.8652, -4.2576, T, ("SCT", "Scotland", 2638360), "G1", 8),
    ("Edinburgh", 2650225, 55.9521, -3.1965, T, ("SCT", "Scotland", 2638360), "EH1", 7),
])
_country("IE", "Ireland", 2963597, "EU", True, "Europe/Dublin", 53.0, -8.0, [
    ("Dublin", 2964574, 53.3331, -6.2489, T, ("L", "Leinster", 7521314), "D02", 100),
])
_country("ES", "Spain", 2510769, "EU", True, "Europe/Madrid", 40.0, -4.0, [
    ("Madrid", 3117735, 40.4165, -3.7026, T, ("MD", "Madrid", 3117732), "28001", 35),
    ("Barcelona", 3128760, 41.3888, 2.159, T, ("CT", "Catalonia", 3336901), "08001", 28),
    ("Valencia", 2509954, 39.4739, -0.3797, T, ("VC", "Valencia", 2593113), "46001", 14),
    ("Seville", 2510911, 37.3828, -5.9732, T, ("AN", "Andalusia", 2593109), "41001", 12),
    ("Bilbao", 3128026, 43.2627, -2.9253, T, ("PV", "Basque Country", 3336903), "48001", 8),
    ("Las Palmas de Gran Canaria", 2515270, 28.0997, -15.4134, "Atlantic/Canary", ("CN", "Canary Islands", 2593110), "35001", 3),
])
_country("IT", "Italy", 3175395, "EU", True, "Europe/Rome", 42.83, 12.83, [
    ("Rome", 3169070, 41.8919, 12.5113, T, ("62", "Lazio", 3174976), "00118", 25),
    ("Milan", 3173435, 45.4643, 9.1895, T, ("25", "Lombardy", 3174618), "20121", 28),
    ("Naples", 3172394, 40.8522, 14.2681, T, ("72", "Campania", 3181042), "80121", 14),
    ("Turin", 3165524, 45.0705, 7.6868, T, ("21", "Piedmont", 3170831), "10121", 12),
    ("Bologna", 3181928, 44.4938, 11.3387, T, ("45", "Emilia-Romagna", 3177401), "40121", 11),
    ("Florence", 3176959, 43.7792, 11.2463, T, ("52", "Tuscany", 3165361), "50121", 10),
])
_country("NL", "Netherlands", 2750405, "EU", True, "Europe/Amsterdam", 52.5, 5.75, [
    ("Amsterdam", 2759794, 52.374, 4.8897, T, ("NH", "North Holland", 2749879), "1012", 60),
    ("Rotterdam", 2747891, 51.9225, 4.4792, T, ("ZH", "South Holland", 2743698), "3011", 40),
])
_country("SE", "Sweden", 2661886, "EU", True, "Europe/Stockholm", 62.0, 15.0, [
    ("Stockholm", 2673730, 59.3294, 18.0687, T, ("AB", "Stockholm County", 2673722), "111 20", 50),
    ("Gothenburg", 2711537, 57.7072, 11.9668, T, ("O", "Västra Götaland County", 3337386), "411 03", 30),
    ("Malmo", 2692969, 55.6059, 13.0007, T, ("M", "Skåne County", 3337385), "211 18", 20),
])
_country("NO", "Norway", 3144096, "EU", False, "Europe/Oslo", 62.0, 10.0, [
    ("Oslo", 3143244, 59.9127, 10.7461, T, ("03", "Oslo", 3143242), "0150", 60),
    ("Bergen", 3161732, 60.392, 5.328, T, ("46", "Vestland", 7280410), "5003", 40),
])
_country("DK", "Denmark", 2623032, "EU", True, "Europe/Copenhagen", 56.0, 10.0, [
    ("Copenhagen", 2618425, 55.6759, 12.5655, T, ("84", "Capital Region", 6418538), "1050", 65),
    ("Aarhus", 2624652, 56.1567, 10.2108, T, ("82", "Central Jutland", 6418539), "8000", 35),
])
_country("FI", "Finland", 660013, "EU", True, "Europe/Helsinki", 64.0, 26.0, [
    ("Helsinki", 658225, 60.1695, 24.9354, T, ("18", "Uusimaa", 830709), "00100", 65),
    ("Tampere", 634963, 61.4991, 23.7871, T, ("11", "Pirkanmaa", 830703), "33100", 35),
])
_country("CH", "Switzerland", 2658434, "EU", False, "Europe/Zurich", 47.0, 8.0, [
    ("Zurich", 2657896, 47.3667, 8.55, T, ("ZH", "Zurich", 2657895), "8001", 100),
])
_country("RO", "Romania", 798549, "EU", True, "Europe/Bucharest", 46.0, 25.0, [
    ("Bucharest", 683506, 44.4323, 26.1063, T, ("B", "Bucuresti", 683504), "010011", 100),
])
_country("PA", "Panama", 3703430, "NA", False, "America/Panama", 9.0, -80.0, [])
_country("US", "United States", 6252001, "NA", False, "America/Chicago", 37.751, -97.822, [
    ("New York", 5128581, 40.7143, -74.006, "America/New_York", ("NY", "New York", 5128638), "10001", 16),
    ("Los Angeles", 5368361, 34.0522, -118.2437, "America/Los_Angeles", ("CA", "California", 5332921), "90012", 14),
    ("Chicago", 4887398, 41.85, -87.65, "America/Chicago", ("IL", "Illinois", 4896861), "60601", 9),
    ("Houston", 4699066, 29.7633, -95.3633, "America/Chicago", ("TX", "Texas", 4736286), "77002", 7),
    ("San Francisco", 5391959, 37.7749, -122.4194, "America/Los_Angeles", ("CA", "California", 5332921), "94103", 8),
    ("Seattle", 5809844, 47.6062, -122.3321, "America/Los_Angeles", ("WA", "Washington", 5815135), "98101", 6),
    ("Austin", 4671654, 30.2672, -97.7431, "America/Chicago", ("TX", "Texas", 4736286), "78701", 5),
    ("Atlanta", 4180439, 33.749, -84.388, "America/New_York", ("GA", "Georgia", 4197000), "30303", 6),
    ("Denver", 5419384, 39.7392, -104.9847, "America/Denver", ("CO", "Colorado", 5417618), "80202", 5),
    ("Phoenix", 5308655, 33.4484, -112.074, "America/Phoenix", ("AZ", "Arizona", 5551752), "85004", 5),
    ("Miami", 4164138, 25.7743, -80.1937, "America/New_York", ("FL", "Florida", 4155751), "33130", 6),
    ("Boston", 4930956, 42.3584, -71.0598, "America/New_York", ("MA", "Massachusetts", 6254926), "02108", 6),
    ("Columbus", 4509177, 39.9612, -82.9988, "America/New_York", ("OH", "Ohio", 5165418), "43215", 5),
    ("Ashburn", 4744870, 39.0437, -77.4875, "America/New_York", ("VA", "Virginia", 6254928), "20147", 0),
    ("Boardman", 5713376, 45.8399, -119.7006, "America/Los_Angeles", ("OR", "Oregon", 5744337), "97818", 0),
    ("Council Bluffs", 4852832, 41.2619, -95.8608, "America/Chicago", ("IA", "Iowa", 4862182), "51501", 0),
    ("Santa Clara", 5393015, 37.3541, -121.9552, "America/Los_Angeles", ("CA", "California", 5332921), "95050", 0),
    ("Des Moines", 4853828, 41.6005, -93.6091, "America/Chicago", ("IA", "Iowa", 4862182), "50309", 0),
])
_country("CA", "Canada", 6251999, "NA", False, "America/Toronto", 60.0, -95.0, [
    ("Toronto", 6167865, 43.7001, -79.4163, "America/Toronto", ("ON", "Ontario", 6093943), "M5H", 40),
    ("Vancouver", 6173331, 49.2497, -123.1193, "America/Vancouver", ("BC", "British Columbia", 5909050), "V6B", 22),
    ("Montreal", 6077243, 45.5088, -73.5878, "America/Toronto", ("QC", "Quebec", 6115047), "H2Y", 25),
    ("Calgary", 5913490, 51.0501, -114.0853, "America/Edmonton", ("AB", "Alberta", 5883102), "T2P", 13),
])
_country("BR", "Brazil", 3469034, "SA", False, "America/Sao_Paulo", -10.0, -55.0, [
    ("Sao Paulo", 3448439, -23.5475, -46.6361, T, ("SP", "Sao Paulo", 3448433), "01000-000", 38),
    ("Rio de Janeiro", 3451190, -22.9028, -43.2075, T, ("RJ", "Rio de Janeiro", 3451189), "20000-000", 20),
    ("Belo Horizonte", 3470127, -19.9208, -43.9378, T, ("MG", "Minas Gerais", 3457153), "30100-000", 12),
    ("Curitiba", 3464975, -25.4278, -49.2731, T, ("PR", "Parana", 3455077), "80000-000", 10),
    ("Porto Alegre", 3452925, -30.0328, -51.2302, T, ("RS", "Rio Grande do Sul", 3451133), "90000-000", 9),
    ("Fortaleza", 6320062, -3.7172, -38.5431, "America/Fortaleza", ("CE", "Ceara", 3402362), "60000-000", 6),
    ("Recife", 3390760, -8.0539, -34.8811, "America/Recife", ("PE", "Pernambuco", 3392268), "50000-000", 5),
])
_country("AU", "Australia", 2077456, "OC", False, "Australia/Sydney", -27.0, 133.0, [
    ("Sydney", 2147714, -33.8678, 151.2073, T, ("NSW", "New South Wales", 2155400), "2000", 55),
    ("Melbourne", 2158177, -37.814, 144.9633, "Australia/Melbourne", ("VIC", "Victoria", 2145234), "3000", 45),
])

COUNTRIES = _C


def tz_offset(tzname: str) -> int:
    """UTC offset in seconds of an IANA zone during the window (constant)."""
    if tzname in ("UTC", "Etc/UTC"):
        return 0
    alias = {"Asia/Saigon": "Asia/Ho_Chi_Minh", "Asia/Calcutta": "Asia/Kolkata"}.get(tzname, tzname)
    dt = datetime.fromtimestamp(WINDOW_START + 3 * 86400, tz=ZoneInfo(alias))
    return int(dt.utcoffset().total_seconds())


# Share of the legitimate user base per country (organic signups).
USER_BASE = [
    ("JP", 20), ("KR", 11), ("TW", 6), ("US", 15), ("CA", 3), ("DE", 7), ("FR", 5),
    ("GB", 6), ("PL", 3), ("ES", 3), ("IT", 3), ("SE", 1.2), ("NO", 0.6), ("DK", 0.6),
    ("FI", 0.6), ("NL", 1.2), ("BR", 4), ("ID", 5), ("VN", 4.5), ("SG", 0.8), ("HK", 0.6),
    ("AU", 1.2),
]

# navigator.languages variants per country with weights.  Chromium-style lists;
# clients.py reformats them per browser.
LANGS = {
    "JP": [(["ja", "en-US", "en"], 55), (["ja"], 25), (["ja-JP", "ja", "en-US", "en"], 12), (["en-US", "en", "ja"], 8)],
    "KR": [(["ko-KR", "ko", "en-US", "en"], 65), (["ko"], 20), (["en-US", "en", "ko"], 15)],
    "TW": [(["zh-TW", "zh", "en-US", "en"], 65), (["zh-TW"], 15), (["en-US", "en", "zh-TW", "zh"], 20)],
    "CN": [(["zh-CN", "zh", "en"], 60), (["zh-CN"], 25), (["zh-CN", "zh", "en-US", "en"], 15)],
    "HK": [(["zh-HK", "zh", "en"], 40), (["en-HK", "en", "zh-HK"], 30), (["en-US", "en"], 30)],
    "SG": [(["en-SG", "en", "zh-CN"], 30), (["en-US", "en"], 60), (["zh-CN", "zh", "en"], 10)],
    "ID": [(["id-ID", "id", "en-US", "en"], 55), (["en-US", "en"], 30), (["id"], 15)],
    "VN": [(["vi-VN", "vi", "en-US", "en"], 60), (["en-US", "en"], 25), (["vi"], 15)],
    "DE": [(["de-DE", "de", "en-US", "en"], 50), (["de"], 25), (["de-DE", "de"], 10), (["en-US", "en", "de"], 15)],
    "FR": [(["fr-FR", "fr", "en-US", "en"], 60), (["fr"], 25), (["en-US", "en", "fr"], 15)],
    "PL": [(["pl-PL", "pl", "en-US", "en"], 60), (["pl"], 25), (["en-US", "en", "pl"], 15)],
    "GB": [(["en-GB", "en-US", "en"], 55), (["en-GB", "en"], 35), (["en-US", "en"], 10)],
    "IE": [(["en-GB", "en"], 60), (["en-IE", "en"], 40)],
    "ES": [(["es-ES", "es", "en-US", "en"], 50), (["es"], 25), (["ca-ES", "ca", "es", "en"], 10), (["en-US", "en", "es"], 15)],
    "IT": [(["it-IT", "it", "en-US", "en"], 60), (["it"], 25), (["en-US", "en", "it"], 15)],
    "NL": [(["nl-NL", "nl", "en-US", "en"], 55), (["en-US", "en", "nl"], 45)],
    "SE": [(["sv-SE", "sv", "en-US", "en"], 55), (["en-US", "en", "sv"], 45)],
    "NO": [(["nb-NO", "nb", "no", "en-US", "en"], 55), (["en-US", "en"], 45)],
    "DK": [(["da-DK", "da", "en-US", "en"], 55), (["en-US", "en", "da"], 45)],
    "FI": [(["fi-FI", "fi", "en-US", "en"], 55), (["en-US", "en", "fi"], 45)],
    "US": [(["en-US", "en"], 86), (["en-US", "es-US", "es"], 8), (["en-US"], 6)],
    "CA": [(["en-CA", "en-US", "en"], 60), (["fr-CA", "fr", "en-CA", "en"], 25), (["en-US", "en"], 15)],
    "BR": [(["pt-BR", "pt", "en-US", "en"], 75), (["pt-BR"], 15), (["en-US", "en", "pt-BR"], 10)],
    "AU": [(["en-AU", "en-GB", "en"], 55), (["en-US", "en"], 45)],
}
