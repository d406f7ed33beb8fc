# Geography and network tables for the independent generator (indep2).
# Cities: (name, subdivision iso, subdivision name, lat, lon, IANA tz, weight)

CONTINENT = {"AF": ("Africa", 6255146), "AS": ("Asia", 6255147), "EU": ("Europe", 6255148),
             "NA": ("North America", 6255149), "SA": ("South America", 6255150),
             "OC": ("Oceania", 6255151)}

C = {}


def country(cc, name, cont, centroid, tz, cities):
    C[cc] = dict(cc=cc, name=name, cont=cont, centroid=centroid, tz=tz, cities=cities)


country("US", "United States", "NA", (37.751, -97.822), "America/Chicago", [
    ("New York", "NY", "New York", 40.7128, -74.006, "America/New_York", 10),
    ("Los Angeles", "CA", "California", 34.0522, -118.2437, "America/Los_Angeles", 6),
    ("San Francisco", "CA", "California", 37.7749, -122.4194, "America/Los_Angeles", 6),
    ("San Jose", "CA", "California", 37.3382, -121.8863, "America/Los_Angeles", 3),
    ("Seattle", "WA", "Washington", 47.6062, -122.3321, "America/Los_Angeles", 4),
    ("Chicago", "IL", "Illinois", 41.8781, -87.6298, "America/Chicago", 5),
    ("Austin", "TX", "Texas", 30.2672, -97.7431, "America/Chicago", 3),
    ("Dallas", "TX", "Texas", 32.7767, -96.797, "America/Chicago", 3),
    ("Houston", "TX", "Texas", 29.7604, -95.3698, "America/Chicago", 3),
    ("Boston", "MA", "Massachusetts", 42.3601, -71.0589, "America/New_York", 3),
    ("Atlanta", "GA", "Georgia", 33.749, -84.388, "America/New_York", 3),
    ("Miami", "FL", "Florida", 25.7617, -80.1918, "America/New_York", 2),
    ("Denver", "CO", "Colorado", 39.7392, -104.9903, "America/Denver", 2),
    ("Phoenix", "AZ", "Arizona", 33.4484, -112.074, "America/Phoenix", 2),
    ("Washington", "DC", "District of Columbia", 38.9072, -77.0369, "America/New_York", 2),
    ("Columbus", "OH", "Ohio", 39.9612, -82.9988, "America/New_York", 2),
    ("Minneapolis", "MN", "Minnesota", 44.9778, -93.265, "America/Chicago", 1.5),
    ("Portland", "OR", "Oregon", 45.5152, -122.6784, "America/Los_Angeles", 1.5),
    ("Raleigh", "NC", "North Carolina", 35.7796, -78.6382, "America/New_York", 1.5),
    ("Salt Lake City", "UT", "Utah", 40.7608, -111.891, "America/Denver", 1),
    ("Pittsburgh", "PA", "Pennsylvania", 40.4406, -79.9959, "America/New_York", 1),
    ("Ashburn", "VA", "Virginia", 39.0438, -77.4874, "America/New_York", 0.3),
    ("Boardman", "OR", "Oregon", 45.8399, -119.7006, "America/Los_Angeles", 0),
    ("Council Bluffs", "IA", "Iowa", 41.2619, -95.8608, "America/Chicago", 0),
    ("The Dalles", "OR", "Oregon", 45.5946, -121.1787, "America/Los_Angeles", 0),
    ("Clifton", "NJ", "New Jersey", 40.8584, -74.1638, "America/New_York", 0.2),
    ("Piscataway", "NJ", "New Jersey", 40.5549, -74.4643, "America/New_York", 0.1),
    ("Santa Clara", "CA", "California", 37.3541, -121.9552, "America/Los_Angeles", 0.5),
    ("Hillsboro", "OR", "Oregon", 45.5229, -122.9898, "America/Los_Angeles", 0.1),
    ("St Louis", "MO", "Missouri", 38.627, -90.1994, "America/Chicago", 1),
    ("Champaign", "IL", "Illinois", 40.1164, -88.2434, "America/Chicago", 0.3),
    ("Palo Alto", "CA", "California", 37.4419, -122.143, "America/Los_Angeles", 0.5),
    ("Berkeley", "CA", "California", 37.8715, -122.273, "America/Los_Angeles", 0.3),
    ("Cambridge", "MA", "Massachusetts", 42.3736, -71.1097, "America/New_York", 0.5),
    ("West Lafayette", "IN", "Indiana", 40.4259, -86.9081, "America/Indiana/Indianapolis", 0.2),
])
country("CA", "Canada", "NA", (43.6319, -79.3716), "America/Toronto", [
    ("Toronto", "ON", "Ontario", 43.6532, -79.3832, "America/Toronto", 4),
    ("Vancouver", "BC", "British Columbia", 49.2827, -123.1207, "America/Vancouver", 2.5),
    ("Montreal", "QC", "Quebec", 45.5017, -73.5673, "America/Toronto", 2.5),
    ("Waterloo", "ON", "Ontario", 43.4643, -80.5204, "America/Toronto", 0.8),
    ("Calgary", "AB", "Alberta", 51.0447, -114.0719, "America/Edmonton", 1),
    ("Ottawa", "ON", "Ontario", 45.4215, -75.6972, "America/Toronto", 1),
    ("Beauharnois", "QC", "Quebec", 45.3151, -73.8779, "America/Toronto", 0),
])
country("MX", "Mexico", "NA", (19.4326, -99.1332), "America/Mexico_City", [
    ("Mexico City", "CMX", "Mexico City", 19.4326, -99.1332, "America/Mexico_City", 5),
    ("Guadalajara", "JAL", "Jalisco", 20.6597, -103.3496, "America/Mexico_City", 2),
    ("Monterrey", "NLE", "Nuevo Leon", 25.6866, -100.3161, "America/Monterrey", 2),
    ("Puebla", "PUE", "Puebla", 19.0414, -98.2063, "America/Mexico_City", 0.6),
])
country("BR", "Brazil", "SA", (-22.8305, -43.2192), "America/Sao_Paulo", [
    ("Sao Paulo", "SP", "Sao Paulo", -23.5505, -46.6333, "America/Sao_Paulo", 8),
    ("Rio de Janeiro", "RJ", "Rio de Janeiro", -22.9068, -43.1729, "America/Sao_Paulo", 4),
    ("Belo Horizonte", "MG", "Minas Gerais", -19.9167, -43.9345, "America/Sao_Paulo", 2),
    ("Curitiba", "PR", "Parana", -25.4284, -49.2733, "America/Sao_Paulo", 2),
    ("Porto Alegre", "RS", "Rio Grande do Sul", -30.0346, -51.2177, "America/Sao_Paulo", 1.5),
    ("Brasilia", "DF", "Federal District", -15.7939, -47.8828, "America/Sao_Paulo", 1.5),
    ("Recife", "PE", "Pernambuco", -8.0476, -34.877, "America/Recife", 1),
    ("Fortaleza", "CE", "Ceara", -3.7319, -38.5267, "America/Fortaleza", 1),
    ("Manaus", "AM", "Amazonas", -3.119, -60.0217, "America/Manaus", 0.5),
    ("Florianopolis", "SC", "Santa Catarina", -27.5954, -48.548, "America/Sao_Paulo", 1),
    ("Campinas", "SP", "Sao Paulo", -22.9099, -47.0626, "America/Sao_Paulo", 1),
])
country("AR", "Argentina", "SA", (-34.6037, -58.3816), "America/Argentina/Buenos_Aires", [
    ("Buenos Aires", "C", "Buenos Aires F.D.", -34.6037, -58.3816, "America/Argentina/Buenos_Aires", 5),
    ("Cordoba", "X", "Cordoba", -31.4201, -64.1888, "America/Argentina/Cordoba", 1.5),
    ("Rosario", "S", "Santa Fe", -32.9442, -60.6505, "America/Argentina/Cordoba", 1),
])
country("CO", "Colombia", "SA", (4.5981, -74.0758), "America/Bogota", [
    ("Bogota", "DC", "Bogota D.C.", 4.711, -74.0721, "America/Bogota", 4),
    ("Medellin", "ANT", "Antioquia", 6.2442, -75.5812, "America/Bogota", 2),
    ("Cali", "VAC", "Valle del Cauca", 3.4516, -76.532, "America/Bogota", 1),
])
country("CL", "Chile", "SA", (-33.4489, -70.6693), "America/Santiago", [
    ("Santiago", "RM", "Santiago Metropolitan", -33.4489, -70.6693, "America/Santiago", 3),
    ("Valparaiso", "VS", "Valparaiso", -33.0472, -71.6127, "America/Santiago", 0.7),
])
country("GB", "United Kingdom", "EU", (51.4964, -0.1224), "Europe/London", [
    ("London", "ENG", "England", 51.5074, -0.1278, "Europe/London", 8),
    ("Manchester", "ENG", "England", 53.4808, -2.2426, "Europe/London", 2),
    ("Birmingham", "ENG", "England", 52.4862, -1.8904, "Europe/London", 1.5),
    ("Edinburgh", "SCT", "Scotland", 55.9533, -3.1883, "Europe/London", 1),
    ("Bristol", "ENG", "England", 51.4545, -2.5879, "Europe/London", 1),
    ("Cambridge", "ENG", "England", 52.2053, 0.1218, "Europe/London", 1),
    ("Oxford", "ENG", "England", 51.752, -1.2577, "Europe/London", 0.8),
    ("Leeds", "ENG", "England", 53.8008, -1.5491, "Europe/London", 1),
    ("Glasgow", "SCT", "Scotland", 55.8642, -4.2518, "Europe/London", 0.8),
])
country("IE", "Ireland", "EU", (53.3498, -6.2603), "Europe/Dublin", [
    ("Dublin", "L", "Leinster", 53.3498, -6.2603, "Europe/Dublin", 3),
    ("Cork", "M", "Munster", 51.8985, -8.4756, "Europe/Dublin", 1),
])
country("DE", "Germany", "EU", (51.2993, 9.491), "Europe/Berlin", [
    ("Berlin", "BE", "Land Berlin", 52.52, 13.405, "Europe/Berlin", 4),
    ("Munich", "BY", "Bavaria", 48.1351, 11.582, "Europe/Berlin", 3),
    ("Hamburg", "HH", "Hamburg", 53.5511, 9.9937, "Europe/Berlin", 2),
    ("Frankfurt am Main", "HE", "Hesse", 50.1109, 8.6821, "Europe/Berlin", 2),
    ("Cologne", "NW", "North Rhine-Westphalia", 50.9375, 6.9603, "Europe/Berlin", 1.5),
    ("Stuttgart", "BW", "Baden-Wurttemberg", 48.7758, 9.1829, "Europe/Berlin", 1.2),
    ("Dusseldorf", "NW", "North Rhine-Westphalia", 51.2277, 6.7735, "Europe/Berlin", 1),
    ("Leipzig", "SN", "Saxony", 51.3397, 12.3731, "Europe/Berlin", 0.8),
    ("Karlsruhe", "BW", "Baden-Wurttemberg", 49.0069, 8.4037, "Europe/Berlin", 0.6),
    ("Nuremberg", "BY", "Bavaria", 49.4521, 11.0767, "Europe/Berlin", 0.6),
    ("Falkenstein", "SN", "Saxony", 50.4779, 12.3713, "Europe/Berlin", 0),
])
country("AT", "Austria", "EU", (48.2082, 16.3738), "Europe/Vienna", [
    ("Vienna", "9", "Vienna", 48.2082, 16.3738, "Europe/Vienna", 3),
    ("Graz", "6", "Styria", 47.0707, 15.4395, "Europe/Vienna", 0.7),
])
country("FR", "France", "EU", (48.8582, 2.3387), "Europe/Paris", [
    ("Paris", "IDF", "Ile-de-France", 48.8566, 2.3522, "Europe/Paris", 6),
    ("Lyon", "ARA", "Auvergne-Rhone-Alpes", 45.764, 4.8357, "Europe/Paris", 2),
    ("Marseille", "PAC", "Provence-Alpes-Cote d'Azur", 43.2965, 5.3698, "Europe/Paris", 1.5),
    ("Toulouse", "OCC", "Occitanie", 43.6047, 1.4442, "Europe/Paris", 1.5),
    ("Lille", "HDF", "Hauts-de-France", 50.6292, 3.0573, "Europe/Paris", 1),
    ("Nantes", "PDL", "Pays de la Loire", 47.2184, -1.5536, "Europe/Paris", 1),
    ("Bordeaux", "NAQ", "Nouvelle-Aquitaine", 44.8378, -0.5792, "Europe/Paris", 1),
    ("Roubaix", "HDF", "Hauts-de-France", 50.6942, 3.1746, "Europe/Paris", 0),
    ("Gravelines", "HDF", "Hauts-de-France", 50.9864, 2.1283, "Europe/Paris", 0),
])
country("ES", "Spain", "EU", (40.4172, -3.684), "Europe/Madrid", [
    ("Madrid", "MD", "Madrid", 40.4168, -3.7038, "Europe/Madrid", 4),
    ("Barcelona", "CT", "Catalonia", 41.3874, 2.1686, "Europe/Madrid", 3.5),
    ("Valencia", "VC", "Valencia", 39.4699, -0.3763, "Europe/Madrid", 1.2),
    ("Seville", "AN", "Andalusia", 37.3891, -5.9845, "Europe/Madrid", 1),
    ("Malaga", "AN", "Andalusia", 36.7213, -4.4214, "Europe/Madrid", 0.7),
])
country("PT", "Portugal", "EU", (38.7223, -9.1393), "Europe/Lisbon", [
    ("Lisbon", "11", "Lisbon", 38.7223, -9.1393, "Europe/Lisbon", 3),
    ("Porto", "13", "Porto", 41.1579, -8.6291, "Europe/Lisbon", 2),
])
country("IT", "Italy", "EU", (43.1479, 12.1097), "Europe/Rome", [
    ("Milan", "25", "Lombardy", 45.4642, 9.19, "Europe/Rome", 4),
    ("Rome", "62", "Lazio", 41.9028, 12.4964, "Europe/Rome", 3),
    ("Turin", "21", "Piedmont", 45.0703, 7.6869, "Europe/Rome", 1.2),
    ("Naples", "72", "Campania", 40.8518, 14.2681, "Europe/Rome", 1),
    ("Bologna", "45", "Emilia-Romagna", 44.4949, 11.3426, "Europe/Rome", 1),
])
country("NL", "Netherlands", "EU", (52.3824, 4.8995), "Europe/Amsterdam", [
    ("Amsterdam", "NH", "North Holland", 52.3676, 4.9041, "Europe/Amsterdam", 4),
    ("Rotterdam", "ZH", "South Holland", 51.9244, 4.4777, "Europe/Amsterdam", 1.5),
    ("Utrecht", "UT", "Utrecht", 52.0907, 5.1214, "Europe/Amsterdam", 1),
    ("Eindhoven", "NB", "North Brabant", 51.4416, 5.4697, "Europe/Amsterdam", 1),
    ("Delft", "ZH", "South Holland", 52.0116, 4.3571, "Europe/Amsterdam", 0.5),
])
country("PL", "Poland", "EU", (52.2394, 21.0362), "Europe/Warsaw", [
    ("Warsaw", "14", "Mazovia", 52.2297, 21.0122, "Europe/Warsaw", 4),
    ("Krakow", "12", "Lesser Poland", 50.0647, 19.945, "Europe/Warsaw", 2),
    ("Wroclaw", "02", "Lower Silesia", 51.1079, 17.0385, "Europe/Warsaw", 1.5),
    ("Gdansk", "22", "Pomerania", 54.352, 18.6466, "Europe/Warsaw", 1),
])
country("SE", "Sweden", "EU", (59.3274, 18.0653), "Europe/Stockholm", [
    ("Stockholm", "AB", "Stockholm County", 59.3293, 18.0686, "Europe/Stockholm", 3),
    ("Gothenburg", "O", "Vastra Gotaland", 57.7089, 11.9746, "Europe/Stockholm", 1.5),
    ("Malmo", "M", "Skane", 55.605, 13.0038, "Europe/Stockholm", 1),
])
country("FI", "Finland", "EU", (60.1699, 24.9384), "Europe/Helsinki", [
    ("Helsinki", "18", "Uusimaa", 60.1699, 24.9384, "Europe/Helsinki", 2),
    ("Tuusula", "18", "Uusimaa", 60.4036, 25.0266, "Europe/Helsinki", 0),
])
country("CH", "Switzerland", "EU", (47.1449, 8.1551), "Europe/Zurich", [
    ("Zurich", "ZH", "Zurich", 47.3769, 8.5417, "Europe/Zurich", 3),
    ("Geneva", "GE", "Geneva", 46.2044, 6.1432, "Europe/Zurich", 1.5),
    ("Lausanne", "VD", "Vaud", 46.5197, 6.6323, "Europe/Zurich", 1),
])
country("RO", "Romania", "EU", (44.4268, 26.1025), "Europe/Bucharest", [
    ("Bucharest", "B", "Bucuresti", 44.4268, 26.1025, "Europe/Bucharest", 3),
    ("Cluj-Napoca", "CJ", "Cluj", 46.7712, 23.6236, "Europe/Bucharest", 1.5),
    ("Iasi", "IS", "Iasi", 47.1585, 27.6014, "Europe/Bucharest", 1),
])
country("UA", "Ukraine", "EU", (50.4501, 30.5234), "Europe/Kiev", [
    ("Kyiv", "30", "Kyiv City", 50.4501, 30.5234, "Europe/Kiev", 4),
    ("Lviv", "46", "Lviv", 49.8397, 24.0297, "Europe/Kiev", 2),
    ("Kharkiv", "63", "Kharkiv", 49.9935, 36.2304, "Europe/Kiev", 1.5),
    ("Dnipro", "12", "Dnipropetrovsk Oblast", 48.4647, 35.0462, "Europe/Kiev", 1),
])
country("RU", "Russia", "EU", (55.7386, 37.6068), "Europe/Moscow", [
    ("Moscow", "MOW", "Moscow", 55.7558, 37.6173, "Europe/Moscow", 5),
    ("Saint Petersburg", "SPE", "St.-Petersburg", 59.9343, 30.3351, "Europe/Moscow", 2.5),
    ("Novosibirsk", "NVS", "Novosibirsk Oblast", 55.0084, 82.9357, "Asia/Novosibirsk", 1),
    ("Yekaterinburg", "SVE", "Sverdlovsk Oblast", 56.8389, 60.6057, "Asia/Yekaterinburg", 1),
    ("Kazan", "TA", "Tatarstan Republic", 55.7887, 49.1221, "Europe/Moscow", 0.8),
])
country("BY", "Belarus", "EU", (53.9045, 27.5615), "Europe/Minsk", [
    ("Minsk", "HM", "Minsk City", 53.9045, 27.5615, "Europe/Minsk", 1),
])
country("TR", "Turkey", "AS", (41.0214, 28.9948), "Europe/Istanbul", [
    ("Istanbul", "34", "Istanbul", 41.0082, 28.9784, "Europe/Istanbul", 5),
    ("Ankara", "06", "Ankara", 39.9334, 32.8597, "Europe/Istanbul", 2),
    ("Izmir", "35", "Izmir", 38.4237, 27.1428, "Europe/Istanbul", 1),
])
country("IL", "Israel", "AS", (31.5, 34.75), "Asia/Jerusalem", [
    ("Tel Aviv", "TA", "Tel Aviv", 32.0853, 34.7818, "Asia/Jerusalem", 3),
    ("Jerusalem", "JM", "Jerusalem", 31.7683, 35.2137, "Asia/Jerusalem", 1),
    ("Haifa", "HA", "Haifa", 32.794, 34.9896, "Asia/Jerusalem", 1),
])
country("AE", "United Arab Emirates", "AS", (24.0, 54.0), "Asia/Dubai", [
    ("Dubai", "DU", "Dubai", 25.2048, 55.2708, "Asia/Dubai", 3),
    ("Abu Dhabi", "AZ", "Abu Dhabi", 24.4539, 54.3773, "Asia/Dubai", 1.5),
])
country("IR", "Iran", "AS", (35.698, 51.4115), "Asia/Tehran", [
    ("Tehran", "23", "Tehran", 35.6892, 51.389, "Asia/Tehran", 5),
    ("Isfahan", "04", "Isfahan", 32.6546, 51.668, "Asia/Tehran", 1.5),
    ("Mashhad", "30", "Razavi Khorasan", 36.2605, 59.6168, "Asia/Tehran", 1),
    ("Shiraz", "07", "Fars", 29.5918, 52.5837, "Asia/Tehran", 1),
])
country("IN", "India", "AS", (21.9974, 79.0011), "Asia/Kolkata", [
    ("Bengaluru", "KA", "Karnataka", 12.9716, 77.5946, "Asia/Kolkata", 8),
    ("Mumbai", "MH", "Maharashtra", 19.076, 72.8777, "Asia/Kolkata", 6),
    ("Delhi", "DL", "National Capital Territory of Delhi", 28.6519, 77.2315, "Asia/Kolkata", 6),
    ("Hyderabad", "TG", "Telangana", 17.385, 78.4867, "Asia/Kolkata", 5),
    ("Chennai", "TN", "Tamil Nadu", 13.0827, 80.2707, "Asia/Kolkata", 4),
    ("Pune", "MH", "Maharashtra", 18.5204, 73.8567, "Asia/Kolkata", 4),
    ("Kolkata", "WB", "West Bengal", 22.5726, 88.3639, "Asia/Kolkata", 3),
    ("Noida", "UP", "Uttar Pradesh", 28.5355, 77.391, "Asia/Kolkata", 2),
    ("Ahmedabad", "GJ", "Gujarat", 23.0225, 72.5714, "Asia/Kolkata", 2),
    ("Jaipur", "RJ", "Rajasthan", 26.9124, 75.7873, "Asia/Kolkata", 1.5),
    ("Kochi", "KL", "Kerala", 9.9312, 76.2673, "Asia/Kolkata", 1.5),
    ("Lucknow", "UP", "Uttar Pradesh", 26.8467, 80.9462, "Asia/Kolkata", 1),
    ("Indore", "MP", "Madhya Pradesh", 22.7196, 75.8577, "Asia/Kolkata", 1),
    ("Coimbatore", "TN", "Tamil Nadu", 11.0168, 76.9558, "Asia/Kolkata", 1),
    ("Vellore", "TN", "Tamil Nadu", 12.9165, 79.1325, "Asia/Kolkata", 0.3),
])
country("PK", "Pakistan", "AS", (30.0, 70.0), "Asia/Karachi", [
    ("Karachi", "SD", "Sindh", 24.8607, 67.0011, "Asia/Karachi", 4),
    ("Lahore", "PB", "Punjab", 31.5204, 74.3587, "Asia/Karachi", 4),
    ("Islamabad", "IS", "Islamabad", 33.6844, 73.0479, "Asia/Karachi", 2),
    ("Rawalpindi", "PB", "Punjab", 33.5651, 73.0169, "Asia/Karachi", 1),
    ("Faisalabad", "PB", "Punjab", 31.4504, 73.135, "Asia/Karachi", 1),
])
country("BD", "Bangladesh", "AS", (23.7018, 90.3742), "Asia/Dhaka", [
    ("Dhaka", "C", "Dhaka Division", 23.8103, 90.4125, "Asia/Dhaka", 5),
    ("Chittagong", "B", "Chittagong", 22.3569, 91.7832, "Asia/Dhaka", 1.5),
    ("Sylhet", "G", "Sylhet Division", 24.8949, 91.8687, "Asia/Dhaka", 0.6),
])
country("CN", "China", "AS", (34.7732, 113.722), "Asia/Shanghai", [
    ("Beijing", "BJ", "Beijing", 39.9042, 116.4074, "Asia/Shanghai", 4),
    ("Shanghai", "SH", "Shanghai", 31.2304, 121.4737, "Asia/Shanghai", 4),
    ("Shenzhen", "GD", "Guangdong", 22.5431, 114.0579, "Asia/Shanghai", 3),
    ("Hangzhou", "ZJ", "Zhejiang", 30.2741, 120.1551, "Asia/Shanghai", 2),
    ("Guangzhou", "GD", "Guangdong", 23.1291, 113.2644, "Asia/Shanghai", 2),
    ("Chengdu", "SC", "Sichuan", 30.5728, 104.0668, "Asia/Shanghai", 1.5),
    ("Wuhan", "HB", "Hubei", 30.5928, 114.3055, "Asia/Shanghai", 1),
])
country("HK", "Hong Kong", "AS", (22.2578, 114.1657), "Asia/Hong_Kong", [
    ("Hong Kong", None, None, 22.3193, 114.1694, "Asia/Hong_Kong", 3),
    ("Tsuen Wan", None, None, 22.3707, 114.1048, "Asia/Hong_Kong", 0.5),
])
country("TW", "Taiwan", "AS", (24.0, 121.0), "Asia/Taipei", [
    ("Taipei", "TPE", "Taipei", 25.033, 121.5654, "Asia/Taipei", 4),
    ("Hsinchu", "HSZ", "Hsinchu", 24.8138, 120.9675, "Asia/Taipei", 1.5),
    ("Taichung", "TXG", "Taichung City", 24.1477, 120.6736, "Asia/Taipei", 1),
])
country("JP", "Japan", "AS", (35.69, 139.69), "Asia/Tokyo", [
    ("Tokyo", "13", "Tokyo", 35.6762, 139.6503, "Asia/Tokyo", 6),
    ("Osaka", "27", "Osaka", 34.6937, 135.5023, "Asia/Tokyo", 2),
    ("Yokohama", "14", "Kanagawa", 35.4437, 139.638, "Asia/Tokyo", 1.5),
    ("Fukuoka", "40", "Fukuoka", 33.5904, 130.4017, "Asia/Tokyo", 1),
    ("Nagoya", "23", "Aichi", 35.1815, 136.9066, "Asia/Tokyo", 1),
    ("Sapporo", "01", "Hokkaido", 43.0618, 141.3545, "Asia/Tokyo", 0.6),
])
country("KR", "South Korea", "AS", (37.5112, 126.9741), "Asia/Seoul", [
    ("Seoul", "11", "Seoul", 37.5665, 126.978, "Asia/Seoul", 6),
    ("Busan", "26", "Busan", 35.1796, 129.0756, "Asia/Seoul", 1.5),
    ("Incheon", "28", "Incheon", 37.4563, 126.7052, "Asia/Seoul", 1),
    ("Seongnam-si", "41", "Gyeonggi-do", 37.4201, 127.1265, "Asia/Seoul", 1.5),
    ("Daejeon", "30", "Daejeon", 36.3504, 127.3845, "Asia/Seoul", 0.5),
])
country("SG", "Singapore", "AS", (1.3667, 103.8), "Asia/Singapore", [
    ("Singapore", None, None, 1.2897, 103.8501, "Asia/Singapore", 1),
])
country("MY", "Malaysia", "AS", (2.5, 112.5), "Asia/Kuala_Lumpur", [
    ("Kuala Lumpur", "14", "Kuala Lumpur", 3.139, 101.6869, "Asia/Kuala_Lumpur", 4),
    ("Petaling Jaya", "10", "Selangor", 3.1073, 101.6067, "Asia/Kuala_Lumpur", 2),
    ("George Town", "07", "Penang", 5.4141, 100.3288, "Asia/Kuala_Lumpur", 1),
    ("Johor Bahru", "01", "Johor", 1.4927, 103.7414, "Asia/Kuala_Lumpur", 1),
])
country("ID", "Indonesia", "AS", (-6.175, 106.8286), "Asia/Jakarta", [
    ("Jakarta", "JK", "Jakarta", -6.2088, 106.8456, "Asia/Jakarta", 6),
    ("Surabaya", "JI", "East Java", -7.2575, 112.7521, "Asia/Jakarta", 2),
    ("Bandung", "JB", "West Java", -6.9175, 107.6191, "Asia/Jakarta", 2),
    ("Yogyakarta", "YO", "Yogyakarta", -7.7956, 110.3695, "Asia/Jakarta", 1),
    ("Medan", "SU", "North Sumatra", 3.5952, 98.6722, "Asia/Jakarta", 1),
    ("Denpasar", "BA", "Bali", -8.6705, 115.2126, "Asia/Makassar", 0.6),
    ("Makassar", "SN", "South Sulawesi", -5.1477, 119.4327, "Asia/Makassar", 0.5),
])
country("VN", "Vietnam", "AS", (16.0, 106.0), "Asia/Ho_Chi_Minh", [
    ("Ho Chi Minh City", "SG", "Ho Chi Minh", 10.8231, 106.6297, "Asia/Ho_Chi_Minh", 5),
    ("Hanoi", "HN", "Hanoi", 21.0278, 105.8342, "Asia/Bangkok", 4),
    ("Da Nang", "DN", "Da Nang", 16.0544, 108.2022, "Asia/Ho_Chi_Minh", 1),
    ("Hai Phong", "HP", "Haiphong", 20.8449, 106.6881, "Asia/Ho_Chi_Minh", 0.6),
])
country("PH", "Philippines", "AS", (14.6042, 120.9822), "Asia/Manila", [
    ("Manila", "00", "Metro Manila", 14.5995, 120.9842, "Asia/Manila", 4),
    ("Quezon City", "00", "Metro Manila", 14.676, 121.0437, "Asia/Manila", 2),
    ("Cebu City", "07", "Central Visayas", 10.3157, 123.8854, "Asia/Manila", 1.5),
    ("Davao", "11", "Davao", 7.1907, 125.4553, "Asia/Manila", 1),
])
country("TH", "Thailand", "AS", (13.75, 100.4667), "Asia/Bangkok", [
    ("Bangkok", "10", "Bangkok", 13.7563, 100.5018, "Asia/Bangkok", 5),
    ("Chiang Mai", "50", "Chiang Mai", 18.7883, 98.9853, "Asia/Bangkok", 1),
    ("Nonthaburi", "12", "Nonthaburi", 13.8621, 100.5144, "Asia/Bangkok", 1),
])
country("AU", "Australia", "OC", (-33.494, 143.2104), "Australia/Sydney", [
    ("Sydney", "NSW", "New South Wales", -33.8688, 151.2093, "Australia/Sydney", 4),
    ("Melbourne", "VIC", "Victoria", -37.8136, 144.9631, "Australia/Melbourne", 3.5),
    ("Brisbane", "QLD", "Queensland", -27.4698, 153.0251, "Australia/Brisbane", 1.5),
    ("Perth", "WA", "Western Australia", -31.9505, 115.8605, "Australia/Perth", 1),
])
country("NG", "Nigeria", "AF", (9.0, 8.0), "Africa/Lagos", [
    ("Lagos", "LA", "Lagos", 6.5244, 3.3792, "Africa/Lagos", 5),
    ("Abuja", "FC", "Federal Capital Territory", 9.0765, 7.3986, "Africa/Lagos", 1.5),
    ("Ibadan", "OY", "Oyo State", 7.3775, 3.947, "Africa/Lagos", 1),
    ("Port Harcourt", "RI", "Rivers State", 4.8156, 7.0498, "Africa/Lagos", 0.8),
])
country("KE", "Kenya", "AF", (-1.2841, 36.8155), "Africa/Nairobi", [
    ("Nairobi", "30", "Nairobi County", -1.2921, 36.8219, "Africa/Nairobi", 4),
    ("Mombasa", "28", "Mombasa County", -4.0435, 39.6682, "Africa/Nairobi", 1),
])
country("EG", "Egypt", "AF", (30.0, 31.0), "Africa/Cairo", [
    ("Cairo", "C", "Cairo Governorate", 30.0444, 31.2357, "Africa/Cairo", 5),
    ("Alexandria", "ALX", "Alexandria", 31.2001, 29.9187, "Africa/Cairo", 1.5),
    ("Giza", "GZ", "Giza", 30.0131, 31.2089, "Africa/Cairo", 1.5),
])
country("ZA", "South Africa", "AF", (-29.0, 24.0), "Africa/Johannesburg", [
    ("Johannesburg", "GP", "Gauteng", -26.2041, 28.0473, "Africa/Johannesburg", 3),
    ("Cape Town", "WC", "Western Cape", -33.9249, 18.4241, "Africa/Johannesburg", 2),
    ("Durban", "KZN", "KwaZulu-Natal", -29.8587, 31.0218, "Africa/Johannesburg", 1),
])

# ---------------------------------------------------------------------------
# Networks: id -> dict(asn, org, cc (or None for multi-country), kind, v4, v6, v6share,
#                      cgnat, w (weight within its country/kind), locs (multi-country: list of
#                      (cc, city, weight)), cityonly (prob. a block is resolved to a city))
N = {}


def net(nid, asn, org, cc, kind, v4=(), v6=(), v6share=0.0, cgnat=False, w=1.0, locs=None,
        cityq=0.85, capital_bias=0.0, reg=None):
    N[nid] = dict(id=nid, asn=asn, org=org, cc=cc, kind=kind, v4=list(v4), v6=list(v6),
                  v6share=v6share, cgnat=cgnat, w=w, locs=locs, cityq=cityq,
                  capital_bias=capital_bias, reg=reg)


# --- United States
net("comcast", 7922, "COMCAST-7922", "US", "isp", ["73.0.0.0/8", "98.192.0.0/10"], ["2601::/20"], 0.55, w=5)
net("comcast_biz", 7922, "COMCAST-7922", "US", "biz", ["50.192.0.0/10"], [], 0, w=2)
net("charter", 20115, "CHARTER-20115", "US", "isp", ["71.80.0.0/12", "68.184.0.0/13"], ["2600:6c00::/24"], 0.45, w=3)
net("twc", 11427, "TWC-11427-TEXAS", "US", "isp", ["70.112.0.0/12"], ["2603:8000::/24"], 0.45, w=2)
net("att", 7018, "ATT-INTERNET4", "US", "isp", ["99.0.0.0/10", "76.192.0.0/10"], ["2600:1700::/28"], 0.5, w=4)
net("fios", 701, "UUNET", "US", "isp", ["96.224.0.0/11", "71.160.0.0/11"], ["2600:4040::/26"], 0.3, w=3)
net("cox", 22773, "ASN-CXA-ALL-CCI-22773-RDC", "US", "isp", ["98.160.0.0/11"], ["2600:8800::/24"], 0.4, w=1.5)
net("frontier", 5650, "FRONTIER-FRTR", "US", "isp", ["47.144.0.0/13"], [], 0, w=1)
net("lumen_res", 209, "CENTURYLINK-US-LEGACY-QWEST", "US", "isp", ["71.32.0.0/11"], [], 0, w=1)
net("gfiber", 16591, "GOOGLE-FIBER", "US", "isp", ["136.32.0.0/11"], ["2605:a600::/32"], 0.6, w=0.4)
net("starlink", 14593, "SPACEX-STARLINK", "US", "sat", ["98.97.0.0/16", "129.222.0.0/16"], ["2605:59c8::/31"], 0.6,
    cgnat=True, w=0.3, cityq=0.3)
net("tmobile", 21928, "T-MOBILE-AS21928", "US", "mobile", ["172.56.0.0/14", "172.32.0.0/12"], ["2607:fb90::/28"], 0.8,
    cgnat=True, w=4, cityq=0.6)
net("vzw", 6167, "CELLCO-PART", "US", "mobile", ["174.192.0.0/10", "97.128.0.0/9"], ["2600:1000::/28"], 0.65,
    cgnat=True, w=4, cityq=0.6)
net("attm", 20057, "ATT-MOBILITY-LLC-AS20057", "US", "mobile", ["107.64.0.0/10", "166.128.0.0/9"], ["2600:380::/28"],
    0.65, cgnat=True, w=3, cityq=0.5)
net("cogent_biz", 174, "COGENT-174", "US", "biz", ["38.0.0.0/9"], [], 0, w=1)
net("lumen_biz", 3356, "LEVEL3", "US", "biz", ["4.0.0.0/9"], [], 0, w=1)
# US universities
for nid, asn, org, v4, city in [
    ("mit", 3, "MASSACHUSETTS-INSTITUTE-OF-TECHNOLOGY", ["18.7.0.0/16"], "Cambridge"),
    ("stanford", 32, "STANFORD", ["171.64.0.0/14"], "Palo Alto"),
    ("berkeley", 25, "UCB", ["128.32.0.0/16", "136.152.0.0/16"], "Berkeley"),
    ("cmu", 9, "CMU-ROUTER", ["128.2.0.0/16", "128.237.0.0/16"], "Pittsburgh"),
    ("uiuc", 38, "UIUC", ["130.126.0.0/16"], "Champaign"),
    ("gatech", 2637, "GEORGIA-TECH", ["128.61.0.0/16", "143.215.0.0/16"], "Atlanta"),
    ("utexas", 18, "UTEXAS", ["128.83.0.0/16"], "Austin"),
    ("uw", 73, "WASHINGTON-AS", ["128.95.0.0/16"], "Seattle"),
    ("nyu", 12, "NYU-DOMAIN", ["128.122.0.0/16"], "New York"),
    ("purdue", 17, "PURDUE", ["128.210.0.0/16"], "West Lafayette"),
]:
    net(nid, asn, org, "US", "edu", v4, [], 0, locs=[("US", city, 1)], cityq=0.95)
# --- Canada
net("rogers", 812, "ROGERS-COMMUNICATIONS", "CA", "isp", ["99.224.0.0/11"], ["2607:fea8::/32"], 0.4, w=3)
net("bell", 577, "BACOM", "CA", "isp", ["70.24.0.0/13"], [], 0, w=3)
net("telus", 852, "TELUS Communications Inc.", "CA", "isp", ["96.48.0.0/12"], ["2001:56a::/32"], 0.5, w=2)
net("videotron", 5769, "VIDEOTRON", "CA", "isp", ["24.200.0.0/13"], [], 0, w=1)
net("rogers_m", 812, "ROGERS-COMMUNICATIONS", "CA", "mobile", ["72.136.0.0/14"], [], 0, cgnat=True, w=1, cityq=0.5)
net("utoronto", 239, "UTORONTO-AS", "CA", "edu", ["128.100.0.0/16"], [], 0, locs=[("CA", "Toronto", 1)])
net("uwaterloo", 12093, "UWATERLOO", "CA", "edu", ["129.97.0.0/16"], [], 0, locs=[("CA", "Waterloo", 1)])
# --- Mexico / LatAm
net("telmex", 8151, "UNINET", "MX", "isp", ["187.128.0.0/10"], ["2806:2f0::/32"], 0.35, w=4)
net("telcel", 28403, "Radiomovil Dipsa, S.A. de C.V.", "MX", "mobile", ["189.203.0.0/16"], [], 0, cgnat=True, w=2,
    cityq=0.4, capital_bias=0.6)
net("claro_br", 28573, "Claro NXT Telecomunicacoes Ltda", "BR", "isp", ["177.32.0.0/11"], ["2804:14c::/31"], 0.55, w=4)
net("vivo_br", 18881, "TELEFONICA BRASIL S.A", "BR", "isp", ["177.96.0.0/12"], ["2804:7f0::/29"], 0.5, w=3)
net("vivo_m", 26599, "TELEFONICA BRASIL S.A", "BR", "mobile", ["191.32.0.0/14"], ["2804:18::/30"], 0.6, cgnat=True,
    w=2, cityq=0.5)
net("tim_br", 26615, "TIM SA", "BR", "mobile", ["191.240.0.0/12"], ["2804:388::/30"], 0.5, cgnat=True, w=1.5, cityq=0.5)
net("oi_br", 7738, "V tal", "BR", "isp", ["189.64.0.0/11"], [], 0, w=1.5)
net("usp", 28571, "UNIVERSIDADE DE SAO PAULO", "BR", "edu", ["143.107.0.0/16"], [], 0, locs=[("BR", "Sao Paulo", 1)])
net("telecom_ar", 7303, "Telecom Argentina S.A.", "AR", "isp", ["190.48.0.0/14", "181.46.0.0/15"], [], 0, w=3)
net("claro_co", 10620, "Telmex Colombia S.A.", "CO", "isp", ["186.80.0.0/12"], [], 0, w=2)
net("etb", 19429, "ETB - Colombia", "CO", "isp", ["190.24.0.0/14"], [], 0, w=1)
net("vtr", 22047, "VTR BANDA ANCHA S.A.", "CL", "isp", ["190.160.0.0/12"], [], 0, w=2)
net("movistar_cl", 7418, "TELEFONICA CHILE S.A.", "CL", "isp", ["186.104.0.0/13"], [], 0, w=1)
# --- Europe
net("bt", 2856, "British Telecommunications PLC", "GB", "isp", ["86.128.0.0/10", "81.128.0.0/12"], ["2a00:23c0::/26"], 0.5, w=3)
net("virgin", 5089, "Virgin Media Limited", "GB", "isp", ["86.0.0.0/11"], [], 0, w=2.5)
net("sky", 5607, "Sky UK Limited", "GB", "isp", ["90.192.0.0/11"], ["2a02:c7c::/30"], 0.6, w=2.5)
net("ee", 12576, "EE Limited", "GB", "mobile", ["31.94.0.0/16"], ["2a01:4c8::/32"], 0.6, cgnat=True, w=2, cityq=0.4,
    capital_bias=0.5)
net("three_uk", 206067, "H3G UK", "GB", "mobile", ["92.40.0.0/14"], [], 0, cgnat=True, w=1.5, cityq=0.3, capital_bias=0.6)
net("janet", 786, "Jisc Services Limited", "GB", "edu", ["129.67.0.0/16", "131.111.0.0/16", "128.40.0.0/16"],
    ["2001:630::/32"], 0.3, locs=[("GB", "Oxford", 1), ("GB", "Cambridge", 1), ("GB", "London", 1.5),
                                  ("GB", "Edinburgh", 0.6), ("GB", "Manchester", 0.6)])
net("eir", 5466, "Eircom Limited", "IE", "isp", ["86.40.0.0/13"], [], 0, w=1)
net("dtag", 3320, "Deutsche Telekom AG", "DE", "isp", ["79.192.0.0/10", "84.128.0.0/10"], ["2003::/19"], 0.65, w=5)
net("vodafone_de", 3209, "Vodafone GmbH", "DE", "isp", ["88.64.0.0/12"], ["2a02:8100::/27"], 0.5, w=3)
net("o2_de", 6805, "Telefonica Germany GmbH & Co.OHG", "DE", "mobile", ["89.204.128.0/17", "82.113.96.0/19"],
    ["2a02:3030::/28"], 0.5, cgnat=True, w=2, cityq=0.3, capital_bias=0.3)
net("versatel", 8881, "1&1 Versatel Deutschland GmbH", "DE", "isp", ["94.134.0.0/15"], ["2001:16b8::/32"], 0.6, w=1.5)
net("dfn", 680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "DE", "edu",
    ["129.187.0.0/16", "141.20.0.0/16"], ["2001:638::/32"], 0.4,
    locs=[("DE", "Munich", 1), ("DE", "Berlin", 1), ("DE", "Karlsruhe", 0.5)])
net("a1_at", 8447, "A1 Telekom Austria AG", "AT", "isp", ["62.46.0.0/15"], [], 0, w=1)
net("orange_fr", 3215, "Orange", "FR", "isp", ["90.0.0.0/10"], ["2a01:cb00::/24"], 0.6, w=4)
net("free_fr", 12322, "Free SAS", "FR", "isp", ["88.160.0.0/11", "82.64.0.0/14"], ["2a01:e00::/26"], 0.75, w=3)
net("sfr", 15557, "Societe Francaise Du Radiotelephone - SFR SA", "FR", "isp", ["77.128.0.0/11"], ["2a02:8400::/25"], 0.4, w=2)
net("bouygues", 5410, "Bouygues Telecom SA", "FR", "isp", ["176.128.0.0/10"], ["2001:861::/32"], 0.5, w=2)
net("telefonica_es", 3352, "TELEFONICA_DE_ESPANA", "ES", "isp", ["83.32.0.0/11"], [], 0, w=3)
net("orange_es", 12479, "ORANGE ESPAGNE SA", "ES", "isp", ["90.160.0.0/11"], [], 0, w=1.5)
net("digi_es", 57269, "DIGI SPAIN TELECOM S.L.", "ES", "isp", ["79.116.0.0/14"], [], 0, w=1, cgnat=True)
net("meo", 3243, "MEO - SERVICOS DE COMUNICACOES E MULTIMEDIA S.A.", "PT", "isp", ["85.240.0.0/13"], [], 0, w=1.5)
net("nos", 2860, "NOS COMUNICACOES, S.A.", "PT", "isp", ["89.180.0.0/14"], [], 0, w=1)
net("tim_it", 3269, "Telecom Italia", "IT", "isp", ["79.0.0.0/10", "2.32.0.0/11"], ["2001:b07::/32"], 0.2, w=3)
net("fastweb", 12874, "Fastweb SpA", "IT", "isp", ["93.32.0.0/11"], [], 0, w=1.5, cgnat=True)
net("kpn", 1136, "KPN B.V.", "NL", "isp", ["77.160.0.0/12"], ["2a02:a40::/26"], 0.5, w=2)
net("ziggo", 33915, "Vodafone Libertel B.V.", "NL", "isp", ["84.24.0.0/13"], ["2001:1c00::/23"], 0.5, w=2)
net("surf", 1103, "SURF B.V.", "NL", "edu", ["145.94.0.0/16"], ["2001:610::/29"], 0.4,
    locs=[("NL", "Delft", 1), ("NL", "Amsterdam", 1), ("NL", "Eindhoven", 0.6)])
net("orange_pl", 5617, "Orange Polska Spolka Akcyjna", "PL", "isp", ["83.0.0.0/11"], [], 0, w=2)
net("play_pl", 39603, "P4 Sp. z o.o.", "PL", "mobile", ["37.47.0.0/16"], ["2a00:f41::/32"], 0.4, cgnat=True, w=1, cityq=0.4)
net("telia_se", 3301, "Telia Company AB", "SE", "isp", ["78.64.0.0/12"], [], 0, w=2)
net("bahnhof", 8473, "Bahnhof AB", "SE", "isp", ["155.4.0.0/16"], [], 0, w=1)
net("elisa_fi", 719, "Elisa Oyj", "FI", "isp", ["88.112.0.0/13"], [], 0, w=1)
net("swisscom", 3303, "Swisscom (Schweiz) AG", "CH", "isp", ["85.0.0.0/13"], ["2a02:1200::/27"], 0.5, w=2)
net("switch", 559, "SWITCH", "CH", "edu", ["129.132.0.0/16"], ["2001:620::/29"], 0.4,
    locs=[("CH", "Zurich", 1), ("CH", "Lausanne", 0.6)])
net("rds_ro", 8708, "RCS & RDS SA", "RO", "isp", ["86.120.0.0/13", "5.12.0.0/14"], ["2a02:2f00::/24"], 0.4, w=3)
net("kyivstar", 15895, "Kyivstar PJSC", "UA", "isp", ["46.211.0.0/16", "176.36.0.0/14"], [], 0, w=2, cgnat=True, cityq=0.6)
net("ukrtelecom", 6849, "JSC UKRTELECOM", "UA", "isp", ["92.112.0.0/13"], [], 0, w=1)
net("turktelekom", 9121, "Turk Telekom", "TR", "isp", ["85.96.0.0/12", "78.160.0.0/11"], [], 0, w=3)
net("turkcell", 16135, "Turkcell Iletisim Hizmetleri A.S.", "TR", "mobile", ["178.240.0.0/13"], [], 0, cgnat=True, w=1.5,
    cityq=0.3, capital_bias=0.5)
net("bezeq", 8551, "Bezeq International-Ltd", "IL", "isp", ["79.176.0.0/13"], [], 0, w=2)
net("partner_il", 12400, "Partner Communications Ltd.", "IL", "isp", ["77.124.0.0/14"], [], 0, w=1)
net("etisalat", 5384, "Emirates Telecommunications Group Company (Etisalat Group) PJSC", "AE", "isp",
    ["94.200.0.0/13"], ["2001:8f8::/32"], 0.4, w=2, cgnat=True)
net("du_ae", 15802, "Emirates Integrated Telecommunications Company PJSC", "AE", "isp", ["92.96.0.0/14"], [], 0, w=1.5,
    cgnat=True)
net("rostelecom", 12389, "PJSC Rostelecom", "RU", "isp", ["95.72.0.0/13", "178.64.0.0/12"], [], 0, w=3)
net("beeline", 3216, "PJSC Vimpelcom", "RU", "isp", ["95.24.0.0/13"], [], 0, w=2)
net("mts_ru", 8359, "MTS PJSC", "RU", "mobile", ["176.59.0.0/16", "31.173.0.0/16"], [], 0, cgnat=True, w=2, cityq=0.4)
net("beltelecom", 6697, "Republican Unitary Telecommunication Enterprise Beltelecom", "BY", "isp",
    ["178.120.0.0/13"], [], 0, w=1)
net("mci_ir", 197207, "Mobile Communication Company of Iran PLC", "IR", "mobile", ["5.112.0.0/12"], [], 0, cgnat=True,
    w=2, cityq=0.4, capital_bias=0.5)
net("irancell", 44244, "Iran Cell Service and Communication Company", "IR", "mobile", ["5.208.0.0/13"], [], 0,
    cgnat=True, w=1.5, cityq=0.4, capital_bias=0.5)
net("tci_ir", 58224, "Iran Telecommunication Company PJS", "IR", "isp", ["2.176.0.0/12"], [], 0, w=2)
# --- Asia
net("jio", 55836, "Reliance Jio Infocomm Limited", "IN", "mobile", ["49.32.0.0/14", "49.40.0.0/13", "157.32.0.0/12"],
    ["2409:4000::/22"], 0.88, cgnat=True, w=6, cityq=0.55)
net("jiofiber", 55836, "Reliance Jio Infocomm Limited", "IN", "isp", ["49.36.0.0/14"], ["2405:201::/32"], 0.7,
    cgnat=True, w=3, cityq=0.7)
net("airtel_m", 45609, "Bharti Airtel Ltd. AS for GPRS Service", "IN", "mobile", ["106.192.0.0/12"],
    ["2401:4900::/32"], 0.6, cgnat=True, w=4, cityq=0.5)
net("airtel_bb", 24560, "Bharti Airtel Ltd., Telemedia Services", "IN", "isp", ["122.160.0.0/13"], [], 0, w=3)
net("vi_in", 55410, "Vodafone Idea Ltd", "IN", "mobile", ["42.104.0.0/13"], ["2402:3a80::/27"], 0.5, cgnat=True, w=2,
    cityq=0.4)
net("act_in", 24309, "Atria Convergence Technologies Ltd.", "IN", "isp",
    ["49.205.0.0/16", "49.207.0.0/16", "106.51.0.0/16"], [], 0, w=2, cgnat=True)
net("bsnl", 9829, "National Internet Backbone", "IN", "isp", ["117.192.0.0/10", "59.88.0.0/13"], [], 0, w=1.5, cityq=0.5)
net("hathway", 17488, "Hathway IP Over Cable Internet", "IN", "isp", ["183.83.0.0/16"], [], 0, w=1, cgnat=True)
net("ernet", 2697, "Education and Research Network", "IN", "edu", ["14.139.0.0/16"], [], 0,
    locs=[("IN", "Bengaluru", 1), ("IN", "Delhi", 1), ("IN", "Mumbai", 1), ("IN", "Chennai", 1),
          ("IN", "Hyderabad", 0.7), ("IN", "Kolkata", 0.5), ("IN", "Vellore", 0.5)], cityq=0.7)
net("tata_comm", 4755, "TATA Communications formerly VSNL is Leading ISP", "IN", "biz",
    ["14.140.0.0/14", "115.110.0.0/15"], [], 0, w=1)
net("ptcl", 17557, "Pakistan Telecommunication Company Limited", "PK", "isp", ["182.176.0.0/12", "39.32.0.0/12"],
    [], 0, w=3, cgnat=True, cityq=0.6)
net("jazz", 45669, "Pakistan Mobile Communications Limited", "PK", "mobile", ["111.119.160.0/19", "119.160.96.0/19"],
    [], 0, cgnat=True, w=2, cityq=0.3, capital_bias=0.5)
net("zong", 59257, "CMPak Limited", "PK", "mobile", ["39.48.0.0/13"], [], 0, cgnat=True, w=1.5, cityq=0.3)
net("gp_bd", 24389, "Grameenphone Ltd.", "BD", "mobile", ["37.111.192.0/18"], [], 0, cgnat=True, w=3, cityq=0.3,
    capital_bias=0.6)
net("link3", 23688, "Link3 Technologies Ltd.", "BD", "isp", ["103.15.40.0/22", "103.230.104.0/22"], [], 0, w=1,
    cgnat=True)
net("btcl", 17494, "Bangladesh Telecommunications Company Limited (BTCL)", "BD", "isp", ["114.130.0.0/16"], [], 0,
    w=1, cgnat=True)
net("dotinternet", 58715, "Earth Telecommunication ( pvt ) Limited", "BD", "isp", ["103.4.144.0/22", "103.112.52.0/22"],
    [], 0, w=1, cgnat=True)
net("chinanet", 4134, "CHINANET-BACKBONE", "CN", "isp", ["113.64.0.0/10", "180.160.0.0/12"], ["240e::/20"], 0.5, w=4)
net("unicom", 4837, "CHINA UNICOM China169 Backbone", "CN", "isp", ["123.112.0.0/12"], ["2408:8000::/20"], 0.4, w=3)
net("cmcc", 9808, "China Mobile Communications Group Co., Ltd.", "CN", "mobile", ["111.0.0.0/10"], ["2409:8000::/20"],
    0.6, cgnat=True, w=3, cityq=0.5)
net("cernet", 4538, "China Education and Research Network Center", "CN", "edu", ["166.111.0.0/16"], [], 0,
    locs=[("CN", "Beijing", 1)])
net("hkt", 4760, "HKT Limited", "HK", "isp", ["219.76.0.0/14", "42.2.0.0/15"], [], 0, w=2)
net("hkbn", 9269, "Hong Kong Broadband Network Ltd.", "HK", "isp", ["119.236.0.0/14"], [], 0, w=1.5)
net("hinet", 3462, "Data Communication Business Group", "TW", "isp", ["1.160.0.0/12", "114.24.0.0/14"],
    ["2001:b000::/20"], 0.3, w=3)
net("ocn", 4713, "NTT Communications Corporation", "JP", "isp", ["153.128.0.0/11"], ["2400:4050::/30"], 0.5, w=3)
net("softbank", 17676, "SoftBank Corp.", "JP", "isp", ["126.0.0.0/8"], [], 0, w=3, cgnat=True)
net("kddi", 2516, "KDDI CORPORATION", "JP", "mobile", ["106.128.0.0/12"], ["2001:268::/32"], 0.6, cgnat=True, w=2,
    cityq=0.5)
net("docomo", 9605, "NTT DOCOMO, INC.", "JP", "mobile", ["1.66.0.0/15"], [], 0, cgnat=True, w=2, cityq=0.4,
    capital_bias=0.6)
net("utokyo", 2501, "The University of Tokyo", "JP", "edu", ["133.11.0.0/16"], [], 0, locs=[("JP", "Tokyo", 1)])
net("kt", 4766, "Korea Telecom", "KR", "isp", ["121.128.0.0/10"], [], 0, w=3)
net("skb", 9318, "SK Broadband Co Ltd", "KR", "isp", ["58.120.0.0/13"], [], 0, w=2)
net("lgu", 3786, "LG DACOM Corporation", "KR", "isp", ["106.240.0.0/12"], [], 0, w=1.5)
net("kaist", 1781, "Korea Advanced Institute of Science and Technology", "KR", "edu", ["143.248.0.0/16"], [], 0,
    locs=[("KR", "Daejeon", 1)])
net("singtel", 3758, "SingNet", "SG", "isp", ["116.14.0.0/15"], [], 0, w=2)
net("starhub", 4657, "StarHub Ltd", "SG", "isp", ["118.200.0.0/13"], [], 0, w=1.5)
net("m1_sg", 4773, "MobileOne Ltd. Mobile/Internet Service Provider Singapore", "SG", "mobile", ["111.65.0.0/17"], [],
    0, cgnat=True, w=1)
net("nus", 7472, "National University of Singapore", "SG", "edu", ["137.132.0.0/16"], [], 0,
    locs=[("SG", "Singapore", 1)])
net("tm_my", 4788, "TM TECHNOLOGY SERVICES SDN. BHD.", "MY", "isp", ["175.136.0.0/13"], ["2001:e68::/32"], 0.4, w=3)
net("maxis", 9534, "Binariang Berhad", "MY", "mobile", ["115.164.0.0/14"], [], 0, cgnat=True, w=1.5, cityq=0.4)
net("indihome", 7713, "PT Telekomunikasi Indonesia", "ID", "isp", ["36.64.0.0/11", "180.244.0.0/14"],
    ["2001:448a::/32"], 0.3, w=3, cgnat=True, cityq=0.6)
net("telkomsel", 23693, "PT. Telekomunikasi Selular", "ID", "mobile", ["114.120.0.0/13"], ["2400:9800::/32"], 0.4,
    cgnat=True, w=4, cityq=0.3, capital_bias=0.5)
net("xl", 24203, "PT XL Axiata", "ID", "mobile", ["112.215.0.0/16"], [], 0, cgnat=True, w=2, cityq=0.3,
    capital_bias=0.6)
net("indosat", 4761, "INDOSAT-INP-AP INDOSAT Internet Network Provider", "ID", "mobile", ["114.4.0.0/14"], [], 0,
    cgnat=True, w=1.5, cityq=0.3)
net("biznet", 17451, "BIZNET NETWORKS", "ID", "isp", ["182.253.0.0/16"], [], 0, w=1)
net("itb", 4796, "Institut Teknologi Bandung", "ID", "edu", ["167.205.0.0/16"], [], 0, locs=[("ID", "Bandung", 1)])
net("viettel", 7552, "Viettel Group", "VN", "isp", ["27.64.0.0/12", "116.96.0.0/12"], ["2402:800::/32"], 0.5, w=4,
    cgnat=True, cityq=0.6)
net("viettel_m", 7552, "Viettel Group", "VN", "mobile", ["171.224.0.0/11"], [], 0, cgnat=True, w=3, cityq=0.3,
    capital_bias=0.5)
net("vnpt", 45899, "VNPT Corp", "VN", "isp", ["113.160.0.0/12", "14.160.0.0/11"], ["2001:ee0::/32"], 0.4, w=3,
    cgnat=True, cityq=0.6)
net("vinaphone", 45899, "VNPT Corp", "VN", "mobile", ["113.185.0.0/16"], [], 0, cgnat=True, w=1.5, cityq=0.3)
net("fpt", 18403, "FPT Telecom Company", "VN", "isp", ["42.112.0.0/13", "1.52.0.0/14"], ["2405:4800::/32"], 0.5, w=3,
    cgnat=True, cityq=0.6)
net("pldt", 9299, "Philippine Long Distance Telephone Company", "PH", "isp", ["49.144.0.0/13"], [], 0, w=3, cgnat=True)
net("globe", 4775, "Globe Telecoms", "PH", "mobile", ["120.28.0.0/15", "112.206.0.0/15"], [], 0, cgnat=True, w=2,
    cityq=0.3, capital_bias=0.6)
net("smart", 10139, "Smart Broadband, Inc.", "PH", "mobile", ["112.198.0.0/16"], [], 0, cgnat=True, w=1.5, cityq=0.3)
net("converge", 17639, "Converge ICT Solutions Inc.", "PH", "isp", ["180.190.0.0/15"], [], 0, w=2, cgnat=True)
net("true_th", 7470, "TRUE INTERNET Co.,Ltd.", "TH", "isp", ["58.8.0.0/14", "171.96.0.0/13"], [], 0, w=2)
net("3bb", 45758, "Triple T Broadband Public Company Limited", "TH", "isp", ["184.22.0.0/15"], [], 0, w=1.5)
net("ais", 131445, "Advanced Wireless Network Company Limited", "TH", "mobile", ["49.228.0.0/14"], [], 0, cgnat=True,
    w=1.5, cityq=0.3)
# --- Oceania / Africa
net("telstra", 1221, "Telstra Limited", "AU", "isp", ["1.128.0.0/11", "101.160.0.0/11"], ["2001:8003::/32"], 0.5, w=3)
net("optus", 4804, "Optus Internet Pty Ltd", "AU", "isp", ["49.176.0.0/12"], [], 0, w=2)
net("tpg", 7545, "TPG Telecom Limited", "AU", "isp", ["110.174.0.0/15", "60.240.0.0/13"], [], 0, w=2)
net("mtn_ng", 29465, "MTN NIGERIA Communication limited", "NG", "mobile", ["102.89.0.0/16", "197.210.0.0/16"], [], 0,
    cgnat=True, w=4, cityq=0.3, capital_bias=0.5)
net("airtel_ng", 36873, "Airtel Networks Limited", "NG", "mobile", ["105.112.0.0/12"], [], 0, cgnat=True, w=3,
    cityq=0.3, capital_bias=0.6)
net("glo", 37148, "Globacom Limited", "NG", "mobile", ["197.211.0.0/16"], [], 0, cgnat=True, w=1, cityq=0.3)
net("spectranet", 37340, "Spectranet Limited", "NG", "isp", ["102.88.0.0/16"], [], 0, w=1, cgnat=True)
net("zuku", 15808, "Wananchi Group (Kenya) Limited", "KE", "isp", ["197.237.0.0/16"], [], 0, w=1, cgnat=True)
net("safaricom", 33771, "Safaricom Limited", "KE", "mobile", ["105.160.0.0/12", "41.90.0.0/15"], [], 0, cgnat=True,
    w=3, cityq=0.4, capital_bias=0.6)
net("tedata", 8452, "TE Data", "EG", "isp", ["41.32.0.0/12", "197.32.0.0/13"], [], 0, w=3, cgnat=True)
net("vodafone_eg", 24835, "Vodafone Data", "EG", "mobile", ["41.68.0.0/14"], [], 0, cgnat=True, w=1.5, cityq=0.3)
net("vodacom", 29975, "Vodacom Pty Ltd", "ZA", "mobile", ["41.112.0.0/14"], [], 0, cgnat=True, w=1.5, cityq=0.3)
net("telkom_za", 37457, "Telkom SA Ltd.", "ZA", "isp", ["41.144.0.0/14"], [], 0, w=1.5)

# --- Enterprise security edges (corporate users look like hosting here)
_Z = [("US", "San Jose", 2), ("US", "New York", 2), ("US", "Chicago", 1.5), ("US", "Dallas", 1.2),
      ("US", "Atlanta", 1), ("US", "Washington", 1), ("US", "Seattle", 0.8), ("GB", "London", 1.5),
      ("DE", "Frankfurt am Main", 1.2), ("FR", "Paris", 0.8), ("NL", "Amsterdam", 0.7), ("IN", "Mumbai", 1),
      ("IN", "Chennai", 0.8), ("IN", "Bengaluru", 0.8), ("BR", "Sao Paulo", 0.6), ("SG", "Singapore", 0.7),
      ("JP", "Tokyo", 0.6), ("CA", "Toronto", 0.6), ("AU", "Sydney", 0.4), ("ES", "Madrid", 0.3),
      ("IT", "Milan", 0.3), ("CH", "Zurich", 0.3), ("PL", "Warsaw", 0.2), ("IL", "Tel Aviv", 0.2)]
net("zscaler", 62044, "ZSCALER-INC", None, "secedge", ["165.225.0.0/17", "136.226.0.0/16", "147.161.128.0/17"], [], 0,
    locs=_Z, cityq=0.9)
net("netskope", 55256, "NETSKOPE", None, "secedge", ["163.116.128.0/17"], [], 0,
    locs=[("US", "San Jose", 1), ("US", "New York", 1), ("US", "Chicago", 0.6), ("GB", "London", 0.8),
          ("DE", "Frankfurt am Main", 0.5), ("IN", "Mumbai", 0.5), ("JP", "Tokyo", 0.3), ("SG", "Singapore", 0.3)])
net("cisco", 109, "CISCOSYSTEMS", None, "corp", ["72.163.0.0/16", "173.36.0.0/14"], [], 0,
    locs=[("US", "San Jose", 3), ("US", "Raleigh", 1.5), ("IN", "Bengaluru", 1), ("GB", "London", 0.5)])
net("ms_corp", 8075, "MICROSOFT-CORP-MSN-AS-BLOCK", None, "corp", ["131.107.0.0/16"], [], 0,
    locs=[("US", "Seattle", 3), ("IN", "Hyderabad", 1), ("GB", "London", 0.4)])
# --- Clouds / hosting
net("aws", 16509, "AMAZON-02", None, "cloud", ["3.0.0.0/9", "18.144.0.0/12", "52.0.0.0/11", "54.64.0.0/11"],
    ["2600:1f00::/24"], 0.15,
    locs=[("US", "Ashburn", 5), ("US", "Boardman", 3), ("US", "Columbus", 1.5), ("US", "San Jose", 1),
          ("DE", "Frankfurt am Main", 1.5), ("IE", "Dublin", 1.5), ("IN", "Mumbai", 1.2), ("SG", "Singapore", 1),
          ("JP", "Tokyo", 1), ("BR", "Sao Paulo", 0.6), ("GB", "London", 0.7), ("AU", "Sydney", 0.4),
          ("KR", "Seoul", 0.4), ("CA", "Montreal", 0.4)], cityq=0.8)
net("aws_aes", 14618, "AMAZON-AES", None, "cloud", ["34.192.0.0/10"], [], 0, locs=[("US", "Ashburn", 1)], cityq=0.9)
net("gcp", 396982, "GOOGLE-CLOUD-PLATFORM", None, "cloud", ["34.64.0.0/10", "35.184.0.0/13"], ["2600:1900::/28"], 0.1,
    locs=[("US", "Council Bluffs", 4), ("US", "The Dalles", 2), ("US", "Ashburn", 1), ("US", "Los Angeles", 0.6),
          ("NL", "Eindhoven", 1), ("DE", "Frankfurt am Main", 0.8), ("GB", "London", 0.7), ("IN", "Mumbai", 0.8),
          ("SG", "Singapore", 0.7), ("JP", "Tokyo", 0.7), ("BR", "Sao Paulo", 0.4), ("FI", "Helsinki", 0.5),
          ("TW", "Taipei", 0.4)], cityq=0.6)
net("azure", 8075, "MICROSOFT-CORP-MSN-AS-BLOCK", None, "cloud", ["20.32.0.0/11", "40.64.0.0/10"],
    ["2603:1000::/24"], 0.1,
    locs=[("US", "Washington", 3), ("US", "San Jose", 1), ("US", "Chicago", 1), ("NL", "Amsterdam", 1.5), ("IE", "Dublin", 1.5), ("IN", "Pune", 0.8), ("SG", "Singapore", 0.7),
          ("JP", "Tokyo", 0.5), ("GB", "London", 0.7), ("BR", "Sao Paulo", 0.3)], cityq=0.5)
net("digitalocean", 14061, "DIGITALOCEAN-ASN", None, "cloud",
    ["159.65.0.0/16", "164.90.0.0/16", "167.99.0.0/16", "134.209.0.0/16"], ["2604:a880::/32"], 0.2,
    locs=[("US", "Clifton", 3), ("US", "Santa Clara", 2), ("NL", "Amsterdam", 2), ("DE", "Frankfurt am Main", 2),
          ("GB", "London", 1.5), ("IN", "Bengaluru", 1.2), ("SG", "Singapore", 1.5), ("CA", "Toronto", 1)])
net("hetzner", 24940, "Hetzner Online GmbH", None, "cloud",
    ["88.198.0.0/16", "95.216.0.0/16", "65.108.0.0/15", "5.161.0.0/16"], ["2a01:4f8::/32", "2a01:4f9::/32"], 0.3,
    locs=[("DE", "Falkenstein", 3), ("DE", "Nuremberg", 2), ("FI", "Tuusula", 2), ("US", "Ashburn", 1),
          ("US", "Hillsboro", 0.7)])
net("ovh", 16276, "OVH SAS", None, "cloud", ["51.68.0.0/16", "54.36.0.0/16", "147.135.0.0/16"], ["2001:41d0::/32"],
    0.3, locs=[("FR", "Roubaix", 3), ("FR", "Gravelines", 2), ("CA", "Beauharnois", 1.5), ("DE", "Frankfurt am Main", 1),
               ("GB", "London", 0.7), ("PL", "Warsaw", 0.7), ("SG", "Singapore", 0.6), ("US", "Ashburn", 0.5)],
    reg="FR")
net("vultr", 20473, "AS-CHOOPA", None, "cloud", ["45.76.0.0/15", "149.28.0.0/16", "45.32.0.0/16"], ["2001:19f0::/32"],
    0.25, locs=[("US", "Piscataway", 2), ("US", "Los Angeles", 1.5), ("US", "Dallas", 1), ("JP", "Tokyo", 1.5),
                ("SG", "Singapore", 1.5), ("NL", "Amsterdam", 1), ("DE", "Frankfurt am Main", 1), ("KR", "Seoul", 0.6),
                ("GB", "London", 0.6)])
net("linode", 63949, "Akamai Connected Cloud", None, "cloud", ["172.104.0.0/15", "139.162.0.0/16", "45.79.0.0/16"],
    ["2600:3c00::/24"], 0.2,
    locs=[("US", "Clifton", 1.5), ("US", "Dallas", 1), ("US", "San Jose", 1), ("DE", "Frankfurt am Main", 1),
          ("JP", "Tokyo", 1), ("SG", "Singapore", 1), ("GB", "London", 0.7), ("IN", "Mumbai", 0.5)])
net("contabo", 51167, "Contabo GmbH", None, "cloud", ["161.97.0.0/16", "167.86.0.0/16", "5.189.128.0/17"],
    ["2a02:c207::/32"], 0.2,
    locs=[("DE", "Nuremberg", 3), ("DE", "Munich", 1), ("US", "St Louis", 1), ("SG", "Singapore", 0.6)])
net("oracle", 31898, "ORACLE-BMC-31898", None, "cloud", ["129.146.0.0/16", "140.238.0.0/16", "150.136.0.0/16"], [], 0,
    locs=[("US", "Phoenix", 1), ("US", "Ashburn", 1), ("US", "San Jose", 0.6), ("JP", "Tokyo", 0.8),
          ("SG", "Singapore", 0.6), ("DE", "Frankfurt am Main", 0.6), ("KR", "Seoul", 0.5)])
net("alibaba", 45102, "Alibaba US Technology Co., Ltd.", None, "cloud", ["47.88.0.0/14", "47.74.0.0/15"], [], 0,
    locs=[("US", "San Jose", 1.5), ("SG", "Singapore", 2), ("JP", "Tokyo", 2), ("HK", "Hong Kong", 2),
          ("DE", "Frankfurt am Main", 0.5)], reg="SG")
net("tencent", 132203, "Tencent Building, Kejizhongyi Avenue", None, "cloud", ["43.128.0.0/14"], [], 0,
    locs=[("HK", "Hong Kong", 2), ("SG", "Singapore", 1.5), ("JP", "Tokyo", 1.5), ("US", "San Jose", 1),
          ("KR", "Seoul", 0.5)])
net("it7", 25820, "IT7NET", None, "cloud", ["104.225.128.0/18"], [], 0, locs=[("US", "Los Angeles", 3), ("CA", "Vancouver", 0.5)])
net("dmit", 906, "DMIT Cloud Services", None, "cloud", ["154.17.0.0/18"], [], 0,
    locs=[("US", "Los Angeles", 2), ("HK", "Hong Kong", 1.5), ("JP", "Tokyo", 1)])
net("aeza", 210644, "Aeza International Ltd", None, "cloud", ["77.221.128.0/17"], [], 0,
    locs=[("DE", "Frankfurt am Main", 1.5), ("SE", "Stockholm", 1), ("NL", "Amsterdam", 1), ("FI", "Helsinki", 0.5)],
    reg="GB")
net("stark", 44477, "STARK INDUSTRIES SOLUTIONS LTD", None, "cloud", ["45.138.16.0/22", "185.234.216.0/21"], [], 0,
    locs=[("NL", "Amsterdam", 1.5), ("DE", "Frankfurt am Main", 1), ("US", "New York", 0.6), ("GB", "London", 0.5)],
    reg="GB")
net("timeweb", 9123, "TimeWeb Ltd.", None, "cloud", ["89.223.64.0/18"], [], 0,
    locs=[("RU", "Saint Petersburg", 2), ("NL", "Amsterdam", 1)], reg="RU")
net("leaseweb", 60781, "LeaseWeb Netherlands B.V.", None, "cloud", ["5.79.64.0/18", "37.48.64.0/18"], [], 0,
    locs=[("NL", "Amsterdam", 2)])
net("leaseweb_us", 7203, "LEASEWEB-USA-SFO", None, "cloud", ["23.81.64.0/20", "23.108.0.0/18"], [], 0,
    locs=[("US", "San Jose", 1), ("US", "Washington", 1), ("US", "Dallas", 0.5)])
net("hostkey", 57043, "HOSTKEY B.V.", None, "cloud", ["5.39.216.0/21", "46.17.96.0/21"], [], 0,
    locs=[("NL", "Amsterdam", 1), ("FI", "Helsinki", 0.4), ("US", "New York", 0.4)])
# --- Commercial VPN exits
_VPNLOC = [("US", "New York", 3), ("US", "Los Angeles", 2), ("US", "Chicago", 1.5), ("US", "Dallas", 1.2),
           ("US", "Miami", 1), ("US", "Seattle", 1), ("US", "Atlanta", 1), ("US", "Washington", 0.8),
           ("GB", "London", 2.5), ("DE", "Frankfurt am Main", 2), ("NL", "Amsterdam", 2), ("FR", "Paris", 1),
           ("ES", "Madrid", 0.6), ("IT", "Milan", 0.5), ("CH", "Zurich", 0.6), ("SE", "Stockholm", 0.5),
           ("RO", "Bucharest", 0.5), ("PL", "Warsaw", 0.4), ("JP", "Tokyo", 1), ("SG", "Singapore", 1.2),
           ("CA", "Toronto", 0.8), ("AU", "Sydney", 0.6), ("BR", "Sao Paulo", 0.4), ("HK", "Hong Kong", 0.4),
           ("IN", "Mumbai", 0.3), ("MX", "Mexico City", 0.3), ("TR", "Istanbul", 0.3)]
net("m247", 9009, "M247 Europe SRL", None, "vpn", ["37.120.128.0/17", "185.156.172.0/22", "146.70.0.0/16"],
    ["2a0d:5600::/29"], 0.2, locs=_VPNLOC, reg="RO", cityq=0.9)
net("datacamp", 60068, "Datacamp Limited", None, "vpn", ["89.187.160.0/19", "143.244.32.0/19", "138.199.0.0/17"],
    ["2a02:6ea0::/29"], 0.25, locs=_VPNLOC, reg="GB", cityq=0.9)
net("proton", 62371, "Proton AG", None, "vpn", ["185.159.156.0/22", "79.135.104.0/21"], ["2a07:b944::/32"], 0.3,
    locs=[("CH", "Zurich", 2), ("NL", "Amsterdam", 2), ("US", "New York", 1.5), ("JP", "Tokyo", 1),
          ("DE", "Frankfurt am Main", 0.5)], reg="CH")
net("mullvad", 39351, "31173 Services AB", None, "vpn", ["193.138.218.0/24", "185.65.134.0/23"], ["2a03:1b20::/32"], 0.4,
    locs=[("SE", "Stockholm", 3), ("SE", "Malmo", 1), ("DE", "Frankfurt am Main", 0.5)], reg="SE")
net("packethub", 147049, "PacketHub S.A.", None, "vpn", ["103.107.196.0/22", "45.248.76.0/22"], [], 0,
    locs=[("SG", "Singapore", 1), ("IN", "Mumbai", 1), ("US", "New York", 0.7), ("JP", "Tokyo", 0.5),
          ("AE", "Dubai", 0.4)], reg="PA")
net("tefincom", 136787, "TEFINCOM S.A.", None, "vpn", ["45.87.212.0/22", "194.127.164.0/22"], [], 0,
    locs=[("US", "Los Angeles", 1), ("US", "New York", 1), ("GB", "London", 0.5), ("CA", "Toronto", 0.4)], reg="PA")
net("clouvider", 62240, "Clouvider Limited", None, "vpn", ["45.134.140.0/22", "185.245.80.0/22"], [], 0,
    locs=[("GB", "London", 1), ("US", "New York", 1), ("US", "Los Angeles", 0.7), ("DE", "Frankfurt am Main", 0.5)],
    reg="GB")
# --- Tor
net("tor_sef", 60729, "Stiftung Erneuerbare Freiheit", None, "tor", ["185.220.100.0/22"], ["2a0b:f4c2::/40"], 0.2,
    locs=[("DE", "Berlin", 1)])
net("tor_fap", 208323, "Foundation for Applied Privacy", None, "tor", ["109.70.100.0/24"], [], 0,
    locs=[("AT", "Vienna", 1)])
net("tor_eo", 396507, "EMERALD-ONION", None, "tor", ["23.129.64.0/24"], [], 0, locs=[("US", "Seattle", 1)])
# --- Privacy relays / WARP: geolocated per country of the user, coarse
_RELAY = [(cc, None, w) for cc, w in [("US", 8), ("GB", 2), ("DE", 2), ("FR", 1.2), ("CA", 1.2), ("AU", 0.8),
                                      ("JP", 1), ("NL", 0.6), ("ES", 0.5), ("IT", 0.5), ("BR", 0.5), ("IN", 0.8),
                                      ("SG", 0.3), ("CH", 0.3), ("SE", 0.3), ("MX", 0.3), ("KR", 0.3), ("IE", 0.2),
                                      ("PL", 0.2), ("TW", 0.2), ("IL", 0.2), ("AE", 0.2), ("HK", 0.2)]]
net("relay_akamai", 36183, "AKAMAI-AS", None, "relay", ["172.224.0.0/12"], ["2a02:26f7::/32"], 0.6, locs=_RELAY,
    cityq=0.5)
net("relay_fastly", 54113, "FASTLY", None, "relay", ["146.75.160.0/19"], ["2a04:4e41::/32"], 0.6, locs=_RELAY, cityq=0.4)
net("cloudflare", 13335, "CLOUDFLARENET", None, "relay", ["104.28.0.0/16"], ["2a09:bac0::/29"], 0.5, locs=_RELAY,
    cityq=0.5)

# Default email domains per country for personal email: (domain, weight)
MAILDOM = {
    "_": [("gmail.com", 70), ("outlook.com", 8), ("hotmail.com", 5), ("yahoo.com", 5), ("icloud.com", 4),
          ("proton.me", 2), ("protonmail.com", 1)],
    "US": [("gmail.com", 66), ("outlook.com", 6), ("hotmail.com", 4), ("yahoo.com", 7), ("icloud.com", 9),
           ("proton.me", 2), ("aol.com", 1), ("me.com", 1), ("protonmail.com", 1)],
    "IN": [("gmail.com", 90), ("yahoo.com", 2), ("yahoo.co.in", 2), ("outlook.com", 3), ("rediffmail.com", 1),
           ("hotmail.com", 1)],
    "BR": [("gmail.com", 78), ("hotmail.com", 8), ("outlook.com", 5), ("yahoo.com.br", 3), ("icloud.com", 2),
           ("uol.com.br", 1), ("bol.com.br", 1)],
    "DE": [("gmail.com", 50), ("gmx.de", 14), ("web.de", 12), ("t-online.de", 4), ("outlook.de", 4),
           ("posteo.de", 3), ("proton.me", 3), ("icloud.com", 4), ("mailbox.org", 2)],
    "AT": [("gmail.com", 55), ("gmx.at", 15), ("gmx.net", 8), ("outlook.com", 6), ("icloud.com", 4)],
    "CH": [("gmail.com", 55), ("bluewin.ch", 10), ("gmx.ch", 6), ("proton.me", 6), ("icloud.com", 6)],
    "FR": [("gmail.com", 62), ("orange.fr", 6), ("free.fr", 5), ("hotmail.fr", 6), ("outlook.fr", 3),
           ("laposte.net", 3), ("yahoo.fr", 3), ("icloud.com", 4)],
    "GB": [("gmail.com", 60), ("hotmail.co.uk", 6), ("outlook.com", 6), ("icloud.com", 8), ("yahoo.co.uk", 4),
           ("btinternet.com", 2), ("proton.me", 2), ("live.co.uk", 1)],
    "ES": [("gmail.com", 75), ("hotmail.com", 10), ("outlook.es", 4), ("yahoo.es", 3)],
    "IT": [("gmail.com", 70), ("hotmail.it", 6), ("libero.it", 6), ("outlook.it", 3), ("yahoo.it", 3), ("virgilio.it", 2)],
    "NL": [("gmail.com", 65), ("hotmail.com", 8), ("outlook.com", 6), ("ziggo.nl", 2), ("kpnmail.nl", 2), ("icloud.com", 4)],
    "PL": [("gmail.com", 65), ("wp.pl", 10), ("o2.pl", 7), ("onet.pl", 6), ("interia.pl", 5)],
    "RU": [("gmail.com", 35), ("yandex.ru", 30), ("mail.ru", 25), ("ya.ru", 4), ("rambler.ru", 2), ("proton.me", 2)],
    "BY": [("gmail.com", 40), ("yandex.by", 20), ("mail.ru", 25), ("tut.by", 5)],
    "UA": [("gmail.com", 75), ("ukr.net", 12), ("i.ua", 3), ("meta.ua", 2)],
    "CN": [("qq.com", 40), ("163.com", 22), ("126.com", 8), ("gmail.com", 18), ("outlook.com", 6), ("foxmail.com", 3),
           ("sina.com", 2)],
    "HK": [("gmail.com", 60), ("yahoo.com.hk", 10), ("hotmail.com", 10), ("outlook.com", 8), ("qq.com", 5)],
    "TW": [("gmail.com", 70), ("yahoo.com.tw", 12), ("hotmail.com", 6), ("outlook.com", 5)],
    "JP": [("gmail.com", 60), ("yahoo.co.jp", 15), ("icloud.com", 10), ("outlook.jp", 4), ("docomo.ne.jp", 1)],
    "KR": [("gmail.com", 50), ("naver.com", 35), ("daum.net", 6), ("kakao.com", 4), ("hanmail.net", 3)],
    "VN": [("gmail.com", 93), ("yahoo.com", 3), ("outlook.com", 2)],
    "ID": [("gmail.com", 90), ("yahoo.co.id", 3), ("yahoo.com", 3), ("outlook.com", 2)],
    "TR": [("gmail.com", 75), ("hotmail.com", 12), ("outlook.com", 5), ("yandex.com", 3)],
    "IR": [("gmail.com", 80), ("yahoo.com", 12), ("outlook.com", 4)],
    "MX": [("gmail.com", 65), ("hotmail.com", 18), ("outlook.com", 8), ("yahoo.com.mx", 4)],
}

DISPOSABLE = ["mailinator.com", "guerrillamail.com", "sharklasers.com", "10minutemail.com", "yopmail.com",
              "temp-mail.org", "tempmail.plus", "maildrop.cc", "dropmail.me", "getnada.com", "1secmail.com",
              "mohmal.com", "tmpmail.org", "emailnax.com", "inboxkitten.com", "trashmail.com", "mail.tm",
              "guerrillamailblock.com", "grr.la", "spam4.me"]
# fresh rotating domains of temp-mail services (not on common lists)
FRESH_TEMP = ["wireconnected.com", "fexbox.org", "rustyload.com", "ptct.net", "knmcadibav.com", "bmomento.com",
              "dygovil.com", "lyricspad.net", "ofanda.com", "qejjyl.com", "tmmbt.net", "vusra.com", "zeroe.ml",
              "cpav3.com", "bbitq.com", "nthrl.com", "mailto.plus", "fextemp.com", "merepost.com", "docsmail.xyz",
              "logsmarter.net", "nzaif.com", "pelagius.net", "bltiwd.com", "hldrive.com", "xkxkud.com"]
RELAY_DOMAINS = [("privaterelay.appleid.com", 6), ("duck.com", 2), ("mozmail.com", 1.5), ("simplelogin.com", 0.7),
                 ("aleeas.com", 0.4), ("passmail.net", 0.6), ("anonaddy.me", 0.3)]
