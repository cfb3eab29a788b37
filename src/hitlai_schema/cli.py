"""hitlai-schema: migrate, inspect and export the HitlAI Phase-5 schema from the installed package.

Every subcommand that reaches a database takes --database-url, else DATABASE_URL, else the
embedded PostgreSQL in ./.pgdata (HITLAI_PGDATA), as `alembic` does.
"""

import argparse
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util import CommandError

from hitlai_schema import deploy, live_tables
from hitlai_schema.database import (
    TRANSACTION_POOLER_PORT,
    MigrationError,
    connection_error,
    embedded_data_directory,
    exit_with,
    is_transaction_pooler,
    migration_engine,
    normalize_url,
    resolve_url,
    stop_embedded_server,
)
from hitlai_schema.plan import make_plan, render


def public_url(url: sa.URL) -> str:
    """The URL for psql or DATABASE_URL, with any password hidden."""
    libpq_url = url.set(drivername="postgresql")
    if not libpq_url.password:
        libpq_url = libpq_url._replace(password=None)
    return libpq_url.render_as_string(hide_password=True)


def resolve(args: argparse.Namespace) -> sa.URL:
    if args.database_url:
        return normalize_url(args.database_url, source="--database-url")
    return resolve_url(Path.cwd() / ".pgdata")


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


def print_step(*, ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
    script = step.up_revision  # the revision applied, or reverted
    verb = "applied " if step.is_upgrade else "reverted"
    print(f"{verb} {script.revision}  {deploy.describe_revision(script)}", flush=True)


def migrate(
    url: sa.URL, direction: Callable[[Config, str], None], revision: str, settings: dict[str, str]
) -> str | None:
    """Run alembic's upgrade or downgrade on one connection, a line per revision; the revision reached."""
    with connect(url) as connection:
        direction(deploy.alembic_config(connection, settings=settings, on_version_apply=print_step), revision)
        reached = deploy.current_revision(connection)
        connection.rollback()
    return reached


def run_upgrade(args: argparse.Namespace) -> int:
    url = resolve(args)
    reached = migrate(url, command.upgrade, args.revision, live_table_settings(args))
    at_head = " (head)" if reached == deploy.head_revision() else ""
    print(f"database is at revision {reached}{at_head}")
    print(f"connect with: {public_url(url)}")
    return 0


def live_table_settings(args: argparse.Namespace) -> dict[str, str]:
    """env.py's settings for the live-table guard, from upgrade's flags (unset ones leave -x and HITLAI_* to decide)."""
    settings = {"allow_live_set_aside": "true"} if args.allow_live_set_aside else {}
    return settings | ({"live_window": args.live_window} if args.live_window else {})


def run_plan(args: argparse.Namespace) -> int:
    url = resolve(args)
    window = args.live_window or os.environ.get("HITLAI_LIVE_WINDOW") or live_tables.DEFAULT_LIVE_WINDOW
    with connect(url) as connection:
        plan = make_plan(connection, args.revision, window)
        connection.rollback()
    print(f"database: {public_url(url)}")
    for line in render(plan):
        print(line)
    return 1 if plan.live or plan.refused or plan.unstamped else 0


def run_downgrade(args: argparse.Namespace) -> int:
    url = resolve(args)
    settings = {"allow_data_loss": "true"} if args.allow_data_loss else {}
    reached = migrate(url, command.downgrade, args.revision, settings)
    print(f"database is at revision {reached or 'base (no revision applied)'}")
    return 0


def run_stop(args: argparse.Namespace) -> int:
    print(stop_embedded_server(embedded_data_directory(Path.cwd() / ".pgdata")))
    return 0


def run_status(args: argparse.Namespace) -> int:
    url = resolve(args)
    with connect(url) as connection:
        current = deploy.current_revision(connection)
        unstamped = deploy.unstamped_core_tables(connection)
        unfinished = deploy.unfinished_production_changes(connection, current)
        connection.rollback()
        pending = deploy.chain(current)
        drift = deploy.compare(connection)
    print(f"database: {public_url(url)}")
    if unstamped:
        print(f"current revision: none, yet Phase 1-4 tables exist ({', '.join(unstamped)}): {deploy.stamp_hint()}")
    else:
        print(f"current revision: {current or 'none (empty database)'}")
    print(f"head revision: {deploy.head_revision()}")
    if pending:
        print(f"pending revisions ({len(pending)}):")
        for script in pending:
            print(f"  {script.revision}  {deploy.describe_revision(script)}")
    else:
        print("pending revisions: none")
    if unfinished:
        listed = ", ".join(change.describe() for change in unfinished)
        print(
            f"production-table changes not yet made ({len(unfinished)}): {listed}; `hitlai-schema upgrade` makes them"
        )
    print(f"models and database: {'in sync' if drift.in_sync else 'differ'} ({drift.detail})")
    return 0 if not pending and not unfinished and drift.in_sync else 1


def run_verify(args: argparse.Namespace) -> int:
    # verify and typescript map the models: imported by their subcommands only, so upgrade does not pay for it.
    from hitlai_schema import verify

    url = resolve(args)
    with connect(url) as connection:
        rows = verify.report(connection)
        connection.rollback()
    print(f"database: {public_url(url)}")
    print(verify.render(rows))
    return 1 if verify.failed(rows) else 0


def run_types(args: argparse.Namespace) -> int:
    from hitlai_schema import typescript

    return typescript.run(args)


def run_sql(args: argparse.Namespace) -> int:
    written = deploy.write_files(deploy.sql_files(args.from_revision, args.to_revision), args.out)
    for path in written:
        print(path)
    return 0


def run_export_supabase(args: argparse.Namespace) -> int:
    directory = args.directory / "supabase" / "migrations"
    written = deploy.write_files(deploy.sql_files(concurrent_apart=False), directory, deploy.without_transaction_lines)
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
    verbosity = argparse.ArgumentParser(add_help=False)
    verbosity.add_argument("--verbose", action="store_true", help="on failure, show the traceback too")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, run: Callable[[argparse.Namespace], int], help: str, **kwargs: Any) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(name, help=help, description=help, **kwargs)
        sub.set_defaults(run=run)
        return sub

    upgrade = add(
        "upgrade", run_upgrade, "upgrade to REVISION (default head)", aliases=["migrate"], parents=[database, verbosity]
    )
    upgrade.add_argument("revision", nargs="?", default="head")
    upgrade.add_argument(
        "--allow-live-set-aside",
        action="store_true",
        help="set aside Phase-4 tables even if they were written within the live window (their writers will fail)",
    )
    upgrade.add_argument("--live-window", metavar="INTERVAL", help="how recent a write makes a table live (15min)")
    plan = add(
        "plan",
        run_plan,
        "what upgrading to REVISION (default head) would do, Phase-4 tables still written included; changes nothing",
        parents=[database],
    )
    plan.add_argument("revision", nargs="?", default="head")
    plan.add_argument("--live-window", metavar="INTERVAL", help="how recent a write makes a table live (15min)")
    downgrade = add(
        "downgrade",
        run_downgrade,
        "downgrade to REVISION (base: before the baseline); refuses to delete data unless allowed",
        parents=[database, verbosity],
    )
    downgrade.add_argument("revision", metavar="REVISION")
    downgrade.add_argument(
        "--allow-data-loss", action="store_true", help="drop tables and columns even where they hold data"
    )
    add("stop", run_stop, "stop the embedded PostgreSQL that upgrade left running in ./.pgdata (HITLAI_PGDATA)")
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
    types = add("types", run_types, "write the tables' types for supabase-js, as `supabase gen types` does")
    types.add_argument("language", choices=["typescript"])
    types.add_argument("--out", type=Path, metavar="FILE", help="file to write (default: standard output)")
    from hitlai_schema import cli_partitions

    cli_partitions.add_to(subcommands, [database, verbosity])
    return parser


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    show_migration_log()
    try:
        code = args.run(args)
    except (MigrationError, CommandError) as exc:
        if getattr(args, "verbose", False):
            traceback.print_exc()
        exit_with(str(exc))
    except BrokenPipeError:
        # The reader (`| head`) has gone: no traceback, and none at exit when Python flushes stdout.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    # Exiting now: collecting every object at interpreter shutdown would only delay the exit.
    gc.freeze()
    raise SystemExit(code)


if __name__ == "__main__":
    main()
