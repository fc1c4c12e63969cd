"""Checksums and normalisation that decide whether a lead is accepted and whom it matches."""

import pytest

from clients import validators
from clients.identity import name_normalize, person_identity_key


@pytest.mark.parametrize(
    ("inn", "valid"),
    [("7707083893", True), ("500100732259", True), ("7707083894", False), ("500100732250", False),
     ("12345", False), ("77070838ab", False)],
)  # fmt: skip
def test_it_checks_inn(inn, valid):
    assert validators.inn_is_valid(inn) is valid


@pytest.mark.parametrize(("snils", "valid"), [("11223344595", True), ("11223344596", False), ("1122334459", False)])
def test_it_checks_snils(snils, valid):
    assert validators.snils_is_valid(snils) is valid


@pytest.mark.parametrize(
    ("ogrn", "valid"), [("1027700132195", True), ("1027700132194", False), ("304500116000157", True)]
)
def test_it_checks_ogrn_and_ogrnip(ogrn, valid):
    assert validators.ogrn_is_valid(ogrn) is valid


@pytest.mark.parametrize(("pan", "valid"), [("4111111111111111", True), ("4111111111111112", False)])
def test_it_checks_cards_with_luhn(pan, valid):
    assert validators.luhn_is_valid(pan) is valid


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [("+7 (966) 017-54-45", "79660175445"), ("8 916 123-45-67", "79161234567"), ("9161234567", "79161234567"),
     ("+375 29 123 45 67", "375291234567"), ("7916", None), ("phone", None), ("+7 916 123 45 678", None)],
)  # fmt: skip
def test_it_normalises_phones(raw, normalised):
    assert validators.phone_normalize(raw) == normalised


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
    parts = {
        "last_name": "Иванов",
        "first_name": "Иван",
        "patronymic": "Иванович",
        "series": "4510",
        "number": "1",
    }
    assert person_identity_key(**parts) is not None
    for missing in parts:
        assert person_identity_key(**{**parts, missing: " "}) is None
