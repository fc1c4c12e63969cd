"""Log lines say what happened in codes, ids and paths: nothing of a request body reaches them verbatim."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.leads.conftest import person, post_lead

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
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


def test_it_writes_its_log_to_standard_output():
    # A supervisor that pipes stderr and reads it only on failure would block the workers once the
    # pipe filled with per-lead lines; the event stream goes to stdout, as process managers expect.
    code = "import logging; logging.getLogger('leads.services').info('lead line')"
    env = {**os.environ, "LOG_LEVEL": "INFO", "SECRET_KEY": os.environ.get("SECRET_KEY", "test-only")}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert "lead line" in done.stdout
    assert "lead line" not in done.stderr
