"""Address text reduced to comparable tokens: case, ё/е, punctuation and type words do not count.

The same function builds the directory's search text at import and reads a user's query or a
lead's `fullAddressText`, so "Москва, Сухонская ул., дом 11, кв. 89" and "сухонская 11 89" meet.
"""

import re
from difflib import SequenceMatcher

# Type words and their abbreviations, as GAR, DaData and people write them. Hyphenated short
# types ("р-н", "пр-кт", "б-р", "вн.тер.г.") arrive here already split into their pieces.
_TYPE_WORDS_TEXT = """
    россия рф российская федерация
    г гор город обл область респ республика край ао аобл автономный автономная округ
    р н рн район мо вн тер внтерг муниципальный муниципальное поселение гп сп
    п пос поселок пгт рп с село д дер деревня х хутор ст станица сл слобода
    мкр микрорайон кв л квартал тер территория снт днп
    ул улица пр кт пркт просп проспект пер переулок ш шоссе б бр бул бульвар пл площадь
    наб набережная проезд туп тупик ал аллея линия тракт км
    дом зд здание влд владение двлд домовладение уч участок
    к корп корпус стр строение соор сооружение лит литера
    кварт квартира помещ пом помещение оф офис ком комн комната
"""
TYPE_WORDS = frozenset(_TYPE_WORDS_TEXT.split())

_DIGIT_HYPHEN_LETTER = re.compile(r"(?<=\d)-(?=[a-zа-я])")
# "к4", "стр1", "кв89": a type glued to its number.
_GLUED_TYPE = re.compile(
    r"\b(корпус|корп|к|строение|стр|дом|д|квартира|кв|помещение|помещ|пом|офис|оф|литера|лит)(?=\d)"
)
_TOKEN = re.compile(r"[0-9a-zа-я]+")
# "11 а": a house letter written apart from its number. A type letter ("11 к 2") is not one.
_DIGIT_SPACE_LETTER = re.compile(r"(?<=\d)\s+([а-я])(?=$|[^а-я0-9])")


def _join_house_letter(match: re.Match) -> str:
    letter = match.group(1)
    return match.group(0) if letter in TYPE_WORDS else letter


def tokens(text: str) -> list[str]:
    """Lower-case tokens without type words; "28-Н" and "1-я" stay one token ("28н", "1я")."""
    lowered = (text or "").lower().replace("ё", "е")
    lowered = _DIGIT_SPACE_LETTER.sub(_join_house_letter, _DIGIT_HYPHEN_LETTER.sub("", lowered))
    lowered = _GLUED_TYPE.sub(r"\1 ", lowered)
    return [t for t in _TOKEN.findall(lowered) if t not in TYPE_WORDS]


def search_text(text: str) -> str:
    return " ".join(tokens(text))


def is_number(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


def number_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if is_number(t)]


def word_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if not is_number(t)]


def words_alike(expected: str, written: str) -> bool:
    """A typo or a shortened word is the same word; a different name is not."""
    if expected == written:
        return True
    if len(written) >= 3 and expected.startswith(written):
        return True
    return SequenceMatcher(None, expected, written).ratio() >= 0.8


def name_named_in(name: str, text_words: list[str]) -> bool:
    """Whether a directory name (a street, a town) appears in the words of a text.

    Only the name's longest word is required: "Б. Никитская" still names "Большая Никитская".
    """
    words = word_tokens(name)
    if not words:
        return True
    key = max(words, key=len)
    return any(words_alike(key, w) for w in text_words)


def same_value(directory_value: str, sent_value: str) -> bool:
    """Whether a part the client sent ("д. 11", "Сухонская") says the same as the directory's."""
    expected, sent = tokens(directory_value), tokens(sent_value)
    if [t for t in expected if is_number(t)] != [t for t in sent if is_number(t)]:
        return False
    return name_named_in(directory_value, [t for t in sent if not is_number(t)])
