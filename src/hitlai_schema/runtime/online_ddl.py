"""Changes to the tables production writes to, made so that a live writer waits milliseconds, not seconds.

A revision lists them in PRODUCTION_CHANGES and calls `apply(PRODUCTION_CHANGES)` last in its upgrade().
Adding a column or a foreign key locks the production table against writes until the transaction ends,
and a plain CREATE INDEX blocks its writes for the whole build. So, online (Alembic owns the transactions),
a revision commits without them and env.py then runs each change in a short transaction of its own under a
short lock_timeout, retried with backoff while the lock is not granted, and builds indexes CONCURRENTLY
outside any transaction. Every change is idempotent: the next `upgrade` finishes what a failed one left,
and rebuilds an index an interrupted build left INVALID. In a transaction the caller owns, the changes run
in it plainly; offline, columns and keys are the transaction's last statements and the indexes follow it.

These are history like the revisions that list them: a change's SQL must not change meaning.
"""

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

import sqlalchemy as sa

from hitlai_schema.runtime.errors import SQLSTATE_DEADLOCK_DETECTED, SQLSTATE_LOCK_NOT_AVAILABLE

# The MigrationContext option env.py sets to say how apply() runs (see Mode).
T = TypeVar("T")

MODE_OPTION = "hitlai_production_changes"
# Online: env.py makes the changes after the revisions commit. Inline: in the caller's transaction,
# plainly. Offline: columns and keys inline; env.py writes the concurrent builds after the transaction.
Mode = Literal["after_commit", "inline", "offline"]

# The line that opens the concurrent builds in offline SQL; deploy.sql_files splits the file there.
CONCURRENT_MARKER = "-- hitlai-schema: built CONCURRENTLY, outside any transaction (psql runs them one by one)"


@dataclass(frozen=True)
class Change:
    """One idempotent change to a production table; `sql` is what runs online and in the offline script."""

    kind: Literal["column", "foreign_key", "index"]
    table: str
    name: str
    sql: str

    @property
    def concurrent(self) -> bool:
        return self.kind == "index"

    def describe(self) -> str:
        noun = {"column": "column", "foreign_key": "foreign key", "index": "index"}[self.kind]
        return f"{noun} {self.name} on {self.table}"


def add_column(table: str, column: str, definition: str) -> Change:
    """ADD COLUMN with no default or a constant one: a catalog change, no table rewrite (PostgreSQL 11+)."""
    return Change("column", table, column, f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {definition}")


def foreign_key(table: str, columns: Sequence[str], referenced: str, on_delete: str | None = None) -> Change:
    """A foreign key from a new (empty) table to a production one, named as PostgreSQL names it."""
    name = f"{table}_{'_'.join(columns)}_fkey"
    action = f" ON DELETE {on_delete}" if on_delete else ""
    sql = (
        f"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({', '.join(columns)})"
        f" REFERENCES {referenced}(id){action}"
    )
    return Change("foreign_key", table, name, sql)


def index(table: str, name: str, definition: str) -> Change:
    """An index on a production table; `definition` is what follows ON table: `USING btree (col) WHERE ...`."""
    return Change("index", table, name, f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} {definition}")


def apply(changes: Iterable[Change]) -> None:
    """Last in a revision's upgrade(): run the changes now where they belong to its transaction."""
    from alembic import op

    mode: Mode = op.get_context().opts.get(MODE_OPTION, "inline")
    if mode == "after_commit":
        return
    for change in changes:
        if not change.concurrent:
            op.execute(change.sql)
        elif mode == "inline":
            # No CONCURRENTLY inside a transaction; a caller's transaction is a test's or a tool's, not production's.
            op.execute(change.sql.replace(" CONCURRENTLY", "", 1))


def offline_concurrent_sql(changes: Iterable[Change]) -> list[str]:
    """The statements that build the indexes after the offline transaction, each dropping an INVALID one first."""
    statements = []
    for change in changes:
        if change.concurrent:
            statements += [drop_invalid_index_sql(change.name), change.sql]
    return statements


def drop_invalid_index_sql(name: str) -> str:
    """A DO block dropping the index only if an interrupted concurrent build left it INVALID."""
    return f"""DO $invalid$
BEGIN
    IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('public.{name}') AND NOT indisvalid) THEN
        RAISE NOTICE 'index {name} was left invalid by an interrupted build: rebuilding it';
        DROP INDEX public.{name};
    END IF;
END
$invalid$"""


State = Literal["done", "missing", "invalid"]

# Each change's state in one round trip: a column or key exists or not; an index may also be INVALID.
STATES = """
SELECT CASE change.kind
    WHEN 'column' THEN (SELECT true FROM pg_attribute WHERE attrelid = to_regclass('public.' || change.tbl)
                        AND attname = change.name AND NOT attisdropped)
    WHEN 'foreign_key' THEN (SELECT true FROM pg_constraint WHERE conrelid = to_regclass('public.' || change.tbl)
                             AND conname = change.name)
    ELSE (SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('public.' || change.name))
END
FROM unnest(CAST(:kinds AS text[]), CAST(:tables AS text[]), CAST(:names AS text[])) WITH ORDINALITY
    AS change(kind, tbl, name, position)
ORDER BY change.position
"""


def states(connection: sa.Connection, changes: Sequence[Change]) -> list[State]:
    found = connection.execute(
        sa.text(STATES),
        {
            "kinds": [change.kind for change in changes],
            "tables": [change.table for change in changes],
            "names": [change.name for change in changes],
        },
    ).scalars()
    return ["missing" if value is None else "done" if value else "invalid" for value in found]


@dataclass(frozen=True)
class Retry:
    """How long one attempt may wait for a lock, and how often to try."""

    lock_timeout: str = "50ms"
    attempts: int = 8
    first_pause: float = 0.1


def complete(
    connection: sa.Connection,
    changes: Iterable[Change],
    retry: Retry,
    log: Callable[[str], None],
) -> None:
    """Make every change not yet made, online, on a connection outside any transaction."""
    changes = list(changes)
    connection.rollback()
    found = states(connection, changes)
    connection.rollback()
    pending = [(change, current) for change, current in zip(changes, found, strict=True) if current != "done"]
    if not pending:
        return
    # Each change frames its own transaction (alter_briefly), or runs outside any (build_concurrently).
    with autocommit(connection):
        for change, current in pending:
            try:
                if change.concurrent:
                    build_concurrently(connection, change, rebuild=current == "invalid", retry=retry, log=log)
                else:
                    alter_briefly(connection, change, retry)
            except sa.exc.DBAPIError as exc:
                raise ChangeFailed(change, exc) from exc
            log(f"added {change.describe()}")


class ChangeFailed(Exception):
    """A change that failed, its last try's error; the revisions before it stay applied."""

    def __init__(self, change: Change, error: sa.exc.DBAPIError) -> None:
        super().__init__(f"{change.describe()}: {error}")
        self.change = change
        self.error = error


def alter_briefly(connection: sa.Connection, change: Change, retry: Retry) -> None:
    """One short transaction per attempt: while it waits for its lock, writers queue behind it.

    On an AUTOCOMMIT connection the transaction is framed by hand, so that BEGIN and its SET LOCAL lock_timeout
    go in one round trip: three per change, not four.
    """
    begin = f"BEGIN; SET LOCAL lock_timeout = '{retry.lock_timeout.replace(chr(39), chr(39) * 2)}'"

    def attempt() -> None:
        connection.exec_driver_sql(begin)
        connection.exec_driver_sql(change.sql)
        connection.exec_driver_sql("COMMIT")

    with_retries(connection, attempt, retry)


def with_retries(connection: sa.Connection, attempt: Callable[[], T], retry: Retry, framed: bool = True) -> T:
    """Run attempt() until no lock_timeout stops it, pausing longer each time; a framed attempt is rolled back."""
    pause = retry.first_pause
    for number in range(1, retry.attempts + 1):
        try:
            return attempt()
        except BaseException as exc:
            if framed:
                roll_back(connection)
            if (
                not isinstance(exc, sa.exc.OperationalError)
                or getattr(exc.orig, "sqlstate", None) != SQLSTATE_LOCK_NOT_AVAILABLE
                or number == retry.attempts
            ):
                raise
        time.sleep(pause)
        pause *= 2
    raise AssertionError("unreachable: the last attempt returns or raises")


def roll_back(connection: sa.Connection) -> None:
    """End the hand-framed transaction; a connection that broke has none left to end."""
    if connection.closed or connection.invalidated:
        return
    try:
        connection.exec_driver_sql("ROLLBACK")
    except sa.exc.DBAPIError:
        pass


class autocommit:
    """The connection in AUTOCOMMIT for the block: each step frames its own transaction, or runs outside one."""

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection
        self.level = ""

    def __enter__(self) -> sa.Connection:
        self.level = self.connection.get_isolation_level()
        self.connection.rollback()
        self.connection.execution_options(isolation_level="AUTOCOMMIT")
        return self.connection

    def __exit__(self, *exc: object) -> None:
        # Ends the frame SQLAlchemy opened on its own; on the server no transaction is left open.
        if not (self.connection.closed or self.connection.invalidated):
            self.connection.rollback()
            self.connection.execution_options(isolation_level=self.level)


def build_concurrently(
    connection: sa.Connection, change: Change, *, rebuild: bool, retry: Retry, log: Callable[[str], None]
) -> None:
    """CREATE INDEX CONCURRENTLY never blocks writers; a build that fails leaves an INVALID index, rebuilt here.

    Runs on an AUTOCOMMIT connection: each statement commits on its own.
    """
    for attempt in range(1, retry.attempts + 1):
        try:
            if rebuild:
                log(f"index {change.name} was left invalid by an interrupted build: rebuilding it")
                connection.exec_driver_sql(f"DROP INDEX CONCURRENTLY IF EXISTS public.{change.name}")
            connection.exec_driver_sql(change.sql)
            return
        except sa.exc.OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) not in RETRIED_BUILD_ERRORS or attempt == retry.attempts:
                raise
            rebuild = True


# lock_not_available: a lock_timeout expired; deadlock_detected: a concurrent build can deadlock with DDL.
RETRIED_BUILD_ERRORS = frozenset({SQLSTATE_LOCK_NOT_AVAILABLE, SQLSTATE_DEADLOCK_DETECTED})
