"""`hitlai-schema sql` and `export-supabase`: the chain as SQL files, no database needed."""

import argparse
from pathlib import Path

from hitlai_schema.runtime import sql_files

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


def run_export(args: argparse.Namespace) -> int:
    directory = args.directory / "supabase" / "migrations"
    written = sql_files.write_files(
        sql_files.sql_files(concurrent_apart=False), directory, sql_files.without_transaction_lines
    )
    for path in written:
        print(path)
    return 0
