"""Koe's invented internet: countries, cities, ASNs, address plan, MaxMind-shaped DBs."""
import ipaddress, random, hashlib
from netaddr import IPSet, IPNetwork
import mmdb_writer

BUILD_EPOCH = 1790812800  # 2026-10-01T00:00:00Z, fixed for determinism

CONTINENT = {"AS": ("Asia", 6255147), "OC": ("Oceania", 6255151), "SA": ("South America", 6255150),
             "NA": ("North America", 6255149), "EU": ("Europe", 6255148), "AF": ("Africa", 6255146)}

# code: (english name, continent, geoname id, faker locale, accept-language tags, cities[(name, lat, lon, tz, weight, subdivision)])
COUNTRIES = {
 "JP": ("Japan", "AS", 1861060, "ja_JP", ["ja-JP", "ja"], [
   ("Tokyo", 35.6895, 139.6917, "Asia/Tokyo", 40, "13"), ("Osaka", 34.6937, 135.5023, "Asia/Tokyo", 14, "27"),
   ("Yokohama", 35.4478, 139.6425, "Asia/Tokyo", 9, "14"), ("Nagoya", 35.1815, 136.9066, "Asia/Tokyo", 8, "23"),
   ("Fukuoka", 33.5904, 130.4017, "Asia/Tokyo", 6, "40"), ("Sapporo", 43.0618, 141.3545, "Asia/Tokyo", 5, "01"),
   ("Kyoto", 35.0116, 135.7681, "Asia/Tokyo", 4, "26"), ("Sendai", 38.2682, 140.8694, "Asia/Tokyo", 3, "04")]),
 "KR": ("South Korea", "AS", 1835841, "ko_KR", ["ko-KR", "ko"], [
   ("Seoul", 37.5665, 126.9780, "Asia/Seoul", 45, "11"), ("Busan", 35.1796, 129.0756, "Asia/Seoul", 12, "26"),
   ("Incheon", 37.4563, 126.7052, "Asia/Seoul", 8, "28"), ("Daejeon", 36.3504, 127.3845, "Asia/Seoul", 6, "30"),
   ("Seongnam-si", 37.4200, 127.1265, "Asia/Seoul", 7, "41"), ("Daegu", 35.8714, 128.6014, "Asia/Seoul", 5, "27")]),
 "TW": ("Taiwan", "AS", 1668284, "zh_TW", ["zh-TW", "zh"], [
   ("Taipei", 25.0330, 121.5654, "Asia/Taipei", 40, "TPE"), ("New Taipei", 25.0120, 121.4657, "Asia/Taipei", 15, "NWT"),
   ("Taichung", 24.1477, 120.6736, "Asia/Taipei", 12, "TXG"), ("Kaohsiung", 22.6273, 120.3014, "Asia/Taipei", 10, "KHH"),
   ("Hsinchu", 24.8138, 120.9675, "Asia/Taipei", 6, "HSZ")]),
 "AU": ("Australia", "OC", 2077456, "en_AU", ["en-AU", "en"], [
   ("Sydney", -33.8688, 151.2093, "Australia/Sydney", 35, "NSW"), ("Melbourne", -37.8136, 144.9631, "Australia/Melbourne", 30, "VIC"),
   ("Brisbane", -27.4698, 153.0251, "Australia/Brisbane", 14, "QLD"), ("Perth", -31.9505, 115.8605, "Australia/Perth", 10, "WA"),
   ("Adelaide", -34.9285, 138.6007, "Australia/Adelaide", 6, "SA"), ("Canberra", -35.2809, 149.1300, "Australia/Sydney", 3, "ACT")]),
 "NZ": ("New Zealand", "OC", 2186224, "en_NZ", ["en-NZ", "en"], [
   ("Auckland", -36.8485, 174.7633, "Pacific/Auckland", 50, "AUK"), ("Wellington", -41.2866, 174.7756, "Pacific/Auckland", 25, "WGN"),
   ("Christchurch", -43.5321, 172.6362, "Pacific/Auckland", 20, "CAN")]),
 "BR": ("Brazil", "SA", 3469034, "pt_BR", ["pt-BR", "pt"], [
   ("São Paulo", -23.5505, -46.6333, "America/Sao_Paulo", 35, "SP"), ("Rio de Janeiro", -22.9068, -43.1729, "America/Sao_Paulo", 18, "RJ"),
   ("Belo Horizonte", -19.9167, -43.9345, "America/Sao_Paulo", 9, "MG"), ("Curitiba", -25.4284, -49.2733, "America/Sao_Paulo", 7, "PR"),
   ("Porto Alegre", -30.0346, -51.2177, "America/Sao_Paulo", 7, "RS"), ("Recife", -8.0476, -34.8770, "America/Recife", 7, "PE"),
   ("Fortaleza", -3.7319, -38.5267, "America/Fortaleza", 6, "CE"), ("Salvador", -12.9777, -38.5016, "America/Bahia", 6, "BA"),
   ("Manaus", -3.1190, -60.0217, "America/Manaus", 4, "AM"), ("Brasília", -15.7939, -47.8828, "America/Sao_Paulo", 6, "DF")]),
 "MX": ("Mexico", "NA", 3996063, "es_MX", ["es-MX", "es"], [
   ("Mexico City", 19.4326, -99.1332, "America/Mexico_City", 45, "CMX"), ("Guadalajara", 20.6597, -103.3496, "America/Mexico_City", 15, "JAL"),
   ("Monterrey", 25.6866, -100.3161, "America/Monterrey", 15, "NLE"), ("Puebla", 19.0414, -98.2063, "America/Mexico_City", 7, "PUE"),
   ("Tijuana", 32.5149, -117.0382, "America/Tijuana", 7, "BCN"), ("Mérida", 20.9674, -89.5926, "America/Merida", 5, "YUC"),
   ("Cancún", 21.1619, -86.8515, "America/Cancun", 4, "ROO")]),
 "AR": ("Argentina", "SA", 3865483, "es_AR", ["es-AR", "es"], [
   ("Buenos Aires", -34.6037, -58.3816, "America/Argentina/Buenos_Aires", 55, "C"), ("Córdoba", -31.4201, -64.1888, "America/Argentina/Cordoba", 15, "X"),
   ("Rosario", -32.9442, -60.6505, "America/Argentina/Cordoba", 12, "S"), ("Mendoza", -32.8895, -68.8458, "America/Argentina/Mendoza", 8, "M")]),
 "CO": ("Colombia", "SA", 3686110, "es_CO", ["es-CO", "es"], [
   ("Bogotá", 4.7110, -74.0721, "America/Bogota", 45, "DC"), ("Medellín", 6.2442, -75.5812, "America/Bogota", 25, "ANT"),
   ("Cali", 3.4516, -76.5320, "America/Bogota", 15, "VAC"), ("Barranquilla", 10.9685, -74.7813, "America/Bogota", 10, "ATL")]),
 "CL": ("Chile", "SA", 3895114, "es_CL", ["es-CL", "es"], [
   ("Santiago", -33.4489, -70.6693, "America/Santiago", 65, "RM"), ("Valparaíso", -33.0472, -71.6127, "America/Santiago", 12, "VS"),
   ("Concepción", -36.8270, -73.0503, "America/Santiago", 10, "BI")]),
 "US": ("United States", "NA", 6252001, "en_US", ["en-US", "en"], [
   ("New York", 40.7128, -74.0060, "America/New_York", 18, "NY"), ("Los Angeles", 34.0522, -118.2437, "America/Los_Angeles", 14, "CA"),
   ("San Francisco", 37.7749, -122.4194, "America/Los_Angeles", 9, "CA"), ("Chicago", 41.8781, -87.6298, "America/Chicago", 9, "IL"),
   ("Houston", 29.7604, -95.3698, "America/Chicago", 7, "TX"), ("Austin", 30.2672, -97.7431, "America/Chicago", 5, "TX"),
   ("Seattle", 47.6062, -122.3321, "America/Los_Angeles", 6, "WA"), ("Miami", 25.7617, -80.1918, "America/New_York", 7, "FL"),
   ("Atlanta", 33.7490, -84.3880, "America/New_York", 6, "GA"), ("Denver", 39.7392, -104.9903, "America/Denver", 5, "CO"),
   ("Phoenix", 33.4484, -112.0740, "America/Phoenix", 5, "AZ"), ("Boston", 42.3601, -71.0589, "America/New_York", 5, "MA"),
   ("Ashburn", 39.0438, -77.4874, "America/New_York", 1, "VA"), ("Boardman", 45.8399, -119.7006, "America/Los_Angeles", 1, "OR"),
   ("Honolulu", 21.3069, -157.8583, "Pacific/Honolulu", 1, "HI")]),
 "CA": ("Canada", "NA", 6251999, "en_CA", ["en-CA", "en"], [
   ("Toronto", 43.6532, -79.3832, "America/Toronto", 35, "ON"), ("Montreal", 45.5017, -73.5673, "America/Toronto", 20, "QC"),
   ("Vancouver", 49.2827, -123.1207, "America/Vancouver", 20, "BC"), ("Calgary", 51.0447, -114.0719, "America/Edmonton", 10, "AB"),
   ("Ottawa", 45.4215, -75.6972, "America/Toronto", 8, "ON")]),
 "GB": ("United Kingdom", "EU", 2635167, "en_GB", ["en-GB", "en"], [
   ("London", 51.5074, -0.1278, "Europe/London", 50, "ENG"), ("Manchester", 53.4808, -2.2426, "Europe/London", 15, "ENG"),
   ("Edinburgh", 55.9533, -3.1883, "Europe/London", 8, "SCT")]),
 "DE": ("Germany", "EU", 2921044, "de_DE", ["de-DE", "de"], [
   ("Berlin", 52.5200, 13.4050, "Europe/Berlin", 30, "BE"), ("Munich", 48.1351, 11.5820, "Europe/Berlin", 20, "BY"),
   ("Frankfurt am Main", 50.1109, 8.6821, "Europe/Berlin", 15, "HE"), ("Hamburg", 53.5511, 9.9937, "Europe/Berlin", 15, "HH")]),
 "FR": ("France", "EU", 3017382, "fr_FR", ["fr-FR", "fr"], [
   ("Paris", 48.8566, 2.3522, "Europe/Paris", 50, "IDF"), ("Lyon", 45.7640, 4.8357, "Europe/Paris", 15, "ARA"),
   ("Marseille", 43.2965, 5.3698, "Europe/Paris", 10, "PAC")]),
 "ES": ("Spain", "EU", 2510769, "es_ES", ["es-ES", "es"], [
   ("Madrid", 40.4168, -3.7038, "Europe/Madrid", 45, "MD"), ("Barcelona", 41.3851, 2.1734, "Europe/Madrid", 35, "CT")]),
 "NL": ("Netherlands", "EU", 2750405, "nl_NL", ["nl-NL", "nl"], [
   ("Amsterdam", 52.3676, 4.9041, "Europe/Amsterdam", 60, "NH"), ("Rotterdam", 51.9244, 4.4777, "Europe/Amsterdam", 20, "ZH")]),
 "PL": ("Poland", "EU", 798544, "pl_PL", ["pl-PL", "pl"], [
   ("Warsaw", 52.2297, 21.0122, "Europe/Warsaw", 60, "14"), ("Kraków", 50.0647, 19.9450, "Europe/Warsaw", 25, "12")]),
 "PT": ("Portugal", "EU", 2264397, "pt_PT", ["pt-PT", "pt"], [
   ("Lisbon", 38.7223, -9.1393, "Europe/Lisbon", 60, "11"), ("Porto", 41.1579, -8.6291, "Europe/Lisbon", 30, "13")]),
 "IT": ("Italy", "EU", 3175395, "it_IT", ["it-IT", "it"], [
   ("Milan", 45.4642, 9.1900, "Europe/Rome", 45, "25"), ("Rome", 41.9028, 12.4964, "Europe/Rome", 40, "62")]),
 "SE": ("Sweden", "EU", 2661886, "sv_SE", ["sv-SE", "sv"], [
   ("Stockholm", 59.3293, 18.0686, "Europe/Stockholm", 70, "AB"), ("Malmö", 55.6050, 13.0038, "Europe/Stockholm", 15, "M")]),
 "CH": ("Switzerland", "EU", 2658434, "de_CH", ["de-CH", "de"], [
   ("Zurich", 47.3769, 8.5417, "Europe/Zurich", 60, "ZH")]),
 # Not core markets: travel, VPN exits, fraud origins, unsupported countries
 "SG": ("Singapore", "AS", 1880251, "en_US", ["en-SG", "en"], [("Singapore", 1.3521, 103.8198, "Asia/Singapore", 1, "01")]),
 "HK": ("Hong Kong", "AS", 1819730, "zh_TW", ["zh-HK", "zh"], [("Hong Kong", 22.3193, 114.1694, "Asia/Hong_Kong", 1, "HCW")]),
 "TH": ("Thailand", "AS", 1605651, "th_TH", ["th-TH", "th"], [("Bangkok", 13.7563, 100.5018, "Asia/Bangkok", 1, "10")]),
 "VN": ("Vietnam", "AS", 1562822, "vi_VN", ["vi-VN", "vi"], [("Ho Chi Minh City", 10.8231, 106.6297, "Asia/Ho_Chi_Minh", 6, "SG"), ("Hanoi", 21.0278, 105.8342, "Asia/Bangkok", 4, "HN")]),
 "ID": ("Indonesia", "AS", 1643084, "id_ID", ["id-ID", "id"], [("Jakarta", -6.2088, 106.8456, "Asia/Jakarta", 7, "JK"), ("Surabaya", -7.2575, 112.7521, "Asia/Jakarta", 3, "JI")]),
 "PH": ("Philippines", "AS", 1694008, "en_PH", ["en-PH", "fil"], [("Manila", 14.5995, 120.9842, "Asia/Manila", 7, "00"), ("Cebu City", 10.3157, 123.8854, "Asia/Manila", 3, "07")]),
 "BD": ("Bangladesh", "AS", 1210997, "en_US", ["bn-BD", "bn"], [("Dhaka", 23.8103, 90.4125, "Asia/Dhaka", 1, "13")]),
 "PK": ("Pakistan", "AS", 1168579, "en_US", ["ur-PK", "ur"], [("Lahore", 31.5204, 74.3587, "Asia/Karachi", 6, "PB"), ("Karachi", 24.8607, 67.0011, "Asia/Karachi", 4, "SD")]),
 "IN": ("India", "AS", 1269750, "en_IN", ["en-IN", "hi"], [("Bengaluru", 12.9716, 77.5946, "Asia/Kolkata", 5, "KA"), ("Mumbai", 19.0760, 72.8777, "Asia/Kolkata", 5, "MH")]),
 "NG": ("Nigeria", "AF", 2328926, "en_US", ["en-NG", "en"], [("Lagos", 6.5244, 3.3792, "Africa/Lagos", 1, "LA")]),
 "TR": ("Türkiye", "AS", 298795, "tr_TR", ["tr-TR", "tr"], [("Istanbul", 41.0082, 28.9784, "Europe/Istanbul", 1, "34")]),
 "AE": ("United Arab Emirates", "AS", 290557, "en_US", ["en-AE", "ar"], [("Dubai", 25.2048, 55.2708, "Asia/Dubai", 1, "DU")]),
 "RU": ("Russia", "EU", 2017370, "ru_RU", ["ru-RU", "ru"], [("Moscow", 55.7558, 37.6173, "Europe/Moscow", 6, "MOW"), ("Saint Petersburg", 59.9311, 30.3609, "Europe/Moscow", 3, "SPE"), ("Novosibirsk", 55.0084, 82.9357, "Asia/Novosibirsk", 1, "NVS")]),
 "BY": ("Belarus", "EU", 630336, "ru_RU", ["ru-BY", "ru"], [("Minsk", 53.9045, 27.5615, "Europe/Minsk", 1, "HM")]),
 "CN": ("China", "AS", 1814991, "zh_CN", ["zh-CN", "zh"], [("Shanghai", 31.2304, 121.4737, "Asia/Shanghai", 4, "SH"), ("Beijing", 39.9042, 116.4074, "Asia/Shanghai", 3, "BJ"), ("Shenzhen", 22.5431, 114.0579, "Asia/Shanghai", 3, "GD")]),
 "IR": ("Iran", "AS", 130758, "fa_IR", ["fa-IR", "fa"], [("Tehran", 35.6892, 51.3890, "Asia/Tehran", 1, "23")]),
 "UA": ("Ukraine", "EU", 690791, "uk_UA", ["uk-UA", "uk"], [("Kyiv", 50.4501, 30.5234, "Europe/Kyiv", 1, "30")]),
}
UNSUPPORTED = {"RU", "BY", "CN", "IR", "KP", "SY", "CU"}

def city_geoname(cc, name):
    return 1000000 + int(hashlib.md5(f"{cc}/{name}".encode()).hexdigest()[:7], 16) % 8000000

# ---- ASNs ---------------------------------------------------------------------------------
# (asn, organisation, kind, {country: n_prefixes_per_city or list of cities}, v6)
# kinds: residential, mobile, mixed (fixed+mobile), hosting, vpn, tor, education, corporate,
#        privacy_relay, isp_proxy (residential-looking ISP names used by proxy sellers)
ASNS = []
def A(asn, org, kind, cc, cities=None, v6=False, weight=1.0, tag=None):
    ASNS.append(dict(asn=asn, org=org, kind=kind, cc=cc, cities=cities, v6=v6, weight=weight, tag=tag))

# Japan
A(4713, "NTT Communications Corporation", "residential", "JP", v6=True, weight=3)
A(2516, "KDDI CORPORATION", "residential", "JP", v6=True, weight=2.5)
A(17676, "SoftBank Corp.", "residential", "JP", v6=True, weight=2)
A(2527, "Sony Network Communications Inc.", "residential", "JP", v6=True, weight=1)
A(9605, "NTT DOCOMO, INC.", "mobile", "JP", v6=True, weight=3)
A(2519, "ARTERIA Networks Corporation", "residential", "JP", weight=0.6)
A(138384, "Rakuten Mobile, Inc.", "mobile", "JP", v6=True, weight=1)
A(30689, "KDDI au Mobile", "mobile", "JP", v6=True, weight=2)
A(17511, "OPTAGE Inc.", "residential", "JP", ["Osaka", "Kyoto"], weight=0.6)
# Korea
A(4766, "Korea Telecom", "residential", "KR", v6=False, weight=3)
A(9318, "SK Broadband Co Ltd", "residential", "KR", weight=2)
A(3786, "LG DACOM Corporation", "residential", "KR", weight=1.5)
A(9644, "SK Telecom", "mobile", "KR", v6=True, weight=3)
A(17858, "LG POWERCOMM", "mobile", "KR", v6=True, weight=1.5)
A(4316, "KT Mobile", "mobile", "KR", weight=1.5)
# Taiwan
A(3462, "Data Communication Business Group", "residential", "TW", v6=True, weight=3)
A(9924, "Taiwan Fixed Network, Telco and Network Service Provider.", "residential", "TW", weight=1)
A(24158, "Taiwan Mobile Co., Ltd.", "mobile", "TW", weight=2)
A(17421, "Mobile Business Group", "mobile", "TW", v6=True, weight=2)
A(9674, "Far EasTone Telecommunication Co., Ltd.", "mobile", "TW", weight=1.5)
# Australia / NZ
A(1221, "Telstra Limited", "mixed", "AU", v6=True, weight=3)
A(4804, "Optus Internet Pty Ltd", "mixed", "AU", weight=2)
A(7545, "TPG Telecom Limited", "residential", "AU", v6=True, weight=2)
A(4764, "Aussie Broadband", "residential", "AU", v6=True, weight=1)
A(133612, "Vodafone Australia Pty Ltd", "mobile", "AU", weight=1)
A(4771, "Spark New Zealand Trading Ltd.", "mixed", "NZ", v6=True, weight=2)
A(9500, "One New Zealand Group Limited", "mixed", "NZ", weight=1.5)
A(23655, "2degrees", "mobile", "NZ", weight=1)
# Brazil
A(26599, "TELEFONICA BRASIL S.A", "mixed", "BR", v6=True, weight=3)
A(28573, "Claro NXT Telecomunicacoes Ltda", "mixed", "BR", v6=True, weight=3)
A(26615, "TIM S/A", "mobile", "BR", v6=True, weight=2)
A(7738, "V tal", "residential", "BR", weight=1)
A(28126, "BRISANET SERVICOS DE TELECOMUNICACOES S.A", "residential", "BR", ["Recife", "Fortaleza", "Salvador"], weight=1)
A(53006, "ALGAR TELECOM S/A", "residential", "BR", ["Belo Horizonte", "São Paulo"], weight=0.7)
A(268341, "MEGA LINK TELECOM LTDA", "residential", "BR", ["Curitiba", "Porto Alegre"], weight=0.5)
A(263432, "NETFACIL PROVEDOR DE INTERNET LTDA", "residential", "BR", ["Manaus", "Brasília"], weight=0.4)
# Mexico
A(8151, "UNINET", "residential", "MX", v6=True, weight=3)
A(28403, "RadioMovil Dipsa, S.A. de C.V.", "mobile", "MX", v6=True, weight=3)
A(22884, "TOTAL PLAY TELECOMUNICACIONES SA DE CV", "residential", "MX", weight=1.5)
A(11888, "Television Internacional, S.A. de C.V.", "residential", "MX", weight=1.2)
A(32098, "AT&T COMUNICACIONES DIGITALES S DE RL", "mobile", "MX", weight=1)
# Argentina
A(7303, "Telecom Argentina S.A.", "mixed", "AR", weight=3)
A(22927, "Telefonica de Argentina", "mixed", "AR", weight=2)
A(27747, "Telecentro S.A.", "residential", "AR", ["Buenos Aires"], weight=1)
A(11664, "Techtel LMDS Comunicaciones Interactivas S.A.", "mobile", "AR", weight=1.5)
# Colombia
A(10620, "Telmex Colombia S.A.", "mixed", "CO", weight=3)
A(3816, "COLOMBIA TELECOMUNICACIONES S.A. E.S.P. BIC", "mixed", "CO", weight=2)
A(13489, "EPM Telecomunicaciones S.A. E.S.P.", "residential", "CO", weight=1.5)
A(27831, "Colombia Movil", "mobile", "CO", weight=1.2)
# Chile
A(7418, "TELEFONICA CHILE S.A.", "residential", "CL", weight=2)
A(22047, "VTR BANDA ANCHA S.A.", "residential", "CL", weight=2)
A(27651, "Entel Chile S.A.", "mobile", "CL", weight=2)
A(27995, "WOM S.A.", "mobile", "CL", weight=1)
# US
A(7922, "COMCAST-7922", "residential", "US", v6=True, weight=3)
A(20115, "CHARTER-20115", "residential", "US", weight=2.5)
A(7018, "ATT-INTERNET4", "residential", "US", v6=True, weight=2)
A(701, "UUNET", "residential", "US", weight=1)
A(22773, "ASN-CXA-ALL-CCI-22773-RDC", "residential", "US", weight=1)
A(5650, "FRONTIER-FRTR", "residential", "US", weight=0.7)
A(6167, "CELLCO-PART", "mobile", "US", v6=True, weight=2.5)
A(21928, "T-MOBILE-AS21928", "mobile", "US", v6=True, weight=3)
A(20057, "ATT-MOBILITY-LLC-AS20057", "mobile", "US", v6=True, weight=2)
# Canada
A(812, "ROGERS-COMMUNICATIONS", "mixed", "CA", v6=True, weight=2)
A(577, "BACOM", "mixed", "CA", weight=2)
A(852, "TELUS Communications Inc.", "mixed", "CA", weight=2)
A(5769, "VIDEOTRON", "residential", "CA", ["Montreal"], weight=1)
A(6327, "SHAW", "residential", "CA", ["Calgary", "Vancouver"], weight=1)
# Europe
A(3320, "Deutsche Telekom AG", "mixed", "DE", v6=True, weight=3)
A(3209, "Vodafone GmbH", "mixed", "DE", weight=2)
A(3215, "Orange", "mixed", "FR", v6=True, weight=2)
A(12322, "Free SAS", "residential", "FR", v6=True, weight=2)
A(2856, "British Telecommunications PLC", "residential", "GB", v6=True, weight=2)
A(5607, "Sky UK Limited", "residential", "GB", v6=True, weight=1.5)
A(12576, "EE Limited", "mobile", "GB", v6=True, weight=2)
A(3352, "TELEFONICA DE ESPANA S.A.U.", "mixed", "ES", weight=2)
A(1136, "KPN B.V.", "mixed", "NL", weight=2)
A(5617, "Orange Polska Spolka Akcyjna", "mixed", "PL", weight=2)
A(3269, "Telecom Italia S.p.A.", "mixed", "IT", weight=2)
A(3243, "MEO - SERVICOS DE COMUNICACOES E MULTIMEDIA S.A.", "mixed", "PT", weight=2)
A(3301, "Telia Company AB", "mixed", "SE", weight=2)
A(3303, "Swisscom (Schweiz) AG", "mixed", "CH", weight=2)
# Other countries
A(9506, "Singtel Fibre Broadband", "mixed", "SG", weight=1)
A(9269, "Hong Kong Broadband Network Ltd.", "residential", "HK", weight=1)
A(7470, "TRUE INTERNET Co.,Ltd.", "mixed", "TH", weight=1)
A(7552, "Viettel Group", "mixed", "VN", weight=2)
A(45899, "VNPT Corp", "residential", "VN", weight=1.5)
A(18403, "FPT Telecom Company", "residential", "VN", weight=1.5)
A(23693, "PT. Telekomunikasi Selular", "mobile", "ID", weight=2)
A(7713, "PT Telekomunikasi Indonesia", "residential", "ID", weight=2)
A(9299, "Philippine Long Distance Telephone Co.", "residential", "PH", weight=2)
A(132199, "Globe Telecom Inc.", "mobile", "PH", weight=2)
A(24389, "Grameenphone Ltd.", "mobile", "BD", weight=1)
A(23688, "Link3 Technologies Ltd.", "residential", "BD", weight=1)
A(17557, "Pakistan Telecommunication Company Limited", "mixed", "PK", weight=1)
A(55836, "Reliance Jio Infocomm Limited", "mobile", "IN", v6=True, weight=2)
A(24560, "Bharti Airtel Ltd., Telemedia Services", "residential", "IN", weight=1)
A(29465, "MTN NIGERIA Communication limited", "mobile", "NG", weight=1)
A(9121, "Turk Telekom", "mixed", "TR", weight=1)
A(5384, "Emirates Telecommunications Group Company (Etisalat Group) PJSC", "mixed", "AE", weight=1)
A(12389, "PJSC Rostelecom", "residential", "RU", weight=2)
A(8359, "MTS PJSC", "mobile", "RU", weight=1.5)
A(6697, "Republican Unitary Telecommunication Enterprise Beltelecom", "mixed", "BY", weight=1)
A(4134, "Chinanet", "residential", "CN", weight=2)
A(4837, "CHINA UNICOM China169 Backbone", "mixed", "CN", weight=1.5)
A(58224, "Iran Telecommunication Company PJS", "mixed", "IR", weight=1)
A(15895, "Kyivstar PJSC", "mixed", "UA", weight=1)
# Cloud / hosting (city lists are regions)
A(16509, "AMAZON-02", "hosting", "*", [("US", "Ashburn"), ("US", "Boardman"), ("JP", "Tokyo"), ("KR", "Seoul"), ("BR", "São Paulo"), ("AU", "Sydney"), ("DE", "Frankfurt am Main"), ("SG", "Singapore"), ("CA", "Montreal"), ("GB", "London"), ("IN", "Mumbai")], v6=True, weight=4)
A(14618, "AMAZON-AES", "hosting", "*", [("US", "Ashburn")], weight=1)
A(396982, "GOOGLE-CLOUD-PLATFORM", "hosting", "*", [("US", "Ashburn"), ("US", "Los Angeles"), ("JP", "Tokyo"), ("TW", "Taipei"), ("BR", "São Paulo"), ("AU", "Sydney"), ("NL", "Amsterdam"), ("CL", "Santiago")], v6=True, weight=2)
A(8075, "MICROSOFT-CORP-MSN-AS-BLOCK", "hosting", "*", [("US", "Ashburn"), ("US", "Boardman"), ("JP", "Tokyo"), ("KR", "Seoul"), ("BR", "São Paulo"), ("AU", "Sydney"), ("NL", "Amsterdam")], v6=True, weight=2)
A(14061, "DIGITALOCEAN-ASN", "hosting", "*", [("US", "New York"), ("US", "San Francisco"), ("DE", "Frankfurt am Main"), ("SG", "Singapore"), ("GB", "London"), ("AU", "Sydney")], v6=True, weight=1.5)
A(24940, "Hetzner Online GmbH", "hosting", "*", [("DE", "Frankfurt am Main"), ("US", "Ashburn")], v6=True, weight=1.5)
A(16276, "OVH SAS", "hosting", "*", [("FR", "Paris"), ("CA", "Montreal"), ("SG", "Singapore"), ("AU", "Sydney")], weight=1.2)
A(63949, "Akamai Connected Cloud", "hosting", "*", [("US", "Atlanta"), ("JP", "Osaka"), ("BR", "São Paulo")], weight=0.8)
A(20473, "AS-VULTR", "hosting", "*", [("US", "Seattle"), ("JP", "Tokyo"), ("KR", "Seoul"), ("MX", "Mexico City"), ("CL", "Santiago")], weight=1)
A(51167, "Contabo GmbH", "hosting", "*", [("DE", "Munich"), ("US", "Seattle")], weight=0.6)
A(31898, "ORACLE-BMC-31898", "hosting", "*", [("US", "Ashburn"), ("JP", "Tokyo"), ("BR", "São Paulo")], weight=0.5)
A(45102, "Alibaba US Technology Co., Ltd.", "hosting", "*", [("HK", "Hong Kong"), ("SG", "Singapore"), ("JP", "Tokyo")], weight=0.5)
A(132203, "Tencent Building, Kejizhongyi Avenue", "hosting", "*", [("HK", "Hong Kong"), ("KR", "Seoul")], weight=0.4)
A(9370, "SAKURA Internet Inc.", "hosting", "*", [("JP", "Tokyo"), ("JP", "Osaka")], weight=0.6)
A(7506, "GMO Internet Group, Inc.", "hosting", "*", [("JP", "Tokyo")], weight=0.5)
A(44477, "Stark Industries Solutions Ltd", "hosting", "*", [("NL", "Amsterdam"), ("DE", "Frankfurt am Main"), ("US", "New York")], weight=0.3)
A(210644, "Aeza International Ltd", "hosting", "*", [("DE", "Frankfurt am Main"), ("NL", "Amsterdam")], weight=0.2)
# CDN / privacy relay / secure web gateway egress
A(36183, "Akamai Technologies, Inc.", "privacy_relay", "*", [("US", "Los Angeles"), ("US", "New York"), ("JP", "Tokyo"), ("AU", "Sydney"), ("CA", "Toronto"), ("BR", "São Paulo"), ("GB", "London"), ("DE", "Berlin"), ("KR", "Seoul"), ("TW", "Taipei"), ("MX", "Mexico City")], v6=True, weight=1)
A(13335, "CLOUDFLARENET", "privacy_relay", "*", [("US", "San Francisco"), ("US", "Chicago"), ("JP", "Tokyo"), ("BR", "São Paulo"), ("AU", "Melbourne"), ("DE", "Frankfurt am Main"), ("KR", "Seoul"), ("CL", "Santiago"), ("AR", "Buenos Aires"), ("CO", "Bogotá")], v6=True, weight=1)
A(53813, "ZSCALER-INC", "swg", "*", [("US", "San Francisco"), ("US", "Chicago"), ("US", "New York"), ("JP", "Tokyo"), ("BR", "São Paulo"), ("AU", "Sydney"), ("DE", "Frankfurt am Main"), ("GB", "London"), ("KR", "Seoul")], weight=1)
A(55256, "NETSKOPE", "swg", "*", [("US", "Los Angeles"), ("JP", "Tokyo"), ("GB", "London"), ("BR", "São Paulo")], weight=0.6)
# VPN providers
A(9009, "M247 Europe SRL", "vpn", "*", [("US", "Los Angeles"), ("US", "Miami"), ("JP", "Tokyo"), ("GB", "London"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"), ("BR", "São Paulo"), ("AU", "Sydney"), ("SG", "Singapore"), ("CA", "Toronto"), ("MX", "Mexico City")], weight=3)
A(60068, "Datacamp Limited", "vpn", "*", [("US", "New York"), ("US", "Chicago"), ("JP", "Tokyo"), ("HK", "Hong Kong"), ("GB", "London"), ("SG", "Singapore"), ("KR", "Seoul"), ("BR", "São Paulo"), ("AR", "Buenos Aires")], weight=2)
A(62371, "Proton AG", "vpn", "*", [("CH", "Zurich"), ("US", "New York"), ("JP", "Tokyo"), ("DE", "Berlin"), ("AU", "Sydney")], weight=1)
A(39351, "31173 Services AB", "vpn", "*", [("SE", "Stockholm"), ("US", "Seattle"), ("JP", "Tokyo"), ("NL", "Amsterdam")], weight=0.8)
A(147049, "PacketHub S.A.", "vpn", "*", [("US", "Atlanta"), ("JP", "Tokyo"), ("AU", "Sydney"), ("CA", "Vancouver"), ("TW", "Taipei"), ("KR", "Seoul")], weight=1.5)
A(21859, "Zenlayer Inc", "vpn", "*", [("HK", "Hong Kong"), ("JP", "Tokyo"), ("US", "Los Angeles"), ("SG", "Singapore"), ("TW", "Taipei"), ("KR", "Seoul")], weight=1)
# Tor exits
A(60729, "Stiftung Erneuerbare Freiheit", "tor", "*", [("DE", "Berlin")], weight=1)
A(208323, "Foundation for Applied Privacy", "tor", "*", [("NL", "Amsterdam")], weight=0.6)
A(396507, "EMERALD-ONION", "tor", "*", [("US", "Seattle")], weight=0.4)
# Static residential "ISP proxies": residential-sounding ASNs that live in data centres
A(400721, "Lumenpath Broadband LLC", "isp_proxy", "US", ["Ashburn", "Los Angeles", "Chicago", "Miami"], weight=1)
A(141980, "Kirin Hikari Net Co., Ltd.", "isp_proxy", "JP", ["Tokyo", "Osaka"], weight=1)
A(270912, "VELOXNET TELECOMUNICACOES LTDA", "isp_proxy", "BR", ["São Paulo"], weight=1)
A(151822, "Hanbit Fiber Co., Ltd.", "isp_proxy", "KR", ["Seoul"], weight=1)
# Education
A(2907, "Research Organization of Information and Systems, National Institute of Informatics", "education", "JP", ["Tokyo", "Kyoto", "Sendai", "Osaka"], v6=True, tag="sinet")
A(1781, "Korea Advanced Institute of Science and Technology", "education", "KR", ["Daejeon"], tag="kaist")
A(9488, "Seoul National University", "education", "KR", ["Seoul"], tag="snu")
A(1659, "Taiwan Academic Network (TANet) Information Center", "education", "TW", ["Taipei", "Hsinchu", "Taichung"], v6=True, tag="tanet")
A(7575, "Australian Academic and Research Network", "education", "AU", ["Sydney", "Melbourne", "Brisbane"], v6=True, tag="aarnet")
A(38022, "REANNZ", "education", "NZ", ["Auckland", "Wellington"], tag="reannz")
A(28571, "UNIVERSIDADE DE SAO PAULO", "education", "BR", ["São Paulo"], tag="usp")
A(1916, "Associacao Rede Nacional de Ensino e Pesquisa", "education", "BR", ["Rio de Janeiro", "Recife", "Porto Alegre"], tag="rnp")
A(278, "Universidad Nacional Autonoma de Mexico", "education", "MX", ["Mexico City"], tag="unam")
A(3449, "Universidad Nacional de Buenos Aires", "education", "AR", ["Buenos Aires"], tag="uba")
A(27817, "Red Nacional Academica de Tecnologia Avanzada - RENATA", "education", "CO", ["Bogotá", "Medellín"], tag="renata")
A(11340, "Red Universitaria Nacional", "education", "CL", ["Santiago"], tag="reuna")
A(32, "STANFORD", "education", "US", ["San Francisco"], v6=True, tag="stanford")
A(18, "UTEXAS", "education", "US", ["Austin"], tag="utexas")
A(3, "MIT-GATEWAYS", "education", "US", ["Boston"], v6=True, tag="mit")
A(239, "UTORONTO-AS", "education", "CA", ["Toronto"], tag="utoronto")
A(680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "education", "DE", ["Berlin", "Munich"], tag="dfn")
A(786, "Jisc Services Limited", "education", "GB", ["London", "Manchester", "Edinburgh"], tag="jisc")
# Corporate (own address space)
A(136952, "Hanamura Denki Co., Ltd.", "corporate", "JP", ["Tokyo"], tag="hanamura")
A(152311, "Daeyang Semiconductor Co., Ltd.", "corporate", "KR", ["Seongnam-si"], tag="daeyang")
A(262871, "Andes Logistica S.A.", "corporate", "BR", ["São Paulo"], tag="andes")
A(395821, "NORTHWIND-MEDIA", "corporate", "US", ["Los Angeles", "New York"], tag="northwind")
A(266109, "Banco Pacifico del Sur S.A.", "corporate", "CL", ["Santiago"], tag="bancopacifico")
A(138211, "Southern Cross Broadcasting Pty Ltd", "corporate", "AU", ["Sydney"], tag="scb")

ASN_BY_NUM = {a["asn"]: a for a in ASNS}

PUBLIC_V4_OCTETS = [1, 5, 14, 27, 31, 36, 37, 39, 42, 43, 45, 46, 49, 58, 59, 60, 61, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85,
                    86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119,
                    120, 121, 122, 123, 124, 125, 126, 138, 139, 140, 141, 143, 145, 146, 147, 150, 151, 152, 153, 154, 163,
                    171, 175, 176, 177, 178, 179, 180, 181, 182, 183, 185, 186, 187, 188, 189, 190, 191, 193, 194, 195, 200,
                    201, 202, 203, 210, 211, 212, 213, 217, 218, 219, 220, 221, 222, 223]
V6_RIR = {"AS": 0x2400, "OC": 0x2400, "SA": 0x2800, "NA": 0x2600, "EU": 0x2a00, "AF": 0x2c00}


class Net:
    """One routed prefix: v4 or v6, tied to an ASN and a city."""
    __slots__ = ("net", "asn", "cc", "city", "kind", "v6", "pool")
    def __init__(self, net, asn, cc, city, kind):
        self.net = net; self.asn = asn; self.cc = cc; self.city = city; self.kind = kind
        self.v6 = net.version == 6; self.pool = None


class World:
    def __init__(self, seed=2026):
        rnd = random.Random(seed)
        self.rnd = rnd
        self.cities = {}
        for cc, (_, _, _, _, _, cl) in COUNTRIES.items():
            for (name, lat, lon, tz, w, sub) in cl:
                self.cities[(cc, name)] = dict(cc=cc, name=name, lat=lat, lon=lon, tz=tz, w=w, sub=sub)
        used = set()
        def alloc_v4(prefixlen):
            while True:
                o1 = rnd.choice(PUBLIC_V4_OCTETS)
                size = 1 << (32 - prefixlen)
                base = (o1 << 24) + rnd.randrange(0, 1 << 24, size)
                blk = base >> 12 if prefixlen <= 20 else base >> 12
                # reserve whole /20 blocks to avoid overlaps
                blocks = [(base >> 12) + i for i in range(max(1, size >> 12))]
                if any(b in used for b in blocks):
                    continue
                for b in blocks: used.add(b)
                return ipaddress.ip_network((base, prefixlen))
        used6 = set()
        def alloc_v6(cont):
            while True:
                hi = V6_RIR[cont] + rnd.randrange(0, 0x200)
                key = (hi, rnd.randrange(0, 0x10000))
                if key in used6: continue
                used6.add(key)
                return ipaddress.ip_network(((hi << 112) | (key[1] << 96), 32))
        self.nets = []
        self.by_asn = {}
        for a in ASNS:
            cc = a["cc"]
            if cc == "*":
                locs = list(a["cities"])
            else:
                names = a["cities"] or [c[0] for c in COUNTRIES[cc][5]]
                locs = [(cc, n) for n in names]
            v6root = alloc_v6(COUNTRIES[locs[0][0]][1]) if a["v6"] else None
            lst = []
            for i, (lcc, lname) in enumerate(locs):
                kind = a["kind"]
                kinds = ["residential", "mobile"] if kind == "mixed" else [kind]
                for k in kinds:
                    if k in ("residential", "mobile"):
                        plen = 18 if self.cities[(lcc, lname)]["w"] >= 10 else 20
                        n = 2 if k == "residential" else 1
                    elif k in ("hosting", "vpn"):
                        plen, n = 20, 1
                    elif k == "education":
                        plen, n = 22, 1
                    else:
                        plen, n = 24, 1
                    for _ in range(n):
                        nt = Net(alloc_v4(plen), a["asn"], lcc, lname, k)
                        lst.append(nt)
                    if v6root is not None:
                        sub = ipaddress.ip_network((int(v6root.network_address) | ((i * 2 + (k == "mobile")) << 84), 44))
                        lst.append(Net(sub, a["asn"], lcc, lname, k))
            self.by_asn[a["asn"]] = lst
            self.nets.extend(lst)
        # index: (cc, kind) -> list of (asn weight, net)
        self.idx = {}
        for nt in self.nets:
            self.idx.setdefault((nt.cc, nt.kind, nt.v6), []).append(nt)
        self.tz_of_city = {k: v["tz"] for k, v in self.cities.items()}

    # ---- sampling ----
    def pick_city(self, rng, cc):
        cl = COUNTRIES[cc][5]
        c = rng.choices(cl, weights=[x[4] for x in cl])[0]
        return c[0]

    def nets_for(self, cc, kind, v6=False, city=None, asn=None):
        lst = self.idx.get((cc, kind, v6), [])
        if asn is not None: lst = [n for n in lst if n.asn == asn]
        if city is not None:
            c2 = [n for n in lst if n.city == city]
            if c2: lst = c2
        return lst

    def pick_net(self, rng, cc, kind, v6=False, city=None, asn=None):
        lst = self.nets_for(cc, kind, v6, city, asn)
        if not lst and v6:
            lst = self.nets_for(cc, kind, False, city, asn)
        if not lst: return None
        w = [ASN_BY_NUM[n.asn]["weight"] for n in lst]
        return rng.choices(lst, weights=w)[0]

    def host(self, rng, net, cgnat=0):
        """Random address in net. cgnat>0: draw from a fixed pool of that many egress addresses."""
        if net.v6:
            base = int(net.net.network_address)
            # a /64 per subscriber within the /44, random interface id
            p = rng.randrange(1, 1 << 20)
            iid = rng.getrandbits(64)
            return str(ipaddress.IPv6Address(base | (p << 64) | iid))
        n = net.net.num_addresses
        if cgnat:
            if net.pool is None or len(net.pool) < cgnat:
                prng = random.Random(int(net.net.network_address))
                net.pool = [str(net.net.network_address + prng.randrange(1, n - 1)) for _ in range(cgnat)]
            return rng.choice(net.pool[:cgnat])
        return str(net.net.network_address + rng.randrange(1, n - 1))

    def v6_64(self, rng, net):
        base = int(net.net.network_address)
        p = rng.randrange(1, 1 << 20)
        return base | (p << 64)

    # ---- databases ----
    def write_dbs(self, outdir):
        class W(mmdb_writer.MMDBWriter):
            def _build_meta(self):
                m = super()._build_meta(); m["build_epoch"] = BUILD_EPOCH; return m
        asn_w = W(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN", languages=["en"],
                  description="Koe synthetic GeoLite2-ASN", int_type="u32")
        city_w = W(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City", languages=["en"],
                   description="Koe synthetic GeoLite2-City", int_type="u32")
        for nt in sorted(self.nets, key=lambda n: (n.net.version, int(n.net.network_address))):
            s = IPSet([IPNetwork(str(nt.net))])
            asn_w.insert_network(s, {"autonomous_system_number": nt.asn,
                                     "autonomous_system_organization": ASN_BY_NUM[nt.asn]["org"]})
            city_w.insert_network(s, self.city_record(nt))
        asn_w.to_db_file(f"{outdir}/GeoLite2-ASN.mmdb")
        city_w.to_db_file(f"{outdir}/GeoLite2-City.mmdb")

    def city_record(self, nt):
        c = self.cities[(nt.cc, nt.city)]
        cname, cont, gid, *_ = COUNTRIES[nt.cc]
        ctry = {"geoname_id": gid, "iso_code": nt.cc, "names": {"en": cname}}
        if cont == "EU" and nt.cc not in ("GB", "CH", "RU", "BY", "UA"):
            ctry["is_in_european_union"] = True
        acc = {"mobile": 500, "hosting": 1000, "vpn": 1000, "privacy_relay": 500, "swg": 1000, "tor": 1000}.get(nt.kind, 20 if nt.kind in ("residential", "corporate", "education") else 100)
        if nt.v6: acc = max(acc, 100)
        rec = {
            "city": {"geoname_id": city_geoname(nt.cc, nt.city), "names": {"en": nt.city}},
            "continent": {"code": cont, "geoname_id": CONTINENT[cont][1], "names": {"en": CONTINENT[cont][0]}},
            "country": ctry,
            "location": {"accuracy_radius": acc, "latitude": round(c["lat"], 4), "longitude": round(c["lon"], 4), "time_zone": c["tz"]},
            "registered_country": dict(ctry),
            "subdivisions": [{"geoname_id": city_geoname(nt.cc, "sub/" + c["sub"]), "iso_code": c["sub"], "names": {"en": c["sub"]}}],
        }
        a = ASN_BY_NUM[nt.asn]
        if a["cc"] == "*" or a["kind"] in ("isp_proxy",):
            # cloud/VPN space is registered where the company is
            reg = {"hosting": "US", "vpn": "NL", "privacy_relay": "US", "swg": "US", "tor": "DE"}.get(nt.kind, nt.cc)
            if a["asn"] in (24940, 51167, 210644): reg = "DE"
            if a["asn"] == 16276: reg = "FR"
            if a["asn"] in (9009,): reg = "RO"
            if a["asn"] in (62371,): reg = "CH"
            if a["asn"] in (45102, 132203): reg = "CN"
            if a["asn"] in (9370, 7506): reg = "JP"
            if reg in COUNTRIES:
                rc = COUNTRIES[reg]
                rec["registered_country"] = {"geoname_id": rc[2], "iso_code": reg, "names": {"en": rc[0]}}
            else:
                rec["registered_country"] = {"geoname_id": 798549, "iso_code": "RO", "names": {"en": "Romania"}, "is_in_european_union": True}
        return rec
