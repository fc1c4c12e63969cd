"""The INSERT parameters `leadcore.inserts` computes the short way equal what Django's own conversion gives."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import JSONField

from clients.models import Address, AddressKind, Client, Contract, Goods, LoanApplication, Relative
from leadcore import insert_columns, inserts
from leadcore.statement import Computed
from leads.models import Lead
from tests.leads.conftest import example, post_lead

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the short way is PostgreSQL's")


@pytest.fixture
def params_compared(monkeypatch):
    """Every row written builds its parameters both ways; the test fails on the first difference."""
    compared: list = []
    short_way = inserts._row_params

    def both_ways(row, plan):
        got = short_way(row, plan)
        for field, value in zip([c.field for c in plan], got, strict=True):
            if _set_on_save(field):
                # now() again would differ by microseconds: the time sent is the row's, and aware.
                if value != getattr(row, field.attname) or value.tzinfo is None:
                    compared.append((type(row).__name__, field.name, value, getattr(row, field.attname)))
                continue
            given = field.pre_save(row, add=True)
            if isinstance(given, Computed):
                # Computed by the lead's statement from parameters in the column's terms.
                value = [_comparable(param) for param in value.params]
                expected = [_comparable(field.get_db_prep_save(param, connection)) for param in given.params]
            else:
                expected = field.get_db_prep_save(given, connection)
            if _comparable(value) != _comparable(expected):
                compared.append((type(row).__name__, field.name, value, expected))
        compared.append(type(row).__name__)
        return got

    values_way = inserts._values_params

    def as_instance(model, values, plan, db, computed=None):
        """Rows given as field values: what the instance `model(**values)` would send."""
        got = values_way(model, values, plan, db, computed)
        if computed is not None:
            assert computed == [i for i, value in enumerate(got) if isinstance(value, Computed)]
        expected = both_ways(model(**values), plan)
        for c, value, instance_value in zip(plan, got, expected, strict=True):
            if isinstance(value, Computed):
                value, instance_value = _computed_comparable(value), _computed_comparable(instance_value)
            if not c.stamped and _comparable(value) != _comparable(instance_value):
                compared.append((model.__name__, c.field.name, value, instance_value))
        compared.append(f"{model.__name__} from values")
        return got

    monkeypatch.setattr(inserts, "_row_params", both_ways)
    monkeypatch.setattr(inserts, "_values_params", as_instance)
    return compared


def _set_on_save(field) -> bool:
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _comparable(value):
    """Jsonb and other adapters compare by what they wrap."""
    return (type(value).__name__, getattr(value, "obj", value))


def _computed_comparable(value):
    return (type(value).__name__, value.sql, [_comparable(param) for param in value.params])


@pytest.mark.parametrize("name", ["individual-full", "company", "minimal"])
def test_it_sends_what_django_would_for_every_row_of_a_lead(name, params_compared, demo_manager, gar_sample, api):
    response = post_lead(api, example(name))

    assert response.status_code == 200, response.json()
    assert [c for c in params_compared if isinstance(c, tuple)] == []
    assert {f"{model} from values" for model in ("LoanApplication", "Contract", "Lead", "Client")} <= set(
        params_compared
    )
    if name == "individual-full":
        children = ("IdentityDocument", "Address", "Relative", "LeadDebt", "Goods")
        assert {f"{model} from values" for model in children} <= set(params_compared)


def test_it_takes_plain_values_as_they_are(db):
    # Decimal(value) makes a new object, so `is` tells the short way from Django's conversion.
    goods = Goods(application_id=7, name="Смартфон", amount=Decimal("32990.00"), quantity=1)
    plan = insert_columns.columns(Goods, keyed=False)

    sent = dict(zip([c.field.name for c in plan], inserts._row_params(goods, plan), strict=True))

    assert sent["amount"] is goods.amount
    assert sent["name"] is goods.name
    assert sent["application"] == 7
    assert sent["created_at"] is not None  # set on save: always Django's way


def test_it_takes_a_choice_as_it_is(db, monkeypatch):
    # A choice is a str subclass, which the column's conversion would hand back as it is.
    address = Address(client_id=7, kind=AddressKind.REGISTRATION, full_address_text="Москва")
    plan = insert_columns.columns(Address, keyed=False)
    kind = next(c.field for c in plan if c.field.name == "kind")
    monkeypatch.setattr(kind, "get_db_prep_save", lambda *args, **kwargs: pytest.fail("converted"))

    sent = dict(zip([c.field.name for c in plan], inserts._row_params(address, plan), strict=True))

    assert sent["kind"] is AddressKind.REGISTRATION


def test_the_values_way_takes_a_choice_as_it_is_each_time(db, monkeypatch):
    # Its type is learned the first time; the second row is sent from what was learned.
    plan = insert_columns.columns(Address, keyed=False)
    kind = next(c.field for c in plan if c.field.name == "kind")
    monkeypatch.setattr(kind, "get_db_prep_save", lambda *args, **kwargs: pytest.fail("converted"))
    at = [c.field.name for c in plan].index("kind")

    for choice in (AddressKind.REGISTRATION, AddressKind.ACTUAL):
        row = {"client_id": 7, "kind": choice, "full_address_text": "Москва"}
        assert inserts._values_params(Address, row, plan, connection)[at] is choice


def test_the_values_way_still_converts_a_decimal_that_is_not_finite(db):
    # A finite Decimal is sent as it is; that says nothing of the next one of the type.
    plan = insert_columns.columns(Goods, keyed=False)
    at = [c.field.name for c in plan].index("amount")
    amount = Decimal("32990.00")
    row = {"application_id": 7, "name": "Смартфон", "quantity": 1}

    assert inserts._values_params(Goods, {**row, "amount": amount}, plan, connection)[at] is amount
    with pytest.raises(ValidationError):
        inserts._values_params(Goods, {**row, "amount": Decimal("NaN")}, plan, connection)


@pytest.mark.parametrize("model", [Client, Address, Relative, LoanApplication, Contract, Lead])
def test_the_json_columns_send_what_django_would(db, model):
    # Given and defaulted, with the field's own encoder: the encoded text too, not only the value.
    values = [{"name": "б", "amount": 1.5, "at": None}, [{"a": "б"}, 1, True], {}, []]
    plan = insert_columns.columns(model, keyed=False)
    columns = [c for c in plan if isinstance(c.field, JSONField)]
    assert columns
    for c in columns:
        for value in values:
            got, expected = insert_columns.value_sent(c, value, connection), c.field.get_db_prep_save(value, connection)
            assert (type(got), got.obj, got.dumps(value)) == (type(expected), expected.obj, expected.dumps(value))
    known = inserts._values_plan(model, keyed=False)
    assert known is not None
    for i, c in enumerate(plan):
        if c in columns and c.field.has_default():
            expected = c.field.get_db_prep_save(c.field.get_default(), connection)
            assert (type(known.template[i]), known.template[i].obj) == (type(expected), expected.obj)
