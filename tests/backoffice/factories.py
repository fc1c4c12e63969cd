"""Leads built straight in the database, for back-office screens that only read them."""

import factory

from leads.models import ClientMatch, Lead
from tests.factories import ContractFactory


class LeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lead

    contract = factory.SubFactory(ContractFactory)
    loan_application = factory.SelfAttribute("contract.application")
    client = factory.SelfAttribute("contract.client")
    channel = "SITE"
    client_match = ClientMatch.CREATED
    match_details = factory.LazyFunction(lambda: {"fields": [], "scope": ""})
    payload = factory.LazyAttribute(
        lambda lead: {
            "channel": "SITE",
            "lastName": lead.client.last_name,
            "firstName": lead.client.first_name,
            "mobilePhone": lead.client.mobile_phone,
        }
    )
