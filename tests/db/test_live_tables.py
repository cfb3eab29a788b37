"""A running HitlAI app still writes Phase-4 namesakes: `plan` shows which, and the upgrade refuses to set
them aside unless told to, online and in the offline SQL alike."""

import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
import sqlalchemy as sa

from hitlai_schema.cli.plan import make_plan, render
from hitlai_schema.runtime import chain, sql_files
from hitlai_schema.runtime.database import MigrationError
from tests.support.commands import hitlai_schema_cli
from tests.support.pg_catalog import read_table, table_names
from tests.support.phase4 import A_MINUTE_AGO, LEGACY_TABLES, build_phase4_database, insert_legacy_rows, legacy_rows
from tests.support.spec import BASELINE

LIVE = ["api_rate_limits", "click_events"]


@pytest.fixture
def phase4_in_use(engine, stamp) -> dict[str, list[dict]]:
    """A Phase-4 database at the baseline whose rate limiter and session recorder wrote a minute ago,
    the rest two days ago; returns its rows."""
    with engine.begin() as connection:
        build_phase4_database(connection)
        for table in LEGACY_TABLES:
            insert_legacy_rows(connection, table, **({"written_at": A_MINUTE_AGO} if table in LIVE else {}))
        rows = legacy_rows(connection, LEGACY_TABLES)
    stamp(BASELINE)
    return rows


def snapshot(engine: sa.Engine) -> dict:
    with engine.connect() as connection:
        return {
            "revision": chain.current_revision(connection),
            "tables": {name: read_table(connection, name) for name in table_names(connection)},
            "rows": legacy_rows(connection, LEGACY_TABLES),
        }


def raw_connection(engine: sa.Engine) -> psycopg.Connection:
    return psycopg.connect(engine.url.render_as_string(hide_password=False).replace("+psycopg", ""), autocommit=True)


def hitlai_schema(db_url: sa.URL, *args: str) -> subprocess.CompletedProcess[str]:
    return hitlai_schema_cli(*args, "--database-url", db_url.render_as_string(False))


def assert_names_both_live_tables(message: str) -> None:
    for table in LIVE:
        assert f"{table} (2 rows, last write " in message
    assert not any(f"{table} (" in message for table in LEGACY_TABLES if table not in LIVE)


def test_plan_marks_exactly_the_tables_written_within_the_window(phase4_in_use, engine, db_url):
    with engine.connect() as connection:
        now = connection.execute(sa.text("SELECT now()")).scalar_one()
        plan = make_plan(connection)
        connection.rollback()
    assert plan.current == BASELINE and plan.target == chain.head_revision()
    assert [script.revision for script in plan.pending] == [script.revision for script in chain.chain(BASELINE, "head")]
    assert sorted(table.namesake.table for table in plan.live) == LIVE
    for table in plan.tables:
        assert table.action == f"set aside as {table.namesake.table}_legacy"
        assert table.row_count == 2
        written = timedelta(minutes=1) if table.namesake.table in LIVE else timedelta(days=2)
        assert abs(now - table.last_write - written) < timedelta(seconds=30), table

    shown = hitlai_schema(db_url, "plan")
    assert shown.returncode == 1, shown.stderr  # the upgrade would refuse
    lines = shown.stdout.splitlines()
    assert f"current revision: {BASELINE}" in lines
    assert [line.split()[0] for line in lines if line.endswith("LIVE")] == LIVE
    assert any(
        line.split()[0] == "click_events" and "set aside as click_events_legacy; 2 rows, last write" in line
        for line in lines
    )


def test_upgrade_refuses_while_tables_are_live_and_changes_nothing(phase4_in_use, migrate, engine, db_url):
    before = snapshot(engine)
    refused = hitlai_schema(db_url, "upgrade")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("hitlai-schema: refusing to set aside") and refused.stderr.count("\n") == 1
    assert_names_both_live_tables(refused.stderr)
    assert "--allow-live-set-aside" in refused.stderr
    assert snapshot(engine) == before  # 20260117000001 did not run either

    # A range without the set-aside revisions needs no guard; from there the guard still stands.
    migrate("upgrade", "20260117000001")
    with pytest.raises(MigrationError):
        migrate("upgrade", "head")
    with engine.connect() as connection:
        assert chain.current_revision(connection) == "20260117000001"

    allowed = hitlai_schema(db_url, "upgrade", "--allow-live-set-aside")
    assert allowed.returncode == 0, allowed.stderr
    assert "setting aside live Phase-4 tables as allowed" in allowed.stderr
    with engine.connect() as connection:
        assert chain.current_revision(connection) == chain.head_revision()
        assert legacy_rows(connection, LEGACY_TABLES, suffix="_legacy") == phase4_in_use


def test_offline_sql_refuses_the_same_way_until_the_setting_is_added(phase4_in_use, run_alembic, engine):
    result = run_alembic("upgrade", f"{BASELINE}:head", "--sql")
    assert result.returncode == 0, result.stderr
    before = snapshot(engine)
    with raw_connection(engine) as raw, pytest.raises(psycopg.Error) as refused:
        for query in sql_files.queries(result.stdout):
            raw.execute(query)
    assert refused.value.diag.sqlstate == "HL001"
    assert_names_both_live_tables(refused.value.diag.message_primary)
    assert snapshot(engine) == before

    files = {file.revision: file.sql for file in sql_files.sql_files(BASELINE)}
    setting = "SET hitlai.allow_live_set_aside = on;"
    assert [revision for revision, sql in files.items() if setting in sql] == [
        "20260117000002",
        "20260117000003",
        "20261204213000",  # it partitions tables, with a guard of its own
    ]
    assert [revision for revision, sql in files.items() if "$live_guard$" in sql] == [
        "20260117000002",
        "20260117000003",
    ]

    with raw_connection(engine) as raw:
        for query in sql_files.queries(f"{setting}\n{result.stdout}"):
            raw.execute(query)
    with engine.connect() as connection:
        assert chain.current_revision(connection) == chain.head_revision()
        assert legacy_rows(connection, LEGACY_TABLES, suffix="_legacy") == phase4_in_use


def test_tables_written_long_ago_or_never_do_not_stop_the_upgrade(engine, stamp, migrate, alembic_config):
    with engine.begin() as connection:
        build_phase4_database(connection)
        for table in LEGACY_TABLES:
            if table != "form_interactions":
                insert_legacy_rows(connection, table)
    stamp(BASELINE)
    with engine.connect() as connection:
        with pytest.raises(MigrationError, match="interval such as 15min or 1h, not 'soon'"):
            make_plan(connection, window="soon")
        connection.rollback()
        plan = make_plan(connection, window="1h")
        connection.rollback()
    assert plan.live == []
    empty = next(table for table in plan.tables if table.namesake.table == "form_interactions")
    assert (empty.row_count, empty.last_write, empty.live) == (0, None, False)

    alembic_config.attributes["settings"] = {"live_window": "soon"}
    with pytest.raises(MigrationError, match="live_window must be an interval with a unit"):
        migrate("upgrade", "head")
    alembic_config.attributes["settings"] = {"live_window": "72h"}  # now the old rows are live
    with pytest.raises(MigrationError, match="refusing to set aside"):
        migrate("upgrade", "head")
    del alembic_config.attributes["settings"]
    migrate("upgrade", "head")
    with engine.connect() as connection:
        assert chain.current_revision(connection) == chain.head_revision()


def test_plan_lists_functions_and_views_that_will_break(engine, stamp):
    with engine.begin() as connection:
        build_phase4_database(connection)
        connection.execute(
            sa.text(
                """CREATE FUNCTION public.record_page_exit(p_session uuid, p_url text) RETURNS void
                   LANGUAGE plpgsql AS $$
                   BEGIN
                       UPDATE page_performance SET page_exited_at = now()
                       WHERE session_id = p_session AND page_url = p_url;
                   END $$"""
            )
        )
        connection.execute(sa.text("CREATE FUNCTION public.unrelated() RETURNS int LANGUAGE sql AS 'SELECT 1'"))
        connection.execute(sa.text("CREATE VIEW public.recent_clicks AS SELECT page_url, x, y FROM click_events"))
    with engine.connect() as connection:
        unstamped = make_plan(connection)
        connection.rollback()
    # Not stamped yet: the baseline would create the core tables again and fail, so plan says to stamp first.
    assert unstamped.unstamped == ["companies", "test_requests", "test_runs", "human_testers", "user_sessions"]
    assert f"alembic stamp {BASELINE}" in render(unstamped)[-1]
    stamp(BASELINE)
    with engine.connect() as connection:
        plan = make_plan(connection)
        connection.rollback()
    assert plan.unstamped == []
    assert [(obj.kind, obj.name, obj.table) for obj in plan.will_break] == [
        ("function", "record_page_exit(uuid,text)", "page_performance"),
        ("view", "recent_clicks", "click_events"),
    ]


def test_plan_never_blocks_a_writer(phase4_in_use, engine):
    """The session recorder keeps inserting Phase-4 rows while plan reads, and while plan's transaction is open."""
    stop = threading.Event()
    waits: list[float] = []

    def write_clicks() -> None:
        with raw_connection(engine) as writer:
            while not stop.is_set():
                started = time.monotonic()
                writer.execute(
                    "INSERT INTO click_events (session_id, page_url, timestamp, x, y, button, click_type, target_element)"
                    " SELECT session_id, page_url, now(), 1, 2, 'left', 'single', 'button' FROM click_events LIMIT 1"
                )
                waits.append(time.monotonic() - started)

    writer = threading.Thread(target=write_clicks)
    writer.start()
    try:
        with engine.connect() as connection:
            time.sleep(0.2)
            plan = make_plan(connection)
            pid = connection.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
            with engine.connect() as observer:
                locks = observer.execute(
                    sa.text("SELECT locktype, relation::regclass::text, mode FROM pg_locks WHERE pid = :pid"),
                    {"pid": pid},
                ).all()
            writes_before_hold = len(waits)
            time.sleep(1.0)  # plan's locks are still held: a conflicting one would stall the writer this long
            connection.rollback()
    finally:
        stop.set()
        writer.join()
    assert "click_events" in {table.namesake.table for table in plan.live}
    relation_locks = {(relation, mode) for locktype, relation, mode in locks if locktype == "relation"}
    assert ("click_events", "AccessShareLock") in relation_locks
    assert {mode for _, mode in relation_locks} == {"AccessShareLock"}
    assert "transactionid" not in {locktype for locktype, _, _ in locks}  # it wrote nothing
    assert len(waits) > writes_before_hold > 0
    assert max(waits) < 0.5, f"longest insert took {max(waits):.3f}s"


def test_plan_gives_up_rather_than_queue_behind_ddl(phase4_in_use, engine):
    with engine.connect() as ddl:
        ddl.execute(sa.text("LOCK TABLE click_events IN ACCESS EXCLUSIVE MODE"))
        with engine.connect() as connection, pytest.raises(MigrationError, match="locked by another session"):
            make_plan(connection)
        ddl.rollback()


def test_last_write_is_the_latest_write_time_never_an_end_of_window_or_a_client_clock(engine, stamp, db_url):
    with engine.begin() as connection:
        build_phase4_database(connection)
        # The rate limiter wrote at 13:04:47; its window ends an hour later, still before now.
        connection.execute(
            sa.text(
                "INSERT INTO api_rate_limits (user_id, endpoint, request_count, window_start, window_end, created_at, "
                "updated_at) VALUES (NULL, '/api/tests', 3, :written, :written + interval '1 hour', :written, :written)"
            ),
            {"written": datetime(2026, 11, 30, 13, 4, 47, tzinfo=UTC)},
        )
        # A click recorded two days ago whose browser clock said a minute ago.
        insert_legacy_rows(connection, "click_events", count=1)
        connection.execute(sa.text("UPDATE click_events SET timestamp = now() - interval '1 minute'"))
    stamp(BASELINE)
    with engine.connect() as connection:
        plan = make_plan(connection, window="72h")
        connection.rollback()
    last_writes = {table.namesake.table: table.last_write for table in plan.tables}
    assert last_writes["api_rate_limits"] == datetime(2026, 11, 30, 13, 4, 47, tzinfo=UTC)
    with engine.connect() as connection:
        written = connection.execute(sa.text("SELECT created_at FROM click_events")).scalar_one()
    assert last_writes["click_events"] == written
    shown = hitlai_schema(db_url, "plan", "--live-window", "1h")
    assert shown.returncode == 0, shown.stdout  # neither is live within an hour
    assert "last write 2026-11-30 13:04:47 UTC" in shown.stdout


# What HitlAI-style database functions do with the Phase-4 namesakes, each a different fate after the set-aside.
FUNCTIONS = {
    # Reads only: after the set-aside it counts the new, empty table and allows everything.
    "check_rate_limit(uuid,text,integer)": """
        CREATE FUNCTION public.check_rate_limit(p_user uuid, p_endpoint text, p_max integer) RETURNS boolean
        LANGUAGE plpgsql AS $$
        DECLARE
            used integer;
        BEGIN
            -- requests in the current window (the window_end column says when it closes)
            SELECT coalesce(sum(request_count), 0) INTO used FROM api_rate_limits
            WHERE user_id = p_user AND endpoint = p_endpoint AND window_end > now();
            RETURN used < p_max;
        END $$""",
    # Writes the Phase-4 columns only: Phase 5 requires max_requests and window_minutes.
    "record_request(uuid,text)": """
        CREATE FUNCTION public.record_request(p_user uuid, p_endpoint text) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO public.api_rate_limits (user_id, endpoint, request_count, window_start, window_end)
            VALUES (p_user, p_endpoint, 1, now(), now() + interval '1 hour');
        END $$""",
    # Its x and timestamps are its own variable and types, not click_events' gone x and timestamp columns.
    "count_clicks_since(timestamp with time zone)": """
        CREATE FUNCTION public.count_clicks_since(since timestamp with time zone) RETURNS integer
        LANGUAGE plpgsql AS $$
        DECLARE
            x integer;
            until timestamp with time zone := now()::timestamptz;
        BEGIN
            SELECT count(*) INTO x FROM click_events WHERE created_at >= since AND created_at <= until;
            RETURN x;
        END $$""",
    # Names columns the Phase-5 page_performance lacks.
    "record_page_exit(uuid,text)": """
        CREATE FUNCTION public.record_page_exit(p_session uuid, p_url text) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE page_performance SET page_exited_at = now() WHERE session_id = p_session AND page_url = p_url;
        END $$""",
}


def test_plan_says_what_each_function_will_do_and_it_does(engine, stamp, migrate, alembic_config):
    with engine.begin() as connection:
        build_phase4_database(connection)
        for table in LEGACY_TABLES:
            insert_legacy_rows(connection, table)
        for definition in FUNCTIONS.values():
            connection.execute(sa.text(definition))
        user, endpoint = connection.execute(sa.text("SELECT user_id, endpoint FROM api_rate_limits LIMIT 1")).one()
        connection.execute(sa.text("UPDATE api_rate_limits SET request_count = 5, window_end = now() + interval '1h'"))
        limited = sa.text("SELECT check_rate_limit(:u, :e, :max)")
        assert connection.execute(limited, {"u": user, "e": endpoint, "max": 3}).scalar() is False  # 5 of 3 used
        assert connection.execute(limited, {"u": user, "e": endpoint, "max": 10}).scalar() is True
        clicks = sa.text("SELECT count_clicks_since(now() - interval '3 days')")
        assert connection.execute(clicks).scalar() == 2
    stamp(BASELINE)
    with engine.connect() as connection:
        plan = make_plan(connection)
        connection.rollback()
    said = {obj.name: obj.consequence for obj in plan.will_break if obj.kind == "function"}
    assert said.keys() == FUNCTIONS.keys()
    assert said["check_rate_limit(uuid,text,integer)"].startswith("no error, a SILENTLY WRONG result")
    assert "the rate limiter allows every request" in said["check_rate_limit(uuid,text,integer)"]
    assert said["count_clicks_since(timestamp with time zone)"].startswith("no error, a SILENTLY WRONG result")
    assert said["record_request(uuid,text)"].startswith(
        'fails: null value in column "max_requests" violates not-null constraint (its INSERT INTO api_rate_limits '
        "leaves out max_requests, window_minutes"
    )
    assert said["record_page_exit(uuid,text)"] == (
        'fails: column "..." does not exist, for the first it reaches of page_exited_at, session_id, page_url: '
        "Phase-4 columns of page_performance that the Phase-5 table lacks"
    )

    # What they do once set aside is what plan said.
    alembic_config.attributes["settings"] = {"allow_live_set_aside": "true"}
    migrate("upgrade", "head")
    with engine.connect() as connection:
        assert connection.execute(limited, {"u": user, "e": endpoint, "max": 3}).scalar() is True  # counts none
        assert connection.execute(clicks).scalar() == 0
        with pytest.raises(sa.exc.IntegrityError, match='null value in column "max_requests"'):
            connection.execute(sa.text("SELECT record_request(:u, :e)"), {"u": user, "e": endpoint})
        connection.rollback()
        with pytest.raises(sa.exc.ProgrammingError, match='column "(page_exited_at|session_id|page_url)"'):
            connection.execute(sa.text("SELECT record_page_exit(gen_random_uuid(), 'https://example.com')"))
        connection.rollback()


def test_plan_at_head_says_there_is_nothing_to_do(migrate, db_url):
    migrate("upgrade", "head")
    shown = hitlai_schema(db_url, "plan")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[1:] == [
        f"current revision: {chain.head_revision()}",
        f"target revision: {chain.head_revision()} (head)",
        f"nothing to do: the database is at {chain.head_revision()} already",
    ]
