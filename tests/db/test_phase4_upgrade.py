"""Upgrading a real Phase-4 database: its 9 stale namesakes are set aside with every row, and the result is
the same schema an empty database gets."""

import logging

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command

from hitlai_schema import PagePerformance
from hitlai_schema.runtime import chain, sql_files
from hitlai_schema.runtime.database import MigrationError
from tests.support.commands import hitlai_schema_cli
from tests.support.pg_catalog import read_table, table_names
from tests.support.phase4 import LEGACY_TABLES, build_phase4_database, create_table_sql, insert_legacy_rows, legacy_rows
from tests.support.rows import insert_parent
from tests.support.spec import BASELINE, CATALOG, CORE_TABLES, PHASE5_TABLES


@pytest.fixture
def phase4(engine) -> dict[str, list[dict]]:
    """A Phase-4 database with rows in every legacy table, stamped at the baseline; returns those rows."""
    with engine.begin() as connection:
        build_phase4_database(connection)
        for table in LEGACY_TABLES:
            insert_legacy_rows(connection, table)
        rows = legacy_rows(connection, LEGACY_TABLES)
        assert all(len(table_rows) == 2 for table_rows in rows.values())
    return rows


def legacy_catalog(connection: sa.Connection, suffix: str = "") -> dict[str, dict]:
    return {table: read_table(connection, table + suffix) for table in LEGACY_TABLES}


def owned_catalog(connection: sa.Connection) -> dict[str, dict]:
    return {table: read_table(connection, table) for table in CORE_TABLES + PHASE5_TABLES}


def assert_converged(connection: sa.Connection, head: sa.Connection, phase4_rows: dict[str, list[dict]]) -> None:
    """Every legacy row is in <name>_legacy unchanged, and our tables are exactly an empty database's."""
    assert legacy_rows(connection, LEGACY_TABLES, suffix="_legacy") == phase4_rows
    assert owned_catalog(connection) == owned_catalog(head)


def test_upgrade_sets_aside_legacy_tables_and_converges(phase4, stamp, migrate, engine, head, alembic_config, caplog):
    with engine.connect() as connection:
        phase4_catalog = legacy_catalog(connection)
    stamp(BASELINE)
    with caplog.at_level(logging.INFO, logger="alembic.env"):
        migrate("upgrade", "head")
    assert sorted(r.getMessage() for r in caplog.records if r.getMessage().startswith("set aside")) == sorted(
        f"set aside Phase-4 table {table} as {table}_legacy (2 rows kept)" for table in LEGACY_TABLES
    )
    with engine.connect() as connection:
        assert_converged(connection, head, phase4)
        set_aside = read_table(connection, "page_performance_legacy")
        assert {c["name"] for c in set_aside["foreign_keys"]} == {"page_performance_session_id_fkey_legacy"}
        assert {i["name"] for i in set_aside["indexes"]} == {
            "idx_page_performance_session_legacy",
            "idx_page_performance_url_legacy",
        }
    command.check(alembic_config)

    migrate("downgrade", BASELINE)
    with engine.connect() as connection:
        assert legacy_catalog(connection) == phase4_catalog
        assert legacy_rows(connection, LEGACY_TABLES) == phase4
        assert not {name for name in table_names(connection) if name.endswith("_legacy")}


def test_offline_script_converts_a_phase4_database_the_same_way(phase4, stamp, engine, head, run_alembic):
    stamp(BASELINE)
    result = run_alembic("upgrade", f"{BASELINE}:head", "--sql")
    assert result.returncode == 0, result.stderr
    script = result.stdout
    notices = []
    with psycopg.connect(
        engine.url.render_as_string(hide_password=False).replace("+psycopg", ""), autocommit=True
    ) as raw:
        raw.add_notice_handler(lambda diagnostic: notices.append(diagnostic.message_primary))
        for query in sql_files.queries(script):
            raw.execute(query)
    with engine.connect() as connection:
        assert_converged(connection, head, phase4)
    assert sorted(n for n in notices if n.startswith("set aside")) == sorted(
        f"set aside Phase-4 table {table} as {table}_legacy (2 rows kept)" for table in LEGACY_TABLES
    )


def test_a_table_already_in_the_phase5_layout_is_left_alone(stamp, migrate, engine, head):
    with engine.begin() as connection:
        build_phase4_database(connection)
        connection.execute(sa.text("DROP TABLE page_performance CASCADE"))
        # As if someone had run the Phase-5 SQL by hand for this one table.
        for statement in create_table_sql("page_performance", CATALOG["tables"]["page_performance"]):
            connection.execute(sa.text(statement))
        connection.execute(sa.insert(PagePerformance).values(url="https://example.com/kept", entered_at=sa.func.now()))
    stamp(BASELINE)
    migrate("upgrade", "head")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT url FROM page_performance")).scalars().all() == [
            "https://example.com/kept"
        ]
        assert connection.execute(sa.text("SELECT to_regclass('page_performance_legacy')")).scalar() is None
        assert read_table(connection, "page_performance") == read_table(head, "page_performance")


def test_a_table_in_neither_layout_stops_the_migration_and_changes_nothing(stamp, migrate, engine):
    with engine.begin() as connection:
        build_phase4_database(connection)
        connection.execute(sa.text("DROP TABLE page_performance CASCADE"))
        connection.execute(sa.text("CREATE TABLE page_performance (id uuid PRIMARY KEY, homegrown text)"))
        connection.execute(sa.text("INSERT INTO page_performance VALUES (gen_random_uuid(), 'mine')"))
    stamp(BASELINE)
    migrate("upgrade", "20260117000002")
    with engine.connect() as connection:
        before = {name: read_table(connection, name) for name in table_names(connection)}

    with pytest.raises(MigrationError) as failed:
        migrate("upgrade", "head")
    message = str(failed.value)
    assert "table page_performance has neither the Phase-4 nor the Phase-5 layout" in message
    assert "user_session_id" in message and "session_id" in message

    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == "20260117000002"
        assert {name: read_table(connection, name) for name in table_names(connection)} == before
        assert connection.execute(sa.text("SELECT homegrown FROM page_performance")).scalars().all() == ["mine"]


def test_an_unstamped_phase4_database_is_told_to_stamp_before_anything_runs(phase4, engine, db_url, run_alembic):
    with engine.connect() as connection:
        before = {name: read_table(connection, name) for name in table_names(connection)}
    url = db_url.render_as_string(hide_password=False)
    expected = (
        "nothing was changed: the database has the Phase 1-4 tables (companies, test_requests, test_runs, "
        "human_testers, user_sessions) but no alembic_version, so the baseline would create them again; stamp it at "
        f"the Phase-4 baseline first: `hitlai-schema stamp {BASELINE}` (in a checkout also `alembic stamp {BASELINE}`)"
        ", then upgrade"
    )
    for refused in (hitlai_schema_cli("upgrade", "--database-url", url), run_alembic("upgrade", "head")):
        assert refused.returncode == 1
        assert "Traceback" not in refused.stderr and refused.stdout == ""
        assert refused.stderr.splitlines()[-1] == f"hitlai-schema: {expected}", refused.stderr
        with engine.connect() as connection:
            assert {name: read_table(connection, name) for name in table_names(connection)} == before

    stamped = hitlai_schema_cli("stamp", BASELINE, "--database-url", url)
    assert stamped.returncode == 0, stamped.stderr
    assert stamped.stdout.splitlines()[0] == f"database is recorded at revision {BASELINE}; nothing else was changed"
    upgraded = hitlai_schema_cli("upgrade", "--database-url", url)
    assert upgraded.returncode == 0, upgraded.stderr
    with engine.connect() as connection:
        assert chain.current_revision(connection) == chain.head_revision()
        assert legacy_rows(connection, LEGACY_TABLES, suffix="_legacy") == phase4


RECORDER_INSERT = (
    "INSERT INTO {table} (session_id, page_url, timestamp, x, y, button, click_type, target_element) "
    "VALUES (:session, 'https://example.com/', now(), 1, 2, 'left', 'single', 'button')"
)


def test_a_set_aside_table_keeps_its_phase4_grants_rls_and_policies_and_the_phase5_one_is_service_role_only(
    engine, stamp, migrate
):
    with engine.begin() as connection:
        build_phase4_database(connection)
        # As a Phase-4 project may have let the browser's session recorder write clicks, and nothing else.
        connection.execute(sa.text("GRANT SELECT, INSERT ON click_events TO authenticated"))
        connection.execute(sa.text("ALTER TABLE click_events ENABLE ROW LEVEL SECURITY"))
        connection.execute(
            sa.text("CREATE POLICY recorder_insert ON click_events FOR INSERT TO authenticated WITH CHECK (true)")
        )
        session = insert_parent(connection, "user_sessions")
    stamp(BASELINE)
    migrate("upgrade", "head")

    def facts(table: str) -> tuple:
        return connection.execute(
            sa.text(
                "SELECT relrowsecurity, ARRAY(SELECT polname::text FROM pg_policy WHERE polrelid = c.oid), "
                "has_table_privilege('authenticated', c.oid, 'INSERT'), has_table_privilege('anon', c.oid, 'INSERT'), "
                "has_table_privilege('service_role', c.oid, 'INSERT') FROM pg_class c WHERE c.oid = to_regclass(:t)"
            ),
            {"t": table},
        ).one()

    with engine.connect() as connection:
        assert facts("click_events_legacy") == (True, ["recorder_insert"], True, False, False)
        assert facts("page_performance_legacy") == (False, [], False, False, False)
        assert facts("click_events") == (True, [], False, False, True)
        connection.execute(sa.text("SET ROLE authenticated"))
        connection.execute(sa.text(RECORDER_INSERT.format(table="click_events_legacy")), {"session": session})
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied for table click_events"):
            connection.execute(
                sa.text("INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms) VALUES ('a', 1, 2, 3)")
            )
        connection.rollback()
        connection.execute(sa.text("SET ROLE authenticated"))
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied for table page_performance_legacy"):
            connection.execute(
                sa.text(
                    "INSERT INTO page_performance_legacy (session_id, page_url, page_entered_at) "
                    "VALUES (:session, 'https://example.com/', now())"
                ),
                {"session": session},
            )
        connection.rollback()
