"""Model instances from the rows of a hand-written statement, for the reads on the lead's hot path.

Building a QuerySet, compiling it to SQL and resolving its converters cost more CPU than the
indexed read itself (a token, a FIAS object). A `ModelColumns` holds what the ORM would compute
for every row of a model (the column list, each column's converters), computed once per model,
table alias and connection; `instance` then does what the ORM does with a row: it converts the
values and builds the instance with `Model.from_db`, so signals, `_state` and field types are the
ORM's own (`values`: the converted values alone, for a read whose rows need no model behaviour).
Only the SQL text is written by hand: each statement names the QuerySet it stands for, and a
differential test holds it to that QuerySet's answers.
"""

from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, TypeVar

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.expressions import Col

M = TypeVar("M", bound=Model)
T = TypeVar("T")
Converter = Callable[[Any, Col, BaseDatabaseWrapper], Any]


def column_of(field: Any) -> str:
    """The column of a concrete field (Django types it as optional: a relation has none)."""
    column = field.column
    if not isinstance(column, str):
        raise TypeError(f"{field} has no column of its own")
    return column


class ModelColumns(Generic[M]):
    """Every concrete column of `model` under the table alias `alias` (a plain lowercase name),
    read on `connection`; with `only`, those fields and the primary key, the others deferred as
    `QuerySet.only(*only)` defers them."""

    def __init__(
        self, model: type[M], alias: str, connection: BaseDatabaseWrapper, only: Collection[str] | None = None
    ) -> None:
        fields = [f for f in model._meta.concrete_fields if only is None or f.primary_key or f.name in only]
        quote = connection.ops.quote_name
        self.model = model
        self.sql = ", ".join(f"{alias}.{quote(column_of(f))}" for f in fields)
        self.attnames = [f.attname for f in fields]
        self.converters: list[tuple[int, list[Converter], Col]] = []
        # As SQLCompiler.get_converters: the backend's converters, then the field's.
        for i, field in enumerate(fields):
            col = field.get_col(alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                self.converters.append((i, found, col))

    def values(self, connection: BaseDatabaseWrapper, row: Sequence[Any], start: int = 0) -> list[Any]:
        """The values of `row[start:]` as read on `connection`, converted as a QuerySet converts
        them, in the order of `attnames`."""
        values = list(row[start : start + len(self.attnames)])
        for i, converters, col in self.converters:
            for convert in converters:
                values[i] = convert(values[i], col, connection)
        return values

    def instance(self, connection: BaseDatabaseWrapper, row: Sequence[Any], start: int = 0) -> M:
        """The instance held by `row[start:]` as read on `connection`, as a QuerySet builds it."""
        return self.model.from_db(connection.alias, self.attnames, self.values(connection, row, start))


def built_once(connection: BaseDatabaseWrapper, build: Callable[[BaseDatabaseWrapper], T]) -> T:
    """What `build` makes for `connection` (a statement and its columns), made on first use.

    Kept on the connection object itself: Django opens one per thread, a backend's converters
    belong to their connection, and what is kept goes with the connection."""
    known: dict[Callable[[BaseDatabaseWrapper], Any], Any] = connection.__dict__.setdefault("_leadcore_built", {})
    try:
        return known[build]
    except KeyError:
        made = known[build] = build(connection)
        return made
