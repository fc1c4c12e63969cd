"""What is kept of a lead's body: the properties the contract knows, card data scrubbed, and the
paths of the properties it ignored (unknown properties may hold anything, a card's CVC included)."""

from dataclasses import dataclass

from rest_framework import serializers

from leads.intake.card_data import mask_card_numbers, scrub
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


def stored_body(payload: dict) -> StoredBody:
    """The body as a lead keeps it: known properties only, card numbers masked, no security code."""
    ignored: list[str] = []
    known = _known(payload, LEAD_IN, "", ignored)
    names = [mask_card_numbers(path[:MAX_IGNORED_PATH]) for path in ignored[:MAX_IGNORED]]
    return StoredBody(payload=scrub(known, keep=NOT_CARD_DATA), ignored=names)
