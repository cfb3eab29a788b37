"""Spec decision 5 as Supabase enforces it: privileges per API role, then row-level security policies.

Every test runs on two databases prepared like a Supabase project, then upgraded to head by a role that
is no superuser and owns `public` (Supabase's `postgres`), while `auth`, `auth.users` and `auth.uid()`
exist already and belong to another role: one project as today (no default privileges) and one like an
older project whose default privileges still GRANT ALL on new tables to the API roles. Both must end with
the same effective privileges.
"""

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from hitlai_schema.models.access import (
    API_ROLES,
    COLUMN_PRIVILEGES,
    TABLE_PRIVILEGE_TYPES,
    TABLE_PRIVILEGES,
    privilege_matrix_markdown,
)
from tests.support import ROOT
from tests.support.databases import migrated_database, rolled_back
from tests.support.rows import insert
from tests.support.spec import BASELINE, PHASE5_TABLES

ROLES_AS_ON_SUPABASE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
        CREATE ROLE service_role NOLOGIN BYPASSRLS;
    END IF;
END
$$"""

# Supabase's `postgres`: no superuser, owner of the database and of `public`.
MIGRATOR = ("hitlai_migrator", "hitlai_migrator")

PROJECT_AS_ON_SUPABASE = [
    ROLES_AS_ON_SUPABASE,
    f"""DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_auth_admin') THEN
            CREATE ROLE supabase_auth_admin NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{MIGRATOR[0]}') THEN
            CREATE ROLE {MIGRATOR[0]} LOGIN NOSUPERUSER PASSWORD '{MIGRATOR[1]}';
        END IF;
        EXECUTE format('ALTER DATABASE %I OWNER TO {MIGRATOR[0]}', current_database());
    END
    $$""",
    f"ALTER SCHEMA public OWNER TO {MIGRATOR[0]}",
    "GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role",
    "CREATE SCHEMA auth AUTHORIZATION supabase_auth_admin",
    "CREATE TABLE auth.users (id uuid PRIMARY KEY, email text)",
    "ALTER TABLE auth.users OWNER TO supabase_auth_admin",
    # As Supabase's: the per-claim setting first, then the claims object.
    """CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
    $$""",
    "ALTER FUNCTION auth.uid() OWNER TO supabase_auth_admin",
    f"GRANT USAGE ON SCHEMA auth TO {MIGRATOR[0]}, anon, authenticated, service_role",
    f"GRANT SELECT, REFERENCES ON auth.users TO {MIGRATOR[0]}",
]

PRIVILEGE_MODELS = {
    "no_default_privileges": PROJECT_AS_ON_SUPABASE,
    "old_grant_all_defaults": [
        *PROJECT_AS_ON_SUPABASE,
        *(
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {MIGRATOR[0]} IN SCHEMA public "
            f"GRANT ALL ON {kind} TO anon, authenticated, service_role"
            for kind in ("TABLES", "SEQUENCES", "FUNCTIONS")
        ),
    ],
}

# table -> (roles that may read it, the boolean column that decides which rows; None: all rows)
READABLE = {
    "api_uptime_summary": ({"anon", "authenticated"}, None),
    "api_endpoint_configs": ({"anon", "authenticated"}, "is_public"),
    "api_incident_updates": ({"anon", "authenticated"}, "is_public"),
    "ai_tester_pricing": ({"authenticated"}, "is_active"),
    "ai_model_capabilities": ({"authenticated"}, "is_available"),
    "ai_capability_benchmarks": ({"authenticated"}, None),
}
SUBSCRIPTIONS = "api_status_subscriptions"
SERVER_SET_COLUMNS = ("verified", "verified_at", "verification_token", "unsubscribe_token")
DENIED = "permission denied"


@pytest.fixture(scope="module", params=list(PRIVILEGE_MODELS))
def api_engine(request, postgresql_noproc) -> Iterator[sa.Engine]:
    name, prepare = f"hitlai_{request.param}", PRIVILEGE_MODELS[request.param]
    with migrated_database(postgresql_noproc, name, prepare, migrate_as=MIGRATOR) as engine:
        yield engine


def test_migrated_by_a_role_that_is_no_superuser_beside_an_auth_schema_it_does_not_own(db):
    owners = db.execute(
        sa.text(
            "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = :migrator), "
            "(SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.api_uptime_summary'::regclass), "
            "(SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE oid = 'auth.uid()'::regprocedure), "
            "(SELECT obj_description('auth.uid()'::regprocedure, 'pg_proc'))"
        ),
        {"migrator": MIGRATOR[0]},
    ).one()
    assert tuple(owners) == (False, MIGRATOR[0], "supabase_auth_admin", None)


@pytest.fixture
def db(api_engine: sa.Engine) -> Iterator[sa.Connection]:
    """The prepared database at head; what a test changes is rolled back."""
    with rolled_back(api_engine) as connection:
        yield connection


@contextmanager
def acting_as(connection: sa.Connection, role: str, user_id: uuid.UUID | None = None) -> Iterator[None]:
    """Run as PostgREST would for this role (and signed-in user), undone afterwards."""
    with connection.begin_nested() as savepoint:
        if user_id:
            claims = f'{{"sub": "{user_id}", "role": "{role}"}}'
            connection.execute(sa.text("SELECT set_config('request.jwt.claims', :claims, true)"), {"claims": claims})
        connection.execute(sa.text(f"SET LOCAL ROLE {role}"))
        yield
        savepoint.rollback()


def refused(connection: sa.Connection, statement: str, match: str = DENIED) -> bool:
    """Whether the statement fails with an error matching `match` (undone either way)."""
    try:
        with connection.begin_nested() as savepoint:
            connection.execute(sa.text(statement))
            savepoint.rollback()
    except sa.exc.DBAPIError as exc:
        assert re.search(match, str(exc.orig)), exc
        return True
    return False


def privilege_types(connection: sa.Connection) -> tuple[str, ...]:
    maintain = connection.execute(sa.text("SELECT current_setting('server_version_num')::int >= 170000")).scalar()
    return TABLE_PRIVILEGE_TYPES + (("MAINTAIN",) if maintain else ())


def test_effective_table_privileges_equal_the_matrix(db):
    types = privilege_types(db)
    effective = {
        (row.table, row.role): {privilege for privilege, held in zip(types, row.held, strict=True) if held}
        for row in db.execute(
            sa.text(
                "SELECT t AS table, r AS role, ARRAY(SELECT has_table_privilege(r, 'public.' || t, p) "
                "FROM unnest(CAST(:types AS text[])) WITH ORDINALITY AS x(p, n) ORDER BY n) AS held "
                "FROM unnest(CAST(:tables AS text[])) t, unnest(CAST(:roles AS text[])) r"
            ),
            {"types": list(types), "tables": [*PHASE5_TABLES, "alembic_version"], "roles": list(API_ROLES)},
        )
    }
    expected = {(table, role): set(TABLE_PRIVILEGES[table][role]) for table in PHASE5_TABLES for role in API_ROLES}
    expected |= {("alembic_version", role): set() for role in API_ROLES}
    assert effective == expected


def test_effective_column_privileges_equal_the_matrix(db):
    """Beyond its table-level privileges, a role holds only the declared column privileges."""
    held = {
        (row.table, row.role, row.privilege, row.column)
        for row in db.execute(
            sa.text(
                "SELECT c.relname AS table, r AS role, p AS privilege, a.attname AS column "
                "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped, "
                "unnest(CAST(:roles AS text[])) r, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p "
                "WHERE c.oid = ANY (ARRAY(SELECT to_regclass('public.' || t) FROM unnest(CAST(:tables AS text[])) t)) "
                "AND has_column_privilege(r, c.oid, a.attnum, p) AND NOT has_table_privilege(r, c.oid, p)"
            ),
            {"roles": list(API_ROLES), "tables": [*PHASE5_TABLES, "alembic_version"]},
        )
    }
    expected = {
        (table, role, privilege, column)
        for table, by_role in COLUMN_PRIVILEGES.items()
        for role, by_privilege in by_role.items()
        for privilege, columns in by_privilege.items()
        for column in columns
    }
    assert held == expected
    assert not {column for table, role, privilege, column in held if column in SERVER_SET_COLUMNS}


def test_no_api_role_may_execute_the_token_trigger_function(db):
    """As on a project without default privileges, where only the owner holds EXECUTE."""
    held = db.execute(
        sa.text(
            "SELECT r FROM unnest(CAST(:roles AS text[])) r WHERE has_function_privilege("
            "r, 'public.api_status_subscriptions_draw_unsubscribe_token()', 'EXECUTE')"
        ),
        {"roles": list(API_ROLES)},
    ).scalars()
    assert list(held) == []


def test_alembic_version_is_the_owners_alone(db):
    assert db.execute(
        sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = 'public.alembic_version'::regclass")
    ).scalar()
    for role in API_ROLES:
        with acting_as(db, role):
            for statement in (
                "SELECT * FROM alembic_version",
                "INSERT INTO alembic_version VALUES ('x')",
                "UPDATE alembic_version SET version_num = 'x'",
                "DELETE FROM alembic_version",
                "TRUNCATE alembic_version",
            ):
                assert refused(db, statement), f"{role}: {statement}"


def test_no_api_role_may_truncate_or_write_what_it_may_not(db):
    for role in API_ROLES:
        with acting_as(db, role, uuid.uuid4()):
            for table in PHASE5_TABLES:
                assert refused(db, f"TRUNCATE {table}"), f"{role} truncated {table}"
                if role == "service_role" or (role == "authenticated" and table == SUBSCRIPTIONS):
                    continue
                assert refused(db, f"DELETE FROM {table}"), f"{role} deleted from {table}"
                assert refused(db, f"UPDATE {table} SET id = id"), f"{role} updated {table}"
                assert refused(db, f"INSERT INTO {table} (id) VALUES (gen_random_uuid())"), f"{role} inserted {table}"


def test_service_role_reads_and_writes_every_phase5_table(db):
    with acting_as(db, "service_role"):
        for table in PHASE5_TABLES:
            row_id = insert(db, table)
            params = {"id": row_id}
            assert db.execute(sa.text(f"UPDATE {table} SET id = id WHERE id = :id"), params).rowcount == 1, table
            assert db.execute(sa.text(f"SELECT count(*) FROM {table} WHERE id = :id"), params).scalar() == 1, table
            assert db.execute(sa.text(f"DELETE FROM {table} WHERE id = :id"), params).rowcount == 1, table


@pytest.mark.parametrize("table", PHASE5_TABLES)
def test_api_roles_see_only_what_a_policy_opens(db, table):
    roles, deciding_column = READABLE.get(table, (set(), None))
    db.execute(sa.text(f"DELETE FROM {table}"))  # reference rows; the transaction is rolled back
    if deciding_column:
        insert(db, table, **{deciding_column: True})
        insert(db, table, **{deciding_column: False})
    else:
        insert(db, table)
        insert(db, table)
    for role in API_ROLES:
        with acting_as(db, role, uuid.uuid4()):
            if role == "service_role":
                assert db.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 2  # it bypasses RLS
            elif role in roles:
                expected = 1 if deciding_column else 2
                assert db.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == expected, role
            elif table == SUBSCRIPTIONS and role == "authenticated":
                assert db.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 0  # none of them is this user's
            else:
                assert refused(db, f"SELECT count(*) FROM {table}"), f"{role} read {table}"


def test_users_manage_only_their_own_status_subscriptions(db):
    me, someone_else = uuid.uuid4(), uuid.uuid4()
    mine = insert(db, SUBSCRIPTIONS, user_id=me)
    insert(db, SUBSCRIPTIONS, user_id=someone_else)
    with acting_as(db, "authenticated", me):
        assert db.execute(sa.text(f"SELECT id FROM {SUBSCRIPTIONS}")).scalars().all() == [mine]
        assert (
            db.execute(sa.text(f"UPDATE {SUBSCRIPTIONS} SET is_active = false, email = 'me@example.com'")).rowcount == 1
        )
        assert refused(db, f"UPDATE {SUBSCRIPTIONS} SET user_id = '{someone_else}'", "row-level security")
        for column, value in zip(SERVER_SET_COLUMNS, ("true", "now()", "'t'", "'t'"), strict=True):
            assert refused(db, f"UPDATE {SUBSCRIPTIONS} SET {column} = {value}"), column
            assert refused(
                db, f"INSERT INTO {SUBSCRIPTIONS} (email, user_id, {column}) VALUES ('me@example.com', '{me}', {value})"
            ), column
        assert db.execute(sa.text(f"DELETE FROM {SUBSCRIPTIONS}")).rowcount == 1
    with acting_as(db, "anon"):
        assert refused(db, f"SELECT * FROM {SUBSCRIPTIONS}")


def test_a_user_cannot_subscribe_in_someone_elses_name(db):
    """A user subscribes in their own name only: the policy's WITH CHECK holds where the column privileges allow."""
    me, someone_else = uuid.uuid4(), uuid.uuid4()
    with acting_as(db, "authenticated", me):
        # The server draws the unsubscribe token the user may not set.
        token = db.execute(
            sa.text(
                f"INSERT INTO {SUBSCRIPTIONS} (email, user_id) VALUES ('me@example.com', '{me}') "
                "RETURNING unsubscribe_token"
            )
        ).scalar_one()
        assert re.fullmatch(r"[0-9a-f]{64}", token)
        assert refused(
            db,
            f"INSERT INTO {SUBSCRIPTIONS} (email, user_id) VALUES ('me@example.com', '{someone_else}')",
            "row-level security",
        )


def test_downgrade_to_the_baseline_leaves_no_grant_behind(migrate, engine):
    migrate("upgrade", "head")
    migrate("downgrade", BASELINE)
    with engine.connect() as connection:
        grants = connection.execute(
            sa.text(
                "SELECT c.relname, acl.grantee::regrole::text FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) acl "
                "WHERE n.nspname = 'public' AND acl.grantee <> c.relowner "
                "UNION SELECT c.relname || '.' || a.attname, acl.grantee::regrole::text FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, "
                "aclexplode(a.attacl) acl WHERE n.nspname = 'public'"
            )
        ).all()
        protected = connection.execute(
            sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = 'public.alembic_version'::regclass")
        ).scalar()
    assert grants == []
    assert protected, "a downgrade must not hand the migration history back to the API roles"


def test_readme_shows_the_privilege_matrix():
    readme = (ROOT / "README.md").read_text()
    assert privilege_matrix_markdown() in readme
