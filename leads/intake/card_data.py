"""Card data as a lead may keep it (PCI DSS 3.3.1.2, 3.4.1): card numbers masked wherever they
appear, security codes nowhere, whatever the property is called and however deep it sits."""

import re
from decimal import Decimal
from functools import lru_cache

from clients.validators import card_mask, digits, luhn_is_valid

_SECURITY_CODE_WORDS = frozenset({"cvc", "cvv", "cvc2", "cvv2", "cid", "csc", "cvn"})
_SECURITY_CODE_ENDINGS = ("cvc", "cvv", "cvc2", "cvv2", "securitycode")
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Digit groups joined by single spaces or hyphens: "4111 1111 1111 1111", "4111-1111-1111-1111".
_DIGIT_RUN = re.compile(r"\d+(?:[ \-]\d+)*")
_GROUP = re.compile(r"\d+")
# Thirteen digits, single separators allowed: a text without them holds no card number.
_THIRTEEN_DIGITS = re.compile(r"\d(?:[ \-]?\d){12}")
CARD_DIGITS = range(13, 20)
SHORTEST_CARD = CARD_DIGITS.start
# An int closer to zero has fewer digits than the shortest card number: nothing in it to mask.
_FEWER_DIGITS_THAN_A_CARD = 10 ** (SHORTEST_CARD - 1)
# Tuples: isinstance with a union (`dict | list`) is slower, and every value of a lead is asked.
NESTED = (dict, list)
_NESTED_OR_TEXT = (dict, list, str)


@lru_cache(maxsize=4096)
def means_security_code(name: str) -> bool:
    """`cvv`, `cardCVC`, `card_cvc2`, `securityCode`, `client.cid`: any casing, any separator."""
    words = re.split(r"[^a-z0-9]+", _WORD_BOUNDARY.sub(" ", name).lower())
    flat = "".join(words)
    return bool(_SECURITY_CODE_WORDS.intersection(words)) or flat.endswith(_SECURITY_CODE_ENDINGS)


def _is_card(number: str) -> bool:
    return len(number) in CARD_DIGITS and luhn_is_valid(number)


def _mask_run(match: re.Match) -> str:
    """Masks the longest runs of adjacent digit groups that form a card number, left to right."""
    run = match.group()
    groups = list(_GROUP.finditer(run))
    if sum(len(g.group()) for g in groups) < CARD_DIGITS.start:
        return run
    pieces, done, i = [], 0, 0
    while i < len(groups):
        for j in range(len(groups) - 1, i - 1, -1):
            number = digits("".join(g.group() for g in groups[i : j + 1]))
            if _is_card(number):
                pieces += [run[done : groups[i].start()], card_mask(number)]
                done, i = groups[j].end(), j
                break
        i += 1
    return "".join(pieces) + run[done:]


def mask_card_numbers(text: str) -> str:
    """Every run of 13–19 digits that passes Luhn, as its first six and last four digits."""
    # Most values are shorter than the thirteen digits a card number needs: no regex for them.
    if len(text) < CARD_DIGITS.start or not _THIRTEEN_DIGITS.search(text):
        return text
    return _DIGIT_RUN.sub(_mask_run, text)


def scrub(value, *, numbers: bool = True, keep: frozenset[str] = frozenset()):
    """A copy of a JSON-like value with card numbers masked and security codes dropped.

    Properties named like a security code go, and so does the `value` of a `{"name": <such a
    name>, "value": …}` pair (how extra fields are sent). `numbers`: mask JSON numbers that are
    card numbers too (a body as sent; typed lead data keeps its ids). Top-level properties in
    `keep` hold a checked identifier of another kind (an OGRN can pass Luhn) and stay as they are.
    """
    if isinstance(value, dict):
        drop_value = pairs_security_code(value)
        scrubbed = {}
        for key, item in value.items():
            name = _kept_text_name(key) if key.__class__ is str else kept_name(key)
            if name is None or (drop_value and key == "value"):
                continue
            if key in keep:
                scrubbed[name] = item
            elif item.__class__ is str:
                # `scrub_item`'s first answer, without the call: most values of a lead are short texts.
                scrubbed[name] = item if len(item) < SHORTEST_CARD else mask_card_numbers(item)
            elif not numbers and not isinstance(item, _NESTED_OR_TEXT):
                # What `scrub_item` gives back as it is when numbers stay: typed data's dates,
                # amounts, ids and flags, without the call.
                scrubbed[name] = item
            else:
                scrubbed[name] = scrub_item(item, numbers)
        return scrubbed
    if isinstance(value, list):
        return [scrub_item(item, numbers) for item in value]
    return scrub_item(value, numbers)


def scrub_item(value, numbers: bool):
    """`scrub(value, numbers=numbers)`. The common leaves are answered first, without the
    recursion: a lead is mostly short texts and small numbers, and every one of them is walked."""
    kind = value.__class__
    if kind is str:
        return value if len(value) < SHORTEST_CARD else mask_card_numbers(value)
    if (
        value is None
        or kind is bool
        or (kind is int and -_FEWER_DIGITS_THAN_A_CARD < value < _FEWER_DIGITS_THAN_A_CARD)
    ):
        return value
    if kind is dict or kind is list or isinstance(value, NESTED):
        return scrub(value, numbers=numbers)
    if isinstance(value, str):
        return mask_card_numbers(value)
    if numbers and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        text = str(value)
        masked = mask_card_numbers(text)
        return masked if masked != text else value
    return value


def pairs_security_code(value: dict) -> bool:
    """Whether `value` is a `{"name": <a security code's name>, "value": …}` pair."""
    named = value.get("name")
    return isinstance(named, str) and means_security_code(named)


def kept_name(key):
    """What `scrub` keeps the property `key` as: None for a security code's name, otherwise the
    name with any card number masked."""
    if key.__class__ is str:
        return _kept_text_name(key)
    if means_security_code(str(key)):
        return None
    return mask_card_numbers(key) if isinstance(key, str) else key


@lru_cache(maxsize=4096)
def _kept_text_name(key: str) -> str | None:
    # A lead repeats the contract's few hundred names: one cached answer per name.
    return None if means_security_code(key) else mask_card_numbers(key)
