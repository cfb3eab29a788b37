"""What env.py runs online: the migration lock and timeouts, the guards that see the planned steps first,
one-line failures, and the production-table changes after the revisions commit.

env.py hands in Alembic's environment context, the connection and the settings; nothing here reads globals.
"""

import gc
import logging
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext, RevisionStep
from sqlalchemy.engine import Connection

from hitlai_schema.runtime import alembic_private, chain, downgrade_guard, failures, live_tables, locks, online_ddl
from hitlai_schema.runtime.database import connection_error, describe, migration_engine
from hitlai_schema.runtime.embedded import resolve_url
from hitlai_schema.runtime.errors import MigrationError, exit_with
from hitlai_schema.runtime.settings import Settings

log = logging.getLogger("alembic.env")

# Called with the production-changes mode ("inline" or "after_commit"): env.py's context.configure.
Configure = Callable[[online_ddl.Mode], None]


def only_compares(context: EnvironmentContext) -> bool:
    """Whether this run compares with the database (autogenerate, `alembic check`, `current`) rather than applying
    revisions: a command that applies them (upgrade, downgrade, stamp, also with --sql) names a destination, and
    never needs the models, so it skips mapping them."""
    return not context.is_offline_mode() and "destination_rev" not in alembic_private.environment_options(context)


def is_plain_revision_command(context: EnvironmentContext) -> bool:
    revision_context = alembic_private.environment_options(context).get("revision_context")
    return revision_context is not None and not revision_context.command_args.get("autogenerate")


def is_upgrade_command(context: EnvironmentContext) -> bool:
    """Alembic's `upgrade`, told apart from downgrade and stamp by its step function (before it is wrapped)."""
    return getattr(alembic_private.environment_options(context).get("fn"), "__name__", "") == "upgrade"


def offline_url() -> sa.URL:
    """Offline runs only need the dialect: they never connect, whatever URL is (or is not) set."""
    return sa.URL.create("postgresql+psycopg")


def live_table_guard_option(context: EnvironmentContext, settings: Settings) -> dict[str, Any]:
    """Wrap the command's choice of steps, so that the live-table guard runs once it is known and before any
    step: ahead of revision 20260117000001 too, though the set-aside happens in 02 and 03."""
    steps_of = alembic_private.environment_options(context).get("fn")
    if steps_of is None:
        return {}

    def steps(heads: Any, migration_context: MigrationContext) -> list[Any]:
        planned = list(steps_of(heads, migration_context))
        applying = [step.revision for step in planned if isinstance(step, RevisionStep) and step.is_upgrade]
        refuse_unstamped_phase4(migration_context, applying)
        guard_live_tables(
            migration_context, live_tables.namesakes(applying), live_tables.conversions(applying), settings
        )
        return planned

    return {"fn": steps}


def refuse_unstamped_phase4(migration_context: MigrationContext, applying: list[Any]) -> None:
    """Stop before the baseline would create again the core tables of a Phase-4 database that was never stamped.

    Offline, the SQL's own start guard says so (see offline.start_guard).
    """
    connection = migration_context.connection
    if connection is None or migration_context.as_sql or not applying or applying[0].down_revision is not None:
        return
    found = chain.unstamped_core_tables(connection)
    if found:
        raise MigrationError(
            f"nothing was changed: the database has the Phase 1-4 tables ({', '.join(found)}) but no alembic_version, "
            f"so the baseline would create them again; {chain.stamp_hint()}, then upgrade"
        )


def guard_live_tables(
    migration_context: MigrationContext,
    tables: list[live_tables.Namesake],
    conversions: list[live_tables.Conversion],
    settings: Settings,
) -> None:
    """Stop, changing nothing, if a Phase-4 table that these steps set aside, or a plain table that they
    partition, is still being written."""
    if not tables and not conversions:
        return
    allow = settings["allow_live_set_aside"]
    statements = live_tables.guard_sql(
        tables,
        conversions=conversions,
        allow="" if not allow else "on" if settings.is_on("allow_live_set_aside") else "off",
        window=settings["live_window"],
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


@contextmanager
def connection_for(config: Config) -> Iterator[Connection]:
    """The caller's connection (or engine) from config.attributes, else the URL's, else the embedded server's."""
    connectable = config.attributes.get("connection")
    if isinstance(connectable, Connection):
        yield connectable
        return
    if connectable is not None:  # an Engine, or anything engine-like that hands out connections
        with connectable.connect() as connection:
            yield connection
        return
    root = Path(config.config_file_name).resolve().parent if config.config_file_name else Path.cwd()
    url = resolve_url(root / ".pgdata", configured=config.get_main_option("sqlalchemy.url"))
    log.info("database: %s", describe(url))
    engine = migration_engine(url)
    try:
        connection = engine.connect()
    except sa.exc.DBAPIError as exc:
        raise connection_error(url, exc) from None
    with connection:
        yield connection
    engine.dispose()


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


def run_with_connection(
    context: EnvironmentContext, connection: Connection, settings: Settings, configure: Configure
) -> None:
    with server_notices_logged(connection):
        if connection.in_transaction():
            # The caller owns the transaction (pytest-alembic's checks do): the lock and the
            # timeouts last as long as it does, and it alone decides to commit or roll back.
            locks.take_migration_lock(connection, settings, transaction_scoped=True)
            locks.apply_timeouts(connection, settings, local=True)
            run_migrations(context, connection, settings, configure, "inline")
            return
        with locks.migration_lock(connection, settings), locks.session_timeouts(connection, settings):
            upgrading = is_upgrade_command(context)
            run_migrations(context, connection, settings, configure, "after_commit")
            if upgrading:
                complete_production_changes(context, connection, settings)


def run_migrations(
    context: EnvironmentContext,
    connection: Connection,
    settings: Settings,
    configure: Configure,
    production_changes: online_ddl.Mode,
) -> None:
    configure(production_changes)
    run = MigrationRun()
    check_downgrades_when_planned(context.get_context(), connection, run, settings)
    with failures_in_one_line(context, connection, run, settings), context.begin_transaction():
        context.run_migrations()


def complete_production_changes(context: EnvironmentContext, connection: Connection, settings: Settings) -> None:
    """After an upgrade commits its revisions: make their production-table changes, each briefly, and
    finish any that an earlier run left undone (this is also how an INVALID index gets rebuilt)."""
    current = context.get_context().get_current_revision()
    connection.rollback()
    if current is None:
        return
    changes = chain.production_changes_of(context.script.iterate_revisions(current, "base"))
    retry = online_ddl.Retry(lock_timeout=settings["step_lock_timeout"], attempts=settings.step_attempts)
    made: list[str] = []

    def note(line: str) -> None:
        made.append(line)
        log.debug("%s", line)

    try:
        online_ddl.complete(connection, changes, retry, note)
    except online_ddl.ChangeFailed as failed:
        timeouts = settings.timeouts
        if not failed.change.concurrent:
            timeouts["lock_timeout"] = retry.lock_timeout
        cause = failures.describe_failure(failed.error, connection, timeouts)
        raise MigrationError(
            f"the revisions are applied, but {failed.change.describe()} failed at {cause}, after "
            f"{retry.attempts} tries; run the upgrade again to finish it"
        ) from failed.error
    if made:
        log.info(
            "made %d production-table changes, each in a short transaction (each listed with --verbose)", len(made)
        )


class MigrationRun:
    """The revision being applied or reverted, so that a failure can name it."""

    step: RevisionStep | None = None

    def describe(self) -> str:
        if self.step is None:
            return "migration"
        script = self.step.revision
        verb = "upgrade to" if self.step.is_upgrade else "downgrade of"
        return f"{verb} revision {script.revision} ({chain.slug(script)})"


def check_downgrades_when_planned(
    migration_context: MigrationContext, connection: Connection, run: MigrationRun, settings: Settings
) -> None:
    """Hook in where Alembic has just planned its steps: before the first revision is reverted, make sure the
    whole range deletes no data, unless allowed; and keep `run` naming the step under way."""
    plan = alembic_private.planned_steps(migration_context)

    def planned_then_checked(heads: Any, migration_context: MigrationContext) -> Iterator[Any]:
        steps = list(plan(heads, migration_context))
        downgrades = [step for step in steps if isinstance(step, RevisionStep) and step.is_downgrade]
        if downgrades:
            refuse_data_loss(connection, downgrades, run, settings)
        for step in steps:
            run.step = step if isinstance(step, RevisionStep) else None
            yield step

    alembic_private.replace_planned_steps(migration_context, planned_then_checked)


def refuse_data_loss(
    connection: Connection, downgrades: list[RevisionStep], run: MigrationRun, settings: Settings
) -> None:
    def run_downgrades() -> None:
        for step in downgrades:
            run.step = step
            step.migration_fn()
        run.step = None

    reference_rows = [pair for step in downgrades for pair in getattr(step.revision.module, "REFERENCE_ROWS", ())]
    losses = downgrade_guard.data_losses(connection, run_downgrades, reference_rows)
    if not losses:
        return
    listed = ", ".join(str(loss) for loss in losses)
    if settings.is_on("allow_data_loss"):
        log.warning("deleting, as allowed: %s", listed)
        return
    raise MigrationError(
        f"downgrade refused, nothing was changed: it would delete {listed}. Copy out what you need, then allow it "
        "with -x allow_data_loss=true, HITLAI_ALLOW_DATA_LOSS=true or hitlai-schema downgrade --allow-data-loss"
    )


@contextmanager
def failures_in_one_line(
    context: EnvironmentContext, connection: Connection, run: MigrationRun, settings: Settings
) -> Iterator[None]:
    """A database error becomes one line naming the revision, the statement's object and the cause."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        cause = failures.describe_failure(exc, connection, settings.timeouts)
        if only_compares(context):  # status, verify, check, current: nothing was being changed
            raise MigrationError(f"reading the database failed at {cause}; nothing was changed") from exc
        raise MigrationError(f"{run.describe()} failed at {cause}; its changes were rolled back") from exc


def report_failure(config: Config, error: MigrationError, verbose: bool) -> None:
    """The alembic command line gets one readable line; a caller of alembic.command gets the exception."""
    if config.cmd_opts is None:
        raise error
    if verbose:
        traceback.print_exc()
    exit_with(str(error))


def skip_exit_collection(config: Config) -> None:
    """The alembic command line exits once env.py returns: collecting its ~100k objects at
    interpreter shutdown would cost a third of a second that frees nothing the OS would not."""
    if config.cmd_opts is not None:
        gc.freeze()
