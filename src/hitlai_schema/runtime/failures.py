"""A failed statement in one line: its object and the cause, such as who holds the lock or which grant is missing."""

import logging
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hitlai_schema.runtime.errors import (
    SQLSTATE_INSUFFICIENT_PRIVILEGE,
    SQLSTATE_LOCK_NOT_AVAILABLE,
    SQLSTATE_QUERY_CANCELED,
    one_line,
)
from hitlai_schema.runtime.locks import describe_session

log = logging.getLogger("alembic.env")

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

# Who holds ACCESS EXCLUSIVE on a table in public: what blocks even reading its definition.
EXCLUSIVE_LOCK_HOLDERS = """
SELECT DISTINCT ON (l.pid, c.oid) format('%I.%I', n.nspname, c.relname), l.pid, a.state, a.query,
       extract(epoch FROM now() - a.backend_start), extract(epoch FROM now() - coalesce(a.state_change, a.backend_start))
FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.granted AND l.mode = 'AccessExclusiveLock'
  AND l.pid <> :own_pid AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND c.relkind IN ('r', 'p') AND n.nspname = 'public'
ORDER BY l.pid, c.oid
LIMIT 5
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
        # The statement names no table (a catalog query while comparing, say): any exclusive lock in the way counts.
        rows = observer.execute(sa.text(EXCLUSIVE_LOCK_HOLDERS), {"own_pid": own_pid}).all()
    if not rows:
        return "no session holds a lock on these tables any more: run again"
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
