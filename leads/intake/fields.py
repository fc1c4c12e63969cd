"""DRF fields for the lead contract: lenient about JSON types integrators really send, strict about
formats, with the product's error codes."""

import re
from decimal import Decimal

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.settings import api_settings

from clients import validators
from leadcore.api.errors import ApiErrorCode

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


def invalid(message: str) -> ValidationError:
    return ValidationError(message, code=ApiErrorCode.INVALID_FORMAT)


def bad_checksum(message: str) -> ValidationError:
    return ValidationError(message, code=ApiErrorCode.INVALID_CHECKSUM)


class Text(serializers.CharField):
    """A string; numbers and booleans are taken as their text, as integrators send `"no": 503682`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool):
            data = "true" if data else "false"
        elif isinstance(data, Decimal):
            data = str(data)
        return validators.text_clean(super().to_internal_value(data))


class Id(serializers.IntegerField):
    """A positive int64 id (reference item, manager, product, client)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=1, max_value=INT64_MAX, **kwargs)


class Count(serializers.IntegerField):
    def __init__(self, min_value: int = 0, max_value: int = INT32_MAX, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)


class Money(serializers.DecimalField):
    def __init__(self, *, positive: bool = False, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        self.positive = positive
        super().__init__(min_value=Decimal("0"), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool):
            raise invalid("A number is required.")
        value = super().to_internal_value(data)
        if self.positive and value <= 0:
            raise invalid("Must be greater than zero.")
        return value


class Date(serializers.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)


class Flag(serializers.BooleanField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class Choice(serializers.ChoiceField):
    def __init__(self, choices, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices=choices, **kwargs)


class Phone(Text):
    def to_internal_value(self, data):
        number = validators.phone_normalize(super().to_internal_value(data))
        if number is None:
            raise invalid("Not a valid phone number; send international digits, e.g. 79886542301.")
        return number


# A character other than a digit or the separators a number may be written with ("112-233-445 95").
NOT_DIGITS = re.compile(r"[^\d\s\-]")


def _lengths_text(lengths: tuple[int, ...]) -> str:
    if len(lengths) > 2 and lengths == tuple(range(lengths[0], lengths[-1] + 1)):
        return f"{lengths[0]} to {lengths[-1]}"
    return " or ".join(str(n) for n in lengths)


class Digits(Text):
    """Digits only once separators are dropped, of one of the allowed lengths, with a checksum.

    Messages name the contract's property (`snils`, `employerInn`): the field's `label` would be
    DRF's capitalised guess ("Snils", "Employerinn").
    """

    def __init__(self, *, lengths: tuple[int, ...], checksum=None, **kwargs):
        self.lengths = lengths
        self.checksum = checksum
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        if NOT_DIGITS.search(text) or len(validators.digits(text)) not in self.lengths:
            raise invalid(f"{self.field_name} must have {_lengths_text(self.lengths)} digits.")
        number = validators.digits(text)
        self.check_form(number)
        if self.checksum is not None and not self.checksum(number):
            raise bad_checksum(f"{self.field_name} has a wrong check digit.")
        return number

    def check_form(self, number: str) -> None:
        """What the digits must look like besides their length; checked before the checksum."""


class CardNumber(Digits):
    def __init__(self, **kwargs):
        super().__init__(lengths=tuple(range(13, 20)), checksum=validators.luhn_is_valid, **kwargs)


class RegistrationNumber(Digits):
    """OGRN of a company or OGRNIP of a sole trader."""

    def __init__(self, **kwargs):
        super().__init__(lengths=(13, 15), checksum=validators.ogrn_is_valid, **kwargs)

    def check_form(self, number: str) -> None:
        if not validators.ogrn_form_is_valid(number):
            raise invalid(
                f"{self.field_name} must be an OGRN (13 digits starting with 1 or 5) "
                "or an OGRNIP (15 digits starting with 3)."
            )


class Pattern(Text):
    def __init__(self, *, regex: str, message: str, **kwargs):
        self.regex = re.compile(regex)
        self.message = message
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        if not self.regex.fullmatch(text):
            raise invalid(self.message)
        return text


class SubdivisionCode(Text):
    def to_internal_value(self, data):
        code = validators.digits(super().to_internal_value(data))
        if len(code) != 6:
            raise invalid("Subdivision code must be NNN-NNN.")
        return f"{code[:3]}-{code[3:]}"


class IpAddress(serializers.IPAddressField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class ItemList(serializers.ListSerializer):
    """An array of objects with an upper bound, reported as TOO_MANY_ITEMS."""

    def __init__(self, *args, max_items: int, **kwargs):
        self.max_items = max_items
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, list) and len(data) > self.max_items:
            message = f"At most {self.max_items} items are allowed, got {len(data)}."
            raise ValidationError(
                {api_settings.NON_FIELD_ERRORS_KEY: [ErrorDetail(message, code=ApiErrorCode.TOO_MANY_ITEMS)]}
            )
        return super().to_internal_value(data)


def items(child: serializers.Serializer, max_items: int) -> ItemList:
    return ItemList(child=child, max_items=max_items)
