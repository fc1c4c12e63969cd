"""Domain errors carry codes only; the API's exception handler answers each code with its status."""

import pytest

from clients.errors import ClientErrorCode
from clients.gar.errors import GarErrorCode
from leadcore.api import errors
from leadcore.api.errors import ApiErrorCode, error_statuses_register
from leadcore.api.exceptions import envelope_exception_handler
from leadcore.errors import DomainError, Problem
from leads.errors import LeadErrorCode
from modeleditor.errors import ModelEditorErrorCode


def _answer(*problems: Problem) -> tuple[int, dict]:
    response = envelope_exception_handler(DomainError(list(problems)), {})
    return response.status_code, response.data


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (ApiErrorCode.NOT_FOUND, 404),
        (ApiErrorCode.PERMISSION_DENIED, 403),
        (ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, 409),
        (ApiErrorCode.IDEMPOTENCY_KEY_REUSED, 422),
        (ApiErrorCode.INVALID_FORMAT, 400),
        (ClientErrorCode.STATUS_TRANSITION_NOT_ALLOWED, 409),
        (ClientErrorCode.CONTRACT_APPLICATION_NOT_APPROVED, 409),
        (ClientErrorCode.MERGE_KIND_MISMATCH, 409),
        (ClientErrorCode.DENIAL_REASON_REQUIRED, 400),
        (GarErrorCode.ADDRESS_DIRECTORY_UNAVAILABLE, 503),
        (GarErrorCode.FIAS_NOT_FOUND, 400),
        (LeadErrorCode.NO_MOBILE_PHONE_ERROR, 400),
        (ModelEditorErrorCode.RULE_LOCKED, 400),
        ("A_CODE_NOBODY_DECLARED", 400),
    ],
)
def test_it_answers_each_code_with_its_status_in_the_envelope(client, code, status):
    # Any request loads the URLconf, which imports every app's apis.py and so their code tables.
    client.get("/api/v1/no-such-endpoint")

    answer_status, body = _answer(Problem(code, "a.b[0]", "What went wrong."))

    assert answer_status == status
    assert (body["status"], body["data"]) == ("error", None)
    assert body["errors"] == [{"code": str(code), "field": "a.b[0]", "message": "What went wrong."}]


def test_it_takes_the_status_of_the_first_problem_that_has_one_and_lists_them_all():
    answer_status, body = _answer(
        Problem(ApiErrorCode.INVALID_FORMAT, "status", "Bad."),
        Problem(ApiErrorCode.NOT_FOUND, None, "No such thing."),
        Problem(ApiErrorCode.IDEMPOTENCY_KEY_REUSED, None, "Reused."),
    )

    assert answer_status == 404
    assert [e["code"] for e in body["errors"]] == ["INVALID_FORMAT", "NOT_FOUND", "IDEMPOTENCY_KEY_REUSED"]


def test_it_refuses_to_give_one_code_a_second_status(monkeypatch):
    monkeypatch.setattr(errors, "_STATUSES", dict(errors._STATUSES))
    error_statuses_register({"SOME_CONFLICT": 409})
    error_statuses_register({"SOME_CONFLICT": 409})

    with pytest.raises(ValueError, match="SOME_CONFLICT already answers 409"):
        error_statuses_register({"SOME_CONFLICT": 422})
    assert errors.error_status([Problem("SOME_CONFLICT", None, "")]) == 409


def test_it_keeps_http_out_of_the_domain_error():
    refused = DomainError([Problem(ClientErrorCode.MERGE_SAME_CLIENT, "remove", "Same client.")])

    assert not hasattr(refused, "status")
    assert [p.as_dict() for p in refused.problems] == [
        {"code": "MERGE_SAME_CLIENT", "field": "remove", "message": "Same client."}
    ]
