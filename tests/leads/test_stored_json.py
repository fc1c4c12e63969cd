"""What PostgreSQL stores of a JSONField's value, sent the short way (`leadcore.api.json.jsonb_dumps`,
orjson where it can) and the long way (json.dumps with the field's encoder, Django's own): the same
jsonb, down to each number's digits, over a corpus of payloads and odd values; refused alike."""

import dataclasses
import datetime
import enum
import json
import random
import struct
import uuid
from collections import OrderedDict
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.db.models import IntegerChoices, TextChoices
from django.utils.translation import gettext_lazy
from psycopg.types.json import Jsonb

from leadcore.api.json import PayloadJSONEncoder, jsonb_dumps
from leadcore.postgresql import operations
from tests.leads import fast_values
from tests.leads.conftest import EXAMPLES
from tests.leads.test_fuzz import random_body

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="jsonb is PostgreSQL's")

ENCODERS = [None, DjangoJSONEncoder, PayloadJSONEncoder]


class Colour(enum.Enum):
    RED = "red"


class Size(IntegerChoices):
    BIG = 2**40


class Channel(TextChoices):
    SITE = "SITE"


@dataclasses.dataclass
class Point:
    x: int


EDGES: list[Any] = [
    # Integers at and beyond 64 bits.
    2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 10**40, -(10**400),
    # Decimals: exact as a float, or kept as text; many digits, exponents, signed zeros.
    Decimal("30000.50"), Decimal("0.10"), Decimal("0.1"), Decimal("1E+400"), Decimal("-1E-400"), Decimal("1E+308"),
    Decimal("1.7976931348623157E+308"), Decimal("1.8E+308"), Decimal("5E-324"), Decimal("2E-324"), Decimal("-0.0"),
    Decimal("-0"), Decimal("0E-10"), Decimal("0E+5"), Decimal("3.14159265358979323846264338327950288419716939937510"),
    Decimal("1E+16"), Decimal("1e-7"), Decimal("123456789012345678"), Decimal("9007199254740993"), Decimal("1E+22"),
    Decimal("NaN"), Decimal("Infinity"), Decimal("-sNaN"),
    # Floats, the non-finite ones refused by PostgreSQL either way.
    -0.0, 0.0, 1e16, 1e15, 1e-7, 1e22, 1e308, 5e-324, 0.1, 1 / 3, 123456.0, 1.2345678901234568e16,
    float("nan"), float("inf"), [1, {"a": None, "b": float("-inf")}], {"a": None, "b": 1.5},
    # Containers.
    {}, [], [[[]]], [[1, [2, [3, [], {}]]]], {"": ""}, {"a": {}}, (1, "a"), OrderedDict(b=1, a=2), {"b": 1, "a": 2},
    {"a": {"b": {"c": {"d": [None, True, False, "null"]}}}},
    # Text: non-ASCII, escapes, the characters JSON and JavaScript treat apart, NUL, lone surrogates.
    "Анна 😀", "e\u0301", "\u2028\u2029", "\x7f\x01\x1f\t\n\r", '"\\/</script>', "ｆｕｌｌ", "\U0010ffff", "\ufeff",
    {"ключ 😀": "значение"}, "\u0000", {"a\u0000": 1}, "\ud800", "a\ud83d", {"\udfff": 1}, ["\ud83d\ude00"],
    # Keys that are not text, which json.dumps writes as text and orjson refuses.
    {1: "a"}, {True: 1}, {None: 1}, {1.5: 1}, {Decimal("1.5"): 1},
    # What an encoder's `default` turns into text, and what nothing encodes.
    datetime.datetime(2024, 1, 3, 10, 0, 0, 123456, tzinfo=datetime.UTC), datetime.datetime(2024, 1, 3, 10, 0),
    datetime.datetime(2024, 1, 3, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=3))),
    datetime.date(2024, 2, 29), datetime.time(10, 0, 0, 5), datetime.timedelta(days=1, seconds=3, microseconds=7),
    gettext_lazy("Lead"), Channel.SITE, Size.BIG, Point(1), object(), {1, 2}, b"bytes", 1 + 2j,
]  # fmt: skip


def _parsed(text: str) -> Any:
    """As `BoundedJSONParser` reads a body: numbers with a fraction or exponent as Decimal."""
    return json.loads(text, parse_float=Decimal)


def _floats(rng: random.Random) -> list[float]:
    """Any finite float, and many about the exponents where `repr` turns to exponent notation."""
    bits = (struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(600))
    scaled = [m * 10.0**e for e in range(-12, 26) for m in (1, -1.5, rng.random(), rng.randint(1, 10**6))]
    return [f for f in bits if f == f and abs(f) != float("inf")][:400] + scaled


def _corpus() -> list[Any]:
    rng = random.Random(11)
    examples = [_parsed(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.json"))]
    bodies = [random_body(random.Random(seed)) for seed in range(40)]
    # The bodies as the parser hands them over: their floats as Decimal.
    bodies += [_parsed(json.dumps(body)) for body in bodies]
    odd = [values for name, values in vars(fast_values).items() if name.isupper() and isinstance(values, list)]
    floats = _floats(rng)
    decimals = [Decimal(repr(f)) for f in floats] + [Decimal(f"{f:.25e}") for f in floats[:100]]
    decimals += [Decimal(f"{rng.getrandbits(200)}E{rng.randint(-420, 420)}") for _ in range(100)]
    big = [rng.getrandbits(rng.randint(60, 70)) * rng.choice((1, -1)) for _ in range(50)]
    return examples + bodies + odd + EDGES + [floats, decimals, big] + [{"v": v} for v in EDGES + floats + decimals]


def _stored(dumps, value: Any) -> tuple[str, Any]:
    """What PostgreSQL makes of `value` sent as a JSONField's is: its jsonb as text, or why not."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # A JSONField's value as Django's PostgreSQL backend sends it (the stubs know no adapters).
            cursor.execute("SELECT %s::text", [Jsonb(value, dumps=dumps)])  # type: ignore[list-item]
            return "stored", cursor.fetchone()[0]
    except DatabaseError as exc:
        return "refused by PostgreSQL", getattr(exc.__cause__, "sqlstate", None)
    except (TypeError, ValueError, RecursionError) as exc:
        return "refused by the encoder", type(exc)


@pytest.mark.django_db
@pytest.mark.parametrize("encoder", ENCODERS, ids=lambda e: getattr(e, "__name__", "no encoder"))
def test_it_stores_the_jsonb_json_dumps_stores(encoder):
    slow = json.dumps if encoder is None else partial(json.dumps, cls=encoder)
    fast = jsonb_dumps(encoder)
    differ = []
    outcomes = set()
    for value in _corpus():
        long_way, short_way = _stored(slow, value), _stored(fast, value)
        outcomes.add(long_way[0])
        if short_way != long_way:
            differ.append((value, long_way, short_way))

    assert differ == []
    assert outcomes == {"stored", "refused by PostgreSQL", "refused by the encoder"}


@pytest.mark.django_db
@pytest.mark.parametrize("encoder", ENCODERS, ids=lambda e: getattr(e, "__name__", "no encoder"))
def test_it_writes_a_uuid_and_an_enum_where_json_dumps_may_refuse_them(encoder):
    """orjson's own: a UUID as DjangoJSONEncoder writes it, an enum that is neither text nor a
    number as its value; json.dumps refuses either without an encoder that knows it. No stored
    value holds one."""
    slow = json.dumps if encoder is None else partial(json.dumps, cls=encoder)
    for value, text in [(uuid.UUID("f26b876b-6857-4951-b060-ec6559f04a9a"), '"f26b876b-6857-4951-b060-ec6559f04a9a"'),
                        (Colour.RED, '"red"')]:  # fmt: skip
        assert _stored(jsonb_dumps(encoder), value) == ("stored", text)
        assert _stored(slow, value) in {("stored", text), ("refused by the encoder", TypeError)}


@pytest.mark.django_db
def test_it_writes_a_decimal_in_json_dumps_digits():
    fast = jsonb_dumps(PayloadJSONEncoder)

    assert fast({"a": Decimal("30000.50"), "b": Decimal("1E+400"), "c": Decimal("-0.0"), "d": 2**64}) == (
        json.dumps({"a": 30000.5, "b": "1E+400", "c": -0.0, "d": 2**64})
    )
    assert fast([Decimal("1E+16"), Decimal("0.1"), "Анна"]) == '[1e+16,0.1,"Анна"]'.encode()
    stored = _stored(fast, {"a": Decimal("30000.50"), "b": Decimal("1E+22")})
    assert stored == ("stored", '{"a": 30000.5, "b": 10000000000000000000000}')


@pytest.mark.django_db
def test_it_stores_a_leads_values_as_json_dumps_would(api, demo_manager, gar_sample, monkeypatch):
    sent = []

    def recorded(encoder):
        dumps = jsonb_dumps(encoder)

        def dumps_recorded(value):
            sent.append((encoder, value))
            return dumps(value)

        return dumps_recorded

    monkeypatch.setattr(operations, "jsonb_dumps", recorded)
    body = (EXAMPLES / "individual-full.json").read_text(encoding="utf-8")
    body = body.replace('"amount": 30000', '"amount": 30000.50')

    response = api.post("/api/v1/leads", body.encode(), content_type="application/json")

    assert response.status_code == 200, response.json()
    assert PayloadJSONEncoder in {encoder for encoder, _ in sent}
    for encoder, value in sent:
        assert _stored(jsonb_dumps(encoder), value) == _stored(partial(json.dumps, cls=encoder), value)
    with connection.cursor() as cursor:
        cursor.execute("SELECT payload::text FROM leads_lead")
        (stored,) = cursor.fetchone()
    payload = next(value for encoder, value in sent if encoder is PayloadJSONEncoder)
    assert stored == _stored(partial(json.dumps, cls=PayloadJSONEncoder), payload)[1]
    assert '"amount": 30000.5' in stored
