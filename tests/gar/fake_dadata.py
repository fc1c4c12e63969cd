"""A DaData stand-in: a real HTTP server on 127.0.0.1 answering from a script, in a thread."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from clients.gar.directory import DirectoryAddress


@dataclass
class Reply:
    status: int = 200
    body: dict | str | None = None  # a str is sent as it is, to play a broken proxy
    delay: float = 0.0


@dataclass
class Received:
    path: str
    authorization: str
    body: dict


@dataclass
class FakeDadata:
    replies: list[Reply] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    fallback: Reply = field(default_factory=lambda: Reply(200, {"suggestions": []}))

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.received.append(
                    Received(self.path, self.headers.get("Authorization", ""), json.loads(raw or b"{}"))
                )
                reply = fake.replies.pop(0) if fake.replies else fake.fallback
                time.sleep(reply.delay)
                if isinstance(reply.body, str):
                    payload = reply.body.encode()
                else:
                    payload = json.dumps(reply.body if reply.body is not None else {}).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting: that is what a timeout test wants

            def log_message(self, format, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/suggestions/api/4_1/rs"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def suggestion(**data_overrides) -> dict:
    """One suggestion in DaData's documented shape (`value`, `unrestricted_value`, `data`)."""
    data = {
        "postal_code": "127642",
        "country": "Россия",
        "country_iso_code": "RU",
        "federal_district": "Центральный",
        "region_fias_id": "0c5b2444-70a0-4932-980c-b4dc0d3f02b5",
        "region_kladr_id": "7700000000000",
        "region_iso_code": "RU-MOW",
        "region_with_type": "г Москва",
        "region_type": "г",
        "region_type_full": "город",
        "region": "Москва",
        "area_fias_id": None,
        "area_with_type": None,
        "city_fias_id": "0c5b2444-70a0-4932-980c-b4dc0d3f02b5",
        "city_kladr_id": "7700000000000",
        "city_with_type": "г Москва",
        "city_type": "г",
        "city": "Москва",
        "settlement_fias_id": None,
        "settlement_with_type": None,
        "street_fias_id": "95dbf7fb-0dd4-4a04-8100-4f6c847564b5",
        "street_kladr_id": "77000000000283600",
        "street_with_type": "ул Сухонская",
        "street_type": "ул",
        "street": "Сухонская",
        "house_fias_id": "5ee84ac0-eb9a-4b42-b814-2f5f7c27c255",
        "house_type": "д",
        "house": "11",
        "block_type": None,
        "block": None,
        "flat_fias_id": "f26b876b-6857-4951-b060-ec6559f04a9a",
        "flat_type": "кв",
        "flat": "89",
        "fias_id": "f26b876b-6857-4951-b060-ec6559f04a9a",
        "fias_level": "9",
        "kladr_id": "77000000000283600",
        "okato": "45280583000",
        "oktmo": "45362000",
        "tax_office": "7715",
        "timezone": "UTC+3",
        "qc_geo": "0",
    }
    data.update(data_overrides)
    value = "г Москва, ул Сухонская, д 11, кв 89"
    return {"value": value, "unrestricted_value": f"127642, {value}", "data": data}


# Chain level (old FIAS numbering, as both providers report it) -> DaData's part. DaData names a
# microdistrict as the street when houses stand in it, and as the settlement above a street.
_DADATA_PARTS = {1: "region", 3: "area", 4: "city", 6: "settlement", 7: "street"}


def suggestion_for(found: DirectoryAddress) -> dict:
    """What DaData's findById would answer for an address our embedded directory holds."""
    links = [link for link in found.chain if link.fias_level not in (8, 9)]
    data: dict = {"fias_id": found.fias_id, "fias_level": str(found.fias_level), "postal_code": found.postal_code}
    for link in links:
        part = _DADATA_PARTS.get(link.fias_level)
        if link.fias_level == 65:
            below = [other for other in links if other.fias_level == 7]
            part = "settlement" if below else "street"
        data |= {
            f"{part}_fias_id": link.fias_id,
            f"{part}_type": link.type_name,
            part: link.name,
            f"{part}_with_type": f"{link.type_name} {link.name}",
        }
    house = next((link for link in found.chain if link.fias_level == 8), None)
    if house is not None:
        data |= {"house_fias_id": house.fias_id, "house_type": "д", "house": found.house_no}
    if found.block_no or found.building_no:
        block = " стр ".join(n for n in (found.block_no, found.building_no) if n)
        data |= {"block": block, "block_type": "к" if found.block_no else "стр"}
    if found.apartment_no:
        data |= {"flat_fias_id": found.fias_id, "flat_type": "кв", "flat": found.apartment_no}
    return {"value": found.full_address, "unrestricted_value": found.full_address, "data": data}
