"""`hitlai-schema verify`: the post-deployment report, one row per check (`check | status | detail`).

Failures make the command exit non-zero; warnings (foreign keys no index covers, duplicate indexes)
are reported and do not fail. Every detail names the objects concerned.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from hitlai_schema.models import access, triggers
from hitlai_schema.models.base import Base
from hitlai_schema.runtime import chain, comparison, partition_drift, partitions, security_drift

OK, FAIL, WARN = "ok", "FAIL", "warn"
REFERENCE_REVISION = "20260117000005"
# What identifies a reference row of each table, as revision 20260117000005 inserts them.
REFERENCE_KEYS = {
    "PRICING_ROWS": ("ai_tester_pricing", ("tester_category", "ai_model_provider")),
    "MODEL_CAPABILITY_ROWS": ("ai_model_capabilities", ("ai_model_provider", "model_version")),
}
# Longest detail before it is cut, so one row stays readable.
DETAIL_ITEMS = 12


@dataclass(frozen=True)
class Check:
    check: str
    status: str
    detail: str


def listing(items: Iterable[str]) -> str:
    shown = sorted(items)
    more = f" and {len(shown) - DETAIL_ITEMS} more" if len(shown) > DETAIL_ITEMS else ""
    return ", ".join(shown[:DETAIL_ITEMS]) + more


def outcome(name: str, problems: Iterable[str], ok_detail: str, status_if_any: str = FAIL) -> Check:
    found = list(problems)
    if found:
        return Check(name, status_if_any, listing(found))
    return Check(name, OK, ok_detail)


def owned_tables() -> list[str]:
    return sorted(access.OWNED_TABLES)


def _scalars(connection: sa.Connection, query: str, **params: Any) -> list[Any]:
    return list(connection.execute(sa.text(query), params).scalars())


def check_revision(connection: sa.Connection) -> Check:
    current, head = chain.current_revision(connection), chain.head_revision()
    if current == head:
        return Check("revision", OK, f"at head {head}")
    return Check("revision", FAIL, f"at {current or 'no revision'}, head is {head}")


def check_tables(connection: sa.Connection) -> Check:
    present = set(_scalars(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    missing = [table for table in owned_tables() if table not in present]
    return outcome("tables", missing, f"{len(access.PHASE5_TABLES)} Phase-5 and {len(access.CORE_TABLES)} core tables")


def check_columns(connection: sa.Connection) -> Check:
    present = {
        (row.table_name, row.column_name)
        for row in connection.execute(
            sa.text("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'")
        )
    }
    tables = set(_scalars(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    missing = [
        f"{table}.{column.name}"
        for table in owned_tables()
        if table in tables
        for column in Base.metadata.tables[table].columns
        if (table, column.name) not in present
    ]
    return outcome(
        "columns", missing, "every modelled column, the Phase-5 ones of human_testers and test_runs included"
    )


def model_enums() -> dict[str, list[str]]:
    enums = {}
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, sa.Enum) and column.type.name:
                enums[column.type.name] = list(column.type.enums)
    return enums


def check_enums(connection: sa.Connection) -> Check:
    found: dict[str, list[str]] = {}
    for row in connection.execute(
        sa.text(
            "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            "JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder"
        )
    ):
        found.setdefault(row.typname, []).append(row.enumlabel)
    expected = model_enums()
    problems = [
        f"{name}: {', '.join(found[name]) if name in found else 'missing'} (expected {', '.join(labels)})"
        for name, labels in expected.items()
        if found.get(name) != labels
    ]
    return outcome("enums", problems, f"{len(expected)} enums, labels in order")


def check_alembic_version(connection: sa.Connection) -> Check:
    reachable = _scalars(
        connection,
        "SELECT r || ' ' || p FROM unnest(CAST(:roles AS text[])) r, "
        "unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p "
        "WHERE to_regclass('public.alembic_version') IS NOT NULL "
        # A column privilege reaches the table too; has_any_column_privilege counts table-level ones as well.
        "AND CASE WHEN p IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') "
        "THEN has_any_column_privilege(r, 'public.alembic_version', p) "
        "ELSE has_table_privilege(r, 'public.alembic_version', p) END",
        roles=list(access.API_ROLES),
    )
    rls = connection.execute(
        sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('public.alembic_version')")
    ).scalar()
    if rls is None:
        return Check("alembic_version", OK, "absent: nothing to reach")
    problems = [f"alembic_version: {grant}" for grant in reachable]
    if not rls:
        problems.append("alembic_version: row level security off")
    return outcome("alembic_version", problems, "no API role may read or write it; row level security on")


def check_core_table_privileges(connection: sa.Connection) -> Check:
    """The API roles' privileges on the core tables the baseline created (their primary keys carry its marker).

    A stamped database's core tables came from the deployment's own SQL, with privileges of its own choosing.
    """
    name = "core privileges"
    baseline = chain.chain()[0].module
    created = _scalars(
        connection,
        """SELECT c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
           WHERE k.contype = 'p' AND obj_description(k.oid, 'pg_constraint') = :marker
             AND k.conrelid = ANY (ARRAY(SELECT to_regclass('public.' || t) FROM unnest(CAST(:tables AS text[])) t))
           ORDER BY 1""",
        marker=baseline.CORE_MARKER,
        tables=sorted(access.CORE_TABLES),
    )
    if not created:
        return Check(name, OK, "no core table was created by the baseline: their privileges are the deployment's")
    held = security_drift.database_state(connection, created, [])
    problems = []
    for table in created:
        for grantee in security_drift.GRANTEES:
            want = access.CORE_TABLE_PRIVILEGES.get(grantee, frozenset())
            have = held.table_privileges.get((table, grantee), frozenset())
            if missing := want - have:
                problems.append(f"{table} {grantee}: {', '.join(sorted(missing))} (missing)")
            if extra := have - want:
                problems.append(f"{table} {grantee}: {', '.join(sorted(extra))} (unexpected)")
    for (table, grantee, privilege), columns in sorted(held.column_privileges.items()):
        problems.append(f"{table} {grantee}: {privilege} of {', '.join(sorted(columns))} (unexpected)")
    return outcome(name, problems, f"{len(created)} created by the baseline: the API roles hold what the matrix says")


def check_invalid_indexes(connection: sa.Connection) -> Check:
    present = set(_scalars(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    invalid = security_drift.compare_invalid_indexes(
        connection, [table for table in owned_tables() if table in present]
    )
    return outcome(
        "invalid indexes",
        (f"{change.table}.{change.name}" for change in invalid),
        "every modelled index is valid (no interrupted concurrent build)",
    )


def check_reference_rows(connection: sa.Connection) -> Check:
    module = chain.script_directory().get_revision(REFERENCE_REVISION).module
    problems, total = [], 0
    for rows_name, (table, key) in REFERENCE_KEYS.items():
        if connection.execute(sa.text("SELECT to_regclass(:t)"), {"t": f"public.{table}"}).scalar() is None:
            problems.append(f"{table}: table missing")
            continue
        for row in getattr(module, rows_name):
            total += 1
            condition = " AND ".join(f"{column}::text IS NOT DISTINCT FROM :{column}" for column in key)
            params = {column: row[column] for column in key}
            try:
                with connection.begin_nested():
                    count = connection.execute(
                        sa.text(f"SELECT count(*) FROM {table} WHERE {condition}"), params
                    ).scalar()
            except sa.exc.DBAPIError:
                count = None
            if count != 1:
                named = f"{table} ({', '.join('NULL' if row[c] is None else str(row[c]) for c in key)})"
                problems.append(f"{named}: {'unreadable' if count is None else f'{count} rows'}")
    return outcome("reference rows", problems, f"{total} rows, each once")


def check_foreign_key_indexes(connection: sa.Connection) -> Check:
    uncovered = _scalars(
        connection,
        """SELECT c.conrelid::regclass::text || '.' || string_agg(a.attname, ', ' ORDER BY k.n)
           FROM pg_constraint c CROSS JOIN unnest(c.conkey) WITH ORDINALITY k(attnum, n)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
           WHERE c.contype = 'f'
             AND c.conrelid = ANY (ARRAY(SELECT to_regclass('public.' || t) FROM unnest(CAST(:tables AS text[])) t))
             AND NOT EXISTS (
                 SELECT FROM pg_index i WHERE i.indrelid = c.conrelid
                 AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                 AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
           GROUP BY c.oid, c.conrelid""",
        tables=owned_tables(),
    )
    return outcome("foreign key indexes", uncovered, "every foreign key's columns lead an index", WARN)


def check_duplicate_indexes(connection: sa.Connection) -> Check:
    duplicates = _scalars(
        connection,
        """SELECT string_agg(i.indexrelid::regclass::text, ' = ' ORDER BY i.indexrelid::regclass::text)
                  || ' (' || min(i.indrelid::regclass::text) || ')'
           FROM pg_index i
           WHERE i.indrelid = ANY (ARRAY(SELECT to_regclass('public.' || t) FROM unnest(CAST(:tables AS text[])) t))
           GROUP BY i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text,
                    coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
           HAVING count(*) > 1""",
        tables=owned_tables(),
    )
    return outcome("duplicate indexes", duplicates, "none", WARN)


SECURITY_CHECKS = {
    "row level security": ("enable_rls", "disable_rls"),
    "policies": ("add_policy", "remove_policy"),
    "privileges": ("add_privilege", "remove_privilege"),
    "check constraints": ("add_check_constraint", "remove_check_constraint"),
}
SECURITY_OK = {
    "row level security": "on for every Phase-5 table",
    "policies": f"exactly the {len(access.policies())} declared",
    "privileges": "anon, authenticated, service_role hold exactly the declared table and column privileges",
    "check constraints": "every modelled CHECK, as declared, and no other",
}
# What the database lacks (the fix adds it) and what it has beyond the declarations (the fix removes it).
ADDING = frozenset({"add_privilege", "add_policy", "enable_rls", "add_check_constraint"})


def check_security(connection: sa.Connection) -> list[Check]:
    present = set(_scalars(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    try:
        changes = security_drift.compare_security(
            connection,
            [table for table in access.PHASE5_TABLES if table in present],
            [table for table in owned_tables() if table in present],
        )
    except security_drift.SecurityComparisonError as exc:
        first, *others = SECURITY_CHECKS
        return [Check(first, FAIL, f"not compared: {exc}")] + [
            Check(name, FAIL, f"not compared (see {first})") for name in others
        ]
    rows = []
    for name, kinds in SECURITY_CHECKS.items():
        # A changed object is one the fix both removes and adds back.
        fixes: dict[tuple[str, str], set[bool]] = {}
        for change in changes:
            if change.kind in kinds:
                fixes.setdefault((change.table, change.name), set()).add(change.kind in ADDING)
        problems = [
            f"{table} {what} ({'changed' if len(adds) == 2 else 'missing' if True in adds else 'unexpected'})"
            if name != "row level security"
            else f"{table} ({'off' if True in adds else 'on'})"
            for (table, what), adds in fixes.items()
        ]
        rows.append(outcome(name, problems, SECURITY_OK[name]))
    return rows


def check_triggers(connection: sa.Connection) -> list[Check]:
    """The package's trigger functions (definition, who may EXECUTE them) and triggers (definition, enabled)."""
    present = set(_scalars(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    try:
        changes = security_drift.compare_triggers(connection, [table for table in owned_tables() if table in present])
    except security_drift.SecurityComparisonError as exc:
        return [Check("trigger functions", FAIL, f"not compared: {exc}"), Check("triggers", FAIL, "not compared")]
    replaced = {(change.table, change.name) for change in changes if change.kind == "remove_trigger"}
    words = {
        "add_function": "missing",
        "replace_function": "changed",
        "add_trigger": "missing",
        "enable_trigger": "not enabled",
    }
    function_problems = [
        f"{change.table} executable by {change.name}"
        if change.kind == "revoke_execute"
        else f"{change.table} {words[change.kind]}"
        for change in changes
        if change.kind in security_drift.FUNCTION_KINDS
    ]
    trigger_problems = [
        f"{change.table}.{change.name} {'changed' if (change.table, change.name) in replaced else words[change.kind]}"
        for change in changes
        if change.kind in security_drift.TRIGGER_KINDS and change.kind != "remove_trigger"
    ]
    return [
        outcome(
            "trigger functions",
            function_problems,
            f"the {len(triggers.FUNCTIONS)} declared, as declared; no API role nor PUBLIC may execute them",
        ),
        outcome("triggers", trigger_problems, f"the {len(triggers.TRIGGERS)} declared, as declared, enabled"),
    ]


def check_partitions(connection: sa.Connection) -> list[Check]:
    """One row per table partitioned by month: how many months, the oldest and newest, and how many lie ahead."""
    rows = []
    for summary in partition_drift.summaries(connection):
        name = f"partitions {summary.table}"
        if not summary.partitioned:
            rows.append(Check(name, FAIL, "not partitioned (its model is partitioned by month)"))
            continue
        if not summary.months:
            rows.append(Check(name, FAIL, "no partition: every insert fails"))
            continue
        ahead = f"{summary.future_months} month{'s' if summary.future_months != 1 else ''} ahead"
        detail = f"{len(summary.months)} months, {summary.months[0]} to {summary.months[-1]}, {ahead}"
        if summary.future_months < partitions.FEWEST_FUTURE_MONTHS:
            detail += "; inserts fail once the newest month is over: run `hitlai-schema partitions ensure`"
            rows.append(Check(name, WARN, detail))
        else:
            rows.append(Check(name, OK, detail))
    return rows


def check_drift(connection: sa.Connection) -> Check:
    result = comparison.compare(connection)
    if result.in_sync:
        return Check("drift", OK, "alembic check: models and database agree")
    if not result.differences:
        return Check("drift", FAIL, result.detail)
    return Check("drift", FAIL, listing(comparison.brief(difference) for difference in result.differences))


CHECKS: Sequence[Callable[[sa.Connection], Check | list[Check]]] = (
    check_revision,
    check_tables,
    check_columns,
    check_enums,
    check_security,
    check_triggers,
    check_core_table_privileges,
    check_alembic_version,
    check_invalid_indexes,
    check_reference_rows,
    check_drift,
    check_partitions,
    check_foreign_key_indexes,
    check_duplicate_indexes,
)


def report(connection: sa.Connection) -> list[Check]:
    """Run every check on this connection (changing nothing) and return one row per check."""
    rows: list[Check] = []
    for check in CHECKS:
        result = check(connection)
        rows.extend(result if isinstance(result, list) else [result])
    return rows


def render(rows: Sequence[Check]) -> str:
    header = Check("check", "status", "detail")
    width = max(len(row.check) for row in (header, *rows))
    lines = [f"{row.check:<{width}} | {row.status:<6} | {row.detail}" for row in (header, *rows)]
    lines.insert(1, f"{'-' * width}-+--------+-{'-' * 20}")
    return "\n".join(lines)


def failed(rows: Iterable[Check]) -> bool:
    return any(row.status == FAIL for row in rows)
