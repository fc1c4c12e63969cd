"""Authentication and malformed requests: always the envelope, never a 500, nothing stored."""

import pytest

from leads.models import Lead
from tests.support import api_key_for

MINIMAL = {"firstName": "Анна", "mobilePhone": "79160000000"}


def only_error(response) -> dict:
    body = response.json()
    assert body["status"] == "error"
    assert body["data"] is None
    assert len(body["errors"]) == 1
    return body["errors"][0]


def test_it_refuses_a_request_without_a_token(anonymous, db):
    response = anonymous.post("/api/v1/leads", MINIMAL, format="json")

    assert response.status_code == 401
    assert only_error(response)["code"] == "NOT_AUTHENTICATED"
    assert not Lead.objects.exists()


def test_it_refuses_a_wrong_token(anonymous, db):
    anonymous.credentials(HTTP_AUTHORIZATION="Token nope")

    response = anonymous.post("/api/v1/leads", MINIMAL, format="json")

    assert response.status_code == 401
    assert only_error(response)["code"] == "NOT_AUTHENTICATED"


def test_it_accepts_the_cores_bsauth_header(anonymous, api_user):
    key = api_key_for(api_user)

    response = anonymous.post("/bs-core/main/leads", MINIMAL, format="json", HTTP_BSAUTH=key)

    assert response.status_code == 200
    assert Lead.objects.get().api_user == api_user


@pytest.mark.parametrize("path", ["/api/v1/leads/1", "/api/v1/clients/1", "/api/v1/loan-applications/1",
                                  "/api/v1/contracts/1", "/api/v1/leads/find/1,2"])  # fmt: skip
def test_it_requires_a_token_on_every_read(anonymous, db, path):
    response = anonymous.get(path)

    assert response.status_code == 401
    assert only_error(response)["code"] == "NOT_AUTHENTICATED"


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"firstName": "\xff"}', b"[1, 2]", b'"text"', b'{"foo": "x\\u0000y"}',
     b'{"addressData": {"attributes": {"k\\u0000": "v"}}}', b'{"foo": NaN}', b'{"foo": -Infinity}'],
    ids=["broken", "bad-utf8", "array", "string", "nul", "nul-in-key", "nan", "infinity"],
)  # fmt: skip
def test_it_rejects_a_body_that_is_not_a_json_object(api, body):
    response = api.post("/api/v1/leads", body, content_type="application/json")

    assert response.status_code == 400
    assert only_error(response)["code"] == "MALFORMED_REQUEST"
    assert not Lead.objects.exists()


def test_it_rejects_a_five_megabyte_body_with_413(api):
    body = b'{"firstName": "' + b"x" * (5 * 1024 * 1024) + b'"}'

    response = api.post("/api/v1/leads", body, content_type="application/json")

    assert response.status_code == 413
    assert only_error(response)["code"] == "PAYLOAD_TOO_LARGE"


def test_it_rejects_another_media_type(api):
    response = api.post("/api/v1/leads", "firstName=x", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert only_error(response)["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_it_refuses_other_methods_in_the_envelope(api):
    response = api.put("/api/v1/leads", MINIMAL, format="json")

    assert response.status_code == 405
    assert only_error(response)["code"] == "METHOD_NOT_ALLOWED"


def test_it_publishes_an_openapi_schema_of_the_real_shapes(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/leads" in schema["paths"]
    lead_in = schema["components"]["schemas"]["LeadInRequest"]["properties"]
    assert {"firstName", "mobilePhone", "passport", "relatives", "extraFields", "cardCvc"} <= set(lead_in)


def test_it_answers_an_unknown_api_path_in_the_envelope(api):
    response = api.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert only_error(response)["code"] == "NOT_FOUND"


def test_it_answers_a_bad_host_in_the_envelope(api):
    response = api.post("/api/v1/leads", MINIMAL, format="json", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert only_error(response)["code"] == "MALFORMED_REQUEST"
    assert not Lead.objects.exists()


def test_it_generates_a_valid_schema_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))

    assert "/api/v1/leads/{lead_id}" in (tmp_path / "schema.yml").read_text()


def test_it_serves_the_schema_to_token_holders_only(api, anonymous):
    assert anonymous.get("/api/schema/").status_code == 401
    assert api.get("/api/schema/", HTTP_ACCEPT="application/json").status_code == 200


def test_it_shows_swagger_to_staff_after_the_admin_login(client, db):
    from tests.factories import StaffUserFactory

    assert client.get("/api/docs/").status_code == 302
    client.force_login(StaffUserFactory())

    assert client.get("/api/docs/").status_code == 200
    assert client.get("/api/schema/", HTTP_ACCEPT="application/json").status_code == 200
