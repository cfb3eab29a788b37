"""The monthly partitions of the time-series tables (spec decision 8): list them, create months, remove old ones.

A partitioned table here is one of `public` partitioned `RANGE (created_at)`; its partitions are UTC calendar
months `[YYYY-MM-01, next month)` named `<table>_pYYYYMM` in schema `hitlai_partitions`, each with row-level
security on and no privilege for the API roles (they reach the rows through the parent only).

Each step is chosen so that a writer inserting into the same table is never held up:
- a month is created as a table of its own and then ATTACHed, which takes SHARE UPDATE EXCLUSIVE on the
  parent, a lock writers do not conflict with; `CREATE TABLE ... PARTITION OF` would take ACCESS EXCLUSIVE.
  Attaching clones the parent's foreign keys, which takes SHARE ROW EXCLUSIVE on the referenced tables: that
  blocks their writers (not the event writers, whose key checks take ROW SHARE), so every creation is one short
  transaction under a short lock_timeout, retried with backoff, as online_ddl does for production tables.
- a month is removed by `DETACH PARTITION ... CONCURRENTLY` (SHARE UPDATE EXCLUSIVE on the parent), then the
  detached table's foreign keys are dropped one by one (dropping one locks the referenced table ACCESS
  EXCLUSIVE, and with it every writer that checks a key there) under the short lock_timeout, then the table.
  Rows are never deleted. A detach that was interrupted is finished with `DETACH PARTITION ... FINALIZE`.
No extension is needed, so this works on every supported server, the embedded one included.
"""

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
import sqlalchemy as sa

from hitlai_schema.runtime.errors import MigrationError, quote
from hitlai_schema.runtime.online_ddl import Retry, autocommit, with_retries

SCHEMA = "hitlai_partitions"
# The months kept ahead of the current one (spec: the current month and the next 3 always exist).
DEFAULT_AHEAD = 3
# Fewer future months than this and `status` warns, as `verify` does.
FEWEST_FUTURE_MONTHS = 2
# models.access.API_ROLES, restated: the command line imports this module, and must import no model module.
API_ROLES = ("anon", "authenticated", "service_role")
# A concurrent detach waits for every transaction using the parent and only then locks the referenced tables
# to give the detached foreign keys their triggers; its first waits hold up no writer, so it may wait longer
# than a creation may. Interrupted by the timeout, it is finished by FINALIZE on the next attempt.
DETACH_LOCK_TIMEOUT = "1s"
# Creating a month and dropping a detached one's keys: online_ddl's lock_timeout and backoff.
RETRY = Retry()

UTC = datetime.UTC


class PartitionError(MigrationError):
    """A partition that could not be made or removed; one line, saying what to do."""


@dataclass(frozen=True, order=True)
class Month:
    """A UTC calendar month, the unit of partitioning."""

    year: int
    month: int

    @classmethod
    def of(cls, instant: datetime.datetime) -> "Month":
        utc = instant.astimezone(UTC)
        return cls(utc.year, utc.month)

    @classmethod
    def parse(cls, text: str, name: str = "month") -> "Month":
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
        if match is None or not 1 <= int(match.group(2)) <= 12:
            raise PartitionError(f"{name} must be a month written YYYY-MM, such as 2026-01, not {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def start(self) -> datetime.datetime:
        return datetime.datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime.datetime:
        return self.plus(1).start

    def partition_name(self, table: str) -> str:
        return f"{table}_p{self.year:04d}{self.month:02d}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> list[Month]:
    """first, ..., last; empty when last is before first."""
    count = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
    return [first.plus(offset) for offset in range(max(0, count))]


@dataclass(frozen=True)
class Partition:
    """One partition of a partitioned table, as the catalog has it."""

    table: str
    schema: str
    name: str
    lower: datetime.datetime | None  # None: not a FROM ... TO range (DEFAULT, MINVALUE or MAXVALUE)
    upper: datetime.datetime | None
    rows_estimate: int
    detach_pending: bool

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def month(self) -> Month | None:
        """The month it holds, if it holds exactly one UTC month."""
        if self.lower is None or self.upper is None:
            return None
        month = Month.of(self.lower)
        return month if (self.lower, self.upper) == (month.start, month.end) else None

    def covers(self, instant: datetime.datetime) -> bool:
        return self.lower is not None and self.upper is not None and self.lower <= instant < self.upper

    def holds(self, month: Month) -> bool:
        """Every instant of the month belongs here."""
        return self.lower is not None and self.upper is not None and self.lower <= month.start < month.end <= self.upper

    def overlaps(self, month: Month) -> bool:
        return self.lower is not None and self.upper is not None and self.lower < month.end and month.start < self.upper


PARTITIONED_TABLES = """
SELECT c.relname
FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
WHERE c.relnamespace = CAST('public' AS regnamespace) AND pg_get_partkeydef(c.oid) = 'RANGE (created_at)'
ORDER BY c.relname
"""

# A range partition's FROM and TO values as text. They are printed in the session's time zone with its offset,
# so read back as timestamptz they are exact; DEFAULT, MINVALUE and MAXVALUE bounds give NULL.
BOUND = r"regexp_match(pg_get_expr(child.relpartbound, child.oid), 'FROM \(''([^'']*)''\) TO \(''([^'']*)''\)')"

PARTITIONS = f"""
SELECT parent.relname, n.nspname, child.relname,
       CAST(bound[1] AS timestamptz), CAST(bound[2] AS timestamptz),
       CAST(greatest(pg_stat_get_live_tuples(child.oid), child.reltuples, 0) AS bigint), i.inhdetachpending
FROM pg_inherits i
JOIN pg_class parent ON parent.oid = i.inhparent
JOIN pg_class child ON child.oid = i.inhrelid
JOIN pg_namespace n ON n.oid = child.relnamespace
CROSS JOIN LATERAL {BOUND} AS bound
WHERE parent.relnamespace = CAST('public' AS regnamespace) AND parent.relname = ANY(CAST(:tables AS text[]))
ORDER BY parent.relname, bound[1] NULLS FIRST, child.relname
"""

# Tables in the partition schema named like a month of a parent but attached to nothing: what an interrupted
# `drop` (detached, not yet dropped) or an interrupted creation (made, not attached) left.
LEFTOVERS = """
SELECT c.relname, CAST(pg_stat_get_live_tuples(c.oid) AS bigint)
FROM pg_class c
WHERE c.relnamespace = to_regnamespace(:schema) AND c.relkind = 'r' AND NOT c.relispartition
ORDER BY c.relname
"""


# A table's relkind and its partitions' bounds, for copy_rows on the caller's own psycopg connection.
RANGE_BOUNDS = f"""
SELECT parent.relkind, CAST(bound[1] AS timestamptz), CAST(bound[2] AS timestamptz)
FROM pg_class parent
LEFT JOIN pg_inherits i ON i.inhparent = parent.oid AND NOT i.inhdetachpending
LEFT JOIN pg_class child ON child.oid = i.inhrelid
LEFT JOIN LATERAL {BOUND} AS bound ON true
WHERE parent.oid = to_regclass(%s)
"""


def range_bounds(
    connection: "psycopg.Connection[Any]", table: str
) -> list[tuple[datetime.datetime, datetime.datetime]] | None:
    """The [lower, upper) of each partition of a partitioned table; None for any other table."""
    rows = connection.execute(RANGE_BOUNDS, [table]).fetchall()
    if not rows or rows[0][0] != "p":
        return None
    return [(lower, upper) for _, lower, upper in rows if lower is not None and upper is not None]


def partitioned_tables(connection: sa.Connection, only: Sequence[str] = ()) -> list[str]:
    """The tables of public partitioned by month; `only` narrows them, and names one that is not to refuse."""
    found = list(connection.execute(sa.text(PARTITIONED_TABLES)).scalars())
    unknown = [name for name in only if name not in found]
    if unknown:
        listed = ", ".join(found) or "none (upgrade to head first)"
        raise PartitionError(f"{', '.join(unknown)}: not a table partitioned by month; those are: {listed}")
    return [name for name in found if name in only] if only else found


def partitions(connection: sa.Connection, tables: Sequence[str]) -> dict[str, list[Partition]]:
    """Each table's partitions in order of their lower bound."""
    found: dict[str, list[Partition]] = {table: [] for table in tables}
    for table, schema, name, lower, upper, rows, pending in connection.execute(
        sa.text(PARTITIONS), {"tables": list(tables)}
    ):
        found[table].append(Partition(table, schema, name, lower, upper, rows, pending))
    return found


def leftovers(connection: sa.Connection, tables: Sequence[str]) -> dict[str, list[tuple[Month, str, int]]]:
    """Each table's unattached month tables in the partition schema: (month, name, rows estimate)."""
    pattern = re.compile(rf"^({'|'.join(map(re.escape, tables))})_p(\d{{4}})(\d{{2}})$") if tables else None
    found: dict[str, list[tuple[Month, str, int]]] = {table: [] for table in tables}
    for name, rows in connection.execute(sa.text(LEFTOVERS), {"schema": SCHEMA}):
        match = pattern.match(name) if pattern else None
        if match and 1 <= int(match.group(3)) <= 12:
            found[match.group(1)].append((Month(int(match.group(2)), int(match.group(3))), name, int(rows)))
    return found


def server_now(connection: sa.Connection) -> datetime.datetime:
    now: datetime.datetime = connection.execute(sa.text("SELECT now()")).scalar_one()
    return now


# --- status -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableStatus:
    table: str
    partitions: list[Partition]
    current: Month
    unattached: list[tuple[Month, str, int]]

    @property
    def months(self) -> list[Month]:
        return [month for partition in self.partitions if (month := partition.month) is not None]

    @property
    def rows_estimate(self) -> int:
        return sum(partition.rows_estimate for partition in self.partitions)

    @property
    def future_months(self) -> int:
        return sum(1 for month in self.months if month > self.current)

    @property
    def has_current(self) -> bool:
        return any(partition.holds(self.current) for partition in self.partitions)

    def warnings(self) -> list[str]:
        said = []
        if not self.has_current:
            said.append(f"no partition holds the current month {self.current}: rows written now are refused")
        if self.future_months < FEWEST_FUTURE_MONTHS:
            said.append(f"only {self.future_months} future month(s); fewer than {FEWEST_FUTURE_MONTHS}")
        months = self.months
        gaps = sorted(set(months_between(months[0], months[-1])) - set(months)) if months else []
        if gaps:
            said.append(f"no partition for {', '.join(map(str, gaps))}, between others")
        for partition in self.partitions:
            if partition.detach_pending:
                said.append(f"{partition.qualified} is half detached: `partitions drop` finishes it")
            if partition.month is None:
                bounds = f"[{partition.lower}, {partition.upper})" if partition.lower else "no FROM ... TO bounds"
                said.append(f"{partition.qualified} is not one UTC month: {bounds}")
        for month, name, rows in self.unattached:
            said.append(f"{SCHEMA}.{name} ({month}, ~{rows:,} rows) is attached to nothing")
        return said


def status(connection: sa.Connection, only: Sequence[str] = ()) -> list[TableStatus]:
    tables = partitioned_tables(connection, only)
    current = Month.of(server_now(connection))
    found = partitions(connection, tables)
    unattached = leftovers(connection, tables)
    return [TableStatus(table, found[table], current, unattached[table]) for table in tables]


def render_status(statuses: Sequence[TableStatus]) -> list[str]:
    if not statuses:
        return ["no table is partitioned by month (upgrade to head first)"]
    lines = [f"{'table':<22} {'partitions':>10}  {'months':<17} {'rows (estimate)':>15}  {'future months':>13}"]
    for table in statuses:
        months = table.months
        span = f"{months[0]}..{months[-1]}" if months else "-"
        lines.append(
            f"{table.table:<22} {len(table.partitions):>10}  {span:<17} {table.rows_estimate:>15,}"
            f"  {table.future_months:>13}"
        )
    for table in statuses:
        lines += [f"warning: {table.table}: {said}" for said in table.warnings()]
    return lines


# --- creating months ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Created:
    table: str
    month: Month
    name: str

    def describe(self) -> str:
        return f"created {SCHEMA}.{self.name} ({self.table}, {self.month})"


def months_to_ensure(now: datetime.datetime, ahead: int, start: Month | None) -> list[Month]:
    """From `start` (default: the current month) through `ahead` months after the current one."""
    if ahead < 0:
        raise PartitionError(f"--ahead must be 0 or more, not {ahead}")
    current = Month.of(now)
    return months_between(start or current, current.plus(ahead))


def ensure(
    connection: sa.Connection,
    tables: Sequence[str],
    months: Sequence[Month],
    retry: Retry = RETRY,
    log: Callable[[str], None] = lambda _line: None,
) -> list[Created]:
    """Create each month missing from each table; existing partitions are left as they are.

    Refuses (before creating anything) a month that only part of an existing partition covers.
    """
    found = partitions(connection, tables)
    wanted: list[tuple[str, Month]] = []
    for table in tables:
        for month in months:
            if any(partition.holds(month) for partition in found[table]):
                continue
            clash = next((partition for partition in found[table] if partition.overlaps(month)), None)
            if clash is not None:
                raise PartitionError(
                    f"{table}: month {month} overlaps partition {clash.qualified} [{clash.lower}, {clash.upper}),"
                    " which is not a whole month: nothing was created"
                )
            wanted.append((table, month))
    connection.rollback()
    created = []
    with autocommit(connection):
        for table, month in wanted:
            if create_month(connection, table, month, retry):
                made = Created(table, month, month.partition_name(table))
                log(made.describe())
                created.append(made)
    return created


# One short transaction per month; the advisory lock makes two creators of the same month (two `ensure`s, or a
# loader's copy_rows) take turns, so the second finds the month made instead of failing on its name.
CREATE_MONTH = """
CREATE TABLE {partition} (LIKE {parent} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE
    INCLUDING COMPRESSION)
"""
ATTACH_MONTH = "ALTER TABLE {parent} ATTACH PARTITION {partition} FOR VALUES FROM ('{start}') TO ('{end}')"
EXISTING = """
SELECT c.relispartition, EXISTS (SELECT FROM pg_inherits i WHERE i.inhrelid = c.oid), c.oid
FROM pg_class c WHERE c.oid = to_regclass(:name)
"""


def create_month(connection: sa.Connection, table: str, month: Month, retry: Retry) -> bool:
    """Make and attach one month on an AUTOCOMMIT connection; False if someone else made it meanwhile."""
    name = month.partition_name(table)
    qualified = f"{quote(connection, SCHEMA)}.{quote(connection, name)}"
    parent = f"public.{quote(connection, table)}"
    lock_timeout = retry.lock_timeout.replace("'", "''")

    def attempt() -> bool:
        connection.exec_driver_sql(
            f"BEGIN; SET LOCAL lock_timeout = '{lock_timeout}'; "
            f"SELECT pg_advisory_xact_lock(hashtext('{SCHEMA}.{name}'))"
        )
        existing = connection.execute(sa.text(EXISTING), {"name": f"{SCHEMA}.{name}"}).first()
        if existing is not None and existing[1]:
            connection.exec_driver_sql("ROLLBACK")
            return False
        if existing is not None:
            rows = connection.exec_driver_sql(f"SELECT EXISTS (SELECT FROM {qualified})").scalar_one()
            if rows:
                raise PartitionError(
                    f"{SCHEMA}.{name} exists, holds rows and is attached to nothing (left by an interrupted"
                    f" `partitions drop`?): attach it (ALTER TABLE {parent} ATTACH PARTITION {SCHEMA}.{name}"
                    f" FOR VALUES FROM ('{month.start.isoformat()}') TO ('{month.end.isoformat()}')) or drop it"
                )
            # Made by a creation that was interrupted before it attached: attach it now.
        else:
            connection.exec_driver_sql(CREATE_MONTH.format(partition=qualified, parent=parent))
        connection.exec_driver_sql(f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY")
        revoke_api_roles(connection, qualified)
        connection.exec_driver_sql(
            ATTACH_MONTH.format(
                parent=parent, partition=qualified, start=month.start.isoformat(), end=month.end.isoformat()
            )
        )
        connection.exec_driver_sql("COMMIT")
        return True

    try:
        return with_retries(connection, attempt, retry)
    except sa.exc.DBAPIError as exc:
        raise PartitionError(f"could not create {SCHEMA}.{name} ({table}, {month}): {first_line(exc)}") from exc


# The same creation as one DO block that needs no client: for a scheduler inside the database (Supabase's
# pg_cron). It runs as one transaction, so its locks last until every missing month is made (once a month,
# milliseconds); a lock not granted within the timeout fails the run, and the next run (daily) makes the month.
ENSURE_SQL = """DO $ensure$
DECLARE
    parent regclass;
    parent_name text;
    month timestamp;
    partition_name text;
    api_roles text;
BEGIN
    PERFORM set_config('lock_timeout', '{lock_timeout}', true);
    SELECT string_agg(quote_ident(rolname), ', ') INTO api_roles FROM pg_roles WHERE rolname IN ({roles});
    FOR parent, parent_name IN
        SELECT c.oid, c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
        WHERE c.relnamespace = 'public'::regnamespace AND pg_get_partkeydef(c.oid) = 'RANGE (created_at)'
        ORDER BY c.relname
    LOOP
        FOR month IN
            SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => ahead)
            FROM generate_series(0, {ahead}) AS ahead
        LOOP
            partition_name := parent_name || '_p' || to_char(month, 'YYYYMM');
            -- A month that exists, attached or not, is left as it is.
            CONTINUE WHEN to_regclass(format('{schema}.%I', partition_name)) IS NOT NULL;
            EXECUTE format('CREATE TABLE {schema}.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
                           ' INCLUDING STORAGE INCLUDING COMPRESSION)', partition_name, parent);
            EXECUTE format('ALTER TABLE {schema}.%I ENABLE ROW LEVEL SECURITY', partition_name);
            IF api_roles IS NOT NULL THEN
                EXECUTE format('REVOKE ALL ON {schema}.%I FROM %s', partition_name, api_roles);
            END IF;
            EXECUTE format('ALTER TABLE %s ATTACH PARTITION {schema}.%I FOR VALUES FROM (%L) TO (%L)', parent,
                           partition_name, month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
            RAISE NOTICE 'created {schema}.%', partition_name;
        END LOOP;
    END LOOP;
END
$ensure$"""
# A wait a daily job can afford to lose: the month is needed weeks later.
ENSURE_SQL_LOCK_TIMEOUT = "100ms"


def ensure_sql(ahead: int = DEFAULT_AHEAD) -> str:
    """`partitions ensure --ahead N` as SQL for pg_cron: the current month through N months later, every table."""
    if ahead < 0:
        raise PartitionError(f"--ahead must be 0 or more, not {ahead}")
    return ENSURE_SQL.format(
        lock_timeout=ENSURE_SQL_LOCK_TIMEOUT,
        roles=", ".join(f"'{role}'" for role in API_ROLES),
        ahead=ahead,
        schema=SCHEMA,
    )


def revoke_api_roles(connection: sa.Connection, qualified: str) -> None:
    """The API roles reach partitions through their parent only (whatever default privileges say)."""
    roles = connection.execute(
        sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(CAST(:roles AS text[])) ORDER BY rolname"),
        {"roles": list(API_ROLES)},
    ).scalars()
    names = ", ".join(quote(connection, role) for role in roles)
    if names:
        connection.exec_driver_sql(f"REVOKE ALL ON {qualified} FROM {names}")


# --- removing months ----------------------------------------------------------------------------------------

AGE = re.compile(
    r"^\s*(\d+)\s*(months?|mons?|mo|years?|y|weeks?|w|days?|d|hours?|h|minutes?|mins?|seconds?|s)\s*$", re.IGNORECASE
)
SECONDS = {"w": 7 * 86400, "d": 86400, "h": 3600, "min": 60, "s": 1}


@dataclass(frozen=True)
class Age:
    """How old a month must be to go: whole calendar months, or a fixed span."""

    months: int = 0
    seconds: float = 0.0

    @classmethod
    def parse(cls, text: str) -> "Age":
        match = AGE.match(text)
        if match is None:
            raise PartitionError(f"--older-than must be an age such as 6months, 180d, 26w or 1y, not {text!r}")
        count, unit = int(match.group(1)), match.group(2).lower()
        if unit.startswith("mo"):
            return cls(months=count)
        if unit.startswith("y"):
            return cls(months=12 * count)
        key = "min" if unit.startswith("min") else unit[0]
        return cls(seconds=count * SECONDS[key])

    def before(self, now: datetime.datetime) -> datetime.datetime:
        """The instant this age before `now` (a month back from March 31 is the last day of February)."""
        now = now.astimezone(UTC)
        if self.months:
            back = Month(now.year, now.month).plus(-self.months)
            last_day = (back.end - datetime.timedelta(days=1)).day
            return now.replace(year=back.year, month=back.month, day=min(now.day, last_day))
        return now - datetime.timedelta(seconds=self.seconds)


@dataclass(frozen=True)
class Removed:
    table: str
    month: Month
    name: str
    rows: int

    def describe(self, dry_run: bool = False) -> str:
        verb = "would remove" if dry_run else "removed"
        return f"{verb} {SCHEMA}.{self.name} ({self.table}, {self.month}): {self.rows:,} row{'s' * (self.rows != 1)}"


def drop_older_than(
    connection: sa.Connection,
    tables: Sequence[str],
    cutoff: datetime.datetime,
    *,
    dry_run: bool = False,
    retry: Retry = RETRY,
    detach_lock_timeout: str = DETACH_LOCK_TIMEOUT,
    log: Callable[[str], None] = lambda _line: None,
) -> list[Removed]:
    """Remove every whole month that ended at or before `cutoff`: detach it, then drop it. Never DELETEs rows.

    Also finishes what an interrupted run left: a half-detached month is finalized, a detached one dropped.
    """
    found = partitions(connection, tables)
    unattached = leftovers(connection, tables)
    doomed: list[tuple[str, bool, Month, str, bool]] = []  # table, not pending, month, name, attached
    for table in tables:
        for partition in found[table]:
            month = partition.month
            if month is not None and partition.schema == SCHEMA and month.end <= cutoff:
                doomed.append((table, not partition.detach_pending, month, partition.name, True))
        doomed += [(table, True, month, name, False) for month, name, _ in unattached[table] if month.end <= cutoff]
    # A table has at most one detach pending, and no other may start before it is finalized.
    doomed.sort()
    removed = []
    if dry_run:
        for table, _, month, name, _ in doomed:
            rows = count_rows(connection, name)
            removed.append(Removed(table, month, name, rows))
            log(removed[-1].describe(dry_run=True))
        connection.rollback()
        return removed
    connection.rollback()
    with autocommit(connection):
        for table, _, month, name, attached in doomed:
            if attached:
                detach(connection, table, name, retry, detach_lock_timeout)
            rows = count_rows(connection, name)
            drop_detached(connection, name, retry)
            removed.append(Removed(table, month, name, rows))
            log(removed[-1].describe())
    return removed


def count_rows(connection: sa.Connection, name: str) -> int:
    rows: int = connection.exec_driver_sql(f"SELECT count(*) FROM {SCHEMA}.{quote(connection, name)}").scalar_one()
    return rows


def detach(connection: sa.Connection, table: str, name: str, retry: Retry, lock_timeout: str) -> None:
    """DETACH ... CONCURRENTLY (outside any transaction: the connection is AUTOCOMMIT); FINALIZE a half-done one."""
    qualified = f"{SCHEMA}.{quote(connection, name)}"
    parent = f"public.{quote(connection, table)}"

    def attempt() -> bool:
        pending = connection.execute(
            sa.text("SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = to_regclass(:name)"),
            {"name": f"{SCHEMA}.{name}"},
        ).scalar()
        if pending is None:  # detached meanwhile, by another run
            return False
        how = "FINALIZE" if pending else "CONCURRENTLY"
        connection.exec_driver_sql(f"SET lock_timeout = '{lock_timeout.replace(chr(39), chr(39) * 2)}'")
        try:
            connection.exec_driver_sql(f"ALTER TABLE {parent} DETACH PARTITION {qualified} {how}")
        finally:
            connection.exec_driver_sql("RESET lock_timeout")
        return True

    try:
        with_retries(connection, attempt, retry, framed=False)
    except sa.exc.DBAPIError as exc:
        raise PartitionError(
            f"could not detach {qualified} from {table}: {first_line(exc)}; nothing was deleted,"
            " and running `partitions drop` again finishes it"
        ) from exc


def drop_detached(connection: sa.Connection, name: str, retry: Retry) -> None:
    """Drop a detached month: its foreign keys first, each in a short transaction, then the table."""
    qualified = f"{SCHEMA}.{quote(connection, name)}"
    keys = connection.execute(
        sa.text("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(:name) AND contype = 'f' ORDER BY 1"),
        {"name": f"{SCHEMA}.{name}"},
    ).scalars()
    statements = [f"ALTER TABLE {qualified} DROP CONSTRAINT IF EXISTS {quote(connection, key)}" for key in keys]
    lock_timeout = retry.lock_timeout.replace("'", "''")
    try:
        for statement in [*statements, f"DROP TABLE IF EXISTS {qualified}"]:

            def attempt(statement: str = statement) -> bool:
                connection.exec_driver_sql(f"BEGIN; SET LOCAL lock_timeout = '{lock_timeout}'; {statement}; COMMIT")
                return True

            with_retries(connection, attempt, retry)
    except sa.exc.DBAPIError as exc:
        raise PartitionError(
            f"{qualified} is detached but could not be dropped: {first_line(exc)}; running `partitions drop` again"
            " drops it"
        ) from exc


# --- shared -------------------------------------------------------------------------------------------------


def first_line(exc: sa.exc.DBAPIError) -> str:
    orig: Any = exc.orig
    return " ".join(str(orig).split("\n")[0].split())
