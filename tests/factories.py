"""factory_boy factories for the records every feature's tests need."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from clients.models import (
    Address,
    AddressKind,
    Client,
    ClientKind,
    Contract,
    CreditProduct,
    IdentityDocument,
    LegalEntity,
    LoanApplication,
    Manager,
)

STAFF_PASSWORD = "staff-pass-123"


class ApiUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"integrator{n}")


class StaffUserFactory(ApiUserFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.django.Password(STAFF_PASSWORD)


class LegalEntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalEntity

    name = factory.Sequence(lambda n: f"МФК Пример {n}")
    contract_prefix = factory.Sequence(lambda n: f"E{n}")


class ManagerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Manager

    id = factory.Sequence(lambda n: 5000000 + n)
    full_name = factory.Sequence(lambda n: f"Менеджер {n}")
    legal_entity = factory.SubFactory(LegalEntityFactory)


class CreditProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditProduct

    id = factory.Sequence(lambda n: 9000000 + n)
    name = factory.Sequence(lambda n: f"Продукт {n}")


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    kind = ClientKind.PERSON
    last_name = "Иванов"
    first_name = factory.Sequence(lambda n: f"Иван{n}")
    patronymic = "Иванович"
    mobile_phone = factory.Sequence(lambda n: f"7916{n:07d}")


class IdentityDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IdentityDocument

    client = factory.SubFactory(ClientFactory)
    series = "4510"
    number = factory.Sequence(lambda n: f"{100000 + n}")


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    client = factory.SubFactory(ClientFactory)
    kind = AddressKind.ACTUAL
    region_name = "г Москва"
    locality_name = "г Москва"
    street_name = "ул Тверская"
    house_no = "7"


class LoanApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LoanApplication

    client = factory.SubFactory(ClientFactory)
    amount = Decimal("30000.00")
    period = 30
    period_unit = "DAYS"


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    application = factory.SubFactory(LoanApplicationFactory, status="approved")
    client = factory.SelfAttribute("application.client")
    number = factory.Sequence(lambda n: f"T-{n:09d}")
    amount = factory.SelfAttribute("application.amount")
