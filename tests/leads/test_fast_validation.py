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
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leads.intake import fast, validate
from leads.intake.fast import fast_shape
from modeleditor.fieldkinds import Kind, Prop, Shape
from modeleditor.fieldmap import LEAD
from tests.leads.conftest import EXAMPLES, card_shapes, person, post_lead
from tests.leads.fast_values import (
    BY_KIND,
    CODES,
    DATES,
    DIGITS,
    MONEY,
    ODD,
    ODD_OF_ANY_TYPE,
    PHONES,
    PLAIN,
    UUIDS,
    arrays,
    sized,
)

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


_EMAIL_USERS = ["a", "A.b", "filatov", "ivan.petrov-1990", ".a", "a.", "a..b", '"quoted"', '"q\\"x"', '"a b"', "a+b",
                "a b", "ё", "", "!#$%&'*+/=?^_`{}|~-", "a\u0000", "a" * 64, "a" * 260]  # fmt: skip
_EMAIL_DOMAINS = ["example.com", "EXAMPLE.COM", "mail.ru", "b", "localhost", "LOCALHOST", "[127.0.0.1]", "[::1]",
                  "[1.2.3.999]", "[::g]", "xn--p1ai", "xn--e1afmkfd.xn--p1ai", "пример.рф", "-a.com", "a-.com",
                  "a.-b.com", "a..com", "a.c", "a.co1", "a.c-", "a_b.com", "b" * 63 + ".ru", "b" * 64 + ".ru",
                  "exa mple.com", "example.com.", "ex@mple.com", "", "a.xn--", "1.2.3.4"]  # fmt: skip


def _email_corpus() -> list[str]:
    made = [f"{user}@{domain}" for user in _EMAIL_USERS for domain in _EMAIL_DOMAINS]
    # Around Django's 320 characters, and texts without or with more than one "@".
    made += ["u" * n + "@example.com" for n in range(305, 312)] + ["no-at", "a@b@example.com", "@", "@example.com"]
    return made


def test_it_checks_emails_as_djangos_validator():
    taken = 0
    for value in _email_corpus():
        try:
            validate_email(value)
            expected = True
        except ValidationError:
            expected = False
        assert fast.email_is_valid(value) is expected, value
        taken += expected
    # Both answers are common, and the validator's own patterns decide most of those it takes.
    assert 50 < taken < len(_email_corpus()) - 50, taken


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
