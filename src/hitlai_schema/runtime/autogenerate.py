"""What autogenerate and `alembic check` compare, and how: only what the models own, known-equal defaults as
equal, comments on core tables left to each deployment, and the security plugin (security_drift)."""

import functools
from typing import Any

import alembic_postgresql_enum
import sqlalchemy as sa
from alembic.operations import ops
from alembic.runtime.environment import EnvironmentContext

from hitlai_schema.runtime.revision_ids import next_revision_id

# Both equally produce a random uuid; real databases still carry uuid-ossp's.
EQUIVALENT_UUID_DEFAULTS = frozenset({"gen_random_uuid()", "uuid_generate_v4()", "extensions.uuid_generate_v4()"})


def owned_tables() -> frozenset[str]:
    """Autogenerate must never propose to create, alter or drop a table the models do not own."""
    # Imported here: it maps the models, which only comparing needs.
    from hitlai_schema.models import access

    return access.OWNED_TABLES


def core_tables() -> frozenset[str]:
    from hitlai_schema.models import access

    return access.CORE_TABLES


@functools.cache
def owned_enums() -> frozenset[str]:
    import hitlai_schema

    return frozenset(
        column.type.name
        for table in hitlai_schema.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, sa.Enum) and column.type.name
    )


def include_name(name: str | None, type_: str, parent_names: dict[str, Any]) -> bool:
    """Decide before reflection, so that foreign tables are never even read."""
    if type_ == "schema":
        return name in (None, "public")
    if type_ == "table":
        return parent_names.get("schema_name") in (None, "public") and name in owned_tables()
    return True


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:  # noqa: ARG001
    """Decide after reflection: auth.users is declared only as a foreign-key target."""
    if type_ == "table":
        return obj.schema is None and name in owned_tables()
    return True


def compare_server_default(  # Alembic's signature: it passes all six
    context: Any,  # noqa: ARG001
    inspected_column: Any,  # noqa: ARG001
    metadata_column: Any,  # noqa: ARG001
    inspected_default: str | None,
    metadata_default: Any,  # noqa: ARG001
    rendered_metadata_default: str | None,
) -> bool | None:
    """Treat the two random-uuid functions as the same default; leave the rest to Alembic."""
    if inspected_default is None or rendered_metadata_default is None:
        return None
    defaults = {text.strip().strip("'\"").lower() for text in (inspected_default, rendered_metadata_default)}
    if defaults <= EQUIVALENT_UUID_DEFAULTS:
        return False
    return None


def _is_core_comment_change(op: Any, core: frozenset[str]) -> bool:
    if isinstance(op, ops.CreateTableCommentOp | ops.DropTableCommentOp):
        return op.table_name in core
    return False


def without_core_comment_changes(op_list: list[Any], core: frozenset[str]) -> list[Any]:
    """Comments on core tables belong to each deployment: never report nor touch them."""
    kept = []
    for op in op_list:
        if isinstance(op, ops.ModifyTableOps):
            if op.table_name in core:
                op.ops = without_core_comment_changes(op.ops, core)
            if not op.ops:
                continue
        elif _is_core_comment_change(op, core):
            continue
        elif isinstance(op, ops.AlterColumnOp) and op.table_name in core:
            op.modify_comment = False
            if not op.has_changes():
                continue
        kept.append(op)
    return kept


def revision_directives(context: EnvironmentContext) -> Any:
    """process_revision_directives: timestamp ids for new revisions, and no comment changes on core tables."""

    def process(migration_context: Any, revision: Any, directives: list[Any]) -> None:  # noqa: ARG001
        explicit_id = getattr(context.config.cmd_opts, "rev_id", None)
        for script in directives:
            if not explicit_id:
                # Supabase's CLI takes only <14-digit UTC timestamp>_<name>.sql, as the chain's ids already are.
                script.rev_id = next_revision_id({rev.revision for rev in context.script.walk_revisions()})
            for operations in (*script.upgrade_ops_list, *script.downgrade_ops_list):
                if operations.ops:
                    operations.ops = without_core_comment_changes(operations.ops, core_tables())

    return process


def comparison_options() -> dict[str, Any]:
    """What autogenerate compares and how; the first use of hitlai_schema.metadata maps the models."""
    import hitlai_schema
    from hitlai_schema.runtime import partition_drift, security_drift

    alembic_postgresql_enum.set_configuration(
        alembic_postgresql_enum.Config(include_name=lambda name: name in owned_enums())
    )
    return {
        # Also RLS, policies, the API roles' privileges and CHECKs, and partitioning (each table's partition
        # key, and its partitions' RLS and privileges), which Alembic does not compare.
        "autogenerate_plugins": ["alembic.autogenerate.*", security_drift.PLUGIN_NAME, partition_drift.PLUGIN_NAME],
        "target_metadata": hitlai_schema.metadata,
        "include_name": include_name,
        "include_object": include_object,
        "compare_type": True,
        "compare_server_default": compare_server_default,
    }
