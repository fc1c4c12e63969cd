"""The normalised identity under which a client is found again.

A person is the same person when surname, first name, patronymic, passport series and number
agree after normalisation; a company when its INN agrees. Real data differs in case, spacing,
ё/е, hyphens, and Latin letters typed in Cyrillic words (a Latin "о" in "Петрoв").
"""

import re
import unicodedata

from clients.validators import digits

_LOOKALIKES = str.maketrans(
    {
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
        "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "k": "к", "o": "о", "p": "р",
        "x": "х", "y": "у",
    }
)  # fmt: skip
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")


def _fold_word(match: re.Match) -> str:
    word = match.group(0)
    return word.translate(_LOOKALIKES) if _CYRILLIC.search(word) else word


def name_normalize(value: str | None) -> str:
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", value)
    text = _WORD.sub(_fold_word, text)
    text = text.casefold().replace("ё", "е")
    return _SEPARATORS.sub(" ", text).strip()


def person_identity_key(
    *,
    last_name: str | None,
    first_name: str | None,
    patronymic: str | None,
    series: str | None,
    number: str | None,
) -> str | None:
    """None when any of the five parts is missing: such a lead never matches anyone."""
    parts = [name_normalize(last_name), name_normalize(first_name), name_normalize(patronymic)]
    parts += [digits(series or ""), digits(number or "")]
    if not all(parts):
        return None
    return "person:" + "|".join(parts)


def company_identity_key(*, inn: str | None) -> str | None:
    inn_digits = digits(inn or "")
    return f"company:{inn_digits}" if inn_digits else None
