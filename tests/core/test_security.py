"""Headers every response carries, and settings that refuse to start unsafe."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_with_no_inline_scripts(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_no_page_template_carries_an_inline_script_or_style_attribute():
    offenders = []
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        text = path.read_text()
        if "<script>" in text or "<script >" in text or ' style="' in text or " onclick=" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def run_manage(*args, **env):
    # The browser fixture sets DJANGO_ALLOW_ASYNC_UNSAFE for this process only; a deployment never has it.
    unset = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = run_manage("check", DEBUG="false", ALLOWED_HOSTS="compact.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_boolean_setting_that_is_not_true_or_false_is_refused():
    result = run_manage("check", DEBUG="flase")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_deploy_check_reports_no_warnings_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="k3Y-9qLz_7RvTb2wXe5NcHj8UaPf4GsD6mKo1iQ0tVyZrE9uBlWnA",
        ALLOWED_HOSTS="compact.example.org",
        EMAIL_URL="smtp+tls://portal:secret@smtp.example.org:587",
        CONTACT_EMAIL="compact@northants-compact.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
