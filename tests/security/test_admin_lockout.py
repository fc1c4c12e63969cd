"""The admin login: five wrong passwords for one user from one address lock them out 15 minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff():
    return StaffUserFactory(username="clerk")


def _login(client, password: str, address: str = "10.1.1.1"):
    return client.post(LOGIN, {"username": "clerk", "password": password}, REMOTE_ADDR=address)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_it_refuses_even_the_right_password_after_five_failures(client, staff):
    for _ in range(5):
        _login(client, "wrong")

    response = _login(client, "staff-pass-123")

    assert response.status_code == 429
    assert not _signed_in(client)


def test_it_lets_a_user_in_after_four_failures(client, staff):
    for _ in range(4):
        _login(client, "wrong")

    _login(client, "staff-pass-123")

    assert _signed_in(client)


def test_it_locks_one_address_out_not_another(client, staff):
    for _ in range(5):
        _login(client, "wrong")

    _login(client, "staff-pass-123", address="10.2.2.2")

    assert _signed_in(client)


def test_it_lets_the_user_in_again_after_fifteen_minutes(client, staff):
    for _ in range(5):
        _login(client, "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))

    _login(client, "staff-pass-123")

    assert _signed_in(client)


def test_an_administrator_sees_the_lockout_in_the_admin(client, staff):
    for _ in range(5):
        _login(client, "wrong")
    administrator = StaffUserFactory()
    administrator.groups.add(Group.objects.get(name="Administrators"))
    client.force_login(administrator)

    page = client.get("/admin/axes/accessattempt/")

    assert page.status_code == 200
    text = page.content.decode()
    assert "clerk" in text
    assert "10.1.1.1" in text
