"""Declarative base, naming convention and the reusable column types of every model."""

import datetime
import decimal
import enum
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, mapped_column

from hitlai_schema.models.enums import PG_ENUM_NAMES, AIModelProvider

# PostgreSQL's own default names, so that constraints created by the models, by
# the revisions and by the original hand-written SQL all carry the same names.
NAMING_CONVENTION = {
    "pk": "%(table_name)s_pkey",
    "fk": "%(table_name)s_%(column_0_N_name)s_fkey",
    "uq": "%(table_name)s_%(column_0_N_name)s_key",
    "ck": "%(table_name)s_%(constraint_name)s_check",
}


def pg_enum(enum_class: type[enum.Enum]) -> sa.Enum:
    """The named PostgreSQL enum type whose labels are the members' values."""
    return sa.Enum(
        enum_class,
        name=PG_ENUM_NAMES[enum_class],
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


# One type object per enum, shared by every column (and array) that uses it.
_enum_types: dict[Any, sa.types.TypeEngine[Any]] = {enum_class: pg_enum(enum_class) for enum_class in PG_ENUM_NAMES}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

    type_annotation_map: dict[Any, sa.types.TypeEngine[Any]] = {
        uuid.UUID: postgresql.UUID(as_uuid=True),
        str: sa.Text(),
        int: sa.Integer(),
        float: sa.Double(),
        bool: sa.Boolean(),
        decimal.Decimal: sa.Numeric(),
        datetime.datetime: sa.DateTime(timezone=True),
        datetime.date: sa.Date(),
        dict[str, Any]: postgresql.JSONB(),
        list[Any]: postgresql.JSONB(),
        list[str]: postgresql.ARRAY(sa.Text()),
        list[uuid.UUID]: postgresql.ARRAY(postgresql.UUID(as_uuid=True)),
        **_enum_types,
        list[AIModelProvider]: postgresql.ARRAY(_enum_types[AIModelProvider]),
    }


# Every table's key: a uuid the database generates (built into PostgreSQL 13+,
# unlike uuid_generate_v4(), which needs the uuid-ossp extension).
UUIDPrimaryKey = Annotated[uuid.UUID, mapped_column(primary_key=True, server_default=sa.text("gen_random_uuid()"))]
TimestampNow = Annotated[datetime.datetime, mapped_column(server_default=sa.func.now())]
# The database never moves updated_at (no trigger, as in the original SQL): the ORM advances it on
# every UPDATE it issues, and writers through Supabase's Data API set it themselves.
UpdatedAt = Annotated[datetime.datetime, mapped_column(server_default=sa.func.now(), onupdate=sa.func.now())]
JsonObject = Annotated[dict[str, Any], mapped_column(server_default=sa.text("'{}'::jsonb"))]
JsonArray = Annotated[list[Any], mapped_column(server_default=sa.text("'[]'::jsonb"))]
DefaultFalse = Annotated[bool, mapped_column(server_default=sa.false())]
DefaultTrue = Annotated[bool, mapped_column(server_default=sa.true())]
DefaultZero = Annotated[int, mapped_column(server_default=sa.text("0"))]

# Spec decision 8: append-only tables partitioned by calendar month (UTC) of created_at, which joins their
# primary key; the partitions live in schema hitlai_partitions, out of the Data API's reach.
PARTITION_BY_MONTH = "RANGE (created_at)"


@dataclass(frozen=True)
class Policy:
    """A row-level security policy of the table whose model declares it (`policies(...)` in its
    `__table_args__`); expressions are SQL, compared as PostgreSQL normalises them."""

    name: str
    command: str  # SELECT, INSERT, UPDATE, DELETE or ALL
    roles: tuple[str, ...]
    using: str | None
    with_check: str | None = None
    table: str = ""  # filled in from the declaring table by hitlai_schema.models.access.policies()


def policies(*declared: Policy) -> dict[str, Any]:
    """Table info that declares a table's row-level security policies, next to its columns."""
    return {"policies": declared}


# (select auth.uid()) is evaluated once per query rather than once per row, as Supabase advises.
OWN_ROWS = "user_id = (select auth.uid())"
