"""The one response envelope of every endpoint: `{status, timestamp, data[, errors]}`."""

import time
from typing import Any

from rest_framework.response import Response

from leadcore.api.errors import Problem


def _now_ms() -> int:
    return int(time.time() * 1000)


def ok(data: Any, status: int = 200) -> Response:
    return Response({"status": "ok", "timestamp": _now_ms(), "data": data}, status=status)


def error_body(problems: list[Problem]) -> dict[str, Any]:
    return {
        "status": "error",
        "timestamp": _now_ms(),
        "data": None,
        "errors": [p.as_dict() for p in problems],
    }


def error(problems: list[Problem], status: int) -> Response:
    return Response(error_body(problems), status=status)
