#!/usr/bin/env python
"""A deliberately plain LightGBM probe of the generated data.

    probe.py DIR

Features from the raw event, the two GeoLite2 databases and simple velocity
counters built only from earlier events. Trains on signups of the first ~60% of
days, tests on the rest, and prints the share of fraudulent signups caught when
1% of legitimate signups are flagged (overall and per fraud operation).
"""
import bisect
import collections
import datetime
import json
import os
import sys
import zlib
import zoneinfo

import lightgbm as lgb
import maxminddb
import numpy as np

TOP_DOMAINS = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me", "googlemail.com", "aol.com", "qq.com", "163.com",
               "mail.ru", "yandex.ru", "gmx.de", "web.de", "live.com", "privaterelay.appleid.com"]
UA_FAM = ["Chrome", "Edg/", "Firefox", "Safari", "SamsungBrowser", "Opera Mini", "UCBrowser", "CriOS", "HeadlessChrome", "Forgeline/", "forge-cli", "forgeline-python",
          "python-requests", "curl", "Go-http", "axios"]
_tz = {}


def tzoff(name, t):
    try:
        z = _tz.get(name) or _tz.setdefault(name, zoneinfo.ZoneInfo(name))
    except Exception:
        return None
    return t.astimezone(z).utcoffset().total_seconds() / 3600


def norm_email(e):
    lp, _, d = e.lower().strip().partition("@")
    lp = lp.split("+")[0]
    if d in ("gmail.com", "googlemail.com"):
        lp, d = lp.replace(".", ""), "gmail.com"
    return lp + "@" + d


class Window:
    def __init__(self):
        self.d = collections.defaultdict(list)

    def add_count(self, k, t, span):
        lst = self.d[k]
        n = len(lst) - bisect.bisect_left(lst, t - span)
        lst.append(t)
        return n


def features(path):
    asn = maxminddb.open_database(os.path.join(path, "GeoLite2-ASN.mmdb"))
    city = maxminddb.open_database(os.path.join(path, "GeoLite2-City.mmdb"))
    w = Window()
    fp_seen = collections.Counter()
    em_seen = collections.Counter()
    X, y, day, camp = [], [], [], []
    t0 = None
    for line in open(os.path.join(path, "events.jsonl"), "rb"):
        e = json.loads(line)
        t = datetime.datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00"))
        ts = t.timestamp()
        t0 = t0 or ts
        ip = e["ip"]
        ra, rc = asn.get(ip) or {}, city.get(ip) or {}
        an = ra.get("autonomous_system_number", -1)
        cc = rc.get("country", {}).get("iso_code", "")
        rcc = rc.get("registered_country", {}).get("iso_code", "")
        loc = rc.get("location", {})
        iptz = loc.get("time_zone")
        pref = ip.rsplit(".", 1)[0] if "." in ip else ":".join(ip.split(":")[:4])
        h = e.get("headers", {})
        ua = h.get("user-agent", "")
        d = e.get("device") or {}
        fm = e.get("form") or {}
        em = e.get("email") or ""
        if e["kind"] == "login":
            w.add_count(("lip", ip), ts, 3600)
            w.add_count(("lpref", pref), ts, 3600)
            continue
        # velocity (signups only, earlier events only)
        v_ip24 = w.add_count(("ip", ip), ts, 86400)
        v_ip1 = len(w.d[("ip", ip)]) - bisect.bisect_left(w.d[("ip", ip)], ts - 3600) - 1
        v_pref = w.add_count(("pref", pref), ts, 86400)
        v_asn1 = w.add_count(("asn", an), ts, 3600)
        dom = em.split("@")[-1].lower()
        v_dom = w.add_count(("dom", dom), ts, 86400)
        ref = ""
        r = h.get("referer", "")
        if "ref=" in r:
            ref = r.split("ref=")[1].split("&")[0]
        v_ref = w.add_count(("ref", ref), ts, 86400) if ref else -1
        fpk = d.get("fingerprint")
        v_fp = fp_seen[fpk] if fpk else -1
        if fpk:
            fp_seen[fpk] += 1
        ne = norm_email(em)
        v_em = em_seen[ne]
        em_seen[ne] += 1
        v_lip = len(w.d[("lip", ip)]) - bisect.bisect_left(w.d[("lip", ip)], ts - 3600)
        # static
        dtz = d.get("timezone")
        o_ip = tzoff(iptz, t) if iptz else None
        o_dev = tzoff(dtz, t) if dtz else None
        tzdiff = abs(o_ip - o_dev) if (o_ip is not None and o_dev is not None) else -1
        langs = d.get("languages") or []
        al = h.get("accept-language", "")
        l0 = (langs[0] if langs else al.split(",")[0]) if (langs or al) else ""
        lang_region = l0.split("-")[1].upper() if "-" in l0 else ""
        fam = next((i for i, f in enumerate(UA_FAM) if f in ua), -1)
        cm = -1
        if "Chrome/" in ua:
            try:
                cm = int(ua.split("Chrome/")[1].split(".")[0])
            except ValueError:
                pass
        scr = d.get("screen", "0x0x0").split("x")
        lp = em.split("@")[0]
        hour = (t.hour + (o_ip or 0)) % 24
        f = [an, zlib.crc32(cc.encode()) % 997 if cc else -1, int(cc != rcc), loc.get("accuracy_radius", -1), int("city" in rc), int(":" in ip),
             int(bool(d)), int(bool(fm)), fm.get("fill_ms", -1), int(bool(fm.get("honeypot"))), int(d.get("webdriver", False)),
             d.get("hardware_concurrency", -1), d.get("device_memory", -1), d.get("touch_points", -1), int(scr[0]), int(scr[1]),
             fam, cm, int("sec-ch-ua" in h), int("sec-fetch-mode" in h), len(h), int("accept-language" in h), int("referer" in h),
             tzdiff, int(lang_region == cc) if lang_region else -1, zlib.crc32(l0.encode()) % 997,
             TOP_DOMAINS.index(dom) if dom in TOP_DOMAINS else (len(TOP_DOMAINS) + int(dom.endswith(".edu") or ".edu." in dom or ".ac." in dom)),
             len(lp), sum(ch.isdigit() for ch in lp), lp.count("."), int("+" in lp), int(em[:1].isupper()),
             hour, t.weekday(), v_ip24, v_ip1, v_pref, v_asn1, v_dom, v_ref, v_fp, v_em, v_lip]
        X.append(f)
        y.append(1 if e["label"] == "fraud" else 0)
        day.append((ts - t0) / 86400)
        camp.append(e["campaign"])
    return np.array(X, dtype=float), np.array(y), np.array(day), np.array(camp)


NAMES = ["asn", "country", "reg_differs", "accuracy", "has_city", "v6", "has_device", "has_form", "fill_ms", "honeypot", "webdriver", "hw", "mem", "touch",
         "scr_w", "scr_h", "ua_family", "chrome_major", "sec_ch_ua", "sec_fetch", "n_headers", "has_al", "has_referer", "tz_diff", "lang_region_is_country",
         "lang0", "email_domain", "lp_len", "lp_digits", "lp_dots", "lp_plus", "email_capital", "local_hour", "weekday", "ip_24h", "ip_1h", "prefix_24h",
         "asn_1h", "domain_24h", "ref_24h", "fp_before", "email_norm_before", "ip_logins_1h"]


def main():
    path = sys.argv[1]
    X, y, day, camp = features(path)
    tr = day < 14 * 0.6
    te = ~tr
    cat = [0, 1, 16, 25, 26]
    ds = lgb.Dataset(X[tr], y[tr], feature_name=NAMES, categorical_feature=cat, free_raw_data=False)
    params = dict(objective="binary", learning_rate=0.05, num_leaves=31, min_data_in_leaf=40, feature_fraction=0.8, bagging_fraction=0.8,
                  bagging_freq=1, verbose=-1, num_threads=2, seed=1, deterministic=True, cat_smooth=20)
    m = lgb.train(params, ds, num_boost_round=300)
    s = m.predict(X[te])
    yt, ct = y[te], camp[te]
    thr = np.quantile(s[yt == 0], 0.99)
    flag = s > thr
    rec = flag[yt == 1].mean()
    order = np.argsort(-s)
    pos = yt[order]
    tp = np.cumsum(pos)
    fp = np.cumsum(1 - pos)
    auc = np.trapezoid(tp / max(1, pos.sum()), fp / max(1, (1 - pos).sum()))
    print("train signups %d (%.1f%% fraud), test signups %d (%.1f%% fraud)" % (tr.sum(), 100 * y[tr].mean(), te.sum(), 100 * yt.mean()))
    print("ROC AUC %.3f" % auc)
    print("fraud caught at 1%% of legit flagged: %.1f%%" % (100 * rec))
    for c in sorted(set(ct[yt == 1])):
        mk = (ct == c)
        print("  %-28s %5d  caught %.1f%%" % (c, mk.sum(), 100 * flag[mk].mean()))
    print("legit segments flagged:")
    for c in sorted(set(ct[yt == 0])):
        mk = (ct == c)
        print("  %-28s %5d  flagged %.1f%%" % (c, mk.sum(), 100 * flag[mk].mean()))
    imp = sorted(zip(m.feature_importance("gain"), NAMES), reverse=True)[:12]
    print("top features by gain: " + ", ".join(n for _, n in imp))


if __name__ == "__main__":
    main()
