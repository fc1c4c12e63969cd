"""PostgreSQL operations whose JSON values are encoded by `leadcore.api.json.jsonb_dumps`."""

from typing import Any

from django.db.backends.postgresql import operations
from psycopg.types.json import Jsonb

from leadcore.api.json import jsonb_dumps


class DatabaseOperations(operations.DatabaseOperations):
    # The stubs type the base's answer (text); PostgreSQL's, like this one, is psycopg's Jsonb.
    def adapt_json_value(self, value: Any, encoder: Any) -> Jsonb:  # type: ignore[override]
        # Django's own sends Jsonb(value, dumps=json.dumps with cls=encoder).
        return Jsonb(value, dumps=jsonb_dumps(encoder))
