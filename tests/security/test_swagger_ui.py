"""Swagger UI comes from our own static files: no third-party script on the admin's origin."""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.http import StreamingHttpResponse
from django.test import Client

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


def test_it_serves_swagger_ui_files_itself_under_gunicorn_without_debug(settings, tmp_path):
    # gunicorn serves no static files, and DEBUG is off in production: without this the page
    # behind /api/docs/ (and the admin's styles) answered 404 and Swagger UI was blank.
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)

    answer = Client().get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")

    assert answer.status_code == 200
    assert isinstance(answer, StreamingHttpResponse)
    assert b"SwaggerUIBundle" in b"".join(answer.streaming_content)
