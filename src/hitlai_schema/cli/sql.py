"""`hitlai-schema sql` and `export-supabase`: the chain as SQL files, no database needed."""

import argparse
from pathlib import Path

from hitlai_schema.runtime import chain, sql_files

HELP = "write one guarded SQL file per revision, for psql or Supabase's SQL editor"
EXPORT_HELP = "write DIR/supabase/migrations/ for `supabase db push`"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_revision", metavar="REV", help="start after REV (default: empty database)")
    parser.add_argument("--to", dest="to_revision", metavar="REV", default="head", help="last revision (default head)")
    parser.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="directory (default: current)")


def run(args: argparse.Namespace) -> int:
    written = sql_files.write_files(sql_files.sql_files(args.from_revision, args.to_revision), args.out)
    for path in written:
        print(path)
    return 0


def configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR")
    parser.add_argument(
        "--from",
        dest="from_revision",
        metavar="REV",
        help="start after REV (default: after the baseline if DIR already holds Phase 1-4 migrations, else from base)",
    )
    parser.add_argument("--to", dest="to_revision", metavar="REV", default="head", help="last revision (default head)")


def run_export(args: argparse.Namespace) -> int:
    directory = args.directory / "supabase" / "migrations"
    after = args.from_revision
    if after is None:
        first = chain.chain()[0]
        first_name = f"{first.revision}_{chain.slug(first)}.sql"
        history = sql_files.phase4_history(directory, first.revision, [first_name])
        if history:
            # The project's own history reaches the baseline: a file of the same version would collide with it.
            after = first.revision
            shown = ", ".join(history) if len(history) <= 3 else f"{len(history)} files, {history[0]} to {history[-1]}"
            print(
                f"left out {first_name}: {directory} already holds Phase 1-4 migrations ({shown}), so the project "
                "is at the Phase-4 baseline; the next file records it in alembic_version (--from base keeps it)"
            )
    written = sql_files.write_files(
        sql_files.sql_files(after, args.to_revision, concurrent_apart=False),
        directory,
        sql_files.without_transaction_lines,
    )
    for path in written:
        print(path)
    return 0
