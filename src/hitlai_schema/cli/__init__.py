"""hitlai-schema: migrate, inspect and export the HitlAI Phase-5 schema from the installed package.

Every subcommand that reaches a database takes --database-url, else DATABASE_URL, else the
embedded PostgreSQL in ./.pgdata (HITLAI_PGDATA), as `alembic` does. Each has a module of its own here.
"""

import argparse
import gc
import logging
import os
import sys
import traceback

from alembic.script.revision import RevisionError
from alembic.util import CommandError

from hitlai_schema.cli import downgrade, partitions, plan, sql, stamp, status, stop, types, upgrade, verify
from hitlai_schema.runtime.errors import MigrationError, exit_with
from hitlai_schema.runtime.settings import parse_boolean


def show_migration_log(verbose: bool) -> None:
    """What the migrations say (such as set-aside tables) goes to stderr as plain lines; each detail with --verbose."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    env_log = logging.getLogger("alembic.env")
    env_log.addHandler(handler)
    env_log.setLevel(logging.DEBUG if verbose else logging.INFO)
    env_log.propagate = False


def one_line_error(error: BaseException) -> str:
    if isinstance(error, OSError) and not isinstance(error, BrokenPipeError) and error.filename:
        return f"cannot write {error.filename}: {error.strerror}"
    return " ".join(str(error).split())


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hitlai-schema", description=__doc__.splitlines()[0])
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands = [
        ("upgrade", upgrade.HELP, upgrade.configure, upgrade.run, upgrade.ALIASES),
        ("plan", plan.HELP, plan.configure, plan.run, []),
        ("downgrade", downgrade.HELP, downgrade.configure, downgrade.run, []),
        ("stamp", stamp.HELP, stamp.configure, stamp.run, []),
        ("stop", stop.HELP, stop.configure, stop.run, []),
        ("status", status.HELP, status.configure, status.run, []),
        ("verify", verify.HELP, verify.configure, verify.run, []),
        ("sql", sql.HELP, sql.configure, sql.run, []),
        ("export-supabase", sql.EXPORT_HELP, sql.configure_export, sql.run_export, []),
        ("types", types.HELP, types.configure, types.run, []),
        ("partitions", partitions.HELP, partitions.configure, partitions.run, []),
    ]
    for name, help, configure, run, aliases in commands:
        sub = subcommands.add_parser(name, help=help, description=help, aliases=aliases)
        configure(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    verbose = getattr(args, "verbose", False)
    try:
        # HITLAI_VERBOSE counts as --verbose, for every command; a bad value is refused like any setting.
        verbose = verbose or parse_boolean(os.environ.get("HITLAI_VERBOSE") or "false", "HITLAI_VERBOSE")
        if verbose:
            args.verbose = True
        show_migration_log(verbose)
        code = args.run(args)
    except BrokenPipeError:
        # The reader (`| head`) has gone: no traceback, and none at exit when Python flushes stdout.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except (MigrationError, CommandError, RevisionError, OSError) as exc:
        # RevisionError: an unknown revision or a range backwards; OSError: --out unwritable or taken.
        if verbose:
            traceback.print_exc()
        exit_with(one_line_error(exc))
    # Exiting now: collecting every object at interpreter shutdown would only delay the exit.
    gc.freeze()
    raise SystemExit(code)


if __name__ == "__main__":
    main()
