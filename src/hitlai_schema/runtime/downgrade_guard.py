"""Downgrades that would delete data: found by a trial run in a savepoint, refused unless allowed."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hitlai_schema.runtime.errors import quote

# Tables and columns of every schema a migration may touch; PostgreSQL's own are never dropped by one.
USER_TABLES = """
SELECT c.oid, n.nspname, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_%'
"""
USER_COLUMNS = """
SELECT a.attrelid, a.attnum, a.attname, pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
"""

# partition -> its partitioned table
PARTITION_PARENTS = (
    "SELECT inhrelid::bigint, inhparent::bigint FROM pg_inherits JOIN pg_class c ON c.oid = inhrelid "
    "WHERE c.relispartition"
)


@dataclass(frozen=True)
class Loss:
    """A table or column a downgrade drops, and how many rows (or values) go with it."""

    what: str
    count: int
    unit: str

    def __str__(self) -> str:
        return f"{self.what} ({self.count} {self.unit}{'' if self.count == 1 else 's'})"


def _snapshot(connection: Connection) -> tuple[dict[int, tuple[str, str]], dict[tuple[int, int], tuple[str, Any]]]:
    tables = {oid: (schema, name) for oid, schema, name in connection.execute(sa.text(USER_TABLES))}
    columns = {(rel, num): (name, default) for rel, num, name, default in connection.execute(sa.text(USER_COLUMNS))}
    return tables, columns


def _rebuilt_row_counts(
    connection: Connection, before: dict[int, tuple[str, str]], after: dict[int, tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """Rows of each table the downgrades dropped and created anew under the same name (20261204213000 turns a
    partitioned table back into a plain one so): holding as many rows as the old one, it lost none."""
    dropped = {before[oid] for oid in set(before) - set(after)}
    return {
        (schema, name): connection.execute(
            sa.select(sa.func.count()).select_from(sa.table(name, schema=schema))
        ).scalar_one()
        for oid, (schema, name) in after.items()
        if oid not in before and (schema, name) in dropped
    }


def _reference_row_condition(table: sa.TableClause, rows: Sequence[dict[str, Any]]) -> sa.ColumnElement[bool]:
    return sa.or_(
        *(sa.and_(*(table.c[name].is_not_distinct_from(value) for name, value in row.items())) for row in rows)
    )


def data_losses(
    connection: Connection,
    run_downgrades: Callable[[], None],
    reference_rows: Iterable[tuple[sa.TableClause, Sequence[dict[str, Any]]]] = (),
) -> list[Loss]:
    """What the downgrades would delete: run them inside a savepoint, see which tables and columns are gone, undo.

    Renamed tables keep their oid, so a legacy table put back under its old name is not a loss.
    Rows a revision inserted itself (its reference rows, unchanged) and values equal to a
    column's default are not data anyone would miss; everything else counts.
    """
    with connection.begin_nested() as trial:
        # The trial's own notices (kept tables, restored tables) would be said again by the real run.
        connection.execute(sa.text("SET LOCAL client_min_messages = warning"))
        tables_before, columns_before = _snapshot(connection)
        partition_parents = {child: parent for child, parent in connection.execute(sa.text(PARTITION_PARENTS))}
        run_downgrades()
        tables_after, columns_after = _snapshot(connection)
        rebuilt = _rebuilt_row_counts(connection, tables_before, tables_after)
        trial.rollback()

    references = {table.name: (table, rows) for table, rows in reference_rows}
    losses = []
    for oid in sorted(set(tables_before) - set(tables_after)):
        if partition_parents.get(oid) in tables_before and partition_parents[oid] not in tables_after:
            continue  # a partition dropped with its table: its rows are counted there
        schema, name = tables_before[oid]
        query = sa.select(sa.func.count()).select_from(sa.table(name, schema=schema))
        if name in references and schema == "public":
            table, rows = references[name]
            query = sa.select(sa.func.count()).select_from(table).where(sa.not_(_reference_row_condition(table, rows)))
        count = connection.execute(query).scalar_one()
        if count and count > rebuilt.get((schema, name), -1):
            losses.append(Loss(f"table {schema}.{name}", count, "row"))
    for rel, num in sorted(set(columns_before) - set(columns_after)):
        if rel not in tables_after:
            continue
        schema, table_name = tables_before[rel]
        column, default = columns_before[(rel, num)]
        condition = f"{quote(connection, column)} IS NOT NULL"
        if default is not None and "nextval(" not in default:
            condition += f" AND {quote(connection, column)} IS DISTINCT FROM ({default})"
        count = connection.execute(
            sa.text(f"SELECT count(*) FROM {quote(connection, schema, table_name)} WHERE {condition}")
        ).scalar_one()
        if count:
            losses.append(Loss(f"column {schema}.{table_name}.{column}", count, "value"))
    return losses
