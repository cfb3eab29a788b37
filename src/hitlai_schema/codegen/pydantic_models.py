"""Writes `hitlai_schema/schemas.py`, the pydantic schemas of every model, from the models' metadata.

    python -m hitlai_schema.codegen.pydantic_models      # after changing a model; a test fails until it is run

The schemas are a generated module rather than classes built at import time so that type checkers
and IDEs see every field.

Check constraints become field constraints when every part of them is one of these simple forms,
joined by AND: `column >= N`, `column > N`, `column <= N`, `column < N` (N a number), and
`column IN ('a', 'b', ...)`. Any other form stops the generator, so no check is silently left out.
"""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from hitlai_schema.models.base import Base

SCHEMAS_PATH = Path(__file__).parents[1] / "schemas.py"

_COMPARISON = re.compile(r"(?P<column>\w+) (?P<operator>>=|>|<=|<) (?P<number>-?\d+(?:\.\d+)?)")
_IN_LIST = re.compile(r"(?P<column>\w+) IN \((?P<values>'[^']*'(?:, '[^']*')*)\)")
_OPERATOR_NAMES = {">=": "ge", ">": "gt", "<=": "le", "<": "lt"}
# Set by the database on every write, never by a client. created_at is not here: a writer may record when an event
# happened (a backfill, a batch sent late); left out, it is the server's now().
_SERVER_TIMESTAMPS = {"updated_at"}


@dataclass
class ColumnCheck:
    """What the check constraints of a table say about one column."""

    bounds: dict[str, str] = field(default_factory=dict)
    allowed: list[str] | None = None


def mapped_models() -> list[type[Base]]:
    """Every model class, by name."""
    # The package maps its models on first use of one of its names (hitlai_schema/__init__.py): until
    # then, in a fresh process such as the command line's, the registry holds none of them.
    from hitlai_schema import metadata  # noqa: F401

    return sorted((mapper.class_ for mapper in Base.registry.mappers), key=lambda cls: cls.__name__)


def table_of(model: type[Base]) -> sa.Table:
    table = sa.inspect(model).local_table
    assert isinstance(table, sa.Table)
    return table


def column_checks(table: sa.Table) -> dict[str, ColumnCheck]:
    checks: dict[str, ColumnCheck] = {}
    constraints = sorted((c for c in table.constraints if isinstance(c, sa.CheckConstraint)), key=lambda c: str(c.name))
    for constraint in constraints:
        for part in str(constraint.sqltext).split(" AND "):
            if comparison := _COMPARISON.fullmatch(part.strip()):
                check = checks.setdefault(comparison["column"], ColumnCheck())
                check.bounds[_OPERATOR_NAMES[comparison["operator"]]] = comparison["number"]
            elif in_list := _IN_LIST.fullmatch(part.strip()):
                check = checks.setdefault(in_list["column"], ColumnCheck())
                check.allowed = re.findall(r"'([^']*)'", in_list["values"])
            else:
                raise ValueError(f"check {constraint.name} of {table.name}: cannot turn {part!r} into a field rule")
    unknown = set(checks) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"checks of {table.name} name columns it does not have: {sorted(unknown)}")
    return checks


def is_server_generated(column: sa.Column[Any]) -> bool:
    """The key the database generates, and updated_at: never part of a Create schema.

    created_at joins the key of the tables partitioned by month (spec decision 8), and stays the writer's to give.
    """
    if column.server_default is None:
        return False
    return (column.primary_key and column.name != "created_at") or column.name in _SERVER_TIMESTAMPS


def has_default(column: sa.Column[Any]) -> bool:
    return column.server_default is not None or column.default is not None


def attribute_key(model: type[Base], column: sa.Column[Any]) -> str:
    return sa.inspect(model).get_property_by_column(column).key


def _constrained(base: str, constraints: dict[str, str]) -> str:
    if not constraints:
        return base
    arguments = ", ".join(f"{name}={value}" for name, value in constraints.items())
    return f"Annotated[{base}, Field({arguments})]"


def value_type(column_type: sa.types.TypeEngine[Any], check: ColumnCheck | None = None) -> str:
    """The Python type, as source text, of the values PostgreSQL accepts for a column type (and check)."""
    check = check or ColumnCheck()
    if check.allowed is not None:
        return "Literal[" + ", ".join(f'"{value}"' for value in check.allowed) + "]"
    bounds = dict(check.bounds)
    if isinstance(column_type, sa.ARRAY):
        return f"list[{value_type(column_type.item_type)}]"
    if isinstance(column_type, sa.Enum):
        assert column_type.enum_class is not None, f"enum {column_type.name} has no Python enum"
        return f"enums.{column_type.enum_class.__name__}"
    if isinstance(column_type, sa.String):
        if column_type.length is not None:
            return f"Annotated[str, Field(max_length={column_type.length}), PostgresText]"
        return "Text"
    if isinstance(column_type, sa.BigInteger):
        return _constrained("Int8", bounds)
    if isinstance(column_type, sa.Integer):
        return _constrained("Int4", bounds)
    if isinstance(column_type, sa.Double):
        return _constrained("float", bounds)
    if isinstance(column_type, sa.Numeric):
        if column_type.precision is None:
            return _constrained("decimal.Decimal", bounds)
        # Rounded as PostgreSQL stores it; the CHECK bounds then judge the rounded value, as the CHECK does.
        arguments = [str(column_type.precision), str(column_type.scale or 0)]
        arguments += [f"{name}={value}" for name, value in bounds.items()]
        return f"Annotated[decimal.Decimal, Numeric({', '.join(arguments)})]"
    if isinstance(column_type, sa.Boolean):
        return "bool"
    if isinstance(column_type, sa.DateTime):
        return "AwareDatetime" if column_type.timezone else "NaiveDatetime"
    if isinstance(column_type, sa.Date):
        return "datetime.date"
    if isinstance(column_type, sa.Uuid):
        return "uuid.UUID"
    if isinstance(column_type, postgresql.JSONB):
        return "Json"
    if isinstance(column_type, postgresql.INET):
        return "IPvAnyInterface"
    raise TypeError(f"no schema type for the column type {column_type!r}")


def _create_field(model: type[Base], column: sa.Column[Any], check: ColumnCheck | None) -> str:  # noqa: ARG001
    python_type = value_type(column.type, check)
    if column.nullable:
        return f"    {column.name}: {python_type} | None = None"
    if has_default(column):
        return f"    {column.name}: Annotated[{python_type} | None, NotNull] = None"
    return f"    {column.name}: Annotated[{python_type}, NotNull]"


def _read_field(model: type[Base], column: sa.Column[Any], check: ColumnCheck | None) -> str:
    python_type = value_type(column.type, check) + (" | None" if column.nullable else "")
    key = attribute_key(model, column)
    if key != column.name:
        return f'    {column.name}: {python_type} = Field(validation_alias=AliasChoices("{key}", "{column.name}"))'
    return f"    {column.name}: {python_type}"


def _schema_classes(model: type[Base]) -> str:
    table = table_of(model)
    checks = column_checks(table)
    orm_class = f"{model.__module__.rpartition('.')[2]}.{model.__name__}"
    create = [
        _create_field(model, column, checks.get(column.name))
        for column in table.columns
        if not is_server_generated(column)
    ]
    read = [_read_field(model, column, checks.get(column.name)) for column in table.columns]
    return "\n".join(
        [
            f"class {model.__name__}Create(CreateSchema[{orm_class}]):",
            f'    """A new {table.name} row."""',
            "",
            f"    orm_class = {orm_class}",
            "",
            *create,
            "",
            "",
            f"class {model.__name__}Read(ReadSchema):",
            f'    """A stored {table.name} row."""',
            "",
            *read,
        ]
    )


def generate() -> str:
    """The source of hitlai_schema/schemas.py."""
    models = mapped_models()
    modules = sorted({model.__module__.rpartition(".")[2] for model in models} | {"enums"})
    header = [
        '"""Pydantic schemas of every model: <Model>Create, what a client may send, and <Model>Read, a stored row.',
        "",
        "Generated from the models by `python -m hitlai_schema.codegen.pydantic_models`: do not edit by hand.",
        '"""',
        "",
        "import datetime",
        "import decimal",
        "import uuid",
        "from typing import Annotated, Literal",
        "",
        "from pydantic import AliasChoices, AwareDatetime, Field, IPvAnyInterface, NaiveDatetime",
        "",
        "from hitlai_schema.models import (",
        *(f"    {module}," for module in modules),
        ")",
        "from hitlai_schema.models.types import CreateSchema, Int4, Int8, Json, NotNull, Numeric, PostgresText, ReadSchema, Text",
    ]
    names = [f"{model.__name__}{kind}" for model in models for kind in ("Create", "Read")]
    footer = ["__all__ = [", *(f'    "{name}",' for name in names), "]"]
    body = "\n\n\n".join(_schema_classes(model) for model in models)
    return "\n".join(header) + "\n\n\n" + body + "\n\n\n" + "\n".join(footer) + "\n"


def main() -> None:
    source = generate()
    if SCHEMAS_PATH.exists() and SCHEMAS_PATH.read_text() == source:
        print(f"{SCHEMAS_PATH} is up to date")
        return
    SCHEMAS_PATH.write_text(source)
    print(f"wrote {SCHEMAS_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
