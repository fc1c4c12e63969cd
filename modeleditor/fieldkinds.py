"""The vocabulary of the field map (`modeleditor/fieldmap.py`): kinds of values, the records a lead
becomes, and the `Prop` and `Shape` rows the table is made of."""

from dataclasses import dataclass

from django_stubs_ext import StrOrPromise

from modeleditor.choices import FieldType, Target


class Kind:
    """What a value is in the contract; `leads/intake/shape.py` turns each kind into a DRF field."""

    TEXT = "text"
    ID = "id"
    REFERENCE = "reference"
    DATE = "date"
    FLAG = "flag"
    COUNT = "count"
    POSITIVE_COUNT = "positive_count"
    MONEY = "money"
    POSITIVE_MONEY = "positive_money"
    RATE = "rate"
    PHONE = "phone"
    EMAIL = "email"
    INN = "inn"
    SNILS = "snils"
    OGRN = "ogrn"
    SUBDIVISION_CODE = "subdivision_code"
    POSTAL_CODE = "postal_code"
    UUID = "uuid"
    JSON = "json"
    ATTRIBUTES = "attributes"
    CHANNEL = "channel"
    PERIOD_UNIT = "period_unit"
    IP = "ip"
    MAC = "mac"
    CARD_NUMBER = "card_number"
    CARD_MONTH = "card_month"
    CARD_YEAR = "card_year"
    CARD_CVC = "card_cvc"
    OBJECT = "object"
    ARRAY = "array"


# The Model Editor's type of each kind.
EDITOR_TYPES = {
    Kind.REFERENCE: FieldType.REFERENCE,
    Kind.DATE: FieldType.DATE,
    Kind.FLAG: FieldType.BOOLEAN,
    Kind.ID: FieldType.INTEGER,
    Kind.COUNT: FieldType.INTEGER,
    Kind.POSITIVE_COUNT: FieldType.INTEGER,
    Kind.MONEY: FieldType.DECIMAL,
    Kind.POSITIVE_MONEY: FieldType.DECIMAL,
    Kind.RATE: FieldType.DECIMAL,
    Kind.JSON: FieldType.OBJECT,
    Kind.ATTRIBUTES: FieldType.OBJECT,
    Kind.OBJECT: FieldType.OBJECT,
    Kind.ARRAY: FieldType.ARRAY,
}


class Record:
    """The record of a lead a top-level property is written to by the intake mapping."""

    CLIENT = "client"
    APPLICATION = "application"
    CONTRACT = "contract"
    LEAD = "lead"


CLIENTS = (Target.CLIENT_PERSON, Target.CLIENT_COMPANY)
PERSON = (Target.CLIENT_PERSON,)
COMPANY = (Target.CLIENT_COMPANY,)
APPLICATION = (Target.LOAN_APPLICATION,)
CONTRACT = (Target.CONTRACT,)
TERMS = (Target.LOAN_APPLICATION, Target.CONTRACT)


@dataclass(frozen=True)
class Prop:
    """One property of the contract.

    `to` names the records the intake mapping writes it to (top level only; a nested object's
    properties land on the object's model) and `field` the model field there; `size` is a
    string's max length, a count's maximum or an array's max items. `label` and `targets` offer
    it to the Model Editor's rules; `system` lists the targets for which no rule can make it
    optional. `columns` overrides, per target, the column the editor counts (default `field`).
    `model`, `owner` and `where` say which rows hold a nested object or array, for the editor.
    """

    name: str
    kind: str
    field: str = ""
    to: tuple[str, ...] = ()
    size: int | None = None
    reference: str = ""
    label: StrOrPromise = ""  # lazy: shown in the language of the screen
    targets: tuple[str, ...] = ()
    system: tuple[str, ...] = ()
    columns: tuple[tuple[str, str], ...] = ()
    shape: "Shape | None" = None
    model: str = ""
    owner: str = "pk"
    where: tuple[tuple[str, str], ...] = ()
    directory: bool = False

    @property
    def nested(self) -> "Shape":
        """The shape of an object or array property."""
        if self.shape is None:
            raise ValueError(f"{self.name} is a {self.kind}: it has no shape")
        return self.shape


@dataclass(frozen=True)
class Shape:
    """A nested object of the contract; `name` + "In" names its intake serializer."""

    name: str
    props: tuple[Prop, ...]

    def fields(self) -> dict[str, str]:
        """Contract name -> model field of every property stored under a field of its own."""
        return {p.name: p.field for p in self.props if p.field}
