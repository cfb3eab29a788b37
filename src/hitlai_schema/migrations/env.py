"""Alembic environment: logging, the three modes (offline, online, revision naming) and context.configure.

What runs lives in hitlai_schema.runtime; this file hands it the context, the connection and the settings.
"""

import io
import os
from logging.config import fileConfig
from typing import Any

from alembic import context

from hitlai_schema.runtime import alembic_private, autogenerate, environment, offline, online_ddl, version_table
from hitlai_schema.runtime.errors import MigrationError
from hitlai_schema.runtime.settings import Settings, read_settings

config = context.config
# The environment as an object, to hand to the runtime (the module `alembic.context` only proxies it).
environment_context = alembic_private.current_environment()
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def configure_options(settings: Settings) -> dict[str, Any]:
    options: dict[str, Any] = {
        "process_revision_directives": autogenerate.revision_directives(environment_context),
        "transaction_per_migration": True,
        # Every step, stamps included, leaves alembic_version closed to the API roles, in its own transaction.
        "on_version_apply": [*config.attributes.get("on_version_apply", ()), version_table.close_after_step],
        **environment.live_table_guard_option(environment_context, settings),
    }
    if environment.only_compares(environment_context):
        options.update(autogenerate.comparison_options())
    return options


def run_offline(settings: Settings) -> None:
    """Write the SQL script instead of running it; no server is needed or started."""
    options = {**configure_options(settings), "transaction_per_migration": False, online_ddl.MODE_OPTION: "offline"}
    # The named paramstyle keeps "%" as written, as format() in the DO blocks needs it.
    context.configure(
        url=environment.offline_url(), literal_binds=True, dialect_opts={"paramstyle": "named"}, **options
    )
    offline.write_script(environment_context, settings)


def name_revision(settings: Settings) -> None:
    """`alembic revision` without --autogenerate runs env.py only to name the revision: no database needed."""
    alembic_private.environment_options(environment_context)["as_sql"] = True
    context.configure(url=environment.offline_url(), output_buffer=io.StringIO(), **configure_options(settings))
    with context.begin_transaction():
        context.run_migrations()


def run_online(settings: Settings) -> None:
    with environment.connection_for(config) as connection:

        def configure(production_changes: online_ddl.Mode) -> None:
            context.configure(
                connection=connection,
                **{online_ddl.MODE_OPTION: production_changes, **configure_options(settings)},
            )

        environment.run_with_connection(environment_context, connection, settings, configure)


verbose = False
try:
    settings = read_settings(
        context.get_x_argument(as_dictionary=True), config.attributes.get("settings", {}), os.environ
    )
    verbose = settings.is_on("verbose")
    if environment.is_plain_revision_command(environment_context):
        name_revision(settings)
    elif context.is_offline_mode():
        run_offline(settings)
    else:
        run_online(settings)
except MigrationError as exc:
    environment.report_failure(config, exc, verbose)
finally:
    environment.skip_exit_collection(config)
