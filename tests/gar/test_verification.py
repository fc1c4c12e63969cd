import pytest

from clients.gar.verification import check_fias_address
from tests.gar.conftest import EXPECTED

FLAT_89 = "f26b876b-6857-4951-b060-ec6559f04a9a"
HOUSE_11 = "5ee84ac0-eb9a-4b42-b814-2f5f7c27c255"
SPB_PREMISES = "378e2dac-0885-4966-985e-6d2ea34fee63"


def codes(check) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in check.problems]


@pytest.mark.parametrize(
    "text",
    [
        "г Москва, ул Сухонская, д 11, кв 89",
        "Москва, Сухонская ул., дом 11, кв. 89",
        "127642, г. Москва, улица Сухонская, д.11, кв.89",
        "МОСКВА СУХОНСКАЯ 11-89",
        "Россия, г Москва, ул Сухонкая, д 11, кв 89",  # a typo in the street
        "127000, Москва, Сухонская, 11, 89",  # a wrong postcode in front is no other address
    ],
)
def test_it_verifies_a_text_that_names_the_same_flat(gar_sample, text):
    check = check_fias_address({"fiasId": FLAT_89, "fullAddressText": text})

    assert check.problems == []
    assert check.verification == "verified"
    assert check.parts["fullAddressText"] == text
    assert check.parts["postalCode"] == "127642"
    assert check.parts["regionName"] == "г Москва"
    assert check.parts["localityName"] == "г Москва"
    assert check.parts["streetName"] == "ул Сухонская"
    assert check.parts["houseNo"] == "11"
    assert check.parts["apartmentNo"] == "89"
    assert check.parts["timeZone"] == "UTC+3"
    assert check.parts["fiasChain"]["id"] == FLAT_89
    assert [p["name"] for p in check.parts["fiasChain"]["parents"]] == ["Москва", "Сухонская", "11"]


def test_it_fills_block_building_and_premises(gar_sample):
    check = check_fias_address(
        {
            "fiasId": SPB_PREMISES,
            "fullAddressText": "Санкт-Петербург, Кронштадтская ул., д. 9, корп. 4, стр. 1, пом. 28-Н",
        }
    )

    assert check.problems == []
    assert (check.parts["houseNo"], check.parts["blockNo"], check.parts["buildingNo"]) == ("9", "4", "1")
    assert check.parts["apartmentNo"] == "28-Н"


@pytest.mark.parametrize(
    "text",
    [
        "г Москва, ул Сухонская, д 11, кв 88",  # another flat
        "г Москва, ул Сухонская, д 13, кв 89",  # another house
        "г Москва, ул Снежная, д 11, кв 89",  # another street
        "г Москва, ул Сухонская, д 11",  # the house, not the flat
        "г Санкт-Петербург, ул Сухонская, д 11, кв 89",  # another town
        "г Москва, д 11, кв 89",  # no street
        "г Москва, ул Сухонская, ул Кронштадтская, д 11, кв 89",  # another street besides
    ],
)
def test_it_refuses_a_text_that_names_another_address(gar_sample, text):
    check = check_fias_address({"fiasId": FLAT_89, "fullAddressText": text})

    assert codes(check) == [("FIAS_ADDRESS_MISMATCH", "fullAddressText")]
    assert check.parts == {}


def test_it_refuses_an_unknown_id(gar_sample):
    check = check_fias_address(
        {"fiasId": "00000000-0000-4000-8000-000000000000", "fullAddressText": "г Москва, ул Сухонская, д 11"}
    )

    assert codes(check) == [("FIAS_NOT_FOUND", "fiasId")]


def test_it_keeps_the_address_unverified_while_nothing_is_imported(db):
    check = check_fias_address({"fiasId": FLAT_89, "fullAddressText": "г Москва, ул Сухонская, д 11, кв 89"})

    assert (check.verification, check.parts, check.problems) == ("unverified", {}, [])


def test_it_refuses_the_id_of_a_retired_house(gar_sample):
    check = check_fias_address(
        {"fiasId": "f2fb309c-f68a-4b20-b96c-b0504f1ae1dc", "fullAddressText": "г Москва, ул Снежная, д 20"}
    )

    assert codes(check) == [("FIAS_NOT_FOUND", "fiasId")]


def test_it_keeps_the_parts_the_client_sent_when_they_agree(gar_sample):
    check = check_fias_address(
        {
            "fiasId": FLAT_89,
            "fullAddressText": "г Москва, ул Сухонская, д 11, кв 89",
            "streetName": "Сухонская улица",
            "houseNo": "д. 11",
            "postalCode": "127642",
            "timeZone": "Europe/Moscow",
        }
    )

    assert check.problems == []
    assert check.parts["streetName"] == "Сухонская улица"
    assert check.parts["houseNo"] == "д. 11"
    assert check.parts["timeZone"] == "Europe/Moscow"
    assert check.parts["apartmentNo"] == "89"


def test_it_refuses_parts_that_contradict_the_directory(gar_sample):
    check = check_fias_address(
        {
            "fiasId": FLAT_89,
            "fullAddressText": "г Москва, ул Сухонская, д 11, кв 89",
            "postalCode": "101000",
            "apartmentNo": "90",
            "blockNo": "2",
        }
    )

    assert sorted(codes(check)) == [
        ("FIAS_ADDRESS_MISMATCH", "apartmentNo"),
        ("FIAS_ADDRESS_MISMATCH", "blockNo"),
        ("FIAS_ADDRESS_MISMATCH", "postalCode"),
    ]


def test_it_takes_the_flat_from_the_text_when_the_id_is_the_house(gar_sample):
    check = check_fias_address({"fiasId": HOUSE_11, "fullAddressText": "г Москва, ул Сухонская, д 11, кв 256"})

    assert check.problems == []
    assert check.parts["houseNo"] == "11"
    assert check.parts["apartmentNo"] == "256"
    assert check.parts["fiasChain"]["id"] == HOUSE_11


@pytest.mark.parametrize(
    ("guid", "old_text"),
    [(a["guid"], text) for a in EXPECTED["addresses"] for text in a["old_address_texts"]],
)
def test_it_accepts_the_former_name_of_a_renamed_street(gar_sample, guid, old_text):
    check = check_fias_address({"fiasId": guid, "fullAddressText": old_text})

    assert check.problems == []
    assert check.parts["streetName"] == "ул Тверская"


@pytest.mark.parametrize("expected", [a for a in EXPECTED["addresses"] if a["active"]], ids=lambda a: a["guid"])
def test_it_verifies_every_sample_address_by_its_own_text(gar_sample, expected):
    check = check_fias_address(
        {"fiasId": expected["guid"], "fullAddressText": expected["full_address_with_postal_code"]}
    )

    assert check.problems == []
    assert {k: check.parts.get(k) for k in expected["lead_parts"] if k != "fiasId"} == {
        k: v for k, v in expected["lead_parts"].items() if k != "fiasId"
    } | {"fullAddressText": expected["full_address_with_postal_code"]}


def test_it_completes_an_address_sent_by_fias_id_alone(gar_sample):
    check = check_fias_address({"fiasId": HOUSE_11})

    assert check.problems == []
    assert check.parts["fullAddressText"] == "г Москва, ул Сухонская, д 11"
    assert (check.parts["postalCode"], check.parts["houseNo"]) == ("127642", "11")


def test_it_refuses_an_unknown_fias_id_sent_alone(gar_sample):
    check = check_fias_address({"fiasId": "00000000-0000-0000-0000-000000000000"})

    assert [(p.code, p.field) for p in check.problems] == [("FIAS_NOT_FOUND", "fiasId")]


def test_it_refuses_the_sample_house_with_another_towns_text(gar_sample):
    check = check_fias_address({"fiasId": HOUSE_11, "fullAddressText": "г Санкт-Петербург, ул Сухонская, д 11"})

    assert codes(check) == [("FIAS_ADDRESS_MISMATCH", "fullAddressText")]


@pytest.mark.parametrize(
    ("fias_id", "text"),
    [
        ("0c5b2444-70a0-4932-980c-b4dc0d3f02b5", "г Москва, ул Сухонская"),  # the town's id, a street's text
        ("0c5b2444-70a0-4932-980c-b4dc0d3f02b5", "г Москва, ул Сухонская, д 11"),  # the town's id, a house's text
        ("95dbf7fb-0dd4-4a04-8100-4f6c847564b5", "г Москва, ул Сухонская, д 11"),  # the street's id, a house's text
    ],
)
def test_it_refuses_the_id_of_a_higher_level_than_the_text(gar_sample, fias_id, text):
    check = check_fias_address({"fiasId": fias_id, "fullAddressText": text})

    assert codes(check) == [("FIAS_ADDRESS_MISMATCH", "fullAddressText")]


@pytest.mark.parametrize(
    ("key", "value"),
    [("localityName", "г Санкт-Петербург"), ("streetName", "ул Снежная"), ("regionName", "обл Вологодская")],
)
def test_it_refuses_a_part_naming_another_place(gar_sample, key, value):
    check = check_fias_address({"fiasId": HOUSE_11, "fullAddressText": "г Москва, ул Сухонская, д 11", key: value})

    assert codes(check) == [("FIAS_ADDRESS_MISMATCH", key)]
