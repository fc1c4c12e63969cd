"""The text of a lead's one statement (`leadcore.statement`) for its shape: the ids it draws, the
client it looks up, its rows; built once per shape and kept, its parameters numbered ($1, $2, …)."""

import functools
import itertools
import re

from django.db import connection

from leadcore.db import numbered

# A row's part of the statement's shape: its head (INSERT INTO table (columns)), its columns' types
# (for the first row of a VALUES list), and (column, its SQL) where the statement computes the value.
RowShape = tuple[str, tuple[str, ...], tuple[tuple[int, str], ...]]


def _row_source(row_shape: list[str | None], with_client: bool) -> str:
    """The rows a row is selected from: `made` for a new client's own records; otherwise `ids` and,
    when the statement looks a client up, `cl`, so that nothing is written when it found none."""
    sources = " ".join(sql for sql in row_shape if sql is not None)
    if re.search(r"\bmade\.", sources):
        return "made, ids" if re.search(r"\bids\.", sources) else "made"
    return "ids, cl" if with_client else "ids"


@functools.lru_cache(maxsize=256)
def sql(
    shape: tuple[
        tuple[tuple[str, str], ...] | tuple[str, ...],
        tuple[str, str, tuple[str, ...], str, int] | None,
        tuple[RowShape, ...],
    ],
) -> str:
    """The statement of this shape (drawn ids, client look-up, rows), its parameters numbered. The
    ids are drawn from sequences named in the text or, given (table, column) pairs, from the
    sequences looked up, whose names the statement then answers after the ids and the client."""
    sequences, client, rows = shape
    numbers = itertools.count(1)

    quote = connection.ops.quote_name
    if all(isinstance(sequence, str) for sequence in sequences):
        literals = [str(name).replace("'", "''") for name in sequences]
        draws = ", ".join(f"nextval('{name}'::regclass) AS i{n}" for n, name in enumerate(literals))
        parts = [f"ids AS (SELECT {draws})"]
        named: list[str] = []
    else:
        looked_up = ", ".join(
            numbered(f"pg_get_serial_sequence(%s, %s) AS s{n}", numbers) for n in range(len(sequences))
        )
        draws = ", ".join(f"nextval(s{n}) AS i{n}, s{n}" for n in range(len(sequences)))
        parts = [f"ids AS (SELECT {draws} FROM (SELECT {looked_up}) AS sequences)"]
        named = [f"ids.s{n}" for n in range(len(sequences))]
    answer = [f"ids.i{n}" for n in range(len(sequences))]
    if client is not None:
        table, head, lookup, conflict, width = client
        where = " AND ".join(numbered(f"{quote(column)} = %s", numbers) for column in lookup)
        values = ", ".join(numbered("%s", numbers) for _ in range(width - len(lookup)))
        parts += [
            f"found AS (SELECT id FROM {quote(table)} WHERE {where} LIMIT 1)",
            f"made AS ({head} SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM found) "
            f"ON CONFLICT {conflict} DO NOTHING RETURNING id)",
            "cl AS (SELECT id, true AS created FROM made UNION ALL SELECT id, false FROM found)",
        ]
        answer += ["cl.id", "cl.created"]
    answer += named
    # The rows of a collection take their ids from the sequence in the lead's order, as one
    # multi-row INSERT of the ORM path gives them (tests/leads/test_conversion.py reads relatives
    # back by id): a VALUES list is read in its order, and joined with `made`, `ids` and `cl`, of
    # one row each, it stays so. Rows of one table that are not one INSERT (a computed value with
    # parameters of its own) keep their order by data dependence: each selects from the one before
    # (counts its RETURNING), since the order in which PostgreSQL runs WITH statements is its own.
    groups = _groups(rows)
    for n, group in enumerate(groups):
        head, casts, computed = group[0]
        row_shape = [dict(computed).get(i) for i in range(len(casts))]  # None: a parameter
        chained = n and groups[n - 1][0][0] == head
        # One row however many the run before wrote; counting them waits for all of them.
        after = f", (SELECT count(*) FROM r{n - 1}) AS after_r{n - 1}" if chained else ""
        source = _row_source(row_shape, client is not None) + after
        returning = " RETURNING 1" if n + 1 < len(groups) and groups[n + 1][0][0] == head else ""
        if len(group) == 1:
            values = ", ".join(numbered("%s" if sql is None else sql, numbers) for sql in row_shape)
            parts.append(f"r{n} AS ({head} SELECT {values} FROM {source}{returning})")
            continue
        given = [i for i, sql in enumerate(row_shape) if sql is None]
        first = ", ".join(numbered(f"%s::{casts[i]}", numbers) for i in given)
        others = "".join(f", ({', '.join(numbered('%s', numbers) for _ in given)})" for _ in group[1:])
        select = ", ".join(f"v.c{i}" if sql is None else sql for i, sql in enumerate(row_shape))
        names = ", ".join(f"c{i}" for i in given)
        parts.append(
            f"r{n} AS ({head} SELECT {select} FROM {source}, (VALUES ({first}){others}) AS v ({names}){returning})"
        )
    source = "ids, cl" if client is not None else "ids"
    return f"WITH {', '.join(parts)} SELECT {', '.join(answer)} FROM {source}"


def _groups(rows: tuple[RowShape, ...]) -> list[list[RowShape]]:
    """The rows in runs that one INSERT writes: consecutive, of one table, computing the same
    columns the same way, from no parameters of their own (a VALUES list holds the parameters)."""
    groups: list[list[RowShape]] = []
    for row in rows:
        head, casts, computed = row
        last = groups[-1][0] if groups else None
        listed = len(computed) < len(casts) and not any("%s" in sql for _i, sql in computed)
        if last is not None and listed and (last[0], last[2]) == (head, computed):
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups
