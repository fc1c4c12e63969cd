"""Managers and products come from a per-process cache: a change is seen by the very next lead."""

import pytest

from clients.models import Contract
from tests.factories import CreditProductFactory, LegalEntityFactory, ManagerFactory
from tests.leads.conftest import person, post_lead

pytestmark = pytest.mark.django_db


def test_it_refuses_a_manager_deactivated_after_a_lead_named_it(api):
    manager = ManagerFactory()
    assert post_lead(api, person(managerId=manager.pk)).status_code == 200

    manager.is_active = False
    manager.save()
    refused = post_lead(api, person(managerId=manager.pk))

    assert refused.status_code == 400
    assert [(e["code"], e["field"]) for e in refused.json()["errors"]] == [("UNKNOWN_REFERENCE", "managerId")]


def test_it_applies_product_limits_changed_after_a_lead_named_the_product(api):
    product = CreditProductFactory(max_amount=50000)
    assert post_lead(api, person(creditProductId=product.pk, amount=30000)).status_code == 200

    product.max_amount = 20000
    product.save()
    refused = post_lead(api, person(creditProductId=product.pk, amount=30000))

    assert refused.status_code == 400
    assert [(e["code"], e["field"]) for e in refused.json()["errors"]] == [("OUT_OF_PRODUCT_LIMITS", "amount")]


def test_it_numbers_contracts_with_the_legal_entity_prefix_changed_after_a_lead(api):
    manager = ManagerFactory(legal_entity=LegalEntityFactory(contract_prefix="OLD"))
    assert post_lead(api, person(managerId=manager.pk)).status_code == 200

    manager.legal_entity.contract_prefix = "NEW"
    manager.legal_entity.save()
    created = post_lead(api, person(managerId=manager.pk, passport={"seria": "4008", "no": "111111"}))

    assert created.status_code == 200
    contract = Contract.objects.order_by("-id").first()
    assert contract is not None
    assert contract.number.startswith("NEW-")


def test_it_refuses_a_product_deleted_after_the_cache_held_it(api):
    kept, deleted = CreditProductFactory(), CreditProductFactory()
    assert post_lead(api, person(creditProductId=kept.pk)).status_code == 200

    deleted_id = deleted.pk
    deleted.delete()
    refused = post_lead(api, person(creditProductId=deleted_id))

    assert refused.status_code == 400
    assert [(e["code"], e["field"]) for e in refused.json()["errors"]] == [("UNKNOWN_REFERENCE", "creditProductId")]
