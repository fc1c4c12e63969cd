"""The lead contract as a DRF serializer tree (docs/lead-schema.md), built once per process from the field map.

Property names are the lending core's, so integrators' payloads work unchanged. Every property is
optional here: what is required is decided by the Model Editor's rules, checked afterwards.
"""

from collections.abc import Callable

from rest_framework import serializers

from clients import validators
from clients.models import Channel, PeriodUnit
from leads.intake.fields import (
    CardNumber,
    Choice,
    Count,
    Date,
    Digits,
    Flag,
    Id,
    IpAddress,
    Money,
    Pattern,
    Phone,
    RegistrationNumber,
    SubdivisionCode,
    Text,
    items,
)
from modeleditor.fieldkinds import Kind, Prop
from modeleditor.fieldkinds import Shape as FieldShape
from modeleditor.fieldmap import LEAD


class Shape(serializers.Serializer):
    """A nested object of the lead: optional as a whole, unknown properties ignored."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


def _text(size: int | None) -> Text:
    return Text(max_length=size) if size else Text()


# One DRF field per kind of the field map; `size` is the prop's max length, maximum or item count.
KINDS: dict[str, Callable[[int | None], serializers.Field]] = {
    Kind.TEXT: _text,
    Kind.ID: lambda size: Id(),
    Kind.REFERENCE: lambda size: Id(),
    Kind.DATE: lambda size: Date(),
    Kind.FLAG: lambda size: Flag(),
    Kind.COUNT: lambda size: Count(max_value=size) if size else Count(),
    Kind.POSITIVE_COUNT: lambda size: Count(min_value=1),
    Kind.MONEY: lambda size: Money(),
    Kind.POSITIVE_MONEY: lambda size: Money(positive=True),
    Kind.RATE: lambda size: Money(max_digits=7, decimal_places=3),
    Kind.PHONE: lambda size: Phone(max_length=size) if size else Phone(),
    Kind.EMAIL: lambda size: serializers.EmailField(required=False, max_length=254),
    Kind.INN: lambda size: Digits(lengths=(10, 12), checksum=validators.inn_is_valid),
    Kind.SNILS: lambda size: Digits(lengths=(11,), checksum=validators.snils_is_valid),
    Kind.OGRN: lambda size: RegistrationNumber(),
    Kind.SUBDIVISION_CODE: lambda size: SubdivisionCode(),
    Kind.POSTAL_CODE: lambda size: Pattern(regex=r"[0-9A-Za-z \-]{3,10}", message="Not a postal code."),
    Kind.UUID: lambda size: serializers.UUIDField(required=False, format="hex_verbose"),
    Kind.JSON: lambda size: serializers.JSONField(required=False),
    Kind.ATTRIBUTES: lambda size: serializers.DictField(child=Text(max_length=1000), required=False),
    Kind.CHANNEL: lambda size: Choice(Channel.choices),
    Kind.PERIOD_UNIT: lambda size: Choice(PeriodUnit.choices),
    Kind.IP: lambda size: IpAddress(),
    Kind.MAC: lambda size: Pattern(
        regex=r"[0-9A-Fa-f]{2}([:\-]?[0-9A-Fa-f]{2}){5}", message="Not a MAC address.", max_length=50
    ),
    Kind.CARD_NUMBER: lambda size: CardNumber(),
    Kind.CARD_MONTH: lambda size: Pattern(regex=r"0[1-9]|1[0-2]", message="Month must be 01–12."),
    Kind.CARD_YEAR: lambda size: Pattern(regex=r"[0-9]{2}", message="Year must be two digits (YY)."),
    Kind.CARD_CVC: lambda size: Pattern(regex=r"[0-9]{3,4}", message="CVC must be 3 or 4 digits."),
}

# A nested object's serializer class, once per shape (OpenAPI names its component after the class).
_SERIALIZERS: dict[str, type[serializers.Serializer]] = {}


def _field(prop: Prop) -> serializers.Field:
    if prop.kind == Kind.OBJECT:
        return _serializer(prop.nested)()
    if prop.kind == Kind.ARRAY:
        if prop.size is None:
            raise ValueError(f"The array {prop.name} needs a size: its most items.")
        return items(_serializer(prop.nested)(), prop.size)
    return KINDS[prop.kind](prop.size)


def _serializer(shape: FieldShape) -> type[serializers.Serializer]:
    if shape.name not in _SERIALIZERS:
        fields = {prop.name: _field(prop) for prop in shape.props}
        _SERIALIZERS[shape.name] = type(f"{shape.name}In", (Shape,), {"__module__": __name__, **fields})
    return _SERIALIZERS[shape.name]


LeadProperties = type(
    "LeadProperties",
    (serializers.Serializer,),
    {
        "__module__": __name__,
        "__doc__": "Every property of the lead that is kept and read back: all of the contract but the CVC.",
        **{prop.name: _field(prop) for prop in LEAD.props if prop.kind != Kind.CARD_CVC},
    },
)
LeadIn: type[serializers.Serializer] = type(
    "LeadIn",
    (LeadProperties,),
    {"__module__": __name__, **{prop.name: _field(prop) for prop in LEAD.props if prop.kind == Kind.CARD_CVC}},
)

LEAD_IN = LeadIn()
