"""Partitioning in `alembic check`, autogenerate and `hitlai-schema verify` (spec decision 8).

Alembic has no comparator for `postgresql_partition_by`: a model partitioned by month whose table is plain
(or the other way round) would pass `alembic check`. This autogenerate plugin compares each owned table's
partition key with its model's, and checks every partition of those tables the way the security drift checks
the tables themselves: row-level security on, nothing granted to the API roles (a partition queried by name
checks its own privileges, not its parent's). The partitions live in `hitlai_partitions`, a schema
autogenerate never reflects, so they are not proposed for dropping, nor the foreign keys cloned onto them.
"""

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from alembic.autogenerate import renderers
from alembic.autogenerate.api import AutogenContext
from alembic.operations.ops import MigrateOperation, UpgradeOps
from alembic.runtime.plugins import Plugin
from alembic.util import DispatchPriority, PriorityDispatchResult

from hitlai_schema.models.base import Base
from hitlai_schema.runtime.security_drift import GRANTEES, SecurityChangeOp, compared_tables

PLUGIN_NAME = "hitlai_schema.partitions"


def declared_partition_keys(tables: Iterable[str]) -> dict[str, str | None]:
    """Each table's partition key as its model declares it (`postgresql_partition_by`), None for a plain table."""
    return {table: Base.metadata.tables[table].dialect_options["postgresql"].get("partition_by") for table in tables}


def partitioned_models() -> list[str]:
    return sorted(table for table, key in declared_partition_keys(Base.metadata.tables).items() if key)


def database_partition_keys(connection: sa.Connection, tables: Sequence[str]) -> dict[str, str | None]:
    """Each existing table of public with its partition key as pg_get_partkeydef writes it, or None."""
    rows = connection.execute(
        sa.text(
            """SELECT c.relname, CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS key
               FROM pg_class c
               WHERE c.oid = ANY (ARRAY(SELECT to_regclass('public.' || t) FROM unnest(CAST(:tables AS text[])) t))"""
        ),
        {"tables": list(tables)},
    )
    return {row.relname: row.key for row in rows}


class PartitionKeyOp(MigrateOperation):
    """A table partitioned otherwise than its model says: no statement converts it, a revision must."""

    def __init__(self, table: str, declared: str | None, found: str | None) -> None:
        self.table, self.declared, self.found = table, declared, found

    def reverse(self) -> "PartitionKeyOp":
        return PartitionKeyOp(self.table, self.found, self.declared)

    def describe(self) -> str:
        return f"{self.found or 'not partitioned'} -> {self.declared or 'not partitioned'}"

    def to_diff_tuple(self) -> tuple[str, str, str]:
        return ("change_partition_by", self.table, self.describe())


@renderers.dispatch_for(PartitionKeyOp)
def render_partition_key(autogen_context: AutogenContext, op: PartitionKeyOp) -> str:  # noqa: ARG001  (Alembic passes it)
    # A generated revision that cannot do its job must not look as if it did.
    message = (
        f"{op.table}: partitioning {op.describe()} needs its rows moved; write it by hand, "
        "as revision 20261204213000 does"
    )
    return f"raise NotImplementedError({message!r})"


def compare_partition_keys(connection: sa.Connection, tables: Sequence[str]) -> list[PartitionKeyOp]:
    declared = declared_partition_keys(tables)
    found = database_partition_keys(connection, tables)
    return [
        PartitionKeyOp(table, declared[table], found[table])
        for table in sorted(tables)
        if table in found and declared[table] != found[table]
    ]


@dataclass(frozen=True)
class PartitionState:
    table: str
    partition: str  # schema-qualified
    row_level_security: bool
    grants: tuple[tuple[str, str], ...]  # (grantee, privilege) held by an API role or PUBLIC
    month: str | None  # YYYY-MM of the lower bound, in UTC; None for a bound that is no timestamp


def read_partitions(connection: sa.Connection, tables: Sequence[str]) -> list[PartitionState]:
    """Every partition of these tables of public, in one query."""
    grantee = "CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE acl.grantee::regrole::text END"
    rows = connection.execute(
        sa.text(
            f"""SELECT parent.relname AS table, format('%I.%I', n.nspname, c.relname) AS partition,
                       c.relrowsecurity AS rls,
                       ARRAY(SELECT {grantee} || ' ' || acl.privilege_type FROM aclexplode(c.relacl) acl
                             ORDER BY 1) AS grants,
                       to_char(((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']+)''\\)'))[1]
                                ::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM') AS month
                FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_class parent ON parent.oid = i.inhparent
                WHERE i.inhparent = ANY (ARRAY(SELECT to_regclass('public.' || t)
                                               FROM unnest(CAST(:tables AS text[])) t))
                ORDER BY parent.relname, month"""
        ),
        {"tables": list(tables)},
    )
    return [
        PartitionState(
            row.table,
            row.partition,
            row.rls,
            tuple(
                (held.split(" ", 1)[0], held.split(" ", 1)[1])
                for held in row.grants
                if held.split(" ", 1)[0] in GRANTEES
            ),
            row.month,
        )
        for row in rows
    ]


def partition_security_changes(partitions: Iterable[PartitionState]) -> list[SecurityChangeOp]:
    """What makes each partition unreachable for the API roles again: row-level security on, their grants gone."""
    changes = []
    for state in partitions:
        if not state.row_level_security:
            enable, disable = (
                f"ALTER TABLE {state.partition} {verb} ROW LEVEL SECURITY" for verb in ("ENABLE", "DISABLE")
            )
            changes.append(
                SecurityChangeOp("enable_rls", state.partition, "row level security", enable, "disable_rls", disable)
            )
        by_grantee: dict[str, list[str]] = {}
        for grantee, privilege in state.grants:
            by_grantee.setdefault(grantee, []).append(privilege)
        for grantee, privileges in sorted(by_grantee.items()):
            listed = ", ".join(sorted(privileges))
            changes.append(
                SecurityChangeOp(
                    "remove_privilege",
                    state.partition,
                    f"{grantee}: {listed}",
                    f"REVOKE {listed} ON {state.partition} FROM {grantee}",
                    "add_privilege",
                    f"GRANT {listed} ON {state.partition} TO {grantee}",
                )
            )
    return changes


def compare_partitioning(connection: sa.Connection, tables: Sequence[str]) -> list[MigrateOperation]:
    partitioned = [table for table in partitioned_models() if table in tables]
    return [
        *compare_partition_keys(connection, tables),
        *partition_security_changes(read_partitions(connection, partitioned)),
    ]


def _compare_for_autogenerate(
    autogen_context: AutogenContext, upgrade_ops: UpgradeOps, schemas: set[str | None]
) -> PriorityDispatchResult:
    compared = compared_tables(autogen_context, schemas)
    if compared is not None:
        upgrade_ops.ops.extend(compare_partitioning(*compared))
    return PriorityDispatchResult.CONTINUE


@dataclass(frozen=True)
class PartitionSummary:
    """One partitioned table's months, as verify reports them."""

    table: str
    partitioned: bool
    months: tuple[str, ...]  # YYYY-MM, oldest first
    future_months: int  # after the current one


def summaries(connection: sa.Connection) -> list[PartitionSummary]:
    """Each table whose model is partitioned: whether the database's is, and its months."""
    tables = partitioned_models()
    keys = database_partition_keys(connection, tables)
    current = connection.execute(sa.text("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM')")).scalar_one()
    months: dict[str, list[str]] = {}
    for state in read_partitions(connection, tables):
        if state.month is not None:
            months.setdefault(state.table, []).append(state.month)
    return [
        PartitionSummary(
            table,
            keys.get(table) is not None,
            tuple(sorted(months.get(table, []))),
            sum(1 for month in months.get(table, []) if month > current),
        )
        for table in tables
        if table in keys
    ]


def setup(plugin: Plugin) -> None:
    plugin.add_autogenerate_comparator(
        _compare_for_autogenerate, "schema", "partitioning", priority=DispatchPriority.LAST
    )


Plugin.setup_plugin_from_module(sys.modules[__name__], PLUGIN_NAME)
