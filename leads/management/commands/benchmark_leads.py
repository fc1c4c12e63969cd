"""Throughput of lead intake through the whole HTTP stack, in-process, on the configured database.

It writes real leads: point DATABASE_URL at a throwaway database (see README).
"""

import secrets
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client as HttpClient

from leadcore.api.tokens import api_token_get_or_create


def full_lead(series: str, n: int) -> dict:
    """A full lead (~90 values, 17 rows) for a new person each time."""
    return {
        "channel": "SITE",
        "lastName": "Бенчмарков",
        "firstName": "Тест",
        "patronymic": "Нагрузович",
        "sexId": 101251,
        "birthDate": "1984-07-03",
        "birthPlace": "г. Серпухов",
        "mobilePhone": "+7 (966) 017-54-45",
        "email": "bench@example.com",
        "inn": "500100732259",
        "snils": "112-233-445 95",
        "passport": {"seria": series, "no": f"{n:06d}", "issueDate": "2014-01-23", "manager": "УФМС",
                     "subdivisionCode": "780-070"},
        "registrationAddressData": {"countryId": 643, "regionName": "г Санкт-Петербург", "localityName":
                                    "г Санкт-Петербург", "streetName": "пр-кт Невский", "houseNo": "28",
                                    "apartmentNo": "12", "postalCode": "191186", "regDate": "2010-05-14"},
        "addressData": {"countryId": 643, "regionName": "г Москва", "localityName": "г Москва",
                        "streetName": "ул Сухонская", "houseNo": "11", "apartmentNo": "89", "postalCode": "127642"},
        "addresses": [{"position": 0, "purposeId": 103011, "countryId": 643, "regionName": "г Москва",
                       "streetName": "ул Тверская", "houseNo": "7", "postalCode": "125009"}],
        "relatives": [
            {"lastName": "Бенчмаркова", "firstName": "Анна", "kinshipTypeId": 102141, "telephone": "79160000001"},
            {"lastName": "Бенчмарков", "firstName": "Пётр", "kinshipTypeId": 102144, "telephone": "79160000002"},
        ],
        "leadDebts": [{"arrears": False, "bankName": "Сбербанк", "creditAmount": 150000, "interestRate": 17.5,
                       "monthlyPayment": 7300, "remainingDebt": 64000}],
        "goods": [{"id": 5501, "name": "Смартфон", "article": "SM-A55", "amount": 32990, "quantity": 1}],
        "extraFields": [{"name": "client.contactTime", "value": "evening"},
                        {"name": "loanApplication.promoCode", "value": "AUTUMN26"},
                        {"name": "contract.signMethod", "value": "SMS"}, {"name": "utmSource", "value": "p-42"}],
        "creditProductId": 101339,
        "amount": 30000,
        "period": 30,
        "periodUnit": "DAYS",
        "howYouKnowId": 102176,
        "subdivisionId": 101792,
        "meanIncome": 85000,
        "childrenCount": 1,
        "ipAddress": "203.0.113.7",
        "cardNumber": "4111111111111111",
        "cardHolder": "TEST BENCH",
        "validThruMonth": "09",
        "validThruYear": "29",
        "cardCvc": "123",
    }  # fmt: skip


class Command(BaseCommand):
    help = "Send N full leads through POST /api/v1/leads in-process and report leads/s and queries per lead."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300, help="at most 999,990")

    def handle(self, *args, count: int, **options):
        token = api_token_get_or_create(username="benchmark").key
        http = HttpClient(HTTP_AUTHORIZATION=f"Token {token}", HTTP_HOST="127.0.0.1")
        series = f"{secrets.randbelow(10_000):04d}"

        def send(n: int) -> None:
            response = http.post("/api/v1/leads", full_lead(series, n), content_type="application/json")
            if response.status_code != 200:
                raise RuntimeError(f"lead {n}: HTTP {response.status_code} {response.content[:300]!r}")

        send(0)
        statements = []
        with connection.execute_wrapper(lambda execute, sql, *args: statements.append(sql) or execute(sql, *args)):
            send(1)
        latencies = []
        started = time.perf_counter()
        for n in range(2, 2 + count):
            t0 = time.perf_counter()
            send(n)
            latencies.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - started

        latencies.sort()
        self.stdout.write(f"database: {connection.vendor}")
        self.stdout.write(f"leads: {count} in {elapsed:.2f} s = {count / elapsed:.0f} leads/s (one process)")
        self.stdout.write(
            f"latency: median {statistics.median(latencies) * 1000:.1f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.1f} ms"
        )
        self.stdout.write(f"SQL statements per full lead (new client, BEGIN/COMMIT not counted): {len(statements)}")
