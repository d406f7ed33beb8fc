"""Returning legitimate users: people with accounts from before the window (no signup event) and
people who signed up in the window, logging in from their usual devices and networks."""
from datetime import timedelta

import numpy as np

import clients as C
import identity as I
from common import HOURS_HOME, T0, T1, WEEKDAY_HOME, local_time, lognorm_ms, zone
from legit import Actor, CLI_UAS, home_access, mobile_access, pick_country
from world import COUNTRIES


def make_preexisting(world, rng, rec, n):
    """Accounts created before the window; they only appear through their logins."""
    out = []
    for _ in range(n):
        cc = pick_country(world, rng)
        mobile = rng.random() < 0.35
        acc = mobile_access(world, rng, cc) if mobile else home_access(world, rng, cc)
        tz = acc.city.tz
        langs = C.languages_for(rng, COUNTRIES[cc][6], 0.4)
        ua = C.pick_from_mix(rng, C.MOBILE_MIX if mobile else C.DEV_DESKTOP_MIX)
        dev = C.make_device(rng, ua, tz, langs)
        ident = I.person(rng, cc, seed=int(rng.integers(1 << 30)))
        a = Actor(akey=rec.new_account(), email=ident.email, username=ident.username, devs=[dev], accesses=[acc],
                  label="legit", campaign="returning_user", country=cc, tz=tz, p_return=1.0, pm=rng.random() < 0.3)
        a.t = T0 - timedelta(days=float(rng.uniform(1, 400)))
        out.append(a)
    return out


def _login(rec, rng, a, t, dev, acc, success, campaign):
    ip = acc.ip(rng)
    email = a.email if rng.random() < 0.75 else None
    if dev is None:
        hd = {"user-agent": C.wchoice(rng, CLI_UAS[:5]), "accept": "application/json", "content-type": "application/json"}
        rec.add("login", t, ip, a.label, campaign, akey=a.akey, email=email, username=None if email else a.username,
                hdrs=hd, success=success)
        return
    fill = lognorm_ms(rng, 1.6, 0.4, lo=300) if a.pm else lognorm_ms(rng, 9, 0.5, lo=1500)
    rec.add("login", t, ip, a.label, campaign, akey=a.akey, email=email, username=None if email else a.username,
            dev=dev, rng=rng, fill_ms=fill, honeypot="", success=success)


def returning_logins(world, rng, rec, actors, preexisting):
    pre_ids = set(id(p) for p in preexisting)
    for a in actors + preexisting:
        is_pre = id(a) in pre_ids
        if not is_pre and rng.random() >= a.p_return:
            continue
        k = int(rng.poisson(2.0)) if is_pre else 1 + int(rng.poisson(1.2))
        times = []
        if is_pre:
            times = sorted(local_time(rng, a.tz, HOURS_HOME, WEEKDAY_HOME) for _ in range(k))
        else:
            t = a.t
            for _ in range(k):
                t = t + timedelta(hours=float(rng.exponential(50)) + 0.2)
                if t >= T1:
                    break
                h = t.astimezone(zone(a.tz)).hour
                if 1 <= h <= 6:
                    t += timedelta(hours=7 - h)
                if t >= T1:
                    break
                times.append(t)
        for t in times:
            if a.login_style == "mixed" and rng.random() < 0.5:
                dev = None
            else:
                dev = a.devs[int(rng.integers(len(a.devs)))] if a.devs else None
            acc = a.accesses[int(rng.integers(len(a.accesses)))]
            if rng.random() < 0.06:  # typo or forgotten password, then success
                _login(rec, rng, a, t, dev, acc, False, a.campaign)
                t = t + timedelta(seconds=float(rng.uniform(15, 120)))
                if t >= T1:
                    continue
                if rng.random() < 0.85:
                    _login(rec, rng, a, t, dev, acc, True, a.campaign)
            else:
                _login(rec, rng, a, t, dev, acc, True, a.campaign)
