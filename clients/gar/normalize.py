"""Address text reduced to comparable tokens: case, ё/е, punctuation and the spelling of types do not count.

The same functions build the directory's search text at import and read a user's query or a
lead's `fullAddressText`, so "Москва, Сухонская ул., дом 11, кв. 89" and "сухонская 11 89" meet.
A type word is dropped from a query, but kept in a name: "ул Набережная" is named "Набережная".
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
# One spelling for the types of a street or a microdistrict, so that "пр-кт Победы" and
# "проспект Победы" agree, and "пл" meets the name "Площадь Победы".
_HYPHENATED_TYPES = {"пр-кт": "проспект", "пр-т": "проспект", "б-р": "бульвар", "кв-л": "квартал"}
_SHORT_TYPES = {
    "ул": "улица",
    "пркт": "проспект",
    "просп": "проспект",
    "пер": "переулок",
    "ш": "шоссе",
    "бул": "бульвар",
    "пл": "площадь",
    "наб": "набережная",
    "туп": "тупик",
    "ал": "аллея",
    "мкр": "микрорайон",
}
# The types of what a house stands in (a street, a microdistrict): a text naming one the
# directory's chain does not have names another place ("пр-кт Победы" is not "ул Площадь Победы").
_STREET_TYPES_TEXT = """
    улица проспект переулок шоссе бульвар площадь набережная проезд тупик аллея линия тракт микрорайон квартал
"""
STREET_TYPES = frozenset(_STREET_TYPES_TEXT.split())

# Type words that are also the names, or a word of the names, of streets: "ул Набережная",
# "ул Площадь Победы", "ул 1-я Линия", "ул Аллея Героев".
_NAME_TYPE_WORDS_TEXT = "набережная площадь линия аллея тупик проезд бульвар квартал слобода тракт шоссе территория"
NAME_TYPE_WORDS = frozenset(_NAME_TYPE_WORDS_TEXT.split())

_HYPHENATED = re.compile(r"(?<![а-я])(" + "|".join(map(re.escape, _HYPHENATED_TYPES)) + r")(?![а-я])")
_DIGIT_HYPHEN_LETTER = re.compile(r"(?<=\d)-(?=[a-zа-я])")
# "к4", "стр1", "кв89", "3к1": a type glued to its number.
_GLUED_TYPE = re.compile(
    r"(?:\b|(?<=\d))(корпус|корп|к|строение|стр|дом|д|квартира|кв|помещение|помещ|пом|офис|оф|литера|лит)(?=\d)"
)
_TOKEN = re.compile(r"[0-9a-zа-я]+")
_DIGIT = re.compile(r"\d")
# "11 а", "11 б,": a house letter written apart from its number.
_DIGIT_SPACE_LETTER = re.compile(r"(?<=\d)\s+([а-я])(?![а-я0-9])")
_POSTCODE_BEFORE = re.compile(r"(?<!\d)\d{6}$")
_NUMBER_AFTER = re.compile(r"\.?\s*\d")
_WORD_AFTER = re.compile(r"\.?\s*[а-я]")


def _join_house_letter(match: re.Match) -> str:
    """ "11 а" is "11а"; "11 к 2" is a block, "127642 г Москва" a postcode and a town."""
    letter, before, after = match.group(1), match.string[: match.start()], match.string[match.end() :]
    if _POSTCODE_BEFORE.search(before) or _NUMBER_AFTER.match(after):
        return match.group(0)
    if letter in TYPE_WORDS and _WORD_AFTER.match(after):
        return match.group(0)
    return letter


def _words(text: str) -> list[str]:
    if not text:
        return []  # a house's empty block or building number: nothing for the four substitutions
    lowered = text.lower().replace("ё", "е")
    # Each substitution needs a hyphen or a digit, and none makes a digit: most names (a town, a
    # street, a type) have neither and skip them, as a check reads a dozen names and texts.
    if "-" in lowered:
        lowered = _HYPHENATED.sub(lambda m: _HYPHENATED_TYPES[m.group(1)], lowered)
    if _DIGIT.search(lowered):
        lowered = _DIGIT_SPACE_LETTER.sub(_join_house_letter, _DIGIT_HYPHEN_LETTER.sub("", lowered))
        lowered = _GLUED_TYPE.sub(r" \1 ", lowered)
    return [_SHORT_TYPES.get(t, t) for t in _TOKEN.findall(lowered)]


def tokens(text: str) -> list[str]:
    """Lower-case tokens without type words; "28-Н" and "1-я" stay one token ("28н", "1я")."""
    return [t for t in _words(text) if t not in TYPE_WORDS]


def name_tokens(name: str) -> list[str]:
    """Every word of a name (GAR's NAME, without its type): "Набережная" keeps "набережная"."""
    return _words(name)


def text_tokens(text: str) -> list[str]:
    """Every token of a written address, type words included, in one spelling."""
    return _words(text)


def is_number(token: str) -> bool:
    """Whether a token holds a digit: a token is made of letters and ASCII digits only, so any
    character that is no letter is a digit (one call in C; a check asks for every word)."""
    return not token.isalpha()


def words_alike(expected: str, written: str) -> bool:
    """A typo or a shortened word is the same word; a different name ("Ленина", "Ленинская") is not."""
    if expected == written:
        return True
    if len(written) >= 3 and expected.startswith(written):
        return True
    # The two quick ratios are upper bounds of ratio() (difflib's own idiom): most pairs of words
    # of an address and of its chain differ in length or letters enough to stop there. The first,
    # real_quick_ratio(), is computed from the lengths alone, before a matcher is built at all.
    shorter, both = min(len(expected), len(written)), len(expected) + len(written)
    if 2.0 * shorter / both <= 0.8:
        return False
    matcher = SequenceMatcher(None, expected, written)
    return matcher.quick_ratio() > 0.8 and matcher.ratio() > 0.8


def key_words(name: str) -> list[str]:
    """The words a text must hold to name this: the longest proper word and every type word.

    "Б. Никитская" still names "Большая Никитская"; "Победы" alone does not name "Площадь Победы".
    """
    return key_words_of(name_tokens(name))


def key_words_of(name_words: list[str]) -> list[str]:
    """`key_words` of a name already read by `name_tokens`."""
    words = [w for w in name_words if not is_number(w)]
    proper = [w for w in words if w not in TYPE_WORDS]
    return [w for w in words if w in TYPE_WORDS] + ([max(proper, key=len)] if proper else [])


def names_agree(name: str, written: list[str]) -> bool:
    """Whether the words of a text name `name`, and only it: no word left that the name lacks."""
    known = [w for w in name_tokens(name) if not is_number(w)]
    if not all(any(words_alike(k, w) for w in written) for k in key_words(name)):
        return False
    return all(w in TYPE_WORDS or any(words_alike(k, w) for k in known) for w in written)


def _without_type(value: str) -> str:
    """ "ул Набережная" -> "Набережная", "Вологодская обл" -> "Вологодская": a part as the directory prints it."""
    words = value.split()
    if len(words) > 1 and _SHORT_TYPES.get(words[0].lower(), words[0].lower()) in TYPE_WORDS | STREET_TYPES:
        return " ".join(words[1:])
    if len(words) > 1 and words[-1].lower() in TYPE_WORDS:
        return " ".join(words[:-1])
    return value


def same_value(directory_value: str, sent_value: str) -> bool:
    """Whether a part the client sent ("д. 11", "Сухонская") says the same as the directory's."""
    expected, sent = tokens(directory_value), text_tokens(sent_value)
    if [t for t in expected if is_number(t)] != [t for t in sent if is_number(t)]:
        return False
    return names_agree(_without_type(directory_value), [t for t in sent if not is_number(t)])
