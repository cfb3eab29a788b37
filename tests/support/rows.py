"""Insert minimal valid rows into any table of the spec, to test what the database refuses and cascades."""

import itertools
import re
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from tests.support.spec import CATALOG, table_spec

_counter = itertools.count()


def sample_value(column: dict[str, Any]) -> Any:
    """A value of the column's type that every check of the spec accepts."""
    sql_type = column["type"]
    if sql_type.endswith("[]"):
        return []
    if sql_type in CATALOG["enums"]:
        return CATALOG["enums"][sql_type][0]
    if sql_type == "uuid":
        return uuid.uuid4()
    if sql_type in ("integer", "bigint") or sql_type.startswith(("numeric", "double")):
        return 1
    if sql_type == "boolean":
        return True
    if sql_type.startswith("timestamp"):
        return sa.func.now()
    if sql_type == "date":
        return sa.func.current_date()
    if sql_type == "jsonb":
        return {}
    if sql_type == "inet":
        return "127.0.0.1"
    # Text columns: unique per row, so unique constraints never collide by accident.
    return f"sample-{next(_counter)}"


def insert(connection: sa.Connection, table: str, **values: Any) -> uuid.UUID:
    """Insert a row into one of our tables with the required columns filled in (values override them)."""
    spec = table_spec(table)
    required = {
        column["name"]: sample_value(column)
        for column in spec["columns"]
        if not column["nullable"] and "default" not in column
    }
    return insert_row(connection, table, spec, {**required, **values})


def insert_row(connection: sa.Connection, table: str, spec: dict[str, Any], row: dict[str, Any]) -> uuid.UUID:
    """Insert exactly these values, typed by the table's spec entry; return the new row's id."""
    json_columns = {column["name"] for column in spec["columns"] if column["type"] == "jsonb"}
    columns = [sa.column(name, JSONB(none_as_null=True) if name in json_columns else None) for name in row]
    statement = sa.insert(sa.table(table, *columns, sa.column("id"))).values(row).returning(sa.column("id"))
    return connection.execute(statement).scalar_one()


def insert_parent(connection: sa.Connection, referenced_table: str) -> uuid.UUID:
    """A row for a foreign key to point at, in auth.users (Supabase's) or one of our tables."""
    if referenced_table == "auth.users":
        return connection.execute(sa.text("INSERT INTO auth.users DEFAULT VALUES RETURNING id")).scalar_one()
    return insert(connection, referenced_table)


def out_of_range_value(expression: str) -> int | str:
    """A value the check expression (as PostgreSQL deparses it) refuses."""
    if "= ANY (" in expression:
        return "not-an-allowed-value"
    bounds = dict(
        (operator, float(number)) for operator, number in re.findall(r"(>=|<=|>|<) \(?'?(-?[\d.]+)'?\)?", expression)
    )
    if "<=" in bounds:
        return int(bounds["<="]) + 1
    if ">=" in bounds:
        return int(bounds[">="]) - 1
    return int(bounds[">"])


def checked_column(table: str, constraint: str) -> str:
    return constraint.removeprefix(f"{table}_").removesuffix("_check")
