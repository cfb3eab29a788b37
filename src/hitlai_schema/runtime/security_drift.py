"""Security drift in `alembic check` and autogenerate: row-level security, policies, API-role privileges, CHECKs.

Alembic compares tables, columns, indexes, keys and (with alembic-postgresql-enum) enums, but none of
these. This module adds them as an autogenerate plugin, for the tables the models own only, against the
declarations of `hitlai_schema.models.access` and the models' CHECK constraints. Expressions (policies' USING and
WITH CHECK, CHECK constraints) are compared as PostgreSQL normalises them: the declared ones are created
on scratch temporary tables and read back with pg_get_expr / pg_get_constraintdef, like the database's.

Every difference becomes one operation rendered as explicit SQL (`op.execute(...)`), with its inverse
for the downgrade, so a generated revision is frozen history like the hand-written ones.

Two more things Alembic's comparison passes over are added the same way: a modelled index that PostgreSQL
holds INVALID (reflection returns it like a valid one), and `alembic_version` open to the API roles. So are
the package's trigger functions and triggers (`hitlai_schema.models.triggers`): presence, definition, enabled
state and who may EXECUTE the functions.
"""

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import renderers
from alembic.autogenerate.api import AutogenContext
from alembic.operations.ops import MigrateOperation, UpgradeOps
from alembic.runtime.plugins import Plugin
from alembic.util import DispatchPriority, PriorityDispatchResult
from sqlalchemy.dialects import postgresql

from hitlai_schema.models import access, triggers
from hitlai_schema.models.base import Base
from hitlai_schema.runtime import version_table
from hitlai_schema.runtime.database import MigrationError

PLUGIN_NAME = "hitlai_schema.security"

# Grantees whose privileges on Phase-5 tables are declared; PUBLIC would reach anon too.
GRANTEES = (*access.API_ROLES, "PUBLIC")
COMMANDS = {"r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE", "*": "ALL"}


class SecurityComparisonError(MigrationError):
    """The database cannot normalise the declared expressions for this role, so nothing was compared."""


class SecurityChangeOp(MigrateOperation):
    """One difference (a policy, the RLS flag, one role's privileges, a CHECK) as SQL and its inverse."""

    def __init__(self, kind: str, table: str, name: str, sql: str, reverse_kind: str, reverse_sql: str) -> None:
        self.kind, self.table, self.name, self.sql = kind, table, name, sql
        self.reverse_kind, self.reverse_sql = reverse_kind, reverse_sql

    def reverse(self) -> "SecurityChangeOp":
        return SecurityChangeOp(self.reverse_kind, self.table, self.name, self.reverse_sql, self.kind, self.sql)

    def to_diff_tuple(self) -> tuple[str, str, str]:
        """What `alembic check` reports: the kind of change, the table and the object."""
        return (self.kind, self.table, self.name)

    def __repr__(self) -> str:
        return f"({self.kind!r}, {self.table!r}, {self.name!r})"


@renderers.dispatch_for(SecurityChangeOp)
def render_security_change(autogen_context: AutogenContext, op: SecurityChangeOp) -> str:  # noqa: ARG001
    return f"op.execute({op.sql!r})"


@dataclass(frozen=True)
class PolicyState:
    """A policy as PostgreSQL holds it: roles sorted, expressions deparsed."""

    name: str
    table: str
    command: str
    roles: tuple[str, ...]
    permissive: bool
    using: str | None
    with_check: str | None

    def create_sql(self) -> str:
        sql = f"CREATE POLICY {self.name} ON {self.table} AS {'PERMISSIVE' if self.permissive else 'RESTRICTIVE'}"
        sql += f" FOR {self.command} TO {', '.join(self.roles)}"
        if self.using is not None:
            sql += f" USING ({self.using})"
        if self.with_check is not None:
            sql += f" WITH CHECK ({self.with_check})"
        return sql

    def drop_sql(self) -> str:
        return f"DROP POLICY {self.name} ON {self.table}"


@dataclass(frozen=True)
class SecurityState:
    """Everything this module compares, for a set of tables, as one side (declared or in the database) has it."""

    row_level_security: Mapping[str, bool]
    policies: Mapping[tuple[str, str], PolicyState]  # (table, policy name)
    # (table, grantee) -> table-level privileges, and (table, grantee, privilege) -> columns
    table_privileges: Mapping[tuple[str, str], frozenset[str]]
    column_privileges: Mapping[tuple[str, str, str], frozenset[str]]
    checks: Mapping[tuple[str, str], str]  # (table, constraint name) -> pg_get_constraintdef


def model_checks(tables: Iterable[str]) -> dict[tuple[str, str], str]:
    """The models' CHECK constraints as SQL text, by (table, name)."""
    checks = {}
    for table_name in tables:
        for constraint in Base.metadata.tables[table_name].constraints:
            if isinstance(constraint, sa.CheckConstraint):
                compiled = constraint.sqltext.compile(
                    dialect=postgresql.dialect(),  # type: ignore[no-untyped-call]
                    compile_kwargs={"literal_binds": True},
                )
                checks[(table_name, str(constraint.name))] = str(compiled)
    return checks


def _rows(connection: sa.Connection, query: str, **params: Any) -> Sequence[sa.Row[Any]]:
    return connection.execute(sa.text(query), params).all()


def _relations(tables: Iterable[str], schema: str = "public") -> list[str]:
    return [f"{schema}.{table}" for table in tables]


def read_policies(connection: sa.Connection, relations: Sequence[str]) -> dict[tuple[str, str], PolicyState]:
    """Policies on these relations (schema-qualified), keyed by the bare table name."""
    return {
        (row.table, row.name): PolicyState(
            row.name, row.table, COMMANDS[row.command], tuple(row.roles), row.permissive, row.using, row.with_check
        )
        for row in _rows(
            connection,
            """SELECT c.relname AS table, p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
                      ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE r::regrole::text END
                            FROM unnest(p.polroles) r ORDER BY 1) AS roles,
                      pg_get_expr(p.polqual, p.polrelid) AS using,
                      pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
               FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
               WHERE p.polrelid = ANY (ARRAY(SELECT to_regclass(r) FROM unnest(CAST(:relations AS text[])) r))""",
            relations=list(relations),
        )
    }


def read_checks(connection: sa.Connection, relations: Sequence[str]) -> dict[tuple[str, str], str]:
    return {
        (row.table, row.name): row.definition
        for row in _rows(
            connection,
            """SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
               FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
               WHERE k.contype = 'c'
                 AND k.conrelid = ANY (ARRAY(SELECT to_regclass(r) FROM unnest(CAST(:relations AS text[])) r))""",
            relations=list(relations),
        )
    }


def database_state(
    connection: sa.Connection, security_tables: Sequence[str], check_tables: Sequence[str]
) -> SecurityState:
    """RLS, policies and privileges of the security tables, and CHECKs of the check tables, in public."""
    relations = _relations(security_tables)
    rls = {
        row.relname: row.relrowsecurity
        for row in _rows(
            connection,
            "SELECT relname, relrowsecurity FROM pg_class "
            "WHERE oid = ANY (ARRAY(SELECT to_regclass(r) FROM unnest(CAST(:relations AS text[])) r))",
            relations=relations,
        )
    }
    grantee = "CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE acl.grantee::regrole::text END"
    table_privileges: dict[tuple[str, str], set[str]] = {}
    for row in _rows(
        connection,
        f"""SELECT c.relname AS table, {grantee} AS grantee, acl.privilege_type AS privilege
            FROM pg_class c, aclexplode(c.relacl) acl
            WHERE c.oid = ANY (ARRAY(SELECT to_regclass(r) FROM unnest(CAST(:relations AS text[])) r))""",
        relations=relations,
    ):
        if row.grantee in GRANTEES:
            table_privileges.setdefault((row.table, row.grantee), set()).add(row.privilege)
    column_privileges: dict[tuple[str, str, str], set[str]] = {}
    for row in _rows(
        connection,
        f"""SELECT c.relname AS table, a.attname AS column, {grantee} AS grantee, acl.privilege_type AS privilege
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid, aclexplode(a.attacl) acl
            WHERE a.attnum > 0 AND NOT a.attisdropped
              AND c.oid = ANY (ARRAY(SELECT to_regclass(r) FROM unnest(CAST(:relations AS text[])) r))""",
        relations=relations,
    ):
        if row.grantee in GRANTEES:
            column_privileges.setdefault((row.table, row.grantee, row.privilege), set()).add(row.column)
    return SecurityState(
        row_level_security=rls,
        policies=read_policies(connection, relations),
        table_privileges={key: frozenset(value) for key, value in table_privileges.items()},
        column_privileges={key: frozenset(value) for key, value in column_privileges.items()},
        checks=read_checks(connection, _relations(check_tables)),
    )


def existing_tables(connection: sa.Connection, tables: Iterable[str]) -> list[str]:
    """Those of the tables that exist in public, in the order given (one round trip)."""
    listed = list(tables)
    present = set(
        connection.execute(
            sa.text("SELECT t FROM unnest(CAST(:tables AS text[])) t WHERE to_regclass('public.' || t) IS NOT NULL"),
            {"tables": listed},
        ).scalars()
    )
    return [table for table in listed if table in present]


# Statements are sent in batches, not one by one: against a distant database (Supabase from CI, say)
# every round trip costs tens of milliseconds, and `alembic check` is to stay within two seconds.


@contextmanager
def scratch_copies(connection: sa.Connection, tables: Iterable[str]) -> Iterator[dict[str, str]]:
    """Empty temporary copies of the tables that exist (columns only), dropped with the savepoint afterwards."""
    # Read first: after a refused CREATE the transaction accepts no query until the savepoint is undone.
    who = connection.execute(sa.text("SELECT current_user, current_database()")).one()
    with connection.begin_nested() as savepoint:
        copies = {
            table: f"pg_temp.hitlai_scratch_{number}"
            for number, table in enumerate(existing_tables(connection, sorted(tables)))
        }
        if copies:
            try:
                run_script(
                    connection,
                    [f"CREATE TEMPORARY TABLE {copy} (LIKE public.{table})" for table, copy in copies.items()],
                )
            except sa.exc.DBAPIError as exc:
                raise SecurityComparisonError(
                    f"the security comparison normalises the declared policies and CHECKs on temporary copies of "
                    f"the tables, and {str(exc.orig).splitlines()[0]} (role {who[0]} needs TEMPORARY on database "
                    f"{who[1]} and SELECT on the tables)"
                ) from None
        try:
            yield copies
        finally:
            savepoint.rollback()


def run_script(connection: sa.Connection, statements: Sequence[str]) -> None:
    """The statements, verbatim, in one round trip."""
    # exec_driver_sql hands psycopg an empty parameter list, so psycopg reads % as a placeholder: doubled.
    connection.exec_driver_sql(";\n".join(statements).replace("%", "%%"))


def run_those_postgresql_accepts(connection: sa.Connection, statements: Sequence[str]) -> None:
    """All in one round trip when PostgreSQL accepts them all, else one by one, skipping those it refuses."""
    if not statements:
        return
    try:
        with connection.begin_nested():
            run_script(connection, statements)
        return
    except sa.exc.DBAPIError:
        pass
    for statement in statements:
        try:
            with connection.begin_nested():
                run_script(connection, [statement])
        except sa.exc.DBAPIError:
            continue


def declared_state(
    connection: sa.Connection, security_tables: Sequence[str], check_tables: Sequence[str]
) -> SecurityState:
    """What access.py and the models declare, with expressions normalised by this database.

    A declared expression PostgreSQL refuses (a column that does not exist yet) keeps its text as written.
    """
    security = set(security_tables)
    policies = {
        (policy.table, policy.name): PolicyState(
            policy.name,
            policy.table,
            policy.command,
            tuple(sorted(policy.roles)),
            True,
            policy.using,
            policy.with_check,
        )
        for policy in access.policies()
        if policy.table in security
    }
    checks = {key: f"CHECK ({expression})" for key, expression in model_checks(check_tables).items()}
    with scratch_copies(connection, security | {table for table, _ in checks}) as copies:
        run_those_postgresql_accepts(
            connection,
            [
                replace(state, table=copies[table]).create_sql()
                for (table, _), state in policies.items()
                if table in copies
            ]
            + [
                f"ALTER TABLE {copies[table]} ADD CONSTRAINT {name} {definition}"
                for (table, name), definition in checks.items()
                if table in copies
            ],
        )
        original = {copy.removeprefix("pg_temp."): table for table, copy in copies.items()}
        for (copy, name), held in read_policies(connection, list(copies.values())).items():
            key = (original[copy], name)
            policies[key] = replace(policies[key], using=held.using, with_check=held.with_check)
        for (copy, name), definition in read_checks(connection, list(copies.values())).items():
            checks[(original[copy], name)] = definition

    table_privileges = {}
    column_privileges = {}
    for table in security_tables:
        for role in GRANTEES:
            table_privileges[(table, role)] = access.TABLE_PRIVILEGES.get(table, {}).get(role, frozenset())
            for privilege, columns in access.COLUMN_PRIVILEGES.get(table, {}).get(role, {}).items():
                column_privileges[(table, role, privilege)] = columns
    return SecurityState(
        row_level_security={table: table in access.ROW_LEVEL_SECURITY_TABLES for table in security_tables},
        policies=policies,
        table_privileges={key: value for key, value in table_privileges.items() if value},
        column_privileges=column_privileges,
        checks=checks,
    )


def _privilege_change(
    table: str, grantee: str, privileges: Iterable[str], columns: Iterable[str] | None, grant: bool
) -> SecurityChangeOp:
    listed = sorted(privileges)
    column_list = f" ({', '.join(sorted(columns))})" if columns is not None else ""
    what = ", ".join(f"{privilege}{column_list}" for privilege in listed)
    grant_sql = f"GRANT {what} ON {table} TO {grantee}"
    revoke_sql = f"REVOKE {what} ON {table} FROM {grantee}"
    name = f"{grantee}: {', '.join(listed)}" + (f" of {', '.join(sorted(columns))}" if columns is not None else "")
    if grant:
        return SecurityChangeOp("add_privilege", table, name, grant_sql, "remove_privilege", revoke_sql)
    return SecurityChangeOp("remove_privilege", table, name, revoke_sql, "add_privilege", grant_sql)


def differences(declared: SecurityState, database: SecurityState, tables: Iterable[str]) -> list[SecurityChangeOp]:
    """The operations that turn the database's state into the declared one (tables missing entirely included)."""
    changes: list[SecurityChangeOp] = []
    for table in sorted(tables):
        wanted = declared.row_level_security.get(table)
        if wanted is not None and wanted != database.row_level_security.get(table, False):
            enable, disable = (f"ALTER TABLE {table} {verb} ROW LEVEL SECURITY" for verb in ("ENABLE", "DISABLE"))
            if wanted:
                changes.append(
                    SecurityChangeOp("enable_rls", table, "row level security", enable, "disable_rls", disable)
                )
            else:
                changes.append(
                    SecurityChangeOp("disable_rls", table, "row level security", disable, "enable_rls", enable)
                )

    for key in sorted(set(declared.policies) | set(database.policies)):
        want, have = declared.policies.get(key), database.policies.get(key)
        if want == have:
            continue
        table, name = key
        if have is not None:
            add_back = have.create_sql()
            changes.append(SecurityChangeOp("remove_policy", table, name, have.drop_sql(), "add_policy", add_back))
        if want is not None:
            changes.append(
                SecurityChangeOp("add_policy", table, name, want.create_sql(), "remove_policy", want.drop_sql())
            )

    for key in sorted(set(declared.table_privileges) | set(database.table_privileges)):
        want_privileges = declared.table_privileges.get(key, frozenset())
        have_privileges = database.table_privileges.get(key, frozenset())
        table, grantee = key
        if missing := want_privileges - have_privileges:
            changes.append(_privilege_change(table, grantee, missing, None, grant=True))
        if extra := have_privileges - want_privileges:
            changes.append(_privilege_change(table, grantee, extra, None, grant=False))

    for column_key in sorted(set(declared.column_privileges) | set(database.column_privileges)):
        table, grantee, privilege = column_key
        # A table-level privilege covers every column; PostgreSQL records no column entries for it.
        covered = privilege in declared.table_privileges.get((table, grantee), frozenset())
        want_columns = frozenset() if covered else declared.column_privileges.get(column_key, frozenset())
        have_columns = database.column_privileges.get(column_key, frozenset())
        if missing_columns := want_columns - have_columns:
            changes.append(_privilege_change(table, grantee, [privilege], missing_columns, grant=True))
        if extra_columns := have_columns - want_columns:
            changes.append(_privilege_change(table, grantee, [privilege], extra_columns, grant=False))

    for key in sorted(set(declared.checks) | set(database.checks)):
        want_check, have_check = declared.checks.get(key), database.checks.get(key)
        if want_check == have_check:
            continue
        table, name = key
        drop = f"ALTER TABLE {table} DROP CONSTRAINT {name}"
        if have_check is not None:
            add_back = f"ALTER TABLE {table} ADD CONSTRAINT {name} {have_check}"
            changes.append(
                SecurityChangeOp("remove_check_constraint", table, name, drop, "add_check_constraint", add_back)
            )
        if want_check is not None:
            add = f"ALTER TABLE {table} ADD CONSTRAINT {name} {want_check}"
            changes.append(SecurityChangeOp("add_check_constraint", table, name, add, "remove_check_constraint", drop))
    return changes


def compare_security(
    connection: sa.Connection, security_tables: Sequence[str], check_tables: Sequence[str]
) -> list[SecurityChangeOp]:
    """What differs between the declarations and this database, as operations that would fix it."""
    # A table missing altogether is created with its CHECKs (CreateTableOp); only the rest is added here.
    existing = existing_tables(connection, check_tables)
    declared = declared_state(connection, security_tables, existing)
    database = database_state(connection, security_tables, existing)
    return differences(declared, database, {*security_tables, *existing})


class RebuildInvalidIndexOp(MigrateOperation):
    """An index an interrupted concurrent build left INVALID: the planner ignores it, writes still maintain it."""

    def __init__(self, table: str, name: str, rebuild: bool = True) -> None:
        self.table, self.name, self.rebuild = table, name, rebuild

    def reverse(self) -> "RebuildInvalidIndexOp":
        return RebuildInvalidIndexOp(self.table, self.name, rebuild=not self.rebuild)

    def to_diff_tuple(self) -> tuple[str, str, str]:
        return ("rebuild_invalid_index" if self.rebuild else "keep_rebuilt_index", self.table, self.name)

    def __repr__(self) -> str:
        return repr(self.to_diff_tuple())


@renderers.dispatch_for(RebuildInvalidIndexOp)
def render_rebuild_invalid_index(autogen_context: AutogenContext, op: RebuildInvalidIndexOp) -> str:  # noqa: ARG001
    if not op.rebuild:
        return f"pass  # index {op.name} was rebuilt valid: nothing to undo"
    # REINDEX INDEX runs in the revision's transaction (CONCURRENTLY cannot) and keeps the index's definition; it
    # blocks writes to the table while it builds, as CREATE INDEX would.
    return f"op.execute({f'REINDEX INDEX public.{op.name}'!r})"


def compare_invalid_indexes(connection: sa.Connection, tables: Sequence[str]) -> list[RebuildInvalidIndexOp]:
    """The models' indexes on these tables of public that the database holds INVALID (an interrupted build).

    An index the models do not declare is Alembic's to report (as one to drop), not rebuilt here.
    """
    declared = {
        (table, str(index.name))
        for table in tables
        for index in Base.metadata.tables[table].indexes
        if index.name is not None
    }
    found = _rows(
        connection,
        """SELECT c.relname AS table, i.relname AS name
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
           WHERE NOT x.indisvalid
             AND x.indrelid = ANY (ARRAY(SELECT to_regclass('public.' || t) FROM unnest(CAST(:tables AS text[])) t))
           ORDER BY c.relname, i.relname""",
        tables=list(tables),
    )
    return [RebuildInvalidIndexOp(row.table, row.name) for row in found if (row.table, row.name) in declared]


def compare_version_table(connection: sa.Connection) -> list[SecurityChangeOp]:
    """alembic_version as every run leaves it (hitlai_schema.runtime.version_table): no privilege for an API role
    or PUBLIC, row-level security on. Its policies, if any, open nothing without a privilege: not compared."""
    if not existing_tables(connection, [version_table.VERSION_TABLE]):
        return []
    held = database_state(connection, [version_table.VERSION_TABLE], [])
    closed = SecurityState(
        row_level_security={version_table.VERSION_TABLE: True},
        policies=held.policies,
        table_privileges={},
        column_privileges={},
        checks={},
    )
    return differences(closed, held, [version_table.VERSION_TABLE])


def compared_tables(
    autogen_context: AutogenContext, schemas: set[str | None]
) -> tuple[sa.Connection, list[str]] | None:
    """The connection and the owned tables in public a comparator covers; None when it has no connection or the
    run does not look at public."""
    connection = autogen_context.connection
    if connection is None or not ({None, "public"} & schemas):
        return None
    owned = [
        table.name
        for table in autogen_context.sorted_tables
        if table.schema is None and autogen_context.run_name_filters(table.name, "table", {"schema_name": None})
    ]
    return connection, owned


def _compare_integrity_for_autogenerate(
    autogen_context: AutogenContext, upgrade_ops: UpgradeOps, schemas: set[str | None]
) -> PriorityDispatchResult:
    """INVALID indexes of the owned tables and the version table's privileges and row-level security."""
    compared = compared_tables(autogen_context, schemas)
    if compared is not None:
        connection, owned = compared
        upgrade_ops.ops.extend(compare_invalid_indexes(connection, owned))
        upgrade_ops.ops.extend(compare_version_table(connection))
    return PriorityDispatchResult.CONTINUE


def _compare_for_autogenerate(
    autogen_context: AutogenContext, upgrade_ops: UpgradeOps, schemas: set[str | None]
) -> PriorityDispatchResult:
    compared = compared_tables(autogen_context, schemas)
    if compared is not None:
        connection, owned = compared
        security_tables = [table for table in access.PHASE5_TABLES if table in owned]
        upgrade_ops.ops.extend(compare_security(connection, security_tables, owned))
    return PriorityDispatchResult.CONTINUE


# The package's trigger functions and triggers (hitlai_schema.models.triggers): presence, definition, enabled
# state and who may EXECUTE the functions. A function's body is stored verbatim, so definitions are compared
# as pg_get_functiondef prints them with each line's indentation and blank lines dropped; the declared
# functions and triggers are created on scratch copies and read back, like policies and CHECKs.

FUNCTION_KINDS = frozenset({"add_function", "remove_function", "replace_function", "revoke_execute", "grant_execute"})
TRIGGER_KINDS = frozenset({"add_trigger", "remove_trigger", "enable_trigger", "disable_trigger"})
# pg_trigger.tgenabled: O fires in the usual (origin) mode; the others as ALTER TABLE ... TRIGGER sets them.
TRIGGER_FIRING = {"O": "ENABLE", "D": "DISABLE", "R": "ENABLE REPLICA", "A": "ENABLE ALWAYS"}


@dataclass(frozen=True)
class FunctionState:
    definition: str  # pg_get_functiondef: a CREATE OR REPLACE statement
    executors: frozenset[str]  # the grantees of GRANTEES that may EXECUTE it

    def normalised(self) -> str:
        """The definition without its first line (the name, which is the key) and without layout."""
        lines = (line.strip() for line in self.definition.splitlines()[1:])
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class TriggerState:
    definition: str  # pg_get_triggerdef, ON the bare table name
    firing: str  # pg_trigger.tgenabled


def read_functions(connection: sa.Connection, signatures: Sequence[str]) -> dict[str, FunctionState]:
    """The functions of these signatures (`schema.name(argument types)`) that exist, keyed by signature."""
    grantee = "CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE acl.grantee::regrole::text END"
    return {
        row.signature: FunctionState(
            row.definition, frozenset(executor for executor in row.executors if executor in GRANTEES)
        )
        for row in _rows(
            connection,
            f"""SELECT s AS signature, pg_get_functiondef(p.oid) AS definition,
                       ARRAY(SELECT {grantee} FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
                             WHERE acl.privilege_type = 'EXECUTE') AS executors
                FROM unnest(CAST(:signatures AS text[])) s JOIN pg_proc p ON p.oid = to_regprocedure(s)""",
            signatures=list(signatures),
        )
    }


def read_triggers(connection: sa.Connection, relations: Sequence[str]) -> dict[tuple[str, str], TriggerState]:
    """The user-defined triggers on these relations (schema-qualified), keyed by (bare table name, trigger)."""
    return {
        (row.table, row.name): TriggerState(_on_bare_name(row.definition, row.table, row.spellings), row.firing)
        for row in _rows(
            connection,
            """SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS firing, pg_get_triggerdef(t.oid) AS definition,
                      ARRAY[quote_ident(n.nspname) || '.' || quote_ident(c.relname), 'pg_temp.' || quote_ident(c.relname),
                            t.tgrelid::regclass::text] AS spellings
               FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE NOT t.tgisinternal
                 AND t.tgrelid = ANY (ARRAY(SELECT to_regclass(r) FROM unnest(CAST(:relations AS text[])) r))""",
            relations=list(relations),
        )
    }


def _on_bare_name(definition: str, table: str, spellings: Sequence[str]) -> str:
    """The trigger definition ON the bare table name, however this PostgreSQL spells the relation
    (qualified always since PostgreSQL 16, the temporary schema as pg_temp; as search_path allows before)."""
    for spelling in spellings:
        if f" ON {spelling} " in definition:
            return definition.replace(f" ON {spelling} ", f" ON {table} ", 1)
    return definition


def declared_triggers(
    connection: sa.Connection, tables: Iterable[str]
) -> tuple[dict[str, FunctionState], dict[tuple[str, str], TriggerState]]:
    """The declared functions (by public signature) and triggers (by table and name), normalised by this database.

    A declaration PostgreSQL refuses (a trigger whose function is missing) keeps its text as written.
    """
    wanted = [trigger for trigger in triggers.TRIGGERS if trigger.table in set(tables)]
    functions = {
        function.signature: FunctionState(function.create_sql(), frozenset()) for function in triggers.FUNCTIONS
    }
    declared = {(trigger.table, trigger.name): TriggerState(trigger.create_sql(), "O") for trigger in wanted}
    with scratch_copies(connection, {trigger.table for trigger in wanted}) as copies:
        run_those_postgresql_accepts(
            connection,
            [function.create_sql(schema="pg_temp") for function in triggers.FUNCTIONS]
            + [trigger.create_sql(on=copies[trigger.table]) for trigger in wanted if trigger.table in copies],
        )
        scratch = read_functions(connection, [f"pg_temp.{function.name}()" for function in triggers.FUNCTIONS])
        for function in triggers.FUNCTIONS:
            if (held := scratch.get(f"pg_temp.{function.name}()")) is not None:
                functions[function.signature] = replace(held, executors=frozenset())
        original = {copy.removeprefix("pg_temp."): table for table, copy in copies.items()}
        for (copy, name), held_trigger in read_triggers(connection, list(copies.values())).items():
            table = original[copy]
            if (table, name) in declared:
                definition = held_trigger.definition.replace(f" ON {copy} ", f" ON {table} ", 1)
                declared[(table, name)] = replace(declared[(table, name)], definition=definition)
    return functions, declared


def trigger_differences(
    declared_functions: Mapping[str, FunctionState],
    database_functions: Mapping[str, FunctionState],
    declared: Mapping[tuple[str, str], TriggerState],
    database: Mapping[tuple[str, str], TriggerState],
) -> list[SecurityChangeOp]:
    """The operations that give the database the declared functions and triggers (extra triggers are not ours)."""
    changes: list[SecurityChangeOp] = []
    for function in triggers.FUNCTIONS:
        want, have = declared_functions[function.signature], database_functions.get(function.signature)
        if have is None:
            create = f"{function.create_sql()};\n{function.revoke_sql()}"
            changes.append(
                SecurityChangeOp(
                    "add_function", function.signature, "definition", create, "remove_function", function.drop_sql()
                )
            )
            continue
        if want.normalised() != have.normalised():
            changes.append(
                SecurityChangeOp(
                    "replace_function",
                    function.signature,
                    "definition",
                    function.create_sql(or_replace=True),
                    "replace_function",
                    have.definition.strip(),
                )
            )
        for grantee in sorted(have.executors):
            on = f"EXECUTE ON FUNCTION {function.signature}"
            changes.append(
                SecurityChangeOp(
                    "revoke_execute",
                    function.signature,
                    grantee,
                    f"REVOKE {on} FROM {grantee}",
                    "grant_execute",
                    f"GRANT {on} TO {grantee}",
                )
            )
    by_key = {(trigger.table, trigger.name): trigger for trigger in triggers.TRIGGERS}
    for key, want_trigger in declared.items():
        table, name = key
        have_trigger, drop = database.get(key), by_key[key].drop_sql()
        if have_trigger is not None and have_trigger.definition != want_trigger.definition:
            changes.append(
                SecurityChangeOp("remove_trigger", table, name, drop, "add_trigger", have_trigger.definition)
            )
        if have_trigger is None or have_trigger.definition != want_trigger.definition:
            create = by_key[key].create_sql()
            changes.append(SecurityChangeOp("add_trigger", table, name, create, "remove_trigger", drop))
        elif have_trigger.firing != want_trigger.firing:
            changes.append(
                SecurityChangeOp(
                    "enable_trigger",
                    table,
                    name,
                    f"ALTER TABLE {table} ENABLE TRIGGER {name}",
                    "disable_trigger",
                    f"ALTER TABLE {table} {TRIGGER_FIRING.get(have_trigger.firing, 'DISABLE')} TRIGGER {name}",
                )
            )
    return changes


def compare_triggers(connection: sa.Connection, tables: Sequence[str]) -> list[SecurityChangeOp]:
    """What differs between the declared trigger functions and the triggers on these tables, and this database."""
    declared_functions, declared = declared_triggers(connection, tables)
    database_functions = read_functions(connection, list(declared_functions))
    relations = _relations(sorted({trigger.table for trigger in triggers.TRIGGERS if trigger.table in set(tables)}))
    return trigger_differences(declared_functions, database_functions, declared, read_triggers(connection, relations))


def _compare_triggers_for_autogenerate(
    autogen_context: AutogenContext, upgrade_ops: UpgradeOps, schemas: set[str | None]
) -> PriorityDispatchResult:
    compared = compared_tables(autogen_context, schemas)
    if compared is not None:
        upgrade_ops.ops.extend(compare_triggers(*compared))
    return PriorityDispatchResult.CONTINUE


def setup(plugin: Plugin) -> None:
    # Last, so that a table created by the same revision exists before its policies, grants and triggers.
    plugin.add_autogenerate_comparator(_compare_for_autogenerate, "schema", "security", priority=DispatchPriority.LAST)
    plugin.add_autogenerate_comparator(
        _compare_triggers_for_autogenerate, "schema", "triggers", priority=DispatchPriority.LAST
    )
    plugin.add_autogenerate_comparator(
        _compare_integrity_for_autogenerate, "schema", "integrity", priority=DispatchPriority.LAST
    )


Plugin.setup_plugin_from_module(sys.modules[__name__], PLUGIN_NAME)
