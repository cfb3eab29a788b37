"""Spec decision 8 on a real server: the 13 append-only tables partitioned by month, rows kept both ways.

One database holds events of many months (some two years old, some with no created_at) and is upgraded by
revision 20261204213000; the tests read it, and what they change (a downgrade included) is rolled back.
"""

import datetime
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from pytest_postgresql.janitor import DatabaseJanitor

from hitlai_schema.cli import verify_checks as verify
from hitlai_schema.cli.plan import make_plan, render
from hitlai_schema.runtime import chain, comparison, partition_drift, sql_files
from hitlai_schema.runtime.database import MigrationError
from tests.support import ROOT
from tests.support.databases import database_url, rolled_back
from tests.support.pg_catalog import read_table
from tests.support.spec import CATALOG, expected_table

REVISION = "20261204213000"
BEFORE = chain.script_directory().get_revision(REVISION).down_revision
PARTITIONED = CATALOG["partitioning"]["tables"]
SCHEMA = CATALOG["partitioning"]["schema"]
UTC = datetime.UTC

# Days before now of the events written: months apart, two years back at most, none within the live window.
EVENT_AGES = (1, 3, 40, 75, 200, 380, 730)


def alembic_config(connectable: sa.Engine | sa.Connection, **settings: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes.update(configure_logger=False, connection=connectable, settings=settings)
    return config


def write_events(connection: sa.Connection) -> None:
    """Events at EVENT_AGES in click_events, performance_metrics and api_call_logs, with a test run and a page
    to point at, and one row of each with no created_at at all."""
    run = connection.execute(
        sa.text("INSERT INTO test_runs (url, mission, persona, platform) VALUES ('u', 'm', 'p', 'web') RETURNING id")
    ).scalar_one()
    page = connection.execute(
        sa.text("INSERT INTO page_performance (url, entered_at) VALUES ('u', now()) RETURNING id")
    ).scalar_one()
    for position, age in enumerate([*EVENT_AGES, None]):
        created_at = "NULL" if age is None else f"now() - interval '{age} days'"
        connection.execute(
            sa.text(
                "INSERT INTO click_events (test_run_id, page_performance_id, element_tag, click_x, click_y, "
                f"timestamp_ms, created_at) VALUES (:run, :page, 'button', :x, 2, :ms, {created_at})"
            ),
            {"run": run, "page": page, "x": position, "ms": position * 1000},
        )
        connection.execute(
            sa.text(
                "INSERT INTO performance_metrics (metric_type, duration_ms, success, metadata, created_at) "
                f"VALUES ('api', :ms, true, '{{\"n\": 1}}', {created_at})"
            ),
            {"ms": position},
        )
        connection.execute(
            sa.text(
                "INSERT INTO api_call_logs (method, endpoint, path, response_status, duration_ms, ip_address, "
                f"created_at) VALUES ('GET', '/e', '/p', 200, :ms, '10.0.0.1', {created_at})"
            ),
            {"ms": position},
        )


def rows_of(connection: sa.Connection, table: str) -> dict[uuid.UUID, dict[str, Any]]:
    return {
        row["id"]: dict(row)
        for row in connection.execute(sa.text(f"SELECT * FROM {table}")).mappings()  # noqa: S608
    }


@pytest.fixture(scope="module")
def converted(postgresql_noproc) -> Iterator[tuple[sa.Engine, dict[str, Any]]]:
    """A database with events of many months, upgraded by REVISION; also what it held before, and when."""
    server = postgresql_noproc
    name = "hitlai_partitioned"
    with DatabaseJanitor(user=server.user, host=server.host, port=server.port, dbname=name, password=server.password):
        engine = sa.create_engine(
            database_url(server.host, server.port, server.user, server.password, name), poolclass=sa.pool.NullPool
        )
        command.upgrade(alembic_config(engine), BEFORE)
        with engine.begin() as connection:
            write_events(connection)
            # As an older Supabase project: whatever the migrating role creates, anywhere, goes to the API roles.
            connection.execute(sa.text("ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO anon, authenticated"))
            connection.execute(sa.text("ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO anon, authenticated"))
            before = {table: rows_of(connection, table) for table in PARTITIONED}
            started = connection.execute(sa.text("SELECT clock_timestamp()")).scalar_one()
        command.upgrade(alembic_config(engine), REVISION)
        with engine.connect() as connection:
            finished = connection.execute(sa.text("SELECT clock_timestamp()")).scalar_one()
        yield engine, {"rows": before, "started": started, "finished": finished}
        engine.dispose()


@pytest.fixture
def partitioned(converted) -> Iterator[sa.Connection]:
    """The converted database; what a test changes is rolled back."""
    with rolled_back(converted[0]) as connection:
        yield connection


def months_of(connection: sa.Connection, table: str) -> list[str]:
    return list(
        connection.execute(
            sa.text(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "WHERE i.inhparent = to_regclass(:table) AND c.relnamespace = to_regnamespace(:schema) ORDER BY 1"
            ),
            {"table": f"public.{table}", "schema": SCHEMA},
        ).scalars()
    )


def month_name(table: str, instant: datetime.datetime) -> str:
    return f"{table}_p{instant.astimezone(UTC):%Y%m}"


def test_every_row_is_kept_and_undated_rows_get_the_upgrade_time(converted, partitioned):
    before = converted[1]
    for table in PARTITIONED:
        after = rows_of(partitioned, table)
        assert after.keys() == before["rows"][table].keys(), table
        for row_id, row in before["rows"][table].items():
            if row["created_at"] is None:
                assert before["started"] <= after[row_id]["created_at"] <= before["finished"], table
                row = {**row, "created_at": after[row_id]["created_at"]}
            assert after[row_id] == row, table
    assert len(before["rows"]["click_events"]) == len(EVENT_AGES) + 1


def test_partitions_cover_each_month_with_rows_and_the_next_three(converted, partitioned):
    now = partitioned.execute(sa.text("SELECT now()")).scalar_one()
    ahead = [(now.astimezone(UTC).replace(day=1) + datetime.timedelta(days=32 * n)).replace(day=1) for n in range(4)]
    for table in PARTITIONED:
        dated = [row["created_at"] for row in converted[1]["rows"][table].values() if row["created_at"]]
        expected = {month_name(table, instant) for instant in [*dated, *ahead]}
        assert months_of(partitioned, table) == sorted(expected), table
    # Each row sits in its own UTC month.
    placed = partitioned.execute(
        sa.text(
            "SELECT tableoid::regclass::text AS part, to_char(created_at AT TIME ZONE 'UTC', 'YYYYMM') AS month "
            "FROM click_events"
        )
    ).all()
    assert all(row.part == f"{SCHEMA}.click_events_p{row.month}" for row in placed)


def test_a_row_for_a_month_without_partition_is_refused(partitioned):
    with pytest.raises(sa.exc.IntegrityError, match='no partition of relation "click_events" found for row'):
        partitioned.execute(
            sa.text(
                "INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms, created_at) "
                "VALUES ('a', 1, 2, 3, '2001-01-15 00:00:00+00')"
            )
        )


def test_the_catalog_equals_the_spec_after_converting_rows(partitioned):
    for table in PARTITIONED:
        assert read_table(partitioned, table) == expected_table(table), table


@pytest.mark.parametrize("role", ["anon", "authenticated"])
def test_the_api_roles_reach_nothing_through_the_partitions(partitioned, role):
    """The database's default privileges grant every new table and schema to anon and authenticated."""
    partition = months_of(partitioned, "click_events")[0]
    partitioned.execute(sa.text(f"SET LOCAL ROLE {role}"))
    for statement in (
        f"SELECT * FROM {SCHEMA}.{partition}",
        "SELECT * FROM click_events",
        "INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms) VALUES ('a', 1, 2, 3)",
    ):
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied"), partitioned.begin_nested():
            partitioned.execute(sa.text(statement))
    partitioned.execute(sa.text("RESET ROLE"))


def test_partitions_have_rls_on_and_grant_nothing_to_the_api_roles(partitioned):
    partitions = partition_drift.read_partitions(partitioned, PARTITIONED)
    assert len(partitions) == sum(len(months_of(partitioned, table)) for table in PARTITIONED) > 4 * 13
    assert all(state.row_level_security and not state.grants for state in partitions)
    schema_grants = partitioned.execute(
        sa.text(
            "SELECT count(*) FROM pg_namespace, aclexplode(nspacl) acl WHERE nspname = :schema "
            "AND acl.grantee IN (SELECT oid FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role'))"
        ),
        {"schema": SCHEMA},
    ).scalar_one()
    assert schema_grants == 0


def test_service_role_writes_through_the_parent_only(partitioned):
    partition = months_of(partitioned, "click_events")[-1]
    partitioned.execute(sa.text("SET LOCAL ROLE service_role"))
    partitioned.execute(
        sa.text("INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms) VALUES ('s', 1, 2, 3)")
    )
    with pytest.raises(sa.exc.ProgrammingError, match="permission denied"), partitioned.begin_nested():
        partitioned.execute(sa.text(f"SELECT * FROM {SCHEMA}.{partition}"))
    partitioned.execute(sa.text("RESET ROLE"))


def test_alembic_check_is_clean_with_partitions_present(partitioned):
    result = comparison.compare(partitioned)
    assert result.in_sync, result.detail


def test_alembic_check_reports_a_partition_reachable_by_the_api(partitioned):
    first, second = months_of(partitioned, "api_call_logs")[:2]
    partitioned.execute(sa.text(f"GRANT SELECT ON {SCHEMA}.{first} TO anon"))
    partitioned.execute(sa.text(f"ALTER TABLE {SCHEMA}.{second} DISABLE ROW LEVEL SECURITY"))
    result = comparison.compare(partitioned)
    assert not result.in_sync
    assert sorted(map(comparison.brief, result.differences)) == [
        f"enable_rls {SCHEMA}.{second} row level security",
        f"remove_privilege {SCHEMA}.{first} anon: SELECT",
    ]


def test_verify_reports_each_tables_months_and_warns_with_fewer_than_two_ahead(converted, partitioned):
    rows = {row.check: row for row in verify.check_partitions(partitioned)}
    assert sorted(rows) == sorted(f"partitions {table}" for table in PARTITIONED)
    click = rows["partitions click_events"]
    months = months_of(partitioned, "click_events")
    assert click.status == verify.OK
    assert click.detail == (
        f"{len(months)} months, {months[0][-6:-2]}-{months[0][-2:]} to {months[-1][-6:-2]}-{months[-1][-2:]}, "
        "3 months ahead"
    )
    for partition in months[-2:]:
        partitioned.execute(sa.text(f"DROP TABLE {SCHEMA}.{partition}"))
    click = {row.check: row for row in verify.check_partitions(partitioned)}["partitions click_events"]
    assert click.status == verify.WARN
    assert "1 month ahead" in click.detail and "partitions ensure" in click.detail


def test_downgrade_restores_plain_tables_with_every_row(converted, partitioned):
    """No --allow-data-loss needed: the rows move back, none is lost."""
    command.downgrade(alembic_config(partitioned), BEFORE)
    assert chain.current_revision(partitioned) == BEFORE
    for table in PARTITIONED:
        plain = expected_table(table)
        del plain["partition_by"]
        plain["primary_key"] = ["id"]
        plain["columns"] = [
            {**column, "nullable": True} if column["name"] == "created_at" else column for column in plain["columns"]
        ]
        assert read_table(partitioned, table) == plain, table
        before = converted[1]["rows"][table]
        after = rows_of(partitioned, table)
        assert after.keys() == before.keys()
        assert all(after[key] == {**row, "created_at": after[key]["created_at"]} for key, row in before.items())
        assert all(after[key]["created_at"] == row["created_at"] for key, row in before.items() if row["created_at"])
    assert partitioned.execute(sa.text("SELECT to_regnamespace(:s)"), {"s": SCHEMA}).scalar() is None
    # The models are partitioned, the tables no longer: `alembic check` must say so.
    kinds = {op.table: op.describe() for op in partition_drift.compare_partition_keys(partitioned, PARTITIONED)}
    assert kinds == dict.fromkeys(PARTITIONED, "not partitioned -> RANGE (created_at)")


def test_a_live_table_is_not_converted_unless_allowed(engine):
    command.upgrade(alembic_config(engine), BEFORE)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO api_call_logs (method, endpoint, path, response_status, duration_ms) "
                "VALUES ('GET', '/e', '/p', 200, 5)"
            )
        )
    with pytest.raises(
        MigrationError,
        match=r"refusing to partition tables written within the last 00:15:00: .*"
        r"api_call_logs \(1 rows, last write .*; nothing was changed",
    ) as refused:
        command.upgrade(alembic_config(engine), REVISION)
    assert "allow_live_set_aside" in str(refused.value)
    with engine.connect() as connection:
        plan = make_plan(connection)
        connection.rollback()
    assert [table.conversion.table for table in plan.live_conversions] == ["api_call_logs"]
    assert "upgrade will refuse: api_call_logs still written; pause their writers" in "\n".join(render(plan))
    with engine.connect() as connection:
        assert chain.current_revision(connection) == BEFORE
        assert (
            connection.execute(sa.text("SELECT relkind FROM pg_class WHERE oid = 'api_call_logs'::regclass")).scalar()
            == "r"
        )

    relkind = sa.text("SELECT relkind FROM pg_class WHERE oid = 'api_call_logs'::regclass")
    # Allowed, online (in a transaction of the test's, undone) ...
    with rolled_back(engine) as connection:
        command.upgrade(alembic_config(connection, allow_live_set_aside="true"), REVISION)
        assert connection.execute(relkind).scalar() == "p"
        assert connection.execute(sa.text("SELECT count(*) FROM api_call_logs")).scalar() == 1

    # ... and offline: the file refuses the same way until `SET hitlai.allow_live_set_aside = on` goes first.
    (sql,) = [file.sql for file in sql_files.sql_files(after=BEFORE, upto=REVISION)]
    raw_url = engine.url.render_as_string(hide_password=False).replace("+psycopg", "")
    with psycopg.connect(raw_url, autocommit=True) as raw:
        with pytest.raises(psycopg.Error, match="refusing to partition tables") as refused:
            for query in sql_files.queries(sql):
                raw.execute(query)
        assert refused.value.diag.sqlstate == "HL001"
        raw.execute("ROLLBACK")
        for query in sql_files.queries(f"SET hitlai.allow_live_set_aside = on;\n{sql}"):
            raw.execute(query)
    with engine.connect() as connection:
        assert chain.current_revision(connection) == REVISION
        assert connection.execute(relkind).scalar() == "p"
        assert connection.execute(sa.text("SELECT count(*) FROM api_call_logs")).scalar() == 1
