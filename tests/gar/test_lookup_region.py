"""The look-up on the made-up region: the address a person means comes first (issue #9).

Towns share street names, so a query names the town; streets named with type words
(ул Набережная, ул Площадь Победы, ул 1-я Линия, ул Аллея Героев) must be found by those words.
"""

import pytest

from clients.gar.services import gar_import
from tests.gar import gar_region

REGION = "обл Вологодская"
SOKOL = f"{REGION}, р-н Сокольский, г Сокол"
QUERIES = [
    ("вологда набережная", f"{REGION}, г Вологда, ул Набережная"),
    ("Вологда, Набережная ул., дом 15", f"{REGION}, г Вологда, ул Набережная, д 15"),
    ("череповец набережная 15", f"{REGION}, г Череповец, ул Набережная, д 15"),
    ("сокол ул набережная 15", f"{SOKOL}, ул Набережная, д 15"),
    ("молочное набережная", f"{REGION}, р-н Вологодский, с Молочное, ул Набережная"),
    ("вологда площадь победы 15", f"{REGION}, г Вологда, ул Площадь Победы, д 15"),
    ("вологда ул площадь победы", f"{REGION}, г Вологда, ул Площадь Победы"),
    ("вологда пр-кт победы 15", f"{REGION}, г Вологда, пр-кт Победы, д 15"),
    ("вологда проспект победы 15 кв 7", f"{REGION}, г Вологда, пр-кт Победы, д 15, кв 7"),
    ("вологда 1-я линия", f"{REGION}, г Вологда, ул 1-я Линия"),
    ("вологда 1-я линия 15 кв 3", f"{REGION}, г Вологда, ул 1-я Линия, д 15, кв 3"),
    ("вологда аллея героев", f"{REGION}, г Вологда, ул Аллея Героев"),
    ("вологда аллея героев 15", f"{REGION}, г Вологда, ул Аллея Героев, д 15"),
    ("вологда ленина 15 кв 12", f"{REGION}, г Вологда, ул Ленина, д 15, кв 12"),
    ("вологда ленинградская 15", f"{REGION}, г Вологда, ул Ленинградская, д 15"),
    ("вологда зосимовская 15а", f"{REGION}, г Вологда, ул Зосимовская, д 15А"),
    ("вологда зосимовская д 15 а", f"{REGION}, г Вологда, ул Зосимовская, д 15А"),
    ("череповец зеленая 15 к 2", f"{REGION}, г Череповец, ул Зелёная, д 15 к 2"),
    ("череповец доменщиков б-р 15", f"{REGION}, г Череповец, б-р Доменщиков, д 15"),
    ("сокол садовая", f"{SOKOL}, ул Садовая"),
    ("сокол мкр северный 15", f"{SOKOL}, мкр Северный, д 15"),
    ("сокол северный 3 к 1 кв 5", f"{SOKOL}, мкр Северный, д 3 к 1, кв 5"),
    ("сокол западный 15 стр 2", f"{SOKOL}, мкр Западный, д 15 стр 2"),
    ("сокол школьный 15", f"{SOKOL}, мкр Западный, проезд Школьный, д 15"),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_it_puts_the_meant_address_first(api, db, query, expected):
    gar_import(path=gar_region.EXPORT)

    response = api.get("/api/v1/addresses/fias", {"query": query, "count": 5})

    assert response.status_code == 200
    assert [a["fullAddressText"] for a in response.json()["data"]][:1] == [expected]
