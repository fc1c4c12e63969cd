import pytest

from modeleditor.services import reference_item_save, reference_items_set_active

pytestmark = pytest.mark.django_db


def test_it_lists_the_reference_lists(api):
    response = api.get("/api/v1/lookups")

    assert response.status_code == 200
    data = response.json()["data"]
    assert {"code": "sex", "name": "Sex"} in data
    assert len(data) == 11


def test_it_answers_the_active_items_of_a_list(api):
    response = api.get("/api/v1/lookups/sex")

    assert response.status_code == 200
    assert response.json()["data"] == [{"id": 101252, "name": "Женский"}, {"id": 101251, "name": "Мужской"}]


def test_it_shows_added_renamed_and_deactivated_items_on_the_next_request(api):
    api.get("/api/v1/lookups/store_type")

    reference_item_save(item_id=102415, list_code="store_type", name="Сад и огород")
    reference_item_save(item_id=102411, list_code="store_type", name="Бытовая электроника")
    reference_items_set_active(item_ids=[102414], is_active=False)
    items = api.get("/api/v1/lookups/store_type").json()["data"]

    assert {"id": 102415, "name": "Сад и огород"} in items
    assert {"id": 102411, "name": "Бытовая электроника"} in items
    assert 102414 not in {item["id"] for item in items}


def test_it_answers_not_found_for_an_unknown_list(api):
    response = api.get("/api/v1/lookups/planets")

    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "NOT_FOUND"


def test_it_refuses_lookups_to_anonymous_callers(anonymous):
    assert anonymous.get("/api/v1/lookups/sex").status_code == 401
