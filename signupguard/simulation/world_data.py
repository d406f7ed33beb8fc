"""Reference data of the synthetic internet: countries, their networks, providers.

Real autonomous-system numbers and organisation names (as published in
GeoLite2-ASN) so that the demo databases look like the real ones; the address
ranges are allocated synthetically in :mod:`world`. Weights are rough shares
of a global consumer web service's signups, not measurements.
"""

from __future__ import annotations

# iso: (weight, zones [(zone, w)], languages, faker locales, mobile share, iOS share of mobile,
#       rir, email domains {domain: w}, residential [(asn, org)], mobile [(asn, org, v6 share)],
#       education [(asn, org, mail domain)])
COMMON_MAIL = {"gmail.com": 55, "outlook.com": 8, "hotmail.com": 7, "yahoo.com": 6, "icloud.com": 5, "proton.me": 1}

COUNTRIES: dict[str, tuple] = {
    "US": (22, [("America/New_York", 45), ("America/Chicago", 28), ("America/Denver", 7), ("America/Los_Angeles", 18), ("America/Phoenix", 2)],
           ["en-US", "en"], ["en_US"], 0.55, 0.58, "arin", {"gmail.com": 55, "yahoo.com": 9, "outlook.com": 7, "hotmail.com": 6, "icloud.com": 10, "aol.com": 2, "comcast.net": 1},
           [(7922, "Comcast Cable Communications, LLC"), (20115, "Charter Communications"), (7018, "AT&T Services, Inc."), (701, "Verizon Business"), (22773, "Cox Communications Inc.")],
           [(21928, "T-Mobile USA, Inc.", 0.9), (6167, "Cellco Partnership DBA Verizon Wireless", 0.6), (20057, "AT&T Mobility LLC", 0.6)],
           [(3, "Massachusetts Institute of Technology", "mit.edu"), (32, "Stanford University", "stanford.edu"), (25, "University of California at Berkeley", "berkeley.edu")]),
    "CA": (3, [("America/Toronto", 55), ("America/Vancouver", 25), ("America/Edmonton", 12), ("America/Halifax", 8)],
           ["en-CA", "en"], ["en_CA", "fr_CA"], 0.55, 0.55, "arin", {"gmail.com": 50, "hotmail.com": 12, "outlook.com": 8, "yahoo.ca": 6, "icloud.com": 8},
           [(812, "Rogers Communications Canada Inc."), (577, "Bell Canada"), (6327, "Shaw Communications Inc.")],
           [(852, "TELUS Communications Inc.", 0.4)], [(239, "University of Toronto", "utoronto.ca")]),
    "MX": (3, [("America/Mexico_City", 80), ("America/Tijuana", 10), ("America/Monterrey", 10)],
           ["es-MX", "es"], ["es_MX"], 0.7, 0.25, "lacnic", {"gmail.com": 60, "hotmail.com": 22, "outlook.com": 8, "yahoo.com.mx": 6},
           [(8151, "UNINET"), (22884, "TOTAL PLAY TELECOMUNICACIONES SA DE CV")], [(28403, "Radiomovil Dipsa, S.A. de C.V.", 0.3)], []),
    "BR": (5, [("America/Sao_Paulo", 80), ("America/Manaus", 8), ("America/Fortaleza", 12)],
           ["pt-BR", "pt"], ["pt_BR"], 0.72, 0.15, "lacnic", {"gmail.com": 68, "hotmail.com": 14, "outlook.com": 6, "yahoo.com.br": 5, "uol.com.br": 2, "bol.com.br": 2},
           [(28573, "Claro NXT Telecomunicacoes Ltda"), (26599, "TELEFONICA BRASIL S.A"), (7738, "Telemar Norte Leste S.A.")],
           [(26615, "TIM S/A", 0.5)], [(28571, "UNIVERSIDADE DE SAO PAULO", "usp.br")]),
    "AR": (1.2, [("America/Argentina/Buenos_Aires", 100)], ["es-AR", "es"], ["es_AR"], 0.7, 0.15, "lacnic",
           {"gmail.com": 65, "hotmail.com": 20, "yahoo.com.ar": 6, "outlook.com": 5}, [(7303, "Telecom Argentina S.A."), (10318, "Telecom Argentina S.A.")],
           [(22927, "Telefonica de Argentina", 0.3)], []),
    "CO": (1.2, [("America/Bogota", 100)], ["es-CO", "es"], ["es_CO"], 0.7, 0.2, "lacnic", {"gmail.com": 62, "hotmail.com": 22, "outlook.com": 8, "yahoo.com": 5},
           [(10620, "Telmex Colombia S.A."), (13489, "EPM Telecomunicaciones S.A. E.S.P.")], [(3816, "COLOMBIA TELECOMUNICACIONES S.A. ESP", 0.3)], []),
    "CL": (0.8, [("America/Santiago", 100)], ["es-CL", "es"], ["es_CL"], 0.65, 0.25, "lacnic", {"gmail.com": 65, "hotmail.com": 18, "outlook.com": 8},
           [(22047, "VTR BANDA ANCHA S.A."), (7418, "TELEFONICA CHILE S.A.")], [(27651, "Entel Chile S.A.", 0.4)], []),
    "GB": (6, [("Europe/London", 100)], ["en-GB", "en"], ["en_GB"], 0.55, 0.52, "ripe",
           {"gmail.com": 50, "hotmail.co.uk": 12, "outlook.com": 8, "yahoo.co.uk": 6, "icloud.com": 9, "btinternet.com": 3, "live.co.uk": 3},
           [(2856, "British Telecommunications PLC"), (5089, "Virgin Media Limited"), (5607, "Sky UK Limited"), (13285, "TalkTalk Communications Limited")],
           [(12576, "EE Limited", 0.6), (25135, "Vodafone Limited", 0.3), (206067, "Hutchison 3G UK Limited", 0.4)],
           [(786, "Jisc Services Limited", "ox.ac.uk"), (786, "Jisc Services Limited", "ucl.ac.uk")]),
    "IE": (0.8, [("Europe/Dublin", 100)], ["en-IE", "en"], ["en_IE"], 0.55, 0.5, "ripe", {"gmail.com": 58, "hotmail.com": 12, "outlook.com": 8, "icloud.com": 8, "eircom.net": 2},
           [(5466, "Eircom Limited"), (6830, "Liberty Global B.V.")], [(15502, "Vodafone Ireland Limited", 0.3)], [(1213, "HEAnet", "tcd.ie")]),
    "DE": (6, [("Europe/Berlin", 100)], ["de-DE", "de", "en-US", "en"], ["de_DE"], 0.5, 0.38, "ripe",
           {"gmail.com": 35, "web.de": 16, "gmx.de": 15, "t-online.de": 6, "outlook.de": 4, "hotmail.de": 3, "icloud.com": 6, "googlemail.com": 4, "yahoo.de": 2, "posteo.de": 1},
           [(3320, "Deutsche Telekom AG"), (3209, "Vodafone GmbH"), (8881, "1&1 Versatel Deutschland GmbH")],
           [(6805, "Telefonica Germany GmbH & Co.OHG", 0.5), (3320, "Deutsche Telekom AG", 0.8)],
           [(680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "tum.de"), (680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "uni-heidelberg.de")]),
    "FR": (5, [("Europe/Paris", 100)], ["fr-FR", "fr", "en-US", "en"], ["fr_FR"], 0.55, 0.4, "ripe",
           {"gmail.com": 50, "orange.fr": 9, "hotmail.fr": 10, "free.fr": 6, "yahoo.fr": 5, "laposte.net": 4, "sfr.fr": 3, "outlook.fr": 4, "icloud.com": 6},
           [(3215, "Orange S.A."), (12322, "Free SAS"), (15557, "Societe Francaise Du Radiotelephone - SFR SA")],
           [(5410, "Bouygues Telecom SA", 0.6), (51207, "Free Mobile SAS", 0.8)], [(2200, "Renater", "univ-paris1.fr")]),
    "ES": (3, [("Europe/Madrid", 94), ("Atlantic/Canary", 6)], ["es-ES", "es"], ["es_ES"], 0.62, 0.3, "ripe",
           {"gmail.com": 62, "hotmail.com": 15, "outlook.es": 6, "yahoo.es": 5, "icloud.com": 6},
           [(3352, "TELEFONICA DE ESPANA S.A.U."), (12479, "Orange Espagne SA")], [(12430, "Vodafone Espana S.A.U.", 0.3)], [(766, "Entidad Publica Empresarial Red.es", "ucm.es")]),
    "IT": (3, [("Europe/Rome", 100)], ["it-IT", "it", "en-US", "en"], ["it_IT"], 0.62, 0.33, "ripe",
           {"gmail.com": 55, "libero.it": 10, "hotmail.it": 9, "yahoo.it": 6, "outlook.it": 5, "icloud.com": 6, "alice.it": 2},
           [(3269, "Telecom Italia S.p.A."), (12874, "Fastweb SpA")], [(1267, "WIND TRE S.P.A.", 0.3), (30722, "Vodafone Italia S.p.A.", 0.3)], [(137, "Consortium GARR", "unibo.it")]),
    "NL": (2, [("Europe/Amsterdam", 100)], ["nl-NL", "nl", "en-US", "en"], ["nl_NL"], 0.55, 0.45, "ripe", {"gmail.com": 55, "hotmail.com": 12, "outlook.com": 10, "ziggo.nl": 4, "kpnmail.nl": 3, "icloud.com": 8},
           [(1136, "KPN B.V."), (9143, "Ziggo B.V.")], [(50266, "Odido Netherlands B.V.", 0.7)], [(1103, "SURF B.V.", "uva.nl")]),
    "BE": (1, [("Europe/Brussels", 100)], ["nl-BE", "nl", "fr-BE", "fr"], ["nl_BE", "fr_BE"], 0.55, 0.45, "ripe", {"gmail.com": 55, "hotmail.com": 14, "skynet.be": 3, "telenet.be": 5, "outlook.com": 8},
           [(5432, "Proximus NV"), (6848, "Telenet BV")], [(12392, "Orange Belgium SA", 0.3)], []),
    "SE": (1, [("Europe/Stockholm", 100)], ["sv-SE", "sv", "en-US", "en"], ["sv_SE"], 0.55, 0.5, "ripe", {"gmail.com": 55, "hotmail.com": 15, "outlook.com": 8, "icloud.com": 8, "telia.com": 3},
           [(3301, "Telia Company AB"), (39651, "Tele2 Sverige AB")], [(1257, "Tele2 Sverige AB", 0.5)], [(1653, "SUNET Swedish University Network", "kth.se")]),
    "NO": (0.6, [("Europe/Oslo", 100)], ["nb-NO", "nb", "no", "en"], ["no_NO"], 0.55, 0.55, "ripe", {"gmail.com": 55, "hotmail.com": 15, "outlook.com": 8, "online.no": 4, "icloud.com": 8},
           [(2119, "Telenor Norge AS")], [(29695, "Lyse Tele AS", 0.4)], []),
    "PL": (2, [("Europe/Warsaw", 100)], ["pl-PL", "pl", "en-US", "en"], ["pl_PL"], 0.6, 0.2, "ripe", {"gmail.com": 45, "wp.pl": 13, "o2.pl": 10, "onet.pl": 10, "interia.pl": 8, "outlook.com": 5},
           [(5617, "Orange Polska Spolka Akcyjna"), (12741, "Netia SA")], [(39603, "P4 Sp. z o.o.", 0.4)], [(8501, "Poznan Supercomputing and Networking Center", "uw.edu.pl")]),
    "CZ": (0.6, [("Europe/Prague", 100)], ["cs-CZ", "cs", "en"], ["cs_CZ"], 0.55, 0.25, "ripe", {"gmail.com": 45, "seznam.cz": 35, "email.cz": 8, "centrum.cz": 4},
           [(5610, "O2 Czech Republic, a.s.")], [(16019, "Vodafone Czech Republic a.s.", 0.3)], []),
    "RO": (0.8, [("Europe/Bucharest", 100)], ["ro-RO", "ro", "en-US", "en"], ["ro_RO"], 0.6, 0.2, "ripe", {"gmail.com": 62, "yahoo.com": 18, "hotmail.com": 7},
           [(8708, "RCS & RDS SA")], [(8953, "Orange Romania S.A.", 0.3)], []),
    "UA": (1, [("Europe/Kyiv", 100)], ["uk-UA", "uk", "ru", "en"], ["uk_UA"], 0.6, 0.25, "ripe", {"gmail.com": 65, "ukr.net": 20, "i.ua": 4, "meta.ua": 3},
           [(6849, "PJSC Ukrtelecom"), (13188, "Content Delivery Network Ltd")], [(15895, "Kyivstar PJSC", 0.3)], []),
    "TR": (2, [("Europe/Istanbul", 100)], ["tr-TR", "tr"], ["tr_TR"], 0.7, 0.2, "ripe", {"gmail.com": 65, "hotmail.com": 22, "outlook.com": 5, "yandex.com.tr": 3},
           [(9121, "Turk Telekomunikasyon Anonim Sirketi"), (34984, "Superonline Iletisim Hizmetleri A.S.")], [(16135, "Turkcell Iletisim Hizmetleri A.S.", 0.3)], []),
    "IN": (9, [("Asia/Kolkata", 100)], ["en-IN", "en", "hi"], ["en_IN", "hi_IN"], 0.82, 0.05, "apnic", {"gmail.com": 82, "yahoo.com": 6, "outlook.com": 4, "rediffmail.com": 3, "hotmail.com": 3},
           [(24560, "Bharti Airtel Ltd., Telemedia Services"), (24309, "Atria Convergence Technologies Ltd."), (9829, "National Internet Backbone")],
           [(55836, "Reliance Jio Infocomm Limited", 0.85), (45609, "Bharti Airtel Ltd. AS for GPRS Service", 0.5), (38266, "Vodafone Idea Ltd", 0.3)],
           [(2697, "Education and Research Network", "iitb.ac.in")]),
    "PK": (1.2, [("Asia/Karachi", 100)], ["en-US", "en", "ur"], ["en_PK"], 0.8, 0.05, "apnic", {"gmail.com": 80, "yahoo.com": 8, "hotmail.com": 6},
           [(17557, "Pakistan Telecommunication Company Limited")], [(45669, "Pakistan Mobile Communications Limited", 0.2)], []),
    "BD": (1, [("Asia/Dhaka", 100)], ["en-US", "en", "bn"], ["en_BD"], 0.8, 0.04, "apnic", {"gmail.com": 85, "yahoo.com": 8},
           [(24432, "Dhakacom Limited")], [(24389, "Grameenphone Ltd.", 0.3)], []),
    "ID": (3, [("Asia/Jakarta", 75), ("Asia/Makassar", 18), ("Asia/Jayapura", 7)], ["id-ID", "id", "en-US", "en"], ["id_ID"], 0.82, 0.1, "apnic",
           {"gmail.com": 85, "yahoo.com": 8, "yahoo.co.id": 3}, [(7713, "PT Telekomunikasi Indonesia"), (17451, "BIZNET NETWORKS")],
           [(23693, "PT. Telekomunikasi Selular", 0.4), (4761, "INDOSAT Internet Network Provider", 0.3)], []),
    "PH": (2, [("Asia/Manila", 100)], ["en-PH", "en", "fil"], ["en_PH", "fil_PH"], 0.8, 0.15, "apnic", {"gmail.com": 82, "yahoo.com": 10},
           [(9299, "Philippine Long Distance Telephone Company"), (10139, "Smart Broadband, Inc.")], [(132199, "Globe Telecom Inc.", 0.6)], []),
    "VN": (1.5, [("Asia/Ho_Chi_Minh", 100)], ["vi-VN", "vi", "en-US", "en"], ["vi_VN"], 0.8, 0.2, "apnic", {"gmail.com": 90, "yahoo.com": 5},
           [(45899, "VNPT Corp"), (18403, "FPT Telecom Company")], [(7552, "Viettel Group", 0.5)], []),
    "TH": (1.2, [("Asia/Bangkok", 100)], ["th-TH", "th", "en"], ["th_TH"], 0.78, 0.3, "apnic", {"gmail.com": 80, "hotmail.com": 12},
           [(45758, "Triple T Broadband Public Company Limited"), (7470, "TRUE INTERNET Co.,Ltd.")], [(131445, "Advanced Wireless Network Company Limited", 0.5)], []),
    "MY": (1, [("Asia/Kuala_Lumpur", 100)], ["en-MY", "en", "ms"], ["en_MS"], 0.75, 0.3, "apnic", {"gmail.com": 80, "yahoo.com": 10, "hotmail.com": 6},
           [(4788, "TM Net, Internet Service Provider")], [(9534, "Maxis Broadband Sdn.Bhd.", 0.4)], []),
    "SG": (0.8, [("Asia/Singapore", 100)], ["en-SG", "en", "zh-SG"], ["en_US", "zh_CN"], 0.65, 0.55, "apnic", {"gmail.com": 65, "hotmail.com": 10, "yahoo.com.sg": 5, "icloud.com": 10},
           [(9506, "Singtel Fibre Broadband"), (4657, "StarHub Ltd")], [(10091, "M1 Limited", 0.4)], [(7472, "National University of Singapore", "u.nus.edu")]),
    "JP": (4, [("Asia/Tokyo", 100)], ["ja-JP", "ja"], ["ja_JP"], 0.62, 0.68, "apnic",
           {"gmail.com": 45, "yahoo.co.jp": 18, "icloud.com": 14, "docomo.ne.jp": 5, "outlook.jp": 4, "hotmail.co.jp": 4, "ezweb.ne.jp": 3, "softbank.ne.jp": 3},
           [(4713, "NTT Communications Corporation"), (2516, "KDDI CORPORATION"), (17676, "SoftBank Corp.")], [(9605, "NTT DOCOMO, INC.", 0.6)], [(2907, "Research Organization of Information and Systems, National Institute of Informatics", "u-tokyo.ac.jp")]),
    "KR": (2, [("Asia/Seoul", 100)], ["ko-KR", "ko", "en-US", "en"], ["ko_KR"], 0.7, 0.3, "apnic", {"gmail.com": 45, "naver.com": 40, "daum.net": 8, "kakao.com": 4},
           [(4766, "Korea Telecom"), (9318, "SK Broadband Co Ltd")], [(9644, "SK Telecom", 0.5), (17858, "LG POWERCOMM", 0.4)], []),
    "TW": (1, [("Asia/Taipei", 100)], ["zh-TW", "zh", "en-US", "en"], ["zh_TW"], 0.7, 0.5, "apnic", {"gmail.com": 70, "yahoo.com.tw": 12, "hotmail.com": 8},
           [(3462, "Data Communication Business Group")], [(24158, "Taiwan Mobile Co., Ltd.", 0.3)], []),
    "HK": (0.8, [("Asia/Hong_Kong", 100)], ["zh-HK", "zh", "en"], ["zh_TW", "en_US"], 0.7, 0.6, "apnic", {"gmail.com": 65, "yahoo.com.hk": 10, "hotmail.com": 10, "icloud.com": 10},
           [(4760, "HKT Limited"), (9304, "HGC Global Communications Limited")], [(9231, "China Mobile Hong Kong Company Limited", 0.3)], []),
    "AU": (2.5, [("Australia/Sydney", 55), ("Australia/Melbourne", 20), ("Australia/Brisbane", 15), ("Australia/Perth", 10)], ["en-AU", "en"], ["en_AU"], 0.55, 0.55, "apnic",
           {"gmail.com": 50, "hotmail.com": 12, "outlook.com": 8, "bigpond.com": 5, "icloud.com": 12, "yahoo.com.au": 5},
           [(1221, "Telstra Corporation Ltd"), (7545, "TPG Telecom Limited")], [(4804, "Optus Internet", 0.4)], [(7575, "Australian Academic and Research Network (AARNet)", "unimelb.edu.au")]),
    "NZ": (0.5, [("Pacific/Auckland", 100)], ["en-NZ", "en"], ["en_NZ"], 0.55, 0.5, "apnic", {"gmail.com": 55, "hotmail.com": 12, "xtra.co.nz": 6, "icloud.com": 10},
           [(4771, "Spark New Zealand Trading Ltd.")], [(9500, "One New Zealand Group Limited", 0.4)], []),
    "ZA": (1, [("Africa/Johannesburg", 100)], ["en-ZA", "en", "af"], ["en_US", "zu_ZA"], 0.75, 0.2, "afrinic", {"gmail.com": 70, "yahoo.com": 8, "outlook.com": 8, "webmail.co.za": 3},
           [(37457, "Telkom SA Ltd.")], [(29975, "Vodacom", 0.3), (16637, "MTN SA", 0.3)], [(2018, "TENET", "uct.ac.za")]),
    "NG": (1.5, [("Africa/Lagos", 100)], ["en-NG", "en"], ["en_NG", "yo_NG"], 0.85, 0.1, "afrinic", {"gmail.com": 85, "yahoo.com": 10},
           [(37282, "MainOne Cable Company")], [(29465, "MTN NIGERIA Communication limited", 0.2), (36873, "Airtel Networks Limited", 0.2)], []),
    "KE": (0.8, [("Africa/Nairobi", 100)], ["en-KE", "en", "sw"], ["en_KE"], 0.85, 0.1, "afrinic", {"gmail.com": 85, "yahoo.com": 8},
           [(15399, "Wananchi Group (Kenya) Limited")], [(33771, "Safaricom Limited", 0.3)], []),
    "EG": (1.2, [("Africa/Cairo", 100)], ["ar-EG", "ar", "en"], ["ar_EG"], 0.8, 0.1, "afrinic", {"gmail.com": 75, "yahoo.com": 12, "hotmail.com": 10},
           [(8452, "TE Data")], [(24835, "Vodafone Data", 0.2)], []),
    "SA": (1, [("Asia/Riyadh", 100)], ["ar-SA", "ar", "en"], ["ar_SA"], 0.8, 0.5, "ripe", {"gmail.com": 70, "hotmail.com": 15, "outlook.sa": 4, "icloud.com": 8},
           [(25019, "Saudi Telecom Company JSC")], [(35819, "Etihad Etisalat Company", 0.4)], []),
    "AE": (0.8, [("Asia/Dubai", 100)], ["en-US", "en", "ar"], ["ar_AE", "en_IN"], 0.75, 0.55, "ripe", {"gmail.com": 65, "hotmail.com": 12, "yahoo.com": 8, "icloud.com": 10},
           [(5384, "Emirates Telecommunications Group Company (Etisalat Group) PJSC")], [(15802, "Emirates Integrated Telecommunications Company PJSC", 0.3)], []),
    "IL": (0.8, [("Asia/Jerusalem", 100)], ["he-IL", "he", "en-US", "en"], ["he_IL"], 0.6, 0.4, "ripe", {"gmail.com": 70, "walla.co.il": 8, "hotmail.com": 8},
           [(8551, "Bezeq International"), (9116, "Partner Communications Ltd.")], [(12400, "Partner Communications Ltd.", 0.3)], []),
    # Unsupported regions: signups from here are refused by the service's terms; they appear
    # in the simulation only behind VPNs (geo-evasion), never directly as legit users.
    "CN": (0, [("Asia/Shanghai", 100)], ["zh-CN", "zh"], ["zh_CN"], 0.75, 0.25, "apnic", {"qq.com": 40, "163.com": 25, "gmail.com": 15, "126.com": 10, "outlook.com": 6, "sina.com": 4},
           [(4134, "CHINANET-BACKBONE"), (4837, "CHINA UNICOM China169 Backbone")], [(9808, "China Mobile Communications Group Co., Ltd.", 0.5)], []),
    "RU": (0, [("Europe/Moscow", 80), ("Asia/Yekaterinburg", 10), ("Asia/Novosibirsk", 10)], ["ru-RU", "ru"], ["ru_RU"], 0.65, 0.3, "ripe",
           {"gmail.com": 35, "yandex.ru": 30, "mail.ru": 25, "rambler.ru": 4, "bk.ru": 4},
           [(12389, "PJSC Rostelecom"), (8359, "MTS PJSC")], [(31133, "PJSC MegaFon", 0.3)], []),
    "IR": (0, [("Asia/Tehran", 100)], ["fa-IR", "fa", "en"], ["fa_IR"], 0.75, 0.1, "ripe", {"gmail.com": 75, "yahoo.com": 15},
           [(58224, "Iran Telecommunication Company PJS")], [(197207, "Mobile Communication Company of Iran PLC", 0.2)], []),
}
UNSUPPORTED = ("CN", "RU", "IR")

# Hosting providers: (asn, org, [(country, zone), ...] data-centre locations).
HOSTING: list[tuple[int, str, list[tuple[str, str]]]] = [
    (16509, "AMAZON-02", [("US", "America/New_York"), ("US", "America/Los_Angeles"), ("DE", "Europe/Berlin"), ("IE", "Europe/Dublin"), ("JP", "Asia/Tokyo"), ("SG", "Asia/Singapore"), ("IN", "Asia/Kolkata"), ("BR", "America/Sao_Paulo")]),
    (14618, "AMAZON-AES", [("US", "America/New_York")]),
    (396982, "GOOGLE-CLOUD-PLATFORM", [("US", "America/Chicago"), ("NL", "Europe/Amsterdam"), ("TW", "Asia/Taipei")]),
    (8075, "MICROSOFT-CORP-MSN-AS-BLOCK", [("US", "America/Chicago"), ("NL", "Europe/Amsterdam"), ("SG", "Asia/Singapore")]),
    (14061, "DIGITALOCEAN-ASN", [("US", "America/New_York"), ("US", "America/Los_Angeles"), ("DE", "Europe/Berlin"), ("GB", "Europe/London"), ("SG", "Asia/Singapore"), ("IN", "Asia/Kolkata")]),
    (16276, "OVH SAS", [("FR", "Europe/Paris"), ("CA", "America/Toronto"), ("PL", "Europe/Warsaw"), ("DE", "Europe/Berlin")]),
    (24940, "Hetzner Online GmbH", [("DE", "Europe/Berlin"), ("US", "America/New_York")]),
    (63949, "Akamai Connected Cloud", [("US", "America/New_York"), ("JP", "Asia/Tokyo"), ("GB", "Europe/London")]),
    (20473, "The Constant Company, LLC", [("US", "America/Chicago"), ("JP", "Asia/Tokyo"), ("SG", "Asia/Singapore"), ("NL", "Europe/Amsterdam")]),
    (51167, "Contabo GmbH", [("DE", "Europe/Berlin"), ("US", "America/Chicago")]),
    (45102, "Alibaba US Technology Co., Ltd.", [("HK", "Asia/Hong_Kong"), ("SG", "Asia/Singapore"), ("US", "America/Los_Angeles")]),
    (132203, "Tencent Building, Kejizhongyi Avenue", [("HK", "Asia/Hong_Kong"), ("SG", "Asia/Singapore")]),
    (31898, "ORACLE-BMC-31898", [("US", "America/Chicago"), ("JP", "Asia/Tokyo")]),
    (12876, "SCALEWAY S.A.S.", [("FR", "Europe/Paris"), ("NL", "Europe/Amsterdam")]),
    (60781, "LeaseWeb Netherlands B.V.", [("NL", "Europe/Amsterdam")]),
    (53667, "FranTech Solutions", [("US", "America/Los_Angeles"), ("LU", "Europe/Luxembourg")]),
]
# Commercial VPN exits (anonymising providers renting in many places).
VPN: list[tuple[int, str, list[tuple[str, str]]]] = [
    (9009, "M247 Europe SRL", [("US", "America/New_York"), ("GB", "Europe/London"), ("DE", "Europe/Berlin"), ("FR", "Europe/Paris"), ("JP", "Asia/Tokyo"), ("SG", "Asia/Singapore"), ("RO", "Europe/Bucharest"), ("CA", "America/Toronto")]),
    (60068, "Datacamp Limited", [("US", "America/Los_Angeles"), ("GB", "Europe/London"), ("NL", "Europe/Amsterdam"), ("HK", "Asia/Hong_Kong"), ("AU", "Australia/Sydney")]),
    (212238, "Datacamp Limited", [("DE", "Europe/Berlin"), ("US", "America/Chicago"), ("JP", "Asia/Tokyo")]),
    (147049, "PacketHub S.A.", [("US", "America/New_York"), ("NL", "Europe/Amsterdam"), ("SE", "Europe/Stockholm")]),
    (136787, "TEFINCOM S.A.", [("US", "America/Chicago"), ("GB", "Europe/London"), ("SG", "Asia/Singapore")]),
    (39351, "31173 Services AB", [("SE", "Europe/Stockholm"), ("DE", "Europe/Berlin"), ("US", "America/New_York")]),
    (62240, "Clouvider Limited", [("GB", "Europe/London"), ("US", "America/New_York")]),
    (11878, "tzulo, inc.", [("US", "America/Chicago")]),
]
# Privacy relays (iCloud Private Relay egress runs on CDN networks).
RELAY: list[tuple[int, str]] = [(36183, "Akamai Technologies, Inc."), (13335, "CLOUDFLARENET"), (54113, "FASTLY")]
# "ISP proxy" / static residential providers and data-centre proxy hosts.
PROXY_HOSTS: list[tuple[int, str, list[tuple[str, str]]]] = [
    (40676, "Psychz Networks", [("US", "America/Los_Angeles")]),
    (35916, "MULTACOM CORPORATION", [("US", "America/Los_Angeles")]),
    (8100, "QuadraNet Enterprises LLC", [("US", "America/Los_Angeles")]),
    (49453, "Global Layer B.V.", [("NL", "Europe/Amsterdam")]),
]
# Tor exits are hosted by privacy foundations and cheap hosts.
TOR: list[tuple[int, str, list[tuple[str, str]]]] = [
    (60729, "Stiftung Erneuerbare Freiheit", [("DE", "Europe/Berlin")]),
    (208323, "Foundation for Applied Privacy", [("AT", "Europe/Vienna")]),
]
# Business ISPs and cloud security egress used by companies.
BUSINESS: list[tuple[int, str]] = [(174, "Cogent Communications"), (3356, "Level 3 Parent, LLC"), (6461, "Zayo Bandwidth"), (1299, "Arelion Sweden AB"), (62044, "Zscaler, Inc.")]
# Of those, cloud security gateways: a company's traffic leaves through many of their addresses.
GATEWAYS: frozenset[int] = frozenset({62044})

# Regional Internet registries: first octets they administer (IPv4) and the first hextets of IPv6.
RIR_V4: dict[str, list[int]] = {
    "arin": [23, 24, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 173, 174, 184, 199, 204, 205, 206, 207, 208, 209, 216],
    "ripe": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "apnic": [1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 175, 180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222, 223],
    "lacnic": [177, 179, 181, 186, 187, 189, 190, 191, 200, 201],
    "afrinic": [41, 102, 105, 154, 196, 197],
}
RIR_V6: dict[str, list[int]] = {
    "arin": [0x2600, 0x2601, 0x2602, 0x2603, 0x2604, 0x2605, 0x2607],
    "ripe": [0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2a04, 0x2a05, 0x2a06, 0x2a0a],
    "apnic": [0x2400, 0x2401, 0x2402, 0x2403, 0x2404, 0x2405, 0x2406, 0x2407, 0x2408, 0x2409],
    "lacnic": [0x2800, 0x2801, 0x2803, 0x2804],
    "afrinic": [0x2c0f],
}
COUNTRY_RIR_EXTRA = {"LU": "ripe", "AT": "ripe"}
