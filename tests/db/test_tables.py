"""Every table the chain builds, read back from PostgreSQL's catalog and exercised with real rows."""

import pytest
import sqlalchemy as sa

from tests.support.pg_catalog import read_table, table_comment
from tests.support.rows import checked_column, insert, insert_parent, out_of_range_value, sample_value
from tests.support.spec import CORE_TABLES, HEAD, PHASE5_TABLES, TRIGGER_FILLED, expected_table, table_spec

BUILT_TABLES = CORE_TABLES + PHASE5_TABLES

CHECKS = [(table, check) for table in BUILT_TABLES for check in table_spec(table)["check_constraints"]]
NOT_NULL_COLUMNS = [
    (table, column["name"])
    for table in BUILT_TABLES
    for column in table_spec(table)["columns"]
    if not column["nullable"] and "default" not in column and column["name"] != "id"
]
FOREIGN_KEYS = [(table, fk) for table in BUILT_TABLES for fk in table_spec(table)["foreign_keys"]]


@pytest.mark.parametrize("table", BUILT_TABLES)
def test_table_matches_catalog(head, table):
    assert read_table(head, table) == expected_table(table, at_revision=HEAD)


@pytest.mark.parametrize("table", PHASE5_TABLES)
def test_table_has_a_comment_and_row_level_security(head, table):
    comment = table_comment(head, table)
    assert comment and "\n" not in comment
    rls = head.execute(sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(:t)"), {"t": table})
    assert rls.scalar_one() is True


@pytest.mark.parametrize(("table", "check"), CHECKS, ids=[check["name"] for _, check in CHECKS])
def test_check_constraint_refuses_a_bad_row(head, table, check):
    column = checked_column(table, check["name"])
    with pytest.raises(sa.exc.IntegrityError) as refused, head.begin_nested():
        insert(head, table, **{column: out_of_range_value(check["expression"])})
    assert refused.value.orig.diag.constraint_name == check["name"]
    assert check["name"] in str(refused.value)


@pytest.mark.parametrize(("table", "column"), NOT_NULL_COLUMNS, ids=[f"{t}.{c}" for t, c in NOT_NULL_COLUMNS])
def test_not_null_column_refuses_null(head, table, column):
    with pytest.raises(sa.exc.IntegrityError, match=f'column "{column}".*violates not-null'), head.begin_nested():
        if (table, column) in TRIGGER_FILLED:
            row_id = insert(head, table, **{column: None})
            assert head.execute(sa.text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}).scalar()
            head.execute(sa.text(f"UPDATE {table} SET {column} = NULL WHERE id = :id"), {"id": row_id})
        else:
            insert(head, table, **{column: None})


@pytest.mark.parametrize(("table", "fk"), FOREIGN_KEYS, ids=[fk["name"] for _, fk in FOREIGN_KEYS])
def test_foreign_key_on_delete(head, table, fk):
    referenced_table = fk["references"].split("(")[0]
    (column,) = fk["columns"]
    parent_id = insert_parent(head, referenced_table)
    child_id = insert(head, table, **{column: parent_id})
    delete_parent = sa.text(f"DELETE FROM {referenced_table} WHERE id = :id")
    child = sa.text(f"SELECT {column} FROM {table} WHERE id = :id")

    if fk["on_delete"] == "NO ACTION":
        with pytest.raises(sa.exc.IntegrityError, match=fk["name"]), head.begin_nested():
            head.execute(delete_parent, {"id": parent_id})
        assert head.execute(child, {"id": child_id}).scalar_one() == parent_id
        return
    head.execute(delete_parent, {"id": parent_id})
    remaining = head.execute(child, {"id": child_id}).all()
    if fk["on_delete"] == "CASCADE":
        assert remaining == []
    else:
        assert fk["on_delete"] == "SET NULL"
        assert remaining == [(None,)]


UNIQUES = [
    (table, unique["name"], unique["columns"])
    for table in BUILT_TABLES
    for unique in table_spec(table)["unique_constraints"]
    + [index for index in table_spec(table)["indexes"] if index["unique"]]
    if unique.get("added_by_revision", "") <= HEAD
]


@pytest.mark.parametrize(("table", "name", "columns"), UNIQUES, ids=[name for _, name, _ in UNIQUES])
def test_unique_constraint_refuses_a_duplicate(head, table, name, columns):
    by_name = {column["name"]: column for column in table_spec(table)["columns"]}
    foreign = {fk["columns"][0]: fk["references"].split("(")[0] for fk in table_spec(table)["foreign_keys"]}
    values = {
        column: insert_parent(head, foreign[column]) if column in foreign else sample_value(by_name[column])
        for column in columns
    }
    insert(head, table, **values)
    with pytest.raises(sa.exc.IntegrityError, match="duplicate key") as refused, head.begin_nested():
        insert(head, table, **values)
    assert refused.value.orig.diag.constraint_name == name
