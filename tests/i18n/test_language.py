"""Which language each side speaks: the back office Russian by default, the API always English."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client as BrowserClient
from django.utils import translation

from clients.models import ContractStatus, LoanApplication
from leadcore.formatting import money
from tests.factories import ClientFactory, LoanApplicationFactory, StaffUserFactory


def test_it_keeps_api_messages_english_when_the_request_asks_for_russian(api):
    response = api.post(
        "/api/v1/leads",
        {"firstName": "Анна", "mobilePhone": "12", "birthDate": "31.02.1990"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )

    assert response.status_code == 400
    assert response.headers["Content-Language"] == "en"
    assert response.json()["errors"] == [
        {
            "code": "INVALID_FORMAT",
            "field": "birthDate",
            "message": "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        },
        {
            "code": "INVALID_FORMAT",
            "field": "mobilePhone",
            "message": "Not a valid phone number; send international digits, e.g. 79886542301.",
        },
    ]


def test_it_keeps_drf_authentication_messages_english_for_a_russian_request(anonymous, db):
    response = anonymous.get("/api/v1/leads/1", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")

    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "Authentication credentials were not provided."


@pytest.fixture
def as_superuser(db) -> BrowserClient:
    browser = BrowserClient()
    browser.force_login(StaffUserFactory(is_superuser=True))
    return browser


def test_it_speaks_russian_in_the_admin_even_to_a_browser_asking_for_english(as_superuser):
    page = as_superuser.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="ru"' in page
    assert "Заявки на заём" in page
    assert "Loan applications" not in page


def test_it_switches_the_admin_to_english_with_the_language_cookie(as_superuser):
    as_superuser.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})

    page = as_superuser.get("/admin/").content.decode()

    assert '<html lang="en"' in page
    assert "Loan applications" in page


def test_it_follows_the_language_code_setting(as_superuser, settings):
    settings.LANGUAGE_CODE = "en"

    page = as_superuser.get("/admin/").content.decode()

    assert "Loan applications" in page


def test_it_lists_dates_amounts_and_statuses_in_russian(as_superuser):
    application = LoanApplicationFactory(amount=Decimal("1234567.5"), status="rejected")
    moment = dt.datetime(2026, 12, 1, 12, 48, tzinfo=ZoneInfo(settings.TIME_ZONE))
    LoanApplication.objects.filter(pk=application.pk).update(created_at=moment)

    row = as_superuser.get("/admin/clients/loanapplication/").content.decode()

    assert "1\u00a0234\u00a0567,50\u00a0₽" in row
    assert "01.12.2026 12:48" in row
    assert "Отклонена" in row
    assert ">rejected<" not in row


def test_it_names_statuses_in_russian_and_codes_in_english():
    with translation.override("ru"):
        assert str(ContractStatus.CANCELLED.label) == "Аннулирован"
        assert money(Decimal("30000")) == "30\u00a0000,00\u00a0₽"
    with translation.override("en"):
        assert str(ContractStatus.CANCELLED.label) == "cancelled"
    assert ContractStatus.CANCELLED.value == "cancelled"


def test_it_shows_a_client_with_a_russian_birth_date(as_superuser):
    client = ClientFactory(birth_date=dt.date(1990, 3, 7))

    page = as_superuser.get(f"/admin/clients/client/?id={client.pk}").content.decode()

    assert "07.03.1990" in page
