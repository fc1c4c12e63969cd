"""A relative's passport has the shape of the client's identity document, and one masking."""

import importlib

import pytest
from django.apps import apps as django_apps

from clients.admin.masking import mask_document
from leads.models import Lead
from tests.factories import ClientFactory
from tests.leads.conftest import person, post_lead

PASSPORT = {"seria": "45 10", "no": "123 456", "issueDate": "2015-01-01", "complementaryDocTypeId": 102123}


def test_it_keeps_a_relatives_passport_as_the_clients_is_kept(api):
    body = person(passport=PASSPORT, relatives=[{"firstName": "Анна", "passport": PASSPORT}])

    client = Lead.objects.get(pk=post_lead(api, body).json()["data"]).client
    relative = client.relatives.get()
    own = client.documents.get()

    assert relative.passport == {"series": "45 10", "number": "123 456", "issue_date": "2015-01-01",
                                 "document_type_id": 102123}  # fmt: skip
    assert relative.document is not None
    assert (relative.document.series, relative.document.number) == (own.series, own.number)
    assert mask_document(relative.document) == mask_document(own) == "•• •• ••• 456"


def test_it_reads_a_relatives_passport_back_in_the_contracts_names(api):
    body = person(
        relatives=[{"firstName": "Анна", "passport": {"seria": "4510", "no": "123456", "issueDate": "2015-01-01"}}]
    )
    lead = api.get(f"/api/v1/leads/{post_lead(api, body).json()['data']}").json()["data"]

    client = api.get(f"/api/v1/clients/{lead['clientId']}").json()["data"]

    assert client["relatives"][0]["passport"] == {"seria": "4510", "no": "123456", "issueDate": "2015-01-01"}


@pytest.mark.django_db
def test_it_migrates_stored_relative_passports_to_the_document_shape_and_back():
    # The migration only rekeys JSON (its schema part changes no column), so its functions are run
    # on the current models: a transactional migrate back and forth would reload every seeded row.
    migration = importlib.import_module("clients.migrations.0010_relative_passport_as_document")
    client = ClientFactory()
    sent = {"seria": "4010", "no": "777888", "issueDate": "2015-01-01", "complementaryDocTypeId": "102123"}
    with_passport = client.relatives.create(first_name="Анна", passport=sent)
    without = client.relatives.create(first_name="Пётр")

    migration.forwards(django_apps, None)

    with_passport.refresh_from_db()
    assert with_passport.passport == {
        "series": "4010", "number": "777888", "issue_date": "2015-01-01", "document_type_id": 102123
    }  # fmt: skip
    assert mask_document(with_passport.document) == "•••• •••888"
    without.refresh_from_db()
    assert without.passport is None

    migration.backwards(django_apps, None)

    with_passport.refresh_from_db()
    assert with_passport.passport == sent
