"""`hitlai-schema migrate`: upgrade to head and say where the database is."""

import argparse
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util import CommandError

from hitlai_schema.database import DatabaseError, connection_error, exit_with, resolve_url


def public_url(url: sa.URL) -> str:
    """The URL for psql or DATABASE_URL, with any password hidden."""
    libpq_url = url.set(drivername="postgresql")
    if not libpq_url.password:
        libpq_url = libpq_url._replace(password=None)
    return libpq_url.render_as_string(hide_password=True)


def current_revision(url: sa.URL) -> str:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as connection:
            revision: str = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
            return revision
    except sa.exc.DBAPIError as exc:
        raise connection_error(url, exc) from None
    finally:
        engine.dispose()


def migrate(config_path: Path) -> None:
    config = Config(str(config_path))
    command.upgrade(config, "head")
    url = resolve_url(default_pgdata=config_path.resolve().parent / ".pgdata")
    print(f"database is at revision {current_revision(url)} (head)")
    print(f"connect with: {public_url(url)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="hitlai-schema", description=__doc__)
    parser.add_argument("-c", "--config", type=Path, default=Path("alembic.ini"), help="path to alembic.ini")
    subcommands = parser.add_subparsers(dest="command", required=True)
    subcommands.add_parser("migrate", help="upgrade to head, then print the revision and the URL")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        parser.error(f"{args.config} not found; run from the repository root or pass --config")
    try:
        migrate(args.config)
    except (DatabaseError, CommandError) as exc:
        exit_with(str(exc))


if __name__ == "__main__":
    main()
