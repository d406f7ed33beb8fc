/* SignupGuard collector: device attributes for fraud scoring. First-party only:
   it makes no network request; it fills the form's hidden sg_device field and
   exposes window.signupguard.collect() -> Promise<device dict> for JSON clients. */
(function () {
  "use strict";
  var nav = navigator, scr = window.screen || {}, SEL = 'input[data-signupguard="device"]', pending = null, ready = "";

  function num(v) { return typeof v === "number" && isFinite(v) ? v : null; }

  function attrs() {
    var tz = "", langs = [];
    try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) {}
    try { langs = Array.prototype.slice.call(nav.languages && nav.languages.length ? nav.languages : [nav.language], 0, 8); } catch (e) {}
    return {
      timezone: tz,
      languages: langs.filter(Boolean).map(String),
      screen: (scr.width | 0) + "x" + (scr.height | 0) + "x" + (scr.colorDepth | 0),
      platform: String(nav.platform || ""),
      hardware_concurrency: num(nav.hardwareConcurrency),
      device_memory: num(nav.deviceMemory),
      touch_points: num(nav.maxTouchPoints),
      webdriver: nav.webdriver === true,
      webgl_renderer: renderer()
    };
  }

  /* The graphics chip WebGL draws with. Chromium and Safari mask gl.RENDERER and name the chip
     through the debug extension; Firefox names it (sanitised) in gl.RENDERER itself. Not hashed
     into the fingerprint, so that fingerprints stay what they were. */
  function renderer() {
    try {
      var gl = document.createElement("canvas").getContext("webgl"), r, ext;
      if (!gl) return "";
      r = String(gl.getParameter(gl.RENDERER) || "");
      if (/^WebKit/.test(r) && (ext = gl.getExtension("WEBGL_debug_renderer_info"))) {
        r = String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) || r);
      }
      return r.slice(0, 200);
    } catch (e) { return ""; }
  }

  function canvasProbe() {
    try {
      var c = document.createElement("canvas"), g;
      c.width = 240; c.height = 32;
      g = c.getContext("2d");
      if (!g) return "";
      g.textBaseline = "top"; g.font = "15px Arial";
      g.fillStyle = "#f60"; g.fillRect(120, 1, 70, 22);
      g.fillStyle = "#069"; g.fillText("SignupGuard \u263a \u00e9\u00df 1.0", 2, 14);
      g.fillStyle = "rgba(102,204,0,0.7)"; g.fillText("SignupGuard \u263a \u00e9\u00df 1.0", 4, 16);
      return c.toDataURL();
    } catch (e) { return ""; }
  }

  function fnv(text) { /* fallback where crypto.subtle is missing (insecure origins) */
    var a = 0x811c9dc5, b = 0x01000193, i, c;
    for (i = 0; i < text.length; i++) {
      c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619) >>> 0;
      b = Math.imul(b ^ c, 2246822519) >>> 0;
    }
    return "f1:" + ("0000000" + a.toString(16)).slice(-8) + ("0000000" + b.toString(16)).slice(-8);
  }

  function digest(text) {
    var subtle = window.crypto && window.crypto.subtle;
    if (!subtle || !window.TextEncoder) return Promise.resolve(fnv(text));
    return subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buf) {
      return Array.prototype.map.call(new Uint8Array(buf), function (x) {
        return ("0" + x.toString(16)).slice(-2);
      }).join("");
    }, function () { return fnv(text); });
  }

  function collect() {
    if (!pending) {
      var d = attrs();
      var material = [d.timezone, d.languages.join(","), d.screen, d.platform, d.hardware_concurrency,
        d.device_memory, d.touch_points, d.webdriver, canvasProbe()].join("|");
      pending = digest(material).then(function (h) { d.fingerprint = h; return d; });
    }
    return pending;
  }

  function fill(root) {
    return collect().then(function (d) {
      var inputs = (root || document).querySelectorAll(SEL), json = ready = JSON.stringify(d), i;
      for (i = 0; i < inputs.length; i++) inputs[i].value = json;
      return d;
    });
  }

  /* If a form is submitted before the data is ready, hold it (at most 800 ms). */
  document.addEventListener("submit", function (ev) {
    var form = ev.target, field = form && form.querySelector && form.querySelector(SEL), go, later, submitter;
    if (!field || field.value || form.__sgHeld) return;
    if (ready) { field.value = ready; return; } /* a form added after load */
    /* page handlers see the resubmit alone, after this dispatch (requestSubmit is a no-op in it) */
    ev.preventDefault(); ev.stopImmediatePropagation();
    form.__sgHeld = true;
    submitter = ev.submitter;
    go = function () {
      try {
        if (form.requestSubmit) { form.requestSubmit(submitter && submitter.form === form ? submitter : undefined); return; }
      } catch (e) {}
      form.submit();
    };
    later = function () { setTimeout(go, 0); };
    Promise.race([fill(form), new Promise(function (r) { setTimeout(r, 800); })]).then(later, later);
  }, true);

  window.signupguard = { collect: collect, fill: fill };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { fill(); });
  } else {
    fill();
  }
})();
