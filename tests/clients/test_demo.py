"""`manage.py load_demo`: the demo legal entity, manager, admin and operator, once."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from clients.models import LegalEntity, Manager
from leadcore.api.models import ApiToken
from leadcore.api.tokens import key_digest


def test_it_creates_the_demo_records_once(db):
    call_command("load_demo")
    call_command("load_demo")

    assert Manager.objects.get(pk=1010812).legal_entity == LegalEntity.objects.get()
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    operator = users.get(username="operator")
    assert (operator.is_staff, operator.is_superuser) == (True, False)
    assert list(operator.groups.values_list("name", flat=True)) == ["Operators"]


def test_it_prints_an_api_token_as_the_last_word(db, capsys):
    call_command("create_api_token", "partner-1")
    key = capsys.readouterr().out.split()[-1]

    assert ApiToken.objects.get(user__username="partner-1").digest == key_digest(key)
    assert not get_user_model().objects.get(username="partner-1").has_usable_password()
