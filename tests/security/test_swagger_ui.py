"""Swagger UI comes from our own static files: no third-party script on the admin's origin."""

import pytest
from django.contrib.staticfiles import finders

from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


def test_it_serves_swagger_ui_from_our_own_static_files(client):
    client.force_login(StaffUserFactory())

    page = client.get("/api/docs/").content.decode()

    assert "cdn" not in page.lower()
    assert "swagger-ui-dist@" not in page
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert "<script>" not in page
