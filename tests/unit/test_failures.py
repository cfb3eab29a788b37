"""One-line failures: the statement's object, flattened text, and no password."""

import pytest
import sqlalchemy as sa

from hitlai_schema.runtime.database import connection_error, describe, normalize_url
from hitlai_schema.runtime.errors import MigrationError, one_line
from hitlai_schema.runtime.failures import statement_object


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("ALTER TABLE test_runs ADD COLUMN x int", "ALTER TABLE test_runs"),
        ("CREATE UNIQUE INDEX IF NOT EXISTS idx_a ON t (a)", "CREATE UNIQUE INDEX IF NOT EXISTS idx_a"),
        ("create or replace function f() returns int", "create or replace function f"),
        ("DO $$ BEGIN END $$", "a DO block"),
        ("GRANT SELECT ON t TO anon", "GRANT SELECT"),
        ("", "a statement"),
    ],
)
def test_statement_object(statement, named):
    assert statement_object(statement) == named


def test_one_line_flattens_and_shortens():
    assert one_line("a\n  b\tc") == "a b c"
    assert one_line("x" * 200, limit=10) == "xxxxxxx..."


def test_connection_error_names_the_place_not_the_password():
    url = normalize_url("postgresql://hitlai:s3cret@db.example.com:6000/app")
    error = connection_error(url, OSError("password authentication failed: s3cret rejected"))
    assert isinstance(error, MigrationError)
    assert (
        str(error)
        == "cannot connect to PostgreSQL at db.example.com:6000/app: password authentication failed: *** rejected"
    )
    assert describe(sa.make_url("postgresql+psycopg:///app?host=/tmp/sock")) == "/tmp/sock:5432/app"
