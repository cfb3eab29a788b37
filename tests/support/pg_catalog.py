"""Read a table's definition back from PostgreSQL's catalog, in the shape of tests/data/catalog.json."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

ON_DELETE = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def _rows(connection: Connection, query: str, **params: Any) -> list[sa.Row]:
    return list(connection.execute(sa.text(query), params))


def table_names(connection: Connection, schema: str = "public") -> set[str]:
    return {
        row.relname
        for row in _rows(
            connection,
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p')",
            schema=schema,
        )
    }


def read_table(connection: Connection, table: str) -> dict[str, Any]:
    """Columns, keys, checks and indexes of public.<table> as the database has them."""
    oid = connection.execute(sa.text("SELECT to_regclass(:name)::oid"), {"name": f"public.{table}"}).scalar()
    assert oid is not None, f"table {table} does not exist"
    columns = []
    for row in _rows(
        connection,
        """SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
                  pg_get_expr(d.adbin, d.adrelid) AS "default"
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE a.attrelid = :oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
        oid=oid,
    ):
        column = {"name": row.attname, "type": row.type, "nullable": row.nullable}
        if row.default is not None:
            column["default"] = row.default
        columns.append(column)

    constraints = _rows(
        connection,
        """SELECT c.conname, c.contype, c.confdeltype, pg_get_constraintdef(c.oid) AS definition,
                  c.confrelid::regclass::text AS referenced_table,
                  ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
                  ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)
                      AS referenced_columns
           FROM pg_constraint c WHERE c.conrelid = :oid ORDER BY c.conname""",
        oid=oid,
    )
    primary_key = [list(c.columns) for c in constraints if c.contype == "p"]
    indexes = []
    for row in _rows(
        connection,
        """SELECT ic.relname AS name, i.indisunique AS unique, am.amname AS using,
                  pg_get_expr(i.indpred, i.indrelid, true) AS "where",
                  ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                               || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                        FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS columns
           FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
           WHERE i.indrelid = :oid
             AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
           ORDER BY ic.relname""",
        oid=oid,
    ):
        index = {"name": row.name, "columns": list(row.columns), "unique": row.unique}
        if row.where is not None:
            index["where"] = row.where
        if row.using != "btree":
            index["using"] = row.using
        indexes.append(index)

    partition_by = connection.execute(
        sa.text(
            "SELECT pg_get_partkeydef(:oid) WHERE EXISTS (SELECT FROM pg_partitioned_table WHERE partrelid = :oid)"
        ),
        {"oid": oid},
    ).scalar()
    return {
        "columns": columns,
        "primary_key": primary_key[0] if primary_key else [],
        "foreign_keys": [
            {
                "name": c.conname,
                "columns": list(c.columns),
                "references": f"{c.referenced_table}({', '.join(c.referenced_columns)})",
                "on_delete": ON_DELETE[c.confdeltype],
            }
            for c in constraints
            if c.contype == "f"
        ],
        "unique_constraints": [
            {"name": c.conname, "columns": list(c.columns)} for c in constraints if c.contype == "u"
        ],
        "check_constraints": [{"name": c.conname, "expression": c.definition} for c in constraints if c.contype == "c"],
        "indexes": indexes,
        **({"partition_by": partition_by} if partition_by else {}),
    }


def table_comment(connection: Connection, table: str) -> str | None:
    return connection.execute(
        sa.text("SELECT obj_description(to_regclass(:name), 'pg_class')"), {"name": f"public.{table}"}
    ).scalar()


def enum_labels(connection: Connection) -> dict[str, list[str]]:
    """Every enum of the public schema with its labels in order."""
    labels: dict[str, list[str]] = {}
    for row in _rows(
        connection,
        """SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder""",
    ):
        labels.setdefault(row.typname, []).append(row.enumlabel)
    return labels


def schema_snapshot(connection: Connection) -> dict[str, Any]:
    """Everything a migration builds in public, for comparing two ways of building it."""
    return {
        "tables": {table: read_table(connection, table) for table in sorted(table_names(connection))},
        "comments": {table: table_comment(connection, table) for table in sorted(table_names(connection))},
        "enums": enum_labels(connection),
        "policies": [
            tuple(row)
            for row in _rows(
                connection,
                """SELECT tablename, policyname, cmd, roles::text[], qual, with_check FROM pg_policies
                   WHERE schemaname = 'public' ORDER BY tablename, policyname""",
            )
        ],
        "rls": sorted(
            row.relname
            for row in _rows(
                connection,
                """SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity""",
            )
        ),
        "version": [row.version_num for row in _rows(connection, "SELECT version_num FROM alembic_version")],
        "reference_rows": {
            table: _rows(connection, f"SELECT count(*) AS n FROM {table}")[0].n
            for table in ("ai_tester_pricing", "ai_model_capabilities")
            if table in table_names(connection)
        },
    }
