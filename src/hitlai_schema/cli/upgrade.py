"""`hitlai-schema upgrade [REVISION]` (alias `migrate`): apply the chain, a line per revision."""

import argparse

from alembic import command

from hitlai_schema.cli.common import add_database_option, add_verbose_option, migrate, public_url, resolve
from hitlai_schema.runtime import chain

HELP = "upgrade to REVISION (default head)"
ALIASES = ["migrate"]


def configure(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)
    add_verbose_option(parser)
    parser.add_argument("revision", nargs="?", default="head")
    parser.add_argument(
        "--allow-live-set-aside",
        action="store_true",
        help="set aside Phase-4 tables even if they were written within the live window (their writers will fail)",
    )
    parser.add_argument("--live-window", metavar="INTERVAL", help="how recent a write makes a table live (15min)")


def live_table_settings(args: argparse.Namespace) -> dict[str, str]:
    """The live-table guard's settings from the flags (unset ones leave -x and HITLAI_* to decide)."""
    settings = {"allow_live_set_aside": "true"} if args.allow_live_set_aside else {}
    return settings | ({"live_window": args.live_window} if args.live_window else {})


def run(args: argparse.Namespace) -> int:
    url = resolve(args)
    reached = migrate(url, command.upgrade, args.revision, live_table_settings(args))
    at_head = " (head)" if reached == chain.head_revision() else ""
    print(f"database is at revision {reached}{at_head}")
    print(f"connect with: {public_url(url)}")
    return 0
