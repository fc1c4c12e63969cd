"""JSON encoding for stored payloads: request numbers arrive as Decimal and go back as numbers."""

from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder


class PayloadJSONEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            as_float = float(o)
            # A number a float cannot carry exactly is kept as text rather than rounded.
            return as_float if Decimal(repr(as_float)) == o else str(o)
        return super().default(o)
