"""Log lines say what happened in codes, ids and paths: nothing of a request body reaches them verbatim."""

import pytest

from tests.leads.conftest import person, post_lead

pytestmark = pytest.mark.django_db

FORGED = "Lead 999999: client 1 (created), application 1, contract 1"


@pytest.mark.parametrize(
    "body",
    [
        person(addressData={"attributes": {f"x\n{FORGED}": ["not text"]}}),
        person(addressData={"attributes": {f"x\r\n{FORGED}": ["not text"]}}),
        {"relatives": [{"firstName": "A", "passport": {"no": "503682"}}], f"\n{FORGED}": 1, "firstName": "x" * 100},
    ],
    ids=["newline", "crlf", "unknown-key"],
)
def test_it_never_lets_a_key_of_the_body_forge_a_log_line(api, caplog, body):
    with caplog.at_level("DEBUG"):
        response = post_lead(api, body)

    assert response.status_code == 400
    lines = [line for record in caplog.records for line in record.getMessage().splitlines()]
    assert lines
    assert not [line for line in lines if "999999" in line or line.startswith("Lead")]


def test_it_logs_a_rejected_path_of_known_names_and_hides_other_keys(api, caplog):
    body = person(addressData={"attributes": {"4717839200068648": ["not text"], "note 503682": ["x"]}})

    with caplog.at_level("INFO"):
        response = post_lead(api, body)

    assert response.status_code == 400
    assert "INVALID_FORMAT@addressData.attributes.?" in caplog.text
    assert "4717839200068648" not in caplog.text
    assert "503682" not in caplog.text
