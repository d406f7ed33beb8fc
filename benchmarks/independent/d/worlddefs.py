"""Network operators of the invented world that are not national ISPs."""

# Per-country access network structure.
#  isp/mob: number of fixed ISPs / mobile carriers; cgnat: share of fixed ISPs doing CGNAT;
#  v6 / mv6: chance an ISP / carrier hands out IPv6; pool24: /24s per CGNAT region (smaller = more sharing)
COUNTRY_NET = {
    "_default": {"isp": 2, "mob": 2, "cgnat": 0.1, "v6": 0.25, "mv6": 0.25, "pool24": 2},
    "US": {"isp": 7, "mob": 3, "cgnat": 0.0, "v6": 0.6, "mv6": 0.8, "pool24": 6, "scale": 1.5, "lease": [14, 30, 60, 90], "mixed": 0.0},
    "CA": {"isp": 4, "mob": 3, "cgnat": 0.0, "v6": 0.35, "mv6": 0.4, "pool24": 3, "lease": [14, 30, 60]},
    "MX": {"isp": 3, "mob": 2, "cgnat": 0.4, "v6": 0.45, "mv6": 0.3, "pool24": 2},
    "BR": {"isp": 5, "mob": 3, "cgnat": 0.5, "v6": 0.55, "mv6": 0.5, "pool24": 2},
    "AR": {"isp": 3, "mob": 3, "cgnat": 0.4, "v6": 0.2, "mv6": 0.2, "pool24": 2},
    "CO": {"isp": 3, "mob": 2, "cgnat": 0.4, "v6": 0.2, "mv6": 0.2, "pool24": 1},
    "GB": {"isp": 5, "mob": 4, "cgnat": 0.2, "v6": 0.45, "mv6": 0.35, "pool24": 3, "lease": [30, 60, 90]},
    "DE": {"isp": 5, "mob": 3, "cgnat": 0.1, "v6": 0.7, "mv6": 0.5, "pool24": 3, "lease": [1, 1, 1, 7]},
    "FR": {"isp": 4, "mob": 4, "cgnat": 0.2, "v6": 0.75, "mv6": 0.6, "pool24": 3, "lease": [30, 90]},
    "ES": {"isp": 4, "mob": 3, "cgnat": 0.2, "v6": 0.2, "mv6": 0.2, "pool24": 2},
    "IT": {"isp": 4, "mob": 3, "cgnat": 0.2, "v6": 0.1, "mv6": 0.1, "pool24": 2},
    "NL": {"isp": 3, "mob": 3, "cgnat": 0.0, "v6": 0.5, "mv6": 0.3, "pool24": 2, "lease": [30, 90]},
    "PL": {"isp": 4, "mob": 3, "cgnat": 0.3, "v6": 0.3, "mv6": 0.3, "pool24": 2},
    "JP": {"isp": 5, "mob": 3, "cgnat": 0.1, "v6": 0.55, "mv6": 0.4, "pool24": 3, "lease": [7, 30]},
    "KR": {"isp": 3, "mob": 3, "cgnat": 0.0, "v6": 0.1, "mv6": 0.3, "pool24": 3},
    "IN": {"isp": 5, "mob": 3, "cgnat": 0.7, "v6": 0.75, "mv6": 0.85, "pool24": 1, "scale": 1.3},
    "PK": {"isp": 3, "mob": 3, "cgnat": 0.8, "v6": 0.05, "mv6": 0.05, "pool24": 1},
    "BD": {"isp": 3, "mob": 3, "cgnat": 0.8, "v6": 0.05, "mv6": 0.1, "pool24": 1},
    "ID": {"isp": 3, "mob": 3, "cgnat": 0.8, "v6": 0.1, "mv6": 0.15, "pool24": 1},
    "VN": {"isp": 3, "mob": 3, "cgnat": 0.8, "v6": 0.4, "mv6": 0.4, "pool24": 1},
    "PH": {"isp": 3, "mob": 2, "cgnat": 0.8, "v6": 0.1, "mv6": 0.2, "pool24": 1},
    "TH": {"isp": 3, "mob": 3, "cgnat": 0.6, "v6": 0.4, "mv6": 0.3, "pool24": 1},
    "MY": {"isp": 2, "mob": 3, "cgnat": 0.6, "v6": 0.4, "mv6": 0.3, "pool24": 1},
    "NG": {"isp": 3, "mob": 3, "cgnat": 0.9, "v6": 0.0, "mv6": 0.0, "pool24": 1},
    "KE": {"isp": 2, "mob": 2, "cgnat": 0.9, "v6": 0.0, "mv6": 0.0, "pool24": 1},
    "EG": {"isp": 3, "mob": 3, "cgnat": 0.7, "v6": 0.0, "mv6": 0.0, "pool24": 1},
    "ZA": {"isp": 3, "mob": 3, "cgnat": 0.4, "v6": 0.05, "mv6": 0.05, "pool24": 1},
    "AU": {"isp": 4, "mob": 3, "cgnat": 0.2, "v6": 0.35, "mv6": 0.5, "pool24": 2, "lease": [30, 90]},
    "TR": {"isp": 3, "mob": 3, "cgnat": 0.5, "v6": 0.05, "mv6": 0.05, "pool24": 1},
    "UA": {"isp": 4, "mob": 3, "cgnat": 0.3, "v6": 0.1, "mv6": 0.1, "pool24": 1},
    "SG": {"isp": 3, "mob": 3, "cgnat": 0.1, "v6": 0.3, "mv6": 0.3, "pool24": 2},
    "TW": {"isp": 3, "mob": 3, "cgnat": 0.1, "v6": 0.3, "mv6": 0.3, "pool24": 2},
    "IL": {"isp": 3, "mob": 3, "cgnat": 0.2, "v6": 0.3, "mv6": 0.3, "pool24": 2},
    "CN": {"isp": 3, "mob": 3, "cgnat": 0.6, "v6": 0.6, "mv6": 0.6, "pool24": 1},
    "RU": {"isp": 4, "mob": 3, "cgnat": 0.4, "v6": 0.1, "mv6": 0.1, "pool24": 1},
    "IR": {"isp": 2, "mob": 2, "cgnat": 0.8, "v6": 0.0, "mv6": 0.0, "pool24": 1},
}

# Hosting and cloud: key, org, registration country, datacenters (iso, city, number of blocks)
_HYPER = [("US", "Ashburn", 6), ("US", "Columbus", 2), ("US", "Boardman", 4), ("US", "San Jose", 2), ("IE", "Dublin", 3),
          ("DE", "Frankfurt am Main", 3), ("GB", "London", 2), ("FR", "Paris", 1), ("SE", "Stockholm", 1),
          ("JP", "Tokyo", 2), ("JP", "Osaka", 1), ("KR", "Seoul", 1), ("SG", "Singapore", 2), ("IN", "Mumbai", 2),
          ("IN", "Hyderabad", 1), ("AU", "Sydney", 1), ("BR", "São Paulo", 1), ("CA", "Montreal", 1),
          ("ZA", "Cape Town", 1), ("IT", "Milan", 1), ("IL", "Tel Aviv", 1), ("CH", "Zurich", 1), ("ID", "Jakarta", 1),
          ("HK", "Hong Kong", 1), ("AE", "Dubai", 1), ("ES", "Madrid", 1)]

HOSTING = [
    {"key": "axiom", "org": "AXIOM-02", "reg": "US", "old": True, "dcs": _HYPER},
    {"key": "axiom_legacy", "org": "Axiom Web Services, Inc.", "reg": "US", "dcs": [("US", "Ashburn", 2), ("US", "Boardman", 1), ("IE", "Dublin", 1)]},
    {"key": "nimbus", "org": "NIMBUS-CLOUD-PLATFORM", "reg": "US", "dcs": [("US", "Council Bluffs", 3), ("US", "Dallas", 1), ("US", "Ashburn", 2),
        ("US", "Boardman", 1), ("DE", "Frankfurt am Main", 1), ("GB", "London", 1), ("NL", "Amsterdam", 2), ("JP", "Tokyo", 1), ("SG", "Singapore", 1),
        ("IN", "Mumbai", 1), ("BR", "São Paulo", 1), ("AU", "Sydney", 1), ("PL", "Warsaw", 1), ("FI", "Helsinki", 1), ("TW", "Taipei", 1)]},
    {"key": "meridian", "org": "MERIDIAN-CORP-CLOUD-AS", "reg": "US", "old": True, "dcs": [("US", "Ashburn", 3), ("US", "San Jose", 2), ("US", "Chicago", 1),
        ("US", "Phoenix", 1), ("IE", "Dublin", 2), ("NL", "Amsterdam", 2), ("SG", "Singapore", 1), ("HK", "Hong Kong", 1), ("IN", "Pune", 1),
        ("JP", "Tokyo", 1), ("AU", "Sydney", 1), ("CA", "Toronto", 1), ("ZA", "Johannesburg", 1), ("AE", "Dubai", 1), ("KR", "Seoul", 1),
        ("GB", "London", 1), ("FR", "Paris", 1), ("DE", "Frankfurt am Main", 1), ("BR", "São Paulo", 1), ("CH", "Zurich", 1)]},
    {"key": "oraculum", "org": "ORACULUM-BMC-31898", "reg": "US", "dcs": [("US", "Ashburn", 2), ("US", "Phoenix", 2), ("US", "San Jose", 1),
        ("DE", "Frankfurt am Main", 1), ("GB", "London", 1), ("NL", "Amsterdam", 1), ("JP", "Tokyo", 1), ("JP", "Osaka", 1), ("KR", "Seoul", 1),
        ("IN", "Mumbai", 1), ("AU", "Sydney", 1), ("BR", "São Paulo", 1), ("SG", "Singapore", 1), ("ZA", "Johannesburg", 1), ("CL", "Santiago", 1)]},
    {"key": "tidepool", "org": "Tidepool Hosting, LLC", "reg": "US", "plen": 20, "dcs": [("US", "New York", 3), ("US", "San Francisco", 2),
        ("NL", "Amsterdam", 2), ("DE", "Frankfurt am Main", 2), ("GB", "London", 1), ("SG", "Singapore", 2), ("IN", "Bengaluru", 1),
        ("CA", "Toronto", 1), ("AU", "Sydney", 1)]},
    {"key": "kilnode", "org": "Kilnode, LLC", "reg": "US", "plen": 21, "dcs": [("US", "New York", 1), ("US", "Atlanta", 1), ("US", "Dallas", 1),
        ("US", "San Jose", 1), ("GB", "London", 1), ("DE", "Frankfurt am Main", 1), ("JP", "Tokyo", 1), ("SG", "Singapore", 1),
        ("IN", "Mumbai", 1), ("AU", "Sydney", 1), ("CA", "Toronto", 1), ("SE", "Stockholm", 1)]},
    {"key": "vultrix", "org": "AS-VULTRIX", "reg": "US", "plen": 21, "dcs": [("US", "Miami", 1), ("US", "Chicago", 1), ("US", "Seattle", 1),
        ("US", "Los Angeles", 1), ("US", "New York", 1), ("US", "Dallas", 1), ("NL", "Amsterdam", 1), ("FR", "Paris", 1), ("PL", "Warsaw", 1),
        ("JP", "Tokyo", 1), ("KR", "Seoul", 1), ("MX", "Mexico City", 1), ("BR", "São Paulo", 1), ("ZA", "Johannesburg", 1), ("IL", "Tel Aviv", 1),
        ("CL", "Santiago", 1), ("SG", "Singapore", 1), ("IN", "Bengaluru", 1), ("AU", "Melbourne", 1), ("SE", "Stockholm", 1)]},
    {"key": "hertzwerk", "org": "Hertzwerk Online GmbH", "reg": "DE", "dcs": [("DE", "Falkenstein", 4), ("DE", "Nuremberg", 3), ("FI", "Helsinki", 2),
        ("US", "Ashburn", 1), ("US", "Portland", 1), ("SG", "Singapore", 1)]},
    {"key": "ovaris", "org": "Ovaris SAS", "reg": "FR", "old": True, "dcs": [("FR", "Roubaix", 4), ("FR", "Paris", 1), ("CA", "Montreal", 2),
        ("PL", "Warsaw", 1), ("DE", "Frankfurt am Main", 1), ("GB", "London", 1), ("SG", "Singapore", 1), ("AU", "Sydney", 1), ("IN", "Mumbai", 1),
        ("US", "Ashburn", 1)]},
    {"key": "kontabyte", "org": "Kontabyte GmbH", "reg": "DE", "plen": 21, "dcs": [("DE", "Nuremberg", 3), ("DE", "Munich", 1), ("US", "Chicago", 1),
        ("US", "New York", 1), ("US", "Seattle", 1), ("SG", "Singapore", 1), ("JP", "Tokyo", 1), ("AU", "Sydney", 1), ("GB", "London", 1)]},
    {"key": "ironside", "org": "Ironside Hosting Ltd", "reg": "GB", "plen": 22, "dcs": [("NL", "Amsterdam", 2), ("MD", "Chișinău", 2),
        ("DE", "Frankfurt am Main", 1), ("SE", "Stockholm", 1), ("US", "New York", 1), ("CH", "Zurich", 1), ("TR", "Istanbul", 1)]},
    {"key": "m247", "org": "Momentum 247 Europe SRL", "reg": "RO", "plen": 22, "dcs": [("RO", "Bucharest", 2), ("GB", "London", 2), ("NL", "Amsterdam", 2),
        ("DE", "Frankfurt am Main", 2), ("FR", "Paris", 1), ("ES", "Madrid", 1), ("IT", "Milan", 1), ("CH", "Zurich", 1), ("AT", "Vienna", 1),
        ("SE", "Stockholm", 1), ("DK", "Copenhagen", 1), ("NO", "Oslo", 1), ("PL", "Warsaw", 1), ("CZ", "Prague", 1), ("HU", "Budapest", 1),
        ("US", "New York", 2), ("US", "Los Angeles", 1), ("US", "Miami", 1), ("US", "Chicago", 1), ("US", "Dallas", 1), ("CA", "Toronto", 1),
        ("JP", "Tokyo", 1), ("SG", "Singapore", 1), ("AU", "Sydney", 1), ("HK", "Hong Kong", 1), ("AE", "Dubai", 1), ("ZA", "Johannesburg", 1),
        ("IL", "Tel Aviv", 1), ("TR", "Istanbul", 1), ("MX", "Mexico City", 1), ("BR", "São Paulo", 1), ("IE", "Dublin", 1), ("BE", "Brussels", 1)]},
    {"key": "datapark", "org": "Datapark Limited", "reg": "GB", "plen": 22, "dcs": [("GB", "London", 2), ("GB", "Manchester", 1), ("NL", "Amsterdam", 1),
        ("DE", "Frankfurt am Main", 1), ("FR", "Paris", 1), ("US", "New York", 2), ("US", "Los Angeles", 1), ("US", "Atlanta", 1), ("US", "Seattle", 1),
        ("US", "Denver", 1), ("CA", "Vancouver", 1), ("JP", "Tokyo", 1), ("SG", "Singapore", 1), ("AU", "Melbourne", 1), ("BR", "São Paulo", 1),
        ("PL", "Warsaw", 1), ("IT", "Milan", 1), ("ES", "Madrid", 1), ("SE", "Stockholm", 1), ("KR", "Seoul", 1), ("IN", "Mumbai", 1),
        ("AR", "Buenos Aires", 1), ("TW", "Taipei", 1), ("MY", "Kuala Lumpur", 1), ("TH", "Bangkok", 1), ("VN", "Hanoi", 1), ("NG", "Lagos", 1),
        ("KE", "Nairobi", 1), ("EG", "Cairo", 1), ("PK", "Karachi", 1), ("ID", "Jakarta", 1), ("PH", "Manila", 1), ("CO", "Bogotá", 1)]},
    {"key": "packetcove", "org": "Packetcove S.A.", "reg": "PA", "plen": 22, "dcs": [("US", "New York", 2), ("US", "Chicago", 1), ("US", "Dallas", 1),
        ("US", "Los Angeles", 1), ("US", "Miami", 1), ("GB", "London", 1), ("DE", "Berlin", 1), ("NL", "Amsterdam", 1), ("JP", "Tokyo", 1),
        ("SG", "Singapore", 1), ("AU", "Sydney", 1), ("CA", "Toronto", 1), ("FR", "Paris", 1), ("HK", "Hong Kong", 1)]},
    {"key": "hanami", "org": "Hanami Internet Inc.", "reg": "JP", "dcs": [("JP", "Tokyo", 2), ("JP", "Osaka", 2)]},
    {"key": "hanul", "org": "Hanul Cloud Corp.", "reg": "KR", "dcs": [("KR", "Seoul", 2)]},
    {"key": "tianyun", "org": "Hangzhou Tianyun Computing Co., Ltd.", "reg": "CN", "dcs": [("CN", "Hangzhou", 2), ("CN", "Beijing", 1),
        ("CN", "Shanghai", 1), ("SG", "Singapore", 1), ("JP", "Tokyo", 1), ("DE", "Frankfurt am Main", 1), ("US", "San Jose", 1), ("HK", "Hong Kong", 1)]},
    {"key": "qixing", "org": "Shenzhen Qixing Cloud Computing Co., Ltd.", "reg": "CN", "dcs": [("CN", "Shenzhen", 2), ("HK", "Hong Kong", 1),
        ("SG", "Singapore", 1), ("JP", "Tokyo", 1), ("KR", "Seoul", 1), ("US", "San Jose", 1), ("DE", "Frankfurt am Main", 1)]},
    {"key": "sevnet", "org": "Sevnet Data LLC", "reg": "RU", "dcs": [("RU", "Moscow", 2), ("RU", "Saint Petersburg", 2)]},
    {"key": "bharatdc", "org": "Bharat Datacentre Services Pvt Ltd", "reg": "IN", "dcs": [("IN", "Mumbai", 1), ("IN", "Chennai", 1)]},
    {"key": "ipanema", "org": "Ipanema Datacenter Ltda", "reg": "BR", "dcs": [("BR", "São Paulo", 2)]},
    {"key": "lowend", "org": "Lowend Networks LLC", "reg": "US", "plen": 22, "dcs": [("US", "Phoenix", 1), ("US", "Miami", 1), ("US", "New York", 1),
        ("NL", "Amsterdam", 1), ("US", "Salt Lake City", 1)]},
    {"key": "arcticnode", "org": "Arcticnode AS", "reg": "NO", "plen": 22, "dcs": [("NO", "Oslo", 1), ("SE", "Stockholm", 1), ("FI", "Helsinki", 1)]},
    {"key": "cloudsea", "org": "Cloudsea Sdn Bhd", "reg": "MY", "plen": 22, "dcs": [("MY", "Cyberjaya", 1), ("SG", "Singapore", 1), ("ID", "Jakarta", 1), ("VN", "Ho Chi Minh City", 1)]},
]

# Commercial VPN operators with their own ASNs (many VPN brands instead rent from m247/datapark/packetcove).
_VPN_POPS = [("US", "New York", 2), ("US", "Los Angeles", 1), ("US", "Chicago", 1), ("US", "Dallas", 1), ("US", "Seattle", 1), ("US", "Miami", 1),
             ("GB", "London", 2), ("DE", "Frankfurt am Main", 2), ("NL", "Amsterdam", 2), ("FR", "Paris", 1), ("CH", "Zurich", 1),
             ("SE", "Stockholm", 1), ("JP", "Tokyo", 1), ("SG", "Singapore", 1), ("CA", "Toronto", 1), ("AU", "Sydney", 1),
             ("ES", "Madrid", 1), ("IT", "Milan", 1), ("PL", "Warsaw", 1), ("BR", "São Paulo", 1), ("HK", "Hong Kong", 1), ("KR", "Seoul", 1)]
VPNS = [
    {"key": "photon", "org": "Photon Privacy AG", "reg": "CH", "v6": True, "pops": _VPN_POPS},
    {"key": "mullbrook", "org": "Mullbrook VPN AB", "reg": "SE", "v6": True, "pops": _VPN_POPS[:14]},
    {"key": "surfvault", "org": "SURFVAULT-NET", "reg": "SC", "pops": _VPN_POPS},
    {"key": "lumenfort", "org": "Lumenfort Technologies S.A.", "reg": "PA", "pops": _VPN_POPS[:12] + [("TR", "Istanbul", 1), ("AE", "Dubai", 1), ("IN", "Mumbai", 1), ("MX", "Mexico City", 1)]},
    {"key": "hidemytrail", "org": "Hide My Trail Ltd", "reg": "CY", "pops": _VPN_POPS[:10] + [("CY", "Limassol", 1)]},
]

_RELAY_COUNTRIES = ["US", "CA", "GB", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "IE", "PT", "JP", "KR",
                    "TW", "SG", "MY", "AU", "NZ", "BR", "MX", "AR", "CL", "IN", "AE", "IL", "ZA", "TR", "CZ"]
RELAYS = [
    {"key": "aurelia", "org": "Aurelia Edge Networks", "reg": "US", "countries": _RELAY_COUNTRIES},
    {"key": "flarewall", "org": "FLAREWALL-NET", "reg": "US", "countries": _RELAY_COUNTRIES},
]

SWGS = [
    {"key": "zentry", "org": "Zentry Security, Inc.", "reg": "US", "pops": [("US", "Ashburn"), ("US", "Chicago"), ("US", "Dallas"), ("US", "San Jose"),
        ("US", "Seattle"), ("US", "Atlanta"), ("US", "New York"), ("US", "Denver"), ("CA", "Toronto"), ("GB", "London"), ("GB", "Manchester"),
        ("DE", "Frankfurt am Main"), ("FR", "Paris"), ("NL", "Amsterdam"), ("CH", "Zurich"), ("SE", "Stockholm"), ("ES", "Madrid"), ("IT", "Milan"),
        ("IN", "Mumbai"), ("IN", "Chennai"), ("SG", "Singapore"), ("JP", "Tokyo"), ("AU", "Sydney"), ("BR", "São Paulo"), ("IL", "Tel Aviv"),
        ("ZA", "Johannesburg"), ("AE", "Dubai"), ("MX", "Querétaro"), ("PL", "Warsaw"), ("IE", "Dublin"), ("KR", "Seoul")]},
    {"key": "cloudgate", "org": "Cloudgate Secure Access Ltd", "reg": "GB", "pops": [("GB", "London"), ("DE", "Frankfurt am Main"), ("NL", "Amsterdam"),
        ("US", "Ashburn"), ("US", "San Jose"), ("US", "Chicago"), ("SG", "Singapore"), ("IN", "Mumbai"), ("AU", "Sydney"), ("JP", "Tokyo"), ("FR", "Paris")]},
]

# Static "ISP" proxy ranges: registered like small access providers, geofeeds point at residential cities.
ISP_PROXIES = [
    {"key": "lakeside", "org": "Lakeside Broadband LLC", "reg": "US", "cities": [("US", "New York", 1), ("US", "Los Angeles", 1), ("US", "Chicago", 1), ("US", "Dallas", 1), ("US", "Miami", 1), ("US", "Atlanta", 1)]},
    {"key": "northgate", "org": "Northgate Fiber Inc.", "reg": "US", "cities": [("US", "Ashburn", 2), ("US", "Phoenix", 1), ("US", "Seattle", 1), ("US", "Denver", 1)]},
    {"key": "verdant", "org": "Verdant Telecom Ltd", "reg": "GB", "cities": [("GB", "London", 2), ("GB", "Manchester", 1), ("GB", "Birmingham", 1)]},
    {"key": "rheinland", "org": "Rheinland Kabelnetz GmbH", "reg": "DE", "cities": [("DE", "Frankfurt am Main", 1), ("DE", "Cologne", 1), ("DE", "Berlin", 1)]},
    {"key": "mapleridge", "org": "Maple Ridge Communications Inc.", "reg": "CA", "cities": [("CA", "Toronto", 1), ("CA", "Montreal", 1), ("CA", "Vancouver", 1)]},
    {"key": "southerncross", "org": "Southern Cross Access Pty Ltd", "reg": "AU", "cities": [("AU", "Sydney", 1), ("AU", "Melbourne", 1)]},
]

TOR_HOSTS = [
    {"org": "Zwiebel Privacy e.V.", "reg": "DE", "city": "Berlin"},
    {"org": "Quartz Onion Networks", "reg": "US", "city": "Seattle"},
    {"org": "Stichting Vrije Knooppunten", "reg": "NL", "city": "Amsterdam"},
    {"org": "Association Noeud Libre", "reg": "FR", "city": "Paris"},
    {"org": "Relayhaus AG", "reg": "CH", "city": "Zurich"},
]
