"""What domain code raises when it refuses: problems with a code, a JSON path and a message.

No HTTP here: the API's exception handler chooses the status from the codes
(`leadcore.api.errors.error_status`), the admin shows the messages, commands print them.
"""

from dataclasses import dataclass
from typing import TypedDict


class ProblemBody(TypedDict):
    code: str
    field: str | None
    message: str


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a request: a code, the JSON path of the field, a human message."""

    code: str
    field: str | None
    message: str

    def as_dict(self) -> ProblemBody:
        return {"code": str(self.code), "field": self.field, "message": self.message}


class DomainError(Exception):
    """Raised by services, selectors and validators with every problem found at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
