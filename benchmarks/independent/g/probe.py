#!/usr/bin/env python3
"""Difficulty probe (optional, needs lightgbm): NOT the detector under test.

    probe.py DIR

A deliberately plain per-event model, to calibrate how hard each campaign is:
a few dozen request/device/e-mail features plus simple velocity counts
(same IP, /24 or /64, fingerprint, e-mail domain, UA, account, over 1 h / 24 h /
7 d, built only from earlier events), LightGBM trained on days 0-7 and
evaluated on days 8-12.  It prints recall per fraud campaign and the false
positive rate per legitimate segment at the threshold giving 1 % FPR on all
legitimate events of that kind (signup or login).
"""
import collections
import ipaddress
import math
import re
import sys
from datetime import datetime

import lightgbm as lgb
import maxminddb
import numpy as np
import orjson

WINDOW_START = 1762128000  # 2025-11-03T00:00:00Z
NAMES = ["login", "has_dev", "has_form", "logfill", "honeypot", "webdriver", "hc", "dm", "screen", "tz", "tz_eq_ip",
         "lang_region_eq_ip", "v6", "asn", "ip_cc", "ua_family", "ua_ch_mismatch", "header_keys", "email_domain",
         "domain_seen", "lp_digits", "lp_len", "accept_language", "platform", "has_account", "success",
         "ip_1h", "ip_24h", "pfx_1h", "pfx_24h", "fp_24h", "fp_7d", "dom_24h", "ua_1h", "acct_24h"]
CATEGORICAL = [8, 9, 13, 14, 15, 17, 18, 22, 23]
VELOCITY = [("ip", 3600), ("ip", 86400), ("pfx", 3600), ("pfx", 86400), ("fp", 86400), ("fp", 7 * 86400),
            ("dom", 86400), ("ua", 3600), ("acct", 86400)]


def auc(score, label):
    order = np.argsort(score)
    rank = np.empty(len(score))
    rank[order] = np.arange(len(score))
    pos = label.sum()
    neg = len(label) - pos
    return (rank[label].sum() - pos * (pos - 1) / 2) / (pos * neg)


def featurise(d):
    adb = maxminddb.open_database(f"{d}/GeoLite2-ASN.mmdb")
    cdb = maxminddb.open_database(f"{d}/GeoLite2-City.mmdb")
    cats = collections.defaultdict(dict)

    def cat(name, v):
        m = cats[name]
        return m.setdefault(v, len(m))

    hist = collections.defaultdict(collections.deque)
    domain_seen = collections.Counter()
    X, y, camp, kind, day = [], [], [], [], []
    for line in open(f"{d}/events.jsonl", "rb"):
        e = orjson.loads(line)
        t = datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00")).timestamp()
        h, dv = e.get("headers", {}), e.get("device") or {}
        ua = h.get("user-agent", "")
        a, c = adb.get(e["ip"]) or {}, cdb.get(e["ip"]) or {}
        v6 = ":" in e["ip"]
        keys = {"ip": e["ip"], "pfx": str(ipaddress.ip_network(e["ip"] + ("/64" if v6 else "/24"), strict=False)),
                "fp": dv.get("fingerprint"), "dom": (e.get("email") or "@").split("@")[1].lower(), "ua": ua,
                "acct": e.get("account")}
        lp = (e.get("email") or "@").split("@")[0]
        m = re.search(r"Chrome/(\d+)", ua)
        m2 = re.search(r'"Chromium";v="(\d+)"', h.get("sec-ch-ua", ""))
        ip_tz = c.get("location", {}).get("time_zone")
        ip_cc = c.get("country", {}).get("iso_code")
        langs = dv.get("languages") or []
        l0 = langs[0] if langs else (h.get("accept-language") or "").split(",")[0].split(";")[0]
        fill = (e.get("form") or {}).get("fill_ms")
        f = [e["kind"] == "login", "device" in e, "form" in e, math.log(fill) if fill else -1,
             (e.get("form") or {}).get("honeypot", "") != "", bool(dv.get("webdriver")), dv.get("hardware_concurrency", -1),
             dv.get("device_memory", -1), cat("screen", dv.get("screen")), cat("tz", dv.get("timezone")),
             (dv.get("timezone") == ip_tz) if dv else -1, (l0.split("-")[1] if "-" in l0 else "") == ip_cc, v6,
             cat("asn", a.get("autonomous_system_number")), cat("cc", ip_cc), cat("uaf", re.sub(r"[\d.]+", "#", ua)[:80]),
             (m.group(1) != m2.group(1)) if (m and m2) else -1, cat("keys", ",".join(sorted(h))), cat("dom", keys["dom"]),
             domain_seen[keys["dom"]], sum(ch.isdigit() for ch in lp), len(lp), cat("al", h.get("accept-language")),
             cat("plat", dv.get("platform")), "account" in e, e.get("success") if e["kind"] == "login" else -1]
        for k, win in VELOCITY:
            q = hist[(k, keys[k])]
            while q and q[0] < t - win:
                q.popleft()
            f.append(len(q) if keys[k] else -1)
        for k in ("ip", "pfx", "fp", "dom", "ua", "acct"):
            if keys[k]:
                q = hist[(k, keys[k])]
                q.append(t)
                while q and q[0] < t - 7 * 86400:
                    q.popleft()
        domain_seen[keys["dom"]] += 1
        X.append([float(v) if v is not None else -1.0 for v in f])
        y.append(e["label"] == "fraud")
        camp.append(e["campaign"])
        kind.append(e["kind"])
        day.append((t - WINDOW_START) / 86400)
    return np.array(X), np.array(y), np.array(camp), np.array(kind), np.array(day)


def main():
    X, y, camp, kind, day = featurise(sys.argv[1])
    tr, te = day < 8, day >= 8
    model = lgb.train({"objective": "binary", "learning_rate": 0.05, "num_leaves": 63, "verbose": -1, "num_threads": 1},
                      lgb.Dataset(X[tr], y[tr].astype(int), categorical_feature=CATEGORICAL), 300)
    p, yt, ct, kt = model.predict(X[te]), y[te], camp[te], kind[te]
    print(f"test AUC (days 8-12): {auc(p, yt):.4f}")
    for k in ("signup", "login"):
        s = kt == k
        ps, ys, cs = p[s], yt[s], ct[s]
        thr = np.quantile(ps[~ys], 0.99)
        print(f"{k}: AUC {auc(ps, ys):.4f}, recall at 1% FPR {(ps[ys] > thr).mean():.3f}")
        for c in sorted(set(cs)):
            sel = cs == c
            if ys[sel].any():
                print(f"    fraud {c:30s} n={sel.sum():5d} recall {(ps[sel] > thr).mean():.3f}")
            else:
                print(f"    legit {c:30s} n={sel.sum():5d} FPR    {(ps[sel] > thr).mean():.4f}")


if __name__ == "__main__":
    main()
