"""Static world data for the independent generator: countries, cities, networks.

All ASNs / organisation names are real-world operators; the address ranges are
allocated by this generator (many follow the operators' real allocations, but
they need not be exact).  Nothing here was derived from the detector project.
"""

# cc: (english name, continent code, geoname id, centroid lat, lon,
#      legit weight, desktop share, iOS share of phones, share of phone users on cellular)
COUNTRIES = {
    "US": ("United States", "NA", 6252001, 37.751, -97.822, 30, .42, .58, .35),
    "GB": ("United Kingdom", "EU", 2635167, 51.4964, -0.1224, 7, .40, .52, .33),
    "DE": ("Germany", "EU", 2921044, 51.2993, 9.491, 6, .44, .38, .35),
    "FR": ("France", "EU", 3017382, 48.8582, 2.3387, 4, .40, .35, .35),
    "ES": ("Spain", "EU", 2510769, 40.4172, -3.684, 3, .35, .25, .40),
    "IT": ("Italy", "EU", 3175395, 43.1479, 12.1097, 3, .35, .28, .42),
    "NL": ("Netherlands", "EU", 2750405, 52.3824, 4.8995, 2, .42, .42, .30),
    "PL": ("Poland", "EU", 798544, 52.2394, 21.0362, 2, .38, .15, .40),
    "BR": ("Brazil", "SA", 3469034, -22.8305, -43.2192, 6, .30, .18, .55),
    "MX": ("Mexico", "NA", 3996063, 19.4357, -99.1293, 4, .30, .20, .55),
    "IN": ("India", "AS", 1269750, 21.0, 78.0, 9, .25, .05, .78),
    "JP": ("Japan", "AS", 1861060, 35.69, 139.69, 3, .38, .65, .45),
    "CA": ("Canada", "NA", 6251999, 43.6319, -79.3716, 4, .42, .55, .33),
    "AU": ("Australia", "OC", 2077456, -33.494, 143.2104, 2, .40, .55, .35),
    "PH": ("Philippines", "AS", 1694008, 14.5955, 120.9721, 2, .25, .15, .65),
    "NG": ("Nigeria", "AF", 2328926, 9.0, 7.0, 2, .18, .08, .85),
    "ID": ("Indonesia", "AS", 1643084, -6.1728, 106.8272, 3, .22, .08, .72),
    "VN": ("Vietnam", "AS", 1562822, 16.1667, 107.8333, 1.5, .28, .25, .55),
    "TR": ("Türkiye", "AS", 298795, 41.0214, 28.9948, 2, .30, .18, .55),
    "SE": ("Sweden", "EU", 2661886, 59.3247, 18.056, 1, .45, .50, .30),
    "KR": ("South Korea", "AS", 1835841, 37.5112, 126.9741, 1, .40, .30, .45),
    "ZA": ("South Africa", "AF", 953987, -29.0, 24.0, 1, .30, .20, .65),
    "AR": ("Argentina", "SA", 3865483, -34.6022, -58.3845, 1, .30, .15, .55),
    "CO": ("Colombia", "SA", 3686110, 4.5981, -74.0758, 1, .30, .15, .55),
    "EG": ("Egypt", "AF", 357994, 30.0355, 31.223, 1, .25, .10, .70),
    "PK": ("Pakistan", "AS", 1168579, 30.0, 70.0, 1, .22, .06, .75),
    "BD": ("Bangladesh", "AS", 1210997, 23.7018, 90.3742, .8, .25, .05, .70),
    "UA": ("Ukraine", "EU", 690791, 50.4522, 30.5287, .7, .38, .20, .45),
    "IE": ("Ireland", "EU", 2963597, 53.3472, -6.2439, .5, .40, .50, .35),
    "CH": ("Switzerland", "EU", 2658434, 47.1449, 8.1551, .5, .45, .50, .30),
    "FI": ("Finland", "EU", 660013, 60.1708, 24.9375, .4, .45, .40, .45),
    "SG": ("Singapore", "AS", 1880251, 1.3667, 103.8, .6, .45, .45, .45),
    # blocked region for this service (sanctions / policy): only geo-evasion traffic
    "RU": ("Russia", "EU", 2017370, 55.7386, 37.6068, 0, .40, .25, .40),
    "BY": ("Belarus", "EU", 630336, 53.9, 27.5667, 0, .40, .15, .40),
    "IR": ("Iran", "AS", 130758, 35.698, 51.4115, 0, .30, .15, .55),
}

CONTINENTS = {
    "NA": (6255149, "North America"), "EU": (6255148, "Europe"), "AS": (6255147, "Asia"),
    "SA": (6255150, "South America"), "AF": (6255146, "Africa"), "OC": (6255151, "Oceania"),
}

# (cc, city): (tz, lat, lon, residential weight, geoname id or None)
CITIES = {}


def _c(cc, tz, rows):
    for r in rows:
        name, lat, lon, w, gid = r[:5]
        ctz = r[5] if len(r) > 5 else tz
        CITIES[(cc, name)] = (ctz, lat, lon, w, gid)


_c("US", "America/New_York", [
    ("New York", 40.71, -74.01, 8, 5128581), ("Los Angeles", 34.05, -118.24, 5, 5368361, "America/Los_Angeles"),
    ("Chicago", 41.88, -87.63, 4, 4887398, "America/Chicago"), ("Houston", 29.76, -95.37, 3, 4699066, "America/Chicago"),
    ("Phoenix", 33.45, -112.07, 2, 5308655, "America/Phoenix"), ("Philadelphia", 39.95, -75.17, 2, 4560349),
    ("Dallas", 32.78, -96.80, 3, 4684888, "America/Chicago"), ("Atlanta", 33.75, -84.39, 2.5, 4180439),
    ("Miami", 25.77, -80.19, 2, 4164138), ("Seattle", 47.61, -122.33, 2, 5809844, "America/Los_Angeles"),
    ("Denver", 39.74, -104.99, 1.5, 5419384, "America/Denver"), ("Boston", 42.36, -71.06, 2, 4930956),
    ("San Francisco", 37.77, -122.42, 2, 5391959, "America/Los_Angeles"), ("Detroit", 42.33, -83.05, 1.2, 4990729, "America/Detroit"),
    ("Minneapolis", 44.98, -93.27, 1, 5037649, "America/Chicago"), ("Salt Lake City", 40.76, -111.89, .7, 5780993, "America/Denver"),
    ("Honolulu", 21.31, -157.86, .3, 5856195, "Pacific/Honolulu"), ("Columbus", 39.96, -83.00, .8, 4509177),
    ("Las Vegas", 36.17, -115.14, .8, 5506956, "America/Los_Angeles"), ("San Jose", 37.34, -121.89, 1, 5392171, "America/Los_Angeles"),
    ("Raleigh", 35.78, -78.64, .6, 4487042), ("St Louis", 38.63, -90.20, .8, 4407066, "America/Chicago"),
    ("Ashburn", 39.04, -77.49, 0, 4744870), ("Boardman", 45.84, -119.70, 0, None, "America/Los_Angeles"),
    ("Council Bluffs", 41.26, -95.86, 0, 4852832, "America/Chicago"), ("Santa Clara", 37.35, -121.95, 0, 5393015, "America/Los_Angeles"),
    ("Clifton", 40.86, -74.16, 0, None), ("Piscataway", 40.55, -74.46, 0, None),
    ("Stanford", 37.42, -122.17, 0, None, "America/Los_Angeles"), ("Berkeley", 37.87, -122.27, 0, 5327684, "America/Los_Angeles"),
    ("Ann Arbor", 42.28, -83.74, 0, 4984247, "America/Detroit"),
])
_c("GB", "Europe/London", [
    ("London", 51.51, -0.13, 8, 2643743), ("Manchester", 53.48, -2.24, 2, 2643123), ("Birmingham", 52.49, -1.89, 2, 2655603),
    ("Glasgow", 55.86, -4.25, 1, 2648579), ("Leeds", 53.80, -1.55, 1, 2644688), ("Bristol", 51.45, -2.59, .8, 2654675),
    ("Edinburgh", 55.95, -3.19, .8, 2650225), ("Oxford", 51.75, -1.26, .3, 2640729), ("Cardiff", 51.48, -3.18, .5, 2653822),
])
_c("DE", "Europe/Berlin", [
    ("Berlin", 52.52, 13.40, 4, 2950159), ("Hamburg", 53.55, 9.99, 2, 2911298), ("Munich", 48.14, 11.58, 2.5, 2867714),
    ("Cologne", 50.94, 6.96, 1.5, 2886242), ("Frankfurt am Main", 50.11, 8.68, 1.5, 2925533), ("Stuttgart", 48.78, 9.18, 1, 2825297),
    ("Düsseldorf", 51.22, 6.78, 1, 2934246), ("Leipzig", 51.34, 12.37, .8, 2879139), ("Nuremberg", 49.45, 11.08, .6, 2861650),
    ("Falkenstein", 50.48, 12.37, 0, None),
])
_c("FR", "Europe/Paris", [
    ("Paris", 48.86, 2.35, 5, 2988507), ("Lyon", 45.76, 4.84, 1.5, 2996944), ("Marseille", 43.30, 5.37, 1.5, 2995469),
    ("Toulouse", 43.60, 1.44, 1, 2972315), ("Lille", 50.63, 3.06, 1, 2998324), ("Bordeaux", 44.84, -0.58, .8, 3031582),
    ("Nantes", 47.22, -1.55, .8, 2990969), ("Roubaix", 50.69, 3.18, 0, 2982652), ("Gravelines", 50.99, 2.13, 0, None),
])
_c("ES", "Europe/Madrid", [
    ("Madrid", 40.42, -3.70, 4, 3117735), ("Barcelona", 41.39, 2.17, 3, 3128760), ("Valencia", 39.47, -0.38, 1.2, 2509954),
    ("Seville", 37.39, -5.98, 1, 2510911), ("Málaga", 36.72, -4.42, .7, 2514256),
])
_c("IT", "Europe/Rome", [
    ("Rome", 41.89, 12.48, 3, 3169070), ("Milan", 45.46, 9.19, 3, 3173435), ("Naples", 40.85, 14.27, 1.5, 3172394),
    ("Turin", 45.07, 7.69, 1, 3165524), ("Bologna", 44.49, 11.34, .8, 3181928), ("Florence", 43.77, 11.25, .7, 3176959),
])
_c("NL", "Europe/Amsterdam", [
    ("Amsterdam", 52.37, 4.89, 3, 2759794), ("Rotterdam", 51.92, 4.48, 2, 2747891), ("The Hague", 52.08, 4.30, 1.5, 2747373),
    ("Utrecht", 52.09, 5.12, 1.2, 2745912), ("Eindhoven", 51.44, 5.48, .8, 2756253),
])
_c("PL", "Europe/Warsaw", [
    ("Warsaw", 52.23, 21.01, 3, 756135), ("Kraków", 50.06, 19.94, 2, 3094802), ("Wrocław", 51.11, 17.04, 1.2, 3081368),
    ("Gdańsk", 54.35, 18.65, 1, 3099434), ("Poznań", 52.41, 16.93, 1, 3088171), ("Łódź", 51.76, 19.46, 1, 3093133),
])
_c("BR", "America/Sao_Paulo", [
    ("São Paulo", -23.55, -46.63, 6, 3448439), ("Rio de Janeiro", -22.91, -43.17, 3, 3451190),
    ("Belo Horizonte", -19.92, -43.94, 1.5, 3470127), ("Brasília", -15.79, -47.88, 1, 3469058),
    ("Porto Alegre", -30.03, -51.23, 1, 3452925), ("Recife", -8.05, -34.88, 1, 3390760, "America/Recife"),
    ("Fortaleza", -3.72, -38.54, 1, 6320062, "America/Fortaleza"), ("Manaus", -3.12, -60.02, .6, 3663517, "America/Manaus"),
    ("Salvador", -12.97, -38.50, 1, 3450554, "America/Bahia"), ("Curitiba", -25.43, -49.27, 1, 6322752),
])
_c("MX", "America/Mexico_City", [
    ("Mexico City", 19.43, -99.13, 5, 3530597), ("Guadalajara", 20.67, -103.35, 2, 4005539),
    ("Monterrey", 25.69, -100.32, 2, 3995465, "America/Monterrey"), ("Puebla", 19.04, -98.20, 1, 3521081),
    ("Tijuana", 32.53, -117.04, 1, 3981609, "America/Tijuana"), ("Mérida", 20.97, -89.62, .6, 3523349, "America/Merida"),
    ("Cancún", 21.16, -86.85, .5, 3531673, "America/Cancun"),
])
_c("IN", "Asia/Kolkata", [
    ("Mumbai", 19.08, 72.88, 4, 1275339), ("Delhi", 28.65, 77.23, 4, 1273294), ("Bengaluru", 12.97, 77.59, 3.5, 1277333),
    ("Hyderabad", 17.38, 78.46, 2.5, 1269843), ("Chennai", 13.08, 80.27, 2.5, 1264527), ("Kolkata", 22.57, 88.36, 2, 1275004),
    ("Pune", 18.52, 73.86, 2, 1259229), ("Ahmedabad", 23.03, 72.58, 1.5, 1279233), ("Jaipur", 26.92, 75.79, 1, 1269515),
    ("Lucknow", 26.85, 80.95, 1, 1264733),
])
_c("JP", "Asia/Tokyo", [
    ("Tokyo", 35.69, 139.69, 6, 1850147), ("Osaka", 34.69, 135.50, 3, 1853909), ("Yokohama", 35.44, 139.64, 2, 1848354),
    ("Nagoya", 35.18, 136.91, 1.5, 1856057), ("Sapporo", 43.06, 141.35, 1, 2128295), ("Fukuoka", 33.59, 130.40, 1, 1863967),
])
_c("CA", "America/Toronto", [
    ("Toronto", 43.65, -79.38, 4, 6167865), ("Montreal", 45.51, -73.59, 2.5, 6077243),
    ("Vancouver", 49.25, -123.12, 2, 6173331, "America/Vancouver"), ("Calgary", 51.05, -114.09, 1.2, 5913490, "America/Edmonton"),
    ("Ottawa", 45.42, -75.70, 1, 6094817), ("Edmonton", 53.55, -113.47, 1, 5946768, "America/Edmonton"),
    ("Winnipeg", 49.90, -97.14, .6, 6183235, "America/Winnipeg"), ("Halifax", 44.65, -63.57, .4, 6324729, "America/Halifax"),
    ("Beauharnois", 45.32, -73.87, 0, None),
])
_c("AU", "Australia/Sydney", [
    ("Sydney", -33.87, 151.21, 4, 2147714), ("Melbourne", -37.81, 144.96, 4, 2158177, "Australia/Melbourne"),
    ("Brisbane", -27.47, 153.03, 2, 2174003, "Australia/Brisbane"), ("Perth", -31.95, 115.86, 1.5, 2063523, "Australia/Perth"),
    ("Adelaide", -34.93, 138.60, 1, 2078025, "Australia/Adelaide"),
])
_c("PH", "Asia/Manila", [
    ("Manila", 14.60, 120.98, 3, 1701668), ("Quezon City", 14.65, 121.05, 2, 1692192),
    ("Cebu City", 10.32, 123.89, 1.2, 1717512), ("Davao", 7.07, 125.61, 1, 1715348),
])
_c("NG", "Africa/Lagos", [
    ("Lagos", 6.45, 3.39, 4, 2332459), ("Abuja", 9.06, 7.49, 2, 2352778), ("Ibadan", 7.38, 3.90, 1, 2339354),
    ("Port Harcourt", 4.78, 7.01, 1, 2324774), ("Kano", 12.00, 8.52, .8, 2335204),
])
_c("ID", "Asia/Jakarta", [
    ("Jakarta", -6.21, 106.85, 5, 1642911), ("Surabaya", -7.25, 112.75, 2, 1625822), ("Bandung", -6.92, 107.61, 1.5, 1650357),
    ("Medan", 3.58, 98.67, 1.2, 1214520), ("Makassar", -5.14, 119.42, .8, 1622786, "Asia/Makassar"),
    ("Denpasar", -8.65, 115.22, .6, 1645528, "Asia/Makassar"),
])
_c("VN", "Asia/Ho_Chi_Minh", [
    ("Ho Chi Minh City", 10.82, 106.63, 4, 1566083), ("Hanoi", 21.02, 105.84, 3.5, 1581130),
    ("Da Nang", 16.07, 108.22, 1, 1583992), ("Haiphong", 20.86, 106.68, .8, 1581298),
])
_c("TR", "Europe/Istanbul", [
    ("Istanbul", 41.01, 28.95, 5, 745044), ("Ankara", 39.92, 32.85, 2, 323786), ("Izmir", 38.41, 27.14, 1.5, 311046),
    ("Bursa", 40.19, 29.06, 1, 750269), ("Antalya", 36.91, 30.70, .8, 323777),
])
_c("SE", "Europe/Stockholm", [
    ("Stockholm", 59.33, 18.07, 3, 2673730), ("Gothenburg", 57.71, 11.97, 1.5, 2711537),
    ("Malmö", 55.61, 13.00, 1, 2692969), ("Uppsala", 59.86, 17.64, .6, 2666199),
])
_c("KR", "Asia/Seoul", [
    ("Seoul", 37.57, 126.98, 5, 1835848), ("Busan", 35.10, 129.04, 2, 1838524), ("Incheon", 37.46, 126.71, 1.5, 1843564),
    ("Daegu", 35.87, 128.59, 1, 1835329),
])
_c("ZA", "Africa/Johannesburg", [
    ("Johannesburg", -26.20, 28.05, 3, 993800), ("Cape Town", -33.93, 18.42, 2.5, 3369157),
    ("Durban", -29.86, 31.03, 1.5, 1007311), ("Pretoria", -25.75, 28.19, 1.2, 964137),
])
_c("AR", "America/Argentina/Buenos_Aires", [
    ("Buenos Aires", -34.61, -58.38, 5, 3435910), ("Córdoba", -31.41, -64.18, 1.5, 3860259, "America/Argentina/Cordoba"),
    ("Rosario", -32.95, -60.64, 1, 3838583, "America/Argentina/Cordoba"), ("Mendoza", -32.89, -68.83, .7, 3844421, "America/Argentina/Mendoza"),
])
_c("CO", "America/Bogota", [
    ("Bogotá", 4.61, -74.08, 4, 3688689), ("Medellín", 6.25, -75.56, 2, 3674962), ("Cali", 3.44, -76.52, 1.5, 3687925),
    ("Barranquilla", 10.96, -74.80, 1, 3689147),
])
_c("EG", "Africa/Cairo", [
    ("Cairo", 30.06, 31.25, 5, 360630), ("Alexandria", 31.20, 29.92, 2, 361058), ("Giza", 30.01, 31.21, 1.5, 360995),
])
_c("PK", "Asia/Karachi", [
    ("Karachi", 24.86, 67.01, 3, 1174872), ("Lahore", 31.55, 74.34, 3, 1172451), ("Islamabad", 33.72, 73.04, 1.5, 1176615),
    ("Faisalabad", 31.42, 73.09, 1, 1179400),
])
_c("BD", "Asia/Dhaka", [
    ("Dhaka", 23.71, 90.41, 5, 1185241), ("Chittagong", 22.34, 91.83, 1.5, 1205733), ("Sylhet", 24.90, 91.87, .5, None),
])
_c("UA", "Europe/Kyiv", [
    ("Kyiv", 50.45, 30.52, 4, 703448), ("Kharkiv", 49.99, 36.23, 1.5, 706483), ("Lviv", 49.84, 24.03, 1.5, 702550),
    ("Odesa", 46.48, 30.73, 1.2, 698740), ("Dnipro", 48.45, 34.98, 1.2, 709930),
])
_c("IE", "Europe/Dublin", [
    ("Dublin", 53.35, -6.26, 4, 2964574), ("Cork", 51.90, -8.47, 1, 2965140), ("Galway", 53.27, -9.05, .5, 2964180),
])
_c("CH", "Europe/Zurich", [
    ("Zurich", 47.37, 8.54, 3, 2657896), ("Geneva", 46.20, 6.14, 2, 2660646), ("Basel", 47.56, 7.59, 1, 2661604),
    ("Bern", 46.95, 7.45, 1, 2661552),
])
_c("FI", "Europe/Helsinki", [
    ("Helsinki", 60.17, 24.94, 3, 658225), ("Espoo", 60.21, 24.66, 1, 660129), ("Tampere", 61.50, 23.79, 1, 634963),
    ("Tuusula", 60.40, 25.03, 0, None),
])
_c("SG", "Asia/Singapore", [("Singapore", 1.29, 103.85, 1, 1880252)])
_c("RU", "Europe/Moscow", [
    ("Moscow", 55.75, 37.62, 5, 524901), ("Saint Petersburg", 59.94, 30.31, 2.5, 498817),
    ("Novosibirsk", 55.04, 82.93, 1, 1496747, "Asia/Novosibirsk"), ("Yekaterinburg", 56.84, 60.61, 1, 1486209, "Asia/Yekaterinburg"),
    ("Kazan", 55.79, 49.12, .8, 551487), ("Krasnodar", 45.04, 38.98, .6, 542420),
])
_c("BY", "Europe/Minsk", [("Minsk", 53.90, 27.57, 3, 625144), ("Gomel", 52.43, 30.98, .8, 627907)])
_c("IR", "Asia/Tehran", [
    ("Tehran", 35.69, 51.42, 5, 112931), ("Mashhad", 36.30, 59.61, 1.5, 124665), ("Isfahan", 32.66, 51.67, 1.2, 418863),
    ("Shiraz", 29.61, 52.54, 1, 115019),
])

# --------------------------------------------------------------------------------------
# networks: key: (kind, asn, org, cc or None, v4 prefixes, v6 prefixes, v6 share, opts)
# kind: res (home broadband), mob (mobile carrier), host (cloud / hosting), vpn (VPN-heavy
# hosting), relay (iCloud Private Relay / WARP egress), corp (enterprise / SASE), biz
# (business ISP), edu, tor.  opts: locs=[(cc, city)...], country_level=True, pool=N
NETWORKS = {
    # ---- United States
    "comcast": ("res", 7922, "COMCAST-7922", "US", ["73.0.0.0/8", "98.192.0.0/10"], ["2601::/20"], .6, {}),
    "charter": ("res", 20115, "CHARTER-20115", "US", ["47.32.0.0/11", "24.176.0.0/13"], ["2600:6c00::/24"], .4, {}),
    "att_res": ("res", 7018, "ATT-INTERNET4", "US", ["99.0.0.0/10", "107.192.0.0/10"], ["2600:1700::/28"], .5, {}),
    "fios": ("res", 701, "UUNET", "US", ["71.160.0.0/11", "108.16.0.0/12"], ["2600:4040::/28"], .45, {}),
    "cox": ("res", 22773, "ASN-CXA-ALL-CCI-22773-RDC", "US", ["70.160.0.0/11", "68.96.0.0/12"], ["2600:8800::/24"], .35, {}),
    "centurylink": ("res", 209, "CENTURYLINK-US-LEGACY-QWEST", "US", ["75.160.0.0/11"], [], 0, {}),
    "spectrum_tx": ("res", 11427, "TWC-11427-TEXAS", "US", ["70.112.0.0/13"], ["2605:6000::/24"], .3,
                    {"locs": [("US", "Houston"), ("US", "Dallas")]}),
    "tmobile_us": ("mob", 21928, "T-MOBILE-AS21928", "US", ["172.56.0.0/14", "172.32.0.0/12"], ["2607:fb90::/28"], .9,
                   {"country_level": True, "pool": 2500}),
    "verizon_wl": ("mob", 6167, "CELLCO-PART", "US", ["174.192.0.0/10"], ["2600:1000::/28"], .7, {"pool": 1500}),
    "att_mob": ("mob", 20057, "ATT-MOBILITY-LLC-AS20057", "US", ["166.128.0.0/10"], ["2600:380::/28"], .6, {"pool": 1500}),
    # ---- United Kingdom
    "bt": ("res", 2856, "British Telecommunications PLC", "GB", ["86.128.0.0/10", "81.128.0.0/12"], ["2a00:23c0::/28"], .4, {}),
    "sky": ("res", 5607, "Sky UK Limited", "GB", ["90.192.0.0/11", "2.96.0.0/12"], ["2a02:c7c0::/28"], .6, {}),
    "virgin": ("res", 5089, "Virgin Media Limited", "GB", ["82.0.0.0/14", "86.0.0.0/13"], [], 0, {}),
    "ee": ("mob", 12576, "EE Limited", "GB", ["31.94.0.0/16", "92.40.0.0/14"], ["2a01:4c8::/32"], .5, {"pool": 600}),
    "vodafone_uk": ("mob", 25135, "Vodafone Limited", "GB", ["148.252.0.0/16"], [], 0, {"pool": 300}),
    "o2_uk": ("mob", 35228, "Telefonica UK Limited", "GB", ["82.132.0.0/16"], [], 0, {"pool": 300, "country_level": True}),
    # ---- Germany
    "dtag": ("res", 3320, "Deutsche Telekom AG", "DE", ["79.192.0.0/10", "91.0.0.0/10"], ["2003::/20"], .6, {}),
    "dtag_mob": ("mob", 3320, "Deutsche Telekom AG", "DE", ["80.187.0.0/16"], ["2a01:598::/32"], .6,
                 {"country_level": True, "pool": 500}),
    "vodafone_de": ("res", 3209, "Vodafone GmbH", "DE", ["88.64.0.0/12", "95.88.0.0/13"], ["2a02:8100::/28"], .3, {}),
    "vodafone_de_mob": ("mob", 3209, "Vodafone GmbH", "DE", ["109.40.0.0/13"], [], 0, {"pool": 400}),
    "o2_de": ("mob", 6805, "Telefonica Germany GmbH & Co.OHG", "DE", ["176.0.0.0/13", "89.204.128.0/17"], ["2a02:3030::/32"], .3,
              {"pool": 400}),
    # ---- France
    "orange_fr": ("res", 3215, "Orange", "FR", ["90.0.0.0/9", "86.192.0.0/11"], ["2a01:cb00::/24"], .5, {}),
    "free": ("res", 12322, "Free SAS", "FR", ["82.64.0.0/10", "88.160.0.0/11"], ["2a01:e00::/26"], .7, {}),
    "sfr": ("res", 15557, "Societe Francaise Du Radiotelephone - SFR SA", "FR", ["77.192.0.0/10"], [], 0, {}),
    "bouygues": ("mob", 5410, "Bouygues Telecom SA", "FR", ["176.128.0.0/10"], [], 0, {"pool": 400}),
    "free_mob": ("mob", 51207, "Free Mobile SAS", "FR", ["37.160.0.0/12"], ["2a04:cec0::/26"], .6, {"pool": 400}),
    # ---- Spain / Italy / NL / PL
    "movistar": ("res", 3352, "TELEFONICA DE ESPANA S.A.U.", "ES", ["83.32.0.0/11", "88.0.0.0/11"], [], 0, {}),
    "digi_es": ("res", 57269, "DIGI SPAIN TELECOM S.L.", "ES", ["79.116.0.0/14"], [], 0, {}),
    "vodafone_es": ("mob", 12430, "VODAFONE ESPANA S.A.U.", "ES", ["37.132.0.0/14"], [], 0, {"pool": 300}),
    "orange_es": ("mob", 12479, "Orange Espagne SA", "ES", ["90.160.0.0/12"], [], 0, {"pool": 300}),
    "tim": ("res", 3269, "Telecom Italia S.p.A.", "IT", ["79.0.0.0/12", "93.32.0.0/11"], [], 0, {}),
    "fastweb": ("res", 12874, "Fastweb SpA", "IT", ["2.224.0.0/12"], [], 0, {}),
    "vodafone_it": ("mob", 30722, "Vodafone Italia S.p.A.", "IT", ["2.32.0.0/12"], [], 0, {"pool": 300}),
    "windtre": ("mob", 1267, "WIND TRE S.P.A.", "IT", ["151.16.0.0/12"], [], 0, {"pool": 300}),
    "kpn": ("res", 1136, "KPN B.V.", "NL", ["77.160.0.0/12"], ["2a02:a400::/26"], .5, {}),
    "ziggo": ("res", 33915, "Vodafone Libertel B.V.", "NL", ["84.24.0.0/13"], [], 0, {}),
    "tmobile_nl": ("mob", 31615, "T-Mobile Netherlands bv", "NL", ["62.140.128.0/17"], [], 0, {"pool": 200}),
    "orange_pl": ("res", 5617, "Orange Polska Spolka Akcyjna", "PL", ["83.0.0.0/11"], [], 0, {}),
    "tmobile_pl": ("mob", 12912, "T-Mobile Polska S.A.", "PL", ["31.0.0.0/14"], [], 0, {"pool": 250}),
    "play": ("mob", 39603, "P4 Sp. z o.o.", "PL", ["188.146.0.0/15"], [], 0, {"pool": 250}),
    # ---- Latin America
    "claro_br": ("res", 28573, "Claro NXT Telecomunicacoes Ltda", "BR", ["177.0.0.0/12", "179.208.0.0/12"], ["2804:14c::/31"], .4, {}),
    "vivo": ("res", 26599, "TELEFONICA BRASIL S.A", "BR", ["177.32.0.0/11", "187.0.0.0/13"], ["2804:18::/32"], .5, {}),
    "vivo_mob": ("mob", 26599, "TELEFONICA BRASIL S.A", "BR", ["179.240.0.0/12"], ["2804:388::/32"], .5, {"pool": 600}),
    "tim_br": ("mob", 26615, "TIM SA", "BR", ["189.40.0.0/13"], ["2804:214::/32"], .4, {"pool": 500}),
    "telmex": ("res", 8151, "UNINET", "MX", ["187.128.0.0/10"], [], 0, {}),
    "totalplay": ("res", 17072, "TOTAL PLAY TELECOMUNICACIONES SA DE CV", "MX", ["189.203.0.0/16"], [], 0, {}),
    "telcel": ("mob", 28403, "RadioMovil Dipsa, S.A. de C.V.", "MX", ["189.128.0.0/12"], [], 0, {"pool": 400}),
    "att_mx": ("mob", 32098, "AT&T COMUNICACIONES DIGITALES S DE RL", "MX", ["201.144.0.0/14"], [], 0, {"pool": 250}),
    "telecom_ar": ("res", 7303, "Telecom Argentina S.A.", "AR", ["181.0.0.0/12"], [], 0, {}),
    "movistar_ar": ("mob", 22927, "Telefonica de Argentina", "AR", ["186.0.0.0/12"], [], 0, {"pool": 200}),
    "claro_ar": ("mob", 11664, "Techtel LMDS Comunicaciones Interactivas S.A.", "AR", ["181.96.0.0/12"], [], 0, {"pool": 200}),
    "movistar_co": ("res", 3816, "COLOMBIA TELECOMUNICACIONES S.A. ESP", "CO", ["181.48.0.0/12"], [], 0, {}),
    "claro_co": ("mob", 10620, "Telmex Colombia S.A.", "CO", ["181.128.0.0/12"], [], 0, {"pool": 200}),
    "tigo_co": ("mob", 27831, "Colombia Móvil", "CO", ["191.94.0.0/15"], [], 0, {"pool": 150}),
    # ---- India
    "jio_mob": ("mob", 55836, "Reliance Jio Infocomm Limited", "IN", ["49.32.0.0/11"], ["2409:4000::/22"], .85, {"pool": 1200}),
    "jio_home": ("res", 55836, "Reliance Jio Infocomm Limited", "IN", ["157.32.0.0/12"], ["2405:201::/32"], .7, {}),
    "airtel_mob": ("mob", 45609, "Bharti Airtel Ltd. AS for GPRS Service", "IN", ["106.192.0.0/11"], ["2401:4900::/32"], .5,
                   {"pool": 800}),
    "airtel_home": ("res", 24560, "Bharti Airtel Ltd., Telemedia Services", "IN", ["122.160.0.0/12"], [], 0, {}),
    "vi_mob": ("mob", 38266, "Vodafone Idea Ltd", "IN", ["27.56.0.0/13"], [], 0, {"pool": 500}),
    "act": ("res", 24309, "Atria Convergence Technologies Pvt. Ltd. Broadband Internet Service Provider INDIA", "IN",
            ["106.51.0.0/16"], [], 0, {"locs": [("IN", "Bengaluru"), ("IN", "Hyderabad"), ("IN", "Chennai"), ("IN", "Delhi")]}),
    # ---- Japan / Korea
    "ntt": ("res", 4713, "NTT Communications Corporation", "JP", ["153.128.0.0/10"], ["2400:4050::/30"], .5, {}),
    "softbank": ("res", 17676, "SoftBank Corp.", "JP", ["126.0.0.0/9"], ["240b:10::/32"], .4, {}),
    "softbank_mob": ("mob", 17676, "SoftBank Corp.", "JP", ["126.128.0.0/9"], [], 0, {"pool": 600}),
    "kddi": ("res", 2516, "KDDI CORPORATION", "JP", ["106.128.0.0/12"], [], 0, {}),
    "docomo": ("mob", 9605, "NTT DOCOMO, INC.", "JP", ["1.72.0.0/13"], ["2001:268::/32"], .4, {"pool": 800}),
    "kt": ("res", 4766, "Korea Telecom", "KR", ["175.192.0.0/10"], [], 0, {}),
    "skb": ("res", 9318, "SK Broadband Co Ltd", "KR", ["1.224.0.0/11"], [], 0, {}),
    "skt": ("mob", 9644, "SK Telecom", "KR", ["223.32.0.0/11"], [], 0, {"pool": 400}),
    "lgu": ("mob", 17858, "LG POWERCOMM", "KR", ["211.234.0.0/15"], [], 0, {"pool": 300}),
    # ---- Canada / Australia
    "rogers": ("res", 812, "ROGERS-COMMUNICATIONS", "CA", ["99.224.0.0/11"], ["2607:fea8::/29"], .3, {}),
    "bell": ("res", 577, "BACOM", "CA", ["70.24.0.0/13", "142.112.0.0/12"], [], 0, {}),
    "videotron": ("res", 5769, "VIDEOTRON", "CA", ["24.200.0.0/13"], [], 0, {"locs": [("CA", "Montreal")]}),
    "telus_mob": ("mob", 852, "TELUS Communications Inc.", "CA", ["154.20.0.0/15"], [], 0, {"pool": 400}),
    "rogers_mob": ("mob", 812, "ROGERS-COMMUNICATIONS", "CA", ["72.136.0.0/13"], [], 0, {"pool": 400}),
    "telstra_mob": ("mob", 1221, "Telstra Limited", "AU", ["1.128.0.0/11"], ["2001:8004::/32"], .5, {"pool": 500}),
    "telstra_home": ("res", 1221, "Telstra Limited", "AU", ["110.144.0.0/12"], [], 0, {}),
    "tpg": ("res", 7545, "TPG Telecom Limited", "AU", ["101.160.0.0/11"], [], 0, {}),
    "optus_mob": ("mob", 4804, "Microplex PTY LTD", "AU", ["49.176.0.0/12"], [], 0, {"pool": 300}),
    # ---- SE Asia
    "globe": ("mob", 132199, "Globe Telecom Inc.", "PH", ["112.198.0.0/15", "175.176.0.0/14"], ["2001:4451::/32"], .3,
              {"pool": 250}),
    "smart": ("mob", 10139, "Smart Broadband, Inc.", "PH", ["110.54.128.0/17"], [], 0, {"pool": 200}),
    "pldt": ("res", 9299, "Philippine Long Distance Telephone Company", "PH", ["112.200.0.0/13"], [], 0, {}),
    "converge": ("res", 17639, "Converge ICT Solutions Inc.", "PH", ["180.190.0.0/15"], [], 0, {}),
    "telkomsel": ("mob", 23693, "PT. Telekomunikasi Selular", "ID", ["114.122.0.0/15", "182.0.0.0/12"], [], 0, {"pool": 300}),
    "xl": ("mob", 24203, "PT XL Axiata", "ID", ["112.215.0.0/16"], [], 0, {"pool": 200}),
    "indosat": ("mob", 4761, "INDOSAT-INP-AP INDOSAT Internet Network Provider", "ID", ["114.4.0.0/14"], [], 0, {"pool": 200}),
    "telkom_id": ("res", 7713, "PT Telekomunikasi Indonesia", "ID", ["36.64.0.0/11"], [], 0, {}),
    "biznet": ("res", 17451, "BIZNET NETWORKS", "ID", ["182.253.0.0/16"], [], 0, {}),
    "viettel": ("mob", 7552, "Viettel Group", "VN", ["27.64.0.0/12", "171.224.0.0/12"], ["2402:800::/32"], .3, {"pool": 300}),
    "vnpt": ("res", 45899, "VNPT Corp", "VN", ["113.160.0.0/11"], [], 0, {}),
    "fpt": ("res", 18403, "FPT Telecom Company", "VN", ["42.112.0.0/13"], [], 0, {}),
    "singtel": ("res", 9506, "Singtel Fibre Broadband", "SG", ["116.86.0.0/15"], [], 0, {}),
    "starhub_mob": ("mob", 4657, "StarHub Ltd", "SG", ["203.116.0.0/16"], [], 0, {"pool": 150}),
    # ---- Turkey / Nordics / Ireland / Switzerland / Ukraine
    "turktelekom": ("res", 9121, "Turk Telekomunikasyon Anonim Sirketi", "TR", ["78.160.0.0/11", "88.224.0.0/11"], [], 0, {}),
    "superonline": ("res", 34984, "Superonline Iletisim Hizmetleri A.S.", "TR", ["176.232.0.0/13"], [], 0, {}),
    "turkcell": ("mob", 16135, "Turkcell Iletisim Hizmetleri A.S.", "TR", ["178.240.0.0/13"], [], 0, {"pool": 300}),
    "vodafone_tr": ("mob", 15897, "Vodafone Net Iletisim Hizmetleri Anonim Sirketi", "TR", ["31.206.0.0/15"], [], 0, {"pool": 200}),
    "telia": ("res", 3301, "Telia Company AB", "SE", ["78.64.0.0/12"], ["2001:2040::/29"], .3, {}),
    "bahnhof": ("res", 8473, "Bahnhof AB", "SE", ["213.80.96.0/19"], [], 0, {}),
    "tele2": ("mob", 1257, "Tele2 Sverige AB", "SE", ["90.224.0.0/12"], [], 0, {"pool": 200}),
    "elisa": ("res", 719, "Elisa Oyj", "FI", ["85.76.0.0/14"], [], 0, {}),
    "dna": ("mob", 16086, "DNA Oyj", "FI", ["85.156.0.0/14"], [], 0, {"pool": 150}),
    "eir": ("res", 5466, "Eircom Limited", "IE", ["86.40.0.0/13"], [], 0, {}),
    "three_ie": ("mob", 13280, "Three Ireland (Hutchison) limited", "IE", ["37.228.192.0/18"], [], 0, {"pool": 150}),
    "swisscom": ("res", 3303, "Swisscom (Schweiz) AG", "CH", ["85.0.0.0/13", "178.192.0.0/13"], ["2a02:1210::/28"], .5, {}),
    "sunrise_mob": ("mob", 6730, "Sunrise GmbH", "CH", ["212.25.0.0/18"], [], 0, {"pool": 150}),
    "kyivstar": ("mob", 15895, "Kyivstar PJSC", "UA", ["46.211.0.0/16", "176.36.0.0/14"], [], 0, {"pool": 200}),
    "ukrtelecom": ("res", 6849, "JSC \"Ukrtelecom\"", "UA", ["91.196.0.0/14"], [], 0, {}),
    # ---- Africa / South Asia
    "mtn_ng": ("mob", 29465, "MTN NIGERIA Communication limited", "NG", ["102.88.0.0/14", "197.210.0.0/15"], [], 0, {"pool": 120}),
    "airtel_ng": ("mob", 36873, "Airtel Networks Limited", "NG", ["105.112.0.0/12"], [], 0, {"pool": 100}),
    "glo": ("mob", 37148, "Globacom Limited", "NG", ["41.190.0.0/18"], [], 0, {"pool": 60}),
    "spectranet": ("res", 37385, "Spectranet Limited", "NG", ["102.67.0.0/16"], [], 0, {}),
    "vodacom": ("mob", 29975, "VODACOM", "ZA", ["41.0.0.0/11"], [], 0, {"pool": 200}),
    "mtn_za": ("mob", 16637, "MTN SA", "ZA", ["197.184.0.0/13"], [], 0, {"pool": 150}),
    "telkom_za": ("res", 37457, "Telkom SA Ltd.", "ZA", ["105.224.0.0/12"], [], 0, {}),
    "afrihost": ("res", 37611, "Afrihost", "ZA", ["102.132.0.0/16"], [], 0, {}),
    "tedata": ("res", 8452, "TE Data", "EG", ["41.32.0.0/12"], [], 0, {}),
    "vodafone_eg": ("mob", 24835, "Vodafone Data", "EG", ["41.64.0.0/13"], [], 0, {"pool": 150}),
    "orange_eg": ("mob", 37069, "Mobinil", "EG", ["197.32.0.0/13"], [], 0, {"pool": 120}),
    "ptcl": ("res", 17557, "Pakistan Telecommunication Company Limited", "PK", ["39.32.0.0/11"], [], 0, {}),
    "jazz": ("mob", 45669, "Mobilink-PK", "PK", ["119.160.96.0/19"], [], 0, {"pool": 120}),
    "zong": ("mob", 59257, "China Mobile Pak", "PK", ["39.128.0.0/13"], [], 0, {"pool": 120}),
    "gp": ("mob", 24389, "Grameenphone Ltd.", "BD", ["37.111.192.0/18", "103.67.156.0/22"], [], 0, {"pool": 100}),
    "robi": ("mob", 24432, "Robi Axiata Limited", "BD", ["103.230.104.0/22"], [], 0, {"pool": 60}),
    "link3": ("res", 23688, "Link3 Technologies Ltd.", "BD", ["103.4.144.0/21", "202.4.96.0/19"], [], 0, {}),
    # ---- blocked region
    "rostelecom": ("res", 12389, "Rostelecom", "RU", ["95.24.0.0/13", "79.136.0.0/14"], [], 0, {}),
    "beeline": ("res", 3216, "PJSC \"Vimpelcom\"", "RU", ["89.178.0.0/15"], [], 0, {}),
    "mts": ("mob", 8359, "MTS PJSC", "RU", ["176.59.0.0/16", "213.87.0.0/16"], [], 0, {"pool": 200}),
    "megafon": ("mob", 31213, "PJSC MegaFon", "RU", ["83.149.0.0/17"], [], 0, {"pool": 200}),
    "beltelecom": ("res", 6697, "Republican Unitary Telecommunication Enterprise Beltelecom", "BY", ["178.120.0.0/13"], [], 0, {}),
    "a1_by": ("mob", 42772, "Unitary enterprise A1", "BY", ["37.45.0.0/16"], [], 0, {"pool": 80}),
    "tci": ("res", 58224, "Iran Telecommunication Company PJS", "IR", ["2.176.0.0/12"], [], 0, {}),
    "mci": ("mob", 197207, "Mobile Communication Company of Iran PLC", "IR", ["5.112.0.0/12"], [], 0, {"pool": 150}),
    "irancell": ("mob", 44244, "Iran Cell Service and Communication Company", "IR", ["5.208.0.0/12"], [], 0, {"pool": 150}),
    # ---- clouds / hosting
    "aws": ("host", 16509, "AMAZON-02", None, ["3.0.0.0/9", "18.128.0.0/9", "52.0.0.0/11", "54.144.0.0/12"], ["2600:1f00::/24"], .1,
            {"locs": [("US", "Ashburn"), ("US", "Columbus"), ("US", "Boardman"), ("IE", "Dublin"), ("DE", "Frankfurt am Main"),
                      ("GB", "London"), ("JP", "Tokyo"), ("SG", "Singapore"), ("IN", "Mumbai"), ("BR", "São Paulo"),
                      ("AU", "Sydney"), ("CA", "Montreal"), ("SE", "Stockholm"), ("FR", "Paris")]}),
    "aws_aes": ("host", 14618, "AMAZON-AES", None, ["54.80.0.0/12"], [], 0, {"locs": [("US", "Ashburn")]}),
    "gcp": ("host", 396982, "GOOGLE-CLOUD-PLATFORM", None, ["34.64.0.0/10", "35.184.0.0/13"], [], 0,
            {"locs": [("US", "Council Bluffs"), ("US", "Ashburn"), ("US", "Boardman"), ("NL", "Eindhoven"), ("DE", "Frankfurt am Main"),
                      ("JP", "Tokyo"), ("SG", "Singapore"), ("IN", "Mumbai")]}),
    "azure": ("host", 8075, "MICROSOFT-CORP-MSN-AS-BLOCK", None, ["20.0.0.0/11", "40.64.0.0/10"], [], 0,
              {"locs": [("US", "Ashburn"), ("US", "San Jose"), ("NL", "Amsterdam"), ("IE", "Dublin"), ("GB", "London"),
                        ("IN", "Pune"), ("JP", "Tokyo")]}),
    "digitalocean": ("host", 14061, "DIGITALOCEAN-ASN", None, ["159.65.0.0/16", "167.99.0.0/16", "138.68.0.0/16", "164.90.0.0/16"],
                     ["2604:a880::/32"], .1,
                     {"locs": [("US", "Clifton"), ("US", "Santa Clara"), ("NL", "Amsterdam"), ("DE", "Frankfurt am Main"),
                               ("GB", "London"), ("SG", "Singapore"), ("IN", "Bengaluru"), ("CA", "Toronto")]}),
    "ovh": ("host", 16276, "OVH SAS", None, ["51.68.0.0/16", "54.36.0.0/16", "51.75.0.0/16", "147.135.0.0/16"], ["2001:41d0::/32"], .1,
            {"locs": [("FR", "Roubaix"), ("FR", "Gravelines"), ("CA", "Beauharnois"), ("PL", "Warsaw"), ("GB", "London"),
                      ("DE", "Frankfurt am Main")]}),
    "hetzner": ("host", 24940, "Hetzner Online GmbH", None, ["88.198.0.0/16", "95.216.0.0/16", "176.9.0.0/16", "5.9.0.0/16",
                                                             "65.108.0.0/15"], ["2a01:4f8::/29"], .15,
                {"locs": [("DE", "Falkenstein"), ("DE", "Nuremberg"), ("FI", "Tuusula")]}),
    "vultr": ("host", 20473, "AS-CHOOPA", None, ["45.32.0.0/16", "45.76.0.0/16", "149.28.0.0/16", "108.61.0.0/16"], ["2001:19f0::/32"], .1,
              {"locs": [("US", "Piscataway"), ("US", "Los Angeles"), ("US", "Dallas"), ("JP", "Tokyo"), ("DE", "Frankfurt am Main"),
                        ("NL", "Amsterdam"), ("SG", "Singapore"), ("GB", "London")]}),
    "linode": ("host", 63949, "Akamai Connected Cloud", None, ["172.104.0.0/15", "139.162.0.0/16", "45.79.0.0/16"], [], 0,
               {"locs": [("US", "Clifton"), ("US", "Dallas"), ("GB", "London"), ("DE", "Frankfurt am Main"), ("JP", "Tokyo"),
                         ("SG", "Singapore")]}),
    "contabo": ("host", 51167, "Contabo GmbH", None, ["161.97.0.0/16", "173.212.192.0/18", "62.171.128.0/17"], [], 0,
                {"locs": [("DE", "Nuremberg"), ("DE", "Düsseldorf"), ("US", "St Louis")]}),
    "alibaba": ("host", 45102, "Alibaba US Technology Co., Ltd.", None, ["47.74.0.0/15", "8.208.0.0/12"], [], 0,
                {"locs": [("SG", "Singapore"), ("US", "San Jose"), ("JP", "Tokyo"), ("DE", "Frankfurt am Main")]}),
    "tencent": ("host", 132203, "Tencent Building, Kejizhongyi Avenue", None, ["43.128.0.0/10"], [], 0,
                {"locs": [("SG", "Singapore"), ("US", "San Jose"), ("DE", "Frankfurt am Main"), ("KR", "Seoul")]}),
    # ---- VPN-heavy hosting (consumer VPN exits)
    "m247": ("vpn", 9009, "M247 Europe SRL", None, ["37.120.128.0/17", "146.70.0.0/16", "89.44.192.0/18"], [], 0,
             {"locs": [("GB", "London"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"), ("FR", "Paris"), ("US", "New York"),
                       ("US", "Los Angeles"), ("ES", "Madrid"), ("IT", "Milan"), ("SE", "Stockholm"), ("CH", "Zurich"),
                       ("PL", "Warsaw"), ("JP", "Tokyo"), ("CA", "Toronto"), ("SG", "Singapore")], "pool": 24}),
    "datacamp": ("vpn", 60068, "Datacamp Limited", None, ["89.187.160.0/19", "143.244.32.0/19", "138.199.0.0/17"], [], 0,
                 {"locs": [("GB", "London"), ("US", "New York"), ("US", "Los Angeles"), ("US", "Dallas"), ("US", "Miami"),
                           ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"), ("SG", "Singapore"), ("JP", "Tokyo"),
                           ("AU", "Sydney"), ("FR", "Paris"), ("CA", "Toronto")], "pool": 24}),
    "packethub": ("vpn", 147049, "PacketHub S.A.", None, ["185.236.200.0/22", "45.87.212.0/22", "185.177.124.0/22"], [], 0,
                  {"locs": [("US", "New York"), ("US", "Chicago"), ("GB", "London"), ("DE", "Frankfurt am Main"),
                            ("NL", "Amsterdam")], "pool": 16}),
    "mullvad": ("vpn", 39351, "31173 Services AB", None, ["185.65.134.0/23", "193.138.218.0/24", "45.83.220.0/22"], [], 0,
                {"locs": [("SE", "Stockholm"), ("SE", "Malmö"), ("SE", "Gothenburg")], "pool": 12}),
    "proton": ("vpn", 62371, "Proton AG", None, ["185.159.156.0/22", "149.88.0.0/18"], [], 0,
               {"locs": [("CH", "Zurich"), ("CH", "Geneva"), ("NL", "Amsterdam"), ("US", "New York")], "pool": 16}),
    "stark": ("vpn", 44477, "Stark Industries Solutions Ltd", None, ["45.142.212.0/22", "94.131.96.0/19", "5.181.0.0/21"], [], 0,
              {"locs": [("NL", "Amsterdam"), ("DE", "Frankfurt am Main"), ("GB", "London"), ("FI", "Helsinki")], "pool": 16}),
    "aeza": ("vpn", 210644, "AEZA INTERNATIONAL LTD", None, ["77.91.64.0/19"], [], 0,
             {"locs": [("NL", "Amsterdam"), ("DE", "Frankfurt am Main"), ("FI", "Helsinki"), ("SE", "Stockholm")], "pool": 12}),
    # ---- privacy relays (iCloud Private Relay egress / WARP)
    "akamai_relay": ("relay", 36183, "Akamai Technologies, Inc.", None, ["172.224.0.0/12"], ["2a02:26f7::/32"], .6, {"pool": 250}),
    "cloudflare_relay": ("relay", 13335, "Cloudflare, Inc.", None, ["104.28.0.0/16"], ["2a09:bac0::/29"], .6, {"pool": 250}),
    # ---- corporate / business
    "zscaler": ("corp", 53813, "ZSCALER-INC", None, ["165.225.0.0/17", "136.226.0.0/16", "147.161.128.0/17"], [], 0,
                {"locs": [("US", "New York"), ("US", "Chicago"), ("US", "San Jose"), ("US", "Dallas"), ("US", "Atlanta"),
                          ("GB", "London"), ("DE", "Frankfurt am Main"), ("FR", "Paris"), ("NL", "Amsterdam"), ("IN", "Mumbai"),
                          ("IN", "Bengaluru"), ("JP", "Tokyo"), ("SG", "Singapore"), ("BR", "São Paulo"), ("AU", "Sydney"),
                          ("CA", "Toronto")], "pool": 30}),
    "cisco": ("corp", 109, "CISCOSYSTEMS", None, ["173.36.0.0/14", "72.163.0.0/16"], [], 0,
              {"locs": [("US", "San Jose"), ("US", "Raleigh"), ("GB", "London"), ("IN", "Bengaluru")], "pool": 8}),
    "lumen": ("biz", 3356, "LEVEL3", "US", ["4.0.0.0/9"], [], 0, {}),
    "cogent": ("biz", 174, "COGENT-174", None, ["38.0.0.0/10"], [], 0,
               {"locs": [("US", "New York"), ("US", "Chicago"), ("US", "Los Angeles"), ("US", "Boston"), ("US", "Seattle"),
                         ("GB", "London"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"), ("FR", "Paris"), ("ES", "Madrid"),
                         ("CA", "Toronto"), ("MX", "Mexico City")]}),
    "zayo": ("biz", 6461, "ZAYO-6461", "US", ["64.124.0.0/15"], [], 0, {}),
    "colt": ("biz", 8220, "COLT Technology Services Group Limited", None, ["212.36.0.0/18", "213.61.0.0/16"], [], 0,
             {"locs": [("GB", "London"), ("DE", "Frankfurt am Main"), ("DE", "Munich"), ("FR", "Paris"), ("IT", "Milan"),
                       ("ES", "Madrid"), ("NL", "Amsterdam"), ("CH", "Zurich")]}),
    "tata_biz": ("biz", 4755, "TATA Communications formerly VSNL is Leading ISP", "IN", ["14.140.0.0/14"], [], 0, {}),
    # ---- universities / research networks
    "stanford": ("edu", 32, "STANFORD", "US", ["171.64.0.0/14"], ["2607:f6d0::/32"], .3, {"locs": [("US", "Stanford")]}),
    "berkeley": ("edu", 25, "UCB", "US", ["128.32.0.0/16", "136.152.0.0/16"], [], 0, {"locs": [("US", "Berkeley")]}),
    "umich": ("edu", 36375, "UMICH-AS-5", "US", ["141.211.0.0/16", "35.0.0.0/16"], [], 0, {"locs": [("US", "Ann Arbor")]}),
    "jisc": ("edu", 786, "Jisc Services Limited", "GB", ["128.86.0.0/16", "130.88.0.0/16", "129.67.0.0/16"], [], 0,
             {"locs": [("GB", "London"), ("GB", "Manchester"), ("GB", "Oxford")]}),
    "dfn": ("edu", 680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "DE", ["141.84.0.0/14", "129.187.0.0/16"],
            ["2001:4ca0::/29"], .3, {"locs": [("DE", "Munich"), ("DE", "Berlin"), ("DE", "Hamburg"), ("DE", "Leipzig")]}),
    "renater": ("edu", 2200, "Renater", "FR", ["193.48.0.0/14"], [], 0, {"locs": [("FR", "Paris"), ("FR", "Lyon"), ("FR", "Toulouse")]}),
    "surf": ("edu", 1103, "SURF B.V.", "NL", ["145.0.0.0/11"], [], 0, {}),
    "nkn": ("edu", 55824, "NKN Core Network", "IN", ["14.139.0.0/16"], [], 0, {}),
    "rnp": ("edu", 1916, "Associação Rede Nacional de Ensino e Pesquisa", "BR", ["200.130.0.0/16"], [], 0, {}),
    # ---- Tor exits
    "tor_sef": ("tor", 60729, "Stiftung Erneuerbare Freiheit", None, ["185.220.100.0/22"], [], 0,
                {"locs": [("DE", "Frankfurt am Main")], "pool": 40}),
    "tor_eo": ("tor", 396507, "Emerald Onion", None, ["23.129.64.0/24"], [], 0, {"locs": [("US", "Seattle")], "pool": 20}),
    "tor_ft": ("tor", 53667, "FranTech Solutions", None, ["209.141.32.0/19"], [], 0, {"locs": [("US", "Las Vegas")], "pool": 20}),
}

HOME_ISPS = {
    "US": [("comcast", 30), ("charter", 22), ("att_res", 16), ("fios", 10), ("cox", 8), ("centurylink", 6), ("spectrum_tx", 4)],
    "GB": [("bt", 35), ("sky", 25), ("virgin", 25)], "DE": [("dtag", 55), ("vodafone_de", 35)],
    "FR": [("orange_fr", 45), ("free", 30), ("sfr", 25)], "ES": [("movistar", 70), ("digi_es", 30)],
    "IT": [("tim", 65), ("fastweb", 35)], "NL": [("kpn", 50), ("ziggo", 50)], "PL": [("orange_pl", 1)],
    "BR": [("claro_br", 50), ("vivo", 50)], "MX": [("telmex", 70), ("totalplay", 30)],
    "IN": [("jio_home", 40), ("airtel_home", 35), ("act", 25)], "JP": [("ntt", 40), ("softbank", 30), ("kddi", 30)],
    "CA": [("rogers", 35), ("bell", 45), ("videotron", 20)], "AU": [("telstra_home", 55), ("tpg", 45)],
    "PH": [("pldt", 60), ("converge", 40)], "NG": [("spectranet", 1)], "ID": [("telkom_id", 70), ("biznet", 30)],
    "VN": [("vnpt", 50), ("fpt", 50)], "TR": [("turktelekom", 65), ("superonline", 35)], "SE": [("telia", 70), ("bahnhof", 30)],
    "KR": [("kt", 55), ("skb", 45)], "ZA": [("telkom_za", 55), ("afrihost", 45)], "AR": [("telecom_ar", 1)],
    "CO": [("movistar_co", 1)], "EG": [("tedata", 1)], "PK": [("ptcl", 1)], "BD": [("link3", 1)], "UA": [("ukrtelecom", 1)],
    "IE": [("eir", 1)], "CH": [("swisscom", 1)], "FI": [("elisa", 1)], "SG": [("singtel", 1)],
    "RU": [("rostelecom", 60), ("beeline", 40)], "BY": [("beltelecom", 1)], "IR": [("tci", 1)],
}
MOBILE_NETS = {
    "US": [("tmobile_us", 40), ("verizon_wl", 35), ("att_mob", 25)], "GB": [("ee", 45), ("vodafone_uk", 25), ("o2_uk", 30)],
    "DE": [("dtag_mob", 45), ("vodafone_de_mob", 30), ("o2_de", 25)], "FR": [("bouygues", 45), ("free_mob", 55)],
    "ES": [("vodafone_es", 50), ("orange_es", 50)], "IT": [("vodafone_it", 50), ("windtre", 50)], "NL": [("tmobile_nl", 1)],
    "PL": [("tmobile_pl", 50), ("play", 50)], "BR": [("vivo_mob", 55), ("tim_br", 45)], "MX": [("telcel", 70), ("att_mx", 30)],
    "IN": [("jio_mob", 50), ("airtel_mob", 35), ("vi_mob", 15)], "JP": [("docomo", 45), ("softbank_mob", 55)],
    "CA": [("telus_mob", 50), ("rogers_mob", 50)], "AU": [("telstra_mob", 60), ("optus_mob", 40)],
    "PH": [("globe", 55), ("smart", 45)], "NG": [("mtn_ng", 55), ("airtel_ng", 30), ("glo", 15)],
    "ID": [("telkomsel", 55), ("xl", 25), ("indosat", 20)], "VN": [("viettel", 1)], "TR": [("turkcell", 60), ("vodafone_tr", 40)],
    "SE": [("tele2", 1)], "KR": [("skt", 60), ("lgu", 40)], "ZA": [("vodacom", 55), ("mtn_za", 45)],
    "AR": [("movistar_ar", 50), ("claro_ar", 50)], "CO": [("claro_co", 60), ("tigo_co", 40)], "EG": [("vodafone_eg", 60), ("orange_eg", 40)],
    "PK": [("jazz", 55), ("zong", 45)], "BD": [("gp", 70), ("robi", 30)], "UA": [("kyivstar", 1)], "IE": [("three_ie", 1)],
    "CH": [("sunrise_mob", 1)], "FI": [("dna", 1)], "SG": [("starhub_mob", 1)], "RU": [("mts", 55), ("megafon", 45)],
    "BY": [("a1_by", 1)], "IR": [("mci", 60), ("irancell", 40)],
}

# ---- languages: options per country: (navigator.languages, weight)
LANGS = {
    "US": [(["en-US", "en"], 90), (["es-US", "es", "en-US", "en"], 6), (["en-US"], 4)],
    "GB": [(["en-GB", "en-US", "en"], 70), (["en-GB", "en"], 20), (["en-US", "en"], 10)],
    "DE": [(["de-DE", "de", "en-US", "en"], 70), (["de-DE", "de"], 10), (["en-US", "en"], 12), (["ru-RU", "ru", "de-DE", "de"], 3),
           (["tr-TR", "tr", "de-DE", "de"], 5)],
    "FR": [(["fr-FR", "fr", "en-US", "en"], 80), (["fr-FR", "fr"], 10), (["en-US", "en"], 10)],
    "ES": [(["es-ES", "es"], 70), (["es-ES", "es", "en-US", "en"], 20), (["en-US", "en"], 10)],
    "IT": [(["it-IT", "it", "en-US", "en"], 75), (["it-IT", "it"], 15), (["en-US", "en"], 10)],
    "NL": [(["nl-NL", "nl", "en-US", "en"], 65), (["en-US", "en"], 25), (["en-GB", "en", "nl"], 10)],
    "PL": [(["pl-PL", "pl", "en-US", "en"], 80), (["en-US", "en"], 20)],
    "BR": [(["pt-BR", "pt", "en-US", "en"], 80), (["pt-BR", "pt"], 15), (["en-US", "en"], 5)],
    "MX": [(["es-MX", "es", "en"], 50), (["es-419", "es"], 30), (["en-US", "en"], 20)],
    "IN": [(["en-US", "en"], 45), (["en-IN", "en-GB", "en-US", "en", "hi"], 35), (["en-GB", "en"], 15), (["hi-IN", "hi", "en"], 5)],
    "JP": [(["ja", "en-US", "en"], 60), (["ja-JP", "ja"], 30), (["en-US", "en"], 10)],
    "CA": [(["en-CA", "en-US", "en"], 55), (["en-US", "en"], 25), (["fr-CA", "fr", "en-CA", "en"], 20)],
    "AU": [(["en-AU", "en-GB", "en"], 60), (["en-US", "en"], 40)],
    "PH": [(["en-US", "en"], 80), (["en-PH", "en", "fil"], 20)],
    "NG": [(["en-US", "en"], 60), (["en-GB", "en-US", "en"], 30), (["en-NG", "en"], 10)],
    "ID": [(["id-ID", "id", "en-US", "en"], 60), (["en-US", "en"], 35), (["id"], 5)],
    "VN": [(["vi-VN", "vi", "en-US", "en"], 65), (["en-US", "en"], 35)],
    "TR": [(["tr-TR", "tr", "en-US", "en"], 80), (["en-US", "en"], 20)],
    "SE": [(["sv-SE", "sv", "en-US", "en"], 70), (["en-US", "en"], 30)],
    "KR": [(["ko-KR", "ko", "en-US", "en"], 85), (["en-US", "en"], 15)],
    "ZA": [(["en-ZA", "en-GB", "en-US", "en"], 50), (["en-US", "en"], 40), (["af", "en-ZA", "en"], 10)],
    "AR": [(["es-AR", "es", "en"], 60), (["es-419", "es"], 25), (["en-US", "en"], 15)],
    "CO": [(["es-CO", "es", "en"], 50), (["es-419", "es"], 35), (["en-US", "en"], 15)],
    "EG": [(["ar-EG", "ar", "en-US", "en"], 50), (["en-US", "en"], 50)],
    "PK": [(["en-US", "en"], 75), (["en-GB", "en", "ur"], 25)],
    "BD": [(["en-US", "en"], 70), (["bn-BD", "bn", "en-US", "en"], 30)],
    "UA": [(["uk-UA", "uk", "ru", "en-US", "en"], 55), (["ru-RU", "ru", "uk", "en"], 25), (["en-US", "en"], 20)],
    "IE": [(["en-IE", "en-GB", "en"], 50), (["en-GB", "en"], 30), (["en-US", "en"], 20)],
    "CH": [(["de-CH", "de", "en-US", "en"], 55), (["fr-CH", "fr", "en"], 25), (["en-US", "en"], 20)],
    "FI": [(["fi-FI", "fi", "en-US", "en"], 70), (["en-US", "en"], 30)],
    "SG": [(["en-SG", "en-US", "en"], 40), (["en-US", "en"], 45), (["zh-CN", "zh", "en"], 15)],
    "RU": [(["ru-RU", "ru", "en-US", "en"], 80), (["ru", "en"], 10), (["en-US", "en"], 10)],
    "BY": [(["ru-RU", "ru", "be", "en"], 75), (["be-BY", "be", "ru", "en"], 10), (["en-US", "en"], 15)],
    "IR": [(["fa-IR", "fa", "en-US", "en"], 60), (["en-US", "en"], 40)],
}

FAKER_LOCALE = {
    "US": "en_US", "GB": "en_GB", "DE": "de_DE", "FR": "fr_FR", "ES": "es_ES", "IT": "it_IT", "NL": "nl_NL", "PL": "pl_PL",
    "BR": "pt_BR", "MX": "es_MX", "IN": "en_IN", "JP": "ja_JP", "CA": "en_CA", "AU": "en_AU", "PH": "en_PH", "NG": "yo_NG",
    "ID": "id_ID", "VN": "vi_VN", "TR": "tr_TR", "SE": "sv_SE", "KR": "ko_KR", "ZA": "zu_ZA", "AR": "es_AR", "CO": "es_CO",
    "EG": "ar_EG", "PK": "en_PK", "BD": "bn_BD", "UA": "uk_UA", "IE": "en_IE", "CH": "de_CH", "FI": "fi_FI", "SG": "en_US",
    "RU": "ru_RU", "BY": "ru_RU", "IR": "fa_IR",
}
ROMAN_NAMES = {  # locales whose faker names are not in Latin script
    "KR": (["minjun", "seoyeon", "jiwoo", "hyunwoo", "jiho", "yuna", "seojun", "hayoon", "dohyun", "eunji", "jisoo", "minseo",
            "taeyang", "sora", "junho", "hyejin"],
           ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "shin", "seo", "kwon"]),
    "BD": (["rahim", "karim", "sabbir", "tanvir", "nusrat", "farhana", "sadia", "mehedi", "rakib", "arif", "shakil", "jannat",
            "tasnim", "imran", "mahmud", "rifat", "sumaiya", "nahid"],
           ["hossain", "rahman", "ahmed", "islam", "khan", "chowdhury", "akter", "uddin", "sarker", "mia", "alam", "haque"]),
    "IR": (["ali", "reza", "mohammad", "hossein", "amir", "sara", "maryam", "fatemeh", "zahra", "mehdi", "neda", "arash",
            "parisa", "saeed", "hamid", "nima", "shirin"],
           ["ahmadi", "hosseini", "mohammadi", "rezaei", "moradi", "karimi", "jafari", "rahimi", "sadeghi", "ghasemi", "kazemi",
            "azizi", "nazari"]),
    "EG": (["mohamed", "ahmed", "mahmoud", "mostafa", "omar", "youssef", "nour", "mariam", "salma", "aya", "hana", "karim",
            "tarek", "hossam", "menna", "yasmin"],
           ["hassan", "ibrahim", "ali", "mahmoud", "abdelrahman", "salem", "fathy", "farouk", "nabil", "mansour", "saad", "gamal",
            "elsayed", "hamdy"]),
}

# email providers per country (domain, weight); merged with GLOBAL_MAIL
GLOBAL_MAIL = [("gmail.com", 55), ("outlook.com", 6), ("hotmail.com", 6), ("yahoo.com", 6), ("icloud.com", 4),
               ("proton.me", 1.2), ("protonmail.com", .5), ("live.com", 1), ("aol.com", .6), ("gmx.com", .3), ("mail.com", .3),
               ("zoho.com", .2), ("fastmail.com", .2), ("me.com", .4), ("yandex.com", .2), ("tutanota.com", .1)]
LOCAL_MAIL = {
    "US": [("aol.com", 2), ("comcast.net", 1.2), ("att.net", 1), ("verizon.net", .4), ("sbcglobal.net", .5), ("icloud.com", 6),
           ("msn.com", .5)],
    "GB": [("btinternet.com", 3), ("yahoo.co.uk", 3), ("hotmail.co.uk", 5), ("sky.com", 1.5), ("icloud.com", 3), ("live.co.uk", 1)],
    "DE": [("web.de", 15), ("gmx.de", 15), ("t-online.de", 6), ("gmx.net", 5), ("posteo.de", 1), ("freenet.de", 1.5),
           ("outlook.de", 2), ("mailbox.org", .5)],
    "FR": [("orange.fr", 8), ("free.fr", 6), ("laposte.net", 4), ("sfr.fr", 3), ("hotmail.fr", 8), ("yahoo.fr", 4), ("wanadoo.fr", 2)],
    "ES": [("hotmail.es", 10), ("yahoo.es", 4), ("telefonica.net", 1), ("outlook.es", 3)],
    "IT": [("libero.it", 10), ("virgilio.it", 4), ("hotmail.it", 6), ("tiscali.it", 2), ("alice.it", 2)],
    "NL": [("ziggo.nl", 3), ("kpnmail.nl", 2), ("live.nl", 5), ("hotmail.nl", 3)],
    "PL": [("wp.pl", 12), ("o2.pl", 8), ("onet.pl", 8), ("interia.pl", 5)],
    "BR": [("hotmail.com", 15), ("uol.com.br", 3), ("bol.com.br", 2), ("yahoo.com.br", 3), ("outlook.com", 5)],
    "MX": [("hotmail.com", 20), ("outlook.es", 5), ("yahoo.com.mx", 5), ("outlook.com", 6)],
    "IN": [("rediffmail.com", 2), ("yahoo.co.in", 4), ("yahoo.in", 2)],
    "JP": [("yahoo.co.jp", 15), ("docomo.ne.jp", 3), ("ezweb.ne.jp", 2), ("icloud.com", 10), ("softbank.ne.jp", 1)],
    "CA": [("yahoo.ca", 3), ("hotmail.ca", 3), ("shaw.ca", 1), ("rogers.com", 1), ("videotron.ca", .6), ("icloud.com", 4)],
    "AU": [("bigpond.com", 4), ("optusnet.com.au", 2), ("yahoo.com.au", 3), ("icloud.com", 4)],
    "KR": [("naver.com", 35), ("daum.net", 10), ("hanmail.net", 5)],
    "TR": [("hotmail.com", 15), ("yandex.com", 3), ("outlook.com.tr", 2)],
    "SE": [("telia.com", 2), ("hotmail.se", 4), ("live.se", 2)],
    "RU": [("yandex.ru", 25), ("mail.ru", 30), ("rambler.ru", 3), ("bk.ru", 3), ("inbox.ru", 2), ("list.ru", 2), ("ya.ru", 2)],
    "BY": [("tut.by", 4), ("mail.ru", 20), ("yandex.by", 8), ("yandex.ru", 10)],
    "UA": [("ukr.net", 20), ("i.ua", 3), ("meta.ua", 1)],
    "IR": [("yahoo.com", 10), ("chmail.ir", 2)],
    "VN": [("yahoo.com.vn", 2)],
    "ZA": [("webmail.co.za", 2), ("mweb.co.za", 2), ("telkomsa.net", 1)],
    "AR": [("hotmail.com.ar", 5), ("yahoo.com.ar", 4), ("fibertel.com.ar", 1)],
    "EG": [("yahoo.com", 12)], "CH": [("bluewin.ch", 8), ("gmx.ch", 4)], "FI": [("luukku.com", 1), ("elisanet.fi", 1)],
    "IE": [("eircom.net", 2)], "SG": [("singnet.com.sg", 1)],
}
DISPOSABLE = ["mailinator.com", "guerrillamail.com", "sharklasers.com", "grr.la", "yopmail.com", "10minutemail.com",
              "maildrop.cc", "dispostable.com", "trashmail.com", "tempr.email", "mohmal.com", "getnada.com",
              "emailondeck.com", "tempmail.plus", "mail.tm", "spamgourmet.com"]
RELAY_MAIL = ["duck.com", "mozmail.com", "simplelogin.com", "aleeas.com", "passmail.net", "privaterelay.appleid.com"]
