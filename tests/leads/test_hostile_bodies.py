"""Bodies built to break the server: deep nesting and lone surrogates get a clear 400, nothing stored."""

import json

import pytest

from leadcore.api.parsers import ESCAPED_NUL, MAX_DEPTH, has_escaped_nul
from leads.models import Lead
from tests.leads.conftest import person

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/leads", "/api/v1/leads/validate"]


def nested(depth: int, *, leaf=None, key: str | None = None):
    """A value `depth` containers deep: lists, or objects under `key`."""
    value = leaf
    for _ in range(depth):
        value = {key: value} if key else [value]
    return value


def post_raw(api, path: str, body: str):
    return api.post(path, body.encode("utf-8"), content_type="application/json")


def only_error(response) -> dict:
    body = response.json()
    assert (body["status"], body["data"], len(body["errors"])) == ("error", None, 1)
    return body["errors"][0]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("depth", [MAX_DEPTH, 470, 476, 500, 947, 100_000])
def test_it_rejects_a_body_nested_deeper_than_the_limit(api, path, depth):
    body = '{"firstName": "Анна", "mobilePhone": "79160000000", "x": ' + "[" * depth + "]" * depth + "}"

    response = post_raw(api, path, body)

    assert response.status_code == 400
    error = only_error(response)
    assert error["code"] == "INVALID_FORMAT"
    assert f"{MAX_DEPTH} levels" in error["message"]
    assert not Lead.objects.exists()


@pytest.mark.parametrize("path", ENDPOINTS)
def test_it_rejects_deep_objects_inside_a_known_property(api, path):
    body = person(addressData={"fiasChain": nested(MAX_DEPTH, leaf="x", key="parent")})

    response = api.post(path, body, format="json")

    assert response.status_code == 400
    assert only_error(response)["code"] == "INVALID_FORMAT"
    assert not Lead.objects.exists()


def test_it_accepts_a_body_as_deep_as_the_limit(api):
    body = person(addressData={"regionName": "г Москва", "fiasChain": nested(MAX_DEPTH - 2, leaf="x", key="p")})

    response = api.post("/api/v1/leads", body, format="json")

    assert response.status_code == 200, response.json()
    assert Lead.objects.get().payload["addressData"]["fiasChain"] == nested(MAX_DEPTH - 2, leaf="x", key="p")


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(
    "fragment",
    ['"x": "\\udfff"', '"\\udfff": "x"', '"lastName": "a\\ud800"', '"extraFields": [{"name": "n", "value": "\\ud83d"}]',
     '"addressData": {"attributes": {"\\udc00k": "v"}}'],
    ids=["value", "key", "known-value", "extra-field", "nested-key"],
)  # fmt: skip
def test_it_rejects_a_lone_surrogate_anywhere(api, path, fragment):
    body = '{"firstName": "Анна", "mobilePhone": "79160000000", ' + fragment + "}"

    response = post_raw(api, path, body)

    assert response.status_code == 400
    error = only_error(response)
    assert error["code"] == "INVALID_FORMAT"
    assert "surrogate" in error["message"]
    assert not Lead.objects.exists()


def test_it_accepts_a_surrogate_pair_as_the_character_it_encodes(api):
    body = '{"firstName": "Анна \\ud83d\\ude00", "mobilePhone": "79160000000"}'

    response = post_raw(api, "/api/v1/leads", body)

    assert response.status_code == 200, response.json()
    assert json.dumps(Lead.objects.get().payload["firstName"]) == '"\\u0410\\u043d\\u043d\\u0430 \\ud83d\\ude00"'


def test_it_finds_an_escaped_nul_exactly_where_the_full_pattern_does():
    # The quick substring test may only skip texts the pattern cannot match: every text made of
    # backslashes, the escape's letters and others, up to six characters, against the pattern.
    pieces = ["\\", "u", "0", "000", "0000", "x", '"']
    texts = [""]
    for _ in range(6):
        texts = list({t + p for t in texts for p in pieces if len(t + p) <= 8})
        for text in texts:
            assert has_escaped_nul(text) == bool(ESCAPED_NUL.search(text)), text
    assert has_escaped_nul('{"a": "x\\u0000"}')
    assert not has_escaped_nul('{"a": "x\\\\u0000"}')
