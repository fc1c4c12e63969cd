"""Values for the fast path's differential tests: odd values of every kind, plain values it must
take, and the texts and arrays sized at each property's bounds."""

from decimal import Decimal

from modeleditor.fieldkinds import Kind, Prop

ODD = [None, "", " ", "\t", 0, -1, 1, 2**31, 2**63, -(2**63), 10**40, Decimal("1.5"), Decimal("-0"), 1.5, True, False,
       [], [1, "a"], [None], {}, {"a": 1}, "x" * 300, "\u0000", "a\u0000b", "\ud800", "ё" * 60, "NaN", "Infinity",
       "-Infinity", "1e5", "<script>", "   Ёлка \n зелёная  ", "e\u0301", "ｆｕｌｌ", "١٢٣"]  # fmt: skip

# Every JSON type, and the texts every property must refuse or take the same way.
ODD_OF_ANY_TYPE = [None, "", " ", 0, -1, Decimal("1.5"), True, [], [None], {}, {"a": 1}, "x" * 300,
                   "a\u0000b", "\ud800"]  # fmt: skip

NUMBERS = ["0", "1", "42", "0042", " 42 ", "+42", "-1", "1.0", "1.00", "1.5", "1_000", "1e3", "٤٢", "9" * 19,
           "9" * 20, "9" * 1001, Decimal("1.0"), Decimal("1E+3"), 2**31 - 1, 2**31, 2**63 - 1, 2**63, 127, 128,
           101251, "101251"]  # fmt: skip

MONEY = ["30000", "30000.5", "30000.50", "30000.500", "12.345", "0.125", "0.001", "1e3", "1E3", "-0", "-0.00",
         "0", "0.00", "-5", "+5", " 7 ", "1_000", "999999999999.99", "9999999999999.99", "9999.999", "99999.999",
         "1" * 40, "NaN", "nan", "sNaN", "Infinity", "-Inf", "", ".5", "5.", "٥", Decimal("17.5"), Decimal("1E+3"),
         Decimal("-0"), Decimal("0.10"), Decimal("12.345"), 0, 30000, 10**12, 10**13, -1, 17.5, 0.1,
         1e16]  # fmt: skip

DATES = ["1984-07-03", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-1-3", "2024-01-03T10:00:00",
         "2024-01-03 10:00", "2024-01-03 ", " 2024-01-03", "0000-01-01", "0001-01-01", "0999-12-31", "9999-12-31",
         "20240103", "03.01.2024", "２０２４-01-03", "2024-٠١-03", 20240103]  # fmt: skip

FLAGS = ["true", "True", "TRUE", "t", "yes", "Y", "on", "1", "false", "F", "no", "off", "0", "null", "да", " true",
         "2", 2, 0, 1, 0.0, Decimal("1"), "tRuE"]  # fmt: skip

PHONES = ["+7 (966) 017-54-45", "8 966 017 54 45", "966 017 54 45", "89660175445", "+79660175445", "79660175445",
          "0079660175445", "810 375 29 123 45 67", "+375 29 123 45 67", "37369123456", "7966017544", "+1 202 555 0100",
          "+7 (966) 017-54-45 ext 3", "７９６６０１７５４４５", "79160000001", 79160000001, "+7 900 000-00-00",
          "+7(800)555-35-35", "+" + "7" * 70, "phone"]  # fmt: skip

EMAILS = ["filatov@example.com", " a@example.com ", "A@EXAMPLE.COM", "a@b", "no-at", "a@ex ample.com", "ё@пример.рф",
          "a" * 250 + "@x.ru", "a@" + "b" * 63 + ".ru", "a@example.com\n"]  # fmt: skip

DIGITS = ["500100732259", "500100732250", "7707083893", "7707083894", "77070 83893", "7707-083-893", "7707.083.893",
          "７７０７０８３８９３", 7707083893, 500100732259, "112-233-445 95", "11223344595", "112-233-445 96",
          "001-001-998 00", "1027700132195", "1027700132194", "2027700132195", "304500116000157", "304500116000158",
          "4111111111111111", "4111111111111112", "4111 1111 1111 1111", 4111111111111111, "4111-1111-1111-1111",
          "5555555555554444", "371449635398431", "0" * 13, "0" * 20]  # fmt: skip

CODES = ["780-070", "780070", "78-0070", "780 070", "7800701", "78007", 780070, "７８０-０７０",
         "191186", "SW1A 1AA", "12", "12345678901", "ab-12", "00:1A:2b:3c:4d:5e", "001A2B3C4D5E", "00-1a-2b-3c-4d-5e",
         "00:1A:2B:3C:4D", "zz:1A:2B:3C:4D:5E", "09", "9", 9, "1", "12", "13", "00", "29", 29, "2029", "123",
         "0123", 123, "12345"]  # fmt: skip

UUIDS = ["f26b876b-6857-4951-b060-ec6559f04a9a", "F26B876B-6857-4951-B060-EC6559F04A9A",
         "f26b876b68574951b060ec6559f04a9a", "{f26b876b-6857-4951-b060-ec6559f04a9a}",
         "urn:uuid:f26b876b-6857-4951-b060-ec6559f04a9a", " f26b876b-6857-4951-b060-ec6559f04a9a", "not-a-uuid",
         "f26b876b-6857-4951-b060-ec6559f04a9", 12345]  # fmt: skip

OBJECTS = [{"a": [1, "b", {"c": None}]}, {"a": Decimal("1.5")}, {"a": ""}, {"a": "x" * 1001}, {"a": "x" * 1000},
           {"a": 1}, {"a": True}, {"a": None}, {"floor": " 3 "}, [1, 2], "text", 5]  # fmt: skip

CHOICES = ["SITE", "site", " SITE", "GENERATOR", "DAYS", "MONTHS", "days", "NOPE", 1]

IPS = ["203.0.113.7", " 203.0.113.7 ", "256.1.1.1", "1.2.3", "01.2.3.4", "::ffff:1.2.3.4", "2001:DB8::1",
       "2001:db8:0:0:0:0:0:1", " 2001:db8::1", "fe80::1%eth0", "::", "1::2::3", "1.2.3.4/24"]  # fmt: skip

BY_KIND: dict[str, list] = {
    Kind.ID: NUMBERS,
    Kind.REFERENCE: NUMBERS,
    Kind.COUNT: NUMBERS,
    Kind.POSITIVE_COUNT: NUMBERS,
    Kind.MONEY: MONEY,
    Kind.POSITIVE_MONEY: MONEY,
    Kind.RATE: MONEY,
    Kind.DATE: DATES,
    Kind.FLAG: FLAGS,
    Kind.PHONE: PHONES,
    Kind.EMAIL: EMAILS,
    Kind.INN: DIGITS,
    Kind.SNILS: DIGITS,
    Kind.OGRN: DIGITS,
    Kind.CARD_NUMBER: DIGITS,
    Kind.SUBDIVISION_CODE: CODES,
    Kind.POSTAL_CODE: CODES,
    Kind.MAC: CODES,
    Kind.CARD_MONTH: CODES,
    Kind.CARD_YEAR: CODES,
    Kind.CARD_CVC: CODES,
    Kind.UUID: UUIDS,
    Kind.JSON: OBJECTS,
    Kind.ATTRIBUTES: OBJECTS,
    Kind.CHANNEL: CHOICES,
    Kind.PERIOD_UNIT: CHOICES,
    Kind.IP: IPS,
    Kind.TEXT: ["Филат", 503682, True, Decimal("5.0E+5"), "  a  b  ", "ё", "ё", "Ё\u0308", "x\u200by"],
}

# Values of each kind the fast path must take: a plain, valid value it gave up on would send
# every such lead down the slow path.
PLAIN: dict[str, list] = {
    Kind.TEXT: ["Ёжик", 503682, True, "  a  b  "],
    Kind.ID: [101251, "101251"],
    Kind.REFERENCE: [101251, "101251"],
    Kind.COUNT: [0, 1, "3"],
    Kind.POSITIVE_COUNT: [1, "30"],
    Kind.MONEY: [0, 30000, "30000.50", Decimal("17.5")],
    Kind.POSITIVE_MONEY: [30000, "30000.50", Decimal("17.5")],
    Kind.RATE: [0, Decimal("17.5"), "0.125"],
    Kind.DATE: ["1984-07-03"],
    Kind.FLAG: [True, False, "yes", 0],
    Kind.PHONE: ["+7 (966) 017-54-45", "79160000001", "8 916 000-00-01"],
    Kind.EMAIL: ["filatov@example.com"],
    Kind.INN: ["500100732259", "7707083893"],
    Kind.SNILS: ["112-233-445 95"],
    Kind.OGRN: ["1027700132195"],
    Kind.SUBDIVISION_CODE: ["780-070", "780070"],
    Kind.POSTAL_CODE: ["191186"],
    Kind.UUID: ["f26b876b-6857-4951-b060-ec6559f04a9a"],
    Kind.JSON: [{"a": [1, "b"]}],
    Kind.ATTRIBUTES: [{"floor": "3"}],
    Kind.CHANNEL: ["SITE"],
    Kind.PERIOD_UNIT: ["DAYS"],
    Kind.IP: ["203.0.113.7", "2001:db8::1"],
    Kind.MAC: ["00:1A:2b:3c:4d:5e"],
    Kind.CARD_NUMBER: ["4111111111111111", "4111 1111 1111 1111"],
    Kind.CARD_MONTH: ["09"],
    Kind.CARD_YEAR: ["29"],
    Kind.CARD_CVC: ["123"],
}


def sized(prop: Prop) -> list:
    """Texts at the prop's size, one under and one over, counted before and after cleaning."""
    if not prop.size or prop.kind not in (Kind.TEXT, Kind.PHONE):
        return []
    n = prop.size
    return ["Я" * n, "Я" * (n - 1), "Я" * (n + 1), " " + "Я" * n + " ", "Я " * (n // 2), "Я  " * (n // 2 + 1),
            "e\u0301" * n, "ё" * n]  # fmt: skip


def arrays(prop: Prop) -> list:
    """Odd arrays: null and empty items, a dict for a list, the most items and one more."""
    item: dict = {}
    return [[None], [None, {}], [{}], [], [""], {"0": {}}, "[]", [[]], [item] * (prop.size or 0),
            [item] * ((prop.size or 0) + 1), [{"unknown": 1}]]  # fmt: skip
