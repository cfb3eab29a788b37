"""Alembic environment: where to migrate, what autogenerate may touch, and how runs are serialized."""

import functools
import gc
import io
import logging
import os
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from logging.config import fileConfig
from pathlib import Path
from typing import Any

import alembic_postgresql_enum
import sqlalchemy as sa
from alembic import context
from alembic.operations import ops
from alembic.runtime.migration import MigrationContext, RevisionStep
from sqlalchemy.engine import Connection

import hitlai_schema
from hitlai_schema import deploy, live_tables, online_ddl, safeguards
from hitlai_schema.database import (
    MigrationError,
    connection_error,
    exit_with,
    given_url,
    migration_engine,
    resolve_url,
)
from hitlai_schema.revision_ids import next_revision_id

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)
log = logging.getLogger("alembic.env")

CORE_TABLES = frozenset({"companies", "test_requests", "test_runs", "human_testers", "user_sessions"})


def owned_tables() -> frozenset[str]:
    """Autogenerate must never propose to create, alter or drop a table the models do not own."""
    # Imported here: it maps the models, which only comparing needs (see models_needed).
    from hitlai_schema import access

    return access.OWNED_TABLES


@functools.cache
def owned_enums() -> frozenset[str]:
    return frozenset(
        column.type.name
        for table in hitlai_schema.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, sa.Enum) and column.type.name
    )


alembic_postgresql_enum.set_configuration(
    alembic_postgresql_enum.Config(include_name=lambda name: name in owned_enums())
)

# Key of the session-level advisory lock that serializes concurrent upgrades.
MIGRATION_LOCK_KEY = 0x686974_6C6169  # "hitlai"

# Longest wait for another run's migration lock (a killed client's session keeps it until its statement ends).
MIGRATION_LOCK_TIMEOUT = "2min"

# Both equally produce a random uuid; real databases still carry uuid-ossp's.
EQUIVALENT_UUID_DEFAULTS = frozenset({"gen_random_uuid()", "uuid_generate_v4()", "extensions.uuid_generate_v4()"})

# Defaults of the settings that bound a migration's waits (see setting()).
TIMEOUTS = {"lock_timeout": "5s", "statement_timeout": "5min"}


def include_name(name: str | None, type_: str, parent_names: dict[str, Any]) -> bool:
    """Decide before reflection, so that foreign tables are never even read."""
    if type_ == "schema":
        return name in (None, "public")
    if type_ == "table":
        return parent_names.get("schema_name") in (None, "public") and name in owned_tables()
    return True


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Decide after reflection: auth.users is declared only as a foreign-key target."""
    if type_ == "table":
        return obj.schema is None and name in owned_tables()
    return True


def compare_server_default(
    context: Any,
    inspected_column: Any,
    metadata_column: Any,
    inspected_default: str | None,
    metadata_default: Any,
    rendered_metadata_default: str | None,
) -> bool | None:
    """Treat the two random-uuid functions as the same default; leave the rest to Alembic."""
    if inspected_default is None or rendered_metadata_default is None:
        return None
    defaults = {text.strip().strip("'\"").lower() for text in (inspected_default, rendered_metadata_default)}
    if defaults <= EQUIVALENT_UUID_DEFAULTS:
        return False
    return None


def _is_core_comment_change(op: Any) -> bool:
    if isinstance(op, ops.CreateTableCommentOp | ops.DropTableCommentOp):
        return op.table_name in CORE_TABLES
    return False


def _drop_core_comment_changes(op_list: list[Any]) -> list[Any]:
    """Comments on core tables belong to each deployment: never report nor touch them."""
    kept = []
    for op in op_list:
        if isinstance(op, ops.ModifyTableOps):
            if op.table_name in CORE_TABLES:
                op.ops = _drop_core_comment_changes(op.ops)
            if not op.ops:
                continue
        elif _is_core_comment_change(op):
            continue
        elif isinstance(op, ops.AlterColumnOp) and op.table_name in CORE_TABLES:
            op.modify_comment = False
            if not op.has_changes():
                continue
        kept.append(op)
    return kept


def process_revision_directives(migration_context: Any, revision: Any, directives: list[Any]) -> None:
    explicit_id = getattr(config.cmd_opts, "rev_id", None)
    for script in directives:
        if not explicit_id:
            # Supabase's CLI takes only <14-digit UTC timestamp>_<name>.sql, as the chain's ids already are.
            script.rev_id = next_revision_id({rev.revision for rev in context.script.walk_revisions()})
        for upgrade_ops in script.upgrade_ops_list:
            upgrade_ops.ops = _drop_core_comment_changes(upgrade_ops.ops)
        for downgrade_ops in script.downgrade_ops_list:
            downgrade_ops.ops = _drop_core_comment_changes(downgrade_ops.ops)


def security_comparison_options() -> dict[str, Any]:
    """Autogenerate and `alembic check` also compare RLS, policies, the API roles' privileges and CHECKs, and
    partitioning (each table's partition key, and its partitions' RLS and privileges)."""
    # Imported here, not at the top: they map the models, which only comparing needs (see models_needed).
    import hitlai_schema.drift
    import hitlai_schema.runtime.partition_drift

    return {
        "autogenerate_plugins": [
            "alembic.autogenerate.*",
            hitlai_schema.drift.PLUGIN_NAME,
            hitlai_schema.runtime.partition_drift.PLUGIN_NAME,
        ]
    }


def configure_options() -> dict[str, Any]:
    options: dict[str, Any] = {
        "process_revision_directives": process_revision_directives,
        "transaction_per_migration": True,
        **live_table_guard_option(),
    }
    if models_needed():
        options.update(comparison_options())
    return options


def models_needed() -> bool:
    """Only comparing with the database needs the models (autogenerate, `alembic check`, `current`).

    A command that applies revisions (upgrade, downgrade, stamp, each also with --sql) names a
    destination and runs the revisions alone, which never use the models: it skips mapping them.
    """
    return not context.is_offline_mode() and "destination_rev" not in environment_options()


def comparison_options() -> dict[str, Any]:
    """What autogenerate compares and how; the first use of hitlai_schema.metadata maps the models."""
    return {
        **security_comparison_options(),
        "target_metadata": hitlai_schema.metadata,
        "include_name": include_name,
        "include_object": include_object,
        "compare_type": True,
        "compare_server_default": compare_server_default,
    }


def live_table_guard_option() -> dict[str, Any]:
    """Wrap the command's choice of steps, so that the live-table guard runs once it is known and before any
    step: ahead of revision 20260117000001 too, though the set-aside happens in 02 and 03."""
    environment: Any = getattr(context, "_proxy")  # noqa: B009  (the proxy is not in Alembic's type stubs)
    steps_of = environment.context_opts.get("fn")
    if steps_of is None:
        return {}

    def steps(heads: Any, migration_context: MigrationContext) -> list[Any]:
        planned = list(steps_of(heads, migration_context))
        applying = [step.revision for step in planned if isinstance(step, RevisionStep) and step.is_upgrade]
        guard_live_set_aside(migration_context, live_tables.namesakes(applying))
        return planned

    return {"fn": steps}


def guard_live_set_aside(migration_context: MigrationContext, tables: list[live_tables.Namesake]) -> None:
    """Stop, changing nothing, if a Phase-4 table that these steps set aside is still being written."""
    if not tables:
        return
    statements = live_tables.guard_sql(
        tables, allow=setting("allow_live_set_aside", ""), window=setting("live_window", "")
    )
    try:
        for statement in statements:
            migration_context.execute(statement)
    except sa.exc.DBAPIError as exc:
        diagnostic = getattr(exc.orig, "diag", None)
        if getattr(exc.orig, "sqlstate", None) != live_tables.REFUSAL_SQLSTATE or diagnostic is None:
            raise
        hint = f"; {diagnostic.message_hint}" if diagnostic.message_hint else ""
        raise MigrationError(f"{diagnostic.message_primary}{hint}") from None


def setting(name: str, default: str) -> str:
    """A setting from `-x name=value`, else one a caller put in config.attributes["settings"],
    else HITLAI_<NAME>, else the default."""
    return (
        context.get_x_argument(as_dictionary=True).get(name)
        or config.attributes.get("settings", {}).get(name)
        or os.environ.get(f"HITLAI_{name.upper()}")
        or default
    )


def repository_root() -> Path:
    return Path(config.config_file_name).resolve().parent if config.config_file_name else Path.cwd()


def offline_url() -> sa.URL:
    return given_url(config.get_main_option("sqlalchemy.url")) or sa.URL.create("postgresql+psycopg")


def run_migrations_offline() -> None:
    """Write the SQL script instead of running it; no server is needed or started.

    The whole range is one transaction that first checks the database is where the
    script starts, so a script applied twice or out of order stops and changes nothing.
    """
    # The named paramstyle keeps "%" as written, as format() in the DO blocks needs it.
    options = {**configure_options(), "transaction_per_migration": False, online_ddl.MODE_OPTION: "offline"}
    context.configure(url=offline_url(), literal_binds=True, dialect_opts={"paramstyle": "named"}, **options)
    with context.begin_transaction():
        for name, default in TIMEOUTS.items():
            context.execute(f"SET LOCAL {name} = '{setting(name, default)}'")
        context.execute(offline_start_guard())
        context.run_migrations()
    write_concurrent_builds()


def revision_or_base(argument: str | tuple[str, ...] | None) -> str | None:
    if isinstance(argument, tuple):
        raise MigrationError(f"the chain is linear: one revision, not {', '.join(argument)}")
    if argument in (None, "base"):
        return None
    script = context.script.get_revision(argument)
    return script.revision if script is not None else None


def offline_start_guard() -> str:
    """A DO block that stops the script unless alembic_version holds exactly the starting revision."""
    start = revision_or_base(context.get_starting_revision_argument())
    destination = revision_or_base(context.get_revision_argument())
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


def generate_revision_without_database() -> None:
    """`alembic revision` without --autogenerate runs env.py only to name the revision: no database needed."""
    environment_options()["as_sql"] = True
    context.configure(url=offline_url(), output_buffer=io.StringIO(), **configure_options())
    with context.begin_transaction():
        context.run_migrations()


def environment_options() -> dict[str, Any]:
    environment: Any = getattr(context, "_proxy")  # noqa: B009  (the proxy is not in Alembic's type stubs)
    options: dict[str, Any] = environment.context_opts
    return options


def is_plain_revision_command() -> bool:
    revision_context = environment_options().get("revision_context")
    return revision_context is not None and not revision_context.command_args.get("autogenerate")


@contextmanager
def migration_lock(connection: Connection) -> Iterator[None]:
    """Hold a session-level advisory lock: a concurrent run waits, then finds nothing to do."""
    take_migration_lock(connection, transaction_scoped=False)
    connection.commit()
    try:
        yield
    finally:
        if not connection.closed and not connection.invalidated:
            connection.rollback()
            connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()


@contextmanager
def session_timeouts(connection: Connection) -> Iterator[None]:
    """Bound how long a migration may wait for a table lock, so it cannot stall production traffic.

    Taken after the advisory lock, whose wait they must not cut short; reset after,
    so a pooled connection handed in by the caller goes back as it came.
    """
    apply_timeouts(connection, local=False)
    connection.commit()
    try:
        yield
    finally:
        if not connection.closed and not connection.invalidated:
            connection.rollback()
            for name in TIMEOUTS:
                connection.execute(sa.text(f"RESET {name}"))
            connection.commit()


def apply_timeouts(connection: Connection, *, local: bool) -> None:
    for name, default in TIMEOUTS.items():
        connection.execute(
            sa.text("SELECT set_config(:name, :value, :local)"),
            {"name": name, "value": setting(name, default), "local": local},
        )


@contextmanager
def server_notices_logged(connection: Connection) -> Iterator[None]:
    """Show RAISE NOTICE lines from the migrations' SQL (such as set-aside tables) in Alembic's log."""
    driver_connection = connection.connection.driver_connection
    assert driver_connection is not None, "a live connection has a driver connection"
    handler = lambda diagnostic: log.info("%s", diagnostic.message_primary)  # noqa: E731
    driver_connection.add_notice_handler(handler)
    try:
        yield
    finally:
        driver_connection.remove_notice_handler(handler)


def run_with_connection(connection: Connection) -> None:
    with server_notices_logged(connection):
        if connection.in_transaction():
            # The caller owns the transaction (pytest-alembic's checks do): the lock and the
            # timeouts last as long as it does, and it alone decides to commit or roll back.
            take_migration_lock(connection, transaction_scoped=True)
            apply_timeouts(connection, local=True)
            run_migrations(connection)
            return
        with migration_lock(connection), session_timeouts(connection):
            upgrading = is_upgrade_command()
            run_migrations(connection, production_changes="after_commit")
            if upgrading:
                complete_production_changes(connection)


def run_migrations(connection: Connection, production_changes: online_ddl.Mode = "inline") -> None:
    how_production_changes_run: dict[str, Any] = {online_ddl.MODE_OPTION: production_changes}
    context.configure(
        connection=connection,
        on_version_apply=config.attributes.get("on_version_apply", ()),
        **how_production_changes_run,
        **configure_options(),
    )
    run = MigrationRun()
    check_downgrades_first(context.get_context(), connection, run)
    with failures_in_one_line(connection, run), context.begin_transaction():
        context.run_migrations()


def is_upgrade_command() -> bool:
    """Alembic's `upgrade`, told apart from downgrade and stamp by its step function (before configure wraps it)."""
    return getattr(environment_options().get("fn"), "__name__", "") == "upgrade"


def complete_production_changes(connection: Connection) -> None:
    """After an upgrade commits its revisions: make their production-table changes, each briefly, and
    finish any that an earlier run left undone (this is also how an INVALID index gets rebuilt)."""
    current = context.get_context().get_current_revision()
    connection.rollback()
    if current is None:
        return
    changes = deploy.production_changes_of(context.script.iterate_revisions(current, "base"))
    retry = online_ddl.Retry(
        lock_timeout=setting("step_lock_timeout", online_ddl.Retry.lock_timeout),
        attempts=int(setting("step_attempts", str(online_ddl.Retry.attempts))),
    )
    try:
        online_ddl.complete(connection, changes, retry, lambda line: log.info("%s", line))
    except online_ddl.ChangeFailed as failed:
        settings = {**{name: setting(name, default) for name, default in TIMEOUTS.items()}}
        if not failed.change.concurrent:
            settings["lock_timeout"] = retry.lock_timeout
        cause = safeguards.describe_failure(failed.error, connection, settings)
        raise MigrationError(
            f"the revisions are applied, but {failed.change.describe()} failed at {cause}, after "
            f"{retry.attempts} tries; run the upgrade again to finish it"
        ) from failed.error


def write_concurrent_builds() -> None:
    """Offline: the index builds the range's revisions make CONCURRENTLY, after its transaction."""
    start = revision_or_base(context.get_starting_revision_argument())
    destination = revision_or_base(context.get_revision_argument())
    if destination is None:
        return
    revisions = context.script.iterate_revisions(destination, start or "base")
    statements = online_ddl.offline_concurrent_sql(
        deploy.production_changes_of(script for script in revisions if script.revision != start)
    )
    if statements:
        impl = context.get_context().impl
        impl.static_output(f"\n{online_ddl.CONCURRENT_MARKER}\n")
        for name, default in TIMEOUTS.items():
            impl.static_output(f"SET {name} = '{setting(name, default)}';\n")
        for statement in statements:
            # Alembic follows each output with a blank line, which deploy.queries() splits at.
            impl.static_output(f"{statement};\n")


def skip_exit_collection() -> None:
    """The alembic command line exits once env.py returns: collecting its ~100k objects at
    interpreter shutdown would cost a third of a second that frees nothing the OS would not."""
    if config.cmd_opts is not None:
        gc.freeze()


def is_on(name: str) -> bool:
    return setting(name, "false").strip().lower() in ("1", "true", "yes", "on")


def take_migration_lock(connection: Connection, *, transaction_scoped: bool) -> None:
    safeguards.wait_for_advisory_lock(
        connection,
        MIGRATION_LOCK_KEY,
        transaction_scoped=transaction_scoped,
        limit=setting("migration_lock_timeout", MIGRATION_LOCK_TIMEOUT),
    )


class MigrationRun:
    """The revision being applied or reverted, so that a failure can name it."""

    step: RevisionStep | None = None

    def describe(self) -> str:
        if self.step is None:
            return "migration"
        script = self.step.revision
        verb = "upgrade to" if self.step.is_upgrade else "downgrade of"
        return f"{verb} revision {script.revision} ({deploy.slug(script)})"


def check_downgrades_first(migration_context: MigrationContext, connection: Connection, run: MigrationRun) -> None:
    """Before the first revision is reverted, make sure the whole range deletes no data, unless allowed.

    Hooked in where Alembic has just planned its steps, so the check sees exactly the range it will run.
    """
    plan = migration_context._migrations_fn
    assert plan is not None, "an online run has its steps planned"

    def planned_then_checked(heads: Any, migration_context: MigrationContext) -> Iterator[Any]:
        steps = list(plan(heads, migration_context))
        downgrades = [step for step in steps if isinstance(step, RevisionStep) and step.is_downgrade]
        if downgrades:
            refuse_data_loss(connection, downgrades, run)
        for step in steps:
            run.step = step if isinstance(step, RevisionStep) else None
            yield step

    migration_context._migrations_fn = planned_then_checked


def refuse_data_loss(connection: Connection, downgrades: list[RevisionStep], run: MigrationRun) -> None:
    def run_downgrades() -> None:
        for step in downgrades:
            run.step = step
            step.migration_fn()
        run.step = None

    reference_rows = [pair for step in downgrades for pair in getattr(step.revision.module, "REFERENCE_ROWS", ())]
    losses = safeguards.data_losses(connection, run_downgrades, reference_rows)
    if not losses:
        return
    listed = ", ".join(str(loss) for loss in losses)
    if is_on("allow_data_loss"):
        log.warning("deleting, as allowed: %s", listed)
        return
    raise MigrationError(
        f"downgrade refused, nothing was changed: it would delete {listed}. Copy out what you need, then allow it "
        "with -x allow_data_loss=true, HITLAI_ALLOW_DATA_LOSS=true or hitlai-schema downgrade --allow-data-loss"
    )


@contextmanager
def failures_in_one_line(connection: Connection, run: MigrationRun) -> Iterator[None]:
    """A database error becomes one line naming the revision, the statement's object and the cause."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        settings = {name: setting(name, default) for name, default in TIMEOUTS.items()}
        cause = safeguards.describe_failure(exc, connection, settings)
        if models_needed():  # comparing (status, verify, check, current): nothing was being changed
            raise MigrationError(f"reading the database failed at {cause}; nothing was changed") from exc
        raise MigrationError(f"{run.describe()} failed at {cause}; its changes were rolled back") from exc


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if isinstance(connectable, Connection):
        run_with_connection(connectable)
        return
    if connectable is not None:
        # An Engine, or anything engine-like that hands out connections.
        with connectable.connect() as connection:
            run_with_connection(connection)
        return

    url = resolve_url(repository_root() / ".pgdata", configured=config.get_main_option("sqlalchemy.url"))
    engine = migration_engine(url)
    try:
        connection = engine.connect()
    except sa.exc.DBAPIError as exc:
        raise connection_error(url, exc) from None
    with connection:
        run_with_connection(connection)
    engine.dispose()


try:
    if is_plain_revision_command():
        generate_revision_without_database()
    elif context.is_offline_mode():
        run_migrations_offline()
    else:
        run_migrations_online()
except MigrationError as exc:
    # The alembic command line gets one readable line; a caller of alembic.command gets the exception.
    if config.cmd_opts is None:
        raise
    if is_on("verbose"):
        traceback.print_exc()
    exit_with(str(exc))
finally:
    skip_exit_collection()
