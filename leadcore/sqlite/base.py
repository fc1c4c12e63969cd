"""SQLite, the zero-setup database, with Unicode-aware LOWER, UPPER and LIKE.

SQLite's own versions fold ASCII letters only, so "ИВАНОВ" would not find "Иванов" in a
case-insensitive search. PostgreSQL, the production database, needs none of this.
"""

import re
from functools import lru_cache

from django.db.backends.sqlite3 import base


@lru_cache(maxsize=256)
def _like_pattern(pattern: str, escape: str | None) -> re.Pattern:
    parts, chars = [], iter(pattern)
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL | re.IGNORECASE)


def _like(pattern, value, escape=None):
    if pattern is None or value is None:
        return None
    return _like_pattern(str(pattern), escape).fullmatch(str(value)) is not None


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def _upper(value):
    return value.upper() if isinstance(value, str) else value


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.create_function("LOWER", 1, _lower, deterministic=True)
        connection.create_function("UPPER", 1, _upper, deterministic=True)
        connection.create_function("LIKE", 2, _like, deterministic=True)
        connection.create_function("LIKE", 3, _like, deterministic=True)
        return connection
