"""Offline mode (`--sql`): the range as one guarded transaction, then the concurrent index builds after it."""

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


def start_guard(start: str | None, destination: str | None) -> str:
    """A DO block that stops the script unless alembic_version holds exactly the starting revision."""
    expected = f"'{start}'" if start else "NULL"
    return f"""DO $guard$
DECLARE
    found text;
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;
    IF found IS DISTINCT FROM {expected} THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            {f"'{start}'" if start else "'base'"}, '{destination}', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$"""


def write_script(context: EnvironmentContext, settings: Settings) -> None:
    """The whole range as one transaction that first checks the database is where the script starts,
    so a script applied twice or out of order stops and changes nothing."""
    start = revision_or_base(context, context.get_starting_revision_argument())
    destination = revision_or_base(context, context.get_revision_argument())
    with context.begin_transaction():
        for name, value in settings.timeouts.items():
            context.execute(f"SET LOCAL {name} = '{value}'")
        context.execute(start_guard(start, destination))
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
