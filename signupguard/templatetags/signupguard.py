"""``{% load signupguard %}{% signupguard_collector %}`` inside a ``<form>``.

Renders the collector's hidden fields (device JSON, signed render timestamp,
CSS-hidden honeypot), the ``collector.css`` stylesheet and the ``collector.js``
script. With a form that uses ``SignupGuardFormMixin`` the fields are already
there: use ``{% signupguard_collector fields=False %}`` for the stylesheet and
the script alone. The stylesheet hides the honeypot where a Content-Security-Policy
refuses its inline style (a person would see the box, type in it, and be held);
both tags carry the request's ``csp_nonce`` when there is one.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from signupguard.collector import DEVICE_FIELD, HONEYPOT_FIELD, TIMESTAMP_FIELD, sign_render_time
from signupguard.forms import HONEYPOT_STYLE

register = template.Library()


@register.simple_tag(takes_context=True)
def signupguard_collector(context: template.Context, fields: bool = True) -> SafeString:
    html = render_to_string("signupguard/collector.html", {
        "fields": fields,
        "device_field": DEVICE_FIELD,
        "ts_field": TIMESTAMP_FIELD,
        "hp_field": HONEYPOT_FIELD,
        "ts": sign_render_time(),
        "hp_style": HONEYPOT_STYLE,
        "script": static("signupguard/collector.js"),
        "stylesheet": static("signupguard/collector.css"),
        "csp_nonce": context.get("csp_nonce") or getattr(context.get("request"), "csp_nonce", None),
    })
    return mark_safe(html)
