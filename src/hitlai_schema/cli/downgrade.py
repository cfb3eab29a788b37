"""`hitlai-schema downgrade REVISION`: revert to REVISION, refusing to delete data unless allowed."""

import argparse

from alembic import command

from hitlai_schema.cli.common import add_database_option, add_verbose_option, migrate, public_url, resolve

HELP = "downgrade to REVISION (base: before the baseline); refuses to delete data unless allowed"


def configure(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)
    add_verbose_option(parser)
    parser.add_argument("revision", metavar="REVISION")
    parser.add_argument(
        "--allow-data-loss", action="store_true", help="drop tables and columns even where they hold data"
    )


def run(args: argparse.Namespace) -> int:
    url = resolve(args)
    settings = {"allow_data_loss": "true"} if args.allow_data_loss else {}
    reached = migrate(url, command.downgrade, args.revision, settings)
    print(f"database is at revision {reached or 'base (no revision applied)'}")
    print(f"database: {public_url(url)}")
    return 0
