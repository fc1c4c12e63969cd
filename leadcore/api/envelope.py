"""The one response envelope of every endpoint: `{status, timestamp, data[, errors]}`."""

import time
from typing import Any, Literal, TypedDict

from rest_framework.response import Response

from leadcore.errors import Problem, ProblemBody


def _now_ms() -> int:
    return int(time.time() * 1000)


def ok(data: Any, status: int = 200) -> Response:
    return Response({"status": "ok", "timestamp": _now_ms(), "data": data}, status=status)


class ErrorBody(TypedDict):
    status: Literal["error"]
    timestamp: int
    data: None
    errors: list[ProblemBody]


def error_body(problems: list[Problem]) -> ErrorBody:
    return {
        "status": "error",
        "timestamp": _now_ms(),
        "data": None,
        "errors": [p.as_dict() for p in problems],
    }


def error(problems: list[Problem], status: int) -> Response:
    return Response(error_body(problems), status=status)
