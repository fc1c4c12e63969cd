"""Required-field checks of a lead: the system-required fields, then the Model Editor's rules."""

from leadcore.api.errors import Problem
from leads.errors import LeadErrorCode


def required_field_problems(payload: dict, *, natural_person: bool) -> list[Problem]:
    """`payload` is the request body with null and empty values already removed."""
    problems = []
    if "firstName" not in payload:
        problems.append(
            Problem(LeadErrorCode.NO_CLIENT_FIRST_NAME_ERROR, "firstName", "First name is required.")
        )
    if "mobilePhone" not in payload:
        problems.append(Problem(LeadErrorCode.NO_MOBILE_PHONE_ERROR, "mobilePhone", "Mobile phone is required."))
    return problems
