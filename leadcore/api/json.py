"""JSON encoding for stored values: request numbers arrive as Decimal and go back as numbers.

`jsonb_dumps` is what PostgreSQL is sent for a JSONField (`leadcore.postgresql`): orjson, several
times faster than json.dumps on a lead's 3 KB payload, wherever its text parses to the same jsonb
as json.dumps's would; json.dumps itself for everything else. The two texts differ in spacing and
in escaping (orjson writes UTF-8, json.dumps \\u escapes), never in the jsonb PostgreSQL makes of
them; a number the encoder writes (a Decimal) is written in json.dumps's very digits, as jsonb keeps
a number's scale. `tests/leads/test_stored_json.py` stores a corpus both ways and compares.
"""

import functools
import json
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import orjson
from django.core.serializers.json import DjangoJSONEncoder

# Times, dates and dataclasses go to the encoder's `default` as json.dumps sends them there;
# orjson's own forms differ (microseconds, "+00:00") or json.dumps refuses them.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class PayloadJSONEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            as_float = float(o)
            # A number a float cannot carry exactly is kept as text rather than rounded.
            return as_float if Decimal(repr(as_float)) == o else str(o)
        return super().default(o)


@functools.cache
def jsonb_dumps(encoder: type[json.JSONEncoder] | None) -> Callable[[Any], str | bytes]:
    """The JSON text of a value for a column whose field has `encoder`, as psycopg's Jsonb takes it.

    json.dumps is the answer where orjson declines: an integer beyond 64 bits, a key that is not
    text, a lone surrogate, a type neither it nor the encoder's `default` turns into text or a
    float, a non-finite float (orjson writes null, json.dumps NaN, which PostgreSQL refuses as
    before), an encoder that overrides more than `default`.
    """
    slow = json.dumps if encoder is None else functools.partial(json.dumps, cls=encoder)
    if encoder is not None and (
        encoder.encode is not json.JSONEncoder.encode or encoder.iterencode is not json.JSONEncoder.iterencode
    ):
        return slow
    default = _refused if encoder is None else _as_json_dumps_writes(encoder().default)

    def dumps(value: Any) -> str | bytes:
        try:
            text = orjson.dumps(value, default=default, option=_OPTIONS)
        except orjson.JSONEncodeError:
            return slow(value)
        if b"null" in text and _holds_non_finite_float(value):
            return slow(value)
        return text

    return dumps


def _refused(o: Any) -> Any:
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _as_json_dumps_writes(default: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The encoder's `default`, its answer in json.dumps's text: a float in `float.__repr__`'s
    digits (json.dumps's), text as text; any other answer is left to json.dumps."""

    def encoded(o: Any) -> Any:
        answer = default(o)
        if type(answer) is str:
            return answer
        if type(answer) is float and math.isfinite(answer):
            return orjson.Fragment(float.__repr__(answer))
        raise TypeError(f"{type(o).__name__} is encoded as {type(answer).__name__}")

    return encoded


def _holds_non_finite_float(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return False
