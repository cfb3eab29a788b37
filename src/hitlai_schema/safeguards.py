"""What keeps a migration from doing harm unseen: data a downgrade would delete, waits that end, failures in one line.

env.py calls these with its connection; nothing here knows about Alembic's context.
"""

import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hitlai_schema.database import MigrationError

log = logging.getLogger("alembic.env")

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
PARTITION_PARENTS = "SELECT inhrelid::bigint, inhparent::bigint FROM pg_inherits JOIN pg_class c ON c.oid = inhrelid WHERE c.relispartition"

SQLSTATE_LOCK_NOT_AVAILABLE = "55P03"
SQLSTATE_QUERY_CANCELED = "57014"
SQLSTATE_INSUFFICIENT_PRIVILEGE = "42501"

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$")
SECONDS_PER_UNIT = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(value: str, name: str) -> float:
    """Seconds in a duration written as PostgreSQL's timeout settings take it: 200ms, 5s, 2min; a bare number is ms."""
    match = DURATION.match(value)
    if match is None:
        raise MigrationError(f"{name} must be a duration such as 500ms, 5s or 2min, not {value!r}")
    return float(match.group(1)) * SECONDS_PER_UNIT[match.group(2) or "ms"]


def human_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}min {seconds}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}min"


def one_line(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def quote(connection: Connection, *names: str) -> str:
    return ".".join(connection.dialect.identifier_preparer.quote(name) for name in names)


# --- the migration lock: a bounded wait that says who holds it ------------------------------------------------

ADVISORY_LOCK_HOLDER = """
SELECT l.pid, a.state, a.query,
       extract(epoch FROM now() - a.backend_start) AS session_seconds,
       extract(epoch FROM now() - coalesce(a.state_change, a.backend_start)) AS state_seconds
FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
  AND l.classid = CAST(:high AS oid) AND l.objid = CAST(:low AS oid)
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.pid <> pg_backend_pid()
"""


def describe_session(pid: int, state: str | None, query: str | None, session_seconds: Any, state_seconds: Any) -> str:
    """pid 123 (connected 3min 2s ago; active for 40s: ALTER TABLE ...)"""
    if session_seconds is None:
        return f"pid {pid}"
    doing = f"{state or 'unknown state'} for {human_duration(float(state_seconds or 0))}"
    if query:
        doing += f": {one_line(query, 100)}"
    return f"pid {pid} (connected {human_duration(float(session_seconds))} ago; {doing})"


def advisory_lock_holder(connection: Connection, key: int) -> tuple[int | None, str]:
    """The pid of the session holding the lock, and that session in words."""
    row = connection.execute(sa.text(ADVISORY_LOCK_HOLDER), {"high": key >> 32, "low": key & 0xFFFFFFFF}).first()
    if row is None:
        return None, "a session that has just let go of it"
    return row[0], describe_session(*row)


def wait_for_advisory_lock(connection: Connection, key: int, *, transaction_scoped: bool, limit: str) -> None:
    """Take the migration lock, waiting at most `limit`; the wait and the give-up name the session holding it.

    A client killed while it migrates leaves its server session holding the lock until
    its statement ends, so an unbounded wait could hang a deploy with no word.
    """
    seconds = parse_duration(limit, "migration_lock_timeout")
    take = "pg_try_advisory_xact_lock" if transaction_scoped else "pg_try_advisory_lock"
    deadline = time.monotonic() + seconds
    announced = False
    while not connection.execute(sa.text(f"SELECT {take}(:key)"), {"key": key}).scalar_one():
        pid, holder = advisory_lock_holder(connection, key)
        if time.monotonic() >= deadline:
            raise MigrationError(
                f"gave up after {limit} waiting for the migration lock, held by {holder}; "
                f"let that migration finish, or end that session (SELECT pg_terminate_backend({pid or 'PID'})), "
                "then run again (wait longer with -x migration_lock_timeout=... or HITLAI_MIGRATION_LOCK_TIMEOUT)"
            )
        if not announced:
            log.info("waiting up to %s for the migration lock, held by %s", limit, holder)
            announced = True
        if not transaction_scoped:
            # Waiting inside an open transaction would make the holder's CREATE INDEX CONCURRENTLY wait for it.
            connection.rollback()
        time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))


# --- downgrades that would delete data ----------------------------------------------------------------------


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


# --- failures in one line -----------------------------------------------------------------------------------

STATEMENT_OBJECT = re.compile(
    r"^\s*((?:CREATE|ALTER|DROP|COMMENT\s+ON|GRANT|REVOKE|TRUNCATE|INSERT\s+INTO|UPDATE|DELETE\s+FROM|LOCK)"
    r"(?:\s+(?:UNIQUE|OR\s+REPLACE))?"
    r"(?:\s+(?:TABLE|INDEX|TYPE|SCHEMA|FUNCTION|POLICY|ROLE|VIEW|SEQUENCE|TRIGGER|EXTENSION|COLUMN))?"
    r"(?:\s+IF\s+(?:NOT\s+)?EXISTS)?\s+[\w.\"]+)",
    re.IGNORECASE,
)

TABLE_LOCK_HOLDERS = r"""
SELECT DISTINCT ON (l.pid, c.oid) format('%I.%I', n.nspname, c.relname), l.pid, a.state, a.query,
       extract(epoch FROM now() - a.backend_start), extract(epoch FROM now() - coalesce(a.state_change, a.backend_start))
FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.granted AND l.pid <> :own_pid AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND :statement ~* ('\m' || c.relname || '\M')
ORDER BY l.pid, c.oid
"""

PERMISSION_DENIED = re.compile(r"permission denied for (schema|table|relation|sequence|function|type|view) (\S+)")
TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def statement_object(statement: str | None) -> str:
    """The statement's verb and object (ALTER TABLE test_runs), or what kind of statement it was."""
    text = statement or ""
    match = STATEMENT_OBJECT.match(text)
    if match:
        return " ".join(match.group(1).split())
    if text.lstrip().upper().startswith("DO"):
        return "a DO block"
    return one_line(text, 60) or "a statement"


def _pid(connection: Connection) -> int:
    driver_connection: Any = connection.connection.driver_connection
    return int(driver_connection.info.backend_pid)


def _lock_holders(observer: Connection, own_pid: int, statement: str) -> str:
    rows = observer.execute(sa.text(TABLE_LOCK_HOLDERS), {"own_pid": own_pid, "statement": statement}).all()
    if not rows:
        return "the session holding it has let go since"
    return "; ".join(f"table {table} is locked by {describe_session(*session)}" for table, *session in rows)


def _missing_grant(observer: Connection, message: str, statement: str) -> str | None:
    match = PERMISSION_DENIED.search(message)
    role = observer.execute(sa.text("SELECT current_user")).scalar_one()
    if match is None:
        return None
    kind, name = match.group(1), match.group(2).strip('"')
    if kind == "schema":
        has_usage = observer.execute(sa.text("SELECT has_schema_privilege(:name, 'USAGE')"), {"name": name}).scalar()
        privilege = "CREATE" if has_usage else "USAGE"
        return f"role {role} lacks {privilege} on schema {name} (GRANT {privilege} ON SCHEMA {name} TO {role})"
    if kind in ("table", "relation", "view", "sequence"):
        candidates = observer.execute(
            sa.text(
                "SELECT c.oid, format('%I.%I', n.nspname, c.relname), "
                "       :statement ~* ('\\m' || n.nspname || '\\.' || c.relname || '\\M') AS named "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = :name "
                "ORDER BY named DESC, n.nspname = 'public' DESC"
            ),
            {"name": name, "statement": statement},
        ).first()
        if candidates is None:
            return None
        oid, qualified, _named = candidates
        referencing = re.search(r"\bREFERENCES\b|\bFOREIGN\s+KEY\b", statement, re.IGNORECASE) is not None
        order = ("REFERENCES",) + TABLE_PRIVILEGES if referencing else TABLE_PRIVILEGES
        for privilege in order:
            held = observer.execute(
                sa.text("SELECT has_table_privilege(CAST(:oid AS oid), :privilege)"),
                {"oid": oid, "privilege": privilege},
            ).scalar()
            if not held:
                return f"role {role} lacks {privilege} on {qualified} (GRANT {privilege} ON {qualified} TO {role})"
    return None


def describe_failure(exc: sa.exc.DBAPIError, connection: Connection, settings: dict[str, str]) -> str:
    """The statement's object and the cause, in one line: who holds a lock, which grant is missing.

    Looked up from a second connection right away, while the session holding the lock still holds it.
    """
    orig: Any = exc.orig
    diag = getattr(orig, "diag", None)
    primary = one_line(getattr(diag, "message_primary", None) or str(orig).splitlines()[0], 600)
    sqlstate = getattr(orig, "sqlstate", None)
    statement = exc.statement or ""
    cause = primary
    try:
        own_pid = _pid(connection)
        with connection.engine.connect() as observer:
            if sqlstate == SQLSTATE_LOCK_NOT_AVAILABLE:
                limit = settings.get("lock_timeout", "")
                cause = f"lock timeout ({limit}): {_lock_holders(observer, own_pid, statement)}"
            elif sqlstate == SQLSTATE_INSUFFICIENT_PRIVILEGE:
                cause = _missing_grant(observer, primary, statement) or primary
            observer.rollback()
    except Exception as lookup_failure:  # noqa: BLE001 (the original failure matters more than the lookup's)
        log.debug("could not look up the cause of %s: %s", primary, lookup_failure)
    if sqlstate == SQLSTATE_QUERY_CANCELED and "statement timeout" in primary:
        cause = f"statement timeout ({settings.get('statement_timeout', '')}) reached"
    if cause == primary:
        for extra in (getattr(diag, "message_detail", None), getattr(diag, "message_hint", None)):
            if extra:
                cause += f" ({one_line(extra, 200)})"
    return f"{statement_object(statement)}: {cause}"
