"""What is kept of a lead's body: the properties the contract knows, card data scrubbed, and the
paths of the properties it ignored (unknown properties may hold anything, a card's CVC included)."""

from dataclasses import dataclass
from functools import cache

from rest_framework import serializers

from leads.intake.card_data import NESTED, SHORTEST_CARD, kept_name, mask_card_numbers, pairs_security_code, scrub_item
from leads.intake.shape import LEAD_IN

# An OGRN is a checked identifier of 13 or 15 digits; one that happens to pass Luhn is no card.
NOT_CARD_DATA = frozenset({"registrationNumber"})
MAX_IGNORED = 100
MAX_IGNORED_PATH = 200


@dataclass(frozen=True)
class StoredBody:
    payload: dict
    ignored: list[str]


def _known(value, shape: serializers.Field | None, path: str, ignored: list[str]):
    if isinstance(shape, serializers.ListSerializer) and isinstance(value, list):
        return [_known(item, shape.child, f"{path}[{i}]", ignored) for i, item in enumerate(value)]
    if isinstance(shape, serializers.Serializer) and isinstance(value, dict):
        kept = {}
        for name, item in value.items():
            inner = f"{path}.{name}" if path else name
            if name in shape.fields:
                kept[name] = _known(item, shape.fields[name], inner, ignored)
            else:
                ignored.append(inner)
        return kept
    return value


def _known_scrubbed(value, shape: serializers.Field | None, path: str, ignored: list[str], keep: frozenset[str]):
    """`scrub(_known(value, …), keep=keep)` in one walk: a full lead has a hundred values, and
    walking them twice cost as much as the scrub itself. Step by step as the two walks: the
    ignored paths in the same order (inside a dropped security code too), then what `scrub`
    makes of the known properties."""
    if isinstance(shape, serializers.ListSerializer) and isinstance(value, list):
        child = shape.child
        return [_known_scrubbed(item, child, f"{path}[{i}]", ignored, frozenset()) for i, item in enumerate(value)]
    if not (isinstance(shape, serializers.Serializer) and isinstance(value, dict)):
        return scrub_item(value, True)
    fields = _fields(shape)
    # `scrub` reads the "name" of the known properties: a text only if sent as one.
    drop_value = "name" in fields and pairs_security_code(value)
    kept = {}
    for name, item in value.items():
        known = fields.get(name)
        if known is None:
            ignored.append(f"{path}.{name}" if path else name)
            continue
        field, kept_as = known
        dropped = kept_as is None or (drop_value and name == "value")
        kind = item.__class__
        if kind is str:
            # The commonest leaf, answered as `scrub_item` answers it, without the call.
            if not dropped:
                kept[kept_as] = item if name in keep or len(item) < SHORTEST_CARD else mask_card_numbers(item)
            continue
        if not (kind is dict or kind is list or isinstance(item, NESTED)):
            # A leaf: nothing in it to ignore, and `_known` gives it back as it is.
            if not dropped:
                kept[kept_as] = item if name in keep else scrub_item(item, True)
            continue
        inner = f"{path}.{name}" if path else name
        if dropped:
            _known(item, field, inner, ignored)
        elif name in keep:
            kept[kept_as] = _known(item, field, inner, ignored)
        else:
            kept[kept_as] = _known_scrubbed(item, field, inner, ignored, frozenset())
    return kept


@cache
def _fields(shape: serializers.Serializer) -> dict[str, tuple[serializers.Field, str | None]]:
    """A shape's fields as a plain dict (DRF's own mapping answers through Python methods), each
    with the name `scrub` keeps it under (`kept_name`); the shapes are the module-level tree
    `LEAD_IN`, built once."""
    return {name: (field, kept_name(name)) for name, field in shape.fields.items()}


def stored_body(payload: dict) -> StoredBody:
    """The body as a lead keeps it: known properties only, card numbers masked, no security code."""
    ignored: list[str] = []
    known = _known_scrubbed(payload, LEAD_IN, "", ignored, NOT_CARD_DATA)
    names = [mask_card_numbers(path[:MAX_IGNORED_PATH]) for path in ignored[:MAX_IGNORED]]
    return StoredBody(payload=known, ignored=names)
