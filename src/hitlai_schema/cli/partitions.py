"""`hitlai-schema partitions status | ensure | drop`: keep the monthly partitions of the time-series tables.

Run `ensure` daily (it creates only what is missing) so the current month and the next ones always exist:
a row whose month has no partition is refused by PostgreSQL. `drop` removes whole old months when asked.
"""

import argparse

from hitlai_schema.cli.common import add_database_option, add_verbose_option, connect, public_url, resolve
from hitlai_schema.runtime import partitions

HELP = "keep the monthly partitions of the time-series tables: status, ensure, drop"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def add(name: str, help: str) -> argparse.ArgumentParser:
        action = actions.add_parser(name, help=help, description=help)
        add_database_option(action)
        add_verbose_option(action)
        action.add_argument("--table", action="append", metavar="TABLE", help="only this table (repeatable)")
        return action

    add("status", "each table's partitions, months, rows (estimate) and future months; exit 1 on a warning")
    ensure = add(
        "ensure", "create the months missing from the current one through --ahead months later; touches no other"
    )
    ensure.add_argument(
        "--ahead",
        type=int,
        default=partitions.DEFAULT_AHEAD,
        metavar="N",
        help=f"months after the current one (default {partitions.DEFAULT_AHEAD})",
    )
    ensure.add_argument("--from", dest="start", metavar="YYYY-MM", help="start at this month (to backfill older ones)")
    ensure.add_argument(
        "--sql",
        action="store_true",
        help="print the same as one SQL statement (for pg_cron) instead of running it; needs no database",
    )
    drop = add("drop", "detach, then drop, every whole month older than DURATION; never deletes rows")
    drop.add_argument(
        "--older-than", required=True, metavar="DURATION", help="such as 6months, 1y, 26w or 180d (UTC months)"
    )
    drop.add_argument("--dry-run", action="store_true", help="say what would be removed, with its rows; change nothing")


def run(args: argparse.Namespace) -> int:
    return {"status": run_status, "ensure": run_ensure, "drop": run_drop}[args.action](args)


def run_status(args: argparse.Namespace) -> int:
    url = resolve(args, start_embedded=False)
    with connect(url) as connection:
        statuses = partitions.status(connection, args.table or ())
        connection.rollback()
    print(f"database: {public_url(url)}")
    for line in partitions.render_status(statuses):
        print(line)
    return 1 if not statuses or any(table.warnings() for table in statuses) else 0


def run_ensure(args: argparse.Namespace) -> int:
    if args.sql:
        if args.start or args.table or args.database_url:
            raise partitions.PartitionError("--sql makes every table's months from the current one: no other option")
        print(partitions.ensure_sql(args.ahead) + ";")
        return 0
    start = partitions.Month.parse(args.start, "--from") if args.start else None
    url = resolve(args)
    with connect(url) as connection:
        tables = partitions.partitioned_tables(connection, args.table or ())
        months = partitions.months_to_ensure(partitions.server_now(connection), args.ahead, start)
        created = partitions.ensure(connection, tables, months, log=lambda line: print(line, flush=True))
    span = f"{months[0]}..{months[-1]}" if months else "no month"
    print(f"{len(created)} partition(s) created; {span} now exists for {len(tables)} table(s)")
    return 0


def run_drop(args: argparse.Namespace) -> int:
    age = partitions.Age.parse(args.older_than)
    url = resolve(args)
    with connect(url) as connection:
        tables = partitions.partitioned_tables(connection, args.table or ())
        cutoff = age.before(partitions.server_now(connection))
        removed = partitions.drop_older_than(
            connection, tables, cutoff, dry_run=args.dry_run, log=lambda line: print(line, flush=True)
        )
    rows = sum(month.rows for month in removed)
    verb = "would remove" if args.dry_run else "removed"
    print(f"{verb} {len(removed)} month(s) ending by {cutoff:%Y-%m-%d %H:%M} UTC, {rows:,} row(s) in all")
    return 0
