"""Checksums and formats of Russian identifiers, cards and phones. Pure functions, no database."""

import re
import unicodedata


def digits(value: str) -> str:
    """The decimal digits of a value as ASCII: "+7 (916) １２３" is "7916123"."""
    return "".join(str(unicodedata.decimal(char)) for char in value if char.isdecimal())


def inn_is_valid(inn: str) -> bool:
    """Taxpayer number: 10 digits (organisation) or 12 (person), with check digits."""

    def check(numbers: str, weights: tuple[int, ...]) -> int:
        return sum(int(n) * w for n, w in zip(numbers, weights, strict=False)) % 11 % 10

    if not inn.isdigit():
        return False
    if len(inn) == 10:
        return check(inn, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(inn[9])
    if len(inn) == 12:
        first = check(inn, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
        second = check(inn, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
        return first == int(inn[10]) and second == int(inn[11])
    return False


def snils_is_valid(snils: str) -> bool:
    """Pension insurance number: 11 digits, the last two a checksum of the first nine."""
    if len(snils) != 11 or not snils.isdigit():
        return False
    total = sum(int(d) * (9 - i) for i, d in enumerate(snils[:9]))
    if total > 101:
        total %= 101
    expected = 0 if total in (100, 101) else total
    return expected == int(snils[9:])


def ogrn_is_valid(ogrn: str) -> bool:
    """OGRN (13 digits) of a company or OGRNIP (15 digits) of a sole trader."""
    if not ogrn.isdigit():
        return False
    if len(ogrn) == 13:
        return int(ogrn[:12]) % 11 % 10 == int(ogrn[12])
    if len(ogrn) == 15:
        return int(ogrn[:14]) % 13 % 10 == int(ogrn[14])
    return False


def luhn_is_valid(number: str) -> bool:
    if not number.isdigit() or not 13 <= len(number) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(number)):
        n = int(d)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def card_mask(number: str) -> str:
    """First six and last four digits, the rest starred: what may be kept of a card number."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def phone_normalize(value: str) -> str | None:
    """International digits (79886542301) or None when the value cannot be a phone number.

    A Russian number written domestically (8 916 …) is turned into its international form.
    """
    if re.search(r"[^\d\s+()\-.]", value):
        return None
    number = digits(value)
    if len(number) == 11 and number.startswith("8") and not value.lstrip().startswith("+"):
        number = "7" + number[1:]
    if len(number) == 10 and number.startswith("9"):
        number = "7" + number
    if number.startswith("7") and len(number) != 11:
        return None
    if not 10 <= len(number) <= 15 or number.startswith("0"):
        return None
    return number


def text_clean(value: str) -> str:
    """NFC form with runs of white space collapsed: what a person meant to type."""
    return " ".join(unicodedata.normalize("NFC", value).split())
