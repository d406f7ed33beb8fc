import json, collections, maxminddb, sys, datetime as dt
from zoneinfo import ZoneInfo
D=sys.argv[1] if len(sys.argv)>1 else 'out'
A=maxminddb.open_database(f'{D}/GeoLite2-ASN.mmdb'); C=maxminddb.open_database(f'{D}/GeoLite2-City.mmdb')
ev=[json.loads(l) for l in open(f'{D}/events.jsonl')]
S=[e for e in ev if e['kind']=='signup']
camp=collections.defaultdict(list)
for e in S: camp[e['campaign']].append(e)
ipcount=collections.Counter(e['ip'] for e in S)
fpcount=collections.Counter(e['device']['fingerprint'] for e in S if 'device' in e)
alias={'Asia/Calcutta':'Asia/Kolkata','Asia/Saigon':'Asia/Ho_Chi_Minh','Europe/Kiev':'Europe/Kyiv','Asia/Katmandu':'Asia/Kathmandu','America/Buenos_Aires':'America/Argentina/Buenos_Aires','America/Cordoba':'America/Argentina/Cordoba'}
print(f"{'campaign':22s} {'n':>5s} v6% ipShared% fpShared% nodev% wd% hp% tzMis% fill_med hr_local(top3)")
for c,L in sorted(camp.items(), key=lambda x:(x[1][0]['label'],x[0])):
    n=len(L)
    v6=sum(':' in e['ip'] for e in L)/n
    ips=sum(ipcount[e['ip']]>1 for e in L)/n
    fps=sum(1 for e in L if 'device' in e and fpcount[e['device']['fingerprint']]>1)/n
    nodev=sum('device' not in e for e in L)/n
    wd=sum(e.get('device',{}).get('webdriver',False) for e in L)/n
    hp=sum(bool(e.get('form',{}).get('honeypot')) for e in L)/n
    tzm=0; hrs=collections.Counter()
    for e in L:
        r=C.get(e['ip']); tz=r['location'].get('time_zone')
        if 'device' in e and tz:
            dtz=alias.get(e['device']['timezone'],e['device']['timezone'])
            if dtz!=tz: tzm+=1
        if tz:
            t=dt.datetime.fromisoformat(e['occurred_at'].replace('Z','+00:00')).astimezone(ZoneInfo(tz))
            hrs[t.hour//3*3]+=1
    fills=sorted(e['form']['fill_ms'] for e in L if 'form' in e)
    fm=fills[len(fills)//2] if fills else None
    print(f"{c:22s} {n:5d} {v6*100:3.0f} {ips*100:9.0f} {fps*100:9.0f} {nodev*100:6.0f} {wd*100:3.0f} {hp*100:3.1f} {tzm/n*100:6.0f} {fm!s:>8s} {[h for h,_ in hrs.most_common(3)]} {L[0]['label']}")
print("top shared signup IPs:")
for ip,k in ipcount.most_common(12):
    cs=collections.Counter(e['campaign'] for e in S if e['ip']==ip)
    print(" ",ip,k,A.get(ip)['autonomous_system_organization'],dict(cs))
print("top fingerprints:")
for fp,k in fpcount.most_common(10):
    cs=collections.Counter(e['campaign'] for e in S if e.get('device',{}).get('fingerprint')==fp)
    print(" ",fp,k,dict(cs))
L=[e for e in ev if e['kind']=='login']
for c in ['credential_stuffing','account_takeover','returning_users']:
    x=[e for e in L if e['campaign']==c]; print(c, len(x), 'success', sum(e['success'] for e in x))
print('countries in legit signups', len({C.get(e['ip'])['country']['iso_code'] for e in S if e['label']=='legit'}))
