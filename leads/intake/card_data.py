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
    return _DIGIT_RUN.sub(_mask_run, text) if _THIRTEEN_DIGITS.search(text) else text


def scrub(value, *, numbers: bool = True, keep: frozenset[str] = frozenset()):
    """A copy of a JSON-like value with card numbers masked and security codes dropped.

    Properties named like a security code go, and so does the `value` of a `{"name": <such a
    name>, "value": …}` pair (how extra fields are sent). `numbers`: mask JSON numbers that are
    card numbers too (a body as sent; typed lead data keeps its ids). Top-level properties in
    `keep` hold a checked identifier of another kind (an OGRN can pass Luhn) and stay as they are.
    """
    if isinstance(value, str):
        return mask_card_numbers(value)
    if isinstance(value, dict):
        named = value.get("name")
        drop_value = isinstance(named, str) and means_security_code(named)
        scrubbed = {}
        for key, item in value.items():
            if means_security_code(str(key)) or (drop_value and key == "value"):
                continue
            name = mask_card_numbers(key) if isinstance(key, str) else key
            scrubbed[name] = item if key in keep else scrub(item, numbers=numbers)
        return scrubbed
    if isinstance(value, list):
        return [scrub(item, numbers=numbers) for item in value]
    if numbers and isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = str(value)
        masked = mask_card_numbers(text)
        return masked if masked != text else value
    return value
