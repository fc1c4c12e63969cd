import pytest

from clients.gar.directory import DirectoryUnavailable
from clients.gar.providers import get_directory
from clients.gar.verification import check_fias_address
from tests.gar.fake_dadata import Reply, suggestion

FLAT_89 = "f26b876b-6857-4951-b060-ec6559f04a9a"
ADDRESS = {"fiasId": FLAT_89, "fullAddressText": "Москва, Сухонская ул., дом 11, кв. 89"}


def test_it_verifies_through_dadata_find_by_id(fake_dadata):
    fake_dadata.replies.append(Reply(200, {"suggestions": [suggestion()]}))

    check = check_fias_address(ADDRESS)

    assert check.problems == []
    assert check.verification == "verified"
    assert check.parts["postalCode"] == "127642"
    assert check.parts["streetName"] == "ул Сухонская"
    assert check.parts["apartmentNo"] == "89"
    assert check.parts["timeZone"] == "UTC+3"
    [request] = fake_dadata.received
    assert request.path == "/suggestions/api/4_1/rs/findById/address"
    assert request.authorization == "Token test-key"
    assert request.body["query"] == FLAT_89


def test_it_splits_dadatas_block_into_block_and_building(fake_dadata):
    premises = suggestion(
        house="9", block_type="к", block="4 стр 1", flat_type="помещ", flat="28-Н", fias_level="9"
    ) | {"value": "г Санкт-Петербург, ул Кронштадтская, д 9 к 4 стр 1, помещ 28-Н"}
    fake_dadata.replies.append(Reply(200, {"suggestions": [premises]}))

    found = get_directory().find_by_id("378e2dac-0885-4966-985e-6d2ea34fee63")

    assert found is not None
    assert (found.house_no, found.block_no, found.building_no, found.apartment_no) == ("9", "4", "1", "28-Н")


def test_it_reports_an_id_dadata_does_not_know(fake_dadata):
    fake_dadata.replies.append(Reply(200, {"suggestions": []}))

    check = check_fias_address(ADDRESS)

    assert [(p.code, p.field) for p in check.problems] == [("FIAS_NOT_FOUND", "fiasId")]


def test_it_retries_a_server_error_and_then_succeeds(fake_dadata):
    fake_dadata.replies += [Reply(502, {}), Reply(503, {}), Reply(200, {"suggestions": [suggestion()]})]

    check = check_fias_address(ADDRESS)

    assert check.verification == "verified"
    assert len(fake_dadata.received) == 3


def test_it_retries_after_a_timeout(fake_dadata):
    fake_dadata.replies += [Reply(200, {"suggestions": [suggestion()]}, delay=1.0)]
    fake_dadata.replies += [Reply(200, {"suggestions": [suggestion()]})]

    check = check_fias_address(ADDRESS)

    assert check.verification == "verified"
    assert len(fake_dadata.received) == 2


def test_it_gives_up_after_the_configured_retries(fake_dadata, settings):
    settings.DADATA_RETRIES = 1
    fake_dadata.fallback = Reply(500, {})

    with pytest.raises(DirectoryUnavailable):
        get_directory().find_by_id(FLAT_89)
    assert len(fake_dadata.received) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 429])
def test_it_does_not_retry_a_client_error(fake_dadata, status):
    fake_dadata.fallback = Reply(status, {"message": "no"})

    check = check_fias_address(ADDRESS)

    assert (check.verification, check.parts, check.problems) == ("unverified", {}, [])
    assert len(fake_dadata.received) == 1


@pytest.mark.parametrize("body", ["<html>Bad gateway</html>", {"suggestions": "nonsense"}, {"suggestions": [1]}])
def test_it_keeps_the_address_unverified_when_dadata_answers_garbage(fake_dadata, body):
    fake_dadata.replies.append(Reply(200, body))

    check = check_fias_address(ADDRESS)

    assert (check.verification, check.parts, check.problems) == ("unverified", {}, [])


def test_it_keeps_the_address_unverified_when_dadata_is_down(dadata_down):
    check = check_fias_address(ADDRESS)

    assert (check.verification, check.parts, check.problems) == ("unverified", {}, [])


def test_the_lookup_endpoint_answers_from_dadata(api, fake_dadata):
    fake_dadata.replies.append(Reply(200, {"suggestions": [suggestion()]}))

    response = api.get("/api/v1/addresses/fias", {"query": "сухонская 11 89", "count": 5})

    assert response.status_code == 200
    assert response.json()["data"][0]["fiasId"] == FLAT_89
    assert fake_dadata.received[0].path.endswith("/suggest/address")
    assert fake_dadata.received[0].body == {"query": "сухонская 11 89", "count": 5}


def test_the_lookup_endpoint_says_when_dadata_is_down(api, dadata_down):
    response = api.get("/api/v1/addresses/fias", {"query": "сухонская 11 89"})

    assert response.status_code == 503
    assert response.json()["errors"][0]["code"] == "ADDRESS_DIRECTORY_UNAVAILABLE"


def test_it_refuses_through_dadata_an_id_with_another_towns_text(fake_dadata):
    fake_dadata.replies.append(Reply(200, {"suggestions": [suggestion()]}))

    check = check_fias_address({"fiasId": FLAT_89, "fullAddressText": "г Санкт-Петербург, ул Сухонская, д 11, кв 89"})

    assert [(p.code, p.field) for p in check.problems] == [("FIAS_ADDRESS_MISMATCH", "fullAddressText")]
    assert fake_dadata.received[0].path.endswith("/findById/address")
