"""API tokens: stored as digests, shown once, revocable in the admin, expiring when configured."""

import hashlib
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from leadcore.api.models import ApiToken
from leads.models import Lead
from tests.factories import ApiUserFactory, StaffUserFactory
from tests.support import api_key_for

pytestmark = pytest.mark.django_db

MINIMAL = {"firstName": "Анна", "mobilePhone": "79160000000"}


def _issue(capsys, name: str) -> tuple[str, str]:
    call_command("create_api_token", name)
    out = capsys.readouterr().out
    return out, out.split()[-1]


def _bearer(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_it_stores_only_the_digest_of_a_key(capsys):
    _, key = _issue(capsys, "partner-1")

    token = ApiToken.objects.get(user__username="partner-1")
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.values_list(flat=False).get()]
    assert not any(key in value for value in stored)


def test_it_accepts_an_issued_key_in_either_header(capsys):
    _, key = _issue(capsys, "partner-1")

    assert _bearer(key).post("/api/v1/leads", MINIMAL, format="json").status_code == 200
    assert APIClient().post("/bs-core/main/leads", MINIMAL, format="json", HTTP_BSAUTH=key).status_code == 200
    assert Lead.objects.filter(api_user__username="partner-1").count() == 2


def test_it_issues_a_new_key_on_a_second_call_and_revokes_the_old_one(capsys):
    _, first = _issue(capsys, "partner-1")
    out, second = _issue(capsys, "partner-1")

    assert second != first
    assert "revoked" in out
    assert len(out.strip().splitlines()) == 1
    assert _bearer(first).get("/api/v1/leads/find/1").status_code == 401
    assert _bearer(second).get("/api/v1/leads/find/1").status_code == 200


def test_it_refuses_an_expired_key():
    user = ApiUserFactory()
    expired = api_key_for(user, expires_at=timezone.now() - timedelta(seconds=1))
    valid = api_key_for(user, expires_at=timezone.now() + timedelta(days=1))

    response = _bearer(expired).get("/api/v1/leads/find/1")

    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "NOT_AUTHENTICATED"
    assert _bearer(valid).get("/api/v1/leads/find/1").status_code == 200


def test_it_sets_the_expiry_from_the_setting(settings, capsys):
    settings.API_TOKEN_TTL = timedelta(days=30)

    _issue(capsys, "partner-1")

    expires_at = ApiToken.objects.get().expires_at
    assert expires_at is not None
    assert timedelta(days=29) < expires_at - timezone.now() <= timedelta(days=30)


def test_it_issues_keys_that_never_expire_by_default(capsys):
    _issue(capsys, "partner-1")

    assert ApiToken.objects.get().expires_at is None


def test_an_administrator_revokes_a_token_in_the_admin(client):
    user = ApiUserFactory()
    key = api_key_for(user)
    token = ApiToken.objects.get(user=user)
    client.force_login(StaffUserFactory(is_superuser=True))

    listing = client.get("/admin/api/apitoken/")
    assert token.prefix in listing.content.decode()
    client.post("/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert _bearer(key).get("/api/v1/leads/find/1").status_code == 401
    assert APIClient().get("/api/v1/leads/find/1", HTTP_BSAUTH=key).status_code == 401
