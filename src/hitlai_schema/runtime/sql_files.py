"""The chain as SQL files: one guarded transaction per revision, for psql, the SQL editor or the Supabase CLI."""

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from alembic import command

from hitlai_schema.runtime import live_tables, online_ddl
from hitlai_schema.runtime.chain import MIGRATIONS, alembic_config, chain, describe_revision, slug

# Each per-revision SQL file is one transaction; these lines delimit it in Alembic's offline output.
TRANSACTION_LINES = frozenset({"BEGIN;", "COMMIT;"})

# `supabase db push` takes files named <14-digit timestamp>_<name>.sql, the timestamp being the version.
SUPABASE_MIGRATION = re.compile(r"(\d{14})_.*\.sql")


def offline_sql(
    after: str | None, upto: str, settings: dict[str, str] | None = None, script_location: Path = MIGRATIONS
) -> str:
    """The SQL of one upgrade range, as one guarded transaction (env.py's offline mode)."""
    buffer = io.StringIO()
    config = alembic_config(settings=settings, script_location=script_location)
    config.output_buffer = buffer
    command.upgrade(config, f"{after}:{upto}" if after else upto, sql=True)
    return buffer.getvalue()


@dataclass(frozen=True)
class SqlFile:
    name: str
    revision: str
    after: str | None
    description: str
    sql: str


def sql_files(
    after: str | None = None,
    upto: str = "head",
    settings: dict[str, str] | None = None,
    script_location: Path = MIGRATIONS,
    concurrent_apart: bool = True,
) -> list[SqlFile]:
    """One file per revision, each upgrading exactly one step and refusing any other starting point.

    A revision that builds indexes CONCURRENTLY gets them in a file of its own, after its own: they cannot
    run in a transaction, nor in a query that holds other statements (as a SQL editor may send a file).
    With concurrent_apart=False they end the revision's file, for the Supabase CLI, which runs them apart.
    """
    files = []
    for script in chain(after, upto, script_location):
        down = script.down_revision
        assert down is None or isinstance(down, str), "the chain is linear"
        description = describe_revision(script)
        header = (
            f"-- hitlai-schema revision {script.revision}: {description}\n"
            f"-- Upgrades {down or 'an empty database'} -> {script.revision}, as one transaction.\n"
            "-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into\n"
            "-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.\n"
            f"{live_tables.offline_header(live_tables.namesakes([script]), live_tables.conversions([script]))}\n"
        )
        sql = offline_sql(down, script.revision, settings, script_location)
        transactional, concurrent = split_concurrent(sql)
        name = f"{script.revision}_{slug(script)}"
        files.append(
            SqlFile(
                name=f"{name}.sql",
                revision=script.revision,
                after=down,
                description=description,
                sql=header + (sql if not concurrent_apart else transactional),
            )
        )
        if concurrent and concurrent_apart:
            files.append(
                SqlFile(
                    name=f"{name}_concurrent_indexes.sql",
                    revision=script.revision,
                    after=script.revision,
                    description=f"indexes of {script.revision}, built concurrently",
                    sql=concurrent_header(script.revision, f"{name}.sql") + concurrent,
                )
            )
    return files


def split_concurrent(sql: str) -> tuple[str, str]:
    """A revision's offline SQL: its transaction, and the concurrent index builds after it (or "")."""
    transactional, marker, concurrent = sql.partition(online_ddl.CONCURRENT_MARKER)
    return (transactional.rstrip() + "\n", marker + concurrent) if marker else (sql, "")


def queries(sql: str) -> list[str]:
    """Offline SQL as the queries to send one at a time where each query runs as one (a driver, a SQL editor):
    the transaction whole, then each statement of the concurrent builds on its own."""
    transactional, concurrent = split_concurrent(sql)
    statements = concurrent.removeprefix(online_ddl.CONCURRENT_MARKER).split(";\n\n")
    has_sql = any(line.strip() and not line.lstrip().startswith("--") for line in transactional.splitlines())
    return ([transactional] if has_sql else []) + [s.strip() for s in statements if s.strip()]


def concurrent_header(revision: str, after_file: str) -> str:
    return (
        f"-- hitlai-schema revision {revision}: its indexes on production tables, built without blocking writes.\n"
        f"-- Apply after {after_file}: psql -v ON_ERROR_STOP=1 -f FILE (each statement runs on its own;\n"
        "-- in Supabase's SQL editor run them one at a time). Safe to run again: an index that exists is\n"
        "-- skipped, one an interrupted build left INVALID is dropped and built anew.\n\n"
    )


def without_transaction_lines(sql: str) -> str:
    """The Supabase CLI runs each migration file in a transaction of its own."""
    return "\n".join(line for line in sql.splitlines() if line.strip() not in TRANSACTION_LINES) + "\n"


def write_files(files: Iterable[SqlFile], directory: Path, transform: Callable[[str], str] = str) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for file in files:
        path = directory / file.name
        path.write_text(transform(file.sql))
        written.append(path)
    return written


def phase4_history(migrations: Path, baseline: str, own_files: Sequence[str]) -> list[str]:
    """Files of a Supabase project's migrations directory that are its own Phase 1-4 history.

    Any migration up to the baseline's version that this package did not write: the project ran HitlAI's
    Phase 1-4 SQL through the CLI, its history ends at (or before) the baseline's timestamp, and a second
    file of the baseline's version would collide with its own.
    """
    if not migrations.is_dir():
        return []
    return sorted(
        path.name
        for path in migrations.iterdir()
        if (match := SUPABASE_MIGRATION.fullmatch(path.name)) and match[1] <= baseline and path.name not in own_files
    )
