"""The invented internet of the Lumen world: countries, cities, ASNs, address
blocks, and the two MaxMind-shaped databases built from them."""
import hashlib
import ipaddress
import random

# ---------------------------------------------------------------- countries
# code: (name, continent, legit_weight, [cities (name, lat, lon, tz, weight)], langs, faker_locale_or_namegroup, [(email_domain, w)])
CONT = {"EU": "Europe", "NA": "North America", "AS": "Asia", "AF": "Africa", "SA": "South America", "OC": "Oceania"}
G = [("gmail.com", 60), ("outlook.com", 8), ("hotmail.com", 6), ("yahoo.com", 4), ("icloud.com", 3), ("proton.me", 1.5)]
COUNTRIES = {
 "US": ("United States", "NA", 13, [("New York", 40.71, -74.01, "America/New_York", 5), ("San Francisco", 37.77, -122.42, "America/Los_Angeles", 4), ("Seattle", 47.61, -122.33, "America/Los_Angeles", 2), ("Austin", 30.27, -97.74, "America/Chicago", 2), ("Chicago", 41.88, -87.63, "America/Chicago", 2), ("Boston", 42.36, -71.06, "America/New_York", 2), ("Denver", 39.74, -104.99, "America/Denver", 1), ("Atlanta", 33.75, -84.39, "America/New_York", 1.5), ("Los Angeles", 34.05, -118.24, "America/Los_Angeles", 2.5)], ["en-US"], "en_US", G + [("icloud.com", 5), ("aol.com", 0.5)]),
 "CA": ("Canada", "NA", 2.5, [("Toronto", 43.65, -79.38, "America/Toronto", 4), ("Montreal", 45.50, -73.57, "America/Toronto", 2), ("Vancouver", 49.28, -123.12, "America/Vancouver", 2), ("Calgary", 51.05, -114.07, "America/Edmonton", 1)], ["en-CA", "fr-CA"], "en_CA", G),
 "GB": ("United Kingdom", "EU", 5, [("London", 51.51, -0.13, "Europe/London", 5), ("Manchester", 53.48, -2.24, "Europe/London", 1.5), ("Edinburgh", 55.95, -3.19, "Europe/London", 1), ("Cambridge", 52.21, 0.12, "Europe/London", 0.8), ("Bristol", 51.45, -2.59, "Europe/London", 0.8)], ["en-GB"], "en_GB", G + [("btinternet.com", 1), ("sky.com", 0.5)]),
 "IE": ("Ireland", "EU", 0.6, [("Dublin", 53.35, -6.26, "Europe/Dublin", 3), ("Cork", 51.90, -8.47, "Europe/Dublin", 1)], ["en-IE"], "en_IE", G),
 "DE": ("Germany", "EU", 6, [("Berlin", 52.52, 13.40, "Europe/Berlin", 4), ("Munich", 48.14, 11.58, "Europe/Berlin", 3), ("Hamburg", 53.55, 9.99, "Europe/Berlin", 2), ("Cologne", 50.94, 6.96, "Europe/Berlin", 1.5), ("Frankfurt am Main", 50.11, 8.68, "Europe/Berlin", 1.5), ("Karlsruhe", 49.01, 8.40, "Europe/Berlin", 0.7)], ["de-DE"], "de_DE", G + [("gmx.de", 10), ("web.de", 10), ("t-online.de", 4), ("posteo.de", 1)]),
 "AT": ("Austria", "EU", 1, [("Vienna", 48.21, 16.37, "Europe/Vienna", 3), ("Graz", 47.07, 15.44, "Europe/Vienna", 1)], ["de-AT"], "de_AT", G + [("gmx.at", 5)]),
 "CH": ("Switzerland", "EU", 1, [("Zurich", 47.37, 8.54, "Europe/Zurich", 3), ("Geneva", 46.20, 6.14, "Europe/Zurich", 1.5), ("Lausanne", 46.52, 6.63, "Europe/Zurich", 1)], ["de-CH", "fr-CH"], "de_CH", G + [("bluewin.ch", 3), ("gmx.ch", 2)]),
 "FR": ("France", "EU", 4, [("Paris", 48.86, 2.35, "Europe/Paris", 5), ("Lyon", 45.76, 4.84, "Europe/Paris", 1.5), ("Toulouse", 43.60, 1.44, "Europe/Paris", 1), ("Grenoble", 45.19, 5.72, "Europe/Paris", 0.6), ("Lille", 50.63, 3.06, "Europe/Paris", 0.8)], ["fr-FR"], "fr_FR", G + [("orange.fr", 5), ("free.fr", 4), ("laposte.net", 3), ("sfr.fr", 2), ("yopmail.com", 0.3)]),
 "BE": ("Belgium", "EU", 1, [("Brussels", 50.85, 4.35, "Europe/Brussels", 2), ("Ghent", 51.05, 3.72, "Europe/Brussels", 1), ("Leuven", 50.88, 4.70, "Europe/Brussels", 0.8)], ["nl-BE", "fr-BE"], "nl_BE", G + [("telenet.be", 3), ("skynet.be", 1)]),
 "NL": ("Netherlands", "EU", 2, [("Amsterdam", 52.37, 4.90, "Europe/Amsterdam", 3), ("Rotterdam", 51.92, 4.48, "Europe/Amsterdam", 1.5), ("Delft", 52.01, 4.36, "Europe/Amsterdam", 0.8), ("Utrecht", 52.09, 5.12, "Europe/Amsterdam", 1), ("Eindhoven", 51.44, 5.47, "Europe/Amsterdam", 0.8)], ["nl-NL"], "nl_NL", G + [("ziggo.nl", 2), ("kpnmail.nl", 1)]),
 "ES": ("Spain", "EU", 2.5, [("Madrid", 40.42, -3.70, "Europe/Madrid", 3), ("Barcelona", 41.39, 2.17, "Europe/Madrid", 3), ("Valencia", 39.47, -0.38, "Europe/Madrid", 1), ("Seville", 37.39, -5.98, "Europe/Madrid", 0.8)], ["es-ES", "ca-ES"], "es_ES", G),
 "PT": ("Portugal", "EU", 1, [("Lisbon", 38.72, -9.14, "Europe/Lisbon", 2), ("Porto", 41.15, -8.61, "Europe/Lisbon", 1.5)], ["pt-PT"], "pt_PT", G + [("sapo.pt", 3)]),
 "IT": ("Italy", "EU", 2.5, [("Milan", 45.46, 9.19, "Europe/Rome", 3), ("Rome", 41.90, 12.50, "Europe/Rome", 2.5), ("Turin", 45.07, 7.69, "Europe/Rome", 1), ("Bologna", 44.49, 11.34, "Europe/Rome", 1), ("Naples", 40.85, 14.27, "Europe/Rome", 1)], ["it-IT"], "it_IT", G + [("libero.it", 5), ("virgilio.it", 2), ("alice.it", 1)]),
 "SE": ("Sweden", "EU", 1, [("Stockholm", 59.33, 18.07, "Europe/Stockholm", 3), ("Gothenburg", 57.71, 11.97, "Europe/Stockholm", 1)], ["sv-SE"], "sv_SE", G),
 "FI": ("Finland", "EU", 0.6, [("Helsinki", 60.17, 24.94, "Europe/Helsinki", 3), ("Tampere", 61.50, 23.76, "Europe/Helsinki", 1)], ["fi-FI"], "fi_FI", G),
 "PL": ("Poland", "EU", 6, [("Warsaw", 52.23, 21.01, "Europe/Warsaw", 4), ("Krakow", 50.06, 19.94, "Europe/Warsaw", 3), ("Wroclaw", 51.11, 17.04, "Europe/Warsaw", 2), ("Gdansk", 54.35, 18.65, "Europe/Warsaw", 1.5), ("Poznan", 52.41, 16.93, "Europe/Warsaw", 1.5), ("Lodz", 51.76, 19.46, "Europe/Warsaw", 1)], ["pl-PL"], "pl_PL", G + [("wp.pl", 8), ("o2.pl", 5), ("interia.pl", 5), ("onet.pl", 4), ("gazeta.pl", 1)]),
 "CZ": ("Czechia", "EU", 2.5, [("Prague", 50.08, 14.44, "Europe/Prague", 3), ("Brno", 49.20, 16.61, "Europe/Prague", 1.5), ("Ostrava", 49.82, 18.26, "Europe/Prague", 0.7)], ["cs-CZ"], "cs_CZ", G + [("seznam.cz", 20), ("email.cz", 6), ("centrum.cz", 3)]),
 "SK": ("Slovakia", "EU", 1, [("Bratislava", 48.15, 17.11, "Europe/Bratislava", 2), ("Kosice", 48.72, 21.26, "Europe/Bratislava", 1)], ["sk-SK"], "sk_SK", G + [("azet.sk", 5), ("centrum.sk", 3)]),
 "HU": ("Hungary", "EU", 1.8, [("Budapest", 47.50, 19.04, "Europe/Budapest", 4), ("Debrecen", 47.53, 21.63, "Europe/Budapest", 1), ("Szeged", 46.25, 20.15, "Europe/Budapest", 0.7)], ["hu-HU"], "hu_HU", G + [("freemail.hu", 6), ("citromail.hu", 2)]),
 "RO": ("Romania", "EU", 3, [("Bucharest", 44.43, 26.10, "Europe/Bucharest", 4), ("Cluj-Napoca", 46.77, 23.59, "Europe/Bucharest", 2), ("Iasi", 47.16, 27.59, "Europe/Bucharest", 1.2), ("Timisoara", 45.75, 21.23, "Europe/Bucharest", 1)], ["ro-RO"], "ro_RO", G + [("yahoo.ro", 5)]),
 "BG": ("Bulgaria", "EU", 1.5, [("Sofia", 42.70, 23.32, "Europe/Sofia", 3), ("Plovdiv", 42.14, 24.75, "Europe/Sofia", 1), ("Varna", 43.21, 27.91, "Europe/Sofia", 0.8)], ["bg-BG"], "bg", G + [("abv.bg", 15), ("mail.bg", 3)]),
 "GR": ("Greece", "EU", 1.2, [("Athens", 37.98, 23.73, "Europe/Athens", 3), ("Thessaloniki", 40.64, 22.94, "Europe/Athens", 1.5)], ["el-GR"], "el", G),
 "RS": ("Serbia", "EU", 1.2, [("Belgrade", 44.79, 20.45, "Europe/Belgrade", 3), ("Novi Sad", 45.27, 19.83, "Europe/Belgrade", 1.2)], ["sr-RS", "sr-Latn-RS"], "sr", G),
 "HR": ("Croatia", "EU", 0.8, [("Zagreb", 45.81, 15.98, "Europe/Zagreb", 3), ("Split", 43.51, 16.44, "Europe/Zagreb", 1)], ["hr-HR"], "hr_HR", G),
 "SI": ("Slovenia", "EU", 0.4, [("Ljubljana", 46.06, 14.51, "Europe/Ljubljana", 3), ("Maribor", 46.55, 15.65, "Europe/Ljubljana", 1)], ["sl-SI"], "sl_SI", G + [("siol.net", 2)]),
 "LT": ("Lithuania", "EU", 0.8, [("Vilnius", 54.69, 25.28, "Europe/Vilnius", 3), ("Kaunas", 54.90, 23.90, "Europe/Vilnius", 1.5)], ["lt-LT"], "lt_LT", G),
 "LV": ("Latvia", "EU", 0.5, [("Riga", 56.95, 24.11, "Europe/Riga", 3)], ["lv-LV", "ru-LV"], "lv_LV", G + [("inbox.lv", 5)]),
 "EE": ("Estonia", "EU", 0.5, [("Tallinn", 59.44, 24.75, "Europe/Tallinn", 3), ("Tartu", 58.38, 26.72, "Europe/Tallinn", 1)], ["et-EE"], "et_EE", G),
 "UA": ("Ukraine", "EU", 5, [("Kyiv", 50.45, 30.52, "Europe/Kyiv", 5), ("Lviv", 49.84, 24.03, "Europe/Kyiv", 2.5), ("Kharkiv", 49.99, 36.23, "Europe/Kyiv", 2), ("Dnipro", 48.46, 35.05, "Europe/Kyiv", 1.5), ("Odesa", 46.48, 30.72, "Europe/Kyiv", 1.5)], ["uk-UA", "ru-UA"], "ua", G + [("ukr.net", 12), ("i.ua", 3), ("meta.ua", 1)]),
 "MD": ("Moldova", "EU", 0.4, [("Chisinau", 47.01, 28.86, "Europe/Chisinau", 3)], ["ro-MD", "ru-MD"], "ro_RO", G + [("mail.ru", 3)]),
 "TR": ("Turkey", "AS", 8, [("Istanbul", 41.01, 28.98, "Europe/Istanbul", 6), ("Ankara", 39.93, 32.86, "Europe/Istanbul", 3), ("Izmir", 38.42, 27.14, "Europe/Istanbul", 2), ("Bursa", 40.19, 29.06, "Europe/Istanbul", 1), ("Antalya", 36.90, 30.70, "Europe/Istanbul", 0.8), ("Eskisehir", 39.78, 30.52, "Europe/Istanbul", 0.6)], ["tr-TR"], "tr_TR", G + [("hotmail.com", 15), ("yandex.com.tr", 2)]),
 "GE": ("Georgia", "AS", 1.5, [("Tbilisi", 41.72, 44.79, "Asia/Tbilisi", 4), ("Batumi", 41.64, 41.63, "Asia/Tbilisi", 1), ("Kutaisi", 42.27, 42.70, "Asia/Tbilisi", 0.6)], ["ka-GE", "ru-RU"], "ge", G + [("mail.ru", 2)]),
 "AM": ("Armenia", "AS", 1.5, [("Yerevan", 40.18, 44.51, "Asia/Yerevan", 5), ("Gyumri", 40.79, 43.85, "Asia/Yerevan", 0.7)], ["hy-AM", "ru-RU"], "am", G + [("mail.ru", 4), ("yandex.ru", 2)]),
 "AZ": ("Azerbaijan", "AS", 1.5, [("Baku", 40.41, 49.87, "Asia/Baku", 5), ("Ganja", 40.68, 46.36, "Asia/Baku", 0.7)], ["az-AZ", "ru-RU"], "az", G + [("mail.ru", 4)]),
 "KZ": ("Kazakhstan", "AS", 3, [("Almaty", 43.24, 76.89, "Asia/Almaty", 4), ("Astana", 51.17, 71.45, "Asia/Almaty", 3), ("Shymkent", 42.34, 69.59, "Asia/Almaty", 1), ("Karaganda", 49.80, 73.10, "Asia/Almaty", 0.8)], ["ru-RU", "kk-KZ"], "kz", G + [("mail.ru", 15), ("yandex.kz", 4), ("inbox.ru", 2), ("bk.ru", 2)]),
 "UZ": ("Uzbekistan", "AS", 2.5, [("Tashkent", 41.30, 69.24, "Asia/Tashkent", 5), ("Samarkand", 39.65, 66.96, "Asia/Samarkand", 1), ("Bukhara", 39.77, 64.42, "Asia/Samarkand", 0.5), ("Namangan", 41.00, 71.67, "Asia/Tashkent", 0.6)], ["ru-RU", "uz-UZ", "uz-Latn-UZ"], "uz", G + [("mail.ru", 12), ("yandex.ru", 3)]),
 "KG": ("Kyrgyzstan", "AS", 0.8, [("Bishkek", 42.87, 74.59, "Asia/Bishkek", 4), ("Osh", 40.53, 72.80, "Asia/Bishkek", 1)], ["ru-RU", "ky-KG"], "kz", G + [("mail.ru", 15)]),
 "TJ": ("Tajikistan", "AS", 0.3, [("Dushanbe", 38.56, 68.77, "Asia/Dushanbe", 4)], ["ru-RU", "tg-TJ"], "uz", G + [("mail.ru", 15)]),
 "EG": ("Egypt", "AF", 4, [("Cairo", 30.04, 31.24, "Africa/Cairo", 5), ("Alexandria", 31.20, 29.92, "Africa/Cairo", 2), ("Giza", 30.01, 31.21, "Africa/Cairo", 1.5), ("Mansoura", 31.04, 31.38, "Africa/Cairo", 0.7)], ["ar-EG", "en-US"], "ar", G + [("yahoo.com", 8)]),
 "MA": ("Morocco", "AF", 2, [("Casablanca", 33.57, -7.59, "Africa/Casablanca", 3), ("Rabat", 34.02, -6.83, "Africa/Casablanca", 1.5), ("Marrakesh", 31.63, -8.01, "Africa/Casablanca", 1), ("Fes", 34.03, -5.00, "Africa/Casablanca", 0.8)], ["fr-FR", "ar-MA"], "ar_fr", G),
 "TN": ("Tunisia", "AF", 1.2, [("Tunis", 36.81, 10.18, "Africa/Tunis", 3), ("Sfax", 34.74, 10.76, "Africa/Tunis", 1)], ["fr-FR", "ar-TN"], "ar_fr", G),
 "DZ": ("Algeria", "AF", 1.2, [("Algiers", 36.75, 3.06, "Africa/Algiers", 3), ("Oran", 35.70, -0.63, "Africa/Algiers", 1.5), ("Constantine", 36.37, 6.61, "Africa/Algiers", 1)], ["fr-FR", "ar-DZ"], "ar_fr", G),
 "JO": ("Jordan", "AS", 1, [("Amman", 31.95, 35.93, "Asia/Amman", 4), ("Irbid", 32.56, 35.85, "Asia/Amman", 1)], ["ar-JO", "en-US"], "ar", G),
 "LB": ("Lebanon", "AS", 0.5, [("Beirut", 33.89, 35.50, "Asia/Beirut", 4)], ["ar-LB", "fr-FR", "en-US"], "ar", G),
 "IL": ("Israel", "AS", 1.5, [("Tel Aviv", 32.09, 34.78, "Asia/Jerusalem", 4), ("Haifa", 32.79, 34.99, "Asia/Jerusalem", 1.5), ("Jerusalem", 31.77, 35.21, "Asia/Jerusalem", 1.5)], ["he-IL", "en-US"], "il", G + [("walla.co.il", 2)]),
 "AE": ("United Arab Emirates", "AS", 2, [("Dubai", 25.20, 55.27, "Asia/Dubai", 4), ("Abu Dhabi", 24.45, 54.38, "Asia/Dubai", 2), ("Sharjah", 25.35, 55.42, "Asia/Dubai", 0.8)], ["en-US", "ar-AE"], "ar", G),
 "SA": ("Saudi Arabia", "AS", 2, [("Riyadh", 24.71, 46.68, "Asia/Riyadh", 4), ("Jeddah", 21.49, 39.19, "Asia/Riyadh", 2.5), ("Dammam", 26.43, 50.10, "Asia/Riyadh", 1)], ["ar-SA", "en-US"], "ar", G),
 "QA": ("Qatar", "AS", 0.3, [("Doha", 25.29, 51.53, "Asia/Qatar", 4)], ["ar-QA", "en-US"], "ar", G),
 "IN": ("India", "AS", 3, [("Bengaluru", 12.97, 77.59, "Asia/Kolkata", 4), ("Mumbai", 19.08, 72.88, "Asia/Kolkata", 3), ("Delhi", 28.70, 77.10, "Asia/Kolkata", 3), ("Hyderabad", 17.39, 78.49, "Asia/Kolkata", 2), ("Pune", 18.52, 73.86, "Asia/Kolkata", 1.5), ("Chennai", 13.08, 80.27, "Asia/Kolkata", 1.5)], ["en-IN", "hi-IN"], "en_IN", G + [("rediffmail.com", 1)]),
 "PK": ("Pakistan", "AS", 1, [("Karachi", 24.86, 67.01, "Asia/Karachi", 3), ("Lahore", 31.55, 74.34, "Asia/Karachi", 2.5), ("Islamabad", 33.68, 73.05, "Asia/Karachi", 1.5)], ["en-US", "ur-PK"], "en_PK", G),
 "BD": ("Bangladesh", "AS", 0.6, [("Dhaka", 23.81, 90.41, "Asia/Dhaka", 5), ("Chittagong", 22.36, 91.78, "Asia/Dhaka", 1)], ["en-US", "bn-BD"], "en_BD", G),
 "VN": ("Vietnam", "AS", 0.6, [("Ho Chi Minh City", 10.82, 106.63, "Asia/Ho_Chi_Minh", 3), ("Hanoi", 21.03, 105.85, "Asia/Bangkok", 3)], ["vi-VN", "en-US"], "vi_VN", G),
 "ID": ("Indonesia", "AS", 0.5, [("Jakarta", -6.21, 106.85, "Asia/Jakarta", 4), ("Bandung", -6.92, 107.61, "Asia/Jakarta", 1)], ["id-ID", "en-US"], "id_ID", G),
 "PH": ("Philippines", "AS", 0.4, [("Manila", 14.60, 120.98, "Asia/Manila", 3), ("Cebu City", 10.32, 123.89, "Asia/Manila", 1)], ["en-PH", "fil-PH"], "en_PH", G),
 "NG": ("Nigeria", "AF", 0.6, [("Lagos", 6.52, 3.38, "Africa/Lagos", 4), ("Abuja", 9.08, 7.40, "Africa/Lagos", 1.5)], ["en-NG", "en-US"], "en_NG", G),
 "BR": ("Brazil", "SA", 1, [("Sao Paulo", -23.55, -46.63, "America/Sao_Paulo", 4), ("Rio de Janeiro", -22.91, -43.17, "America/Sao_Paulo", 2), ("Belo Horizonte", -19.92, -43.94, "America/Sao_Paulo", 1)], ["pt-BR"], "pt_BR", G + [("bol.com.br", 2)]),
 "SG": ("Singapore", "AS", 0.3, [("Singapore", 1.35, 103.82, "Asia/Singapore", 1)], ["en-SG"], "en_US", G),
 "JP": ("Japan", "AS", 0.2, [("Tokyo", 35.68, 139.69, "Asia/Tokyo", 3), ("Osaka", 34.69, 135.50, "Asia/Tokyo", 1)], ["ja-JP"], "en_US", G),
 "HK": ("Hong Kong", "AS", 0.0, [("Hong Kong", 22.32, 114.17, "Asia/Hong_Kong", 1)], ["zh-HK"], "cn", G),
 # unsupported by Lumen (sanctioned or policy-blocked): RU BY IR SY KP CU CN
 "RU": ("Russia", "EU", 0.0, [("Moscow", 55.76, 37.62, "Europe/Moscow", 5), ("Saint Petersburg", 59.93, 30.34, "Europe/Moscow", 3), ("Novosibirsk", 55.01, 82.93, "Asia/Novosibirsk", 1), ("Yekaterinburg", 56.84, 60.61, "Asia/Yekaterinburg", 1), ("Kazan", 55.79, 49.12, "Europe/Moscow", 1)], ["ru-RU"], "ru", [("yandex.ru", 25), ("mail.ru", 20), ("gmail.com", 25), ("rambler.ru", 3), ("bk.ru", 3)]),
 "BY": ("Belarus", "EU", 0.0, [("Minsk", 53.90, 27.57, "Europe/Minsk", 5)], ["ru-RU", "be-BY"], "ru", [("mail.ru", 15), ("yandex.by", 8), ("gmail.com", 25), ("tut.by", 3)]),
 "IR": ("Iran", "AS", 0.0, [("Tehran", 35.69, 51.39, "Asia/Tehran", 5), ("Isfahan", 32.65, 51.67, "Asia/Tehran", 1.5), ("Mashhad", 36.30, 59.61, "Asia/Tehran", 1)], ["fa-IR", "en-US"], "ir", [("gmail.com", 50), ("yahoo.com", 15), ("chmail.ir", 3)]),
 "CN": ("China", "AS", 0.0, [("Shanghai", 31.23, 121.47, "Asia/Shanghai", 3), ("Beijing", 39.90, 116.41, "Asia/Shanghai", 3), ("Shenzhen", 22.54, 114.06, "Asia/Shanghai", 3), ("Hangzhou", 30.27, 120.16, "Asia/Shanghai", 2)], ["zh-CN"], "cn", [("qq.com", 30), ("163.com", 20), ("126.com", 5), ("gmail.com", 20), ("outlook.com", 8)]),
 "SY": ("Syria", "AS", 0.0, [("Damascus", 33.51, 36.29, "Asia/Damascus", 3)], ["ar-SY"], "ar", G),
}
UNSUPPORTED = ["RU", "BY", "IR", "SY", "KP", "CU", "CN"]
# datacenter-only cities
DC_CITIES = {
 "Ashburn": ("US", 39.04, -77.49, "America/New_York"), "Boardman": ("US", 45.84, -119.70, "America/Los_Angeles"),
 "Columbus": ("US", 39.96, -83.00, "America/New_York"), "Council Bluffs": ("US", 41.26, -95.86, "America/Chicago"),
 "Dallas": ("US", 32.78, -96.80, "America/Chicago"), "Piscataway": ("US", 40.55, -74.46, "America/New_York"),
 "Frankfurt am Main": ("DE", 50.11, 8.68, "Europe/Berlin"), "Falkenstein": ("DE", 50.48, 12.37, "Europe/Berlin"),
 "Nuremberg": ("DE", 49.45, 11.08, "Europe/Berlin"), "Roubaix": ("FR", 50.69, 3.17, "Europe/Paris"),
 "Gravelines": ("FR", 50.99, 2.13, "Europe/Paris"), "Dublin": ("IE", 53.35, -6.26, "Europe/Dublin"),
 "London": ("GB", 51.51, -0.13, "Europe/London"), "Amsterdam": ("NL", 52.37, 4.90, "Europe/Amsterdam"),
 "Eemshaven": ("NL", 53.44, 6.83, "Europe/Amsterdam"), "Helsinki": ("FI", 60.17, 24.94, "Europe/Helsinki"),
 "Stockholm": ("SE", 59.33, 18.07, "Europe/Stockholm"), "Warsaw": ("PL", 52.23, 21.01, "Europe/Warsaw"),
 "Milan": ("IT", 45.46, 9.19, "Europe/Rome"), "Zurich": ("CH", 47.37, 8.54, "Europe/Zurich"),
 "Paris": ("FR", 48.86, 2.35, "Europe/Paris"), "Bucharest": ("RO", 44.43, 26.10, "Europe/Bucharest"),
 "Istanbul": ("TR", 41.01, 28.98, "Europe/Istanbul"), "Tel Aviv": ("IL", 32.09, 34.78, "Asia/Jerusalem"),
 "Dubai": ("AE", 25.20, 55.27, "Asia/Dubai"), "Doha": ("QA", 25.29, 51.53, "Asia/Qatar"),
 "Mumbai": ("IN", 19.08, 72.88, "Asia/Kolkata"), "Singapore": ("SG", 1.35, 103.82, "Asia/Singapore"),
 "Tokyo": ("JP", 35.68, 139.69, "Asia/Tokyo"), "Hong Kong": ("HK", 22.32, 114.17, "Asia/Hong_Kong"),
 "Toronto": ("CA", 43.65, -79.38, "America/Toronto"), "Sao Paulo": ("BR", -23.55, -46.63, "America/Sao_Paulo"),
 "Almaty": ("KZ", 43.24, 76.89, "Asia/Almaty"), "Yerevan": ("AM", 40.18, 44.51, "Asia/Yerevan"),
 "Tbilisi": ("GE", 41.72, 44.79, "Asia/Tbilisi"), "Moscow": ("RU", 55.76, 37.62, "Europe/Moscow"),
 "Saint Petersburg": ("RU", 59.93, 30.34, "Europe/Moscow"), "Chisinau": ("MD", 47.01, 28.86, "Europe/Chisinau"),
 "Vienna": ("AT", 48.21, 16.37, "Europe/Vienna"), "Los Angeles": ("US", 34.05, -118.24, "America/Los_Angeles"),
 "Seattle": ("US", 47.61, -122.33, "America/Los_Angeles"), "Madrid": ("ES", 40.42, -3.70, "Europe/Madrid"),
}

# ---------------------------------------------------------------- ASNs
# kind: fixed | fixed6 | mobile | mobile6 | uni | corp | cloud | hosting | vpn | tor | relay | secproxy
# size: number of /20 blocks (fixed, uni...), for mobile the CGNAT pool in /24s
ASN_TABLE = """
US|fixed6|7922|Comcast Cable Communications, LLC|40
US|fixed6|20115|Charter Communications Inc|30
US|fixed|7018|AT&T Services, Inc.|25
US|fixed|701|Verizon Business|20
US|fixed|22773|Cox Communications Inc.|10
US|fixed|209|CenturyLink Communications, LLC|8
US|fixed|11404|Wave Broadband (Astound)|4
US|mobile6|21928|T-Mobile USA, Inc.|6
US|mobile|6167|Verizon Wireless|5
US|mobile|20057|AT&T Mobility LLC|5
CA|fixed|812|Rogers Communications Canada Inc.|8
CA|fixed|577|Bell Canada|8
CA|fixed|5769|Videotron Ltee|4
CA|fixed|6327|Shaw Communications Inc.|4
CA|mobile|22652|Fibrenoire / Telus Mobility|3
GB|fixed|2856|British Telecommunications PLC|15
GB|fixed6|5089|Virgin Media Limited|10
GB|fixed6|5607|Sky UK Limited|10
GB|fixed|13285|TalkTalk Communications Limited|5
GB|mobile|12576|EE Limited|4
GB|mobile|25135|Vodafone Limited|3
GB|mobile6|206067|Hutchison 3G UK Limited|3
IE|fixed|5466|Eircom Limited|4
IE|fixed|6830|Virgin Media Ireland Limited|3
IE|mobile|15502|Vodafone Ireland Limited|2
DE|fixed6|3320|Deutsche Telekom AG|25
DE|fixed6|3209|Vodafone GmbH|15
DE|fixed|6805|Telefonica Germany GmbH & Co.OHG|8
DE|fixed|8881|1&1 Versatel Deutschland GmbH|8
DE|fixed|8422|NetCologne Gesellschaft fur Telekommunikation mbH|2
DE|fixed|9145|EWE TEL GmbH|2
DE|mobile6|6855|Telefonica Germany Mobile|4
DE|mobile|29562|Vodafone Deutschland Mobile|3
AT|fixed|8447|A1 Telekom Austria AG|5
AT|fixed|8412|T-Mobile Austria GmbH|3
AT|mobile|25255|Hutchison Drei Austria GmbH|2
CH|fixed6|3303|Swisscom (Schweiz) AG|6
CH|fixed|6730|Sunrise GmbH|3
CH|fixed|13030|Init7 (Switzerland) Ltd.|1
FR|fixed6|3215|Orange S.A.|15
FR|fixed6|12322|Free SAS|12
FR|fixed|15557|Societe Francaise Du Radiotelephone - SFR SA|8
FR|fixed|5410|Bouygues Telecom SA|6
FR|mobile|51207|Free Mobile SAS|3
FR|mobile|21502|Orange France Mobile|3
BE|fixed|5432|Proximus NV|5
BE|fixed|6848|Telenet BV|4
BE|mobile|47377|Orange Belgium SA|2
NL|fixed6|1136|KPN B.V.|8
NL|fixed|33915|Vodafone Libertel B.V. (VodafoneZiggo)|8
NL|fixed|50266|Odido Netherlands B.V.|4
NL|mobile|31615|Odido Mobile|2
ES|fixed|3352|Telefonica De Espana S.A.U.|10
ES|fixed|12479|Orange Espagne SA|6
ES|fixed|12430|Vodafone Espana S.A.U.|5
ES|fixed|57269|Digi Spain Telecom S.L.|4
ES|mobile|12357|Vodafone Spain Mobile|2
PT|fixed|3243|MEO - Servicos De Comunicacoes E Multimedia S.A.|5
PT|fixed|2860|NOS Comunicacoes, S.A.|4
PT|mobile|12353|Vodafone Portugal|2
IT|fixed|3269|Telecom Italia S.p.A.|12
IT|fixed|12874|Fastweb SpA|6
IT|fixed|1267|Wind Tre S.p.A.|5
IT|mobile6|29447|Iliad Italia S.p.A.|3
IT|mobile|30722|Vodafone Italia S.p.A.|3
SE|fixed|3301|Telia Company AB|5
SE|fixed|29518|Bredband2 AB|3
SE|mobile|1257|Tele2 Sverige AB|2
FI|fixed|719|Elisa Oyj|4
FI|fixed|1759|Telia Finland Oyj|3
FI|mobile|16086|DNA Oyj|2
PL|fixed|5617|Orange Polska Spolka Akcyjna|15
PL|fixed|12741|Netia SA|6
PL|fixed|6830|Liberty Global B.V. (UPC Polska)|6
PL|fixed|29314|VECTRA S.A.|5
PL|fixed|50767|INEA Sp. z o.o.|3
PL|fixed|31304|Multimedia Polska S.A.|3
PL|mobile|39603|P4 Sp. z o.o.|4
PL|mobile|8374|Polkomtel Sp. z o.o.|3
PL|mobile6|12912|T-Mobile Polska S.A.|3
CZ|fixed|5610|O2 Czech Republic, a.s.|8
CZ|fixed|16019|Vodafone Czech Republic a.s.|5
CZ|fixed|13036|T-Mobile Czech Republic a.s.|4
CZ|fixed|51154|Nej.cz s.r.o.|2
CZ|mobile|44489|Vodafone CZ Mobile|2
SK|fixed|6855|Slovak Telekom, a.s.|4
SK|fixed|15962|Orange Slovensko a.s.|3
HU|fixed6|5483|Magyar Telekom plc.|6
HU|fixed|20845|DIGI Tavkozlesi es Szolgaltato Kft.|5
HU|fixed|21334|One Hungary Ltd.|4
RO|fixed6|8708|RCS & RDS SA (Digi)|12
RO|fixed|9050|Orange Romania Communication S.A|5
RO|mobile|12302|Vodafone Romania S.A.|3
RO|mobile|48161|Telekom Romania Mobile|2
BG|fixed|8866|Bulgarian Telecommunications Company Plc. (Vivacom)|5
BG|fixed|8717|A1 Bulgaria EAD|4
BG|mobile|43205|Yettel Bulgaria EAD|2
GR|fixed|6799|OTE SA (Hellenic Telecommunications Organisation)|6
GR|fixed|3329|Vodafone-panafon Hellenic Telecommunications Company SA|3
GR|mobile|29247|Nova Telecommunications Mobile|2
RS|fixed|8400|Telekom Srbija|5
RS|fixed|31042|Serbia BroadBand-Srpske Kablovske mreze d.o.o.|4
RS|mobile|13004|Yettel d.o.o. Beograd|2
HR|fixed|5391|Hrvatski Telekom d.d.|4
HR|fixed|29485|A1 Hrvatska d.o.o.|2
SI|fixed|5603|Telekom Slovenije, d.d.|3
SI|fixed|34779|T-2 Access Network d.o.o.|2
LT|fixed|8764|Telia Lietuva, AB|4
LT|mobile|13194|UAB Bite Lietuva|2
LV|fixed|5518|Tet SIA|3
LV|mobile|12578|Latvijas Mobilais Telefons SIA|2
EE|fixed|3249|Telia Eesti AS|3
EE|fixed|3327|Elisa Eesti AS|2
UA|fixed|15895|Kyivstar PJSC|12
UA|fixed|6849|JSC Ukrtelecom|6
UA|fixed|21219|Datagroup PJSC (Volia)|6
UA|fixed|13188|Triolan LLC|3
UA|fixed|35297|Dataline LLC|2
UA|fixed|15772|Lanet Network Ltd|2
UA|mobile|21497|PrJSC VF Ukraine|4
UA|mobile|34058|Lifecell LLC|3
UA|mobile|25229|Kyivstar Mobile|4
MD|fixed|8926|Moldtelecom SA|3
MD|fixed|31252|StarNet Solutii SRL|2
MD|mobile|25454|Orange Moldova S.A.|1
TR|fixed|9121|Turk Telekomunikasyon Anonim Sirketi|25
TR|fixed|34984|Turkcell Superonline Iletisim Hizmetleri A.S.|10
TR|fixed|15924|Vodafone Net Iletisim Hizmetleri Anonim Sirketi|6
TR|fixed|12735|TurkNet Iletisim Hizmetleri A.S.|5
TR|fixed|47331|TTNet A.S. Kablo (Turksat)|3
TR|mobile|16135|Turkcell Iletisim Hizmetleri A.S.|6
TR|mobile|15897|Vodafone Telekomunikasyon A.S.|4
TR|mobile|34296|Millenicom Telekomunikasyon Hizmetleri A.S.|1
TR|mobile|43260|Turk Telekom Mobil|3
GE|fixed|35805|JSC Silknet|4
GE|fixed|20771|Caucasus Online LLC|2
GE|mobile|16010|Magticom Ltd.|3
GE|mobile|34797|Cellfie Mobile LLC|1
AM|fixed|44395|Ucom LLC|3
AM|fixed|12297|GNC-Alfa CJSC|2
AM|mobile|12757|Team Telecom Armenia CJSC|2
AM|mobile|49800|Viva Armenia CJSC|2
AZ|fixed|29049|Delta Telecom LTD|3
AZ|fixed|28787|Baktelekom MMC|3
AZ|mobile|57293|Azercell Telecom LLC|2
AZ|mobile|34170|Bakcell LLC|2
KZ|fixed|9198|JSC Kazakhtelecom|10
KZ|fixed|21299|Transtelecom JSC|3
KZ|fixed|48503|Tele2 Kazakhstan / Mobile Telecom Service LLP|2
KZ|mobile|206026|Kar-Tel LLC (Beeline Kazakhstan)|3
KZ|mobile|29355|Kcell JSC|3
UZ|fixed|28910|Uzbektelekom JSC|6
UZ|fixed|34718|Sarkor Telecom LLC|2
UZ|fixed|42984|TPS LLC|2
UZ|mobile|8193|Unitel LLC (Beeline Uzbekistan)|3
UZ|mobile|41202|Coscom LLC (Ucell)|3
UZ|mobile|201767|Uzmobile (Uzbektelekom Mobile)|2
KG|fixed|8449|ElCat Ltd.|2
KG|fixed|39659|Megaline LLC|2
KG|mobile|50223|Alfa Telecom CJSC (MegaCom)|2
KG|mobile|41750|Sky Mobile LLC (Beeline Kyrgyzstan)|1
TJ|fixed|43197|Babilon-T LLC|1
TJ|mobile|48666|Tcell CJSC|1
EG|fixed|8452|Telecom Egypt (TE Data)|15
EG|fixed|24863|LINKdotNET (Vodafone Data Egypt)|5
EG|mobile|36935|Vodafone Egypt Telecommunications S.A.E.|5
EG|mobile|24835|Orange Egypt|4
EG|mobile|36992|Etisalat Misr|3
MA|fixed|6713|Itissalat Al-Maghrib (Maroc Telecom)|8
MA|mobile|36925|Medi Telecom (Orange Maroc)|3
MA|mobile|36884|Wana Corporate (inwi)|2
TN|fixed|2609|Tunisie Telecom|4
TN|fixed|37705|Topnet SA|2
TN|mobile|37492|Orange Tunisie SA|2
TN|mobile|37693|Ooredoo Tunisie SA|2
DZ|fixed|36947|Algerie Telecom SPA|5
DZ|mobile|33779|Ooredoo Algerie (Wataniya Telecom Algerie)|2
DZ|mobile|327931|Djezzy (Optimum Telecom Algerie)|2
JO|fixed|8697|Jordan Telecommunications Company (Orange Jordan)|3
JO|mobile|48832|Zain Jordan (Jordanian Mobile Telephone Services)|2
JO|mobile|9038|Umniah Mobile Company PLC|2
LB|fixed|42003|Ogero Telecom|2
LB|mobile|39010|Terranet SAL|1
IL|fixed|8551|Bezeq International Ltd.|4
IL|fixed|12849|Hot-Net Internet Services Ltd.|3
IL|mobile|12400|Partner Communications Ltd.|2
IL|mobile|1680|Cellcom Fixed Line Communication L.P.|2
AE|fixed|5384|Emirates Telecommunications Group Company (Etisalat) PJSC|6
AE|fixed|15802|Emirates Integrated Telecommunications Company PJSC (du)|4
AE|mobile|8966|Etisalat Mobile|2
SA|fixed|25019|Saudi Telecom Company JSC|8
SA|mobile|35819|Etihad Etisalat Company (Mobily)|3
SA|mobile|43766|Zain Saudi Arabia|2
QA|fixed|8781|Ooredoo Q.S.C.|2
IN|mobile6|55836|Reliance Jio Infocomm Limited|6
IN|mobile|45609|Bharti Airtel Ltd. AS for GPRS Service|4
IN|fixed|24560|Bharti Airtel Ltd., Telemedia Services|5
IN|fixed|24309|Atria Convergence Technologies Pvt. Ltd. (ACT)|3
IN|fixed|9829|National Internet Backbone (BSNL)|3
PK|fixed|17557|Pakistan Telecommunication Company Limited|4
PK|fixed|23674|Nayatel (Pvt) Ltd|2
PK|mobile|45669|Mobilink-PK (Jazz)|2
BD|fixed|24389|Grameenphone Ltd.|3
BD|fixed|23688|Link3 Technologies Ltd.|2
BD|fixed|58717|Summit Communications Limited|1
BD|mobile|24432|Robi Axiata Limited|2
VN|fixed|7552|Viettel Group|4
VN|fixed|18403|FPT Telecom Company|3
VN|fixed|45899|VNPT Corp|3
ID|fixed|7713|PT Telekomunikasi Indonesia|4
ID|mobile|23693|PT. Telekomunikasi Selular|3
PH|fixed|9299|Philippine Long Distance Telephone Company|3
PH|mobile|132199|Globe Telecom Inc.|2
NG|mobile|29465|MTN Nigeria Communication Limited|3
NG|fixed|36873|Airtel Networks Limited|2
NG|fixed|37148|Spectranet Limited|1
BR|fixed|28573|Claro NXT Telecomunicacoes Ltda|5
BR|fixed|18881|Telefonica Brasil S.A (Vivo)|5
BR|mobile|26599|Telefonica Brasil Mobile|2
SG|fixed|9506|Singtel Fibre Broadband|2
SG|fixed|55430|StarHub Ltd|1
JP|fixed|2516|KDDI Corporation|2
JP|fixed|17676|SoftBank Corp.|2
HK|fixed|4760|HKT Limited|2
RU|fixed|12389|PJSC Rostelecom|12
RU|fixed|9049|JSC ER-Telecom Holding|6
RU|fixed|8402|PJSC Vimpelcom (Beeline)|5
RU|mobile|8359|MTS PJSC|4
RU|mobile|31133|PJSC MegaFon|4
BY|fixed|6697|Republican Unitary Telecommunication Enterprise Beltelecom|4
BY|mobile|25106|Mobile TeleSystems JLLC|2
IR|fixed|58224|Iran Telecommunication Company PJS|6
IR|fixed|31549|Aria Shatel PJSC|3
IR|mobile|197207|Mobile Communication Company of Iran PLC|3
IR|mobile|44244|Iran Cell Service and Communication Company|3
CN|fixed|4134|Chinanet|10
CN|fixed|4837|CHINA UNICOM China169 Backbone|6
CN|mobile|9808|China Mobile Communications Group Co., Ltd.|4
SY|fixed|29256|Syrian Telecommunications Establishment|2
"""

UNIS = """
US|uni|3|Massachusetts Institute of Technology|Boston|mit.edu
US|uni|32|Stanford University|San Francisco|stanford.edu
US|uni|25|University of California at Berkeley|San Francisco|berkeley.edu
US|uni|1998|University of Washington|Seattle|uw.edu
US|uni|18|University of Texas at Austin|Austin|utexas.edu
CA|uni|239|University of Toronto|Toronto|mail.utoronto.ca
GB|uni|786|Jisc Services Limited|London|ucl.ac.uk;cam.ac.uk;ed.ac.uk;imperial.ac.uk;manchester.ac.uk
DE|uni|680|Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.|Munich|tum.de;campus.tu-berlin.de;student.kit.edu;uni-hamburg.de;rwth-aachen.de
FR|uni|2200|Renater|Paris|etu.sorbonne-universite.fr;polytechnique.edu;etu.univ-grenoble-alpes.fr
NL|uni|1103|SURF B.V.|Delft|student.tudelft.nl;student.uva.nl;student.tue.nl
CH|uni|559|SWITCH|Zurich|student.ethz.ch;epfl.ch
ES|uni|766|Entidad Publica Empresarial Red.es (RedIRIS)|Barcelona|estudiantat.upc.edu;alumnos.upm.es
IT|uni|137|Consortium GARR|Milan|mail.polimi.it;studenti.unibo.it
PL|uni|8501|Poznan Supercomputing and Networking Center (PIONIER)|Krakow|student.agh.edu.pl;pw.edu.pl;student.uj.edu.pl;student.pwr.edu.pl
CZ|uni|2852|CESNET z.s.p.o.|Prague|fel.cvut.cz;fit.cvut.cz;mail.muni.cz
HU|uni|1955|KIFU (Governmental Info Tech Development Agency)|Budapest|edu.bme.hu;inf.elte.hu
RO|uni|2614|Agentia Administratia Retelei Nationale de Informatica pentru Educatie si Cercetare|Bucharest|stud.upb.ro;stud.ubbcluj.ro
BG|uni|6802|Bulgarian Research and Education Network Association|Sofia|uni-sofia.bg
UA|uni|3255|State Enterprise Scientific and Telecommunication Centre Ukrainian Academic and Research Network|Kyiv|knu.ua;lll.kpi.ua;lpnu.ua
TR|uni|8517|ULAKBIM|Istanbul|itu.edu.tr;metu.edu.tr;ogr.boun.edu.tr;ug.bilkent.edu.tr;std.yildiz.edu.tr
TR|uni|47524|Turksat Uydu-Haberlesme ve Kablo TV Isletme A.S. (Kampus)|Ankara|ogrenci.hacettepe.edu.tr;ogr.ankara.edu.tr
GE|uni|20545|Georgian Research and Educational Networking Association GRENA|Tbilisi|tsu.ge;freeuni.edu.ge;kiu.edu.ge
AM|uni|47843|Institute for Informatics and Automation Problems (ASNET-AM)|Yerevan|aua.am;ysu.am
AZ|uni|39232|AzScienceNet|Baku|ada.edu.az;bhos.edu.az
KZ|uni|39824|Nazarbayev University Autonomous Organization|Astana|nu.edu.kz
KZ|uni|48716|KazRENA|Almaty|stud.kaznu.kz;kbtu.kz;astanait.edu.kz
UZ|uni|210541|Tashkent University of Information Technologies|Tashkent|tuit.uz;student.inha.uz
EG|uni|2561|Egyptian Universities Network (EUN)|Cairo|eng.cu.edu.eg;aucegypt.edu;alexu.edu.eg
MA|uni|30983|MARWAN (Reseau Marocain de l'Enseignement)|Rabat|um5.ac.ma;uit.ac.ma
TN|uni|37670|Centre de Calcul El Khawarizmi|Tunis|enit.utm.tn;insat.ucar.tn
JO|uni|47887|Jordanian Universities Network|Amman|ju.edu.jo;psut.edu.jo
IL|uni|378|Machba - Inter University Computation Center|Haifa|campus.technion.ac.il;mail.tau.ac.il
AE|uni|210183|Khalifa University of Science and Technology|Abu Dhabi|ku.ac.ae
SA|uni|50999|King Abdullah University of Science and Technology|Jeddah|kaust.edu.sa
IN|uni|2697|ERNET India|Bengaluru|iisc.ac.in;iitb.ac.in
"""

# multi-region networks: kind|asn|org|registered_cc|cities(city:nblocks,...)
MULTI = """
cloud|16509|AMAZON-02|US|Ashburn:6,Boardman:4,Columbus:3,Frankfurt am Main:4,Dublin:3,London:2,Paris:1,Stockholm:1,Milan:1,Mumbai:2,Singapore:3,Tokyo:2,Tel Aviv:1,Dubai:1,Sao Paulo:1,Toronto:1
cloud|14618|AMAZON-AES|US|Ashburn:4
cloud|396982|GOOGLE-CLOUD-PLATFORM|US|Council Bluffs:4,Ashburn:2,Frankfurt am Main:2,Eemshaven:2,London:1,Warsaw:1,Milan:1,Singapore:2,Tel Aviv:1,Doha:1,Mumbai:1
cloud|8075|MICROSOFT-CORP-MSN-AS-BLOCK|US|Ashburn:5,Seattle:2,Amsterdam:3,Dublin:3,Frankfurt am Main:1,London:1,Dubai:1,Singapore:1,Mumbai:1,Warsaw:1
cloud|14061|DIGITALOCEAN-ASN|US|Piscataway:3,Amsterdam:2,Frankfurt am Main:2,London:1,Singapore:1,Toronto:1
cloud|24940|Hetzner Online GmbH|DE|Falkenstein:4,Nuremberg:3,Helsinki:2,Ashburn:1
cloud|16276|OVH SAS|FR|Roubaix:4,Gravelines:3,Warsaw:1,Frankfurt am Main:1,London:1,Toronto:1,Singapore:1
cloud|63949|Akamai Connected Cloud|US|Piscataway:1,Dallas:1,Frankfurt am Main:1,London:1,Singapore:1,Mumbai:1
cloud|20473|The Constant Company, LLC|US|Piscataway:1,Dallas:1,Los Angeles:1,Amsterdam:1,Frankfurt am Main:1,Tokyo:1,Singapore:1,Warsaw:1,Tel Aviv:1
cloud|51167|Contabo GmbH|DE|Nuremberg:3,Singapore:1,Dallas:1
cloud|31898|ORACLE-BMC-31898|US|Ashburn:1,Frankfurt am Main:1,Amsterdam:1,Zurich:1,Singapore:1,Tokyo:1,Dubai:1,Mumbai:1
cloud|45102|Alibaba US Technology Co., Ltd.|US|Singapore:2,Frankfurt am Main:1,Tokyo:1,Dubai:1,Hong Kong:1
cloud|132203|Tencent Building, Kejizhongyi Avenue|CN|Singapore:1,Frankfurt am Main:1,Tokyo:1,Hong Kong:1
cloud|12876|Scaleway S.a.s.|FR|Paris:2,Amsterdam:1,Warsaw:1
cloud|197540|netcup GmbH|DE|Nuremberg:1,Vienna:1
cloud|9123|TimeWeb Ltd.|RU|Saint Petersburg:1,Moscow:1,Almaty:1,Frankfurt am Main:1
cloud|49505|JSC Selectel|RU|Saint Petersburg:2,Moscow:1
cloud|210644|Aeza International Ltd|GB|Frankfurt am Main:1,Stockholm:1,Helsinki:1,Vienna:1
cloud|44477|Stark Industries Solutions Ltd|GB|Amsterdam:1,Frankfurt am Main:1,Chisinau:1,Istanbul:1
cloud|203020|HostRoyale Technologies Pvt Ltd|IN|Mumbai:1,Singapore:1
cloud|62240|Clouvider Limited|GB|London:1,Frankfurt am Main:1,Amsterdam:1,Ashburn:1
cloud|60781|LeaseWeb Netherlands B.V.|NL|Amsterdam:2,Frankfurt am Main:1,Singapore:1
cloud|57043|HOSTKEY B.V.|NL|Amsterdam:1,Helsinki:1,Istanbul:1
cloud|200019|AlexHost SRL|MD|Chisinau:2
cloud|34984|Turkcell Superonline Bulut|TR|Istanbul:1
cloud|199524|G-Core Labs S.A.|LU|Frankfurt am Main:1,Almaty:1,Tbilisi:1,Yerevan:1,Istanbul:1,Dubai:1
hosting|9009|M247 Europe SRL|RO|Bucharest:2,Amsterdam:2,London:2,Frankfurt am Main:2,Paris:1,Milan:1,Madrid:1,Stockholm:1,Zurich:1,Vienna:1,Warsaw:1,Istanbul:1,Dubai:1,Ashburn:2,Los Angeles:1,Toronto:1,Tokyo:1,Singapore:1
hosting|60068|Datacamp Limited|GB|London:2,Frankfurt am Main:2,Amsterdam:2,Paris:1,Ashburn:2,Los Angeles:1,Dallas:1,Singapore:1,Hong Kong:1,Tokyo:1,Istanbul:1,Warsaw:1,Madrid:1
vpn|207137|PacketHub S.A.|PA|Amsterdam:1,Frankfurt am Main:1,London:1,Ashburn:1,Los Angeles:1,Warsaw:1,Istanbul:1,Tokyo:1,Dubai:1
vpn|136787|TEFINCOM S.A.|PA|Amsterdam:1,Frankfurt am Main:1,Stockholm:1,Helsinki:1,Dallas:1,Singapore:1
vpn|209103|Proton AG|CH|Zurich:2,Amsterdam:1,Frankfurt am Main:1,Stockholm:1,Ashburn:1,Tokyo:1
vpn|39351|31173 Services AB|SE|Stockholm:2,Amsterdam:1,Frankfurt am Main:1,London:1,Helsinki:1
vpn|212238|Datacamp VPN Exits (CDN77)|GB|Almaty:1,Yerevan:1,Tbilisi:1,Istanbul:1,Bucharest:1,Chisinau:1
vpn|51852|Private Layer INC|PA|Zurich:1,Amsterdam:1
tor|208323|Foundation for Applied Privacy|AT|Vienna:1
tor|200052|Feral Hosting / F3 Netze e.V.|DE|Frankfurt am Main:1
tor|53667|FranTech Solutions|US|Piscataway:1,Los Angeles:1
relay|36183|Akamai Technologies, Inc.|US|Ashburn:2,Frankfurt am Main:2,London:1,Paris:1,Amsterdam:1,Warsaw:1,Istanbul:1,Dubai:1,Los Angeles:1,Toronto:1,Stockholm:1,Milan:1,Madrid:1,Tel Aviv:1
relay|13335|CLOUDFLARENET|US|Ashburn:2,Frankfurt am Main:2,London:1,Amsterdam:1,Warsaw:1,Istanbul:1,Dubai:1,Los Angeles:1,Toronto:1,Tbilisi:1,Almaty:1,Bucharest:1
secproxy|62044|Zscaler, Inc.|US|Frankfurt am Main:2,Amsterdam:1,London:1,Paris:1,Ashburn:2,Los Angeles:1,Toronto:1,Dubai:1,Mumbai:1,Warsaw:1,Istanbul:1
ispproxy|46562|Performive LLC|US|Dallas:1,Ashburn:1,Los Angeles:1
ispproxy|40065|Cnservers LLC|US|Los Angeles:1,Dallas:1
ispproxy|215311|Rayobyte Static ISP Networks LLC|US|Ashburn:1,London:1,Frankfurt am Main:1
"""

# companies: own corporate egress ASN (or None -> Zscaler / office on a local ISP)
CORPS = """
DE|corp|13414|SAP SE|Frankfurt am Main|sap.com|zscaler
DE|corp|15456|Siemens AG|Munich|siemens.com|zscaler
PL|corp|50599|Allegro.pl sp. z o.o.|Poznan|allegro.pl|own
PL|corp|0|Netguru S.A.|Poznan|netguru.com|isp
TR|corp|212668|DSM Grup Danismanlik Iletisim ve Satis Ticaret A.S. (Trendyol)|Istanbul|trendyol.com|own
TR|corp|0|Getir Perakende Lojistik A.S.|Istanbul|getir.com|isp
TR|corp|0|Insider Teknoloji|Istanbul|useinsider.com|isp
KZ|corp|57730|Kaspi Bank JSC|Almaty|kaspi.kz|own
UZ|corp|0|Uzum Technologies|Tashkent|uzum.com|isp
GE|corp|0|TBC Bank JSC|Tbilisi|tbcbank.com.ge|isp
AM|corp|0|Picsart Inc.|Yerevan|picsart.com|isp
AM|corp|0|ServiceTitan Armenia|Yerevan|servicetitan.com|zscaler
UA|corp|0|SoftServe Inc.|Lviv|softserveinc.com|isp
UA|corp|0|Grammarly Ukraine|Kyiv|grammarly.com|zscaler
RO|corp|0|UiPath SRL|Bucharest|uipath.com|zscaler
CZ|corp|0|Avast Software s.r.o.|Prague|gendigital.com|zscaler
EG|corp|0|Instabug Inc.|Cairo|instabug.com|isp
EG|corp|0|Valeo Egypt|Cairo|valeo.com|zscaler
AE|corp|0|Careem Networks FZ LLC|Dubai|careem.com|isp
AE|corp|0|Emirates NBD Bank PJSC|Dubai|emiratesnbd.com|zscaler
JO|corp|0|Mawdoo3 Ltd|Amman|mawdoo3.com|isp
GB|corp|0|Monzo Bank Ltd|London|monzo.com|zscaler
US|corp|0|Stripe, Inc.|San Francisco|stripe.com|zscaler
US|corp|0|Acme Analytics Inc.|New York|acme-analytics.io|isp
FR|corp|0|Doctolib SAS|Paris|doctolib.com|isp
NL|corp|0|Booking.com B.V.|Amsterdam|booking.com|zscaler
IL|corp|0|Wix.com Ltd.|Tel Aviv|wix.com|zscaler
SA|corp|0|Tamara Finance|Riyadh|tamara.co|isp
MA|corp|0|Capgemini Technology Services Maroc|Rabat|capgemini.com|zscaler
HU|corp|0|LogMeIn Hungary Kft.|Budapest|goto.com|isp
"""

RIR_V4 = {
 "ripe": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 141, 145, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
 "arin": [3, 4, 8, 12, 13, 15, 16, 18, 20, 23, 24, 34, 35, 40, 44, 50, 52, 54, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 162, 173, 174, 184, 199, 204, 205, 206, 207, 208, 209, 216],
 "apnic": [1, 14, 27, 36, 39, 42, 43, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 175, 180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222],
 "afrinic": [41, 102, 105, 154, 196, 197],
 "lacnic": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
}
RIR_V6 = {"ripe": 0x2a00, "arin": 0x2600, "apnic": 0x2400, "afrinic": 0x2c0f, "lacnic": 0x2800}
RIR_OF = {"US": "arin", "CA": "arin", "BR": "lacnic", "EG": "afrinic", "MA": "afrinic", "TN": "afrinic", "DZ": "afrinic", "NG": "afrinic",
          "IN": "apnic", "PK": "apnic", "BD": "apnic", "VN": "apnic", "ID": "apnic", "PH": "apnic", "CN": "apnic", "SG": "apnic", "JP": "apnic", "HK": "apnic"}


def gid(s):
    return int(hashlib.md5(s.encode()).hexdigest()[:7], 16) % 9000000 + 100000


class Allocator:
    def __init__(self, rng):
        self.pools = {}
        for rir, octs in RIR_V4.items():
            l = [(a, b) for a in octs for b in range(256)]
            rng.shuffle(l)
            l = [x for x in l if ipaddress.ip_network("%d.%d.0.0/16" % x).is_global and x != (1, 1) and x != (1, 0)]
            self.pools[rir] = l
        self.cur = {r: None for r in RIR_V4}
        self.v6n = {r: 0x10 for r in RIR_V6}

    def v4(self, rir, plen):
        size = 1 << (32 - plen)
        c = self.cur[rir]
        if c is None or c[1] + size > 65536:
            a, b = self.pools[rir].pop()
            c = [(a << 24) | (b << 16), 0]
        off = (c[1] + size - 1) // size * size
        if off + size > 65536:
            a, b = self.pools[rir].pop()
            c = [(a << 24) | (b << 16), 0]
            off = 0
        c[1] = off + size
        self.cur[rir] = c
        return ipaddress.IPv4Network((c[0] + off, plen))

    def v6(self, rir):
        n = self.v6n[rir]
        self.v6n[rir] += 1 + (n % 3)
        return ipaddress.IPv6Network(((RIR_V6[rir] << 112) | (n << 96), 32))


class ASN:
    def __init__(self, asn, org, cc, kind, reg_cc=None):
        self.asn, self.org, self.cc, self.kind = asn, org, cc, kind
        self.reg_cc = reg_cc or cc
        self.blocks = []      # (IPv4Network, city_name, cc)
        self.v6 = []          # (IPv6Network /40, city_name, cc)
        self.pool = []        # CGNAT / shared egress IPv4 addresses (ints)
        self.domains = []
        self.home_city = None

    def __repr__(self):
        return "AS%d %s" % (self.asn, self.org)


class World:
    def __init__(self, seed):
        rng = random.Random(seed * 7919 + 17)
        self.rng = rng
        self.alloc = Allocator(rng)
        self.asns = {}
        self.by_cc = {}          # cc -> kind -> [ASN]
        self.multi = {}          # kind -> [ASN]
        self.cities = {}         # (cc, name) -> (lat, lon, tz)
        for cc, c in COUNTRIES.items():
            for (n, la, lo, tz, w) in c[3]:
                self.cities[(cc, n)] = (la, lo, tz)
        for n, (cc, la, lo, tz) in DC_CITIES.items():
            self.cities.setdefault((cc, n), (la, lo, tz))
        self.city_cc = {}
        for (cc, n) in self.cities:
            self.city_cc.setdefault(n, cc)
        for line in ASN_TABLE.strip().splitlines():
            cc, kind, asn, org, size = line.split("|")
            self._national(cc, kind, int(asn), org, int(size))
        self.unis = []
        for line in UNIS.strip().splitlines():
            cc, kind, asn, org, city, doms = line.split("|")
            a = self._mk(int(asn), org, cc, "uni")
            a.home_city = city
            a.domains = doms.split(";")
            rir = RIR_OF.get(cc, "ripe")
            for i in range(2):
                a.blocks.append((self.alloc.v4(rir, 20), city, cc))
            self.unis.append(a)
        for line in MULTI.strip().splitlines():
            kind, asn, org, reg, cities = line.split("|")
            a = self._mk(int(asn), org, "*", kind, reg)
            for item in cities.split(","):
                city, nb = item.split(":")
                cc = self.city_cc[city]
                rir = "arin" if reg in ("US", "PA", "CN") else "ripe"
                if kind in ("vpn", "tor", "ispproxy"):
                    for _ in range(int(nb)):
                        a.blocks.append((self.alloc.v4(rir, 23), city, cc))
                else:
                    for _ in range(int(nb)):
                        a.blocks.append((self.alloc.v4(rir, 20), city, cc))
            if kind in ("cloud", "relay"):
                base = self.alloc.v6("arin" if reg in ("US", "CN") else "ripe")
                subs = base.subnets(new_prefix=40)
                for (blk, city, cc) in a.blocks:
                    a.v6.append((next(subs), city, cc))
            self.multi.setdefault(kind, []).append(a)
        self.corps = []
        for line in CORPS.strip().splitlines():
            cc, kind, asn, org, city, dom, mode = line.split("|")
            asn = int(asn)
            if mode == "own" and asn:
                a = self._mk(asn, org, cc, "corp")
                a.blocks.append((self.alloc.v4(RIR_OF.get(cc, "ripe"), 24), city, cc))
                egress = a
            else:
                egress = None
            self.corps.append(dict(cc=cc, org=org, city=city, domain=dom, mode=mode, asn=egress))
        # a few small generated regional ISPs / WISPs per big country for long tail
        tails = ["Net", "Telecom", "Link", "Fiber", "Online", "Connect", "Com", "Media"]
        for cc in ["PL", "TR", "UA", "RO", "CZ", "KZ", "UZ", "EG", "DE", "US", "IT", "BG", "RS", "GE", "AM", "HU", "MA"]:
            for k in range(rng.randint(2, 5)):
                city = rng.choice(COUNTRIES[cc][3])[0]
                stem = city.split()[0].replace("-", "")[:8]
                suffix = {"PL": " Sp. z o.o.", "TR": " A.S.", "UA": " LLC", "RO": " SRL", "CZ": " s.r.o.", "KZ": " LLP", "UZ": " MChJ",
                          "EG": " S.A.E.", "DE": " GmbH", "US": " LLC", "IT": " S.r.l.", "BG": " EOOD", "RS": " d.o.o.", "GE": " LLC",
                          "AM": " CJSC", "HU": " Kft.", "MA": " SARL"}[cc]
                org = stem + rng.choice(tails) + suffix
                asn = rng.randint(196608, 216000) if cc not in ("US",) else rng.randint(393216, 401000)
                while asn in self.asns:
                    asn += 1
                self._national(cc, "fixed", asn, org, rng.randint(1, 2), only_city=city)
        self._cgnat()

    def _mk(self, asn, org, cc, kind, reg=None):
        while asn in self.asns:
            asn += 100000
        a = ASN(asn, org, cc, kind, reg)
        self.asns[asn] = a
        if cc != "*":
            self.by_cc.setdefault(cc, {}).setdefault(kind, []).append(a)
        return a

    def _national(self, cc, kind, asn, org, size, only_city=None):
        a = self._mk(asn, org, cc, kind)
        a.size = size
        rir = RIR_OF.get(cc, "ripe")
        cities = COUNTRIES[cc][3]
        if only_city:
            cities = [c for c in cities if c[0] == only_city]
        ws = [c[4] for c in cities]
        nblocks = size if not kind.startswith("mobile") else max(1, size // 2)
        for i in range(nblocks):
            city = cities[i % len(cities)][0] if i < len(cities) else self.rng.choices(cities, ws)[0][0]
            a.blocks.append((self.alloc.v4(rir, 20), city, cc))
        if kind.endswith("6"):
            subs = self.alloc.v6(rir).subnets(new_prefix=40)
            for c in cities:
                a.v6.append((next(subs), c[0], cc))
        return a

    def _cgnat(self):
        for a in self.asns.values():
            if a.kind.startswith("mobile"):
                n = 48 * a.size
                for i in range(n):
                    blk = self.rng.choice(a.blocks)[0]
                    a.pool.append(int(blk.network_address) + self.rng.randrange(1, blk.num_addresses - 1))

    # --------------------------------------------------------- lookups
    def networks(self, cc, kinds):
        out = []
        for k in kinds:
            out += self.by_cc.get(cc, {}).get(k, [])
        return out

    def pick_isp(self, rng, cc, mobile=False):
        kinds = ("mobile", "mobile6") if mobile else ("fixed", "fixed6")
        l = self.networks(cc, kinds)
        if not l:
            l = self.networks(cc, ("fixed", "fixed6", "mobile", "mobile6"))
        return rng.choices(l, [getattr(a, "size", 1) for a in l])[0]

    def host_in(self, rng, a, city=None, v6=False):
        """A random host address inside a's space, preferring `city`."""
        if v6 and a.v6:
            cand = [b for b in a.v6 if b[1] == city] or a.v6
            blk = rng.choice(cand)[0]
            val = int(blk.network_address) | (rng.getrandbits(24) << 64) | rng.getrandbits(64)
            return str(ipaddress.IPv6Address(val))
        cand = [b for b in a.blocks if b[1] == city] or a.blocks
        blk = rng.choice(cand)[0]
        return str(ipaddress.IPv4Address(int(blk.network_address) + rng.randrange(2, blk.num_addresses - 2)))

    def cgnat_ip(self, rng, a):
        return str(ipaddress.IPv4Address(rng.choice(a.pool)))

    def city_of(self, a, city=None):
        if city and (a.cc, city) in self.cities:
            return city
        return a.blocks[0][1]

    # --------------------------------------------------------- mmdb
    def write_mmdb(self, outdir):
        import mmdb_writer
        from mmdb_writer import MMDBWriter
        # fixed build_epoch (2026-09-06T00:00Z) so the databases are byte-identical for a seed
        mmdb_writer.time = type("FixedClock", (), {"time": staticmethod(lambda: 1788652800)})
        from netaddr import IPSet
        asn_w = MMDBWriter(6, "GeoLite2-ASN", languages=["en"], description="Lumen world GeoLite2-ASN (synthetic)", ipv4_compatible=True)
        city_w = MMDBWriter(6, "GeoLite2-City", languages=["en"], description="Lumen world GeoLite2-City (synthetic)", ipv4_compatible=True)
        n = 0
        for asn in sorted(self.asns):
            a = self.asns[asn]
            rec = {"autonomous_system_number": a.asn, "autonomous_system_organization": a.org}
            nets = [str(b[0]) for b in a.blocks] + [str(b[0]) for b in a.v6]
            asn_w.insert_network(IPSet(nets), rec)
            for (blk, city, cc) in a.blocks + a.v6:
                city_w.insert_network(IPSet([str(blk)]), self.city_record(a, city, cc))
                n += 1
        asn_w.to_db_file(outdir + "/GeoLite2-ASN.mmdb")
        city_w.to_db_file(outdir + "/GeoLite2-City.mmdb")
        return n

    def city_record(self, a, city, cc):
        name, cont = COUNTRIES[cc][0], COUNTRIES[cc][1]
        la, lo, tz = self.cities[(cc, city)]
        reg = a.reg_cc if a.reg_cc in COUNTRIES else cc
        mobile = a.kind.startswith("mobile")
        rec = {
            "continent": {"code": cont, "geoname_id": gid(cont), "names": {"en": CONT[cont]}},
            "country": {"geoname_id": gid(cc), "iso_code": cc, "names": {"en": name}},
            "registered_country": {"geoname_id": gid(reg), "iso_code": reg, "names": {"en": COUNTRIES[reg][0]}},
            "location": {"accuracy_radius": 500 if mobile else (1000 if a.kind in ("cloud", "vpn", "hosting", "relay", "secproxy") else 20 + gid(city) % 80),
                         "latitude": round(la + (0 if not mobile else 0.0), 4), "longitude": round(lo, 4), "time_zone": tz},
        }
        if a.reg_cc not in COUNTRIES:  # e.g. PA-registered VPN companies
            rec["registered_country"] = {"geoname_id": gid(a.reg_cc), "iso_code": a.reg_cc, "names": {"en": {"PA": "Panama", "LU": "Luxembourg"}.get(a.reg_cc, a.reg_cc)}}
        if cont == "EU" and cc in ("DE", "AT", "FR", "BE", "NL", "ES", "PT", "IT", "SE", "FI", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "HR", "SI", "LT", "LV", "EE", "IE"):
            rec["country"]["is_in_european_union"] = True
        if mobile:
            # carriers geolocate to country centroid-ish (first city), no city name
            la0, lo0, _ = self.cities[(cc, COUNTRIES[cc][3][0][0])]
            rec["location"]["latitude"], rec["location"]["longitude"] = round(la0 + 0.5, 2), round(lo0 - 0.5, 2)
        else:
            rec["city"] = {"geoname_id": gid(cc + city), "names": {"en": city}}
        return rec
