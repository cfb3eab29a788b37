"""`hitlai-schema stamp REVISION`: record REVISION in alembic_version, running nothing.

A database that ran HitlAI's Phase 1-4 SQL is at the baseline without having run it: it is stamped there once.
"""

import argparse

from alembic import command

from hitlai_schema.cli.common import add_database_option, add_verbose_option, connect, public_url, resolve
from hitlai_schema.runtime import chain

HELP = "record REVISION in alembic_version without running anything (a Phase-4 database: 20260116000005)"


def configure(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)
    add_verbose_option(parser)
    parser.add_argument("revision", metavar="REVISION")


def run(args: argparse.Namespace) -> int:
    url = resolve(args, start_embedded=False)
    with connect(url) as connection:
        command.stamp(chain.alembic_config(connection), args.revision)
        reached = chain.current_revision(connection)
        connection.rollback()
    print(f"database is recorded at revision {reached or 'base (no revision applied)'}; nothing else was changed")
    print(f"database: {public_url(url)}")
    return 0
