"""The card-data scrub's fast paths give what the plain implementation gave, on every input.

The reference (`_reference_*`) is the implementation as it was before the fast paths: masking
that searched every text, and a stored body walked twice (known properties, then the scrub).
Generated texts and trees hold grouped card numbers, numbers inside longer digit runs, other
scripts' digits, JSON numbers, and security-code names at any depth."""

import datetime
import json
import random
import re
import uuid
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from rest_framework import serializers

from clients.validators import card_mask, digits, luhn_is_valid
from leads.intake.card_data import mask_card_numbers, scrub
from leads.intake.shape import LEAD_IN
from leads.intake.stored import MAX_IGNORED, MAX_IGNORED_PATH, NOT_CARD_DATA, stored_body
from leads.intake.validate import _shape, prune

# No query here; the suite's autouse cache fixture needs the test database set up.
pytestmark = pytest.mark.django_db

# ---- the reference: card_data.py and stored.py as they were -------------------------------------

_SECURITY_CODE_WORDS = frozenset({"cvc", "cvv", "cvc2", "cvv2", "cid", "csc", "cvn"})
_SECURITY_CODE_ENDINGS = ("cvc", "cvv", "cvc2", "cvv2", "securitycode")
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_DIGIT_RUN = re.compile(r"\d+(?:[ \-]\d+)*")
_GROUP = re.compile(r"\d+")
_THIRTEEN_DIGITS = re.compile(r"\d(?:[ \-]?\d){12}")
CARD_DIGITS = range(13, 20)


@lru_cache(maxsize=4096)
def _reference_means_security_code(name: str) -> bool:
    words = re.split(r"[^a-z0-9]+", _WORD_BOUNDARY.sub(" ", name).lower())
    flat = "".join(words)
    return bool(_SECURITY_CODE_WORDS.intersection(words)) or flat.endswith(_SECURITY_CODE_ENDINGS)


def _reference_is_card(number: str) -> bool:
    return len(number) in CARD_DIGITS and luhn_is_valid(number)


def _reference_mask_run(match: re.Match) -> str:
    run = match.group()
    groups = list(_GROUP.finditer(run))
    if sum(len(g.group()) for g in groups) < CARD_DIGITS.start:
        return run
    pieces, done, i = [], 0, 0
    while i < len(groups):
        for j in range(len(groups) - 1, i - 1, -1):
            number = digits("".join(g.group() for g in groups[i : j + 1]))
            if _reference_is_card(number):
                pieces += [run[done : groups[i].start()], card_mask(number)]
                done, i = groups[j].end(), j
                break
        i += 1
    return "".join(pieces) + run[done:]


def _reference_mask_card_numbers(text: str) -> str:
    return _DIGIT_RUN.sub(_reference_mask_run, text) if _THIRTEEN_DIGITS.search(text) else text


def _reference_scrub(value, *, numbers: bool = True, keep: frozenset[str] = frozenset()):
    if isinstance(value, str):
        return _reference_mask_card_numbers(value)
    if isinstance(value, dict):
        named = value.get("name")
        drop_value = isinstance(named, str) and _reference_means_security_code(named)
        scrubbed = {}
        for key, item in value.items():
            if _reference_means_security_code(str(key)) or (drop_value and key == "value"):
                continue
            name = _reference_mask_card_numbers(key) if isinstance(key, str) else key
            scrubbed[name] = item if key in keep else _reference_scrub(item, numbers=numbers)
        return scrubbed
    if isinstance(value, list):
        return [_reference_scrub(item, numbers=numbers) for item in value]
    if numbers and isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = str(value)
        masked = _reference_mask_card_numbers(text)
        return masked if masked != text else value
    return value


def _reference_known(value, shape, path: str, ignored: list[str]):
    if isinstance(shape, serializers.ListSerializer) and isinstance(value, list):
        return [_reference_known(item, shape.child, f"{path}[{i}]", ignored) for i, item in enumerate(value)]
    if isinstance(shape, serializers.Serializer) and isinstance(value, dict):
        kept = {}
        for name, item in value.items():
            inner = f"{path}.{name}" if path else name
            if name in shape.fields:
                kept[name] = _reference_known(item, shape.fields[name], inner, ignored)
            else:
                ignored.append(inner)
        return kept
    return value


def _reference_stored_body(payload: dict) -> tuple[dict, list[str]]:
    ignored: list[str] = []
    known = _reference_known(payload, LEAD_IN, "", ignored)
    names = [_reference_mask_card_numbers(path[:MAX_IGNORED_PATH]) for path in ignored[:MAX_IGNORED]]
    return _reference_scrub(known, keep=NOT_CARD_DATA), names


# ---- generated inputs -----------------------------------------------------------------------------

SECURITY_NAMES = ["cvv", "CVV", "cvc2", "cardCvc", "cardCVC", "card_cvc2", "securityCode", "client.cid", "Cvn", "x-csc"]
HARMLESS_NAMES = ["name", "value", "number", "cardNumber", "card", "cvcx", "vcv", "registrationNumber", "note", "id"]
OTHER_DIGITS = "٠١٢٣٤٥٦٧٨٩０１２３４５６７８９߁"
WORDS = ["Анна", "card", "№", "тел.", "ул Ленина", "", " ", "x", "4111", "12:30", "1.5", "e+3", "\n", "—"]


def _luhn_number(rng: random.Random, length: int) -> str:
    body = [rng.choice("0123456789") for _ in range(length - 1)]
    for check in "0123456789":
        if luhn_is_valid("".join(body) + check) or not 13 <= length <= 19:
            break
    return "".join(body) + check


def _grouped(rng: random.Random, number: str) -> str:
    pieces, i = [], 0
    while i < len(number):
        size = rng.choice([1, 3, 4, 4, 4, 5, 6, 8])
        pieces.append(number[i : i + size])
        i += size
    separator = rng.choice([" ", "-", "", " ", "  ", " - ", "."])
    return separator.join(pieces)


def _digit_run(rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:
        return _luhn_number(rng, rng.randint(12, 20))
    if kind == 1:
        return _grouped(rng, _luhn_number(rng, rng.randint(13, 19)))
    if kind == 2:  # a card number inside a longer run of digits
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 4))) + _luhn_number(rng, 16)
    if kind == 3:
        return "".join(rng.choice(OTHER_DIGITS) for _ in range(rng.randint(10, 20)))
    if kind == 4:
        return _luhn_number(rng, 16).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return "".join(rng.choice("0123456789 -") for _ in range(rng.randint(0, 30)))


def _text(rng: random.Random) -> str:
    parts = [rng.choice(WORDS) if rng.random() < 0.5 else _digit_run(rng) for _ in range(rng.randint(0, 4))]
    return rng.choice(["", " ", "-", ", "]).join(parts)


def _number(rng: random.Random):
    kind = rng.randrange(6)
    if kind == 0:
        return int(_luhn_number(rng, rng.randint(12, 20)))
    if kind == 1:
        return -int(_luhn_number(rng, 16))
    if kind == 2:
        return Decimal(_luhn_number(rng, 16) + rng.choice(["", ".0", ".5", "E+3", "e-2"]))
    if kind == 3:
        return rng.randint(-(10**14), 10**14)
    if kind == 4:
        return rng.random() * 10 ** rng.randint(0, 20)
    # Typed leaves of validated data too: dates, UUIDs, an int subclass.
    return rng.choice(
        [True, False, None, 0, Decimal("NaN"), Decimal("-0"), datetime.date(2026, 12, 1), uuid.UUID(int=4111)]
    )


def _key(rng: random.Random, known: list[str]) -> str:
    pick = rng.random()
    if pick < 0.15:
        return rng.choice(SECURITY_NAMES)
    if pick < 0.5 and known:
        return rng.choice(known)
    if pick < 0.6:
        return _text(rng)[:40]
    return rng.choice(HARMLESS_NAMES)


def _tree(rng: random.Random, depth: int, known: list[str] | None = None):
    pick = rng.random()
    if depth <= 0 or pick < 0.45:
        return _text(rng) if rng.random() < 0.6 else _number(rng)
    if pick < 0.6:
        return [_tree(rng, depth - 1) for _ in range(rng.randint(0, 4))]
    if pick < 0.7:
        return {"name": rng.choice(SECURITY_NAMES + HARMLESS_NAMES), "value": _tree(rng, depth - 1)}
    return {_key(rng, known or []): _tree(rng, depth - 1) for _ in range(rng.randint(0, 6))}


def _texts() -> list[str]:
    rng = random.Random(11)
    fixed = ["4111 1111 1111 1111", "№ 12 4111-1111-1111-1111", "4111111111111112", "", "1" * 12, "1" * 13]
    return fixed + [_text(rng) for _ in range(5_000)]


def test_it_masks_every_text_as_before():
    for text in _texts():
        assert mask_card_numbers(text) == _reference_mask_card_numbers(text), text


@pytest.mark.parametrize("numbers", [True, False])
def test_it_scrubs_every_tree_as_before(numbers):
    rng = random.Random(17 if numbers else 19)
    for _ in range(1_000):
        tree = _tree(rng, depth=6)
        keep = frozenset(rng.sample(["registrationNumber", "cvv", "note", "name"], rng.randint(0, 2)))
        expected = _reference_scrub(tree, numbers=numbers, keep=keep)
        assert repr(scrub(tree, numbers=numbers, keep=keep)) == repr(expected), tree


def _lead_names(shape) -> list[str]:
    names: list[str] = []
    if isinstance(shape, serializers.ListSerializer):
        shape = shape.child
    if isinstance(shape, serializers.Serializer):
        for name, field in shape.fields.items():
            names += [name, *_lead_names(field)]
    return names


def _mutated(rng: random.Random, value, names: list[str], depth: int):
    """`value` with some properties replaced or added (known names, unknown, security codes)."""
    if isinstance(value, dict):
        mutated = {k: _mutated(rng, v, names, depth + 1) for k, v in value.items()}
        for _ in range(rng.choice([0, 0, 1, 2])):
            mutated[_key(rng, names)] = _tree(rng, 3, names)
        if rng.random() < 0.1 and mutated:
            mutated[rng.choice(list(mutated))] = _tree(rng, 3, names)
        return mutated
    if isinstance(value, list):
        return [_mutated(rng, v, names, depth + 1) for v in value] + [_tree(rng, 2, names)] * (rng.random() < 0.1)
    return _tree(rng, 2, names) if rng.random() < 0.05 else value


EXAMPLES = [
    json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    for folder in (Path(__file__).parent / "examples", Path(__file__).parents[3] / "shared" / "examples")
    if folder.is_dir()
    for path in sorted(folder.glob("*.json"))
]


def test_it_stores_every_body_as_before():
    rng = random.Random(23)
    names = _lead_names(LEAD_IN)
    bodies = [*EXAMPLES]
    bodies += [_mutated(rng, rng.choice(EXAMPLES), names, 0) for _ in range(500)]
    bodies += [_tree(rng, 5, names) for _ in range(500)]
    bodies += [
        {"extraFields": [{"name": "cardCvc", "value": "0149"}, {"name": 5, "value": "4111111111111111"}]},
        {"registrationNumber": "1027700132195", "cvv": {"registrationNumber": 4111111111111111}},
        {"name": "cvv", "value": "0864", "relatives": [{"name": "cvc", "value": 1, "x": {"cvv": 2}}]},
        {"passport": {"cvv": {"unknown": 1}, "seria": "4111 1111 1111 1111"}, "4111111111111111": 1},
    ]
    assert len(EXAMPLES) >= 3
    for body in bodies:
        if not isinstance(body, dict):
            continue
        payload, ignored = _reference_stored_body(body)
        stored = stored_body(body)
        assert repr(stored.payload) == repr(payload), body
        assert stored.ignored == ignored, body


def test_it_scrubs_every_validated_lead_as_before():
    """What a lead's checks give (typed values: dates, amounts, ids, flags) is scrubbed as before."""
    rng = random.Random(29)
    names = _lead_names(LEAD_IN)
    bodies = [*EXAMPLES, *(_mutated(rng, rng.choice(EXAMPLES), names, 0) for _ in range(300))]
    typed = 0
    for body in bodies:
        data, _problems = _shape(prune(body))
        expected = _reference_scrub(data, numbers=False, keep=NOT_CARD_DATA)
        assert repr(scrub(data, numbers=False, keep=NOT_CARD_DATA)) == repr(expected), body
        typed += isinstance(data.get("birthDate"), datetime.date)
    assert typed > 50, typed
