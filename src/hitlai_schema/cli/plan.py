"""`hitlai-schema plan`: what an upgrade would do to a database, read without changing or blocking anything.

It runs in one READ ONLY transaction and takes only ACCESS SHARE locks (the ones any SELECT takes),
which conflict with no writer; a short lock_timeout keeps it from queueing behind a DDL statement.
"""

import argparse
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic.script import Script

from hitlai_schema.cli.common import add_database_option, connect, public_url, resolve
from hitlai_schema.runtime import chain
from hitlai_schema.runtime.database import MigrationError
from hitlai_schema.runtime.errors import SQLSTATE_LOCK_NOT_AVAILABLE
from hitlai_schema.runtime.live_tables import (
    DEFAULT_LIVE_WINDOW,
    RUNBOOK,
    Conversion,
    Namesake,
    conversions,
    namesakes,
    survey_sql,
)

HELP = "what upgrading to REVISION (default head) would do, Phase-4 tables still written included; changes nothing"

# Longest wait for a lock that someone else's DDL holds: plan gives up rather than queue.
PLAN_LOCK_TIMEOUT = "2s"

# Functions compiled from source text find a table by name each time they run; C code is out of sight.
DEPENDENT_OBJECTS = """
SELECT 'function' AS kind, p.oid::regprocedure::text AS name, t.name AS table_name, p.prosrc AS source,
       coalesce(p.proargnames, ARRAY[]::text[]) AS argument_names
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
JOIN unnest(CAST(:tables AS text[])) AS t(name) ON p.prosrc ~ ('\\m' || t.name || '\\M')
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND l.lanname NOT IN ('c', 'internal')
  AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
UNION
SELECT CASE v.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END, v.oid::regclass::text, t.name, NULL, NULL
FROM unnest(CAST(:tables AS text[])) AS t(name)
JOIN pg_depend d ON d.refobjid = to_regclass('public.' || t.name) AND d.classid = 'pg_rewrite'::regclass
JOIN pg_rewrite r ON r.oid = d.objid
JOIN pg_class v ON v.oid = r.ev_class AND v.oid <> d.refobjid
ORDER BY 1, 2, 3
"""


# What a read of an empty table means where that is worse than an error, by the table it reads.
SILENT_MEANING = {
    "api_rate_limits": "a rate-limit check counts no earlier requests, so the rate limiter allows every request",
}


@dataclass(frozen=True)
class TablePlan:
    """A namesake that a pending revision creates, and what it will do to the table of that name."""

    namesake: Namesake
    layout: str
    row_count: int | None
    last_write: datetime | None
    live: bool

    @property
    def sets_aside(self) -> bool:
        return self.layout == "phase4"

    @property
    def action(self) -> str:
        return {
            "absent": "create it (no table of this name yet)",
            "phase5": "already Phase-5, left alone",
            "phase4": f"set aside as {self.namesake.legacy}",
            "neither": "refuse: neither the Phase-4 nor the Phase-5 layout",
            "legacy_taken": f"refuse: Phase-4, but {self.namesake.legacy} already exists",
        }[self.layout]


@dataclass(frozen=True)
class ConversionPlan:
    """A table a pending revision partitions: locked while its rows are copied."""

    conversion: Conversion
    plain: bool
    row_count: int | None
    last_write: datetime | None
    live: bool


# Each table with its row count and last write (the latest value of its timestamp columns, future ones ignored),
# if it exists and is plain.
PLAIN_TABLE_MEASURE = """
SELECT (SELECT format('SELECT count(*), greatest(%s)::timestamptz FROM public.%I',
                      string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', ' ORDER BY attnum),
                      CAST(:table AS text))
        FROM pg_attribute
        WHERE attrelid = to_regclass('public.' || CAST(:table AS text)) AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype))
WHERE (SELECT relkind FROM pg_class WHERE oid = to_regclass('public.' || CAST(:table AS text))) = 'r'
"""


@dataclass(frozen=True)
class DependentObject:
    kind: str
    name: str
    namesake: Namesake
    consequence: str

    @property
    def table(self) -> str:
        return self.namesake.table


def function_consequence(
    source: str, namesake: Namesake, required: Sequence[str], argument_names: Sequence[str] = ()
) -> str:
    """What a function whose source names a table being set aside does once the Phase-5 table has its name.

    Its statements are planned when they run, against whatever table has that name then: the new, empty
    Phase-5 one. A statement naming a column only the Phase-4 layout has fails (`column ... does not exist`);
    an INSERT that leaves out a column Phase 5 requires (NOT NULL, no default) fails on the constraint.
    Otherwise every statement still runs: reads find none of the rows, which stay in <name>_legacy, and
    updates and deletes change nothing, so the function returns a wrong result with no error at all. The
    reading is of the source text, without comments, type names and the function's own variables (its
    arguments, what it declares, its loop variables): any other word that is a Phase-4 column of the table
    is taken to be that column.
    """
    code = re.sub(r"--[^\n]*|/\*.*?\*/", " ", source, flags=re.DOTALL).lower()
    code = re.sub(r"\btimestamp\s+with(out)?\s+time\s+zone\b|::\s*timestamp(tz)?\b", " ", code)
    variables = {name.lower() for name in argument_names} | set(re.findall(r"\bfor\s+([a-z_][\w$]*)\s+in\b", code))
    if declared := re.search(r"\bdeclare\b(.*?)\bbegin\b", code, flags=re.DOTALL):
        variables |= {match[1] for match in re.finditer(r"(?:^|;)\s*([a-z_][\w$]*)", declared[1])}
    gone = [column for column in namesake.phase4_columns if column not in {*namesake.phase5_columns, *variables}]
    named_gone = sorted((match.start(), column) for column in gone if (match := re.search(rf"\b{column}\b", code)))
    if named_gone:
        columns = [column for _, column in named_gone]
        return (
            f'fails: column "..." does not exist, for the first it reaches of {", ".join(columns)}: Phase-4 columns '
            f"of {namesake.table} that the Phase-5 table lacks"
        )
    table = re.escape(namesake.table)
    for insert in re.finditer(rf'\binsert\s+into\s+(?:public\.)?"?{table}"?(?![\w$])\s*(\(([^)]*)\))?', code):
        if insert[2] is None:
            return (
                f"fails, or writes values into the wrong columns: its INSERT INTO {namesake.table} has no column "
                "list, so the values fill the Phase-5 columns by position"
            )
        listed = set(re.findall(r"[a-z_][a-z0-9_$]*", insert[2]))
        left_out = [column for column in required if column not in listed]
        if left_out:
            return (
                f'fails: null value in column "{left_out[0]}" violates not-null constraint (its INSERT INTO '
                f"{namesake.table} leaves out {', '.join(left_out)}, which the Phase-5 table requires)"
            )
    meaning = SILENT_MEANING.get(namesake.table, "a count is 0, a lookup finds nothing")
    return (
        f"no error, a SILENTLY WRONG result: every column it names exists in the Phase-5 {namesake.table}, so it "
        f"goes on running on that new, empty table; its reads miss every row written before the upgrade (they are "
        f"in {namesake.legacy}) and its updates and deletes change nothing: {meaning}"
    )


def required_columns(table: str) -> list[str]:
    """Columns of the Phase-5 `table` an INSERT must give: NOT NULL, no default."""
    # Imported here: it maps the models, which only a plan with functions to read needs.
    import hitlai_schema

    return [
        column.name
        for column in hitlai_schema.metadata.tables[table].columns
        if not column.nullable and column.server_default is None
    ]


def view_consequence(namesake: Namesake) -> str:
    return f"reads {namesake.table}: it follows the rename and goes on reading the frozen {namesake.legacy}"


@dataclass(frozen=True)
class Plan:
    current: str | None
    target: str
    pending: list[Script]
    window: str
    now: datetime
    tables: list[TablePlan]
    will_break: list[DependentObject]
    unstamped: list[str]
    partitioning: list[ConversionPlan]

    @property
    def live(self) -> list[TablePlan]:
        return [table for table in self.tables if table.live]

    @property
    def live_conversions(self) -> list[ConversionPlan]:
        return [table for table in self.partitioning if table.live]

    @property
    def refused(self) -> list[TablePlan]:
        return [table for table in self.tables if table.action.startswith("refuse")]


def make_plan(connection: sa.Connection, target: str = "head", window: str = DEFAULT_LIVE_WINDOW) -> Plan:
    """Read what upgrading to `target` would do. Call it first in a transaction, which it makes READ ONLY;
    the caller ends that transaction (a rollback: nothing was written)."""
    connection.execute(sa.text("SET TRANSACTION READ ONLY"))
    connection.execute(sa.text("SELECT set_config('lock_timeout', :timeout, true)"), {"timeout": PLAN_LOCK_TIMEOUT})
    try:
        now, cutoff = connection.execute(
            sa.text("SELECT now(), now() - CAST(:window AS interval)"), {"window": window}
        ).one()
    except sa.exc.DataError:
        raise MigrationError(f"the live window must be an interval such as 15min or 1h, not {window!r}") from None
    try:
        return _read_plan(connection, target, window, now, cutoff)
    except sa.exc.OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) != SQLSTATE_LOCK_NOT_AVAILABLE:
            raise
        raise MigrationError(
            f"a table is locked by another session (a migration or other DDL running?): {exc.orig}; "
            "plan gave up rather than wait behind it, run it again when that is done"
        ) from None


def _read_plan(connection: sa.Connection, target: str, window: str, now: datetime, cutoff: datetime) -> Plan:
    current = chain.current_revision(connection)
    pending = chain.chain(current, target)
    pending_namesakes = namesakes(pending)
    survey = (
        {row.table_name: row for row in connection.execute(sa.text(survey_sql(pending_namesakes)))}
        if pending_namesakes
        else {}
    )
    tables = []
    for namesake in pending_namesakes:
        row = survey[namesake.table]
        row_count, last_write = connection.execute(sa.text(row.measure)).one() if row.measure else (None, None)
        tables.append(
            TablePlan(
                namesake=namesake,
                layout=row.layout,
                row_count=row_count,
                last_write=last_write,
                live=row.layout == "phase4" and last_write is not None and last_write >= cutoff,
            )
        )
    set_aside = {table.namesake.table: table.namesake for table in tables if table.sets_aside}
    will_break = [
        DependentObject(
            row.kind,
            row.name,
            set_aside[row.table_name],
            function_consequence(
                row.source, set_aside[row.table_name], required_columns(row.table_name), row.argument_names
            )
            if row.kind == "function"
            else view_consequence(set_aside[row.table_name]),
        )
        for row in connection.execute(sa.text(DEPENDENT_OBJECTS), {"tables": list(set_aside)})
    ]
    target_script = chain.script_directory().get_revision(target)
    assert target_script is not None, "alembic raises for an unknown revision"
    unstamped = chain.unstamped_core_tables(connection)
    partitioning = [_conversion_plan(connection, conversion, cutoff) for conversion in conversions(pending)]
    return Plan(current, target_script.revision, pending, window, now, tables, will_break, unstamped, partitioning)


def _conversion_plan(connection: sa.Connection, conversion: Conversion, cutoff: datetime) -> ConversionPlan:
    measure = connection.execute(sa.text(PLAIN_TABLE_MEASURE), {"table": conversion.table}).scalar()
    if measure is None:
        return ConversionPlan(conversion, False, None, None, False)
    row_count, last_write = connection.execute(sa.text(measure)).one()
    return ConversionPlan(conversion, True, row_count, last_write, last_write is not None and last_write >= cutoff)


def when(moment: datetime, now: datetime) -> str:
    age = now - moment
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC ({age - age % timedelta(seconds=1)} ago)"


def render(plan: Plan) -> list[str]:
    lines = [
        f"current revision: {plan.current or 'none (empty database)'}",
        f"target revision: {plan.target}{' (head)' if plan.target == chain.head_revision() else ''}",
    ]
    if not plan.pending:
        lines.append(f"nothing to do: the database is at {plan.target} already")
        return lines
    lines.append(f"pending revisions ({len(plan.pending)}):")
    lines += [f"  {script.revision}  {chain.describe_revision(script)}" for script in plan.pending]
    if plan.tables:
        lines.append(
            f"Phase-5 tables whose names Phase 4 already used (LIVE: Phase-4 layout, written within {plan.window}):"
        )
    width = max((len(table.namesake.table) for table in plan.tables), default=0)
    for table in plan.tables:
        facts = "no table" if table.row_count is None else f"{table.row_count} rows"
        if table.row_count is not None:
            facts += f", last write {when(table.last_write, plan.now)}" if table.last_write else ", no write times"
        lines.append(f"  {table.namesake.table:<{width}}  {table.action}; {facts}{'  LIVE' if table.live else ''}")
    if plan.partitioning:
        lines.append(
            f"tables to partition by month, each locked while its rows are copied (LIVE: written within {plan.window}):"
        )
        width = max(len(converting.conversion.table) for converting in plan.partitioning)
        for converting in plan.partitioning:
            facts = "no plain table now: nothing to copy"
            if converting.plain:
                facts = f"{converting.row_count} rows" + (
                    f", last write {when(converting.last_write, plan.now)}"
                    if converting.last_write
                    else ", no timestamps"
                )
            lines.append(f"  {converting.conversion.table:<{width}}  {facts}{'  LIVE' if converting.live else ''}")
    if plan.will_break:
        lines.append("will break (database objects that use a table being set aside), once it is set aside:")
        lines += [f"  {obj.kind} {obj.name} on {obj.table}: {obj.consequence}" for obj in plan.will_break]
    if plan.live:
        lines.append(
            f"upgrade will refuse: {', '.join(t.namesake.table for t in plan.live)} still written; move each writer to "
            f"the Phase-5 layout or to <table>_legacy first ({RUNBOOK}), or pass --allow-live-set-aside"
        )
    if plan.live_conversions:
        lines.append(
            f"upgrade will refuse: {', '.join(c.conversion.table for c in plan.live_conversions)} still written; pause "
            "their writers for the upgrade, or pass --allow-live-set-aside"
        )
    if plan.refused:
        lines.append(f"upgrade will stop at: {', '.join(t.namesake.table for t in plan.refused)} (see above)")
    if plan.unstamped:
        lines.append(
            f"upgrade will stop at the baseline, which creates {', '.join(plan.unstamped)} anew: they exist but "
            f"alembic_version does not; {chain.stamp_hint()}"
        )
    return lines


def configure(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)
    parser.add_argument("revision", nargs="?", default="head")
    parser.add_argument("--live-window", metavar="INTERVAL", help="how recent a write makes a table live (15min)")


def run(args: argparse.Namespace) -> int:
    url = resolve(args, start_embedded=False)
    window = args.live_window or os.environ.get("HITLAI_LIVE_WINDOW") or DEFAULT_LIVE_WINDOW
    with connect(url) as connection:
        plan = make_plan(connection, args.revision, window)
        connection.rollback()
    print(f"database: {public_url(url)}")
    for line in render(plan):
        print(line)
    return 1 if plan.live or plan.live_conversions or plan.refused or plan.unstamped else 0
