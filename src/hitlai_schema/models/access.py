"""Who may read and write what through Supabase's Data API: spec decision 5 as privileges and policies.

Declared once, here (the policies beside their models, gathered by `policies()`): the tests, the drift
check, `hitlai-schema verify` and the README's Security section read these. The revisions write the same
grants and policies out as SQL of their own (frozen history).

Two layers guard a Phase-5 table. Privileges decide whether a role may touch the table at all
(Supabase no longer grants new tables in `public` to its API roles by default); row-level
security, on every Phase-5 table, then decides which rows `anon` and `authenticated` see, and the
policies below are the only rows opened to them. `service_role` bypasses row-level security.
"""

from collections.abc import Mapping
from dataclasses import replace

# Imported for their side effect: every model is mapped before OWNED_TABLES is read.
from hitlai_schema.models import alignment, api_health, monitoring, session_recording, tester_categorization  # noqa: F401
from hitlai_schema.models.api_health import APIStatusSubscription
from hitlai_schema.models.base import Base, Policy
from hitlai_schema.models.core import Company, HumanTester, TestRequest, TestRun, UserSession

# The roles through which PostgREST (supabase-js) runs every request.
API_ROLES = ("anon", "authenticated", "service_role")

# Every privilege a table can carry (PostgreSQL 17 adds MAINTAIN, which ALL covers too).
TABLE_PRIVILEGE_TYPES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
READ = frozenset({"SELECT"})
READ_WRITE = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})

# A stamped database's core tables keep whatever privileges and policies its deployment gave them; those the
# baseline creates get CORE_TABLE_PRIVILEGES.
CORE_TABLES = frozenset(model.__tablename__ for model in (Company, TestRequest, TestRun, HumanTester, UserSession))
# The tables of public the models declare (the domain modules are imported above, so all of them): Supabase's
# schemas, the other Phase 1-4 tables and the *_legacy tables are not the package's.
OWNED_TABLES = frozenset(table.name for table in Base.metadata.tables.values() if table.schema is None)
PHASE5_TABLES = tuple(sorted(OWNED_TABLES - CORE_TABLES))

STATUS_PAGE_TABLES = ("api_endpoint_configs", "api_incident_updates", "api_uptime_summary")
MODEL_CATALOG_TABLES = ("ai_capability_benchmarks", "ai_model_capabilities", "ai_tester_pricing")
SUBSCRIPTIONS_TABLE = APIStatusSubscription.__tablename__

# What proves a subscription genuine and what lets one unsubscribe by e-mail link: only the server sets them.
SERVER_SET_SUBSCRIPTION_COLUMNS = frozenset({"verified", "verified_at", "verification_token", "unsubscribe_token"})
# Of those, what would let a user verify an address they do not hold, or act on the link sent to it: only the
# server reads them.
SERVER_READ_SUBSCRIPTION_COLUMNS = frozenset({"verification_token", "unsubscribe_token"})
# Identity and creation time come from the columns' defaults.
GENERATED_SUBSCRIPTION_COLUMNS = frozenset({"id", "created_at"})
USER_SET_SUBSCRIPTION_COLUMNS = frozenset(
    column.name
    for column in APIStatusSubscription.__table__.columns
    if column.name not in SERVER_SET_SUBSCRIPTION_COLUMNS | GENERATED_SUBSCRIPTION_COLUMNS
)
USER_READ_SUBSCRIPTION_COLUMNS = frozenset(
    column.name
    for column in APIStatusSubscription.__table__.columns
    if column.name not in SERVER_READ_SUBSCRIPTION_COLUMNS
)


def _table_privileges(table: str) -> dict[str, frozenset[str]]:
    privileges = {"service_role": READ_WRITE, "authenticated": frozenset[str](), "anon": frozenset[str]()}
    if table in STATUS_PAGE_TABLES:
        privileges.update(anon=READ, authenticated=READ)
    elif table in MODEL_CATALOG_TABLES:
        privileges.update(authenticated=READ)
    elif table == SUBSCRIPTIONS_TABLE:
        # SELECT, INSERT and UPDATE are granted column by column below.
        privileges.update(authenticated=frozenset({"DELETE"}))
    return privileges


# table -> role -> the table-level privileges the role holds; nothing else is granted to an API role.
TABLE_PRIVILEGES: Mapping[str, Mapping[str, frozenset[str]]] = {
    table: _table_privileges(table) for table in PHASE5_TABLES
}

# role -> its table-level privileges on each core table the baseline creates (no column privilege): the backend
# reads and writes them, users' roles get nothing (row-level security is on with no policy, so a grant would open no
# row, while TRUNCATE would bypass it). A database stamped at the baseline keeps its deployment's own.
CORE_TABLE_PRIVILEGES: Mapping[str, frozenset[str]] = {
    "service_role": READ_WRITE,
    "authenticated": frozenset(),
    "anon": frozenset(),
}

# table -> role -> privilege -> the only columns the role may use it on (beyond its table-level privileges).
COLUMN_PRIVILEGES: Mapping[str, Mapping[str, Mapping[str, frozenset[str]]]] = {
    SUBSCRIPTIONS_TABLE: {
        "authenticated": {
            "SELECT": USER_READ_SUBSCRIPTION_COLUMNS,
            "INSERT": USER_SET_SUBSCRIPTION_COLUMNS,
            "UPDATE": USER_SET_SUBSCRIPTION_COLUMNS,
        }
    }
}

# Row-level security is on for every Phase-5 table; these tables' rows are the only ones opened.
ROW_LEVEL_SECURITY_TABLES = PHASE5_TABLES


def policies() -> tuple[Policy, ...]:
    """Every policy the models declare (`policies(...)` in their `__table_args__`), with its table."""
    return tuple(
        replace(policy, table=table.name)
        for table in Base.metadata.sorted_tables
        for policy in table.info.get("policies", ())
    )


def privilege_matrix_markdown() -> str:
    """The role x table x privilege matrix as the README's Security section shows it."""
    lines = ["| table | " + " | ".join(f"`{role}`" for role in API_ROLES) + " |", "|---" * (len(API_ROLES) + 1) + "|"]

    def cell(table: str, role: str) -> str:
        privileges = [p for p in TABLE_PRIVILEGE_TYPES if p in TABLE_PRIVILEGES[table][role]]
        all_columns = {column.name for column in Base.metadata.tables[table].columns}
        by_columns: dict[frozenset[str], list[str]] = {}
        for privilege, columns in COLUMN_PRIVILEGES.get(table, {}).get(role, {}).items():
            by_columns.setdefault(columns, []).append(privilege)
        text = ", ".join(privileges)
        for columns, column_privileges in by_columns.items():
            but = ", ".join(f"`{name}`" for name in sorted(all_columns - columns))
            text += f"; {' and '.join(column_privileges)} of every column but {but}"
        return text or "-"

    special = [
        table for table in PHASE5_TABLES if any(TABLE_PRIVILEGES[table][role] for role in ("anon", "authenticated"))
    ]
    for table in special:
        lines.append(f"| `{table}` | " + " | ".join(cell(table, role) for role in API_ROLES) + " |")
    others = [table for table in PHASE5_TABLES if table not in special]
    lines.append(f"| the other {len(others)} Phase-5 tables | - | - | {cell(others[0], 'service_role')} |")
    core = (
        ", ".join(p for p in TABLE_PRIVILEGE_TYPES if p in CORE_TABLE_PRIVILEGES[role]) or "-" for role in API_ROLES
    )
    lines.append(f"| the {len(CORE_TABLES)} core tables, where the baseline creates them | {' | '.join(core)} |")
    return "\n".join(lines)
