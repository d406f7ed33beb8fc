"""``SignupGuardFormMixin``: the collector's hidden fields on any Django form.

    class SignupForm(SignupGuardFormMixin, UserCreationForm):
        ...

adds three fields that ``signupguard.collector`` reads back from the POST:

* ``sg_device``: hidden, filled by ``collector.js`` with the device JSON;
* ``sg_ts``: hidden, a signed render timestamp, giving the fill time (a
  client cannot forge one, and a stale or tampered one is ignored; the
  signup that uses one spends it, so a script that posts one it was served
  with many signups claims a fill time once: ``signupguard.render_tokens``);
* ``sg_homepage``: a honeypot, hidden with CSS rather than ``type=hidden`` so
  that form-filling bots see it; people never do.

The fields never make a form invalid: a bot that fills the honeypot is told
nothing, it is scored. Render the page with ``{% signupguard_collector fields=False %}``
(or include ``signupguard/collector.js`` and ``collector.css`` yourself) so the device
field gets filled, and the honeypot stays hidden under a Content-Security-Policy
that refuses the inline style below.
"""

from __future__ import annotations

from typing import Any

from django import forms

from signupguard.collector import DEVICE_FIELD, HONEYPOT_FIELD, TIMESTAMP_FIELD, sign_render_time

# Kept inline for pages without collector.css; the stylesheet repeats it where a CSP refuses inline styles.
HONEYPOT_STYLE = "position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden"


def collector_fields() -> dict[str, forms.Field]:
    """The three fields, fresh (the timestamp is signed now, at render time)."""
    return {
        DEVICE_FIELD: forms.CharField(
            required=False, widget=forms.HiddenInput(attrs={"data-signupguard": "device"})
        ),
        TIMESTAMP_FIELD: forms.CharField(
            required=False, initial=sign_render_time(), widget=forms.HiddenInput(attrs={"data-signupguard": "ts"})
        ),
        HONEYPOT_FIELD: forms.CharField(
            required=False, label="",
            widget=forms.TextInput(attrs={
                "autocomplete": "off", "tabindex": "-1", "aria-hidden": "true",
                "style": HONEYPOT_STYLE, "data-signupguard": "hp",
            }),
        ),
    }


class SignupGuardFormMixin:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(collector_fields())  # type: ignore[attr-defined]
