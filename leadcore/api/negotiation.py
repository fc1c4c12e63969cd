"""DRF's content negotiation with its choices remembered.

DRF parses the Accept header into media types and orders them by precedence on every request
(≈30 µs a lead), though an integrator sends the same header every time and the choice depends on
nothing else than that header, the format asked for and the view's renderers. The choice (which
renderer, which media type) is kept per those three; a request that cannot be answered
(406, or 404 for an unknown format) is negotiated each time, as before. Accept headers are the
clients' input: the choices kept are bounded, and forgotten all at once when the bound is reached.
"""

from collections.abc import Iterable

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

MAX_CHOICES = 256

_Key = tuple[str | None, str | None, tuple[type[BaseRenderer], ...]]
remembered: dict[_Key, tuple[int, str]] = {}


class RememberingContentNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        # What DRF reads, read without building what it builds: a request without a query string
        # asks for no format (DRF builds its empty QueryDict), the Accept header is META's
        # (DRF builds `request.headers` from all of META).
        asked = format_suffix or (
            request.query_params.get(self.settings.URL_FORMAT_OVERRIDE) if request.META.get("QUERY_STRING") else None
        )
        candidates = list(renderers)
        key = (asked, request.META.get("HTTP_ACCEPT"), tuple(type(renderer) for renderer in candidates))
        if (choice := remembered.get(key)) is not None:
            index, media_type = choice
            return candidates[index], media_type
        renderer, media_type = super().select_renderer(request, candidates, format_suffix)
        if len(remembered) >= MAX_CHOICES:
            remembered.clear()
        remembered[key] = (next(i for i, r in enumerate(candidates) if r is renderer), media_type)
        return renderer, media_type
