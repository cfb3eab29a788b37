"""copy_rows on a real database: rows land typed, bad column names are refused before any SQL, bad values by the database."""

import datetime
import uuid
from decimal import Decimal

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from hitlai_schema import AIInferenceLog, AIModelProvider, AITesterAssignmentPreference
from hitlai_schema.ingest import IngestError, copy_rows
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
