"""The invented internet: autonomous systems.

AS numbers and organisation strings are modelled on how real networks appear
in GeoLite2-ASN; every address range is invented by world.py.

Each entry: (asn, org, registration cc, kind, params)
kind:
  isp     fixed and/or mobile access network of one country
  edu     research & education network / campus
  corp    enterprise with its own AS (small office egress pools)
  host    hosting / cloud (VMs; also where self-hosted VPNs and bots live)
  vpn     consumer VPN provider (exit servers in many countries)
  relay   privacy relay egress (iCloud Private Relay partners)
  swg     secure web gateway (Zscaler-like)
  tor     networks known for Tor exits
  sat     satellite ISP
  air     in-flight Wi-Fi
  venue   event/venue Wi-Fi provider
params for isp: fixed=market weight, mobile=market weight, v6f/v6m = IPv6 share
among subscribers, biz = business-line weight (small offices)
"""

ISP = []   # (asn, org, cc, fixed, mobile, v6f, v6m, biz)


def isp(asn, org, cc, fixed=0.0, mobile=0.0, v6f=0.0, v6m=0.0, biz=0.0):
    ISP.append((asn, org, cc, fixed, mobile, v6f, v6m, biz))


# --- Europe -----------------------------------------------------------------
isp(3320, "Deutsche Telekom AG", "DE", fixed=40, mobile=38, v6f=0.78, v6m=0.80, biz=30)
isp(3209, "Vodafone GmbH", "DE", fixed=30, mobile=32, v6f=0.62, v6m=0.55, biz=15)
isp(6805, "Telefonica Germany GmbH & Co.OHG", "DE", fixed=8, mobile=30, v6f=0.35, v6m=0.62, biz=4)
isp(8881, "1&1 Versatel Deutschland GmbH", "DE", fixed=12, v6f=0.6, biz=10)
isp(60294, "Deutsche Glasfaser Holding GmbH", "DE", fixed=6, v6f=0.92, biz=2)
isp(3215, "Orange S.A.", "FR", fixed=38, mobile=36, v6f=0.82, v6m=0.7, biz=30)
isp(12322, "Free SAS", "FR", fixed=25, v6f=0.9, biz=5)
isp(51207, "Free Mobile SAS", "FR", mobile=20, v6m=0.75)
isp(15557, "Societe Francaise Du Radiotelephone - SFR SA", "FR", fixed=20, mobile=22, v6f=0.55, v6m=0.4, biz=10)
isp(5410, "Bouygues Telecom SA", "FR", fixed=17, mobile=22, v6f=0.8, v6m=0.6, biz=5)
isp(2856, "British Telecommunications PLC", "GB", fixed=32, v6f=0.55, biz=30)
isp(12576, "EE Limited", "GB", mobile=35, v6m=0.85)
isp(5089, "Virgin Media Limited", "GB", fixed=25, v6f=0.25, biz=5)
isp(5607, "Sky UK Limited", "GB", fixed=25, v6f=0.92)
isp(25135, "Vodafone Limited", "GB", mobile=25, v6m=0.1, biz=5)
isp(35228, "Telefonica UK Limited", "GB", mobile=28, v6m=0.05)
isp(206067, "Hutchison 3G UK Limited", "GB", mobile=12, v6m=0.3)
isp(1136, "KPN B.V.", "NL", fixed=40, mobile=35, v6f=0.75, v6m=0.6, biz=25)
isp(33915, "Vodafone Libertel B.V.", "NL", fixed=40, mobile=30, v6f=0.2, v6m=0.4, biz=10)
isp(31615, "Odido Netherlands B.V.", "NL", fixed=10, mobile=35, v6f=0.4, v6m=0.5, biz=5)
isp(5617, "Orange Polska Spolka Akcyjna", "PL", fixed=35, mobile=28, v6f=0.45, v6m=0.2, biz=20)
isp(12741, "Netia SA", "PL", fixed=15, v6f=0.2, biz=10)
isp(39603, "P4 Sp. z o.o.", "PL", mobile=30, v6m=0.35)
isp(8374, "Polkomtel Sp. z o.o.", "PL", fixed=10, mobile=22, v6f=0.05, v6m=0.05)
isp(12912, "T-Mobile Polska S.A.", "PL", fixed=5, mobile=25, v6f=0.3, v6m=0.6)
isp(3352, "Telefonica de Espana S.A.U.", "ES", fixed=40, mobile=30, v6f=0.15, v6m=0.1, biz=25)
isp(12430, "Vodafone Espana S.A.U.", "ES", fixed=20, mobile=25, v6f=0.1, v6m=0.05, biz=10)
isp(12479, "Orange Espagne SA", "ES", fixed=25, mobile=28, v6f=0.3, v6m=0.1, biz=5)
isp(57269, "DIGI SPAIN TELECOM S.L.U.", "ES", fixed=15, mobile=17, v6f=0.05, v6m=0.05)
isp(3269, "Telecom Italia S.p.A.", "IT", fixed=40, mobile=30, v6f=0.05, v6m=0.1, biz=30)
isp(30722, "Vodafone Italia S.p.A.", "IT", fixed=15, mobile=28, v6f=0.05, v6m=0.05, biz=5)
isp(1267, "Wind Tre S.p.A.", "IT", fixed=15, mobile=30, v6f=0.05, v6m=0.05, biz=5)
isp(12874, "Fastweb SpA", "IT", fixed=20, v6f=0.3, biz=10)
isp(29447, "Iliad Italia S.p.A.", "IT", fixed=10, mobile=12, v6f=0.6, v6m=0.5)
isp(3301, "Telia Company AB", "SE", fixed=40, mobile=40, v6f=0.15, v6m=0.5, biz=20)
isp(1257, "Tele2 Sverige AB", "SE", fixed=20, mobile=35, v6f=0.3, v6m=0.3)
isp(39651, "Com Hem AB", "SE", fixed=25, v6f=0.1)
isp(15895, "Kyivstar PJSC", "UA", fixed=25, mobile=50, v6f=0.1, v6m=0.15, biz=5)
isp(21497, "PrJSC VF UKRAINE", "UA", mobile=30, v6m=0.05)
isp(34058, "Lifecell LLC", "UA", mobile=20, v6m=0.05)
isp(6849, "JSC UKRTELECOM", "UA", fixed=30, v6f=0.05, biz=10)
isp(3326, "Datagroup PJSC", "UA", fixed=25, v6f=0.15, biz=10)
isp(8708, "RCS & RDS SA", "RO", fixed=55, mobile=20, v6f=0.35, v6m=0.1, biz=20)
isp(8953, "Orange Romania S.A.", "RO", fixed=15, mobile=40, v6f=0.2, v6m=0.3)
isp(12302, "Vodafone Romania S.A.", "RO", fixed=15, mobile=30, v6f=0.05, v6m=0.05)
isp(9050, "Telekom Romania Communication S.A", "RO", fixed=15, mobile=10, v6f=0.05, v6m=0.05, biz=5)
isp(3243, "MEO - SERVICOS DE COMUNICACOES E MULTIMEDIA S.A.", "PT", fixed=40, mobile=40, v6f=0.5, v6m=0.3, biz=20)
isp(2860, "NOS COMUNICACOES, S.A.", "PT", fixed=40, mobile=35, v6f=0.1, v6m=0.05, biz=10)
isp(12353, "Vodafone Portugal - Communicacoes Pessoais S.A.", "PT", fixed=20, mobile=25, v6f=0.3, v6m=0.3)
isp(5610, "O2 Czech Republic, a.s.", "CZ", fixed=35, mobile=35, v6f=0.2, v6m=0.1, biz=15)
isp(5588, "T-Mobile Czech Republic a.s.", "CZ", fixed=25, mobile=40, v6f=0.3, v6m=0.3, biz=5)
isp(16019, "Vodafone Czech Republic a.s.", "CZ", fixed=25, mobile=25, v6f=0.05, v6m=0.05)
isp(6799, "Hellenic Telecommunications Organization S.A.", "GR", fixed=50, mobile=45, v6f=0.7, v6m=0.4, biz=20)
isp(3329, "Vodafone-panafon Hellenic Telecommunications Company SA", "GR", fixed=25, mobile=35, v6f=0.4, v6m=0.2)
isp(25472, "WIND HELLAS TELECOMMUNICATIONS S.A.", "GR", fixed=25, mobile=20, v6f=0.6, v6m=0.1)
isp(9121, "Turk Telekomunikasyon Anonim Sirketi", "TR", fixed=50, v6f=0.05, biz=30)
isp(16135, "Turkcell Iletisim Hizmetleri A.S.", "TR", mobile=45, v6m=0.05)
isp(15897, "Vodafone Net Iletisim Hizmetleri Anonim Sirketi", "TR", fixed=10, mobile=30, v6f=0.02, v6m=0.02)
isp(34984, "Superonline Iletisim Hizmetleri A.S.", "TR", fixed=25, v6f=0.05, biz=5)
# --- South Asia ---------------------------------------------------------------
isp(55836, "Reliance Jio Infocomm Limited", "IN", fixed=30, mobile=45, v6f=0.8, v6m=0.85, biz=5)
isp(24560, "Bharti Airtel Ltd., Telemedia Services", "IN", fixed=25, v6f=0.6, biz=15)
isp(45609, "Bharti Airtel Ltd. AS for GPRS Service", "IN", mobile=33, v6m=0.65)
isp(55410, "Vodafone Idea Ltd", "IN", mobile=20, v6m=0.2)
isp(24309, "Atria Convergence Technologies Pvt. Ltd. Broadband Internet Service Provider INDIA", "IN", fixed=18, v6f=0.4, biz=5)
isp(17488, "Hathway IP Over Cable Internet", "IN", fixed=10, v6f=0.05)
isp(9829, "National Internet Backbone", "IN", fixed=10, mobile=2, v6f=0.1, v6m=0.05, biz=5)
isp(4755, "TATA Communications formerly VSNL is Leading ISP", "IN", fixed=4, v6f=0.1, biz=25)
isp(17557, "Pakistan Telecommuication company limited", "PK", fixed=45, v6f=0.05, biz=20)
isp(45669, "Pakistan Mobile Communications Limited", "PK", mobile=38, v6m=0.05)
isp(24499, "Telenor Pakistan (Private) Limited", "PK", mobile=25, v6m=0.1)
isp(59257, "CMPak Limited", "PK", mobile=27, v6m=0.2)
isp(23674, "Nayatel (Pvt) Ltd", "PK", fixed=20, v6f=0.3, biz=10)
isp(24389, "Grameenphone Ltd.", "BD", mobile=45, v6m=0.45)
isp(24432, "Robi Axiata Limited", "BD", mobile=30, v6m=0.1)
isp(45245, "Banglalink Digital Communications Ltd", "BD", mobile=22, v6m=0.1)
isp(23688, "Link3 Technologies Ltd.", "BD", fixed=30, v6f=0.1, biz=15)
isp(58717, "Summit Communications Limited", "BD", fixed=30, v6f=0.1, biz=5)
# --- Gulf, Levant, Africa --------------------------------------------------------
isp(5384, "Emirates Telecommunications Group Company (ETISALAT GROUP) PJSC", "AE", fixed=60, mobile=55, v6f=0.4, v6m=0.35, biz=30)
isp(15802, "Emirates Integrated Telecommunications Company PJSC", "AE", fixed=40, mobile=45, v6f=0.45, v6m=0.5, biz=15)
isp(25019, "Saudi Telecom Company JSC", "SA", fixed=55, mobile=45, v6f=0.6, v6m=0.5, biz=30)
isp(35819, "Etihad Etisalat, a joint stock company", "SA", fixed=25, mobile=30, v6f=0.4, v6m=0.4, biz=5)
isp(43766, "Mobile Telecommunication Company Saudi Arabia Joint Stock Company", "SA", fixed=10, mobile=25, v6f=0.2, v6m=0.3)
isp(8452, "TE Data", "EG", fixed=60, v6f=0.02, biz=25)
isp(36935, "Vodafone Data", "EG", fixed=10, mobile=45, v6f=0.0, v6m=0.02)
isp(24835, "Orange Egypt", "EG", fixed=10, mobile=25, v6f=0.0, v6m=0.0)
isp(36992, "ETISALAT MISR", "EG", fixed=10, mobile=18, v6f=0.0, v6m=0.0)
isp(29465, "MTN NIGERIA Communication limited", "NG", fixed=10, mobile=50, v6f=0.0, v6m=0.02, biz=5)
isp(36873, "Airtel Networks Limited", "NG", mobile=28, v6m=0.0)
isp(37148, "Globacom Limited", "NG", mobile=18, v6m=0.0)
isp(37076, "IPNX Nigeria Ltd", "NG", fixed=30, v6f=0.02, biz=15)
isp(328309, "Spectranet Limited", "NG", fixed=35, v6f=0.0, biz=5)
isp(37705, "Tizeti Network Limited", "NG", fixed=25, v6f=0.0)
isp(33771, "Safaricom Limited", "KE", fixed=45, mobile=65, v6f=0.3, v6m=0.45, biz=15)
isp(36926, "Airtel Networks Kenya Limited", "KE", mobile=30, v6m=0.0)
isp(37061, "Zuku - Wananchi Group (Kenya) Limited", "KE", fixed=35, v6f=0.05)
isp(30844, "Liquid Telecommunications Ltd", "KE", fixed=20, v6f=0.1, biz=20)
isp(29975, "Vodacom", "ZA", fixed=10, mobile=45, v6f=0.1, v6m=0.05, biz=5)
isp(16637, "MTN SA", "ZA", fixed=5, mobile=35, v6f=0.0, v6m=0.0)
isp(37457, "Telkom SA Ltd.", "ZA", fixed=30, mobile=12, v6f=0.05, v6m=0.05, biz=15)
isp(37611, "Afrihost (Pty) Ltd", "ZA", fixed=30, v6f=0.2)
isp(37680, "COOL IDEAS SERVICE PROVIDER (PTY) LTD", "ZA", fixed=20, v6f=0.3)
isp(8551, "Bezeq International-Ltd", "IL", fixed=35, v6f=0.3, biz=20)
isp(12400, "Partner Communications Ltd.", "IL", fixed=25, mobile=35, v6f=0.4, v6m=0.3, biz=10)
isp(1680, "Cellcom Fixed Line Communication L.P", "IL", fixed=25, mobile=35, v6f=0.2, v6m=0.2, biz=5)
isp(12849, "Hot-Net internet services Ltd.", "IL", fixed=25, mobile=15, v6f=0.2, v6m=0.1)
isp(9116, "Pelephone Communications Ltd.", "IL", mobile=25, v6m=0.4)
# --- North America -------------------------------------------------------------
isp(7922, "Comcast Cable Communications, LLC", "US", fixed=35, v6f=0.75, biz=15)
isp(20115, "Charter Communications Inc", "US", fixed=30, v6f=0.6, biz=10)
isp(7018, "AT&T Services, Inc.", "US", fixed=20, v6f=0.6, biz=20)
isp(701, "Verizon Business", "US", fixed=15, v6f=0.5, biz=25)
isp(22773, "Cox Communications Inc.", "US", fixed=8, v6f=0.5, biz=5)
isp(21928, "T-Mobile USA, Inc.", "US", fixed=5, mobile=40, v6f=0.95, v6m=0.95)
isp(6167, "Cellco Partnership DBA Verizon Wireless", "US", mobile=35, v6m=0.85)
isp(20057, "AT&T Mobility LLC", "US", mobile=30, v6m=0.85)
isp(812, "Rogers Communications Canada Inc.", "CA", fixed=30, mobile=35, v6f=0.4, v6m=0.3, biz=10)
isp(577, "Bell Canada", "CA", fixed=35, mobile=30, v6f=0.3, v6m=0.5, biz=15)
isp(852, "TELUS Communications Inc.", "CA", fixed=20, mobile=30, v6f=0.4, v6m=0.6, biz=10)
# --- sanctioned countries ---------------------------------------------------------
isp(12389, "PJSC Rostelecom", "RU", fixed=40, mobile=5, v6f=0.05, v6m=0.0, biz=20)
isp(8359, "MTS PJSC", "RU", fixed=15, mobile=35, v6f=0.05, v6m=0.05)
isp(31133, "PJSC MegaFon", "RU", mobile=30, v6m=0.0)
isp(3216, "PJSC \"Vimpelcom\"", "RU", fixed=10, mobile=25, v6f=0.0, v6m=0.0)
isp(9049, "JSC \"ER-Telecom Holding\"", "RU", fixed=30, v6f=0.0)
isp(6697, "Republican Unitary Telecommunication Enterprise Beltelecom", "BY", fixed=60, v6f=0.0, biz=10)
isp(25106, "Mobile TeleSystems JLLC", "BY", mobile=60, v6m=0.0)
isp(58224, "Iran Telecommunication Company PJS", "IR", fixed=60, v6f=0.0, biz=10)
isp(44244, "Iran Cell Service and Communication Company", "IR", mobile=50, v6m=0.1)
isp(197207, "Mobile Communication Company of Iran PLC", "IR", mobile=50, v6m=0.2)
isp(131279, "Ryugyong-dong", "KP", fixed=1)
isp(29256, "Syrian Telecom", "SY", fixed=10, mobile=5)
isp(27725, "Empresa de Telecomunicaciones de Cuba, SA", "CU", fixed=10, mobile=10)
# --- elsewhere: residential-proxy exits, travel ---------------------------------------
isp(7552, "Viettel Group", "VN", fixed=40, mobile=50, v6f=0.4, v6m=0.4)
isp(45899, "VNPT Corp", "VN", fixed=35, mobile=20, v6f=0.3, v6m=0.1)
isp(27699, "TELEFONICA BRASIL S.A", "BR", fixed=30, mobile=40, v6f=0.5, v6m=0.4)
isp(28573, "Claro NXT Telecomunicacoes Ltda", "BR", fixed=40, mobile=30, v6f=0.4, v6m=0.3)
isp(7713, "PT Telekomunikasi Indonesia", "ID", fixed=50, mobile=30, v6f=0.1, v6m=0.1)
isp(9299, "Philippine Long Distance Telephone Company", "PH", fixed=50, mobile=30, v6f=0.1, v6m=0.1)
isp(4134, "Chinanet", "CN", fixed=50, mobile=10, v6f=0.3, v6m=0.3)
isp(9198, "JSC Kazakhtelecom", "KZ", fixed=50, mobile=10, v6f=0.05)
isp(35805, "Silknet JSC", "GE", fixed=40, mobile=20, v6f=0.05)
isp(44395, "Ucom CJSC", "AM", fixed=40, mobile=20, v6f=0.05)
isp(8400, "TELEKOM SRBIJA a.d.", "RS", fixed=50, mobile=30, v6f=0.05)

# asn, org, reg cc, city keys of data centres, has v6
HOST = [
    (16509, "AMAZON-02", "US", ["US/Ashburn", "US/Portland", "US/Columbus", "DE/Frankfurt am Main", "IE/Dublin", "IN/Mumbai", "GB/London", "SG/Singapore", "JP/Tokyo", "SE/Stockholm", "FR/Paris", "CA/Montreal", "IL/Tel Aviv", "AE/Dubai", "ES/Madrid", "IT/Milan", "ZA/Cape Town", "BR/São Paulo"], True),
    (396982, "GOOGLE-CLOUD-PLATFORM", "US", ["US/Ashburn", "US/Columbus", "US/Portland", "US/Dallas", "NL/Eindhoven", "BE/Brussels", "DE/Frankfurt am Main", "GB/London", "FI/Helsinki", "IN/Mumbai", "IN/Delhi", "SG/Singapore", "IL/Tel Aviv", "SA/Dammam", "PL/Warsaw", "ES/Madrid", "IT/Milan"], True),
    (8075, "MICROSOFT-CORP-MSN-AS-BLOCK", "US", ["US/Ashburn", "US/Dallas", "US/Seattle", "NL/Amsterdam", "IE/Dublin", "DE/Frankfurt am Main", "GB/London", "IN/Pune", "IN/Chennai", "AE/Dubai", "ZA/Johannesburg", "PL/Warsaw", "SE/Stockholm", "CA/Toronto"], True),
    (14061, "DIGITALOCEAN-ASN", "US", ["US/New York", "US/San Francisco", "NL/Amsterdam", "DE/Frankfurt am Main", "GB/London", "IN/Bengaluru", "SG/Singapore", "CA/Toronto"], True),
    (20473, "AS-VULTR", "US", ["US/New York", "US/Dallas", "US/Los Angeles", "US/Miami", "NL/Amsterdam", "DE/Frankfurt am Main", "GB/London", "FR/Paris", "PL/Warsaw", "IN/Mumbai", "SG/Singapore", "JP/Tokyo", "SE/Stockholm", "ES/Madrid", "IL/Tel Aviv"], True),
    (63949, "Akamai Connected Cloud", "US", ["US/Ashburn", "US/Dallas", "US/Seattle", "DE/Frankfurt am Main", "GB/London", "NL/Amsterdam", "IN/Mumbai", "SG/Singapore", "SE/Stockholm", "IT/Milan"], True),
    (31898, "ORACLE-BMC-31898", "US", ["US/Ashburn", "US/Columbus", "DE/Frankfurt am Main", "GB/London", "NL/Amsterdam", "IN/Mumbai", "SA/Jeddah", "IL/Jerusalem"], True),
    (24940, "Hetzner Online GmbH", "DE", ["DE/Falkenstein", "DE/Nuremberg", "FI/Helsinki", "US/Ashburn", "SG/Singapore"], True),
    (51167, "Contabo GmbH", "DE", ["DE/Nuremberg", "DE/Munich", "GB/London", "US/Seattle", "US/New York", "SG/Singapore", "IN/Mumbai", "JP/Tokyo"], True),
    (8560, "IONOS SE", "DE", ["DE/Karlsruhe", "GB/Leeds", "ES/Madrid", "US/Ashburn"], True),
    (16276, "OVH SAS", "FR", ["FR/Roubaix", "FR/Paris", "DE/Frankfurt am Main", "GB/London", "PL/Warsaw", "CA/Montreal", "US/Ashburn", "SG/Singapore", "IN/Mumbai"], True),
    (12876, "SCALEWAY S.A.S.", "FR", ["FR/Paris", "NL/Amsterdam", "PL/Warsaw"], True),
    (60781, "LeaseWeb Netherlands B.V.", "NL", ["NL/Amsterdam", "DE/Frankfurt am Main"], True),
    (45102, "Alibaba US Technology Co., Ltd.", "US", ["SG/Singapore", "US/Ashburn", "DE/Frankfurt am Main", "HK/Hong Kong", "JP/Tokyo", "AE/Dubai", "GB/London"], True),
    (37963, "Hangzhou Alibaba Advertising Co.,Ltd.", "CN", ["CN/Beijing", "CN/Shenzhen"], True),
    (132203, "Tencent Building, Kejizhongyi Avenue", "CN", ["HK/Hong Kong", "SG/Singapore", "DE/Frankfurt am Main", "US/Ashburn"], True),
    (44477, "STARK INDUSTRIES SOLUTIONS LTD", "GB", ["NL/Amsterdam", "DE/Frankfurt am Main", "MD/Chisinau", "FI/Helsinki", "TR/Istanbul"], False),
    (210644, "AEZA INTERNATIONAL LTD", "GB", ["NL/Amsterdam", "DE/Frankfurt am Main", "FI/Helsinki", "SE/Stockholm", "AT/Vienna"], True),
    (57043, "HOSTKEY B.V.", "NL", ["NL/Amsterdam", "FI/Helsinki", "TR/Istanbul", "US/New York"], False),
    (53667, "FranTech Solutions", "US", ["US/Los Angeles", "US/New York", "CH/Zurich"], True),
    (9009, "M247 Europe SRL", "RO", ["RO/Bucharest", "GB/London", "DE/Frankfurt am Main", "NL/Amsterdam", "ES/Madrid", "IT/Milan", "FR/Paris", "SE/Stockholm", "PL/Warsaw", "CZ/Prague", "US/New York", "US/Los Angeles", "CA/Toronto", "AE/Dubai", "IL/Tel Aviv", "TR/Istanbul", "ZA/Johannesburg", "IN/Mumbai"], False),
    (60068, "Datacamp Limited", "GB", ["GB/London", "DE/Frankfurt am Main", "NL/Amsterdam", "FR/Paris", "US/New York", "US/Los Angeles", "SG/Singapore", "JP/Tokyo", "ES/Madrid", "SE/Stockholm", "CH/Zurich", "PL/Warsaw", "UA/Kyiv"], True),
    (62240, "Clouvider Limited", "GB", ["GB/London", "DE/Frankfurt am Main", "NL/Amsterdam", "US/New York", "US/Los Angeles"], True),
    (21859, "Zenlayer Inc", "US", ["HK/Hong Kong", "SG/Singapore", "US/Los Angeles", "AE/Dubai", "IN/Mumbai", "TR/Istanbul"], False),
    (199524, "G-Core Labs S.A.", "LU", ["DE/Frankfurt am Main", "NL/Amsterdam", "PL/Warsaw", "GB/London", "US/Ashburn", "SG/Singapore", "JP/Tokyo", "AE/Dubai"], True),
    # GPU clouds developers sign up from
    (400469, "Lambda, Inc.", "US", ["US/San Francisco", "US/Dallas", "US/Columbus"], True),
    (62104, "CoreWeave, Inc.", "US", ["US/New York", "US/Chicago", "US/Seattle", "GB/London", "SE/Stockholm"], True),
    (210735, "Nebius B.V.", "NL", ["FI/Helsinki", "FR/Paris", "NL/Amsterdam"], True),
    (398722, "RunPod, Inc.", "US", ["US/Dallas", "US/Denver", "SE/Stockholm", "NL/Amsterdam", "CA/Montreal"], False),
    (200350, "Yandex.Cloud LLC", "RU", ["RU/Moscow"], True),
    (49505, "JSC Selectel", "RU", ["RU/Saint Petersburg", "RU/Moscow"], False),
    (47583, "Hostinger International Limited", "CY", ["LT/Vilnius", "NL/Amsterdam", "US/Ashburn", "IN/Mumbai", "SG/Singapore", "BR/São Paulo"], True),
    (3214, "xTom GmbH", "DE", ["DE/Frankfurt am Main", "NL/Amsterdam", "US/San Francisco", "JP/Tokyo", "HK/Hong Kong", "FI/Helsinki"], True),
    (135377, "UCLOUD INFORMATION TECHNOLOGY (HK) LIMITED", "HK", ["HK/Hong Kong", "SG/Singapore", "VN/Ho Chi Minh City"], False),
]

# consumer VPNs: asn, org, reg cc, exit city keys (their own ranges; many also rent on M247/Datacamp)
VPN = [
    (207137, "Packethub S.A.", "PA", ["NL/Amsterdam", "DE/Frankfurt am Main", "GB/London", "US/New York", "US/Los Angeles", "FR/Paris", "PL/Warsaw", "ES/Madrid", "IT/Milan", "SE/Stockholm", "CH/Zurich", "TR/Istanbul", "AE/Dubai", "IN/Mumbai", "CA/Toronto", "IL/Tel Aviv", "ZA/Johannesburg", "SG/Singapore", "JP/Tokyo", "RO/Bucharest", "UA/Kyiv", "GR/Athens"]),
    (136787, "TEFINCOM S.A.", "PA", ["US/New York", "US/Dallas", "US/Miami", "GB/London", "DE/Berlin", "NL/Amsterdam", "FR/Paris", "CA/Vancouver"]),
    (209103, "Proton AG", "CH", ["CH/Zurich", "CH/Geneva", "DE/Frankfurt am Main", "NL/Amsterdam", "US/New York", "SE/Stockholm", "FR/Paris", "GB/London", "NO/Oslo"]),
    (39351, "31173 Services AB", "SE", ["SE/Stockholm", "SE/Gothenburg", "DE/Frankfurt am Main", "NL/Amsterdam", "GB/London", "US/New York", "CH/Zurich", "FI/Helsinki", "DK/Copenhagen", "NO/Oslo"]),
    (209854, "Surfshark Ltd.", "VG", ["NL/Amsterdam", "DE/Berlin", "GB/Manchester", "US/Atlanta", "US/Chicago", "PL/Warsaw", "LT/Vilnius", "AE/Dubai", "IN/Mumbai", "TR/Istanbul", "FR/Paris", "ES/Barcelona"]),
    (396356, "Latitude.sh", "US", ["US/New York", "US/Chicago", "US/Los Angeles", "GB/London", "DE/Frankfurt am Main", "BR/São Paulo"]),
    (137409, "GSL Networks Pty LTD", "AU", ["AU/Sydney", "SG/Singapore", "JP/Tokyo", "HK/Hong Kong", "US/Los Angeles"]),
]

RELAY = [   # iCloud Private Relay egress partners (geolocated to the user's region)
    (36183, "Akamai Technologies, Inc.", "US"),
    (13335, "Cloudflare, Inc.", "US"),
    (54113, "Fastly, Inc.", "US"),
]

SWG = [     # secure web gateways: (asn, org, reg cc, PoP city keys)
    (53813, "ZSCALER-INC", "US", ["DE/Frankfurt am Main", "NL/Amsterdam", "GB/London", "GB/Manchester", "FR/Paris", "ES/Madrid", "IT/Milan", "SE/Stockholm", "PL/Warsaw", "CZ/Prague", "IN/Mumbai", "IN/Chennai", "AE/Dubai", "ZA/Johannesburg", "US/New York", "US/Chicago", "US/Dallas", "US/San Francisco", "CA/Toronto", "IL/Tel Aviv", "SG/Singapore"]),
    (62044, "Zscaler Switzerland GmbH", "CH", ["CH/Zurich", "DE/Frankfurt am Main", "NL/Amsterdam", "GB/London", "FR/Paris"]),
    (55256, "NETSKOPE", "US", ["DE/Frankfurt am Main", "GB/London", "NL/Amsterdam", "IN/Mumbai", "US/New York", "US/San Francisco", "AE/Dubai", "SG/Singapore"]),
    (54538, "PALO-ALTO-NETWORKS", "US", ["DE/Frankfurt am Main", "GB/London", "IN/Mumbai", "US/Ashburn", "US/Los Angeles", "IL/Tel Aviv", "FR/Paris"]),
]

EDU = [     # asn, org, cc, [(university name, city, email domain, student id style)]
    (680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "DE", [
        ("TU München", "DE/Munich", "tum.de", "tum"), ("KIT", "DE/Karlsruhe", "student.kit.edu", "kit"),
        ("RWTH Aachen", "DE/Aachen", "rwth-aachen.de", "rwth"), ("TU Berlin", "DE/Berlin", "campus.tu-berlin.de", "name"),
        ("Universität Hamburg", "DE/Hamburg", "studium.uni-hamburg.de", "name"), ("TU Dresden", "DE/Dresden", "mailbox.tu-dresden.de", "name")]),
    (2200, "Renater", "FR", [("Sorbonne Université", "FR/Paris", "etu.sorbonne-universite.fr", "name"),
                            ("Université Grenoble Alpes", "FR/Grenoble", "etu.univ-grenoble-alpes.fr", "name"),
                            ("INSA Lyon", "FR/Lyon", "insa-lyon.fr", "name")]),
    (786, "Jisc Services Limited", "GB", [("University College London", "GB/London", "ucl.ac.uk", "ucl"),
                                          ("University of Edinburgh", "GB/Edinburgh", "ed.ac.uk", "sid"),
                                          ("University of Manchester", "GB/Manchester", "student.manchester.ac.uk", "name"),
                                          ("University of Cambridge", "GB/Cambridge", "cam.ac.uk", "crsid"),
                                          ("University of Oxford", "GB/Oxford", "ox.ac.uk", "name")]),
    (1103, "SURF B.V.", "NL", [("TU Delft", "NL/Delft", "student.tudelft.nl", "name"), ("University of Amsterdam", "NL/Amsterdam", "student.uva.nl", "name"),
                               ("TU Eindhoven", "NL/Eindhoven", "student.tue.nl", "name")]),
    (8501, "Poznan Supercomputing and Networking Center", "PL", [("Politechnika Warszawska", "PL/Warsaw", "pw.edu.pl", "sid"),
                                                                 ("AGH", "PL/Kraków", "student.agh.edu.pl", "name")]),
    (766, "Entidad Publica Empresarial Red.es", "ES", [("UPM", "ES/Madrid", "alumnos.upm.es", "name"), ("UPC", "ES/Barcelona", "estudiantat.upc.edu", "name")]),
    (137, "Consortium GARR", "IT", [("Politecnico di Milano", "IT/Milan", "mail.polimi.it", "name"), ("Sapienza", "IT/Rome", "studenti.uniroma1.it", "sid")]),
    (1653, "Vetenskapsradet / SUNET", "SE", [("KTH", "SE/Stockholm", "kth.se", "name")]),
    (3255, "State Enterprise Scientific and Telecommunication Centre Ukrainian Academic and Research Network", "UA", [("KPI", "UA/Kyiv", "lll.kpi.ua", "name")]),
    (2852, "CESNET z.s.p.o.", "CZ", [("ČVUT", "CZ/Prague", "fel.cvut.cz", "name")]),
    (8517, "ULAKBIM", "TR", [("ITU", "TR/Istanbul", "itu.edu.tr", "name"), ("METU", "TR/Ankara", "metu.edu.tr", "sid")]),
    (2697, "ERNET India", "IN", [("IIT Bombay", "IN/Mumbai", "iitb.ac.in", "roll"), ("IISc", "IN/Bengaluru", "iisc.ac.in", "name"),
                                 ("IIT Delhi", "IN/Delhi", "iitd.ac.in", "roll"), ("IIIT Hyderabad", "IN/Hyderabad", "students.iiit.ac.in", "name")]),
    (45773, "HEC", "PK", [("NUST", "PK/Islamabad", "seecs.edu.pk", "name"), ("FAST-NUCES", "PK/Lahore", "nu.edu.pk", "roll")]),
    (63961, "Bangladesh Research and Education Network (BdREN)", "BD", [("BUET", "BD/Dhaka", "ugrad.buet.ac.bd", "roll")]),
    (36914, "KENET", "KE", [("University of Nairobi", "KE/Nairobi", "students.uonbi.ac.ke", "roll")]),
    (2018, "TENET", "ZA", [("University of Cape Town", "ZA/Cape Town", "myuct.ac.za", "sid"), ("Wits", "ZA/Johannesburg", "students.wits.ac.za", "sid")]),
    (378, "Machba", "IL", [("Technion", "IL/Haifa", "campus.technion.ac.il", "name"), ("Tel Aviv University", "IL/Tel Aviv", "mail.tau.ac.il", "name")]),
    (3, "MIT-GATEWAYS", "US", [("MIT", "US/Boston", "mit.edu", "name")]),
    (32, "STANFORD", "US", [("Stanford", "US/San Francisco", "stanford.edu", "name")]),
    (73, "UW", "US", [("University of Washington", "US/Seattle", "uw.edu", "name")]),
    (239, "UTORONTO-AS", "CA", [("University of Toronto", "CA/Toronto", "mail.utoronto.ca", "name"), ("University of Waterloo", "CA/Waterloo", "uwaterloo.ca", "name")]),
    (8972, "Egyptian Universities Network", "EG", [("Cairo University", "EG/Cairo", "std.cu.edu.eg", "roll")]),
    (37282, "MAINONE", "NG", [("University of Lagos", "NG/Lagos", "live.unilag.edu.ng", "roll")]),
]

CORP = [    # enterprises with their own AS: asn, org, cc, office city key, email domain, size weight
    (64711, "Hanseatic Logistik Gruppe AG", "DE", "DE/Hamburg", "hanseatic-logistik.de", 3),
    (207611, "Kessler Automotive Systems GmbH", "DE", "DE/Stuttgart", "kessler-as.de", 3),
    (208841, "Nordwerk Energie SE", "DE", "DE/Munich", "nordwerk-energie.com", 2),
    (209377, "Banque Lefevre SA", "FR", "FR/Paris", "banque-lefevre.fr", 2),
    (202916, "Albion Mutual Insurance plc", "GB", "GB/London", "albionmutual.co.uk", 3),
    (205519, "Ravenscourt Media Group Ltd", "GB", "GB/Manchester", "ravenscourt.media", 2),
    (206432, "Oranjeboom Payments B.V.", "NL", "NL/Amsterdam", "oranjeboom-pay.nl", 2),
    (198402, "Wisla Software House S.A.", "PL", "PL/Kraków", "wislasoft.pl", 2),
    (204781, "Iberica Retail Digital S.L.", "ES", "ES/Madrid", "ibericaretail.es", 2),
    (203199, "Lombarda Servizi Finanziari S.p.A.", "IT", "IT/Milan", "lombardasf.it", 2),
    (133501, "Deccan Infotech Services Limited", "IN", "IN/Bengaluru", "deccaninfotech.com", 5),
    (134971, "Sahyadri Software Technologies Pvt Ltd", "IN", "IN/Pune", "sahyadrisoft.in", 3),
    (136258, "Coromandel Analytics Pvt Ltd", "IN", "IN/Chennai", "coromandel-analytics.com", 2),
    (42893, "Levant Fintech Holdings Ltd", "AE", "AE/Dubai", "levantfintech.ae", 2),
    (207008, "Carmel Cyber Technologies Ltd", "IL", "IL/Tel Aviv", "carmelcyber.io", 3),
    (397311, "Harborview Health Systems", "US", "US/Boston", "harborviewhealth.org", 3),
    (399876, "Cascadia Retail Holdings, Inc.", "US", "US/Seattle", "cascadiaretail.com", 2),
    (394215, "Maple Leaf Telematics Inc.", "CA", "CA/Toronto", "mapleleaftelematics.ca", 2),
    (328841, "Savannah Digital Bank PLC", "NG", "NG/Lagos", "savannahdigital.ng", 2),
    (328977, "Rift Valley Agritech Ltd", "KE", "KE/Nairobi", "riftagritech.co.ke", 1),
]

TOR = [     # networks known for Tor exit relays
    (208323, "Foundation for Applied Privacy", "AT", ["AT/Vienna"]),
    (396507, "Emerald Onion", "US", ["US/Seattle"]),
    (200052, "F3 Netze e.V.", "DE", ["DE/Frankfurt am Main"]),
    (60729, "Stiftung Erneuerbare Freiheit", "DE", ["DE/Berlin"]),
    (210558, "1337 Services GmbH", "DE", ["DE/Nuremberg"]),
    (23470, "Quintex Alliance Consulting", "US", ["US/Dallas"]),
]

SAT = [(14593, "SPACEX-STARLINK", "US", ["US/Seattle", "US/Los Angeles", "DE/Frankfurt am Main", "GB/London", "PL/Warsaw", "NG/Lagos", "KE/Nairobi", "ZA/Johannesburg", "ES/Madrid", "IT/Milan", "UA/Kyiv"])]
AIR = [(7155, "VIASAT-SP-BACKBONE", "US", ["US/Denver", "GB/London"]),
       (64294, "Panasonic Avionics Corporation", "US", ["US/Los Angeles", "DE/Frankfurt am Main"]),
       (22168, "INMARSAT", "GB", ["GB/London"])]
VENUE = [(20562, "Eurofiber Nederland BV", "NL", ["NL/Amsterdam"])]
