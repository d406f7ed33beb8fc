"""The invented internet's providers, and how a person or a bot gets an address."""
from data import COUNTRIES, UNSUPPORTED
from net import Internet

STEMS = ["Aurora", "Vega", "Astra", "Orion", "Lumen", "Zenith", "Helix", "Vertex", "Pinnacle", "Horizon", "Cascade",
         "Evergreen", "Bluewave", "Greenline", "Silverlink", "Skyline", "Northstar", "Southgate", "Eastlink",
         "Westnet", "Crestview", "Harbor", "Riverbend", "Lakeside", "Redwood", "Ironbridge", "Keystone", "Beacon",
         "Pioneer", "Frontier", "Unity", "Fusion", "Spectra", "Velocity", "Stellar", "Solaris", "Polar", "Nimbus",
         "Cirrus", "Vista", "Optima", "Omnia", "Nexus", "Axis", "Pulse", "Flux", "Arcadia", "Avalon", "Sierra",
         "Tundra", "Coral", "Jade", "Onyx", "Cobalt", "Indigo", "Saffron", "Ember", "Falcon", "Condor", "Osprey",
         "Lynx", "Jaguar", "Lotus", "Orchid", "Banyan", "Baobab", "Cedar", "Maple", "Olive", "Kaze", "Hikari",
         "Mirai", "Hanul", "Sahara", "Andes", "Pampa", "Caribe", "Tropico", "Boreal", "Baltica", "Alpina", "Danubia",
         "Rhenus", "Vistula", "Carpatia", "Aegean", "Adria", "Iberia", "Gallia", "Celtica", "Pennine", "Highland",
         "Levant", "Oasis", "Savanna", "Kilima", "Zambezi", "Ganga", "Deccan", "Mekong", "Borneo", "Luzon", "Siam",
         "Malacca", "Formosa", "Tasman", "Steppe", "Kavkaz", "Tigris", "Atlantica", "Pacifica", "Meridia", "Altair",
         "Sirius", "Rigel", "Lyra", "Draco", "Cygnus", "Corvina", "Halcyon", "Zephyr", "Mistral", "Sirocco",
         "Monsoon", "Typhon", "Granite", "Basalt", "Quarry", "Copperline", "Tinwire", "Goldfield", "Brightpath",
         "Clearwave", "Openreach", "Wideband", "Homefield", "Citylink", "Metrolink", "Urbanet", "Ruralnet"]
SUFFIX = {"US": ["LLC", "Inc.", "Corp.", "Communications LLC"], "CA": ["Inc.", "Ltd."], "MX": ["S.A. de C.V."],
          "BR": ["Ltda", "S.A.", "Telecomunicacoes Ltda"], "AR": ["S.A."], "CO": ["S.A.S."], "CL": ["S.A."],
          "PE": ["S.A.C."], "EC": ["S.A."], "UY": ["S.A."], "CR": ["S.A."], "GB": ["Ltd", "Limited", "plc"],
          "IE": ["Limited"], "DE": ["GmbH", "AG", "GmbH & Co. KG"], "FR": ["SAS", "S.A."], "ES": ["S.L.", "S.A.U."],
          "PT": ["S.A.", "Lda"], "IT": ["S.p.A.", "S.r.l."], "NL": ["B.V."], "BE": ["NV", "SA"], "CH": ["AG", "SA"],
          "AT": ["GmbH"], "SE": ["AB"], "NO": ["AS"], "DK": ["A/S"], "FI": ["Oy"], "PL": ["Sp. z o.o.", "S.A."],
          "CZ": ["s.r.o.", "a.s."], "HU": ["Zrt.", "Kft."], "RO": ["S.R.L.", "S.A."], "BG": ["EAD", "OOD"],
          "GR": ["S.A."], "RS": ["d.o.o."], "HR": ["d.d.", "d.o.o."], "EE": ["AS", "OU"], "LT": ["UAB"],
          "LV": ["SIA"], "UA": ["LLC", "PrJSC"], "TR": ["A.S."], "IL": ["Ltd"], "AE": ["PJSC", "LLC"],
          "SA": ["Company", "JSC"], "JO": ["PSC"], "EG": ["S.A.E."], "MA": ["S.A."], "TN": ["S.A."],
          "NG": ["Limited", "Plc"], "GH": ["Limited"], "KE": ["PLC", "Limited"], "ET": ["S.C."], "ZA": ["(Pty) Ltd"],
          "IN": ["Pvt Ltd", "Limited", "Private Limited"], "PK": ["(Pvt) Ltd"], "BD": ["Limited"], "LK": ["PLC"],
          "NP": ["Pvt. Ltd."], "ID": ["Tbk"], "VN": ["JSC", "Corporation"], "PH": ["Inc."],
          "TH": ["Public Company Limited", "Co., Ltd."], "MY": ["Sdn Bhd", "Berhad"], "SG": ["Pte Ltd"],
          "TW": ["Co., Ltd.", "Corporation"], "JP": ["K.K.", "Corporation", "Inc."], "KR": ["Co., Ltd.", "Corp."],
          "AU": ["Pty Ltd", "Limited"], "NZ": ["Limited"], "KZ": ["JSC", "LLP"], "GE": ["LLC", "JSC"],
          "CN": ["Co., Ltd."], "RU": ["LLC", "PJSC"]}
ISP_WORDS = ["Broadband", "Telecom", "Communications", "Networks", "Fiber", "Cable", "Net", "Internet", "Online",
             "Connect", "Fibre", "Telecommunications", "Datacom", "Infocom"]
MOBILE_WORDS = ["Mobile", "Wireless", "Cellular", "Mobile Communications", "Telecom Mobile", "Cellcom"]


class World:
    def __init__(self, rng):
        self.rng = rng
        self.net = Internet(rng)
        self.used_names = set()
        self.isps = {}      # cc -> [(asn, share, v6share)]
        self.mobiles = {}   # cc -> [(asn, share, v6share)]
        self._build_access()
        self._build_datacenters()
        self._build_anonymity()
        self._build_special()

    # ---------------------------------------------------------------- naming
    def org(self, cc, words, prefix=""):
        rng = self.rng
        for _ in range(100):
            stem = rng.choice(STEMS)
            name = f"{prefix}{stem} {rng.choice(words)} {rng.choice(SUFFIX.get(cc, ['Ltd']))}".strip()
            if cc == "ID":
                name = f"PT {stem} {rng.choice(words)} Nusantara Tbk"
            if name not in self.used_names:
                self.used_names.add(name)
                return name.upper() if rng.random() < 0.12 else name
        raise RuntimeError("names exhausted")

    # ---------------------------------------------------------------- access
    def _build_access(self):
        rng, net = self.rng, self.net
        for cc, c in COUNTRIES.items():
            nf, nm = c["isp"]
            v6f, v6m = c["v6"]
            big = 3 if c["w"] >= 3 else (2 if c["w"] >= 0.8 or cc in UNSUPPORTED else 1)
            fixed, mobile = [], []
            incumbent = None
            for i in range(nf):
                kind = "telco" if i == 0 and rng.random() < 0.55 else "isp"
                a = net.new_asn(self.org(cc, ISP_WORDS), kind, cc)
                net.add_country_space(a, cc, big + (1 if i == 0 else 0), v6=rng.random() < 0.85 or i == 0,
                                      role="home")
                share = [0.38, 0.25, 0.17, 0.11, 0.09][i] if nf > 1 else 1.0
                v6 = v6f * rng.uniform(0.5, 1.6) if a.blocks[-1].v6 else 0.0
                fixed.append((a, share, min(0.95, v6)))
                if kind == "telco":
                    incumbent = a
            for i in range(nm):
                if i == 0 and incumbent is not None:
                    a = incumbent           # the incumbent runs the biggest mobile network under one ASN
                else:
                    a = net.new_asn(self.org(cc, MOBILE_WORDS), "mobile", cc)
                net.add_country_space(a, cc, max(1, big - 1), v6=True, role="mobile", mobile=True)
                a.cgnat_pool = rng.choice((16, 24, 32, 48, 64))
                share = [0.42, 0.32, 0.18, 0.08][i]
                mobile.append((a, share, min(0.95, v6m * rng.uniform(0.6, 1.5))))
            # static "business" lines of the first two ISPs (offices, coworking, cafes, bootcamps)
            for a, _, _ in fixed[:2]:
                for _ in range(2 if c["w"] >= 1 else 1):
                    net.add_site(a, cc, self.net.weighted_city(cc)[0], plen=22, role="business")
            self.isps[cc] = fixed
            self.mobiles[cc] = mobile

    # ---------------------------------------------------------------- datacenters
    def _build_datacenters(self):
        net = self.net
        self.clouds = []
        cloud_specs = [
            ("Nimbus Compute Services LLC", "US", "ARIN",
             [("US", "Ashburn"), ("US", "Boardman"), ("US", "Columbus"), ("US", "San Francisco"), ("IE", "Dublin"),
              ("DE", "Frankfurt am Main"), ("GB", "London"), ("FR", "Paris"), ("SE", "Stockholm"),
              ("IN", "Mumbai"), ("IN", "Hyderabad"), ("SG", "Singapore"), ("JP", "Tokyo"), ("KR", "Seoul"),
              ("AU", "Sydney"), ("BR", "Sao Paulo"), ("CA", "Montreal"), ("ID", "Jakarta"), ("AE", "Dubai"),
              ("IL", "Tel Aviv"), ("ZA", "Cape Town"), ("ES", "Madrid"), ("CH", "Zurich"), ("MX", "Mexico City")]),
            ("Stratus Cloud Platform Inc.", "US", "ARIN",
             [("US", "Chicago"), ("US", "Ashburn"), ("US", "Los Angeles"), ("US", "Houston"), ("US", "Salt Lake City"),
              ("NL", "Eindhoven"), ("BE", "Ghent"), ("DE", "Frankfurt am Main"), ("GB", "London"), ("FI", "Helsinki"),
              ("PL", "Warsaw"), ("IT", "Milan"), ("TW", "Taichung"), ("JP", "Tokyo"), ("KR", "Seoul"),
              ("IN", "Mumbai"), ("IN", "Delhi"), ("SG", "Singapore"), ("AU", "Sydney"), ("BR", "Sao Paulo"),
              ("CA", "Toronto"), ("CL", "Santiago"), ("IL", "Tel Aviv"), ("SA", "Dammam")]),
            ("Azurite Cloud Networks Corp.", "US", "ARIN",
             [("US", "Ashburn"), ("US", "Houston"), ("US", "Seattle"), ("US", "Phoenix"), ("IE", "Dublin"),
              ("NL", "Amsterdam"), ("GB", "London"), ("FR", "Paris"), ("DE", "Frankfurt am Main"), ("CH", "Zurich"),
              ("NO", "Oslo"), ("IN", "Pune"), ("IN", "Chennai"), ("SG", "Singapore"), ("JP", "Tokyo"),
              ("KR", "Seoul"), ("AU", "Sydney"), ("BR", "Sao Paulo"), ("CA", "Toronto"), ("ZA", "Johannesburg")]),
            ("Driftwave Cloud LLC", "US", "ARIN",
             [("US", "New York"), ("US", "San Francisco"), ("NL", "Amsterdam"), ("GB", "London"),
              ("DE", "Frankfurt am Main"), ("CA", "Toronto"), ("IN", "Bengaluru"), ("SG", "Singapore"),
              ("AU", "Sydney")]),
            ("Kestrel VPS LLC", "US", "ARIN",
             [("US", "New York"), ("US", "Chicago"), ("US", "Atlanta"), ("US", "Miami"), ("US", "Seattle"),
              ("US", "Los Angeles"), ("US", "Houston"), ("NL", "Amsterdam"), ("GB", "London"), ("FR", "Paris"),
              ("DE", "Frankfurt am Main"), ("PL", "Warsaw"), ("SE", "Stockholm"), ("ES", "Madrid"),
              ("JP", "Tokyo"), ("KR", "Seoul"), ("SG", "Singapore"), ("IN", "Mumbai"), ("AU", "Sydney"),
              ("MX", "Mexico City"), ("BR", "Sao Paulo"), ("CL", "Santiago"), ("ZA", "Johannesburg"),
              ("IL", "Tel Aviv")]),
        ]
        for name, cc, rir, regions in cloud_specs:
            a = net.new_asn(name, "cloud", cc, rir)
            a.regions = []
            for rcc, city in regions:
                net.add_site(a, rcc, city, plen=16 if len(self.clouds) < 3 else 18, v6=True, reg_cc=cc,
                             role="dc", accuracy=1000 if self.rng.random() < 0.3 else 20)
                a.regions.append((rcc, city))
            self.clouds.append(a)
        host_specs = [
            ("Vogtland Rechenzentrum GmbH", "DE", [("DE", "Falkenstein"), ("DE", "Nuremberg"), ("FI", "Helsinki"),
                                                   ("US", "Ashburn")]),
            ("Roubaix Serveurs SAS", "FR", [("FR", "Roubaix"), ("FR", "Gravelines"), ("DE", "Frankfurt am Main"),
                                            ("PL", "Warsaw"), ("GB", "London"), ("CA", "Montreal"),
                                            ("SG", "Singapore"), ("AU", "Sydney"), ("US", "Ashburn")]),
            ("Mittelgebirge Hosting GmbH", "DE", [("DE", "Nuremberg"), ("DE", "Munich"), ("US", "Chicago"),
                                                  ("SG", "Singapore"), ("JP", "Tokyo"), ("GB", "London")]),
            ("Polderhost B.V.", "NL", [("NL", "Amsterdam"), ("DE", "Frankfurt am Main"), ("US", "Ashburn"),
                                        ("SG", "Singapore"), ("US", "San Francisco")]),
            ("Baltic Servers UAB", "LT", [("LT", "Vilnius"), ("LT", "Siauliai")]),
            ("Vistula Data Sp. z o.o.", "PL", [("PL", "Warsaw")]),
            ("Lion City Hosting Pte Ltd", "SG", [("SG", "Singapore")]),
            ("Peachtree Colocation LLC", "US", [("US", "Atlanta"), ("US", "Miami")]),
            ("Cascade Bare Metal Inc.", "US", [("US", "Seattle"), ("US", "Los Angeles")]),
            ("Hanami Internet K.K.", "JP", [("JP", "Tokyo"), ("JP", "Osaka")]),
            ("Paulista Datacenter Ltda", "BR", [("BR", "Sao Paulo")]),
            ("Bharat Cloudworks Pvt Ltd", "IN", [("IN", "Mumbai"), ("IN", "Noida")]),
        ]
        self.hosting = []
        for name, cc, locs in host_specs:
            a = net.new_asn(name, "hosting", cc)
            a.regions = []
            for rcc, city in locs:
                net.add_site(a, rcc, city, plen=19, v6=True, reg_cc=cc, role="dc")
                a.regions.append((rcc, city))
            self.hosting.append(a)

    # ---------------------------------------------------------------- VPN, relays, proxies, Tor
    def _build_anonymity(self):
        net, rng = self.net, self.rng
        pops = [("US", "New York"), ("US", "Los Angeles"), ("US", "Chicago"), ("US", "Miami"), ("US", "Seattle"),
                ("US", "Atlanta"), ("US", "Denver"), ("US", "Phoenix"), ("CA", "Toronto"), ("CA", "Vancouver"),
                ("GB", "London"), ("GB", "Manchester"), ("DE", "Frankfurt am Main"), ("DE", "Berlin"),
                ("NL", "Amsterdam"), ("FR", "Paris"), ("CH", "Zurich"), ("SE", "Stockholm"), ("NO", "Oslo"),
                ("DK", "Copenhagen"), ("FI", "Helsinki"), ("ES", "Madrid"), ("IT", "Milan"), ("PL", "Warsaw"),
                ("CZ", "Prague"), ("AT", "Vienna"), ("BE", "Brussels"), ("IE", "Dublin"), ("PT", "Lisbon"),
                ("RO", "Bucharest"), ("BG", "Sofia"), ("GR", "Athens"), ("HU", "Budapest"), ("UA", "Kyiv"),
                ("TR", "Istanbul"), ("IL", "Tel Aviv"), ("AE", "Dubai"), ("ZA", "Johannesburg"), ("NG", "Lagos"),
                ("JP", "Tokyo"), ("KR", "Seoul"), ("SG", "Singapore"), ("TW", "Taipei"), ("IN", "Mumbai"),
                ("ID", "Jakarta"), ("VN", "Hanoi"), ("MY", "Kuala Lumpur"), ("PH", "Manila"), ("TH", "Bangkok"),
                ("AU", "Sydney"), ("AU", "Melbourne"), ("NZ", "Auckland"), ("BR", "Sao Paulo"),
                ("AR", "Buenos Aires"), ("MX", "Mexico City"), ("CL", "Santiago"), ("CO", "Bogota"),
                ("EG", "Cairo"), ("KE", "Nairobi"), ("PK", "Karachi")]
        virtual = {"TR", "AE", "NG", "IN", "ID", "VN", "PH", "AR", "EG", "KE", "PK", "CO", "TH"}
        specs = [("Meridian Transit Networks Ltd", "GB", "vpn", 1.0), ("Datapoint Streaming Ltd", "GB", "vpn", 0.8),
                 ("Halyard Hosting Solutions S.R.L.", "RO", "vpn", 0.6), ("Veilwire VPN AB", "SE", "vpn", 0.35),
                 ("Shieldpoint Privacy AG", "CH", "vpn", 0.5)]
        self.vpns = []
        for name, cc, kind, cover in specs:
            a = net.new_asn(name, kind, cc)
            a.pops = []
            for pcc, city in pops:
                if rng.random() > cover and pcc not in ("US", "GB", "DE", "NL"):
                    continue
                reg = cc
                # virtual locations: geofeed claims the country, server sits elsewhere
                bl = net.add_site(a, pcc, city, plen=24, reg_cc=reg, role="pop", accuracy=rng.choice((20, 50, 100, 500)))
                a.pops.append((pcc, city, pcc in virtual))
            a.exits_per_pop = rng.choice((8, 16, 24))
            self.vpns.append(a)
        # Privacy relays (egress of an OS-level relay service through CDNs, geolocated to the user's region)
        self.relays = []
        for name, cc in [("Helix Edge Networks Inc.", "US"), ("Aurora Edge Delivery Corp.", "US")]:
            a = net.new_asn(name, "cdn", cc, "ARIN")
            for rcc, c in COUNTRIES.items():
                if rcc in UNSUPPORTED:
                    continue
                for city in c["cities"][:3]:
                    if city[6] < 1 and city != c["cities"][0]:
                        continue
                    net.add_site(a, rcc, city[0], plen=26, v6=True, reg_cc=cc, role="relay",
                                 accuracy=rng.choice((50, 100, 200)))
            self.relays.append(a)
        # Secure web gateways (cloud proxies that corporate traffic egresses through)
        self.swgs = []
        for name, cc in [("Tessellate Security Inc.", "US"), ("Perimetra Networks Ltd", "IL")]:
            a = net.new_asn(name, "swg", cc, "ARIN" if cc == "US" else "RIPE")
            a.pops = []
            for pcc, city in [("US", "New York"), ("US", "Chicago"), ("US", "San Francisco"), ("US", "Atlanta"),
                              ("US", "Seattle"), ("CA", "Toronto"), ("GB", "London"), ("DE", "Frankfurt am Main"),
                              ("FR", "Paris"), ("NL", "Amsterdam"), ("CH", "Zurich"), ("SE", "Stockholm"),
                              ("ES", "Madrid"), ("IT", "Milan"), ("PL", "Warsaw"), ("IL", "Tel Aviv"),
                              ("AE", "Dubai"), ("IN", "Mumbai"), ("IN", "Bengaluru"), ("IN", "Chennai"),
                              ("SG", "Singapore"), ("JP", "Tokyo"), ("KR", "Seoul"), ("AU", "Sydney"),
                              ("BR", "Sao Paulo"), ("MX", "Mexico City"), ("ZA", "Johannesburg")]:
                net.add_site(a, pcc, city, plen=24, reg_cc=cc, role="pop")
                a.pops.append((pcc, city))
            self.swgs.append(a)
        # "ISP proxies": datacenter ranges announced under residential-looking names
        self.ispproxies = []
        for name, cc, sites in [("Homestead Broadband Networks LLC", "US",
                                 [("US", "Ashburn"), ("US", "New York"), ("US", "Los Angeles"), ("US", "Chicago")]),
                                ("Kingsway Residential Internet Ltd", "GB", [("GB", "London"), ("GB", "Manchester")]),
                                ("Hinterland Kabel GmbH", "DE", [("DE", "Frankfurt am Main")]),
                                ("Sakurazaka Hikari Net K.K.", "JP", [("JP", "Tokyo")])]:
            a = net.new_asn(name, "ispproxy", cc)
            a.regions = []
            for rcc, city in sites:
                net.add_site(a, rcc, city, plen=22, role="dc")
                a.regions.append((rcc, city))
            self.ispproxies.append(a)
        # Tor exits: a non-profit exit operator and exits in a few hosting ranges
        a = net.new_asn("Verein fuer Freie Netze e.V.", "tor", "DE")
        net.add_site(a, "DE", "Berlin", plen=24, role="tor")
        net.add_site(a, "NL", "Amsterdam", plen=24, role="tor", reg_cc="DE")
        self.tor = a

    # ---------------------------------------------------------------- edu, corp, satellite, inflight, IPX
    def _build_special(self):
        net, rng = self.net, self.rng
        # research & education networks, some universities with their own ASN
        self.nrens = {}
        for cc, name in [("DE", "Forschungsnetz Verein e.V."), ("FR", "Reseau Academique Francais GIP"),
                         ("GB", "Academic Network Services Ltd"), ("NL", "Stichting Onderwijsnet"),
                         ("IT", "Consorzio Rete Accademica"), ("ES", "Red Academica Nacional"),
                         ("JP", "Academic Information Network Japan"), ("BR", "Rede Nacional de Ensino e Pesquisa"),
                         ("IN", "National Research Knowledge Network"), ("KR", "Korea Research Network")]:
            self.nrens[cc] = net.new_asn(name, "edu", cc)
        self.universities = []
        uni_specs = [
            ("US", "Boston", "Northeastern Technological University", "ntu-boston.edu"),
            ("US", "San Francisco", "Bay Polytechnic University", "baypoly.edu"),
            ("US", "Austin", "Central Texas State University", "ctsu.edu"),
            ("US", "Atlanta", "Piedmont Institute of Technology", "piedmont-tech.edu"),
            ("US", "Chicago", "Lakeshore University", "lakeshore.edu"),
            ("US", "Seattle", "Puget Sound Institute of Science", "psis.edu"),
            ("US", "Columbus", "Ohio Valley State University", "ovsu.edu"),
            ("CA", "Toronto", "University of Lake Ontario", "ulo.ca"),
            ("CA", "Montreal", "Universite du Saint-Laurent", "ustlaurent.ca"),
            ("GB", "Manchester", "University of North Mersey", "northmersey.ac.uk"),
            ("GB", "Edinburgh", "Caledonian Institute of Technology", "cit.ac.uk"),
            ("GB", "London", "London Metropolitan School of Computing", "lmsc.ac.uk"),
            ("DE", "Munich", "Technische Hochschule Isartal", "th-isartal.de"),
            ("DE", "Karlsruhe", "Hochschule Oberrhein", "hs-oberrhein.de"),
            ("DE", "Berlin", "Universitaet Spreeland", "uni-spreeland.de"),
            ("FR", "Paris", "Ecole Superieure d'Informatique de Paris", "esip.fr"),
            ("FR", "Toulouse", "Universite Garonne Sciences", "univ-garonne.fr"),
            ("NL", "Delft", "Technische Universiteit Zuidkust", "tuz.nl"),
            ("IT", "Milan", "Politecnico Lombardo", "polilombardo.it"),
            ("ES", "Barcelona", "Universitat Tecnica del Llobregat", "utl.cat"),
            ("JP", "Tokyo", "Tokyo Institute of Information Science", "tiis.ac.jp"),
            ("JP", "Kyoto", "Kamogawa University", "kamogawa-u.ac.jp"),
            ("KR", "Daejeon", "Hanbit Institute of Science and Technology", "hist.ac.kr"),
            ("IN", "Bengaluru", "Karnataka Institute of Engineering", "kie.ac.in"),
            ("IN", "Hyderabad", "Deccan Institute of Technology", "dit-hyd.ac.in"),
            ("IN", "Chennai", "Coromandel Technical University", "ctu.edu.in"),
            ("IN", "Pune", "Sahyadri College of Engineering", "sce-pune.edu.in"),
            ("BR", "Sao Paulo", "Universidade Tecnologica Paulista", "utp.edu.br"),
            ("BR", "Recife", "Instituto Federal do Capibaribe", "ifcap.edu.br"),
            ("MX", "Monterrey", "Instituto Tecnologico del Norte", "itnorte.edu.mx"),
            ("PL", "Krakow", "Politechnika Wislanska", "pwis.edu.pl"),
            ("NG", "Lagos", "Lagos State Polytechnic of Technology", "lspt.edu.ng"),
            ("KE", "Nairobi", "Nairobi Institute of Computing", "nic.ac.ke"),
            ("PK", "Lahore", "Lahore University of Computing Sciences", "lucs.edu.pk"),
            ("VN", "Ho Chi Minh City", "Saigon University of Technology", "sut.edu.vn"),
            ("ID", "Bandung", "Institut Teknologi Priangan", "itp.ac.id"),
            ("AU", "Melbourne", "Yarra University of Technology", "yut.edu.au"),
            ("SG", "Singapore", "Straits Institute of Technology", "sit.edu.sg"),
            ("EG", "Cairo", "Nile University of Engineering", "nue.edu.eg"),
            ("TR", "Ankara", "Anatolian Technical University", "atu.edu.tr"),
        ]
        for cc, city, name, dom in uni_specs:
            if cc in self.nrens and rng.random() < 0.6:
                a = self.nrens[cc]
            else:
                a = net.new_asn(name.upper() if rng.random() < 0.3 else name, "edu", cc)
            bl = net.add_site(a, cc, city, plen=18, v6=rng.random() < 0.6, role="campus:" + dom)
            self.universities.append(dict(cc=cc, city=city, name=name, domain=dom, asn=a, blocks=bl,
                                          wifi_nat=rng.choice((4, 8, 16))))
        # corporations with their own networks
        self.corp_asns = []
        # satellite ISP: CGNAT ranges geolocated to the ground-station PoP
        self.sat = net.new_asn("Orbitra Satellite Broadband LLC", "satellite", "US", "ARIN")
        self.sat.pops = {}
        for pcc, city in [("US", "Seattle"), ("US", "Denver"), ("US", "Atlanta"), ("US", "Chicago"),
                          ("AU", "Sydney"), ("BR", "Sao Paulo"), ("CL", "Santiago"), ("DE", "Frankfurt am Main"),
                          ("GB", "London"), ("JP", "Tokyo"), ("NG", "Lagos"), ("MX", "Mexico City")]:
            self.sat.pops[(pcc, city)] = net.add_site(self.sat, pcc, city, plen=22, v6=True, role="pop",
                                                      accuracy=1000, rir="ARIN")
        # in-flight connectivity
        self.inflight = net.new_asn("Aerolink Inflight Networks Inc.", "inflight", "US", "ARIN")
        net.add_site(self.inflight, "US", "Chicago", plen=22, role="pop", accuracy=1000)
        net.add_site(self.inflight, "GB", "London", plen=23, role="pop", accuracy=1000, rir="ARIN")
        # travel eSIM hub: roaming data broken out in a third country
        self.ipx = net.new_asn("Transglobal Mobile Exchange B.V.", "ipx", "NL")
        self.ipx.pops = []
        for pcc, city in [("NL", "Amsterdam"), ("SG", "Singapore"), ("US", "Chicago"), ("PL", "Warsaw")]:
            net.add_site(self.ipx, pcc, city, plen=22, v6=True, role="pop", accuracy=500)
            self.ipx.pops.append((pcc, city))

    def corp_network(self, name, cc, city, plen=23):
        a = self.net.new_asn(name, "corp", cc)
        bl = self.net.add_site(a, cc, city, plen=plen, role="office")
        self.corp_asns.append(a)
        return a, bl[0]

    # ---------------------------------------------------------------- address helpers
    def pick_isp(self, rng, cc):
        lst = self.isps[cc]
        return rng.choices(lst, weights=[x[1] for x in lst])[0]

    def pick_mobile(self, rng, cc):
        lst = self.mobiles[cc]
        return rng.choices(lst, weights=[x[1] for x in lst])[0]

    def home_line(self, rng, cc, city, v6_ok=True):
        """A household broadband line: fixed IPv4 (dynamic but long-lived) and, if the
        ISP and router do IPv6, a delegated /56."""
        asn, _, v6share = self.pick_isp(rng, cc)
        b4 = self.net.pick_block(rng, asn, cc, city, False, "home")
        line = HomeLine(asn, self.net.host_in(rng, b4), None, b4)
        if v6_ok and rng.random() < v6share:
            b6 = self.net.pick_block(rng, asn, cc, city, True, "home")
            if b6 is not None:
                line.v6prefix = self.net.subscriber_prefix(rng, b6, 56)
        return line

    def mobile_ip(self, rng, cc, carrier=None, city=None, allow_v6=True):
        if carrier is None:
            carrier, _, v6share = self.pick_mobile(rng, cc)
        else:
            v6share = next(x[2] for x in self.mobiles[cc] if x[0] is carrier)
        if allow_v6 and rng.random() < v6share:
            b = self.net.pick_block(rng, carrier, cc, city, True, "mobile")
            if b is not None:
                return self.net.host_in(rng, b), carrier
        b = self.net.pick_block(rng, carrier, cc, city, False, "mobile")
        return self.net.host_in(rng, b, pool=carrier.cgnat_pool), carrier

    def dc_ip(self, rng, asn, region=None, v6=False, pool=None):
        if region is None:
            region = rng.choice(asn.regions)
        b = self.net.pick_block(rng, asn, region[0], region[1], v6, None)
        return self.net.host_in(rng, b, pool=pool)

    def vpn_ip(self, rng, vpn, cc=None):
        pops = [p for p in vpn.pops if cc is None or p[0] == cc]
        if not pops:
            pops = vpn.pops
        pcc, city, _ = rng.choice(pops)
        b = self.net.pick_block(rng, vpn, pcc, city, False, "pop")
        return self.net.host_in(rng, b, pool=vpn.exits_per_pop), pcc

    def relay_ip(self, rng, cc, city=None, relay=None):
        relay = relay or rng.choice(self.relays)
        v6 = rng.random() < 0.5
        b = self.net.pick_block(rng, relay, cc, city, v6, "relay")
        if b is None:
            b = self.net.pick_block(rng, relay, cc, None, False, "relay")
        return self.net.host_in(rng, b, pool=None if b.v6 else 48)

    def swg_ip(self, rng, swg, cc):
        pops = [p for p in swg.pops if p[0] == cc] or [("US", "New York")]
        pcc, city = rng.choice(pops)
        b = self.net.pick_block(rng, swg, pcc, city, False, "pop")
        return self.net.host_in(rng, b, pool=12)

    def residential_exit(self, rng, cc, mobile_share=0.1, city=None, with_block=False):
        """An exit of a residential proxy network: the address of some ordinary
        subscriber's home line (or phone) in the country."""
        if rng.random() < mobile_share:
            carrier, _, _ = self.pick_mobile(rng, cc)
            b = self.net.pick_block(rng, carrier, cc, city, False, "mobile")
            ip = self.net.host_in(rng, b, pool=carrier.cgnat_pool)
        else:
            city = city or self.net.weighted_city(cc, rng)[0]
            asn, _, v6share = self.pick_isp(rng, cc)
            b = None
            if rng.random() < 0.15 * v6share:      # a few proxy SDKs also relay over the host's IPv6
                b = self.net.pick_block(rng, asn, cc, city, True, "home")
            if b is None:
                b = self.net.pick_block(rng, asn, cc, city, False, "home")
            ip = self.net.host_in(rng, b)
        return (ip, b) if with_block else ip

    def block_tz(self, b):
        """Time zone a geolocation lookup of the block would give (country's main zone
        when the record has no city)."""
        if b.city:
            return b.city[5]
        return COUNTRIES[b.cc]["cities"][0][5]


class HomeLine:
    def __init__(self, asn, v4, v6prefix, block):
        self.asn = asn
        self.v4 = v4
        self.v6prefix = v6prefix
        self.block = block
        self.lan64 = None

    def ip(self, rng, prefer_v6=0.85):
        if self.v6prefix is not None and rng.random() < prefer_v6:
            if self.lan64 is None:
                self.lan64 = self.v6prefix + (rng.randrange(256) << 64)
            # temporary (privacy) address changes daily; the /64 stays
            import ipaddress
            return str(ipaddress.IPv6Address(self.lan64 + rng.getrandbits(64)))
        return self.v4
