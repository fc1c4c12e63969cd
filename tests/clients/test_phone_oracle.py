"""A Russian number is read from libphonenumber's metadata without its parsing: the reading gives
what the library gives, on every class of number.

The corpus: every three-digit start of a national number (the metadata tells Russia's types apart
by at most three digits) and every six-digit start of the 930 range (the one type told apart by
more), each with random endings; written with and without the trunk prefix, the country code and
the plus, with 9 to 13 digits, separated as people and integrators write them."""

import random

import pytest

from clients import validators

_RNG = random.Random(20261201)


def _national_numbers() -> list[str]:
    starts = [f"{n:03d}" for n in range(1000)] + [f"930{n:03d}" for n in range(1000)]
    return [start + "".join(_RNG.choices("0123456789", k=10 - len(start))) for start in starts for _ in range(2)]


def _digit_strings(national: str) -> list[str]:
    """Every shape the reading takes, and the neighbours it must leave to the library."""
    return [
        national,
        "8" + national,
        "7" + national,
        "+7" + national,
        "+8" + national,
        "+" + national,
        "007" + national,
        "810" + national,
        national[:9],
        "8" + national[:9],
        "7" + national[:9],
        national + national[-1],
        "78" + national,
        "+7" + national + "1",
        "8" + national + "12",
    ]


_NATIONAL = _national_numbers()
_DIGITS = [text for national in _NATIONAL for text in _digit_strings(national)]


def _written(national: str) -> list[str]:
    a, b, c, d = national[:3], national[3:6], national[6:8], national[8:]
    wide = national.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return [
        f"+7 ({a}) {b}-{c}-{d}",
        f"8 ({a}) {b}-{c}-{d}",
        f"8-{a}-{b}-{c}-{d}",
        f"7.{a}.{b}.{c}.{d}",
        f" +7 {a} {b}{c}{d} ",
        f"{a} {b} {c} {d}",
        f"+7 {wide}",
        f"+7 ({a}) {b}-{c}-{d}-1",
    ]


def test_it_reads_every_russian_shape_as_libphonenumber_does():
    answered = 0
    for number in _DIGITS:
        plus = number.startswith("+")
        digits = number.removeprefix("+")
        read = validators._russian_e164(digits, plus)
        if read is not None:
            answered += 1
            assert read == validators._library_e164(digits, plus), number
    # Valid Russian numbers are most of the corpus's first four shapes: the reading must take them.
    assert answered > len(_NATIONAL) * 2


def test_it_normalises_written_numbers_as_libphonenumber_does():
    for national in _NATIONAL[::3]:
        for text in _written(national):
            expected = validators._library_e164(validators.digits(text), text.strip().startswith("+"))
            assert validators.phone_normalize(text) == expected, text


@pytest.mark.parametrize(
    ("number", "plus", "read"),
    [("79660175445", True, "79660175445"), ("89161234567", False, "79161234567"),
     ("4951234567", False, "74951234567"), ("88001234567", False, "78001234567"),
     ("77011234567", True, None), ("7011234567", False, None), ("9300001234", False, None),
     ("8101234567", False, None), ("89161234567", True, None)],
)  # fmt: skip
def test_it_reads_only_russian_numbers_the_metadata_holds_valid(number, plus, read):
    """Kazakhstan's numbers (code 7, leading 7), unassigned ranges and the international prefix
    are left to the library."""
    assert validators._russian_e164(number, plus) == read
