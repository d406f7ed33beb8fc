"""Invented-but-plausible geography: countries, cities, time zones.

Geoname ids of countries and big cities follow GeoNames; subdivision ids are
derived deterministically (they only need to be stable integers).
"""
from dataclasses import dataclass

from util import stable_int

CONTINENTS = {
    "EU": (6255148, {"de": "Europa", "en": "Europe", "es": "Europa", "fr": "Europe"}),
    "AS": (6255147, {"de": "Asien", "en": "Asia", "es": "Asia", "fr": "Asie"}),
    "AF": (6255146, {"de": "Afrika", "en": "Africa", "es": "África", "fr": "Afrique"}),
    "NA": (6255149, {"de": "Nordamerika", "en": "North America", "es": "Norteamérica", "fr": "Amérique du Nord"}),
    "SA": (6255150, {"de": "Südamerika", "en": "South America", "es": "Sudamérica", "fr": "Amérique du Sud"}),
    "OC": (6255151, {"de": "Ozeanien", "en": "Oceania", "es": "Oceanía", "fr": "Océanie"}),
}

# cc: (geoname_id, continent, in_eu, main_tz, lat, lon, names en/de/fr/es)
COUNTRIES = {
    "DE": (2921044, "EU", True, "Europe/Berlin", 51.2993, 9.491, ("Germany", "Deutschland", "Allemagne", "Alemania")),
    "FR": (3017382, "EU", True, "Europe/Paris", 48.8582, 2.3387, ("France", "Frankreich", "France", "Francia")),
    "GB": (2635167, "EU", False, "Europe/London", 51.4964, -0.1224, ("United Kingdom", "Vereinigtes Königreich", "Royaume-Uni", "Reino Unido")),
    "NL": (2750405, "EU", True, "Europe/Amsterdam", 52.3824, 4.8995, ("Netherlands", "Niederlande", "Pays-Bas", "Holanda")),
    "PL": (798544, "EU", True, "Europe/Warsaw", 52.2394, 21.0362, ("Poland", "Polen", "Pologne", "Polonia")),
    "ES": (2510769, "EU", True, "Europe/Madrid", 40.4172, -3.684, ("Spain", "Spanien", "Espagne", "España")),
    "IT": (3175395, "EU", True, "Europe/Rome", 43.1479, 12.1097, ("Italy", "Italien", "Italie", "Italia")),
    "SE": (2661886, "EU", True, "Europe/Stockholm", 59.3247, 18.056, ("Sweden", "Schweden", "Suède", "Suecia")),
    "UA": (690791, "EU", False, "Europe/Kyiv", 50.4522, 30.5287, ("Ukraine", "Ukraine", "Ukraine", "Ucrania")),
    "RO": (798549, "EU", True, "Europe/Bucharest", 44.4268, 26.1025, ("Romania", "Rumänien", "Roumanie", "Rumanía")),
    "PT": (2264397, "EU", True, "Europe/Lisbon", 38.7057, -9.1359, ("Portugal", "Portugal", "Portugal", "Portugal")),
    "CZ": (3077311, "EU", True, "Europe/Prague", 50.0848, 14.4112, ("Czechia", "Tschechien", "Tchéquie", "Chequia")),
    "GR": (390903, "EU", True, "Europe/Athens", 37.9842, 23.7353, ("Greece", "Griechenland", "Grèce", "Grecia")),
    "TR": (298795, "AS", False, "Europe/Istanbul", 41.0214, 28.9948, ("Türkiye", "Türkei", "Turquie", "Turquía")),
    "IN": (1269750, "AS", False, "Asia/Kolkata", 21.9974, 79.0011, ("India", "Indien", "Inde", "India")),
    "PK": (1168579, "AS", False, "Asia/Karachi", 30.0, 70.0, ("Pakistan", "Pakistan", "Pakistan", "Pakistán")),
    "BD": (1210997, "AS", False, "Asia/Dhaka", 23.7018, 90.3742, ("Bangladesh", "Bangladesch", "Bangladesh", "Bangladés")),
    "AE": (290557, "AS", False, "Asia/Dubai", 24.0, 54.0, ("United Arab Emirates", "Vereinigte Arabische Emirate", "Émirats arabes unis", "Emiratos Árabes Unidos")),
    "SA": (102358, "AS", False, "Asia/Riyadh", 25.0, 45.0, ("Saudi Arabia", "Saudi-Arabien", "Arabie saoudite", "Arabia Saudí")),
    "EG": (357994, "AF", False, "Africa/Cairo", 27.0, 30.0, ("Egypt", "Ägypten", "Égypte", "Egipto")),
    "NG": (2328926, "AF", False, "Africa/Lagos", 10.0, 8.0, ("Nigeria", "Nigeria", "Nigeria", "Nigeria")),
    "KE": (192950, "AF", False, "Africa/Nairobi", 1.0, 38.0, ("Kenya", "Kenia", "Kenya", "Kenia")),
    "ZA": (953987, "AF", False, "Africa/Johannesburg", -29.0, 24.0, ("South Africa", "Südafrika", "Afrique du Sud", "Sudáfrica")),
    "IL": (294640, "AS", False, "Asia/Jerusalem", 31.5, 34.75, ("Israel", "Israel", "Israël", "Israel")),
    "US": (6252001, "NA", False, None, 37.751, -97.822, ("United States", "USA", "États Unis", "Estados Unidos")),
    "CA": (6251999, "NA", False, None, 43.6319, -79.3716, ("Canada", "Kanada", "Canada", "Canadá")),
    # sanctioned
    "RU": (2017370, "EU", False, None, 55.7386, 37.6068, ("Russia", "Russland", "Russie", "Rusia")),
    "BY": (630336, "EU", False, "Europe/Minsk", 53.9, 27.5667, ("Belarus", "Belarus", "Biélorussie", "Bielorrusia")),
    "IR": (130758, "AS", False, "Asia/Tehran", 35.698, 51.4115, ("Iran", "Iran", "Iran", "Irán")),
    "KP": (1873107, "AS", False, "Asia/Pyongyang", 39.0339, 125.7543, ("North Korea", "Nordkorea", "Corée du Nord", "Corea del Norte")),
    "SY": (163843, "AS", False, "Asia/Damascus", 33.5102, 36.2913, ("Syria", "Syrien", "Syrie", "Siria")),
    "CU": (3562981, "NA", False, "America/Havana", 23.1195, -82.3785, ("Cuba", "Kuba", "Cuba", "Cuba")),
    # hosting / VPN exits / transit / proxy exits
    "CH": (2658434, "EU", False, "Europe/Zurich", 47.1449, 8.1551, ("Switzerland", "Schweiz", "Suisse", "Suiza")),
    "FI": (660013, "EU", True, "Europe/Helsinki", 60.1717, 24.9349, ("Finland", "Finnland", "Finlande", "Finlandia")),
    "IE": (2963597, "EU", True, "Europe/Dublin", 53.3472, -6.2439, ("Ireland", "Irland", "Irlande", "Irlanda")),
    "SG": (1880251, "AS", False, "Asia/Singapore", 1.3667, 103.8, ("Singapore", "Singapur", "Singapour", "Singapur")),
    "HK": (1819730, "AS", False, "Asia/Hong_Kong", 22.2578, 114.1657, ("Hong Kong", "Hongkong", "Hong Kong", "Hong Kong")),
    "JP": (1861060, "AS", False, "Asia/Tokyo", 35.69, 139.69, ("Japan", "Japan", "Japon", "Japón")),
    "LT": (597427, "EU", True, "Europe/Vilnius", 54.6892, 25.2798, ("Lithuania", "Litauen", "Lituanie", "Lituania")),
    "MD": (617790, "EU", False, "Europe/Chisinau", 47.0, 28.9, ("Moldova", "Moldau", "Moldavie", "Moldavia")),
    "BG": (732800, "EU", True, "Europe/Sofia", 42.6951, 23.325, ("Bulgaria", "Bulgarien", "Bulgarie", "Bulgaria")),
    "AT": (2782113, "EU", True, "Europe/Vienna", 48.2, 16.3667, ("Austria", "Österreich", "Autriche", "Austria")),
    "BE": (2802361, "EU", True, "Europe/Brussels", 50.8509, 4.3447, ("Belgium", "Belgien", "Belgique", "Bélgica")),
    "DK": (2623032, "EU", True, "Europe/Copenhagen", 55.6786, 12.5635, ("Denmark", "Dänemark", "Danemark", "Dinamarca")),
    "NO": (3144096, "EU", False, "Europe/Oslo", 59.955, 10.859, ("Norway", "Norwegen", "Norvège", "Noruega")),
    "VN": (1562822, "AS", False, "Asia/Ho_Chi_Minh", 16.0, 106.0, ("Vietnam", "Vietnam", "Vietnam", "Vietnam")),
    "BR": (3469034, "SA", False, None, -22.8305, -43.2192, ("Brazil", "Brasilien", "Brésil", "Brasil")),
    "ID": (1643084, "AS", False, None, -6.1728, 106.8272, ("Indonesia", "Indonesien", "Indonésie", "Indonesia")),
    "PH": (1694008, "AS", False, "Asia/Manila", 13.0, 122.0, ("Philippines", "Philippinen", "Philippines", "Filipinas")),
    "CN": (1814991, "AS", False, "Asia/Shanghai", 34.7732, 113.722, ("China", "China", "Chine", "China")),
    "KZ": (1522867, "AS", False, None, 48.0, 68.0, ("Kazakhstan", "Kasachstan", "Kazakhstan", "Kazajistán")),
    "GE": (614540, "AS", False, "Asia/Tbilisi", 41.7, 44.8, ("Georgia", "Georgien", "Géorgie", "Georgia")),
    "AM": (174982, "AS", False, "Asia/Yerevan", 40.1824, 44.5137, ("Armenia", "Armenien", "Arménie", "Armenia")),
    "RS": (6290252, "EU", False, "Europe/Belgrade", 44.8166, 20.4721, ("Serbia", "Serbien", "Serbie", "Serbia")),
    "CY": (146669, "EU", True, "Asia/Nicosia", 35.1728, 33.354, ("Cyprus", "Zypern", "Chypre", "Chipre")),
    "MX": (3996063, "NA", False, None, 19.4202, -99.1514, ("Mexico", "Mexiko", "Mexique", "México")),
    "AU": (2077456, "OC", False, None, -33.494, 143.2104, ("Australia", "Australien", "Australie", "Australia")),
    "PA": (3703430, "NA", False, "America/Panama", 9.0, -80.0, ("Panama", "Panama", "Panama", "Panamá")),
    "VG": (3577718, "NA", False, "America/Tortola", 18.5, -64.5, ("British Virgin Islands", "Britische Jungferninseln", "Îles Vierges britanniques", "Islas Vírgenes Británicas")),
    "LU": (2960313, "EU", True, "Europe/Luxembourg", 49.75, 6.1667, ("Luxembourg", "Luxemburg", "Luxembourg", "Luxemburgo")),
    "SC": (241170, "AF", False, "Indian/Mahe", -4.5833, 55.6667, ("Seychelles", "Seychellen", "Seychelles", "Seychelles")),
}


@dataclass(frozen=True)
class City:
    key: str
    cc: str
    name: str
    geoname: int
    lat: float
    lon: float
    sub_iso: str
    sub_name: str
    postal: str      # template, '#' = digit; '' = no postal code
    tz: str
    weight: float


_C = []


def _city(cc, name, gid, lat, lon, sub_iso, sub_name, postal, tz, w):
    _C.append(City("%s/%s" % (cc, name), cc, name, gid, lat, lon, sub_iso, sub_name, postal, tz, w))


B, P, L, A, K, R, M = "Europe/Berlin", "Europe/Paris", "Europe/London", "Europe/Amsterdam", "Asia/Kolkata", "Europe/Rome", "Europe/Madrid"
# Germany
_city("DE", "Berlin", 2950159, 52.5244, 13.4105, "BE", "Land Berlin", "10###", B, 10)
_city("DE", "Munich", 2867714, 48.1374, 11.5755, "BY", "Bavaria", "80###", B, 7)
_city("DE", "Hamburg", 2911298, 53.5507, 9.993, "HH", "Hamburg", "20###", B, 6)
_city("DE", "Frankfurt am Main", 2925533, 50.1155, 8.6842, "HE", "Hesse", "60###", B, 5)
_city("DE", "Cologne", 2886242, 50.9333, 6.95, "NW", "North Rhine-Westphalia", "50###", B, 5)
_city("DE", "Stuttgart", 2825297, 48.7823, 9.177, "BW", "Baden-Württemberg", "70###", B, 4)
_city("DE", "Leipzig", 2879139, 51.3396, 12.3713, "SN", "Saxony", "04###", B, 3)
_city("DE", "Dresden", 2935022, 51.0509, 13.7383, "SN", "Saxony", "01###", B, 2)
_city("DE", "Karlsruhe", 2892794, 49.0047, 8.3858, "BW", "Baden-Württemberg", "76###", B, 2)
_city("DE", "Aachen", 3247449, 50.7766, 6.0834, "NW", "North Rhine-Westphalia", "52###", B, 2)
_city("DE", "Nuremberg", 2861650, 49.4478, 11.0683, "BY", "Bavaria", "90###", B, 3)
_city("DE", "Falkenstein", 2927913, 50.4779, 12.3713, "SN", "Saxony", "08223", B, 0.1)
# France
_city("FR", "Paris", 2988507, 48.8534, 2.3488, "IDF", "Île-de-France", "750##", P, 14)
_city("FR", "Lyon", 2996944, 45.7485, 4.8467, "ARA", "Auvergne-Rhône-Alpes", "6900#", P, 4)
_city("FR", "Marseille", 2995469, 43.2965, 5.3698, "PAC", "Provence-Alpes-Côte d'Azur", "130##", P, 3)
_city("FR", "Toulouse", 2972315, 43.6043, 1.4437, "OCC", "Occitanie", "310##", P, 3)
_city("FR", "Lille", 2998324, 50.633, 3.0586, "HDF", "Hauts-de-France", "590##", P, 2)
_city("FR", "Nantes", 2990969, 47.2172, -1.5534, "PDL", "Pays de la Loire", "440##", P, 2)
_city("FR", "Grenoble", 3014728, 45.1667, 5.7167, "ARA", "Auvergne-Rhône-Alpes", "380##", P, 1.5)
_city("FR", "Roubaix", 2982652, 50.6942, 3.1746, "HDF", "Hauts-de-France", "591##", P, 0.2)
# United Kingdom
_city("GB", "London", 2643743, 51.5085, -0.1257, "ENG", "England", "EC#A", L, 16)
_city("GB", "Manchester", 2643123, 53.4809, -2.2374, "ENG", "England", "M#", L, 4)
_city("GB", "Birmingham", 2655603, 52.4814, -1.8998, "ENG", "England", "B#", L, 3)
_city("GB", "Edinburgh", 2650225, 55.9521, -3.1965, "SCT", "Scotland", "EH#", L, 2)
_city("GB", "Bristol", 2654675, 51.4552, -2.5966, "ENG", "England", "BS#", L, 2)
_city("GB", "Cambridge", 2653941, 52.2, 0.1167, "ENG", "England", "CB#", L, 1.5)
_city("GB", "Leeds", 2644688, 53.7965, -1.5478, "ENG", "England", "LS#", L, 2)
_city("GB", "Glasgow", 2648579, 55.8651, -4.2576, "SCT", "Scotland", "G#", L, 2)
_city("GB", "Oxford", 2640729, 51.7522, -1.256, "ENG", "England", "OX#", L, 1)
# Netherlands
_city("NL", "Amsterdam", 2759794, 52.374, 4.8897, "NH", "North Holland", "10##", A, 8)
_city("NL", "Rotterdam", 2747891, 51.9225, 4.4792, "ZH", "South Holland", "30##", A, 4)
_city("NL", "Utrecht", 2745912, 52.0908, 5.1222, "UT", "Utrecht", "35##", A, 3)
_city("NL", "Eindhoven", 2756253, 51.4408, 5.4778, "NB", "North Brabant", "56##", A, 2)
_city("NL", "Delft", 2757345, 52.0067, 4.3556, "ZH", "South Holland", "26##", A, 1)
_city("NL", "The Hague", 2747373, 52.0767, 4.2986, "ZH", "South Holland", "25##", A, 2)
# Poland
_city("PL", "Warsaw", 756135, 52.2298, 21.0118, "14", "Mazovia", "0#-###", "Europe/Warsaw", 7)
_city("PL", "Kraków", 3094802, 50.0614, 19.9366, "12", "Lesser Poland", "3#-###", "Europe/Warsaw", 4)
_city("PL", "Wrocław", 3081368, 51.1, 17.0333, "02", "Lower Silesia", "5#-###", "Europe/Warsaw", 3)
_city("PL", "Gdańsk", 3099434, 54.3521, 18.6464, "22", "Pomerania", "80-###", "Europe/Warsaw", 2)
_city("PL", "Poznań", 3088171, 52.4069, 16.9299, "30", "Greater Poland", "6#-###", "Europe/Warsaw", 2)
_city("PL", "Łódź", 3093133, 51.7592, 19.4559, "10", "Łódź Voivodeship", "9#-###", "Europe/Warsaw", 2)
# Spain
_city("ES", "Madrid", 3117735, 40.4165, -3.7026, "MD", "Madrid", "280##", M, 8)
_city("ES", "Barcelona", 3128760, 41.3888, 2.159, "CT", "Catalonia", "080##", M, 6)
_city("ES", "Valencia", 2509954, 39.4739, -0.3797, "VC", "Valencia", "460##", M, 3)
_city("ES", "Seville", 2510911, 37.3828, -5.9732, "AN", "Andalusia", "410##", M, 2)
_city("ES", "Málaga", 2514256, 36.7202, -4.4203, "AN", "Andalusia", "290##", M, 2)
_city("ES", "Bilbao", 3128026, 43.2627, -2.9253, "PV", "Basque Country", "480##", M, 1.5)
# Italy
_city("IT", "Rome", 3169070, 41.8919, 12.5113, "62", "Lazio", "001##", R, 6)
_city("IT", "Milan", 3173435, 45.4643, 9.1895, "25", "Lombardy", "201##", R, 8)
_city("IT", "Turin", 3165524, 45.0705, 7.6868, "21", "Piedmont", "101##", R, 3)
_city("IT", "Naples", 3172394, 40.8522, 14.2681, "72", "Campania", "801##", R, 3)
_city("IT", "Bologna", 3181928, 44.4938, 11.3387, "45", "Emilia-Romagna", "401##", R, 2)
_city("IT", "Florence", 3176959, 43.7792, 11.2463, "52", "Tuscany", "501##", R, 2)
# Sweden
_city("SE", "Stockholm", 2673730, 59.3294, 18.0687, "AB", "Stockholm County", "11# ##", "Europe/Stockholm", 6)
_city("SE", "Gothenburg", 2711537, 57.7072, 11.9668, "O", "Västra Götaland", "41# ##", "Europe/Stockholm", 3)
_city("SE", "Malmö", 2692969, 55.6059, 13.0007, "M", "Skåne", "21# ##", "Europe/Stockholm", 2)
_city("SE", "Uppsala", 2666199, 59.8585, 17.6454, "C", "Uppsala", "75# ##", "Europe/Stockholm", 1)
# Ukraine (MaxMind has used Europe/Kyiv since the 2022 tzdata rename)
_city("UA", "Kyiv", 703448, 50.4547, 30.5238, "30", "Kyiv City", "0####", "Europe/Kyiv", 8)
_city("UA", "Lviv", 702550, 49.8383, 24.0232, "46", "Lviv Oblast", "79###", "Europe/Kyiv", 3)
_city("UA", "Kharkiv", 706483, 49.9808, 36.2527, "63", "Kharkiv Oblast", "61###", "Europe/Kyiv", 3)
_city("UA", "Dnipro", 709930, 48.4593, 35.0387, "12", "Dnipropetrovsk Oblast", "49###", "Europe/Kyiv", 2)
_city("UA", "Odesa", 698740, 46.4775, 30.7326, "51", "Odesa Oblast", "65###", "Europe/Kyiv", 2)
# Romania
_city("RO", "Bucharest", 683506, 44.4323, 26.1063, "B", "Bucureşti", "0#####", "Europe/Bucharest", 6)
_city("RO", "Cluj-Napoca", 681290, 46.7667, 23.6, "CJ", "Cluj", "400###", "Europe/Bucharest", 3)
_city("RO", "Iaşi", 675810, 47.1667, 27.6, "IS", "Iaşi", "700###", "Europe/Bucharest", 2)
_city("RO", "Timişoara", 665087, 45.7537, 21.2257, "TM", "Timiş", "300###", "Europe/Bucharest", 2)
# Portugal
_city("PT", "Lisbon", 2267057, 38.7167, -9.1333, "11", "Lisbon", "1###-###", "Europe/Lisbon", 6)
_city("PT", "Porto", 2735943, 41.1496, -8.611, "13", "Porto", "4###-###", "Europe/Lisbon", 4)
_city("PT", "Braga", 2742032, 41.5503, -8.42, "03", "Braga", "47##-###", "Europe/Lisbon", 1.5)
_city("PT", "Coimbra", 2740637, 40.2056, -8.4195, "06", "Coimbra", "30##-###", "Europe/Lisbon", 1)
# Czechia
_city("CZ", "Prague", 3067696, 50.088, 14.4208, "10", "Hlavní město Praha", "1## 00", "Europe/Prague", 6)
_city("CZ", "Brno", 3078610, 49.1952, 16.608, "64", "South Moravian", "6## 00", "Europe/Prague", 3)
_city("CZ", "Ostrava", 3068799, 49.8346, 18.282, "80", "Moravian-Silesian", "7## 00", "Europe/Prague", 1.5)
# Greece
_city("GR", "Athens", 264371, 37.9838, 23.7278, "I", "Attica", "10# ##", "Europe/Athens", 7)
_city("GR", "Thessaloniki", 734077, 40.6403, 22.9439, "B", "Central Macedonia", "54# ##", "Europe/Athens", 3)
_city("GR", "Patras", 255683, 38.2444, 21.7344, "G", "West Greece", "26# ##", "Europe/Athens", 1)
# Türkiye
_city("TR", "Istanbul", 745044, 41.0138, 28.9497, "34", "Istanbul", "34###", "Europe/Istanbul", 10)
_city("TR", "Ankara", 323786, 39.9199, 32.8543, "06", "Ankara", "06###", "Europe/Istanbul", 4)
_city("TR", "Izmir", 311046, 38.4127, 27.1384, "35", "Izmir", "35###", "Europe/Istanbul", 3)
_city("TR", "Bursa", 750269, 40.1956, 29.0601, "16", "Bursa", "16###", "Europe/Istanbul", 1.5)
_city("TR", "Antalya", 323777, 36.9081, 30.6956, "07", "Antalya", "07###", "Europe/Istanbul", 1.5)
# India
_city("IN", "Bengaluru", 1277333, 12.9719, 77.5937, "KA", "Karnataka", "560###", K, 10)
_city("IN", "Mumbai", 1275339, 19.0728, 72.8826, "MH", "Maharashtra", "400###", K, 8)
_city("IN", "Delhi", 1273294, 28.6519, 77.2315, "DL", "National Capital Territory of Delhi", "110###", K, 8)
_city("IN", "Hyderabad", 1269843, 17.3841, 78.4564, "TG", "Telangana", "500###", K, 7)
_city("IN", "Pune", 1259229, 18.5196, 73.8553, "MH", "Maharashtra", "411###", K, 5)
_city("IN", "Chennai", 1264527, 13.0878, 80.2785, "TN", "Tamil Nadu", "600###", K, 5)
_city("IN", "Kolkata", 1275004, 22.5626, 88.363, "WB", "West Bengal", "700###", K, 4)
_city("IN", "Noida", 7279746, 28.5833, 77.3333, "UP", "Uttar Pradesh", "201###", K, 3)
_city("IN", "Ahmedabad", 1279233, 23.0258, 72.5873, "GJ", "Gujarat", "380###", K, 3)
_city("IN", "Jaipur", 1269515, 26.9196, 75.7878, "RJ", "Rajasthan", "302###", K, 2)
_city("IN", "Kochi", 1273874, 9.9399, 76.2602, "KL", "Kerala", "682###", K, 2)
_city("IN", "Lucknow", 1264733, 26.8393, 80.9231, "UP", "Uttar Pradesh", "226###", K, 2)
# Pakistan
_city("PK", "Karachi", 1174872, 24.8608, 67.0104, "SD", "Sindh", "74###", "Asia/Karachi", 8)
_city("PK", "Lahore", 1172451, 31.5497, 74.3436, "PB", "Punjab", "54###", "Asia/Karachi", 7)
_city("PK", "Islamabad", 1176615, 33.7215, 73.0433, "IS", "Islamabad", "44###", "Asia/Karachi", 4)
_city("PK", "Rawalpindi", 1166993, 33.6007, 73.0679, "PB", "Punjab", "46###", "Asia/Karachi", 2)
_city("PK", "Faisalabad", 1179400, 31.4155, 73.0897, "PB", "Punjab", "38###", "Asia/Karachi", 2)
_city("PK", "Peshawar", 1168197, 34.008, 71.5785, "KP", "Khyber Pakhtunkhwa", "25###", "Asia/Karachi", 1.5)
# Bangladesh
_city("BD", "Dhaka", 1185241, 23.7104, 90.4074, "C", "Dhaka Division", "1###", "Asia/Dhaka", 10)
_city("BD", "Chattogram", 1205733, 22.3384, 91.8317, "B", "Chittagong", "4###", "Asia/Dhaka", 3)
_city("BD", "Sylhet", 1185099, 24.8998, 91.872, "G", "Sylhet Division", "31##", "Asia/Dhaka", 1)
_city("BD", "Khulna", 1336135, 22.8098, 89.5644, "D", "Khulna Division", "9###", "Asia/Dhaka", 1)
# UAE (no postal codes)
_city("AE", "Dubai", 292223, 25.0772, 55.3093, "DU", "Dubai", "", "Asia/Dubai", 8)
_city("AE", "Abu Dhabi", 292968, 24.4667, 54.3667, "AZ", "Abu Dhabi", "", "Asia/Dubai", 4)
_city("AE", "Sharjah", 292672, 25.3374, 55.4121, "SH", "Sharjah", "", "Asia/Dubai", 2)
# Saudi Arabia
_city("SA", "Riyadh", 108410, 24.6877, 46.7219, "01", "Riyadh Region", "1####", "Asia/Riyadh", 7)
_city("SA", "Jeddah", 105343, 21.5428, 39.1728, "02", "Mecca Region", "2####", "Asia/Riyadh", 5)
_city("SA", "Dammam", 110336, 26.4344, 50.1033, "04", "Eastern Province", "3####", "Asia/Riyadh", 2)
# Egypt
_city("EG", "Cairo", 360630, 30.0626, 31.2497, "C", "Cairo Governorate", "11###", "Africa/Cairo", 10)
_city("EG", "Alexandria", 361058, 31.2018, 29.9158, "ALX", "Alexandria", "21###", "Africa/Cairo", 4)
_city("EG", "Giza", 360995, 30.0081, 31.2109, "GZ", "Giza", "12###", "Africa/Cairo", 4)
_city("EG", "Mansoura", 360761, 31.0364, 31.3807, "DK", "Dakahlia", "35###", "Africa/Cairo", 1.5)
# Nigeria
_city("NG", "Lagos", 2332459, 6.4541, 3.3947, "LA", "Lagos", "1#####", "Africa/Lagos", 10)
_city("NG", "Abuja", 2352778, 9.0579, 7.4951, "FC", "FCT", "9#####", "Africa/Lagos", 4)
_city("NG", "Ibadan", 2339354, 7.3775, 3.905, "OY", "Oyo State", "2#####", "Africa/Lagos", 2)
_city("NG", "Port Harcourt", 2324774, 4.7774, 7.0134, "RI", "Rivers State", "5#####", "Africa/Lagos", 2)
_city("NG", "Kano", 2335204, 12.0001, 8.5167, "KN", "Kano State", "7#####", "Africa/Lagos", 1)
# Kenya
_city("KE", "Nairobi", 184745, -1.2833, 36.8167, "30", "Nairobi County", "00###", "Africa/Nairobi", 10)
_city("KE", "Mombasa", 186301, -4.0547, 39.6636, "28", "Mombasa", "80###", "Africa/Nairobi", 2)
_city("KE", "Kisumu", 191245, -0.1022, 34.7617, "17", "Kisumu", "40###", "Africa/Nairobi", 1)
# South Africa
_city("ZA", "Johannesburg", 993800, -26.2023, 28.0436, "GP", "Gauteng", "2###", "Africa/Johannesburg", 7)
_city("ZA", "Cape Town", 3369157, -33.9258, 18.4232, "WC", "Western Cape", "8###", "Africa/Johannesburg", 5)
_city("ZA", "Durban", 1007311, -29.8579, 31.0292, "NL", "KwaZulu-Natal", "4###", "Africa/Johannesburg", 2)
_city("ZA", "Pretoria", 964137, -25.7449, 28.1878, "GP", "Gauteng", "0###", "Africa/Johannesburg", 2)
# Israel
_city("IL", "Tel Aviv", 293397, 32.0809, 34.7806, "TA", "Tel Aviv", "6######", "Asia/Jerusalem", 8)
_city("IL", "Jerusalem", 281184, 31.769, 35.2163, "JM", "Jerusalem", "9######", "Asia/Jerusalem", 3)
_city("IL", "Haifa", 294801, 32.8156, 34.9892, "HA", "Haifa", "3######", "Asia/Jerusalem", 3)
_city("IL", "Herzliya", 294778, 32.1663, 34.8436, "TA", "Tel Aviv", "46#####", "Asia/Jerusalem", 2)
_city("IL", "Beersheba", 295530, 31.2518, 34.7913, "D", "Southern District", "84#####", "Asia/Jerusalem", 1)
# United States
NY, LA_, CHI, DEN = "America/New_York", "America/Los_Angeles", "America/Chicago", "America/Denver"
_city("US", "New York", 5128581, 40.7143, -74.006, "NY", "New York", "100##", NY, 8)
_city("US", "San Francisco", 5391959, 37.7749, -122.4194, "CA", "California", "941##", LA_, 7)
_city("US", "Seattle", 5809844, 47.6062, -122.3321, "WA", "Washington", "981##", LA_, 4)
_city("US", "Austin", 4671654, 30.2672, -97.7431, "TX", "Texas", "787##", CHI, 3)
_city("US", "Chicago", 4887398, 41.85, -87.65, "IL", "Illinois", "606##", CHI, 4)
_city("US", "Boston", 4930956, 42.3584, -71.0598, "MA", "Massachusetts", "021##", NY, 3)
_city("US", "Los Angeles", 5368361, 34.0522, -118.2437, "CA", "California", "900##", LA_, 5)
_city("US", "Atlanta", 4180439, 33.749, -84.388, "GA", "Georgia", "303##", NY, 2)
_city("US", "Denver", 5419384, 39.7392, -104.9847, "CO", "Colorado", "802##", DEN, 2)
_city("US", "Dallas", 4684888, 32.7831, -96.8067, "TX", "Texas", "752##", CHI, 3)
_city("US", "Miami", 4164138, 25.7743, -80.1937, "FL", "Florida", "331##", NY, 2)
_city("US", "Ashburn", 4744870, 39.0437, -77.4875, "VA", "Virginia", "20147", NY, 0.3)
_city("US", "Columbus", 4509177, 39.9612, -82.9988, "OH", "Ohio", "432##", NY, 1)
_city("US", "Portland", 5746545, 45.5234, -122.6762, "OR", "Oregon", "972##", LA_, 1)
# Canada
_city("CA", "Toronto", 6167865, 43.7001, -79.4163, "ON", "Ontario", "M#V", "America/Toronto", 8)
_city("CA", "Montreal", 6077243, 45.5088, -73.5878, "QC", "Quebec", "H#A", "America/Toronto", 5)
_city("CA", "Vancouver", 6173331, 49.2497, -123.1193, "BC", "British Columbia", "V#B", "America/Vancouver", 4)
_city("CA", "Calgary", 5913490, 51.0501, -114.0853, "AB", "Alberta", "T#P", "America/Edmonton", 2)
_city("CA", "Ottawa", 6094817, 45.4112, -75.6981, "ON", "Ontario", "K#P", "America/Toronto", 2)
_city("CA", "Waterloo", 6176823, 43.4668, -80.5164, "ON", "Ontario", "N2#", "America/Toronto", 1)
# Sanctioned
_city("RU", "Moscow", 524901, 55.7522, 37.6156, "MOW", "Moscow", "1#####", "Europe/Moscow", 10)
_city("RU", "Saint Petersburg", 498817, 59.9386, 30.3141, "SPE", "St.-Petersburg", "19####", "Europe/Moscow", 5)
_city("RU", "Novosibirsk", 1496747, 55.0415, 82.9346, "NVS", "Novosibirsk Oblast", "630###", "Asia/Novosibirsk", 1.5)
_city("RU", "Yekaterinburg", 1486209, 56.8519, 60.6122, "SVE", "Sverdlovsk Oblast", "620###", "Asia/Yekaterinburg", 1.5)
_city("RU", "Kazan", 551487, 55.7887, 49.1221, "TA", "Tatarstan Republic", "420###", "Europe/Moscow", 1.5)
_city("BY", "Minsk", 625144, 53.9, 27.5667, "HM", "Minsk City", "220###", "Europe/Minsk", 5)
_city("IR", "Tehran", 112931, 35.6944, 51.4215, "23", "Tehran", "1####", "Asia/Tehran", 8)
_city("IR", "Isfahan", 418863, 32.6572, 51.6776, "04", "Isfahan", "8####", "Asia/Tehran", 2)
_city("IR", "Mashhad", 124665, 36.297, 59.6062, "30", "Razavi Khorasan", "9####", "Asia/Tehran", 2)
_city("IR", "Shiraz", 115019, 29.6036, 52.5388, "14", "Fars", "7####", "Asia/Tehran", 1.5)
_city("KP", "Pyongyang", 1871859, 39.0339, 125.7543, "01", "Pyongyang", "", "Asia/Pyongyang", 1)
_city("SY", "Damascus", 170654, 33.5102, 36.2913, "DI", "Damascus Governorate", "", "Asia/Damascus", 1)
_city("CU", "Havana", 3553478, 23.133, -82.383, "03", "La Habana", "10###", "America/Havana", 1)
# Elsewhere (hosting, VPN exits, proxies, travel)
_city("CH", "Zurich", 2657896, 47.3667, 8.55, "ZH", "Zurich", "80##", "Europe/Zurich", 3)
_city("CH", "Geneva", 2660646, 46.2022, 6.1457, "GE", "Geneva", "12##", "Europe/Zurich", 1)
_city("FI", "Helsinki", 658225, 60.1695, 24.9354, "18", "Uusimaa", "00###", "Europe/Helsinki", 3)
_city("IE", "Dublin", 2964574, 53.3331, -6.2489, "L", "Leinster", "D##", "Europe/Dublin", 3)
_city("SG", "Singapore", 1880252, 1.2897, 103.8501, "", "", "0#####", "Asia/Singapore", 3)
_city("HK", "Hong Kong", 1819729, 22.2855, 114.1577, "HCW", "Central and Western District", "", "Asia/Hong_Kong", 3)
_city("JP", "Tokyo", 1850147, 35.6895, 139.6917, "13", "Tokyo", "1##-####", "Asia/Tokyo", 3)
_city("LT", "Vilnius", 593116, 54.6892, 25.2798, "VL", "Vilnius", "LT-0####", "Europe/Vilnius", 2)
_city("MD", "Chisinau", 618426, 47.0056, 28.8575, "CU", "Chişinău Municipality", "MD-20##", "Europe/Chisinau", 2)
_city("BG", "Sofia", 727011, 42.6975, 23.3241, "22", "Sofia-Capital", "1###", "Europe/Sofia", 2)
_city("AT", "Vienna", 2761369, 48.2085, 16.3721, "9", "Vienna", "1###", "Europe/Vienna", 2)
_city("BE", "Brussels", 2800866, 50.8505, 4.3488, "BRU", "Brussels Capital", "1###", "Europe/Brussels", 2)
_city("DK", "Copenhagen", 2618425, 55.6759, 12.5655, "84", "Capital Region", "1###", "Europe/Copenhagen", 2)
_city("NO", "Oslo", 3143244, 59.9127, 10.7461, "03", "Oslo", "0###", "Europe/Oslo", 2)
_city("VN", "Ho Chi Minh City", 1566083, 10.823, 106.6296, "SG", "Ho Chi Minh", "7#####", "Asia/Ho_Chi_Minh", 5)
_city("VN", "Hanoi", 1581130, 21.0245, 105.8412, "HN", "Hanoi", "1#####", "Asia/Bangkok", 4)
_city("BR", "São Paulo", 3448439, -23.5475, -46.6361, "SP", "São Paulo", "01###-###", "America/Sao_Paulo", 6)
_city("BR", "Rio de Janeiro", 3451190, -22.9064, -43.1822, "RJ", "Rio de Janeiro", "20###-###", "America/Sao_Paulo", 3)
_city("ID", "Jakarta", 1642911, -6.2146, 106.8451, "JK", "Jakarta", "10###", "Asia/Jakarta", 5)
_city("ID", "Surabaya", 1625822, -7.2492, 112.7508, "JI", "East Java", "60###", "Asia/Jakarta", 2)
_city("PH", "Manila", 1701668, 14.6042, 120.9822, "00", "Metro Manila", "1###", "Asia/Manila", 5)
_city("CN", "Beijing", 1816670, 39.9075, 116.3972, "BJ", "Beijing", "100###", "Asia/Shanghai", 3)
_city("CN", "Shenzhen", 1795565, 22.5455, 114.0683, "GD", "Guangdong", "518###", "Asia/Shanghai", 3)
_city("KZ", "Almaty", 1526384, 43.25, 76.9167, "75", "Almaty", "050###", "Asia/Almaty", 2)
_city("GE", "Tbilisi", 611717, 41.6941, 44.8337, "TB", "Tbilisi", "0###", "Asia/Tbilisi", 2)
_city("AM", "Yerevan", 616052, 40.1811, 44.5136, "ER", "Yerevan", "00##", "Asia/Yerevan", 2)
_city("RS", "Belgrade", 792680, 44.804, 20.4651, "00", "Belgrade", "11###", "Europe/Belgrade", 2)
_city("CY", "Limassol", 146384, 34.675, 33.0333, "02", "Limassol District", "3###", "Asia/Nicosia", 1)
_city("MX", "Mexico City", 3530597, 19.4285, -99.1277, "CMX", "Mexico City", "06###", "America/Mexico_City", 3)
_city("AU", "Sydney", 2147714, -33.8679, 151.2073, "NSW", "New South Wales", "2###", "Australia/Sydney", 3)

CITIES = {}
for _c in _C:
    CITIES.setdefault(_c.cc, []).append(_c)
CITY_BY_KEY = {c.key: c for c in _C}

PORTAL = ["DE", "FR", "GB", "NL", "PL", "ES", "IT", "SE", "UA", "RO", "PT", "CZ", "GR", "TR",
          "IN", "PK", "BD", "AE", "SA", "EG", "NG", "KE", "ZA", "IL", "US", "CA"]
SANCTIONED = ["RU", "BY", "IR", "KP", "SY", "CU"]


def country_tz(cc):
    tz = COUNTRIES[cc][3]
    return tz if tz else CITIES[cc][0].tz


def subdiv_geoname(city):
    return 1000000 + stable_int("subdiv", city.cc, city.sub_iso) % 8000000


def country_block(cc, extra=None):
    gid, cont, eu, _tz, _lat, _lon, names = COUNTRIES[cc]
    d = {"geoname_id": gid, "iso_code": cc,
         "names": {"de": names[1], "en": names[0], "es": names[3], "fr": names[2]}}
    if eu:
        d["is_in_european_union"] = True
    return d


def continent_block(cc):
    cont = COUNTRIES[cc][1]
    gid, names = CONTINENTS[cont]
    return {"code": cont, "geoname_id": gid, "names": dict(names)}


def postal_code(city, rng):
    if not city.postal:
        return None
    return "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in city.postal)


def city_record(cc, city, rng, accuracy, registered_cc=None, jitter_km=8.0, postal=True):
    """A GeoLite2-City shaped record. city=None gives a country-level record."""
    rec = {"continent": continent_block(cc), "country": country_block(cc)}
    if city is not None:
        rec["city"] = {"geoname_id": city.geoname, "names": {"en": city.name}}
        jd = jitter_km / 111.0
        lat = round(city.lat + rng.uniform(-jd, jd), 4)
        lon = round(city.lon + rng.uniform(-jd, jd), 4)
        rec["location"] = {"accuracy_radius": accuracy, "latitude": lat, "longitude": lon,
                           "time_zone": city.tz}
        pc = postal_code(city, rng) if postal else None
        if pc:
            rec["postal"] = {"code": pc}
        if city.sub_iso:
            rec["subdivisions"] = [{"geoname_id": subdiv_geoname(city), "iso_code": city.sub_iso,
                                    "names": {"en": city.sub_name}}]
    else:
        gid, cont, eu, tz, lat, lon, names = COUNTRIES[cc]
        loc = {"accuracy_radius": 1000, "latitude": lat, "longitude": lon}
        if tz:   # multi-zone countries get no time_zone at country level, like MaxMind
            loc["time_zone"] = tz
        rec["location"] = loc
    rec["registered_country"] = country_block(registered_cc or cc)
    return rec
