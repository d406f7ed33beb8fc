"""The wheel installs into another portal as the README says.

Built from this checkout and installed on its own (the checkout off the
path), ``signupguard`` must carry everything a portal needs at run time: its
migrations, the shipped model, templates, the collector's static files, its
data files, the type marker and, where a compiler is found, the compiled
velocity counters. A portal written from the README's "Install into your
portal" steps (settings, a Celery app with eager tasks, a hand-written signup
view with the collector) then migrates, passes ``check`` without errors, and
gets a scored signup.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PORTAL = {
    "proj/__init__.py": "from .celery import app as celery_app\n",
    "proj/celery.py": """
        import os
        from celery import Celery

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")
        app = Celery("proj")
        app.config_from_object("django.conf:settings", namespace="CELERY")
        app.autodiscover_tasks()
    """,
    "proj/settings.py": """
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent
        SECRET_KEY = "a portal that installed the wheel"
        DEBUG = False
        ALLOWED_HOSTS = ["testserver"]
        INSTALLED_APPS = [
            "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
            "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
        ]
        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ]
        TEMPLATES = [{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [BASE_DIR / "templates"],
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]},
        }]
        ROOT_URLCONF = "proj.urls"
        DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
        DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
        USE_TZ = True
        STATIC_URL = "/static/"

        # The README's step 2, as written.
        INSTALLED_APPS += ["signupguard"]
        MIDDLEWARE += ["signupguard.middleware.SignupGuardMiddleware"]  # after AuthenticationMiddleware
        SIGNUPGUARD = {"TRUSTED_PROXIES": []}
        # Step 3, small site: scoring in the web process, no broker.
        CELERY_TASK_ALWAYS_EAGER = True
    """,
    "proj/views.py": """
        from django import forms
        from django.contrib.auth import login
        from django.contrib.auth.forms import UserCreationForm
        from django.db import transaction
        from django.http import HttpResponse
        from django.shortcuts import redirect, render

        from signupguard.recording import record_signup, signup_status, wait_for_verdict
        from signupguard.forms import SignupGuardFormMixin

        class SignupForm(SignupGuardFormMixin, UserCreationForm):
            email = forms.EmailField()

            class Meta(UserCreationForm.Meta):
                fields = ("username", "email")

        def signup(request):
            form = SignupForm(request.POST or None)
            if form.is_valid():
                with transaction.atomic():
                    user = form.save()
                    attempt = record_signup(request, user)
                status = signup_status(wait_for_verdict(attempt))
                login(request, user)
                return redirect("home" if status == "cleared" else "account-under-review")
            return render(request, "signup.html", {"form": form})

        def home(request):
            return HttpResponse("home")

        def under_review(request):
            return HttpResponse("under review")
    """,
    "proj/urls.py": """
        from django.urls import path

        from proj.views import home, signup, under_review

        urlpatterns = [
            path("signup/", signup, name="signup"),
            path("", home, name="home"),
            path("under-review/", under_review, name="account-under-review"),
        ]
    """,
    "templates/signup.html": """
        {% load signupguard %}
        <form method="post">{% csrf_token %}{{ form }}{% signupguard_collector fields=False %}
          <button type="submit">Sign up</button></form>
    """,
    "run.py": """
        import io
        import json
        import os
        import re

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")
        import django

        django.setup()
        from django.contrib.staticfiles import finders
        from django.core.checks import ERROR, run_checks
        from django.core.management import call_command
        from django.test import Client

        import signupguard
        from signupguard.models import AccountStatus, Attempt
        from signupguard.model import registry

        call_command("migrate", verbosity=0, stdout=io.StringIO())
        client = Client()
        page = client.get("/signup/").content.decode()
        token = re.search(r'name="sg_ts" value="([^"]+)"', page)
        device = json.dumps({"fingerprint": "f" * 32, "timezone": "Europe/Madrid", "languages": ["es-ES", "es"],
                             "screen": "1920x1080x24", "webdriver": False})
        response = client.post("/signup/", {
            "username": "ana", "email": "ana.lopez@example.org", "password1": "a long passphrase 42",
            "password2": "a long passphrase 42", "sg_device": device, "sg_ts": token.group(1) if token else "",
        }, HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                           "Chrome/142.0.0.0 Safari/537.36", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
        attempt = Attempt.objects.get()
        print(json.dumps({
            "package": signupguard.__file__,
            "errors": [f"{m.id}: {m.msg}" for m in run_checks() if m.level >= ERROR],
            "collector_rendered": "signupguard/collector.js" in page and token is not None,
            "static": [bool(finders.find(f"signupguard/{name}")) for name in ("collector.js", "collector.css")],
            "signup_status": response.status_code,
            "attempt": [attempt.kind, attempt.state, attempt.model_version, attempt.raw.get("device", {}).get("timezone")],
            "account": AccountStatus.objects.get(user__username="ana").status,
            "model": registry.load_active().version,
        }))
    """,
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip`` builds from this checkout."""
    # From a copy without build products: setuptools packs what its build/ holds, left there by earlier builds.
    source, out = tmp_path_factory.mktemp("source") / "checkout", tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "var", "*.egg-info", "__pycache__", "*.so", "tests", "benchmarks"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                   check=True, capture_output=True)
    (built,) = out.glob("django_signupguard-*.whl")
    return built


def test_the_wheel_carries_what_a_portal_needs_at_run_time(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "signupguard" / "model" / "default").iterdir())
    needed = [
        *shipped,
        *(p.relative_to(ROOT).as_posix() for p in (ROOT / "signupguard" / "migrations").glob("0*.py")),
        *(p.relative_to(ROOT).as_posix() for p in (ROOT / "signupguard" / "data").iterdir()),
        *(p.relative_to(ROOT).as_posix() for p in (ROOT / "signupguard").glob("templates/**/*.html")),
        "signupguard/static/signupguard/collector.js", "signupguard/static/signupguard/collector.css",
        "signupguard/py.typed",
    ]
    assert len(shipped) >= 3 and [name for name in needed if name not in names] == []
    if any((ROOT / "signupguard" / "velocity").glob("_compiled.*.so")):  # this machine has a compiler
        assert f"signupguard/velocity/_compiled{sysconfig.get_config_var('EXT_SUFFIX')}" in names
    assert not [name for name in names if name.startswith(("tests/", "config/", "benchmarks/"))]


def test_a_portal_written_from_the_readme_gets_its_signups_scored_by_the_installed_wheel(wheel: Path,
                                                                                        tmp_path: Path) -> None:
    target, site = tmp_path / "site-packages", tmp_path / "portal"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    for name, text in PORTAL.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(textwrap.dedent(text).lstrip())
    # The installed copy comes first; the checkout's editable install is only a fallback finder behind it.
    env = {**os.environ, "PYTHONPATH": str(target), "DJANGO_SETTINGS_MODULE": "proj.settings"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "run.py"], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(found["package"]).is_relative_to(target)
    assert found["errors"] == []
    assert found["collector_rendered"] and found["static"] == [True, True]
    assert found["signup_status"] == 302
    kind, state, model_version, timezone = found["attempt"]
    assert (kind, state, timezone) == ("signup", "scored", "Europe/Madrid")
    assert found["account"] in {"cleared", "review", "blocked"}
    assert model_version == found["model"] and model_version.startswith("default-")
