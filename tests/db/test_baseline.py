"""Revision 20260116000005: the core tables as the spec has them, and a baseline that leaves Supabase alone."""

import pytest
import sqlalchemy as sa

from tests.support.pg_catalog import enum_labels, read_table, table_names
from tests.support.spec import BASELINE, CATALOG, CORE_TABLES, expected_table

MARKER_QUERY = """
SELECT obj_description(to_regnamespace('auth'), 'pg_namespace') AS schema_comment,
       obj_description(to_regclass('auth.users'), 'pg_class') AS users_comment
"""


@pytest.mark.parametrize("table", CORE_TABLES)
def test_core_table_matches_catalog(migrate, engine, table):
    migrate("upgrade", BASELINE)
    with engine.connect() as connection:
        assert read_table(connection, table) == expected_table(table, at_revision=BASELINE)


def test_baseline_creates_phase4_enums_and_enables_rls(migrate, engine):
    migrate("upgrade", BASELINE)
    with engine.connect() as connection:
        assert enum_labels(connection) == {name: CATALOG["enums"][name] for name in ("platform_type", "test_status")}
        rls = dict(
            connection.execute(
                sa.text("SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(:names)"),
                {"names": CORE_TABLES},
            ).all()
        )
    assert rls == dict.fromkeys(CORE_TABLES, True)


def test_compatibility_layer_gives_auth_users_and_uid(migrate, engine):
    migrate("upgrade", BASELINE)
    with engine.begin() as connection:
        user_id = connection.execute(sa.text("INSERT INTO auth.users DEFAULT VALUES RETURNING id")).scalar_one()
        connection.execute(
            sa.text("SELECT set_config('request.jwt.claims', :claims, true)"), {"claims": f'{{"sub": "{user_id}"}}'}
        )
        assert connection.execute(sa.text("SELECT auth.uid()")).scalar_one() == user_id
        roles = connection.execute(
            sa.text(
                "SELECT rolname, rolbypassrls FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')"
            )
        ).all()
    assert dict(roles) == {"anon": False, "authenticated": False, "service_role": True}


def test_compatibility_layer_is_supabase_as_it_is_today(migrate, engine):
    """Usage of the schemas, no default privileges, and auth.uid() reading either form of the JWT claims."""
    migrate("upgrade", BASELINE)
    someone = "2f0e1f9c-3f4a-4b8e-9d57-0c1e6a5b7d21"
    with engine.begin() as connection:
        usage = connection.execute(
            sa.text(
                "SELECT r, s, has_schema_privilege(r, s, 'USAGE') FROM unnest(ARRAY['anon', 'authenticated', "
                "'service_role']) r, unnest(ARRAY['public', 'auth']) s"
            )
        ).all()
        default_privileges = connection.execute(sa.text("SELECT count(*) FROM pg_default_acl")).scalar_one()
        config = connection.execute(sa.text("SELECT proconfig FROM pg_proc WHERE oid = 'auth.uid()'::regprocedure"))
        uid = "SELECT auth.uid()::text"
        connection.execute(sa.text("SELECT set_config('request.jwt.claim.sub', :sub, true)"), {"sub": someone})
        from_old_setting = connection.execute(sa.text(uid)).scalar_one()
        connection.execute(sa.text("SELECT set_config('request.jwt.claims', '{}', true)"))
        from_old_setting_beside_empty_claims = connection.execute(sa.text(uid)).scalar_one()
        connection.execute(sa.text("SELECT set_config('request.jwt.claim.sub', '', true)"))
        nobody = connection.execute(sa.text(uid)).scalar_one()
    assert all(held for _, _, held in usage)
    assert default_privileges == 0
    assert config.scalar_one() == ['search_path=""']
    assert from_old_setting == from_old_setting_beside_empty_claims == someone
    assert nobody is None


def test_downgrade_base_leaves_an_empty_schema(migrate, engine):
    migrate("upgrade", "head")
    migrate("downgrade", "base")
    with engine.connect() as connection:
        assert table_names(connection) == {"alembic_version"}
        assert enum_labels(connection) == {}
        assert connection.execute(sa.text("SELECT to_regnamespace('auth')")).scalar() is None
        functions = connection.execute(
            sa.text(
                "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE nspname = 'public'"
            )
        ).scalar_one()
    assert functions == 0


def test_existing_supabase_auth_is_left_untouched(migrate, engine):
    """Where auth.users already exists, the baseline issues nothing for it, and its downgrade keeps it."""
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE SCHEMA auth"))
        connection.execute(sa.text("CREATE TABLE auth.users (id uuid PRIMARY KEY, email text)"))
        connection.execute(
            sa.text("CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$")
        )
        connection.execute(sa.text("INSERT INTO auth.users VALUES (gen_random_uuid(), 'someone@example.com')"))
    migrate("upgrade", BASELINE)
    with engine.connect() as connection:
        assert connection.execute(sa.text(MARKER_QUERY)).one() == (None, None)
    migrate("downgrade", "base")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT email FROM auth.users")).scalars().all() == ["someone@example.com"]
        assert connection.execute(sa.text("SELECT auth.uid()")).scalar() is None
