"""The DaData-compatible HTTP provider: `suggest/address` and `findById/address`.

Retries with back-off on 5xx, timeouts and refused connections; a 4xx is final (a wrong key or
a bad request does not get better by asking again). Every failure is `DirectoryUnavailable`.
"""

import logging
import threading
import time
from functools import lru_cache
from typing import Any

import requests

from clients.gar.directory import ChainLink, DirectoryAddress, DirectoryUnavailable

logger = logging.getLogger(__name__)


class DadataDirectory:
    def __init__(self, *, base_url: str, api_key: str, timeout: float, retries: int, backoff: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._local = threading.local()

    @property
    def session(self) -> requests.Session:
        """One session per thread: its kept-alive connection spares a TLS handshake per lead."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    def suggest(self, query: str, count: int) -> list[DirectoryAddress]:
        return [from_suggestion(s) for s in self._suggestions("suggest/address", {"query": query, "count": count})]

    def find_by_id(self, fias_id: str) -> DirectoryAddress | None:
        suggestions = self._suggestions("findById/address", {"query": fias_id, "count": 1})
        return from_suggestion(suggestions[0]) if suggestions else None

    def _suggestions(self, method: str, payload: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self._post(method, payload)
        suggestions = answer.get("suggestions") if isinstance(answer, dict) else None
        if not isinstance(suggestions, list) or not all(isinstance(s, dict) for s in suggestions):
            raise DirectoryUnavailable(f"{method}: the answer is not in DaData's format")
        return suggestions

    def _post(self, method: str, payload: dict[str, Any]) -> Any:
        if not self.base_url:
            raise DirectoryUnavailable("DADATA_BASE_URL is not set")
        url = f"{self.base_url}/{method}"
        headers = {"Authorization": f"Token {self.api_key}", "Accept": "application/json"}
        attempts = 1 + max(self.retries, 0)
        for attempt in range(attempts):
            try:
                response = self.session.post(url, json=payload, headers=headers, timeout=self.timeout)
            except (requests.Timeout, requests.ConnectionError) as exc:
                failure = type(exc).__name__
            except requests.RequestException as exc:
                raise DirectoryUnavailable(f"{method}: {type(exc).__name__}") from None
            else:
                if response.status_code < 400:
                    try:
                        return response.json()
                    except ValueError:
                        raise DirectoryUnavailable(f"{method}: the answer is not JSON") from None
                if response.status_code < 500:
                    logger.error("Address directory refused %s with HTTP %s", method, response.status_code)
                    raise DirectoryUnavailable(f"{method}: HTTP {response.status_code}")
                failure = f"HTTP {response.status_code}"
            logger.warning("Address directory %s failed (%s), attempt %d of %d", method, failure, attempt + 1, attempts)
            if attempt + 1 < attempts:
                time.sleep(self.backoff * 2**attempt)
        raise DirectoryUnavailable(f"{method}: {failure} after {attempts} attempts")


@lru_cache(maxsize=4)
def dadata_directory(*, base_url: str, api_key: str, timeout: float, retries: int, backoff: float) -> DadataDirectory:
    """The provider for these settings, kept for the life of the process."""
    return DadataDirectory(
        base_url=base_url,
        api_key=api_key,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
    )


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return "" if value is None else str(value)


def _house_parts(data: dict[str, Any]) -> tuple[str, str]:
    """DaData folds корпус and строение into `block` ("4 стр 1"); split them back."""
    block, block_type = _text(data, "block"), _text(data, "block_type")
    if not block:
        return "", ""
    if block_type.startswith("стр"):
        return "", block
    number, _, building = block.partition(" стр ")
    return number.strip(), building.strip()


def from_suggestion(suggestion: dict[str, Any]) -> DirectoryAddress:
    data = suggestion.get("data")
    if not isinstance(data, dict):
        data = {}
    block_no, building_no = _house_parts(data)
    chain = tuple(
        ChainLink(_text(data, f"{part}_fias_id"), level, _text(data, part), _text(data, f"{part}_type"))
        for part, level in (("region", 1), ("area", 3), ("city", 4), ("settlement", 6), ("street", 7), ("house", 8))
        if data.get(f"{part}_fias_id")
    )
    codes = {
        "okato": _text(data, "okato"),
        "oktmo": _text(data, "oktmo"),
        "ifns": _text(data, "tax_office"),
        "kladrId": _text(data, "kladr_id"),
    }
    level = _text(data, "fias_level")
    return DirectoryAddress(
        fias_id=_text(data, "fias_id"),
        fias_level=int(level) if level.lstrip("-").isascii() and level.lstrip("-").isdigit() else -1,
        full_address=_text(suggestion, "value"),
        postal_code=_text(data, "postal_code"),
        region_name=_text(data, "region_with_type"),
        locality_name=_text(data, "settlement_with_type") or _text(data, "city_with_type"),
        street_name=_text(data, "street_with_type"),
        house_no=_text(data, "house"),
        block_no=block_no,
        building_no=building_no,
        apartment_no=_text(data, "flat"),
        time_zone=_text(data, "timezone"),
        chain=chain,
        codes={k: v for k, v in codes.items() if v},
    )
