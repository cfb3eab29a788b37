"""Failures worded for one line of output, with no password in them."""

import sys
from typing import NoReturn

from sqlalchemy.engine import Connection

# SQLSTATEs the runtime tells apart.
SQLSTATE_LOCK_NOT_AVAILABLE = "55P03"
SQLSTATE_QUERY_CANCELED = "57014"
SQLSTATE_INSUFFICIENT_PRIVILEGE = "42501"
SQLSTATE_DEADLOCK_DETECTED = "40P01"


class MigrationError(Exception):
    """A migration could not run; the message is one readable line, with no password in it."""


class DatabaseError(MigrationError):
    """A problem with the database location, worded for one line of output."""


def exit_with(message: str) -> NoReturn:
    """One readable line on stderr and a non-zero exit, no traceback."""
    sys.stderr.write(f"hitlai-schema: {message}\n")
    raise SystemExit(1)


def one_line(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def quote(connection: Connection, *names: str) -> str:
    return ".".join(connection.dialect.identifier_preparer.quote(name) for name in names)
