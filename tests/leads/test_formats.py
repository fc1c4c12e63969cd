"""Phones as libphonenumber reads them, identifiers as their issuers define them, on the lead API."""

import pytest

from clients.models import Address, Client, Relative
from leads.models import Lead
from tests.leads.conftest import person, post_lead

NOT_A_NUMBER = ["+7 (000) 000-00-00", "+7 (123) 456-78-90", "1234567890", "8 916 123 45 6"]


def problems(response) -> list[tuple[str, str, str]]:
    return [(e["code"], e["field"], e["message"]) for e in response.json()["errors"]]


def _lead_with_phone(number: str) -> dict:
    return person(
        mobilePhone=number,
        relatives=[{"firstName": "Анна", "kinshipTypeId": 102141, "telephone": number}],
        addressData={"fullAddressText": "г Москва, ул Сухонская, д 11", "telephone": number},
    )


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        pytest.param("4951234567", "74951234567", id="moscow-without-trunk-prefix"),
        pytest.param("8 (916) 123-45-67", "79161234567", id="domestic"),
        pytest.param("007 916 123 45 67", "79161234567", id="international-00"),
        pytest.param("+375 29 123-45-67", "375291234567", id="belarus"),
        pytest.param("37369123456", "37369123456", id="moldova-without-plus"),
        pytest.param("810 375 29 123-45-67", "375291234567", id="belarus-through-810"),
    ],
)
def test_it_stores_e164_digits_on_the_client_its_relatives_and_addresses(api, sent, stored):
    response = post_lead(api, _lead_with_phone(sent))

    assert response.status_code == 200
    client = Lead.objects.get(pk=response.json()["data"]).client
    assert client.mobile_phone == stored
    assert [r.telephone for r in Relative.objects.filter(client=client)] == [stored]
    assert [a.telephone for a in Address.objects.filter(client=client)] == [stored]


@pytest.mark.parametrize("number", NOT_A_NUMBER)
def test_it_rejects_numbers_that_cannot_exist_wherever_they_are_sent(api, number):
    response = post_lead(api, _lead_with_phone(number))

    assert response.status_code == 400
    message = "Not a valid phone number; send international digits, e.g. 79886542301."
    assert problems(response) == [
        ("INVALID_FORMAT", "mobilePhone", message),
        ("INVALID_FORMAT", "addressData.telephone", message),
        ("INVALID_FORMAT", "relatives[0].telephone", message),
    ]
    assert not Client.objects.exists()


@pytest.mark.parametrize("snils", ["001-001-998 00", "00100199842", "00100199764"])
def test_it_accepts_a_snils_issued_before_check_numbers(api, snils):
    response = post_lead(api, person(snils=snils))

    assert response.status_code == 200
    assert Lead.objects.get(pk=response.json()["data"]).client.snils == snils.replace("-", "").replace(" ", "")


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("2027700132194", id="13-digits-starting-with-2"),
        pytest.param("0027700132190", id="13-digits-starting-with-0"),
        pytest.param("415774600002668", id="15-digits-starting-with-4"),
    ],
)
def test_it_rejects_a_registration_number_of_no_ogrn_kind_as_a_format_error(api, number):
    response = post_lead(api, person(registrationNumber=number))

    assert response.status_code == 400
    assert problems(response) == [
        (
            "INVALID_FORMAT",
            "registrationNumber",
            "registrationNumber must be an OGRN (13 digits starting with 1 or 5) "
            "or an OGRNIP (15 digits starting with 3).",
        )
    ]


def test_it_accepts_an_ogrnip_whose_remainder_has_two_digits(api):
    response = post_lead(api, person(registrationNumber="315774600002661"))

    assert response.status_code == 200


def test_it_names_the_contract_property_in_identifier_messages(api):
    body = person(
        inn="500100732250",
        snils="11223344596",
        employerInn="77070838",
        cardNumber="411111111111",
        registrationNumber="1027700132194",
    )

    response = post_lead(api, body)

    assert response.status_code == 400
    assert sorted(problems(response)) == [
        ("INVALID_CHECKSUM", "inn", "inn has a wrong check digit."),
        ("INVALID_CHECKSUM", "registrationNumber", "registrationNumber has a wrong check digit."),
        ("INVALID_CHECKSUM", "snils", "snils has a wrong check digit."),
        ("INVALID_FORMAT", "cardNumber", "cardNumber must have 13 to 19 digits."),
        ("INVALID_FORMAT", "employerInn", "employerInn must have 10 or 12 digits."),
    ]


def test_it_says_a_persons_inn_has_12_digits_in_the_contracts_words(api):
    response = post_lead(api, person(inn="7707083893"))

    assert problems(response) == [("INVALID_FORMAT", "inn", "A person's inn must have 12 digits.")]
