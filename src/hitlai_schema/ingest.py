"""Bulk ingestion through PostgreSQL COPY, for the session events services write by the thousand.

    from hitlai_schema import ClickEvent
    from hitlai_schema.ingest import copy_rows

    with engine.connect() as connection:
        copy_rows(connection, ClickEvent, rows)   # rows: dicts keyed by column name
        connection.commit()

Column names are checked against the model before anything is sent; the database checks the
values (types, not-null, checks, foreign keys) and refuses the whole call on the first bad row,
naming the constraint. Nothing is committed here: the rows belong to the caller's transaction.
"""

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg import sql
from psycopg.types.json import Jsonb

from hitlai_schema.models.base import Base


class IngestError(ValueError):
    """Rows that do not fit the table; raised before any of them reach the database."""


def copy_rows(
    connection: sa.Connection | psycopg.Connection[Any],
    model: type[Base] | sa.Table,
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
) -> int:
    """COPY `rows` into the model's table and return how many were written.

    Every row has the same keys: `columns` when given, else the first row's. A column left out
    gets its server default (id, created_at, ...). None is SQL NULL, in jsonb columns too.
    A SQLAlchemy connection that is not yet in a transaction begins one, as `execute` would.
    """
    table = model if isinstance(model, sa.Table) else model.__table__
    assert isinstance(table, sa.Table)
    row_iterator = iter(rows)
    first = next(row_iterator, None)
    if first is None:
        return 0
    names = tuple(columns if columns is not None else first)
    check_columns(table, names)
    to_values = row_converter(table, names)

    driver_connection = psycopg_connection(connection)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(*([table.schema] if table.schema else []), table.name),
        sql.SQL(", ").join(sql.Identifier(name) for name in names),
    )
    written = 0
    with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for index, row in enumerate(chain((first,), row_iterator)):
            copy.write_row(values_of(row, index, names, to_values))
            written += 1
    return written


def check_columns(table: sa.Table, names: Sequence[str]) -> None:
    unknown = [name for name in names if name not in table.columns]
    if unknown:
        raise IngestError(f"table {table.name} has no column {', '.join(map(repr, unknown))}")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise IngestError(f"column {', '.join(map(repr, repeated))} given more than once")


def row_converter(table: sa.Table, names: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The function that turns one row into COPY's values, in `names` order."""
    pick = operator.itemgetter(*names)
    as_tuple: Callable[[Mapping[str, Any]], tuple[Any, ...]] = pick if len(names) > 1 else (lambda row: (pick(row),))
    # psycopg sends dicts and lists as arrays or refuses them; jsonb needs them marked as JSON.
    json_positions = [position for position, name in enumerate(names) if isinstance(table.columns[name].type, sa.JSON)]
    if not json_positions:
        return as_tuple

    def with_json(row: Mapping[str, Any]) -> tuple[Any, ...]:
        values = list(as_tuple(row))
        for position in json_positions:
            if values[position] is not None:
                values[position] = Jsonb(values[position])
        return tuple(values)

    return with_json


def values_of(
    row: Mapping[str, Any],
    index: int,
    names: Sequence[str],
    to_values: Callable[[Mapping[str, Any]], tuple[Any, ...]],
) -> tuple[Any, ...]:
    if len(row) != len(names):
        extra = sorted(set(row) - set(names))
        if extra:
            raise IngestError(f"row {index} has column(s) {', '.join(map(repr, extra))} that the first row has not")
    try:
        return to_values(row)
    except KeyError as exc:
        raise IngestError(f"row {index} has no value for column {exc.args[0]!r}") from None


def psycopg_connection(connection: sa.Connection | psycopg.Connection[Any]) -> psycopg.Connection[Any]:
    if isinstance(connection, psycopg.Connection):
        return connection
    driver_connection = connection.connection.driver_connection
    if not isinstance(driver_connection, psycopg.Connection):
        raise IngestError(
            f"copy_rows needs a psycopg 3 connection (postgresql+psycopg://), not {type(driver_connection).__name__}"
        )
    if not connection.in_transaction():
        connection.begin()
    return driver_connection
