"""The lead contract in the OpenAPI schema as the intake really reads it (docs/lead-schema.md).

drf-spectacular describes each field as DRF would check it alone, but intake first drops null and
empty values (absent, not an error) and then reads JSON leniently: text may come as a number or a
boolean (`"no": 503682`), numbers and ids as numeric text, flags as DRF's true/false words. A hook
widens the lead's components (request and read-back) so that what the API accepts is what the
schema allows.
"""

from collections.abc import Mapping

from rest_framework import serializers

from leads.intake import fields
from leads.intake.shape import LeadIn, LeadProperties, Shape

NUMERIC_TEXT = {"type": "string", "pattern": r"^\s*[+-]?[0-9]+(\.[0-9]*)?\s*$"}
INTEGER_TEXT = {"type": "string", "pattern": r"^\s*[+-]?[0-9]+(\.0*)?\s*$"}
ABSENT = [{"type": "string", "maxLength": 0}]


def _flag_words() -> list:
    words = serializers.BooleanField.TRUE_VALUES | serializers.BooleanField.FALSE_VALUES
    return sorted((w for w in words if isinstance(w, str)), key=str)


def _alternatives(field: serializers.Field) -> list[dict]:
    """What the field accepts besides its own JSON type."""
    if isinstance(field, fields.Text):
        return [{"type": "number"}, {"type": "boolean"}]
    if isinstance(field, serializers.IntegerField):
        return [INTEGER_TEXT]
    if isinstance(field, serializers.DecimalField):
        return [NUMERIC_TEXT]
    if isinstance(field, serializers.BooleanField):
        return [{"type": "string", "enum": _flag_words()}, {"type": "integer", "enum": [0, 1]}]
    if isinstance(field, serializers.UUIDField):
        return [{"type": "integer", "minimum": 0, "maximum": 2**128 - 1}]
    return []


def _lenient(schema: dict, field: serializers.Field) -> dict:
    if not schema or isinstance(field, serializers.JSONField):
        return schema
    own = {k: v for k, v in schema.items() if k not in ("minLength", "title", "description")}
    widened = {"anyOf": [own, *_alternatives(field), *ABSENT], "nullable": True}
    if "description" in schema:
        widened["description"] = schema["description"]
    return widened


def _lead_shapes() -> dict[str, Mapping[str, serializers.Field]]:
    """Component name → the contract's fields in it (a lead's own output fields stay as they are)."""
    shapes: dict[str, Mapping[str, serializers.Field]] = {cls.__name__: cls().fields for cls in _subclasses(Shape)}
    contract = LeadIn._declared_fields
    lead_classes: list[type[serializers.Serializer]] = [LeadProperties, *_subclasses(LeadProperties)]
    for cls in lead_classes:
        fields_as_sent = {name for name, field in cls._declared_fields.items() if contract.get(name) is field}
        shapes[cls.__name__] = {name: field for name, field in cls().fields.items() if name in fields_as_sent}
    return shapes


def _subclasses(cls: type[serializers.Serializer]) -> list[type[serializers.Serializer]]:
    found: list[type[serializers.Serializer]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def widen_lead_components(result: dict, generator, **kwargs) -> dict:
    """drf-spectacular hook: make the lead's components (request and read-back) say what intake reads."""
    components = result.get("components", {}).get("schemas", {})
    for name, contract_fields in _lead_shapes().items():
        for component in (components.get(name), components.get(f"{name}Request")):
            if component is None:
                continue
            properties = component.get("properties", {})
            for field_name, field in contract_fields.items():
                if field_name in properties:
                    properties[field_name] = _lenient(properties[field_name], field)
    return result
