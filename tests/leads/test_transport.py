"""What the real server does with bodies and headers Django never sees as sent: chunked bodies and
NUL bytes in headers get an answer in the envelope at once, never a misreading and never a hang."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leads.models import Lead

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("TEST_SERVER_PORT", "8101"))
BODY = b'{"firstName": "Anna", "mobilePhone": "79160000000"}'
CHUNKED = b"%x\r\n%s\r\n0\r\n\r\n" % (len(BODY), BODY)


def _request(head: bytes, body: bytes = b"", *, wait: float = 5.0) -> tuple[int, dict, bytes]:
    """Sends raw bytes; the status, headers and body of the answer, which must come within `wait` s."""
    with socket.create_connection(("127.0.0.1", PORT), timeout=wait) as sock:
        sock.sendall(head + b"\r\n" + body)
        received = b""
        while chunk := sock.recv(65536):  # the server closes the connection after its answer
            received += chunk
    head_part, _, payload = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head_part.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in header_lines)}
    if headers.get("transfer-encoding") == "chunked":
        payload = _unchunk(payload)
    return int(status_line.split()[1]), headers, payload


def _unchunk(data: bytes) -> bytes:
    out = b""
    while data:
        size, _, rest = data.partition(b"\r\n")
        if not int(size, 16):
            break
        out, data = out + rest[: int(size, 16)], rest[int(size, 16) + 2 :]
    return out


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """gunicorn as production runs it (sync workers, the project's gunicorn.conf.py) on PORT."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'unused.sqlite3'}",
        "SECRET_KEY": "transport-tests-only",
        "SECURE_HTTPS": "false",
        # The database is never migrated: the rate limits count in the worker's memory instead.
        "CACHE_URL": "locmemcache://",
    }
    command = [sys.executable, "-m", "gunicorn", "leadcore.wsgi", "-c", "gunicorn.conf.py"]
    command += ["-w", "1", "-t", "20", "-b", f"127.0.0.1:{PORT}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"gunicorn did not start: {server.communicate(timeout=5)[1].decode()[-2000:]}")
            time.sleep(0.1)
    yield server
    server.send_signal(signal.SIGINT)  # quick shutdown: nothing is in flight
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


def _post_head(path: str, *extra: bytes) -> bytes:
    lines = [b"POST " + path.encode() + b" HTTP/1.1", b"Host: 127.0.0.1", b"Content-Type: application/json", *extra]
    return b"".join(line + b"\r\n" for line in lines)


def _envelope_error(payload: bytes) -> dict:
    body = json.loads(payload)
    assert (body["status"], body["data"], len(body["errors"])) == ("error", None, 1)
    return body["errors"][0]


@pytest.mark.parametrize("path", ["/api/v1/leads", "/api/v1/leads/validate", "/bs-core/main/leads"])
def test_it_answers_a_chunked_body_with_411_through_gunicorn(gunicorn, path):
    status, headers, payload = _request(_post_head(path, b"Transfer-Encoding: chunked"), CHUNKED)

    assert status == 411
    assert headers["content-type"] == "application/json"
    assert _envelope_error(payload)["code"] == "LENGTH_REQUIRED"


def test_it_answers_a_chunked_body_that_never_ends_at_once(gunicorn):
    status, _, payload = _request(_post_head("/api/v1/leads", b"Transfer-Encoding: chunked"), CHUNKED[:10], wait=3)

    assert status == 411
    assert _envelope_error(payload)["code"] == "LENGTH_REQUIRED"


@pytest.mark.parametrize("header", [b"X-Trace: a\x00b", b"Authorization: Token a\x00b"])
def test_it_answers_a_nul_in_a_header_in_the_envelope_through_gunicorn(gunicorn, header):
    status, headers, payload = _request(_post_head("/api/v1/leads", header, b"Content-Length: %d" % len(BODY)), BODY)

    assert status == 400
    assert headers["content-type"] == "application/json"
    assert _envelope_error(payload)["code"] == "MALFORMED_REQUEST"


def test_it_still_serves_a_body_with_a_content_length_through_gunicorn(gunicorn):
    status, _, payload = _request(_post_head("/api/v1/leads", b"Content-Length: %d" % len(BODY)), BODY)

    assert status == 401
    assert _envelope_error(payload)["code"] == "NOT_AUTHENTICATED"


@pytest.mark.django_db
def test_it_refuses_a_chunked_body_before_reading_it(api):
    response = api.post("/api/v1/leads", BODY, content_type="application/json", HTTP_TRANSFER_ENCODING="chunked")

    assert response.status_code == 411
    assert response.json()["errors"][0]["code"] == "LENGTH_REQUIRED"
    assert not response.has_header("Content-Length")
    assert not Lead.objects.exists()


def test_it_refuses_a_chunked_body_outside_the_api_in_plain_text(client):
    response = client.post("/admin/login/", b"x", content_type="text/plain", HTTP_TRANSFER_ENCODING="chunked")

    assert response.status_code == 411
    assert response["Content-Type"].startswith("text/plain")
