"""Whether a written address names the object of a FIAS id: every level of its chain.

One comparison for both providers, fed by the chain each returns (`DirectoryAddress.chain`,
levels as old FIAS numbers them) and the house and flat numbers:

- every word of the text belongs to a level of the chain (region, district, town, settlement,
  microdistrict, street, or the street's former name), or is a type word: another town, street
  or region named anywhere in the text is a mismatch;
- the text names the deepest level the id has above its house: the street, or the
  microdistrict, settlement or town a house stands in directly; a town's, a street's own id is
  named by the text as well. The region, district and town may be left out;
- a street type the text writes ("пр-кт", "площадь") is the type of a level of the chain, or a
  word of one of its names ("ул Площадь Победы");
- the numbers of the text, once a leading postcode and the numbers inside names ("ул 8 Марта",
  "1-я Линия") are set aside, are the house, block, building and flat numbers, in order. A house
  id may come with a text that adds the flat, as DaData gives a house's id for a flat the
  registry lacks. Anything more (a house number with a street's id) is a mismatch.
"""

from collections import Counter

from clients.gar.directory import DirectoryAddress
from clients.gar.normalize import (
    STREET_TYPES,
    TYPE_WORDS,
    is_number,
    key_words,
    key_words_of,
    name_tokens,
    text_tokens,
    tokens,
    words_alike,
)

HOUSE_LEVEL, FLAT_LEVEL, STEAD_LEVEL = 8, 9, 75
_NUMBERED_LEVELS = frozenset({HOUSE_LEVEL, FLAT_LEVEL, STEAD_LEVEL})


def flat_named_in_text(found: DirectoryAddress, text: str) -> str | None:
    """None when the text names another place; else the flat number the text adds, or ""."""
    written = text_tokens(text)
    if written and len(written[0]) == 6 and written[0].isdigit():
        written = written[1:]  # a leading postcode, maybe an outdated one, names no house
    places = [link for link in found.chain if link.fias_level not in _NUMBERED_LEVELS]
    names = [link.name for link in places]
    if places and places[-1].fias_level == 7:
        names += [_former_name(name) for name in found.former_street_names]
    # Each name is read into words once per check; the three steps below all ask for them.
    words_of = {name: name_tokens(name) for name in names}
    words = [t for t in written if not is_number(t)]
    if not _words_belong(words, words_of, {t for link in places for t in name_tokens(link.type_name)}):
        return None
    if places and not _level_named(words_of[places[-1].name], found, words):
        return None
    return _flat_from_numbers(found, [t for t in written if is_number(t)], [words_of[name] for name in names])


def _former_name(name: str) -> str:
    """A former name is kept with its type ("ул Горького"); its words are the name's."""
    return " ".join(tokens(name)) or name


def _words_belong(words: list[str], words_of: dict[str, list[str]], chain_types: set[str]) -> bool:
    known = {w for name_words in words_of.values() for w in name_words if not is_number(w)}
    for word in words:
        # A word written as the chain spells it is alike at once; only the others are compared.
        if word in known or any(words_alike(k, word) for k in known):
            continue
        if word in STREET_TYPES and word not in chain_types:
            return False
        if word not in TYPE_WORDS:
            return False
    return True


def _level_named(name_words: list[str], found: DirectoryAddress, words: list[str]) -> bool:
    """`name_words`: the deepest place's name, read by `name_tokens`."""
    alternatives = [key_words_of(name_words)]
    if found.street_name and found.former_street_names:
        alternatives += [key_words(_former_name(n)) for n in found.former_street_names]
    written = set(words)
    return any(all(k in written or any(words_alike(k, w) for w in words) for k in keys) for keys in alternatives)


def _flat_from_numbers(found: DirectoryAddress, numbers: list[str], names_words: list[list[str]]) -> str | None:
    numbers = [t for t in numbers if t != found.postal_code]
    in_names = Counter(t for name_words in names_words for t in name_words if is_number(t))
    own_numbers = []
    for number in numbers:
        if in_names[number]:
            in_names[number] -= 1
        else:
            own_numbers.append(number)
    expected = [
        t for part in (found.house_no, found.block_no, found.building_no, found.apartment_no) for t in tokens(part)
    ]
    if own_numbers == expected:
        return ""
    adds_flat = (
        found.fias_level == HOUSE_LEVEL
        and len(own_numbers) == len(expected) + 1
        and own_numbers[: len(expected)] == expected
    )
    return own_numbers[-1] if adds_flat else None
