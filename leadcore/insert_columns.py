"""How each column of a model's INSERT gets its value on the lead's path: what Django's insert
compiler would send (`pre_save`, `get_db_prep_save`), without its per-value machinery where the
field and the value's type make the conversion a no-op; worked out once per model
(`leadcore.inserts` builds the rows; `tests/leads/test_insert_params.py` compares both ways)."""

import dataclasses
import datetime
import decimal
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model

from leadcore.rows import column_of
from leadcore.statement import Computed

# `Column.as_is_by_type`'s answer for a type it does not know: `value_sent` decides.
CONVERTED = object()


def value_sent(c: "Column", value: Any, db: BaseDatabaseWrapper) -> Any:
    if c.takes_as_is(value):
        if value is not None and type(value) is not decimal.Decimal:
            # Taken as it is for its type alone (a Decimal for its value too): a str subclass, a choice.
            c.as_is_by_type[type(value)] = c.wrap
        return c.sent(value)
    if type(value) is Computed:
        return computed_sent(c, value, db)
    if c.json and type(value) in (dict, list):
        # JSONField.get_db_prep_save's answer, without the four calls it takes to reach it.
        return db.ops.adapt_json_value(value, c.encoder)
    return c.field.get_db_prep_save(value, db)


def computed_sent(c: "Column", value: Computed, db: BaseDatabaseWrapper) -> Computed:
    """A value the statement computes, its parameters as the column's INSERT would send them."""
    if not value.params:  # an id: nothing to convert
        return value
    params = [value_sent(c, p, db) for p in value.params]
    return Computed(value.sql, tuple(params), value.value)


@functools.cache
def insert_head(model: type[Model], keyed: bool) -> tuple[str, list["Column"], tuple[str, ...]]:
    """`INSERT INTO table (columns)`, how to get each column's value and each column's type
    without length or precision (`leadcore.statement` casts a VALUES list's first row to them),
    worked out once per model: the values are what Django's insert compiler would send
    (`pre_save`, `get_db_prep_save`), without its per-value expression machinery, which cost more
    CPU than anything else of the conversion."""
    quote = connection.ops.quote_name
    plan = columns(model, keyed)
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c.column) for c in plan)})"
    return head, plan, tuple(re.sub(r"\(.*\)", "", str(c.field.db_type(connection))) for c in plan)


# Field classes whose value needs no conversion when it already has the Python type named here:
# Django's get_db_prep_save would hand it back through four calls (integers wrapped in the
# column's integer type, as Django's backend does for server-side binding). Subclasses are not
# covered on purpose: each may convert (JSON, UUID, IP addresses, times set on save).
_SENT_AS_IS: dict[type[Field], tuple[type, ...]] = {
    models.AutoField: (int,),
    models.BigAutoField: (int,),
    models.CharField: (str,),
    models.TextField: (str,),
    models.EmailField: (str,),
    models.IntegerField: (int,),
    models.BigIntegerField: (int,),
    models.PositiveIntegerField: (int,),
    models.PositiveSmallIntegerField: (int,),
    models.SmallIntegerField: (int,),
    models.BooleanField: (bool,),
    models.DateField: (datetime.date,),
    models.DecimalField: (decimal.Decimal,),
}


@dataclass(frozen=True)
class Column:
    field: Field
    column: str
    attname: str
    as_is: tuple[type, ...]  # value types sent unconverted; () where Django converts or sets it
    wrap: Callable[[int], Any] | None  # the integer type Django wraps such a value in
    null: bool
    # A text column: its conversion hands any str back as it is, a str subclass (a Django choice) too.
    text: bool
    stamped: bool  # a DateTimeField set on save (auto_now, auto_now_add): the row's time of insert
    # The types `takes_as_is` accepts for any value of theirs, each with its `wrap`: those of
    # `as_is` but Decimal (not for a NaN), None where the column takes it, the str subclasses met.
    as_is_by_type: dict[type, Any] = dataclasses.field(compare=False)
    json: bool  # a JSONField (not a subclass: each may convert), its `encoder` the field's
    encoder: Any

    def takes_as_is(self, value: Any) -> bool:
        """Whether Django's conversion would hand `value` back as it is (an integer wrapped)."""
        if value is None:
            return bool(self.as_is) and self.null
        if type(value) in self.as_is:
            return not (type(value) is decimal.Decimal and not value.is_finite())
        return self.text and isinstance(value, str)

    def sent(self, value: Any) -> Any:
        """A value `takes_as_is` accepted, as Django would send it (`adapt_integerfield_value`)."""
        return value if self.wrap is None or value is None else self.wrap(value)


@functools.cache
def columns(model: type[Model], keyed: bool) -> list[Column]:
    return [_column_plan(f) for f in model._meta.concrete_fields if keyed or not f.primary_key]


def _column_plan(field: Field) -> Column:
    source = field.target_field if isinstance(field, models.ForeignKey) else field
    as_is = _SENT_AS_IS.get(type(source), ())
    set_on_save = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    if set_on_save:
        as_is = ()
    # Django wraps the integer columns' values, not the ids of the auto fields.
    wrapped = as_is == (int,) and not isinstance(source, models.AutoField | models.BigAutoField)
    # The backend's own map, read once: through `connection.ops` on every value it cost more than the rest of `sent`.
    types: dict[str, Callable[[int], Any]] = getattr(connection.ops, "integerfield_type_map", {})
    wrap = types.get(source.get_internal_type()) if wrapped else None
    stamped = set_on_save and type(field) is models.DateTimeField
    by_type: dict[type, Any] = {t: wrap for t in as_is if t is not decimal.Decimal}
    if as_is and field.null:
        by_type[type(None)] = None
    json = type(field) is models.JSONField
    return Column(
        field, column_of(field), field.attname, as_is, wrap, field.null, as_is == (str,), stamped, by_type,
        json, getattr(field, "encoder", None),
    )  # fmt: skip
