"""Whatever an integrator sends, the answer is the envelope with a 2xx or 4xx, never a 500."""

import random
from typing import Any

import pytest

from leads.intake.fields import ItemList
from leads.intake.shape import LEAD_IN
from tests.leads.conftest import post_lead

ODD_VALUES = [None, "", " ", "x" * 300, 0, -1, 2**63, 1.5, -0.0, 1e308, True, False, [], [1, "a"], {}, {"a": 1},
              "2024-02-30", "9999-12-31", "79160000000", "<script>", "\u0000", "ё" * 60, "NaN", "1e5"]  # fmt: skip


def _nested_names(field) -> list[str]:
    child = getattr(field, "child", field)
    return list(getattr(child, "fields", {}))


def random_body(rng: random.Random) -> dict:
    body: dict[str, Any] = {"firstName": "Анна", "mobilePhone": "79160000000"}
    for name, field in rng.sample(sorted(LEAD_IN.fields.items()), k=12):
        nested = _nested_names(field)
        if nested and rng.random() < 0.6:
            item = {key: rng.choice(ODD_VALUES) for key in rng.sample(nested, k=min(4, len(nested)))}
            body[name] = [item, rng.choice(ODD_VALUES)] if hasattr(field, "child") else item
        else:
            body[name] = rng.choice(ODD_VALUES)
    return body


@pytest.mark.parametrize("seed", range(40))
def test_it_never_answers_500_to_odd_bodies(api, seed):
    rng = random.Random(seed)

    for _ in range(5):
        body = random_body(rng)
        response = post_lead(api, body)

        assert response.status_code in (200, 400, 422), (response.status_code, body)
        envelope = response.json()
        assert envelope["status"] == ("ok" if response.status_code == 200 else "error")
        if response.status_code == 400:
            assert all(e["code"] and e["message"] for e in envelope["errors"])


def _largest(field):
    """The largest value the shape accepts for a plain field, or None to leave it out."""
    kind = type(field).__name__
    if kind == "Text" and field.max_length:
        return "Я" * field.max_length
    if kind == "Count":
        return field.max_value
    if kind == "Money":
        return float("9" * (field.max_digits - field.decimal_places))
    if kind == "Flag":
        return True
    return None


def _largest_object(serializer) -> dict:
    return {name: value for name, f in serializer.fields.items() if (value := _largest(f)) is not None}


def test_it_stores_every_field_at_its_largest_accepted_value(api):
    body = _largest_object(LEAD_IN) | {"firstName": "Я" * 50, "mobilePhone": "79160000000"}
    for name, field in LEAD_IN.fields.items():
        if isinstance(field, ItemList):
            body[name] = [_largest_object(field.child)] * field.max_items
        elif hasattr(field, "fields"):
            body[name] = _largest_object(field)
    body["passport"] |= {"seria": "4008", "no": "503682"}
    body["addresses"] = [a | {"position": 127} for a in body["addresses"]]

    response = post_lead(api, body)

    assert response.status_code == 200, response.json()
