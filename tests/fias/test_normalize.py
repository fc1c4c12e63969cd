"""Address text to comparable tokens: the same house however it is written."""

import pytest

from clients.gar.normalize import name_tokens, text_tokens, tokens


@pytest.mark.parametrize("text", ["д 11 а, кв 5", "дом 11а, квартира 5", "11-А кв.5", "д.11 А кв 5", "11 а кв 5"])
def test_it_reads_a_house_letter_however_it_is_written(text):
    assert tokens(text) == ["11а", "5"]


@pytest.mark.parametrize(("text", "expected"), [("д 9 к 4 стр 1", ["9", "4", "1"]), ("11 к 2", ["11", "2"])])
def test_it_keeps_a_type_letter_apart_from_the_house_number(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("д 11 б, кв 5", ["11б", "5"]),  # "б" is also a type (бульвар): a letter all the same
        ("127642 г Москва", ["127642", "москва"]),  # a postcode and a town, not house "127642г"
        ("3к1 кв 5", ["3", "1", "5"]),
    ],
)
def test_it_tells_a_house_letter_from_a_type(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize("text", ["пр-кт Победы", "проспект Победы", "Победы просп.", "ПР-КТ ПОБЕДЫ"])
def test_it_spells_a_street_type_one_way(text):
    assert sorted(text_tokens(text)) == ["победы", "проспект"]


def test_it_keeps_a_type_word_that_is_a_name():
    assert (name_tokens("Набережная"), name_tokens("Площадь Победы")) == (["набережная"], ["площадь", "победы"])
    assert text_tokens("наб. Набережная, пл Победы") == ["набережная", "набережная", "площадь", "победы"]
