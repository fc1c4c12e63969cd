import pytest
from django.db import IntegrityError, transaction
from rest_framework import serializers

from clients.models import Address, Client, Contract, Goods, IdentityDocument, LeadDebt, LoanApplication, Relative
from leads.intake.fields import ItemList
from leads.intake.mapping import CLIENT_FIELDS
from leads.intake.shape import LEAD_IN
from leads.models import Lead
from modeleditor.catalogue import CATALOGUE, LOCKED
from modeleditor.fieldkinds import Kind, Record
from modeleditor.fieldmap import ADDITIONAL_ADDRESS, DEBT, GOODS, LEAD, PASSPORT, RELATIVE, record_fields
from modeleditor.models import ReferenceList, RequiredFieldRule

RECORD_MODELS = {
    Record.CLIENT: Client,
    Record.APPLICATION: LoanApplication,
    Record.CONTRACT: Contract,
    Record.LEAD: Lead,
}
SHAPE_MODELS = {
    PASSPORT: IdentityDocument,
    ADDITIONAL_ADDRESS: Address,
    RELATIVE: Relative,
    DEBT: LeadDebt,
    GOODS: Goods,
}


def _all_props(shape):
    for prop in shape.props:
        yield prop
        if prop.shape is not None:
            yield from _all_props(prop.shape)


def test_it_maps_every_property_onto_a_field_its_model_has():
    for record, model in RECORD_MODELS.items():
        for field in record_fields(record).values():
            model._meta.get_field(field)
    for shape, model in SHAPE_MODELS.items():
        for field in shape.fields().values():
            model._meta.get_field(field)


def test_it_names_only_reference_lists_that_exist():
    named = {prop.reference for prop in _all_props(LEAD) if prop.kind == Kind.REFERENCE}

    assert named <= set(ReferenceList.values)
    assert all(prop.reference for prop in _all_props(LEAD) if prop.kind == Kind.REFERENCE)


def test_it_builds_the_intake_shape_from_the_table():
    assert list(LEAD_IN.fields) == [prop.name for prop in LEAD.props]
    relatives, addresses = LEAD_IN.fields["relatives"], LEAD_IN.fields["addresses"]
    assert isinstance(relatives, ItemList)
    assert isinstance(addresses, ItemList)
    assert isinstance(relatives.child, serializers.Serializer)
    passport = relatives.child.fields["passport"]
    assert isinstance(passport, serializers.Serializer)
    assert type(passport).__name__ == "PassportIn"
    assert list(passport.fields) == list(PASSPORT.fields())
    assert addresses.max_items == 10
    assert CLIENT_FIELDS["mobilePhone"] == "mobile_phone"


def test_it_catalogues_the_model_columns_the_mapping_writes():
    person = {spec.path: spec for spec in CATALOGUE["client_person"]}

    assert person["passport.seria"].column == "series"
    assert person["passport.seria"].model == "clients.IdentityDocument"
    assert person["registrationAddressData.countryId"].where == (("kind", "registration"),)
    assert {spec.column for spec in CATALOGUE["contract"] if spec.path == "managerId"} == {"legal_entity"}


@pytest.mark.django_db
def test_it_locks_the_system_required_fields_from_the_one_flag():
    assert {
        "client_person": {"firstName", "mobilePhone"},
        "client_company": {"firstName", "mobilePhone", "title"},
        "loan_application": set(),
        "contract": set(),
    } == LOCKED
    rule = RequiredFieldRule.objects.get(target="client_company", path="title")
    rule.is_required = False
    with pytest.raises(IntegrityError), transaction.atomic():
        rule.save()
    person_title = RequiredFieldRule.objects.filter(target="client_person", path="title")
    assert not person_title.exists()
