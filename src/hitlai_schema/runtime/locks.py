"""The migration lock: one run at a time, a bounded wait that names the session holding it."""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hitlai_schema.runtime.errors import MigrationError, one_line
from hitlai_schema.runtime.settings import Settings, human_duration, parse_duration

log = logging.getLogger("alembic.env")

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


# Key of the session-level advisory lock that serializes concurrent upgrades.
MIGRATION_LOCK_KEY = 0x686974_6C6169  # "hitlai"


def take_migration_lock(connection: Connection, settings: Settings, *, transaction_scoped: bool) -> None:
    wait_for_advisory_lock(
        connection,
        MIGRATION_LOCK_KEY,
        transaction_scoped=transaction_scoped,
        limit=settings["migration_lock_timeout"],
    )


@contextmanager
def migration_lock(connection: Connection, settings: Settings) -> Iterator[None]:
    """Hold a session-level advisory lock: a concurrent run waits, then finds nothing to do."""
    take_migration_lock(connection, settings, transaction_scoped=False)
    connection.commit()
    try:
        yield
    finally:
        if not connection.closed and not connection.invalidated:
            connection.rollback()
            connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()


@contextmanager
def session_timeouts(connection: Connection, settings: Settings) -> Iterator[None]:
    """Bound how long a migration may wait for a table lock, so it cannot stall production traffic.

    Taken after the advisory lock, whose wait they must not cut short; reset after,
    so a pooled connection handed in by the caller goes back as it came.
    """
    apply_timeouts(connection, settings, local=False)
    connection.commit()
    try:
        yield
    finally:
        if not connection.closed and not connection.invalidated:
            connection.rollback()
            for name in settings.timeouts:
                connection.execute(sa.text(f"RESET {name}"))
            connection.commit()


def apply_timeouts(connection: Connection, settings: Settings, *, local: bool) -> None:
    for name, value in settings.timeouts.items():
        connection.execute(
            sa.text("SELECT set_config(:name, :value, :local)"), {"name": name, "value": value, "local": local}
        )
