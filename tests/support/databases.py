"""Databases of a test's own on the session's server, and connections whose changes are rolled back."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from tests.support import ROOT


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


@contextmanager
def rolled_back(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection inside a transaction that is rolled back afterwards, so tests can share a database."""
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()
