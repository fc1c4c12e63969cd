"""Checksums and normalisation that decide whether a lead is accepted and whom it matches."""

import random
import unicodedata
from typing import Any

import pytest
from stdnum import luhn
from stdnum.ru import inn

from clients import validators
from clients.identity import name_normalize, person_identity_key


# INN vectors: python-stdnum's tests/test_ru_inn.doctest (numbers found online) and the old cases.
@pytest.mark.parametrize(
    ("inn", "valid"),
    [("7707083893", True), ("500100732259", True), ("005826107187", True), ("0108003670", True),
     ("7709442668", True), ("8906008740", True), ("7707083894", False), ("500100732250", False),
     ("12345", False), ("77070838ab", False)],
)  # fmt: skip
def test_it_checks_inn(inn, valid):
    assert validators.inn_is_valid(inn) is valid


# 112-233-445 95 is the example of the SNILS article (ru.wikipedia); 342-932-447 76 is a public test
# suite's (the sum 177 is above 101, so the check number is 177 mod 101). Numbers up to 001-001-998
# were issued before check numbers existed: the Pension Fund's rule checks only those above it.
@pytest.mark.parametrize(
    ("snils", "valid"),
    [("11223344595", True), ("34293244776", True), ("00100199800", True), ("00100199842", True),
     ("00100199764", True), ("00100199965", True), ("00100199900", False), ("11223344596", False),
     ("1122334459", False)],
)  # fmt: skip
def test_it_checks_snils(snils, valid):
    assert validators.snils_is_valid(snils) is valid


# OGRN vectors: python-stdnum's tests/test_ru_ogrn.doctest. 315774600002661 is an OGRNIP whose
# remainder mod 13 is 11: its check digit is 1, which python-stdnum rejects (it compares with "11").
@pytest.mark.parametrize(
    ("ogrn", "valid"),
    [("1027700132195", True), ("1027739552642", True), ("1137847171846", True), ("1159102022738", True),
     ("5027700132191", True), ("304500116000157", True), ("385768585948949", True), ("315774600002661", True),
     ("1027700132194", False), ("315774600002662", False), ("2027700132194", False), ("415774600002668", False),
     ("0027700132190", False), ("10277395526", False)],
)  # fmt: skip
def test_it_checks_ogrn_and_ogrnip(ogrn, valid):
    assert validators.ogrn_is_valid(ogrn) is valid


@pytest.mark.parametrize(
    ("ogrn", "form"),
    [("1027700132195", True), ("5027700132191", True), ("304500116000157", True), ("2027700132194", False),
     ("9027700132190", False), ("415774600002668", False), ("515774600002660", False)],
)  # fmt: skip
def test_it_knows_an_ogrn_starts_with_1_or_5_and_an_ogrnip_with_3(ogrn, form):
    assert validators.ogrn_form_is_valid(ogrn) is form


@pytest.mark.parametrize(
    ("pan", "valid"),
    [("4111111111111111", True), ("5555555555554444", True), ("4111111111111112", False), ("79927398713", False)],
)
def test_it_checks_cards_with_luhn(pan, valid):
    assert validators.luhn_is_valid(pan) is valid


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [("+7 (966) 017-54-45", "79660175445"), ("8 916 123-45-67", "79161234567"), ("9161234567", "79161234567"),
     ("8 (916) 123-45-67", "79161234567"), ("+7 916 1234567", "79161234567"), ("007 916 123 45 67", "79161234567"),
     ("+7 (９６６) 017-54-45", "79660175445"), ("79776200719", "79776200719"), ("4951234567", "74951234567"),
     ("8 495 123-45-67", "74951234567"), ("+7 701 123 45 67", "77011234567"),
     ("+375 29 123 45 67", "375291234567"), ("37369123456", "37369123456"), ("810 375 29 123-45-67", "375291234567"),
     ("00375291234567", "375291234567"), ("+49 30 1234567", "49301234567")],
)  # fmt: skip
def test_it_normalises_phones_to_e164_digits(raw, normalised):
    assert validators.phone_normalize(raw) == normalised


@pytest.mark.parametrize(
    "raw",
    ["+7 (000) 000-00-00", "+7 (123) 456-78-90", "1234567890", "8 916 123 45 6", "+7 916 123 45 678", "7916",
     "phone", "8-800-FLOWERS", "+7 916 123-45-67 ext. 5", "7 916 + 123 45 67", "", "7" * 300],
)  # fmt: skip
def test_it_refuses_phones_that_cannot_exist(raw):
    assert validators.phone_normalize(raw) is None


def test_it_masks_a_card_to_first_six_and_last_four():
    assert validators.card_mask("4111111111111111") == "411111******1111"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Петров", "ПЕТРОВ"), ("Алёна", "Алена"), ("Анна-Мария", "анна  мария"), ("Петрoв", "Петров"),
     ("ТОМАС", "TОМАС"), ("Ｐｅｔｒｏｖ", "Petrov")],
)  # fmt: skip
def test_it_normalises_names_to_the_same_key(a, b):
    assert name_normalize(a) == name_normalize(b)


def test_it_keeps_latin_names_latin():
    assert name_normalize("Smith") == "smith"
    assert name_normalize("Ivanov") != name_normalize("Иванов")


def test_it_needs_all_five_parts_for_an_identity():
    parts: dict[str, Any] = {
        "last_name": "Иванов",
        "first_name": "Иван",
        "patronymic": "Иванович",
        "series": "4510",
        "number": "1",
    }
    assert person_identity_key(**parts) is not None
    for missing in parts:
        assert person_identity_key(**{**parts, missing: " "}) is None


def test_digits_reads_ascii_text_as_it_reads_any_text():
    # The ASCII shortcut against the reading of every character: each of the 128, mixed runs, other scripts.
    def per_character(value: str) -> str:
        return "".join(str(unicodedata.decimal(char)) for char in value if char.isdecimal())

    rng = random.Random(5)
    ascii_texts = ["", *map(chr, range(128)), "+7 (916) 123-45-67", "4111 1111 1111 1111"]
    ascii_texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randrange(40))) for _ in range(2_000)]
    other = ["+7 (916) １２３", "٤١١١", "²³", "7916\u00a0123", "߁߂ 12"]
    for text in ascii_texts + other:
        assert validators.digits(text) == per_character(text), text


def test_inn_and_luhn_checks_answer_as_python_stdnum():
    # The digits are counted in our code; python-stdnum, which counted them before, is the reference.
    rng = random.Random(7)
    numbers = ["".join(rng.choice("0123456789") for _ in range(rng.randrange(26))) for _ in range(20_000)]
    numbers += [f"{rng.randrange(10**n):0{n}d}" for n in (10, 12, 13, 16, 19) for _ in range(20_000)]
    numbers += ["", " 7707083893", "7707 083893", "500100732259 ", "77070838９3", "-707083893", "4111111111111111"]
    valid = {"inn": 0, "luhn": 0}
    for number in numbers:
        expected_inn = number.isascii() and inn.is_valid(number)
        expected_luhn = number.isascii() and number.isdigit() and 13 <= len(number) <= 19 and luhn.is_valid(number)
        assert validators.inn_is_valid(number) is expected_inn, number
        assert validators.luhn_is_valid(number) is expected_luhn, number
        valid["inn"] += expected_inn
        valid["luhn"] += expected_luhn
    # Each check meets numbers it accepts, not only ones it refuses.
    assert min(valid.values()) > 1_000, valid
