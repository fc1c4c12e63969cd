import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import StaffUserFactory
from tests.support import api_client_for


@pytest.fixture
def editor_user(db):
    """A staff user holding the Model Editor permission (an administrator)."""
    user = StaffUserFactory()
    user.user_permissions.add(Permission.objects.get(codename="use_model_editor"))
    return user


@pytest.fixture
def operator_user(db):
    """Staff without the Model Editor permission."""
    return StaffUserFactory()


@pytest.fixture
def editor_api(editor_user) -> APIClient:
    return api_client_for(editor_user)
