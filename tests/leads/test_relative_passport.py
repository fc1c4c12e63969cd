"""A relative's passport has the shape of the client's identity document, and one masking."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from clients.admin.masking import mask_document
from leads.models import Lead
from tests.leads.conftest import person, post_lead

PASSPORT = {"seria": "45 10", "no": "123 456", "issueDate": "2015-01-01", "complementaryDocTypeId": 102123}


def test_it_keeps_a_relatives_passport_as_the_clients_is_kept(api):
    body = person(passport=PASSPORT, relatives=[{"firstName": "Анна", "passport": PASSPORT}])

    client = Lead.objects.get(pk=post_lead(api, body).json()["data"]).client
    relative = client.relatives.get()
    own = client.documents.get()

    assert relative.passport == {"series": "45 10", "number": "123 456", "issue_date": "2015-01-01",
                                 "document_type_id": 102123}  # fmt: skip
    assert (relative.document.series, relative.document.number) == (own.series, own.number)
    assert mask_document(relative.document) == mask_document(own) == "•• •• ••• 456"


def test_it_reads_a_relatives_passport_back_in_the_contracts_names(api):
    body = person(
        relatives=[{"firstName": "Анна", "passport": {"seria": "4510", "no": "123456", "issueDate": "2015-01-01"}}]
    )
    lead = api.get(f"/api/v1/leads/{post_lead(api, body).json()['data']}").json()["data"]

    client = api.get(f"/api/v1/clients/{lead['clientId']}").json()["data"]

    assert client["relatives"][0]["passport"] == {"seria": "4510", "no": "123456", "issueDate": "2015-01-01"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_migrates_stored_relative_passports_to_the_document_shape_and_back():
    before, after = [("clients", "0009_translatable_names")], [("clients", "0010_relative_passport_as_document")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    client = old_apps.get_model("clients", "Client").objects.create(first_name="Ольга", mobile_phone="79160000000")
    relatives = old_apps.get_model("clients", "Relative").objects
    sent = {"seria": "4010", "no": "777888", "issueDate": "2015-01-01", "complementaryDocTypeId": "101"}
    with_passport = relatives.create(client=client, first_name="Анна", passport=sent)
    without = relatives.create(client=client, first_name="Пётр")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new_relatives = executor.loader.project_state(after).apps.get_model("clients", "Relative").objects

    assert new_relatives.get(pk=with_passport.pk).passport == {
        "series": "4010", "number": "777888", "issue_date": "2015-01-01", "document_type_id": 101
    }  # fmt: skip
    assert new_relatives.get(pk=without.pk).passport is None

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    assert relatives.get(pk=with_passport.pk).passport == sent
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
