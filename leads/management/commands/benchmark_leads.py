"""Throughput of lead intake through the whole Django stack, in-process or over HTTP to a local server.

It writes real leads: point DATABASE_URL at a throwaway database (see README), with the demo data
and the GAR sample loaded (`make demo`): each lead names the demo manager and a FIAS address.
"""

import resource
import secrets
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import requests
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory

from leadcore.api.tokens import api_token_issue
from leadcore.db import round_trips_counted
from leadcore.wsgi import application

RSS_CHECKPOINT = 1000


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
        "addressData": {"countryId": 643, "fiasId": "f26b876b-6857-4951-b060-ec6559f04a9a",
                        "fullAddressText": "г Москва, ул Сухонская, д 11, кв 89"},
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
        "managerId": 1010812,
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
    help = (
        "Send N full leads to POST /api/v1/leads and report leads/s, latency and SQL statements per lead: "
        "in-process by default, or over HTTP to a running server with --url (loopback only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300, help="at most 999,990")
        parser.add_argument("--url", help="base URL of a running LeadCore, e.g. http://127.0.0.1:8000")
        parser.add_argument("--concurrency", type=int, default=4, help="parallel clients with --url")

    def handle(self, *args, count: int, url: str | None, concurrency: int, **options):
        token = api_token_issue(username="benchmark").key
        series = f"{secrets.randbelow(10_000):04d}"
        if url:
            if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
                raise CommandError("--url must point at this machine (127.0.0.1 or localhost)")
            self._over_http(url.rstrip("/"), token, series, count, concurrency)
        else:
            self._in_process(token, series, count)

    def _in_process(self, token: str, series: str, count: int) -> None:
        # The WSGI application as a server calls it (leadcore.wsgi: request signals, connection
        # checks, the API's own middleware chain), not the test client, whose per-request signal
        # reconnections grow the process by ~0.5 MiB a thousand requests. X-Forwarded-Proto as the
        # TLS-terminating proxy sends it: with SECURE_HTTPS plain HTTP is redirected.
        factory = RequestFactory(
            HTTP_AUTHORIZATION=f"Token {token}", HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https"
        )
        handler = application

        def send(lead: dict) -> None:
            environ = factory.post("/api/v1/leads", lead, content_type="application/json").environ
            status: list[str] = []

            def start_response(
                line: str, headers: list[tuple[str, str]], exc_info: object = None
            ) -> Callable[[bytes], None]:
                status.append(line)
                return lambda data: None

            body = b"".join(handler(environ, start_response))
            if not status[0].startswith("200"):
                raise CommandError(f"HTTP {status[0]} {body[:300]!r}")

        send(full_lead(series, 0))
        if connection.vendor == "postgresql":
            for label, n in (("new client", 1), ("matched client", 1)):
                with round_trips_counted() as trips:
                    send(full_lead(series, n))
                self.stdout.write(
                    f"database round trips per lead ({label}; health check, token, rate counter, "
                    f"BEGIN/COMMIT included): {trips.count}"
                )
        latencies, rss = [], {}
        cpu_started = time.process_time()
        started = time.perf_counter()
        for n in range(2, 2 + count):
            lead = full_lead(series, n)
            t0 = time.perf_counter()
            send(lead)
            latencies.append(time.perf_counter() - t0)
            if n - 1 in (RSS_CHECKPOINT, count):
                rss[n - 1] = _rss_mib()
                self.stdout.write(f"RSS after {n - 1:,} leads: {rss[n - 1]:.1f} MiB")
                self.stdout.flush()
        self._report(count, time.perf_counter() - started, latencies, "one process, the WSGI application in-process")
        self.stdout.write(f"CPU of this process: {(time.process_time() - cpu_started) / count * 1000:.2f} ms per lead")
        # No peak beside them: the kernel updates ru_maxrss lazily, so it could read below the RSS now.
        self.stdout.write(
            "RSS of this process: "
            + ", ".join(f"{rss_mib:.1f} MiB after {n:,} leads" for n, rss_mib in sorted(rss.items()))
        )

    def _over_http(self, url: str, token: str, series: str, count: int, concurrency: int) -> None:
        local = threading.local()

        def send(n: int) -> float:
            if not hasattr(local, "session"):
                local.session = requests.Session()
                local.session.headers["Authorization"] = f"Token {token}"
                # As the TLS-terminating proxy says: with SECURE_HTTPS plain HTTP is redirected.
                local.session.headers["X-Forwarded-Proto"] = "https"
            t0 = time.perf_counter()
            response = local.session.post(f"{url}/api/v1/leads", json=full_lead(series, n), timeout=30)
            if response.status_code != 200:
                raise CommandError(f"lead {n}: HTTP {response.status_code} {response.text[:300]}")
            return time.perf_counter() - t0

        send(0)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            latencies = list(pool.map(send, range(1, 1 + count)))
        self._report(count, time.perf_counter() - started, latencies, f"HTTP, {concurrency} clients")

    def _report(self, count: int, elapsed: float, latencies: list[float], how: str) -> None:
        latencies.sort()
        self.stdout.write(f"database: {connection.vendor}")
        self.stdout.write(f"leads: {count} in {elapsed:.2f} s = {count / elapsed:.0f} leads/s ({how})")
        self.stdout.write(
            f"latency: p50 {statistics.median(latencies) * 1000:.1f} ms, "
            f"p99 {latencies[max(int(len(latencies) * 0.99) - 1, 0)] * 1000:.1f} ms"
        )


def _rss_mib() -> float:
    """The resident set now (not the peak), from /proc: what a leak would grow."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20
