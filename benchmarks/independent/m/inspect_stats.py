"""Quick per-campaign feature table (for the README / sanity checks)."""
import collections, json, sys, ipaddress
import maxminddb
import numpy as np
d = sys.argv[1]
asn = maxminddb.open_database(f"{d}/GeoLite2-ASN.mmdb"); city = maxminddb.open_database(f"{d}/GeoLite2-City.mmdb")
sys.path.insert(0, "."); from world import World
w = World(20260504); kind = {a.number: a.sub for a in w.ases}
rows = collections.defaultdict(list)
fpcount = collections.Counter(); ipcount = collections.Counter()
ev = [json.loads(l) for l in open(f"{d}/events.jsonl")]
for e in ev:
    if e["kind"] == "signup":
        ipcount[e["ip"]] += 1
        if "device" in e: fpcount[e["device"]["fingerprint"]] += 1
print(f"{'campaign':26} {'n':>5} {'fill_med':>8} {'dev%':>5} {'v6%':>4} {'host%':>5} {'mob%':>4} {'tzmis%':>6} {'fpdup%':>6} {'ipdup%':>6} {'wd%':>4} {'hp%':>4} {'ch%':>4}")
for e in ev:
    if e["kind"] != "signup": continue
    rows[(e["label"], e["campaign"])].append(e)
for (l, c), es in sorted(rows.items()):
    fills = [e["form"]["fill_ms"] for e in es if "form" in e and "fill_ms" in e["form"]]
    dev = [e for e in es if "device" in e]
    k = [kind.get(asn.get(e["ip"])["autonomous_system_number"]) for e in es]
    tzm = [e for e in dev if city.get(e["ip"])["location"]["time_zone"] != e["device"]["timezone"]]
    print(f"{c[:26]:26} {len(es):5d} {int(np.median(fills)) if fills else -1:8d} {100*len(dev)/len(es):5.0f} "
          f"{100*sum(':' in e['ip'] for e in es)/len(es):4.0f} {100*sum(x in ('cloud','vpn','relay','secproxy','devenv','tor') for x in k)/len(es):5.0f} "
          f"{100*sum(x=='mobile' for x in k)/len(es):4.0f} {100*len(tzm)/max(1,len(dev)):6.0f} "
          f"{100*sum(fpcount[e['device']['fingerprint']]>1 for e in dev)/max(1,len(dev)):6.0f} {100*sum(ipcount[e['ip']]>1 for e in es)/len(es):6.0f} "
          f"{100*sum(e['device'].get('webdriver', False) for e in dev)/max(1,len(dev)):4.0f} "
          f"{100*sum(bool(e.get('form',{}).get('honeypot')) for e in es)/len(es):4.1f} {100*sum('sec-ch-ua' in e.get('headers',{}) for e in es)/len(es):4.0f}")
