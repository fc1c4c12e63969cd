"""The compiled fast path of the lead's shape (`leads/intake/fast.py`) against the DRF tree it stands in for.

For every body it either gives up (None) or gives exactly the data the DRF tree gives: same keys in
the same order, same Python types, same values (a Decimal's exponent and sign included). And it
does not give up on the bodies integrators really send, or it would save nothing.
"""

import copy
import itertools
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.db import models, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leads.intake import validate
from leads.intake.fast import fast_shape
from modeleditor.fieldkinds import Kind, Prop, Shape
from modeleditor.fieldmap import LEAD
from tests.leads.conftest import EXAMPLES, card_shapes, person, post_lead

SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples"
EXAMPLE_FILES = sorted(SHARED.glob("*.json")) or sorted(EXAMPLES.glob("*.json"))


def load(path: Path) -> dict:
    """A body as the API's parser reads it: fractions are Decimals."""
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def full() -> dict:
    return load(EXAMPLES / "individual-full.json")


def same(fast: Any, slow: Any, path: str = "") -> None:
    """Equal values of the same types, dicts in the same order, Decimals digit for digit."""
    assert type(fast) is type(slow), (path, fast, slow)
    if isinstance(slow, dict):
        assert list(fast) == list(slow), (path, fast, slow)
        for key in slow:
            same(fast[key], slow[key], f"{path}.{key}")
    elif isinstance(slow, list):
        assert len(fast) == len(slow), (path, fast, slow)
        for i, (a, b) in enumerate(zip(fast, slow, strict=True)):
            same(a, b, f"{path}[{i}]")
    elif isinstance(slow, Decimal):
        assert fast.as_tuple() == slow.as_tuple(), (path, fast, slow)
    else:
        assert fast == slow, (path, fast, slow)


def slow_shape(payload: dict) -> tuple[dict, list]:
    with mock.patch.object(validate, "fast_shape", return_value=None):
        return validate._shape(payload)


def differ(body: dict, *, unpruned: bool = True) -> bool:
    """Fast and DRF paths on a body, pruned as intake prunes it (and as sent, unless told not to);
    True if the fast one took it."""
    took = False
    for payload in (validate.prune(body), body) if unpruned else (validate.prune(body),):
        before = copy.deepcopy(payload)
        fast = fast_shape(payload)
        data, problems = slow_shape(payload)
        assert payload == before, "the fast path changed the body"
        if fast is not None:
            assert problems == [], (body, problems)
            same(fast, data)
            took = True
    return took


def props(shape: Shape = LEAD, at: tuple = ()) -> Iterator[tuple[tuple, Prop]]:
    """(path, prop) of every property of the contract, an array's through its first item."""
    for prop in shape.props:
        path = (*at, prop.name)
        yield path, prop
        if prop.kind == Kind.OBJECT:
            yield from props(prop.nested, path)
        elif prop.kind == Kind.ARRAY:
            yield from props(prop.nested, (*path, 0))


PROPS = list(props())


def put(body: dict, path: tuple, value: Any) -> dict:
    """The body with `value` at `path`, objects and first items made where missing."""
    node: Any = body
    for key, following in itertools.pairwise(path):
        if isinstance(key, int):
            if not isinstance(node, list) or not node or not isinstance(node[0], dict):
                raise AssertionError(path)
        elif not isinstance(node.get(key), list | dict):
            node[key] = [{}] if isinstance(following, int) else {}
        elif isinstance(following, int) and not node[key]:
            node[key].append({})
        node = node[key]
    node[path[-1]] = value
    return body


ODD = [None, "", " ", "\t", 0, -1, 1, 2**31, 2**63, -(2**63), 10**40, Decimal("1.5"), Decimal("-0"), 1.5, True, False,
       [], [1, "a"], [None], {}, {"a": 1}, "x" * 300, "\u0000", "a\u0000b", "\ud800", "ё" * 60, "NaN", "Infinity",
       "-Infinity", "1e5", "<script>", "   Ёлка \n зелёная  ", "e\u0301", "ｆｕｌｌ", "١٢٣"]  # fmt: skip

# Every JSON type, and the texts every property must refuse or take the same way.
ODD_OF_ANY_TYPE = [None, "", " ", 0, -1, Decimal("1.5"), True, [], [None], {}, {"a": 1}, "x" * 300,
                   "a\u0000b", "\ud800"]  # fmt: skip

NUMBERS = ["0", "1", "42", "0042", " 42 ", "+42", "-1", "1.0", "1.00", "1.5", "1_000", "1e3", "٤٢", "9" * 19,
           "9" * 20, "9" * 1001, Decimal("1.0"), Decimal("1E+3"), 2**31 - 1, 2**31, 2**63 - 1, 2**63, 127, 128,
           101251, "101251"]  # fmt: skip

MONEY = ["30000", "30000.5", "30000.50", "30000.500", "12.345", "0.125", "0.001", "1e3", "1E3", "-0", "-0.00",
         "0", "0.00", "-5", "+5", " 7 ", "1_000", "999999999999.99", "9999999999999.99", "9999.999", "99999.999",
         "1" * 40, "NaN", "nan", "sNaN", "Infinity", "-Inf", "", ".5", "5.", "٥", Decimal("17.5"), Decimal("1E+3"),
         Decimal("-0"), Decimal("0.10"), Decimal("12.345"), 0, 30000, 10**12, 10**13, -1, 17.5, 0.1,
         1e16]  # fmt: skip

DATES = ["1984-07-03", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-1-3", "2024-01-03T10:00:00",
         "2024-01-03 10:00", "2024-01-03 ", " 2024-01-03", "0000-01-01", "0001-01-01", "0999-12-31", "9999-12-31",
         "20240103", "03.01.2024", "２０２４-01-03", "2024-٠١-03", 20240103]  # fmt: skip

FLAGS = ["true", "True", "TRUE", "t", "yes", "Y", "on", "1", "false", "F", "no", "off", "0", "null", "да", " true",
         "2", 2, 0, 1, 0.0, Decimal("1"), "tRuE"]  # fmt: skip

PHONES = ["+7 (966) 017-54-45", "8 966 017 54 45", "966 017 54 45", "89660175445", "+79660175445", "79660175445",
          "0079660175445", "810 375 29 123 45 67", "+375 29 123 45 67", "37369123456", "7966017544", "+1 202 555 0100",
          "+7 (966) 017-54-45 ext 3", "７９６６０１７５４４５", "79160000001", 79160000001, "+7 900 000-00-00",
          "+7(800)555-35-35", "+" + "7" * 70, "phone"]  # fmt: skip

EMAILS = ["filatov@example.com", " a@example.com ", "A@EXAMPLE.COM", "a@b", "no-at", "a@ex ample.com", "ё@пример.рф",
          "a" * 250 + "@x.ru", "a@" + "b" * 63 + ".ru", "a@example.com\n"]  # fmt: skip

DIGITS = ["500100732259", "500100732250", "7707083893", "7707083894", "77070 83893", "7707-083-893", "7707.083.893",
          "７７０７０８３８９３", 7707083893, 500100732259, "112-233-445 95", "11223344595", "112-233-445 96",
          "001-001-998 00", "1027700132195", "1027700132194", "2027700132195", "304500116000157", "304500116000158",
          "4111111111111111", "4111111111111112", "4111 1111 1111 1111", 4111111111111111, "4111-1111-1111-1111",
          "5555555555554444", "371449635398431", "0" * 13, "0" * 20]  # fmt: skip

CODES = ["780-070", "780070", "78-0070", "780 070", "7800701", "78007", 780070, "７８０-０７０",
         "191186", "SW1A 1AA", "12", "12345678901", "ab-12", "00:1A:2b:3c:4d:5e", "001A2B3C4D5E", "00-1a-2b-3c-4d-5e",
         "00:1A:2B:3C:4D", "zz:1A:2B:3C:4D:5E", "09", "9", 9, "1", "12", "13", "00", "29", 29, "2029", "123",
         "0123", 123, "12345"]  # fmt: skip

UUIDS = ["f26b876b-6857-4951-b060-ec6559f04a9a", "F26B876B-6857-4951-B060-EC6559F04A9A",
         "f26b876b68574951b060ec6559f04a9a", "{f26b876b-6857-4951-b060-ec6559f04a9a}",
         "urn:uuid:f26b876b-6857-4951-b060-ec6559f04a9a", " f26b876b-6857-4951-b060-ec6559f04a9a", "not-a-uuid",
         "f26b876b-6857-4951-b060-ec6559f04a9", 12345]  # fmt: skip

OBJECTS = [{"a": [1, "b", {"c": None}]}, {"a": Decimal("1.5")}, {"a": ""}, {"a": "x" * 1001}, {"a": "x" * 1000},
           {"a": 1}, {"a": True}, {"a": None}, {"floor": " 3 "}, [1, 2], "text", 5]  # fmt: skip

CHOICES = ["SITE", "site", " SITE", "GENERATOR", "DAYS", "MONTHS", "days", "NOPE", 1]

IPS = ["203.0.113.7", " 203.0.113.7 ", "256.1.1.1", "1.2.3", "01.2.3.4", "::ffff:1.2.3.4", "2001:DB8::1",
       "2001:db8:0:0:0:0:0:1", " 2001:db8::1", "fe80::1%eth0", "::", "1::2::3", "1.2.3.4/24"]  # fmt: skip

BY_KIND: dict[str, list] = {
    Kind.ID: NUMBERS,
    Kind.REFERENCE: NUMBERS,
    Kind.COUNT: NUMBERS,
    Kind.POSITIVE_COUNT: NUMBERS,
    Kind.MONEY: MONEY,
    Kind.POSITIVE_MONEY: MONEY,
    Kind.RATE: MONEY,
    Kind.DATE: DATES,
    Kind.FLAG: FLAGS,
    Kind.PHONE: PHONES,
    Kind.EMAIL: EMAILS,
    Kind.INN: DIGITS,
    Kind.SNILS: DIGITS,
    Kind.OGRN: DIGITS,
    Kind.CARD_NUMBER: DIGITS,
    Kind.SUBDIVISION_CODE: CODES,
    Kind.POSTAL_CODE: CODES,
    Kind.MAC: CODES,
    Kind.CARD_MONTH: CODES,
    Kind.CARD_YEAR: CODES,
    Kind.CARD_CVC: CODES,
    Kind.UUID: UUIDS,
    Kind.JSON: OBJECTS,
    Kind.ATTRIBUTES: OBJECTS,
    Kind.CHANNEL: CHOICES,
    Kind.PERIOD_UNIT: CHOICES,
    Kind.IP: IPS,
    Kind.TEXT: ["Филат", 503682, True, Decimal("5.0E+5"), "  a  b  ", "ё", "ё", "Ё\u0308", "x\u200by"],
}

# Values of each kind the fast path must take: a plain, valid value it gave up on would send
# every such lead down the slow path.
PLAIN: dict[str, list] = {
    Kind.TEXT: ["Ёжик", 503682, True, "  a  b  "],
    Kind.ID: [101251, "101251"],
    Kind.REFERENCE: [101251, "101251"],
    Kind.COUNT: [0, 1, "3"],
    Kind.POSITIVE_COUNT: [1, "30"],
    Kind.MONEY: [0, 30000, "30000.50", Decimal("17.5")],
    Kind.POSITIVE_MONEY: [30000, "30000.50", Decimal("17.5")],
    Kind.RATE: [0, Decimal("17.5"), "0.125"],
    Kind.DATE: ["1984-07-03"],
    Kind.FLAG: [True, False, "yes", 0],
    Kind.PHONE: ["+7 (966) 017-54-45", "79160000001", "8 916 000-00-01"],
    Kind.EMAIL: ["filatov@example.com"],
    Kind.INN: ["500100732259", "7707083893"],
    Kind.SNILS: ["112-233-445 95"],
    Kind.OGRN: ["1027700132195"],
    Kind.SUBDIVISION_CODE: ["780-070", "780070"],
    Kind.POSTAL_CODE: ["191186"],
    Kind.UUID: ["f26b876b-6857-4951-b060-ec6559f04a9a"],
    Kind.JSON: [{"a": [1, "b"]}],
    Kind.ATTRIBUTES: [{"floor": "3"}],
    Kind.CHANNEL: ["SITE"],
    Kind.PERIOD_UNIT: ["DAYS"],
    Kind.IP: ["203.0.113.7", "2001:db8::1"],
    Kind.MAC: ["00:1A:2b:3c:4d:5e"],
    Kind.CARD_NUMBER: ["4111111111111111", "4111 1111 1111 1111"],
    Kind.CARD_MONTH: ["09"],
    Kind.CARD_YEAR: ["29"],
    Kind.CARD_CVC: ["123"],
}


def sized(prop: Prop) -> list:
    """Texts at the prop's size, one under and one over, counted before and after cleaning."""
    if not prop.size or prop.kind not in (Kind.TEXT, Kind.PHONE):
        return []
    n = prop.size
    return ["Я" * n, "Я" * (n - 1), "Я" * (n + 1), " " + "Я" * n + " ", "Я " * (n // 2), "Я  " * (n // 2 + 1),
            "e\u0301" * n, "ё" * n]  # fmt: skip


def arrays(prop: Prop) -> list:
    """Odd arrays: null and empty items, a dict for a list, the most items and one more."""
    item: dict = {}
    return [[None], [None, {}], [{}], [], [""], {"0": {}}, "[]", [[]], [item] * (prop.size or 0),
            [item] * ((prop.size or 0) + 1), [{"unknown": 1}]]  # fmt: skip


def test_it_has_odd_values_and_plain_values_of_every_kind_of_the_field_map():
    kinds = {prop.kind for _path, prop in PROPS} - {Kind.OBJECT, Kind.ARRAY}

    assert kinds <= set(BY_KIND)
    assert kinds <= set(PLAIN)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.stem)
def test_it_takes_every_shared_example_and_gives_what_drf_gives(path):
    assert differ(load(path)), f"the fast path gave up on {path.name}"


@pytest.mark.parametrize("body", [person(), card_shapes()], ids=["person", "card shapes"])
def test_it_takes_the_suites_bodies_and_gives_what_drf_gives(body):
    assert differ(body)


# The functions are per kind and size: one property of each kind and size gets every odd value and
# its kind's own, one property of each kind gets its kind's values in a full body as well, and
# every other property one value of each JSON type and the texts any property must refuse. DRF
# over every value of every property in a full body took half a minute.
OF_KIND_AND_SIZE = {(prop.kind, prop.size): path for path, prop in reversed(PROPS)}
IN_FULL_BODY = {prop.kind: path for path, prop in reversed(PROPS)}


@pytest.mark.parametrize(("path", "prop"), PROPS, ids=lambda p: ".".join(map(str, p)) if isinstance(p, tuple) else "")
def test_it_gives_what_drf_gives_or_gives_up_on_odd_values(path, prop):
    own = [*BY_KIND.get(prop.kind, []), *sized(prop), *(arrays(prop) if prop.kind == Kind.ARRAY else [])]
    for value in [*ODD, *own] if OF_KIND_AND_SIZE[prop.kind, prop.size] == path else ODD_OF_ANY_TYPE:
        differ(put({}, path, copy.deepcopy(value)))
    if IN_FULL_BODY[prop.kind] == path:
        for value in own:
            differ(put(full(), path, copy.deepcopy(value)), unpruned=False)


@pytest.mark.parametrize(("path", "prop"), [(path, prop) for path, prop in PROPS if prop.kind in PLAIN])
def test_it_takes_plain_values_of_every_property(path, prop):
    # Alone in the body: the full bodies are the shared examples' test, which the fast path takes whole.
    for value in PLAIN[prop.kind]:
        assert differ(put({}, path, copy.deepcopy(value))), (path, value)


_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(places=3, allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.from_regex(r"[0-9 .\-+()]{0,20}", fullmatch=True)
    | st.sampled_from(ODD + MONEY + DATES + PHONES + DIGITS + CODES + UUIDS)
)
_values = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([path for path, _prop in PROPS]), _values), min_size=1, max_size=4))
def test_it_gives_what_drf_gives_or_gives_up_on_generated_bodies(changes):
    body = full()
    for path, value in changes:
        try:
            put(body, path, value)
        except (AssertionError, TypeError, AttributeError):
            continue
    differ(body)


# What a request leaves behind, ids and times aside: they differ from one request to the next.
_OWN_APPS = ("clients", "leads")


def _rows() -> dict[str, list]:
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label not in _OWN_APPS:
            continue
        skip = {
            f.attname
            for f in model._meta.concrete_fields
            if f.primary_key or f.is_relation or isinstance(f, models.DateTimeField)
        }
        if model._meta.label == "clients.Contract":
            skip.add("number")  # numbered after the application's id
        found = [{k: v for k, v in row.items() if k not in skip} for row in model._default_manager.values()]
        rows[model._meta.label] = sorted(found, key=repr)
    return rows


def _outcome(api, body: dict, *, fast: bool) -> tuple[int, dict, dict, int]:
    """Status, envelope without its time, rows written, and how many times the fast path took the body."""
    took = 0

    def counted(payload: dict) -> dict | None:
        nonlocal took
        data = fast_shape(payload)
        took += data is not None
        return data

    with transaction.atomic():
        with mock.patch.object(validate, "fast_shape", counted if fast else mock.Mock(return_value=None)):
            response = post_lead(api, body)
        envelope = {k: v for k, v in response.json().items() if k not in ("timestamp", "data")}
        if response.status_code != 200:
            envelope["data"] = response.json().get("data")
        rows = _rows()
        transaction.set_rollback(True)
    return response.status_code, envelope, rows, took


def _whole_bodies() -> list[tuple[str, dict, bool]]:
    """(name, body, whether the fast path must take it)."""
    bodies = [(path.stem, load(path), True) for path in EXAMPLE_FILES]
    bodies += [("card shapes", card_shapes(), True), ("person", person(), True)]
    odd = {
        "amount as text": ("amount", "30000.00", True),
        "amount with three decimals": ("amount", "30000.001", False),
        "amount in exponent form": ("amount", "3e4", False),
        "negative zero amount": ("amount", "-0", False),
        "huge income": ("meanIncome", 10**20, False),
        "passport number as a number": (("passport", "no"), 503682, True),
        "date with a time": ("birthDate", "1984-07-03T00:00:00", False),
        "no such date": ("birthDate", "1984-02-30", False),
        "bad INN check digit": ("inn", "500100732250", False),
        "phone with an 8": ("mobilePhone", "8 (966) 017-54-45", True),
        "not a phone": ("mobilePhone", "12345", False),
        "null relative": ("relatives", [None], False),
        "dict for a list": ("goods", {"name": "x"}, False),
        "flag as text": ("naturalPerson", "yes", True),
        "text with ё and spaces": ("lastName", "  Филатов   Ёжиков ", True),
        "too long name": ("firstName", "Я" * 51, False),
        "unknown channel": ("channel", "FAX", False),
    }
    for name, (path, value, takes) in odd.items():
        bodies.append(
            (
                name,
                put(
                    load(EXAMPLES / "individual-full.json"), tuple(path) if isinstance(path, tuple) else (path,), value
                ),
                takes,
            )
        )
    return bodies


@pytest.mark.parametrize(("name", "body", "takes"), _whole_bodies(), ids=[b[0] for b in _whole_bodies()])
def test_it_answers_and_stores_the_same_with_and_without_the_fast_path(
    api, demo_manager, gar_sample, name, body, takes
):
    slow_status, slow_envelope, slow_rows, _ = _outcome(api, copy.deepcopy(body), fast=False)
    status, envelope, rows, took = _outcome(api, copy.deepcopy(body), fast=True)

    assert (status, envelope) == (slow_status, slow_envelope)
    assert rows == slow_rows
    assert bool(took) == takes
