"""Address text to comparable tokens: the same house however it is written."""

from difflib import SequenceMatcher

import pytest

from clients.gar.normalize import name_tokens, text_tokens, tokens, words_alike


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


def test_it_finds_words_alike_as_the_full_ratio_does():
    # The quick ratios only stop early; every pair is judged as SequenceMatcher.ratio() judges it.
    words = text_tokens(
        "Вологодская обл Вологда г Сухонская ул Ленина Ленинская пр-кт Невский Невская Большая Никитская "
        "Б Никитск Победы площадь Горького Октябрьская Октябрьский Советская Советский Пушкина Пушкинская "
        "Тверская Тверской 8 Марта Марта Линия Московская Москва Московский Кирова Киров Мира Мир Садовая"
    )

    for expected in words:
        for written in words:
            full = (
                expected == written
                or (len(written) >= 3 and expected.startswith(written))
                or SequenceMatcher(None, expected, written).ratio() > 0.8
            )
            assert words_alike(expected, written) is full, (expected, written)
