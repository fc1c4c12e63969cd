import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from leadcore.errors import DomainError
from modeleditor.catalogue import CATALOGUE
from modeleditor.choices import ChangeSource
from modeleditor.errors import ModelEditorErrorCode
from modeleditor.models import RequiredFieldRule, RuleChange
from modeleditor.services import required_rules_set

RULES_URL = "/api/v1/model-editor/rules"

pytestmark = pytest.mark.django_db


def test_it_has_a_rule_for_every_catalogued_field_after_migrate():
    for target, specs in CATALOGUE.items():
        stored = set(RequiredFieldRule.objects.filter(target=target).values_list("path", flat=True))
        assert stored == {spec.path for spec in specs}
    assert set(RequiredFieldRule.objects.filter(is_required=True).values_list("target", "path")) == {
        ("client_person", "firstName"),
        ("client_person", "mobilePhone"),
        ("client_company", "firstName"),
        ("client_company", "mobilePhone"),
        ("client_company", "title"),
    }


def test_it_catalogues_nested_paths_of_the_lead():
    person = {spec.path for spec in CATALOGUE["client_person"]}
    assert {"passport.issueDate", "registrationAddressData.countryId", "addresses", "relatives"} <= person
    assert "passport.issueDate" not in {spec.path for spec in CATALOGUE["client_company"]}
    assert {"leadDebts", "goods", "amount"} <= {spec.path for spec in CATALOGUE["loan_application"]}
    assert {"cardNumber", "gettingMoneyMethodId"} <= {spec.path for spec in CATALOGUE["contract"]}


def test_it_answers_the_rules_out_of_the_box(api):
    response = api.get(RULES_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["data"] == {
        "client_person": {"required": ["firstName", "mobilePhone"], "locked": ["firstName", "mobilePhone"]},
        "client_company": {
            "required": ["firstName", "title", "mobilePhone"],
            "locked": ["firstName", "mobilePhone", "title"],
        },
        "loan_application": {"required": [], "locked": []},
        "contract": {"required": [], "locked": []},
    }


def test_it_refuses_the_rules_to_anonymous_callers(anonymous):
    response = anonymous.get(RULES_URL)

    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "NOT_AUTHENTICATED"


def test_it_changes_the_api_answer_on_the_next_request_after_a_toggle(api, editor_user):
    assert "passport.issueDate" not in api.get(RULES_URL).json()["data"]["client_person"]["required"]

    required_rules_set(
        target="client_person",
        required={"passport.issueDate": True},
        changed_by=editor_user,
        source=ChangeSource.ADMIN,
    )
    assert "passport.issueDate" in api.get(RULES_URL).json()["data"]["client_person"]["required"]

    required_rules_set(
        target="client_person",
        required={"passport.issueDate": False},
        changed_by=editor_user,
        source=ChangeSource.ADMIN,
    )
    assert "passport.issueDate" not in api.get(RULES_URL).json()["data"]["client_person"]["required"]


def test_it_records_who_changed_a_rule_and_from_what_to_what(editor_user):
    required_rules_set(
        target="contract", required={"cardNumber": True}, changed_by=editor_user, source=ChangeSource.ADMIN
    )
    required_rules_set(target="contract", required={"cardNumber": True}, changed_by=editor_user, source="admin")

    change = RuleChange.objects.get()
    assert (change.target, change.path, change.was_required, change.is_required) == (
        "contract",
        "cardNumber",
        False,
        True,
    )
    assert change.changed_by == editor_user
    assert change.source == "admin"
    assert change.created_at is not None


def test_it_refuses_to_make_a_locked_field_optional_in_the_service(editor_user):
    with pytest.raises(DomainError) as caught:
        required_rules_set(
            target="client_company",
            required={"title": False, "amount": True},
            changed_by=editor_user,
            source=ChangeSource.ADMIN,
        )

    problems = {(p.code, p.field) for p in caught.value.problems}
    assert problems == {
        (ModelEditorErrorCode.RULE_LOCKED, "title"),
        (ModelEditorErrorCode.UNKNOWN_FIELD, "amount"),
    }
    assert RequiredFieldRule.objects.get(target="client_company", path="title").is_required
    assert not RuleChange.objects.exists()


def test_it_refuses_a_locked_field_optional_even_below_the_service():
    with pytest.raises(IntegrityError), transaction.atomic():
        RequiredFieldRule.objects.filter(target="client_person", path="mobilePhone").update(is_required=False)


def test_it_lets_a_model_editor_change_a_rule_through_the_api(editor_api, editor_user):
    response = editor_api.patch(
        f"{RULES_URL}/loan_application", {"rules": {"amount": True, "goods": True}}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["data"] == {"required": ["amount", "goods"], "locked": []}
    assert RuleChange.objects.filter(changed_by=editor_user, source="api").count() == 2


def test_it_refuses_to_make_a_locked_field_optional_through_the_api(editor_api):
    response = editor_api.patch(f"{RULES_URL}/client_person", {"rules": {"firstName": False}}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "error"
    assert body["errors"] == [
        {
            "code": "METADATA__RULE_LOCKED",
            "field": "firstName",
            "message": "firstName is system-required for client_person and cannot be made optional.",
        }
    ]
    assert RequiredFieldRule.objects.get(target="client_person", path="firstName").is_required


def test_it_refuses_rule_changes_to_an_integrator_without_the_permission(api):
    response = api.patch(f"{RULES_URL}/contract", {"rules": {"cardNumber": True}}, format="json")

    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "PERMISSION_DENIED"
    assert not RequiredFieldRule.objects.get(target="contract", path="cardNumber").is_required


def test_it_changes_a_rule_from_the_command_line():
    call_command("required_field", "client_person", "passport.issueDate", "on")

    assert RequiredFieldRule.objects.get(target="client_person", path="passport.issueDate").is_required
    change = RuleChange.objects.get()
    assert (change.source, change.changed_by, change.is_required) == ("command", None, True)

    call_command("required_field", "client_person", "passport.issueDate", "off")
    assert not RequiredFieldRule.objects.get(target="client_person", path="passport.issueDate").is_required


def test_it_refuses_a_locked_rule_on_the_command_line():
    with pytest.raises(CommandError, match="mobilePhone is system-required for client_person"):
        call_command("required_field", "client_person", "mobilePhone", "off")

    assert RequiredFieldRule.objects.get(target="client_person", path="mobilePhone").is_required


def test_it_exits_non_zero_for_a_locked_rule_on_the_command_line(capsys):
    argv = ["manage.py", "required_field", "client_company", "title", "off", "--skip-checks"]
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(argv).execute()

    assert exited.value.code == 1
    assert "title is system-required for client_company and cannot be made optional." in capsys.readouterr().err
