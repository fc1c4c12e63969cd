"""Error codes shared by every endpoint, and the HTTP status each code answers with.

Domain code raises `leadcore.errors.DomainError` with coded problems and no status. The status of
the answer is chosen here from the codes: the shared codes below, plus the codes each app's API
layer registers with `error_statuses_register` when its `apis.py` is imported (the URLconf imports
it before any of its views runs). `leadcore` imports no app, so it cannot list their codes itself.
"""

from collections.abc import Iterable, Mapping
from enum import StrEnum

from leadcore.errors import DomainError, Problem

__all__ = [
    "ApiErrorCode",
    "DomainError",
    "Problem",
    "error_status",
    "error_statuses_register",
    "not_found",
    "permission_denied",
]


class ApiErrorCode(StrEnum):
    INVALID_FORMAT = "INVALID_FORMAT"
    INVALID_CHECKSUM = "INVALID_CHECKSUM"
    UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    MALFORMED_REQUEST = "MALFORMED_REQUEST"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    LENGTH_REQUIRED = "LENGTH_REQUIRED"
    NOT_AUTHENTICATED = "NOT_AUTHENTICATED"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    NOT_FOUND = "NOT_FOUND"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    IDEMPOTENCY_KEY_IN_PROGRESS = "IDEMPOTENCY_KEY_IN_PROGRESS"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE"


# A code not listed answers 400: a problem with what was sent.
_STATUSES: dict[str, int] = {
    ApiErrorCode.NOT_AUTHENTICATED: 401,
    ApiErrorCode.PERMISSION_DENIED: 403,
    ApiErrorCode.NOT_FOUND: 404,
    ApiErrorCode.METHOD_NOT_ALLOWED: 405,
    ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS: 409,
    ApiErrorCode.LENGTH_REQUIRED: 411,
    ApiErrorCode.PAYLOAD_TOO_LARGE: 413,
    ApiErrorCode.UNSUPPORTED_MEDIA_TYPE: 415,
    ApiErrorCode.IDEMPOTENCY_KEY_REUSED: 422,
    ApiErrorCode.RATE_LIMITED: 429,
    ApiErrorCode.INTERNAL_ERROR: 500,
    ApiErrorCode.DATABASE_UNAVAILABLE: 503,
}


def error_statuses_register(statuses: Mapping[str, int]) -> None:
    """An app's API layer declares the status of its own codes; a code keeps one status."""
    for code, status in statuses.items():
        if _STATUSES.setdefault(str(code), status) != status:
            raise ValueError(f"{code} already answers {_STATUSES[str(code)]}, not {status}")


def error_status(problems: Iterable[Problem]) -> int:
    """The status of an answer listing `problems`: that of the first problem with a status of its own."""
    return next((_STATUSES[str(p.code)] for p in problems if str(p.code) in _STATUSES), 400)


def not_found(message: str) -> DomainError:
    """The one way an endpoint says that what it was asked for does not exist (or is not the sender's)."""
    return DomainError([Problem(ApiErrorCode.NOT_FOUND, None, message)])


def permission_denied(message: str) -> DomainError:
    """The one way an endpoint refuses a sender that lacks a permission."""
    return DomainError([Problem(ApiErrorCode.PERMISSION_DENIED, None, message)])
