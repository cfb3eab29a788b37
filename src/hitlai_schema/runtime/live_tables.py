"""Phase-4 namesakes a running HitlAI app may still write, as the database shows them.

Revisions that set aside Phase-4 tables declare, as module constants, `PHASE4_COLUMNS` and
`PHASE5_COLUMNS` (table -> column names): the layouts they tell apart. `hitlai-schema plan` and the
guard that runs ahead of such revisions read those same constants and recognise a layout with the
same SQL (`migration_utils.missing_columns_sql`), so what they report is what the revision will do.

A namesake is live when its layout is Phase-4 and the latest value of any of its write-time columns
(see WRITE_TIME_COLUMNS) falls within the live window: some writer still uses the Phase-4 layout, and would fail (or, catching
the error, silently lose its data) once the table is set aside.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alembic.script import Script

from hitlai_schema.runtime.legacy_tables import LEGACY_SUFFIX, missing_columns_sql

DEFAULT_LIVE_WINDOW = "15min"

# Custom settings ("GUCs") the guard reads, so that plain SQL (psql, Supabase's SQL editor) can set them too.
ALLOW_SETTING = "hitlai.allow_live_set_aside"
WINDOW_SETTING = "hitlai.live_window"

# The SQLSTATE of the guard's refusals, by which env.py tells them from other errors.
REFUSAL_SQLSTATE = "HL001"

RUNBOOK = "README, Upgrading a running HitlAI app"

# Columns that hold the time of a write: by name, or by a default that is the time of the insert. Other
# timestamps are times of something else, some in the future (api_rate_limits.window_end is the end of
# the window, an hour after the write), some sent by a client (click_events.timestamp).
WRITE_TIME_COLUMNS = ("created_at", "updated_at")
WRITE_TIME_DEFAULTS = (
    "now()",
    "CURRENT_TIMESTAMP",
    "transaction_timestamp()",
    "statement_timestamp()",
    "clock_timestamp()",
    "timezone('utc'::text, now())",
)


@dataclass(frozen=True)
class Namesake:
    """A table that `revision` sets aside when it has the Phase-4 layout."""

    table: str
    revision: str
    phase5_columns: tuple[str, ...]
    phase4_columns: tuple[str, ...]

    @property
    def legacy(self) -> str:
        return self.table + LEGACY_SUFFIX


@dataclass(frozen=True)
class Conversion:
    """A plain table that `revision` rebuilds partitioned, copying its rows (20261204213000): while it does, the
    table is locked, so its writers wait for the whole copy, and time out or pile up."""

    table: str
    revision: str


def conversions(scripts: Iterable[Script]) -> list[Conversion]:
    """The tables these revisions partition (their `PARTITIONED_TABLES`), in the order the revisions run.

    A table that an earlier one of them sets aside is left out: what gets partitioned is the new, empty
    table that replaces it, and the namesake guard already covers the one written today.
    """
    found, set_aside = [], set()
    for script in scripts:
        found += [
            Conversion(table, script.revision)
            for table in getattr(script.module, "PARTITIONED_TABLES", ())
            if table not in set_aside
        ]
        set_aside |= set(getattr(script.module, "PHASE4_COLUMNS", {}))
    return found


def namesakes(scripts: Iterable[Script]) -> list[Namesake]:
    """The namesakes these revisions set aside, in the order the revisions run."""
    found = []
    for script in scripts:
        phase4: dict[str, Sequence[str]] = getattr(script.module, "PHASE4_COLUMNS", {})
        phase5: dict[str, Sequence[str]] = getattr(script.module, "PHASE5_COLUMNS", {})
        found += [Namesake(table, script.revision, tuple(phase5[table]), tuple(phase4[table])) for table in phase4]
    return found


def survey_sql(tables: Sequence[Namesake]) -> str:
    """A query with one row per namesake: table_name, layout, measure.

    layout is absent, phase5, phase4, neither, or legacy_taken (Phase-4, but <name>_legacy exists:
    the set-aside refuses). measure is a query of the table giving row_count and last_write (the
    latest past value of its write-time columns), or NULL if there is no such table.
    """
    return "\nUNION ALL\n".join(
        f"""SELECT '{namesake.table}'::text AS table_name,
       CASE WHEN to_regclass('public.{namesake.table}') IS NULL THEN 'absent'
            WHEN cardinality({missing_columns_sql(namesake.table, namesake.phase5_columns)}) = 0 THEN 'phase5'
            WHEN cardinality({missing_columns_sql(namesake.table, namesake.phase4_columns)}) > 0 THEN 'neither'
            WHEN to_regclass('public.{namesake.legacy}') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      '{namesake.table}')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.{namesake.table}') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ({", ".join(map(_literal, WRITE_TIME_COLUMNS))})
               OR pg_get_expr(adbin, adrelid) IN ({", ".join(map(_literal, WRITE_TIME_DEFAULTS))}))
        HAVING to_regclass('public.{namesake.table}') IS NOT NULL) AS measure"""
        for namesake in tables
    )


def override_hint() -> str:
    return (
        f"move each writer to the Phase-5 layout or to <table>{LEGACY_SUFFIX} first ({RUNBOOK}; "
        "`hitlai-schema plan` shows what is live); to set them aside anyway: "
        "`hitlai-schema upgrade --allow-live-set-aside`, `alembic -x allow_live_set_aside=true`, "
        f"HITLAI_ALLOW_LIVE_SET_ASIDE=true, or in SQL `SET {ALLOW_SETTING} = on;` before the file"
    )


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def guard_sql(
    tables: Sequence[Namesake], *, conversions: Sequence[Conversion] = (), allow: str = "", window: str = ""
) -> list[str]:
    """Statements that stop the transaction if any of these tables has the Phase-4 layout and is live, or any of
    the conversions' tables is still plain and live.

    The same statements run online (env.py) and go into the offline SQL. `allow` and `window` are set
    only when given, so that otherwise a `SET hitlai...` of the session running the SQL decides.
    """
    statements = [
        f"SET LOCAL {name} = {_literal(value)}"
        for name, value in ((ALLOW_SETTING, allow), (WINDOW_SETTING, window))
        if value
    ]
    if tables:
        statements.append(namesake_guard_sql(tables))
    if conversions:
        statements.append(conversion_guard_sql(conversions))
    return statements


def _settings_block() -> str:
    """PL/pgSQL that reads the two settings into `allowed` and `live_window`, refusing malformed ones."""
    return f"""    BEGIN
        allowed := coalesce(nullif(current_setting('{ALLOW_SETTING}', true), ''), 'off')::boolean;
        live_window := coalesce(nullif(current_setting('{WINDOW_SETTING}', true), ''), '{DEFAULT_LIVE_WINDOW}')::interval;
    EXCEPTION WHEN data_exception THEN
        RAISE EXCEPTION '{ALLOW_SETTING} must be on or off and {WINDOW_SETTING} an interval such as 15min: %', SQLERRM
            USING ERRCODE = '{REFUSAL_SQLSTATE}';
    END;"""


def conversion_guard_sql(tables: Sequence[Conversion]) -> str:
    """A DO block that stops the transaction if a table about to be partitioned is plain and was written within
    the live window (its last write measured as for a namesake), unless allowed."""
    names = "ARRAY[" + ", ".join(_literal(conversion.table) for conversion in tables) + "]::text[]"
    return f"""DO $live_partition_guard$
DECLARE
    allowed boolean;
    live_window interval;
    candidate record;
    row_count bigint;
    last_write timestamptz;
    live text[] := ARRAY[]::text[];
BEGIN
{_settings_block()}
    FOR candidate IN
        SELECT plain.table_name,
               (SELECT format('SELECT count(*), greatest(%s)::timestamptz FROM public.%I',
                              string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                         ORDER BY attnum), plain.table_name)
                FROM pg_attribute
                WHERE attrelid = to_regclass('public.' || plain.table_name) AND attnum > 0 AND NOT attisdropped
                  AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)) AS measure
        FROM unnest({names}) AS plain(table_name)
        WHERE (SELECT relkind FROM pg_class WHERE oid = to_regclass('public.' || plain.table_name)) = 'r'
    LOOP
        CONTINUE WHEN candidate.measure IS NULL;
        EXECUTE candidate.measure INTO row_count, last_write;
        IF last_write >= now() - live_window THEN
            live := live || format('%s (%s rows, last write %s UTC, %s ago)', candidate.table_name, row_count,
                                   to_char(last_write AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                                   date_trunc('second', now() - last_write));
        END IF;
    END LOOP;
    IF cardinality(live) = 0 THEN
        RETURN;
    END IF;
    IF NOT allowed THEN
        RAISE EXCEPTION 'refusing to partition tables written within the last %: each is locked while its rows are '
            'copied, and its writers would wait or fail: %; nothing was changed', live_window, array_to_string(live, ', ')
            USING ERRCODE = '{REFUSAL_SQLSTATE}', HINT = {_literal(conversion_override_hint())};
    END IF;
    RAISE NOTICE 'partitioning live tables as allowed by {ALLOW_SETTING}: %', array_to_string(live, ', ');
END
$live_partition_guard$"""


def conversion_override_hint() -> str:
    return (
        "pause their writers during the upgrade (`hitlai-schema plan` shows what is live); to convert them anyway: "
        "`hitlai-schema upgrade --allow-live-set-aside`, `alembic -x allow_live_set_aside=true`, "
        f"HITLAI_ALLOW_LIVE_SET_ASIDE=true, or in SQL `SET {ALLOW_SETTING} = on;` before the file"
    )


def namesake_guard_sql(tables: Sequence[Namesake]) -> str:
    """A DO block that stops the transaction if any of these tables has the Phase-4 layout and is live."""
    return f"""DO $live_guard$
DECLARE
    allowed boolean;
    live_window interval;
    namesake record;
    row_count bigint;
    last_write timestamptz;
    live text[] := ARRAY[]::text[];
BEGIN
{_settings_block()}
    FOR namesake IN
{survey_sql(tables)}
    LOOP
        CONTINUE WHEN namesake.layout <> 'phase4';
        EXECUTE namesake.measure INTO row_count, last_write;
        IF last_write >= now() - live_window THEN
            live := live || format('%s (%s rows, last write %s UTC, %s ago)', namesake.table_name, row_count,
                                   to_char(last_write AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                                   date_trunc('second', now() - last_write));
        END IF;
    END LOOP;
    IF cardinality(live) = 0 THEN
        RETURN;
    END IF;
    IF NOT allowed THEN
        RAISE EXCEPTION 'refusing to set aside Phase-4 tables written within the last %, whose writers would fail: %; '
            'nothing was changed', live_window, array_to_string(live, ', ')
            USING ERRCODE = '{REFUSAL_SQLSTATE}', HINT = {_literal(override_hint())};
    END IF;
    RAISE NOTICE 'setting aside live Phase-4 tables as allowed by {ALLOW_SETTING}: %', array_to_string(live, ', ');
END
$live_guard$"""


def offline_header(tables: Sequence[Namesake], conversions: Sequence[Conversion] = ()) -> str:
    """What an SQL file that sets aside or partitions these tables says about its guard, as SQL comments."""
    if conversions:
        return (
            f"-- It partitions {len(conversions)} tables by month, copying their rows, and refuses if one was written\n"
            f"-- within the last {DEFAULT_LIVE_WINDOW}: its writers would wait on its lock for the whole copy. Pause them;\n"
            f"-- to convert anyway, add before it: SET {ALLOW_SETTING} = on;\n"
            f"-- For another window: SET {WINDOW_SETTING} = '1h';\n"
        )
    if not tables:
        return ""
    return (
        f"-- It sets aside Phase-4 tables ({', '.join(namesake.table for namesake in tables)}) as <name>{LEGACY_SUFFIX}, and\n"
        f"-- refuses if one was written within the last {DEFAULT_LIVE_WINDOW}: its writer would fail ({RUNBOOK}).\n"
        f"-- To set them aside anyway, add before it: SET {ALLOW_SETTING} = on;\n"
        f"-- For another window: SET {WINDOW_SETTING} = '1h';\n"
    )
