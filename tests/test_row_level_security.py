"""Spec decision 5: RLS on every Phase-5 table, opened only by the listed policies (Supabase roles anon, authenticated)."""

import uuid

import pytest
import sqlalchemy as sa
from rows import insert
from spec import PHASE5_TABLES

# table -> (roles that may read it, the boolean column that decides which rows; None: all rows)
READABLE = {
    "api_uptime_summary": ({"anon", "authenticated"}, None),
    "api_endpoint_configs": ({"anon", "authenticated"}, "is_public"),
    "api_incident_updates": ({"anon", "authenticated"}, "is_public"),
    "ai_tester_pricing": ({"authenticated"}, "is_active"),
    "ai_model_capabilities": ({"authenticated"}, "is_available"),
    "ai_capability_benchmarks": ({"authenticated"}, None),
}


def visible_rows(connection: sa.Connection, table: str, role: str, user_id: uuid.UUID | None = None) -> int:
    """How many rows of table the role sees (inside a savepoint, so the role switch is undone)."""
    with connection.begin_nested() as savepoint:
        if user_id:
            connection.execute(
                sa.text("SELECT set_config('request.jwt.claims', :claims, true)"), {"claims": f'{{"sub": "{user_id}"}}'}
            )
        connection.execute(sa.text(f"SET LOCAL ROLE {role}"))
        count = connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
        savepoint.rollback()
    return count


@pytest.mark.parametrize("table", PHASE5_TABLES)
@pytest.mark.parametrize("role", ["anon", "authenticated", "service_role"])
def test_role_sees_only_what_a_policy_opens(head, table, role):
    roles, deciding_column = READABLE.get(table, (set(), None))
    head.execute(sa.text(f"DELETE FROM {table}"))  # reference rows; the transaction is rolled back
    if deciding_column:
        insert(head, table, **{deciding_column: True})
        insert(head, table, **{deciding_column: False})
    else:
        insert(head, table)
        insert(head, table)
    if role == "service_role":
        expected = 2  # the backend bypasses RLS
    elif role in roles:
        expected = 1 if deciding_column else 2
    else:
        expected = 0
    assert visible_rows(head, table, role) == expected


def test_users_manage_only_their_own_status_subscriptions(head):
    me, someone_else = uuid.uuid4(), uuid.uuid4()
    insert(head, "api_status_subscriptions", user_id=me)
    insert(head, "api_status_subscriptions", user_id=someone_else)
    assert visible_rows(head, "api_status_subscriptions", "authenticated", user_id=me) == 1
    assert visible_rows(head, "api_status_subscriptions", "anon") == 0

    with head.begin_nested() as savepoint:
        head.execute(sa.text("SELECT set_config('request.jwt.claims', :c, true)"), {"c": f'{{"sub": "{me}"}}'})
        head.execute(sa.text("SET LOCAL ROLE authenticated"))
        insert(head, "api_status_subscriptions", user_id=me)
        updated = head.execute(sa.text("UPDATE api_status_subscriptions SET is_active = false")).rowcount
        deleted = head.execute(sa.text("DELETE FROM api_status_subscriptions")).rowcount
        assert (updated, deleted) == (2, 2)
        with pytest.raises(sa.exc.ProgrammingError, match="row-level security"), head.begin_nested():
            insert(head, "api_status_subscriptions", user_id=someone_else)
        savepoint.rollback()
