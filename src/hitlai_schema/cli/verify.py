"""`hitlai-schema verify`: the post-deployment report, one row per check (the checks: verify_checks)."""

import argparse

from hitlai_schema.cli.common import add_database_option, connect, public_url, resolve

HELP = "post-deployment report: schema, enums, RLS, policies, privileges, reference rows, drift"


def configure(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    # Imported when run: the checks map the models, which upgrade and the other subcommands never pay for.
    from hitlai_schema.cli import verify_checks

    url = resolve(args, start_embedded=False)
    with connect(url) as connection:
        rows = verify_checks.report(connection)
        connection.rollback()
    print(f"database: {public_url(url)}")
    print(verify_checks.render(rows))
    return 1 if verify_checks.failed(rows) else 0
