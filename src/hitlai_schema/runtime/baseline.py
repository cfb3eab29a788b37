"""Databases and Supabase projects that are at the Phase-4 baseline without having run it.

HitlAI's own projects ran the Phase 1-4 SQL long before this package: they have the core tables, no
`alembic_version`, and (through the Supabase CLI) a migration history whose last Phase-4 version is the
baseline's own timestamp. Such a database starts after the baseline; this module tells it apart and
writes the SQL that records it there.
"""

import re
from collections.abc import Sequence
from pathlib import Path

ALEMBIC_VERSION_DDL = (
    "CREATE TABLE IF NOT EXISTS public.alembic_version (version_num varchar(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)

# `supabase db push` takes files named <14-digit timestamp>_<name>.sql, the timestamp being the version.
SUPABASE_MIGRATION = re.compile(r"(\d{14})_.*\.sql")


def _sql_array(names: Sequence[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{name}'" for name in names) + "]::text[]"


def offline_start_guard(start: str | None, destination: str | None, baseline: str, core_tables: Sequence[str]) -> str:
    """A DO block that stops a SQL file unless alembic_version holds exactly its starting revision.

    Starting at the baseline, a database with every core table but no recorded revision is at the baseline:
    the block records it there first, in the file's own transaction, so the first Phase-5 file is all a
    Phase-4 project needs (a stamp that is not followed by its revision rolls back with it). Starting from
    an empty database, one that already has core tables is told to skip the baseline.
    """
    expected = f"'{start}'" if start else "NULL"
    core = _sql_array(core_tables)
    if start is None:
        before = f"""
    IF found IS NULL THEN
        core_found := ARRAY(SELECT name FROM unnest({core}) AS name WHERE to_regclass('public.' || name) IS NOT NULL);
        IF cardinality(core_found) > 0 THEN
            RAISE EXCEPTION 'this file creates the Phase 1-4 core tables, but the database already has %: it ran '
                'HitlAI''s Phase 1-4 SQL and is at the Phase-4 baseline {baseline}; leave this file out, the next '
                'one records the baseline (hitlai-schema sql --from {baseline}, alembic upgrade {baseline}:head --sql)',
                array_to_string(core_found, ', ')
                USING HINT = 'nothing was changed';
        END IF;
    END IF;"""
    elif start == baseline:
        before = f"""
    IF found IS NULL THEN
        core_missing := ARRAY(SELECT name FROM unnest({core}) AS name WHERE to_regclass('public.' || name) IS NULL);
        IF cardinality(core_missing) = 0 THEN
            -- HitlAI's Phase 1-4 SQL ran here, never this package's baseline: record the baseline.
            {ALEMBIC_VERSION_DDL};
            INSERT INTO public.alembic_version (version_num) VALUES ('{baseline}');
            found := '{baseline}';
            RAISE NOTICE 'recorded the Phase-4 baseline {baseline} in alembic_version: the database has the '
                'Phase 1-4 core tables and no revision';
        END IF;
    END IF;"""
    else:
        before = ""
    state = "coalesce(found, 'base (no alembic_version)')"
    if start == baseline:
        state = (
            "coalesce(found, 'base (no alembic_version, and of the Phase 1-4 core tables it lacks ' "
            "|| array_to_string(core_missing, ', ') || ')')"
        )
    declarations = {None: "\n    core_found text[];", baseline: "\n    core_missing text[];"}.get(start, "")
    return f"""DO $guard$
DECLARE
    found text;{declarations}
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;{before}
    IF found IS DISTINCT FROM {expected} THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            {f"'{start}'" if start else "'base'"}, '{destination}', {state}
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$"""


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
