"""Failures worded for one line of output, with no password in them."""

import sys
from typing import NoReturn

from sqlalchemy.engine import Connection

# SQLSTATEs the runtime tells apart.
SQLSTATE_LOCK_NOT_AVAILABLE = "55P03"
SQLSTATE_QUERY_CANCELED = "57014"
SQLSTATE_INSUFFICIENT_PRIVILEGE = "42501"
SQLSTATE_DEADLOCK_DETECTED = "40P01"


# Passwords of the URLs this process was given, so that no message it prints can carry one.
_SECRETS: set[str] = set()


def remember_secret(secret: str) -> None:
    if secret:
        _SECRETS.add(secret)


def without_secrets(text: str) -> str:
    """The text with every password this process was given (as written, or percent-encoded) replaced by ***."""
    from urllib.parse import quote

    for secret in sorted(_SECRETS, key=len, reverse=True):
        for form in {secret, quote(secret, safe=""), quote(secret)}:
            text = text.replace(form, "***")
    return text


class MigrationError(Exception):
    """A migration could not run; the message is one readable line, with no password in it."""


class DatabaseError(MigrationError):
    """A problem with the database location, worded for one line of output."""


def exit_with(message: str) -> NoReturn:
    """One readable line on stderr and a non-zero exit, no traceback."""
    sys.stderr.write(f"hitlai-schema: {without_secrets(message)}\n")
    raise SystemExit(1)


def one_line(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def quote(connection: Connection, *names: str) -> str:
    return ".".join(connection.dialect.identifier_preparer.quote(name) for name in names)
