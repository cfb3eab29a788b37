"""What operators hit first (issues 20 and 21): settings, URLs and revisions refused in one line before anything
runs, passwords never printed, read-only commands that start nothing, and output a user can read."""

import subprocess
import sys

import pytest
import sqlalchemy as sa

from tests.support import ROOT
from tests.support.commands import assert_one_line_error, hitlai_schema_cli, hitlai_schema_in_process
from tests.support.pg_catalog import table_names
from tests.support.spec import HEAD


def url_text(url: sa.URL) -> str:
    return url.render_as_string(hide_password=False)


def alembic(*args: str, cwd=ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    environment = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "alembic", *args], cwd=cwd, env={**environment, **env}, capture_output=True, text=True
    )


@pytest.mark.parametrize("command", [["upgrade"], ["status"], ["verify"], ["plan"], ["downgrade", "base"]])
def test_a_blank_database_url_is_refused_never_the_embedded_default(capsys, tmp_path, command):
    for blank in ("", "   "):
        result = hitlai_schema_in_process(capsys, *command, cwd=tmp_path, DATABASE_URL=blank)
        assert_one_line_error(result, "DATABASE_URL is set but empty")
        result = hitlai_schema_in_process(capsys, *command, "--database-url", blank, cwd=tmp_path)
        assert_one_line_error(result, "--database-url is set but empty")
    assert not (tmp_path / ".pgdata").exists()


def test_alembic_with_a_blank_database_url_fails(tmp_path):
    result = alembic("upgrade", "head", DATABASE_URL="", HITLAI_PGDATA=str(tmp_path / "pgdata"))
    assert result.returncode != 0
    assert "DATABASE_URL is set but empty" in result.stderr
    assert not (tmp_path / "pgdata").exists()


@pytest.mark.parametrize("command", [["status"], ["verify"], ["plan"]])
def test_read_only_commands_never_create_or_start_an_embedded_database(tmp_path, command):
    result = hitlai_schema_cli(*command, cwd=tmp_path, HITLAI_PGDATA="")
    assert_one_line_error(result, "does not exist", "hitlai-schema upgrade")
    assert not (tmp_path / ".pgdata").exists()


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"HITLAI_LOCK_TIMEOUT": "abc"}, "HITLAI_LOCK_TIMEOUT must be a duration with a unit"),
        ({"HITLAI_STATEMENT_TIMEOUT": "5"}, "HITLAI_STATEMENT_TIMEOUT must be a duration with a unit"),
        ({"HITLAI_STEP_ATTEMPTS": "-3"}, "HITLAI_STEP_ATTEMPTS must be a whole number of at least 1"),
        ({"HITLAI_STEP_ATTEMPTS": "0"}, "HITLAI_STEP_ATTEMPTS must be a whole number of at least 1"),
        ({"HITLAI_ALLOW_DATA_LOSS": "maybe"}, "HITLAI_ALLOW_DATA_LOSS must be true or false"),
        ({"HITLAI_VERBOSE": "loud"}, "HITLAI_VERBOSE must be true or false"),
    ],
)
def test_a_bad_setting_stops_every_command_before_anything_runs(capsys, db_url, engine, tmp_path, env, named):
    for command in (["upgrade"], ["downgrade", "base"]):
        result = hitlai_schema_in_process(capsys, *command, "--database-url", url_text(db_url), cwd=tmp_path, **env)
        assert_one_line_error(result, named)
    with engine.connect() as connection:
        assert table_names(connection) == set()
    result = hitlai_schema_in_process(capsys, "sql", "--out", str(tmp_path / "out"), cwd=tmp_path, **env)
    assert_one_line_error(result, named)
    assert not list((tmp_path / "out").glob("*.sql")) if (tmp_path / "out").exists() else True


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ("lock_timeout=abc", "-x lock_timeout must be a duration"),
        ("step_attempts=0", "-x step_attempts must be a whole number of at least 1"),
        ("step_attempts=abc", "-x step_attempts must be a whole number"),
        ("step_lock_timeout=abc", "-x step_lock_timeout must be a duration"),
        ("allow_data_loss=maybe", "-x allow_data_loss must be true or false"),
    ],
)
def test_alembic_x_settings_are_refused_in_one_line_online_and_offline(db_url, engine, setting, named):
    online = alembic("-x", setting, "upgrade", "head", DATABASE_URL=url_text(db_url))
    assert_one_line_error(online, named)
    with engine.connect() as connection:
        assert "alembic_version" not in table_names(connection)
    offline = alembic("-x", setting, "upgrade", "head", "--sql")
    assert_one_line_error(offline, named)


PASSWORDS = ["MyS3cret@Tail99", "p/ss@w0rd", "a:b:c", "100%sure", "hash#tag", "pässwörd€"]


@pytest.mark.parametrize("password", PASSWORDS)
def test_a_password_never_prints_whatever_it_holds(capsys, tmp_path, password):
    raw = f"postgresql://postgres:{password}@127.0.0.1:1/postgres"
    for command in (["upgrade"], ["status"], ["verify"], ["plan"], ["downgrade", "base"]):
        for result in (
            hitlai_schema_in_process(capsys, *command, "--database-url", raw, cwd=tmp_path),
            hitlai_schema_in_process(capsys, *command, cwd=tmp_path, DATABASE_URL=raw),
            *([hitlai_schema_cli(*command, cwd=tmp_path, DATABASE_URL=raw)] if command == ["status"] else []),
        ):
            assert_one_line_error(result, "127.0.0.1:1/postgres")
            output = result.stdout + result.stderr
            for piece in {password, *password.replace("/", "@").replace(":", "@").replace("#", "@").split("@")}:
                if len(piece) >= 3:
                    assert piece not in output, output
    result = alembic("upgrade", "head", DATABASE_URL=raw)
    assert result.returncode != 0 and password not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["sql", "--from", "bogus"],
        ["sql", "--to", "bogus"],
        ["sql", "--from", "20260117000003", "--to", "20260117000001"],
        ["sql", "--out", "/proc/hitlai-schema-cannot-write-here"],
    ],
)
def test_bad_revisions_and_outputs_are_one_line(tmp_path, args):
    assert_one_line_error(hitlai_schema_cli(*args, cwd=tmp_path))


def test_sql_out_at_an_existing_file_is_one_line(tmp_path):
    (tmp_path / "taken").write_text("")
    assert_one_line_error(hitlai_schema_cli("sql", "--out", str(tmp_path / "taken"), cwd=tmp_path), "taken")


def test_plan_of_an_unknown_revision_is_one_line(db_url, tmp_path):
    assert_one_line_error(hitlai_schema_cli("plan", "bogus", "--database-url", url_text(db_url), cwd=tmp_path), "bogus")


def test_upgrade_prints_a_line_per_revision_and_one_summary(db_url, tmp_path):
    result = hitlai_schema_cli("upgrade", "--database-url", url_text(db_url), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    applied = [line for line in result.stdout.splitlines() if line.startswith("applied ")]
    assert len(applied) == len(HEAD_CHAIN())
    assert [line for line in result.stderr.splitlines() if line.startswith("added ")] == []
    assert sum("production-table changes" in line for line in result.stderr.splitlines()) == 1
    status = hitlai_schema_cli("status", "--database-url", url_text(db_url), cwd=tmp_path)
    assert status.returncode == 0, status.stdout + status.stderr


def HEAD_CHAIN() -> list[str]:  # noqa: N802
    from hitlai_schema.runtime import chain

    return [script.revision for script in chain.chain()]


def test_verbose_lists_each_production_table_change(db_url, tmp_path):
    result = hitlai_schema_cli("upgrade", "--database-url", url_text(db_url), cwd=tmp_path, HITLAI_VERBOSE="true")
    assert result.returncode == 0, result.stderr
    assert sum(line.startswith("added ") for line in result.stderr.splitlines()) > 10


def test_status_on_an_empty_database_counts_the_pending_revisions(db_url, tmp_path):
    result = hitlai_schema_cli("status", "--database-url", url_text(db_url), cwd=tmp_path)
    assert result.returncode == 1
    assert f"not compared until the {len(HEAD_CHAIN())} pending revision(s) are applied" in result.stdout
    assert "Target database is not up to date" not in result.stdout


def test_a_url_without_a_database_name_is_named(db_url, tmp_path):
    result = hitlai_schema_cli("status", "--database-url", url_text(db_url._replace(database=None)), cwd=tmp_path)
    assert "names no database" in result.stdout
    assert HEAD


def test_make_sql_prints_pure_sql():
    result = subprocess.run(["make", "--no-print-directory", "sql"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    first = next(line for line in result.stdout.splitlines() if line.strip())
    assert first.startswith(("BEGIN;", "SET ", "--", "DO ")), first
    assert ".venv/bin" not in result.stdout
