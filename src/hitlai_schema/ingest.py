"""Bulk ingestion through PostgreSQL COPY, for the session events services write by the thousand.

    from hitlai_schema import ClickEvent
    from hitlai_schema.ingest import copy_rows

    with engine.connect() as connection:
        copy_rows(connection, ClickEvent, rows)   # dicts keyed by column name, or ClickEventCreate models
        connection.commit()

Column names are checked against the model before anything is sent; the database checks the
values (types, not-null, checks, foreign keys) and refuses the whole call on the first bad row,
naming the constraint. Nothing is committed here: the rows belong to the caller's transaction.

What COPY needs to stay fast as the tables grow is done here:
- a row without `id` gets a time-ordered UUIDv7 from the client. Left to the server, `gen_random_uuid()` is a
  volatile default, which makes COPY insert row by row instead of in batches, and its random ids land all over
  the primary-key index, which then outgrows memory; version 7 ids land at its right edge.
- rows are streamed: any iterable, read once, with memory that does not grow with its length.
- into a table partitioned by month (spec decision 8), a row whose month has no partition would make
  PostgreSQL refuse the whole COPY. By default the month is created first, on a connection of its own in a
  short transaction committed at once (as `hitlai-schema partitions ensure` would; an empty month is harmless
  if the caller then rolls back), so that the locks it takes end at once rather than with the caller's
  transaction, which may last the whole load. With `create_partitions=False` such a row is refused in one line
  naming the month, and the caller runs `hitlai-schema partitions ensure --from YYYY-MM`. A row without
  `created_at` gets the server's `now()`: the current month, which `ensure` keeps.
"""

import datetime
import operator
import os
import threading
import time
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from itertools import chain
from typing import TYPE_CHECKING, Any

import psycopg
import sqlalchemy as sa
from psycopg import sql
from psycopg.types.json import Jsonb

from hitlai_schema.models.base import Base

if TYPE_CHECKING:
    from hitlai_schema.models.types import CreateSchema


class IngestError(ValueError):
    """Rows that do not fit the table; raised before any of them reach the database."""


# --- UUIDv7 -------------------------------------------------------------------------------------------------


class UUIDv7:
    """Version 7 UUIDs (RFC 9562), strictly increasing within the process.

    48 bits of Unix milliseconds, the version, then a 42-bit counter (RFC 9562's method 1) drawn at random
    below half its range at each new millisecond and counted up within one, then 32 random bits. A counter
    that runs out, or a clock that steps back, carries on in the next millisecond of the last id issued.
    The random bits come from os.urandom, read 64 kB at a time: one call per id cost more than the rest.
    """

    COUNTER_BITS = 42
    LOW_COUNTER_BITS = 30
    POOL_BYTES = 65_536

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._millisecond = 0
        self._counter = 0
        self._pool = b""
        self._taken = 0

    def _random_bits(self) -> int:
        """64 random bits; called with the lock held."""
        if self._taken >= len(self._pool):
            self._pool, self._taken = os.urandom(self.POOL_BYTES), 0
        self._taken += 8
        return int.from_bytes(self._pool[self._taken - 8 : self._taken])

    def next_int(self) -> int:
        with self._lock:
            bits = self._random_bits()
            now = time.time_ns() // 1_000_000
            if now > self._millisecond:
                self._millisecond = now
                self._counter = self._random_bits() >> (64 - self.COUNTER_BITS + 1)
            else:
                self._counter += 1
                if self._counter >> self.COUNTER_BITS:
                    self._millisecond += 1
                    self._counter = self._random_bits() >> (64 - self.COUNTER_BITS + 1)
            millisecond, counter = self._millisecond, self._counter
        return (
            millisecond << 80
            | 0x7 << 76
            | (counter >> self.LOW_COUNTER_BITS) << 64
            | 0b10 << 62
            | (counter & ((1 << self.LOW_COUNTER_BITS) - 1)) << 32
            | bits & 0xFFFFFFFF
        )

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self.next_int())

    def hex(self) -> str:
        """The id as 32 hex digits, which PostgreSQL's uuid input takes as it is: cheaper than a UUID object."""
        return f"{self.next_int():032x}"


# One sequence per process, so that every id it issues is greater than the one before.
uuid7 = UUIDv7()


# --- copy_rows ----------------------------------------------------------------------------------------------


def copy_rows(
    connection: sa.Connection | psycopg.Connection[Any],
    model: type[Base] | sa.Table,
    rows: Iterable[Mapping[str, Any]] | Iterable["CreateSchema[Any]"],
    *,
    columns: Sequence[str] | None = None,
    create_partitions: bool = True,
) -> int:
    """COPY `rows` into the model's table and return how many were written.

    Rows are mappings keyed by column name, or the pydantic `<Model>Create` schemas of the table.
    Mappings all have the same keys: `columns` when given, else the first row's. A column left out
    gets its server default (created_at, ...); `id`, left out, gets a UUIDv7 made here. A schema's
    fields left unset get their column's server default, and NULL where the column has none.
    None is SQL NULL, in jsonb columns too. `create_partitions`: see the module's description.
    A SQLAlchemy connection that is not yet in a transaction begins one, as `execute` would.
    """
    table = model if isinstance(model, sa.Table) else model.__table__
    assert isinstance(table, sa.Table)
    row_iterator = iter(rows)
    first = next(row_iterator, None)
    if first is None:
        return 0
    encode = encoder(table, first, columns)
    driver_connection = psycopg_connection(connection)
    months = MonthGuard.of(driver_connection, table, create_partitions)
    written = 0
    created_at_positions: dict[tuple[str, ...], int | None] = {}
    with CopyStream(driver_connection, table) as stream:
        for index, row in enumerate(chain((first,), row_iterator)):
            names, values = encode(row, index)
            if months is not None:
                if names not in created_at_positions:
                    created_at_positions[names] = names.index("created_at") if "created_at" in names else None
                position = created_at_positions[names]
                months.check(None if position is None else values[position], index, stream)
            stream.write(names, values)
            written += 1
    return written


Encoder = Callable[[Any, int], tuple[tuple[str, ...], tuple[Any, ...]]]


def encoder(table: sa.Table, first: Any, columns: Sequence[str] | None) -> Encoder:
    """The function that turns row number `index` into the names of its columns and their values, id included."""
    if isinstance(first, Mapping):
        return mapping_encoder(table, tuple(columns if columns is not None else first))
    from hitlai_schema.models.types import CreateSchema

    if not isinstance(first, CreateSchema):
        raise IngestError(f"row 0 is a {type(first).__name__}, not a mapping or a Create schema")
    if columns is not None:
        raise IngestError("columns applies to rows given as mappings; a Create schema says which fields it sets")
    return schema_encoder(table, type(first))


def mapping_encoder(table: sa.Table, names: tuple[str, ...]) -> Encoder:
    check_columns(table, names)
    to_values = row_converter(table, names)
    if needs_client_id(table, names):
        sent = (*names, "id")

        def with_id(row: Any, index: int) -> tuple[tuple[str, ...], tuple[Any, ...]]:
            return sent, (*values_of(row, index, names, to_values), uuid7.hex())

        return with_id
    return lambda row, index: (names, values_of(row, index, names, to_values))


def schema_encoder(table: sa.Table, schema: "type[CreateSchema[Any]]") -> Encoder:
    """Each row sends every field it set, and every field whose column has no server default (NULL if unset)."""
    if schema.orm_class.__table__ is not table:
        raise IngestError(f"row 0 is a {schema.__name__}, not a row of table {table.name}")
    fields = tuple(schema.model_fields)
    check_columns(table, fields)
    always = frozenset(name for name in fields if table.columns[name].server_default is None)
    client_id = needs_client_id(table, ())
    converters: dict[tuple[str, ...], Callable[[Mapping[str, Any]], tuple[Any, ...]]] = {}

    def encode(row: Any, index: int) -> tuple[tuple[str, ...], tuple[Any, ...]]:
        if type(row) is not schema:
            raise IngestError(f"row {index} is a {type(row).__name__}, not a {schema.__name__} like row 0")
        values = row.model_dump(exclude_unset=True)
        names = tuple(name for name in fields if name in values or name in always)
        to_values = converters.get(names)
        if to_values is None:
            to_values = converters[names] = row_converter(table, names, missing_is_null=True)
        if client_id:
            return (*names, "id"), (*to_values(values), uuid7.hex())
        return names, to_values(values)

    return encode


def needs_client_id(table: sa.Table, names: Sequence[str]) -> bool:
    """A uuid `id` the server would draw with a volatile default: drawn here instead, as a UUIDv7."""
    column = table.columns.get("id")
    return (
        "id" not in names
        and column is not None
        and isinstance(column.type, sa.Uuid)
        and column.server_default is not None
    )


def check_columns(table: sa.Table, names: Sequence[str]) -> None:
    unknown = [name for name in names if name not in table.columns]
    if unknown:
        raise IngestError(f"table {table.name} has no column {', '.join(map(repr, unknown))}")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise IngestError(f"column {', '.join(map(repr, repeated))} given more than once")


def row_converter(
    table: sa.Table, names: Sequence[str], *, missing_is_null: bool = False
) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The function that turns one row into COPY's values, in `names` order."""
    as_tuple: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    if missing_is_null:
        as_tuple = lambda row: tuple(row.get(name) for name in names)  # noqa: E731
    else:
        pick = operator.itemgetter(*names)
        as_tuple = pick if len(names) > 1 else (lambda row: (pick(row),))
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
    if not isinstance(row, Mapping):
        raise IngestError(f"row {index} is a {type(row).__name__}, not a mapping like row 0")
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


class CopyStream:
    """One COPY at a time into the table; a row with other columns, or a new partition, ends it and starts another.

    Leaving the block with an exception aborts the COPY in progress, which fails the caller's transaction.
    """

    def __init__(self, connection: psycopg.Connection[Any], table: sa.Table) -> None:
        self.connection = connection
        self.target = sql.Identifier(*([table.schema] if table.schema else []), table.name)
        self.names: tuple[str, ...] | None = None
        self.open_copy: AbstractContextManager[psycopg.Copy] | None = None
        self.copy: psycopg.Copy | None = None
        self.cursor = connection.cursor()

    def write(self, names: tuple[str, ...], values: tuple[Any, ...]) -> None:
        if names != self.names:
            self.finish()
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                self.target, sql.SQL(", ").join(sql.Identifier(name) for name in names)
            )
            self.open_copy = self.cursor.copy(statement)
            self.copy = self.open_copy.__enter__()
            self.names = names
        assert self.copy is not None
        self.copy.write_row(values)

    def finish(self) -> None:
        """End the COPY in progress, sending its last rows."""
        if self.open_copy is not None:
            open_copy, self.open_copy, self.copy, self.names = self.open_copy, None, None, None
            open_copy.__exit__(None, None, None)

    def __enter__(self) -> "CopyStream":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: Any) -> None:
        try:
            if self.open_copy is not None:
                open_copy, self.open_copy = self.open_copy, None
                open_copy.__exit__(kind, error, trace)
        finally:
            self.cursor.close()


class MonthGuard:
    """Into a table partitioned by month: makes sure each row's month has a partition before the row is sent."""

    def __init__(
        self,
        connection: psycopg.Connection[Any],
        table: sa.Table,
        bounds: list[tuple[datetime.datetime, datetime.datetime]],
        create: bool,
    ) -> None:
        self.connection = connection
        self.table = table
        self.create = create
        self.bounds = sorted(bounds)
        self.lowers = [lower for lower, _ in self.bounds]
        self.last = self.bounds[-1] if self.bounds else None
        self.now: datetime.datetime | None = None
        self.zone: datetime.tzinfo = connection.info.timezone

    @classmethod
    def of(cls, connection: psycopg.Connection[Any], table: sa.Table, create: bool) -> "MonthGuard | None":
        """None for a table that is not partitioned."""
        from hitlai_schema.runtime.partitions import range_bounds

        name = f"{table.schema}.{table.name}" if table.schema else table.name
        found = range_bounds(connection, name)
        return None if found is None else cls(connection, table, found, create)

    def check(self, value: Any, index: int, stream: CopyStream) -> None:
        instant = self.instant(value, index)
        last = self.last
        if last is not None and last[0] <= instant < last[1]:
            return
        position = bisect_right(self.lowers, instant) - 1
        if position >= 0 and instant < self.bounds[position][1]:
            self.last = self.bounds[position]
            return
        self.add_month(instant, index, stream)

    def instant(self, value: Any, index: int) -> datetime.datetime:
        if value is None:
            if self.now is None:
                # The default's now(): the caller's transaction start, the same for every row.
                row = self.connection.execute("SELECT now()").fetchone()
                assert row is not None
                self.now = row[0]
            assert self.now is not None
            return self.now
        if isinstance(value, str):
            try:
                value = datetime.datetime.fromisoformat(value)
            except ValueError:
                raise IngestError(f"row {index}: created_at {value!r} is not an ISO 8601 timestamp") from None
        if isinstance(value, datetime.datetime):
            # A naive time is read in the session's time zone, as PostgreSQL reads it.
            return value if value.tzinfo is not None else value.replace(tzinfo=self.zone)
        if isinstance(value, datetime.date):
            return datetime.datetime.combine(value, datetime.time(), self.zone)
        raise IngestError(f"row {index}: created_at {value!r} is not a timestamp")

    def add_month(self, instant: datetime.datetime, index: int, stream: CopyStream) -> None:
        from hitlai_schema.runtime.partitions import Month

        month = Month.of(instant)
        if not self.create:
            raise IngestError(
                f"no partition of {self.table.name} holds {month} (row {index}, created_at {instant.isoformat()}):"
                f" run `hitlai-schema partitions ensure --from {month}`, or copy with create_partitions=True"
            )
        # Made while this COPY is still open, so that a failure aborts it as a bad row would; the COPY then ends,
        # since a COPY routes rows only to the partitions that existed when it began.
        create_month_beside(self.connection, self.table.name, month)
        stream.finish()
        self.bounds.append((month.start, month.end))
        self.bounds.sort()
        self.lowers = [lower for lower, _ in self.bounds]
        self.last = (month.start, month.end)


def create_month_beside(connection: psycopg.Connection[Any], table: str, month: Any) -> None:
    """Create the month on a second connection to the same database, as the same role, committed at once."""
    from hitlai_schema.runtime import partitions

    parameters = {option.keyword.decode(): option.val.decode() for option in connection.pgconn.info if option.val}
    conninfo = psycopg.conninfo.make_conninfo(**parameters)
    engine = sa.create_engine(
        "postgresql+psycopg://", creator=lambda: psycopg.connect(conninfo), poolclass=sa.pool.NullPool
    )
    try:
        with engine.connect() as side:
            partitions.ensure(side, [table], [month])
    except partitions.PartitionError as exc:
        raise IngestError(f"{exc}; or run `hitlai-schema partitions ensure --from {month}` first") from None
    finally:
        engine.dispose()
