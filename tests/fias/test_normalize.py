"""Address text to comparable tokens: the same house however it is written."""

import pytest

from clients.gar.normalize import tokens


@pytest.mark.parametrize("text", ["д 11 а, кв 5", "дом 11а, квартира 5", "11-А кв.5", "д.11 А кв 5"])
def test_it_reads_a_house_letter_however_it_is_written(text):
    assert tokens(text) == ["11а", "5"]


@pytest.mark.parametrize(("text", "expected"), [("д 9 к 4 стр 1", ["9", "4", "1"]), ("11 к 2", ["11", "2"])])
def test_it_keeps_a_type_letter_apart_from_the_house_number(text, expected):
    assert tokens(text) == expected
