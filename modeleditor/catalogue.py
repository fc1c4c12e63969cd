"""Which lead properties feed which target, and where each one lands: read off the field map.

The Model Editor must not import the apps that own those records, so a record is named by its
model label ("clients.Client") and a field by its ORM lookup; both are resolved only when the
editor counts the records that lack a field.
"""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django_stubs_ext import StrOrPromise

from modeleditor.choices import EXTRA_FIELD_PREFIX, FieldType, Target
from modeleditor.fieldkinds import EDITOR_TYPES, Kind, Prop
from modeleditor.fieldmap import LEAD, columns, system_required

T = FieldType


@dataclass(frozen=True)
class Scope:
    """The records of a target: a model and the filter that selects the target's kind."""

    model: str
    where: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FieldSpec:
    """A lead property of a target: its JSON path, and the column it lands in.

    `column` is a lookup on `model` (the target's own model when empty); `owner` links a row of
    that model back to the target's record; `where` selects the rows meant (an address kind).
    An array is filled when the target's record has at least one such row.
    """

    path: str
    label: StrOrPromise  # lazy: shown in the language of the screen
    type: str
    column: str
    model: str = ""
    owner: str = "pk"
    where: tuple[tuple[str, str], ...] = ()


SCOPES: dict[str, Scope] = {
    Target.CLIENT_PERSON: Scope("clients.Client", (("kind", "person"),)),
    Target.CLIENT_COMPANY: Scope("clients.Client", (("kind", "company"),)),
    Target.LOAN_APPLICATION: Scope("clients.LoanApplication"),
    Target.CONTRACT: Scope("clients.Contract"),
}

# Fields no rule can make optional (the field map's system-required flags).
LOCKED = {target: frozenset(system_required(target)) for target in Target.values}


def _spec(path: str, label: StrOrPromise, prop: Prop, column: str, holder: Prop | None = None) -> FieldSpec:
    rows = holder or prop
    return FieldSpec(path, label, EDITOR_TYPES.get(prop.kind, T.STRING), column, rows.model, rows.owner, rows.where)


def _specs(target: str) -> list[FieldSpec]:
    """The target's own columns first, then its related rows, each in the contract's order."""
    specs = []
    own_columns = columns(target)
    props = [prop for prop in LEAD.props if target in prop.targets]
    for prop in sorted(props, key=lambda prop: prop.kind in (Kind.OBJECT, Kind.ARRAY)):
        if prop.kind == Kind.OBJECT:
            specs += [
                _spec(
                    f"{prop.name}.{part.name}",
                    format_lazy("{}: {}", prop.label, part.label),
                    part,
                    part.field,
                    holder=prop,
                )
                for part in prop.nested.props
                if part.label
            ]
        else:
            specs.append(_spec(prop.name, prop.label, prop, own_columns.get(prop.name, "pk")))
    return specs


CATALOGUE: dict[str, tuple[FieldSpec, ...]] = {target: tuple(_specs(target)) for target in Target.values}


def extra_field_path(target: str, name: str) -> str:
    """The rule path of an extra field: `extraFields[client.NAME]`, the name as integrators send it."""
    return f"extraFields[{EXTRA_FIELD_PREFIX[target]}{name}]"
