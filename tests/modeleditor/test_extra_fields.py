import pytest

from leadcore.errors import DomainError
from leads.intake.extra_fields import extra_field_name, extra_field_problems
from modeleditor.services import extra_field_define, reference_items_set_active

pytestmark = pytest.mark.django_db


@pytest.fixture
def definitions():
    return {
        "visits": extra_field_define(target="client_person", name="visits", field_type="integer", label="Visits"),
        "limit": extra_field_define(target="contract", name="limit", field_type="decimal", label="Limit"),
        "vip": extra_field_define(target="client_company", name="vip", field_type="boolean", label="VIP"),
        "since": extra_field_define(target="loan_application", name="since", field_type="date", label="Customer since"),
        "store": extra_field_define(
            target="loan_application",
            name="store",
            field_type="reference",
            label="Store type",
            reference_list="store_type",
        ),
        "note": extra_field_define(target="contract", name="note", field_type="string", label="Note"),
    }


def _problems(items):
    return [(str(p.code), p.field, p.message) for p in extra_field_problems(items)]


def test_it_accepts_values_that_match_their_definitions(definitions):
    items = [
        {"name": "client.visits", "value": "12"},
        {"name": "contract.limit", "value": "15000.50"},
        {"name": "client.vip", "value": "true"},
        {"name": "loanApplication.since", "value": "2020-02-29"},
        {"name": "loanApplication.store", "value": "102411"},
        {"id": definitions["note"].pk, "value": "anything at all"},
        {"name": "contract.limit", "value": ""},
    ]

    assert _problems(items) == []


def test_it_rejects_values_of_the_wrong_type_with_their_paths(definitions):
    items = [
        {"name": "client.visits", "value": "twelve"},
        {"name": "contract.limit", "value": "15 000"},
        {"name": "client.vip", "value": "yes"},
        {"name": "loanApplication.since", "value": "2021-02-29"},
        {"id": definitions["visits"].pk, "value": "1.5"},
    ]

    assert _problems(items) == [
        ("INVALID_FORMAT", "extraFields[0].value", "client.visits must be an integer."),
        ("INVALID_FORMAT", "extraFields[1].value", "contract.limit must be a decimal number."),
        ("INVALID_FORMAT", "extraFields[2].value", "client.vip must be true or false."),
        ("INVALID_FORMAT", "extraFields[3].value", "loanApplication.since must be a date (YYYY-MM-DD)."),
        ("INVALID_FORMAT", "extraFields[4].value", "client.visits must be an integer."),
    ]


def test_it_accepts_and_names_an_unknown_extra_field(definitions):
    item = {"name": "utmSource", "value": "partner-42"}

    assert _problems([item, {"name": "client.unheardOf", "value": "x"}]) == []
    assert extra_field_name(item) == "utmSource"


def test_it_names_an_item_sent_by_definition_id_with_its_prefix(definitions):
    assert extra_field_name({"id": definitions["since"].pk, "value": "2020-01-01"}) == "loanApplication.since"
    assert extra_field_name({"id": 999_999_999, "value": "x"}) is None


def test_it_rejects_an_id_that_is_no_definition(definitions):
    assert _problems([{"id": 999_999_999, "value": "x"}]) == [
        ("UNKNOWN_REFERENCE", "extraFields[0].id", "999999999 is not an extra-field definition.")
    ]


def test_it_rejects_a_reference_value_that_is_not_an_active_item(definitions):
    reference_items_set_active(item_ids=[102412], is_active=False)
    items = [
        {"name": "loanApplication.store", "value": "102412"},
        {"name": "loanApplication.store", "value": "643"},
        {"name": "loanApplication.store", "value": "shop"},
        {"name": "loanApplication.store", "value": "102411"},
    ]

    assert _problems(items) == [
        ("UNKNOWN_REFERENCE", "extraFields[0].value", "102412 is not an active item of store_type."),
        ("UNKNOWN_REFERENCE", "extraFields[1].value", "643 is not an active item of store_type."),
        ("INVALID_FORMAT", "extraFields[2].value", "loanApplication.store must be the id of a reference item."),
    ]


def test_it_refuses_one_client_name_with_two_types(definitions):
    with pytest.raises(DomainError) as caught:
        extra_field_define(target="client_company", name="visits", field_type="string", label="Visits")

    assert caught.value.problems[0].message == (
        "client.visits is defined for client_person as integer; it must have the same type here."
    )
    shared = extra_field_define(target="client_company", name="visits", field_type="integer", label="Visits")
    assert shared.full_name == "client.visits"


def test_it_refuses_a_definition_id_sent_with_another_fields_name(definitions):
    items = [{"id": definitions["note"].pk, "name": "contract.limit", "value": "abc"}]

    assert _problems(items) == [
        (
            "INVALID_FORMAT",
            "extraFields[0].name",
            f"Definition {definitions['note'].pk} is contract.note, not contract.limit.",
        )
    ]


def test_it_reads_a_definition_id_sent_as_a_string(definitions):
    item = {"id": str(definitions["visits"].pk), "value": "x"}

    assert extra_field_name(item) == "client.visits"
    assert _problems([item]) == [("INVALID_FORMAT", "extraFields[0].value", "client.visits must be an integer.")]
