#!/usr/bin/env python
"""probe.py DIR: a plain difficulty probe (not a detector).

Derives simple per-signup features from DIR/events.jsonl (request shape, form timing, email/username
shape, IP geo/ASN from the two databases, a few causal velocity counters), trains a plain LightGBM
model on the first 60% of the time span and reports, on the remaining 40%, the share of fraudulent
signups scored above the top 1%, 2% and 5% of legitimate signups (TPR at those FPRs).
"""
import collections
import datetime
import ipaddress
import json
import math
import os
import re
import sys
from zoneinfo import ZoneInfo

import lightgbm as lgb
import maxminddb
import numpy as np
import disposable_email_domains

DISPOSABLE = disposable_email_domains.blocklist
FREEMAIL = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com", "mail.ru", "yandex.ru",
            "qq.com", "163.com", "naver.com", "gmx.de", "web.de"}
UA_MAJOR = re.compile(r"(?:Chrome|CriOS|Firefox|Version)/(\d+)")
CH_MAJOR = re.compile(r'"(?:Google Chrome|Microsoft Edge|Chromium|Brave|Opera|HeadlessChrome)";v="(\d+)"')
_OFF = {}


def tz_off(tz):
    if not tz:
        return None
    if tz not in _OFF:
        try:
            _OFF[tz] = ZoneInfo(tz).utcoffset(datetime.datetime(2025, 5, 12)).total_seconds() / 3600
        except Exception:
            _OFF[tz] = None
    return _OFF[tz]


class Window:
    """count of keys seen in the last `span` seconds (causal)."""

    def __init__(self, span):
        self.span = span
        self.q = collections.defaultdict(collections.deque)

    def add_count(self, key, t):
        d = self.q[key]
        while d and d[0] < t - self.span:
            d.popleft()
        n = len(d)
        d.append(t)
        return n


def prefix(ip):
    try:
        a = ipaddress.ip_address(ip)
    except ValueError:
        return "bad"
    return str(ipaddress.ip_network(f"{ip}/{24 if a.version == 4 else 64}", strict=False))


def main():
    d = sys.argv[1]
    asn_db = maxminddb.open_database(os.path.join(d, "GeoLite2-ASN.mmdb"))
    city_db = maxminddb.open_database(os.path.join(d, "GeoLite2-City.mmdb"))
    cat_maps = collections.defaultdict(dict)

    def cat(name, v):
        m = cat_maps[name]
        if v not in m:
            m[v] = len(m)
        return m[v]

    w_ip_1d, w_pfx_1h, w_fp_7d, w_dom_1h, w_ua_1h, w_asn_1h = (Window(86400), Window(3600), Window(7 * 86400), Window(3600),
                                                              Window(3600), Window(3600))
    w_fail_ip = Window(3600)
    rows, ys, ts = [], [], []
    for line in open(os.path.join(d, "events.jsonl"), encoding="utf-8"):
        ev = json.loads(line)
        t = datetime.datetime.fromisoformat(ev["occurred_at"].replace("Z", "+00:00")).timestamp()
        ip = ev["ip"]
        if ev["kind"] == "login":
            if not ev.get("success"):
                w_fail_ip.add_count(prefix(ip), t)
            continue
        a = asn_db.get(ip) or {}
        c = city_db.get(ip) or {}
        asn = a.get("autonomous_system_number", 0)
        cc = c.get("country", {}).get("iso_code", "??")
        ip_tz = c.get("location", {}).get("time_zone")
        h = ev.get("headers", {})
        ua = h.get("user-agent", "")
        dev = ev.get("device")
        form = ev.get("form")
        email = ev.get("email", "")
        local, _, dom = email.partition("@")
        un = ev.get("username", "")
        um = UA_MAJOR.search(ua)
        cm = CH_MAJOR.search(h.get("sec-ch-ua", ""))
        dtz = tz_off(dev.get("timezone")) if dev else None
        itz = tz_off(ip_tz)
        al = h.get("accept-language", "")
        lang_cc = al.split(",")[0].split(";")[0].split("-")[-1].upper() if "-" in al.split(",")[0] else ""
        f = [
            cat("asn", asn), cat("cc", cc),
            1 if dev else 0, 1 if form else 0, 1 if "sec-ch-ua" in h else 0, 1 if "sec-fetch-mode" in h else 0,
            1 if ua.startswith("Mozilla/") else (2 if ua.startswith("Palette/") else 0),
            1 if "Headless" in ua or "Headless" in h.get("sec-ch-ua", "") else 0,
            (int(um.group(1)) - int(cm.group(1))) if (um and cm) else -99,
            math.log1p(form["fill_ms"]) if form and "fill_ms" in form else -1,
            1 if form and form.get("honeypot") else 0,
            1 if dev and dev.get("webdriver") else 0,
            dev.get("hardware_concurrency", -1) if dev else -1,
            dev.get("device_memory", -1) if dev else -1,
            dev.get("touch_points", -1) if dev else -1,
            cat("platform", dev.get("platform")) if dev else -1,
            cat("screen", dev.get("screen")) if dev else -1,
            (dtz - itz) if (dtz is not None and itz is not None) else -99,
            1 if lang_cc and lang_cc != cc else 0,
            cat("dom", dom if dom in FREEMAIL else ("disp" if dom in DISPOSABLE else "other")),
            1 if dom in DISPOSABLE else 0,
            sum(ch.isdigit() for ch in local), local.count("."), 1 if "+" in local else 0, len(local),
            sum(ch.isdigit() for ch in un), len(un),
            datetime.datetime.fromtimestamp(t, datetime.timezone.utc).hour,
            w_ip_1d.add_count(ip, t), w_pfx_1h.add_count(prefix(ip), t),
            w_fp_7d.add_count(dev.get("fingerprint"), t) if dev else -1,
            w_dom_1h.add_count(dom, t), w_ua_1h.add_count(ua, t), w_asn_1h.add_count(asn, t),
            w_fail_ip.add_count(prefix(ip), t) - 1,
        ]
        rows.append(f)
        ys.append(1 if ev["label"] == "fraud" else 0)
        ts.append(t)
    X = np.array(rows, dtype=float)
    y = np.array(ys)
    ts = np.array(ts)
    cut = ts.min() + 0.6 * (ts.max() - ts.min())
    tr, te = ts < cut, ts >= cut
    params = dict(objective="binary", learning_rate=0.05, num_leaves=31, min_data_in_leaf=20, bagging_fraction=0.8,
                  bagging_freq=1, feature_fraction=0.8, seed=1, num_threads=1, verbose=-1, deterministic=True)
    ds = lgb.Dataset(X[tr], y[tr], categorical_feature=[0, 1, 15, 16, 19], free_raw_data=False)
    model = lgb.train(params, ds, num_boost_round=300)
    s = model.predict(X[te])
    if os.environ.get("PROBE_IMPORTANCE"):
        names = ["asn", "cc", "has_dev", "has_form", "has_ch", "has_fetch", "ua_kind", "headless", "ua_ch_diff", "fill", "honeypot",
                 "webdriver", "hwc", "mem", "touch", "platform", "screen", "tz_diff", "lang_cc_mismatch", "dom", "disp", "local_digits",
                 "local_dots", "plus", "local_len", "un_digits", "un_len", "hour", "v_ip_1d", "v_pfx_1h", "v_fp_7d", "v_dom_1h", "v_ua_1h",
                 "v_asn_1h", "v_fail"]
        for n, g in sorted(zip(names, model.feature_importance("gain")), key=lambda x: -x[1]):
            print(f"    {n:18s} {g:12.0f}")
    yl = y[te]
    leg, fr = s[yl == 0], s[yl == 1]
    print(f"signups: train {tr.sum()} ({y[tr].mean():.1%} fraud), test {te.sum()} ({yl.mean():.1%} fraud)")
    for fpr in (0.01, 0.02, 0.05):
        thr = np.quantile(leg, 1 - fpr)
        print(f"  fraud above the top {fpr:.0%} of legit: {np.mean(fr > thr):.1%}")
    # per-campaign recall at 1%
    thr = np.quantile(leg, 0.99)
    camps = []
    for line in open(os.path.join(d, "events.jsonl"), encoding="utf-8"):
        ev = json.loads(line)
        if ev["kind"] == "signup":
            camps.append(ev["campaign"])
    camps = np.array(camps)[te]
    print("  per operation at 1%:")
    for c in sorted(set(camps[yl == 1])):
        m = (camps == c) & (yl == 1)
        print(f"    {c:32s} {np.mean(s[m] > thr):6.1%}  (n={m.sum()})")
    print("  legit segments above the 1% threshold:")
    for c in sorted(set(camps[yl == 0])):
        m = (camps == c) & (yl == 0)
        v = np.mean(s[m] > thr)
        if v > 0.015:
            print(f"    {c:32s} {v:6.1%}  (n={m.sum()})")


if __name__ == "__main__":
    main()
