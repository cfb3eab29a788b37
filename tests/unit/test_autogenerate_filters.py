"""What autogenerate may look at, and the known-equal defaults (hitlai_schema.runtime.autogenerate)."""

import pytest
import sqlalchemy as sa
from alembic.operations import ops

from hitlai_schema.runtime import autogenerate


@pytest.mark.parametrize(
    ("name", "type_", "parents", "included"),
    [
        ("public", "schema", {}, True),
        (None, "schema", {}, True),
        ("auth", "schema", {}, False),
        ("hitlai_partitions", "schema", {}, False),
        ("click_events", "table", {"schema_name": None}, True),
        ("page_performance_legacy", "table", {"schema_name": None}, False),
        ("projects", "table", {"schema_name": "public"}, False),
        ("users", "table", {"schema_name": "auth"}, False),
        ("idx_anything", "index", {"table_name": "click_events"}, True),
    ],
)
def test_include_name_reads_only_what_the_models_own(name, type_, parents, included):
    assert autogenerate.include_name(name, type_, parents) is included


@pytest.mark.parametrize(
    ("inspected", "rendered", "verdict"),
    [
        ("uuid_generate_v4()", "gen_random_uuid()", False),
        ("extensions.uuid_generate_v4()", "'gen_random_uuid()'", False),
        ("now()", "gen_random_uuid()", None),
        (None, "gen_random_uuid()", None),
    ],
)
def test_the_two_random_uuid_defaults_are_equal(inspected, rendered, verdict):
    assert autogenerate.compare_server_default(None, None, None, inspected, None, rendered) is verdict


def test_comment_changes_on_core_tables_are_dropped_and_others_kept():
    core = frozenset({"test_runs"})
    kept = autogenerate.without_core_comment_changes(
        [
            ops.CreateTableCommentOp("test_runs", "theirs"),
            ops.CreateTableCommentOp("click_events", "ours"),
            ops.AlterColumnOp("test_runs", "status", modify_comment="x", existing_type=sa.Text()),
            ops.ModifyTableOps("test_runs", [ops.DropTableCommentOp("test_runs")]),
        ],
        core,
    )
    assert [type(op).__name__ for op in kept] == ["CreateTableCommentOp"]
    assert kept[0].table_name == "click_events"
