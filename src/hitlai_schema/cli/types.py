"""`hitlai-schema types typescript|zod`: the tables' types for supabase-js, or zod validators of their rows."""

import argparse
from pathlib import Path

HELP = (
    "write the tables' types for supabase-js, as `supabase gen types` does (typescript), or zod validators of"
    " their rows (zod)"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("language", choices=["typescript", "zod"])
    parser.add_argument("--out", type=Path, metavar="FILE", help="file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    # Imported when run: it maps the models, which no other subcommand pays for.
    if args.language == "zod":
        from hitlai_schema.codegen import zod

        return zod.run(args)
    from hitlai_schema.codegen import typescript

    return typescript.run(args)
