"""Universities, research networks and corporations of the invented world."""
from geodata import CITIES
from util import sub_rng

UNI_COUNTRIES = [("US", 12), ("GB", 5), ("DE", 5), ("IN", 7), ("CA", 3), ("FR", 3), ("JP", 3), ("KR", 3), ("BR", 3), ("AU", 3),
                 ("NL", 2), ("CH", 2), ("ES", 2), ("IT", 2), ("SG", 2), ("IL", 2), ("TR", 2), ("PK", 2), ("NG", 2), ("KE", 1),
                 ("ZA", 2), ("MX", 2), ("PL", 2), ("SE", 1), ("TW", 2), ("VN", 2), ("ID", 2), ("EG", 1), ("BD", 1), ("PH", 1),
                 ("AR", 1), ("CO", 1), ("UA", 1), ("PT", 1), ("GR", 1), ("CZ", 1), ("AT", 1), ("BE", 1), ("DK", 1), ("FI", 1),
                 ("NO", 1), ("IE", 1), ("RO", 1), ("HU", 1), ("MY", 1), ("TH", 1), ("NZ", 1), ("CL", 1)]

UNI_PATTERNS = {
    "US": [("{B} University", "{b}.edu"), ("{B} State University", "{b}state.edu"), ("{B} Institute of Technology", "{i}it.edu"), ("{B} College", "{b}.edu")],
    "GB": [("University of {B}", "{b}.ac.uk"), ("{B} Metropolitan University", "{b}met.ac.uk")],
    "IE": [("{B} University", "{b}.ie")],
    "DE": [("Technische Universität {B}", "tu-{b}.de"), ("Universität {B}", "uni-{b}.de"), ("Hochschule {B}", "hs-{b}.de")],
    "AT": [("Universität {B}", "uni{b}.ac.at")], "CH": [("{B} Polytechnic School", "{b}.ch"), ("Université de {B}", "uni{b}.ch")],
    "FR": [("Université {B}", "univ-{b}.fr"), ("École {B} d'Ingénieurs", "{b}.fr")],
    "IN": [("Indian Institute of Technology {B}", "iit{b}.ac.in"), ("{B} University", "{b}univ.ac.in"), ("National Institute of Technology {B}", "nit{b}.ac.in"), ("{B} Institute of Engineering", "{i}ie.edu.in")],
    "CA": [("University of {B}", "u{b}.ca"), ("{B} University", "{b}u.ca")], "AU": [("University of {B}", "{b}.edu.au")], "NZ": [("University of {B}", "{b}.ac.nz")],
    "JP": [("{B} University", "{b}-u.ac.jp"), ("{B} Institute of Technology", "{b}-tech.ac.jp")], "KR": [("{B} National University", "{b}.ac.kr"), ("{B} Institute of Science and Technology", "{i}st.ac.kr")],
    "BR": [("Universidade Federal de {B}", "uf{b}.edu.br"), ("Universidade {B}", "u{b}.br")], "NL": [("Technische Universiteit {B}", "tu{b}.nl"), ("Universiteit {B}", "u{b}.nl")],
    "ES": [("Universidad {B}", "u{b}.es")], "IT": [("Università di {B}", "uni{b}.it"), ("Politecnico di {B}", "poli{b}.it")], "SG": [("{B} University", "{b}.edu.sg")],
    "IL": [("{B} Institute of Technology", "{b}.ac.il")], "TR": [("{B} Üniversitesi", "{b}.edu.tr")], "PK": [("University of {B}", "u{b}.edu.pk")],
    "NG": [("University of {B}", "uni{b}.edu.ng")], "KE": [("{B} University", "{b}.ac.ke")], "ZA": [("University of {B}", "{b}.ac.za")],
    "MX": [("Universidad {B}", "u{b}.mx"), ("Instituto Tecnológico de {B}", "it{b}.mx")], "PL": [("Politechnika {B}", "p{b}.edu.pl")],
    "SE": [("{B} Tekniska Högskola", "{b}.se")], "TW": [("National {B} University", "n{b}u.edu.tw")], "VN": [("{B} University of Technology", "{b}ut.edu.vn")],
    "ID": [("Universitas {B}", "u{b}.ac.id")], "EG": [("{B} University", "{b}.edu.eg")], "BD": [("{B} University of Engineering", "{b}uet.ac.bd")],
    "PH": [("University of {B}", "u{b}.edu.ph")], "AR": [("Universidad de {B}", "u{b}.edu.ar")], "CO": [("Universidad {B}", "u{b}.edu.co")],
    "UA": [("{B} Polytechnic Institute", "{b}pi.edu.ua")], "PT": [("Universidade de {B}", "u{b}.pt")], "GR": [("{B} Technical University", "{b}tu.gr")],
    "CZ": [("Vysoké učení technické {B}", "vut{b}.cz")], "BE": [("Universiteit {B}", "u{b}.be")], "DK": [("{B} Universitet", "{b}.dk")],
    "FI": [("{B} University", "{b}.fi")], "NO": [("{B} Universitet", "{b}.no")], "RO": [("Universitatea {B}", "u{b}.ro")], "HU": [("{B} Egyetem", "{b}.hu")],
    "MY": [("Universiti {B}", "u{b}.edu.my")], "TH": [("{B} University", "{b}.ac.th")], "CL": [("Universidad de {B}", "u{b}.cl")],
}

UNI_BRANDS = """Ashford Belmont Carrow Dunley Elmhurst Farrington Glenmore Halston Ingram Jarrow Kelby Langdon Marlowe Norwood
Oakridge Pemberton Quarry Redfield Selwyn Thornbury Upton Vale Westmere Yardley Alder Brennan Castell Dovercourt Eastbrook
Fairhaven Greyfield Hollins Ivanhoe Kinross Larchmont Millbrook Northbridge Oakhaven Prescott Rowan Sterling Tillman Wexford
Rheinfeld Altenau Birkenwald Steinbach Lindenhof Hohenberg Varenne Montclair Beaulieu Sanvito Collina Riverside Kalpur Suryapur
Devgarh Amrit Ravipur Hanseong Gwangmin Seorin Tamura Hoshino Akitsu Aurora Serrana Cerrado Pinheiral Mirasol Valdivia Lumina
Tanjung Merapi Sawangan Hanoitech Mekong Kaveri Godavari Anadolu Ege Karmel Negev Oranje Kilima Savannah Umoja Vistula Karpat
Tatra Danube Nordvik Fjellheim Saimaa Skagen Kallio Balaton Tisza Olymp Douro Minho Pampas Andina Baobab""".split()

CORP_BRANDS = """Halvorsen Kessler Orion Brightman Castellan Dorrance Everett Fairbanks Grantham Hollister Ingersoll Jardine Kingsley
Lockwood Mercer Norcross Ashby Quimby Rutherford Thornton Underhill Vance Whitfield Zeller Aldridge Blackwood Carrington
Davenport Ellsworth Fenwick Garrison Hargrove Jennings Kendrick Langley Montague Oakley Radcliffe Sheffield Talbot Waverly
Wexler Ansel Barrow Corliss Dunmore Eberhardt Falkner Gillespie Holloway Ivers Judson Keane Lindqvist Marchetti Nakamura
Okafor Pereira Rosenthal Sorensen Takeda Vasquez Weber Yilmaz""".split()

UNI_REGIONAL = {
    "JP": "Tamura Hoshino Akitsu Minori", "KR": "Hanseong Gwangmin Seorin Daehan", "IN": "Kalpur Suryapur Devgarh Amrit Ravipur Kaveri Godavari Narmada",
    "BR": "Serrana Cerrado Pinheiral Mirasol", "PT": "Douro Minho", "ES": "Valdivia Mirasol Lumina", "MX": "Andina Lumina Sierra", "AR": "Pampas Andina",
    "CL": "Valdivia Andina", "CO": "Andina Lumina", "ID": "Tanjung Merapi Sawangan", "MY": "Tanjung Sawangan", "VN": "Mekong Hanoitech",
    "TH": "Chaophraya", "TR": "Anadolu Ege", "IL": "Karmel Negev", "NL": "Oranje Waalhaven", "BE": "Scheldt", "KE": "Kilima Umoja",
    "NG": "Savannah Baobab", "ZA": "Umoja Baobab", "PL": "Vistula Karpat Tatra", "CZ": "Tatra Karpat", "DE": "Rheinfeld Altenau Birkenwald Steinbach Lindenhof Hohenberg",
    "AT": "Lindenhof Hohenberg", "CH": "Altenau Steinbach", "FR": "Varenne Montclair Beaulieu", "IT": "Sanvito Collina", "SE": "Nordvik Skagen",
    "NO": "Fjellheim Nordvik", "FI": "Saimaa Kallio", "DK": "Skagen", "HU": "Balaton Tisza", "RO": "Danube Carpat", "GR": "Olymp", "UA": "Dnipro Karpaty",
    "TW": "Formosa Yushan", "EG": "Delta Nilwa", "BD": "Padma Meghna", "PK": "Indus Ravi", "PH": "Luzon Visaya",
}
UNI_ENGLISH = """Ashford Belmont Carrow Dunley Elmhurst Farrington Glenmore Halston Ingram Jarrow Kelby Langdon Marlowe Norwood
Oakridge Pemberton Quarry Redfield Selwyn Thornbury Upton Vale Westmere Yardley Alder Brennan Castell Dovercourt Eastbrook
Fairhaven Greyfield Hollins Ivanhoe Kinross Larchmont Millbrook Northbridge Oakhaven Prescott Rowan Sterling Tillman Wexford Riverside""".split()

NREN = {
    "GB": "Janus Academic Network Ltd", "DE": "Wissenschaftsnetz Verein e.V.", "FR": "GIP RENACER", "NL": "Stichting Academisch Netwerk",
    "IN": "National Knowledge Grid of India", "JP": "Academic Information Network", "KR": "KORENET Research Network", "BR": "Rede Nacional de Pesquisa Acadêmica",
    "AU": "AcaNet Australia Pty Ltd", "CA": "CanAcad Networks", "IT": "Consortium GARNET", "ES": "RedAcadémica", "CH": "SwissAcad Foundation",
    "SE": "Nordic Research Backbone AB", "PL": "Akademicka Sieć Komputerowa", "IL": "Inter-University Computation Net", "TR": "ULAKNET-TR",
    "ZA": "Tertiary Education Network SA", "MX": "Red Universitaria de México", "KE": "Kenya Education Network Trust", "NG": "Nigerian Research and Education Network",
    "PK": "Higher Education Research Network", "TW": "Taiwan Academic Research Network", "VN": "Vietnam Research and Education Network", "ID": "Indonesia Research and Education Network",
}

CORP_SUFFIX = ["Financial Group", "Industries", "Health Systems", "Logistics", "Insurance", "Bank", "Pharmaceuticals", "Energy",
               "Motors", "Media Group", "Systems", "Technologies", "Consulting", "Retail Group", "Semiconductor", "Telecom Services",
               "Analytics", "Software", "Aerospace", "Foods"]
CORP_LEGAL = {"US": "Inc.", "GB": "plc", "DE": "AG", "FR": "SA", "JP": "K.K.", "IN": "Ltd", "NL": "N.V.", "CH": "AG", "SE": "AB",
              "CA": "Inc.", "KR": "Co., Ltd.", "IL": "Ltd", "SG": "Pte. Ltd.", "BR": "S.A.", "NO": "ASA", "IE": "DAC", "AU": "Limited",
              "ES": "S.A.", "IT": "S.p.A.", "FI": "Oyj", "DK": "A/S", "PL": "S.A."}
CORP_COUNTRIES = [("US", 14), ("GB", 4), ("DE", 4), ("FR", 2), ("JP", 3), ("IN", 4), ("NL", 2), ("CH", 2), ("SE", 1), ("CA", 2),
                  ("KR", 2), ("IL", 1), ("SG", 2), ("BR", 1), ("NO", 1), ("IE", 1), ("AU", 1), ("ES", 1), ("IT", 1), ("FI", 1), ("PL", 1)]
CORP_TLD = {"US": ".com", "GB": ".co.uk", "DE": ".de", "FR": ".fr", "JP": ".co.jp", "IN": ".in", "NL": ".nl", "CH": ".ch", "SE": ".se",
            "CA": ".ca", "KR": ".co.kr", "IL": ".co.il", "SG": ".com.sg", "BR": ".com.br", "NO": ".no", "IE": ".ie", "AU": ".com.au",
            "ES": ".es", "IT": ".it", "FI": ".fi", "DK": ".dk", "PL": ".pl"}


def build_orgs(world):
    rng = sub_rng(world.seed, "orgs")
    brands = list(UNI_ENGLISH)
    rng.shuffle(brands)
    bi = 0
    used_b = set()
    world.unis = []
    nren_asn = {}
    for iso, n in UNI_COUNTRIES:
        cities = [c for c in CITIES[iso] if not (c["dc"] and c["w"] < 0.5)]
        for _ in range(n):
            reg = UNI_REGIONAL.get(iso, "").split()
            reg = [x for x in reg if x not in used_b]
            if reg and rng.random() < 0.7:
                b = rng.choice(reg)
            else:
                b = brands[bi % len(brands)]
                bi += 1
            used_b.add(b)
            name_t, dom_t = rng.choice(UNI_PATTERNS.get(iso, [("{B} University", "{b}.edu")]))
            name = name_t.replace("{B}", b)
            words = [w for w in name.replace("'", " ").split() if w[0].isupper()]
            dom = dom_t.replace("{b}", b.lower()).replace("{i}", "".join(w[0] for w in words).lower())
            city = rng.choices(cities, weights=[c["w"] for c in cities])[0]
            own = iso == "US" or rng.random() < 0.35 or iso not in NREN
            if own:
                org = name if rng.random() < 0.6 else (b.upper() + "-" + ("EDU" if iso == "US" else "UNI") + "-AS")
                a = world.new_asn(org, "edu", iso)
            else:
                if iso not in nren_asn:
                    nren_asn[iso] = world.new_asn(NREN[iso], "edu", iso, old=True)
                a = nren_asn[iso]
            world.add_v4(a, city, iso, "edu", 1, rng.choice([16, 17, 18, 19, 20]) if own else 20, acc=rng.choice([5, 10, 20]))
            if rng.random() < 0.55:
                if not a.v6:
                    world.add_v6(a, {iso: [city]})
                elif (iso, city["name"]) not in a.v6_by_city:
                    a.v6_by_city[(iso, city["name"])] = a.v6[0] | (rng.randint(1, 255) << 88)
            world.unis.append({
                "name": name, "domain": dom, "country": iso, "city": city, "asn": a,
                "nat_pool": rng.choice([2, 4, 8, 16, 32]), "public_hosts": rng.random() < 0.3,
                "student_sub": rng.random() < 0.3, "v6": bool(a.v6) and rng.random() < 0.6,
                "netid": rng.random() < 0.4,
            })
    world.nrens = nren_asn
    # corporations with their own ASN
    world.corps = []
    cb = CORP_BRANDS[:]
    rng.shuffle(cb)
    k = 0
    for iso, n in CORP_COUNTRIES:
        for _ in range(n):
            b = cb[k]
            k += 1
            suf = rng.choice(CORP_SUFFIX)
            name = "%s %s %s" % (b, suf, CORP_LEGAL.get(iso, "Ltd"))
            dom = (b + suf.split()[0]).lower() + CORP_TLD.get(iso, ".com") if rng.random() < 0.6 else b.lower() + rng.choice([".com", CORP_TLD.get(iso, ".com")])
            org = name if rng.random() < 0.5 else "%s-%s-AS" % (b.upper(), suf.split()[0][:4].upper())
            a = world.new_asn(org, "corp", iso)
            hq = rng.choices(CITIES[iso], weights=[c["w"] for c in CITIES[iso]])[0]
            sites = [(iso, hq)]
            world.add_v4(a, hq, iso, "corp", 1, 23, acc=10)
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                oiso = rng.choice([iso, iso, "US", "GB", "IN", "DE", "SG", "IE", "PL"])
                oc = rng.choices(CITIES[oiso], weights=[c["w"] for c in CITIES[oiso]])[0]
                world.add_v4(a, oc, oiso, "corp", 1, 24, acc=20)
                sites.append((oiso, oc))
            if rng.random() < 0.3:
                cbc = {}
                for siso, sc in sites:
                    cbc.setdefault(siso, []).append(sc)
                world.add_v6(a, cbc)
            world.corps.append({"name": name, "domain": dom, "country": iso, "asn": a, "sites": sites,
                                "egress": rng.choice([2, 4, 8, 16]), "swg": rng.random() < 0.22})
