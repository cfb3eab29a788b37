"""Revision 20260117000005: enums, reference rows, and the ALTERs on two large core tables."""

from decimal import Decimal

import pytest
import sqlalchemy as sa

from hitlai_schema.runtime.database import MigrationError
from tests.support.pg_catalog import enum_labels, read_table
from tests.support.rows import insert
from tests.support.spec import BASELINE, CATALOG, expected_table

REVISION = "20260117000005"
PREVIOUS = "20260117000004"
ALTERED = ("human_testers", "test_runs")


def reference_rows(connection: sa.Connection) -> dict[str, list[tuple]]:
    pricing = CATALOG["reference_data"]["ai_tester_pricing"]["columns"]
    capabilities = CATALOG["reference_data"]["ai_model_capabilities"]["columns"]
    return {
        "ai_tester_pricing": [
            tuple(row)
            for row in connection.execute(
                sa.text(f"SELECT {', '.join(pricing)} FROM ai_tester_pricing ORDER BY base_price_per_test_usd")
            )
        ],
        "ai_model_capabilities": [
            tuple(row)
            for row in connection.execute(
                sa.text(f"SELECT {', '.join(capabilities)} FROM ai_model_capabilities ORDER BY model_version")
            )
        ],
    }


def expected_reference_rows() -> dict[str, list[tuple]]:
    def normalized(row):
        return tuple(Decimal(value) if isinstance(value, str) and value[:1].isdigit() else value for value in row)

    data = CATALOG["reference_data"]
    return {
        "ai_tester_pricing": sorted(
            (normalized(row) for row in data["ai_tester_pricing"]["rows"]), key=lambda row: row[2]
        ),
        "ai_model_capabilities": sorted(
            (normalized(row) for row in data["ai_model_capabilities"]["rows"]), key=lambda row: row[1]
        ),
    }


def test_enums_have_the_spec_labels_in_order(head):
    assert enum_labels(head) == CATALOG["enums"]


def test_reference_rows_are_there_once_also_after_downgrade_and_upgrade(migrate, engine):
    migrate("upgrade", "head")
    migrate("downgrade", PREVIOUS)
    migrate("upgrade", "head")
    with engine.connect() as connection:
        assert reference_rows(connection) == expected_reference_rows()
        effective = connection.execute(
            sa.text("SELECT count(*) FROM ai_tester_pricing WHERE effective_from > now() - interval '1 hour'")
        ).scalar_one()
    assert effective == 9


def test_upgrade_keeps_existing_rows_and_does_not_rewrite_large_tables(migrate, engine):
    migrate("upgrade", PREVIOUS)
    with engine.begin() as connection:
        tester = insert(connection, "human_testers", display_name="Ada", tier="expert", stats={"tests": 3})
        run = insert(
            connection, "test_runs", url="https://example.com", mission="checkout", persona="p", status="completed"
        )
        files_before = relfilenodes(connection)
        before = snapshot(connection)

    migrate("upgrade", REVISION)
    with engine.connect() as connection:
        assert relfilenodes(connection) == files_before
        after = snapshot(connection)
        assert connection.execute(
            sa.text("SELECT tester_category, ai_configuration FROM human_testers WHERE id = :id"), {"id": tester}
        ).one() == ("human", {})
        assert connection.execute(
            sa.text("SELECT tester_category, ai_model_provider FROM test_runs WHERE id = :id"), {"id": run}
        ).one() == (None, None)
    for table in ALTERED:
        assert [{k: row[k] for k in before[table][0]} for row in after[table]] == before[table]


def test_downgrade_restores_the_baseline_tables_with_their_rows(migrate, engine, alembic_config):
    migrate("upgrade", "head")
    with engine.begin() as connection:
        insert(
            connection,
            "human_testers",
            display_name="Grace",
            tester_category="ai_third_party",
            ai_model_provider="claude",
        )
        insert(connection, "test_runs", url="https://example.com", mission="m", persona="p", ai_tokens_used=1200)
        before = snapshot(connection)
        # A partial index on an enum column must not stand in the downgrade's way.
        connection.execute(
            sa.text("CREATE INDEX extra_provider_index ON test_runs (id) WHERE ai_model_provider = 'claude'")
        )
    with pytest.raises(MigrationError, match="column public.test_runs.ai_tokens_used \\(1 value\\)"):
        migrate("downgrade", PREVIOUS)
    alembic_config.attributes["settings"] = {"allow_data_loss": "true"}
    migrate("downgrade", PREVIOUS)
    with engine.connect() as connection:
        for table in ALTERED:
            assert read_table(connection, table) == expected_table(table, at_revision=BASELINE)
        after = snapshot(connection)
        assert enum_labels(connection) == {name: CATALOG["enums"][name] for name in ("platform_type", "test_status")}
    for table in ALTERED:
        assert after[table] == [{k: v for k, v in row.items() if k in after[table][0]} for row in before[table]]


def test_unknown_enum_value_is_refused_clearly(head):
    with pytest.raises(sa.exc.DataError, match='invalid input value for enum tester_category: "robot"'):
        with head.begin_nested():
            insert(head, "human_testers", display_name="x", tester_category="robot")


def test_benchmark_score_outside_0_to_100_is_refused(head):
    for score in (-1, 100.5):
        with pytest.raises(sa.exc.IntegrityError, match="ai_capability_benchmarks_score_check"):
            with head.begin_nested():
                insert(head, "ai_capability_benchmarks", score=score)
    insert(head, "ai_capability_benchmarks", score=100, capability_level="agi")


def relfilenodes(connection: sa.Connection) -> dict[str, int]:
    rows = connection.execute(
        sa.text("SELECT relname, relfilenode FROM pg_class WHERE relname = ANY(:names)"), {"names": list(ALTERED)}
    )
    return dict(rows.all())


def snapshot(connection: sa.Connection) -> dict[str, list[dict]]:
    return {
        table: [dict(row._mapping) for row in connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY id"))]
        for table in ALTERED
    }
