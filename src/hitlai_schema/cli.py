"""hitlai-schema: migrate, inspect and export the HitlAI Phase-5 schema from the installed package.

Every subcommand that reaches a database takes --database-url, else DATABASE_URL, else the
embedded PostgreSQL in ./.pgdata (HITLAI_PGDATA), as `alembic` does.
"""

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.util import CommandError

from hitlai_schema import deploy, verify
from hitlai_schema.database import (
    PGDATA_ENV,
    MigrationError,
    connection_error,
    embedded_url,
    exit_with,
    given_url,
    normalize_url,
)

# Supabase's transaction pooler hands each transaction to any server session, so the
# session-level migration lock would not hold; the direct connection or session pooler does.
TRANSACTION_POOLER_PORT = 6543


def public_url(url: sa.URL) -> str:
    """The URL for psql or DATABASE_URL, with any password hidden."""
    libpq_url = url.set(drivername="postgresql")
    if not libpq_url.password:
        libpq_url = libpq_url._replace(password=None)
    return libpq_url.render_as_string(hide_password=True)


def resolve(args: argparse.Namespace) -> sa.URL:
    if args.database_url:
        return normalize_url(args.database_url, source="--database-url")
    return given_url() or embedded_url(Path(os.environ.get(PGDATA_ENV) or Path.cwd() / ".pgdata"))


@contextmanager
def connect(url: sa.URL) -> Iterator[sa.Connection]:
    if url.port == TRANSACTION_POOLER_PORT and (url.host or "").endswith("pooler.supabase.com"):
        raise MigrationError(
            f"port {TRANSACTION_POOLER_PORT} is Supabase's transaction pooler, which cannot hold the migration lock; "
            "use the direct connection or the session pooler (port 5432)"
        )
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        try:
            connection = engine.connect()
        except sa.exc.DBAPIError as exc:
            raise connection_error(url, exc) from None
        with connection:
            yield connection
    finally:
        engine.dispose()


def print_step(*, ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
    script = step.up_revision if step.is_upgrade else step.down_revision
    verb = "applied " if step.is_upgrade else "reverted"
    print(f"{verb} {script.revision}  {deploy.describe_revision(script)}", flush=True)


def run_upgrade(args: argparse.Namespace) -> int:
    url = resolve(args)
    with connect(url) as connection:
        config = deploy.alembic_config(connection, on_version_apply=print_step)
        command.upgrade(config, args.revision)
        reached = deploy.current_revision(connection)
        connection.rollback()
    at_head = " (head)" if reached == deploy.head_revision() else ""
    print(f"database is at revision {reached}{at_head}")
    print(f"connect with: {public_url(url)}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    url = resolve(args)
    with connect(url) as connection:
        current = deploy.current_revision(connection)
        connection.rollback()
        pending = deploy.chain(current)
        drift = deploy.compare(connection)
    print(f"database: {public_url(url)}")
    print(f"current revision: {current or 'none (empty database)'}")
    print(f"head revision: {deploy.head_revision()}")
    if pending:
        print(f"pending revisions ({len(pending)}):")
        for script in pending:
            print(f"  {script.revision}  {deploy.describe_revision(script)}")
    else:
        print("pending revisions: none")
    print(f"models and database: {'in sync' if drift.in_sync else 'differ'} ({drift.detail})")
    return 0 if not pending and drift.in_sync else 1


def run_verify(args: argparse.Namespace) -> int:
    url = resolve(args)
    with connect(url) as connection:
        rows = verify.report(connection)
        connection.rollback()
    print(f"database: {public_url(url)}")
    print(verify.render(rows))
    return 1 if verify.failed(rows) else 0


def run_sql(args: argparse.Namespace) -> int:
    written = deploy.write_files(deploy.sql_files(args.from_revision, args.to_revision), args.out)
    for path in written:
        print(path)
    return 0


def run_export_supabase(args: argparse.Namespace) -> int:
    directory = args.directory / "supabase" / "migrations"
    written = deploy.write_files(deploy.sql_files(), directory, deploy.without_transaction_lines)
    for path in written:
        print(path)
    return 0


def show_migration_log() -> None:
    """What the migrations say (such as set-aside tables) goes to stderr as plain lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    env_log = logging.getLogger("alembic.env")
    env_log.addHandler(handler)
    env_log.setLevel(logging.INFO)
    env_log.propagate = False


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hitlai-schema", description=__doc__.splitlines()[0])
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument("--database-url", help="the database (default: DATABASE_URL, else ./.pgdata)")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, run: Callable[[argparse.Namespace], int], help: str, **kwargs: Any) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(name, help=help, description=help, **kwargs)
        sub.set_defaults(run=run)
        return sub

    upgrade = add("upgrade", run_upgrade, "upgrade to REVISION (default head)", aliases=["migrate"], parents=[database])
    upgrade.add_argument("revision", nargs="?", default="head")
    add(
        "status", run_status, "current and pending revisions, and whether models and database agree", parents=[database]
    )
    add(
        "verify",
        run_verify,
        "post-deployment report: schema, enums, RLS, policies, privileges, reference rows, drift",
        parents=[database],
    )
    sql = add("sql", run_sql, "write one guarded SQL file per revision, for psql or Supabase's SQL editor")
    sql.add_argument("--from", dest="from_revision", metavar="REV", help="start after REV (default: empty database)")
    sql.add_argument("--to", dest="to_revision", metavar="REV", default="head", help="last revision (default head)")
    sql.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="directory (default: current)")
    export = add("export-supabase", run_export_supabase, "write DIR/supabase/migrations/ for `supabase db push`")
    export.add_argument("directory", type=Path, metavar="DIR")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    show_migration_log()
    try:
        code = args.run(args)
    except (MigrationError, CommandError) as exc:
        exit_with(str(exc))
    raise SystemExit(code)


if __name__ == "__main__":
    main()
