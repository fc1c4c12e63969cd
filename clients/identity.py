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


RUSSIAN_PASSPORT_TYPE_ID = 102126
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def is_russian_passport(document_type_id: int | None) -> bool:
    """A lead's passport with no document type is a Russian passport, as in the lending core."""
    return document_type_id in (None, RUSSIAN_PASSPORT_TYPE_ID)


def document_part_normalize(value: str | None, *, document_type_id: int | None) -> str:
    """A Russian passport's series and number are digits; other documents keep their letters."""
    if is_russian_passport(document_type_id):
        return digits(value or "")
    return _NOT_ALPHANUMERIC.sub("", name_normalize(value))


def person_identity_key(
    *,
    last_name: str | None,
    first_name: str | None,
    patronymic: str | None,
    series: str | None,
    number: str | None,
    document_type_id: int | None = None,
) -> str | None:
    """None when any of the five parts is missing: such a lead never matches anyone.

    A document other than a Russian passport carries its type, so that a driving licence never
    matches a passport with the same digits.
    """
    parts = [name_normalize(last_name), name_normalize(first_name), name_normalize(patronymic)]
    parts += [document_part_normalize(v, document_type_id=document_type_id) for v in (series, number)]
    if not all(parts):
        return None
    if not is_russian_passport(document_type_id):
        parts.append(f"type{document_type_id}")
    return "person:" + "|".join(parts)


def company_identity_key(*, inn: str | None) -> str | None:
    inn_digits = digits(inn or "")
    return f"company:{inn_digits}" if inn_digits else None
