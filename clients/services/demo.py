"""The demo set-up: a legal entity, manager 1010812, an admin and an operator, created once."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from clients.groups import OPERATORS
from clients.models import LegalEntity, Manager

DEMO_MANAGER_ID = 1010812


@dataclass(frozen=True)
class DemoSetup:
    legal_entity: LegalEntity
    manager: Manager
    admin_created: bool
    operator_created: bool


@transaction.atomic
def demo_setup(
    *, admin_username: str, admin_password: str, operator_username: str, operator_password: str
) -> DemoSetup:
    legal_entity, _ = LegalEntity.objects.get_or_create(
        contract_prefix="DEMO",
        defaults={"name": "ООО МФК «Демо»", "inn": "7707083893", "ogrn": "1027700132195"},
    )
    manager, _ = Manager.objects.get_or_create(
        pk=DEMO_MANAGER_ID, defaults={"full_name": "Демо Менеджер", "legal_entity": legal_entity}
    )
    user_model = get_user_model()
    admin_created = not user_model.objects.filter(username=admin_username).exists()
    if admin_created:
        user_model.objects.create_superuser(username=admin_username, email="", password=admin_password)
    operator_created = not user_model.objects.filter(username=operator_username).exists()
    if operator_created:
        operator = user_model.objects.create_user(username=operator_username, password=operator_password, is_staff=True)
        operator.groups.add(Group.objects.get(name=OPERATORS))
    return DemoSetup(
        legal_entity=legal_entity, manager=manager, admin_created=admin_created, operator_created=operator_created
    )
