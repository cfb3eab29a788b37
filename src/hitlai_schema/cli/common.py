"""What the subcommands share: where the database is, one connection to it, and a line per revision applied."""

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config

from hitlai_schema.runtime import chain
from hitlai_schema.runtime.database import (
    TRANSACTION_POOLER_PORT,
    connection_error,
    given_url,
    is_transaction_pooler,
    migration_engine,
    normalize_url,
)
from hitlai_schema.runtime.embedded import embedded_data_directory, resolve_url, running_embedded_url
from hitlai_schema.runtime.errors import MigrationError


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="the database (default: DATABASE_URL, else ./.pgdata)")


def add_verbose_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", action="store_true", help="on failure, show the traceback too")


def public_url(url: sa.URL) -> str:
    """The URL for psql or DATABASE_URL, with any password hidden."""
    libpq_url = url.set(drivername="postgresql")
    if not libpq_url.password:
        libpq_url = libpq_url._replace(password=None)
    return libpq_url.render_as_string(hide_password=True)


def resolve(args: argparse.Namespace, *, start_embedded: bool = True) -> sa.URL:
    """--database-url, else DATABASE_URL, else the embedded server (started only for commands that migrate)."""
    if args.database_url is not None:
        url = normalize_url(args.database_url, source="--database-url")
    elif start_embedded:
        url = resolve_url(Path.cwd() / ".pgdata")
    else:
        url = given_url() or running_embedded_url(embedded_data_directory(Path.cwd() / ".pgdata"))
    if not url.database:
        print(f"note: the URL names no database, so PostgreSQL's default for the user is used: {public_url(url)}")
    return url


@contextmanager
def connect(url: sa.URL) -> Iterator[sa.Connection]:
    if is_transaction_pooler(url):
        # It hands each transaction to any server session, so a session-level lock would not hold.
        raise MigrationError(
            f"port {TRANSACTION_POOLER_PORT} is Supabase's transaction pooler, which cannot hold the migration lock; "
            "use the direct connection or the session pooler (port 5432)"
        )
    engine = migration_engine(url)
    try:
        try:
            connection = engine.connect()
        except sa.exc.DBAPIError as exc:
            raise connection_error(url, exc) from None
        with connection:
            yield connection
    finally:
        engine.dispose()


def print_step(*, ctx: Any, step: Any, heads: Any, run_args: Any) -> None:  # noqa: ARG001 (Alembic passes all four)
    script = step.up_revision  # the revision applied, or reverted
    verb = "applied " if step.is_upgrade else "reverted"
    print(f"{verb} {script.revision}  {chain.describe_revision(script)}", flush=True)


def migrate(
    url: sa.URL, direction: Callable[[Config, str], None], revision: str, settings: dict[str, str]
) -> str | None:
    """Run alembic's upgrade or downgrade on one connection, a line per revision; the revision reached."""
    with connect(url) as connection:
        direction(chain.alembic_config(connection, settings=settings, on_version_apply=print_step), revision)
        reached = chain.current_revision(connection)
        connection.rollback()
    return reached
