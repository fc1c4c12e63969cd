"""Headers and sessions: no API answer cached, a CSP on the admin, HSTS with HTTPS, sessions that
idle out, and a deploy check without warnings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(django_settings.BASE_DIR)


@pytest.mark.parametrize(
    "path", ["/api/v1/leads/find/1", "/api/v1/leads/999999", "/api/v1/nowhere", "/bs-core/main/addresses/fias"]
)
def test_it_forbids_caching_of_api_answers(api, path):
    assert api.get(path)["Cache-Control"] == "no-store"


def test_it_forbids_caching_of_a_refusal(anonymous):
    assert anonymous.get("/api/v1/leads/find/1")["Cache-Control"] == "no-store"


def test_it_sends_a_content_security_policy_on_the_admin(client):
    client.force_login(StaffUserFactory(is_superuser=True))

    policy = client.get("/admin/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert client.get("/admin/login/")["Content-Security-Policy"] == policy


def test_it_ends_an_admin_session_after_eight_idle_hours(client):
    client.force_login(StaffUserFactory(is_superuser=True))

    client.get("/admin/")

    assert client.cookies["sessionid"]["max-age"] == 8 * 3600
    assert client.session.get_expiry_age() == 8 * 3600


def _manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is no part of a deployment.
    unset = ("DEBUG", "SECURE_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION_LIKE = {
    "DEBUG": "false",
    "SECURE_HTTPS": "true",
    "ALLOWED_HOSTS": "example.com",
    "SECRET_KEY": "kq3Rz8pW1vXy7mN2bT5cH9dJ4fL6gS0aE-uI_oPqRsTuVwXyZaBcDeFgHiJkLmNo",
}


def test_it_passes_the_deploy_check_without_a_warning():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_LIKE)

    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout


def test_it_turns_hsts_on_with_https():
    script = "from django.conf import settings; print(settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT)"

    result = _manage("shell", "--no-imports", "-c", script, **PRODUCTION_LIKE)

    assert result.stdout.split() == ["31536000", "True"]


def test_it_forbids_caching_of_a_411(anonymous):
    response = anonymous.post("/api/v1/leads", b"{}", content_type="application/json", HTTP_TRANSFER_ENCODING="chunked")

    assert response.status_code == 411
    assert response["Cache-Control"] == "no-store"
