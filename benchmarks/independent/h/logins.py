"""Login traffic of accounts."""
import clients as C
from core import DAY, HOUR, T0, T_END, SITE, ip_for, local_hour, local_ms, login_fill, pick_hour, typed, is_weekend
from legit import n_poisson

NEXT = ["", "", "", "?next=/dashboard", "?next=/agents", "?next=/settings/keys", "?next=/billing/credits", "?next=/agents/runs"]


def mistype(rng, email):
    lp, _, dom = email.partition("@")
    r = rng.random()
    if r < 0.4 and len(lp) > 3:
        i = rng.randrange(1, len(lp) - 1)
        lp = lp[:i] + lp[i + 1] + lp[i] + lp[i + 2:]
    elif r < 0.7:
        dom = dom.replace("gmail", "gmial").replace("hotmail", "hotmial").replace("yahoo", "yaho").replace("outlook", "outlok")
        if dom == email.partition("@")[2]:
            dom = dom + "m" if dom.endswith(".co") else dom[:-1]
    else:
        lp = lp + rng.choice(["1", "s", "."]) if not lp.endswith(".") else lp + "1"
    return lp + "@" + dom


def login_event(ctx, rng, p, dev, t, ip, success, *, label, campaign, ident=None, fill=None, headers=None, form=True, email=None, unknown=False):
    if ident is None:
        ident = "email" if rng.random() < 0.8 else "username"
    if unknown:
        ident = "email"
        email = mistype(rng, p.email)
    em = (email or typed(rng, p.email, dev.os == "ios")) if ident == "email" else None
    un = p.username if ident == "username" else None
    fam = dev.family
    device = None
    fm = None
    if headers is not None:
        h = headers
    elif fam in ("app", "cli", "pycli"):
        h = dev.headers(t, flow="json")
        if fam == "app":
            em = em or p.email
            un = None
    elif fam == "script":
        h = C.script_headers("requests")
    else:
        h = dev.headers(t, flow="form", referer=SITE + "/accounts/login/" + rng.choice(NEXT))
        device = dev.device_obj(t, rng)
        if form:
            fm = {"fill_ms": fill if fill is not None else login_fill(rng, dev, p.pwm), "honeypot": ""}
    return ctx.emit(rng, "login", t, ip, label=label, campaign=campaign, account=None if unknown else p.account, email=em, username=un,
                    success=success, headers=h, device=device, form=fm)


def session(ctx, rng, p, dev, t, ip, *, label, campaign, typo_p=0.06, forgot_p=0.012, fill=None):
    """One attempt to get in: sometimes a typo first, sometimes a forgotten password."""
    r = rng.random()
    ident = "email" if rng.random() < 0.8 else "username"
    if dev.family == "app":
        ident = "email"
    if r < typo_p:
        for _ in range(1 if rng.random() < 0.7 else 2):
            login_event(ctx, rng, p, dev, t, ip, False, label=label, campaign=campaign, ident=ident,
                        fill=int(max(900, rng.lognormvariate(0, 0.5) * 5500)) if not p.pwm else None,
                        unknown=ident == "email" and not p.pwm and rng.random() < 0.3)
            t += int(rng.uniform(4, 30) * 1000)
    elif r < typo_p + forgot_p:
        for _ in range(rng.randint(2, 4)):
            login_event(ctx, rng, p, dev, t, ip, False, label=label, campaign=campaign, ident=ident)
            t += int(rng.uniform(6, 45) * 1000)
        if rng.random() < 0.4:
            return t
        t += int(rng.uniform(5, 40) * 60000)   # password reset by e-mail
    if t >= T_END:
        return t
    login_event(ctx, rng, p, dev, t, ip, True, label=label, campaign=campaign, ident=ident, fill=fill)
    return t


def legit_ip(rng, p, dev, t):
    tz = p.tz
    h, d = local_hour(tz, t)
    trip = getattr(p, "trip", None)
    if trip and t < trip[3]:
        dc, dcity, mode, _ = trip
        if mode == "roam" or dev.mobile and rng.random() < 0.5:
            return p.cell.ip(rng)
        if mode == "esim":
            return None
    via = p.via
    if via is not None:
        kind = via.kind
        if kind in ("vpn", "tor", "relay", "ispproxy") and rng.random() < 0.75:
            return via.addr(rng)
        if kind in ("corp", "secgw") and not is_weekend(d) and 7 <= h <= 19 and rng.random() < 0.8:
            return via.addr(rng)
        if kind == "hosting" and rng.random() < 0.55:
            return via.addr(rng)
    uni = getattr(p, "uni", None)
    if uni is not None and not is_weekend(d) and 8 <= h <= 18 and rng.random() < 0.4:
        return uni["nat"].addr(rng)
    cafe = getattr(p, "cafe", None)
    if cafe is not None and not dev.mobile:
        return cafe[0].ip4
    if p.work is not None and not is_weekend(d) and 8 <= h <= 18 and rng.random() < 0.6:
        return p.work.addr(rng)
    return ip_for(rng, p, dev)


def legit_logins(ctx, people):
    rng = ctx.rng("legit-logins")
    for p in people:
        start = max(p.account_t, T0)
        span = (T_END - start) / DAY
        if span <= 0.05:
            continue
        lam = p.logins_mean * min(span, 14) / 10.0
        n = n_poisson(rng, lam)
        for _ in range(n):
            d0 = int((start - T0) // DAY)
            day = rng.randint(d0, 13)
            prof = "dev" if p.campaign in ("cli_developer", "cloud_workspace") else ("office" if p.campaign == "enterprise_sso" else "consumer")
            t = local_ms(p.tz, day, pick_hour(rng, prof) * 3600 + rng.random() * 3600)
            if t < start + 15 * 60000 or t >= T_END:
                continue
            cafe = getattr(p, "cafe", None)
            if cafe is not None and rng.random() < 0.45:
                dev = rng.choice(cafe[1])
            elif len(p.devices) > 1 and rng.random() < 0.35:
                dev = rng.choice(p.devices[1:])
            else:
                dev = p.devices[0]
            if rng.random() < 0.025:
                dev = C.android(rng, p.langs, p.tz) if rng.random() < 0.7 else C.desktop(rng, p.langs, p.tz)
                p.devices.append(dev)
            ip = legit_ip(rng, p, dev, t)
            if ip is None:
                ip = ctx.world.hosting["nomad"].v4blocks[0].addr(rng)
            session(ctx, rng, p, dev, t, ip, label="legit", campaign=p.campaign)
