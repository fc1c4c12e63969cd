"""Turns every exception an API view can raise into the envelope, with every problem listed."""

import logging
import math
import re
import traceback
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.settings import api_settings

from leadcore.api.envelope import error
from leadcore.api.errors import ApiErrorCode, error_status
from leadcore.db import discard_broken_connections
from leadcore.errors import DomainError, Problem

logger = logging.getLogger(__name__)

_KNOWN_CODES = {code.value for code in ApiErrorCode}

# DRF's `ValidationError.detail`: messages nested in lists and dicts, shaped like the input.
ErrorTree = ErrorDetail | list["ErrorTree"] | dict[str, "ErrorTree"]


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = ApiErrorCode.PAYLOAD_TOO_LARGE


def validation_problems(detail: ErrorTree, path: str = "") -> list[Problem]:
    """Flatten DRF's nested error detail into problems keyed by JSON path (`a.b[1].c`)."""
    if isinstance(detail, dict):
        problems = []
        for key, value in detail.items():
            if key == api_settings.NON_FIELD_ERRORS_KEY:
                problems += validation_problems(value, path)
            elif isinstance(key, int):
                problems += validation_problems(value, f"{path}[{key}]")
            else:
                problems += validation_problems(value, f"{path}.{key}" if path else str(key))
        return problems
    if isinstance(detail, list):
        if all(isinstance(item, (dict, list)) for item in detail) and detail:
            problems = []
            for index, item in enumerate(detail):
                problems += validation_problems(item, f"{path}[{index}]")
            return problems
        return [p for item in detail for p in validation_problems(item, path)]
    code = getattr(detail, "code", None) or ApiErrorCode.INVALID_FORMAT
    if code not in _KNOWN_CODES and not str(code).isupper():
        code = ApiErrorCode.INVALID_FORMAT
    return [Problem(code=str(code), field=path or None, message=str(detail))]


_STATUS_CODES = {
    exceptions.NotAuthenticated: ApiErrorCode.NOT_AUTHENTICATED,
    exceptions.AuthenticationFailed: ApiErrorCode.NOT_AUTHENTICATED,
    exceptions.PermissionDenied: ApiErrorCode.PERMISSION_DENIED,
    exceptions.NotFound: ApiErrorCode.NOT_FOUND,
    exceptions.MethodNotAllowed: ApiErrorCode.METHOD_NOT_ALLOWED,
    exceptions.ParseError: ApiErrorCode.MALFORMED_REQUEST,
    exceptions.UnsupportedMediaType: ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
    exceptions.NotAcceptable: ApiErrorCode.MALFORMED_REQUEST,
    PayloadTooLarge: ApiErrorCode.PAYLOAD_TOO_LARGE,
    exceptions.Throttled: ApiErrorCode.RATE_LIMITED,
}


_PATH_PARTS = re.compile(r"(\[\d+\]|\.)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_LONG_NUMBER = re.compile(r"\d{5}")


def _loggable_path(path: str | None) -> str:
    """A JSON path with every key that is not a plain name shown as `?`.

    Keys come from the body: one holding a line break would forge log lines, one holding digits
    may be a card or passport number.
    """
    if not path:
        return "-"
    parts = _PATH_PARTS.split(path)
    return "".join(
        part if _PATH_PARTS.fullmatch(part) or (_NAME.fullmatch(part) and not _LONG_NUMBER.search(part)) else "?"
        for part in parts
        if part
    )


def _log_rejection(problems: list[Problem], status: int, context: Mapping[str, Any]) -> None:
    # Codes and paths only: messages may quote what was sent, and that may be personal data.
    view = context.get("view")
    summary = ", ".join(f"{p.code}@{_loggable_path(p.field)}" for p in problems[:20])
    logger.info("Rejected %s with %s: %s", type(view).__name__ if view else "?", status, summary)


def envelope_exception_handler(exc: Exception, context: dict) -> Response:
    if isinstance(exc, DomainError):
        status_code = error_status(exc.problems)
        _log_rejection(exc.problems, status_code, context)
        return error(exc.problems, status_code)
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, exceptions.ValidationError):
        problems = validation_problems(exc.detail)
        _log_rejection(problems, status.HTTP_400_BAD_REQUEST, context)
        return error(problems, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, exceptions.APIException):
        code = next((c for t, c in _STATUS_CODES.items() if isinstance(exc, t)), None)
        problem = Problem(code=code or ApiErrorCode.INVALID_FORMAT, field=None, message=str(exc.detail))
        response = error([problem], exc.status_code)
        if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
            response["WWW-Authenticate"] = 'Token realm="api"'
        # DRF sets `Throttled.wait` in its __init__; the stubs leave the attribute out.
        wait: float | None = getattr(exc, "wait", None) if isinstance(exc, exceptions.Throttled) else None
        if wait is not None:
            response["Retry-After"] = str(math.ceil(wait))
        return response

    if isinstance(exc, (OperationalError, InterfaceError)):
        # The connection dropped or the server refused it: worth a retry once the database is back,
        # which the next request finds on a fresh connection.
        discard_broken_connections()
        _log_unexpected(f"Database unavailable ({type(exc).__name__})", exc, context)
        problem = Problem(ApiErrorCode.DATABASE_UNAVAILABLE, None, "The database is unavailable; retry later.")
        return error([problem], status.HTTP_503_SERVICE_UNAVAILABLE)

    _log_unexpected(f"Unhandled {type(exc).__name__}", exc, context)
    problem = Problem(code=ApiErrorCode.INTERNAL_ERROR, field=None, message="Internal error.")
    return error([problem], status.HTTP_500_INTERNAL_SERVER_ERROR)


def _log_unexpected(headline: str, exc: BaseException, context: Mapping[str, Any]) -> None:
    # The exception's message may quote personal data (an IntegrityError repeats the row's
    # values), so only its type (in the headline) and the stack are logged.
    view = context.get("view")
    logger.error(
        "%s in %s\n%s",
        headline,
        type(view).__name__ if view else "?",
        "".join(traceback.format_tb(exc.__traceback__)),
    )
