import pytest

from tests.support import api_key_for

SUKHONSKAYA_11_89 = "f26b876b-6857-4951-b060-ec6559f04a9a"


@pytest.mark.parametrize(
    "query",
    [
        "сухонская 11 89",
        "Москва, Сухонская ул., дом 11, кв. 89",
        "г. москва, улица сухонская, д.11, кв.89",
        "СУХОНСКАЯ   11/89",
        "89 кв 11 д Сухонская",
        "сухон 11 89",
    ],
)
def test_it_finds_the_same_flat_however_it_is_written(api, gar_sample, query):
    response = api.get("/api/v1/addresses/fias", {"query": query})

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["data"][0]["fiasId"] == SUKHONSKAYA_11_89
    assert body["data"][0] == {
        "fiasId": SUKHONSKAYA_11_89,
        "fiasLevel": 9,
        "fullAddressText": "г Москва, ул Сухонская, д 11, кв 89",
        "postalCode": "127642",
        "regionName": "г Москва",
        "localityName": "г Москва",
        "streetName": "ул Сухонская",
        "houseNo": "11",
        "blockNo": "",
        "buildingNo": "",
        "apartmentNo": "89",
        "timeZone": "UTC+3",
    }


def test_it_treats_yo_as_ye_and_glued_types_as_separate(api, gar_sample):
    yo = api.get("/api/v1/addresses/fias", {"query": "Снёжная 14"})
    glued = api.get("/api/v1/addresses/fias", {"query": "Кронштадтская д9 к4 стр1 пом28-н"})

    assert yo.json()["data"][0]["fullAddressText"] == "г Москва, ул Снежная, д 14"
    assert glued.json()["data"][0]["fiasId"] == "378e2dac-0885-4966-985e-6d2ea34fee63"


@pytest.mark.parametrize("path", ["/api/v1/addresses/fias", "/api/v1/addresses/fias/", "/bs-core/main/addresses/fias"])
def test_it_answers_on_every_path_without_redirect(api, gar_sample, path):
    response = api.get(path, {"query": "сухонская", "count": 3})

    assert response.status_code == 200
    assert [a["fullAddressText"] for a in response.json()["data"]] == [
        "г Москва, ул Сухонская",
        "г Москва, ул Сухонская, д 11",
        "г Москва, ул Сухонская, д 13",
    ]


def test_it_puts_the_street_before_its_houses_and_the_house_before_its_flats(api, gar_sample):
    response = api.get("/api/v1/addresses/fias", {"query": "сухонская 11"})

    found = [a["fullAddressText"] for a in response.json()["data"]]
    assert found[0] == "г Москва, ул Сухонская, д 11"
    assert "г Москва, ул Сухонская, д 11, кв 89" in found


def test_it_answers_an_empty_list_when_nothing_matches(api, gar_sample):
    response = api.get("/api/v1/addresses/fias", {"query": "Ленинградский проспект 1"})

    assert response.status_code == 200
    assert response.json()["data"] == []


def test_it_requires_a_query(api, gar_sample):
    response = api.get("/api/v1/addresses/fias", {"count": 50})

    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "error"
    assert {e["field"] for e in body["errors"]} == {"query", "count"}


def test_it_requires_authentication(anonymous, gar_sample):
    response = anonymous.get("/api/v1/addresses/fias", {"query": "сухонская"})

    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "NOT_AUTHENTICATED"


def test_it_says_the_directory_is_unavailable_while_nothing_is_imported(api):
    response = api.get("/api/v1/addresses/fias", {"query": "сухонская"})

    assert response.status_code == 503
    assert response.json()["errors"][0]["code"] == "ADDRESS_DIRECTORY_UNAVAILABLE"


def test_the_core_path_accepts_the_bsauth_header(anonymous, api_user, gar_sample):
    key = api_key_for(api_user)

    response = anonymous.get("/bs-core/main/addresses/fias/", {"query": "кронштадтская 12 5"}, HTTP_BSAUTH=key)

    assert response.status_code == 200
    assert response.json()["data"][0]["fullAddressText"] == "г Санкт-Петербург, ул Кронштадтская, д 12, кв 5"
