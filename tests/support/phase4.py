"""Build a real Phase-4 database from tests/data/catalog.json: what deployments have before Phase 5."""

import re
from typing import Any

import sqlalchemy as sa

from tests.support.rows import insert_parent, insert_row, sample_value
from tests.support.spec import BASELINE, CATALOG

LEGACY_TABLES = list(CATALOG["legacy_phase4_tables"])

# The spec's deparsed text of this check deparses differently when fed back in (spec README,
# notes for implementers); its natural form gives back exactly the spec's text.
NATURAL_CHECKS = {
    "test_requests_payment_source_check": "CHECK (payment_source IN ('company', 'hitlai_funded', 'hybrid'))"
}

# What a Supabase project has before our chain: the auth schema, its users, its roles.
SUPABASE_STAND_IN = [
    "CREATE SCHEMA IF NOT EXISTS auth",
    "CREATE TABLE IF NOT EXISTS auth.users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text)",
    """CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS
       $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$""",
    """DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF;
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF;
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
           CREATE ROLE service_role NOLOGIN BYPASSRLS;
         END IF;
       END $$""",
]


def create_table_sql(name: str, table: dict[str, Any], at_revision: str = BASELINE) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for a catalog entry, as the original SQL would have made it."""
    names = {column["name"] for column in table["columns"]}
    parts = []
    for column in table["columns"]:
        if column.get("added_by_revision", "") > at_revision:
            continue
        definition = f'"{column["name"]}" {column["type"]}'
        default = column.get("default")
        if default and any(re.search(rf"\b{other}\b", default) for other in names):
            definition += f" GENERATED ALWAYS AS {default} STORED"  # pg_attrdef lists generated columns as defaults
        elif default:
            definition += f" DEFAULT {default}"
        if not column["nullable"]:
            definition += " NOT NULL"
        parts.append(definition)
    parts.append(f"CONSTRAINT {name}_pkey PRIMARY KEY ({', '.join(table['primary_key'])})")
    for fk in table["foreign_keys"]:
        parts.append(
            f"CONSTRAINT {fk['name']} FOREIGN KEY ({', '.join(fk['columns'])}) "
            f"REFERENCES {fk['references']} ON DELETE {fk['on_delete']}"
        )
    for unique in table["unique_constraints"]:
        parts.append(f"CONSTRAINT {unique['name']} UNIQUE ({', '.join(unique['columns'])})")
    for check in table["check_constraints"]:
        parts.append(f"CONSTRAINT {check['name']} {NATURAL_CHECKS.get(check['name'], check['expression'])}")
    statements = [f"CREATE TABLE public.{name} ({', '.join(parts)})"]
    for index in table["indexes"]:
        if index.get("added_by_revision", "") > at_revision:
            continue
        statements.append(
            f"CREATE {'UNIQUE ' if index['unique'] else ''}INDEX {index['name']} ON public.{name} "
            f"USING {index.get('using', 'btree')} ({', '.join(index['columns'])})"
            + (f" WHERE {index['where']}" if index.get("where") else "")
        )
    return statements


def build_phase4_database(connection: sa.Connection) -> None:
    for statement in SUPABASE_STAND_IN:
        connection.execute(sa.text(statement))
    for enum in ("test_status", "platform_type"):
        labels = ", ".join(f"'{label}'" for label in CATALOG["enums"][enum])
        connection.execute(sa.text(f"CREATE TYPE public.{enum} AS ENUM ({labels})"))
    for name, table in CATALOG["core_tables"].items():
        for statement in create_table_sql(name, table):
            connection.execute(sa.text(statement))
    for name, table in CATALOG["legacy_phase4_tables"].items():
        for statement in create_table_sql(name, table):
            connection.execute(sa.text(statement))


# When a Phase-4 writer last wrote: long enough ago for an upgrade to set its table aside, or still live.
TWO_DAYS_AGO = sa.text("now() - interval '2 days'")
A_MINUTE_AGO = sa.text("now() - interval '1 minute'")


def insert_legacy_rows(
    connection: sa.Connection, table: str, count: int = 2, written_at: sa.TextClause = TWO_DAYS_AGO
) -> None:
    """Rows with every column filled, parents included, in a legacy Phase-4 table; every timestamp is written_at."""
    spec = CATALOG["legacy_phase4_tables"][table]
    parents = {fk["columns"][0]: fk["references"].split("(")[0] for fk in spec["foreign_keys"]}
    for _ in range(count):
        row = {
            column["name"]: (
                insert_parent(connection, parents[column["name"]])
                if column["name"] in parents
                else written_at
                if column["type"].startswith("timestamp")
                else sample_value(column)
            )
            for column in spec["columns"]
            if column["name"] not in ("id", "total_tokens")  # generated or defaulted by the database
        }
        insert_row(connection, table, spec, row)


def legacy_rows(connection: sa.Connection, tables: list[str], suffix: str = "") -> dict[str, list[dict]]:
    return {
        table: [dict(row._mapping) for row in connection.execute(sa.text(f"SELECT * FROM {table}{suffix} ORDER BY id"))]
        for table in tables
    }
