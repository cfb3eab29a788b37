"""Spec decisions 9 and 10: the package's triggers act for every writer, and no API role may call their functions."""

import datetime

import pytest
import sqlalchemy as sa

from hitlai_schema.models import triggers
from hitlai_schema.models.access import API_ROLES
from hitlai_schema.runtime import chain, comparison
from tests.support.rows import insert
from tests.support.spec import CATALOG

UPDATED_AT_REVISION = "20261204213100"
LONG_AGO = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def test_the_updated_at_tables_are_the_specs():
    assert list(triggers.UPDATED_AT_TABLES) == sorted(CATALOG["updated_at_trigger"]["tables"])


@pytest.mark.parametrize("writer", ["owner", "service_role"])
def test_updated_at_advances_on_every_update_whoever_writes(head, writer):
    rows = {table: insert(head, table, updated_at=LONG_AGO) for table in triggers.UPDATED_AT_TABLES}
    if writer != "owner":
        head.execute(sa.text(f"SET LOCAL ROLE {writer}"))
    now = head.execute(sa.text("SELECT now()")).scalar_one()
    for table, row_id in rows.items():
        touched = head.execute(
            sa.text(f"UPDATE {table} SET id = id WHERE id = :id RETURNING updated_at"), {"id": row_id}
        ).scalar_one()
        assert touched == now, table
        # A value the writer gives is overruled too: updated_at says when the row last changed.
        head.execute(sa.text(f"UPDATE {table} SET updated_at = :then WHERE id = :id"), {"id": row_id, "then": LONG_AGO})
        assert head.execute(sa.text(f"SELECT updated_at FROM {table} WHERE id = :id"), {"id": row_id}).scalar() == now


def test_an_insert_keeps_the_updated_at_it_is_given(head):
    """A backfill records when a row last changed; only an UPDATE moves it."""
    for table in triggers.UPDATED_AT_TABLES:
        row_id = insert(head, table, updated_at=LONG_AGO)
        stored = head.execute(sa.text(f"SELECT updated_at FROM {table} WHERE id = :id"), {"id": row_id}).scalar()
        assert stored == LONG_AGO, table


@pytest.mark.parametrize("function", triggers.FUNCTIONS, ids=lambda function: function.name)
def test_each_trigger_function_runs_as_the_writer_with_an_empty_search_path_and_is_callable_by_no_api_role(
    head, function
):
    found = head.execute(
        sa.text(
            "SELECT p.prosecdef, p.proconfig, l.lanname, p.prorettype::regtype::text AS returns, "
            "ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END "
            "      FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a "
            "      WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner) AS executors "
            "FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.oid = to_regprocedure(:signature)"
        ),
        {"signature": function.signature},
    ).one()
    assert (found.prosecdef, found.proconfig, found.lanname, found.returns) == (
        False,
        ['search_path=""'],
        "plpgsql",
        "trigger",
    )
    assert found.executors == []
    for role in API_ROLES:
        assert not head.execute(
            sa.text("SELECT has_function_privilege(:role, :signature, 'EXECUTE')"),
            {"role": role, "signature": function.signature},
        ).scalar(), role


def test_every_declared_trigger_exists_at_head_as_declared(head):
    held = {
        tuple(row)
        for row in head.execute(
            sa.text(
                "SELECT c.relname, t.tgname, t.tgfoid::regproc::text, t.tgenabled FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace"
            )
        )
    }
    declared = {(trigger.table, trigger.name, trigger.function.name, "O") for trigger in triggers.TRIGGERS}
    assert held == declared
    assert len([trigger for trigger in triggers.TRIGGERS if trigger.function is triggers.ADVANCE_UPDATED_AT]) == 14


def test_downgrading_the_revision_removes_its_triggers_and_function(migrate, engine):
    before = chain.script_directory().get_revision(UPDATED_AT_REVISION).down_revision
    assert isinstance(before, str)
    migrate("upgrade", "head")
    migrate("downgrade", before)
    with engine.connect() as connection:
        left = connection.execute(
            sa.text(
                "SELECT tgname FROM pg_trigger WHERE tgname LIKE '%advance_updated_at' "
                "UNION ALL SELECT proname FROM pg_proc WHERE proname = 'advance_updated_at'"
            )
        ).all()
        assert left == []
        assert connection.execute(
            sa.text("SELECT has_table_privilege('authenticated', 'public.api_status_subscriptions', 'SELECT')")
        ).scalar(), "the subscription privacy revision's downgrade gives the table-level SELECT back"
        # updated_at is the writer's again
        row_id = insert(connection, "api_incidents", updated_at=LONG_AGO)
        connection.execute(sa.text("UPDATE api_incidents SET id = id WHERE id = :id"), {"id": row_id})
        assert (
            connection.execute(sa.text("SELECT updated_at FROM api_incidents WHERE id = :id"), {"id": row_id}).scalar()
            == LONG_AGO
        )
        connection.rollback()
    migrate("upgrade", "head")
    with engine.connect() as connection:
        assert comparison.compare(connection).in_sync
