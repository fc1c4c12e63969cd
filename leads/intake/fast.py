"""The lead's shape without DRF for a body that is well formed: a tree of plain functions, one per
property, compiled once per process from the field map.

Why: running every value through DRF's `run_validation` (empty-value handling, validator objects,
lazy messages) was a fifth of the Django process's CPU per lead. What guards it: it only ever
vouches for a value it is sure of, and gives the same Python value the DRF tree
(`leads/intake/shape.py`) would give. Anything else (a type it does not take, a value failing any
check, a number it would have to round) makes it give up: `fast_shape` returns None and the DRF tree
runs, which stays the contract's declaration, the OpenAPI source and the one author of error
reports. The bounds of each property (lengths, ranges, patterns, digits, choices) are read off the
DRF field of the same property, so the two cannot disagree on them; tests/leads/test_fast_validation.py
compares both on the shared examples and on odd values of every kind.
"""

import datetime
import json
import re
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NoReturn, TypeGuard, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email, validate_ipv46_address
from django.utils.ipv6 import clean_ipv6_address
from rest_framework import serializers

from clients.validators import digits, phone_normalize, text_clean
from leads.intake.fields import (
    NOT_DIGITS,
    CardNumber,
    Choice,
    Count,
    Date,
    Digits,
    Flag,
    Id,
    IpAddress,
    ItemList,
    Money,
    Pattern,
    Phone,
    RegistrationNumber,
    SubdivisionCode,
    Text,
)
from leads.intake.shape import LEAD_IN
from modeleditor.fieldkinds import Kind, Prop
from modeleditor.fieldkinds import Shape as FieldShape
from modeleditor.fieldmap import LEAD

Convert = Callable[[Any], Any]


class Unsure(Exception):
    """The fast path cannot vouch for a value: the DRF tree decides."""


def _unsure(data: Any) -> NoReturn:
    raise Unsure


# What DRF's CharField refuses after cleaning (ProhibitNull/SurrogateCharactersValidator).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Ints beyond this are left to DRF: str() of a huge int can raise.
_INT_TEXT_LIMIT = 10**30


def _cleaned(data: Any) -> str:
    """What `fields.Text` makes of a value: a string, numbers and booleans as their text, cleaned."""
    kind = type(data)
    if kind is str:
        text = data
    elif kind is bool:
        text = "true" if data else "false"
    elif (kind is int and -_INT_TEXT_LIMIT < data < _INT_TEXT_LIMIT) or kind is Decimal or kind is float:
        text = str(data)
    else:
        raise Unsure
    text = text.strip()
    if not text:
        raise Unsure
    value = text_clean(text)
    # An ASCII text (most are) can hold no surrogate: the one character to look for is NUL.
    if "\x00" in value if value.isascii() else _UNSTORABLE.search(value):
        raise Unsure
    return value


def _text(max_length: int | None) -> Convert:
    def text(data: Any) -> str:
        value = _cleaned(data)
        if max_length is not None and len(value) > max_length:
            raise Unsure
        return value

    return text


def _phone(max_length: int | None) -> Convert:
    def phone(data: Any) -> str:
        number = phone_normalize(_cleaned(data))
        if number is None or (max_length is not None and len(number) > max_length):
            raise Unsure
        return number

    return phone


def _digits(lengths: tuple[int, ...], checksum: Callable[[str], bool]) -> Convert:
    """INN, SNILS, OGRN, card number: every checksum used also refuses a number of the wrong form."""

    def digits_only(data: Any) -> str:
        text = _cleaned(data)
        number = digits(text)
        if NOT_DIGITS.search(text) or len(number) not in lengths or not checksum(number):
            raise Unsure
        return number

    return digits_only


def _subdivision_code(data: Any) -> str:
    code = digits(_cleaned(data))
    if len(code) != 6:
        raise Unsure
    return f"{code[:3]}-{code[3:]}"


def _pattern(regex: re.Pattern[str], max_length: int | None) -> Convert:
    def pattern(data: Any) -> str:
        value = _cleaned(data)
        if not regex.fullmatch(value) or (max_length is not None and len(value) > max_length):
            raise Unsure
        return value

    return pattern


# Django's e-mail validator accepts an address whose user part and domain match these two patterns
# (its own, compiled once here: it keeps them as lazy objects, each match a few Python calls through
# a proxy); what they do not accept (IP literals, "localhost", a refusal) is asked of the validator.
_EMAIL_USER = re.compile(validate_email.user_regex.pattern, validate_email.user_regex.flags)
_EMAIL_DOMAIN = re.compile(validate_email.domain_regex.pattern, validate_email.domain_regex.flags)
_EMAIL_MAX_LENGTH = 320


def email_is_valid(value: str) -> bool:
    """Whether Django's `validate_email` takes this non-empty text."""
    # Without an "@" the user part is empty, which the pattern refuses.
    user, _, domain = value.rpartition("@")
    if len(value) <= _EMAIL_MAX_LENGTH and _EMAIL_USER.match(user) and _EMAIL_DOMAIN.match(domain):
        return True
    try:
        validate_email(value)
    except DjangoValidationError:
        return False
    return True


def _email(max_length: int | None) -> Convert:
    """DRF's EmailField: a string stripped, not cleaned, then Django's e-mail validator."""

    def email(data: Any) -> str:
        if type(data) is not str:
            raise Unsure
        value = data.strip()
        if not value or _UNSTORABLE.search(value) or (max_length is not None and len(value) > max_length):
            raise Unsure
        if not email_is_valid(value):
            raise Unsure
        return value

    return email


_PLAIN_INT = re.compile(r"[0-9]{1,19}")


def _integer(low: int | None, high: int | None) -> Convert:
    """A JSON integer, or its plain ASCII digits as text; DRF's other readings ("1.0", "1_000") are left to it."""

    def integer(data: Any) -> int:
        kind = type(data)
        if kind is int:
            value = data
        elif kind is str and _PLAIN_INT.fullmatch(data):
            value = int(data)
        else:
            raise Unsure
        if (low is not None and value < low) or (high is not None and value > high):
            raise Unsure
        return value

    return integer


def _decimal(max_digits: int, places: int, positive: bool) -> Convert:
    """Money: only plain non-negative numbers that fit the field's digits exactly, so no rounding
    or precision rule of DRF's DecimalField is ever needed; exponents, signs and excess decimals
    are left to it."""
    plain = re.compile(rf"[0-9]{{1,{max_digits - places}}}(?:\.[0-9]{{1,{places}}})?")
    quantum = Decimal(".1") ** places

    def decimal(data: Any) -> Decimal:
        kind = type(data)
        if kind is str:
            text = data.strip()
        elif (kind is int and 0 <= data < _INT_TEXT_LIMIT) or kind is Decimal or kind is float:
            text = str(data)
        else:
            raise Unsure
        if not plain.fullmatch(text):
            raise Unsure
        value = Decimal(text).quantize(quantum)
        if positive and not value:
            raise Unsure
        return value

    return decimal


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _date(data: Any) -> datetime.date:
    match = _ISO_DATE.fullmatch(data) if type(data) is str else None
    if match is None:
        raise Unsure
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise Unsure from None


_FLAG_TEXT = {"true": True, "t": True, "yes": True, "y": True, "on": True, "1": True} | {
    "false": False,
    "f": False,
    "no": False,
    "n": False,
    "off": False,
    "0": False,
}


def _flag(data: Any) -> bool:
    kind = type(data)
    if kind is bool:
        return data
    if kind is int and data in (0, 1):
        return bool(data)
    if kind is str and (value := _FLAG_TEXT.get(data.lower())) is not None:
        return value
    raise Unsure


def _choice(choices: Mapping[str, Any]) -> Convert:
    def choice(data: Any) -> Any:
        if type(data) is not str or data not in choices:
            raise Unsure
        return choices[data]

    return choice


def _uuid(data: Any) -> uuid.UUID:
    if type(data) is not str:
        raise Unsure
    try:
        return uuid.UUID(hex=data)
    except ValueError:
        raise Unsure from None


def _json(data: Any) -> Any:
    """DRF's JSONField keeps the value itself once it can be dumped; null it refuses."""
    if data is None:
        raise Unsure
    try:
        json.dumps(data)
    except (TypeError, ValueError):
        raise Unsure from None
    return data


def _ip(data: Any) -> str:
    if type(data) is not str or not data.strip():
        raise Unsure
    try:
        value = clean_ipv6_address(data, True) if ":" in data else data.strip()
        validate_ipv46_address(value)
    except DjangoValidationError:
        raise Unsure from None
    if _UNSTORABLE.search(value):
        raise Unsure
    return value


def _attributes(value_of: Convert) -> Convert:
    def attributes(data: Any) -> dict[str, Any]:
        if type(data) is not dict:
            raise Unsure
        return {str(key): value_of(item) for key, item in data.items()}

    return attributes


def _object(props: tuple[tuple[str, Convert], ...]) -> Convert:
    """A nested object: its known properties in the shape's order, unknown ones dropped, as DRF does."""

    def obj(data: Any) -> dict[str, Any]:
        if type(data) is not dict:
            raise Unsure
        return {name: convert(data[name]) for name, convert in props if name in data}

    return obj


def _array(max_items: int, item: Convert) -> Convert:
    def array(data: Any) -> list[Any]:
        if type(data) is not list or len(data) > max_items:
            raise Unsure
        return [item(value) for value in data]

    return array


_NUMBERS = (Kind.ID, Kind.REFERENCE, Kind.COUNT, Kind.POSITIVE_COUNT)
_MONEY = (Kind.MONEY, Kind.POSITIVE_MONEY, Kind.RATE)
_CHECKED_DIGITS = (Kind.INN, Kind.SNILS, Kind.OGRN, Kind.CARD_NUMBER)
_PATTERNS = (Kind.POSTAL_CODE, Kind.MAC, Kind.CARD_MONTH, Kind.CARD_YEAR, Kind.CARD_CVC)
_PLAIN: dict[tuple[str, type], Convert] = {
    (Kind.DATE, Date): _date,
    (Kind.FLAG, Flag): _flag,
    (Kind.SUBDIVISION_CODE, SubdivisionCode): _subdivision_code,
    (Kind.UUID, serializers.UUIDField): _uuid,
    (Kind.JSON, serializers.JSONField): _json,
    (Kind.IP, IpAddress): _ip,
}
F = TypeVar("F", bound=serializers.Field)


def _is(field: serializers.Field, cls: type[F]) -> TypeGuard[F]:
    """Exactly this class: a subclass may check more than the converter knows."""
    return type(field) is cls


def _leaf(kind: str, field: serializers.Field) -> Convert:
    """The converter of a plain property. The kind says which DRF field the shape builds and the
    field's class is checked too, so a kind mapped to another field some day gives up, never guesses."""
    if (kind, type(field)) in _PLAIN:
        return _PLAIN[(kind, type(field))]
    if kind == Kind.TEXT and _is(field, Text):
        return _text(field.max_length)
    if kind == Kind.PHONE and _is(field, Phone):
        return _phone(field.max_length)
    if kind == Kind.EMAIL and _is(field, serializers.EmailField):
        return _email(field.max_length)
    if kind in _NUMBERS and (_is(field, Id) or _is(field, Count)):
        return _integer(field.min_value, field.max_value)
    if kind in _MONEY and _is(field, Money) and field.min_value == 0:
        max_digits, places = field.max_digits, field.decimal_places
        return _decimal(max_digits, places, field.positive) if max_digits and places else _unsure
    # An OGRN's own form rule (`check_form`) needs no copy: `ogrn_is_valid` refuses what breaks it.
    if kind in _CHECKED_DIGITS and (_is(field, Digits) or _is(field, CardNumber) or _is(field, RegistrationNumber)):
        return _digits(field.lengths, field.checksum) if field.checksum is not None else _unsure
    if kind in _PATTERNS and _is(field, Pattern):
        return _pattern(field.regex, field.max_length)
    if kind in (Kind.CHANNEL, Kind.PERIOD_UNIT) and _is(field, Choice):
        return _choice(dict(field.choice_strings_to_values))
    if kind == Kind.ATTRIBUTES and _is(field, serializers.DictField) and _is(field.child, Text):
        return _attributes(_text(field.child.max_length))
    return _unsure


def _props(shape: FieldShape, serializer: serializers.Serializer) -> tuple[tuple[str, Convert], ...]:
    return tuple((prop.name, _compile(prop, serializer.fields[prop.name])) for prop in shape.props)


def _compile(prop: Prop, field: serializers.Field) -> Convert:
    if prop.kind == Kind.OBJECT:
        return _object(_props(prop.nested, field)) if isinstance(field, serializers.Serializer) else _unsure
    if prop.kind == Kind.ARRAY:
        if _is(field, ItemList) and field.allow_empty and isinstance(field.child, serializers.Serializer):
            return _array(field.max_items, _object(_props(prop.nested, field.child)))
        return _unsure
    return _leaf(prop.kind, field)


_LEAD = _object(_props(LEAD, LEAD_IN))


def fast_shape(payload: dict) -> dict | None:
    """The data the `LEAD_IN` tree would give for a pruned body, or None when only that tree may say."""
    try:
        return _LEAD(payload)
    except Unsure:
        return None
