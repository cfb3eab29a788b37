"""`hitlai-schema types typescript`: the tables' types for supabase-js, from the models."""

import argparse
from pathlib import Path

HELP = "write the tables' types for supabase-js, as `supabase gen types` does"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("language", choices=["typescript"])
    parser.add_argument("--out", type=Path, metavar="FILE", help="file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    # Imported when run: it maps the models, which no other subcommand pays for.
    from hitlai_schema.codegen import typescript

    return typescript.run(args)
