"""gunicorn's own error answers (a malformed request line or header, which never reaches Django)
in the envelope: API clients get JSON whatever went wrong. Installed by `gunicorn.conf.py`."""

import json

from gunicorn import util

from leadcore.api.envelope import error_body
from leadcore.api.errors import ApiErrorCode, Problem

_CODES = {403: ApiErrorCode.PERMISSION_DENIED, 500: ApiErrorCode.INTERNAL_ERROR}


def write_envelope_error(sock, status_int: int, reason: str, mesg: str) -> None:
    # gunicorn's message quotes the offending header or line: it is left out of the answer.
    code = _CODES.get(status_int, ApiErrorCode.MALFORMED_REQUEST)
    body = json.dumps(error_body([Problem(code, None, f"{reason}.")])).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


def install() -> None:
    util.write_error = write_envelope_error
