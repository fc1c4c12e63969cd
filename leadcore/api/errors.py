"""Error codes shared by every endpoint, and the problem list the envelope carries."""

from dataclasses import dataclass
from enum import StrEnum


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


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a request: a code, the JSON path of the field, a human message."""

    code: str
    field: str | None
    message: str

    def as_dict(self) -> dict:
        return {"code": str(self.code), "field": self.field, "message": self.message}


class RequestRejected(Exception):
    """Raised by services and validators with every problem found; rendered as one envelope."""

    def __init__(self, problems: list[Problem], status: int = 400) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
        self.status = status
