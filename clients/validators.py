"""Checksums and formats of Russian identifiers, cards and phones. Pure functions, no database."""

import re
import unicodedata
from operator import mul

import phonenumbers
from stdnum.ru import inn as ru_inn
from stdnum.ru import ogrn as ru_ogrn

_NOT_ASCII_DIGITS = re.compile(r"[^0-9]+")


def digits(value: str) -> str:
    """The decimal digits of a value as ASCII: "+7 (916) １２３" is "7916123"."""
    if value.isascii():
        # The only decimal characters of ASCII are 0-9: one pass in C instead of one call per character.
        return _NOT_ASCII_DIGITS.sub("", value)
    return "".join(str(unicodedata.decimal(char)) for char in value if char.isdecimal())


# The check digits of an INN: python-stdnum's weights (`stdnum.ru.inn`), each weighted sum mod 11 mod 10.
_INN_COMPANY_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN_PERSON_WEIGHTS = ((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))


def _inn_check_digit(inn: str, weights: tuple[int, ...]) -> int:
    return sum(map(mul, weights, map(int, inn))) % 11 % 10


def inn_is_valid(inn: str) -> bool:
    """Taxpayer number: 10 digits (organisation) or 12 (person), with check digits."""
    if not inn.isascii():
        return False
    if not inn.isdigit():
        return ru_inn.is_valid(inn)  # spaces python-stdnum takes out, or no INN at all
    # Plain digits, the form every checked INN arrives in, counted here: stdnum's generic cleaning
    # cost three quarters of the check.
    if len(inn) == 10:
        return _inn_check_digit(inn, _INN_COMPANY_WEIGHTS) == int(inn[9])
    if len(inn) == 12:
        first, second = _INN_PERSON_WEIGHTS
        return _inn_check_digit(inn, first) == int(inn[10]) and _inn_check_digit(inn, second) == int(inn[11])
    return False


# Numbers up to 001-001-998 were issued before the check number was introduced; the Pension Fund's
# rule verifies only the numbers above it.
_SNILS_UNCHECKED_UP_TO = 1001998


def snils_is_valid(snils: str) -> bool:
    """Pension insurance number: 11 digits, the last two a checksum of the first nine.

    python-stdnum has no SNILS module, hence our own rule.
    """
    if len(snils) != 11 or not snils.isascii() or not snils.isdigit():
        return False
    if int(snils[:9]) <= _SNILS_UNCHECKED_UP_TO:
        return True
    total = sum(int(d) * (9 - i) for i, d in enumerate(snils[:9]))
    # The sum itself below 100; otherwise its remainder mod 101, where 100 and 101 are written 00.
    expected = total % 101 % 100
    return expected == int(snils[9:])


def ogrn_form_is_valid(ogrn: str) -> bool:
    """An OGRN (13 digits) starts with 1 or 5, an OGRNIP (15 digits) with 3; other leading digits
    belong to other register entries (ГРН), not to a registration number."""
    first_digits = {13: "15", 15: "3"}.get(len(ogrn), "")
    return ogrn.isascii() and ogrn.isdigit() and ogrn[0] in first_digits


def ogrn_is_valid(ogrn: str) -> bool:
    """OGRN (13 digits) of a company or OGRNIP (15 digits) of a sole trader."""
    if not ogrn_form_is_valid(ogrn):
        return False
    if len(ogrn) == 13:
        return ru_ogrn.is_valid(ogrn)
    # python-stdnum compares an OGRNIP's last digit with the whole remainder mod 13, which has two
    # digits for 10-12, so it rejects real numbers; the check digit is the remainder's last digit.
    return int(ogrn[:14]) % 13 % 10 == int(ogrn[14])


# A doubled Luhn digit, its two digits added: what `stdnum.luhn` adds for it.
_LUHN_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def luhn_is_valid(number: str) -> bool:
    """A card number: 13 to 19 digits with a Luhn check digit."""
    if not (number.isascii() and number.isdigit() and 13 <= len(number) <= 19):
        return False
    # From the check digit leftwards, every second digit doubled.
    total = sum(map(int, number[-1::-2])) + sum(map(_LUHN_DOUBLED.__getitem__, map(int, number[-2::-2])))
    return total % 10 == 0


def card_mask(number: str) -> str:
    """First six and last four digits, the rest starred: what may be kept of a card number."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


_PHONE_CHARACTERS = re.compile(r"\+?[\d\s().\-]+")
_PHONE_MAX_LENGTH = 64
_HOME_REGION = "RU"


def _russian_rule() -> re.Pattern[str]:
    """libphonenumber's own answer to `is_valid_number` for a national number of ten digits with
    the code 7, read off its metadata once: Russia's leading digits pick the region (Kazakhstan
    shares the code), then the general pattern and the pattern of a type that allows ten digits
    must match. Compiled here once: the library parses the text first and looks every pattern up
    through re.compile on each call."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(_HOME_REGION)
    if metadata is None or metadata.general_desc is None:
        raise ImportError(f"phonenumbers has no metadata for {_HOME_REGION}")
    types = (
        metadata.premium_rate,
        metadata.toll_free,
        metadata.shared_cost,
        metadata.voip,
        metadata.personal_number,
        metadata.pager,
        metadata.uan,
        metadata.voicemail,
        metadata.fixed_line,
        metadata.mobile,
    )
    patterns = [
        f"(?:{desc.national_number_pattern})"
        for desc in types
        if desc and desc.national_number_pattern and (not desc.possible_length or 10 in desc.possible_length)
    ]
    leading, general = metadata.leading_digits or "", metadata.general_desc.national_number_pattern
    return re.compile(rf"(?=(?:{leading}))(?=(?:{general})\Z)(?:{'|'.join(patterns)})")


_RUSSIAN_NUMBER = _russian_rule()


def _russian_e164(number: str, plus: bool) -> str | None:
    """The E.164 digits of a number written in a Russian shape (+7 and ten digits; 8 or 7 and ten
    digits; ten digits alone) that libphonenumber holds valid in Russia, or None for the library to
    decide: what it reads from these shapes is the ten digits, as long as they open with one of
    Russia's leading digits (3, 4, 8, 9: no international prefix, no other country code).
    tests/clients/test_phone_oracle.py holds this to the library's answers."""
    if len(number) == 11 and (number[0] == "7" or (number[0] == "8" and not plus)):
        national = number[1:]
    elif len(number) == 10 and not plus:
        national = number
    else:
        return None
    return "7" + national if _RUSSIAN_NUMBER.fullmatch(national) else None


def _valid_e164(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164).removeprefix("+")


def _library_e164(number: str, plus: bool) -> str | None:
    """What libphonenumber reads from these digits: see `phone_normalize`."""
    if plus:
        return _valid_e164("+" + number, None)
    international = number[2:] if number.startswith("00") else number
    return _valid_e164(number, _HOME_REGION) or _valid_e164("+" + international, None)


def phone_normalize(value: str) -> str | None:
    """E.164 digits without "+" (79886542301), or None when no such number can exist.

    Read as libphonenumber reads a number dialled in Russia: 8 916 …, 916 … (10 digits, no trunk
    prefix), 810 375 … and +375 … all work. What it does not read there is tried as international
    digits without the plus, as integrators send them (79161234567, 37369123456) or after the 00
    prefix used outside Russia. A number must be *valid*, not merely of a possible length: ranges
    that no operator has been given are refused, so a range newer than the pinned library's
    metadata is refused too until the library is upgraded. Most numbers are Russian ones, answered
    from the library's metadata without its parsing (a fifth of a lead's validation otherwise).
    """
    if len(value) > _PHONE_MAX_LENGTH or not _PHONE_CHARACTERS.fullmatch(value.strip()):
        return None
    number = digits(value)
    plus = value.strip().startswith("+")
    return _russian_e164(number, plus) or _library_e164(number, plus)


def text_clean(value: str) -> str:
    """NFC form with runs of white space collapsed: what a person meant to type."""
    return " ".join(unicodedata.normalize("NFC", value).split())
