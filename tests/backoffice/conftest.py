import pytest
from django.contrib.auth.models import Group
from django.test import Client as BrowserClient

from tests.factories import StaffUserFactory


def _member(group_name: str):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def operator(db):
    return _member("Operators")


@pytest.fixture
def administrator(db):
    return _member("Administrators")


@pytest.fixture
def as_operator(operator) -> BrowserClient:
    browser = BrowserClient()
    browser.force_login(operator)
    return browser


@pytest.fixture
def as_administrator(administrator) -> BrowserClient:
    browser = BrowserClient()
    browser.force_login(administrator)
    return browser
