"""The migration chain as the installed package runs it: no checkout, no alembic.ini.

The scripts live in `hitlai_schema/migrations` (the checkout's `alembic/` links there), so a wheel
carries them and `alembic_config()` finds them from any directory.
"""

import functools
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory

from hitlai_schema.runtime import online_ddl

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def alembic_config(
    connection: sa.Connection | sa.Engine | None = None,
    *,
    settings: dict[str, str] | None = None,
    on_version_apply: Callable[..., None] | None = None,
    script_location: Path = MIGRATIONS,
) -> Config:
    """The settings of the checkout's alembic.ini, in code, for the scripts inside the package.

    `settings` are env.py's (lock_timeout, statement_timeout, ...), as `-x name=value` gives them.
    """
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.set_main_option("timezone", "UTC")
    config.set_main_option("revision_environment", "true")
    config.attributes["configure_logger"] = False
    if connection is not None:
        config.attributes["connection"] = connection
    if settings:
        config.attributes["settings"] = dict(settings)
    if on_version_apply is not None:
        config.attributes["on_version_apply"] = [on_version_apply]
    return config


@functools.cache
def script_directory(script_location: Path = MIGRATIONS) -> ScriptDirectory:
    """The chain, read once per process: each fresh read runs every revision module again (~30 ms)."""
    return ScriptDirectory(str(script_location))


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the chain has no revisions"
    return head


def chain(after: str | None = None, upto: str = "head", script_location: Path = MIGRATIONS) -> list[Script]:
    """The revisions an upgrade from `after` (None: an empty database) to `upto` applies, in order."""
    scripts = script_directory(script_location)
    lower = "base" if after in (None, "base") else after
    walked = list(scripts.iterate_revisions(upto, lower))
    walked.reverse()
    return [script for script in walked if script.revision != after]


def current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def describe_revision(script: Script) -> str:
    """A revision's one-line description: the first line of its docstring."""
    return (script.doc or "").strip().splitlines()[0] if script.doc else script.revision


def slug(script: Script) -> str:
    stem = Path(script.path).stem
    return stem.removeprefix(f"{script.revision}_")


def production_changes_of(revisions: Iterable[Script]) -> list[online_ddl.Change]:
    """What the revisions change on production tables (see hitlai_schema.runtime.online_ddl), in chain order.

    A revision that rebuilds a table lists its foreign keys again (20261204213000 partitions 13 tables): each
    change counts once, as the first revision listing it made it, so that it is made once.
    """
    ordered = sorted(revisions, key=lambda script: script.revision)
    changes = [change for script in ordered for change in getattr(script.module, "PRODUCTION_CHANGES", ())]
    return list(dict.fromkeys(changes))


def unfinished_production_changes(connection: sa.Connection, current: str | None) -> list[online_ddl.Change]:
    """Production-table changes of the applied revisions that an interrupted upgrade left undone."""
    changes = production_changes_of(chain(None, current)) if current else []
    if not changes:
        return []
    found = online_ddl.states(connection, changes)
    return [change for change, state in zip(changes, found, strict=True) if state != "done"]


def unstamped_core_tables(connection: sa.Connection) -> list[str]:
    """Core tables of a database that ran HitlAI's Phase 1-4 SQL but was never stamped at the baseline.

    The baseline would try to create them again, and fail.
    """
    if current_revision(connection) is not None:
        return []
    baseline = chain()[0]
    core_tables = list(getattr(baseline.module, "CORE_TABLES", ()))
    found = connection.execute(
        sa.text(
            "SELECT name FROM unnest(CAST(:names AS text[])) AS name WHERE to_regclass('public.' || name) IS NOT NULL"
        ),
        {"names": core_tables},
    )
    return list(found.scalars())


def stamp_hint() -> str:
    baseline = chain()[0].revision
    return (
        f"stamp it at the Phase-4 baseline first: `hitlai-schema stamp {baseline}` (in a checkout also "
        f"`alembic stamp {baseline}`)"
    )
