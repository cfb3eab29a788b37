"""copy_rows on a real database: rows land typed, bad column names are refused before any SQL, bad values by the database."""

import datetime
import time
import uuid
from decimal import Decimal

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from hitlai_schema import AIInferenceLog, AIModelProvider, AITesterAssignmentPreference, ClickEvent
from hitlai_schema.ingest import IngestError, copy_rows, uuid7
from hitlai_schema.schemas import ClickEventCreate
from tests.support.rows import insert_parent


def inference_log(**values):
    return {
        "model_version": "v1",
        "model_provider": "claude",
        "input_prompt": "prompt",
        "output_text": "answer",
        "latency_ms": 12,
        **values,
    }


def test_rows_land_with_their_types(head):
    test_run = insert_parent(head, "test_runs")
    violated = [uuid.uuid4(), uuid.uuid4()]
    at = datetime.datetime(2026, 1, 17, 12, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    written = copy_rows(
        head,
        AIInferenceLog,
        [
            inference_log(
                test_run_id=test_run,
                input_context={"page": "/checkout", "steps": [1, 2], "quote": 'it\'s \\ "odd"\ttab'},
                violated_rules=violated,
                cost_usd=Decimal("0.001250"),
                created_at=at,
            ),
            inference_log(test_run_id=None, input_context=None, violated_rules=None, cost_usd=None, created_at=at),
        ],
    )
    assert written == 2
    company = insert_parent(head, "companies")
    copy_rows(
        head,
        AITesterAssignmentPreference,
        [{"company_id": company, "preferred_ai_providers": [AIModelProvider.CLAUDE, "grok"], "ai_for_test_types": []}],
    )

    session = Session(bind=head)
    first, second = session.scalars(sa.select(AIInferenceLog).order_by(AIInferenceLog.test_run_id.nulls_last())).all()
    assert first.test_run_id == test_run
    assert first.input_context == {"page": "/checkout", "steps": [1, 2], "quote": 'it\'s \\ "odd"\ttab'}
    assert first.violated_rules == violated
    assert first.cost_usd == Decimal("0.001250")
    assert first.created_at == at
    assert isinstance(first.id, uuid.UUID)  # left out: the server default
    assert second.input_context is None and second.violated_rules is None
    preference = session.scalars(sa.select(AITesterAssignmentPreference)).one()
    assert preference.preferred_ai_providers == [AIModelProvider.CLAUDE, AIModelProvider.GROK]
    assert preference.ai_for_test_types == []
    assert preference.allow_ai_testers is True  # left out: the server default
    # None is SQL NULL, not the JSON null
    json_types = head.execute(
        sa.text("SELECT jsonb_typeof(input_context) FROM ai_inference_logs ORDER BY test_run_id NULLS LAST")
    )
    assert json_types.scalars().all() == ["object", None]


def test_an_unknown_column_is_refused_before_any_sql(head):
    closed = psycopg.connect(head.engine.url.set(drivername="postgresql").render_as_string(hide_password=False))
    closed.close()  # any SQL sent through it would fail otherwise
    with pytest.raises(IngestError, match="table ai_inference_logs has no column 'lateny_ms'"):
        copy_rows(closed, AIInferenceLog, [inference_log(lateny_ms=3)])


def test_a_row_with_other_keys_is_refused_and_nothing_is_written(head):
    rows = [inference_log(), inference_log(), {"model_version": "v1"}]
    with pytest.raises(IngestError, match="row 2 has no value for column 'model_provider'"):
        with head.begin_nested():
            copy_rows(head, AIInferenceLog, rows)
    with pytest.raises(IngestError, match="row 1 has column\\(s\\) 'flag_reason' that the first row has not"):
        with head.begin_nested():
            copy_rows(head, AIInferenceLog, [inference_log(), inference_log(flag_reason="x")])
    assert head.execute(sa.text("SELECT count(*) FROM ai_inference_logs")).scalar_one() == 0


def test_a_violated_check_is_refused_by_the_database_naming_it(head):
    with pytest.raises(psycopg.errors.CheckViolation, match="ai_inference_logs_human_rating_check") as refused:
        with head.begin_nested():
            copy_rows(head, AIInferenceLog, [inference_log(human_rating=5), inference_log(human_rating=9)])
    assert refused.value.diag.constraint_name == "ai_inference_logs_human_rating_check"
    with pytest.raises(psycopg.errors.ForeignKeyViolation, match="ai_inference_logs_test_run_id_fkey"):
        with head.begin_nested():
            copy_rows(head, AIInferenceLog, [inference_log(test_run_id=uuid.uuid4())])
    assert head.execute(sa.text("SELECT count(*) FROM ai_inference_logs")).scalar_one() == 0


# --- ids, partitions, streams and Create schemas ------------------------------------------------------------


def clicks(count: int, **values):
    return (
        {"element_tag": "a", "click_x": index, "click_y": 2, "timestamp_ms": index, **values} for index in range(count)
    )


def test_ids_left_out_are_uuid7_increasing_and_given_ids_are_kept(head):
    given = uuid.uuid4()
    assert copy_rows(head, ClickEvent, clicks(500)) == 500
    copy_rows(head, ClickEvent, [{"id": given, "element_tag": "b", "click_x": 0, "click_y": 0, "timestamp_ms": 0}])
    ids = head.execute(sa.text("SELECT id FROM click_events WHERE element_tag = 'a' ORDER BY click_x")).scalars().all()
    assert [made.version for made in ids] == [7] * 500
    assert ids == sorted(ids) and len(set(ids)) == 500
    assert head.execute(sa.text("SELECT id FROM click_events WHERE element_tag = 'b'")).scalar_one() == given


def test_uuid7_is_strictly_increasing_and_carries_the_time():
    before = time.time_ns() // 1_000_000
    made = [uuid7() for _ in range(20_000)]
    after = time.time_ns() // 1_000_000
    assert made == sorted(made) and len(set(made)) == len(made)
    assert all(value.version == 7 and value.variant == uuid.RFC_4122 for value in made)
    assert before <= made[0].int >> 80 <= made[-1].int >> 80 <= after + 1


def test_a_month_without_partition_is_refused_in_one_line_when_creation_is_off(head):
    old = datetime.datetime(2019, 5, 17, 8, tzinfo=datetime.UTC)
    rows = [*clicks(3, created_at=datetime.datetime.now(datetime.UTC)), *clicks(1, created_at=old)]
    with pytest.raises(IngestError) as refused:
        with head.begin_nested():
            copy_rows(head, ClickEvent, rows, create_partitions=False)
    assert str(refused.value) == (
        "no partition of click_events holds 2019-05 (row 3, created_at 2019-05-17T08:00:00+00:00):"
        " run `hitlai-schema partitions ensure --from 2019-05`, or copy with create_partitions=True"
    )
    assert head.execute(sa.text("SELECT count(*) FROM click_events")).scalar_one() == 0
    assert head.execute(sa.text("SELECT to_regclass('hitlai_partitions.click_events_p201905')")).scalar() is None


def test_missing_months_are_created_and_rows_land_in_them(engine, migrate):
    migrate("upgrade", "head")
    at = [datetime.datetime(2021, month, 3, tzinfo=datetime.UTC) for month in (1, 2, 1)]
    naive = datetime.datetime(2020, 12, 31, 23, 30)  # the session's time zone: UTC on this server
    with engine.connect() as connection:
        rows = [*clicks(2, created_at=at[0]), *clicks(2, created_at=at[1]), *clicks(2, created_at=at[2])]
        rows += [*clicks(1, created_at=naive), *clicks(1, created_at="2020-11-05T10:00:00+00:00")]
        assert copy_rows(connection, ClickEvent, rows) == 8
        assert copy_rows(connection, ClickEvent, clicks(3)) == 3  # no created_at: now()
        connection.commit()
        placed = connection.execute(
            sa.text("SELECT tableoid::regclass::text, count(*) FROM click_events GROUP BY 1 ORDER BY 1")
        ).all()
        now = connection.execute(sa.text("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYYMM')")).scalar_one()
        security = connection.execute(
            sa.text(
                "SELECT bool_and(relrowsecurity) FROM pg_class WHERE relnamespace = to_regnamespace('hitlai_partitions')"
                " AND relkind = 'r' AND relname LIKE 'click_events_p202%'"
            )
        ).scalar_one()
    assert placed == [
        ("hitlai_partitions.click_events_p202011", 1),
        ("hitlai_partitions.click_events_p202012", 1),
        ("hitlai_partitions.click_events_p202101", 4),
        ("hitlai_partitions.click_events_p202102", 2),
        (f"hitlai_partitions.click_events_p{now}", 3),
    ]
    assert security is True

    # A month that cannot be made fails the whole call, as a bad row does: here a table left in its way.
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE hitlai_partitions.click_events_p201801 (LIKE click_events)"))
        connection.execute(
            sa.text(
                "INSERT INTO hitlai_partitions.click_events_p201801 (id, element_tag, click_x, click_y, timestamp_ms,"
                " created_at) VALUES (gen_random_uuid(), 'old', 1, 1, 1, '2018-01-02')"
            )
        )
    old = datetime.datetime(2018, 1, 5, tzinfo=datetime.UTC)
    with engine.connect() as connection:
        with pytest.raises(IngestError, match="click_events_p201801 exists, holds rows and is attached to nothing"):
            copy_rows(connection, ClickEvent, [*clicks(5, created_at=at[0]), *clicks(1, created_at=old)])
        with pytest.raises(sa.exc.InternalError, match="current transaction is aborted"):
            connection.execute(sa.text("SELECT 1"))
        connection.rollback()
        assert connection.execute(sa.text("SELECT count(*) FROM click_events")).scalar_one() == 11


def test_any_iterable_is_streamed_once(head):
    consumed = []

    def generated():
        for row in clicks(20_000):
            consumed.append(row["click_x"])
            yield row

    assert copy_rows(head, ClickEvent, generated()) == 20_000
    assert consumed == list(range(20_000))
    assert head.execute(sa.text("SELECT count(*), sum(click_x) FROM click_events")).one() == (
        20_000,
        sum(range(20_000)),
    )


def test_create_schemas_leave_unset_fields_to_their_defaults(head):
    rows = [
        ClickEventCreate(element_tag="unset", click_x=1, click_y=1, timestamp_ms=1),
        ClickEventCreate(element_tag="null", click_x=1, click_y=1, timestamp_ms=1, is_double_click=None),
        ClickEventCreate(element_tag="set", click_x=1, click_y=1, timestamp_ms=1, is_double_click=True),
        ClickEventCreate(element_tag="unset again", click_x=1, click_y=1, timestamp_ms=1, element_id="x"),
    ]
    assert copy_rows(head, ClickEvent, iter(rows)) == 4
    stored = head.execute(
        sa.text("SELECT element_tag, is_double_click, element_id, created_at IS NOT NULL, id FROM click_events")
    ).all()
    assert {row[:4] for row in stored} == {
        ("unset", False, None, True),
        ("null", None, None, True),
        ("set", True, None, True),
        ("unset again", False, "x", True),
    }
    assert {row[4].version for row in stored} == {7}
    with pytest.raises(IngestError, match="row 0 is a ClickEventCreate, not a row of table ai_inference_logs"):
        copy_rows(head, AIInferenceLog, rows)
    with pytest.raises(IngestError, match="row 1 is a dict, not a ClickEventCreate like row 0"):
        copy_rows(head, ClickEvent, [rows[0], {"element_tag": "x"}])
