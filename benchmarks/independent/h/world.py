"""The invented internet behind the Forgeline benchmark.

Countries, cities, autonomous systems (ISPs, mobile carriers, clouds, VPN
exits, universities, corporate networks, proxy-friendly "ISPs"), the address
blocks they announce, and the MaxMind-format databases describing them.

The internet is built from a fixed internal seed, so every traffic seed runs
on the same internet (as a real detector would see the same ASNs every day).
"""
import hashlib
import ipaddress
import random

from netaddr import IPSet, IPNetwork

WORLD_SEED = 20260406


def gid(*parts):
    """Pseudo geoname id, stable, 7 digits."""
    h = hashlib.sha1("|".join(parts).encode()).hexdigest()
    return 1000000 + int(h[:8], 16) % 8999999


CONTINENTS = {
    "AF": (6255146, {"de": "Afrika", "en": "Africa", "es": "África", "fr": "Afrique", "ja": "アフリカ", "pt-BR": "África", "ru": "Африка", "zh-CN": "非洲"}),
    "AS": (6255147, {"de": "Asien", "en": "Asia", "es": "Asia", "fr": "Asie", "ja": "アジア", "pt-BR": "Ásia", "ru": "Азия", "zh-CN": "亚洲"}),
    "EU": (6255148, {"de": "Europa", "en": "Europe", "es": "Europa", "fr": "Europe", "ja": "ヨーロッパ", "pt-BR": "Europa", "ru": "Европа", "zh-CN": "欧洲"}),
    "NA": (6255149, {"de": "Nordamerika", "en": "North America", "es": "Norteamérica", "fr": "Amérique du Nord", "ja": "北アメリカ", "pt-BR": "América do Norte", "ru": "Северная Америка", "zh-CN": "北美洲"}),
    "SA": (6255150, {"de": "Südamerika", "en": "South America", "es": "Sudamérica", "fr": "Amérique du Sud", "ja": "南アメリカ", "pt-BR": "América do Sul", "ru": "Южная Америка", "zh-CN": "南美洲"}),
    "OC": (6255151, {"de": "Ozeanien", "en": "Oceania", "es": "Oceanía", "fr": "Océanie", "ja": "オセアニア", "pt-BR": "Oceania", "ru": "Океания", "zh-CN": "大洋洲"}),
}

EU_MEMBERS = {"DE", "FR", "ES", "PL", "NL", "RO"}

# Countries that only appear as registration countries of networks, or as the
# home of operators (never as a location of a served user).
REG_ONLY = {
    "RO": ("Romania", "EU", 798549), "PA": ("Panama", "NA", 3703430),
    "VG": ("British Virgin Islands", "NA", 3577718), "SC": ("Seychelles", "AF", 241170),
    "CH": ("Switzerland", "EU", 2658434), "NO": ("Norway", "EU", 3144096),
    "HK": ("Hong Kong", "AS", 1819730), "CN": ("China", "AS", 1814991),
    "RU": ("Russia", "EU", 2017370),
}

# code: name, continent, geoname id, rir, centroid, legit weight, mobile share of
# web traffic, iOS share of mobile, v6 readiness of fixed lines
# cities: (name, subdivision iso, subdivision name, lat, lon, tz, weight, postal)
# langs: (navigator.languages, weight)
# mail: (domain, weight)
COUNTRIES = {
 "IN": dict(name="India", cont="AS", gid=1269750, rir="apnic", cen=(22.0, 79.0), w=19.0, mob=0.58, ios=0.06,
   cities=[("Mumbai", "MH", "Maharashtra", 19.0760, 72.8777, "Asia/Kolkata", 9, "400001"),
           ("Delhi", "DL", "National Capital Territory of Delhi", 28.6139, 77.2090, "Asia/Kolkata", 9, "110001"),
           ("Bengaluru", "KA", "Karnataka", 12.9716, 77.5946, "Asia/Kolkata", 12, "560001"),
           ("Hyderabad", "TG", "Telangana", 17.3850, 78.4867, "Asia/Kolkata", 8, "500001"),
           ("Chennai", "TN", "Tamil Nadu", 13.0827, 80.2707, "Asia/Kolkata", 7, "600001"),
           ("Pune", "MH", "Maharashtra", 18.5204, 73.8567, "Asia/Kolkata", 6, "411001"),
           ("Kolkata", "WB", "West Bengal", 22.5726, 88.3639, "Asia/Kolkata", 4, "700001"),
           ("Jaipur", "RJ", "Rajasthan", 26.9124, 75.7873, "Asia/Kolkata", 2, "302001"),
           ("Ahmedabad", "GJ", "Gujarat", 23.0225, 72.5714, "Asia/Kolkata", 3, "380001"),
           ("Lucknow", "UP", "Uttar Pradesh", 26.8467, 80.9462, "Asia/Kolkata", 2, "226001"),
           ("Kochi", "KL", "Kerala", 9.9312, 76.2673, "Asia/Kolkata", 2, "682001")],
   tzold={"Asia/Kolkata": "Asia/Calcutta"},
   langs=[(["en-US", "en"], 40), (["en-IN", "en"], 18), (["en-GB", "en"], 8), (["en-IN", "en-GB", "en-US", "en", "hi"], 10),
          (["hi-IN", "hi", "en-US", "en"], 8), (["en-US", "en", "hi"], 8), (["ta-IN", "ta", "en-US", "en"], 3), (["te-IN", "te", "en"], 2), (["mr-IN", "mr", "en"], 1), (["bn-IN", "bn", "en"], 1)],
   mail=[("gmail.com", 84), ("yahoo.com", 3), ("yahoo.co.in", 2.5), ("outlook.com", 4), ("hotmail.com", 1.5), ("rediffmail.com", 1.5), ("icloud.com", 1), ("proton.me", 0.7), ("zohomail.in", 0.8), ("live.com", 1)],
   names="en_IN"),
 "US": dict(name="United States", cont="NA", gid=6252001, rir="arin", cen=(39.76, -98.5), w=12.0, mob=0.36, ios=0.58,
   cities=[("New York", "NY", "New York", 40.7128, -74.0060, "America/New_York", 10, "10001"),
           ("San Francisco", "CA", "California", 37.7749, -122.4194, "America/Los_Angeles", 8, "94103"),
           ("Seattle", "WA", "Washington", 47.6062, -122.3321, "America/Los_Angeles", 5, "98101"),
           ("Austin", "TX", "Texas", 30.2672, -97.7431, "America/Chicago", 5, "78701"),
           ("Chicago", "IL", "Illinois", 41.8781, -87.6298, "America/Chicago", 6, "60601"),
           ("Atlanta", "GA", "Georgia", 33.7490, -84.3880, "America/New_York", 4, "30303"),
           ("Los Angeles", "CA", "California", 34.0522, -118.2437, "America/Los_Angeles", 7, "90012"),
           ("Denver", "CO", "Colorado", 39.7392, -104.9903, "America/Denver", 3, "80202"),
           ("Phoenix", "AZ", "Arizona", 33.4484, -112.0740, "America/Phoenix", 3, "85004"),
           ("Boston", "MA", "Massachusetts", 42.3601, -71.0589, "America/New_York", 4, "02108"),
           ("Dallas", "TX", "Texas", 32.7767, -96.7970, "America/Chicago", 4, "75201"),
           ("Ashburn", "VA", "Virginia", 39.0438, -77.4874, "America/New_York", 1, "20147"),
           ("San Jose", "CA", "California", 37.3382, -121.8863, "America/Los_Angeles", 2, "95113"),
           ("Miami", "FL", "Florida", 25.7617, -80.1918, "America/New_York", 3, "33130"),
           ("Columbus", "OH", "Ohio", 39.9612, -82.9988, "America/New_York", 2, "43215")],
   langs=[(["en-US", "en"], 84), (["en-US"], 6), (["es-US", "es", "en-US", "en"], 4), (["en-US", "en", "es"], 3), (["zh-CN", "zh", "en-US", "en"], 1.5), (["en-US", "en", "hi"], 1.5)],
   mail=[("gmail.com", 70), ("yahoo.com", 6), ("outlook.com", 6), ("hotmail.com", 3), ("icloud.com", 8), ("proton.me", 2.5), ("aol.com", 1.2), ("fastmail.com", 0.8), ("me.com", 1), ("comcast.net", 0.6)],
   names="en_US"),
 "BR": dict(name="Brazil", cont="SA", gid=3469034, rir="lacnic", cen=(-10.0, -55.0), w=7.5, mob=0.52, ios=0.16,
   cities=[("São Paulo", "SP", "São Paulo", -23.5505, -46.6333, "America/Sao_Paulo", 12, "01000-000"),
           ("Rio de Janeiro", "RJ", "Rio de Janeiro", -22.9068, -43.1729, "America/Sao_Paulo", 7, "20000-000"),
           ("Belo Horizonte", "MG", "Minas Gerais", -19.9167, -43.9345, "America/Sao_Paulo", 4, "30100-000"),
           ("Porto Alegre", "RS", "Rio Grande do Sul", -30.0346, -51.2177, "America/Sao_Paulo", 3, "90000-000"),
           ("Recife", "PE", "Pernambuco", -8.0476, -34.8770, "America/Recife", 3, "50000-000"),
           ("Fortaleza", "CE", "Ceará", -3.7319, -38.5267, "America/Fortaleza", 2, "60000-000"),
           ("Curitiba", "PR", "Paraná", -25.4284, -49.2733, "America/Sao_Paulo", 3, "80000-000"),
           ("Manaus", "AM", "Amazonas", -3.1190, -60.0217, "America/Manaus", 1, "69000-000"),
           ("Florianópolis", "SC", "Santa Catarina", -27.5954, -48.5480, "America/Sao_Paulo", 2, "88000-000")],
   langs=[(["pt-BR", "pt", "en-US", "en"], 52), (["pt-BR"], 14), (["pt-BR", "pt"], 10), (["en-US", "en", "pt-BR", "pt"], 14), (["en-US", "en"], 10)],
   mail=[("gmail.com", 78), ("hotmail.com", 8), ("outlook.com", 5), ("yahoo.com.br", 2), ("icloud.com", 2), ("uol.com.br", 1.2), ("bol.com.br", 0.8), ("live.com", 1.5), ("proton.me", 0.5)],
   names="pt_BR"),
 "NG": dict(name="Nigeria", cont="AF", gid=2328926, rir="afrinic", cen=(10.0, 8.0), w=6.0, mob=0.70, ios=0.12,
   cities=[("Lagos", "LA", "Lagos", 6.5244, 3.3792, "Africa/Lagos", 12, "100001"),
           ("Abuja", "FC", "Federal Capital Territory", 9.0765, 7.3986, "Africa/Lagos", 5, "900001"),
           ("Ibadan", "OY", "Oyo", 7.3775, 3.9470, "Africa/Lagos", 2, "200001"),
           ("Port Harcourt", "RI", "Rivers", 4.8156, 7.0498, "Africa/Lagos", 2, "500001"),
           ("Kano", "KN", "Kano", 12.0022, 8.5920, "Africa/Lagos", 1, "700001"),
           ("Enugu", "EN", "Enugu", 6.4584, 7.5464, "Africa/Lagos", 2, "400001")],
   langs=[(["en-US", "en"], 55), (["en-GB", "en"], 25), (["en-NG", "en"], 8), (["en-US", "en", "yo"], 3), (["en-GB", "en-US", "en"], 9)],
   mail=[("gmail.com", 88), ("yahoo.com", 7), ("outlook.com", 2), ("hotmail.com", 1.5), ("icloud.com", 1), ("proton.me", 0.5)],
   names="NG"),
 "ID": dict(name="Indonesia", cont="AS", gid=1643084, rir="apnic", cen=(-5.0, 120.0), w=5.5, mob=0.68, ios=0.10,
   cities=[("Jakarta", "JK", "Jakarta", -6.2088, 106.8456, "Asia/Jakarta", 12, "10110"),
           ("Surabaya", "JI", "East Java", -7.2575, 112.7521, "Asia/Jakarta", 5, "60111"),
           ("Bandung", "JB", "West Java", -6.9175, 107.6191, "Asia/Jakarta", 5, "40111"),
           ("Medan", "SU", "North Sumatra", 3.5952, 98.6722, "Asia/Jakarta", 3, "20111"),
           ("Yogyakarta", "YO", "Yogyakarta", -7.7956, 110.3695, "Asia/Jakarta", 4, "55111"),
           ("Makassar", "SN", "South Sulawesi", -5.1477, 119.4327, "Asia/Makassar", 2, "90111"),
           ("Denpasar", "BA", "Bali", -8.6500, 115.2167, "Asia/Makassar", 2, "80111"),
           ("Semarang", "JT", "Central Java", -6.9667, 110.4167, "Asia/Jakarta", 3, "50111")],
   langs=[(["id-ID", "id", "en-US", "en"], 45), (["id-ID"], 12), (["en-US", "en"], 28), (["en-US", "en", "id"], 10), (["en-GB", "en", "id"], 5)],
   mail=[("gmail.com", 93), ("yahoo.com", 2.5), ("yahoo.co.id", 1), ("outlook.com", 1.5), ("icloud.com", 1), ("hotmail.com", 1)],
   names="id_ID"),
 "VN": dict(name="Vietnam", cont="AS", gid=1562822, rir="apnic", cen=(16.17, 107.83), w=4.0, mob=0.60, ios=0.30,
   cities=[("Ho Chi Minh City", "SG", "Ho Chi Minh", 10.8231, 106.6297, "Asia/Ho_Chi_Minh", 10, "700000"),
           ("Hanoi", "HN", "Hanoi", 21.0278, 105.8342, "Asia/Ho_Chi_Minh", 9, "100000"),
           ("Da Nang", "DN", "Da Nang", 16.0544, 108.2022, "Asia/Ho_Chi_Minh", 3, "550000"),
           ("Haiphong", "HP", "Haiphong", 20.8449, 106.6881, "Asia/Ho_Chi_Minh", 2, "180000"),
           ("Can Tho", "CT", "Can Tho", 10.0452, 105.7469, "Asia/Ho_Chi_Minh", 1, "900000")],
   tzold={"Asia/Ho_Chi_Minh": "Asia/Saigon"},
   langs=[(["vi-VN", "vi", "en-US", "en"], 45), (["vi"], 10), (["en-US", "en"], 30), (["en-US", "en", "vi"], 10), (["vi-VN", "vi", "fr-FR", "fr", "en-US", "en"], 5)],
   mail=[("gmail.com", 92), ("yahoo.com", 1.5), ("outlook.com", 2), ("icloud.com", 2.5), ("hotmail.com", 1)],
   names="VN"),
 "TR": dict(name="Turkey", cont="AS", gid=298795, rir="ripe", cen=(39.0, 35.0), w=3.5, mob=0.50, ios=0.25,
   cities=[("Istanbul", "34", "Istanbul", 41.0082, 28.9784, "Europe/Istanbul", 12, "34000"),
           ("Ankara", "06", "Ankara", 39.9334, 32.8597, "Europe/Istanbul", 5, "06000"),
           ("Izmir", "35", "Izmir", 38.4237, 27.1428, "Europe/Istanbul", 4, "35000"),
           ("Bursa", "16", "Bursa", 40.1885, 29.0610, "Europe/Istanbul", 2, "16000"),
           ("Antalya", "07", "Antalya", 36.8969, 30.7133, "Europe/Istanbul", 2, "07000")],
   langs=[(["tr-TR", "tr", "en-US", "en"], 55), (["tr"], 12), (["en-US", "en"], 20), (["en-US", "en", "tr"], 13)],
   mail=[("gmail.com", 76), ("hotmail.com", 10), ("outlook.com", 5), ("yandex.com", 3), ("icloud.com", 3), ("yahoo.com", 1.5), ("proton.me", 1)],
   names="tr_TR"),
 "MX": dict(name="Mexico", cont="NA", gid=3996063, rir="lacnic", cen=(23.0, -102.0), w=4.0, mob=0.55, ios=0.22,
   cities=[("Mexico City", "CMX", "Mexico City", 19.4326, -99.1332, "America/Mexico_City", 12, "06000"),
           ("Guadalajara", "JAL", "Jalisco", 20.6597, -103.3496, "America/Mexico_City", 5, "44100"),
           ("Monterrey", "NLE", "Nuevo León", 25.6866, -100.3161, "America/Monterrey", 5, "64000"),
           ("Puebla", "PUE", "Puebla", 19.0414, -98.2063, "America/Mexico_City", 2, "72000"),
           ("Tijuana", "BCN", "Baja California", 32.5149, -117.0382, "America/Tijuana", 2, "22000"),
           ("Mérida", "YUC", "Yucatán", 20.9674, -89.5926, "America/Merida", 1, "97000"),
           ("Querétaro", "QUE", "Querétaro", 20.5888, -100.3899, "America/Mexico_City", 2, "76000")],
   langs=[(["es-MX", "es", "en-US", "en"], 40), (["es-MX"], 10), (["es-419", "es", "en"], 15), (["es-ES", "es"], 8), (["en-US", "en", "es"], 12), (["en-US", "en"], 15)],
   mail=[("gmail.com", 76), ("hotmail.com", 11), ("outlook.com", 6), ("yahoo.com.mx", 1.5), ("yahoo.com", 1.5), ("icloud.com", 3), ("live.com.mx", 1)],
   names="es_MX"),
 "PH": dict(name="Philippines", cont="AS", gid=1694008, rir="apnic", cen=(13.0, 122.0), w=4.0, mob=0.64, ios=0.22,
   cities=[("Manila", "00", "Metro Manila", 14.5995, 120.9842, "Asia/Manila", 7, "1000"),
           ("Quezon City", "00", "Metro Manila", 14.6760, 121.0437, "Asia/Manila", 6, "1100"),
           ("Makati City", "00", "Metro Manila", 14.5547, 121.0244, "Asia/Manila", 4, "1200"),
           ("Cebu City", "CEB", "Cebu", 10.3157, 123.8854, "Asia/Manila", 4, "6000"),
           ("Davao City", "DAS", "Davao del Sur", 7.1907, 125.4553, "Asia/Manila", 3, "8000"),
           ("Iloilo City", "ILI", "Iloilo", 10.7202, 122.5621, "Asia/Manila", 1, "5000")],
   langs=[(["en-US", "en"], 70), (["en-PH", "en", "fil"], 8), (["en-US", "en", "fil"], 10), (["fil-PH", "fil", "en-US", "en"], 4), (["en-GB", "en"], 8)],
   mail=[("gmail.com", 88), ("yahoo.com", 5), ("outlook.com", 2.5), ("icloud.com", 2.5), ("hotmail.com", 2)],
   names="PH"),
 "EG": dict(name="Egypt", cont="AF", gid=357994, rir="afrinic", cen=(27.0, 30.0), w=3.0, mob=0.60, ios=0.15,
   cities=[("Cairo", "C", "Cairo Governorate", 30.0444, 31.2357, "Africa/Cairo", 12, "11511"),
           ("Alexandria", "ALX", "Alexandria", 31.2001, 29.9187, "Africa/Cairo", 5, "21500"),
           ("Giza", "GZ", "Giza", 30.0131, 31.2089, "Africa/Cairo", 5, "12511"),
           ("Mansoura", "DK", "Dakahlia", 31.0409, 31.3785, "Africa/Cairo", 2, "35511"),
           ("Asyut", "AST", "Asyut", 27.1783, 31.1859, "Africa/Cairo", 1, "71511")],
   langs=[(["en-US", "en"], 38), (["ar-EG", "ar", "en-US", "en"], 30), (["ar"], 8), (["en-US", "en", "ar"], 16), (["en-GB", "en", "ar"], 8)],
   mail=[("gmail.com", 86), ("yahoo.com", 4), ("outlook.com", 3.5), ("hotmail.com", 4), ("icloud.com", 1.5), ("proton.me", 1)],
   names="EG"),
 "PK": dict(name="Pakistan", cont="AS", gid=1168579, rir="apnic", cen=(30.0, 70.0), w=3.5, mob=0.62, ios=0.08,
   cities=[("Karachi", "SD", "Sindh", 24.8607, 67.0011, "Asia/Karachi", 10, "74000"),
           ("Lahore", "PB", "Punjab", 31.5204, 74.3587, "Asia/Karachi", 10, "54000"),
           ("Islamabad", "IS", "Islamabad", 33.6844, 73.0479, "Asia/Karachi", 6, "44000"),
           ("Rawalpindi", "PB", "Punjab", 33.5651, 73.0169, "Asia/Karachi", 3, "46000"),
           ("Faisalabad", "PB", "Punjab", 31.4504, 73.1350, "Asia/Karachi", 3, "38000"),
           ("Peshawar", "KP", "Khyber Pakhtunkhwa", 34.0151, 71.5249, "Asia/Karachi", 2, "25000"),
           ("Multan", "PB", "Punjab", 30.1575, 71.5249, "Asia/Karachi", 1, "60000")],
   langs=[(["en-US", "en"], 65), (["en-GB", "en"], 12), (["en-US", "en", "ur"], 12), (["ur-PK", "ur", "en-US", "en"], 6), (["en-PK", "en"], 5)],
   mail=[("gmail.com", 90), ("yahoo.com", 4), ("outlook.com", 2.5), ("hotmail.com", 2.5), ("icloud.com", 1)],
   names="PK"),
 "BD": dict(name="Bangladesh", cont="AS", gid=1210997, rir="apnic", cen=(24.0, 90.0), w=3.0, mob=0.62, ios=0.06,
   cities=[("Dhaka", "13", "Dhaka Division", 23.8103, 90.4125, "Asia/Dhaka", 12, "1000"),
           ("Chattogram", "10", "Chittagong", 22.3569, 91.7832, "Asia/Dhaka", 4, "4000"),
           ("Sylhet", "60", "Sylhet Division", 24.8949, 91.8687, "Asia/Dhaka", 1, "3100"),
           ("Rajshahi", "54", "Rajshahi Division", 24.3745, 88.6042, "Asia/Dhaka", 1, "6000"),
           ("Khulna", "27", "Khulna Division", 22.8456, 89.5403, "Asia/Dhaka", 1, "9000")],
   langs=[(["en-US", "en"], 65), (["en-US", "en", "bn"], 15), (["bn-BD", "bn", "en-US", "en"], 10), (["en-GB", "en"], 10)],
   mail=[("gmail.com", 93), ("yahoo.com", 3), ("outlook.com", 2), ("hotmail.com", 1.5), ("icloud.com", 0.5)],
   names="BD"),
 "DE": dict(name="Germany", cont="EU", gid=2921044, rir="ripe", cen=(51.3, 9.5), w=3.0, mob=0.35, ios=0.38,
   cities=[("Berlin", "BE", "Land Berlin", 52.5200, 13.4050, "Europe/Berlin", 8, "10115"),
           ("Munich", "BY", "Bavaria", 48.1351, 11.5820, "Europe/Berlin", 6, "80331"),
           ("Hamburg", "HH", "Hamburg", 53.5511, 9.9937, "Europe/Berlin", 5, "20095"),
           ("Frankfurt am Main", "HE", "Hesse", 50.1109, 8.6821, "Europe/Berlin", 4, "60311"),
           ("Cologne", "NW", "North Rhine-Westphalia", 50.9375, 6.9603, "Europe/Berlin", 4, "50667"),
           ("Stuttgart", "BW", "Baden-Württemberg", 48.7758, 9.1829, "Europe/Berlin", 3, "70173")],
   langs=[(["de-DE", "de", "en-US", "en"], 45), (["de"], 12), (["de-DE"], 8), (["en-US", "en", "de"], 15), (["en-US", "en"], 12), (["en-GB", "en", "de"], 8)],
   mail=[("gmail.com", 48), ("gmx.de", 12), ("web.de", 11), ("outlook.com", 5), ("posteo.de", 3), ("proton.me", 4), ("t-online.de", 4), ("icloud.com", 5), ("mailbox.org", 2), ("hotmail.de", 2), ("yahoo.de", 1)],
   names="de_DE"),
 "GB": dict(name="United Kingdom", cont="EU", gid=2635167, rir="ripe", cen=(54.0, -2.0), w=3.0, mob=0.38, ios=0.52,
   cities=[("London", "ENG", "England", 51.5074, -0.1278, "Europe/London", 12, "EC1A"),
           ("Manchester", "ENG", "England", 53.4808, -2.2426, "Europe/London", 4, "M1"),
           ("Birmingham", "ENG", "England", 52.4862, -1.8904, "Europe/London", 3, "B1"),
           ("Edinburgh", "SCT", "Scotland", 55.9533, -3.1883, "Europe/London", 2, "EH1"),
           ("Bristol", "ENG", "England", 51.4545, -2.5879, "Europe/London", 2, "BS1"),
           ("Leeds", "ENG", "England", 53.8008, -1.5491, "Europe/London", 2, "LS1"),
           ("Cambridge", "ENG", "England", 52.2053, 0.1218, "Europe/London", 2, "CB2")],
   langs=[(["en-GB", "en"], 60), (["en-GB", "en-US", "en"], 15), (["en-US", "en"], 20), (["en-GB"], 5)],
   mail=[("gmail.com", 62), ("outlook.com", 7), ("hotmail.co.uk", 5), ("yahoo.co.uk", 3), ("icloud.com", 10), ("btinternet.com", 2), ("proton.me", 3), ("live.co.uk", 2), ("me.com", 2)],
   names="en_GB"),
 "FR": dict(name="France", cont="EU", gid=3017382, rir="ripe", cen=(46.0, 2.0), w=1.8, mob=0.38, ios=0.35,
   cities=[("Paris", "IDF", "Île-de-France", 48.8566, 2.3522, "Europe/Paris", 10, "75001"),
           ("Lyon", "ARA", "Auvergne-Rhône-Alpes", 45.7640, 4.8357, "Europe/Paris", 3, "69001"),
           ("Marseille", "PAC", "Provence-Alpes-Côte d'Azur", 43.2965, 5.3698, "Europe/Paris", 2, "13001"),
           ("Toulouse", "OCC", "Occitanie", 43.6047, 1.4442, "Europe/Paris", 2, "31000"),
           ("Lille", "HDF", "Hauts-de-France", 50.6292, 3.0573, "Europe/Paris", 1, "59000"),
           ("Roubaix", "HDF", "Hauts-de-France", 50.6942, 3.1746, "Europe/Paris", 0.3, "59100")],
   langs=[(["fr-FR", "fr", "en-US", "en"], 55), (["fr"], 12), (["fr-FR"], 8), (["en-US", "en", "fr"], 15), (["en-US", "en"], 10)],
   mail=[("gmail.com", 60), ("orange.fr", 6), ("hotmail.fr", 6), ("outlook.fr", 4), ("free.fr", 4), ("yahoo.fr", 3), ("icloud.com", 6), ("proton.me", 4), ("laposte.net", 3), ("sfr.fr", 2)],
   names="fr_FR"),
 "ES": dict(name="Spain", cont="EU", gid=2510769, rir="ripe", cen=(40.0, -4.0), w=1.5, mob=0.42, ios=0.28,
   cities=[("Madrid", "MD", "Madrid", 40.4168, -3.7038, "Europe/Madrid", 8, "28001"),
           ("Barcelona", "CT", "Catalonia", 41.3874, 2.1686, "Europe/Madrid", 7, "08001"),
           ("Valencia", "VC", "Valencia", 39.4699, -0.3763, "Europe/Madrid", 3, "46001"),
           ("Seville", "AN", "Andalusia", 37.3891, -5.9845, "Europe/Madrid", 2, "41001"),
           ("Málaga", "AN", "Andalusia", 36.7213, -4.4214, "Europe/Madrid", 1, "29001")],
   langs=[(["es-ES", "es", "en-US", "en"], 50), (["es-ES", "es"], 15), (["es"], 8), (["en-US", "en", "es"], 12), (["ca-ES", "ca", "es-ES", "es", "en"], 5), (["en-US", "en"], 10)],
   mail=[("gmail.com", 72), ("hotmail.com", 9), ("outlook.es", 5), ("yahoo.es", 3), ("icloud.com", 6), ("proton.me", 3), ("telefonica.net", 2)],
   names="es_ES"),
 "PL": dict(name="Poland", cont="EU", gid=798544, rir="ripe", cen=(52.0, 20.0), w=1.4, mob=0.40, ios=0.22,
   cities=[("Warsaw", "14", "Mazovia", 52.2297, 21.0122, "Europe/Warsaw", 8, "00-001"),
           ("Kraków", "12", "Lesser Poland", 50.0647, 19.9450, "Europe/Warsaw", 5, "30-001"),
           ("Wrocław", "02", "Lower Silesia", 51.1079, 17.0385, "Europe/Warsaw", 4, "50-001"),
           ("Gdańsk", "22", "Pomerania", 54.3520, 18.6466, "Europe/Warsaw", 3, "80-001"),
           ("Poznań", "30", "Greater Poland", 52.4064, 16.9252, "Europe/Warsaw", 2, "60-001")],
   langs=[(["pl-PL", "pl", "en-US", "en"], 55), (["pl"], 12), (["en-US", "en", "pl"], 18), (["en-US", "en"], 15)],
   mail=[("gmail.com", 62), ("wp.pl", 9), ("onet.pl", 7), ("o2.pl", 5), ("interia.pl", 4), ("outlook.com", 4), ("proton.me", 3), ("icloud.com", 4), ("op.pl", 2)],
   names="PL"),
 "NL": dict(name="Netherlands", cont="EU", gid=2750405, rir="ripe", cen=(52.5, 5.75), w=1.0, mob=0.36, ios=0.45,
   cities=[("Amsterdam", "NH", "North Holland", 52.3676, 4.9041, "Europe/Amsterdam", 8, "1012"),
           ("Rotterdam", "ZH", "South Holland", 51.9244, 4.4777, "Europe/Amsterdam", 4, "3011"),
           ("Utrecht", "UT", "Utrecht", 52.0907, 5.1214, "Europe/Amsterdam", 3, "3511"),
           ("Eindhoven", "NB", "North Brabant", 51.4416, 5.4697, "Europe/Amsterdam", 2, "5611"),
           ("Delft", "ZH", "South Holland", 52.0116, 4.3571, "Europe/Amsterdam", 1, "2611")],
   langs=[(["nl-NL", "nl", "en-US", "en"], 45), (["en-US", "en"], 25), (["en-GB", "en", "nl"], 15), (["nl"], 10), (["en-US", "en", "nl"], 5)],
   mail=[("gmail.com", 62), ("outlook.com", 8), ("hotmail.com", 6), ("ziggo.nl", 3), ("kpnmail.nl", 3), ("icloud.com", 8), ("proton.me", 6), ("live.nl", 4)],
   names="nl_NL"),
 "CA": dict(name="Canada", cont="NA", gid=6251999, rir="arin", cen=(60.0, -95.0), w=2.0, mob=0.36, ios=0.55,
   cities=[("Toronto", "ON", "Ontario", 43.6532, -79.3832, "America/Toronto", 10, "M5H"),
           ("Vancouver", "BC", "British Columbia", 49.2827, -123.1207, "America/Vancouver", 5, "V6B"),
           ("Montreal", "QC", "Quebec", 45.5017, -73.5673, "America/Toronto", 5, "H2Y"),
           ("Calgary", "AB", "Alberta", 51.0447, -114.0719, "America/Edmonton", 3, "T2P"),
           ("Ottawa", "ON", "Ontario", 45.4215, -75.6972, "America/Toronto", 2, "K1P"),
           ("Waterloo", "ON", "Ontario", 43.4643, -80.5204, "America/Toronto", 2, "N2L")],
   langs=[(["en-CA", "en"], 35), (["en-US", "en"], 38), (["fr-CA", "fr", "en-CA", "en"], 14), (["en-CA", "en", "fr"], 8), (["en-US", "en", "zh"], 5)],
   mail=[("gmail.com", 68), ("outlook.com", 6), ("hotmail.com", 6), ("icloud.com", 9), ("yahoo.ca", 3), ("proton.me", 4), ("live.ca", 2), ("shaw.ca", 1), ("rogers.com", 1)],
   names="en_US"),
 "KE": dict(name="Kenya", cont="AF", gid=192950, rir="afrinic", cen=(1.0, 38.0), w=1.5, mob=0.66, ios=0.10,
   cities=[("Nairobi", "30", "Nairobi County", -1.2921, 36.8219, "Africa/Nairobi", 10, "00100"),
           ("Mombasa", "28", "Mombasa County", -4.0435, 39.6682, "Africa/Nairobi", 3, "80100"),
           ("Kisumu", "17", "Kisumu County", -0.0917, 34.7680, "Africa/Nairobi", 1, "40100"),
           ("Nakuru", "31", "Nakuru County", -0.3031, 36.0800, "Africa/Nairobi", 1, "20100")],
   langs=[(["en-US", "en"], 60), (["en-GB", "en"], 25), (["en-KE", "en", "sw"], 8), (["en-US", "en", "sw"], 7)],
   mail=[("gmail.com", 90), ("yahoo.com", 4), ("outlook.com", 3), ("icloud.com", 1.5), ("hotmail.com", 1.5)],
   names="en_KE"),
 "JP": dict(name="Japan", cont="AS", gid=1861060, rir="apnic", cen=(36.0, 138.0), w=1.0, mob=0.42, ios=0.66,
   cities=[("Tokyo", "13", "Tokyo", 35.6762, 139.6503, "Asia/Tokyo", 10, "100-0001"),
           ("Osaka", "27", "Osaka", 34.6937, 135.5023, "Asia/Tokyo", 4, "530-0001"),
           ("Fukuoka", "40", "Fukuoka", 33.5904, 130.4017, "Asia/Tokyo", 2, "810-0001"),
           ("Yokohama", "14", "Kanagawa", 35.4437, 139.6380, "Asia/Tokyo", 2, "220-0001")],
   langs=[(["ja", "en-US", "en"], 45), (["ja-JP"], 20), (["ja"], 15), (["en-US", "en", "ja"], 20)],
   mail=[("gmail.com", 70), ("yahoo.co.jp", 8), ("icloud.com", 10), ("outlook.jp", 4), ("docomo.ne.jp", 2), ("proton.me", 2), ("hotmail.co.jp", 2), ("nifty.com", 2)],
   names="JP"),
 "KR": dict(name="South Korea", cont="AS", gid=1835841, rir="apnic", cen=(37.0, 127.5), w=0.8, mob=0.45, ios=0.35,
   cities=[("Seoul", "11", "Seoul", 37.5665, 126.9780, "Asia/Seoul", 10, "04524"),
           ("Busan", "26", "Busan", 35.1796, 129.0756, "Asia/Seoul", 3, "48058"),
           ("Incheon", "28", "Incheon", 37.4563, 126.7052, "Asia/Seoul", 2, "21554"),
           ("Daejeon", "30", "Daejeon", 36.3504, 127.3845, "Asia/Seoul", 2, "34126")],
   langs=[(["ko-KR", "ko", "en-US", "en"], 60), (["ko"], 15), (["en-US", "en", "ko"], 25)],
   mail=[("gmail.com", 66), ("naver.com", 20), ("daum.net", 5), ("kakao.com", 3), ("icloud.com", 4), ("hanmail.net", 2)],
   names="KR"),
 "AR": dict(name="Argentina", cont="SA", gid=3865483, rir="lacnic", cen=(-34.0, -64.0), w=1.4, mob=0.50, ios=0.18,
   cities=[("Buenos Aires", "C", "Buenos Aires F.D.", -34.6037, -58.3816, "America/Argentina/Buenos_Aires", 10, "C1000"),
           ("Córdoba", "X", "Cordoba", -31.4201, -64.1888, "America/Argentina/Cordoba", 3, "X5000"),
           ("Rosario", "S", "Santa Fe", -32.9442, -60.6505, "America/Argentina/Cordoba", 2, "S2000"),
           ("Mendoza", "M", "Mendoza", -32.8895, -68.8458, "America/Argentina/Mendoza", 1, "M5500")],
   langs=[(["es-AR", "es", "en-US", "en"], 40), (["es-419", "es", "en"], 25), (["es-ES", "es"], 10), (["en-US", "en", "es"], 15), (["es"], 10)],
   mail=[("gmail.com", 80), ("hotmail.com", 9), ("outlook.com", 4), ("yahoo.com.ar", 3), ("icloud.com", 3), ("live.com.ar", 1)],
   names="es_AR"),
 "CO": dict(name="Colombia", cont="SA", gid=3686110, rir="lacnic", cen=(4.0, -72.0), w=1.4, mob=0.55, ios=0.18,
   cities=[("Bogotá", "DC", "Bogota D.C.", 4.7110, -74.0721, "America/Bogota", 10, "110111"),
           ("Medellín", "ANT", "Antioquia", 6.2442, -75.5812, "America/Bogota", 5, "050001"),
           ("Cali", "VAC", "Valle del Cauca", 3.4516, -76.5320, "America/Bogota", 3, "760001"),
           ("Barranquilla", "ATL", "Atlántico", 10.9685, -74.7813, "America/Bogota", 2, "080001")],
   langs=[(["es-CO", "es", "en-US", "en"], 35), (["es-419", "es", "en"], 25), (["es-ES", "es"], 10), (["en-US", "en", "es"], 15), (["es"], 15)],
   mail=[("gmail.com", 80), ("hotmail.com", 9), ("outlook.com", 5), ("yahoo.com", 2), ("icloud.com", 3), ("live.com", 1)],
   names="es_CO"),
 "UA": dict(name="Ukraine", cont="EU", gid=690791, rir="ripe", cen=(49.0, 32.0), w=1.0, mob=0.45, ios=0.28,
   cities=[("Kyiv", "30", "Kyiv City", 50.4501, 30.5234, "Europe/Kyiv", 10, "01001"),
           ("Lviv", "46", "Lviv", 49.8397, 24.0297, "Europe/Kyiv", 4, "79000"),
           ("Kharkiv", "63", "Kharkiv", 49.9935, 36.2304, "Europe/Kyiv", 3, "61000"),
           ("Dnipro", "12", "Dnipropetrovsk", 48.4647, 35.0462, "Europe/Kyiv", 2, "49000"),
           ("Odesa", "51", "Odessa", 46.4825, 30.7233, "Europe/Kyiv", 2, "65000")],
   tzold={"Europe/Kyiv": "Europe/Kiev"},
   langs=[(["uk-UA", "uk", "en-US", "en"], 40), (["uk", "ru", "en"], 10), (["ru-RU", "ru", "uk", "en"], 12), (["en-US", "en", "uk"], 23), (["en-US", "en"], 15)],
   mail=[("gmail.com", 80), ("ukr.net", 9), ("i.ua", 2), ("outlook.com", 3), ("proton.me", 3), ("icloud.com", 3)],
   names="UA"),
 "AU": dict(name="Australia", cont="OC", gid=2077456, rir="apnic", cen=(-25.0, 135.0), w=1.0, mob=0.38, ios=0.58,
   cities=[("Sydney", "NSW", "New South Wales", -33.8688, 151.2093, "Australia/Sydney", 8, "2000"),
           ("Melbourne", "VIC", "Victoria", -37.8136, 144.9631, "Australia/Melbourne", 7, "3000"),
           ("Brisbane", "QLD", "Queensland", -27.4698, 153.0251, "Australia/Brisbane", 3, "4000"),
           ("Perth", "WA", "Western Australia", -31.9523, 115.8613, "Australia/Perth", 2, "6000")],
   langs=[(["en-AU", "en"], 50), (["en-GB", "en"], 15), (["en-US", "en"], 30), (["en-AU", "en", "zh"], 5)],
   mail=[("gmail.com", 62), ("outlook.com", 7), ("hotmail.com", 5), ("icloud.com", 12), ("bigpond.com", 3), ("proton.me", 4), ("yahoo.com.au", 3), ("live.com.au", 2), ("optusnet.com.au", 2)],
   names="en_US"),
 "ZA": dict(name="South Africa", cont="AF", gid=953987, rir="afrinic", cen=(-29.0, 24.0), w=1.0, mob=0.55, ios=0.25,
   cities=[("Johannesburg", "GP", "Gauteng", -26.2041, 28.0473, "Africa/Johannesburg", 8, "2001"),
           ("Cape Town", "WC", "Western Cape", -33.9249, 18.4241, "Africa/Johannesburg", 6, "8001"),
           ("Durban", "KZN", "KwaZulu-Natal", -29.8587, 31.0218, "Africa/Johannesburg", 3, "4001"),
           ("Pretoria", "GP", "Gauteng", -25.7479, 28.2293, "Africa/Johannesburg", 3, "0002")],
   langs=[(["en-ZA", "en"], 30), (["en-US", "en"], 40), (["en-GB", "en"], 20), (["en-ZA", "en", "af"], 10)],
   mail=[("gmail.com", 78), ("outlook.com", 6), ("yahoo.com", 3), ("icloud.com", 6), ("hotmail.com", 3), ("webmail.co.za", 2), ("mweb.co.za", 2)],
   names="ZA"),
 "SG": dict(name="Singapore", cont="AS", gid=1880251, rir="apnic", cen=(1.3667, 103.8), w=0.6, mob=0.45, ios=0.50,
   cities=[("Singapore", "01", "Central Singapore", 1.3521, 103.8198, "Asia/Singapore", 10, "018956")],
   langs=[(["en-US", "en"], 35), (["en-GB", "en"], 25), (["en-SG", "en", "zh-CN", "zh"], 15), (["zh-CN", "zh", "en-US", "en"], 15), (["en-US", "en", "ms"], 10)],
   mail=[("gmail.com", 72), ("outlook.com", 7), ("hotmail.com", 5), ("icloud.com", 9), ("yahoo.com.sg", 2), ("proton.me", 3), ("live.com.sg", 2)],
   names="SG"),
 "MY": dict(name="Malaysia", cont="AS", gid=1733045, rir="apnic", cen=(2.5, 112.5), w=0.8, mob=0.55, ios=0.25,
   cities=[("Kuala Lumpur", "14", "Kuala Lumpur", 3.1390, 101.6869, "Asia/Kuala_Lumpur", 8, "50000"),
           ("George Town", "07", "Penang", 5.4164, 100.3327, "Asia/Kuala_Lumpur", 3, "10000"),
           ("Johor Bahru", "01", "Johor", 1.4927, 103.7414, "Asia/Kuala_Lumpur", 2, "80000")],
   langs=[(["en-US", "en"], 40), (["en-GB", "en", "ms"], 15), (["ms-MY", "ms", "en-US", "en"], 20), (["zh-CN", "zh", "en-US", "en"], 15), (["zh-TW", "zh", "en"], 5), (["en-MY", "en"], 5)],
   mail=[("gmail.com", 86), ("yahoo.com", 4), ("outlook.com", 4), ("icloud.com", 3), ("hotmail.com", 3)],
   names="MY"),
 "AE": dict(name="United Arab Emirates", cont="AS", gid=290557, rir="ripe", cen=(24.0, 54.0), w=0.5, mob=0.55, ios=0.55,
   cities=[("Dubai", "DU", "Dubai", 25.2048, 55.2708, "Asia/Dubai", 8, ""),
           ("Abu Dhabi", "AZ", "Abu Dhabi", 24.4539, 54.3773, "Asia/Dubai", 3, ""),
           ("Sharjah", "SH", "Sharjah", 25.3463, 55.4209, "Asia/Dubai", 2, "")],
   langs=[(["en-US", "en"], 45), (["en-GB", "en"], 20), (["ar-AE", "ar", "en-US", "en"], 15), (["en-US", "en", "hi"], 8), (["en-US", "en", "ur"], 5), (["ru-RU", "ru", "en-US", "en"], 7)],
   mail=[("gmail.com", 78), ("outlook.com", 6), ("hotmail.com", 5), ("icloud.com", 8), ("yahoo.com", 3)],
   names="AE"),
 "KZ": dict(name="Kazakhstan", cont="AS", gid=1522867, rir="ripe", cen=(48.0, 68.0), w=0.4, mob=0.55, ios=0.30,
   cities=[("Almaty", "75", "Almaty", 43.2220, 76.8512, "Asia/Almaty", 8, "050000"),
           ("Astana", "71", "Astana", 51.1694, 71.4491, "Asia/Almaty", 5, "010000")],
   langs=[(["ru-RU", "ru", "en-US", "en"], 45), (["ru"], 15), (["kk-KZ", "kk", "ru", "en"], 10), (["en-US", "en", "ru"], 20), (["en-US", "en"], 10)],
   mail=[("gmail.com", 70), ("mail.ru", 15), ("yandex.kz", 4), ("yandex.ru", 4), ("outlook.com", 3), ("icloud.com", 4)],
   names="KZ"),
 "TW": dict(name="Taiwan", cont="AS", gid=1668284, rir="apnic", cen=(23.5, 121.0), w=0.5, mob=0.45, ios=0.50,
   cities=[("Taipei", "TPE", "Taipei City", 25.0330, 121.5654, "Asia/Taipei", 8, "100"),
           ("Taichung", "TXG", "Taichung City", 24.1477, 120.6736, "Asia/Taipei", 3, "400"),
           ("Kaohsiung", "KHH", "Kaohsiung", 22.6273, 120.3014, "Asia/Taipei", 2, "800"),
           ("Hsinchu", "HSZ", "Hsinchu", 24.8138, 120.9675, "Asia/Taipei", 2, "300")],
   langs=[(["zh-TW", "zh", "en-US", "en"], 60), (["zh-TW"], 15), (["en-US", "en", "zh-TW", "zh"], 20), (["zh-CN", "zh", "en"], 5)],
   mail=[("gmail.com", 80), ("yahoo.com.tw", 6), ("hotmail.com", 4), ("icloud.com", 6), ("outlook.com", 4)],
   names="TW"),
}
for _c, _d in COUNTRIES.items():
    _d.setdefault("tzold", {})

RIR_OF = {c: d["rir"] for c, d in COUNTRIES.items()}
RIR_OF.update({"RO": "ripe", "PA": "lacnic", "VG": "arin", "SC": "afrinic", "CH": "ripe", "NO": "ripe", "HK": "apnic", "CN": "apnic", "RU": "ripe"})


def country_info(cc):
    if cc in COUNTRIES:
        d = COUNTRIES[cc]
        return d["name"], d["cont"], d["gid"]
    return REG_ONLY[cc]


def country_obj(cc):
    name, cont, g = country_info(cc)
    o = {"geoname_id": g, "iso_code": cc, "names": {"en": name}}
    if cc in EU_MEMBERS:
        o["is_in_european_union"] = True
    return o


def city_of(cc, cname):
    for c in COUNTRIES[cc]["cities"]:
        if c[0] == cname:
            return c
    raise KeyError((cc, cname))


# ---------------------------------------------------------------------------
# Address allocation


V4_OCTETS = {
    "arin": [23, 24, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 107, 108, 173, 174, 184, 198, 199, 204, 205, 206, 207, 208, 209, 216],
    "ripe": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "apnic": [14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 175, 180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222],
    "lacnic": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
    "afrinic": [41, 102, 105, 154, 196, 197],
}
V6_FIRST = {"arin": [0x2600, 0x2601, 0x2602, 0x2603, 0x2605, 0x2606, 0x2607], "ripe": [0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2a05, 0x2a06, 0x2a0b, 0x2a10],
            "apnic": [0x2400, 0x2401, 0x2402, 0x2403, 0x2404, 0x2405, 0x2406, 0x2407, 0x2408, 0x2409], "lacnic": [0x2800, 0x2801, 0x2803, 0x2804],
            "afrinic": [0x2c0f, 0x2c0e, 0x2c0d]}
BAD16 = {(198, 18), (198, 19), (198, 51), (203, 0), (192, 168), (192, 0), (169, 254), (100, 64)}


class Allocator:
    def __init__(self, rng):
        self.rng = rng
        self.free16 = {}
        for rir, octs in V4_OCTETS.items():
            lst = [(a, b) for a in octs for b in range(256) if (a, b) not in BAD16]
            rng.shuffle(lst)
            self.free16[rir] = lst
        self.small = {}   # rir -> (base, next offset)
        self.used32 = set()
        self.small6 = {}

    def v4_16(self, rir):
        a, b = self.free16[rir].pop()
        return (a << 24) | (b << 16)

    def v4(self, rir, plen):
        """Aligned block of /plen (plen >= 17) out of shared /16s."""
        if plen <= 16:
            return self.v4_16(rir)
        size = 1 << (32 - plen)
        base, off = self.small.get(rir, (None, 1 << 16))
        off = (off + size - 1) // size * size
        if base is None or off + size > (1 << 16):
            base, off = self.v4_16(rir), 0
        self.small[rir] = (base, off + size)
        return base + off

    def v6_32(self, rir):
        while True:
            hi = self.rng.choice(V6_FIRST[rir])
            lo = self.rng.randrange(0x0000, 0xffff) & 0xfff8
            if (hi, lo) not in self.used32:
                self.used32.add((hi, lo))
                return (hi << 112) | (lo << 96)

    def v6_48(self, rir):
        base, n = self.small6.get(rir, (None, 1 << 16))
        if n >= (1 << 16):
            base, n = self.v6_32(rir), 1
        self.small6[rir] = (base, n + 1)
        return base + (n << 80)


def v4str(n):
    return "%d.%d.%d.%d" % (n >> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255)


def v6str(n):
    return ipaddress.IPv6Address(n).compressed


class Block:
    """A block of addresses with one City record. kind: the network's kind."""
    __slots__ = ("net", "base", "plen", "v6", "cc", "city", "acc", "with_city", "pool", "kind", "jit", "postal")

    def __init__(self, net, base, plen, v6, cc, city, acc, with_city=True, pool=None, jit=(0.0, 0.0), postal=True):
        self.net, self.base, self.plen, self.v6 = net, base, plen, v6
        self.cc, self.city, self.acc, self.with_city = cc, city, acc, with_city
        self.pool, self.kind, self.jit, self.postal = pool, net.kind, jit, postal

    @property
    def size(self):
        return 1 << ((128 if self.v6 else 32) - self.plen)

    def cidr(self):
        return (v6str(self.base) if self.v6 else v4str(self.base)) + "/%d" % self.plen

    def addr(self, rng, sub64=None):
        """A random host address. For v6, sub64 picks a /64 (household/device)."""
        if self.v6:
            nets64 = 1 << (64 - self.plen) if self.plen < 64 else 1
            if sub64 is None:
                sub64 = rng.randrange(nets64)
            return v6str(self.base + ((sub64 % nets64) << 64) + rng.getrandbits(64))
        if self.pool:
            return v4str(self.base + rng.choice(self.pool))
        size = self.size
        if size <= 4:
            return v4str(self.base + rng.randrange(size))
        while True:
            off = rng.randrange(1, size - 1)
            if off & 255 not in (0, 255):
                return v4str(self.base + off)

    def addr_at(self, off):
        return v6str(self.base + off) if self.v6 else v4str(self.base + off)


class Net:
    """An autonomous system."""

    def __init__(self, asn, org, kind, cc, share=1.0, v6=0.0, reg=None, tag=None):
        self.asn, self.org, self.kind, self.cc = asn, org, kind, cc
        self.share, self.v6share = share, v6
        self.reg = reg or cc
        self.tag = tag or kind
        self.v4blocks, self.v6blocks = [], []
        self.asn_prefixes = []   # (base, plen, v6)
        self.by_city4, self.by_city6 = {}, {}

    def add(self, blk):
        (self.v6blocks if blk.v6 else self.v4blocks).append(blk)
        (self.by_city6 if blk.v6 else self.by_city4).setdefault((blk.cc, blk.city), []).append(blk)

    def block(self, rng, cc=None, city=None, v6=False):
        d = self.by_city6 if v6 else self.by_city4
        key = (cc, city)
        if key in d:
            return rng.choice(d[key])
        cands = [b for b in (self.v6blocks if v6 else self.v4blocks) if cc is None or b.cc == cc]
        if not cands:
            cands = self.v6blocks if v6 else self.v4blocks
        return rng.choice(cands)

    def cities(self, cc=None):
        seen = []
        for b in self.v4blocks:
            k = (b.cc, b.city)
            if (cc is None or b.cc == cc) and k not in seen:
                seen.append(k)
        return seen


# ---------------------------------------------------------------------------
# Network catalogue. (org, asn, share, v6 share)

RES = {
 "IN": [("Kaveri Fibernet Private Limited", 133982, 0.30, 0.45), ("Sarathi Broadband Services Pvt Ltd", 134677, 0.22, 0.25), ("Bharatlink Telemedia Limited", 24563, 0.28, 0.55), ("Meghdoot Cable & Datacom Pvt Ltd", 137441, 0.12, 0.05), ("Hathway-Sandesh Digital Cable Ltd", 17754, 0.08, 0.10)],
 "US": [("Comstream Cable Communications, LLC", 7725, 0.38, 0.62), ("Brightwave Fiber LLC", 11479, 0.18, 0.55), ("Pacific Telnet Broadband Inc.", 20057, 0.2, 0.45), ("Heartland Cablevision Company", 11404, 0.16, 0.30), ("Cedar Valley Communications", 393512, 0.04, 0.0)],
 "BR": [("VIVANET TELECOMUNICACOES S.A.", 26599, 0.32, 0.50), ("CONECTA FIBRA LTDA", 268411, 0.25, 0.40), ("REDE LITORAL INTERNET LTDA", 263142, 0.15, 0.30), ("NETCABO SERVICOS DE TELECOMUNICACOES LTDA", 28220, 0.28, 0.35)],
 "NG": [("Eko Broadband Networks Limited", 37282, 0.4, 0.05), ("Zenith Fibre Link Ltd", 328227, 0.35, 0.0), ("Harmattan Cable Nigeria Ltd", 36923, 0.25, 0.0)],
 "ID": [("PT Nusantara Fiber Telekomunikasi", 17974, 0.45, 0.25), ("PT Cakrawala Media Nusantara", 23700, 0.3, 0.10), ("PT Lintas Jaringan Rumah", 63859, 0.25, 0.05)],
 "VN": [("Song Hong Telecom Corporation", 45899, 0.42, 0.45), ("Mekong Fiber Joint Stock Company", 18403, 0.35, 0.35), ("Sai Gon Cable Network Co.", 7552, 0.23, 0.2)],
 "TR": [("Anatolia Superonline Iletisim A.S.", 34984, 0.45, 0.25), ("Bosphorus Net Iletisim A.S.", 47331, 0.3, 0.1), ("Marmara Kablo TV ve Iletisim A.S.", 12735, 0.25, 0.05)],
 "MX": [("Telcel Hogar Fijo S.A. de C.V.", 8151, 0.45, 0.35), ("Cablevision Azteca S.A. de C.V.", 28548, 0.3, 0.30), ("Megared del Bajio S.A. de C.V.", 13999, 0.25, 0.10)],
 "PH": [("Luzon Digital Telecommunications Inc.", 9299, 0.4, 0.2), ("Kapuluan Broadband Corporation", 132199, 0.35, 0.1), ("Visayan Cable Network Inc.", 9658, 0.25, 0.0)],
 "EG": [("Nile Data Telecom S.A.E.", 8452, 0.55, 0.05), ("Delta Link Egypt", 24863, 0.25, 0.0), ("Pharos Fixed Networks", 36935, 0.2, 0.0)],
 "PK": [("Indus Fibre Telecom (Pvt) Ltd", 17557, 0.4, 0.05), ("Ravi Cable Net Pvt Ltd", 38193, 0.3, 0.0), ("Margalla Broadband Services", 9541, 0.3, 0.0)],
 "BD": [("Padma Online Limited", 24389, 0.4, 0.05), ("Buriganga Broadband Network", 58656, 0.35, 0.0), ("Shapla Telecom Ltd", 63526, 0.25, 0.0)],
 "DE": [("Rheinland Telekom AG", 3320 + 30000, 0.45, 0.65), ("Vodacable Deutschland GmbH", 31334, 0.25, 0.55), ("1und1 Versatel Netz GmbH", 8881 + 50000, 0.15, 0.5), ("Nordkabel Stadtnetze GmbH", 20676, 0.15, 0.4)],
 "GB": [("Albion Telecom plc", 2856 + 40000, 0.35, 0.55), ("Thames Broadband Ltd", 5089 + 40000, 0.3, 0.2), ("Northern Fibre Networks Ltd", 13285 + 40000, 0.2, 0.4), ("Pennine Hyperoptic Ltd", 56478, 0.15, 0.6)],
 "FR": [("Hexagone Telecom SA", 3215 + 40000, 0.35, 0.6), ("Libre Reseau SAS", 12322 + 40000, 0.3, 0.8), ("Lumiere Fibre SA", 15557 + 40000, 0.2, 0.5), ("Bleu Ciel Telecom", 5410 + 40000, 0.15, 0.4)],
 "ES": [("Iberia Telefonica de Espana S.A.U.", 3352 + 40000, 0.4, 0.3), ("Mediterranea Fibra S.L.", 12479 + 40000, 0.35, 0.2), ("Cantabrico Cable S.A.", 12430 + 40000, 0.25, 0.1)],
 "PL": [("Orzel Polska S.A.", 5617 + 40000, 0.4, 0.35), ("Wisla Kablowa Sp. z o.o.", 6830 + 40000, 0.35, 0.3), ("Mazury Net Sp. z o.o.", 29314, 0.25, 0.2)],
 "NL": [("Polder Kabel B.V.", 33915, 0.45, 0.6), ("Oranje Glasvezel B.V.", 1136 + 40000, 0.35, 0.55), ("Delta Fiber Nederland B.V.", 15435, 0.2, 0.5)],
 "CA": [("Maple Cable Communications Inc.", 812 + 40000, 0.4, 0.45), ("Laurentian Bell Canada", 577 + 40000, 0.35, 0.35), ("Prairie Telus Communications", 852 + 40000, 0.25, 0.5)],
 "KE": [("Safari Fibre Networks Ltd", 37061, 0.45, 0.05), ("Rift Valley Internet Ltd", 36866, 0.35, 0.0), ("Jamii Broadband Kenya", 15399, 0.2, 0.0)],
 "JP": [("Sakura Hikari Networks Corp.", 4713 + 50000, 0.45, 0.65), ("Edo Broadband K.K.", 2516 + 50000, 0.35, 0.55), ("Kansai Fiber Net", 17676 + 50000, 0.2, 0.45)],
 "KR": [("Hanguk Telecom Corp.", 4766 + 50000, 0.5, 0.2), ("Han River Broadband Co.", 9318 + 50000, 0.3, 0.1), ("Baekdu Cable Co., Ltd.", 17858, 0.2, 0.05)],
 "AR": [("Telecom Pampa S.A.", 7303 + 40000, 0.45, 0.25), ("Rio de la Plata Cablevision S.A.", 10318 + 40000, 0.35, 0.2), ("Andes Fibra S.R.L.", 264649, 0.2, 0.1)],
 "CO": [("Colombia Telecomunicaciones Andinas S.A.", 3816 + 40000, 0.4, 0.15), ("Cablenorte Colombia S.A.S.", 10620 + 40000, 0.35, 0.1), ("Caribe Fibra S.A.S.", 262186, 0.25, 0.05)],
 "UA": [("Dnipro Telecom LLC", 6849 + 50000, 0.45, 0.1), ("Karpaty Online LLC", 15895 + 50000, 0.3, 0.05), ("Slavutych Net", 21497, 0.25, 0.05)],
 "AU": [("Southern Cross Telecom Ltd", 1221 + 50000, 0.45, 0.4), ("Outback Broadband Pty Ltd", 4804 + 50000, 0.35, 0.3), ("Coral Net Pty Ltd", 7545 + 50000, 0.2, 0.2)],
 "ZA": [("Highveld Telkom SA SOC Ltd", 37457, 0.45, 0.05), ("Cape Fibre Holdings", 37153, 0.35, 0.05), ("Drakensberg Online", 36874, 0.2, 0.0)],
 "SG": [("Merlion Broadband Pte Ltd", 9506 + 50000, 0.6, 0.4), ("Lion City Fibre Pte Ltd", 4773 + 50000, 0.4, 0.3)],
 "MY": [("Harimau Broadband Sdn Bhd", 4788 + 50000, 0.6, 0.2), ("Selat Fibre Sdn Bhd", 9930 + 50000, 0.4, 0.1)],
 "AE": [("Emirates Integrated Fixed Networks", 5384 + 40000, 0.6, 0.3), ("Gulf Fibre Telecom PJSC", 15802 + 40000, 0.4, 0.2)],
 "KZ": [("Steppe Telecom JSC", 9198 + 40000, 0.7, 0.05), ("Almaty Cable Networks LLP", 21299 + 40000, 0.3, 0.0)],
 "TW": [("Formosa Chunghwa Hinet Co.", 3462 + 50000, 0.6, 0.3), ("Taipei Cable Broadband Co.", 9924 + 50000, 0.4, 0.2)],
}

MOB = {
 "IN": [("Jyoti Infocomm Limited", 140522, 0.48, 0.88), ("Bharatlink Cellular Limited", 45620, 0.32, 0.55), ("Vistaar Mobile Services Ltd", 45280, 0.20, 0.35)],
 "US": [("Uplink Wireless USA, Inc.", 21944, 0.38, 0.85), ("Verano Wireless LLC", 6172, 0.38, 0.6), ("Atlas Mobility LLC", 20111, 0.24, 0.7)],
 "BR": [("CLARIDADE MOVEL S.A.", 26617, 0.4, 0.45), ("TIMBRA CELULAR S.A.", 26618, 0.35, 0.5), ("VIVANET MOVEL S.A.", 26616, 0.25, 0.35)],
 "NG": [("Savannah Mobile Telecommunications Ltd", 29465 + 300000, 0.5, 0.05), ("Niger Delta Cellular Limited", 36873 + 300000, 0.3, 0.0), ("Gidi Mobile Communications", 37148 + 300000, 0.2, 0.0)],
 "ID": [("PT Telekomunikasi Nusa Seluler", 23693, 0.5, 0.35), ("PT Indo Samudera Seluler", 4761 + 50000, 0.3, 0.2), ("PT Rajawali Axiata", 24203 + 50000, 0.2, 0.15)],
 "VN": [("Truong Son Mobile Group", 24086, 0.5, 0.5), ("Mekong Mobifone Corp.", 131429, 0.3, 0.25), ("Lotus Cellular JSC", 45543, 0.2, 0.1)],
 "TR": [("Ay Yildiz Mobil Iletisim A.S.", 16135 + 30000, 0.45, 0.3), ("Kapadokya Telekom Mobil", 15897 + 30000, 0.3, 0.2), ("Turk Hat Mobil A.S.", 20978 + 30000, 0.25, 0.1)],
 "MX": [("Radiomovil Azteca S.A. de C.V.", 28403, 0.6, 0.45), ("Moviles del Pacifico S.A. de C.V.", 32098 + 200000, 0.25, 0.3), ("Altan Red Compartida Bajio", 270000 + 1234, 0.15, 0.2)],
 "PH": [("Pilipinas Mobile Telecom Inc.", 132200 + 10, 0.45, 0.3), ("Bayani Cellular Inc.", 9299 + 50000, 0.4, 0.25), ("Dagat Wireless Networks", 139831, 0.15, 0.1)],
 "EG": [("Nile Mobile Egypt S.A.E.", 24835 + 10000, 0.4, 0.05), ("Pyramid Mobile Communications", 36935 + 10000, 0.35, 0.0), ("Orascom Cellular Egypt", 37069 + 10000, 0.25, 0.0)],
 "PK": [("Jazeera Mobilink Pakistan Ltd", 45669, 0.45, 0.2), ("Indus Telenor Pakistan", 24499 + 100000, 0.3, 0.1), ("Zong Cellular Pakistan", 59257, 0.25, 0.15)],
 "BD": [("Grameen Shapla Phone Ltd", 24389 + 100000, 0.5, 0.15), ("Banglalink Digital Communications", 45245, 0.3, 0.1), ("Robi Axiata Bangladesh", 24432 + 100000, 0.2, 0.1)],
 "DE": [("Rheinland Mobilfunk GmbH", 3320 + 31000, 0.45, 0.8), ("Vodafunk Deutschland GmbH", 3209 + 31000, 0.35, 0.6), ("Telefonica Germania Mobil", 6805 + 31000, 0.2, 0.5)],
 "GB": [("Albion Mobile Ltd", 12576 + 40000, 0.35, 0.7), ("Thames Mobile Communications", 25135 + 40000, 0.35, 0.5), ("Three Isles Wireless Ltd", 206067, 0.3, 0.6)],
 "FR": [("Hexagone Mobile SA", 3215 + 41000, 0.45, 0.7), ("Libre Mobile SAS", 51207, 0.3, 0.85), ("Bleu Ciel Mobile", 5410 + 41000, 0.25, 0.6)],
 "ES": [("Iberia Movil S.A.U.", 3352 + 41000, 0.45, 0.3), ("Mediterranea Movil S.L.", 12430 + 41000, 0.35, 0.2), ("Pirineo Wireless S.L.", 12338 + 41000, 0.2, 0.1)],
 "PL": [("Orzel Mobile S.A.", 5617 + 41000, 0.4, 0.5), ("Baltyk Cellular Sp. z o.o.", 12912 + 41000, 0.35, 0.4), ("Tatra GSM S.A.", 8374 + 41000, 0.25, 0.3)],
 "NL": [("Polder Mobiel B.V.", 1136 + 41000, 0.5, 0.6), ("Noordzee Mobile Netherlands", 33915 + 1000, 0.5, 0.5)],
 "CA": [("Maple Wireless Inc.", 812 + 41000, 0.4, 0.6), ("Laurentian Mobility", 577 + 41000, 0.35, 0.5), ("Prairie Wireless Partnership", 852 + 41000, 0.25, 0.55)],
 "KE": [("Simba Mobile PLC", 33771, 0.65, 0.15), ("Kilimanjaro Cellular Kenya", 36926, 0.35, 0.0)],
 "JP": [("Fuji Mobile Communications Inc.", 9605 + 50000, 0.45, 0.7), ("Edo Wireless K.K.", 2516 + 51000, 0.35, 0.6), ("Kansai Cellular Corp.", 17676 + 51000, 0.2, 0.5)],
 "KR": [("Hanguk Mobile Co.", 4766 + 51000, 0.5, 0.5), ("Han River Wireless", 9644 + 51000, 0.5, 0.4)],
 "AR": [("Pampa Personal S.A.", 7303 + 41000, 0.45, 0.2), ("Claridade Argentina S.A.", 11664 + 41000, 0.55, 0.3)],
 "CO": [("Andes Movil Colombia S.A.", 10620 + 41000, 0.55, 0.3), ("Caribe Celular S.A. E.S.P.", 27831 + 41000, 0.45, 0.2)],
 "UA": [("Kyivstar Mobile LLC", 15895 + 51000, 0.5, 0.1), ("Lifecell Karpaty LLC", 34058 + 41000, 0.5, 0.05)],
 "AU": [("Southern Cross Mobile Ltd", 1221 + 51000, 0.5, 0.7), ("Outback Mobile Pty Ltd", 4804 + 51000, 0.5, 0.5)],
 "ZA": [("Highveld Cellular (Pty) Ltd", 29975 + 10000, 0.55, 0.1), ("Karoo Mobile Telecommunications", 16637 + 10000, 0.45, 0.05)],
 "SG": [("Merlion Mobile Pte Ltd", 9506 + 51000, 1.0, 0.4)],
 "MY": [("Harimau Mobile Sdn Bhd", 4818 + 51000, 1.0, 0.3)],
 "AE": [("Emirates Mobile Telecom", 5384 + 41000, 1.0, 0.4)],
 "KZ": [("Steppe Mobile Kcell JSC", 29355 + 40000, 1.0, 0.1)],
 "TW": [("Formosa Mobile Co.", 9924 + 51000, 1.0, 0.4)],
}

# Universities: (name, email domain, country, city, own ASN or None -> NREN, nat addresses, v6)
NREN = {"IN": ("National Academic Research Network of India", 55824), "BR": ("Rede Academica Nacional de Ensino e Pesquisa", 1916 + 50000),
        "GB": ("UK Academic Network Ltd", 786 + 50000), "DE": ("Verein zur Foerderung des Deutschen Hochschulnetzes e.V.", 680 + 50000),
        "TR": ("Ulusal Akademik Ag ve Bilgi Merkezi", 8517 + 30000), "ID": ("Indonesia Research and Education Network", 135371),
        "PK": ("Pakistan Education and Research Network", 45773), "NG": ("Nigerian Research and Education Network", 37622)}
UNIVERSITIES = [
 ("Deccan Institute of Technology", "dit.ac.in", "IN", "Chennai", True, 16, 0.3),
 ("Vidyanagar University", "vidyanagar.ac.in", "IN", "Pune", False, 8, 0.0),
 ("National Institute of Engineering Lucknow", "nielko.ac.in", "IN", "Lucknow", False, 8, 0.0),
 ("Hyderabad Institute of Information Technology", "hiit.ac.in", "IN", "Hyderabad", True, 16, 0.4),
 ("University of Westbrook", "westbrook.edu", "US", "Boston", True, 32, 0.5),
 ("Lakeshore Institute of Technology", "lit.edu", "US", "Chicago", True, 16, 0.5),
 ("Mesa Ridge Community College", "student.mesaridge.edu", "US", "Phoenix", True, 8, 0.0),
 ("Harbor City Community College", "my.harborcitycc.edu", "US", "Los Angeles", True, 8, 0.0),
 ("Universidade Federal do Planalto", "ufpl.edu.br", "BR", "Belo Horizonte", False, 16, 0.3),
 ("Universidade Estadual do Litoral", "unilitoral.edu.br", "BR", "Recife", False, 8, 0.0),
 ("Lagoon City University", "lcu.edu.ng", "NG", "Lagos", False, 8, 0.0),
 ("Federal University of Technology Enugu", "futen.edu.ng", "NG", "Enugu", False, 4, 0.0),
 ("Institut Teknologi Nusantara", "itn.ac.id", "ID", "Bandung", False, 16, 0.0),
 ("Universitas Gadjah Wijaya", "ugw.ac.id", "ID", "Yogyakarta", False, 8, 0.0),
 ("Red River University of Technology", "rrut.edu.vn", "VN", "Hanoi", True, 8, 0.2),
 ("Saigon Polytechnic University", "spu.edu.vn", "VN", "Ho Chi Minh City", True, 8, 0.0),
 ("Bogazkent University", "bogazkent.edu.tr", "TR", "Istanbul", False, 8, 0.2),
 ("Anatolian Technical University", "atu.edu.tr", "TR", "Ankara", False, 8, 0.1),
 ("Instituto Tecnologico del Norte", "itnorte.edu.mx", "MX", "Monterrey", True, 8, 0.0),
 ("Universidad Autonoma del Valle", "uav.mx", "MX", "Mexico City", True, 16, 0.0),
 ("Manila Polytechnic University", "mpu.edu.ph", "PH", "Manila", True, 8, 0.0),
 ("Visayas State College of Technology", "vsct.edu.ph", "PH", "Cebu City", True, 4, 0.0),
 ("Nile Delta University", "ndu.edu.eg", "EG", "Mansoura", True, 4, 0.0),
 ("Cairo Institute of Engineering", "cie.edu.eg", "EG", "Cairo", True, 8, 0.0),
 ("Punjab University of Engineering and Technology", "puet.edu.pk", "PK", "Lahore", False, 8, 0.0),
 ("Margalla Institute of Computing", "mic.edu.pk", "PK", "Islamabad", False, 4, 0.0),
 ("Dhaka University of Engineering and Science", "dues.ac.bd", "BD", "Dhaka", True, 8, 0.0),
 ("Nairobi Technical University", "ntu.ac.ke", "KE", "Nairobi", True, 8, 0.0),
 ("Technische Hochschule Rheinland", "th-rheinland.de", "DE", "Cologne", False, 16, 0.7),
 ("University of Kingsbridge", "kingsbridge.ac.uk", "GB", "Manchester", False, 16, 0.6),
 ("Politechnika Nadwislanska", "pnw.edu.pl", "PL", "Kraków", True, 8, 0.3),
 ("Cascadia Polytechnic University", "cascadiapoly.ca", "CA", "Vancouver", True, 16, 0.4),
 ("Kanto Institute of Technology", "kanto-tech.ac.jp", "JP", "Tokyo", True, 8, 0.5),
 ("Hangang National University", "hangang.ac.kr", "KR", "Seoul", True, 8, 0.2),
 ("Universidad Nacional del Plata", "unp.edu.ar", "AR", "Buenos Aires", True, 8, 0.0),
 ("Universidad Andina de Tecnologia", "uat.edu.co", "CO", "Bogotá", True, 8, 0.0),
 ("University of the Highveld", "highveld.ac.za", "ZA", "Johannesburg", True, 8, 0.1),
 ("Coral Coast University", "ccu.edu.au", "AU", "Brisbane", True, 8, 0.4),
 ("Universite Rhone-Lumiere", "univ-rhone-lumiere.fr", "FR", "Lyon", True, 8, 0.5),
 ("Universidad Politecnica del Turia", "upturia.es", "ES", "Valencia", True, 8, 0.3),
 ("Dnipro National Technical University", "dntu.edu.ua", "UA", "Dnipro", True, 4, 0.0),
]

# Companies: (name, domain, hq, offices [(cc, city)], own ASN?, uses secure gateway?, weight)
COMPANIES = [
 ("Northwind Logistics Inc.", "northwindlogistics.com", "US", [("US", "Chicago"), ("US", "Atlanta"), ("IN", "Pune"), ("MX", "Monterrey")], 46521, True, 5),
 ("Keystone Mutual Insurance Company", "keystonemutual.com", "US", [("US", "Columbus"), ("US", "Boston")], 30144, True, 3),
 ("Arcadia Health Systems", "arcadiahealth.org", "US", [("US", "Denver"), ("US", "Phoenix")], None, True, 2),
 ("Brightline Retail Group", "brightlineretail.com", "US", [("US", "Dallas"), ("BR", "São Paulo")], None, True, 2),
 ("Tessaro Software GmbH", "tessaro.de", "DE", [("DE", "Munich"), ("PL", "Wrocław")], None, False, 2),
 ("Kronberg Automotive AG", "kronberg-auto.de", "DE", [("DE", "Stuttgart"), ("MX", "Puebla"), ("IN", "Chennai")], 48213, True, 4),
 ("Albion Digital Bank plc", "albionbank.co.uk", "GB", [("GB", "London"), ("IN", "Hyderabad")], 60117, True, 3),
 ("Marlow & Finch LLP", "marlowfinch.co.uk", "GB", [("GB", "London")], None, True, 1),
 ("Infocrest Technologies Ltd", "infocrest.in", "IN", [("IN", "Bengaluru"), ("IN", "Pune"), ("IN", "Hyderabad"), ("IN", "Chennai"), ("US", "Dallas"), ("GB", "London"), ("PH", "Makati City")], 132876, True, 10),
 ("Sutra Analytics Pvt Ltd", "sutra-analytics.com", "IN", [("IN", "Bengaluru")], None, False, 2),
 ("Banco Meridional S.A.", "bancomeridional.com.br", "BR", [("BR", "São Paulo"), ("BR", "Curitiba")], 262974, True, 3),
 ("Lumen Varejo Digital Ltda", "lumenvarejo.com.br", "BR", [("BR", "Florianópolis")], None, False, 1),
 ("Ajani Payments Ltd", "ajanipay.com", "NG", [("NG", "Lagos"), ("KE", "Nairobi")], None, True, 2),
 ("Nusantara Logistik Digital", "nusalog.co.id", "ID", [("ID", "Jakarta")], None, False, 2),
 ("Saigon Code Factory JSC", "saigoncode.vn", "VN", [("VN", "Ho Chi Minh City"), ("VN", "Da Nang")], None, False, 3),
 ("Anadolu Yazilim A.S.", "anadoluyazilim.com.tr", "TR", [("TR", "Istanbul"), ("TR", "Ankara")], None, False, 2),
 ("Grupo Altamira S.A.B.", "grupoaltamira.mx", "MX", [("MX", "Mexico City"), ("MX", "Guadalajara")], None, True, 2),
 ("Bayanihan BPO Solutions Inc.", "bayanihanbpo.ph", "PH", [("PH", "Makati City"), ("PH", "Cebu City")], 136521, False, 3),
 ("Nilecore Systems", "nilecore.com.eg", "EG", [("EG", "Cairo")], None, False, 1),
 ("Indus Fintech (Pvt) Ltd", "indusfintech.pk", "PK", [("PK", "Karachi"), ("PK", "Lahore")], None, False, 1),
 ("Maple Ridge Telecom", "mapleridgetel.ca", "CA", [("CA", "Toronto")], None, True, 1),
 ("Savanna Mobile Money Ltd", "savannamoney.co.ke", "KE", [("KE", "Nairobi")], None, False, 1),
 ("Wisla Data Sp. z o.o.", "wisladata.pl", "PL", [("PL", "Warsaw")], None, False, 1),
 ("Lys Conseil SAS", "lysconseil.fr", "FR", [("FR", "Paris")], None, True, 1),
 ("Iberica Energia Renovable S.A.", "ibericarenovable.es", "ES", [("ES", "Madrid")], None, True, 1),
 ("Polderbank N.V.", "polderbank.nl", "NL", [("NL", "Amsterdam"), ("NL", "Utrecht")], 64271 - 30000, True, 2),
 ("Kagami Systems K.K.", "kagami-sys.co.jp", "JP", [("JP", "Tokyo")], None, False, 1),
 ("Hanbit Semiconductor Co.", "hanbitsemi.co.kr", "KR", [("KR", "Seoul")], None, False, 1),
 ("Southern Cross Mining Ltd", "scmining.com.au", "AU", [("AU", "Perth"), ("AU", "Brisbane")], None, True, 1),
 ("Pampa Agrotech S.A.", "pampaagro.com.ar", "AR", [("AR", "Buenos Aires")], None, False, 1),
 ("Orbis Capital Partners LLC", "orbiscap.com", "US", [("US", "New York"), ("GB", "London"), ("SG", "Singapore")], 394117, True, 2),
 ("Zentra Cloud Consulting", "zentra.io", "NL", [("NL", "Amsterdam"), ("ES", "Barcelona"), ("UA", "Lviv")], None, False, 2),
]

# Global providers: (key, org, asn, kind, reg country, [(cc, city)])
HOSTING = [
 ("strato", "Stratocumulus Compute, Inc.", 16625 + 380000, "hosting", "US", [("US", "Ashburn"), ("US", "San Jose"), ("US", "Dallas"), ("DE", "Frankfurt am Main"), ("GB", "London"), ("IN", "Mumbai"), ("SG", "Singapore"), ("JP", "Tokyo"), ("BR", "São Paulo"), ("AU", "Sydney"), ("CA", "Montreal")]),
 ("nimbara", "Nimbara Cloud Platform LLC", 8068 + 390000, "hosting", "US", [("US", "Ashburn"), ("US", "Seattle"), ("NL", "Amsterdam"), ("SG", "Singapore"), ("IN", "Chennai"), ("JP", "Osaka"), ("BR", "São Paulo")]),
 ("brightrack", "Brightrack Hosting Ltd", 211552, "hosting", "GB", [("GB", "London"), ("NL", "Amsterdam"), ("US", "Dallas"), ("DE", "Frankfurt am Main")]),
 ("kessler", "Kessler Rechenzentrum GmbH", 213950, "hosting", "DE", [("DE", "Munich"), ("DE", "Frankfurt am Main"), ("US", "Ashburn")]),
 ("orvane", "Orvane SAS", 216239, "hosting", "FR", [("FR", "Roubaix"), ("FR", "Paris"), ("CA", "Montreal"), ("PL", "Warsaw"), ("SG", "Singapore")]),
 ("vultara", "Vultara Holdings, LLC", 397423, "hosting", "US", [("US", "Los Angeles"), ("US", "Miami"), ("JP", "Tokyo"), ("SG", "Singapore"), ("NL", "Amsterdam"), ("MX", "Mexico City")]),
 ("induscloud", "Indus Cloud Datacenters Pvt Ltd", 136334, "hosting", "IN", [("IN", "Mumbai"), ("IN", "Bengaluru")]),
 ("lintas", "PT Lintas Awan Data Center", 138062, "hosting", "ID", [("ID", "Jakarta")]),
 ("quadrant", "Quadrant Transit Europe SRL", 209854, "vpn", "RO", [("US", "New York"), ("US", "Los Angeles"), ("US", "Chicago"), ("US", "Miami"), ("GB", "London"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"), ("FR", "Paris"), ("SG", "Singapore"), ("JP", "Tokyo"), ("CA", "Toronto"), ("AU", "Sydney"), ("BR", "São Paulo"), ("IN", "Mumbai"), ("ES", "Madrid"), ("PL", "Warsaw"), ("AE", "Dubai"), ("TR", "Istanbul"), ("MX", "Mexico City"), ("ZA", "Johannesburg")]),
 ("datashard", "Datashard Limited", 60124, "vpn", "GB", [("US", "Dallas"), ("US", "Seattle"), ("US", "Atlanta"), ("GB", "Manchester"), ("DE", "Berlin"), ("NL", "Rotterdam"), ("JP", "Tokyo"), ("SG", "Singapore"), ("HK_SKIP", ""), ("CA", "Vancouver"), ("KR", "Seoul"), ("TW", "Taipei")]),
 ("privanet", "Privanet Secure Networks Ltd", 62213 + 140000, "vpn", "VG", [("US", "New York"), ("US", "San Jose"), ("GB", "London"), ("NL", "Amsterdam"), ("DE", "Frankfurt am Main"), ("SG", "Singapore"), ("JP", "Tokyo"), ("CA", "Toronto")]),
 ("torrelay1", "Stichting Open Relays", 208323 + 1000, "tor", "NL", [("NL", "Amsterdam")]),
 ("torrelay2", "Verein fuer Freie Netze e.V.", 205100 + 13, "tor", "DE", [("DE", "Berlin")]),
 ("torrelay3", "Cascade Privacy Collective", 396507 + 20, "tor", "US", [("US", "Seattle")]),
 ("presto", "Presto Transcode Networks AS", 39832 + 170000, "transcoder", "NO", [("NL", "Amsterdam"), ("DE", "Frankfurt am Main"), ("SG", "Singapore"), ("US", "Ashburn")]),
 ("zephyr", "Zephyrscale, Inc.", 53813 + 300000, "secgw", "US", [("US", "New York"), ("US", "San Jose"), ("US", "Chicago"), ("US", "Dallas"), ("GB", "London"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"), ("IN", "Mumbai"), ("IN", "Chennai"), ("SG", "Singapore"), ("BR", "São Paulo"), ("JP", "Tokyo"), ("AU", "Sydney"), ("FR", "Paris"), ("MX", "Mexico City"), ("CA", "Toronto"), ("AE", "Dubai"), ("ZA", "Johannesburg")]),
 ("nomad", "Nomadlink Global Mobile Ltd", 205767, "esim", "GB", [("SG", "Singapore"), ("NL", "Amsterdam"), ("US", "Dallas"), ("GB", "London")]),
 ("bluewave", "Bluewave Fiber Solutions LLC", 399486, "ispproxy", "US", [("US", "Dallas"), ("US", "Ashburn"), ("US", "Los Angeles"), ("US", "New York")]),
 ("northstar", "Northstar Broadband Holdings Ltd", 207990, "ispproxy", "GB", [("GB", "London"), ("GB", "Manchester")]),
 ("altmark", "Altmark Kommunikationsnetz GmbH", 212286, "ispproxy", "DE", [("DE", "Frankfurt am Main"), ("DE", "Berlin")]),
 ("kowloon", "Kowloon Harbour Cloud Ltd", 135377 + 1000, "hosting", "HK", [("SG", "Singapore"), ("JP", "Tokyo")]),
]
RELAY = ("relay", "Cirrocast Edge Networks, Inc.", 36183 + 300000, "relay", "US")
RELAY_COUNTRIES = ["US", "GB", "DE", "FR", "CA", "JP", "AU", "BR", "MX", "IN", "NL", "ES", "PL", "KR", "TW", "SG", "TR", "AE", "ZA", "PH", "ID", "VN", "AR", "CO"]
SAT = ("orbit", "Orbitlink Services LLC", 14593 + 380000, "satellite", "US")
SAT_COUNTRIES = ["US", "CA", "MX", "BR", "NG", "KE", "PH", "ID", "AU", "GB", "DE", "CO", "ZA"]


class World:
    def __init__(self):
        rng = random.Random(WORLD_SEED)
        self.rng = rng
        al = Allocator(rng)
        self.nets = []
        self.res, self.mob = {}, {}
        self.hosting = {}
        self.unis, self.companies = [], []
        self.bootcamp_lines = []

        def mknet(*a, **k):
            n = Net(*a, **k)
            self.nets.append(n)
            return n

        def city_blocks(net, cc, cities, n16, split, acc_rng, v6plen=40, with_city_p=1.0, pool=None, v6=True):
            """Spread n16 /16s over the country's cities in /split blocks; a /32 v6 per net."""
            weights = [c[6] for c in cities]
            slots = []
            per16 = 1 << (split - 16)
            total = n16 * per16
            # every city at least one block, rest by weight
            order = list(range(len(cities)))
            for i in order[:total]:
                slots.append(i)
            while len(slots) < total:
                slots.append(rng.choices(order, weights)[0])
            rng.shuffle(slots)
            k = 0
            for _ in range(n16):
                base = al.v4_16(RIR_OF[cc])
                net.asn_prefixes.append((base, 16, False))
                for j in range(per16):
                    ci = cities[slots[k]]
                    k += 1
                    wc = rng.random() < with_city_p
                    acc = acc_rng() if wc else 1000
                    p = None
                    if pool:
                        p = sorted(rng.sample(range(1, (1 << (32 - split)) - 1), min(pool, (1 << (32 - split)) - 2)))
                    net.add(Block(net, base + (j << (32 - split)), split, False, cc, ci[0], acc, wc, p,
                                  (rng.uniform(-0.06, 0.06), rng.uniform(-0.06, 0.06))))
            if v6 and net.v6share > 0:
                b6 = al.v6_32(RIR_OF[cc])
                net.asn_prefixes.append((b6, 32, True))
                for j, ci in enumerate(cities):
                    wc = rng.random() < with_city_p
                    net.add(Block(net, b6 + (j << (128 - v6plen)), v6plen, True, cc, ci[0], acc_rng() if wc else 1000, wc,
                                  None, (rng.uniform(-0.06, 0.06), rng.uniform(-0.06, 0.06))))

        for cc, d in COUNTRIES.items():
            cities = d["cities"]
            self.res[cc] = []
            for org, asn, share, v6 in RES[cc]:
                n = mknet(asn, org, "residential", cc, share, v6)
                n16 = 2 if share * d["w"] > 4 else 1
                city_blocks(n, cc, cities, n16, 20 if len(cities) > 4 else 19, lambda: rng.choice([5, 10, 20, 20, 50, 50, 100]))
                self.res[cc].append(n)
            self.mob[cc] = []
            for org, asn, share, v6 in MOB[cc]:
                n = mknet(asn, org, "mobile", cc, share, v6)
                # CGNAT pools: few public addresses per region; large carriers get more
                pool = max(48, int(700 * share * d["w"] / 10))
                city_blocks(n, cc, cities, 1, 20 if len(cities) > 4 else 19, lambda: rng.choice([100, 200, 500, 1000]),
                            v6plen=44, with_city_p=0.55, pool=pool)
                self.mob[cc].append(n)

        # universities
        nren = {}
        for name, dom, cc, cityname, own, nat, v6 in UNIVERSITIES:
            ci = city_of(cc, cityname)
            if own or cc not in NREN:
                asn = 10000 + gid(name) % 50000 if RIR_OF[cc] != "arin" else 3000 + gid(name) % 9000
                n = mknet(asn, name, "edu", cc, 1.0, v6)
            else:
                if cc not in nren:
                    org, asn = NREN[cc]
                    nren[cc] = mknet(asn, org, "edu", cc, 1.0, 0.3)
                n = nren[cc]
            base = al.v4(RIR_OF[cc], 20 if own else 22)
            plen = 20 if own else 22
            n.asn_prefixes.append((base, plen, False))
            blk = Block(n, base, plen, False, cc, ci[0], rng.choice([5, 10, 20]), True, list(range(10, 10 + nat)))
            n.add(blk)
            blk6 = None
            if v6 > 0:
                b6 = al.v6_48(RIR_OF[cc])
                n.asn_prefixes.append((b6, 48, True))
                blk6 = Block(n, b6, 48, True, cc, ci[0], blk.acc, True)
                n.add(blk6)
            # residence halls: a second block on the same ASN
            base2 = al.v4(RIR_OF[cc], 23)
            n.asn_prefixes.append((base2, 23, False))
            dorm = Block(n, base2, 23, False, cc, ci[0], blk.acc, True)
            n.add(dorm)
            self.unis.append(dict(name=name, domain=dom, cc=cc, city=cityname, net=n, nat=blk, v6blk=blk6, v6=v6, dorm=dorm))

        # corporate networks
        for name, dom, hq, offices, asn, gw, w in COMPANIES:
            co = dict(name=name, domain=dom, hq=hq, offices=offices, gw=gw, w=w, egress={})
            if asn:
                n = mknet(asn, name, "corp", hq, 1.0, 0.3)
                for occ, ocity in offices:
                    base = al.v4(RIR_OF[occ], 24)
                    n.asn_prefixes.append((base, 24, False))
                    b = Block(n, base, 24, False, occ, ocity, rng.choice([5, 10, 20]), True, list(range(rng.randrange(2, 40), 64, 7))[:4])
                    n.add(b)
                    co["egress"][(occ, ocity)] = b
            self.companies.append(co)

        # global providers
        for key, org, asn, kind, reg, locs in HOSTING:
            n = mknet(asn, org, kind, reg, 1.0, 0.5 if kind in ("hosting", "secgw", "transcoder") else 0.2, reg=reg, tag=key)
            for lcc, lcity in locs:
                if lcc not in COUNTRIES:
                    continue
                ci = city_of(lcc, lcity)
                plen = {"hosting": 19, "vpn": 24, "tor": 26, "transcoder": 22, "secgw": 23, "esim": 20, "ispproxy": 22}[kind]
                if key in ("strato", "nimbara"):
                    plen = 16
                base = al.v4(RIR_OF[reg if kind != "ispproxy" else lcc], plen)
                n.asn_prefixes.append((base, plen, False))
                pool = None
                if kind == "vpn":
                    pool = list(range(2, 2 + rng.choice([8, 12, 16, 24])))
                elif kind == "esim":
                    pool = sorted(rng.sample(range(1, 4094), 64))
                acc = {"hosting": rng.choice([10, 20, 50, 100, 500]), "vpn": rng.choice([5, 10, 20, 100]), "tor": 1000,
                       "transcoder": 1000, "secgw": 20, "esim": 1000, "ispproxy": rng.choice([5, 10, 20])}[kind]
                n.add(Block(n, base, plen, False, lcc, ci[0], acc, kind not in ("tor", "transcoder", "esim"), pool, postal=kind in ("ispproxy",)))
                if kind in ("hosting", "secgw", "vpn"):
                    b6 = al.v6_48(RIR_OF[reg])
                    n.asn_prefixes.append((b6, 48, True))
                    n.add(Block(n, b6, 48, True, lcc, ci[0], acc, True, postal=False))
            self.hosting[key] = n

        key, org, asn, kind, reg = RELAY
        n = mknet(asn, org, kind, reg, 1.0, 0.7, reg=reg, tag=key)
        for rcc in RELAY_COUNTRIES:
            for ci in COUNTRIES[rcc]["cities"][:3]:
                base = al.v4("arin", 24)
                n.asn_prefixes.append((base, 24, False))
                n.add(Block(n, base, 24, False, rcc, ci[0], rng.choice([20, 50, 100]), True, list(range(1, 250, 3)), postal=False))
                b6 = al.v6_48("arin")
                n.asn_prefixes.append((b6, 48, True))
                n.add(Block(n, b6, 48, True, rcc, ci[0], 100, True, postal=False))
        self.hosting[key] = n
        key, org, asn, kind, reg = SAT
        n = mknet(asn, org, kind, reg, 1.0, 0.6, reg=reg, tag=key)
        for scc in SAT_COUNTRIES:
            ci = COUNTRIES[scc]["cities"][0]
            base = al.v4("arin", 21)
            n.asn_prefixes.append((base, 21, False))
            n.add(Block(n, base, 21, False, scc, ci[0], 1000, False, sorted(rng.sample(range(1, 2046), 200)), postal=False))
            b6 = al.v6_48("arin")
            n.asn_prefixes.append((b6, 48, True))
            n.add(Block(n, b6, 48, True, scc, ci[0], 1000, False, postal=False))
        self.hosting[key] = n

    # -- helpers used by the generator
    def pick_res(self, rng, cc):
        lst = self.res[cc]
        return rng.choices(lst, [n.share for n in lst])[0]

    def pick_mob(self, rng, cc):
        lst = self.mob[cc]
        return rng.choices(lst, [n.share for n in lst])[0]

    # -- databases
    def city_record(self, blk):
        cc = blk.cc
        d = COUNTRIES[cc]
        cont = d["cont"]
        ci = city_of(cc, blk.city)
        rec = {"continent": {"code": cont, "geoname_id": CONTINENTS[cont][0], "names": CONTINENTS[cont][1]},
               "country": country_obj(cc)}
        if blk.with_city:
            lat = round(ci[3] + blk.jit[0], 4)
            lon = round(ci[4] + blk.jit[1], 4)
            rec["city"] = {"geoname_id": gid(cc, ci[0]), "names": {"en": ci[0]}}
            rec["location"] = {"accuracy_radius": blk.acc, "latitude": lat, "longitude": lon, "time_zone": ci[5]}
            if blk.postal and ci[7]:
                rec["postal"] = {"code": ci[7]}
            rec["subdivisions"] = [{"geoname_id": gid(cc, "sub", ci[1]), "iso_code": ci[1], "names": {"en": ci[2]}}]
        else:
            # country-level only (common for mobile carriers): centroid + capital tz
            rec["location"] = {"accuracy_radius": blk.acc, "latitude": d["cen"][0], "longitude": d["cen"][1],
                               "time_zone": d["cities"][0][5]}
        rec["registered_country"] = country_obj(blk.net.reg if blk.net.reg in COUNTRIES or blk.net.reg in REG_ONLY else cc)
        return rec

    def tz_of_block(self, blk):
        if blk.with_city:
            return city_of(blk.cc, blk.city)[5]
        return COUNTRIES[blk.cc]["cities"][0][5]

    def write_mmdb(self, outdir, epoch):
        from mmdb_writer import MMDBWriter

        class W(MMDBWriter):
            def _build_meta(self):
                m = super()._build_meta()
                m["build_epoch"] = epoch
                return m

        asn = W(6, "GeoLite2-ASN", ["en"], {"en": "GeoLite2 ASN database of the invented Forgeline internet"}, ipv4_compatible=True)
        city = W(6, "GeoLite2-City", ["en"], {"en": "GeoLite2 City database of the invented Forgeline internet"}, ipv4_compatible=True)
        for n in self.nets:
            rec = {"autonomous_system_number": n.asn, "autonomous_system_organization": n.org}
            for base, plen, v6 in n.asn_prefixes:
                cidr = (v6str(base) if v6 else v4str(base)) + "/%d" % plen
                asn.insert_network(IPSet([IPNetwork(cidr)]), rec)
            for blk in n.v4blocks + n.v6blocks:
                city.insert_network(IPSet([IPNetwork(blk.cidr())]), self.city_record(blk))
        asn.to_db_file(outdir + "/GeoLite2-ASN.mmdb")
        city.to_db_file(outdir + "/GeoLite2-City.mmdb")
