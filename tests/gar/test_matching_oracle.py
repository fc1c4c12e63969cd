"""The address comparison reads each name of the chain once and builds a SequenceMatcher only for
words of near lengths, and reading a text skips the substitutions it cannot need; it must judge
every text exactly as the comparison written before did."""

import re
from collections import Counter
from difflib import SequenceMatcher

import pytest

from clients.gar import normalize
from clients.gar.directory import DirectoryAddress
from clients.gar.matching import _NUMBERED_LEVELS, HOUSE_LEVEL, flat_named_in_text
from clients.gar.normalize import STREET_TYPES, TYPE_WORDS, name_tokens, text_tokens, tokens
from tests.gar.test_chain_matrix import ADDRESSES, VARIANTS, WRONG, directory, right_text  # noqa: F401

pytestmark = pytest.mark.django_db


def _old_is_number(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


def _old_words_alike(expected: str, written: str) -> bool:
    if expected == written:
        return True
    if len(written) >= 3 and expected.startswith(written):
        return True
    matcher = SequenceMatcher(None, expected, written)
    return matcher.real_quick_ratio() > 0.8 and matcher.quick_ratio() > 0.8 and matcher.ratio() > 0.8


def _old_key_words(name: str) -> list[str]:
    words = [w for w in name_tokens(name) if not _old_is_number(w)]
    proper = [w for w in words if w not in TYPE_WORDS]
    return [w for w in words if w in TYPE_WORDS] + ([max(proper, key=len)] if proper else [])


def _old_former_name(name: str) -> str:
    return " ".join(tokens(name)) or name


def _old_flat_named_in_text(found: DirectoryAddress, text: str) -> str | None:
    """`flat_named_in_text` as it was written before: the reference."""
    written = text_tokens(text)
    if written and len(written[0]) == 6 and written[0].isdigit():
        written = written[1:]
    places = [link for link in found.chain if link.fias_level not in _NUMBERED_LEVELS]
    names = [link.name for link in places]
    if places and places[-1].fias_level == 7:
        names += [_old_former_name(name) for name in found.former_street_names]
    words = [t for t in written if not _old_is_number(t)]
    known = {w for name in names for w in name_tokens(name) if not _old_is_number(w)}
    chain_types = {t for link in places for t in name_tokens(link.type_name)}
    for word in words:
        if any(_old_words_alike(k, word) for k in known):
            continue
        if (word in STREET_TYPES and word not in chain_types) or word not in TYPE_WORDS:
            return None
    if places:
        alternatives = [places[-1].name]
        if found.street_name and found.former_street_names:
            alternatives += [_old_former_name(n) for n in found.former_street_names]
        if not any(
            all(any(_old_words_alike(k, w) for w in words) for k in _old_key_words(alt)) for alt in alternatives
        ):
            return None
    numbers = [t for t in written if _old_is_number(t) and t != found.postal_code]
    in_names = Counter(t for name in names for t in name_tokens(name) if _old_is_number(t))
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


def _typos(text: str) -> list[str]:
    """A letter dropped, doubled or swapped in every other place: near words, near lengths."""
    made = []
    for i in range(1, len(text) - 1, 2):
        made += [text[:i] + text[i + 1 :], text[:i] + text[i] + text[i:]]
        made.append(text[:i] + text[i + 1] + text[i] + text[i + 2 :])
    return made


# Every text of the mismatch matrix goes to a third of the addresses: each address meets every
# way of writing and every kind of wrong place, and the test stays a few seconds long.
TEXTS = sorted({text for _label, _guid, text in VARIANTS + WRONG})


@pytest.mark.parametrize("provider", ["embedded", "dadata"])
def test_it_judges_every_text_of_every_address_as_the_former_comparison(directory, provider):  # noqa: F811
    addresses = {guid: found for guid, found in directory[provider].items() if found is not None}
    judged: Counter[bool] = Counter()
    for i, address in enumerate(ADDRESSES):
        found = addresses[address.guid]
        odd = [found.full_address, "", "160000", "кв 5", "Москва Москва 1 1"]
        texts = [*TEXTS[i % 3 :: 3], *_typos(right_text(address)), *odd]
        for text in texts:
            expected = _old_flat_named_in_text(found, text)
            assert flat_named_in_text(found, text) == expected, (address.guid, text)
            judged[expected is None] += 1
    # Both answers are common: the comparison is held on texts it accepts and on texts it refuses.
    assert judged[True] > 5_000, judged
    assert judged[False] > 500, judged


def _old_words(text: str) -> list[str]:
    """`normalize._words` as it was: every substitution on every text."""
    if not text:
        return []
    lowered = text.lower().replace("ё", "е")
    lowered = normalize._HYPHENATED.sub(lambda m: normalize._HYPHENATED_TYPES[m.group(1)], lowered)
    lowered = normalize._DIGIT_SPACE_LETTER.sub(
        normalize._join_house_letter, normalize._DIGIT_HYPHEN_LETTER.sub("", lowered)
    )
    lowered = normalize._GLUED_TYPE.sub(r" \1 ", lowered)
    return [normalize._SHORT_TYPES.get(t, t) for t in normalize._TOKEN.findall(lowered)]


def test_it_reads_every_text_name_and_number_as_the_former_reading(directory):  # noqa: F811
    found = [f for f in directory["embedded"].values() if f is not None]
    numbers = {part for f in found for part in (f.house_no, f.block_no, f.building_no, f.apartment_no, f.postal_code)}
    names = {part for f in found for part in (f.full_address, f.region_name, f.locality_name, f.street_name)}
    names |= {name for f in found for name in f.former_street_names}
    names |= {text for f in found for link in f.chain for text in (link.name, link.type_name)}
    odd = ["пр-кт Победы", "ПР-КТ 8 Марта", "28-Н", "1-я Линия", "д 11 а", "3к1", "д.１１ А кв ５", "Б-р Ёлочный"]
    texts = sorted({*TEXTS, *numbers, *names, *odd, *(t for a in ADDRESSES[::7] for t in _typos(right_text(a)))})
    for text in texts:
        words = normalize._words(text)
        assert words == _old_words(text), text
        assert [normalize.is_number(w) for w in words] == [_old_is_number(w) for w in words], text
    # Both kinds are read: texts with digits or hyphens, and the names that skip the substitutions.
    plain = [t for t in texts if "-" not in t and not re.search(r"\d", t)]
    assert 100 < len(plain) < len(texts) - 100, (len(plain), len(texts))
