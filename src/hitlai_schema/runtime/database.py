"""Database URLs as Supabase hands them out, and engines for migrations and for services."""

import os
from typing import Any
from urllib.parse import quote, unquote

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from hitlai_schema.runtime.errors import DatabaseError, MigrationError, remember_secret, without_secrets

__all__ = ["MigrationError", "DatabaseError"]

DATABASE_URL_ENV = "DATABASE_URL"


def with_encoded_password(raw: str) -> str:
    """The URL with its password percent-encoded: Supabase's passwords may hold `@`, `/`, `:`, `#` or `%`
    unencoded, which would otherwise split the URL in the wrong place (and print part of the password as host)."""
    scheme, separator, rest = raw.partition("://")
    userinfo, at, hostpart = rest.rpartition("@")
    user, colon, password = userinfo.partition(":")
    if not (separator and at and colon):
        return raw
    return f"{scheme}://{user}:{quote(unquote(password), safe='')}@{hostpart}"


def normalize_url(raw: str, source: str = DATABASE_URL_ENV) -> URL:
    """Parse a URL as Supabase hands them out (postgres://, postgresql://) into a psycopg 3 URL."""
    if not raw.strip():
        raise DatabaseError(
            f"{source} is set but empty: give the database's URL, or unset it to use the embedded PostgreSQL"
        )
    encoded = with_encoded_password(raw.strip())
    remember_secret(unquote(encoded.partition("://")[2].rpartition("@")[0].partition(":")[2]))
    try:
        url = make_url(encoded)
    except (sa.exc.ArgumentError, ValueError):  # ValueError: a port that is not a number
        # The text may hold a password, so it is never echoed back.
        raise DatabaseError(f"{source} is not a valid database URL") from None
    backend, _, _driver = url.drivername.partition("+")
    if backend not in ("postgres", "postgresql"):
        raise DatabaseError(f"{source} must be a postgresql:// URL, not {url.drivername}://")
    return url.set(drivername="postgresql+psycopg")


def describe(url: URL) -> str:
    """host:port/database of a URL, never its password."""
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = ",".join(host)
    return f"{host}:{url.port or 5432}/{url.database or ''}"


def connection_error(url: URL, exc: BaseException) -> DatabaseError:
    """One line saying where the connection failed and why, with no password in it."""
    orig = getattr(exc, "orig", None) or exc
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return DatabaseError(without_secrets(f"cannot connect to PostgreSQL at {describe(url)}: {reason}"))


# Supabase's transaction-mode pooler (Supavisor): each transaction may run on another server session.
TRANSACTION_POOLER_PORT = 6543


def database_url(url: str | URL) -> URL:
    """The SQLAlchemy URL, on psycopg 3, of a PostgreSQL URL as Supabase hands it out (postgres://...)."""
    raw = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    return normalize_url(raw, source="the database URL")


def is_transaction_pooler(url: URL) -> bool:
    """Whether the URL points at Supabase's transaction-mode pooler (port 6543 of *.pooler.supabase.com)."""
    return url.port == TRANSACTION_POOLER_PORT and (url.host or "").endswith("pooler.supabase.com")


# The schemas a migration works in, whatever the URL's `options=-c search_path=...` says: the revisions create
# unqualified names in public and Alembic reads alembic_version unqualified ("extensions" is Supabase's).
MIGRATION_SEARCH_PATH = '"$user", public, extensions'


def migration_engine(url: URL) -> sa.Engine:
    """The engine a migration run opens for itself: no pool, no statements prepared on the server, public first.

    A migration's statements each run once; psycopg would prepare the few that repeat, then discard them
    all with a DEALLOCATE ALL round trip after every ALTER or DROP.
    """
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args={"prepare_threshold": None})

    # insert=True: ahead of the dialect's first-connect setup, which reads the default schema from the search path.
    @sa.event.listens_for(engine, "connect", insert=True)
    def search_public_first(dbapi_connection: Any, connection_record: Any) -> None:  # noqa: ARG001
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT set_config('search_path', %s, false)", (MIGRATION_SEARCH_PATH,))
        dbapi_connection.commit()

    return engine


def create_engine(url: str | URL, *, transaction_pooler: bool | None = None, **kwargs: Any) -> sa.Engine:
    """An engine for a service, from the URL Supabase gives it; kwargs go to sqlalchemy.create_engine.

    Behind a transaction-mode pooler psycopg must not prepare statements on the server (the next
    transaction may run on a session that never saw them), so prepare_threshold is set to None there:
    detected for Supabase's pooler, or forced with transaction_pooler=True for another (PgBouncer ...).
    """
    normalized = database_url(url)
    if transaction_pooler is None:
        transaction_pooler = is_transaction_pooler(normalized)
    if transaction_pooler:
        kwargs["connect_args"] = {"prepare_threshold": None, **kwargs.get("connect_args", {})}
    return sa.create_engine(normalized, **kwargs)


def given_url(configured: str | None = None) -> URL | None:
    """The URL the user gave: one set in Alembic's config, else DATABASE_URL, else None (only when unset).

    A DATABASE_URL that is set but blank is refused: a deploy job whose secret is missing must fail,
    not migrate a throwaway embedded server and report success.
    """
    if configured is not None and configured.strip():
        return normalize_url(configured, source="sqlalchemy.url")
    raw = os.environ.get(DATABASE_URL_ENV)
    return None if raw is None else normalize_url(raw)
