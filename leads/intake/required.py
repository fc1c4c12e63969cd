"""Required-field checks of a lead: the system-required fields, then the Model Editor's rules."""

from typing import Any

from leadcore.api.errors import Problem
from leads.errors import LeadErrorCode
from leads.intake.extra_fields import extra_field_name
from modeleditor.cache import ConfigSnapshot, config_snapshot
from modeleditor.choices import Target
from modeleditor.fieldmap import system_required

# System-required fields with the codes integrators of the lending core already handle; the
# others (a company's title) are reported as any required field.
_OWN_CODES = {
    "firstName": (LeadErrorCode.NO_CLIENT_FIRST_NAME_ERROR, "First name is required."),
    "mobilePhone": (LeadErrorCode.NO_MOBILE_PHONE_ERROR, "Mobile phone is required."),
}
_EXTRA = "extraFields["


def _filled(payload: dict, path: str) -> bool:
    value: Any = payload
    for key in path.split("."):
        if not isinstance(value, dict):
            return False
        value = value.get(key)
    return value is not None and value != "" and value != [] and value != {}


def _filled_extra_names(payload: dict, snapshot: ConfigSnapshot) -> set[str]:
    names = set()
    for item in payload.get("extraFields") or ():
        if isinstance(item, dict) and item.get("value") not in (None, ""):
            name = extra_field_name(item, snapshot=snapshot)
            if name:
                names.add(name)
    return names


def required_field_problems(payload: dict, *, natural_person: bool) -> list[Problem]:
    """`payload` is the request body with null and empty values already removed."""
    client = Target.CLIENT_PERSON if natural_person else Target.CLIENT_COMPANY
    own_codes = {path: _OWN_CODES[path] for path in system_required(client) if path in _OWN_CODES}
    problems = [Problem(code, path, message) for path, (code, message) in own_codes.items() if path not in payload]
    snapshot = config_snapshot()
    missing: dict[str, list[str]] = {}
    extra_names = None
    for target in (client, Target.LOAN_APPLICATION, Target.CONTRACT):
        for path in snapshot.required_paths.get(target, ()):
            if path in own_codes:
                continue
            if path.startswith(_EXTRA):
                if extra_names is None:
                    extra_names = _filled_extra_names(payload, snapshot)
                filled = path[len(_EXTRA) : -1] in extra_names
            else:
                filled = _filled(payload, path)
            if not filled:
                missing.setdefault(path, []).append(target)
    problems += [
        Problem(
            LeadErrorCode.METADATA__EMPTY_REQUIRED_FIELD,
            path,
            f"{path} is required for {', '.join(targets)}.",
        )
        for path, targets in missing.items()
    ]
    return problems
