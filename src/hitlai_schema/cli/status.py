"""`hitlai-schema status`: current and pending revisions, unfinished production-table changes, drift."""

import argparse

from hitlai_schema.cli.common import add_database_option, connect, public_url, resolve
from hitlai_schema.runtime import chain, comparison

HELP = "current and pending revisions, and whether models and database agree"


def configure(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    url = resolve(args, start_embedded=False)
    with connect(url) as connection:
        current = chain.current_revision(connection)
        unstamped = chain.unstamped_core_tables(connection)
        unfinished = chain.unfinished_production_changes(connection, current)
        connection.rollback()
        pending = chain.chain(current)
        # Alembic compares only a database at head; behind it, the pending revisions are the difference.
        drift = comparison.compare(connection) if not pending else None
    print(f"database: {public_url(url)}")
    if unstamped:
        print(f"current revision: none, yet Phase 1-4 tables exist ({', '.join(unstamped)}): {chain.stamp_hint()}")
    else:
        print(f"current revision: {current or 'none (empty database)'}")
    print(f"head revision: {chain.head_revision()}")
    if pending:
        print(f"pending revisions ({len(pending)}):")
        for script in pending:
            print(f"  {script.revision}  {chain.describe_revision(script)}")
    else:
        print("pending revisions: none")
    if unfinished:
        listed = ", ".join(change.describe() for change in unfinished)
        print(
            f"production-table changes not yet made ({len(unfinished)}): {listed}; `hitlai-schema upgrade` makes them"
        )
    if drift is None:
        print(f"models and database: not compared until the {len(pending)} pending revision(s) are applied")
    else:
        print(f"models and database: {'in sync' if drift.in_sync else 'differ'} ({drift.detail})")
    return 0 if drift is not None and drift.in_sync and not unfinished else 1
