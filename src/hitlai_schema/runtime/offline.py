"""Offline mode (`--sql`): the range as one guarded transaction, then the concurrent index builds after it."""

from collections.abc import Sequence

from alembic.runtime.environment import EnvironmentContext

from hitlai_schema.runtime import chain, online_ddl
from hitlai_schema.runtime.errors import MigrationError
from hitlai_schema.runtime.settings import Settings


def revision_or_base(context: EnvironmentContext, argument: str | tuple[str, ...] | None) -> str | None:
    if isinstance(argument, tuple):
        raise MigrationError(f"the chain is linear: one revision, not {', '.join(argument)}")
    if argument in (None, "base"):
        return None
    script = context.script.get_revision(argument)
    return script.revision if script is not None else None


ALEMBIC_VERSION_DDL = (
    "CREATE TABLE IF NOT EXISTS public.alembic_version (version_num varchar(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def _sql_array(names: Sequence[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{name}'" for name in names) + "]::text[]"


def start_guard(start: str | None, destination: str | None, baseline: str, core_tables: Sequence[str]) -> str:
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


def baseline_of(context: EnvironmentContext) -> tuple[str, tuple[str, ...]]:
    """The chain's first revision and the core tables it creates."""
    base = context.script.get_base()
    script = context.script.get_revision(base) if base else None
    assert script is not None, "the chain has a base revision"
    return script.revision, tuple(getattr(script.module, "CORE_TABLES", ()))


def write_script(context: EnvironmentContext, settings: Settings) -> None:
    """The whole range as one transaction that first checks the database is where the script starts,
    so a script applied twice or out of order stops and changes nothing."""
    start = revision_or_base(context, context.get_starting_revision_argument())
    destination = revision_or_base(context, context.get_revision_argument())
    with context.begin_transaction():
        for name, value in settings.timeouts.items():
            context.execute(f"SET LOCAL {name} = '{value}'")
        context.execute(start_guard(start, destination, *baseline_of(context)))
        context.run_migrations()
    write_concurrent_builds(context, settings, start, destination)


def write_concurrent_builds(
    context: EnvironmentContext, settings: Settings, start: str | None, destination: str | None
) -> None:
    """The index builds the range's revisions make CONCURRENTLY, after its transaction."""
    if destination is None:
        return
    revisions = context.script.iterate_revisions(destination, start or "base")
    statements = online_ddl.offline_concurrent_sql(
        chain.production_changes_of(script for script in revisions if script.revision != start)
    )
    if statements:
        impl = context.get_context().impl
        impl.static_output(f"\n{online_ddl.CONCURRENT_MARKER}\n")
        for name, value in settings.timeouts.items():
            impl.static_output(f"SET {name} = '{value}';\n")
        for statement in statements:
            # Alembic follows each output with a blank line, which sql_files.queries() splits at.
            impl.static_output(f"{statement};\n")
